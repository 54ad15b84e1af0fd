import MemoryNumerics

extension AlgebraMatrix {
    /// This view as a ``CellSteps/Block`` (values, tangents for dual storage, leading dimension), or nil when
    /// the algebra's storage is not plain or dual `Double` buffers. Folds to a constant after specialisation.
    @inline(__always)
    var cellBlock: CellSteps.Block? {
        if A.self == RealAlgebra.self {
            let m = real(self)
            return CellSteps.Block(value: m.base, leadingDimension: m.leadingDimension)
        }
        if A.self == DualAlgebra.self {
            let m = dual(self)
            return CellSteps.Block(
                value: m.base.value, tangent: m.base.tangent,
                leadingDimension: m.leadingDimension)
        }
        return nil
    }
}
