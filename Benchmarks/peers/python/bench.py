#!/usr/bin/env python3
"""Python peers of the rnnmem benchmark (numpy, scipy, statsmodels), one thread.

Timing mode (one workload, one size, one implementation per process, so that the peak RSS belongs to it):
    bench.py --workload fracdiff --n 1000000 --impl numpy --input FILE [--repeats 9]
prints
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> [key=value ...]
or, when the implementation cannot run here,
    UNAVAILABLE <workload> <n> <impl> <reason>

Verification mode (small n, every Python implementation, outputs one value per line):
    bench.py --check OUTDIR --n 1000 --input FILE
writes OUTDIR/<workload>-<impl>.txt; see Benchmarks/README.md for what each file holds.

    bench.py --versions          prints VERSION lines

Workloads (conventions of rnnmem, Benchmarks/README.md):
  fracdiff      type-II (1-B)^d, d = 0.4, no demeaning, FFT linear convolution padded to next_fast_len(2n-1)
  acf100        sample autocorrelation, lags 0..100, demeaned, divisor n
  periodogram   I(lambda_j) = |sum_t x_t exp(-i lambda_j t)|^2 / (2 pi n), lambda_j = 2 pi j / n, j = 1..floor(n/2)
  davies_harte  exact ARFIMA(0, 0.4, 0) sample of length n (sigma^2 = 1) by circulant embedding, M = 2(n-1),
                including the autocovariances, the eigenvalues and the Gaussian draws
  lw            local Whittle d (Robinson 1995), m = floor(n^0.65), d in [-1, 2.2]: pyelw (PyPI) `LW().fit`, and a
                plain numpy/scipy version (rfft periodogram, scipy.optimize.minimize_scalar bounded, xatol 1e-9)
  dfa           DFA-1, non-overlapping windows from the start, window sizes nolds.logarithmic_n(4, 0.1 n, 1.2),
                alpha = least-squares slope of log F(s) on log s: nolds.dfa(overlap=False, fit_exp="poly") and
                fathon (toAggregated, DFA.computeFlucVec(revSeg=False, polOrd=1), fitFlucVec)
"""
import os

# One thread for every numerical library, before numpy is imported.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                  "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

D = 0.4
ACF_LAGS = 100
MIN_SAMPLE_SECONDS = 0.02
DAVIES_HARTE_SEED = 20250101

IMPLEMENTATIONS = {
    "fracdiff": ("numpy", "scipy"),
    "acf100": ("statsmodels",),
    "periodogram": ("numpy", "scipy"),
    "davies_harte": ("numpy",),
    "lw": ("pyelw", "numpy"),
    "dfa": ("nolds", "fathon"),
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


# --------------------------------------------------------------------------------------------------
# fracdiff


def fracdiff_weights(n, d):
    """pi_0 = 1, pi_j = pi_{j-1} (j - 1 - d) / j (Hosking 1981), as a cumulative product."""
    import numpy as np

    w = np.empty(n)
    w[0] = 1.0
    j = np.arange(1.0, n)
    np.cumprod((j - 1.0 - d) / j, out=w[1:])
    return w


def fracdiff_numpy(x, d=D):
    import numpy as np
    from scipy.fft import next_fast_len

    n = x.shape[0]
    size = next_fast_len(2 * n - 1, real=True)
    w = fracdiff_weights(n, d)
    return np.fft.irfft(np.fft.rfft(w, size) * np.fft.rfft(x, size), size)[:n]


def fracdiff_scipy(x, d=D):
    import scipy.fft as sfft

    n = x.shape[0]
    size = sfft.next_fast_len(2 * n - 1, real=True)
    w = fracdiff_weights(n, d)
    return sfft.irfft(sfft.rfft(w, size) * sfft.rfft(x, size), size)[:n]


# --------------------------------------------------------------------------------------------------
# acf


def acf_statsmodels(x):
    from statsmodels.tsa.stattools import acf

    return acf(x, nlags=ACF_LAGS, fft=True)  # demeaned, divisor n (adjusted=False)


# --------------------------------------------------------------------------------------------------
# periodogram


def periodogram_numpy(x):
    import numpy as np

    n = x.shape[0]
    spectrum = np.fft.rfft(x)[1:]  # j = 1..floor(n/2)
    return (spectrum.real ** 2 + spectrum.imag ** 2) / (2.0 * math.pi * n)


def periodogram_scipy(x):
    """scipy's one-sided density (fs = 1) is 2|X_j|^2/n inside (0, 1/2) and |X_j|^2/n at Nyquist."""
    from scipy.signal import periodogram

    n = x.shape[0]
    _, density = periodogram(x, fs=1.0, window="boxcar", detrend=False, return_onesided=True,
                             scaling="density")
    result = density[1:] / (4.0 * math.pi)
    if n % 2 == 0:
        result[-1] *= 2.0
    return result


# --------------------------------------------------------------------------------------------------
# Davies–Harte


def arfima0d0_acvf(n, d=D):
    """gamma(0) = Gamma(1-2d)/Gamma(1-d)^2, rho(k) = rho(k-1)(k-1+d)/(k-d) (Hosking 1981), sigma^2 = 1."""
    import numpy as np

    gamma = np.empty(n)
    gamma[0] = math.exp(math.lgamma(1.0 - 2.0 * d) - 2.0 * math.lgamma(1.0 - d))
    k = np.arange(1.0, n)
    np.cumprod((k - 1.0 + d) / (k - d), out=gamma[1:])
    gamma[1:] *= gamma[0]
    return gamma


def davies_harte_numpy(n, d=D, noise=None, seed=DAVIES_HARTE_SEED):
    """Davies & Harte (1987), Biometrika 74:95–101: c = (g0..g_{n-1}, g_{n-2}..g1), M = 2(n-1),
    mu = FFT(c) (real), Z_k = a_k + i b_k with a, b iid N(0,1), W = FFT(sqrt(mu/M) Z), sample = Re W_0..W_{n-1}.
    noise: optional (a, b) arrays of length M (verification mode); otherwise drawn from a seeded generator."""
    import numpy as np

    gamma = arfima0d0_acvf(n, d)
    m = 2 * (n - 1)
    c = np.concatenate((gamma, gamma[-2:0:-1]))
    half = np.fft.rfft(c).real  # length n: mu_0..mu_{n-1} (mu_{n-1} at frequency pi)
    if half.min() < 0.0:
        raise ValueError(f"circulant embedding not non-negative: min eigenvalue {half.min()}")
    mu = np.empty(m)
    mu[:n] = half
    mu[n:] = half[-2:0:-1]
    if noise is None:
        rng = np.random.default_rng(seed)
        z = rng.standard_normal(m) + 1j * rng.standard_normal(m)
    else:
        z = noise[0] + 1j * noise[1]
    w = np.fft.fft(np.sqrt(mu / m) * z)
    return w.real[:n].copy()


# --------------------------------------------------------------------------------------------------
# local Whittle


def lw_bandwidth(n):
    return int(math.floor(math.exp(0.65 * math.log(n)) * (1 + 1e-12)))


def lw_pyelw(x):
    import pyelw

    return float(pyelw.LW().fit(x, m=lw_bandwidth(x.shape[0])).d_hat_)


def lw_numpy(x):
    """R(d) = log(mean_j lambda_j^{2d} I_j) - 2d mean_j log lambda_j over j = 1..m, minimised on [-1, 2.2]."""
    import numpy as np
    from scipy.optimize import minimize_scalar

    n = x.shape[0]
    m = lw_bandwidth(n)
    spectrum = np.fft.rfft(x)[1:m + 1]
    periodogram = (spectrum.real ** 2 + spectrum.imag ** 2) / (2.0 * math.pi * n)
    centred = np.log(2.0 * math.pi * np.arange(1, m + 1) / n)
    centred -= centred.mean()
    scaled = periodogram / periodogram.mean()

    def objective(d):
        return math.log(np.mean(scaled * np.exp(2.0 * d * centred)))

    return float(minimize_scalar(objective, bounds=(-1.0, 2.2), method="bounded", options={"xatol": 1e-9}).x)


# --------------------------------------------------------------------------------------------------
# DFA


def dfa_windows(n):
    """nolds.logarithmic_n(4, 0.1 n, 1.2), written out so that every implementation uses the same sizes."""
    max_i = int(math.floor(math.log(0.1 * n / 4) / math.log(1.2)))
    sizes = [4]
    for i in range(max_i + 1):
        size = int(math.floor(4 * 1.2 ** i))
        if size > sizes[-1]:
            sizes.append(size)
    return sizes


def dfa_nolds(x, windows):
    import nolds

    return float(nolds.dfa(x, nvals=windows, overlap=False, order=1, fit_exp="poly"))


def dfa_nolds_fluctuations(x, windows):
    import nolds

    _, (_, log_f, _) = nolds.dfa(x, nvals=windows, overlap=False, order=1, fit_exp="poly", debug_data=True)
    return [math.exp(v) for v in log_f]


def dfa_fathon(x, windows):
    import numpy as np
    import fathon
    from fathon import fathonUtils

    pydfa = fathon.DFA(fathonUtils.toAggregated(x))
    pydfa.computeFlucVec(np.array(windows, dtype=np.int64), polOrd=1, revSeg=False)
    alpha, _ = pydfa.fitFlucVec()
    return float(alpha)


def dfa_fathon_fluctuations(x, windows):
    import numpy as np
    import fathon
    from fathon import fathonUtils

    pydfa = fathon.DFA(fathonUtils.toAggregated(x))
    _, fluct = pydfa.computeFlucVec(np.array(windows, dtype=np.int64), polOrd=1, revSeg=False)
    return [float(v) for v in fluct]


# --------------------------------------------------------------------------------------------------


def preload(workload, impl):
    """Import what the call needs, so that lazy imports are neither timed nor counted in the baseline."""
    import numpy  # noqa: F401
    import scipy.fft  # noqa: F401

    if impl == "statsmodels":
        import statsmodels.tsa.stattools  # noqa: F401
    if workload == "periodogram" and impl == "scipy":
        import scipy.signal  # noqa: F401
    if impl in ("pyelw", "nolds", "fathon"):
        __import__(impl)
    if workload == "lw" and impl == "numpy":
        import scipy.optimize  # noqa: F401


def make_call(workload, impl, x, n):
    if workload == "fracdiff":
        function = {"numpy": fracdiff_numpy, "scipy": fracdiff_scipy}[impl]
        return lambda: function(x)
    if workload == "acf100":
        return lambda: acf_statsmodels(x)
    if workload == "periodogram":
        function = {"numpy": periodogram_numpy, "scipy": periodogram_scipy}[impl]
        return lambda: function(x)
    if workload == "davies_harte":
        return lambda: davies_harte_numpy(n)
    if workload == "lw":
        function = {"pyelw": lw_pyelw, "numpy": lw_numpy}[impl]
        return lambda: function(x)
    if workload == "dfa":
        windows = dfa_windows(n)
        function = {"nolds": dfa_nolds, "fathon": dfa_fathon}[impl]
        return lambda: function(x, windows)
    raise KeyError(workload)


def read_input(path, n):
    import numpy as np

    x = np.fromfile(path, dtype="<f8", count=n)
    if x.shape[0] != n:
        raise SystemExit(f"bench.py: {path} holds {x.shape[0]} float64 values, fewer than n = {n}")
    return x.astype(np.float64, copy=False)


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else 0.5 * (ordered[middle - 1] + ordered[middle])


def run_timing(args):
    workload, impl, n = args.workload, args.impl, args.n
    if impl not in IMPLEMENTATIONS.get(workload, ()):
        print(f"UNAVAILABLE {workload} {n} {impl} no such Python implementation")
        return 0
    try:
        preload(workload, impl)
    except ImportError as error:
        print(f"UNAVAILABLE {workload} {n} {impl} import failed: {error}")
        return 0

    x = None if workload == "davies_harte" else read_input(args.input, n)
    call = make_call(workload, impl, x, n)
    base = peak_rss_mb()  # interpreter, modules and input; the workload's own memory comes on top
    call()  # warm-up
    start = time.perf_counter()
    call()
    single = time.perf_counter() - start
    batch = 1 if single >= MIN_SAMPLE_SECONDS else math.ceil(MIN_SAMPLE_SECONDS / max(single, 1e-7))
    samples = []
    result = None
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(batch):
            result = call()
        samples.append((time.perf_counter() - start) / batch)
    checksum = float(result.sum()) if hasattr(result, "sum") else float(result)
    print(f"RESULT {workload} {n} {impl} {median(samples):.6e} {peak_rss_mb():.1f} base_rss_mb={base:.1f} "
          f"repeats={args.repeats} batch={batch} min_s={min(samples):.6e} checksum={checksum:.6e}")
    return 0


def write_values(path, values):
    with open(path, "w") as handle:
        handle.write("".join(f"{float(v):.17g}\n" for v in values))


def run_check(args):
    import numpy as np

    n = args.n
    m = 2 * (n - 1)
    data = read_input(args.input, max(n, 2 * m))
    x = data[:n].copy()
    centred = x - x.mean()
    out = args.check
    os.makedirs(out, exist_ok=True)
    write_values(os.path.join(out, "fracdiff-numpy.txt"), fracdiff_numpy(centred))
    write_values(os.path.join(out, "fracdiff-scipy.txt"), fracdiff_scipy(centred))
    write_values(os.path.join(out, "acf100-statsmodels.txt"), acf_statsmodels(x))
    write_values(os.path.join(out, "periodogram-numpy.txt"), periodogram_numpy(x))
    write_values(os.path.join(out, "periodogram-scipy.txt"), periodogram_scipy(x))
    noise = (np.array(data[:m]), np.array(data[m:2 * m]))
    write_values(os.path.join(out, "davies_harte-numpy.txt"), davies_harte_numpy(n, noise=noise))
    # Estimators: a peer that is not installed writes no file (the timing run reports it unavailable).
    for impl, function in (("pyelw", lw_pyelw), ("numpy", lw_numpy)):
        try:
            write_values(os.path.join(out, f"lw-{impl}.txt"), [function(x)])
        except ImportError:
            pass
    windows = dfa_windows(n)
    for impl, alpha, fluctuations in (("nolds", dfa_nolds, dfa_nolds_fluctuations),
                                      ("fathon", dfa_fathon, dfa_fathon_fluctuations)):
        try:
            write_values(os.path.join(out, f"dfa-{impl}.txt"), [alpha(x, windows)] + fluctuations(x, windows))
        except ImportError:
            pass
    return 0


def run_versions():
    print(f"VERSION python {platform.python_version()}")
    from importlib import metadata

    for module in ("numpy", "scipy", "statsmodels", "pyelw", "nolds", "fathon"):
        try:
            version = metadata.version(module)
        except metadata.PackageNotFoundError as error:
            version = f"unavailable ({error})"
        print(f"VERSION {module} {version}")
    try:
        import numpy as np

        config = np.show_config(mode="dicts")
        blas = config.get("Build Dependencies", {}).get("blas", {})
        print(f"VERSION numpy-blas {blas.get('name', '?')} {blas.get('version', '')}".rstrip())
    except Exception:  # noqa: BLE001 - informational only
        pass
    return 0


def main():
    parser = argparse.ArgumentParser(description="Python peers of the rnnmem benchmark")
    parser.add_argument("--workload", choices=sorted(IMPLEMENTATIONS))
    parser.add_argument("--impl")
    parser.add_argument("--n", type=int)
    parser.add_argument("--input")
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--check", metavar="OUTDIR")
    parser.add_argument("--versions", action="store_true")
    args = parser.parse_args()
    if args.versions:
        return run_versions()
    if args.n is None or args.n < 2 or args.input is None:
        parser.error("--n (>= 2) and --input are required")
    if args.check:
        return run_check(args)
    if args.workload is None or args.impl is None:
        parser.error("--workload and --impl are required in timing mode")
    if args.repeats < 1:
        parser.error("--repeats must be positive")
    return run_timing(args)


if __name__ == "__main__":
    sys.exit(main())
