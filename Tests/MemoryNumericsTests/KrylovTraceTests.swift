import MemoryNumerics
import Testing
import _TestSupport

@Suite("Krylov: Hutchinson, Hutch++ and diagonal estimators")
struct KrylovTraceTests {
    /// H3: Hutchinson with 1000 Rademacher probes on a 60 × 60 symmetric matrix: the z-score against the exact
    /// trace with the exact variance 2(‖A‖_F² − Σ A_ii²)/K is below 4, and the reported standard error is within
    /// 15 % of the exact one.
    @Test func hutchinsonZScore() throws {
        let a = KrylovTestKit.gaussianSymmetric(60, seed: 41)
        let op = try DenseSymmetricOperator(a)
        let k = 1000
        let estimate = try StochasticTrace.hutchinson(op, probes: k, seed: 17)
        let exactSE = (try StochasticTrace.hutchinsonVariance(of: a) / Double(k)).squareRoot()
        let z = (estimate.estimate - a.trace) / exactSE
        #expect(abs(z) < 4, "z = \(z)")
        #expect(abs(estimate.standardError / exactSE - 1) < 0.15, "\(estimate.standardError) vs \(exactSE)")
        #expect(estimate.operatorProducts == k && estimate.method == .hutchinson)
        // Variance formula: brute force over all 2^n sign vectors for a 4 × 4 matrix.
        let small = KrylovTestKit.gaussianSymmetric(4, seed: 3)
        var values: [Double] = []
        for mask in 0..<16 {
            let z = (0..<4).map { (mask >> $0) & 1 == 1 ? 1.0 : -1.0 }
            values.append(zip(z, small * z).reduce(0) { $0 + $1.0 * $1.1 })
        }
        let mean = values.reduce(0, +) / 16
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 16
        #expect(abs(mean - small.trace) < 1e-12)
        #expect(abs(variance - (try StochasticTrace.hutchinsonVariance(of: small))) < 1e-12)
    }

    /// Hutch++ beats Hutchinson on a decaying spectrum (λ_i = i⁻², n = 300) at the same 60 products: root mean
    /// squared error over 20 seeds at least 3 times smaller.
    @Test func hutchPlusPlusBeatsHutchinsonOnDecayingSpectrum() throws {
        let n = 300
        let lambda = (1...n).map { 1 / Double($0 * $0) }
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 51)
        let op = try DenseSymmetricOperator(a)
        let exact = lambda.reduce(0, +)
        var sePlus = 0.0, seHutch = 0.0
        var zs: [Double] = []
        for seed in UInt64(0)..<20 {
            let plus = try StochasticTrace.hutchPlusPlus(op, matrixVectorProducts: 60, seed: seed)
            let hutch = try StochasticTrace.hutchinson(op, probes: 60, seed: seed + 100)
            sePlus += (plus.estimate - exact) * (plus.estimate - exact)
            seHutch += (hutch.estimate - exact) * (hutch.estimate - exact)
            zs.append((plus.estimate - exact) / plus.standardError)
            #expect(plus.operatorProducts == 60 && plus.probes == 20)
        }
        #expect(
            sePlus * 9 < seHutch,
            "RMSE Hutch++ \((sePlus / 20).squareRoot()) vs Hutchinson \((seHutch / 20).squareRoot())")
        // The reported standard errors are honest: |z| < 4 for every seed.
        #expect(zs.allSatisfy { abs($0) < 4 }, "\(zs)")
    }

    /// A rank-5 matrix is captured exactly by Hutch++'s sketch (s = 10 ≥ rank): the estimate is the trace.
    @Test func hutchPlusPlusExactOnLowRank() throws {
        let lambda = [5.0, 3, 2, -1, 0.5] + [Double](repeating: 0, count: 45)
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 61)
        let result = try StochasticTrace.hutchPlusPlus(try DenseSymmetricOperator(a), matrixVectorProducts: 30, seed: 1)
        #expect(abs(result.estimate - 9.5) < 1e-10)
        #expect(result.standardError < 1e-10)
    }

    /// Bekas–Kokiopoulou–Saad: exact on a diagonal matrix; on a dense symmetric matrix every entry's z-score with
    /// the exact variance Σ_{j≠i} A_ij²/K is below 4.5 (60 entries, 400 probes).
    @Test func diagonalEstimator() throws {
        let d = (0..<20).map { Double($0) - 7.5 }
        let exact = try StochasticDiagonal.bekasKokiopoulouSaad(
            try DenseSymmetricOperator(Matrix.diagonal(d)), probes: 3, seed: 2)
        #expect(exact.values == d)
        #expect(exact.standardErrors.allSatisfy { $0 == 0 })
        let a = KrylovTestKit.gaussianSymmetric(60, seed: 71)
        let k = 400
        let estimate = try StochasticDiagonal.bekasKokiopoulouSaad(try DenseSymmetricOperator(a), probes: k, seed: 5)
        var worst = 0.0
        for i in 0..<60 {
            var v = 0.0
            for j in 0..<60 where j != i { v += a[i, j] * a[i, j] }
            worst = max(worst, abs(estimate.values[i] - a[i, i]) / (v / Double(k)).squareRoot())
        }
        #expect(worst < 4.5, "max |z| = \(worst)")
    }

    @Test func sameSeedSameBytesAndBadArguments() throws {
        let op = try DenseSymmetricOperator(KrylovTestKit.gaussianSymmetric(10, seed: 1))
        #expect(
            try StochasticTrace.hutchinson(op, probes: 7, seed: 3) == StochasticTrace.hutchinson(op, probes: 7, seed: 3)
        )
        #expect(
            try StochasticTrace.hutchPlusPlus(op, matrixVectorProducts: 9, seed: 3)
                == StochasticTrace.hutchPlusPlus(op, matrixVectorProducts: 9, seed: 3))
        #expect(throws: NumericsError.self) { try StochasticTrace.hutchinson(op, probes: 1, seed: 0) }
        #expect(throws: NumericsError.self) { try StochasticTrace.hutchPlusPlus(op, matrixVectorProducts: 5, seed: 0) }
        #expect(throws: NumericsError.self) { try StochasticDiagonal.bekasKokiopoulouSaad(op, probes: 1, seed: 0) }
    }
}
