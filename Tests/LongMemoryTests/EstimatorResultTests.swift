import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("MemoryEstimate and EstimationMethod")
struct EstimatorResultTests {
    /// The raw values are the stable identifiers of JSON/`Codable` output and the command line; the Swift names are
    /// spelled out.
    @Test("identifiers of the methods (JSON, Codable, command line) are stable")
    func methodNames() {
        #expect(
            EstimationMethod.allCases.map(\.rawValue)
                == ["gph", "lw", "lpw", "elw", "elw2", "whittle", "hr", "mle", "css", "rs", "dfa", "aggvar"])
        #expect(EstimationMethod(rawValue: "elw2") == .twoStepExactLocalWhittle)
        #expect(EstimationMethod.rescaledRange.family == .heuristic)
        #expect(EstimationMethod.whittle.family == .parametric)
        #expect(EstimationMethod.gewekePorterHudak.family == .semiparametric)
        #expect(MemoryTestMethod.allCases.map(\.rawValue) == ["lo", "vs", "kpss", "wald"])
        #expect(MemoryTestMethod(rawValue: "vs") == .rescaledVariance)
    }

    @Test("Wald interval d̂ ± z·s.e. at the requested level (z₀.₉₇₅ = 1.959964)")
    func waldInterval() throws {
        let e = try MemoryEstimate(
            method: .localWhittle, variant: "test", d: 0.3, standardError: 0.05, confidenceLevel: 0.95, n: 100,
            bandwidth: 10,
            tuningDescription: "m = 10")
        // z_{0.975} = 1.959963985 (standard normal quantile).
        #expect(abs(e.confidenceInterval.lower - (0.3 - 1.959963985 * 0.05)) < 1e-8)
        #expect(abs(e.confidenceInterval.upper - (0.3 + 1.959963985 * 0.05)) < 1e-8)
        #expect(e.confidenceInterval.level == 0.95)
        // z_{0.95} = 1.644853627 for a 90% interval.
        let ci90 = try e.confidenceInterval(level: 0.9)
        #expect(abs(ci90.upper - (0.3 + 1.644853627 * 0.05)) < 1e-8)
        #expect(abs(e.waldStatistic() - 6) < 1e-12)
        #expect(abs(e.waldStatistic(nullValue: 0.4) + 2) < 1e-12)
        // Two-sided p for z = 2: 0.0455003.
        #expect(abs(e.waldPValue(nullValue: 0.4) - 0.04550026) < 1e-7)
        #expect(abs(e.impliedHurst - 0.8) < 1e-15)
        #expect(throws: LongMemoryError.self) { try e.confidenceInterval(level: 1) }
        #expect(throws: LongMemoryError.self) {
            try MemoryEstimate(
                method: .localWhittle, variant: "", d: 0, standardError: 1, confidenceLevel: 0, n: 1,
                tuningDescription: "")
        }
    }

    @Test("a missing standard error gives the uninformative interval and a NaN Wald statistic")
    func missingStandardError() throws {
        let e = try MemoryEstimate(
            method: .rescaledRange, variant: "", d: 0.1, standardError: .nan, confidenceLevel: 0.95, n: 50,
            tuningDescription: "")
        #expect(e.confidenceInterval.lower == -.infinity && e.confidenceInterval.upper == .infinity)
        #expect(e.waldStatistic().isNaN)
    }

    @Test("JSON round trip keeps every field (documented keys)")
    func jsonRoundTrip() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2), count: 512, seed: 11)
        let e = try GPH.estimate(x, biasReductionOrder: 1)
        let data = try JSONEncoder().encode(e)
        let back = try JSONDecoder().decode(MemoryEstimate.self, from: data)
        #expect(back == e)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["method", "d", "standardError", "confidenceInterval", "n", "bandwidth", "tuningDescription"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["method"] as? String == "gph")
    }
}
