import Foundation
import MemoryNumerics
import MemoryProbes
import Recurrent
import Testing
import _TestSupport

/// Dambre, Verstraeten, Schrauwen & Massar (2012, Sci. Rep. 2:514): the information processing capacity.
@Suite("Information processing capacity")
struct InformationProcessingCapacityTests {
    /// The normalised Legendre polynomials are orthonormal under U[−1, 1]: E[P̃_d P̃_e] = δ_de, checked by a
    /// 40-point Gauss–Legendre rule (exact for these degrees) to 1e-12; P̃_2(u) = √5(3u² − 1)/2.
    @Test func legendreOrthonormality() throws {
        let (nodes, weights) = try Quadrature.gaussLegendreRule(points: 40)
        for d in 1...6 {
            for e in 1...6 {
                var s = 0.0
                for (u, w) in zip(nodes, weights) {
                    let p = LegendreBasis.normalizedValues(u, maxDegree: 6)
                    s += 0.5 * w * p[d - 1] * p[e - 1]
                }
                #expect(abs(s - (d == e ? 1 : 0)) < 1e-12, "d \(d) e \(e): \(s)")
            }
        }
        let u = 0.3
        #expect(
            abs(LegendreBasis.normalizedValues(u, maxDegree: 2)[1] - 5.0.squareRoot() * (3 * u * u - 1) / 2) < 1e-15)
    }

    /// The basis enumeration: every term has the stated degree, distinct increasing delays ≤ K, no duplicates, and
    /// the count Σ_j C(K + 1, j)C(D − 1, j − 1) (e.g. 31, 496, 5456 for D = 1, 2, 3 at K = 30).
    @Test func basisEnumeration() {
        for (degree, expected) in [(1, 31), (2, 496), (3, 5456)] {
            let terms = LegendreBasis.terms(degree: degree, maxDelay: 30)
            #expect(terms.count == expected)
            #expect(LegendreBasis.termCount(degree: degree, maxDelay: 30) == Double(expected))
            #expect(Set(terms).count == terms.count)
            for t in terms {
                #expect(t.degree == degree)
                #expect(zip(t.factors, t.factors.dropFirst()).allSatisfy { $0.delay < $1.delay })
                #expect(t.factors.allSatisfy { $0.degree >= 1 && $0.delay <= 30 })
            }
        }
    }

    /// The χ² threshold: θ = 2·F⁻¹_{χ²_r}(0.999)/T. Reference quantiles (R `qchisq(0.999, df)`): 29.58830 (df 10),
    /// 10.82757 (df 1).
    @Test func chiSquaredThreshold() throws {
        let t10 = try CapacityThreshold.standard.value(stateVariables: 10, samples: 1000)
        #expect(abs(t10 - 2 * 29.58830 / 1000) < 1e-7)
        let t1 = try CapacityThreshold.chiSquared(tailProbability: 1e-3, factor: 1).value(
            stateVariables: 1, samples: 100)
        #expect(abs(t1 - 0.1082757) < 1e-7)
        #expect(try CapacityThreshold.none.value(stateVariables: 5, samples: 10) == 0)
    }

    /// A linear network (N = 6, A = 0.7·orthogonal) driven by U[−1, 1] inputs, T = 4000 (3900 fitted after the
    /// washout), degree ≤ 3, delay ≤ 8: its degree-1 capacities are its linear memory capacities MC_k (analytic,
    /// scale-invariant) within 4·se_k + 2r/T, and every capacity of degree 2 and 3 is below the threshold (counted 0).
    @Test func linearNetworkHasOnlyLinearCapacity() throws {
        let model = try ProbeFixtures.linearNetwork(6, radius: 0.7, seed: 21)
        let ipc = try InformationProcessingCapacity.compute(
            model: model, maxDegree: 3, maxDelay: 8, options: InformationProcessingCapacityOptions(steps: 4000, seed: 1)
        )
        let analytic = try MemoryCapacity.analytic(model: model, maxDelay: 8)
        #expect(ipc.rank == 6)
        #expect(ipc.byDegree[1] == 0 && ipc.byDegree[2] == 0, "\(ipc.byDegree)")
        let largestNonlinear = ipc.entries.filter { $0.term.degree > 1 }.map(\.estimate).max() ?? 0
        #expect(largestNonlinear < ipc.threshold)
        for k in 0...8 {
            let se = MemoryCapacity.standardError(capacity: analytic.capacities[k], samples: ipc.samples)
            #expect(
                abs(ipc.linearMemory[k] - analytic.capacities[k]) <= 4 * se + 2 * 6 / Double(ipc.samples),
                "k = \(k): \(ipc.linearMemory[k]) vs \(analytic.capacities[k])")
        }
        #expect(ipc.isWithinBound)
    }

    /// A tanh network with strong input weights (N = 10, ‖W‖₂ = 0.9, inputs ×3) trades linear memory for nonlinear
    /// capacity: degree 2 carries capacity, and the total respects the bound (total − bias ≤ N) while being close
    /// to it (≥ 0.8 N with degree ≤ 3, delay ≤ 10).
    @Test func tanhNetworkNonlinearCapacity() throws {
        let model = try ProbeFixtures.tanhNetwork(hidden: 10, recurrentNorm: 0.9, inputScale: 3, seed: 5)
        let ipc = try InformationProcessingCapacity.compute(
            model: model, maxDegree: 3, maxDelay: 10,
            options: InformationProcessingCapacityOptions(steps: 4000, seed: 1))
        #expect(ipc.byDegree[1] > 1, "\(ipc.byDegree)")
        #expect(ipc.isWithinBound, "total \(ipc.total), bias \(ipc.finiteSampleBias)")
        #expect(ipc.total > 8 && ipc.total < 10.5, "total \(ipc.total)")
        #expect(ipc.entries.allSatisfy { $0.capacity == 0 || $0.capacity >= ipc.threshold })
    }
}
