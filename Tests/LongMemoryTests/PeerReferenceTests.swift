import Foundation
import Testing
import _TestSupport
import LongMemory

/// rnnmem against other software on the same data: R fracdiff (Haslett–Raftery, `diffseries`), base R `acf`, Python
/// pyelw (local Whittle with and without tapers, exact local Whittle, two-step exact local Whittle) and nolds (DFA).
///
/// The reference values were produced by `scripts/reference/peer_references_fracdiff.R` and
/// `scripts/reference/peer_references_python.py` and are committed in `Fixtures/peer-fracdiff-R.json` and
/// `Fixtures/peer-python.json` (with the package versions); `Fixtures/fracdiff-sim.csv` is the simulated series
/// both scripts read. Provenance: `Fixtures/README.md`. The tests need neither R nor Python.
@Suite("Comparisons with R fracdiff, R acf, pyelw and nolds")
struct PeerReferenceTests {
    struct FracdiffReferences: Decodable {
        struct HaslettRaftery: Decodable {
            let series: String
            let n: Int
            let M: Int
            let d: Double
            let d_default_dtol: Double
        }

        struct Values: Decodable {
            let series: String
            let values: [Double]
        }

        let fracdiff_version: String
        let haslett_raftery: [HaslettRaftery]
        let diffseries: Values
        let acf: Values
    }

    struct PythonReferences: Decodable {
        struct Estimate: Decodable {
            let estimator: String
            let series: String
            let n: Int
            let m: Int
            let d: Double
        }

        struct DFAReference: Decodable {
            let series: String
            let n: Int
            let window_sizes: [Int]
            let alpha: Double
            let fluctuations: [Double]
        }

        let pyelw_version: String
        let nolds_version: String
        let estimates: [Estimate]
        let dfa: [DFAReference]
    }

    static func fixture(_ name: String, _ type: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Fixtures"))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: fixture(name, "json")))
    }

    /// The series by the names the scripts use.
    static func series(_ name: String) throws -> [Double] {
        switch name {
        case "nile":
            return try parametricNileMinima()
        case "sim":
            let text = try String(contentsOf: fixture("fracdiff-sim", "csv"), encoding: .utf8)
            let lines = text.split(whereSeparator: \.isNewline).dropFirst()
            return try lines.map { try #require(Double($0)) }
        default:
            Issue.record("unknown series \(name)")
            return []
        }
    }

    @Test("The fixtures hold what the scripts wrote: both series, every estimator, the package versions")
    func fixturesAreComplete() throws {
        let r = try Self.decode(FracdiffReferences.self, "peer-fracdiff-R")
        let py = try Self.decode(PythonReferences.self, "peer-python")
        #expect(r.fracdiff_version == "1.5.2")
        #expect(py.pyelw_version == "1.0.2")
        #expect(py.nolds_version == "0.6.1")
        #expect(Set(py.dfa.map(\.series)) == ["nile", "sim"])
        #expect(Set(r.haslett_raftery.map(\.series)) == ["nile", "sim"])
        #expect(py.estimates.count == 14)
        #expect(try Self.series("nile").count == 663)
        #expect(try Self.series("sim").count == 2000)
    }

    /// Haslett & Raftery (1989), Applied Statistics 38(1):1–50: ARFIMA(0, d, 0) with the truncated AR(∞) predictor of
    /// M = 100 terms (R fracdiff's default), d searched on fracdiff's default interval [0, ½]. R was run with
    /// `dtol = 1e-10` so that its search converges; both codes then agree to 3·10⁻⁸ (checked to 1e-7). At fracdiff's
    /// default tolerance (ε^{1/4} ≈ 1.2·10⁻⁴) R stops about 10⁻⁵ away, which the second check bounds.
    @Test("Haslett–Raftery ARFIMA(0, d, 0) equals R fracdiff's d (Nile minima, a simulated FI(0.3) series)")
    func haslettRafteryMatchesFracdiff() throws {
        let r = try Self.decode(FracdiffReferences.self, "peer-fracdiff-R")
        for reference in r.haslett_raftery {
            let x = try Self.series(reference.series)
            #expect(x.count == reference.n)
            let fit = try ParametricEstimation.haslettRaftery(x)
            #expect(
                abs(fit.estimate.d - reference.d) < 1e-7,
                "\(reference.series): d = \(fit.estimate.d), R \(reference.d)")
            #expect(abs(fit.estimate.d - reference.d_default_dtol) < 1.2e-4, "\(reference.series)")
        }
    }

    /// R fracdiff's `diffseries(x, d)` subtracts the sample mean, then applies the type-II filter by FFT: rnnmem's
    /// filter with `demean: true` (LM7 is the same statement on a five-point series).
    @Test("Demean-then-filter equals R fracdiff's diffseries on the Nile minima, d = 0.4")
    func demeanedFilterMatchesDiffseries() throws {
        let r = try Self.decode(FracdiffReferences.self, "peer-fracdiff-R")
        let x = try Self.series(r.diffseries.series)
        let y = try FractionalFilter.difference(x, d: 0.4, demean: true).values
        #expect(TestSupport.maxRelativeError(y, r.diffseries.values) < 1e-12)
        // Without demeaning the outputs differ everywhere (the level of the Nile minima is about 1100).
        let plain = try FractionalFilter.difference(x, d: 0.4).values
        #expect(TestSupport.maxRelativeError(plain, r.diffseries.values) > 0.1)
    }

    @Test("Sample autocorrelation equals R's acf (demeaned, divisor n), Nile minima, lags 0…20")
    func autocorrelationMatchesR() throws {
        let r = try Self.decode(FracdiffReferences.self, "peer-fracdiff-R")
        let rho = try SampleStatistics.autocorrelation(try Self.series(r.acf.series), maxLag: 20)
        #expect(TestSupport.maxAbsError(rho, r.acf.values) < 1e-14)
    }

    /// pyelw stops its golden-section search at a relative width of √ε ≈ 1.5·10⁻⁸ and rnnmem its Brent search at
    /// about 10⁻⁹: the two minimisers of the same objective agree to 1.5·10⁻⁸ (checked to 1e-7).
    @Test("Local Whittle, tapered local Whittle, exact and two-step exact local Whittle equal pyelw's d")
    func whittleFamilyMatchesPyELW() throws {
        let py = try Self.decode(PythonReferences.self, "peer-python")
        for reference in py.estimates {
            let x = try Self.series(reference.series)
            #expect(x.count == reference.n)
            // m = ⌊n^0.65⌋, rounded down to a multiple of 3 for the Velasco taper (pyelw's divisor m/3 equals the
            // number of frequencies j = 3, 6, …, m only then; see the script).
            let defaultM = Bandwidth.floorPower(x.count, LocalWhittle.defaultExponent)
            #expect(reference.m == (reference.estimator == "lw_velasco" ? 3 * (defaultM / 3) : defaultM))
            let m = Bandwidth.count(reference.m)
            let estimate: MemoryEstimate
            switch reference.estimator {
            case "lw": estimate = try LocalWhittle.estimate(x, bandwidth: m)
            case "lw_velasco": estimate = try LocalWhittle.estimate(x, bandwidth: m, taper: .kolmogorov(order: 3))
            case "lw_hc": estimate = try LocalWhittle.estimate(x, bandwidth: m, taper: .hurvichChen(differences: 1))
            case "elw": estimate = try ExactLocalWhittle.estimate(x, bandwidth: m, mean: .known(0))
            case "elw_mean": estimate = try ExactLocalWhittle.estimate(x, bandwidth: m, mean: .sampleMean)
            case "elw2": estimate = try ExactLocalWhittle.twoStep(x, bandwidth: m, detrendOrder: 0)
            case "elw2_trend": estimate = try ExactLocalWhittle.twoStep(x, bandwidth: m, detrendOrder: 1)
            default:
                Issue.record("unknown estimator \(reference.estimator)")
                continue
            }
            #expect(
                abs(estimate.d - reference.d) < 1e-7,
                "\(reference.estimator) on \(reference.series): d = \(estimate.d), pyelw \(reference.d)")
        }
    }

    /// DFA-1 (Peng et al. 1994, Phys. Rev. E 49(2):1685–1689) with non-overlapping windows from the start of the
    /// profile and nolds' default sizes ⌊4·1.2^i⌋ ≤ n/10, which are also rnnmem's defaults for q = 1: every
    /// fluctuation F(s) and the least-squares exponent α agree with nolds to rounding.
    @Test("DFA-1: fluctuations and exponent equal nolds' dfa (non-overlapping windows, default window sizes)")
    func dfaMatchesNolds() throws {
        let py = try Self.decode(PythonReferences.self, "peer-python")
        for reference in py.dfa {
            let x = try Self.series(reference.series)
            #expect(x.count == reference.n)
            #expect(DFA.defaultWindowSizes(n: x.count) == reference.window_sizes)
            let points = DFA.fluctuations(x, order: 1, windowSizes: reference.window_sizes, placement: .nonOverlapping)
            #expect(points.map(\.scale) == reference.window_sizes)
            #expect(
                TestSupport.maxRelativeError(points.map(\.value), reference.fluctuations) < 1e-12,
                "\(reference.series)")
            let estimate = try DFA.estimate(x, order: 1, placement: .nonOverlapping)
            let alpha = try #require(estimate.hurst)
            #expect(abs(alpha - reference.alpha) < 1e-12, "\(reference.series): α = \(alpha), nolds \(reference.alpha)")
            #expect(abs(estimate.d - (reference.alpha - 0.5)) < 1e-12)
        }
    }
}
