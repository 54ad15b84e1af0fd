#!/usr/bin/env bash
# The calibration study of the `rnnmem check` verdict (issue 10; Benchmarks/README.md, "Calibration of the check
# verdict"): 17 processes × n ∈ {500, 2000, 10000} × 200 fixed-seed series, each through the verdict of
# `rnnmem check` in-process (MemoryCheck.run), printed as a confusion table with the verdict rule's version.
# About 15–25 minutes on 2 cores (release build); `--seeds 20` gives a 2-minute pilot.
# Writes Benchmarks/results/calibration-latest.md (and prints it).
#
# Usage: Benchmarks/run-calibration.sh [--seeds S (default 200)] [--threads T (default 2)] [--lengths LIST]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SEEDS=200
THREADS=2
LENGTHS=500,2000,10000
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) SEEDS="${2:?}"; shift ;;
    --threads) THREADS="${2:?}"; shift ;;
    --lengths) LENGTHS="${2:?}"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run-calibration.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
swift build -c release --package-path "$HERE" --product rnnmem-calibrate
mkdir -p "$HERE/results"
OUT="$HERE/results/calibration-latest.md"
"$HERE/.build/release/rnnmem-calibrate" --seeds "$SEEDS" --threads "$THREADS" --lengths "$LENGTHS" > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
