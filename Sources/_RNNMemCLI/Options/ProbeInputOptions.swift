import ArgumentParser
import RNNMemory

/// `--input iid|uniform|ar|arfima`: the built-in input processes of the `memory` verbs.
enum ProbeInputArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case iid, uniform, ar, arfima
}

/// The generated input of a `memory` verb when no `--data FILE` or `--task NAME` is given: a stationary, zero-mean
/// process (``ProbeInput``) drawn from the data seed s + 1 of `--seed s`, one independent stream per sequence and
/// input feature.
///
/// * `iid` — i.i.d. N(0, 1), Jaeger's (2002) memory-capacity input;
/// * `uniform` — i.i.d. U[−1, 1], the input of Dambre et al.'s (2012) information processing capacity;
/// * `ar --phi φ` — AR(1) with unit variance, lag-one correlation φ;
/// * `arfima --d d [--ar LIST] [--ma LIST]` — exact Gaussian ARFIMA(p, d, q) (Davies–Harte) rescaled to unit
///   variance.
struct ProbeInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Generated input (without --data/--task): iid = i.i.d. N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with --phi, arfima = ARFIMA(p, d, q) with --d [--ar, --ma]; unit variance (uniform: ⅓).",
            valueName: "kind"))
    var input: ProbeInputArgument?

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: ArgumentHelp("--input arfima: memory parameter d, −0.5 < d < 0.5.", valueName: "d"))
    var d: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "--input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1 − φ₁z − … − φ_p z^p.", valueName: "list"))
    var ar: CoefficientList?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "--input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1 + θ₁z + … + θ_q z^q.", valueName: "list"))
    var ma: CoefficientList?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("--input ar: lag-one correlation φ, −1 < φ < 1.", valueName: "phi"))
    var phi: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Generated input: number of independent sequences B (default per verb); their length is --length T where the verb says so.",
            valueName: "B"))
    var sequences: Int?

    /// The options given that only a generated input uses.
    var givenGeneratorOptions: [String] {
        [
            ("--input", input != nil), ("--d", d != nil), ("--ar", ar != nil), ("--ma", ma != nil),
            ("--phi", phi != nil),
            ("--sequences", sequences != nil),
        ].filter(\.1).map(\.0)
    }

    /// Checks the options; `hasData` says whether `--data` or `--task` supplies the inputs instead.
    func validateValues(hasData: Bool) throws(CLIError) {
        if hasData {
            if let first = givenGeneratorOptions.first {
                throw CLIError("\(first) applies to a generated input; --data/--task supply the inputs")
            }
            return
        }
        let kind = input ?? .iid
        if kind != .arfima,
            let flag = [("--d", d != nil), ("--ar", ar != nil), ("--ma", ma != nil)].first(where: \.1)?.0
        {
            throw CLIError("\(flag) applies to --input arfima, not --input \(kind.rawValue)")
        }
        if kind != .ar, phi != nil { throw CLIError("--phi applies to --input ar, not --input \(kind.rawValue)") }
        switch kind {
        case .iid, .uniform: break
        case .ar:
            guard let phi else { throw CLIError("--input ar needs --phi φ (−1 < φ < 1)") }
            guard phi.isFinite, abs(phi) < 1 else {
                throw CLIError.invalidArgument("--phi", NumberText.format(phi), "must lie in (−1, 1)")
            }
        case .arfima:
            guard let d else { throw CLIError("--input arfima needs --d d (−0.5 < d < 0.5)") }
            guard d.isFinite, d > -0.5, d < 0.5 else {
                throw CLIError.invalidArgument(
                    "--d", NumberText.format(d), "must lie in (−0.5, 0.5) for a stationary input")
            }
        }
        if let sequences {
            try Arguments.count(sequences, "--sequences")
            guard sequences <= 100_000 else {
                throw CLIError.invalidArgument("--sequences", String(sequences), "must be ≤ 100000")
            }
        }
    }

    /// The process chosen (`fallback` without `--input`).
    func process(fallback: ProbeInput) -> ProbeInput {
        guard let input else { return fallback }
        switch input {
        case .iid: return .gaussian
        case .uniform: return .uniform
        case .ar: return .autoregressive(phi: phi ?? 0)
        case .arfima: return .arfima(d: d ?? 0, ar: ar?.values ?? [], ma: ma?.values ?? [])
        }
    }

    /// The process in words, e.g. `i.i.d. N(0, 1)`, `ARFIMA(0, 0.4, 0)`.
    static func describe(_ process: ProbeInput) -> String {
        switch process {
        case .gaussian: return "i.i.d. N(0, 1)"
        case .uniform: return "i.i.d. U[−1, 1]"
        case .autoregressive(let phi): return "AR(1), φ = \(NumberText.format(phi)), unit variance"
        case .arfima(let d, let ar, let ma):
            return "ARFIMA(\(ar.count), \(NumberText.format(d)), \(ma.count)), unit variance"
        }
    }

    /// The process as a JSON object: {kind, d, ar, ma, phi} (absent parameters null).
    static func json(_ process: ProbeInput) -> JSONValue {
        switch process {
        case .gaussian: return .object([("kind", .string("iid"))])
        case .uniform: return .object([("kind", .string("uniform"))])
        case .autoregressive(let phi): return .object([("kind", .string("ar")), ("phi", .number(phi))])
        case .arfima(let d, let ar, let ma):
            return .object([("kind", .string("arfima")), ("d", .number(d)), ("ar", .numbers(ar)), ("ma", .numbers(ma))])
        }
    }
}
