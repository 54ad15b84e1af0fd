#!/usr/bin/env python3
"""Best final loss per model and nu0 from the collected cell tables of the Fig. 3A sweeps.

    fig3a_table.py OUT_CSV MODEL=CELLS_CSV...   (one `rnnmem sweep collect DIR --output cells.csv` table per model)

For each model and nu0: the learning rate with the smallest mean final loss over seeds (a diverged or failed cell
counts as +inf, so a rate where any seed diverged is never chosen unless all are), its mean, the standard error of
the mean s/sqrt(n), whether that rate is at an edge of the model's grid, and the geometric mean over seeds of the
effective learning rate of the recurrent parameters at that rate. Writes OUT_CSV and prints a text table.

Exit status 0 when the qualitative result of Fig. 3A is reproduced (the dense network's best loss grows >= 100x from
the smallest to the largest nu0 and the LRU's best loss is >= 100x below it at the largest nu0), 1 when it is not or
when the tables lack the cells to decide, so that make-05.sh (set -e) fails.
"""
import csv
import math
import sys
from collections import defaultdict


def main():
    out, tables = sys.argv[1], sys.argv[2:]
    rows = []
    for item in tables:
        model, path = item.split("=", 1)
        with open(path) as f:
            rows += [dict(r, model=model) for r in csv.DictReader(f)]
    cells = defaultdict(list)
    grids = defaultdict(set)
    for r in rows:
        model = r["model"]
        nu0, lr = float(r["nu0"]), float(r["lr"])
        grids[model].add(lr)
        ok = r["status"] == "ok" and r["diverged"] == "false" and r["final_loss"] not in ("", "null")
        loss = float(r["final_loss"]) if ok else math.inf
        rate = float(r["recurrent_effective_lr"]) if ok and r["recurrent_effective_lr"] not in ("", "null") else math.nan
        cells[(model, nu0, lr)].append((loss, rate))
    best = {}
    for (model, nu0, lr), v in cells.items():
        losses = [l for l, _ in v]
        mean = sum(losses) / len(losses)
        key = (model, nu0)
        if key not in best or mean < best[key][1]:
            best[key] = (lr, mean, v)
    order = {"linear": 0, "cdiag": 1, "lru": 2}
    with open(out, "w") as f:
        f.write("model,nu0,best_lr,lr_at_grid_edge,mean_final_loss,sem_final_loss,seeds,diverged_seeds,"
                "recurrent_effective_lr\n")
        lines = []
        for (model, nu0) in sorted(best, key=lambda k: (order.get(k[0], 9), k[1])):
            lr, mean, v = best[(model, nu0)]
            finite = [l for l, _ in v if math.isfinite(l)]
            n = len(finite)
            sem = (math.sqrt(sum((l - mean) ** 2 for l in finite) / (n - 1)) / math.sqrt(n)) if n > 1 and math.isfinite(mean) else math.nan
            rates = [r for _, r in v if math.isfinite(r) and r > 0]
            geo = 10 ** (sum(math.log10(r) for r in rates) / len(rates)) if rates else math.nan
            grid = sorted(grids[model])
            edge = "yes" if lr in (grid[0], grid[-1]) else "no"
            diverged = len(v) - n
            f.write(f"{model},{nu0},{lr},{edge},{mean},{sem},{len(v)},{diverged},{geo}\n")
            lines.append(f"{model:7s} {nu0:5.2f} {lr:9.2e} {edge:5s} {mean:11.3e} {sem:10.2e} {len(v):3d}/{diverged:<2d} {geo:10.2e}")
    print("model     nu0   best lr  edge  mean loss    s.e.m.  seeds/div  eff. lr (recurrent)")
    print("\n".join(lines))
    # The qualitative result of Fig. 3A: the dense network's best loss grows by orders of magnitude from the
    # shortest to the longest memory, while the LRU's stays small (below the dense one's by orders of magnitude).
    nus = sorted({nu for (_, nu) in best})
    if nus and ("linear", nus[0]) in best and ("linear", nus[-1]) in best and ("lru", nus[-1]) in best:
        d0, d1, l1 = best[("linear", nus[0])][1], best[("linear", nus[-1])][1], best[("lru", nus[-1])][1]
        growth = d1 / d0 if d0 > 0 else math.inf
        gap = d1 / l1 if l1 > 0 else math.inf
        ok = growth >= 100 and gap >= 100
        print(f"dense linear RNN: best loss x{growth:.3g} from nu0 = {nus[0]} to {nus[-1]}; "
              f"at nu0 = {nus[-1]} dense / LRU = {gap:.3g}")
        print("qualitative result of Fig. 3A (dense grows >= 100x, LRU >= 100x below it at the longest memory): "
              + ("REPRODUCED" if ok else "NOT reproduced"))
        return 0 if ok else 1
    print("qualitative result of Fig. 3A cannot be checked: the tables need the linear and lru models at the "
          "smallest and the largest nu0", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
