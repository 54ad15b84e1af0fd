#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import RNNMemory

/// How `rnnmem train` draws the progress of a run on standard error.
enum ProgressStyle: String, Sendable, Codable, CaseIterable {
    /// ``bar`` when standard error is a terminal (`isatty(2)`), ``lines`` otherwise.
    case automatic
    /// One self-overwriting line (carriage return) with a bar, the latest values, the rate and the remaining time.
    case bar
    /// Plain lines at regular intervals (for logs and pipes).
    case lines
    /// Nothing.
    case silent
}

/// Options of a ``ProgressReporter``.
struct ProgressOptions: Sendable {
    var style: ProgressStyle
    /// ``ProgressStyle/lines``: a line every this many units (nil: about 20 lines per run), plus the final line
    /// written by ``ProgressReporter/finish(completed:status:)``.
    var lineInterval: Int?
    /// ``ProgressStyle/bar``: minimum seconds between redraws.
    var redrawInterval: Double
    /// Where text goes (nil: standard error). Receives complete chunks, bar redraws starting with "\r".
    var sink: (@Sendable (String) -> Void)?

    init(
        style: ProgressStyle = .automatic, lineInterval: Int? = nil, redrawInterval: Double = 0.1,
        sink: (@Sendable (String) -> Void)? = nil
    ) {
        self.style = style
        self.lineInterval = lineInterval
        self.redrawInterval = redrawInterval
        self.sink = sink
    }

    /// No output.
    static let silent = ProgressOptions(style: .silent)
    /// A bar on a terminal, lines otherwise, on standard error.
    static let automatic = ProgressOptions(style: .automatic)

    /// The style after resolving ``ProgressStyle/automatic`` (a custom sink counts as "not a terminal").
    var resolvedStyle: ProgressStyle {
        guard style == .automatic else { return style }
        return sink == nil && isatty(2) == 1 ? .bar : .lines
    }
}

/// Progress of a loop over `total` units (training updates): call ``update(completed:status:)`` after each unit
/// and ``finish(status:)`` at the end. Rate = units per second of wall-clock time since creation.
///
/// Bar example: `train [=========>          ]  45% 450/1000 loss 1.234e-02 val 2.1e-02 | 812.3 it/s ETA 0:01`.
/// Line example: `train 450/1000 (45%) loss 1.234e-02 val 2.1e-02 | 812.3 it/s, 0.6 s`.
final class ProgressReporter {
    let total: Int
    let label: String
    let options: ProgressOptions
    let style: ProgressStyle
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var lastDraw: ContinuousClock.Instant?
    var lastLength = 0
    let lineInterval: Int

    init(total: Int, label: String = "train", options: ProgressOptions) {
        self.total = max(1, total)
        self.label = label
        self.options = options
        style = options.resolvedStyle
        start = clock.now
        lineInterval = max(1, options.lineInterval ?? (self.total + 19) / 20)
    }

    /// Seconds since creation.
    var elapsedSeconds: Double { Self.seconds(clock.now - start) }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    /// Report that `completed` units are done; `status` is a short text such as "loss 1.2e-02".
    func update(completed: Int, status: String) {
        switch style {
        case .silent, .automatic: return
        case .lines:
            if completed % lineInterval == 0 && completed < total { emit(line(completed, status) + "\n") }
        case .bar:
            let now = clock.now
            if completed < total, let last = lastDraw, Self.seconds(now - last) < options.redrawInterval { return }
            lastDraw = now
            drawBar(completed, status)
        }
    }

    /// Final report (`completed` units, which may be fewer than `total` after early stopping) and a closing newline
    /// for the bar.
    func finish(completed: Int, status: String) {
        switch style {
        case .silent, .automatic: return
        case .lines: emit(line(completed, status) + "\n")
        case .bar:
            drawBar(completed, status)
            emit("\n")
        }
    }

    func rate(_ completed: Int) -> Double {
        let t = elapsedSeconds
        return t > 0 ? Double(completed) / t : 0
    }

    func line(_ completed: Int, _ status: String) -> String {
        let percent = 100 * completed / total
        return
            "\(label) \(completed)/\(total) (\(percent)%) \(status) | \(NumberFormatting.fixed(rate(completed), decimals: 1)) it/s, "
            + "\(NumberFormatting.fixed(elapsedSeconds, decimals: 1)) s"
    }

    func drawBar(_ completed: Int, _ status: String) {
        let width = 20
        let filled = min(width, width * completed / total)
        var bar = String(repeating: "=", count: filled)
        if filled < width { bar += ">" + String(repeating: " ", count: width - filled - 1) }
        let percent = 100 * completed / total
        let r = rate(completed)
        let eta = r > 0 ? NumberFormatting.duration(Double(total - completed) / r) : "?"
        let percentText = String(repeating: " ", count: max(0, 3 - "\(percent)".count)) + "\(percent)"
        var text =
            "\(label) [\(bar)] \(percentText)% \(completed)/\(total) \(status) | "
            + "\(NumberFormatting.fixed(r, decimals: 1)) it/s ETA \(eta)"
        let length = text.count
        if length < lastLength { text += String(repeating: " ", count: lastLength - length) }
        lastLength = length
        emit("\r" + text)
    }

    func emit(_ text: String) {
        if let sink = options.sink {
            sink(text)
            return
        }
        var text = text
        text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                #if canImport(Glibc)
                    let written = Glibc.write(2, base, remaining)
                #else
                    let written = Darwin.write(2, base, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // progress output is best effort
                }
                remaining -= written
                base += written
            }
        }
    }
}

extension ProgressReporter {
    /// A reporter for a training run of `total` updates, and the handler that feeds it the trainer's reports
    /// (``TrainingProgress``): a line or bar per applied update and a final one, with the latest training loss,
    /// the best validation loss so far and the learning rate (and the stop reason when the run ended early).
    static func training(total: Int, label: String, options: ProgressOptions) -> (TrainingProgress) -> Void {
        let reporter = ProgressReporter(total: total, label: label, options: options)
        return { progress in
            var status = "loss \(NumberFormatting.scientific(progress.trainingLoss))"
            if let best = progress.bestValidationLoss { status += " best-val \(NumberFormatting.scientific(best))" }
            status += " lr \(NumberFormatting.scientific(progress.learningRate, digits: 1))"
            if let reason = progress.stopReason {
                reporter.finish(
                    completed: progress.completedSteps,
                    status: status + (reason == .completed ? "" : " (\(reason.rawValue))"))
            } else {
                reporter.update(completed: progress.completedSteps, status: status)
            }
        }
    }
}
