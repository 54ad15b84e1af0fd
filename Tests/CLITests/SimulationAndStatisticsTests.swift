import Foundation
import Testing
import _TestSupport

@Suite("rnnmem simulate, acvf, acf, periodogram")
struct SimulationAndStatisticsTests {
    @Test("simulate: same seed ⇒ same bytes; another seed or method ⇒ different values")
    func reproducible() throws {
        let args = ["simulate", "arfima", "--d", "0.4", "--length", "512", "--seed", "7"]
        let a = try CLI.run(args)
        let b = try CLI.run(args)
        CLI.expectSuccess(a)
        #expect(a.stdout == b.stdout)
        #expect(CLI.lines(a.stdout).count == 512)
        let c = try CLI.run(["simulate", "arfima", "--d", "0.4", "--length", "512", "--seed", "8"])
        #expect(c.stdout != a.stdout)
        let dl = try CLI.run(args + ["--method", "durbin-levinson"])
        CLI.expectSuccess(dl)
        #expect(CLI.lines(dl.stdout).count == 512)
        #expect(dl.stdout != a.stdout)
        let f1 = try CLI.run(["simulate", "fgn", "--hurst", "0.8", "--length", "300", "--seed", "1"])
        let f2 = try CLI.run(["simulate", "fgn", "--hurst", "0.8", "--length", "300", "--seed", "1"])
        CLI.expectSuccess(f1)
        #expect(f1.stdout == f2.stdout)
        #expect(CLI.lines(f1.stdout).count == 300)
    }

    /// fGn with H = ½ is white noise with variance σ²; the sample variance of n = 4096 draws has standard error
    /// ≈ σ²√(2/n) = 0.022σ², so |s²/σ² − 1| < 0.09 is a 4-s.e. bound (fixed seed). It fails if --sigma were taken
    /// as a variance (s² would be σ² = 2 instead of 4).
    @Test("simulate fgn --hurst 0.5 --sigma 2: sample variance ≈ 4 (4 s.e.)")
    func whiteNoiseScale() throws {
        let r = try CLI.run(["simulate", "fgn", "--hurst", "0.5", "--sigma", "2", "--length", "4096", "--seed", "11"])
        CLI.expectSuccess(r)
        let x = CLI.numbers(r.stdout)
        #expect(x.count == 4096)
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
        #expect(abs(variance / 4 - 1) < 0.09)
        #expect(abs(mean) < 4 * 2 / 64)  // s.e. of the mean σ/√n = 2/64
    }

    @Test("simulate arfima: a circulant with a negative eigenvalue is a clear error; Durbin–Levinson works")
    func circulantNotPositive() throws {
        // MA(2) θ = (1.5, 0.9), d = 0: γ = (4.06, 2.85, 0.9); the 4-point circulant (γ0, γ1, γ2, γ1) has the
        // eigenvalue γ0 − 2γ1 + γ2 = −0.74 < 0 (formula), while the 3 × 3 Toeplitz matrix is positive definite.
        let args = ["simulate", "arfima", "--d", "0", "--ma", "1.5,0.9", "--length", "3", "--seed", "1"]
        CLI.expectError(try CLI.run(args), "negative eigenvalue", "Durbin–Levinson")
        let dl = try CLI.run(args + ["--method", "durbin-levinson"])
        CLI.expectSuccess(dl)
        #expect(CLI.numbers(dl.stdout).count == 3)
    }

    /// Hosking (1981): γ(0) = σ²Γ(1 − 2d)/Γ(1 − d)² = 2.0700983 for d = 0.4 (Biometrika 68(1):165–176), ρ(k) = Π (i − 1 + d)/(i − d).
    @Test("acvf --d 0.4: γ(0) = 2.0700983, ρ(1) = d/(1−d), ρ(2) = ρ(1)(1+d)/(2−d); σ² scales it")
    func acvfFractionalNoise() throws {
        let r = try CLI.run(["acvf", "--d", "0.4", "--lags", "3"])
        CLI.expectSuccess(r)
        let g = CLI.numbers(r.stdout)
        #expect(g.count == 4)
        #expect(abs(g[0] - 2.0700983) < 1e-7)
        let rho1 = 0.4 / 0.6
        let rho2 = rho1 * 1.4 / 1.6
        let rho3 = rho2 * 2.4 / 2.6
        #expect(CLI.maxAbsError(g.map { $0 / g[0] }, [1, rho1, rho2, rho3]) < 1e-12)
        let scaled = CLI.numbers(try CLI.run(["acvf", "--d", "0.4", "--lags", "3", "--sigma", "3"]).stdout)
        #expect(CLI.maxAbsError(scaled, g.map { 9 * $0 }) < 1e-12)
    }

    @Test("acvf with an MA(1) term equals (1 + θ²)γ_FI(h) + θ(γ_FI(h−1) + γ_FI(h+1)) (formula)")
    func acvfMA() throws {
        let fi = CLI.numbers(try CLI.run(["acvf", "--d", "0.3", "--lags", "6"]).stdout)
        let r = try CLI.run(["acvf", "--d", "0.3", "--ma", "0.5", "--lags", "5"])
        CLI.expectSuccess(r)
        let g = CLI.numbers(r.stdout)
        var expected: [Double] = []
        for h in 0...5 {
            let neighbours: Double = fi[abs(h - 1)] + fi[h + 1]
            expected.append(1.25 * fi[h] + 0.5 * neighbours)
        }
        #expect(CLI.maxAbsError(g, expected) < 1e-12)
    }

    @Test("acvf with AR(1), d = 0: γ(h) = φ^h/(1 − φ²) (Brockwell & Davis 1991, ex. 3.3.1)")
    func acvfAR() throws {
        let r = try CLI.run(["acvf", "--d", "0", "--ar", "0.5", "--lags", "4"])
        CLI.expectSuccess(r)
        let expected = (0...4).map { Double.pow(0.5, Double($0)) / 0.75 }
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), expected) < 1e-10)
    }

    /// x = (1, 2, 4, 7, 0), x̄ = 2.8: n·γ̂ = (30.8, −6.24, −8.88, −5.32, 5.04) by hand; Σ_{k≥1} ρ̂(k) = −½ (an identity of the demeaned
    /// sample ACF with divisor n: Σ_{k=−(n−1)}^{n−1} n·γ̂(k) = (Σ_t (x_t − x̄))² = 0).
    @Test("acf of (1,2,4,7,0): ρ̂ = (1, −6.24, −8.88, −5.32, 5.04)/30.8 and Σ_(k≥1) ρ̂(k) = −1/2")
    func sampleACF() throws {
        let dir = try CLI.folder(["x.csv": "1\n2\n4\n7\n0\n"])
        let r = try CLI.run(["acf", "x.csv", "--lags", "4"], in: dir)
        CLI.expectSuccess(r)
        let rho = CLI.numbers(r.stdout)
        #expect(CLI.maxAbsError(rho, [30.8, -6.24, -8.88, -5.32, 5.04].map { $0 / 30.8 }) < 1e-12)
        #expect(abs(rho.dropFirst().reduce(0, +) + 0.5) < 1e-12)
    }

    @Test("acf of the Nile minima reads the default column min_level (ρ̂(1) > 0.5: long memory series)")
    func nileACF() throws {
        let r = try CLI.run(["acf", "data/nile_min_622_1284.csv", "--lags", "10"], in: TestSupport.packageRoot)
        CLI.expectSuccess(r)
        let rho = CLI.numbers(r.stdout)
        #expect(rho.count == 11)
        #expect(rho.first == 1)
        #expect(rho[1] > 0.5 && rho[1] < 1)
    }

    /// I(λ_j) = |Σ_{t=1}^{n} x_t e^{−iλ_j t}|²/(2πn), λ_j = 2πj/n, j = 1 … ⌊n/2⌋ (the scale of the spectral density
    /// f with γ(k) = ∫ e^{iλk} f(λ) dλ over (−π, π]), by a direct sum.
    @Test("periodogram of (1,2,4,7,0): CSV header, λ_j = 2πj/5 and I(λ_j) by the direct DFT")
    func periodogram() throws {
        let x = [1.0, 2, 4, 7, 0]
        let dir = try CLI.folder(["x.csv": "1\n2\n4\n7\n0\n"])
        let r = try CLI.run(["periodogram", "x.csv"], in: dir)
        CLI.expectSuccess(r)
        let lines = CLI.lines(r.stdout)
        #expect(lines.first == "frequency,periodogram")
        #expect(lines.count == 3)
        for (j, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",").compactMap { Double($0) }
            #expect(cells.count == 2)
            let lambda = 2 * Double.pi * Double(j + 1) / 5
            var re = 0.0
            var im = 0.0
            for (t, v) in x.enumerated() {
                re += v * Double.cos(lambda * Double(t + 1))
                im -= v * Double.sin(lambda * Double(t + 1))
            }
            let expected = (re * re + im * im) / (2 * Double.pi * 5)
            #expect(abs(cells[0] - lambda) < 1e-15)
            #expect(abs(cells[1] - expected) < 1e-12 * expected)
        }
    }

    @Test("columns prints the validated numeric columns as CSV (default: all numeric, text columns skipped)")
    func columnsCommand() throws {
        let csv = "date,open,close\n2020-01-02,1.5,2\n2020-01-03,2.5,3\n"
        let dir = try CLI.folder(["t.csv": csv])
        let r = try CLI.run(["columns", "t.csv"], in: dir)
        CLI.expectSuccess(r)
        #expect(r.stdout == "open,close\n1.5,2.0\n2.5,3.0\n")
        let picked = try CLI.run(["columns", "t.csv", "--columns", "close,2"], in: dir)
        #expect(picked.stdout == "close,open\n2.0,1.5\n3.0,2.5\n")
        let semicolons = try CLI.run(["columns", "-"], stdin: "a;b\n1;2\n3;4\n")
        #expect(semicolons.stdout == "a,b\n1.0,2.0\n3.0,4.0\n")
        let tabs = try CLI.run(["columns", "-"], stdin: "a\tb\n1\t2\n")
        #expect(tabs.stdout == "a,b\n1.0,2.0\n")
        let quoted = try CLI.run(["columns", "-"], stdin: "\"\",\"x\"\n\"1\",5\n\"2\",6\n")
        #expect(quoted.stdout == ",x\n1.0,5.0\n2.0,6.0\n")
        let comments = try CLI.run(["columns", "-"], stdin: "# a comment\n\nx\r\n1\r\n\n2\r\n")
        #expect(comments.stdout == "x\n1.0\n2.0\n")
    }
}
