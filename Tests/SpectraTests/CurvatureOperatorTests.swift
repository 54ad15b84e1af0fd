import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

@Suite("Curvature operators: Hessian, Gauss–Newton, empirical Fisher")
struct CurvatureOperatorTests {
    /// A data set of two batches of different lengths (so the batch weights matter) for a model.
    static func dataset(_ model: any RecurrentModel, seed: UInt64, loss: CurvatureLoss = CurvatureLoss()) throws
        -> CurvatureDataset
    {
        let x1 = try SpectraTestKit.batch(steps: 7, batchSize: 3, features: model.inputSize, seed: seed)
        let y1 = try SpectraTestKit.batch(steps: 7, batchSize: 3, features: model.outputSize, seed: seed + 1)
        let x2 = try SpectraTestKit.batch(steps: 5, batchSize: 2, features: model.inputSize, seed: seed + 2)
        let y2 = try SpectraTestKit.batch(steps: 5, batchSize: 2, features: model.outputSize, seed: seed + 3)
        return try CurvatureDataset(
            batches: [CurvatureBatch(inputs: x1, targets: y1), CurvatureBatch(inputs: x2, targets: y2)],
            loss: loss)
    }

    /// The data-set loss is the mean over all scored values: with burn-in 2, the batches weigh (7 − 2)·3 : (5 − 2)·2.
    @Test func datasetWeightsAndLoss() throws {
        let model = try GRU(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 1)
        let data = try Self.dataset(model, seed: 10, loss: CurvatureLoss(halved: false, burnIn: 2))
        #expect(TestSupport.maxAbsError(data.weights, [15.0 / 21, 6.0 / 21]) < 1e-15)
        // Direct: plain MSE over every scored value of both batches.
        var sum = 0.0, count = 0.0
        for b in data.batches {
            let out = try model.outputs(b.inputs)
            for t in 2..<b.inputs.steps {
                for s in 0..<b.inputs.batchSize {
                    let r = out[t, s, 0] - b.targets[t, s, 0]
                    sum += r * r
                    count += 1
                }
            }
        }
        #expect(abs(try data.lossValue(of: model) - sum / count) < 1e-14)
    }

    /// The Hessian operator against central differences of the data-set gradient (a finite-difference Hessian
    /// column; relative step 1e-5): rel 1e-6, for every column of a small LSTM.
    @Test func hessianOperatorMatchesFiniteDifferences() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 2, outputSize: 1, seed: 3)
        let data = try Self.dataset(model, seed: 20, loss: CurvatureLoss(burnIn: 1))
        let op = try CurvatureOperator(.hessian, model: model, dataset: data)
        let p = model.parameterCount
        var worst = 0.0
        for j in stride(from: 0, to: p, by: 7) {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            let column = try op.apply(e)
            let h = 1e-5 * max(1, abs(model.parameters[j]))
            var plus = model, minus = model
            try plus.setParameters(model.parameters.enumerated().map { $0.offset == j ? $0.element + h : $0.element })
            try minus.setParameters(model.parameters.enumerated().map { $0.offset == j ? $0.element - h : $0.element })
            let gp = try data.gradient(of: plus), gm = try data.gradient(of: minus)
            let fd = zip(gp, gm).map { ($0 - $1) / (2 * h) }
            worst = max(worst, TestSupport.maxRelativeError(column, fd))
        }
        #expect(worst < 1e-6, "max relative error \(worst)")
        #expect(try op.symmetryDefect(seed: 1) < 1e-13)
    }

    /// Lanczos against LAPACK on the full Hessians of small RNN, LSTM, GRU and LRU models: the 3 most positive and 3
    /// most negative eigenvalues agree to rel 1e-8 (relative to the spectral radius), with small residuals.
    @Test(arguments: ["rnn", "lstm", "gru", "lru"])
    func lanczosMatchesFullHessian(architecture: String) throws {
        let model: any RecurrentModel
        switch architecture {
        case "rnn": model = try TanhRNN(inputSize: 2, hiddenSize: 4, outputSize: 1, seed: 5)
        case "lstm": model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 5)
        case "gru": model = try GRU(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 5)
        default: model = try LRU(inputSize: 2, hiddenSize: 3, outputSize: 1, skip: .matrix, seed: 5)
        }
        let data = try Self.dataset(model, seed: 30)
        let op = try CurvatureOperator(.hessian, model: model, dataset: data)
        let full = try FullCurvatureSpectrum(op)
        #expect(full.relativeAsymmetry < 1e-12)
        let scale = max(abs(full.eigenvalues.first!), abs(full.eigenvalues.last!))
        let lanczos = try Lanczos.extremeEigenpairs(of: op, top: 3, bottom: 3, options: LanczosOptions(seed: 2))
        let top = Array(full.eigenvalues.suffix(3).reversed()), bottom = Array(full.eigenvalues.prefix(3))
        #expect(
            TestSupport.maxAbsError(lanczos.top.values, top) <= 1e-8 * scale,
            "\(architecture): \(lanczos.top.values) vs \(top)")
        #expect(TestSupport.maxAbsError(lanczos.bottom.values, bottom) <= 1e-8 * scale)
        #expect((lanczos.top.residualNorms + lanczos.bottom.residualNorms).allSatisfy { $0 <= 1e-6 * scale })
        #expect(bottom[0] < 0, "\(architecture): an indefinite Hessian away from the optimum")
    }

    /// At a zero-loss optimum (targets = the model's own outputs: a student equal to its teacher) the Hessian equals
    /// the Gauss–Newton matrix (rel Frobenius 1e-8), for a nonlinear LSTM and a linear RNN; away from it they
    /// differ, and Gauss–Newton stays positive semidefinite.
    @Test func gaussNewtonEqualsHessianAtZeroLoss() throws {
        let models: [any RecurrentModel] = [
            try LSTM(inputSize: 2, hiddenSize: 2, outputSize: 2, seed: 8),
            try LinearRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 8),
        ]
        for model in models {
            let x = try SpectraTestKit.batch(steps: 6, batchSize: 4, features: model.inputSize, seed: 40)
            let teacher = try CurvatureDataset(inputs: x, targets: try model.outputs(x), loss: CurvatureLoss(burnIn: 1))
            let h = try CurvatureOperator(.hessian, model: model, dataset: teacher).denseMatrix().symmetrized
            let g = try CurvatureOperator(.gaussNewton, model: model, dataset: teacher).denseMatrix()
            #expect(g.relativeAsymmetry < 1e-12)
            #expect((h - g.symmetrized).frobeniusNorm <= 1e-8 * g.symmetrized.frobeniusNorm)
            let noisy = try CurvatureDataset(
                inputs: x,
                targets: try SpectraTestKit.batch(
                    steps: 6, batchSize: 4, features: model.outputSize, seed: 41), loss: CurvatureLoss(burnIn: 1))
            let h2 = try CurvatureOperator(.hessian, model: model, dataset: noisy).denseMatrix().symmetrized
            let g2 = try CurvatureOperator(.gaussNewton, model: model, dataset: noisy).denseMatrix().symmetrized
            #expect((h2 - g2).frobeniusNorm > 1e-3 * g2.frobeniusNorm)
            let eig = try LinearAlgebra.symmetricEigenvalues(g2)
            #expect(eig.first! >= -1e-12 * eig.last!)
        }
    }

    /// Gauss–Newton against its definition with an explicit output Jacobian J (one JVP per parameter):
    /// G = (2s/N)·Jᵀ M J over the scored outputs (rel 1e-12).
    @Test func gaussNewtonMatchesExplicitJacobian() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 2, outputSize: 2, seed: 12)
        let x = try SpectraTestKit.batch(steps: 5, batchSize: 3, features: 1, seed: 50)
        let y = try SpectraTestKit.batch(steps: 5, batchSize: 3, features: 2, seed: 51)
        let data = try CurvatureDataset(inputs: x, targets: y, loss: CurvatureLoss(halved: false, burnIn: 2))
        let p = model.parameterCount
        var jacobian = Matrix(rows: 5 * 3 * 2, columns: p)
        for j in 0..<p {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            let (_, tangent) = try model.jacobianVectorProduct(inputs: x, parameterDirection: e)
            jacobian.setColumn(j, tangent.outputs.values)
        }
        for r in 0..<(2 * 3 * 2) { for j in 0..<p { jacobian[r, j] = 0 } }  // burn-in rows (t < 2) do not count
        let expected = (2.0 / Double(3 * 3 * 2)) * (jacobian.transposed * jacobian)
        let g = try CurvatureOperator(.gaussNewton, model: model, dataset: data).denseMatrix().columns
        #expect(SpectraTestKit.relativeError(g, expected) < 1e-12)
    }

    /// The empirical Fisher of one sequence is ∇L∇Lᵀ; over several sequences Σ π_n g_n equals ∇L, tr F = Σ π_n‖g_n‖²,
    /// F is positive semidefinite with rank ≤ the number of sequences.
    @Test func empiricalFisher() throws {
        let model = try TanhRNN(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 14)
        let x = try SpectraTestKit.batch(steps: 6, batchSize: 1, features: 2, seed: 60)
        let y = try SpectraTestKit.batch(steps: 6, batchSize: 1, features: 1, seed: 61)
        let single = try CurvatureDataset(inputs: x, targets: y)
        let gradient = try single.gradient(of: model)
        var rng = TestSupport.rng(62)
        let v = rng.gaussians(model.parameterCount)
        let fv = try CurvatureOperator(.empiricalFisher, model: model, dataset: single).apply(v)
        let gv = zip(gradient, v).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(TestSupport.maxRelativeError(fv, gradient.map { $0 * gv }) < 1e-13)

        let data = try Self.dataset(model, seed: 63)
        let fisher = try CurvatureOperator(.empiricalFisher, model: model, dataset: data)
        let dense = try FullCurvatureSpectrum(fisher)
        // Per-sequence gradients computed independently.
        var traceExpected = 0.0
        var meanGradient = [Double](repeating: 0, count: model.parameterCount)
        for (batch, w) in zip(data.batches, data.weights) {
            for s in 0..<batch.inputs.batchSize {
                let g = try model.lossAndGradient(
                    inputs: try SequenceBatch(sequence: batch.inputs.sequence(s)),
                    targets: try SequenceBatch(sequence: batch.targets.sequence(s))
                ).gradient
                let share = w / Double(batch.inputs.batchSize)
                traceExpected += share * g.reduce(0) { $0 + $1 * $1 }
                for i in meanGradient.indices { meanGradient[i] += share * g[i] }
            }
        }
        #expect(abs(dense.trace - traceExpected) <= 1e-12 * traceExpected)
        #expect(TestSupport.maxRelativeError(meanGradient, try data.gradient(of: model)) < 1e-12)
        let largest = dense.eigenvalues.last!
        #expect(dense.eigenvalues.allSatisfy { $0 >= -1e-12 * largest })
        #expect(dense.eigenvalues.filter { $0 > 1e-10 * largest }.count <= data.sequenceCount)
    }

    /// H3 on a network Hessian: Hutchinson with 400 probes against the exact trace, z-score with the exact variance
    /// 2(‖H‖_F² − Σ H_ii²)/K below 4; Hutch++ and the diagonal estimate are consistent with the dense matrix.
    @Test func traceEstimatesOnHessian() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 16)
        let data = try Self.dataset(model, seed: 70)
        let op = try CurvatureOperator(.hessian, model: model, dataset: data)
        let full = try FullCurvatureSpectrum(op)
        let k = 400
        let hutchinson = try StochasticTrace.hutchinson(op, probes: k, seed: 3)
        let sd = (try StochasticTrace.hutchinsonVariance(of: full.matrix) / Double(k)).squareRoot()
        #expect(abs(hutchinson.estimate - full.trace) / sd < 4)
        let plus = try StochasticTrace.hutchPlusPlus(op, matrixVectorProducts: 60, seed: 4)
        #expect(abs(plus.estimate - full.trace) < 5 * plus.standardError + 1e-10 * abs(full.trace))
        let diagonal = try StochasticDiagonal.bekasKokiopoulouSaad(op, probes: 200, seed: 5)
        let zs = (0..<model.parameterCount).map { i in
            (diagonal.values[i] - full.matrix[i, i]) / max(diagonal.standardErrors[i], 1e-300)
        }
        #expect(zs.filter { abs($0) > 4 }.count <= 1)
    }

    /// SLQ on the Hessian: nodes inside [λ_min, λ_max] of the full spectrum, weights summing to 1, a density that
    /// integrates to 1; and the 25-parameter linear-RNN Hessian of the data-set operator equals the engine's
    /// `hessian` (rel 1e-12).
    @Test func densityAndLinearRNNHessian() throws {
        let model = try LSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 18)
        let data = try Self.dataset(model, seed: 80)
        let op = try CurvatureOperator(.hessian, model: model, dataset: data)
        let full = try FullCurvatureSpectrum(op)
        let slq = try StochasticLanczosQuadrature(op, steps: 12, probes: 3, seed: 6)
        let lo = full.eigenvalues.first!, hi = full.eigenvalues.last!
        for rule in slq.rules {
            #expect(abs(rule.weights.reduce(0, +) - 1) < 1e-12)
            #expect(rule.nodes.allSatisfy { $0 >= lo - 1e-10 * (hi - lo) && $0 <= hi + 1e-10 * (hi - lo) })
        }
        let density = try slq.density(variance: 1e-3 * (hi - lo) * (hi - lo), points: 2000)
        let step = density.grid[1] - density.grid[0]
        #expect(abs(density.density.reduce(0, +) * step - 1) < 1e-3)

        var rng = TestSupport.rng(81)
        let linear = try LinearRNN(
            recurrent: 0.3 * (try Matrix(rows: 4, columns: 4, columnMajor: rng.gaussians(16))),
            input: try Matrix(rows: 4, columns: 1, columnMajor: rng.gaussians(4)),
            readout: try Matrix(rows: 1, columns: 4, columnMajor: rng.gaussians(4)),
            skip: try Matrix([[rng.gaussian()]]))
        #expect(linear.parameterCount == 25)
        let x = try SpectraTestKit.batch(steps: 50, batchSize: 8, features: 1, seed: 82)
        let y = try SpectraTestKit.batch(steps: 50, batchSize: 8, features: 1, seed: 83)
        let engine = try linear.hessian(inputs: x, targets: y)
        let ours = try CurvatureOperator(.hessian, model: linear, dataset: try CurvatureDataset(inputs: x, targets: y))
        #expect(SpectraTestKit.relativeError(try ours.denseMatrix().columns, engine.columns) < 1e-12)
    }

    /// Bad input: widths that do not fit, k larger than P, a dense request beyond the limit, non-finite weights.
    @Test func badInput() throws {
        let model = try GRU(inputSize: 2, hiddenSize: 2, outputSize: 1, seed: 1)
        let x = try SpectraTestKit.batch(steps: 4, batchSize: 2, features: 3, seed: 1)
        let y = try SpectraTestKit.batch(steps: 4, batchSize: 2, features: 1, seed: 2)
        let wrongWidth = try CurvatureDataset(inputs: x, targets: y)
        #expect(throws: SpectraError.self) { try CurvatureOperator(.hessian, model: model, dataset: wrongWidth) }
        #expect(throws: SpectraError.self) {
            try CurvatureDataset(inputs: x, targets: y, loss: CurvatureLoss(burnIn: 4))
        }
        let good = try CurvatureDataset(
            inputs: try SpectraTestKit.batch(steps: 4, batchSize: 2, features: 2, seed: 3), targets: y)
        let op = try CurvatureOperator(.gaussNewton, model: model, dataset: good)
        #expect(throws: NumericsError.self) {
            try Lanczos.extremeEigenpairs(of: op, top: model.parameterCount, bottom: 1)
        }
        #expect(throws: SpectraError.self) { try FullCurvatureSpectrum(op, maximumDimension: 10) }
        #expect(throws: SpectraError.self) { try op.apply([1, 2]) }
        var broken = model
        #expect(throws: RecurrentError.self) { try broken.setParameters(model.parameters.map { _ in .nan }) }
    }
}
