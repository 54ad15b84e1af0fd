import MemoryNumerics

/// Log-periodogram regression estimator of d (Geweke & Porter-Hudak 1983, "The estimation and application of long
/// memory time series models", J. Time Series Analysis 4(4):221–238), with the optional bias reduction of Andrews &
/// Guggenberger (2003, "A bias-reduced log-periodogram regression estimator for the long-memory parameter",
/// Econometrica 71(2):675–712).
///
/// Regression over the Fourier frequencies λ_j = 2πj/n, j = l+1…m (l = trimming, default 0):
///
///     log I(λ_j) = c − d·X_j + Σ_{k=1}^{r} b_k λ_j^{2k} + error,   X_j = log(4 sin²(λ_j/2)) = log|1 − e^{−iλ_j}|²,
///
/// d̂ = −(slope of X). With K = m − l frequencies:
/// * **exact-regressor variance** (primary s.e.): Var(d̂) = (π²/6)·[(Z'Z)⁻¹]_{XX}, Z the centred regressors; for
///   r = 0 this is (π²/6)/Σ_j (X_j − X̄)² (π²/6 is the variance of the log of a standard exponential, the
///   asymptotic distribution of I_j/f_j);
/// * **asymptotic variance** c_r·π²/(24K) (Robinson 1995, Ann. Statist. 23(3):1048–1072; Andrews & Guggenberger
///   2003), with c_r = 1, 9/4, 3.52, 4.79, 6.06 for r = 0…4 (``biasReductionVarianceFactors``);
/// * **OLS residual** s.e. √(σ̂²·[(Z'Z)⁻¹]_{XX}), σ̂² = RSS/(K − r − 2).
///
/// The periodogram is the FFT one (never autocovariance cosine sums as R fracdiff's `fdGPH`; <doc:OtherTools>); its
/// 1/(2πn) scale does not affect d̂. The estimator is invariant to the mean (λ = 0 is excluded). At small m the
/// finite-m variance is noticeably larger than π²/(24m), which is why the exact-regressor form is primary.
public enum GPH {
    /// Default bandwidth exponent: m = ⌊n^0.5⌋ (Geweke & Porter-Hudak 1983).
    public static let defaultExponent = 0.5

    /// Andrews & Guggenberger (2003) variance inflation c_r for r = 0…4 extra regressors λ^{2k} (two decimals;
    /// c_1 = 9/4 exactly). They equal [M⁻¹]₁₁ for the Gram matrix M of the centred functions (log u, u², …, u^{2r})
    /// on u ∈ (0, 1), divided by Var(log U) = 1.
    public static let biasReductionVarianceFactors: [Double] = [1, 2.25, 3.52, 4.79, 6.06]

    /// Largest supported number r of bias-reducing regressors.
    public static let maximumBiasReductionOrder = 4

    /// GPH estimate of d.
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - bandwidth: m (default ⌊n^0.5⌋); ``Bandwidth/plugIn`` uses the Hurvich–Deo rule of ``BandwidthSelection``.
    ///   - trimming: number l of lowest frequencies skipped (j = l+1…m).
    ///   - r: `biasReductionOrder`, r ∈ 0…4 extra regressors λ_j^{2k} (Andrews & Guggenberger 2003).
    ///   - confidenceLevel: level of the Wald interval (default 0.95).
    public static func estimate(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), trimming: Int = 0,
        biasReductionOrder r: Int = 0, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, estimator: "GPH estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        guard (0...maximumBiasReductionOrder).contains(r) else {
            throw LongMemoryError.invalidArgument(
                name: "biasReductionOrder", value: "\(r)", requirement: "must be in 0…\(maximumBiasReductionOrder)")
        }
        guard trimming >= 0 else {
            throw LongMemoryError.invalidArgument(name: "trimming", value: "\(trimming)", requirement: "must be ≥ 0")
        }
        let n = x.count
        let minimumM = trimming + r + 3
        let needed =
            try bandwidth == .plugIn
            ? Bandwidth.maximum(n: n) : bandwidth.resolveFixed(n: n, minimum: minimumM, estimator: "GPH").m
        let pgram = try SampleStatistics.periodogram(x, count: needed)
        var notes: [String] = []
        var auxiliary: [AuxiliaryParameter] = []
        let m: Int
        let tuning: String
        if bandwidth == .plugIn {
            let sel = try BandwidthSelection.plugIn(periodogram: pgram, target: .gewekePorterHudak, minimum: minimumM)
            m = sel.bandwidth
            tuning = sel.description
            auxiliary.append(
                AuxiliaryParameter(
                    name: "plug-in b (λ² coefficient)", value: sel.secondOrderCoefficient,
                    standardError: sel.secondOrderStandardError))
            notes += sel.notes
        } else {
            (m, tuning) = try bandwidth.resolveFixed(n: n, minimum: minimumM, estimator: "GPH")
        }
        let count = m - trimming
        var y = [Double](repeating: 0, count: count)
        var columns = [[Double]](repeating: [Double](repeating: 0, count: count), count: r + 1)
        for i in 0..<count {
            let j = trimming + i + 1
            let value = pgram.values[j - 1]
            guard value > 0 else {
                throw LongMemoryError.numerical(
                    "GPH: the periodogram is zero at Fourier frequency j = \(j); its logarithm is undefined")
            }
            let lambda = pgram.frequencies[j - 1]
            y[i] = Double.log(value)
            columns[0][i] = regressor(lambda)
            var p = 1.0
            let l2 = lambda * lambda
            for k in stride(from: 1, through: r, by: 1) {
                p *= l2
                columns[k][i] = p
            }
        }
        let fit = try OrdinaryLeastSquares(y: y, regressors: columns)
        let d = -fit.slopes[0]
        let exactVariance = (Double.pi * Double.pi / 6) * fit.inverseGram[0][0]
        let asymptotic = try asymptoticVariance(bandwidth: count, biasReductionOrder: r)
        let se = exactVariance.squareRoot()
        auxiliary.insert(AuxiliaryParameter(name: "intercept", value: fit.intercept), at: 0)
        for k in stride(from: 1, through: r, by: 1) {
            auxiliary.append(
                AuxiliaryParameter(
                    name: "b\(k) (λ^\(2 * k) coefficient)", value: fit.slopes[k],
                    standardError: ((Double.pi * Double.pi / 6) * fit.inverseGram[k][k]).squareRoot()))
        }
        var variant = "GPH log-periodogram regression (Geweke & Porter-Hudak 1983)"
        if r > 0 { variant += ", Andrews–Guggenberger (2003) bias reduction r = \(r)" }
        var text = tuning
        if trimming > 0 { text += ", first \(trimming) frequencies trimmed (\(count) used)" }
        return try MemoryEstimate(
            method: .gewekePorterHudak, variant: variant, d: d, standardError: se, confidenceLevel: confidenceLevel,
            n: n,
            bandwidth: m, trimming: trimming, tuningDescription: text,
            alternativeStandardErrors: [
                LabeledStandardError(
                    label: r == 0
                        ? "asymptotic π²/(24m)"
                        : "asymptotic c_r·π²/(24m), c_\(r) = \(biasReductionVarianceFactors[r])",
                    value: asymptotic.squareRoot()),
                LabeledStandardError(label: "OLS residual", value: fit.residualStandardError(slope: 0)),
            ],
            auxiliary: auxiliary, notes: notes)
    }

    /// X_j = log(4 sin²(λ/2)).
    static func regressor(_ lambda: Double) -> Double {
        let s = 2 * Double.sin(lambda / 2)
        return 2 * Double.log(s)
    }

    /// Exact-regressor variance (π²/6)·[(Z'Z)⁻¹]_{XX} of the GPH d̂ for sample size n and frequencies j = l+1…m
    /// (for r = 0: (π²/6)/Σ_j (X_j − X̄)²). Depends only on n, m, l and r, not on the data.
    public static func exactRegressorVariance(
        n: Int, bandwidth m: Int, trimming l: Int = 0, biasReductionOrder r: Int = 0
    ) throws -> Double {
        guard (0...maximumBiasReductionOrder).contains(r) else {
            throw LongMemoryError.invalidArgument(
                name: "biasReductionOrder", value: "\(r)", requirement: "must be in 0…\(maximumBiasReductionOrder)")
        }
        guard l >= 0, m - l >= r + 2, m <= Bandwidth.maximum(n: n) else {
            throw LongMemoryError.invalidArgument(
                name: "bandwidth m", value: "\(m)",
                requirement: "needs trimming + r + 2 ≤ m ≤ ⌊(n − 1)/2⌋ = \(Bandwidth.maximum(n: n))")
        }
        let count = m - l
        var columns = [[Double]](repeating: [Double](repeating: 0, count: count), count: r + 1)
        for i in 0..<count {
            let lambda = 2 * Double.pi * Double(l + i + 1) / Double(n)
            columns[0][i] = regressor(lambda)
            var p = 1.0
            for k in stride(from: 1, through: r, by: 1) {
                p *= lambda * lambda
                columns[k][i] = p
            }
        }
        // Any response works: only (Z'Z)⁻¹ is used.
        let fit = try OrdinaryLeastSquares(y: columns[0], regressors: columns)
        return (Double.pi * Double.pi / 6) * fit.inverseGram[0][0]
    }

    /// Asymptotic variance c_r·π²/(24m) (r = 0: Robinson 1995; r > 0: Andrews & Guggenberger 2003).
    public static func asymptoticVariance(bandwidth m: Int, biasReductionOrder r: Int = 0) throws -> Double {
        guard m >= 1 else {
            throw LongMemoryError.invalidArgument(name: "bandwidth m", value: "\(m)", requirement: "must be ≥ 1")
        }
        guard (0...maximumBiasReductionOrder).contains(r) else {
            throw LongMemoryError.invalidArgument(
                name: "biasReductionOrder", value: "\(r)", requirement: "must be in 0…\(maximumBiasReductionOrder)")
        }
        return biasReductionVarianceFactors[r] * Double.pi * Double.pi / (24 * Double(m))
    }
}
