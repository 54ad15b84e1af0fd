#!/usr/bin/env python3
"""List the public declarations of a library module that have no doc comment of their own.

Usage (after `swift build`, from the package root):

    python3 scripts/undocumented-symbols.py Recurrent          # count and list
    python3 scripts/undocumented-symbols.py Recurrent --count  # the count only

The symbol graph of the module is extracted from the debug build with swift-symbolgraph-extract (public symbols,
no synthesized members, no inherited doc comments), and every symbol declared in Sources/<Module>/ without a
`///` comment is printed as `file:line: kind name`. Exit status 1 when any is missing.
"""
import json
import os
import subprocess
import sys
import tempfile


def extract(module: str, root: str, out: str) -> None:
    build = os.path.join(root, ".build", "debug")
    includes = ["-I", os.path.join(build, "Modules")]
    for shim in ("CLAPACKE", "CCBLAS", "CGSL", "CFFTW"):
        includes += ["-I", os.path.join(root, "Sources", shim)]
    vector_math = os.path.join(build, "_CVectorMath.build", "module.modulemap")
    if os.path.exists(vector_math):
        includes += ["-Xcc", "-fmodule-map-file=" + vector_math]
    for dirpath, _, files in os.walk(os.path.join(root, ".build", "checkouts")):
        if "module.modulemap" in files:
            includes += ["-I", dirpath]
    target = subprocess.run(["swift", "-print-target-info"], capture_output=True, text=True, check=True)
    triple = json.loads(target.stdout)["target"]["triple"]
    subprocess.run(
        ["swift-symbolgraph-extract", "-module-name", module, "-target", triple, *includes,
         "-minimum-access-level", "public", "-skip-inherited-docs", "-skip-synthesized-members",
         "-output-dir", out],
        check=True)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count_only = "--count" in sys.argv
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    module = args[0]
    root = os.getcwd()
    source_dir = os.path.join(root, "Sources", module) + os.sep
    with tempfile.TemporaryDirectory() as out:
        extract(module, root, out)
        symbols = []
        for name in os.listdir(out):
            with open(os.path.join(out, name)) as f:
                symbols += json.load(f)["symbols"]
    missing = set()
    for s in symbols:
        location = s.get("location", {})
        uri = location.get("uri", "")
        path = uri[len("file://"):] if uri.startswith("file://") else uri
        if not path.startswith(source_dir) or s.get("docComment"):
            continue
        line = location.get("position", {}).get("line", 0) + 1
        qualified = ".".join(s.get("pathComponents", [s["names"]["title"]]))
        missing.add((os.path.relpath(path, root), line, s["kind"]["displayName"], qualified))
    if count_only:
        print(len(missing))
    else:
        for path, line, kind, name in sorted(missing):
            print(f"{path}:{line}: {kind} {name}")
        print(f"{len(missing)} public declarations of {module} without a doc comment")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
