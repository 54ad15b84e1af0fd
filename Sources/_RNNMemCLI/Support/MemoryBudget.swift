import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory a command may plan to use, checked before large allocations so that a size typo gives a one-line
/// error instead of exhausting the machine.
///
/// The limit is the smallest of
/// - half the memory: half the physical memory (at least 1 GiB) or half the cgroup's memory limit
///   (`/sys/fs/cgroup/memory.max`, cgroup v1 `memory/memory.limit_in_bytes`) when that is smaller — or, replacing
///   this part, the byte count in the environment variable `RNNMEM_MEMORY_LIMIT` (`8000000000`, `8G`, `512M`, `2T`,
///   `64K`: powers of 1024) for machines or jobs where that default is wrong;
/// - 80 % of the address space the process may still map under `ulimit -v` (`RLIMIT_AS` less the process's
///   current virtual size, `VmSize`): past it an allocation fails and the process traps, whatever the variable says
///   (the 20 % are for the allocator's and the libraries' own mappings).
///
/// Every command that sizes an allocation from its options estimates the bytes first (the values, their
/// workspace and the text of the output) and calls ``check(bytes:for:)``; reading an input file is bounded by the
/// same limit (``inputByteLimit``).
enum MemoryBudget {
    /// The environment variable that overrides the limit.
    static let environmentVariable = "RNNMEM_MEMORY_LIMIT"

    /// The share of the address space left under `ulimit -v` that a command may plan to use.
    static let addressSpaceShare = 0.8

    /// A limit in bytes and where it comes from (named in the error).
    struct Limit: Equatable {
        let bytes: Double
        let source: Source

        enum Source: Equatable {
            case physicalMemory, cgroup, environment, addressSpace
        }

        /// What the error says about the limit: where it comes from and how to raise it.
        var remedy: String {
            switch source {
            case .physicalMemory, .cgroup, .environment: return "set \(environmentVariable) to raise the limit"
            case .addressSpace:
                return "80% of the address space left under 'ulimit -v'; raise 'ulimit -v' to raise the limit"
            }
        }
    }

    /// The default limit from the machine's figures (all in bytes; nil when there is no such bound):
    /// min(max(physical/2, 1 GiB), cgroup/2, 0.8·(address-space limit − address space in use)), where the first two
    /// are replaced by `override` (`RNNMEM_MEMORY_LIMIT`) when given.
    static func limit(
        physicalMemory: Double, cgroupLimit: Double?, addressSpaceLimit: Double?, addressSpaceInUse: Double,
        override: Double? = nil
    ) -> Limit {
        var limit: Limit
        if let override {
            limit = Limit(bytes: override, source: .environment)
        } else {
            limit = Limit(bytes: max(Double(1 << 30), physicalMemory / 2), source: .physicalMemory)
            if let cgroupLimit, cgroupLimit / 2 < limit.bytes { limit = Limit(bytes: cgroupLimit / 2, source: .cgroup) }
        }
        if let addressSpaceLimit {
            let room = addressSpaceShare * max(0, addressSpaceLimit - addressSpaceInUse)
            if room < limit.bytes { limit = Limit(bytes: room, source: .addressSpace) }
        }
        return limit
    }

    /// The limit of this process: ``limit(physicalMemory:cgroupLimit:addressSpaceLimit:addressSpaceInUse:override:)``
    /// with the machine's figures and `RNNMEM_MEMORY_LIMIT`.
    static func currentLimit() throws(CLIError) -> Limit {
        var override: Double?
        if let text = ToolEnvironment.value(environmentVariable) {
            guard let bytes = parseBytes(text) else {
                throw CLIError(
                    "\(environmentVariable)='\(text)' is not a byte count (give e.g. 8000000000, 8G, 512M)")
            }
            override = bytes
        }
        return limit(
            physicalMemory: Double(ProcessInfo.processInfo.physicalMemory),
            cgroupLimit: override == nil ? cgroupMemoryLimit() : nil, addressSpaceLimit: addressSpaceLimit(),
            addressSpaceInUse: addressSpaceInUse(), override: override)
    }

    /// The limit in bytes (``currentLimit()``).
    static func limit() throws(CLIError) -> Double { try currentLimit().bytes }

    /// The cgroup's memory limit: v2 `/sys/fs/cgroup/memory.max`, else v1 `/sys/fs/cgroup/memory/
    /// memory.limit_in_bytes`; nil when unlimited or unreadable.
    static func cgroupMemoryLimit() -> Double? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return cgroupLimit(text) }
        }
        return nil
    }

    /// A cgroup memory limit file's value: nil for `max` (v2) or the v1 "unlimited" value (about 2⁶³).
    static func cgroupLimit(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0, value < 0x1p60
        else { return nil }
        return value
    }

    /// The soft `RLIMIT_AS` (`ulimit -v`) in bytes; nil when unlimited.
    static func addressSpaceLimit() -> Double? {
        var limit = rlimit()
        #if os(Linux)
            let status = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
            let status = getrlimit(RLIMIT_AS, &limit)
        #endif
        guard status == 0, limit.rlim_cur < 1 << 62 else { return nil }
        return Double(limit.rlim_cur)
    }

    /// The process's virtual size (`VmSize` of `/proc/self/status`) in bytes; 0 where it cannot be read.
    static func addressSpaceInUse() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        return virtualSize(status) ?? 0
    }

    /// `VmSize:   123456 kB` of a `/proc/<pid>/status` text, in bytes.
    static func virtualSize(_ status: String) -> Double? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmSize:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Double(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }

    /// `8G` → 8·2³⁰, `512M`, `64K`, `2T`, or a plain number of bytes; nil when not a positive count.
    static func parseBytes(_ text: String) -> Double? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        if digits.hasSuffix("B") { digits.removeLast() }
        var factor = 1.0
        for (suffix, power) in [("K", 1.0), ("M", 2.0), ("G", 3.0), ("T", 4.0)] where digits.hasSuffix(suffix) {
            factor = pow(1024, power)
            digits.removeLast()
        }
        guard let value = Double(digits), value.isFinite, value > 0 else { return nil }
        return value * factor
    }

    /// Throws when `bytes` exceed ``limit()``; `what` names the request (the file or the options at fault).
    static func check(bytes: Double, for what: String) throws(CLIError) {
        let limit = try currentLimit()
        guard bytes.isFinite, bytes <= limit.bytes else {
            throw CLIError(
                "\(what) needs about \(gigabytes(bytes)) of memory, more than the \(gigabytes(limit.bytes)) this "
                    + "command may use (\(limit.remedy))")
        }
    }

    /// The largest input file read: a quarter of the limit (the bytes, their parse and the values as doubles
    /// hold about four times the file's size).
    static func inputByteLimit() throws(CLIError) -> Int { Int(min(try limit() / 4, Double(Int.max / 2))) }

    /// The bytes of the text of `count` numbers written by ``OutputOptions/emit(to:plain:json:)``, measured with
    /// `/usr/bin/time -v` on `weights`, `acvf` and `simulate` (see ``numbersBytes(count:json:)``): plain text
    /// reserves 25 bytes a number (its longest line, `-2.2250738585072014e-308` and a newline); JSON writes up to 26
    /// (`…e-308, `) into a string that grows by doubling and at its last growth briefly holds the old and the new
    /// buffer, up to three times its length.
    static func outputTextBytes(numbers count: Int, json: Bool) -> Double {
        (json ? 3 * 26 : 25) * Double(count)
    }

    /// The memory of a command that computes `count` numbers with `workspace` doubles of work space per number
    /// (the result included) and prints them: 8·workspace·count bytes and ``outputTextBytes(numbers:json:)``.
    static func numbersBytes(count: Int, workspace: Double, json: Bool) -> Double {
        8 * workspace * Double(count) + outputTextBytes(numbers: count, json: json)
    }

    /// A byte count in GB, two significant digits.
    static func gigabytes(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "∞ GB" }
        return String(format: "%.2g GB", bytes / 1e9)
    }

    /// An estimate of the memory of running `model`-like networks on T × B sequences: the tape of a forward pass
    /// holds, per step and sequence, the inputs, the outputs, and (generously) six values per state row for the
    /// states and gate activations; a gradient doubles it (the backward pass's buffers) and a Hessian-vector
    /// product, on dual numbers, doubles that again.
    static func networkBytes(
        steps: Int, batchSize: Int, inputSize: Int, outputSize: Int, stateSize: Int,
        parameterCount: Int, derivative: Derivative
    ) -> Double {
        let perColumn = Double(inputSize + outputSize + 6 * stateSize)
        let forward = 8 * Double(steps) * Double(batchSize) * perColumn + 8 * Double(parameterCount)
        switch derivative {
        case .none: return forward
        case .gradient: return 2 * forward
        case .hessianVectorProduct: return 4 * forward
        }
    }

    /// The deepest derivative a command computes.
    enum Derivative {
        case none, gradient, hessianVectorProduct
    }
}
