/// How one layer's state vector s_t (the Markov state: s_t = F(s_{t−1}, x_t)) is laid out.
///
/// Segments name row ranges of the state, e.g. `[h]` for the tanh RNN and GRU, `[h, c]` for the LSTM (rows
/// 0..<N are h, N..<2N are c), `[re, im]` for complex-diagonal models. ``hiddenRows`` is the part called "h"
/// (the layer's hidden output, fed to the next layer and the readout); the state Jacobians
/// D_t = ∂s_t/∂s_{t−1} are taken with respect to the *whole* state.
public struct StateLayout: Sendable, Hashable, Codable {
    /// A named range of state rows.
    public struct Segment: Sendable, Hashable, Codable {
        /// The segment's name ("h", "c", "re", "im", …).
        public let name: String
        /// The segment's rows.
        public let rows: Range<Int>
        /// A segment.
        public init(name: String, rows: Range<Int>) {
            self.name = name
            self.rows = rows
        }
    }

    /// Total state size S.
    public let size: Int
    /// Named row ranges, in order, covering 0..<size.
    public let segments: [Segment]
    /// Rows of the hidden output h.
    public let hiddenRows: Range<Int>

    /// A layout; `hiddenRows` must lie inside 0..<size (a model-author invariant, checked by precondition;
    /// decoding from untrusted data validates and throws instead).
    public init(size: Int, segments: [Segment], hiddenRows: Range<Int>) {
        precondition(
            Self.isConsistent(size: size, segments: segments, hiddenRows: hiddenRows),
            "state layout: hidden rows or segments outside 0..<\(size)")
        self.size = size
        self.segments = segments
        self.hiddenRows = hiddenRows
    }

    static func isConsistent(size: Int, segments: [Segment], hiddenRows: Range<Int>) -> Bool {
        size >= 0 && hiddenRows.lowerBound >= 0 && hiddenRows.upperBound <= size
            && segments.allSatisfy { $0.rows.lowerBound >= 0 && $0.rows.upperBound <= size }
    }

    private enum CodingKeys: String, CodingKey { case size, segments, hiddenRows }

    /// Decodes a layout, checking that segments and hidden rows lie inside the state.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let size = try c.decode(Int.self, forKey: .size)
        let segments = try c.decode([Segment].self, forKey: .segments)
        let hidden = try c.decode(Range<Int>.self, forKey: .hiddenRows)
        guard Self.isConsistent(size: size, segments: segments, hiddenRows: hidden) else {
            throw DecodingError.dataCorruptedError(
                forKey: .hiddenRows, in: c,
                debugDescription: "segments or hidden rows outside 0..<\(size)")
        }
        self.init(size: size, segments: segments, hiddenRows: hidden)
    }

    /// A state that is just h (size n).
    public static func hidden(_ n: Int) -> StateLayout {
        StateLayout(size: n, segments: [Segment(name: "h", rows: 0..<n)], hiddenRows: 0..<n)
    }

    /// The rows of the segment called `name`, if present.
    public func rows(of name: String) -> Range<Int>? { segments.first { $0.name == name }?.rows }
}
