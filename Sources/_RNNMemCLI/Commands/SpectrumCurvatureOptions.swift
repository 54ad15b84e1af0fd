import ArgumentParser
import Foundation
import RNNMemory
import Synchronization

/// `--matrix hessian|gauss-newton|fisher`.
extension CurvatureMatrixKind: ExpressibleByArgument {}

/// `--method full|lanczos` of the curvature verbs.
enum CurvatureMethodArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Every eigenvalue: P products assemble the matrix, LAPACK dsyevd decomposes it.
    case full
    /// Matrix-free Krylov methods (Lanczos; stochastic Lanczos quadrature for the density).
    case lanczos
}

/// The curvature a `spectrum hessian|density` verb analyses: which matrix, by which method, over which parameter
/// groups.
struct CurvatureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Matrix: hessian (exact HVPs), gauss-newton (JᵀH_ℓJ), fisher (empirical Fisher, not the Fisher information).",
            valueName: "name"))
    var matrix: CurvatureMatrixKind = .hessian

    @Option(
        help: ArgumentHelp(
            "full (every eigenvalue, P ≤ 4096) or lanczos (matrix-free; default when P > 1500).",
            valueName: "full|lanczos"))
    var method: CurvatureMethodArgument?

    @Option(
        help: ArgumentHelp(
            "Restrict to these parameter groups (comma-separated names, e.g. layer0.W_hh): the principal submatrix.",
            valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var groups: [String]?

    /// The method: the given one, or full for P ≤ 1500 and lanczos above.
    func resolvedMethod(parameters p: Int) -> CurvatureMethodArgument { method ?? (p <= 1500 ? .full : .lanczos) }
}

/// A network, its data with targets and the loss, as a ``CurvatureDataset``, and the operator of the chosen matrix.
struct CurvatureSubject {
    let subject: SpectrumSubject
    let dataset: CurvatureDataset
    /// The operator (restricted to `--groups` when given), counting its products for progress reports.
    let operator_: ClosureSymmetricOperator
    /// The parameter groups of the operator's coordinates.
    let groups: [ParameterGroup]
    /// Whether the operator is restricted to some groups.
    let isRestricted: Bool
    let kind: CurvatureMatrixKind
    let counter: ProductCounter

    var model: any RecurrentModel { subject.model }
    var dimension: Int { operator_.dimension }

    /// `half-mse` or `mse`.
    var lossKind: String { dataset.loss.halved ? "half-mse" : "mse" }

    static func load(
        network: SpectrumNetworkOptions, data: DataOptions, loss: LossOptions, curvature: CurvatureOptions,
        seed: UInt64,
        console: Console
    ) throws(CLIError) -> CurvatureSubject {
        try loss.validateValues(isTask: data.isTask)
        let subject = try SpectrumSubject.load(network: network, data: data, seed: seed, console: console)
        let d = subject.data.data
        guard let targets = d.targets else {
            throw CLIError(
                "\(subject.data.description) has no targets (\(d.targetName)): the loss, and so its curvature, needs them"
            )
        }
        var curvatureLoss = CurvatureLoss(halved: loss.kind == .halfMSE, burnIn: loss.burnIn ?? 0)
        if let taskLoss = subject.data.loss {
            guard let mse = taskLoss as? MeanSquaredError else {
                throw CLIError("--task \(subject.data.task?.name.rawValue ?? ""): its loss is not a mean squared error")
            }
            switch mse.mask {
            case .allSteps: curvatureLoss = CurvatureLoss(halved: mse.halved, burnIn: 0)
            case .fromStep(let k): curvatureLoss = CurvatureLoss(halved: mse.halved, burnIn: k)
            case .lastStep, .weights:
                throw CLIError(
                    "--task \(subject.data.task?.name.rawValue ?? ""): its loss mask is not a burn-in; use --data")
            }
        } else if curvatureLoss.burnIn >= d.steps {
            throw CLIError.invalidArgument(
                "--burn-in", String(curvatureLoss.burnIn), "must be less than the data's \(d.steps) steps")
        }
        let model = subject.model
        try MemoryBudget.check(
            bytes: MemoryBudget.networkBytes(
                steps: d.steps, batchSize: d.batchSize, inputSize: model.inputSize, outputSize: model.outputSize,
                stateSize: model.stateSize, parameterCount: model.parameterCount, derivative: .hessianVectorProduct),
            for: "Hessian-vector products on \(subject.data.description) (\(d.steps) steps × \(d.batchSize) sequences)")
        try subject.requireFiniteTrajectory()
        let context = subject.data.description
        let dataset = try SpectrumErrors.checked(context: context, flags: ["burnIn": "--burn-in"]) {
            try CurvatureDataset(inputs: d.inputs, targets: targets, loss: curvatureLoss)
        }
        let full = try SpectrumErrors.checked(context: context, flags: ["data": "--data"]) {
            try CurvatureOperator(curvature.matrix, model: model, dataset: dataset)
        }
        let counter = ProductCounter()
        let op: ClosureSymmetricOperator
        let groups: [ParameterGroup]
        if let names = curvature.groups {
            let restricted = try SpectrumErrors.checked(context: context, flags: ["groups": "--groups"]) {
                try ParameterSubsetOperator(full, layout: model.parameterGroups, selected: names)
            }
            op = try SpectrumErrors.checked(context: context) {
                try ClosureSymmetricOperator(dimension: restricted.dimension) { v in
                    counter.increment()
                    return try restricted.apply(v)
                }
            }
            groups = restricted.groups
        } else {
            op = try SpectrumErrors.checked(context: context) {
                try ClosureSymmetricOperator(dimension: full.dimension) { v in
                    counter.increment()
                    return try full.apply(v)
                }
            }
            groups = model.parameterGroups
        }
        return CurvatureSubject(
            subject: subject, dataset: dataset, operator_: op, groups: groups, isRestricted: curvature.groups != nil,
            kind: curvature.matrix, counter: counter)
    }

    /// The loss value on the data.
    func lossValue() throws(CLIError) -> Double {
        try SpectrumErrors.checked(context: subject.data.description) { try dataset.lossValue(of: model) }
    }

    /// The matrix in words.
    var matrixText: String {
        let name: String
        switch kind {
        case .hessian: name = "Hessian"
        case .gaussNewton: name = "Gauss–Newton matrix"
        case .empiricalFisher: name = "empirical Fisher matrix"
        }
        return isRestricted
            ? "\(name) restricted to \(groups.map(\.name).joined(separator: ", ")) (\(dimension) of \(model.parameterCount) parameters)"
            : "\(name) over all \(dimension) parameters"
    }

    /// JSON fields of the network, data, loss and matrix.
    func jsonFields(lossValue: Double, method: CurvatureMethodArgument) -> [(String, JSONValue)] {
        subject.jsonFields + [
            (
                "loss",
                .object([
                    ("kind", .string(lossKind)), ("burn_in", .integer(dataset.loss.burnIn)),
                    ("value", .number(lossValue)),
                ])
            ),
            ("matrix", .string(kind.rawValue)), ("method", .string(method.rawValue)),
            ("dimension", .integer(dimension)),
            ("groups", .array(groups.map { .string($0.name) })),
        ]
    }

    /// Plain-report lines of the network, data, loss and matrix.
    func headerLines(lossValue: Double) -> [String] {
        subject.headerLines + [
            "loss \(lossKind)\(dataset.loss.burnIn > 0 ? ", burn-in \(dataset.loss.burnIn)" : "") = \(NumberText.format(lossValue))",
            matrixText,
        ]
    }
}

/// Counts the products of an operator and forwards the count to a progress report.
final class ProductCounter: Sendable {
    private let state = Mutex<(count: Int, report: (@Sendable (Int) -> Void)?)>((0, nil))

    /// Products so far.
    var count: Int { state.withLock { $0.count } }

    func increment() {
        let (n, report) = state.withLock { s -> (Int, (@Sendable (Int) -> Void)?) in
            s.count += 1
            return (s.count, s.report)
        }
        report?(n)
    }

    /// Calls `report` with the running count after every product, from now on (nil: stop).
    func onProduct(_ report: (@Sendable (Int) -> Void)?) { state.withLock { $0.report = report } }
}

/// Matrices for `.npy` files: C order (row-major) values of a column-major ``Matrix``.
enum RowMajor {
    static func values(_ m: Matrix) -> [Double] {
        var out = [Double](repeating: 0, count: m.rows * m.columns)
        for j in 0..<m.columns { for i in 0..<m.rows { out[i * m.columns + j] = m.elements[i + j * m.rows] } }
        return out
    }
}
