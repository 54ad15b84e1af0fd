import MemoryNumerics

extension RecurrentModel {
    /// The full Hessian H = ∂²L/∂θ² from P Hessian-vector products H·e_j (each exact, see
    /// ``hessianVectorProduct(inputs:targets:direction:loss:initialStates:workspace:)``). Cost ≈ 3P gradients and
    /// P² doubles: meant for small models (`maximumParameters` guards against accidental huge requests).
    public func hessian(
        inputs: SequenceBatch, targets: SequenceBatch?, loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil, maximumParameters: Int = 4096
    ) throws -> FullHessian {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        try validateTargets(targets, loss: loss, inputs: inputs)
        let p = parameterCount
        guard p <= maximumParameters else {
            throw RecurrentError.invalidArgument(
                argument: "maximumParameters",
                message: "the model has \(p) parameters > \(maximumParameters); use Hessian-vector products instead")
        }
        let tape = RecurrentTape<DualAlgebra>()
        var h = Matrix(rows: p, columns: p)
        var e = [Double](repeating: 0, count: p)
        var lossValue = 0.0
        var gradient: [Double] = []
        for j in 0..<p {
            e[j] = 1
            let r = engineHVP(
                tape: tape, inputs: inputs, targets: targets, direction: e, loss: loss,
                initialStates: initialStates)
            e[j] = 0
            for i in 0..<p { h.elements[i + j * p] = r.product[i] }
            if j == 0 {
                lossValue = r.loss
                gradient = r.gradient
            }
        }
        var sym = h
        var diff = 0.0, norm = 0.0
        for j in 0..<p {
            for i in 0..<p {
                let a = h.elements[i + j * p], b = h.elements[j + i * p]
                sym.elements[i + j * p] = 0.5 * (a + b)
                diff += (a - b) * (a - b)
                norm += a * a
            }
        }
        return FullHessian(
            columns: h, symmetrized: sym, relativeAsymmetry: norm > 0 ? (diff / norm).squareRoot() : 0,
            loss: lossValue, gradient: gradient)
    }
}
