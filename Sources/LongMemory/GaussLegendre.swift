import MemoryNumerics

/// Gauss–Legendre quadrature (Abramowitz & Stegun 1964, 25.4.29; nodes by Newton's method on P_n from the
/// Tricomi initial guesses cos(π(i − ¼)/(n + ½)), weights 2/((1 − x²)P_n′(x)²)), and a geometrically graded
/// composite rule for integrands on (0, b] with an integrable singularity at 0: the panels [b·r^{k+1}, b·r^k] each
/// keep the singularity at a fixed relative distance, so every panel converges geometrically in the node count.
enum GaussLegendre {
    /// 20-point nodes and weights on [−1, 1].
    static let rule20: (nodes: [Double], weights: [Double]) = rule(count: 20)

    /// n ≥ 2 nodes and weights on [−1, 1].
    static func rule(count n: Int) -> (nodes: [Double], weights: [Double]) {
        precondition(n >= 2, "internal: Gauss–Legendre needs at least 2 nodes")
        var x = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var z = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 1.0
            for _ in 0..<100 {
                // P_n(z) and P_n′(z) by the three-term recurrence.
                var p0 = 1.0, p1 = z
                for k in stride(from: 2, through: n, by: 1) {
                    let pk = ((2 * Double(k) - 1) * z * p1 - (Double(k) - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = pk
                }
                derivative = Double(n) * (z * p1 - p0) / (z * z - 1)
                let step = p1 / derivative
                z -= step
                if abs(step) < 1e-16 { break }
            }
            x[i] = z
            w[i] = 2 / ((1 - z * z) * derivative * derivative)
        }
        return (x, w)
    }

    /// ∫_a^b f by the 20-point rule.
    static func integrate(_ f: (Double) throws -> Double, from a: Double, to b: Double) rethrows -> Double {
        let (x, w) = rule20
        let mid = 0.5 * (a + b), half = 0.5 * (b - a)
        var s = 0.0
        for i in 0..<x.count { s += w[i] * (try f(mid + half * x[i])) }
        return s * half
    }

    /// ∫_{b·ratio^panels}^{b} f over `panels` geometric panels [b·ratio^{k+1}, b·ratio^k].
    static func integrateGraded(
        _ f: (Double) throws -> Double, upTo b: Double, ratio: Double = 0.25, panels: Int
    ) rethrows -> Double {
        var s = 0.0
        var hi = b
        for _ in 0..<panels {
            let lo = hi * ratio
            s += try integrate(f, from: lo, to: hi)
            hi = lo
        }
        return s
    }
}
