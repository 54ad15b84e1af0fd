@preconcurrency import CGSL
import CCBLAS

/// One-time configuration of the C libraries, run before the first call into any of them.
///
/// * OpenBLAS is pinned to one thread: on two cores, two threads made small eigensolves up to 7× slower, and
///   rnnmem parallelises at a coarser level.
/// * GSL's default error handler aborts the process; it is switched off so every GSL status code is turned into
///   a thrown ``NumericsError`` instead.
///
/// Every public entry point of this module that reaches C calls ``NumericsSetup/ensure()``; it costs one
/// atomic load after the first call (Swift globals are initialised exactly once, thread-safely).
public enum NumericsSetup {
    private static let configured: Bool = {
        openblas_set_num_threads(1)
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Configure the C libraries if that has not happened yet.
    @inline(__always)
    public static func ensure() { _ = configured }
}

/// Errors raised by the numerical layer. Every LAPACK `info`, GSL status and FFTW planning failure becomes one
/// of these; nothing in this module traps on bad numerical input.
public enum NumericsError: Error, Equatable, CustomStringConvertible {
    /// A LAPACK routine returned a non-zero `info`.
    case lapack(routine: String, info: Int32)
    /// A GSL routine returned a non-zero status.
    case gsl(routine: String, status: Int32, message: String)
    /// FFTW could not create a plan for this length.
    case fftPlan(length: Int)
    /// Dimensions that do not fit together.
    case dimensionMismatch(String)
    /// A value outside the domain of the routine (with the argument named).
    case domain(String)
    /// An iterative routine did not converge.
    case noConvergence(String)

    public var description: String {
        switch self {
        case let .lapack(routine, info):
            if info < 0 { return "LAPACK \(routine): argument \(-info) had an illegal value" }
            return "LAPACK \(routine) failed (info = \(info))"
        case let .gsl(routine, status, message): return "GSL \(routine) failed (status \(status): \(message))"
        case let .fftPlan(length): return "FFTW could not plan a transform of length \(length)"
        case let .dimensionMismatch(s): return "dimension mismatch: \(s)"
        case let .domain(s): return s
        case let .noConvergence(s): return "no convergence: \(s)"
        }
    }
}

@inline(__always)
func gslCheck(_ status: Int32, _ routine: String) throws {
    guard status == 0 else {
        let message = gsl_strerror(status).map { String(cString: $0) } ?? "unknown"
        throw NumericsError.gsl(routine: routine, status: status, message: message)
    }
}
