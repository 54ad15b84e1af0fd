import MemoryNumerics

/// Engine plumbing shared by the derivative extensions: moving `[Double]` data in and out of algebra storage and
/// dispatching a pass to the model requirement of the right algebra. Internal; orchestration only (the hot loops
/// are in the models' specialised passes).
protocol EngineAlgebra: RecurrentAlgebra {
    /// Write `values` (and `tangents`, when the algebra has them; nil = zero) into a contiguous view.
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<Self>)
    /// Values of a view, column-major.
    static func readValues(_ m: AlgebraMatrix<Self>) -> [Double]
    /// Tangents of a view, column-major (nil for real storage).
    static func readTangents(_ m: AlgebraMatrix<Self>) -> [Double]?
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<Self>)
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<Self>)
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<Self>
    static func evaluate(
        _ loss: any OutputLoss, outputs: AlgebraMatrix<Self>, targets: AlgebraMatrix<Self>?,
        gradient: AlgebraMatrix<Self>, steps: Int, batchSize: Int
    ) -> Scalar
}

private func copyArray(_ values: [Double], to p: UnsafeMutablePointer<Double>, count: Int) {
    precondition(values.count == count, "engine: \(values.count) values for \(count) slots")
    values.withUnsafeBufferPointer { b in
        if let src = b.baseAddress, count > 0 { p.update(from: src, count: count) }
    }
}

private func readStrided(_ p: UnsafeMutablePointer<Double>, rows: Int, columns: Int, ld: Int) -> [Double] {
    var out = [Double](repeating: 0, count: rows * columns)
    for j in 0..<columns { for i in 0..<rows { out[i + j * rows] = p[i + j * ld] } }
    return out
}

extension RealAlgebra: EngineAlgebra {
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<RealAlgebra>) {
        precondition(m.isContiguous)
        copyArray(values, to: m.base, count: m.rows * m.columns)
    }
    static func readValues(_ m: AlgebraMatrix<RealAlgebra>) -> [Double] {
        readStrided(m.base, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func readTangents(_ m: AlgebraMatrix<RealAlgebra>) -> [Double]? { nil }
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<RealAlgebra>) { model.forward(pass) }
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<RealAlgebra>) { model.backward(pass) }
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<RealAlgebra> { w.real }
    static func evaluate(
        _ loss: any OutputLoss, outputs: AlgebraMatrix<RealAlgebra>, targets: AlgebraMatrix<RealAlgebra>?,
        gradient: AlgebraMatrix<RealAlgebra>, steps: Int, batchSize: Int
    ) -> Double {
        loss.evaluate(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }
}

extension DualAlgebra: EngineAlgebra {
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<DualAlgebra>) {
        precondition(m.isContiguous)
        let n = m.rows * m.columns
        copyArray(values, to: m.base.value, count: n)
        if let tangents {
            copyArray(tangents, to: m.base.tangent, count: n)
        } else if n > 0 {
            m.base.tangent.update(repeating: 0, count: n)
        }
    }
    static func readValues(_ m: AlgebraMatrix<DualAlgebra>) -> [Double] {
        readStrided(m.base.value, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func readTangents(_ m: AlgebraMatrix<DualAlgebra>) -> [Double]? {
        readStrided(m.base.tangent, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<DualAlgebra>) { model.forward(pass) }
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<DualAlgebra>) { model.backward(pass) }
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<DualAlgebra> { w.dual }
    static func evaluate(
        _ loss: any OutputLoss, outputs: AlgebraMatrix<DualAlgebra>, targets: AlgebraMatrix<DualAlgebra>?,
        gradient: AlgebraMatrix<DualAlgebra>, steps: Int, batchSize: Int
    ) -> DualNumber {
        loss.evaluate(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }
}
