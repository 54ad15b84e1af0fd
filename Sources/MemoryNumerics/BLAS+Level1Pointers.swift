import CCBLAS

// Level-1/2 BLAS on raw column-major storage for the matrix-free tools (Lanczos bases, QR frames), which keep
// their own buffers to avoid per-step allocation. Internal: shapes are the caller's invariants.
extension BLAS {
    /// y ← α·op(A)·x + β·y on raw storage (`dgemv`), A m × n with leading dimension `lda`.
    @inline(__always)
    static func gemv(
        transpose: Bool, m: Int, n: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        if m == 0 || n == 0 {
            let count = transpose ? n : m
            if beta == 0 { for i in 0..<count { y[i] = 0 } } else { for i in 0..<count { y[i] *= beta } }
            return
        }
        NumericsSetup.ensure()
        cblas_dgemv(
            CblasColMajor, transpose ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), alpha, a,
            Int32(max(1, lda)), x, 1, beta, y, 1)
    }

    /// xᵀy on raw storage (`ddot`).
    @inline(__always)
    static func dot(count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        NumericsSetup.ensure()
        return cblas_ddot(Int32(count), x, 1, y, 1)
    }

    /// ‖x‖₂ on raw storage (`dnrm2`, scaled: no overflow for large entries).
    @inline(__always)
    static func norm(count: Int, _ x: UnsafePointer<Double>) -> Double {
        NumericsSetup.ensure()
        return cblas_dnrm2(Int32(count), x, 1)
    }

    /// y ← α·x + y on raw storage (`daxpy`).
    @inline(__always)
    static func axpy(count: Int, alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        NumericsSetup.ensure()
        cblas_daxpy(Int32(count), alpha, x, 1, y, 1)
    }

    /// x ← α·x on raw storage (`dscal`).
    @inline(__always)
    static func scale(count: Int, alpha: Double, _ x: UnsafeMutablePointer<Double>) {
        NumericsSetup.ensure()
        cblas_dscal(Int32(count), alpha, x, 1)
    }
}
