#!/usr/bin/env bash
# Writes the series of the Zhao et al. (ICML 2020) experiment into data/zhao/ (see data/PROVENANCE.md): a simulated
# ARFIMA series and three real long-memory series cut from the bundled files. Every file is one column with a
# header; `rnnmem train --task series` and `rnnmem forecast` read it whole and split its n − 1 input–target pairs
# 50/30/20 (arfima.csv: Zhao et al.'s 2000/1200/800, the same). Deterministic: rerunning rewrites identical bytes.
#
# Usage: bash scripts/make-zhao-data.sh        (RNNMEM=path/to/rnnmem; default .build/debug/rnnmem)
set -euo pipefail
cd "$(dirname "$0")/.."
RNNMEM=${RNNMEM:-.build/debug/rnnmem}
OUT=data/zhao
mkdir -p "$OUT"
# ARFIMA(1, 0.3, 0) with φ₁ = 0.2, σ = 1, n = 4001 (Zhao et al.'s length), exact Davies–Harte simulation, seed 2020.
{ echo x; "$RNNMEM" simulate arfima --d 0.3 --ar 0.2 --length 4001 --seed 2020; } > "$OUT/arfima.csv"
# Absolute daily log returns of the Dow Jones Industrial Average, the last 5001 (2004-01-12 to 2023-11-21).
{ echo abs_log_return;
  "$RNNMEM" columns data/djia_daily_1885_2023.csv --column close --transform abs-log-returns --last 5001 | tail -n +2; } \
    > "$OUT/djia_volatility.csv"
# Bristlecone pine ring-width index, the last 4001 years (2022 BC … 1979 AD).
"$RNNMEM" columns data/treering_bristlecone_6000BC_1979AD.csv --column width_index --last 4001 --output "$OUT/treering.csv"
# Annual minimum levels of the Nile at Roda, 622–1284 (all 663 values).
"$RNNMEM" columns data/nile_min_622_1284.csv --column min_level --output "$OUT/nile_min.csv"
(cd "$OUT" && sha256sum arfima.csv djia_volatility.csv treering.csv nile_min.csv)
