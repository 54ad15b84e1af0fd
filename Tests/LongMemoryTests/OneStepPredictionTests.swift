import LongMemory
import MemoryNumerics
import Testing
import _TestSupport

/// One-step prediction from a fitted ARFIMA model (Brockwell & Davis 1991, §5.2; Beran 1994, §8.7) and BIC order
/// selection (Schwarz 1978).
@Suite("One-step ARFIMA prediction")
struct OneStepPredictionTests {
    @Test(
        "AR(∞) weights: FI(d) = fractional-difference weights; AR(1) = (1, −φ); MA(1) = (−θ)^j; ARFIMA(1, d, 1) recursion"
    )
    func weights() throws {
        let fi = try OneStepPrediction.arInfinityWeights(ARFIMAModel(d: 0.3), count: 12)
        #expect(TestSupport.maxAbsError(fi, FractionalWeights.differencing(d: 0.3, count: 12)) < 1e-15)
        let ar = try OneStepPrediction.arInfinityWeights(ARFIMAModel(d: 0, ar: [0.6]), count: 5)
        #expect(TestSupport.maxAbsError(ar, [1, -0.6, 0, 0, 0]) < 1e-15)
        let ma = try OneStepPrediction.arInfinityWeights(ARFIMAModel(d: 0, ma: [0.5]), count: 6)
        #expect(TestSupport.maxAbsError(ma, (0..<6).map { Double.pow(-0.5, Double($0)) }) < 1e-15)
        // π(z)θ(z) = φ(z)(1 − z)^d term by term.
        let m = ARFIMAModel(d: 0.2, ar: [0.4], ma: [0.3])
        let pi = try OneStepPrediction.arInfinityWeights(m, count: 30)
        let delta = FractionalWeights.differencing(d: 0.2, count: 30)
        for j in 1..<30 {
            #expect(abs((pi[j] + 0.3 * pi[j - 1]) - (delta[j] - 0.4 * delta[j - 1])) < 1e-14)
        }
        #expect(throws: (any Error).self) {
            try OneStepPrediction.arInfinityWeights(ARFIMAModel(d: 0, ma: [1.5]), count: 3)
        }
    }

    @Test("Exact predictor: AR(1) gives μ + φ(x_t − μ); FI(d): exact and AR(∞) forms agree at the end of a long series")
    func predictors() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0, ar: [0.7]), count: 200, seed: 3).map { $0 + 5 }
        let p = try OneStepPrediction.exact(x, model: ARFIMAModel(d: 0, ar: [0.7]), mean: 5)
        #expect(p[0] == 5)
        for t in 1..<200 { #expect(abs(p[t] - (5 + 0.7 * (x[t - 1] - 5))) < 1e-10) }
        let model = ARFIMAModel(d: 0.3)
        let y = try Simulation.arfima(model, count: 1500, seed: 4)
        let exact = try OneStepPrediction.exact(y, model: model, mean: 0)
        let truncated = try OneStepPrediction.arInfinity(y, model: model, mean: 0, window: 1499)
        // π_j ~ j^{−1.3}: the unobserved past matters less and less.
        #expect(abs(exact[1499] - truncated[1499]) < 0.02)
        // One step: x̂_2 = ρ(1) x_1 = d/(1 − d) x_1 under FI(d) (exact predictor with one observation).
        #expect(abs(exact[1] - 0.3 / 0.7 * y[0]) < 1e-12)
    }

    @Test("BIC order selection fits every order, keeps the minimum, and a fixed order is one candidate")
    func orderSelection() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.5]), count: 1000, seed: 11)
        let s = try ParametricEstimation.selectOrder(x, maxP: 1, maxQ: 1)
        #expect(s.candidates.count == 4)
        let best = try #require(s.candidates.compactMap(\.bic).min())
        let chosen = try #require(
            s.candidates.first { $0.p == s.selected.model.ar.count && $0.q == s.selected.model.ma.count })
        #expect(chosen.bic == best)
        let one = try ParametricEstimation.selectOrder(x, maxP: 1, maxQ: 0, minP: 1, minQ: 0)
        #expect(one.candidates.count == 1 && one.selected.model.ar.count == 1)
        #expect(throws: (any Error).self) { try ParametricEstimation.selectOrder(x, maxP: 0, maxQ: 0, minP: 1) }
        #expect(throws: (any Error).self) {
            try ParametricEstimation.selectOrder(x, maxP: 1, maxQ: 1, method: .gewekePorterHudak)
        }
    }
}
