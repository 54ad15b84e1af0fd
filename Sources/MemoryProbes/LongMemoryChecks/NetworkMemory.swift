import LongMemory
import MemoryNumerics
import Recurrent

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
    public let burnIn: Int
    /// d of each input feature, output and last-layer hidden unit.
    public let inputs: [SeriesMemory]
    public let outputs: [SeriesMemory]
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

public enum NetworkMemory {
    /// Run `model` on one sequence (`inputs` with batch size 1), drop `burnIn` steps and estimate d of every input
    /// feature, output and last-layer hidden unit (``SeriesMemory``); with `verdicts`, also run the full
    /// `rnnmem check` on each output.
    public static func analyze(model: any RecurrentModel, inputs: SequenceBatch, burnIn: Int = 0,
                               bandwidths: SeriesMemory.Bandwidths = SeriesMemory.Bandwidths(),
                               verdicts: Bool = true) throws -> NetworkMemoryReport {
        guard inputs.batchSize == 1 else {
            throw MemoryProbeError.invalidArgument(argument: "inputs", message: "needs one sequence, got a batch of \(inputs.batchSize)")
        }
        try Check.nonNegative(burnIn, "burnIn")
        let T = inputs.steps
        guard T - burnIn >= 32 else {
            throw MemoryProbeError.invalidArgument(
                argument: "burnIn", message: "leaves \(T - burnIn) of \(T) steps; estimating d needs at least 32")
        }
        let trajectory = try model.forward(inputs)
        let hidden = try trajectory.hidden(layer: model.layerCount - 1)
        func column(_ batch: SequenceBatch, _ feature: Int, firstStep: Int) -> [Double] {
            (firstStep..<batch.steps).map { batch.values[feature + batch.features * $0] }
        }
        // Outputs: step index t − 1 holds y_t; hidden states: step index t holds h_t.
        let x = (0..<inputs.features).map { column(inputs, $0, firstStep: burnIn) }
        let y = (0..<model.outputSize).map { column(trajectory.outputs, $0, firstStep: burnIn) }
        let h = (0..<hidden.features).map { column(hidden, $0, firstStep: burnIn + 1) }
        return NetworkMemoryReport(
            samples: T - burnIn, burnIn: burnIn, inputs: x.map { SeriesMemory($0, bandwidths: bandwidths) },
            outputs: y.map { SeriesMemory($0, bandwidths: bandwidths) },
            hidden: h.map { SeriesMemory($0, bandwidths: bandwidths) },
            outputVerdicts: try y.map { verdicts ? try LongMemoryBridge.verdict($0) : nil })
    }
}
