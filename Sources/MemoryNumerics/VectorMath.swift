import _CVectorMath

/// Vectorised e^x, tanh x and the logistic sigmoid σ(x) = 1/(1 + e^{−x}) over blocks of doubles — the gate
/// nonlinearities of the recurrent cells, evaluated a whole gate block at a time (C kernels in `_CVectorMath`).
///
/// # Method
/// Argument reduction x = k·ln2 + r, |r| ≤ ln2/2, with k = round(x·log₂e) and ln 2 split into a head with 21
/// trailing zero bits and a tail (Cody & Waite 1980, *Software Manual for the Elementary Functions*, ch. 6; the
/// split of fdlibm's `exp`); e^r − 1 = r + r²·Σ_{i=0}^{11} r^i/(i+2)! (Taylor to r¹³/13!, truncation
/// < 1.2e-17·|r|, Estrin's scheme); 2^k assembled in the exponent bits.
/// * e^x = 2^{k₁}·2^{k₂}·e^r with k₁ = round(k/2): correct subnormal results, no premature overflow.
/// * tanh x = −u/(2 + u), u = e^{−2|x|} − 1, sign restored. u is carried as an unevaluated sum of two doubles
///   (Fast2Sum, Dekker 1971, *Numer. Math.* 18:224–242) and the quotient gets one correction step with the exact
///   fused residual, so there is no cancellation for small |x| and the division's own roundings drop out.
/// * σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0 with e = e^{−|x|} ∈ [0, 1] (never overflows), with the
///   same corrected division.
///
/// # Accuracy (tested in `VectorMathAccuracyTests` against 64-bit-significand `Float80` references)
/// Maximum errors measured over 4·10⁶ arguments spanning the whole range: e^x 1.02 ulp, tanh 1.22 ulp, σ 1.44 ulp;
/// the tests enforce ≤ 2 ulp (and ≤ 2.5 ulp against glibc, whose own error is below 1 ulp).
///
/// # Special values
/// * e^x: e^{+∞} = +∞, e^{−∞} = +0, +∞ for x > 709.78 (overflow), +0 for x < −745.13, subnormal in between.
/// * tanh: ±0 ↦ ±0 (sign kept), ±∞ ↦ ±1, exactly ±1 for |x| ≥ 19.1 (where the rounded tanh is ±1).
/// * σ: σ(+∞) = 1, σ(−∞) = +0, σ(±0) = ½, exactly 1 for x > 37.43 (where 1 − e^{−x} rounds to 1), subnormal
///   below x ≈ −708 (e/(1 + e) with e = e^x, not flushed) and +0 below −745.13.
/// * NaN in ⇒ NaN out, for the value and for the dual tangent (the NaN's sign and payload are unspecified).
///
/// # Reproducibility
/// Three instances are compiled from one source: portable C, AVX2+FMA and AVX-512F; ``InstructionSet/best`` is
/// chosen at run time (`__builtin_cpu_supports`). They perform the same IEEE operations in the same order on every
/// lane (every fused multiply-add is explicit, contraction is disabled), so all instances return **bit-identical**
/// results (NaN payloads aside), independent of the CPU and of an element's position in the block (tested).
/// Results do not depend on any global state.
///
/// # Also here
/// Fixed-order matrix products and row sums (`VectorMath+MatrixProduct.swift`), built on the same kernels and with
/// the same cross-instruction-set reproducibility. (The fused elementwise steps of the LSTM, GRU and tanh RNN cells,
/// compiled into the same C instances, belong to the models and are wrapped in the `Recurrent` module.)
///
/// # Dual forms
/// ``applyDual(_:rows:columns:value:tangent:leadingDimension:resultValue:resultTangent:leadingDimension:instructionSet:)``
/// also pushes a tangent through, f′ computed from the result y exactly as `DualNumber` does:
/// (e^x)′ = y, tanh′ = 1 − y·y, σ′ = y·(1 − y) (the products in that order, then times the tangent).
public enum VectorMath {
    /// The functions provided.
    public enum Function: Int32, Sendable, CaseIterable, CustomStringConvertible {
        case exp = 0, tanh = 1, sigmoid = 2

        public var description: String {
            switch self {
            case .exp: return "exp"
            case .tanh: return "tanh"
            case .sigmoid: return "sigmoid"
            }
        }
    }

    /// The compiled instances (all give bit-identical results; they differ in speed only).
    public enum InstructionSet: Int32, Sendable, CaseIterable, Comparable, CustomStringConvertible {
        /// Portable C, one element at a time (`fma` from libm).
        case portable = 0
        /// x86-64 AVX2 with FMA3, 4 doubles per vector.
        case avx2FMA = 1
        /// x86-64 AVX-512F, 8 doubles per vector.
        case avx512F = 2

        /// The widest instance this CPU runs (determined once).
        public static var best: InstructionSet { InstructionSet(rawValue: rnnmem_vm_best_isa()) ?? .portable }

        /// Whether this CPU (and OS) can run the instance.
        public var isSupported: Bool { rnnmem_vm_isa_supported(rawValue) != 0 }

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

        public var description: String {
            switch self {
            case .portable: return "portable"
            case .avx2FMA: return "avx2+fma"
            case .avx512F: return "avx512f"
            }
        }
    }

    // MARK: contiguous arrays (pointer level)

    /// y[i] = e^{x[i]}, i < count. `x` and `y` may be the same buffer (in place); no other overlap.
    @inlinable
    public static func exp(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        apply(.exp, rows: count, columns: 1, x, leadingDimension: max(1, count), y, leadingDimension: max(1, count))
    }

    /// y[i] = tanh x[i], i < count. In place allowed.
    @inlinable
    public static func tanh(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        apply(.tanh, rows: count, columns: 1, x, leadingDimension: max(1, count), y, leadingDimension: max(1, count))
    }

    /// y[i] = σ(x[i]) = 1/(1 + e^{−x[i]}), i < count. In place allowed.
    @inlinable
    public static func sigmoid(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        apply(
            .sigmoid, rows: count, columns: 1, x, leadingDimension: max(1, count), y,
            leadingDimension: max(1, count))
    }

    // MARK: column-major blocks (pointer level)

    /// y[i + j·ldy] = f(x[i + j·ldx]) for i < rows, j < columns (e.g. one gate's row block of a packed gate
    /// matrix, ldx = ldy = the gate matrix's leading dimension). In place (x == y, same leading dimension) is
    /// allowed; other overlaps are not. `instructionSet` nil = ``InstructionSet/best``.
    ///
    /// Preconditions (caller invariants, as for the pointer-level BLAS wrappers): rows, columns ≥ 0, leading
    /// dimensions ≥ rows when columns > 1, and a supported instruction set.
    @inlinable
    public static func apply(
        _ function: Function, rows: Int, columns: Int,
        _ x: UnsafePointer<Double>, leadingDimension ldx: Int,
        _ y: UnsafeMutablePointer<Double>, leadingDimension ldy: Int,
        instructionSet: InstructionSet? = nil
    ) {
        let status = rnnmem_vm_apply(
            instructionSet.map(\.rawValue) ?? -1, function.rawValue, rows, columns,
            x, ldx, y, ldy)
        precondition(
            status == 0,
            "VectorMath.apply(\(function)): bad block \(rows)×\(columns) (ld \(ldx), \(ldy)) "
                + "or unsupported instruction set \(instructionSet.map(\.description) ?? "best")")
    }

    /// Dual form of ``apply(_:rows:columns:_:leadingDimension:_:leadingDimension:instructionSet:)``:
    /// y = f(x) and ẏ = f′(x)·ẋ elementwise, f′ from y (see the type's documentation). The tangent blocks share
    /// their value blocks' leading dimensions; each value/tangent pair may be updated in place.
    @inlinable
    public static func applyDual(
        _ function: Function, rows: Int, columns: Int,
        value x: UnsafePointer<Double>, tangent xt: UnsafePointer<Double>, leadingDimension ldx: Int,
        resultValue y: UnsafeMutablePointer<Double>, resultTangent yt: UnsafeMutablePointer<Double>,
        leadingDimension ldy: Int,
        instructionSet: InstructionSet? = nil
    ) {
        let status = rnnmem_vm_apply_dual(
            instructionSet.map(\.rawValue) ?? -1, function.rawValue, rows, columns,
            x, xt, ldx, y, yt, ldy)
        precondition(
            status == 0,
            "VectorMath.applyDual(\(function)): bad block \(rows)×\(columns) "
                + "(ld \(ldx), \(ldy)) or unsupported instruction set "
                + "\(instructionSet.map(\.description) ?? "best")")
    }

    // MARK: arrays

    /// f applied to every element of `x`. Throws ``NumericsError/domain(_:)`` when `instructionSet` is given and
    /// not supported by this CPU.
    public static func apply(_ function: Function, to x: [Double], instructionSet: InstructionSet? = nil) throws
        -> [Double]
    {
        try checkSupported(instructionSet)
        var y = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                guard let xp = xb.baseAddress, let yp = yb.baseAddress, !x.isEmpty else { return }
                apply(
                    function, rows: x.count, columns: 1, xp, leadingDimension: x.count, yp,
                    leadingDimension: x.count, instructionSet: instructionSet)
            }
        }
        return y
    }

    /// (f(x), f′(x)·ẋ) for every element (see ``applyDual(_:rows:columns:value:tangent:leadingDimension:resultValue:resultTangent:leadingDimension:instructionSet:)``).
    /// Throws ``NumericsError/dimensionMismatch(_:)`` when the arrays differ in length, and
    /// ``NumericsError/domain(_:)`` for an unsupported `instructionSet`.
    public static func applyDual(
        _ function: Function, value x: [Double], tangent xt: [Double], instructionSet: InstructionSet? = nil
    ) throws -> (value: [Double], tangent: [Double]) {
        guard x.count == xt.count else {
            throw NumericsError.dimensionMismatch(
                "VectorMath.applyDual: value has \(x.count) elements, tangent has \(xt.count)")
        }
        try checkSupported(instructionSet)
        var y = [Double](repeating: 0, count: x.count)
        var yt = y
        x.withUnsafeBufferPointer { xb in
            xt.withUnsafeBufferPointer { xtb in
                y.withUnsafeMutableBufferPointer { yb in
                    yt.withUnsafeMutableBufferPointer { ytb in
                        guard let xp = xb.baseAddress, let xtp = xtb.baseAddress, let yp = yb.baseAddress,
                            let ytp = ytb.baseAddress, !x.isEmpty
                        else { return }
                        applyDual(
                            function, rows: x.count, columns: 1, value: xp, tangent: xtp,
                            leadingDimension: x.count, resultValue: yp, resultTangent: ytp,
                            leadingDimension: x.count, instructionSet: instructionSet)
                    }
                }
            }
        }
        return (y, yt)
    }

    /// e^x elementwise. (Array convenience of ``exp(_:_:count:)``.)
    public static func exp(_ x: [Double]) -> [Double] { arrayApply(.exp, x) }
    /// tanh x elementwise.
    public static func tanh(_ x: [Double]) -> [Double] { arrayApply(.tanh, x) }
    /// σ(x) elementwise.
    public static func sigmoid(_ x: [Double]) -> [Double] { arrayApply(.sigmoid, x) }

    private static func arrayApply(_ f: Function, _ x: [Double]) -> [Double] {
        do { return try apply(f, to: x) } catch {
            preconditionFailure("VectorMath: the best instruction set is always supported (\(error))")
        }
    }

    private static func checkSupported(_ isa: InstructionSet?) throws {
        if let isa, !isa.isSupported {
            throw NumericsError.domain(
                "instructionSet: \(isa) is not supported by this CPU (best: \(InstructionSet.best))")
        }
    }
}
