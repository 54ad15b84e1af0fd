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

WORKLOAD_ORDER = ("fracdiff", "acf100", "periodogram", "davies_harte")
IMPL_ORDER = ("rnnmem", "c-fftw", "c-fftw-plan", "numpy", "scipy", "statsmodels", "R")

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
NOTES = {
    "fracdiff": "d = 0.4, full type-II filter y_t = Σ_{j<t} π_j x_{t−j} (linear convolution, FFT length ≥ 2n−1)",
    "acf100": "sample autocorrelation, 100 lags",
    "periodogram": "periodogram at the Fourier frequencies",
    "davies_harte": "exact simulation of ARFIMA(0, 0.4, 0), σ² = 1 (whole simulation timed)",
}


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
    """Issue 2 §7 targets at n = 1e6, one thread."""
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
    for workload in WORKLOAD_ORDER:
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
        ("Targets of issue 2 §7 (n = 1e6, one thread)", ["target", "measured", "status"],
         [list(row) for row in targets(results)]),
    ]
    sections = []
    described = [f"{workload} / {impl}: {DESCRIPTIONS[(workload, impl)]}"
                 for workload in WORKLOAD_ORDER for impl in columns if (workload, impl) in DESCRIPTIONS]
    sections.append(("Workloads", [f"{w}: {NOTES[w]}" for w in WORKLOAD_ORDER]))
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
