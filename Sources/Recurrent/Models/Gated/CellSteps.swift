import MemoryNumerics
import _CVectorMath

/// Fused elementwise parts of one time step of the tanh RNN, the LSTM and the GRU (forward and backward), in real
/// or dual (value + ε·tangent) arithmetic, for the vectorised fast path of the gated models (C kernels of
/// `_CVectorMath`, in the same three instances as `VectorMath`: portable, AVX2+FMA, AVX-512F).
///
/// Each kernel performs, element by element, exactly the operations of the generic Swift pass (`LSTM+Forward.swift`
/// and the other passes: same formulas, same order, no fused multiply-adds), with σ and tanh from `VectorMath` — so a
/// vectorised pass differs from the generic one only through the σ/tanh implementation (≤ 2 ulp each) and the
/// summation order of matrix products. Dual blocks follow ``DualNumber``'s rules ((ab)˙ = ȧb + aḃ, σ˙ = σ(1 − σ)·ẋ,
/// tanh˙ = (1 − tanh²)·ẋ). Results are bit-identical across instruction sets (tested).
///
/// Formulas (PyTorch conventions; LSTM: Hochreiter & Schmidhuber 1997, *Neural Computation* 9(8):1735–1780, with
/// the forget gate of Gers, Schmidhuber & Cummins 2000; GRU: Cho et al. 2014, arXiv 1406.1078, reset gate applied
/// after the recurrent product as in cuDNN/PyTorch), per unit k and sequence j:
/// * LSTM forward: [i; f; g; o] ← [σ; σ; tanh; σ](Z), c = f·c_prev + i·g, h = o·tanh c.
/// * LSTM backward: δc = carry + δh·o·(1 − tanh²c), dZ = [δc·g·i(1 − i); δc·c_prev·f(1 − f); δc·i(1 − g²);
///   δh·tanh c·o(1 − o)], carry ← δc·f.
/// * GRU forward: r = σ(x_r + hh_r), z = σ(x_z + hh_z), n = tanh(x_n + r·hh_n), h = (1 − z)·n + z·h_prev.
/// * GRU backward: dA_n = δh(1 − z)(1 − n²), dA_z = δh(h_prev − n)z(1 − z), dA_r = dA_n·hh_n·r(1 − r),
///   input-projection gradient [dA_r; dA_z; dA_n], recurrent-projection gradient [dA_r; dA_z; r·dA_n],
///   direct ← (direct +) δh·z.
/// * tanh RNN backward: g ← (1 − h²)·g.
///
/// These are pointer-level engine entry points: shapes are the caller's invariants (preconditions).
enum CellSteps {
    /// A column-major block of the engine's storage: values, tangents (nil for real arithmetic) and the leading
    /// dimension. Gate blocks hold the gates in row blocks of n (LSTM: i, f, g, o; GRU: r, z, n).
    struct Block {
        var value: UnsafeMutablePointer<Double>
        var tangent: UnsafeMutablePointer<Double>?
        var leadingDimension: Int

        init(value: UnsafeMutablePointer<Double>, tangent: UnsafeMutablePointer<Double>? = nil, leadingDimension: Int) {
            self.value = value
            self.tangent = tangent
            self.leadingDimension = leadingDimension
        }

        var c: rnnmem_block { rnnmem_block(value: value, tangent: tangent, ld: leadingDimension) }
    }

    /// LSTM forward step (see the type's documentation): `gates` (4n × batch) from pre-activations to
    /// activations, `cell` = c_t, `tanhCell` = tanh c_t, `hidden` = h_t; `cell` and `hidden` may be the two row
    /// halves of one state block.
    static func lstmForward(
        hiddenSize n: Int, batchSize: Int, gates: Block, cellPrevious: Block, cell: Block,
        tanhCell: Block, hidden: Block, instructionSet: VectorMath.InstructionSet? = nil
    ) {
        let status = rnnmem_lstm_forward_step(
            instructionSet.map(\.rawValue) ?? -1, n, batchSize, gates.c,
            cellPrevious.c, cell.c, tanhCell.c, hidden.c)
        precondition(status == 0, "CellSteps.lstmForward: bad blocks (n \(n), batch \(batchSize))")
    }

    /// LSTM backward step: `gateGradient` (4n × batch) ← dZ, `cellCarry` updated from δc_{t+1}·f_{t+1} to δc_t·f_t.
    static func lstmBackward(
        hiddenSize n: Int, batchSize: Int, gates: Block, tanhCell: Block, cellPrevious: Block,
        hiddenGradient: Block, cellCarry: Block, gateGradient: Block, instructionSet: VectorMath.InstructionSet? = nil
    ) {
        let status = rnnmem_lstm_backward_step(
            instructionSet.map(\.rawValue) ?? -1, n, batchSize, gates.c,
            tanhCell.c, cellPrevious.c, hiddenGradient.c, cellCarry.c,
            gateGradient.c)
        precondition(status == 0, "CellSteps.lstmBackward: bad blocks (n \(n), batch \(batchSize))")
    }

    /// GRU forward step: `inputProjection` (3n × batch) from W_ih x + b_ih to the gates (r, z, n),
    /// `recurrentProjection` = W_hh h_prev + b_hh (read), `hidden` = h_t.
    static func gruForward(
        hiddenSize n: Int, batchSize: Int, inputProjection: Block, recurrentProjection: Block,
        hiddenPrevious: Block, hidden: Block, instructionSet: VectorMath.InstructionSet? = nil
    ) {
        let status = rnnmem_gru_forward_step(
            instructionSet.map(\.rawValue) ?? -1, n, batchSize, inputProjection.c,
            recurrentProjection.c, hiddenPrevious.c, hidden.c)
        precondition(status == 0, "CellSteps.gruForward: bad blocks (n \(n), batch \(batchSize))")
    }

    /// GRU backward step: writes both projection gradients (3n × batch each) and sets (`accumulateDirect` false)
    /// or increments `direct` by δh·z.
    static func gruBackward(
        hiddenSize n: Int, batchSize: Int, gates: Block, recurrentProjection: Block,
        hiddenPrevious: Block, hiddenGradient: Block, direct: Block, accumulateDirect: Bool,
        inputProjectionGradient: Block, recurrentProjectionGradient: Block,
        instructionSet: VectorMath.InstructionSet? = nil
    ) {
        let status = rnnmem_gru_backward_step(
            instructionSet.map(\.rawValue) ?? -1, n, batchSize, gates.c,
            recurrentProjection.c, hiddenPrevious.c, hiddenGradient.c, direct.c,
            accumulateDirect ? 1 : 0, inputProjectionGradient.c,
            recurrentProjectionGradient.c)
        precondition(status == 0, "CellSteps.gruBackward: bad blocks (n \(n), batch \(batchSize))")
    }

    /// tanh RNN backward step: `gradient` ← (1 − h²)·`gradient` in place.
    static func tanhRNNBackward(
        hiddenSize n: Int, batchSize: Int, hidden: Block, gradient: Block,
        instructionSet: VectorMath.InstructionSet? = nil
    ) {
        let status = rnnmem_tanh_rnn_backward_step(
            instructionSet.map(\.rawValue) ?? -1, n, batchSize, hidden.c,
            gradient.c)
        precondition(status == 0, "CellSteps.tanhRNNBackward: bad blocks (n \(n), batch \(batchSize))")
    }
}
