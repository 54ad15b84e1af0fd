import MemoryNumerics

/// Detrended fluctuation analysis of any detrending order (Peng et al. 1994, "Mosaic organization of DNA
/// nucleotides", Phys. Rev. E 49(2):1685–1689; higher orders: Kantelhardt et al. 2001, Physica A 295:441–454).
///
/// 1. Profile Y_t = Σ_{k≤t} (x_k − x̄), t = 1…n.
/// 2. For each window size s: windows of s consecutive profile values starting at 0, s/2, s, 3s/2, … (integer step
///    ⌊s/2⌋, ``WindowPlacement/halfOverlapping``, default) or 0, s, 2s, … (``WindowPlacement/nonOverlapping``), every
///    window that fits completely inside 1…n. (nolds' `dfa` with `overlap=True` stops one step earlier: it drops
///    the window that ends exactly at n.)
/// 3. In each window, remove the least-squares polynomial of degree q = `order` (in the window's time index) and
///    take the mean squared residual (divisor s).
/// 4. F(s) = √(mean over windows of the mean squared residual).
/// 5. α = least-squares slope of log F(s) on log s.
///
/// For FI(d), α = d + ½ (also for nonstationary d < 3/2 with q ≥ 1); for fGn(H), α = H. Reported: ``MemoryEstimate/hurst``
/// = α with its definition, and d = α − ½. Detrending uses an orthonormal polynomial basis of each window length
/// and explicit residuals, O(n·(q + 1)) per window size.
public enum DFA {
    /// Placement of the windows along the profile.
    public enum WindowPlacement: String, Sendable, Equatable, CaseIterable {
        case nonOverlapping
        case halfOverlapping
    }

    /// Default window sizes: ⌊s₀·1.2^i⌋ (distinct) from s₀ = max(4, q + 3) up to ⌊n/10⌋ (nolds' default rule
    /// `logarithmic_n(4, 0.1·n, 1.2)` for q = 1).
    public static func defaultWindowSizes(n: Int, order q: Int = 1) -> [Int] {
        (try? LogSpacedScales.scales(from: max(4, q + 3), to: n / 10, factor: 1.2)) ?? []
    }

    /// DFA-q estimate of α (= H) and d = α − ½.
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - q: `order`, the detrending polynomial degree q ≥ 0 (1 = DFA-1, the classical version).
    ///   - windowSizes: window sizes s (each in q + 2…n); default ``defaultWindowSizes(n:order:)``.
    ///   - placement: half-overlapping (default) or non-overlapping windows.
    ///   - confidenceLevel: level of the Wald interval (default 0.95).
    public static func estimate(
        _ x: [Double], order q: Int = 1, windowSizes: [Int]? = nil, placement: WindowPlacement = .halfOverlapping,
        confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, minimum: 32, estimator: "DFA")
        try EstimatorInput.validateLevel(confidenceLevel)
        guard (0...10).contains(q) else {
            throw LongMemoryError.invalidArgument(name: "order", value: "\(q)", requirement: "must be in 0…10")
        }
        let n = x.count
        let sizes: [Int]
        if let w = windowSizes {
            sizes = try HeuristicScales.validated(w, range: (q + 2)...n, name: "windowSizes")
        } else {
            sizes = defaultWindowSizes(n: n, order: q)
            guard sizes.count >= 2 else {
                throw LongMemoryError.seriesTooShort(
                    length: n, needed: 10 * max(5, q + 4), purpose: "DFA-\(q) with the default window sizes")
            }
        }
        let pts = fluctuations(x, order: q, windowSizes: sizes, placement: placement)
        let fit = try LogLogFit(points: pts, what: "DFA")
        let alpha = fit.slope
        var notes = [HeuristicScales.heuristicNote]
        if alpha > 1 {
            notes.append("α > 1: the series behaves like a nonstationary (integrated) process; d = α − ½ > ½")
        }
        return try MemoryEstimate(
            method: .detrendedFluctuationAnalysis,
            variant:
                "DFA-\(q), \(placement == .halfOverlapping ? "half-overlapping" : "non-overlapping") windows, least squares",
            d: alpha - 0.5, standardError: fit.slopeStandardError, confidenceLevel: confidenceLevel, n: n,
            scales: pts.map(\.scale),
            tuningDescription: "window sizes \(EstimatorFormat.scales(pts.map(\.scale))), order \(q)",
            hurst: alpha,
            hurstDefinition:
                "DFA-\(q) fluctuation exponent α (slope of log F(s) on log s; = H for fGn, d + ½ for FI(d))",
            auxiliary: [AuxiliaryParameter(name: "intercept", value: fit.intercept)], notes: notes)
    }

    /// F(s) for each window size (sizes with no complete window, or s < q + 2, are left out).
    public static func fluctuations(
        _ x: [Double], order q: Int = 1, windowSizes: [Int], placement: WindowPlacement = .halfOverlapping
    ) -> [ScalingPoint] {
        let n = x.count
        guard n >= 2, q >= 0, x.allSatisfy(\.isFinite) else { return [] }
        let mean = x.mean
        var profile = [Double](repeating: 0, count: n)
        var c = 0.0
        for t in 0..<n {
            c += x[t] - mean
            profile[t] = c
        }
        var out: [ScalingPoint] = []
        var residual: [Double] = []
        profile.withUnsafeBufferPointer { y in
            for s in windowSizes where s >= q + 2 && s <= n {
                let basis = orthonormalPolynomials(length: s, degree: q)
                if residual.count < s { residual = [Double](repeating: 0, count: s) }
                let step = placement == .halfOverlapping ? max(1, s / 2) : s
                var total = 0.0
                var windows = 0
                var start = 0
                while start + s <= n {
                    total += meanSquaredResidual(y, start: start, length: s, basis: basis, work: &residual)
                    windows += 1
                    start += step
                }
                if windows > 0 {
                    out.append(ScalingPoint(scale: s, value: (total / Double(windows)).squareRoot()))
                }
            }
        }
        return out
    }

    /// Orthonormal basis (columns stored one after another, degree k at offset k·length) of the polynomials of
    /// degree ≤ q on the grid u_i = (i − (s − 1)/2)/s, i = 0…s − 1, by modified Gram–Schmidt (applied twice).
    static func orthonormalPolynomials(length s: Int, degree q: Int) -> [Double] {
        var basis = [Double](repeating: 0, count: s * (q + 1))
        let centre = Double(s - 1) / 2
        for k in 0...q {
            var v = [Double](repeating: 0, count: s)
            for i in 0..<s {
                let u = (Double(i) - centre) / Double(s)
                var p = 1.0
                for _ in 0..<k { p *= u }
                v[i] = p
            }
            for _ in 0..<2 {
                for j in 0..<k {
                    var dot = 0.0
                    for i in 0..<s { dot += basis[j * s + i] * v[i] }
                    for i in 0..<s { v[i] -= dot * basis[j * s + i] }
                }
            }
            var norm = 0.0
            for i in 0..<s { norm += v[i] * v[i] }
            norm = norm.squareRoot()
            for i in 0..<s { basis[k * s + i] = norm > 0 ? v[i] / norm : 0 }
        }
        return basis
    }

    /// (1/s)·Σ (y − P y)² over one window, P the projection on the polynomial basis.
    static func meanSquaredResidual(
        _ y: UnsafeBufferPointer<Double>, start: Int, length s: Int, basis: [Double], work: inout [Double]
    ) -> Double {
        let degrees = basis.count / s
        return basis.withUnsafeBufferPointer { b in
            work.withUnsafeMutableBufferPointer { r in
                for i in 0..<s { r[i] = y[start + i] }
                for k in 0..<degrees {
                    let off = k * s
                    var dot = 0.0
                    for i in 0..<s { dot += b[off + i] * r[i] }
                    for i in 0..<s { r[i] -= dot * b[off + i] }
                }
                var ss = 0.0
                for i in 0..<s { ss += r[i] * r[i] }
                return ss / Double(s)
            }
        }
    }
}
