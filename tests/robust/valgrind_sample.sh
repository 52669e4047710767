#!/bin/sh
# valgrind_sample.sh - valgrind memcheck reports no error on a sample of
# script tests (invalid reads/writes, uses of uninitialised values, bad
# frees).  Skipped (status 77) when valgrind is not installed.
#
# Usage: tests/robust/valgrind_sample.sh REFPY
set -u
refpy=${1:?usage: valgrind_sample.sh REFPY}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: skipped"; exit 77; }
here=$(cd "$(dirname "$0")/../py" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vg.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fails=0
n=0
for t in class/method_override_super dict/keys_types exc/raise_systemexit \
         func/nested_functions gc/debug_stats_to_real_stderr str/indexing_unicode \
         robust/del_resurrect robust/mutation_during_sort; do
    [ -f "$here/$t.py" ] || continue
    n=$((n + 1))
    ( cd "$here/$(dirname "$t")" &&
      valgrind -q --error-exitcode=99 --leak-check=no "$refpy" "$(basename "$t").py" ) \
        </dev/null >/dev/null 2>"$tmp/err"
    if [ $? -eq 99 ] || grep -q '^==[0-9]*== ' "$tmp/err"; then
        fails=$((fails + 1))
        echo "FAIL: valgrind reports on $t" >&2
        grep '^==' "$tmp/err" | head -n 20 >&2
    fi
done
echo "valgrind_sample: $n scripts, $fails with reports"
[ "$fails" -eq 0 ]
