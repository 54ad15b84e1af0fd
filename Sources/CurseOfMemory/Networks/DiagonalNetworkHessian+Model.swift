import MemoryNumerics
import Recurrent

extension DiagonalNetworkHessian {
    /// The full Gauss–Newton matrix E[∂y ∂yᵀ] of a one-layer `ComplexDiagonalRNN` with scalar input and
    /// output, in the engine's parameter order, for a stationary input with autocorrelation `input` — the Hessian
    /// of the ½-mean-squared-error loss at a zero-loss optimum (the teacher–student setting of Zucchet & Orvieto
    /// 2024, NeurIPS, §4.2 and Fig. 4/9), generalising the eigenvalue blocks of
    /// ``eigenvalueBlock(units:input:)`` to every parameter group and to the parametrisations and normalisations
    /// of the engine (default, polar, exp, optimal; none, L2, L1, learned γ).
    ///
    /// With h_j = γ_j B_j h⁰_j (h⁰ the unit-gain state of eigenvalue λ_j, s⁰ = ∂_λh⁰) and y = Re Σ_j C_j h_j + D x,
    /// every ∂y/∂θ is Re P for a probe P = α h⁰_j + β s⁰_j + χ x: ∂y/∂ω = Re(C_jB_j[γ_j′(∂ν/∂ω)h⁰ + γ_j(∂λ/∂ω)s⁰]),
    /// ∂y/∂B_re = Re(C_jγ_jh⁰), ∂y/∂B_im = Re(iC_jγ_jh⁰), ∂y/∂C_re = Re(γ_jB_jh⁰), ∂y/∂C_im = Re(iγ_jB_jh⁰),
    /// ∂y/∂γ_log = Re(C_jB_jγ_jh⁰), ∂y/∂D = x; then E[Re P Re Q] = ½Re(E[PQ] + E[PQ̄]) with the moments of F,
    /// ∂F, S and E[x h⁰] = Σc_k/(1 − ρ_kλ), E[x s⁰] = Σc_kρ_k/(1 − ρ_kλ)².
    ///
    /// `steps` = nil gives the stationary matrix; `steps` = T gives the exact expectation for sequences of length T
    /// started at h₀ = 0 with the loss averaged over the steps after `burnIn` (`MeanSquaredError` with
    /// mask `fromStep(burnIn)`), which is what a network's Hessian estimates.
    public static func gaussNewton(
        _ model: ComplexDiagonalRNN, input: InputAutocorrelation, steps: Int? = nil,
        burnIn: Int = 0
    ) throws -> Matrix {
        try CurseOfMemoryError.require(
            model.layerCount == 1 && model.inputSize == 1 && model.outputSize == 1,
            "model", "needs one layer with scalar input and output")
        if let steps {
            try CurseOfMemoryError.require(
                steps >= 1 && burnIn >= 0 && burnIn < steps, "steps",
                "needs 0 ≤ burn-in < steps, got \(burnIn) and \(steps)")
        }
        let config = model.configuration
        let parametrization: Parametrization
        switch config.parametrization {
        case .default: parametrization = .cartesian
        case .polar: parametrization = .polar
        case .exp: parametrization = .exp
        case .optimal: parametrization = .optimal
        case .scaledExp:
            throw CurseOfMemoryError.invalidArgument(
                argument: "parametrization", message: "scaled_exp (a stop-gradient) has no Gauss–Newton matrix here")
        }
        let n = model.hiddenSize
        let p = model.parameters
        func group(_ name: String) throws -> Range<Int> { try model.parameterGroup(named: name).range }
        let names = config.parametrization.groupNames
        let g1 = try group("layer0.\(names.first)"), g2 = try group("layer0.\(names.second)")
        let gammaLog = config.normalization == .learned ? try group("layer0.gamma_log") : nil
        let bRe = try group("layer0.B_re"), bIm = try group("layer0.B_im")
        let cRe = try group("readout.C_re"), cIm = try group("readout.C_im")
        let d = config.skip == .none ? nil : try group("readout.D")
        let gammas = try model.normalizationFactors(layer: 0)

        // Per unit: eigenvalue and the probes of its parameters.
        var lambdas: [Complex<Double>] = []
        var probes: [(index: Int, unit: Int, probe: Probe<Complex<Double>>)] = []
        let i = Complex<Double>(0, 1)
        for j in 0..<n {
            let w1 = p[g1.lowerBound + j], w2 = p[g2.lowerBound + j]
            let b = Complex(p[bRe.lowerBound + j], p[bIm.lowerBound + j])
            let c = Complex(p[cRe.lowerBound + j], p[cIm.lowerBound + j])
            let gamma = Complex(gammas[j], 0)
            let nu: Double, theta: Double
            var nuDerivative: [Double], lambdaDerivative: [Complex<Double>]
            switch parametrization.kind {
            case .cartesian:
                nu = (w1 * w1 + w2 * w2).squareRoot()
                theta = Double.atan2(y: w2, x: w1)
                nuDerivative = nu > 0 ? [w1 / nu, w2 / nu] : [0, 0]
                lambdaDerivative = [Complex(1, 0), i]
            case .polar(let m, let a):
                nu = Parametrization.modulus(m, w1)
                theta = Parametrization.angle(a, w2, nu: nu)
                let e = Complex(Double.cos(theta), Double.sin(theta))
                let jac = Parametrization.polarJacobian(m, a, nu: Complex<Double>(nu, 0), theta: theta)
                let lambda = Complex(nu, 0) * e
                nuDerivative = [jac.nu1.real, 0]
                lambdaDerivative = [e * jac.nu1 + i * lambda * jac.theta1, i * lambda * jac.theta2]
            }
            let lambda = Complex(nu * Double.cos(theta), nu * Double.sin(theta))
            try CurseOfMemoryError.require(nu < 1, "model", "unit \(j) has |λ| = \(nu) ≥ 1: no stationary moments")
            lambdas.append(lambda)
            // γ′ = dγ/dν.
            let gammaPrime: Double
            switch config.normalization {
            case .none, .learned: gammaPrime = 0
            case .l2: gammaPrime = -nu / gammas[j]
            case .l1: gammaPrime = -1
            }
            let kappa = c * b
            for k in 0..<2 {
                let alpha = kappa * Complex(gammaPrime * nuDerivative[k], 0)
                let beta = kappa * gamma * lambdaDerivative[k]
                probes.append(((k == 0 ? g1 : g2).lowerBound + j, j, Probe(state: alpha, derivative: beta)))
            }
            if let gammaLog {
                probes.append((gammaLog.lowerBound + j, j, Probe(state: kappa * gamma, derivative: .zero)))
            }
            probes.append((bRe.lowerBound + j, j, Probe(state: c * gamma, derivative: .zero)))
            probes.append((bIm.lowerBound + j, j, Probe(state: i * c * gamma, derivative: .zero)))
            probes.append((cRe.lowerBound + j, j, Probe(state: gamma * b, derivative: .zero)))
            probes.append((cIm.lowerBound + j, j, Probe(state: i * gamma * b, derivative: .zero)))
        }
        if let d {
            probes.append((d.lowerBound, 0, Probe(state: .zero, derivative: .zero, input: Complex(1, 0))))
        }

        // Moments of every unit pair, plain and with the second eigenvalue conjugated.
        let horizon = steps.map { FiniteHorizonMoments(steps: $0, skippedSteps: burnIn, autocorrelation: input) }
        func moments(_ a: Complex<Double>, _ c: Complex<Double>) -> PairMoments<Complex<Double>> {
            horizon?.moments(a, c) ?? PairMoments.stationary(a, c, input)
        }
        var plain = [[PairMoments<Complex<Double>>]](), conjugate = [[PairMoments<Complex<Double>>]]()
        for a in lambdas {
            plain.append(lambdas.map { moments(a, $0) })
            conjugate.append(lambdas.map { moments(a, $0.conjugate) })
        }
        var h = Matrix(rows: model.parameterCount, columns: model.parameterCount)
        for (ip, up, pp) in probes {
            for (iq, uq, pq) in probes where iq >= ip {
                let direct = plain[up][uq].expectation(pp, pq)
                let crossed = conjugate[up][uq].expectation(pp, pq.conjugate)
                let v = 0.5 * (direct + crossed).real
                h[ip, iq] = v
                h[iq, ip] = v
            }
        }
        return h
    }
}
