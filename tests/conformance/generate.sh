#!/usr/bin/env bash
# Regenerates tests/conformance/expected/NAME.PROFILE.out for every case (tests/conformance/*.py
# and examples/*.py, helpers named _*.py aside) in every profile settings.json does not exclude,
# by running the case on the paired CPython (py27: 2.7.18, py312: 3.12.1) from the case's own
# folder. The expected files are CPython's output: never edit them by hand. Run from anywhere:
#
#   tests/conformance/generate.sh           rewrite expected/
#   tests/conformance/generate.sh --check   regenerate into a scratch folder and diff it against
#                                           expected/ (exit 1 if anything differs): the files are
#                                           up to date and the outputs deterministic
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=format-output.sh
. "$here/format-output.sh"

check=false
if [ "${1:-}" = "--check" ]; then
    check=true
fi

# Case names are the keys of settings.json and of the expected files: they must be unique.
duplicates=$(list_cases "$root" | cut -d' ' -f1 | sort | uniq -d)
if [ -n "$duplicates" ]; then
    echo "case names used twice: $duplicates" >&2
    exit 2
fi

# Every case opens with its header comment and imports only what the Python subset has.
bad=0
while read -r name file; do
    if ! head -n 1 "$file" | grep -q '^# '; then
        echo "$file: the first line must be the header comment saying what the case shows" >&2
        bad=1
    fi
    if grep -En '^[[:space:]]*(import|from)[[:space:]]' "$file" |
        grep -Ev '(import|from)[[:space:]]+(gc|weakref|sys|functools|time|builtins|__future__|_[A-Za-z0-9_]+)([[:space:],]|$)' >&2; then
        echo "$file: imports outside gc, weakref, sys, functools, time, builtins (2.7: __builtin__) and sibling _helpers" >&2
        bad=1
    fi
done < <(list_cases "$root")
[ "$bad" -eq 0 ] || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if $check; then
    target=$tmp/expected
    mkdir "$target"
else
    target=$here/expected
    mkdir -p "$target"
    rm -f "$target"/*.out
fi
count=0
while read -r name file; do
    excluded=$(excluded_profiles "$root" "$name")
    for profile in py27 py312; do
        if grep -qx "$profile" <<<"$excluded"; then
            continue
        fi
        rc=0
        (cd "$(dirname "$file")" &&
            PYENV_VERSION=$(python_for "$profile") PYTHONDONTWRITEBYTECODE=1 \
                timeout 120 python "$(basename "$file")" >"$tmp/out" 2>"$tmp/err" </dev/null) || rc=$?
        format_output "$tmp/out" "$tmp/err" "$rc" >"$target/$name.$profile.out"
        count=$((count + 1))
    done
done < <(list_cases "$root")

if $check; then
    if diff -r "$here/expected" "$target"; then
        echo "all $count expected files are up to date"
    else
        echo "expected/ differs from CPython's output (diff above: expected/, then a fresh run)" >&2
        exit 1
    fi
else
    echo "wrote $count expected files to $target"
fi
