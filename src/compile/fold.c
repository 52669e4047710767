// Constant folding on the AST (CPython 3.11's Python/ast_opt.c): literals
// become canonical constant objects, constant expressions are evaluated
// within 3.11's size limits.
#include <string.h>
#include "compile/fold.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/tuple.h"
#include "objects/set.h"

#define MAX_INT_SIZE 128            // bits
#define MAX_COLLECTION_SIZE 256     // items
#define MAX_STR_SIZE 4096           // characters
#define MAX_TOTAL_ITEMS 1024        // including nested collections

static int fold_expr(rp_cctx_t *cx, rp_expr_t *e);
static int fold_stmt(rp_cctx_t *cx, rp_stmt_t *s);

// Turns e into a constant node for the canonical form of val (stolen).
static int make_const_take(rp_cctx_t *cx, rp_expr_t *e, rp_obj_t *val)
{
    rp_obj_t *c = rp_const_cache_merge_take(&cx->consts, val);
    if (!c)
        return -1;
    e->kind = RP_E_CONSTANT;
    memset(&e->v.constant, 0, sizeof e->v.constant);
    e->v.constant.kind = RP_CONST_OBJECT;
    e->v.constant.obj = c;
    return 0;
}

// The result of a folding operation: a value replaces the node; NULL
// (with or without an exception) leaves the node for run time.
static int fold_result(rp_cctx_t *cx, rp_expr_t *e, rp_obj_t *val)
{
    if (!val) {
        if (rp_err_occurred()) {
            if (rp_err_matches(&rp_exc_KeyboardInterrupt))
                return -1;
            rp_err_clear();
        }
        return 0;
    }
    return make_const_take(cx, e, val);
}

static int is_frozenset(rp_obj_t *o)
{
    return o->type == &rp_type_frozenset;
}

// Literal as written in the source -> object.
static int convert_literal(rp_cctx_t *cx, rp_expr_t *e)
{
    rp_constant_t *k = &e->v.constant;
    rp_obj_t *o;
    switch (k->kind) {
    case RP_CONST_OBJECT:
        return 0;
    case RP_CONST_NONE:
        o = rp_newref(rp_None);
        break;
    case RP_CONST_TRUE:
        o = rp_newref(rp_True);
        break;
    case RP_CONST_FALSE:
        o = rp_newref(rp_False);
        break;
    case RP_CONST_ELLIPSIS:
        o = rp_newref(rp_Ellipsis);
        break;
    case RP_CONST_INT: {
        size_t len = k->len ? k->len : strlen(k->text);
        if (rp_int_max_str_digits > 0 && len > (size_t)rp_int_max_str_digits &&
            !(len > 1 && k->text[0] == '0' && k->text[1] != '_')) {
            // A decimal literal past sys.get_int_max_str_digits(): CPython's
            // parser reports it without columns.
            size_t digits = 0;
            for (size_t i = 0; i < len; i++)
                digits += k->text[i] != '_';
            if (digits > (size_t)rp_int_max_str_digits)
                return rp_cctx_error(cx, e->lineno, -1, e->end_lineno, -1,
                                     "Exceeds the limit (%d digits) for integer string "
                                     "conversion: value has %zu digits; use "
                                     "sys.set_int_max_str_digits() to increase the limit "
                                     "- Consider hexadecimal for huge integer literals to "
                                     "avoid decimal conversion limits.",
                                     rp_int_max_str_digits, digits);
        }
        o = rp_int_from_literal(k->text, len);
        break;
    }
    case RP_CONST_FLOAT:
        o = rp_float_from_double(k->f);
        break;
    case RP_CONST_STR:
        o = rp_str_from_utf8(k->text ? k->text : "", (rp_ssize_t)k->len);
        if (!o && rp_err_matches(&rp_exc_UnicodeDecodeError)) {
            // "\ud800" escapes leave lone surrogates, UTF-8-encoded.
            rp_err_clear();
            o = rp_str_decode(k->text, (rp_ssize_t)k->len, "utf-8", "surrogatepass");
        }
        break;
    case RP_CONST_BYTES:
        o = rp_bytes_from(k->text ? k->text : "", (rp_ssize_t)k->len);
        break;
    case RP_CONST_IMAG:
    default:
        return rp_cctx_error(cx, e->lineno, e->col_offset, e->end_lineno,
                             e->end_col_offset, "complex numbers are not supported");
    }
    if (!o)
        return -1;
    return make_const_take(cx, e, o);
}

// ---------------------------------------------------------------------
// Operators with 3.11's safety limits

// CPython's check_complexity: the remaining budget of items, negative
// when a nested constant collection is too big.
static rp_ssize_t check_complexity(rp_obj_t *obj, rp_ssize_t limit)
{
    if (obj->type == &rp_type_tuple) {
        limit -= rp_tuple_len(obj);
        for (rp_ssize_t i = 0; limit >= 0 && i < rp_tuple_len(obj); i++)
            limit = check_complexity(rp_tuple_get_borrow(obj, i), limit);
    }
    else if (is_frozenset(obj)) {
        rp_ssize_t pos = 0;
        rp_obj_t *item;
        limit -= rp_set_len(obj);
        while (limit >= 0 && rp_set_next(obj, &pos, &item, NULL))
            limit = check_complexity(item, limit);
    }
    return limit;
}

static rp_obj_t *safe_multiply(rp_obj_t *v, rp_obj_t *w)
{
    if (rp_int_check(v) && rp_int_check(w) && rp_int_sign(v) && rp_int_sign(w)) {
        size_t vbits = rp_int_bit_length(v);
        size_t wbits = rp_int_bit_length(w);
        if (vbits + wbits > MAX_INT_SIZE)
            return NULL;
    }
    else if (rp_int_check(v) && (rp_tuple_check(w) || is_frozenset(w))) {
        rp_ssize_t size = rp_tuple_check(w) ? rp_tuple_len(w) : rp_set_len(w);
        if (size) {
            int64_t n = rp_int_as_i64(v);
            if (n < 0 || n > MAX_COLLECTION_SIZE / size)
                return NULL;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    }
    else if (rp_int_check(v) && (rp_str_check(w) || rp_bytes_check(w))) {
        rp_ssize_t size = rp_str_check(w) ? rp_str_len(w) : rp_bytes_len(w);
        if (size) {
            int64_t n = rp_int_as_i64(v);
            if (n < 0 || n > MAX_STR_SIZE / size)
                return NULL;
        }
    }
    else if (rp_int_check(w) && (rp_tuple_check(v) || is_frozenset(v) ||
                                 rp_str_check(v) || rp_bytes_check(v))) {
        return safe_multiply(w, v);
    }
    return rp_number_binop(v, w, RP_BINOP_MUL);
}

static rp_obj_t *safe_power(rp_obj_t *v, rp_obj_t *w)
{
    if (rp_int_check(v) && rp_int_check(w) && rp_int_sign(v) && rp_int_sign(w) > 0) {
        size_t vbits = rp_int_bit_length(v);
        int64_t wv = rp_int_as_i64(w);
        if (wv < 0)
            return NULL;
        if (vbits > MAX_INT_SIZE / (uint64_t)wv)
            return NULL;
    }
    return rp_number_binop(v, w, RP_BINOP_POW);
}

static rp_obj_t *safe_lshift(rp_obj_t *v, rp_obj_t *w)
{
    if (rp_int_check(v) && rp_int_check(w) && rp_int_sign(v) && rp_int_sign(w)) {
        size_t vbits = rp_int_bit_length(v);
        int64_t wv = rp_int_as_i64(w);
        if (wv < 0)
            return NULL;
        if ((uint64_t)wv > MAX_INT_SIZE || vbits > MAX_INT_SIZE - (size_t)wv)
            return NULL;
    }
    return rp_number_binop(v, w, RP_BINOP_LSHIFT);
}

static rp_obj_t *safe_mod(rp_obj_t *v, rp_obj_t *w)
{
    if (rp_str_check(v) || rp_bytes_check(v))
        return NULL;
    return rp_number_binop(v, w, RP_BINOP_MOD);
}

static int fold_binop(rp_cctx_t *cx, rp_expr_t *e)
{
    rp_expr_t *l = e->v.binop.left, *r = e->v.binop.right;
    if (!rp_fold_is_const(l) || !rp_fold_is_const(r))
        return 0;
    rp_obj_t *lv = rp_fold_const(l), *rv = rp_fold_const(r);
    rp_obj_t *res;
    switch (e->v.binop.op) {
    case RP_OP_MULT:
        res = safe_multiply(lv, rv);
        break;
    case RP_OP_MOD:
        res = safe_mod(lv, rv);
        break;
    case RP_OP_POW:
        res = safe_power(lv, rv);
        break;
    case RP_OP_LSHIFT:
        res = safe_lshift(lv, rv);
        break;
    case RP_OP_MATMUL:
        return 0;       // no constant implements @
    default:
        res = rp_number_binop(lv, rv, (int)e->v.binop.op);
        break;
    }
    return fold_result(cx, e, res);
}

static int fold_unaryop(rp_cctx_t *cx, rp_expr_t *e)
{
    rp_expr_t *arg = e->v.unaryop.operand;
    if (!rp_fold_is_const(arg)) {
        // not (a is b) -> a is not b, and the like; == and < are not
        // inverted (they may not be complementary).
        if (e->v.unaryop.op == RP_NOT && arg->kind == RP_E_COMPARE && arg->v.compare.n == 1) {
            rp_cmpop_t op = arg->v.compare.ops[0], nop;
            switch (op) {
            case RP_CMP_IS: nop = RP_CMP_ISNOT; break;
            case RP_CMP_ISNOT: nop = RP_CMP_IS; break;
            case RP_CMP_IN: nop = RP_CMP_NOTIN; break;
            case RP_CMP_NOTIN: nop = RP_CMP_IN; break;
            default: return 0;
            }
            arg->v.compare.ops[0] = nop;
            *e = *arg;
        }
        return 0;
    }
    rp_obj_t *v = rp_fold_const(arg), *res;
    switch (e->v.unaryop.op) {
    case RP_NOT: {
        int r = rp_obj_not(v);
        res = r < 0 ? NULL : rp_bool_from(r != 0);
        break;
    }
    case RP_INVERT:
        res = rp_number_unop(v, RP_UNOP_INVERT);
        break;
    case RP_UADD:
        res = rp_number_unop(v, RP_UNOP_POS);
        break;
    case RP_USUB:
        res = rp_number_unop(v, RP_UNOP_NEG);
        break;
    default:
        return 0;
    }
    return fold_result(cx, e, res);
}

// A tuple of the constants elts, or NULL (no exception) if one is not a
// constant; NULL with an exception on failure.
static rp_obj_t *make_const_tuple(rp_expr_seq_t *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (!rp_fold_is_const(elts->a[i]))
            return NULL;
    rp_obj_t *t = rp_tuple_new(elts->n);
    if (!t)
        return NULL;
    for (int i = 0; i < elts->n; i++)
        rp_tuple_init_item_take(t, i, rp_newref(rp_fold_const(elts->a[i])));
    return t;
}

static int fold_tuple(rp_cctx_t *cx, rp_expr_t *e)
{
    if (e->v.seq.ctx != RP_LOAD)
        return 0;
    rp_obj_t *t = make_const_tuple(&e->v.seq.elts);
    if (!t)
        return rp_err_occurred() ? -1 : 0;
    return make_const_take(cx, e, t);
}

static int fold_subscr(rp_cctx_t *cx, rp_expr_t *e)
{
    if (e->v.subscript.ctx != RP_LOAD || !rp_fold_is_const(e->v.subscript.value) ||
        !rp_fold_is_const(e->v.subscript.slice))
        return 0;
    rp_obj_t *r = rp_obj_getitem(rp_fold_const(e->v.subscript.value),
                                 rp_fold_const(e->v.subscript.slice));
    return fold_result(cx, e, r);
}

static int has_starred(rp_expr_seq_t *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (elts->a[i]->kind == RP_E_STARRED)
            return 1;
    return 0;
}

// A list or set literal used only for iteration or membership: list ->
// tuple (constant when possible), set of constants -> frozenset.
static int fold_iter(rp_cctx_t *cx, rp_expr_t *arg)
{
    rp_obj_t *val;
    if (arg->kind == RP_E_LIST) {
        if (has_starred(&arg->v.seq.elts))
            return 0;
        arg->kind = RP_E_TUPLE;
        val = make_const_tuple(&arg->v.seq.elts);
    }
    else if (arg->kind == RP_E_SET) {
        val = make_const_tuple(&arg->v.set.elts);
        if (val) {
            rp_obj_t *fs = rp_frozenset_new(val);
            rp_decref(val);
            val = fs;
        }
    }
    else
        return 0;
    if (!val)
        return rp_err_occurred() ? -1 : 0;
    return make_const_take(cx, arg, val);
}

static int fold_compare(rp_cctx_t *cx, rp_expr_t *e)
{
    int i = e->v.compare.n - 1;
    if (i >= 0 && (e->v.compare.ops[i] == RP_CMP_IN || e->v.compare.ops[i] == RP_CMP_NOTIN))
        return fold_iter(cx, e->v.compare.comparators[i]);
    return 0;
}

// ---------------------------------------------------------------------
// The walk

static int fold_opt(rp_cctx_t *cx, rp_expr_t *e)
{
    return e ? fold_expr(cx, e) : 0;
}

static int fold_seq(rp_cctx_t *cx, rp_expr_seq_t *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->a[i] && fold_expr(cx, seq->a[i]) < 0)
            return -1;
    return 0;
}

static int fold_stmts(rp_cctx_t *cx, rp_stmt_seq_t *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (fold_stmt(cx, seq->a[i]) < 0)
            return -1;
    return 0;
}

static int fold_keywords(rp_cctx_t *cx, rp_keyword_seq_t *kws)
{
    for (int i = 0; i < kws->n; i++)
        if (fold_expr(cx, kws->a[i]->value) < 0)
            return -1;
    return 0;
}

static int fold_arg_annotations(rp_cctx_t *cx, rp_arg_seq_t *args)
{
    for (int i = 0; i < args->n; i++)
        if (fold_opt(cx, args->a[i]->annotation) < 0)
            return -1;
    return 0;
}

static int fold_arguments(rp_cctx_t *cx, rp_arguments_t *a)
{
    if (fold_arg_annotations(cx, &a->posonlyargs) < 0 || fold_arg_annotations(cx, &a->args) < 0)
        return -1;
    if (a->vararg && fold_opt(cx, a->vararg->annotation) < 0)
        return -1;
    if (fold_arg_annotations(cx, &a->kwonlyargs) < 0 || fold_seq(cx, &a->kw_defaults) < 0)
        return -1;
    if (a->kwarg && fold_opt(cx, a->kwarg->annotation) < 0)
        return -1;
    return fold_seq(cx, &a->defaults);
}

static int fold_comprehensions(rp_cctx_t *cx, rp_comp_seq_t *gens)
{
    for (int i = 0; i < gens->n; i++) {
        rp_comprehension_t *g = gens->a[i];
        if (fold_expr(cx, g->target) < 0 || fold_expr(cx, g->iter) < 0 ||
            fold_seq(cx, &g->ifs) < 0 || fold_iter(cx, g->iter) < 0)
            return -1;
    }
    return 0;
}

int rp_fold_has_docstring(const rp_stmt_seq_t *body)
{
    if (body->n == 0)
        return 0;
    const rp_stmt_t *s = body->a[0];
    if (s->kind != RP_S_EXPR || s->v.expr.value->kind != RP_E_CONSTANT)
        return 0;
    const rp_constant_t *k = &s->v.expr.value->v.constant;
    if (k->kind == RP_CONST_STR)
        return 1;
    return k->kind == RP_CONST_OBJECT && rp_str_check_exact((rp_obj_t *)k->obj);
}

// A body whose first statement becomes a string only by folding keeps no
// docstring: the expression is wrapped in a one-item JoinedStr.
static int fold_body(rp_cctx_t *cx, rp_stmt_seq_t *body)
{
    int had = rp_fold_has_docstring(body);
    if (fold_stmts(cx, body) < 0)
        return -1;
    if (!had && rp_fold_has_docstring(body)) {
        rp_stmt_t *s = body->a[0];
        rp_expr_t *old = s->v.expr.value;
        rp_expr_t *j = (rp_expr_t *)rp_cctx_alloc(cx, sizeof *j);
        rp_expr_t **vals = (rp_expr_t **)rp_cctx_alloc(cx, sizeof *vals);
        if (!j || !vals)
            return -1;
        *j = *old;
        j->kind = RP_E_JOINEDSTR;
        vals[0] = old;
        j->v.joinedstr.values.n = 1;
        j->v.joinedstr.values.a = vals;
        s->v.expr.value = j;
    }
    return 0;
}

static int fold_expr1(rp_cctx_t *cx, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_BOOLOP:
        return fold_seq(cx, &e->v.boolop.values);
    case RP_E_NAMEDEXPR:
        return fold_expr(cx, e->v.namedexpr.value);
    case RP_E_BINOP:
        if (fold_expr(cx, e->v.binop.left) < 0 || fold_expr(cx, e->v.binop.right) < 0)
            return -1;
        return fold_binop(cx, e);
    case RP_E_UNARYOP:
        if (fold_expr(cx, e->v.unaryop.operand) < 0)
            return -1;
        return fold_unaryop(cx, e);
    case RP_E_LAMBDA:
        if (fold_arguments(cx, e->v.lambda.args) < 0)
            return -1;
        return fold_expr(cx, e->v.lambda.body);
    case RP_E_IFEXP:
        if (fold_expr(cx, e->v.ifexp.test) < 0 || fold_expr(cx, e->v.ifexp.body) < 0)
            return -1;
        return fold_expr(cx, e->v.ifexp.orelse);
    case RP_E_DICT:
        if (fold_seq(cx, &e->v.dict.keys) < 0)
            return -1;
        return fold_seq(cx, &e->v.dict.values);
    case RP_E_SET:
        return fold_seq(cx, &e->v.set.elts);
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENEXP:
        if (fold_expr(cx, e->v.comp.elt) < 0)
            return -1;
        return fold_comprehensions(cx, &e->v.comp.generators);
    case RP_E_DICTCOMP:
        if (fold_expr(cx, e->v.dictcomp.key) < 0 || fold_expr(cx, e->v.dictcomp.value) < 0)
            return -1;
        return fold_comprehensions(cx, &e->v.dictcomp.generators);
    case RP_E_YIELD:
        return fold_opt(cx, e->v.yield.value);
    case RP_E_YIELDFROM:
        return fold_expr(cx, e->v.yieldfrom.value);
    case RP_E_COMPARE:
        if (fold_expr(cx, e->v.compare.left) < 0)
            return -1;
        for (int i = 0; i < e->v.compare.n; i++)
            if (fold_expr(cx, e->v.compare.comparators[i]) < 0)
                return -1;
        return fold_compare(cx, e);
    case RP_E_CALL:
        if (fold_expr(cx, e->v.call.func) < 0 || fold_seq(cx, &e->v.call.args) < 0)
            return -1;
        return fold_keywords(cx, &e->v.call.keywords);
    case RP_E_FORMATTEDVALUE:
        if (fold_expr(cx, e->v.formattedvalue.value) < 0)
            return -1;
        return fold_opt(cx, e->v.formattedvalue.format_spec);
    case RP_E_JOINEDSTR:
        return fold_seq(cx, &e->v.joinedstr.values);
    case RP_E_CONSTANT:
        return convert_literal(cx, e);
    case RP_E_ATTRIBUTE:
        return fold_expr(cx, e->v.attribute.value);
    case RP_E_SUBSCRIPT:
        if (fold_expr(cx, e->v.subscript.value) < 0 || fold_expr(cx, e->v.subscript.slice) < 0)
            return -1;
        return fold_subscr(cx, e);
    case RP_E_STARRED:
        return fold_expr(cx, e->v.starred.value);
    case RP_E_SLICE:
        if (fold_opt(cx, e->v.slice.lower) < 0 || fold_opt(cx, e->v.slice.upper) < 0)
            return -1;
        return fold_opt(cx, e->v.slice.step);
    case RP_E_NAME:
        if (e->v.name.ctx == RP_LOAD && strcmp(e->v.name.id, "__debug__") == 0)
            return make_const_take(cx, e, rp_newref(rp_True));
        return 0;
    case RP_E_LIST:
        return fold_seq(cx, &e->v.seq.elts);
    case RP_E_TUPLE:
        if (fold_seq(cx, &e->v.seq.elts) < 0)
            return -1;
        return fold_tuple(cx, e);
    }
    return 0;
}

static int fold_expr(rp_cctx_t *cx, rp_expr_t *e)
{
    if (rp_cctx_enter(cx) < 0)
        return -1;
    int r = fold_expr1(cx, e);
    rp_cctx_leave(cx);
    return r;
}

static int fold_stmt1(rp_cctx_t *cx, rp_stmt_t *s)
{
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        if (fold_arguments(cx, s->v.functiondef.args) < 0 ||
            fold_body(cx, &s->v.functiondef.body) < 0 ||
            fold_seq(cx, &s->v.functiondef.decorator_list) < 0)
            return -1;
        return fold_opt(cx, s->v.functiondef.returns);
    case RP_S_CLASSDEF:
        if (fold_seq(cx, &s->v.classdef.bases) < 0 ||
            fold_keywords(cx, &s->v.classdef.keywords) < 0 ||
            fold_body(cx, &s->v.classdef.body) < 0)
            return -1;
        return fold_seq(cx, &s->v.classdef.decorator_list);
    case RP_S_RETURN:
        return fold_opt(cx, s->v.return_.value);
    case RP_S_DELETE:
        return fold_seq(cx, &s->v.delete_.targets);
    case RP_S_ASSIGN:
        if (fold_seq(cx, &s->v.assign.targets) < 0)
            return -1;
        return fold_expr(cx, s->v.assign.value);
    case RP_S_AUGASSIGN:
        if (fold_expr(cx, s->v.augassign.target) < 0)
            return -1;
        return fold_expr(cx, s->v.augassign.value);
    case RP_S_ANNASSIGN:
        if (fold_expr(cx, s->v.annassign.target) < 0 ||
            fold_expr(cx, s->v.annassign.annotation) < 0)
            return -1;
        return fold_opt(cx, s->v.annassign.value);
    case RP_S_FOR:
        if (fold_expr(cx, s->v.for_.target) < 0 || fold_expr(cx, s->v.for_.iter) < 0 ||
            fold_stmts(cx, &s->v.for_.body) < 0 || fold_stmts(cx, &s->v.for_.orelse) < 0)
            return -1;
        return fold_iter(cx, s->v.for_.iter);
    case RP_S_WHILE:
        if (fold_expr(cx, s->v.while_.test) < 0 || fold_stmts(cx, &s->v.while_.body) < 0)
            return -1;
        return fold_stmts(cx, &s->v.while_.orelse);
    case RP_S_IF:
        if (fold_expr(cx, s->v.if_.test) < 0 || fold_stmts(cx, &s->v.if_.body) < 0)
            return -1;
        return fold_stmts(cx, &s->v.if_.orelse);
    case RP_S_WITH:
        for (int i = 0; i < s->v.with.items.n; i++) {
            rp_withitem_t *it = s->v.with.items.a[i];
            if (fold_expr(cx, it->context_expr) < 0 || fold_opt(cx, it->optional_vars) < 0)
                return -1;
        }
        return fold_stmts(cx, &s->v.with.body);
    case RP_S_RAISE:
        if (fold_opt(cx, s->v.raise.exc) < 0)
            return -1;
        return fold_opt(cx, s->v.raise.cause);
    case RP_S_TRY:
        if (fold_stmts(cx, &s->v.try_.body) < 0)
            return -1;
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            rp_excepthandler_t *h = s->v.try_.handlers.a[i];
            if (fold_opt(cx, h->type) < 0 || fold_stmts(cx, &h->body) < 0)
                return -1;
        }
        if (fold_stmts(cx, &s->v.try_.orelse) < 0)
            return -1;
        return fold_stmts(cx, &s->v.try_.finalbody);
    case RP_S_ASSERT:
        if (fold_expr(cx, s->v.assert_.test) < 0)
            return -1;
        return fold_opt(cx, s->v.assert_.msg);
    case RP_S_EXPR:
        return fold_expr(cx, s->v.expr.value);
    default:
        return 0;
    }
}

static int fold_stmt(rp_cctx_t *cx, rp_stmt_t *s)
{
    if (rp_cctx_enter(cx) < 0)
        return -1;
    int r = fold_stmt1(cx, s);
    rp_cctx_leave(cx);
    return r;
}

int rp_fold_mod(rp_cctx_t *cx, rp_mod_t *mod)
{
    switch (mod->kind) {
    case RP_MOD_MODULE:
        return fold_body(cx, &mod->body);
    case RP_MOD_INTERACTIVE:
        return fold_stmts(cx, &mod->body);
    case RP_MOD_EXPRESSION:
        return fold_expr(cx, mod->expr);
    }
    return 0;
}
