/// A tanh RNN, LSTM or GRU whose passes run the **generic** kernels only (``GateKernels/generic``: element-by-element
/// `A.Scalar` arithmetic with `FastMath`/``DualNumber`` nonlinearities, products by the algebra's BLAS `gemm`)
/// — the source of truth that the vectorised fast path of the models themselves is tested against (losses,
/// gradients, HVPs agree to rounding). Everything else (parameters, layout, states) is the wrapped model's.
///
/// Test support, exposed as SPI: `@_spi(KernelReference) import Recurrent`.
@_spi(KernelReference)
public struct GenericKernelGatedModel: RecurrentModel {
    enum Base: Sendable {
        case rnn(TanhRNN)
        case lstm(LSTM)
        case gru(GRU)
    }

    var base: Base

    public init(_ model: TanhRNN) { base = .rnn(model) }
    public init(_ model: LSTM) { base = .lstm(model) }
    public init(_ model: GRU) { base = .gru(model) }

    private var model: any RecurrentModel {
        switch base {
        case let .rnn(m): return m
        case let .lstm(m): return m
        case let .gru(m): return m
        }
    }

    public var architecture: Architecture { model.architecture }
    public var inputSize: Int { model.inputSize }
    public var hiddenSize: Int { model.hiddenSize }
    public var outputSize: Int { model.outputSize }
    public var layerCount: Int { model.layerCount }
    public var parameters: [Double] { model.parameters }
    public var parameterGroups: [ParameterGroup] { model.parameterGroups }
    public var stateLayouts: [StateLayout] { model.stateLayouts }

    public mutating func setParameters(_ values: [Double]) throws {
        switch base {
        case var .rnn(m):
            try m.setParameters(values)
            base = .rnn(m)
        case var .lstm(m):
            try m.setParameters(values)
            base = .lstm(m)
        case var .gru(m):
            try m.setParameters(values)
            base = .gru(m)
        }
    }

    public func forward(_ pass: ForwardPass<RealAlgebra>) { genericForward(pass) }
    public func forward(_ pass: ForwardPass<DualAlgebra>) { genericForward(pass) }
    public func backward(_ pass: BackwardPass<RealAlgebra>) { genericBackward(pass) }
    public func backward(_ pass: BackwardPass<DualAlgebra>) { genericBackward(pass) }

    private func genericForward<A: RecurrentAlgebra>(_ pass: ForwardPass<A>) {
        switch base {
        case let .rnn(m): m.stackedForward(pass, kernels: .generic)
        case let .lstm(m): m.stackedForward(pass, kernels: .generic)
        case let .gru(m): m.stackedForward(pass, kernels: .generic)
        }
    }

    private func genericBackward<A: RecurrentAlgebra>(_ pass: BackwardPass<A>) {
        switch base {
        case let .rnn(m): m.stackedBackward(pass, kernels: .generic)
        case let .lstm(m): m.stackedBackward(pass, kernels: .generic)
        case let .gru(m): m.stackedBackward(pass, kernels: .generic)
        }
    }
}
