import MemoryNumerics

extension RecurrentModel {
    /// The group called `name` as a matrix (rows × columns of its shape; a vector is n × 1), e.g.
    /// `parameterMatrix(named: "layer0.W_hh")` for its spectrum.
    public func parameterMatrix(named name: String) throws -> Matrix {
        let g = try parameterGroup(named: name)
        return try Matrix(rows: g.rows, columns: g.columns, columnMajor: Array(parameters[g.range]))
    }

    /// The entries of a flat vector laid out like ``parameters`` (a gradient, an HVP, a direction) that belong to
    /// group `name`.
    public func slice(_ vector: [Double], group name: String) throws -> [Double] {
        try validateParameterVector(vector, argument: "vector")
        return Array(vector[try parameterGroup(named: name).range])
    }

    /// A direction in parameter space that is `values` on group `name` and zero elsewhere (e.g. to take JVPs
    /// along the recurrent weights only).
    public func direction(group name: String, values: [Double]) throws -> [Double] {
        let g = try parameterGroup(named: name)
        guard values.count == g.count else {
            throw RecurrentError.shapeMismatch(
                argument: "values", expected: "\(g.count) values for \(name)",
                got: "\(values.count)")
        }
        var v = [Double](repeating: 0, count: parameterCount)
        for (i, x) in zip(g.range, values) { v[i] = x }
        return v
    }
}
