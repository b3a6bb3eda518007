# Shared by generate.sh and run-on-refheap.sh (sourced, not run): turns one run of a program
# into the expected-output format that README.md describes, so CPython's files and Refheap's
# runs are written by the same code.

# format_output STDOUT_FILE STDERR_FILE EXIT_CODE — writes the formatted run to stdout.
format_output() {
    local out=$1 err=$2 rc=$3
    sed -E 's/0x[0-9a-f]+/0xADDR/g' "$out"
    if [ "$rc" -ne 0 ]; then
        # The marker starts a line of its own even when the program's last line had no newline.
        if [ -s "$out" ] && [ "$(tail -c 1 "$out" | od -An -c | tr -d ' ')" != '\n' ]; then
            echo
        fi
        echo "--- exit $rc"
        # The tail is stderr's last non-blank line: for an uncaught exception, "Type: message".
        { grep -v '^[[:space:]]*$' "$err" || true; } | tail -n 1 | sed -E 's/0x[0-9a-f]+/0xADDR/g'
    fi
}

# python_for PROFILE — the CPython that a profile is paired with, as a PYENV_VERSION value.
python_for() {
    case $1 in
        py27) echo 2.7.18 ;;
        py312) echo 3.12.1 ;;
        *) echo "unknown profile: $1" >&2; return 2 ;;
    esac
}

# list_cases REPO_ROOT — one line per case: "NAME PATH". Cases are tests/conformance/*.py and
# examples/*.py; files whose names start with "_" are helper modules that cases import.
list_cases() {
    local root=$1 file name
    for file in "$root"/tests/conformance/*.py "$root"/examples/*.py; do
        [ -e "$file" ] || continue
        name=$(basename "$file" .py)
        case $name in _*) continue ;; esac
        echo "$name $file"
    done
}

# excluded_profiles REPO_ROOT NAME — the profiles settings.json excludes for a case, one a line.
excluded_profiles() {
    PYENV_VERSION=3.12.1 python - "$1/tests/conformance/settings.json" "$2" <<'PY'
import json, sys
settings = json.load(open(sys.argv[1]))
for entry in settings["exclude"]:
    if entry["case"] == sys.argv[2]:
        for profile in entry["profiles"]:
            print(profile)
PY
}
