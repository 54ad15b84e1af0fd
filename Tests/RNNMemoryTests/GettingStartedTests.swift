// The code of the Getting Started article (Sources/RNNMemory/RNNMemory.docc/GettingStarted.md), compiled and run.
//
// Every region between a `// snippet: NAME` line and the next `// end snippet` line is one code block of the
// article: the last test below checks that the article's ```swift blocks, in order, equal these regions, in order,
// byte for byte (after removing the marker line's indentation). Edit a snippet here, then copy it into the article;
// the test names the first block and line that differ.
import Foundation
import Testing
import _TestSupport
// snippet: import
import RNNMemory
// end snippet

@Suite("Getting Started article")
struct GettingStartedTests {
    @Test("Task 1: fractionally difference an array and integrate it back")
    func fractionalDifference() throws {
        // snippet: fractional-difference
        let x: [Double] = [1, 2, 4, 7, 0]
        // (1 − B)^½ x with the type-II convention: x_t = 0 before the sample, no demeaning.
        let y = try FractionalFilter.difference(x, d: 0.5).values
        // y = [1, 1.5, 2.875, 4.6875, -4.1640625]
        let back = try FractionalFilter.integrate(y, d: 0.5).values
        // back = x, up to rounding: the type-II filters with d and −d are exact inverses.
        // end snippet
        #expect(TestSupport.maxAbsError(y, [1, 1.5, 2.875, 4.6875, -4.1640625]) < 1e-12)
        #expect(TestSupport.maxAbsError(back, x) < 1e-12)
    }

    @Test("Task 2: estimate d by local Whittle on an exact ARFIMA(0, 0.3, 0) sample")
    func localWhittle() throws {
        // snippet: local-whittle
        // An exact ARFIMA(0, 0.3, 0) sample of length 4096 (Davies–Harte circulant embedding), fixed seed.
        let series = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 4096, seed: 42)
        // Local Whittle (Robinson 1995) with the default bandwidth m = ⌊n^0.65⌋ = 222.
        let estimate = try LocalWhittle.estimate(series)
        let d = estimate.d  // close to 0.3
        let standardError = estimate.standardError  // 1/(2√m) = 0.0336
        let interval = estimate.confidenceInterval  // d ± 1.96 s.e.
        // end snippet
        #expect(estimate.bandwidth == 222)
        #expect(abs(standardError - 1 / (2 * Double(222).squareRoot())) < 1e-12)
        // Fixed seed: the estimate is one number; it must lie within 3 standard errors of the true d.
        #expect(abs(d - 0.3) < 3 * standardError, "d̂ = \(d)")
        #expect(interval.lower < d && d < interval.upper && interval.level == 0.95)
    }

    @Test("Task 3: train an LSTM on delayed recall and take a Hessian-vector product")
    func lstmHessianVectorProduct() throws {
        // snippet: lstm-hvp
        // Recall the input 3 steps back; fixed validation data come from the task's seed.
        let recall = DelayedRecallConfiguration(delay: 3, sequenceLength: 20, batchSize: 16, evaluationBatchSize: 64)
        let task = try DelayedRecallTask(configuration: recall, seed: 1)
        let lstm = try LSTM(inputSize: 1, hiddenSize: 8, outputSize: 1, seed: 1)
        let training = TrainingConfiguration(length: .steps(60), seed: 2)
        let run = try Trainer(model: lstm, task: task, configuration: training).run()
        let trained = run.model

        // H·v, H = ∂²L/∂θ² of the masked loss on a fresh batch, exact (forward-over-reverse).
        var rng = SeededRandom(seed: 3)
        let batch = try task.trainingBatch(step: 0, using: &rng)
        let v = rng.gaussians(trained.parameterCount)
        let hvp = try trained.hessianVectorProduct(on: batch, direction: v)
        // hvp.loss, hvp.gradient (∇L) and hvp.product (H·v), all at the trained parameters.
        // end snippet
        #expect(run.summary.steps == 60)
        #expect(hvp.product.count == trained.parameterCount)
        // The product equals the central difference of exact gradients along v: (∇L(θ + hv) − ∇L(θ − hv))/2h.
        let h = 1e-5
        func gradient(at shift: Double) throws -> [Double] {
            var model = trained
            try model.setParameters(zip(trained.parameters, v).map { $0 + shift * $1 })
            return try model.lossAndGradient(on: batch).gradient
        }
        let plus = try gradient(at: h), minus = try gradient(at: -h)
        let difference = zip(plus, minus).map { ($0 - $1) / (2 * h) }
        #expect(TestSupport.maxRelativeError(hvp.product, difference) < 1e-6)
    }

    @Test("The article's Swift code blocks are this file's snippets, in order, byte for byte")
    func articleMatchesSnippets() throws {
        let root = TestSupport.packageRoot
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/RNNMemory/RNNMemory.docc/GettingStarted.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let snippets = try DocumentationSnippets.regions(in: source)
        let blocks = DocumentationSnippets.swiftBlocks(in: article)
        #expect(snippets.map(\.name) == ["import", "fractional-difference", "local-whittle", "lstm-hvp"])
        #expect(
            blocks.count == snippets.count,
            "the article has \(blocks.count) swift blocks, this file \(snippets.count) snippets")
        for (index, (block, snippet)) in zip(blocks, snippets).enumerated() {
            if let line = DocumentationSnippets.firstDifference(block, snippet.text) {
                Issue.record(
                    "GettingStarted.md swift block \(index + 1) differs from snippet '\(snippet.name)' at its line \(line)"
                )
            }
        }
    }
}

/// Extraction of marked regions from Swift source and of fenced Swift blocks from Markdown.
enum DocumentationSnippets {
    struct Region: Equatable {
        let name: String
        /// The region's lines without the marker's indentation, each followed by "\n".
        let text: String
    }

    struct MarkerError: Error, CustomStringConvertible {
        let description: String
    }

    /// Regions between `// snippet: NAME` and `// end snippet`, in order.
    static func regions(in source: String) throws -> [Region] {
        var regions: [Region] = []
        var current: (name: String, indent: Int, lines: [String])? = nil
        for (number, line) in lines(source).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("// snippet: ") {
                guard current == nil else { throw MarkerError(description: "line \(number + 1): nested snippet") }
                current = (String(trimmed.dropFirst("// snippet: ".count)), line.count - trimmed.count, [])
            } else if trimmed == "// end snippet" {
                guard let region = current else { throw MarkerError(description: "line \(number + 1): stray end") }
                regions.append(Region(name: region.name, text: region.lines.map { $0 + "\n" }.joined()))
                current = nil
            } else if let region = current {
                let indent = line.prefix { $0 == " " }.count
                guard line.isEmpty || indent >= region.indent else {
                    throw MarkerError(description: "line \(number + 1): less indented than its snippet marker")
                }
                current?.lines.append(String(line.dropFirst(min(indent, region.indent))))
            }
        }
        if let region = current { throw MarkerError(description: "snippet '\(region.name)' is not closed") }
        return regions
    }

    /// Contents of the ```swift fenced blocks, in order, each line followed by "\n".
    static func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [String]? = nil
        for line in lines(markdown) {
            guard let block = current else {
                if line == "```swift" { current = [] }
                continue
            }
            if line == "```" {
                blocks.append(block.map { $0 + "\n" }.joined())
                current = nil
            } else {
                current = block + [line]
            }
        }
        return blocks
    }

    /// 1-based number of the first line at which a and b differ (nil when equal).
    static func firstDifference(_ a: String, _ b: String) -> Int? {
        if a == b { return nil }
        let la = lines(a), lb = lines(b)
        for i in 0..<max(la.count, lb.count) where i >= la.count || i >= lb.count || la[i] != lb[i] {
            return i + 1
        }
        return max(la.count, lb.count) + 1
    }

    private static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
