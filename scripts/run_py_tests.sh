#!/bin/sh
# run_py_tests.sh - run every script test against refpy.
#
# Usage: scripts/run_py_tests.sh REFPY [DIR...]
#
# Runs every tests/py/**/NAME.py (or every *.py below the given DIRs) through
# scripts/run_py_test.sh in each recorded mode: script mode always, REPL mode
# when NAME.repl.out exists. Prints one line per failing test
#
#     FAIL: tests/py/AREA/NAME.py [script|repl]
#
# and finally a line of the form "N passed, M failed". Exit status 0 if
# nothing failed, 1 otherwise, 2 on usage errors.
#
# Environment:
#   PY_TEST_VERBOSE=1   also print the diff of every failing test
#   PY_TEST_JOBS=N      run N tests in parallel (default 1)
#   PY_TEST_TIMEOUT=S   per-test timeout in seconds (default 20)

set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 REFPY [DIR...]" >&2
    exit 2
fi
refpy=$1
shift

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -eq 0 ] && set -- "$root/tests/py"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pytests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

for d in "$@"; do
    if [ ! -d "$d" ]; then
        echo "run_py_tests.sh: not a directory: $d" >&2
        exit 2
    fi
    find "$d" -type f -name '*.py'
done | LC_ALL=C sort > "$tmp/files"

# One job per line: "MODE FILE".
: > "$tmp/jobs"
while IFS= read -r f; do
    echo "script $f" >> "$tmp/jobs"
    [ -f "${f%.py}.repl.out" ] && echo "repl $f" >> "$tmp/jobs"
done < "$tmp/files"

# run_job N MODE FILE: run one test, leave its verdict in $tmp/r/N.
mkdir "$tmp/r"
run_job() {
    if sh "$here/run_py_test.sh" "$refpy" "$3" "$2" > "$tmp/r/$1.log" 2>&1; then
        echo pass > "$tmp/r/$1"
    else
        echo "FAIL: ${3#"$root"/} [$2]" > "$tmp/r/$1"
    fi
}

jobs=${PY_TEST_JOBS:-1}
n=0
while IFS=' ' read -r mode f; do
    n=$((n + 1))
    run_job "$n" "$mode" "$f" &
    if [ $((n % jobs)) -eq 0 ]; then
        wait
    fi
done < "$tmp/jobs"
wait

passed=0
failed=0
i=0
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    if [ "$(cat "$tmp/r/$i")" = pass ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        cat "$tmp/r/$i"
        if [ "${PY_TEST_VERBOSE:-0}" != 0 ]; then
            sed 's/^/    /' "$tmp/r/$i.log"
        fi
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
