import MemoryNumerics

/// Local Whittle (Gaussian semiparametric) estimator of d (Künsch 1987; Robinson 1995, "Gaussian semiparametric
/// estimation of long range dependence", Ann. Statist. 23(5):1630–1661), optionally tapered (Velasco 1999;
/// Hurvich & Chen 2000; see ``Taper``).
///
/// Untapered objective over the Fourier frequencies λ_j = 2πj/n, j = l+1…m (l = trimming, default 0), K = m − l:
///
///     R(d) = log( (1/K) Σ_j λ_j^{2d} I(λ_j) ) − 2d·(1/K) Σ_j log λ_j,      d̂ = argmin R,
///
/// with the **same divisor K = number of terms in both averages** (LongMemoryTS `local.W` divides both sums by
/// m − l − 1 for m − l + 1 terms, which biases d̂; <doc:OtherTools>). √K(d̂ − d) → N(0, ¼) for d ∈ (−½, ¾)
/// (Robinson 1995; Velasco 1999 for d ≥ ½), so the primary s.e. is 1/(2√K). Also reported: the finite-K form
/// 1/(2√Σ_j ν_j²), ν_j = log λ_j − mean(log λ) (Σν_j² ≈ K), and the observed-curvature form 1/√(K·R''(d̂))
/// (R'' → 4).
///
/// R is convex in d (a log-sum-exp of linear functions minus a linear term), so the minimiser is unique; it is
/// found by a grid scan plus Brent's method on `searchInterval` (default [−1, 2.2]). Untapered LW is consistent only
/// for d < 1 (it tends to 1 for d > 1); use ``ExactLocalWhittle`` or a taper beyond that. It is mean-invariant
/// (λ = 0 excluded) but not invariant to a linear trend.
public enum LocalWhittle {
    /// Default bandwidth exponent: m = ⌊n^0.65⌋.
    public static let defaultExponent = 0.65
    /// Default search interval for d.
    public static let defaultSearchInterval: ClosedRange<Double> = -1...2.2

    /// Data tapers for the local Whittle estimator.
    public enum Taper: Sendable, Equatable, CustomStringConvertible {
        /// No taper (Robinson 1995).
        case none
        /// Velasco (1999, "Gaussian semiparametric estimation of non-stationary time series", J. Time Series
        /// Analysis 20(1):87–126) with the Zhurbenko–Kolmogorov taper of order p ≥ 2: h_t = coefficients of
        /// [(1 − z^L)/(1 − z)]^p, L = ⌊(n + p − 1)/p⌋ (the p-fold convolution of a length-L boxcar; p = 2 is the
        /// triangular/Bartlett taper). The tapered periodogram I^T(λ) = |Σ h_t x_t e^{−iλt}|²/(2π Σ h_t²) is used at
        /// j = p, 2p, …, ≤ m only (K = ⌊m/p⌋ frequencies, asymptotically independent), both averages divided by K.
        /// Covers nonstationary d up to p − ½ (Velasco 1999); at those frequencies the tapered DFT annihilates
        /// polynomial trends of degree ≤ p − 1 (exactly when p divides n). Asymptotic variance p·Φ(p)/(4m), Φ(p)
        /// from ``velascoVarianceFactor(order:)``.
        case kolmogorov(order: Int)
        /// Hurvich & Chen (2000, "An efficient taper for potentially overdifferenced long-memory time series",
        /// J. Time Series Analysis 21(2):155–180): difference the series `differences` times (n' = n − k values),
        /// apply the complex taper h_t = ½(1 − e^{i2π(t − ½)/n'}), t = 1…n', and use
        /// I^T_j = |Σ h_t y_t e^{iλ_j t}|²/(2π Σ|h_t|²), Σ|h_t|² = n'/2, at the shifted frequencies
        /// λ̃_j = 2π(j + ½)/n', j = 1…m (the tapered DFT at λ_j is centred at λ_{j+½}). d̂ = d̂* + k, where d̂* is the LW
        /// estimate for the differenced series. Asymptotic variance 1.5/(4m) (Hurvich & Chen 2000).
        case hurvichChen(differences: Int)

        /// Velasco's recommended taper: Kolmogorov of order 3.
        public static let velasco = Taper.kolmogorov(order: 3)

        public var description: String {
            switch self {
            case .none: return "none"
            case .kolmogorov(let p): return "Velasco (1999) Kolmogorov taper p = \(p)"
            case .hurvichChen(let k): return "Hurvich–Chen (2000) complex taper, \(k) difference(s)"
            }
        }
    }

    /// Local Whittle estimate of d.
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - bandwidth: m (default ⌊n^0.65⌋); ``Bandwidth/plugIn`` uses the Henry–Robinson plug-in rule of
    ///     ``BandwidthSelection``.
    ///   - trimming: number l of lowest frequencies skipped (untapered only).
    ///   - taper: ``Taper/none`` (default), Velasco Kolmogorov, or Hurvich–Chen.
    ///   - searchInterval: interval for d (for Hurvich–Chen, shifted by the number of differences internally).
    ///   - confidenceLevel: level of the Wald interval (default 0.95).
    public static func estimate(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), trimming: Int = 0, taper: Taper = .none,
        searchInterval: ClosedRange<Double> = defaultSearchInterval, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, estimator: "local Whittle estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        try EstimatorInput.validateInterval(searchInterval)
        guard trimming >= 0 else {
            throw LongMemoryError.invalidArgument(name: "trimming", value: "\(trimming)", requirement: "must be ≥ 0")
        }
        if trimming > 0 && taper != .none {
            throw LongMemoryError.invalidArgument(
                name: "trimming", value: "\(trimming)", requirement: "is only supported without a taper")
        }
        switch taper {
        case .none:
            return try untapered(
                x, bandwidth: bandwidth, trimming: trimming, interval: searchInterval, level: confidenceLevel)
        case .kolmogorov(let p):
            return try velasco(x, order: p, bandwidth: bandwidth, interval: searchInterval, level: confidenceLevel)
        case .hurvichChen(let k):
            return try hurvichChen(
                x, differences: k, bandwidth: bandwidth, interval: searchInterval, level: confidenceLevel)
        }
    }

    /// The untapered objective R(d) = log((1/K)Σ λ_j^{2d} I_j) − 2d·(1/K)Σ log λ_j over the given ordinates (K = count).
    public static func objective(d: Double, periodogram values: [Double], frequencies: [Double]) throws -> Double {
        guard values.count == frequencies.count, values.count >= 1 else {
            throw LongMemoryError.invalidArgument(
                name: "periodogram", value: "\(values.count) values, \(frequencies.count) frequencies",
                requirement: "needs equal, positive counts")
        }
        try Validate.finite(d, "d")
        for (i, (v, f)) in zip(values, frequencies).enumerated() {
            guard v.isFinite, v >= 0, f.isFinite, f > 0 else {
                throw LongMemoryError.invalidArgument(
                    name: "periodogram[\(i)]", value: "I = \(v), λ = \(f)", requirement: "needs finite I ≥ 0 and λ > 0")
            }
        }
        return try WhittleObjective(values: values, frequencies: frequencies).value(d)
    }

    // MARK: - Variants

    static func untapered(
        _ x: [Double], bandwidth: Bandwidth, trimming: Int, interval: ClosedRange<Double>, level: Double
    ) throws -> MemoryEstimate {
        let n = x.count
        let needed =
            try bandwidth == .plugIn
            ? Bandwidth.maximum(n: n)
            : bandwidth.resolveFixed(n: n, minimum: trimming + 4, estimator: "local Whittle").m
        let pgram = try SampleStatistics.periodogram(x, count: needed)
        let (m, tuning, auxiliary, selectionNotes) = try resolve(
            bandwidth, periodogram: pgram, minimum: trimming + 4, estimator: "local Whittle")
        let values = Array(pgram.values[trimming..<m])
        let freqs = Array(pgram.frequencies[trimming..<m])
        let objective = try WhittleObjective(values: values, frequencies: freqs)
        let search = try EstimatorSearch.minimize(objective.value, over: interval, what: "local Whittle")
        let d = search.minimizer
        let k = Double(m - trimming)
        let curvature = objective.derivatives(d).second
        var notes = selectionNotes + search.notes
        if d > 0.75 {
            notes.append(
                "untapered local Whittle is asymptotically normal only for d < 3/4 and inconsistent for d > 1; "
                    + "use exact local Whittle (elw/elw2) or a taper for nonstationary series")
        }
        var text = tuning
        if trimming > 0 { text += ", first \(trimming) frequencies trimmed (\(m - trimming) used)" }
        return try MemoryEstimate(
            method: .localWhittle, variant: "local Whittle (Robinson 1995)", d: d,
            standardError: 1 / (2 * k.squareRoot()),
            confidenceLevel: level, n: n, bandwidth: m, trimming: trimming, tuningDescription: text,
            alternativeStandardErrors: [
                LabeledStandardError(
                    label: "finite-m 1/(2√Σν_j²)", value: 1 / (2 * objective.sumSquaredCentredLog.squareRoot())),
                LabeledStandardError(
                    label: "observed curvature 1/√(m·R''(d̂))", value: 1 / (k * curvature).squareRoot()),
            ],
            auxiliary: auxiliary + [AuxiliaryParameter(name: "G", value: objective.scale(d))],
            objective: search.minimum, notes: notes)
    }

    static func velasco(
        _ x: [Double], order p: Int, bandwidth: Bandwidth, interval: ClosedRange<Double>, level: Double
    ) throws -> MemoryEstimate {
        guard p >= 2, p <= 10 else {
            throw LongMemoryError.invalidArgument(name: "taper order p", value: "\(p)", requirement: "must be in 2…10")
        }
        let n = x.count
        let (m, tuning, auxiliary, selectionNotes) = try resolve(
            bandwidth, periodogram: nil, x: x, minimum: 4 * p, estimator: "Velasco-tapered local Whittle")
        let h = kolmogorovTaper(count: n, order: p)
        let pg = taperedPeriodogram(x, taper: h, maxIndex: m)
        var values: [Double] = []
        var freqs: [Double] = []
        for j in stride(from: p, through: m, by: p) {
            values.append(pg[j - 1])
            freqs.append(2 * Double.pi * Double(j) / Double(n))
        }
        let objective = try WhittleObjective(values: values, frequencies: freqs)
        let search = try EstimatorSearch.minimize(objective.value, over: interval, what: "tapered local Whittle")
        let phi = velascoVarianceFactor(order: p)
        let se = (Double(p) * phi / (4 * Double(m))).squareRoot()
        return try MemoryEstimate(
            method: .localWhittle,
            variant:
                "local Whittle, Velasco (1999) Kolmogorov taper p = \(p), Φ = \(EstimatorFormat.number(phi, digits: 6))",
            d: search.minimizer, standardError: se, confidenceLevel: level, n: n, bandwidth: m, trimming: 0,
            tuningDescription: tuning + ", every \(p)th frequency (\(values.count) used)",
            alternativeStandardErrors: [
                LabeledStandardError(
                    label: "untapered LW 1/(2√m) (for comparison)", value: 1 / (2 * Double(m).squareRoot()))
            ],
            auxiliary: auxiliary + [AuxiliaryParameter(name: "G", value: objective.scale(search.minimizer))],
            objective: search.minimum, notes: selectionNotes + search.notes)
    }

    static func hurvichChen(
        _ x: [Double], differences k: Int, bandwidth: Bandwidth, interval: ClosedRange<Double>, level: Double
    ) throws -> MemoryEstimate {
        guard k >= 0, k <= 3 else {
            throw LongMemoryError.invalidArgument(name: "differences", value: "\(k)", requirement: "must be in 0…3")
        }
        let n = x.count
        var y = x
        for _ in 0..<k {
            var dy = [Double](repeating: 0, count: y.count - 1)
            for t in 1..<y.count { dy[t - 1] = y[t] - y[t - 1] }
            y = dy
        }
        guard y.contains(where: { $0 != y[0] }) else {
            throw LongMemoryError.invalidArgument(
                name: "series", value: "after \(k) difference(s)", requirement: "must not be constant")
        }
        let nd = y.count
        let (m, tuning, auxiliary, selectionNotes) = try resolve(
            bandwidth, periodogram: nil, x: x, minimum: 4, estimator: "Hurvich–Chen local Whittle")
        guard m <= (nd - 2) / 2 else {
            throw LongMemoryError.invalidArgument(
                name: "bandwidth m", value: "\(m)",
                requirement: "the Hurvich–Chen taper needs m ≤ ⌊(n' − 2)/2⌋ = \((nd - 2) / 2), n' = \(nd)")
        }
        let (freqs, values) = hurvichChenPeriodogram(y, bandwidth: m)
        let objective = try WhittleObjective(values: values, frequencies: freqs)
        let shifted = (interval.lowerBound - Double(k))...(interval.upperBound - Double(k))
        let search = try EstimatorSearch.minimize(objective.value, over: shifted, what: "Hurvich–Chen local Whittle")
        let d = search.minimizer + Double(k)
        return try MemoryEstimate(
            method: .localWhittle, variant: "local Whittle, Hurvich–Chen (2000) complex taper after \(k) difference(s)",
            d: d, standardError: (1.5 / (4 * Double(m))).squareRoot(), confidenceLevel: level, n: n, bandwidth: m,
            trimming: 0, tuningDescription: tuning + ", frequencies 2π(j + ½)/n'",
            alternativeStandardErrors: [
                LabeledStandardError(
                    label: "finite-m √(1.5/(4Σν_j²))", value: (1.5 / (4 * objective.sumSquaredCentredLog)).squareRoot())
            ],
            auxiliary: auxiliary + [AuxiliaryParameter(name: "G", value: objective.scale(search.minimizer))],
            objective: search.minimum, notes: selectionNotes + search.notes)
    }

    /// Resolve the bandwidth (fixed or plug-in) for LW-type estimators.
    static func resolve(
        _ bandwidth: Bandwidth, periodogram: SampleStatistics.Periodogram?, x: [Double] = [], minimum: Int,
        estimator: String
    ) throws -> (Int, String, [AuxiliaryParameter], [String]) {
        if bandwidth == .plugIn {
            let pg = try periodogram ?? SampleStatistics.periodogram(x)
            let sel = try BandwidthSelection.plugIn(periodogram: pg, target: .localWhittle, minimum: minimum)
            return (
                sel.bandwidth, sel.description,
                [
                    AuxiliaryParameter(
                        name: "plug-in b (λ² coefficient)", value: sel.secondOrderCoefficient,
                        standardError: sel.secondOrderStandardError)
                ], sel.notes
            )
        }
        let n = periodogram?.n ?? x.count
        let (m, text) = try bandwidth.resolveFixed(n: n, minimum: minimum, estimator: estimator)
        return (m, text, [], [])
    }

    // MARK: - Tapers

    /// The Zhurbenko–Kolmogorov taper of order p for n observations: the p-fold convolution of a boxcar of length
    /// L = ⌊(n + p − 1)/p⌋ (length p(L − 1) + 1 ≤ n, zero-padded to n), scaled to maximum 1. Built by running sums,
    /// O(p·n).
    public static func kolmogorovTaper(count n: Int, order p: Int) -> [Double] {
        guard n >= 1, p >= 1 else { return [] }
        let l = max(1, (n + p - 1) / p)
        var h = [Double](repeating: 1, count: l)
        for _ in 1..<p {
            // Convolution with a boxcar of length l: g_k = Σ_{i = k−l+1}^{k} h_i.
            let len = h.count + l - 1
            var g = [Double](repeating: 0, count: len)
            var running = 0.0
            for k in 0..<len {
                if k < h.count { running += h[k] }
                if k - l >= 0 { running -= h[k - l] }
                g[k] = running
            }
            h = g
        }
        var out = [Double](repeating: 0, count: n)
        let peak = h.max() ?? 1
        for t in 0..<min(n, h.count) { out[t] = h[t] / peak }
        return out
    }

    /// Velasco's (1999) variance factor Φ(p) of the Kolmogorov taper of order p, from its definition
    /// Φ = lim Σ_{k ∈ {0, p, 2p, …}} |Σ_t h_t² e^{iλ_k t}|² / (Σ_t h_t²)², evaluated on a taper of length N = 1000·p.
    /// Values: Φ(2) = 1.05000, Φ(3) = 1.00354 (Velasco 1999, p. 101, as quoted by pyelw `lw.py`), Φ(4) ≈ 1.00086.
    /// The asymptotic variance of the tapered estimator is p·Φ(p)/(4m).
    public static func velascoVarianceFactor(order p: Int) -> Double {
        guard p >= 1 else { return .nan }
        let size = 1000 * p
        let h = kolmogorovTaper(count: size, order: p)
        let ws = RealFFTWorkspace(length: size)
        var total = 0.0
        let buf = ws.real
        for t in 0..<size {
            let v = h[t] * h[t]
            buf[t] = v
            total += v
        }
        ws.forward()
        let s = ws.spectrumBuffer
        // |S_k|² for k = 0, p, 2p, …, ≤ N − p, using |S_{N−k}| = |S_k| for k beyond N/2.
        var acc = 0.0
        var k = 0
        while k <= size - p {
            let idx = k <= size / 2 ? k : size - k
            let v = s[idx]
            acc += v.real * v.real + v.imaginary * v.imaginary
            k += p
        }
        return acc / (total * total)
    }

    /// Tapered periodogram I^T_j = |Σ h_t x_t e^{−iλ_j t}|²/(2π Σ h_t²), j = 1…maxIndex.
    static func taperedPeriodogram(_ x: [Double], taper h: [Double], maxIndex: Int) -> [Double] {
        let n = x.count
        let ws = RealFFTWorkspace(length: n)
        let buf = ws.real
        var sumH2 = 0.0
        for t in 0..<n {
            buf[t] = h[t] * x[t]
            sumH2 += h[t] * h[t]
        }
        ws.forward()
        let s = ws.spectrumBuffer
        let scale = 1 / (2 * Double.pi * sumH2)
        var out = [Double](repeating: 0, count: maxIndex)
        for j in 1...maxIndex {
            let v = s[j]
            out[j - 1] = (v.real * v.real + v.imaginary * v.imaginary) * scale
        }
        return out
    }

    /// Hurvich–Chen tapered periodogram of y (length n') at λ̃_j = 2π(j + ½)/n', j = 1…m:
    /// Σ_t h_t y_t e^{iλ_j t} has the modulus of ½(Y_j − e^{−iπ/n'}Y_{j+1}) with Y_k = Σ_{s=0}^{n'−1} y_{s+1} e^{−i2πks/n'}
    /// (one real FFT), and Σ|h_t|² = n'/2, so I^T_j = |Y_j − e^{−iπ/n'}Y_{j+1}|²/(4πn').
    static func hurvichChenPeriodogram(_ y: [Double], bandwidth m: Int) -> (frequencies: [Double], values: [Double]) {
        let n = y.count
        let ws = RealFFTWorkspace(length: n)
        ws.load(y)
        ws.forward()
        let s = ws.spectrumBuffer
        let half = n / 2
        func coefficient(_ k: Int) -> Complex<Double> {
            k <= half ? s[k] : s[n - k].conjugate
        }
        let rot = Complex(Double.cos(Double.pi / Double(n)), -Double.sin(Double.pi / Double(n)))
        let scale = 1 / (4 * Double.pi * Double(n))
        var freqs = [Double](repeating: 0, count: m)
        var values = [Double](repeating: 0, count: m)
        for j in 1...m {
            let w = coefficient(j) - rot * coefficient(j + 1)
            values[j - 1] = (w.real * w.real + w.imaginary * w.imaginary) * scale
            freqs[j - 1] = 2 * Double.pi * (Double(j) + 0.5) / Double(n)
        }
        return (freqs, values)
    }
}

/// R(d) = log((1/K)Σ λ_j^{2d} I_j) − 2d·(1/K)Σ log λ_j, evaluated stably as log((1/K)Σ Ĩ_j e^{2d c_j}) + log s, with
/// c_j = log λ_j − mean(log λ) and Ĩ_j = I_j/s (s = mean I): identical algebraically, free of overflow for any d in
/// the search intervals used.
struct WhittleObjective {
    let centredLog: [Double]
    let scaledValues: [Double]
    let logScale: Double
    let meanLog: Double
    let sumSquaredCentredLog: Double

    init(values: [Double], frequencies: [Double]) throws {
        let k = values.count
        guard k >= 2 else { throw LongMemoryError.numerical("local Whittle: fewer than 2 frequencies") }
        var meanLog = 0.0
        for f in frequencies { meanLog += Double.log(f) }
        meanLog /= Double(k)
        var scale = 0.0
        for v in values { scale += v }
        scale /= Double(k)
        guard scale > 0, scale.isFinite else {
            throw LongMemoryError.numerical("local Whittle: the periodogram ordinates used are all zero")
        }
        var c = [Double](repeating: 0, count: k)
        var iv = [Double](repeating: 0, count: k)
        var ss = 0.0
        for j in 0..<k {
            c[j] = Double.log(frequencies[j]) - meanLog
            ss += c[j] * c[j]
            iv[j] = values[j] / scale
        }
        centredLog = c
        scaledValues = iv
        logScale = Double.log(scale)
        self.meanLog = meanLog
        sumSquaredCentredLog = ss
    }

    func value(_ d: Double) -> Double {
        let k = centredLog.count
        var s = 0.0
        centredLog.withUnsafeBufferPointer { c in
            scaledValues.withUnsafeBufferPointer { v in
                for j in 0..<k { s += v[j] * Double.exp(2 * d * c[j]) }
            }
        }
        return Double.log(s / Double(k)) + logScale
    }

    /// R'(d) = 2Σc_j w_j/Σw_j and R''(d) = 4[Σc_j²w_j/Σw_j − (Σc_j w_j/Σw_j)²], w_j = Ĩ_j e^{2dc_j}.
    func derivatives(_ d: Double) -> (first: Double, second: Double) {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for j in 0..<centredLog.count {
            let c = centredLog[j]
            let w = scaledValues[j] * Double.exp(2 * d * c)
            s0 += w
            s1 += c * w
            s2 += c * c * w
        }
        let a = s1 / s0
        return (2 * a, 4 * (s2 / s0 - a * a))
    }

    /// Ĝ(d) = (1/K) Σ λ_j^{2d} I_j, the scale in f(λ) ≈ G λ^{−2d}.
    func scale(_ d: Double) -> Double {
        Double.exp(value(d) + 2 * d * meanLog)
    }
}
