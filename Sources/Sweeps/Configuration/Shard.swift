/// A share of a sweep's cells: shard `index` of `count`, written `i/N` on the command line.
///
/// The assignment is round robin: cell c belongs to shard c mod N. Cells are numbered with the last axis (usually
/// the seed) varying fastest, so round robin gives every shard a near-equal number of cells (⌈M/N⌉ or ⌊M/N⌋ of M)
/// drawn evenly from every combination of the other axes; contiguous blocks would give one shard all the cells of
/// the largest (slowest) model. The assignment depends only on the cell number and N, so any machine computes the
/// same split.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// The shard index i, 0 ≤ i < ``count``.
    public let index: Int
    /// The number of shards N.
    public let count: Int

    /// The whole grid as one shard.
    public static let all = Shard(uncheckedIndex: 0, count: 1)

    /// The largest shard count accepted.
    public static let maximumCount = 1_000_000

    /// Shard `index` of `count`.
    /// - Throws: ``SweepError`` unless 0 ≤ index < count ≤ ``maximumCount``.
    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1, count <= Self.maximumCount else {
            throw SweepError(
                "invalid --shard \(index)/\(count): the shard count N must be between 1 and \(Self.maximumCount)")
        }
        guard index >= 0, index < count else {
            throw SweepError("invalid --shard \(index)/\(count): the shard index i must satisfy 0 ≤ i < N = \(count)")
        }
        self.index = index
        self.count = count
    }

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Parses `i/N`: two decimal integers without signs or spaces, 0 ≤ i < N.
    /// - Throws: ``SweepError`` naming the argument and the text given.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        guard parts.count == 2, let i = number(parts[0]), let n = number(parts[1]) else {
            throw SweepError("invalid --shard '\(text)': expected i/N with integers 0 ≤ i < N (for example 0/4)")
        }
        try self.init(index: i, count: n)
    }

    /// `i/N`.
    public var description: String { "\(index)/\(count)" }

    /// True when cell `cell` belongs to this shard.
    public func contains(cell: Int) -> Bool { cell % count == index }

    /// The cells of this shard among `cellCount` cells, in increasing order.
    public func cellIndices(cellCount: Int) -> StrideTo<Int> { stride(from: index, to: cellCount, by: count) }

    /// The number of cells of this shard among `cellCount` cells.
    public func cellCount(of cellCount: Int) -> Int { cellCount > index ? (cellCount - index + count - 1) / count : 0 }
}
