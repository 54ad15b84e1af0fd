/// One tensor of a safetensors file: its shape and its values in C (row-major) order, as `Double`s.
///
/// Element (i₀, i₁, …, i_{r−1}) of a tensor of shape [n₀, …, n_{r−1}] is `values[((i₀·n₁ + i₁)·n₂ + …)]` — the last
/// index varies fastest, as in numpy, PyTorch and the safetensors byte buffer. A tensor of shape [] is a scalar
/// (one value); a shape with a zero dimension has no values.
public struct SafetensorsTensor: Sendable, Equatable {
    /// The element type in the file: as read, or the type to write (F64 or F32).
    public var dtype: SafetensorsDType
    /// The shape, C order (row-major).
    public let shape: [Int]
    /// The values in C order, converted to `Double`.
    public let values: [Double]

    /// A tensor; throws when `values.count` is not the product of `shape` or a dimension is negative.
    public init(shape: [Int], values: [Double], dtype: SafetensorsDType = .f64) throws {
        guard let count = Self.elementCount(shape) else {
            throw RecurrentError.invalidArgument(
                argument: "shape", message: "\(shape) has a negative dimension or too many elements")
        }
        guard count == values.count else {
            throw RecurrentError.shapeMismatch(
                argument: "values", expected: "\(count) values for shape \(shape)",
                got: "\(values.count)")
        }
        self.shape = shape
        self.values = values
        self.dtype = dtype
    }

    init(validShape shape: [Int], values: [Double], dtype: SafetensorsDType) {
        self.shape = shape
        self.values = values
        self.dtype = dtype
    }

    /// Number of elements of `shape` (1 for []), or nil for a negative dimension or a product beyond 2^48.
    static func elementCount(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, p <= 1 << 48 else { return nil }
            n = p
        }
        return n
    }

    /// Shape as text for messages: "[16, 3]".
    static func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    // MARK: Row-major ⇄ column-major

    /// The tensor built from column-major storage (rnnmem's parameter groups: first index fastest) of `shape`.
    public init(columnMajor values: [Double], shape: [Int], dtype: SafetensorsDType = .f64) throws {
        let v = try Self.reorder(values, shape: shape, fromColumnMajor: true)
        try self.init(shape: shape, values: v, dtype: dtype)
    }

    /// The values in column-major order (first index fastest), as rnnmem's parameter groups store matrices.
    public var columnMajorValues: [Double] {
        // The shape and count were validated at construction, so the reorder cannot fail.
        (try? Self.reorder(values, shape: shape, fromColumnMajor: false)) ?? values
    }

    /// Permute between C order and Fortran order for `shape` (a reversal of the index order).
    static func reorder(_ values: [Double], shape: [Int], fromColumnMajor: Bool) throws -> [Double] {
        guard let count = elementCount(shape), count == values.count else {
            throw RecurrentError.shapeMismatch(
                argument: "values", expected: "\(elementCount(shape) ?? -1) values for shape \(shape)",
                got: "\(values.count)")
        }
        if shape.count < 2 || count == 0 { return values }
        if shape.count == 2 {
            let r = shape[0], c = shape[1]
            var out = [Double](repeating: 0, count: count)
            values.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<r {
                        for j in 0..<c {
                            if fromColumnMajor {
                                dst[i * c + j] = src[i + j * r]
                            } else {
                                dst[i + j * r] = src[i * c + j]
                            }
                        }
                    }
                }
            }
            return out
        }
        // General rank: walk the multi-index in C order, compute the Fortran offset.
        var strides = [Int](repeating: 1, count: shape.count)  // Fortran strides
        for k in 1..<shape.count { strides[k] = strides[k - 1] * shape[k - 1] }
        var index = [Int](repeating: 0, count: shape.count)
        var out = [Double](repeating: 0, count: count)
        for c in 0..<count {
            var f = 0
            for k in 0..<shape.count { f += index[k] * strides[k] }
            if fromColumnMajor { out[c] = values[f] } else { out[f] = values[c] }
            var k = shape.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < shape[k] { break }
                index[k] = 0
                k -= 1
            }
        }
        return out
    }
}
