import Foundation
import Recurrent

/// Independent, deliberately naive single-sequence implementations of the three architectures, written directly
/// from PyTorch's documented equations (torch.nn.RNN / LSTM / GRU docs: gate order (i, f, g, o) for the LSTM,
/// (r, z, n) for the GRU with n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) and h' = (1 − z) ⊙ n + z ⊙ h) and
/// nn.Linear for the readout. They read the weights by group name, so they also pin down the parameter layout.
enum NaiveReference {
    static func group(_ m: any RecurrentModel, _ name: String) -> (rows: Int, columns: Int, values: [Double]) {
        guard let g = m.parameterGroups.first(where: { $0.name == name }) else { fatalError("missing group \(name)") }
        return (g.rows, g.columns, Array(m.parameters[g.range]))
    }

    /// y = W x + b for a column-major W.
    static func affine(_ w: (rows: Int, columns: Int, values: [Double]), _ x: [Double], _ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<w.rows {
            for j in 0..<w.columns { y[i] += w.values[i + j * w.rows] * x[j] }
        }
        return y
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    /// Outputs y_1 … y_T of sequence `b` (batch entry) as [[Double]].
    static func outputs(_ arch: GatedArchitecture, _ m: any RecurrentModel, _ x: SequenceBatch, sequence b: Int)
        -> [[Double]]
    {
        let n = m.hiddenSize
        var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: m.layerCount)
        var c = h
        var ys: [[Double]] = []
        for t in 0..<x.steps {
            var input = (0..<x.features).map { x[t, b, $0] }
            for l in 0..<m.layerCount {
                let wih = group(m, "layer\(l).W_ih"), whh = group(m, "layer\(l).W_hh")
                let bih = group(m, "layer\(l).b_ih").values, bhh = group(m, "layer\(l).b_hh").values
                let gi = affine(wih, input, bih), gh = affine(whh, h[l], bhh)
                switch arch {
                case .rnn:
                    h[l] = (0..<n).map { Foundation.tanh(gi[$0] + gh[$0]) }
                case .lstm:
                    for k in 0..<n {
                        let i = sigmoid(gi[k] + gh[k]), f = sigmoid(gi[n + k] + gh[n + k])
                        let g = Foundation.tanh(gi[2 * n + k] + gh[2 * n + k]),
                            o = sigmoid(gi[3 * n + k] + gh[3 * n + k])
                        c[l][k] = f * c[l][k] + i * g
                        h[l][k] = o * Foundation.tanh(c[l][k])
                    }
                case .gru:
                    var new = h[l]
                    for k in 0..<n {
                        let r = sigmoid(gi[k] + gh[k]), z = sigmoid(gi[n + k] + gh[n + k])
                        let nn = Foundation.tanh(gi[2 * n + k] + r * gh[2 * n + k])
                        new[k] = (1 - z) * nn + z * h[l][k]
                    }
                    h[l] = new
                }
                input = h[l]
            }
            ys.append(affine(group(m, "readout.C"), h[m.layerCount - 1], group(m, "readout.c").values))
        }
        return ys
    }
}
