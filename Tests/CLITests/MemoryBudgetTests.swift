import Foundation
import Testing
@testable import _RNNMemCLI
import _TestSupport

/// The memory limit (physical memory, cgroup, `ulimit -v`, `RNNMEM_MEMORY_LIMIT`) and the estimates checked against
/// it: a size that would not fit is refused with status 2 before anything is allocated, never a trap.
@Suite("Memory budget: the limit and the estimates")
struct MemoryBudgetTests {
    static let gib = Double(1 << 30)

    @Test(
        "the default limit is the smallest of half the memory, half the cgroup limit and 80% of the address space left")
    func defaultLimit() {
        let physical = MemoryBudget.limit(
            physicalMemory: 16 * Self.gib, cgroupLimit: nil, addressSpaceLimit: nil, addressSpaceInUse: 0)
        #expect(physical == .init(bytes: 8 * Self.gib, source: .physicalMemory))
        // At least 1 GiB of a small machine's memory.
        #expect(
            MemoryBudget.limit(
                physicalMemory: Self.gib, cgroupLimit: nil, addressSpaceLimit: nil, addressSpaceInUse: 0
            ).bytes
                == Self.gib)
        let cgroup = MemoryBudget.limit(
            physicalMemory: 16 * Self.gib, cgroupLimit: 4 * Self.gib, addressSpaceLimit: nil, addressSpaceInUse: 0)
        #expect(cgroup == .init(bytes: 2 * Self.gib, source: .cgroup))
        // ulimit -v 6000000 (KiB), 0.4 GB mapped at start: 0.8 · (6.144 − 0.4) GB.
        let addressSpace = MemoryBudget.limit(
            physicalMemory: 64 * Self.gib, cgroupLimit: nil, addressSpaceLimit: 6_000_000 * 1024,
            addressSpaceInUse: 0.4e9)
        #expect(addressSpace.source == .addressSpace)
        #expect(abs(addressSpace.bytes - 0.8 * (6_144_000_000 - 0.4e9)) < 1)
        #expect(addressSpace.remedy.contains("ulimit -v"))
        // RNNMEM_MEMORY_LIMIT replaces the share of the memory, not the address space the kernel will map.
        let overridden = MemoryBudget.limit(
            physicalMemory: 64 * Self.gib, cgroupLimit: 2 * Self.gib, addressSpaceLimit: 6_000_000 * 1024,
            addressSpaceInUse: 0.4e9, override: 6 * Self.gib)
        #expect(overridden == addressSpace)
        let small = MemoryBudget.limit(
            physicalMemory: 64 * Self.gib, cgroupLimit: 2 * Self.gib, addressSpaceLimit: 6_000_000 * 1024,
            addressSpaceInUse: 0.4e9, override: 64 * 1024 * 1024)
        #expect(small == .init(bytes: 64 * 1024 * 1024, source: .environment))
        #expect(small.remedy.contains("RNNMEM_MEMORY_LIMIT"))
        // More mapped than the limit: nothing left.
        #expect(
            MemoryBudget.limit(
                physicalMemory: 16 * Self.gib, cgroupLimit: nil, addressSpaceLimit: 1e8, addressSpaceInUse: 2e8
            ).bytes
                == 0)
    }

    @Test("the system's figures: cgroup files, VmSize of /proc/self/status, RLIMIT_AS")
    func systemFigures() {
        #expect(MemoryBudget.cgroupLimit("max\n") == nil)
        #expect(MemoryBudget.cgroupLimit("9223372036854771712\n") == nil)  // cgroup v1: unlimited
        #expect(MemoryBudget.cgroupLimit("4294967296\n") == 4_294_967_296)
        #expect(MemoryBudget.cgroupLimit("") == nil)
        #expect(
            MemoryBudget.virtualSize("Name:\trnnmem\nVmPeak:\t  999 kB\nVmSize:\t  123456 kB\n")
                == Double(123_456 * 1024))
        #expect(MemoryBudget.virtualSize("Name:\trnnmem\n") == nil)
        #if os(Linux)
            // This process maps something, and less than the machine's memory plus its swap could ever back.
            #expect(MemoryBudget.addressSpaceInUse() > 0)
        #endif
    }

    @Test("the text estimate is never outgrown: the longest numbers in plain text and JSON")
    func textEstimate() {
        let longest = [Double](repeating: -2.2250738585072014e-308, count: 1000)
        let plain = NumberText.lines(longest)
        #expect(plain.utf8.count <= Int(MemoryBudget.outputTextBytes(numbers: longest.count, json: false)))
        #expect(plain.utf8.count == 25 * longest.count)
        // JSON: at most 26 bytes a number, counted three times for the string's last growth.
        let json = JSONValue.object([("weights", .numbers(longest))]).serialized
        #expect(Double(json.utf8.count) <= 26 * Double(longest.count) + 20)
        #expect(MemoryBudget.outputTextBytes(numbers: longest.count, json: true) == 3 * 26 * 1000)
        #expect(MemoryBudget.numbersBytes(count: 10, workspace: 5, json: false) == 8 * 5 * 10 + 25 * 10)
    }

    @Test("weights, acvf and simulate refuse a length past the limit, naming the option and the bytes")
    func refusedSizes() async {
        let limit = ["RNNMEM_MEMORY_LIMIT": "1G"]
        // 10⁸ weights: 8 bytes each and 25 of text = 3.3 GB; in JSON 86 bytes = 8.6 GB.
        CLI.expectError(
            await CLI.runInProcess(["weights", "--d", "0.3", "--length", "100000000"], environment: limit),
            "--length 100000000 needs about 3.3 GB of memory, more than the 1.1 GB", "RNNMEM_MEMORY_LIMIT")
        CLI.expectError(
            await CLI.runInProcess(["weights", "--d", "0.3", "--length", "100000000", "--json"], environment: limit),
            "--length 100000000 needs about 8.6 GB")
        // 3·10⁷ weights: 0.99 GB as plain text, 2.6 GB as JSON.
        CLI.expectError(
            await CLI.runInProcess(["weights", "--d", "0.3", "--length", "30000000", "--json"], environment: limit),
            "--length 30000000 needs about 2.6 GB")
        CLI.expectError(
            await CLI.runInProcess(
                ["acvf", "--d", "0.3", "--ar", "0.5", "--lags", "20000000"], environment: limit),
            "--lags 20000000 needs about 1.3 GB")
        CLI.expectError(
            await CLI.runInProcess(
                ["simulate", "fgn", "--hurst", "0.7", "--length", "7000000", "--seed", "1", "--json"],
                environment: limit),
            "--length 7000000 with --method davies-harte needs about 1.4 GB")
        // Below the limit the command runs.
        let small = await CLI.runInProcess(["weights", "--d", "0.3", "--length", "3"], environment: limit)
        #expect(small.status == 0 && CLI.lines(small.stdout).count == 3)
    }

    @Test("under ulimit -v the binary refuses what the address space cannot hold, instead of trapping")
    func addressSpaceLimit() throws {
        #if os(Linux)
            let script = "ulimit -v 3000000 && exec \"$0\" \"$@\""
            let shell = URL(fileURLWithPath: "/bin/sh")
            let binary = TestSupport.rnnmemBinary.path
            for (arguments, fragment) in [
                (["weights", "--d", "0.3", "--length", "100000000"], "--length 100000000 needs about 3.3 GB"),
                (["acvf", "--d", "0.3", "--ar", "0.5", "--lags", "100000000"], "--lags 100000000 needs about 6.5 GB"),
            ] {
                for environment in [[:], ["RNNMEM_MEMORY_LIMIT": "6G"]] {
                    let result = try TestSupport.run(
                        shell, ["-c", script, binary] + arguments, environment: environment)
                    CLI.expectError(result, fragment, "under 'ulimit -v'")
                }
            }
        #endif
    }
}
