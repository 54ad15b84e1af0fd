import MemoryNumerics
/// Errors of the Spectra module. Every message is one line naming the offending argument, tensor or step.
public enum SpectraError: Error, Equatable, CustomStringConvertible {
    /// An argument outside its domain or inconsistent with the others (k larger than the dimension, a window
    /// longer than the run, an unknown parameter group …).
    case invalidArgument(argument: String, message: String)
    /// A trajectory or product left the floating-point range (overflow to ±∞ or NaN) at the given step (1-based).
    case divergence(step: Int, message: String)

    public var description: String {
        switch self {
        case let .invalidArgument(argument, message): return "\(argument): \(message)"
        case let .divergence(step, message): return "divergent trajectory at step \(step): \(message)"
        }
    }
}

/// Shared argument checks of the Spectra module.
enum SpectraChecks {
    static func positive(_ value: Int, _ argument: String) throws {
        guard value >= 1 else {
            throw SpectraError.invalidArgument(argument: argument, message: "must be ≥ 1, got \(value)")
        }
    }

    static func nonNegative(_ value: Int, _ argument: String) throws {
        guard value >= 0 else {
            throw SpectraError.invalidArgument(argument: argument, message: "must be ≥ 0, got \(value)")
        }
    }

    static func finite(_ value: Double, _ argument: String, positive: Bool = false) throws {
        guard value.isFinite, !positive || value > 0 else {
            throw SpectraError.invalidArgument(
                argument: argument, message: "must be finite\(positive ? " and > 0" : ""), got \(value)")
        }
    }

    /// Throws ``SpectraError/divergence(step:message:)`` if a state has a non-finite entry.
    static func finiteState(_ x: [Double], step: Int) throws {
        if let i = x.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.divergence(step: step, message: "state component \(i) is \(x[i])")
        }
    }

    static func finiteBlock(_ m: Matrix, step: Int, what: String) throws {
        if let i = m.elements.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.divergence(
                step: step, message: "\(what) entry (\(i % max(1, m.rows)), \(i / max(1, m.rows))) is \(m.elements[i])")
        }
    }
}
