import Foundation
import MemoryNumerics
import Testing
import _TestSupport

/// ``VectorMath/multiply(m:n:k:_:leadingDimension:_:leadingDimension:transposeB:start:into:leadingDimension:instructionSet:)``
/// and ``VectorMath/addRowSums(m:n:_:leadingDimension:into:instructionSet:)``: the documented summation order
/// (checked bit for bit against a naive Swift loop with `addingProduct`, IEEE fused multiply-add), the same bits on
/// every instruction set, agreement with BLAS `dgemm` to rounding, and the shape errors of the `Matrix` API.
@Suite("VectorMath: fixed-order matrix products and row sums")
struct VectorMathMatrixProductTests {
    typealias VM = VectorMath

    /// (m, n, k, transposeB): register-tile multiples, every kind of remainder (rows below one vector, between
    /// one and two vectors, columns below a tile), lone columns (tall tiles), k = 0 and the recurrent shapes.
    static let shapes: [(Int, Int, Int, Bool)] = [
        (1, 1, 1, false), (5, 7, 3, true), (16, 8, 4, false), (17, 9, 5, true), (37, 13, 11, false),
        (128, 32, 32, false), (32, 32, 128, false), (128, 32, 300, true), (130, 3, 70, false), (64, 1, 100, true),
        (200, 1, 9, false), (9, 40, 1, false), (1, 33, 65, true), (12, 5, 0, false),
    ]

    enum Start: CaseIterable { case zero, accumulate, column }

    struct Case {
        let m, n, k: Int
        let transposeB: Bool
        let lda, ldb, ldc: Int
        let a, b, c0, s: [Double]

        init(_ shape: (Int, Int, Int, Bool), seed: UInt64) {
            (m, n, k, transposeB) = shape
            (lda, ldb, ldc) = (m + 3, (transposeB ? n : k) + 2, m + 1)
            var rng = TestSupport.rng(seed)
            a = (0..<(lda * max(k, 1))).map { _ in rng.gaussian() }
            b = (0..<(ldb * max(transposeB ? k : n, 1))).map { _ in rng.gaussian() }
            c0 = (0..<(ldc * n)).map { _ in rng.gaussian() }
            s = (0..<m).map { _ in rng.gaussian() }
        }

        /// The documented order: c ← start, then c ← fma(a_ip, b_pj, c) for p = 0 … k−1.
        func naive(_ start: Start) -> [Double] {
            var c = c0
            for j in 0..<n {
                for i in 0..<m {
                    var acc: Double
                    switch start {
                    case .zero: acc = 0
                    case .accumulate: acc = c0[i + j * ldc]
                    case .column: acc = s[i]
                    }
                    for p in 0..<k {
                        let bpj = transposeB ? b[j + p * ldb] : b[p + j * ldb]
                        acc = acc.addingProduct(a[i + p * lda], bpj)
                    }
                    c[i + j * ldc] = acc
                }
            }
            return c
        }

        func run(_ start: Start, _ isa: VM.InstructionSet?) -> [Double] {
            var c = c0
            a.withUnsafeBufferPointer { ab in
                b.withUnsafeBufferPointer { bb in
                    s.withUnsafeBufferPointer { sb in
                        c.withUnsafeMutableBufferPointer { cb in
                            guard let ap = ab.baseAddress, let bp = bb.baseAddress, let cp = cb.baseAddress else {
                                return
                            }
                            let st: VM.ProductStart
                            switch start {
                            case .zero: st = .zero
                            case .accumulate: st = .accumulate
                            case .column:
                                guard let spp = sb.baseAddress else { return }
                                st = .column(spp)
                            }
                            VM.multiply(
                                m: m, n: n, k: k, ap, leadingDimension: lda, bp, leadingDimension: ldb,
                                transposeB: transposeB, start: st, into: cp, leadingDimension: ldc,
                                instructionSet: isa)
                        }
                    }
                }
            }
            return c
        }
    }

    @Test("Product = the naive fused-multiply-add loop, bit for bit, on every instruction set and start")
    func documentedOrder() {
        for (index, shape) in Self.shapes.enumerated() {
            let c = Case(shape, seed: 50 + UInt64(index))
            for start in Start.allCases {
                let expected = c.naive(start).map(\.bitPattern)
                for isa in VM.InstructionSet.allCases where isa.isSupported {
                    #expect(c.run(start, isa).map(\.bitPattern) == expected, "\(shape) \(start) \(isa)")
                }
                #expect(c.run(start, nil).map(\.bitPattern) == expected, "\(shape) \(start) best")
            }
        }
    }

    @Test("Agrees with BLAS dgemm to rounding (relative 1e-14 of Σ|a||b|)")
    func againstBLAS() throws {
        var rng = TestSupport.rng(60)
        for (m, n, k) in [(128, 32, 32), (37, 13, 300), (3, 50, 7)] {
            let a = try Matrix(rows: m, columns: k, columnMajor: rng.gaussians(m * k))
            let b = try Matrix(rows: n, columns: k, columnMajor: rng.gaussians(n * k))
            let c = try VM.product(a, b, transposeB: true)
            var reference = [Double](repeating: 0, count: m * n)
            a.elements.withUnsafeBufferPointer { ab in
                b.elements.withUnsafeBufferPointer { bb in
                    reference.withUnsafeMutableBufferPointer { cb in
                        guard let ap = ab.baseAddress, let bp = bb.baseAddress, let cp = cb.baseAddress else { return }
                        BLAS.gemm(
                            transA: .none, transB: .transpose, m: m, n: n, k: k, alpha: 1, a: ap, lda: m,
                            b: bp, ldb: n, beta: 0, c: cp, ldc: m)
                    }
                }
            }
            for j in 0..<n {
                for i in 0..<m {
                    let scale = (0..<k).reduce(0) { $0 + abs(a[i, $1] * b[j, $1]) }
                    #expect(abs(c[i, j] - reference[i + j * m]) <= 1e-14 * scale, "(\(i), \(j)) of \(m)×\(n)×\(k)")
                }
            }
        }
    }

    @Test("Matrix API: start matrix, k = 0, and shape errors")
    func matrixAPI() throws {
        let a = try Matrix([[1, 2], [3, 4], [5, 6]])  // 3×2
        let b = try Matrix([[1, 0, 2], [0, 1, 3]])  // 2×3
        let c = try VM.product(a, b)
        #expect(c == (try Matrix([[1, 2, 8], [3, 4, 18], [5, 6, 28]])))
        let bt = try Matrix([[1, 0], [0, 1], [2, 3]])  // bᵀ stored
        #expect(try VM.product(a, bt, transposeB: true) == c)
        let ones = Matrix(rows: 3, columns: 3, repeating: 1)
        #expect(try VM.product(a, b, adding: ones) == (try Matrix([[2, 3, 9], [4, 5, 19], [6, 7, 29]])))
        let empty = try VM.product(
            Matrix(rows: 3, columns: 0), Matrix(rows: 0, columns: 2), adding: Matrix(rows: 3, columns: 2, repeating: 7))
        #expect(empty == Matrix(rows: 3, columns: 2, repeating: 7), "k = 0: C is the start")
        #expect(throws: NumericsError.self) { try VM.product(a, a) }
        #expect(throws: NumericsError.self) { try VM.product(a, b, adding: ones.transposedShapeProbe) }
    }

    @Test("Row sums: the naive left-to-right loop, bit for bit, on every instruction set")
    func rowSums() {
        var rng = TestSupport.rng(61)
        for (m, n) in [(1, 1), (7, 5), (64, 3), (65, 40), (130, 300), (200, 1), (8, 0)] {
            let lda = m + 2
            let a = (0..<(lda * max(n, 1))).map { _ in 1e3 * rng.gaussian() }
            let y0 = (0..<m).map { _ in rng.gaussian() }
            var expected = y0
            for j in 0..<n { for i in 0..<m { expected[i] += a[i + j * lda] } }
            for isa in VM.InstructionSet.allCases where isa.isSupported {
                var y = y0
                a.withUnsafeBufferPointer { ab in
                    y.withUnsafeMutableBufferPointer { yb in
                        guard let ap = ab.baseAddress, let yp = yb.baseAddress else { return }
                        VM.addRowSums(m: m, n: n, ap, leadingDimension: lda, into: yp, instructionSet: isa)
                    }
                }
                #expect(y.map(\.bitPattern) == expected.map(\.bitPattern), "\(m)×\(n) on \(isa)")
            }
        }
    }
}

private extension Matrix {
    /// A 2×3 matrix: the wrong shape for a 3×3 start.
    var transposedShapeProbe: Matrix { Matrix(rows: 2, columns: 3, repeating: 0) }
}
