import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("Exact local Whittle")
struct EstimatorExactLocalWhittleTests {
    @Test("Shimotsu's weight w(d): 1 up to ½, ½(1 + cos 4πd) between, 0 from ¾; continuous")
    func weight() {
        #expect(ExactLocalWhittle.weight(0.2) == 1)
        #expect(ExactLocalWhittle.weight(0.5) == 1)
        #expect(abs(ExactLocalWhittle.weight(0.625) - 0.5) < 1e-15)  // ½(1 + cos 2.5π) = ½
        #expect(ExactLocalWhittle.weight(0.75) == 0)
        #expect(ExactLocalWhittle.weight(1.4) == 0)
        // Continuity at both joints, and agreement with the ½[1 + cos(−2π + 4πd)] form of Shimotsu's code.
        #expect(abs(ExactLocalWhittle.weight(0.5 + 1e-9) - 1) < 1e-12)
        #expect(abs(ExactLocalWhittle.weight(0.75 - 1e-9)) < 1e-12)
        for d in stride(from: 0.51, to: 0.75, by: 0.03) {
            #expect(
                abs(ExactLocalWhittle.weight(d) - 0.5 * (1 + Double.cos(-2 * Double.pi + 4 * Double.pi * d))) < 1e-14)
        }
    }

    @Test("objective equals log(mean I of the type-II difference) − 2d·mean log λ, for every mean option")
    func objectiveDefinition() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 500, seed: 17).map { $0 + 4 }
        let m = 40
        var meanLog = 0.0
        for j in 1...m { meanLog += Double.log(2 * Double.pi * Double(j) / 500) }
        meanLog /= Double(m)
        for d in [-0.4, 0.2, 0.6, 0.7, 1.3] {
            let w = ExactLocalWhittle.weight(d)
            let xbar = x.reduce(0, +) / Double(x.count)
            let options: [(ExactLocalWhittle.MeanCorrection, Double)] = [
                (.known(4), 4), (.sampleMean, xbar), (.firstObservation, x[0]), (.weighted, w * xbar + (1 - w) * x[0]),
            ]
            for (option, mu) in options {
                let y = try FractionalFilter.difference(x.map { $0 - mu }, d: d, method: .direct).values
                let pg = try SampleStatistics.periodogram(y)
                let expected = Double.log(pg.values[0..<m].reduce(0, +) / Double(m)) - 2 * d * meanLog
                let r = try ExactLocalWhittle.objective(d: d, series: x, bandwidth: m, mean: option)
                #expect(abs(r - expected) < 1e-9, "d = \(d), \(option): \(r) vs \(expected)")
            }
        }
        // A non-finite known mean is named (not reported as a non-finite observation).
        do {
            _ = try ExactLocalWhittle.objective(d: 0.3, series: x, bandwidth: m, mean: .known(.nan))
            Issue.record("a NaN known mean was accepted")
        } catch let LongMemoryError.invalidArgument(name, _, _) {
            #expect(name == "known mean")
        }
    }

    @Test("stationary calibration at d = 0.2 (single seed) and the width-9/2 rule")
    func stationary() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2), count: 4096, seed: 99).map { $0 + 10 }
        let e = try ExactLocalWhittle.estimate(x)
        #expect(abs(e.d - 0.2) < 4 * e.standardError)
        #expect(e.standardError == 1 / (2 * Double(222).squareRoot()))
        #expect(throws: LongMemoryError.self) { try ExactLocalWhittle.estimate(x, searchInterval: -1...3.6) }
    }

    @Test("ELW valid at d = 0.7: integrated FI(−0.3) samples, mean within 3 s.e. of 0.7")
    func nonstationary() throws {
        // (1 − B)^{−1} of FI(−0.3) is I(0.7). 16 series, n = 2048, m = ⌊n^0.65⌋ = 142.
        let samples = try EstimatorTestData.fractionalNoiseSamples(d: -0.3, n: 2048, pairs: 8, seed: 41)
        var elw: [Double] = []
        var twoStep: [Double] = []
        for s in samples {
            var c = 0.0
            let x = s.map { v -> Double in
                c += v; return c + 5
            }
            elw.append(try ExactLocalWhittle.estimate(x).d)
            twoStep.append(try ExactLocalWhittle.twoStep(x).d)
        }
        let se = 1 / (2 * Double(142).squareRoot()) / Double(samples.count).squareRoot()
        let (m1, sd1) = EstimatorTestData.meanAndSD(elw)
        let (m2, _) = EstimatorTestData.meanAndSD(twoStep)
        #expect(abs(m1 - 0.7) < 3 * se, "ELW mean \(m1), sd \(sd1)")
        #expect(abs(m2 - 0.7) < 3 * se, "2ELW mean \(m2)")
        #expect(sd1 < 2 / (2 * Double(142).squareRoot()))
    }

    @Test("two-step ELW removes a linear trend; Newton and local-minimisation second steps agree closely")
    func twoStepTrend() throws {
        let n = 3000
        let x = try Simulation.arfima(ARFIMAModel(d: 0.35), count: n, seed: 5)
        let y = (0..<n).map { x[$0] + 2 + 0.004 * Double($0) }
        let plain = try ExactLocalWhittle.estimate(y)
        let detrended = try ExactLocalWhittle.twoStep(y, detrendOrder: 1)
        let newton = try ExactLocalWhittle.twoStep(y, detrendOrder: 1, secondStep: .newton)
        let velascoStart = try ExactLocalWhittle.twoStep(y, detrendOrder: 1, firstStepTaper: .velasco)
        #expect(abs(detrended.d - 0.35) < 4 * detrended.standardError, "\(detrended.d)")
        #expect(plain.d > detrended.d + 0.05, "the trend inflates plain ELW: \(plain.d)")
        #expect(abs(newton.d - detrended.d) < 0.02)
        #expect(abs(velascoStart.d - detrended.d) < 0.02)
        #expect(detrended.method == .twoStepExactLocalWhittle)
        #expect(detrended.auxiliary.contains { $0.name.hasPrefix("first-step d") })
    }
}
