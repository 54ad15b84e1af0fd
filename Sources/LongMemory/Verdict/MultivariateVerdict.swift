import MemoryNumerics

/// The verdict for several series observed together (numeric columns, hidden units), from one verdict per column.
///
/// Per-dimension definition (Zhao et al. 2020, "Do RNN and LSTM have long memory?", ICML, arXiv 2006.03860): a
/// multivariate process has long memory if at least one of its components does. The overall verdict is the first
/// that applies of:
/// 1. some column *nonstationary* → *nonstationary* (a nonstationary component makes the vector nonstationary);
/// 2. some column *long memory* → *long memory*;
/// 3. some column *inconclusive* → *inconclusive* (long memory cannot be excluded for it);
/// 4. every column *antipersistent* → *antipersistent*;
/// 5. otherwise (short memory, possibly with antipersistent columns, whose ACFs are also absolutely summable)
///    → *short memory*.
public enum MultivariateVerdict {
    /// The overall verdict of per-column verdicts (empty input → inconclusive).
    public static func overall(_ verdicts: [MemoryVerdict]) -> MemoryVerdict {
        guard !verdicts.isEmpty else { return .inconclusive }
        if verdicts.contains(.nonstationary) { return .nonstationary }
        if verdicts.contains(.longMemory) { return .longMemory }
        if verdicts.contains(.inconclusive) { return .inconclusive }
        if verdicts.allSatisfy({ $0 == .antipersistent }) { return .antipersistent }
        return .shortMemory
    }
}
