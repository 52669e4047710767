#!/bin/sh
# interrupt_loops.sh - Ctrl-C (SIGINT) interrupts every kind of endless
# loop with KeyboardInterrupt, including loops whose backward jump is a
# conditional one (the peephole pass threads `if c: break` and a loop
# condition to the loop's start) or a compare fused with its jump.
#
# Usage: tests/robust/interrupt_loops.sh REFPY
set -u
refpy=${1:?usage: interrupt_loops.sh REFPY}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/intr.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fails=0
i=0
check() {
    i=$((i + 1))
    printf '%s\n' "$1" >"$tmp/l$i.py"
    timeout -k 5 -s INT 1 "$refpy" "$tmp/l$i.py" </dev/null >/dev/null 2>"$tmp/err"
    st=$?
    # CPython dies of SIGINT after the traceback (status 130 from the shell,
    # or 124 when timeout reports it); a hang is killed with status 137.
    if ! grep -q '^KeyboardInterrupt$' "$tmp/err"; then
        fails=$((fails + 1))
        echo "FAIL: loop $i not interrupted (status $st):" >&2
        cat "$tmp/l$i.py" >&2
    fi
}
check 'while True:
    pass'
# Loops in C over a huge range (found by fuzzing: `x in range(10**40)`).
check 'print(1.5 in range(10**30))'
check 'print(sum(range(10**15)))'
check 'print(max(x for x in [0]) + max(range(-10**30, 10**30)))'
check 'n = 0
while n < 5:
    n += 0'
check 'n = 0
while True:
    n += 0
    if n == 2:
        break'
check 'x = None
while x is None:
    pass'
check 'x = []
while not x:
    pass'
check 'a = b = 1
while a and b:
    a = 1'
check 'i = 0
while 1:
    i = (i + 1) % 7
    if i == 9:
        break'
echo "interrupt_loops: $i loops, $fails failures"
[ "$fails" -eq 0 ]
