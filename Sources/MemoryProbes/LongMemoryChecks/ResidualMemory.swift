import MemoryNumerics
import Recurrent

/// Residual memory: what is left of a long-memory series after a predictor. Zhao et al.'s (2020, ICML) testable
/// claim (ii): a predictor with summable coefficients — an AR(p) fit, a contracting RNN or LSTM — cannot turn a
/// long-memory input into short-memory residuals; the residuals keep d (or d − 1 when the coefficients sum to 1).
/// Only a filter with the right fractional difference (1 − B)^d whitens them.
public enum ResidualMemory {
    /// A conditional least-squares AR(p) fit x_t = c + Σ_{i=1}^{p} φ_i x_{t−i} + e_t, t = p + 1 … n.
    public struct AutoregressiveFit: Sendable, Equatable {
        /// The intercept c.
        public let intercept: Double
        /// φ_1 … φ_p.
        public let coefficients: [Double]
        /// e_t for t = p + 1 … n (n − p values).
        public let residuals: [Double]
    }

    /// Fit AR(`order`) by conditional least squares (with an intercept).
    public static func autoregressiveFit(_ x: [Double], order p: Int) throws -> AutoregressiveFit {
        try Check.positive(p, "order")
        try Check.finite(x, "series")
        let n = x.count
        guard n >= 3 * p + 10 else {
            throw MemoryProbeError.invalidArgument(
                argument: "series", message: "\(n) values are too few for an AR(\(p)) fit")
        }
        let rows = n - p
        var design = Matrix(rows: rows, columns: p + 1)
        var target = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            let t = p + r
            design[r, 0] = 1
            for i in 1...p { design[r, i] = x[t - i] }
            target[r] = x[t]
        }
        let beta = try LinearAlgebra.leastSquares(design, target)
        let residuals = (0..<rows).map { r in
            var fit = beta[0]
            for i in 1...p { fit += beta[i] * x[p + r - i] }
            return x[p + r] - fit
        }
        return AutoregressiveFit(intercept: beta[0], coefficients: Array(beta[1...]), residuals: residuals)
    }

    /// The K-term fractional difference e_t = Σ_{j<min(K, t)} π_j(d) x_{t−j} — the residual of the truncated FI(d)
    /// AR(∞) predictor, which whitens an FI(d) series when d is the true order. The first K − 1 values, computed from
    /// a partial window, are dropped.
    public static func fractionalResiduals(_ x: [Double], d: Double, window: Int) throws -> [Double] {
        try Check.positive(window, "window")
        try Check.finite(d, "d")
        guard x.count > window + 32 else {
            throw MemoryProbeError.invalidArgument(
                argument: "window", message: "\(window) leaves too few of \(x.count) values")
        }
        return Array(try LongMemoryBridge.windowedFractionalDifference(x, d: d, window: window).dropFirst(window - 1))
    }

    /// One-step residuals of a network trained as a predictor with look-back 1 (Zhao et al.'s protocol: input x_t,
    /// output x̂_{t+1}): e_{t+1} = x_{t+1} − ŷ_t for t = burnIn + 1 … n − 1, the series fed as one sequence.
    public static func oneStepResiduals(model: any RecurrentModel, series x: [Double], burnIn: Int = 0) throws
        -> [Double]
    {
        guard model.inputSize == 1, model.outputSize == 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "model",
                message:
                    "a one-step predictor needs one input and one output, got \(model.inputSize) → \(model.outputSize)")
        }
        try Check.finite(x, "series")
        try Check.nonNegative(burnIn, "burnIn")
        guard x.count - 1 - burnIn >= 32 else {
            throw MemoryProbeError.invalidArgument(argument: "burnIn", message: "leaves too few of \(x.count) values")
        }
        let y = try model.outputs(
            SequenceBatch(steps: x.count - 1, batchSize: 1, features: 1, values: Array(x.dropLast())))
        return (burnIn..<(x.count - 1)).map { x[$0 + 1] - y.values[$0] }
    }
}
