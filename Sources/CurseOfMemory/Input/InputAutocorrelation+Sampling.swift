import MemoryNumerics
import Recurrent

extension InputAutocorrelation {
    /// `count` independent stationary Gaussian sequences of length `steps` with this autocorrelation, as a batch
    /// of one feature (element (t, b) at `values[b + count·t]`): each is a sum of independent AR(1) processes
    /// x_k ← ρ_k x_k + √(c_k(1 − ρ_k²))ξ started from their stationary law N(0, c_k) (a white component for
    /// ρ_k = 0, a constant level for ρ_k = 1), Gaussian ξ by the Ziggurat method from `SeededRandom(seed:)`
    /// (the same seed gives the same bytes). Draw order: for each step, for each sequence, the components in order.
    public func sequences(steps: Int, count: Int, seed: UInt64) throws -> SequenceBatch {
        try CurseOfMemoryError.require(steps >= 1, "steps", "must be ≥ 1, got \(steps)")
        try CurseOfMemoryError.require(count >= 1, "sequences", "must be ≥ 1, got \(count)")
        try CurseOfMemoryError.require(
            steps.multipliedReportingOverflow(by: count).overflow == false
                && steps * count <= 500_000_000, "steps",
            "steps × sequences = \(steps) × \(count) is too large")
        var rng = SeededRandom(seed: seed)
        return try sequences(steps: steps, count: count, using: &rng)
    }

    /// ``sequences(steps:count:seed:)`` drawing from `rng` (which it advances); the sizes are checked by the caller.
    func sequences(steps: Int, count: Int, using rng: inout SeededRandom) throws -> SequenceBatch {
        let gauss = ZigguratGaussian.shared
        let k = components.count
        let rates = components.map(\.rate)
        let sd = components.map { $0.weight.squareRoot() }
        let innovation = components.map { ($0.weight * (1 - $0.rate * $0.rate)).squareRoot() }
        var level = [Double](repeating: 0, count: count * k)
        var values = [Double](repeating: 0, count: steps * count)
        for t in 0..<steps {
            for b in 0..<count {
                var x = 0.0
                for j in 0..<k {
                    let xi = gauss.next(&rng)
                    let i = b * k + j
                    level[i] = t == 0 ? sd[j] * xi : rates[j] * level[i] + innovation[j] * xi
                    x += level[i]
                }
                values[b + count * t] = x
            }
        }
        return try SequenceBatch(steps: steps, batchSize: count, features: 1, values: values)
    }
}
