import Foundation
import MemoryNumerics

/// Shared helpers for rnnmem's test targets: error measures against reference literals, fixed-seed generators,
/// finite differences and a runner for the built `rnnmem` binary.
public enum TestSupport {
    /// |a − b| / max(|b|, tiny).
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / max(abs(b), Double.leastNormalMagnitude)
    }

    /// max_i |a_i − b_i|; +∞ if the lengths differ.
    public static func maxAbsError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// max_i |a_i − b_i| / max(‖b‖_∞, tiny); +∞ if the lengths differ.
    public static func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        let scale = max(b.reduce(0) { max($0, abs($1)) }, Double.leastNormalMagnitude)
        return maxAbsError(a, b) / scale
    }

    /// A generator with a fixed seed, one per test, so every test is reproducible on its own.
    public static func rng(_ seed: UInt64 = 20_261_121, stream: UInt64 = 0) -> SeededRandom {
        SeededRandom(seed: seed, stream: stream)
    }

    /// Central finite-difference gradient of f at x with relative step h·max(1, |x_i|).
    public static func finiteDifferenceGradient(
        _ f: ([Double]) throws -> Double, at x: [Double], step h: Double = 1e-6
    ) rethrows -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        var xp = x
        for i in x.indices {
            let e = h * max(1, abs(x[i]))
            xp[i] = x[i] + e
            let fp = try f(xp)
            xp[i] = x[i] - e
            let fm = try f(xp)
            xp[i] = x[i]
            g[i] = (fp - fm) / (2 * e)
        }
        return g
    }

    /// Path to the built `rnnmem` executable: `$RNNMEM_BINARY` if set, else next to the running test bundle.
    public static var rnnmemBinary: URL {
        if let p = ProcessInfo.processInfo.environment["RNNMEM_BINARY"] { return URL(fileURLWithPath: p) }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // On Linux the test binary is <build>/debug/rnnmemPackageTests.xctest; the tool sits beside it.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("rnnmem")
    }

    /// The package root (the folder holding Package.swift), found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    public struct ProcessResult: Sendable {
        public let stdout: String
        public let stderr: String
        public let status: Int32
    }

    /// Run the built `rnnmem` with `arguments` (and optional standard input) in `directory`.
    public static func runRNNMem(
        _ arguments: [String], stdin: String? = nil, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> ProcessResult {
        try run(rnnmemBinary, arguments, stdin: stdin, directory: directory, environment: environment)
    }

    /// Run an executable and capture its output.
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so a large output cannot deadlock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = outPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        // A child that exits without reading its input (an argument error) closes the pipe; with SIGPIPE ignored
        // the write then fails with EPIPE instead of killing the test process, whoever wins the race.
        _ = brokenPipeIgnored
        if let stdin { try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return ProcessResult(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// SIGPIPE ignored for the whole test process, once (writing to a pipe whose reader has exited must be an
    /// error to handle, not a signal that ends every test running in the process).
    private static let brokenPipeIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// A fresh temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnmem-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
