#!/usr/bin/env python3
"""Fill the expected output of every ```console block of a notebook by running its `$ rnnmem …` commands.

Usage: scripts/fill-notebook.py notebooks-md/01-fractional-filters.md [--binary .build/debug/rnnmem]

Authoring aid, not a test: the NotebookTests target replays the blocks and compares. For each command the
existing expected output is a template: if it contains a `...` line, the filled output keeps as many leading and
trailing lines as the template had around the `...` (the replay matcher lets `...` stand for any lines).
Commands run from the package root; `> FILE` redirects stdout to FILE (the block then shows no output).
"""
import argparse
import os
import shlex
import subprocess
import sys


def run(binary, command, template=()):
    words = shlex.split(command)
    assert words[0] == "rnnmem", command
    redirect = None
    if ">" in words:
        i = words.index(">")
        redirect = words[i + 1]
        words = words[:i]
    proc = subprocess.run([binary] + words[1:], capture_output=True, text=True)
    expects_error = any(l.startswith("rnnmem: error:") for l in template)
    if proc.returncode == 2 and expects_error:
        return [l for l in proc.stderr.split("\n") if l.startswith("rnnmem: error:")]
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {command}\n{proc.stderr}")
    notes = [l for l in proc.stderr.split("\n") if l.startswith(("rnnmem: note:", "rnnmem: warning:"))]
    if redirect:
        with open(redirect, "w") as f:
            f.write(proc.stdout)
        return notes
    return (proc.stdout.rstrip("\n").split("\n") if proc.stdout else []) + notes


def shape(template, actual):
    if "..." not in template:
        return actual
    i = template.index("...")
    head, tail = i, len(template) - i - 1
    if len(actual) <= head + tail + 1:
        return actual
    return actual[:head] + ["..."] + (actual[len(actual) - tail:] if tail else [])


def fill(text, binary):
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.strip() != "```console":
            continue
        block = []
        while i < len(lines) and lines[i].strip() != "```":
            block.append(lines[i])
            i += 1
        # parse commands (with backslash continuations) and their templates
        j = 0
        while j < len(block):
            if not block[j].startswith("$ "):
                j += 1
                continue
            cmd_lines = [block[j]]
            while cmd_lines[-1].endswith("\\") and j + 1 < len(block):
                j += 1
                cmd_lines.append(block[j])
            j += 1
            template = []
            while j < len(block) and not block[j].startswith("$ "):
                template.append(block[j])
                j += 1
            while template and template[-1] == "":
                template.pop()
            command = " ".join(l.rstrip("\\").strip() for l in cmd_lines)[2:]
            out.extend(cmd_lines)
            out.extend(shape(template, run(binary, command, template)))
        if i < len(lines):
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("notebook")
    p.add_argument("--binary", default=".build/debug/rnnmem")
    a = p.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    text = open(a.notebook).read()
    filled = fill(text, os.path.abspath(a.binary))  # raises before anything is written if a command fails
    with open(a.notebook, "w") as f:
        f.write(filled)


if __name__ == "__main__":
    main()
