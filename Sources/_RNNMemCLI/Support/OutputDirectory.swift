import Foundation

/// A directory a command writes into (`--output-dir`, `--save`, `--figures`), created with its parents when
/// missing; an existing non-directory is an error naming the option.
struct OutputDirectory {
    /// The path as given.
    let path: String

    /// Creates the directory if needed; `option` names it in errors (e.g. `--save`).
    init(path: String, option: String) throws(CLIError) {
        if path.isEmpty { throw CLIError("\(option) is empty: give a directory") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CLIError("\(option) '\(path)' exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw FileSystemErrors.cannotCreateFolder(path, error: error)
            }
        }
        self.path = path
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }
}
