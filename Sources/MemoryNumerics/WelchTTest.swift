/// Welch's two-sample t-test of equal means without assuming equal variances (Welch 1947, Biometrika 34:28–35;
/// degrees of freedom of Satterthwaite 1946, Biometrics Bulletin 2:110–114):
///
///     t = (x̄ − ȳ)/√(s_x²/n_x + s_y²/n_y),   ν = (s_x²/n_x + s_y²/n_y)² / [(s_x²/n_x)²/(n_x − 1) + (s_y²/n_y)²/(n_y − 1)]
///
/// with the sample variances s² = Σ(xᵢ − x̄)²/(n − 1), and p-values from Student's t with the (non-integer) ν
/// degrees of freedom. The same numbers as SciPy's `scipy.stats.ttest_ind(x, y, equal_var=False)` (its
/// `alternative` "two-sided", "less", "greater" are ``pValue``, ``pValueLess``, ``pValueGreater``).
public struct WelchTTest: Sendable, Equatable, Codable {
    /// x̄ − ȳ.
    public let meanDifference: Double
    /// √(s_x²/n_x + s_y²/n_y), the standard error of the difference.
    public let standardError: Double
    /// The statistic t.
    public let statistic: Double
    /// Welch–Satterthwaite degrees of freedom ν.
    public let degreesOfFreedom: Double
    /// Two-sided p-value P(|T_ν| ≥ |t|).
    public let pValue: Double
    /// One-sided p-value of the alternative mean(x) < mean(y): P(T_ν ≤ t).
    public let pValueLess: Double
    /// One-sided p-value of the alternative mean(x) > mean(y): P(T_ν ≥ t).
    public let pValueGreater: Double

    /// The test of `x` against `y`.
    /// - Throws: ``NumericsError/domain(_:)`` when a sample has fewer than 2 values or a non-finite value,
    ///   or both samples have zero variance (t is then undefined: 0/0 or ±∞).
    public init(_ x: [Double], _ y: [Double]) throws {
        for (name, s) in [("x", x), ("y", y)] {
            guard s.count >= 2 else {
                throw NumericsError.domain("Welch t-test: sample \(name) needs at least 2 values, got \(s.count)")
            }
            guard s.allSatisfy(\.isFinite) else {
                throw NumericsError.domain("Welch t-test: sample \(name) has a non-finite value")
            }
        }
        func moments(_ s: [Double]) -> (mean: Double, varianceOfMean: Double) {
            let n = Double(s.count)
            let mean = s.reduce(0, +) / n
            let ss = s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (mean, ss / (n - 1) / n)
        }
        let (mx, vx) = moments(x), (my, vy) = moments(y)
        let v = vx + vy
        guard v > 0 else {
            throw NumericsError.domain("Welch t-test: both samples are constant (zero variance), t is undefined")
        }
        meanDifference = mx - my
        standardError = v.squareRoot()
        statistic = meanDifference / standardError
        degreesOfFreedom = v * v / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
        pValueLess = SpecialFunctions.studentTCDF(statistic, degreesOfFreedom: degreesOfFreedom)
        pValueGreater = SpecialFunctions.studentTUpperTail(statistic, degreesOfFreedom: degreesOfFreedom)
        pValue = min(1, 2 * SpecialFunctions.studentTUpperTail(abs(statistic), degreesOfFreedom: degreesOfFreedom))
    }
}
