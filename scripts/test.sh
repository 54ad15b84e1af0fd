#!/usr/bin/env bash
# The README's test command: install the system libraries, build, run every test target (library, CLI, notebooks).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build
swift test 2>&1 | tee .test-output.log | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Build)' | tail -n 200
status=${PIPESTATUS[0]}
exit "$status"
