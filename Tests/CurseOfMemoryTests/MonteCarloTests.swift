@testable import CurseOfMemory
import MemoryNumerics
import Synchronization
import Testing
import _TestSupport

/// Z3, Z5 (Monte Carlo), Z8, Z9 (Monte Carlo): simulated second moments with fixed seeds against the closed forms.
/// Chain counts are sized for debug builds; each comparison states its tolerance (relative and in standard errors).
@Suite("Monte-Carlo verifier (Z3, Z5, Z8, Z9)")
struct MonteCarloTests {
    /// |estimate/closed − 1| < relative and |z| < zMax, with a standard error small enough (< 0.4·relative) for the
    /// relative criterion to have power.
    static func check(_ c: MonteCarloComparison, relative: Double = 0.05, zMax: Double = 4, _ label: String) {
        #expect(
            abs(c.ratio - 1) < relative, "\(label): estimate \(c.estimate) ± \(c.standardError), closed \(c.closedForm)"
        )
        #expect(abs(c.z) < zMax, "\(label): z = \(c.z)")
        #expect(c.standardError < 0.4 * relative * abs(c.closedForm), "\(label): standard error too large to test")
    }

    @Test(
        "Z3: E[h²] and E[s²], s_t = λs_{t−1} + h_{t−1}, burn-in 30/(1 − λ) + 30/(1 − ρ): within 0.05 of 1, |z| < 4 (20 000 chains at λ = 0.9, ρ = 0.5; 4000 chains × 8 samples otherwise)",
        arguments: [(0.9, 0.5, 20_000, 1), (0.5, 0.9, 4_000, 8), (0.95, 0.0, 4_000, 8)])
    func stateAndSensitivity(_ lambda: Double, _ rho: Double, _ chains: Int, _ samples: Int) throws {
        let s = try RecurrentSensitivity(lambda: lambda, input: .geometric(rho: rho))
        let spacing = Int(2 / (1 - max(lambda, rho)))
        let r = try MonteCarloVerifier.sensitivity(
            s,
            settings: MonteCarloSettings(
                chains: chains, seed: 3, samplesPerChain: samples, sampleSpacing: spacing))
        #expect(r.burnIn >= Int(30 / (1 - lambda) + 30 / (1 - rho)))
        Self.check(r.activity, "E[h²] λ = \(lambda) ρ = \(rho)")
        Self.check(r.hessian[0][0], "E[s²] λ = \(lambda) ρ = \(rho)")
    }

    @Test("Z5: normalised and parametrised sensitivities (complex λ, cross terms included) vs Monte Carlo, |z| < 4")
    func parametrisedSensitivities() throws {
        let cases: [(Double, Double, Double, Parametrization)] = [
            (0.9, 0, 0.5, .cartesian), (0.9, 0.6, 0.5, .polar), (0.85, 1.2, 0.7, .exp), (0.9, 0.4, 0.3, .optimal),
        ]
        for (nu, theta, rho, p) in cases {
            let s = try RecurrentSensitivity(
                modulus: nu, phase: theta, input: .geometric(rho: rho), normalization: .l2,
                parametrization: p)
            let r = try MonteCarloVerifier.sensitivity(
                s,
                settings: MonteCarloSettings(
                    chains: 3_000, seed: 5,
                    samplesPerChain: 8,
                    sampleSpacing: 20))
            let label = "\(p) ν = \(nu) θ = \(theta) ρ = \(rho)"
            Self.check(r.activity, "\(label) activity")
            Self.check(r.hessian[0][0], "\(label) H11")
            Self.check(r.hessian[1][1], "\(label) H22")
            // The cross entry can be small: judged in standard errors and relative to the diagonal.
            let cross = r.hessian[0][1]
            #expect(abs(cross.z) < 4, "\(label) H12: \(cross.estimate) ± \(cross.standardError) vs \(cross.closedForm)")
            let diagonal = (r.hessian[0][0].closedForm * r.hessian[1][1].closedForm).squareRoot()
            #expect(abs(cross.estimate - cross.closedForm) < 0.05 * diagonal)
        }
    }

    @Test(
        "Z9: constant-gate GRU, BERT-fit input: E[h²] and E[(d_z h)²] vs Monte Carlo (rel 0.05, |z| < 4)",
        arguments: [0.5, 0.9])
    func gru(_ z: Double) throws {
        let g = try ConstantGateGRU(gate: z, input: .bertEmbeddings)
        // The slow BERT component (1/(1 − ρ) ≈ 334 steps) dominates the variance of E[h²]: few chains, many samples
        // spaced by ~1/(1 − ρ)/3.
        let r = try MonteCarloVerifier.gru(
            g,
            settings: MonteCarloSettings(
                chains: 256, seed: 9, samplesPerChain: 48,
                sampleSpacing: 128))
        #expect(r.burnIn >= Int(30 / (1 - z) + 30 / (1 - 0.99701)))
        Self.check(r.activity, "E[h²] z = \(z)")
        Self.check(r.gateSensitivity, "E[(d_z h)²] z = \(z)")
    }

    @Test(
        "Z8: complex-diagonal 2×2 blocks vs Monte Carlo E[∂y ∂yᵀ] (4096 chains, burn-in ≥ 30/(1 − ν)): rel Frobenius 0.05, |z| < 4.5"
    )
    func diagonalBlocks() throws {
        let l0 = Complex(0.9 * Double.cos(Double.pi / 4), 0.9 * Double.sin(Double.pi / 4))
        let units = [
            DiagonalUnit(eigenvalue: l0, inputWeight: Complex(0.8, -0.3), readout: Complex(0.5, 0.9)),
            DiagonalUnit(
                eigenvalue: l0.conjugate * Complex(0.95, 0), inputWeight: Complex(-0.4, 0.7),
                readout: Complex(1.1, 0.2)),
            DiagonalUnit(eigenvalue: Complex(0.8, 0), inputWeight: Complex(0.6, 0), readout: Complex(-0.7, 0.4)),
        ]
        for rho in [0.0, 0.6] {
            let r = try MonteCarloVerifier.diagonalNetworkHessian(
                units: units, input: .geometric(rho: rho), settings: MonteCarloSettings(chains: 4096, seed: 17))
            var diff = 0.0, norm = 0.0
            for row in r {
                for c in row {
                    diff += (c.estimate - c.closedForm) * (c.estimate - c.closedForm)
                    norm += c.closedForm * c.closedForm
                    #expect(abs(c.z) < 4.5, "ρ = \(rho): \(c.estimate) ± \(c.standardError) vs \(c.closedForm)")
                }
            }
            #expect((diff / norm).squareRoot() < 0.05, "ρ = \(rho): rel Frobenius \((diff / norm).squareRoot())")
        }
    }

    @Test(
        "Z1 by simulation: F(a, b) and S(a, b) for a complex pair with different moduli, real and imaginary parts (|z| < 4, 4000 chains × 8 samples)"
    )
    func kernelPair() throws {
        let a = Complex(0.7, 0.45), b = Complex(0.85, -0.2)
        let r = try MonteCarloVerifier.kernels(
            a, b, input: .geometric(rho: 0.4),
            settings: MonteCarloSettings(
                chains: 4000, seed: 21, samplesPerChain: 8,
                sampleSpacing: 12))
        for (name, c) in [
            ("Re F", r.generatingFunction.real), ("Im F", r.generatingFunction.imaginary),
            ("Re S", r.sensitivityKernel.real), ("Im S", r.sensitivityKernel.imaginary),
        ] {
            #expect(abs(c.z) < 4, "\(name): \(c.estimate) ± \(c.standardError) vs \(c.closedForm)")
            #expect(
                c.standardError < 0.05
                    * max(abs(r.sensitivityKernel.real.closedForm), abs(r.generatingFunction.real.closedForm)))
        }
    }

    @Test("Same seed ⇒ identical estimates, serial or parallel; another seed differs")
    func determinism() throws {
        let s = try RecurrentSensitivity(lambda: 0.8, input: .geometric(rho: 0.3))
        let a = try MonteCarloVerifier.sensitivity(
            s, settings: MonteCarloSettings(chains: 1000, seed: 4, parallel: true))
        let b = try MonteCarloVerifier.sensitivity(
            s, settings: MonteCarloSettings(chains: 1000, seed: 4, parallel: false))
        let c = try MonteCarloVerifier.sensitivity(s, settings: MonteCarloSettings(chains: 1000, seed: 5))
        #expect(a == b)
        #expect(a.activity.estimate != c.activity.estimate)
    }

    @Test("Ziggurat: table closes (x₂₅₆ = 0 layer has area v), moments of 10⁶ draws (|z| < 4), tail mass beyond r")
    func ziggurat() {
        let z = ZigguratGaussian.shared
        let top = ZigguratGaussian.area / z.edges[255] + z.heights[255]
        #expect(abs(top - 1) < 1e-9, "top layer: \(top)")
        var rng = SeededRandom(seed: 12)
        let n = 1_000_000
        var s1 = 0.0, s2 = 0.0, s4 = 0.0, tail = 0
        for _ in 0..<n {
            let x = z.next(&rng)
            s1 += x
            s2 += x * x
            s4 += x * x * x * x
            if abs(x) > ZigguratGaussian.r { tail += 1 }
        }
        let dn = Double(n)
        #expect(abs(s1 / dn) < 4 / dn.squareRoot())
        #expect(abs(s2 / dn - 1) < 4 * 2.0.squareRoot() / dn.squareRoot())
        #expect(abs(s4 / dn - 3) < 4 * 96.0.squareRoot() / dn.squareRoot())
        // P(|X| > r) = erfc(r/√2) = 2.5796e-4.
        let p = 2.579_6e-4
        #expect(abs(Double(tail) / dn - p) < 4 * (p / dn).squareRoot())
    }

    @Test("Portable exponential agrees with libm to 2 ulp on [−700, 700]")
    func portableExponential() {
        var x = -700.0
        while x <= 700 {
            let a = PortableExponential.exp(x), b = Double.exp(x)
            #expect(abs(a - b) <= 2 * b.ulp, "x = \(x): \(a) vs \(b)")
            x += 0.8731
        }
    }

    @Test("Bad input: fewer than 2 chains, |λ| = 1, zero samples are one-line errors")
    func badInput() throws {
        let s = try RecurrentSensitivity(lambda: 0.5)
        #expect(throws: CurseOfMemoryError.self) { try MonteCarloVerifier.sensitivity(s, settings: .init(chains: 1)) }
        #expect(throws: CurseOfMemoryError.self) {
            try MonteCarloVerifier.sensitivity(s, settings: .init(chains: 10, samplesPerChain: 0))
        }
        #expect(throws: CurseOfMemoryError.self) {
            try MonteCarloVerifier.sensitivity(try RecurrentSensitivity(lambda: 1), settings: .init(chains: 10))
        }
    }

    @Test("Progress: one serialised report per block of 256 chains, increasing, ending at --chains; same numbers")
    func progressReports() throws {
        let s = try RecurrentSensitivity(lambda: 0.5, input: .geometric(rho: 0.3))
        let settings = MonteCarloSettings(chains: 1000, seed: 4, samplesPerChain: 2, sampleSpacing: 3)
        let reports = Mutex<[Int]>([])
        let with = try MonteCarloVerifier.sensitivity(s, settings: settings) { n in reports.withLock { $0.append(n) } }
        let without = try MonteCarloVerifier.sensitivity(s, settings: settings)
        let counts = reports.withLock { $0 }
        #expect(counts.count == 4, "\(counts)")  // ⌈1000/256⌉ blocks
        #expect(counts == counts.sorted() && counts.last == 1000 && Set(counts).count == counts.count)
        #expect(with == without)
    }
}
