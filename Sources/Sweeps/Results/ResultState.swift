import Foundation

/// What the output directory holds for one cell.
public enum ResultState: Sendable, Equatable {
    /// No result file: the cell has not run (or was killed before its result was written).
    case missing
    /// A result with status `ok` and every metric: the cell is done and is skipped on a rerun.
    case complete(CellResult)
    /// A result with status `failed`: reported, and rerun by `sweep run`.
    case failed(CellResult)
    /// A file that does not parse as a result of this cell (for example truncated by a full disk): reported as
    /// failed, and rerun.
    case corrupt(String)
    /// A valid result of another configuration (different hash): never overwritten; `sweep run` and
    /// `sweep collect` refuse the directory.
    case foreign(hash: String)

    /// True when the cell needs to run.
    public var needsRun: Bool {
        switch self {
        case .complete, .foreign: return false
        case .missing, .failed, .corrupt: return true
        }
    }
}

extension SweepDirectory {
    /// Reads and classifies the result file of cell `index`.
    public func state(ofCell index: Int, in configuration: SweepConfiguration) -> ResultState {
        let file = resultFile(index, in: configuration)
        guard FileManager.default.fileExists(atPath: file) else { return .missing }
        let document: JSONValue
        do {
            document = try JSONParser.parse(try FileAccess.read(file))
        } catch let error as JSONParseError {
            return .corrupt("corrupt result \(file):\(error.description)")
        } catch {
            return .corrupt("corrupt result \(file): \(error)")
        }
        let result: CellResult
        do {
            result = try CellResult(json: document)
        } catch {
            return .corrupt("corrupt result \(file): \(error.description)")
        }
        guard result.configHash == configuration.configHash else { return .foreign(hash: result.configHash) }
        guard result.cell == index else {
            return .corrupt("corrupt result \(file): it records cell \(result.cell)")
        }
        guard result.values == configuration.valuesObject(of: configuration.cell(index)) else {
            return .corrupt("corrupt result \(file): its axis values are not those of cell \(index)")
        }
        if result.status == .ok {
            for metric in configuration.metrics where result.metric(metric.name) == nil {
                return .corrupt("corrupt result \(file): status ok but metric '\(metric.name)' is missing")
            }
            return .complete(result)
        }
        return .failed(result)
    }

    /// The refusal for a foreign result: one line naming the file.
    func foreignResultError(_ index: Int, hash: String, in configuration: SweepConfiguration) -> SweepError {
        SweepError(
            "\(resultFile(index, in: configuration)) is a result of another sweep configuration (config hash \(hash.prefix(12)), \(configuration.source) has \(configuration.shortHash)): refusing to mix results; choose another directory"
        )
    }
}
