import Recurrent
import Testing
import _TestSupport

@Suite("Learning-rate schedules")
struct ScheduleTests {
    /// optax `warmup_cosine_decay_schedule(init 0, peak 1, warmup 10, decay_steps 110, end 0.1)`:
    /// η(k) = k/10 for k < 10; η(k) = 0.1 + 0.9·½(1 + cos(π(k − 10)/100)) for 10 ≤ k ≤ 110; 0.1 after.
    @Test func warmupCosineValuesAtKnownSteps() throws {
        let s = LearningRateSchedule.warmupCosine(
            WarmupCosineSchedule(initial: 0, peak: 1, end: 0.1, warmupSteps: 10, decaySteps: 110))
        try s.validate(totalSteps: 500)
        let cases: [(Int, Double)] = [
            (0, 0), (5, 0.5), (9, 0.9), (10, 1), (35, 0.1 + 0.45 * (1 + 0.5.squareRoot())),  // cos(π/4) = √½
            (60, 0.55), (85, 0.1 + 0.45 * (1 - 0.5.squareRoot())), (110, 0.1), (400, 0.1),
        ]
        for (k, expected) in cases {
            let value = s.learningRate(atStep: k, totalSteps: 500)
            #expect(abs(value - expected) < 1e-15, "η(\(k)) = \(value), expected \(expected)")
        }
    }

    /// Zucchet & Orvieto: 1e-7 → lr → 1e-7, zero warm-up, decay over the training length: the first update uses
    /// the peak, the midpoint is (lr + 1e-7)/2, the last update (k = n − 1) is just above 1e-7.
    @Test func zucchetOrvietoSchedule() throws {
        let s = LearningRateSchedule.zucchetOrvieto(peak: 1e-3)
        let n = 1000
        try s.validate(totalSteps: n)
        #expect(s.learningRate(atStep: 0, totalSteps: n) == 1e-3)
        #expect(abs(s.learningRate(atStep: 500, totalSteps: n) - (1e-3 + 1e-7) / 2) < 1e-18)
        let last = s.learningRate(atStep: n - 1, totalSteps: n)
        // ½(1 + cos(π·999/1000)) = sin²(π/2000)
        let sin = Double.sin(Double.pi / 2000)
        #expect(abs(last - (1e-7 + (1e-3 - 1e-7) * sin * sin)) < 1e-18)
        #expect(s.peakLearningRate == 1e-3)
        #expect(LearningRateSchedule.constant(learningRate: 0.01).learningRate(atStep: 77, totalSteps: 100) == 0.01)
    }

    @Test func invalidSchedulesThrow() {
        let bad = LearningRateSchedule.warmupCosine(
            WarmupCosineSchedule(
                initial: 0, peak: 1, end: 0, warmupSteps: 10,
                decaySteps: 10))
        #expect(throws: RecurrentError.self) { try bad.validate(totalSteps: 100) }
        #expect(throws: RecurrentError.self) {
            try LearningRateSchedule.constant(learningRate: -1).validate(totalSteps: 1)
        }
        #expect(throws: RecurrentError.self) {
            try LearningRateSchedule.zucchetOrvieto(peak: .infinity).validate(totalSteps: 10)
        }
    }
}
