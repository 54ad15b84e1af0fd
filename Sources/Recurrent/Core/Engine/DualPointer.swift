import MemoryNumerics

/// Base addresses of the value and tangent buffers of dual-number storage (same layout in both).
@frozen
public struct DualPointer {
    public let value: UnsafeMutablePointer<Double>
    public let tangent: UnsafeMutablePointer<Double>
    @inlinable public init(value: UnsafeMutablePointer<Double>, tangent: UnsafeMutablePointer<Double>) {
        self.value = value
        self.tangent = tangent
    }
}
