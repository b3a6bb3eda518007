#!/usr/bin/env bash
# Regenerates expected/NAME.py27 and expected/NAME.py312 for every cases/NAME.py from the two
# CPython oracles: what `python NAME.py` prints on stderr when the program does not compile
# (3.12's absolute path shortened to NAME.py), or the compiler's warnings followed by "OK"
# when it does. A program that compiles is run too (2.7 checks the file's encoding only when
# it reads the file), so cases must stop quickly when run. The expected files are CPython's output: never edit them by hand.
#
#   tests/Refheap.Python.Tests/SyntaxErrors/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
for case in "$here"/cases/*.py; do
    name=$(basename "$case" .py)
    for pair in 2.7.18:py27 3.12.1:py312; do
        version=${pair%%:*}
        profile=${pair##*:}
        tmp=$(mktemp -d)
        cp "$case" "$tmp/$name.py"
        out="$here/expected/$name.$profile"
        if (cd "$tmp" && PYENV_VERSION=$version python -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$name.py") > "$tmp/warnings" 2>&1; then
            # compile() of a string skips 2.7's check for non-ASCII bytes without a coding
            # declaration, which reading the file makes: run the file to be sure.
            (cd "$tmp" && PYENV_VERSION=$version timeout 10 python "$name.py" 2>&1 >/dev/null | sed "s|$tmp/||g") > "$tmp/run" || true
            if grep -q '^  File ' "$tmp/run" && ! grep -q '^Traceback' "$tmp/run"; then
                cp "$tmp/run" "$out"
            else
                { cat "$tmp/warnings"; echo OK; } > "$out"
            fi
        else
            (cd "$tmp" && PYENV_VERSION=$version python "$name.py" 2>&1 >/dev/null | sed "s|$tmp/||g") > "$out" || true
        fi
        rm -rf "$tmp"
    done
done
