/// A serialisable description of an optimiser (what a command line or a JSON summary records); build the
/// stateful optimiser with ``makeOptimizer(parameterGroups:)``.
///
/// Defaults are PyTorch's: SGD momentum 0, Adam/AdamW β₁ = 0.9, β₂ = 0.999, ε = 1e-8, weight decay 0 for SGD and
/// Adam and 0.01 for AdamW.
public struct OptimizerConfiguration: Sendable, Codable, Equatable {
    /// The algorithm.
    public var algorithm: OptimizerAlgorithm
    /// SGD momentum μ ∈ [0, 1).
    public var momentum: Double
    /// SGD: Nesterov momentum (needs μ > 0).
    public var nesterov: Bool
    /// Adam/AdamW β₁ ∈ [0, 1).
    public var beta1: Double
    /// Adam/AdamW β₂ ∈ [0, 1).
    public var beta2: Double
    /// Adam/AdamW ε > 0 (added to √v̂, see ``Adam``).
    public var epsilon: Double
    /// Weight-decay coefficient λ ≥ 0 (coupled L2 for SGD and Adam, decoupled for AdamW).
    public var weightDecay: Double
    /// Parameter kinds that receive no weight decay (e.g. `[.recurrent]`, minimal-LRU issue #5 in
    /// NicolasZucchet/minimal-LRU issue #5; or `[.bias, .readoutBias]` as is customary). Sorted and deduplicated on encoding.
    public var weightDecayExcludedKinds: [ParameterKind]

    /// A configuration; `weightDecay` nil means 0.01 for AdamW and 0 otherwise.
    public init(
        algorithm: OptimizerAlgorithm, momentum: Double = 0, nesterov: Bool = false, beta1: Double = 0.9,
        beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double? = nil,
        weightDecayExcludedKinds: [ParameterKind] = []
    ) {
        self.algorithm = algorithm
        self.momentum = momentum
        self.nesterov = nesterov
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay ?? (algorithm == .adamW ? 0.01 : 0)
        self.weightDecayExcludedKinds = weightDecayExcludedKinds
    }

    /// SGD (PyTorch defaults: no momentum, no weight decay).
    public static func sgd(momentum: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) -> Self {
        Self(algorithm: .sgd, momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
    }

    /// Adam (PyTorch defaults).
    public static func adam(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0
    ) -> Self {
        Self(algorithm: .adam, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
    }

    /// AdamW (PyTorch defaults, λ = 0.01).
    public static func adamW(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0.01, excluding kinds: [ParameterKind] = []
    ) -> Self {
        Self(
            algorithm: .adamW, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
            weightDecayExcludedKinds: kinds)
    }

    /// Throws a descriptive ``RecurrentError`` for an out-of-range hyper-parameter.
    public func validate() throws {
        func check(_ ok: Bool, _ argument: String, _ value: Double, _ domain: String) throws {
            if !ok {
                throw RecurrentError.invalidArgument(argument: argument, message: "must be \(domain), got \(value)")
            }
        }
        try check(weightDecay.isFinite && weightDecay >= 0, "weightDecay", weightDecay, "finite and ≥ 0")
        switch algorithm {
        case .sgd:
            try check(momentum.isFinite && momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)")
            if nesterov && momentum == 0 {
                throw RecurrentError.invalidArgument(
                    argument: "nesterov", message: "Nesterov momentum needs momentum > 0")
            }
        case .adam, .adamW:
            try check(beta1.isFinite && beta1 >= 0 && beta1 < 1, "beta1", beta1, "in [0, 1)")
            try check(beta2.isFinite && beta2 >= 0 && beta2 < 1, "beta2", beta2, "in [0, 1)")
            try check(epsilon.isFinite && epsilon > 0, "epsilon", epsilon, "finite and > 0")
        }
    }

    /// The per-coordinate weight-decay multipliers for a model with these parameter groups: 0 on groups whose
    /// kind is excluded, 1 elsewhere; nil when nothing is excluded (decay everywhere).
    public func decayMask(parameterGroups groups: [ParameterGroup]) -> [Double]? {
        guard !weightDecayExcludedKinds.isEmpty else { return nil }
        let count = groups.map(\.range.upperBound).max() ?? 0
        var mask = [Double](repeating: 1, count: count)
        let excluded = Set(weightDecayExcludedKinds)
        for g in groups where excluded.contains(g.kind) {
            for i in g.range { mask[i] = 0 }
        }
        return mask
    }

    /// A fresh optimiser for a model with these parameter groups (their union must cover 0..<P).
    public func makeOptimizer(parameterGroups groups: [ParameterGroup]) throws -> any Optimizer {
        try validate()
        let mask = decayMask(parameterGroups: groups)
        switch algorithm {
        case .sgd:
            return try SGD(momentum: momentum, nesterov: nesterov, weightDecay: weightDecay, decayMask: mask)
        case .adam:
            return try Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, decayMask: mask)
        case .adamW:
            return try AdamW(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, decayMask: mask)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case algorithm, momentum, nesterov, beta1, beta2, epsilon, weightDecay, weightDecayExcludedKinds
    }

    /// Encodes the fields; the excluded kinds sorted and deduplicated.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(algorithm, forKey: .algorithm)
        try c.encode(momentum, forKey: .momentum)
        try c.encode(nesterov, forKey: .nesterov)
        try c.encode(beta1, forKey: .beta1)
        try c.encode(beta2, forKey: .beta2)
        try c.encode(epsilon, forKey: .epsilon)
        try c.encode(weightDecay, forKey: .weightDecay)
        try c.encode(
            Set(weightDecayExcludedKinds).sorted { $0.rawValue < $1.rawValue }, forKey: .weightDecayExcludedKinds)
    }
}
