import MemoryNumerics
/// A map x_{t+1} = F(x_t) given by closures for F and its Jacobian — e.g. the Hénon map for checking the
/// Lyapunov machinery against published exponents, or a model of the user's own.
public struct IteratedMap: TangentDynamics {
    /// n.
    public let dimension: Int
    /// Time per iteration.
    public let timeStep: Double
    public private(set) var state: [Double]
    public private(set) var stepIndex = 0
    let map: @Sendable ([Double]) -> [Double]
    let jacobianAt: @Sendable ([Double]) -> Matrix

    public var remainingSteps: Int? { nil }

    /// A map on ℝⁿ (n = initialState.count) with F = `map` and ∂F/∂x = `jacobian`, `timeStep` units of time per
    /// iteration (1 for a genuine map).
    public init(
        initialState: [Double], timeStep: Double = 1, map: @escaping @Sendable ([Double]) -> [Double],
        jacobian: @escaping @Sendable ([Double]) -> Matrix
    ) throws {
        try SpectraChecks.positive(initialState.count, "initialState.count")
        try SpectraChecks.finite(timeStep, "timeStep", positive: true)
        dimension = initialState.count
        self.timeStep = timeStep
        self.map = map
        self.jacobianAt = jacobian
        state = []
        state = try validatedState(initialState)
    }

    public mutating func setState(_ x: [Double]) throws { state = try validatedState(x) }

    public mutating func step() throws {
        let next = map(state)
        guard next.count == dimension else {
            throw SpectraError.invalidArgument(
                argument: "map", message: "returned \(next.count) values for dimension \(dimension)")
        }
        state = next
        stepIndex += 1
        try SpectraChecks.finiteState(state, step: stepIndex)
    }

    public mutating func step(tangents: Matrix, into out: inout Matrix) throws {
        try checkTangentShapes(tangents, out)
        let d = try jacobian()
        try BLAS.gemm(d, tangents, into: &out)
        try step()
    }

    public var hasCheapJacobian: Bool { true }

    public func jacobian() throws -> Matrix {
        let d = jacobianAt(state)
        guard d.rows == dimension, d.columns == dimension else {
            throw SpectraError.invalidArgument(
                argument: "jacobian",
                message: "returned \(d.rows)×\(d.columns) for dimension \(dimension)")
        }
        try SpectraChecks.finiteBlock(d, step: stepIndex + 1, what: "Jacobian")
        return d
    }
}
