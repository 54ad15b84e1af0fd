#!/usr/bin/env bash
# Figures and recorded runs of notebooks-md/05-curse-of-memory.md (release build; about 30–40 minutes on a loaded
# 2-core machine, most of it the Fig. 3A sweep).
#   1. landscapes: loss and curvature along |λ| (Fig. 1, 6) in four parametrisations, along θ, and the (ν, θ) grid
#      with Adam's paths (Fig. 7, 50 000 updates);
#   2. Hessians at the optimum at the paper's scale (Fig. 4, 9: two conjugate pairs, T = 300, batch 64);
#   3. Adam's effective learning rates of a dense and an LRU student at ν₀ = 0.99;
#   4. the Fig. 3A sweep at the scale of data/sweeps/curse-fig3a-small-*.json through `rnnmem sweep run/collect`
#      (resumable: rerunning skips finished cells), its best-learning-rate table and figure with error bars.
# Recorded outputs go to notebooks-md/figures/05-*.txt (pasted into the notebook's text blocks).
# Usage: bash notebooks-md/figures/make-05.sh [--sweep-only] [path/to/rnnmem]   (default .build/release/rnnmem)
#   --sweep-only  only part 4 (the sweep, its table and figure)
set -euo pipefail
cd "$(dirname "$0")/../.."
sweep_only=0
if [ "${1:-}" = --sweep-only ]; then sweep_only=1; shift; fi
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || { echo "build first: swift build -c release --product rnnmem" >&2; exit 1; }
fig=notebooks-md/figures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
record() {  # record NAME CMD...: run rnnmem with the arguments, keep "$ rnnmem …" and its output in 05-NAME.txt
  local name=$1; shift
  { echo "$ rnnmem $*"; "$bin" "$@"; } > "$fig/05-$name.txt"
}

if [ "$sweep_only" -eq 0 ]; then
# 1. Landscapes.
for p in polar exp optimal; do
  "$bin" curse landscape --direction modulus --param "$p" --normalized --figures "$tmp/mod-$p" > /dev/null 2>&1
  cp "$tmp/mod-$p/landscape-modulus.csv" "$fig/05-landscape-modulus-$p.csv"
  cp "$tmp/mod-$p/landscape-modulus-curvature.svg" "$fig/05-landscape-modulus-$p-curvature.svg"
done
cp "$tmp/mod-polar/landscape-modulus-loss.svg" "$fig/05-landscape-modulus-loss.svg"
"$bin" curse landscape --direction modulus --param none --figures "$tmp/mod-none" > /dev/null 2>&1
cp "$tmp/mod-none/landscape-modulus.csv" "$fig/05-landscape-modulus-unnormalized.csv"
cp "$tmp/mod-none/landscape-modulus-loss.svg" "$fig/05-landscape-modulus-unnormalized-loss.svg"
cp "$tmp/mod-none/landscape-modulus-curvature.svg" "$fig/05-landscape-modulus-unnormalized-curvature.svg"
for p in polar exp; do
  "$bin" curse landscape --direction angle --param "$p" --normalized --figures "$tmp/ang-$p" > /dev/null 2>&1
  cp "$tmp/ang-$p/landscape-angle.csv" "$fig/05-landscape-angle-$p.csv"
  cp "$tmp/ang-$p/landscape-angle-curvature.svg" "$fig/05-landscape-angle-$p-curvature.svg"
done
record adam-paths curse landscape --direction grid --points 121 --theta-to 0.9 --from 0.9 --to 0.999 \
  --adam-steps 50000 --figures "$tmp/grid"
cp "$tmp/grid/landscape-paths.csv" "$fig/05-adam-paths.csv"
cp "$tmp/grid/landscape-grid.svg" "$fig/05-adam-paths.svg"

# 2. Hessians at the optimum, paper scale.
record hessian curse hessian --figures "$tmp/hessian"
cp "$tmp/hessian/hessian-spectra.csv" "$fig/05-hessian-spectra.csv"
cp "$tmp/hessian/hessian-spectra.svg" "$fig/05-hessian-spectra.svg"
cp "$tmp/hessian/hessian-top-eigenvector.csv" "$fig/05-hessian-top-eigenvector.csv"
cp "$tmp/hessian/hessian-top-eigenvector.svg" "$fig/05-hessian-top-eigenvector.svg"

# Signal propagation at initialisation (Fig. 5), default size.
record propagation curse propagation --figures "$tmp/prop"
cp "$tmp/prop/propagation.csv" "$fig/05-propagation.csv"
cp "$tmp/prop/propagation-activity.svg" "$fig/05-propagation-activity.svg"
cp "$tmp/prop/propagation-gradient.svg" "$fig/05-propagation-gradient.svg"

# 3. Effective learning rates (the small sweep's scale, ν₀ = 0.99, each at its best rate of the sweep's grid).
for m in linear lru; do
  lr=$([ "$m" = linear ] && echo 0.001 || echo 0.032)
  record "effective-lr-$m" curse teacher-student --model "$m" --hidden 16 --min-modulus 0.99 --length 100 \
    --batch 16 --eval-batch 64 --steps 2000 --lr "$lr" --seed 0 --progress none --figures "$tmp/ts-$m"
  cp "$tmp/ts-$m/teacher-student-effective-lr.csv" "$fig/05-effective-lr-$m.csv"
  cp "$tmp/ts-$m/teacher-student-effective-lr.svg" "$fig/05-effective-lr-$m.svg"
done

fi

# 4. The Fig. 3A sweep.
start=$(date +%s)
tables=()
for m in linear cdiag lru; do
  out=run/sweeps/curse-fig3a-small-$m
  "$bin" sweep run "data/sweeps/curse-fig3a-small-$m.json" --jobs 2 --output-dir "$out" --progress none > /dev/null
  "$bin" sweep collect "$out" --output "$tmp/cells-$m.csv" > /dev/null
  cp "$tmp/cells-$m.csv" "$fig/05-fig3a-cells-$m.csv"
  tables+=("$m=$tmp/cells-$m.csv")
done
end=$(date +%s)
# fig3a_table.py exits 1 when the qualitative result of Fig. 3A is not reproduced: record its table, then fail.
verdict=0
{
  echo "$ python3 notebooks-md/figures/fig3a_table.py notebooks-md/figures/05-fig3a.csv linear=… cdiag=… lru=…"
  python3 "$fig/fig3a_table.py" "$fig/05-fig3a.csv" "${tables[@]}" || verdict=$?
  echo "(sweep wall time $((end - start)) s with --jobs 2; load average $(cut -d' ' -f1-3 /proc/loadavg))"
} > "$fig/05-fig3a-table.txt"
cat "$fig/05-fig3a-table.txt"
if [ "$verdict" -ne 0 ]; then
  echo "make-05.sh: the qualitative result of Fig. 3A is not reproduced (fig3a_table.py exit status $verdict)" >&2
  exit 1
fi

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 760,480 font "sans,12" background "white"
set datafile separator ","
set grid
set key top left
fig = "notebooks-md/figures/"
set output fig."05-fig3a.svg"
set title "Best final loss over the learning-rate grid (mean ± s.e.m. over seeds)"
set xlabel "ν₀ (teacher eigenvalue moduli in [ν₀, 1))"
set ylabel "final loss (½·MSE, test batch)"
set logscale y
set format y "10^{%L}"
set xrange [0.3:1.02]
plot "< grep '^linear' ".fig."05-fig3a.csv" using 2:5:6 with yerrorlines lw 2 pt 7 lc rgb "#4477aa" title "dense linear RNN", \
     "< grep '^cdiag' ".fig."05-fig3a.csv" using 2:5:6 with yerrorlines lw 2 pt 5 lc rgb "#228833" title "complex diagonal", \
     "< grep '^lru' ".fig."05-fig3a.csv" using 2:5:6 with yerrorlines lw 2 pt 9 lc rgb "#cc3311" title "LRU"
GP
echo "figures written to $fig" >&2
