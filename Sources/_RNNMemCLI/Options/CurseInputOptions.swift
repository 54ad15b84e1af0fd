import ArgumentParser
import RNNMemory

/// The input of the curse-of-memory verbs: `--rho ρ` (unit variance, E[x_t x_{t+Δ}] = ρ^|Δ|) or `--acf LIST` (a sum
/// of exponentials Σ c_k ρ_k^|Δ|, or `bert` for Zucchet & Orvieto's fit); white noise when neither is given.
struct CurseInputOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤ 1 (default 0: white noise).",
            valueName: "rho"))
    var rho: Double?

    @Option(
        help: ArgumentHelp(
            "Input autocorrelation Σ c_k ρ_k^|Δ| as 'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' = 0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet & Orvieto's fit to BERT embeddings).",
            valueName: "list"))
    var acf: String?

    /// The autocorrelation given, validated; errors name `--rho` or `--acf`.
    func autocorrelation() throws(CLIError) -> InputAutocorrelation {
        if rho != nil && acf != nil { throw CLIError("give --rho or --acf, not both") }
        if let rho {
            guard rho.isFinite, rho >= 0, rho <= 1 else {
                throw CLIError.invalidArgument("--rho", NumberText.format(rho), "must lie in [0, 1]")
            }
            do { return try InputAutocorrelation.geometric(rho: rho) } catch {
                throw CLIError.invalidArgument("--rho", NumberText.format(rho), "must lie in [0, 1]")
            }
        }
        if let acf {
            if acf.lowercased() == "bert" { return .bertEmbeddings }
            do {
                return try InputAutocorrelation(parsing: acf)
            } catch let e as CurseOfMemoryError {
                if case .invalidArgument(_, let message) = e {
                    throw CLIError("invalid --acf '\(acf)': \(message)")
                }
                throw CLIError("invalid --acf '\(acf)'")
            } catch {
                throw CLIError("invalid --acf '\(acf)'")
            }
        }
        return .white
    }
}

/// `--param none|polar|exp|optimal`: the coordinates ω of λ in the curse-of-memory verbs.
enum CurseParametrization {
    static let names = "none, polar, exp, optimal"

    /// The parametrisation named `name`; a one-line error naming `option` otherwise.
    static func parse(_ name: String, option: String = "--param") throws(CLIError) -> Parametrization {
        switch name {
        case "none": return .cartesian
        case "polar": return .polar
        case "exp": return .exp
        case "optimal": return .optimal
        default: throw CLIError.invalidArgument(option, "'\(name)'", "must be one of \(names)")
        }
    }
}
