import CCBLAS

// Pointer-level BLAS entry points for callers that keep their own storage (e.g. the recurrent engine's tapes,
// where a time step is a column block of one large buffer and a gate is a row block with a leading dimension).
// Added by the Recurrent helper; the caller is responsible for the shapes (these are internal-invariant
// preconditions, never reached by unchecked user input).
extension BLAS {
    /// C ← α·op(A)·op(B) + β·C on raw column-major storage (`dgemm`): op(A) is m×k, op(B) is k×n, C is m×n,
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ the number of rows as stored, and ≥ 1).
    ///
    /// With k = 0 the product term is empty and C ← β·C, as the reference BLAS defines it.
    @inlinable
    public static func gemm(
        transA: Transpose, transB: Transpose, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative dimension")
        precondition(ldc >= max(1, m), "gemm: ldc \(ldc) < m \(m)")
        precondition(lda >= max(1, transA == .none ? m : k), "gemm: lda too small")
        precondition(ldb >= max(1, transB == .none ? k : n), "gemm: ldb too small")
        if m == 0 || n == 0 { return }
        rawGemm(
            transA == .transpose, transB == .transpose, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda),
            b, Int32(ldb), beta, c, Int32(ldc))
    }

    @usableFromInline
    static func rawGemm(
        _ ta: Bool, _ tb: Bool, _ m: Int32, _ n: Int32, _ k: Int32, _ alpha: Double,
        _ a: UnsafePointer<Double>, _ lda: Int32, _ b: UnsafePointer<Double>, _ ldb: Int32, _ beta: Double,
        _ c: UnsafeMutablePointer<Double>, _ ldc: Int32
    ) {
        NumericsSetup.ensure()
        cblas_dgemm(
            CblasColMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, alpha,
            a, lda, b, ldb, beta, c, ldc)
    }
}
