import MemoryNumerics

/// Sample second-order statistics. Conventions (<doc:Conventions>): the series is demeaned and the autocovariance
/// divisor is n (positive semi-definite; Brockwell & Davis 1991, *Time Series: Theory and Methods*, 2nd ed., §7.2);
/// the periodogram is I(λ_j) = |Σ_{t=1}^{n} x_t e^{−iλ_j t}|²/(2πn) at λ_j = 2πj/n, j = 1…⌊n/2⌋ (Brockwell & Davis
/// 1991, §10.1, on the scale of f with γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ; λ = 0 excluded, so the mean does not
/// matter). Every periodogram of the module (estimators, tests, verdicts) comes from ``periodogram(_:count:)`` or uses
/// its scale 1/(2πn).
public enum SampleStatistics {
    /// γ̂(0…maxLag) = (1/n) Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄), by FFT (zero padding to a smooth length
    /// ≥ n + maxLag, so no circular wrap-around reaches the lags kept). O(n log n) for any number of lags.
    public static func autocovariance(_ x: [Double], maxLag: Int, demean: Bool = true) throws -> [Double] {
        try Validate.finite(x)
        guard maxLag >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lags", value: "\(maxLag)", requirement: "must be ≥ 0")
        }
        try Validate.length(x, atLeast: maxLag + 1, for: "an autocovariance at lag \(maxLag)")
        let n = x.count
        let size = FFT.fastLength(atLeast: n + maxLag)
        let ws = RealFFTWorkspace(length: size)
        let m = demean ? x.mean : 0
        let p = ws.real
        x.withUnsafeBufferPointer { px in
            for t in 0..<n { p[t] = px[t] - m }
        }
        (p + n).update(repeating: 0, count: size - n)
        ws.forward()
        let s = ws.spectrumBuffer
        for k in 0..<ws.spectrumCount {
            let v = s[k]
            s[k] = Complex(v.real * v.real + v.imaginary * v.imaginary, 0)
        }
        ws.inverse()
        return ws.signal(count: maxLag + 1, scale: 1 / (Double(size) * Double(n)))
    }

    /// ρ̂(0…maxLag) = γ̂(k)/γ̂(0). Throws for a constant series.
    public static func autocorrelation(_ x: [Double], maxLag: Int, demean: Bool = true) throws -> [Double] {
        var g = try autocovariance(x, maxLag: maxLag, demean: demean)
        guard g[0] > 0 else { throw LongMemoryError.constantSeries }
        let g0 = g[0]
        for k in g.indices { g[k] /= g0 }
        g[0] = 1
        return g
    }

    /// Sample partial autocorrelations φ̂_11 … φ̂_LL by Durbin–Levinson on γ̂.
    public static func partialAutocorrelation(_ x: [Double], maxLag: Int) throws -> [Double] {
        let g = try autocovariance(x, maxLag: maxLag)
        guard g[0] > 0 else { throw LongMemoryError.constantSeries }
        return try DurbinLevinson.partialAutocorrelations(acvf: g).pacf
    }

    /// The periodogram at the Fourier frequencies.
    public struct Periodogram: Equatable, Sendable {
        /// λ_j = 2πj/n, j = 1…⌊n/2⌋.
        public let frequencies: [Double]
        /// I(λ_j) = |Σ x_t e^{−iλ_j t}|²/(2πn).
        public let values: [Double]
        /// Series length n.
        public let n: Int

        /// The first m ordinates (j = 1…m).
        public func prefix(_ m: Int) -> Periodogram {
            let k = max(0, min(m, values.count))
            return Periodogram(frequencies: Array(frequencies[0..<k]), values: Array(values[0..<k]), n: n)
        }
    }

    /// Periodogram by one real FFT of length n (FFTW handles every length in O(n log n)) at every Fourier frequency
    /// λ_j = 2πj/n, j = 1…⌊n/2⌋. The series is not demeaned: λ = 0 is excluded, so the mean does not matter.
    /// - Throws: for NaN/∞ (with the index) or n < 2.
    public static func periodogram(_ x: [Double]) throws -> Periodogram {
        try periodogram(x, count: x.count / 2)
    }

    /// The first `count` ordinates of ``periodogram(_:)``, j = 1…min(count, ⌊n/2⌋) (the low frequencies the
    /// semiparametric estimators use), from the same single FFT without materialising the others.
    /// - Throws: for NaN/∞ (with the index), n < 2, or a negative `count`.
    public static func periodogram(_ x: [Double], count: Int) throws -> Periodogram {
        try Validate.finite(x)
        try Validate.length(x, atLeast: 2, for: "a periodogram")
        try Validate.nonNegative(count, "count")
        let n = x.count
        let k = min(count, n / 2)
        let ws = RealFFTWorkspace(length: n)
        ws.load(x)
        ws.forward()
        return periodogram(spectrum: ws.spectrumBuffer, n: n, count: k)
    }

    /// I(λ_j) = |X_j|²/(2πn), j = 1…k, from the coefficients X_0…X_k of an n-point real FFT (k ≤ ⌊n/2⌋).
    static func periodogram(spectrum s: UnsafeMutablePointer<Complex<Double>>, n: Int, count k: Int) -> Periodogram {
        let scale = periodogramScale(n: n)
        let step = 2 * Double.pi / Double(n)
        var freq = [Double](repeating: 0, count: k)
        var vals = [Double](repeating: 0, count: k)
        for j in stride(from: 1, through: k, by: 1) {
            let v = s[j]
            vals[j - 1] = (v.real * v.real + v.imaginary * v.imaginary) * scale
            freq[j - 1] = step * Double(j)
        }
        return Periodogram(frequencies: freq, values: vals, n: n)
    }

    /// The periodogram's normalisation 1/(2πn) (<doc:Conventions>): I(λ) = |Σ_{t=1}^{n} x_t e^{−iλt}|²·periodogramScale.
    @inline(__always)
    static func periodogramScale(n: Int) -> Double { 1 / (2 * Double.pi * Double(n)) }

    /// Sample mean and variance (divisor n).
    public static func meanAndVariance(_ x: [Double]) -> (mean: Double, variance: Double) {
        let m = x.mean
        let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(1, x.count))
        return (m, v)
    }
}
