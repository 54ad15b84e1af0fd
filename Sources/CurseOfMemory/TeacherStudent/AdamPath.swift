import MemoryNumerics
import Recurrent

/// Adam on the one-dimensional teacher–student loss with exact gradients (hyper-dual numbers), the optimisation
/// paths of Zucchet & Orvieto (2024, NeurIPS, Fig. 7: start 0.99e^{iπ/4}, teacher 0.99e^{iπ/100}, learning rate
/// 1e-3, 50 000 steps, three parametrisations). Adam is `Adam` (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, ε added
/// after bias correction, the defaults of optax `adam`), with its state carried from step to step. The paper's
/// notebook `learn_theta.ipynb` names optax `adam` but its `step` discards the optimiser state that `opt.update`
/// returns, so every one of its updates is Adam's first step, −lr·g/(|g| + ε) per coordinate (sign descent):
/// these paths are Adam's, not the figure's sign-descent paths.
public struct AdamPath: Sendable, Equatable {
    /// The parametrisation Adam updates.
    public let parametrization: Parametrization
    /// Step index of every recorded point (0 = the start).
    public let steps: [Int]
    /// ω₁, ω₂ along the path.
    public let first: [Double]
    /// ω₂ along the path.
    public let second: [Double]
    /// λ(ω₁, ω₂) along the path.
    public let eigenvalues: [Complex<Double>]
    /// The loss at every recorded point.
    public let losses: [Double]
    /// The step at which an update left the unit disk (the path stops before it), nil if it never did.
    public let leftDomainAtStep: Int?

    /// Run Adam from `start` for `steps` updates, recording every `recordEvery`-th point and the last one.
    public static func run(
        loss: TeacherStudentLoss, parametrization: Parametrization, start: Complex<Double>,
        learningRate: Double = 1e-3, steps: Int = 50_000, recordEvery: Int = 1
    ) throws -> AdamPath {
        try CurseOfMemoryError.require(
            learningRate.isFinite && learningRate > 0, "learning-rate",
            "must be finite and > 0, got \(learningRate)")
        try CurseOfMemoryError.require(steps >= 0, "steps", "must be ≥ 0, got \(steps)")
        try CurseOfMemoryError.require(recordEvery >= 1, "record-every", "must be ≥ 1, got \(recordEvery)")
        var (w1, w2) = try parametrization.coordinates(of: start)
        var adam = try Adam()
        var rec = (steps: [Int](), first: [Double](), second: [Double](), lambda: [Complex<Double>](), loss: [Double]())
        func record(_ step: Int, _ value: Double) {
            rec.steps.append(step)
            rec.first.append(w1)
            rec.second.append(w2)
            rec.lambda.append(parametrization.eigenvalue(w1, w2))
            rec.loss.append(value)
        }
        var current = try loss.gradient(parameters: w1, w2, parametrization: parametrization)
        record(0, current.value)
        var left: Int? = nil
        if steps > 0 {
            for step in 1...steps {
                var p = [w1, w2]
                try adam.update(&p, gradient: current.gradient, learningRate: learningRate)
                let l = parametrization.eigenvalue(p[0], p[1])
                guard l.isFinite, l.length < 1 else {
                    left = step
                    break
                }
                (w1, w2) = (p[0], p[1])
                current = try loss.gradient(parameters: w1, w2, parametrization: parametrization)
                if step % recordEvery == 0 || step == steps { record(step, current.value) }
            }
        }
        return AdamPath(
            parametrization: parametrization, steps: rec.steps, first: rec.first, second: rec.second,
            eigenvalues: rec.lambda, losses: rec.loss, leftDomainAtStep: left)
    }

    /// Fig. 7 as coded in the official notebook `learn_theta.ipynb`: the unnormalised loss (white unit input), start
    /// 0.99e^{iπ/4}, teacher 0.99e^{iπ/100}, Adam with learning rate 1e-3, and ν = tanh ω₁ with the angle θ = ω₂,
    /// θ = e^{ω₂} and θ = ω₂(1 − ν²)/(ν√(1 + ν²)) (``Parametrization/figure7Polar``, ``Parametrization/figure7Exp``,
    /// ``Parametrization/figure7Optimal``).
    public static func figure7(steps: Int = 50_000, recordEvery: Int = 100) throws -> [AdamPath] {
        let loss = try TeacherStudentLoss(
            teacher: Complex(
                0.99 * Double.cos(Double.pi / 100),
                0.99 * Double.sin(Double.pi / 100)))
        let start = Complex(0.99 * Double.cos(Double.pi / 4), 0.99 * Double.sin(Double.pi / 4))
        return try [Parametrization.figure7Polar, .figure7Exp, .figure7Optimal].map {
            try run(
                loss: loss, parametrization: $0, start: start, learningRate: 1e-3, steps: steps,
                recordEvery: recordEvery)
        }
    }
}
