import LongMemory
import MemoryNumerics
import Recurrent

/// Estimates of d along a network's trajectory (see ``NetworkMemoryReport`` for what theory predicts).
public enum NetworkMemory {
    /// Run `model` on one sequence (`inputs` with batch size 1), drop `burnIn` steps and estimate d of every input
    /// feature, output and last-layer hidden unit (``SeriesMemory``); with `verdicts`, also run the full
    /// `rnnmem check` on each output.
    public static func analyze(
        model: any RecurrentModel, inputs: SequenceBatch, burnIn: Int = 0,
        bandwidths: SeriesMemory.Bandwidths = SeriesMemory.Bandwidths(),
        verdicts: Bool = true
    ) throws -> NetworkMemoryReport {
        guard inputs.batchSize == 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "inputs", message: "needs one sequence, got a batch of \(inputs.batchSize)")
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
