/// How a linear readout treats a rank-deficient (or nearly so) state matrix.
///
/// A state matrix is rank-deficient when some state variables are exact linear combinations of others — a dead or
/// saturated unit (a constant column), a duplicated unit, a memory buffer longer than the data. Least squares then
/// has no unique solution. Ridge regression (Hoerl & Kennard 1970, Technometrics 12(1):55–67) minimises
/// (1/n)‖X̃w − ỹ‖² + λ‖w‖² on the centred design X̃, with λ stated relative to the largest eigenvalue of the sample
/// covariance X̃ᵀX̃/n, so that it is scale-free: `relative = 1e-8` shrinks only directions carrying less than 10⁻⁸
/// of the leading variance (and removes those carrying none).
public enum ReadoutRegularization: Sendable, Equatable, Codable {
    /// Ordinary least squares when the centred state matrix has full column rank; otherwise a ridge with
    /// λ = `relative` × (largest covariance eigenvalue), reported in ``ReadoutFitInfo``.
    case automatic(relative: Double)
    /// Always a ridge with λ = `relative` × (largest covariance eigenvalue).
    case ridge(relative: Double)
    /// Ordinary least squares only: a rank-deficient state matrix throws
    /// ``MemoryProbeError/rankDeficient(argument:rank:columns:)``.
    case none

    /// ``automatic(relative:)`` with the default relative ridge 10⁻⁸.
    public static let standard = ReadoutRegularization.automatic(relative: 1e-8)

    /// Singular values of the centred state matrix below this fraction of the largest count as zero when deciding
    /// the rank (10⁻¹⁰, i.e. covariance eigenvalues below 10⁻²⁰ of the largest).
    public static let rankTolerance = 1e-10

    func validate() throws {
        switch self {
        case .automatic(let r), .ridge(let r):
            guard r.isFinite, r > 0 else {
                throw MemoryProbeError.invalidArgument(
                    argument: "regularization",
                    message: "relative ridge must be finite and > 0, got \(r)")
            }
        case .none: break
        }
    }
}
