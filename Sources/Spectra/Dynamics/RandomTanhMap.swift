import MemoryNumerics
/// The random tanh network as a map, h_{t+1} = J tanh(h_t), with D_t = J·diag(sech² h_t) (the discrete-time
/// random network of the transition to chaos; Molgedey, Schuchhardt & Schuster 1992, *Phys. Rev. Lett.* 69:3717;
/// Cessac 1995, *J. Phys. I France* 5:409).
///
/// For J_ij ~ N(0, g²/N) (``GaussianCouplings``) the origin is a global attractor when ρ(J) < 1, and the
/// Lyapunov exponents are then ln|μ_i(J)| (the Jacobian tends to J); chaos (λ₁ > 0) sets in near g = 1 as N → ∞.
/// At finite N, ρ(J) typically exceeds g, so λ₁ ≠ ln g.
public struct RandomTanhMap: TangentDynamics, Equatable {
    /// The coupling matrix J (N × N).
    public let couplings: Matrix
    public private(set) var state: [Double]
    public private(set) var stepIndex = 0
    /// log|det J| (for log|det D_t| = log|det J| + Σ_i log sech² h_i).
    let logAbsDeterminantOfCouplings: Double
    var scratch: Matrix
    var work: [Double]

    public var dimension: Int { couplings.rows }
    public var timeStep: Double { 1 }
    public var remainingSteps: Int? { nil }

    /// A map with couplings J (square, finite) from the initial state h_0.
    public init(couplings: Matrix, initialState: [Double]) throws {
        guard couplings.isSquare, couplings.rows >= 1 else {
            throw SpectraError.invalidArgument(
                argument: "couplings",
                message: "must be square and non-empty, got \(couplings.rows)×\(couplings.columns)")
        }
        if let i = couplings.elements.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(argument: "couplings", message: "entry \(i) is \(couplings.elements[i])")
        }
        self.couplings = couplings
        self.state = []
        self.scratch = Matrix(rows: couplings.rows, columns: 0)
        self.work = [Double](repeating: 0, count: couplings.rows)
        logAbsDeterminantOfCouplings = try LinearAlgebra.logAbsDeterminant(couplings).logAbs
        state = try validatedState(initialState)
    }

    /// A random network: J_ij ~ N(0, g²/N) from `seed` (``GaussianCouplings/matrix(size:gain:seed:zeroDiagonal:)``)
    /// and h_0 ~ N(0, 1) from stream 1 of the same seed.
    public init(size n: Int, gain g: Double, seed: UInt64, zeroDiagonal: Bool = false) throws {
        let j = try GaussianCouplings.matrix(size: n, gain: g, seed: seed, zeroDiagonal: zeroDiagonal)
        var rng = SeededRandom(seed: seed, stream: 1)
        try self.init(couplings: j, initialState: rng.gaussians(n))
    }

    public mutating func setState(_ x: [Double]) throws { state = try validatedState(x) }

    public mutating func step() throws {
        for i in 0..<dimension { work[i] = Double.tanh(state[i]) }
        try BLAS.gemv(couplings, work, into: &state)
        stepIndex += 1
        try SpectraChecks.finiteState(state, step: stepIndex)
    }

    public mutating func step(tangents: Matrix, into out: inout Matrix) throws {
        try checkTangentShapes(tangents, out)
        let n = dimension, k = tangents.columns
        if scratch.columns != k { scratch = Matrix(rows: n, columns: k) }
        for i in 0..<n { work[i] = sech2(state[i]) }
        tangents.elements.withUnsafeBufferPointer { q in
            scratch.elements.withUnsafeMutableBufferPointer { s in
                for j in 0..<k { for i in 0..<n { s[i + j * n] = work[i] * q[i + j * n] } }
            }
        }
        try BLAS.gemm(couplings, scratch, into: &out)
        try step()
    }

    public var hasCheapJacobian: Bool { true }

    public func jacobian() throws -> Matrix {
        var d = Matrix(rows: dimension, columns: dimension)
        try writeJacobian(into: &d)
        return d
    }

    /// D_t = J·diag(sech² h_t).
    public func writeJacobian(into d: inout Matrix) throws {
        let n = dimension
        if d.rows != n || d.columns != n { d = Matrix(rows: n, columns: n) }
        couplings.elements.withUnsafeBufferPointer { c in
            d.elements.withUnsafeMutableBufferPointer { p in
                for j in 0..<n {
                    let s = sech2(state[j])
                    for i in 0..<n { p[i + j * n] = s * c[i + j * n] }
                }
            }
        }
    }

    public func logAbsDeterminant() throws -> Double {
        state.reduce(logAbsDeterminantOfCouplings) { $0 + logSech2($1) }
    }

    /// The annealed mean-field estimate of λ₁ for J_ij ~ N(0, g²/N) as N → ∞: the local fields are Gaussian,
    /// h ~ N(0, Δ*) with Δ* = g²·E[tanh²(h)] (the stable fixed point of that map, 0 for g ≤ 1), and a tangent vector
    /// grows on average by g²·E[sech⁴(h)] in squared norm per step, so λ₁ ≈ ½·ln(g²·E[sech⁴ h]) (= ln g for g ≤ 1)
    /// (the annealed approximation of Molgedey, Schuchhardt & Schuster 1992 for the discrete-time network; at finite
    /// N, ρ(J) fluctuates above g and the quenched λ₁ differs). Unverified detail: this is the standard annealed
    /// approximation for discrete-time tanh maps, not checked against a published table; the tests compare it with
    /// simulations only loosely.
    ///
    /// Gaussian expectations by a 200-point Gauss–Legendre rule over ±12 standard deviations; the fixed point by
    /// iteration to relative change 1e-14.
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a non-finite or non-positive gain.
    public static func meanFieldLargestExponent(gain g: Double) throws -> Double {
        try SpectraChecks.finite(g, "gain", positive: true)
        let (nodes, weights) = try Quadrature.gaussLegendreRule(points: 200)
        let density = nodes.map { Double.exp(-72 * $0 * $0) * 12 / (2 * Double.pi).squareRoot() }  // z = 12x
        func expectation(_ variance: Double, _ f: (Double) -> Double) -> Double {
            let sd = variance.squareRoot()
            var s = 0.0
            for i in nodes.indices { s += weights[i] * density[i] * f(sd * 12 * nodes[i]) }
            return s
        }
        var delta = g * g
        for _ in 0..<100_000 {
            let next = g * g * expectation(delta) { Double.tanh($0) * Double.tanh($0) }
            if next < 1e-300 { delta = 0; break }
            if abs(next - delta) <= 1e-14 * delta {
                delta = next
                break
            }
            delta = next
        }
        let growth =
            g * g
            * expectation(delta) {
                let s = sech2($0); return s * s
            }
        return 0.5 * Double.log(growth)
    }
}
