import ArgumentParser

/// A list of delays k ≥ 0: comma-separated integers and inclusive ranges `a:b` (e.g. `0:10,12,16,24`), sorted and
/// without duplicates.
struct DelayList: ExpressibleByArgument, Sendable, Equatable {
    let values: [Int]

    init?(argument: String) {
        var out = Set<Int>()
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let text = String(part).trimmingSpaces
            let bounds = text.split(separator: ":", omittingEmptySubsequences: false).map {
                Int(String($0).trimmingSpaces)
            }
            switch bounds.count {
            case 1:
                guard let k = bounds[0], k >= 0 else { return nil }
                out.insert(k)
            case 2:
                guard let a = bounds[0], let b = bounds[1], a >= 0, b >= a, b - a <= 100_000 else { return nil }
                for k in a...b { out.insert(k) }
            default:
                return nil
            }
        }
        guard !out.isEmpty else { return nil }
        values = out.sorted()
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A lag range `a:b` with 0 ≤ a < b (the k range of the response coefficients' fits).
struct LagRange: ExpressibleByArgument, Sendable, Equatable {
    let range: ClosedRange<Int>

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map {
            Int(String($0).trimmingSpaces)
        }
        guard parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, b > a else { return nil }
        range = a...b
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
