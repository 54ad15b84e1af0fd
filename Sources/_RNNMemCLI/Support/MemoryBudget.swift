import Foundation

/// The memory a command may plan to use, checked before large allocations so that a size typo gives a one-line
/// error instead of exhausting the machine.
///
/// The limit is half the physical memory (at least 1 GiB), or the byte count in the environment variable
/// `RNNMEM_MEMORY_LIMIT` (`8000000000`, `8G`, `512M`, `2T`, `64K`: powers of 1024) for machines or jobs where that
/// default is wrong. Every command that sizes an allocation from its options estimates the bytes first and calls
/// ``check(bytes:for:)``; reading an input file is bounded by the same limit (``inputByteLimit``).
enum MemoryBudget {
    /// The environment variable that overrides the limit.
    static let environmentVariable = "RNNMEM_MEMORY_LIMIT"

    /// The default limit: half the machine's memory, at least 1 GiB.
    static var defaultLimit: Double { max(Double(1 << 30), Double(ProcessInfo.processInfo.physicalMemory) / 2) }

    /// The limit in bytes: `RNNMEM_MEMORY_LIMIT` when set, else ``defaultLimit``.
    static func limit() throws(CLIError) -> Double {
        guard let text = ToolEnvironment.value(environmentVariable) else { return defaultLimit }
        guard let bytes = parseBytes(text) else {
            throw CLIError(
                "\(environmentVariable)='\(text)' is not a byte count (give e.g. 8000000000, 8G, 512M)")
        }
        return bytes
    }

    /// `8G` → 8·2³⁰, `512M`, `64K`, `2T`, or a plain number of bytes; nil when not a positive count.
    static func parseBytes(_ text: String) -> Double? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        if digits.hasSuffix("B") { digits.removeLast() }
        var factor = 1.0
        for (suffix, power) in [("K", 1.0), ("M", 2.0), ("G", 3.0), ("T", 4.0)] where digits.hasSuffix(suffix) {
            factor = pow(1024, power)
            digits.removeLast()
        }
        guard let value = Double(digits), value.isFinite, value > 0 else { return nil }
        return value * factor
    }

    /// Throws when `bytes` exceed ``limit()``; `what` names the request (the file or the options at fault).
    static func check(bytes: Double, for what: String) throws(CLIError) {
        let limit = try limit()
        guard bytes.isFinite, bytes <= limit else {
            throw CLIError(
                "\(what) needs about \(gigabytes(bytes)) of memory, more than the \(gigabytes(limit)) this command "
                    + "may use (set \(environmentVariable) to raise the limit)")
        }
    }

    /// The largest input file read: a quarter of the limit (the bytes, their parse and the values as doubles
    /// hold about four times the file's size).
    static func inputByteLimit() throws(CLIError) -> Int { Int(min(try limit() / 4, Double(Int.max / 2))) }

    /// A byte count in GB, two significant digits.
    static func gigabytes(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "∞ GB" }
        return String(format: "%.2g GB", bytes / 1e9)
    }

    /// An estimate of the memory of running `model`-like networks on T × B sequences: the tape of a forward pass
    /// holds, per step and sequence, the inputs, the outputs, and (generously) six values per state row for the
    /// states and gate activations; a gradient doubles it (the backward pass's buffers) and a Hessian-vector
    /// product, on dual numbers, doubles that again.
    static func networkBytes(
        steps: Int, batchSize: Int, inputSize: Int, outputSize: Int, stateSize: Int,
        parameterCount: Int, derivative: Derivative
    ) -> Double {
        let perColumn = Double(inputSize + outputSize + 6 * stateSize)
        let forward = 8 * Double(steps) * Double(batchSize) * perColumn + 8 * Double(parameterCount)
        switch derivative {
        case .none: return forward
        case .gradient: return 2 * forward
        case .hessianVectorProduct: return 4 * forward
        }
    }

    /// The deepest derivative a command computes.
    enum Derivative {
        case none, gradient, hessianVectorProduct
    }
}
