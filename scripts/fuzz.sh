#!/usr/bin/env bash
# Fuzz campaign of rnnmem: the generators of Tests/CLITests/Fuzz (FuzzCampaign) on many seeds, in chunks, each chunk
# one run of the test binary's FuzzTests under resource limits. Every case must exit 0 with finite output or 2 with
# one bounded 'rnnmem: error:' line; a trap or a hang ends its chunk, is recorded with the case (its seed and
# command line, from the trace file), the cases of the chunk before it are run again (they are deterministic, and a
# chunk that traps writes no counts) and the campaign resumes after it.
#
#   scripts/fuzz.sh [--cases N] [--seconds S] [--first SEED] [--chunk C] [--memory-kb KB] [--chunk-timeout S]
#                   [--out DIR] [--skip-build | --binary PATH] [--help]
#
#   --cases N          cases to run (default 1000000), unless --seconds S is reached first (default: no limit)
#   --first SEED       seed of the first case (default 100000: after the seeds of the default test suite)
#   --chunk C          cases per run of the test binary (default 200)
#   --memory-kb KB     ulimit -v of each run (default 8388608 = 8 GiB of address space); each case also runs with
#                      RNNMEM_MEMORY_LIMIT=256M, so a size past that must be refused before it is allocated
#   --chunk-timeout S  wall-clock limit of one chunk (default 900 s); a hung case is reported as a defect
#   --out DIR          where the summary, the chunk reports and the defects go (default .build/fuzz)
#   --skip-build       use .build/debug/rnnmemPackageTests.xctest as it is (default: swift build --build-tests first)
#   --binary PATH      use this test binary (no build), e.g. one built with
#                      swift build -c release --build-tests -Xswiftc -enable-testing (.build/release/…)
#   --help             print this text
#
# Output: DIR/summary.txt (cases, exit 0, exit 2, defects, seconds) and DIR/defects.txt (one line per defect).
# scripts/fuzz-selftest.sh checks the chunk and trap logic with a stand-in binary.
set -u
cd "$(dirname "$0")/.."
cases=1000000; seconds=0; first=100000; chunk=200; memory_kb=8388608; chunk_timeout=900; out=.build/fuzz; build=1
binary_source=.build/debug/rnnmemPackageTests.xctest
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) cases=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --first) first=$2; shift 2 ;;
        --chunk) chunk=$2; shift 2 ;;
        --memory-kb) memory_kb=$2; shift 2 ;;
        --chunk-timeout) chunk_timeout=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --skip-build) build=0; shift ;;
        --binary) binary_source=$2; build=0; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "fuzz.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
if [ "$build" = 1 ]; then swift build --build-tests >&2 || exit 2; fi
# A private copy of the test binary, so that rebuilding during a campaign does not change it.
out=$(cd "$out" && pwd)
work="$out/work"; mkdir -p "$work"
binary="$out/rnnmemPackageTests.xctest"
cp "$binary_source" "$binary" || exit 2
: > "$out/defects.txt"
start=$(date +%s); total=0; exit0=0; exit2=0; next=$first; last=$((first + cases))

# run_range FIRST COUNT: runs cases FIRST … FIRST+COUNT−1 in one run of the binary, adds its counts and defects;
# sets trapped to the seed of the case that trapped or hung (within the range), or -1.
run_range() {
    local from=$1 count=$2 report="$out/chunk.txt" trace="$out/trace.txt"
    rm -f "$report" "$trace"
    # From a scratch folder: nothing a case writes can land in the repository.
    (cd "$work" && ulimit -v "$memory_kb"; RNNMEM_FUZZ_FIRST=$from RNNMEM_FUZZ_CASES=$count RNNMEM_FUZZ_TRACE="$trace" \
        RNNMEM_FUZZ_REPORT="$report" timeout "$chunk_timeout" "$binary" --testing-library swift-testing \
        --filter FuzzTests > "$out/chunk.log" 2>&1)
    local status=$?
    if [ -f "$report" ]; then
        read -r _ c _ z _ t _ d < <(head -1 "$report")
        total=$((total + c)); exit0=$((exit0 + z)); exit2=$((exit2 + t))
        grep '^defect ' "$report" | cut -c8- >> "$out/defects.txt"
        trapped=-1
    else
        trapped=$(cut -f1 "$trace" 2>/dev/null)
        # No trace, or a seed outside the range: blame the first case (the run died before or between cases).
        case "$trapped" in ''|*[!0-9]*) trapped=$from ;; esac
        if [ "$trapped" -lt "$from" ] || [ "$trapped" -ge $((from + count)) ]; then trapped=$from; fi
        local why="trap (status $status)"; [ "$status" = 124 ] && why="no result within ${chunk_timeout} s"
        echo "seed $trapped: $why — $(cut -f2- "$trace" 2>/dev/null | cut -c1-400)" >> "$out/defects.txt"
        total=$((total + 1))
    fi
}

while [ "$next" -lt "$last" ]; do
    if [ "$seconds" -gt 0 ] && [ $(( $(date +%s) - start )) -ge "$seconds" ]; then break; fi
    count=$(( last - next < chunk ? last - next : chunk ))
    run_range "$next" "$count"
    if [ "$trapped" -ge 0 ]; then
        # A trap at seed T: the chunk's counts are lost, so run seeds next … T−1 again (deterministic: they ran
        # before the trap), then go on after T. run_range overwrites trapped, so T is kept here; a trap in the
        # re-run (a case that is not deterministic) is recorded as a defect and the rest of the re-run is skipped.
        trap_seed=$trapped
        if [ "$trap_seed" -gt "$next" ]; then run_range "$next" $((trap_seed - next)); fi
        next=$((trap_seed + 1))
    else
        next=$((next + count))
    fi
    echo "fuzz: $total cases, $exit0 exit 0, $exit2 exit 2, $(wc -l < "$out/defects.txt") defects, $(( $(date +%s) - start )) s" >&2
done
defects=$(wc -l < "$out/defects.txt")
{
    echo "cases $total"
    echo "exit_0 $exit0"
    echo "exit_2 $exit2"
    echo "defects $defects"
    echo "seeds $first..$((next - 1))"
    echo "seconds $(( $(date +%s) - start ))"
    echo "memory_kb $memory_kb"
} | tee "$out/summary.txt"
[ "$defects" = 0 ]
