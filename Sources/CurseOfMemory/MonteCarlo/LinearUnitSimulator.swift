import Dispatch
import MemoryNumerics
import Synchronization

/// The forward-mode simulation behind ``MonteCarloVerifier``: chains of diagonal units h_u ← λ_u h_u + g_u x driven by
/// the same input x = Σ_k x_k (independent AR(1) components x_k ← ρ_k x_k + √(c_k(1 − ρ_k²)) ξ, drawn stationary at
/// the start; a ρ = 0 component is white noise), together with the exact eigenvalue derivatives
/// s_u ← λ_u s_u + h_u (the forward-mode recursion of ∂h_u/∂λ_u; Zucchet & Orvieto 2024, §2.3). Parameter derivatives of γ(λ)h are linear in (h, s), so any of them is a probe below.
///
/// Chains run in blocks of `blockSize` with state in structure-of-arrays form, so the inner loops over chains
/// vectorise; blocks are independent (stream = block index) and may run on several threads.
struct LinearUnitSimulator: Sendable {
    struct Unit: Sendable {
        var lambda: Complex<Double>
        var gain: Complex<Double>
    }

    /// r = Re(α h_u + β s_u) + χ x.
    struct RealProbe: Sendable {
        var unit: Int
        var state: Complex<Double>
        var derivative: Complex<Double>
        var input: Double = 0
    }

    /// Σ weight·r_p·r_q over the terms.
    typealias Target = [(p: Int, q: Int, weight: Double)]

    static let blockSize = 256

    let units: [Unit]
    let input: InputAutocorrelation
    let probes: [RealProbe]
    let targets: [Target]

    /// Mean and standard error of every target (average over samples within a chain, then over chains).
    /// `progress` receives the number of chains finished after every block of ``blockSize`` chains; calls are
    /// serialised (never concurrent), in increasing order.
    func run(
        chains: Int, burnIn: Int, samples: Int, spacing: Int, seed: UInt64, parallel: Bool,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [(mean: Double, standardError: Double)] {
        let blockCount = (chains + Self.blockSize - 1) / Self.blockSize
        let targetCount = targets.count
        let finished = ChainCounter()
        var perChain = [Double](repeating: 0, count: chains * targetCount)  // [target][chain]
        perChain.withUnsafeMutableBufferPointer { out in
            let base = SendablePointer(out.baseAddress!)
            let work: @Sendable (Int) -> Void = { block in
                let first = block * Self.blockSize
                let count = min(Self.blockSize, chains - first)
                var rng = SeededRandom(seed: seed, stream: UInt64(block) + 1)
                self.simulate(block: count, burnIn: burnIn, samples: samples, spacing: spacing, rng: &rng) { t, c, v in
                    base.pointer[t * chains + first + c] = v
                }
                if let progress { finished.add(count, report: progress) }
            }
            if parallel && blockCount > 1 {
                DispatchQueue.concurrentPerform(iterations: blockCount, execute: work)
            } else {
                for b in 0..<blockCount { work(b) }
            }
        }
        return (0..<targetCount).map { t in
            let values = perChain[(t * chains)..<((t + 1) * chains)]
            let mean = values.reduce(0, +) / Double(chains)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(chains - 1)
            return (mean, (variance / Double(chains)).squareRoot())
        }
    }

    /// Simulate `n` chains and report each chain's average of each target. State lives in one raw allocation
    /// (structure of arrays: chain index innermost).
    private func simulate(
        block n: Int, burnIn: Int, samples: Int, spacing: Int, rng: inout SeededRandom,
        report: (Int, Int, Double) -> Void
    ) {
        let gauss = ZigguratGaussian.shared
        let k = input.components.count, u = units.count, p = probes.count, m = targets.count
        let rates = input.components.map(\.rate)
        let scales = input.components.map { ($0.weight * (1 - $0.rate * $0.rate)).squareRoot() }
        // Layout: components k·n | x n | noise n | hr, hi, sr, si u·n each | probes p·n | accumulators m·n.
        let total = (k + 2 + 4 * u + p + m) * n
        let memory = UnsafeMutablePointer<Double>.allocate(capacity: total)
        defer { memory.deallocate() }
        memory.initialize(repeating: 0, count: total)
        let comp = memory, x = comp + k * n, noise = x + n
        let hr = noise + n, hi = hr + u * n, sr = hi + u * n, si = sr + u * n
        let r = si + u * n, acc = r + p * n
        for j in 0..<k {
            // Stationary start of every input component: N(0, c_k).
            let sd = input.components[j].weight.squareRoot()
            gauss.fill(comp + j * n, count: n, &rng)
            for c in 0..<n { comp[j * n + c] *= sd }
        }
        let totalSteps = burnIn + (samples - 1) * spacing + 1
        var nextSample = burnIn
        for step in 0..<totalSteps {
            for c in 0..<n { x[c] = 0 }
            for j in 0..<k {
                let rho = rates[j], sigma = scales[j]
                let row = comp + j * n
                if rho == 1 {
                    for c in 0..<n { x[c] += row[c] }
                    continue
                }
                gauss.fill(noise, count: n, &rng)
                for c in 0..<n {
                    let v = rho * row[c] + sigma * noise[c]
                    row[c] = v
                    x[c] += v
                }
            }
            for j in 0..<u {
                let unit = units[j]
                let a = unit.lambda.real, b = unit.lambda.imaginary
                let ga = unit.gain.real, gb = unit.gain.imaginary
                let h0p = hr + j * n, h1p = hi + j * n, s0p = sr + j * n, s1p = si + j * n
                for c in 0..<n {
                    let h0 = h0p[c], h1 = h1p[c], s0 = s0p[c], s1 = s1p[c], xc = x[c]
                    s0p[c] = a * s0 - b * s1 + h0
                    s1p[c] = a * s1 + b * s0 + h1
                    h0p[c] = a * h0 - b * h1 + ga * xc
                    h1p[c] = a * h1 + b * h0 + gb * xc
                }
            }
            if step == nextSample {
                nextSample += spacing
                for (q, probe) in probes.enumerated() {
                    let o = probe.unit * n
                    let ar = probe.state.real, ai = probe.state.imaginary
                    let br = probe.derivative.real, bi = probe.derivative.imaginary
                    let chi = probe.input
                    let out = r + q * n
                    for c in 0..<n {
                        // Re[(ar + i·ai)h + (br + i·bi)s] + χx.
                        out[c] = ar * hr[o + c] - ai * hi[o + c] + br * sr[o + c] - bi * si[o + c] + chi * x[c]
                    }
                }
                for (t, target) in targets.enumerated() {
                    let out = acc + t * n
                    for term in target {
                        let w = term.weight, rp = r + term.p * n, rq = r + term.q * n
                        for c in 0..<n { out[c] += w * rp[c] * rq[c] }
                    }
                }
            }
        }
        let scale = 1 / Double(samples)
        for t in 0..<m { for c in 0..<n { report(t, c, acc[t * n + c] * scale) } }
    }
}

/// The number of chains finished, shared by the threads that run blocks of chains.
final class ChainCounter: Sendable {
    private let count = Mutex(0)

    /// Adds `n` finished chains and reports the total, under the lock (so reports are never concurrent).
    func add(_ n: Int, report: @Sendable (Int) -> Void) {
        count.withLock { total in
            total += n
            report(total)
        }
    }
}

/// A raw pointer that blocks of chains write disjoint ranges of (from several threads).
struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}
