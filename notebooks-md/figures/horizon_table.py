#!/usr/bin/env python3
"""The horizon table of notebooks-md/06-memory-of-networks.md from the collected cells of the horizon grid.

Usage: python3 notebooks-md/figures/horizon_table.py notebooks-md/figures [data/sweeps/memory-horizon.json]

Reads FIG/06-horizon-cells.csv (`rnnmem sweep collect` of data/sweeps/memory-horizon.json), writes
FIG/06-horizon-table.csv (one row per model, correlation and size, over the seeds) and prints the table. A horizon
equal to the largest delay scored (the sweep's `delays`, 0:64) is censored — the scores show only k* ≥ K — and is
counted in the `censored` column and marked in the printed spread; its mean and sd are those of the censored values.
"""
import csv
import json
import statistics
import sys

fig = sys.argv[1]
spec = json.load(open(sys.argv[2] if len(sys.argv) > 2 else "data/sweeps/memory-horizon.json"))
largest_delay = int(str(spec["fixed"]["delays"]).split(":")[-1])
rows = list(csv.DictReader(open(f"{fig}/06-horizon-cells.csv")))


def num(x):
    return None if x in ("", None) else float(x)


groups = {}
for r in rows:
    if r["status"] != "ok":
        continue
    groups.setdefault((r["model"], float(r["correlation"]), int(r["hidden"])), []).append(r)
out = open(f"{fig}/06-horizon-table.csv", "w")
out.write("model,correlation,hidden,seeds,horizon_mean,horizon_sd,horizon_min,horizon_max,no_horizon,recalled_mean,"
          "score_total_mean,mc_init_mean,mc_init_sd,mc_trained_mean,mc_trained_sd,mc_init_horizon_mean,state_variables,"
          "censored\n")
lines = []


def fmt(x, d=1):
    return "-" if x is None else f"{x:.{d}f}"


order = ["rnn", "lstm", "gru"]
for (m, rho, n), rs in sorted(groups.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1], kv[0][2])):
    h = [num(r["horizon"]) for r in rs]
    hv = [x for x in h if x is not None]
    none = sum(x is None for x in h)
    censored = sum(x == largest_delay for x in hv)

    def ms(key):
        v = [num(r[key]) for r in rs if num(r[key]) is not None]
        return (statistics.mean(v) if v else None, statistics.stdev(v) if len(v) > 1 else None)

    hm, hs = (statistics.mean(hv) if hv else None), (statistics.stdev(hv) if len(hv) > 1 else None)
    rec, _ = ms("recalled")
    st, _ = ms("score_total")
    mi, mis = ms("mc_init")
    mt, mts = ms("mc_trained")
    mih, _ = ms("mc_init_horizon")
    sv = rs[0]["state_variables"]
    vals = [m, rho, n, len(rs), hm, hs, min(hv) if hv else None, max(hv) if hv else None, none, rec, st, mi, mis, mt,
            mts, mih, sv, censored]
    out.write(",".join("" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in vals) + "\n")
    spread = f"{fmt(hm)} ± {fmt(hs)} [{fmt(min(hv) if hv else None, 0)}–{fmt(max(hv) if hv else None, 0)}]"
    if none:
        spread += f" ({none} none)"
    if censored:
        spread += f" ({censored} ≥ {largest_delay})"
    lines.append((m, rho, n, spread, fmt(st, 2), f"{fmt(mi, 2)} ± {fmt(mis, 2)}", f"{fmt(mt, 2)} ± {fmt(mts, 2)}",
                  fmt(mih), sv))
out.close()
print("horizon k*(0.5) of jointly trained networks, mean ± sd [min–max] over 3 seeds; Σ R²_k⁺ = Σ_k max(0, R²_k);")
print("MC = Jaeger's capacity (i.i.d. input, 4000 samples) before and after training; k*_MC = horizon of MC_k before training")
print(f"(n ≥ {largest_delay}): n seeds reached θ at the largest delay scored, k = {largest_delay} — censored, the horizon is "
      f"only known to be ≥ {largest_delay}")
hdr = ("model", "ρ", "N", "horizon k*(0.5)", "Σ R²_k⁺", "MC before", "MC after", "k*_MC", "state vars")
w = [6, 4, 3, 27, 8, 13, 13, 6, 10]
print("  ".join(h.ljust(wi) for h, wi in zip(hdr, w)).rstrip())
for l in lines:
    print("  ".join(str(v).ljust(wi) for v, wi in zip(l, w)).rstrip())
