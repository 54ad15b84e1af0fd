import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Model-independent derivative checks, usable for every architecture: each returns a measured error that the
/// calling test compares with its tolerance (so a wrong derivative makes the test fail).
enum ModelDerivativeChecks {
    /// Random inputs/targets of the given shape (N(0,1), fixed seed).
    static func randomBatch(steps: Int, batchSize: Int, features: Int, seed: UInt64) throws -> SequenceBatch {
        var rng = TestSupport.rng(seed)
        return try SequenceBatch(
            steps: steps, batchSize: batchSize, features: features,
            values: rng.gaussians(steps * batchSize * features))
    }

    /// A random direction in parameter space (N(0,1)).
    static func randomDirection(count: Int, seed: UInt64) -> [Double] {
        var rng = TestSupport.rng(seed, stream: 7)
        return rng.gaussians(count)
    }

    /// max|g − g_fd| / max|g_fd| for the BPTT gradient against central differences (relative step 1e-6).
    static func gradientError<M: RecurrentModel>(
        _ model: M, inputs: SequenceBatch, targets: SequenceBatch, loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil
    ) throws -> Double {
        let (_, g) = try model.lossAndGradient(
            inputs: inputs, targets: targets, loss: loss, initialStates: initialStates)
        var m = model
        let fd = try TestSupport.finiteDifferenceGradient(
            { theta in
                try m.setParameters(theta)
                return try m.loss(inputs: inputs, targets: targets, loss: loss, initialStates: initialStates)
            }, at: model.parameters, step: 1e-6)
        return TestSupport.maxRelativeError(g, fd)
    }

    /// max|Hv − (∇L(θ+hv) − ∇L(θ−hv))/2h| / max|…| with h = 1e-5·max(1, ‖θ‖_∞)/‖v‖_∞.
    static func hvpError<M: RecurrentModel>(
        _ model: M, inputs: SequenceBatch, targets: SequenceBatch, direction v: [Double],
        loss: any OutputLoss = MeanSquaredError()
    ) throws -> Double {
        let hvp = try model.hessianVectorProduct(inputs: inputs, targets: targets, direction: v, loss: loss)
        let h = 1e-5 / (v.map(abs).max() ?? 1)
        var plus = model, minus = model
        try plus.setParameters(zip(model.parameters, v).map { $0 + h * $1 })
        try minus.setParameters(zip(model.parameters, v).map { $0 - h * $1 })
        let gp = try plus.lossAndGradient(inputs: inputs, targets: targets, loss: loss).gradient
        let gm = try minus.lossAndGradient(inputs: inputs, targets: targets, loss: loss).gradient
        let fd = zip(gp, gm).map { ($0 - $1) / (2 * h) }
        return TestSupport.maxRelativeError(hvp.product, fd)
    }

    /// |vᵀ(Hw) − wᵀ(Hv)| / max(|vᵀ(Hw)|, tiny).
    static func hvpSymmetryError<M: RecurrentModel>(
        _ model: M, inputs: SequenceBatch, targets: SequenceBatch, v: [Double], w: [Double]
    ) throws -> Double {
        let hv = try model.hessianVectorProduct(inputs: inputs, targets: targets, direction: v).product
        let hw = try model.hessianVectorProduct(inputs: inputs, targets: targets, direction: w).product
        let a = zip(v, hw).reduce(0) { $0 + $1.0 * $1.1 }
        let b = zip(w, hv).reduce(0) { $0 + $1.0 * $1.1 }
        return TestSupport.relativeError(a, b)
    }

    /// The dual gradient part of the HVP equals the real BPTT gradient.
    static func hvpGradientError<M: RecurrentModel>(
        _ model: M, inputs: SequenceBatch, targets: SequenceBatch, v: [Double]
    ) throws -> Double {
        let g = try model.lossAndGradient(inputs: inputs, targets: targets).gradient
        let hv = try model.hessianVectorProduct(inputs: inputs, targets: targets, direction: v)
        return TestSupport.maxRelativeError(hv.gradient, g)
    }

    /// JVP (all states and outputs) against central differences of the forward pass along (v, u).
    static func jvpError<M: RecurrentModel>(
        _ model: M, inputs: SequenceBatch, parameterDirection v: [Double], inputDirection u: SequenceBatch?
    ) throws -> Double {
        let (_, tangent) = try model.jacobianVectorProduct(inputs: inputs, parameterDirection: v, inputDirection: u)
        let h = 1e-6
        var plus = model, minus = model
        try plus.setParameters(zip(model.parameters, v).map { $0 + h * $1 })
        try minus.setParameters(zip(model.parameters, v).map { $0 - h * $1 })
        var xp = inputs, xm = inputs
        if let u {
            xp = try SequenceBatch(
                steps: inputs.steps, batchSize: inputs.batchSize, features: inputs.features,
                values: zip(inputs.values, u.values).map { $0 + h * $1 })
            xm = try SequenceBatch(
                steps: inputs.steps, batchSize: inputs.batchSize, features: inputs.features,
                values: zip(inputs.values, u.values).map { $0 - h * $1 })
        }
        let fp = try plus.forward(xp), fm = try minus.forward(xm)
        var worst = TestSupport.maxRelativeError(
            tangent.outputs.values, zip(fp.outputs.values, fm.outputs.values).map { ($0 - $1) / (2 * h) })
        for l in 0..<model.layerCount {
            let fd = zip(fp.states[l].values, fm.states[l].values).map { ($0 - $1) / (2 * h) }
            worst = max(worst, TestSupport.maxRelativeError(tangent.states[l].values, fd))
        }
        return worst
    }

    /// Step Jacobians D_t, E_t, ∂y_t/∂s_{t−1}, ∂y_t/∂x_t against central differences of one step from the
    /// recorded state (the step is re-run from s_{t−1} as an initial state).
    static func stepJacobianError<M: RecurrentModel>(_ model: M, sequence: SequenceBatch) throws -> Double {
        let jac = try model.stepJacobians(sequence: sequence)
        let layouts = model.stateLayouts
        let offsets = model.stateOffsets
        let S = model.stateSize, d = model.inputSize, q = model.outputSize
        let h = 1e-6
        var worst = 0.0
        for t in 1...sequence.steps {
            // s_{t−1} per layer and x_t.
            let prev: [[Double]] = layouts.indices.map { l in
                let st = jac.trajectory.states[l]
                return Array(st.values[(layouts[l].size * (t - 1))..<(layouts[l].size * t)])
            }
            let x = Array(sequence.values[(d * (t - 1))..<(d * t)])
            func step(_ joint: [Double], _ input: [Double]) throws -> ([Double], [Double]) {
                let s0 = try layouts.indices.map { l in
                    try Matrix(
                        rows: layouts[l].size, columns: 1,
                        columnMajor: Array(joint[offsets[l]..<(offsets[l] + layouts[l].size)]))
                }
                let r = try model.forward(try SequenceBatch(sequence: [input]), initialStates: s0)
                var next: [Double] = []
                for l in layouts.indices { next += Array(r.states[l].values[layouts[l].size...]) }
                return (next, r.outputs.values)
            }
            let joint = prev.flatMap { $0 }
            var fdD = Matrix(rows: S, columns: S), fdYS = Matrix(rows: q, columns: S)
            for j in 0..<S {
                var p = joint, m = joint
                p[j] += h
                m[j] -= h
                let (sp, yp) = try step(p, x), (sm, ym) = try step(m, x)
                for i in 0..<S { fdD[i, j] = (sp[i] - sm[i]) / (2 * h) }
                for i in 0..<q { fdYS[i, j] = (yp[i] - ym[i]) / (2 * h) }
            }
            var fdE = Matrix(rows: S, columns: d), fdYX = Matrix(rows: q, columns: d)
            for j in 0..<d {
                var p = x, m = x
                p[j] += h
                m[j] -= h
                let (sp, yp) = try step(joint, p), (sm, ym) = try step(joint, m)
                for i in 0..<S { fdE[i, j] = (sp[i] - sm[i]) / (2 * h) }
                for i in 0..<q { fdYX[i, j] = (yp[i] - ym[i]) / (2 * h) }
            }
            worst = max(worst, TestSupport.maxRelativeError(jac.state[t - 1].elements, fdD.elements))
            worst = max(worst, TestSupport.maxRelativeError(jac.input[t - 1].elements, fdE.elements))
            worst = max(worst, TestSupport.maxRelativeError(jac.outputState[t - 1].elements, fdYS.elements))
            worst = max(worst, TestSupport.maxRelativeError(jac.outputInput[t - 1].elements, fdYX.elements))
        }
        return worst
    }

    /// Input Jacobians ∂s_t/∂x_{t−k} and ∂y_t/∂x_{t−k} (k = 0 … t−1) against central differences of the whole
    /// forward pass with respect to x_{t−k}.
    static func inputJacobianError<M: RecurrentModel>(_ model: M, sequence: SequenceBatch, at t: Int) throws -> Double {
        let ij = try model.inputJacobians(sequence: sequence, at: t, maxLag: t - 1)
        let d = model.inputSize, q = model.outputSize
        let layouts = model.stateLayouts
        let h = 1e-6
        var worst = 0.0
        for k in 0...(t - 1) {
            let s = t - k  // perturbed input time (1-based)
            var fdS = Matrix(rows: model.stateSize, columns: d), fdY = Matrix(rows: q, columns: d)
            for j in 0..<d {
                var p = sequence.values, m = sequence.values
                p[d * (s - 1) + j] += h
                m[d * (s - 1) + j] -= h
                let rp = try model.forward(
                    try SequenceBatch(steps: sequence.steps, batchSize: 1, features: d, values: p))
                let rm = try model.forward(
                    try SequenceBatch(steps: sequence.steps, batchSize: 1, features: d, values: m))
                var row = 0
                for l in layouts.indices {
                    let n = layouts[l].size
                    for i in 0..<n {
                        fdS[row + i, j] = (rp.states[l].values[n * t + i] - rm.states[l].values[n * t + i]) / (2 * h)
                    }
                    row += n
                }
                for i in 0..<q {
                    fdY[i, j] = (rp.outputs.values[q * (t - 1) + i] - rm.outputs.values[q * (t - 1) + i]) / (2 * h)
                }
            }
            worst = max(worst, TestSupport.maxRelativeError(ij.state[k].elements, fdS.elements))
            worst = max(worst, TestSupport.maxRelativeError(ij.output[k].elements, fdY.elements))
        }
        return worst
    }
}
