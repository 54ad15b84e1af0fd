#!/usr/bin/env bash
# The README's test command: install the system libraries, check the formatting (scripts/format.sh --check), build,
# run every test target (library, CLI, notebooks), then the Slurm test of the sweep runner (scripts/slurm-smoke.sh:
# a private one-node cluster from Debian's slurm-wlm, a job array with sbatch --wait, the collected table against an
# unsharded run), and the self-test of the fuzz campaign script (scripts/fuzz-selftest.sh: a stand-in binary, ~15 s).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The code style first (seconds): every Swift file formatted as .swift-format says.
bash scripts/format.sh --check
swift build
set +e
swift test 2>&1 | tee .test-output.log | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Build)' | tail -n 200
status=${PIPESTATUS[0]}
bash scripts/slurm-smoke.sh
slurm=$?
bash scripts/fuzz-selftest.sh
fuzz=$?
set -e
[ "$status" -eq 0 ] || { echo "test.sh: swift test failed (status $status)" >&2; exit "$status"; }
[ "$slurm" -eq 0 ] || { echo "test.sh: the Slurm test failed (status $slurm)" >&2; exit "$slurm"; }
[ "$fuzz" -eq 0 ] || { echo "test.sh: the fuzz.sh self-test failed (status $fuzz)" >&2; exit "$fuzz"; }
echo "test.sh: every test passed (swift test, the Slurm test and the fuzz.sh self-test)"
