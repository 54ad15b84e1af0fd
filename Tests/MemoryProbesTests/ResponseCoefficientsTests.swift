import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Zhao et al. (2020, ICML): Definition 3's response coefficients and the check L10.
@Suite("Response coefficients (Definition 3, L10)")
struct ResponseCoefficientsTests {
    /// A linear RNN h_t = Wh_{t−1} + Ux_t, y_t = Ch_t: Ā_k = CW^kU and ∂h_t/∂x_{t−k} = W^kU at every t, so the
    /// averages equal them to 1e-12 (relative to the largest entry), for a stacked network too (joint state).
    @Test func linearNetworkExact() throws {
        let model = try ProbeFixtures.linearNetwork(5, radius: 0.85, seed: 9)
        let w = try model.recurrentMatrix(layer: 0)
        let u = try Matrix(
            rows: 5, columns: 1, columnMajor: model.parameterValues(of: try model.parameterGroup(named: "layer0.B")))
        let c = try Matrix(
            rows: 1, columns: 5, columnMajor: model.parameterValues(of: try model.parameterGroup(named: "readout.C")))
        let r = try ResponseCoefficients.compute(
            model: model, inputs: try ProbeInput.gaussian.sample(steps: 80, batchSize: 2, seed: 3),
            maxLag: 30, burnIn: 5)
        #expect(r.times == 36...80 && r.sequences == 2)
        var power = u
        for k in 0...30 {
            #expect(TestSupport.maxRelativeError(r.hidden[k].elements, power.elements) < 1e-12, "k = \(k)")
            #expect(TestSupport.maxRelativeError(r.output[k].elements, (c * power).elements) < 1e-12, "k = \(k)")
            #expect(abs(r.outputMeanNorm[k] - (c * power).frobeniusNorm) <= 1e-12 * (c * u).frobeniusNorm)
            power = w * power
        }
        #expect(r.bound == nil)
        // Geometric decay ρ = 0.85 (A = 0.85·orthogonal ⇒ ‖A^kU‖ = 0.85^k‖U‖): rate ln(1/0.85) exactly.
        let fit = try r.decay(lags: 5...30, target: .hidden)
        #expect(fit.verdict == .exponential)
        #expect(abs(fit.rate - Foundation.log(1 / 0.85)) < 1e-10)
    }

    /// L10 bound: for one-layer tanh RNNs (N = 8, ‖W‖₂ ∈ {0.5, 1.2}, inputs ×{1, 3}), ‖∂h_t/∂x_{t−k}‖₂ ≤
    /// ‖U‖₂‖W‖₂^k at every (t, k ≤ 25) of the trajectory (T = 120), and the bound is approached (worst ratio > 0.3).
    @Test(arguments: [(0.5, 1.0), (1.2, 3.0)])
    func tanhBoundOnEveryTrajectory(norm: Double, inputScale: Double) throws {
        let model = try ProbeFixtures.tanhNetwork(hidden: 8, recurrentNorm: norm, inputScale: inputScale, seed: 4)
        let r = try ResponseCoefficients.compute(
            model: model, inputs: try ProbeInput.gaussian.sample(steps: 120, seed: 5),
            maxLag: 25)
        let bound = try #require(r.bound)
        #expect(abs(bound.recurrentNorm - norm) < 1e-12)
        #expect(bound.pairs == (0..<26).reduce(0) { $0 + 120 - $1 })
        #expect(bound.holds, "\(bound.violations) violations, worst ratio \(bound.worstRatio)")
        #expect(bound.worstRatio <= 1 + 1e-12 && bound.worstRatio > 0.3, "worst ratio \(bound.worstRatio)")
    }

    /// L10 geometric decay: a contracting tanh RNN, an LSTM and a GRU (N = 8, default initialisation otherwise,
    /// i.i.d. N(0, 1) input, T = 300) have log E‖∂y_t/∂x_{t−k}‖ linear in k over k ∈ [5, 60] (R² > 0.99): verdict
    /// exponential. For the one-mode tanh RNN the norm of the averaged coefficient ‖Ā_k‖ decays the same way; for
    /// the gated cells ‖Ā_k‖ is a sum of modes of both signs and its log-linear R² stays near 0.99 however long the
    /// average (measured 0.983–0.993 for three input seeds and T ∈ {300, 500}), so only its rate is checked.
    @Test func rnnLSTMAndGRUDecayGeometrically() throws {
        let x = try ProbeInput.gaussian.sample(steps: 300, seed: 1)
        let rnn = try ProbeFixtures.tanhNetwork(hidden: 8, recurrentNorm: 0.9, seed: 3)
        let lstm = try LSTM(inputSize: 1, hiddenSize: 8, outputSize: 1, seed: 3)
        let gru = try GRU(inputSize: 1, hiddenSize: 8, outputSize: 1, seed: 3)
        for model in [rnn as any RecurrentModel, lstm, gru] {
            let r = try ResponseCoefficients.compute(model: model, inputs: x, maxLag: 60, burnIn: 20)
            let robust = try r.decay(lags: 5...60, magnitude: .meanOfNorm)
            #expect(robust.verdict == .exponential, "\(model.architecture): \(robust.reason)")
            #expect(robust.exponential.rSquared > 0.99 && robust.rate > 0)
            let signed = try r.decay(lags: 5...60, magnitude: .normOfMean)
            #expect(signed.rate > 0 && signed.exponential.rSquared > 0.97, "\(model.architecture): \(signed.reason)")
            if model is TanhRNN { #expect(signed.verdict == .exponential, "\(signed.reason)") }
        }
    }

    /// L10 power law: MRNNF's filter taps w_j(d) decay like j^{−1−d}: the log-log slope over j ∈ [5, 60] is
    /// −1 − d within 0.03 (d = 0.25, i.e. b_d = 0). Its response coefficients, with the recurrences switched off
    /// (W_mm = W_hh = 0) so that the memory path is the filter alone, are power-law with exponent 1 + d within 0.03
    /// when lag k is aligned with tap j = k + 1 (``DecayFit/Criterion/lagOffset`` = 1).
    @Test func mrnnfPowerLaw() throws {
        let base = try MRNNF(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 2)
        let d = base.fractionalOrders[0]
        #expect(abs(d - 0.25) < 1e-15)
        let taps = try base.filterWeights(dimension: 0).map { abs($0) }
        let filter = try DecayFit(magnitudes: [1] + taps, lags: 5...60)
        #expect(filter.verdict == .powerLaw, "\(filter.reason)")
        #expect(abs(filter.exponent - (1 + d)) < 0.03, "exponent \(filter.exponent)")
        var p = base.parameters
        for name in ["layer0.W_mm", "layer0.W_hh"] { for i in try base.parameterGroup(named: name).range { p[i] = 0 } }
        let model = try MRNNF(inputSize: 1, hiddenSize: 2, outputSize: 1, parameters: p)
        let r = try ResponseCoefficients.compute(
            model: model, inputs: try ProbeInput.gaussian.sample(steps: 100, seed: 6),
            maxLag: 60)
        let fit = try r.decay(lags: 5...60, criterion: DecayFit.Criterion(lagOffset: 1))
        #expect(fit.verdict == .powerLaw, "\(fit.reason)")
        #expect(abs(fit.exponent - (1 + d)) < 0.03, "exponent \(fit.exponent)")
    }

    /// The decision rule on synthetic sequences: 0.8^k is exponential with rate −ln 0.8; k^{−1.5} is a power law with
    /// exponent 1.5; a sequence that is neither (alternating scales) is inconclusive; both fits are reported.
    @Test func decayCriterion() throws {
        let geometric = (0...40).map { Foundation.pow(0.8, Double($0)) }
        let g = try DecayFit(magnitudes: geometric, lags: 2...40)
        #expect(g.verdict == .exponential && abs(g.rate - Foundation.log(1.25)) < 1e-12 && g.powerLaw.rSquared < 0.99)
        let power = (0...40).map { $0 == 0 ? 1 : Foundation.pow(Double($0), -1.5) }
        let p = try DecayFit(magnitudes: power, lags: 2...40)
        #expect(p.verdict == .powerLaw && abs(p.exponent - 1.5) < 1e-12)
        let ragged = (0...40).map { $0 % 2 == 0 ? 1.0 : 0.01 }
        #expect(try DecayFit(magnitudes: ragged, lags: 1...40).verdict == .inconclusive)
        #expect(throws: MemoryProbeError.self) { try DecayFit(magnitudes: geometric, lags: 0...40) }  // log 0
        #expect(throws: MemoryProbeError.self) { try DecayFit(magnitudes: geometric, lags: 2...41) }
        #expect(throws: MemoryProbeError.self) { try DecayFit(magnitudes: [1, 0.5, 0, 0, 0], lags: 1...4) }
        #expect(throws: MemoryProbeError.self) { try DecayFit(magnitudes: geometric, lags: 1...2) }
    }
}
