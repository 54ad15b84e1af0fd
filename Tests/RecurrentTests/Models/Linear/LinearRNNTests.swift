import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// Small linear-model problems shared by the linear, complex-diagonal and LRU tests.
struct LinearModelProblem {
    let model: any RecurrentModel
    let inputs: SequenceBatch
    let targets: SequenceBatch

    init(_ model: any RecurrentModel, steps: Int = 6, batchSize: Int = 2, seed: UInt64 = 21) throws {
        self.model = model
        inputs = try ModelDerivativeChecks.randomBatch(
            steps: steps, batchSize: batchSize, features: model.inputSize,
            seed: seed)
        targets = try ModelDerivativeChecks.randomBatch(
            steps: steps, batchSize: batchSize, features: model.outputSize,
            seed: seed + 1)
    }
}

/// One configuration of the dense linear RNN for parameterised tests.
struct LinearCase: Sendable, CustomStringConvertible {
    let inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int, heads: Int
    let skip: SkipConnection
    var description: String { "N=\(hiddenSize) L=\(layers) H=\(heads) skip=\(skip.rawValue)" }

    static let all: [LinearCase] = [
        LinearCase(inputSize: 2, hiddenSize: 4, outputSize: 3, layers: 1, heads: 1, skip: .matrix),
        LinearCase(inputSize: 2, hiddenSize: 4, outputSize: 2, layers: 2, heads: 2, skip: .diagonal),
        LinearCase(inputSize: 3, hiddenSize: 6, outputSize: 1, layers: 1, heads: 3, skip: .none),
    ]

    func make(seed: UInt64 = 13) throws -> LinearRNN {
        // ν₀ = 0.5 and φ_max = 2 exercise the modulus and phase maps of the initialisation.
        try LinearRNN(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers, heads: heads,
            skip: skip, initialization: LinearRNNInitialization(minimumModulus: 0.5, maximumPhase: 2),
            seed: seed)
    }
}

@Suite("Dense linear RNN")
struct LinearRNNTests {
    @Test("Forward pass = hand-written recurrence h_t = A h_{t−1} + B x_t, y_t = C h_t + D x_t")
    func forwardMatchesRecurrence() throws {
        var rng = TestSupport.rng(1)
        let n = 3, d = 2, q = 2, T = 7
        let a = try Matrix(rows: n, columns: n, columnMajor: rng.gaussians(n * n).map { 0.4 * $0 })
        let b = try Matrix(rows: n, columns: d, columnMajor: rng.gaussians(n * d))
        let c = try Matrix(rows: q, columns: n, columnMajor: rng.gaussians(q * n))
        let dm = try Matrix(rows: q, columns: d, columnMajor: rng.gaussians(q * d))
        let model = try LinearRNN(recurrent: a, input: b, readout: c, skip: dm)
        let x = try ModelDerivativeChecks.randomBatch(steps: T, batchSize: 1, features: d, seed: 2)
        let h0 = rng.gaussians(n)
        let y = try model.outputs(x, initialStates: [try Matrix(rows: n, columns: 1, columnMajor: h0)])
        var h = h0
        var worst = 0.0
        for t in 0..<T {
            let xt = Array(x.values[(t * d)..<((t + 1) * d)])
            let ah = a * h, bx = b * xt
            h = (0..<n).map { ah[$0] + bx[$0] }
            let ch = c * h, dx = dm * xt
            for k in 0..<q { worst = max(worst, abs(ch[k] + dx[k] - y.values[t * q + k])) }
        }
        #expect(worst < 1e-13, "max |Δy| = \(worst)")
    }

    @Test("Multi-head = dense model with the block-diagonal matrix; recurrentMatrix is block-diagonal")
    func multiHeadIsBlockDiagonal() throws {
        let heads = try LinearRNN(inputSize: 2, hiddenSize: 6, outputSize: 2, heads: 3, seed: 4)
        let a = try heads.recurrentMatrix(layer: 0)
        for i in 0..<6 { for j in 0..<6 where i / 2 != j / 2 { #expect(a[i, j] == 0) } }
        let p = heads.parameters
        let bcd = Array(p[12...])  // A has 2·6 = 12 stored values
        let dense = try LinearRNN(inputSize: 2, hiddenSize: 6, outputSize: 2, parameters: a.elements + bcd)
        let x = try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 2, seed: 5)
        let e = TestSupport.maxAbsError(try heads.outputs(x).values, try dense.outputs(x).values)
        #expect(e < 1e-13, "max |Δy| = \(e)")
    }

    @Test(
        "Zucchet–Orvieto matrix: eigenvalues are (ν₀ + (1 − ν₀)tanh|l|)·e^{i·arg(l)·φ/π} of A₀ ~ N(0, 1/n)",
        arguments: [(0.0, Double.pi), (0.5, 3.14), (0.9, 1.0)])
    func eigenvalueControlledMatrix(_ nu0: Double, _ phi: Double) throws {
        let n = 10
        for seed: UInt64 in 1...5 {
            var rng = TestSupport.rng(seed)
            let a = try LinearRNN.zucchetOrvietoMatrix(size: n, minimumModulus: nu0, maximumPhase: phi, using: &rng)
            // Re-draw A₀ with the same generator state and transform its eigenvalues by the formula.
            var replay = TestSupport.rng(seed)
            let a0 = try Matrix(
                rows: n, columns: n, columnMajor: replay.gaussians(n * n).map { $0 / Double(n).squareRoot() })
            var expected: [Complex<Double>] = try LinearAlgebra.eigenvalues(a0).map { l in
                let modulus = nu0 + (1 - nu0) * Double.tanh(l.length)
                let phase = Double.atan2(y: l.imaginary, x: l.real) * phi / Double.pi
                // A real eigenvalue keeps only the real part (Re of the complex product).
                return l.imaginary == 0
                    ? Complex(modulus * Double.cos(phase), 0)
                    : Complex(modulus * Double.cos(phase), modulus * Double.sin(phase))
            }
            var worst = 0.0
            for got in try LinearAlgebra.eigenvalues(a) {
                guard let k = expected.indices.min(by: { (expected[$0] - got).length < (expected[$1] - got).length })
                else {
                    break
                }
                worst = max(worst, (expected[k] - got).length)
                expected.remove(at: k)
            }
            #expect(worst < 1e-9, "ν₀ = \(nu0), φ = \(phi), seed \(seed): eigenvalue mismatch \(worst)")
            #expect(
                try LinearAlgebra.eigenvalues(a).allSatisfy {
                    $0.length < 1 && $0.length >= nu0 * abs(Double.cos(phi)) - 1e-12
                })
        }
    }

    @Test("LeCun-normal B, C, D: variance 1/fan_in, truncated at 2σ/0.8796")
    func lecunNormal() throws {
        let m = try LinearRNN(inputSize: 50, hiddenSize: 200, outputSize: 40, seed: 3)
        for (name, fanIn) in [("layer0.B", 50.0), ("readout.C", 200.0), ("readout.D", 50.0)] {
            let v = m.parameterValues(of: try m.parameterGroup(named: name))
            let variance = v.reduce(0) { $0 + $1 * $1 } / Double(v.count)
            // s.e. of a second moment ≈ σ²√(2/n) (a little less for the truncated normal).
            #expect(abs(variance * fanIn - 1) < 4 * (2 / Double(v.count)).squareRoot(), "\(name): \(variance * fanIn)")
            let bound = 2 / (0.87962566103423978 * fanIn.squareRoot())
            #expect(v.allSatisfy { abs($0) <= bound })
        }
    }

    @Test("Invalid sizes and parameters are descriptive errors")
    func errors() throws {
        #expect(throws: RecurrentError.self) {
            try LinearRNN(inputSize: 1, hiddenSize: 5, outputSize: 1, heads: 2, seed: 1)
        }
        #expect(throws: RecurrentError.self) {
            try LinearRNN(inputSize: 2, hiddenSize: 4, outputSize: 1, skip: .diagonal, seed: 1)
        }
        var m = try LinearRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1)
        var rng = TestSupport.rng(0)
        #expect(throws: RecurrentError.self) { try m.setParameters([1, 2]) }
        #expect(throws: RecurrentError.self) { try m.setParameters([Double](repeating: .nan, count: m.parameterCount)) }
        #expect(throws: RecurrentError.self) {
            try LinearRNN.zucchetOrvietoMatrix(
                size: 3, minimumModulus: 0.9, maximumModulus: 0.5, maximumPhase: 3,
                using: &rng)
        }
    }
}
