import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// The students' initialisation of Zucchet & Orvieto's linear-system identification (2024, NeurIPS, arXiv
/// 2405.21064, §5; their repository's `run_train.py` with `force_lsi_min_nu_model`):
/// ``ModelSpecification/protocolInitialization(for:)``.
@Suite("Protocol initialisation of the lsi students")
struct ProtocolInitializationTests {
    static let task = TaskSpecification.linearSystemIdentification(minimumModulus: 0.9, maximumPhase: 2.0)

    @Test(
        "R1 on the protocol path: lru and cdiag students draw |λ|² uniform on [ν₀², 1] (KS, 10⁴ draws), phases U(−φ, φ) mod 2π, E|λ|²",
        arguments: [Architecture.lru, .complexDiagonalRNN])
    func ringOnProtocolPath(_ architecture: Architecture) throws {
        let n = 10_000, nu0 = 0.9, phi = 2.0
        let spec = try ModelSpecification(architecture: architecture, inputSize: 1, hiddenSize: n, outputSize: 1)
            .protocolInitialization(for: Self.task)
        #expect(
            spec.diagonalInitialization
                == .zucchetOrvieto2024(minimumModulus: nu0, maximumModulus: 1, maximumPhase: phi))
        let model = try spec.makeModel(seed: 2024)
        let lambda: [Complex<Double>]
        switch model {
        case let m as LRU: lambda = try m.eigenvalues()
        case let m as ComplexDiagonalRNN: lambda = try m.eigenvalues()
        default: Issue.record("unexpected model \(type(of: model))"); return
        }
        let moduli = lambda.map(\.length)
        #expect(moduli.allSatisfy { $0 >= nu0 * (1 - 1e-12) && $0 < 1 })
        let critical = kolmogorovSmirnovCritical(n)
        let d = kolmogorovSmirnovStatistic(moduli) { r in min(1, max(0, (r * r - nu0 * nu0) / (1 - nu0 * nu0))) }
        #expect(d < critical, "\(architecture): D = \(d), critical \(critical)")
        let phases = lambda.map { Double.atan2(y: $0.imaginary, x: $0.real) }
        let dPhase = kolmogorovSmirnovStatistic(phases) { t in min(1, max(0, (t + phi) / (2 * phi))) }
        #expect(dPhase < critical, "\(architecture): phase D = \(dPhase)")
        let mean = moduli.reduce(0) { $0 + $1 * $1 } / Double(n)
        let se = (1 - nu0 * nu0) / 12.0.squareRoot() / Double(n).squareRoot()
        #expect(abs(mean - (nu0 * nu0 + 1) / 2) < 3 * se, "E|λ|² = \(mean)")
    }

    @Test(
        "the dense linear student: ν₀ = 0 (moduli tanh|l|) and the teacher's phase range; other tasks and set initialisations are kept"
    )
    func denseStudentAndOthers() throws {
        let linear = try ModelSpecification(architecture: .linearRNN, inputSize: 1, hiddenSize: 8, outputSize: 1)
        let student = linear.protocolInitialization(for: Self.task)
        #expect(
            student.linearInitialization
                == LinearRNNInitialization(minimumModulus: 0, maximumModulus: 1, maximumPhase: 2.0))
        // Same construction as the library's matrix with those options, from the same seed.
        let a = try #require(try student.makeModel(seed: 7) as? LinearRNN)
        let b = try LinearRNN(
            inputSize: 1, hiddenSize: 8, outputSize: 1,
            initialization: LinearRNNInitialization(minimumModulus: 0, maximumModulus: 1, maximumPhase: 2.0), seed: 7)
        #expect(a.parameters == b.parameters)
        // Recall has no protocol initialisation; an explicit one is kept; gated models are unchanged.
        let lru = try ModelSpecification(architecture: .lru, inputSize: 1, hiddenSize: 4, outputSize: 1)
        #expect(lru.protocolInitialization(for: .delayedRecall(delay: 2)) == lru)
        var set = lru
        set.diagonalInitialization = .orvieto2023(minimumModulus: 0.5)
        #expect(set.protocolInitialization(for: Self.task).diagonalInitialization == .orvieto2023(minimumModulus: 0.5))
        let gru = try ModelSpecification(architecture: .gru, inputSize: 1, hiddenSize: 4, outputSize: 1)
        #expect(gru.protocolInitialization(for: Self.task) == gru)
        // Without a protocol: the architecture's default (paper scheme for the LRU), as before.
        #expect(
            try lru.makeModel(seed: 3).parameters
                == LRU(inputSize: 1, hiddenSize: 4, outputSize: 1, seed: 3).parameters)
    }
}
