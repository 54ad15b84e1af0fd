import ArgumentParser
import RNNMemory

/// `--normalization none|l2|l1|learned`: the input normalisation γ of cdiag (``InputNormalization``; l2 is the
/// exact γ = √(1 − |λ|²)).
enum NormalizationArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case none, l2, l1, learned

    /// The library's normalisation.
    var normalization: InputNormalization {
        switch self {
        case .none: return .none
        case .l2: return .l2
        case .l1: return .l1
        case .learned: return .learned
        }
    }
}
