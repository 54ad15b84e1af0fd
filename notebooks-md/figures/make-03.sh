#!/usr/bin/env bash
# Figures of notebooks-md/03-training-and-gradients.md: the loss curve of §2's LSTM on delayed recall.
# Repeats the notebook's training run (same seed ⇒ same weights and losses), keeps the step and loss columns of its
# loss.csv as figures/03-lstm-recall-loss.csv (the elapsed-time column is dropped: it differs between runs), and
# draws figures/03-lstm-recall-loss.svg with gnuplot.
# Usage: bash notebooks-md/figures/make-03.sh [path/to/rnnmem]   (default: .build/release/rnnmem, else debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || bin=.build/debug/rnnmem
fig=notebooks-md/figures
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT

"$bin" train --model lstm --task recall --delay 5 --length 30 --hidden 16 --steps 400 --eval-batch 128 \
  --seed 1 --progress none --output-dir "$run" >/dev/null
cut -d, -f1-3 "$run/loss.csv" > "$fig/03-lstm-recall-loss.csv"

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set datafile missing ""
set logscale y
set format y "10^{%L}"
set grid
set key top right
fig = "notebooks-md/figures/"
set output fig."03-lstm-recall-loss.svg"
set title "LSTM (N = 16) on delayed recall, k = 5: ½·MSE (trivial predictor: 0.5)"
set xlabel "update"; set ylabel "loss"
set arrow from graph 0, first 0.5 to graph 1, first 0.5 nohead dt 2 lc rgb "gray40"
set label "trivial ŷ = 0" at graph 0.02, first 0.6 textcolor rgb "gray40"
plot fig."03-lstm-recall-loss.csv" every ::1 using 1:2 with lines lw 1 lc rgb "#4477aa" title "training batch", \
     fig."03-lstm-recall-loss.csv" every ::1 using 1:($3 == $3 ? $3 : 1/0) with linespoints pt 7 ps 0.6 lw 2 lc rgb "#cc3311" title "validation (128 sequences)"
GP
echo "figures written to $fig" >&2
