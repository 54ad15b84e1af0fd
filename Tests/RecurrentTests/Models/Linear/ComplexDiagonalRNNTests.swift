import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// One configuration of the complex-diagonal RNN for parameterised tests.
struct ComplexDiagonalCase: Sendable, CustomStringConvertible {
    let parametrization: EigenvalueParametrization
    let normalization: InputNormalization
    var layers = 1
    var skip: SkipConnection = .matrix
    var inputSize = 2
    var outputSize = 3
    var hiddenSize = 3

    var description: String {
        "\(parametrization.rawValue)/\(normalization)/L=\(layers)/skip=\(skip.rawValue)/\(inputSize)→\(hiddenSize)→\(outputSize)"
    }

    /// Every parametrization except scaled_exp (whose reported gradient is not ∇L by design; tested separately)
    /// with every normalisation, one layer; plus stacked and diagonal-skip variants.
    static let exactGradientCases: [ComplexDiagonalCase] = {
        var cases: [ComplexDiagonalCase] = []
        for p in EigenvalueParametrization.allCases where p != .scaledExp {
            for n in [InputNormalization.none, .l2(epsilon: 0), .l2(epsilon: 1e-6), .l1, .learned] {
                cases.append(ComplexDiagonalCase(parametrization: p, normalization: n))
            }
        }
        cases.append(
            ComplexDiagonalCase(
                parametrization: .exp, normalization: .learned, layers: 2, skip: .diagonal,
                inputSize: 2, outputSize: 2))
        cases.append(
            ComplexDiagonalCase(parametrization: .optimal, normalization: .l2(epsilon: 0), layers: 2, skip: .none))
        cases.append(ComplexDiagonalCase(parametrization: .default, normalization: .none, layers: 3))
        // Wide input and readout (gemm paths; fused paths are used up to 4 features) and a narrow second layer.
        cases.append(
            ComplexDiagonalCase(parametrization: .polar, normalization: .l1, layers: 2, inputSize: 5, outputSize: 6))
        cases.append(
            ComplexDiagonalCase(
                parametrization: .exp, normalization: .learned, layers: 2, skip: .diagonal,
                inputSize: 6, outputSize: 6, hiddenSize: 2))
        return cases
    }()

    func make(hiddenSize: Int? = nil, seed: UInt64 = 17, tangents: ScaledExpTangents = .exact) throws
        -> ComplexDiagonalRNN
    {
        let hiddenSize = hiddenSize ?? self.hiddenSize
        return try ComplexDiagonalRNN(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers,
            configuration: ComplexDiagonalConfiguration(
                parametrization: parametrization, normalization: normalization,
                skip: skip, scaledExpTangents: tangents),
            initialization: .zucchetOrvieto2024(minimumModulus: 0.5, maximumModulus: 0.95, maximumPhase: 2), seed: seed)
    }
}

/// Forward pass of ONE sequence (batch size 1) with Complex<Double> arithmetic, written independently of the engine (layer inputs
/// [Re h; Im h] for ℓ ≥ 1, y = Re(C h) + skip).
func complexDiagonalReference(_ m: ComplexDiagonalRNN, _ x: SequenceBatch, initial: [[Complex<Double>]]? = nil) throws
    -> [Double]
{
    guard x.batchSize == 1 else { throw RecurrentError.unsupported("reference takes one sequence") }
    let N = m.hiddenSize, q = m.outputSize, d = m.inputSize
    func group(_ name: String) throws -> [Double] { m.parameterValues(of: try m.parameterGroup(named: name)) }
    var layerInputs: [[Double]] = (0..<x.steps).map { t in Array(x.values[(t * d)..<((t + 1) * d)]) }
    var top: [[Complex<Double>]] = []
    for l in 0..<m.layerCount {
        let lambda = try m.eigenvalues(layer: l), gamma = try m.normalizationFactors(layer: l)
        let bRe = try group("layer\(l).B_re"), bIm = try group("layer\(l).B_im")
        let width = bRe.count / N
        var h = initial?[l] ?? [Complex<Double>](repeating: .zero, count: N)
        var outs: [[Complex<Double>]] = []
        for u in layerInputs {
            for j in 0..<N {
                var z = Complex<Double>.zero
                for k in 0..<width { z = z + Complex(bRe[j + k * N], bIm[j + k * N]) * Complex(u[k], 0) }
                h[j] = lambda[j] * h[j] + Complex(gamma[j], 0) * z
            }
            outs.append(h)
        }
        layerInputs = outs.map { s in s.map(\.real) + s.map(\.imaginary) }
        top = outs
    }
    let cRe = try group("readout.C_re"), cIm = try group("readout.C_im")
    let dValues = m.configuration.skip == .none ? [] : try group("readout.D")
    var y: [Double] = []
    for (t, h) in top.enumerated() {
        let xt = Array(x.values[(t * d)..<((t + 1) * d)])
        for i in 0..<q {
            var s = Complex<Double>.zero
            for j in 0..<N { s = s + Complex(cRe[i + j * q], cIm[i + j * q]) * h[j] }
            var v = s.real
            switch m.configuration.skip {
            case .none: break
            case .diagonal: v += dValues[i] * xt[i]
            case .matrix: for k in 0..<d { v += dValues[i + k * q] * xt[k] }
            }
            y.append(v)
        }
    }
    return y
}

@Suite("Complex-diagonal linear RNN")
struct ComplexDiagonalRNNTests {
    @Test(
        "Forward pass = Complex<Double> reference, 1–2 layers, h₀ ≠ 0, every parametrization",
        arguments: EigenvalueParametrization.allCases)
    func forwardMatchesComplexReference(_ p: EigenvalueParametrization) throws {
        for (layers, skip, width, outputs) in [
            (1, SkipConnection.matrix, 2, 3), (2, .none, 2, 3), (1, .matrix, 6, 5),
            (2, .diagonal, 5, 5),
        ] {
            let c = ComplexDiagonalCase(
                parametrization: p, normalization: .l2(epsilon: 0), layers: layers, skip: skip,
                inputSize: width, outputSize: outputs)
            let m = try c.make(hiddenSize: 4)
            let x = try ModelDerivativeChecks.randomBatch(steps: 8, batchSize: 1, features: width, seed: 3)
            var rng = TestSupport.rng(4)
            let h0 = (0..<layers).map { _ in (0..<4).map { _ in Complex(rng.gaussian(), rng.gaussian()) } }
            let s0 = try h0.map { h in try Matrix(rows: 8, columns: 1, columnMajor: h.map(\.real) + h.map(\.imaginary))
            }
            let y = try m.outputs(x, initialStates: s0)
            let e = TestSupport.maxAbsError(y.values, try complexDiagonalReference(m, x, initial: h0))
            #expect(e < 1e-12, "\(c): max |Δy| = \(e)")
        }
    }

    @Test("Parametrizations: λ formulas of Zucchet & Orvieto (2024) and exact reparametrization")
    func parametrizationFormulas() throws {
        let base = try ComplexDiagonalCase(parametrization: .default, normalization: .none).make(hiddenSize: 5)
        let lambda = try base.eigenvalues()
        let x = try ModelDerivativeChecks.randomBatch(steps: 6, batchSize: 2, features: 2, seed: 8)
        let y = try base.outputs(x).values
        for p in EigenvalueParametrization.allCases {
            let m = try base.reparametrized(as: p)
            let g = m.parameterGroups
            let w1 = m.parameterValues(of: g[0]), w2 = m.parameterValues(of: g[1])
            let names = p.groupNames
            #expect(g[0].name == "layer0.\(names.first)" && g[1].name == "layer0.\(names.second)")
            for j in 0..<5 {
                // λ from the table, written out independently.
                let expected: Complex<Double>
                switch p {
                case .default: expected = Complex(w1[j], w2[j])
                case .polar: expected = Complex(w1[j] * .cos(w2[j]), w1[j] * .sin(w2[j]))
                case .exp: expected = Complex.exp(Complex(-Double.exp(w1[j]), Double.exp(w2[j])))
                case .scaledExp:
                    let nu = Double.exp(-Double.exp(w1[j]))
                    expected = Complex(nu, 0) * Complex.exp(Complex(0, (1 - nu) * w2[j]))
                case .optimal:
                    let nu = Double.tanh(w1[j])
                    let theta = w2[j] * (1 - nu * nu) / (nu * (1 + nu * nu).squareRoot())
                    expected = Complex(nu * .cos(theta), nu * .sin(theta))
                }
                let got = try m.eigenvalues()[j]
                #expect((got - expected).length < 1e-14, "\(p) unit \(j): \(got) vs \(expected)")
                #expect((got - lambda[j]).length < 1e-13, "\(p) unit \(j): reparametrized λ \(got) vs \(lambda[j])")
            }
            let e = TestSupport.maxAbsError(try m.outputs(x).values, y)
            #expect(e < 1e-13, "\(p): outputs change by \(e) under reparametrization")
        }
    }

    @Test("Gradient w.r.t. λ as real pairs: the exp-parametrization gradient is Jᵀ(∂L/∂Re λ, ∂L/∂Im λ)")
    func realPairConvention() throws {
        let p = try LinearModelProblem(try ComplexDiagonalCase(parametrization: .exp, normalization: .l2).make())
        guard let m = p.model as? ComplexDiagonalRNN else { throw RecurrentError.unsupported("not cdiag") }
        let d = try m.reparametrized(as: .default)
        let gExp = try m.lossAndGradient(inputs: p.inputs, targets: p.targets).gradient
        let gDef = try d.lossAndGradient(inputs: p.inputs, targets: p.targets).gradient
        let w1 = m.parameterValues(of: m.parameterGroups[0]), w2 = m.parameterValues(of: m.parameterGroups[1])
        let lambda = try m.eigenvalues()
        for j in 0..<3 {
            // ∂λ/∂ν_log = −e^{ν_log}·λ, ∂λ/∂θ_log = i e^{θ_log}·λ.
            let d1 = Complex(-Double.exp(w1[j]), 0) * lambda[j], d2 = Complex(0, Double.exp(w2[j])) * lambda[j]
            let gRe = gDef[j], gIm = gDef[3 + j]
            #expect(TestSupport.relativeError(gExp[j], gRe * d1.real + gIm * d1.imaginary) < 1e-12)
            #expect(TestSupport.relativeError(gExp[3 + j], gRe * d2.real + gIm * d2.imaginary) < 1e-12)
        }
        // Every other group is the same parameter in both models.
        #expect(TestSupport.maxRelativeError(Array(gExp[6...]), Array(gDef[6...])) < 1e-13)
    }

    @Test(
        "scaled_exp, exact tangents: G = ∇L except the stop-gradient term in ω₁; HVP = d/dε G(ω + εv) (not symmetric)")
    func scaledExpExactTangents() throws {
        let c = ComplexDiagonalCase(parametrization: .scaledExp, normalization: .l2(epsilon: 0))
        let p = try LinearModelProblem(try c.make())
        let m = p.model
        let (_, g) = try m.lossAndGradient(inputs: p.inputs, targets: p.targets)
        var mm = m
        let fd = try TestSupport.finiteDifferenceGradient(
            { th in
                try mm.setParameters(th)
                return try mm.loss(inputs: p.inputs, targets: p.targets)
            }, at: m.parameters)
        // True ∂L/∂ω₁ = G₁ + (∂L/∂θ)·ω₂·∂(1 − ν)/∂ω₁ = G₁ + (G₂/(1 − ν))·ω₂·e^{ω₁}ν.
        var corrected = g
        let w1 = Array(m.parameters[0..<3]), w2 = Array(m.parameters[3..<6])
        for j in 0..<3 {
            let nu = Double.exp(-Double.exp(w1[j]))
            corrected[j] += g[3 + j] / (1 - nu) * w2[j] * Double.exp(w1[j]) * nu
        }
        #expect(TestSupport.maxRelativeError(corrected, fd) < 1e-6)
        #expect(TestSupport.maxRelativeError(Array(g[3...]), Array(fd[3...])) < 1e-6, "other components are ∇L")
        #expect(TestSupport.maxRelativeError(Array(g[0..<3]), Array(fd[0..<3])) > 1e-4, "the sg term is visible")
        let v = ModelDerivativeChecks.randomDirection(count: m.parameterCount, seed: 3)
        let w = ModelDerivativeChecks.randomDirection(count: m.parameterCount, seed: 4)
        let h = try ModelDerivativeChecks.hvpError(m, inputs: p.inputs, targets: p.targets, direction: v)
        #expect(h < 1e-5, "HVP vs differences of G: \(h)")
        let s = try ModelDerivativeChecks.hvpSymmetryError(m, inputs: p.inputs, targets: p.targets, v: v, w: w)
        #expect(s > 1e-6, "J_G should not be symmetric, asymmetry \(s)")
        let j = try ModelDerivativeChecks.jvpError(m, inputs: p.inputs, parameterDirection: v, inputDirection: nil)
        #expect(j < 1e-6, "JVP relative error \(j)")
        let sequence = try ModelDerivativeChecks.randomBatch(steps: 4, batchSize: 1, features: 2, seed: 31)
        #expect(try ModelDerivativeChecks.stepJacobianError(m, sequence: sequence) < 1e-6)
    }

    @Test("scaled_exp, stopped tangents (JAX): HVP = Hessian of L with 1 − ν frozen, symmetric")
    func scaledExpStoppedTangents() throws {
        let c = ComplexDiagonalCase(parametrization: .scaledExp, normalization: .l2(epsilon: 0))
        let p = try LinearModelProblem(try c.make(tangents: .stopped))
        guard let m = p.model as? ComplexDiagonalRNN else { throw RecurrentError.unsupported("not cdiag") }
        let exact = try c.make(tangents: .exact)
        let v = ModelDerivativeChecks.randomDirection(count: m.parameterCount, seed: 3)
        let w = ModelDerivativeChecks.randomDirection(count: m.parameterCount, seed: 4)
        let s = try ModelDerivativeChecks.hvpSymmetryError(m, inputs: p.inputs, targets: p.targets, v: v, w: w)
        #expect(s < 1e-10, "symmetry error \(s)")
        // Directions without ω₁ components never see the stop-gradient: both semantics agree.
        var v2 = v
        for j in 0..<3 { v2[j] = 0 }
        let a = try m.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v2).product
        let b = try exact.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v2).product
        #expect(TestSupport.maxRelativeError(a, b) < 1e-14)
        // Reference: with c₀ = 1 − ν frozen, L_c(ω) = L_polar(ν = exp(−e^{ω₁}), θ = c₀ω₂), so
        // G_c(ω) = (∂L/∂ν·(−e^{ω₁}ν), ∂L/∂θ·c₀, rest) and the HVP is the derivative of G_c along v.
        let w1 = Array(m.parameters[0..<3])
        let c0 = w1.map { 1 - Double.exp(-Double.exp($0)) }
        let polarLayout = try m.reparametrized(as: .polar)
        func frozenGradient(_ theta: [Double]) throws -> [Double] {
            var q = theta
            for j in 0..<3 {
                q[j] = Double.exp(-Double.exp(theta[j]))
                q[3 + j] = c0[j] * theta[3 + j]
            }
            var polar = polarLayout
            try polar.setParameters(q)
            var g = try polar.lossAndGradient(inputs: p.inputs, targets: p.targets).gradient
            for j in 0..<3 {
                g[j] *= -Double.exp(theta[j]) * q[j]
                g[3 + j] *= c0[j]
            }
            return g
        }
        let gm = try frozenGradient(m.parameters)
        #expect(
            TestSupport.maxRelativeError(gm, try m.lossAndGradient(inputs: p.inputs, targets: p.targets).gradient)
                < 1e-12,
            "G_c = G at c₀")
        let h = 1e-5 / (v.map(abs).max() ?? 1)
        let gp = try frozenGradient(zip(m.parameters, v).map { $0 + h * $1 })
        let gn = try frozenGradient(zip(m.parameters, v).map { $0 - h * $1 })
        let fd = zip(gp, gn).map { ($0 - $1) / (2 * h) }
        let hv = try m.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v).product
        #expect(TestSupport.maxRelativeError(hv, fd) < 1e-5)
    }

    @Test("Associative scan = sequential recurrence with h₀ ≠ 0 (G1); dropping h₀ is detected")
    func associativeScan() throws {
        var rng = TestSupport.rng(12)
        for n in [1, 2, 7, 64, 1000] {
            let a = (0..<n).map { _ in Complex(0.9 * rng.uniform(-1, 1), 0.4 * rng.uniform(-1, 1)) }
            let b = (0..<n).map { _ in Complex(rng.gaussian(), rng.gaussian()) }
            let h0 = Complex(2.5, -1.5)
            let seq = try ComplexDiagonalScan.sequential(coefficients: a, inputs: b, initial: h0)
            let par = try ComplexDiagonalScan.associative(coefficients: a, inputs: b, initial: h0)
            let scale = seq.reduce(0) { max($0, $1.length) }
            let e = zip(seq, par).reduce(0) { max($0, ($1.0 - $1.1).length) } / scale
            #expect(e < 1e-12, "T = \(n): relative error \(e)")
            let forgotten = try ComplexDiagonalScan.associative(coefficients: a, inputs: b)
            #expect((forgotten[0] - seq[0]).length > 0.1)
        }
        // The model's recurrence equals the scan of its own λ and drive.
        let m = try ComplexDiagonalCase(parametrization: .exp, normalization: .learned, inputSize: 1, outputSize: 1)
            .make(hiddenSize: 2)
        let x = try ModelDerivativeChecks.randomBatch(steps: 50, batchSize: 1, features: 1, seed: 2)
        let s0 = try Matrix(rows: 4, columns: 1, columnMajor: [1, -2, 0.5, 3])
        let traj = try m.forward(x, initialStates: [s0])
        let lambda = try m.eigenvalues(), gamma = try m.normalizationFactors()
        let bRe = m.parameterValues(of: try m.parameterGroup(named: "layer0.B_re"))
        let bIm = m.parameterValues(of: try m.parameterGroup(named: "layer0.B_im"))
        for j in 0..<2 {
            let drive = x.values.map { Complex(gamma[j] * bRe[j] * $0, gamma[j] * bIm[j] * $0) }
            let h = try ComplexDiagonalScan.associative(
                coefficients: Array(repeating: lambda[j], count: 50), inputs: drive,
                initial: Complex(s0.elements[j], s0.elements[2 + j]))
            for t in 0..<50 {
                let got = Complex(traj.states[0].values[4 * (t + 1) + j], traj.states[0].values[4 * (t + 1) + 2 + j])
                #expect((got - h[t]).length < 1e-12 * max(1, h[t].length))
            }
        }
    }

    @Test("Domain errors: L2 needs |λ| < 1, L1 needs λ ≠ 0, exp needs 0 < |λ| < 1")
    func domainErrors() throws {
        var m = try ComplexDiagonalCase(parametrization: .default, normalization: .l2(epsilon: 0)).make()
        #expect(try m.normalizationFactors().allSatisfy { $0 > 0 && $0 < 1 })
        var p = m.parameters
        p[0] = 1.2
        #expect(throws: RecurrentError.self) { try m.setParameters(p) }
        var l1 = try ComplexDiagonalCase(parametrization: .default, normalization: .l1).make()
        var q = l1.parameters
        q[0] = 0
        q[3] = 0
        #expect(throws: RecurrentError.self) { try l1.setParameters(q) }
        let unstable = try ComplexDiagonalCase(parametrization: .default, normalization: .none).make()
        var r = unstable.parameters
        r[0] = 1.5
        let u = try ComplexDiagonalRNN(inputSize: 2, hiddenSize: 3, outputSize: 3, parameters: r)
        #expect(throws: RecurrentError.self) { try u.reparametrized(as: .exp) }
        #expect(throws: RecurrentError.self) {
            try ComplexDiagonalRNN(
                inputSize: 2, hiddenSize: 3, outputSize: 3,
                initialization: .orvieto2023(minimumModulus: 0.5, maximumModulus: 1.1), seed: 1)
        }
    }
}
