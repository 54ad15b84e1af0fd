import MemoryNumerics

/// The loss and its curvature along one coordinate, for one teacher (``LossLandscape/modulusSlices(teacherModuli:parametrization:normalization:input:coordinates:)``).
public struct LandscapeSlice: Sendable, Equatable {
    /// λ* of this slice.
    public let teacher: Complex<Double>
    /// The coordinate values along the slice.
    public let coordinates: [Double]
    /// L at each coordinate value.
    public let loss: [Double]
    /// ∂²L along the coordinate.
    public let curvature: [Double]
}
