import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("Tasks")
struct TasksTests {
    // MARK: linear system identification

    /// Zucchet & Orvieto's teacher: eigenvalue moduli ν₀ + (1 − ν₀)tanh|l| ∈ [ν₀, 1) (Zucchet & Orvieto 2024), checked
    /// on the eigenvalues LAPACK finds for the assembled real A, over several ν₀ and seeds.
    @Test(arguments: [0.0, 0.36, 0.9, 0.99])
    func teacherEigenvalueModuliLieInRange(nu0: Double) throws {
        for seed: UInt64 in [1, 2, 3, 2023] {
            let c = LinearSystemIdentificationConfiguration(
                minimumModulus: nu0, sequenceLength: 5, batchSize: 2,
                evaluationBatchSize: 0)
            let task = try LinearSystemIdentificationTask(configuration: c, seed: seed)
            let moduli = try task.teacherEigenvalues().map(\.length)
            #expect(moduli.count == 10)
            for m in moduli {
                #expect(m >= nu0 - 1e-10 && m < 1, "ν₀ = \(nu0), seed \(seed): |λ| = \(m)")
            }
            // Not all pinned at an end of the range (tanh|l| spreads them) unless ν₀ is close to 1.
            if nu0 < 0.5, let hi = moduli.max(), let lo = moduli.min() { #expect(hi - lo > 0.05) }
        }
    }

    /// The task's targets are the teacher recurrence h_t = A h_{t−1} + B x_t, y_t = C h_t + D x_t (h₀ = 0)
    /// evaluated by hand, and teacher matrices have the paper's scales (B, D ~ N(0,1)/√d_in, C ~ N(0,1)/√d).
    @Test func lsiTargetsFollowTheTeacherRecurrence() throws {
        let c = LinearSystemIdentificationConfiguration(
            teacherSize: 4, minimumModulus: 0.5, sequenceLength: 12,
            batchSize: 3, evaluationBatchSize: 2)
        let task = try LinearSystemIdentificationTask(configuration: c, seed: 7)
        var rng = SeededRandom(seed: 11)
        let batch = try task.trainingBatch(step: 0, using: &rng)
        let teacher = task.teacher
        let a = try teacher.parameterMatrix(named: "layer0.A")
        let bm = try teacher.parameterMatrix(named: "layer0.B")
        let cm = try teacher.parameterMatrix(named: "readout.C")
        let dm = try teacher.parameterMatrix(named: "readout.D")
        #expect(teacher.parameterCount == 25)
        for seq in 0..<3 {
            var h = [Double](repeating: 0, count: 4)
            for t in 0..<12 {
                let x = batch.inputs[t, seq, 0]
                var next = [Double](repeating: 0, count: 4)
                for i in 0..<4 {
                    for j in 0..<4 { next[i] += a[i, j] * h[j] }
                    next[i] += bm[i, 0] * x
                }
                h = next
                var y = dm[0, 0] * x
                for j in 0..<4 { y += cm[0, j] * h[j] }
                #expect(abs(batch.targets[t, seq, 0] - y) < 1e-12 * max(1, abs(y)))
            }
        }
        // Fresh data every step, fixed held-out data.
        let second = try task.trainingBatch(step: 1, using: &rng)
        #expect(second.inputs != batch.inputs)
        let v1 = try #require(try task.validationBatch()), v2 = try #require(try task.validationBatch())
        #expect(v1.inputs == v2.inputs)
        #expect(try #require(try task.testBatch()).inputs != v1.inputs)
    }

    // MARK: delayed recall

    /// y_t = x_{t−k} on t ≥ k (0-based), zero and masked before; AR(1) inputs have lag-1 correlation ρ and unit
    /// variance (Monte Carlo: 64 × 500 draws, s.e. of the correlation ≈ (1 − ρ²)/√n ≈ 0.004 at ρ = 0.6; tolerance
    /// 0.03 for ρ and 0.05 for the variance).
    @Test func delayedRecallTargetsAndInputs() throws {
        let c = DelayedRecallConfiguration(
            delays: [0, 3], correlation: 0.6, sequenceLength: 500, batchSize: 64,
            evaluationBatchSize: 0)
        let task = try DelayedRecallTask(configuration: c, seed: 1)
        #expect(task.outputSize == 2)
        var rng = SeededRandom(seed: 5)
        let b = try task.trainingBatch(step: 0, using: &rng)
        var sxx = 0.0, sxy = 0.0, count = 0.0
        for s in 0..<64 {
            for t in 0..<500 {
                #expect(b.targets[t, s, 0] == b.inputs[t, s, 0])
                #expect(b.targets[t, s, 1] == (t >= 3 ? b.inputs[t - 3, s, 0] : 0))
                sxx += b.inputs[t, s, 0] * b.inputs[t, s, 0]
                if t > 0 { sxy += b.inputs[t, s, 0] * b.inputs[t - 1, s, 0] }
                count += 1
            }
        }
        let variance = sxx / count
        let rho = sxy / (count - 64) / variance
        #expect(abs(variance - 1) < 0.05, "variance \(variance)")
        #expect(abs(rho - 0.6) < 0.03, "lag-1 correlation \(rho)")
        #expect((b.loss as? MeanSquaredError) == MeanSquaredError(mask: .fromStep(3), halved: true))
        #expect(abs(task.memorylessLoss - 0.5 * (0 + (1 - Double.pow(0.36, 3))) / 2) < 1e-15)
        #expect(throws: RecurrentError.self) {
            try DelayedRecallTask(configuration: DelayedRecallConfiguration(delay: 10, sequenceLength: 10), seed: 1)
        }
        #expect(throws: RecurrentError.self) {
            try DelayedRecallTask(configuration: DelayedRecallConfiguration(delay: 1, correlation: 1), seed: 1)
        }
    }

    // MARK: Zhao et al. series protocol

    static let series: [Double] = [2, 4, 6, 3, 10, 8, 1, 5, 7, 9, 12]

    /// n = 11 values, 10 pairs ⇒ 50/30/20 = 5/3/2. Whole-series scaler: min 1, max 12; training-split scaler
    /// (values y_1 … y_6 = 2, 4, 6, 3, 10, 8): min 2, max 10, so the 1 and the 12 of later splits fall outside [0, 1].
    @Test func zhaoScalerVariants() throws {
        let whole = try SeriesPredictionTask(series: Self.series)
        #expect(whole.splits == (try SeriesSplits(train: 5, validation: 3, test: 2)))
        #expect(whole.scaler.minimum == 1 && whole.scaler.maximum == 12)
        #expect(TestSupport.maxAbsError(whole.scaled, Self.series.map { ($0 - 1) / 11 }) < 1e-15)

        let trainOnly = try SeriesPredictionTask(series: Self.series, scalerFit: .trainingSplit)
        #expect(trainOnly.scaler.minimum == 2 && trainOnly.scaler.maximum == 10)
        #expect(TestSupport.maxAbsError(trainOnly.scaled, Self.series.map { ($0 - 2) / 8 }) < 1e-15)
        #expect(trainOnly.scaled[6] < 0 && trainOnly.scaled[10] > 1)
        for v in Self.series { #expect(abs(trainOnly.scaler.inverse(trainOnly.scaler.transform(v)) - v) < 1e-14) }

        // Training batch: one sequence of the 5 training pairs, plain MSE on every step.
        var rng = SeededRandom(seed: 0)
        let train = try whole.trainingBatch(step: 0, using: &rng)
        #expect(train.inputs.batchSize == 1 && train.inputs.steps == 5)
        #expect(train.inputs.values == Array(whole.scaled[0..<5]))
        #expect(train.targets.values == Array(whole.scaled[1...5]))
        #expect((train.loss as? MeanSquaredError) == MeanSquaredError(mask: .allSteps, halved: false))
        // Validation continues from the training state: train + validation inputs, loss on the last 3 steps.
        let val = try #require(try whole.validationBatch())
        #expect(val.inputs.values == Array(whole.scaled[0..<8]))
        #expect((val.loss as? MeanSquaredError) == MeanSquaredError(mask: .fromStep(5), halved: false))
        let test = try #require(try whole.testBatch())
        #expect(test.inputs.steps == 10)
        #expect((test.loss as? MeanSquaredError) == MeanSquaredError(mask: .fromStep(8), halved: false))

        #expect(throws: RecurrentError.self) { try SeriesPredictionTask(series: [1, 1, 1, 1, 1]) }
        #expect(throws: RecurrentError.self) { try SeriesPredictionTask(series: [1, 2, .nan, 4, 5]) }
        #expect(throws: RecurrentError.self) {
            try SeriesPredictionTask(series: Self.series, splits: SeriesSplits(train: 5, validation: 3, test: 3))
        }
    }

    /// A persistence model ŷ_t = x_t (linear RNN with A = B = C = 0, D = 1) predicts y_{t+1} by y_t; after inverse
    /// scaling its test RMSE/MAE are those of the persistence forecast in original units, for either scaler:
    /// test pairs (7 → 9), (9 → 12): errors −2, −3 ⇒ RMSE √6.5, MAE 2.5, MAPE (2/9 + 3/12)/2.
    @Test func zhaoMetricsAfterInverseScaling() throws {
        let persistence = try LinearRNN(
            recurrent: Matrix(rows: 1, columns: 1), input: Matrix(rows: 1, columns: 1),
            readout: Matrix(rows: 1, columns: 1),
            skip: Matrix(rows: 1, columns: 1, columnMajor: [1]))
        for fit in ScalerFit.allCases {
            let task = try SeriesPredictionTask(series: Self.series, scalerFit: fit)
            let m = try task.metrics(of: persistence)
            #expect(abs(m.rmse - 6.5.squareRoot()) < 1e-13, "\(fit): RMSE \(m.rmse)")
            #expect(abs(m.mae - 2.5) < 1e-13)
            let mape = try #require(m.mape)
            let expectedMAPE: Double = (2.0 / 9 + 3.0 / 12) / 2
            #expect(abs(mape - expectedMAPE) < 1e-13)
            #expect(TestSupport.maxAbsError(m.predictions, [7, 9]) < 1e-13)
            #expect(m.targets == [9, 12])
            // The scaled MSE is the test loss of the masked test batch.
            let test = try #require(try task.testBatch())
            let loss = try persistence.loss(inputs: test.inputs, targets: test.targets, loss: test.loss)
            #expect(abs(loss - m.scaledMSE) < 1e-15)
            #expect(abs(m.scaledMSE - 6.5 * task.scaler.scale * task.scaler.scale) < 1e-14)
        }
    }

    /// Zhao et al.'s split sizes by data-set name (their train.py; test = the remaining n − 1 − train − validation).
    @Test func zhaoSplitsByName() throws {
        let cases: [(String, Int, SeriesSplits)] = [
            ("arfima", 4001, try SeriesSplits(train: 2000, validation: 1200, test: 800)),
            ("DJI", 5029, try SeriesSplits(train: 2500, validation: 1500, test: 1028)),
            ("traffic.csv", 1860, try SeriesSplits(train: 1200, validation: 200, test: 459)),
            ("tree7", 4351, try SeriesSplits(train: 2500, validation: 1000, test: 850)),
        ]
        for (name, n, expected) in cases {
            #expect(try SeriesSplits.automatic(valueCount: n, dataset: name) == expected, "\(name)")
        }
        #expect(
            try SeriesSplits.automatic(valueCount: 1001, dataset: "mine")
                == SeriesSplits(train: 500, validation: 300, test: 200))
        #expect(throws: RecurrentError.self) { try SeriesSplits.automatic(valueCount: 3000, dataset: "arfima") }
    }
}
