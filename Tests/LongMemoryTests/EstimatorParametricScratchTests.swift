import Foundation
import Testing
@testable import LongMemory
import MemoryNumerics

@Suite("scratch") struct EstimatorParametricScratchTests {
    @Test("timing") func timing() throws {
        let text = try String(contentsOfFile: "/tmp/fd1e5.txt", encoding: .utf8)
        let x = text.split(whereSeparator: \.isNewline).compactMap { Double($0) }
        print("n", x.count)
        for _ in 0..<2 {
            var t = Date()
            let hr = try ParametricEstimation.haslettRaftery(x)
            print("HR 1e5", hr.model.d, hr.estimate.standardError, hr.evaluations, Date().timeIntervalSince(t)); t = Date()
            let hr1 = try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(p: 1))
            print("HR(1,d,0) 1e5", hr1.parameters, hr1.evaluations, Date().timeIntervalSince(t)); t = Date()
            let hr11 = try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(p: 1, q: 1))
            print("HR(1,d,1) 1e5", hr11.parameters, hr11.evaluations, Date().timeIntervalSince(t)); t = Date()
            let w = try ParametricEstimation.whittle(x)
            print("Whittle 1e5", w.model.d, Date().timeIntervalSince(t)); t = Date()
            let w11 = try ParametricEstimation.whittle(x, options: ARFIMAFitOptions(p: 1, q: 1))
            print("Whittle(1,d,1) 1e5", w11.parameters, w11.evaluations, Date().timeIntervalSince(t)); t = Date()
            let c = try ParametricEstimation.conditionalSumOfSquares(x)
            print("CSS 1e5", c.model.d, c.evaluations, Date().timeIntervalSince(t)); t = Date()
            let y = Array(x.prefix(20000))
            let mle = try ParametricEstimation.exactMLE(y)
            print("MLE 2e4", mle.model.d, mle.evaluations, Date().timeIntervalSince(t)); t = Date()
            let z = Array(x.prefix(5000))
            let mle11 = try ParametricEstimation.exactMLE(z, options: ARFIMAFitOptions(p: 1, q: 1))
            print("MLE(1,d,1) 5e3", mle11.parameters, mle11.evaluations, Date().timeIntervalSince(t)); t = Date()
            let fg = try ParametricEstimation.whittleFractionalGaussianNoise(x)
            print("fGn 1e5", fg.hurst, fg.evaluations, Date().timeIntervalSince(t)); t = Date()
        }
    }
}
