/// ``MonteCarloVerifier/kernels(_:_:input:settings:)``: F(a, b) and S(a, b), real and imaginary parts.
public struct KernelMonteCarlo: Sendable {
    /// F(a, b).
    public let generatingFunction: (real: MonteCarloComparison, imaginary: MonteCarloComparison)
    /// S(a, b).
    public let sensitivityKernel: (real: MonteCarloComparison, imaginary: MonteCarloComparison)
    /// The burn-in used.
    public let burnIn: Int
}
