import Recurrent
import Testing

/// Per-group errors of ``DerivativeCheck``: an error confined to a group with small derivatives is hidden by
/// the overall measure and shown by the group's; a group whose derivative vanishes does not report noise.
@Suite("Derivative check per parameter group")
struct DerivativeCheckTests {
    @Test("a small group's error is hidden overall and shown per group; a vanishing group reports no noise")
    func groupErrors() {
        // Group A: entries 1000, exact. Group B: entries 1, off by 1e-2. Group C: derivative 0, differences 1e-10.
        let differences = [1000, -1000, 1, 1, 0] as [Double]
        let exact = [1000, -1000, 1.01, 1, 1e-10] as [Double]
        #expect(abs(DerivativeCheck.relativeError(exact, differences) - 1e-5) < 1e-18)  // hidden below 1e-4
        let a = DerivativeCheck.groupRelativeError(exact, differences, range: 0..<2)
        let b = DerivativeCheck.groupRelativeError(exact, differences, range: 2..<4)
        let c = DerivativeCheck.groupRelativeError(exact, differences, range: 4..<5)
        #expect(a == 0)
        #expect(abs(b - 1e-2) < 1e-14)  // normalised by the group's own scale, 1
        #expect(abs(c - 1e-10) < 1e-20)  // floor 1e-3·1000 = 1: noise stays noise
        let check = DerivativeCheck(
            parameterCount: 5, gradientError: 1e-5, hessianVectorProductError: 0,
            groupErrors: [
                .init(name: "A", gradientError: a, hessianVectorProductError: 0),
                .init(name: "B", gradientError: b, hessianVectorProductError: 0),
                .init(name: "C", gradientError: c, hessianVectorProductError: 0),
            ])
        #expect(check.worstGradientGroup?.name == "B")
    }

    @Test("the model's check reports every parameter group, in storage order, below the tolerances")
    func modelGroups() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, layers: 2, seed: 3)
        let check = try model.derivativeCheck(steps: 5, batchSize: 2, seed: 1)
        #expect(check.groupErrors.map(\.name) == model.parameterGroups.map(\.name))
        #expect(check.groupErrors.allSatisfy { $0.gradientError < 1e-6 && $0.hessianVectorProductError < 1e-5 })
        #expect(check.groupErrors.allSatisfy { $0.gradientError >= 0 })
    }
}
