import ArgumentParser

/// The root command `rnnmem`. Subcommands each live in `Commands/`.
struct RNNMem: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rnnmem",
        abstract: "Memory in time series and recurrent networks: fractional filters, ARFIMA theory and simulation.",
        discussion: """
            Input files are CSV (comma, or tab/semicolon when unambiguous), with or without a header row; '-' reads \
            standard input. Output is one value per line (exact shortest round-trip decimals), or one JSON object \
            with --json. Errors print one line 'rnnmem: error: …' to standard error and exit with status 2.
            """,
        version: version,
        subcommands: [
            WeightsCommand.self,
            LostMemoryCommand.self,
            FracdiffCommand.self,
            SimulateCommand.self,
            AcvfCommand.self,
            AcfCommand.self,
            PeriodogramCommand.self,
            ColumnsCommand.self,
            CheckCommand.self,
            EstimateCommand.self,
            TestCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            GradCheckCommand.self,
            SweepCommand.self,
        ])
}
