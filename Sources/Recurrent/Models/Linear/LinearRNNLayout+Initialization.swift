import MemoryNumerics

extension LinearRNNLayout {
    /// The initialisation of ``LinearRNNInitialization``, drawn from `rng` in storage order: per layer every head's
    /// recurrent block, then B_ℓ; then C and D.
    public func initialParameters(_ initialization: LinearRNNInitialization, using rng: inout SeededRandom) throws
        -> [Double]
    {
        var p = [Double](repeating: 0, count: parameterCount)
        let n = headSize
        for groups in layers {
            for k in 0..<headCount {
                let block = try LinearRNN.zucchetOrvietoMatrix(
                    size: n, minimumModulus: initialization.minimumModulus,
                    maximumModulus: initialization.maximumModulus, maximumPhase: initialization.maximumPhase,
                    using: &rng)
                let offset = groups.recurrent.range.lowerBound + k * n * n
                for i in 0..<(n * n) { p[offset + i] = block.elements[i] }
            }
            for i in groups.input.range { p[i] = LinearRNN.lecunNormal(fanIn: groups.input.columns, using: &rng) }
        }
        for i in readout.range { p[i] = LinearRNN.lecunNormal(fanIn: readout.columns, using: &rng) }
        if let d = skipGroup {
            let fanIn = skip == .diagonal ? 1 : d.columns
            for i in d.range { p[i] = LinearRNN.lecunNormal(fanIn: fanIn, using: &rng) }
        }
        return p
    }
}
