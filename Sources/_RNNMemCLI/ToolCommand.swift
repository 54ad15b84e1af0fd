import ArgumentParser

/// A command of rnnmem: it reads standard input and writes its output through the ``Console`` of the invocation
/// it belongs to, never through the process's streams (see ``CommandLineTool``).
protocol ToolCommand: ParsableCommand {
    /// Does the command's work, writing through `console`.
    func run(console: Console) throws
}

extension ToolCommand {
    /// ArgumentParser's entry point, when the command is run outside ``CommandLineTool``: the process's streams.
    func run() throws { try run(console: .standardStreams) }
}

/// A command whose work is asynchronous (it awaits child processes or tasks); otherwise as ``ToolCommand``.
protocol AsyncToolCommand: AsyncParsableCommand {
    /// Does the command's work, writing through `console`.
    func run(console: Console) async throws
}

extension AsyncToolCommand {
    /// ArgumentParser's entry point, when the command is run outside ``CommandLineTool``: the process's streams.
    func run() async throws { try await run(console: .standardStreams) }
}
