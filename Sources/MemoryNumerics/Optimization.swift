/// Minimisation of 1-D and N-D objective functions through the GNU Scientific Library.
///
/// * 1-D: ``Optimization/minimize(_:lower:upper:options:)``, Brent's method (Brent 1973, *Algorithms for
///   Minimization without Derivatives*, Prentice-Hall, ch. 5; GSL `gsl_min_fminimizer_brent`, GSL Reference
///   Manual §"One Dimensional Minimization") on a bracket found by a grid scan, with minima at an end of the
///   interval detected and flagged.
/// * N-D: ``Optimization/minimize(_:gradient:from:options:)``, BFGS (Nocedal & Wright 2006, *Numerical
///   Optimization*, 2nd ed., Springer, §6.1, with Fletcher's line search; GSL
///   `gsl_multimin_fdfminimizer_vector_bfgs2`) when a gradient is supplied, otherwise the Nelder–Mead simplex
///   (Nelder & Mead 1965, *Comput. J.* 7(4):308–313; GSL `gsl_multimin_fminimizer_nmsimplex2`, GSL Reference
///   Manual §"Multidimensional Minimization").
///
/// Objective closures reach GSL through its `void *params` argument as an unretained pointer to a per-call box,
/// so there is no global state and the minimisers are reentrant (a minimiser may be called from inside another's
/// objective, and from several threads at once).
///
/// Failure handling, the same for every minimiser:
/// * an error thrown by the objective (or the gradient) stops the minimisation and is rethrown unchanged;
/// * a NaN or +∞ value is treated as "worse than any finite value": it is replaced by
///   ``Optimization/nonFinitePenaltyDefault`` (configurable per call), counted in the result, and the search
///   moves away from it. A non-finite value at the starting point (N-D) throws ``NumericsError/domain(_:)``;
/// * a value of −∞ stops the search (the objective is unbounded below) and is reported with `converged == false`;
/// * a gradient containing NaN/±∞, or of the wrong length, stops the search and is reported in `status`
///   (`converged == false`).
public enum Optimization {
    /// Value substituted for NaN/+∞ objective values unless the options say otherwise: large enough to lose
    /// every comparison with a sensible objective, small enough that GSL's interpolation steps stay finite.
    public static let nonFinitePenaltyDefault = 1e250
}

// MARK: - 1-D options and result

extension Optimization {
    /// Where a 1-D minimiser lies in its search interval.
    public enum Boundary: String, Sendable, Equatable {
        /// Strictly inside the interval, found by Brent's method.
        case interior
        /// At the lower end: the objective increases on moving inward (to the x tolerance).
        case lower
        /// At the upper end.
        case upper
    }

    /// Settings of the 1-D minimiser. Convergence: the final bracket [l, u] satisfies
    /// u − l < absoluteTolerance + relativeTolerance·min(|l|, |u|) (GSL `gsl_min_test_interval`).
    public struct ScalarOptions: Sendable, Equatable {
        /// Absolute x tolerance (≥ 0).
        public var absoluteTolerance: Double
        /// Relative x tolerance (≥ 0). GSL's Brent steps are never shorter than √ε·|x| ≈ 1.5e-8·|x|; a bracket
        /// that narrow is finished by golden-section steps, which reach any tolerance down to the floating-point
        /// spacing (for a smooth objective, rounding makes x accurate only to about √ε·|x| anyway).
        public var relativeTolerance: Double
        /// Maximum Brent iterations (≥ 1), not counting the scan.
        public var maxIterations: Int
        /// Number of equal sub-intervals of the initial grid scan (≥ 2); the scan costs scanIntervals + 1
        /// evaluations and finds the best of several local minima only up to its resolution.
        public var scanIntervals: Int
        /// Value used in place of NaN/+∞ objective values (finite).
        public var nonFinitePenalty: Double

        public init(
            absoluteTolerance: Double = 1e-10, relativeTolerance: Double = 1e-7, maxIterations: Int = 200,
            scanIntervals: Int = 16, nonFinitePenalty: Double = Optimization.nonFinitePenaltyDefault
        ) {
            self.absoluteTolerance = absoluteTolerance
            self.relativeTolerance = relativeTolerance
            self.maxIterations = maxIterations
            self.scanIntervals = scanIntervals
            self.nonFinitePenalty = nonFinitePenalty
        }
    }

    /// Outcome of a 1-D minimisation.
    public struct ScalarResult: Sendable, Equatable, CustomStringConvertible {
        /// The point found (an end of the interval when `boundary != .interior`).
        public let minimizer: Double
        /// The objective there (−∞ if the objective returned −∞; the penalty if no finite value was seen).
        public let minimum: Double
        /// Brent iterations (0 for a boundary minimum).
        public let iterations: Int
        /// Objective evaluations, scan included.
        public let evaluations: Int
        /// Whether the tolerance test was met (always true for a boundary minimum that was confirmed).
        public let converged: Bool
        /// Interior point or end of the interval.
        public let boundary: Boundary
        /// The final bracket (lower, upper) containing the minimiser.
        public let bracketLower: Double
        public let bracketUpper: Double
        /// Evaluations whose value was NaN or +∞ (replaced by the penalty).
        public let nonFiniteEvaluations: Int
        /// A one-line account of how the search ended.
        public let status: String

        /// True when the minimum is at an end of the interval.
        public var isAtBoundary: Bool { boundary != .interior }

        public var description: String {
            "minimizer \(minimizer), minimum \(minimum), \(iterations) iterations, \(evaluations) evaluations, "
                + "converged \(converged), boundary \(boundary.rawValue): \(status)"
        }
    }
}

// MARK: - N-D options and result

extension Optimization {
    /// The N-D method that was used.
    public enum Method: String, Sendable, Equatable {
        /// BFGS with GSL's `vector_bfgs2` (gradient supplied).
        case bfgs
        /// Nelder–Mead simplex, GSL's `nmsimplex2` (no gradient).
        case nelderMead
    }

    /// Settings of the N-D minimisers.
    ///
    /// Convergence: BFGS stops when the Euclidean norm of the gradient is below `gradientTolerance`
    /// (GSL `gsl_multimin_test_gradient`); Nelder–Mead stops when the simplex size (GSL: mean distance of the
    /// vertices from their centre) is below `simplexSizeTolerance` (GSL `gsl_multimin_test_size`).
    public struct Options: Sendable, Equatable {
        /// Absolute tolerance on ‖∇f‖₂ (BFGS, > 0). Scale-dependent: rounding usually stalls BFGS (GSL status
        /// "not making progress") near ‖∇f‖ ≈ √ε·(curvature scale), so much smaller values are rarely reachable.
        public var gradientTolerance: Double
        /// Absolute tolerance on the simplex size (Nelder–Mead, > 0).
        public var simplexSizeTolerance: Double
        /// Maximum iterations (≥ 1).
        public var maxIterations: Int
        /// BFGS: length of the first trial step (GSL `step_size`, > 0).
        public var initialStepSize: Double
        /// BFGS: accuracy of the line search, GSL's `tol` (0 < tol < 1; the GSL manual recommends 0.1 for bfgs2).
        public var lineSearchTolerance: Double
        /// Nelder–Mead: the initial simplex step in each coordinate; `nil` means 0.1·max(1, |x₀ᵢ|).
        public var initialSimplexSteps: [Double]?
        /// Value used in place of NaN/+∞ objective values (finite).
        public var nonFinitePenalty: Double

        public init(
            gradientTolerance: Double = 1e-6, simplexSizeTolerance: Double = 1e-8, maxIterations: Int = 5000,
            initialStepSize: Double = 0.01, lineSearchTolerance: Double = 0.1, initialSimplexSteps: [Double]? = nil,
            nonFinitePenalty: Double = Optimization.nonFinitePenaltyDefault
        ) {
            self.gradientTolerance = gradientTolerance
            self.simplexSizeTolerance = simplexSizeTolerance
            self.maxIterations = maxIterations
            self.initialStepSize = initialStepSize
            self.lineSearchTolerance = lineSearchTolerance
            self.initialSimplexSteps = initialSimplexSteps
            self.nonFinitePenalty = nonFinitePenalty
        }
    }

    /// Outcome of an N-D minimisation.
    public struct Result: Sendable, Equatable, CustomStringConvertible {
        /// The best point found.
        public let minimizer: [Double]
        /// The objective there (−∞ if the objective returned −∞).
        public let minimum: Double
        /// Iterations performed.
        public let iterations: Int
        /// Objective evaluations (the start-point check included).
        public let evaluations: Int
        /// Gradient evaluations (0 for Nelder–Mead).
        public let gradientEvaluations: Int
        /// Whether the convergence test was met.
        public let converged: Bool
        /// BFGS or Nelder–Mead.
        public let method: Method
        /// ‖∇f‖₂ at the minimiser (BFGS) or nil.
        public let gradientNorm: Double?
        /// Final simplex size (Nelder–Mead) or nil.
        public let simplexSize: Double?
        /// Evaluations whose value was NaN or +∞ (replaced by the penalty).
        public let nonFiniteEvaluations: Int
        /// A one-line account of how the search ended.
        public let status: String

        public var description: String {
            "\(method.rawValue): minimizer \(minimizer), minimum \(minimum), \(iterations) iterations, "
                + "\(evaluations) evaluations, converged \(converged): \(status)"
        }
    }
}

// MARK: - Objective boxes (passed to GSL as `void *params`)

/// Wraps a Swift objective for a C callback: counts evaluations, maps non-finite values to the penalty, records
/// a thrown error or a −∞ value and, once either happened, stops calling the objective.
final class ObjectiveBox<Argument> {
    let objective: (Argument) throws -> Double
    let penalty: Double
    var evaluations = 0
    var nonFiniteEvaluations = 0
    /// The first error thrown by the objective or gradient.
    var thrownError: (any Error)?
    /// Where the objective returned −∞.
    var minusInfinityAt: Argument?
    /// A reason to stop that is reported, not thrown (bad gradient).
    var stopReason: String?

    init(_ objective: @escaping (Argument) throws -> Double, penalty: Double) {
        self.objective = objective
        self.penalty = penalty
    }

    /// True once the search must end (the remaining C calls get the penalty without calling the objective).
    var mustStop: Bool { thrownError != nil || minusInfinityAt != nil || stopReason != nil }

    func value(_ x: Argument) -> Double {
        if mustStop { return penalty }
        evaluations += 1
        do {
            let v = try objective(x)
            if v.isFinite { return v }
            if v == -.infinity {
                minusInfinityAt = x
                return penalty
            }
            nonFiniteEvaluations += 1
            return penalty
        } catch {
            thrownError = error
            return penalty
        }
    }
}

extension Optimization {
    static func validate(_ value: Double, _ name: String, positive: Bool = false) throws {
        if !value.isFinite || value < 0 || (positive && value == 0) {
            throw NumericsError.domain(
                "Optimization: \(name) must be \(positive ? "positive" : "non-negative") and finite, got \(value)")
        }
    }

    static func validate(_ value: Int, _ name: String, atLeast minimum: Int) throws {
        if value < minimum {
            throw NumericsError.domain("Optimization: \(name) must be at least \(minimum), got \(value)")
        }
    }
}
