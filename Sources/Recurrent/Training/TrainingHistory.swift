#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of a loss curve: update `step` (1-based: the step-th update), with the losses and gradient norm at the
/// parameters *before* that update.
public struct TrainingRecord: Sendable, Codable, Equatable {
    /// 1, 2, …: the update this row describes.
    public let step: Int
    /// Loss of the update's training batch at θ_{step−1}.
    public let trainingLoss: Double
    /// Validation loss at θ_{step−1}, when evaluated at this update.
    public let validationLoss: Double?
    /// Learning rate η used by the update.
    public let learningRate: Double
    /// Global ℓ2 norm of the gradient before clipping.
    public let gradientNorm: Double
    /// Wall-clock seconds since the start of training, at the end of this update.
    public let elapsedSeconds: Double

    public init(step: Int, trainingLoss: Double, validationLoss: Double?, learningRate: Double, gradientNorm: Double,
                elapsedSeconds: Double) {
        self.step = step
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.learningRate = learningRate
        self.gradientNorm = gradientNorm
        self.elapsedSeconds = elapsedSeconds
    }
}

/// The loss curve of a run.
public struct TrainingHistory: Sendable, Codable, Equatable {
    public var records: [TrainingRecord]

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

/// POSIX `write(2)`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}

/// Writing a text file with POSIX calls (no Foundation in this module).
enum TextFile {
    static func write(_ text: String, to path: String) throws {
        guard !path.isEmpty else { throw RecurrentError.invalidArgument(argument: "path", message: "the file name is empty") }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw RecurrentError.invalidArgument(argument: "path", message: "cannot create \(path): \(reason())") }
        var text = text
        let failure: String? = text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = posixWrite(fd, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return reason()
                }
                remaining -= written
                base += written
            }
            return nil
        }
        let closed = close(fd)
        if let failure { throw RecurrentError.invalidArgument(argument: "path", message: "cannot write \(path): \(failure)") }
        if closed != 0 { throw RecurrentError.invalidArgument(argument: "path", message: "cannot close \(path): \(reason())") }
    }

    static func reason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
