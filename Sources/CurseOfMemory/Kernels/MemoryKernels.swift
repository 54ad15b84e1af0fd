import MemoryNumerics

/// The generating function F and the sensitivity kernel S of Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064,
/// §2.3 "Signal propagation in linear diagonal recurrent neural networks" and appendix), for inputs with autocorrelation ρ^{|Δ|} or any sum of exponentials Σ_k c_k ρ_k^{|Δ|}.
///
/// Two units h^{(a)}_t = a h^{(a)}_{t−1} + x_t and h^{(b)}_t fed the same stationary input have
///
///     F(a, b; ρ) = E[h^{(a)} h^{(b)}] = (1 − ρ²ab) / ((1 − ab)(1 − ρa)(1 − ρb)),
///     S(a, b; ρ) = E[d_a h^{(a)} · d_b h^{(b)}] = ∂²F/∂a∂b
///       = [1 + ab − 2ab(a + b)ρ(1 − ρ²) − 4abρ² + 4a²b²ρ² − a²b²ρ⁴(1 + ab)] / [(1 − ab)³(1 − ρa)²(1 − ρb)²],
///
/// so E[h²] = F(λ, λ; ρ) = (1 + ρλ)/((1 − ρλ)(1 − λ²)) and E[(d_λh)²] = S(λ, λ; ρ); for complex λ and real input
/// E|h|² = F(λ, λ̄; ρ) and E|d_λh|² = S(λ, λ̄; ρ). The explicit S replaces the one of the official notebook
/// `visualization_S.ipynb`, which is wrong for 0 < ρ < 1 (it gives ≈ 519.66 instead of 778.1174 at a = b = 0.9,
/// ρ = 0.5). With a sum of exponentials every kernel is the c-weighted sum.
///
/// Points with |a| ≥ 1 or |b| ≥ 1 are rejected here; boundary behaviour (λ → 1) is reported by
/// ``RecurrentSensitivity/asymptotics()`` as a ``StationaryValue``.
public enum MemoryKernels {
    /// F(a, b) = E[h^{(a)} h^{(b)}] (bilinear; for E[h^{(a)} conj h^{(b)}] pass b̄).
    public static func generatingFunction(
        _ a: Complex<Double>, _ b: Complex<Double>,
        input: InputAutocorrelation
    ) throws -> Complex<Double> {
        try check(a, b)
        return Kernel.sum(input) { Kernel.generating(a, b, rho: $0) }
    }

    /// ∂F/∂a = E[d_a h^{(a)} · h^{(b)}] (derived here: (b(1 − ρ²) + ρ(1 − 2ab) + ρ³a²b²)/((1 − ab)²(1 − ρa)²(1 − ρb))).
    public static func generatingFunctionDerivative(
        _ a: Complex<Double>, _ b: Complex<Double>,
        input: InputAutocorrelation
    ) throws -> Complex<Double> {
        try check(a, b)
        return Kernel.sum(input) { Kernel.generatingDerivative(a, b, rho: $0) }
    }

    /// S(a, b) = E[d_a h^{(a)} · d_b h^{(b)}].
    public static func sensitivityKernel(
        _ a: Complex<Double>, _ b: Complex<Double>,
        input: InputAutocorrelation
    ) throws -> Complex<Double> {
        try check(a, b)
        return Kernel.sum(input) { Kernel.sensitivity(a, b, rho: $0) }
    }

    /// F(a, b; ρ) for real a, b.
    public static func generatingFunction(_ a: Double, _ b: Double, rho: Double) throws -> Double {
        try generatingFunction(Complex(a, 0), Complex(b, 0), input: .geometric(rho: rho)).real
    }

    /// S(a, b; ρ) for real a, b.
    public static func sensitivityKernel(_ a: Double, _ b: Double, rho: Double) throws -> Double {
        try sensitivityKernel(Complex(a, 0), Complex(b, 0), input: .geometric(rho: rho)).real
    }

    /// E[h²] for a real λ ∈ [−1, 1]: F(λ, λ) when |λ| < 1, its divergence at λ = ±1.
    public static func stateVariance(lambda: Double, input: InputAutocorrelation) throws -> StationaryValue {
        try RecurrentSensitivity(lambda: lambda, input: input).evaluate().activity
    }

    /// E[(d_λh)²] for a real λ ∈ [−1, 1]: S(λ, λ) when |λ| < 1, its divergence at λ = ±1.
    public static func lambdaSensitivity(lambda: Double, input: InputAutocorrelation) throws -> StationaryValue {
        try RecurrentSensitivity(lambda: lambda, input: input).evaluate().first
    }

    static func check(_ a: Complex<Double>, _ b: Complex<Double>) throws {
        for (name, z) in [("a", a), ("b", b)] {
            try CurseOfMemoryError.require(
                z.isFinite && z.length < 1, name,
                "needs |\(name)| < 1 for a finite stationary moment, got |\(name)| = \(z.length)")
        }
    }
}
