import MemoryNumerics

/// Plain `Double` storage and arithmetic (values and gradients).
public enum RealAlgebra: RecurrentAlgebra {
    /// `Double`.
    public typealias Scalar = Double
    /// A plain `Double` buffer.
    public typealias Pointer = UnsafeMutablePointer<Double>

    /// A zero-filled buffer of `count` doubles (at least one).
    @inline(__always)
    public static func allocate(count: Int) -> Pointer {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
        p.initialize(repeating: 0, count: max(1, count))
        return p
    }
    /// Releases the buffer.
    @inline(__always) public static func deallocate(_ pointer: Pointer) { pointer.deallocate() }
    /// The address `offset` doubles further on.
    @inline(__always) public static func advance(_ pointer: Pointer, by offset: Int) -> Pointer { pointer + offset }
    /// Element `index`.
    @inline(__always) public static func load(_ pointer: Pointer, _ index: Int) -> Double { pointer[index] }
    /// Overwrites element `index`.
    @inline(__always) public static func store(_ value: Double, _ pointer: Pointer, _ index: Int) {
        pointer[index] = value
    }
    /// Sets `count` doubles to zero.
    @inline(__always) public static func setZero(_ pointer: Pointer, count: Int) {
        if count > 0 { pointer.update(repeating: 0, count: count) }
    }
    /// Copies `count` doubles.
    @inline(__always) public static func copy(from source: Pointer, to destination: Pointer, count: Int) {
        if count > 0 { destination.update(from: source, count: count) }
    }
    /// One BLAS `dgemm`.
    @inline(__always)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: Pointer, lda: Int, b: Pointer, ldb: Int, beta: Double, c: Pointer, ldc: Int
    ) {
        BLAS.gemm(
            transA: transA ? .transpose : .none, transB: transB ? .transpose : .none, m: m, n: n, k: k,
            alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}
