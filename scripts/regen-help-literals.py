#!/usr/bin/env python3
"""Regenerate the pinned help texts in Tests/CLITests/HelpTextTests.swift from the built binary.

Usage: scripts/regen-help-literals.py [--binary .build/debug/rnnmem]
Keeps the set of commands already listed, adds those given with --add "sub command". Review the diff: it is the
change to the command-line interface.
"""
import argparse, os, re, subprocess

p = argparse.ArgumentParser()
p.add_argument("--binary", default=".build/debug/rnnmem")
p.add_argument("--add", action="append", default=[])
a = p.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, "Tests/CLITests/HelpTextTests.swift")
src = open(path).read()
start = src.index("    static let expected: [String: String] = [")
end = src.index("    ]\n", start) + len("    ]\n")
keys = re.findall(r'^        "([^"]*)": #"""', src[start:end], re.M)
for k in a.add:
    if k not in keys:
        keys.append(k)
env = dict(os.environ, COLUMNS="80")
parts = ["    static let expected: [String: String] = ["]
for k in keys:
    args = ([] if not k else k.split()) + ["--help"]
    out = subprocess.run([os.path.join(root, a.binary)] + args, capture_output=True, text=True, env=env, cwd=root).stdout
    body = "\n".join(("        " + l) if l else "" for l in out.rstrip("\n").split("\n"))
    parts.append(f'        "{k}": #"""\n{body}\n        """#,')
parts.append("    ]\n")
open(path, "w").write(src[:start] + "\n".join(parts) + src[end:])
print("regenerated:", ", ".join(repr(k) for k in keys))
