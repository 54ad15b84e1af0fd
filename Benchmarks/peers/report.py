#!/usr/bin/env python3
"""Format the benchmark's raw lines as side-by-side tables (standard library only).

Reads the raw file written by Benchmarks/run.sh, whose lines are
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> [key=value ...]
    UNAVAILABLE <workload|*> <n|*> <impl> <reason ...>
    FAILED <workload> <n> <impl> <reason ...>
    VERSION <name> <version ...>
    ENV <key> <value ...>
    CHECK / PAIRWISE / verification ... (output of verify.py)
and prints the tables; with --markdown FILE also writes them as Markdown (Benchmarks/results/latest.md).

Ratios are peer time / rnnmem time: above 1 means rnnmem is faster.
"""
import argparse
import sys

SERIES_WORKLOADS = ("fracdiff", "acf100", "periodogram", "davies_harte")
# Recurrent networks (Benchmarks/run-rnn.sh): n is the hidden width.
RNN_WORKLOADS = tuple(f"{kind}_{arch}" for arch in ("rnn", "lstm", "gru") for kind in ("train", "grad", "hvp"))
# Estimators of d and the whole `rnnmem check` (MemoryWorkloads.swift).
ESTIMATOR_WORKLOADS = ("lw", "hr", "hr_rtol", "dfa", "check_djia")
WORKLOAD_ORDER = SERIES_WORKLOADS + ESTIMATOR_WORKLOADS + RNN_WORKLOADS
IMPL_ORDER = ("rnnmem", "c-fftw", "c-fftw-plan", "numpy", "scipy", "statsmodels", "R",
              "pyelw", "fathon", "nolds", "rnnmem-cli", "pytorch", "jax", "pytorch-f32", "jax-f32")

# What each (workload, impl) cell measures; a cell without an entry is "—" (no such implementation).
DESCRIPTIONS = {
    ("fracdiff", "rnnmem"): "rnnmem type-II filter (1−B)^0.4 via FFT, no demeaning",
    ("fracdiff", "c-fftw"): "C, FFTW r2c/c2r, FFTW_ESTIMATE plans made once and reused (not timed)",
    ("fracdiff", "c-fftw-plan"): "same C program, allocating and planning inside every call",
    ("fracdiff", "numpy"): "numpy.fft.rfft/irfft, padded to scipy.fft.next_fast_len(2n−1)",
    ("fracdiff", "scipy"): "scipy.fft.rfft/irfft (workers=1), same padding",
    ("fracdiff", "R"): "fracdiff::diffseries(x, 0.4) — DEMEANS x first (the others do not)",
    ("acf100", "rnnmem"): "rnnmem sample acf, lags 0..100, demeaned, divisor n",
    ("acf100", "statsmodels"): "statsmodels.tsa.stattools.acf(x, nlags=100, fft=True)",
    ("acf100", "R"): "stats::acf(x, lag.max=100, plot=FALSE) (direct sums)",
    ("periodogram", "rnnmem"): "rnnmem periodogram |Σx_t e^{−iλt}|²/(2πn), j = 1..⌊n/2⌋",
    ("periodogram", "numpy"): "numpy.fft.rfft, |X_j|²/(2πn)",
    ("periodogram", "scipy"): "scipy.signal.periodogram(boxcar, detrend=False) rescaled to 1/(2πn)",
    ("periodogram", "R"): "stats::fft (complex), |X_j|²/(2πn)",
    ("davies_harte", "rnnmem"): "rnnmem Davies–Harte ARFIMA(0,0.4,0): acvf, eigenvalues, draws, FFT",
    ("davies_harte", "numpy"): "numpy Davies–Harte, M = 2(n−1), default_rng draws",
    ("davies_harte", "R"): "R Davies–Harte with stats::fft and rnorm, M = 2(n−1)",
}
DESCRIPTIONS.update({
    ("lw", "rnnmem"): "rnnmem LocalWhittle.estimate: one real FFT (cached plan), Brent on the convex R(d)",
    ("lw", "pyelw"): "pyelw 1.0.2 LW().fit(x, m) (numpy FFT periodogram, golden-section search)",
    ("lw", "numpy"): "numpy rfft periodogram + scipy minimize_scalar(bounded, xatol 1e-9)",
    ("hr", "rnnmem"): "rnnmem ParametricEstimation.haslettRaftery, M = 100, Brent near the Whittle estimate (tol 1e-9)",
    ("hr", "R"): "fracdiff::fracdiff(y, nar = 0, nma = 0, M = 100) (Fortran; default dtol = eps^(1/4) = 1.2e-4)",
    ("hr_rtol", "rnnmem"): "the same, Brent stopped at R fracdiff's default dtol = eps^(1/4) = 1.2e-4",
    ("dfa", "rnnmem"): "rnnmem DFA.estimate(order 1, non-overlapping windows, same sizes)",
    ("dfa", "fathon"): "fathon 1.4.0 DFA(toAggregated(x)).computeFlucVec(revSeg=False, polOrd=1) + fitFlucVec (C)",
    ("dfa", "nolds"): "nolds 0.6.1 dfa(overlap=False, order=1, fit_exp='poly') (numpy, loop over windows)",
    ("check_djia", "rnnmem"): "MemoryCheck.run on |Δ log close| (7 estimators, 6 tests, Definition 1, periodicity, ACF fits)",
    ("check_djia", "rnnmem-cli"): "the `rnnmem check … --transform abs-log-returns` process end to end (start-up, CSV, report)",
})
_MODULES = {"rnn": "nn.RNN(tanh)", "lstm": "nn.LSTM", "gru": "nn.GRU"}
for _arch, _module in _MODULES.items():
    DESCRIPTIONS[(f"train_{_arch}", "rnnmem")] = "rnnmem float64: forward, BPTT, Adam update"
    DESCRIPTIONS[(f"train_{_arch}", "pytorch")] = f"torch {_module} + nn.Linear, float64, eager CPU, torch.optim.Adam"
    DESCRIPTIONS[(f"train_{_arch}", "pytorch-f32")] = "the same in float32"
    DESCRIPTIONS[(f"train_{_arch}", "jax")] = "jax.jit(value_and_grad + Adam), lax.scan cell, float64, CPU"
    DESCRIPTIONS[(f"train_{_arch}", "jax-f32")] = "the same in float32"
    DESCRIPTIONS[(f"grad_{_arch}", "rnnmem")] = "rnnmem float64 loss and gradient (BPTT)"
    DESCRIPTIONS[(f"grad_{_arch}", "pytorch")] = "torch.autograd.grad, float64"
    DESCRIPTIONS[(f"grad_{_arch}", "jax")] = "jax.jit(jax.grad), float64"
    DESCRIPTIONS[(f"hvp_{_arch}", "rnnmem")] = "rnnmem exact HVP, forward-over-reverse on dual numbers"
    DESCRIPTIONS[(f"hvp_{_arch}", "pytorch")] = "torch double backward (autograd.grad with create_graph=True), float64"
    DESCRIPTIONS[(f"hvp_{_arch}", "jax")] = "jax.jit(jvp of grad) (forward-over-reverse), float64"
NOTES = {
    "fracdiff": "d = 0.4, full type-II filter y_t = Σ_{j<t} π_j x_{t−j} (linear convolution, FFT length ≥ 2n−1)",
    "acf100": "sample autocorrelation, 100 lags",
    "periodogram": "periodogram at the Fourier frequencies",
    "davies_harte": "exact simulation of ARFIMA(0, 0.4, 0), σ² = 1 (whole simulation timed)",
}
NOTES.update({
    "lw": "local Whittle d̂ (Robinson 1995), m = ⌊n^0.65⌋, d ∈ [−1, 2.2], on the input",
    "hr": "Haslett–Raftery ARFIMA(0,d,0) fit, M = 100, on y = (1−B)^{−0.3} x (y made once, not timed)",
    "hr_rtol": "hr with the d tolerance of R fracdiff's default (eps^(1/4) = 1.2e-4) instead of rnnmem's 1e-9",
    "dfa": "DFA-1, non-overlapping windows, sizes ⌊4·1.2^i⌋ up to n/10 (nolds' rule), α by least squares",
    "check_djia": "the whole rnnmem check on the absolute daily log-returns of the DJIA 1885–2023 (n = 37 930)",
})
for _arch in ("rnn", "lstm", "gru"):
    _setting = "hidden n, T = 64, B = 32, d_in = d_out = 1, MSE, one thread"
    NOTES[f"train_{_arch}"] = f"{_MODULES[_arch]}: one Adam training step ({_setting})"
    NOTES[f"grad_{_arch}"] = f"{_MODULES[_arch]}: loss and gradient ({_setting})"
    NOTES[f"hvp_{_arch}"] = f"{_MODULES[_arch]}: one exact Hessian-vector product ({_setting})"


class Results:
    def __init__(self):
        self.results = {}  # (workload, n, impl) -> dict
        self.unavailable = {}  # (workload|*, n|*, impl) -> reason
        self.failed = {}
        self.versions = []
        self.environment = []
        self.checks = []

    def load(self, lines):
        for raw in lines:
            line = raw.rstrip("\n")
            fields = line.split()
            if not fields:
                continue
            kind = fields[0]
            if kind == "RESULT" and len(fields) >= 6:
                workload, n, impl = fields[1], int(fields[2]), fields[3]
                try:
                    entry = {"median": float(fields[4]), "peak": float(fields[5])}
                except ValueError:
                    continue
                for extra in fields[6:]:
                    key, _, value = extra.partition("=")
                    entry[key] = value
                self.results[(workload, n, impl)] = entry
            elif kind in ("UNAVAILABLE", "FAILED") and len(fields) >= 4:
                key = (fields[1], fields[2], fields[3])
                target = self.unavailable if kind == "UNAVAILABLE" else self.failed
                target[key] = " ".join(fields[4:]) or "no reason given"
            elif kind == "VERSION" and len(fields) >= 3:
                self.versions.append((fields[1], " ".join(fields[2:])))
            elif kind == "ENV" and len(fields) >= 3:
                self.environment.append((fields[1], " ".join(fields[2:])))
            elif kind in ("CHECK", "PAIRWISE") or line.startswith("verification"):
                self.checks.append(line)

    def rows(self):
        keys = {(w, n) for (w, n, _) in self.results}
        keys |= {(w, int(n)) for (w, n, _) in list(self.failed) + list(self.unavailable)
                 if w != "*" and n != "*"}
        order = {w: i for i, w in enumerate(WORKLOAD_ORDER)}
        return sorted(keys, key=lambda k: (order.get(k[0], 99), k[0], k[1]))

    def columns(self):
        present = {impl for (_, _, impl) in self.results} | {impl for (_, _, impl) in self.failed}
        present |= {impl for (_, _, impl) in self.unavailable}
        present.add("rnnmem")
        ordered = [impl for impl in IMPL_ORDER if impl in present]
        return ordered + sorted(present - set(IMPL_ORDER))

    def status(self, workload, n, impl):
        """('ok', entry) | ('failed', reason) | ('unavailable', reason) | ('missing', '') | ('none', '')"""
        entry = self.results.get((workload, n, impl))
        if entry is not None:
            return "ok", entry
        if impl in IMPL_ORDER and (workload, impl) not in DESCRIPTIONS:
            return "none", ""
        for key in ((workload, str(n), impl), (workload, "*", impl), ("*", "*", impl)):
            if key in self.failed:
                return "failed", self.failed[key]
            if key in self.unavailable:
                return "unavailable", self.unavailable[key]
        if (workload, impl) in DESCRIPTIONS:
            return "missing", ""
        return "none", ""


def format_ms(seconds):
    ms = seconds * 1e3
    if ms >= 100:
        return f"{ms:.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    if ms >= 1:
        return f"{ms:.2f}"
    return f"{ms:.3f}"


def format_n(n):
    exponent = len(str(n)) - 1
    return f"1e{exponent}" if n == 10 ** exponent else str(n)


def time_cell(results, workload, n, impl):
    state, value = results.status(workload, n, impl)
    if state == "ok":
        text = format_ms(value["median"])
        base = results.results.get((workload, n, "rnnmem"))
        if impl != "rnnmem" and base is not None and base["median"] > 0:
            text += f" ({value['median'] / base['median']:.2f}×)"
        return text
    return {"failed": "FAILED", "unavailable": "unavailable", "missing": "missing", "none": "—"}[state]


def memory_cell(results, workload, n, impl):
    state, value = results.status(workload, n, impl)
    if state != "ok":
        return {"failed": "FAILED", "unavailable": "unavailable", "missing": "missing", "none": "—"}[state]
    text = f"{value['peak']:.0f}"
    if "base_rss_mb" in value:
        try:
            text += f" (+{value['peak'] - float(value['base_rss_mb']):.0f})"
        except ValueError:
            pass
    return text


def targets(results):
    """Targets of the series workloads at n = 1e6, one thread."""
    n = 1_000_000
    rows = []

    def median(workload, impl):
        entry = results.results.get((workload, n, impl))
        return None if entry is None else entry["median"]

    def ratio_target(label, workload, peer, minimum):
        ours, theirs = median(workload, "rnnmem"), median(workload, peer)
        if ours is None or theirs is None:
            rows.append((label, "not measured", "—"))
            return
        ratio = theirs / ours
        rows.append((label, f"{peer}/rnnmem = {ratio:.2f}", "met" if ratio >= minimum else "NOT met"))

    ours, c = median("fracdiff", "rnnmem"), median("fracdiff", "c-fftw")
    if ours is None or c is None:
        rows.append(("fracdiff within 1.3× of C (FFTW, plans reused)", "not measured", "—"))
    else:
        rows.append(("fracdiff within 1.3× of C (FFTW, plans reused)", f"rnnmem/c-fftw = {ours / c:.2f}",
                     "met" if ours <= 1.3 * c else "NOT met"))
    ratio_target("fracdiff ≥ 2× faster than numpy FFT", "fracdiff", "numpy", 2.0)
    ratio_target("fracdiff ≥ 5× faster than R diffseries", "fracdiff", "R", 5.0)
    ratio_target("acf ≥ 2× faster than statsmodels", "acf100", "statsmodels", 2.0)
    ratio_target("acf ≥ 2× faster than R", "acf100", "R", 2.0)
    dh = median("davies_harte", "rnnmem")
    rows.append(("Davies–Harte ≤ 100 ms",
                 "not measured" if dh is None else f"{dh * 1e3:.1f} ms",
                 "—" if dh is None else ("met" if dh <= 0.1 else "NOT met")))
    limit_mb = 5 * 2 * n * 8 / 1e6
    # The memory target concerns the four series workloads at n = 1e6.
    for workload in ("fracdiff", "acf100", "periodogram", "davies_harte"):
        entry = results.results.get((workload, n, "rnnmem"))
        label = f"{workload}: peak memory ≤ 5 arrays of 2n doubles ({limit_mb:.0f} MB) above the baseline"
        if entry is None:
            rows.append((label, "not measured", "—"))
            continue
        try:
            extra = entry["peak"] - float(entry["base_rss_mb"])
            measured = f"+{extra:.0f} MB (peak {entry['peak']:.0f} MB)"
        except (KeyError, ValueError):
            extra = entry["peak"]
            measured = f"peak {extra:.0f} MB (no baseline reported)"
        rows.append((label, measured, "met" if extra <= limit_mb else "NOT met"))
    return rows


def estimator_targets(results):
    """Targets of the estimators of d and rnnmem check, one thread."""
    rows = []

    def median(workload, n, impl):
        entry = results.results.get((workload, n, impl))
        return None if entry is None else entry["median"]

    lw = median("lw", 1_000_000, "rnnmem")
    rows.append(("local Whittle at n = 1e6 ≤ 150 ms", "not measured" if lw is None else f"{lw * 1e3:.1f} ms",
                 "—" if lw is None else ("met" if lw <= 0.15 else "NOT met")))
    r = median("hr", 100_000, "R")
    for workload, label in (("hr_rtol", "at the same d tolerance (1.2e-4)"),
                            ("hr", "with each default (rnnmem 1e-9, R 1.2e-4)")):
        ours = median(workload, 100_000, "rnnmem")
        target = f"Haslett–Raftery at n = 1e5 no slower than R fracdiff, {label}"
        if ours is None or r is None:
            rows.append((target, "not measured", "—"))
        else:
            rows.append((target, f"R/rnnmem = {r / ours:.2f}", "met" if ours <= r else "NOT met"))
    ours, f = median("dfa", 100_000, "rnnmem"), median("dfa", 100_000, "fathon")
    if ours is None or f is None:
        rows.append(("DFA at n = 1e5 ≥ 2× faster than fathon", "not measured", "—"))
    else:
        rows.append(("DFA at n = 1e5 ≥ 2× faster than fathon", f"fathon/rnnmem = {f / ours:.2f}",
                     "met" if f >= 2 * ours else "NOT met"))
    for impl, label in (("rnnmem", "computation"), ("rnnmem-cli", "process end to end")):
        t = median("check_djia", 37930, impl)
        rows.append((f"rnnmem check on the DJIA (37 930 values) < 2 s — {label}",
                     "not measured" if t is None else f"{t * 1e3:.0f} ms",
                     "—" if t is None else ("met" if t < 2 else "NOT met")))
    return rows


def rnn_targets(results):
    """Recurrent-network targets: training step faster than PyTorch and JAX (float64), HVP ≤ 3× the gradient."""
    rows = []
    for arch in ("rnn", "lstm", "gru"):
        ns = sorted({n for (w, n, _) in results.results if w == f"train_{arch}"})
        for n in ns:
            def median(workload, impl):
                entry = results.results.get((workload, n, impl))
                return None if entry is None else entry["median"]
            ours = median(f"train_{arch}", "rnnmem")
            for peer in ("pytorch", "jax"):
                theirs = median(f"train_{arch}", peer)
                label = f"train_{arch} (n = {n}) faster than {peer} float64"
                if ours is None or theirs is None:
                    rows.append((label, "not measured", "—"))
                else:
                    rows.append((label, f"{peer}/rnnmem = {theirs / ours:.2f}", "met" if theirs > ours else "NOT met"))
            g, h = median(f"grad_{arch}", "rnnmem"), median(f"hvp_{arch}", "rnnmem")
            label = f"hvp_{arch} ≤ 3× grad_{arch} (n = {n})"
            if g is None or h is None:
                rows.append((label, "not measured", "—"))
            else:
                rows.append((label, f"hvp/grad = {h / g:.2f}", "met" if h <= 3 * g else "NOT met"))
            for peer in ("pytorch", "jax"):
                pg, ph = median(f"grad_{arch}", peer), median(f"hvp_{arch}", peer)
                if pg is not None and ph is not None:
                    rows.append((f"(for reference) {peer} hvp/grad, {arch}", f"{ph / pg:.2f}", "—"))
    return rows


def text_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def build(results):
    """Returns a list of (title, header, rows) tables and a list of (title, lines) text sections."""
    columns = results.columns()
    keys = results.rows()
    time_rows = [[workload, format_n(n)] + [time_cell(results, workload, n, impl) for impl in columns]
                 for workload, n in keys]
    memory_rows = [[workload, format_n(n)] + [memory_cell(results, workload, n, impl) for impl in columns]
                   for workload, n in keys]
    header = ["workload", "n"] + columns
    tables = [
        ("Median time per call, ms (ratio = peer time / rnnmem time; > 1 means rnnmem is faster)",
         header, time_rows),
        ("Peak resident memory of the process, MB (in parentheses: above the baseline of runtime + input)",
         header, memory_rows),
    ]
    present = {w for (w, _) in keys}
    if present & set(SERIES_WORKLOADS):
        tables.append(("Targets of the series workloads (n = 1e6, one thread)", ["target", "measured", "status"],
                       [list(row) for row in targets(results)]))
    if present & set(ESTIMATOR_WORKLOADS):
        tables.append(("Targets of the estimators of d and rnnmem check (one thread)",
                       ["target", "measured", "status"], [list(row) for row in estimator_targets(results)]))
    if present & set(RNN_WORKLOADS):
        tables.append(("Targets of the recurrent networks (one thread)", ["target", "measured", "status"],
                       [list(row) for row in rnn_targets(results)]))
    sections = []
    described = [f"{workload} / {impl}: {DESCRIPTIONS[(workload, impl)]}"
                 for workload in WORKLOAD_ORDER for impl in columns
                 if (workload, impl) in DESCRIPTIONS and workload in present]
    sections.append(("Workloads", [f"{w}: {NOTES[w]}" for w in WORKLOAD_ORDER if w in present]))
    sections.append(("Implementations", described))
    problems = [f"{impl} ({workload} {n}): unavailable — {reason}"
                for (workload, n, impl), reason in sorted(results.unavailable.items())]
    problems += [f"{impl} ({workload} {n}): FAILED — {reason}"
                 for (workload, n, impl), reason in sorted(results.failed.items())]
    missing = [f"{workload} {format_n(n)}" for workload, n in keys
               if results.status(workload, n, "rnnmem")[0] == "missing"]
    if missing:
        problems.append("rnnmem: missing (rnnmem-bench printed no RESULT line) for " + ", ".join(missing))
    problems += [f"{key}: {value}" for key, value in results.environment if key.startswith("rnnmem-")]
    if problems:
        sections.append(("Unavailable, failed or missing", problems))
    if results.checks:
        sections.append(("Numerical cross-check (before timing)", results.checks))
    if results.versions:
        sections.append(("Versions", [f"{name}: {version}" for name, version in results.versions]))
    if results.environment:
        sections.append(("Environment", [f"{key}: {value}" for key, value in results.environment
                                         if not key.startswith("rnnmem-")]))
    return tables, sections


def main():
    parser = argparse.ArgumentParser(description="format the rnnmem benchmark results")
    parser.add_argument("raw", help="raw RESULT lines written by run.sh")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")
    args = parser.parse_args()
    results = Results()
    with open(args.raw) as handle:
        results.load(handle)
    tables, sections = build(results)

    for title, header, rows in tables:
        print(f"\n{title}\n")
        print(text_table(header, rows))
    for title, lines in sections:
        print(f"\n{title}:")
        for line in lines:
            print(f"  {line}")

    if args.markdown:
        parts = ["# rnnmem benchmark — latest run", "",
                 "Written by `Benchmarks/run.sh` (formatted by `Benchmarks/peers/report.py`). One thread per "
                 "implementation; median of repeated calls after one warm-up; input generation and file reading "
                 "are not timed. See `Benchmarks/README.md`.", ""]
        for title, header, rows in tables:
            parts += [f"## {title}", "", markdown_table(header, rows), ""]
        for title, lines in sections:
            parts += [f"## {title}", ""]
            if title.startswith("Numerical"):
                parts += ["```"] + lines + ["```", ""]
            else:
                parts += [f"- {line}" for line in lines] + [""]
        with open(args.markdown, "w") as handle:
            handle.write("\n".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
