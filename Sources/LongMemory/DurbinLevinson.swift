import MemoryNumerics

/// The Durbin–Levinson recursion (Levinson 1947; Durbin 1960; Brockwell & Davis 1991, Prop. 5.2.1):
/// φ_kk = [γ(k) − Σ_{j=1}^{k−1} φ_{k−1,j} γ(k−j)]/v_{k−1}, φ_kj = φ_{k−1,j} − φ_kk φ_{k−1,k−j},
/// v_k = v_{k−1}(1 − φ_kk²), v₀ = γ(0). O(n²) time, O(n) memory.
public enum DurbinLevinson {
    /// Partial autocorrelations φ_11 … φ_LL and innovation variances v_0 … v_L from γ(0…L).
    public static func partialAutocorrelations(acvf gamma: [Double]) throws -> (pacf: [Double], variances: [Double]) {
        guard let g0 = gamma.first, g0 > 0, g0.isFinite else {
            throw LongMemoryError.invalidArgument(
                name: "acvf[0]", value: "\(gamma.first ?? .nan)", requirement: "the variance must be positive")
        }
        try Validate.finite(gamma)
        let lags = gamma.count - 1
        var pacf = [Double](repeating: 0, count: lags)
        var v = [Double](repeating: 0, count: lags + 1)
        v[0] = g0
        var phi = [Double](repeating: 0, count: lags + 1)
        var prev = phi
        if lags == 0 { return (pacf, v) }
        for k in 1...lags {
            var num = gamma[k]
            for j in 1..<k { num -= prev[j] * gamma[k - j] }
            let pkk = num / v[k - 1]
            phi[k] = pkk
            for j in 1..<k { phi[j] = prev[j] - pkk * prev[k - j] }
            v[k] = v[k - 1] * (1 - pkk * pkk)
            guard v[k] > 0, v[k].isFinite else { throw LongMemoryError.notPositiveDefinite(step: k) }
            pacf[k - 1] = pkk
            swap(&phi, &prev)
        }
        return (pacf, v)
    }

    /// The best linear predictor of order L = γ.count − 1: coefficients φ_{L,1} … φ_{L,L} of
    /// X̂_{t+1} = Σ_{j=1}^{L} φ_{L,j} X_{t+1−j}, and its mean squared error v_L (same recursion).
    public static func predictorCoefficients(acvf gamma: [Double]) throws -> (coefficients: [Double], variance: Double) {
        guard let g0 = gamma.first, g0 > 0, g0.isFinite else {
            throw LongMemoryError.invalidArgument(
                name: "acvf[0]", value: "\(gamma.first ?? .nan)", requirement: "the variance must be positive")
        }
        try Validate.finite(gamma)
        let lags = gamma.count - 1
        var phi = [Double](repeating: 0, count: lags + 1)
        var prev = phi
        var v = g0
        if lags == 0 { return ([], v) }
        for k in 1...lags {
            var num = gamma[k]
            for j in 1..<k { num -= prev[j] * gamma[k - j] }
            let pkk = num / v
            phi[k] = pkk
            for j in 1..<k { phi[j] = prev[j] - pkk * prev[k - j] }
            v *= 1 - pkk * pkk
            guard v > 0, v.isFinite else { throw LongMemoryError.notPositiveDefinite(step: k) }
            swap(&phi, &prev)
        }
        return (Array(prev[1...lags]), v)
    }

    /// One-step prediction errors e_t = x_t − x̂_t and their variances v_{t−1} (t = 1…n) of a zero-mean series
    /// under the autocovariance γ(0…n−1): the exact Gaussian likelihood is
    /// −2ℓ = n log 2π + Σ log v_t + Σ e_t²/v_t (Brockwell & Davis 1991, §5.2; Beran 1994, §5.3).
    public static func predictionErrors(_ x: [Double], acvf gamma: [Double]) throws -> (errors: [Double], variances: [Double]) {
        let n = x.count
        guard gamma.count >= n else {
            throw LongMemoryError.invalidArgument(
                name: "acvf", value: "\(gamma.count) lags", requirement: "needs at least \(n) values (lags 0…n−1)")
        }
        guard n > 0 else { return ([], []) }
        try Validate.finite(x)
        try Validate.finite(Array(gamma[0..<n]))
        guard gamma[0] > 0 else { throw LongMemoryError.notPositiveDefinite(step: 0) }
        var errors = [Double](repeating: 0, count: n)
        var variances = [Double](repeating: 0, count: n)
        var phi = [Double](repeating: 0, count: n + 1)
        var prev = phi
        var v = gamma[0]
        errors[0] = x[0]
        variances[0] = v
        if n == 1 { return (errors, variances) }
        for k in 1..<n {
            var num = gamma[k]
            for j in 1..<k { num -= prev[j] * gamma[k - j] }
            let pkk = num / v
            phi[k] = pkk
            for j in 1..<k { phi[j] = prev[j] - pkk * prev[k - j] }
            v *= (1 - pkk * pkk)
            guard v > 0, v.isFinite else { throw LongMemoryError.notPositiveDefinite(step: k) }
            // Predict x_k from x_{k−1} … x_0 with coefficients φ_{k,1..k}.
            var pred = 0.0
            for j in 1...k { pred += phi[j] * x[k - j] }
            errors[k] = x[k] - pred
            variances[k] = v
            swap(&phi, &prev)
        }
        return (errors, variances)
    }
}
