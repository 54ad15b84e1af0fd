/// Tensor names of a PyTorch state dict holding a recurrent module and (optionally) an `nn.Linear` readout.
///
/// For a module `class Net(nn.Module): self.rnn = nn.LSTM(...); self.fc = nn.Linear(...)` the state dict keys are
/// `rnn.weight_ih_l0`, `rnn.weight_hh_l0`, `rnn.bias_ih_l0`, `rnn.bias_hh_l0`, … and `fc.weight`, `fc.bias`:
/// use `recurrentPrefix: "rnn.", readoutPrefix: "fc."`. The defaults (`""` and `"linear."`) match a bare recurrent
/// module's state dict merged with a readout saved as `linear.weight` / `linear.bias`. `readoutPrefix: nil` means
/// the file has no readout: the imported model reads out the top layer's h itself (C = I_N, c = 0, d_out = N).
public struct PyTorchNames: Sendable, Equatable {
    /// Prefix of the recurrent module's tensors (e.g. "rnn.").
    public var recurrentPrefix: String
    /// Prefix of the readout's `weight` and `bias` (e.g. "fc."), or nil for no readout.
    public var readoutPrefix: String?

    /// Names with these prefixes.
    public init(recurrentPrefix: String = "", readoutPrefix: String? = "linear.") {
        self.recurrentPrefix = recurrentPrefix
        self.readoutPrefix = readoutPrefix
    }

    /// `<recurrentPrefix>weight_ih_l<k>`.
    public func inputWeights(layer k: Int) -> String { "\(recurrentPrefix)weight_ih_l\(k)" }
    /// `<recurrentPrefix>weight_hh_l<k>`.
    public func recurrentWeights(layer k: Int) -> String { "\(recurrentPrefix)weight_hh_l\(k)" }
    /// `<recurrentPrefix>bias_ih_l<k>`.
    public func inputBias(layer k: Int) -> String { "\(recurrentPrefix)bias_ih_l\(k)" }
    /// `<recurrentPrefix>bias_hh_l<k>`.
    public func recurrentBias(layer k: Int) -> String { "\(recurrentPrefix)bias_hh_l\(k)" }
    /// `<readoutPrefix>weight`, or nil without a readout.
    public var readoutWeight: String? { readoutPrefix.map { "\($0)weight" } }
    /// `<readoutPrefix>bias`, or nil without a readout.
    public var readoutBias: String? { readoutPrefix.map { "\($0)bias" } }
}
