import MemoryNumerics

extension LinearStateSpace {
    /// The stationary state covariance Σ = AΣAᵀ + BBᵀ under i.i.d. unit-variance inputs (the discrete Lyapunov or
    /// Stein equation, solved by the Bartels–Stewart method of `LinearAlgebra/solveStein(w:q:method:)`).
    ///
    /// - Throws: `LinearAlgebraError/notStable(spectralRadius:)` when ρ(A) ≥ 1 (no stationary state).
    public func stationaryCovariance() throws -> Matrix {
        var q = input * input.transposed
        let n = q.rows
        for j in 0..<n { for i in 0..<j { let m = 0.5 * (q[i, j] + q[j, i]); q[i, j] = m; q[j, i] = m } }
        return try LinearAlgebra.solveStein(w: transition, q: q)
    }

    /// Numerical rank of the controllability matrix [B, AB, …, A^{S−1}B], computed as the rank of the
    /// controllability Gramian Σ (same column space, better conditioned than the Krylov matrix): eigenvalues above
    /// `rankTolerance` × λ_max count.
    public func controllabilityRank(rankTolerance: Double = 1e-12) throws -> Int {
        try Check.positive(rankTolerance, "rankTolerance")
        let values = try LinearAlgebra.symmetricEigenvalues(try stationaryCovariance())
        let top = values.last ?? 0
        return top > 0 ? values.filter { $0 > rankTolerance * top }.count : 0
    }

    /// Jaeger's memory capacity of input `feature`, analytically: with b = B e_feature,
    ///
    ///     MC_k = (A^k b)ᵀ Σ⁺ (A^k b),   k = 0 … K,
    ///
    /// Σ the stationary covariance (all inputs i.i.d. with unit variance; the capacity is scale-invariant) and Σ⁺ its
    /// pseudo-inverse over eigenvalues above `rankTolerance` × λ_max (Jaeger 2002, GMD Report 152, Prop. 2;
    /// Gonon, Grigoryeva & Ortega 2020, Physica D 414:132721). For one input, Σ_{k≥0} MC_k equals the rank of the
    /// controllability matrix, reported as ``MemoryCapacity/rank``; the sum up to K approaches it at the rate
    /// ‖A^K‖². Cost: one Stein solve and one symmetric eigendecomposition (O(S³)), then O(S²) per delay.
    ///
    /// Accuracy: the values are only as good as Σ's conditioning (``MemoryCapacity/covarianceCondition``). For
    /// normal A with spread eigenvalue phases (e.g. a scaled orthogonal matrix) Σ is well conditioned; for a
    /// symmetric or strongly non-normal A it is often numerically singular beyond S ≈ 10, and capacity carried by
    /// directions of relative variance below `rankTolerance` is not counted.
    ///
    /// - Throws: ``MemoryProbeError/invalidArgument(argument:message:)`` for K < 0 or a feature outside
    ///   0..<d_in; `LinearAlgebraError/notStable(spectralRadius:)` for ρ(A) ≥ 1.
    public func memoryCapacity(maxDelay: Int, feature: Int = 0, rankTolerance: Double = 1e-12) throws -> MemoryCapacity
    {
        try Check.nonNegative(maxDelay, "maxDelay")
        try Check.positive(rankTolerance, "rankTolerance")
        guard feature >= 0 && feature < inputSize else {
            throw MemoryProbeError.invalidArgument(argument: "feature", message: "\(feature) not in 0..<\(inputSize)")
        }
        let sigma = try stationaryCovariance()
        let eigen = try LinearAlgebra.symmetricEigen(sigma)
        guard let q = eigen.vectors else { preconditionFailure("eigenvectors requested") }
        let top = eigen.values.last ?? 0
        let kept = top > 0 ? eigen.values.indices.filter { eigen.values[$0] > rankTolerance * top } : []
        let s = stateSize
        var b = input.column(feature)
        var capacities: [Double] = []
        capacities.reserveCapacity(maxDelay + 1)
        for _ in 0...maxDelay {
            var mc = 0.0
            for i in kept {
                var p = 0.0
                for r in 0..<s { p += q.elements[r + i * s] * b[r] }
                mc += p * p / eigen.values[i]
            }
            capacities.append(mc)
            b = transition * b
        }
        let smallest = kept.first.map { eigen.values[$0] } ?? 0
        var notes: [String] = []
        if kept.count < s {
            notes.append(
                "Σ has numerical rank \(kept.count) of \(s) (eigenvalues below \(rankTolerance) × λ_max dropped)")
        }
        return MemoryCapacity(
            method: .analytic, capacities: capacities, stateVariables: s, rank: kept.count,
            covarianceCondition: smallest > 0 ? top / smallest : .infinity, rSquared: nil,
            readout: nil, testSamples: nil, notes: notes)
    }
}
