/// A safetensors file in memory: named tensors and the optional string-to-string `__metadata__`.
///
/// Format (huggingface/safetensors, README "Format"): an unsigned 64-bit little-endian header length N; N bytes
/// of UTF-8 JSON, an object mapping each tensor name to `{"dtype": "F64", "shape": [..], "data_offsets": [b, e]}`
/// (byte offsets relative to the start of the data section) plus an optional `"__metadata__"` object of strings;
/// then the data section, the tensors' raw little-endian bytes in C order.
///
/// Reading is strict (``decode(_:source:)``): the tensors must tile the data section exactly — offsets inside it,
/// no overlaps, no holes, nothing left over — every byte count must equal the shape's element count times the
/// dtype's width, names must be unique and non-empty, and the JSON must be well formed. Each violation is a
/// ``SafetensorsError`` naming the file and the tensor; nothing traps. F64 is read exactly; F32, F16, BF16 and the
/// integer types are converted to `Double` exactly.
///
/// Writing (``encoded()``) puts `__metadata__` first and the tensors in name order (so the same tensors give the
/// same bytes), pads the header with spaces to a multiple of 8 bytes (as the reference implementation does, so
/// F64 data is 8-byte aligned), and stores each tensor in its ``SafetensorsTensor/dtype`` (F64 or F32).
public struct SafetensorsFile: Sendable, Equatable {
    /// The tensors by name.
    public var tensors: [String: SafetensorsTensor]
    /// The `__metadata__` entries (empty when the file has none).
    public var metadata: [String: String]
    /// Where the tensors came from (a path, or `<bytes>`), used in error messages.
    public var source: String

    /// Header length limit (100 MB, as the reference implementation).
    public static let maximumHeaderLength = 100_000_000

    /// A file from its tensors and metadata (`source` names it in messages).
    public init(
        tensors: [String: SafetensorsTensor] = [:], metadata: [String: String] = [:], source: String = "<bytes>"
    ) {
        self.tensors = tensors
        self.metadata = metadata
        self.source = source
    }

    /// Tensor names in sorted order.
    public var names: [String] { tensors.keys.sorted() }

    /// The tensor called `name`, or a ``SafetensorsError`` of kind `.missingTensor` listing what the file has.
    public func tensor(named name: String) throws(SafetensorsError) -> SafetensorsTensor {
        guard let t = tensors[name] else {
            let have = names
            let list = have.count <= 12 ? have.joined(separator: ", ") : have.prefix(12).joined(separator: ", ") + ", …"
            throw SafetensorsError(
                .missingTensor, source: source,
                "no tensor \"\(name)\" (the file has \(have.isEmpty ? "no tensors" : list))")
        }
        return t
    }

    /// The tensor called `name`, checked to have `shape` (kind `.wrongShape` otherwise) and finite values
    /// (kind `.invalidValue`).
    public func tensor(named name: String, shape: [Int]) throws(SafetensorsError) -> SafetensorsTensor {
        let t = try tensor(named: name)
        guard t.shape == shape else {
            throw SafetensorsError(
                .wrongShape, source: source,
                "tensor \"\(name)\" has shape \(SafetensorsTensor.shapeText(t.shape)), the model needs \(SafetensorsTensor.shapeText(shape))"
            )
        }
        if let i = t.values.firstIndex(where: { !$0.isFinite }) {
            throw SafetensorsError(
                .invalidValue, source: source,
                "tensor \"\(name)\" has a non-finite value \(t.values[i]) at flat index \(i)")
        }
        return t
    }

    // MARK: Decoding

    /// Parse and validate the bytes of a safetensors file; `source` names it in errors.
    public static func decode(_ bytes: [UInt8], source: String = "<bytes>") throws(SafetensorsError) -> SafetensorsFile
    {
        func error(_ kind: SafetensorsError.Kind, _ message: String) -> SafetensorsError {
            SafetensorsError(kind, source: source, message)
        }
        guard bytes.count >= 8 else {
            throw error(
                .truncated,
                "file has \(bytes.count) byte\(bytes.count == 1 ? "" : "s"); a safetensors file starts with an 8-byte header length"
            )
        }
        var n64: UInt64 = 0
        for k in 0..<8 { n64 |= UInt64(bytes[k]) << (8 * k) }
        let available = bytes.count - 8
        guard n64 > 0 else { throw error(.invalidHeaderLength, "header length is 0 (not a safetensors file?)") }
        guard n64 <= UInt64(available) else {
            throw error(
                .invalidHeaderLength,
                "header length \(n64) exceeds the \(available) bytes that follow it (truncated, or not a safetensors file)"
            )
        }
        guard n64 <= UInt64(maximumHeaderLength) else {
            throw error(.invalidHeaderLength, "header length \(n64) exceeds the limit of \(maximumHeaderLength) bytes")
        }
        let n = Int(n64)
        let headerBytes = bytes[8..<(8 + n)]
        guard headerBytes.first == UInt8(ascii: "{") else {
            throw error(.malformedHeader, "header does not start with '{' (not a safetensors file?)")
        }
        guard String(validating: headerBytes, as: UTF8.self) != nil else {
            throw error(.malformedHeader, "header is not valid UTF-8")
        }
        let json: HeaderJSON
        do {
            json = try HeaderJSON.parse(headerBytes)
        } catch let e {
            throw error(.malformedHeader, "malformed JSON header: \(e.message)")
        }
        guard case .object(let members) = json else {
            throw error(.malformedHeader, "header is \(json.typeName), expected an object")
        }
        let dataStart = 8 + n
        let dataLength = bytes.count - dataStart

        var metadata: [String: String] = [:]
        struct Entry {
            let name: String
            let dtype: SafetensorsDType
            let shape: [Int]
            let begin: Int
            let end: Int
        }
        var entries: [Entry] = []
        for (name, value) in members {
            if name == "__metadata__" {
                guard case .object(let items) = value else {
                    throw error(.malformedHeader, "__metadata__ is \(value.typeName), expected an object of strings")
                }
                for (k, v) in items {
                    guard case .string(let s) = v else {
                        throw error(.malformedHeader, "__metadata__ entry \"\(k)\" is \(v.typeName), expected a string")
                    }
                    metadata[k] = s
                }
                continue
            }
            guard !name.isEmpty else { throw error(.invalidName, "a tensor has an empty name") }
            guard case .object(let fields) = value else {
                throw error(
                    .malformedHeader,
                    "entry \"\(name)\" is \(value.typeName), expected an object with dtype, shape and data_offsets")
            }
            var dtypeValue: HeaderJSON?, shapeValue: HeaderJSON?, offsetsValue: HeaderJSON?
            for (k, v) in fields {
                switch k {
                case "dtype": dtypeValue = v
                case "shape": shapeValue = v
                case "data_offsets": offsetsValue = v
                default: throw error(.malformedHeader, "tensor \"\(name)\" has an unknown field \"\(k)\"")
                }
            }
            guard let dtypeValue, let shapeValue, let offsetsValue else {
                let missing = [("dtype", dtypeValue), ("shape", shapeValue), ("data_offsets", offsetsValue)]
                    .filter { $0.1 == nil }.map(\.0)
                throw error(.malformedHeader, "tensor \"\(name)\" lacks \(missing.joined(separator: ", "))")
            }
            guard case .string(let dtypeText) = dtypeValue else {
                throw error(.malformedHeader, "tensor \"\(name)\": dtype is \(dtypeValue.typeName), expected a string")
            }
            guard let dtype = SafetensorsDType(rawValue: dtypeText) else {
                throw error(
                    .unknownDType,
                    "tensor \"\(name)\" has unknown dtype \"\(dtypeText)\" (known: \(SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            guard dtype.isReadable else {
                throw error(
                    .unsupportedDType,
                    "tensor \"\(name)\" has dtype \(dtypeText), which rnnmem does not read (use F64, F32, F16, BF16 or an integer type)"
                )
            }
            guard case .array(let dims) = shapeValue else {
                throw error(
                    .malformedHeader,
                    "tensor \"\(name)\": shape is \(shapeValue.typeName), expected an array of integers")
            }
            var shape: [Int] = []
            for d in dims {
                guard let v = d.nonNegativeInteger else {
                    throw error(
                        .malformedHeader,
                        "tensor \"\(name)\": shape entry \(d.serialized) is not a non-negative integer")
                }
                shape.append(v)
            }
            guard let count = SafetensorsTensor.elementCount(shape) else {
                throw error(
                    .malformedHeader,
                    "tensor \"\(name)\": shape \(SafetensorsTensor.shapeText(shape)) has too many elements")
            }
            guard case .array(let offsets) = offsetsValue, offsets.count == 2,
                let begin = offsets[0].nonNegativeInteger, let end = offsets[1].nonNegativeInteger
            else {
                throw error(
                    .malformedHeader,
                    "tensor \"\(name)\": data_offsets \(offsetsValue.serialized) is not a pair of non-negative integers"
                )
            }
            guard begin <= end else {
                throw error(
                    .invalidOffsets, "tensor \"\(name)\": data_offsets [\(begin), \(end)] end before they begin")
            }
            guard end <= dataLength else {
                throw error(
                    .truncated,
                    "tensor \"\(name)\" needs data bytes \(begin)..<\(end) but the data section has only \(dataLength) bytes (truncated file?)"
                )
            }
            let needed = count * dtype.byteWidth
            guard end - begin == needed else {
                throw error(
                    .byteCountMismatch,
                    "tensor \"\(name)\": shape \(SafetensorsTensor.shapeText(shape)) of \(dtypeText) needs \(needed) bytes but data_offsets [\(begin), \(end)] hold \(end - begin)"
                )
            }
            entries.append(Entry(name: name, dtype: dtype, shape: shape, begin: begin, end: end))
        }

        // The tensors must tile the data section: sorted by offsets, each starts where the previous ended.
        let ordered = entries.sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var position = 0
        var previous: String?
        for e in ordered {
            if e.begin < position, let previous {
                throw error(
                    .invalidOffsets,
                    "tensors \"\(previous)\" and \"\(e.name)\" overlap (\"\(e.name)\" starts at data byte \(e.begin), before \(position))"
                )
            }
            if e.begin > position {
                throw error(
                    .invalidOffsets,
                    "data bytes \(position)..<\(e.begin) before tensor \"\(e.name)\" belong to no tensor")
            }
            position = e.end
            previous = e.name
        }
        guard position == dataLength else {
            throw error(
                .invalidOffsets, "data bytes \(position)..<\(dataLength) at the end of the file belong to no tensor")
        }

        var tensors: [String: SafetensorsTensor] = [:]
        bytes.withUnsafeBytes { raw in
            let data = UnsafeRawBufferPointer(rebasing: raw[dataStart...])
            for e in entries {
                let w = e.dtype.byteWidth
                let count = (e.end - e.begin) / w
                var values = [Double](repeating: 0, count: count)
                values.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<count { dst[i] = e.dtype.decode(data, at: e.begin + i * w) }
                }
                tensors[e.name] = SafetensorsTensor(validShape: e.shape, values: values, dtype: e.dtype)
            }
        }
        return SafetensorsFile(tensors: tensors, metadata: metadata, source: source)
    }

    // MARK: Encoding

    /// The bytes of the file: header with `__metadata__` first (when non-empty) and tensors in name order.
    /// Throws when a tensor's dtype is not F64 or F32, or a finite value overflows F32.
    public func encoded() throws(SafetensorsError) -> [UInt8] {
        var members: [(key: String, value: HeaderJSON)] = []
        if !metadata.isEmpty {
            members.append(
                ("__metadata__", .object(metadata.keys.sorted().map { ($0, HeaderJSON.string(metadata[$0] ?? "")) })))
        }
        var offset = 0
        let order = names
        for name in order {
            guard let t = tensors[name] else { continue }
            guard !name.isEmpty, name != "__metadata__" else {
                throw SafetensorsError(.invalidName, source: source, "cannot write a tensor named \"\(name)\"")
            }
            guard t.dtype.isWritable else {
                throw SafetensorsError(
                    .unsupportedDType, source: source,
                    "tensor \"\(name)\": rnnmem writes F64 or F32, not \(t.dtype.rawValue)")
            }
            let size = t.values.count * t.dtype.byteWidth
            members.append(
                (
                    name,
                    .object([
                        ("dtype", .string(t.dtype.rawValue)),
                        ("shape", .array(t.shape.map { .number(String($0)) })),
                        ("data_offsets", .array([.number(String(offset)), .number(String(offset + size))])),
                    ])
                ))
            offset += size
        }
        var header = Array(HeaderJSON.object(members).serialized.utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        let n = UInt64(header.count)
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
        out.append(contentsOf: header)
        for name in order {
            guard let t = tensors[name] else { continue }
            switch t.dtype {
            case .f32:
                for (i, v) in t.values.enumerated() {
                    let f = Float(v)
                    if v.isFinite && !f.isFinite {
                        throw SafetensorsError(
                            .invalidValue, source: source,
                            "tensor \"\(name)\": value \(v) at flat index \(i) overflows F32")
                    }
                    let bits = f.bitPattern
                    for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * k))) }
                }
            default:
                for v in t.values {
                    let bits = v.bitPattern
                    for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * k))) }
                }
            }
        }
        return out
    }
}
