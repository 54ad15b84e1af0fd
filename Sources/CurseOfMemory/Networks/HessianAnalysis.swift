import MemoryNumerics
import Recurrent

/// The full Hessian of a recurrent model's loss on a batch, its spectrum, where its top eigenvectors live, and the
/// Gauss–Newton identity at zero loss (Zucchet & Orvieto 2024, NeurIPS, §4.2, Fig. 4 and Fig. 9: at the optimum the
/// spectra of a dense linear RNN and of its complex-diagonal equivalent are similar, but the diagonal network's top
/// eigenvectors sit on few coordinates, which Adam's per-coordinate step sizes can exploit).
///
/// The Hessian is the engine's exact one (P Hessian-vector products, `RecurrentModel.hessian`);
/// the Gauss–Newton matrix JᵀJ/n is built from P exact Jacobian-vector products of the outputs, n = T·B·d_out
/// (the ½-mean-squared-error convention: at zero residual H = JᵀJ/n exactly).
public struct HessianAnalysis: Sendable {
    /// One group's share of an eigenvector.
    public struct GroupMass: Sendable, Hashable {
        /// The parameter group's name.
        public let group: String
        /// Σ_{i ∈ group} v_i² (the shares of one eigenvector sum to 1).
        public let mass: Double
    }

    /// An eigenpair with its localisation.
    public struct Eigenvector: Sendable {
        /// The eigenvalue.
        public let eigenvalue: Double
        /// Unit-norm eigenvector in the model's parameter order.
        public let vector: [Double]
        /// Its mass per parameter group, in storage order.
        public let groups: [GroupMass]
        /// 1/Σ v_i⁴: the effective number of coordinates it occupies (1 = a single coordinate, P = uniform).
        public let participationRatio: Double
    }

    /// The symmetrised Hessian.
    public let hessian: Matrix
    /// Eigenvalues in descending order.
    public let eigenvalues: [Double]
    /// The top eigenvectors (largest eigenvalues first).
    public let topEigenvectors: [Eigenvector]
    /// ‖H − JᵀJ/n‖_F / ‖JᵀJ/n‖_F (rounding-level at a zero-loss optimum).
    public let gaussNewtonMismatch: Double
    /// ‖H − Hᵀ‖_F/‖H‖_F of the raw HVP columns (rounding-level for exact HVPs).
    public let asymmetry: Double
    /// The loss at the analysed parameters.
    public let loss: Double
    /// Parameter group names in storage order, with their ranges.
    public let groups: [ParameterGroup]

    /// Analyse `model` on (inputs, targets) with the ½-mean-squared-error loss (`loss`), keeping `topCount`
    /// eigenvectors.
    public init(
        model: some RecurrentModel, inputs: SequenceBatch, targets: SequenceBatch,
        loss: MeanSquaredError = MeanSquaredError(), topCount: Int = 3
    ) throws {
        let full = try model.hessian(inputs: inputs, targets: targets, loss: loss)
        let p = model.parameterCount
        let eigen = try LinearAlgebra.symmetricEigen(full.symmetrized)
        let order = Array((0..<p).reversed())  // descending
        eigenvalues = order.map { eigen.values[$0] }
        let vectors = eigen.vectors ?? Matrix(rows: p, columns: p)
        groups = model.parameterGroups
        topEigenvectors = order.prefix(max(0, min(topCount, p))).map { k in
            let v = vectors.column(k)
            let masses = model.parameterGroups.map { g in
                GroupMass(group: g.name, mass: g.range.reduce(0) { $0 + v[$1] * v[$1] })
            }
            let fourth = v.reduce(0) { $0 + $1 * $1 * $1 * $1 }
            return Eigenvector(eigenvalue: eigen.values[k], vector: v, groups: masses, participationRatio: 1 / fourth)
        }
        // Gauss–Newton from exact JVPs, restricted to the masked steps.
        var jacobian: [Double] = []
        let t = inputs.steps, b = inputs.batchSize, dOut = model.outputSize
        let first: Int
        switch loss.mask {
        case .allSteps: first = 0
        case .fromStep(let k): first = k
        case .lastStep: first = t - 1
        case .weights:
            throw CurseOfMemoryError.invalidArgument(argument: "loss", message: "weighted masks are not supported here")
        }
        let rows = (t - first) * b * dOut
        jacobian.reserveCapacity(rows * p)
        var e = [Double](repeating: 0, count: p)
        for j in 0..<p {
            e[j] = 1
            let out = try model.jacobianVectorProduct(inputs: inputs, parameterDirection: e).tangents.outputs.values
            e[j] = 0
            jacobian += out[(first * b * dOut)...]
        }
        let jm = try Matrix(rows: rows, columns: p, columnMajor: jacobian)
        let scale = loss.halved ? 1.0 : 2.0
        let gaussNewton = (scale / Double(rows)) * (jm.transposed * jm)
        gaussNewtonMismatch = (full.symmetrized - gaussNewton).frobeniusNorm / gaussNewton.frobeniusNorm
        asymmetry = full.relativeAsymmetry
        hessian = full.symmetrized
        self.loss = full.loss
    }
}
