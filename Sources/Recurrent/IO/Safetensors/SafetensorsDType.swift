/// The element types of the safetensors format (huggingface/safetensors, format description in its README:
/// little-endian, C order). rnnmem reads the real and integer types into `Double` and writes F64 (exact) or F32.
public enum SafetensorsDType: String, Sendable, Equatable, CaseIterable, Codable {
    /// 64-bit IEEE float.
    case f64 = "F64"
    /// 32-bit IEEE float.
    case f32 = "F32"
    /// 16-bit IEEE float.
    case f16 = "F16"
    /// bfloat16.
    case bf16 = "BF16"
    /// 64-bit signed integer.
    case i64 = "I64"
    /// 32-bit signed integer.
    case i32 = "I32"
    /// 16-bit signed integer.
    case i16 = "I16"
    /// 8-bit signed integer.
    case i8 = "I8"
    /// 64-bit unsigned integer.
    case u64 = "U64"
    /// 32-bit unsigned integer.
    case u32 = "U32"
    /// 16-bit unsigned integer.
    case u16 = "U16"
    /// 8-bit unsigned integer.
    case u8 = "U8"
    /// Boolean (one byte).
    case bool = "BOOL"
    /// 8-bit float, 5 exponent and 2 mantissa bits.
    case f8e5m2 = "F8_E5M2"
    /// 8-bit float, 4 exponent and 3 mantissa bits.
    case f8e4m3 = "F8_E4M3"

    /// Bytes per element.
    public var byteWidth: Int {
        switch self {
        case .f64, .i64, .u64: return 8
        case .f32, .i32, .u32: return 4
        case .f16, .bf16, .i16, .u16: return 2
        case .i8, .u8, .bool, .f8e5m2, .f8e4m3: return 1
        }
    }

    /// Whether ``SafetensorsFile`` converts this type to `Double` (every type except the 8-bit floats).
    public var isReadable: Bool {
        switch self {
        case .f8e5m2, .f8e4m3: return false
        default: return true
        }
    }

    /// Whether ``SafetensorsFile`` can write this type (F64 exactly, F32 rounded to nearest).
    public var isWritable: Bool { self == .f64 || self == .f32 }

    /// The element stored little-endian at byte `offset` of `bytes`, as a Double. The caller guarantees that the
    /// element's bytes lie inside `bytes` (checked once per tensor before decoding).
    @inline(__always)
    func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch self {
        case .f64: return Double(bitPattern: Self.littleEndian(bytes, offset, UInt64.self))
        case .f32: return Double(Float(bitPattern: Self.littleEndian(bytes, offset, UInt32.self)))
        case .f16: return Self.halfToDouble(Self.littleEndian(bytes, offset, UInt16.self))
        case .bf16: return Double(Float(bitPattern: UInt32(Self.littleEndian(bytes, offset, UInt16.self)) << 16))
        case .i64: return Double(Int64(bitPattern: Self.littleEndian(bytes, offset, UInt64.self)))
        case .i32: return Double(Int32(bitPattern: Self.littleEndian(bytes, offset, UInt32.self)))
        case .i16: return Double(Int16(bitPattern: Self.littleEndian(bytes, offset, UInt16.self)))
        case .i8: return Double(Int8(bitPattern: bytes[offset]))
        case .u64: return Double(Self.littleEndian(bytes, offset, UInt64.self))
        case .u32: return Double(Self.littleEndian(bytes, offset, UInt32.self))
        case .u16: return Double(Self.littleEndian(bytes, offset, UInt16.self))
        case .u8, .bool: return Double(bytes[offset])
        case .f8e5m2, .f8e4m3: return .nan  // not readable; callers check isReadable first
        }
    }

    @inline(__always)
    static func littleEndian<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _: T.Type) -> T {
        var v: T = 0
        for k in 0..<MemoryLayout<T>.size { v |= T(bytes[offset + k]) << (8 * k) }
        return v
    }

    /// IEEE 754 binary16 → Double, exactly (subnormals, ±∞ and NaN included).
    static func halfToDouble(_ h: UInt16) -> Double {
        let sign: Double = (h & 0x8000) != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let fraction = Double(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24  // subnormal: fraction · 2^−14 · 2^−10
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
