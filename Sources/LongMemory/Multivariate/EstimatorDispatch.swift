import MemoryNumerics

/// Settings shared by all estimators of d, for dispatch by ``EstimationMethod`` (one series or per column).
/// A nil field means "the estimator's own default".
public struct EstimatorSettings: Sendable, Equatable {
    /// Bandwidth m of the semiparametric estimators (GPH default ⌊n^0.5⌋, LW/ELW ⌊n^0.65⌋).
    public var bandwidth: Bandwidth?
    /// Trimming l (GPH, untapered LW).
    public var trimming: Int
    /// Andrews–Guggenberger bias-reduction order r (GPH).
    public var biasReductionOrder: Int
    /// Taper of the local Whittle estimator.
    public var taper: LocalWhittle.Taper
    /// Mean handling of the exact local Whittle estimator.
    public var exactLocalWhittleMean: ExactLocalWhittle.MeanCorrection
    /// Polynomial detrending order of the two-step ELW estimator.
    public var detrendOrder: Int
    /// ARMA orders and other options of the parametric estimators (Whittle, HR, MLE, CSS).
    public var parametric: ARFIMAFitOptions
    /// Block / window sizes of the heuristics (R/S, DFA, aggregated variance).
    public var scales: [Int]?
    /// DFA detrending order.
    public var dfaOrder: Int
    /// Confidence level of the Wald intervals.
    public var confidenceLevel: Double

    public init(
        bandwidth: Bandwidth? = nil, trimming: Int = 0, biasReductionOrder: Int = 0, taper: LocalWhittle.Taper = .none,
        exactLocalWhittleMean: ExactLocalWhittle.MeanCorrection = .weighted, detrendOrder: Int = 0,
        parametric: ARFIMAFitOptions = ARFIMAFitOptions(), scales: [Int]? = nil, dfaOrder: Int = 1,
        confidenceLevel: Double = 0.95
    ) {
        self.bandwidth = bandwidth
        self.trimming = trimming
        self.biasReductionOrder = biasReductionOrder
        self.taper = taper
        self.exactLocalWhittleMean = exactLocalWhittleMean
        self.detrendOrder = detrendOrder
        self.parametric = parametric
        self.scales = scales
        self.dfaOrder = dfaOrder
        self.confidenceLevel = confidenceLevel
    }
}

/// Dispatch of every estimator of d by its ``EstimationMethod`` (`rnnmem estimate --method …`).
public enum MemoryEstimator {
    /// Estimate d of one series by `method`.
    public static func estimate(
        _ x: [Double], method: EstimationMethod, settings s: EstimatorSettings = EstimatorSettings()
    ) throws -> MemoryEstimate {
        var options = s.parametric
        options.confidenceLevel = s.confidenceLevel
        switch method {
        case .gewekePorterHudak:
            return try GPH.estimate(
                x, bandwidth: s.bandwidth ?? .exponent(GPH.defaultExponent), trimming: s.trimming,
                biasReductionOrder: s.biasReductionOrder, confidenceLevel: s.confidenceLevel)
        case .localWhittle:
            return try LocalWhittle.estimate(
                x, bandwidth: s.bandwidth ?? .exponent(LocalWhittle.defaultExponent), trimming: s.trimming,
                taper: s.taper, confidenceLevel: s.confidenceLevel)
        case .localPolynomialWhittle:
            return try LocalPolynomialWhittle.estimate(
                x, bandwidth: s.bandwidth ?? .exponent(LocalPolynomialWhittle.defaultExponent),
                order: s.biasReductionOrder > 0 ? s.biasReductionOrder : LocalPolynomialWhittle.defaultOrder,
                confidenceLevel: s.confidenceLevel)
        case .exactLocalWhittle:
            return try ExactLocalWhittle.estimate(
                x, bandwidth: s.bandwidth ?? .exponent(ExactLocalWhittle.defaultExponent),
                mean: s.exactLocalWhittleMean,
                confidenceLevel: s.confidenceLevel)
        case .twoStepExactLocalWhittle:
            return try ExactLocalWhittle.twoStep(
                x, bandwidth: s.bandwidth ?? .exponent(ExactLocalWhittle.defaultExponent), detrendOrder: s.detrendOrder,
                confidenceLevel: s.confidenceLevel)
        case .whittle:
            return try ParametricEstimation.whittle(x, options: options).estimate
        case .haslettRaftery:
            return try ParametricEstimation.haslettRaftery(x, options: options).estimate
        case .exactMaximumLikelihood:
            return try ParametricEstimation.exactMLE(x, options: options).estimate
        case .conditionalSumOfSquares:
            return try ParametricEstimation.conditionalSumOfSquares(x, options: options).estimate
        case .rescaledRange:
            return try RescaledRange.estimate(x, blockSizes: s.scales, confidenceLevel: s.confidenceLevel)
        case .detrendedFluctuationAnalysis:
            return try DFA.estimate(x, order: s.dfaOrder, windowSizes: s.scales, confidenceLevel: s.confidenceLevel)
        case .aggregatedVariance:
            return try AggregatedVariance.estimate(x, blockSizes: s.scales, confidenceLevel: s.confidenceLevel)
        }
    }
}
