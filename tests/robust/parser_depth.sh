#!/bin/sh
# parser_depth.sh - deeply nested sources the parser's second (error) pass
# re-examines, such as `print*[` nested at every level (the legacy
# print-statement check re-parses what follows each `print`) and nested
# comprehensions whose for targets fail (each re-examined by the
# invalid-target check), parse in
# time linear in the depth and report what python3 reports (found by
# fuzzing: such an input took minutes).  Each source is generated here and
# run under refpy and python3; stdout, stderr and status must agree, and
# refpy must finish within 10 seconds.
#
# Usage: tests/robust/parser_depth.sh REFPY     (exit 77: no python3)
set -u
refpy=${1:?usage: parser_depth.sh REFPY}
case $refpy in /*) ;; *) refpy="$(pwd)/$refpy" ;; esac
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pdepth.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
cases = {}
for n in (5, 40, 150):
    cases[f"nested_print_lexerror_{n}"] = ("x = [\n" + "print*[ # c\n" * n + "1" + "]" * n +
                                          "\nprint(type(00__name__, e)\n")
    cases[f"nested_print_unclosed_{n}"] = "x = [\n" + "print*[\n" * n + "1\n"
    cases[f"print_chain_{n}"] = "print " * n + "(1)\n"
    cases[f"valid_print_minus_{n}"] = "x = " + "[" * 50 + "print -" * n + "1" + "]" * 50 + "\n"
    cases[f"exec_star_{n}"] = "exec = 2\ny = (" + "exec*(" * n + "2" + ")" * n + ")\nprint(y)\n"
    # Nested comprehensions whose for targets never reach 'in' (each
    # target is re-examined by the invalid-target check).
    cases[f"nested_for_target_{n}"] = "print(" + "t(x for a.g(1), " * n + "\n"
    cases[f"nested_for_target_lines_{n}"] = "print(t(f(3)), t({1: 2}), t(x * 2 for xe.\n" * (n // 5 + 2) + "print(1)\n"
    cases[f"nested_call_missing_comma_{n}"] = "z = " + "f(a b, " * n + ")" * n + "\n"
for name, src in cases.items():
    with open(f"{d}/{name}.py", "w") as f:
        f.write(src)
PY
fails=0
n=0
for f in "$tmp"/*.py; do
    n=$((n + 1))
    (cd "$tmp" && python3 "$(basename "$f")") >"$tmp/py.out" 2>"$tmp/py.err" </dev/null
    pst=$?
    (cd "$tmp" && timeout -k 5 10 "$refpy" "$(basename "$f")") >"$tmp/rp.out" 2>"$tmp/rp.err" </dev/null
    rst=$?
    if [ "$pst" -ne "$rst" ] || ! cmp -s "$tmp/py.out" "$tmp/rp.out" ||
       ! cmp -s "$tmp/py.err" "$tmp/rp.err"; then
        fails=$((fails + 1))
        echo "FAIL: $(basename "$f") (status python3 $pst, refpy $rst)" >&2
        diff "$tmp/py.err" "$tmp/rp.err" | head -n 10 >&2
    fi
done
# The same long lines given with -c: there the error shows the whole line.
for f in "$tmp"/nested_call_missing_comma_150.py "$tmp"/print_chain_150.py; do
    n=$((n + 1))
    python3 -c "$(cat "$f")" >"$tmp/py.out" 2>"$tmp/py.err" </dev/null
    pst=$?
    timeout -k 5 10 "$refpy" -c "$(cat "$f")" >"$tmp/rp.out" 2>"$tmp/rp.err" </dev/null
    rst=$?
    if [ "$pst" -ne "$rst" ] || ! cmp -s "$tmp/py.err" "$tmp/rp.err"; then
        fails=$((fails + 1))
        echo "FAIL: -c $(basename "$f") (status python3 $pst, refpy $rst)" >&2
    fi
done
echo "parser_depth: $n sources, $fails differ"
[ "$fails" -eq 0 ]
