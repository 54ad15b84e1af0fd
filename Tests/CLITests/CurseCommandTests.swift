import Foundation
import Testing
import _TestSupport

/// `rnnmem curse …`: values against the closed forms of the CurseOfMemory module, JSON keys, figures, arrays,
/// determinism and bad input.
@Suite("curse commands")
struct CurseCommandTests {
    static func number(_ o: [String: Any], _ key: String) -> Double? { (o[key] as? NSNumber)?.doubleValue }

    @Test("sensitivity: E[(d_λh)²] at λ = 0.9, ρ = 0.5 is 778.1174279074 (Z1); JSON keys in order; no NaN")
    func sensitivityClosedForm() throws {
        let r = try CLI.run(["curse", "sensitivity", "--lambda", "0.9", "--rho", "0.5"])
        CLI.expectSuccess(r)
        #expect(CLI.lines(r.stdout)[1] == "closed form 778.1174279073525")
        let j = try CLI.run(["curse", "sensitivity", "--lambda", "0.9", "--rho", "0.5", "--json"])
        CLI.expectSuccess(j)
        #expect(
            JSONTests.keys(j.stdout) == [
                "quantity", "description", "lambda", "theta", "acf", "parametrization",
                "normalized", "closed_form", "asymptotic",
            ])
        let o = try JSONTests.object(j.stdout)
        #expect(TestSupport.relativeError(Self.number(o, "closed_form") ?? 0, 778.1174279074) < 1e-12)
        let a = try #require(o["asymptotic"] as? [String: Any])
        #expect(Self.number(a, "order") == 3 && Self.number(a, "coefficient").map { abs($0 - 0.75) < 1e-12 } == true)
    }

    @Test(
        "sensitivity --monte-carlo: monte_carlo {estimate, standard_error, z} within 4 standard errors; same seed ⇒ same bytes"
    )
    func sensitivityMonteCarlo() throws {
        let args = [
            "curse", "sensitivity", "--lambda", "0.95", "--theta", "0.4", "--rho", "0.3", "--param", "exp",
            "--normalized", "--quantity", "second", "--monte-carlo", "--chains", "1000", "--samples", "8",
            "--spacing", "20", "--seed", "3", "--json",
        ]
        let r = try CLI.run(args)
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        #expect(Array(JSONTests.keys(r.stdout).suffix(4)) == ["monte_carlo", "chains", "burn_in", "seed"])
        let mc = try #require(o["monte_carlo"] as? [String: Any])
        #expect(Set(mc.keys) == ["estimate", "standard_error", "z"])
        let z = try #require(Self.number(mc, "z"))
        #expect(abs(z) < 4, "z = \(z)")
        let closed = try #require(Self.number(o, "closed_form"))
        #expect(abs((Self.number(mc, "estimate") ?? 0) / closed - 1) < 0.1)
        #expect(try CLI.run(args).stdout == r.stdout)
    }

    @Test(
        "sensitivity --limit: infinite with order 4 at ρ = 1 (Z4), order 3 with (1 + ρ)/(4(1 − ρ)) at ρ = 0.5; exp ω_ν entry → ¼ (Z5); never NaN"
    )
    func limits() throws {
        let r = try CLI.run(["curse", "sensitivity", "--rho", "1", "--limit", "--json"])
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        #expect(o["closed_form"] as? String == "infinite")
        #expect(o["lambda"] is NSNull)
        let a = try #require(o["asymptotic"] as? [String: Any])
        #expect(Self.number(a, "order") == 4 && Self.number(a, "coefficient") == 1)
        let plain = try CLI.run(["curse", "sensitivity", "--lambda", "0.5", "--rho", "0.5", "--limit"])
        CLI.expectSuccess(plain)
        #expect(plain.stdout.contains("closed form infinite (~ 0.75·(1 − |λ|)^−3 as |λ| → 1)"))
        let exp = try CLI.run([
            "curse", "sensitivity", "--lambda", "0.3", "--theta", "0", "--param", "exp", "--normalized",
            "--limit", "--json",
        ])
        CLI.expectSuccess(exp)
        #expect(abs((Self.number(try JSONTests.object(exp.stdout), "closed_form") ?? 0) - 0.25) < 1e-12)
        for out in [r.stdout, plain.stdout, exp.stdout] { #expect(!out.lowercased().contains("nan")) }
    }

    @Test(
        "sensitivity --limit at ρ close to 1: order 3 with (1 + ρ)/(4(1 − ρ)) (rel 1e-9), the slow component of an acf kept, normalised exp positive"
    )
    func limitsNearUnitCorrelation() throws {
        func asymptotic(_ arguments: [String]) throws -> (order: Double?, coefficient: Double?) {
            let r = try CLI.run(["curse", "sensitivity"] + arguments + ["--json"])
            CLI.expectSuccess(r)
            let a = try #require(try JSONTests.object(r.stdout)["asymptotic"] as? [String: Any])
            return (Self.number(a, "order"), Self.number(a, "coefficient"))
        }
        for rho in [0.9999, 0.99999, 0.999999] {
            let expected = (1 + rho) / (4 * (1 - rho))
            let limit = try asymptotic(["--limit", "--rho", "\(rho)"])
            #expect(limit.order == 3 && TestSupport.relativeError(limit.coefficient ?? 0, expected) < 1e-9)
            // The "as |λ| → 1" of an ordinary evaluation.
            let at = try asymptotic(["--lambda", "0.9", "--rho", "\(rho)"])
            #expect(at.order == 3 && TestSupport.relativeError(at.coefficient ?? 0, expected) < 1e-9)
        }
        let acf = try asymptotic(["--limit", "--acf", "0.5:0.99999,0.5:0"])
        #expect(
            acf.order == 3
                && TestSupport.relativeError(acf.coefficient ?? 0, 0.5 * 1.99999 / (4 * (1 - 0.99999)) + 0.125) < 1e-9)
        let exp = try asymptotic(["--limit", "--rho", "0.9999", "--param", "exp", "--normalized"])
        #expect(exp.order == 0 && TestSupport.relativeError(exp.coefficient ?? 0, 1.9999 / (4 * (1 - 0.9999))) < 1e-9)
    }

    @Test(
        "sensitivity bad input: one-line errors naming the argument, exit 2",
        arguments: [
            (["--lambda", "1"], "--lambda"), (["--lambda", "-1.5"], "--lambda"),
            (["--lambda", "0.5", "--theta", "1", "--lambda", "-0.5"], "--lambda"),
            (["--lambda", "0.5", "--rho", "1.5"], "--rho"), (["--lambda", "0.5", "--rho", "-0.1"], "--rho"),
            (["--lambda", "0.5", "--monte-carlo", "--chains", "-5"], "--chains"),
            (["--lambda", "0.5", "--monte-carlo", "--chains", "1"], "--chains"),
            (["--lambda", "0.5", "--acf", "1:2"], "--acf"), (["--lambda", "0.5", "--acf", "0.3,0.4"], "--acf"),
            (["--lambda", "0.5", "--acf", "1:0.5,"], "--acf"), (["--lambda", "0.5", "--param", "lru"], "--param"),
            (["--lambda", "0.5", "--rho", "0.1", "--acf", "1:0.1"], "--acf"), ([], "--lambda"),
            (["--limit", "--monte-carlo"], "--limit"), (["--lambda", "0.5", "--theta", "nan"], "--theta"),
        ])
    func sensitivityBadInput(_ arguments: [String], _ named: String) throws {
        CLI.expectError(try CLI.run(["curse", "sensitivity"] + arguments), named)
    }

    @Test(
        "sensitivity and gru --save write .npy arrays, --figures the CSV of the curve (ρ = 1: the curve follows (1 − λ)^−4 exactly)"
    )
    func sensitivityFiguresAndArrays() throws {
        let dir = try TestSupport.temporaryDirectory()
        let r = try CLI.run([
            "curse", "sensitivity", "--lambda", "0.9", "--rho", "1", "--save", dir.appendingPathComponent("s").path,
            "--figures", dir.appendingPathComponent("f").path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["closed_form", "curve_one_minus_modulus", "curve_closed_form", "curve_leading_term"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s/\(name).npy").path), "\(name)")
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("f/sensitivity.csv"), encoding: .utf8)
        let rows = CLI.lines(csv).dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(rows.count > 100)
        for row in rows { #expect(TestSupport.relativeError(row[1], row[2]) < 1e-9, "\(row)") }
        let g = try CLI.run(["curse", "gru", "--gate", "0.5", "--save", dir.appendingPathComponent("g").path])
        CLI.expectSuccess(g)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g/curve_gate_sensitivity.npy").path))
    }

    @Test("gru: the closed forms of Z9 (published digits); --engine measures the engine's GRU within 4 standard errors")
    func gru() throws {
        let r = try CLI.run([
            "curse", "gru", "--gate", "0.9", "--engine", "--sequences", "32", "--samples", "1500",
            "--json",
        ])
        CLI.expectSuccess(r)
        #expect(JSONTests.keys(r.stdout) == ["gate", "acf", "closed_form", "engine"])
        let o = try JSONTests.object(r.stdout)
        let c = try #require(o["closed_form"] as? [String: Any])
        #expect(abs((Self.number(c, "gate_sensitivity") ?? 0) - 1.032421) < 5e-7)
        #expect(abs((Self.number(c, "activity") ?? 0) - 0.059346) < 5e-7)
        let e = try #require((o["engine"] as? [String: Any])?["gate_sensitivity"] as? [String: Any])
        #expect(abs(Self.number(e, "z") ?? 99) < 4)
        CLI.expectError(try CLI.run(["curse", "gru", "--gate", "1"]), "--gate")
        CLI.expectError(try CLI.run(["curse", "gru", "--gate", "0.5", "--monte-carlo", "--chains", "-2"]), "--chains")
    }

    @Test(
        "landscape: the normalised polar loss is 0 at the teacher with curvature 1/(1 − ν*²)² (Z6); --save writes .npy, --figures CSV"
    )
    func landscape() throws {
        let dir = try TestSupport.temporaryDirectory()
        let r = try CLI.run([
            "curse", "landscape", "--teachers", "0.5", "--from", "0.3", "--to", "0.7", "--points", "5",
            "--normalized", "--save", dir.appendingPathComponent("arrays").path,
            "--figures", dir.appendingPathComponent("fig").path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = CLI.lines(r.stdout)
        #expect(lines[0] == "teacher_modulus,teacher_phase,nu,omega,loss,curvature")
        let middle = lines[3].split(separator: ",").compactMap { Double($0) }
        #expect(middle[2] == 0.5 && abs(middle[4]) < 1e-15)
        #expect(TestSupport.relativeError(middle[5], 1 / (0.75 * 0.75)) < 1e-10)
        for name in ["loss", "curvature", "nu", "omega", "teacher_moduli"] {
            #expect(
                FileManager.default.fileExists(atPath: dir.appendingPathComponent("arrays/\(name).npy").path), "\(name)"
            )
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("fig/landscape-modulus.csv").path))
        let grid = try CLI.run([
            "curse", "landscape", "--direction", "grid", "--points", "3", "--adam-steps", "50", "--json",
        ])
        CLI.expectSuccess(grid)
        let o = try JSONTests.object(grid.stdout)
        #expect(((o["paths"] as? [Any])?.count) == 3)
        CLI.expectError(try CLI.run(["curse", "landscape", "--teachers", "0.5,1.2"]), "--teachers")
        CLI.expectError(try CLI.run(["curse", "landscape", "--from", "0.9", "--to", "0.5"]), "--from")
        CLI.expectError(try CLI.run(["curse", "landscape", "--param", "cartesian"]), "--param")
    }

    @Test(
        "hessian: Gauss–Newton identity at zero loss for both networks, the same function (Z7); --save writes the Hessians"
    )
    func hessian() throws {
        let dir = try TestSupport.temporaryDirectory()
        let r = try CLI.run(["curse", "hessian", "--length", "60", "--batch", "4", "--json", "--save", dir.path])
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        #expect((Self.number(o, "output_mismatch") ?? 1) < 1e-10)
        for key in ["dense", "diagonal"] {
            let a = try #require(o[key] as? [String: Any])
            #expect((Self.number(a, "gauss_newton_mismatch") ?? 1) < 1e-8, "\(key)")
            #expect(Self.number(a, "parameter_count") == 25)
        }
        let header = try Data(contentsOf: dir.appendingPathComponent("dense_hessian.npy"))
        #expect(String(decoding: header.prefix(128), as: UTF8.self).contains("'shape': (25, 25)"))
        CLI.expectError(try CLI.run(["curse", "hessian", "--modulus", "1"]), "--modulus")
        CLI.expectError(try CLI.run(["curse", "hessian", "--length", "-3"]), "--length")
    }

    @Test(
        "teacher-student: keys, protocol initialisation, effective learning rates of the recurrent groups; same seed ⇒ same bytes; bad input"
    )
    func teacherStudent() throws {
        let args = [
            "curse", "teacher-student", "--model", "lru", "--hidden", "4", "--min-modulus", "0.9", "--length", "20",
            "--batch", "4", "--eval-batch", "8", "--steps", "20", "--lr", "0.01", "--seed", "2", "--progress",
            "none", "--json",
        ]
        let r = try CLI.run(args)
        CLI.expectSuccess(r)
        #expect(
            JSONTests.keys(r.stdout) == [
                "model", "hidden_size", "parameter_count", "min_modulus", "teacher_size", "length", "batch", "steps",
                "learning_rate", "schedule", "seed", "initialization", "diverged", "final_loss", "final_training_loss",
                "recurrent_effective_learning_rate", "effective_learning_rates",
            ])
        let o = try JSONTests.object(r.stdout)
        #expect((o["initialization"] as? String)?.contains("ring |λ| ∈ [0.9, 1.0]") == true)
        #expect(o["diverged"] as? Bool == false && Self.number(o, "steps") == 20)
        let groups = try #require(o["effective_learning_rates"] as? [[String: Any]])
        #expect(
            groups.filter { $0["kind"] as? String == "recurrent" }.compactMap { $0["group"] as? String }
                == ["layer0.nu_log", "layer0.theta_log"])
        #expect(try CLI.run(args).stdout == r.stdout)
        CLI.expectError(try CLI.run(["curse", "teacher-student", "--model", "gru"]), "--model")
        CLI.expectError(try CLI.run(["curse", "teacher-student", "--model", "lru", "--task", "recall"]), "--task")
        CLI.expectError(
            try CLI.run(["curse", "teacher-student", "--model", "lru", "--min-modulus", "1"]), "--min-modulus")
        CLI.expectError(try CLI.run(["curse", "teacher-student", "--model", "lru", "--lr", "-1"]), "--lr")
    }

    @Test(
        "teacher-student: an LRU whose update leaves the exp parametrisation's domain (λ not finite) is diverged with null losses, exit 0, no NaN"
    )
    func teacherStudentDiverges() throws {
        let r = try CLI.run([
            "curse", "teacher-student", "--model", "lru", "--hidden", "4", "--min-modulus", "0.9", "--length", "20",
            "--batch", "4", "--eval-batch", "8", "--steps", "5", "--lr", "1e6", "--schedule", "constant", "--seed",
            "2", "--progress", "none", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        #expect(o["diverged"] as? Bool == true)
        #expect(o["final_loss"] is NSNull && o["final_training_loss"] is NSNull)
        #expect(!r.stdout.lowercased().contains("nan") && !r.stderr.lowercased().contains("nan"))
    }

    @Test(
        "sensitivity --monte-carlo: zero standard error refused (--burn-in 0), a short burn-in noted, budgets of chains × steps and memory"
    )
    func monteCarloGuards() async throws {
        // --burn-in 0, one sample: ∂h = 0 in every chain, so the estimate 0 has a zero standard error and no z.
        let zero = await CLI.runInProcess([
            "curse", "sensitivity", "--lambda", "0.5", "--monte-carlo", "--chains", "300", "--burn-in", "0",
            "--progress", "none", "--json",
        ])
        CLI.expectError(zero, "zero standard error", "--burn-in")
        #expect(!zero.stdout.contains("infinite"))
        let short = await CLI.runInProcess([
            "curse", "sensitivity", "--lambda", "0.5", "--monte-carlo", "--chains", "300", "--burn-in", "5",
            "--samples", "4", "--progress", "none",
        ])
        #expect(short.status == 0)
        #expect(short.stderr.contains("--burn-in 5 is below the rule ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉ = 90"))
        CLI.expectError(
            await CLI.runInProcess([
                "curse", "sensitivity", "--lambda", "0.5", "--monte-carlo", "--chains", "100000000", "--burn-in",
                "100000", "--progress", "none",
            ]), "chain-steps is too much work (limit 1e12)")
        CLI.expectError(
            await CLI.runInProcess(
                ["curse", "sensitivity", "--lambda", "0.5", "--monte-carlo", "--chains", "10000000"],
                environment: ["RNNMEM_MEMORY_LIMIT": "64M"]), "--monte-carlo --chains 10000000 needs about",
            "RNNMEM_MEMORY_LIMIT")
    }

    @Test("--acf with a negative first weight is read as a value: the error names the weight, not a missing value")
    func negativeAcfWeight() async {
        CLI.expectError(
            await CLI.runInProcess(["curse", "sensitivity", "--lambda", "0.5", "--acf", "-1:0.3"]),
            "invalid --acf '-1:0.3'", "weight c must be finite and > 0")
    }

    @Test("hessian --rho/--acf: correlated inputs, the closed-form prediction follows them; acf in JSON; bad input")
    func hessianCorrelatedInput() throws {
        let args = ["curse", "hessian", "--length", "60", "--batch", "4", "--rho", "0.5", "--json"]
        let r = try CLI.run(args)
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        #expect(o["acf"] as? String == "1.0:0.5")
        for key in ["dense", "diagonal"] {
            let a = try #require(o[key] as? [String: Any])
            #expect((Self.number(a, "gauss_newton_mismatch") ?? 1) < 1e-8, "\(key)")
        }
        let white = try JSONTests.object(
            try CLI.run(["curse", "hessian", "--length", "60", "--batch", "4", "--json"]).stdout)
        #expect(white["acf"] as? String == "1.0:0.0")
        #expect(Self.number(white, "diagonal_prediction_error") != Self.number(o, "diagonal_prediction_error"))
        CLI.expectError(try CLI.run(["curse", "hessian", "--rho", "2"]), "--rho")
        CLI.expectError(try CLI.run(["curse", "hessian", "--acf", "1:0.5,"]), "--acf")
    }
}
