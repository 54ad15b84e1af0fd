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

    /// Stationary moments for the input autocorrelation `acf` (closed forms of ``Kernel``).
    static func stationary(_ a: C, _ c: C, _ acf: InputAutocorrelation) -> PairMoments {
        PairMoments(
            states: Kernel.sum(acf) { Kernel.generating(a, c, rho: $0) },
            derivativeState: Kernel.sum(acf) { Kernel.generatingDerivative(a, c, rho: $0) },
            stateDerivative: Kernel.sum(acf) { Kernel.generatingDerivative(c, a, rho: $0) },
            derivatives: Kernel.sum(acf) { Kernel.sensitivity(a, c, rho: $0) },
            inputFirst: Kernel.sum(acf) { Kernel.inputCross(a, rho: $0) },
            inputFirstDerivative: Kernel.sum(acf) { Kernel.inputCrossDerivative(a, rho: $0) },
            inputSecond: Kernel.sum(acf) { Kernel.inputCross(c, rho: $0) },
            inputSecondDerivative: Kernel.sum(acf) { Kernel.inputCrossDerivative(c, rho: $0) },
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
