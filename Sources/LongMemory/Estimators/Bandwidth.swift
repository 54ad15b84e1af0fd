import MemoryNumerics

/// How many Fourier frequencies λ_j = 2πj/n, j = 1…m, a semiparametric estimator of d uses.
///
/// Defaults (<doc:Conventions>): GPH m = ⌊n^0.5⌋ (Geweke & Porter-Hudak 1983), local Whittle and exact local
/// Whittle m = ⌊n^0.65⌋. The largest admissible m is ⌊(n − 1)/2⌋ (frequencies below π). Every estimate reports
/// the m it used in ``MemoryEstimate/bandwidth``.
public enum Bandwidth: Sendable, Equatable, CustomStringConvertible {
    /// m given directly.
    case count(Int)
    /// m = ⌊n^α⌋, 0 < α < 1.
    case exponent(Double)
    /// The data-driven plug-in rule of ``BandwidthSelection`` (MSE-optimal m = C·|b̂|^{−2/5}·n^{4/5}).
    case plugIn

    public var description: String {
        switch self {
        case .count(let m): return "m = \(m)"
        case .exponent(let a): return "m = ⌊n^\(a)⌋"
        case .plugIn: return "plug-in m"
        }
    }

    /// ⌊(n − 1)/2⌋, the largest number of Fourier frequencies strictly inside (0, π).
    public static func maximum(n: Int) -> Int { max(0, (n - 1) / 2) }

    /// ⌊n^α⌋, computed so that exact powers are not lost to rounding (e.g. 10000^0.5 = 100).
    /// Returns 0 for n < 1 or a non-finite α; values are capped at 2⁵⁰.
    public static func floorPower(_ n: Int, _ alpha: Double) -> Int {
        guard n >= 1, alpha.isFinite else { return 0 }
        let v = Double.exp(alpha * Double.log(Double(n)))
        return Int(min((v * (1 + 1e-12)).rounded(.down), 0x1p50))
    }

    /// Resolve a fixed choice (``count(_:)`` or ``exponent(_:)``) to m, checking minimum ≤ m ≤ ⌊(n − 1)/2⌋.
    /// ``plugIn`` is resolved by the estimators themselves (it needs the data).
    func resolveFixed(n: Int, minimum: Int, estimator: String) throws -> (m: Int, description: String) {
        let upper = Bandwidth.maximum(n: n)
        let m: Int
        let text: String
        switch self {
        case .count(let c):
            m = c
            text = "m = \(c) (user)"
        case .exponent(let a):
            guard a.isFinite, a > 0, a < 1 else {
                throw LongMemoryError.invalidArgument(
                    name: "bandwidth exponent", value: "\(a)", requirement: "must be in (0, 1)")
            }
            m = Bandwidth.floorPower(n, a)
            text = "m = \(m) = ⌊n^\(EstimatorFormat.number(a))⌋"
        case .plugIn:
            throw LongMemoryError.numerical("internal: plug-in bandwidth must be resolved with the data")
        }
        guard m >= minimum, m <= upper else {
            throw LongMemoryError.invalidArgument(
                name: "bandwidth m", value: "\(m)",
                requirement: "\(estimator) needs \(minimum) ≤ m ≤ ⌊(n − 1)/2⌋ = \(upper) for n = \(n)")
        }
        return (m, text)
    }
}
