// The parser core: the token buffer, error reporting with CPython 3.11's
// positions, node constructors, assignment targets, and rp_parse(), which
// runs a parse and settles which error wins (lexer errors later in the
// file override parser errors, as CPython's full-source check does).
//
// Error model.  A parse function returns NULL (or -1) on failure; a
// failure always has an error set in p->err, except in the few places
// that try an alternative speculatively (rp_p_save / rp_p_restore).  The
// generic "invalid syntax" points at the furthest token fetched, like
// CPython's first pass, so the functions peek exactly as far as the
// corresponding grammar rules do.
#include "parse/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- memory ------------------------------------------------------------------

void *rp_p_nomem(rp_parser_t *p)
{
    if (!p->error || p->err->kind != RP_PERR_NOMEM) {
        rp_perr_set(p->err, RP_PERR_NOMEM, 0, 0, 0, 0, NULL, 0, "%s", "");
    }
    p->error = 1;
    p->tok_error = 1;
    p->hard_error = 1;
    return NULL;
}

void *rp_p_alloc(rp_parser_t *p, size_t n)
{
    void *m = rp_arena_alloc(p->arena, n);
    if (m == NULL) {
        return rp_p_nomem(p);
    }
    return m;
}

const char *rp_p_strndup(rp_parser_t *p, const char *s, size_t n)
{
    char *d = rp_arena_strndup(p->arena, s, n);
    if (d == NULL) {
        return rp_p_nomem(p);
    }
    return d;
}

int rp_vec_push(rp_parser_t *p, rp_vec_t *v, void *x)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **a = rp_p_alloc(p, sizeof(void *) * (size_t)cap);
        if (a == NULL) {
            return -1;
        }
        if (v->n) {
            memcpy(a, v->a, sizeof(void *) * (size_t)v->n);
        }
        v->a = a;
        v->cap = cap;
    }
    v->a[v->n++] = x;
    return 0;
}

// ---- tokens ------------------------------------------------------------------

static void raise_lexer_error(rp_parser_t *p, rp_token_t *t);

rp_token_t *rp_p_fill(rp_parser_t *p)
{
    if (p->error && p->fill > 0) {
        return p->toks[p->fill - 1];
    }
    if (p->fill == p->size) {
        int size = p->size ? p->size * 2 : 256;
        rp_token_t **toks = rp_arena_alloc(p->arena, sizeof(*toks) * (size_t)size);
        if (toks == NULL) {
            rp_p_nomem(p);
            if (p->fill > 0) {
                return p->toks[p->fill - 1];
            }
            static rp_token_t dummy = { .kind = RP_TOK_ERRORTOKEN };
            return &dummy;
        }
        if (p->fill) {
            memcpy(toks, p->toks, sizeof(*toks) * (size_t)p->fill);
        }
        p->toks = toks;
        p->size = size;
    }
    rp_token_t *t = rp_arena_alloc(p->arena, sizeof(*t));
    if (t == NULL) {
        rp_p_nomem(p);
        static rp_token_t dummy2 = { .kind = RP_TOK_ERRORTOKEN };
        return p->fill > 0 ? p->toks[p->fill - 1] : &dummy2;
    }
    rp_tok_kind_t kind = rp_lexer_next(&p->lx, t);
    t->memo = 0;
    if (p->starting_col_offset && p->lx.lineno == p->line_base + 1) {
        // f-string expression: columns on the first line are relative to
        // the "(expr)" buffer; shift them onto the source line.
        if (t->col_offset >= 0) {
            t->col_offset += p->starting_col_offset;
        }
        if (t->end_col_offset >= 0) {
            t->end_col_offset += p->starting_col_offset;
        }
    }
    p->toks[p->fill++] = t;
    if (kind == RP_TOK_ERRORTOKEN) {
        raise_lexer_error(p, t);
    }
    return t;
}

rp_token_t *rp_p_last(rp_parser_t *p)
{
    for (int m = p->mark - 1; m >= 0; m--) {
        rp_token_t *t = p->toks[m];
        if (t->kind != RP_TOK_ENDMARKER && t->kind != RP_TOK_NEWLINE &&
            t->kind != RP_TOK_INDENT && t->kind != RP_TOK_DEDENT) {
            return t;
        }
    }
    return p->toks[0];
}

int rp_p_restore(rp_parser_t *p, rp_p_state_t s)
{
    if (p->error && !s.had_error) {
        // Lexer and literal errors always stop the parse; so does a
        // specific error found by a diagnostic (CPython's second pass
        // would raise it too).
        if (p->tok_error || p->hard_error ||
            (s.far >= 0 && !p->err_generic)) {
            return -1;
        }
        p->error = 0;
        p->err_generic = 0;
        p->generic_indent = 0;
        free(p->err->text);
        p->err->text = NULL;
        p->err->incomplete = 0;
    }
    p->mark = s.mark;
    if (s.far >= 0) {
        p->far = s.far;
    }
    return 0;
}

// ---- errors --------------------------------------------------------------------

static void raise_lexer_error(rp_parser_t *p, rp_token_t *t)
{
    if (p->error) {
        return;
    }
    rp_lexer_t *lx = &p->lx;
    if (lx->done == RP_LX_INCOMPLETE) {
        // Interactive input ended inside a compound statement.
        const char *ls = lx->line_start;
        size_t textlen = rp_lexer_text_len(lx, ls);
        rp_perr_set(p->err, RP_PERR_SYNTAX, lx->lineno,
                    rp_lexer_offset(lx, ls, textlen, (int)(lx->cur - ls)),
                    lx->lineno, -1, ls, textlen,
                    "unexpected EOF while parsing");
        p->err->incomplete = 1;
    } else if (lx->done != RP_LX_ERROR) {
        rp_lexer_raise_done(lx, t);
    }
    p->error = 1;
    p->tok_error = 1;
    p->hard_error = 1;
}

// The text CPython attaches to a parser error on line lineno.
static void line_text(rp_parser_t *p, int lineno, const char **text,
                      size_t *len)
{
    rp_lexer_t *lx = &p->lx;
    if (p->mode == RP_PMODE_FSTRING) {
        // The whole "(expr)" buffer up to the end of the current line.
        *text = lx->buf;
        *len = (size_t)((lx->inp > lx->buf ? lx->inp : lx->end) - lx->buf);
        return;
    }
    const char *s = rp_find_line(lx->buf, lx->end, lineno);
    if (s == NULL) {
        *text = NULL;
        *len = 0;
        return;
    }
    *text = s;
    *len = rp_lexer_text_len(lx, s);
    // Interactive input: a line before the tokenizer's current one comes
    // from the statement's saved lines, without its newline (CPython's
    // get_error_line_from_tokenizer_buffers).
    if ((p->mode & 0xff) == RP_PARSE_SINGLE && lineno < lx->lineno)
        *len = rp_line_len(s, lx->end);
}

// _PyPegen_raise_error_known_location: offsets are 1-based byte columns
// (or 0 / -1), converted to characters on the error line.
static void *raise_located(rp_parser_t *p, rp_perr_kind_t kind, int lineno,
                           int offset, int end_lineno, int end_offset,
                           const char *fmt, va_list ap)
{
    if (p->error) {
        return NULL;
    }
    const char *text;
    size_t len;
    line_text(p, lineno, &text, &len);
    char msg[256];
    if (p->mode == RP_PMODE_FSTRING) {
        memcpy(msg, "f-string: ", 10);
        vsnprintf(msg + 10, sizeof(msg) - 10, fmt, ap);
        offset -= p->starting_col_offset;
        end_offset -= p->starting_col_offset;
    } else {
        vsnprintf(msg, sizeof(msg), fmt, ap);
        if (text != NULL) {
            offset = rp_lexer_offset(&p->lx, text, len, offset);
            if (end_offset > 0) {
                end_offset = rp_lexer_offset(&p->lx, text, len, end_offset);
            }
        }
    }
    rp_perr_set(p->err, kind, lineno, offset, end_lineno, end_offset, text,
                len, "%s", msg);
    p->error = 1;
    return NULL;
}

void *rp_p_error_at(rp_parser_t *p, rp_perr_kind_t kind, int lineno,
                    int col, int end_lineno, int end_col, const char *fmt,
                    ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(p, kind, lineno, col + 1, end_lineno, end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_p_error_node(rp_parser_t *p, const rp_expr_t *e, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(p, RP_PERR_SYNTAX, e->lineno, e->col_offset + 1,
                  e->end_lineno, e->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_p_error_range(rp_parser_t *p, const rp_expr_t *a,
                       const rp_expr_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(p, RP_PERR_SYNTAX, a->lineno, a->col_offset + 1,
                  b->end_lineno, b->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_p_error_tok(rp_parser_t *p, const rp_token_t *t, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_located(p, RP_PERR_SYNTAX, t->lineno, t->col_offset + 1,
                  t->end_lineno, t->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

// _PyPegen_raise_error(use_mark=0): at the furthest token; a token without
// a column (DEDENT, ENDMARKER) takes the lexer's position.
static void *error_last_v(rp_parser_t *p, rp_perr_kind_t kind,
                          const char *fmt, va_list ap)
{
    if (p->fill == 0) {
        rp_p_peek(p);
        if (p->error) {
            return NULL;
        }
    }
    rp_token_t *t = rp_p_furthest(p);
    int col, end_col = -1;
    if (t->col_offset == -1) {
        col = t->cur_col;
        if (p->mode == RP_PMODE_FSTRING && p->lx.lineno == p->line_base + 1) {
            col += p->starting_col_offset;
        }
    } else {
        col = t->col_offset + 1;
    }
    if (t->end_col_offset != -1) {
        end_col = t->end_col_offset + 1;
    }
    return raise_located(p, kind, t->lineno, col, t->end_lineno, end_col,
                         fmt, ap);
}

void *rp_p_error_last(rp_parser_t *p, rp_perr_kind_t kind, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_last_v(p, kind, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *error_last(rp_parser_t *p, rp_perr_kind_t kind,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_last_v(p, kind, fmt, ap);
    va_end(ap);
    return NULL;
}

void *rp_p_syntax_error(rp_parser_t *p)
{
    if (p->error) {
        return NULL;
    }
    if (p->far == 0) {
        rp_p_peek(p);
        if (p->error) {
            return NULL;
        }
    }
    // CPython places it at the furthest token of its first pass.
    rp_token_t *t = p->pass2 ? &p->pass1_last : p->toks[p->far - 1];
    if (t->kind == RP_TOK_INDENT || t->kind == RP_TOK_DEDENT) {
        error_last(p, RP_PERR_INDENT, t->kind == RP_TOK_INDENT
                   ? "unexpected indent" : "unexpected unindent");
        p->generic_indent = 1;
    } else {
        // RAISE_SYNTAX_ERROR_KNOWN_LOCATION(last_token, "invalid syntax").
        rp_p_error_tok(p, t, "invalid syntax");
    }
    p->err_generic = 1;
    return NULL;
}

rp_token_t *rp_p_expect_forced(rp_parser_t *p, rp_tok_kind_t kind,
                               const char *what)
{
    rp_token_t *t = rp_p_peek(p);
    if (p->error) {
        return NULL;
    }
    if (t->kind != kind) {
        return rp_p_error_tok(p, t, "expected '%s'", what);
    }
    p->mark++;
    return t;
}

rp_token_t *rp_p_expect(rp_parser_t *p, rp_tok_kind_t kind)
{
    rp_token_t *t = rp_p_accept(p, kind);
    if (t == NULL) {
        return rp_p_fail(p);
    }
    return t;
}

// ---- nodes ---------------------------------------------------------------------

rp_expr_t *rp_p_new_expr(rp_parser_t *p, rp_expr_kind_t kind, int lineno,
                         int col, int end_lineno, int end_col)
{
    rp_expr_t *e = rp_p_alloc(p, sizeof(*e));
    if (e == NULL) {
        return NULL;
    }
    e->kind = kind;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

rp_expr_t *rp_p_expr_from(rp_parser_t *p, rp_expr_kind_t kind, int lineno,
                          int col)
{
    rp_token_t *last = rp_p_last(p);
    return rp_p_new_expr(p, kind, lineno, col, last->end_lineno,
                         last->end_col_offset);
}

rp_stmt_t *rp_p_stmt_from(rp_parser_t *p, rp_stmt_kind_t kind,
                          const rp_token_t *start)
{
    rp_stmt_t *s = rp_p_alloc(p, sizeof(*s));
    if (s == NULL) {
        return NULL;
    }
    rp_token_t *last = rp_p_last(p);
    s->kind = kind;
    s->lineno = start->lineno;
    s->col_offset = start->col_offset;
    s->end_lineno = last->end_lineno;
    s->end_col_offset = last->end_col_offset;
    return s;
}

rp_expr_t *rp_p_name(rp_parser_t *p, const rp_token_t *t)
{
    rp_expr_t *e = rp_p_new_expr(p, RP_E_NAME, t->lineno, t->col_offset,
                                 t->end_lineno, t->end_col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.name.id = rp_p_strndup(p, t->start, (size_t)(t->end - t->start));
    if (e->v.name.id == NULL) {
        return NULL;
    }
    e->v.name.ctx = RP_LOAD;
    return e;
}

// ---- targets -------------------------------------------------------------------

const char *rp_p_expr_name(const rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_ATTRIBUTE: return "attribute";
    case RP_E_SUBSCRIPT: return "subscript";
    case RP_E_STARRED: return "starred";
    case RP_E_NAME: return "name";
    case RP_E_LIST: return "list";
    case RP_E_TUPLE: return "tuple";
    case RP_E_LAMBDA: return "lambda";
    case RP_E_CALL: return "function call";
    case RP_E_BOOLOP:
    case RP_E_BINOP:
    case RP_E_UNARYOP: return "expression";
    case RP_E_GENEXP: return "generator expression";
    case RP_E_YIELD:
    case RP_E_YIELDFROM: return "yield expression";
    case RP_E_LISTCOMP: return "list comprehension";
    case RP_E_SETCOMP: return "set comprehension";
    case RP_E_DICTCOMP: return "dict comprehension";
    case RP_E_DICT: return "dict literal";
    case RP_E_SET: return "set display";
    case RP_E_JOINEDSTR:
    case RP_E_FORMATTEDVALUE: return "f-string expression";
    case RP_E_CONSTANT:
        switch (e->v.constant.kind) {
        case RP_CONST_NONE: return "None";
        case RP_CONST_FALSE: return "False";
        case RP_CONST_TRUE: return "True";
        case RP_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case RP_E_COMPARE: return "comparison";
    case RP_E_IFEXP: return "conditional expression";
    case RP_E_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

const rp_expr_t *rp_p_invalid_target(const rp_expr_t *e, rp_targets_t type)
{
    if (e == NULL) {
        return NULL;
    }
    switch (e->kind) {
    case RP_E_LIST:
    case RP_E_TUPLE:
        for (int i = 0; i < e->v.seq.elts.n; i++) {
            const rp_expr_t *c = rp_p_invalid_target(e->v.seq.elts.a[i], type);
            if (c != NULL) {
                return c;
            }
        }
        return NULL;
    case RP_E_STARRED:
        if (type == RP_TARGETS_DEL) {
            return e;
        }
        return rp_p_invalid_target(e->v.starred.value, type);
    case RP_E_COMPARE:
        // In `for a in b` the `a in b` parses as a comparison: look at
        // its left side.
        if (type == RP_TARGETS_FOR) {
            if (e->v.compare.ops[0] == RP_CMP_IN) {
                return rp_p_invalid_target(e->v.compare.left, type);
            }
            return NULL;
        }
        return e;
    case RP_E_NAME:
    case RP_E_SUBSCRIPT:
    case RP_E_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

int rp_p_raise_invalid_target(rp_parser_t *p, const rp_expr_t *e,
                              rp_targets_t type)
{
    const rp_expr_t *bad = rp_p_invalid_target(e, type);
    if (bad == NULL) {
        return 0;
    }
    rp_p_error_node(p, bad, type == RP_TARGETS_DEL ? "cannot delete %s"
                                                   : "cannot assign to %s",
                    rp_p_expr_name(bad));
    return 1;
}

void rp_p_set_context(rp_expr_t *e, rp_expr_ctx_t ctx)
{
    switch (e->kind) {
    case RP_E_NAME:
        e->v.name.ctx = ctx;
        break;
    case RP_E_ATTRIBUTE:
        e->v.attribute.ctx = ctx;
        break;
    case RP_E_SUBSCRIPT:
        e->v.subscript.ctx = ctx;
        break;
    case RP_E_STARRED:
        e->v.starred.ctx = ctx;
        rp_p_set_context(e->v.starred.value, ctx);
        break;
    case RP_E_LIST:
    case RP_E_TUPLE:
        e->v.seq.ctx = ctx;
        for (int i = 0; i < e->v.seq.elts.n; i++) {
            rp_p_set_context(e->v.seq.elts.a[i], ctx);
        }
        break;
    default:
        break;
    }
}

// ---- the entry point -----------------------------------------------------------

// CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a
// parser error, an error the lexer raises further on replaces it, and so
// does a bracket left open on a line before the error's.
static void check_rest_for_lexer_errors(rp_parser_t *p)
{
    int err_line = rp_p_furthest(p)->lineno;
    rp_parse_error_t tmp = {0};
    rp_lexer_t *lx = &p->lx;
    lx->err = &tmp;
    for (;;) {
        rp_token_t t;
        rp_tok_kind_t k = rp_lexer_next(lx, &t);
        if (k == RP_TOK_ENDMARKER) {
            break;
        }
        if (k == RP_TOK_ERRORTOKEN) {
            if (lx->done == RP_LX_ERROR) {
                rp_parse_error_clear(p->err);
                *p->err = tmp;
                tmp.text = NULL;
            } else if (lx->done == RP_LX_EOF && lx->level > 0 &&
                       err_line > lx->parenlinenostack[lx->level - 1]) {
                rp_parse_error_clear(p->err);
                lx->err = p->err;
                rp_lexer_raise_done(lx, &t);
            }
            break;
        }
    }
    rp_parse_error_clear(&tmp);
    lx->err = p->err;
}

// bad_single_statement(): anything but blanks and comments after the
// statement.
static int more_after_single(rp_parser_t *p)
{
    rp_lexer_t *lx = &p->lx;
    const char *s = lx->cur;
    for (;;) {
        while (s < lx->end && (*s == ' ' || *s == '\t' || *s == '\014' ||
                               *s == '\n')) {
            s++;
        }
        if (s >= lx->end) {
            return 0;
        }
        if (*s == '#') {
            while (s < lx->end && *s != '\n') {
                s++;
            }
            continue;
        }
        return 1;
    }
}

int rp_p_init(rp_parser_t *p, rp_arena_t *arena, const char *src,
              size_t len, const char *filename, int mode, int lx_flags,
              rp_parse_error_t *err)
{
    memset(p, 0, sizeof(*p));
    p->arena = arena;
    p->mode = mode;
    p->err = err;
    p->filename = filename;
    if (rp_lexer_init(&p->lx, arena, src, len, lx_flags, filename, err) < 0) {
        p->error = 1;
        return -1;
    }
    return 0;
}

// Runs one parse of the whole input into mod.  Returns 1 on success.
static int run(rp_parser_t *p, rp_mod_t *mod)
{
    switch (p->mode) {
    case RP_PARSE_FILE:
        // file: [statements] ENDMARKER
        mod->kind = RP_MOD_MODULE;
        return rp_p_statements_file(p, &mod->body) == 0;
    case RP_PARSE_SINGLE:
        // interactive: statement_newline
        mod->kind = RP_MOD_INTERACTIVE;
        if (rp_p_statement_newline(p, &mod->body) < 0) {
            return 0;
        }
        if (more_after_single(p)) {
            rp_p_error_last(p, RP_PERR_SYNTAX, "multiple statements found "
                            "while compiling a single statement");
            return 0;
        }
        return 1;
    default:
        // eval: expressions NEWLINE* ENDMARKER
        mod->kind = RP_MOD_EXPRESSION;
        mod->expr = rp_p_expressions(p);
        if (mod->expr == NULL) {
            return 0;
        }
        while (rp_p_accept(p, RP_TOK_NEWLINE)) {
        }
        return rp_p_expect(p, RP_TOK_ENDMARKER) != NULL;
    }
}

// Whether CPython's second pass could report a print/exec statement
// missing its parentheses: some NAME print/exec not followed by '('.
static int legacy_candidates(rp_parser_t *p)
{
    for (int i = 0; i + 1 < p->fill; i++) {
        rp_token_t *t = p->toks[i];
        size_t n = (size_t)(t->end - t->start);
        if (t->kind == RP_TOK_NAME &&
            ((n == 5 && memcmp(t->start, "print", 5) == 0) ||
             (n == 4 && memcmp(t->start, "exec", 4) == 0)) &&
            p->toks[i + 1]->kind != RP_TOK_LPAR) {
            return 1;
        }
    }
    return 0;
}

rp_mod_t *rp_parse(rp_arena_t *arena, const char *src, size_t len,
                   const char *filename, rp_parse_mode_t mode_and_flags,
                   rp_parse_error_t *err)
{
    memset(err, 0, sizeof(*err));
    int mode = (int)mode_and_flags & 0xff;
    int flags = (int)mode_and_flags & ~0xff;
    if (mode != RP_PARSE_FILE && mode != RP_PARSE_SINGLE &&
        mode != RP_PARSE_EVAL) {
        rp_perr_set(err, RP_PERR_SYNTAX, 0, 0, 0, 0, NULL, 0,
                    "invalid parse mode");
        return NULL;
    }
    int lx_flags = 0;
    if (mode == RP_PARSE_SINGLE) {
        lx_flags |= RP_LX_INTERACTIVE;
        if (flags & RP_PARSE_FLAG_STOP)
            lx_flags |= RP_LX_STOP;
    } else if (mode == RP_PARSE_FILE && !(flags & RP_PARSE_FLAG_STRING)) {
        lx_flags |= RP_LX_FILE_INPUT;
    }
    rp_parser_t p;
    if (rp_p_init(&p, arena, src, len, filename, mode, lx_flags, err) < 0) {
        return NULL;
    }
    rp_mod_t *mod = rp_p_alloc(&p, sizeof(*mod));
    if (mod == NULL) {
        return NULL;
    }
    if (run(&p, mod)) {
        return mod;
    }
    if (!p.error) {
        rp_p_syntax_error(&p);
    }
    if (!p.tok_error && err->kind != RP_PERR_NOMEM && legacy_candidates(&p)) {
        // CPython's second pass also tries its invalid_* rules on valid
        // code; of those only `print -1` style statements change the
        // outcome, reported at their own (earlier) position.
        rp_parse_error_t first = *err;
        memset(err, 0, sizeof(*err));
        rp_parser_t p2;
        if (rp_p_init(&p2, arena, src, len, filename, mode, lx_flags,
                      err) == 0) {
            p2.pass2 = 1;
            p2.pass1_last = *p.toks[p.far > 0 ? p.far - 1 : 0];
            rp_mod_t mod2;
            if (!run(&p2, &mod2) && p2.error &&
                strncmp(err->msg, "Missing parentheses in call to ", 31) == 0) {
                free(first.text);
                rp_p_finish_error(&p2);
                return NULL;
            }
        }
        rp_parse_error_clear(err);
        *err = first;
    }
    rp_p_finish_error(&p);
    return NULL;
}

void rp_p_finish_error(rp_parser_t *p)
{
    if (!p->error) {
        rp_p_syntax_error(p);
    }
    if (!p->tok_error && !p->generic_indent && p->mode != RP_PARSE_SINGLE &&
        p->err->kind != RP_PERR_NOMEM) {
        check_rest_for_lexer_errors(p);
    }
    char *text = p->err->text;
    size_t len = text ? strlen(text) : 0;
    // Errors CPython's tokenizer raises itself carry the whole line; the
    // parser's (and "'(' was never closed") read the line back from the
    // file 999 bytes at a time and keep the last piece, so a longer line
    // shows only its tail (source without a file, such as -c, shows the
    // whole line).
    int from_parser = !p->tok_error || strstr(p->err->msg, "was never closed") != NULL;
    if ((p->lx.flags & RP_LX_FILE_INPUT) && len > 999 && from_parser && p->filename &&
        p->filename[0] != '<') {
        size_t tail = len % 999 ? len % 999 : 999;
        memmove(text, text + (len - tail), tail + 1);
    }
}
