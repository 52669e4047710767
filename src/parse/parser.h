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

typedef enum {
    RP_PERR_SYNTAX = 1,    // SyntaxError
    RP_PERR_INDENT,        // IndentationError
    RP_PERR_TAB,           // TabError
    RP_PERR_NOMEM,         // MemoryError
} rp_perr_kind_t;

// A syntax error as CPython reports it: SyntaxError(msg, (filename,
// lineno, offset, text, end_lineno, end_offset)).  Offsets are 1-based
// character (code point) columns like CPython's; text is the whole
// source line including its newline (or without, at EOF).
typedef struct rp_parse_error {
    rp_perr_kind_t kind;
    char msg[256];
    int lineno, offset, end_lineno, end_offset;
    char *text;            // malloc'd, may be NULL; freed by rp_parse_error_clear
    // Set when the error is only that the input ended inside an open
    // bracket, an indented block, a triple-quoted string or after a
    // backslash continuation: the REPL asks for more lines.
    int incomplete;
} rp_parse_error_t;

void rp_parse_error_clear(rp_parse_error_t *err);

// Parses src[0..len) (UTF-8; NUL bytes and invalid UTF-8 are errors).
// Returns the tree allocated in arena, or NULL with *err filled in.
// filename is used only for messages and warnings.
rp_mod_t *rp_parse(rp_arena_t *arena, const char *src, size_t len,
                   const char *filename, rp_parse_mode_t mode,
                   rp_parse_error_t *err);

// Writes a readable dump of the tree (like ast.dump) to a malloc'd
// string, for tests and debugging.
char *rp_ast_dump_mod(const rp_mod_t *mod);

#endif
