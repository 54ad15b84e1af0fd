import MemoryNumerics

extension Matrix {
    /// The rows `range` of this column-major matrix, as a new matrix.
    func selectingRows(_ range: Range<Int>) -> Matrix {
        var out = Matrix(rows: range.count, columns: columns)
        for j in 0..<columns {
            for (r, i) in range.enumerated() { out.elements[r + j * range.count] = elements[i + j * rows] }
        }
        return out
    }
}
