import ArgumentParser
import RNNMemory

/// `--model rnn|lstm|gru|linear|cdiag|lru|mrnn|mrnnf|mrnnw|mlstm|mlstmf`: an architecture under its command-line name
/// (the library's ``Architecture`` raw value). With `--pytorch` only rnn, lstm and gru are valid.
enum ModelArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case rnn, lstm, gru, linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm, mlstmf

    /// The library's architecture of the same name.
    var architecture: Architecture {
        switch self {
        case .rnn: return .tanhRNN
        case .lstm: return .lstm
        case .gru: return .gru
        case .linear: return .linearRNN
        case .cdiag: return .complexDiagonalRNN
        case .lru: return .lru
        case .mrnn: return .mrnn
        case .mrnnf: return .mrnnf
        case .mrnnw: return .mrnnw
        case .mlstm: return .mlstm
        case .mlstmf: return .mlstmf
        }
    }

    /// The PyTorch module of rnn, lstm and gru (nil for the architectures PyTorch does not have).
    var pytorchArchitecture: PyTorchArchitecture? { PyTorchArchitecture(rawValue: rawValue) }

    /// "linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm and mlstmf": the architectures without a PyTorch module.
    static let withoutPyTorchCounterpart = "linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm and mlstmf"
}
