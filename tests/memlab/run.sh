#!/bin/sh
# Runs memlab's tests: run.sh REFPY [TEST...] (default: every test here).
# A test NAME.py prints results that must equal its "# expect: " comment
# lines in order; a "# mode: repl" line feeds it to `REFPY -q -i` as
# typed input instead of running it as a script.  compare/NAME.py is run
# with `REFPY --compare` and checked against compare/NAME.out (skipped,
# exit 77, while the --compare flag is not available).  Output addresses
# become 0xADDR; in lines starting "[gc]" (memlab.trace_gc) the counts
# that depend on the heap ("examined N", "subtracted N ... N objects")
# become N, and so do all numbers of memlab.watch's "[memlab]" lines
# (whose bytes change loses its sign).
REFPY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 0 ] && set -- "$HERE"/*.py "$HERE"/compare/*.py
status=0
skipped=0
for t in "$@"; do
    exp=$(mktemp) out=$(mktemp)
    case "$t" in
    */compare/*)
        (cd "$(dirname "$t")" && "$REFPY" --compare "$(basename "$t")") >"$out" 2>&1
        if ! head -n 1 "$out" | grep -q '^refpy --compare '; then
            echo "SKIP $t: refpy has no --compare yet"
            skipped=1
            rm -f "$exp" "$out"
            continue
        fi
        cp "${t%.py}.out" "$exp"
        ;;
    *)
        sed -n 's/^ *# expect: \{0,1\}//p' "$t" >"$exp"
        if grep -q '^# mode: repl' "$t"; then
            "$REFPY" -q -i <"$t" >"$out" 2>/dev/null
        else
            (cd "$(dirname "$t")" && "$REFPY" "$(basename "$t")") >"$out" 2>&1
        fi
        ;;
    esac
    sed -e 's/0x[0-9a-f]\{6,\}/0xADDR/g' \
        -e '/^\[gc\]   examined/s/[0-9][0-9]*/N/' \
        -e '/^\[gc\]   subtracted/s/[0-9][0-9]* internal/N internal/' \
        -e '/^\[gc\]   subtracted/s/; [0-9][0-9]* object/; N object/' \
        -e '/^\[memlab\] objects/s/bytes [+-]/bytes /' \
        -e '/^\[memlab\] objects/s/[0-9][0-9]*/N/g' "$out" >"$out.n"
    mv "$out.n" "$out"
    if cmp -s "$exp" "$out"; then
        echo "ok   $t"
    else
        echo "FAIL $t"
        diff -u "$exp" "$out" | head -40
        status=1
    fi
    rm -f "$exp" "$out"
done
[ $status -eq 0 ] && [ $skipped -eq 1 ] && [ $# -eq 1 ] && exit 77
exit $status
