import MemoryNumerics
@_spi(KernelReference) import Recurrent
import Testing
import _TestSupport

/// The vectorised fast path of the tanh RNN, LSTM and GRU (``VectorMath`` products, σ/tanh and fused cell steps
/// in C) against the generic passes it is derived from (`GenericKernelGatedModel`: element-by-element Swift with
/// `FastMath`/`DualNumber`, BLAS products). The two differ only by rounding — σ/tanh within 2 ulp of each other's
/// reference, products in another summation order — so values, gradients, JVPs and HVPs must agree to a relative
/// 1e-12 (norm-wise), on a problem whose sizes exercise every tail: N = 13 (not a multiple of 4 or 8), two
/// layers, d_in = 3, d_out = 2, B = 5, and parameters ×2.5 the PyTorch init so the gates saturate partly.
@Suite("Stacked gated models: vectorised fast path = generic passes")
struct StackedGatedFastPathTests {
    struct Problem {
        let fast: any RecurrentModel
        let generic: GenericKernelGatedModel
        let inputs: SequenceBatch
        let targets: SequenceBatch

        init(_ arch: GatedArchitecture) throws {
            let base = try arch.make(inputSize: 3, hiddenSize: 13, outputSize: 2, layers: 2, seed: 41)
            let scaled = base.parameters.map { 2.5 * $0 }
            switch arch {
            case .rnn:
                let m = try TanhRNN(inputSize: 3, hiddenSize: 13, outputSize: 2, layers: 2, parameters: scaled)
                (fast, generic) = (m, GenericKernelGatedModel(m))
            case .lstm:
                let m = try LSTM(inputSize: 3, hiddenSize: 13, outputSize: 2, layers: 2, parameters: scaled)
                (fast, generic) = (m, GenericKernelGatedModel(m))
            case .gru:
                let m = try GRU(inputSize: 3, hiddenSize: 13, outputSize: 2, layers: 2, parameters: scaled)
                (fast, generic) = (m, GenericKernelGatedModel(m))
            }
            inputs = try ModelDerivativeChecks.randomBatch(steps: 7, batchSize: 5, features: 3, seed: 42)
            targets = try ModelDerivativeChecks.randomBatch(steps: 7, batchSize: 5, features: 2, seed: 43)
        }
    }

    /// ‖a − b‖₂ / ‖b‖₂.
    static func normwise(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        let d = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let n = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return d / max(n, Double.leastNormalMagnitude)
    }

    @Test("Forward: outputs and all layer states", arguments: GatedArchitecture.allCases)
    func forward(_ arch: GatedArchitecture) throws {
        let p = try Problem(arch)
        #expect(p.generic.architecture.rawValue == arch.rawValue && p.generic.parameters == p.fast.parameters)
        let a = try p.fast.forward(p.inputs), b = try p.generic.forward(p.inputs)
        #expect(Self.normwise(a.outputs.values, b.outputs.values) < 1e-13)
        for l in 0..<2 { #expect(Self.normwise(a.states[l].values, b.states[l].values) < 1e-13, "layer \(l)") }
        // Sanity: the two are different implementations (not the same code by accident) yet agree closely.
        #expect(a.outputs.values != b.outputs.values || arch == .rnn)
    }

    @Test("Loss and BPTT gradient", arguments: GatedArchitecture.allCases)
    func gradient(_ arch: GatedArchitecture) throws {
        let p = try Problem(arch)
        let a = try p.fast.lossAndGradient(inputs: p.inputs, targets: p.targets)
        let b = try p.generic.lossAndGradient(inputs: p.inputs, targets: p.targets)
        #expect(TestSupport.relativeError(a.loss, b.loss) < 1e-13)
        #expect(Self.normwise(a.gradient, b.gradient) < 1e-12, "\(arch)")
    }

    @Test("VJP with input and initial-state gradients", arguments: GatedArchitecture.allCases)
    func vectorJacobianProduct(_ arch: GatedArchitecture) throws {
        let p = try Problem(arch)
        var rng = TestSupport.rng(44)
        let dy = try SequenceBatch(steps: 7, batchSize: 5, features: 2, values: rng.gaussians(70))
        let s0 = try p.fast.stateLayouts.map {
            try Matrix(rows: $0.size, columns: 5, columnMajor: rng.gaussians($0.size * 5).map { 0.5 * $0 })
        }
        let a = try p.fast.gradient(inputs: p.inputs, outputGradient: dy, initialStates: s0)
        let b = try p.generic.gradient(inputs: p.inputs, outputGradient: dy, initialStates: s0)
        #expect(Self.normwise(a.parameters, b.parameters) < 1e-12)
        #expect(Self.normwise(a.inputs.values, b.inputs.values) < 1e-12)
        for l in 0..<2 { #expect(Self.normwise(a.initialStates[l].elements, b.initialStates[l].elements) < 1e-12) }
    }

    @Test("JVP and HVP (dual passes)", arguments: GatedArchitecture.allCases)
    func dualPasses(_ arch: GatedArchitecture) throws {
        let p = try Problem(arch)
        let v = ModelDerivativeChecks.randomDirection(count: p.fast.parameterCount, seed: 45)
        let ja = try p.fast.jacobianVectorProduct(inputs: p.inputs, parameterDirection: v)
        let jb = try p.generic.jacobianVectorProduct(inputs: p.inputs, parameterDirection: v)
        #expect(Self.normwise(ja.tangents.outputs.values, jb.tangents.outputs.values) < 1e-12)
        let ha = try p.fast.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v)
        let hb = try p.generic.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v)
        #expect(Self.normwise(ha.product, hb.product) < 1e-11, "\(arch)")
        #expect(Self.normwise(ha.gradient, hb.gradient) < 1e-12)
        // Within the fast path, the dual pass's value part is the real pass, operation for operation.
        let g = try p.fast.lossAndGradient(inputs: p.inputs, targets: p.targets)
        #expect(ha.gradient == g.gradient && ha.loss == g.loss)
    }
}
