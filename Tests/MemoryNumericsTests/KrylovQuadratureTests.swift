import MemoryNumerics
import Testing
import _TestSupport

@Suite("Krylov: stochastic Lanczos quadrature")
struct KrylovQuadratureTests {
    /// H2: m = 10 Lanczos steps give a Gauss rule: Σ_k w_k θ_k^p = vᵀA^p v/‖v‖² for p = 0 … 19 (rel 1e-8) and the
    /// weights (squared first components) sum to 1.
    @Test func slqIsGaussQuadrature() throws {
        var rng = TestSupport.rng(81)
        let lambda = (0..<150).map { _ in rng.uniform(-1, 2) }
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 82)
        let op = try DenseSymmetricOperator(a)
        let v = rng.gaussians(150)
        let rule = try StochasticLanczosQuadrature.quadratureRule(op, start: v, steps: 10)
        #expect(rule.nodes.count == 10)
        #expect(abs(rule.weights.reduce(0, +) - 1) < 1e-13)
        let vv = v.reduce(0) { $0 + $1 * $1 }
        var apv = v
        for p in 0...19 {
            let exact = zip(v, apv).reduce(0) { $0 + $1.0 * $1.1 } / vv
            let quadrature = zip(rule.nodes, rule.weights).reduce(0) { $0 + $1.1 * Foundation_pow($1.0, p) }
            #expect(abs(quadrature - exact) <= 1e-8 * max(abs(exact), 1e-3), "p = \(p): \(quadrature) vs \(exact)")
            apv = a * apv
        }
        // p = 2m = 20 is not integrated exactly in general.
        let exact20 = zip(v, apv).reduce(0) { $0 + $1.0 * $1.1 } / vv
        let q20 = zip(rule.nodes, rule.weights).reduce(0) { $0 + $1.1 * Foundation_pow($1.0, 20) }
        #expect(abs(q20 - exact20) > 1e-8 * abs(exact20))
    }

    /// A matrix with three distinct eigenvalues (multiplicities 50, 30, 20): every Rademacher probe's Krylov space
    /// is 3-dimensional, the rule has exactly those nodes and weights 0.5, 0.3, 0.2, and the density integrates to 1.
    @Test func clusteredSpectrumIsExact() throws {
        let lambda =
            [Double](repeating: -2, count: 50) + [Double](repeating: 1, count: 30)
            + [Double](repeating: 4, count: 20)
        let a = Matrix.diagonal(lambda)
        let slq = try StochasticLanczosQuadrature(try DenseSymmetricOperator(a), steps: 20, probes: 3, seed: 4)
        for rule in slq.rules {
            #expect(rule.nodes.count == 3)
            #expect(TestSupport.maxAbsError(rule.nodes, [-2, 1, 4]) < 1e-12)
            #expect(TestSupport.maxAbsError(rule.weights, [0.5, 0.3, 0.2]) < 1e-12)
        }
        // tr f(A) for diagonal A is exact with Rademacher probes.
        #expect(abs(slq.trace { $0 * $0 } - (50 * 4 + 30 + 20 * 16)) < 1e-9)
        let density = try slq.density(variance: 0.01, points: 4001, padding: 1)
        let h = density.grid[1] - density.grid[0]
        let integral = density.density.reduce(0, +) * h
        #expect(abs(integral - 1) < 1e-6)
        #expect(density.variance == 0.01)
        // Peak heights: w/√(2πσ²).
        let peak = density.density[density.grid.firstIndex { abs($0 - 1) < h / 2 }!]
        #expect(abs(peak - 0.3 / (2 * Double.pi * 0.01).squareRoot()) < 1e-6)
    }

    /// The probes are Rademacher vectors drawn in order from the seed, and the default variance is PyHessian's.
    @Test func probesAndDefaults() throws {
        let a = KrylovTestKit.gaussianSymmetric(30, seed: 91)
        let op = try DenseSymmetricOperator(a)
        let slq = try StochasticLanczosQuadrature(op, steps: 8, probes: 2, seed: 12)
        var rng = SeededRandom(seed: 12)
        let first = (0..<30).map { _ in rng.rademacher() }
        #expect(slq.rules[0] == (try StochasticLanczosQuadrature.quadratureRule(op, start: first, steps: 8)))
        let range = slq.nodeRange
        #expect(slq.defaultVariance == 1e-5 * max(1, range.upperBound - range.lowerBound))
        #expect(try StochasticLanczosQuadrature(op, steps: 8, probes: 2, seed: 12) == slq)
        #expect(throws: NumericsError.self) { try slq.density(variance: 0) }
        #expect(throws: NumericsError.self) { try StochasticLanczosQuadrature(op, steps: 0, probes: 1, seed: 0) }
    }

    /// Rules given explicitly — every eigenvalue with weight 1/n — give the exact trace of f and a density whose
    /// mass sits at the eigenvalues; malformed rules are refused.
    @Test func explicitRules() throws {
        let a = KrylovTestKit.gaussianSymmetric(12, seed: 93)
        let eig = try LinearAlgebra.symmetricEigen(a).values
        let rule = try QuadratureRule(nodes: eig, weights: [Double](repeating: 1.0 / 12, count: 12))
        let exact = try StochasticLanczosQuadrature(rules: [rule], dimension: 12, steps: 12)
        var trace = 0.0
        for i in 0..<12 { trace += a[i, i] }
        #expect(abs(exact.trace { $0 } - trace) < 1e-12 * max(1, abs(trace)))
        let density = try exact.density(variance: 1e-4, points: 20_000)
        let h = density.grid[1] - density.grid[0]
        #expect(abs(density.density.reduce(0, +) * h - 1) < 1e-6)
        #expect(throws: NumericsError.self) { try QuadratureRule(nodes: [1, 2], weights: [1]) }
        #expect(throws: NumericsError.self) { try QuadratureRule(nodes: [1], weights: [-1]) }
        #expect(throws: NumericsError.self) { try QuadratureRule(nodes: [.nan], weights: [1]) }
        #expect(throws: NumericsError.self) { try StochasticLanczosQuadrature(rules: [], dimension: 3, steps: 1) }
    }
}

/// x^p by repeated multiplication (exact integer powers, no libm).
func Foundation_pow(_ x: Double, _ p: Int) -> Double {
    var r = 1.0
    for _ in 0..<p { r *= x }
    return r
}
