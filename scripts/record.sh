#!/bin/sh
# record.sh - record the expected output of script tests by running CPython.
#
# Usage: scripts/record.sh [FILE.py | DIR]...
#
# With no argument every script under tests/py is recorded. A DIR argument
# records every *.py below it. The oracle is CPython 3.11 (`python3`, or the
# interpreter named by $PYTHON); the recorder refuses to run with another
# version.
#
# For each test script tests/py/AREA/NAME.py it writes, beside the script:
#
#   NAME.out          stdout of `python3 NAME.py` (always written)
#   NAME.err          stderr, only if non-empty (a stale one is deleted)
#   NAME.status       exit status, only if non-zero (a stale one is deleted)
#
# and, in REPL mode, for the same script fed on stdin to `python3 -q -i`:
#
#   NAME.repl.out     stdout (always written)
#   NAME.repl.err     stderr with prompts stripped, only if non-empty
#   NAME.repl.status  exit status, only if non-zero
#
# REPL mode is recorded when the first line of the script contains the
# marker "# mode: both", or when the file AREA/MODES exists and contains the
# word "both". Otherwise stale NAME.repl.* files are deleted.
#
# Every run happens with the working directory set to the script's
# directory, the script named by its basename, and the environment described
# in scripts/normalize.sh (PYTHON* and LC_* variables removed,
# PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, LC_ALL=C.UTF-8). Each run is
# limited to 60 seconds. All recorded streams go through the normalisation
# of scripts/normalize.sh (prompt stripping for REPL stderr, then <DIR>
# substitution, 0xADDR substitution and deletion of ^/~ marker lines); the
# test runner (scripts/run_py_test.sh) applies the very same functions to
# refpy's output before comparing.
#
# When the file AREA/ENV exists, each of its lines VAR=value (blank lines
# and lines starting with # are skipped) is exported for CPython's runs
# only, after the environment above: e.g. PYTHONPATH pointing at a
# third-party package the oracle needs. refpy's test runs never see it.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/normalize.sh"

# Resolve the interpreter once (pyenv-style shims are slow and may alter the
# environment), then check its version.
py=${PYTHON:-python3}
pyexe=$("$py" -c 'import sys; print(sys.executable)') || {
    echo "record.sh: cannot run $py" >&2; exit 2; }
ver=$("$pyexe" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != "3.11" ]; then
    echo "record.sh: $pyexe is Python $ver, expected 3.11" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/record.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# wants_repl FILE: true if FILE must also be recorded in REPL mode.
wants_repl() {
    if head -n 1 "$1" | grep -q '# mode: both'; then
        return 0
    fi
    _modes=$(dirname "$1")/MODES
    [ -f "$_modes" ] && grep -qw both "$_modes"
}

# area_env DIR: exports the VAR=value lines of DIR/ENV, if it exists.
area_env() {
    [ -f "$1/ENV" ] || return 0
    while IFS= read -r _line || [ -n "$_line" ]; do
        case $_line in
            ''|'#'*) continue ;;
            *=*) export "$_line" ;;
            *) echo "record.sh: warning: ignoring line of $1/ENV: $_line" >&2 ;;
        esac
    done < "$1/ENV"
}

# put_optional CONTENT_FILE DEST: DEST gets CONTENT_FILE if it is non-empty,
# otherwise DEST is removed.
put_optional() {
    if [ -s "$1" ]; then
        cp "$1" "$2"
    else
        rm -f "$2"
    fi
}

# put_status STATUS DEST
put_status() {
    if [ "$1" -ne 0 ]; then
        echo "$1" > "$2"
    else
        rm -f "$2"
    fi
}

nrec=0
record_one() {
    f=$1
    dir=$(cd "$(dirname "$f")" && pwd)
    base=$(basename "$f")
    name=${base%.py}
    stem=$dir/$name

    # script mode
    ( cd "$dir" && py_test_env && area_env "$dir" && exec timeout 60 "$pyexe" "$base" ) \
        > "$tmp/out" 2> "$tmp/err" < /dev/null
    st=$?
    [ "$st" -eq 124 ] && echo "record.sh: warning: $f timed out" >&2
    normalize_stream "$dir" < "$tmp/out" > "$stem.out"
    normalize_stream "$dir" < "$tmp/err" > "$tmp/err.n"
    put_optional "$tmp/err.n" "$stem.err"
    put_status "$st" "$stem.status"

    # REPL mode
    if wants_repl "$f"; then
        ( cd "$dir" && py_test_env && area_env "$dir" && exec timeout 60 "$pyexe" -q -i ) \
            > "$tmp/out" 2> "$tmp/err" < "$f"
        st=$?
        [ "$st" -eq 124 ] && echo "record.sh: warning: $f (repl) timed out" >&2
        normalize_stream "$dir" < "$tmp/out" > "$stem.repl.out"
        strip_prompts < "$tmp/err" | normalize_stream "$dir" > "$tmp/err.n"
        put_optional "$tmp/err.n" "$stem.repl.err"
        put_status "$st" "$stem.repl.status"
    else
        rm -f "$stem.repl.out" "$stem.repl.err" "$stem.repl.status"
    fi
    nrec=$((nrec + 1))
}

[ $# -eq 0 ] && set -- "$root/tests/py"

for arg in "$@"; do
    if [ -d "$arg" ]; then
        find "$arg" -type f -name '*.py' | LC_ALL=C sort > "$tmp/list"
        while IFS= read -r f; do
            record_one "$f"
        done < "$tmp/list"
    elif [ -f "$arg" ]; then
        case $arg in
            *.py) record_one "$arg" ;;
            *) echo "record.sh: not a .py file: $arg" >&2; exit 2 ;;
        esac
    else
        echo "record.sh: no such file or directory: $arg" >&2
        exit 2
    fi
done

echo "recorded $nrec script(s) with $pyexe"
