import Foundation
import Testing
import MemoryNumerics

@Suite("SeededRandom and PortableMath")
struct RandomTests {
    @Test("Same seed ⇒ identical sequence (bits, uniforms, Gaussians, integers)")
    func reproducible() {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
        for _ in 0..<1000 { #expect(a.uniform() == b.uniform()) }
        for _ in 0..<1001 { #expect(a.gaussian().bitPattern == b.gaussian().bitPattern) }
        for n in 1..<300 { #expect(a.integer(below: n) == b.integer(below: n)) }
        #expect(a.permutation(50) == b.permutation(50))
        // gaussians(n) is n successive gaussian() calls.
        var c = SeededRandom(seed: 11), d = SeededRandom(seed: 11)
        let batch = c.gaussians(101)
        #expect(batch == (0..<101).map { _ in d.gaussian() })
    }

    @Test("Different seeds and streams give different sequences")
    func streamsDiffer() {
        let n = 2000
        func draws(_ seed: UInt64, _ stream: UInt64) -> [UInt64] {
            var g = SeededRandom(seed: seed, stream: stream)
            return (0..<n).map { _ in g.next() }
        }
        let base = draws(42, 0)
        for (seed, stream) in [(42, 1), (42, 2), (43, 0), (0, 0), (42, 0xFFFF_FFFF_FFFF_FFFF)] as [(UInt64, UInt64)] {
            let other = draws(seed, stream)
            // No shared 64-bit value in 2000 draws (a coincidence has probability ≈ 2000²/2⁶⁴).
            #expect(Set(base).isDisjoint(with: other), "seed \(seed), stream \(stream)")
        }
        #expect(draws(42, 5) == draws(42, 5))
    }

    @Test("split() is deterministic and gives a stream unrelated to the parent")
    func split() {
        var p1 = SeededRandom(seed: 99), p2 = SeededRandom(seed: 99)
        var c1 = p1.split(), c2 = p2.split()
        let child = (0..<500).map { _ in c1.next() }
        #expect(child == (0..<500).map { _ in c2.next() })
        // The parent continues identically in both copies and shares nothing with the child.
        let parent = (0..<500).map { _ in p1.next() }
        #expect(parent == (0..<500).map { _ in p2.next() })
        #expect(Set(parent).isDisjoint(with: child))
        // split() consumes exactly two parent outputs.
        var q = SeededRandom(seed: 99)
        _ = q.next(); _ = q.next()
        var r = SeededRandom(seed: 99)
        _ = r.split()
        #expect(q.next() == r.next())
        // Successive splits differ.
        var s = SeededRandom(seed: 99)
        var s1 = s.split(), s2 = s.split()
        #expect(s1.next() != s2.next())
    }

    // Golden values for seed 42. Computed once with this implementation and committed as regression values. The
    // UInt64 outputs were also reproduced by an independent Python transcription of SplitMix64 (Steele, Lea &
    // Flood 2014) seeding xoshiro256** (Blackman & Vigna 2018), and the Gaussians by the same transcription of the
    // polar method using glibc's log. A change here changes every seeded result in rnnmem.
    @Test("Golden values for seed 42")
    func golden() {
        var g = SeededRandom(seed: 42)
        let bits: [UInt64] = [
            0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1,
            0xfde6_dc7f_e2ec_5e64, 0xc50d_a531_0179_5238,
        ]
        #expect((0..<6).map { _ in g.next() } == bits)
        var u = SeededRandom(seed: 42)
        #expect(
            (0..<4).map { _ in u.uniform() }
                == [0.08386297105988216, 0.3789802506626686, 0.6800434110281394, 0.9246929453253876])
        var z = SeededRandom(seed: 42)
        let gaussians = [
            -0.7262191382447857, -0.21119691823195985, 0.2216227015035933, 0.5227716877560146,
            0.46417731016247366, 0.7409788916865562,
        ]
        #expect((0..<6).map { _ in z.gaussian() } == gaussians)
        var s = SeededRandom(seed: 42, stream: 3)
        #expect((0..<3).map { _ in s.next() } == [0x3a27_039e_279a_6fd6, 0x7097_9edd_ce75_fa8e, 0x3fbd_ab3b_0156_5d8f])
        var parent = SeededRandom(seed: 42)
        var child = parent.split()
        #expect(
            (0..<3).map { _ in child.next() } == [0xaf7f_da47_9c57_02fa, 0x836a_01fe_89ae_ff58, 0x5166_1b2d_7c65_b6ef])
        var i = SeededRandom(seed: 42)
        #expect((0..<8).map { _ in i.integer(below: 1000) } == [83, 378, 680, 924, 991, 769, 719, 850])
        var p = SeededRandom(seed: 42)
        #expect(p.permutation(10) == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
    }

    @Test("Uniform moments, 10⁶ draws: |z| < 4")
    func uniformMoments() {
        var g = SeededRandom(seed: 2024)
        let n = 1_000_000
        var sum = 0.0, sumSq = 0.0, low = 1.0, high = 0.0
        for _ in 0..<n {
            let u = g.uniform()
            sum += u
            sumSq += (u - 0.5) * (u - 0.5)
            low = min(low, u)
            high = max(high, u)
        }
        let mean = sum / Double(n), variance = sumSq / Double(n)
        // E U = ½, sd of the mean √(1/12/n); E(U − ½)² = 1/12 with Var (U − ½)² = 1/80 − 1/144 = 1/180.
        #expect(abs(mean - 0.5) / (1.0 / 12 / Double(n)).squareRoot() < 4)
        #expect(abs(variance - 1.0 / 12) / (1.0 / 180 / Double(n)).squareRoot() < 4)
        #expect(low >= 0 && high < 1)
        // uniform(a, b) is an affine map of uniform().
        var a = SeededRandom(seed: 5), b = SeededRandom(seed: 5)
        for _ in 0..<100 { #expect(a.uniform(-3, 5) == -3 + 8 * b.uniform()) }
    }

    @Test("Gaussian moments, 10⁶ draws: mean, variance, kurtosis and tail mass with |z| < 4")
    func gaussianMoments() {
        var g = SeededRandom(seed: 77)
        let n = 1_000_000
        var m1 = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0, tail = 0
        for _ in 0..<n {
            let z = g.gaussian()
            let z2 = z * z
            m1 += z; m2 += z2; m3 += z2 * z; m4 += z2 * z2
            if abs(z) > 3 { tail += 1 }
        }
        let nd = Double(n)
        m1 /= nd; m2 /= nd; m3 /= nd; m4 /= nd
        // N(0,1): E z = 0 (var 1), E z² = 1 (var 2), E z³ = 0 (var 15), E z⁴ = 3 (var 105 − 9 = 96).
        #expect(abs(m1) / (1 / nd).squareRoot() < 4)
        #expect(abs(m2 - 1) / (2 / nd).squareRoot() < 4)
        #expect(abs(m3) / (15 / nd).squareRoot() < 4)
        #expect(abs(m4 - 3) / (96 / nd).squareRoot() < 4)
        // P(|z| > 3) = 2(1 − Φ(3)) = 0.0026997960632601891.
        let p = 0.002_699_796_063_260_189_1
        #expect(abs(Double(tail) - nd * p) / (nd * p * (1 - p)).squareRoot() < 4)
        // gaussian(mean:sd:) is an affine map.
        var a = SeededRandom(seed: 3), b = SeededRandom(seed: 3)
        for _ in 0..<100 { #expect(a.gaussian(mean: 2, sd: 3) == 2 + 3 * b.gaussian()) }
    }

    @Test("integer(below:), permutation and rademacher are uniform (fixed seed, χ² and z tests)")
    func discrete() {
        var g = SeededRandom(seed: 31)
        let bins = 10, n = 200_000
        var counts = [Int](repeating: 0, count: bins)
        for _ in 0..<n { counts[g.integer(below: bins)] += 1 }
        let expected = Double(n) / Double(bins)
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // χ²₉ upper 0.1% point is 27.877.
        #expect(chi2 < 27.877)
        // A bound that is not a power of two, near 2⁶², exercises the rejection step without bias in the top bit.
        let big = (1 << 62) + 12345
        var upperHalf = 0
        for _ in 0..<10_000 where g.integer(below: big) >= big / 2 { upperHalf += 1 }
        #expect(abs(Double(upperHalf) - 5000) / 50 < 4)
        for n in [1, 2, 17, 1000] {
            let p = g.permutation(n)
            #expect(p.sorted() == Array(0..<n))
        }
        #expect(g.permutation(0).isEmpty)
        // Position of element 0 over many permutations of 5 is uniform.
        var position = [Int](repeating: 0, count: 5)
        for _ in 0..<50_000 { if let i = g.permutation(5).firstIndex(of: 0) { position[i] += 1 } }
        let chi2p = position.reduce(0.0) { $0 + (Double($1) - 10_000) * (Double($1) - 10_000) / 10_000 }
        #expect(chi2p < 18.467)  // χ²₄ upper 0.1% point
        var sum = 0.0
        for _ in 0..<100_000 {
            let r = g.rademacher()
            #expect(r == 1 || r == -1)
            sum += r
        }
        #expect(abs(sum) / (100_000.0).squareRoot() < 4)
    }

    /// Distance between a and b in units of the spacing of doubles at b.
    private func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / b.ulp
    }

    @Test("PortableMath.log is within 2 ulp of the platform log from 1e-300 to 1e300 and on (0, 1]")
    func portableLog() {
        var g = SeededRandom(seed: 123)
        var worst = 0.0, worstAt = 0.0
        func check(_ x: Double) {
            let e = ulps(PortableMath.log(x), Foundation.log(x))
            if e > worst { (worst, worstAt) = (e, x) }
        }
        // Log-uniform over [1e-300, 1e300].
        let lo = Foundation.log(1e-300), hi = Foundation.log(1e300)
        for _ in 0..<100_000 { check(Foundation.exp(lo + (hi - lo) * g.uniform())) }
        // Uniform on (0, 1], where log is small near 1 (relative accuracy matters there).
        for _ in 0..<100_000 { check(1 - g.uniform()) }
        // Neighbours of 1, of √2 and √½ (the range-reduction switch), powers of two, subnormals, extremes.
        var x = 1.0, y = 1.0
        for _ in 0..<200 {
            x = x.nextUp; y = y.nextDown
            check(x); check(y)
        }
        for c in [Double(2).squareRoot(), Double(0.5).squareRoot()] {
            var u = c, d = c
            for _ in 0..<50 {
                check(u); check(d)
                u = u.nextUp; d = d.nextDown
            }
        }
        for k in -1074...1023 { check(Foundation.pow(2, Double(k))) }
        for v in [
            Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, Double.leastNormalMagnitude / 3,
            .greatestFiniteMagnitude, 0.1, 10, Double.pi, M_E,
        ] {
            check(v)
        }
        #expect(worst <= 2, "worst error \(worst) ulp at x = \(worstAt)")
        #expect(PortableMath.log(1) == 0)
    }

    @Test("PortableMath.log has the IEEE special values of Double.log (no trap at 0, negatives, NaN, ∞)")
    func portableLogSpecialValues() {
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-0.0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(-.infinity).isNaN)
        #expect(PortableMath.log(.nan).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
        for x in [0.0, -0.0, -1, .infinity] {
            let a = PortableMath.log(x), b = Foundation.log(x)
            #expect(a == b || (a.isNaN && b.isNaN), "x = \(x)")
        }
    }
}
