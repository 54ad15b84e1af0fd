import MemoryNumerics

/// One candidate of an ARFIMA order selection.
public struct ARFIMAOrderCandidate: Sendable, Equatable {
    /// AR order p.
    public let p: Int
    /// MA order q.
    public let q: Int
    /// The fit, or nil when the estimator failed for this order.
    public let fit: ARFIMAFit?
    /// Schwarz's criterion −2ℓ̂ + k log n, k = p + q + 2 (d, the ARMA coefficients and σ²); nil without a fit.
    public let bic: Double?
}

extension ParametricEstimation {
    /// Fits ARFIMA(p, d, q) for every p ≤ `maxP`, q ≤ `maxQ` with `method` (``EstimationMethod/whittle``,
    /// ``EstimationMethod/exactMaximumLikelihood``, ``EstimationMethod/haslettRaftery`` or
    /// ``EstimationMethod/conditionalSumOfSquares``) and selects the order by the Bayesian information criterion
    /// BIC = −2ℓ̂ + (p + q + 2) log n (Schwarz 1978, Ann. Statist. 6:461–464), ℓ̂ the estimator's maximised
    /// log-likelihood (``ARFIMAFit/logLikelihood``). Orders whose fit fails are kept as candidates without a fit.
    /// - Returns: the selected fit and every candidate (p-major order).
    /// - Throws: when no order could be fitted (the error of the (0, d, 0) fit), or for an unsupported method.
    /// `minP`/`minQ` (default 0) restrict the search from below: `minP = maxP`, `minQ = maxQ` fits one order.
    public static func selectOrder(
        _ x: [Double], maxP: Int, maxQ: Int, minP: Int = 0, minQ: Int = 0, method: EstimationMethod = .whittle,
        options: ARFIMAFitOptions = ARFIMAFitOptions()
    ) throws -> (selected: ARFIMAFit, candidates: [ARFIMAOrderCandidate]) {
        guard minP >= 0, minQ >= 0, minP <= maxP, minQ <= maxQ, maxP <= 5, maxQ <= 5 else {
            throw LongMemoryError.invalidArgument(
                name: "maximum order", value: "(\(maxP), \(maxQ))", requirement: "p and q must lie in 0…5")
        }
        var candidates: [ARFIMAOrderCandidate] = []
        var best: (bic: Double, fit: ARFIMAFit)? = nil
        var firstError: Error? = nil
        let n = Double(x.count)
        for p in minP...maxP {
            for q in minQ...maxQ {
                var o = options
                o.p = p
                o.q = q
                do {
                    let fit = try self.fit(x, method: method, options: o)
                    let bic = -2 * fit.logLikelihood + Double(p + q + 2) * Double.log(n)
                    candidates.append(ARFIMAOrderCandidate(p: p, q: q, fit: fit, bic: bic.isFinite ? bic : nil))
                    if bic.isFinite, bic < (best?.bic ?? .infinity) { best = (bic, fit) }
                } catch let error as LongMemoryError {
                    if case .invalidArgument(name: "method", _, _) = error { throw error }
                    if firstError == nil { firstError = error }
                    candidates.append(ARFIMAOrderCandidate(p: p, q: q, fit: nil, bic: nil))
                } catch {
                    if firstError == nil { firstError = error }
                    candidates.append(ARFIMAOrderCandidate(p: p, q: q, fit: nil, bic: nil))
                }
            }
        }
        guard let best else {
            throw firstError
                ?? LongMemoryError.invalidArgument(
                    name: "x", value: "\(x.count) values", requirement: "no order could be fitted")
        }
        return (best.fit, candidates)
    }

    /// The fit of ARFIMA(`options.p`, d, `options.q`) by a parametric `method` (whittle, mle, hr, css).
    public static func fit(_ x: [Double], method: EstimationMethod, options: ARFIMAFitOptions) throws -> ARFIMAFit {
        switch method {
        case .whittle: return try whittle(x, options: options)
        case .exactMaximumLikelihood: return try exactMLE(x, options: options)
        case .haslettRaftery: return try haslettRaftery(x, options: options)
        case .conditionalSumOfSquares: return try conditionalSumOfSquares(x, options: options)
        default:
            throw LongMemoryError.invalidArgument(
                name: "method", value: method.rawValue, requirement: "must be one of whittle, mle, hr, css")
        }
    }
}
