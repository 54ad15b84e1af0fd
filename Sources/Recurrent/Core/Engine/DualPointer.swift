import MemoryNumerics

/// Base addresses of the value and tangent buffers of dual-number storage (same layout in both).
@frozen
public struct DualPointer {
    /// Base of the value buffer.
    public let value: UnsafeMutablePointer<Double>
    /// Base of the tangent buffer (same layout).
    public let tangent: UnsafeMutablePointer<Double>
    /// A pair of buffer addresses.
    @inlinable public init(value: UnsafeMutablePointer<Double>, tangent: UnsafeMutablePointer<Double>) {
        self.value = value
        self.tangent = tangent
    }
}
