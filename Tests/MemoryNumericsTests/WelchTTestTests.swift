import MemoryNumerics
import Testing

/// Welch's t-test against SciPy 1.17.1's `scipy.stats.ttest_ind(x, y, equal_var=False)`: the values below are the
/// output of `ReferenceScripts/welch_reference.py` (committed beside it as `welch_reference.txt`).
@Suite("Welch two-sample t-test")
struct WelchTTestTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let x: [Double], y: [Double]
        let t: Double, df: Double, p: Double, pLess: Double, pGreater: Double
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a", x: [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
            y: [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
            t: -2.455356398286006, df: 24.988529290231416, p: 0.021378001462866992, pLess: 0.010689000731433496,
            pGreater: 0.9893109992685665),
        Case(
            name: "b", x: [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
            y: [
                21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5,
                23.5, 21.5, 21.8,
            ],
            t: -1.5654335235985037, df: 9.904741248650831, p: 0.14884169660532817, pLess: 0.07442084830266409,
            pGreater: 0.925579151697336),
        Case(
            name: "c", x: [1.162, 1.088, 1.101, 1.134], y: [0.98, 1.02, 0.99],
            t: 6.059787284533003, df: 4.930272848687414, p: 0.0018546778132043063, pLess: 0.9990726610933979,
            pGreater: 0.0009273389066021531),
        Case(
            name: "d",
            x: [0.960005, 0.961195, 0.958903, 0.956438, 0.958181, 0.956033, 0.960241, 0.965361, 0.958031, 0.957518],
            y: [0.942356, 0.94597, 0.94575, 0.954835, 0.937187, 0.9563, 0.949385, 0.966042, 0.966612, 0.97053],
            t: 1.5468099082409197, df: 10.037148277295897, p: 0.1528342297734761, pLess: 0.9235828851132619,
            pGreater: 0.07641711488673805),
    ]

    @Test("Statistic, Welch–Satterthwaite df and the three p-values equal SciPy's", arguments: cases)
    func againstSciPy(_ c: Case) throws {
        let r = try WelchTTest(c.x, c.y)
        func rel(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }
        #expect(rel(r.statistic, c.t) < 1e-12, "t \(r.statistic)")
        #expect(rel(r.degreesOfFreedom, c.df) < 1e-12, "df \(r.degreesOfFreedom)")
        #expect(rel(r.pValue, c.p) < 1e-9, "p \(r.pValue)")
        #expect(rel(r.pValueLess, c.pLess) < 1e-9, "p_less \(r.pValueLess)")
        #expect(rel(r.pValueGreater, c.pGreater) < 1e-9, "p_greater \(r.pValueGreater)")
    }

    @Test("Swapping the samples negates t and swaps the one-sided p-values; bad samples throw")
    func symmetryAndErrors() throws {
        let c = Self.cases[0]
        let a = try WelchTTest(c.x, c.y), b = try WelchTTest(c.y, c.x)
        #expect(a.statistic == -b.statistic && a.pValue == b.pValue && a.pValueLess == b.pValueGreater)
        #expect(abs(a.pValueLess + a.pValueGreater - 1) < 1e-14)
        #expect(throws: NumericsError.self) { try WelchTTest([1], [1, 2]) }
        #expect(throws: NumericsError.self) { try WelchTTest([1, .nan], [1, 2]) }
        #expect(throws: NumericsError.self) { try WelchTTest([1, 1], [2, 2]) }
        // One constant sample is fine: the other carries the variance.
        #expect(try WelchTTest([1, 1, 1], [1, 2, 3]).degreesOfFreedom == 2)
    }
}
