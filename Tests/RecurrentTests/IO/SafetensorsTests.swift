import Foundation
import Recurrent
import Testing
import _TestSupport

/// Builds raw safetensors bytes from a header text and a data section (for hand-made and corrupted files).
func safetensorsBytes(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> [UInt8] {
    let h = Array(header.utf8)
    let n = declaredLength ?? UInt64(h.count)
    var out: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
    out += h
    out += data
    return out
}

func littleEndianBytes(_ values: [Double]) -> [UInt8] {
    values.flatMap { v in (0..<8).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } }
}

func littleEndianBytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } }
}

/// The kind of SafetensorsError thrown by `body`, or nil if it did not throw one.
func safetensorsErrorKind(_ body: () throws -> Void) -> SafetensorsError.Kind? {
    do {
        try body()
        return nil
    } catch let e as SafetensorsError {
        return e.kind
    } catch {
        return nil
    }
}

@Suite("Safetensors format")
struct SafetensorsTests {
    static func sampleFile() throws -> SafetensorsFile {
        SafetensorsFile(
            tensors: [
                "scalar": try SafetensorsTensor(shape: [], values: [-0.0]),
                "empty": try SafetensorsTensor(shape: [0, 3], values: []),
                "vector": try SafetensorsTensor(
                    shape: [3], values: [1, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]),
                "matrix": try SafetensorsTensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]),
                "cube": try SafetensorsTensor(shape: [2, 3, 2], values: (0..<12).map { Double($0) / 7 }),
                "single": try SafetensorsTensor(shape: [2], values: [0.1, -3.5], dtype: .f32),
            ],
            metadata: ["architecture": "lstm", "note": "quote \" backslash \\ newline \n tab \t ünïcødé"])
    }

    @Test("encode → decode is exact (F64 bit for bit, F32 rounded once), metadata with escapes survives")
    func roundTrip() throws {
        let file = try Self.sampleFile()
        let bytes = try file.encoded()
        let back = try SafetensorsFile.decode(bytes)
        #expect(back.metadata == file.metadata)
        #expect(back.names == file.names)
        for name in file.names where name != "single" {
            let a = try #require(file.tensors[name]), b = try #require(back.tensors[name])
            #expect(a.shape == b.shape)
            #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern), "\(name)")
            #expect(b.dtype == .f64)
        }
        let single = try #require(back.tensors["single"])
        #expect(single.dtype == .f32)
        #expect(single.values == [Double(Float(0.1)), -3.5])
        // Same tensors ⇒ same bytes; re-encoding what was read reproduces the file.
        #expect(try back.encoded() == bytes)
    }

    @Test("encoded layout follows the format: u64 LE header length, space-padded JSON to 8 bytes, sorted tensors")
    func encodedLayout() throws {
        let file = SafetensorsFile(tensors: [
            "b": try SafetensorsTensor(shape: [1], values: [2.5]),
            "a": try SafetensorsTensor(shape: [2], values: [1, -1]),
        ])
        let bytes = try file.encoded()
        let n = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * $1) }
        #expect(n % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + Int(n))], as: UTF8.self)
        #expect(
            header.trimmingCharacters(in: .whitespaces)
                == #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"b":{"dtype":"F64","shape":[1],"data_offsets":[16,24]}}"#
        )
        #expect(Array(bytes[(8 + Int(n))...]) == littleEndianBytes([1, -1, 2.5]))
    }

    @Test("a hand-made file (format README example, F32 and mixed order of offsets) decodes")
    func handMadeFile() throws {
        let header =
            #"{"w":{"dtype":"F32","shape":[2,1],"data_offsets":[8,16]},"__metadata__":{"k":"v"},"#
            + #""x":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}  "#
        let bytes = safetensorsBytes(
            header: header, data: littleEndianBytes([42.0]) + littleEndianBytes([Float(1), -2.5]))
        let f = try SafetensorsFile.decode(bytes)
        #expect(f.metadata == ["k": "v"])
        #expect(try f.tensor(named: "w").values == [1, -2.5])
        #expect(try f.tensor(named: "w").shape == [2, 1])
        #expect(try f.tensor(named: "x").values == [42])
    }

    @Test("F16, BF16 and integer dtypes are converted exactly")
    func otherDTypes() throws {
        // IEEE binary16: 0x3C00 = 1, 0xC000 = −2, 0x0001 = 2^−24 (smallest subnormal), 0x7BFF = 65504 (largest
        // finite), 0x7C00 = +∞, 0x3555 = 0.333251953125. bfloat16 = the top half of a binary32: 0x3F80 = 1,
        // 0x4049 = 3.140625, 0xC2F7 = −123.5.
        func u16(_ v: [UInt16]) -> [UInt8] { v.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let header =
            #"{"h":{"dtype":"F16","shape":[6],"data_offsets":[0,12]},"#
            + #""b":{"dtype":"BF16","shape":[3],"data_offsets":[12,18]},"#
            + #""i":{"dtype":"I16","shape":[2],"data_offsets":[18,22]},"#
            + #""u":{"dtype":"U8","shape":[2],"data_offsets":[22,24]},"#
            + #""l":{"dtype":"I64","shape":[1],"data_offsets":[24,32]}}"#
        let data =
            u16([0x3C00, 0xC000, 0x0001, 0x7BFF, 0x7C00, 0x3555]) + u16([0x3F80, 0x4049, 0xC2F7])
            + u16([0xFFFF, 0x7FFF]) + [255, 7] + [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        let f = try SafetensorsFile.decode(safetensorsBytes(header: header, data: data))
        #expect(try f.tensor(named: "h").values == [1, -2, 0x1p-24, 65504, .infinity, 0.333251953125])
        #expect(try f.tensor(named: "b").values == [1, 3.140625, -123.5])
        #expect(try f.tensor(named: "i").values == [-1, 32767])
        #expect(try f.tensor(named: "u").values == [255, 7])
        #expect(try f.tensor(named: "l").values == [-2])
    }

    @Test("the Python reference implementation's output (safetensors.numpy, F32 weights) decodes")
    func pythonWrittenFile() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "lstm_l1_f32", withExtension: "safetensors",
                subdirectory: "Fixtures"))
        let f = try SafetensorsFile.read(contentsOf: url.path)
        #expect(f.metadata["module"] == "nn.LSTM")
        let w = try f.tensor(named: "weight_ih_l0")
        #expect(w.dtype == .f32)
        #expect(w.shape == [12, 2])
        #expect(try f.tensor(named: "input").dtype == .f64)
    }

    @Test("column-major ⇄ C order for matrices and rank-3 tensors")
    func storageOrder() throws {
        // Column-major 2×3 [[1,2,3],[4,5,6]] is 1,4,2,5,3,6.
        let t = try SafetensorsTensor(columnMajor: [1, 4, 2, 5, 3, 6], shape: [2, 3])
        #expect(t.values == [1, 2, 3, 4, 5, 6])
        #expect(t.columnMajorValues == [1, 4, 2, 5, 3, 6])
        // Rank 3, shape [2,3,4]: element (i,j,k) = 100i + 10j + k; C offset 12i + 4j + k, Fortran i + 2j + 6k.
        var c = [Double](repeating: 0, count: 24), f = c
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 {
                    c[12 * i + 4 * j + k] = Double(100 * i + 10 * j + k)
                    f[i + 2 * j + 6 * k] = Double(100 * i + 10 * j + k)
                }
            }
        }
        let t3 = try SafetensorsTensor(columnMajor: f, shape: [2, 3, 4])
        #expect(t3.values == c)
        #expect(t3.columnMajorValues == f)
    }

    // MARK: Errors

    static let goodHeader = #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#
    static let goodData = littleEndianBytes([1.0, 2.0])

    @Test("too short, zero, oversized and out-of-file header lengths")
    func headerLengthErrors() {
        #expect(safetensorsErrorKind { _ = try SafetensorsFile.decode([]) } == .truncated)
        #expect(safetensorsErrorKind { _ = try SafetensorsFile.decode([1, 0, 0]) } == .truncated)
        #expect(
            safetensorsErrorKind {
                _ = try SafetensorsFile.decode(
                    safetensorsBytes(header: Self.goodHeader, data: Self.goodData, declaredLength: 0))
            } == .invalidHeaderLength)
        #expect(
            safetensorsErrorKind {
                _ = try SafetensorsFile.decode(
                    safetensorsBytes(header: Self.goodHeader, data: Self.goodData, declaredLength: 1 << 40))
            } == .invalidHeaderLength)
        #expect(
            safetensorsErrorKind {
                _ = try SafetensorsFile.decode(
                    safetensorsBytes(header: Self.goodHeader, data: Self.goodData, declaredLength: UInt64.max))
            } == .invalidHeaderLength)
    }

    @Test("every strict prefix of a valid file is an error (never a trap), and the full file decodes")
    func everyTruncationFails() throws {
        let bytes = try Self.sampleFile().encoded()
        for cut in 0..<bytes.count {
            let kind = safetensorsErrorKind { _ = try SafetensorsFile.decode(Array(bytes[0..<cut])) }
            #expect(kind != nil, "prefix of \(cut) bytes")
        }
        _ = try SafetensorsFile.decode(bytes)
    }

    @Test("random single-byte corruptions of the header never trap")
    func corruptedHeaderBytes() throws {
        let bytes = try Self.sampleFile().encoded()
        let n = Int(bytes[0]) | Int(bytes[1]) << 8
        var rng = TestSupport.rng(7)
        for _ in 0..<400 {
            var b = bytes
            let i = Int(rng.uniform() * Double(8 + n))
            b[i] = UInt8(truncatingIfNeeded: Int(rng.uniform() * 256))
            _ = try? SafetensorsFile.decode(b)  // must return or throw
        }
    }

    @Test(
        "malformed JSON headers",
        arguments: [
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}"#,  // unterminated
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}x"#,  // trailing garbage
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#,
            #"{"a":{"dtype":"F64","shape":[2]}}"#,  // no data_offsets
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16],"extra":1}}"#,
            #"{"a":{"dtype":"F64","shape":[2.0],"data_offsets":[0,16]}}"#,  // non-integer dimension
            #"{"a":{"dtype":"F64","shape":[-2],"data_offsets":[0,16]}}"#,
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0]}}"#,
            #"{"a":{"dtype":64,"shape":[2],"data_offsets":[0,16]}}"#,
            #"{"a":[1,2]}"#,
            #"{"__metadata__":{"k":1},"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#,
            #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}, "b": "\x"}"#,  // bad escape
            "[1,2]",
            "{\u{1}}",
        ])
    func malformedHeaders(header: String) {
        let kind = safetensorsErrorKind {
            _ = try SafetensorsFile.decode(safetensorsBytes(header: header, data: Self.goodData))
        }
        #expect(kind == .malformedHeader, "\(header)")
    }

    @Test("header nesting deeper than the limit is an error, not a stack overflow")
    func deepNesting() {
        let header = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(
            safetensorsErrorKind { _ = try SafetensorsFile.decode(safetensorsBytes(header: header, data: [])) }
                == .malformedHeader)
    }

    @Test("offsets: overlapping, holes, trailing bytes, reversed, beyond the data, byte-count mismatch")
    func offsetErrors() {
        func kind(_ header: String, _ data: [UInt8]) -> SafetensorsError.Kind? {
            safetensorsErrorKind { _ = try SafetensorsFile.decode(safetensorsBytes(header: header, data: data)) }
        }
        let d24 = littleEndianBytes([1.0, 2.0, 3.0])
        #expect(
            kind(
                #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"b":{"dtype":"F64","shape":[2],"data_offsets":[8,24]}}"#,
                d24) == .invalidOffsets)
        #expect(
            kind(
                #"{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"b":{"dtype":"F64","shape":[1],"data_offsets":[16,24]}}"#,
                d24) == .invalidOffsets)
        #expect(kind(#"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#, d24) == .invalidOffsets)
        #expect(kind(#"{"a":{"dtype":"F64","shape":[0],"data_offsets":[16,0]}}"#, d24) == .invalidOffsets)
        #expect(kind(#"{"a":{"dtype":"F64","shape":[4],"data_offsets":[0,32]}}"#, d24) == .truncated)
        #expect(kind(#"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,24]}}"#, d24) == .byteCountMismatch)
        #expect(
            kind(#"{"a":{"dtype":"F64","shape":[99999999999999999999],"data_offsets":[0,24]}}"#, d24)
                == .malformedHeader)
    }

    @Test("dtypes: unknown, unsupported (8-bit floats), and a mislabelled dtype caught by the byte count")
    func dtypeErrors() {
        func kind(_ dtype: String) -> SafetensorsError.Kind? {
            safetensorsErrorKind {
                _ = try SafetensorsFile.decode(
                    safetensorsBytes(
                        header: #"{"a":{"dtype":"\#(dtype)","shape":[2],"data_offsets":[0,16]}}"#, data: Self.goodData))
            }
        }
        #expect(kind("F65") == .unknownDType)
        #expect(kind("f64") == .unknownDType)
        #expect(kind("F8_E4M3") == .unsupportedDType)
        #expect(kind("F32") == .byteCountMismatch)  // 2 F32 values are 8 bytes, not 16
    }

    @Test("names: empty tensor name")
    func nameErrors() {
        #expect(
            safetensorsErrorKind {
                _ = try SafetensorsFile.decode(
                    safetensorsBytes(
                        header: #"{"":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#, data: Self.goodData))
            } == .invalidName)
    }

    @Test("messages name the file and the tensor")
    func messages() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.safetensors").path
        let bytes = safetensorsBytes(
            header: #"{"w":{"dtype":"F65","shape":[2],"data_offsets":[0,16]}}"#, data: Self.goodData)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SafetensorsFile.read(contentsOf: path)
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.contains("\"w\""))
            #expect(error.description.contains("F65"))
        }
        // Missing file and directory: kind .io with the system's reason.
        do {
            _ = try SafetensorsFile.read(contentsOf: dir.appendingPathComponent("none.safetensors").path)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message.contains("no such file"))
        }
        #expect(safetensorsErrorKind { _ = try SafetensorsFile.read(contentsOf: dir.path) } == .io)
    }

    @Test("tensor lookups: missing tensor, wrong shape, non-finite value")
    func lookups() throws {
        let f = SafetensorsFile(
            tensors: [
                "a": try SafetensorsTensor(shape: [2], values: [1, .nan]),
                "b": try SafetensorsTensor(shape: [2], values: [1, 2]),
            ], source: "x.safetensors")
        #expect(safetensorsErrorKind { _ = try f.tensor(named: "c") } == .missingTensor)
        #expect(safetensorsErrorKind { _ = try f.tensor(named: "b", shape: [1, 2]) } == .wrongShape)
        #expect(safetensorsErrorKind { _ = try f.tensor(named: "a", shape: [2]) } == .invalidValue)
        #expect(try f.tensor(named: "b", shape: [2]).values == [1, 2])
    }

    @Test("writing: F32 overflow and unwritable dtypes are errors; write → read through a file")
    func writing() throws {
        let big = SafetensorsFile(tensors: ["a": try SafetensorsTensor(shape: [1], values: [1e300], dtype: .f32)])
        #expect(safetensorsErrorKind { _ = try big.encoded() } == .invalidValue)
        let half = SafetensorsFile(tensors: ["a": try SafetensorsTensor(shape: [1], values: [1], dtype: .f16)])
        #expect(safetensorsErrorKind { _ = try half.encoded() } == .unsupportedDType)
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.safetensors").path
        let file = try Self.sampleFile()
        try file.write(to: path)
        let back = try SafetensorsFile.read(contentsOf: path)
        #expect(back.source == path)
        #expect(try back.encoded() == (try file.encoded()))
        #expect(safetensorsErrorKind { try file.write(to: dir.appendingPathComponent("no/such/dir.st").path) } == .io)
    }
}
