// Atoms, displays and comprehensions: names, numbers, strings, (...)
// tuples, groups and generator expressions, [...] lists, {...} dicts and
// sets, comprehension clauses, with CPython's messages for misused
// starred items, missing dict values and unparenthesized targets.
#define _GNU_SOURCE 1
#include "parse/parse_internal.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define TOK(k) RP_TOK_##k

// ---- comprehensions -------------------------------------------------------------

// The target of a `for` clause.  On failure re-parses the text after
// 'for' as CPython's invalid_for_target does:
//     invalid_for_target: 'for' a=star_expressions
rp_expr_t *rp_p_for_target(rp_parser_t *p)
{
    // A target that failed at this token fails again (in the same pass and
    // mode): remembering it keeps nested `f(x for a.g(y for b.h(...`
    // linear instead of exponential (CPython memoises t_primary).
    rp_token_t *at = rp_p_peek(p);
    unsigned char bit = (unsigned char)(RP_MEMO_FOR_TARGET << (2 * (p->pass2 != 0) +
                                                              (p->no_invalid != 0)));
    if (at->memo & bit) {
        return p->no_invalid ? rp_p_fail(p) : rp_p_syntax_error(p);
    }
    rp_p_state_t s = rp_p_save(p);
    p->no_invalid++;
    rp_expr_t *t = rp_p_star_targets(p);
    p->no_invalid--;
    if (t != NULL && rp_p_at(p, TOK(KW_IN)) &&
        rp_p_invalid_target(t, RP_TARGETS_STAR) == NULL) {
        rp_p_set_context(t, RP_STORE);
        return t;
    }
    if (rp_p_restore(p, s) < 0) {
        return NULL;
    }
    if (p->no_invalid) {
        // Inside expression_without_invalid: only the first pass runs.
        rp_p_star_targets(p);
        at->memo |= bit;
        return rp_p_fail(p);
    }
    rp_p_state_t d = rp_p_diag(p);
    rp_expr_t *e = rp_p_star_expressions(p);
    if (e != NULL && rp_p_raise_invalid_target(p, e, RP_TARGETS_FOR)) {
        return NULL;
    }
    // Nothing found: the first-pass failure stands.
    if (rp_p_restore(p, d) < 0) {
        return NULL;
    }
    at->memo |= bit;
    return rp_p_syntax_error(p);
}

// for_if_clauses: for_if_clause+
// for_if_clause:
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | invalid_for_target
int rp_p_for_if_clauses(rp_parser_t *p, rp_comp_seq_t *out)
{
    rp_vec_t v = {0};
    while (rp_p_at(p, TOK(KW_FOR))) {
        p->mark++;
        rp_expr_t *target = rp_p_for_target(p);
        if (target == NULL) {
            return -1;
        }
        p->mark++;   // 'in'
        rp_expr_t *iter = rp_p_disjunction(p);
        if (iter == NULL) {
            return -1;
        }
        rp_vec_t ifs = {0};
        while (rp_p_accept(p, TOK(KW_IF))) {
            rp_expr_t *c = rp_p_disjunction(p);
            if (c == NULL || rp_vec_push(p, &ifs, c) < 0) {
                return -1;
            }
        }
        rp_comprehension_t *comp = rp_p_alloc(p, sizeof(*comp));
        if (comp == NULL) {
            return -1;
        }
        comp->target = target;
        comp->iter = iter;
        comp->ifs = rp_p_expr_seq(&ifs);
        if (rp_vec_push(p, &v, comp) < 0) {
            return -1;
        }
    }
    if (p->error) {
        return -1;
    }
    out->n = v.n;
    out->a = (rp_comprehension_t **)v.a;
    return 0;
}

// A comprehension of kind k whose element e has been parsed after the
// opening bracket `open`; the closing bracket is `close`.
rp_expr_t *rp_p_comprehension(rp_parser_t *p, rp_expr_kind_t k,
                                rp_token_t *open, rp_expr_t *e,
                                rp_tok_kind_t close)
{
    if (e->kind == RP_E_STARRED) {
        // invalid_comprehension:
        //     ('[' | '(' | '{') a=starred_expression for_if_clauses
        return rp_p_error_node(p, e, "iterable unpacking cannot be used in "
                               "comprehension");
    }
    rp_comp_seq_t gens;
    if (rp_p_for_if_clauses(p, &gens) < 0) {
        return NULL;
    }
    if (rp_p_expect(p, close) == NULL) {
        return NULL;
    }
    rp_expr_t *c = rp_p_expr_from(p, k, open->lineno, open->col_offset);
    if (c == NULL) {
        return NULL;
    }
    c->v.comp.elt = e;
    c->v.comp.generators = gens;
    return c;
}

// Raises invalid_comprehension's "did you forget parentheses" when a
// display `[a, b for ...` meets 'for'.
//     ('[' | '{') a=star_named_expression ',' b=star_named_expressions
//         for_if_clauses
//     ('[' | '{') a=star_named_expression b=',' for_if_clauses
static void *forgot_parentheses(rp_parser_t *p, rp_vec_t *elts,
                                rp_token_t *last_comma)
{
    if (p->no_invalid) {
        return rp_p_fail(p);
    }
    rp_p_state_t s = rp_p_diag(p);
    rp_comp_seq_t gens;
    int ok = rp_p_for_if_clauses(p, &gens) == 0;
    if (rp_p_restore(p, s) < 0) {
        return NULL;
    }
    if (!ok) {
        return rp_p_syntax_error(p);
    }
    rp_expr_t *a = elts->a[0];
    if (elts->n == 1) {
        return rp_p_error_at(p, RP_PERR_SYNTAX, a->lineno, a->col_offset,
                             last_comma->end_lineno,
                             last_comma->end_col_offset,
                             "did you forget parentheses around the "
                             "comprehension target?");
    }
    return rp_p_error_range(p, a, elts->a[elts->n - 1], "did you forget "
                            "parentheses around the comprehension target?");
}

// The rest of a list/tuple/set display after its first element e:
// (',' star_named_expression)* [','], stopping before the closing
// bracket.
static int display_rest(rp_parser_t *p, rp_vec_t *v, rp_expr_t *e,
                        int check_comp)
{
    if (rp_vec_push(p, v, e) < 0) {
        return -1;
    }
    rp_token_t *comma = NULL;
    while ((comma = rp_p_accept(p, TOK(COMMA))) != NULL) {
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (!rp_p_starts_star_expression(k)) {
            if (check_comp && k == TOK(KW_FOR)) {
                forgot_parentheses(p, v, comma);
                return -1;
            }
            break;
        }
        e = rp_p_star_named_expression(p);
        if (e == NULL || rp_vec_push(p, v, e) < 0) {
            return -1;
        }
    }
    if (check_comp && v->n > 1 && rp_p_at(p, TOK(KW_FOR))) {
        forgot_parentheses(p, v, NULL);
        return -1;
    }
    return p->error ? -1 : 0;
}

// ---- atoms ----------------------------------------------------------------------

// '(' ... ')': tuple, group or genexp.
//     tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
//     group: '(' (yield_expr | named_expression) ')' | invalid_group
//     genexp: '(' (assignment_expression | expression !':=')
//             for_if_clauses ')'
static rp_expr_t *paren_atom(rp_parser_t *p)
{
    rp_token_t *open = rp_p_next(p);
    rp_token_t *t = rp_p_peek(p);
    if (t->kind == TOK(RPAR)) {
        p->mark++;
        rp_expr_t *e = rp_p_expr_from(p, RP_E_TUPLE, open->lineno,
                                      open->col_offset);
        if (e != NULL) {
            e->v.seq.ctx = RP_LOAD;
        }
        return e;
    }
    if (t->kind == TOK(KW_YIELD)) {
        rp_expr_t *y = rp_p_yield_expr(p);
        if (y == NULL || rp_p_expect(p, TOK(RPAR)) == NULL) {
            return NULL;
        }
        return y;
    }
    if (t->kind == TOK(DOUBLESTAR) && !p->no_invalid) {
        // invalid_group: '(' a='**' expression ')'
        rp_p_state_t s = rp_p_diag(p);
        p->mark++;
        if (rp_p_expression(p) != NULL && rp_p_at(p, TOK(RPAR))) {
            return rp_p_error_tok(p, t, "cannot use double starred "
                                  "expression here");
        }
        rp_p_restore(p, s);
        return rp_p_fail(p);
    }
    rp_expr_t *e = rp_p_star_named_expression(p);
    if (e == NULL) {
        return NULL;
    }
    rp_token_t *next = rp_p_peek(p);
    if (p->error) {
        return NULL;
    }
    if (next->kind == TOK(RPAR)) {
        if (e->kind == RP_E_STARRED) {
            if (p->no_invalid) {
                return rp_p_fail(p);
            }
            // invalid_group: '(' a=starred_expression ')'
            return rp_p_error_node(p, e, "cannot use starred expression "
                                   "here");
        }
        p->mark++;
        return e;
    }
    if (next->kind == TOK(KW_FOR)) {
        return rp_p_comprehension(p, RP_E_GENEXP, open, e, TOK(RPAR));
    }
    if (next->kind != TOK(COMMA)) {
        return rp_p_fail(p);
    }
    rp_vec_t v = {0};
    if (display_rest(p, &v, e, 0) < 0 ||
        rp_p_expect(p, TOK(RPAR)) == NULL) {
        return NULL;
    }
    rp_expr_t *tup = rp_p_expr_from(p, RP_E_TUPLE, open->lineno,
                                    open->col_offset);
    if (tup == NULL) {
        return NULL;
    }
    tup->v.seq.elts = rp_p_expr_seq(&v);
    tup->v.seq.ctx = RP_LOAD;
    return tup;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
static rp_expr_t *list_atom(rp_parser_t *p)
{
    rp_token_t *open = rp_p_next(p);
    rp_vec_t v = {0};
    if (!rp_p_at(p, TOK(RSQB))) {
        rp_expr_t *e = rp_p_star_named_expression(p);
        if (e == NULL) {
            return NULL;
        }
        if (rp_p_at(p, TOK(KW_FOR))) {
            return rp_p_comprehension(p, RP_E_LISTCOMP, open, e, TOK(RSQB));
        }
        if (display_rest(p, &v, e, 1) < 0) {
            return NULL;
        }
    }
    if (rp_p_expect(p, TOK(RSQB)) == NULL) {
        return NULL;
    }
    rp_expr_t *l = rp_p_expr_from(p, RP_E_LIST, open->lineno,
                                  open->col_offset);
    if (l == NULL) {
        return NULL;
    }
    l->v.seq.elts = rp_p_expr_seq(&v);
    l->v.seq.ctx = RP_LOAD;
    return l;
}

// The value after `key ':'` in a dict display, with the checks of
// invalid_double_starred_kvpairs / invalid_kvpair:
//     | expression ':' a='*' bitwise_or
//     | expression a=':' &('}'|',')
static rp_expr_t *dict_value(rp_parser_t *p, rp_token_t *colon)
{
    rp_token_t *t = rp_p_peek(p);
    if (!p->no_invalid && !p->error) {
        if (t->kind == TOK(STAR)) {
            rp_p_state_t s = rp_p_diag(p);
            p->mark++;
            if (rp_p_bitwise_or(p) != NULL) {
                rp_lexer_t *lx = &p->lx;
                return rp_p_error_at(p, RP_PERR_SYNTAX, t->lineno,
                                     t->col_offset, lx->lineno,
                                     (int)(lx->cur - lx->line_start) - 1,
                                     "cannot use a starred expression in a "
                                     "dictionary value");
            }
            if (rp_p_restore(p, s) < 0) {
                return NULL;
            }
        } else if (t->kind == TOK(RBRACE) || t->kind == TOK(COMMA)) {
            return rp_p_error_tok(p, colon, "expression expected after "
                                  "dictionary key and ':'");
        }
    }
    return rp_p_expression(p);
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
// double_starred_kvpair: '**' bitwise_or | kvpair
// kvpair: expression ':' expression
static rp_expr_t *brace_atom(rp_parser_t *p)
{
    rp_token_t *open = rp_p_next(p);
    rp_vec_t keys = {0}, values = {0};
    if (rp_p_at(p, TOK(RBRACE))) {
        goto make_dict;
    }
    rp_token_t *first = rp_p_peek(p);
    if (first->kind == TOK(DOUBLESTAR)) {
        p->mark++;
        rp_expr_t *v = rp_p_bitwise_or(p);
        if (v == NULL) {
            return NULL;
        }
        if (rp_p_at(p, TOK(KW_FOR)) && !p->no_invalid) {
            // invalid_dict_comprehension: '{' a='**' bitwise_or
            //     for_if_clauses '}'
            return rp_p_error_tok(p, first, "dict unpacking cannot be used "
                                  "in dict comprehension");
        }
        if (rp_vec_push(p, &keys, NULL) < 0 ||
            rp_vec_push(p, &values, v) < 0) {
            return NULL;
        }
        goto dict_rest;
    }
    rp_expr_t *e = rp_p_star_named_expression(p);
    if (e == NULL) {
        return NULL;
    }
    // A walrus key must be parenthesized (kvpair: expression ':' ...).
    int bare_walrus = e->kind == RP_E_NAMEDEXPR && first->kind == TOK(NAME);
    rp_token_t *colon = rp_p_accept(p, TOK(COLON));
    if (colon == NULL) {
        // A set.
        if (rp_p_at(p, TOK(KW_FOR))) {
            return rp_p_comprehension(p, RP_E_SETCOMP, open, e, TOK(RBRACE));
        }
        rp_vec_t elts = {0};
        if (display_rest(p, &elts, e, 1) < 0 ||
            rp_p_expect(p, TOK(RBRACE)) == NULL) {
            return NULL;
        }
        rp_expr_t *s = rp_p_expr_from(p, RP_E_SET, open->lineno,
                                      open->col_offset);
        if (s == NULL) {
            return NULL;
        }
        s->v.set.elts = rp_p_expr_seq(&elts);
        return s;
    }
    if (e->kind == RP_E_STARRED || bare_walrus) {
        p->mark--;
        return rp_p_fail(p);
    }
    rp_expr_t *v = dict_value(p, colon);
    if (v == NULL) {
        return NULL;
    }
    if (rp_p_at(p, TOK(KW_FOR))) {
        rp_comp_seq_t gens;
        if (rp_p_for_if_clauses(p, &gens) < 0 ||
            rp_p_expect(p, TOK(RBRACE)) == NULL) {
            return NULL;
        }
        rp_expr_t *c = rp_p_expr_from(p, RP_E_DICTCOMP, open->lineno,
                                      open->col_offset);
        if (c == NULL) {
            return NULL;
        }
        c->v.dictcomp.key = e;
        c->v.dictcomp.value = v;
        c->v.dictcomp.generators = gens;
        return c;
    }
    if (rp_vec_push(p, &keys, e) < 0 || rp_vec_push(p, &values, v) < 0) {
        return NULL;
    }
dict_rest:
    while (rp_p_accept(p, TOK(COMMA))) {
        rp_token_t *t = rp_p_peek(p);
        if (t->kind == TOK(DOUBLESTAR)) {
            p->mark++;
            rp_expr_t *dv = rp_p_bitwise_or(p);
            if (dv == NULL || rp_vec_push(p, &keys, NULL) < 0 ||
                rp_vec_push(p, &values, dv) < 0) {
                return NULL;
            }
            continue;
        }
        if (!rp_p_starts_expression(t->kind)) {
            break;
        }
        rp_expr_t *k = rp_p_expression(p);
        if (k == NULL) {
            return NULL;
        }
        rp_token_t *c = rp_p_accept(p, TOK(COLON));
        if (c == NULL) {
            if (p->error) {
                return NULL;
            }
            if (p->no_invalid) {
                return rp_p_fail(p);
            }
            // invalid_kvpair: a=expression !(':')
            return rp_p_error_at(p, RP_PERR_SYNTAX, k->lineno,
                                 k->end_col_offset - 1, k->end_lineno, -1,
                                 "':' expected after dictionary key");
        }
        rp_expr_t *kv = dict_value(p, c);
        if (kv == NULL || rp_vec_push(p, &keys, k) < 0 ||
            rp_vec_push(p, &values, kv) < 0) {
            return NULL;
        }
    }
make_dict:
    if (rp_p_expect(p, TOK(RBRACE)) == NULL) {
        return NULL;
    }
    rp_expr_t *d = rp_p_expr_from(p, RP_E_DICT, open->lineno,
                                  open->col_offset);
    if (d == NULL) {
        return NULL;
    }
    d->v.dict.keys = rp_p_expr_seq(&keys);
    d->v.dict.values = rp_p_expr_seq(&values);
    return d;
}

static rp_expr_t *constant(rp_parser_t *p, rp_token_t *t, rp_const_kind_t k)
{
    rp_expr_t *e = rp_p_new_expr(p, RP_E_CONSTANT, t->lineno, t->col_offset,
                                 t->end_lineno, t->end_col_offset);
    if (e != NULL) {
        e->v.constant.kind = k;
    }
    return e;
}

// A NUMBER token: the text without underscores; floats also get their
// value.
static rp_expr_t *number(rp_parser_t *p, rp_token_t *t)
{
    rp_const_kind_t k = t->flags == RP_NUM_FLOAT ? RP_CONST_FLOAT
                      : t->flags == RP_NUM_IMAG ? RP_CONST_IMAG
                      : RP_CONST_INT;
    rp_expr_t *e = constant(p, t, k);
    if (e == NULL) {
        return NULL;
    }
    size_t n = (size_t)(t->end - t->start);
    char *text = rp_p_alloc(p, n + 1);
    if (text == NULL) {
        return NULL;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (t->start[i] != '_') {
            text[j++] = t->start[i];
        }
    }
    text[j] = '\0';
    if (k == RP_CONST_IMAG) {
        text[--j] = '\0';   // drop the 'j'
    }
    e->v.constant.text = text;
    e->v.constant.len = j;
    if (k != RP_CONST_INT) {
        e->v.constant.f = rp_p_strtod(text);
    }
    return e;
}

// atom:
//     | NAME
//     | 'True' | 'False' | 'None'
//     | &STRING strings
//     | NUMBER
//     | &'(' (tuple | group | genexp)
//     | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp)
//     | '...'
rp_expr_t *rp_p_atom(rp_parser_t *p)
{
    rp_token_t *t = rp_p_peek(p);
    if (p->error) {
        return NULL;
    }
    switch (t->kind) {
    case TOK(NAME):
        p->mark++;
        return rp_p_name(p, t);
    case TOK(KW_TRUE):
        p->mark++;
        return constant(p, t, RP_CONST_TRUE);
    case TOK(KW_FALSE):
        p->mark++;
        return constant(p, t, RP_CONST_FALSE);
    case TOK(KW_NONE):
        p->mark++;
        return constant(p, t, RP_CONST_NONE);
    case TOK(ELLIPSIS):
        p->mark++;
        return constant(p, t, RP_CONST_ELLIPSIS);
    case TOK(NUMBER):
        p->mark++;
        return number(p, t);
    case TOK(STRING): {
        // strings: STRING+
        int first = p->mark;
        while (rp_p_at(p, TOK(STRING))) {
            p->mark++;
        }
        if (p->error) {
            return NULL;
        }
        return rp_p_strings(p, first, p->mark - first);
    }
    case TOK(LPAR):
        return paren_atom(p);
    case TOK(LSQB):
        return list_atom(p);
    case TOK(LBRACE):
        return brace_atom(p);
    default:
        return rp_p_syntax_error(p);
    }
}

// ---- numbers ----------------------------------------------------------------------

// Float literals are read in the C locale whatever the process locale is.
double rp_p_strtod(const char *text)
{
    static locale_t c_locale;
    if (c_locale == (locale_t)0) {
        c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    }
    if (c_locale != (locale_t)0) {
        return strtod_l(text, NULL, c_locale);
    }
    return strtod(text, NULL);
}
