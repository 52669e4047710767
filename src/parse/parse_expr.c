// Expressions: CPython's precedence ladder from star_expressions down to
// primaries (atoms are in parse_atom.c), and assignment targets, with the
// specific error messages of its invalid_* rules where the parse fails.
//
// Every node starts at the first token of its rule (so `(a) + b` starts
// at the parenthesis) and ends at the last token consumed, as CPython's
// EXTRA does.
#include "parse/parse_internal.h"

#include <string.h>

#define TOK(k) RP_TOK_##k

static rp_expr_t *lambdef(rp_parser_t *p);
static rp_expr_t *slices(rp_parser_t *p);

int rp_p_starts_expression(rp_tok_kind_t k)
{
    switch (k) {
    case TOK(NAME): case TOK(NUMBER): case TOK(STRING): case TOK(LPAR):
    case TOK(LSQB): case TOK(LBRACE): case TOK(MINUS): case TOK(PLUS):
    case TOK(TILDE): case TOK(KW_NOT): case TOK(KW_LAMBDA):
    case TOK(ELLIPSIS): case TOK(KW_NONE): case TOK(KW_TRUE):
    case TOK(KW_FALSE): case TOK(KW_AWAIT):
        return 1;
    default:
        return 0;
    }
}

int rp_p_starts_star_expression(rp_tok_kind_t k)
{
    return k == TOK(STAR) || rp_p_starts_expression(k);
}

static rp_expr_t *tuple_from(rp_parser_t *p, rp_vec_t *elts, int lineno,
                             int col)
{
    rp_expr_t *t = rp_p_expr_from(p, RP_E_TUPLE, lineno, col);
    if (t == NULL) {
        return NULL;
    }
    t->v.seq.elts = rp_p_expr_seq(elts);
    t->v.seq.ctx = RP_LOAD;
    return t;
}

// ---- tuples of expressions ---------------------------------------------------

// expressions: expression (',' expression)* [',']
rp_expr_t *rp_p_expressions(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *e = rp_p_expression(p);
    if (e == NULL || !rp_p_at(p, TOK(COMMA))) {
        return e;
    }
    rp_vec_t v = {0};
    if (rp_vec_push(p, &v, e) < 0) {
        return NULL;
    }
    while (rp_p_accept(p, TOK(COMMA))) {
        if (!rp_p_starts_expression(rp_p_peek(p)->kind)) {
            break;
        }
        e = rp_p_expression(p);
        if (e == NULL || rp_vec_push(p, &v, e) < 0) {
            return NULL;
        }
    }
    return tuple_from(p, &v, start->lineno, start->col_offset);
}

// star_expressions:
//     | star_expression (',' star_expression)+ [',']
//     | star_expression ','
//     | star_expression
rp_expr_t *rp_p_star_expressions(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *e = rp_p_star_expression(p);
    if (e == NULL || !rp_p_at(p, TOK(COMMA))) {
        return e;
    }
    rp_vec_t v = {0};
    if (rp_vec_push(p, &v, e) < 0) {
        return NULL;
    }
    while (rp_p_accept(p, TOK(COMMA))) {
        if (!rp_p_starts_star_expression(rp_p_peek(p)->kind)) {
            break;
        }
        e = rp_p_star_expression(p);
        if (e == NULL || rp_vec_push(p, &v, e) < 0) {
            return NULL;
        }
    }
    rp_expr_t *t = tuple_from(p, &v, start->lineno, start->col_offset);
    p->bare_tuple = t;
    return t;
}

// star_expression: '*' bitwise_or | expression
rp_expr_t *rp_p_star_expression(rp_parser_t *p)
{
    rp_token_t *star = rp_p_accept(p, TOK(STAR));
    if (star == NULL) {
        return rp_p_expression(p);
    }
    rp_expr_t *v = rp_p_bitwise_or(p);
    if (v == NULL) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_STARRED, star->lineno,
                                  star->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.starred.value = v;
    e->v.starred.ctx = RP_LOAD;
    return e;
}

// star_named_expression: '*' bitwise_or | named_expression
rp_expr_t *rp_p_star_named_expression(rp_parser_t *p)
{
    if (rp_p_at(p, TOK(STAR))) {
        return rp_p_star_expression(p);
    }
    return rp_p_named_expression(p);
}

// ---- named expressions ----------------------------------------------------------

// The checks of invalid_named_expression for `e` followed by '=' or ':='
// (never valid where a named_expression is expected).  Returns -1 if an
// error was raised.
//     invalid_named_expression:
//         | a=expression ':=' expression
//         | a=NAME '=' b=bitwise_or !('='|':=')
//         | !(list|tuple|genexp|'True'|'None'|'False')
//           a=bitwise_or b='=' bitwise_or !('='|':=')
static int invalid_named_expression(rp_parser_t *p, rp_token_t *start,
                                    rp_expr_t *e)
{
    if (p->no_invalid || p->error) {
        return 0;
    }
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    rp_p_state_t s = rp_p_diag(p);
    if (k == TOK(COLONEQUAL)) {
        p->mark++;
        rp_expr_t *rhs = rp_p_expression(p);
        if (rhs != NULL) {
            rp_p_error_node(p, e, "cannot use assignment expressions with %s",
                            rp_p_expr_name(e));
            return -1;
        }
        return rp_p_restore(p, s);
    }
    if (k != TOK(EQUAL)) {
        return 0;
    }
    if (e->kind == RP_E_NAME && start->kind == TOK(NAME) &&
        p->toks[s.mark - 1] == start) {
        p->mark++;
        rp_expr_t *b = rp_p_bitwise_or(p);
        if (b != NULL) {
            rp_tok_kind_t after = rp_p_peek(p)->kind;
            if (after != TOK(EQUAL) && after != TOK(COLONEQUAL)) {
                rp_p_error_range(p, e, b, "invalid syntax. Maybe you meant "
                                 "'==' or ':=' instead of '='?");
                return -1;
            }
        }
        return rp_p_restore(p, s);
    }
    // Alternative 3: re-parse a bitwise_or from the start.
    int start_mark = s.mark;
    while (start_mark > 0 && p->toks[start_mark] != start) {
        start_mark--;
    }
    const rp_expr_t *a = rp_p_assign_here(p, start_mark);
    if (a == NULL) {
        return p->error ? -1 : 0;
    }
    rp_p_error_node(p, a, "cannot assign to %s here. Maybe you meant "
                    "'==' instead of '='?", rp_p_expr_name(a));
    return -1;
}

const rp_expr_t *rp_p_assign_here(rp_parser_t *p, int start_mark)
{
    rp_token_t *start = p->toks[start_mark];
    if (start->kind == TOK(KW_TRUE) || start->kind == TOK(KW_NONE) ||
        start->kind == TOK(KW_FALSE)) {
        return NULL;
    }
    rp_p_state_t s = rp_p_diag(p);
    p->mark = start_mark;
    p->no_invalid++;
    if (start->kind == TOK(LPAR) || start->kind == TOK(LSQB)) {
        rp_expr_t *a = rp_p_atom(p);
        if (a == NULL || a->kind == RP_E_LIST || a->kind == RP_E_TUPLE ||
            a->kind == RP_E_GENEXP) {
            p->no_invalid--;
            rp_p_restore(p, s);
            return NULL;
        }
        p->mark = start_mark;
    }
    rp_expr_t *a = rp_p_bitwise_or(p);
    int found = 0;
    if (a != NULL && rp_p_accept(p, TOK(EQUAL)) && rp_p_bitwise_or(p) != NULL) {
        rp_tok_kind_t after = rp_p_peek(p)->kind;
        found = !p->error && after != TOK(EQUAL) && after != TOK(COLONEQUAL);
    }
    p->no_invalid--;
    if (rp_p_restore(p, s) < 0) {
        return NULL;
    }
    return found ? a : NULL;
}

// named_expression:
//     | assignment_expression
//     | invalid_named_expression
//     | expression !':='
// assignment_expression: NAME ':=' ~ expression
rp_expr_t *rp_p_named_expression(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    if (start->kind == TOK(NAME) && rp_p_peek2(p)->kind == TOK(COLONEQUAL)) {
        rp_expr_t *target = rp_p_name(p, rp_p_next(p));
        rp_p_next(p);
        if (target == NULL) {
            return NULL;
        }
        rp_expr_t *value = rp_p_expression(p);
        if (value == NULL) {
            return NULL;
        }
        rp_expr_t *e = rp_p_expr_from(p, RP_E_NAMEDEXPR, start->lineno,
                                      start->col_offset);
        if (e == NULL) {
            return NULL;
        }
        target->v.name.ctx = RP_STORE;
        e->v.namedexpr.target = target;
        e->v.namedexpr.value = value;
        return e;
    }
    rp_expr_t *e = rp_p_expression(p);
    if (e == NULL) {
        return NULL;
    }
    rp_tok_kind_t k = rp_p_peek(p)->kind;
    if ((k == TOK(EQUAL) || k == TOK(COLONEQUAL)) &&
        invalid_named_expression(p, start, e) < 0) {
        return NULL;
    }
    return e;
}

// ---- conditional expressions and lambdas --------------------------------------

static int is_legacy_name(const rp_expr_t *e)
{
    return e->kind == RP_E_NAME && (strcmp(e->v.name.id, "print") == 0 ||
                                    strcmp(e->v.name.id, "exec") == 0);
}

// invalid_legacy_expression:
//     | a=NAME !'(' b=star_expressions   (a is print or exec)
// Tried where an expression starts with the NAME; returns -1 if raised.
// A check that failed at a token fails again there (it depends only on the
// tokens that follow), so each pass remembers the failure in the token, as
// CPython's memoised rules do: without it, nested `print [print [...` would
// be re-parsed from every level, in time exponential in the depth.
static int invalid_legacy_expression(rp_parser_t *p, rp_expr_t *a)
{
    rp_token_t *at = p->toks[p->mark];
    unsigned bit = p->no_invalid ? 0 : (unsigned)RP_MEMO_LEGACY << (p->pass2 != 0);
    if (at->memo & bit) {
        return 0;
    }
    rp_p_state_t s = rp_p_diag(p);
    rp_expr_t *b = rp_p_star_expressions(p);
    if (b != NULL) {
        rp_p_error_range(p, a, b, "Missing parentheses in call to '%s'. "
                         "Did you mean %s(...)?", a->v.name.id, a->v.name.id);
        return -1;
    }
    if (rp_p_restore(p, s) < 0) {
        return -1;
    }
    at->memo |= (unsigned char)bit;
    return 0;
}

static int is_soft_keyword(const rp_token_t *t)
{
    size_t n = (size_t)(t->end - t->start);
    return t->kind == TOK(NAME) &&
           ((n == 1 && t->start[0] == '_') ||
            (n == 5 && memcmp(t->start, "match", 5) == 0) ||
            (n == 4 && memcmp(t->start, "case", 4) == 0));
}

// The checks of invalid_expression and invalid_legacy_expression after a
// complete disjunction `a` that started at token `start`.  Returns -1 if
// an error was raised.
//     invalid_expression:
//         | !(NAME STRING | SOFT_KEYWORD) a=disjunction
//           b=expression_without_invalid      (inside brackets)
//         | a=disjunction 'if' b=disjunction !('else'|':')
static int invalid_expression(rp_parser_t *p, rp_token_t *start, int smark,
                              rp_expr_t *a)
{
    rp_token_t *next = rp_p_peek(p);
    if (p->error || !rp_p_starts_expression(next->kind)) {
        return 0;
    }
    int legacy = is_legacy_name(a) && p->mark == smark + 1;
    int name_string = start->kind == TOK(NAME) &&
                      p->toks[smark + 1]->kind == TOK(STRING);
    if (!name_string && !is_soft_keyword(start) && !legacy) {
        rp_p_state_t s = rp_p_diag(p);
        p->no_invalid++;
        rp_expr_t *b = rp_p_expression_without_invalid(p);
        p->no_invalid--;
        if (b != NULL && p->toks[p->mark - 1]->level != 0) {
            rp_p_error_range(p, a, b,
                             "invalid syntax. Perhaps you forgot a comma?");
            return -1;
        }
        if (rp_p_restore(p, s) < 0) {
            return -1;
        }
    }
    if (legacy) {
        return invalid_legacy_expression(p, a);
    }
    return 0;
}

static rp_expr_t *expression(rp_parser_t *p, int with_invalid)
{
    rp_token_t *start = rp_p_peek(p);
    if (start->kind == TOK(KW_LAMBDA)) {
        return lambdef(p);
    }
    int smark = p->mark;
    if (p->pass2 && with_invalid && !p->no_invalid &&
        start->kind == TOK(NAME) && rp_p_peek2(p)->kind != TOK(LPAR) &&
        rp_p_starts_star_expression(rp_p_peek2(p)->kind)) {
        // CPython's second pass tries invalid_legacy_expression before
        // anything else, even on valid code such as `print -1`.
        rp_expr_t *a = rp_p_name(p, rp_p_next(p));
        if (a == NULL) {
            return NULL;
        }
        if (is_legacy_name(a) && invalid_legacy_expression(p, a) < 0) {
            return NULL;
        }
        p->mark = smark;
    }
    rp_expr_t *a = rp_p_disjunction(p);
    if (a == NULL) {
        return NULL;
    }
    if (rp_p_at(p, TOK(KW_IF))) {
        p->mark++;
        rp_expr_t *b = rp_p_disjunction(p);
        if (b == NULL) {
            return NULL;
        }
        if (!rp_p_accept(p, TOK(KW_ELSE))) {
            if (with_invalid && !p->no_invalid && !p->error &&
                !rp_p_at(p, TOK(COLON))) {
                return rp_p_error_range(p, a, b, "expected 'else' after "
                                        "'if' expression");
            }
            return rp_p_fail(p);
        }
        if (rp_p_enter(p, 1) < 0) {
            return NULL;
        }
        rp_expr_t *c = rp_p_expression(p);
        rp_p_leave(p, 1);
        if (c == NULL) {
            return NULL;
        }
        rp_expr_t *e = rp_p_expr_from(p, RP_E_IFEXP, start->lineno,
                                      start->col_offset);
        if (e == NULL) {
            return NULL;
        }
        e->v.ifexp.test = b;
        e->v.ifexp.body = a;
        e->v.ifexp.orelse = c;
        return e;
    }
    if (with_invalid && !p->no_invalid &&
        invalid_expression(p, start, smark, a) < 0) {
        return NULL;
    }
    return a;
}

// expression:
//     | invalid_expression
//     | invalid_legacy_expression
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
rp_expr_t *rp_p_expression(rp_parser_t *p)
{
    if (rp_p_enter(p, 1) < 0) {
        return NULL;
    }
    rp_expr_t *e = expression(p, 1);
    rp_p_leave(p, 1);
    return e;
}

// expression_without_invalid:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
rp_expr_t *rp_p_expression_without_invalid(rp_parser_t *p)
{
    if (rp_p_enter(p, 1) < 0) {
        return NULL;
    }
    rp_expr_t *e = expression(p, 0);
    rp_p_leave(p, 1);
    return e;
}

// lambdef: 'lambda' [lambda_params] ':' expression
static rp_expr_t *lambdef(rp_parser_t *p)
{
    rp_token_t *start = rp_p_next(p);
    rp_arguments_t *args;
    if (rp_p_at(p, TOK(COLON))) {
        args = rp_p_empty_arguments(p);
    } else {
        args = rp_p_params(p, 1);
    }
    if (args == NULL || rp_p_expect(p, TOK(COLON)) == NULL) {
        return NULL;
    }
    if (rp_p_enter(p, 2) < 0) {
        return NULL;
    }
    rp_expr_t *body = rp_p_expression(p);
    rp_p_leave(p, 2);
    if (body == NULL) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_LAMBDA, start->lineno,
                                  start->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.lambda.args = args;
    e->v.lambda.body = body;
    return e;
}

// ---- boolean operators and comparisons ------------------------------------------

// inversion: 'not' inversion | comparison
// (the 'not's are collected in a loop, not by recursion)
static rp_expr_t *inversion(rp_parser_t *p)
{
    rp_token_t *nots[16];
    rp_token_t **notv = nots;
    int nnot = 0, cap = 16;
    while (rp_p_at(p, TOK(KW_NOT))) {
        if (nnot == cap) {
            rp_token_t **bigger = rp_p_alloc(p, sizeof(*bigger) * (size_t)cap * 2);
            if (bigger == NULL) {
                return NULL;
            }
            memcpy(bigger, notv, sizeof(*bigger) * (size_t)nnot);
            notv = bigger;
            cap *= 2;
        }
        notv[nnot++] = rp_p_next(p);
    }
    if (nnot && rp_p_enter(p, nnot) < 0) {
        return NULL;
    }
    rp_expr_t *x = rp_p_comparison(p);
    if (nnot) {
        rp_p_leave(p, nnot);
    }
    for (int i = nnot - 1; i >= 0 && x != NULL; i--) {
        rp_expr_t *u = rp_p_expr_from(p, RP_E_UNARYOP, notv[i]->lineno,
                                      notv[i]->col_offset);
        if (u == NULL) {
            return NULL;
        }
        u->v.unaryop.op = RP_NOT;
        u->v.unaryop.operand = x;
        x = u;
    }
    return x;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
// conjunction: inversion ('and' inversion)+ | inversion
static rp_expr_t *boolop(rp_parser_t *p, rp_boolop_t op)
{
    rp_token_t *start = rp_p_peek(p);
    rp_tok_kind_t kw = op == RP_OR ? TOK(KW_OR) : TOK(KW_AND);
    rp_expr_t *e = op == RP_OR ? boolop(p, RP_AND) : inversion(p);
    if (e == NULL || !rp_p_at(p, kw)) {
        return p->error ? NULL : e;
    }
    rp_vec_t v = {0};
    if (rp_vec_push(p, &v, e) < 0) {
        return NULL;
    }
    while (rp_p_accept(p, kw)) {
        rp_expr_t *x = op == RP_OR ? boolop(p, RP_AND) : inversion(p);
        if (x == NULL || rp_vec_push(p, &v, x) < 0) {
            return NULL;
        }
    }
    if (p->error) {
        return NULL;
    }
    rp_expr_t *b = rp_p_expr_from(p, RP_E_BOOLOP, start->lineno,
                                  start->col_offset);
    if (b == NULL) {
        return NULL;
    }
    b->v.boolop.op = op;
    b->v.boolop.values = rp_p_expr_seq(&v);
    return b;
}

rp_expr_t *rp_p_disjunction(rp_parser_t *p)
{
    return boolop(p, RP_OR);
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
// compare_op_bitwise_or_pair: ('==' | '!=' | '<=' | '<' | '>=' | '>'
//                              | 'not' 'in' | 'in' | 'is' 'not' | 'is')
//                             bitwise_or
rp_expr_t *rp_p_comparison(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *left = rp_p_bitwise_or(p);
    if (left == NULL) {
        return NULL;
    }
    rp_cmpop_t opsbuf[8];
    rp_expr_t *cmpbuf[8];
    rp_cmpop_t *ops = opsbuf;
    rp_expr_t **cmps = cmpbuf;
    int n = 0, cap = 8;
    for (;;) {
        rp_token_t *t = rp_p_peek(p);
        rp_cmpop_t op;
        int ntok = 1;
        switch (t->kind) {
        case TOK(EQEQUAL): op = RP_CMP_EQ; break;
        case TOK(NOTEQUAL):
            if (t->start[0] != '!') {
                goto done;   // '<>' is only valid with barry_as_FLUFL
            }
            op = RP_CMP_NOTEQ;
            break;
        case TOK(LESSEQUAL): op = RP_CMP_LTE; break;
        case TOK(LESS): op = RP_CMP_LT; break;
        case TOK(GREATEREQUAL): op = RP_CMP_GTE; break;
        case TOK(GREATER): op = RP_CMP_GT; break;
        case TOK(KW_IN): op = RP_CMP_IN; break;
        case TOK(KW_NOT):
            if (rp_p_peek2(p)->kind != TOK(KW_IN)) {
                goto done;
            }
            op = RP_CMP_NOTIN;
            ntok = 2;
            break;
        case TOK(KW_IS):
            if (rp_p_peek2(p)->kind == TOK(KW_NOT)) {
                op = RP_CMP_ISNOT;
                ntok = 2;
            } else {
                op = RP_CMP_IS;
            }
            break;
        default:
            goto done;
        }
        if (p->error) {
            return NULL;
        }
        p->mark += ntok;
        rp_expr_t *right = rp_p_bitwise_or(p);
        if (right == NULL) {
            return NULL;
        }
        if (n == cap) {
            rp_cmpop_t *o2 = rp_p_alloc(p, sizeof(*o2) * (size_t)cap * 2);
            rp_expr_t **c2 = rp_p_alloc(p, sizeof(*c2) * (size_t)cap * 2);
            if (o2 == NULL || c2 == NULL) {
                return NULL;
            }
            memcpy(o2, ops, sizeof(*o2) * (size_t)n);
            memcpy(c2, cmps, sizeof(*c2) * (size_t)n);
            ops = o2;
            cmps = c2;
            cap *= 2;
        }
        ops[n] = op;
        cmps[n] = right;
        n++;
    }
done:
    if (p->error) {
        return NULL;
    }
    if (n == 0) {
        return left;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_COMPARE, start->lineno,
                                  start->col_offset);
    rp_cmpop_t *o = rp_p_alloc(p, sizeof(*o) * (size_t)n);
    rp_expr_t **c = rp_p_alloc(p, sizeof(*c) * (size_t)n);
    if (e == NULL || o == NULL || c == NULL) {
        return NULL;
    }
    memcpy(o, ops, sizeof(*o) * (size_t)n);
    memcpy(c, cmps, sizeof(*c) * (size_t)n);
    e->v.compare.left = left;
    e->v.compare.n = n;
    e->v.compare.ops = o;
    e->v.compare.comparators = c;
    return e;
}

// ---- binary operators -------------------------------------------------------------

static rp_expr_t *factor(rp_parser_t *p);

// The operator of token kind k at precedence level `level`, or -1.
// Levels: 1 '|', 2 '^', 3 '&', 4 '<<' '>>', 5 '+' '-',
// 6 '*' '/' '//' '%' '@'.
static int binop_at(rp_tok_kind_t k, int level)
{
    switch (level) {
    case 1: return k == TOK(VBAR) ? RP_OP_BITOR : -1;
    case 2: return k == TOK(CIRCUMFLEX) ? RP_OP_BITXOR : -1;
    case 3: return k == TOK(AMPER) ? RP_OP_BITAND : -1;
    case 4:
        return k == TOK(LEFTSHIFT) ? RP_OP_LSHIFT
             : k == TOK(RIGHTSHIFT) ? RP_OP_RSHIFT : -1;
    case 5:
        return k == TOK(PLUS) ? RP_OP_ADD : k == TOK(MINUS) ? RP_OP_SUB : -1;
    case 6:
        switch (k) {
        case TOK(STAR): return RP_OP_MULT;
        case TOK(SLASH): return RP_OP_DIV;
        case TOK(DOUBLESLASH): return RP_OP_FLOORDIV;
        case TOK(PERCENT): return RP_OP_MOD;
        case TOK(AT): return RP_OP_MATMUL;
        default: return -1;
        }
    default:
        return -1;
    }
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
// shift_expr: shift_expr ('<<' | '>>') sum | sum
// sum: sum ('+' | '-') term | term
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
static rp_expr_t *binop_level(rp_parser_t *p, int level)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *left = level == 6 ? factor(p) : binop_level(p, level + 1);
    if (left == NULL) {
        return NULL;
    }
    for (;;) {
        int op = binop_at(rp_p_peek(p)->kind, level);
        if (op < 0 || p->error) {
            return p->error ? NULL : left;
        }
        p->mark++;
        rp_expr_t *right = level == 6 ? factor(p) : binop_level(p, level + 1);
        if (right == NULL) {
            return NULL;
        }
        rp_expr_t *e = rp_p_expr_from(p, RP_E_BINOP, start->lineno,
                                      start->col_offset);
        if (e == NULL) {
            return NULL;
        }
        e->v.binop.left = left;
        e->v.binop.op = (rp_operator_t)op;
        e->v.binop.right = right;
        left = e;
    }
}

rp_expr_t *rp_p_bitwise_or(rp_parser_t *p)
{
    return binop_level(p, 1);
}

// power: await_primary '**' factor | await_primary
static rp_expr_t *power(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *left = rp_p_primary(p);
    if (left == NULL || !rp_p_accept(p, TOK(DOUBLESTAR))) {
        return left;
    }
    if (rp_p_enter(p, 2) < 0) {
        return NULL;
    }
    rp_expr_t *right = factor(p);
    rp_p_leave(p, 2);
    if (right == NULL) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_BINOP, start->lineno,
                                  start->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.binop.left = left;
    e->v.binop.op = RP_OP_POW;
    e->v.binop.right = right;
    return e;
}

// factor: '+' factor | '-' factor | '~' factor | power
static rp_expr_t *factor(rp_parser_t *p)
{
    rp_token_t *opsbuf[32];
    rp_token_t **ops = opsbuf;
    int n = 0, cap = 32;
    for (;;) {
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (k != TOK(PLUS) && k != TOK(MINUS) && k != TOK(TILDE)) {
            break;
        }
        if (n == cap) {
            rp_token_t **bigger = rp_p_alloc(p, sizeof(*bigger) * (size_t)cap * 2);
            if (bigger == NULL) {
                return NULL;
            }
            memcpy(bigger, ops, sizeof(*bigger) * (size_t)n);
            ops = bigger;
            cap *= 2;
        }
        ops[n++] = rp_p_next(p);
    }
    if (n && rp_p_enter(p, n) < 0) {
        return NULL;
    }
    rp_expr_t *e = power(p);
    if (n) {
        rp_p_leave(p, n);
    }
    for (int i = n - 1; i >= 0 && e != NULL; i--) {
        rp_expr_t *u = rp_p_expr_from(p, RP_E_UNARYOP, ops[i]->lineno,
                                      ops[i]->col_offset);
        if (u == NULL) {
            return NULL;
        }
        u->v.unaryop.op = ops[i]->kind == TOK(PLUS) ? RP_UADD
                        : ops[i]->kind == TOK(MINUS) ? RP_USUB : RP_INVERT;
        u->v.unaryop.operand = e;
        e = u;
    }
    return e;
}

// ---- primaries ----------------------------------------------------------------------

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
rp_expr_t *rp_p_primary(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *e = rp_p_atom(p);
    while (e != NULL) {
        rp_token_t *t = rp_p_peek(p);
        if (p->error) {
            return NULL;
        }
        if (t->kind == TOK(DOT)) {
            p->mark++;
            rp_token_t *name = rp_p_expect(p, TOK(NAME));
            if (name == NULL) {
                return NULL;
            }
            rp_expr_t *a = rp_p_expr_from(p, RP_E_ATTRIBUTE, start->lineno,
                                          start->col_offset);
            if (a == NULL) {
                return NULL;
            }
            a->v.attribute.value = e;
            a->v.attribute.attr = rp_p_strndup(p, name->start,
                                               (size_t)(name->end - name->start));
            a->v.attribute.ctx = RP_LOAD;
            if (a->v.attribute.attr == NULL) {
                return NULL;
            }
            e = a;
        } else if (t->kind == TOK(LPAR)) {
            p->mark++;
            rp_expr_seq_t args = {0};
            rp_keyword_seq_t kws = {0};
            if (rp_p_arguments(p, t, 1, &args, &kws) < 0) {
                return NULL;
            }
            rp_expr_t *c = rp_p_expr_from(p, RP_E_CALL, start->lineno,
                                          start->col_offset);
            if (c == NULL) {
                return NULL;
            }
            c->v.call.func = e;
            c->v.call.args = args;
            c->v.call.keywords = kws;
            e = c;
        } else if (t->kind == TOK(LSQB)) {
            // A subscript that does not parse leaves the primary as it was
            // (PEG: the longest primary that parses), so that checks such
            // as the missing-comma one see `b` in `[a b [a b]]`.
            rp_p_state_t saved = rp_p_save(p);
            p->mark++;
            rp_expr_t *s = slices(p);
            if (s == NULL || rp_p_expect(p, TOK(RSQB)) == NULL) {
                // A specific error found inside stands.
                if ((p->error && !p->err_generic) || rp_p_restore(p, saved) < 0) {
                    return NULL;
                }
                break;
            }
            rp_expr_t *sub = rp_p_expr_from(p, RP_E_SUBSCRIPT, start->lineno,
                                            start->col_offset);
            if (sub == NULL) {
                return NULL;
            }
            sub->v.subscript.value = e;
            sub->v.subscript.slice = s;
            sub->v.subscript.ctx = RP_LOAD;
            e = sub;
        } else {
            break;
        }
    }
    return e;
}

// slice:
//     | [expression] ':' [expression] [':' [expression]]
//     | named_expression
static rp_expr_t *slice(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *lower = NULL;
    if (start->kind != TOK(COLON)) {
        lower = rp_p_named_expression(p);
        if (lower == NULL) {
            return NULL;
        }
        if (!rp_p_at(p, TOK(COLON)) ||
            (lower->kind == RP_E_NAMEDEXPR && start->kind == TOK(NAME))) {
            return p->error ? NULL : lower;
        }
    }
    p->mark++;   // ':'
    rp_expr_t *upper = NULL, *step = NULL;
    if (rp_p_starts_expression(rp_p_peek(p)->kind)) {
        upper = rp_p_expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (rp_p_accept(p, TOK(COLON))) {
        if (rp_p_starts_expression(rp_p_peek(p)->kind)) {
            step = rp_p_expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    if (p->error) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_SLICE, start->lineno,
                                  start->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.slice.lower = lower;
    e->v.slice.upper = upper;
    e->v.slice.step = step;
    return e;
}

// slices:
//     | slice !','
//     | ','.(slice | starred_expression)+ [',']
// starred_expression: '*' expression
static rp_expr_t *slice_or_starred(rp_parser_t *p)
{
    rp_token_t *star = rp_p_accept(p, TOK(STAR));
    if (star == NULL) {
        return slice(p);
    }
    rp_expr_t *v = rp_p_expression(p);
    if (v == NULL) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_STARRED, star->lineno,
                                  star->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.starred.value = v;
    e->v.starred.ctx = RP_LOAD;
    return e;
}

static rp_expr_t *slices(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    int starred = start->kind == TOK(STAR);
    rp_expr_t *e = slice_or_starred(p);
    if (e == NULL) {
        return NULL;
    }
    if (!starred && !rp_p_at(p, TOK(COMMA))) {
        return p->error ? NULL : e;
    }
    rp_vec_t v = {0};
    if (rp_vec_push(p, &v, e) < 0) {
        return NULL;
    }
    while (rp_p_accept(p, TOK(COMMA))) {
        rp_tok_kind_t k = rp_p_peek(p)->kind;
        if (k != TOK(COLON) && !rp_p_starts_star_expression(k)) {
            break;
        }
        e = slice_or_starred(p);
        if (e == NULL || rp_vec_push(p, &v, e) < 0) {
            return NULL;
        }
    }
    if (p->error) {
        return NULL;
    }
    return tuple_from(p, &v, start->lineno, start->col_offset);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
rp_expr_t *rp_p_yield_expr(rp_parser_t *p)
{
    rp_token_t *start = rp_p_next(p);
    if (rp_p_accept(p, TOK(KW_FROM))) {
        rp_expr_t *v = rp_p_expression(p);
        if (v == NULL) {
            return NULL;
        }
        rp_expr_t *e = rp_p_expr_from(p, RP_E_YIELDFROM, start->lineno,
                                      start->col_offset);
        if (e != NULL) {
            e->v.yieldfrom.value = v;
        }
        return e;
    }
    rp_expr_t *v = NULL;
    if (rp_p_starts_star_expression(rp_p_peek(p)->kind)) {
        v = rp_p_star_expressions(p);
        if (v == NULL) {
            return NULL;
        }
    }
    if (p->error) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_YIELD, start->lineno,
                                  start->col_offset);
    if (e != NULL) {
        e->v.yield.value = v;
    }
    return e;
}


// ---- targets --------------------------------------------------------------------

// star_target: '*' (!'*' star_target) | target_with_star_atom
// Parsed at bitwise_or level; the caller validates and sets Store.
rp_expr_t *rp_p_star_target(rp_parser_t *p)
{
    rp_token_t *star = rp_p_accept(p, TOK(STAR));
    if (star == NULL) {
        return rp_p_bitwise_or(p);
    }
    if (rp_p_at(p, TOK(STAR))) {
        return rp_p_fail(p);
    }
    if (rp_p_enter(p, 1) < 0) {
        return NULL;
    }
    rp_expr_t *v = rp_p_star_target(p);
    rp_p_leave(p, 1);
    if (v == NULL) {
        return NULL;
    }
    rp_expr_t *e = rp_p_expr_from(p, RP_E_STARRED, star->lineno,
                                  star->col_offset);
    if (e == NULL) {
        return NULL;
    }
    e->v.starred.value = v;
    e->v.starred.ctx = RP_LOAD;
    return e;
}

// star_targets:
//     | star_target !','
//     | star_target (',' star_target)* [',']
rp_expr_t *rp_p_star_targets(rp_parser_t *p)
{
    rp_token_t *start = rp_p_peek(p);
    rp_expr_t *e = rp_p_star_target(p);
    if (e == NULL || !rp_p_at(p, TOK(COMMA))) {
        return e;
    }
    rp_vec_t v = {0};
    if (rp_vec_push(p, &v, e) < 0) {
        return NULL;
    }
    while (rp_p_accept(p, TOK(COMMA))) {
        if (!rp_p_starts_star_expression(rp_p_peek(p)->kind)) {
            break;
        }
        e = rp_p_star_target(p);
        if (e == NULL || rp_vec_push(p, &v, e) < 0) {
            return NULL;
        }
    }
    return tuple_from(p, &v, start->lineno, start->col_offset);
}
