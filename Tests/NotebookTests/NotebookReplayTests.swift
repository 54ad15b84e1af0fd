import Foundation
import Testing
import _TestSupport

/// The notebooks in `notebooks-md/`: file names `NN-topic.md`.
enum NotebookCatalog {
    static var folder: URL { TestSupport.packageRoot.appendingPathComponent("notebooks-md") }

    /// File names `NN-topic.md` in `notebooks-md/`, sorted.
    static var notebooks: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isNotebookName).sorted()
    }

    static func isNotebookName(_ name: String) -> Bool {
        let chars = Array(name)
        return chars.count > 6 && chars[0].isASCII && chars[0].isNumber && chars[1].isASCII && chars[1].isNumber
            && chars[2] == "-" && name.hasSuffix(".md")
    }
}

/// Replays the ```console blocks of every `notebooks-md/NN-*.md` with the built `rnnmem` binary in the package
/// root (syntax and matching rules: top of `ConsoleTranscript.swift`). One test case per notebook; each failure
/// names the notebook, the block, the command and the line, and is reported at that line of the notebook.
@Suite("Notebook replay")
struct NotebookReplayTests {
    @Test("notebooks-md/ exists and the rnnmem binary is built")
    func folderAndBinaryExist() {
        var isDirectory: ObjCBool = false
        #expect(
            FileManager.default.fileExists(atPath: NotebookCatalog.folder.path, isDirectory: &isDirectory)
                && isDirectory.boolValue, "missing folder \(NotebookCatalog.folder.path)")
        #expect(
            FileManager.default.isExecutableFile(atPath: TestSupport.rnnmemBinary.path),
            "the rnnmem binary is not at \(TestSupport.rnnmemBinary.path)")
    }

    @Test("replay console blocks", arguments: NotebookCatalog.notebooks)
    func replay(notebook: String) throws {
        let url = NotebookCatalog.folder.appendingPathComponent(notebook)
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let replayer = NotebookReplayer(root: TestSupport.packageRoot)
        for failure in try replayer.failures(markdown: markdown, name: "notebooks-md/\(notebook)") {
            Issue.record(
                Comment(rawValue: failure.message),
                sourceLocation: SourceLocation(
                    fileID: "rnnmem/notebooks-md/\(notebook)", filePath: url.path, line: max(1, failure.line), column: 1
                ))
        }
    }
}
