#!/usr/bin/env bash
# Long runs, recorded outputs and figures of notebooks-md/07-long-memory-networks.md: an MRNNF and an LSTM trained
# with Zhao et al.'s series protocol on exact ARFIMA(0, 0.4, 0) series (n = 4001, the size of their arfima data set,
# and n = 20001), then
#   - their response coefficients on the training sequence (Definition 3)   → 07-response.{csv,svg}
#   - d of the input, hidden units, outputs and residuals (claim (ii))      → 07-states.{csv,svg}
#   - d of the networks run autonomously, driven by noise (Theorem 1), and 'rnnmem check' of that output
# Every command and its output is appended to figures/07-recorded.txt (the notebook's ```text blocks).
# Usage: bash notebooks-md/figures/make-07.sh [path/to/rnnmem]   (default: .build/release/rnnmem;
#        build it with: swift build -c release --product rnnmem). Run directory: run/notebook-07 (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/rnnmem}
[ -x "$bin" ] || { echo "no rnnmem binary at $bin (swift build -c release --product rnnmem)" >&2; exit 2; }
fig=notebooks-md/figures
run=run/notebook-07
mkdir -p "$run"
log=$fig/07-recorded.txt
: > "$log"
start=$(date +%s)

record() {
  local name=$1; shift
  echo "\$ rnnmem $*" >> "$log"
  "$bin" "$@" > "$run/$name"
  cat "$run/$name" >> "$log"
  echo >> "$log"
}
quiet() { local name=$1; shift; "$bin" "$@" > "$run/$name"; }
# A float64 .npy array (as --save writes it) as a one-column CSV, full precision (standard library only).
npy_to_csv() {
  python3 - "$1" "$2" <<'PY'
import array, ast, struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:6] == b"\x93NUMPY", sys.argv[1]
major = data[6]
(length,), start = ((struct.unpack("<H", data[8:10]), 10) if major == 1 else (struct.unpack("<I", data[8:12]), 12))
header = ast.literal_eval(data[start:start + length].decode("latin1"))
assert header["descr"] == "<f8" and not header["fortran_order"], header
values = array.array("d")
values.frombytes(data[start + length:])
with open(sys.argv[2], "w") as f:
    f.write("".join(f"{v!r}\n" for v in values))
PY
}

for n in 4001 20001; do
  "$bin" simulate arfima --d 0.4 --length "$n" --seed 7 > "$run/arfima-$n.csv"
  echo "\$ rnnmem simulate arfima --d 0.4 --length $n --seed 7 > $run/arfima-$n.csv" >> "$log"
  for m in mrnnf lstm; do
    echo "$m, n = $n" >&2
    echo "\$ rnnmem train --model $m --hidden 4 --task series --data $run/arfima-$n.csv --seed 1 --progress none --output-dir $run/$m-$n" >> "$log"
    "$bin" train --model "$m" --hidden 4 --task series --data "$run/arfima-$n.csv" --seed 1 --progress none \
      --output-dir "$run/$m-$n" > "$run/train-$m-$n.txt"
    grep -E "^(model|task|test rmse|best validation)" "$run/train-$m-$n.txt" >> "$log"
    echo "..." >> "$log"
    echo >> "$log"
    w="$run/$m-$n/weights.safetensors"
    record "response-$m-$n.txt" memory response --weights "$w" --task series --data "$run/arfima-$n.csv" \
      --split train --lags 10:90
    quiet "response-$m-$n.json" memory response --weights "$w" --task series --data "$run/arfima-$n.csv" \
      --split train --lags 10:90 --json
    record "states-$m-$n.txt" memory states --weights "$w" --task series --data "$run/arfima-$n.csv" --split train \
      --residuals
    quiet "states-$m-$n.json" memory states --weights "$w" --task series --data "$run/arfima-$n.csv" --split train \
      --residuals --json
    record "autonomous-$m-$n.txt" memory states --weights "$w" --autonomous 0.08 --length 8192 --seed 1
    # The same autonomous output (same seed, same bytes), saved and given to 'rnnmem check' for the verdict's reasons.
    quiet "autonomous-$m-$n-save.txt" memory states --weights "$w" --autonomous 0.08 --length 8192 --seed 1 \
      --save "$run/autonomous-$m-$n"
    npy_to_csv "$run/autonomous-$m-$n/outputs.npy" "$run/autonomous-$m-$n.csv"
    record "check-autonomous-$m-$n.txt" check "$run/autonomous-$m-$n.csv"
  done
done
echo "total wall time $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$log"

python3 - "$run" "$fig" <<'PY'
import json, sys
run, fig = sys.argv[1], sys.argv[2]
co = {m: json.load(open(f"{run}/response-{m}-4001.json")) for m in ["mrnnf", "lstm"]}
with open(f"{fig}/07-response.csv", "w") as f:
    f.write("k,mrnnf,mrnnf_power_law,lstm,lstm_exponential\n")
    for k in range(len(co["mrnnf"]["coefficients"])):
        cells = [str(k)]
        for m, fit, kind in [("mrnnf", "power_law_fit", "log"), ("lstm", "exponential_fit", "lin")]:
            import math
            a = co[m]["coefficients"][k]
            cells.append(repr(a) if a > 0 else "")
            line = co[m][fit]
            if 10 <= k <= 90:
                x = math.log(k) if kind == "log" else k
                cells.append(repr(math.exp(line["intercept"] + line["slope"] * x)))
            else:
                cells.append("")
        f.write(",".join(cells) + "\n")
st = {m: json.load(open(f"{run}/states-{m}-4001.json")) for m in ["mrnnf", "lstm"]}
with open(f"{fig}/07-states.csv", "w") as f:
    f.write("series,mrnnf_d_lw,mrnnf_se_lw,lstm_d_lw,lstm_se_lw\n")
    names = ["input x"] + [f"h{i + 1}" for i in range(len(st["mrnnf"]["units"]))] + ["output y", "residual e"]
    def rows(o):
        return o["inputs"] + o["units"] + o["outputs"] + o["residuals"]
    for i, name in enumerate(names):
        a, b = rows(st["mrnnf"])[i], rows(st["lstm"])[i]
        f.write(f"\"{name}\",{a['d_lw']!r},{a['se_lw']!r},{b['d_lw']!r},{b['se_lw']!r}\n")
PY

command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox): CSV only" >&2; exit 0; }
gnuplot <<'GP'
set terminal svg size 720,460 font "sans,12" background "white"
set datafile separator ","
set datafile missing ""
set grid
fig = "notebooks-md/figures/"
set output fig."07-response.svg"
set title "Response coefficients ‖Ā_k‖ of MRNNF and LSTM trained on ARFIMA(0, 0.4, 0), log–log axes"
set xlabel "lag k"; set ylabel "‖Ā_k‖"
set logscale xy; set format y "10^{%L}"
set xrange [1:100]
set key bottom left
plot fig."07-response.csv" every ::1 using 1:2 with points pt 7 ps 0.4 lc rgb "#c0392b" title "MRNNF", \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "MRNNF: power-law fit, k = 10 … 90", \
     "" every ::1 using 1:4 with points pt 5 ps 0.4 lc rgb "#2471a3" title "LSTM", \
     "" every ::1 using 1:5 with lines lw 2 dt 2 lc rgb "#2471a3" title "LSTM: exponential fit, k = 10 … 90"

set output fig."07-states.svg"
unset logscale; set format y "%g"; set autoscale
set title "Local Whittle d̂ (± 1.96 s.e.) along the training sequence (n = 2000)"
set ylabel "d̂ (local Whittle)" noenhanced; set xlabel ""
set style data points
set xtics rotate by -30
set key top right
set yrange [-0.3:0.9]
set xrange [-0.5:*]
set offsets 0, 0.5, 0, 0
set arrow from graph 0, first 0 to graph 1, first 0 nohead lc rgb "gray50"
set arrow from graph 0, first 0.5 to graph 1, first 0.5 nohead dt 3 lc rgb "gray50"
plot fig."07-states.csv" every ::1 using ($0 - 0.1):2:(1.96*$3):xtic(1) with yerrorbars pt 7 lc rgb "#c0392b" title "MRNNF", \
     "" every ::1 using ($0 + 0.1):4:(1.96*$5) with yerrorbars pt 5 lc rgb "#2471a3" title "LSTM"
GP
echo "figures written to $fig; recorded output in $log" >&2
