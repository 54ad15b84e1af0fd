import MemoryNumerics

/// Bridges from the stacked cells' passes to the fused elementwise step kernels of ``CellSteps`` (one C call per
/// time step for the whole elementwise part of an LSTM/GRU step: nonlinearities, cell update, and in the backward
/// pass every gate derivative). Each function runs the kernel and returns true when the storage is plain or dual
/// `Double` buffers, and returns false — doing nothing — for any other algebra, in which case the caller runs its
/// generic code. The kernels perform the generic code's operations in the same order (see
/// ``CellSteps/lstmForward(hiddenSize:batchSize:gates:cellPrevious:cell:tanhCell:hidden:instructionSet:)``),
/// so the only differences are the σ/tanh implementation.
enum CellKernels {
    @inline(__always)
    static func lstmForward<A>(
        n: Int, batch: Int, gates: AlgebraMatrix<A>, cellPrevious: AlgebraMatrix<A>, cell: AlgebraMatrix<A>,
        tanhCell: AlgebraMatrix<A>, hidden: AlgebraMatrix<A>
    ) -> Bool {
        guard let g = gates.cellBlock, let cp = cellPrevious.cellBlock, let c = cell.cellBlock,
            let tc = tanhCell.cellBlock, let h = hidden.cellBlock
        else { return false }
        CellSteps.lstmForward(
            hiddenSize: n, batchSize: batch, gates: g, cellPrevious: cp, cell: c,
            tanhCell: tc, hidden: h)
        return true
    }

    @inline(__always)
    static func lstmBackward<A>(
        n: Int, batch: Int, gates: AlgebraMatrix<A>, tanhCell: AlgebraMatrix<A>, cellPrevious: AlgebraMatrix<A>,
        hiddenGradient: AlgebraMatrix<A>, cellCarry: AlgebraMatrix<A>, gateGradient: AlgebraMatrix<A>
    ) -> Bool {
        guard let g = gates.cellBlock, let tc = tanhCell.cellBlock, let cp = cellPrevious.cellBlock,
            let dh = hiddenGradient.cellBlock, let carry = cellCarry.cellBlock,
            let dz = gateGradient.cellBlock
        else { return false }
        CellSteps.lstmBackward(
            hiddenSize: n, batchSize: batch, gates: g, tanhCell: tc, cellPrevious: cp,
            hiddenGradient: dh, cellCarry: carry, gateGradient: dz)
        return true
    }

    @inline(__always)
    static func gruForward<A>(
        n: Int, batch: Int, inputProjection: AlgebraMatrix<A>, recurrentProjection: AlgebraMatrix<A>,
        hiddenPrevious: AlgebraMatrix<A>, hidden: AlgebraMatrix<A>
    ) -> Bool {
        guard let xi = inputProjection.cellBlock, let hh = recurrentProjection.cellBlock,
            let hp = hiddenPrevious.cellBlock, let h = hidden.cellBlock
        else { return false }
        CellSteps.gruForward(
            hiddenSize: n, batchSize: batch, inputProjection: xi, recurrentProjection: hh,
            hiddenPrevious: hp, hidden: h)
        return true
    }

    @inline(__always)
    static func gruBackward<A>(
        n: Int, batch: Int, gates: AlgebraMatrix<A>, recurrentProjection: AlgebraMatrix<A>,
        hiddenPrevious: AlgebraMatrix<A>, hiddenGradient: AlgebraMatrix<A>, direct: AlgebraMatrix<A>,
        accumulateDirect: Bool, inputProjectionGradient: AlgebraMatrix<A>, recurrentProjectionGradient: AlgebraMatrix<A>
    ) -> Bool {
        guard let g = gates.cellBlock, let hh = recurrentProjection.cellBlock, let hp = hiddenPrevious.cellBlock,
            let dh = hiddenGradient.cellBlock, let d = direct.cellBlock, let dxi = inputProjectionGradient.cellBlock,
            let dhh = recurrentProjectionGradient.cellBlock
        else { return false }
        CellSteps.gruBackward(
            hiddenSize: n, batchSize: batch, gates: g, recurrentProjection: hh,
            hiddenPrevious: hp, hiddenGradient: dh, direct: d,
            accumulateDirect: accumulateDirect,
            inputProjectionGradient: dxi, recurrentProjectionGradient: dhh)
        return true
    }

    @inline(__always)
    static func tanhRNNBackward<A>(n: Int, batch: Int, hidden: AlgebraMatrix<A>, gradient: AlgebraMatrix<A>) -> Bool {
        guard let h = hidden.cellBlock, let g = gradient.cellBlock else { return false }
        CellSteps.tanhRNNBackward(hiddenSize: n, batchSize: batch, hidden: h, gradient: g)
        return true
    }
}
