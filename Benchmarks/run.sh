#!/usr/bin/env bash
# rnnmem benchmark harness: times rnnmem's release build and its peers — a plain C/FFTW program,
# numpy/scipy/statsmodels and R — on the same workloads and the same input, one thread each, in one run, and
# prints a side-by-side table of medians, ratios and peak memory (also written to Benchmarks/results/latest.md).
#
# Usage: Benchmarks/run.sh [--quick] [--repeats N] [--no-install] [--no-swift] [--check-n N]
#   --quick       fewer repeats, fractional differencing up to n = 1e6 only
#   --repeats N   timed samples per (workload, n, implementation) (default: 15 for n <= 1e5, 9 for 1e6, 3 for 1e7)
#   --no-install  never call apt-get or pip; a peer that is not installed is reported "unavailable"
#   --no-swift    do not build or run rnnmem-bench (its column shows "missing")
#   --check-n N   length of the numerical cross-check run before timing (default 1000)
#   --no-rnn      skip the recurrent-network workloads (Benchmarks/run-rnn.sh: RNN/LSTM/GRU training step,
#                 gradient and HVP against PyTorch and JAX)
#
# Exit status: 0 when everything that is installed ran and agreed; 1 when the input could not be made, the Swift
# benchmark did not build or crashed, an installed peer crashed, or the cross-check found a wrong answer.
# A peer that cannot be installed is reported as unavailable with the reason; that is not a failure.
set -u
set -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
RESULTS="$HERE/results"
CACHE="$HERE/.cache"
VENV="$HERE/.venv"
CBUILD="$HERE/.build-c"
RAW="$RESULTS/raw-latest.txt"
CHECKDIR="$RESULTS/check"
INPUT="$CACHE/input-gauss.f64"
INPUT_COUNT=10000000
INPUT_SEED=20250101

QUICK=0
REPEATS=""
INSTALL=1
SWIFT=1
CHECK_N=1000
RNN=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --repeats) REPEATS="${2:?--repeats needs a value}"; shift ;;
    --no-install) INSTALL=0 ;;
    --no-swift) SWIFT=0 ;;
    --check-n) CHECK_N="${2:?--check-n needs a value}"; shift ;;
    --no-rnn) RNN=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# One thread for every numerical library, in every implementation.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1 VECLIB_MAXIMUM_THREADS=1
export LC_ALL=C

FAILURES=0
fail() { echo "run.sh: FAILURE: $*" >&2; FAILURES=$((FAILURES + 1)); }
log() { echo "== $*" >&2; }
raw() { echo "$*" >> "$RAW"; }

mkdir -p "$RESULTS" "$CACHE" "$CBUILD"
: > "$RAW"
rm -rf "$CHECKDIR"
mkdir -p "$CHECKDIR"

if ! command -v python3 >/dev/null 2>&1; then
  echo "run.sh: python3 is required (it writes the input and the report); install it with apt-get install -y python3" >&2
  exit 1
fi

APT_UPDATED=0
apt_install() {  # apt_install PACKAGE... ; returns non-zero (with a reason on stdout) when it cannot
  if [ "$INSTALL" -eq 0 ]; then echo "not installed and --no-install given"; return 1; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "not installed; run as root on Debian: apt-get install -y $*"; return 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >> "$RESULTS/install.log" 2>&1
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >> "$RESULTS/install.log" 2>&1; then
    echo "apt-get install $* failed (see Benchmarks/results/install.log)"; return 1
  fi
  return 0
}
: > "$RESULTS/install.log"

# ---------------------------------------------------------------------------------------------------------
# Environment
raw "ENV date $(date -u '+%Y-%m-%d %H:%M UTC')"
raw "ENV machine $(uname -srm)"
raw "ENV cpu $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1) ($(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc --all) logical CPUs)"
raw "ENV load-average-at-start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
raw "ENV commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'none (uncommitted tree)')"
raw "ENV input $INPUT_COUNT N(0,1) float64 values, python random.Random($INPUT_SEED).gauss"

# ---------------------------------------------------------------------------------------------------------
# Input: one fixed-seed Gaussian series that every implementation reads (never timed).
if [ ! -f "$INPUT" ] || [ "$(stat -c %s "$INPUT")" -ne $((8 * INPUT_COUNT)) ]; then
  log "writing the input series ($INPUT_COUNT values)"
  if ! python3 "$HERE/peers/make_input.py" "$INPUT" --count "$INPUT_COUNT" --seed "$INPUT_SEED" >&2; then
    echo "run.sh: could not write the input series $INPUT" >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------------------------------------------------
# C baseline
C_OK=0
CBIN="$CBUILD/fracdiff_fftw"
if ! command -v cc >/dev/null 2>&1 || [ ! -f /usr/include/fftw3.h ]; then
  reason="$(apt_install gcc libfftw3-dev)" || true
fi
if command -v cc >/dev/null 2>&1 && [ -f /usr/include/fftw3.h ]; then
  log "building the C baseline (cc -O2 ... -lfftw3 -lm)"
  if cc -O2 -o "$CBIN" "$HERE/peers/c/fracdiff_fftw.c" -lfftw3 -lm 2> "$CBUILD/build.log"; then
    C_OK=1
    raw "VERSION fftw $(pkg-config --modversion fftw3 2>/dev/null || dpkg-query -W -f='${Version}' libfftw3-dev 2>/dev/null)"
    raw "VERSION cc $(cc --version | head -1)"
  else
    raw "UNAVAILABLE * * c-fftw C baseline does not compile: $(head -1 "$CBUILD/build.log")"
    raw "UNAVAILABLE * * c-fftw-plan C baseline does not compile"
    fail "the C baseline did not compile (see $CBUILD/build.log)"
  fi
else
  raw "UNAVAILABLE * * c-fftw ${reason:-a C compiler and libfftw3-dev are needed}"
  raw "UNAVAILABLE * * c-fftw-plan ${reason:-a C compiler and libfftw3-dev are needed}"
fi

# ---------------------------------------------------------------------------------------------------------
# Python peers: a venv with the pinned PyPI packages
PY_OK=0
PY_REASON=""
if [ -x "$VENV/bin/python" ] && cmp -s "$HERE/requirements.txt" "$VENV/.rnnmem-requirements" 2>/dev/null; then
  PY_OK=1
elif [ "$INSTALL" -eq 0 ]; then
  PY_REASON="Benchmarks/.venv missing or not matching requirements.txt, and --no-install given"
else
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating the Python venv at Benchmarks/.venv"
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" >> "$RESULTS/install.log" 2>&1; then
      rm -rf "$VENV"
      if apt_reason="$(apt_install python3-venv)"; then
        python3 -m venv "$VENV" >> "$RESULTS/install.log" 2>&1 || rm -rf "$VENV"
      else
        PY_REASON="python3 -m venv failed and python3-venv could not be installed: $apt_reason"
      fi
    fi
  fi
  if [ -x "$VENV/bin/python" ]; then
    log "installing numpy, scipy, statsmodels from PyPI into the venv"
    if "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$HERE/requirements.txt" \
        >> "$RESULTS/install.log" 2>&1; then
      cp "$HERE/requirements.txt" "$VENV/.rnnmem-requirements"
      PY_OK=1
    else
      PY_REASON="pip install -r Benchmarks/requirements.txt failed: $(grep -E 'ERROR' "$RESULTS/install.log" | tail -1)"
    fi
  elif [ -z "$PY_REASON" ]; then
    PY_REASON="python3 -m venv failed (see Benchmarks/results/install.log)"
  fi
fi
if [ "$PY_OK" -eq 1 ]; then
  "$VENV/bin/python" "$HERE/peers/python/bench.py" --versions >> "$RAW" 2>/dev/null
else
  for impl in numpy scipy statsmodels; do raw "UNAVAILABLE * * $impl $PY_REASON"; done
fi

# ---------------------------------------------------------------------------------------------------------
# R peer: Debian's r-base-core and r-cran-fracdiff
R_OK=0
r_has_fracdiff() { Rscript -e 'quit(status = if (requireNamespace("fracdiff", quietly = TRUE)) 0 else 1)' >/dev/null 2>&1; }
if ! command -v Rscript >/dev/null 2>&1 || ! r_has_fracdiff; then
  if ! R_REASON="$(apt_install r-base-core r-cran-fracdiff)"; then
    R_REASON="${R_REASON:-r-base-core and r-cran-fracdiff could not be installed}"
  fi
fi
if command -v Rscript >/dev/null 2>&1; then
  R_OK=1
  Rscript "$HERE/peers/r/bench.R" --versions >> "$RAW" 2>/dev/null
  # without the fracdiff package bench.R reports fracdiff as unavailable and still runs the other workloads
else
  raw "UNAVAILABLE * * R ${R_REASON:-Rscript not found}"
fi

# ---------------------------------------------------------------------------------------------------------
# rnnmem: the Swift benchmark executable, release build
RNNMEM_BIN=""
RNNMEM_CLI=""
if [ "$SWIFT" -eq 0 ]; then
  raw "UNAVAILABLE * * rnnmem not run (--no-swift)"
else
  if ! command -v swift >/dev/null 2>&1; then
    raw "UNAVAILABLE * * rnnmem swift is not on PATH"
    fail "swift not found: cannot build rnnmem-bench"
  else
    log "swift build -c release --package-path Benchmarks (log: Benchmarks/results/swift-build.log)"
    # several people edit the shared tree: retry a build that failed only because a source changed under it
    for attempt in 1 2 3; do
      swift build -c release --package-path "$HERE" --product rnnmem-bench > "$RESULTS/swift-build.log" 2>&1
      SWIFT_STATUS=$?
      [ "$SWIFT_STATUS" -ne 0 ] && grep -q 'was modified during the build' "$RESULTS/swift-build.log" || break
      log "a source file changed during the build; retrying ($attempt)"
      sleep 20
    done
    if [ "$SWIFT_STATUS" -eq 0 ]; then
      RNNMEM_BIN="$(swift build -c release --package-path "$HERE" --show-bin-path 2>/dev/null)/rnnmem-bench"
      raw "VERSION swift $(swift --version 2>/dev/null | head -1)"
      # the rnnmem command-line tool (root package), for the end-to-end timing of `rnnmem check` (check_djia)
      if swift build -c release --package-path "$ROOT" --product rnnmem >> "$RESULTS/swift-build.log" 2>&1; then
        RNNMEM_CLI="$(swift build -c release --package-path "$ROOT" --show-bin-path 2>/dev/null)/rnnmem"
      fi
    else
      raw "FAILED * * rnnmem swift build -c release failed: $(grep -m1 'error:' "$RESULTS/swift-build.log")"
      fail "swift build -c release --package-path Benchmarks failed (see Benchmarks/results/swift-build.log)"
    fi
  fi
fi

# ---------------------------------------------------------------------------------------------------------
# Numerical cross-check at a small n: every implementation must compute the same numbers.
log "cross-checking every implementation at n = $CHECK_N"
[ "$C_OK" -eq 1 ] && { "$CBIN" --input "$INPUT" --n "$CHECK_N" --check "$CHECKDIR/fracdiff-c-fftw.txt" \
  || fail "C baseline verification run failed"; }
[ "$PY_OK" -eq 1 ] && { "$VENV/bin/python" "$HERE/peers/python/bench.py" --check "$CHECKDIR" --n "$CHECK_N" \
  --input "$INPUT" || fail "Python verification run failed"; }
[ "$R_OK" -eq 1 ] && { Rscript "$HERE/peers/r/bench.R" --check "$CHECKDIR" --n "$CHECK_N" --input "$INPUT" \
  || fail "R verification run failed"; }
# rnnmem-bench speaks the flag interface of Benchmarks/README.md ("contract"). An earlier positional interface,
# `rnnmem-bench <workload> <n> [repeats]` with its own SeededRandom input and no check mode, is still run (and
# said so in the report) so that the table is never empty because of an interface mismatch.
RNNMEM_INTERFACE=contract
if [ -n "$RNNMEM_BIN" ]; then
  if "$RNNMEM_BIN" --check "$CHECKDIR" --n "$CHECK_N" --input "$INPUT" > "$RESULTS/rnnmem-check.log" 2>&1; then
    ls "$CHECKDIR"/*-rnnmem.txt >/dev/null 2>&1 \
      || raw "ENV rnnmem-verification none (rnnmem-bench --check wrote no files)"
  elif "$RNNMEM_BIN" list > /dev/null 2>&1; then
    RNNMEM_INTERFACE=positional
    raw "ENV rnnmem-interface positional 'rnnmem-bench <workload> <n> [repeats]': own SeededRandom input, not the shared file; no --check, so rnnmem's answers were not cross-checked here"
  else
    fail "rnnmem-bench --check failed (see Benchmarks/results/rnnmem-check.log)"
  fi
fi
if ! python3 "$HERE/peers/verify.py" --input "$INPUT" --n "$CHECK_N" --checkdir "$CHECKDIR" >> "$RAW" 2>&1; then
  fail "the implementations disagree (see the cross-check in the report)"
fi
grep -E '^(CHECK|PAIRWISE|verification)' "$RAW" >&2

# ---------------------------------------------------------------------------------------------------------
# Timing
repeats_for() {  # repeats_for N
  if [ -n "$REPEATS" ]; then echo "$REPEATS"; return; fi
  if [ "$QUICK" -eq 1 ]; then
    if [ "$1" -ge 10000000 ]; then echo 3; else echo 5; fi
  elif [ "$1" -le 100000 ]; then echo 15
  elif [ "$1" -le 1000000 ]; then echo 9
  else echo 3; fi
}

TIMEOUT=""
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 3600"

run_impl() {  # run_impl WORKLOAD N IMPL
  local workload="$1" n="$2" impl="$3" repeats out err status
  repeats="$(repeats_for "$n")"
  local -a command
  case "$impl" in
    rnnmem)
      [ -n "$RNNMEM_BIN" ] || return 0
      if [ "$RNNMEM_INTERFACE" = positional ]; then
        command=("$RNNMEM_BIN" "$workload" "$n" "$repeats")
      else
        command=("$RNNMEM_BIN" --workload "$workload" --n "$n" --input "$INPUT" --repeats "$repeats"
                 --djia "$ROOT/data/djia_daily_1885_2023.csv")
      fi ;;
    c-fftw|c-fftw-plan)
      [ "$C_OK" -eq 1 ] || return 0
      command=("$CBIN" --input "$INPUT" --n "$n" --repeats "$repeats")
      [ "$impl" = c-fftw-plan ] && command+=(--per-call-plans) ;;
    rnnmem-cli)
      [ -n "$RNNMEM_CLI" ] || return 0
      command=(python3 "$HERE/peers/time_process.py" --workload "$workload" --n "$n" --impl rnnmem-cli
               --repeats "$repeats" -- "$RNNMEM_CLI" check "$ROOT/data/djia_daily_1885_2023.csv"
               --transform abs-log-returns) ;;
    numpy|scipy|statsmodels|pyelw|nolds|fathon)
      [ "$PY_OK" -eq 1 ] || return 0
      command=("$VENV/bin/python" "$HERE/peers/python/bench.py" --workload "$workload" --n "$n" --impl "$impl"
               --input "$INPUT" --repeats "$repeats") ;;
    R)
      [ "$R_OK" -eq 1 ] || return 0
      command=(Rscript "$HERE/peers/r/bench.R" --workload "$workload" --n "$n" --input "$INPUT"
               --repeats "$repeats") ;;
  esac
  err="$(mktemp)"
  out="$($TIMEOUT "${command[@]}" 2> "$err")"
  status=$?
  local lines
  lines="$(printf '%s\n' "$out" | grep -E '^(RESULT|UNAVAILABLE) ' | grep -E "^[A-Z]+ $workload $n $impl ")"
  if [ "$status" -ne 0 ]; then
    raw "FAILED $workload $n $impl exit status $status: $(tail -1 "$err")"
    fail "$impl $workload n=$n exited with status $status: $(tail -1 "$err")"
  elif [ -n "$lines" ]; then
    printf '%s\n' "$lines" >> "$RAW"
    printf '   %s\n' "$lines" >&2
  elif [ "$impl" != rnnmem ]; then
    raw "FAILED $workload $n $impl printed no RESULT line"
    fail "$impl $workload n=$n printed no RESULT line"
  fi
  rm -f "$err"
}

if [ "$QUICK" -eq 1 ]; then FRACDIFF_SIZES="10000 100000 1000000"; else FRACDIFF_SIZES="10000 100000 1000000 10000000"; fi
for n in $FRACDIFF_SIZES; do
  log "fracdiff n=$n"
  for impl in rnnmem c-fftw c-fftw-plan numpy scipy R; do run_impl fracdiff "$n" "$impl"; done
done
log "acf100 n=1000000"
for impl in rnnmem statsmodels R; do run_impl acf100 1000000 "$impl"; done
log "periodogram n=1000000"
for impl in rnnmem numpy scipy R; do run_impl periodogram 1000000 "$impl"; done
log "davies_harte n=1000000"
for impl in rnnmem numpy R; do run_impl davies_harte 1000000 "$impl"; done
# Estimators of d and the whole check (MemoryWorkloads.swift, bench.py, bench.R).
log "lw n=1000000 (local Whittle)"
for impl in rnnmem pyelw numpy; do run_impl lw 1000000 "$impl"; done
log "hr n=100000 (Haslett–Raftery)"
for impl in rnnmem R; do run_impl hr 100000 "$impl"; done
run_impl hr_rtol 100000 rnnmem   # rnnmem stopping at R fracdiff's default d tolerance eps^(1/4)
log "dfa n=100000"
for impl in rnnmem fathon nolds; do run_impl dfa 100000 "$impl"; done
log "check_djia n=37930 (rnnmem check on the DJIA absolute log-returns)"
for impl in rnnmem rnnmem-cli; do run_impl check_djia 37930 "$impl"; done
if [ "$RNN" -eq 1 ] && [ "$SWIFT" -eq 1 ]; then
  log "recurrent networks (Benchmarks/run-rnn.sh)"
  rnn_args=(--raw "$RAW")
  [ -n "$REPEATS" ] && rnn_args+=(--repeats "$REPEATS")
  [ "$INSTALL" -eq 0 ] && rnn_args+=(--no-install)
  bash "$HERE/run-rnn.sh" "${rnn_args[@]}" || fail "run-rnn.sh reported a failure"
fi
raw "ENV load-average-at-end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# ---------------------------------------------------------------------------------------------------------
python3 "$HERE/peers/report.py" "$RAW" --markdown "$RESULTS/latest.md" || fail "report.py failed"
echo
echo "raw lines: Benchmarks/results/raw-latest.txt; table: Benchmarks/results/latest.md"
if [ "$FAILURES" -gt 0 ]; then
  echo "run.sh: $FAILURES failure(s)" >&2
  exit 1
fi
exit 0
