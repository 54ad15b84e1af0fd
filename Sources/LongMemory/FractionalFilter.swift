import MemoryNumerics

/// The finite-sample ("type II") fractional filter y_t = Σ_{j=0}^{t−1} π_j(d) x_{t−j}, t = 1..n, for any real d
/// (d < 0 integrates; d > ½ differences nonstationary series).
///
/// Its matrix is lower-triangular Toeplitz, and products of such matrices are products of truncated power series,
/// so the filters with d and −d are exact inverses on a finite sample: `integrate(difference(x, d), d) == x` up to
/// rounding (Jensen & Nielsen 2014).
///
/// Algorithms:
/// * ``Method/fft`` (default) — Jensen & Nielsen (2014), "A fast fractional difference algorithm", J. Time Series
///   Analysis 35(5):428–436: zero-pad x and (π₀ … π_{n−1}) to a 2·3·5·7-smooth length N ≥ 2n − 1, multiply the
///   transforms, invert, keep the first n values. A *linear* convolution, O(n log n).
/// * ``Method/direct`` — the O(n²) sum, for checks and tiny n.
/// * ``Method/window(_:)`` — the K-term "fixed-width" filter y_t = Σ_{j=0}^{min(K,t)−1} π_j x_{t−j} (López de Prado
///   2018). It is a *different operator*: it discards Γ(K − d)/(Γ(K)Γ(1 − d)) of the filter's memory
///   (``FractionalWeights/lostMemory(d:window:)``), which ``Result/lostMemory`` reports, and it has no exact inverse.
///
/// Demeaning: off by default. With `demean: true` the sample mean is subtracted first. R fracdiff's
/// `diffseries` always demeans silently, so its output differs from the type-II filter everywhere (for
/// x = (1, 2, 4, 7, 0), d = ½: type II (1, 1.5, 2.875, 4.6875, −4.1640625), demeaned (−1.8, 0.1, 1.825, 3.8125,
/// −4.9296875)).
public enum FractionalFilter {
    public enum Method: Equatable, Sendable {
        case fft
        case direct
        case window(Int)
    }

    /// Filtered values and, for windowed filters, the window and the fraction of memory it discards.
    public struct Result: Equatable, Sendable {
        public let values: [Double]
        public let window: Int?
        public let lostMemory: Double?
    }

    /// (1−B)^d x (type II), optionally demeaned first.
    public static func difference(
        _ x: [Double], d: Double, demean: Bool = false, method: Method = .fft
    ) throws -> Result {
        try Validate.finite(d, "d")
        try Validate.finite(x)
        let input = demean ? PolynomialTrend.demeaned(x) : x
        switch method {
        case .fft:
            return Result(values: fftFilter(input, d: d), window: nil, lostMemory: nil)
        case .direct:
            return Result(values: directFilter(input, d: d, window: input.count), window: nil, lostMemory: nil)
        case .window(let k):
            guard k >= 1 else {
                throw LongMemoryError.invalidArgument(name: "window", value: "\(k)", requirement: "must be ≥ 1")
            }
            let lost = try FractionalWeights.lostMemory(d: d, window: k)
            return Result(values: directFilter(input, d: d, window: k), window: k, lostMemory: lost)
        }
    }

    /// (1−B)^{−d} x (type II): the exact inverse of ``difference(_:d:demean:method:)`` with the same d.
    public static func integrate(
        _ x: [Double], d: Double, demean: Bool = false, method: Method = .fft
    ) throws -> Result {
        try difference(x, d: -d, demean: demean, method: method)
    }

    /// Column-wise (1−B)^d of a matrix whose columns are series (e.g. RNN hidden units), batched FFTs.
    public static func differenceColumns(_ x: Matrix, d: Double, demean: Bool = false) throws -> Matrix {
        try Validate.finite(d, "d")
        try Validate.finite(x.elements)
        let n = x.rows, b = x.columns
        if n == 0 || b == 0 { return x }
        let size = FFT.fastLength(atLeast: 2 * n - 1)
        let filter = RealFFTWorkspace(length: size)
        filter.load(FractionalWeights.differencing(d: d, count: n))
        filter.forward()
        let work = RealFFTWorkspace(length: size, batch: b)
        for j in 0..<b {
            let col = x.column(j)
            work.load(demean ? PolynomialTrend.demeaned(col) : col, column: j)
        }
        work.forward()
        work.multiplySpectrum(by: filter)
        work.inverse()
        var out = Matrix(rows: n, columns: b)
        let scale = 1 / Double(size)
        for j in 0..<b {
            let base = work.realColumn(j)
            for i in 0..<n { out.elements[i + j * n] = base[i] * scale }
        }
        return out
    }

    /// A reusable FFT-based filter for one length n and many values of d or many series: caches the transform of
    /// x (exact local Whittle, likelihoods that vary d) and the work arrays.
    public final class Plan {
        public let count: Int
        let size: Int
        let data: RealFFTWorkspace
        let work: RealFFTWorkspace
        private var dataLoaded = false

        /// A plan for series of length n. (n ≤ 0 makes a plan that accepts no series: ``setSeries(_:)`` throws.)
        public init(count n: Int) {
            count = n
            size = FFT.fastLength(atLeast: max(1, 2 * n - 1))
            data = RealFFTWorkspace(length: size)
            work = RealFFTWorkspace(length: size)
        }

        /// Set the series (transformed once).
        public func setSeries(_ x: [Double]) throws {
            guard x.count == count else {
                throw LongMemoryError.invalidArgument(
                    name: "series length", value: "\(x.count)", requirement: "the plan was made for \(count)")
            }
            try Validate.finite(x)
            data.load(x)
            data.forward()
            dataLoaded = true
        }

        /// (1−B)^d of the series set by ``setSeries(_:)``.
        public func difference(d: Double) throws -> [Double] {
            guard dataLoaded else { throw LongMemoryError.numerical("FractionalFilter.Plan: no series set") }
            try Validate.finite(d, "d")
            // π_0 … π_{n−1} written straight into the work array (no allocation per call), zero padding after.
            let p = work.real
            FractionalWeights.fill(p, d: d, count: count)
            (p + count).update(repeating: 0, count: size - count)
            work.forward()
            let m = work.spectrumCount
            let a = work.spectrumBuffer, b = data.spectrumBuffer
            for k in 0..<m { a[k] = a[k] * b[k] }
            work.inverse()
            return work.signal(count: count, scale: 1 / Double(size))
        }
    }

    /// Linear convolution of x with π(d) by FFT, first n values.
    /// Series up to this length are filtered by the direct sum even when ``Method/fft`` is asked for.
    public static let directSumThreshold = 64

    static func fftFilter(_ x: [Double], d: Double) -> [Double] {
        let n = x.count
        if n == 0 { return [] }
        // Below this length the direct O(n²) sum is both faster and free of FFT rounding.
        if n <= directSumThreshold { return directFilter(x, d: d, window: n) }
        let size = FFT.fastLength(atLeast: 2 * n - 1)
        // Work arrays come from the shared pool (no per-call allocation or page faults); the scale 1/size is
        // folded into the weights so the output needs only a copy.
        return FFTWorkspacePool.shared.withWorkspaces(length: size) { wx, ww in
            wx.load(x)
            wx.forward()
            let p = ww.real
            FractionalWeights.fill(p, d: d, count: n, scale: 1 / Double(size))
            (p + n).update(repeating: 0, count: size - n)
            ww.forward()
            wx.multiplySpectrum(by: ww)
            wx.inverse()
            return wx.signal(count: n)
        }
    }

    /// y_t = Σ_{j=0}^{min(K,t+1)−1} π_j x_{t−j} (0-based t), O(nK).
    static func directFilter(_ x: [Double], d: Double, window k: Int) -> [Double] {
        let n = x.count
        let w = FractionalWeights.differencing(d: d, count: min(k, n))
        var y = [Double](repeating: 0, count: n)
        x.withUnsafeBufferPointer { px in
            w.withUnsafeBufferPointer { pw in
                for t in 0..<n {
                    var s = 0.0
                    let jmax = min(pw.count, t + 1)
                    for j in 0..<jmax { s += pw[j] * px[t - j] }
                    y[t] = s
                }
            }
        }
        return y
    }
}
