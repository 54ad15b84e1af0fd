// Module MemoryProbes: memory of recurrent networks measured against theory — where the series half of rnnmem
// (LongMemory: fractional filters, estimators of d, verdicts) meets the network half (Recurrent: models, exact
// derivatives, training).
//
// Concepts, one folder each:
// * Capacity/      Jaeger's memory capacity MC_k (analytic for linear state spaces, empirical for any model) and the
//                  information processing capacity of Dambre et al. (2012).
// * Horizon/       the memory horizon k*(θ) and the delayed-recall training cell of Illium et al. (2022).
// * Connectivity/  Madsen's (2019) connectivity ‖∂y_t/∂x_τ‖ (magnitude and squared norm) and its lag profile.
// * Response/      Zhao et al.'s (2020) response coefficients A_k = ∂y_t/∂x_{t−k} (Definition 3), the decay verdict
//                  (exponential vs power law) and the exact tanh-RNN bound ‖U‖₂‖W‖₂^k.
// * LongMemoryChecks/ d of hidden states and outputs, residual memory, autonomous noise-driven networks (Theorem 1).
// * Readout/, Inputs/, Support/: the shared linear readout, input processes and internal helpers; the two files
//   in Support/ named *Bridge.swift are the only places that name enum cases or parameter-group names of the
//   other modules.
//
// Conventions (also in the DocC catalog, MemoryProbes.docc/Conventions.md): time t = 1…T, x_t enters s_t (so the
// delay k = 0 — recalling the current input — counts), h_0 = 0 unless stated, Float64 throughout.
