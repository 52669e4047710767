// f-strings as CPython 3.11 parses them: the literal parts and the
// replacement fields are found by scanning the string token's text, each
// expression is parsed by a sub-parser over "(" expr ")" whose positions
// are shifted onto the source line, and the pieces become a JoinedStr of
// Constant and FormattedValue nodes.
#include "parse/fstring.h"

#include <stdio.h>
#include <string.h>

#define TOK(k) RP_TOK_##k

static rp_expr_t *str_node(rp_parser_t *p, rp_fstate_t *st,
                           const rp_token_t *first, const rp_token_t *last)
{
    rp_expr_t *e = rp_p_new_expr(p, RP_E_CONSTANT, first->lineno,
                                 first->col_offset, last->end_lineno,
                                 last->end_col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.constant.kind = RP_CONST_STR;
    e->v.constant.text = st->last_str.a ? st->last_str.a : "";
    e->v.constant.len = st->last_str.n;
    st->last_str = (rp_buf_t){0};
    return e;
}

int rp_fstate_add_literal(rp_parser_t *p, rp_fstate_t *st, const char *s,
                          size_t n)
{
    if (n == 0) {
        return 0;
    }
    return rp_buf_append(p, &st->last_str, s, n);
}

rp_expr_t *rp_fstate_finish(rp_parser_t *p, rp_fstate_t *st,
                            const rp_token_t *first, const rp_token_t *last)
{
    if (!st->fmode) {
        return str_node(p, st, first, last);
    }
    if (st->last_str.n > 0) {
        rp_expr_t *c = str_node(p, st, first, last);
        if (c == NULL || rp_vec_push(p, &st->exprs, c) < 0) {
            return NULL;
        }
    }
    rp_expr_t *j = rp_p_new_expr(p, RP_E_JOINEDSTR, first->lineno,
                                 first->col_offset, last->end_lineno,
                                 last->end_col_offset);
    if (j != NULL) {
        j->v.joinedstr.values = rp_p_expr_seq(&st->exprs);
    }
    return j;
}

// Errors of the f-string scanner: at the furthest token, final.
static int fs_error(rp_parser_t *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fs_error(rp_parser_t *p, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    rp_p_error_last(p, RP_PERR_SYNTAX, "%s", msg);
    p->hard_error = 1;
    return -1;
}

// fstring_find_expr_location: how far the expression at '{' (brace) is
// from the start of the token's first line, in lines and columns.
static void expr_location(const rp_token_t *t, const char *brace,
                          int *lines, int *cols)
{
    const char *tstart = t->start;
    *lines = 0;
    *cols = 0;
    int newline_after_brace = 1;
    const char *s = brace + 1;
    while (s < t->end && *s != '}' && *s != '\n') {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
        s++;
    }
    if (!newline_after_brace) {
        s = brace;
        while (s > tstart && *s != '\n') {
            s--;
        }
        *cols += (int)(brace - s);
        if (*s == '\n') {
            *cols -= 1;
        }
    }
    for (s = tstart; s < brace; s++) {
        if (*s == '\n') {
            (*lines)++;
        }
    }
}

// fstring_compile_expr: parses expr_start..expr_end (the text between
// '{' and the conversion/format spec/'}') as "(" expr ")".
static rp_expr_t *compile_expr(rp_parser_t *p, const char *expr_start,
                               const char *expr_end, const rp_token_t *t)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++) {
        char c = *s;
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) {
            break;
        }
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            fs_error(p, "f-string: expression required before '%c'",
                     *expr_end);
        } else {
            fs_error(p, "f-string: empty expression not allowed");
        }
        return NULL;
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *buf = rp_p_alloc(p, len + 3);
    if (buf == NULL) {
        return NULL;
    }
    buf[0] = '(';
    memcpy(buf + 1, expr_start, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\0';
    int lines, cols;
    expr_location(t, expr_start - 1, &lines, &cols);

    rp_parser_t sub;
    if (rp_p_init(&sub, p->arena, buf, len + 2, p->filename, RP_PMODE_FSTRING,
                  RP_LX_BYTE_OFFSETS, p->err) < 0) {
        p->error = p->tok_error = p->hard_error = 1;
        return NULL;
    }
    sub.line_base = t->lineno + lines - 1;
    sub.lx.lineno = sub.line_base;
    sub.starting_col_offset = lines ? cols : t->col_offset + cols;
    sub.depth = p->depth;
    sub.parent = p;
    // fstring: star_expressions
    rp_expr_t *e = rp_p_star_expressions(&sub);
    if (e == NULL) {
        rp_p_finish_error(&sub);
        p->error = 1;
        p->hard_error = 1;
        if (p->err->kind == RP_PERR_NOMEM) {
            p->tok_error = 1;
        }
        return NULL;
    }
    return e;
}

// fstring_find_literal: the literal text up to the next '{' (or '}' of a
// format spec), undoubling braces at the top level.  Returns -1 on error,
// 1 when the caller should continue after a doubled brace, else 0.
static int find_literal(rp_parser_t *p, const char **str, const char *end,
                        int raw, rp_buf_t *literal, int lvl,
                        const rp_token_t *t)
{
    const char *s = *str;
    const char *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                break;
            }
            if (ch == '{' && rp_parse_warn_hook != NULL) {
                rp_parse_warn_hook(RP_PWARN_DEPRECATION, p->filename,
                                   t->lineno, "invalid escape sequence '\\{'");
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    return fs_error(p, "f-string: single '}' is not allowed");
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s &&
        rp_p_decode_literal(p, literal, literal_start,
                            (size_t)(s - literal_start), raw, 0, t) < 0) {
        return -1;
    }
    return result;
}

static rp_expr_t *fstring_parse(rp_parser_t *p, const char **str,
                                const char *end, int raw, int lvl,
                                const rp_token_t *first, const rp_token_t *t,
                                const rp_token_t *last);

// fstring_find_expr: one replacement field starting at '{'.
static int find_expr(rp_parser_t *p, const char **str, const char *end,
                     int raw, int lvl, rp_buf_t *expr_text,
                     rp_expr_t **expression, const rp_token_t *first,
                     const rp_token_t *t, const rp_token_t *last)
{
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[RP_LX_MAXLEVEL];
    rp_expr_t *format_spec = NULL;
    int conversion = -1;
    int has_text = 0;

    if (lvl >= 2) {
        return fs_error(p, "f-string: expressions nested too deeply");
    }
    *str += 1;   // the '{'
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            return fs_error(p, "f-string expression part cannot include a "
                             "backslash");
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                } else {
                    quote_char = 0;
                    string_type = 0;
                    continue;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= RP_LX_MAXLEVEL) {
                return fs_error(p, "f-string: too many nested parenthesis");
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            return fs_error(p, "f-string expression part cannot include '#'");
        } else if (nested_depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                    ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            // A lone '<' or '>' does not end the expression (unlike '!').
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                return fs_error(p, "f-string: unmatched '%c'", ch);
            }
            nested_depth--;
            int opening = (unsigned char)parenstack[nested_depth];
            if (!((opening == '(' && ch == ')') ||
                  (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                return fs_error(p, "f-string: closing parenthesis '%c' does not "
                                 "match opening parenthesis '%c'", ch,
                              opening);
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        return fs_error(p, "f-string: unterminated string");
    }
    if (nested_depth) {
        return fs_error(p, "f-string: unmatched '%c'",
                      parenstack[nested_depth - 1]);
    }
    if (*str >= end) {
        goto unexpected_end;
    }
    // Compile the expression first, so its errors come before errors in
    // the conversion or the format spec.
    rp_expr_t *simple = compile_expr(p, expr_start, expr_end, t);
    if (simple == NULL) {
        return -1;
    }
    if (**str == '=') {
        *str += 1;
        while (**str == ' ' || **str == '\t' || **str == '\n' ||
               **str == '\r' || **str == '\f' || **str == '\v') {
            *str += 1;
        }
        if (rp_buf_append(p, expr_text, expr_start,
                          (size_t)(*str - expr_start)) < 0) {
            return -1;
        }
        has_text = 1;
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            return fs_error(p, "f-string: invalid conversion character: "
                             "expected 's', 'r', or 'a'");
        }
    }
    if (*str >= end) {
        goto unexpected_end;
    }
    if (**str == ':') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        format_spec = fstring_parse(p, str, end, raw, lvl + 1, first, t, last);
        if (format_spec == NULL) {
            return -1;
        }
    }
    if (*str >= end || **str != '}') {
        goto unexpected_end;
    }
    *str += 1;
    if (has_text && format_spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    rp_expr_t *fv = rp_p_new_expr(p, RP_E_FORMATTEDVALUE, first->lineno,
                                  first->col_offset, last->end_lineno,
                                  last->end_col_offset);
    if (fv == NULL) {
        return -1;
    }
    fv->v.formattedvalue.value = simple;
    fv->v.formattedvalue.conversion = conversion;
    fv->v.formattedvalue.format_spec = format_spec;
    *expression = fv;
    return 0;

unexpected_end:
    return fs_error(p, "f-string: expecting '}'");
}

int rp_p_fstring(rp_parser_t *p, rp_fstate_t *st, const char *s, size_t len,
                 int raw, int lvl, const rp_token_t *first,
                 const rp_token_t *t, const rp_token_t *last)
{
    const char **str = &s;
    const char *end = s + len;
    return rp_p_fstring_at(p, st, str, end, raw, lvl, first, t, last);
}

// _PyPegen_FstringParser_ConcatFstring from *str to end.
int rp_p_fstring_at(rp_parser_t *p, rp_fstate_t *st, const char **str,
                    const char *end, int raw, int lvl,
                    const rp_token_t *first, const rp_token_t *t,
                    const rp_token_t *last)
{
    st->fmode = 1;
    for (;;) {
        rp_buf_t literal = {0};
        rp_buf_t expr_text = {0};
        rp_expr_t *expression = NULL;
        int result = find_literal(p, str, end, raw, &literal, lvl, t);
        if (result < 0) {
            return -1;
        }
        if (result == 0 && *str < end && **str != '}') {
            if (find_expr(p, str, end, raw, lvl, &expr_text, &expression,
                          first, t, last) < 0) {
                return -1;
            }
        }
        if (rp_fstate_add_literal(p, st, literal.a, literal.n) < 0 ||
            rp_fstate_add_literal(p, st, expr_text.a, expr_text.n) < 0) {
            return -1;
        }
        if (result == 1) {
            continue;
        }
        if (expression == NULL) {
            break;
        }
        if (st->last_str.n > 0) {
            rp_expr_t *c = str_node(p, st, first, last);
            if (c == NULL || rp_vec_push(p, &st->exprs, c) < 0) {
                return -1;
            }
        }
        if (rp_vec_push(p, &st->exprs, expression) < 0) {
            return -1;
        }
    }
    if (lvl == 0 && *str < end - 1) {
        return fs_error(p, "f-string: unexpected end of string");
    }
    if (lvl != 0 && **str != '}') {
        return fs_error(p, "f-string: expecting '}'");
    }
    return 0;
}

// fstring_parse: a nested format spec, as a JoinedStr spanning token t.
static rp_expr_t *fstring_parse(rp_parser_t *p, const char **str,
                                const char *end, int raw, int lvl,
                                const rp_token_t *first, const rp_token_t *t,
                                const rp_token_t *last)
{
    rp_fstate_t st;
    rp_fstate_init(&st);
    if (rp_p_fstring_at(p, &st, str, end, raw, lvl, first, t, last) < 0) {
        return NULL;
    }
    return rp_fstate_finish(p, &st, t, t);
}
