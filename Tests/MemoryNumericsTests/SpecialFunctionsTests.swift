import Testing
import MemoryNumerics
import _TestSupport

/// Reference values marked "mpmath" were computed with mpmath 1.3.0 at 40 significant digits, at the exact Double
/// values of the arguments
/// (`loggamma`, `psi`, `rf`, `binomial`, `ncdf`, `gammainc`, `betainc`) and rounded to 20 digits.
@Suite("Special functions")
struct SpecialFunctionsTests {
    typealias SF = SpecialFunctions
    let eulerGamma = 0.577_215_664_901_532_860_6
    let sqrtPi = 1.772_453_850_905_516_027_3

    @Test("log Γ and Γ at known values")
    func logGammaKnown() throws {
        // Γ(½) = √π, Γ(1) = Γ(2) = 1, Γ(10) = 9! = 362880.
        #expect(TestSupport.relativeError(SF.gamma(0.5), sqrtPi) < 1e-15)
        #expect(TestSupport.relativeError(SF.logGamma(0.5), 0.572_364_942_924_700_087_07) < 1e-15)
        #expect(abs(SF.logGamma(1)) < 1e-16 && abs(SF.logGamma(2)) < 1e-16)
        #expect(TestSupport.relativeError(SF.gamma(10), 362_880) < 1e-15)
        #expect(TestSupport.relativeError(SF.logGamma(10), Double.log(362_880)) < 1e-15)
        // mpmath: log Γ(10⁶) = 12815504.569147611660.
        #expect(TestSupport.relativeError(SF.logGamma(1e6), 12_815_504.569_147_611_66) < 1e-15)
        // Γ(−½) = −2√π; Γ(−2.5) = −0.94530872048294188123 (mpmath): sign and log|Γ|.
        let (l, s) = try SF.logGammaWithSign(-0.5)
        #expect(s == -1)
        #expect(TestSupport.relativeError(l, Double.log(2 * sqrtPi)) < 1e-15)
        let (l2, s2) = try SF.logGammaWithSign(-2.5)
        #expect(s2 == -1)
        #expect(abs(l2 - -0.056_243_716_497_674_050_673) < 1e-15)
        #expect(SF.reciprocalGamma(-2) == 0)
        #expect(TestSupport.relativeError(SF.reciprocalGamma(0.5), 1 / sqrtPi) < 1e-15)
        #expect(TestSupport.relativeError(SF.logBeta(2, 3), Double.log(1.0 / 12)) < 1e-15)
    }

    @Test("log Γ at the poles throws instead of trapping")
    func poles() {
        for x in [0.0, -1, -2, -30] {
            #expect(throws: NumericsError.self) { try SF.logGammaWithSign(x) }
            #expect(throws: NumericsError.self) { try SF.gammaRatio(x, 1.5) }
        }
        #expect(throws: NumericsError.self) { try SF.gammaRatio(0, 0) }
        #expect(throws: NumericsError.self) { try SF.gammaRatio(.nan, 1) }
        #expect(throws: NumericsError.self) { try SF.logPochhammer(0, 1) }
        #expect(throws: NumericsError.self) { try SF.logPochhammer(2, -2) }
        #expect(throws: NumericsError.self) { try SF.logGammaRatio(-1.5, 2) }
        #expect(throws: NumericsError.self) { try SF.pochhammer(-0.5, -1.5) }  // Γ(−2) in the numerator
        #expect(throws: NumericsError.self) { try SF.binomialCoefficient(0.5, -1) }
        #expect(throws: NumericsError.self) { try SF.binomialCoefficient(.infinity, 2) }
    }

    @Test("Digamma and trigamma at known values and by their recurrences")
    func polygamma() {
        // ψ(1) = −γ, ψ(½) = −γ − 2 log 2, ψ′(1) = π²/6, ψ′(½) = π²/2 (Abramowitz & Stegun 6.3.2, 6.3.3, 6.4.2, 6.4.4).
        #expect(abs(SF.digamma(1) + eulerGamma) < 1e-15)
        #expect(abs(SF.digamma(0.5) - (-eulerGamma - 2 * Double.log(2))) < 1e-15)
        #expect(TestSupport.relativeError(SF.trigamma(1), Double.pi * Double.pi / 6) < 1e-15)
        #expect(TestSupport.relativeError(SF.trigamma(0.5), Double.pi * Double.pi / 2) < 1e-15)
        // mpmath: ψ(¼) = −4.2274535333762654081 (= −γ − π/2 − 3 log 2), ψ′(¼) = 17.197329154507110739 (= π² + 8G).
        #expect(TestSupport.relativeError(SF.digamma(0.25), -4.227_453_533_376_265_408_1) < 1e-15)
        #expect(TestSupport.relativeError(SF.trigamma(0.25), 17.197_329_154_507_110_739) < 1e-15)
        // mpmath: ψ(10⁶) = 13.81551005796419077077, ψ′(10⁶) = 1.0000005000001666667e-6.
        #expect(TestSupport.relativeError(SF.digamma(1e6), 13.815_510_057_964_190_770_77) < 1e-15)
        #expect(TestSupport.relativeError(SF.trigamma(1e6), 1.000_000_500_000_166_666_7e-6) < 1e-14)
        // ψ(x + 1) = ψ(x) + 1/x, ψ′(x + 1) = ψ′(x) − 1/x².
        for x in [0.3, 3.7, 42.5] {
            #expect(abs(SF.digamma(x + 1) - SF.digamma(x) - 1 / x) < 1e-14)
            #expect(abs(SF.trigamma(x + 1) - SF.trigamma(x) + 1 / (x * x)) < 1e-13)
        }
        // ψ = (log Γ)′ by central differences.
        for x in [0.7, 2.3, 15.0] {
            let h = 1e-5
            let fd = (SF.logGamma(x + h) - SF.logGamma(x - h)) / (2 * h)
            #expect(abs(fd - SF.digamma(x)) < 1e-8)
            let fd2 = (SF.digamma(x + h) - SF.digamma(x - h)) / (2 * h)
            #expect(abs(fd2 - SF.trigamma(x)) < 1e-7 * max(1, SF.trigamma(x)))
        }
    }

    @Test("Γ ratios equal exact rationals")
    func gammaRatioExact() throws {
        // Γ(5)/Γ(3) = 4·3; Γ(7.5)/Γ(5.5) = 6.5·5.5; Γ(½)/Γ(2.5) = 1/(1.5·0.5); Γ(−½)/Γ(½) = −2;
        // Γ(−1.5)/Γ(−½) = 1/(−1.5); Γ(0.3)/Γ(3.3) = 1/(0.3·1.3·2.3).
        let cases: [(Double, Double, Double)] = [
            (5, 3, 12), (7.5, 5.5, 35.75), (0.5, 2.5, 4.0 / 3), (-0.5, 0.5, -2), (-1.5, -0.5, -2.0 / 3),
            (0.3, 3.3, 1 / (0.3 * 1.3 * 2.3)), (3, 5, 1.0 / 12), (171.5, 170.5, 170.5), (200, 198, 199 * 198),
        ]
        for (a, b, expected) in cases {
            #expect(TestSupport.relativeError(try SF.gammaRatio(a, b), expected) < 4e-15, "Γ(\(a))/Γ(\(b))")
        }
        // A pole in the denominator only: 1/Γ(b) = 0.
        #expect(try SF.gammaRatio(3, -2) == 0)
        #expect(try SF.gammaRatio(0.5, 0) == 0)
    }

    @Test("Γ ratios for large arguments stay accurate (no log-Gamma cancellation)")
    func gammaRatioLarge() throws {
        // Γ(z + ½)/Γ(z) = √z·(1 − 1/(8z) + 1/(128z²) + O(z⁻³)) (Tricomi & Erdélyi 1951); mpmath at z = 10⁶:
        // 999.9998750000078125.
        let z = 1e6
        let r = try SF.gammaRatio(z + 0.5, z)
        #expect(TestSupport.relativeError(r, 999.999_875_000_007_812_5) < 1e-15)
        #expect(TestSupport.relativeError(r, z.squareRoot() * (1 - 1 / (8 * z) + 1 / (128 * z * z))) < 1e-15)
        for z in [1e8, 1e12] {
            // The result's logarithm (≈ 14) is itself rounded to ≈ 1.8e-15, so allow a few ulp.
            let expected = z.squareRoot() * (1 - 1 / (8 * z) + 1 / (128 * z * z))
            #expect(TestSupport.relativeError(try SF.gammaRatio(z + 0.5, z), expected) < 4e-15)
        }
        // Γ(K − d)/Γ(K)/Γ(1 − d), the lost memory of a K-term fractional filter (validation target LM5 of
        // LongMemory.docc/ValidationTargets.md; K = 10, d = 0.4 gives 0.2752). mpmath values.
        let lost: [(Double, Double, Double)] = [
            (0.4, 10, 0.275_160_371_199_999_977_09), (0.4, 100, 0.106_725_676_645_492_122_35),
            (0.4, 1000, 0.042_380_967_991_700_354_159), (0.4, 1e4, 0.016_867_914_598_850_281_117),
            (0.4, 1e5, 0.006_715_068_526_642_689_784_2), (0.4, 1e6, 0.002_673_310_194_442_152_993_4),
            (-0.3, 10, 2.199_838_867_342_187_440_1), (-0.3, 100, 4.431_221_009_493_802_769_7),
            (-0.3, 1000, 8.849_813_507_564_071_646_4), (-0.3, 1e4, 17.659_368_239_898_026_826),
            (-0.3, 1e5, 35.235_404_930_671_800_941), (-0.3, 1e6, 70.303_942_048_080_654_591),
        ]
        for (d, K, expected) in lost {
            let viaPochhammer = try SF.pochhammer(K, -d) * SF.reciprocalGamma(1 - d)
            #expect(TestSupport.relativeError(viaPochhammer, expected) < 4e-15, "d = \(d), K = \(K)")
            // Γ(K − d)/Γ(K) first rounds K − d, by up to ulp(K)/2, which moves the ratio by up to that times
            // |ψ(K)| ≈ log K in relative terms.
            let viaRatio = try SF.gammaRatio(K - d, K) / SF.gamma(1 - d)
            let inputRounding = K.ulp / 2 * Double.log(K)
            #expect(TestSupport.relativeError(viaRatio, expected) < 4e-15 + inputRounding, "d = \(d), K = \(K)")
        }
    }

    @Test("log Pochhammer against mpmath, including small and very large arguments")
    func logPochhammer() throws {
        // mpmath at the exact Double arguments.
        let cases: [(Double, Double, Double)] = [
            (0.3, 2.7, -0.402_650_814_258_130_097_47), (1e-5, 3, -10.819_763_284_472_782_654),
            (5, -4.9999, 6.032_228_828_288_347_353_5), (12.5, -2.5, -5.932_520_031_854_976_090_4),
            (1e10, 0.5, 11.512_925_464_957_728_42), (0.5, 1e6, 12_815_510.904_537_822_717),
            (7.25, 0.001, 0.001_910_527_462_862_424_838), (1e6, -0.4, -5.526_203_943_185_625_948_4),
            (3, 1e-12, 9.227_843_350_986_645_878_7e-13), (1e15, -0.75, -25.904_082_296_183_013_289),
            (10, 1e-14, 2.251_752_589_066_721_630_8e-14),
        ]
        for (a, x, expected) in cases {
            let value = try SF.logPochhammer(a, x)
            #expect(TestSupport.relativeError(value, expected) < 4e-15, "log (\(a))_\(x) = \(value)")
        }
        #expect(try SF.logPochhammer(3, 0) == 0)
        #expect(TestSupport.relativeError(try SF.logGammaRatio(1e6 - 0.4, 1e6), -5.526_203_943_507_293_042_2) < 4e-15)
        // Additivity (a)_{x+y} = (a)_x (a + x)_y.
        for (a, x, y) in [(0.7, 2.2, 5.1), (30.0, -12.5, 40.0), (2e5, 0.3, -0.9)] {
            let lhs = try SF.logPochhammer(a, x + y)
            let rhs = try SF.logPochhammer(a, x) + SF.logPochhammer(a + x, y)
            #expect(abs(lhs - rhs) < 1e-13 * max(1, abs(lhs)))
        }
    }

    @Test("Pochhammer for negative arguments and at poles")
    func pochhammer() throws {
        // mpmath rf values; products: (−3)₂ = (−3)(−2) = 6, (−3)₅ = 0, (−½)₃ = (−½)(½)(3/2) = −3/8.
        #expect(try SF.pochhammer(-3, 2) == 6)
        #expect(try SF.pochhammer(-3, 5) == 0)
        #expect(try SF.pochhammer(-0.5, 3) == -0.375)
        #expect(try SF.pochhammer(-3, 0.5) == 0)  // 1/Γ(−3) = 0
        #expect(try SF.pochhammer(4.2, 0) == 1)
        let cases: [(Double, Double, Double)] = [
            (-2.5, 0.7, -3.372_534_117_194_584_241_4), (-3.5, -0.25, 0.991_772_772_958_224_166_41),
            (0.5, -1.7, 2.736_859_488_919_177_392),
        ]
        for (a, x, expected) in cases {
            #expect(TestSupport.relativeError(try SF.pochhammer(a, x), expected) < 1e-14, "(\(a))_\(x)")
        }
    }

    @Test("Generalised binomial coefficients")
    func binomial() throws {
        #expect(try SF.binomialCoefficient(10, 3) == 120)
        #expect(try SF.binomialCoefficient(10, 11) == 0)
        #expect(try SF.binomialCoefficient(5, 0) == 1)
        #expect(try SF.binomialCoefficient(0, 0) == 1)
        for k in 0..<200 { #expect(try SF.binomialCoefficient(-1, k) == (k % 2 == 0 ? 1 : -1)) }
        // mpmath binomial values (the 1e5 and 1000 cases use the Gamma form, the others the product).
        let cases: [(Double, Int, Double)] = [
            (0.4, 3, 0.064), (10.5, 3, 141.3125), (-0.4, 1000, 0.007_144_224_656_054_324_018_8),
            (0.4, 100_000, -2.686_027_410_657_076_062_8e-8), (100, 50, 1.008_913_445_455_641_933_3e29),
            (2.5, 100, -1.105_654_767_575_802_131_5e-7), (0.4, 60, -0.000_874_448_762_692_572_591_61),
            (-0.4, 51, -0.042_505_251_749_897_328_582), (60.5, 55, 17_743_923.727_891_679_831),
            (1_000_000.5, 3, 166_666_416_666_625_000.06), (1000, 990, 2.634_095_604_619_702_128_3e23),
            (0.5, 1_000_000, -2.820_948_975_594_801_553_5e-10), (-2.5, 1_000_000, 752_254_188.538_015_921_96),
            (400.5, 200, 1.454_607_290_928_562_869_2e119), (1000, 500, 2.702_882_409_454_365_695_2e299),
        ]
        for (a, k, expected) in cases {
            // Through a logarithm the relative error is about ε·|log C|; allow 8 ulp of that.
            let tolerance = max(1e-14, 8 * Double.ulpOfOne * abs(Double.log(abs(expected))))
            #expect(TestSupport.relativeError(try SF.binomialCoefficient(a, k), expected) < tolerance, "C(\(a), \(k))")
        }
        // π_k(d) = (−1)^k C(d, k) equals the recursion π_k = π_{k−1}(k − 1 − d)/k (validation target LM2), k ≤ 1000.
        for d in [0.4, -0.3, 0.75] {
            var pi = 1.0
            for k in 1...1000 {
                pi *= (Double(k) - 1 - d) / Double(k)
                let viaBinomial = (k % 2 == 0 ? 1.0 : -1.0) * (try SF.binomialCoefficient(d, k))
                #expect(TestSupport.relativeError(viaBinomial, pi) < 1e-12, "d = \(d), k = \(k)")
            }
        }
    }

    @Test("Normal, χ² and Student-t distribution functions")
    func distributions() {
        // mpmath: Φ⁻¹(0.975) = 1.9599639845400542355; 1 − Φ(10) = 7.619853024160526066e-24; Φ(−3) =
        // 0.0013498980316300945267; P(χ²₄ > 10) = 0.04042768199451280258; t₁₀ quantile(0.975) = 2.2281388519862747484.
        #expect(SF.normalCDF(0) == 0.5)
        #expect(TestSupport.relativeError(SF.normalQuantile(0.975), 1.959_963_984_540_054_235_5) < 1e-14)
        #expect(TestSupport.relativeError(SF.normalCDF(1.959_963_984_540_054_235_5), 0.975) < 1e-15)
        #expect(TestSupport.relativeError(SF.normalUpperTail(10), 7.619_853_024_160_526_066e-24) < 1e-13)
        #expect(TestSupport.relativeError(SF.normalCDF(-3), 0.001_349_898_031_630_094_526_7) < 1e-14)
        #expect(
            TestSupport.relativeError(
                SF.chiSquaredUpperTail(10, degreesOfFreedom: 4),
                0.040_427_681_994_512_802_58) < 1e-13)
        #expect(
            TestSupport.relativeError(
                SF.studentTQuantile(0.975, degreesOfFreedom: 10),
                2.228_138_851_986_274_748_4) < 1e-12)
    }
}
