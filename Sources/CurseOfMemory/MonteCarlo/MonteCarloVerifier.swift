import MemoryNumerics

/// Every closed form of this module next to a simulation: the forward-mode recursion of the state and its
/// parameter derivatives over many independent chains with a fixed seed, a burn-in of at
/// least 30/(1 − |λ|) + 30/(1 − ρ) steps by default, and an estimate with its standard error beside the closed
/// form (``MonteCarloComparison``; z-scores are N(0, 1) when the closed form is right).
///
/// Inputs with autocorrelation Σ_k c_k ρ_k^{|Δ|} are generated as a sum of independent AR(1) processes (a white
/// component for ρ = 0), Gaussian by the Ziggurat method.
public enum MonteCarloVerifier {
    /// Estimates of E|h̃|² and of E[Re(∂_{ω_i}h̃ conj ∂_{ω_j}h̃)] (``RecurrentSensitivity``), needs |λ| < 1.
    /// `progress` receives the number of chains finished after every block of 256 chains (calls are serialised,
    /// from the threads that run the blocks). The per-chain averages take 4 × 8 bytes per chain.
    public static func sensitivity(
        _ s: RecurrentSensitivity, settings: MonteCarloSettings = MonteCarloSettings(),
        progress: (@Sendable (_ chainsFinished: Int) -> Void)? = nil
    ) throws -> SensitivityMonteCarlo {
        let (burnIn, samples, spacing) = try settings.validated(modulus: s.modulus, input: s.input)
        let nu = s.modulus
        let e = Complex(Double.cos(s.phase), Double.sin(s.phase))
        let lambda = Complex(nu, 0) * e
        let (nuDerivatives, lambdaDerivatives) = s.coordinateDerivatives(nu: Complex<Double>(nu, 0), unitPhase: e)
        let gamma = s.normalization == .l2 ? (1 - nu * nu).squareRoot() : 1
        let gammaPrime = s.normalization == .l2 ? -nu / gamma : 0
        let minusI = Complex<Double>(0, -1)
        var probes: [LinearUnitSimulator.RealProbe] = []
        // Probes 0, 1: Re and Im of h̃ = γh; probes 2 + 2k, 3 + 2k: Re and Im of ∂_{ω_k}h̃ = γ′ν_k h + γλ_k s.
        probes.append(.init(unit: 0, state: Complex(gamma, 0), derivative: .zero))
        probes.append(.init(unit: 0, state: minusI * Complex(gamma, 0), derivative: .zero))
        for k in 0..<2 {
            let alpha = Complex(gammaPrime * nuDerivatives[k].real, 0)
            let beta = Complex(gamma, 0) * lambdaDerivatives[k]
            probes.append(.init(unit: 0, state: alpha, derivative: beta))
            probes.append(.init(unit: 0, state: minusI * alpha, derivative: minusI * beta))
        }
        func modulusSquared(_ p: Int, _ q: Int) -> LinearUnitSimulator.Target {
            [(2 * p + 2, 2 * q + 2, 1), (2 * p + 3, 2 * q + 3, 1)]
        }
        let targets: [LinearUnitSimulator.Target] = [
            [(0, 0, 1), (1, 1, 1)], modulusSquared(0, 0),
            modulusSquared(0, 1), modulusSquared(1, 1),
        ]
        let simulator = LinearUnitSimulator(
            units: [.init(lambda: lambda, gain: Complex(1, 0))], input: s.input,
            probes: probes, targets: targets)
        let r = simulator.run(
            chains: settings.chains, burnIn: burnIn, samples: samples, spacing: spacing,
            seed: settings.seed, parallel: settings.parallel, progress: progress)
        let closed = s.evaluate()
        func compare(_ k: Int, _ v: StationaryValue) -> MonteCarloComparison {
            MonteCarloComparison(
                estimate: r[k].mean, standardError: r[k].standardError, closedForm: v.value ?? .infinity)
        }
        let h01 = compare(2, closed.hessian[0][1])
        return SensitivityMonteCarlo(
            activity: compare(0, closed.activity),
            hessian: [[compare(1, closed.hessian[0][0]), h01], [h01, compare(3, closed.hessian[1][1])]],
            burnIn: burnIn)
    }

    /// Estimates of E[h²] and E[(d_z h)²] for the constant-gate GRU h_t = z h_{t−1} + (1 − z)x_t
    /// (d_z h = s − h/(1 − z), s the eigenvalue derivative at fixed input gain).
    public static func gru(_ g: ConstantGateGRU, settings: MonteCarloSettings = MonteCarloSettings()) throws
        -> (activity: MonteCarloComparison, gateSensitivity: MonteCarloComparison, burnIn: Int)
    {
        let (burnIn, samples, spacing) = try settings.validated(modulus: g.gate, input: g.input)
        let z = g.gate
        let probes: [LinearUnitSimulator.RealProbe] = [
            .init(unit: 0, state: Complex(1, 0), derivative: .zero),
            .init(unit: 0, state: Complex(-1 / (1 - z), 0), derivative: Complex(1, 0)),
        ]
        let simulator = LinearUnitSimulator(
            units: [.init(lambda: Complex(z, 0), gain: Complex(1 - z, 0))],
            input: g.input, probes: probes, targets: [[(0, 0, 1)], [(1, 1, 1)]])
        let r = simulator.run(
            chains: settings.chains, burnIn: burnIn, samples: samples, spacing: spacing,
            seed: settings.seed, parallel: settings.parallel)
        return (
            MonteCarloComparison(estimate: r[0].mean, standardError: r[0].standardError, closedForm: g.activity),
            MonteCarloComparison(
                estimate: r[1].mean, standardError: r[1].standardError,
                closedForm: g.gateSensitivity),
            burnIn
        )
    }

    /// Estimates of the Gauss–Newton eigenvalue block E[∂y ∂yᵀ] of a complex-diagonal network
    /// (``DiagonalNetworkHessian/eigenvalueBlock(units:input:)``), coordinates (Re λ₁, Im λ₁, Re λ₂, …), with
    /// ∂y/∂Re λ_i = Re(c_i s_i) and ∂y/∂Im λ_i = Re(i c_i s_i), s_i = ∂h_i/∂λ_i.
    public static func diagonalNetworkHessian(
        units: [DiagonalUnit], input: InputAutocorrelation,
        settings: MonteCarloSettings = MonteCarloSettings()
    ) throws
        -> [[MonteCarloComparison]]
    {
        let closed = try DiagonalNetworkHessian.eigenvalueBlock(units: units, input: input)
        let largest = units.map(\.eigenvalue.length).max() ?? 0
        let (burnIn, samples, spacing) = try settings.validated(modulus: largest, input: input)
        var probes: [LinearUnitSimulator.RealProbe] = []
        for (j, u) in units.enumerated() {
            probes.append(.init(unit: j, state: .zero, derivative: u.readout))
            probes.append(.init(unit: j, state: .zero, derivative: Complex(0, 1) * u.readout))
        }
        let m = probes.count
        var targets: [LinearUnitSimulator.Target] = []
        var index = [[Int]](repeating: [Int](repeating: 0, count: m), count: m)
        for p in 0..<m {
            for q in p..<m {
                index[p][q] = targets.count
                index[q][p] = targets.count
                targets.append([(p, q, 1)])
            }
        }
        let simulator = LinearUnitSimulator(
            units: units.map { .init(lambda: $0.eigenvalue, gain: $0.inputWeight) }, input: input, probes: probes,
            targets: targets)
        let r = simulator.run(
            chains: settings.chains, burnIn: burnIn, samples: samples, spacing: spacing,
            seed: settings.seed, parallel: settings.parallel)
        return (0..<m).map { p in
            (0..<m).map { q in
                let k = index[p][q]
                return MonteCarloComparison(
                    estimate: r[k].mean, standardError: r[k].standardError,
                    closedForm: closed[p, q])
            }
        }
    }
}
