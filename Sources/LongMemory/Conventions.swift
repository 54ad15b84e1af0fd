import MemoryNumerics

// # Conventions of module LongMemory (stated once, used everywhere)
//
// * Model: φ(B)(1−B)^d (X_t − μ) = θ(B) ε_t, ε_t i.i.d. (0, σ²), with φ(z) = 1 − φ₁z − … − φ_p z^p and the MA sign
//   of R `stats::arima`, statsmodels and longmemo: θ(z) = 1 + θ₁z + … + θ_q z^q. (R fracdiff and arfima use
//   θ(z) = 1 − θ₁z − …; negate their MA coefficients at the boundary.)
// * Memory parameter d; Hurst exponent H = d + ½. (−½, ½) is stationary and invertible, (0, ½) long memory, d < 0
//   antipersistent, [½, 1) nonstationary but mean-reverting.
// * Demeaning is never implicit: fractional filters take an explicit `demean` flag (default off). Sample
//   autocovariances are demeaned with divisor n (positive semi-definite).
// * Periodogram: I(λ) = |Σ_{t=1}^{n} x_t e^{−iλt}|² / (2πn) at Fourier frequencies λ_j = 2πj/n, j ≥ 1 (λ = 0 is
//   always excluded), on the scale of the spectral density f with γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ.
// * Spectral density of ARFIMA: f(λ) = (σ²/2π)·|1 − e^{−iλ}|^{−2d}·|θ(e^{−iλ})|²/|φ(e^{−iλ})|².
// * Finite-sample fractional filter ("type II"): x_t = 0 for t ≤ 0, so y_t = Σ_{j=0}^{t−1} π_j x_{t−j}. Arrays are
//   0-based; formulas in doc comments are 1-based as in the papers.

/// Errors of the long-memory layer; each names the argument or quantity at fault.
public enum LongMemoryError: Error, Equatable, CustomStringConvertible {
    /// An argument outside its valid range.
    case invalidArgument(name: String, value: String, requirement: String)
    /// A series too short for the request.
    case seriesTooShort(length: Int, needed: Int, purpose: String)
    /// A series containing NaN or infinity at a (0-based) index.
    case nonFinite(index: Int)
    /// A series holding a value that is not strictly positive (0-based index) where logarithms are taken.
    case nonPositive(index: Int, value: Double)
    /// A constant series where variation is required.
    case constantSeries
    /// The circulant embedding of an autocovariance has a negative eigenvalue (Davies–Harte impossible).
    case circulantNotNonnegative(minimumEigenvalue: Double, maximumEigenvalue: Double, length: Int)
    /// The autocovariance sequence is not positive definite (Durbin–Levinson breakdown).
    case notPositiveDefinite(step: Int)
    /// A numerical routine failed.
    case numerical(String)

    public var description: String {
        switch self {
        case let .invalidArgument(name, value, requirement):
            return "invalid \(name) = \(value): \(requirement)"
        case let .seriesTooShort(length, needed, purpose):
            return "series too short: \(length) observations, \(purpose) needs at least \(needed)"
        case let .nonFinite(index):
            return "the series holds a NaN or infinite value at observation \(index + 1)"
        case let .nonPositive(index, value):
            return "the series holds a value that is not positive (\(value)) at observation \(index + 1)"
        case .constantSeries:
            return "the series is constant"
        case let .circulantNotNonnegative(minEig, maxEig, length):
            return "the circulant embedding of length \(length) has a negative eigenvalue "
                + "(min \(minEig), max \(maxEig)): Davies–Harte simulation is not exact for this autocovariance; "
                + "use the Durbin–Levinson method"
        case let .notPositiveDefinite(step):
            return "the autocovariance sequence is not positive definite (Durbin–Levinson breakdown at lag \(step))"
        case let .numerical(s):
            return s
        }
    }
}

enum Validate {
    static func finite(_ x: [Double]) throws {
        for (i, v) in x.enumerated() where !v.isFinite { throw LongMemoryError.nonFinite(index: i) }
    }

    static func finite(_ value: Double, _ name: String) throws {
        guard value.isFinite else {
            throw LongMemoryError.invalidArgument(name: name, value: "\(value)", requirement: "must be finite")
        }
    }

    static func length(_ x: [Double], atLeast n: Int, for purpose: String) throws {
        guard x.count >= n else { throw LongMemoryError.seriesTooShort(length: x.count, needed: n, purpose: purpose) }
    }

    static func nonConstant(_ x: [Double]) throws {
        guard let f = x.first, x.contains(where: { $0 != f }) else { throw LongMemoryError.constantSeries }
    }

    /// A finite, strictly positive value (variances σ², scales).
    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw LongMemoryError.invalidArgument(name: name, value: "\(value)", requirement: "must be finite and > 0")
        }
    }

    /// A count or lag that must be ≥ 0.
    static func nonNegative(_ value: Int, _ name: String) throws {
        guard value >= 0 else {
            throw LongMemoryError.invalidArgument(name: name, value: "\(value)", requirement: "must be ≥ 0")
        }
    }

    /// Every coefficient finite; errors name the coefficient as `name[i]` (1-based, as in φ₁ … φ_p).
    static func finiteCoefficients(_ c: [Double], _ name: String) throws {
        for (i, v) in c.enumerated() where !v.isFinite {
            throw LongMemoryError.invalidArgument(
                name: "\(name)[\(i + 1)]", value: "\(v)", requirement: "must be finite")
        }
    }

    /// φ(z) = 1 − φ₁z − … − φ_p z^p has every root outside the unit circle (causal, stationary AR part).
    static func stationaryAR(_ ar: [Double]) throws {
        try finiteCoefficients(ar, "ar")
        guard ar.contains(where: { $0 != 0 }) else { return }
        try rootsOutsideUnitCircle(try Polynomials.smallestRootModulus(oneMinus: ar), ar, "ar", "AR", "not stationary")
    }

    /// θ(z) = 1 + θ₁z + … + θ_q z^q has every root outside the unit circle (invertible MA part).
    static func invertibleMA(_ ma: [Double]) throws {
        try finiteCoefficients(ma, "ma")
        guard ma.contains(where: { $0 != 0 }) else { return }
        try rootsOutsideUnitCircle(try Polynomials.smallestRootModulus(onePlus: ma), ma, "ma", "MA", "not invertible")
    }

    private static func rootsOutsideUnitCircle(
        _ radius: Double, _ c: [Double], _ name: String, _ part: String, _ failure: String
    ) throws {
        guard radius > 1 + 1e-10 else {
            throw LongMemoryError.invalidArgument(
                name: name, value: c.map { "\($0)" }.joined(separator: ","),
                requirement: "the \(part) polynomial has a root of modulus \(radius) ≤ 1 (\(failure))")
        }
    }

    /// A series for an estimator, test or diagnostic: every value finite (else the index of the first that is not),
    /// at least `n` values (else what `purpose` needs), and not constant — checked in that order.
    static func series(_ x: [Double], atLeast n: Int, for purpose: String) throws {
        try finite(x)
        try length(x, atLeast: n, for: purpose)
        try nonConstant(x)
    }
}

extension Array where Element == Double {
    /// Arithmetic mean (0 for an empty array).
    var mean: Double { isEmpty ? 0 : reduce(0, +) / Double(count) }
}
