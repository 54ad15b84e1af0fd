extension Optional where Wrapped == [Double] {
    /// Run `body` with an unsafe buffer of the wrapped array, or nil.
    @inline(__always)
    func withOptionalBuffer<R>(_ body: (UnsafeBufferPointer<Double>?) throws -> R) rethrows -> R {
        switch self {
        case .some(let a): return try a.withUnsafeBufferPointer { try body($0) }
        case .none: return try body(nil)
        }
    }
}
