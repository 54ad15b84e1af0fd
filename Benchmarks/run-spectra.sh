#!/usr/bin/env bash
# Spectra part of the rnnmem benchmark, side by side in one run, one thread each:
#   lyapunov          full Lyapunov spectrum of h <- J tanh(h), N = 200, g = 1.5: 100 transient + 300 warm-up +
#                     3000 accumulated steps, QR every step (t_ONS = 1), with the log|det D_t| sums
#                     rnnmem (release) | NumPy (the same loop, np.linalg.qr) | JAX CPU (lax.scan + jnp.linalg.qr)
#   slq               stochastic Lanczos quadrature, 4 probes x 100 Lanczos steps (full reorthogonalisation), of the
#                     loss Hessian of an LSTM with hidden 48 (9 841 parameters), T = 64, B = 32
#                     rnnmem (exact forward-over-reverse HVPs) | JAX CPU (jvp of grad, jitted)
#   hessian_linear25  full Hessian (25 HVPs + dsyevd) of the 25-parameter dense linear RNN at the Fig. 4 teacher
#                     of Zucchet & Orvieto (T = 300, 64 sequences) | rnnmem only (target <= 0.1 s)
# First the implementations are checked to compute the same numbers (a non-chaotic map, g = 0.8, where every
# implementation must agree to 1e-9 and with log|eig J| to 5e-3; the SLQ loss, theta^T H theta, |H theta| and the
# extreme nodes). Writes Benchmarks/results/spectra-raw-latest.txt and the table spectra-latest.md, with the load
# average at start and end and the CPU time beside the wall-clock time (on a loaded machine the wall-clock time of
# every program mixes in the others; their CPU times compare better).
#
# Usage: Benchmarks/run-spectra.sh [--repeats N] [--no-install]
#   --no-install   do not create Benchmarks/.venv-spectra (JAX is then "unavailable" unless RNNMEM_SPECTRA_PYTHON
#                  names a Python that has jax)
# Environment: RNNMEM_SPECTRA_PYTHON=/path/to/python for the JAX peer; the NumPy peer runs with python3.
set -u
set -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RESULTS="$HERE/results"
CACHE="$HERE/.cache"
VENV="$HERE/.venv-spectra"
REPEATS=3
INSTALL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="${2:?--repeats needs a value}"; shift ;;
    --no-install) INSTALL=0 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run-spectra.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1 VECLIB_MAXIMUM_THREADS=1
export LC_ALL=C
mkdir -p "$RESULTS" "$CACHE"
RAW="$RESULTS/spectra-raw-latest.txt"
: > "$RAW"
raw() { echo "$*" >> "$RAW"; }
FAILURES=0
fail() { echo "run-spectra.sh: FAILURE: $*" >&2; FAILURES=$((FAILURES + 1)); }
log() { echo "== $*" >&2; }
raw "ENV date $(date -u '+%Y-%m-%d %H:%M UTC')"
raw "ENV machine $(uname -srm)"
raw "ENV cpu $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) ($(nproc --all) logical CPUs)"
raw "ENV load-average-at-start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
raw "ENV commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"

# Peers: NumPy from the system python3; JAX from PyPI into Benchmarks/.venv-spectra.
NP="python3"
JX=""
JX_REASON=""
if [ -n "${RNNMEM_SPECTRA_PYTHON:-}" ]; then
  JX="$RNNMEM_SPECTRA_PYTHON"
elif [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import jax' 2>/dev/null; then
  JX="$VENV/bin/python"
elif [ "$INSTALL" -eq 0 ]; then
  JX_REASON="Benchmarks/.venv-spectra missing and --no-install given"
else
  log "creating Benchmarks/.venv-spectra and installing jax from PyPI (log: results/install-spectra.log)"
  rm -rf "$VENV"
  if python3 -m venv "$VENV" > "$RESULTS/install-spectra.log" 2>&1 &&
     timeout 1800 "$VENV/bin/python" -m pip install --disable-pip-version-check -q jax==0.10.2 numpy==2.4.6 \
       >> "$RESULTS/install-spectra.log" 2>&1; then
    JX="$VENV/bin/python"
  else
    JX_REASON="pip install jax failed: $(grep -E 'ERROR' "$RESULTS/install-spectra.log" | tail -1)"
  fi
fi
PEER="$HERE/peers/python/spectra_bench.py"
"$NP" "$PEER" --versions | grep -v jax >> "$RAW"
[ -n "$JX" ] && "$JX" "$PEER" --versions | grep jax >> "$RAW"

log "inputs (Benchmarks/.cache)"
"$NP" "$HERE/peers/python/spectra_inputs.py" --lyapunov "$CACHE/lyapunov-200.f64" --n 200 --gain 1.5 \
  --slq "$CACHE/lstm-slq-48.safetensors" --hidden 48 || fail "inputs could not be written"
"$NP" "$HERE/peers/python/spectra_inputs.py" --lyapunov "$CACHE/lyapunov-200-g0.8.f64" --n 200 --gain 0.8 \
  || fail "inputs could not be written"

log "swift build -c release --package-path Benchmarks"
for attempt in 1 2 3 4 5; do
  swift build -c release --package-path "$HERE" --product rnnmem-bench > "$RESULTS/swift-build-spectra.log" 2>&1
  BUILD_STATUS=$?
  [ "$BUILD_STATUS" -ne 0 ] && grep -q 'was modified during the build' "$RESULTS/swift-build-spectra.log" || break
  log "a source file changed during the build; retrying ($attempt)"
  sleep 30
done
if [ "$BUILD_STATUS" -ne 0 ]; then
  raw "FAILED * * rnnmem swift build -c release failed"
  fail "swift build failed (see Benchmarks/results/swift-build-spectra.log)"
  exit 1
fi
BENCH="$(swift build -c release --package-path "$HERE" --show-bin-path)/rnnmem-bench"
raw "VERSION swift $(swift --version 2>/dev/null | head -1)"

log "cross-check: the same numbers from every implementation"
CHECK="$RESULTS/check-spectra"
rm -rf "$CHECK"
mkdir -p "$CHECK"
"$BENCH" --spectra-check "$CHECK" --n 200 --lyapunov-input "$CACHE/lyapunov-200-g0.8.f64" \
  --slq-input "$CACHE/lstm-slq-48.safetensors" || fail "rnnmem-bench --spectra-check failed"
"$NP" "$PEER" --check "$CHECK" --impl numpy --n 200 --lyapunov-input "$CACHE/lyapunov-200-g0.8.f64" \
  || fail "numpy --check failed"
if [ -n "$JX" ]; then
  "$JX" "$PEER" --check "$CHECK" --impl jax --n 200 --lyapunov-input "$CACHE/lyapunov-200-g0.8.f64" \
    --slq-input "$CACHE/lstm-slq-48.safetensors" || fail "jax --check failed"
fi
if "$NP" "$PEER" --verify "$CHECK" --lyapunov-input "$CACHE/lyapunov-200-g0.8.f64" --n 200 >> "$RAW"; then
  log "cross-check passed"
else
  fail "the implementations disagree (see $RAW)"
fi
grep '^VERIFY' "$RAW" | sed 's/^/   /' >&2

# Every implementation is pinned to one CPU (taskset), so that "one thread each" holds whatever threads a runtime
# starts (XLA keeps worker threads of its own).
PIN=()
if command -v taskset > /dev/null; then PIN=(taskset -c 0); raw "ENV pinning taskset -c 0"; fi
run() {  # run WORKLOAD N IMPL INPUT
  local w="$1" n="$2" impl="$3" input="$4" out status line
  case "$impl" in
    rnnmem) out="$(timeout 3600 "${PIN[@]}" "$BENCH" --workload "$w" --n "$n" --repeats "$REPEATS" ${input:+--input "$input"} 2>&1)" ;;
    numpy) out="$(timeout 3600 "${PIN[@]}" "$NP" "$PEER" --workload "$w" --n "$n" --impl numpy --input "$input" --repeats "$REPEATS" 2>/dev/null)" ;;
    jax)
      if [ -z "$JX" ]; then raw "UNAVAILABLE $w $n jax $JX_REASON"; return 0; fi
      out="$(timeout 3600 "${PIN[@]}" "$JX" "$PEER" --workload "$w" --n "$n" --impl jax --input "$input" --repeats "$REPEATS" 2>/dev/null)" ;;
  esac
  status=$?
  line="$(printf '%s\n' "$out" | grep -E "^(RESULT|UNAVAILABLE) $w $n $impl ")"
  if [ "$status" -ne 0 ] || [ -z "$line" ]; then
    raw "FAILED $w $n $impl exit status $status"
    fail "$impl $w failed (status $status)"
  else
    printf '%s\n' "$line" >> "$RAW"
    printf '   %s\n' "$line" >&2
  fi
}

log "lyapunov, N = 200, T = 3000 (+ 300 warm-up, 100 transient)"
for impl in rnnmem numpy jax; do run lyapunov 200 "$impl" "$CACHE/lyapunov-200.f64"; done
log "slq, LSTM hidden 48 (9841 parameters), 4 probes x 100 Lanczos steps"
for impl in rnnmem jax; do run slq 48 "$impl" "$CACHE/lstm-slq-48.safetensors"; done
log "hessian_linear25"
run hessian_linear25 25 rnnmem ""

raw "ENV load-average-at-end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
"$NP" - "$RAW" "$RESULTS/spectra-latest.md" <<'PY' || fail "report failed"
import sys
raw, out = sys.argv[1], sys.argv[2]
env, results, verify, versions = {}, {}, [], []
for line in open(raw):
    parts = line.split()
    if not parts:
        continue
    if parts[0] == "ENV":
        env[parts[1]] = " ".join(parts[2:])
    elif parts[0] == "VERSION":
        versions.append(" ".join(parts[1:]))
    elif parts[0] == "VERIFY":
        verify.append(" ".join(parts[1:]))
    elif parts[0] == "RESULT":
        fields = dict(p.split("=", 1) for p in parts[6:] if "=" in p)
        results[(parts[1], parts[3])] = (float(parts[4]), float(fields.get("cpu_s", "nan")), float(parts[5]))
    elif parts[0] in ("UNAVAILABLE", "FAILED"):
        results[(parts[1], parts[3])] = parts[0].lower()
lines = ["# rnnmem spectra benchmark", "",
         f"{env.get('date', '')}, {env.get('cpu', '')}, commit {env.get('commit', '')}; load average at start "
         f"{env.get('load-average-at-start', '?')}, at end {env.get('load-average-at-end', '?')}.", "",
         "| workload | implementation | median wall (s) | median CPU (s) | peak RSS (MB) | ratio wall | ratio CPU |",
         "|---|---|---|---|---|---|---|"]
try:
    cpus = int(env.get("cpu", "").split("(")[-1].split()[0])
except (ValueError, IndexError):
    cpus = 1
try:
    loaded = max(float(env.get("load-average-at-start", "0").split()[0]),
                 float(env.get("load-average-at-end", "0").split()[0])) > cpus
except ValueError:
    loaded = True
# On a loaded machine (load average above the number of CPUs) the wall-clock times of different processes are
# taken under different shares of the CPU: the targets are judged on the CPU times then, otherwise on wall time.
pick = 1 if loaded else 0
basis = "CPU time (loaded machine)" if loaded else "wall-clock time"
targets = []
for workload, impls in (("lyapunov", ("rnnmem", "numpy", "jax")), ("slq", ("rnnmem", "jax")),
                        ("hessian_linear25", ("rnnmem",))):
    base = results.get((workload, "rnnmem"))
    for impl in impls:
        r = results.get((workload, impl), "missing")
        if isinstance(r, str):
            lines.append(f"| {workload} | {impl} | {r} | | | | |")
            continue
        ratio = "" if impl == "rnnmem" or not isinstance(base, tuple) else f"{r[0] / base[0]:.2f}"
        ratio_cpu = "" if impl == "rnnmem" or not isinstance(base, tuple) else f"{r[1] / base[1]:.2f}"
        lines.append(f"| {workload} | {impl} | {r[0]:.4g} | {r[1]:.4g} | {r[2]:.1f} | {ratio} | {ratio_cpu} |")
    if isinstance(base, tuple):
        if workload == "lyapunov":
            for peer in ("numpy", "jax"):
                r = results.get((workload, peer))
                if isinstance(r, tuple):
                    targets.append(f"lyapunov >= 3x faster than {peer}: wall {r[0] / base[0]:.2f}x, CPU {r[1] / base[1]:.2f}x "
                                   f"({'met' if r[pick] / base[pick] >= 3 else 'NOT met'})")
            targets.append(f"lyapunov <= 2 s: wall {base[0]:.2f} s, CPU {base[1]:.2f} s "
                           f"({'met' if base[pick] <= 2 else 'NOT met'})")
        elif workload == "slq":
            r = results.get((workload, "jax"))
            if isinstance(r, tuple):
                targets.append(f"slq faster than jax: wall {r[0] / base[0]:.2f}x, CPU {r[1] / base[1]:.2f}x "
                               f"({'met' if r[pick] / base[pick] > 1 else 'NOT met'})")
        else:
            targets.append(f"hessian_linear25 <= 0.1 s: wall {base[0]:.3g} s, CPU {base[1]:.3g} s "
                           f"({'met' if base[pick] <= 0.1 else 'NOT met'})")
lines += ["", "Ratios are peer time / rnnmem time (> 1: rnnmem is faster).", "",
          f"Targets (judged on {basis}):", ""]
lines += [f"- {t}" for t in targets]
lines += ["", "Cross-check:", ""] + [f"- {v}" for v in verify]
lines += ["", "Versions:", ""] + [f"- {v}" for v in versions]
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
[ "$FAILURES" -eq 0 ] || exit 1
exit 0
