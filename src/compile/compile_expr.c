// Code generation for expressions (CPython 3.11's compiler_visit_expr and
// helpers): operators, comparisons, calls, displays, comprehensions,
// f-strings, lambdas, subscripts and assignment targets.
#include <string.h>
#include "compile/compiler.h"
#include "compile/fold.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/bytes.h"
#include "objects/tuple.h"
#include "objects/set.h"
#include "objects/code.h"

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

static int visit_exprs(compiler_t *c, rp_expr_seq_t *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(compiler_visit_expr(c, seq->a[i]));
    return 0;
}

static int binop_arg(rp_operator_t op)
{
    return (int)op;     // rp_operator_t follows the RP_BINOP_* numbering
}

static int compiler_boolop(compiler_t *c, rp_expr_t *e)
{
    int jumpi = e->v.boolop.op == RP_AND ? RP_OP_JUMP_IF_FALSE_OR_POP : RP_OP_JUMP_IF_TRUE_OR_POP;
    int end = new_label(c);
    TRY(end);
    rp_expr_seq_t *s = &e->v.boolop.values;
    int n = s->n - 1;
    for (int i = 0; i < n; i++) {
        TRY(compiler_visit_expr(c, s->a[i]));
        TRY(emit_jump(c, jumpi, end));
    }
    TRY(compiler_visit_expr(c, s->a[n]));
    bind_label(c, end);
    return 0;
}

static int are_all_items_const(rp_expr_seq_t *seq, int begin, int end)
{
    for (int i = begin; i < end; i++)
        if (!rp_fold_is_const(seq->a[i]))
            return 0;
    return 1;
}

// A tuple of the constants seq[begin..end) (new reference).
static rp_obj_t *const_tuple(rp_expr_seq_t *seq, int begin, int end)
{
    rp_obj_t *t = rp_tuple_new(end - begin);
    if (!t)
        return NULL;
    for (int i = begin; i < end; i++)
        rp_tuple_init_item_take(t, i - begin, rp_newref(rp_fold_const(seq->a[i])));
    return t;
}

// Builds a list/tuple/set from elts, some of which may be starred;
// `pushed` items are already on the stack.
static int starunpack_helper(compiler_t *c, rp_expr_seq_t *elts, int pushed,
                             int build, int add, int extend, int tuple)
{
    int n = elts->n;
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        rp_obj_t *folded = const_tuple(elts, 0, n);
        if (!folded)
            return -1;
        if (tuple && !pushed)
            return emit_load_const_take_from(c, folded, RP_CONST_FROM_TREE_ITEMS);
        if (add == RP_OP_SET_ADD) {
            rp_obj_t *fs = rp_frozenset_new(folded);
            rp_decref(folded);
            if (!fs)
                return -1;
            folded = fs;
        }
        if (emit(c, build, pushed) < 0) {
            rp_decref(folded);
            return -1;
        }
        TRY(emit_load_const_take_from(c, folded, RP_CONST_FROM_TREE_ITEMS));
        TRY(emit(c, extend, 1));
        if (tuple)
            TRY(emit(c, RP_OP_LIST_TO_TUPLE, 0));
        return 0;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (elts->a[i]->kind == RP_E_STARRED)
            seen_star = 1;
    if (!seen_star && !big) {
        TRY(visit_exprs(c, elts));
        return emit(c, tuple ? RP_OP_BUILD_TUPLE : build, n + pushed);
    }
    int sequence_built = 0;
    if (big) {
        TRY(emit(c, build, pushed));
        sequence_built = 1;
    }
    for (int i = 0; i < n; i++) {
        rp_expr_t *elt = elts->a[i];
        if (elt->kind == RP_E_STARRED) {
            if (!sequence_built) {
                TRY(emit(c, build, i + pushed));
                sequence_built = 1;
            }
            TRY(compiler_visit_expr(c, elt->v.starred.value));
            TRY(emit(c, extend, 1));
        }
        else {
            TRY(compiler_visit_expr(c, elt));
            if (sequence_built)
                TRY(emit(c, add, 1));
        }
    }
    if (tuple)
        TRY(emit(c, RP_OP_LIST_TO_TUPLE, 0));
    return 0;
}

static int unpack_helper(compiler_t *c, rp_expr_seq_t *elts)
{
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        rp_expr_t *elt = elts->a[i];
        if (elt->kind == RP_E_STARRED && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                return compiler_error(c, "too many expressions in star-unpacking assignment");
            TRY(emit(c, RP_OP_UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == RP_E_STARRED)
            return compiler_error(c, "multiple starred expressions in assignment");
    }
    if (!seen_star)
        TRY(emit(c, RP_OP_UNPACK_SEQUENCE, n));
    return 0;
}

static int assignment_helper(compiler_t *c, rp_expr_seq_t *elts)
{
    TRY(unpack_helper(c, elts));
    for (int i = 0; i < elts->n; i++) {
        rp_expr_t *elt = elts->a[i];
        TRY(compiler_visit_expr(c, elt->kind != RP_E_STARRED ? elt : elt->v.starred.value));
    }
    return 0;
}

static int compiler_list_or_tuple(compiler_t *c, rp_expr_t *e, int tuple)
{
    rp_expr_seq_t *elts = &e->v.seq.elts;
    if (e->v.seq.ctx == RP_STORE)
        return assignment_helper(c, elts);
    if (e->v.seq.ctx == RP_LOAD)
        return starunpack_helper(c, elts, 0, RP_OP_BUILD_LIST, RP_OP_LIST_APPEND,
                                 RP_OP_LIST_EXTEND, tuple);
    return visit_exprs(c, elts);
}

static int compiler_subdict(compiler_t *c, rp_expr_t *e, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && are_all_items_const(&e->v.dict.keys, begin, end)) {
        for (int i = begin; i < end; i++)
            TRY(compiler_visit_expr(c, e->v.dict.values.a[i]));
        TRY(emit_load_const_take_from(c, const_tuple(&e->v.dict.keys, begin, end),
                                      RP_CONST_FROM_TREE_ITEMS));
        return emit(c, RP_OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        TRY(emit(c, RP_OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        TRY(compiler_visit_expr(c, e->v.dict.keys.a[i]));
        TRY(compiler_visit_expr(c, e->v.dict.values.a[i]));
        if (big)
            TRY(emit(c, RP_OP_MAP_ADD, 1));
    }
    if (!big)
        TRY(emit(c, RP_OP_BUILD_MAP, n));
    return 0;
}

static int compiler_dict(compiler_t *c, rp_expr_t *e)
{
    int n = e->v.dict.values.n, have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        int is_unpacking = e->v.dict.keys.a[i] == NULL;
        if (is_unpacking) {
            if (elements) {
                TRY(compiler_subdict(c, e, i - elements, i));
                if (have_dict)
                    TRY(emit(c, RP_OP_DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                TRY(emit(c, RP_OP_BUILD_MAP, 0));
                have_dict = 1;
            }
            TRY(compiler_visit_expr(c, e->v.dict.values.a[i]));
            TRY(emit(c, RP_OP_DICT_UPDATE, 1));
        }
        else if (elements * 2 > STACK_USE_GUIDELINE) {
            TRY(compiler_subdict(c, e, i - elements, i + 1));
            if (have_dict)
                TRY(emit(c, RP_OP_DICT_UPDATE, 1));
            have_dict = 1;
            elements = 0;
        }
        else
            elements++;
    }
    if (elements) {
        TRY(compiler_subdict(c, e, n - elements, n));
        if (have_dict)
            TRY(emit(c, RP_OP_DICT_UPDATE, 1));
        have_dict = 1;
    }
    if (!have_dict)
        TRY(emit(c, RP_OP_BUILD_MAP, 0));
    return 0;
}

// ---------------------------------------------------------------------
// Comparisons and conditional jumps

// 1 unless e is a constant other than None, True, False or Ellipsis.
static int check_is_arg(rp_expr_t *e)
{
    if (!rp_fold_is_const(e))
        return 1;
    rp_obj_t *v = rp_fold_const(e);
    return v == rp_None || v == rp_False || v == rp_True || v == rp_Ellipsis;
}

static int check_compare(compiler_t *c, rp_expr_t *e)
{
    int left = check_is_arg(e->v.compare.left);
    for (int i = 0; i < e->v.compare.n; i++) {
        rp_cmpop_t op = e->v.compare.ops[i];
        int right = check_is_arg(e->v.compare.comparators[i]);
        if ((op == RP_CMP_IS || op == RP_CMP_ISNOT) && (!right || !left))
            return compiler_warn(c, op == RP_CMP_IS
                                 ? "\"is\" with a literal. Did you mean \"==\"?"
                                 : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

static int addcompare(compiler_t *c, rp_cmpop_t op)
{
    switch (op) {
    case RP_CMP_EQ: return emit(c, RP_OP_COMPARE_OP, RP_EQ);
    case RP_CMP_NOTEQ: return emit(c, RP_OP_COMPARE_OP, RP_NE);
    case RP_CMP_LT: return emit(c, RP_OP_COMPARE_OP, RP_LT);
    case RP_CMP_LTE: return emit(c, RP_OP_COMPARE_OP, RP_LE);
    case RP_CMP_GT: return emit(c, RP_OP_COMPARE_OP, RP_GT);
    case RP_CMP_GTE: return emit(c, RP_OP_COMPARE_OP, RP_GE);
    case RP_CMP_IS: return emit(c, RP_OP_IS_OP, 0);
    case RP_CMP_ISNOT: return emit(c, RP_OP_IS_OP, 1);
    case RP_CMP_IN: return emit(c, RP_OP_CONTAINS_OP, 0);
    case RP_CMP_NOTIN: return emit(c, RP_OP_CONTAINS_OP, 1);
    }
    rp_err_set(&rp_exc_SystemError, "bad comparison operator");
    return -1;
}

// Jumps to next if the truth of e equals cond, else falls through.
int compiler_jump_if(compiler_t *c, rp_expr_t *e, int next, int cond)
{
    switch (e->kind) {
    case RP_E_UNARYOP:
        if (e->v.unaryop.op == RP_NOT)
            return compiler_jump_if(c, e->v.unaryop.operand, next, !cond);
        break;
    case RP_E_BOOLOP: {
        rp_expr_seq_t *s = &e->v.boolop.values;
        int n = s->n - 1;
        int cond2 = e->v.boolop.op == RP_OR;
        int next2 = next;
        if (!cond2 != !cond) {
            next2 = new_label(c);
            TRY(next2);
        }
        for (int i = 0; i < n; i++)
            TRY(compiler_jump_if(c, s->a[i], next2, cond2));
        TRY(compiler_jump_if(c, s->a[n], next, cond));
        if (next2 != next)
            bind_label(c, next2);
        return 0;
    }
    case RP_E_IFEXP: {
        int end = new_label(c), next2 = new_label(c);
        TRY(end);
        TRY(next2);
        TRY(compiler_jump_if(c, e->v.ifexp.test, next2, 0));
        TRY(compiler_jump_if(c, e->v.ifexp.body, next, cond));
        TRY(emit_jump(c, OP_JUMP, end));
        bind_label(c, next2);
        TRY(compiler_jump_if(c, e->v.ifexp.orelse, next, cond));
        bind_label(c, end);
        return 0;
    }
    case RP_E_COMPARE: {
        int n = e->v.compare.n - 1;
        if (n > 0) {
            loc_t saved = get_loc(c);
            SET_LOC(c, e);
            TRY(check_compare(c, e));
            int cleanup = new_label(c);
            TRY(cleanup);
            TRY(compiler_visit_expr(c, e->v.compare.left));
            for (int i = 0; i < n; i++) {
                TRY(compiler_visit_expr(c, e->v.compare.comparators[i]));
                TRY(emit(c, RP_OP_SWAP, 2));
                TRY(emit(c, RP_OP_COPY, 2));
                TRY(addcompare(c, e->v.compare.ops[i]));
                TRY(emit_jump(c, RP_OP_POP_JUMP_IF_FALSE, cleanup));
            }
            TRY(compiler_visit_expr(c, e->v.compare.comparators[n]));
            TRY(addcompare(c, e->v.compare.ops[n]));
            TRY(emit_jump(c, cond ? RP_OP_POP_JUMP_IF_TRUE : RP_OP_POP_JUMP_IF_FALSE, next));
            int end = new_label(c);
            TRY(end);
            TRY(emit_jump(c, OP_JUMP, end));
            bind_label(c, cleanup);
            TRY(emit(c, RP_OP_POP_TOP, 0));
            if (!cond)
                TRY(emit_jump(c, OP_JUMP, next));
            bind_label(c, end);
            set_loc(c, saved);
            return 0;
        }
        break;
    }
    case RP_E_CONSTANT:
        // What 3.11's optimizer makes of LOAD_CONST + POP_JUMP_IF_*: an
        // unconditional jump or nothing.
        if (rp_fold_is_const(e)) {
            int t = rp_obj_is_true(rp_fold_const(e));
            if (t >= 0) {
                if (t == (cond != 0)) {
                    loc_t saved = get_loc(c);
                    SET_LOC(c, e);
                    TRY(emit_jump(c, OP_JUMP, next));
                    set_loc(c, saved);
                }
                return 0;
            }
            rp_err_clear();
        }
        break;
    default:
        break;
    }
    TRY(compiler_visit_expr(c, e));
    return emit_jump(c, cond ? RP_OP_POP_JUMP_IF_TRUE : RP_OP_POP_JUMP_IF_FALSE, next);
}

static int compiler_ifexp(compiler_t *c, rp_expr_t *e)
{
    int end = new_label(c), next = new_label(c);
    TRY(end);
    TRY(next);
    TRY(compiler_jump_if(c, e->v.ifexp.test, next, 0));
    TRY(compiler_visit_expr(c, e->v.ifexp.body));
    TRY(emit_jump(c, OP_JUMP, end));
    bind_label(c, next);
    TRY(compiler_visit_expr(c, e->v.ifexp.orelse));
    bind_label(c, end);
    return 0;
}

static int compiler_compare(compiler_t *c, rp_expr_t *e)
{
    TRY(check_compare(c, e));
    TRY(compiler_visit_expr(c, e->v.compare.left));
    int n = e->v.compare.n - 1;
    if (n == 0) {
        TRY(compiler_visit_expr(c, e->v.compare.comparators[0]));
        return addcompare(c, e->v.compare.ops[0]);
    }
    int cleanup = new_label(c);
    TRY(cleanup);
    for (int i = 0; i < n; i++) {
        TRY(compiler_visit_expr(c, e->v.compare.comparators[i]));
        TRY(emit(c, RP_OP_SWAP, 2));
        TRY(emit(c, RP_OP_COPY, 2));
        TRY(addcompare(c, e->v.compare.ops[i]));
        TRY(emit_jump(c, RP_OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    TRY(compiler_visit_expr(c, e->v.compare.comparators[n]));
    TRY(addcompare(c, e->v.compare.ops[n]));
    int end = new_label(c);
    TRY(end);
    TRY(emit_jump(c, OP_JUMP, end));
    bind_label(c, cleanup);
    TRY(emit(c, RP_OP_SWAP, 2));
    TRY(emit(c, RP_OP_POP_TOP, 0));
    bind_label(c, end);
    return 0;
}

// ---------------------------------------------------------------------
// Functions

int compiler_check_debug_args(compiler_t *c, rp_arguments_t *args)
{
    rp_arg_seq_t *seqs[3] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            if (strcmp(seqs[k]->a[i]->arg, "__debug__") == 0)
                return compiler_error(c, "cannot assign to __debug__");
    if ((args->vararg && strcmp(args->vararg->arg, "__debug__") == 0) ||
        (args->kwarg && strcmp(args->kwarg->arg, "__debug__") == 0))
        return compiler_error(c, "cannot assign to __debug__");
    return 0;
}

// Pushes the defaults tuple and keyword-only defaults dict; returns the
// MAKE_FUNCTION flags, or -1.
int compiler_default_arguments(compiler_t *c, rp_arguments_t *args)
{
    int flags = 0;
    int n = args->defaults.n;
    if (n > 0 && are_all_items_const(&args->defaults, 0, n)) {
        // 3.11's optimizer folds the constants and their BUILD_TUPLE into
        // one constant tuple (fold_tuple_on_constants); the items stay in
        // co_consts.
        for (int i = 0; i < n; i++)
            if (add_const_from(c, rp_fold_const(args->defaults.a[i]), RP_CONST_FROM_TREE) < 0)
                return -1;
        TRY(emit_load_const_take_from(c, const_tuple(&args->defaults, 0, n),
                                      RP_CONST_FROM_COMPILER));
        flags |= 1;
    } else if (n > 0) {
        TRY(visit_exprs(c, &args->defaults));
        TRY(emit(c, RP_OP_BUILD_TUPLE, n));
        flags |= 1;
    }
    int count = 0;
    for (int i = 0; i < args->kwonlyargs.n; i++)
        if (i < args->kw_defaults.n && args->kw_defaults.a[i])
            count++;
    if (count) {
        rp_obj_t *keys = rp_tuple_new(count);
        if (!keys)
            return -1;
        for (int i = 0; i < count; i++)
            rp_tuple_init_item_take(keys, i, rp_newref(rp_None));
        int k = 0;
        for (int i = 0; i < args->kwonlyargs.n; i++) {
            rp_expr_t *d = i < args->kw_defaults.n ? args->kw_defaults.a[i] : NULL;
            if (!d)
                continue;
            rp_obj_t *name = ident(c, args->kwonlyargs.a[i]->arg);
            rp_obj_t *m = name ? mangle(c, name) : NULL;
            if (!m || compiler_visit_expr(c, d) < 0) {
                rp_decref(keys);
                return -1;
            }
            rp_setref(&rp_tuple_items(keys)[k++], rp_newref(m));
        }
        TRY(emit_load_const_take(c, keys));
        TRY(emit(c, RP_OP_BUILD_CONST_KEY_MAP, count));
        flags |= 2;
    }
    return flags;
}

int compiler_lambda(compiler_t *c, rp_expr_t *e)
{
    rp_arguments_t *args = e->v.lambda.args;
    TRY(compiler_check_debug_args(c, args));
    int flags = compiler_default_arguments(c, args);
    TRY(flags);
    rp_obj_t *name = ident(c, "<lambda>");
    if (!name || compiler_enter_scope(c, name, SCOPE_LAMBDA, e, e->lineno) < 0)
        return -1;
    // None first, so a lambda never has a docstring.
    rp_obj_t *co = NULL;
    if (add_const(c, rp_None) < 0)
        goto out;
    c->u->argcount = args->args.n;
    c->u->posonlyargcount = args->posonlyargs.n;
    c->u->kwonlyargcount = args->kwonlyargs.n;
    if (compiler_visit_expr(c, e->v.lambda.body) < 0)
        goto out;
    if (c->u->ste->generator)
        co = assemble(c, 0);
    else if (emit(c, RP_OP_RETURN_VALUE, 0) == 0)
        co = assemble(c, 1);
out:
    compiler_exit_scope(c);
    if (!co)
        return -1;
    int r = compiler_make_closure(c, co, flags);
    rp_decref(co);
    return r;
}

// ---------------------------------------------------------------------
// Calls

// The type name an expression is known to produce, for warnings.
static const char *infer_type(rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_TUPLE: return "tuple";
    case RP_E_LIST: case RP_E_LISTCOMP: return "list";
    case RP_E_DICT: case RP_E_DICTCOMP: return "dict";
    case RP_E_SET: case RP_E_SETCOMP: return "set";
    case RP_E_GENEXP: return "generator";
    case RP_E_LAMBDA: return "function";
    case RP_E_JOINEDSTR: case RP_E_FORMATTEDVALUE: return "str";
    case RP_E_CONSTANT:
        return rp_fold_is_const(e) ? rp_type_name(rp_fold_const(e)->type) : NULL;
    default: return NULL;
    }
}

static int check_caller(compiler_t *c, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_CONSTANT: case RP_E_TUPLE: case RP_E_LIST: case RP_E_LISTCOMP:
    case RP_E_DICT: case RP_E_DICTCOMP: case RP_E_SET: case RP_E_SETCOMP:
    case RP_E_GENEXP: case RP_E_JOINEDSTR: case RP_E_FORMATTEDVALUE:
        return compiler_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                             infer_type(e));
    default:
        return 0;
    }
}

static int check_subscripter(compiler_t *c, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_CONSTANT: {
        rp_obj_t *v = rp_fold_const(e);
        if (!(v == rp_None || v == rp_Ellipsis || rp_int_check(v) ||
              v->type == &rp_type_float || v->type == &rp_type_frozenset ||
              v->type == &rp_type_set))
            return 0;
    }
    // fall through
    case RP_E_SET: case RP_E_SETCOMP: case RP_E_GENEXP: case RP_E_LAMBDA:
        return compiler_warn(c, "'%.200s' object is not subscriptable; "
                             "perhaps you missed a comma?", infer_type(e));
    default:
        return 0;
    }
}

static int check_index(compiler_t *c, rp_expr_t *e, rp_expr_t *s)
{
    const char *index_type = infer_type(s);
    if (!index_type || (rp_fold_is_const(s) && rp_int_check(rp_fold_const(s))))
        return 0;
    switch (e->kind) {
    case RP_E_CONSTANT: {
        rp_obj_t *v = rp_fold_const(e);
        if (!(rp_str_check(v) || rp_bytes_check(v) || rp_tuple_check(v)))
            return 0;
    }
    // fall through
    case RP_E_TUPLE: case RP_E_LIST: case RP_E_LISTCOMP: case RP_E_JOINEDSTR:
    case RP_E_FORMATTEDVALUE:
        return compiler_warn(c, "%.200s indices must be integers or slices, not %.200s; "
                             "perhaps you missed a comma?", infer_type(e), index_type);
    default:
        return 0;
    }
}

// The module-level name e was bound by an import (calls through it use
// LOAD_ATTR, not LOAD_METHOD, as in 3.11).
static int is_import_originated(compiler_t *c, rp_expr_t *e)
{
    if (e->kind != RP_E_NAME)
        return 0;
    rp_obj_t *name = ident(c, e->v.name.id);
    return name && (rp_ste_flags(c->st->top, name) & RP_DEF_IMPORT);
}

// An attribute access spanning lines is located at the attribute name.
static void update_start_location_to_match_attr(compiler_t *c, rp_expr_t *attr)
{
    cunit_t *u = c->u;
    if (u->lineno != attr->end_lineno) {
        u->lineno = attr->end_lineno;
        int len = (int)strlen(attr->v.attribute.attr);
        if (len <= attr->end_col_offset)
            u->col_offset = attr->end_col_offset - len;
        else
            u->col_offset = u->end_col_offset = -1;
        if (u->end_lineno < u->lineno)
            u->end_lineno = u->lineno;
    }
}

static int validate_keywords(compiler_t *c, rp_keyword_seq_t *kws)
{
    for (int i = 0; i < kws->n; i++) {
        rp_keyword_t *key = kws->a[i];
        if (!key->arg)
            continue;
        rp_obj_t *name = ident(c, key->arg);
        if (!name)
            return -1;
        if (forbidden_name(c, name, RP_STORE))
            return -1;
        for (int j = i + 1; j < kws->n; j++) {
            rp_keyword_t *other = kws->a[j];
            if (other->arg && strcmp(key->arg, other->arg) == 0) {
                SET_LOC(c, other);
                return compiler_error(c, "keyword argument repeated: %s", key->arg);
            }
        }
    }
    return 0;
}

static int call_simple_kw_helper(compiler_t *c, rp_keyword_seq_t *kws, int n)
{
    rp_obj_t *names = rp_tuple_new(n);
    if (!names)
        return -1;
    for (int i = 0; i < n; i++)
        rp_tuple_init_item_take(names, i, rp_newref(rp_None));
    for (int i = 0; i < n; i++) {
        rp_obj_t *name = ident(c, kws->a[i]->arg);
        if (!name) {
            rp_decref(names);
            return -1;
        }
        rp_setref(&rp_tuple_items(names)[i], rp_newref(name));
    }
    int arg = add_const_take(c, names);
    TRY(arg);
    return emit(c, RP_OP_KW_NAMES, arg);
}

// 1 if the call was compiled as LOAD_METHOD + CALL, 0 if not applicable.
static int maybe_optimize_method_call(compiler_t *c, rp_expr_t *e)
{
    rp_expr_t *meth = e->v.call.func;
    rp_expr_seq_t *args = &e->v.call.args;
    rp_keyword_seq_t *kws = &e->v.call.keywords;
    if (meth->kind != RP_E_ATTRIBUTE || meth->v.attribute.ctx != RP_LOAD)
        return 0;
    if (is_import_originated(c, meth->v.attribute.value))
        return 0;
    int argsl = args->n, kwdsl = kws->n;
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE)
        return 0;
    for (int i = 0; i < argsl; i++)
        if (args->a[i]->kind == RP_E_STARRED)
            return 0;
    for (int i = 0; i < kwdsl; i++)
        if (!kws->a[i]->arg)
            return 0;
    TRY(compiler_visit_expr(c, meth->v.attribute.value));
    SET_LOC(c, meth);
    update_start_location_to_match_attr(c, meth);
    rp_obj_t *attr = ident(c, meth->v.attribute.attr);
    if (!attr)
        return -1;
    TRY(emit_name(c, RP_OP_LOAD_METHOD, attr));
    TRY(visit_exprs(c, args));
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++)
            TRY(compiler_visit_expr(c, kws->a[i]->value));
        TRY(call_simple_kw_helper(c, kws, kwdsl));
    }
    SET_LOC(c, e);
    update_start_location_to_match_attr(c, meth);
    TRY(emit(c, RP_OP_CALL, argsl + kwdsl));
    return 1;
}

// Builds a dict of the keyword arguments kws[begin..end).
static int compiler_subkwargs(compiler_t *c, rp_keyword_seq_t *kws, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++)
            TRY(compiler_visit_expr(c, kws->a[i]->value));
        rp_obj_t *keys = rp_tuple_new(n);
        if (!keys)
            return -1;
        for (int i = 0; i < n; i++)
            rp_tuple_init_item_take(keys, i, rp_newref(rp_None));
        for (int i = begin; i < end; i++) {
            rp_obj_t *name = ident(c, kws->a[i]->arg);
            if (!name) {
                rp_decref(keys);
                return -1;
            }
            rp_setref(&rp_tuple_items(keys)[i - begin], rp_newref(name));
        }
        TRY(emit_load_const_take(c, keys));
        return emit(c, RP_OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        TRY(emit(c, RP_OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        rp_obj_t *name = ident(c, kws->a[i]->arg);
        if (!name)
            return -1;
        TRY(emit_load_const(c, name));
        TRY(compiler_visit_expr(c, kws->a[i]->value));
        if (big)
            TRY(emit(c, RP_OP_MAP_ADD, 1));
    }
    if (!big)
        TRY(emit(c, RP_OP_BUILD_MAP, n));
    return 0;
}

// The arguments and the call, after the callable (and n extra positional
// arguments) were pushed.
int compiler_call_helper(compiler_t *c, int n, rp_expr_seq_t *args,
                         rp_keyword_seq_t *keywords)
{
    TRY(validate_keywords(c, keywords));
    int nelts = args->n, nkwelts = keywords->n;
    int ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && !ex_call; i++)
        if (args->a[i]->kind == RP_E_STARRED)
            ex_call = 1;
    for (int i = 0; i < nkwelts && !ex_call; i++)
        if (!keywords->a[i]->arg)
            ex_call = 1;
    if (!ex_call) {
        TRY(visit_exprs(c, args));
        if (nkwelts) {
            for (int i = 0; i < nkwelts; i++)
                TRY(compiler_visit_expr(c, keywords->a[i]->value));
            TRY(call_simple_kw_helper(c, keywords, nkwelts));
        }
        return emit(c, RP_OP_CALL, n + nelts + nkwelts);
    }
    // Positional arguments as one tuple (or iterable for a lone *x).
    if (n == 0 && nelts == 1 && args->a[0]->kind == RP_E_STARRED)
        TRY(compiler_visit_expr(c, args->a[0]->v.starred.value));
    else
        TRY(starunpack_helper(c, args, n, RP_OP_BUILD_LIST, RP_OP_LIST_APPEND,
                              RP_OP_LIST_EXTEND, 1));
    // Keyword arguments as one fresh dict.
    if (nkwelts) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkwelts; i++) {
            rp_keyword_t *kw = keywords->a[i];
            if (!kw->arg) {
                if (nseen) {
                    TRY(compiler_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict)
                        TRY(emit(c, RP_OP_DICT_MERGE, 1));
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    TRY(emit(c, RP_OP_BUILD_MAP, 0));
                    have_dict = 1;
                }
                TRY(compiler_visit_expr(c, kw->value));
                TRY(emit(c, RP_OP_DICT_MERGE, 1));
            }
            else
                nseen++;
        }
        if (nseen) {
            TRY(compiler_subkwargs(c, keywords, nkwelts - nseen, nkwelts));
            if (have_dict)
                TRY(emit(c, RP_OP_DICT_MERGE, 1));
        }
    }
    return emit(c, RP_OP_CALL_FUNCTION_EX, nkwelts > 0);
}

static int compiler_call(compiler_t *c, rp_expr_t *e)
{
    TRY(validate_keywords(c, &e->v.call.keywords));
    int r = maybe_optimize_method_call(c, e);
    if (r != 0)
        return r < 0 ? -1 : 0;
    TRY(check_caller(c, e->v.call.func));
    SET_LOC(c, e->v.call.func);
    TRY(emit(c, RP_OP_PUSH_NULL, 0));
    SET_LOC(c, e);
    TRY(compiler_visit_expr(c, e->v.call.func));
    return compiler_call_helper(c, 0, &e->v.call.args, &e->v.call.keywords);
}

// ---------------------------------------------------------------------
// f-strings

static int compiler_joined_str(compiler_t *c, rp_expr_t *e)
{
    rp_expr_seq_t *values = &e->v.joinedstr.values;
    if (values->n > STACK_USE_GUIDELINE) {
        rp_obj_t *empty = rp_str_empty();
        TRY(emit_load_const_take(c, empty));
        rp_obj_t *join = ident(c, "join");
        if (!join)
            return -1;
        TRY(emit_name(c, RP_OP_LOAD_METHOD, join));
        TRY(emit(c, RP_OP_BUILD_LIST, 0));
        for (int i = 0; i < values->n; i++) {
            TRY(compiler_visit_expr(c, values->a[i]));
            TRY(emit(c, RP_OP_LIST_APPEND, 1));
        }
        return emit(c, RP_OP_CALL, 1);
    }
    TRY(visit_exprs(c, values));
    if (values->n != 1)
        TRY(emit(c, RP_OP_BUILD_STRING, values->n));
    return 0;
}

static int compiler_formatted_value(compiler_t *c, rp_expr_t *e)
{
    TRY(compiler_visit_expr(c, e->v.formattedvalue.value));
    int oparg;
    switch (e->v.formattedvalue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default:
        rp_err_format(&rp_exc_SystemError, "Unrecognized conversion character %d",
                      e->v.formattedvalue.conversion);
        return -1;
    }
    if (e->v.formattedvalue.format_spec) {
        TRY(compiler_visit_expr(c, e->v.formattedvalue.format_spec));
        oparg |= 4;
    }
    return emit(c, RP_OP_FORMAT_VALUE, oparg);
}

// ---------------------------------------------------------------------
// Comprehensions: a nested function called with the outermost iterator.

static int comprehension_generator(compiler_t *c, rp_comp_seq_t *gens, int gen_index,
                                   int depth, rp_expr_t *elt, rp_expr_t *val, int type)
{
    int start = new_label(c), if_cleanup = new_label(c), anchor = new_label(c);
    TRY(start);
    TRY(if_cleanup);
    TRY(anchor);
    rp_comprehension_t *gen = gens->a[gen_index];
    if (gen_index == 0) {
        // The outermost iterator is the implicit argument .0.
        c->u->argcount = 1;
        TRY(emit(c, RP_OP_LOAD_FAST, 0));
    }
    else {
        // `for y in [f(x)]` binds y without a loop.
        rp_expr_seq_t *elts = NULL;
        if (gen->iter->kind == RP_E_LIST || gen->iter->kind == RP_E_TUPLE)
            elts = &gen->iter->v.seq.elts;
        if (elts && elts->n == 1 && elts->a[0]->kind != RP_E_STARRED) {
            TRY(compiler_visit_expr(c, elts->a[0]));
            start = -1;
        }
        if (start >= 0) {
            TRY(compiler_visit_expr(c, gen->iter));
            TRY(emit(c, RP_OP_GET_ITER, 0));
        }
    }
    if (start >= 0) {
        depth++;
        bind_label(c, start);
        TRY(emit_jump(c, RP_OP_FOR_ITER, anchor));
    }
    TRY(compiler_visit_expr(c, gen->target));
    for (int i = 0; i < gen->ifs.n; i++)
        TRY(compiler_jump_if(c, gen->ifs.a[i], if_cleanup, 0));
    if (++gen_index < gens->n)
        TRY(comprehension_generator(c, gens, gen_index, depth, elt, val, type));
    if (gen_index >= gens->n) {
        switch (type) {
        case COMP_GENEXP:
            TRY(compiler_visit_expr(c, elt));
            TRY(emit(c, RP_OP_YIELD_VALUE, 0));
            TRY(emit(c, RP_OP_POP_TOP, 0));
            break;
        case COMP_LISTCOMP:
            TRY(compiler_visit_expr(c, elt));
            TRY(emit(c, RP_OP_LIST_APPEND, depth + 1));
            break;
        case COMP_SETCOMP:
            TRY(compiler_visit_expr(c, elt));
            TRY(emit(c, RP_OP_SET_ADD, depth + 1));
            break;
        case COMP_DICTCOMP:
            TRY(compiler_visit_expr(c, elt));
            TRY(compiler_visit_expr(c, val));
            TRY(emit(c, RP_OP_MAP_ADD, depth + 1));
            break;
        }
    }
    bind_label(c, if_cleanup);
    if (start >= 0) {
        TRY(emit_jump(c, OP_JUMP, start));
        bind_label(c, anchor);
    }
    return 0;
}

static int compiler_comprehension(compiler_t *c, rp_expr_t *e, int type, const char *name,
                                  rp_comp_seq_t *gens, rp_expr_t *elt, rp_expr_t *val)
{
    rp_comprehension_t *outermost = gens->a[0];
    rp_obj_t *uname = ident(c, name);
    if (!uname || compiler_enter_scope(c, uname, SCOPE_COMPREHENSION, e, e->lineno) < 0)
        return -1;
    SET_LOC(c, e);
    rp_obj_t *co = NULL;
    int r = 0;
    if (type != COMP_GENEXP)
        r = emit(c, type == COMP_LISTCOMP ? RP_OP_BUILD_LIST :
                    type == COMP_SETCOMP ? RP_OP_BUILD_SET : RP_OP_BUILD_MAP, 0);
    if (r == 0)
        r = comprehension_generator(c, gens, 0, 0, elt, val, type);
    if (r == 0 && type != COMP_GENEXP)
        r = emit(c, RP_OP_RETURN_VALUE, 0);
    if (r == 0)
        co = assemble(c, 1);
    compiler_exit_scope(c);
    if (!co)
        return -1;
    r = compiler_make_closure(c, co, 0);
    rp_decref(co);
    TRY(r);
    TRY(compiler_visit_expr(c, outermost->iter));
    TRY(emit(c, RP_OP_GET_ITER, 0));
    return emit(c, RP_OP_CALL, 0);
}

// ---------------------------------------------------------------------
// Subscripts

static int compiler_slice(compiler_t *c, rp_expr_t *s)
{
    int n = 2;
    if (s->v.slice.lower)
        TRY(compiler_visit_expr(c, s->v.slice.lower));
    else
        TRY(emit_load_const(c, rp_None));
    if (s->v.slice.upper)
        TRY(compiler_visit_expr(c, s->v.slice.upper));
    else
        TRY(emit_load_const(c, rp_None));
    if (s->v.slice.step) {
        n++;
        TRY(compiler_visit_expr(c, s->v.slice.step));
    }
    return emit(c, RP_OP_BUILD_SLICE, n);
}

static int compiler_subscript(compiler_t *c, rp_expr_t *e)
{
    rp_expr_ctx_t ctx = e->v.subscript.ctx;
    if (ctx == RP_LOAD) {
        TRY(check_subscripter(c, e->v.subscript.value));
        TRY(check_index(c, e->v.subscript.value, e->v.subscript.slice));
    }
    int op = ctx == RP_LOAD ? RP_OP_BINARY_SUBSCR :
             ctx == RP_STORE ? RP_OP_STORE_SUBSCR : RP_OP_DELETE_SUBSCR;
    TRY(compiler_visit_expr(c, e->v.subscript.value));
    TRY(compiler_visit_expr(c, e->v.subscript.slice));
    return emit(c, op, 0);
}

// ---------------------------------------------------------------------

static int compiler_visit_expr1(compiler_t *c, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_NAMEDEXPR:
        TRY(compiler_visit_expr(c, e->v.namedexpr.value));
        TRY(emit(c, RP_OP_COPY, 1));
        return compiler_visit_expr(c, e->v.namedexpr.target);
    case RP_E_BOOLOP:
        return compiler_boolop(c, e);
    case RP_E_BINOP:
        TRY(compiler_visit_expr(c, e->v.binop.left));
        TRY(compiler_visit_expr(c, e->v.binop.right));
        return emit(c, RP_OP_BINARY_OP, binop_arg(e->v.binop.op));
    case RP_E_UNARYOP: {
        TRY(compiler_visit_expr(c, e->v.unaryop.operand));
        int op;
        switch (e->v.unaryop.op) {
        case RP_INVERT: op = RP_OP_UNARY_INVERT; break;
        case RP_NOT: op = RP_OP_UNARY_NOT; break;
        case RP_UADD: op = RP_OP_UNARY_POSITIVE; break;
        default: op = RP_OP_UNARY_NEGATIVE; break;
        }
        return emit(c, op, 0);
    }
    case RP_E_LAMBDA:
        return compiler_lambda(c, e);
    case RP_E_IFEXP:
        return compiler_ifexp(c, e);
    case RP_E_DICT:
        return compiler_dict(c, e);
    case RP_E_SET:
        return starunpack_helper(c, &e->v.set.elts, 0, RP_OP_BUILD_SET, RP_OP_SET_ADD,
                                 RP_OP_SET_UPDATE, 0);
    case RP_E_GENEXP:
        return compiler_comprehension(c, e, COMP_GENEXP, "<genexpr>", &e->v.comp.generators,
                                      e->v.comp.elt, NULL);
    case RP_E_LISTCOMP:
        return compiler_comprehension(c, e, COMP_LISTCOMP, "<listcomp>",
                                      &e->v.comp.generators, e->v.comp.elt, NULL);
    case RP_E_SETCOMP:
        return compiler_comprehension(c, e, COMP_SETCOMP, "<setcomp>", &e->v.comp.generators,
                                      e->v.comp.elt, NULL);
    case RP_E_DICTCOMP:
        return compiler_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>",
                                      &e->v.dictcomp.generators, e->v.dictcomp.key,
                                      e->v.dictcomp.value);
    case RP_E_YIELD:
        if (c->u->ste->type != RP_BLOCK_FUNCTION)
            return compiler_error(c, "'yield' outside function");
        if (e->v.yield.value)
            TRY(compiler_visit_expr(c, e->v.yield.value));
        else
            TRY(emit_load_const(c, rp_None));
        return emit(c, RP_OP_YIELD_VALUE, 0);
    case RP_E_YIELDFROM:
        if (c->u->ste->type != RP_BLOCK_FUNCTION)
            return compiler_error(c, "'yield' outside function");
        TRY(compiler_visit_expr(c, e->v.yieldfrom.value));
        TRY(emit(c, RP_OP_GET_YIELD_FROM_ITER, 0));
        TRY(emit_load_const(c, rp_None));
        return emit(c, RP_OP_YIELD_FROM, 0);
    case RP_E_COMPARE:
        return compiler_compare(c, e);
    case RP_E_CALL:
        return compiler_call(c, e);
    case RP_E_CONSTANT:
        if (!rp_fold_is_const(e)) {
            rp_err_set(&rp_exc_SystemError, "unconverted constant");
            return -1;
        }
        return emit_load_const_from(c, rp_fold_const(e), RP_CONST_FROM_TREE);
    case RP_E_JOINEDSTR:
        return compiler_joined_str(c, e);
    case RP_E_FORMATTEDVALUE:
        return compiler_formatted_value(c, e);
    case RP_E_ATTRIBUTE: {
        TRY(compiler_visit_expr(c, e->v.attribute.value));
        update_start_location_to_match_attr(c, e);
        rp_obj_t *attr = ident(c, e->v.attribute.attr);
        if (!attr)
            return -1;
        switch (e->v.attribute.ctx) {
        case RP_LOAD:
            return emit_name(c, RP_OP_LOAD_ATTR, attr);
        case RP_STORE:
            if (forbidden_name(c, attr, RP_STORE))
                return -1;
            return emit_name(c, RP_OP_STORE_ATTR, attr);
        default:
            return emit_name(c, RP_OP_DELETE_ATTR, attr);
        }
    }
    case RP_E_SUBSCRIPT:
        return compiler_subscript(c, e);
    case RP_E_STARRED:
        if (e->v.starred.ctx == RP_STORE)
            return compiler_error(c, "starred assignment target must be in a list or tuple");
        return compiler_error(c, "can't use starred expression here");
    case RP_E_SLICE:
        return compiler_slice(c, e);
    case RP_E_NAME:
        return compiler_nameop_id(c, e->v.name.id, e->v.name.ctx);
    case RP_E_LIST:
        return compiler_list_or_tuple(c, e, 0);
    case RP_E_TUPLE:
        return compiler_list_or_tuple(c, e, 1);
    }
    rp_err_set(&rp_exc_SystemError, "unknown expression kind");
    return -1;
}

int compiler_visit_expr(compiler_t *c, rp_expr_t *e)
{
    if (rp_cctx_enter(c->cx) < 0)
        return -1;
    loc_t saved = get_loc(c);
    SET_LOC(c, e);
    int r = compiler_visit_expr1(c, e);
    set_loc(c, saved);
    rp_cctx_leave(c->cx);
    return r;
}
