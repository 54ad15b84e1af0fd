import Foundation

/// The memory a command may plan to use, checked before large allocations so that a size typo gives a one-line
/// error instead of exhausting the machine: half the physical memory, at least 1 GiB.
enum MemoryBudget {
    /// The budget in bytes.
    static var limit: Double { max(Double(1 << 30), Double(ProcessInfo.processInfo.physicalMemory) / 2) }

    /// Throws when `bytes` exceed ``limit``; `what` names the request (the file or the options at fault).
    static func check(bytes: Double, for what: String) throws(CLIError) {
        guard bytes.isFinite, bytes <= limit else {
            throw CLIError("\(what) needs about \(gigabytes(bytes)) of memory, more than the \(gigabytes(limit)) this command may use (half the machine's memory)")
        }
    }

    /// A byte count in GB, two significant digits.
    static func gigabytes(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "∞ GB" }
        return String(format: "%.2g GB", bytes / 1e9)
    }

    /// An estimate of the memory of running `model`-like networks on T × B sequences: the tape of a forward pass
    /// holds, per step and sequence, the inputs, the outputs, and (generously) six values per state row for the
    /// states and gate activations; a gradient doubles it (the backward pass's buffers) and a Hessian-vector
    /// product, on dual numbers, doubles that again.
    static func networkBytes(steps: Int, batchSize: Int, inputSize: Int, outputSize: Int, stateSize: Int,
                             parameterCount: Int, derivative: Derivative) -> Double {
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
