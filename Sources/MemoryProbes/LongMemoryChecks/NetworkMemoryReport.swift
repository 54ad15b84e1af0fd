import LongMemory

/// The memory parameter d of a network's input, hidden states and outputs along one trajectory, with the verdict
/// of `rnnmem check` on each output.
///
/// What theory predicts (Zhao et al. 2020, ICML, Theorem 1 and Corollaries 1–2 for the autonomous case; the filter
/// argument for the driven case): a contracting network driven by white noise has short-memory states and outputs
/// (d = 0); driven by a long-memory input with spectrum f_x(λ) ~ Gλ^{−2d} it passes the memory through — for a
/// stable linear filter with transfer function A, f_h(λ) ~ A(1)GA(1)*λ^{−2d}, so every direction with A(1) ≠ 0
/// keeps the same d, and a contracting nonlinear network behaves the same to first order. Zhao et al.'s theorems
/// concern autonomous noise-driven networks and response coefficients, not this input-driven case.
public struct NetworkMemoryReport: Sendable, Equatable {
    /// Samples n per series (T − burn-in).
    public let samples: Int
    /// Steps dropped at the start.
    public let burnIn: Int
    /// d of each input feature, output and last-layer hidden unit.
    public let inputs: [SeriesMemory]
    /// d of each output.
    public let outputs: [SeriesMemory]
    /// d of each last-layer hidden unit.
    public let hidden: [SeriesMemory]
    /// The `rnnmem check` verdict of each output (nil when the series is shorter than the check needs).
    public let outputVerdicts: [MemoryVerdict?]

    /// Median local-Whittle d̂ over the hidden units (units whose estimate failed are skipped; nil if all failed).
    public var hiddenMedianLocalWhittle: Double? {
        let ds = hidden.compactMap { $0.localWhittle?.d }.sorted()
        guard !ds.isEmpty else { return nil }
        return ds.count % 2 == 1 ? ds[ds.count / 2] : 0.5 * (ds[ds.count / 2 - 1] + ds[ds.count / 2])
    }
}
