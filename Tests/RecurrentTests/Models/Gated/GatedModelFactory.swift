import MemoryNumerics
import Recurrent

/// The three PyTorch-style architectures, for parameterised tests.
enum GatedArchitecture: String, CaseIterable, Sendable, CustomStringConvertible {
    case rnn, lstm, gru

    var description: String { rawValue }

    func make(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int, seed: UInt64) throws -> any RecurrentModel
    {
        switch self {
        case .rnn:
            return try TanhRNN(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers, seed: seed)
        case .lstm:
            return try LSTM(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers, seed: seed)
        case .gru:
            return try GRU(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers, seed: seed)
        }
    }

    func make(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int, parameters: [Double]) throws
        -> any RecurrentModel
    {
        switch self {
        case .rnn:
            return try TanhRNN(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers,
                parameters: parameters)
        case .lstm:
            return try LSTM(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers,
                parameters: parameters)
        case .gru:
            return try GRU(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers,
                parameters: parameters)
        }
    }

    var gateCount: Int {
        switch self {
        case .rnn: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }
}

/// A small fixed problem: d_in = 2, N = 4, d_out = 3, two layers, T = 5, B = 2.
struct SmallProblem {
    let model: any RecurrentModel
    let inputs: SequenceBatch
    let targets: SequenceBatch

    init(_ arch: GatedArchitecture, layers: Int = 2, seed: UInt64 = 11) throws {
        // Parameters scaled up (×2.5 the PyTorch init) so the gates leave their linear regime and every
        // second-derivative term is exercised.
        let base = try arch.make(inputSize: 2, hiddenSize: 4, outputSize: 3, layers: layers, seed: seed)
        model = try arch.make(
            inputSize: 2, hiddenSize: 4, outputSize: 3, layers: layers,
            parameters: base.parameters.map { 2.5 * $0 })
        inputs = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 2, features: 2, seed: seed + 1)
        targets = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 2, features: 3, seed: seed + 2)
    }
}
