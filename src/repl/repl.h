// The interactive loop: reads inputs (GNU readline on a terminal, plain
// lines with prompts on stderr otherwise), compiles each complete input
// as its own compilation unit in 'single' mode, and runs it in __main__.
#ifndef RP_REPL_H
#define RP_REPL_H

// Runs the REPL until EOF, exit() or SystemExit.  Returns the process
// exit status.
int rp_repl_run(void);

#endif
