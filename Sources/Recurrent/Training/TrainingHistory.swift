/// The loss curve of a run.
public struct TrainingHistory: Sendable, Codable, Equatable {
    /// One record per update, in update order.
    public let records: [TrainingRecord]

    /// A curve from its records.
    public init(records: [TrainingRecord] = []) { self.records = records }

    /// Column names of ``csv()``.
    public static let csvHeader = "step,train_loss,validation_loss,learning_rate,grad_norm,elapsed_seconds"

    /// The curve as CSV text: the header ``csvHeader`` then one line per update, numbers in Swift's shortest
    /// round-trip form (`0.001`, `1e-07`, `nan`, `inf`), an empty validation field where none was evaluated,
    /// lines ending with "\n".
    public func csv() -> String {
        var out = Self.csvHeader + "\n"
        out.reserveCapacity(out.count + records.count * 80)
        for r in records {
            out += "\(r.step),\(r.trainingLoss),\(r.validationLoss.map { "\($0)" } ?? ""),\(r.learningRate),"
            out += "\(r.gradientNorm),\(r.elapsedSeconds)\n"
        }
        return out
    }

    /// Write ``csv()`` to `path` (created or truncated). Throws ``RecurrentError/invalidArgument(argument:message:)``
    /// naming the path and the system's reason on failure.
    public func writeCSV(to path: String) throws { try TextFile.write(csv(), to: path) }

    /// Training losses in update order.
    public var trainingLosses: [Double] { records.map(\.trainingLoss) }
    /// (step, validation loss) of the updates where it was evaluated.
    public var validationLosses: [(step: Int, loss: Double)] {
        records.compactMap { r in r.validationLoss.map { (r.step, $0) } }
    }
}
