import Foundation
import ArgumentParser
import RNNMemory

/// `rnnmem memory capacity|ipc|horizon|connectivity|response|states`: memory probes of networks.
struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Memory of a network: capacity, IPC, horizon, connectivity, response coefficients, d of its states.",
        discussion: """
            Every verb takes a network — --weights FILE (rnnmem weights), --weights FILE --pytorch --model \
            rnn|lstm|gru, or a new --model NAME [--hidden N …] initialised from --seed — and its inputs: --data FILE \
            (safetensors 'input' [T, B, d_in] and optionally 'target'; or a CSV holding one sequence), a built-in \
            --task's batch, or a generated input (--input iid|uniform|ar|arfima, drawn from the data seed s + 1 of \
            --seed s). Conventions: x_t enters the state s_t, so delay k = 0 (the current input) counts; a delay is \
            never allowed to reach the sequence length.

              capacity      Jaeger's memory capacity MC_k and MC = Σ MC_k (analytic or empirical)
              ipc           Dambre et al.'s information processing capacity by degree
              horizon       k*(θ) = max{k : score_k ≥ θ} from MC_k or from networks trained to recall x_(t−k)
              connectivity  Madsen's conn(t, τ) = ‖∂y_t/∂x_τ‖, its lag profile and long-range share
              response      Zhao et al.'s response coefficients A_k and the exponential/power-law verdict
              states        d of the inputs, hidden units and outputs (driven, autonomous, residuals)
            """,
        subcommands: [
            MemoryCapacityCommand.self, MemoryIPCCommand.self, MemoryHorizonCommand.self,
            MemoryConnectivityCommand.self, MemoryResponseCommand.self, MemoryStatesCommand.self,
        ])
}

/// `--figures DIR`, shared by the `memory` verbs.
struct FiguresOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write the figures (CSV data, gnuplot script, SVG when gnuplot is installed) to this folder.",
            valueName: "dir"))
    var figures: String?
}

/// `--readout state|hidden|outputs`: the variables a linear readout sees (``StateFeatures``).
enum ReadoutArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case state, hidden, outputs

    /// The library's choice.
    var features: StateFeatures {
        switch self {
        case .state: return .state
        case .hidden: return .hidden
        case .outputs: return .outputs
        }
    }
}

/// Short fixed-point text for reports (JSON keeps every digit): `0.9873`.
enum ProbeText {
    static func fixed(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "undefined" : (x > 0 ? "infinite" : "-infinite") }
        let s = String(format: "%.\(digits)f", x)
        return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
    }

    /// Three significant digits in scientific notation: `1.23e-05`.
    static func scientific(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "undefined" : (x > 0 ? "infinite" : "-infinite") }
        return String(format: "%.3g", x)
    }

    /// Rows as left-aligned columns separated by two spaces.
    static func columns(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max(), width > 0 else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) } }
        return rows.map { row in
            row.enumerated().map { i, field in
                i + 1 < row.count ? field.padding(toLength: widths[i], withPad: " ", startingAt: 0) : field
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
