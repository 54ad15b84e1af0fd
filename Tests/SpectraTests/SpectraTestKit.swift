import MemoryNumerics
import Recurrent
import _TestSupport

/// Fixed-seed data and small models for the Spectra tests.
enum SpectraTestKit {
    /// T × B × d batch of N(0, σ²) values from a fixed seed.
    static func batch(steps: Int, batchSize: Int, features: Int, seed: UInt64, sd: Double = 1) throws -> SequenceBatch {
        var rng = TestSupport.rng(seed)
        return try SequenceBatch(
            steps: steps, batchSize: batchSize, features: features,
            values: rng.gaussians(steps * batchSize * features).map { sd * $0 })
    }

    /// A group of a model's parameters as a matrix.
    static func matrix(_ model: any RecurrentModel, _ name: String) throws -> Matrix {
        let g = try model.parameterGroup(named: name)
        return try Matrix(rows: g.rows, columns: g.columns, columnMajor: model.parameterValues(of: g))
    }

    /// A one-layer tanh RNN whose W_hh is replaced by `w` (N × N) and whose other parameters come from `seed`.
    static func tanhRNN(recurrent w: Matrix, inputSize: Int, outputSize: Int, seed: UInt64, zeroBiases: Bool = false)
        throws -> TanhRNN
    {
        let base = try TanhRNN(inputSize: inputSize, hiddenSize: w.rows, outputSize: outputSize, seed: seed)
        var p = base.parameters
        let g = try base.parameterGroup(named: "layer0.W_hh")
        for (k, i) in g.range.enumerated() { p[i] = w.elements[k] }
        if zeroBiases {
            for group in base.parameterGroups where group.kind == .bias { for i in group.range { p[i] = 0 } }
        }
        return try TanhRNN(inputSize: inputSize, hiddenSize: w.rows, outputSize: outputSize, parameters: p)
    }

    /// max_i |a_i − b_i| / max(‖b‖_∞, tiny) for matrices.
    static func relativeError(_ a: Matrix, _ b: Matrix) -> Double {
        TestSupport.maxRelativeError(a.elements, b.elements)
    }

    /// Complex numbers sorted by (modulus, real, imaginary) for comparing spectra as multisets.
    static func sortedSpectrum(_ z: [Complex<Double>]) -> [Complex<Double>] {
        z.sorted { ($0.length, $0.real, $0.imaginary) < ($1.length, $1.real, $1.imaginary) }
    }
}
