/// Which parameters a run returned.
public enum ReturnedParameters: String, Sendable, Codable, CaseIterable {
    /// The best-validation parameters (see ``BestParameterSelection``).
    case bestValidation
    /// The parameters after the last applied update.
    case final
}
