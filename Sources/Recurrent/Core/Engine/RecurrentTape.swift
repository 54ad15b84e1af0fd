/// Storage for one forward/backward computation in algebra `A`: named buffers that a model's forward pass
/// fills (activations, gates, states) and its backward pass reads, plus the two results every model must publish.
///
/// Contract with ``RecurrentModel`` implementations:
/// * after `forward`, ``outputs`` is the d_out × (T·B) output matrix and ``layerStates`` holds, for every layer ℓ,
///   an S_ℓ × ((T+1)·B) view whose column block t (columns t·B ..< (t+1)·B) is the layer's full state s_t,
///   t = 0 … T (block 0 = the initial state), laid out as the layer's ``StateLayout`` says;
/// * buffers are obtained with ``matrix(_:rows:columns:zeroed:)`` under model-chosen names (prefix them with the
///   layer, e.g. `"layer0.gates"`); names starting with `"_"` are reserved for the engine.
///
/// Buffers are kept between calls and re-used when the next request fits, so a training loop that passes the
/// same tape (through a ``RecurrentWorkspace``) allocates only on its first step. Views handed out earlier are
/// invalidated when a buffer of the same name must grow. A tape is not thread-safe; use one per thread.
public final class RecurrentTape<A: RecurrentAlgebra> {
    private struct Buffer {
        var pointer: A.Pointer
        var capacity: Int
    }
    private var buffers: [String: Buffer] = [:]

    /// Number of time steps T of the current computation.
    public internal(set) var steps: Int = 0
    /// Number of sequences B of the current computation.
    public internal(set) var batchSize: Int = 0
    /// d_out × (T·B) outputs; set by the model's forward pass.
    public var outputs: AlgebraMatrix<A>?
    /// Per layer, the S_ℓ × ((T+1)·B) states s_0 … s_T; set by the model's forward pass.
    public var layerStates: [AlgebraMatrix<A>] = []

    /// An empty tape.
    public init() {}

    deinit {
        for key in buffers.keys { if let b = buffers[key] { A.deallocate(b.pointer) } }
    }

    /// A contiguous rows × columns matrix stored under `name`, re-using earlier storage when it is large enough.
    /// Contents are unspecified unless `zeroed` (left over from an earlier use of the name otherwise).
    public func matrix(_ name: String, rows: Int, columns: Int, zeroed: Bool = false) -> AlgebraMatrix<A> {
        precondition(rows >= 0 && columns >= 0, "tape matrix \(name): negative shape")
        let count = rows * columns
        if let existing = buffers[name], existing.capacity >= count {
            if zeroed { A.setZero(existing.pointer, count: count) }
            return AlgebraMatrix(base: existing.pointer, rows: rows, columns: columns)
        }
        if let existing = buffers[name] { A.deallocate(existing.pointer) }
        let pointer = A.allocate(count: count)  // zero-filled
        buffers[name] = Buffer(pointer: pointer, capacity: max(1, count))
        return AlgebraMatrix(base: pointer, rows: rows, columns: columns)
    }

    /// Start a new computation of `steps` × `batchSize`: forget the published results (buffers are kept).
    func begin(steps: Int, batchSize: Int) {
        self.steps = steps
        self.batchSize = batchSize
        outputs = nil
        layerStates = []
    }
}
