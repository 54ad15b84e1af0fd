import MemoryNumerics

/// One-step-ahead linear prediction of a series from a fitted ARFIMA(p, d, q) model (conventions of
/// ``ARFIMAModel``: φ(B)(1−B)^d (X_t − μ) = θ(B) ε_t).
///
/// * ``exact(_:model:mean:)`` — the best linear predictor of X_{t+1} from the finite past X_1 … X_t under the model,
///   by the Durbin–Levinson recursion on the model's autocovariance (Brockwell & Davis 1991, *Time Series: Theory
///   and Methods*, §5.2; Beran 1994, *Statistics for Long-Memory Processes*, §8.7). Its mean squared error is the
///   smallest any linear function of the past can reach when the model is true, which makes it the natural floor
///   for one-step forecasts of a long-memory series.
/// * ``arInfinity(_:model:mean:window:)`` — the AR(∞) form X̂_{t+1} = μ − Σ_{j=1}^{min(t, K)} π_j (X_{t+1−j} − μ)
///   with π(z) = φ(z)(1−z)^d/θ(z) (Beran 1994, §8.7; Haslett & Raftery 1989, Appl. Statist. 38:1–50, use its
///   truncation): the infinite-past predictor with the unobserved past set to the mean. It converges to the exact
///   predictor as t grows (the π_j are summable for d > −½).
public enum OneStepPrediction {
    /// Predictions x̂_1 … x̂_n of x_1 … x_n, x̂_t using x_1 … x_{t−1} (x̂_1 = μ), by the exact finite-past best linear
    /// predictor under `model` (σ² does not matter). O(n²) time, O(n) memory.
    /// - Throws: for a model that is not stationary and invertible in d, or a non-finite series.
    public static func exact(_ x: [Double], model: ARFIMAModel, mean: Double) throws -> [Double] {
        let n = x.count
        guard n > 0 else { return [] }
        try Validate.finite(x)
        guard mean.isFinite else {
            throw LongMemoryError.invalidArgument(name: "mean", value: "\(mean)", requirement: "must be finite")
        }
        let gamma = try Autocovariance.arfima(model, lags: max(n - 1, 1))
        let centred = x.map { $0 - mean }
        let (errors, _) = try DurbinLevinson.predictionErrors(centred, acvf: gamma)
        var predictions = [Double](repeating: mean, count: n)
        for t in 0..<n { predictions[t] = x[t] - errors[t] }
        return predictions
    }

    /// Predictions x̂_1 … x̂_n by the AR(∞) predictor truncated to the last `window` values (and to the observed
    /// past): x̂_{t+1} = μ − Σ_{j=1}^{min(t, K)} π_j (x_{t+1−j} − μ). O(nK).
    public static func arInfinity(_ x: [Double], model: ARFIMAModel, mean: Double, window: Int) throws -> [Double] {
        guard window >= 1 else {
            throw LongMemoryError.invalidArgument(name: "window", value: "\(window)", requirement: "must be ≥ 1")
        }
        try Validate.finite(x)
        let pi = try arInfinityWeights(model, count: window + 1)
        var predictions = [Double](repeating: mean, count: x.count)
        for t in 1..<max(x.count, 1) {
            var s = 0.0
            for j in 1...min(t, window) { s += pi[j] * (x[t - j] - mean) }
            predictions[t] = mean - s
        }
        return predictions
    }

    /// The coefficients π_0 = 1, π_1 … π_{count−1} of π(z) = φ(z)(1−z)^d/θ(z), the AR(∞) form
    /// Σ_j π_j (X_{t−j} − μ) = ε_t (Beran 1994, §8.7): the fractional-difference weights convolved with
    /// 1 − φ₁z − … − φ_p z^p, then divided by θ(z) by the recursion c_j = b_j − Σ_{k=1}^{min(j,q)} θ_k c_{j−k}.
    /// - Throws: unless the model is stationary with an invertible MA part.
    public static func arInfinityWeights(_ model: ARFIMAModel, count: Int) throws -> [Double] {
        try model.validate(requireInvertibleMA: true)
        guard count > 0 else { return [] }
        let delta = FractionalWeights.differencing(d: model.d, count: count)
        var b = delta
        for (k, phi) in model.ar.enumerated() where k + 1 < count {
            for j in (k + 1)..<count { b[j] -= phi * delta[j - k - 1] }
        }
        var c = [Double](repeating: 0, count: count)
        for j in 0..<count {
            var s = b[j]
            for (k, theta) in model.ma.enumerated() where k + 1 <= j { s -= theta * c[j - k - 1] }
            c[j] = s
        }
        return c
    }
}
