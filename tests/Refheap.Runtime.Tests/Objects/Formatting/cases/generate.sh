#!/bin/sh
# Regenerates the expected results of cases.txt from CPython 2.7.18 and 3.12.1.
set -e
cd "$(dirname "$0")"
PYENV_VERSION=2.7.18 python generate.py > expected.py27.jsonl
PYENV_VERSION=3.12.1 python generate.py > expected.py312.jsonl
