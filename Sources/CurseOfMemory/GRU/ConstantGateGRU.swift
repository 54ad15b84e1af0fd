import MemoryNumerics

/// The "simple" GRU unit of Zucchet & Orvieto (2024, NeurIPS, §3.2 and the appendix checking the theory on GRUs; `does_theory_hold_for_GRUs.ipynb`
/// of their repository) with a constant update gate z = σ(b) and candidate n_t = x_t (no tanh, no reset):
///
///     h_t = z h_{t−1} + (1 − z) x_t,
///
/// a diagonal recurrence with eigenvalue z and input gain 1 − z. For an input autocorrelation Σ_k c_k ρ_k^{|Δ|},
///
///     A(α, β) = Σ_k c_k (1 − α)(1 − β)(1 − ρ_k²αβ) / ((1 − ρ_kα)(1 − ρ_kβ)(1 − αβ))
///             = E[h^{(α)} h^{(β)}]   (two units with gates α, β on the same input),
///
/// so E[h²] = A(z, z) and E[(d_z h)²] = ∂_α∂_β A at α = β = z — the mixed second derivative, because
/// d_z h^{(z)} is differentiated once in each factor. Written out,
/// ∂_α∂_β A(z, z) = F − 2(1 − z)F_a + (1 − z)²S with F, F_a, S at (z, z) (``MemoryKernels``). For the gate bias,
/// E[(d_b h)²] = z²(1 − z)²·∂_α∂_β A. (The official notebook's `var_dh_dtheta` uses
/// (A + 2∂_αA + ∂_α∂_βA)·σ′(b)², which is not this second moment.)
public struct ConstantGateGRU: Sendable, Hashable {
    /// z ∈ [0, 1).
    public let gate: Double
    /// The input autocorrelation (n_t = x_t).
    public let input: InputAutocorrelation

    /// Throws unless 0 ≤ z < 1.
    public init(gate: Double, input: InputAutocorrelation) throws {
        try CurseOfMemoryError.require(
            gate.isFinite && gate >= 0 && gate < 1, "gate",
            "z must be in [0, 1), got \(gate)")
        self.gate = gate
        self.input = input
    }

    /// z = σ(b) for a finite bias b (σ(b) < 1 in floating point needs b ≲ 36).
    public init(bias: Double, input: InputAutocorrelation) throws {
        try CurseOfMemoryError.require(bias.isFinite, "bias", "must be finite, got \(bias)")
        try self.init(gate: 1 / (1 + Double.exp(-bias)), input: input)
    }

    /// E[h²] = A(z, z).
    public var activity: Double {
        let z = Complex(gate, 0)
        let f: Complex<Double> = Kernel.sum(input) { Kernel.generating(z, z, rho: $0) }
        return (1 - gate) * (1 - gate) * f.real
    }

    /// E[(d_z h)²] = ∂_α∂_β A(z, z) = F − 2(1 − z)F_a + (1 − z)²S.
    public var gateSensitivity: Double {
        let z = Complex(gate, 0)
        let f: Complex<Double> = Kernel.sum(input) { Kernel.generating(z, z, rho: $0) }
        let fa: Complex<Double> = Kernel.sum(input) { Kernel.generatingDerivative(z, z, rho: $0) }
        let s: Complex<Double> = Kernel.sum(input) { Kernel.sensitivity(z, z, rho: $0) }
        let u = 1 - gate
        return f.real - 2 * u * fa.real + u * u * s.real
    }

    /// E[(d_b h)²] = z²(1 − z)²·∂_α∂_β A(z, z) for z = σ(b).
    public var biasSensitivity: Double { gate * gate * (1 - gate) * (1 - gate) * gateSensitivity }

    /// A(α, β) in any ``RealScalar`` (for the automatic-differentiation check of the mixed derivative).
    func auxiliary<T: RealScalar>(_ alpha: T, _ beta: T) -> T {
        let one = T(1)
        let k: ComplexNumber<T> = Kernel.sum(input) {
            Kernel.generating(ComplexNumber(alpha, T(0)), ComplexNumber(beta, T(0)), rho: $0)
        }
        return (one - alpha) * (one - beta) * k.real
    }
}
