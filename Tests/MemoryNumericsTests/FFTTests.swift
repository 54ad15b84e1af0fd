import Testing
import MemoryNumerics
import _TestSupport

/// Naive O(n²) DFT X_k = Σ_t x_t e^{−2πi kt/n}, with the angle reduced exactly (kt mod n) before cos/sin.
private func naiveDFT(_ x: [Complex<Double>]) -> [Complex<Double>] {
    let n = x.count
    return (0..<n).map { k in
        var re = 0.0, im = 0.0
        for t in 0..<n {
            let angle = -2 * Double.pi * Double((k * t) % n) / Double(n)
            let c = Double.cos(angle), s = Double.sin(angle)
            re += x[t].real * c - x[t].imaginary * s
            im += x[t].real * s + x[t].imaginary * c
        }
        return Complex(re, im)
    }
}

private func maxAbs(_ z: [Complex<Double>]) -> Double { z.reduce(0) { max($0, $1.length) } }

private func maxDifference(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, ($1.0 - $1.1).length) }
}

/// Is n of the form 2^a·3^b·5^c·7^e?
private func isSevenSmooth(_ n: Int) -> Bool {
    guard n >= 1 else { return false }
    var m = n
    for p in [2, 3, 5, 7] { while m % p == 0 { m /= p } }
    return m == 1
}

@Suite("FFT")
struct FFTTests {
    @Test("forwardReal / inverseReal round trip, n = 1…64, to 1e-12")
    func roundTripSmall() throws {
        var g = TestSupport.rng(1)
        for n in 1...64 {
            let x = g.gaussians(n)
            let spectrum = try FFT.forwardReal(x)
            #expect(spectrum.count == n / 2 + 1)
            let back = try FFT.inverseReal(spectrum, length: n)
            #expect(TestSupport.maxRelativeError(back, x) < 1e-12, "n = \(n)")
        }
    }

    @Test("Round trip at large smooth and non-smooth lengths", arguments: [65_536, 42_525, 10_007, 20_014, 99_991])
    func roundTripLarge(n: Int) throws {
        // 2¹⁶; 3⁵·5²·7; the primes 10007 and 99991 and 2·10007 (FFTW falls back to Rader/Bluestein there).
        var g = TestSupport.rng(UInt64(n))
        let x = g.gaussians(n)
        let back = try FFT.inverseReal(FFT.forwardReal(x), length: n)
        #expect(TestSupport.maxRelativeError(back, x) < 1e-12)
        let z = (0..<n).map { Complex(x[$0], x[($0 * 7) % n]) }
        let zBack = FFT.inverse(FFT.forward(z))
        #expect(maxDifference(zBack, z) < 1e-12 * maxAbs(z))
    }

    @Test("Zero padding: forwardReal(x, length: N) transforms x followed by zeros")
    func zeroPadding() throws {
        var g = TestSupport.rng(3)
        let x = g.gaussians(5)
        let padded = try FFT.forwardReal(x, length: 12)
        let naive = naiveDFT((x + [Double](repeating: 0, count: 7)).map { Complex($0, 0) })
        #expect(maxDifference(padded, Array(naive[0...6])) < 1e-12 * maxAbs(naive))
    }

    @Test("forward and forwardReal equal the naive DFT, n = 1…40, relative 1e-12")
    func naive() throws {
        var g = TestSupport.rng(2)
        for n in 1...40 {
            let z = (0..<n).map { _ in Complex(g.gaussian(), g.gaussian()) }
            let reference = naiveDFT(z)
            #expect(maxDifference(FFT.forward(z), reference) < 1e-12 * maxAbs(reference), "n = \(n)")
            // Inverse is scaled by 1/n: inverse(X) = x.
            #expect(maxDifference(FFT.inverse(reference), z) < 1e-12 * maxAbs(z), "n = \(n)")
            let x = g.gaussians(n)
            let realReference = naiveDFT(x.map { Complex($0, 0) })
            let half = try FFT.forwardReal(x)
            #expect(
                maxDifference(half, Array(realReference[0...(n / 2)])) < 1e-12 * maxAbs(realReference),
                "n = \(n)")
        }
        #expect(FFT.forward([]).isEmpty)
        #expect(FFT.inverse([]).isEmpty)
        // A pure tone at frequency 3 of n = 16 has a single coefficient n/2 at k = 3 (and 13).
        let tone = (0..<16).map { Double.cos(2 * Double.pi * 3 * Double($0) / 16) }
        let spectrum = try FFT.forwardReal(tone)
        for k in 0..<spectrum.count {
            let expected = k == 3 ? 8.0 : 0.0
            #expect((spectrum[k] - Complex(expected, 0)).length < 1e-13)
        }
    }

    /// Direct c_t = Σ_{j} a_j b_{t−j}, t = 0..<(a.count + b.count − 1).
    private func directConvolution(_ a: [Double], _ b: [Double]) -> [Double] {
        if a.isEmpty || b.isEmpty { return [] }
        var c = [Double](repeating: 0, count: a.count + b.count - 1)
        for i in a.indices { for j in b.indices { c[i + j] += a[i] * b[j] } }
        return c
    }

    @Test("linearConvolution equals the direct O(n²) sum, unequal lengths and truncation")
    func convolution() {
        var g = TestSupport.rng(4)
        let sizes: [(Int, Int)] = [(1, 1), (1, 7), (7, 1), (5, 5), (13, 200), (300, 17), (257, 1000), (1000, 999)]
        for (n, m) in sizes {
            let a = g.gaussians(n), b = g.gaussians(m)
            let direct = directConvolution(a, b)
            let scale = a.reduce(0) { $0 + abs($1) } * b.reduce(0) { max($0, abs($1)) }
            let full = FFT.linearConvolution(a, b)
            #expect(full.count == n + m - 1)
            #expect(TestSupport.maxAbsError(full, direct) < 1e-12 * scale, "\(n) × \(m)")
            // `count` keeps the first terms; more than the full length is capped.
            for count in [1, max(1, n / 2), n, n + m - 2, n + m - 1, n + m + 10] {
                let truncated = FFT.linearConvolution(a, b, count: count)
                let expected = Array(direct.prefix(count))
                #expect(TestSupport.maxAbsError(truncated, expected) < 1e-12 * scale, "\(n) × \(m), count \(count)")
            }
        }
        #expect(FFT.linearConvolution([], [1, 2]).isEmpty)
        #expect(FFT.linearConvolution([1, 2], [3], count: 0).isEmpty)
        // Exact small case: (1 + 2z)(3 + 4z + 5z²) = 3 + 10z + 13z² + 10z³.
        let small = FFT.linearConvolution([1, 2], [3, 4, 5])
        #expect(TestSupport.maxAbsError(small, [3, 10, 13, 10]) < 1e-13)
    }

    @Test("fastLength returns the smallest 7-smooth number ≥ n (brute force, n ≤ 5000, and large n)")
    func fastLength() {
        let limit = 5000
        var smooth: [Int] = []
        var m = 1
        while smooth.last.map({ $0 < limit }) ?? true {
            if isSevenSmooth(m) { smooth.append(m) }
            m += 1
        }
        var index = 0
        for n in 1...limit {
            while smooth[index] < n { index += 1 }
            let got = FFT.fastLength(atLeast: n)
            #expect(got == smooth[index], "n = \(n): got \(got), expected \(smooth[index])")
        }
        #expect(FFT.fastLength(atLeast: 0) == 1)
        // Large n: pinned by a brute-force Python search (increment until 7-smooth).
        #expect(FFT.fastLength(atLeast: 1_000_001) == 1_000_188)
        #expect(FFT.fastLength(atLeast: 123_456_789) == 123_480_000)
        #expect(FFT.fastLength(atLeast: 999_999_937) == 1_000_000_000)
        for n in [2_000_003, 33_554_433] {
            let f = FFT.fastLength(atLeast: n)
            #expect(isSevenSmooth(f) && f >= n)
            #expect(!(n..<f).contains(where: isSevenSmooth))
        }
    }

    @Test("Batched RealFFTWorkspace equals per-column transforms, forward and inverse")
    func batched() throws {
        var g = TestSupport.rng(5)
        for (length, batch) in [(48, 3), (35, 4), (1, 2), (97, 5)] {
            let columns = (0..<batch).map { c in g.gaussians(length - (c % 2)) }  // some columns shorter: zero-padded
            let ws = RealFFTWorkspace(length: length, batch: batch)
            for (c, x) in columns.enumerated() { ws.load(x, column: c) }
            ws.forward()
            var spectra: [[Complex<Double>]] = []
            for (c, x) in columns.enumerated() {
                let single = try FFT.forwardReal(x, length: length)
                let batchedSpectrum = ws.spectrum(column: c)
                spectra.append(batchedSpectrum)
                #expect(
                    maxDifference(batchedSpectrum, single) <= 1e-13 * max(1, maxAbs(single)),
                    "length \(length), column \(c)")
            }
            // Round trip through the batched inverse, and through loadSpectrum.
            ws.inverse()
            for (c, x) in columns.enumerated() {
                let padded = x + [Double](repeating: 0, count: length - x.count)
                let back = ws.signal(count: length, column: c, scale: 1 / Double(length))
                #expect(TestSupport.maxAbsError(back, padded) < 1e-12 * max(1, padded.map(abs).max() ?? 1))
            }
            for (c, s) in spectra.enumerated() { ws.loadSpectrum(s, column: c) }
            ws.inverse()
            for (c, x) in columns.enumerated() {
                let back = ws.signal(count: x.count, column: c, scale: 1 / Double(length))
                #expect(TestSupport.maxAbsError(back, x) < 1e-12 * max(1, x.map(abs).max() ?? 1))
            }
        }
    }

    @Test("multiplySpectrum convolves every column with one filter")
    func multiplySpectrum() {
        var g = TestSupport.rng(6)
        let n = 64, batch = 3
        let filter = g.gaussians(10)
        let columns = (0..<batch).map { _ in g.gaussians(20) }
        let ws = RealFFTWorkspace(length: n, batch: batch)
        for (c, x) in columns.enumerated() { ws.load(x, column: c) }
        ws.forward()
        let wf = RealFFTWorkspace(length: n)
        wf.load(filter)
        wf.forward()
        ws.multiplySpectrum(by: wf)
        ws.inverse()
        for (c, x) in columns.enumerated() {
            let expected = FFT.linearConvolution(x, filter)
            let got = ws.signal(count: expected.count, column: c, scale: 1 / Double(n))
            #expect(TestSupport.maxAbsError(got, expected) < 1e-12 * 20)
        }
    }

    @Test("Plans are cached: repeating transforms of a seen length does not grow the cache")
    func planCache() throws {
        // A length used by no other test, and only the plans of that length are counted, so transforms of other
        // lengths planned concurrently by other tests cannot change the outcome. Every transform kind: r2c, c2r,
        // complex both ways, batched.
        let n = 4913  // 17³
        func work() throws {
            let x = [Double](repeating: 1, count: n)
            _ = try FFT.inverseReal(FFT.forwardReal(x), length: n)
            _ = FFT.inverse(FFT.forward(x.map { Complex($0, 0) }))
            let ws = RealFFTWorkspace(length: n, batch: 3)
            ws.forward()
        }
        try work()
        // r2c + c2r (single), forward + backward complex, r2c + c2r (batch 3): at least 6 plans of this length.
        let planned = FFTPlanCache.shared.count(length: n)
        #expect(planned >= 6)
        // A cache that does not reuse plans grows on every repetition.
        for _ in 0..<10 { try work() }
        #expect(FFTPlanCache.shared.count(length: n) == planned)
        #expect(FFTPlanCache.shared.count >= planned)
    }

    @Test("Bad lengths throw instead of trapping: empty input, length shorter than the input, wrong coefficient count")
    func badLengthsThrow() throws {
        #expect(throws: NumericsError.self) { try FFT.forwardReal([]) }
        #expect(throws: NumericsError.self) { try FFT.forwardReal([1, 2, 3], length: 2) }
        #expect(throws: NumericsError.self) { try FFT.forwardReal([1], length: 0) }
        // A length-8 real signal has 5 coefficients.
        let spectrum = try FFT.forwardReal([1, 2, 3, 4, 5, 6, 7, 8])
        #expect(spectrum.count == 5)
        #expect(throws: NumericsError.self) { try FFT.inverseReal(spectrum, length: 10) }
        #expect(throws: NumericsError.self) { try FFT.inverseReal(Array(spectrum.prefix(4)), length: 8) }
        #expect(throws: NumericsError.self) { try FFT.inverseReal([], length: 0) }
        // An explicit length makes an empty input the zero signal.
        #expect(try FFT.forwardReal([], length: 4) == [Complex<Double>](repeating: .zero, count: 3))
    }

    @Test("fastLength never overflows: huge n give a 7-smooth length or n itself")
    func fastLengthHuge() {
        #expect(FFT.fastLength(atLeast: 1 << 62) == 1 << 62)
        // 2⁶² + 1: the next 7-smooth number is 3²·5·7²·… — whatever it is, it is ≥ n and 7-smooth, or n itself.
        let big = (1 << 62) + 1
        let f = FFT.fastLength(atLeast: big)
        #expect(f >= big && (isSevenSmooth(f) || f == big))
        // Int.max (2⁶³ − 1, not 7-smooth) has no 7-smooth Int above it: n itself, no trap.
        #expect(FFT.fastLength(atLeast: Int.max) == Int.max)
        #expect(FFT.fastLength(atLeast: Int.max - 1) >= Int.max - 1)
        #expect(FFT.fastLength(atLeast: -5) == 1)
    }
}
