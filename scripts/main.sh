#!/usr/bin/env bash
# The README's main job on bundled data: build rnnmem (release), install it on the PATH, and analyse the Nile minima
# (622–1284).
#
# Installs the binary as ${PREFIX:-/usr/local}/bin/rnnmem (install -m 755; through sudo when that folder is not
# writable). PREFIX=$HOME/.local installs without sudo (have $HOME/.local/bin on your PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product rnnmem >/dev/null
prefix=${PREFIX:-/usr/local}
SUDO=""
if ! { mkdir -p "$prefix/bin" 2>/dev/null && [ -w "$prefix/bin" ]; }; then
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
fi
$SUDO install -d "$prefix/bin"
$SUDO install -m 755 .build/release/rnnmem "$prefix/bin/rnnmem"
echo "installed $prefix/bin/rnnmem" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it (export PATH=\"$prefix/bin:\$PATH\")" >&2 ;;
esac
bin="$prefix/bin/rnnmem"
nile=data/nile_min_622_1284.csv
echo "== (1−B)^0.4 weights π_0..π_7"
"$bin" weights --d 0.4 --length 8
echo "== Nile minima: first 5 values of the type-II fractional difference (1−B)^0.4 (no demeaning)"
"$bin" fracdiff $nile --d 0.4 | head -n 5
echo "== Nile minima: sample autocorrelation, lags 0..10"
"$bin" acf $nile --lags 10
echo "== ARFIMA(0,0.4,0): theoretical autocovariance γ(0..10), σ² = 1 (γ(1)/γ(0) = d/(1−d) = 2/3)"
"$bin" acvf --d 0.4 --lags 10
echo "== Nile minima: does the series have long memory? (rnnmem check; figures in run/nile-check/)"
mkdir -p run/nile-check
"$bin" check $nile --figures run/nile-check
