#!/usr/bin/env bash
# Curse-of-memory part of the rnnmem benchmark: one whole teacher–student training run (Zucchet & Orvieto 2024,
# linear-system identification: teacher size 10, ν₀ = 0.9, student width 32, T = 200, batch 32, 2000 Adam updates,
# warm-up–cosine schedule) of a dense linear RNN and of an LRU student, rnnmem (float64, release build) beside JAX
# on the CPU (float64 and float32, one jit-compiled lax.scan over the run), one thread each. First it checks that
# JAX computes the same losses as rnnmem on the first 10 updates with rnnmem's batches (float64: rel 1e-9;
# float32: rel 1e-3), then times each run (median of --repeats after a warm-up run; JAX's compilation excluded).
# Writes Benchmarks/results/curse-raw-latest.txt and the table curse-latest.md.
#
# Usage: Benchmarks/run-curse.sh [--repeats N] [--no-install]
#   --no-install  do not create Benchmarks/.venv-curse (JAX is then "unavailable" unless RNNMEM_CURSE_PYTHON names a
#                 Python that has jax)
set -u
set -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS="$HERE/results"
VENV="$HERE/.venv-curse"
REPEATS=3
INSTALL=1
HIDDEN=32
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="${2:?--repeats needs a value}"; shift ;;
    --no-install) INSTALL=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run-curse.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1 LC_ALL=C
mkdir -p "$RESULTS"
RAW="$RESULTS/curse-raw-latest.txt"
: > "$RAW"
raw() { echo "$*" >> "$RAW"; }
log() { echo "== $*" >&2; }
raw "ENV date $(date -u '+%Y-%m-%d %H:%M UTC')"
raw "ENV machine $(uname -srm)"
raw "ENV cpu $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) ($(nproc --all) logical CPUs)"
raw "ENV load-average-at-start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
raw "ENV commit $(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo none)"

PY=""
if [ -n "${RNNMEM_CURSE_PYTHON:-}" ]; then
  PY="$RNNMEM_CURSE_PYTHON"
elif [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import jax' 2>/dev/null; then
  PY="$VENV/bin/python"
elif [ "$INSTALL" -eq 1 ]; then
  log "creating Benchmarks/.venv-curse with jax (CPU) from PyPI (log: results/install-curse.log)"
  rm -rf "$VENV"
  if python3 -m venv "$VENV" > "$RESULTS/install-curse.log" 2>&1 &&
     "$VENV/bin/python" -m pip install --disable-pip-version-check -q "jax==0.10.2" "numpy==2.4.6" \
       >> "$RESULTS/install-curse.log" 2>&1; then
    PY="$VENV/bin/python"
  fi
fi
[ -n "$PY" ] && "$PY" "$HERE/peers/python/curse_bench.py" --versions >> "$RAW" 2>/dev/null

log "swift build -c release --package-path Benchmarks"
swift build -c release --package-path "$HERE" --product rnnmem-bench > "$RESULTS/swift-build-curse.log" 2>&1 ||
  { echo "run-curse.sh: swift build failed (see Benchmarks/results/swift-build-curse.log)" >&2; exit 1; }
BENCH="$(swift build -c release --package-path "$HERE" --show-bin-path)/rnnmem-bench"
raw "VERSION swift $(swift --version 2>/dev/null | head -1)"

SETTING="$RESULTS/curse-setting"
log "writing the setting and rnnmem's reference losses ($SETTING)"
"$BENCH" --n "$HIDDEN" --check-curse "$SETTING" --updates 10 || { echo "run-curse.sh: --check-curse failed" >&2; exit 1; }
STATUS=0
if [ -n "$PY" ]; then
  log "checking that JAX computes the same losses"
  "$PY" "$HERE/peers/python/curse_bench.py" --check "$SETTING" | tee -a "$RAW" >&2 || STATUS=1
fi
for w in curse_linear curse_lru; do
  log "$w"
  line="$(taskset -c 0 "$BENCH" --workload "$w" --n "$HIDDEN" --repeats "$REPEATS" | grep '^RESULT')" || STATUS=1
  raw "$line"; echo "   $line" >&2
  for impl in jax jax-f32; do
    if [ -z "$PY" ]; then raw "UNAVAILABLE $w $HIDDEN $impl jax is not installed"; continue; fi
    line="$(taskset -c 0 "$PY" "$HERE/peers/python/curse_bench.py" --workload "$w" --n "$HIDDEN" --impl "$impl" \
            --setting "$SETTING" --repeats "$REPEATS" | grep '^RESULT')" || STATUS=1
    raw "$line"; echo "   $line" >&2
  done
done
raw "ENV load-average-at-end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

python3 - "$RAW" > "$RESULTS/curse-latest.md" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1])]
env = [" ".join(l[1:]) for l in lines if l and l[0] in ("ENV", "VERSION")]
checks = [" ".join(l[1:]) for l in lines if l and l[0] == "CHECK"]
res = {}
for l in lines:
    if l and l[0] == "RESULT":
        res[(l[1], l[3])] = float(l[4])
print("# Curse-of-memory benchmark: one teacher–student training run\n")
print("\n".join("- " + e for e in env))
print("\n## Same losses\n")
print("\n".join("- " + c for c in checks) or "- not checked (jax unavailable)")
print("\n## Times (median seconds, one thread) and ratios (peer / rnnmem; > 1: rnnmem faster)\n")
print("| workload | rnnmem (f64) | jax (f64) | jax-f32 | jax f64 / rnnmem | jax-f32 / rnnmem | target |")
print("|---|---|---|---|---|---|---|")
for w in ("curse_linear", "curse_lru"):
    r, j, f = res.get((w, "rnnmem")), res.get((w, "jax")), res.get((w, "jax-f32"))
    fmt = lambda x: f"{x:.3f}" if x else "—"
    ratio = lambda a: f"{a / r:.2f}" if a and r else "—"
    met = "—"
    if r and j and f:
        met = "met" if (j / r > 1 and f / r >= 1 / 1.5) else "NOT met"
    print(f"| {w} | {fmt(r)} | {fmt(j)} | {fmt(f)} | {ratio(j)} | {ratio(f)} | {met} |")
print("\nTarget: faster than JAX float64 (ratio > 1) and within 1.5× of JAX float32 (ratio ≥ 0.67).")
PY
cat "$RESULTS/curse-latest.md" >&2
exit $STATUS
