import MemoryNumerics
import Testing
import _TestSupport

@Suite("QR-renormalised frames and products")
struct RenormalizedProductTests {
    /// Short horizon: log singular values of A_5 ⋯ A_1 agree with the SVD of the raw product, to the raw SVD's own
    /// accuracy: |Δ log σ_i| ≤ 1e-12·(1 + σ_1/σ_i) (dgesdd's error on σ_i is about ε·σ_1).
    @Test func matchesRawProductOnShortHorizon() throws {
        var product = try RenormalizedProduct(dimension: 6)
        var raw = Matrix.identity(6)
        var sumLogDet = 0.0
        for t in 0..<5 {
            let a = 0.6 * LinAlgTestKit.gaussian(6, 6, seed: UInt64(100 + t))
            try product.multiply(onLeftBy: a)
            raw = a * raw
            sumLogDet += try LinearAlgebra.logAbsDeterminant(a).logAbs
        }
        let logs = try product.logSingularValues()
        let reference = try LinearAlgebra.singularValues(raw).map { Double.log($0) }
        for i in 0..<6 {
            let tolerance = 1e-12 * (1 + Double.exp(reference[0] - reference[i]))
            #expect(abs(logs[i] - reference[i]) <= tolerance, "σ_\(i): \(logs[i]) vs \(reference[i])")
        }
        #expect(abs(product.logAbsDeterminant - sumLogDet) < 1e-12)
        #expect(product.factorCount == 5)
    }

    /// A symmetric A = V diag(1.5, 1, 0.5, 0.01) Vᵀ raised to the 400th power: σ_i = |λ_i|^400 spans e^162 … e^−1842,
    /// far outside double range; the logs are right to rel 1e-10.
    @Test func gradedBeyondDoubleRange() throws {
        let lambda = [1.5, 1.0, 0.5, 0.01]
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 5)
        var product = try RenormalizedProduct(dimension: 4)
        for _ in 0..<400 { try product.multiply(onLeftBy: a) }
        let logs = try product.logSingularValues()
        let expected = lambda.map { 400 * Double.log($0) }
        for i in 0..<4 {
            #expect(
                abs(logs[i] - expected[i]) <= 1e-10 * max(1, abs(expected[i])), "\(i): \(logs[i]) vs \(expected[i])")
        }
    }

    /// Non-normal Jordan-like factor [[½, 10], [0, ½]]: its m-th power is 2^−m·[[1, 20m], [0, 1]] with singular
    /// values 2^−m·(√(c² + 4) ± c)/2, c = 20m (closed form), at m = 2000 (2^−2000 underflows).
    @Test func nonNormalClosedForm() throws {
        let a = try Matrix([[0.5, 10], [0, 0.5]])
        var product = try RenormalizedProduct(dimension: 2)
        let m = 2000
        for _ in 0..<m { try product.multiply(onLeftBy: a) }
        let c = 20.0 * Double(m)
        let root = (c * c + 4).squareRoot()
        let expected = [
            Double(m) * Double.log(0.5) + Double.log((root + c) / 2),
            Double(m) * Double.log(0.5) + Double.log(2 / (root + c)),
        ]
        let logs = try product.logSingularValues()
        #expect(TestSupport.maxAbsError(logs, expected) < 1e-9, "\(logs) vs \(expected)")
    }

    /// A singular factor gives σ = 0, i.e. log σ = −∞, never NaN.
    @Test func singularFactor() throws {
        var product = try RenormalizedProduct(dimension: 3)
        try product.multiply(onLeftBy: LinAlgTestKit.gaussian(3, 3, seed: 1))
        try product.multiply(onLeftBy: try Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 0]]))
        try product.multiply(onLeftBy: LinAlgTestKit.gaussian(3, 3, seed: 2))
        let logs = try product.logSingularValues()
        #expect(logs[2] == -.infinity)
        #expect(logs[0].isFinite && logs[1].isFinite)
        #expect(product.logAbsDeterminant == -.infinity)
        #expect(throws: NumericsError.self) { try product.multiply(onLeftBy: Matrix.identity(2)) }
        #expect(throws: NumericsError.self) {
            try product.multiply(onLeftBy: try Matrix([[1, 0, 0], [0, .nan, 0], [0, 0, 1]]))
        }
    }

    /// The frame: Q stays orthonormal, R_ii ≥ 0, Q·R reproduces A·Q_prev, and Σ log R_ii = log|det| for k = n.
    @Test func orthonormalFrame() throws {
        var frame = try OrthonormalFrame(dimension: 7, columns: 7, seed: 3, keepsTriangularFactor: true)
        let q0 = frame.basis
        let a = LinAlgTestKit.gaussian(7, 7, seed: 8)
        try frame.multiply(by: a)
        let logs = try frame.renormalize()
        let r = try #require(frame.triangularFactor)
        #expect(LinAlgTestKit.relativeDistance(frame.basis * r, a * q0) < 1e-14)
        #expect(LinAlgTestKit.relativeDistance(frame.basis.transposed * frame.basis, Matrix.identity(7)) < 1e-14)
        #expect(r.diagonalEntries.allSatisfy { $0 >= 0 })
        #expect(abs(logs.reduce(0, +) - (try LinearAlgebra.logAbsDeterminant(a).logAbs)) < 1e-12)
        // k < n through a custom map; non-finite blocks are reported.
        var thin = try OrthonormalFrame(dimension: 5, columns: 2, seed: 1)
        try thin.transform { q, out in out = 2 * q }
        #expect(try thin.renormalize().allSatisfy { abs($0 - Double.log(2)) < 1e-14 })
        try thin.transform { q, out in out = Double.infinity * q }
        #expect(throws: NumericsError.self) { try thin.renormalize() }
        #expect(throws: NumericsError.self) { try OrthonormalFrame(dimension: 3, columns: 4, seed: 0) }
    }

    /// A matrix written in place by the caller gives the same frame and stretches as an explicit one — right after a
    /// renormalisation (reflectors applied from the right) and between renormalisations (explicit Q); a
    /// non-finite product is still reported.
    @Test func matrixWrittenInPlace() throws {
        let a = LinAlgTestKit.gaussian(6, 6, seed: 21), b = LinAlgTestKit.gaussian(6, 6, seed: 22)
        var explicit = try OrthonormalFrame(dimension: 6, columns: 6, seed: 4)
        var inPlace = explicit
        try explicit.multiply(by: a)
        try explicit.multiply(by: b)
        try inPlace.multiply(byMatrixWrittenBy: { $0 = a })
        try inPlace.multiply(byMatrixWrittenBy: { m in
            for i in m.elements.indices { m.elements[i] = b.elements[i] }
        })
        #expect(try explicit.renormalize() == (try inPlace.renormalize()))
        #expect(explicit.basis == inPlace.basis)
        try explicit.multiply(by: a)
        try inPlace.multiply(byMatrixWrittenBy: { $0 = a })
        #expect(try explicit.renormalize() == (try inPlace.renormalize()))
        try inPlace.multiply(byMatrixWrittenBy: { m in m.elements[7] = .nan })
        #expect(throws: NumericsError.self) { try inPlace.renormalize() }
        #expect(throws: NumericsError.self) {
            try inPlace.multiply(byMatrixWrittenBy: { $0 = Matrix(rows: 2, columns: 2) })
        }
    }
}
