// Entry point of the front end: UTF-8 source text to an AST (ast.h).
// The lexer and parser are hand-written; errors are reported through
// rp_parse_error_t so this layer needs no Python objects.
#ifndef RP_PARSER_H
#define RP_PARSER_H

#include "ast.h"

typedef enum {
    RP_PARSE_FILE = 1,     // a module: statements until EOF
    RP_PARSE_SINGLE,       // one interactive input (CPython's 'single')
    RP_PARSE_EVAL,         // one expression
} rp_parse_mode_t;

// Flag OR'ed into the mode of rp_parse: the text is a string given to
// compile()/exec() rather than a file.  Only changes how invalid UTF-8 is
// reported: for files (the default in RP_PARSE_FILE mode) CPython's line
// reader says "Non-UTF-8 code starting with '\xff' in file F on line N,
// but no encoding declared; ..." with no location (lineno 0); for strings
// (and RP_PARSE_SINGLE / RP_PARSE_EVAL) the bad bytes are found in
// identifiers and literals: "(unicode error) 'utf-8' codec can't decode
// byte 0xff in position 0: invalid start byte".
#define RP_PARSE_FLAG_STRING 0x100

// Flag OR'ed into RP_PARSE_SINGLE: the lines typed so far are all there
// is (CPython's error pass, which stops reading interactive input): an
// input that ends inside a bracket ends there, so an error found before
// that end (e.g. "Perhaps you forgot a comma?") is reported instead of
// "'(' was never closed".
#define RP_PARSE_FLAG_STOP 0x200

typedef enum {
    RP_PERR_SYNTAX = 1,    // SyntaxError
    RP_PERR_INDENT,        // IndentationError
    RP_PERR_TAB,           // TabError
    RP_PERR_NOMEM,         // MemoryError (msg empty: a bare MemoryError,
                           // also CPython's answer to a source too deeply
                           // nested for its parser stack)
} rp_perr_kind_t;

// A syntax error as CPython reports it: SyntaxError(msg, (filename,
// lineno, offset, text, end_lineno, end_offset)).  Offsets are 1-based
// character (code point) columns like CPython's; text is the whole
// source line including its newline (or without, at EOF).
// lineno == 0 means the error has no location (SyntaxError(msg) alone,
// e.g. the Non-UTF-8 message for files); text is then NULL.
// CPython's values are kept as they are, including offset 0 (no caret,
// e.g. "source code cannot contain null bytes") and end_offset 0 or -1.
typedef struct rp_parse_error {
    rp_perr_kind_t kind;
    char msg[256];
    int lineno, offset, end_lineno, end_offset;
    char *text;            // malloc'd, may be NULL; freed by rp_parse_error_clear
    // Set when the error is only that the input ended inside an open
    // bracket, an indented block, a triple-quoted string or after a
    // backslash continuation: the REPL asks for more lines.  msg and the
    // location then describe what CPython reports if the input really
    // ends there ("'(' was never closed", "unterminated triple-quoted
    // string literal (detected at line N)", "unexpected EOF while
    // parsing").  An open block is not an error at the end of input: a
    // REPL reaching EOF appends an empty line ("\n"), which terminates
    // the block, and parses again.
    int incomplete;
} rp_parse_error_t;

void rp_parse_error_clear(rp_parse_error_t *err);

// Parses src[0..len) (UTF-8; NUL bytes and invalid UTF-8 are errors).
// Returns the tree allocated in arena, or NULL with *err filled in.
// filename is used only for messages and warnings.
// mode may carry RP_PARSE_FLAG_STRING.  In RP_PARSE_SINGLE mode the text
// is the input typed so far (whole lines): one simple statement line or
// one compound statement, which is complete only once an empty line (or
// a dedent followed by more input, an error) ends it.
rp_mod_t *rp_parse(rp_arena_t *arena, const char *src, size_t len,
                   const char *filename, rp_parse_mode_t mode,
                   rp_parse_error_t *err);

// Writes a readable dump of the tree (like ast.dump) to a malloc'd
// string, for tests and debugging.
char *rp_ast_dump_mod(const rp_mod_t *mod);

// Like rp_ast_dump_mod; with include_attributes the positions are added
// as ast.dump(include_attributes=True) prints them.  The text equals
// Python's ast.dump output for the same source (constants printed with
// Python's repr).  Returns NULL on memory exhaustion.
char *rp_ast_dump_mod_ex(const rp_mod_t *mod, int include_attributes);

// Warnings the front end issues while parsing (CPython issues them through
// the warnings module): the SyntaxWarning "invalid decimal literal" for
// `1if x else y`, the DeprecationWarning "invalid escape sequence '\d'".
typedef enum { RP_PWARN_SYNTAX = 1, RP_PWARN_DEPRECATION } rp_pwarn_kind_t;
typedef void (*rp_parse_warn_fn)(rp_pwarn_kind_t kind, const char *filename,
                                 int lineno, const char *msg);
// Called for each warning when set (by the runtime); NULL drops them.
extern rp_parse_warn_fn rp_parse_warn_hook;

#endif
