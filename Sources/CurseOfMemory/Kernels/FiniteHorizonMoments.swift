import MemoryNumerics

/// Exact time averages of the moments of ``PairMoments`` over a finite window, for recurrences started at h₀ = 0
/// (no burn-in) and driven by an input that is stationary from the start (each AR(1) component drawn from its
/// stationary law at t = 0).
///
/// The expected Gauss–Newton matrix of a network trained on sequences of length T averages these moments over the
/// steps that enter the loss; for |λ| close to 1 it differs from the stationary value by O(1/((1 − |λ|)T)) (at
/// |λ| = 0.99 and T = 300 by tens of percent), which is why a comparison of the stationary closed forms with a
/// network's Hessian needs either this finite-horizon version or a loss masked after a burn-in.
///
/// Recursions (one per exponential component c·ρ^{|Δ|}, unit variance, then weighted by c): with x_t = ρx_{t−1} +
/// √(1 − ρ²)ξ_t, h_t(a) = a h_{t−1}(a) + x_t, s_t(a) = a s_{t−1}(a) + h_{t−1}(a) and primes for t − 1,
///
///     E[x h(a)] ← aρ E[x h(a)]′ + 1,          E[x s(a)] ← aρ E[x s(a)]′ + ρ E[x h(a)]′,
///     E[h(a)h(c)] ← ac E[h(a)h(c)]′ + aρ E[x h(a)]′ + cρ E[x h(c)]′ + 1,
///     E[h(a)s(c)] ← ac E[h(a)s(c)]′ + a E[h(a)h(c)]′ + cρ E[x s(c)]′ + ρ E[x h(c)]′,
///     E[s(a)s(c)] ← ac E[s(a)s(c)]′ + a E[s(a)h(c)]′ + c E[h(a)s(c)]′ + E[h(a)h(c)]′,
///
/// all starting from 0 at t = 0. Their fixed points are the stationary closed forms (tested).
struct FiniteHorizonMoments {
    /// Number of steps T (t = 1 … T).
    let steps: Int
    /// Steps t ≤ skippedSteps are left out of the average (a burn-in, like a loss masked from that step on).
    let skippedSteps: Int
    let autocorrelation: InputAutocorrelation

    func moments(_ a: Complex<Double>, _ c: Complex<Double>) -> PairMoments<Complex<Double>> {
        var total = PairMoments<Complex<Double>>(
            states: .zero, derivativeState: .zero, stateDerivative: .zero, derivatives: .zero, inputFirst: .zero,
            inputFirstDerivative: .zero, inputSecond: .zero, inputSecondDerivative: .zero,
            input: Complex(autocorrelation.variance, 0))
        let count = Double(steps - skippedSteps)
        for component in autocorrelation.components {
            let rho = Complex(component.rate, 0)
            var xa = Complex<Double>.zero, xsa = Complex<Double>.zero, xc = Complex<Double>.zero
            var xsc = Complex<Double>.zero
            var hh = Complex<Double>.zero, hs = Complex<Double>.zero, sh = Complex<Double>.zero
            var ss = Complex<Double>.zero
            var acc = (
                hh: Complex<Double>.zero, hs: Complex<Double>.zero, sh: Complex<Double>.zero,
                ss: Complex<Double>.zero, xa: Complex<Double>.zero, xsa: Complex<Double>.zero,
                xc: Complex<Double>.zero, xsc: Complex<Double>.zero
            )
            let one = Complex<Double>(1, 0)
            for t in 1...steps {
                let nss = a * c * ss + a * sh + c * hs + hh  // E[s(a)s(c)]: uses E[s(a)h(c)]′ = sh, E[h(a)s(c)]′ = hs
                let nhs = a * c * hs + a * hh + c * rho * xsc + rho * xc
                let nsh = a * c * sh + c * hh + a * rho * xsa + rho * xa
                let nhh = a * c * hh + a * rho * xa + c * rho * xc + one
                let nxsa = a * rho * xsa + rho * xa
                let nxsc = c * rho * xsc + rho * xc
                let nxa = a * rho * xa + one
                let nxc = c * rho * xc + one
                (ss, hs, sh, hh, xsa, xsc, xa, xc) = (nss, nhs, nsh, nhh, nxsa, nxsc, nxa, nxc)
                if t > skippedSteps {
                    acc.hh = acc.hh + hh
                    acc.hs = acc.hs + hs
                    acc.sh = acc.sh + sh
                    acc.ss = acc.ss + ss
                    acc.xa = acc.xa + xa
                    acc.xsa = acc.xsa + xsa
                    acc.xc = acc.xc + xc
                    acc.xsc = acc.xsc + xsc
                }
            }
            let w = Complex<Double>(component.weight / count, 0)
            total.states = total.states + acc.hh * w
            total.stateDerivative = total.stateDerivative + acc.hs * w
            total.derivativeState = total.derivativeState + acc.sh * w
            total.derivatives = total.derivatives + acc.ss * w
            total.inputFirst = total.inputFirst + acc.xa * w
            total.inputFirstDerivative = total.inputFirstDerivative + acc.xsa * w
            total.inputSecond = total.inputSecond + acc.xc * w
            total.inputSecondDerivative = total.inputSecondDerivative + acc.xsc * w
        }
        return total
    }
}
