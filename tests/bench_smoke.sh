#!/usr/bin/env bash
# bench_smoke.sh - correctness-only smoke run of the benchmark suite: every
# benchmarks/NAME.py is run under refpy at a tiny scale and its stdout is
# compared with benchmarks/expected/NAME.SCALE.out, recorded from CPython
# 3.11 by `scripts/bench.sh --record [-s SCALE]`.  Nothing is timed.
#
# Usage: tests/bench_smoke.sh REFPY [SCALE]      (SCALE defaults to 0.01)
#
# Prints "PASS: NAME" or "FAIL: NAME (...)" per program, a diff for each
# output mismatch, and finally "N passed, M failed".  Exits 1 if any
# program failed (wrong output, non-zero exit status, timeout, missing
# recording), 2 on a usage error.  Per-program timeout: $BENCH_SMOKE_TIMEOUT
# seconds (default 60).  Environment as in the script tests: PYTHON* and
# LC_* removed, PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, LC_ALL=C.UTF-8.

set -u
shopt -s nullglob

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 REFPY [SCALE]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
benchdir=$(cd "$here/../benchmarks" && pwd)
refpy=$1
case $refpy in /*) ;; *) refpy=$(pwd)/$refpy ;; esac
scale=${2:-0.01}
limit=${BENCH_SMOKE_TIMEOUT:-60}
if [ ! -x "$refpy" ]; then
    echo "bench_smoke.sh: $refpy is not executable" >&2
    exit 2
fi

for v in $(env | sed -n 's/^\(PYTHON[A-Za-z0-9_]*\)=.*/\1/p; s/^\(LC_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$v"
done
unset LANG LANGUAGE
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench_smoke.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
for f in "$benchdir"/*.py; do
    name=$(basename "$f" .py)
    want=$benchdir/expected/$name.$scale.out
    if [ ! -f "$want" ]; then
        echo "FAIL: $name (no recording $want; run scripts/bench.sh --record -s $scale)"
        failed=$((failed + 1))
        continue
    fi
    # (the outer subshell keeps bash's "Segmentation fault" note out of the log)
    ( (cd "$benchdir" && exec timeout -k 5 "$limit" "$refpy" "$name.py" "$scale") \
        >"$tmp/out" 2>"$tmp/err" </dev/null; echo $? >"$tmp/status" ) 2>/dev/null
    status=$(cat "$tmp/status")
    if [ $status -eq 0 ] && cmp -s "$want" "$tmp/out"; then
        echo "PASS: $name"
        passed=$((passed + 1))
        continue
    fi
    case $status in
        0) why="output differs" ;;
        124|137) why="timeout after ${limit}s" ;;
        *) if [ $status -gt 128 ]; then why="killed by signal $((status - 128))"
           else why="exit status $status"; fi ;;
    esac
    echo "FAIL: $name ($why)"
    diff -u --label expected --label refpy "$want" "$tmp/out" | head -n 20
    if [ -s "$tmp/err" ]; then
        echo "--- stderr (last lines):"
        tail -n 5 "$tmp/err"
    fi
    failed=$((failed + 1))
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
