#!/usr/bin/env bash
# Regenerates tests/conformance/expected/NAME.PROFILE.out for every case (tests/conformance/*.py
# and examples/*.py, helpers named _*.py aside) in every profile settings.json does not exclude,
# by running the case on the paired CPython (py27: 2.7.18, py312: 3.12.1) from the case's own
# folder. The expected files are CPython's output: never edit them by hand. Run from anywhere:
#
#   tests/conformance/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=format-output.sh
. "$here/format-output.sh"

# Case names are the keys of settings.json and of the expected files: they must be unique.
duplicates=$(list_cases "$root" | cut -d' ' -f1 | sort | uniq -d)
if [ -n "$duplicates" ]; then
    echo "case names used twice: $duplicates" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$here"/expected/*.out
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
        format_output "$tmp/out" "$tmp/err" "$rc" >"$here/expected/$name.$profile.out"
        count=$((count + 1))
    done
done < <(list_cases "$root")
echo "wrote $count expected files to $here/expected"
