import MemoryNumerics

/// The Durbin–Levinson recursion (Levinson 1947, J. Math. Phys. 25:261–278; Durbin 1960, Rev. Int. Statist. Inst.
/// 28:233–244; Brockwell & Davis 1991, *Time Series: Theory and Methods*, 2nd ed., Prop. 5.2.1):
/// φ_kk = [γ(k) − Σ_{j=1}^{k−1} φ_{k−1,j} γ(k−j)]/v_{k−1}, φ_kj = φ_{k−1,j} − φ_kk φ_{k−1,k−j},
/// v_k = v_{k−1}(1 − φ_kk²), v₀ = γ(0). O(n²) time, O(n) memory. Every Durbin–Levinson computation of the module
/// (PACF, predictors, prediction errors, exact simulation, the exact Gaussian likelihood, Yule–Walker starts) runs
/// through one internal recursion, `recursion(acvf:steps:_:)`.
public enum DurbinLevinson {
    /// Partial autocorrelations φ_11 … φ_LL and innovation variances v_0 … v_L from γ(0…L).
    public static func partialAutocorrelations(acvf gamma: [Double]) throws -> (pacf: [Double], variances: [Double]) {
        try validate(acvf: gamma)
        let lags = gamma.count - 1
        var pacf = [Double](repeating: 0, count: lags)
        var v = [Double](repeating: 0, count: lags + 1)
        v[0] = gamma[0]
        try recursion(acvf: gamma, steps: lags) { k, reflection, variance, _ in
            pacf[k - 1] = reflection
            v[k] = variance
        }
        return (pacf, v)
    }

    /// The best linear predictor of order L = γ.count − 1: coefficients φ_{L,1} … φ_{L,L} of
    /// X̂_{t+1} = Σ_{j=1}^{L} φ_{L,j} X_{t+1−j}, and its mean squared error v_L (same recursion). With the sample
    /// autocovariances these are the Yule–Walker estimates of an AR(L) model.
    public static func predictorCoefficients(acvf gamma: [Double]) throws -> (coefficients: [Double], variance: Double)
    {
        try validate(acvf: gamma)
        let lags = gamma.count - 1
        var coefficients: [Double] = []
        let v = try recursion(acvf: gamma, steps: lags) { k, _, _, phi in
            if k == lags { coefficients = Array(phi[1...lags]) }
        }
        return (coefficients, v)
    }

    /// One-step prediction errors e_t = x_t − x̂_t and their variances v_{t−1} (t = 1…n) of a zero-mean series
    /// under the autocovariance γ(0…n−1): the exact Gaussian likelihood is
    /// −2ℓ = n log 2π + Σ log v_t + Σ e_t²/v_t (Brockwell & Davis 1991, §5.2; Beran 1994, §5.3).
    public static func predictionErrors(_ x: [Double], acvf gamma: [Double]) throws -> (
        errors: [Double], variances: [Double]
    ) {
        let n = x.count
        guard gamma.count >= n else {
            throw LongMemoryError.invalidArgument(
                name: "acvf", value: "\(gamma.count) lags", requirement: "needs at least \(n) values (lags 0…n−1)")
        }
        guard n > 0 else { return ([], []) }
        try Validate.finite(x)
        try validate(acvf: Array(gamma[0..<n]))
        var errors = [Double](repeating: 0, count: n)
        var variances = [Double](repeating: 0, count: n)
        errors[0] = x[0]
        variances[0] = gamma[0]
        try x.withUnsafeBufferPointer { px in
            _ = try recursion(acvf: gamma, steps: n - 1) { k, _, v, phi in
                errors[k] = px[k] - prediction(phi, px, k)
                variances[k] = v
            }
        }
        return (errors, variances)
    }

    // MARK: - The recursion shared by every Durbin–Levinson computation in the module

    /// γ(0) > 0 and every lag finite.
    static func validate(acvf gamma: [Double]) throws {
        guard let g0 = gamma.first, g0 > 0, g0.isFinite else {
            throw LongMemoryError.invalidArgument(
                name: "acvf[0]", value: "\(gamma.first ?? .nan)", requirement: "the variance must be positive")
        }
        try Validate.finite(gamma)
    }

    /// Runs `steps` steps of the recursion on γ (which must hold lags 0…steps; γ(0) > 0 checked by the caller) and
    /// calls `step(k, φ_kk, v_k, φ)` after step k = 1…steps, with φ[1…k] = φ_{k,1…k} (φ[0] unused). The coefficients
    /// are updated in place by pairs (φ_j, φ_{k−j}), so the only storage is one array of steps + 1 values, and the
    /// inner products use two accumulators (no allocation, vectorisable). Returns v_steps.
    /// - Throws: ``LongMemoryError/notPositiveDefinite(step:)`` when v_k ≤ 0 or is not finite (γ is not a positive
    ///   definite sequence), and whatever `step` throws.
    @discardableResult
    static func recursion(
        acvf gamma: [Double], steps: Int,
        _ step: (_ k: Int, _ reflection: Double, _ variance: Double, _ phi: UnsafeMutableBufferPointer<Double>) throws
            -> Void
    ) throws -> Double {
        var v = gamma[0]
        guard steps >= 1 else { return v }
        precondition(gamma.count > steps, "internal: Durbin–Levinson needs γ(0…\(steps))")
        var phi = [Double](repeating: 0, count: steps + 1)
        try gamma.withUnsafeBufferPointer { pg in
            try phi.withUnsafeMutableBufferPointer { pf in
                for k in 1...steps {
                    // φ_kk = [γ(k) − Σ_{j=1}^{k−1} φ_{k−1,j} γ(k−j)]/v_{k−1}
                    var a0 = 0.0, a1 = 0.0
                    var j = 1
                    while j + 1 < k {
                        a0 += pf[j] * pg[k - j]
                        a1 += pf[j + 1] * pg[k - j - 1]
                        j += 2
                    }
                    if j < k { a0 += pf[j] * pg[k - j] }
                    let pkk = (pg[k] - a0 - a1) / v
                    // φ_kj = φ_{k−1,j} − φ_kk φ_{k−1,k−j}, in place by pairs.
                    var lo = 1, hi = k - 1
                    while lo < hi {
                        let a = pf[lo], b = pf[hi]
                        pf[lo] = a - pkk * b
                        pf[hi] = b - pkk * a
                        lo += 1
                        hi -= 1
                    }
                    if lo == hi { pf[lo] -= pkk * pf[lo] }
                    pf[k] = pkk
                    v *= 1 - pkk * pkk
                    guard v > 0, v.isFinite else { throw LongMemoryError.notPositiveDefinite(step: k) }
                    try step(k, pkk, v, pf)
                }
            }
        }
        return v
    }

    /// x̂_k = Σ_{j=1}^{k} φ_{k,j} x_{k−j} (0-based k, two accumulators): the order-k one-step prediction of x_k.
    @inline(__always)
    static func prediction(_ phi: UnsafeMutableBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ k: Int)
        -> Double
    {
        var b0 = 0.0, b1 = 0.0
        var j = 1
        while j + 1 <= k {
            b0 += phi[j] * x[k - j]
            b1 += phi[j + 1] * x[k - j - 1]
            j += 2
        }
        if j <= k { b0 += phi[j] * x[k - j] }
        return b0 + b1
    }
}
