#!/usr/bin/env bash
# Long runs, recorded outputs and figures of notebooks-md/06-memory-of-networks.md.
#
#   §1 capacity curves MC_k of random RNN, LSTM, GRU and linear networks (N = 32)   → 06-capacity-curves.{csv,svg}
#   §2 information processing capacity of a linear and a tanh network (N = 20)      → 06-ipc.{csv,svg}
#   §3 the horizon grid (data/sweeps/memory-horizon.json, 126 trained cells)         → 06-horizon-{cells,table}.csv,
#                                                                                      06-horizon-vs-size.svg
#      (the table: horizon_table.py, re-runnable alone on the collected cells; it marks censored horizons k* ≥ 64)
#   §4 connectivity of RNN, LSTM and GRU trained on delayed recall (k = 10)          → 06-connectivity-*.{csv,svg}
# Every command and its output is appended to figures/06-recorded.txt (the notebook's ```text blocks).
# Usage: bash notebooks-md/figures/make-06.sh [path/to/rnnmem]   (default: .build/release/rnnmem;
#        build it with: swift build -c release --product rnnmem). Run directory: run/notebook-06 (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || { echo "no rnnmem binary at $bin (swift build -c release --product rnnmem)" >&2; exit 2; }
fig=notebooks-md/figures
run=run/notebook-06
mkdir -p "$run"
log=$fig/06-recorded.txt
: > "$log"

# Run `rnnmem ARGS…`, record "$ rnnmem ARGS…" and its standard output in the log, keep the output in $run/$1.
record() {
  local name=$1; shift
  echo "\$ rnnmem $*" >> "$log"
  "$bin" "$@" > "$run/$name"
  cat "$run/$name" >> "$log"
  echo >> "$log"
}
# The same without the log (JSON for the figures).
quiet() { local name=$1; shift; "$bin" "$@" > "$run/$name"; }

start=$(date +%s)
echo "§1 capacity curves" >&2
for m in linear rnn lstm gru; do
  quiet "capacity-$m.json" memory capacity --model "$m" --hidden 32 --seed 1 --samples 20000 --max-delay 60 --json
  record "capacity-$m.txt" memory capacity --model "$m" --hidden 32 --seed 1 --samples 20000 --max-delay 60
done
record "capacity-linear-analytic.txt" memory capacity --model linear --hidden 32 --seed 1 --max-delay 60 --method analytic
python3 - "$run" "$fig" <<'PY'
import json, sys
run, fig = sys.argv[1], sys.argv[2]
models = ["linear", "rnn", "lstm", "gru"]
mc = {m: json.load(open(f"{run}/capacity-{m}.json"))["mc"] for m in models}
with open(f"{fig}/06-capacity-curves.csv", "w") as f:
    f.write("k," + ",".join(models) + "\n")
    for k in range(len(mc["linear"])):
        f.write(f"{k}," + ",".join(repr(mc[m][k]) for m in models) + "\n")
PY

echo "§2 information processing capacity" >&2
for m in linear rnn; do
  quiet "ipc-$m.json" memory ipc --model "$m" --hidden 20 --seed 1 --max-degree 3 --max-delay 15 --samples 20000 --json
  record "ipc-$m.txt" memory ipc --model "$m" --hidden 20 --seed 1 --max-degree 3 --max-delay 15 --samples 20000
done
python3 - "$run" "$fig" <<'PY'
import json, sys
run, fig = sys.argv[1], sys.argv[2]
rows = {m: json.load(open(f"{run}/ipc-{m}.json"))["by_degree"] for m in ["linear", "rnn"]}
with open(f"{fig}/06-ipc.csv", "w") as f:
    f.write("degree,linear,rnn\n")
    for d in range(3):
        f.write(f"{d + 1},{rows['linear'][d]!r},{rows['rnn'][d]!r}\n")
PY

echo "§3 horizon grid (sweep)" >&2
grid=$run/horizon
rm -rf "$grid"
t0=$(date +%s)
"$bin" sweep run data/sweeps/memory-horizon.json --jobs 2 --output-dir "$grid" >&2
t1=$(date +%s)
"$bin" sweep collect "$grid" --output "$fig/06-horizon-cells.csv" --aggregates "$run/horizon-seeds.csv" > /dev/null
echo "\$ rnnmem sweep run data/sweeps/memory-horizon.json --jobs 2 --output-dir run/notebook-06/horizon" >> "$log"
echo "(126 cells, wall time $((t1 - t0)) s on this machine, load average $(cut -d' ' -f1-3 /proc/loadavg))" >> "$log"
echo "\$ rnnmem sweep collect run/notebook-06/horizon --output notebooks-md/figures/06-horizon-cells.csv" >> "$log"
python3 "$fig/horizon_table.py" "$fig" data/sweeps/memory-horizon.json >> "$log"
echo >> "$log"

echo "§4 connectivity of trained networks" >&2
for m in rnn lstm gru; do
  quiet "train-$m.txt" train --model "$m" --hidden 32 --task recall --delay 10 --length 60 --steps 1500 --seed 1 \
    --progress none --output-dir "$run/recall-$m"
  record "conn-$m.txt" memory connectivity --weights "$run/recall-$m/weights.safetensors" --task recall --delay 10 \
    --length 60 --eval-batch 16 --seed 1 --figures "$run/conn-$m"
  quiet "conn-$m.json" memory connectivity --weights "$run/recall-$m/weights.safetensors" --task recall --delay 10 \
    --length 60 --eval-batch 16 --seed 1 --json
  quiet "conn-random-$m.json" memory connectivity --model "$m" --hidden 32 --length 60 --sequences 16 --seed 1 --json
  cp "$run/conn-$m/connectivity.svg" "$fig/06-connectivity-heatmap-$m.svg"
  cp "$run/conn-$m/connectivity-heatmap.csv" "$fig/06-connectivity-heatmap-$m.csv"
  grep -E "^(test loss|final training loss)" "$run/train-$m.txt" | sed "s/^/$m: /" >> "$log"
done
python3 - "$run" "$fig" <<'PY'
import json, sys
run, fig = sys.argv[1], sys.argv[2]
cols, names = [], []
for kind in ["", "random-"]:
    for m in ["rnn", "lstm", "gru"]:
        cols.append(json.load(open(f"{run}/conn-{kind}{m}.json"))["profile"])
        names.append(("trained_" if kind == "" else "random_") + m)
with open(f"{fig}/06-connectivity-profiles.csv", "w") as f:
    f.write("lag," + ",".join(names) + "\n")
    for l in range(len(cols[0])):
        f.write(f"{l}," + ",".join(repr(c[l]) for c in cols) + "\n")
PY
echo "total wall time $(( $(date +%s) - start )) s" >> "$log"

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set datafile missing ""
set grid
set key top right
fig = "notebooks-md/figures/"

set output fig."06-capacity-curves.svg"
set title "Memory capacity MC_k of random networks, N = 32 (i.i.d. input, 20 000 samples)"
set xlabel "delay k"; set ylabel "MC_k"
set yrange [-0.02:1.05]
plot fig."06-capacity-curves.csv" every ::1 using 1:2 with linespoints pt 7 ps 0.4 lw 2 lc rgb "#555555" title "linear (MC ≈ 32)", \
     "" every ::1 using 1:3 with linespoints pt 7 ps 0.4 lw 2 lc rgb "#2471a3" title "tanh RNN", \
     "" every ::1 using 1:4 with linespoints pt 5 ps 0.4 lw 2 lc rgb "#c0392b" title "LSTM", \
     "" every ::1 using 1:5 with linespoints pt 9 ps 0.4 lw 2 lc rgb "#27ae60" title "GRU"

set output fig."06-ipc.svg"
set title "Information processing capacity by degree (N = 20, delays ≤ 15, 20 000 samples)"
set xlabel "total degree D"; set ylabel "capacity"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.75 border rgb "gray20"
set yrange [0:*]
set xtics 1
plot fig."06-ipc.csv" every ::1 using 2:xtic(1) lc rgb "#555555" title "linear network", \
     "" every ::1 using 3 lc rgb "#2471a3" title "tanh RNN"
unset style data
set style data points

set output fig."06-horizon-vs-size.svg"
set terminal svg size 960,480 font "sans,12" background "white"
set multiplot layout 1,2 title "Memory horizon k*(0.5) of jointly trained networks against size (mean ± sd over 3 seeds)"
set logscale x 2
set xrange [0.8:80]
set xlabel "hidden size N"; set ylabel "k*(0.5)  (dashed: MC after training)"
set key top left
sd(c) = valid(c) ? column(c) : 0
set title "i.i.d. inputs"
set yrange [-1:66]
plot x with lines dt 3 lw 1 lc rgb "gray40" title "N (Jaeger's bound on MC)", \
     fig."06-horizon-table.csv" every ::1 using ($3):($2 == 0 && strcol(1) eq "rnn" ? $5 : 1/0):(sd(6)) with yerrorlines pt 7 lw 2 lc rgb "#2471a3" title "RNN", \
     "" every ::1 using ($3):($2 == 0 && strcol(1) eq "lstm" ? $5 : 1/0):(sd(6)) with yerrorlines pt 5 lw 2 lc rgb "#c0392b" title "LSTM", \
     "" every ::1 using ($3):($2 == 0 && strcol(1) eq "gru" ? $5 : 1/0):(sd(6)) with yerrorlines pt 9 lw 2 lc rgb "#27ae60" title "GRU", \
     "" every ::1 using ($3):($2 == 0 && strcol(1) eq "rnn" ? $14 : 1/0) with lines dt 2 lw 1.5 lc rgb "#2471a3" notitle, \
     "" every ::1 using ($3):($2 == 0 && strcol(1) eq "lstm" ? $14 : 1/0) with lines dt 2 lw 1.5 lc rgb "#c0392b" notitle, \
     "" every ::1 using ($3):($2 == 0 && strcol(1) eq "gru" ? $14 : 1/0) with lines dt 2 lw 1.5 lc rgb "#27ae60" notitle
set title "AR(1) inputs, ρ = 0.8 (memoryless predictor ρ^k x_t: k* = 1)"
set ylabel "k*(0.5)"
set key bottom right
plot 1 with lines dt 3 lw 1 lc rgb "gray40" title "memoryless k* = 1", \
     fig."06-horizon-table.csv" every ::1 using ($3):($2 > 0 && strcol(1) eq "rnn" ? $5 : 1/0):(sd(6)) with yerrorlines pt 7 lw 2 lc rgb "#2471a3" title "RNN", \
     "" every ::1 using ($3):($2 > 0 && strcol(1) eq "lstm" ? $5 : 1/0):(sd(6)) with yerrorlines pt 5 lw 2 lc rgb "#c0392b" title "LSTM", \
     "" every ::1 using ($3):($2 > 0 && strcol(1) eq "gru" ? $5 : 1/0):(sd(6)) with yerrorlines pt 9 lw 2 lc rgb "#27ae60" title "GRU", \
     "" every ::1 using ($3):($2 > 0 && $18 > 0 ? $8 + 1.5 : 1/0) with points pt 8 ps 1.3 lc rgb "black" title "censored: k* ≥ 64 (largest delay scored)"
unset multiplot
unset logscale x

set terminal svg size 720,460 font "sans,12" background "white"
set output fig."06-connectivity-profiles.svg"
set title "Connectivity profiles, N = 32: trained on recall k = 10 (solid), random (dashed)"
set xlabel "lag ℓ = t − τ"; set ylabel "mean connectivity"
set autoscale; set xrange [0:59]
set logscale y; set format y "10^{%L}"
set key top right
plot fig."06-connectivity-profiles.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with lines lw 2 lc rgb "#2471a3" title "RNN", \
     "" every ::1 using 1:($3 > 0 ? $3 : 1/0) with lines lw 2 lc rgb "#c0392b" title "LSTM", \
     "" every ::1 using 1:($4 > 0 ? $4 : 1/0) with lines lw 2 lc rgb "#27ae60" title "GRU", \
     "" every ::1 using 1:($5 > 0 ? $5 : 1/0) with lines lw 1 dt 2 lc rgb "#2471a3" notitle, \
     "" every ::1 using 1:($6 > 0 ? $6 : 1/0) with lines lw 1 dt 2 lc rgb "#c0392b" notitle, \
     "" every ::1 using 1:($7 > 0 ? $7 : 1/0) with lines lw 1 dt 2 lc rgb "#27ae60" notitle
GP
echo "figures written to $fig; recorded output in $log" >&2
