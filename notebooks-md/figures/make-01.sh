#!/usr/bin/env bash
# Figures of notebooks-md/01-fractional-filters.md: CSV written by rnnmem, SVG drawn by gnuplot.
# Usage: bash notebooks-md/figures/make-01.sh [path/to/rnnmem]   (default: .build/release/rnnmem, else debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || bin=.build/debug/rnnmem
fig=notebooks-md/figures
command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSVs only" >&2; }

# 1. weights tail for d = 0.2, 0.4, 0.6 (j = 1 … 2000)
for d in 0.2 0.4 0.6; do "$bin" weights --d "$d" --length 2001 > "$fig/01-weights-d$d.csv"; done
# 2. lost memory against K
for d in 0.1 0.2 0.3 0.4; do
  "$bin" lost-memory --d "$d" --window 1,2,5,10,20,50,100,200,500,1000,2000,5000,10000,20000,50000,100000,200000,500000,1000000 \
    > "$fig/01-lost-memory-d$d.csv"
done
# 5. theoretical ACF and the acf of one exact sample (lags 0 … 200)
"$bin" acvf --d 0.4 --lags 200 > "$fig/01-acvf-d0.4.csv"
[ -f "$fig/01-fi04-sample.csv" ] || "$bin" simulate arfima --d 0.4 --length 65536 --seed 7 > "$fig/01-fi04-sample.csv"
"$bin" acf "$fig/01-fi04-sample.csv" --lags 200 > "$fig/01-acf-sample-d0.4.csv"

command -v gnuplot >/dev/null || exit 0
gnuplot <<'GP'
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key top right
fig = "notebooks-md/figures/"
set output fig."01-weights-tail.svg"
set title "|π_j| of (1−B)^d and the asymptote j^{−1−d}/|Γ(−d)|"
set xlabel "j"; set ylabel "|π_j|"
g(d) = abs(gamma(-d))
plot for [d in "0.2 0.4 0.6"] fig."01-weights-d".d.".csv" every ::1 using ($0+1):(abs($1)) with lines lw 2 title "d = ".d, \
     for [d in "0.2 0.4 0.6"] (x**(-1-d+0))/g(d+0) with lines dt 2 lc rgb "gray40" notitle
set output fig."01-lost-memory.svg"
set title "Memory a K-term window discards: Γ(K−d)/(Γ(K)Γ(1−d))"
set xlabel "window K"; set ylabel "lost fraction"
plot for [d in "0.1 0.2 0.3 0.4"] fig."01-lost-memory-d".d.".csv" every ::1 using 1:2 with linespoints lw 2 title "d = ".d
set output fig."01-acf-theory-vs-sample.svg"
set title "FI(0.4): ρ(k) (theory) and the acf of one Davies–Harte sample, n = 65 536"
set xlabel "lag k"; set ylabel "autocorrelation"
set yrange [0.05:1.1]
plot fig."01-acvf-d0.4.csv" every ::1 using ($0+1):($1/2.070098325296282) with lines lw 2 title "ρ(k) theory", \
     fig."01-acf-sample-d0.4.csv" every ::1 using ($0+1):1 with points pt 7 ps 0.4 title "sample acf (demeaned)"
GP
echo "figures written to $fig" >&2
