import MemoryNumerics
import Recurrent

/// Eigenvalues, spectral radius and spectral norm of one square Jacobian block.
public struct JacobianBlockSpectrum: Sendable, Equatable {
    /// Eigenvalues (complex, from LAPACK `dgeev`), sorted by decreasing modulus.
    public let eigenvalues: [Complex<Double>]
    /// ρ = max |μ_i|.
    public let spectralRadius: Double
    /// ‖·‖₂ = σ_max (≥ ρ; much larger than ρ for a non-normal Jacobian).
    public let spectralNorm: Double

    init(_ m: Matrix) throws {
        let values = try LinearAlgebra.eigenvalues(m).sorted { $0.length > $1.length }
        eigenvalues = values
        spectralRadius = values.first?.length ?? 0
        spectralNorm = try LinearAlgebra.spectralNorm(m)
    }
}

/// The spectrum of the state Jacobian D_t = ∂s_t/∂s_{t−1} at one step, for the whole (joint) state and for each
/// layer's diagonal block ∂s_t^ℓ/∂s_{t−1}^ℓ.
///
/// For a stacked network D_t is block lower triangular in the layer order (layer ℓ depends on s_{t−1}^{ℓ′} for
/// ℓ′ ≤ ℓ only, through the lower layers' new states), so the eigenvalues of D_t are the union of the layers'
/// block eigenvalues, while its norm also includes the coupling blocks.
public struct StepJacobianSpectrum: Sendable, Equatable {
    /// t (1-based).
    public let time: Int
    /// The whole state.
    public let joint: JacobianBlockSpectrum
    /// One per layer, in layer order.
    public let layers: [JacobianBlockSpectrum]
}

/// Spectra of the step Jacobians along one sequence's trajectory: vanishing (ρ, σ_max < 1) and expanding
/// (> 1) directions step by step.
public struct StepJacobianSpectra: Sendable, Equatable {
    /// One entry per analysed step, in time order.
    public let steps: [StepJacobianSpectrum]
    /// Where each layer's state starts inside the joint state, and its size.
    public let stateOffsets: [Int]
    /// S_ℓ per layer.
    public let stateSizes: [Int]

    /// Analyse the step Jacobians of `model` along `sequence` (one sequence) at t = `stride`, 2·`stride`, …, T
    /// (every step by default).
    ///
    /// - Parameters:
    ///   - model: the network.
    ///   - sequence: the inputs of one sequence (T steps).
    ///   - initialStates: the state at t = 0 (nil: zero).
    ///   - stride: analyse every `stride`-th step (≥ 1).
    ///   - progress: called after every analysed step with (steps done, steps in all).
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a wrong sequence or stride,
    ///   ``SpectraError/divergence(step:message:)`` for a non-finite Jacobian.
    public init(
        model: any RecurrentModel, sequence: SequenceBatch, initialStates: [Matrix]? = nil,
        stride: Int = 1, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws {
        try TrajectoryJacobians.validate(model: model, sequence: sequence)
        try SpectraChecks.positive(stride, "stride")
        let sizes = model.stateLayouts.map(\.size)
        let offsets = model.stateOffsets
        var result: [StepJacobianSpectrum] = []
        try TrajectoryJacobians.forEach(
            model: model, sequence: sequence, initialStates: initialStates,
            through: sequence.steps
        ) { time, j in
            guard time % stride == 0 else { return }
            let layers = try zip(offsets, sizes).map { offset, size -> JacobianBlockSpectrum in
                var block = Matrix(rows: size, columns: size)
                for c in 0..<size { for r in 0..<size { block[r, c] = j.state[offset + r, offset + c] } }
                return try JacobianBlockSpectrum(block)
            }
            result.append(StepJacobianSpectrum(time: time, joint: try JacobianBlockSpectrum(j.state), layers: layers))
            progress?(time / stride, sequence.steps / stride)
        }
        steps = result
        stateOffsets = offsets
        stateSizes = sizes
    }
}
