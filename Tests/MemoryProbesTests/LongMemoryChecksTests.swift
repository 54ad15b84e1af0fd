import Foundation
import LongMemory
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Checks L6–L9: what a contracting network does to the memory of its input (Zhao et al. 2020, ICML, and the
/// correction that input long memory passes through), with LongMemory's estimators of d.
@Suite("Long memory through networks (L6–L9)")
struct LongMemoryChecksTests {
    /// L6 and L7: a tanh RNN (N = 32, ‖W‖₂ = 0.9, PyTorch initialisation otherwise, fixed readout), n = 4096 after a
    /// burn-in of 200. Driven by white N(0, 1) noise its output has |d̂_LW| < 0.1; driven by exact FI(0.4) (unit
    /// variance) it passes the memory through: d̂_LW of the output > 0.25, and of the median hidden unit too.
    @Test func l6l7ContractingRNN() throws {
        let model = try ProbeFixtures.tanhNetwork(hidden: 32, recurrentNorm: 0.9, seed: 1)
        let white = try NetworkMemory.analyze(
            model: model, inputs: try ProbeInput.gaussian.sample(steps: 4296, seed: 1),
            burnIn: 200, verdicts: false)
        #expect(white.samples == 4096)
        let dWhite = try #require(white.outputs[0].localWhittle?.d)
        #expect(abs(dWhite) < 0.1, "L6: d̂ = \(dWhite)")
        let fi = try NetworkMemory.analyze(
            model: model, inputs: try ProbeInput.fractionallyIntegrated(d: 0.4).sample(steps: 4296, seed: 1),
            burnIn: 200,
            verdicts: false)
        let dOut = try #require(fi.outputs[0].localWhittle?.d)
        #expect(dOut > 0.25, "L7: d̂ = \(dOut)")
        #expect(try #require(fi.hiddenMedianLocalWhittle) > 0.25)
        #expect(fi.hidden.count == 32 && fi.inputs.count == 1)
    }

    /// L8: residuals of n = 4096 values of FI(0.4). An AR(1) fit leaves d̂_LW > 0.2; the K = 100 fractional
    /// difference with the true d leaves |d̂_LW| < 0.1.
    @Test func l8Residuals() throws {
        let x = try ProbeInput.fractionallyIntegrated(d: 0.4).sample(steps: 4096, seed: 11).values
        let ar = try ResidualMemory.autoregressiveFit(x, order: 1)
        #expect(ar.residuals.count == 4095)
        let dAR = try #require(SeriesMemory(ar.residuals).localWhittle?.d)
        #expect(dAR > 0.2, "AR(1) residuals: d̂ = \(dAR)")
        let filtered = try ResidualMemory.fractionalResiduals(x, d: 0.4, window: 100)
        let dFrac = try #require(SeriesMemory(filtered).localWhittle?.d)
        #expect(abs(dFrac) < 0.1, "fractional residuals: d̂ = \(dFrac)")
    }

    /// The one-step residuals of a network predictor equal those of the AR(1) it implements: a linear RNN with
    /// A = 0, B = 1, C = φ̂, D = 0 predicts x̂_{t+1} = φ̂x_t (no intercept), so e_{t+1} = x_{t+1} − φ̂x_t.
    @Test func networkOneStepResiduals() throws {
        let x = try ProbeInput.autoregressive(phi: 0.6).sample(steps: 500, seed: 2).values
        let phi = 0.6
        let model = try LinearRNN(
            recurrent: Matrix(rows: 1, columns: 1), input: Matrix.identity(1),
            readout: Matrix(rows: 1, columns: 1, repeating: phi), skip: nil)
        let e = try ResidualMemory.oneStepResiduals(model: model, series: x)
        #expect(e.count == 499)
        for t in 0..<499 { #expect(abs(e[t] - (x[t + 1] - phi * x[t])) < 1e-14) }
    }

    /// L9 (Zhao et al.'s Theorem 1): the autonomous noise-driven network y_t = tanh(0.9y_{t−1} + 0.1) + 0.3ε_t
    /// (a one-unit tanh RNN with W = 0, U = 0.9, b = 0.1, y = h, fed back), n = 4096: GPH with m = ⌊n^0.5⌋ = 64 gives
    /// |d̂| < 0.15 for three seeds.
    @Test(arguments: [UInt64(1), 2, 3])
    func l9AutonomousNetworkShortMemory(seed: UInt64) throws {
        // Parameter layout of the one-layer TanhRNN: W_ih, W_hh, b_ih, b_hh, C, c.
        let model = try TanhRNN(inputSize: 1, hiddenSize: 1, outputSize: 1, parameters: [0.9, 0, 0.1, 0, 1, 0])
        let y = try AutonomousNetwork.simulate(model: model, noiseScale: 0.3, count: 4096, seed: seed)[0]
        #expect(y.count == 4096)
        let gph = try #require(SeriesMemory(y).logPeriodogram)
        #expect(gph.bandwidth == 64)
        #expect(abs(gph.d) < 0.15, "seed \(seed): d̂ = \(gph.d)")
    }

    /// The autonomous simulation follows the recursion exactly: same noise ⇒ y_t = tanh(0.9y_{t−1} + 0.1) + 0.3ε_t.
    @Test func autonomousRecursion() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 1, outputSize: 1, parameters: [0.9, 0, 0.1, 0, 1, 0])
        let y = try AutonomousNetwork.simulate(model: model, noiseScale: 0.3, count: 50, burnIn: 0, seed: 4)[0]
        var rng = SeededRandom(seed: 4)
        var previous = 0.0
        for t in 0..<50 {
            let expected = Foundation.tanh(0.9 * previous + 0.1) + 0.3 * rng.gaussian()
            #expect(abs(y[t] - expected) < 1e-14)
            previous = expected
        }
    }
}
