/// The eleven architectures of rnnmem. The raw values are the names used on the command line and in weights files
/// (metadata `architecture`), and ``description`` is the raw value, so `"\(model.architecture)"` prints `lstm`.
public enum Architecture: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Elman tanh RNN (``TanhRNN``), "rnn".
    case tanhRNN = "rnn"
    /// Long short-term memory (``LSTM``), "lstm".
    case lstm
    /// Gated recurrent unit (``GRU``), "gru".
    case gru
    /// Dense (optionally block-diagonal) linear RNN (``LinearRNN``), "linear".
    case linearRNN = "linear"
    /// Complex-diagonal linear RNN (``ComplexDiagonalRNN``), "cdiag".
    case complexDiagonalRNN = "cdiag"
    /// Linear recurrent unit (``LRU``), "lru".
    case lru
    /// Memory-augmented RNN with a dynamic fractional order (``MRNN``), "mrnn".
    case mrnn
    /// Memory-augmented RNN with a fixed fractional order (``MRNNF``), "mrnnf".
    case mrnnf
    /// Dual-track RNN with free filter weights (``MRNNW``), "mrnnw".
    case mrnnw
    /// Memory-augmented LSTM with a dynamic fractional order (``MLSTM``), "mlstm".
    case mlstm
    /// Memory-augmented LSTM with a fixed fractional order (``MLSTMF``), "mlstmf".
    case mlstmf

    /// The name used on the command line and in files (the raw value).
    public var description: String { rawValue }
}
