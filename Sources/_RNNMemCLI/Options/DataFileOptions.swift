import ArgumentParser
import RNNMemory

/// `--data FILE [--column NAME|INDEX]`: the data file of a verb — sequence data (safetensors `input`/`target`, or
/// a CSV holding one sequence) for `run`, `eval` and the verbs built on ``DataOptions``, or the CSV series of
/// `--task series` (`train`, `eval`, `run`).
struct DataFileOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Data: safetensors with tensors 'input' [T, B, d_in] and optionally 'target' [T, B, d_out] (F32 or F64), or a CSV holding one sequence ('-': standard input); with --task series, the CSV holding the series.",
            valueName: "file"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "CSV column: a header name or a 1-based index (default: the last numeric column not used as a target).",
            valueName: "name|index"))
    var column: String?
}
