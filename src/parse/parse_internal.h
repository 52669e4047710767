// Declarations shared by the files of the front end (lexer, string
// decoding, parser, error reporting).  Not part of the API: the rest of
// refpy uses parser.h and ast.h only.
#ifndef RP_PARSE_INTERNAL_H
#define RP_PARSE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "parse/ast.h"
#include "parse/parser.h"
#include "parse/tokens.h"

// ---- error reporting (perror.c) ----------------------------------------

// Sets *err to a located error.  offset/end_offset are final values (as
// CPython stores them); text is the line's bytes (text_len of them, copied)
// or NULL.  Does nothing if err already holds an error unless force.
void rp_perr_setv(rp_parse_error_t *err, rp_perr_kind_t kind, int lineno,
                  int offset, int end_lineno, int end_offset,
                  const char *text, size_t text_len, const char *fmt,
                  va_list ap);
void rp_perr_set(rp_parse_error_t *err, rp_perr_kind_t kind, int lineno,
                 int offset, int end_lineno, int end_offset,
                 const char *text, size_t text_len, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));

// Number of code points in s[0..n) (each byte that does not continue a
// UTF-8 sequence starts one).
int rp_utf8_count(const char *s, size_t n);

// CPython's _PyPegen_byte_offset_to_character_offset: the number of code
// points in the first col bytes of line (col clamped to len + 1, where
// the terminating NUL counts as one more).
int rp_perr_byte_to_char(const char *line, size_t len, int col);

// Length of the line starting at s, without its newline.
size_t rp_line_len(const char *s, const char *end);

// The start of line lineno (1-based) in buf[0..end), or NULL.
const char *rp_find_line(const char *buf, const char *end, int lineno);

// ---- the parser (parser.c) -------------------------------------------------

// Internal parse mode of an f-string expression parser (CPython's
// fstring_input: star_expressions over "(expr)").
#define RP_PMODE_FSTRING 100

typedef struct rp_parser {
    rp_arena_t *arena;
    rp_lexer_t lx;
    rp_token_t **toks;        // tokens fetched so far (arena-allocated)
    int fill, size;
    int mark;                 // index of the next token to consume
    int far;                  // tokens looked at outside diagnostics (the
                              // extent of CPython's first pass)
    int mode;                 // RP_PARSE_* or RP_PMODE_FSTRING
    rp_parse_error_t *err;
    int error;                // *err holds the error of this parse
    int tok_error;            // ... raised by the lexer (never overridden)
    int hard_error;           // ... cannot be undone by rp_p_restore
    int generic_indent;       // ... is the generic "unexpected indent"
    int err_generic;          // ... is a generic one (no invalid_* rule)
    int no_invalid;           // >0: specific-error checks are off (CPython's
                              // expression_without_invalid)
    int pass2;                // second pass: also check valid code for
                              // print/exec statements, as CPython does
    rp_token_t pass1_last;    // (pass 2) the furthest token of pass 1
    const rp_expr_t *bare_tuple;  // last tuple star_expressions built
                                  // without parentheses
    int depth;                // nesting of recursive rules (stack guard)
    const char *filename;
    // f-string expression parsers: the lexer's line numbers are shifted by
    // line_base, and columns on its first line by starting_col_offset.
    int line_base;
    int starting_col_offset;
    struct rp_parser *parent;
} rp_parser_t;

// Maximum nesting of recursive rules: CPython's parser stack (MAXSTACK)
// gives a bare MemoryError beyond it.
#define RP_MAXSTACK 6000

// Initialises p over src (see rp_lexer_init for lx_flags).  Returns 0 or
// -1 (MemoryError in err).
int rp_p_init(rp_parser_t *p, rp_arena_t *arena, const char *src,
              size_t len, const char *filename, int mode, int lx_flags,
              rp_parse_error_t *err);

// Token access.  peek() fetches on demand; after an error it keeps
// returning the last token fetched.
rp_token_t *rp_p_fill(rp_parser_t *p);
static inline rp_token_t *rp_p_peek(rp_parser_t *p)
{
    if (p->mark >= p->far) {
        p->far = p->mark + 1;
    }
    if (p->mark < p->fill) {
        return p->toks[p->mark];
    }
    return rp_p_fill(p);
}
static inline rp_token_t *rp_p_peek2(rp_parser_t *p)
{
    if (p->mark + 1 >= p->far) {
        p->far = p->mark + 2;
    }
    if (p->mark + 1 < p->fill) {
        return p->toks[p->mark + 1];
    }
    rp_p_peek(p);
    if (p->error) {
        return p->toks[p->fill - 1];
    }
    return rp_p_fill(p);
}
static inline int rp_p_at(rp_parser_t *p, rp_tok_kind_t kind)
{
    return rp_p_peek(p)->kind == kind;
}
// Consumes and returns the next token (which must not be an error).
static inline rp_token_t *rp_p_next(rp_parser_t *p)
{
    rp_token_t *t = rp_p_peek(p);
    if (!p->error) {
        p->mark++;
    }
    return t;
}
// Consumes the next token if it has the given kind.
static inline rp_token_t *rp_p_accept(rp_parser_t *p, rp_tok_kind_t kind)
{
    rp_token_t *t = rp_p_peek(p);
    if (t->kind != kind || p->error) {
        return NULL;
    }
    p->mark++;
    return t;
}
// The last token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER
// (the end of the node being built, CPython's EXTRA).
rp_token_t *rp_p_last(rp_parser_t *p);
// The furthest token fetched (CPython's p->tokens[p->fill-1]).
static inline rp_token_t *rp_p_furthest(rp_parser_t *p)
{
    return p->toks[p->fill - 1];
}

// Errors.  All return NULL so callers can `return rp_p_error...`.
// At explicit positions (0-based byte columns; end_col -1 for none):
void *rp_p_error_at(rp_parser_t *p, rp_perr_kind_t kind, int lineno,
                    int col, int end_lineno, int end_col, const char *fmt,
                    ...) __attribute__((format(printf, 7, 8)));
// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node) / _KNOWN_RANGE(a, b):
void *rp_p_error_node(rp_parser_t *p, const rp_expr_t *e, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));
void *rp_p_error_range(rp_parser_t *p, const rp_expr_t *a,
                       const rp_expr_t *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *rp_p_error_tok(rp_parser_t *p, const rp_token_t *t, const char *fmt,
                     ...) __attribute__((format(printf, 3, 4)));
// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the furthest token.
void *rp_p_error_last(rp_parser_t *p, rp_perr_kind_t kind, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));
// The generic "invalid syntax" (or "unexpected indent" ...) at the
// furthest token, as CPython's _PyPegen_set_syntax_error.
void *rp_p_syntax_error(rp_parser_t *p);
// A NULL return without an error set means "no match" to the caller;
// this turns it into the generic error if needed.
static inline void *rp_p_fail(rp_parser_t *p)
{
    return p->error ? NULL : rp_p_syntax_error(p);
}
// After a failed parse: raises the generic error if none is set, then lets
// a later lexer error replace a parser error (CPython's full-source check).
void rp_p_finish_error(rp_parser_t *p);
// "expected 'x'" at the next token (CPython's forced tokens &&'x').
rp_token_t *rp_p_expect_forced(rp_parser_t *p, rp_tok_kind_t kind,
                               const char *what);
// Consumes a token of the given kind or raises the generic error.
rp_token_t *rp_p_expect(rp_parser_t *p, rp_tok_kind_t kind);

// Speculative parsing: save, try, and on failure restore the position
// and forget the error (unless it came from the lexer).  rp_p_diag is the
// same for the checks of CPython's invalid_* rules, which belong to its
// second pass: what they look at does not move the generic error.
typedef struct {
    int mark;
    int had_error;
    int far;              // -1, or the first-pass extent to restore
} rp_p_state_t;
static inline rp_p_state_t rp_p_save(rp_parser_t *p)
{
    rp_p_state_t s = { p->mark, p->error, -1 };
    return s;
}
static inline rp_p_state_t rp_p_diag(rp_parser_t *p)
{
    rp_p_state_t s = { p->mark, p->error, p->far };
    return s;
}
// Restores s; returns 0, or -1 if a lexer error makes it final.
int rp_p_restore(rp_parser_t *p, rp_p_state_t s);

// Depth guard for recursive rules.
static inline int rp_p_enter(rp_parser_t *p, int cost)
{
    p->depth += cost;
    if (p->depth > RP_MAXSTACK) {
        if (!p->error) {
            rp_perr_set(p->err, RP_PERR_NOMEM, 0, 0, 0, 0, NULL, 0, "%s", "");
            p->error = 1;
            p->tok_error = 1;
            p->hard_error = 1;
        }
        return -1;
    }
    return 0;
}
static inline void rp_p_leave(rp_parser_t *p, int cost)
{
    p->depth -= cost;
}

// Arena helpers.  rp_p_nomem records MemoryError.
void *rp_p_nomem(rp_parser_t *p);
void *rp_p_alloc(rp_parser_t *p, size_t n);
const char *rp_p_strndup(rp_parser_t *p, const char *s, size_t n);

// Growable pointer vectors, kept in the arena.
typedef struct {
    void **a;
    int n, cap;
} rp_vec_t;
int rp_vec_push(rp_parser_t *p, rp_vec_t *v, void *x);

// Node constructors: positions from explicit values / a start token and
// the end of the last consumed token.
rp_expr_t *rp_p_new_expr(rp_parser_t *p, rp_expr_kind_t kind, int lineno,
                         int col, int end_lineno, int end_col);
rp_expr_t *rp_p_expr_from(rp_parser_t *p, rp_expr_kind_t kind,
                          int lineno, int col);
rp_stmt_t *rp_p_stmt_from(rp_parser_t *p, rp_stmt_kind_t kind,
                          const rp_token_t *start);
rp_expr_t *rp_p_name(rp_parser_t *p, const rp_token_t *t);
static inline rp_expr_seq_t rp_p_expr_seq(rp_vec_t *v)
{
    rp_expr_seq_t s = { v->n, (rp_expr_t **)v->a };
    return s;
}

// Targets (CPython's _PyPegen_get_invalid_target and friends).
typedef enum { RP_TARGETS_STAR = 1, RP_TARGETS_DEL, RP_TARGETS_FOR } rp_targets_t;
const rp_expr_t *rp_p_invalid_target(const rp_expr_t *e, rp_targets_t type);
const char *rp_p_expr_name(const rp_expr_t *e);
// Sets the context of a valid target tree.
void rp_p_set_context(rp_expr_t *e, rp_expr_ctx_t ctx);
// Raises "cannot assign to X" / "cannot delete X" for the first invalid
// target in e; returns 1 if it did.
int rp_p_raise_invalid_target(rp_parser_t *p, const rp_expr_t *e,
                              rp_targets_t type);

// ---- expressions (parse_expr.c) -------------------------------------------

rp_expr_t *rp_p_expression(rp_parser_t *p);
rp_expr_t *rp_p_expression_without_invalid(rp_parser_t *p);
rp_expr_t *rp_p_named_expression(rp_parser_t *p);
rp_expr_t *rp_p_star_expressions(rp_parser_t *p);
rp_expr_t *rp_p_star_expression(rp_parser_t *p);
rp_expr_t *rp_p_star_named_expression(rp_parser_t *p);
rp_expr_t *rp_p_expressions(rp_parser_t *p);
rp_expr_t *rp_p_disjunction(rp_parser_t *p);
rp_expr_t *rp_p_comparison(rp_parser_t *p);
rp_expr_t *rp_p_bitwise_or(rp_parser_t *p);
rp_expr_t *rp_p_primary(rp_parser_t *p);
// Comprehension clauses, with the element parsed: builds kind (ListComp,
// SetComp, GeneratorExp) from token open to the closing token.
rp_expr_t *rp_p_comprehension(rp_parser_t *p, rp_expr_kind_t kind,
                              rp_token_t *open, rp_expr_t *elt,
                              rp_tok_kind_t close);
// The value of a float literal (text without underscores).
double rp_p_strtod(const char *text);
rp_expr_t *rp_p_yield_expr(rp_parser_t *p);
rp_expr_t *rp_p_star_targets(rp_parser_t *p);
rp_expr_t *rp_p_star_target(rp_parser_t *p);
int rp_p_for_if_clauses(rp_parser_t *p, rp_comp_seq_t *out);
// The target after 'for' (up to 'in'), validated and set to Store, with
// CPython's invalid_for_target diagnosis on failure.
rp_expr_t *rp_p_for_target(rp_parser_t *p);
// invalid_named_expression's third alternative at token index start_mark:
//     !(list|tuple|genexp|'True'|'None'|'False')
//     a=bitwise_or '=' bitwise_or !('='|':=')
// Returns a when the text matches (position unchanged), else NULL.
const rp_expr_t *rp_p_assign_here(rp_parser_t *p, int start_mark);
// Starts of expressions (for lookahead decisions); the second also
// accepts '*'.
int rp_p_starts_expression(rp_tok_kind_t k);
int rp_p_starts_star_expression(rp_tok_kind_t k);

// ---- atoms, displays, comprehensions (parse_atom.c) -----------------------

rp_expr_t *rp_p_atom(rp_parser_t *p);

// ---- call arguments and parameters (parse_args.c) --------------------------

// The arguments of a call or class after its '(' token `open`, up to and
// including the ')'; a sole generator expression argument becomes a
// GeneratorExp spanning the parentheses.  Returns 0 or -1.
// (is_call: a call, where a sole generator expression is allowed.)
int rp_p_arguments(rp_parser_t *p, rp_token_t *open, int is_call,
                   rp_expr_seq_t *args, rp_keyword_seq_t *keywords);
// params of def (close = ')') or lambda (close = ':').
rp_arguments_t *rp_p_params(rp_parser_t *p, int is_lambda);
rp_arguments_t *rp_p_empty_arguments(rp_parser_t *p);

// ---- statements (parse_stmt.c) --------------------------------------------

int rp_p_statements_file(rp_parser_t *p, rp_stmt_seq_t *out);
int rp_p_statement_newline(rp_parser_t *p, rp_stmt_seq_t *out);

// ---- string literals (strings.c, fstring.c) --------------------------------

// Builds the expression for the adjacent STRING tokens toks[first ..
// first+n): Constant(str), Constant(bytes) or JoinedStr.  Returns NULL
// with the parser's error set.
rp_expr_t *rp_p_strings(rp_parser_t *p, int first, int n);

#endif
