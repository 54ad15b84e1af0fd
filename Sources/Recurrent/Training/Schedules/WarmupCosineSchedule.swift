/// Linear warm-up from `initial` to `peak` over `warmupSteps` updates, then half-cosine decay from `peak` to
/// `end`, ending at update `decaySteps` (which *includes* the warm-up), constant `end` afterwards — optax
/// `warmup_cosine_decay_schedule` (exponent 1), used by Zucchet & Orvieto (2024) with 1e-7 → η → 1e-7:
///
///     η(k) = initial + (peak − initial)·k/W                                   for k < W
///     η(k) = end + (peak − end)·½(1 + cos(π·min(k − W, D − W)/(D − W)))        for k ≥ W   (D > W)
///
/// With W = 0 the first update uses the peak rate; η(k) = end for k ≥ D. D > W is required (a non-empty decay).
public struct WarmupCosineSchedule: Sendable, Codable, Equatable {
    /// The rate at update 0.
    public var initial: Double
    /// The rate at the end of the warm-up.
    public var peak: Double
    /// The rate from update D on.
    public var end: Double
    /// W ≥ 0.
    public var warmupSteps: Int
    /// D ≥ W, the total length including the warm-up; nil = the training length.
    public var decaySteps: Int?

    /// A schedule (checked by ``LearningRateSchedule/validate(totalSteps:)``).
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
