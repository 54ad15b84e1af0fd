import MemoryNumerics
import Testing
import _TestSupport
@testable import LongMemory

@Suite("scratch") struct VerdictScratchTests {
    @Test func falsePositiveRate() throws {
        for (label, model, n) in [("wn1024", ARFIMAModel(d: 0), 1024), ("fi045", ARFIMAModel(d: 0.45), 2048), ("wn300", ARFIMAModel(d: 0), 300), ("ar09", ARFIMAModel(d: 0, ar: [0.9]), 1024), ("fi-04", ARFIMAModel(d: -0.4), 1024)] {
            var hits = 0
            let reps = 400
            for r in 0..<reps {
                let x = try Simulation.arfima(model, count: n, seed: UInt64(90000 + r))
                if try PeriodicityDetection.check(x).detected { hits += 1 }
            }
            print("SCRATCH \(label): \(hits)/\(reps)")
        }
    }
}
