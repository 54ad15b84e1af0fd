import Testing
import _TestSupport
import MemoryNumerics

/// ₂F₁(a, 1; c; z) at complex z (MemoryNumerics/Hypergeometric.swift): series, backward contiguous recurrence
/// (Doornik & Ooms 2003; Abramowitz & Stegun 15.2), and the GSL / Hurwitz-zeta wrappers.
@Suite("Hypergeometric 2F1(a,1;c;z)")
struct HypergeometricTests {
    private func close(_ a: Complex<Double>, _ b: Complex<Double>, _ tol: Double) -> Bool {
        (a - b).length <= tol * max(b.length, 1e-300)
    }

    /// Real z: the series agrees with GSL `gsl_sf_hyperg_2F1` (rel 1e-13) over a grid of a, c, x chosen with
    /// c − a − 1 not an integer (GSL 2.7 is wrong there: see ``mpmathValues()``).
    @Test func realArgumentMatchesGSL() throws {
        var failures: [String] = []
        for a in [0.3, -0.45, 2.7, 10.4, -3.6] {
            for c in [0.7, 1.65, 4.2, 12.9] {
                for x in [-0.9, -0.3, 0.05, 0.5, 0.85] {
                    let ours = try Hypergeometric.f21UnitB(a: a, c: c, z: Complex(x, 0))
                    let gsl = try SpecialFunctions.hypergeometric2F1(a: a, b: 1, c: c, x: x)
                    if !(TestSupport.relativeError(ours.real, gsl) <= 1e-13) || ours.imaginary != 0 {
                        failures.append("a=\(a) c=\(c) x=\(x): \(ours) vs \(gsl)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Closed form (A&S 15.1.3): ₂F₁(1, 1; 2; z) = −log(1 − z)/z for complex z, rel 1e-14.
    @Test func logarithmClosedForm() throws {
        for z in [Complex(0.5, 0.4), Complex(-0.7, 0.6), Complex(0.1, -0.95), Complex(0.99, 0), Complex(1e-6, 2e-6)] {
            let ours = try Hypergeometric.f21UnitB(a: 1, c: 2, z: z)
            let closed = -Complex.log(onePlus: -z) / z  // log1p form: no cancellation at tiny z
            #expect(close(ours, closed, 1e-14), "z = \(z): \(ours) vs \(closed)")
        }
        // ₂F₁(a, 1; a; z) = 1/(1 − z) and a terminating case: ₂F₁(−2, 1; c; z) = 1 − 2z/c + 2z²/(c(c+1)).
        let z = Complex(0.3, -0.8)
        #expect(close(try Hypergeometric.f21UnitB(a: 0.37, c: 0.37, z: z), Complex(1, 0) / (Complex(1, 0) - z), 1e-14))
        let c = 1.7
        let polynomial = Complex(1, 0) - z * Complex(2 / c, 0) + z * z * Complex(2 / (c * (c + 1)), 0)
        #expect(close(try Hypergeometric.f21UnitB(a: -2, c: c, z: z), polynomial, 1e-15))
    }

    /// Reference values from mpmath `hyp2f1` at 30 digits (scripts/reference/longmemory_references.py), rel 1e-13,
    /// including negative non-integer parameters and |z| = 0.99. The cases with a − c ≫ 1 and Re z < ½ are checked
    /// to rel 1e-11: both the direct and the Pfaff-transformed series cancel there (the transformed terms
    /// (c − a)_n/(c)_n reach ≈ 10³ times the result at a = 20.3, c = 1.2), costing ≈ 3 digits. (Sowell's
    /// autocovariance only evaluates the series at a − c = 2d − 1 < 0, where no term exceeds |z|ⁿ.)
    @Test func mpmathValues() throws {
        let cases: [(Double, Double, Complex<Double>, Complex<Double>)] = [
            (0.3, 0.7, Complex(0.5, 0.4), Complex(1.1490444160966900865, 0.35835679431267934586)),
            (10.3, 10.7, Complex(-0.6, 0.7), Complex(0.53655653079691727488, 0.22868393158183699701)),
            (-4.7, -4.3, Complex(0.2, -0.9), Complex(2.2508218551931129231, -1.456032123775548213)),
            (0.45, 0.55, Complex(0.99, 0), Complex(55.617766216479960827, 0)),
            // c − a − b = 1: GSL 2.7's gsl_sf_hyperg_2F1 returns 0.26566795318645237 here.
            (-0.45, 1.55, Complex(0.5, 0), Complex(0.83433204681354722058, 0)),
            // a − c large with Re z < 0: the direct series cancels ≈ 15 digits; Pfaff's transformation is used.
            (10.4, 0.7, Complex(-0.9, 0), Complex(-0.043623326085715875811, 0)),
            (20.3, 1.2, Complex(-0.5, 0.6), Complex(0.0082755907288336759961, 0.010983410723834677425)),
            (15.5, 2.5, Complex(0.3, 0.9), Complex(-0.031790314506578043536, 0.10185630305130317794)),
            (8.2, 0.6, Complex(-0.95, 0.1), Complex(-0.076608046743382939816, -0.0092627205570052046724)),
        ]
        for (a, c, z, expected) in cases {
            let ours = try Hypergeometric.f21UnitB(a: a, c: c, z: z)
            let tolerance = a - c > 5 ? 1e-11 : 1e-13
            #expect(close(ours, expected, tolerance), "a=\(a) c=\(c) z=\(z): \(ours)")
        }
    }

    /// The backward recurrence over a range of shifts, including negative a and c (as Sowell's form needs:
    /// a = d + k, c = 1 − d + k for k from −L to L), equals the series at every shift (rel 1e-12); the "minus one"
    /// variant equals the value minus 1 and stays accurate when it is tiny.
    @Test func recurrenceMatchesSeries() throws {
        let d = 0.3
        for z in [Complex(0.5, -0.6), Complex(-0.85, 0.1), Complex(0.95, 0), Complex(0.02, 0.01)] {
            let low = -60, count = 121
            let values = try Hypergeometric.f21UnitBShifts(
                a: d + Double(low), c: 1 - d + Double(low), z: z, count: count)
            let minusOne = try Hypergeometric.f21UnitBShifts(
                a: d + Double(low), c: 1 - d + Double(low), z: z, count: count, subtractingOne: true)
            var failures: [Int] = []
            for i in stride(from: 0, to: count, by: 1) {
                let k = Double(low + i)
                let series = try Hypergeometric.f21UnitB(a: d + k, c: 1 - d + k, z: z)
                let seriesMinusOne = try Hypergeometric.f21UnitB(a: d + k, c: 1 - d + k, z: z, subtractingOne: true)
                if !close(values[i], series, 1e-12) || !close(minusOne[i], seriesMinusOne, 1e-12) {
                    failures.append(low + i)
                }
                if !close(values[i] - Complex(1, 0), minusOne[i], 1e-12 * max(1, values[i].length / minusOne[i].length))
                {
                    failures.append(low + i)
                }
            }
            #expect(failures.isEmpty, "z = \(z): shifts \(failures.prefix(10))")
        }
        // Small z: F − 1 ≈ (a/c)z to relative accuracy, where F then − 1 would lose digits.
        let tiny = Complex(1e-12, 1e-12)
        let m1 = try Hypergeometric.f21UnitB(a: 0.3, c: 0.7, z: tiny, subtractingOne: true)
        let leading = tiny * Complex(0.3 / 0.7, 0)
        #expect(close(m1, leading, 1e-11))
    }

    /// Domain errors are thrown, not trapped.
    @Test func domainErrors() {
        #expect(throws: NumericsError.self) { try Hypergeometric.f21UnitB(a: 0.3, c: 0.7, z: Complex(1, 0)) }
        #expect(throws: NumericsError.self) { try Hypergeometric.f21UnitB(a: 0.3, c: -2, z: Complex(0.5, 0)) }
        #expect(throws: NumericsError.self) { try Hypergeometric.f21UnitB(a: .nan, c: 0.7, z: Complex(0.5, 0)) }
        #expect(throws: NumericsError.self) {
            try Hypergeometric.f21UnitBShifts(a: 0.3, c: 0.7, z: Complex(0.5, 0), count: -1)
        }
        #expect(throws: NumericsError.self) {
            try Hypergeometric.f21UnitB(a: 0.3, c: 0.7, z: Complex(0.999999, 0), maximumTerms: 1000)
        }
    }

    /// Hurwitz zeta (GSL): ζ(2, 1) = π²/6, ζ(s, q) − ζ(s, q + 1) = q^{−s}, ζ(3, ½) = 7ζ(3) (rel 1e-14).
    @Test func hurwitzZeta() throws {
        #expect(
            TestSupport.relativeError(try SpecialFunctions.hurwitzZeta(s: 2, q: 1), Double.pi * Double.pi / 6) <= 1e-14)
        let s = 2.37, q = 0.61
        let difference = try SpecialFunctions.hurwitzZeta(s: s, q: q) - SpecialFunctions.hurwitzZeta(s: s, q: q + 1)
        #expect(TestSupport.relativeError(difference, Double.pow(q, -s)) <= 1e-14)
        // ζ(3) = 1.2020569031595942854 (Apéry's constant).
        #expect(
            TestSupport.relativeError(try SpecialFunctions.hurwitzZeta(s: 3, q: 0.5), 7 * 1.2020569031595942854)
                <= 1e-14)
        #expect(throws: NumericsError.self) { try SpecialFunctions.hurwitzZeta(s: 1, q: 1) }
    }
}
