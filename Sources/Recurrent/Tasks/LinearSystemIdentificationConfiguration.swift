import MemoryNumerics

/// Settings of ``LinearSystemIdentificationTask``. Defaults are the paper's (Zucchet & Orvieto 2024, NeurIPS,
/// arXiv 2405.21064): d = 10, d_in = d_out = 1, max_phase = 3.14, T = 300, batch 128, x_t i.i.d.
/// N(0, 1), no output noise; ν₀ = 0.99 (Fig. 3B/10/11; Fig. 3A scans ν₀ ∈ {0.36, …, 0.99}).
public struct LinearSystemIdentificationConfiguration: Sendable, Codable, Equatable {
    /// Teacher state size d.
    public var teacherSize: Int
    /// Input width d_in of teacher and student.
    public var inputSize: Int
    /// Output width d_out of teacher and student.
    public var outputSize: Int
    /// ν₀: teacher eigenvalue moduli ν₀ + (ν_max − ν₀)·tanh|l| ∈ [ν₀, ν_max) (the student's `min_nu` in the paper).
    public var minimumModulus: Double
    /// ν_max (`max_nu`, 1 in the paper).
    public var maximumModulus: Double
    /// Phases angle(l)·max_phase/π.
    public var maximumPhase: Double
    /// Sequence length T.
    public var sequenceLength: Int
    /// Training batch size B (fresh batch every update).
    public var batchSize: Int
    /// Size of the fixed validation and test batches (0: none).
    public var evaluationBatchSize: Int
    /// Input distribution x_t ~ N(inputMean, inputStd²), i.i.d.
    public var inputMean: Double
    /// Standard deviation σ of the inputs.
    public var inputStd: Double
    /// Standard deviation of i.i.d. Gaussian noise added to the targets (0 in the paper).
    public var noiseStd: Double

    /// Settings (defaults: the paper's).
    public init(
        teacherSize: Int = 10, inputSize: Int = 1, outputSize: Int = 1, minimumModulus: Double = 0.99,
        maximumModulus: Double = 1, maximumPhase: Double = 3.14, sequenceLength: Int = 300,
        batchSize: Int = 128, evaluationBatchSize: Int = 128, inputMean: Double = 0, inputStd: Double = 1,
        noiseStd: Double = 0
    ) {
        self.teacherSize = teacherSize
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.minimumModulus = minimumModulus
        self.maximumModulus = maximumModulus
        self.maximumPhase = maximumPhase
        self.sequenceLength = sequenceLength
        self.batchSize = batchSize
        self.evaluationBatchSize = evaluationBatchSize
        self.inputMean = inputMean
        self.inputStd = inputStd
        self.noiseStd = noiseStd
    }

    /// Throws a descriptive ``RecurrentError`` for an out-of-range setting.
    public func validate() throws {
        try TaskChecks.positive(teacherSize, "teacherSize")
        try TaskChecks.positive(inputSize, "inputSize")
        try TaskChecks.positive(outputSize, "outputSize")
        try TaskChecks.positive(sequenceLength, "sequenceLength")
        try TaskChecks.positive(batchSize, "batchSize")
        guard evaluationBatchSize >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "evaluationBatchSize", message: "must be ≥ 0, got \(evaluationBatchSize)")
        }
        try TaskChecks.finite(inputMean, "inputMean")
        try TaskChecks.finite(inputStd, "inputStd", nonNegative: true)
        try TaskChecks.finite(noiseStd, "noiseStd", nonNegative: true)
        // ν₀, ν_max and max_phase are checked by LinearRNN.zucchetOrvietoMatrix.
    }
}
