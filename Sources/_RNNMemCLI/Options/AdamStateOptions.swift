import ArgumentParser
import Foundation
import RNNMemory

/// `--adam-state FILE [--adam-lr lr]`: Adam's effective per-parameter learning rates lr/(√v̂ + ε) from an optimiser
/// state saved beside the weights.
///
/// The state file is safetensors holding the library's `Adam`/`AdamW` state in the model's parameter layout:
/// tensor `second_moment` [P] (V, F64 or F32; `first_moment` [P] may be present and is not used) and the metadata
/// `step_count` (t ≥ 1), `beta2`, `epsilon` and `learning_rate` (the rate of the last update; `--adam-lr` overrides
/// it), optionally `optimizer` (adam or adamw; another name is refused) and `parameter_checksum` (of the parameters
/// the state belongs to; a mismatch with the analysed weights is a warning). `rnnmem train --optimizer adam|adamw`
/// writes this file as `optimizer.safetensors` beside `weights.safetensors` (``stateFile(of:learningRate:checksum:returnedParameters:)``).
struct AdamStateOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Adam's state (train's optimizer.safetensors: second_moment [P], metadata step_count, beta2, epsilon, learning_rate): effective learning rates per group.",
            valueName: "file"))
    var adamState: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("With --adam-state: the learning rate lr (default: the file's).", valueName: "lr"))
    var adamLr: Double?

    /// The state read from `--adam-state`, or nil.
    struct State {
        let path: String
        let secondMoment: [Double]
        let stepCount: Int
        let beta2: Double
        let epsilon: Double
        let learningRate: Double
        let optimizer: String
    }

    func validateValues() throws(CLIError) {
        if adamLr != nil && adamState == nil { throw CLIError("--adam-lr applies with --adam-state FILE") }
        if let lr = adamLr, !(lr.isFinite && lr > 0) {
            throw CLIError.invalidArgument("--adam-lr", NumberText.format(lr), "must be finite and > 0")
        }
    }

    /// Reads the state for a model with `parameterCount` parameters and parameters of checksum `checksum`.
    func read(parameterCount: Int, checksum: String, console: Console) throws(CLIError) -> State? {
        guard let path = adamState else { return nil }
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile.read(contentsOf: path)
        } catch {
            throw CLIError(error.description)
        }
        let v: SafetensorsTensor
        do {
            v = try file.tensor(named: "second_moment", shape: [parameterCount])
        } catch {
            throw CLIError("--adam-state: \(error.description)")
        }
        func number(_ key: String) throws(CLIError) -> Double {
            guard let text = file.metadata[key] else {
                throw CLIError("--adam-state \(path): metadata \"\(key)\" is missing")
            }
            guard let x = Double(text), x.isFinite else {
                throw CLIError("--adam-state \(path): metadata \"\(key)\" = \"\(text)\" is not a finite number")
            }
            return x
        }
        guard let stepText = file.metadata["step_count"], let steps = Int(stepText), steps >= 1 else {
            throw CLIError(
                "--adam-state \(path): metadata \"step_count\" must be an integer ≥ 1 (Adam has taken no step otherwise)"
            )
        }
        let lr: Double
        if let adamLr { lr = adamLr } else { lr = try number("learning_rate") }
        if let recorded = file.metadata["parameter_checksum"], recorded != checksum {
            console.warning(
                "--adam-state \(path) belongs to parameters with checksum \(recorded), not to the analysed ones (\(checksum))"
            )
        }
        let optimizer = file.metadata["optimizer"] ?? "adam"
        guard optimizer == "adam" || optimizer == "adamw" else {
            throw CLIError(
                "--adam-state \(path): metadata \"optimizer\" = \"\(optimizer)\": effective learning rates need Adam's state (adam or adamw)"
            )
        }
        let beta2 = try number("beta2"), epsilon = try number("epsilon")
        return State(
            path: path, secondMoment: v.values, stepCount: steps, beta2: beta2, epsilon: epsilon, learningRate: lr,
            optimizer: optimizer)
    }

    /// The state file `train` writes (`optimizer.safetensors`) for an `Adam` or `AdamW` optimiser that has taken at
    /// least one step, or nil (SGD keeps no second moment; no step, no state): tensors `second_moment` and
    /// `first_moment` [P] (F64) and the metadata read above plus `beta1`, `weight_decay` and `returned_parameters`
    /// (final or bestValidation: the state is the one after the last update, which belongs to the final
    /// parameters). `learningRate` is the rate of the last applied update, `checksum` that of the written weights.
    static func stateFile(
        of optimizer: any Optimizer, learningRate: Double, checksum: String, returnedParameters: String
    ) throws(CLIError) -> SafetensorsFile? {
        let moments: (first: [Double], second: [Double], beta1: Double, beta2: Double, epsilon: Double, decay: Double)
        if let adam = optimizer as? Adam {
            moments = (adam.firstMoment, adam.secondMoment, adam.beta1, adam.beta2, adam.epsilon, adam.weightDecay)
        } else if let adamW = optimizer as? AdamW {
            moments = (
                adamW.firstMoment, adamW.secondMoment, adamW.beta1, adamW.beta2, adamW.epsilon, adamW.weightDecay
            )
        } else {
            return nil
        }
        guard optimizer.stepCount >= 1, !moments.second.isEmpty else { return nil }
        var file = SafetensorsFile()
        do {
            file.tensors["second_moment"] = try SafetensorsTensor(shape: [moments.second.count], values: moments.second)
            file.tensors["first_moment"] = try SafetensorsTensor(shape: [moments.first.count], values: moments.first)
        } catch {
            throw CLIError("cannot store the optimiser state: \(error)")
        }
        file.metadata = [
            "optimizer": optimizer.name, "step_count": String(optimizer.stepCount),
            "beta1": String(moments.beta1), "beta2": String(moments.beta2), "epsilon": String(moments.epsilon),
            "weight_decay": String(moments.decay), "learning_rate": String(learningRate),
            "parameter_checksum": checksum, "returned_parameters": returnedParameters,
        ]
        return file
    }
}
