import MemoryNumerics

/// Shared argument checks of the task constructors.
enum TaskChecks {
    static func positive(_ value: Int, _ argument: String) throws {
        guard value >= 1 else {
            throw RecurrentError.invalidArgument(argument: argument, message: "must be ≥ 1, got \(value)")
        }
    }

    static func finite(_ value: Double, _ argument: String, nonNegative: Bool = false) throws {
        guard value.isFinite, !nonNegative || value >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: argument, message: "must be finite\(nonNegative ? " and ≥ 0" : ""), got \(value)")
        }
    }

    /// `count` standard normals scaled by `sd` and shifted by `mean`.
    static func gaussians(_ count: Int, mean: Double = 0, sd: Double = 1, using rng: inout SeededRandom) -> [Double] {
        var v = rng.gaussians(count)
        if mean != 0 || sd != 1 { for i in v.indices { v[i] = mean + sd * v[i] } }
        return v
    }
}
