import Sweeps
import Testing

@Suite("Shards")
struct ShardTests {
    @Test("i/N is parsed strictly", arguments: ["0/1", "3/4", "0/2", "999/1000"])
    func valid(_ text: String) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.description == text)
    }

    @Test(
        "Invalid shard specs are one-line errors naming --shard",
        arguments: [
            ("2/2", "invalid --shard 2/2: the shard index i must satisfy 0 ≤ i < N = 2"),
            ("0/0", "invalid --shard 0/0: the shard count N must be between 1 and 1000000"),
            ("-1/2", "invalid --shard '-1/2': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            ("1", "invalid --shard '1': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            ("a/b", "invalid --shard 'a/b': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            ("1/2/3", "invalid --shard '1/2/3': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            (" 1/2", "invalid --shard ' 1/2': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            ("+1/2", "invalid --shard '+1/2': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            ("1/", "invalid --shard '1/': expected i/N with integers 0 ≤ i < N (for example 0/4)"),
            (
                "99999999999/99999999999",
                "invalid --shard '99999999999/99999999999': expected i/N with integers 0 ≤ i < N (for example 0/4)"
            ),
            ("5/2000000", "invalid --shard 5/2000000: the shard count N must be between 1 and 1000000"),
        ])
    func invalid(_ text: String, _ message: String) {
        #expect(throws: SweepError(message)) { try Shard(parsing: text) }
    }

    @Test("Round robin: cell c in shard c mod N; shards partition the grid with sizes differing by at most one")
    func partition() throws {
        for cells in [0, 1, 7, 12, 100] {
            for n in 1...13 {
                var seen: [Int] = []
                var sizes: [Int] = []
                for i in 0..<n {
                    let shard = try Shard(index: i, count: n)
                    let mine = Array(shard.cellIndices(cellCount: cells))
                    #expect(mine.allSatisfy { $0 % n == i && shard.contains(cell: $0) })
                    #expect(mine.count == shard.cellCount(of: cells))
                    seen += mine
                    sizes.append(mine.count)
                }
                #expect(seen.sorted() == Array(0..<cells))
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            }
        }
        #expect(Array(try Shard(index: 1, count: 4).cellIndices(cellCount: 12)) == [1, 5, 9])
    }
}
