import MemoryNumerics

/// Exact simulation of stationary Gaussian series with a given autocovariance.
public enum Simulation {
    public enum Method: String, Sendable, CaseIterable {
        case daviesHarte = "davies-harte"
        case durbinLevinson = "durbin-levinson"
    }

    /// Davies & Harte (1987), "Tests for Hurst effect", Biometrika 74:95–101 (circulant embedding; also
    /// Wood & Chan 1994). With an embedding half-length m ≥ n − 1, the circulant row
    /// c = (γ₀, γ₁, …, γ_m, γ_{m−1}, …, γ₁) (length M = 2m) has eigenvalues μ = FFT(c) (real). If all μ_k ≥ 0,
    /// W = FFT(√(μ/M) ⊙ Z) with Z_k complex, real and imaginary parts i.i.d. N(0, 1), gives two independent exact
    /// samples Re W₀…W_{n−1} and Im W₀…W_{n−1} with autocovariance γ.
    ///
    /// m is the smallest 2·3·5·7-smooth number ≥ n − 1 for which `acvf` has values (it needs lags 0…m); otherwise
    /// m = n − 1. Eigenvalues below −1e-10·max μ throw ``LongMemoryError/circulantNotNonnegative(minimumEigenvalue:maximumEigenvalue:length:)``
    /// (use Durbin–Levinson then); rounding-level negatives within that bound are set to 0 (documented, not silent).
    public static func daviesHartePair(
        acvf gamma: [Double], count n: Int, rng: inout SeededRandom
    ) throws -> (first: [Double], second: [Double]) {
        let (ws, m) = try circulantEigenvalues(acvf: gamma, count: n)
        let size = 2 * m
        // Z_k = a_k + i b_k, drawn in the order a_0, b_0, a_1, b_1, ….
        var a = [Double](repeating: 0, count: size), b = a
        for k in 0..<size {
            a[k] = rng.gaussian()
            b[k] = rng.gaussian()
        }
        return complexEmbeddingSample(spectrum: ws, m: m, count: n, noiseReal: a, noiseImaginary: b)
    }

    /// W_t = Σ_{k=0}^{M−1} √(μ_k/M)(a_k + i b_k) e^{−2πikt/M}, t = 0…n−1, from the checked embedding (μ_k = real parts
    /// of `spectrum`, k = 0…m; μ_{M−k} = μ_k) and M = 2m noise pairs: the core of the paired Davies–Harte simulator and
    /// of its injected-noise form. Rounding-level negative μ_k (allowed by ``circulantEigenvalues(acvf:count:)``)
    /// count as 0.
    static func complexEmbeddingSample(
        spectrum ws: RealFFTWorkspace, m: Int, count n: Int, noiseReal a: [Double], noiseImaginary b: [Double]
    ) -> (first: [Double], second: [Double]) {
        let size = 2 * m
        let spec = ws.spectrumBuffer
        let invM = 1 / Double(size)
        var z = [Complex<Double>](repeating: .zero, count: size)
        for k in 0..<size {
            let mu = spec[k <= m ? k : size - k].real
            let scale = (max(mu, 0) * invM).squareRoot()
            z[k] = Complex(scale * a[k], scale * b[k])
        }
        let w = FFT.forward(z)
        var first = [Double](repeating: 0, count: n), second = first
        for t in 0..<n {
            first[t] = w[t].real
            second[t] = w[t].imaginary
        }
        return (first, second)
    }

    /// One exact Davies–Harte sample, using M = 2m real normals and one complex-to-real FFT (Wood & Chan 1994,
    /// J. Comput. Graph. Statist. 3:409–432): with a_k = √(μ_k/M), Y₀ = a₀Z₀, Y_m = a_mZ_m and
    /// Y_k = a_k(U_k + iV_k)/√2 for 0 < k < m (all N(0, 1)), the Hermitian-symmetric inverse transform
    /// X_t = Σ_{k=0}^{M−1} Y_k e^{2πitk/M} has Cov(X_s, X_t) = (1/M)Σ_k μ_k e^{2πi(s−t)k/M} = c_{s−t}.
    /// Half the work and memory of the paired complex version; the same embedding checks.
    public static func daviesHarte(acvf gamma: [Double], count n: Int, rng: inout SeededRandom) throws -> [Double] {
        let (ws, m) = try circulantEigenvalues(acvf: gamma, count: n)
        let size = 2 * m
        let spec = ws.spectrumBuffer
        let invM = 1 / Double(size)
        let invSqrt2 = 0.5.squareRoot()
        // Overwrite the eigenvalues μ_k (real parts of the spectrum) with the random coefficients Y_k, in place.
        spec[0] = Complex((max(spec[0].real, 0) * invM).squareRoot() * rng.gaussian(), 0)
        for k in 1..<m {
            let a = (max(spec[k].real, 0) * invM).squareRoot() * invSqrt2
            let u = rng.gaussian(), v = rng.gaussian()
            spec[k] = Complex(a * u, a * v)
        }
        spec[m] = Complex((max(spec[m].real, 0) * invM).squareRoot() * rng.gaussian(), 0)
        ws.inverse()
        return ws.signal(count: n)
    }

    /// Eigenvalues μ_0 … μ_m of the Davies–Harte circulant embedding for an n-point sample, without judging them.
    /// The circulant with first row c = (γ₀, γ₁, …, γ_m, γ_{m−1}, …, γ₁) of length M = 2m is symmetric, so its
    /// eigenvalues μ_k = Σ_j c_j e^{−2πijk/M} are real with μ_{M−k} = μ_k; the m + 1 distinct ones are returned (one
    /// real FFT). m is chosen as in the simulators: the smallest 2·3·5·7-smooth number ≥ n − 1 if `acvf` reaches that
    /// lag, otherwise n − 1 (the minimal embedding M = 2(n − 1) of Davies & Harte 1987, Biometrika 74(1):95–101).
    /// Davies–Harte is exact iff every μ_k ≥ 0; the simulators throw
    /// ``LongMemoryError/circulantNotNonnegative(minimumEigenvalue:maximumEigenvalue:length:)`` when one is below
    /// −1e-10·max μ.
    public static func embeddingEigenvalues(acvf gamma: [Double], count n: Int) throws -> [Double] {
        let (ws, m) = try circulantEmbedding(acvf: gamma, count: n)
        let spec = ws.spectrumBuffer
        return (0...m).map { spec[$0].real }
    }

    /// The eigenvalues of the circulant embedding (as the real parts of a workspace's spectrum, k = 0…m) and m;
    /// throws when one is negative beyond rounding.
    static func circulantEigenvalues(acvf gamma: [Double], count n: Int) throws -> (RealFFTWorkspace, Int) {
        let (ws, m) = try circulantEmbedding(acvf: gamma, count: n)
        let size = 2 * m
        let spec = ws.spectrumBuffer
        var maxMu = 0.0, minMu = Double.infinity
        for k in 0...m {
            maxMu = max(maxMu, spec[k].real)
            minMu = min(minMu, spec[k].real)
        }
        if minMu < -1e-10 * maxMu || maxMu <= 0 {
            throw LongMemoryError.circulantNotNonnegative(
                minimumEigenvalue: minMu, maximumEigenvalue: maxMu, length: size)
        }
        return (ws, m)
    }

    /// The transformed embedding row (workspace spectrum, real parts = μ_0…μ_m) and m.
    static func circulantEmbedding(acvf gamma: [Double], count n: Int) throws -> (RealFFTWorkspace, Int) {
        try validateAutocovariance(gamma, count: n, minimumCount: 2)
        let smooth = FFT.fastLength(atLeast: n - 1)
        let m = gamma.count - 1 >= smooth ? smooth : n - 1
        let size = 2 * m
        let ws = RealFFTWorkspace(length: size)
        let row = ws.real
        for k in 0...m { row[k] = gamma[k] }
        for k in 1..<m { row[size - k] = gamma[k] }
        ws.forward()
        return (ws, m)
    }

    /// Exact simulation by the Durbin–Levinson / Hosking (1981) recursion: X_k = Σ_{j=1}^{k} φ_kj X_{k−j} + √v_k Z_k.
    /// O(n²) time, O(n) memory; works for any positive-definite autocovariance.
    public static func durbinLevinson(acvf gamma: [Double], count n: Int, rng: inout SeededRandom) throws -> [Double] {
        try validateAutocovariance(gamma, count: n, minimumCount: 1)
        guard gamma[0] > 0 else { throw LongMemoryError.notPositiveDefinite(step: 0) }
        var x = [Double](repeating: 0, count: n)
        x[0] = gamma[0].squareRoot() * rng.gaussian()
        try x.withUnsafeMutableBufferPointer { px in
            _ = try DurbinLevinson.recursion(acvf: gamma, steps: n - 1) { k, _, v, phi in
                let mean = DurbinLevinson.prediction(phi, UnsafeBufferPointer(px), k)
                px[k] = mean + v.squareRoot() * rng.gaussian()
            }
        }
        return x
    }

    /// n ≥ `minimumCount`, γ(0…n−1) present and every lag finite.
    static func validateAutocovariance(_ gamma: [Double], count n: Int, minimumCount: Int) throws {
        guard n >= minimumCount else {
            throw LongMemoryError.invalidArgument(name: "n", value: "\(n)", requirement: "must be ≥ \(minimumCount)")
        }
        guard gamma.count >= n else {
            throw LongMemoryError.invalidArgument(
                name: "acvf", value: "\(gamma.count) lags", requirement: "needs lags 0…\(n - 1)")
        }
        try Validate.finite(gamma)
    }

    /// Number of autocovariance lags that ``daviesHartePair(acvf:count:rng:)`` uses for an n-point sample
    /// (compute the theoretical acvf up to this lag to get the fast, smooth embedding).
    public static func daviesHarteLags(count n: Int) -> Int { FFT.fastLength(atLeast: max(1, n - 1)) }

    /// Exact ARFIMA(p, d, q) sample of length n (mean 0). Davies–Harte by default; Durbin–Levinson on request.
    public static func arfima(
        _ model: ARFIMAModel, count n: Int, seed: UInt64, method: Method = .daviesHarte
    ) throws -> [Double] {
        try model.validate()
        var rng = SeededRandom(seed: seed)
        let lags = method == .daviesHarte ? daviesHarteLags(count: n) : max(0, n - 1)
        let gamma = try Autocovariance.arfima(model, lags: lags)
        switch method {
        case .daviesHarte: return try daviesHarte(acvf: gamma, count: n, rng: &rng)
        case .durbinLevinson: return try durbinLevinson(acvf: gamma, count: n, rng: &rng)
        }
    }

    /// Exact fractional Gaussian noise sample of length n (0 < H < 1), σ² = `sigma2`.
    public static func fractionalGaussianNoise(
        hurst: Double, sigma2: Double = 1, count n: Int, seed: UInt64, method: Method = .daviesHarte
    ) throws -> [Double] {
        var rng = SeededRandom(seed: seed)
        let lags = method == .daviesHarte ? daviesHarteLags(count: n) : max(0, n - 1)
        let gamma = try Autocovariance.fractionalGaussianNoise(hurst: hurst, sigma2: sigma2, lags: lags)
        switch method {
        case .daviesHarte: return try daviesHarte(acvf: gamma, count: n, rng: &rng)
        case .durbinLevinson: return try durbinLevinson(acvf: gamma, count: n, rng: &rng)
        }
    }
}
