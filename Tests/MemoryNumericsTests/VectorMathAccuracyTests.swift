import Foundation
import MemoryNumerics
import Testing
import _TestSupport

/// Accuracy, special values and reproducibility of ``VectorMath``'s e^x, tanh and σ.
///
/// Accuracy is measured in ulp of the correctly rounded result against references with a 64-bit significand
/// (`Float80` libm, x86-64; 11 more bits than a Double, so the reference's own error is ≈ 2⁻¹¹ ulp); elsewhere
/// against glibc's Double functions (error < 1 ulp), with the bound loosened by 1 ulp.
@Suite("VectorMath: exp, tanh, sigmoid")
struct VectorMathAccuracyTests {
    typealias VM = VectorMath

    /// A grid on [−40, 40], magnitudes 10⁻³⁰⁰ … 10⁻¹ of both signs, N(0, 3²) and N(0, 300²) draws, and the ranges
    /// where e^x overflows, underflows and goes subnormal.
    static let arguments: [Double] = {
        var xs = stride(from: -40.0, through: 40.0, by: 0.0137).map { $0 }
        for e in stride(from: -300.0, through: -1.0, by: 0.37) {
            xs += [Foundation.pow(10, e), -Foundation.pow(10, e)]
        }
        var rng = TestSupport.rng(31)
        xs += (0..<20_000).map { _ in 3 * rng.gaussian() }
        xs += (0..<5_000).map { _ in 300 * rng.gaussian() }
        xs += stride(from: -750.0, through: -700.0, by: 0.173).map { $0 }
        xs += stride(from: 700.0, through: 712.0, by: 0.0731).map { $0 }
        return xs
    }()

    /// Bit pattern with every NaN mapped to one canonical NaN (NaN payloads and signs are not specified).
    static func bits(_ xs: [Double]) -> [UInt64] { xs.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern } }

    /// Error of `got` in units of the last place of the reference rounded to Double (subnormal spacing below the
    /// normal range).
    static func ulpError(_ got: Double, reference: Double, exact: () -> Double?) -> Double {
        if got == reference { return 0 }
        if got.isNaN || reference.isNaN { return .infinity }
        let spacing = reference.isFinite ? max(reference.magnitude.ulp, Double.leastNonzeroMagnitude) : .infinity
        if let e = exact() { return abs(got - e) / spacing }
        return abs(got - reference) / spacing
    }

    static func worstError(_ f: VM.Function) throws -> (ulp: Double, at: Double) {
        let xs = arguments
        let ys = try VM.apply(f, to: xs)
        var worst = (ulp: 0.0, at: 0.0)
        for (x, y) in zip(xs, ys) {
            let e: Double
            #if arch(x86_64)
                let r: Float80
                switch f {
                case .exp: r = Foundation.exp(Float80(x))
                case .tanh: r = Foundation.tanh(Float80(x))
                case .sigmoid: r = 1 / (1 + Foundation.exp(-Float80(x)))
                }
                let rd = Double(r)
                let spacing = rd.isFinite ? max(rd.magnitude.ulp, Double.leastNonzeroMagnitude) : .infinity
                e =
                    (y == rd)
                    ? 0 : (rd.isFinite ? Double((Float80(y) - r).magnitude) / spacing : (y == rd ? 0 : .infinity))
            #else
                let r: Double
                switch f {
                case .exp: r = Foundation.exp(x)
                case .tanh: r = Foundation.tanh(x)
                case .sigmoid: r = 1 / (1 + Foundation.exp(-x))
                }
                e = ulpError(y, reference: r, exact: { nil })
            #endif
            if e > worst.ulp { worst = (e, x) }
        }
        return worst
    }

    @Test("exp, tanh and σ are within 2 ulp over the whole range", arguments: VM.Function.allCases)
    func accuracy(_ f: VM.Function) throws {
        let worst = try Self.worstError(f)
        #if arch(x86_64)
            let bound = 2.0  // measured maxima (4·10⁶ arguments): exp 1.02, tanh 1.22, σ 1.44 ulp
        #else
            let bound = 3.0  // against glibc, itself within 1 ulp
        #endif
        #expect(worst.ulp <= bound, "\(f): \(worst.ulp) ulp at x = \(worst.at)")
    }

    @Test("Against glibc's Double functions: within 2.5 ulp")
    func againstGlibc() throws {
        let xs = Self.arguments.filter { $0.magnitude < 700 }
        let t = try VM.apply(.tanh, to: xs), s = try VM.apply(.sigmoid, to: xs), e = try VM.apply(.exp, to: xs)
        var worst = 0.0
        for (i, x) in xs.enumerated() {
            worst = max(worst, Self.ulpError(t[i], reference: Foundation.tanh(x), exact: { nil }))
            worst = max(worst, Self.ulpError(e[i], reference: Foundation.exp(x), exact: { nil }))
            if x > -700 {
                worst = max(worst, Self.ulpError(s[i], reference: 1 / (1 + Foundation.exp(-x)), exact: { nil }))
            }
        }
        #expect(worst <= 2.5, "worst \(worst) ulp")
    }

    @Test("Special values: ±0, ±∞, NaN, saturation, overflow and underflow")
    func specialValues() throws {
        let xs: [Double] = [
            0, -0.0, .infinity, -.infinity, .nan, 19.1, -19.1, 40, 1e300, -1e300, 709.78, 709.79, 710,
            -708.5, -745.0, -745.2, -746, 5e-324, -5e-324, 1e-300,
        ]
        let e = try VM.apply(.exp, to: xs), t = try VM.apply(.tanh, to: xs), s = try VM.apply(.sigmoid, to: xs)
        // e^x
        #expect(e[0] == 1 && e[1] == 1 && e[2] == .infinity && e[3] == 0 && e[3].sign == .plus && e[4].isNaN)
        #expect(e[10].isFinite && e[10] > 1.79e308, "e^709.78 ≈ 1.7928e308 is finite")
        #expect(e[11] == .infinity && e[12] == .infinity)
        #expect(e[13] > 0 && e[13].isSubnormal, "e^−708.5 ≈ 2.006e−308 is subnormal")
        #expect(e[14] == 5e-324, "e^−745.0 ≈ 4.9e−324 rounds to the smallest subnormal")
        #expect(e[15] == 0 && e[16] == 0)
        #expect(e[17] == 1 && e[18] == 1)
        // tanh
        #expect(t[0] == 0 && t[0].sign == .plus && t[1] == 0 && t[1].sign == .minus)
        #expect(t[2] == 1 && t[3] == -1 && t[4].isNaN)
        #expect(t[5] == 1 && t[6] == -1, "tanh(19.1) rounds to 1")
        #expect(t[7] == 1 && t[8] == 1 && t[9] == -1 && t[12] == 1)
        #expect(t[17] == 5e-324 && t[18] == -5e-324 && t[19] == 1e-300, "tanh x = x for tiny x")
        #expect(try VM.apply(.tanh, to: [19.0])[0] < 1, "tanh(19) = 1 − 6.3e−17 rounds below 1")
        // σ
        #expect(s[0] == 0.5 && s[1] == 0.5 && s[2] == 1 && s[3] == 0 && s[4].isNaN)
        #expect(s[7] == 1 && s[8] == 1 && s[9] == 0)
        #expect(s[13] > 0 && s[13].isSubnormal, "σ(−708.5) ≈ e^−708.5 is subnormal, not flushed")
        #expect(s[16] == 0)
        // σ(x) = 1 − e^{−x} + … rounds to 1 once e^{−x} < 2⁻⁵⁴, i.e. x > 37.43.
        #expect(try VM.apply(.sigmoid, to: [37.5])[0] == 1 && VM.apply(.sigmoid, to: [37.3])[0] < 1)
        // NaN tangents.
        let d = try VM.applyDual(.tanh, value: [.nan, 0.3], tangent: [1, .nan])
        #expect(d.value[0].isNaN && d.tangent[0].isNaN && d.tangent[1].isNaN)
    }

    @Test("Every supported instruction set gives the same bits (values and dual tangents; NaN payloads aside)")
    func instructionSetsAgree() throws {
        let xs = Self.arguments + [0, -0.0, .infinity, -.infinity, .nan, 5e-324]
        var rng = TestSupport.rng(32)
        let ts = (0..<xs.count).map { _ in rng.gaussian() }
        let supported = VM.InstructionSet.allCases.filter(\.isSupported)
        #expect(supported.contains(.portable) && supported.contains(VM.InstructionSet.best))
        for f in VM.Function.allCases {
            let reference = Self.bits(try VM.apply(f, to: xs, instructionSet: .portable))
            let dualReference = try VM.applyDual(f, value: xs, tangent: ts, instructionSet: .portable)
            for isa in supported {
                #expect(Self.bits(try VM.apply(f, to: xs, instructionSet: isa)) == reference, "\(f) on \(isa)")
                let d = try VM.applyDual(f, value: xs, tangent: ts, instructionSet: isa)
                #expect(Self.bits(d.value) == Self.bits(dualReference.value), "\(f) dual on \(isa)")
                #expect(Self.bits(d.tangent) == Self.bits(dualReference.tangent), "\(f) dual on \(isa)")
            }
            #expect(
                Self.bits(try VM.applyDual(f, value: xs, tangent: ts).value) == reference,
                "\(f): the dual value is the plain value")
        }
    }

    @Test("Blocks: strided, in place and position-independent results equal the contiguous array results")
    func blocks() throws {
        var rng = TestSupport.rng(33)
        let rows = 13, columns = 5, ld = 17
        var storage = (0..<(ld * columns)).map { _ in 4 * rng.gaussian() }
        let block = (0..<columns).flatMap { j in storage[(j * ld)..<(j * ld + rows)] }
        for f in VM.Function.allCases {
            let expected = try VM.apply(f, to: block)
            var out = [Double](repeating: .nan, count: ld * columns)
            storage.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { y in
                    guard let xp = x.baseAddress, let yp = y.baseAddress else { return }
                    VM.apply(f, rows: rows, columns: columns, xp, leadingDimension: ld, yp, leadingDimension: ld)
                }
            }
            let got = (0..<columns).flatMap { j in out[(j * ld)..<(j * ld + rows)] }
            #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "\(f) strided")
            #expect(out[rows].isNaN && out[ld - 1].isNaN, "\(f): rows beyond the block are not written")
            // Each element alone (always a masked/tail lane) gives the same bits as inside a full block.
            for i in [0, 7, 12, 40, 64] {
                #expect(try VM.apply(f, to: [block[i]])[0].bitPattern == expected[i].bitPattern)
            }
        }
        // In place.
        var inPlace = storage
        inPlace.withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            VM.tanh(p, p, count: b.count)
        }
        #expect(inPlace.map(\.bitPattern) == VM.tanh(storage).map(\.bitPattern))
        storage.withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            VM.sigmoid(p, p, count: 0)  // empty: nothing happens
        }
        #expect(VM.exp([]).isEmpty)
    }

    @Test("Dual tangents follow DualNumber's rules exactly and match central differences")
    func dualTangents() throws {
        var rng = TestSupport.rng(34)
        let xs = (0..<500).map { _ in 3 * rng.gaussian() }
        let ts = (0..<500).map { _ in rng.gaussian() }
        for f in VM.Function.allCases {
            let d = try VM.applyDual(f, value: xs, tangent: ts)
            for i in xs.indices {
                let y = d.value[i]
                let rule: Double
                switch f {
                case .exp: rule = y * ts[i]
                case .tanh: rule = (1 - y * y) * ts[i]
                case .sigmoid: rule = y * (1 - y) * ts[i]
                }
                #expect(d.tangent[i].bitPattern == rule.bitPattern, "\(f) at \(xs[i])")
                let h = 1e-6 * max(1, abs(xs[i]))
                let fd = try (VM.apply(f, to: [xs[i] + h])[0] - VM.apply(f, to: [xs[i] - h])[0]) / (2 * h) * ts[i]
                #expect(abs(d.tangent[i] - fd) <= 1e-7 * max(1, abs(y)) * max(1, abs(ts[i])), "\(f) at \(xs[i])")
            }
        }
    }

    @Test("Array API errors are descriptive")
    func errors() throws {
        #expect(throws: NumericsError.self) { try VM.applyDual(.tanh, value: [1, 2], tangent: [1]) }
        for isa in VM.InstructionSet.allCases where !isa.isSupported {
            #expect(throws: NumericsError.self) { try VM.apply(.exp, to: [1], instructionSet: isa) }
        }
        #expect(VM.InstructionSet.best.isSupported && VM.InstructionSet.portable.isSupported)
        #expect(VM.InstructionSet.avx2FMA < VM.InstructionSet.avx512F)
    }
}
