import MemoryNumerics
import Recurrent

/// The Hessian at the optimum of a dense linear RNN and of the complex-diagonal network computing the same function
/// (Zucchet & Orvieto 2024, NeurIPS, §4.2, Fig. 4 and Fig. 9): a teacher of dimension d = 2·pairs made of conjugate
/// pairs with |λ| = base + spread·U[0, 1] and phases U[0, 2π), students equal to the teacher (zero loss), sequences of
/// length T with i.i.d. N(0, 1) inputs, full P × P Hessians in Float64.
///
/// **Teacher.** A = P·blockdiag([[a_k, −b_k], [b_k, a_k]])·P⁻¹ with a Gaussian P (eigenvalues a_k ± ib_k), B ~ N(0, 1),
/// C ~ N(0, 1)/√d, D ~ N(0, 1) (the official `hessian_analysis.ipynb` draws a complex eigenbasis instead; the
/// structure — a random non-normal basis — is the same). The complex-diagonal network is its eigen-decomposition:
/// with W = [[1, 1], [−i, i]] per block (eigenvectors of [[a, −b], [b, a]] for a ± ib), V = P·blockdiag(W),
/// λ = (a_k + ib_k, a_k − ib_k), B̃ = V⁻¹B, C̃ = CV, same D, in the default parametrisation without γ — 4 + 4 + 4 +
/// 4 + 4 + 4 + 1 = 25 parameters for d = 4, as the dense network's 16 + 4 + 4 + 1.
public enum OptimumHessianStudy {
    /// The teacher and the data of the study.
    public struct Configuration: Sendable, Hashable {
        /// Number of conjugate pairs (d = 2·pairs).
        public var pairs: Int
        /// |λ| = modulusBase + modulusSpread·U[0, 1].
        public var modulusBase: Double
        /// Width of the modulus range.
        public var modulusSpread: Double
        /// Sequence length T.
        public var steps: Int
        /// Number of sequences.
        public var batchSize: Int
        /// Seed of the teacher (stream 0) and of the inputs (stream 1).
        public var seed: UInt64
        /// Eigenvectors kept per network.
        public var topCount: Int
        /// Autocorrelation of the inputs (default white unit-variance noise, the paper's setting); the closed-form
        /// predictions use the same autocorrelation.
        public var input: InputAutocorrelation

        /// The paper's setting: two pairs, |λ| ∈ [0.99, 0.993], T = 300, batch 64.
        public init(
            pairs: Int = 2, modulusBase: Double = 0.99, modulusSpread: Double = 0.003, steps: Int = 300,
            batchSize: Int = 64, seed: UInt64 = 0, topCount: Int = 3, input: InputAutocorrelation = .white
        ) {
            self.input = input
            self.pairs = pairs
            self.modulusBase = modulusBase
            self.modulusSpread = modulusSpread
            self.steps = steps
            self.batchSize = batchSize
            self.seed = seed
            self.topCount = topCount
        }
    }

    /// The teacher in both forms.
    public struct Teacher: Sendable {
        /// λ₁, λ̄₁, λ₂, λ̄₂, …
        public let eigenvalues: [Complex<Double>]
        /// The dense network A, B, C, D.
        public let dense: LinearRNN
        /// Its complex-diagonal form (default parametrisation, no γ).
        public let diagonal: ComplexDiagonalRNN
    }

    /// Everything the study computes.
    public struct Report: Sendable {
        /// The teacher in both forms.
        public let teacher: Teacher
        /// The inputs x (T × batch × 1, i.i.d. N(0, 1)).
        public let inputs: SequenceBatch
        /// The dense teacher's outputs.
        public let targets: SequenceBatch
        /// max |y_diagonal − y_dense| on the batch (rounding-level: the two networks compute the same function).
        public let outputMismatch: Double
        /// The dense network's Hessian at the optimum.
        public let dense: HessianAnalysis
        /// The complex-diagonal network's Hessian at the optimum.
        public let diagonal: HessianAnalysis
        /// The diagonal network's expected Hessian at the optimum for this T (h₀ = 0, white input), from the closed
        /// forms (``DiagonalNetworkHessian/gaussNewton(_:input:steps:burnIn:)``), and its stationary limit.
        public let diagonalPrediction: Matrix
        /// The stationary (T → ∞) closed form of the diagonal network's Hessian.
        public let diagonalStationaryPrediction: Matrix
        /// ‖H − prediction‖_F/‖prediction‖_F of the diagonal network (sampling error of the finite batch).
        public let diagonalPredictionError: Double
    }

    /// Build the teacher of `configuration` (deterministic in the seed).
    public static func makeTeacher(_ configuration: Configuration) throws -> Teacher {
        let c = configuration
        try CurseOfMemoryError.require(c.pairs >= 1, "pairs", "needs ≥ 1, got \(c.pairs)")
        try CurseOfMemoryError.require(
            c.modulusBase > 0 && c.modulusSpread >= 0 && c.modulusBase + c.modulusSpread < 1,
            "modulus", "needs 0 < base and base + spread < 1")
        let d = 2 * c.pairs
        var rng = SeededRandom(seed: c.seed)
        var lambdas: [Complex<Double>] = []
        var blocks = Matrix(rows: d, columns: d)
        for k in 0..<c.pairs {
            let nu = c.modulusBase + c.modulusSpread * rng.uniform()
            let theta = 2 * Double.pi * rng.uniform()
            let a = nu * Double.cos(theta), b = nu * Double.sin(theta)
            lambdas += [Complex(a, b), Complex(a, -b)]
            blocks[2 * k, 2 * k] = a
            blocks[2 * k, 2 * k + 1] = -b
            blocks[2 * k + 1, 2 * k] = b
            blocks[2 * k + 1, 2 * k + 1] = a
        }
        let basis = try Matrix(rows: d, columns: d, columnMajor: rng.gaussians(d * d))
        // A = P M P⁻¹ = (P⁻ᵀ (P M)ᵀ)ᵀ.
        let a = try LinearAlgebra.solve(basis.transposed, (basis * blocks).transposed).transposed
        let bIn = try Matrix(rows: d, columns: 1, columnMajor: rng.gaussians(d))
        let cOut = try Matrix(rows: 1, columns: d, columnMajor: rng.gaussians(d).map { $0 / Double(d).squareRoot() })
        let dSkip = try Matrix([[rng.gaussian()]])
        let dense = try LinearRNN(recurrent: a, input: bIn, readout: cOut, skip: dSkip)
        // Diagonal form: u = P⁻¹B, w = CP, per block B̃ = W⁻¹u, C̃ = wW.
        let u = try LinearAlgebra.solve(basis, bIn).column(0)
        let w = (cOut * basis).row(0)
        var bRe = [Double](), bIm = [Double](), cRe = [Double](), cIm = [Double]()
        for k in 0..<c.pairs {
            let u0 = u[2 * k], u1 = u[2 * k + 1], w0 = w[2 * k], w1 = w[2 * k + 1]
            bRe += [0.5 * u0, 0.5 * u0]
            bIm += [0.5 * u1, -0.5 * u1]
            cRe += [w0, w0]
            cIm += [-w1, w1]
        }
        let parameters = lambdas.map(\.real) + lambdas.map(\.imaginary) + bRe + bIm + cRe + cIm + [dSkip[0, 0]]
        let diagonal = try ComplexDiagonalRNN(inputSize: 1, hiddenSize: d, outputSize: 1, parameters: parameters)
        return Teacher(eigenvalues: lambdas, dense: dense, diagonal: diagonal)
    }

    /// Run the study: data, both Hessians at the optimum, spectra, localisation, Gauss–Newton identity, and the
    /// closed-form prediction of the diagonal network's Hessian.
    public static func run(_ configuration: Configuration = Configuration()) throws -> Report {
        try CurseOfMemoryError.require(
            configuration.steps >= 1 && configuration.batchSize >= 1, "steps",
            "needs steps ≥ 1 and batch ≥ 1")
        let teacher = try makeTeacher(configuration)
        var rng = SeededRandom(seed: configuration.seed, stream: 1)
        let count = configuration.steps * configuration.batchSize
        let inputs: SequenceBatch
        if configuration.input == .white {
            inputs = try SequenceBatch(
                steps: configuration.steps, batchSize: configuration.batchSize, features: 1,
                values: rng.gaussians(count))
        } else {
            try CurseOfMemoryError.require(count <= 500_000_000, "steps", "steps × batch = \(count) is too large")
            inputs = try configuration.input.sequences(
                steps: configuration.steps, count: configuration.batchSize, using: &rng)
        }
        let targets = try teacher.dense.outputs(inputs)
        let diagonalOutputs = try teacher.diagonal.outputs(inputs)
        let mismatch = zip(targets.values, diagonalOutputs.values).reduce(0) { max($0, abs($1.0 - $1.1)) }
        let dense = try HessianAnalysis(
            model: teacher.dense, inputs: inputs, targets: targets,
            topCount: configuration.topCount)
        let diagonal = try HessianAnalysis(
            model: teacher.diagonal, inputs: inputs, targets: diagonalOutputs,
            topCount: configuration.topCount)
        let prediction = try DiagonalNetworkHessian.gaussNewton(
            teacher.diagonal, input: configuration.input,
            steps: configuration.steps)
        let stationary = try DiagonalNetworkHessian.gaussNewton(teacher.diagonal, input: configuration.input)
        let error = (diagonal.hessian - prediction).frobeniusNorm / prediction.frobeniusNorm
        return Report(
            teacher: teacher, inputs: inputs, targets: targets, outputMismatch: mismatch, dense: dense,
            diagonal: diagonal, diagonalPrediction: prediction, diagonalStationaryPrediction: stationary,
            diagonalPredictionError: error)
    }
}
