#!/usr/bin/env bash
# Figures of notebooks-md/02-long-memory-checks.md: `rnnmem check --figures DIR` writes, per series, the plotted
# data as CSV (NAME-acf.csv, NAME-periodogram.csv[, NAME-periodogram-binned.csv]) and a gnuplot script
# (NAME-figures.gp), and runs gnuplot for the SVGs when it is installed (apt-get install gnuplot-nox).
# Usage: bash notebooks-md/figures/make-02.sh [path/to/rnnmem]   (default: .build/release/rnnmem, else debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || bin=.build/debug/rnnmem
fig=notebooks-md/figures
command -v gnuplot >/dev/null || echo "gnuplot is not installed (apt-get install gnuplot-nox): CSVs and scripts only" >&2

"$bin" check data/nile_min_622_1284.csv --figures "$fig/02-nile" > /dev/null
"$bin" check data/treering_bristlecone_6000BC_1979AD.csv --figures "$fig/02-treering" > /dev/null
"$bin" check data/djia_daily_1885_2023.csv --transform abs-log-returns --figures "$fig/02-djia-abs" > /dev/null
"$bin" check data/sunspot_year_1700_1988.csv --figures "$fig/02-sunspots" > /dev/null
echo "figures written to $fig/02-*" >&2
