import ArgumentParser
import Foundation

/// Rewrites the arguments before ArgumentParser sees them, so that a negative number can be the value of an
/// option: ArgumentParser reads a token starting with `-` as an option name, so `--tolerance -1` would otherwise be
/// "missing value for '--tolerance'". Every `--name VALUE` where `--name` is an option taking a value (not a flag)
/// of the command being parsed and VALUE looks like a negative number (`-1`, `-0.3`, `-1e-5`, `-.5`, `-inf`, or a
/// comma list starting with one, `-0.5,0.2`, or any value starting with a minus sign and a digit, `-1/2`) becomes `--name=VALUE`, which ArgumentParser parses as the value.
/// The command then validates the number as it does any other value (so `--window -1` says that the window
/// must be ≥ 1).
enum ArgumentPreprocessing {
    /// The arguments with negative values joined to their options.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(arguments.count)
        var node = OptionTree.root
        var descending = true
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                out.append(contentsOf: arguments[index...])
                break
            }
            if descending, let child = node.subcommands[argument] {
                node = child
                out.append(argument)
                index += 1
                continue
            }
            if argument.hasPrefix("-") { descending = false }
            if argument.hasPrefix("--"), !argument.contains("="), node.valueOptions.contains(argument),
                index + 1 < arguments.count, looksNegative(arguments[index + 1])
            {
                out.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            out.append(argument)
            index += 1
        }
        return out
    }

    /// `-1`, `-0.25`, `-1e-3`, `-.5`, `-inf`, `-nan`, comma lists whose first item is one of these, and any other token
    /// of a minus sign followed by a digit or a point (`-1:0.3`, `-1/2`).
    static func looksNegative(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count >= 2 else { return false }
        let item = token.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let first = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let body = first.dropFirst()
        if body.lowercased() == "inf" || body.lowercased() == "infinity" || body.lowercased() == "nan" {
            return true
        }
        // Every option name starts with a letter, so a token of a minus sign followed by a digit or a point is a value:
        // a number, or a value that holds one first (`-1:0.3` of --acf, `-1/2` of --shard), which the option then
        // validates with a message naming it.
        guard let lead = body.first, lead.isASCII, lead.isNumber || lead == "." else { return false }
        return true
    }

    /// The options that take a value, per command, read once from ArgumentParser's description of the tool.
    final class OptionTree: Sendable {
        let valueOptions: Set<String>
        let subcommands: [String: OptionTree]

        init(valueOptions: Set<String>, subcommands: [String: OptionTree]) {
            self.valueOptions = valueOptions
            self.subcommands = subcommands
        }

        static let root: OptionTree = {
            guard let data = RNNMem._dumpHelp().data(using: .utf8),
                let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let command = document["command"] as? [String: Any]
            else { return OptionTree(valueOptions: [], subcommands: [:]) }
            return tree(command, inherited: [])
        }()

        private static func tree(_ command: [String: Any], inherited: Set<String>) -> OptionTree {
            var options = inherited
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option"
            {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    if let text = name["name"] as? String { options.insert("--" + text) }
                }
            }
            var children: [String: OptionTree] = [:]
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                let child = tree(sub, inherited: [])
                if let name = sub["commandName"] as? String { children[name] = child }
                for alias in sub["aliases"] as? [String] ?? [] { children[alias] = child }
            }
            return OptionTree(valueOptions: options, subcommands: children)
        }
    }
}
