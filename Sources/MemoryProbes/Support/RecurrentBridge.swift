import MemoryNumerics
import Recurrent

/// The only file of MemoryProbes that names parameter groups of Recurrent's architectures or builds models from a
/// `ModelSpecification`; the rest of the module works through `RecurrentModel`'s public protocol
/// (forward passes, JVPs, gradients, step Jacobians), so that a restructuring of Recurrent is a one-file change.
enum RecurrentBridge {
    /// A parameter group of `model` as a matrix (rows × columns, column-major as stored).
    static func matrix(_ model: any RecurrentModel, group name: String) throws -> Matrix {
        let g = try model.parameterGroup(named: name)
        return try Matrix(rows: g.rows, columns: g.columns, columnMajor: model.parameterValues(of: g))
    }

    /// (W, U) = (W_hh, W_ih) of a one-layer vanilla tanh RNN (h_t = tanh(W h_{t−1} + U x_t + b)), or nil when the
    /// model is not one (other architectures, or stacked layers, for which the bound ‖U‖₂‖W‖₂^k is not stated).
    static func tanhRecurrence(_ model: any RecurrentModel) throws -> (recurrent: Matrix, input: Matrix)? {
        guard model is TanhRNN, model.layerCount == 1 else { return nil }
        return (try matrix(model, group: "layer0.W_hh"), try matrix(model, group: "layer0.W_ih"))
    }

    /// A fresh model of `specification` with the task's widths (d_in, d_out) from `seed`.
    static func makeModel(
        _ specification: ModelSpecification, inputSize: Int, outputSize: Int,
        seed: UInt64
    ) throws -> any RecurrentModel {
        var s = specification
        s.inputSize = inputSize
        s.outputSize = outputSize
        return try s.makeModel(seed: seed)
    }
}
