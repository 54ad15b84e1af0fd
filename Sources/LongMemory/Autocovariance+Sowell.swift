import MemoryNumerics

extension Autocovariance {
    /// Two inverse AR roots closer than this (|ρ_j − ρ_m|) count as repeated: ζ_j below grows like 1/|ρ_j − ρ_m| and
    /// the sum over j cancels about log₁₀(1/separation) digits, so Sowell's form is abandoned for the convolution.
    public static let sowellRootSeparation = 1e-3

    /// ARFIMA(p, d, q) autocovariance by Sowell (1992), "Maximum likelihood estimation of stationary univariate
    /// fractionally integrated time series models", J. Econometrics 53:165–188, in the form of Doornik & Ooms (2003),
    /// Computational Statistics & Data Analysis 42:333–348. Requires p ≥ 1, d ≠ 0 (d = 0 is
    /// the ARMA case) and no trailing zero AR coefficient.
    ///
    /// With ρ₁ … ρ_p the inverses of the AR roots (complex allowed: everything is done in complex arithmetic and the
    /// real part is taken only of the final sum, whose imaginary part cancels over conjugate pairs),
    ///
    ///     ψ_l = Σ_{s=|l|}^{q} θ_sθ_{s−|l|}   (θ₀ = 1),
    ///     ζ_j = [ρ_j Π_{i=1}^{p}(1 − ρ_iρ_j) Π_{m≠j}(ρ_j − ρ_m)]^{−1},
    ///     C(d, h, ρ) = Γ(1−2d)Γ(d+h)/(Γ(1−d)Γ(d)Γ(1+h−d)) · [ρ^{2p} ₂F₁(d+h, 1; 1−d+h; ρ) + ₂F₁(d−h, 1; 1−d−h; ρ) − 1],
    ///     γ(h) = σ² Σ_{l=−q}^{q} Σ_{j=1}^{p} ψ_l ζ_j C(d, p + l − h, ρ_j).
    ///
    /// The Gamma factor equals the σ² = 1 FI(d) autocovariance at lag |h| (symmetric in h by the reflection
    /// formula), so it comes from the exact product recursion — Gamma ratios in log form, no overflow, no asymptotic
    /// switch-over. The hypergeometric values G(k) = ₂F₁(d+k, 1; 1−d+k; ρ) for every integer k the lags need come
    /// from one series evaluation at the largest k and the backward contiguous recurrence
    /// (``Hypergeometric/f21UnitBShifts(a:c:z:count:subtractingOne:maximumTerms:)``); G − 1 is carried instead of G
    /// so that small |ρ| loses nothing to cancellation. O(p·lags + q·lags).
    ///
    /// Returns nil when two inverse roots are closer than ``sowellRootSeparation`` (the caller then uses the
    /// convolution method).
    static func sowell(d: Double, ar phi: [Double], ma theta: [Double], sigma2: Double, lags: Int) throws -> [Double]? {
        let p = phi.count, q = theta.count
        precondition(p >= 1 && d != 0, "internal: Sowell's form needs p ≥ 1 and d ≠ 0")
        let roots = try Polynomials.roots(oneMinus: phi)
        guard roots.count == p else {
            throw LongMemoryError.numerical("AR polynomial of degree \(p) gave \(roots.count) roots")
        }
        let one = Complex<Double>(1, 0)
        let rho = roots.map { one / $0 }
        for j in 0..<p {
            for m in (j + 1)..<p where (rho[j] - rho[m]).length < sowellRootSeparation { return nil }
        }
        // ζ_j.
        var zeta = [Complex<Double>](repeating: .zero, count: p)
        for j in 0..<p {
            var denominator = rho[j]
            for i in 0..<p { denominator = denominator * (one - rho[i] * rho[j]) }
            for m in 0..<p where m != j { denominator = denominator * (rho[j] - rho[m]) }
            zeta[j] = one / denominator
        }
        let psi = maAutocovarianceWeights(theta)
        // Arguments h' = p + l − h (l ∈ −q…q, h ∈ 0…lags) and −h': k ∈ [kLow, kHigh].
        let hLow = p - q - lags, hHigh = p + q
        let kLow = min(hLow, -hHigh), kHigh = max(hHigh, -hLow)
        let fi = try fractionalNoise(d: d, sigma2: 1, lags: max(-kLow, kHigh))
        // D(h') = Σ_j ζ_j C(d, h', ρ_j) for h' = hLow … hHigh.
        let width = hHigh - hLow + 1
        var dSum = [Complex<Double>](repeating: .zero, count: width)
        for j in 0..<p {
            let g: [Complex<Double>]  // g[k − kLow] = G(k) − 1
            do {
                g = try Hypergeometric.f21UnitBShifts(
                    a: d + Double(kLow), c: 1 - d + Double(kLow), z: rho[j], count: kHigh - kLow + 1,
                    subtractingOne: true)
            } catch {
                throw LongMemoryError.numerical("Sowell autocovariance: ₂F₁ at the inverse AR root \(rho[j]): \(error)")
            }
            var rho2p = one
            for _ in 0..<(2 * p) { rho2p = rho2p * rho[j] }
            for i in 0..<width {
                let h = hLow + i
                // ρ^{2p} G(h) + G(−h) − 1 = ρ^{2p}(1 + g(h)) + g(−h)
                let bracket = rho2p * (one + g[h - kLow]) + g[-h - kLow]
                dSum[i] = dSum[i] + zeta[j] * bracket * Complex(fi[abs(h)], 0)
            }
        }
        var out = [Double](repeating: 0, count: lags + 1)
        var maxImaginary = 0.0, maxMagnitude = 0.0
        for h in 0...lags {
            var s = Complex<Double>.zero
            for l in -q...q { s = s + Complex(psi[abs(l)], 0) * dSum[p + l - h - hLow] }
            out[h] = sigma2 * s.real
            maxImaginary = max(maxImaginary, abs(s.imaginary))
            maxMagnitude = max(maxMagnitude, s.length)
        }
        // Conjugate roots make the sum real; a visible imaginary part would mean unpaired roots (a bug).
        guard maxImaginary <= 1e-8 * max(maxMagnitude, Double.leastNormalMagnitude) else {
            throw LongMemoryError.numerical(
                "Sowell autocovariance: imaginary part \(maxImaginary) does not cancel (roots \(roots))")
        }
        return out
    }
}
