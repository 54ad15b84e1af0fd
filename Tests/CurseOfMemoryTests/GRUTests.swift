@testable import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// Z9 (closed form): the constant-gate GRU with the BERT-fit input autocorrelation.
@Suite("Constant-gate GRU (Z9)")
struct GRUTests {
    @Test(
        "Z9: E[(d_z h)²] and E[h²] at z ∈ {0.5, 0.9, 0.98}: the published digits (half a unit in the last place) and the 12-digit values of ReferenceScripts/gru_reference.py (rel 1e-10)"
    )
    func referenceValues() throws {
        // (z, E[(d_z h)²] published, ½ulp, 12 digits, E[h²] published, ½ulp, 12 digits)
        let cases: [(Double, Double, Double, Double, Double, Double, Double)] = [
            (0.5, 0.394239, 5e-7, 0.394239445240, 0.153556, 5e-7, 0.153555512551),
            (0.9, 1.032421, 5e-7, 1.03242087480, 0.059346, 5e-7, 0.0593459158979),
            (0.98, 10.45210, 5e-6, 10.4521041925, 0.040855, 5e-7, 0.0408554110890),
        ]
        for (z, published, half, digits, activity, halfActivity, activityDigits) in cases {
            let g = try ConstantGateGRU(gate: z, input: .bertEmbeddings)
            #expect(abs(g.gateSensitivity - published) <= half, "z = \(z): \(g.gateSensitivity)")
            #expect(TestSupport.relativeError(g.gateSensitivity, digits) < 1e-10, "z = \(z): \(g.gateSensitivity)")
            #expect(abs(g.activity - activity) <= halfActivity, "z = \(z): \(g.activity)")
            #expect(TestSupport.relativeError(g.activity, activityDigits) < 1e-10, "z = \(z): \(g.activity)")
            #expect(TestSupport.relativeError(g.biasSensitivity, z * z * (1 - z) * (1 - z) * g.gateSensitivity) < 1e-15)
        }
    }

    @Test(
        "The mixed derivative ∂_α∂_βA (hyper-duals) = F − 2(1 − z)F_a + (1 − z)²S (rel 1e-9); the notebook's A + 2∂A + ∂²A differs by > 10%"
    )
    func mixedDerivative() throws {
        for z in [0.3, 0.5, 0.9] {
            let g = try ConstantGateGRU(gate: z, input: .bertEmbeddings)
            let mixed = g.auxiliary(HyperDual(z, first: 1), HyperDual(z, second: 1))
            #expect(TestSupport.relativeError(mixed.mixed, g.gateSensitivity) < 1e-9)
            #expect(TestSupport.relativeError(mixed.value, g.activity) < 1e-14)
            // `var_dh_dtheta` of does_theory_hold_for_GRUs.ipynb (before its σ′² factor): A + 2∂_αA + ∂_α∂_βA.
            let first = g.auxiliary(HyperDual(z, first: 1), HyperDual(z)).first
            let notebook = mixed.value + 2 * first + mixed.mixed
            #expect(
                abs(notebook - g.gateSensitivity) > 0.1 * g.gateSensitivity,
                "z = \(z): \(notebook) vs \(g.gateSensitivity)")
        }
        #expect(throws: CurseOfMemoryError.self) { try ConstantGateGRU(gate: 1, input: .white) }
        #expect(abs((try ConstantGateGRU(bias: 0, input: .white)).gate - 0.5) < 1e-15)
    }
}

/// Z9 on the recurrent engine: a PyTorch-style GRU with constant gates, measured by exact forward-mode tangents.
@Suite("Constant-gate GRU on the engine (Z9)")
struct EngineGRUTests {
    @Test(
        "Z9: the engine's GRU with constant update gates z ∈ {0.5, 0.9}, BERT-fit input: measured E[h²] and E[(d_z h)²] vs the closed form (rel 0.05, |z| < 4)"
    )
    func engineMeasurement() throws {
        let m = try ConstantGateGRUMeasurement.run(
            gates: [0.5, 0.9], input: .bertEmbeddings, sequences: 96, samples: 3000,
            seed: 4)
        #expect(m.burnIn == Int((30 / (1 - 0.9)).rounded(.up)))
        for u in m.units {
            for (name, c) in [("E[h²]", u.activity), ("E[(d_z h)²]", u.gateSensitivity)] {
                #expect(abs(c.ratio - 1) < 0.05, "z = \(u.gate) \(name): \(c.estimate) vs \(c.closedForm)")
                #expect(abs(c.z) < 4, "z = \(u.gate) \(name): z-score \(c.z)")
            }
        }
        #expect(throws: CurseOfMemoryError.self) { try ConstantGateGRUMeasurement.run(gates: [1]) }
        #expect(throws: CurseOfMemoryError.self) { try ConstantGateGRUMeasurement.run(gates: [0.5], sequences: 1) }
    }
}
