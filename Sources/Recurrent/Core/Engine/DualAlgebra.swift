import MemoryNumerics

/// Dual-number storage and arithmetic: forward-mode tangents, and HVPs when running a backward pass.
public enum DualAlgebra: RecurrentAlgebra {
    /// Dual numbers a + ε·ȧ.
    public typealias Scalar = DualNumber
    /// Parallel value and tangent buffers.
    public typealias Pointer = DualPointer

    /// Zero-filled value and tangent buffers of `count` numbers.
    @inline(__always)
    public static func allocate(count: Int) -> Pointer {
        DualPointer(value: RealAlgebra.allocate(count: count), tangent: RealAlgebra.allocate(count: count))
    }
    /// Releases both buffers.
    @inline(__always) public static func deallocate(_ pointer: Pointer) {
        pointer.value.deallocate()
        pointer.tangent.deallocate()
    }
    /// Both addresses moved by `offset`.
    @inline(__always) public static func advance(_ pointer: Pointer, by offset: Int) -> Pointer {
        DualPointer(value: pointer.value + offset, tangent: pointer.tangent + offset)
    }
    /// Value and tangent of element `index`.
    @inline(__always) public static func load(_ pointer: Pointer, _ index: Int) -> DualNumber {
        DualNumber(pointer.value[index], tangent: pointer.tangent[index])
    }
    /// Overwrites value and tangent of element `index`.
    @inline(__always) public static func store(_ value: DualNumber, _ pointer: Pointer, _ index: Int) {
        pointer.value[index] = value.value
        pointer.tangent[index] = value.tangent
    }
    /// Sets `count` values and tangents to zero.
    @inline(__always) public static func setZero(_ pointer: Pointer, count: Int) {
        RealAlgebra.setZero(pointer.value, count: count)
        RealAlgebra.setZero(pointer.tangent, count: count)
    }
    /// Copies `count` values and tangents.
    @inline(__always) public static func copy(from source: Pointer, to destination: Pointer, count: Int) {
        RealAlgebra.copy(from: source.value, to: destination.value, count: count)
        RealAlgebra.copy(from: source.tangent, to: destination.tangent, count: count)
    }
    /// Value: C ← α·AB + β·C. Tangent: Ċ ← α·(ȦB + AḂ) + β·Ċ (three `dgemm`s).
    @inline(__always)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: Pointer, lda: Int, b: Pointer, ldb: Int, beta: Double, c: Pointer, ldc: Int
    ) {
        RealAlgebra.gemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.tangent, lda: lda,
            b: b.value, ldb: ldb, beta: beta, c: c.tangent, ldc: ldc)
        RealAlgebra.gemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.value, lda: lda,
            b: b.tangent, ldb: ldb, beta: 1, c: c.tangent, ldc: ldc)
        RealAlgebra.gemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.value, lda: lda,
            b: b.value, ldb: ldb, beta: beta, c: c.value, ldc: ldc)
    }
}
