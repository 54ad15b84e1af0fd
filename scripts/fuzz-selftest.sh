#!/usr/bin/env bash
# Self-test of scripts/fuzz.sh's chunk, trap and hang logic, with a stand-in for the test binary (a few seconds, no
# build): the stand-in runs "cases" 0 … 999 (even seeds exit 0, odd seeds exit 2), traps at seeds 0, 250, 399 and
# 730 (SIGSEGV, as a Swift trap ends a run) and hangs at seed 555. The campaign must end, count every case once
# (995 in reports + 5 defects), name each trapped or hung seed, and cover seeds 0..999. A campaign that restarts
# after a trap (the bug fixed with this test) never ends and is stopped by the timeout.
#
#   bash scripts/fuzz-selftest.sh      → "fuzz-selftest: ok", status 0; else the first failed check, status 1
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cat > "$scratch/standin" <<'STANDIN'
#!/usr/bin/env bash
# Stand-in for rnnmemPackageTests.xctest --filter FuzzTests: the RNNMEM_FUZZ_* protocol of Tests/CLITests/FuzzTests.
first=$RNNMEM_FUZZ_FIRST; count=$RNNMEM_FUZZ_CASES; ok=0; failed=0
for ((seed = first; seed < first + count; seed++)); do
    printf '%s\tstandin case %s\n' "$seed" "$seed" > "$RNNMEM_FUZZ_TRACE"
    case " 0 250 399 730 " in *" $seed "*) kill -SEGV $$ ;; esac
    if [ "$seed" = 555 ]; then exec sleep 30; fi
    if [ $((seed % 2)) = 0 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
done
echo "cases $count exit0 $ok exit2 $failed defects 0" > "$RNNMEM_FUZZ_REPORT"
STANDIN
chmod +x "$scratch/standin"

fail() { echo "fuzz-selftest: $1" >&2; exit 1; }
timeout 120 bash "$root/scripts/fuzz.sh" --binary "$scratch/standin" --first 0 --cases 1000 --chunk 200 \
    --chunk-timeout 3 --out "$scratch/out" > "$scratch/stdout" 2> "$scratch/stderr"
status=$?
[ "$status" = 124 ] && fail "fuzz.sh did not end within 120 s (a restarted campaign?)"
[ "$status" = 1 ] || fail "fuzz.sh exited $status, expected 1 (defects found)"
summary="$scratch/out/summary.txt"
expect() { grep -qx "$1" "$summary" || fail "summary.txt lacks '$1': $(tr '\n' ' ' < "$summary")"; }
expect "cases 1000"
expect "exit_0 497"
expect "exit_2 498"
expect "defects 5"
expect "seeds 0..999"
for seed in 0 250 399 555 730; do
    grep -q "^seed $seed: " "$scratch/out/defects.txt" || fail "defects.txt does not name seed $seed"
done
grep -q "^seed 555: no result within 3 s" "$scratch/out/defects.txt" || fail "the hang at seed 555 is not a timeout"
bash "$root/scripts/fuzz.sh" --help | grep -q -- "--cases N" || fail "fuzz.sh --help does not print the usage"
echo "fuzz-selftest: ok"
