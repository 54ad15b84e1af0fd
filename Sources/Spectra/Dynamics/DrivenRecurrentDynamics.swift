import MemoryNumerics
import Recurrent

/// A recurrent network driven by one input sequence, seen as a non-autonomous dynamical system on its joint
/// state: s_t = F(s_{t−1}, x_t), with D_t = ∂s_t/∂s_{t−1} the exact state Jacobian of the engine (for a stacked
/// network the joint state of all layers, layer 0 first; for the LSTM each layer's [h; c]).
///
/// Lyapunov exponents of this system are the *conditional* (input-driven) exponents of the network along that
/// input (e.g. Engelken, Wolf & Abbott 2023 for driven rate networks): negative for a network with the
/// echo-state property, positive when the driven trajectory is chaotic. Tangent vectors are propagated by
/// forward-mode (dual-number) steps of the network seeded with the tangent directions, so D_t is never formed
/// unless ``jacobian()`` or ``logAbsDeterminant()`` asks for it.
public struct DrivenRecurrentDynamics: TangentDynamics {
    /// The network.
    public let model: any RecurrentModel
    /// The input sequence x_1 … x_T (batch size 1).
    public let inputs: SequenceBatch
    public private(set) var state: [Double]
    /// Steps taken: the state is s_t with t = stepIndex.
    public private(set) var stepIndex = 0
    let sizes: [Int]

    public var dimension: Int { sizes.reduce(0, +) }
    public var timeStep: Double { 1 }
    public var remainingSteps: Int? { inputs.steps - stepIndex }

    /// The network `model` driven by `inputs` (one sequence), starting from the joint state `initialState`
    /// (nil: zero, the engine's default).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` if `inputs` is not one sequence of the
    ///   model's input width or the initial state has the wrong size or non-finite values.
    public init(model: any RecurrentModel, inputs: SequenceBatch, initialState: [Double]? = nil) throws {
        guard inputs.batchSize == 1 else {
            throw SpectraError.invalidArgument(
                argument: "inputs", message: "needs one sequence (batch size 1), got \(inputs.batchSize)")
        }
        guard inputs.features == model.inputSize else {
            throw SpectraError.invalidArgument(
                argument: "inputs", message: "\(inputs.features) features, the model has input size \(model.inputSize)")
        }
        if let i = inputs.values.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "inputs", message: "value \(inputs.values[i]) at index \(i) is not finite")
        }
        if let i = model.parameters.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "parameters", message: "value \(model.parameters[i]) at index \(i) is not finite")
        }
        self.model = model
        self.inputs = inputs
        self.sizes = model.stateLayouts.map(\.size)
        self.state = [Double](repeating: 0, count: sizes.reduce(0, +))
        if let initialState { state = try validatedState(initialState) }
    }

    public mutating func setState(_ x: [Double]) throws { state = try validatedState(x) }

    /// The joint state split into per-layer S_ℓ × `columns` matrices, the state replicated in every column.
    func replicatedStates(columns: Int) -> [Matrix] {
        var offset = 0
        return sizes.map { size in
            var m = Matrix(rows: size, columns: columns)
            for c in 0..<columns { for i in 0..<size { m.elements[i + c * size] = state[offset + i] } }
            offset += size
            return m
        }
    }

    /// The next input replicated in `columns` sequences of one step.
    func replicatedInput(columns: Int) throws -> SequenceBatch {
        guard stepIndex < inputs.steps else {
            throw SpectraError.invalidArgument(
                argument: "steps", message: "the input sequence has only \(inputs.steps) steps")
        }
        let d = inputs.features
        let x = Array(inputs.values[(stepIndex * d)..<((stepIndex + 1) * d)])
        var values = [Double](repeating: 0, count: d * columns)
        for c in 0..<columns { for k in 0..<d { values[k + c * d] = x[k] } }
        return try SequenceBatch(steps: 1, batchSize: columns, features: d, values: values)
    }

    /// Read the new joint state (step index 1) of column `column` from a one-step trajectory.
    func newState(_ trajectory: RecurrentTrajectory, column: Int, columns: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(dimension)
        for (l, size) in sizes.enumerated() {
            let v = trajectory.states[l].values
            let base = size * (columns + column)
            out.append(contentsOf: v[base..<(base + size)])
        }
        return out
    }

    public mutating func step() throws {
        let x = try replicatedInput(columns: 1)
        let trajectory = try model.forward(x, initialStates: replicatedStates(columns: 1))
        state = newState(trajectory, column: 0, columns: 1)
        stepIndex += 1
        try SpectraChecks.finiteState(state, step: stepIndex)
    }

    public mutating func step(tangents: Matrix, into out: inout Matrix) throws {
        try checkTangentShapes(tangents, out)
        let k = tangents.columns, n = dimension
        let x = try replicatedInput(columns: k)
        var directions: [Matrix] = []
        var offset = 0
        for size in sizes {
            var m = Matrix(rows: size, columns: k)
            for c in 0..<k { for i in 0..<size { m.elements[i + c * size] = tangents.elements[offset + i + c * n] } }
            directions.append(m)
            offset += size
        }
        let (values, derivative) = try model.jacobianVectorProduct(
            inputs: x, parameterDirection: nil, initialStates: replicatedStates(columns: k),
            initialStateDirections: directions)
        for c in 0..<k {
            let column = newState(derivative, column: c, columns: k)
            for i in 0..<n { out.elements[i + c * n] = column[i] }
        }
        state = newState(values, column: 0, columns: k)
        stepIndex += 1
        try SpectraChecks.finiteState(state, step: stepIndex)
        try SpectraChecks.finiteBlock(out, step: stepIndex, what: "tangent")
    }

    public func jacobian() throws -> Matrix {
        var copy = self
        var d = Matrix(rows: dimension, columns: dimension)
        try copy.step(tangents: Matrix.identity(dimension), into: &d)
        return d
    }
}
