#!/bin/sh
# run_py_test.sh - run ONE script test against refpy and compare with the
# output recorded from CPython by scripts/record.sh.
#
# Usage: scripts/run_py_test.sh REFPY TESTFILE.py [script|repl]
#
#   REFPY      path to the refpy binary (a bare name is looked up in PATH)
#   TESTFILE   tests/py/AREA/NAME.py
#   mode       script (default): run `REFPY NAME.py`, stdin from /dev/null,
#                                compare with NAME.out / NAME.err / NAME.status
#              repl:             run `REFPY -q -i < NAME.py`,
#                                compare with NAME.repl.out / .repl.err /
#                                .repl.status
#
# The run happens in the script's directory with the environment of
# scripts/normalize.sh, limited to $PY_TEST_TIMEOUT seconds (default 20).
# In repl mode the prompts are stripped from stderr; then both streams are
# normalised exactly as the recorder did (see scripts/normalize.sh). A
# missing .err file means empty stderr, a missing .status file means 0.
#
# Exit status: 0 if stdout, stderr and exit status all match; 1 on any
# mismatch (a unified diff of every differing stream is printed) or timeout;
# 2 on usage errors or a missing recording. Never runs python3.

set -u

usage() {
    echo "usage: $0 REFPY TESTFILE.py [script|repl]" >&2
    exit 2
}

if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
refpy=$1
test=$2
mode=${3:-script}

here=$(cd "$(dirname "$0")" && pwd)
. "$here/normalize.sh"

case $mode in
    script) sfx= ;;
    repl)   sfx=.repl ;;
    *) usage ;;
esac

case $refpy in
    */*) refpy_abs=$(cd "$(dirname "$refpy")" 2>/dev/null && pwd)/$(basename "$refpy") ;;
    *)   refpy_abs=$(command -v "$refpy") || refpy_abs= ;;
esac
if [ -z "$refpy_abs" ] || [ ! -x "$refpy_abs" ]; then
    echo "run_py_test.sh: refpy binary not found or not executable: $refpy" >&2
    exit 2
fi

if [ ! -f "$test" ]; then
    echo "run_py_test.sh: no such test: $test" >&2
    exit 2
fi
dir=$(cd "$(dirname "$test")" && pwd)
base=$(basename "$test")
name=${base%.py}
stem=$dir/$name$sfx

if [ ! -f "$stem.out" ]; then
    echo "run_py_test.sh: $test has no recorded $mode output ($name$sfx.out);" \
         "run scripts/record.sh $test" >&2
    exit 2
fi

timeout_s=${PY_TEST_TIMEOUT:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pytest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ "$mode" = repl ]; then
    ( cd "$dir" && py_test_env && exec timeout -k 5 "$timeout_s" "$refpy_abs" -q -i ) \
        > "$tmp/raw.out" 2> "$tmp/raw.err" < "$dir/$base"
    st=$?
    strip_prompts < "$tmp/raw.err" > "$tmp/raw.err2"
    mv "$tmp/raw.err2" "$tmp/raw.err"
else
    ( cd "$dir" && py_test_env && exec timeout -k 5 "$timeout_s" "$refpy_abs" "$base" ) \
        > "$tmp/raw.out" 2> "$tmp/raw.err" < /dev/null
    st=$?
fi

if [ "$st" -eq 124 ]; then
    echo "TIMEOUT: $test [$mode]: refpy did not finish within ${timeout_s}s"
    exit 1
fi

mkdir "$tmp/expected" "$tmp/actual"
normalize_stream "$dir" < "$tmp/raw.out" > "$tmp/actual/stdout"
normalize_stream "$dir" < "$tmp/raw.err" > "$tmp/actual/stderr"
echo "$st" > "$tmp/actual/status"

cp "$stem.out" "$tmp/expected/stdout"
if [ -f "$stem.err" ]; then
    cp "$stem.err" "$tmp/expected/stderr"
else
    : > "$tmp/expected/stderr"
fi
if [ -f "$stem.status" ]; then
    cp "$stem.status" "$tmp/expected/status"
else
    echo 0 > "$tmp/expected/status"
fi

fail=0
tab=$(printf '\t')
cd "$tmp" || exit 2
for s in stdout stderr status; do
    if ! cmp -s "expected/$s" "actual/$s"; then
        if [ "$fail" -eq 0 ]; then
            echo "FAIL: $test [$mode]"
        fi
        fail=1
        echo "--- $s differs (expected vs refpy):"
        # drop the timestamps from the two header lines
        diff -u "expected/$s" "actual/$s" | sed "1,2s/$tab.*//"
        if [ "$s" = status ] && [ "$st" -gt 128 ]; then
            echo "(refpy was terminated by signal $((st - 128)))"
        fi
    fi
done
exit "$fail"
