#!/usr/bin/env bash
# The 10-seed Zhao et al. (ICML 2020) table of notebooks-md/08-zhao-experiment.md and its figure.
#  1. runs data/sweeps/zhao-10seeds.json (280 trainings, --jobs 2; resumable: complete cells are skipped) into
#     run/zhao-10seeds and data/sweeps/zhao-baselines.json (fitted ARFIMA floor, naive ceiling) into run/zhao-baselines;
#  2. collects them: figures/08-cells.csv (every cell), 08-aggregates.csv (mean, sd, min, … over seeds),
#     08-welch.csv (Welch t-tests of every model against rnn and lstm), 08-baselines.csv;
#  3. writes figures/08-table.md (the notebook's table, measured beside the paper's Table 2) and 08-rmse.csv / 08-rmse.svg
#     (RMSE per model and data set between the floor and the ceiling).
# Usage: bash notebooks-md/figures/make-08.sh [path/to/rnnmem]   (default: .build/release/rnnmem;
#        build it with: swift build -c release --product rnnmem)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || { echo "make-08: no $bin (swift build -c release --product rnnmem)" >&2; exit 1; }
fig=notebooks-md/figures
start=$(date +%s)
"$bin" sweep run data/sweeps/zhao-10seeds.json --jobs 2 --output-dir run/zhao-10seeds --progress none
"$bin" sweep run data/sweeps/zhao-baselines.json --jobs 2 --output-dir run/zhao-baselines --progress none
echo "make-08: sweeps done in $(( $(date +%s) - start )) s (complete cells of an earlier run are skipped)" >&2
"$bin" sweep collect run/zhao-10seeds --require-complete --compare model=rnn,lstm --compare-metrics rmse,mae \
  --output "$fig/08-cells.csv" --aggregates "$fig/08-aggregates.csv" --comparisons "$fig/08-welch.csv" > /dev/null
"$bin" sweep collect run/zhao-baselines --require-complete --output "$fig/08-baselines.csv" > /dev/null
# The wall-time column differs between runs: keep it out of the committed cell table.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wall_time_seconds") w = i }
         { line = ""; for (i = 1; i <= NF; i++) if (i != w) line = line (line == "" ? "" : ",") $i; print line }' \
  "$fig/08-cells.csv" > "$fig/08-cells.tmp" && mv "$fig/08-cells.tmp" "$fig/08-cells.csv"
python3 - "$fig" <<'PY'
import csv, json, glob, statistics, sys
fig = sys.argv[1]
agg = list(csv.DictReader(open(f"{fig}/08-aggregates.csv")))
welch = list(csv.DictReader(open(f"{fig}/08-welch.csv")))
base = {(r["dataset"], r["forecaster"]): r for r in csv.DictReader(open(f"{fig}/08-baselines.csv"))}
walls = [json.load(open(p))["wall_time_seconds"] for p in glob.glob("run/zhao-10seeds/results/cell-*.json")]
datasets = ["arfima", "djia_volatility", "treering", "nile_min"]
models = ["rnn", "lstm", "mrnnf", "mrnn", "mlstmf", "mlstm", "mrnnw"]
label = {"rnn": "RNN", "lstm": "LSTM", "mrnnf": "MRNNF", "mrnn": "MRNN", "mlstmf": "MLSTMF", "mlstm": "MLSTM",
         "mrnnw": "MRNNW (free weights)"}
# Zhao et al. (2020), Table 2: mean RMSE (sd) over 100 seeds on their ARFIMA, DJI (×100), Traffic, Tree series.
paper = {"rnn": ("1.1620 (0.1980)", "0.2605 (0.0171)", "0.2871 (0.0086)"),
         "lstm": ("1.1340 (0.1200)", "0.2492 (0.0128)", "0.2833 (0.0070)"),
         "mrnnf": ("1.1010 (0.1000)", "0.2472 (0.0109)", "0.2822 (0.0048)"),
         "mrnn": ("1.0880 (0.1140)", "0.2487 (0.0105)", "0.2818 (0.0053)"),
         "mlstmf": ("1.1580 (0.1660)", "0.2540 (0.0139)", "0.2859 (0.0082)"),
         "mlstm": ("1.1490 (0.1660)", "0.2531 (0.0130)", "0.2859 (0.0083)")}
def g(d, m, key):
    for r in agg:
        if r["dataset"] == d and r["model"] == m:
            return float(r[key]) if r[key] else float("nan")
def p(d, m, b, metric):
    for r in welch:
        if r["dataset"] == d and r["model"] == m and r["baseline"] == b and r["metric"] == metric:
            return float(r["p_less"]) if r["p_less"] else float("nan")
def fmt(x, digits=4):
    return f"{x:.{digits}g}"
out = []
for d in datasets:
    fl, ce = base[(d, "arfima")], base[(d, "naive")]
    out.append(f"\n**{d}** — floor (fitted ARFIMA, exact predictor): RMSE {fmt(float(fl['rmse']))}, MAE {fmt(float(fl['mae']))}; "
               f"ceiling (naive): RMSE {fmt(float(ce['rmse']))}, MAE {fmt(float(ce['mae']))}\n")
    out.append("| model | RMSE mean | sd | min | MAE mean | sd | min | p(RMSE < RNN) | p(RMSE < LSTM) | paper RMSE |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    col = {"arfima": 0, "djia_volatility": 1, "treering": 2}.get(d)
    for m in models:
        pr = "–" if m in ("rnn",) else fmt(p(d, m, "rnn", "rmse"), 2)
        pl = "–" if m in ("lstm",) else fmt(p(d, m, "lstm", "rmse"), 2)
        pp = paper.get(m, ("–",) * 3)[col] if col is not None and m in paper else "–"
        out.append(f"| {label[m]} | {fmt(g(d, m, 'rmse_mean'))} | {fmt(g(d, m, 'rmse_std'), 2)} | {fmt(g(d, m, 'rmse_min'))} | "
                   f"{fmt(g(d, m, 'mae_mean'))} | {fmt(g(d, m, 'mae_std'), 2)} | {fmt(g(d, m, 'mae_min'))} | {pr} | {pl} | {pp} |")
out.append(f"\n280 trainings; cell wall times: median {statistics.median(walls):.1f} s, total {sum(walls):.0f} s of CPU-bound work.")
open(f"{fig}/08-table.md", "w").write("\n".join(out).lstrip("\n") + "\n")
# Figure data: RMSE normalised between the floor (0) and the ceiling (1).
with open(f"{fig}/08-rmse.csv", "w") as f:
    f.write("dataset_index,dataset,model_index,model,floor,ceiling,mean,std,min,mean_norm,std_norm,min_norm\n")
    for i, d in enumerate(datasets):
        fl, ce = float(base[(d, "arfima")]["rmse"]), float(base[(d, "naive")]["rmse"])
        for j, m in enumerate(models):
            mean, sd, mn = g(d, m, "rmse_mean"), g(d, m, "rmse_std"), g(d, m, "rmse_min")
            f.write(f"{i},{d},{j},{m},{fl!r},{ce!r},{mean!r},{sd!r},{mn!r},{(mean - fl) / (ce - fl)!r},"
                    f"{sd / (ce - fl)!r},{(mn - fl) / (ce - fl)!r}\n")
PY
command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 900,520 font "sans,12" background "white"
set output "notebooks-md/figures/08-rmse.svg"
set datafile separator ","
set title "Test RMSE over 10 seeds, scaled: 0 = fitted ARFIMA predictor (floor), 1 = naive y_t → y_{t+1} (ceiling)"
set ylabel "(RMSE − floor) / (ceiling − floor)"
set xrange [-0.6:3.6]
set yrange [-0.6:2.6]
set xtics ("ARFIMA(1, 0.3, 0)" 0, "DJIA |log returns|" 1, "tree rings" 2, "Nile minima" 3)
set grid ytics
set key outside right
set arrow from -0.6, 0 to 3.6, 0 nohead dt 2 lc rgb "gray30"
set arrow from -0.6, 1 to 3.6, 1 nohead dt 2 lc rgb "gray30"
f = "notebooks-md/figures/08-rmse.csv"
off(j) = (j - 3) * 0.11
plot for [j=0:6] f every ::1 using ($3 == j ? $1 + off(j) : 1/0):10:11 with yerrorbars pt 7 ps 0.7 lw 1.5 \
       title word("RNN LSTM MRNNF MRNN MLSTMF MLSTM MRNNW", j + 1), \
     for [j=0:6] f every ::1 using ($3 == j ? $1 + off(j) : 1/0):12 with points pt 2 ps 0.6 lc rgb "gray40" notitle
GP
echo "make-08: table in $fig/08-table.md, figure $fig/08-rmse.svg" >&2
