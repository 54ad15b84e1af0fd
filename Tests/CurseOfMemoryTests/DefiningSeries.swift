import MemoryNumerics

/// The defining series of the closed forms (Zucchet & Orvieto 2024, NeurIPS, §2), summed directly — independent
/// of the closed forms they check. A double sum Σ_{n,m} u_n v_m ρ^{|n−m|} is evaluated in O(M) with running sums
/// L_n = ρL_{n−1} + v_n (m ≤ n) and R_n = ρ(R_{n+1} + v_{n+1}) (m > n); M = ⌈60/(1 − max(|a|, |c|))⌉ + 1 terms, so
/// the omitted tail is below e^{−60}·M² relative.
enum DefiningSeries {
    static func terms(_ a: Complex<Double>, _ c: Complex<Double>) -> Int {
        Int((60 / (1 - max(a.length, c.length))).rounded(.up)) + 2
    }

    static func doubleSum(_ u: [Complex<Double>], _ v: [Complex<Double>], rho: Double) -> Complex<Double> {
        let m = u.count
        let r = Complex<Double>(rho, 0)
        var left = [Complex<Double>](repeating: .zero, count: m)
        var right = [Complex<Double>](repeating: .zero, count: m)
        var running = Complex<Double>.zero
        for n in 0..<m {
            running = r * running + v[n]
            left[n] = running
        }
        running = .zero
        for n in stride(from: m - 2, through: 0, by: -1) {
            running = r * (running + v[n + 1])
            right[n] = running
        }
        var total = Complex<Double>.zero
        for n in 0..<m { total = total + u[n] * (left[n] + right[n]) }
        return total
    }

    /// [1, z, z², …] (n = 0 … M−1).
    static func powers(_ z: Complex<Double>, _ m: Int) -> [Complex<Double>] {
        var p = [Complex<Double>](repeating: .zero, count: m)
        var x = Complex<Double>(1, 0)
        for n in 0..<m {
            p[n] = x
            x = x * z
        }
        return p
    }

    /// [n z^{n−1}] (n = 0 … M−1; the n = 0 term is 0).
    static func derivativePowers(_ z: Complex<Double>, _ m: Int) -> [Complex<Double>] {
        var p = [Complex<Double>](repeating: .zero, count: m)
        var x = Complex<Double>(1, 0)
        for n in 1..<m {
            p[n] = Complex(Double(n), 0) * x
            x = x * z
        }
        return p
    }

    /// F(a, c; ρ) = Σ_{n,m≥0} aⁿ c^m ρ^{|n−m|}.
    static func generating(_ a: Complex<Double>, _ c: Complex<Double>, rho: Double) -> Complex<Double> {
        let m = terms(a, c)
        return doubleSum(powers(a, m), powers(c, m), rho: rho)
    }

    /// ∂_aF(a, c; ρ) = Σ n a^{n−1} c^m ρ^{|n−m|}.
    static func generatingDerivative(_ a: Complex<Double>, _ c: Complex<Double>, rho: Double) -> Complex<Double> {
        let m = terms(a, c)
        return doubleSum(derivativePowers(a, m), powers(c, m), rho: rho)
    }

    /// S(a, c; ρ) = Σ_{n,m≥1} n m a^{n−1} c^{m−1} ρ^{|n−m|}.
    static func sensitivity(_ a: Complex<Double>, _ c: Complex<Double>, rho: Double) -> Complex<Double> {
        let m = terms(a, c)
        return doubleSum(derivativePowers(a, m), derivativePowers(c, m), rho: rho)
    }
}
