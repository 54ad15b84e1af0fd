import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Kolmogorov–Smirnov statistic D_n = sup |F̂_n − F| of a sample against a continuous CDF.
func kolmogorovSmirnovStatistic(_ sample: [Double], cdf: (Double) -> Double) -> Double {
    let x = sample.sorted()
    let n = Double(x.count)
    var d = 0.0
    for (i, v) in x.enumerated() {
        let f = cdf(v)
        d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
}

/// Critical value of D_n at α = 0.01 (asymptotic Kolmogorov distribution: K_{0.99} = 1.628, so 1.63/√n).
func kolmogorovSmirnovCritical(_ n: Int) -> Double { 1.63 / Double(n).squareRoot() }

@Suite("LRU")
struct LRUTests {
    @Test("λ = exp(−exp(ν_log) + i·exp(θ_log)), γ initialised at √(1 − |λ|²), groups named as in the paper")
    func parametrization() throws {
        let m = try LRU(
            inputSize: 3, hiddenSize: 8, outputSize: 3, initialization: .orvieto2023(minimumModulus: 0.2), seed: 5)
        #expect(
            m.parameterGroups.map(\.name) == [
                "layer0.nu_log", "layer0.theta_log", "layer0.gamma_log", "layer0.B_re",
                "layer0.B_im", "readout.C_re", "readout.C_im", "readout.D",
            ])
        let nuLog = m.parameterValues(of: m.parameterGroups[0]), thetaLog = m.parameterValues(of: m.parameterGroups[1])
        let lambda = try m.eigenvalues(), gamma = try m.normalizationFactors()
        for j in 0..<8 {
            let expected = Complex.exp(Complex(-Double.exp(nuLog[j]), Double.exp(thetaLog[j])))
            #expect((lambda[j] - expected).length < 1e-15)
            #expect(TestSupport.relativeError(gamma[j], (1 - lambda[j].lengthSquared).squareRoot()) < 1e-13)
        }
        let x = try ModelDerivativeChecks.randomBatch(steps: 7, batchSize: 1, features: 3, seed: 6)
        #expect(try m.outputs(x) == m.asComplexDiagonal.outputs(x))
        let e = TestSupport.maxAbsError(try m.outputs(x).values, try complexDiagonalReference(m.asComplexDiagonal, x))
        #expect(e < 1e-12, "LRU vs Complex<Double> reference: \(e)")
        #expect(throws: RecurrentError.self) { try LRU(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 1) }
    }

    @Test(
        "R1 ring init: KS test of P(|λ| ≤ r) = (r² − r_min²)/(r_max² − r_min²) and of the phases, E|λ|², 10⁴ draws",
        arguments: DiagonalInitialization.Scheme.allCases)
    func ringInitialization(_ scheme: DiagonalInitialization.Scheme) throws {
        let rMin = 0.4, rMax = 0.9, phiMax = 2.0, n = 10_000
        let m = try LRU(
            inputSize: 1, hiddenSize: n, outputSize: 1,
            initialization: DiagonalInitialization(
                scheme: scheme, minimumModulus: rMin, maximumModulus: rMax,
                maximumPhase: phiMax), seed: 2024)
        let lambda = try m.eigenvalues()
        let moduli = lambda.map(\.length)
        let critical = kolmogorovSmirnovCritical(n)
        let dRing = kolmogorovSmirnovStatistic(moduli) { r in
            min(1, max(0, (r * r - rMin * rMin) / (rMax * rMax - rMin * rMin)))
        }
        #expect(dRing < critical, "\(scheme): D = \(dRing), critical \(critical)")
        // Power: the wrong law "|λ| uniform on [r_min, r_max]" is rejected.
        let dWrong = kolmogorovSmirnovStatistic(moduli) { r in min(1, max(0, (r - rMin) / (rMax - rMin))) }
        #expect(dWrong > 2 * critical, "\(scheme): uniform-|λ| law not rejected, D = \(dWrong)")
        // Phases: U(0, φ_max) (paper), U(−φ_max, φ_max) mod 2π (Zucchet–Orvieto); arg ∈ (−π, π] here.
        let phases = lambda.map { Double.atan2(y: $0.imaginary, x: $0.real) }
        let dPhase = kolmogorovSmirnovStatistic(phases) { t in
            switch scheme {
            case .orvieto2023: return min(1, max(0, t / phiMax))
            case .zucchetOrvieto2024: return min(1, max(0, (t + phiMax) / (2 * phiMax)))
            }
        }
        #expect(dPhase < critical, "\(scheme): phase D = \(dPhase)")
        // E|λ|² = (r_min² + r_max²)/2; |λ|² is uniform, so its s.d. is (r_max² − r_min²)/√12.
        let mean = moduli.reduce(0) { $0 + $1 * $1 } / Double(n)
        let se = (rMax * rMax - rMin * rMin) / 12.0.squareRoot() / Double(n).squareRoot()
        #expect(abs(mean - (rMin * rMin + rMax * rMax) / 2) < 3 * se, "\(scheme): E|λ|² = \(mean)")
    }

    @Test("R2: B ~ CN(0, 1/H), γ = √(1 − |λ|²), white unit input ⇒ E|x_j|² = 1 for every λ (MC, 3 s.e.)")
    func normalizedStateVariance() throws {
        // Four eigenvalues, 16 units each; H = 16 inputs (B-row norms ‖B_j‖² have variance 1/H); stationary after T = 200 (0.9^400 ≈ 5e-19).
        let targets: [(nu: Double, theta: Double)] = [(0.3, 0.5), (0.7, 1.0), (0.9, 2.5), (0.9, Double.pi)]
        let perGroup = 16, n = perGroup * targets.count, h = 16, steps = 200, batch = 32, replicates = 12
        var groupMeans = [[Double]](repeating: [], count: targets.count)
        for r in 0..<replicates {
            var m = try LRU(
                inputSize: h, hiddenSize: n, outputSize: h, initialization: .orvieto2023(),
                seed: 100 + UInt64(r))
            var p = m.parameters
            for j in 0..<n {
                let (nu, theta) = targets[j / perGroup]
                p[j] = PortableMath.log(-PortableMath.log(nu))  // ν_log
                p[n + j] = PortableMath.log(theta)  // θ_log
                p[2 * n + j] = 0.5 * PortableMath.log(1 - nu * nu)  // γ_log
            }
            try m.setParameters(p)
            let x = try ModelDerivativeChecks.randomBatch(
                steps: steps, batchSize: batch, features: h, seed: 500 + UInt64(r))
            let states = try m.forward(x).states[0]
            for g in targets.indices {
                var s = 0.0
                for b in 0..<batch {
                    for j in (g * perGroup)..<((g + 1) * perGroup) {
                        let re = try states.value(step: steps, sequence: b, feature: j)
                        let im = try states.value(step: steps, sequence: b, feature: n + j)
                        s += re * re + im * im
                    }
                }
                groupMeans[g].append(s / Double(batch * perGroup))
            }
        }
        for (g, values) in groupMeans.enumerated() {
            let mean = values.reduce(0, +) / Double(replicates)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates - 1)).squareRoot()
            let se = sd / Double(replicates).squareRoot()
            #expect(abs(mean - 1) < 3 * se, "λ = \(targets[g]): E|x|² = \(mean) ± \(se)")
            #expect(se < 0.1, "s.e. \(se) too large for a meaningful test")
        }
    }

    @Test(
        "Initial scales: paper B ~ N(0, 1/(2H)), C ~ N(0, 1/N), D ~ N(0, 1); repository B ~ N(0, 1/N), C, D ~ N(0, 1/d_out)"
    )
    func initialScales() throws {
        func variance(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 } / Double(v.count) }
        func expectVariance(_ m: LRU, _ name: String, _ expected: Double) throws {
            let v = m.parameterValues(of: try m.parameterGroup(named: name))
            // Var of a sample second moment of N(0, σ²): 2σ⁴/n.
            let se = expected * (2 / Double(v.count)).squareRoot()
            #expect(abs(variance(v) - expected) < 4 * se, "\(name): \(variance(v)) vs \(expected)")
        }
        let paper = try LRU(inputSize: 8, hiddenSize: 400, outputSize: 8, initialization: .orvieto2023(), seed: 9)
        try expectVariance(paper, "layer0.B_re", 1.0 / 16)
        try expectVariance(paper, "layer0.B_im", 1.0 / 16)
        try expectVariance(paper, "readout.C_re", 1.0 / 400)
        let big = try LRU(inputSize: 300, hiddenSize: 1, outputSize: 300, initialization: .orvieto2023(), seed: 9)
        try expectVariance(big, "readout.D", 1)
        let repo = try LRU(
            inputSize: 8, hiddenSize: 400, outputSize: 4, skip: .matrix,
            initialization: .zucchetOrvieto2024(), seed: 9)
        try expectVariance(repo, "layer0.B_re", 1.0 / 400)
        try expectVariance(repo, "readout.C_im", 1.0 / 4)
    }

    @Test("Same seed ⇒ same bytes (parameters, outputs, gradients, HVPs); another seed differs")
    func determinism() throws {
        let a = try LRU(inputSize: 2, hiddenSize: 5, outputSize: 2, seed: 42)
        let b = try LRU(inputSize: 2, hiddenSize: 5, outputSize: 2, seed: 42)
        let c = try LRU(inputSize: 2, hiddenSize: 5, outputSize: 2, seed: 43)
        #expect(a.parameters == b.parameters)
        #expect(a.parameters != c.parameters)
        let x = try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 2, seed: 1)
        let y = try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 2, seed: 2)
        #expect(
            try a.lossAndGradient(inputs: x, targets: y).gradient == b.lossAndGradient(inputs: x, targets: y).gradient)
        let v = ModelDerivativeChecks.randomDirection(count: a.parameterCount, seed: 3)
        #expect(
            try a.hessianVectorProduct(inputs: x, targets: y, direction: v).product
                == b.hessianVectorProduct(inputs: x, targets: y, direction: v).product)
        let d1 = try LinearRNN(inputSize: 1, hiddenSize: 8, outputSize: 1, heads: 2, seed: 7)
        let d2 = try LinearRNN(inputSize: 1, hiddenSize: 8, outputSize: 1, heads: 2, seed: 7)
        #expect(d1.parameters == d2.parameters)
        let c1 = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 8, outputSize: 1,
            configuration: ComplexDiagonalConfiguration(parametrization: .optimal), seed: 7)
        let c2 = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 8, outputSize: 1,
            configuration: ComplexDiagonalConfiguration(parametrization: .optimal), seed: 7)
        #expect(c1.parameters == c2.parameters)
    }
}
