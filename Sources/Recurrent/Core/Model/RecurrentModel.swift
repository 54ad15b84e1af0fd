/// The protocol every recurrent architecture of rnnmem implements (tanh RNN, LSTM, GRU, linear, complex-diagonal,
/// LRU, MRNN, MRNNF, MLSTM, MLSTMF), and on which training, tasks, weight import/export and all spectra are built.
///
/// # What a model is
/// A network mapping a batch of input sequences x_1 … x_T (d_in features, ``SequenceBatch``) to outputs
/// y_1 … y_T (d_out features), through ``layerCount`` stacked layers with Markov states
/// s_t^ℓ = F_ℓ(s_{t−1}^ℓ, input_t^ℓ) and a readout of the last layer (for the gated/tanh models
/// y_t = C h_t + c). Conventions (Recurrent.docc/Conventions.md): t = 1 … T, s_0 = 0 unless an initial state is
/// given, x_t enters s_t, y_t is read from s_t (and, for models with a skip term, from x_t).
///
/// # Parameters
/// All trainable parameters form ONE flat `[Double]` vector, ``parameters``, partitioned into named contiguous
/// ``ParameterGroup``s (``parameterGroups``, in storage order, covering the vector exactly, matrices
/// column-major). Gradients, HVP directions, Hessians and optimiser states all use this same vector layout.
///
/// # States
/// ``stateLayouts`` describes every layer's state (size S_ℓ, named segments, hidden rows). The *joint* state of
/// the network is the concatenation s_t = (s_t^0, s_t^1, …) in layer order, size S = Σ S_ℓ; state Jacobians
/// D_t = ∂s_t/∂s_{t−1} are taken with respect to it (for the LSTM the joint (h, c) state of every layer).
///
/// # What an implementation writes
/// Only the four pass functions below, which run the network on engine storage (``AlgebraMatrix`` views) in an
/// algebra `A`: ``RealAlgebra`` (values, gradients) or ``DualAlgebra`` (value + ε·tangent). Everything else —
/// ``forward(_:initialStates:workspace:)``, losses and ``lossAndGradient(inputs:targets:loss:initialStates:workspace:)``,
/// ``gradient(inputs:outputGradient:initialStates:workspace:)``, Jacobian-vector products,
/// Hessian-vector products, full Hessians, state and input Jacobians — is provided by extensions in terms of
/// these passes and is exact: a JVP is the forward pass in ``DualAlgebra`` seeded with a parameter direction; an
/// HVP is the backward pass run in ``DualAlgebra`` on top of a dual forward pass (forward-over-reverse,
/// Pearlmutter 1994, *Neural Computation* 6(1):147–160), giving ∇L + ε·Hv; a state Jacobian is one dual step
/// seeded with the columns of the identity.
///
/// Recipe (see `TanhRNN` for a complete example):
/// 1. Write `forwardPass<A: RecurrentAlgebra>(_ pass: ForwardPass<A>)` and
///    `backwardPass<A: RecurrentAlgebra>(_ pass: BackwardPass<A>)` ONCE, generic over the algebra: matrix
///    products through ``AlgebraMatrix/multiply(_:transposeA:_:transposeB:alpha:beta:)`` (BLAS), elementwise
///    work with `A.Scalar` arithmetic (``RecurrentScalar``), every derivative computed from algebra values (never
///    from `.primal`), so that the dual run differentiates the backward pass too.
/// 2. Implement the four requirements as one-line calls of those generic functions. The requirements are
///    per-algebra (not generic) on purpose: the call from a concrete model into its generic pass is where the
///    optimiser specialises the pass for `Double`/`DualNumber`; generic requirements would be dispatched
///    unspecialised through witness tables from the generic extensions (and from other modules), making every
///    elementwise access a dynamic call.
/// 3. Test: gradient and HVP against finite differences (the shared test helpers in RecurrentTests do it for any
///    model).
///
/// # Contract of the passes
/// * `forward`: read ``ForwardPass/parameters`` (P × 1) and ``ForwardPass/inputs`` (d_in × (T·B), column
///   t·B + b is x_{t+1} of sequence b). If ``ForwardPass/initialStates`` is non-nil, layer ℓ starts from
///   `initialStates[ℓ]` (S_ℓ × B), otherwise from zero. Publish on the tape: `tape.layerStates[ℓ]`
///   (S_ℓ × ((T+1)·B), block t = s_t, t = 0 … T) for every layer and `tape.outputs` (d_out × (T·B)). Store
///   whatever the backward pass needs in tape buffers. Do not write into inputs or parameters.
/// * `backward`: called after `forward` on the same tape with the same parameters and inputs.
///   ``BackwardPass/outputGradient`` (d_out × (T·B)) is ∂L/∂y_t. ADD ∂L/∂θ into
///   ``BackwardPass/parameterGradient`` (P × 1, the caller zeroes it); if non-nil, OVERWRITE
///   ``BackwardPass/inputGradient`` (d_in × (T·B)) with ∂L/∂x_t and `initialStateGradients[ℓ]` (S_ℓ × B) with
///   ∂L/∂s_0^ℓ. The tape's published states/outputs must stay valid.
/// * Shapes are validated by the engine before a pass is called; passes may treat shape disagreements as
///   internal invariants (preconditions).
/// * Passes must be deterministic (same inputs ⇒ same bytes) and must not depend on any global state.
public protocol RecurrentModel: Sendable {
    /// The architecture (its raw value is the name used in files and on the command line).
    var architecture: Architecture { get }
    /// Input width d_in.
    var inputSize: Int { get }
    /// Hidden width N of each layer.
    var hiddenSize: Int { get }
    /// Output width d_out.
    var outputSize: Int { get }
    /// Number of stacked recurrent layers.
    var layerCount: Int { get }

    /// The flat parameter vector θ (layout: ``parameterGroups``).
    var parameters: [Double] { get }
    /// Replace θ; throws ``RecurrentError/shapeMismatch(argument:expected:got:)`` when the count is wrong and
    /// ``RecurrentError/invalidArgument(argument:message:)`` for a non-finite value.
    mutating func setParameters(_ values: [Double]) throws
    /// Named groups partitioning ``parameters`` in storage order.
    var parameterGroups: [ParameterGroup] { get }
    /// One layout per layer (index ℓ = layer ℓ).
    var stateLayouts: [StateLayout] { get }

    /// Forward pass in real arithmetic. Implement as `forwardPass(pass)` (the generic implementation).
    func forward(_ pass: ForwardPass<RealAlgebra>)
    /// Forward pass in dual arithmetic (JVPs; the first half of an HVP). Implement as `forwardPass(pass)`.
    func forward(_ pass: ForwardPass<DualAlgebra>)
    /// Backward pass (BPTT) in real arithmetic: gradients. Implement as `backwardPass(pass)`.
    func backward(_ pass: BackwardPass<RealAlgebra>)
    /// Backward pass in dual arithmetic: gradient + ε·(Hessian-vector product). Implement as `backwardPass(pass)`.
    func backward(_ pass: BackwardPass<DualAlgebra>)
}
