import MemoryNumerics
/// A discrete-time dynamical system x_{t+1} = F_t(x_t) in ℝⁿ together with its exact linearisation
/// D_t = ∂F_t/∂x (the "tangent map"): what the QR method for Lyapunov exponents, the two-trajectory method and
/// Jacobian products need.
///
/// Conformers: ``RandomTanhMap`` (h_{t+1} = J tanh(h_t)), ``RateNetwork`` (Euler-discretised
/// τ dh/dt = −h + J tanh(h)), ``IteratedMap`` (any map given by closures) and ``DrivenRecurrentDynamics``
/// (a trained recurrent network driven by an input sequence: F_t(s) = the network's step with input x_{t+1}).
///
/// Time: ``timeStep`` is the physical time of one step; Lyapunov exponents are reported per unit of that time
/// (per step for maps, per τ for Euler flows with Δt measured in units of τ).
public protocol TangentDynamics: Sendable {
    /// n, the state dimension.
    var dimension: Int { get }
    /// Physical time per step (1 for maps).
    var timeStep: Double { get }
    /// The current state x_t.
    var state: [Double] { get }
    /// Steps left before the system ends (a driven network ends with its input); nil for autonomous systems.
    var remainingSteps: Int? { get }
    /// Number of steps taken so far.
    var stepIndex: Int { get }
    /// Replace the current state (n finite values), keeping the time index.
    mutating func setState(_ x: [Double]) throws
    /// x ← F_t(x).
    ///
    /// - Throws: ``SpectraError/divergence(step:message:)`` if the new state is not finite; an error if the
    ///   system has no steps left.
    mutating func step() throws
    /// x ← F_t(x) and out ← D_t·tangents, D_t = ∂F_t/∂x at the state *before* the step (`tangents` n × k,
    /// `out` n × k, preallocated).
    mutating func step(tangents: Matrix, into out: inout Matrix) throws
    /// D_t at the current state (the Jacobian of the next step), n × n.
    func jacobian() throws -> Matrix
    /// Write D_t into a preallocated n × n matrix (default: ``jacobian()``).
    func writeJacobian(into d: inout Matrix) throws
    /// Whether forming D_t costs no more than O(n²) (a closed form), so that QR products with all n vectors are
    /// cheaper through the explicit matrix than through tangent steps (default false).
    var hasCheapJacobian: Bool { get }
    /// log|det D_t| at the current state (default: LU of ``jacobian()``; −∞ if D_t is singular).
    func logAbsDeterminant() throws -> Double
}

extension TangentDynamics {
    /// 0 for systems that do not count their steps.
    public var stepIndex: Int { 0 }

    public var hasCheapJacobian: Bool { false }

    public func writeJacobian(into d: inout Matrix) throws { d = try jacobian() }

    public func logAbsDeterminant() throws -> Double {
        try LinearAlgebra.logAbsDeterminant(jacobian()).logAbs
    }

    /// Check a state given to ``setState(_:)``.
    func validatedState(_ x: [Double]) throws -> [Double] {
        guard x.count == dimension else {
            throw SpectraError.invalidArgument(
                argument: "state", message: "\(x.count) values for dimension \(dimension)")
        }
        if let i = x.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(argument: "state", message: "component \(i) is \(x[i])")
        }
        return x
    }

    /// Check the shapes of a tangent step.
    func checkTangentShapes(_ tangents: Matrix, _ out: Matrix) throws {
        guard tangents.rows == dimension, out.rows == dimension, out.columns == tangents.columns else {
            throw SpectraError.invalidArgument(
                argument: "tangents",
                message:
                    "\(tangents.rows)×\(tangents.columns) tangents and \(out.rows)×\(out.columns) output for dimension \(dimension)"
            )
        }
    }
}

/// log sech²(x) = 2(log 2 − |x| − log(1 + e^{−2|x|})), exact for every finite x (1 − tanh² underflows to 0 for
/// |x| > 19).
@inline(__always)
func logSech2(_ x: Double) -> Double {
    let a = abs(x)
    return 2 * (Double.log(2) - a - Double.log(onePlus: Double.exp(-2 * a)))
}

/// sech²(x) = 1 − tanh²(x) without cancellation: 4/(e^x + e^{−x})².
@inline(__always)
func sech2(_ x: Double) -> Double {
    let e = Double.exp(-2 * abs(x))
    return 4 * e / ((1 + e) * (1 + e))
}
