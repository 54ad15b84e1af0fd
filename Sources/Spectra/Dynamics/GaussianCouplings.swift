import MemoryNumerics
/// Random coupling matrices of the chaotic-network literature.
public enum GaussianCouplings {
    /// J with i.i.d. entries J_ij ~ N(0, g²/N) (Sompolinsky, Crisanti & Sommers 1988, *Phys. Rev. Lett.* 61:259),
    /// drawn column by column from `SeededRandom(seed:)`; with `zeroDiagonal` the self-couplings J_ii are 0
    /// (as in Engelken, Wolf & Abbott 2023, *Phys. Rev. Research* 5:043044, arXiv 2006.02427).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for N < 1 or a non-finite or negative gain.
    public static func matrix(size n: Int, gain g: Double, seed: UInt64, zeroDiagonal: Bool = false) throws -> Matrix {
        try SpectraChecks.positive(n, "size")
        guard g.isFinite, g >= 0 else {
            throw SpectraError.invalidArgument(argument: "gain", message: "must be finite and ≥ 0, got \(g)")
        }
        var rng = SeededRandom(seed: seed)
        let sd = g / Double(n).squareRoot()
        var j = Matrix(rows: n, columns: n)
        for k in j.elements.indices { j.elements[k] = sd * rng.gaussian() }
        if zeroDiagonal { for i in 0..<n { j.elements[i + i * n] = 0 } }
        return j
    }
}
