import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// The engine's gradients and Hessian-vector products against an independent implementation: PyTorch's float64
/// autograd on the CPU (the HVP by double backward), recorded by scripts/make_torch_derivative_fixtures.py in
/// Tests/RecurrentTests/Fixtures/deriv_*.safetensors (torch 2.13.0, see each file's metadata). The direction,
/// gradient and HVP are stored as state dicts under the prefixes `direction.`, `gradient.` and `hvp.`, so the
/// PyTorch import maps them to rnnmem's parameter layout exactly as it maps the weights.
@Suite("Derivatives against PyTorch autograd")
struct PyTorchDerivativeReferenceTests {
    static let fixtures: [(name: String, architecture: PyTorchArchitecture)] = [
        ("deriv_rnn_l1", .rnn), ("deriv_rnn_l2", .rnn), ("deriv_lstm_l1", .lstm), ("deriv_lstm_l2", .lstm),
        ("deriv_gru_l1", .gru), ("deriv_gru_l2", .gru),
    ]

    /// The vector stored under `prefix` in rnnmem's parameter layout.
    static func vector(_ file: SafetensorsFile, _ architecture: PyTorchArchitecture, prefix: String) throws -> [Double]
    {
        let names = PyTorchNames(recurrentPrefix: prefix, readoutPrefix: prefix + "linear.")
        return try PyTorchImport.model(
            from: file, architecture: architecture,
            options: PyTorchImportOptions(names: names)
        ).parameters
    }

    @Test(
        "loss, BPTT gradient and exact HVP = torch.autograd (float64) to rel 1e-12, every parameter group",
        arguments: fixtures.map(\.name))
    func agreesWithTorch(_ name: String) throws {
        let architecture = try #require(Self.fixtures.first { $0.name == name }).architecture
        let file = try torchFixture(name)
        #expect(file.metadata["generator"]?.hasPrefix("torch 2.13.0") == true)
        let model = try PyTorchImport.model(from: file, architecture: architecture)
        let batch = try SequenceData(file: file, requireTargets: true).taskBatch(loss: MeanSquaredError())
        let v = try Self.vector(file, architecture, prefix: "direction.")
        let gradient = try Self.vector(file, architecture, prefix: "gradient.")
        let product = try Self.vector(file, architecture, prefix: "hvp.")
        let loss = try #require(file.tensors["loss"]).values[0]

        let (l, g) = try model.lossAndGradient(on: batch)
        let hvp = try model.hessianVectorProduct(on: batch, direction: v)
        #expect(TestSupport.relativeError(l, loss) < 1e-12, "loss \(l) vs torch \(loss)")
        #expect(TestSupport.relativeError(hvp.loss, loss) < 1e-12)
        for group in model.parameterGroups {
            let eg = DerivativeCheck.relativeError(Array(g[group.range]), Array(gradient[group.range]))
            let eh = DerivativeCheck.relativeError(Array(hvp.product[group.range]), Array(product[group.range]))
            #expect(eg < 1e-12, "\(name) gradient \(group.name): \(eg)")
            #expect(eh < 1e-12, "\(name) HVP \(group.name): \(eh)")
        }
        #expect(DerivativeCheck.relativeError(g, gradient) < 1e-13)
        #expect(DerivativeCheck.relativeError(hvp.product, product) < 1e-13)
    }
}
