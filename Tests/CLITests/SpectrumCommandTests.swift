import Foundation
import RNNMemory
import Testing
import _TestSupport

/// `rnnmem spectrum jacobian|products|gradients|lyapunov|hessian|density`: the numbers are the library's (the same
/// model, data and seeds), the JSON keys are the documented ones, figures and arrays are written, and every kind of
/// bad input is one line naming the argument or tensor, exit status 2.
@Suite("spectrum command")
struct SpectrumCommandTests {
    // MARK: fixtures

    /// A weights file and a data file (`input` [T, B, d_in], `target` [T, B, d_out]) in a fresh folder.
    struct Files {
        let directory: URL
        let weights: String
        let data: String
        let inputs: SequenceBatch
        let targets: SequenceBatch

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    }

    /// Writes `model` and Gaussian data of T steps × B sequences from `seed`.
    static func files(_ model: any RecurrentModel, steps: Int, batch: Int, seed: UInt64, inputScale: Double = 1) throws
        -> Files
    {
        let dir = try TestSupport.temporaryDirectory()
        let weights = dir.appendingPathComponent("weights.safetensors").path
        try ModelIO.write(model, to: weights)
        var rng = TestSupport.rng(seed)
        let x = try SequenceBatch(
            steps: steps, batchSize: batch, features: model.inputSize,
            values: rng.gaussians(steps * batch * model.inputSize).map { inputScale * $0 })
        let y = try SequenceBatch(
            steps: steps, batchSize: batch, features: model.outputSize,
            values: rng.gaussians(steps * batch * model.outputSize))
        let data = dir.appendingPathComponent("data.safetensors").path
        try dataFile(["input": x, "target": y]).write(to: data)
        return Files(directory: dir, weights: weights, data: data, inputs: x, targets: y)
    }

    /// A safetensors file of [T, B, d] tensors (C order = the batch's time-major layout).
    static func dataFile(_ tensors: [String: SequenceBatch]) throws -> SafetensorsFile {
        var file = SafetensorsFile()
        for (name, b) in tensors {
            file.tensors[name] = try SafetensorsTensor(shape: [b.steps, b.batchSize, b.features], values: b.values)
        }
        return file
    }

    static func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let r = try CLI.run(arguments + ["--json", "--progress", "none"])
        CLI.expectSuccess(r, sourceLocation: sourceLocation)
        return try #require(
            JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    }

    static func numbers(_ value: Any?) -> [Double] {
        (value as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }

    /// Equal up to the last bits (Foundation's JSON parser on Linux does not always round-trip the shortest
    /// representation exactly): |a_i − b_i| ≤ 1e-13·max(1, |b_i|), same count.
    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-13 * max(1, abs($1)) }
    }

    static func same(_ a: [[Double]]?, _ b: [[Double]]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { same($0, $1) }
    }

    static func same(_ a: Any?, _ b: Double?) -> Bool {
        guard let x = (a as? NSNumber)?.doubleValue, let b else { return false }
        return abs(x - b) <= 1e-13 * max(1, abs(b))
    }

    static let networkKeys: Set<String> = [
        "weights", "kind", "architecture", "input_size", "hidden_size", "output_size", "layer_count", "parameter_count",
        "parameter_checksum", "data",
    ]

    // MARK: trajectories

    @Test("jacobian: per-step radius, norm and eigenvalues are the library's, per layer and joint")
    func jacobian() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, layers: 2, seed: 5)
        let f = try Self.files(model, steps: 7, batch: 3, seed: 6)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let o = try Self.json([
            "spectrum", "jacobian", "--weights", f.weights, "--data", f.data, "--sequence", "1", "--stride", "2",
        ])
        #expect(
            Set(o.keys)
                == Self.networkKeys.union([
                    "sequence", "stride", "state_size", "layer_state_sizes", "time", "spectral_radius", "spectral_norm",
                    "eigenvalues_real", "eigenvalues_imaginary", "layers", "summary", "figures", "saved",
                ]))
        let library = try StepJacobianSpectra(
            model: model, sequence: try SequenceBatch(sequence: f.inputs.sequence(1)), stride: 2)
        #expect((o["time"] as? [Int]) == library.steps.map(\.time))
        #expect(Self.same(Self.numbers(o["spectral_radius"]), library.steps.map(\.joint.spectralRadius)))
        #expect(Self.same(Self.numbers(o["spectral_norm"]), library.steps.map(\.joint.spectralNorm)))
        let layers = try #require(o["layers"] as? [[String: Any]])
        #expect(layers.count == 2)
        #expect(
            Self.same(Self.numbers(layers[1]["spectral_radius"]), library.steps.map { $0.layers[1].spectralRadius }))
        let re = try #require(o["eigenvalues_real"] as? [[Double]])
        #expect(Self.same(re.first ?? [], library.steps.first?.joint.eigenvalues.map(\.real) ?? [1]))
        // The joint spectrum of the block-triangular Jacobian is the union of the layers': same radius.
        #expect(
            zip(
                library.steps.map(\.joint.spectralRadius),
                library.steps.map { max($0.layers[0].spectralRadius, $0.layers[1].spectralRadius) }
            )
            .allSatisfy { abs($0 - $1) <= 1e-12 * max(1, $0) })
    }

    @Test("products: log singular values are the library's; the Pascanu bound holds for a tanh RNN, n/a for an LSTM")
    func products() throws {
        let rnn = try TanhRNN(inputSize: 1, hiddenSize: 4, outputSize: 1, seed: 3)
        let f = try Self.files(rnn, steps: 12, batch: 2, seed: 4)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let o = try Self.json(["spectrum", "products", "--weights", f.weights, "--data", f.data, "--lags", "9"])
        #expect(
            Set(o.keys)
                == Self.networkKeys.union([
                    "sequence", "anchor", "time", "state_size", "lags", "log_singular_values", "log_spectral_norms",
                    "finite_time_exponents", "pascanu", "figures", "saved",
                ]))
        let x = try SequenceBatch(sequence: f.inputs.sequence(0))
        let library = try JacobianProductSpectrum(model: rnn, sequence: x, anchor: .end(12), lags: Array(1...9))
        #expect(Self.same(o["log_singular_values"] as? [[Double]], library.logSingularValues))
        let pascanu = try #require(o["pascanu"] as? [String: Any])
        #expect(pascanu["applicable"] as? Bool == true && pascanu["holds"] as? Bool == true)
        #expect(pascanu["first_violation"] is NSNull)
        let check = try PascanuBoundCheck(products: library, model: rnn)
        #expect(Self.same(Self.numbers(pascanu["log_margins"]), check.logMargins))
        // Anchored at the start, and a stacked LSTM (bound not applicable).
        let start = try Self.json([
            "spectrum", "products", "--weights", f.weights, "--data", f.data, "--anchor", "start", "--time", "2",
        ])
        let fromStart = try JacobianProductSpectrum(model: rnn, sequence: x, anchor: .start(2))
        #expect(Self.same(start["log_singular_values"] as? [[Double]], fromStart.logSingularValues))
        let lstm = try LSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, layers: 2, seed: 3)
        let g = try Self.files(lstm, steps: 5, batch: 1, seed: 4)
        defer { try? FileManager.default.removeItem(at: g.directory) }
        let p = try #require(
            try Self.json(["spectrum", "products", "--weights", g.weights, "--data", g.data])["pascanu"]
                as? [String: Any])
        #expect(p["applicable"] as? Bool == false && (p["reason"] as? String)?.contains("lstm") == true)
    }

    @Test("gradients: log norms against the lag are the library's; the slope is negative for a contracting RNN")
    func gradients() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 2, seed: 8)
        let f = try Self.files(model, steps: 15, batch: 2, seed: 9)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let o = try Self.json([
            "spectrum", "gradients", "--weights", f.weights, "--data", f.data, "--time", "14", "--lags", "10", "--loss",
            "mse",
        ])
        #expect(
            Set(o.keys)
                == Self.networkKeys.union([
                    "sequence", "time", "cotangent", "loss_kind", "lags", "log_state_norms", "log_hidden_norms",
                    "log_norm_slope",
                    "figures", "saved",
                ]))
        let library = try GradientNormProfile(
            model: model, sequence: try SequenceBatch(sequence: f.inputs.sequence(0)),
            targets: try SequenceBatch(sequence: f.targets.sequence(0)), halved: false, at: 14, maximumLag: 10)
        #expect(Self.same(Self.numbers(o["log_state_norms"]), library.logStateNorms))
        #expect(Self.same(Self.numbers(o["log_hidden_norms"]), library.logHiddenNorms))
        #expect(o["cotangent"] as? String == "loss" && o["loss_kind"] as? String == "mse")
        // A vanilla RNN with a small recurrent gain: vanishing gradients (negative slope, about log of the gain).
        let small = try Self.json([
            "spectrum", "gradients", "--model", "rnn", "--hidden", "30", "--recurrent-gain", "0.3", "--task", "recall",
            "--length", "25", "--eval-batch", "2", "--seed", "1",
        ])
        let slope = try #require(small["log_norm_slope"] as? Double)
        #expect(slope < Double.log(0.8))
    }

    @Test("lyapunov --random-tanh: the library's exponents, descending; Σλ = mean log|det D_t|")
    func lyapunovRandom() throws {
        let o = try Self.json([
            "spectrum", "lyapunov", "--random-tanh", "--n", "20", "--gain", "1.2", "--steps", "150", "--transient",
            "30", "--seed", "4",
        ])
        #expect(
            Set(o.keys) == [
                "system", "exponents", "sum", "mean_log_abs_det", "two_trajectory_lambda1", "identity_error",
                "mean_field_lambda1", "origin_exponents", "exponent_standard_deviations", "kaplan_yorke_dimension",
                "positive_exponent_sum",
                "leading_vector_participation_ratio", "dimension", "steps", "transient_steps", "warm_up_steps",
                "renormalization_interval", "time_step", "window_steps", "finite_time_exponents", "figures", "saved",
            ])
        let map = try RandomTanhMap(size: 20, gain: 1.2, seed: 4)
        // The fixed point's exponents: sorted log|μ_i(J)|.
        let moduli = try LinearAlgebra.eigenvalues(map.couplings).map { Double.log($0.length) }.sorted(by: >)
        #expect(Self.same(Self.numbers(o["origin_exponents"]), moduli))
        let library = try LyapunovSpectrum(
            map, options: LyapunovOptions(steps: 150, transientSteps: 30, seed: 7, computesDeterminant: true))
        let exponents = Self.numbers(o["exponents"])
        #expect(Self.same(exponents, library.exponents))
        #expect(exponents == exponents.sorted(by: >))
        let sum = try #require(o["sum"] as? Double), logDet = try #require(o["mean_log_abs_det"] as? Double)
        #expect(abs(sum - logDet) <= 1e-10 * max(1, abs(sum)))
        #expect(Self.same(o["two_trajectory_lambda1"], library.twoTrajectoryLargestExponent))
        #expect(Self.same(o["mean_field_lambda1"], try RandomTanhMap.meanFieldLargestExponent(gain: 1.2)))
        // k < n: no determinant; windows of finite-time exponents.
        let k = try Self.json([
            "spectrum", "lyapunov", "--random-tanh", "--n", "20", "--steps", "100", "--exponents", "3",
            "--window-steps", "25",
        ])
        #expect(Self.numbers(k["exponents"]).count == 3 && k["mean_log_abs_det"] is NSNull)
        #expect((k["finite_time_exponents"] as? [[Double]])?.count == 4)
    }

    @Test("lyapunov --gains: λ₁ below zero at small gain; a rate network has an exponent near zero")
    func lyapunovGainsAndRate() throws {
        let o = try Self.json([
            "spectrum", "lyapunov", "--random-tanh", "--n", "30", "--gains", "0.5:1.5:0.5", "--steps", "150", "--seed",
            "2",
        ])
        #expect(
            Set(o.keys) == [
                "system", "gains", "lambda1", "two_trajectory_lambda1", "mean_field_lambda1", "exponents", "steps",
                "transient_steps", "warm_up_steps", "figures", "saved",
            ])
        #expect(Self.numbers(o["gains"]) == [0.5, 1, 1.5])
        let lambda1 = Self.numbers(o["lambda1"])
        #expect(lambda1.count == 3 && lambda1[0] < -0.3)
        // The same couplings scaled: the run at g = 1.5 equals a single run with --gain 1.5.
        let single = try Self.json([
            "spectrum", "lyapunov", "--random-tanh", "--n", "30", "--gain", "1.5", "--steps", "150", "--seed", "2",
            "--exponents", "1",
        ])
        #expect(Self.same(Self.numbers(single["exponents"]), [lambda1[2]]))
        let rate = try Self.json([
            "spectrum", "lyapunov", "--random-rate", "--n", "50", "--gain", "4", "--steps", "1000", "--transient",
            "500",
            "--exponents", "3", "--seed", "1",
        ])
        let r = Self.numbers(rate["exponents"])
        #expect(r[0] > 0.05 && abs(r[1]) < 0.03)
        #expect(rate["time_step"] as? Double == 0.1)
    }

    @Test("lyapunov of a network on its data: the conditional spectrum of the library, mean over sequences")
    func lyapunovNetwork() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 4, outputSize: 1, seed: 11)
        let f = try Self.files(model, steps: 60, batch: 3, seed: 12)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let o = try Self.json([
            "spectrum", "lyapunov", "--weights", f.weights, "--data", f.data, "--sequences", "2", "--seed", "5",
        ])
        let options = LyapunovOptions(steps: 54, warmUpSteps: 6, seed: 8, computesDeterminant: true)
        let spectra = try (0..<2).map { b in
            try LyapunovSpectrum(
                try DrivenRecurrentDynamics(model: model, inputs: try SequenceBatch(sequence: f.inputs.sequence(b))),
                options: options)
        }
        let mean = ConditionalLyapunovSpectrum(perSequence: spectra).meanExponents
        #expect(Self.same(Self.numbers(o["exponents"]), mean))
        #expect(o["steps"] as? Int == 54 && o["warm_up_steps"] as? Int == 6)
        #expect((o["system"] as? [String: Any])?["sequences"] as? Int == 2)
    }

    // MARK: curvature

    @Test(
        "hessian: full eigenvalues are the library's; Lanczos extremes and the trace agree; localisation shares sum to 1"
    )
    func hessian() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 21)
        let f = try Self.files(model, steps: 8, batch: 4, seed: 22)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let base = ["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--top", "3", "--bottom", "2"]
        let full = try Self.json(base + ["--method", "full"])
        #expect(
            Set(full.keys)
                == Self.networkKeys.union([
                    "loss", "matrix", "method", "dimension", "groups", "eigenvalues", "top", "bottom", "residuals",
                    "trace",
                    "exact_trace", "lanczos", "relative_asymmetry", "localization", "adam", "diagonal", "figures",
                    "saved",
                ]))
        let op = try CurvatureOperator(
            .hessian, model: model, dataset: try CurvatureDataset(inputs: f.inputs, targets: f.targets))
        let library = try FullCurvatureSpectrum(op)
        let eigenvalues = Self.numbers(full["eigenvalues"])
        #expect(Self.same(eigenvalues, library.eigenvalues))
        #expect(Self.same(Self.numbers(full["top"]), Array(library.eigenvalues.suffix(3).reversed())))
        let trace = try #require(full["trace"] as? [String: Any])
        #expect(trace["method"] as? String == "exact" && Self.same(trace["estimate"], library.trace))
        let loc = try #require(full["localization"] as? [String: Any])
        let vectors = try #require(loc["vectors"] as? [[String: Any]])
        #expect(vectors.count == 3)
        for v in vectors { #expect(abs(Self.numbers(v["group_shares"]).reduce(0, +) - 1) < 1e-12) }

        let lanczos = try Self.json(
            base + ["--method", "lanczos", "--trace", "hutchinson", "--probes", "200", "--seed", "3"])
        let scale = max(abs(eigenvalues.first ?? 1), abs(eigenvalues.last ?? 1))
        for (a, b) in zip(Self.numbers(lanczos["top"]), library.eigenvalues.suffix(3).reversed()) {
            #expect(abs(a - b) <= 1e-8 * scale)
        }
        for (a, b) in zip(Self.numbers(lanczos["bottom"]), library.eigenvalues.prefix(2)) {
            #expect(abs(a - b) <= 1e-8 * scale)
        }
        #expect(lanczos["eigenvalues"] is NSNull)
        let residuals = try #require(lanczos["residuals"] as? [String: Any])
        #expect(Self.numbers(residuals["top"]).allSatisfy { $0 < 1e-6 * scale })
        let estimate = try #require(lanczos["trace"] as? [String: Any])
        let z =
            ((estimate["estimate"] as? Double ?? .nan) - library.trace)
            / (estimate["standard_error"] as? Double ?? .nan)
        #expect(abs(z) < 4)

        // Restricted to W_hh: the principal submatrix; its spectrum lies inside the full one (interlacing).
        let sub = try Self.json(base + ["--groups", "layer0.W_hh", "--top", "1", "--bottom", "1"])
        #expect(sub["dimension"] as? Int == 27)
        let subEigenvalues = Self.numbers(sub["eigenvalues"])
        #expect(
            (subEigenvalues.first ?? 0) >= (eigenvalues.first ?? 0) - 1e-12
                && (subEigenvalues.last ?? 0) <= (eigenvalues.last ?? 0) + 1e-12)
        let dense = library.matrix
        let w = try model.parameterGroup(named: "layer0.W_hh")
        #expect(abs(subEigenvalues.reduce(0, +) - w.range.reduce(0) { $0 + dense[$1, $1] }) < 1e-10 * scale)
    }

    @Test("hessian: Gauss–Newton is positive semidefinite; the empirical Fisher has rank ≤ the number of sequences")
    func gaussNewtonAndFisher() throws {
        let model = try LSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 31)
        let f = try Self.files(model, steps: 6, batch: 3, seed: 32)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let g = Self.numbers(
            try Self.json(["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--matrix", "gauss-newton"]
            )["eigenvalues"])
        let top = g.last ?? 1
        #expect(g.allSatisfy { $0 >= -1e-12 * top })
        let fisher = Self.numbers(
            try Self.json(["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--matrix", "fisher"])[
                "eigenvalues"])
        let largest = fisher.last ?? 1
        #expect(fisher.filter { abs($0) > 1e-10 * largest }.count <= 3)
    }

    @Test("hessian --adam-state: the library's effective learning rates per group")
    func adamState() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 41)
        let f = try Self.files(model, steps: 6, batch: 2, seed: 42)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        var adam = try Adam()
        var theta = model.parameters
        var rng = TestSupport.rng(43)
        for _ in 0..<4 { try adam.update(&theta, gradient: rng.gaussians(theta.count), learningRate: 0.01) }
        var state = SafetensorsFile()
        state.tensors["second_moment"] = try SafetensorsTensor(shape: [theta.count], values: adam.secondMoment)
        state.metadata = [
            "optimizer": "adam", "step_count": String(adam.stepCount), "beta2": String(adam.beta2),
            "epsilon": String(adam.epsilon),
            "learning_rate": "0.01",
        ]
        let path = f.path("optimizer.safetensors")
        try state.write(to: path)
        let o = try Self.json(["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--adam-state", path])
        let groups = try #require((o["adam"] as? [String: Any])?["groups"] as? [[String: Any]])
        let library = try AdamEffectiveLearningRates(adam: adam, learningRate: 0.01, groups: model.parameterGroups)
        #expect(groups.map { $0["name"] as? String } == library.groups.map(\.name))
        #expect(Self.same(groups.compactMap { $0["mean"] as? Double }, library.groups.map(\.mean)))
        // A state of another size names the tensor.
        var wrong = state
        wrong.tensors["second_moment"] = try SafetensorsTensor(shape: [3], values: [1, 2, 3])
        try wrong.write(to: path)
        CLI.expectError(
            try CLI.run(["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--adam-state", path]),
            "second_moment")
    }

    @Test("train writes optimizer.safetensors; hessian --adam-state reads it: lr/(√v̂ + ε) per group from the file")
    func trainAdamStateChain() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run").path
        let task = ["--task", "recall", "--delay", "2", "--length", "6", "--batch", "4"]
        let train = try CLI.run(
            [
                "train", "--model", "rnn", "--hidden", "3", "--steps", "5", "--lr", "0.02", "--seed", "7",
                "--eval-batch", "8", "--progress", "none", "--output-dir", out, "--json",
            ] + task)
        CLI.expectSuccess(train)
        let report = try #require(JSONSerialization.jsonObject(with: Data(train.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [String: Any])
        let statePath = try #require(files["optimizer"] as? String)
        #expect(statePath == out + "/optimizer.safetensors")
        let weights = try #require(files["weights"] as? String)
        // The file: second moment [P], the step count and hyper-parameters of the run, the weights' checksum.
        let state = try SafetensorsFile.read(contentsOf: statePath)
        let model = try ModelIO.model(contentsOf: weights)
        let v = try state.tensor(named: "second_moment", shape: [model.parameterCount]).values
        #expect(try state.tensor(named: "first_moment", shape: [model.parameterCount]).values.count == v.count)
        #expect(state.metadata["optimizer"] == "adam")
        #expect(state.metadata["step_count"] == "5")
        #expect(state.metadata["learning_rate"] == "0.02")
        #expect(state.metadata["beta1"] == "0.9" && state.metadata["beta2"] == "0.999")
        #expect(state.metadata["epsilon"] == "1e-08")
        #expect(state.metadata["parameter_checksum"] == report["parameter_checksum"] as? String)
        #expect(v.allSatisfy { $0 >= 0 } && v.contains { $0 > 0 })
        // hessian --adam-state: rates recomputed here from the saved tensor, lr/(√(V/(1 − β₂⁵)) + ε).
        let r = try CLI.run(
            ["spectrum", "hessian", "--weights", weights, "--adam-state", statePath, "--json", "--progress", "none"]
                + task)
        CLI.expectSuccess(r)
        #expect(!r.stderr.contains("checksum"), "the state belongs to the analysed weights: \(r.stderr)")
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let adam = try #require(o["adam"] as? [String: Any])
        #expect(adam["step_count"] as? Int == 5)
        #expect(Self.same(adam["learning_rate"], 0.02))
        let groups = try #require(adam["groups"] as? [[String: Any]])
        let correction = 1 - pow(0.999, 5.0)
        let rates = v.map { 0.02 / (($0 / correction).squareRoot() + 1e-8) }
        #expect(groups.map { $0["name"] as? String } == model.parameterGroups.map(\.name))
        for (g, group) in zip(groups, model.parameterGroups) {
            let own = Array(rates[group.range])
            let mean = own.reduce(0, +) / Double(own.count)
            #expect(abs(((g["mean"] as? Double) ?? .nan) - mean) <= 1e-12 * mean, "\(group.name)")
            #expect(abs(((g["maximum"] as? Double) ?? .nan) - (own.max() ?? .nan)) <= 1e-12 * mean)
            #expect(abs(((g["minimum"] as? Double) ?? .nan) - (own.min() ?? .nan)) <= 1e-12 * mean)
        }
        // SGD keeps no second moment: no file, files.optimizer null.
        let sgdOut = dir.appendingPathComponent("sgd").path
        let sgd = try CLI.run(
            [
                "train", "--model", "rnn", "--hidden", "3", "--steps", "2", "--optimizer", "sgd", "--seed", "7",
                "--eval-batch", "8", "--progress", "none", "--output-dir", sgdOut, "--json",
            ] + task)
        CLI.expectSuccess(sgd)
        let sgdFiles = try #require(
            (JSONSerialization.jsonObject(with: Data(sgd.stdout.utf8)) as? [String: Any])?["files"] as? [String: Any])
        #expect(sgdFiles["optimizer"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: sgdOut + "/optimizer.safetensors"))
        // A state file of another optimiser is refused in one line.
        var other = state
        other.metadata["optimizer"] = "sgd"
        let otherPath = dir.appendingPathComponent("other.safetensors").path
        try other.write(to: otherPath)
        CLI.expectError(
            try CLI.run(["spectrum", "hessian", "--weights", weights, "--adam-state", otherPath] + task),
            "effective learning rates need Adam's state")
    }

    @Test("density: SLQ integrates to 1 inside the spectrum; the full method's trace is exact")
    func density() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 51)
        let f = try Self.files(model, steps: 8, batch: 3, seed: 52)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let base = ["spectrum", "density", "--weights", f.weights, "--data", f.data, "--points", "4000"]
        let slq = try Self.json(
            base + ["--method", "lanczos", "--lanczos-steps", "20", "--probes", "3", "--variance", "1e-4"])
        #expect(
            Set(slq.keys)
                == Self.networkKeys.union([
                    "loss", "matrix", "method", "dimension", "groups", "grid", "density", "variance", "probes",
                    "lanczos_steps",
                    "nodes", "node_weights", "node_range", "trace_estimate", "figures", "saved",
                ]))
        let grid = Self.numbers(slq["grid"]), phi = Self.numbers(slq["density"])
        #expect(abs(phi.reduce(0, +) * (grid[1] - grid[0]) - 1) < 1e-3)
        let full = try Self.json(base + ["--method", "full"])
        let op = try CurvatureOperator(
            .hessian, model: model, dataset: try CurvatureDataset(inputs: f.inputs, targets: f.targets))
        let exact = try FullCurvatureSpectrum(op)
        #expect(abs((full["trace_estimate"] as? Double ?? .nan) - exact.trace) < 1e-12 * max(1, abs(exact.trace)))
        let range = Self.numbers(slq["node_range"])
        let spread = (exact.eigenvalues.last ?? 0) - (exact.eigenvalues.first ?? 0)
        #expect(
            range[0] >= (exact.eigenvalues.first ?? 0) - 1e-9 * spread
                && range[1] <= (exact.eigenvalues.last ?? 0) + 1e-9 * spread)
    }

    // MARK: outputs

    @Test("--figures writes SVG and CSV, --save writes .npy arrays, the plain report names them")
    func figuresAndSave() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 61)
        let f = try Self.files(model, steps: 10, batch: 1, seed: 62)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let common = ["--weights", f.weights, "--data", f.data, "--figures", f.path("fig"), "--save", f.path("npy")]
        let runs: [([String], [String], [String])] = [
            (
                ["jacobian"], ["jacobian-eigenvalues.svg", "jacobian-eigenvalues.csv", "jacobian-norms.svg"],
                ["eigenvalues_real.npy", "spectral_radius.npy"]
            ),
            (
                ["products"], ["products-singular-values.svg", "products-singular-values.csv"],
                ["log_singular_values.npy"]
            ),
            (["gradients"], ["gradients.svg", "gradients.csv"], ["log_state_norms.npy"]),
            (
                ["lyapunov"], ["lyapunov-spectrum.svg", "lyapunov-spectrum.csv"],
                ["exponents.npy", "leading_vector.npy"]
            ),
            (
                ["hessian"], ["hessian-localization.svg", "hessian-localization.csv", "hessian-eigenvalues.svg"],
                ["eigenvectors.npy", "group_shares.npy"]
            ),
            (["density", "--points", "50"], ["density.svg", "density.csv"], ["density.npy", "node_weights.npy"]),
        ]
        for (verb, figures, arrays) in runs {
            let r = try CLI.run(["spectrum"] + verb + common + ["--progress", "none"])
            CLI.expectSuccess(r)
            for name in figures {
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: f.path("fig/\(name)"))[.size] as? Int) ?? 0
                #expect(size > 100, "\(verb[0]): \(name)")
            }
            for name in arrays {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: f.path("npy/\(name)")))
                #expect(bytes.prefix(6) == Data([0x93] + Array("NUMPY".utf8)), "\(verb[0]): \(name)")
            }
            #expect(r.stdout.contains("figures: ") && r.stdout.contains("saved: "))
        }
        // The eigenvectors are saved as [P, P] with column j for eigenvalue j (numpy's eigh convention).
        let header = String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: f.path("npy/eigenvectors.npy"))).prefix(128),
            as: UTF8.self)
        #expect(header.contains("'shape': (\(model.parameterCount), \(model.parameterCount))"))
    }

    // MARK: bad input

    @Test("hessian --diagonal: exact per-group means of the full matrix; the stochastic estimate within 4 s.e.")
    func diagonal() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 91)
        let f = try Self.files(model, steps: 8, batch: 4, seed: 92)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let op = try CurvatureOperator(
            .hessian, model: model, dataset: try CurvatureDataset(inputs: f.inputs, targets: f.targets))
        let matrix = try op.denseMatrix().symmetrized
        let exact = model.parameterGroups.map { g in g.range.map { matrix[$0, $0] }.reduce(0, +) / Double(g.count) }
        let base = ["spectrum", "hessian", "--weights", f.weights, "--data", f.data, "--diagonal", "--top", "1"]
        let full = try Self.json(base + ["--method", "full", "--bottom", "1", "--save", f.path("arrays")])
        let d = try #require(full["diagonal"] as? [String: Any])
        #expect(d["method"] as? String == "exact" && d["probes"] as? Int == 0)
        let groups = try #require(d["by_group"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == model.parameterGroups.map(\.name))
        #expect(groups.map { $0["size"] as? Int } == model.parameterGroups.map(\.count))
        for (g, mean) in zip(groups, exact) {
            #expect(abs(((g["mean"] as? Double) ?? .nan) - mean) <= 1e-10 * max(1, abs(mean)), "\(g)")
            #expect((g["standard_error"] as? Double) == 0)
        }
        #expect(FileManager.default.fileExists(atPath: f.path("arrays/diagonal.npy")))
        // Matrix-free: Bekas–Kokiopoulou–Saad with 400 probes (fixed seed); every group mean within 4 s.e.
        let stochastic = try Self.json(
            base + ["--method", "lanczos", "--bottom", "1", "--probes", "400", "--seed", "3"])
        let sd = try #require(stochastic["diagonal"] as? [String: Any])
        #expect(sd["method"] as? String == "bekas-kokiopoulou-saad" && sd["probes"] as? Int == 400)
        let estimates = try #require(sd["by_group"] as? [[String: Any]])
        for (g, mean) in zip(estimates, exact) {
            let m = (g["mean"] as? Double) ?? .nan, se = (g["standard_error"] as? Double) ?? .nan
            #expect(se > 0 && abs(m - mean) <= 4 * se, "\(g): exact \(mean)")
        }
        // The plain report names the method; without --diagonal the key is null.
        let text = try CLI.run(base + ["--method", "full", "--bottom", "1", "--progress", "none"])
        CLI.expectSuccess(text)
        #expect(text.stdout.contains("diagonal per group (exact, from the full matrix):"))
        #expect(try Self.json(["spectrum", "hessian", "--weights", f.weights, "--data", f.data])["diagonal"] is NSNull)
    }

    @Test("an exactly zero Jacobian (gain 0): '-inf (zero)' in the report and null in JSON, both exit 0")
    func zeroJacobian() throws {
        let net = ["--model", "rnn", "--hidden", "4", "--recurrent-gain", "0", "--task", "recall", "--length", "8"]
        for verb in ["products", "gradients"] {
            let text = try CLI.run(["spectrum", verb] + net + ["--progress", "none"])
            CLI.expectSuccess(text)
            #expect(text.stdout.contains("-inf (zero)"), "\(verb): \(text.stdout)")
            #expect(!text.stdout.contains("nan"), "\(verb): \(text.stdout)")
            let o = try Self.json(["spectrum", verb] + net)
            if verb == "products" {
                // σ = 0 beyond lag 1 (D_t = diag(sech²)·0): log 0 is null; the margin of a zero product is null.
                let rows = try #require(o["log_singular_values"] as? [[Any]])
                #expect(rows.count == 8 && rows.allSatisfy { $0.allSatisfy { $0 is NSNull } })
                let pascanu = try #require(o["pascanu"] as? [String: Any])
                #expect((pascanu["log_margins"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
                #expect(pascanu["holds"] as? Bool == true)
                // The report's margin cells are blank.
                #expect(CLI.lines(text.stdout).contains("2,8,6,-inf (zero),-inf (zero),-inf (zero),"))
            } else {
                let norms = try #require(o["log_state_norms"] as? [Any])
                #expect(norms.count == 8 && norms.dropFirst().allSatisfy { $0 is NSNull })
                #expect(o["log_norm_slope"] is NSNull)
            }
        }
    }

    @Test("lyapunov: a two-trajectory check that fails (trajectories merge) is undefined; the QR exponents stand")
    func twoTrajectoryUndefined() throws {
        // W_hh ~ 1e-12: a perturbation of 1e-6 shrinks below the rounding of the state in one step, so the
        // perturbed trajectory merges with the reference one (log 0), while D_t is finite and the QR method works.
        let net = [
            "--model", "rnn", "--hidden", "3", "--recurrent-gain", "1e-12", "--task", "recall", "--length", "20",
        ]
        let text = try CLI.run(["spectrum", "lyapunov"] + net + ["--progress", "none"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("two trajectories: undefined (the perturbed trajectory merged"), "\(text.stdout)")
        #expect(text.stderr.hasPrefix("rnnmem: note: the two-trajectory estimate of λ₁ is undefined: "))
        #expect(text.stderr.filter { $0 == "\n" }.count == 1)
        let r = try CLI.run(["spectrum", "lyapunov"] + net + ["--json", "--progress", "none"])
        #expect(r.status == 0 && r.stderr == text.stderr)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["two_trajectory_lambda1"] is NSNull)
        let exponents = Self.numbers(o["exponents"])
        // log of W's singular values ≈ log 1e-12 plus log sech² ≤ 0: about −27.6 or below, finite.
        #expect(exponents.count == 3 && exponents.allSatisfy { $0.isFinite && $0 < -25 })
    }

    @Test("a divergent trajectory (eigenvalues 40, 30; constant input) is the same one-line error for all six verbs")
    func divergentTrajectory() throws {
        let linear = try LinearRNN(
            recurrent: try Matrix([[40, 0], [0, 30]]), input: try Matrix([[1], [1]]), readout: try Matrix([[1, 1]]),
            skip: try Matrix([[0]]))
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let weights = dir.appendingPathComponent("weights.safetensors").path
        try ModelIO.write(linear, to: weights)
        let ones = try SequenceBatch(steps: 300, batchSize: 2, features: 1, values: [Double](repeating: 1, count: 600))
        let data = dir.appendingPathComponent("data.safetensors").path
        try Self.dataFile(["input": ones, "target": ones]).write(to: data)
        // h_t = Σ_{s<t} 40^s ≈ 40^t/39 exceeds 1.8e308 at t = 194 (40^193/39 ≈ 1.1e308 does not).
        var first: String? = nil
        for verb in ["jacobian", "products", "gradients", "lyapunov", "hessian", "density"] {
            let r = try CLI.run(["spectrum", verb, "--weights", weights, "--data", data, "--progress", "none"])
            CLI.expectError(r, "divergent trajectory at step 194 (sequence 0)", "state component 0 is inf")
            // The same message whatever the verb.
            if let first { #expect(r.stderr == first, "\(verb)") } else { first = r.stderr }
        }
        // The check covers the sequences a verb uses: sequence 1 diverges too, at the same step.
        CLI.expectError(
            try CLI.run(["spectrum", "jacobian", "--weights", weights, "--data", data, "--sequence", "1"]),
            "divergent trajectory at step 194 (sequence 1)")
    }

    @Test("density --probes: an error with an explicit --method full, a note when the full method is the default")
    func densityProbesWithFullMethod() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 95)
        let f = try Self.files(model, steps: 6, batch: 2, seed: 96)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let base = ["spectrum", "density", "--weights", f.weights, "--data", f.data, "--points", "10"]
        CLI.expectError(try CLI.run(base + ["--method", "full", "--probes", "3"]), "--probes", "--method lanczos")
        let implicit = try CLI.run(base + ["--probes", "3", "--progress", "none"])
        #expect(implicit.status == 0)
        #expect(implicit.stderr.hasPrefix("rnnmem: note: --probes is ignored"), "\(implicit.stderr)")
        #expect(implicit.stdout.contains("method full"))
    }

    @Test("a PyTorch GRU (--pytorch --model gru): Jacobian spectra on its inputs, the loss of its fixture")
    func pytorchGRU() throws {
        let jacobian = try Self.json([
            "spectrum", "jacobian", "--pytorch", "--model", "gru", "--weights", "data/examples/pytorch_gru.safetensors",
            "--data", "data/examples/pytorch_gru.safetensors",
        ])
        #expect(jacobian["architecture"] as? String == "gru")
        #expect(jacobian["weights"] as? String == "data/examples/pytorch_gru.safetensors")
        #expect(jacobian["state_size"] as? Int == 4)
        let radius = Self.numbers(jacobian["spectral_radius"])
        #expect(radius.count == 6 && radius.allSatisfy { $0.isFinite && $0 > 0 })
        // The loss on the fixture's data is PyTorch's 0.5·mean((linear(gru(input)) − target)²) (float64).
        let fixture = try SafetensorsFile.read(contentsOf: "data/examples/pytorch_gru_loss.safetensors")
        let torchLoss = try #require(try fixture.tensor(named: "loss").values.first)
        let hessian = try Self.json([
            "spectrum", "hessian", "--pytorch", "--model", "gru", "--weights",
            "data/examples/pytorch_gru_loss.safetensors", "--data", "data/examples/pytorch_gru_loss.safetensors",
        ])
        let loss = try #require(hessian["loss"] as? [String: Any])
        #expect(abs(((loss["value"] as? Double) ?? .nan) - torchLoss) <= 1e-12 * torchLoss)
        #expect(hessian["dimension"] as? Int == 3 * 4 * (3 + 4 + 2) + 2 * 4 + 2)
    }

    @Test("bad input: one line naming the argument or tensor, exit status 2")
    func badInput() throws {
        let rnn = try TanhRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 71)
        let f = try Self.files(rnn, steps: 6, batch: 2, seed: 72)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let net = ["--weights", f.weights, "--data", f.data]
        // Data of the wrong width, without 'input', without 'target'.
        let wide = try SequenceBatch(steps: 6, batchSize: 2, features: 2, values: [Double](repeating: 0.1, count: 24))
        try Self.dataFile(["input": wide, "target": f.targets]).write(to: f.path("wide.safetensors"))
        try Self.dataFile(["x": f.inputs, "target": f.targets]).write(to: f.path("noinput.safetensors"))
        try Self.dataFile(["input": f.inputs]).write(to: f.path("notarget.safetensors"))
        // Weights with a NaN in W_hh.
        var broken = try ModelIO.safetensors(of: rnn)
        let w = try broken.tensor(named: "layer0.W_hh")
        broken.tensors["layer0.W_hh"] = try SafetensorsTensor(shape: w.shape, values: [.nan] + w.values.dropFirst())
        broken.metadata["parameter_checksum"] = nil
        try broken.write(to: f.path("nan.safetensors"))
        // A linear RNN whose state overflows (eigenvalues 40) on a long constant input.
        let linear = try LinearRNN(
            recurrent: try Matrix([[40, 0], [0, 30]]), input: try Matrix([[1], [1]]), readout: try Matrix([[1, 1]]),
            skip: try Matrix([[0]]))
        let long = try Self.files(linear, steps: 400, batch: 1, seed: 73)
        defer { try? FileManager.default.removeItem(at: long.directory) }

        let cases: [([String], [String])] = [
            (["jacobian", "--model", "foo", "--task", "recall"], ["--model"]),
            (["hessian", "--groups", "layer0.W_xx"] + net, ["--groups", "layer0.W_xx"]),
            (["jacobian", "--weights", f.weights, "--data", f.path("wide.safetensors")], ["input"]),
            (["products", "--weights", f.weights, "--data", f.path("noinput.safetensors")], ["input"]),
            (["hessian", "--weights", f.weights, "--data", f.path("notarget.safetensors")], ["target"]),
            (["hessian", "--top", "1000"] + net, ["--top"]),
            (["hessian", "--method", "lanczos", "--bottom", "20", "--top", "5"] + net, ["--top", "--bottom 20"]),
            (["hessian", "--bottom", "30"] + net, ["--bottom"]),
            (["density", "--method", "lanczos", "--lanczos-steps", "0"] + net, ["--lanczos-steps"]),
            (["jacobian", "--weights", f.path("nan.safetensors"), "--data", f.data], ["layer0.W_hh"]),
            (
                ["lyapunov", "--weights", long.weights, "--data", long.data],
                ["divergent trajectory at step", "sequence 0"]
            ),
            (["lyapunov", "--random-tanh", "--n", "10", "--exponents", "11"], ["--exponents"]),
            (["lyapunov", "--random-tanh", "--gains", "2:1:0.1"], ["--gains"]),
            (["lyapunov", "--random-tanh", "--gain", "-1"], ["--gain"]),
            (["lyapunov", "--random-tanh"] + net, ["--random-tanh"]),
            (["products", "--lags", "7"] + net, ["--lags"]),
            (["gradients", "--time", "0"] + net, ["--time"]),
            (["jacobian", "--sequence", "5"] + net, ["--sequence"]),
            (["jacobian", "--recurrent-gain", "2"] + net, ["--recurrent-gain"]),
        ]
        for (arguments, fragments) in cases {
            let r = try CLI.run(["spectrum"] + arguments + ["--progress", "none"])
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(
                r.stdout.isEmpty && r.stderr.hasPrefix("rnnmem: error: ") && r.stderr.filter { $0 == "\n" }.count == 1,
                "\(arguments): \(r.stderr)")
            for fragment in fragments { #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)") }
            #expect(!r.stderr.lowercased().contains("nan,") && !r.stdout.contains("nan"))
        }
    }
}
