import MemoryNumerics
import Recurrent

/// The information processing capacity of Dambre, Verstraeten, Schrauwen & Massar (2012, "Information processing
/// capacity of dynamical systems", Sci. Rep. 2:514): the capacities of a network to reconstruct, by a linear
/// readout of its state, every function of an orthonormal basis of functions of its past inputs,
///
///     C[y] = 1 − min_w ⟨(y − ŷ)²⟩/⟨y²⟩,   y_t = Π_i P̃_{d_i}(u_{t−k_i}),   u_t i.i.d. U[−1, 1],
///
/// for all products of normalised Legendre polynomials (``LegendreBasis``) of total degree D = Σd_i ≤ `maxDegree` and
/// delays k_i ≤ `maxDelay`. The capacities of the basis sum to at most the number r of linearly independent state
/// variables, with equality for fading-memory systems when all degrees and delays are included (Dambre et al. 2012,
/// Eq. 7); degree 1 is Jaeger's linear memory capacity; a linear network has zero capacity above degree 1.
///
/// Estimation as Dambre et al.: one least-squares readout per basis function fitted and scored on the same
/// T − washout samples (with an intercept), and every capacity below the threshold of ``CapacityThreshold``
/// (default θ = 2·F⁻¹_{χ²_r}(1 − 10⁻³)/T) set to 0. A rank-deficient state matrix is handled exactly by projecting on
/// its r-dimensional column space (the pseudo-inverse), with r reported.
public struct InformationProcessingCapacity: Sendable, Equatable {
    /// One basis function and its capacity.
    public struct Entry: Sendable, Equatable {
        /// The basis function Π P̃_{d_i}(u_{t−k_i}).
        public let term: LegendreBasis.Term
        /// The estimated capacity before thresholding.
        public let estimate: Double
        /// The counted capacity: `estimate` if ≥ the threshold, else 0.
        public let capacity: Double
    }

    /// The largest total degree D evaluated.
    public let maxDegree: Int
    /// The largest delay K evaluated.
    public let maxDelay: Int
    /// Samples T − washout the readouts were fitted on.
    public let samples: Int
    /// The state variables' count p and numerical rank r (the bound on the total).
    public let stateVariables: Int
    /// Numerical rank r of the state matrix.
    public let rank: Int
    /// The threshold θ applied and the rule that produced it.
    public let threshold: Double
    /// The rule that produced ``threshold``.
    public let thresholdRule: CapacityThreshold
    /// Every basis function evaluated, in order of degree then ``LegendreBasis/terms(degree:maxDelay:)``.
    public let entries: [Entry]
    /// The readout fit (the projection on the state space; no ridge).
    public let readout: ReadoutFitInfo

    /// Σ of the counted capacities.
    public var total: Double { entries.reduce(0) { $0 + $1.capacity } }

    /// Counted capacity per total degree D = 1 … maxDegree (array index D − 1).
    public var byDegree: [Double] {
        var out = [Double](repeating: 0, count: maxDegree)
        for e in entries { out[e.term.degree - 1] += e.capacity }
        return out
    }

    /// The degree-1 capacities by delay k = 0 … maxDelay: Jaeger's MC_k (in-sample, thresholded).
    public var linearMemory: [Double] {
        var out = [Double](repeating: 0, count: maxDelay + 1)
        for e in entries where e.term.degree == 1 { out[e.term.factors[0].delay] = e.capacity }
        return out
    }

    /// Expected upward bias of the counted total from fitting on the same samples: Σ_counted (1 − C_i)·r/T.
    public var finiteSampleBias: Double {
        entries.reduce(0) { $0 + ($1.capacity > 0 ? (1 - $1.capacity) * Double(rank) / Double(samples) : 0) }
    }

    /// The check total ≤ r, allowing for the finite-sample bias: total − ``finiteSampleBias`` ≤ r.
    public var isWithinBound: Bool { total - finiteSampleBias <= Double(rank) }

    /// Drive `model` with i.i.d. U[−1, 1] inputs and evaluate every basis function up to `maxDegree` and
    /// `maxDelay`. Throws for a degree ≤ 0, a negative delay, a delay not below the number of steps, or more than
    /// `options.maximumTerms` basis functions.
    public static func compute(
        model: any RecurrentModel, maxDegree: Int, maxDelay: Int,
        options: InformationProcessingCapacityOptions = InformationProcessingCapacityOptions()
    )
        throws -> InformationProcessingCapacity
    {
        try Check.positive(maxDegree, "maxDegree")
        try Check.nonNegative(maxDelay, "maxDelay")
        try Check.positive(options.steps, "steps")
        guard maxDelay < options.steps else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxDelay",
                message: "must be smaller than the number of steps \(options.steps), got \(maxDelay)")
        }
        let inputs = try ProbeInput.uniform.sample(steps: options.steps, features: model.inputSize, seed: options.seed)
        return try compute(
            model: model, inputs: inputs, maxDegree: maxDegree, maxDelay: maxDelay,
            washout: options.washout ?? max(maxDelay, 100), features: options.features,
            threshold: options.threshold, feature: options.feature,
            maximumTerms: options.maximumTerms)
    }

    /// The capacities on given inputs (T × B × d_in; feature `feature` must be i.i.d. U[−1, 1] for the basis to be
    /// orthonormal — values outside [−1, 1] throw).
    public static func compute(
        model: any RecurrentModel, inputs: SequenceBatch, maxDegree: Int, maxDelay: Int,
        washout: Int, features: StateFeatures = .state,
        threshold: CapacityThreshold = .standard, feature: Int = 0,
        maximumTerms: Int = 200_000
    ) throws -> InformationProcessingCapacity {
        try Check.positive(maxDegree, "maxDegree")
        try Check.nonNegative(maxDelay, "maxDelay")
        try Check.nonNegative(washout, "washout")
        guard feature >= 0 && feature < model.inputSize else {
            throw MemoryProbeError.invalidArgument(
                argument: "feature", message: "\(feature) not in 0..<\(model.inputSize)")
        }
        let T = inputs.steps, B = inputs.batchSize, d = inputs.features
        guard maxDelay < T else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxDelay", message: "must be smaller than the sequence length \(T), got \(maxDelay)")
        }
        guard washout >= maxDelay else {
            throw MemoryProbeError.invalidArgument(
                argument: "washout", message: "must be ≥ maxDelay = \(maxDelay), got \(washout)")
        }
        let count = (1...maxDegree).reduce(0.0) { $0 + LegendreBasis.termCount(degree: $1, maxDelay: maxDelay) }
        guard count <= Double(maximumTerms) else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxDegree",
                message: "degree ≤ \(maxDegree) and delay ≤ \(maxDelay) give \(Int(min(count, 1e18))) basis functions, "
                    + "more than maximumTerms = \(maximumTerms); lower the degree or the delay")
        }
        for b in 0..<B {
            for t in 0..<T {
                let u = inputs.values[feature + d * (b + B * t)]
                guard u >= -1 && u <= 1 else {
                    throw MemoryProbeError.invalidArgument(
                        argument: "inputs",
                        message: "the Legendre basis needs inputs in [−1, 1]; step \(t), sequence \(b) is \(u)")
                }
            }
        }
        let perSequence = T - washout
        let n = perSequence * B
        let p = features.width(of: model)
        guard n >= p + 2 else {
            throw MemoryProbeError.invalidArgument(
                argument: "steps",
                message: "\(n) samples after the washout cannot fit \(p) state variables; simulate more steps")
        }
        let trajectory = try model.forward(inputs)
        var states = Matrix(rows: n, columns: p)
        for b in 0..<B {
            features.write(trajectory, sequence: b, times: (washout + 1)...T, into: &states, firstRow: b * perSequence)
        }
        // The exact projection on the state space (pseudo-inverse over the numerical rank).
        let readout = try LinearReadout(
            states: states, regularization: .standard, argument: "states",
            pseudoInverse: true)
        let r = readout.info.rank
        let theta = try threshold.value(stateVariables: r, samples: n)
        // P̃_d(u_t) for every (sequence, step): legendre[(b·T + t)·D + d − 1].
        var legendre = [Double](repeating: 0, count: B * T * maxDegree)
        for b in 0..<B {
            for t in 0..<T {
                let values = LegendreBasis.normalizedValues(
                    inputs.values[feature + d * (b + B * t)], maxDegree: maxDegree)
                for j in 0..<maxDegree { legendre[(b * T + t) * maxDegree + j] = values[j] }
            }
        }
        var entries: [Entry] = []
        let chunk = max(1, min(256, 4_000_000 / max(n, 1)))
        for degree in 1...maxDegree {
            let terms = LegendreBasis.terms(degree: degree, maxDelay: maxDelay)
            var start = 0
            while start < terms.count {
                let block = Array(terms[start..<min(terms.count, start + chunk)])
                var y = Matrix(rows: n, columns: block.count, repeating: 1)
                for (c, term) in block.enumerated() {
                    for b in 0..<B {
                        for row in 0..<perSequence {
                            let t = washout + row  // 0-based step of time t + 1
                            var v = 1.0
                            for f in term.factors { v *= legendre[(b * T + t - f.delay) * maxDegree + f.degree - 1] }
                            y.elements[b * perSequence + row + c * n] = v
                        }
                    }
                }
                let estimates = try readout.inSampleRSquared(y)
                for (term, c) in zip(block, estimates) {
                    entries.append(Entry(term: term, estimate: c, capacity: c >= theta && c > 0 ? c : 0))
                }
                start += block.count
            }
        }
        return InformationProcessingCapacity(
            maxDegree: maxDegree, maxDelay: maxDelay, samples: n, stateVariables: p,
            rank: r, threshold: theta, thresholdRule: threshold, entries: entries,
            readout: readout.info)
    }
}
