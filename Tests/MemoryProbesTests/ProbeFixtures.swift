import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import _TestSupport

/// Networks with known memory, built from explicit matrices (seeded), shared by the suites.
enum ProbeFixtures {
    /// ρ·Q for a random orthogonal Q (QR of a seeded Gaussian matrix): a normal matrix with all |λ| = ρ and spread
    /// phases, whose Jaeger covariance is well conditioned.
    static func scaledOrthogonal(_ n: Int, radius: Double, seed: UInt64) throws -> Matrix {
        var rng = TestSupport.rng(seed)
        let g = try Matrix(rows: n, columns: n, columnMajor: rng.gaussians(n * n))
        return radius * (try LinearAlgebra.qr(g).q)
    }

    static func gaussianMatrix(_ rows: Int, _ columns: Int, scale: Double = 1, seed: UInt64) throws -> Matrix {
        var rng = TestSupport.rng(seed, stream: 7)
        return try Matrix(rows: rows, columns: columns, columnMajor: rng.gaussians(rows * columns).map { $0 * scale })
    }

    /// h_t = A h_{t−1} + b x_t, y_t = c h_t (no skip), A = radius·orthogonal.
    static func linearNetwork(_ n: Int, radius: Double, seed: UInt64) throws -> LinearRNN {
        try LinearRNN(
            recurrent: try scaledOrthogonal(n, radius: radius, seed: seed),
            input: try gaussianMatrix(n, 1, seed: seed + 1),
            readout: try gaussianMatrix(1, n, scale: 1 / Double(n).squareRoot(), seed: seed + 2), skip: nil)
    }

    /// A one-layer tanh RNN whose W_hh is rescaled to spectral norm `recurrentNorm` and whose input weights are
    /// scaled by `inputScale` (other parameters: PyTorch's default initialisation from `seed`).
    static func tanhNetwork(hidden n: Int, recurrentNorm: Double, inputScale: Double = 1, seed: UInt64) throws
        -> TanhRNN
    {
        let base = try TanhRNN(inputSize: 1, hiddenSize: n, outputSize: 1, seed: seed)
        var p = base.parameters
        let w = try base.parameterGroup(named: "layer0.W_hh"), u = try base.parameterGroup(named: "layer0.W_ih")
        let wm = try Matrix(rows: w.rows, columns: w.columns, columnMajor: base.parameterValues(of: w))
        let scale = recurrentNorm / (try LinearAlgebra.spectralNorm(wm))
        for i in w.range { p[i] *= scale }
        for i in u.range { p[i] *= inputScale }
        return try TanhRNN(inputSize: 1, hiddenSize: n, outputSize: 1, parameters: p)
    }
}
