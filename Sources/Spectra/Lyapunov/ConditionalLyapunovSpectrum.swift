import MemoryNumerics
import Recurrent

/// Input-driven (conditional) Lyapunov spectra of a recurrent network over several input sequences, with their
/// spread: the QR method applied to the state Jacobians ∂s_t/∂s_{t−1} along the network's own trajectory on each
/// sequence (``DrivenRecurrentDynamics``).
public struct ConditionalLyapunovSpectrum: Sendable, Equatable {
    /// One spectrum per sequence, in batch order.
    public let perSequence: [LyapunovSpectrum]

    /// Mean over sequences of each exponent (sorted order).
    public var meanExponents: [Double] { Self.columnMeans(perSequence.map(\.exponents)) }

    /// Sample standard deviation over sequences of each exponent (0 for one sequence).
    public var standardDeviations: [Double] {
        let rows = perSequence.map(\.exponents)
        let mean = Self.columnMeans(rows)
        guard rows.count > 1 else { return mean.map { _ in 0 } }
        return mean.indices.map { i in
            (rows.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[i] - mean[i]) } / Double(rows.count - 1)).squareRoot()
        }
    }

    static func columnMeans(_ rows: [[Double]]) -> [Double] {
        guard let first = rows.first else { return [] }
        return first.indices.map { i in rows.reduce(0) { $0 + $1[i] } / Double(rows.count) }
    }

    /// Spectra computed one by one (e.g. with progress reports), summarised together.
    public init(perSequence: [LyapunovSpectrum]) {
        self.perSequence = perSequence
    }

    /// The conditional spectrum of `model` on every sequence of `inputs` (T × B × d_in), each from the zero
    /// state (or `initialState`, a joint state), with the same options (and the same frame seed) for every
    /// sequence.
    ///
    /// - Throws: as ``LyapunovSpectrum/init(_:options:progress:)``; ``SpectraError/invalidArgument(argument:message:)``
    ///   if the run does not fit into T steps.
    public init(
        model: any RecurrentModel, inputs: SequenceBatch, options: LyapunovOptions,
        initialState: [Double]? = nil
    ) throws {
        var spectra: [LyapunovSpectrum] = []
        for b in 0..<inputs.batchSize {
            let sequence = try SequenceBatch(sequence: inputs.sequence(b))
            let dynamics = try DrivenRecurrentDynamics(model: model, inputs: sequence, initialState: initialState)
            spectra.append(try LyapunovSpectrum(dynamics, options: options))
        }
        perSequence = spectra
    }
}
