import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Hessians of the ½-MSE teacher–student loss of the linear models against closed forms and identities:
/// Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064): the 1-D teacher–student loss (Z6) and Fig. 4 (Hessian at
/// the zero-loss optimum, Z7); targets in Recurrent.docc/ValidationTargets.md.
@Suite("Linear teacher–student Hessians (Z6, Z7)")
struct LinearTeacherStudentHessianTests {
    /// Exact finite-T expectation of ∂²L/∂λ² at λ = λ* for h_t = λh_{t−1} + x_t, y = h, h_0 = 0, x i.i.d. N(0, 1),
    /// L = ½·mean_{t,b}(ŷ − y)²: at zero residual ∂²L/∂λ² = mean_t (∂h_t/∂λ)², ∂h_t/∂λ = Σ_{n=1}^{t−1} nλ^{n−1}x_{t−n},
    /// so E = (1/T) Σ_{t=1}^{T} Σ_{n=1}^{t−1} n²λ^{2n−2}.
    static func expectedHessian(lambda: Double, steps: Int) -> Double {
        var partial = 0.0, total = 0.0, power = 1.0  // power = λ^{2n−2}
        for t in 1...steps {
            total += partial  // Σ_{n=1}^{t−1}
            let n = Double(t)
            partial += n * n * power
            power *= lambda * lambda
        }
        return total / Double(steps)
    }

    /// Stationary closed form (Zucchet & Orvieto 2024, ρ = 0): (1 + λ²)/(1 − λ²)³.
    static func stationaryHessian(_ lambda: Double) -> Double {
        (1 + lambda * lambda) / ((1 - lambda * lambda) * (1 - lambda * lambda) * (1 - lambda * lambda))
    }

    @Test(
        "Z6: the closed-form 1-D loss has ∂²L/∂λ² = (1 + λ*²)/(1 − λ*²)³ at λ* (finite differences, rel 1e-5)",
        arguments: [0.36, 0.84, 0.99])
    func closedFormLossCurvature(_ star: Double) {
        // L(λ) = ½[1/(1 − λ²) + 1/(1 − λ*²) − 2/(1 − λλ*)] (μ = 0, σ = 1, real λ; Zucchet & Orvieto 2024).
        func loss(_ l: Double) -> Double { 0.5 * (1 / (1 - l * l) + 1 / (1 - star * star) - 2 / (1 - l * star)) }
        let h = 1e-3 * (1 - star)
        let fd = (loss(star + h) - 2 * loss(star) + loss(star - h)) / (h * h)
        #expect(TestSupport.relativeError(fd, Self.stationaryHessian(star)) < 1e-5, "λ* = \(star): \(fd)")
        // The finite-T expectation converges to it: |E_T − E_∞| = O(1/((1 − λ)T)).
        let t = Int(1e4 / (1 - star))
        #expect(
            TestSupport.relativeError(Self.expectedHessian(lambda: star, steps: t), Self.stationaryHessian(star)) < 1e-3
        )
    }

    @Test(
        "Z6: exact network Hessian at λ = λ* = Gauss–Newton from s_t = λs_{t−1} + h_{t−1} (1e-12) = finite-T expectation (MC, 4 s.e.)",
        arguments: [0.36, 0.84, 0.99])
    func networkHessianMatchesExpectation(_ star: Double) throws {
        let steps = 200, batch = 400
        let model = try LinearRNN(
            recurrent: try Matrix([[star]]), input: try Matrix([[1]]), readout: try Matrix([[1]]),
            skip: nil)
        let x = try ModelDerivativeChecks.randomBatch(steps: steps, batchSize: batch, features: 1, seed: 606)
        let y = try model.outputs(x)  // teacher = student: zero residual
        var e = [Double](repeating: 0, count: model.parameterCount)
        e[0] = 1  // layer0.A
        let hvp = try model.hessianVectorProduct(inputs: x, targets: y, direction: e)
        #expect(hvp.loss == 0)
        let hessian = hvp.product[0]
        // Independent forward-mode sensitivity of the diagonal recurrence: s_t = λ s_{t−1} + h_{t−1}.
        var perSequence = [Double](repeating: 0, count: batch)
        for b in 0..<batch {
            var h = 0.0, s = 0.0, sum = 0.0
            for t in 0..<steps {
                s = star * s + h
                h = star * h + x.values[b + batch * t]
                sum += s * s
            }
            perSequence[b] = sum / Double(steps)
        }
        let gaussNewton = perSequence.reduce(0, +) / Double(batch)
        #expect(TestSupport.relativeError(hessian, gaussNewton) < 1e-12, "λ* = \(star): \(hessian) vs \(gaussNewton)")
        let sd = (perSequence.reduce(0) { $0 + ($1 - gaussNewton) * ($1 - gaussNewton) } / Double(batch - 1))
            .squareRoot()
        let se = sd / Double(batch).squareRoot()
        let expected = Self.expectedHessian(lambda: star, steps: steps)
        #expect(abs(hessian - expected) < 4 * se, "λ* = \(star): H = \(hessian), E_T = \(expected) ± \(se)")
        #expect(se < 0.1 * expected)
    }

    /// Fig. 4 teacher (Zucchet & Orvieto 2024): d = 4, two conjugate pairs, |λ| = 0.99 + 0.003·U, phases U[0, 2π).
    static func figure4Eigenvalues(_ rng: inout SeededRandom) -> [Complex<Double>] {
        var out: [Complex<Double>] = []
        for _ in 0..<2 {
            let nu = 0.99 + 0.003 * rng.uniform(), theta = 2 * Double.pi * rng.uniform()
            let l = Complex(nu * Double.cos(theta), nu * Double.sin(theta))
            out += [l, l.conjugate]
        }
        return out
    }

    /// ‖H − JᵀJ/n‖_F / ‖JᵀJ/n‖_F with J = ∂ŷ/∂θ from P exact JVPs and H the full exact Hessian of ½-MSE.
    static func gaussNewtonMismatch(_ model: some RecurrentModel, inputs: SequenceBatch, targets: SequenceBatch) throws
        -> (mismatch: Double, asymmetry: Double)
    {
        let p = model.parameterCount
        let hessian = try model.hessian(inputs: inputs, targets: targets)
        var jacobian: [Double] = []  // n × P, column j = ∂ŷ/∂θ_j
        for j in 0..<p {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            jacobian += try model.jacobianVectorProduct(inputs: inputs, parameterDirection: e).tangents.outputs.values
        }
        let n = jacobian.count / p
        let j = try Matrix(rows: n, columns: p, columnMajor: jacobian)
        let gaussNewton = (1 / Double(n)) * (j.transposed * j)
        let diff = (hessian.symmetrized - gaussNewton).frobeniusNorm, norm = gaussNewton.frobeniusNorm
        return (diff / norm, hessian.relativeAsymmetry)
    }

    @Test(
        "Z7: at the zero-loss optimum (Fig. 4 setup, T = 300, batch 64) the 25×25 Hessian = JᵀJ/n, dense and complex-diagonal"
    )
    func hessianEqualsGaussNewtonAtOptimum() throws {
        var rng = TestSupport.rng(4)
        let lambda = Self.figure4Eigenvalues(&rng)
        // Dense teacher A = P·blockdiag([[a, b], [−b, a]], …)·P⁻¹ with a Gaussian P: eigenvalues a ± ib.
        let pm = try Matrix(rows: 4, columns: 4, columnMajor: rng.gaussians(16))
        var blocks = Matrix(rows: 4, columns: 4)
        for k in [0, 2] {
            blocks[k, k] = lambda[k].real
            blocks[k, k + 1] = lambda[k].imaginary
            blocks[k + 1, k] = -lambda[k].imaginary
            blocks[k + 1, k + 1] = lambda[k].real
        }
        let a = try LinearAlgebra.solve(pm.transposed, (pm * blocks).transposed).transposed
        let moduli = try LinearAlgebra.eigenvalues(a).map(\.length).sorted()
        #expect(zip(moduli, lambda.map(\.length).sorted()).allSatisfy { abs($0 - $1) < 1e-10 })
        let dense = try LinearRNN(
            recurrent: a, input: try Matrix(rows: 4, columns: 1, columnMajor: rng.gaussians(4)),
            readout: try Matrix(rows: 1, columns: 4, columnMajor: rng.gaussians(4)),
            skip: try Matrix([[rng.gaussian()]]))
        #expect(dense.parameterCount == 25)
        // Complex-diagonal teacher: default parametrization, no γ, B and C complex normal, D real.
        let cdiagParameters =
            lambda.map(\.real) + lambda.map(\.imaginary) + rng.gaussians(4) + rng.gaussians(4)
            + rng.gaussians(4) + rng.gaussians(4) + [rng.gaussian()]
        let cdiag = try ComplexDiagonalRNN(inputSize: 1, hiddenSize: 4, outputSize: 1, parameters: cdiagParameters)
        #expect(cdiag.parameterCount == 25)
        let x = try ModelDerivativeChecks.randomBatch(steps: 300, batchSize: 64, features: 1, seed: 2032)
        for model in [dense as any RecurrentModel, cdiag] {
            let y = try model.outputs(x)
            let (mismatch, asymmetry) = try Self.gaussNewtonMismatch(model, inputs: x, targets: y)
            #expect(mismatch < 1e-8, "\(model.architecture): ‖H − JᵀJ/n‖_F/‖JᵀJ/n‖_F = \(mismatch)")
            #expect(asymmetry < 1e-12, "\(model.architecture): Hessian asymmetry \(asymmetry)")
            // Away from the optimum the residual term makes them differ (the check has power; shorter data).
            let xs = try ModelDerivativeChecks.randomBatch(steps: 60, batchSize: 8, features: 1, seed: 2033)
            let ys = try model.outputs(xs)
            var shifted = model
            try shifted.setParameters(
                model.parameters.enumerated().map { $0.offset == 0 ? $0.element * 0.995 : $0.element })
            let off = try Self.gaussNewtonMismatch(shifted, inputs: xs, targets: ys).mismatch
            #expect(off > 1e-3, "\(model.architecture): off-optimum mismatch \(off)")
        }
    }
}
