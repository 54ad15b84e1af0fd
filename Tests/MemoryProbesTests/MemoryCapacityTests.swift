import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Jaeger's memory capacity (Jaeger 2002, GMD Report 152; Gonon, Grigoryeva & Ortega 2020): checks M1–M4 of the
/// DocC catalog's validation table and the analytic–empirical agreement.
@Suite("Memory capacity (M1–M4)")
struct MemoryCapacityTests {
    /// M1: linear network, N = 20, A = 0.9·orthogonal (ρ(A) = 0.9), one input: Σ_{k<2000} MC_k = rank = N.
    @Test func m1TotalEqualsControllabilityRank() throws {
        let a = try ProbeFixtures.scaledOrthogonal(20, radius: 0.9, seed: 11)
        let b = try ProbeFixtures.gaussianMatrix(20, 1, seed: 12)
        let system = try LinearStateSpace(transition: a, input: b)
        let mc = try system.memoryCapacity(maxDelay: 1999)
        #expect(mc.rank == 20)
        #expect(try system.controllabilityRank() == 20)
        #expect(abs(mc.total - 20) < 1e-2, "total \(mc.total)")
        // M2 on the analytic values: 0 ≤ MC_k ≤ 1 (up to rounding 1e-12).
        #expect(mc.capacities.allSatisfy { $0 >= -1e-12 && $0 <= 1 + 1e-12 })
    }

    /// M1 with a rank-deficient input: b in an invariant subspace of dimension 6 ⇒ Σ_k MC_k = 6.
    @Test func m1RankDeficientController() throws {
        // A = blockdiag(A₁ (6×6), A₂ (4×4)), b = (b₁, 0): only the first block is reachable.
        let a1 = try ProbeFixtures.scaledOrthogonal(6, radius: 0.8, seed: 3)
        let a2 = try ProbeFixtures.scaledOrthogonal(4, radius: 0.7, seed: 4)
        var a = Matrix(rows: 10, columns: 10), b = Matrix(rows: 10, columns: 1)
        for j in 0..<6 { for i in 0..<6 { a[i, j] = a1[i, j] } }
        for j in 0..<4 { for i in 0..<4 { a[6 + i, 6 + j] = a2[i, j] } }
        let b1 = try ProbeFixtures.gaussianMatrix(6, 1, seed: 5)
        for i in 0..<6 { b[i, 0] = b1[i, 0] }
        let mc = try LinearStateSpace(transition: a, input: b).memoryCapacity(maxDelay: 999)
        #expect(mc.rank == 6)
        #expect(abs(mc.total - 6) < 1e-6, "total \(mc.total)")
    }

    /// M3: the shift register has MC_k = 1 for k < N and 0 after, analytically to 1e-12 and empirically.
    @Test func m3ShiftRegister() throws {
        let n = 8
        let mc = try LinearStateSpace.shiftRegister(size: n).memoryCapacity(maxDelay: 15)
        for k in 0...15 { #expect(abs(mc.capacities[k] - (k < n ? 1 : 0)) < 1e-12, "k = \(k): \(mc.capacities[k])") }
        // The same register as a LinearRNN: extracted state space and an empirical capacity.
        let register = try LinearStateSpace.shiftRegister(size: n)
        let model = try LinearRNN(
            recurrent: register.transition, input: register.input,
            readout: Matrix(rows: 1, columns: n, repeating: 1), skip: nil)
        #expect(try LinearStateSpace(model: model) == register)
        let empirical = try MemoryCapacity.empirical(
            model: model, maxDelay: 15,
            options: EmpiricalCapacityOptions(steps: 2000, seed: 1))
        for k in 0...15 {
            if k < n {
                #expect(abs(empirical.capacities[k] - 1) < 1e-12, "k = \(k)")
            } else {
                #expect(empirical.capacities[k] < 0.02, "k = \(k): \(empirical.capacities[k])")
            }
        }
    }

    /// Analytic MC_k of a linear network (N = 8, A = 0.8·orthogonal) against its empirical MC_k on T = 20 000 steps
    /// (10 000 to fit, 9 900 to score after the washout): |Δ_k| ≤ 5·se_k + 2(p + 1)/n_train, se_k the delta-method
    /// standard error 2√MC(1 − MC)/√n_test (floored at 1/n_test); totals within 0.1.
    @Test func analyticAgainstEmpirical() throws {
        let model = try ProbeFixtures.linearNetwork(8, radius: 0.8, seed: 21)
        let analytic = try MemoryCapacity.analytic(model: model, maxDelay: 40)
        let empirical = try MemoryCapacity.empirical(
            model: model, maxDelay: 40,
            options: EmpiricalCapacityOptions(steps: 20_000, seed: 2))
        let nTest = try #require(empirical.testSamples)
        let nTrain = try #require(empirical.readout).samples
        for k in 0...40 {
            let se = MemoryCapacity.standardError(capacity: analytic.capacities[k], samples: nTest)
            let tolerance = 5 * se + 2 * Double(8 + 1) / Double(nTrain)
            #expect(
                abs(empirical.capacities[k] - analytic.capacities[k]) <= tolerance,
                "k = \(k): empirical \(empirical.capacities[k]) analytic \(analytic.capacities[k])")
        }
        #expect(abs(empirical.total - analytic.total) < 0.1, "\(empirical.total) vs \(analytic.total)")
        #expect(abs(analytic.total - 8) < 1e-3)
    }

    /// M2 and M4: a tanh network (N = 10, ‖W‖₂ = 0.9) has 0 ≤ MC_k ≤ 1 and total strictly below N (its nonlinearity
    /// trades linear memory away), and its held-out R²_k ≤ MC_k.
    @Test func m2m4TanhNetworkBelowN() throws {
        let model = try ProbeFixtures.tanhNetwork(hidden: 10, recurrentNorm: 0.9, seed: 5)
        let mc = try MemoryCapacity.empirical(
            model: model, maxDelay: 40,
            options: EmpiricalCapacityOptions(steps: 8000, seed: 3))
        #expect(mc.capacities.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(mc.total < 10, "total \(mc.total)")
        #expect(mc.total > 1, "a contracting tanh network must still remember something, total \(mc.total)")
        let r2 = try #require(mc.rSquared)
        for k in 0...40 { #expect(r2[k] <= mc.capacities[k] + 1e-12) }
    }

    /// A stacked linear network's joint state space is extracted exactly; a nonlinear network is refused.
    @Test func stateSpaceExtraction() throws {
        let model = try LinearRNN(
            inputSize: 1, hiddenSize: 4, outputSize: 1, layers: 2,
            initialization: LinearRNNInitialization(maximumModulus: 0.9), seed: 3)
        let system = try LinearStateSpace(model: model)
        #expect(system.stateSize == 8)
        let a0 = try model.recurrentMatrix(layer: 0)
        for j in 0..<4 { for i in 0..<4 { #expect(abs(system.transition[i, j] - a0[i, j]) < 1e-14) } }
        // Upper-right block is zero (layer 0 does not see layer 1).
        for j in 4..<8 { for i in 0..<4 { #expect(system.transition[i, j] == 0) } }
        let tanh = try TanhRNN(inputSize: 1, hiddenSize: 4, outputSize: 1, seed: 1)
        #expect(throws: MemoryProbeError.self) { try LinearStateSpace(model: tanh) }
    }

    /// A complex-diagonal RNN (N = 4 complex units stored as 8 real states, |λ| ≤ 0.8) is linear in its real state:
    /// its state space is extracted, the analytic total is the rank (8, two real states per complex unit reached by a
    /// real input), and the empirical capacities (T = 8000) agree within the sampling tolerance of the linear test.
    @Test func complexDiagonalNetwork() throws {
        let model = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 4, outputSize: 1,
            initialization: .zucchetOrvieto2024(maximumModulus: 0.8), seed: 6)
        let system = try LinearStateSpace(model: model)
        #expect(system.stateSize == 8)
        let analytic = try system.memoryCapacity(maxDelay: 200)
        #expect(analytic.rank == 8 && abs(analytic.total - 8) < 1e-6, "rank \(analytic.rank), total \(analytic.total)")
        let empirical = try MemoryCapacity.empirical(
            model: model, maxDelay: 20,
            options: EmpiricalCapacityOptions(steps: 8000, seed: 5))
        let n = try #require(empirical.testSamples), nTrain = try #require(empirical.readout).samples
        for k in 0...20 {
            let tolerance =
                5 * MemoryCapacity.standardError(capacity: analytic.capacities[k], samples: n) + 18 / Double(nTrain)
            #expect(abs(empirical.capacities[k] - analytic.capacities[k]) <= tolerance, "k = \(k)")
        }
    }

    /// A rank-deficient state matrix: with `.none` the readout throws naming "states"; by default a ridge is used and
    /// its λ reported; either way the capacity of the duplicated state equals that of the original.
    @Test func rankDeficientReadout() throws {
        // Two identical units: A = 0.5·I₂, B = (1, 1)ᵀ.
        let model = try LinearRNN(
            recurrent: 0.5 * Matrix.identity(2), input: Matrix(rows: 2, columns: 1, repeating: 1),
            readout: Matrix(rows: 1, columns: 2, repeating: 1), skip: nil)
        var options = EmpiricalCapacityOptions(steps: 3000, regularization: .none, seed: 4)
        #expect(throws: MemoryProbeError.rankDeficient(argument: "states", rank: 1, columns: 2)) {
            try MemoryCapacity.empirical(model: model, maxDelay: 5, options: options)
        }
        options.regularization = .standard
        let mc = try MemoryCapacity.empirical(model: model, maxDelay: 5, options: options)
        let readout = try #require(mc.readout)
        #expect(readout.rank == 1 && readout.isRankDeficient)
        #expect(readout.ridge > 0 && readout.relativeRidge == 1e-8)
        #expect(mc.notes.contains { $0.contains("ridge λ") })
        // One unit h_t = 0.5h_{t−1} + u_t: MC_k = (1 − 0.25)·0.25^k.
        for k in 0...5 { #expect(abs(mc.capacities[k] - 0.75 * Foundation.pow(0.25, Double(k))) < 0.04, "k = \(k)") }
    }
}
