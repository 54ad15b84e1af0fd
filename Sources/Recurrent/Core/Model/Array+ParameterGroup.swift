extension Array where Element == ParameterGroup {
    /// The group called `name`, if any.
    public func named(_ name: String) -> ParameterGroup? { first { $0.name == name } }
}
