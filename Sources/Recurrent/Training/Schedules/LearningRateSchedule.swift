/// A learning-rate schedule η(k) for the k-th update, k = 0, 1, … (optax convention: the count of updates
/// already applied; PyTorch's `LambdaLR` stepped after every update gives the same sequence).
public enum LearningRateSchedule: Sendable, Codable, Equatable {
    /// η(k) = η for every k.
    case constant(learningRate: Double)
    /// Linear warm-up then cosine decay (see ``WarmupCosineSchedule``).
    case warmupCosine(WarmupCosineSchedule)

    /// The Zucchet & Orvieto (2024) protocol (their repository's `source/train.py`): optax
    /// `warmup_cosine_decay_schedule(init_value = 1e-7, peak_value = lr, warmup_steps = 0,
    /// decay_steps = training length, end_value = 1e-7)`.
    public static func zucchetOrvieto(peak learningRate: Double, warmupSteps: Int = 0, decaySteps: Int? = nil) -> Self {
        .warmupCosine(
            WarmupCosineSchedule(
                initial: 1e-7, peak: learningRate, end: 1e-7, warmupSteps: warmupSteps,
                decaySteps: decaySteps))
    }

    /// The largest learning rate of the schedule (η, or the peak).
    public var peakLearningRate: Double {
        switch self {
        case .constant(let lr): return lr
        case .warmupCosine(let s): return max(s.initial, s.peak, s.end)
        }
    }

    /// η(k); `totalSteps` (the training length) is used when a warm-up–cosine schedule leaves `decaySteps` nil.
    /// Arguments must have passed ``validate(totalSteps:)``; k < 0 is treated as 0.
    public func learningRate(atStep k: Int, totalSteps: Int) -> Double {
        switch self {
        case .constant(let lr): return lr
        case .warmupCosine(let s): return s.learningRate(atStep: k, totalSteps: totalSteps)
        }
    }

    private enum CodingKeys: String, CodingKey { case constant, warmupCosine }

    /// JSON: `{"constant": η}` or `{"warmupCosine": {"initial": …, "peak": …, "end": …, "warmupSteps": …,
    /// "decaySteps": …}}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .constant(let lr): try c.encode(lr, forKey: .constant)
        case .warmupCosine(let s): try c.encode(s, forKey: .warmupCosine)
        }
    }

    /// Decodes `{"constant": η}` or `{"warmupCosine": {…}}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let lr = try c.decodeIfPresent(Double.self, forKey: .constant) {
            self = .constant(learningRate: lr)
        } else {
            self = .warmupCosine(try c.decode(WarmupCosineSchedule.self, forKey: .warmupCosine))
        }
    }

    /// Throws a descriptive ``RecurrentError`` for a negative or non-finite rate or inconsistent step counts.
    public func validate(totalSteps: Int) throws {
        func rate(_ value: Double, _ name: String) throws {
            guard value.isFinite, value >= 0 else {
                throw RecurrentError.invalidArgument(argument: name, message: "must be finite and ≥ 0, got \(value)")
            }
        }
        switch self {
        case .constant(let lr): try rate(lr, "learningRate")
        case .warmupCosine(let s):
            try rate(s.initial, "initial learning rate")
            try rate(s.peak, "peak learning rate")
            try rate(s.end, "end learning rate")
            guard s.warmupSteps >= 0 else {
                throw RecurrentError.invalidArgument(
                    argument: "warmupSteps", message: "must be ≥ 0, got \(s.warmupSteps)")
            }
            let decay = s.decaySteps ?? totalSteps
            guard decay > s.warmupSteps else {
                throw RecurrentError.invalidArgument(
                    argument: "decaySteps",
                    message: "must be > warmupSteps \(s.warmupSteps) (it includes the warm-up), got \(decay)")
            }
        }
    }
}
