import Foundation
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Validation target L10 (Zhao et al. 2020, Definition 3 / the response-coefficient bound):
/// for h_t = tanh(W h_{t−1} + U x_t + b), ∂h_t/∂x_{t−k} = diag(1 − h_t²) W ⋯ diag(1 − h_{t−k}²) U, so
/// ‖∂h_t/∂x_{t−k}‖₂ ≤ ‖U‖₂‖W‖₂^k on every trajectory (each tanh′ factor has norm ≤ 1).
@Suite("Tanh RNN response bound (L10)")
struct TanhRNNBoundTests {
    @Test("‖∂h_t/∂x_{t−k}‖₂ ≤ ‖U‖₂‖W‖₂^k on random trajectories, all t and k", arguments: [0.5, 1.0, 3.0])
    func responseBound(scale: Double) throws {
        var worstRatio = 0.0
        for seed in UInt64(1)...3 {
            let base = try TanhRNN(inputSize: 2, hiddenSize: 5, outputSize: 1, seed: seed)
            let model = try TanhRNN(
                inputSize: 2, hiddenSize: 5, outputSize: 1,
                parameters: base.parameters.map { scale * $0 * 2 })
            let w = try matrix(model, "layer0.W_hh"), u = try matrix(model, "layer0.W_ih")
            let nw = try LinearAlgebra.spectralNorm(w), nu = try LinearAlgebra.spectralNorm(u)
            let seq = try ModelDerivativeChecks.randomBatch(steps: 6, batchSize: 1, features: 2, seed: seed + 10)
            let jac = try model.stepJacobians(sequence: seq)
            for t in 1...6 {
                let ij = try jac.inputJacobians(at: t, maxLag: t - 1)
                for k in 0..<t {
                    let lhs = try LinearAlgebra.spectralNorm(ij.hidden[k])
                    let rhs = nu * Foundation.pow(nw, Double(k))
                    #expect(lhs <= rhs * (1 + 1e-12), "seed \(seed) t \(t) k \(k): \(lhs) > \(rhs)")
                    worstRatio = max(worstRatio, lhs / rhs)
                }
            }
        }
        #expect(worstRatio > 0.05, "bound never approached (ratio \(worstRatio)): Jacobians suspiciously small")
    }

    @Test("Near the origin the k = 0 bound is attained: ∂h_t/∂x_t → U")
    func boundTightAtOrigin() throws {
        let base = try TanhRNN(inputSize: 2, hiddenSize: 4, outputSize: 1, seed: 3)
        // Zero biases and tiny inputs keep every pre-activation ≈ 0, so tanh′ ≈ 1.
        var p = base.parameters
        for g in base.parameterGroups where g.kind == .bias { for i in g.range { p[i] = 0 } }
        let model = try TanhRNN(inputSize: 2, hiddenSize: 4, outputSize: 1, parameters: p)
        let seq = try SequenceBatch(
            steps: 3, batchSize: 1, features: 2, values: [1e-9, -2e-9, 3e-9, 1e-9, -1e-9, 2e-9])
        let ij = try model.inputJacobians(sequence: seq, at: 3, maxLag: 2)
        let u = try matrix(model, "layer0.W_ih"), w = try matrix(model, "layer0.W_hh")
        #expect(TestSupport.maxAbsError(ij.hidden[0].elements, u.elements) < 1e-12)
        #expect(TestSupport.maxAbsError(ij.hidden[2].elements, (w * w * u).elements) < 1e-12)
        // Output Jacobian: C ∂h_t/∂x_{t−k}.
        let c = try matrix(model, "readout.C")
        #expect(TestSupport.maxAbsError(ij.output[1].elements, (c * w * u).elements) < 1e-12)
    }

    func matrix(_ m: TanhRNN, _ name: String) throws -> Matrix {
        let g = try m.parameterGroup(named: name)
        return try Matrix(rows: g.rows, columns: g.columns, columnMajor: m.parameterValues(of: g))
    }
}
