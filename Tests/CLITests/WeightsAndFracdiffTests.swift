import Foundation
import Testing
import _TestSupport

@Suite("rnnmem weights and fracdiff")
struct WeightsAndFracdiffTests {
    /// π_j of (1−B)^0.4 as listed in statsmodels `sandbox/tsa/try_fi.py` (checked there against Bhardwaj & Swanson
    /// (2006), J. Econometrics 131:539–578).
    static let weightsD04 = [1, -0.4, -0.12, -0.064, -0.0416, -0.029952, -0.0229632, -0.01837056]

    @Test("weights --d 0.4 --length 8 prints π_0 … π_7 (statsmodels' values, abs 1e-12)")
    func weights() throws {
        let r = try CLI.run(["weights", "--d", "0.4", "--length", "8"])
        CLI.expectSuccess(r)
        #expect(CLI.lines(r.stdout).count == 8)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), Self.weightsD04) <= 1e-12)
    }

    @Test("weights --inverse prints ψ_j = ψ_(j−1)(j − 1 + d)/j (Hosking 1981): 1, 0.4, 0.28, 0.224")
    func inverseWeights() throws {
        let r = try CLI.run(["weights", "--d", "0.4", "--length", "4", "--inverse"])
        CLI.expectSuccess(r)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [1, 0.4, 0.28, 0.224]) <= 1e-12)
    }

    @Test("negative d and integer d: (1−B)^1 = 1 − B, then zeros")
    func negativeAndIntegerD() throws {
        let r = try CLI.run(["weights", "--d", "-0.4", "--length", "3"])
        CLI.expectSuccess(r)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [1, 0.4, 0.28]) <= 1e-12)
        let one = try CLI.run(["weights", "--d=1", "--length", "4"])
        #expect(CLI.numbers(one.stdout) == [1, -1, 0, 0])
    }

    static let x = "1\n2\n4\n7\n0\n"

    /// The example of the documentation of Python's fracdiff package: the type-II filter y_t = Σ_{j<t} π_j x_{t−j}
    /// of (1, 2, 4, 7, 0) at d = 0.5, full and with a window of 3 weights.
    @Test("fracdiff of (1,2,4,7,0), d = 0.5, type II (fracdiff's example): (1, 1.5, 2.875, 4.6875, −4.1640625)")
    func fracdiffTypeII() throws {
        let dir = try CLI.folder(["x.csv": Self.x])
        let r = try CLI.run(["fracdiff", "x.csv", "--d", "0.5"], in: dir)
        CLI.expectSuccess(r)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [1, 1.5, 2.875, 4.6875, -4.1640625]) <= 1e-12)
    }

    @Test(
        "fracdiff --window 3 (fracdiff's example): (1, 1.5, 2.875, 4.75, −4); lost memory Γ(2.5)/(Γ(3)Γ(0.5)) = 0.375 noted"
    )
    func fracdiffWindow() throws {
        let dir = try CLI.folder(["x.csv": Self.x])
        let r = try CLI.run(["fracdiff", "x.csv", "--d", "0.5", "--window", "3"], in: dir)
        #expect(r.status == 0)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [1, 1.5, 2.875, 4.75, -4]) <= 1e-12)
        let note = CLI.lines(r.stderr)
        #expect(note.count == 1)
        #expect(note.first?.hasPrefix("rnnmem: note: a window of K = 3 weights discards 0.37") == true)
        let json = try CLI.run(["fracdiff", "x.csv", "--d", "0.5", "--window", "3", "--json"], in: dir)
        let object = try JSONTests.object(json.stdout)
        let lost = try #require(object["lost_memory"] as? Double)
        #expect(abs(lost - 0.375) <= 1e-12)
        #expect(object["window"] as? Int == 3)
    }

    @Test("fracdiff --window 10 at d = 0.4 reports the lost memory 0.2752 (rel 1e-3)")
    func lostMemoryWindow10() throws {
        let dir = try CLI.folder(["x.csv": Self.x])
        let r = try CLI.run(["fracdiff", "x.csv", "--d", "0.4", "--window", "10", "--json"], in: dir)
        let lost = try #require(try JSONTests.object(r.stdout)["lost_memory"] as? Double)
        #expect(abs(lost / 0.2752 - 1) <= 1e-3)
    }

    /// Demean, then filter: the convention of `diffseries` in R's fracdiff package.
    @Test("fracdiff --demean (R diffseries convention): (−1.8, 0.1, 1.825, 3.8125, −4.9296875)")
    func fracdiffDemean() throws {
        let dir = try CLI.folder(["x.csv": Self.x])
        let r = try CLI.run(["fracdiff", "x.csv", "--d", "0.5", "--demean"], in: dir)
        CLI.expectSuccess(r)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [-1.8, 0.1, 1.825, 3.8125, -4.9296875]) <= 1e-12)
    }

    @Test("fracdiff then fracdiff --inverse through standard input returns the series: (1−B)^−d (1−B)^d x = x")
    func roundTrip() throws {
        let dir = try CLI.folder(["x.csv": Self.x])
        let forward = try CLI.run(["fracdiff", "x.csv", "--d", "0.3"], in: dir)
        CLI.expectSuccess(forward)
        let back = try CLI.run(["fracdiff", "-", "--d", "0.3", "--inverse"], stdin: forward.stdout)
        CLI.expectSuccess(back)
        #expect(CLI.maxAbsError(CLI.numbers(back.stdout), [1, 2, 4, 7, 0]) <= 1e-12)
    }

    @Test("fracdiff picks the column: default last numeric, --column by name and by index")
    func columns() throws {
        let csv = "year,a,b\n1,1,10\n2,2,20\n3,4,40\n"
        let dir = try CLI.folder(["t.csv": csv])
        let byDefault = try CLI.run(["fracdiff", "t.csv", "--d", "1"], in: dir)
        #expect(CLI.maxAbsError(CLI.numbers(byDefault.stdout), [10, 10, 20]) < 1e-12)
        let byName = try CLI.run(["fracdiff", "t.csv", "--d", "1", "--column", "a"], in: dir)
        #expect(CLI.maxAbsError(CLI.numbers(byName.stdout), [1, 1, 2]) < 1e-12)
        let byIndex = try CLI.run(["fracdiff", "t.csv", "--d", "1", "--column", "1"], in: dir)
        #expect(CLI.maxAbsError(CLI.numbers(byIndex.stdout), [1, 1, 1]) < 1e-12)
    }

    @Test("fracdiff reads standard input with '-'")
    func standardInput() throws {
        let r = try CLI.run(["fracdiff", "-", "--d", "0.5"], stdin: "value\n1\n2\n4\n7\n0\n")
        CLI.expectSuccess(r)
        #expect(CLI.maxAbsError(CLI.numbers(r.stdout), [1, 1.5, 2.875, 4.6875, -4.1640625]) <= 1e-12)
    }
}
