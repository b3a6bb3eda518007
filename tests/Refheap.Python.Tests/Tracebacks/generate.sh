#!/usr/bin/env bash
# Regenerates expected/NAME.py27 and expected/NAME.py312 for every cases/NAME.py: what
# `python NAME.py` prints on stderr (the uncaught exception's traceback) on CPython 2.7.18 and
# 3.12.1, with each File line's directory left out. The expected files are CPython's output:
# never edit them by hand.
#
#   tests/Refheap.Python.Tests/Tracebacks/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
for case in "$here"/cases/*.py; do
    name=$(basename "$case" .py)
    for pair in 2.7.18:py27 3.12.1:py312; do
        version=${pair%%:*}
        profile=${pair##*:}
        (cd "$here/cases" && PYENV_VERSION=$version python "$name.py" 2>&1 >/dev/null || true) |
            sed -E 's|File "[^"]*/([^"/]+)"|File "\1"|' > "$here/expected/$name.$profile"
    done
done
