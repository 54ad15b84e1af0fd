import MemoryNumerics

/// One-step prediction of a univariate series with the protocol of Zhao et al. (2020, "Do RNN and LSTM have long
/// memory?", ICML, arXiv 2006.03860; huawei-noah/noah-research `mRNN-mLSTM/time_series_prediction/train.py`),
/// the time-series experiments of the paper:
///
/// * min–max scaling to [0, 1] (``MinMaxScaler``), fitted on the whole series as they do (leaks the test range) or
///   on the training split only (``ScalerFit``);
/// * look-back 1: pairs (y_t, y_{t+1}), t = 1 … n − 1, split in time order (``SeriesSplits``: their sizes for
///   arfima/DJI/traffic/tree7, else 50/30/20);
/// * training data: the training split as ONE sequence (batch 1), inputs y_1 … y_{n_tr}, targets y_2 … y_{n_tr+1};
///   every update is a full-sequence step (`stepsPerEpoch` = 1), loss plain MSE over the sequence;
/// * validation: the network runs over train then validation inputs, starting the validation part from the state
///   reached at the end of the training part, and the MSE is taken on the validation part only
///   (``LossMask/fromStep(_:)`` with n_tr) — identical to their `model(val_x, hidden_state)`;
/// * test: train → validation → test carrying the state, MSE on the test part; ``metrics(of:)`` gives RMSE and MAE
///   (and MAPE) after inverse scaling.
///
/// The optimiser side of the protocol (Adam, lr 0.01, ≤ 1000 epochs, stop when the training loss has not improved
/// by > 1e-5 for 100 epochs, keep the best-validation model) is ``TrainingConfiguration/zhao(maxEpochs:learningRate:patience:seed:)``.
/// Their K (filter window) and hidden size (default 1) belong to the model. PyTorch ran this in float32; here it is
/// float64.
public struct SeriesPredictionTask: TrainingTask {
    /// The series as given (original units).
    public let series: [Double]
    /// Data-set name (selects Zhao et al.'s split sizes when it is one of theirs), or nil.
    public let dataset: String?
    /// The train/validation/test sizes in pairs.
    public let splits: SeriesSplits
    /// Which values the scaler was fitted on.
    public let scalerFit: ScalerFit
    /// The fitted min–max scaler.
    public let scaler: MinMaxScaler
    /// The scaled series.
    public let scaled: [Double]
    let training: TaskBatch
    let validation: TaskBatch
    let test: TaskBatch

    /// "series".
    public var name: String { "series" }
    /// One input: y_t.
    public var inputSize: Int { 1 }
    /// One output: the prediction of y_{t+1}.
    public var outputSize: Int { 1 }

    /// - Parameters:
    ///   - series: n ≥ 4 finite values, not constant on the fitting range.
    ///   - dataset: a name such as "arfima" to use Zhao et al.'s split sizes; ignored when `splits` is given.
    ///   - splits: explicit sizes (train + validation + test ≤ n − 1; pairs beyond are unused), or nil for
    ///     ``SeriesSplits/automatic(valueCount:dataset:)``.
    ///   - scalerFit: ``ScalerFit/wholeSeries`` (Zhao et al.) or ``ScalerFit/trainingSplit``.
    public init(
        series: [Double], dataset: String? = nil, splits: SeriesSplits? = nil,
        scalerFit: ScalerFit = .wholeSeries
    ) throws {
        guard series.count >= 4 else {
            throw RecurrentError.invalidArgument(
                argument: "series", message: "needs at least 4 values, got \(series.count)")
        }
        if let i = series.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(argument: "series", message: "value \(i) is \(series[i]) (not finite)")
        }
        let s = try splits ?? SeriesSplits.automatic(valueCount: series.count, dataset: dataset)
        guard s.pairCount <= series.count - 1 else {
            throw RecurrentError.invalidArgument(
                argument: "splits",
                message:
                    "\(s.train) + \(s.validation) + \(s.test) pairs exceed the \(series.count - 1) pairs of the series")
        }
        self.series = series
        self.dataset = dataset
        self.splits = s
        self.scalerFit = scalerFit
        switch scalerFit {
        case .wholeSeries: scaler = try MinMaxScaler(fitting: series)
        case .trainingSplit: scaler = try MinMaxScaler(fitting: series[0...s.train])
        }
        let z = scaler.transform(series)
        scaled = z
        let mse = { (mask: LossMask) in MeanSquaredError(mask: mask, halved: false) }
        func batch(pairs: Int, scoredFrom start: Int) throws -> TaskBatch {
            try TaskBatch(
                inputs: SequenceBatch(steps: pairs, batchSize: 1, features: 1, values: Array(z[0..<pairs])),
                targets: SequenceBatch(steps: pairs, batchSize: 1, features: 1, values: Array(z[1...pairs])),
                loss: start == 0 ? mse(.allSteps) : mse(.fromStep(start)))
        }
        training = try batch(pairs: s.train, scoredFrom: 0)
        validation = try batch(pairs: s.train + s.validation, scoredFrom: s.train)
        test = try batch(pairs: s.pairCount, scoredFrom: s.train + s.validation)
    }

    /// The training split as one sequence (the same batch at every update).
    public func trainingBatch(step: Int, using rng: inout SeededRandom) throws -> TaskBatch { training }
    /// Train then validation, scored on the validation part.
    public func validationBatch() throws -> TaskBatch? { validation }
    /// Train, validation then test, scored on the test part.
    public func testBatch() throws -> TaskBatch? { test }

    /// RMSE, MAE and MAPE of `model` on the test split in original units (train → validation → test run with the
    /// state carried across, as Zhao et al.'s `compute_test`).
    public func metrics(of model: any RecurrentModel) throws -> SeriesPredictionMetrics {
        try validateCompatible(model)
        let out = try model.outputs(test.inputs)
        let start = splits.train + splits.validation
        return try metrics(ofPredictions: scaler.inverse(Array(out.values[start..<splits.pairCount])))
    }

    /// The test targets y_{s+1} … y_{n_pairs+1} (s = train + validation pairs) in original units, in time order: what
    /// every predictor of this task is scored on.
    public var testTargets: [Double] {
        Array(series[(splits.train + splits.validation + 1)...splits.pairCount])
    }

    /// The same metrics for predictions made by any other means (a baseline), given in original units for the
    /// ``testTargets`` in order; the scaled MSE uses this task's scaler, so it is comparable with the networks'
    /// test loss.
    /// - Throws: when the count differs from the number of test pairs or a prediction is not finite.
    public func metrics(ofPredictions predictions: [Double]) throws -> SeriesPredictionMetrics {
        let targets = testTargets
        guard predictions.count == targets.count else {
            throw RecurrentError.shapeMismatch(
                argument: "predictions", expected: "\(targets.count) test predictions",
                got: "\(predictions.count)")
        }
        if let i = predictions.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(
                argument: "predictions", message: "prediction \(i) is \(predictions[i]) (not finite)")
        }
        let m = Double(targets.count)
        var se = 0.0, ae = 0.0, ape = 0.0, sse = 0.0
        var zeroTarget = false
        for i in targets.indices {
            let e = predictions[i] - targets[i]
            se += e * e
            ae += abs(e)
            if targets[i] == 0 { zeroTarget = true } else { ape += abs(e / targets[i]) }
            let es = scaler.transform(predictions[i]) - scaler.transform(targets[i])
            sse += es * es
        }
        return SeriesPredictionMetrics(
            rmse: (se / m).squareRoot(), mae: ae / m, mape: zeroTarget ? nil : ape / m,
            scaledMSE: sse / m, predictions: predictions, targets: targets)
    }

    /// `rmse`, `mae`, `scaledMSE` and, when defined, `mape` (``metrics(of:)``).
    public func testMetrics(of model: any RecurrentModel) throws -> [String: Double] {
        let m = try metrics(of: model)
        var result = ["rmse": m.rmse, "mae": m.mae, "scaledMSE": m.scaledMSE]
        if let mape = m.mape { result["mape"] = mape }
        return result
    }

    /// Data set, sizes, scaler and loss, for reports.
    public var settings: [String: String] {
        [
            "dataset": dataset ?? "", "values": "\(series.count)", "trainPairs": "\(splits.train)",
            "validationPairs": "\(splits.validation)", "testPairs": "\(splits.test)", "scalerFit": scalerFit.rawValue,
            "scalerMinimum": "\(scaler.minimum)", "scalerMaximum": "\(scaler.maximum)", "lookBack": "1",
            "loss": "mean squared error (scaled values)",
        ]
    }
}
