import MemoryNumerics

extension RecurrentSensitivity {
    /// The same 2 × 2 matrix as ``evaluate()``, by a route independent of F_a, S and the Jacobians: exact mixed
    /// derivatives ∂_{ω_i}∂_{ω′_j} Re[γ(ω)γ(ω′) F(λ(ω), conj λ(ω′))] at ω′ = ω with hyper-dual numbers, where
    /// F is summed over the input components. (E[h̃(ω) conj h̃(ω′)] = γγ′F(λ, λ̄′) for real input, and
    /// differentiating under the expectation gives E[∂_i h̃ conj ∂_j h̃].) Needs ν < 1 and a representable λ.
    func hessianByDifferentiation() throws -> [[Double]] {
        try CurseOfMemoryError.require(modulus < 1, "lambda", "differentiation needs |λ| < 1")
        let lambda = Complex(modulus * Double.cos(phase), modulus * Double.sin(phase))
        let omega = try parametrization.coordinates(of: lambda)
        let w = [omega.0, omega.1]
        var h = [[Double]](repeating: [0, 0], count: 2)
        for i in 0..<2 {
            for j in 0..<2 {
                func seeded(_ k: Int, first: Bool) -> HyperDual {
                    let on = first ? (k == i) : (k == j)
                    return first ? HyperDual(w[k], first: on ? 1 : 0) : HyperDual(w[k], second: on ? 1 : 0)
                }
                let l1 = parametrization.eigenvalue(seeded(0, first: true), seeded(1, first: true))
                let l2 = parametrization.eigenvalue(seeded(0, first: false), seeded(1, first: false))
                let k: ComplexNumber<HyperDual> = Kernel.sum(input) { Kernel.generating(l1, l2.conjugate, rho: $0) }
                var value = k.real
                if normalization == .l2 {
                    let one = HyperDual(1)
                    let g1 = HyperDual.squareRoot(one - l1.real * l1.real - l1.imaginary * l1.imaginary)
                    let g2 = HyperDual.squareRoot(one - l2.real * l2.real - l2.imaginary * l2.imaginary)
                    value = g1 * g2 * value
                }
                h[i][j] = value.mixed
            }
        }
        return h
    }
}
