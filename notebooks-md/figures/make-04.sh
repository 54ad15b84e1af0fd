#!/usr/bin/env bash
# Long runs and figures of notebooks-md/04-spectra.md (release build: swift build -c release --product rnnmem).
#   - trains the LSTM (delayed recall, k = 5) and the GRU (k = 3) whose weights the notebook's replayed blocks read:
#     notebooks-md/inputs/04-lstm-recall.safetensors, 04-gru-recall.safetensors (same seed => same bytes);
#   - the full-size checks: λ₁ against the gain of the random tanh map at N = 200, T = 3000 (the chaos transition),
#     the full spectrum at N = 200, g = 1.5, T = 3000, and Y2 at N = 100, g = 0.8, T = 3000;
#   - gradient norms against the lag for vanilla RNNs of growing recurrent gain (N = 64, T = 200);
#   - Jacobian eigenvalues and Lyapunov spectra of the LSTM before and after training; Hessian density and
#     localisation of the trained GRU.
# Writes notebooks-md/figures/04-*.svg with the CSV beside each, and 04-runs.txt (the commands and their output,
# quoted in the notebook's text blocks).
# Usage: bash notebooks-md/figures/make-04.sh [path/to/rnnmem]   (default: .build/release/rnnmem)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || { echo "build it first: swift build -c release --product rnnmem" >&2; exit 1; }
fig=notebooks-md/figures
inputs=notebooks-md/inputs
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
log="$fig/04-runs.txt"
: > "$log"

# record CMD...: runs `rnnmem CMD` and appends the command and its standard output to 04-runs.txt, as the
# notebook quotes them: without the --figures option (a temporary folder) and its 'figures:' line.
record() {
  local shown=() skip=0 a
  for a in "$@"; do
    if [ "$skip" -eq 1 ]; then skip=0; continue; fi
    if [ "$a" = --figures ]; then skip=1; continue; fi
    shown+=("$a")
  done
  printf '$ rnnmem %s\n' "${shown[*]}" >> "$log"
  "$bin" "$@" --progress none | grep -v '^figures: ' | { if [ -n "${HEAD:-}" ]; then head -n "$HEAD"; echo "..."; cat > /dev/null; else cat; fi; } >> "$log"
  printf '\n' >> "$log"
}

# 1. Trained networks.
"$bin" train --model lstm --task recall --delay 5 --length 30 --hidden 16 --steps 400 --eval-batch 128 \
  --seed 1 --progress none --output-dir "$run/lstm" > "$run/lstm-train.txt"
cp "$run/lstm/weights.safetensors" "$inputs/04-lstm-recall.safetensors"
"$bin" train --model gru --task recall --delay 3 --length 20 --hidden 8 --steps 300 --eval-batch 128 \
  --seed 7 --progress none --output-dir "$run/gru" > "$run/gru-train.txt"
cp "$run/gru/weights.safetensors" "$inputs/04-gru-recall.safetensors"
{ echo "# training runs"; cat "$run/lstm-train.txt" "$run/gru-train.txt"; echo; } >> "$log"

# 2. Chaos: λ₁ against the gain (N = 200, T = 3000), the full spectrum at g = 1.5, Y2 at N = 100.
record spectrum lyapunov --random-tanh --n 200 --gains 0.5:2:0.1 --steps 3000 --seed 1 --figures "$run/gain"
cp "$run/gain/lyapunov-gain.svg" "$fig/04-lambda1-gain.svg"
cp "$run/gain/lyapunov-gain.csv" "$fig/04-lambda1-gain.csv"
record spectrum lyapunov --random-tanh --n 200 --gain 1.5 --steps 3000 --seed 1 --figures "$run/full"
cp "$run/full/lyapunov-spectrum.svg" "$fig/04-lyapunov-spectrum-g1.5.svg"
cp "$run/full/lyapunov-spectrum.csv" "$fig/04-lyapunov-spectrum-g1.5.csv"
record spectrum lyapunov --random-tanh --n 100 --gain 0.8 --steps 3000 --seed 1

# 3. Vanishing and exploding gradients of vanilla RNNs (N = 64) as the recurrent gain grows.
echo "gain,log_norm_slope" > "$fig/04-gradient-slopes.csv"
for g in 0.5 0.75 0.9 1 1.1 1.25 1.5 2 3; do
  "$bin" spectrum gradients --model rnn --hidden 64 --recurrent-gain "$g" --task recall --length 200 --eval-batch 1 \
    --seed 1 --progress none --figures "$run/grad-$g" --json > "$run/grad-$g.json"
  python3 -c "import json,sys; print('$g,' + repr(json.load(open('$run/grad-$g.json'))['log_norm_slope']))" \
    >> "$fig/04-gradient-slopes.csv"
done
for g in 0.5 0.9 1.25 2; do cp "$run/grad-$g/gradients.csv" "$fig/04-gradients-g$g.csv"; done
{ echo "# gradient slopes (rnnmem spectrum gradients --model rnn --hidden 64 --recurrent-gain g --task recall --length 200 --eval-batch 1 --seed 1)"; cat "$fig/04-gradient-slopes.csv"; echo; } >> "$log"

# 4. The LSTM before and after training: Jacobian eigenvalues and Lyapunov spectra along a test sequence.
for state in before after; do
  if [ "$state" = before ]; then net=(--model lstm --hidden 16); else net=(--weights "$inputs/04-lstm-recall.safetensors"); fi
  HEAD=8 record spectrum jacobian "${net[@]}" --task recall --delay 5 --length 200 --eval-batch 4 --seed 1 \
    --figures "$run/jac-$state"
  cp "$run/jac-$state/jacobian-eigenvalues.svg" "$fig/04-lstm-$state-eigenvalues.svg"
  # the plotted steps only (the full table has every step's 32 eigenvalues)
  awk -F, 'NR == 1 || $5 == 1' "$run/jac-$state/jacobian-eigenvalues.csv" > "$fig/04-lstm-$state-eigenvalues.csv"
  record spectrum lyapunov "${net[@]}" --task recall --delay 5 --length 200 --eval-batch 4 --sequences 4 --seed 1 \
    --figures "$run/lya-$state"
  cp "$run/lya-$state/lyapunov-spectrum.csv" "$fig/04-lstm-$state-lyapunov.csv"
done

# 5. The trained GRU: Hessian localisation and spectral density (full and SLQ).
record spectrum hessian --weights "$inputs/04-gru-recall.safetensors" --task recall --delay 3 --length 20 \
  --eval-batch 64 --seed 7 --top 6 --bottom 3 --figures "$run/hess"
cp "$run/hess/hessian-localization.svg" "$fig/04-gru-localization.svg"
cp "$run/hess/hessian-localization.csv" "$fig/04-gru-localization.csv"
"$bin" spectrum density --weights "$inputs/04-gru-recall.safetensors" --task recall --delay 3 --length 20 \
  --eval-batch 64 --seed 7 --method lanczos --lanczos-steps 80 --probes 8 --variance 1e-4 --points 4000 \
  --progress none --figures "$run/slq" > /dev/null
"$bin" spectrum density --weights "$inputs/04-gru-recall.safetensors" --task recall --delay 3 --length 20 \
  --eval-batch 64 --seed 7 --method full --variance 1e-4 --points 4000 --progress none --figures "$run/dfull" > /dev/null
cp "$run/slq/density.csv" "$fig/04-gru-density-slq.csv"
cp "$run/dfull/density.csv" "$fig/04-gru-density-full.csv"

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 720,480 font "sans,12" background "white"
set datafile separator ","
set datafile missing "NaN"
set grid
set key below
fig = "notebooks-md/figures/"

set output fig."04-gradients.svg"
set title "Vanilla RNN, N = 64: ‖∂L_t/∂s_{t−ℓ}‖ against the lag, recurrent gain g"
set xlabel "lag ℓ"; set ylabel "norm (log scale)"
set format y "10^{%g}"
plot fig."04-gradients-g0.5.csv" every ::1 using 1:2 with lines lw 2 lc rgb "#4477aa" title "g = 0.5", \
     fig."04-gradients-g0.9.csv" every ::1 using 1:2 with lines lw 2 lc rgb "#66ccee" title "g = 0.9", \
     fig."04-gradients-g1.25.csv" every ::1 using 1:2 with lines lw 2 lc rgb "#ccbb44" title "g = 1.25", \
     fig."04-gradients-g2.csv" every ::1 using 1:2 with lines lw 2 lc rgb "#ee6677" title "g = 2"
set format y "%g"

set output fig."04-gradient-slopes.svg"
set title "Slope of log‖∂L_t/∂s_{t−ℓ}‖ against ℓ (per step), vanilla RNN, N = 64"
set xlabel "recurrent gain g"; set ylabel "slope"
set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead dt 2 lc rgb "gray40"
set arrow 2 from first 1, graph 0 to first 1, graph 1 nohead dt 3 lc rgb "gray60"
plot fig."04-gradient-slopes.csv" every ::1 using 1:2 with linespoints pt 7 lw 2 lc rgb "#ee6677" title "least-squares slope"
unset arrow 1; unset arrow 2

set output fig."04-lstm-lyapunov.svg"
set title "Conditional Lyapunov spectrum of the LSTM (N = 16, joint state [h; c]) on delayed recall"
set xlabel "i"; set ylabel "λ_i (per step)"
set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead dt 2 lc rgb "gray40"
plot fig."04-lstm-before-lyapunov.csv" every ::1 using 1:3 with linespoints pt 7 ps 0.5 lw 2 lc rgb "#4477aa" title "initialisation", \
     fig."04-lstm-after-lyapunov.csv" every ::1 using 1:3 with linespoints pt 7 ps 0.5 lw 2 lc rgb "#ee6677" title "after 400 Adam steps"
unset arrow 1

set output fig."04-gru-density.svg"
set title "Hessian spectral density of the trained GRU (273 parameters), σ² = 1e-4"
set xlabel "eigenvalue"; set ylabel "density (log scale)"
set logscale y
set format y "10^{%L}"
set yrange [1e-6:*]
plot fig."04-gru-density-full.csv" every ::1 using 1:($2 > 1e-6 ? $2 : NaN) with lines lw 2 lc rgb "gray40" title "all 273 eigenvalues (dsyevd)", \
     fig."04-gru-density-slq.csv" every ::1 using 1:($2 > 1e-6 ? $2 : NaN) with lines lw 1.5 lc rgb "#ee6677" title "SLQ, 8 probes × 80 steps"
GP
echo "figures written to $fig; outputs of the long runs in $log" >&2
