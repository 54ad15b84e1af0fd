#!/usr/bin/env bash
# Build the DocC documentation of every library module and fail on any documentation warning.
#
#   bash scripts/docs.sh                  build .build/docs/<Module>.doccarchive for every library module
#   bash scripts/docs.sh LongMemory ...   only these modules
#   bash scripts/docs.sh --allow-warnings report warnings without failing
#
# How: `swift package dump-symbol-graph` builds the package (debug) and writes each module's symbol graph; then
# `docc convert` turns a module's symbol graph plus its catalog (Sources/<Module>/<Module>.docc, if present) into a
# static-hosting archive. No package plugin or extra dependency is needed: docc ships with the Swift toolchain.
# Preview an archive with `docc preview Sources/<Module>/<Module>.docc --additional-symbol-graph-dir
# .build/docs/symbol-graphs/<Module>`, or serve .build/docs/<Module>.doccarchive with any static web server.
# Exit status: 0 when every archive was built without warnings, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

modules=()
strict=1
for argument in "$@"; do
  case "$argument" in
    --allow-warnings) strict=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "docs.sh: unknown option $argument" >&2; exit 2 ;;
    *) modules+=("$argument") ;;
  esac
done
# The library modules (the products' targets); the umbrella RNNMemory holds the Getting Started article.
[ ${#modules[@]} -gt 0 ] || modules=(MemoryNumerics LongMemory Recurrent Spectra CurseOfMemory MemoryProbes Sweeps RNNMemory)

docc=$(command -v docc || true)
[ -n "$docc" ] || docc=$(dirname "$(readlink -f "$(command -v swift)")")/docc
[ -x "$docc" ] || { echo "docs.sh: docc not found (it ships with the Swift toolchain)" >&2; exit 1; }

out=.build/docs
rm -rf "$out"
mkdir -p "$out/symbol-graphs"
echo "== symbol graphs (swift package dump-symbol-graph)"
swift package dump-symbol-graph --minimum-access-level public >"$out/dump-symbol-graph.log" 2>&1 \
  || { tail -n 30 "$out/dump-symbol-graph.log" >&2; exit 1; }
graphs=$(sed -n 's/^Files written to //p' "$out/dump-symbol-graph.log" | tail -n 1)
[ -d "$graphs" ] || { echo "docs.sh: no symbol-graph folder in $out/dump-symbol-graph.log" >&2; exit 1; }

failed=0
for module in "${modules[@]}"; do
  [ -f "$graphs/$module.symbols.json" ] || { echo "docs.sh: no symbol graph for module $module" >&2; failed=1; continue; }
  mkdir -p "$out/symbol-graphs/$module"
  # The module's own graph and its extensions of other modules' types (Module@Other.symbols.json).
  cp "$graphs/$module.symbols.json" "$out/symbol-graphs/$module/"
  for extension in "$graphs/$module"@*.symbols.json; do
    [ -e "$extension" ] && cp "$extension" "$out/symbol-graphs/$module/"
  done
  catalog=()
  [ -d "Sources/$module/$module.docc" ] && catalog=("Sources/$module/$module.docc")
  log="$out/$module.log"
  "$docc" convert "${catalog[@]}" \
    --additional-symbol-graph-dir "$out/symbol-graphs/$module" \
    --output-dir "$out/$module.doccarchive" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.rnnmem.$module" \
    --transform-for-static-hosting --hosting-base-path "$module" \
    --ide-console-output >"$log" 2>&1 || { echo "== $module: docc failed" >&2; tail -n 20 "$log" >&2; failed=1; continue; }
  warnings=$(grep -c -E '(^|: )(warning|error):' "$log" || true)
  if [ "$warnings" -eq 0 ]; then
    echo "== $module: $out/$module.doccarchive, no warnings"
  else
    echo "== $module: $out/$module.doccarchive, $warnings warning(s):"
    grep -E '(^|: )(warning|error):' "$log" | sed "s#$PWD/##" | sed 's/^/   /'
    [ "$strict" -eq 1 ] && failed=1
  fi
done
exit "$failed"
