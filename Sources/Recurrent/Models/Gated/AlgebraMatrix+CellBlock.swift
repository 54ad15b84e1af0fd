import MemoryNumerics

extension AlgebraMatrix {
    /// This view as a ``VectorMath/CellBlock`` (values, tangents for dual storage, leading dimension), or nil when
    /// the algebra's storage is not plain or dual `Double` buffers. Folds to a constant after specialisation.
    @inline(__always)
    var cellBlock: VectorMath.CellBlock? {
        if A.self == RealAlgebra.self {
            let m = real(self)
            return VectorMath.CellBlock(value: m.base, leadingDimension: m.leadingDimension)
        }
        if A.self == DualAlgebra.self {
            let m = dual(self)
            return VectorMath.CellBlock(value: m.base.value, tangent: m.base.tangent,
                                        leadingDimension: m.leadingDimension)
        }
        return nil
    }
}
