import MemoryNumerics

extension Autocovariance {
    /// ARFIMA(p, d, q) autocovariance by the convolution ("splitting") method: X = (1−B)^{−d}U with U an ARMA(p, q)
    /// process, so f_X = 2π·f_FI·f_ARMA and
    ///
    ///     γ_X(h) = Σ_{k∈ℤ} γ_ARMA(k) γ_FI(h − k),
    ///
    /// with γ_FI the FI(d) autocovariance with variance σ² and γ_ARMA the ARMA autocovariance with σ² = 1
    /// (Bertelli & Caporin 2002, J. Time Series Analysis 23(5); Doornik & Ooms 2003, CSDA 42:333–348).
    ///
    /// Only γ_ARMA is truncated, at a lag T where it has decayed geometrically below 1e-18·γ_ARMA(0)/(1 − r)
    /// (r = largest inverse-root modulus; T is doubled until the last p + 1 values pass that test). γ_FI, which decays
    /// only like k^{2d−1}, is used exactly up to lag lags + T. The sum is one linear convolution by FFT of length
    /// ≈ lags + 4T: O((lags + T) log(lags + T)). The result is exact to rounding plus the stated tail, whatever
    /// the AR roots (repeated ones included); only an AR root very near the unit circle makes T large.
    static func splitting(d: Double, ar phi: [Double], ma theta: [Double], sigma2: Double, lags: Int) throws -> [Double]
    {
        let p = phi.count, q = theta.count
        var r = 0.0
        if p > 0 {
            let roots = try Polynomials.roots(oneMinus: phi)
            r = roots.reduce(0) { max($0, 1 / $1.length) }
        }
        // Initial truncation: r^T ≤ 1e-40, at least q + p + 64.
        var t = q + p + 64
        if r > 0 {
            let decay = -Double.log(r)
            let needed = (92.1 / max(decay, 1e-300)).rounded(.up)
            if needed.isFinite && needed < Double(1 << 26) { t = max(t, Int(needed)) } else { t = 1 << 26 }
        }
        var armaACVF: [Double]
        while true {
            armaACVF = try armaUnchecked(ar: phi, ma: theta, sigma2: 1, lags: t)
            if p == 0 { break }
            var tail = 0.0
            for k in max(0, t - p)...t { tail = max(tail, abs(armaACVF[k])) }
            if tail / max(1 - r, 1e-300) <= 1e-18 * armaACVF[0] { break }
            guard t < (1 << 26) else {
                throw LongMemoryError.invalidArgument(
                    name: "ar", value: phi.map { "\($0)" }.joined(separator: ","),
                    requirement: "an AR root is too close to the unit circle (inverse-root modulus \(r)) for the "
                        + "convolution method to truncate the ARMA autocovariance below 2^26 lags")
            }
            t *= 2
        }
        let fi = try fractionalNoise(d: d, sigma2: sigma2, lags: lags + t)
        // u_i = γ_FI(|i − T|), i = 0 … lags + 2T;  v_k = γ_ARMA(|k − T|), k = 0 … 2T;
        // (u ⋆ v)_{h+2T} = Σ_{k'=−T}^{T} γ_ARMA(k') γ_FI(h − k').
        var u = [Double](repeating: 0, count: lags + 2 * t + 1)
        for i in 0..<u.count { u[i] = fi[abs(i - t)] }
        var v = [Double](repeating: 0, count: 2 * t + 1)
        for k in 0..<v.count { v[k] = armaACVF[abs(k - t)] }
        let w = FFT.linearConvolution(u, v, count: lags + 2 * t + 1)
        return Array(w[(2 * t)...(2 * t + lags)])
    }
}
