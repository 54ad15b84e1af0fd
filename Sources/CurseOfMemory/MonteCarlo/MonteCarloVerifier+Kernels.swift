import MemoryNumerics

extension MonteCarloVerifier {
    /// Estimates of the bilinear kernels F(a, b) = E[h^{(a)}h^{(b)}] and S(a, b) = E[s^{(a)}s^{(b)}] of two units fed
    /// the same input (real and imaginary parts separately; pass b̄ for E[h^{(a)} conj h^{(b)}]), beside
    /// ``MemoryKernels``. Needs |a|, |b| < 1.
    public static func kernels(
        _ a: Complex<Double>, _ b: Complex<Double>, input: InputAutocorrelation,
        settings: MonteCarloSettings = MonteCarloSettings()
    ) throws -> KernelMonteCarlo {
        try MemoryKernels.check(a, b)
        let (burnIn, samples, spacing) = try settings.validated(modulus: max(a.length, b.length), input: input)
        let one = Complex<Double>(1, 0), minusI = Complex<Double>(0, -1)
        // Probes: Re h_a, Im h_a, Re h_b, Im h_b, Re s_a, Im s_a, Re s_b, Im s_b.
        var probes: [LinearUnitSimulator.RealProbe] = []
        for unit in 0..<2 {
            probes.append(.init(unit: unit, state: one, derivative: .zero))
            probes.append(.init(unit: unit, state: minusI, derivative: .zero))
        }
        for unit in 0..<2 {
            probes.append(.init(unit: unit, state: .zero, derivative: one))
            probes.append(.init(unit: unit, state: .zero, derivative: minusI))
        }
        // Re(PQ) = Re P Re Q − Im P Im Q, Im(PQ) = Re P Im Q + Im P Re Q.
        func product(_ p: Int, _ q: Int) -> [LinearUnitSimulator.Target] {
            [[(p, q, 1), (p + 1, q + 1, -1)], [(p, q + 1, 1), (p + 1, q, 1)]]
        }
        let simulator = LinearUnitSimulator(
            units: [.init(lambda: a, gain: one), .init(lambda: b, gain: one)], input: input, probes: probes,
            targets: product(0, 2) + product(4, 6))
        let r = simulator.run(
            chains: settings.chains, burnIn: burnIn, samples: samples, spacing: spacing,
            seed: settings.seed, parallel: settings.parallel)
        let f = try MemoryKernels.generatingFunction(a, b, input: input)
        let s = try MemoryKernels.sensitivityKernel(a, b, input: input)
        func compare(_ k: Int, _ closed: Double) -> MonteCarloComparison {
            MonteCarloComparison(estimate: r[k].mean, standardError: r[k].standardError, closedForm: closed)
        }
        return KernelMonteCarlo(
            generatingFunction: (compare(0, f.real), compare(1, f.imaginary)),
            sensitivityKernel: (compare(2, s.real), compare(3, s.imaginary)), burnIn: burnIn)
    }
}
