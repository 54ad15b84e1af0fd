import MemoryNumerics
/// The random rate network τ dh/dt = −h + J φ(h), φ = tanh, Euler-discretised with step Δt (in units of τ):
///
///     h ← h + Δt·(−h + J tanh(h)),    D_t = (1 − Δt)·I + Δt·J·diag(sech² h_t)
///
/// (Sompolinsky, Crisanti & Sommers 1988; Engelken, Wolf & Abbott 2023, *Phys. Rev. Research* 5:043044,
/// arXiv 2006.02427, whose demo uses N = 100, g = 4, Δt = 0.1, J_ii = 0). Lyapunov exponents are per unit τ
/// (``timeStep`` = Δt). As the discretisation of an autonomous flow, the chaotic network has one exponent that
/// tends to 0 (the direction along the trajectory).
public struct RateNetwork: TangentDynamics, Equatable {
    /// J (N × N).
    public let couplings: Matrix
    /// Δt/τ.
    public let timeStep: Double
    public private(set) var state: [Double]
    public private(set) var stepIndex = 0
    var scratch: Matrix
    var work: [Double]

    public var dimension: Int { couplings.rows }
    public var remainingSteps: Int? { nil }

    /// A network with couplings J, Euler step Δt/τ ∈ (0, 1] and initial state h_0.
    public init(couplings: Matrix, timeStep: Double, initialState: [Double]) throws {
        guard couplings.isSquare, couplings.rows >= 1 else {
            throw SpectraError.invalidArgument(
                argument: "couplings",
                message: "must be square and non-empty, got \(couplings.rows)×\(couplings.columns)")
        }
        if let i = couplings.elements.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(argument: "couplings", message: "entry \(i) is \(couplings.elements[i])")
        }
        guard timeStep.isFinite, timeStep > 0, timeStep <= 1 else {
            throw SpectraError.invalidArgument(argument: "timeStep", message: "Δt/τ must be in (0, 1], got \(timeStep)")
        }
        self.couplings = couplings
        self.timeStep = timeStep
        self.state = []
        self.scratch = Matrix(rows: couplings.rows, columns: 0)
        self.work = [Double](repeating: 0, count: couplings.rows)
        state = try validatedState(initialState)
    }

    /// A random network: J_ij ~ N(0, g²/N) with zero diagonal (Engelken et al.'s convention) from `seed`, and
    /// h_0 ~ N(0, 1) from stream 1 of the same seed.
    public init(size n: Int, gain g: Double, timeStep: Double, seed: UInt64, zeroDiagonal: Bool = true) throws {
        let j = try GaussianCouplings.matrix(size: n, gain: g, seed: seed, zeroDiagonal: zeroDiagonal)
        var rng = SeededRandom(seed: seed, stream: 1)
        try self.init(couplings: j, timeStep: timeStep, initialState: rng.gaussians(n))
    }

    public mutating func setState(_ x: [Double]) throws { state = try validatedState(x) }

    public mutating func step() throws {
        for i in 0..<dimension { work[i] = Double.tanh(state[i]) }
        // h ← (1 − Δt)h + Δt·J tanh(h)
        try BLAS.gemv(couplings, work, alpha: timeStep, beta: 1 - timeStep, into: &state)
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
        // out = (1 − Δt)Q + Δt·J·diag(sech²)Q
        out.elements.withUnsafeMutableBufferPointer { o in
            tangents.elements.withUnsafeBufferPointer { q in
                for i in 0..<(n * k) { o[i] = q[i] }
            }
        }
        try BLAS.gemm(couplings, scratch, alpha: timeStep, beta: 1 - timeStep, into: &out)
        try step()
    }

    public var hasCheapJacobian: Bool { true }

    public func jacobian() throws -> Matrix {
        var d = Matrix(rows: dimension, columns: dimension)
        try writeJacobian(into: &d)
        return d
    }

    /// D_t = (1 − Δt)·I + Δt·J·diag(sech² h_t).
    public func writeJacobian(into d: inout Matrix) throws {
        let n = dimension
        if d.rows != n || d.columns != n { d = Matrix(rows: n, columns: n) }
        couplings.elements.withUnsafeBufferPointer { c in
            d.elements.withUnsafeMutableBufferPointer { p in
                for j in 0..<n {
                    let s = timeStep * sech2(state[j])
                    for i in 0..<n { p[i + j * n] = s * c[i + j * n] }
                    p[j + j * n] += 1 - timeStep
                }
            }
        }
    }
}
