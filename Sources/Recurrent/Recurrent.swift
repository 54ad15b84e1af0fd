// Module Recurrent: recurrent models with exact derivatives (issue 4; RNN_THEORY.md §1–§3).
//
// Start at `RecurrentModel` (RecurrentModel.swift): the protocol every architecture implements, with the flat
// parameter vector and its named groups, the state layouts and the per-algebra forward/backward passes. The
// derivative machinery (gradients, JVPs, HVPs, Hessians, Jacobians) lives in the `RecurrentModel+*.swift`
// extensions and runs the same pass code on `Double` (RealAlgebra) and on dual numbers (DualAlgebra).
// Architectures: TanhRNN, LSTM, GRU (StackedGatedNetwork.swift), LinearRNN, ComplexDiagonalRNN, LRU, MRNN/MLSTM.
import MemoryNumerics
