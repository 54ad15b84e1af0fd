import MemoryNumerics
import Recurrent

/// Which end of the Jacobian products J_{t,k} = D_t D_{t−1} ⋯ D_{k+1} = ∂s_t/∂s_k is held fixed.
public enum ProductAnchor: Sendable, Equatable, Hashable {
    /// Fixed final time t: J_{t, t−ℓ} = ∂s_t/∂s_{t−ℓ}, how the gradient at t reaches back ℓ steps (backpropagation).
    case end(Int)
    /// Fixed start time k: J_{k+ℓ, k} = ∂s_{k+ℓ}/∂s_k, how a perturbation at k grows over ℓ steps.
    case start(Int)
}

/// Singular values of the Jacobian products J_{t,k} = ∂s_t/∂s_k = D_t ⋯ D_{k+1} for growing lags ℓ = t − k,
/// computed by QR-renormalised products (`RenormalizedProduct`: the raw product, whose entries may leave the
/// floating-point range after a few hundred steps, is never formed).
///
/// (1/ℓ)·log σ_i(J) tends to the i-th Lyapunov exponent along an ergodic trajectory; σ_1 shrinking or growing
/// geometrically in ℓ is the vanishing or exploding gradient of Bengio, Simard & Frasconi (1994) and Pascanu,
/// Mikolov & Bengio (2013).
public struct JacobianProductSpectrum: Sendable, Equatable {
    /// Which end of the products is fixed.
    public let anchor: ProductAnchor
    /// The lags ℓ analysed, ascending.
    public let lags: [Int]
    /// log σ_1 ≥ … ≥ log σ_S of J at each lag (row i for `lags[i]`), natural logarithms (−∞ for σ = 0).
    public let logSingularValues: [[Double]]

    /// (1/ℓ)·log σ_i(J) for each lag: finite-time Lyapunov exponents of the product, per step.
    public var growthRates: [[Double]] { zip(lags, logSingularValues).map { l, row in row.map { $0 / Double(l) } } }

    /// log σ_1 at each lag: log ‖J_{t,k}‖₂.
    public var logSpectralNorms: [Double] { logSingularValues.map { $0.first ?? -.infinity } }

    /// (t, k) of the product at lag ℓ.
    public func times(lag: Int) -> (t: Int, k: Int) {
        switch anchor {
        case .end(let t): return (t, t - lag)
        case .start(let k): return (k + lag, k)
        }
    }

    /// Products of given step Jacobians: `jacobians[t − 1]` = D_t (S × S) for t = 1 … T.
    ///
    /// - Parameters:
    ///   - jacobians: the step Jacobians D_1 … D_T, `jacobians[t − 1]` = D_t (S × S).
    ///   - anchor: the fixed end of the products, `.end(t)` (∂s_t/∂s_(t−ℓ)) or `.start(k)` (∂s_(k+ℓ)/∂s_k).
    ///   - lags: ℓ values (each ≥ 1; for `.end(t)` at most t, for `.start(k)` at most T − k); nil: every
    ///     lag up to the largest possible.
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for an anchor or lag outside the trajectory or
    ///   Jacobians of different shapes, ``SpectraError/divergence(step:message:)`` for non-finite Jacobians.
    public init(jacobians: [Matrix], anchor: ProductAnchor, lags: [Int]? = nil) throws {
        guard let first = jacobians.first, first.isSquare, first.rows >= 1 else {
            throw SpectraError.invalidArgument(argument: "jacobians", message: "needs at least one square Jacobian")
        }
        let n = first.rows
        if let bad = jacobians.firstIndex(where: { $0.rows != n || $0.columns != n }) {
            throw SpectraError.invalidArgument(argument: "jacobians", message: "D_\(bad + 1) is not \(n)×\(n)")
        }
        let wanted = try Self.resolvedLags(lags, maximum: try Self.maximumLag(anchor, steps: jacobians.count))
        // factor(ℓ) = the ℓ-th factor multiplied on the left, and the time of its Jacobian.
        let rows = try Self.logSingularValues(dimension: n, lags: wanted) { l in
            switch anchor {
            case .end(let t): return (jacobians[t - l].transposed, t - l + 1)  // J_{t,t−ℓ}ᵀ = D_{t−ℓ+1}ᵀ J_{t,t−ℓ+1}ᵀ
            case .start(let k): return (jacobians[k + l - 1], k + l)
            }
        }
        self.anchor = anchor
        self.lags = wanted
        logSingularValues = rows
    }

    /// Products of the exact state Jacobians of `model` along `sequence` (one sequence, joint state of all
    /// layers). Only the Jacobians inside the product window are kept.
    public init(
        model: any RecurrentModel, sequence: SequenceBatch, initialStates: [Matrix]? = nil,
        anchor: ProductAnchor, lags: [Int]? = nil
    ) throws {
        try TrajectoryJacobians.validate(model: model, sequence: sequence)
        let wanted = try Self.resolvedLags(lags, maximum: try Self.maximumLag(anchor, steps: sequence.steps))
        let longest = wanted.last ?? 0
        let (firstNeeded, last): (Int, Int)
        switch anchor {
        case .end(let t): (firstNeeded, last) = (t - longest + 1, t)
        case .start(let k): (firstNeeded, last) = (k + 1, k + longest)
        }
        var window: [Matrix] = []  // D_firstNeeded … D_last
        try TrajectoryJacobians.forEach(
            model: model, sequence: sequence, initialStates: initialStates,
            from: firstNeeded, through: last
        ) { _, j in window.append(j.state) }
        let rows = try Self.logSingularValues(dimension: model.stateSize, lags: wanted) { l in
            switch anchor {
            case .end(let t): return (window[t - l + 1 - firstNeeded].transposed, t - l + 1)
            case .start(let k): return (window[k + l - firstNeeded], k + l)
            }
        }
        self.anchor = anchor
        self.lags = wanted
        logSingularValues = rows
    }

    /// Multiply the factors for ℓ = 1 … max(lags) into a `RenormalizedProduct` and record log σ at the lags.
    static func logSingularValues(
        dimension n: Int, lags: [Int], factor: (Int) -> (matrix: Matrix, time: Int)
    ) throws -> [[Double]] {
        var product = try RenormalizedProduct(dimension: n)
        var rows: [[Double]] = []
        var next = 0
        for l in 1...(lags.last ?? 0) {
            let (matrix, time) = factor(l)
            do { try product.multiply(onLeftBy: matrix) } catch let error as NumericsError {
                throw SpectraError.divergence(step: time, message: "\(error)")
            }
            if next < lags.count && lags[next] == l {
                rows.append(try product.logSingularValues())
                next += 1
            }
        }
        return rows
    }

    static func maximumLag(_ anchor: ProductAnchor, steps: Int) throws -> Int {
        switch anchor {
        case .end(let t):
            guard t >= 1 && t <= steps else {
                throw SpectraError.invalidArgument(argument: "anchor", message: "end time \(t) not in 1…\(steps)")
            }
            return t
        case .start(let k):
            guard k >= 0 && k < steps else {
                throw SpectraError.invalidArgument(argument: "anchor", message: "start time \(k) not in 0…\(steps - 1)")
            }
            return steps - k
        }
    }

    static func resolvedLags(_ lags: [Int]?, maximum: Int) throws -> [Int] {
        guard let lags else { return Array(1...maximum) }
        let sorted = Array(Set(lags)).sorted()
        guard let lo = sorted.first, let hi = sorted.last, lo >= 1, hi <= maximum else {
            throw SpectraError.invalidArgument(argument: "lags", message: "need lags in 1…\(maximum), got \(lags)")
        }
        return sorted
    }
}
