#!/usr/bin/env bash
# Recurrent-network part of the rnnmem benchmark: one Adam training step, one gradient and one exact
# Hessian-vector product of a tanh RNN, an LSTM and a GRU (hidden 32, sequence 64, batch 32, one input, one output,
# MSE), one thread, side by side: rnnmem (float64, release build), PyTorch CPU and JAX CPU (float64 and float32),
# both from PyPI. Run alone it writes Benchmarks/results/rnn-raw-latest.txt and the table rnn-latest.md; run.sh
# calls it with --raw FILE to append its lines to the main report.
#
# Usage: Benchmarks/run-rnn.sh [--repeats N] [--hidden N] [--no-install] [--raw FILE]
#   --no-install  do not create Benchmarks/.venv-rnn (torch and jax are then "unavailable" unless
#                 RNNMEM_RNN_PYTHON names a Python that has them)
# Environment: RNNMEM_RNN_PYTHON=/path/to/python uses that interpreter for the peers instead of the venv.
set -u
set -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RESULTS="$HERE/results"
VENV="$HERE/.venv-rnn"
REPEATS=15
HIDDEN=32
INSTALL=1
RAW=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="${2:?--repeats needs a value}"; shift ;;
    --hidden) HIDDEN="${2:?--hidden needs a value}"; shift ;;
    --no-install) INSTALL=0 ;;
    --raw) RAW="${2:?--raw needs a file}"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run-rnn.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1 VECLIB_MAXIMUM_THREADS=1
export LC_ALL=C
mkdir -p "$RESULTS"
STANDALONE=0
if [ -z "$RAW" ]; then
  STANDALONE=1
  RAW="$RESULTS/rnn-raw-latest.txt"
  : > "$RAW"
  raw() { echo "$*" >> "$RAW"; }
  raw "ENV date $(date -u '+%Y-%m-%d %H:%M UTC')"
  raw "ENV machine $(uname -srm)"
  raw "ENV cpu $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) ($(nproc --all) logical CPUs)"
  raw "ENV load-average-at-start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  raw "ENV commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
else
  raw() { echo "$*" >> "$RAW"; }
fi
FAILURES=0
fail() { echo "run-rnn.sh: FAILURE: $*" >&2; FAILURES=$((FAILURES + 1)); }
log() { echo "== $*" >&2; }

# Peers: a venv with torch and jax from PyPI (large: torch's PyPI wheel pulls the CUDA libraries, ~6 GB on disk).
PY=""
PY_REASON=""
if [ -n "${RNNMEM_RNN_PYTHON:-}" ]; then
  PY="$RNNMEM_RNN_PYTHON"
elif [ -x "$VENV/bin/python" ] && cmp -s "$HERE/requirements-rnn.txt" "$VENV/.rnnmem-requirements" 2>/dev/null; then
  PY="$VENV/bin/python"
elif [ "$INSTALL" -eq 0 ]; then
  PY_REASON="Benchmarks/.venv-rnn missing and --no-install given"
else
  log "creating Benchmarks/.venv-rnn and installing torch, jax from PyPI (several GB; log: results/install-rnn.log)"
  rm -rf "$VENV"
  if python3 -m venv "$VENV" > "$RESULTS/install-rnn.log" 2>&1 &&
     timeout 3600 "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/requirements-rnn.txt" \
       >> "$RESULTS/install-rnn.log" 2>&1; then
    cp "$HERE/requirements-rnn.txt" "$VENV/.rnnmem-requirements"
    PY="$VENV/bin/python"
  else
    PY_REASON="pip install -r Benchmarks/requirements-rnn.txt failed: $(grep -E 'ERROR' "$RESULTS/install-rnn.log" | tail -1)"
  fi
fi
if [ -n "$PY" ]; then
  "$PY" "$HERE/peers/python/rnn_bench.py" --versions >> "$RAW" 2>/dev/null
fi

log "swift build -c release --package-path Benchmarks"
# several people edit the shared tree: retry a build that failed only because a source changed under it
for attempt in 1 2 3 4 5; do
  swift build -c release --package-path "$HERE" --product rnnmem-bench > "$RESULTS/swift-build-rnn.log" 2>&1
  BUILD_STATUS=$?
  [ "$BUILD_STATUS" -ne 0 ] && grep -q 'was modified during the build' "$RESULTS/swift-build-rnn.log" || break
  log "a source file changed during the build; retrying ($attempt)"
  sleep 30
done
if [ "$BUILD_STATUS" -eq 0 ]; then
  BENCH="$(swift build -c release --package-path "$HERE" --show-bin-path)/rnnmem-bench"
  [ "$STANDALONE" -eq 1 ] && raw "VERSION swift $(swift --version 2>/dev/null | head -1)"
else
  BENCH=""
  raw "FAILED * * rnnmem swift build -c release failed"
  fail "swift build failed (see Benchmarks/results/swift-build-rnn.log)"
fi

run() {  # run WORKLOAD IMPL
  local w="$1" impl="$2" out status
  if [ "$impl" = rnnmem ]; then
    [ -n "$BENCH" ] || return 0
    out="$(timeout 1800 "$BENCH" --workload "$w" --n "$HIDDEN" --repeats "$REPEATS" 2>&1)"
  else
    if [ -z "$PY" ]; then raw "UNAVAILABLE $w $HIDDEN $impl $PY_REASON"; return 0; fi
    out="$(timeout 1800 "$PY" "$HERE/peers/python/rnn_bench.py" --workload "$w" --n "$HIDDEN" --impl "$impl" \
           --repeats "$REPEATS" 2>/dev/null)"
  fi
  status=$?
  local line
  line="$(printf '%s\n' "$out" | grep -E "^(RESULT|UNAVAILABLE) $w $HIDDEN $impl ")"
  if [ "$status" -ne 0 ] || [ -z "$line" ]; then
    raw "FAILED $w $HIDDEN $impl exit status $status"
    fail "$impl $w failed (status $status)"
  else
    printf '%s\n' "$line" >> "$RAW"
    printf '   %s\n' "$line" >&2
  fi
}

for arch in rnn lstm gru; do
  log "train_$arch / grad_$arch / hvp_$arch, hidden $HIDDEN"
  for impl in rnnmem pytorch jax pytorch-f32 jax-f32; do run "train_$arch" "$impl"; done
  for kind in grad hvp; do
    for impl in rnnmem pytorch jax; do run "${kind}_$arch" "$impl"; done
  done
done

if [ "$STANDALONE" -eq 1 ]; then
  raw "ENV load-average-at-end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  python3 "$HERE/peers/report.py" "$RAW" --markdown "$RESULTS/rnn-latest.md" || fail "report.py failed"
fi
[ "$FAILURES" -eq 0 ] || exit 1
exit 0
