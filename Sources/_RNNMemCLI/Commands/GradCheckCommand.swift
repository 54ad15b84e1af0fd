import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem grad-check --model …`: exact gradient and Hessian-vector product against finite differences.
struct GradCheckCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "grad-check",
        abstract: "Check a model's BPTT gradient and exact Hessian-vector product against finite differences.",
        discussion: """
            A model of the given architecture is initialised from --seed, with Gaussian inputs and targets (also \
            from --seed) and the loss ½·mean squared error. The gradient ∇L by backpropagation through time is \
            compared with central differences (L(θ + h_i e_i) − L(θ − h_i e_i))/(2h_i), h_i = 1e-6·max(1, |θ_i|); \
            the Hessian-vector product Hv by forward-over-reverse differentiation (Pearlmutter 1994), along a \
            random unit direction v, with (∇L(θ + εv) − ∇L(θ − εv))/(2ε), ε = 1e-5. Each error is \
            max_i |exact_i − difference_i| / max_i |difference_i|, and per tensor (parameter group g) \
            max_(i∈g) |exact_i − difference_i| / max(max_(i∈g) |difference_i|, 1e-3·max_i |difference_i|) (the \
            floor keeps a tensor whose derivative vanishes from reporting rounding noise), so that an error in a \
            small tensor is not hidden by the large entries of another. Exit status 1 when the overall or the \
            worst tensor's error exceeds its tolerance (defaults 1e-6 and 1e-5; the report is printed either way).

            JSON keys: architecture, hidden_size, layer_count, parameter_count, input_size, output_size, length, \
            batch, seed, gradient_error, gradient_tolerance, gradient_ok, hvp_error, hvp_tolerance, hvp_ok, \
            worst_gradient_tensor, worst_gradient_tensor_error, worst_hvp_tensor, worst_hvp_tensor_error, tensors \
            [{name, gradient_error, hvp_error}].
            """)

    @OptionGroup(title: "Model") var modelOptions: NewModelOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Input width d_in.", valueName: "d"))
    var inputs: Int = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Output width d_out (lru: must equal d_in).", valueName: "d"))
    var outputs: Int = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Sequence length T.", valueName: "T"))
    var length: Int = 12

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of sequences B.", valueName: "B"))
    var batch: Int = 3

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the model, data and direction.", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Tolerance of the gradient's relative error.", valueName: "tol"))
    var tolerance: Double = 1e-6

    @Option(parsing: .unconditional, help: ArgumentHelp("Tolerance of the HVP's relative error.", valueName: "tol"))
    var hvpTolerance: Double = 1e-5

    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        try modelOptions.validateValues()
        guard modelOptions.architecture.estimatedParameterCount <= 200_000 else {
            throw CLIError(
                "--hidden \(modelOptions.architecture.hiddenSize) with --layers \(modelOptions.architecture.layerCount) is too large for finite differences (2 loss evaluations per parameter); use --hidden ≤ 100"
            )
        }
        for (name, v, limit) in [
            ("--inputs", inputs, 1024), ("--outputs", outputs, 1024), ("--length", length, 10_000),
            ("--batch", batch, 10_000),
        ] {
            try Arguments.count(v, name)
            guard v <= limit else { throw CLIError.invalidArgument(name, String(v), "must be ≤ \(limit)") }
        }
        for (name, v) in [("--tolerance", tolerance), ("--hvp-tolerance", hvpTolerance)] {
            guard v.isFinite, v > 0 else {
                throw CLIError.invalidArgument(name, NumberText.format(v), "must be a finite number > 0")
            }
        }
    }

    func run(console: Console) throws {
        try validateValues()
        let model: any RecurrentModel
        do {
            model = try modelOptions.specification(inputSize: inputs, outputSize: outputs).makeModel(seed: seed)
        } catch {
            throw cliError(error, context: "--model \(modelOptions.model.rawValue)")
        }
        guard model.parameterCount <= 200_000 else {
            throw CLIError(
                "the model has \(model.parameterCount) parameters; finite differences need 2 loss evaluations each (use a smaller --hidden)"
            )
        }
        let check = try model.derivativeCheck(steps: length, batchSize: batch, seed: seed)
        let p = check.parameterCount
        let gradientError = check.gradientError, hvpError = check.hessianVectorProductError
        let worstGradient = check.worstGradientGroup, worstHVP = check.worstHessianVectorProductGroup
        let worstGradientError = worstGradient?.gradientError ?? gradientError
        let worstHVPError = worstHVP?.hessianVectorProductError ?? hvpError
        // A verdict on the worst tensor too: an error in a small group is not hidden by a large one elsewhere.
        let gradientOK = gradientError <= tolerance && worstGradientError <= tolerance
        let hvpOK = hvpError <= hvpTolerance && worstHVPError <= hvpTolerance
        var lines = [
            "model \(model.architecture)  hidden \(model.hiddenSize)  layers \(model.layerCount)  parameters \(p)  T \(length)  batch \(batch)  seed \(seed)",
            "gradient vs central differences: max relative error \(Self.short(gradientError)), worst tensor \(worstGradient?.name ?? "-") \(Self.short(worstGradientError)) (tolerance \(NumberText.format(tolerance))) \(gradientOK ? "ok" : "FAIL")",
            "Hessian-vector product vs differences of gradients: max relative error \(Self.short(hvpError)), worst tensor \(worstHVP?.name ?? "-") \(Self.short(worstHVPError)) (tolerance \(NumberText.format(hvpTolerance))) \(hvpOK ? "ok" : "FAIL")",
            "relative error per tensor (gradient, HVP):",
        ]
        let width = check.groupErrors.map(\.name.count).max() ?? 0
        for g in check.groupErrors {
            lines.append(
                "  " + g.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(Self.short(g.gradientError))  \(Self.short(g.hessianVectorProductError))")
        }
        try output.emit(
            to: console,
            plain: { lines.joined(separator: "\n") + "\n" },
            json: {
                .object([
                    ("architecture", .string(model.architecture.rawValue)), ("hidden_size", .integer(model.hiddenSize)),
                    ("layer_count", .integer(model.layerCount)), ("parameter_count", .integer(p)),
                    ("input_size", .integer(inputs)), ("output_size", .integer(outputs)), ("length", .integer(length)),
                    ("batch", .integer(batch)), ("seed", .unsigned(seed)),
                    ("gradient_error", .number(gradientError)), ("gradient_tolerance", .number(tolerance)),
                    ("gradient_ok", .bool(gradientOK)), ("hvp_error", .number(hvpError)),
                    ("hvp_tolerance", .number(hvpTolerance)), ("hvp_ok", .bool(hvpOK)),
                    ("worst_gradient_tensor", .optional(worstGradient?.name)),
                    ("worst_gradient_tensor_error", .number(worstGradientError)),
                    ("worst_hvp_tensor", .optional(worstHVP?.name)),
                    ("worst_hvp_tensor_error", .number(worstHVPError)),
                    (
                        "tensors",
                        .array(
                            check.groupErrors.map {
                                .object([
                                    ("name", .string($0.name)), ("gradient_error", .number($0.gradientError)),
                                    ("hvp_error", .number($0.hessianVectorProductError)),
                                ])
                            })
                    ),
                ])
            })
        if !(gradientOK && hvpOK) { throw ExitCode(1) }
    }

    /// Two significant digits in scientific notation (the errors are rounding-level noise).
    static func short(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return NumberText.format(x) }
        return String(format: "%.1e", x)
    }
}
