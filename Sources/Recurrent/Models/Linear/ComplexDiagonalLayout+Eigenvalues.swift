import MemoryNumerics

extension ComplexDiagonalLayout {
    /// λ_j = a_j + ib_j of layer ℓ.
    func eigenvalues(_ p: [Double], layer l: Int) throws -> [Complex<Double>] {
        try checkLayer(l)
        return (0..<hiddenSize).map { j in
            let c = coefficients(p, layer: l, unit: j)
            return Complex(c.a, c.b)
        }
    }

    /// γ_j of layer ℓ.
    func normalizationFactors(_ p: [Double], layer l: Int) throws -> [Double] {
        try checkLayer(l)
        return (0..<hiddenSize).map { coefficients(p, layer: l, unit: $0).gamma }
    }

    func checkLayer(_ l: Int) throws {
        guard l >= 0 && l < layerCount else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(l) not in 0..<\(layerCount)")
        }
    }

    /// The same network in another parametrization: λ (to rounding), γ_log, B, C, D unchanged.
    func reparametrized(_ p: [Double], as parametrization: EigenvalueParametrization) throws
        -> (ComplexDiagonalLayout, [Double])
    {
        var configuration = self.configuration
        configuration.parametrization = parametrization
        let target = try ComplexDiagonalLayout(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
            layerCount: layerCount, configuration: configuration)
        precondition(target.parameterCount == parameterCount, "reparametrization keeps the layout size")
        var q = p
        for l in 0..<layerCount {
            for j in 0..<hiddenSize {
                let c = coefficients(p, layer: l, unit: j)
                let modulus = (c.a * c.a + c.b * c.b).squareRoot()
                let phase = Double.atan2(y: c.b, x: c.a)
                let (w1, w2) = try parametrization.parameters(modulus: modulus, phase: phase)
                q[target.layers[l].omega1.range.lowerBound + j] = w1
                q[target.layers[l].omega2.range.lowerBound + j] = w2
            }
        }
        return (target, try target.validated(q))
    }
}
