import MemoryNumerics

/// Least-squares removal of a polynomial trend, shared by every place that demeans or detrends explicitly (the
/// `demean` option of the fractional filter, Lo's R/S, V/S, KPSS level and trend residuals, the two-step exact local
/// Whittle estimator). Nothing in module LongMemory demeans implicitly (see the Conventions article): each caller
/// asks for it.
enum PolynomialTrend {
    /// x − x̄ (degree 0).
    static func demeaned(_ x: [Double]) -> [Double] {
        let m = x.mean
        return x.map { $0 - m }
    }

    /// Residuals of the least-squares line through (t, x_t), t = 1…n (degree 1), by the closed-form simple
    /// regression (slope Σ(t − t̄)(x_t − x̄)/Σ(t − t̄)², exact up to rounding; no trend is removed for n < 2).
    static func linearDetrended(_ x: [Double]) -> [Double] {
        let n = x.count
        let xbar = x.mean
        let tbar = Double(n + 1) / 2
        var sxy = 0.0, stt = 0.0
        for i in 0..<n {
            let t = Double(i + 1) - tbar
            sxy += t * (x[i] - xbar)
            stt += t * t
        }
        let slope = stt > 0 ? sxy / stt : 0
        return (0..<n).map { x[$0] - xbar - slope * (Double($0 + 1) - tbar) }
    }

    /// Residuals of the least-squares fit of x on (1, t, …, t^k), t = 1…n: the closed forms for k = 0 and 1,
    /// ordinary least squares on the scaled regressors (t/n)^i (same residuals, better conditioned) for k ≥ 2.
    /// - Throws: for k < 0, or (k ≥ 2) n ≤ k + 1 or numerically collinear regressors.
    static func residuals(_ x: [Double], degree k: Int) throws -> [Double] {
        switch k {
        case ..<0:
            throw LongMemoryError.invalidArgument(name: "degree", value: "\(k)", requirement: "must be ≥ 0")
        case 0:
            return demeaned(x)
        case 1:
            return linearDetrended(x)
        default:
            let n = x.count
            var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: k)
            for t in 0..<n {
                let u = Double(t + 1) / Double(n)
                var p = 1.0
                for i in 0..<k {
                    p *= u
                    columns[i][t] = p
                }
            }
            let fit = try OrdinaryLeastSquares(y: x, regressors: columns)
            var r = [Double](repeating: 0, count: n)
            for t in 0..<n {
                var f = fit.intercept
                for i in 0..<k { f += fit.slopes[i] * columns[i][t] }
                r[t] = x[t] - f
            }
            return r
        }
    }
}
