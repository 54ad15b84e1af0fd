import Foundation
import MemoryNumerics
@testable import Recurrent
import Testing
import _TestSupport

/// The fused cell-step kernels (``CellSteps``) against a plain Swift transcription of their documented formulas
/// (the generic passes' formulas, same operation order, σ/tanh from ``VectorMath``): equal bit for bit, in real
/// and in dual arithmetic (tangent rules of `DualNumber`, transcribed in `D` below), on every instruction set,
/// with unit counts that leave every kind of vector remainder and leading dimensions larger than the blocks.
@Suite("CellSteps: fused recurrent cell steps")
struct CellStepsTests {
    typealias VM = VectorMath

    /// Dual number with `DualNumber`'s rules (Recurrent module), for the reference.
    struct D {
        var v: Double, t: Double
        init(_ v: Double, _ t: Double) { (self.v, self.t) = (v, t) }
        static func * (a: D, b: D) -> D { D(a.v * b.v, a.t * b.v + a.v * b.t) }
        static func + (a: D, b: D) -> D { D(a.v + b.v, a.t + b.t) }
        static func - (a: D, b: D) -> D { D(a.v - b.v, a.t - b.t) }
        static func oneMinus(_ a: D) -> D { D(1 - a.v, 0 - a.t) }
        static func sigmoid(_ x: D) -> D {
            let y = VM.sigmoid([x.v])[0]
            return D(y, y * (1 - y) * x.t)
        }
        static func tanh(_ x: D) -> D {
            let y = VM.tanh([x.v])[0]
            return D(y, (1 - y * y) * x.t)
        }
    }

    /// A rows × batch block with leading dimension rows + 3, random values and tangents, in manually managed
    /// storage (the kernels take raw pointers).
    final class Block {
        let rows: Int, batch: Int, ld: Int
        let value: UnsafeMutablePointer<Double>, tangent: UnsafeMutablePointer<Double>

        init(rows: Int, batch: Int, rng: inout SeededRandom, scale: Double = 1.5) {
            (self.rows, self.batch, ld) = (rows, batch, rows + 3)
            value = .allocate(capacity: ld * batch)
            tangent = .allocate(capacity: ld * batch)
            for i in 0..<(ld * batch) {
                value[i] = scale * rng.gaussian()
                tangent[i] = rng.gaussian()
            }
        }

        /// A copy (same contents).
        init(copying other: Block) {
            (rows, batch, ld) = (other.rows, other.batch, other.ld)
            value = .allocate(capacity: ld * batch)
            tangent = .allocate(capacity: ld * batch)
            value.update(from: other.value, count: ld * batch)
            tangent.update(from: other.tangent, count: ld * batch)
        }

        deinit {
            value.deallocate()
            tangent.deallocate()
        }

        func cell(_ dual: Bool) -> CellSteps.Block {
            CellSteps.Block(value: value, tangent: dual ? tangent : nil, leadingDimension: ld)
        }

        subscript(i: Int, j: Int) -> D {
            get { D(value[i + j * ld], tangent[i + j * ld]) }
            set {
                value[i + j * ld] = newValue.v
                tangent[i + j * ld] = newValue.t
            }
        }

        /// All storage (padding included: it must stay untouched), tangents only when `dual`.
        func bits(_ dual: Bool) -> [UInt64] {
            (0..<(ld * batch)).map { value[$0].bitPattern }
                + (dual ? (0..<(ld * batch)).map { tangent[$0].bitPattern } : [])
        }
    }

    static let unitCounts = [1, 5, 13, 32]
    static let batch = 3

    static func isas() -> [VM.InstructionSet?] { [nil] + VM.InstructionSet.allCases.filter(\.isSupported).map { $0 } }

    /// Runs `kernel` on copies of `blocks` and `reference` on other copies; every block must end equal.
    static func check(
        _ name: String, _ blocks: [Block], dual: Bool,
        kernel: ([Block], VM.InstructionSet?) -> Void, reference: ([Block]) -> Void
    ) {
        let expected = blocks.map { Block(copying: $0) }
        reference(expected)
        for isa in isas() {
            let got = blocks.map { Block(copying: $0) }
            kernel(got, isa)
            for (b, (g, e)) in zip(got, expected).enumerated() {
                // A real kernel leaves tangents alone, so compare them only in dual mode.
                #expect(
                    g.bits(dual) == e.bits(dual),
                    "\(name) dual \(dual), block \(b), \(isa.map(\.description) ?? "best")")
            }
        }
    }

    @Test("LSTM forward step = its formulas", arguments: [false, true])
    func lstmForward(_ dual: Bool) {
        var rng = TestSupport.rng(70)
        for n in Self.unitCounts {
            let B = Self.batch
            let blocks = [
                Block(rows: 4 * n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                Block(rows: n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                Block(rows: n, batch: B, rng: &rng),
            ]
            Self.check(
                "lstm forward n \(n)", blocks, dual: dual,
                kernel: { b, isa in
                    CellSteps.lstmForward(
                        hiddenSize: n, batchSize: B, gates: b[0].cell(dual), cellPrevious: b[1].cell(dual),
                        cell: b[2].cell(dual), tanhCell: b[3].cell(dual), hidden: b[4].cell(dual),
                        instructionSet: isa)
                },
                reference: { b in
                    let (z, cp, c, tc, h) = (b[0], b[1], b[2], b[3], b[4])
                    for j in 0..<B {
                        for k in 0..<n {
                            var ig = D.sigmoid(z[k, j]), fg = D.sigmoid(z[n + k, j])
                            var gg = D.tanh(z[2 * n + k, j]), og = D.sigmoid(z[3 * n + k, j])
                            if !dual {
                                (ig.t, fg.t, gg.t, og.t) = (
                                    z[k, j].t, z[n + k, j].t, z[2 * n + k, j].t, z[3 * n + k, j].t
                                )
                            }
                            (z[k, j], z[n + k, j], z[2 * n + k, j], z[3 * n + k, j]) = (ig, fg, gg, og)
                            var cv = fg * cp[k, j] + ig * gg
                            var th = D.tanh(cv)
                            var hv = og * th
                            if !dual { (cv.t, th.t, hv.t) = (c[k, j].t, tc[k, j].t, h[k, j].t) }
                            (c[k, j], tc[k, j], h[k, j]) = (cv, th, hv)
                        }
                    }
                })
        }
    }

    @Test("LSTM backward step = its formulas", arguments: [false, true])
    func lstmBackward(_ dual: Bool) {
        var rng = TestSupport.rng(71)
        for n in Self.unitCounts {
            let B = Self.batch
            // gates in (0, 1) (g in (−1, 1)) as after the forward step.
            let z = Block(rows: 4 * n, batch: B, rng: &rng)
            for i in 0..<(z.ld * B) { z.value[i] = VM.tanh([z.value[i]])[0] }
            let blocks = [
                z, Block(rows: n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                Block(rows: n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                Block(rows: 4 * n, batch: B, rng: &rng),
            ]
            Self.check(
                "lstm backward n \(n)", blocks, dual: dual,
                kernel: { b, isa in
                    CellSteps.lstmBackward(
                        hiddenSize: n, batchSize: B, gates: b[0].cell(dual), tanhCell: b[1].cell(dual),
                        cellPrevious: b[2].cell(dual), hiddenGradient: b[3].cell(dual),
                        cellCarry: b[4].cell(dual), gateGradient: b[5].cell(dual), instructionSet: isa)
                },
                reference: { b in
                    let (z, tc, cp, dh, carry, dz) = (b[0], b[1], b[2], b[3], b[4], b[5])
                    for j in 0..<B {
                        for k in 0..<n {
                            let ig = z[k, j], fg = z[n + k, j], gg = z[2 * n + k, j], og = z[3 * n + k, j]
                            let th = tc[k, j], d = dh[k, j]
                            let dc = carry[k, j] + d * og * D.oneMinus(th * th)
                            var out = [
                                dc * gg * ig * D.oneMinus(ig), dc * cp[k, j] * fg * D.oneMinus(fg),
                                dc * ig * D.oneMinus(gg * gg), d * th * og * D.oneMinus(og), dc * fg,
                            ]
                            if !dual {
                                for q in 0..<4 { out[q].t = dz[q * n + k, j].t }
                                out[4].t = carry[k, j].t
                            }
                            for q in 0..<4 { dz[q * n + k, j] = out[q] }
                            carry[k, j] = out[4]
                        }
                    }
                })
        }
    }

    @Test("GRU forward step = its formulas", arguments: [false, true])
    func gruForward(_ dual: Bool) {
        var rng = TestSupport.rng(72)
        for n in Self.unitCounts {
            let B = Self.batch
            let blocks = [
                Block(rows: 3 * n, batch: B, rng: &rng), Block(rows: 3 * n, batch: B, rng: &rng),
                Block(rows: n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
            ]
            Self.check(
                "gru forward n \(n)", blocks, dual: dual,
                kernel: { b, isa in
                    CellSteps.gruForward(
                        hiddenSize: n, batchSize: B, inputProjection: b[0].cell(dual),
                        recurrentProjection: b[1].cell(dual), hiddenPrevious: b[2].cell(dual),
                        hidden: b[3].cell(dual), instructionSet: isa)
                },
                reference: { b in
                    let (xi, hh, hp, h) = (b[0], b[1], b[2], b[3])
                    for j in 0..<B {
                        for k in 0..<n {
                            let r = D.sigmoid(xi[k, j] + hh[k, j]), z = D.sigmoid(xi[n + k, j] + hh[n + k, j])
                            let c = D.tanh(xi[2 * n + k, j] + r * hh[2 * n + k, j])
                            var out = [r, z, c, D.oneMinus(z) * c + z * hp[k, j]]
                            if !dual {
                                for q in 0..<3 { out[q].t = xi[q * n + k, j].t }
                                out[3].t = h[k, j].t
                            }
                            for q in 0..<3 { xi[q * n + k, j] = out[q] }
                            h[k, j] = out[3]
                        }
                    }
                })
        }
    }

    @Test("GRU backward step = its formulas (direct set and accumulated)", arguments: [false, true])
    func gruBackward(_ dual: Bool) {
        var rng = TestSupport.rng(73)
        for n in Self.unitCounts {
            for accumulate in [false, true] {
                let B = Self.batch
                let g = Block(rows: 3 * n, batch: B, rng: &rng)
                for i in 0..<(g.ld * B) { g.value[i] = VM.tanh([g.value[i]])[0] }
                let blocks = [
                    g, Block(rows: 3 * n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                    Block(rows: n, batch: B, rng: &rng), Block(rows: n, batch: B, rng: &rng),
                    Block(rows: 3 * n, batch: B, rng: &rng), Block(rows: 3 * n, batch: B, rng: &rng),
                ]
                Self.check(
                    "gru backward n \(n) accumulate \(accumulate)", blocks, dual: dual,
                    kernel: { b, isa in
                        CellSteps.gruBackward(
                            hiddenSize: n, batchSize: B, gates: b[0].cell(dual),
                            recurrentProjection: b[1].cell(dual), hiddenPrevious: b[2].cell(dual),
                            hiddenGradient: b[3].cell(dual), direct: b[4].cell(dual),
                            accumulateDirect: accumulate, inputProjectionGradient: b[5].cell(dual),
                            recurrentProjectionGradient: b[6].cell(dual), instructionSet: isa)
                    },
                    reference: { b in
                        let (g, hh, hp, dh, direct, dxi, dhh) = (b[0], b[1], b[2], b[3], b[4], b[5], b[6])
                        for j in 0..<B {
                            for k in 0..<n {
                                let r = g[k, j], z = g[n + k, j], c = g[2 * n + k, j], d = dh[k, j]
                                let dan = d * D.oneMinus(z) * D.oneMinus(c * c)
                                let daz = d * (hp[k, j] - c) * z * D.oneMinus(z)
                                let dar = dan * hh[2 * n + k, j] * r * D.oneMinus(r)
                                var xs = [dar, daz, dan], hs = [dar, daz, r * dan]
                                var dir = accumulate ? direct[k, j] + d * z : d * z
                                if !dual {
                                    for q in 0..<3 { (xs[q].t, hs[q].t) = (dxi[q * n + k, j].t, dhh[q * n + k, j].t) }
                                    dir.t = direct[k, j].t
                                }
                                for q in 0..<3 { (dxi[q * n + k, j], dhh[q * n + k, j]) = (xs[q], hs[q]) }
                                direct[k, j] = dir
                            }
                        }
                    })
            }
        }
    }

    @Test("tanh RNN backward step = its formula", arguments: [false, true])
    func tanhRNNBackward(_ dual: Bool) {
        var rng = TestSupport.rng(74)
        for n in Self.unitCounts {
            let B = Self.batch
            let blocks = [Block(rows: n, batch: B, rng: &rng, scale: 0.5), Block(rows: n, batch: B, rng: &rng)]
            Self.check(
                "tanh backward n \(n)", blocks, dual: dual,
                kernel: { b, isa in
                    CellSteps.tanhRNNBackward(
                        hiddenSize: n, batchSize: B, hidden: b[0].cell(dual), gradient: b[1].cell(dual),
                        instructionSet: isa)
                },
                reference: { b in
                    for j in 0..<B {
                        for k in 0..<n {
                            let v = b[0][k, j]
                            var out = D.oneMinus(v * v) * b[1][k, j]
                            if !dual { out.t = b[1][k, j].t }
                            b[1][k, j] = out
                        }
                    }
                })
        }
    }
}
