/// The Gauss quadrature rule of one Lanczos run: nodes θ_k (the eigenvalues of T_m) and weights w_k (the squared
/// first components of T_m's unit eigenvectors), so that Σ_k w_k f(θ_k) ≈ vᵀf(A)v/‖v‖².
public struct QuadratureRule: Sendable, Equatable {
    /// θ_1 ≤ … ≤ θ_m.
    public let nodes: [Double]
    /// w_k ≥ 0, Σ_k w_k = 1.
    public let weights: [Double]

    /// A rule from its nodes (ascending) and weights (non-negative, summing to 1), e.g. the exact eigenvalues of a
    /// small matrix with weights 1/n.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for different lengths, non-finite values or negative weights.
    public init(nodes: [Double], weights: [Double]) throws {
        guard nodes.count == weights.count else {
            throw NumericsError.domain("QuadratureRule: \(nodes.count) nodes and \(weights.count) weights")
        }
        try OperatorChecks.finite(nodes, "QuadratureRule: nodes")
        try OperatorChecks.finite(weights, "QuadratureRule: weights")
        guard weights.allSatisfy({ $0 >= 0 }) else { throw NumericsError.domain("QuadratureRule: negative weight") }
        self.nodes = nodes
        self.weights = weights
    }
}

/// A smoothed eigenvalue density (spectral density of a symmetric operator) on a grid.
public struct EigenvalueDensity: Sendable, Equatable {
    /// Grid points t_j (ascending, equally spaced).
    public let grid: [Double]
    /// φ(t_j) = (1/n_v) Σ_v Σ_k w_k N(t_j; θ_k, σ²): integrates to 1 over the real line (multiply by the dimension
    /// n for an eigenvalue count density).
    public let density: [Double]
    /// σ², the variance of the Gaussian kernel.
    public let variance: Double
}

/// The result of stochastic Lanczos quadrature: one Gauss quadrature rule per probe vector.
public struct StochasticLanczosQuadrature: Sendable, Equatable {
    /// One rule per probe, in probe order.
    public let rules: [QuadratureRule]
    /// The operator's dimension n.
    public let dimension: Int
    /// Lanczos steps requested per probe (a rule has fewer nodes when the probe's Krylov space is invariant).
    public let steps: Int

    /// Stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017, "Fast estimation of tr(f(A)) via stochastic
    /// Lanczos quadrature", *SIAM J. Matrix Anal. Appl.* 38(4):1075, §3; Lin, Saad & Yang 2016, *SIAM Review*
    /// 58(1):34, §3.2 for the density): for each of `probes` Rademacher vectors v (entries ±1, normalised), m
    /// Lanczos steps from v give T_m = S diag(θ) Sᵀ; the nodes are θ_k and the weights w_k = S_{1k}² — the squared
    /// **first** components of T_m's eigenvectors — so that Σ_k w_k θ_k^p = vᵀA^p v/‖v‖² exactly for
    /// p ≤ 2m − 1 (Gauss quadrature; Golub & Meurant, *Matrices, Moments and Quadrature*, 2010, Thm 6.2), and
    /// Σ_k w_k = 1.
    ///
    /// Lanczos runs with full reorthogonalisation and stops early if the probe's Krylov space is invariant (the
    /// rule is then exact for every polynomial). Probes are drawn one after another from `seed`.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for `steps` or `probes` < 1, an operator of dimension 0, or a
    ///   non-finite product.
    public init<Op: SymmetricLinearOperator>(_ op: Op, steps: Int, probes: Int, seed: UInt64) throws {
        try OperatorChecks.positive(steps, "steps")
        try OperatorChecks.positive(probes, "probes")
        let n = op.dimension
        guard n >= 1 else { throw NumericsError.domain("stochastic Lanczos quadrature: the operator has dimension 0") }
        var rng = SeededRandom(seed: seed)
        var rules: [QuadratureRule] = []
        for _ in 0..<probes {
            let v = (0..<n).map { _ in rng.rademacher() }
            rules.append(try Self.quadratureRule(op, start: v, steps: steps))
        }
        self.rules = rules
        self.dimension = n
        self.steps = steps
    }

    /// Rules obtained otherwise (e.g. one rule holding every eigenvalue of a small matrix with weight 1/n, whose
    /// smoothed density is then exact up to the kernel), for the same density and trace formulas.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for no rule or a dimension < 1.
    public init(rules: [QuadratureRule], dimension: Int, steps: Int) throws {
        guard !rules.isEmpty else { throw NumericsError.domain("stochastic Lanczos quadrature: no rule") }
        try OperatorChecks.positive(dimension, "dimension")
        self.rules = rules
        self.dimension = dimension
        self.steps = steps
    }

    /// The Gauss quadrature rule of m Lanczos steps from `start`: nodes = eigenvalues of T_m, weights = squared first
    /// components of its unit eigenvectors, Σ_k w_k θ_k^p = vᵀA^p v/‖v‖² for p ≤ 2m − 1 (fewer nodes, and an exact
    /// rule, when the Krylov space of `start` is invariant before m steps).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for m < 1, a zero or non-finite start vector or a non-finite product.
    public static func quadratureRule<Op: SymmetricLinearOperator>(
        _ op: Op, start: [Double], steps: Int
    ) throws -> QuadratureRule {
        let lanczos = try Lanczos.tridiagonalize(op, start: start, steps: steps)
        let eig = try lanczos.tridiagonalEigen()
        guard let s = eig.vectors else { preconditionFailure("eigenvectors were requested") }
        let m = eig.values.count
        return try QuadratureRule(nodes: eig.values, weights: (0..<m).map { s[0, $0] * s[0, $0] })
    }

    /// Smallest and largest node over all probes (approximations of λ_min and λ_max from inside the spectrum).
    public var nodeRange: ClosedRange<Double> {
        let all = rules.flatMap(\.nodes)
        return (all.min() ?? 0)...(all.max() ?? 0)
    }

    /// The estimate of tr f(A) = n·(1/n_v) Σ_v Σ_k w_k f(θ_k) (Ubaru, Chen & Saad 2017, eq. (3.6)).
    public func trace(of f: (Double) -> Double) -> Double {
        let total = rules.reduce(0.0) { acc, rule in
            acc + zip(rule.nodes, rule.weights).reduce(0.0) { $0 + $1.1 * f($1.0) }
        }
        return Double(dimension) * total / Double(rules.count)
    }

    /// PyHessian's default kernel variance, σ² = 1e-5·max(1, λ_max − λ_min) over the nodes (Yao, Gholami, Keutzer
    /// & Mahoney 2020, "PyHessian", *IEEE BigData*, §III-C; `sigma_squared` there is a variance, not a standard
    /// deviation).
    public var defaultVariance: Double {
        let r = nodeRange
        return 1e-5 * max(1, r.upperBound - r.lowerBound)
    }

    /// The Gaussian-smoothed density φ(t) = (1/n_v) Σ_v Σ_k w_k·exp(−(t − θ_k)²/(2σ²))/√(2πσ²) on `points` equally
    /// spaced grid points from min θ − `padding` to max θ + `padding`.
    ///
    /// - Parameters:
    ///   - variance: σ² (nil: ``defaultVariance``). The grid spacing should be well below σ for the sampled curve
    ///     to show every peak: with the default variance that needs thousands of points.
    ///   - points: number of grid points (≥ 2).
    ///   - padding: margin added on both sides of the node range (nil: 5σ).
    /// - Throws: ``NumericsError/domain(_:)`` for a variance ≤ 0 or non-finite, fewer than 2 points or a negative
    ///   padding.
    public func density(variance: Double? = nil, points: Int = 10_000, padding: Double? = nil) throws
        -> EigenvalueDensity
    {
        let s2 = variance ?? defaultVariance
        guard s2.isFinite, s2 > 0 else {
            throw NumericsError.domain("density: variance must be finite and > 0, got \(s2)")
        }
        guard points >= 2 else { throw NumericsError.domain("density: points must be ≥ 2, got \(points)") }
        let sigma = s2.squareRoot()
        let pad = padding ?? 5 * sigma
        guard pad.isFinite, pad >= 0 else {
            throw NumericsError.domain("density: padding must be finite and ≥ 0, got \(pad)")
        }
        let r = nodeRange
        let lo = r.lowerBound - pad, hi = r.upperBound + pad
        let grid = (0..<points).map { lo + (hi - lo) * Double($0) / Double(points - 1) }
        return EigenvalueDensity(grid: grid, density: try density(on: grid, variance: s2), variance: s2)
    }

    /// The Gaussian-smoothed density (as ``density(variance:points:padding:)``) at given points.
    public func density(on grid: [Double], variance s2: Double) throws -> [Double] {
        guard s2.isFinite, s2 > 0 else {
            throw NumericsError.domain("density: variance must be finite and > 0, got \(s2)")
        }
        try OperatorChecks.finite(grid, "density: grid")
        let normalisation = 1 / ((2 * Double.pi * s2).squareRoot() * Double(rules.count))
        var out = [Double](repeating: 0, count: grid.count)
        for rule in rules {
            for (theta, w) in zip(rule.nodes, rule.weights) where w > 0 {
                for (j, t) in grid.enumerated() {
                    let d = t - theta
                    out[j] += w * Double.exp(-d * d / (2 * s2))
                }
            }
        }
        return out.map { $0 * normalisation }
    }
}
