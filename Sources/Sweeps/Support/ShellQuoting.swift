import Foundation

/// Quoting for POSIX shells (sh, bash): a word made only of safe characters stays bare, anything else is put in
/// single quotes with each `'` written as `'\''`.
public enum ShellQuoting {
    /// `word` as one shell word.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty && word.unicodeScalars.allSatisfy(isSafe) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words quoted and joined by spaces: a command line that reproduces the argument list exactly.
    public static func commandLine(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "@%+=:,./_-".unicodeScalars.contains(scalar)
    }
}
