import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Bad input: thrown errors whose one-line description names the argument (the command line prints them and
/// exits with status 2). Delays beyond the sequence, degrees ≤ 0, thresholds outside [0, 1], rank-deficient
/// readouts without regularisation (see MemoryCapacityTests), shapes.
@Suite("Bad input")
struct BadInputTests {
    let model: TanhRNN
    init() throws { model = try TanhRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 1) }

    func expectArgument(_ argument: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an error naming \(argument)")
        } catch let error as MemoryProbeError {
            #expect(error.description.hasPrefix(argument + ":"), "\(error)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func delaysBeyondTheSequence() throws {
        let x = try ProbeInput.gaussian.sample(steps: 20, seed: 1)
        expectArgument("maxDelay") {
            _ = try MemoryCapacity.empirical(model: model, maxDelay: 50, options: EmpiricalCapacityOptions(steps: 50))
        }
        expectArgument("maxDelay") {
            _ = try MemoryCapacity.empirical(model: model, inputs: x, maxDelay: 20, washout: 20)
        }
        expectArgument("washout") { _ = try MemoryCapacity.empirical(model: model, inputs: x, maxDelay: 5, washout: 2) }
        expectArgument("maxLag") { _ = try ResponseCoefficients.compute(model: model, inputs: x, maxLag: 20) }
        expectArgument("burnIn") {
            _ = try ResponseCoefficients.compute(model: model, inputs: x, maxLag: 10, burnIn: 10)
        }
        expectArgument("maxDelay") {
            _ = try InformationProcessingCapacity.compute(
                model: model, maxDegree: 1, maxDelay: 30,
                options: InformationProcessingCapacityOptions(steps: 30))
        }
        expectArgument("maxDelay") { _ = try MemoryCapacity.empirical(model: model, maxDelay: -1) }
        let r = try ResponseCoefficients.compute(model: model, inputs: x, maxLag: 5)
        expectArgument("lags") { _ = try r.decay(lags: 2...6) }
    }

    @Test func degreesAndThresholds() throws {
        expectArgument("maxDegree") {
            _ = try InformationProcessingCapacity.compute(model: model, maxDegree: 0, maxDelay: 3)
        }
        expectArgument("maxDegree") {
            _ = try InformationProcessingCapacity.compute(model: model, maxDegree: -2, maxDelay: 3)
        }
        expectArgument("maxDegree") {
            _ = try InformationProcessingCapacity.compute(
                model: model, maxDegree: 6, maxDelay: 60, options: InformationProcessingCapacityOptions(steps: 100))
        }
        expectArgument("threshold") { _ = try CapacityThreshold.fixed(1.5).value(stateVariables: 3, samples: 10) }
        expectArgument("threshold") { _ = try MemoryHorizon(scores: [0.5], threshold: .nan) }
        expectArgument("tailProbability") {
            _ = try CapacityThreshold.chiSquared(tailProbability: 1, factor: 2).value(stateVariables: 3, samples: 10)
        }
        expectArgument("minimumRSquared") {
            _ = try DecayFit(
                magnitudes: [1, 0.5, 0.25, 0.125], lags: 1...3, criterion: DecayFit.Criterion(minimumRSquared: 2))
        }
        expectArgument("regularization") {
            _ = try MemoryCapacity.empirical(
                model: model, maxDelay: 2,
                options: EmpiricalCapacityOptions(steps: 300, regularization: .ridge(relative: -1)))
        }
    }

    @Test func inputsAndShapes() throws {
        expectArgument("phi") { _ = try ProbeInput.autoregressive(phi: 1).sample(steps: 10, seed: 1) }
        expectArgument("d") { _ = try ProbeInput.fractionallyIntegrated(d: 0.5).sample(steps: 10, seed: 1) }
        expectArgument("steps") { _ = try ProbeInput.gaussian.sample(steps: 0, seed: 1) }
        expectArgument("size") { _ = try LinearStateSpace.shiftRegister(size: 0) }
        expectArgument("input") {
            _ = try LinearStateSpace(transition: Matrix.identity(2), input: Matrix(rows: 3, columns: 1))
        }
        expectArgument("feature") {
            _ = try LinearStateSpace.shiftRegister(size: 3).memoryCapacity(maxDelay: 2, feature: 1)
        }
        // Gaussian inputs are outside the Legendre basis' domain.
        expectArgument("inputs") {
            _ = try InformationProcessingCapacity.compute(
                model: model, inputs: try ProbeInput.gaussian.sample(steps: 200, seed: 3), maxDegree: 2, maxDelay: 2,
                washout: 10)
        }
        let x = try ProbeInput.gaussian.sample(steps: 10, features: 2, seed: 1)
        expectArgument("inputs") { _ = try Connectivity.compute(model: model, inputs: x) }
        expectArgument("model") {
            _ = try AutonomousNetwork.simulate(
                model: try TanhRNN(inputSize: 2, hiddenSize: 2, outputSize: 1, seed: 1),
                noiseScale: 1, count: 10, seed: 1)
        }
        expectArgument("order") { _ = try ResidualMemory.autoregressiveFit([1, 2, 3], order: 0) }
    }

    /// An unstable linear network has no stationary covariance: the Stein solver's error passes through.
    @Test func unstableLinearNetwork() throws {
        let system = try LinearStateSpace(
            transition: 1.01 * Matrix.identity(2), input: Matrix(rows: 2, columns: 1, repeating: 1))
        #expect(throws: LinearAlgebraError.self) { try system.memoryCapacity(maxDelay: 3) }
    }
}

/// The input processes: moments, ranges and reproducibility.
@Suite("Probe inputs")
struct ProbeInputTests {
    @Test func momentsAndDeterminism() throws {
        let n = 20_000
        let u = try ProbeInput.uniform.sample(steps: n, seed: 1).values
        #expect(u.allSatisfy { $0 >= -1 && $0 <= 1 })
        #expect(abs(u.map { $0 * $0 }.reduce(0, +) / Double(n) - 1.0 / 3) < 0.01)
        let ar = try ProbeInput.autoregressive(phi: 0.7).sample(steps: n, seed: 2).values
        let lag1 = zip(ar, ar.dropFirst()).map { $0 * $1 }.reduce(0, +) / Double(n - 1)
        #expect(abs(lag1 - 0.7) < 0.05, "lag-1 covariance \(lag1)")
        let fi = try ProbeInput.fractionallyIntegrated(d: 0.3).sample(steps: 4096, batchSize: 2, seed: 3)
        let v = fi.values.map { $0 * $0 }.reduce(0, +) / Double(fi.values.count)
        #expect(abs(v - 1) < 0.3, "variance \(v)")
        #expect(try ProbeInput.fractionallyIntegrated(d: 0.3).sample(steps: 4096, batchSize: 2, seed: 3) == fi)
        // Sequences and features are independent streams.
        let two = try ProbeInput.gaussian.sample(steps: 5, batchSize: 2, features: 2, seed: 9)
        #expect(Set(two.values).count == 20)
    }
}
