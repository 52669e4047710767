// Call arguments (positional, keyword, *args, **kwargs, a sole generator
// expression) and the parameter lists of def and lambda, with CPython's
// messages for misplaced arguments and parameters.
#include "parse/parse_internal.h"

#include <string.h>

#define TOK(k) RP_TOK_##k

// ---- call arguments -------------------------------------------------------------

static rp_keyword_t *keyword(rp_parser_t *p, rp_token_t *start,
                             const char *arg, rp_expr_t *value)
{
    rp_keyword_t *k = rp_p_alloc(p, sizeof(*k));
    if (k == NULL) {
        return NULL;
    }
    rp_token_t *last = rp_p_last(p);
    k->arg = arg;
    k->value = value;
    k->lineno = start->lineno;
    k->col_offset = start->col_offset;
    k->end_lineno = last->end_lineno;
    k->end_col_offset = last->end_col_offset;
    return k;
}

static void genexp_error(rp_parser_t *p, const rp_expr_t *a,
                         const rp_comp_seq_t *gens)
{
    const rp_comprehension_t *c = gens->a[gens->n - 1];
    const rp_expr_t *b = c->ifs.n ? c->ifs.a[c->ifs.n - 1] : c->iter;
    rp_p_error_range(p, a, b, "Generator expression must be parenthesized");
}

// "Generator expression must be parenthesized" over a..(the last item of
// the comprehension clauses that follow).
static int unparenthesized_genexp(rp_parser_t *p, const rp_expr_t *a)
{
    rp_comp_seq_t gens;
    if (rp_p_for_if_clauses(p, &gens) < 0) {
        return -1;
    }
    genexp_error(p, a, &gens);
    return -1;
}

// primary genexp: `f(x for x in y)`, the GeneratorExp spanning the
// call's parentheses from open to ')'.
static int sole_genexp(rp_parser_t *p, rp_token_t *open, rp_expr_t *e,
                       rp_expr_seq_t *args, rp_keyword_seq_t *keywords)
{
    rp_comp_seq_t gens;
    if (rp_p_for_if_clauses(p, &gens) < 0) {
        return -1;
    }
    if (rp_p_at(p, TOK(COMMA)) && !p->no_invalid) {
        // invalid_arguments: a=expression b=for_if_clauses ',' [...]
        genexp_error(p, e, &gens);
        return -1;
    }
    if (rp_p_expect(p, TOK(RPAR)) == NULL) {
        return -1;
    }
    rp_expr_t *g = rp_p_expr_from(p, RP_E_GENEXP, open->lineno,
                                  open->col_offset);
    rp_expr_t **one = rp_p_alloc(p, sizeof(*one));
    if (g == NULL || one == NULL) {
        return -1;
    }
    g->v.comp.elt = e;
    g->v.comp.generators = gens;
    one[0] = g;
    args->n = 1;
    args->a = one;
    keywords->n = 0;
    keywords->a = NULL;
    return 0;
}

// arguments: args [','] &')' | invalid_arguments
// args:
//     | ','.(starred_expression
//            | (assignment_expression | expression !':=') !'=')+
//       [',' kwargs]
//     | kwargs
// kwargs:
//     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//     | ','.kwarg_or_starred+
//     | ','.kwarg_or_double_starred+
// starred_expression: '*' expression
// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression
//                          | '**' expression
// plus `primary genexp` for a sole generator expression argument.
int rp_p_arguments(rp_parser_t *p, rp_token_t *open, int is_call,
                   rp_expr_seq_t *args, rp_keyword_seq_t *keywords)
{
    rp_vec_t pos = {0}, kws = {0};
    int seen_keyword = 0, seen_dstar = 0;
    while (!rp_p_at(p, TOK(RPAR))) {
        rp_token_t *t = rp_p_peek(p);
        if (p->error) {
            return -1;
        }
        if (t->kind == TOK(STAR)) {
            p->mark++;
            if (seen_dstar && !p->no_invalid) {
                // invalid_arguments: a=args ',' '*'
                rp_p_error_tok(p, t, "iterable argument unpacking follows "
                               "keyword argument unpacking");
                return -1;
            }
            rp_expr_t *v = rp_p_expression(p);
            if (v == NULL) {
                return -1;
            }
            rp_expr_t *e = rp_p_expr_from(p, RP_E_STARRED, t->lineno,
                                          t->col_offset);
            if (e == NULL) {
                return -1;
            }
            e->v.starred.value = v;
            e->v.starred.ctx = RP_LOAD;
            if (rp_vec_push(p, &pos, e) < 0) {
                return -1;
            }
        } else if (t->kind == TOK(DOUBLESTAR)) {
            p->mark++;
            rp_expr_t *v = rp_p_expression(p);
            if (v == NULL) {
                return -1;
            }
            rp_keyword_t *k = keyword(p, t, NULL, v);
            if (k == NULL || rp_vec_push(p, &kws, k) < 0) {
                return -1;
            }
            seen_dstar = 1;
        } else if ((t->kind == TOK(NAME) || t->kind == TOK(KW_TRUE) ||
                    t->kind == TOK(KW_FALSE) || t->kind == TOK(KW_NONE)) &&
                   rp_p_peek2(p)->kind == TOK(EQUAL)) {
            rp_token_t *eq = p->toks[p->mark + 1];
            if (t->kind != TOK(NAME)) {
                // invalid_kwarg: a=('True'|'False'|'None') b='='
                rp_p_error_at(p, RP_PERR_SYNTAX, t->lineno, t->col_offset,
                              eq->end_lineno, eq->end_col_offset,
                              "cannot assign to %.*s",
                              (int)(t->end - t->start), t->start);
                return -1;
            }
            p->mark += 2;
            rp_expr_t *v = rp_p_expression(p);
            if (v == NULL) {
                return -1;
            }
            if (rp_p_at(p, TOK(KW_FOR)) && !p->no_invalid) {
                // invalid_kwarg: a=NAME b='=' expression for_if_clauses
                rp_p_state_t s = rp_p_diag(p);
                rp_comp_seq_t gens;
                int ok = rp_p_for_if_clauses(p, &gens) == 0;
                if (rp_p_restore(p, s) < 0) {
                    return -1;
                }
                if (ok) {
                    rp_p_error_at(p, RP_PERR_SYNTAX, t->lineno, t->col_offset,
                                  eq->end_lineno, eq->end_col_offset,
                                  "invalid syntax. Maybe you meant '==' or "
                                  "':=' instead of '='?");
                    return -1;
                }
            }
            rp_keyword_t *k = keyword(p, t, NULL, v);
            if (k == NULL) {
                return -1;
            }
            k->arg = rp_p_strndup(p, t->start, (size_t)(t->end - t->start));
            if (k->arg == NULL || rp_vec_push(p, &kws, k) < 0) {
                return -1;
            }
            seen_keyword = 1;
        } else {
            // (assignment_expression | expression !':=') !'='
            // After keywords CPython's first pass stops here: a positional
            // argument there is reported by its second pass.
            int after_kw = seen_keyword || seen_dstar;
            if (after_kw && p->no_invalid) {
                rp_p_fail(p);
                return -1;
            }
            rp_p_state_t d = rp_p_diag(p);
            rp_expr_t *e = t->kind == TOK(NAME) &&
                                   rp_p_peek2(p)->kind == TOK(COLONEQUAL)
                               ? rp_p_named_expression(p)
                               : rp_p_expression(p);
            if (e == NULL) {
                if (after_kw && rp_p_restore(p, d) == 0) {
                    rp_p_syntax_error(p);
                }
                return -1;
            }
            rp_token_t *next = rp_p_peek(p);
            if (p->error) {
                return -1;
            }
            if (next->kind == TOK(EQUAL) && !p->no_invalid) {
                // invalid_kwarg: !(NAME '=') a=expression b='='
                rp_p_error_at(p, RP_PERR_SYNTAX, e->lineno, e->col_offset,
                              next->end_lineno, next->end_col_offset,
                              "expression cannot contain assignment, "
                              "perhaps you meant \"==\"?");
                return -1;
            }
            if (next->kind == TOK(KW_FOR)) {
                if (pos.n == 0 && kws.n == 0) {
                    if (is_call) {
                        // primary genexp: the call's parentheses enclose it.
                        return sole_genexp(p, open, e, args, keywords);
                    }
                    // A class: invalid_arguments: a=expression
                    //     b=for_if_clauses ',' [args | expression ...]
                    if (p->no_invalid) {
                        rp_p_fail(p);
                        return -1;
                    }
                    rp_p_state_t g = rp_p_diag(p);
                    rp_comp_seq_t gens;
                    if (rp_p_for_if_clauses(p, &gens) == 0 &&
                        rp_p_at(p, TOK(COMMA))) {
                        genexp_error(p, e, &gens);
                        return -1;
                    }
                    if (rp_p_restore(p, g) == 0) {
                        rp_p_syntax_error(p);
                    }
                    return -1;
                }
                if (p->no_invalid) {
                    rp_p_fail(p);
                    return -1;
                }
                // invalid_arguments: a=args b=for_if_clauses /
                //     args ',' a=expression b=for_if_clauses
                return unparenthesized_genexp(p, e);
            }
            if (after_kw) {
                // invalid_arguments: a=args ',' args
                rp_p_error_last(p, RP_PERR_SYNTAX, seen_dstar
                                ? "positional argument follows keyword "
                                  "argument unpacking"
                                : "positional argument follows keyword "
                                  "argument");
                return -1;
            }
            if (rp_vec_push(p, &pos, e) < 0) {
                return -1;
            }
        }
        if (!rp_p_accept(p, TOK(COMMA))) {
            break;
        }
    }
    if (rp_p_expect(p, TOK(RPAR)) == NULL) {
        return -1;
    }
    args->n = pos.n;
    args->a = (rp_expr_t **)pos.a;
    keywords->n = kws.n;
    keywords->a = (rp_keyword_t **)kws.a;
    return 0;
}

// ---- parameters -------------------------------------------------------------------

rp_arguments_t *rp_p_empty_arguments(rp_parser_t *p)
{
    return rp_p_alloc(p, sizeof(rp_arguments_t));
}

// param: NAME annotation?        (lambda_param: NAME)
// annotation: ':' expression     star_annotation: ':' star_expression
static rp_arg_t *param(rp_parser_t *p, int is_lambda, int star)
{
    rp_token_t *name = rp_p_expect(p, TOK(NAME));
    if (name == NULL) {
        return NULL;
    }
    rp_arg_t *a = rp_p_alloc(p, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->arg = rp_p_strndup(p, name->start, (size_t)(name->end - name->start));
    if (a->arg == NULL) {
        return NULL;
    }
    if (!is_lambda && rp_p_accept(p, TOK(COLON))) {
        a->annotation = star ? rp_p_star_expression(p) : rp_p_expression(p);
        if (a->annotation == NULL) {
            return NULL;
        }
    }
    rp_token_t *last = rp_p_last(p);
    a->lineno = name->lineno;
    a->col_offset = name->col_offset;
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col_offset;
    return a;
}

static void *error_arg(rp_parser_t *p, const rp_arg_t *a, const char *msg)
{
    return rp_p_error_at(p, RP_PERR_SYNTAX, a->lineno, a->col_offset,
                         a->end_lineno, a->end_col_offset, "%s", msg);
}

// invalid_star_etc: a='*' (')' | ',' (')' | '**'))
// invalid_lambda_star_etc: '*' (':' | ',' (':' | '**'))
static void *bare_star(rp_parser_t *p, rp_token_t *star, int is_lambda)
{
    if (p->no_invalid) {
        return rp_p_fail(p);
    }
    if (is_lambda) {
        return rp_p_error_last(p, RP_PERR_SYNTAX, "named arguments must "
                               "follow bare *");
    }
    return rp_p_error_tok(p, star, "named arguments must follow bare *");
}

// The token after a parameter must be ',' or the closing token.
static int param_end(rp_parser_t *p, rp_tok_kind_t close)
{
    if (rp_p_accept(p, TOK(COMMA))) {
        return 1;
    }
    if (rp_p_at(p, close)) {
        return 0;
    }
    return p->error ? -1 : (rp_p_syntax_error(p), -1);
}

// params: invalid_parameters | parameters
// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
// star_etc:
//     | invalid_star_etc
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
//     | kwds
// kwds: invalid_kwds | '**' param_no_default
// default: '=' expression | invalid_default
// (lambda_params likewise, without annotations, closed by ':')
rp_arguments_t *rp_p_params(rp_parser_t *p, int is_lambda)
{
    rp_tok_kind_t close = is_lambda ? TOK(COLON) : TOK(RPAR);
    rp_arguments_t *args = rp_p_empty_arguments(p);
    if (args == NULL) {
        return NULL;
    }
    rp_vec_t posargs = {0}, defaults = {0}, kwonly = {0}, kwdefaults = {0};
    int nposonly = -1;        // number of positional-only, once '/' seen
    int star = 0;             // '*' seen
    rp_token_t *star_tok = NULL;
    int seen_default = 0;
    int chk = !p->no_invalid;
    for (;;) {
        rp_token_t *t = rp_p_peek(p);
        if (p->error) {
            return NULL;
        }
        if (t->kind == close) {
            break;
        }
        if (t->kind == TOK(SLASH)) {
            if (chk) {
                int far = p->far;   // a second-pass look
                int comma = rp_p_peek2(p)->kind == TOK(COMMA);
                p->far = far;
                if (posargs.n == 0 && !star && comma) {
                    return rp_p_error_tok(p, t, "at least one argument must "
                                          "precede /");
                }
                if (nposonly >= 0) {
                    return rp_p_error_tok(p, t, "/ may appear only once");
                }
                if (star) {
                    return rp_p_error_tok(p, t, "/ must be ahead of *");
                }
            }
            if (posargs.n == 0 || nposonly >= 0 || star) {
                return rp_p_fail(p);
            }
            p->mark++;
            nposonly = posargs.n;
            if (chk && rp_p_at(p, TOK(STAR))) {
                return rp_p_error_tok(p, rp_p_peek(p), "expected comma "
                                      "between / and *");
            }
            if (param_end(p, close) < 0) {
                return NULL;
            }
            continue;
        }
        if (t->kind == TOK(STAR)) {
            p->mark++;
            rp_token_t *n = rp_p_peek(p);
            if (star) {
                if (chk && (n->kind == TOK(NAME) || n->kind == TOK(COMMA))) {
                    return rp_p_error_tok(p, t, "* argument may appear only "
                                          "once");
                }
                return rp_p_fail(p);
            }
            star = 1;
            star_tok = t;
            if (n->kind == TOK(COMMA)) {
                p->mark++;
                rp_tok_kind_t k2 = rp_p_peek(p)->kind;
                if (k2 == close || k2 == TOK(DOUBLESTAR)) {
                    return bare_star(p, t, is_lambda);
                }
                continue;
            }
            if (n->kind == close) {
                return bare_star(p, t, is_lambda);
            }
            rp_arg_t *a = param(p, is_lambda, 1);
            if (a == NULL) {
                return NULL;
            }
            args->vararg = a;
            if (rp_p_at(p, TOK(EQUAL))) {
                if (chk) {
                    return rp_p_error_tok(p, rp_p_peek(p), "var-positional "
                                          "argument cannot have default "
                                          "value");
                }
                return rp_p_fail(p);
            }
            if (param_end(p, close) < 0) {
                return NULL;
            }
            continue;
        }
        if (t->kind == TOK(DOUBLESTAR)) {
            p->mark++;
            rp_arg_t *a = param(p, is_lambda, 0);
            if (a == NULL) {
                return NULL;
            }
            args->kwarg = a;
            rp_token_t *n = rp_p_peek(p);
            if (n->kind == TOK(EQUAL)) {
                if (chk) {
                    return rp_p_error_tok(p, n, "var-keyword argument cannot "
                                          "have default value");
                }
                return rp_p_fail(p);
            }
            if (rp_p_accept(p, TOK(COMMA))) {
                rp_token_t *after = rp_p_peek(p);
                if (chk && (after->kind == TOK(NAME) ||
                            after->kind == TOK(STAR) ||
                            after->kind == TOK(DOUBLESTAR) ||
                            after->kind == TOK(SLASH))) {
                    return rp_p_error_tok(p, after, "arguments cannot follow "
                                          "var-keyword argument");
                }
            }
            if (!rp_p_at(p, close)) {
                return rp_p_fail(p);
            }
            break;
        }
        if (t->kind == TOK(LPAR) && chk) {
            // invalid_parameters: param_no_default* a='(' param_no_default+
            //     ','? b=')'
            rp_p_state_t s = rp_p_diag(p);
            p->mark++;
            int ok = 0;
            while (rp_p_at(p, TOK(NAME))) {
                p->mark++;
                ok = 1;
                if (!rp_p_accept(p, TOK(COMMA))) {
                    break;
                }
            }
            rp_token_t *rpar = rp_p_accept(p, TOK(RPAR));
            if (ok && rpar != NULL) {
                return rp_p_error_at(p, RP_PERR_SYNTAX, t->lineno,
                                     t->col_offset, rpar->end_lineno,
                                     rpar->end_col_offset,
                                     is_lambda
                                     ? "Lambda expression parameters cannot "
                                       "be parenthesized"
                                     : "Function parameters cannot be "
                                       "parenthesized");
            }
            if (rp_p_restore(p, s) < 0) {
                return NULL;
            }
            return rp_p_fail(p);
        }
        // A named parameter, maybe with a default.
        rp_arg_t *a = param(p, is_lambda, 0);
        if (a == NULL) {
            return NULL;
        }
        rp_expr_t *dflt = NULL;
        rp_token_t *eq = rp_p_accept(p, TOK(EQUAL));
        if (eq != NULL) {
            rp_tok_kind_t k = rp_p_peek(p)->kind;
            if (chk && (k == close || k == TOK(COMMA))) {
                return rp_p_error_tok(p, eq, "expected default value "
                                      "expression");
            }
            dflt = rp_p_expression(p);
            if (dflt == NULL) {
                return NULL;
            }
        }
        if (star) {
            if (rp_vec_push(p, &kwonly, a) < 0 ||
                rp_vec_push(p, &kwdefaults, dflt) < 0) {
                return NULL;
            }
        } else {
            if (dflt != NULL) {
                seen_default = 1;
                if (rp_vec_push(p, &defaults, dflt) < 0) {
                    return NULL;
                }
            } else if (seen_default) {
                // invalid_parameters: param_no_default*
                //     invalid_parameters_helper a=param_no_default
                rp_tok_kind_t k = rp_p_peek(p)->kind;
                if (chk && (k == TOK(COMMA) || k == close)) {
                    return error_arg(p, a, "non-default argument follows "
                                     "default argument");
                }
                return rp_p_fail(p);
            }
            if (rp_vec_push(p, &posargs, a) < 0) {
                return NULL;
            }
        }
        if (param_end(p, close) < 0) {
            return NULL;
        }
    }
    if (star && args->vararg == NULL && kwonly.n == 0) {
        return bare_star(p, star_tok, is_lambda);
    }
    if (nposonly < 0) {
        nposonly = 0;
    }
    args->posonlyargs.n = nposonly;
    args->posonlyargs.a = (rp_arg_t **)posargs.a;
    args->args.n = posargs.n - nposonly;
    // posargs.a is NULL when there are no positional parameters.
    args->args.a = posargs.a ? (rp_arg_t **)posargs.a + nposonly : NULL;
    args->defaults = rp_p_expr_seq(&defaults);
    args->kwonlyargs.n = kwonly.n;
    args->kwonlyargs.a = (rp_arg_t **)kwonly.a;
    args->kw_defaults = rp_p_expr_seq(&kwdefaults);
    return args;
}
