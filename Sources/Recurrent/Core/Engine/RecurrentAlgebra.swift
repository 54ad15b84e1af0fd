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
