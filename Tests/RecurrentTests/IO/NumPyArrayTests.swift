import Recurrent
import Testing

/// The `.npy` writer against the bytes `numpy.save` writes (NumPy 2.4.6, recorded below) and against the format's
/// rules (NEP 1: magic, version, little-endian header length, 64-byte alignment, C-order little-endian float64).
@Suite("NumPy .npy writer")
struct NumPyArrayTests {
    /// Hex of the bytes of a little-endian float64 array.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("a 2 × 3 array: the exact bytes of numpy.save(np.arange(6.).reshape(2, 3)*0.5 − 1)")
    func matrixBytes() throws {
        let a = try NumPyArray(shape: [2, 3], values: [-1, -0.5, 0, 0.5, 1, 1.5])
        let bytes = a.encoded()
        // Magic, version 1.0, header length 118 (0x76) little-endian.
        #expect(Array(bytes[0..<10]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00])
        let header =
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + String(repeating: " ", count: 58) + "\n"
        #expect(String(decoding: bytes[10..<128], as: UTF8.self) == header)
        #expect(
            Self.hex(bytes[128...])
                == "000000000000f0bf000000000000e0bf0000000000000000000000000000e03f000000000000f03f000000000000f83f")
        #expect(bytes.count == 176)
    }

    @Test("a 0-d array: shape (), no growth padding, one value")
    func scalarBytes() throws {
        let bytes = try NumPyArray(shape: [], values: [3.25]).encoded()
        let header =
            "{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + String(repeating: " ", count: 62) + "\n"
        #expect(String(decoding: bytes[10..<128], as: UTF8.self) == header)
        #expect(Self.hex(bytes[128...]) == "0000000000000a40")
    }

    @Test(
        "headers are 64-byte aligned and end in a newline; 1-d shapes are written (n,); C order is kept",
        arguments: [[7], [1, 1, 1], [3, 0], [123456789012, 0], [2, 3, 4, 5]])
    func alignment(_ shape: [Int]) throws {
        let count = shape.reduce(1, *)
        let a = try NumPyArray(shape: shape, values: (0..<count).map { Double($0) + 0.25 })
        let bytes = a.encoded()
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + length) % 64 == 0)
        #expect(bytes[10 + length - 1] == 0x0A)
        let header = String(decoding: bytes[10..<(10 + length)], as: UTF8.self)
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        #expect(header.hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"))
        #expect(bytes.count == 10 + length + 8 * count)
        if count > 1 {
            // The second value (1.25) follows the first.
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[10 + length + 8 + k]) << (8 * UInt64(k)) }
            #expect(Double(bitPattern: bits) == 1.25)
        }
    }

    @Test("a safetensors tensor keeps its shape and C-order values; bad shapes are errors")
    func fromTensorAndErrors() throws {
        let t = try SafetensorsTensor(shape: [2, 2], values: [1, 2, 3, 4])
        let a = NumPyArray(t)
        #expect(a.shape == [2, 2] && a.values == [1, 2, 3, 4])
        #expect(throws: RecurrentError.self) { try NumPyArray(shape: [2, 2], values: [1, 2, 3]) }
        #expect(throws: RecurrentError.self) { try NumPyArray(shape: [-1], values: []) }
        // Special values are stored bit for bit.
        let special = try NumPyArray(shape: [3], values: [-0.0, .infinity, .leastNonzeroMagnitude]).encoded()
        #expect(Self.hex(special.suffix(24)) == "0000000000000080000000000000f07f0100000000000000")
    }
}
