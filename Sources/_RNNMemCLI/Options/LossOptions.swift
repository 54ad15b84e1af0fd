import ArgumentParser
import RNNMemory

/// The loss on `--data` sequences with targets (`run`, `eval`, …): `--loss half-mse|mse` and `--burn-in k`.
/// A built-in task scores its batches with its own loss, so these options apply to data files only.
struct LossOptions: ParsableArguments {
    /// `--loss half-mse|mse`.
    enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// ½·mean over steps, sequences and outputs of (ŷ − y)² (the teacher–student convention).
        case halfMSE = "half-mse"
        /// Mean of (ŷ − y)² (the time-series convention of Zhao et al.).
        case mse
    }

    @Option(
        help: ArgumentHelp(
            "Loss on --data targets: half-mse = ½·mean (ŷ − y)² over steps, sequences and outputs (default), mse = mean (ŷ − y)².",
            valueName: "kind"))
    var loss: Kind?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Leave the first k steps out of the loss (burn-in; default 0).", valueName: "k"))
    var burnIn: Int?

    /// The loss kind (default half-mse).
    var kind: Kind { loss ?? .halfMSE }

    /// Checks the values; `isTask`: the data come from a task, whose own loss applies.
    func validateValues(isTask: Bool) throws(CLIError) {
        if isTask, loss != nil || burnIn != nil {
            throw CLIError("--loss and --burn-in apply to --data files; a --task scores its batches with its own loss")
        }
        if let burnIn, burnIn < 0 { throw CLIError.invalidArgument("--burn-in", String(burnIn), "must be ≥ 0") }
    }

    /// The loss for data of `steps` steps: mean squared error (halved or not) over the steps after the burn-in.
    func outputLoss(steps: Int) throws(CLIError) -> MeanSquaredError {
        let k = burnIn ?? 0
        guard k < steps else {
            throw CLIError.invalidArgument("--burn-in", String(k), "must be less than the data's \(steps) steps")
        }
        return MeanSquaredError(mask: k == 0 ? .allSteps : .fromStep(k), halved: kind == .halfMSE)
    }
}
