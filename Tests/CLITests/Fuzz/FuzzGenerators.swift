import Foundation
import RNNMemory

/// The fuzz harness's random source: the project's ``SeededRandom`` (xoshiro256**), so that a case is a pure
/// function of its seed.
struct FuzzRandom {
    private var generator: SeededRandom

    init(seed: UInt64) { generator = SeededRandom(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in 0..<n (n ≥ 1).
    mutating func below(_ n: Int) -> Int { generator.integer(below: max(n, 1)) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { generator.uniform() }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Standard normal.
    mutating func gaussian() -> Double { generator.gaussian() }
}

/// Generators of hostile inputs: CSV text, safetensors files and argument values, each either generated from a
/// grammar (valid or nearly so) or mutated at the byte level.
enum FuzzInputs {
    // MARK: CSV

    /// A CSV table: 0–400 rows, 1–3 columns, optional header, columns of one kind each (Gaussian noise, a random
    /// walk, a constant, integers, a square wave, a sine, values near ±1e300 or 1e-310, alternating ±1e308),
    /// occasional bad cells,
    /// other delimiters, CRLF, a byte-order mark, blank lines and quotes.
    static func csv(_ random: inout FuzzRandom) -> [UInt8] {
        let rows = random.pick([0, 1, 2, 3, 5, 16, 33, 64, 129, 200, 400])
        let columns = 1 + random.below(3)
        let delimiter = random.chance(0.85) ? "," : random.pick(["\t", ";", " ", "|"])
        let newline = random.chance(0.9) ? "\n" : "\r\n"
        var text = random.chance(0.05) ? "\u{FEFF}" : ""
        if random.chance(0.7) {
            let names = (0..<columns).map { j in
                random.chance(0.1) ? random.pick(["", "nan", "inf", "\"a,b\"", "x\"y", "ü", "1"]) : "c\(j)"
            }
            text += names.joined(separator: delimiter) + newline
        }
        // Mostly ordinary columns (kinds 0–3, 7, 9, 10); the extreme ones (4–6, 8) one time in four.
        let kinds = (0..<columns).map { _ in
            random.chance(0.25) ? random.pick([4, 5, 6, 8]) : random.pick([0, 1, 2, 3, 7, 9, 10, 0, 1])
        }
        // At most one bad cell, one ragged row and one blank line, each in a few tables.
        let badRow = random.chance(0.1) ? random.below(max(rows, 1)) : -1
        let raggedRow = random.chance(0.03) ? random.below(max(rows, 1)) : -1
        let blankRow = random.chance(0.05) ? random.below(max(rows, 1)) : -1
        var walk = [Double](repeating: 0, count: columns)
        for row in 0..<rows {
            var cells: [String] = []
            for j in 0..<columns {
                let e = random.gaussian()
                walk[j] += e
                let value: String
                switch kinds[j] {
                case 0: value = "\(e)"
                case 1: value = "\(walk[j])"
                case 2: value = "3.5"
                case 3: value = "\(Int(e * 100))"
                case 4: value = "\(e * 1e300)"
                case 5: value = "\(e * 1e-160 * 1e-150)"
                case 6: value = row % 2 == 0 ? "1e308" : "-1e308"
                case 7: value = "\(abs(e) + 1e-3)"
                case 9: value = "\((row / 10) % 2)"  // a square wave: periodogram zero off its harmonics
                case 10: value = "\(Foundation.sin(Double(row) * 0.7))"
                default: value = String(format: "%.3e", e * 1e150)
                }
                cells.append(
                    row == badRow && j == columns - 1
                        ? random.pick(["", "nan", "inf", "abc", "1e999", "\"1\"", "0x1p3", "-"]) : value)
            }
            if row == raggedRow { cells.append("extra") }
            text += cells.joined(separator: delimiter) + newline
            if row == blankRow { text += newline }
        }
        return Array(text.utf8)
    }

    /// Byte-level mutations of `bytes`: flips, insertions (NUL, 0xFF, newline, comma, quote, digits), deletions,
    /// duplicated spans and truncation.
    static func mutate(_ bytes: [UInt8], _ random: inout FuzzRandom, rounds: Int) -> [UInt8] {
        var out = bytes
        for _ in 0..<rounds {
            let position = out.isEmpty ? 0 : random.below(out.count)
            switch random.below(6) {
            case 0 where !out.isEmpty: out[position] ^= UInt8(1 << random.below(8))
            case 1:
                out.insert(random.pick([0, 0xFF, 0x0A, 0x2C, 0x22, 0x2D, 0x31, 0x65, 0x2E, 0x0D, 0xC3]), at: position)
            case 2 where !out.isEmpty:
                let end = min(out.count, position + 1 + random.below(16))
                out.removeSubrange(position..<end)
            case 3 where !out.isEmpty:
                let end = min(out.count, position + 1 + random.below(64))
                out.insert(contentsOf: out[position..<end], at: position)
            case 4 where !out.isEmpty: out.removeSubrange(position...)
            default:
                out.insert(
                    contentsOf: Array(random.pick(["1e308", "-", "nan", ",", "\n\n", "999999999999999999999"]).utf8),
                    at: position)
            }
        }
        return out
    }

    // MARK: Safetensors

    /// A safetensors file (8-byte little-endian header length, JSON header, data) holding the given tensors.
    static func safetensors(
        _ tensors: [(name: String, dtype: String, shape: [Int], data: [UInt8])],
        metadata: [String: String]? = nil
    ) -> [UInt8] {
        var header: [String] = []
        if let metadata {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }
            header.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        var data: [UInt8] = []
        for t in tensors {
            let shape = t.shape.map(String.init).joined(separator: ",")
            header.append(
                "\"\(t.name)\":{\"dtype\":\"\(t.dtype)\",\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(offset + t.data.count)]}"
            )
            offset += t.data.count
            data += t.data
        }
        let json = Array(("{" + header.joined(separator: ",") + "}").utf8)
        var length = UInt64(json.count)
        var out: [UInt8] = []
        for _ in 0..<8 {
            out.append(UInt8(length & 0xFF))
            length >>= 8
        }
        return out + json + data
    }

    /// Little-endian F64 bytes.
    static func f64(_ values: [Double]) -> [UInt8] {
        values.flatMap { v -> [UInt8] in
            let bits = v.bitPattern
            return (0..<8).map { UInt8((bits >> (8 * UInt64($0))) & 0xFF) }
        }
    }

    /// Sequence data `input` [T, B, 1] and `target` [T, B, 1] (values Gaussian, or near 1e308, or with a NaN),
    /// sometimes with an odd dtype, shape or extra tensor.
    static func sequenceData(_ random: inout FuzzRandom) -> [UInt8] {
        let steps = random.pick([1, 2, 5, 17]), batch = random.pick([1, 2, 3])
        func values() -> [Double] {
            let scale = random.chance(0.1) ? 1e308 : 1
            var v = (0..<(steps * batch)).map { _ in random.gaussian() * scale }
            if random.chance(0.05), !v.isEmpty { v[random.below(v.count)] = .nan }
            return v
        }
        var shape = [steps, batch, 1]
        if random.chance(0.1) {
            shape = random.pick([[steps], [steps * batch], [0, batch, 1], [steps, batch, 2], [1 << 40, 1 << 30, 1]])
        }
        let dtype = random.chance(0.9) ? "F64" : random.pick(["F32", "F16", "BF16", "I64", "U8", "F128", ""])
        return safetensors([
            ("input", dtype, shape, f64(values())), ("target", "F64", [steps, batch, 1], f64(values())),
        ])
    }

    // MARK: Argument values

    /// Values at and past the limits of options: signs, zero, extremes, non-numbers, lists, control characters and
    /// a token of 5,000 digits.
    static let edgeValues: [String] = [
        "0", "-1", "1", "2", "-0.3", "0.5", "0.49", "-0.49", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf", "",
        "abc", "1e400", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "3.5", "0x10",
        "1,2", "1,,2", "-", " 1 ", "a\nb", "\u{1B}[31m", "ü", "0.9999999", "1e9", "-0", "0.1:1e6:1e-300", "1:0:1",
        "5:10", "0:1:0",
        String(repeating: "9", count: 5000),
    ]
}
