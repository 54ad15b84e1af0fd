import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Exactness of every derivative of the tanh RNN, LSTM and GRU (issue 4 §2; RNN_THEORY.md §3 "Checks" and
/// §10 G1): gradients against central differences (rel 1e-6), HVPs against differences of the gradient
/// (rel 1e-5), vᵀ(Hw) = wᵀ(Hv) (1e-10), JVPs and Jacobians against differences of the forward pass.
@Suite("Gated models: exact derivatives")
struct GatedModelDerivativeTests {
    @Test("BPTT gradient = central differences, ½·MSE over all steps, 2 layers", arguments: GatedArchitecture.allCases)
    func gradient(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let e = try ModelDerivativeChecks.gradientError(p.model, inputs: p.inputs, targets: p.targets)
        #expect(e < 1e-6, "\(arch): relative error \(e)")
    }

    @Test("Gradient with masks, plain MSE and non-zero initial states", arguments: GatedArchitecture.allCases)
    func gradientVariants(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        var rng = TestSupport.rng(99)
        let w = (0..<(p.inputs.steps * p.inputs.batchSize)).map { _ in rng.uniform() }
        for loss in [MeanSquaredError(mask: .lastStep), MeanSquaredError(mask: .fromStep(2), halved: false),
                     MeanSquaredError(mask: .weights(w))] {
            let e = try ModelDerivativeChecks.gradientError(p.model, inputs: p.inputs, targets: p.targets, loss: loss)
            #expect(e < 1e-6, "\(arch) \(loss.mask): relative error \(e)")
        }
        let s0 = try p.model.stateLayouts.map { layout in
            try Matrix(rows: layout.size, columns: 2, columnMajor: rng.gaussians(layout.size * 2).map { 0.5 * $0 })
        }
        let e = try ModelDerivativeChecks.gradientError(p.model, inputs: p.inputs, targets: p.targets, initialStates: s0)
        #expect(e < 1e-6, "\(arch) with initial states: relative error \(e)")
    }

    @Test("Caller-supplied output gradient: ∂L/∂θ, ∂L/∂x_t and ∂L/∂s_0", arguments: GatedArchitecture.allCases)
    func vectorJacobianProduct(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        var rng = TestSupport.rng(5)
        // L = Σ a ⊙ y for a fixed random a, so ∂L/∂y = a.
        let a = try SequenceBatch(steps: 5, batchSize: 2, features: 3, values: rng.gaussians(30))
        let s0 = try p.model.stateLayouts.map { try Matrix(rows: $0.size, columns: 2, columnMajor: rng.gaussians($0.size * 2)) }
        let g = try p.model.gradient(inputs: p.inputs, outputGradient: a, initialStates: s0)
        func objective(_ m: any RecurrentModel, _ x: SequenceBatch, _ s: [Matrix]) throws -> Double {
            let y = try m.outputs(x, initialStates: s)
            return zip(y.values, a.values).reduce(0) { $0 + $1.0 * $1.1 }
        }
        var model = p.model
        let fdTheta = try TestSupport.finiteDifferenceGradient({ th in
            try model.setParameters(th)
            return try objective(model, p.inputs, s0)
        }, at: p.model.parameters)
        #expect(TestSupport.maxRelativeError(g.parameters, fdTheta) < 1e-6)
        let fdX = try TestSupport.finiteDifferenceGradient({ xv in
            try objective(p.model, try SequenceBatch(steps: 5, batchSize: 2, features: 2, values: xv), s0)
        }, at: p.inputs.values)
        #expect(TestSupport.maxRelativeError(g.inputs.values, fdX) < 1e-6)
        for l in s0.indices {
            let fdS = try TestSupport.finiteDifferenceGradient({ sv in
                var s = s0
                s[l] = try Matrix(rows: s0[l].rows, columns: 2, columnMajor: sv)
                return try objective(p.model, p.inputs, s)
            }, at: s0[l].elements)
            #expect(TestSupport.maxRelativeError(g.initialStates[l].elements, fdS) < 1e-6, "layer \(l)")
        }
    }

    @Test("HVP = finite differences of the gradient; vᵀHw = wᵀHv; dual gradient = real gradient",
          arguments: GatedArchitecture.allCases)
    func hessianVectorProduct(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let v = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 3)
        let w = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 4)
        let e = try ModelDerivativeChecks.hvpError(p.model, inputs: p.inputs, targets: p.targets, direction: v)
        #expect(e < 1e-5, "\(arch): HVP relative error \(e)")
        let lastStep = MeanSquaredError(mask: .lastStep, halved: false)
        let e2 = try ModelDerivativeChecks.hvpError(p.model, inputs: p.inputs, targets: p.targets, direction: w, loss: lastStep)
        #expect(e2 < 1e-5, "\(arch): HVP (last-step loss) relative error \(e2)")
        let s = try ModelDerivativeChecks.hvpSymmetryError(p.model, inputs: p.inputs, targets: p.targets, v: v, w: w)
        #expect(s < 1e-10, "\(arch): symmetry error \(s)")
        let g = try ModelDerivativeChecks.hvpGradientError(p.model, inputs: p.inputs, targets: p.targets, v: v)
        #expect(g < 1e-13, "\(arch): dual gradient vs real gradient \(g)")
        // The loss tangent is the directional derivative vᵀ∇L.
        let hvp = try p.model.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v)
        let dir = zip(hvp.gradient, v).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(TestSupport.relativeError(hvp.directionalDerivative, dir) < 1e-12)
    }

    @Test("Full Hessian: symmetric, equal to stacked HVPs", arguments: GatedArchitecture.allCases)
    func fullHessian(_ arch: GatedArchitecture) throws {
        let base = try arch.make(inputSize: 1, hiddenSize: 3, outputSize: 1, layers: 1, seed: 21)
        let model = try arch.make(inputSize: 1, hiddenSize: 3, outputSize: 1, layers: 1,
                                  parameters: base.parameters.map { 2 * $0 })
        let x = try ModelDerivativeChecks.randomBatch(steps: 4, batchSize: 2, features: 1, seed: 22)
        let y = try ModelDerivativeChecks.randomBatch(steps: 4, batchSize: 2, features: 1, seed: 23)
        let h = try model.hessian(inputs: x, targets: y)
        let p = model.parameterCount
        #expect(h.columns.rows == p && h.columns.columns == p)
        #expect(h.relativeAsymmetry < 1e-12, "\(arch): asymmetry \(h.relativeAsymmetry)")
        // Column j against an independent HVP with e_j, and H·v against H times v.
        let v = ModelDerivativeChecks.randomDirection(count: p, seed: 24)
        let hv = try model.hessianVectorProduct(inputs: x, targets: y, direction: v).product
        let hTimesV = h.symmetrized * v
        #expect(TestSupport.maxRelativeError(hTimesV, hv) < 1e-12)
        for j in [0, p / 2, p - 1] {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            let col = try model.hessianVectorProduct(inputs: x, targets: y, direction: e).product
            #expect(TestSupport.maxAbsError(col, h.columns.column(j)) == 0, "column \(j) reproducible bit for bit")
        }
        // A diagonal entry against second central differences of the loss.
        var m = model
        let j = p - 2
        let step = 1e-4
        func lossAt(_ delta: Double) throws -> Double {
            var th = model.parameters
            th[j] += delta
            try m.setParameters(th)
            return try m.loss(inputs: x, targets: y)
        }
        let fd = (try lossAt(step) - 2 * (try lossAt(0)) + (try lossAt(-step))) / (step * step)
        #expect(TestSupport.relativeError(h.symmetrized[j, j], fd) < 1e-5)
    }

    @Test("JVP of states and outputs = central differences of the forward pass", arguments: GatedArchitecture.allCases)
    func jacobianVectorProduct(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let v = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 8)
        let e = try ModelDerivativeChecks.jvpError(p.model, inputs: p.inputs, parameterDirection: v, inputDirection: nil)
        #expect(e < 1e-6, "\(arch): parameter JVP error \(e)")
        let u = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 2, features: 2, seed: 9)
        let e2 = try ModelDerivativeChecks.jvpError(p.model, inputs: p.inputs, parameterDirection: v, inputDirection: u)
        #expect(e2 < 1e-6, "\(arch): parameter+input JVP error \(e2)")
        // The JVP's value part is the ordinary forward pass, bit for bit.
        let (values, _) = try p.model.jacobianVectorProduct(inputs: p.inputs, parameterDirection: v)
        #expect(values == (try p.model.forward(p.inputs)))
    }

    @Test("Step Jacobians D_t, E_t and readout Jacobians = finite differences", arguments: GatedArchitecture.allCases)
    func stepJacobians(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let seq = try ModelDerivativeChecks.randomBatch(steps: 4, batchSize: 1, features: 2, seed: 31)
        let e = try ModelDerivativeChecks.stepJacobianError(p.model, sequence: seq)
        #expect(e < 1e-6, "\(arch): step Jacobian error \(e)")
        let j = try p.model.stepJacobians(sequence: seq)
        #expect(j.state.count == 4 && j.state[0].rows == p.model.stateSize && j.input[0].columns == 2)
        // Streaming in small chunks (here 1 step per dual batch) gives the same Jacobians.
        var streamed: [StepJacobian] = []
        try p.model.forEachStepJacobian(sequence: seq, maximumBatchColumns: 7) { streamed.append($0) }
        #expect(streamed.map(\.time) == [1, 2, 3, 4])
        for (t, s) in streamed.enumerated() {
            #expect(TestSupport.maxAbsError(s.state.elements, j.state[t].elements) < 1e-14)
            #expect(TestSupport.maxAbsError(s.outputInput.elements, j.outputInput[t].elements) < 1e-14)
        }
    }

    @Test("Input Jacobians ∂s_t/∂x_{t−k}, ∂y_t/∂x_{t−k} = finite differences", arguments: GatedArchitecture.allCases)
    func inputJacobians(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let seq = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 1, features: 2, seed: 32)
        let e = try ModelDerivativeChecks.inputJacobianError(p.model, sequence: seq, at: 5)
        #expect(e < 1e-6, "\(arch): input Jacobian error \(e)")
        let e3 = try ModelDerivativeChecks.inputJacobianError(p.model, sequence: seq, at: 3)
        #expect(e3 < 1e-6, "\(arch): input Jacobian error at t = 3: \(e3)")
    }
}
