import MemoryNumerics

extension Simulation {
    /// Davies–Harte with caller-supplied noise, for verification against independent implementations: with the
    /// embedding of ``daviesHartePair(acvf:count:rng:)`` (M = 2m), returns Re W_t and Im W_t, t = 0…n−1, where
    /// W_t = Σ_{k=0}^{M−1} √(μ_k/M)(a_k + i b_k) e^{−2πikt/M}. Pass exactly n autocovariances (lags 0…n−1) to get
    /// the minimal embedding M = 2(n − 1) of Davies & Harte (1987).
    public static func daviesHarte(
        acvf gamma: [Double], count n: Int, noiseReal a: [Double], noiseImaginary b: [Double]
    ) throws -> (first: [Double], second: [Double]) {
        let mu = try embeddingEigenvalues(acvf: gamma, count: n)
        let m = mu.count - 1
        let size = 2 * m
        guard a.count >= size, b.count >= size else {
            throw LongMemoryError.invalidArgument(
                name: "noise", value: "\(min(a.count, b.count)) values", requirement: "needs \(size) real and imaginary parts")
        }
        let maxMu = mu.max() ?? 0, minMu = mu.min() ?? 0
        if minMu < -1e-10 * maxMu || maxMu <= 0 {
            throw LongMemoryError.circulantNotNonnegative(minimumEigenvalue: minMu, maximumEigenvalue: maxMu, length: size)
        }
        var z = [Complex<Double>](repeating: .zero, count: size)
        for k in 0..<size {
            let s = (max(mu[k <= m ? k : size - k], 0) / Double(size)).squareRoot()
            z[k] = Complex(s * a[k], s * b[k])
        }
        let w = FFT.forward(z)
        return (w[0..<n].map(\.real), w[0..<n].map(\.imaginary))
    }
}
