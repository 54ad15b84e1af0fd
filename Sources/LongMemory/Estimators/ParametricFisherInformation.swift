import MemoryNumerics

/// The asymptotic (Whittle) Fisher information of Gaussian long-memory models per observation,
///
///   W(η) = (1/4π) ∫_{−π}^{π} ∇_η log f*(λ; η) ∇_η log f*(λ; η)ᵀ dλ,
///
/// with f = (σ²/2π)·f* and ∫ log f* = 0 (so σ² is orthogonal to η). The Whittle estimator, the exact Gaussian
/// MLE, the Haslett–Raftery approximation and conditional sum of squares all satisfy
/// √n(η̂ − η) → N(0, W(η)^{−1}) (Fox & Taqqu 1986, Ann. Statist. 14:517–532; Dahlhaus 1989, Ann. Statist.
/// 17:1749–1766; Beran 1994, *Statistics for Long-Memory Processes*, §5.5 and §6.1), so Var(η̂) ≈ W^{−1}/n.
///
/// For FI(d): ∂ log f/∂d = −2 log|2 sin(λ/2)| and W = π²/6, i.e. Var(d̂) = 6/(π²n) (s.e. 0.0303 at n = 663).
public enum WhittleInformation {
    /// W(η) for ARFIMA(p, d, q) with η = (d, φ₁…φ_p, θ₁…θ_q) (φ(z) = 1 − Σφ_k z^k, θ(z) = 1 + Σθ_k z^k),
    /// evaluated exactly by Parseval's identity instead of quadrature. With z = e^{−iλ},
    /// ∂ log f/∂d = 2 Re Σ_{j≥1} z^j/j, ∂ log f/∂φ_k = 2 Re[z^k/φ(z)], ∂ log f/∂θ_k = 2 Re[z^k/θ(z)], so every
    /// derivative is 2 Re Σ_j c_j z^j and W_ab = Σ_{j≥1} c^a_j c^b_j: W_dd = π²/6, W_{d,φ_k} = Σ_{i≥0} ψ^φ_i/(i + k),
    /// W_{φ_k,φ_l} = Σ_i ψ^φ_i ψ^φ_{i+|k−l|}, W_{φ_k,θ_l} = Σ_{j≥max(k,l)} ψ^φ_{j−k} ψ^θ_{j−l}, … with ψ^φ, ψ^θ the
    /// power-series coefficients of 1/φ(z) and 1/θ(z). The series decay geometrically with the smallest root
    /// modulus ρ and are summed to 200 + 45/log ρ terms (relative truncation error < 1e-18).
    /// For ARFIMA(1,d,0): W = [[π²/6, −log(1−φ)/φ], [−log(1−φ)/φ, 1/(1−φ²)]].
    ///
    /// - Throws: if the model is not stationary and invertible (d ∈ (−½, ½), AR and MA roots outside the unit circle).
    public static func arfima(_ model: ARFIMAModel) throws -> Matrix {
        try validateStationaryInvertible(model)
        let p = model.ar.count, q = model.ma.count
        let k = 1 + p + q
        var w = Matrix(rows: k, columns: k)
        w[0, 0] = Double.pi * Double.pi / 6
        if p + q == 0 { return w }
        let rhoAR = try Polynomials.smallestRootModulus(oneMinus: model.ar)
        let rhoMA = try Polynomials.smallestRootModulus(onePlus: model.ma)
        let rho = min(rhoAR, rhoMA)
        let terms = min(5_000_000, 200 + Int((45 / Double.log(rho)).rounded(.up)))
        let psiAR = Autocovariance.maInfinityWeights(ar: model.ar, ma: [], count: terms)  // 1/φ(z)
        let psiMA = Autocovariance.maInfinityWeights(ar: model.ma.map { -$0 }, ma: [], count: terms)  // 1/θ(z)
        // Column index of each parameter and its series (coefficient of z^j is psi[j − shift]).
        for a in 1...p + q {
            let (psiA, shiftA) = a <= p ? (psiAR, a) : (psiMA, a - p)
            // d versus this parameter: Σ_{i≥0} ψ_i/(i + shift)
            var s = 0.0
            for i in stride(from: terms - 1, through: 0, by: -1) { s += psiA[i] / Double(i + shiftA) }
            w[0, a] = s
            w[a, 0] = s
            for b in a...p + q {
                let (psiB, shiftB) = b <= p ? (psiAR, b) : (psiMA, b - p)
                // Σ_{j ≥ max(shiftA, shiftB)} ψA_{j−shiftA} ψB_{j−shiftB}
                let start = max(shiftA, shiftB)
                var t = 0.0
                var j = terms - 1 + min(shiftA, shiftB)  // last j with both indices < terms
                while j >= start {
                    t += psiA[j - shiftA] * psiB[j - shiftB]
                    j -= 1
                }
                w[a, b] = t
                w[b, a] = t
            }
        }
        return w
    }

    /// W(η) for ARFIMA(p, d, q) by tanh–sinh quadrature of (1/2π)∫_0^π ∇log f ∇log fᵀ dλ with the analytic
    /// derivatives (an independent check of ``arfima(_:)``; slower).
    public static func arfimaByQuadrature(_ model: ARFIMAModel) throws -> Matrix {
        try validateStationaryInvertible(model)
        let p = model.ar.count, q = model.ma.count
        let k = 1 + p + q
        var g = [Double](repeating: 0, count: k)
        let entries = try Quadrature.tanhSinh(components: k * k, upper: Double.pi) { lambda, out in
            logDensityGradient(lambda: lambda, model: model, into: &g)
            for a in 0..<k { for b in 0..<k { out[a + b * k] = g[a] * g[b] } }
        }
        var w = Matrix(rows: k, columns: k)
        for a in 0..<k { for b in 0..<k { w[a, b] = entries[a + b * k] / (2 * Double.pi) } }
        return w
    }

    /// W(H) for fractional Gaussian noise, (1/2π)∫_0^π (∂_H log f − m)² dλ with m = (1/π)∫_0^π ∂_H log f
    /// (the centring is the derivative of the normalisation ∫ log f* = 0), by tanh–sinh quadrature of the exact
    /// density (`SpectralDensity+FGN.swift`). Var(Ĥ) ≈ 1/(n·W). Requires 0 < H < 1.
    public static func fractionalGaussianNoise(hurst h: Double) throws -> Double {
        guard h.isFinite, h > 0, h < 1 else {
            throw LongMemoryError.invalidArgument(name: "hurst", value: "\(h)", requirement: "must be in (0, 1)")
        }
        let evaluator = FGNSpectrum.Evaluator(hurst: h)
        let r = try Quadrature.tanhSinh(components: 2, upper: Double.pi) { lambda, out in
            let g = evaluator.logDensity(lambda).dH
            out[0] = g
            out[1] = g * g
        }
        return (r[1] - r[0] * r[0] / Double.pi) / (2 * Double.pi)
    }

    /// The asymptotic covariance W^{−1}/n of the parameter estimates (nil if W is not positive definite, e.g.
    /// for cancelling AR and MA roots).
    public static func covariance(information w: Matrix, count n: Int) -> Matrix? {
        guard n > 0, let chol = try? LinearAlgebra.cholesky(w), let inverse = try? chol.inverse() else { return nil }
        return (1 / Double(n)) * inverse
    }

    // MARK: - R longmemo's discretised constants

    /// R longmemo's `CetaARIMA(eta, p, q, m, delta)` (Beran 1994, §12.1.3), reproduced for comparison: the
    /// Riemann-sum approximation of W^{−1},
    ///   C_m = ((1/m) Σ_{j=1}^{⌊(m−1)/2⌋} D_j D_jᵀ)^{−1},
    /// with D_j the forward differences (log f(λ_j; η + δe_i) − log f(λ_j; η))/δ of the unnormalised ARFIMA
    /// spectrum at λ_j = 2πj/m, η = (H, φ₁…φ_p, ψ₁…ψ_q). longmemo's `specARIMA` uses |1 + Σψ_k e^{ikλ}|² for the
    /// MA part, i.e. the same plus sign as rnnmem (ψ = θ). Because log f is singular at 0 this converges slowly in
    /// m: for FI it is 0.716336 at m = 256 against the limit 6/π² = 0.607927. Use ``arfima(_:)`` for standard
    /// errors. `delta = nil` uses the analytic derivatives instead of forward differences.
    public static func longmemoCetaARIMA(
        hurst h: Double, ar: [Double] = [], ma: [Double] = [], m: Int, delta: Double? = 1e-9
    ) throws -> Matrix {
        guard m >= 3 else {
            throw LongMemoryError.invalidArgument(name: "m", value: "\(m)", requirement: "must be ≥ 3")
        }
        let named: [(String, Double)] = [("hurst", h)] + ar.map({ ("ar", $0) }) + ma.map({ ("ma", $0) })
        for (name, v) in named where !v.isFinite {
            throw LongMemoryError.invalidArgument(name: name, value: "\(v)", requirement: "must be finite")
        }
        if let delta, !(delta.isFinite && delta > 0) {
            throw LongMemoryError.invalidArgument(name: "delta", value: "\(delta)", requirement: "must be > 0")
        }
        let p = ar.count, q = ma.count, k = 1 + p + q
        let half = (m - 1) / 2
        let eta = [h] + ar + ma
        func logSpec(_ e: [Double], _ x: Double) -> Double {
            var rar = 0.0, iar = 0.0, rma = 0.0, ima = 0.0
            for i in 0..<p {
                rar += Double.cos(Double(i + 1) * x) * e[1 + i]
                iar += Double.sin(Double(i + 1) * x) * e[1 + i]
            }
            for i in 0..<q {
                rma += Double.cos(Double(i + 1) * x) * e[1 + p + i]
                ima += Double.sin(Double(i + 1) * x) * e[1 + p + i]
            }
            let far = (1 - rar) * (1 - rar) + iar * iar
            let fma = (1 + rma) * (1 + rma) + ima * ima
            let base = (2 - 2 * Double.cos(x)).squareRoot()
            return Double.log(fma / far * Double.pow(base, 1 - 2 * e[0]))
        }
        var cross = Matrix(rows: k, columns: k)
        var d = [Double](repeating: 0, count: k)
        var model = ARFIMAModel(d: h - 0.5, ar: ar, ma: ma)
        model.sigma2 = 1
        for j in 1...max(1, half) where j <= half {
            let x = 2 * Double.pi * Double(j) / Double(m)
            if let delta {
                let f0 = logSpec(eta, x)
                for i in 0..<k {
                    var e = eta
                    e[i] += delta
                    d[i] = (logSpec(e, x) - f0) / delta
                }
            } else {
                logDensityGradient(lambda: x, model: model, into: &d)
            }
            for a in 0..<k { for b in 0..<k { cross[a, b] += d[a] * d[b] } }
        }
        let scaled = (1 / Double(m)) * cross
        return try LinearAlgebra.inverse(scaled)
    }

    /// R longmemo's `CetaFGN(eta, m, delta)`: m/Σ_j D_j², D_j the forward difference in H (step δ) of the log
    /// of the fGn spectrum normalised by the discrete mean, log f − (2/m)Σ_j log f, at λ_j = 2πj/m,
    /// j = 1…⌊(m−1)/2⌋. rnnmem uses the exact fGn density; longmemo's releases used a 200-term lattice sum or
    /// Paxson's (1997) approximation, so the values agree to about 3e-4 (0.428371 in longmemo's saved test
    /// output for H = 0.7, m = 2¹⁸). `delta = nil` uses the analytic derivative.
    public static func longmemoCetaFGN(hurst h: Double, m: Int, delta: Double? = 1e-9) throws -> Double {
        guard h.isFinite, h > 0, h < 1 else {
            throw LongMemoryError.invalidArgument(name: "hurst", value: "\(h)", requirement: "must be in (0, 1)")
        }
        guard m >= 3 else {
            throw LongMemoryError.invalidArgument(name: "m", value: "\(m)", requirement: "must be ≥ 3")
        }
        if let delta, !(delta.isFinite && delta > 0 && h + delta < 1) {
            throw LongMemoryError.invalidArgument(
                name: "delta", value: "\(delta)", requirement: "must be > 0 with H + δ < 1")
        }
        let half = (m - 1) / 2
        var base = [Double](repeating: 0, count: half)
        var shifted = [Double](repeating: 0, count: half)
        var sumBase = 0.0, sumShifted = 0.0
        let evaluator = FGNSpectrum.Evaluator(hurst: h)
        let evaluatorShifted = FGNSpectrum.Evaluator(hurst: h + (delta ?? 0))
        for j in 0..<half {
            let x = 2 * Double.pi * Double(j + 1) / Double(m)
            let l = evaluator.logDensity(x)
            base[j] = l.value
            sumBase += l.value
            if delta != nil {
                shifted[j] = evaluatorShifted.logDensity(x).value
            } else {
                shifted[j] = l.dH
            }
            sumShifted += shifted[j]
        }
        let scale = 2 / Double(m)
        var s = 0.0
        for j in 0..<half {
            let dj: Double
            if let delta {
                dj = ((shifted[j] - scale * sumShifted) - (base[j] - scale * sumBase)) / delta
            } else {
                dj = shifted[j] - scale * sumShifted
            }
            s += dj * dj
        }
        return Double(m) / s
    }

    // MARK: - Helpers

    static func validateStationaryInvertible(_ model: ARFIMAModel) throws {
        var m = model
        m.sigma2 = 1
        try m.validate(requireInvertibleMA: true)
    }

    /// ∇_η log f(λ) for ARFIMA, η = (d, φ, θ): −log(4 sin²(λ/2)), 2 Re[z^k/φ(z)], 2 Re[z^k/θ(z)], z = e^{−iλ}.
    static func logDensityGradient(lambda: Double, model: ARFIMAModel, into g: inout [Double]) {
        let s = Double.sin(lambda / 2)
        g[0] = -Double.log(4 * s * s)
        let p = model.ar.count, q = model.ma.count
        if p + q == 0 { return }
        // φ(z) and θ(z) at z = e^{−iλ}.
        let (phiZ, thetaZ) = SpectralDensity.armaPolynomials(ar: model.ar, ma: model.ma, lambda)
        let phr = phiZ.real, phi = phiZ.imaginary, thr = thetaZ.real, thi = thetaZ.imaginary
        let phiNorm = phr * phr + phi * phi, thetaNorm = thr * thr + thi * thi
        // Re[z^k / w] = Re[z^k · conj(w)]/|w|², z^k = cos(kλ) − i sin(kλ).
        for k in 1...max(p, q) {
            let c = Double.cos(Double(k) * lambda), sn = -Double.sin(Double(k) * lambda)
            if k <= p { g[k] = 2 * (c * phr + sn * phi) / phiNorm }
            if k <= q { g[p + k] = 2 * (c * thr + sn * thi) / thetaNorm }
        }
    }
}
