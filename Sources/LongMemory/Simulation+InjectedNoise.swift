import MemoryNumerics

extension Simulation {
    /// Davies–Harte with caller-supplied noise, for verification against independent implementations: with the
    /// embedding of ``daviesHartePair(acvf:count:rng:)`` (M = 2m), returns Re W_t and Im W_t, t = 0…n−1, where
    /// W_t = Σ_{k=0}^{M−1} √(μ_k/M)(a_k + i b_k) e^{−2πikt/M}. Pass exactly n autocovariances (lags 0…n−1) to get
    /// the minimal embedding M = 2(n − 1) of Davies & Harte (1987).
    /// - Throws: as ``daviesHartePair(acvf:count:rng:)`` (n ≥ 2, finite γ, a nonnegative embedding), and when fewer than
    ///   M noise values are given.
    public static func daviesHarte(
        acvf gamma: [Double], count n: Int, noiseReal a: [Double], noiseImaginary b: [Double]
    ) throws -> (first: [Double], second: [Double]) {
        let (ws, m) = try circulantEigenvalues(acvf: gamma, count: n)
        let size = 2 * m
        guard a.count >= size, b.count >= size else {
            throw LongMemoryError.invalidArgument(
                name: "noise", value: "\(min(a.count, b.count)) values",
                requirement: "needs \(size) real and imaginary parts")
        }
        return complexEmbeddingSample(spectrum: ws, m: m, count: n, noiseReal: a, noiseImaginary: b)
    }
}
