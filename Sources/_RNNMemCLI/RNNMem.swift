import ArgumentParser

/// The root command `rnnmem`. Subcommands each live in `Commands/`.
struct RNNMem: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rnnmem",
        abstract: "Memory in time series and recurrent networks: long memory of series and recurrent models.",
        discussion: """
            Series: the fractional filter (1−B)^d and its lost memory, ARFIMA autocovariances and exact simulation, \
            sample ACF and periodogram, twelve estimators of the memory parameter d (H = d + ½), tests of memory, \
            and 'check', a verdict on whether a series has long memory. Series are read from CSV files (comma, or \
            tab/semicolon when unambiguous), with or without a header row; '-' reads standard input; --column or \
            --columns chooses the series, --transform and --last prepare it.

            Networks: 'train' trains a recurrent model (RNN, LSTM, GRU, linear, complex-diagonal, LRU, MRNN/MLSTM) \
            on a built-in task and writes its weights, loss curve and summary to --output-dir; 'eval' scores saved \
            weights (rnnmem or PyTorch safetensors) on a task or on sequence data; 'run' runs a network on data and \
            writes its outputs, states, loss, gradient and Hessian-vector products (safetensors, NumPy .npy); \
            'export' writes a network as a PyTorch state dict; 'grad-check' checks a model's exact gradient and \
            Hessian-vector product against finite differences; 'spectrum' gives Jacobian, Lyapunov and Hessian \
            spectra; 'curse' the curse of memory (sensitivities, landscapes, trained students); 'memory' probes a \
            network's memory (capacity, information processing capacity, horizon, connectivity, response \
            coefficients, d of its states).

            Output: plain text (one value per line, a CSV table or a report), or one JSON object with --json \
            (snake_case keys, listed in each command's help); --output FILE writes it to a file. Notes, warnings and \
            progress go to standard error. The same arguments and --seed give the same bytes. Errors print one line \
            'rnnmem: error: …' to standard error and exit with status 2.

            Limits: a command that would need more memory than RNNMEM_MEMORY_LIMIT (default: the smallest of half \
            the physical memory, half the cgroup limit and 80% of the address space left under 'ulimit -v'; e.g. \
            RNNMEM_MEMORY_LIMIT=64G) is refused before it allocates; input files are read up to a quarter of that \
            limit in bytes and RNNMEM_MAX_ROWS rows (default 100000000).
            """,
        version: version,
        groupedSubcommands: [
            CommandGroup(
                name: "Series",
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
                ]),
            CommandGroup(
                name: "Networks",
                subcommands: [
                    TrainCommand.self,
                    EvalCommand.self,
                    RunCommand.self,
                    ExportCommand.self,
                    GradCheckCommand.self,
                    SpectrumCommand.self,
                    CurseCommand.self,
                    MemoryCommand.self,
                ]),
            CommandGroup(
                name: "Experiments",
                subcommands: [
                    SweepCommand.self,
                    ForecastCommand.self,
                ]),
        ])
}
