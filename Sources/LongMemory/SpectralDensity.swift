import MemoryNumerics

/// Spectral densities on the scale γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ.
public enum SpectralDensity {
    /// ARFIMA(p, d, q): f(λ) = (σ²/2π)·|1 − e^{−iλ}|^{−2d}·|θ(e^{−iλ})|²/|φ(e^{−iλ})|², |1 − e^{−iλ}|² = 4 sin²(λ/2)
    /// (Hosking 1981, "Fractional differencing", Biometrika 68:165–176; Beran 1994, *Statistics for Long-Memory
    /// Processes*, ch. 2). Infinite at λ = 0 for d > 0. Any finite d is accepted (for d ≥ ½ this is the
    /// pseudo-spectrum of the nonstationary model).
    /// - Throws: for a non-finite d, AR or MA coefficient or frequency, or σ² ≤ 0 (the argument is named).
    public static func arfima(_ model: ARFIMAModel, at frequencies: [Double]) throws -> [Double] {
        try Validate.positive(model.sigma2, "sigma2")
        let scale = model.sigma2 / (2 * Double.pi)
        return try arfimaNormalized(model, at: frequencies).map { scale * $0 }
    }

    /// ARFIMA f*(λ) = |1 − e^{−iλ}|^{−2d}·|θ(e^{−iλ})|²/|φ(e^{−iλ})|², so that f = (σ²/2π)·f* with σ² the innovation
    /// variance. ∫_{−π}^{π} log f* = 0 holds for a causal AR part and an invertible MA part (Kolmogorov's formula;
    /// Whittle 1953, Arkiv för Matematik 2:423–434; Beran 1994, ch. 5–6), which Whittle estimators rely on.
    /// - Throws: for a non-finite d, coefficient or frequency.
    public static func arfimaNormalized(_ model: ARFIMAModel, at frequencies: [Double]) throws -> [Double] {
        try Validate.finite(model.d, "d")
        try Validate.finiteCoefficients(model.ar, "ar")
        try Validate.finiteCoefficients(model.ma, "ma")
        return try frequencies.map { lambda in
            try Validate.finite(lambda, "frequency")
            let s = 2 * Double.sin(lambda / 2)
            return Double.pow(s * s, -model.d) * armaTransferSquaredUnchecked(ar: model.ar, ma: model.ma, lambda)
        }
    }

    /// |θ(e^{−iλ})|²/|φ(e^{−iλ})|² with φ(z) = 1 − Σφ_j z^j, θ(z) = 1 + Σθ_j z^j (the MA sign of <doc:Conventions>).
    /// - Throws: for a non-finite coefficient or frequency.
    public static func armaTransferSquared(ar: [Double], ma: [Double], _ lambda: Double) throws -> Double {
        try Validate.finiteCoefficients(ar, "ar")
        try Validate.finiteCoefficients(ma, "ma")
        try Validate.finite(lambda, "frequency")
        return armaTransferSquaredUnchecked(ar: ar, ma: ma, lambda)
    }

    static func armaTransferSquaredUnchecked(ar: [Double], ma: [Double], _ lambda: Double) -> Double {
        let (phi, theta) = armaPolynomials(ar: ar, ma: ma, lambda)
        return theta.squaredLengthOrZero / phi.squaredLengthOrZero
    }

    /// φ(e^{−iλ}) = 1 − Σφ_j e^{−ijλ} and θ(e^{−iλ}) = 1 + Σθ_j e^{−ijλ}: the one evaluation of the ARMA polynomials on
    /// the unit circle (densities, Fisher information, longmemo's constants; the Whittle objective tabulates the same
    /// sums over the Fourier frequencies).
    static func armaPolynomials(ar: [Double], ma: [Double], _ lambda: Double) -> (
        phi: Complex<Double>, theta: Complex<Double>
    ) {
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
        return (Complex(pr, pi), Complex(tr, ti))
    }

    /// Fourier frequencies λ_j = 2πj/n, j = 1…m (λ = 0 excluded).
    /// - Throws: unless n ≥ 1 and m ≥ 0.
    public static func fourierFrequencies(n: Int, count m: Int) throws -> [Double] {
        guard n >= 1 else {
            throw LongMemoryError.invalidArgument(name: "n", value: "\(n)", requirement: "must be ≥ 1")
        }
        try Validate.nonNegative(m, "count")
        return (0..<m).map { 2 * Double.pi * Double($0 + 1) / Double(n) }
    }
}

extension Complex where RealType == Double {
    /// re² + im² (0 for zero), without the overflow-avoiding rescaling of `lengthSquared`.
    var squaredLengthOrZero: Double { real * real + imaginary * imaginary }
}
