import MemoryNumerics
import Recurrent

extension MemoryCapacity {
    /// The analytic capacity of a model whose state update is linear (``LinearStateSpace/init(model:tolerance:)``).
    public static func analytic(model: any RecurrentModel, maxDelay: Int, feature: Int = 0) throws -> MemoryCapacity {
        try LinearStateSpace(model: model).memoryCapacity(maxDelay: maxDelay, feature: feature)
    }

    /// Jaeger's capacity of any `RecurrentModel` (trained, imported or random), estimated: drive it with
    /// `options.input`, drop the washout, fit for every delay k = 0 … K a linear readout y_k(t) = w_kᵀ[s_t; 1] of
    /// u_{t−k} on the first `trainingFraction` of the samples (ordinary least squares, or a ridge when the state
    /// matrix is rank-deficient, see ``ReadoutRegularization``), and score MC_k = corr²(y_k, u_{t−k}) on the rest
    /// (Jaeger 2002, GMD Report 152, Def. 1). Scoring on held-out samples removes the upward bias of in-sample
    /// fits (≈ p/n per delay); what remains is a downward bias ≈ (p + 1)(1 − MC_k)/n_train from estimating w_k and
    /// an upward one ≈ 1/n_test from squaring a sample correlation.
    public static func empirical(
        model: any RecurrentModel, maxDelay: Int,
        options: EmpiricalCapacityOptions = EmpiricalCapacityOptions()
    ) throws -> MemoryCapacity {
        try Check.nonNegative(maxDelay, "maxDelay")
        try Check.positive(options.steps, "steps")
        guard maxDelay < options.steps else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxDelay",
                message: "must be smaller than the number of steps \(options.steps), got \(maxDelay)")
        }
        let inputs = try options.input.sample(steps: options.steps, features: model.inputSize, seed: options.seed)
        var result = try empirical(
            model: model, inputs: inputs, maxDelay: maxDelay,
            washout: options.washout ?? max(maxDelay, 100), features: options.features,
            regularization: options.regularization, trainingFraction: options.trainingFraction,
            feature: options.feature)
        if !options.input.isIndependent {
            result = result.adding(
                note: "the input is correlated over time: MC_k then also credits what the state "
                    + "predicts of u_{t−k} from other delays (Jaeger's bound MC ≤ N assumes i.i.d. input)")
        }
        return result
    }

    /// Jaeger's capacity on given inputs (T × B × d_in, e.g. recorded data): readouts fitted on the first
    /// `trainingFraction` of the rows (sequence by sequence, times t = washout + 1 … T) and scored on the rest.
    public static func empirical(
        model: any RecurrentModel, inputs: SequenceBatch, maxDelay: Int, washout: Int,
        features: StateFeatures = .state, regularization: ReadoutRegularization = .standard,
        trainingFraction: Double = 0.5, feature: Int = 0
    ) throws -> MemoryCapacity {
        try Check.nonNegative(maxDelay, "maxDelay")
        try Check.nonNegative(washout, "washout")
        guard trainingFraction.isFinite, trainingFraction > 0, trainingFraction < 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "trainingFraction",
                message: "must lie in (0, 1), got \(trainingFraction)")
        }
        guard feature >= 0 && feature < model.inputSize else {
            throw MemoryProbeError.invalidArgument(
                argument: "feature", message: "\(feature) not in 0..<\(model.inputSize)")
        }
        let T = inputs.steps, B = inputs.batchSize
        guard maxDelay < T else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxDelay", message: "must be smaller than the sequence length \(T), got \(maxDelay)")
        }
        guard washout >= maxDelay else {
            throw MemoryProbeError.invalidArgument(
                argument: "washout",
                message: "must be ≥ maxDelay = \(maxDelay) so that every target u_{t−k} exists, got \(washout)")
        }
        let perSequence = T - washout
        let p = features.width(of: model)
        let n = perSequence * B
        let nTrain = Int((Double(n) * trainingFraction).rounded(.down))
        guard nTrain >= p + 2, n - nTrain >= 2 else {
            throw MemoryProbeError.invalidArgument(
                argument: "steps",
                message: "\(n) samples after the washout of \(washout) leave \(nTrain) to fit \(p) state variables and "
                    + "\(n - nTrain) to score; simulate more steps")
        }
        let trajectory = try model.forward(inputs)
        var states = Matrix(rows: n, columns: p)
        var targets = Matrix(rows: n, columns: maxDelay + 1)
        let d = inputs.features
        for b in 0..<B {
            let row0 = b * perSequence
            features.write(trajectory, sequence: b, times: (washout + 1)...T, into: &states, firstRow: row0)
            for r in 0..<perSequence {
                let t = washout + 1 + r
                for k in 0...maxDelay {
                    targets.elements[row0 + r + k * n] = inputs.values[feature + d * (b + B * (t - k - 1))]
                }
            }
        }
        let train = states.selectingRows(0..<nTrain), test = states.selectingRows(nTrain..<n)
        let readout = try LinearReadout(states: train, regularization: regularization, argument: "states")
        let fit = readout.coefficients(targets.selectingRows(0..<nTrain))
        let predicted = LinearReadout.predict(test, weights: fit.weights, intercepts: fit.intercepts)
        let observed = targets.selectingRows(nTrain..<n)
        let m = n - nTrain
        var capacities: [Double] = [], r2: [Double] = []
        for k in 0...maxDelay {
            let y = observed.elements[(k * m)..<((k + 1) * m)], yHat = predicted.elements[(k * m)..<((k + 1) * m)]
            capacities.append(Scores.squaredCorrelation(yHat, y))
            r2.append(Scores.rSquared(predicted: yHat, target: y))
        }
        var notes: [String] = []
        if readout.info.ridge > 0 { notes.append(readout.info.summary) }
        return MemoryCapacity(
            method: .empirical, capacities: capacities, stateVariables: p, rank: readout.info.rank,
            covarianceCondition: nil, rSquared: r2, readout: readout.info, testSamples: m,
            notes: notes)
    }

    func adding(note: String) -> MemoryCapacity {
        MemoryCapacity(
            method: method, capacities: capacities, stateVariables: stateVariables, rank: rank,
            covarianceCondition: covarianceCondition, rSquared: rSquared, readout: readout,
            testSamples: testSamples, notes: notes + [note])
    }

    /// Approximate standard error of an empirical MC_k = ρ̂² on n held-out samples: the delta method for a squared
    /// correlation of (approximately) Gaussian variables, 2|ρ|(1 − ρ²)/√n, floored at 1/n (the null scale of ρ̂²).
    public static func standardError(capacity c: Double, samples n: Int) -> Double {
        guard n > 0 else { return .infinity }
        let rho = max(0, c).squareRoot()
        return max(2 * rho * (1 - min(1, c)) / Double(n).squareRoot(), 1 / Double(n))
    }
}
