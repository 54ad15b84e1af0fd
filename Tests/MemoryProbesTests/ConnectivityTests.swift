import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Madsen (2019, Distill): conn(t, τ) = ‖∂z_t/∂x_τ‖, magnitude and squared norm.
@Suite("Connectivity")
struct ConnectivityTests {
    /// Central finite differences of the outputs (step 1e-6·max(1, |x|)) against the exact connectivity of an LSTM
    /// (d_in = 2, d_out = 3, T = 12, B = 2) for all outputs (Frobenius) and for Madsen's per-step selection:
    /// relative error ≤ 1e-6 of the largest entry, zero above the diagonal (causality).
    @Test func againstFiniteDifferences() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 5, outputSize: 3, seed: 7)
        let x = try ProbeInput.gaussian.sample(steps: 12, batchSize: 2, features: 2, seed: 8)
        let T = 12, B = 2, d = 2, q = 3
        var perStep = [Int]()
        for t in 0..<T { for b in 0..<B { perStep.append((t + 2 * b) % q) } }
        // J[b][t][τ] = ∂y_t/∂x_τ (q × d) by central differences.
        var jac = [[[[Double]]]](
            repeating: [[[Double]]](
                repeating: [[Double]](repeating: [Double](repeating: 0, count: q * d), count: T), count: T), count: B)
        for tau in 0..<T {
            for f in 0..<d {
                var xp = x, xm = x
                for b in 0..<B {
                    let i = f + d * (b + B * tau)
                    let h = 1e-6 * max(1, abs(x.values[i]))
                    var vp = xp.values, vm = xm.values
                    vp[i] += h
                    vm[i] -= h
                    xp = try SequenceBatch(steps: T, batchSize: B, features: d, values: vp)
                    xm = try SequenceBatch(steps: T, batchSize: B, features: d, values: vm)
                }
                let yp = try model.outputs(xp), ym = try model.outputs(xm)
                for b in 0..<B {
                    let h = 1e-6 * max(1, abs(x.values[f + d * (b + B * tau)]))
                    for t in 0..<T {
                        for o in 0..<q {
                            let i = o + q * (b + B * t)
                            jac[b][t][tau][o + q * f] = (yp.values[i] - ym.values[i]) / (2 * h)
                        }
                    }
                }
            }
        }
        let all = try Connectivity.compute(model: model, inputs: x, outputs: .all)
        let madsen = try Connectivity.compute(model: model, inputs: x, outputs: .perStep(perStep))
        for b in 0..<B {
            var expectedAll = [Double](), expectedMadsen = [Double](), gotAll = [Double](), gotMadsen = [Double]()
            for t in 0..<T {
                for tau in 0..<T {
                    let j = jac[b][t][tau]
                    let c = perStep[b + B * t]
                    expectedAll.append(tau <= t ? j.reduce(0) { $0 + $1 * $1 } : 0)
                    expectedMadsen.append(tau <= t ? (0..<d).reduce(0) { $0 + j[c + q * $1] * j[c + q * $1] } : 0)
                    gotAll.append(all.squaredNorms[b][t, tau])
                    gotMadsen.append(madsen.squaredNorms[b][t, tau])
                }
            }
            #expect(TestSupport.maxRelativeError(gotAll, expectedAll) < 1e-6)
            #expect(TestSupport.maxRelativeError(gotMadsen, expectedMadsen) < 1e-6)
            // Causality: nothing above the diagonal; the finite differences agree there too.
            for t in 0..<T { for tau in (t + 1)..<T where tau < T { #expect(all.squaredNorms[b][t, tau] == 0) } }
            // The magnitude is the square root of the published code's squared norm.
            let m = try all.magnitude(sequence: b)
            for i in m.elements.indices { #expect(m.elements[i] == all.squaredNorms[b].elements[i].squareRoot()) }
        }
    }

    /// A linear network h_t = Ah_{t−1} + Bx_t, y_t = Ch_t: conn(t, τ) = ‖CA^{t−τ}B‖ exactly (to 1e-12), so the
    /// profile is ‖CA^ℓB‖ at every t, and the shares at lags ≥ 5, 10, 20 follow from it.
    @Test func linearNetworkClosedForm() throws {
        let model = try ProbeFixtures.linearNetwork(4, radius: 0.8, seed: 3)
        let a = try model.recurrentMatrix(layer: 0)
        let b = try Matrix(
            rows: 4, columns: 1, columnMajor: model.parameterValues(of: try model.parameterGroup(named: "layer0.B")))
        let c = try Matrix(
            rows: 1, columns: 4, columnMajor: model.parameterValues(of: try model.parameterGroup(named: "readout.C")))
        let T = 30
        let conn = try Connectivity.compute(model: model, inputs: try ProbeInput.gaussian.sample(steps: T, seed: 1))
        var power = Matrix.identity(4), expected = [Double]()
        for _ in 0..<T {
            expected.append((c * power * b).frobeniusNorm)
            power = a * power
        }
        #expect(TestSupport.maxRelativeError(conn.profile(norm: .magnitude), expected) < 1e-12)
        #expect(TestSupport.maxRelativeError(conn.profile(norm: .squared), expected.map { $0 * $0 }) < 1e-12)
        for lag in [5, 10, 20] {
            let far = (lag..<T).reduce(0.0) { $0 + Double(T - $1) * expected[$1] }
            let total = (0..<T).reduce(0.0) { $0 + Double(T - $1) * expected[$1] }
            #expect(abs(try conn.share(atLagAtLeast: lag) - far / total) < 1e-12)
        }
        #expect(try conn.share(atLagAtLeast: 0) == 1)
        #expect(
            throws: MemoryProbeError.invalidArgument(
                argument: "lag", message: "must lie in 0..<30 (the sequence length), got 30")
        ) {
            try conn.share(atLagAtLeast: 30)
        }
    }

    @Test func badSelections() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 2, seed: 1)
        let x = try ProbeInput.gaussian.sample(steps: 5, seed: 1)
        #expect(throws: MemoryProbeError.invalidArgument(argument: "output", message: "2 not in 0..<2")) {
            try Connectivity.compute(model: model, inputs: x, outputs: .output(2))
        }
        #expect(throws: MemoryProbeError.self) {
            try Connectivity.compute(model: model, inputs: x, outputs: .perStep([0, 1]))
        }
    }
}
