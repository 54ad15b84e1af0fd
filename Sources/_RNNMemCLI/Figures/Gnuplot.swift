import Foundation

/// Runs gnuplot, if it is installed, to turn a script into SVG files. rnnmem never requires gnuplot: without it the
/// figure data (CSV) and the script are still written, and the report says how to get the plots.
enum Gnuplot {
    /// How to install it on Debian/Ubuntu (the headless build has the SVG terminal).
    static let installHint = "apt-get install gnuplot-nox"

    /// The gnuplot executable: `$RNNMEM_GNUPLOT` if set (empty disables gnuplot), else the first `gnuplot` on PATH.
    static func executable() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let override = env["RNNMEM_GNUPLOT"] {
            guard !override.isEmpty, FileManager.default.isExecutableFile(atPath: override) else { return nil }
            return URL(fileURLWithPath: override)
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Run `gnuplot SCRIPT` in `directory`; returns nil on success, else gnuplot's error output (or why it could
    /// not start).
    static func run(script: String, in directory: String, executable: URL) -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = [script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot start \(executable.path): \(error.localizedDescription)"
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return nil }
        let text = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        return "gnuplot exited with status \(process.terminationStatus)"
            + (text.isEmpty ? "" : ": " + text.suffix(2).joined(separator: "; "))
    }
}
