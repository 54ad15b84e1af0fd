import ArgumentParser
import Foundation
import RNNMemory

/// `--save DIR`: write a verb's arrays as NumPy `.npy` files (float64, C order; `numpy.load` reads back the exact
/// values), one file `<name>.npy` per array, into DIR (created if needed).
///
/// A verb declares `@OptionGroup var save: SaveOptions`, collects its arrays in a ``SafetensorsFile`` (the same
/// names and shapes as its `--output` safetensors file, if it has one) and calls ``write(_:)``.
struct SaveOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write the arrays as NumPy .npy files (float64) to this directory (created if needed).",
            valueName: "dir"))
    var save: String?

    /// Writes every tensor of `arrays` as `<dir>/<name>.npy` ('/' in a name becomes '_'); returns the paths
    /// written in name order (empty without `--save`).
    @discardableResult
    func write(_ arrays: SafetensorsFile) throws(CLIError) -> [String] {
        guard let save else { return [] }
        let directory = try OutputDirectory(path: save, option: "--save")
        var paths: [String] = []
        for name in arrays.names {
            guard let tensor = arrays.tensors[name] else { continue }
            let path = directory.file(Self.fileName(name))
            do {
                try NumPyArray(tensor).write(to: path)
            } catch {
                throw CLIError(error.description)
            }
            paths.append(path)
        }
        return paths
    }

    /// `<name>.npy` with path separators replaced.
    static func fileName(_ name: String) -> String {
        name.replacingOccurrences(of: "/", with: "_") + ".npy"
    }
}
