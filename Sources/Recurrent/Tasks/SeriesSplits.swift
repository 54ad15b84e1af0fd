/// Train/validation/test sizes of a one-step prediction problem, counted in input–target pairs (y_t, y_{t+1}):
/// a series of n values has n − 1 pairs, split in time order into the first `train`, the next `validation` and
/// the remaining `test` pairs (Zhao et al. 2020, `create_dataset` with look-back 1 and slicing in `train.py`).
public struct SeriesSplits: Sendable, Codable, Equatable {
    /// Training pairs.
    public let train: Int
    /// Validation pairs.
    public let validation: Int
    /// Test pairs.
    public let test: Int

    /// Explicit sizes (each ≥ 1).
    public init(train: Int, validation: Int, test: Int) throws {
        for (name, value) in [("train", train), ("validation", validation), ("test", test)] where value < 1 {
            throw RecurrentError.invalidArgument(argument: name, message: "split size must be ≥ 1, got \(value)")
        }
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// Number of pairs covered, train + validation + test.
    public var pairCount: Int { train + validation + test }

    /// Zhao et al.'s sizes for their data sets (their `time_series_prediction/train.py`): train/validation, the test split
    /// being every remaining pair. Names are matched case-insensitively, ignoring a trailing ".csv":
    /// arfima 2000/1200 (n = 4001 ⇒ test 800), DJI 2500/1500 (5029 ⇒ 1028), traffic 1200/200 (1860 ⇒ 459),
    /// tree7 2500/1000 (4351 ⇒ 850). Nil for any other name.
    public static func zhaoSizes(dataset name: String) -> (train: Int, validation: Int)? {
        var key = name.lowercased()
        if key.hasSuffix(".csv") { key.removeLast(4) }
        switch key {
        case "arfima": return (2000, 1200)
        case "dji": return (2500, 1500)
        case "traffic": return (1200, 200)
        case "tree7": return (2500, 1000)
        default: return nil
        }
    }

    /// The splits for a series of `valueCount` values: Zhao et al.'s sizes when `dataset` is one of their names,
    /// otherwise 50/30/20 per cent of the n − 1 pairs (train ⌊0.5(n − 1)⌋, validation ⌊0.3(n − 1)⌋, test the rest).
    public static func automatic(valueCount n: Int, dataset: String? = nil) throws -> SeriesSplits {
        let pairs = n - 1
        if let dataset, let (train, validation) = zhaoSizes(dataset: dataset) {
            guard pairs > train + validation else {
                throw RecurrentError.invalidArgument(
                    argument: "series",
                    message:
                        "\(n) values leave no test pairs after Zhao et al.'s \(dataset) splits \(train)/\(validation)")
            }
            return try SeriesSplits(train: train, validation: validation, test: pairs - train - validation)
        }
        guard pairs >= 3 else {
            throw RecurrentError.invalidArgument(
                argument: "series", message: "needs at least 4 values to split, got \(n)")
        }
        let train = max(1, pairs / 2)
        let validation = max(1, (3 * pairs) / 10)
        guard pairs - train - validation >= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "series", message: "\(n) values are too few for a 50/30/20 split")
        }
        return try SeriesSplits(train: train, validation: validation, test: pairs - train - validation)
    }
}
