import MemoryNumerics

/// Spectral densities on the scale γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ.
public enum SpectralDensity {
    /// ARFIMA(p, d, q): f(λ) = (σ²/2π)·|1 − e^{−iλ}|^{−2d}·|θ(e^{−iλ})|²/|φ(e^{−iλ})|², |1 − e^{−iλ}|² = 4 sin²(λ/2)
    /// (Hosking 1981; Beran 1994, §2.5). Infinite at λ = 0 for d > 0.
    public static func arfima(_ model: ARFIMAModel, at frequencies: [Double]) -> [Double] {
        frequencies.map { lambda in
            let s = 4 * Double.pow(Double.sin(lambda / 2), 2)
            let fi = Double.pow(s, -model.d)
            return model.sigma2 / (2 * Double.pi) * fi * armaTransferSquared(ar: model.ar, ma: model.ma, lambda)
        }
    }

    /// |θ(e^{−iλ})|²/|φ(e^{−iλ})|² with φ(z) = 1 − Σφ_j z^j, θ(z) = 1 + Σθ_j z^j.
    public static func armaTransferSquared(ar: [Double], ma: [Double], _ lambda: Double) -> Double {
        var tr = 1.0, ti = 0.0
        for (j, t) in ma.enumerated() {
            let a = Double(j + 1) * lambda
            tr += t * Double.cos(a)
            ti -= t * Double.sin(a)
        }
        var pr = 1.0, pi = 0.0
        for (j, p) in ar.enumerated() {
            let a = Double(j + 1) * lambda
            pr -= p * Double.cos(a)
            pi += p * Double.sin(a)
        }
        return (tr * tr + ti * ti) / (pr * pr + pi * pi)
    }

    /// Fourier frequencies λ_j = 2πj/n, j = 1…m.
    public static func fourierFrequencies(n: Int, count m: Int) -> [Double] {
        (0..<max(0, m)).map { 2 * Double.pi * Double($0 + 1) / Double(n) }
    }
}
