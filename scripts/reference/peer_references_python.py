#!/usr/bin/env python3
"""Reference values of the Python packages pyelw and nolds for Tests/LongMemoryTests/PeerReferenceTests.swift.

Run from the package root, after scripts/reference/peer_references_fracdiff.R (it writes the simulated series):
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install pyelw==1.0.2 nolds==0.6.1
    /tmp/peers/bin/python scripts/reference/peer_references_python.py
(nolds 0.6.3 does not import on Python 3.11, hence 0.6.1, as in Benchmarks/requirements.txt.) It writes
Tests/LongMemoryTests/Fixtures/peer-python.json and prints the values. The tests read only the committed file: they
need neither Python nor these packages.

Series: the Nile minima (data/nile_min_622_1284.csv, n = 663) and the ARFIMA(0, 0.3, 0) series of
Tests/LongMemoryTests/Fixtures/fracdiff-sim.csv (n = 2000). Bandwidth m = floor(n^0.65), computed as rnnmem does
(floor(exp(0.65 log n)(1 + 1e-12)), which equals int(n**0.65) for both series), passed explicitly. Search interval
[-1, 2.2] (pyelw's default and rnnmem's). pyelw stops its golden-section search at a relative width of sqrt(eps).

Estimators (Robinson 1995; Velasco 1999; Hurvich & Chen 2000; Shimotsu & Phillips 2005; Shimotsu 2010):
    lw            LW(taper='none')
    lw_velasco    LW(taper='kolmogorov'): Zhurbenko-Kolmogorov taper of order 3, every third frequency j = 3, 6, ..., m,
                  at m = 3 floor(floor(n^0.65)/3), a multiple of 3. (pyelw divides both sums of Velasco's objective
                  by m/3, which is the number of terms only when 3 divides m; otherwise the -2d mean(log lambda)
                  term is scaled by floor(m/3)/(m/3) and d shifts: 0.4918 instead of 0.4608 on the Nile minima at
                  m = 68. rnnmem divides by the number of terms.)
    lw_hc         LW(taper='hc', diff=1): Hurvich-Chen complex taper after one difference
    elw           ELW(mean_est='none'): exact local Whittle, no mean correction
    elw_mean      ELW(mean_est='mean'): exact local Whittle of x - mean(x)
    elw2          TwoStepELW(taper='hc', trend_order=0): Shimotsu's two-step estimator
    elw2_trend    TwoStepELW(taper='hc', trend_order=1): the same after removing a linear trend

DFA (Peng et al. 1994) by nolds: dfa(x, nvals, overlap=False, order=1, fit_exp="poly") with nolds' default window
sizes logarithmic_n(4, 0.1 n, 1.2) written out; the exponent alpha and the fluctuation F(s) of every window size.
"""
import csv
import json
import math
import sys
from importlib.metadata import version

import nolds
import numpy as np
import pyelw

FIXTURES = "Tests/LongMemoryTests/Fixtures"


def read_column(path, column):
    with open(path, newline="") as handle:
        return np.array([float(row[column]) for row in csv.DictReader(handle)])


def dfa_windows(n):
    """nolds.logarithmic_n(4, 0.1 n, 1.2): distinct floor(4 * 1.2^i) up to 0.1 n."""
    sizes = [4]
    i = 1
    while 4 * 1.2 ** i <= 0.1 * n:
        size = int(math.floor(4 * 1.2 ** i))
        if size > sizes[-1]:
            sizes.append(size)
        i += 1
    assert sizes == [int(v) for v in nolds.logarithmic_n(4, 0.1 * n, 1.2)]
    return sizes


def bandwidth(n):
    return int(math.floor(math.exp(0.65 * math.log(n)) * (1 + 1e-12)))


ESTIMATORS = {
    "lw": lambda: pyelw.LW(taper="none"),
    "lw_velasco": lambda: pyelw.LW(taper="kolmogorov"),
    "lw_hc": lambda: pyelw.LW(taper="hc", diff=1),
    "elw": lambda: pyelw.ELW(mean_est="none"),
    "elw_mean": lambda: pyelw.ELW(mean_est="mean"),
    "elw2": lambda: pyelw.TwoStepELW(taper="hc", trend_order=0),
    "elw2_trend": lambda: pyelw.TwoStepELW(taper="hc", trend_order=1),
}


def main():
    series = {
        "nile": read_column("data/nile_min_622_1284.csv", "min_level"),
        "sim": read_column(f"{FIXTURES}/fracdiff-sim.csv", "x"),
    }
    rows = []
    dfa_rows = []
    for name, x in series.items():
        m = bandwidth(len(x))
        assert m == int(len(x) ** 0.65)
        for estimator, make in ESTIMATORS.items():
            used = 3 * (m // 3) if estimator == "lw_velasco" else m
            d = float(make().fit(x, m=used).d_hat_)
            print(f"{estimator:>10} {name}: n = {len(x)}, m = {used}, d = {d:.12f}")
            rows.append({"estimator": estimator, "series": name, "n": len(x), "m": used, "d": d})
        windows = dfa_windows(len(x))
        alpha, (_, log_f, _) = nolds.dfa(x, nvals=windows, overlap=False, order=1, fit_exp="poly", debug_data=True)
        print(f"{'dfa':>10} {name}: n = {len(x)}, {len(windows)} window sizes, alpha = {alpha:.12f}")
        dfa_rows.append({"series": name, "n": len(x), "window_sizes": windows, "alpha": float(alpha),
                         "fluctuations": [math.exp(v) for v in log_f]})
    out = {
        "generator": "scripts/reference/peer_references_pyelw.py",
        "python_version": sys.version.split()[0],
        "pyelw_version": version("pyelw"),
        "nolds_version": version("nolds"),
        "numpy_version": np.__version__,
        "series": {"nile": "data/nile_min_622_1284.csv, column min_level", "sim": "Fixtures/fracdiff-sim.csv"},
        "search_interval": [-1.0, 2.2],
        "estimates": rows,
        "dfa": dfa_rows,
    }
    with open(f"{FIXTURES}/peer-python.json", "w") as handle:
        json.dump(out, handle, indent=2)
        handle.write("\n")
    print(f"wrote {FIXTURES}/peer-python.json")


if __name__ == "__main__":
    main()
