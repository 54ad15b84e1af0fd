import Testing
import _TestSupport
import LongMemory
import MemoryNumerics

/// Theoretical autocovariances: FI(d) (LM10, LM11), ARMA (Brockwell–Davis vs statsmodels), ARFIMA(p,d,q) by Sowell /
/// Doornik–Ooms vs convolution (LM13) and vs high-precision quadrature, FI Durbin–Levinson (LM14), fGn.
@Suite("Theoretical autocovariances (LM10, LM11, LM13, LM14)")
struct AutocovarianceTests {
    /// Pointwise relative error, NaN-safe (a NaN is reported as +∞).
    private func worstRelative(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        var worst = 0.0
        for i in a.indices {
            let e = TestSupport.relativeError(a[i], b[i])
            if !(e <= worst) { worst = e.isNaN ? .infinity : e }
        }
        return worst
    }

    // MARK: FI(d)

    /// LM10: ρ(1) = d/(1 − d) (1e-12); product recursion = Gamma form for k < 200 (1e-12 relative);
    /// ρ(k)k^{1−2d}Γ(d)/Γ(1 − d) → 1 at d = 0.4, k = 10⁴ (rel 1e-8; the O(1/k) term of the Gamma ratio vanishes
    /// because (d) + (1 − d) − 1 = 0, leaving O(k^{−2})); γ(0)/σ² = Γ(1 − 2d)/Γ(1 − d)² = 2.0700983 at d = 0.4 (1e-7).
    @Test(arguments: [0.4, -0.3, 0.1, 0.49, -0.49])
    func lm10FractionalNoise(d: Double) throws {
        let sigma2 = 1.7
        let gamma = try Autocovariance.fractionalNoise(d: d, sigma2: sigma2, lags: 10_000)
        let rho = gamma.map { $0 / gamma[0] }
        #expect(abs(rho[1] - d / (1 - d)) <= 1e-12)
        var failures: [Int] = []
        for k in 0..<200 {
            let g = try Autocovariance.fractionalNoiseCorrelationGammaForm(d: d, lag: k)
            if !(TestSupport.relativeError(rho[k], g) <= 1e-12) { failures.append(k) }
        }
        #expect(failures.isEmpty, "d = \(d): lags \(failures.prefix(10))")
        let k = 10_000.0
        let scaled = rho[10_000] * Double.pow(k, 1 - 2 * d) * SpecialFunctions.gamma(d) / SpecialFunctions.gamma(1 - d)
        #expect(abs(scaled - 1) <= 1e-8, "d = \(d): \(scaled)")
        let closed = SpecialFunctions.gamma(1 - 2 * d) / Double.pow(SpecialFunctions.gamma(1 - d), 2)
        #expect(TestSupport.relativeError(gamma[0] / sigma2, closed) <= 1e-13)
    }

    @Test func lm10VarianceLiteral() throws {
        let gamma = try Autocovariance.fractionalNoise(d: 0.4, lags: 0)
        #expect(abs(gamma[0] - 2.0700983) <= 1e-7)
    }

    /// LM11: partial sums of ρ for FI(0.4): Σ_{k=0}^{K} ρ(k) = 34.04 (K = 10²), 211.38 (10³), 1330.60 (10⁴) (abs 0.01);
    /// log–log slope 0.80 = 2d (± 0.02); AR(1) with φ = 0.9: Σ φ^k → 10 and the slope on [10³, 10⁴] is < 0.05
    /// (formula; Zhao et al. 2020, ICML, Definition 1).
    @Test func lm11PartialSums() throws {
        let gamma = try Autocovariance.fractionalNoise(d: 0.4, lags: 10_000)
        var partial = [Double](repeating: 0, count: gamma.count)
        var s = 0.0
        for k in gamma.indices { s += gamma[k] / gamma[0]; partial[k] = s }
        for (k, value) in [(100, 34.04), (1000, 211.38), (10_000, 1330.60)] {
            #expect(abs(partial[k] - value) <= 0.01, "K = \(k): \(partial[k])")
        }
        let ks = Array(stride(from: 1000, through: 10_000, by: 100))
        let slope = foundationLeastSquaresSlope(ks.map { Double.log(Double($0)) }, ks.map { Double.log(partial[$0]) })
        #expect(abs(slope - 0.8) <= 0.02, "slope \(slope)")
        let ar = try Autocovariance.arma(ar: [0.9], ma: [], lags: 10_000)
        var arPartial = [Double](repeating: 0, count: ar.count)
        s = 0
        for k in ar.indices { s += ar[k] / ar[0]; arPartial[k] = s }
        #expect(abs(arPartial[10_000] - 10) <= 1e-9)
        let arSlope = foundationLeastSquaresSlope(
            ks.map { Double.log(Double($0)) }, ks.map { Double.log(arPartial[$0]) })
        #expect(arSlope < 0.05, "AR(1) slope \(arSlope)")
    }

    // MARK: ARMA

    /// Brockwell–Davis (3.3.8–3.3.9) vs statsmodels 0.15.0 `arma_acovf` (lags 0–10; statsmodels takes the lag
    /// polynomials, ar = [1, −φ₁, …], ma = [1, θ₁, …]; literals and script in
    /// scripts/reference/longmemory_references.py). rel 1e-12 (abs 1e-14 for the exact zeros of the MA(2) tail).
    @Test func armaMatchesStatsmodels() throws {
        let cases: [([Double], [Double], Double, [Double])] = [
            (
                [0.5, -0.3], [0.4], 1.0,
                [
                    1.8928571428571428, 1.0357142857142858, -0.050000000000000044, -0.33571428571428574,
                    -0.15285714285714286,
                    0.024285714285714285, 0.057999999999999996, 0.021714285714285714, -0.006542857142857142,
                    -0.009785714285714285, -0.00293,
                ]
            ),
            (
                [0.6, 0.2, -0.3], [-0.5, 0.25], 2.5,
                [
                    3.2410801564027363, 0.42155425219941306, 1.399682306940371, -0.04820381231671563,
                    0.12454789833822091,
                    -0.35481671554252187, -0.17351930596285425, -0.2124392961876832, -0.0557224242424242,
                    -0.023865521994134886, 0.038267990811339185,
                ]
            ),
            (
                [0.9], [], 1.0,
                [
                    5.263157894736843, 4.736842105263159, 4.263157894736843, 3.836842105263159, 3.4531578947368433,
                    3.107842105263159, 2.797057894736843, 2.517352105263159, 2.265616894736843, 2.0390552052631588,
                    1.835149684736843,
                ]
            ),
            ([], [0.7, -0.2], 1.3, [1.989, 0.728, -0.26, 0, 0, 0, 0, 0, 0, 0, 0]),
        ]
        for (phi, theta, sigma2, expected) in cases {
            let ours = try Autocovariance.arma(ar: phi, ma: theta, sigma2: sigma2, lags: 10)
            for k in 0...10 {
                let ok =
                    expected[k] == 0
                    ? abs(ours[k]) <= 1e-14
                    : TestSupport.relativeError(ours[k], expected[k]) <= 1e-12
                #expect(ok, "phi=\(phi) theta=\(theta) lag \(k): \(ours[k]) vs \(expected[k])")
            }
        }
        // A trailing zero AR coefficient is harmless; a unit root is refused.
        #expect(
            try Autocovariance.arma(ar: [0.9, 0], ma: [], lags: 3) == Autocovariance.arma(ar: [0.9], ma: [], lags: 3))
        #expect(throws: LongMemoryError.self) { try Autocovariance.arma(ar: [1], ma: [], lags: 3) }
        #expect(throws: LongMemoryError.self) { try Autocovariance.arma(ar: [0.5], ma: [], sigma2: 0, lags: 3) }
    }

    // MARK: ARFIMA(p, d, q)

    static let models: [ARFIMAModel] = [
        ARFIMAModel(d: 0.3, ar: [0.5, -0.6], ma: [0.4], sigma2: 1),  // complex AR roots
        ARFIMAModel(d: -0.25, ar: [0.7], ma: [-0.3, 0.2], sigma2: 1),
        ARFIMAModel(d: 0.45, ar: [0.95], ma: [], sigma2: 2),  // root near the unit circle
        ARFIMAModel(d: 0.2, ar: [0.3, 0.2, -0.4], ma: [0.6, -0.3, 0.1], sigma2: 0.5),  // a real and a complex pair
        ARFIMAModel(d: -0.45, ar: [-0.8, -0.5], ma: [], sigma2: 1),  // complex, negative real part
        ARFIMAModel(d: 0.1, ar: [1.2, -0.9, 0.3, -0.2], ma: [0.5], sigma2: 1),  // two complex pairs
    ]

    /// LM13: Sowell/Doornik–Ooms equals the convolution method, complex AR roots included (rel 1e-8 per lag, lags
    /// 0…100; formula).
    @Test(arguments: models)
    func lm13SowellEqualsConvolution(model: ARFIMAModel) throws {
        let sowell = try Autocovariance.arfima(model, lags: 100, method: .sowell)
        let convolution = try Autocovariance.arfima(model, lags: 100, method: .convolution)
        let worst = worstRelative(sowell, convolution)
        #expect(worst <= 1e-8, "\(model): worst relative difference \(worst)")
        // The default is Sowell.
        #expect(try Autocovariance.arfima(model, lags: 100) == sowell)
    }

    /// Sowell against an independent high-precision value: γ(h) = 2∫_0^π cos(hλ) f(λ) dλ by mpmath quadrature at 30
    /// digits (scripts/reference/longmemory_references.py), rel 1e-11.
    @Test func sowellMatchesQuadrature() throws {
        let cases: [(ARFIMAModel, [Double])] = [
            (
                ARFIMAModel(d: 0.3, ar: [0.5, -0.6], ma: [0.4]),
                [
                    3.12091160322865155, 1.82465914981199947, -0.105639704391054695, 1.05458512357382329,
                    0.289840565602366749,
                ]
            ),
            (
                ARFIMAModel(d: -0.25, ar: [0.7], ma: [-0.3, 0.2]),
                [
                    1.1376034749771598, 0.2496601585366841, 0.332566122481951791, -0.000311144346760589444,
                    -0.0216903761302672162,
                ]
            ),
        ]
        let lags = [0, 1, 2, 5, 20]
        for (model, expected) in cases {
            let gamma = try Autocovariance.arfima(model, lags: 20)
            for (h, value) in zip(lags, expected) {
                #expect(
                    TestSupport.relativeError(gamma[h], value) <= 1e-11, "\(model) lag \(h): \(gamma[h]) vs \(value)")
            }
        }
    }

    /// p = 0 (exact ψ-sum) is the limit of a negligible AR part (ρ = 1e-10: Sowell's ζ = O(1/ρ) times a bracket
    /// O(ρ), computed without cancellation) by both methods; d = 0 gives the ARMA autocovariance; tiny d is
    /// continuous.
    @Test func specialCases() throws {
        let ma = ARFIMAModel(d: 0.35, ma: [0.6, -0.2])
        let exact = try Autocovariance.arfima(ma, lags: 50)
        let tinyAR = ARFIMAModel(d: 0.35, ar: [1e-10], ma: [0.6, -0.2])
        #expect(worstRelative(try Autocovariance.arfima(tinyAR, lags: 50, method: .sowell), exact) <= 1e-8)
        #expect(worstRelative(try Autocovariance.arfima(tinyAR, lags: 50, method: .convolution), exact) <= 1e-8)
        let arma = try Autocovariance.arma(ar: [0.5, -0.6], ma: [0.4], lags: 30)
        #expect(try Autocovariance.arfima(ARFIMAModel(d: 0, ar: [0.5, -0.6], ma: [0.4]), lags: 30) == arma)
        let nearZero = try Autocovariance.arfima(ARFIMAModel(d: 1e-9, ar: [0.5, -0.6], ma: [0.4]), lags: 30)
        #expect(TestSupport.maxRelativeError(nearZero, arma) <= 1e-7)
    }

    /// Repeated and nearly repeated AR roots: Sowell's ζ_j blow up, so the default falls back to the convolution;
    /// the result equals the convolution exactly and stays close to a slightly separated model.
    @Test func repeatedRootsFallBack() throws {
        // (1 − 0.6z)² = 1 − 1.2z + 0.36z²: a double root.
        let double = ARFIMAModel(d: 0.3, ar: [1.2, -0.36])
        let a = try Autocovariance.arfima(double, lags: 60)
        let b = try Autocovariance.arfima(double, lags: 60, method: .convolution)
        #expect(a == b)
        // (1 − 0.6z)(1 − 0.59z): separated by 0.01 > the threshold, so Sowell proper; differs by O(0.01).
        let separated = ARFIMAModel(d: 0.3, ar: [1.19, -0.354])
        let c = try Autocovariance.arfima(separated, lags: 60)
        let cc = try Autocovariance.arfima(separated, lags: 60, method: .convolution)
        #expect(worstRelative(c, cc) <= 1e-8)
        #expect(TestSupport.maxRelativeError(c, a) < 0.1)
        // Triple root (1 − 0.5z)³.
        let triple = ARFIMAModel(d: -0.2, ar: [1.5, -0.75, 0.125])
        let t = try Autocovariance.arfima(triple, lags: 40)
        #expect(t.allSatisfy { $0.isFinite })
        #expect(t == (try Autocovariance.arfima(triple, lags: 40, method: .convolution)))
    }

    /// AR roots (companion eigenvalues + guarded Newton polish): (1 − z/2)(1 − z/3)(1 + z/4) = 1 − (7/12)z − (1/24)z²
    /// + (1/24)z³, i.e. φ = (7/12, 1/24, −1/24), has roots 2, 3, −4 (abs 1e-13); a triple root (1 − z/2)³ is found to
    /// ≈ ε^{1/3} and the model still validates.
    @Test func polynomialRoots() throws {
        let roots = try Polynomials.roots(oneMinus: [7.0 / 12, 1.0 / 24, -1.0 / 24])
        let sorted = roots.sorted { $0.real < $1.real }
        #expect(sorted.count == 3)
        for (z, expected) in zip(sorted, [-4.0, 2, 3]) {
            #expect((z - Complex(expected, 0)).length <= 1e-13, "\(z) vs \(expected)")
        }
        let triple = try Polynomials.roots(oneMinus: [1.5, -0.75, 0.125])
        #expect(triple.allSatisfy { ($0 - Complex(2, 0)).length <= 1e-4 }, "\(triple)")
        try ARFIMAModel(d: 0.2, ar: [1.5, -0.75, 0.125]).validate()
        #expect(try Polynomials.smallestRootModulus(onePlus: [0.5]) == 2)
    }

    /// Invalid models are refused with a named argument.
    @Test func validation() {
        #expect(throws: LongMemoryError.self) { try Autocovariance.arfima(ARFIMAModel(d: 0.5), lags: 3) }
        #expect(throws: LongMemoryError.self) { try Autocovariance.arfima(ARFIMAModel(d: 0.2, ar: [1.1]), lags: 3) }
        #expect(throws: LongMemoryError.self) { try Autocovariance.arfima(ARFIMAModel(d: 0.2), lags: -1) }
        #expect(throws: LongMemoryError.self) { try Autocovariance.fractionalNoise(d: -0.5, lags: 3) }
    }

    // MARK: Durbin–Levinson for FI(d)

    /// LM14: FI(d) partial autocorrelations φ_kk = d/(k − d), and Hosking's (1981) closed form
    /// φ_kj = φ_{k−1,j}·k(k − j − d)/((k − d)(k − j)) equals the generic recursion (abs 1e-12; formula).
    @Test(arguments: [0.4, -0.3, 0.45])
    func lm14FractionalNoisePACF(d: Double) throws {
        let order = 60
        let gamma = try Autocovariance.fractionalNoise(d: d, lags: order)
        let pacf = try DurbinLevinson.partialAutocorrelations(acvf: gamma).pacf
        for k in 1...order {
            #expect(abs(pacf[k - 1] - d / (Double(k) - d)) <= 1e-12, "k = \(k)")
        }
        // Closed form, order by order.
        var phi = [Double](repeating: 0, count: order + 1)  // phi[j] = φ_{k,j}
        for k in 1...order {
            let kk = Double(k)
            for j in 1..<k { phi[j] *= kk * (kk - Double(j) - d) / ((kk - d) * (kk - Double(j))) }
            phi[k] = d / (kk - d)
        }
        let generic = try DurbinLevinson.predictorCoefficients(acvf: gamma).coefficients
        #expect(TestSupport.maxAbsError(Array(phi[1...order]), generic) <= 1e-12)
    }

    // MARK: fGn

    /// fGn autocovariance vs the exact second difference evaluated by mpmath at 50 digits
    /// (scripts/reference/longmemory_references.py), rel 1e-13 at lags up to 10⁶ — including H = 0.99, where the
    /// double-precision second difference loses ≈ 12 digits at lag 10⁶.
    @Test func fgnMatchesHighPrecision() throws {
        let lags = [1, 2, 10, 63, 64, 65, 100, 1000, 10_000, 1_000_000]
        let references: [(Double, [Double])] = [
            (
                0.99,
                [
                    0.97246540898671834581, 0.95727241780783356967, 0.92654959017796791814, 0.89304767742477621952,
                    0.89276642918743859566, 0.89248962844767516451, 0.88483306676775829338, 0.84500887641190481408,
                    0.80697721073753002279, 0.7359719632933153436,
                ]
            ),
            (
                0.3,
                [
                    -0.24214171674480095883, -0.049125544044516706585, -0.004790729565746430923,
                    -0.00036319103313928653157, -0.00035527035763215448303, -0.00034764127241932512913,
                    -0.00019019250860202870123, -7.571490253780053629e-6, -3.0142637262514345853e-7,
                    -4.7772860466433046493e-10,
                ]
            ),
            (
                0.75,
                [
                    0.4142135623730950488, 0.26964908660712584269, 0.11865974527090585014, 0.047246303158520005431,
                    0.046875715306674504318, 0.046513713580964491346, 0.03750023438183623964, 0.011858541966790465268,
                    0.0037500000023437500068, 0.0003750000000000234375,
                ]
            ),
        ]
        for (h, expected) in references {
            let gamma = try Autocovariance.fractionalGaussianNoise(hurst: h, lags: 1_000_000)
            #expect(gamma[0] == 1)
            for (k, value) in zip(lags, expected) {
                #expect(
                    TestSupport.relativeError(gamma[k], value) <= 1e-13, "H = \(h), lag \(k): \(gamma[k]) vs \(value)")
            }
        }
        let white = try Autocovariance.fractionalGaussianNoise(hurst: 0.5, sigma2: 2, lags: 5)
        #expect(white == [2, 0, 0, 0, 0, 0])
    }
}
