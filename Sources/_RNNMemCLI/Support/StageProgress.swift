import Foundation

/// Progress of a command made of a few long stages (a forward pass, a gradient, a Hessian-vector product): one
/// line `<label>: <stage> …` on standard error when a stage starts and `<label>: <stage> done in 1.2 s` when it
/// ends. Shown with `--progress lines` (or `bar`, which has no bar to draw here), never with `none`, and with
/// `auto` only when the work is large enough to make the user wait (the caller's estimate); never on standard
/// output, so that the results are the same bytes either way.
struct StageProgress {
    let label: String
    let enabled: Bool
    let console: Console

    /// `estimatedWork`: a rough operation count; `auto` shows stages above 10⁸ (about a second or more).
    init(label: String, style: ProgressArgument, estimatedWork: Double, console: Console) {
        self.label = label
        self.console = console
        switch style {
        case .none: enabled = false
        case .lines, .bar: enabled = true
        case .auto: enabled = estimatedWork > 1e8
        }
    }

    /// Runs `body`, announcing it and its duration when enabled.
    func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        console.writeStandardError("\(label): \(name) …\n")
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        console.writeStandardError("\(label): \(name) done in \(String(format: "%.2f", seconds)) s\n")
        return result
    }
}
