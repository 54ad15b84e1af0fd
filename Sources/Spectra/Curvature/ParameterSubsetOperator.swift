import MemoryNumerics
import Recurrent

/// The principal submatrix A_SS of a symmetric operator A of size P on the coordinates S of some parameter groups:
/// A_SS·u = [A·E_S u]_S, where E_S embeds u ∈ ℝ^|S| into ℝᴾ with zeros outside S.
///
/// Restricting a curvature operator to, say, the recurrent weights answers "what does the curvature look like
/// within this block, the others held fixed": the eigenvalues of A_SS interlace those of A (Cauchy's interlacing
/// theorem; Horn & Johnson, *Matrix Analysis*, 2nd ed. 2013, Thm 4.3.28), tr A_SS = Σ_{i∈S} A_ii, and every
/// Krylov tool applies to it unchanged. Products cost one product of the full operator.
public struct ParameterSubsetOperator<Base: SymmetricLinearOperator>: SymmetricLinearOperator {
    /// The full operator.
    public let base: Base
    /// The groups kept, in the order of the full layout, and their ranges in the restricted coordinates.
    public let groups: [ParameterGroup]
    /// The coordinates of the full operator kept, ascending (S).
    public let indices: [Int]

    /// The restriction of `base` to the parameters of `selected` (names of groups of `layout`; any order, each
    /// once).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for an unknown or repeated group name, no
    ///   group, or a layout that does not cover the operator's dimension.
    public init(_ base: Base, layout: [ParameterGroup], selected: [String]) throws {
        guard !selected.isEmpty else {
            throw SpectraError.invalidArgument(argument: "groups", message: "no parameter group selected")
        }
        let known = Set(layout.map(\.name))
        var seen: Set<String> = []
        for name in selected {
            guard known.contains(name) else {
                throw SpectraError.invalidArgument(
                    argument: "groups",
                    message: "no parameter group '\(name)'; the model has \(layout.map(\.name).joined(separator: ", "))"
                )
            }
            guard seen.insert(name).inserted else {
                throw SpectraError.invalidArgument(argument: "groups", message: "group '\(name)' is given twice")
            }
        }
        guard let last = layout.map(\.range.upperBound).max(), last == base.dimension,
            layout.allSatisfy({ $0.range.lowerBound >= 0 })
        else {
            throw SpectraError.invalidArgument(
                argument: "layout", message: "the groups do not cover the operator's \(base.dimension) coordinates")
        }
        var kept: [ParameterGroup] = []
        var indices: [Int] = []
        for g in layout.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where seen.contains(g.name) {
            let start = indices.count
            indices.append(contentsOf: g.range)
            kept.append(ParameterGroup(name: g.name, range: start..<indices.count, shape: g.shape, kind: g.kind))
        }
        self.base = base
        self.groups = kept
        self.indices = indices
    }

    public var dimension: Int { indices.count }

    public func apply(_ vector: [Double]) throws -> [Double] {
        guard vector.count == indices.count else {
            throw SpectraError.invalidArgument(
                argument: "vector", message: "\(vector.count) values for \(indices.count) selected parameters")
        }
        var full = [Double](repeating: 0, count: base.dimension)
        for (k, i) in indices.enumerated() { full[i] = vector[k] }
        let product = try base.apply(full)
        return indices.map { product[$0] }
    }

    /// E_S u: a restricted vector embedded in the full parameter layout (zeros outside S).
    public func embedded(_ vector: [Double]) -> [Double] {
        var full = [Double](repeating: 0, count: base.dimension)
        for (k, i) in indices.enumerated() where k < vector.count { full[i] = vector[k] }
        return full
    }
}
