/// The orthonormal basis of Dambre et al. (2012, Sci. Rep. 2:514, Methods) for i.i.d. inputs uniform on [−1, 1]:
/// products of normalised Legendre polynomials of delayed inputs.
///
/// P̃_d(u) = √(2d + 1)·P_d(u) has E[P̃_d(u)P̃_e(u)] = δ_de for u ~ U[−1, 1] (P_d the Legendre polynomials, Bonnet's
/// recurrence (n + 1)P_{n+1} = (2n + 1)uP_n − nP_{n−1}); so the products Π_i P̃_{d_i}(u_{t−k_i}) over distinct
/// delays k_i are orthonormal for i.i.d. inputs, and the capacities of all of them sum to at most the number of
/// linearly independent state variables (Dambre et al. 2012, Theorem / Eq. 7).
public enum LegendreBasis {
    /// P̃_1(u) … P̃_D(u) (array index d − 1).
    public static func normalizedValues(_ u: Double, maxDegree: Int) -> [Double] {
        guard maxDegree >= 1 else { return [] }
        var out = [Double](repeating: 0, count: maxDegree)
        var previous = 1.0, current = u  // P_0, P_1
        out[0] = 3.0.squareRoot() * u
        if maxDegree >= 2 {
            for n in 1..<maxDegree {
                let next = (Double(2 * n + 1) * u * current - Double(n) * previous) / Double(n + 1)
                previous = current
                current = next
                out[n] = Double(2 * (n + 1) + 1).squareRoot() * next
            }
        }
        return out
    }

    /// One basis function: the product of P̃_{degree}(u_{t−delay}) over its factors (distinct delays).
    public struct Term: Sendable, Hashable, Codable, CustomStringConvertible {
        /// One factor P̃_degree(u_{t−delay}).
        public struct Factor: Sendable, Hashable, Codable {
            /// The delay k ≥ 0.
            public let delay: Int
            /// The degree d ≥ 1.
            public let degree: Int
        }
        /// Factors in increasing delay.
        public let factors: [Factor]

        /// Total degree Σ d_i.
        public var degree: Int { factors.reduce(0) { $0 + $1.degree } }
        /// Largest delay.
        public var maxDelay: Int { factors.last?.delay ?? 0 }

        /// E.g. "P2(u[t-0])·P1(u[t-3])".
        public var description: String {
            factors.map { "P\($0.degree)(u[t-\($0.delay)])" }.joined(separator: "·")
        }
    }

    /// Every basis function of total degree exactly `degree` with delays in 0…`maxDelay`, in a fixed order
    /// (lexicographic in (delay, degree) of the factors). Their number is Σ_j C(K + 1, j)·C(D − 1, j − 1).
    public static func terms(degree: Int, maxDelay: Int) -> [Term] {
        var out: [Term] = []
        var stack: [Term.Factor] = []
        func extend(from delay: Int, remaining: Int) {
            if remaining == 0 {
                out.append(Term(factors: stack))
                return
            }
            guard delay <= maxDelay else { return }
            for k in delay...maxDelay {
                for d in stride(from: remaining, through: 1, by: -1) {
                    stack.append(Term.Factor(delay: k, degree: d))
                    extend(from: k + 1, remaining: remaining - d)
                    stack.removeLast()
                }
            }
        }
        if degree >= 1 && maxDelay >= 0 { extend(from: 0, remaining: degree) }
        return out
    }

    /// Σ_j C(K + 1, j)·C(D − 1, j − 1), the number of ``terms(degree:maxDelay:)`` (as Double: it overflows quickly).
    public static func termCount(degree: Int, maxDelay: Int) -> Double {
        guard degree >= 1, maxDelay >= 0 else { return 0 }
        func choose(_ n: Int, _ k: Int) -> Double {
            guard k >= 0, k <= n else { return 0 }
            var c = 1.0
            for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
            return c
        }
        return (1...degree).reduce(0) { $0 + choose(maxDelay + 1, $1) * choose(degree - 1, $1 - 1) }
    }
}
