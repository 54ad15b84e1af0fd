/// How one layer's state vector s_t (the Markov state: s_t = F(s_{t−1}, x_t)) is laid out.
///
/// Segments name row ranges of the state, e.g. `[h]` for the tanh RNN and GRU, `[h, c]` for the LSTM (rows
/// 0..<N are h, N..<2N are c), `[re, im]` for complex-diagonal models. ``hiddenRows`` is the part called "h"
/// (the layer's hidden output, fed to the next layer and the readout); the state Jacobians
/// D_t = ∂s_t/∂s_{t−1} are taken with respect to the *whole* state.
public struct StateLayout: Sendable, Hashable, Codable {
    public struct Segment: Sendable, Hashable, Codable {
        public let name: String
        public let rows: Range<Int>
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

    public init(size: Int, segments: [Segment], hiddenRows: Range<Int>) {
        precondition(hiddenRows.lowerBound >= 0 && hiddenRows.upperBound <= size, "hidden rows outside the state")
        self.size = size
        self.segments = segments
        self.hiddenRows = hiddenRows
    }

    /// A state that is just h (size n).
    public static func hidden(_ n: Int) -> StateLayout {
        StateLayout(size: n, segments: [Segment(name: "h", rows: 0..<n)], hiddenRows: 0..<n)
    }

    /// The rows of the segment called `name`, if present.
    public func rows(of name: String) -> Range<Int>? { segments.first { $0.name == name }?.rows }
}
