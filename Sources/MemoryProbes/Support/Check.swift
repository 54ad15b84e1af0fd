/// Shared argument checks of the probes (one place, so that every probe words its errors the same way).
enum Check {
    static func positive(_ value: Int, _ argument: String) throws {
        guard value >= 1 else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must be ≥ 1, got \(value)")
        }
    }

    static func nonNegative(_ value: Int, _ argument: String) throws {
        guard value >= 0 else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must be ≥ 0, got \(value)")
        }
    }

    static func finite(_ value: Double, _ argument: String) throws {
        guard value.isFinite else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must be finite, got \(value)")
        }
    }

    static func positive(_ value: Double, _ argument: String) throws {
        guard value.isFinite, value > 0 else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must be finite and > 0, got \(value)")
        }
    }

    /// A score threshold θ ∈ [0, 1] (R², squared correlation, capacity).
    static func unitInterval(_ value: Double, _ argument: String) throws {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must lie in [0, 1], got \(value)")
        }
    }

    /// An open probability (0, 1).
    static func probability(_ value: Double, _ argument: String) throws {
        guard value.isFinite, value > 0, value < 1 else {
            throw MemoryProbeError.invalidArgument(argument: argument, message: "must lie in (0, 1), got \(value)")
        }
    }

    static func finite(_ values: [Double], _ argument: String) throws {
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw MemoryProbeError.invalidArgument(
                argument: argument, message: "holds a non-finite value (\(values[i])) at index \(i)")
        }
    }
}
