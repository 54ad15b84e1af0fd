import MemoryNumerics

/// Wald (z) tests of H0: d = d₀ (default d₀ = 0, "no memory") on an estimate of d:
///
///     z = (d̂ − d₀)/s.e.(d̂)  →  N(0, 1) under H0,
///
/// with the estimator's primary asymptotic standard error from ``MemoryEstimate`` — local Whittle and exact local
/// Whittle 1/(2√m) (Robinson 1995, Ann. Statist. 23(5):1630–1661; Shimotsu & Phillips 2005, Ann. Statist.
/// 33(4):1890–1933), parametric Whittle from the Fisher information (for FI(d): √(6/(π²n)); Fox & Taqqu 1986).
/// Two-sided by default; `.greater` tests against long memory (d > d₀), `.less` against antipersistence.
///
/// The test is on d = H − ½, never on H = 0 (longmemo's `WhittleEst` z-test of H = 0 is meaningless;
/// <doc:OtherTools>). Semiparametric estimates are biased upward by short-memory dynamics (AR-like persistence)
/// as m grows, so the local-Whittle tests over-reject under H0 for such series; a smaller m (e.g. ⌊n^0.5⌋) or the
/// parametric Whittle test with the right ARMA order is then appropriate.
public enum WaldMemoryTest {
    /// The Wald test on a given estimate.
    public static func test(
        estimate e: MemoryEstimate, nullValue d0: Double = 0, level: Double = 0.05,
        alternative: TestAlternative = .twoSided
    ) throws -> MemoryTestResult {
        try TestInput.validateLevel(level)
        try Validate.finite(d0, "nullValue")
        guard e.standardError.isFinite, e.standardError > 0 else {
            throw LongMemoryError.invalidArgument(
                name: "estimate", value: "\(e.method.rawValue) with standard error \(e.standardError)",
                requirement: "a Wald test needs a finite, positive standard error")
        }
        let z = (e.d - d0) / e.standardError
        let region: CriticalRegion
        let p: Double
        switch alternative {
        case .twoSided:
            let c = SpecialFunctions.normalQuantile(1 - level / 2)
            region = CriticalRegion(lower: -c, upper: c)
            p = 2 * SpecialFunctions.normalUpperTail(abs(z))
        case .greater:
            region = CriticalRegion(upper: SpecialFunctions.normalQuantile(1 - level))
            p = SpecialFunctions.normalUpperTail(z)
        case .less:
            region = CriticalRegion(lower: -SpecialFunctions.normalQuantile(1 - level))
            p = SpecialFunctions.normalCDF(z)
        }
        let table = [0.10, 0.05, 0.01].map { a -> TabulatedCriticalValue in
            let c2 = SpecialFunctions.normalQuantile(1 - a / 2), c1 = SpecialFunctions.normalQuantile(1 - a)
            switch alternative {
            case .twoSided: return TabulatedCriticalValue(level: a, region: CriticalRegion(lower: -c2, upper: c2))
            case .greater: return TabulatedCriticalValue(level: a, region: CriticalRegion(upper: c1))
            case .less: return TabulatedCriticalValue(level: a, region: CriticalRegion(lower: -c1))
            }
        }
        let d0Text = EstimatorFormat.number(d0)
        var notes = e.notes
        notes.append(
            "z = (d̂ − \(d0Text))/s.e. with d̂ = \(EstimatorFormat.number(e.d, digits: 6)), s.e. = "
                + "\(EstimatorFormat.number(e.standardError, digits: 6)) (\(e.tuningDescription))")
        if e.method.family == .semiparametric {
            notes.append(
                "short-memory dynamics (AR-like persistence) bias semiparametric d̂ upward as m grows: the test "
                    + "over-rejects for such series; compare a smaller bandwidth")
        }
        if e.method.family == .heuristic {
            notes.append(
                "the standard error of a heuristic estimator is a regression s.e., not a validated asymptotic one")
        }
        let alt: String
        switch alternative {
        case .twoSided: alt = "d ≠ \(d0Text)"
        case .greater: alt = "d > \(d0Text)" + (d0 == 0 ? " (long memory)" : "")
        case .less: alt = "d < \(d0Text)" + (d0 == 0 ? " (antipersistence)" : "")
        }
        return MemoryTestResult(
            method: .wald, name: "Wald test of d = \(d0Text) (\(e.method.displayName))", statistic: z, level: level,
            alternative: alternative, criticalValue: region, criticalValues: table, pValue: .point(p),
            nullHypothesis: "d = \(d0Text)" + (d0 == 0 ? " (no memory)" : ""), alternativeHypothesis: alt, n: e.n,
            bandwidth: e.bandwidth, estimate: e, notes: notes)
    }

    /// Wald test on the local Whittle estimate (Robinson 1995), s.e. 1/(2√m).
    public static func localWhittle(
        _ x: [Double], bandwidth: Bandwidth = .exponent(LocalWhittle.defaultExponent), nullValue d0: Double = 0,
        level: Double = 0.05, alternative: TestAlternative = .twoSided
    ) throws -> MemoryTestResult {
        try test(
            estimate: LocalWhittle.estimate(x, bandwidth: bandwidth), nullValue: d0, level: level,
            alternative: alternative)
    }

    /// Wald test on the exact local Whittle estimate (Shimotsu & Phillips 2005; Shimotsu 2010 mean correction),
    /// s.e. 1/(2√m).
    public static func exactLocalWhittle(
        _ x: [Double], bandwidth: Bandwidth = .exponent(ExactLocalWhittle.defaultExponent), nullValue d0: Double = 0,
        level: Double = 0.05, alternative: TestAlternative = .twoSided
    ) throws -> MemoryTestResult {
        try test(
            estimate: ExactLocalWhittle.estimate(x, bandwidth: bandwidth), nullValue: d0, level: level,
            alternative: alternative)
    }

    /// Wald test on the parametric Whittle estimate of ARFIMA(p, d, q) (default p = q = 0), s.e. from the Fisher
    /// information.
    public static func whittle(
        _ x: [Double], options: ARFIMAFitOptions = ARFIMAFitOptions(), nullValue d0: Double = 0,
        level: Double = 0.05, alternative: TestAlternative = .twoSided
    ) throws -> MemoryTestResult {
        try test(
            estimate: ParametricEstimation.whittle(x, options: options).estimate, nullValue: d0, level: level,
            alternative: alternative)
    }
}
