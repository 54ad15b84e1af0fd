/// The PyTorch recurrent modules rnnmem maps to its own models: `nn.RNN(nonlinearity="tanh")` → ``TanhRNN``,
/// `nn.LSTM` → ``LSTM``, `nn.GRU` → ``GRU`` (unidirectional, no `proj_size`, `batch_first` irrelevant).
public enum PyTorchArchitecture: String, Sendable, Equatable, CaseIterable {
    /// `nn.RNN` with `nonlinearity="tanh"` (``TanhRNN``).
    case rnn
    /// `nn.LSTM` (``LSTM``).
    case lstm
    /// `nn.GRU` (``GRU``).
    case gru

    /// Number G of N-row gate blocks in `weight_ih_lk` / `weight_hh_lk` (PyTorch order: LSTM i, f, g, o; GRU r, z, n).
    public var gateCount: Int {
        switch self {
        case .rnn: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// Human-readable module name for messages.
    public var moduleName: String {
        switch self {
        case .rnn: return "nn.RNN"
        case .lstm: return "nn.LSTM"
        case .gru: return "nn.GRU"
        }
    }
}
