import MemoryNumerics

/// A numeric "algebra" the recurrent engine runs in: how its numbers are stored, loaded, stored back, and how
/// dense matrix products are formed.
///
/// Two algebras are provided:
/// * ``RealAlgebra`` — plain `Double` storage, products by one `dgemm`. Forward passes give values; backward
///   passes give exact gradients.
/// * ``DualAlgebra`` — every number is a ``DualNumber`` value + ε·tangent, stored as two parallel `Double`
///   buffers; a product (A + εȦ)(B + εḂ) = AB + ε(ȦB + AḂ) costs three `dgemm`s. The same forward code gives
///   Jacobian-vector products; the same backward code gives ∇L + ε·Hv (forward-over-reverse, Pearlmutter 1994).
///
/// Storage is manual (``allocate(count:)``/``deallocate(_:)``) and owned by a ``RecurrentTape``; views onto it
/// are ``AlgebraMatrix`` values. These are engine internals: shapes are validated by the public entry points
/// before any pointer is touched, so the preconditions here guard internal invariants only.
public protocol RecurrentAlgebra {
    /// The elementwise number type.
    associatedtype Scalar: RecurrentScalar
    /// Base address of storage for this algebra's numbers.
    associatedtype Pointer

    /// Zero-filled storage for `count` numbers (count ≥ 0).
    static func allocate(count: Int) -> Pointer
    /// Release storage obtained from ``allocate(count:)``.
    static func deallocate(_ pointer: Pointer)
    /// The address `offset` numbers further on.
    static func advance(_ pointer: Pointer, by offset: Int) -> Pointer
    /// Element `index` (relative to `pointer`).
    static func load(_ pointer: Pointer, _ index: Int) -> Scalar
    /// Overwrite element `index`.
    static func store(_ value: Scalar, _ pointer: Pointer, _ index: Int)
    /// Set `count` contiguous numbers to zero.
    static func setZero(_ pointer: Pointer, count: Int)
    /// Copy `count` contiguous numbers (regions must not overlap).
    static func copy(from source: Pointer, to destination: Pointer, count: Int)
    /// C ← α·op(A)·op(B) + β·C, column-major with leading dimensions, op(A) m×k, op(B) k×n, C m×n; C must not
    /// overlap A or B. α and β are real constants.
    static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: Pointer, lda: Int, b: Pointer, ldb: Int, beta: Double, c: Pointer, ldc: Int)
}

/// Plain `Double` storage and arithmetic (values and gradients).
public enum RealAlgebra: RecurrentAlgebra {
    public typealias Scalar = Double
    public typealias Pointer = UnsafeMutablePointer<Double>

    @inline(__always)
    public static func allocate(count: Int) -> Pointer {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
        p.initialize(repeating: 0, count: max(1, count))
        return p
    }
    @inline(__always) public static func deallocate(_ pointer: Pointer) { pointer.deallocate() }
    @inline(__always) public static func advance(_ pointer: Pointer, by offset: Int) -> Pointer { pointer + offset }
    @inline(__always) public static func load(_ pointer: Pointer, _ index: Int) -> Double { pointer[index] }
    @inline(__always) public static func store(_ value: Double, _ pointer: Pointer, _ index: Int) {
        pointer[index] = value
    }
    @inline(__always) public static func setZero(_ pointer: Pointer, count: Int) {
        if count > 0 { pointer.update(repeating: 0, count: count) }
    }
    @inline(__always) public static func copy(from source: Pointer, to destination: Pointer, count: Int) {
        if count > 0 { destination.update(from: source, count: count) }
    }
    @inline(__always)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: Pointer, lda: Int, b: Pointer, ldb: Int, beta: Double, c: Pointer, ldc: Int
    ) {
        BLAS.gemm(transA: transA ? .transpose : .none, transB: transB ? .transpose : .none, m: m, n: n, k: k,
                  alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}

/// Base addresses of the value and tangent buffers of dual-number storage (same layout in both).
@frozen
public struct DualPointer {
    public let value: UnsafeMutablePointer<Double>
    public let tangent: UnsafeMutablePointer<Double>
    @inlinable public init(value: UnsafeMutablePointer<Double>, tangent: UnsafeMutablePointer<Double>) {
        self.value = value
        self.tangent = tangent
    }
}

/// Dual-number storage and arithmetic: forward-mode tangents, and HVPs when running a backward pass.
public enum DualAlgebra: RecurrentAlgebra {
    public typealias Scalar = DualNumber
    public typealias Pointer = DualPointer

    @inline(__always)
    public static func allocate(count: Int) -> Pointer {
        DualPointer(value: RealAlgebra.allocate(count: count), tangent: RealAlgebra.allocate(count: count))
    }
    @inline(__always) public static func deallocate(_ pointer: Pointer) {
        pointer.value.deallocate()
        pointer.tangent.deallocate()
    }
    @inline(__always) public static func advance(_ pointer: Pointer, by offset: Int) -> Pointer {
        DualPointer(value: pointer.value + offset, tangent: pointer.tangent + offset)
    }
    @inline(__always) public static func load(_ pointer: Pointer, _ index: Int) -> DualNumber {
        DualNumber(pointer.value[index], tangent: pointer.tangent[index])
    }
    @inline(__always) public static func store(_ value: DualNumber, _ pointer: Pointer, _ index: Int) {
        pointer.value[index] = value.value
        pointer.tangent[index] = value.tangent
    }
    @inline(__always) public static func setZero(_ pointer: Pointer, count: Int) {
        RealAlgebra.setZero(pointer.value, count: count)
        RealAlgebra.setZero(pointer.tangent, count: count)
    }
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
        RealAlgebra.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.tangent, lda: lda,
                         b: b.value, ldb: ldb, beta: beta, c: c.tangent, ldc: ldc)
        RealAlgebra.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.value, lda: lda,
                         b: b.tangent, ldb: ldb, beta: 1, c: c.tangent, ldc: ldc)
        RealAlgebra.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.value, lda: lda,
                         b: b.value, ldb: ldb, beta: beta, c: c.value, ldc: ldc)
    }
}
