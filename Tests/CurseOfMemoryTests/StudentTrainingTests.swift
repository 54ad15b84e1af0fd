@testable import CurseOfMemory
import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

/// The trained-network side of the curse of memory: ``StudentTraining`` is the engine's trainer update for update,
/// and its effective learning rates are Adam's η/(√V̂ + ε).
@Suite("Student training and Adam's effective learning rates")
struct StudentTrainingTests {
    static func task(_ nu0: Double) throws -> LinearSystemIdentificationTask {
        try LinearSystemIdentificationTask(
            configuration: LinearSystemIdentificationConfiguration(
                teacherSize: 4, minimumModulus: nu0, sequenceLength: 30, batchSize: 4, evaluationBatchSize: 8),
            seed: 11)
    }

    static func student(_ a: Architecture, _ nu0: Double) throws -> any RecurrentModel {
        try ModelSpecification(architecture: a, inputSize: 1, hiddenSize: 6, outputSize: 1)
            .protocolInitialization(for: .linearSystemIdentification(teacherSize: 4, minimumModulus: nu0))
            .makeModel(seed: 3)
    }

    @Test(
        "Same parameters as the engine's Trainer, bit for bit (dense, complex-diagonal, LRU; warm-up–cosine schedule)",
        arguments: [Architecture.linearRNN, .complexDiagonalRNN, .lru])
    func sameAsTrainer(_ architecture: Architecture) throws {
        let task = try Self.task(0.9)
        let model = try Self.student(architecture, 0.9)
        let steps = 25, lr = 3e-3
        let ours = try StudentTraining.run(
            model: model, task: task, configuration: .init(steps: steps, learningRate: lr, seed: 5))
        let config = TrainingConfiguration.zucchetOrvieto(
            steps: steps, learningRate: lr, seed: 5, validationInterval: steps)
        let reference = try Training.run(model: model, task: task, configuration: config)
        #expect(ours.model.parameters == reference.model.parameters)
        #expect(ours.trainingLosses == reference.history.records.map(\.trainingLoss))
        #expect(ours.testLoss == reference.summary.testLoss)
        #expect(!ours.diverged && ours.steps == steps)
        let window = ours.trainingLosses.suffix(max(1, steps / 10))
        #expect(ours.finalTrainingLoss == window.reduce(0, +) / Double(window.count))
    }

    @Test(
        "Effective learning rates = η/(√(V/(1 − β₂ᵗ)) + ε) from an independent replay of Adam's second moment (rel 1e-12), summarised per group (geometric mean, min, max)"
    )
    func effectiveRates() throws {
        let task = try Self.task(0.5)
        let model = try Self.student(.linearRNN, 0.5)
        let steps = 12, lr = 1e-3
        let r = try StudentTraining.run(
            model: model, task: task,
            configuration: .init(steps: steps, learningRate: lr, seed: 2, schedule: .constant(learningRate: lr)))
        // Replay: the same batches and gradients, V accumulated by hand.
        var m = model
        var rng = SeededRandom(seed: 2)
        var v = [Double](repeating: 0, count: m.parameterCount)
        var adam = try Adam()
        for k in 0..<steps {
            let batch = try task.trainingBatch(step: k, using: &rng)
            let (_, g) = try m.lossAndGradient(on: batch)
            for i in v.indices { v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i] }
            var p = m.parameters
            try adam.update(&p, gradient: g, learningRate: lr)
            try m.setParameters(p)
        }
        let correction = 1 - Double.pow(0.999, Double(steps))
        let expected = v.map { lr / (($0 / correction).squareRoot() + 1e-8) }
        let effective = try #require(r.effectiveLearningRates)
        #expect(TestSupport.maxRelativeError(effective.rates, expected) < 1e-12)
        for (g, group) in zip(effective.groups, m.parameterGroups) {
            #expect(g.name == group.name)
            let values = Array(expected[group.range])
            let geometric = Double.pow(10, values.map { Double.log10($0) }.reduce(0, +) / Double(values.count))
            #expect(TestSupport.relativeError(g.geometricMean, geometric) < 1e-12, "\(g.name)")
            #expect(TestSupport.relativeError(g.minimum, values.min() ?? 0) < 1e-12)
            #expect(TestSupport.relativeError(g.maximum, values.max() ?? 0) < 1e-12)
        }
        // The recurrent parameters of a dense network are its A alone.
        let a = try #require(effective.groups.first { $0.name == "layer0.A" })
        let overall = try #require(r.recurrentEffectiveLearningRate)
        #expect(TestSupport.relativeError(overall, a.geometricMean) < 1e-12)
    }

    @Test("A run that blows up stops as diverged, with no final losses and no error")
    func divergence() throws {
        let task = try Self.task(0.99)
        let r = try StudentTraining.run(
            model: try Self.student(.linearRNN, 0.99), task: task,
            configuration: .init(
                steps: 200, learningRate: 1e30, seed: 1,
                schedule: .constant(learningRate: 1e30)))
        #expect(r.diverged)
        #expect(r.finalTrainingLoss == nil && r.testLoss == nil)
        #expect(r.steps < 200)
        #expect(r.effectiveLearningRates?.rates.allSatisfy { $0.isFinite } ?? true)
    }

    @Test(
        "Protocol initialisation of the students (as `train --task lsi` builds them): LRU and complex-diagonal moduli on the ring [ν₀, 1), phases within ±3.14; the dense student's eigenvalue moduli tanh|l| < 1"
    )
    func protocolInitialization() throws {
        for nu0 in [0.36, 0.95] {
            for a in [Architecture.lru, .complexDiagonalRNN] {
                let m = try Self.student(a, nu0)
                let lambdas =
                    a == .lru
                    ? try (m as? LRU)?.eigenvalues() ?? [] : try (m as? ComplexDiagonalRNN)?.eigenvalues() ?? []
                #expect(lambdas.count == 6)
                for l in lambdas {
                    #expect(l.length >= nu0 - 1e-12 && l.length < 1, "\(a) ν₀ = \(nu0): |λ| = \(l.length)")
                    let phase = abs(Double.atan2(y: l.imaginary, x: l.real))
                    #expect(phase <= 3.14 + 1e-12, "\(a): phase \(phase)")
                }
            }
            let dense = try #require(try Self.student(.linearRNN, nu0) as? LinearRNN)
            let moduli = try LinearAlgebra.eigenvalues(dense.recurrentMatrix(layer: 0)).map(\.length)
            #expect(moduli.allSatisfy { $0 < 1 } && moduli.contains { $0 < nu0 }, "dense moduli \(moduli)")
        }
    }

    @Test("Bad input: zero steps, a zero final window")
    func badInput() throws {
        let task = try Self.task(0.5)
        let model = try Self.student(.lru, 0.5)
        #expect(throws: CurseOfMemoryError.self) {
            try StudentTraining.run(
                model: model, task: task, configuration: .init(steps: 0, learningRate: 1e-3, seed: 0))
        }
        #expect(throws: CurseOfMemoryError.self) {
            try StudentTraining.run(
                model: model, task: task,
                configuration: .init(steps: 3, learningRate: 1e-3, seed: 0, finalWindow: 0))
        }
    }
}
