// Recurrent-network workloads of rnnmem-bench: one Adam training step, one gradient, one exact
// Hessian-vector product of a tanh RNN, an LSTM or a GRU with hidden width N = --n, on a fixed batch of B = 32
// sequences of length T = 64 with one input and one output (targets: the input 5 steps earlier), loss plain MSE
// over every step, float64, one thread. Benchmarks/peers/python/rnn_bench.py times the same step in PyTorch and JAX.
import RNNMemory

enum RecurrentWorkloads {
    static let steps = 64
    static let batch = 32
    static let delay = 5

    /// Workload name → closure (the input series of the harness is ignored; the batch is generated here).
    static func make(hidden n: Int) -> [String: ([Double]) throws -> Double] {
        var out: [String: ([Double]) throws -> Double] = [:]
        for arch in [Architecture.tanhRNN, .lstm, .gru] {
            out["train_\(arch)"] = { _ in try State.shared(arch, n).trainStep() }
            out["grad_\(arch)"] = { _ in try State.shared(arch, n).gradient() }
            out["hvp_\(arch)"] = { _ in try State.shared(arch, n).hessianVectorProduct() }
        }
        return out
    }

    /// Model, data, optimiser and workspace of one workload, created on first use and reused by every call.
    final class State {
        nonisolated(unsafe) static var cache: [String: State] = [:]

        static func shared(_ arch: Architecture, _ n: Int) throws -> State {
            let key = "\(arch)-\(n)"
            if let s = cache[key] { return s }
            let s = try State(arch, n)
            cache[key] = s
            return s
        }

        var model: any RecurrentModel
        let inputs: SequenceBatch
        let targets: SequenceBatch
        let loss = MeanSquaredError(mask: .allSteps, halved: false)
        var optimizer: any Optimizer
        let workspace = RecurrentWorkspace()
        var gradientBuffer: [Double] = []
        let direction: [Double]

        init(_ arch: Architecture, _ n: Int) throws {
            model = try ModelSpecification(architecture: arch, inputSize: 1, hiddenSize: n, outputSize: 1).makeModel(
                seed: 0)
            var rng = SeededRandom(seed: 20_250_101)
            let x = rng.gaussians(steps * batch)
            var y = [Double](repeating: 0, count: steps * batch)
            for t in RecurrentWorkloads.delay..<steps {
                for b in 0..<batch { y[b + batch * t] = x[b + batch * (t - RecurrentWorkloads.delay)] }
            }
            inputs = try SequenceBatch(steps: steps, batchSize: batch, features: 1, values: x)
            targets = try SequenceBatch(steps: steps, batchSize: batch, features: 1, values: y)
            optimizer = try OptimizerConfiguration.adam().makeOptimizer(parameterGroups: model.parameterGroups)
            direction = rng.gaussians(model.parameterCount)
        }

        /// Forward, BPTT, Adam update (PyTorch's defaults, lr 1e-3).
        func trainStep() throws -> Double {
            let l = try model.lossAndGradient(
                inputs: inputs, targets: targets, loss: loss, workspace: workspace,
                gradient: &gradientBuffer)
            var theta = model.parameters
            try optimizer.update(&theta, gradient: gradientBuffer, learningRate: 1e-3)
            try model.setParameters(theta)
            return l
        }

        func gradient() throws -> Double {
            try model.lossAndGradient(
                inputs: inputs, targets: targets, loss: loss, workspace: workspace,
                gradient: &gradientBuffer)
        }

        func hessianVectorProduct() throws -> Double {
            let h = try model.hessianVectorProduct(
                inputs: inputs, targets: targets, direction: direction, loss: loss,
                workspace: workspace)
            return h.product.reduce(0, +)
        }
    }
}
