import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

@Suite("Eigenvector localisation and Adam's effective learning rates")
struct LocalizationAndAdamTests {
    static let groups = ParameterGroup.layout([
        (name: "a", shape: [2, 2], kind: .recurrent), (name: "b", shape: [4], kind: .input),
        (name: "c", shape: [2], kind: .bias),
    ])

    /// Closed forms: a vector spread evenly over group a, one supported on a single coordinate, and a uniform vector.
    @Test func localizationClosedForms() throws {
        var m = Matrix(rows: 10, columns: 3)
        for i in 0..<4 { m[i, 0] = 1 }  // evenly over a
        m[5, 1] = -3  // one coordinate of b
        for i in 0..<10 { m[i, 2] = 2 }  // uniform
        let loc = try EigenvectorLocalization(vectors: m, groups: Self.groups)
        #expect(loc.groupNames == ["a", "b", "c"])
        let even = loc.vectors[0], spike = loc.vectors[1], uniform = loc.vectors[2]
        #expect(abs(even.inverseParticipationRatio - 0.25) < 1e-15 && abs(even.participationRatio - 4) < 1e-12)
        #expect(even.groupShares == [1, 0, 0])
        #expect(
            abs(even.groupInverseParticipationRatios[0] - 0.25) < 1e-15 && even.groupInverseParticipationRatios[1] == 0)
        #expect(abs(even.groupEnrichments[0] - 2.5) < 1e-15)
        #expect(spike.inverseParticipationRatio == 1 && spike.groupShares == [0, 1, 0])
        #expect(spike.groupInverseParticipationRatios[1] == 1)
        #expect(abs(uniform.inverseParticipationRatio - 0.1) < 1e-15)
        #expect(TestSupport.maxAbsError(uniform.groupShares, [0.4, 0.4, 0.2]) < 1e-15)
        #expect(TestSupport.maxAbsError(uniform.groupEnrichments, [1, 1, 1]) < 1e-14)
        #expect(loc.shareTable.count == 3)
        let overlapping = ParameterGroup.layout([
            (name: "x", shape: [6], kind: .other), (name: "y", shape: [3], kind: .other),
        ])
        #expect(throws: SpectraError.self) { try EigenvectorLocalization(vectors: m, groups: overlapping) }
        #expect(throws: SpectraError.self) {
            try EigenvectorLocalization(vectors: Matrix(rows: 10, columns: 1), groups: Self.groups)
        }
    }

    /// Top Hessian eigenvectors of a network: shares over the model's groups sum to 1 and IPR ∈ [1/P, 1].
    @Test func hessianEigenvectorShares() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 2)
        let x = try SpectraTestKit.batch(steps: 8, batchSize: 4, features: 1, seed: 3)
        let y = try SpectraTestKit.batch(steps: 8, batchSize: 4, features: 1, seed: 4)
        let op = try CurvatureOperator(.hessian, model: model, dataset: try CurvatureDataset(inputs: x, targets: y))
        let top = try Lanczos.extremeEigenpairs(of: op, top: 3)
        let loc = try EigenvectorLocalization(vectors: top.top.vectors, groups: model.parameterGroups)
        for v in loc.vectors {
            #expect(abs(v.groupShares.reduce(0, +) - 1) < 1e-12)
            #expect(
                v.inverseParticipationRatio >= 1 / Double(model.parameterCount) - 1e-15
                    && v.inverseParticipationRatio <= 1)
        }
    }

    /// η_i = lr/(√(V_i/(1 − β₂ᵗ)) + ε) from a real Adam state after 5 updates, with per-group summaries.
    @Test func adamRates() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 5)
        var adam = try Adam(beta1: 0.9, beta2: 0.99, epsilon: 1e-8)
        var theta = model.parameters
        var rng = TestSupport.rng(6)
        for _ in 0..<5 { try adam.update(&theta, gradient: rng.gaussians(theta.count), learningRate: 1e-2) }
        let rates = try AdamEffectiveLearningRates(adam: adam, learningRate: 1e-2, groups: model.parameterGroups)
        let correction = 1 - Foundation_pow(0.99, 5)
        for i in theta.indices {
            let expected = 1e-2 / ((adam.secondMoment[i] / correction).squareRoot() + 1e-8)
            #expect(abs(rates.rates[i] - expected) <= 1e-14 * expected)
        }
        for (summary, group) in zip(rates.groups, model.parameterGroups) {
            let r = Array(rates.rates[group.range])
            #expect(summary.name == group.name && summary.count == group.count)
            #expect(abs(summary.mean - r.reduce(0, +) / Double(r.count)) < 1e-15)
            #expect(summary.minimum == r.min()! && summary.maximum == r.max()!)
            #expect(summary.minimum <= summary.median && summary.median <= summary.maximum)
            #expect(
                summary.minimum <= summary.geometricMean * (1 + 1e-14)
                    && summary.geometricMean <= summary.mean * (1 + 1e-14))
        }
        #expect(throws: SpectraError.self) {
            try AdamEffectiveLearningRates(adam: try Adam(), learningRate: 1e-2, groups: model.parameterGroups)
        }
        #expect(throws: SpectraError.self) {
            try AdamEffectiveLearningRates(
                secondMoment: [0, 1], stepCount: 1, beta2: 0.9, epsilon: 0, learningRate: 1, groups: [])
        }
    }
}

/// x^p by repeated multiplication.
func Foundation_pow(_ x: Double, _ p: Int) -> Double {
    var r = 1.0
    for _ in 0..<p { r *= x }
    return r
}
