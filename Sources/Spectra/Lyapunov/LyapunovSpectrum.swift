import MemoryNumerics

/// Lyapunov exponents of a ``TangentDynamics`` by the QR method, with the diagnostics that make them checkable.
///
/// Method (Benettin, Galgani, Giorgilli & Strelcyn 1980, *Meccanica* 15:9/15:21; Shimada & Nagashima 1979; for
/// recurrent networks Engelken, Wolf & Abbott 2023, *Phys. Rev. Research* 5:043044): a random orthonormal frame
/// Q (n × k) is carried along the trajectory, Q ← D_t Q, and re-orthonormalised by Householder QR every t_ONS
/// steps, Q R = D_t ⋯ Q, keeping R_ii ≥ 0 (see `OrthonormalFrame`); λ_i = Σ log R_ii / (elapsed time). Only the
/// first k columns are ever carried, and column i only mixes with columns before it, so the k leading exponents
/// are right for any k ≤ n. Exponents are natural-log rates per unit of the system's ``TangentDynamics/timeStep``.
///
/// Checks carried in the result: the sum of all n exponents equals the time average of log|det D_t| (an identity
/// of the QR method: Σ_i log R_ii over a step is log|det D_t|); λ₁ from two nearby trajectories (renormalised
/// every step; Benettin, Galgani & Strelcyn 1976, *Phys. Rev. A* 14:2338) agrees with the QR λ₁; for the
/// discretisation of a chaotic flow one exponent tends to 0.
public struct LyapunovSpectrum: Sendable, Equatable {
    /// λ_1 ≥ … ≥ λ_k (sorted).
    public let exponents: [Double]
    /// n, the state dimension.
    public let dimension: Int
    /// Steps over which the exponents were averaged (see ``LyapunovOptions``).
    public let steps: Int
    /// Steps of the state alone before the frame was introduced.
    public let transientSteps: Int
    /// Steps with the frame but without accumulation.
    public let warmUpSteps: Int
    /// Re-orthonormalisation interval t_ONS.
    public let renormalizationInterval: Int
    /// Time per step; exponents are per unit of this time.
    public let timeStep: Double
    /// The time average of log|det D_t| over the accumulated steps, per unit time (the identity
    /// Σ_{i=1}^{n} λ_i = ``meanLogAbsDeterminant`` holds to rounding when all n exponents are computed); nil
    /// unless requested.
    public let meanLogAbsDeterminant: Double?
    /// λ₁ from two trajectories at distance ``LyapunovOptions/perturbation``, renormalised every step and averaged
    /// over the same steps; nil unless requested, or when the estimate failed (``twoTrajectoryFailure``).
    public let twoTrajectoryLargestExponent: Double?
    /// Why the two-trajectory estimate is undefined although it was requested: the distance became non-finite
    /// (the partner trajectory overflowed) or exactly zero during accumulation (the trajectories merged: log 0). The
    /// QR exponents do not depend on it and stay valid. nil when the estimate exists or was not requested.
    public let twoTrajectoryFailure: String?
    /// Finite-time exponents: row w holds the k exponents (in frame-column order, which is descending up to
    /// finite-time fluctuations) over window w of ``windowSteps`` steps; empty without windows.
    public let finiteTimeExponents: [[Double]]
    /// The window length, if windows were requested.
    public let windowSteps: Int?
    /// The leading Lyapunov vector q (the first frame column at the end of the run, unit norm).
    public let leadingVector: [Double]

    /// Σ_i λ_i over the computed exponents.
    public var sum: Double { exponents.reduce(0, +) }

    /// Participation ratio P = 1/Σ_i q_i⁴ of the unit leading Lyapunov vector (1: one unit; n: evenly spread).
    public var leadingVectorParticipationRatio: Double {
        let s = leadingVector.reduce(0) { $0 + $1 * $1 * $1 * $1 }
        return s > 0 ? 1 / s : 0
    }

    /// The Kaplan–Yorke dimension j + Σ_{i≤j} λ_i/|λ_{j+1}|, j the largest index with Σ_{i≤j} λ_i ≥ 0 (Kaplan &
    /// Yorke 1979, *Lect. Notes Math.* 730:204): 0 if λ₁ < 0; nil if the partial sums never turn negative within
    /// the computed exponents (compute more of them).
    public var kaplanYorkeDimension: Double? { Self.kaplanYorkeDimension(of: exponents) }

    /// The Kaplan–Yorke dimension of a descending list of exponents (e.g. a mean over sequences); see
    /// ``kaplanYorkeDimension``.
    public static func kaplanYorkeDimension(of exponents: [Double]) -> Double? {
        var partial = 0.0
        for (j, lambda) in exponents.enumerated() {
            if partial + lambda < 0 {
                return j == 0 ? 0 : Double(j) + partial / abs(lambda)
            }
            partial += lambda
        }
        return nil
    }

    /// Σ of the positive exponents: an upper bound on the Kolmogorov–Sinai entropy rate (Ruelle's inequality),
    /// equal to it for SRB measures (Pesin's formula).
    public var positiveExponentSum: Double { exponents.filter { $0 > 0 }.reduce(0, +) }

    /// Compute the spectrum of `dynamics` (a copy is iterated; the argument is not changed).
    ///
    /// - Parameters:
    ///   - dynamics: the map, rate network or input-driven network whose tangent dynamics are iterated.
    ///   - options: transient, warm-up, accumulated steps, number of exponents and windows of finite-time exponents.
    ///   - progress: called after every renormalisation with (steps done, total steps) over warm-up and
    ///     accumulation.
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for inconsistent options,
    ///   ``SpectraError/divergence(step:message:)`` when the trajectory or the tangent vectors overflow.
    public init<D: TangentDynamics>(
        _ dynamics: D, options: LyapunovOptions, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws {
        let n = dynamics.dimension
        try options.validate(dimension: n, remainingSteps: dynamics.remainingSteps)
        let k = options.exponents ?? n
        let warmUp = options.resolvedWarmUpSteps
        let interval = options.renormalizationInterval
        var system = dynamics
        for _ in 0..<options.transientSteps { try system.step() }
        var frame =
            try options.initialFrame.map { try OrthonormalFrame(basis: $0) }
            ?? OrthonormalFrame(dimension: n, columns: k, seed: options.seed)
        // The partner trajectory of the two-trajectory estimate starts at the beginning of the warm-up.
        var partner: D? = nil
        var d0 = 0.0
        if let p = options.perturbation {
            var rng = SeededRandom(seed: options.seed, stream: 7)
            let u = rng.gaussians(n)
            let norm = BLAS.norm(u)
            var perturbed = system
            try perturbed.setState(zip(system.state, u).map { $0 + p * $1 / norm })
            partner = perturbed
            d0 = p
        }
        var sums = [Double](repeating: 0, count: k)
        var windowSums = [Double](repeating: 0, count: k)
        var windows: [[Double]] = []
        var logDeterminantSum = 0.0
        var twoTrajectorySum = 0.0
        var twoTrajectoryProblem: String? = nil
        let total = warmUp + options.steps
        let dt = system.timeStep
        // All n vectors of a system with a closed-form Jacobian: apply the Householder factors of the last QR to
        // D_t directly (cheaper than forming Q and multiplying); otherwise step the tangent vectors — unless D_t is
        // formed anyway for its determinant.
        let explicitJacobian = system.hasCheapJacobian && k == n
        var jacobian = Matrix(rows: n, columns: n)
        for t in 0..<total {
            let accumulating = t >= warmUp
            let determinant = accumulating && options.computesDeterminant
            if explicitJacobian {
                // D_t is formed where the product needs it (no copy), its determinant from the closed form.
                if determinant { logDeterminantSum += try system.logAbsDeterminant() }
                try frame.multiply(byMatrixWrittenBy: { try system.writeJacobian(into: &$0) })
                try system.step()
            } else if determinant {
                try system.writeJacobian(into: &jacobian)
                logDeterminantSum +=
                    system.hasCheapJacobian
                    ? try system.logAbsDeterminant() : try LinearAlgebra.logAbsDeterminant(jacobian).logAbs
                try frame.multiply(by: jacobian)
                try system.step()
            } else {
                try frame.transform { q, out in try system.step(tangents: q, into: &out) }
            }
            if var other = partner {
                // The cross-check: a failure of the perturbed trajectory (overflow) ends it, not the QR exponents.
                do {
                    try other.step()
                    let difference = zip(other.state, system.state).map { $0 - $1 }
                    let d = BLAS.norm(difference)
                    if !d.isFinite {
                        twoTrajectoryProblem =
                            "the distance of the perturbed trajectory is \(d) at step \(system.stepIndex) (overflow)"
                        partner = nil
                    } else {
                        if accumulating {
                            if d == 0 && twoTrajectoryProblem == nil {
                                twoTrajectoryProblem =
                                    "the perturbed trajectory merged with the reference one at step "
                                    + "\(system.stepIndex) (distance exactly 0: log 0)"
                            }
                            twoTrajectorySum += Double.log(d / d0)
                        }
                        if d > 0 {
                            try other.setState(zip(system.state, difference).map { $0 + (d0 / d) * $1 })
                        } else {
                            // The trajectories merged exactly (non-injective map): restart the perturbation.
                            var rng = SeededRandom(seed: options.seed, stream: 8 &+ UInt64(t))
                            let u = rng.gaussians(n)
                            let norm = BLAS.norm(u)
                            try other.setState(zip(system.state, u).map { $0 + d0 * $1 / norm })
                        }
                        partner = other
                    }
                } catch {
                    twoTrajectoryProblem = "the perturbed trajectory failed at step \(system.stepIndex): \(error)"
                    partner = nil
                }
            }
            if (t + 1) % interval == 0 {
                let logs: [Double]
                do { logs = try frame.renormalize() } catch let error as NumericsError {
                    throw SpectraError.divergence(step: system.stepIndex, message: "\(error)")
                }
                if accumulating {
                    for i in 0..<k { sums[i] += logs[i] }
                    if let w = options.windowSteps {
                        for i in 0..<k { windowSums[i] += logs[i] }
                        if (t + 1 - warmUp) % w == 0 {
                            windows.append(windowSums.map { $0 / (Double(w) * dt) })
                            windowSums = [Double](repeating: 0, count: k)
                        }
                    }
                }
                progress?(t + 1, total)
            }
        }
        let time = Double(options.steps) * dt
        exponents = sums.map { $0 / time }.sorted(by: >)
        dimension = n
        steps = options.steps
        transientSteps = options.transientSteps
        warmUpSteps = warmUp
        renormalizationInterval = interval
        timeStep = dt
        meanLogAbsDeterminant = options.computesDeterminant ? logDeterminantSum / time : nil
        if options.perturbation != nil, twoTrajectoryProblem == nil, !(twoTrajectorySum / time).isFinite {
            twoTrajectoryProblem = "the accumulated log-distance is \(twoTrajectorySum / time)"
        }
        twoTrajectoryLargestExponent =
            options.perturbation == nil || twoTrajectoryProblem != nil ? nil : twoTrajectorySum / time
        twoTrajectoryFailure = twoTrajectoryProblem
        finiteTimeExponents = windows
        windowSteps = options.windowSteps
        leadingVector = frame.basis.column(0)
    }
}
