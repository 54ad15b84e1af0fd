/// How ``MonteCarloVerifier`` simulates: independent chains, each started with h = ∂h = 0 and every input component
/// drawn from its stationary law, run through a burn-in, then sampled.
public struct MonteCarloSettings: Sendable, Hashable {
    /// Number of independent chains (> 1).
    public var chains: Int
    /// Seed of the `SeededRandom` streams (one stream per block of chains: same seed ⇒ same bytes, whatever the
    /// number of threads).
    public var seed: UInt64
    /// Burn-in steps before the first sample; nil: ``defaultBurnIn(modulus:input:)``.
    public var burnIn: Int?
    /// Samples averaged per chain (≥ 1) after the burn-in, `sampleSpacing` steps apart. Each chain contributes one
    /// average, so the standard error (across chains) is valid whatever the autocorrelation within a chain.
    public var samplesPerChain: Int
    /// Steps between two samples of a chain (≥ 1).
    public var sampleSpacing: Int
    /// Run blocks of chains on all cores (the result does not depend on it).
    public var parallel: Bool

    /// Settings; validated when a simulation starts (chains ≥ 2, samples ≥ 1, spacing ≥ 1, burn-in ≥ 0).
    public init(
        chains: Int = 20_000, seed: UInt64 = 1, burnIn: Int? = nil, samplesPerChain: Int = 1,
        sampleSpacing: Int = 1, parallel: Bool = true
    ) {
        self.chains = chains
        self.seed = seed
        self.burnIn = burnIn
        self.samplesPerChain = samplesPerChain
        self.sampleSpacing = sampleSpacing
        self.parallel = parallel
    }

    /// ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉, ρ_max the largest rate below 1 (a component with ρ = 1 is a constant level,
    /// stationary from its first draw). The input starts stationary, so the burn-in only has to wash out the
    /// transient t²ν^{2t} of the state and its derivative; the ρ term is the conservative rule of the validation
    /// targets.
    public static func defaultBurnIn(modulus: Double, input: InputAutocorrelation) -> Int {
        let rho = input.components.map(\.rate).filter { $0 < 1 }.max() ?? 0
        return Int((30 / (1 - modulus) + 30 / (1 - rho)).rounded(.up))
    }

    func validated(modulus: Double, input: InputAutocorrelation) throws -> (burnIn: Int, samples: Int, spacing: Int) {
        try CurseOfMemoryError.require(chains >= 2, "chains", "needs at least 2 chains, got \(chains)")
        try CurseOfMemoryError.require(
            samplesPerChain >= 1, "samples", "needs ≥ 1 sample per chain, got \(samplesPerChain)")
        try CurseOfMemoryError.require(sampleSpacing >= 1, "spacing", "needs a spacing ≥ 1, got \(sampleSpacing)")
        try CurseOfMemoryError.require(
            modulus < 1, "lambda",
            "the Monte-Carlo verifier needs |λ| < 1 (a stationary law), got \(modulus)")
        let b = burnIn ?? Self.defaultBurnIn(modulus: modulus, input: input)
        try CurseOfMemoryError.require(b >= 0, "burn-in", "must be ≥ 0, got \(b)")
        return (b, samplesPerChain, sampleSpacing)
    }
}
