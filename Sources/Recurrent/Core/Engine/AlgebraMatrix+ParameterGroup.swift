extension AlgebraMatrix {
    /// The view of parameter group `group` inside a P × 1 parameter (or gradient) view `vector`, as a
    /// rows × columns matrix of the group's shape — or, with `columns`, that many columns of `group.rows` rows
    /// starting at the group (e.g. two groups stored back to back used as one matrix).
    @inline(__always)
    init(_ group: ParameterGroup, of vector: AlgebraMatrix, columns: Int? = nil) {
        self.init(
            base: A.advance(vector.base, by: group.range.lowerBound), rows: group.rows,
            columns: columns ?? group.columns)
    }
}
