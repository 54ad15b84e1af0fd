import MemoryNumerics
import Recurrent

/// The bound of Pascanu, Mikolov & Bengio (2013, "On the difficulty of training recurrent neural networks",
/// ICML, §2.1, eqs. (5)–(7)) checked along a trajectory: for h_t = W σ(h_{t−1}) + U x_t + b with |σ′| ≤ γ,
///
///     ‖∂h_t/∂h_k‖₂ ≤ (γ·σ_max(W))^{t−k},
///
/// so σ_max(W) < 1/γ makes gradients vanish. rnnmem's vanilla RNN h_t = tanh(W h_{t−1} + U x_t + b) has
/// D_t = diag(1 − h_t²)·W and satisfies the same bound with γ = 1. The check compares log ‖J_{t,k}‖₂ (from
/// QR-renormalised products) with (t − k)·log(γσ_max(W)) at every lag, allowing a rounding slack of
/// 1e-12·(1 + |(t − k)·log(γσ_max)|).
public struct PascanuBoundCheck: Sendable, Equatable {
    /// γ, the bound on |σ′| (1 for tanh, ¼ for the logistic sigmoid).
    public let gamma: Double
    /// σ_max(W).
    public let recurrentNorm: Double
    /// The lags checked and, per lag, the margin (t − k)·log(γσ_max(W)) − log‖J_{t,k}‖₂ (≥ 0 where the bound holds).
    public let lags: [Int]
    /// (t − k)·log(γσ_max(W)) − log‖J_{t,k}‖₂ per lag.
    public let logMargins: [Double]
    /// The first lag at which the bound fails, with the times (t, k) of that product; nil if it holds everywhere.
    public let firstViolation: (lag: Int, t: Int, k: Int)?

    /// Whether the bound holds at every lag.
    public var holds: Bool { firstViolation == nil }

    public static func == (a: PascanuBoundCheck, b: PascanuBoundCheck) -> Bool {
        a.gamma == b.gamma && a.recurrentNorm == b.recurrentNorm && a.lags == b.lags && a.logMargins == b.logMargins
            && a.firstViolation?.lag == b.firstViolation?.lag && a.firstViolation?.t == b.firstViolation?.t
            && a.firstViolation?.k == b.firstViolation?.k
    }

    /// Check the bound on the products of `spectrum` for a recurrent matrix W and derivative bound γ.
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a non-finite or non-positive γ or W.
    public init(products spectrum: JacobianProductSpectrum, recurrentWeights w: Matrix, gamma: Double) throws {
        try SpectraChecks.finite(gamma, "gamma", positive: true)
        guard w.isSquare, w.rows >= 1, w.elements.allSatisfy(\.isFinite) else {
            throw SpectraError.invalidArgument(argument: "recurrentWeights", message: "must be a finite square matrix")
        }
        let norm = try LinearAlgebra.spectralNorm(w)
        let rate = Double.log(gamma * norm)
        var margins: [Double] = []
        var violation: (lag: Int, t: Int, k: Int)? = nil
        for (lag, logNorm) in zip(spectrum.lags, spectrum.logSpectralNorms) {
            let bound = Double(lag) * rate
            let margin = bound - logNorm
            margins.append(margin)
            let slack = 1e-12 * (1 + abs(bound))
            if violation == nil && margin < -slack {
                let (t, k) = spectrum.times(lag: lag)
                violation = (lag, t, k)
            }
        }
        self.gamma = gamma
        recurrentNorm = norm
        lags = spectrum.lags
        logMargins = margins
        firstViolation = violation
    }

    /// The check for a one-layer vanilla tanh RNN (W = `layer0.W_hh`, γ = 1).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a stacked network (the bound is stated
    ///   for one recurrent matrix; pass W and γ explicitly for other cases).
    public init(products spectrum: JacobianProductSpectrum, model: TanhRNN) throws {
        guard model.layerCount == 1 else {
            throw SpectraError.invalidArgument(
                argument: "model",
                message: "the bound needs one recurrent matrix; the network has \(model.layerCount) layers")
        }
        let group = try model.parameterGroup(named: "layer0.W_hh")
        let w = try Matrix(rows: group.rows, columns: group.columns, columnMajor: model.parameterValues(of: group))
        try self.init(products: spectrum, recurrentWeights: w, gamma: 1)
    }
}
