import MemoryNumerics

/// The eigenvalue block of the Hessian at the optimum of a complex-diagonal linear network
/// y_t = Re Σ_i c_i h_{i,t}, h_{i,t} = λ_i h_{i,t−1} + b_i x_t, with loss ½E(y − y*)² (Zucchet & Orvieto 2024,
/// NeurIPS, §4.2 and appendix; Fig. 8 shows |S(λ, λ₀)|).
///
/// At zero loss the Hessian is the Gauss–Newton matrix E[∂y ∂yᵀ]. With
/// A_ij = b_i b_j c_i c_j S(λ_i, λ_j) and B_ij = b_i b̄_j c_i c̄_j S(λ_i, λ̄_j), and since
/// E[Re P Re Q] = ½Re(E[PQ] + E[PQ̄]) and ∂y/∂Im λ = −Im(c b ∂_λh), the 2 × 2 block of the coordinates
/// (Re λ_i, Im λ_i) × (Re λ_j, Im λ_j) is
///
///     ½ [[Re(A + B), Im(B − A)], [−Im(A + B), Re(B − A)]]_ij.
///
/// At ρ = 0, |S(λ, λ₀)| is large when λ ≈ λ̄₀/|λ₀|² (conjugate pairs couple); as ρ → 1 it is large when λ → 1.
public enum DiagonalNetworkHessian {
    /// The 2N × 2N block in the order (Re λ₁, Im λ₁, Re λ₂, Im λ₂, …); throws if some |λ_i| ≥ 1.
    public static func eigenvalueBlock(units: [DiagonalUnit], input: InputAutocorrelation) throws -> Matrix {
        try CurseOfMemoryError.require(!units.isEmpty, "units", "needs at least one unit")
        for (i, u) in units.enumerated() {
            try CurseOfMemoryError.require(
                u.eigenvalue.isFinite && u.eigenvalue.length < 1, "eigenvalue",
                "unit \(i): needs |λ| < 1, got \(u.eigenvalue.length)")
            try CurseOfMemoryError.require(
                u.inputWeight.isFinite && u.readout.isFinite, "weights",
                "unit \(i): input weight and readout must be finite")
        }
        let n = units.count
        var h = Matrix(rows: 2 * n, columns: 2 * n)
        for i in 0..<n {
            for j in 0..<n {
                let ui = units[i], uj = units[j]
                let si: Complex<Double> = Kernel.sum(input) {
                    Kernel.sensitivity(ui.eigenvalue, uj.eigenvalue, rho: $0)
                }
                let sb: Complex<Double> = Kernel.sum(input) {
                    Kernel.sensitivity(ui.eigenvalue, uj.eigenvalue.conjugate, rho: $0)
                }
                let a = ui.inputWeight * uj.inputWeight * ui.readout * uj.readout * si
                let b = ui.inputWeight * uj.inputWeight.conjugate * ui.readout * uj.readout.conjugate * sb
                h[2 * i, 2 * j] = 0.5 * (a + b).real
                h[2 * i, 2 * j + 1] = 0.5 * (b - a).imaginary
                h[2 * i + 1, 2 * j] = -0.5 * (a + b).imaginary
                h[2 * i + 1, 2 * j + 1] = 0.5 * (b - a).real
            }
        }
        return h
    }
}
