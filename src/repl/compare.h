// `refpy --compare FILE`: runs FILE as a script and as REPL input and
// prints both outputs side by side (repl/compare.c).
#ifndef RP_COMPARE_H
#define RP_COMPARE_H

// Runs path twice in fresh child interpreters (/proc/self/exe): once as
// a script, once fed statement by statement to `refpy -q -i`, and prints
// to stdout, per top-level statement, its source lines next to the
// script's and the REPL's output, marking the lines that differ; then a
// summary ("3 of 12 output lines differ") and, for each differing `is`
// or id() comparison, memlab.explain's reason on both sides.  Plain text
// within 100 columns; colour only when stdout is a terminal.  Returns
// the exit status for main: 0; 2 after printing "refpy: can't open file
// ..." to stderr when the file cannot be read; 1 when a child cannot be
// started.
int rp_compare_run(const char *path);

#endif
