import Foundation
import Testing

/// The fuzz harness in the default suite: a fixed range of seeds of ``FuzzCampaign``, one case per template (every
/// verb, about 15 s of one core in a debug build), every case
/// exit 0 with finite output or exit 2 with one bounded error line, never a trap. `scripts/fuzz.sh` runs the same
/// cases on many more seeds: it sets `RNNMEM_FUZZ_FIRST`, `RNNMEM_FUZZ_CASES`, `RNNMEM_FUZZ_TRACE` (the case
/// being run, to find a trap) and `RNNMEM_FUZZ_REPORT` (where the counts and the defects are written; with
/// `RNNMEM_FUZZ_ERRORS=1` also every error line).
@Suite("Fuzz: generated and mutated inputs and arguments")
struct FuzzTests {
    @Test("every case: exit 0 with finite output or exit 2 with one bounded error line")
    func campaign() async throws {
        let environment = ProcessInfo.processInfo.environment
        let first = environment["RNNMEM_FUZZ_FIRST"].flatMap { UInt64($0) } ?? 1
        // By default one case per template: every verb once.
        let count = environment["RNNMEM_FUZZ_CASES"].flatMap { Int($0) } ?? FuzzCampaign.templates.count
        let outcome = try await FuzzCampaign.run(
            first: first, count: count, trace: environment["RNNMEM_FUZZ_TRACE"],
            keepErrors: environment["RNNMEM_FUZZ_ERRORS"] == "1")
        if let report = environment["RNNMEM_FUZZ_REPORT"] {
            var text =
                "cases \(outcome.cases) exit0 \(outcome.succeeded) exit2 \(outcome.failed) "
                + "defects \(outcome.defects.count)\n"
            for defect in outcome.defects { text += "defect \(defect)\n" }
            for error in outcome.errors { text += "error \(error.replacingOccurrences(of: "\n", with: " "))\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: report))
        }
        #expect(outcome.cases == count)
        #expect(
            outcome.defects.isEmpty,
            "\(outcome.defects.count) defects:\n\(outcome.defects.prefix(20).joined(separator: "\n"))")
    }
}
