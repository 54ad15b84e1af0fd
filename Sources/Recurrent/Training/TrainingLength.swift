/// How long to train.
public enum TrainingLength: Sendable, Codable, Equatable {
    /// A number of updates.
    case steps(Int)
    /// A number of epochs of the task (``TrainingTask/stepsPerEpoch`` updates each).
    case epochs(Int)

    /// The number of updates for `task`.
    public func steps(stepsPerEpoch: Int) -> Int {
        switch self {
        case .steps(let n): return n
        case .epochs(let e): return e * stepsPerEpoch
        }
    }

    private enum CodingKeys: String, CodingKey { case steps, epochs }

    /// JSON: `{"steps": n}` or `{"epochs": n}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .steps(let n): try c.encode(n, forKey: .steps)
        case .epochs(let n): try c.encode(n, forKey: .epochs)
        }
    }

    /// Decodes `{"steps": n}` or `{"epochs": n}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .steps) {
            self = .steps(n)
        } else {
            self = .epochs(try c.decode(Int.self, forKey: .epochs))
        }
    }
}
