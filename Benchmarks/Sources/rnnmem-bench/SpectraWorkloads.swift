// Spectra workloads of rnnmem-bench (Benchmarks/run-spectra.sh runs them beside NumPy and JAX):
//
//   lyapunov          the full Lyapunov spectrum of h ← J tanh(h) by the QR method, N = --n, with the log|det D_t|
//                     accumulation (Σλ = ⟨log|det D_t|⟩): 100 transient steps, 300 warm-up steps, 3000 accumulated
//                     steps, re-orthonormalisation every step. --input FILE: raw float64 J (N × N, row-major),
//                     h_0 (N), G_0 (N × N, row-major; the starting frame is the Q factor of G_0, R_ii ≥ 0), written
//                     by peers/python/spectra_inputs.py.
//   slq               stochastic Lanczos quadrature of the loss Hessian of an LSTM (PyTorch layout, hidden --n, one
//                     input, one output; T = 64, B = 32; plain MSE): 4 Rademacher probes × 100 Lanczos steps with
//                     full reorthogonalisation. --input FILE: safetensors with the PyTorch tensors and `input`,
//                     `target` (peers/python/spectra_inputs.py).
//   hessian_linear25  the full 25 × 25 Hessian of the dense linear RNN (d = 4) at the teacher of Zucchet & Orvieto's
//                     Fig. 4 (T = 300, 64 sequences; OptimumHessianStudy's teacher and inputs), assembled from 25
//                     Hessian-vector products and decomposed by dsyevd. No input.
//
// `--spectra-check DIR` writes, for peers/python/spectra_bench.py --verify: lyapunov-rnnmem.txt (the exponents,
// then mean log|det D_t|) and slq-rnnmem.txt (loss, θᵀHθ, ‖Hθ‖, then the largest and smallest node over the
// probes), one value per line (%.17g).
import Foundation
import RNNMemory

enum SpectraWorkloads {
    static let names: Set<String> = ["lyapunov", "slq", "hessian_linear25"]

    // MARK: Lyapunov

    static let transient = 100
    static let warmUp = 300
    static let steps = 3000

    /// J, h_0 and the starting frame from the input file.
    static func lyapunovInput(path: String, n: Int) throws -> (map: RandomTanhMap, frame: Matrix) {
        let values = readInput(path, count: 2 * n * n + n)
        // Row-major (i, j) at i·n + j → column-major (i, j) at i + j·n.
        func columnMajor(_ offset: Int) throws -> Matrix {
            var m = Matrix(rows: n, columns: n)
            for i in 0..<n { for j in 0..<n { m.elements[i + j * n] = values[offset + i * n + j] } }
            return m
        }
        let j = try columnMajor(0)
        let h0 = Array(values[(n * n)..<(n * n + n)])
        let g0 = try columnMajor(n * n + n)
        return (try RandomTanhMap(couplings: j, initialState: h0), g0)
    }

    static func lyapunov(_ input: (map: RandomTanhMap, frame: Matrix)) throws -> LyapunovSpectrum {
        var options = LyapunovOptions(
            steps: steps, transientSteps: transient, warmUpSteps: warmUp, computesDeterminant: true, perturbation: nil)
        options.initialFrame = input.frame
        return try LyapunovSpectrum(input.map, options: options)
    }

    // MARK: SLQ

    static let slqSteps = 100
    static let slqProbes = 4

    static func slqOperator(path: String) throws -> CurvatureOperator {
        let file = try SafetensorsFile.read(contentsOf: path)
        let model = try PyTorchImport.model(from: file, architecture: .lstm, options: PyTorchImportOptions())
        let x = try file.tensor(named: "input"), y = try file.tensor(named: "target")
        let inputs = try SequenceBatch(steps: x.shape[0], batchSize: x.shape[1], features: x.shape[2], values: x.values)
        let targets = try SequenceBatch(
            steps: y.shape[0], batchSize: y.shape[1], features: y.shape[2], values: y.values)
        let data = try CurvatureDataset(inputs: inputs, targets: targets, loss: CurvatureLoss(halved: false))
        return try CurvatureOperator(.hessian, model: model, dataset: data)
    }

    static func slq(_ op: CurvatureOperator) throws -> StochasticLanczosQuadrature {
        try StochasticLanczosQuadrature(op, steps: slqSteps, probes: slqProbes, seed: 1)
    }

    // MARK: Hessian of the 25-parameter linear RNN

    static func linear25() throws -> CurvatureOperator {
        // The teacher and inputs of OptimumHessianStudy.run (its default configuration: T = 300, 64 sequences).
        let config = OptimumHessianStudy.Configuration()
        let teacher = try OptimumHessianStudy.makeTeacher(config)
        var rng = SeededRandom(seed: config.seed, stream: 1)
        let x = try SequenceBatch(
            steps: config.steps, batchSize: config.batchSize, features: 1,
            values: rng.gaussians(config.steps * config.batchSize))
        let y = try teacher.dense.outputs(x)
        return try CurvatureOperator(
            .hessian, model: teacher.dense, dataset: try CurvatureDataset(inputs: x, targets: y))
    }

    // MARK: harness

    /// CPU time of the process (user + system), seconds: on a loaded machine the wall-clock median mixes in the
    /// other processes; the CPU time of a one-threaded run does not (much).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Runs `--workload W` (timing protocol of the README) or `--spectra-check DIR`, then exits.
    static func main(_ options: [String: String], n: Int) -> Never {
        do {
            if let dir = options["spectra-check"] {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                func write(_ name: String, _ v: [Double]) throws {
                    let text = v.map { String(format: "%.17g", $0) }.joined(separator: "\n") + "\n"
                    try text.write(toFile: "\(dir)/\(name)-rnnmem.txt", atomically: true, encoding: .utf8)
                }
                if let path = options["lyapunov-input"] {
                    let s = try lyapunov(try lyapunovInput(path: path, n: n))
                    try write("lyapunov", s.exponents + [s.meanLogAbsDeterminant ?? .nan])
                }
                if let path = options["slq-input"] {
                    let op = try slqOperator(path: path)
                    let theta = op.model.parameters
                    let h = try op.apply(theta)
                    let quadratic = zip(theta, h).reduce(0) { $0 + $1.0 * $1.1 }
                    let norm = h.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    let s = try slq(op)
                    try write(
                        "slq",
                        [
                            try op.dataset.lossValue(of: op.model), quadratic, norm, s.nodeRange.upperBound,
                            s.nodeRange.lowerBound,
                        ])
                }
                exit(0)
            }
            guard let name = options["workload"] else { fail("--workload is required") }
            let work: () throws -> Double
            switch name {
            case "lyapunov":
                guard let path = options["input"] else { fail("lyapunov needs --input FILE") }
                let input = try lyapunovInput(path: path, n: n)
                work = { try lyapunov(input).exponents.reduce(0, +) }
            case "slq":
                guard let path = options["input"] else { fail("slq needs --input FILE") }
                let op = try slqOperator(path: path)
                work = { try slq(op).trace { $0 } }
            default:
                let op = try linear25()
                work = { try FullCurvatureSpectrum(op).trace }
            }
            let repeats = options["repeats"].flatMap(Int.init) ?? 5
            let baseRSS = peakRSSMegabytes()
            var checksum = try work()  // warm-up
            let t0 = now()
            checksum = try work()
            let single = now() - t0
            let batch = single < 0.02 ? Int((0.02 / max(single, 1e-9)).rounded(.up)) : 1
            var samples: [Double] = []
            var cpuSamples: [Double] = []
            for _ in 0..<max(1, repeats) {
                let s = now(), c = cpuSeconds()
                for _ in 0..<batch { checksum = try work() }
                samples.append((now() - s) / Double(batch))
                cpuSamples.append((cpuSeconds() - c) / Double(batch))
            }
            samples.sort()
            cpuSamples.sort()
            print(
                String(
                    format:
                        "RESULT %@ %d rnnmem %.6e %.1f base_rss_mb=%.1f repeats=%d batch=%d min_s=%.6e cpu_s=%.6e checksum=%.17g",
                    name, n, samples[samples.count / 2], peakRSSMegabytes(), baseRSS, samples.count, batch, samples[0],
                    cpuSamples[cpuSamples.count / 2], checksum))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("rnnmem-bench: spectra workload failed: \(error)\n".utf8))
            exit(1)
        }
    }
}
