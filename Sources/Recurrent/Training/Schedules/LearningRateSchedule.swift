/// A learning-rate schedule η(k) for the k-th update, k = 0, 1, … (optax convention: the count of updates
/// already applied; PyTorch's `LambdaLR` stepped after every update gives the same sequence).
public enum LearningRateSchedule: Sendable, Codable, Equatable {
    /// η(k) = η for every k.
    case constant(learningRate: Double)
    /// Linear warm-up then cosine decay (see ``WarmupCosineSchedule``).
    case warmupCosine(WarmupCosineSchedule)

    /// The Zucchet & Orvieto (2024) protocol (RNN_THEORY.md §5, their `source/train.py`): optax
    /// `warmup_cosine_decay_schedule(init_value = 1e-7, peak_value = lr, warmup_steps = 0,
    /// decay_steps = training length, end_value = 1e-7)`.
    public static func zucchetOrvieto(peak learningRate: Double, warmupSteps: Int = 0, decaySteps: Int? = nil) -> Self {
        .warmupCosine(WarmupCosineSchedule(initial: 1e-7, peak: learningRate, end: 1e-7, warmupSteps: warmupSteps,
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
                throw RecurrentError.invalidArgument(argument: "warmupSteps", message: "must be ≥ 0, got \(s.warmupSteps)")
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

/// Linear warm-up from `initial` to `peak` over `warmupSteps` updates, then half-cosine decay from `peak` to
/// `end`, ending at update `decaySteps` (which *includes* the warm-up), constant `end` afterwards — optax
/// `warmup_cosine_decay_schedule` (exponent 1), used by Zucchet & Orvieto (2024) with 1e-7 → η → 1e-7:
///
///     η(k) = initial + (peak − initial)·k/W                                   for k < W
///     η(k) = end + (peak − end)·½(1 + cos(π·min(k − W, D − W)/(D − W)))        for k ≥ W   (D > W)
///
/// With W = 0 the first update uses the peak rate; η(k) = end for k ≥ D. D > W is required (a non-empty decay).
public struct WarmupCosineSchedule: Sendable, Codable, Equatable {
    public var initial: Double
    public var peak: Double
    public var end: Double
    /// W ≥ 0.
    public var warmupSteps: Int
    /// D ≥ W, the total length including the warm-up; nil = the training length.
    public var decaySteps: Int?

    public init(initial: Double, peak: Double, end: Double, warmupSteps: Int, decaySteps: Int? = nil) {
        self.initial = initial
        self.peak = peak
        self.end = end
        self.warmupSteps = warmupSteps
        self.decaySteps = decaySteps
    }

    /// η(k) (see the type's documentation).
    public func learningRate(atStep k: Int, totalSteps: Int) -> Double {
        let k = max(0, k)
        let w = warmupSteps
        if k < w { return initial + (peak - initial) * Double(k) / Double(w) }
        let length = (decaySteps ?? totalSteps) - w
        guard length > 0 else { return end }
        let progress = Double(min(k - w, length)) / Double(length)
        let cosine = 0.5 * (1 + Double.cos(Double.pi * progress))
        return end + (peak - end) * cosine
    }
}
