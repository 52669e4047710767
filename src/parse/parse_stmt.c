// Statements: simple statements (assignments in all their forms, import,
// del, ...) and compound statements with their blocks, including
// CPython's "expected ':'" and "expected an indented block after ..."
// diagnostics.
#include "parse/parse_internal.h"

#include <string.h>

#define TOK(k) RP_TOK_##k

static int statement(rp_parser_t *p, rp_vec_t *out);
static int simple_stmts(rp_parser_t *p, rp_vec_t *out);

static rp_stmt_seq_t stmt_seq(rp_vec_t *v)
{
    rp_stmt_seq_t s = { v->n, (rp_stmt_t **)v->a };
    return s;
}

static const char *token_str(rp_parser_t *p, rp_token_t *t)
{
    return rp_p_strndup(p, t->start, (size_t)(t->end - t->start));
}

// ---- blocks ---------------------------------------------------------------------

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
// what/lineno name the statement for "expected an indented block after
// <what> on line <lineno>".
static int block(rp_parser_t *p, rp_stmt_seq_t *out, const char *what,
                 int lineno)
{
    rp_vec_t v = {0};
    if (rp_p_accept(p, TOK(NEWLINE))) {
        if (!rp_p_accept(p, TOK(INDENT))) {
            if (!p->error) {
                rp_p_error_last(p, RP_PERR_INDENT, "expected an indented "
                                "block after %s on line %d", what, lineno);
            }
            return -1;
        }
        do {
            if (statement(p, &v) < 0) {
                return -1;
            }
        } while (!rp_p_at(p, TOK(DEDENT)) && !p->error);
        if (rp_p_expect(p, TOK(DEDENT)) == NULL) {
            return -1;
        }
    } else if (simple_stmts(p, &v) < 0) {
        return -1;
    }
    *out = stmt_seq(&v);
    return 0;
}

// The ':' ending a compound statement header.  In CPython the invalid_*
// rules say "expected ':'" when the header is followed by NEWLINE.
static int header_colon(rp_parser_t *p)
{
    if (rp_p_accept(p, TOK(COLON))) {
        return 0;
    }
    if (p->error) {
        return -1;
    }
    if (rp_p_at(p, TOK(NEWLINE)) && !p->no_invalid) {
        rp_p_error_last(p, RP_PERR_SYNTAX, "expected ':'");
        return -1;
    }
    rp_p_fail(p);
    return -1;
}

// ---- simple statements --------------------------------------------------------

static int is_single_target(const rp_expr_t *e)
{
    return e->kind == RP_E_NAME || e->kind == RP_E_ATTRIBUTE ||
           e->kind == RP_E_SUBSCRIPT;
}

// annotated_rhs: yield_expr | star_expressions
static rp_expr_t *annotated_rhs(rp_parser_t *p)
{
    if (rp_p_at(p, TOK(KW_YIELD))) {
        return rp_p_yield_expr(p);
    }
    return rp_p_star_expressions(p);
}

static rp_operator_t augassign_op(rp_tok_kind_t k, int *ok)
{
    *ok = 1;
    switch (k) {
    case TOK(PLUSEQUAL): return RP_OP_ADD;
    case TOK(MINEQUAL): return RP_OP_SUB;
    case TOK(STAREQUAL): return RP_OP_MULT;
    case TOK(ATEQUAL): return RP_OP_MATMUL;
    case TOK(SLASHEQUAL): return RP_OP_DIV;
    case TOK(PERCENTEQUAL): return RP_OP_MOD;
    case TOK(AMPEREQUAL): return RP_OP_BITAND;
    case TOK(VBAREQUAL): return RP_OP_BITOR;
    case TOK(CIRCUMFLEXEQUAL): return RP_OP_BITXOR;
    case TOK(LEFTSHIFTEQUAL): return RP_OP_LSHIFT;
    case TOK(RIGHTSHIFTEQUAL): return RP_OP_RSHIFT;
    case TOK(DOUBLESTAREQUAL): return RP_OP_POW;
    case TOK(DOUBLESLASHEQUAL): return RP_OP_FLOORDIV;
    default:
        *ok = 0;
        return RP_OP_ADD;
    }
}

// The annotation and value after `target ':'`.
static rp_stmt_t *annassign(rp_parser_t *p, rp_token_t *start,
                            rp_expr_t *target, int simple)
{
    rp_expr_t *ann = rp_p_expression(p);
    if (ann == NULL) {
        return NULL;
    }
    if (!simple && !is_single_target(target)) {
        // invalid_assignment:
        //     | a=invalid_ann_assign_target ':' expression
        //     | a=star_named_expression ',' star_named_expressions* ':'
        //       expression
        //     | a=expression ':' expression
        if (target == p->bare_tuple) {
            return rp_p_error_node(p, target->v.seq.elts.a[0],
                                   "only single target (not tuple) can be "
                                   "annotated");
        }
        if (target->kind == RP_E_LIST || target->kind == RP_E_TUPLE) {
            return rp_p_error_node(p, target, "only single target (not %s) "
                                   "can be annotated",
                                   rp_p_expr_name(target));
        }
        if (target->kind == RP_E_STARRED) {
            return rp_p_fail(p);
        }
        return rp_p_error_node(p, target, "illegal target for annotation");
    }
    rp_expr_t *value = NULL;
    if (rp_p_accept(p, TOK(EQUAL))) {
        value = annotated_rhs(p);
        if (value == NULL) {
            return NULL;
        }
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_ANNASSIGN, start);
    if (s == NULL) {
        return NULL;
    }
    rp_p_set_context(target, RP_STORE);
    s->v.annassign.target = target;
    s->v.annassign.annotation = ann;
    s->v.annassign.value = value;
    s->v.annassign.simple = simple;
    return s;
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':'
//       expression ['=' annotated_rhs]
//     | (star_targets '=')+ (yield_expr | star_expressions) !'='
//     | single_target augassign ~ (yield_expr | star_expressions)
//     | invalid_assignment
// and the expression statement: star_expressions
static rp_stmt_t *expr_stmt(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    int smark = p->mark;
    if (start->kind == TOK(NAME) && rp_p_peek2(p)->kind == TOK(COLON)) {
        rp_expr_t *target = rp_p_name(p, rp_p_next(p));
        rp_p_next(p);
        if (target == NULL) {
            return NULL;
        }
        return annassign(p, start, target, 1);
    }
    p->bare_tuple = NULL;
    rp_expr_t *first = annotated_rhs(p);
    if (first == NULL) {
        return NULL;
    }
    const rp_expr_t *first_bare = p->bare_tuple;
    rp_token_t *t = rp_p_peek(p);
    if (p->error) {
        return NULL;
    }
    if (t->kind == TOK(EQUAL)) {
        rp_vec_t targets = {0};
        int first_eq = p->mark;
        rp_expr_t *cur = first;
        while (rp_p_accept(p, TOK(EQUAL))) {
            if (rp_vec_push(p, &targets, cur) < 0) {
                return NULL;
            }
            cur = annotated_rhs(p);
            if (cur == NULL) {
                return NULL;
            }
        }
        if (p->error) {
            return NULL;
        }
        for (int i = 0; i < targets.n; i++) {
            rp_expr_t *tg = targets.a[i];
            if (tg->kind == RP_E_YIELD || tg->kind == RP_E_YIELDFROM) {
                if (p->no_invalid) {
                    return rp_p_fail(p);
                }
                return rp_p_error_node(p, tg, "assignment to yield "
                                       "expression not possible");
            }
            const rp_expr_t *bad = rp_p_invalid_target(tg, RP_TARGETS_STAR);
            if (bad == NULL) {
                continue;
            }
            if (p->no_invalid) {
                return rp_p_fail(p);
            }
            if (i == 0) {
                (void)first_eq;
                const rp_expr_t *a = rp_p_assign_here(p, smark);
                if (p->error) {
                    return NULL;
                }
                if (a != NULL) {
                    return rp_p_error_node(p, a, "cannot assign to %s here. "
                                           "Maybe you meant '==' instead of "
                                           "'='?", rp_p_expr_name(a));
                }
            }
            return rp_p_error_node(p, bad, "cannot assign to %s",
                                   rp_p_expr_name(bad));
        }
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_ASSIGN, start);
        if (s == NULL) {
            return NULL;
        }
        for (int i = 0; i < targets.n; i++) {
            rp_p_set_context(targets.a[i], RP_STORE);
        }
        s->v.assign.targets = rp_p_expr_seq(&targets);
        s->v.assign.value = cur;
        return s;
    }
    int is_aug;
    rp_operator_t op = augassign_op(t->kind, &is_aug);
    if (is_aug) {
        if (first->kind == RP_E_YIELD || first->kind == RP_E_YIELDFROM) {
            return rp_p_fail(p);
        }
        p->mark++;
        rp_expr_t *value = annotated_rhs(p);
        if (value == NULL) {
            return NULL;
        }
        if (!is_single_target(first)) {
            if (p->no_invalid) {
                return rp_p_fail(p);
            }
            // invalid_assignment: a=star_expressions augassign
            //     (yield_expr | star_expressions)
            return rp_p_error_node(p, first, "'%s' is an illegal expression "
                                   "for augmented assignment",
                                   rp_p_expr_name(first));
        }
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_AUGASSIGN, start);
        if (s == NULL) {
            return NULL;
        }
        rp_p_set_context(first, RP_STORE);
        s->v.augassign.target = first;
        s->v.augassign.op = op;
        s->v.augassign.value = value;
        return s;
    }
    if (t->kind == TOK(COLON) && first->kind != RP_E_YIELD &&
        first->kind != RP_E_YIELDFROM) {
        p->mark++;
        p->bare_tuple = first_bare;
        return annassign(p, start, first, 0);
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_EXPR, start);
    if (s != NULL) {
        s->v.expr.value = first;
    }
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
// del_targets: ','.del_target+ [',']
// invalid_del_stmt: 'del' a=star_expressions
static rp_stmt_t *del_stmt(rp_parser_t *p, rp_token_t *start)
{
    rp_vec_t v = {0};
    do {
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (k != TOK(STAR) && !rp_p_starts_expression(k)) {
            if (v.n == 0) {
                return rp_p_fail(p);
            }
            break;
        }
        rp_expr_t *e = rp_p_star_expression(p);
        if (e == NULL || rp_vec_push(p, &v, e) < 0) {
            return NULL;
        }
    } while (rp_p_accept(p, TOK(COMMA)));
    if (p->error) {
        return NULL;
    }
    for (int i = 0; i < v.n; i++) {
        if (p->no_invalid) {
            if (rp_p_invalid_target(v.a[i], RP_TARGETS_DEL) != NULL) {
                return rp_p_fail(p);
            }
        } else if (rp_p_raise_invalid_target(p, v.a[i], RP_TARGETS_DEL)) {
            return NULL;
        }
    }
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    if (k != TOK(SEMI) && k != TOK(NEWLINE)) {
        return rp_p_fail(p);
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_DELETE, start);
    if (s == NULL) {
        return NULL;
    }
    for (int i = 0; i < v.n; i++) {
        rp_p_set_context(v.a[i], RP_DEL);
    }
    s->v.delete_.targets = rp_p_expr_seq(&v);
    return s;
}

// dotted_name: dotted_name '.' NAME | NAME
static const char *dotted_name(rp_parser_t *p)
{
    int first = p->mark;
    rp_token_t *t = rp_p_expect(p, TOK(NAME));
    if (t == NULL) {
        return NULL;
    }
    size_t len = (size_t)(t->end - t->start);
    while (rp_p_at(p, TOK(DOT)) && rp_p_peek2(p)->kind == TOK(NAME)) {
        p->mark += 2;
        rp_token_t *n = p->toks[p->mark - 1];
        len += 1 + (size_t)(n->end - n->start);
    }
    if (p->error) {
        return NULL;
    }
    char *s = rp_p_alloc(p, len + 1);
    if (s == NULL) {
        return NULL;
    }
    char *d = s;
    for (int i = first; i < p->mark; i += 2) {
        rp_token_t *n = p->toks[i];
        if (i > first) {
            *d++ = '.';
        }
        memcpy(d, n->start, (size_t)(n->end - n->start));
        d += n->end - n->start;
    }
    *d = '\0';
    return s;
}

static rp_alias_t *alias(rp_parser_t *p, rp_token_t *start, const char *name)
{
    const char *asname = NULL;
    if (rp_p_accept(p, TOK(KW_AS))) {
        rp_token_t *n = rp_p_expect(p, TOK(NAME));
        if (n == NULL || (asname = token_str(p, n)) == NULL) {
            return NULL;
        }
    }
    rp_alias_t *a = rp_p_alloc(p, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    rp_token_t *last = rp_p_last(p);
    a->name = name;
    a->asname = asname;
    a->lineno = start->lineno;
    a->col_offset = start->col_offset;
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col_offset;
    return a;
}

// import_name: 'import' dotted_as_names
// dotted_as_names: ','.dotted_as_name+
// dotted_as_name: dotted_name ['as' NAME]
static rp_stmt_t *import_name(rp_parser_t *p, rp_token_t *start)
{
    rp_vec_t v = {0};
    do {
        rp_token_t *s = rp_p_peek(p);
        const char *name = dotted_name(p);
        if (name == NULL) {
            return NULL;
        }
        rp_alias_t *a = alias(p, s, name);
        if (a == NULL || rp_vec_push(p, &v, a) < 0) {
            return NULL;
        }
    } while (rp_p_accept(p, TOK(COMMA)));
    if (p->error) {
        return NULL;
    }
    rp_stmt_t *st = rp_p_stmt_from(p, RP_S_IMPORT, start);
    if (st != NULL) {
        st->v.import.names.n = v.n;
        st->v.import.names.a = (rp_alias_t **)v.a;
    }
    return st;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets
// import_from_as_name: NAME ['as' NAME]
static rp_stmt_t *import_from(rp_parser_t *p, rp_token_t *start)
{
    int level = 0;
    for (;;) {
        if (rp_p_accept(p, TOK(DOT))) {
            level += 1;
        } else if (rp_p_accept(p, TOK(ELLIPSIS))) {
            level += 3;
        } else {
            break;
        }
    }
    const char *module = NULL;
    if (level == 0 || rp_p_at(p, TOK(NAME))) {
        module = dotted_name(p);
        if (module == NULL) {
            return NULL;
        }
    }
    if (rp_p_expect(p, TOK(KW_IMPORT)) == NULL) {
        return NULL;
    }
    rp_vec_t v = {0};
    rp_token_t *t = rp_p_peek(p);
    if (t->kind == TOK(STAR)) {
        p->mark++;
        rp_alias_t *a = alias(p, t, "*");
        if (a == NULL || rp_vec_push(p, &v, a) < 0) {
            return NULL;
        }
    } else {
        int paren = rp_p_accept(p, TOK(LPAR)) != NULL;
        do {
            rp_token_t *n = rp_p_peek(p);
            if (v.n > 0 && n->kind != TOK(NAME)) {
                break;   // after a trailing comma
            }
            if (rp_p_expect(p, TOK(NAME)) == NULL) {
                return NULL;
            }
            const char *name = token_str(p, n);
            rp_alias_t *a = name ? alias(p, n, name) : NULL;
            if (a == NULL || rp_vec_push(p, &v, a) < 0) {
                return NULL;
            }
        } while (rp_p_accept(p, TOK(COMMA)));
        if (p->error) {
            return NULL;
        }
        if (paren) {
            if (rp_p_expect(p, TOK(RPAR)) == NULL) {
                return NULL;
            }
        } else if (p->toks[p->mark - 1]->kind == TOK(COMMA)) {
            // invalid_import_from_targets:
            //     import_from_as_names ',' NEWLINE
            if (rp_p_at(p, TOK(NEWLINE)) && !p->no_invalid) {
                return rp_p_error_last(p, RP_PERR_SYNTAX, "trailing comma "
                                       "not allowed without surrounding "
                                       "parentheses");
            }
            return rp_p_fail(p);
        }
    }
    rp_stmt_t *st = rp_p_stmt_from(p, RP_S_IMPORTFROM, start);
    if (st != NULL) {
        st->v.importfrom.module = module;
        st->v.importfrom.names.n = v.n;
        st->v.importfrom.names.a = (rp_alias_t **)v.a;
        st->v.importfrom.level = level;
    }
    return st;
}

// global_stmt: 'global' ','.NAME+
// nonlocal_stmt: 'nonlocal' ','.NAME+
static rp_stmt_t *names_stmt(rp_parser_t *p, rp_token_t *start,
                             rp_stmt_kind_t kind)
{
    rp_vec_t v = {0};
    do {
        rp_token_t *n = rp_p_expect(p, TOK(NAME));
        if (n == NULL) {
            return NULL;
        }
        const char *s = token_str(p, n);
        if (s == NULL || rp_vec_push(p, &v, (void *)s) < 0) {
            return NULL;
        }
    } while (rp_p_accept(p, TOK(COMMA)));
    if (p->error) {
        return NULL;
    }
    rp_stmt_t *st = rp_p_stmt_from(p, kind, start);
    if (st != NULL) {
        st->v.global.names.n = v.n;
        st->v.global.names.a = (const char **)v.a;
    }
    return st;
}

// simple_stmt:
//     | assignment
//     | star_expressions
//     | &'return' return_stmt
//     | &('import' | 'from') import_stmt
//     | &'raise' raise_stmt
//     | 'pass'
//     | &'del' del_stmt
//     | &'yield' yield_stmt
//     | &'assert' assert_stmt
//     | 'break'
//     | 'continue'
//     | &'global' global_stmt
//     | &'nonlocal' nonlocal_stmt
static rp_stmt_t *simple_stmt(rp_parser_t *p)
{
    rp_token_t *t = rp_p_peek(p);
    if (p->error) {
        return NULL;
    }
    switch (t->kind) {
    case TOK(KW_PASS):
        p->mark++;
        return rp_p_stmt_from(p, RP_S_PASS, t);
    case TOK(KW_BREAK):
        p->mark++;
        return rp_p_stmt_from(p, RP_S_BREAK, t);
    case TOK(KW_CONTINUE):
        p->mark++;
        return rp_p_stmt_from(p, RP_S_CONTINUE, t);
    case TOK(KW_RETURN): {
        // return_stmt: 'return' [star_expressions]
        p->mark++;
        rp_expr_t *v = NULL;
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (k == TOK(STAR) || rp_p_starts_expression(k)) {
            v = rp_p_star_expressions(p);
            if (v == NULL) {
                return NULL;
            }
        }
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_RETURN, t);
        if (s != NULL) {
            s->v.return_.value = v;
        }
        return p->error ? NULL : s;
    }
    case TOK(KW_RAISE): {
        // raise_stmt: 'raise' expression ['from' expression] | 'raise'
        p->mark++;
        rp_expr_t *exc = NULL, *cause = NULL;
        if (rp_p_starts_expression(rp_p_peek(p)->kind)) {
            exc = rp_p_expression(p);
            if (exc == NULL) {
                return NULL;
            }
            if (rp_p_accept(p, TOK(KW_FROM))) {
                cause = rp_p_expression(p);
                if (cause == NULL) {
                    return NULL;
                }
            }
        }
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_RAISE, t);
        if (s != NULL) {
            s->v.raise.exc = exc;
            s->v.raise.cause = cause;
        }
        return p->error ? NULL : s;
    }
    case TOK(KW_ASSERT): {
        // assert_stmt: 'assert' expression [',' expression]
        p->mark++;
        rp_expr_t *test = rp_p_expression(p);
        if (test == NULL) {
            return NULL;
        }
        rp_expr_t *msg = NULL;
        if (rp_p_accept(p, TOK(COMMA))) {
            msg = rp_p_expression(p);
            if (msg == NULL) {
                return NULL;
            }
        }
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_ASSERT, t);
        if (s != NULL) {
            s->v.assert_.test = test;
            s->v.assert_.msg = msg;
        }
        return s;
    }
    case TOK(KW_DEL):
        p->mark++;
        return del_stmt(p, t);
    case TOK(KW_IMPORT):
        p->mark++;
        return import_name(p, t);
    case TOK(KW_FROM):
        p->mark++;
        return import_from(p, t);
    case TOK(KW_GLOBAL):
        p->mark++;
        return names_stmt(p, t, RP_S_GLOBAL);
    case TOK(KW_NONLOCAL):
        p->mark++;
        return names_stmt(p, t, RP_S_NONLOCAL);
    default:
        return expr_stmt(p);
    }
}

// simple_stmts:
//     | simple_stmt !';' NEWLINE
//     | ';'.simple_stmt+ [';'] NEWLINE
static int simple_stmts(rp_parser_t *p, rp_vec_t *out)
{
    for (;;) {
        rp_stmt_t *s = simple_stmt(p);
        if (s == NULL || rp_vec_push(p, out, s) < 0) {
            return -1;
        }
        if (!rp_p_accept(p, TOK(SEMI)) || rp_p_at(p, TOK(NEWLINE))) {
            break;
        }
    }
    if (rp_p_expect(p, TOK(NEWLINE)) == NULL) {
        return -1;
    }
    return 0;
}

// ---- compound statements ------------------------------------------------------

// else_block: invalid_else_stmt | 'else' &&':' block
static int else_block(rp_parser_t *p, rp_stmt_seq_t *out)
{
    rp_token_t *e = rp_p_next(p);
    if (rp_p_expect_forced(p, TOK(COLON), ":") == NULL) {
        return -1;
    }
    return block(p, out, "'else' statement", e->lineno);
}

// if_stmt:
//     | invalid_if_stmt
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
// elif_stmt:
//     | invalid_elif_stmt
//     | 'elif' named_expression ':' block elif_stmt
//     | 'elif' named_expression ':' block [else_block]
static rp_stmt_t *if_stmt(rp_parser_t *p)
{
    rp_vec_t nodes = {0};
    rp_stmt_seq_t orelse = {0};
    for (;;) {
        rp_token_t *kw = rp_p_next(p);   // 'if' or 'elif'
        rp_expr_t *test = rp_p_named_expression(p);
        if (test == NULL || header_colon(p) < 0) {
            return NULL;
        }
        rp_stmt_t *s = rp_p_alloc(p, sizeof(*s));
        if (s == NULL) {
            return NULL;
        }
        s->kind = RP_S_IF;
        s->lineno = kw->lineno;
        s->col_offset = kw->col_offset;
        s->v.if_.test = test;
        if (block(p, &s->v.if_.body, kw->kind == TOK(KW_IF)
                  ? "'if' statement" : "'elif' statement", kw->lineno) < 0) {
            return NULL;
        }
        if (rp_vec_push(p, &nodes, s) < 0) {
            return NULL;
        }
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (k == TOK(KW_ELIF)) {
            continue;
        }
        if (k == TOK(KW_ELSE) && else_block(p, &orelse) < 0) {
            return NULL;
        }
        break;
    }
    if (p->error) {
        return NULL;
    }
    // Every node of an elif chain ends where the whole chain ends.
    rp_token_t *last = rp_p_last(p);
    for (int i = nodes.n - 1; i >= 0; i--) {
        rp_stmt_t *s = nodes.a[i];
        s->end_lineno = last->end_lineno;
        s->end_col_offset = last->end_col_offset;
        if (i == nodes.n - 1) {
            s->v.if_.orelse = orelse;
        } else {
            rp_stmt_t **one = rp_p_alloc(p, sizeof(*one));
            if (one == NULL) {
                return NULL;
            }
            one[0] = nodes.a[i + 1];
            s->v.if_.orelse.n = 1;
            s->v.if_.orelse.a = one;
        }
    }
    return nodes.a[0];
}

// while_stmt:
//     | invalid_while_stmt
//     | 'while' named_expression ':' block [else_block]
static rp_stmt_t *while_stmt(rp_parser_t *p)
{
    rp_token_t *kw = rp_p_next(p);
    rp_expr_t *test = rp_p_named_expression(p);
    if (test == NULL || header_colon(p) < 0) {
        return NULL;
    }
    rp_stmt_seq_t body, orelse = {0};
    if (block(p, &body, "'while' statement", kw->lineno) < 0) {
        return NULL;
    }
    if (rp_p_at(p, TOK(KW_ELSE)) && else_block(p, &orelse) < 0) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_WHILE, kw);
    if (s != NULL) {
        s->v.while_.test = test;
        s->v.while_.body = body;
        s->v.while_.orelse = orelse;
    }
    return s;
}

// for_stmt:
//     | invalid_for_stmt
//     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT]
//       block [else_block]
//     | invalid_for_target
static rp_stmt_t *for_stmt(rp_parser_t *p)
{
    rp_token_t *kw = rp_p_next(p);
    rp_expr_t *target = rp_p_for_target(p);
    if (target == NULL) {
        return NULL;
    }
    p->mark++;   // 'in'
    rp_expr_t *iter = rp_p_star_expressions(p);
    if (iter == NULL || header_colon(p) < 0) {
        return NULL;
    }
    rp_stmt_seq_t body, orelse = {0};
    if (block(p, &body, "'for' statement", kw->lineno) < 0) {
        return NULL;
    }
    if (rp_p_at(p, TOK(KW_ELSE)) && else_block(p, &orelse) < 0) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_FOR, kw);
    if (s != NULL) {
        s->v.for_.target = target;
        s->v.for_.iter = iter;
        s->v.for_.body = body;
        s->v.for_.orelse = orelse;
    }
    return s;
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':')
//     | invalid_with_item
//     | expression
// invalid_with_item:
//     | expression 'as' a=expression &(',' | ')' | ':')
static rp_withitem_t *with_item(rp_parser_t *p)
{
    rp_expr_t *e = rp_p_expression(p);
    if (e == NULL) {
        return NULL;
    }
    rp_withitem_t *w = rp_p_alloc(p, sizeof(*w));
    if (w == NULL) {
        return NULL;
    }
    w->context_expr = e;
    if (!rp_p_accept(p, TOK(KW_AS))) {
        return p->error ? NULL : w;
    }
    rp_p_state_t s = rp_p_save(p);
    p->no_invalid++;
    rp_expr_t *t = rp_p_star_target(p);
    p->no_invalid--;
    if (t != NULL && rp_p_invalid_target(t, RP_TARGETS_STAR) == NULL &&
        !p->error) {
        // (What follows is checked by the with statement: "expected ':'"
        // before a NEWLINE, as invalid_with_stmt says.)
        rp_p_set_context(t, RP_STORE);
        w->optional_vars = t;
        return w;
    }
    if (rp_p_restore(p, s) < 0) {
        return NULL;
    }
    if (!p->no_invalid) {
        rp_p_state_t d = rp_p_diag(p);
        rp_expr_t *a = rp_p_expression(p);
        if (a != NULL) {
            rp_tok_kind_t k = rp_p_peek(p)->kind;
            if ((k == TOK(COMMA) || k == TOK(RPAR) || k == TOK(COLON)) &&
                rp_p_raise_invalid_target(p, a, RP_TARGETS_STAR)) {
                return NULL;
            }
        }
        if (rp_p_restore(p, d) < 0) {
            return NULL;
        }
    }
    return rp_p_fail(p);
}

// with_stmt:
//     | invalid_with_stmt_indent
//     | 'with' '(' ','.with_item+ ','? ')' ':' block
//     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | invalid_with_stmt
static rp_stmt_t *with_stmt(rp_parser_t *p)
{
    rp_token_t *kw = rp_p_next(p);
    rp_vec_t items = {0};
    int done = 0;
    if (rp_p_at(p, TOK(LPAR))) {
        // Try the parenthesized form first, as CPython does.
        rp_p_state_t s = rp_p_save(p);
        p->mark++;
        p->no_invalid++;
        int ok = 1;
        do {
            if (rp_p_at(p, TOK(RPAR)) && items.n > 0) {
                break;
            }
            rp_withitem_t *w = with_item(p);
            if (w == NULL || rp_vec_push(p, &items, w) < 0) {
                ok = 0;
                break;
            }
        } while (rp_p_accept(p, TOK(COMMA)));
        p->no_invalid--;
        if (ok && rp_p_accept(p, TOK(RPAR)) && rp_p_at(p, TOK(COLON))) {
            done = 1;
        } else if (ok && p->toks[p->mark - 1]->kind == TOK(RPAR) &&
                   rp_p_at(p, TOK(NEWLINE)) && !p->no_invalid) {
            // invalid_with_stmt: 'with' '(' ','.(expressions
            //     ['as' star_target])+ ','? ')' NEWLINE
            return rp_p_error_last(p, RP_PERR_SYNTAX, "expected ':'");
        } else {
            if (rp_p_restore(p, s) < 0) {
                return NULL;
            }
            items = (rp_vec_t){0};
        }
    }
    if (!done) {
        do {
            rp_withitem_t *w = with_item(p);
            if (w == NULL || rp_vec_push(p, &items, w) < 0) {
                return NULL;
            }
        } while (rp_p_accept(p, TOK(COMMA)));
    }
    if (header_colon(p) < 0) {
        return NULL;
    }
    rp_stmt_seq_t body;
    if (block(p, &body, "'with' statement", kw->lineno) < 0) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_WITH, kw);
    if (s != NULL) {
        s->v.with.items.n = items.n;
        s->v.with.items.a = (rp_withitem_t **)items.a;
        s->v.with.body = body;
    }
    return s;
}

// except_block:
//     | invalid_except_stmt_indent
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
//     | invalid_except_stmt
// invalid_except_stmt:
//     | 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
//     | a='except' '*'? expression ['as' NAME ] NEWLINE
//     | a='except' NEWLINE
static rp_excepthandler_t *except_block(rp_parser_t *p)
{
    rp_token_t *kw = rp_p_next(p);
    rp_expr_t *type = NULL;
    const char *name = NULL;
    if (!rp_p_at(p, TOK(COLON))) {
        if (rp_p_at(p, TOK(NEWLINE)) && !p->no_invalid) {
            return rp_p_error_last(p, RP_PERR_SYNTAX, "expected ':'");
        }
        type = rp_p_expression(p);
        if (type == NULL) {
            return NULL;
        }
        if (rp_p_at(p, TOK(COMMA)) && !p->no_invalid) {
            rp_p_state_t s = rp_p_diag(p);
            p->mark++;
            int ok = rp_p_expressions(p) != NULL;
            if (ok && rp_p_accept(p, TOK(KW_AS))) {
                ok = rp_p_accept(p, TOK(NAME)) != NULL;
            }
            if (ok && rp_p_at(p, TOK(COLON))) {
                rp_lexer_t *lx = &p->lx;
                return rp_p_error_at(p, RP_PERR_SYNTAX, type->lineno,
                                     type->col_offset, lx->lineno,
                                     (int)(lx->cur - lx->line_start) - 1,
                                     "multiple exception types must be "
                                     "parenthesized");
            }
            if (rp_p_restore(p, s) < 0) {
                return NULL;
            }
            return rp_p_fail(p);
        }
        if (rp_p_accept(p, TOK(KW_AS))) {
            rp_token_t *n = rp_p_expect(p, TOK(NAME));
            if (n == NULL || (name = token_str(p, n)) == NULL) {
                return NULL;
            }
        }
    }
    if (header_colon(p) < 0) {
        return NULL;
    }
    rp_excepthandler_t *h = rp_p_alloc(p, sizeof(*h));
    if (h == NULL) {
        return NULL;
    }
    if (block(p, &h->body, "'except' statement", kw->lineno) < 0) {
        return NULL;
    }
    rp_token_t *last = rp_p_last(p);
    h->type = type;
    h->name = name;
    h->lineno = kw->lineno;
    h->col_offset = kw->col_offset;
    h->end_lineno = last->end_lineno;
    h->end_col_offset = last->end_col_offset;
    return h;
}

// try_stmt:
//     | invalid_try_stmt
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
// finally_block: invalid_finally_stmt | 'finally' &&':' block
static rp_stmt_t *try_stmt(rp_parser_t *p)
{
    rp_token_t *kw = rp_p_next(p);
    if (rp_p_expect_forced(p, TOK(COLON), ":") == NULL) {
        return NULL;
    }
    rp_stmt_seq_t body, orelse = {0}, finalbody = {0};
    if (block(p, &body, "'try' statement", kw->lineno) < 0) {
        return NULL;
    }
    rp_vec_t handlers = {0};
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    if (k != TOK(KW_EXCEPT) && k != TOK(KW_FINALLY)) {
        if (p->error) {
            return NULL;
        }
        return rp_p_error_last(p, RP_PERR_SYNTAX, "expected 'except' or "
                               "'finally' block");
    }
    while (rp_p_at(p, TOK(KW_EXCEPT))) {
        if (rp_p_peek2(p)->kind == TOK(STAR)) {
            // except* (exception groups) is not supported.
            p->mark++;
            return rp_p_fail(p);
        }
        rp_excepthandler_t *h = except_block(p);
        if (h == NULL || rp_vec_push(p, &handlers, h) < 0) {
            return NULL;
        }
    }
    if (handlers.n > 0 && rp_p_at(p, TOK(KW_ELSE)) &&
        else_block(p, &orelse) < 0) {
        return NULL;
    }
    if (rp_p_at(p, TOK(KW_FINALLY))) {
        rp_token_t *f = rp_p_next(p);
        if (rp_p_expect_forced(p, TOK(COLON), ":") == NULL ||
            block(p, &finalbody, "'finally' statement", f->lineno) < 0) {
            return NULL;
        }
    }
    if (p->error) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_TRY, kw);
    if (s != NULL) {
        s->v.try_.body = body;
        s->v.try_.handlers.n = handlers.n;
        s->v.try_.handlers.a = (rp_excepthandler_t **)handlers.a;
        s->v.try_.orelse = orelse;
        s->v.try_.finalbody = finalbody;
    }
    return s;
}

// class_def_raw:
//     | invalid_class_def_raw
//     | 'class' NAME ['(' [arguments] ')'] ':' block
static rp_stmt_t *class_def(rp_parser_t *p, rp_vec_t *decorators)
{
    rp_token_t *kw = rp_p_next(p);
    rp_token_t *name = rp_p_expect(p, TOK(NAME));
    if (name == NULL) {
        return NULL;
    }
    rp_expr_seq_t bases = {0};
    rp_keyword_seq_t kws = {0};
    rp_token_t *open = rp_p_accept(p, TOK(LPAR));
    if (open != NULL && rp_p_arguments(p, open, 0, &bases, &kws) < 0) {
        return NULL;
    }
    if (header_colon(p) < 0) {
        return NULL;
    }
    rp_stmt_seq_t body;
    if (block(p, &body, "class definition", kw->lineno) < 0) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_CLASSDEF, kw);
    if (s == NULL || (s->v.classdef.name = token_str(p, name)) == NULL) {
        return NULL;
    }
    s->v.classdef.bases = bases;
    s->v.classdef.keywords = kws;
    s->v.classdef.body = body;
    s->v.classdef.decorator_list = rp_p_expr_seq(decorators);
    return s;
}

// function_def_raw:
//     | invalid_def_raw
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':'
//       [func_type_comment] block
static rp_stmt_t *function_def(rp_parser_t *p, rp_vec_t *decorators)
{
    rp_token_t *kw = rp_p_next(p);
    rp_token_t *name = rp_p_expect(p, TOK(NAME));
    if (name == NULL || rp_p_expect_forced(p, TOK(LPAR), "(") == NULL) {
        return NULL;
    }
    rp_arguments_t *args = rp_p_at(p, TOK(RPAR)) ? rp_p_empty_arguments(p)
                                                 : rp_p_params(p, 0);
    if (args == NULL || rp_p_expect(p, TOK(RPAR)) == NULL) {
        return NULL;
    }
    rp_expr_t *returns = NULL;
    if (rp_p_accept(p, TOK(RARROW))) {
        returns = rp_p_expression(p);
        if (returns == NULL) {
            return NULL;
        }
    }
    if (rp_p_expect_forced(p, TOK(COLON), ":") == NULL) {
        return NULL;
    }
    rp_stmt_seq_t body;
    if (block(p, &body, "function definition", kw->lineno) < 0) {
        return NULL;
    }
    rp_stmt_t *s = rp_p_stmt_from(p, RP_S_FUNCTIONDEF, kw);
    if (s == NULL || (s->v.functiondef.name = token_str(p, name)) == NULL) {
        return NULL;
    }
    s->v.functiondef.args = args;
    s->v.functiondef.body = body;
    s->v.functiondef.decorator_list = rp_p_expr_seq(decorators);
    s->v.functiondef.returns = returns;
    return s;
}

// decorators: ('@' named_expression NEWLINE)+
// function_def: decorators function_def_raw | function_def_raw
// class_def: decorators class_def_raw | class_def_raw
static rp_stmt_t *decorated(rp_parser_t *p)
{
    rp_vec_t decorators = {0};
    while (rp_p_accept(p, TOK(AT))) {
        rp_expr_t *d = rp_p_named_expression(p);
        if (d == NULL || rp_p_expect(p, TOK(NEWLINE)) == NULL ||
            rp_vec_push(p, &decorators, d) < 0) {
            return NULL;
        }
    }
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    if (k == TOK(KW_DEF)) {
        return function_def(p, &decorators);
    }
    if (k == TOK(KW_CLASS)) {
        return class_def(p, &decorators);
    }
    return rp_p_fail(p);
}

// compound_stmt:
//     | &('def' | '@' | ASYNC) function_def
//     | &'if' if_stmt
//     | &('class' | '@') class_def
//     | &('with' | ASYNC) with_stmt
//     | &('for' | ASYNC) for_stmt
//     | &'try' try_stmt
//     | &'while' while_stmt
// Returns NULL without an error when the next token starts no compound
// statement.
static rp_stmt_t *compound_stmt(rp_parser_t *p)
{
    rp_vec_t none = {0};
    switch (rp_p_peek(p)->kind) {
    case TOK(KW_DEF): return function_def(p, &none);
    case TOK(AT): return decorated(p);
    case TOK(KW_IF): return if_stmt(p);
    case TOK(KW_CLASS): return class_def(p, &none);
    case TOK(KW_WITH): return with_stmt(p);
    case TOK(KW_FOR): return for_stmt(p);
    case TOK(KW_TRY): return try_stmt(p);
    case TOK(KW_WHILE): return while_stmt(p);
    default: return NULL;
    }
}

static int is_compound_start(rp_tok_kind_t k)
{
    return k == TOK(KW_DEF) || k == TOK(AT) || k == TOK(KW_IF) ||
           k == TOK(KW_CLASS) || k == TOK(KW_WITH) || k == TOK(KW_FOR) ||
           k == TOK(KW_TRY) || k == TOK(KW_WHILE);
}

// statement: compound_stmt | simple_stmts
static int statement(rp_parser_t *p, rp_vec_t *out)
{
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    if (p->error) {
        return -1;
    }
    if (is_compound_start(k)) {
        if (rp_p_enter(p, 5) < 0) {
            return -1;
        }
        rp_stmt_t *s = compound_stmt(p);
        rp_p_leave(p, 5);
        if (s == NULL || rp_vec_push(p, out, s) < 0) {
            return -1;
        }
        return 0;
    }
    return simple_stmts(p, out);
}

// file: [statements] ENDMARKER
// statements: statement+
int rp_p_statements_file(rp_parser_t *p, rp_stmt_seq_t *out)
{
    rp_vec_t v = {0};
    while (!rp_p_at(p, TOK(ENDMARKER))) {
        if (p->error || statement(p, &v) < 0) {
            return -1;
        }
    }
    if (p->error) {
        return -1;
    }
    *out = stmt_seq(&v);
    return 0;
}

// statement_newline:
//     | compound_stmt NEWLINE
//     | simple_stmts
//     | NEWLINE
//     | ENDMARKER
int rp_p_statement_newline(rp_parser_t *p, rp_stmt_seq_t *out)
{
    rp_vec_t v = {0};
    rp_token_t *t = rp_p_peek(p);
    if (p->error) {
        return -1;
    }
    if (t->kind == TOK(ENDMARKER)) {
        *out = stmt_seq(&v);
        return 0;
    }
    if (t->kind == TOK(NEWLINE)) {
        p->mark++;
        rp_stmt_t *s = rp_p_stmt_from(p, RP_S_PASS, t);
        if (s == NULL || rp_vec_push(p, &v, s) < 0) {
            return -1;
        }
        *out = stmt_seq(&v);
        return 0;
    }
    if (is_compound_start(t->kind)) {
        rp_stmt_t *s = compound_stmt(p);
        if (s == NULL || rp_vec_push(p, &v, s) < 0 ||
            rp_p_expect(p, TOK(NEWLINE)) == NULL) {
            return -1;
        }
    } else if (simple_stmts(p, &v) < 0) {
        return -1;
    }
    *out = stmt_seq(&v);
    return 0;
}
