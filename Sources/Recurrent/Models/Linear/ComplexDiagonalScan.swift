import MemoryNumerics

/// The scalar linear recurrence h_t = a_t·h_{t−1} + b_t (t = 1 … T, complex, time-varying a_t) computed
/// sequentially or as an associative (parallel-prefix) scan (Blelloch 1990, "Prefix sums and their applications", CMU-CS-90-190) — validation target G1
/// (Recurrent.docc/ValidationTargets.md).
///
/// The scan uses the associative operator on pairs, earlier element first,
/// (a_i, b_i) ∘ (a_j, b_j) = (a_j a_i, a_j b_i + b_j), whose inclusive prefix gives (Π a, h_t) for h_0 = 0.
/// A non-zero h_0 is folded into the first element, (a_1, a_1 h_0 + b_1) — forgetting it is the failure mode of
/// lucidrains/minGRU-pytorch#9. The prefix is formed by recursive doubling (Hillis & Steele 1986, "Data parallel
/// algorithms", CACM 29(12)): ⌈log₂ T⌉ rounds whose updates are independent of each other (here executed in one
/// thread; the models' passes use the sequential recurrence, for which the exact derivatives are written).
/// Results agree with the sequential recurrence up to rounding (the association order differs).
public enum ComplexDiagonalScan {
    /// h_1 … h_T by the sequential recurrence.
    public static func sequential(
        coefficients a: [Complex<Double>], inputs b: [Complex<Double>],
        initial h0: Complex<Double> = .zero
    ) throws -> [Complex<Double>] {
        try check(a, b)
        var h = h0
        var out: [Complex<Double>] = []
        out.reserveCapacity(b.count)
        for t in b.indices {
            h = a[t] * h + b[t]
            out.append(h)
        }
        return out
    }

    /// h_1 … h_T by the associative scan with h_0 folded into the first element.
    public static func associative(
        coefficients a: [Complex<Double>], inputs b: [Complex<Double>],
        initial h0: Complex<Double> = .zero
    ) throws -> [Complex<Double>] {
        try check(a, b)
        let n = b.count
        if n == 0 { return [] }
        var pa = a, pb = b
        pb[0] = a[0] * h0 + b[0]
        var d = 1
        while d < n {
            // Round: e_i ← e_{i−d} ∘ e_i for i ≥ d, from the top down so e_{i−d} is still the previous round's.
            var i = n - 1
            while i >= d {
                let (ai, bi) = (pa[i - d], pb[i - d])
                pb[i] = pa[i] * bi + pb[i]
                pa[i] = pa[i] * ai
                i -= 1
            }
            d *= 2
        }
        return pb
    }

    private static func check(_ a: [Complex<Double>], _ b: [Complex<Double>]) throws {
        guard a.count == b.count else {
            throw RecurrentError.shapeMismatch(
                argument: "coefficients", expected: "\(b.count) values (one per input)",
                got: "\(a.count)")
        }
    }
}
