/// Squared correlation and coefficient of determination of predictions against targets.
enum Scores {
    /// corr²(a, b) = cov²/(var·var), in [0, 1] (0 when either is constant). Clamped to [0, 1] against rounding
    /// only (Cauchy–Schwarz).
    static func squaredCorrelation(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        guard saa > 0, sbb > 0 else { return 0 }
        return min(1, max(0, sab * sab / (saa * sbb)))
    }

    /// R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² (may be negative out of sample; −∞ is never returned: a constant target gives 0).
    static func rSquared(predicted: ArraySlice<Double>, target: ArraySlice<Double>) -> Double {
        let n = Double(target.count)
        let m = target.reduce(0, +) / n
        var sse = 0.0, sst = 0.0
        for (p, y) in zip(predicted, target) {
            sse += (y - p) * (y - p)
            sst += (y - m) * (y - m)
        }
        guard sst > 0 else { return 0 }
        return 1 - sse / sst
    }
}
