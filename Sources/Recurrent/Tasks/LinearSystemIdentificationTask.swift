import MemoryNumerics

/// Teacher–student linear system identification exactly as Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064;
/// repository NicolasZucchet/Vanishing-and-exploding-gradients-are-not-the-end-of-the-story,
/// `source/dataloaders/regression.py`, class `LinearSystem`, parametrization "dense"):
///
/// * teacher h_t = A h_{t−1} + B x_t, y_t = C h_t + D x_t, h_0 = 0, with A built by
///   ``LinearRNN/zucchetOrvietoMatrix(size:minimumModulus:maximumModulus:maximumPhase:using:)`` (A₀ ~ N(0, 1/d),
///   A = Re(V diag(l′) V⁻¹), moduli ν₀ + (ν_max − ν₀)tanh|l|, phases angle(l)·max_phase/π; computed in real
///   arithmetic from the 2 × 2 blocks of conjugate pairs and one LU solve, see that function),
///   B ~ N(0,1)/√d_in, C ~ N(0,1)/√d, D ~ N(0,1)/√d_in;
/// * x_t i.i.d. N(μ, σ²) (paper: N(0, 1)), a fresh batch for every update; targets y_t (+ optional noise);
/// * loss ½·mean over batch, time and outputs of (ŷ − y)² (``MeanSquaredError`` with `halved = true`, every step).
///
/// Randomness: the teacher is drawn from `SeededRandom(seed: seed, stream: 0)` in the order A₀ (column-major),
/// B, C, D (column-major each); the validation batch from stream 1 and the test batch from stream 2 of the same
/// seed; training batches from the trainer's generator. The paper's normalisation options of B ("L1"/"L2") are
/// not reproduced (not used in the paper's runs; the code applies `*` elementwise where a matrix product is meant).
public struct LinearSystemIdentificationTask: TrainingTask {
    /// The task's settings.
    public let configuration: LinearSystemIdentificationConfiguration
    /// Seed of the teacher and of the fixed validation and test batches.
    public let seed: UInt64
    /// The teacher network (architecture "linear", one layer, one head, matrix skip D).
    public let teacher: LinearRNN
    let validation: TaskBatch?
    let test: TaskBatch?

    /// "lsi".
    public var name: String { "lsi" }
    /// d_in of the teacher.
    public var inputSize: Int { configuration.inputSize }
    /// d_out of the teacher.
    public var outputSize: Int { configuration.outputSize }

    /// The ½·MSE loss over every step.
    public var loss: MeanSquaredError { MeanSquaredError(mask: .allSteps, halved: true) }

    /// The task: the teacher and the validation and test batches drawn from `seed`.
    public init(configuration: LinearSystemIdentificationConfiguration = .init(), seed: UInt64) throws {
        try configuration.validate()
        self.configuration = configuration
        self.seed = seed
        var rng = SeededRandom(seed: seed, stream: 0)
        teacher = try Self.makeTeacher(configuration, using: &rng)
        var validationRNG = SeededRandom(seed: seed, stream: 1)
        var testRNG = SeededRandom(seed: seed, stream: 2)
        let n = configuration.evaluationBatchSize
        validation = n > 0 ? try Self.batch(teacher, configuration, batchSize: n, using: &validationRNG) : nil
        test = n > 0 ? try Self.batch(teacher, configuration, batchSize: n, using: &testRNG) : nil
    }

    /// The teacher of the paper: A from `zucchetOrvietoMatrix`, then B, C, D Gaussian (see the type's documentation).
    public static func makeTeacher(_ c: LinearSystemIdentificationConfiguration, using rng: inout SeededRandom) throws
        -> LinearRNN
    {
        try c.validate()
        let d = c.teacherSize
        let a = try LinearRNN.zucchetOrvietoMatrix(
            size: d, minimumModulus: c.minimumModulus,
            maximumModulus: c.maximumModulus, maximumPhase: c.maximumPhase,
            using: &rng)
        func gaussianMatrix(_ rows: Int, _ columns: Int, scale: Double) throws -> Matrix {
            try Matrix(rows: rows, columns: columns, columnMajor: rng.gaussians(rows * columns).map { $0 * scale })
        }
        let b = try gaussianMatrix(d, c.inputSize, scale: 1 / Double(c.inputSize).squareRoot())
        let cc = try gaussianMatrix(c.outputSize, d, scale: 1 / Double(d).squareRoot())
        let dd = try gaussianMatrix(c.outputSize, c.inputSize, scale: 1 / Double(c.inputSize).squareRoot())
        return try LinearRNN(recurrent: a, input: b, readout: cc, skip: dd)
    }

    static func batch(
        _ teacher: LinearRNN, _ c: LinearSystemIdentificationConfiguration, batchSize: Int,
        using rng: inout SeededRandom
    ) throws -> TaskBatch {
        let x = TaskChecks.gaussians(
            c.sequenceLength * batchSize * c.inputSize, mean: c.inputMean, sd: c.inputStd,
            using: &rng)
        let inputs = try SequenceBatch(steps: c.sequenceLength, batchSize: batchSize, features: c.inputSize, values: x)
        var targets = try teacher.outputs(inputs)
        if c.noiseStd > 0 {
            let noise = TaskChecks.gaussians(targets.values.count, sd: c.noiseStd, using: &rng)
            targets = try SequenceBatch(
                steps: targets.steps, batchSize: targets.batchSize, features: targets.features,
                values: zip(targets.values, noise).map { $0 + $1 })
        }
        return try TaskBatch(inputs: inputs, targets: targets, loss: MeanSquaredError(mask: .allSteps, halved: true))
    }

    /// A fresh batch of inputs drawn from `rng`, with the teacher's outputs as targets.
    public func trainingBatch(step: Int, using rng: inout SeededRandom) throws -> TaskBatch {
        try Self.batch(teacher, configuration, batchSize: configuration.batchSize, using: &rng)
    }

    /// The fixed validation batch (nil when the evaluation batch size is 0).
    public func validationBatch() throws -> TaskBatch? { validation }
    /// The fixed test batch (nil when the evaluation batch size is 0).
    public func testBatch() throws -> TaskBatch? { test }

    /// Eigenvalues of the teacher's A (LAPACK `dgeev`).
    public func teacherEigenvalues() throws -> [Complex<Double>] {
        try LinearAlgebra.eigenvalues(teacher.recurrentMatrix(layer: 0))
    }

    /// The settings and the seed, for reports.
    public var settings: [String: String] {
        let c = configuration
        return [
            "teacherSize": "\(c.teacherSize)", "inputSize": "\(c.inputSize)", "outputSize": "\(c.outputSize)",
            "minimumModulus": "\(c.minimumModulus)", "maximumModulus": "\(c.maximumModulus)",
            "maximumPhase": "\(c.maximumPhase)", "sequenceLength": "\(c.sequenceLength)",
            "batchSize": "\(c.batchSize)", "evaluationBatchSize": "\(c.evaluationBatchSize)",
            "inputMean": "\(c.inputMean)", "inputStd": "\(c.inputStd)", "noiseStd": "\(c.noiseStd)",
            "seed": "\(seed)", "loss": "half mean squared error",
        ]
    }
}
