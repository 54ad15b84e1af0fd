extension RecurrentModel {
    /// Number of parameters P.
    public var parameterCount: Int { parameters.count }

    /// Total (joint) state size S = Σ_ℓ S_ℓ.
    public var stateSize: Int { stateLayouts.reduce(0) { $0 + $1.size } }

    /// Offsets of each layer's state inside the joint state.
    public var stateOffsets: [Int] {
        var offsets: [Int] = []
        var o = 0
        for l in stateLayouts {
            offsets.append(o)
            o += l.size
        }
        return offsets
    }

    /// The group called `name`, or throws.
    public func parameterGroup(named name: String) throws -> ParameterGroup {
        guard let g = parameterGroups.named(name) else {
            throw RecurrentError.invalidArgument(
                argument: "name", message: "no parameter group \"\(name)\" (have \(parameterGroups.map(\.name)))")
        }
        return g
    }

    /// The values of one group (matrices column-major).
    public func parameterValues(of group: ParameterGroup) -> [Double] { Array(parameters[group.range]) }
}
