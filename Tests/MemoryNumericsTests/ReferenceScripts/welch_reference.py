"""Reference values for WelchTTestTests.swift: SciPy's Welch two-sample t-test.

Generates the cases printed into the test file: scipy.stats.ttest_ind(x, y, equal_var=False) (two-sided) and its
one-sided forms (alternative="less", "greater"), with the Welch–Satterthwaite degrees of freedom computed from the
sample variances. Run: python3 welch_reference.py   (SciPy 1.17.1, NumPy 2.4 used for the committed values)
"""
import numpy as np
import scipy
from scipy import stats

cases = {
    # Small hand-made samples with unequal variances and sizes.
    "a": ([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
          [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]),
    "b": ([17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
          [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8]),
    "c": ([1.1620, 1.0880, 1.1010, 1.1340], [0.98, 1.02, 0.99]),
    # Pseudo-random normal samples (fixed seed), 10 against 10 (the Zhao table's seeds).
    "d": tuple(list(v) for v in (np.random.default_rng(7).normal(0.96, 0.004, 10).round(6),
                                 np.random.default_rng(8).normal(0.958, 0.009, 10).round(6))),
}
print(f"# scipy {scipy.__version__}, numpy {np.__version__}")
for name, (x, y) in cases.items():
    x, y = np.array(x), np.array(y)
    r = stats.ttest_ind(x, y, equal_var=False)
    less = stats.ttest_ind(x, y, equal_var=False, alternative="less").pvalue
    greater = stats.ttest_ind(x, y, equal_var=False, alternative="greater").pvalue
    vx, vy = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    print(f"{name}: x = {list(map(float, x))}")
    print(f"{name}: y = {list(map(float, y))}")
    print(f"{name}: t = {r.statistic!r}, df = {df!r}, p = {r.pvalue!r}, p_less = {less!r}, p_greater = {greater!r}")
