/// A view of one parameter group inside a P × 1 parameter (or gradient) view, as a rows × columns matrix.
@inline(__always)
func linearGroupView<A: RecurrentAlgebra>(_ vector: AlgebraMatrix<A>, _ group: ParameterGroup) -> AlgebraMatrix<A> {
    AlgebraMatrix(base: A.advance(vector.base, by: group.range.lowerBound), rows: group.rows, columns: group.columns)
}
