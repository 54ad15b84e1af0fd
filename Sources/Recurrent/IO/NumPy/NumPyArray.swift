/// A float64 array in NumPy's `.npy` format (NumPy Enhancement Proposal 1, "A simple file format for NumPy
/// arrays", format versions 1.0 and 2.0), as `numpy.save` writes it: `numpy.load` returns the same shape and the
/// same values, bit for bit.
///
/// # Format
/// * the magic string `\x93NUMPY`, the format version (major, minor bytes: 1.0, or 2.0 when the header does not fit
///   in 65 535 bytes), the header length (little-endian `UInt16` for 1.0, `UInt32` for 2.0);
/// * the header, ASCII: a Python dict literal with its keys sorted,
///   `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`, then the spaces `numpy.save` reserves for
///   growing the first axis (21 minus the digits of the first dimension; none for a 0-d array), then spaces so
///   that magic + length field + header + the final `\n` is a multiple of 64 bytes (NumPy ≥ 1.17's alignment;
///   64 spaces when it already is, as NumPy does), then `\n`;
/// * the data: the values as little-endian IEEE-754 binary64, C order (last index fastest).
///
/// A shape of `[]` is a 0-d array (one value, `numpy.load(...)[()]`); a zero dimension gives an empty array.
public struct NumPyArray: Sendable, Equatable {
    /// The shape, C order.
    public let shape: [Int]
    /// The values in C order (last index fastest).
    public let values: [Double]

    /// The array; throws when a dimension is negative or `values.count` is not the product of `shape`.
    public init(shape: [Int], values: [Double]) throws {
        var count = 1
        for d in shape {
            guard d >= 0 else {
                throw RecurrentError.invalidArgument(argument: "shape", message: "\(shape) has a negative dimension")
            }
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else {
                throw RecurrentError.invalidArgument(argument: "shape", message: "\(shape) has too many elements")
            }
            count = p
        }
        guard count == values.count else {
            throw RecurrentError.shapeMismatch(
                argument: "values", expected: "\(count) values for shape \(shape)",
                got: "\(values.count)")
        }
        self.shape = shape
        self.values = values
    }

    /// A tensor of a safetensors file as a `.npy` array (same shape, same C-order values, float64).
    public init(_ tensor: SafetensorsTensor) {
        self.shape = tensor.shape
        self.values = tensor.values
    }

    /// The alignment of the data section: NumPy pads the header so that the data start at a multiple of 64 bytes.
    static let alignment = 64
    /// Spaces `numpy.save` leaves after the dict so that the first axis can grow in place (`GROWTH_AXIS_MAX_DIGITS`).
    static let growthAxisDigits = 21

    /// The header dict, exactly as NumPy's `_write_array_header` spells it (before padding).
    var headerDictionary: String {
        let shapeText: String
        switch shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(shape[0]),)"
        default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        if let first = shape.first {
            header += String(repeating: " ", count: max(0, Self.growthAxisDigits - String(first).count))
        }
        return header
    }

    /// The bytes of the `.npy` file (see the type's documentation).
    public func encoded() -> [UInt8] {
        let dictionary = Array(headerDictionary.utf8)
        // Version 1.0 stores the header length in 2 bytes; beyond that NumPy switches to 2.0 (4 bytes).
        var prefixLength = 6 + 2 + 2
        var headerLength = dictionary.count + 1
        var padding = Self.alignment - (prefixLength + headerLength) % Self.alignment
        let version: UInt8
        if headerLength + padding <= Int(UInt16.max) {
            version = 1
        } else {
            version = 2
            prefixLength = 6 + 2 + 4
            headerLength = dictionary.count + 1
            padding = Self.alignment - (prefixLength + headerLength) % Self.alignment
        }
        let total = headerLength + padding
        var out: [UInt8] = [0x93]
        out.reserveCapacity(prefixLength + total + 8 * values.count)
        out.append(contentsOf: Array("NUMPY".utf8))
        out.append(version)
        out.append(0)
        let lengthBytes = version == 1 ? 2 : 4
        for k in 0..<lengthBytes { out.append(UInt8(truncatingIfNeeded: total >> (8 * k))) }
        out.append(contentsOf: dictionary)
        out.append(contentsOf: [UInt8](repeating: 0x20, count: padding))
        out.append(0x0A)
        for v in values {
            let bits = v.bitPattern
            for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        }
        return out
    }

    /// Writes the `.npy` file to `path` (created or truncated); a failure is a ``SafetensorsError`` of kind `.io`
    /// carrying the system's reason (the module's one I/O error type).
    public func write(to path: String) throws(SafetensorsError) {
        try FileBytes.writeAll(encoded(), to: path)
    }
}
