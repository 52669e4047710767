#!/bin/sh
# normalize.sh - shared helpers for the script-test corpus (tests/py).
#
# Used by scripts/record.sh (which runs CPython 3.11) and by
# scripts/run_py_test.sh (which runs refpy), so that both sides see exactly
# the same environment and apply exactly the same normalisation.
#
# It can be sourced (". scripts/normalize.sh") to get the functions below,
# or executed as a filter:
#
#     scripts/normalize.sh stream DIR  < raw > normalised
#     scripts/normalize.sh prompts     < raw-repl-stderr > stripped
#
# Environment (function py_test_env; applied to every run, CPython or refpy)
# ---------------------------------------------------------------------------
#   * every variable whose name starts with PYTHON is removed from the
#     environment (PYTHONSTARTUP, PYTHONPATH, PYTHONWARNINGS, ...), as are
#     LANG, LANGUAGE and every LC_* variable;
#   * then PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8 and LC_ALL=C.UTF-8 are set.
#   The working directory is the directory of the test script and the script
#   is named by its basename (`python3 NAME.py`), so CPython reports its
#   absolute path in tracebacks (File "<DIR>/NAME.py", ...).
#
# Prompt stripping (function strip_prompts; REPL mode, stderr only)
# -----------------------------------------------------------------
# `python3 -q -i < NAME.py` writes its prompts ">>> " and "... " to stderr,
# never followed by a newline, so the stderr of a REPL session looks like
#
#     >>> >>> ... ... >>> Traceback (most recent call last):
#       File "<stdin>", line 1, in <module>
#     ZeroDivisionError: division by zero
#     >>> >>> 
#
# (the final ">>> " is followed by the newline CPython prints at end of
# input). The rule, applied line by line:
#   1. a line consisting only of one or more prompts (">>> " or "... ",
#      in any mix) is deleted; this includes a final prompt run that is not
#      terminated by a newline;
#   2. otherwise, the leading run of prompts (if any) is removed from the
#      start of the line; the rest of the line is kept as is (so the two
#      leading spaces of '  File "<stdin>", line 3' survive).
# Prompts that appear in the middle of a line (after output that did not end
# with a newline) are left alone, and an empty line written to stderr by the
# program right after a prompt is indistinguishable from a bare prompt and is
# therefore deleted too; tests avoid both situations.
#
# Stream normalisation (function normalize_stream DIR; every stream)
# ------------------------------------------------------------------
# Applied, in this order, to stdout and stderr of both modes, after prompt
# stripping:
#   a. every occurrence of the absolute path of the test's directory DIR is
#      replaced by "<DIR>" (both the path as given and its physical form
#      `pwd -P`, if different);
#   b. hexadecimal addresses: every match of 0x[0-9a-f]{6,} becomes "0xADDR";
#   Traceback marker lines ("~~~^^^~~~" under a source line) and
#   SyntaxError caret lines are kept: refpy prints them as CPython 3.11 does.
# Exit statuses are compared as plain integers.

# --- environment ---------------------------------------------------------

# py_test_env: adjust the environment of the current shell for a test run.
# Call it in a subshell.
py_test_env() {
    for _v in $(env | sed -n 's/^\(PYTHON[A-Za-z0-9_]*\)=.*/\1/p; s/^\(LC_[A-Za-z0-9_]*\)=.*/\1/p'); do
        unset "$_v"
    done
    unset LANG LANGUAGE _v
    PYTHONHASHSEED=0
    PYTHONIOENCODING=utf-8
    LC_ALL=C.UTF-8
    export PYTHONHASHSEED PYTHONIOENCODING LC_ALL
}

# --- prompt stripping ----------------------------------------------------

strip_prompts() {
    sed -E -e '/^((>>> )|(\.\.\. ))+$/d' -e 's/^((>>> )|(\.\.\. ))+//'
}

# --- stream normalisation ------------------------------------------------

# _sed_ere_escape STRING: escape STRING for use as a literal in a sed ERE
# (with '|' as the s command delimiter).
_sed_ere_escape() {
    printf '%s\n' "$1" | sed -e 's/[][\\.*^$+?(){}|/]/\\&/g'
}

# normalize_stream DIR: filter stdin to stdout.
normalize_stream() {
    _nd=$1
    _np=$(cd "$_nd" 2>/dev/null && pwd -P) || _np=$_nd
    _ne1=$(_sed_ere_escape "$_nd")
    _ne2=$(_sed_ere_escape "$_np")
    sed -E \
        -e "s|$_ne1|<DIR>|g" \
        -e "s|$_ne2|<DIR>|g" \
        -e 's/0x[0-9a-f]{6,}/0xADDR/g'
}

# --- command-line use ----------------------------------------------------

case ${0##*/} in
    normalize.sh)
        case $1 in
            stream)  normalize_stream "$2" ;;
            prompts) strip_prompts ;;
            *) echo "usage: $0 stream DIR | prompts  (filter stdin to stdout)" >&2
               exit 2 ;;
        esac
        ;;
esac
