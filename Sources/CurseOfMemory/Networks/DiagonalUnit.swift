import MemoryNumerics

/// One unit of a complex-diagonal linear network with scalar input and output, h_{t} = λh_{t−1} + b x_t,
/// y_t = Re(c h_t) + …: eigenvalue λ, input weight b, readout c (Zucchet & Orvieto 2024, NeurIPS, §4.2 and
/// appendix: the Hessian of such a network at its optimum).
public struct DiagonalUnit: Sendable, Hashable {
    /// λ, |λ| < 1 for stationary moments.
    public var eigenvalue: Complex<Double>
    /// b (the unit's input gain, including any γ).
    public var inputWeight: Complex<Double>
    /// c.
    public var readout: Complex<Double>

    /// A unit (validated where it is used).
    public init(eigenvalue: Complex<Double>, inputWeight: Complex<Double>, readout: Complex<Double>) {
        self.eigenvalue = eigenvalue
        self.inputWeight = inputWeight
        self.readout = readout
    }
}
