// Reading input lines: GNU readline on a terminal (history in
// ~/.refpy_history, completion, auto-indent, Ctrl-C handling), or plain
// lines with the prompt written to stderr when input is piped.
#ifndef RP_LINEEDIT_H
#define RP_LINEEDIT_H

enum { RP_LINE_OK = 0, RP_LINE_EOF = 1, RP_LINE_INTERRUPT = 2 };

// Sets up readline (completion, key bindings) and loads the history.
void rp_lineedit_init(void);
// Reads one line with readline, showing prompt and pre-inserting indent
// (unless pasted input is already waiting).  *line receives a malloc'd
// string without the newline when RP_LINE_OK is returned.
int rp_lineedit_read(const char *prompt, const char *indent, char **line);
// Saves the history (bounded) and restores the terminal.
void rp_lineedit_fini(void);

// Reads one line from stdin without editing; the prompt goes to stderr
// as CPython does when stdin is not a terminal.
int rp_lineplain_read(const char *prompt, char **line);

#endif
