import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("Bad input to the estimators of d")
struct EstimatorInputErrorTests {
    typealias Estimator = @Sendable ([Double]) throws -> MemoryEstimate

    static let estimators: [(String, Estimator)] = [
        ("gph", { try GPH.estimate($0) }),
        ("lw", { try LocalWhittle.estimate($0) }),
        ("lw-velasco", { try LocalWhittle.estimate($0, taper: .velasco) }),
        ("lw-hc", { try LocalWhittle.estimate($0, taper: .hurvichChen(differences: 1)) }),
        ("elw", { try ExactLocalWhittle.estimate($0) }),
        ("elw2", { try ExactLocalWhittle.twoStep($0) }),
        ("rs", { try RescaledRange.estimate($0) }),
        ("dfa", { try DFA.estimate($0) }),
        ("aggvar", { try AggregatedVariance.estimate($0) }),
        ("lw-plugin", { try LocalWhittle.estimate($0, bandwidth: .plugIn) }),
    ]

    @Test("NaN or infinity: nonFinite with the observation index")
    func nonFinite() throws {
        var x = try Simulation.arfima(ARFIMAModel(d: 0.1), count: 500, seed: 2)
        x[17] = .nan
        var y = x
        y[17] = 1
        y[300] = -.infinity
        for (name, f) in Self.estimators {
            #expect(throws: LongMemoryError.nonFinite(index: 17), "\(name)") { try f(x) }
            #expect(throws: LongMemoryError.nonFinite(index: 300), "\(name)") { try f(y) }
        }
        #expect(LongMemoryError.nonFinite(index: 17).description.contains("observation 18"))
    }

    @Test("constant series: constantSeries")
    func constant() {
        let x = [Double](repeating: 3.25, count: 500)
        for (name, f) in Self.estimators {
            #expect(throws: LongMemoryError.constantSeries, "\(name)") { try f(x) }
        }
    }

    @Test("too short: seriesTooShort naming the estimator")
    func tooShort() throws {
        let x = [0.3, -1.2, 0.8, 0.1, 2.0, -0.4, 0.9, 1.1, -0.7, 0.2]
        for (name, f) in Self.estimators {
            do {
                _ = try f(x)
                Issue.record("\(name) accepted 10 observations")
            } catch let LongMemoryError.seriesTooShort(length, needed, purpose) {
                #expect(length == 10 && needed > 10 && !purpose.isEmpty, "\(name)")
            }
        }
        // Heuristics need more than the semiparametric minimum.
        var rng = SeededRandom(seed: 3)
        let twenty = rng.gaussians(20)
        #expect(throws: LongMemoryError.self) { try RescaledRange.estimate(twenty) }
        #expect(throws: LongMemoryError.self) { try DFA.estimate(twenty) }
        _ = try LocalWhittle.estimate(twenty)  // n = 20: m = ⌊20^0.65⌋ = 7 is fine
    }

    @Test("invalid arguments name themselves")
    func invalidArguments() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.1), count: 500, seed: 2)
        func message(_ body: () throws -> MemoryEstimate) -> String {
            do {
                _ = try body()
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message { try GPH.estimate(x, biasReductionOrder: 5) }.contains("biasReductionOrder"))
        #expect(message { try GPH.estimate(x, confidenceLevel: 1.5) }.contains("confidenceLevel"))
        #expect(message { try LocalWhittle.estimate(x, bandwidth: .count(400)) }.contains("bandwidth m"))
        #expect(message { try LocalWhittle.estimate(x, searchInterval: 1...1) }.contains("searchInterval"))
        #expect(message { try LocalWhittle.estimate(x, taper: .kolmogorov(order: 1)) }.contains("taper order"))
        #expect(message { try LocalWhittle.estimate(x, trimming: 2, taper: .velasco) }.contains("trimming"))
        #expect(message { try ExactLocalWhittle.estimate(x, searchInterval: -2...3) }.contains("9/2"))
        #expect(message { try ExactLocalWhittle.twoStep(x, detrendOrder: 7) }.contains("detrendOrder"))
        #expect(message { try ExactLocalWhittle.twoStep(x, firstStepTaper: .none) }.contains("firstStepTaper"))
        #expect(message { try RescaledRange.estimate(x, blockSizes: [8]) }.contains("blockSizes"))
        #expect(message { try DFA.estimate(x, order: 2, windowSizes: [3, 10]) }.contains("windowSizes"))
        #expect(message { try AggregatedVariance.estimate(x, blockSizes: [2, 400]) }.contains("blockSizes"))
        // A series that is exactly a linear trend leaves nothing after detrending.
        let line = (0..<200).map { 1 + 0.5 * Double($0) }
        #expect(message { try ExactLocalWhittle.twoStep(line, detrendOrder: 1) }.contains("trend"))
    }
}
