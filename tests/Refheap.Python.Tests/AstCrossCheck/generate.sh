#!/usr/bin/env bash
# Regenerates expected/NAME.py312 and expected/NAME.py27 for every samples/NAME.py that the
# version parses: CPython's own tree, `ast.dump(statement, include_attributes=True)` for each
# top-level statement, one per line (2.7's column offsets dropped: Refheap follows 3.8+'s
# column conventions in both dialects). The expected files are CPython's output: never edit
# them by hand.
#
#   tests/Refheap.Python.Tests/AstCrossCheck/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
rm -f "$here"/expected/*
for sample in "$here"/samples/*.py; do
    name=$(basename "$sample" .py)
    PYENV_VERSION=3.12.1 python -c '
import ast, sys
try:
    tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
except SyntaxError:
    sys.exit(0)
with open(sys.argv[2], "w") as out:
    for statement in tree.body:
        print(ast.dump(statement, include_attributes=True), file=out)
' "$sample" "$here/expected/$name.py312"
    PYENV_VERSION=2.7.18 python -c '
import ast, re, sys
try:
    tree = ast.parse(open(sys.argv[1]).read())
except SyntaxError:
    sys.exit(0)
with open(sys.argv[2], "w") as out:
    for statement in tree.body:
        print >>out, re.sub(r", col_offset=-?\d+", "", ast.dump(statement, include_attributes=True))
' "$sample" "$here/expected/$name.py27"
done
