import CFFTW
import Numerics
import Synchronization

/// Fast Fourier transforms through FFTW3 (Frigo & Johnson 2005, "The design and implementation of FFTW3",
/// Proc. IEEE 93(2):216–231), with plans cached by length (and batch size).
///
/// Conventions (used everywhere in rnnmem):
/// * forward transform X_k = Σ_{t=0}^{N−1} x_t e^{−2πi kt/N} (no scaling);
/// * inverse transforms are scaled by 1/N, so `inverse(forward(x)) == x`;
/// * real transforms store the N/2 + 1 non-redundant coefficients.
///
/// FFTW's planner is not thread-safe, so plans are created under one lock and cached for the life of the
/// process; executing a cached plan on new arrays (FFTW's "new-array execute") is thread-safe. Work arrays come
/// from `fftw_malloc`, so they always have the alignment the plans were made for.
///
/// Lengths: ``FFT/fastLength(atLeast:)`` pads to 2^a·3^b·5^c·7^e, where FFTW's codelets are fastest (R's
/// `nextn`, scipy's `next_fast_len`). Linear convolutions must pad to at least n + m − 1 to avoid wrap-around.
public enum FFT {
    /// The smallest 2^a·3^b·5^c·7^e that is ≥ n (1 for n ≤ 1). Every product is checked for overflow, so any Int is
    /// accepted: for n above the largest 7-smooth Int (≈ 9.2·10¹⁸) there is no such number and n itself is returned.
    public static func fastLength(atLeast n: Int) -> Int {
        if n <= 1 { return 1 }
        var best = Int.max  // not 7-smooth (2⁶³ − 1 = 7²·73·127·337·92737·649657), so it marks "none found"
        var p7 = 1
        while p7 < best {
            var p5 = p7
            while p5 < best {
                var p3 = p5
                while p3 < best {
                    var p2 = p3
                    while p2 < n && p2 <= Int.max / 2 { p2 *= 2 }
                    if p2 >= n && p2 < best { best = p2 }
                    if p3 >= n || p3 > Int.max / 3 { break }
                    p3 *= 3
                }
                if p5 >= n || p5 > Int.max / 5 { break }
                p5 *= 5
            }
            if p7 >= n || p7 > Int.max / 7 { break }
            p7 *= 7
        }
        return best == Int.max ? n : best
    }

    /// Forward real-to-complex transform of `x` zero-padded to `length` (default: `x.count`).
    /// Returns length/2 + 1 coefficients.
    /// - Throws: ``NumericsError/domain(_:)`` for a length below 1 (e.g. an empty `x` with no `length`),
    ///   ``NumericsError/dimensionMismatch(_:)`` if `length` is shorter than `x`.
    public static func forwardReal(_ x: [Double], length: Int? = nil) throws -> [Complex<Double>] {
        let n = length ?? x.count
        guard n >= 1 else {
            throw NumericsError.domain(
                "FFT.forwardReal: the transform length must be ≥ 1, got \(n) (input of \(x.count) values)")
        }
        guard n >= x.count else {
            throw NumericsError.dimensionMismatch(
                "FFT.forwardReal: length \(n) is shorter than the input (\(x.count) values)")
        }
        let ws = RealFFTWorkspace(length: n)
        ws.load(x)
        ws.forward()
        return ws.spectrum()
    }

    /// Inverse complex-to-real transform of `length` points from its length/2 + 1 coefficients, scaled by 1/length.
    /// - Throws: ``NumericsError/domain(_:)`` for a length below 1, ``NumericsError/dimensionMismatch(_:)`` unless
    ///   `spectrum` has exactly length/2 + 1 coefficients.
    public static func inverseReal(_ spectrum: [Complex<Double>], length: Int) throws -> [Double] {
        guard length >= 1 else {
            throw NumericsError.domain("FFT.inverseReal: the transform length must be ≥ 1, got \(length)")
        }
        guard spectrum.count == length / 2 + 1 else {
            throw NumericsError.dimensionMismatch(
                "FFT.inverseReal: a real signal of length \(length) has \(length / 2 + 1) coefficients, got \(spectrum.count)"
            )
        }
        let ws = RealFFTWorkspace(length: length)
        ws.loadSpectrum(spectrum)
        ws.inverse()
        return ws.signal(count: length, scale: 1 / Double(length))
    }

    /// Forward complex transform (unscaled).
    public static func forward(_ x: [Complex<Double>]) -> [Complex<Double>] {
        complexTransform(x, sign: FFTW_FORWARD, scale: 1)
    }

    /// Inverse complex transform, scaled by 1/N.
    public static func inverse(_ x: [Complex<Double>]) -> [Complex<Double>] {
        complexTransform(x, sign: FFTW_BACKWARD, scale: 1 / Double(max(1, x.count)))
    }

    private static func complexTransform(_ x: [Complex<Double>], sign: Int32, scale: Double) -> [Complex<Double>] {
        let n = x.count
        if n == 0 { return [] }
        let plan = FFTPlanCache.shared.complexPlan(length: n, sign: sign)
        let buf = fftwAllocComplex(n)
        defer { fftw_free(buf) }
        let typed = UnsafeMutableRawPointer(buf).assumingMemoryBound(to: Complex<Double>.self)
        for i in 0..<n { typed[i] = x[i] }
        fftw_execute_dft(plan.pointer, buf, buf)
        return (0..<n).map { Complex(typed[$0].real * scale, typed[$0].imaginary * scale) }
    }

    /// Linear (not circular) convolution c_t = Σ_{j=0}^{t} a_j b_{t−j}, t = 0..<count, by zero-padding to a fast
    /// length ≥ a.count + b.count − 1 (or count, if smaller lengths suffice).
    public static func linearConvolution(_ a: [Double], _ b: [Double], count: Int? = nil) -> [Double] {
        let full = a.isEmpty || b.isEmpty ? 0 : a.count + b.count - 1
        let outCount = min(count ?? full, full)
        if outCount <= 0 { return [] }
        // Terms beyond outCount are not needed, so truncate the inputs first.
        let aa = a.count > outCount ? Array(a[0..<outCount]) : a
        let bb = b.count > outCount ? Array(b[0..<outCount]) : b
        let n = fastLength(atLeast: aa.count + bb.count - 1)
        let wa = RealFFTWorkspace(length: n)
        let wb = RealFFTWorkspace(length: n)
        wa.load(aa); wa.forward()
        wb.load(bb); wb.forward()
        wa.multiplySpectrum(by: wb)
        wa.inverse()
        return wa.signal(count: outCount, scale: 1 / Double(n))
    }
}

/// Allocate `n` FFTW complex values (aligned for SIMD plans). Traps only if the allocator fails (out of memory).
@usableFromInline
func fftwAllocComplex(_ n: Int) -> UnsafeMutablePointer<fftw_complex> {
    guard let p = fftw_alloc_complex(max(1, n)) else { fatalError("fftw_alloc_complex(\(n)): out of memory") }
    return p
}

@usableFromInline
func fftwAllocReal(_ n: Int) -> UnsafeMutablePointer<Double> {
    guard let p = fftw_alloc_real(max(1, n)) else { fatalError("fftw_alloc_real(\(n)): out of memory") }
    return p
}

/// A cached FFTW plan. Plans are immutable after creation and may be executed concurrently on new arrays.
public final class FFTPlan: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ p: OpaquePointer) { pointer = p }
}

/// Process-wide plan cache, keyed by transform kind, length and batch size.
public final class FFTPlanCache: Sendable {
    public static let shared = FFTPlanCache()

    private enum Kind: Hashable { case r2c, c2r, complex(Int32) }
    private struct Key: Hashable { let kind: Kind; let length: Int; let batch: Int }
    private let plans = Mutex<[Key: FFTPlan]>([:])

    /// Number of cached plans, of every length (for tests of the cache).
    public var count: Int { plans.withLock { $0.count } }

    /// Number of cached plans of transforms of length `n`, of every kind and batch size. Unlike ``count``, this
    /// does not change when other code plans transforms of other lengths concurrently, so a test can observe the
    /// plans of its own lengths only.
    public func count(length n: Int) -> Int { plans.withLock { $0.keys.count { $0.length == n } } }

    private func plan(_ key: Key, make: () -> OpaquePointer?) -> FFTPlan {
        plans.withLock { dict in
            if let p = dict[key] { return p }
            NumericsSetup.ensure()
            // FFTW_ESTIMATE does not touch the arrays it is planned on; new-array execution needs only the same
            // alignment, which fftw_malloc guarantees for every work array here.
            guard let raw = make() else { fatalError("FFTW could not plan a transform of length \(key.length)") }
            let p = FFTPlan(raw)
            dict[key] = p
            return p
        }
    }

    /// In-place real-to-complex plan for `batch` columns of length n, each column occupying 2(n/2 + 1) doubles
    /// (FFTW's padded in-place layout). Planned on `buffer` (FFTW_ESTIMATE does not write to it).
    func realForward(length n: Int, batch: Int, buffer: UnsafeMutablePointer<Double>) -> FFTPlan {
        plan(Key(kind: .r2c, length: n, batch: batch)) {
            let c = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: fftw_complex.self)
            var dims = Int32(n)
            let h = Int32(n / 2 + 1)
            return fftw_plan_many_dft_r2c(
                1, &dims, Int32(batch), buffer, nil, 1, 2 * h, c, nil, 1, h,
                UInt32(FFTW_ESTIMATE))
        }
    }

    /// In-place complex-to-real plan matching ``realForward(length:batch:buffer:)``.
    func realInverse(length n: Int, batch: Int, buffer: UnsafeMutablePointer<Double>) -> FFTPlan {
        plan(Key(kind: .c2r, length: n, batch: batch)) {
            let c = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: fftw_complex.self)
            var dims = Int32(n)
            let h = Int32(n / 2 + 1)
            return fftw_plan_many_dft_c2r(
                1, &dims, Int32(batch), c, nil, 1, h, buffer, nil, 1, 2 * h,
                UInt32(FFTW_ESTIMATE))
        }
    }

    func complexPlan(length n: Int, sign: Int32) -> FFTPlan {
        plan(Key(kind: .complex(sign), length: n, batch: 1)) {
            let c = fftwAllocComplex(n)
            defer { fftw_free(c) }
            return fftw_plan_dft_1d(Int32(n), c, c, sign, UInt32(FFTW_ESTIMATE))
        }
    }
}

/// An in-place work array for real transforms of `batch` columns of length `length`, with cached plans.
///
/// Memory: one buffer of batch·2(length/2 + 1) doubles (FFTW's in-place layout), so a transform of length N
/// costs N + 2 doubles. Column b's signal starts at ``realColumn(_:)`` (stride ``columnStride`` doubles); after
/// ``forward()`` the same memory holds its length/2 + 1 complex coefficients at ``spectrumColumn(_:)``.
/// ``inverse()`` is unscaled: multiply by 1/length yourself or use ``signal(count:column:scale:)``.
/// A workspace is not thread-safe; make one per task.
///
/// This is the low-level fast path: its methods check their arguments with preconditions (a length or batch below 1,
/// a column out of range, a signal longer than the length), which are programming errors of the caller, never data
/// errors — callers validate user input first (the throwing entry points are ``FFT/forwardReal(_:length:)``,
/// ``FFT/inverseReal(_:length:)`` and the LongMemory functions).
public final class RealFFTWorkspace {
    public let length: Int
    public let batch: Int
    /// Doubles between the starts of consecutive columns: 2(length/2 + 1).
    public let columnStride: Int
    private let buffer: UnsafeMutablePointer<Double>
    private let forwardPlan: FFTPlan
    private let inversePlan: FFTPlan

    /// Signal of column 0 (length values; the buffer has 1–2 doubles of padding after them).
    public var real: UnsafeMutablePointer<Double> { buffer }

    /// Signal of column b.
    public func realColumn(_ b: Int) -> UnsafeMutablePointer<Double> { buffer + b * columnStride }

    /// Complex coefficients of column 0 (valid after ``forward()``).
    public var spectrumBuffer: UnsafeMutablePointer<Complex<Double>> { spectrumColumn(0) }

    /// Complex coefficients of column b (valid after ``forward()``).
    public func spectrumColumn(_ b: Int) -> UnsafeMutablePointer<Complex<Double>> {
        UnsafeMutableRawPointer(buffer + b * columnStride).assumingMemoryBound(to: Complex<Double>.self)
    }

    public var spectrumCount: Int { length / 2 + 1 }

    public init(length: Int, batch: Int = 1) {
        precondition(length >= 1 && batch >= 1, "FFT workspace needs positive length and batch")
        self.length = length
        self.batch = batch
        columnStride = 2 * (length / 2 + 1)
        buffer = fftwAllocReal(columnStride * batch)
        forwardPlan = FFTPlanCache.shared.realForward(length: length, batch: batch, buffer: buffer)
        inversePlan = FFTPlanCache.shared.realInverse(length: length, batch: batch, buffer: buffer)
    }

    deinit { fftw_free(buffer) }

    /// Copy `x` into column `column` and zero the rest of that column.
    public func load(_ x: [Double], column: Int = 0) {
        precondition(x.count <= length && column < batch)
        let base = realColumn(column)
        x.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.update(from: s, count: x.count) }
        }
        (base + x.count).update(repeating: 0, count: length - x.count)
    }

    /// Copy `x` (a buffer) into column `column` and zero the rest.
    public func load(_ x: UnsafeBufferPointer<Double>, column: Int = 0) {
        precondition(x.count <= length && column < batch)
        let base = realColumn(column)
        if let s = x.baseAddress { base.update(from: s, count: x.count) }
        (base + x.count).update(repeating: 0, count: length - x.count)
    }

    /// Load a spectrum into column `column`.
    public func loadSpectrum(_ s: [Complex<Double>], column: Int = 0) {
        precondition(s.count == spectrumCount && column < batch)
        let base = spectrumColumn(column)
        for k in 0..<s.count { base[k] = s[k] }
    }

    /// real → spectrum, every column.
    public func forward() {
        fftw_execute_dft_r2c(
            forwardPlan.pointer, buffer,
            UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: fftw_complex.self))
    }

    /// spectrum → real (unscaled), every column; destroys the spectrum.
    public func inverse() {
        fftw_execute_dft_c2r(
            inversePlan.pointer,
            UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: fftw_complex.self), buffer)
    }

    /// Copy of the spectrum of column `column`.
    public func spectrum(column: Int = 0) -> [Complex<Double>] {
        let base = spectrumColumn(column)
        return Array(UnsafeBufferPointer(start: base, count: spectrumCount))
    }

    /// The first `count` values of column `column`, multiplied by `scale`.
    public func signal(count: Int, column: Int = 0, scale: Double = 1) -> [Double] {
        precondition(count <= length)
        let base = realColumn(column)
        return [Double](unsafeUninitializedCapacity: count) { buf, initialized in
            for i in 0..<count { buf[i] = base[i] * scale }
            initialized = count
        }
    }

    /// Multiply every column's spectrum pointwise by the (single-column) spectrum of `other`.
    public func multiplySpectrum(by other: RealFFTWorkspace) {
        precondition(other.length == length)
        let s = other.spectrumBuffer
        multiplySpectrum(by: UnsafePointer(s))
    }

    /// Multiply every column's spectrum pointwise by `filter` (length/2 + 1 values).
    public func multiplySpectrum(by filter: UnsafePointer<Complex<Double>>) {
        let m = spectrumCount
        for b in 0..<batch {
            let base = spectrumColumn(b)
            for k in 0..<m { base[k] = base[k] * filter[k] }
        }
    }
}
