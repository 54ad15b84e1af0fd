import ArgumentParser
import RNNMemory

/// `--scaler whole|train` of the series task.
enum ScalerArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case whole, train

    var fit: ScalerFit { self == .whole ? .wholeSeries : .trainingSplit }
}
