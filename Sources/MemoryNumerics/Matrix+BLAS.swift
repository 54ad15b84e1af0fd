import CCBLAS
import Numerics

/// Transpose flags for BLAS products.
public enum Transpose: Sendable {
    case none, transpose
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

// BLAS level 1–3 through OpenBLAS's CBLAS (column-major). All dimension checks throw before calling C.
public enum BLAS {
    /// C ← α·op(A)·op(B) + β·C  (`dgemm`).
    public static func gemm(
        _ a: Matrix, _ b: Matrix, transA: Transpose = .none, transB: Transpose = .none,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) throws {
        NumericsSetup.ensure()
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let kb = transB == .none ? b.rows : b.columns
        let n = transB == .none ? b.columns : b.rows
        guard k == kb, c.rows == m, c.columns == n else {
            throw NumericsError.dimensionMismatch("gemm: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(c.rows)×\(c.columns)")
        }
        if m == 0 || n == 0 { return }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k), alpha,
                        pa.baseAddress, Int32(max(1, a.rows)), pb.baseAddress, Int32(max(1, b.rows)), beta,
                        pc.baseAddress, Int32(max(1, m)))
                }
            }
        }
    }

    /// y ← α·op(A)·x + β·y  (`dgemv`).
    public static func gemv(
        _ a: Matrix, _ x: [Double], trans: Transpose = .none, alpha: Double = 1, beta: Double = 0,
        into y: inout [Double]
    ) throws {
        NumericsSetup.ensure()
        let outCount = trans == .none ? a.rows : a.columns
        let inCount = trans == .none ? a.columns : a.rows
        guard x.count == inCount, y.count == outCount else {
            throw NumericsError.dimensionMismatch("gemv: A \(a.rows)×\(a.columns), x \(x.count), y \(y.count)")
        }
        if a.rows == 0 || a.columns == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, trans.cblas, Int32(a.rows), Int32(a.columns), alpha, pa.baseAddress,
                        Int32(max(1, a.rows)), px.baseAddress, 1, beta, py.baseAddress, 1)
                }
            }
        }
    }

    /// A ← A + α·x·yᵀ  (`dger`).
    public static func ger(_ x: [Double], _ y: [Double], alpha: Double = 1, into a: inout Matrix) throws {
        NumericsSetup.ensure()
        guard x.count == a.rows, y.count == a.columns else {
            throw NumericsError.dimensionMismatch("ger: A \(a.rows)×\(a.columns), x \(x.count), y \(y.count)")
        }
        if a.rows == 0 || a.columns == 0 { return }
        let lda = Int32(max(1, a.rows))
        let m = Int32(a.rows), n = Int32(a.columns)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                a.elements.withUnsafeMutableBufferPointer { pa in
                    cblas_dger(CblasColMajor, m, n, alpha, px.baseAddress, 1, py.baseAddress, 1, pa.baseAddress, lda)
                }
            }
        }
    }

    /// Dot product (`ddot`). - Throws: ``NumericsError/dimensionMismatch(_:)`` for vectors of different lengths.
    public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        guard x.count == y.count else {
            throw NumericsError.dimensionMismatch("dot: x has \(x.count) entries, y has \(y.count)")
        }
        NumericsSetup.ensure()
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in cblas_ddot(Int32(x.count), px.baseAddress, 1, py.baseAddress, 1) }
        }
    }

    /// Euclidean norm (`dnrm2`).
    public static func norm(_ x: [Double]) -> Double {
        NumericsSetup.ensure()
        return x.withUnsafeBufferPointer { cblas_dnrm2(Int32(x.count), $0.baseAddress, 1) }
    }

    /// C ← α·op(A)·op(B) + β·C for complex matrices (`zgemm`); `.transpose` means the conjugate transpose.
    public static func zgemm(
        _ a: ComplexMatrix, _ b: ComplexMatrix, transA: Transpose = .none, transB: Transpose = .none,
        into c: inout ComplexMatrix
    ) throws {
        NumericsSetup.ensure()
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let kb = transB == .none ? b.rows : b.columns
        let n = transB == .none ? b.columns : b.rows
        guard k == kb, c.rows == m, c.columns == n else {
            throw NumericsError.dimensionMismatch("zgemm: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(c.rows)×\(c.columns)")
        }
        if m == 0 || n == 0 { return }
        var one = Complex<Double>(1, 0), zero = Complex<Double>.zero
        let ta = transA == .none ? CblasNoTrans : CblasConjTrans
        let tb = transB == .none ? CblasNoTrans : CblasConjTrans
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    withUnsafePointer(to: &one) { p1 in
                        withUnsafePointer(to: &zero) { p0 in
                            cblas_zgemm(
                                CblasColMajor, ta, tb, Int32(m), Int32(n), Int32(k), p1, pa.baseAddress,
                                Int32(max(1, a.rows)), pb.baseAddress, Int32(max(1, b.rows)), p0,
                                pc.baseAddress, Int32(max(1, m)))
                        }
                    }
                }
            }
        }
    }
}

extension Matrix {
    /// Matrix product through `dgemm`; preconditions on shapes (internal use — validate user shapes first).
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "matrix product: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        // Shapes were checked above, so gemm cannot throw here.
        do { try BLAS.gemm(a, b, into: &c) } catch { preconditionFailure("\(error)") }
        return c
    }

    /// Matrix–vector product through `dgemv`.
    public static func * (a: Matrix, x: [Double]) -> [Double] {
        precondition(a.columns == x.count, "matrix-vector product: \(a.rows)×\(a.columns) · \(x.count)")
        var y = [Double](repeating: 0, count: a.rows)
        do { try BLAS.gemv(a, x, into: &y) } catch { preconditionFailure("\(error)") }
        return y
    }

    /// Aᵀx through `dgemv`.
    public func transposeTimes(_ x: [Double]) -> [Double] {
        precondition(rows == x.count, "transposed matrix-vector product: \(rows)×\(columns)ᵀ · \(x.count)")
        var y = [Double](repeating: 0, count: columns)
        do { try BLAS.gemv(self, x, trans: .transpose, into: &y) } catch { preconditionFailure("\(error)") }
        return y
    }
}

extension ComplexMatrix {
    public static func * (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.columns == b.rows, "complex matrix product shape mismatch")
        var c = ComplexMatrix(rows: a.rows, columns: b.columns)
        do { try BLAS.zgemm(a, b, into: &c) } catch { preconditionFailure("\(error)") }
        return c
    }
}
