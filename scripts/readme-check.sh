#!/usr/bin/env bash
# Run every command the README shows (the `$ ` lines of its ```console blocks, in order, from the package root), as
# a reader would after the README's two set-up commands, and report which fail.
#
#   bash scripts/readme-check.sh          every command except those marked `# long:` (the Zhao sweep and its
#                                         collection; the CLITests suite "README commands" parses them)
#   bash scripts/readme-check.sh --all    every command, the long ones too (the Zhao sweep: 62 min measured on 2 cores at a load average of 14-24; an estimated 7-20 min when idle)
#
# `rnnmem` is the one on the PATH (scripts/main.sh installs it); when there is none, .build/release/rnnmem is used.
# Outputs go where the README says (mostly run/, which git ignores). Exit status 0 when every command ran with exit
# status 0, 1 otherwise; each failure is listed with its README line and the tail of its output.
set -uo pipefail
cd "$(dirname "$0")/.."
all=0
case "${1:-}" in
  --all) all=1 ;;
  "") ;;
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "readme-check.sh: unknown option $1" >&2; exit 2 ;;
esac
if ! command -v rnnmem >/dev/null; then
  [ -x .build/release/rnnmem ] || { echo "readme-check.sh: no rnnmem on the PATH; run bash scripts/main.sh" >&2; exit 2; }
  PATH="$PWD/.build/release:$PATH"
fi
echo "readme-check: $(command -v rnnmem) ($(rnnmem --version))"

# The commands: "LINE<TAB>COMMAND", continuation lines joined.
commands=$(python3 - <<'PY'
import re
lines = open("README.md", encoding="utf-8").read().split("\n")
inside, pending = False, None
for number, line in enumerate(lines, 1):
    if line.startswith("```"):
        inside = line == "```console"
        continue
    if not inside:
        continue
    if pending:
        start, text = pending
        text += " " + line.strip()
    elif line.startswith("$ "):
        start, text = number, line[2:]
    else:
        continue
    if text.endswith("\\"):
        pending = (start, text[:-1])
        continue
    pending = None
    print(f"{start}\t{text}")
PY
)
ran=0; failed=0; skipped=0; failures=()
log=$(mktemp)
while IFS=$'\t' read -r line command; do
  if [ "$all" -eq 0 ] && [[ "$command" == *"# long:"* ]]; then
    echo "  skip  README.md:$line (long; --all runs it)"
    skipped=$((skipped + 1))
    continue
  fi
  start=$(date +%s)
  if bash -c "$command" </dev/null >"$log" 2>&1; then
    echo "  ok    README.md:$line ($(( $(date +%s) - start )) s) ${command:0:90}"
  else
    status=$?
    echo "  FAIL  README.md:$line (status $status) $command"
    tail -n 5 "$log" | sed 's/^/        /'
    failures+=("README.md:$line")
    failed=$((failed + 1))
  fi
  ran=$((ran + 1))
done <<< "$commands"
rm -f "$log"
echo "readme-check: $ran commands run, $failed failed, $skipped long ones skipped"
[ "$failed" -eq 0 ] || { echo "readme-check: failed: ${failures[*]}" >&2; exit 1; }
