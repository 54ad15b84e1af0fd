import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem lost-memory --d 0.4 --window 10,100,1000`: the memory a K-term window discards, and the window a
/// tolerance needs.
struct LostMemoryCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "lost-memory",
        abstract: "Print the memory a K-term window of (1−B)^d discards: Γ(K−d)/(Γ(K)Γ(1−d)).",
        discussion: """
            A window of K weights keeps y_t = Σ_(j<K) π_j x_(t−j); its gain at frequency 0 is Σ_(j<K) π_j instead of 0, \
            i.e. it discards |Σ_(j≥K) π_j| = Γ(K−d)/(Γ(K)Γ(1−d)) ~ K^(−d)/Γ(1−d) of the filter's memory (0 < d < 1). \
            With --tolerance, also the smallest window whose loss is at most the tolerance (on standard error, so \
            that standard output stays a clean CSV table; in JSON as window_for_tolerance).

            Plain output: CSV with the header 'window,lost_memory'. JSON keys: d, windows, lost_memory, and with \
            --tolerance: tolerance, window_for_tolerance.
            """)

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: ArgumentHelp("Fractional order d, 0 < d < 1.", valueName: "d"))
    var d: Double

    @Option(help: ArgumentHelp("Comma-separated windows K ≥ 1.", valueName: "K,…"))
    var window: String = "10,100,1000,10000,100000,1000000"

    @Option(
        help: ArgumentHelp(
            "Also report the smallest window whose lost memory is ≤ this tolerance, 0 < τ < 1.", valueName: "τ"))
    var tolerance: Double?

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try Arguments.finite(d, "--d")
        guard d > 0, d < 1 else { throw CLIError.invalidArgument("--d", "\(d)", "must be in (0, 1)") }
        var windows: [Int] = []
        for part in window.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let k = Int(text), k >= 1 else {
                throw CLIError.invalidArgument(
                    "--window", "'\(text)'", "must be a comma-separated list of integers ≥ 1")
            }
            windows.append(k)
        }
        let lost = try windows.map { try FractionalWeights.lostMemory(d: d, window: $0) }
        var needed: Int? = nil
        if let tolerance {
            guard tolerance > 0, tolerance < 1 else {
                throw CLIError.invalidArgument("--tolerance", "\(tolerance)", "must be in (0, 1)")
            }
            do {
                needed = try FractionalWeights.window(forLostMemory: tolerance, d: d)
            } catch {
                // The library names its parameter `tolerance`; the user typed --tolerance.
                throw CLIError.invalidArgument(
                    "--tolerance", NumberText.format(tolerance),
                    "the window it needs at d = \(NumberText.format(d)) exceeds 2⁴⁰ weights; give a larger tolerance")
            }
        }
        if let needed, let tolerance, !output.json {
            console.note("the smallest window with lost memory ≤ \(NumberText.format(tolerance)) is K = \(needed)")
        }
        try output.emit(
            to: console,
            plain: {
                var text = "window,lost_memory\n"
                for (k, l) in zip(windows, lost) { text += "\(k),\(l)\n" }
                return text
            },
            json: {
                var fields: [(String, JSONValue)] = [
                    ("d", .number(d)), ("windows", .array(windows.map { .integer($0) })),
                    ("lost_memory", .numbers(lost)),
                ]
                if let needed, let tolerance {
                    fields.append(("tolerance", .number(tolerance)))
                    fields.append(("window_for_tolerance", .integer(needed)))
                }
                return .object(fields)
            })
    }
}
