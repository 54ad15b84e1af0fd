import MemoryNumerics
import Recurrent

/// Which curvature matrix of the loss a ``CurvatureOperator`` multiplies by.
public enum CurvatureMatrixKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The Hessian H = ∂²L/∂θ² (exact Hessian-vector products, forward-over-reverse; Pearlmutter 1994).
    case hessian
    /// The generalised Gauss–Newton matrix G = Jᵀ H_ℓ J (Schraudolph 2002, *Neural Comput.* 14:1723; Martens 2020,
    /// *JMLR* 21(146), §8), J = ∂ŷ/∂θ over every scored (t, b, k) output, H_ℓ = ∂²L/∂ŷ².
    case gaussNewton = "gauss-newton"
    /// The empirical Fisher F = Σ_n π_n g_n g_nᵀ of the per-sequence loss gradients g_n.
    case empiricalFisher = "fisher"
}

/// The curvature of a recurrent network's loss over a data set as a matrix-free symmetric operator of size P
/// (the number of parameters): the Hessian, the Gauss–Newton matrix or the empirical Fisher, in the parameter
/// layout of `RecurrentModel.parameterGroups`. Products loop over the data set's batches with the weights of
/// ``CurvatureDataset``.
///
/// * **Hessian**: H·v = Σ_b w_b H_b v, each H_b v an exact Hessian-vector product of the engine (forward-over-
///   reverse dual numbers, about three gradients' cost).
/// * **Gauss–Newton**: G·v = Jᵀ(H_ℓ(J v)) — one Jacobian-vector product (forward mode) for J v, the diagonal
///   H_ℓ = 2s·mask/N of the mean squared error (s = ½ or 1, N scored values), and one vector–Jacobian product
///   (backpropagation) for Jᵀ(·). No second derivatives of the network appear, G is positive semidefinite, and
///   H = G + Σ (ŷ − y)·∂²ŷ/∂θ², so H = G where the residuals vanish (a zero-loss optimum).
/// * **Empirical Fisher**: F·v = Σ_n π_n g_n (g_nᵀ v), g_n = ∇ℓ_n the gradient of sequence n's own loss and π_n
///   its share of the scored values (1/(number of sequences) when all have the same length). The per-sequence
///   gradients are computed once, at construction (P × number-of-sequences doubles). The empirical Fisher is
///   **not** the Fisher information matrix in general: it uses the observed targets instead of targets sampled
///   from the model, and can differ from the Fisher and the Hessian arbitrarily far from a perfect fit (Kunstner,
///   Balles & Hennig 2019, "Limitations of the empirical Fisher approximation for natural gradient descent",
///   NeurIPS). For a Gaussian likelihood the true Fisher is the Gauss–Newton matrix up to the noise variance.
public struct CurvatureOperator: SymmetricLinearOperator {
    /// Which matrix the operator multiplies by.
    public let kind: CurvatureMatrixKind
    /// The network, at the parameters where the curvature is taken.
    public let model: any RecurrentModel
    /// The data and loss.
    public let dataset: CurvatureDataset
    /// Per-sequence gradients g_n (P × n_seq) and shares π_n, for the empirical Fisher.
    let sequenceGradients: Matrix?
    let sequenceShares: [Double]
    let workspaces = RecurrentWorkspacePool()

    /// Largest P × (number of sequences) the empirical Fisher stores (2²⁷ doubles, 1 GiB).
    public static let maximumStoredGradientValues = 1 << 27

    /// The operator of `kind` for `model` on `dataset`.
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` if the data do not fit the model, a parameter
    ///   is not finite, or the empirical Fisher's per-sequence gradients would exceed
    ///   ``maximumStoredGradientValues``; errors of the engine while computing those gradients.
    public init(_ kind: CurvatureMatrixKind, model: any RecurrentModel, dataset: CurvatureDataset) throws {
        try dataset.validate(for: model)
        self.kind = kind
        self.model = model
        self.dataset = dataset
        guard kind == .empiricalFisher else {
            sequenceGradients = nil
            sequenceShares = []
            return
        }
        let p = model.parameterCount, count = dataset.sequenceCount
        guard p * count <= Self.maximumStoredGradientValues else {
            throw SpectraError.invalidArgument(
                argument: "data",
                message:
                    "the empirical Fisher would store \(p) parameters × \(count) sequences of gradients (limit \(Self.maximumStoredGradientValues) values); use fewer sequences"
            )
        }
        var gradients = Matrix(rows: p, columns: count)
        var shares: [Double] = []
        var column = 0
        let workspace = RecurrentWorkspace()
        for (batch, weight) in zip(dataset.batches, dataset.weights) {
            let b = batch.inputs.batchSize
            for j in 0..<b {
                let x = try SequenceBatch(sequence: batch.inputs.sequence(j))
                let y = try SequenceBatch(sequence: batch.targets.sequence(j))
                let g = try model.lossAndGradient(
                    inputs: x, targets: y, loss: dataset.loss.outputLoss,
                    workspace: workspace
                ).gradient
                gradients.elements.replaceSubrange((column * p)..<((column + 1) * p), with: g)
                shares.append(weight / Double(b))
                column += 1
            }
        }
        sequenceGradients = gradients
        sequenceShares = shares
    }

    public var dimension: Int { model.parameterCount }

    public func apply(_ vector: [Double]) throws -> [Double] {
        guard vector.count == dimension else {
            throw SpectraError.invalidArgument(
                argument: "vector", message: "\(vector.count) values for \(dimension) parameters")
        }
        switch kind {
        case .hessian: return try hessianProduct(vector)
        case .gaussNewton: return try gaussNewtonProduct(vector)
        case .empiricalFisher: return try fisherProduct(vector)
        }
    }

    /// H·v = Σ_b w_b H_b v.
    func hessianProduct(_ v: [Double]) throws -> [Double] {
        try workspaces.withWorkspace { workspace in
            var total = [Double](repeating: 0, count: dimension)
            for (b, w) in zip(dataset.batches, dataset.weights) {
                let hv = try model.hessianVectorProduct(
                    inputs: b.inputs, targets: b.targets, direction: v,
                    loss: dataset.loss.outputLoss, workspace: workspace)
                accumulate(&total, hv.product, weight: w)
            }
            return total
        }
    }

    /// G·v = Σ_b w_b J_bᵀ H_ℓ,b J_b v with H_ℓ,b = 2s·mask/(d_out·T′_b·B_b).
    func gaussNewtonProduct(_ v: [Double]) throws -> [Double] {
        try workspaces.withWorkspace { workspace in try gaussNewtonProduct(v, workspace: workspace) }
    }

    func gaussNewtonProduct(_ v: [Double], workspace: RecurrentWorkspace) throws -> [Double] {
        var total = [Double](repeating: 0, count: dimension)
        let loss = dataset.loss
        for (b, w) in zip(dataset.batches, dataset.weights) {
            let (_, tangents) = try model.jacobianVectorProduct(
                inputs: b.inputs, parameterDirection: v,
                workspace: workspace)
            let steps = b.inputs.steps, batch = b.inputs.batchSize, d = model.outputSize
            let curvature = 2 * loss.scale / Double(d * (steps - loss.burnIn) * batch)
            var cotangent = tangents.outputs.values
            for t in 0..<steps {
                let factor = t < loss.burnIn ? 0 : curvature
                for i in (t * batch * d)..<((t + 1) * batch * d) { cotangent[i] *= factor }
            }
            let dy = try SequenceBatch(steps: steps, batchSize: batch, features: d, values: cotangent)
            let g = try model.gradient(inputs: b.inputs, outputGradient: dy, workspace: workspace)
            accumulate(&total, g.parameters, weight: w)
        }
        return total
    }

    /// F·v = G_seq (π ⊙ (G_seqᵀ v)).
    func fisherProduct(_ v: [Double]) throws -> [Double] {
        guard let g = sequenceGradients else { preconditionFailure("per-sequence gradients are stored for the Fisher") }
        var projections = g.transposeTimes(v)
        for i in projections.indices { projections[i] *= sequenceShares[i] }
        return g * projections
    }

    func accumulate(_ total: inout [Double], _ x: [Double], weight: Double) {
        for i in total.indices { total[i] += weight * x[i] }
    }
}
