/// Errors of the memory probes. Every case names the offending argument, so that a command line can print a
/// one-line message (`rnnmem: error: <description>`) and exit with status 2.
public enum MemoryProbeError: Error, Equatable, CustomStringConvertible {
    /// An argument outside its domain (delay beyond the sequence, degree ≤ 0, threshold outside [0, 1], …).
    case invalidArgument(argument: String, message: String)
    /// A readout was asked to fit a rank-deficient state matrix without regularisation
    /// (``ReadoutRegularization/none``): `rank` linearly independent columns out of `columns`.
    case rankDeficient(argument: String, rank: Int, columns: Int)
    /// The probe does not apply to this model (e.g. the analytic capacity of a nonlinear network).
    case unsupported(argument: String, message: String)

    public var description: String {
        switch self {
        case let .invalidArgument(argument, message):
            return "\(argument): \(message)"
        case let .rankDeficient(argument, rank, columns):
            return "\(argument): rank-deficient state matrix (rank \(rank) of \(columns) columns); "
                + "use a ridge readout (regularization automatic or ridge(λ))"
        case let .unsupported(argument, message):
            return "\(argument): \(message)"
        }
    }
}
