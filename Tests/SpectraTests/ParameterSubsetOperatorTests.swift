import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

@Suite("Curvature restricted to parameter groups")
struct ParameterSubsetOperatorTests {
    /// The restriction to some groups is the principal submatrix of the dense Hessian (rel 1e-12), its groups are
    /// renumbered in layout order, its eigenvalues interlace the full ones, and the embedding puts a vector back in
    /// place.
    @Test func principalSubmatrix() throws {
        let model = try LSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 3)
        let x = try SpectraTestKit.batch(steps: 6, batchSize: 3, features: 1, seed: 4)
        let y = try SpectraTestKit.batch(steps: 6, batchSize: 3, features: 1, seed: 5)
        let op = try CurvatureOperator(.hessian, model: model, dataset: try CurvatureDataset(inputs: x, targets: y))
        let full = try op.denseMatrix().symmetrized
        let sub = try ParameterSubsetOperator(
            op, layout: model.parameterGroups, selected: ["readout.C", "layer0.W_hh"])
        let wHH = try model.parameterGroup(named: "layer0.W_hh"), c = try model.parameterGroup(named: "readout.C")
        #expect(sub.indices == Array(wHH.range) + Array(c.range))
        #expect(sub.groups.map(\.name) == ["layer0.W_hh", "readout.C"])
        #expect(sub.groups.map(\.range) == [0..<wHH.count, wHH.count..<(wHH.count + c.count)])
        let dense = try sub.denseMatrix().symmetrized
        var expected = Matrix(rows: sub.dimension, columns: sub.dimension)
        for (a, i) in sub.indices.enumerated() {
            for (b, j) in sub.indices.enumerated() { expected[a, b] = full[i, j] }
        }
        #expect(SpectraTestKit.relativeError(dense, expected) < 1e-12)
        let lambda = try LinearAlgebra.symmetricEigen(full).values, mu = try LinearAlgebra.symmetricEigen(dense).values
        let slack = 1e-12 * max(abs(lambda.first ?? 1), abs(lambda.last ?? 1))
        #expect((mu.first ?? 0) >= (lambda.first ?? 0) - slack && (mu.last ?? 0) <= (lambda.last ?? 0) + slack)
        let e = sub.embedded((0..<sub.dimension).map(Double.init))
        #expect(e[wHH.range.lowerBound + 1] == 1 && e.filter { $0 != 0 }.count == sub.dimension - 1)
    }

    /// Unknown, repeated or no groups are refused, naming the group.
    @Test func badGroups() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1)
        let x = try SpectraTestKit.batch(steps: 3, batchSize: 2, features: 1, seed: 2)
        let op = try CurvatureOperator(.gaussNewton, model: model, dataset: try CurvatureDataset(inputs: x, targets: x))
        #expect(throws: SpectraError.self) {
            try ParameterSubsetOperator(op, layout: model.parameterGroups, selected: [])
        }
        #expect(throws: SpectraError.self) {
            try ParameterSubsetOperator(op, layout: model.parameterGroups, selected: ["layer0.W_hh", "layer0.W_hh"])
        }
        do {
            _ = try ParameterSubsetOperator(op, layout: model.parameterGroups, selected: ["layer0.W_xx"])
            Issue.record("an unknown group was accepted")
        } catch let error as SpectraError {
            #expect(error.description.contains("layer0.W_xx") && error.description.contains("layer0.W_hh"))
        }
    }
}
