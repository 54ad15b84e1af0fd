import MemoryNumerics

extension Autocovariance {
    /// ARFIMA(p, d, q) autocovariance γ(0…lags). For p = q = 0 this is ``fractionalNoise(d:sigma2:lags:)``; for
    /// p = 0 it is Σ_l ψ_l γ_FI(h − l) (ψ_l = Σ_s θ_s θ_{s+|l|}); with AR terms it uses Sowell (1992) in the
    /// Doornik & Ooms (2003) form (see `Autocovariance+Sowell.swift`).
    public static func arfima(_ model: ARFIMAModel, lags: Int) throws -> [Double] {
        try model.validate()
        guard lags >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lags", value: "\(lags)", requirement: "must be ≥ 0")
        }
        if model.ar.isEmpty {
            let q = model.ma.count
            let fi = try fractionalNoise(d: model.d, sigma2: model.sigma2, lags: lags + q)
            if q == 0 { return Array(fi[0...lags]) }
            let theta = [1.0] + model.ma
            // ψ_l = Σ_{s=|l|}^{q} θ_s θ_{s−|l|}
            var psi = [Double](repeating: 0, count: q + 1)
            for l in 0...q { for s in l...q { psi[l] += theta[s] * theta[s - l] } }
            var out = [Double](repeating: 0, count: lags + 1)
            for h in 0...lags {
                var s = psi[0] * fi[h]
                for l in 1...q { s += psi[l] * (fi[abs(h - l)] + fi[h + l]) }
                out[h] = s
            }
            return out
        }
        return try sowell(model, lags: lags)
    }
}
