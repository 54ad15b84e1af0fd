import MemoryNumerics

/// Data-driven ("plug-in") choice of the number m of Fourier frequencies for local Whittle and GPH.
///
/// **Model.** Near frequency 0 write f(λ) = G·g(λ)^{−2d}·(1 + b·λ² + o(λ²)), with g(λ) = λ for local Whittle and
/// g(λ) = |1 − e^{−iλ}| = 2 sin(λ/2) for GPH (the regressor each estimator uses). Then both estimators have
/// leading bias −(4π²/9)·b·(m/n)² (Hurvich, Deo & Brodsky 1998, J. Time Series Analysis 19(1):19–46, for
/// GPH with b = f*''(0)/(2f*(0)); Henry & Robinson 1996, in *Athens Conference on Applied Probability and Time
/// Series* vol. II, Springer LNS 115, pp. 220–232, for local Whittle; re-derived from R'(d) ≈ 2b·(1/m)Σ ν_j λ_j² with
/// ∫₀¹(log u + 1)u² du = 2/9 and R'' → 4) and variances 1/(4m) (LW) and π²/(24m) (GPH). Minimising the
/// asymptotic mean squared error gives
///
///     LW:  m_opt = (3/(4π))^{4/5} · |b|^{−2/5} · n^{4/5}        (Henry & Robinson 1996; Henry 2001, JTSA 22(3):293–316)
///     GPH: m_opt = (27/(512π²))^{1/5} · |b|^{−2/5} · n^{4/5}
///               = (27/(128π²))^{1/5} · |f*(0)/f*''(0)|^{2/5} · n^{4/5}   (Hurvich, Deo & Brodsky 1998)
///
/// **Feasible rule implemented here** (the plug-in idea of Hurvich & Deo 1999, "Plug-in selection of the number of
/// frequencies in regression estimates of the memory parameter of a long-memory time series", JTSA 20(3):331–341,
/// applied to both estimators): estimate b by the augmented log-periodogram regression
///
///     log I(λ_j) = c − 2d·log g(λ_j) + b·λ_j² + error,   j = 1…L,   L = ⌊n^{0.8}⌋ (pilot band, `pilotExponent`),
///
/// and plug b̂ into m_opt. The result is clamped to [max(minimum, 8), L] (and to ⌊(n − 1)/2⌋): if |b̂| is below twice
/// its standard error the second-order term is not resolved, m_opt is unreliable, and L is returned with a note. No
/// iteration is performed. This is *a* documented rule (not Henry's exact estimator of b, which uses an augmented
/// local Whittle fit); it is deterministic given the data. The standard errors of d̂ reported by the estimators
/// ignore the randomness of m̂.
public enum BandwidthSelection {
    /// Which estimator the bandwidth is for (they differ in the constant and in g(λ)).
    public enum Target: String, Sendable, Equatable, CaseIterable {
        /// Local Whittle (Robinson 1995).
        case localWhittle
        /// Log-periodogram regression (Geweke & Porter-Hudak 1983); raw value `gph`.
        case gewekePorterHudak = "gph"
    }

    /// The outcome of the plug-in rule.
    public struct Selection: Sendable, Equatable, CustomStringConvertible {
        /// Selected m (after clamping).
        public let bandwidth: Int
        /// C·|b̂|^{−2/5}·n^{4/5} before clamping (+∞ when b̂ = 0).
        public let unclampedBandwidth: Double
        /// b̂, the coefficient of λ² in the pilot regression.
        public let secondOrderCoefficient: Double
        /// Its exact-regressor standard error √((π²/6)·[(Z'Z)⁻¹]_{bb}).
        public let secondOrderStandardError: Double
        /// Pilot band L.
        public let pilotBandwidth: Int
        public let target: Target
        public let n: Int
        /// Caveats (clamping).
        public let notes: [String]

        public var description: String {
            "m = \(bandwidth) (plug-in: b̂ = \(EstimatorFormat.number(secondOrderCoefficient)) on pilot band L = "
                + "\(pilotBandwidth), C·|b̂|^(−2/5)·n^(4/5) = \(EstimatorFormat.number(unclampedBandwidth, digits: 1)))"
        }
    }

    /// Default pilot band exponent: L = ⌊n^0.8⌋.
    public static let defaultPilotExponent = 0.8

    /// The constant C in m_opt = C·|b|^{−2/5}·n^{4/5}: (3/(4π))^{4/5} ≈ 0.31793 for LW, (27/(512π²))^{1/5} ≈ 0.35120 for GPH.
    public static func constant(for target: Target) -> Double {
        switch target {
        case .localWhittle: return Double.exp(0.8 * Double.log(3 / (4 * Double.pi)))
        case .gewekePorterHudak: return Double.exp(0.2 * Double.log(27 / (512 * Double.pi * Double.pi)))
        }
    }

    /// The infeasible MSE-optimal bandwidth C·|b|^{−2/5}·n^{4/5} for a known second-order coefficient b.
    public static func optimalBandwidth(n: Int, secondOrderCoefficient b: Double, target: Target) -> Double {
        guard b != 0 else { return .infinity }
        return constant(for: target) * Double.exp(-0.4 * Double.log(abs(b)) + 0.8 * Double.log(Double(n)))
    }

    /// Plug-in bandwidth for series `x` (validated: finite, non-constant, n ≥ 16).
    public static func plugIn(
        _ x: [Double], target: Target, pilotExponent: Double = defaultPilotExponent
    ) throws -> Selection {
        try EstimatorInput.validate(x, estimator: "plug-in bandwidth selection")
        let pgram = try SampleStatistics.periodogram(x)
        return try plugIn(periodogram: pgram, target: target, minimum: 3, pilotExponent: pilotExponent)
    }

    static func plugIn(
        periodogram pgram: SampleStatistics.Periodogram, target: Target, minimum: Int,
        pilotExponent: Double = defaultPilotExponent
    ) throws -> Selection {
        guard pilotExponent.isFinite, pilotExponent > 0, pilotExponent < 1 else {
            throw LongMemoryError.invalidArgument(
                name: "pilotExponent", value: "\(pilotExponent)", requirement: "must be in (0, 1)")
        }
        let n = pgram.n
        let upper = Bandwidth.maximum(n: n)
        let pilot = min(upper, Bandwidth.floorPower(n, pilotExponent))
        guard pilot >= max(minimum, 8) else {
            throw LongMemoryError.seriesTooShort(
                length: n, needed: 0, purpose: "the plug-in bandwidth (pilot band ⌊n^\(pilotExponent)⌋ = \(pilot) < 8)")
        }
        var y = [Double](repeating: 0, count: pilot)
        var logG = [Double](repeating: 0, count: pilot)
        var lambda2 = [Double](repeating: 0, count: pilot)
        for i in 0..<pilot {
            let v = pgram.values[i]
            guard v > 0 else {
                throw LongMemoryError.numerical("plug-in bandwidth: the periodogram is zero at j = \(i + 1)")
            }
            let l = pgram.frequencies[i]
            y[i] = Double.log(v)
            logG[i] = target == .gewekePorterHudak ? Double.log(2 * Double.sin(l / 2)) : Double.log(l)
            lambda2[i] = l * l
        }
        let fit = try OrdinaryLeastSquares(y: y, regressors: [logG, lambda2])
        let b = fit.slopes[1]
        let bSE = ((Double.pi * Double.pi / 6) * fit.inverseGram[1][1]).squareRoot()
        let raw = optimalBandwidth(n: n, secondOrderCoefficient: b, target: target)
        let lower = min(pilot, max(minimum, 8))
        var notes: [String] = []
        var m: Int
        if !(abs(b) >= 2 * bSE) {
            m = pilot
            notes.append(
                "plug-in bandwidth: |b̂| = \(EstimatorFormat.number(abs(b))) is below twice its s.e. "
                    + "\(EstimatorFormat.number(bSE)); the second-order term is not resolved, m set to the pilot band L = \(pilot)"
            )
        } else if raw > Double(pilot) {
            m = pilot
            notes.append(
                "plug-in bandwidth \(EstimatorFormat.number(raw, digits: 1)) clamped to the pilot band L = \(pilot)")
        } else {
            m = Int(raw.rounded(.down))
            if m < lower {
                notes.append(
                    "plug-in bandwidth \(EstimatorFormat.number(raw, digits: 1)) raised to the minimum \(lower)")
                m = lower
            }
        }
        return Selection(
            bandwidth: m, unclampedBandwidth: raw, secondOrderCoefficient: b, secondOrderStandardError: bSE,
            pilotBandwidth: pilot, target: target, n: n, notes: notes)
    }
}
