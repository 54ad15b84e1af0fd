import MemoryNumerics

/// A stationary second moment that may be infinite: its value, or — where it is infinite (|λ| = 1) — the order and
/// coefficient of its divergence. Never NaN.
///
/// `.divergent(order: p, coefficient: C)` means Q ~ C·(1 − |λ|)^{−p} as |λ| → 1 at fixed phase; for example
/// E[(d_λh)²] ~ (1 + ρ)/(4(1 − ρ))·(1 − λ)^{−3} for real λ and ρ < 1, and (1 − λ)^{−4} at ρ = 1 (Zucchet & Orvieto
/// 2024, NeurIPS, §2.3). The same type describes the leading behaviour of a finite quantity as |λ| → 1
/// (``RecurrentSensitivity/asymptotics()``), where `.finite(L)` is its limit (0 for a vanishing quantity).
public enum StationaryValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A finite value (or finite limit).
    case finite(Double)
    /// Infinite: Q ~ coefficient·(1 − |λ|)^{−order}, order ≥ 1.
    case divergent(order: Int, coefficient: Double)

    /// The value when finite, nil when divergent.
    public var value: Double? {
        if case .finite(let v) = self { return v }
        return nil
    }

    /// True unless divergent.
    public var isFinite: Bool { value != nil }

    public var description: String {
        switch self {
        case .finite(let v): return "\(v)"
        case .divergent(let p, let c): return "infinite (~ \(c)·(1 − |λ|)^−\(p))"
        }
    }

    /// From the leading term of an endpoint expansion of a real quantity; nil if no term is known.
    init?(expansion e: EndpointExpansion) {
        guard let (order, coefficient) = e.realPart.leadingTerm else {
            // Zero to every known order: the quantity vanishes.
            if e.validCount > 0 || e.coefficients.allSatisfy({ $0 == .zero }) { self = .finite(0); return }
            return nil
        }
        if order < 0 {
            self = .divergent(order: -order, coefficient: coefficient.real)
        } else {
            self = .finite(order == 0 ? coefficient.real : 0)
        }
    }
}
