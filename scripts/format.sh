#!/usr/bin/env bash
# Format the Swift sources with the toolchain's swift-format and the configuration in .swift-format.
#
#   bash scripts/format.sh            rewrite every Swift file in place (swift format format -i)
#   bash scripts/format.sh --check    change nothing; list every deviation and exit 1 if there is one
#                                     (swift format lint --strict), e.g. in CI
#   bash scripts/format.sh [--check] PATH...   only these files or folders
#
# Covered by default: Package.swift, Sources/, Tests/ and the benchmark package (Benchmarks/Package.swift,
# Benchmarks/Sources/). Build folders are never touched. Exit status: 0 when formatted (or, with --check, when
# already formatted), 1 when --check finds a deviation, 2 on a usage error or when swift-format is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
paths=()
for argument in "$@"; do
  case "$argument" in
    --check) check=1 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "format.sh: unknown option $argument" >&2; exit 2 ;;
    *) paths+=("$argument") ;;
  esac
done
[ ${#paths[@]} -gt 0 ] || paths=(Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Sources)

swift format --version >/dev/null 2>&1 \
  || { echo "format.sh: 'swift format' not found (swift-format ships with Swift 6 toolchains)" >&2; exit 2; }

if [ "$check" -eq 1 ]; then
  if swift format lint --strict --recursive --parallel --configuration .swift-format "${paths[@]}"; then
    echo "format.sh: every Swift file is formatted"
  else
    echo "format.sh: the files above deviate from .swift-format; run 'bash scripts/format.sh' to fix them" >&2
    exit 1
  fi
else
  swift format format --in-place --recursive --parallel --configuration .swift-format "${paths[@]}"
fi
