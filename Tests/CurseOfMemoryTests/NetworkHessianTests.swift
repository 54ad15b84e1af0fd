@testable import CurseOfMemory
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Z7 and the complex-diagonal Hessian at the optimum: closed forms (stationary and finite-horizon) against the
/// engine's exact Hessian on networks at a zero-loss optimum, and the Fig. 4/9 study.
@Suite("Hessians at the optimum (Z7, Z8 engine)")
struct NetworkHessianTests {
    /// Input AR(1) with lag-one correlation ρ, unit variance, stationary from the start (x₀ ~ N(0, 1)).
    static func ar1Batch(steps: Int, batch: Int, rho: Double, seed: UInt64) throws -> SequenceBatch {
        var rng = SeededRandom(seed: seed)
        var values = [Double](repeating: 0, count: steps * batch)
        var x = rng.gaussians(batch)
        let s = (1 - rho * rho).squareRoot()
        for t in 0..<steps {
            for b in 0..<batch {
                x[b] = rho * x[b] + s * rng.gaussian()
                values[b + batch * t] = x[b]
            }
        }
        return try SequenceBatch(steps: steps, batchSize: batch, features: 1, values: values)
    }

    /// Output tangents ∂ŷ/∂θ_j (exact JVPs), one array per parameter, each in the batch layout (b + B·t).
    static func outputJacobian(_ model: some RecurrentModel, inputs: SequenceBatch) throws -> [[Double]] {
        var e = [Double](repeating: 0, count: model.parameterCount)
        return try (0..<model.parameterCount).map { j in
            e[j] = 1
            defer { e[j] = 0 }
            return try model.jacobianVectorProduct(inputs: inputs, parameterDirection: e).tangents.outputs.values
        }
    }

    /// The Gauss–Newton matrix over the steps ≥ firstStep and its per-entry standard errors, from per-sequence
    /// contributions G_b = mean_t J_{t,b}ᵀJ_{t,b}.
    static func gaussNewton(_ columns: [[Double]], steps t: Int, batch b: Int, firstStep: Int)
        -> (mean: Matrix, standardError: Matrix)
    {
        let p = columns.count
        var mean = Matrix(rows: p, columns: p), se = Matrix(rows: p, columns: p)
        var g = [Double](repeating: 0, count: b)
        for i in 0..<p {
            for j in i..<p {
                columns[i].withUnsafeBufferPointer { ci in
                    columns[j].withUnsafeBufferPointer { cj in
                        for s in 0..<b {
                            var acc = 0.0
                            var k = s + b * firstStep
                            while k < t * b {
                                acc += ci[k] * cj[k]
                                k += b
                            }
                            g[s] = acc / Double(t - firstStep)
                        }
                    }
                }
                let m = g.reduce(0, +) / Double(b)
                let variance = g.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(b - 1)
                mean[i, j] = m
                mean[j, i] = m
                se[i, j] = (variance / Double(b)).squareRoot()
                se[j, i] = se[i, j]
            }
        }
        return (mean, se)
    }

    @Test("Stationary Gauss–Newton in the engine layout reproduces the 2×2 eigenvalue blocks (rel 1e-13)")
    func blocksAgree() throws {
        let lambdas = [Complex(0.6, 0.7), Complex(0.6, -0.7), Complex(-0.3, 0.5)]
        let b = [Complex(0.4, -1.0), Complex(0.3, 0.2), Complex(-0.9, 0.5)]
        let c = [Complex(1.2, 0.1), Complex(-0.5, 0.8), Complex(0.7, 0.7)]
        let params =
            lambdas.map(\.real) + lambdas.map(\.imaginary) + b.map(\.real) + b.map(\.imaginary)
            + c.map(\.real) + c.map(\.imaginary) + [0.3]
        let model = try ComplexDiagonalRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, parameters: params)
        for rho in [0.0, 0.8] {
            let acf = try InputAutocorrelation.geometric(rho: rho)
            let full = try DiagonalNetworkHessian.gaussNewton(model, input: acf)
            let units = (0..<3).map { DiagonalUnit(eigenvalue: lambdas[$0], inputWeight: b[$0], readout: c[$0]) }
            let block = try DiagonalNetworkHessian.eigenvalueBlock(units: units, input: acf)
            for i in 0..<3 {
                for j in 0..<3 {
                    for (u, v) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        let a = full[i + 3 * u, j + 3 * v], e = block[2 * i + u, 2 * j + v]
                        #expect(abs(a - e) < 1e-13 * block.frobeniusNorm, "ρ = \(rho) (\(i),\(u)) × (\(j),\(v))")
                    }
                }
            }
        }
    }

    @Test("Finite-horizon moments converge to the stationary closed forms (T = 20 000, burn-in 2000: rel 1e-10)")
    func finiteHorizonLimit() throws {
        let acf = try InputAutocorrelation(components: [(0.6, 0.7), (0.4, 0)])
        let horizon = FiniteHorizonMoments(steps: 20_000, skippedSteps: 2_000, autocorrelation: acf)
        let a = Complex(0.95, 0.1), c = Complex(0.8, -0.3)
        let f = horizon.moments(a, c), s = PairMoments<Complex<Double>>.stationary(a, c, acf)
        for (x, y) in [
            (f.states, s.states), (f.derivativeState, s.derivativeState),
            (f.stateDerivative, s.stateDerivative), (f.derivatives, s.derivatives),
            (f.inputFirst, s.inputFirst), (f.inputSecondDerivative, s.inputSecondDerivative),
        ] {
            #expect((x - y).length < 1e-10 * y.length, "\(x) vs \(y)")
        }
    }

    @Test(
        "Engine Hessian at the optimum = closed-form Gauss–Newton (finite T, h₀ = 0; and burn-in mask), every parameter group, |z| < 5 per entry (96 sequences × 80 steps)",
        arguments: [
            (EigenvalueParametrization.default, InputNormalization.none, 0.0),
            (.exp, .learned, 0.6), (.polar, .l2, 0.3), (.optimal, .l1, 0.0),
        ])
    func engineAgainstClosedForm(
        _ parametrization: EigenvalueParametrization, _ normalization: InputNormalization,
        _ rho: Double
    ) throws {
        let config = ComplexDiagonalConfiguration(parametrization: parametrization, normalization: normalization)
        var model = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 2, outputSize: 1, configuration: config,
            initialization: .zucchetOrvieto2024(), seed: 31)
        // Put the eigenvalues at a conjugate-like pair with |λ| ≈ 0.85 (memory ≈ 7 steps).
        let l0 = Complex(0.85 * Double.cos(0.5), 0.85 * Double.sin(0.5))
        var p = model.parameters
        let names = parametrization.groupNames
        for (j, l) in [l0, l0.conjugate * Complex(0.95, 0)].enumerated() {
            let w = try parametrization.parameters(modulus: l.length, phase: Double.atan2(y: l.imaginary, x: l.real))
            p[try model.parameterGroup(named: "layer0.\(names.first)").range.lowerBound + j] = w.0
            p[try model.parameterGroup(named: "layer0.\(names.second)").range.lowerBound + j] = w.1
        }
        try model.setParameters(p)
        let steps = 80, batch = 96, burnIn = 30
        let x = try Self.ar1Batch(steps: steps, batch: batch, rho: rho, seed: 77)
        let y = try model.outputs(x)  // teacher = student: zero loss
        let acf = try InputAutocorrelation.geometric(rho: rho)
        let columns = try Self.outputJacobian(model, inputs: x)
        // The engine's exact Hessian with the loss masked after a burn-in equals the Gauss–Newton matrix of the JVPs
        // (identity, Z7); both are compared with the closed form. Without the mask (h₀ = 0 transient included) the
        // JVP Gauss–Newton is compared with the finite-horizon closed form.
        let engine = try model.hessian(inputs: x, targets: y, loss: MeanSquaredError(mask: .fromStep(burnIn)))
        #expect(engine.loss == 0)
        for first in [0, burnIn] {
            let (measured, se) = Self.gaussNewton(columns, steps: steps, batch: batch, firstStep: first)
            if first == burnIn {
                let identity = (engine.symmetrized - measured).frobeniusNorm / measured.frobeniusNorm
                #expect(identity < 1e-10, "engine Hessian vs JᵀJ/n: \(identity)")
            }
            let predicted = try DiagonalNetworkHessian.gaussNewton(model, input: acf, steps: steps, burnIn: first)
            var worst = 0.0
            for i in 0..<model.parameterCount {
                for j in 0..<model.parameterCount where se[i, j] > 0 {
                    worst = max(worst, abs(measured[i, j] - predicted[i, j]) / se[i, j])
                }
            }
            #expect(worst < 5, "\(parametrization) \(normalization) ρ = \(rho) from step \(first): max |z| = \(worst)")
            let rel = (measured - predicted).frobeniusNorm / predicted.frobeniusNorm
            // Sampling error of 96 sequences × 80 steps is ≈ 5–12% in Frobenius norm; the z-scores are the test.
            #expect(rel < 0.25, "\(parametrization) \(normalization): rel Frobenius \(rel)")
        }
    }

    @Test(
        "Z7 (Fig. 4/9 study; T = 120, batch 16 in the default suite): H = JᵀJ/n (rel Frobenius 1e-8) for the dense and complex-diagonal networks computing the same function"
    )
    func figure4Study() throws {
        let r = try OptimumHessianStudy.run(OptimumHessianStudy.Configuration(steps: 120, batchSize: 16, seed: 3))
        #expect(r.dense.hessian.rows == 25 && r.diagonal.hessian.rows == 25)
        #expect(r.outputMismatch < 1e-10, "outputs differ by \(r.outputMismatch)")
        for (name, a) in [("dense", r.dense), ("diagonal", r.diagonal)] {
            #expect(a.loss < 1e-20, "\(name) loss \(a.loss)")
            #expect(a.gaussNewtonMismatch < 1e-8, "\(name): ‖H − JᵀJ/n‖/‖JᵀJ/n‖ = \(a.gaussNewtonMismatch)")
            #expect(a.asymmetry < 1e-12)
            #expect(a.eigenvalues.last! > -1e-8 * a.eigenvalues[0], "\(name): PSD at zero loss")
            #expect(a.topEigenvectors.count == 3)
            for v in a.topEigenvectors {
                #expect(abs(v.groups.reduce(0) { $0 + $1.mass } - 1) < 1e-12)
                #expect(v.participationRatio >= 1 && v.participationRatio <= 25)
            }
        }
        for l in r.teacher.eigenvalues { #expect(l.length >= 0.99 && l.length <= 0.993) }
        // Conjugate pairs: λ₂ = λ̄₁.
        #expect(r.teacher.eigenvalues[1] == r.teacher.eigenvalues[0].conjugate)
        // The finite-horizon closed form is much closer to the measured Hessian than the stationary one at T = 120,
        // |λ| ≈ 0.99 (the transient from h₀ = 0 dominates).
        let stationaryError =
            (r.diagonal.hessian - r.diagonalStationaryPrediction).frobeniusNorm
            / r.diagonalStationaryPrediction.frobeniusNorm
        #expect(
            r.diagonalPredictionError < 0.5 && r.diagonalPredictionError < 0.5 * stationaryError,
            "finite-T error \(r.diagonalPredictionError), stationary error \(stationaryError)")
    }

    @Test("Bad input: multi-layer or scaled_exp networks, |λ| ≥ 1, burn-in ≥ steps")
    func badInput() throws {
        let two = try ComplexDiagonalRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, layers: 2, seed: 1)
        #expect(throws: CurseOfMemoryError.self) { try DiagonalNetworkHessian.gaussNewton(two, input: .white) }
        let scaled = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 2, outputSize: 1,
            configuration: .init(parametrization: .scaledExp), seed: 1)
        #expect(throws: CurseOfMemoryError.self) { try DiagonalNetworkHessian.gaussNewton(scaled, input: .white) }
        let one = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 1, outputSize: 1, parameters: [1.0, 0, 1, 0, 1, 0, 0])
        #expect(throws: CurseOfMemoryError.self) { try DiagonalNetworkHessian.gaussNewton(one, input: .white) }
        let ok = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 1, outputSize: 1, parameters: [0.5, 0, 1, 0, 1, 0, 0])
        #expect(throws: CurseOfMemoryError.self) {
            try DiagonalNetworkHessian.gaussNewton(ok, input: .white, steps: 10, burnIn: 10)
        }
        #expect(throws: CurseOfMemoryError.self) {
            try DiagonalNetworkHessian.eigenvalueBlock(
                units: [
                    DiagonalUnit(
                        eigenvalue: Complex(1, 0),
                        inputWeight: Complex(1, 0),
                        readout: Complex(1, 0))
                ], input: .white)
        }
    }
}
