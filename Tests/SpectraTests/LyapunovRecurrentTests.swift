import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

@Suite("Input-driven (conditional) Lyapunov spectra of recurrent networks")
struct LyapunovRecurrentTests {
    /// The driven dynamics reproduce the network's own trajectory, its state Jacobians, and D_t·Q.
    @Test func drivenDynamicsMatchTheEngine() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, layers: 2, seed: 21)
        let x = try SpectraTestKit.batch(steps: 5, batchSize: 1, features: 2, seed: 22)
        let trajectory = try model.forward(x)
        let jacobians = try model.stepJacobians(sequence: x)
        var dynamics = try DrivenRecurrentDynamics(model: model, inputs: x)
        #expect(dynamics.dimension == 12 && dynamics.remainingSteps == 5)
        var rng = TestSupport.rng(23)
        for t in 1...5 {
            let d = try dynamics.jacobian()
            #expect(SpectraTestKit.relativeError(d, jacobians.state[t - 1]) < 1e-13)
            let q = try Matrix(rows: 12, columns: 3, columnMajor: rng.gaussians(36))
            var out = Matrix(rows: 12, columns: 3)
            try dynamics.step(tangents: q, into: &out)
            #expect(SpectraTestKit.relativeError(out, d * q) < 1e-13)
            let expected = (0..<2).flatMap { l in Array(trajectory.states[l].values[(t * 6)..<((t + 1) * 6)]) }
            #expect(TestSupport.maxAbsError(dynamics.state, expected) < 1e-14)
        }
        #expect(dynamics.remainingSteps == 0)
        #expect(throws: SpectraError.self) { try dynamics.step() }
        #expect(throws: SpectraError.self) {
            try LyapunovSpectrum(
                try DrivenRecurrentDynamics(model: model, inputs: x), options: LyapunovOptions(steps: 6))
        }
    }

    /// A linear RNN has D_t = A on every input: the conditional spectrum is log|μ_i(A)| (error ~ 1/T), the same for
    /// every sequence, and Y1 Σλ = ⟨log|det D_t|⟩ = log|det A| holds to rel 1e-10.
    @Test func linearNetworkSpectrumIsLogModuli() throws {
        var rng = TestSupport.rng(30)
        var a = try Matrix(rows: 5, columns: 5, columnMajor: rng.gaussians(25))
        a = (0.95 / (try LinearAlgebra.spectralRadius(a))) * a
        let model = try LinearRNN(
            recurrent: a, input: try Matrix(rows: 5, columns: 1, columnMajor: rng.gaussians(5)),
            readout: try Matrix(rows: 1, columns: 5, columnMajor: rng.gaussians(5)), skip: nil)
        let x = try SpectraTestKit.batch(steps: 1200, batchSize: 2, features: 1, seed: 31)
        let conditional = try ConditionalLyapunovSpectrum(
            model: model, inputs: x,
            options: LyapunovOptions(steps: 1000, warmUpSteps: 200, computesDeterminant: true))
        let moduli = try LinearAlgebra.eigenvalues(a).map { Double.log($0.length) }.sorted(by: >)
        #expect(conditional.perSequence.count == 2)
        #expect(TestSupport.maxAbsError(conditional.meanExponents, moduli) < 1e-2)
        #expect(conditional.standardDeviations.allSatisfy { $0 < 1e-12 })
        let logDet = try LinearAlgebra.logAbsDeterminant(a).logAbs
        for spectrum in conditional.perSequence {
            #expect(abs(spectrum.sum - logDet) <= 1e-10 * abs(logDet))
            #expect(abs(spectrum.meanLogAbsDeterminant! - logDet) <= 1e-12 * abs(logDet))
        }
    }

    /// Y4 on a driven network: a tanh RNN (N = 60) with recurrent weights N(0, g²/N), g = 3, is chaotic along its
    /// input (λ₁ ≈ 0.23); the QR λ₁ and the two-trajectory λ₁ agree within 2 %. With g = 0.5 the network has the
    /// echo-state property: negative exponents.
    @Test func drivenChaosAndEchoState() throws {
        let x = try SpectraTestKit.batch(steps: 2000, batchSize: 1, features: 1, seed: 33, sd: 0.3)
        var rng = TestSupport.rng(34)
        let j = rng.gaussians(3600)
        let chaotic = try SpectraTestKit.tanhRNN(
            recurrent: try Matrix(rows: 60, columns: 60, columnMajor: j.map { 3 * $0 / 60.0.squareRoot() }),
            inputSize: 1, outputSize: 1, seed: 35)
        let spectrum = try LyapunovSpectrum(
            try DrivenRecurrentDynamics(model: chaotic, inputs: x),
            options: LyapunovOptions(steps: 1800, exponents: 1, transientSteps: 100, warmUpSteps: 100))
        let lambda = spectrum.exponents[0]
        #expect(lambda > 0.1, "λ₁ = \(lambda)")
        let two = try #require(spectrum.twoTrajectoryLargestExponent)
        #expect(abs(two - lambda) <= 0.02 * lambda, "two-trajectory \(two) vs QR \(lambda)")
        let calm = try SpectraTestKit.tanhRNN(
            recurrent: try Matrix(rows: 60, columns: 60, columnMajor: j.map { 0.5 * $0 / 60.0.squareRoot() }),
            inputSize: 1, outputSize: 1, seed: 35)
        let echo = try LyapunovSpectrum(
            try DrivenRecurrentDynamics(model: calm, inputs: x),
            options: LyapunovOptions(steps: 500, exponents: 3))
        #expect(echo.exponents.allSatisfy { $0 < 0 })
    }

    @Test func optionsAreValidated() throws {
        let map = try RandomTanhMap(size: 4, gain: 1, seed: 1)
        #expect(throws: SpectraError.self) {
            try LyapunovSpectrum(map, options: LyapunovOptions(steps: 10, exponents: 5))
        }
        #expect(throws: SpectraError.self) { try LyapunovSpectrum(map, options: LyapunovOptions(steps: 0)) }
        #expect(throws: SpectraError.self) {
            try LyapunovSpectrum(map, options: LyapunovOptions(steps: 10, renormalizationInterval: 3))
        }
        #expect(throws: SpectraError.self) {
            try LyapunovSpectrum(map, options: LyapunovOptions(steps: 10, windowSteps: 20))
        }
        #expect(throws: SpectraError.self) {
            try LyapunovSpectrum(map, options: LyapunovOptions(steps: 10, perturbation: 0))
        }
        // Windows and reorthonormalisation intervals: the mean of the window exponents is the total.
        let s = try LyapunovSpectrum(
            map,
            options: LyapunovOptions(
                steps: 120, warmUpSteps: 0, renormalizationInterval: 2,
                windowSteps: 40, perturbation: nil))
        #expect(s.finiteTimeExponents.count == 3)
        let mean = (0..<4).map { i in s.finiteTimeExponents.reduce(0) { $0 + $1[i] } / 3 }
        #expect(TestSupport.maxAbsError(mean.sorted(by: >), s.exponents) < 1e-12)
        // Same seed, same bytes.
        #expect(
            try LyapunovSpectrum(map, options: LyapunovOptions(steps: 50))
                == LyapunovSpectrum(map, options: LyapunovOptions(steps: 50)))
        // An exploding map is reported as a divergence, never as NaN.
        let exploding = try IteratedMap(
            initialState: [1], map: { [1e200 * $0[0]] }, jacobian: { _ in Matrix.diagonal([1e200]) })
        #expect(throws: SpectraError.self) { try LyapunovSpectrum(exploding, options: LyapunovOptions(steps: 10)) }
    }
}
