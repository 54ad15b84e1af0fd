/// Options of ``PyTorchImport``.
public struct PyTorchImportOptions: Sendable, Equatable {
    /// The tensor names of the state dict.
    public var names: PyTorchNames
    /// Treat absent bias tensors as zeros (modules built with `bias=False`). Default false: a missing bias is an
    /// error, since it usually means wrong names.
    public var missingBiasesAreZero: Bool

    /// Options (defaults: no prefix, readout `linear.`, biases required).
    public init(names: PyTorchNames = PyTorchNames(), missingBiasesAreZero: Bool = false) {
        self.names = names
        self.missingBiasesAreZero = missingBiasesAreZero
    }
}
