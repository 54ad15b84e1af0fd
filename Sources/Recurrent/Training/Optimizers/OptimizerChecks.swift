/// Shared argument checks of the optimisers.
enum OptimizerChecks {
    static func update(parameters: [Double], gradient: [Double], learningRate: Double, decayMask: [Double]?) throws {
        guard gradient.count == parameters.count else {
            throw RecurrentError.shapeMismatch(
                argument: "gradient", expected: "\(parameters.count) values (one per parameter)",
                got: "\(gradient.count)")
        }
        guard learningRate.isFinite, learningRate >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "learningRate", message: "must be finite and ≥ 0, got \(learningRate)")
        }
        if let decayMask, decayMask.count != parameters.count {
            throw RecurrentError.shapeMismatch(
                argument: "decayMask", expected: "\(parameters.count) values (one per parameter)",
                got: "\(decayMask.count)")
        }
    }

    static func mask(_ mask: [Double]?) throws -> [Double]? {
        if let mask, !mask.allSatisfy({ $0.isFinite && $0 >= 0 }) {
            throw RecurrentError.invalidArgument(argument: "decayMask", message: "multipliers must be finite and ≥ 0")
        }
        return mask
    }

    static func state(_ state: inout [Double], count: Int) {
        if state.count != count { state = [Double](repeating: 0, count: count) }
    }
}
