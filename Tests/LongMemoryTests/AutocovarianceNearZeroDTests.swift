import Testing
import _TestSupport
import LongMemory

/// ARFIMA(p, d, q) autocovariances for d within rounding of 0 with AR terms: Sowell's ₂F₁(d − h, 1; 1 − d − h; ρ)
/// sits next to a pole there, so `arfima` switches to the splitting method. The result must be finite and
/// continuous in d, converging to the ARMA autocovariance (closed form for AR(1): γ(h) = φ^h/(1 − φ²)).
@Suite("ARFIMA autocovariance near d = 0")
struct AutocovarianceNearZeroDTests {
    @Test(arguments: [1e-17, -1e-17, 1e-9, 5e-7])
    func nearZeroD(d: Double) throws {
        let phi = 0.6
        let gamma = try Autocovariance.arfima(ARFIMAModel(d: d, ar: [phi]), lags: 20)
        for h in 0...20 {
            let exact = Double.pow(phi, Double(h)) / (1 - phi * phi)
            // |∂γ/∂d| is O(1) here, so the difference from d = 0 is of order |d| (plus rounding).
            #expect(abs(gamma[h] - exact) <= 50 * abs(d) + 1e-12 * exact, "h = \(h): \(gamma[h]) vs \(exact)")
        }
    }

    @Test("continuity across the switch at |d| = 1e-6 (Sowell just above, splitting just below)")
    func continuityAtSwitch() throws {
        let model = { (d: Double) in ARFIMAModel(d: d, ar: [0.5, -0.3], ma: [0.4]) }
        let below = try Autocovariance.arfima(model(0.99e-6), lags: 50)
        let above = try Autocovariance.arfima(model(1.01e-6), lags: 50)
        #expect(TestSupport.maxRelativeError(below, above) < 1e-7)
    }
}
