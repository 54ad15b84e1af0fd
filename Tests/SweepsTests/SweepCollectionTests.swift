import Foundation
import Sweeps
import Testing

@Suite("Collecting results")
struct SweepCollectionTests {
    @Test("Summary statistics: mean, sample standard deviation (n − 1), min, max, s.e.m.")
    func statistics() throws {
        let s = try #require(SummaryStatistics([1, 2, 3, 4]))
        #expect(s.count == 4 && s.mean == 2.5 && s.minimum == 1 && s.maximum == 4)
        // Σ(x − 2.5)² = 5, s² = 5/3.
        #expect(abs(try #require(s.standardDeviation) - (5.0 / 3.0).squareRoot()) < 1e-15)
        #expect(abs(try #require(s.standardError) - (5.0 / 3.0).squareRoot() / 2) < 1e-15)
        let one = try #require(SummaryStatistics([0.5]))
        #expect(one.standardDeviation == nil && one.standardError == nil && one.mean == 0.5)
        #expect(SummaryStatistics([]) == nil)
        // Two-pass: a tiny spread on a large mean is exact.
        let shifted = try #require(SummaryStatistics([1e9 + 1, 1e9 + 2, 1e9 + 3]))
        #expect(shifted.standardDeviation == 1)
    }

    /// A collection of the fake grid with seeds 0 and 2 run and seed 1 failing for model b.
    func collection() async throws -> SweepCollection {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        let directory = try SweepDirectory.prepare(path, for: config)
        let entry = Fixtures.entry(log: CallLog())
        let executor = InProcessExecutor { arguments in
            if Fixtures.option("--model", in: arguments) == "b" && Fixtures.option("--seed", in: arguments) == "1" {
                return (3, "", "boom\n")
            }
            return await entry(arguments)
        }
        let runner = try SweepRunner(
            configuration: config, directory: directory, executor: executor, rnnmemVersion: "t")
        // Cells 0–9 run; 10 and 11 stay missing.
        for cell in 0..<10 { _ = try await runner.run(shard: Shard(index: cell, count: 12)) }
        return try SweepCollection.collect(path)
    }

    @Test("Missing and failed cells are reported; aggregates group the other axes over the complete seeds")
    func aggregates() async throws {
        let c = try await collection()
        #expect(c.missing == [10, 11])
        #expect(c.failed.map(\.cell) == [7])
        #expect(c.failed.first?.reason == "exit status 3: boom")
        #expect(c.numericMetrics == ["score", "first"])  // label is a string
        let groups = c.aggregates
        #expect(
            groups.map(\.values) == [
                [.string("a"), .number(0.1)], [.string("a"), .number(0.01)], [.string("b"), .number(0.1)],
                [.string("b"), .number(0.01)],
            ])
        #expect(groups.map(\.cellCount) == [3, 3, 3, 3])
        #expect(groups.map(\.completeCount) == [3, 3, 2, 1])
        // Group (a, 0.1): scores 10 + s/8 for s = 0, 1, 2.
        let score = try #require(groups[0].metrics.first { $0.name == "score" }?.statistics)
        #expect(abs(score.mean - (10 + 1.0 / 8)) < 1e-12)
        #expect(abs(try #require(score.standardDeviation) - 1.0 / 8) < 1e-12)
        #expect(score.minimum == 10)
        // Group (b, 0.1): seeds 0 and 2 only.
        let b = try #require(groups[2].metrics.first { $0.name == "score" }?.statistics)
        #expect(b.count == 2 && b.minimum == 20 && b.maximum == 20.25)
        // Group (b, 0.01): one seed, no spread.
        let single = try #require(groups[3].metrics.first { $0.name == "score" }?.statistics)
        #expect(single.count == 1 && single.standardDeviation == nil)
    }

    @Test("The cell table and aggregate table as CSV")
    func csvTables() async throws {
        let c = try await collection()
        let cells = c.cellTableCSV.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(cells.count == 14)  // header, 12 cells, final empty line
        #expect(cells[0] == "cell,model,lr,seed,status,exit_status,wall_time_seconds,score,label,first,error")
        #expect(cells[1].hasPrefix("0,a,0.1,0,ok,0,"))
        #expect(cells[1].hasSuffix(",10.0,a-0,1,"))
        #expect(cells[8].hasPrefix("7,b,0.1,1,failed,3,"))
        #expect(cells[8].hasSuffix(",,,,exit status 3: boom"))
        #expect(cells[11] == "10,b,0.01,1,missing,,,,,,")

        let aggregates = c.aggregateTableCSV.split(separator: "\n").map(String.init)
        #expect(
            aggregates[0]
                == "model,lr,cells,complete,score_mean,score_std,score_min,score_max,score_sem,score_count,first_mean,first_std,first_min,first_max,first_sem,first_count"
        )
        #expect(aggregates[4] == "b,0.01,3,1,11.0,,11.0,11.0,,1,1.0,,1.0,1.0,,1")
        #expect(aggregates.count == 5)
    }

    @Test("The JSON document")
    func json() async throws {
        let c = try await collection()
        let document = try JSONParser.parse(c.json.prettyText)
        #expect(document["cell_count"] == .integer(12))
        #expect(document["complete_count"] == .integer(9))
        #expect(document["missing"] == .array([.integer(10), .integer(11)]))
        #expect(
            document["failed"]
                == .array([
                    .object([JSONMember("cell", .integer(7)), JSONMember("error", .string("exit status 3: boom"))])
                ]))
        guard case .array(let cells)? = document["cells"], case .array(let aggregates)? = document["aggregates"] else {
            Issue.record("cells or aggregates missing")
            return
        }
        #expect(cells.count == 12)
        #expect(
            cells[0]["values"]
                == .object([
                    JSONMember("model", .string("a")), JSONMember("lr", .number(0.1)), JSONMember("seed", .integer(0)),
                ]))
        #expect(cells[10]["status"] == .string("missing"))
        #expect(aggregates.count == 4)
        #expect(aggregates[3]["metrics"]?["score"]?["std"] == .null)
        #expect(aggregates[3]["metrics"]?["score"]?["mean"] == .number(11))
    }

    @Test("CSV fields with commas, quotes and line breaks are quoted")
    func csvQuoting() async throws {
        let text =
            #"{"command": ["train", "{seed}", "{tag}"], "axes": {"tag": ["a,b", "say \"hi\""], "seed": 1}, "metrics": ["m"]}"#
        let config = try Fixtures.configuration(text)
        let path = try Fixtures.folder()
        let runner = try SweepRunner(
            configuration: config, directory: SweepDirectory.prepare(path, for: config),
            executor: InProcessExecutor { _ in (0, #"{"m": "line1\nline2"}"#, "") }, rnnmemVersion: "t")
        _ = try await runner.run(shard: .all)
        let csv = try SweepCollection.collect(path).cellTableCSV
        #expect(csv.contains(#"0,"a,b",0,ok,0,"#))
        #expect(csv.contains(#"1,"say ""hi""",0,ok,0,"#))
        #expect(csv.contains("\"line1\nline2\""))
    }
}
