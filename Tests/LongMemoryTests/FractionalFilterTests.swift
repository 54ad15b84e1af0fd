import Testing
import _TestSupport
import LongMemory
import MemoryNumerics

/// The type-II fractional filter (Jensen & Nielsen 2014): validation targets LM6–LM9 of
/// LongMemory.docc/ValidationTargets.md.
@Suite("Fractional filter (LM6–LM9)")
struct FractionalFilterTests {
    let documented: [Double] = [1, 2, 4, 7, 0]

    /// LM6: fdiff([1, 2, 4, 7, 0], 0.5) = (1, 1.5, 2.875, 4.6875, −4.1640625) and with window 3
    /// (1, 1.5, 2.875, 4.75, −4) — fracdiff (Python) README/docstring; abs 1e-12. Both algorithms.
    @Test func lm6DocumentedOutputs() throws {
        let typeII = [1, 1.5, 2.875, 4.6875, -4.1640625]
        let fft = try FractionalFilter.difference(documented, d: 0.5)
        let direct = try FractionalFilter.difference(documented, d: 0.5, method: .direct)
        #expect(TestSupport.maxAbsError(fft.values, typeII) <= 1e-12)
        #expect(TestSupport.maxAbsError(direct.values, typeII) <= 1e-12)
        #expect(fft.window == nil && fft.lostMemory == nil)
        let windowed = try FractionalFilter.difference(documented, d: 0.5, method: .window(3))
        #expect(TestSupport.maxAbsError(windowed.values, [1, 1.5, 2.875, 4.75, -4]) <= 1e-12)
        // The window reports what it discards: Γ(3 − ½)/(Γ(3)Γ(½)) = 0.375 (= |π₀ + π₁ + π₂| = |1 − ½ − ⅛|).
        #expect(windowed.window == 3)
        #expect(abs((windowed.lostMemory ?? 0) - 0.375) <= 1e-14)
    }

    /// LM7: demean-then-filter (fracdiff (R) `diffseries` convention) gives (−1.8, 0.1, 1.825, 3.8125, −4.9296875);
    /// demeaning is off by default (formula; abs 1e-12).
    @Test func lm7Demeaned() throws {
        let y = try FractionalFilter.difference(documented, d: 0.5, demean: true)
        #expect(TestSupport.maxAbsError(y.values, [-1.8, 0.1, 1.825, 3.8125, -4.9296875]) <= 1e-12)
        let plain = try FractionalFilter.difference(documented, d: 0.5)
        #expect(abs(plain.values[0] - 1) <= 1e-12)
    }

    /// LM8: the FFT filter equals the direct type-II sum, max abs ≤ 1e-12·Σ|x_t|, n up to 10⁴, d ∈ (−0.5, 1).
    @Test(arguments: [(0.4, 10_000), (-0.45, 3000), (-0.3, 3000), (0.05, 3000), (0.7, 3000), (0.95, 2500), (0.5, 1)])
    func lm8FFTEqualsDirect(d: Double, n: Int) throws {
        var rng = TestSupport.rng(8)
        let x = (0..<n).map { _ in 3 + rng.gaussian() }  // nonzero mean: no implicit demeaning anywhere
        let fft = try FractionalFilter.difference(x, d: d).values
        let direct = try FractionalFilter.difference(x, d: d, method: .direct).values
        let scale = x.reduce(0) { $0 + abs($1) }
        #expect(TestSupport.maxAbsError(fft, direct) <= 1e-12 * scale, "d = \(d), n = \(n)")
    }

    /// LM9: (1−B)^{−d}(1−B)^{d}x = x (type II, rel 1e-12), also for d = 0.7 (nonstationary) and d = −0.3, and in
    /// the other order.
    @Test(arguments: [0.4, 0.7, -0.3, 0.49, 0.95])
    func lm9RoundTrip(d: Double) throws {
        var rng = TestSupport.rng(9)
        var x = [Double](repeating: 0, count: 4096)
        var level = 0.0
        for t in x.indices { level += rng.gaussian(); x[t] = level }  // a random walk: nonstationary input
        let y = try FractionalFilter.difference(x, d: d).values
        let back = try FractionalFilter.integrate(y, d: d).values
        #expect(TestSupport.maxRelativeError(back, x) <= 1e-12, "d = \(d)")
        let z = try FractionalFilter.integrate(x, d: d).values
        let forth = try FractionalFilter.difference(z, d: d).values
        #expect(TestSupport.maxRelativeError(forth, x) <= 1e-12, "d = \(d) (integrate first)")
    }

    /// Integer d reproduces ordinary differencing; d = 0 is the identity; negative d accumulates (d = −1 is the
    /// cumulative sum).
    @Test func integerOrdersAndNegativeD() throws {
        let x: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
        let first = try FractionalFilter.difference(x, d: 1).values
        #expect(TestSupport.maxAbsError(first, [3, -2, 3, -3, 4, 4, -7, 4]) <= 1e-12)
        #expect(TestSupport.maxAbsError(try FractionalFilter.difference(x, d: 0).values, x) <= 1e-13)
        let cumulative = try FractionalFilter.difference(x, d: -1).values
        #expect(TestSupport.maxAbsError(cumulative, [3, 4, 8, 9, 14, 23, 25, 31]) <= 1e-12)
    }

    /// Column-wise batch equals the single-series filter, with and without demeaning.
    @Test func columnsMatchSingleSeries() throws {
        var rng = TestSupport.rng(10)
        let n = 777, b = 3
        let data = (0..<(n * b)).map { _ in rng.gaussian() + 1 }
        let matrix = try Matrix(rows: n, columns: b, columnMajor: data)
        for demean in [false, true] {
            let out = try FractionalFilter.differenceColumns(matrix, d: 0.35, demean: demean)
            for j in 0..<b {
                let single = try FractionalFilter.difference(matrix.column(j), d: 0.35, demean: demean).values
                #expect(TestSupport.maxAbsError(out.column(j), single) <= 1e-12)
            }
        }
    }

    /// The plan (transform of x cached) equals the one-shot filter for several d, reused.
    @Test func planMatchesOneShot() throws {
        var rng = TestSupport.rng(11)
        let x = rng.gaussians(1000)
        let plan = FractionalFilter.Plan(count: 1000)
        #expect(throws: LongMemoryError.self) { try plan.difference(d: 0.3) }  // no series yet
        try plan.setSeries(x)
        for d in [0.3, -0.2, 0.8, 0.3] {
            let a = try plan.difference(d: d)
            let b = try FractionalFilter.difference(x, d: d).values
            #expect(TestSupport.maxAbsError(a, b) <= 1e-13)
        }
        #expect(throws: LongMemoryError.self) { try plan.setSeries([1, 2]) }
    }

    /// Bad input throws a descriptive error instead of trapping.
    @Test func validation() {
        #expect(throws: LongMemoryError.nonFinite(index: 2)) {
            try FractionalFilter.difference([1, 2, .nan], d: 0.4)
        }
        #expect(throws: LongMemoryError.self) { try FractionalFilter.difference([1, 2], d: .infinity) }
        #expect(throws: LongMemoryError.self) { try FractionalFilter.difference([1, 2], d: 0.4, method: .window(0)) }
        #expect((try? FractionalFilter.difference([], d: 0.4).values) == [])
    }

}
