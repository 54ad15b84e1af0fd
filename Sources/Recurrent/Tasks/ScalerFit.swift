/// Which values a ``MinMaxScaler`` is fitted on in the Zhao et al. protocol.
public enum ScalerFit: String, Sendable, Codable, CaseIterable {
    /// The whole series, as Zhao et al. (2020) do (`MinMaxScaler().fit_transform(data)` before splitting): the
    /// scaled training data "know" the range of the test data. Reproduce it for comparability with their tables.
    case wholeSeries
    /// Only the values the training pairs see (y_1 … y_{n_train+1}): no information from validation or test data;
    /// held-out values may then fall outside [0, 1].
    case trainingSplit
}
