import ArgumentParser
import RNNMemory

/// A new network of a given architecture (`train`, `grad-check`): `--model NAME` (required) and its
/// ``ArchitectureOptions``.
struct NewModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Architecture.", valueName: "name"))
    var model: ModelArgument

    @OptionGroup var architecture: ArchitectureOptions

    func validateValues() throws(CLIError) { try architecture.validateValues(for: model) }

    /// The specification for the given widths (with a task: its protocol initialisation, see
    /// ``ArchitectureOptions/specification(model:inputSize:outputSize:task:)``).
    func specification(inputSize: Int, outputSize: Int, task: TaskSpecification? = nil) throws -> ModelSpecification {
        try architecture.specification(model: model, inputSize: inputSize, outputSize: outputSize, task: task)
    }
}
