#!/bin/sh
# cmdline_misuse.sh - command-line misuse gives a clean one-line message
# naming the problem, the exit status python3 gives (2), and no signal.
#
# Usage: tests/robust/cmdline_misuse.sh REFPY
set -u
refpy=${1:?usage: cmdline_misuse.sh REFPY}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cmdline.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fails=0

# check STATUS PATTERN ARGS...: run refpy ARGS, expect STATUS and PATTERN
# (a grep -E expression) on stderr.
check() {
    want=$1 pat=$2
    shift 2
    ( cd "$tmp" && timeout 10 "$refpy" "$@" ) </dev/null >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" -ne "$want" ] || ! grep -Eq "$pat" "$tmp/err"; then
        fails=$((fails + 1))
        echo "FAIL: refpy $* -> status $st (want $want, stderr ~ /$pat/)" >&2
        head -n 5 "$tmp/err" >&2
    fi
}

check 2 '^Unknown option: -Z$' -Z
check 2 '^unknown option --bogus$' --bogus
check 2 '^Argument expected for the -c option$' -c
check 2 '^Argument expected for the -X option$' -X
check 2 "can't open file '.*/nonexist\.py': \[Errno 2\] No such file or directory" nonexist.py
mkdir "$tmp/adir"
check 1 "" adir
check 2 '^Unknown option: -Z$' -q -Z x.py
# Usage errors also print the usage line.
check 2 '^usage: ' -Z
echo "cmdline_misuse: $fails failures"
[ "$fails" -eq 0 ]
