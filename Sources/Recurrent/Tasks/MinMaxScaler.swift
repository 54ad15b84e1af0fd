/// Min–max scaling to [0, 1] with scikit-learn's `MinMaxScaler(feature_range=(0, 1))` arithmetic:
///
///     scale = 1/(max − min),  offset = −min·scale,  transform x ↦ x·scale + offset,  inverse z ↦ (z − offset)/scale.
///
/// A constant fitting range (max = min) is an error here (scikit-learn silently uses scale 1).
public struct MinMaxScaler: Sendable, Codable, Equatable {
    /// The smallest fitted value.
    public let minimum: Double
    /// The largest fitted value.
    public let maximum: Double
    /// 1/(max − min).
    public let scale: Double
    /// −min·scale.
    public let offset: Double

    /// Fit on `values` (non-empty, finite, not constant).
    public init(fitting values: some Collection<Double>) throws {
        guard let lo = values.min(), let hi = values.max() else {
            throw RecurrentError.invalidArgument(argument: "values", message: "cannot fit a scaler on no values")
        }
        guard lo.isFinite, hi.isFinite else {
            throw RecurrentError.invalidArgument(
                argument: "values", message: "contain non-finite values (min \(lo), max \(hi))")
        }
        guard hi > lo else {
            throw RecurrentError.invalidArgument(
                argument: "values", message: "are constant (\(lo)): min–max scaling is undefined")
        }
        minimum = lo
        maximum = hi
        scale = 1 / (hi - lo)
        offset = -lo * scale
    }

    /// x·scale + offset.
    public func transform(_ x: Double) -> Double { x * scale + offset }
    /// (z − offset)/scale.
    public func inverse(_ z: Double) -> Double { (z - offset) / scale }
    /// ``transform(_:)-(Double)`` of every value.
    public func transform(_ x: [Double]) -> [Double] { x.map(transform) }
    /// ``inverse(_:)-(Double)`` of every value.
    public func inverse(_ z: [Double]) -> [Double] { z.map(inverse) }
}
