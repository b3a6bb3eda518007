#!/usr/bin/env bash
# Runs conformance cases on Refheap (`refheap run --profile P FILE`, from the case's folder, as
# generate.sh runs CPython) and diffs each formatted run against its expected file. A developer
# convenience: the test suite compares the same files in-process with its own harness.
#
#   tests/conformance/run-on-refheap.sh                     every case, both profiles
#   tests/conformance/run-on-refheap.sh -p py27 nine_lives_cat gc_tuple_untracking
#
# Prints a diff (expected, then Refheap) for each failure and a summary; exits 1 if any differ.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=format-output.sh
. "$here/format-output.sh"

profiles="py27 py312"
if [ "${1:-}" = "-p" ]; then
    profiles=$2
    shift 2
fi
wanted=" $* "

dotnet build "$root/src/Refheap.Cli" -v quiet -nologo >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=()
while read -r name file; do
    if [ "$wanted" != "  " ] && [[ $wanted != *" $name "* ]]; then
        continue
    fi
    excluded=$(excluded_profiles "$root" "$name")
    for profile in $profiles; do
        if grep -qx "$profile" <<<"$excluded"; then
            continue
        fi
        rc=0
        (cd "$(dirname "$file")" &&
            timeout 120 dotnet run --no-build --project "$root/src/Refheap.Cli" -- \
                run --profile "$profile" "$(basename "$file")" >"$tmp/out" 2>"$tmp/err" </dev/null) || rc=$?
        format_output "$tmp/out" "$tmp/err" "$rc" >"$tmp/actual"
        if diff -u --label "expected/$name.$profile.out" --label "refheap $profile $name.py" \
            "$here/expected/$name.$profile.out" "$tmp/actual"; then
            passed=$((passed + 1))
        else
            failed+=("$name ($profile)")
        fi
    done
done < <(list_cases "$root")

echo "passed: $passed, failed: ${#failed[@]}"
for case in "${failed[@]}"; do
    echo "  FAIL $case"
done
[ ${#failed[@]} -eq 0 ]
