@testable import CurseOfMemory
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Stationary Gaussian inputs with a sum-of-exponentials autocorrelation (the inputs of the engine checks).
@Suite("Input sequences")
struct InputSamplingTests {
    @Test(
        "Sample autocovariances at lags 0, 1, 5, 40 match Σ c_k ρ_k^|Δ| from the first step on (|z| < 4); same seed ⇒ same values"
    )
    func autocovariance() throws {
        let acf = try InputAutocorrelation(components: [(0.6, 0.9), (0.4, 0)])
        let steps = 60, count = 4000
        let x = try acf.sequences(steps: steps, count: count, seed: 3)
        for lag in [0, 1, 5, 40] {
            // E[x_0 x_lag] across sequences: the chain is stationary from step 0.
            let products = (0..<count).map { b in x.values[b] * x.values[b + count * lag] }
            let mean = products.reduce(0, +) / Double(count)
            let sd = (products.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)).squareRoot()
            let z = (mean - acf.value(atLag: lag)) / (sd / Double(count).squareRoot())
            #expect(abs(z) < 4, "lag \(lag): \(mean) vs \(acf.value(atLag: lag)), z = \(z)")
        }
        #expect(try acf.sequences(steps: 5, count: 3, seed: 3) == (try acf.sequences(steps: 5, count: 3, seed: 3)))
        #expect(throws: CurseOfMemoryError.self) { try acf.sequences(steps: 0, count: 3, seed: 1) }
    }
}
