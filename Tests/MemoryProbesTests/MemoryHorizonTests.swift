import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// The memory horizon k*(θ) = max{k : score_k ≥ θ} and the delayed-recall cell (Illium et al. 2022).
@Suite("Memory horizon")
struct MemoryHorizonTests {
    @Test func definitionAndRules() throws {
        let scores = [1.0, 0.95, 0.7, 0.2, 0.6, 0.1]
        #expect(try MemoryHorizon(scores: scores, threshold: 0.5).horizon == 4)
        #expect(try MemoryHorizon(scores: scores, threshold: 0.5, rule: .contiguous).horizon == 2)
        #expect(try MemoryHorizon(scores: scores, threshold: 0.99).horizon == 0)
        #expect(try MemoryHorizon(scores: scores, threshold: 1).horizon == 0)
        #expect(try MemoryHorizon(scores: [0.2, 0.1], threshold: 0.5).horizon == nil)
        #expect(try MemoryHorizon(scores: [0.9, 0.8], delays: [3, 10], threshold: 0.85).horizon == 3)
        // The shift register's capacity has horizon N − 1 at any θ ∈ (0, 1].
        let mc = try LinearStateSpace.shiftRegister(size: 5).memoryCapacity(maxDelay: 9)
        #expect(try mc.horizon(threshold: 0.5).horizon == 4)
    }

    /// k* equal to the largest delay scored is a lower bound (k* ≥ K), flagged; below it, or with no horizon, not.
    @Test func censoredAtTheLargestDelay() throws {
        let scores = [1.0, 0.95, 0.7, 0.2, 0.6, 0.1]
        #expect(try !MemoryHorizon(scores: scores, threshold: 0.5).isCensored)
        #expect(try MemoryHorizon(scores: scores, threshold: 0.05).isCensored)
        #expect(try MemoryHorizon(scores: scores, threshold: 0.05).horizon == 5)
        // The contiguous rule is censored only when every delay reaches θ.
        #expect(try MemoryHorizon(scores: scores, threshold: 0.05, rule: .contiguous).isCensored)
        #expect(try !MemoryHorizon(scores: scores, threshold: 0.15, rule: .contiguous).isCensored)
        #expect(try MemoryHorizon(scores: [0.9, 0.8], delays: [3, 10], threshold: 0.5, rule: .contiguous).isCensored)
        #expect(try !MemoryHorizon(scores: [0.2, 0.1], threshold: 0.5).isCensored)
        // A shift register of size 5 scored to delay 3 holds every delay: k* = 3 is censored; to delay 9 it is not.
        let register = try LinearStateSpace.shiftRegister(size: 5)
        let short = try register.memoryCapacity(maxDelay: 3).horizon(threshold: 0.5)
        #expect(short.horizon == 3 && short.isCensored)
        #expect(try !register.memoryCapacity(maxDelay: 9).horizon(threshold: 0.5).isCensored)
    }

    @Test func badThresholdsAndDelays() {
        #expect(throws: MemoryProbeError.invalidArgument(argument: "threshold", message: "must lie in [0, 1], got 1.5"))
        {
            try MemoryHorizon(scores: [1], threshold: 1.5)
        }
        #expect(
            throws: MemoryProbeError.invalidArgument(argument: "threshold", message: "must lie in [0, 1], got -0.1")
        ) {
            try MemoryHorizon(scores: [1], threshold: -0.1)
        }
        #expect(throws: MemoryProbeError.self) { try MemoryHorizon(scores: [1, 0.5], delays: [2, 1], threshold: 0.5) }
        #expect(throws: MemoryProbeError.self) { try MemoryHorizon(scores: [.nan], threshold: 0.5) }
    }

    /// One cheap cell (tanh RNN, N = 8, T = 30, 150 Adam updates of batch 16): recalls x_{t−1} (R² > 0.9) but not
    /// x_{t−20} (R² < 0.3); the horizon at θ = 0.5 is 1. The same configuration gives the same bytes.
    @Test func recallCellScoresAndDeterminism() throws {
        let spec = try ModelSpecification(architecture: .tanhRNN, inputSize: 1, hiddenSize: 8, outputSize: 1)
        let configuration = RecallExperimentConfiguration(
            model: spec, delays: [1, 20], sequenceLength: 30, batchSize: 16, evaluationBatchSize: 64, steps: 150,
            learningRate: 1e-2, modelSeed: 1, taskSeed: 2, trainingSeed: 3)
        let result = try RecallExperiment.run(configuration)
        #expect(result.scores.map(\.delay) == [1, 20])
        #expect(result.scores[0].rSquared > 0.9, "\(result.scores)")
        #expect(result.scores[1].rSquared < 0.3, "\(result.scores)")
        #expect(try result.horizon(threshold: 0.5).horizon == 1)
        #expect(result.scores.allSatisfy { $0.memorylessRSquared == ($0.delay == 0 ? 1 : 0) })
        var small = configuration
        small.delays = [2]
        small.steps = 20
        let a = try RecallExperiment.run(small), b = try RecallExperiment.run(small)
        #expect(a.scores[0].rSquared.bitPattern == b.scores[0].rSquared.bitPattern)
    }

    /// The memoryless predictor ρ^k x_t reaches R² = ρ^{2k}: 1 at k = 0 for every ρ (including i.i.d. inputs, where
    /// 0⁰ must not become NaN), ρ^{2k} beyond.
    @Test func memorylessLevel() throws {
        let spec = try ModelSpecification(architecture: .gru, inputSize: 1, hiddenSize: 2, outputSize: 1)
        for rho in [0.0, 0.6] {
            let configuration = RecallExperimentConfiguration(
                model: spec, delays: [0, 2], joint: true, correlation: rho, sequenceLength: 6, batchSize: 4,
                evaluationBatchSize: 4, steps: 1)
            let scores = try RecallExperiment.run(configuration).scores
            #expect(scores.map(\.memorylessRSquared) == [1, rho == 0 ? 0 : Double.pow(rho * rho, 2)])
        }
    }

    @Test func recallConfigurationErrors() throws {
        let spec = try ModelSpecification(architecture: .gru, inputSize: 1, hiddenSize: 2, outputSize: 1)
        #expect(
            throws: MemoryProbeError.invalidArgument(
                argument: "sequenceLength", message: "must exceed the largest delay 12, got 12")
        ) {
            try RecallExperiment.run(RecallExperimentConfiguration(model: spec, delays: [12], sequenceLength: 12))
        }
        #expect(throws: MemoryProbeError.self) {
            try RecallExperiment.run(RecallExperimentConfiguration(model: spec, delays: [-1]))
        }
        #expect(throws: MemoryProbeError.self) {
            try RecallExperiment.run(RecallExperimentConfiguration(model: spec, delays: [1], correlation: 1))
        }
    }
}
