import MemoryNumerics

/// The bilinear second moments of two unit-gain diagonal recurrences h^{(a)}_t = a h^{(a)}_{t−1} + x_t and
/// h^{(c)}_t fed the same scalar input x, with their eigenvalue derivatives s^{(a)} = ∂_a h^{(a)}:
///
/// | field | moment |
/// |---|---|
/// | `states` | E[h^{(a)} h^{(c)}] |
/// | `derivativeState` | E[s^{(a)} h^{(c)}] |
/// | `stateDerivative` | E[h^{(a)} s^{(c)}] |
/// | `derivatives` | E[s^{(a)} s^{(c)}] |
/// | `inputFirst`, `inputFirstDerivative` | E[x h^{(a)}], E[x s^{(a)}] |
/// | `inputSecond`, `inputSecondDerivative` | E[x h^{(c)}], E[x s^{(c)}] |
/// | `input` | E[x²] |
///
/// Moments are bilinear (no conjugation): for complex eigenvalues and a real input, E[P·conj Q] is the bilinear
/// moment with the conjugate eigenvalue and conjugated coefficients. Stationary values are the closed forms of
/// ``Kernel``; ``FiniteHorizonMoments`` gives time averages over a finite window from h₀ = 0.
struct PairMoments<C: ComplexField> {
    var states: C
    var derivativeState: C
    var stateDerivative: C
    var derivatives: C
    var inputFirst: C
    var inputFirstDerivative: C
    var inputSecond: C
    var inputSecondDerivative: C
    var input: C

    /// Stationary moments for the input autocorrelation `acf` (closed forms of ``Kernel``). `separated` takes the
    /// separated kernels (``Kernel/separatedSensitivity(_:_:rho:)``): the same values up to rounding, without
    /// cancellation in the endpoint expansion as |λ| → 1 and ρ → 1.
    static func stationary(_ a: C, _ c: C, _ acf: InputAutocorrelation, separated: Bool = false) -> PairMoments {
        typealias Pair = (C, C, Double) -> C
        typealias Single = (C, Double) -> C
        let f: Pair, fa: Pair, s: Pair, x: Single, xd: Single
        if separated {
            f = { Kernel.separatedGenerating($0, $1, rho: $2) }
            fa = { Kernel.separatedGeneratingDerivative($0, $1, rho: $2) }
            s = { Kernel.separatedSensitivity($0, $1, rho: $2) }
            x = { Kernel.separatedInputCross($0, rho: $1) }
            xd = { Kernel.separatedInputCrossDerivative($0, rho: $1) }
        } else {
            f = { Kernel.generating($0, $1, rho: $2) }
            fa = { Kernel.generatingDerivative($0, $1, rho: $2) }
            s = { Kernel.sensitivity($0, $1, rho: $2) }
            x = { Kernel.inputCross($0, rho: $1) }
            xd = { Kernel.inputCrossDerivative($0, rho: $1) }
        }
        return PairMoments(
            states: Kernel.sum(acf) { f(a, c, $0) },
            derivativeState: Kernel.sum(acf) { fa(a, c, $0) },
            stateDerivative: Kernel.sum(acf) { fa(c, a, $0) },
            derivatives: Kernel.sum(acf) { s(a, c, $0) },
            inputFirst: Kernel.sum(acf) { x(a, $0) },
            inputFirstDerivative: Kernel.sum(acf) { xd(a, $0) },
            inputSecond: Kernel.sum(acf) { x(c, $0) },
            inputSecondDerivative: Kernel.sum(acf) { xd(c, $0) },
            input: C(acf.variance))
    }

    /// E[P Q] for P = p.state·h^{(a)} + p.derivative·s^{(a)} + p.input·x and Q likewise on (h^{(c)}, s^{(c)}, x).
    func expectation(_ p: Probe<C>, _ q: Probe<C>) -> C {
        var e =
            p.state * q.state * states + p.state * q.derivative * stateDerivative
            + p.derivative * q.state * derivativeState + p.derivative * q.derivative * derivatives
        if let pi = p.input {
            e = e + pi * q.state * inputSecond + pi * q.derivative * inputSecondDerivative
            if let qi = q.input { e = e + pi * qi * input }
        }
        if let qi = q.input { e = e + p.state * qi * inputFirst + p.derivative * qi * inputFirstDerivative }
        return e
    }
}
