import MemoryNumerics

/// An ARFIMA(p, d, q) model φ(B)(1−B)^d (X_t − μ) = θ(B) ε_t with φ(z) = 1 − φ₁z − … − φ_p z^p,
/// θ(z) = 1 + θ₁z + … + θ_q z^q (the MA sign of R `stats::arima` and statsmodels), ε_t i.i.d. (0, σ²).
public struct ARFIMAModel: Equatable, Sendable, CustomStringConvertible {
    public var d: Double
    /// φ₁ … φ_p.
    public var ar: [Double]
    /// θ₁ … θ_q (plus sign).
    public var ma: [Double]
    /// Innovation variance σ².
    public var sigma2: Double

    public init(d: Double, ar: [Double] = [], ma: [Double] = [], sigma2: Double = 1) {
        self.d = d
        self.ar = ar
        self.ma = ma
        self.sigma2 = sigma2
    }

    /// Hurst exponent H = d + ½.
    public var hurst: Double { d + 0.5 }

    /// Throws unless the model is stationary (d < ½, AR roots outside the unit circle), invertible (d > −½) and
    /// σ² > 0. MA roots on or inside the unit circle are allowed only if `requireInvertibleMA` is false.
    public func validate(requireInvertibleMA: Bool = false) throws {
        guard d.isFinite, d > -0.5, d < 0.5 else {
            throw LongMemoryError.invalidArgument(
                name: "d", value: "\(d)", requirement: "a stationary ARFIMA model needs −0.5 < d < 0.5")
        }
        try Validate.positive(sigma2, "sigma2")
        try Validate.stationaryAR(ar)
        if requireInvertibleMA {
            try Validate.invertibleMA(ma)
        } else {
            try Validate.finiteCoefficients(ma, "ma")
        }
    }

    public var description: String {
        "ARFIMA(\(ar.count),\(d),\(ma.count)) ar=\(ar) ma=\(ma) sigma2=\(sigma2)"
    }
}

/// Roots of the AR and MA polynomials, via the eigenvalues of the companion matrix.
public enum Polynomials {
    /// Roots of 1 − a₁z − … − a_p z^p (the AR polynomial φ).
    public static func roots(oneMinus a: [Double]) throws -> [Complex<Double>] {
        try roots(coefficients: [1] + a.map { -$0 })
    }

    /// Roots of 1 + b₁z + … + b_q z^q (the MA polynomial θ).
    public static func roots(onePlus b: [Double]) throws -> [Complex<Double>] {
        try roots(coefficients: [1] + b)
    }

    /// Roots of c₀ + c₁z + … + c_m z^m (trailing zero coefficients dropped) as eigenvalues of the companion matrix.
    public static func roots(coefficients c: [Double]) throws -> [Complex<Double>] {
        var coeffs = c
        while let last = coeffs.last, last == 0, coeffs.count > 1 { coeffs.removeLast() }
        let m = coeffs.count - 1
        if m <= 0 { return [] }
        // Monic polynomial in z: z^m + (c_{m−1}/c_m) z^{m−1} + … + c₀/c_m.
        var companion = Matrix(rows: m, columns: m)
        for i in 0..<m { companion[0, i] = -coeffs[m - 1 - i] / coeffs[m] }
        for i in 1..<m { companion[i, i - 1] = 1 }
        if m == 1 { return [Complex(-coeffs[0] / coeffs[1], 0)] }
        if m == 2 {
            // Quadratic formula (avoids LAPACK for the common case); stable form.
            let a = coeffs[2], b = coeffs[1], cc = coeffs[0]
            let disc = b * b - 4 * a * cc
            if disc >= 0 {
                let s = disc.squareRoot()
                let q = -0.5 * (b + (b >= 0 ? s : -s))
                let r1 = q / a
                let r2 = q != 0 ? cc / q : -b / a - r1
                return [Complex(r1, 0), Complex(r2, 0)]
            }
            let re = -b / (2 * a), im = (-disc).squareRoot() / (2 * a)
            return [Complex(re, im), Complex(re, -im)]
        }
        return try companionEigenvalues(companion)
    }

    /// min |root| of 1 − Σ a_i z^i.
    public static func smallestRootModulus(oneMinus a: [Double]) throws -> Double {
        try roots(oneMinus: a).map { $0.length }.min() ?? .infinity
    }

    /// min |root| of 1 + Σ b_i z^i.
    public static func smallestRootModulus(onePlus b: [Double]) throws -> Double {
        try roots(onePlus: b).map { $0.length }.min() ?? .infinity
    }

    /// Roots as the eigenvalues of the companion matrix (LAPACK `dgeev` through ``LinearAlgebra/eigenvalues(_:)``;
    /// Edelman & Murakami 1995, "Polynomial roots from companion matrix eigenvalues", Math. Comp. 64:763–776:
    /// backward stable), each then polished by at most three Newton steps on the polynomial, a step being taken only
    /// if it lowers |p(z)| and is shorter than half the distance to the nearest other root (so clustered or repeated
    /// roots, which the eigenvalues resolve only to ≈ ε^{1/multiplicity}, are never merged).
    static func companionEigenvalues(_ c: Matrix) throws -> [Complex<Double>] {
        let m = c.rows
        var a = [Double](repeating: 0, count: m)  // monic z^m + a_{m−1}z^{m−1} + … + a_0
        for i in 0..<m { a[m - 1 - i] = -c[0, i] }
        func evaluate(_ z: Complex<Double>) -> (p: Complex<Double>, dp: Complex<Double>) {
            var p = Complex<Double>(1, 0), dp = Complex<Double>.zero
            for k in stride(from: m - 1, through: 0, by: -1) {
                dp = dp * z + p
                p = p * z + Complex(a[k], 0)
            }
            return (p, dp)
        }
        var z: [Complex<Double>]
        do {
            z = try LinearAlgebra.eigenvalues(c)
        } catch {
            throw LongMemoryError.numerical("polynomial root finding failed (degree \(m)): \(error)")
        }
        guard z.count == m else {
            throw LongMemoryError.numerical("polynomial root finding returned \(z.count) roots for degree \(m)")
        }
        for i in 0..<m {
            var nearest = Double.infinity
            for j in 0..<m where j != i { nearest = min(nearest, (z[i] - z[j]).length) }
            for _ in 0..<3 {
                let (p, dp) = evaluate(z[i])
                if p == .zero || dp == .zero { break }
                let step = p / dp
                guard step.length < 0.5 * nearest else { break }
                let candidate = z[i] - step
                guard evaluate(candidate).p.length < p.length else { break }
                z[i] = candidate
            }
        }
        return z
    }
}
