#!/usr/bin/env bash
# Regenerates expected/NAME.py27 and expected/NAME.py312 for every cases/NAME.py from the two
# CPython oracles: what `python -c CODE` prints on stderr, CODE being the case's exact bytes
# (a string program, which CPython tokenizes differently from a file at its end), or "OK" when
# CODE compiles. The expected files are CPython's output: never edit them by hand.
#
#   tests/Refheap.Python.Tests/SyntaxErrors/command/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
for case in "$here"/cases/*.py; do
    name=$(basename "$case" .py)
    code=$(cat "$case"; printf x)
    code=${code%x}
    for pair in 2.7.18:py27 3.12.1:py312; do
        version=${pair%%:*}
        profile=${pair##*:}
        out="$here/expected/$name.$profile"
        # Compile only (the code is never run): compile() of the same string with the same
        # flags as -c; 2.7's -c adds a newline first (Modules/main.c).
        if [ "$profile" = py27 ]; then
            check='import sys; compile(sys.argv[1] + "\n", "<string>", "exec")'
        else
            check='import sys; compile(sys.argv[1], "<string>", "exec")'
        fi
        if PYENV_VERSION=$version python -c "$check" "$code" > /dev/null 2>&1; then
            echo OK > "$out"
        else
            (PYENV_VERSION=$version python -c "$code" 2>&1 >/dev/null || true) > "$out"
        fi
    done
done
