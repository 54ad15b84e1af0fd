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
                    "exact_trace", "lanczos", "relative_asymmetry", "localization", "adam", "figures", "saved",
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
