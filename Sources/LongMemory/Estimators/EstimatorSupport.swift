import MemoryNumerics

// Internal helpers shared by the estimators of d in this folder: input validation, small least-squares fits,
// log-spaced scales, and the Brent search with boundary reporting.

enum EstimatorInput {
    /// Fewest observations any estimator of d accepts.
    static let minimumLength = 16

    /// Throws for NaN/±∞ (with the observation number), a constant series, or fewer than `minimum` values.
    static func validate(_ x: [Double], minimum: Int = minimumLength, estimator: String) throws {
        try Validate.series(x, atLeast: max(minimum, minimumLength), for: estimator)
    }

    static func validateLevel(_ level: Double) throws {
        guard level.isFinite, level > 0, level < 1 else {
            throw LongMemoryError.invalidArgument(
                name: "confidenceLevel", value: "\(level)", requirement: "must be in (0, 1)")
        }
    }

    static func validateInterval(_ interval: ClosedRange<Double>, name: String = "searchInterval") throws {
        guard interval.lowerBound.isFinite, interval.upperBound.isFinite,
            interval.lowerBound < interval.upperBound
        else {
            throw LongMemoryError.invalidArgument(
                name: name, value: "\(interval)", requirement: "must be a finite interval with lower < upper")
        }
    }
}

/// Ordinary least squares with an intercept, for the handful of regressors used by the estimators (log-periodogram
/// regressions, log–log slopes, second-order coefficients). Regressors are centred and scaled before the normal
/// equations are solved by Cholesky, which keeps the Gram matrix well conditioned for the few columns used here.
struct OrdinaryLeastSquares {
    /// Slopes of the regressors, in the order given (intercept excluded).
    let slopes: [Double]
    let intercept: Double
    /// (Z'Z)⁻¹ for the centred regressors Z (unscaled units): the covariance of the slopes is σ²·this.
    let inverseGram: [[Double]]
    /// Residual sum of squares.
    let residualSumOfSquares: Double
    /// Number of observations.
    let count: Int

    /// Residual variance RSS/(count − k − 1) (NaN without residual degrees of freedom).
    var residualVariance: Double {
        let dof = count - slopes.count - 1
        return dof > 0 ? residualSumOfSquares / Double(dof) : .nan
    }

    /// OLS standard error of slope `k` from the residual variance.
    func residualStandardError(slope k: Int) -> Double { (residualVariance * inverseGram[k][k]).squareRoot() }

    /// y = a + Σ_k b_k x_k + e. Throws if the regressors are (numerically) collinear or constant.
    init(y: [Double], regressors: [[Double]]) throws {
        let n = y.count
        let k = regressors.count
        guard n > k, regressors.allSatisfy({ $0.count == n }) else {
            throw LongMemoryError.numerical("least squares: \(n) observations for \(k) regressors")
        }
        let ybar = y.reduce(0, +) / Double(n)
        var means = [Double](repeating: 0, count: k)
        var scales = [Double](repeating: 1, count: k)
        var z = [[Double]](repeating: [], count: k)
        for c in 0..<k {
            let col = regressors[c]
            let m = col.reduce(0, +) / Double(n)
            means[c] = m
            var ss = 0.0
            var centred = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let v = col[i] - m
                centred[i] = v
                ss += v * v
            }
            guard ss > 0, ss.isFinite else {
                throw LongMemoryError.numerical("least squares: regressor \(c + 1) is constant")
            }
            let s = ss.squareRoot()
            scales[c] = s
            for i in 0..<n { centred[i] /= s }
            z[c] = centred
        }
        // Gram matrix of the scaled columns (unit diagonal) and right-hand side.
        var gram = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var rhs = [Double](repeating: 0, count: k)
        for a in 0..<k {
            for b in a..<k {
                var s = 0.0
                for i in 0..<n { s += z[a][i] * z[b][i] }
                gram[a][b] = s
                gram[b][a] = s
            }
            var s = 0.0
            for i in 0..<n { s += z[a][i] * (y[i] - ybar) }
            rhs[a] = s
        }
        let inv = try Self.inverseOfScaledGram(gram)
        var scaledBeta = [Double](repeating: 0, count: k)
        for a in 0..<k {
            var s = 0.0
            for b in 0..<k { s += inv[a][b] * rhs[b] }
            scaledBeta[a] = s
        }
        var beta = [Double](repeating: 0, count: k)
        for a in 0..<k { beta[a] = scaledBeta[a] / scales[a] }
        var invGram = inv
        for a in 0..<k { for b in 0..<k { invGram[a][b] = inv[a][b] / (scales[a] * scales[b]) } }
        var intercept = ybar
        for a in 0..<k { intercept -= beta[a] * means[a] }
        var rss = 0.0
        for i in 0..<n {
            var fit = ybar
            for a in 0..<k { fit += scaledBeta[a] * z[a][i] }
            let r = y[i] - fit
            rss += r * r
        }
        slopes = beta
        self.intercept = intercept
        inverseGram = invGram
        residualSumOfSquares = rss
        count = n
    }

    /// (Z'Z)⁻¹ for the Gram matrix of centred, unit-norm regressors (unit diagonal) by LAPACK Cholesky
    /// (``LinearAlgebra/cholesky(_:symmetryTolerance:)``). With a unit diagonal, L_ii² is the fraction of regressor i not
    /// explained by regressors 1…i−1 (1 − R²), so L_ii² ≤ 1e-12 is reported as collinearity instead of returning an
    /// inverse that is mostly rounding error.
    static func inverseOfScaledGram(_ gram: [[Double]]) throws -> [[Double]] {
        let k = gram.count
        let collinear = LongMemoryError.numerical(
            "least squares: the regressors are collinear (Gram matrix not positive definite)")
        let cholesky: CholeskyFactorization
        let inverse: Matrix
        do {
            cholesky = try LinearAlgebra.cholesky(try Matrix(gram))
            inverse = try cholesky.inverse()
        } catch {
            throw collinear
        }
        for i in 0..<k where !(cholesky.lower[i, i] * cholesky.lower[i, i] > 1e-12) { throw collinear }
        return inverse.rowArrays
    }
}

/// Log-spaced integer scales (block sizes, window sizes).
public enum LogSpacedScales {
    /// The largest number of candidates i = 0, 1, … a call may examine.
    public static let maximumCandidates = 1_000_000

    /// The distinct integers ⌊minimum·factor^i⌋, i = 0, 1, …, that do not exceed `maximum` (nolds'
    /// `logarithmic_n` rule: successive multiplication by `factor`, rounding down, duplicates dropped).
    /// - Throws: unless minimum ≥ 1 and factor > 1 is finite, and when the range needs more than
    ///   ``maximumCandidates`` steps (log(maximum/minimum)/log(factor); a factor too close to 1).
    public static func scales(from minimum: Int, to maximum: Int, factor: Double) throws -> [Int] {
        guard minimum >= 1 else {
            throw LongMemoryError.invalidArgument(
                name: "minimum scale", value: "\(minimum)", requirement: "must be ≥ 1")
        }
        guard factor.isFinite, factor > 1 else {
            throw LongMemoryError.invalidArgument(name: "factor", value: "\(factor)", requirement: "must be > 1")
        }
        guard maximum >= minimum else { return [] }
        let steps = Double.log(Double(maximum) / Double(minimum)) / Double.log(factor)
        guard steps <= Double(maximumCandidates) else {
            throw LongMemoryError.invalidArgument(
                name: "factor", value: "\(factor)",
                requirement:
                    "is too close to 1 for \(minimum)…\(maximum): \(Int(steps.rounded(.up))) steps exceed \(maximumCandidates)"
            )
        }
        var out = [minimum]
        var i = 1.0
        while true {
            let v = Double(minimum) * Double.pow(factor, i)
            if v > Double(maximum) + 1e-9 { break }
            let s = Int((v + 1e-9).rounded(.down))
            if let last = out.last, s > last { out.append(s) }
            i += 1
        }
        return out
    }
}

/// Minimisation of an estimator's objective over a search interval, with the boundary case turned into a note.
enum EstimatorSearch {
    struct Outcome {
        let minimizer: Double
        let minimum: Double
        let notes: [String]
    }

    static func minimize(
        _ f: (Double) throws -> Double, over interval: ClosedRange<Double>, scanIntervals: Int = 32,
        what: String
    ) throws -> Outcome {
        var options = Optimization.ScalarOptions()
        options.scanIntervals = scanIntervals
        options.absoluteTolerance = 1e-9
        options.relativeTolerance = 1e-9
        let r: Optimization.ScalarResult
        do {
            r = try Optimization.minimize(f, lower: interval.lowerBound, upper: interval.upperBound, options: options)
        } catch let e as LongMemoryError {
            throw e
        } catch {
            throw LongMemoryError.numerical("\(what): minimisation failed: \(error)")
        }
        guard r.minimum.isFinite else {
            throw LongMemoryError.numerical("\(what): the objective has no finite value on \(interval)")
        }
        var notes: [String] = []
        switch r.boundary {
        case .interior: break
        case .lower:
            notes.append(
                "the estimate is at the lower end \(interval.lowerBound) of the search interval: the minimum may lie below it"
            )
        case .upper:
            notes.append(
                "the estimate is at the upper end \(interval.upperBound) of the search interval: the minimum may lie above it"
            )
        }
        if !r.converged && r.boundary == .interior {
            notes.append("the minimiser did not meet its tolerance: \(r.status)")
        }
        return Outcome(minimizer: r.minimizer, minimum: r.minimum, notes: notes)
    }
}

/// Formatting of numbers in tuning descriptions (short, locale-independent).
enum EstimatorFormat {
    static func number(_ v: Double, digits: Int = 4) -> String {
        guard v.isFinite else { return "\(v)" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (v * p).rounded() / p
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : "\(r)"
    }

    static func scales(_ s: [Int]) -> String {
        guard let a = s.first, let b = s.last else { return "none" }
        return s.count <= 6 ? s.map(String.init).joined(separator: ", ") : "\(a)…\(b) (\(s.count) log-spaced)"
    }
}
