import MemoryNumerics

/// Random initialisation of the complex-diagonal models (``ComplexDiagonalRNN``, ``LRU``): eigenvalues on a ring,
/// Orvieto et al. (2023, ICML, arXiv 2303.06349), §3.
///
/// **Ring** (both schemes): with u ~ U(0, 1), |λ| = √(u(r_max² − r_min²) + r_min²), i.e. |λ|² ~ U[r_min², r_max²],
/// so P(|λ| ≤ r) = (r² − r_min²)/(r_max² − r_min²) and E|λ|² = (r_min² + r_max²)/2 (Orvieto et al. 2023, ICML,
/// arXiv 2303.06349, Lemma 3.2 / §3.3: uniform on the ring of the complex plane). The parameters are then the
/// parametrization's (ω₁, ω₂) of that λ (``EigenvalueParametrization/parameters(modulus:phase:)``; for ``EigenvalueParametrization/exp`` this is
/// ν_log = log(−½ log(|λ|²)), θ_log = log θ as in the paper), and a learned γ starts at log √(1 − |λ|²).
///
/// **Schemes** (they differ in the phase and in the scales of B, C, D):
/// * ``Scheme/orvieto2023`` — the paper and NicolasZucchet/minimal-LRU (`lru/model.py`): θ = φ_max·u′ ∈ (0, φ_max);
///   B_re, B_im ~ N(0, 1/(2 d_ℓ)) (so B ~ CN(0, 1/d_ℓ), d_ℓ the layer's input width, H in the paper); C_re, C_im ~
///   N(0, 1/N); D ~ N(0, 1). Defaults of minimal-LRU: r_min = 0, r_max = 1, φ_max = 6.28.
/// * ``Scheme/zucchetOrvieto2024`` — Zucchet & Orvieto's repository (`source/model.py`, `nu_init`, `matrix_init`):
///   θ = (−φ_max + 2φ_max·u′) mod 2π; every real matrix N(0, 1)/√(its first dimension): B_re, B_im ~ N(0, 1/N),
///   C_re, C_im ~ N(0, 1/d_out), D ~ N(0, 1/d_out) (a diagonal D: N(0, 1/d_in)). Their LSI students use
///   r_min = ν₀, r_max = 1.
///
/// Draw order (for "same seed ⇒ same bytes"): per layer, for each unit (u, u′) then B_re, B_im column-major; then
/// C_re, C_im, D. u and u′ are redrawn when exactly 0 (so θ > 0 and |λ| > 0 whenever r_max > 0).
public struct DiagonalInitialization: Sendable, Codable, Equatable, Hashable {
    /// The two published schemes (see the type's documentation).
    public enum Scheme: String, Sendable, Codable, CaseIterable, Equatable {
        /// Orvieto et al. (2023) and minimal-LRU.
        case orvieto2023
        /// Zucchet & Orvieto's repository (2024).
        case zucchetOrvieto2024
    }

    /// Which scheme.
    public var scheme: Scheme
    /// r_min ∈ [0, r_max].
    public var minimumModulus: Double
    /// r_max ∈ (0, 1].
    public var maximumModulus: Double
    /// φ_max > 0.
    public var maximumPhase: Double

    /// A scheme with its ring radii and largest phase (checked when parameters are drawn).
    public init(scheme: Scheme, minimumModulus: Double, maximumModulus: Double, maximumPhase: Double) {
        self.scheme = scheme
        self.minimumModulus = minimumModulus
        self.maximumModulus = maximumModulus
        self.maximumPhase = maximumPhase
    }

    /// The paper / minimal-LRU scheme (defaults: minimal-LRU's r_min = 0, r_max = 1, φ_max = 6.28).
    public static func orvieto2023(
        minimumModulus: Double = 0, maximumModulus: Double = 1,
        maximumPhase: Double = 6.28
    ) -> DiagonalInitialization {
        DiagonalInitialization(
            scheme: .orvieto2023, minimumModulus: minimumModulus, maximumModulus: maximumModulus,
            maximumPhase: maximumPhase)
    }

    /// Zucchet & Orvieto's repository scheme (defaults: their class defaults r_min = 0, r_max = 1, φ_max = π).
    public static func zucchetOrvieto2024(
        minimumModulus: Double = 0, maximumModulus: Double = 1,
        maximumPhase: Double = .pi
    ) -> DiagonalInitialization {
        DiagonalInitialization(
            scheme: .zucchetOrvieto2024, minimumModulus: minimumModulus,
            maximumModulus: maximumModulus, maximumPhase: maximumPhase)
    }

    func validate() throws {
        guard maximumModulus.isFinite, maximumModulus > 0, maximumModulus <= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "maximumModulus", message: "must be in (0, 1], got \(maximumModulus)")
        }
        guard minimumModulus.isFinite, minimumModulus >= 0, minimumModulus <= maximumModulus else {
            throw RecurrentError.invalidArgument(
                argument: "minimumModulus",
                message: "must be in [0, maximumModulus = \(maximumModulus)], got \(minimumModulus)")
        }
        guard maximumPhase.isFinite, maximumPhase > 0 else {
            throw RecurrentError.invalidArgument(
                argument: "maximumPhase", message: "must be finite and > 0, got \(maximumPhase)")
        }
    }

    private static func openUniform(_ rng: inout SeededRandom) -> Double {
        var u = rng.uniform()
        while u == 0 { u = rng.uniform() }
        return u
    }

    /// One eigenvalue (modulus, phase) from the ring (two uniforms).
    public func drawEigenvalue(using rng: inout SeededRandom) -> (modulus: Double, phase: Double) {
        let u = Self.openUniform(&rng), u2 = Self.openUniform(&rng)
        let r2min = minimumModulus * minimumModulus, r2max = maximumModulus * maximumModulus
        let modulus = (u * (r2max - r2min) + r2min).squareRoot()
        switch scheme {
        case .orvieto2023:
            return (modulus, maximumPhase * u2)
        case .zucchetOrvieto2024:
            var theta = (-maximumPhase + 2 * maximumPhase * u2).truncatingRemainder(dividingBy: 2 * Double.pi)
            if theta < 0 { theta += 2 * Double.pi }
            return (modulus, theta)
        }
    }

    /// All parameters of a network with `layout`, drawn from `rng` in the documented order.
    func parameters(for layout: ComplexDiagonalLayout, using rng: inout SeededRandom) throws -> [Double] {
        try validate()
        var p = [Double](repeating: 0, count: layout.parameterCount)
        let parametrization = layout.configuration.parametrization
        let N = layout.hiddenSize
        for groups in layout.layers {
            for j in 0..<N {
                let (nu, theta) = drawEigenvalue(using: &rng)
                let (w1, w2) = try parametrization.parameters(modulus: nu, phase: theta)
                p[groups.omega1.range.lowerBound + j] = w1
                p[groups.omega2.range.lowerBound + j] = w2
                if let gl = groups.gammaLog {
                    // log √(1 − |λ|²) = ½ log(1 − |λ|²); |λ| < 1 is guaranteed by r_max ≤ 1 and u < 1.
                    p[gl.range.lowerBound + j] = nu > 0 ? 0.5 * PortableMath.log(1 - nu * nu) : 0
                }
            }
            let d = groups.inputReal.columns
            let scale = scheme == .orvieto2023 ? 1 / (2 * Double(d)).squareRoot() : 1 / Double(N).squareRoot()
            for i in groups.inputReal.range { p[i] = scale * rng.gaussian() }
            for i in groups.inputImaginary.range { p[i] = scale * rng.gaussian() }
        }
        let cScale =
            scheme == .orvieto2023
            ? 1 / Double(N).squareRoot() : 1 / Double(layout.outputSize).squareRoot()
        for i in layout.readoutReal.range { p[i] = cScale * rng.gaussian() }
        for i in layout.readoutImaginary.range { p[i] = cScale * rng.gaussian() }
        if let d = layout.skipGroup {
            let dScale = scheme == .orvieto2023 ? 1 : 1 / Double(d.rows).squareRoot()
            for i in d.range { p[i] = dScale * rng.gaussian() }
        }
        return try layout.validated(p)
    }
}
