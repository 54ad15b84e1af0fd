import MemoryNumerics

/// The one-dimensional teacher–student loss of Zucchet & Orvieto (2024, NeurIPS, §4.1, Fig. 1, 6, 7): a student
/// h_t = λh_{t−1} + x_t learns the teacher h*_t = λ*h*_{t−1} + x_t from the same input, with
///
///     L(λ) = ½ E|h̃ − h̃*|²,   h̃ = γ(λ)h  (γ ≡ 1 without normalisation),
///
/// in closed form for an input of mean μ plus a zero-mean part with autocorrelation K = Σ_k c_k ρ_k^{|Δ|}:
///
///     L = ½[γ²K(λ, λ̄) + γ*²K(λ*, λ̄*) − 2γγ* Re K(λ, λ̄*)] + ½μ²|γ/(1 − λ) − γ*/(1 − λ*)|²,
///
/// K(a, b) the generating function of ``MemoryKernels``. For i.i.d. inputs (K = σ²/(1 − ab)) this is the paper's
/// L = ½[μ²|1/(1 − λ) − 1/(1 − λ*)|² + σ²(1/(1 − |λ|²) + 1/(1 − |λ*|²) − 2 Re 1/(1 − λλ̄*))]; with γ-normalisation
/// and white unit input, L = 1 − Re[γ(λ)γ(λ*)/(1 − λλ̄*)]. Unlike the Fig. 2 curve of the official notebook
/// `1D-case.ipynb`, γ is a function of λ here (differentiated with it), not a constant.
///
/// Gradients and Hessians in the coordinates of any ``Parametrization`` are exact (hyper-dual numbers). At the
/// optimum λ = λ* with μ = 0 the Hessian is the sensitivity matrix of ``RecurrentSensitivity`` (e.g.
/// ∂²L/∂λ² = (1 + λ*²)/(1 − λ*²)³ for real λ*, white input).
public struct TeacherStudentLoss: Sendable, Hashable {
    /// λ*, |λ*| < 1.
    public let teacher: Complex<Double>
    /// Autocorrelation of the zero-mean part of the input.
    public let input: InputAutocorrelation
    /// μ, the input mean.
    public let inputMean: Double
    /// Whether student and teacher states are multiplied by γ(λ) = √(1 − |λ|²).
    public let normalization: Normalization

    /// Throws unless |λ*| < 1 and μ is finite.
    public init(
        teacher: Complex<Double>, input: InputAutocorrelation = .white, inputMean: Double = 0,
        normalization: Normalization = .none
    ) throws {
        try CurseOfMemoryError.require(
            teacher.isFinite && teacher.length < 1, "teacher",
            "needs |λ*| < 1, got |λ*| = \(teacher.length)")
        try CurseOfMemoryError.require(inputMean.isFinite, "mean", "must be finite, got \(inputMean)")
        self.teacher = teacher
        self.input = input
        self.inputMean = inputMean
        self.normalization = normalization
    }

    /// L(λ) for |λ| < 1 (throws otherwise: without normalisation the loss is infinite on the unit circle).
    public func value(at lambda: Complex<Double>) throws -> Double {
        try CurseOfMemoryError.require(
            lambda.isFinite && lambda.length < 1, "lambda",
            "the loss needs |λ| < 1, got |λ| = \(lambda.length)")
        return loss(ComplexNumber<Double>(lambda.real, lambda.imaginary))
    }

    /// L at the parameters (ω₁, ω₂) of `parametrization`.
    public func value(parameters w1: Double, _ w2: Double, parametrization: Parametrization) throws -> Double {
        try value(at: parametrization.eigenvalue(w1, w2))
    }

    /// L, ∇L and ∇²L with respect to (ω₁, ω₂), exact (three hyper-dual evaluations).
    public func derivatives(parameters w1: Double, _ w2: Double, parametrization: Parametrization) throws
        -> (value: Double, gradient: [Double], hessian: [[Double]])
    {
        let lambda = parametrization.eigenvalue(w1, w2)
        try CurseOfMemoryError.require(
            lambda.isFinite && lambda.length < 1, "lambda",
            "the loss needs |λ| < 1, got |λ| = \(lambda.length) at (\(w1), \(w2))")
        let w = [w1, w2]
        func evaluate(_ i: Int, _ j: Int) -> HyperDual {
            let p = (0..<2).map { k in
                HyperDual(w[k], first: k == i ? 1 : 0, second: k == j ? 1 : 0)
            }
            return loss(parametrization.eigenvalue(p[0], p[1]))
        }
        let d11 = evaluate(0, 0), d22 = evaluate(1, 1), d12 = evaluate(0, 1)
        return (d12.value, [d12.first, d12.second], [[d11.mixed, d12.mixed], [d12.mixed, d22.mixed]])
    }

    /// ∇L with respect to (ω₁, ω₂) (one hyper-dual evaluation).
    public func gradient(parameters w1: Double, _ w2: Double, parametrization: Parametrization) throws
        -> (value: Double, gradient: [Double])
    {
        let lambda = parametrization.eigenvalue(w1, w2)
        try CurseOfMemoryError.require(
            lambda.isFinite && lambda.length < 1, "lambda",
            "the loss needs |λ| < 1, got |λ| = \(lambda.length) at (\(w1), \(w2))")
        let d = loss(parametrization.eigenvalue(HyperDual(w1, first: 1), HyperDual(w2, second: 1)))
        return (d.value, [d.first, d.second])
    }

    /// The Hessian at the optimum λ = λ* in the coordinates of `parametrization` (exact; throws where λ* is not
    /// representable, see ``Parametrization/coordinates(of:)``).
    public func hessianAtOptimum(parametrization: Parametrization) throws -> [[Double]] {
        let (w1, w2) = try parametrization.coordinates(of: teacher)
        return try derivatives(parameters: w1, w2, parametrization: parametrization).hessian
    }

    /// The loss formula in any ``RealScalar``.
    func loss<T: RealScalar>(_ lambda: ComplexNumber<T>) -> T {
        typealias Z = ComplexNumber<T>
        let one = T(1)
        let star = Z(constant: teacher)
        let gamma: T, gammaStar: T
        switch normalization {
        case .none:
            gamma = one
            gammaStar = one
        case .l2:
            gamma = T.squareRoot(one - lambda.real * lambda.real - lambda.imaginary * lambda.imaginary)
            gammaStar = T(teacher.lengthSquared < 1 ? (1 - teacher.lengthSquared).squareRoot() : 0)
        }
        let kStudent: Z = Kernel.sum(input) { Kernel.generating(lambda, lambda.conjugate, rho: $0) }
        let kTeacher: Z = Kernel.sum(input) { Kernel.generating(star, star.conjugate, rho: $0) }
        let kCross: Z = Kernel.sum(input) { Kernel.generating(lambda, star.conjugate, rho: $0) }
        var l =
            T(0.5)
            * (gamma * gamma * kStudent.real + gammaStar * gammaStar * kTeacher.real
                - T(2) * gamma * gammaStar * kCross.real)
        if inputMean != 0 {
            let g = Z(gamma, T(0)), gs = Z(gammaStar, T(0))
            let d = g / (Z.one - lambda) - gs / (Z.one - star)
            l = l + T(0.5 * inputMean * inputMean) * (d.real * d.real + d.imaginary * d.imaginary)
        }
        return l
    }
}
