import MemoryNumerics
import Spectra
import Testing
import _TestSupport

@Suite("Lyapunov spectra of maps and flows")
struct LyapunovMapTests {
    /// The Hénon map x' = 1 − a x² + y, y' = b x (a = 1.4, b = 0.3): λ₁ = 0.41922, λ₂ = −1.62319 (Sprott,
    /// *Chaos and Time-Series Analysis*, Oxford 2003, Table A.1 / §5.6), and λ₁ + λ₂ = ln b exactly (det D = −b).
    @Test func henonMap() throws {
        let henon = try IteratedMap(
            initialState: [0.1, 0.1],
            map: { s in [1 - 1.4 * s[0] * s[0] + s[1], 0.3 * s[0]] },
            jacobian: { s in (try? Matrix([[-2.8 * s[0], 1], [0.3, 0]])) ?? Matrix.identity(2) })
        let spectrum = try LyapunovSpectrum(
            henon,
            options: LyapunovOptions(
                steps: 20_000, transientSteps: 1000, warmUpSteps: 100,
                computesDeterminant: true, perturbation: 1e-8))
        #expect(abs(spectrum.exponents[0] - 0.41922) < 0.01, "\(spectrum.exponents)")
        #expect(abs(spectrum.exponents[1] + 1.62319) < 0.01)
        // Y1: Σλ = ⟨log|det D_t|⟩ = ln 0.3 (rel 1e-10).
        #expect(abs(spectrum.sum - Double.log(0.3)) <= 1e-10 * abs(Double.log(0.3)))
        #expect(abs(spectrum.sum - spectrum.meanLogAbsDeterminant!) <= 1e-10 * abs(spectrum.sum))
        // Y4: two-trajectory λ₁ within 2 %.
        let two = try #require(spectrum.twoTrajectoryLargestExponent)
        #expect(abs(two - spectrum.exponents[0]) <= 0.02 * spectrum.exponents[0], "\(two) vs \(spectrum.exponents[0])")
        // Kaplan–Yorke dimension 1 + λ₁/|λ₂| ≈ 1.258.
        #expect(abs(spectrum.kaplanYorkeDimension! - (1 + spectrum.exponents[0] / abs(spectrum.exponents[1]))) < 1e-12)
    }

    /// Y2: h_{t+1} = J tanh(h_t) with g = 0.8 (N = 40 in the suite; the reference N = 100 runs in the benchmark):
    /// the origin attracts, D_t → J, and the spectrum is the sorted log|eig(J)| (abs 5e-3 after T = 3000).
    @Test func contractingRandomMapGivesLogModuli() throws {
        let map = try RandomTanhMap(size: 40, gain: 0.8, seed: 3)
        let moduli = try LinearAlgebra.eigenvalues(map.couplings).map { Double.log($0.length) }.sorted(by: >)
        #expect(moduli[0] < 0)
        let spectrum = try LyapunovSpectrum(
            map, options: LyapunovOptions(steps: 3000, warmUpSteps: 0, computesDeterminant: true, perturbation: nil))
        #expect(
            TestSupport.maxAbsError(spectrum.exponents, moduli) < 5e-3,
            "max error \(TestSupport.maxAbsError(spectrum.exponents, moduli))")
        // Y1 along the transient (D_t ≠ J early on): rel 1e-10.
        #expect(abs(spectrum.sum - spectrum.meanLogAbsDeterminant!) <= 1e-10 * abs(spectrum.sum))
    }

    /// Chaos transition at N = 200: λ₁ < 0 for g = 0.5 and λ₁ > 0 for g = 2 (top exponent only, 400 steps after a
    /// 200-step transient; the full-length check is in the benchmark), and QR λ₁ = two-trajectory λ₁ within 2 %.
    @Test(arguments: [(0.5, false), (2.0, true)])
    func chaosTransition(gain: Double, chaotic: Bool) throws {
        let map = try RandomTanhMap(size: 200, gain: gain, seed: 11)
        let spectrum = try LyapunovSpectrum(
            map, options: LyapunovOptions(steps: 400, exponents: 1, transientSteps: 200, warmUpSteps: 100))
        let lambda = spectrum.exponents[0]
        #expect(chaotic ? lambda > 0.05 : lambda < -0.05, "g = \(gain): λ₁ = \(lambda)")
        let two = try #require(spectrum.twoTrajectoryLargestExponent)
        #expect(abs(two - lambda) <= 0.02 * abs(lambda), "two-trajectory \(two) vs QR \(lambda)")
        // The annealed mean-field λ₁ (ln g below 1) is close to the finite-N value (loose: finite N, finite T).
        let meanField = try RandomTanhMap.meanFieldLargestExponent(gain: gain)
        #expect(abs(meanField - lambda) < 0.08, "mean field \(meanField) vs QR \(lambda)")
        if gain < 1 { #expect(abs(meanField - Double.log(gain)) < 1e-12) }
    }

    /// The Euler-discretised chaotic rate network (g = 4, Δt = 0.1, J_ii = 0, N = 50, seed 1: chaotic, while small
    /// networks of other seeds settle on limit cycles or fixed points after long transients) has λ₁ > 0 and a
    /// second exponent at 0 — the direction along the flow: |λ₂| < 0.01/τ over 10 000 steps (1000τ).
    @Test func flowHasZeroExponent() throws {
        let network = try RateNetwork(size: 50, gain: 4, timeStep: 0.1, seed: 1)
        let spectrum = try LyapunovSpectrum(
            network, options: LyapunovOptions(steps: 10_000, exponents: 4, transientSteps: 2000, warmUpSteps: 1000))
        #expect(spectrum.exponents[0] > 0.05, "\(spectrum.exponents)")
        #expect(abs(spectrum.exponents[1]) < 0.01, "\(spectrum.exponents)")
        #expect(spectrum.exponents[2] < -0.03)
        #expect(spectrum.timeStep == 0.1)
        let two = try #require(spectrum.twoTrajectoryLargestExponent)
        #expect(abs(two - spectrum.exponents[0]) <= 0.02 * spectrum.exponents[0], "\(two) vs \(spectrum.exponents[0])")
    }

    /// k < n exponents keep the first k columns of the same frame: the 3 leading exponents of a run with k = 3 equal
    /// the first 3 of the full run from the same seed (the frame's first k columns are the same draws), rel 1e-9 —
    /// the check of the k < N defect once present in ChaosTools.jl.
    @Test func leadingExponentsAreConsistent() throws {
        let map = try RandomTanhMap(size: 30, gain: 1.8, seed: 5)
        let options = LyapunovOptions(steps: 600, transientSteps: 100, warmUpSteps: 100, seed: 9, perturbation: nil)
        var partial = options
        partial.exponents = 3
        let full = try LyapunovSpectrum(map, options: options)
        let top = try LyapunovSpectrum(map, options: partial)
        #expect(full.exponents.count == 30 && top.exponents.count == 3)
        for i in 0..<3 {
            #expect(abs(top.exponents[i] - full.exponents[i]) <= 1e-9 * abs(full.exponents[i]), "λ_\(i + 1)")
        }
        #expect(TestSupport.maxAbsError(top.leadingVector.map(abs), full.leadingVector.map(abs)) < 1e-9)
        #expect(full.leadingVectorParticipationRatio >= 1 && full.leadingVectorParticipationRatio <= 30)
    }

    /// A given starting frame: the Gaussian matrix the seeded frame is drawn from gives the same run bit for bit; the
    /// same map as a generic `IteratedMap` (Jacobian from a closure, log|det| by LU) agrees to rounding; a frame of
    /// the wrong shape is refused.
    @Test func givenInitialFrame() throws {
        let map = try RandomTanhMap(size: 12, gain: 1.5, seed: 2)
        let seeded = LyapunovOptions(steps: 200, transientSteps: 20, seed: 6, computesDeterminant: true)
        var rng = SeededRandom(seed: 6)
        var given = seeded
        given.initialFrame = try Matrix(rows: 12, columns: 12, columnMajor: rng.gaussians(144))
        let a = try LyapunovSpectrum(map, options: seeded)
        let b = try LyapunovSpectrum(map, options: given)
        #expect(a.exponents == b.exponents && a.meanLogAbsDeterminant == b.meanLogAbsDeterminant)
        let generic = try IteratedMap(
            initialState: map.state,
            map: { x in
                var y = [Double](repeating: 0, count: 12)
                for i in 0..<12 { for j in 0..<12 { y[i] += map.couplings[i, j] * Double.tanh(x[j]) } }
                return y
            },
            jacobian: { x in
                var d = Matrix(rows: 12, columns: 12)
                for j in 0..<12 {
                    let s = 1 - Double.tanh(x[j]) * Double.tanh(x[j])
                    for i in 0..<12 { d[i, j] = map.couplings[i, j] * s }
                }
                return d
            })
        let c = try LyapunovSpectrum(generic, options: given)
        #expect(TestSupport.maxAbsError(a.exponents, c.exponents) < 1e-10)
        var wrong = seeded
        wrong.initialFrame = Matrix(rows: 12, columns: 3)
        #expect(throws: SpectraError.self) { try LyapunovSpectrum(map, options: wrong) }
    }
}
