#!/bin/sh
# oom_sweep.sh - out-of-memory robustness: runs oom_script.py with
# REFPY_FAIL_ALLOC_AT=N for N spread over every allocation of a normal run
# and requires each run to end with status 0, or status 1 with
# "MemoryError" on stderr (or, when start-up itself fails, a clean
# "refpy: ..." message); never a signal, never a hang.
#
# Usage: tests/robust/oom_sweep.sh REFPY [SCRIPT]
#   REFPY_OOM_RUNS   maximum number of runs (default 4000); the step between
#                    two values of N is total/REFPY_OOM_RUNS, rounded up.
#   REFPY_OOM_FIRST  N values below this are all tried (default 300): the
#                    start-up allocations are where one failure hurts most.
set -u
refpy=${1:?usage: oom_sweep.sh REFPY [SCRIPT]}
here=$(cd "$(dirname "$0")" && pwd)
script=${2:-$here/oom_script.py}
runs=${REFPY_OOM_RUNS:-4000}
first=${REFPY_OOM_FIRST:-300}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/oom.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

REFPY_ALLOC_STATS=1 timeout 30 "$refpy" "$script" >/dev/null 2>"$tmp/stats"
st=$?
if [ "$st" -ne 0 ]; then
    echo "oom_sweep: normal run failed with status $st" >&2
    cat "$tmp/stats" >&2
    exit 1
fi
total=$(sed -n 's/^refpy: allocations: \([0-9]*\)$/\1/p' "$tmp/stats" | tail -n 1)
if [ -z "$total" ]; then
    echo "oom_sweep: REFPY_ALLOC_STATS gave no count" >&2
    exit 1
fi
step=$(( (total + runs - 1) / runs ))
[ "$step" -lt 1 ] && step=1
echo "oom_sweep: $total allocations, step $step"

fails=0
n=1
tried=0
while [ "$n" -le "$total" ]; do
    REFPY_FAIL_ALLOC_AT=$n timeout 20 "$refpy" "$script" >/dev/null 2>"$tmp/err"
    st=$?
    ok=0
    if [ "$st" -eq 0 ]; then
        ok=1
    elif [ "$st" -eq 1 ] && grep -Eq '^refpy: |MemoryError' "$tmp/err"; then
        ok=1
    fi
    if [ "$ok" -eq 0 ]; then
        fails=$((fails + 1))
        echo "FAIL: REFPY_FAIL_ALLOC_AT=$n $refpy $script -> status $st" >&2
        head -n 5 "$tmp/err" >&2
    fi
    tried=$((tried + 1))
    if [ "$n" -lt "$first" ]; then n=$((n + 1)); else n=$((n + step)); fi
done
echo "oom_sweep: $tried runs, $fails failures"
[ "$fails" -eq 0 ]
