import Foundation
import Testing
import _TestSupport

/// `rnnmem lost-memory`: the fraction Γ(K−d)/(Γ(K)Γ(1−d)) a K-term window discards: |Σ_{j≥K} π_j(d)| for the
/// weights π_j of (1−B)^d (Hosking 1981, Biometrika 68(1):165–176, eq. (2.4) for π_j; the tail sum telescopes).
@Suite("lost-memory command")
struct LostMemoryCommandTests {
    @Test("d = 0.4: the lost memory at K = 10 … 10⁶ (computed from the formula, printed to 3 significant digits)")
    func table() throws {
        let r = try CLI.run(["lost-memory", "--d", "0.4", "--window", "10,100,1000,10000,100000,1000000"])
        #expect(r.status == 0)
        let lines = CLI.lines(r.stdout)
        #expect(lines.first == "window,lost_memory")
        let values = lines.dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        let expected = [0.275, 0.107, 0.0424, 0.0169, 0.00672, 0.00267]
        #expect(values.count == expected.count)
        // The table is rounded to three significant digits: agree within half a unit of the last printed digit.
        for (v, e) in zip(values, expected) {
            let unit = pow(10, (log10(e)).rounded(.down) - 2)
            #expect(abs(v - e) <= 0.5 * unit, "\(v) vs \(e)")
        }
        // The default window K = 10 of Python's fracdiff package discards 0.2752 of the level at d = 0.4.
        #expect(abs(values[0] - 0.2752) < 1e-4)
    }

    @Test("--tolerance gives the smallest sufficient window: ≈ 3.7·10⁴ at d = 0.4, ≈ 4.7·10⁹ at d = 0.2")
    func toleranceWindow() throws {
        for (d, approx) in [(0.4, 36_952.0), (0.2, 4.7e9)] {
            let r = try CLI.run(["lost-memory", "--d", "\(d)", "--window", "10", "--tolerance", "0.01", "--json"])
            #expect(r.status == 0)
            let json = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let k = try #require(json["window_for_tolerance"] as? Int)
            #expect(TestSupport.relativeError(Double(k), approx) < 0.01, "d = \(d): K = \(k)")
            // Minimality: the window just below must lose more than the tolerance.
            let check = try CLI.run(["lost-memory", "--d", "\(d)", "--window", "\(k - 1),\(k)"])
            let losses = CLI.lines(check.stdout).dropFirst().compactMap {
                $0.split(separator: ",").last.flatMap { Double($0) }
            }
            #expect(losses.count == 2)
            if losses.count == 2 {
                #expect(losses[0] > 0.01)
                #expect(losses[1] <= 0.01)
            }
        }
    }

    @Test("--tolerance in plain output: a clean CSV table on standard output, the window in a note on standard error")
    func toleranceNote() throws {
        let r = try CLI.run(["lost-memory", "--d", "0.4", "--window", "10,100", "--tolerance", "0.01"])
        #expect(r.status == 0)
        #expect(CLI.lines(r.stdout).count == 3)
        #expect(!r.stdout.contains("#"))
        let json = try CLI.run(["lost-memory", "--d", "0.4", "--window", "10", "--tolerance", "0.01", "--json"])
        let o = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let k = try #require(o["window_for_tolerance"] as? Int)
        #expect(r.stderr == "rnnmem: note: the smallest window with lost memory ≤ 0.01 is K = \(k)\n")
        #expect(json.stderr.isEmpty)
    }

    @Test("bad arguments exit 2 with one line naming the argument")
    func badArguments() throws {
        CLI.expectError(try CLI.run(["lost-memory", "--d", "0"]), "--d")
        CLI.expectError(try CLI.run(["lost-memory", "--d", "1.5"]), "--d")
        CLI.expectError(try CLI.run(["lost-memory", "--d", "0.4", "--window", "10,abc"]), "--window", "abc")
        CLI.expectError(try CLI.run(["lost-memory", "--d", "0.4", "--window", "0"]), "--window")
        CLI.expectError(try CLI.run(["lost-memory", "--d", "0.4", "--tolerance", "2"]), "--tolerance")
    }
}
