/// Which parameters are kept as "best" when the validation loss improves.
public enum BestParameterSelection: String, Sendable, Codable, CaseIterable {
    /// The parameters the improving validation loss was computed with (θ_k, before the k-th update).
    case evaluated
    /// The parameters right after the update of the same step (θ_{k+1}): Zhao et al.'s code computes the
    /// validation loss inside `train()` before `optimizer.step()` but deep-copies the model after it.
    case afterUpdate
}
