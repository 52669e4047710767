// Symbol tables (CPython 3.11's Python/symtable.c): pass 1 collects what
// each scope does with each name, pass 2 resolves names to scopes.
#include <string.h>
#include "compile/symtable.h"
#include "compile/fold.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "memory/alloc.h"

#define GLOBAL_PARAM "name '%s' is parameter and global"
#define NONLOCAL_PARAM "name '%s' is parameter and nonlocal"
#define GLOBAL_AFTER_ASSIGN "name '%s' is assigned to before global declaration"
#define NONLOCAL_AFTER_ASSIGN "name '%s' is assigned to before nonlocal declaration"
#define GLOBAL_AFTER_USE "name '%s' is used prior to global declaration"
#define NONLOCAL_AFTER_USE "name '%s' is used prior to nonlocal declaration"
#define GLOBAL_ANNOT "annotated name '%s' can't be global"
#define NONLOCAL_ANNOT "annotated name '%s' can't be nonlocal"
#define IMPORT_STAR_WARNING "import * only allowed at module level"
#define NAMED_EXPR_COMP_IN_CLASS \
    "assignment expression within a comprehension cannot be used in a class body"
#define NAMED_EXPR_COMP_CONFLICT \
    "assignment expression cannot rebind comprehension iteration variable '%s'"
#define NAMED_EXPR_COMP_INNER_LOOP_CONFLICT \
    "comprehension inner loop cannot rebind assignment expression target '%s'"
#define NAMED_EXPR_COMP_ITER_EXPR \
    "assignment expression cannot be used in a comprehension iterable expression"
#define DUPLICATE_ARGUMENT "duplicate argument '%s' in function definition"

#define LOC(x) (x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset

static int visit_stmt(rp_symtable_t *st, rp_stmt_t *s);
static int visit_expr(rp_symtable_t *st, rp_expr_t *e);

static const char *utf8(rp_obj_t *s)
{
    const char *u = rp_str_utf8(s, NULL);
    return u ? u : "?";
}

// Grows *arr (of *cap items of size sz) to hold at least n+1 items.
static int reserve(void **arr, int *cap, int n, size_t sz)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = rp_mem_realloc(*arr, (size_t)ncap * sz);
    if (!p) {
        rp_err_nomemory();
        return -1;
    }
    *arr = p;
    *cap = ncap;
    return 0;
}

// ---------------------------------------------------------------------
// Entries

static void ste_free(rp_ste_t *ste)
{
    rp_mem_free(ste->syms);
    rp_ptrmap_free(&ste->index);
    rp_mem_free(ste->varnames);
    rp_mem_free(ste->children);
    rp_mem_free(ste->dirs);
    rp_mem_free(ste);
}

int rp_ste_flags(const rp_ste_t *ste, rp_obj_t *name)
{
    intptr_t i;
    if (!rp_ptrmap_get(&ste->index, name, &i))
        return 0;
    return ste->syms[i].flags;
}

// Position of name in ste->syms, adding it with flags 0 if absent; -1
// with MemoryError.
static int ste_symbol(rp_ste_t *ste, rp_obj_t *name)
{
    intptr_t i;
    if (rp_ptrmap_get(&ste->index, name, &i))
        return (int)i;
    if (reserve((void **)&ste->syms, &ste->capsyms, ste->nsyms, sizeof *ste->syms) < 0)
        return -1;
    if (rp_ptrmap_set(&ste->index, name, ste->nsyms) < 0) {
        rp_err_nomemory();
        return -1;
    }
    ste->syms[ste->nsyms].name = name;
    ste->syms[ste->nsyms].flags = 0;
    return ste->nsyms++;
}

static int enter_block(rp_symtable_t *st, rp_obj_t *name, rp_block_type_t type,
                       const void *key, int lineno, int col, int end_lineno, int end_col)
{
    rp_ste_t *ste = (rp_ste_t *)rp_mem_calloc(1, sizeof *ste);
    if (!ste) {
        rp_err_nomemory();
        return -1;
    }
    if (reserve((void **)&st->all, &st->capall, st->nall, sizeof *st->all) < 0) {
        rp_mem_free(ste);
        return -1;
    }
    st->all[st->nall++] = ste;
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->lineno = lineno;
    ste->col_offset = col;
    ste->end_lineno = end_lineno;
    ste->end_col_offset = end_col;
    rp_ptrmap_init(&ste->index);
    rp_ste_t *prev = st->cur;
    if (prev && (prev->nested || prev->type == RP_BLOCK_FUNCTION))
        ste->nested = 1;
    if (prev)
        ste->comp_iter_expr = prev->comp_iter_expr;
    if (rp_ptrmap_set(&st->blocks, key, (intptr_t)ste) < 0) {
        rp_err_nomemory();
        return -1;
    }
    if (prev) {
        if (reserve((void **)&prev->children, &prev->capchildren, prev->nchildren,
                    sizeof *prev->children) < 0)
            return -1;
        prev->children[prev->nchildren++] = ste;
        if (reserve((void **)&st->stack, &st->capstack, st->nstack, sizeof *st->stack) < 0)
            return -1;
        st->stack[st->nstack++] = prev;
    }
    st->cur = ste;
    return 0;
}

static void exit_block(rp_symtable_t *st)
{
    st->cur = st->nstack > 0 ? st->stack[--st->nstack] : NULL;
}

// CPython's symtable_add_def_helper: records flag for name in ste.
static int add_def_in(rp_symtable_t *st, rp_obj_t *name, int flag, rp_ste_t *ste,
                      int lineno, int col, int end_lineno, int end_col)
{
    rp_obj_t *mangled = rp_cctx_mangle(st->cx, st->private_, name);
    if (!mangled)
        return -1;
    int i = ste_symbol(ste, mangled);
    if (i < 0)
        return -1;
    int val = ste->syms[i].flags;
    if ((flag & RP_DEF_PARAM) && (val & RP_DEF_PARAM))
        return rp_cctx_error(st->cx, lineno, col, end_lineno, end_col,
                             DUPLICATE_ARGUMENT, utf8(name));
    val |= flag;
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension: it may not also be a
        // walrus target.
        if (val & (RP_DEF_GLOBAL | RP_DEF_NONLOCAL))
            return rp_cctx_error(st->cx, lineno, col, end_lineno, end_col,
                                 NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, utf8(name));
        val |= RP_DEF_COMP_ITER;
    }
    ste->syms[i].flags = val;
    if (flag & RP_DEF_PARAM) {
        if (reserve((void **)&ste->varnames, &ste->capvarnames, ste->nvarnames,
                    sizeof *ste->varnames) < 0)
            return -1;
        ste->varnames[ste->nvarnames++] = mangled;
    }
    else if (flag & RP_DEF_GLOBAL) {
        // Global declarations are also recorded in the module scope.
        int g = ste_symbol(st->top, mangled);
        if (g < 0)
            return -1;
        st->top->syms[g].flags |= flag;
    }
    return 0;
}

static int add_def(rp_symtable_t *st, rp_obj_t *name, int flag,
                   int lineno, int col, int end_lineno, int end_col)
{
    return add_def_in(st, name, flag, st->cur, lineno, col, end_lineno, end_col);
}

static int add_def_id(rp_symtable_t *st, const char *id, int flag,
                      int lineno, int col, int end_lineno, int end_col)
{
    rp_obj_t *name = rp_cctx_ident(st->cx, id);
    if (!name)
        return -1;
    return add_def(st, name, flag, lineno, col, end_lineno, end_col);
}

// The flags of name (mangled) in the current scope.
static int lookup(rp_symtable_t *st, rp_obj_t *name, int *flags)
{
    rp_obj_t *mangled = rp_cctx_mangle(st->cx, st->private_, name);
    if (!mangled)
        return -1;
    *flags = rp_ste_flags(st->cur, mangled);
    return 0;
}

static int record_directive(rp_symtable_t *st, rp_obj_t *name,
                            int lineno, int col, int end_lineno, int end_col)
{
    rp_ste_t *ste = st->cur;
    rp_obj_t *mangled = rp_cctx_mangle(st->cx, st->private_, name);
    if (!mangled)
        return -1;
    if (reserve((void **)&ste->dirs, &ste->capdirs, ste->ndirs, sizeof *ste->dirs) < 0)
        return -1;
    rp_directive_t *d = &ste->dirs[ste->ndirs++];
    d->name = mangled;
    d->lineno = lineno;
    d->col_offset = col;
    d->end_lineno = end_lineno;
    d->end_col_offset = end_col;
    return 0;
}

// ---------------------------------------------------------------------
// Pass 1: the visitors

static int visit_exprs(rp_symtable_t *st, rp_expr_seq_t *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->a[i] && visit_expr(st, seq->a[i]) < 0)
            return -1;
    return 0;
}

static int visit_stmts(rp_symtable_t *st, rp_stmt_seq_t *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (visit_stmt(st, seq->a[i]) < 0)
            return -1;
    return 0;
}

static int visit_opt(rp_symtable_t *st, rp_expr_t *e)
{
    return e ? visit_expr(st, e) : 0;
}

static int visit_keywords(rp_symtable_t *st, rp_keyword_seq_t *kws)
{
    for (int i = 0; i < kws->n; i++)
        if (visit_expr(st, kws->a[i]->value) < 0)
            return -1;
    return 0;
}

static int visit_params(rp_symtable_t *st, rp_arg_seq_t *args)
{
    for (int i = 0; i < args->n; i++)
        if (add_def_id(st, args->a[i]->arg, RP_DEF_PARAM, LOC(args->a[i])) < 0)
            return -1;
    return 0;
}

static int visit_arguments(rp_symtable_t *st, rp_arguments_t *a)
{
    if (visit_params(st, &a->posonlyargs) < 0 || visit_params(st, &a->args) < 0 ||
        visit_params(st, &a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def_id(st, a->vararg->arg, RP_DEF_PARAM, LOC(a->vararg)) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def_id(st, a->kwarg->arg, RP_DEF_PARAM, LOC(a->kwarg)) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int visit_argannotations(rp_symtable_t *st, rp_arg_seq_t *args)
{
    for (int i = 0; i < args->n; i++)
        if (visit_opt(st, args->a[i]->annotation) < 0)
            return -1;
    return 0;
}

// Annotations are evaluated in the enclosing scope.
static int visit_annotations(rp_symtable_t *st, rp_arguments_t *a, rp_expr_t *returns)
{
    if (visit_argannotations(st, &a->posonlyargs) < 0 ||
        visit_argannotations(st, &a->args) < 0)
        return -1;
    if (a->vararg && visit_opt(st, a->vararg->annotation) < 0)
        return -1;
    if (a->kwarg && visit_opt(st, a->kwarg->annotation) < 0)
        return -1;
    if (visit_argannotations(st, &a->kwonlyargs) < 0)
        return -1;
    return visit_opt(st, returns);
}

static int visit_alias(rp_symtable_t *st, rp_alias_t *a)
{
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != RP_BLOCK_MODULE)
            return rp_cctx_error(st->cx, LOC(a), IMPORT_STAR_WARNING);
        return 0;
    }
    const char *dot = strchr(name, '.');
    rp_obj_t *store;
    if (dot) {
        store = rp_str_intern_utf8(name, (rp_ssize_t)(dot - name));
        store = rp_cctx_keep_take(st->cx, store);
    }
    else
        store = rp_cctx_ident(st->cx, name);
    if (!store)
        return -1;
    return add_def(st, store, RP_DEF_IMPORT, LOC(a));
}

static int raise_if_comprehension_block(rp_symtable_t *st, rp_expr_t *e)
{
    rp_comp_kind_t k = st->cur->comprehension;
    const char *msg = k == RP_COMP_LIST ? "'yield' inside list comprehension" :
                      k == RP_COMP_SET ? "'yield' inside set comprehension" :
                      k == RP_COMP_DICT ? "'yield' inside dict comprehension" :
                      "'yield' inside generator expression";
    return rp_cctx_error(st->cx, LOC(e), "%s", msg);
}

// A walrus inside a comprehension binds in the nearest enclosing
// function or module scope.
static int extend_namedexpr_scope(rp_symtable_t *st, rp_expr_t *e)
{
    rp_obj_t *target = rp_cctx_ident(st->cx, e->v.name.id);
    if (!target)
        return -1;
    // st->stack holds the enclosing scopes; st->cur is the comprehension.
    for (int i = st->nstack; i >= 0; i--) {
        rp_ste_t *ste = i == st->nstack ? st->cur : st->stack[i];
        if (ste->comprehension) {
            if (rp_ste_flags(ste, target) & RP_DEF_COMP_ITER)
                return rp_cctx_error(st->cx, LOC(e), NAMED_EXPR_COMP_CONFLICT, utf8(target));
            continue;
        }
        if (ste->type == RP_BLOCK_FUNCTION) {
            int flags = rp_ste_flags(ste, target);
            if (add_def(st, target, (flags & RP_DEF_GLOBAL) ? RP_DEF_GLOBAL : RP_DEF_NONLOCAL,
                        LOC(e)) < 0)
                return -1;
            if (record_directive(st, target, LOC(e)) < 0)
                return -1;
            return add_def_in(st, target, RP_DEF_LOCAL, ste, LOC(e));
        }
        if (ste->type == RP_BLOCK_MODULE) {
            if (add_def(st, target, RP_DEF_GLOBAL, LOC(e)) < 0)
                return -1;
            if (record_directive(st, target, LOC(e)) < 0)
                return -1;
            return add_def_in(st, target, RP_DEF_GLOBAL, ste, LOC(e));
        }
        if (ste->type == RP_BLOCK_CLASS)
            return rp_cctx_error(st->cx, LOC(e), NAMED_EXPR_COMP_IN_CLASS);
    }
    return 0;
}

static int handle_namedexpr(rp_symtable_t *st, rp_expr_t *e)
{
    if (st->cur->comp_iter_expr > 0)
        return rp_cctx_error(st->cx, LOC(e), NAMED_EXPR_COMP_ITER_EXPR);
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.namedexpr.target) < 0)
        return -1;
    if (visit_expr(st, e->v.namedexpr.value) < 0)
        return -1;
    return visit_expr(st, e->v.namedexpr.target);
}

static int visit_comprehension(rp_symtable_t *st, rp_comprehension_t *lc)
{
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, lc->target) < 0)
        return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(st, lc->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    return visit_exprs(st, &lc->ifs);
}

static int handle_comprehension(rp_symtable_t *st, rp_expr_t *e, const char *scope_name,
                                rp_comp_seq_t *generators, rp_expr_t *elt,
                                rp_expr_t *value)
{
    int is_generator = e->kind == RP_E_GENEXP;
    rp_comprehension_t *outermost = generators->a[0];
    // The outermost iterable is evaluated in the enclosing scope.
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outermost->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    rp_obj_t *name = rp_cctx_ident(st->cx, scope_name);
    if (!name || enter_block(st, name, RP_BLOCK_FUNCTION, e, LOC(e)) < 0)
        return -1;
    switch (e->kind) {
    case RP_E_LISTCOMP: st->cur->comprehension = RP_COMP_LIST; break;
    case RP_E_SETCOMP: st->cur->comprehension = RP_COMP_SET; break;
    case RP_E_DICTCOMP: st->cur->comprehension = RP_COMP_DICT; break;
    default: st->cur->comprehension = RP_COMP_GENEXP; break;
    }
    // The outermost iterator is received as the argument ".0".
    if (add_def_id(st, ".0", RP_DEF_PARAM, st->cur->lineno, st->cur->col_offset,
                   st->cur->end_lineno, st->cur->end_col_offset) < 0)
        return -1;
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, outermost->target) < 0)
        return -1;
    st->cur->comp_iter_target = 0;
    if (visit_exprs(st, &outermost->ifs) < 0)
        return -1;
    for (int i = 1; i < generators->n; i++)
        if (visit_comprehension(st, generators->a[i]) < 0)
            return -1;
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (visit_expr(st, elt) < 0)
        return -1;
    st->cur->generator = is_generator;
    exit_block(st);
    return 0;
}

static int visit_expr1(rp_symtable_t *st, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_NAMEDEXPR:
        return handle_namedexpr(st, e);
    case RP_E_BOOLOP:
        return visit_exprs(st, &e->v.boolop.values);
    case RP_E_BINOP:
        if (visit_expr(st, e->v.binop.left) < 0)
            return -1;
        return visit_expr(st, e->v.binop.right);
    case RP_E_UNARYOP:
        return visit_expr(st, e->v.unaryop.operand);
    case RP_E_LAMBDA: {
        rp_arguments_t *a = e->v.lambda.args;
        if (visit_exprs(st, &a->defaults) < 0 || visit_exprs(st, &a->kw_defaults) < 0)
            return -1;
        rp_obj_t *name = rp_cctx_ident(st->cx, "lambda");
        if (!name || enter_block(st, name, RP_BLOCK_FUNCTION, e, LOC(e)) < 0)
            return -1;
        if (visit_arguments(st, a) < 0 || visit_expr(st, e->v.lambda.body) < 0)
            return -1;
        exit_block(st);
        return 0;
    }
    case RP_E_IFEXP:
        if (visit_expr(st, e->v.ifexp.test) < 0 || visit_expr(st, e->v.ifexp.body) < 0)
            return -1;
        return visit_expr(st, e->v.ifexp.orelse);
    case RP_E_DICT:
        if (visit_exprs(st, &e->v.dict.keys) < 0)
            return -1;
        return visit_exprs(st, &e->v.dict.values);
    case RP_E_SET:
        return visit_exprs(st, &e->v.set.elts);
    case RP_E_GENEXP:
        return handle_comprehension(st, e, "genexpr", &e->v.comp.generators, e->v.comp.elt, NULL);
    case RP_E_LISTCOMP:
        return handle_comprehension(st, e, "listcomp", &e->v.comp.generators, e->v.comp.elt, NULL);
    case RP_E_SETCOMP:
        return handle_comprehension(st, e, "setcomp", &e->v.comp.generators, e->v.comp.elt, NULL);
    case RP_E_DICTCOMP:
        return handle_comprehension(st, e, "dictcomp", &e->v.dictcomp.generators,
                                    e->v.dictcomp.key, e->v.dictcomp.value);
    case RP_E_YIELD:
        if (visit_opt(st, e->v.yield.value) < 0)
            return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension)
            return raise_if_comprehension_block(st, e);
        return 0;
    case RP_E_YIELDFROM:
        if (visit_expr(st, e->v.yieldfrom.value) < 0)
            return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension)
            return raise_if_comprehension_block(st, e);
        return 0;
    case RP_E_COMPARE:
        if (visit_expr(st, e->v.compare.left) < 0)
            return -1;
        for (int i = 0; i < e->v.compare.n; i++)
            if (visit_expr(st, e->v.compare.comparators[i]) < 0)
                return -1;
        return 0;
    case RP_E_CALL:
        if (visit_expr(st, e->v.call.func) < 0 || visit_exprs(st, &e->v.call.args) < 0)
            return -1;
        return visit_keywords(st, &e->v.call.keywords);
    case RP_E_FORMATTEDVALUE:
        if (visit_expr(st, e->v.formattedvalue.value) < 0)
            return -1;
        return visit_opt(st, e->v.formattedvalue.format_spec);
    case RP_E_JOINEDSTR:
        return visit_exprs(st, &e->v.joinedstr.values);
    case RP_E_CONSTANT:
        return 0;
    case RP_E_ATTRIBUTE:
        return visit_expr(st, e->v.attribute.value);
    case RP_E_SUBSCRIPT:
        if (visit_expr(st, e->v.subscript.value) < 0)
            return -1;
        return visit_expr(st, e->v.subscript.slice);
    case RP_E_STARRED:
        return visit_expr(st, e->v.starred.value);
    case RP_E_SLICE:
        if (visit_opt(st, e->v.slice.lower) < 0 || visit_opt(st, e->v.slice.upper) < 0)
            return -1;
        return visit_opt(st, e->v.slice.step);
    case RP_E_NAME: {
        if (add_def_id(st, e->v.name.id, e->v.name.ctx == RP_LOAD ? RP_DEF_USE : RP_DEF_LOCAL,
                       LOC(e)) < 0)
            return -1;
        // A use of super counts as a use of __class__.
        if (e->v.name.ctx == RP_LOAD && st->cur->type == RP_BLOCK_FUNCTION &&
            strcmp(e->v.name.id, "super") == 0)
            return add_def_id(st, "__class__", RP_DEF_USE, LOC(e));
        return 0;
    }
    case RP_E_LIST:
    case RP_E_TUPLE:
        return visit_exprs(st, &e->v.seq.elts);
    }
    return 0;
}

static int visit_expr(rp_symtable_t *st, rp_expr_t *e)
{
    if (rp_cctx_enter(st->cx) < 0)
        return -1;
    int r = visit_expr1(st, e);
    rp_cctx_leave(st->cx);
    return r;
}

// global / nonlocal statements.
static int visit_declaration(rp_symtable_t *st, rp_stmt_t *s, int is_global)
{
    rp_name_seq_t *names = is_global ? &s->v.global.names : &s->v.nonlocal.names;
    for (int i = 0; i < names->n; i++) {
        rp_obj_t *name = rp_cctx_ident(st->cx, names->a[i]);
        int cur;
        if (!name || lookup(st, name, &cur) < 0)
            return -1;
        if (cur & (RP_DEF_PARAM | RP_DEF_LOCAL | RP_DEF_USE | RP_DEF_ANNOT)) {
            const char *msg;
            if (cur & RP_DEF_PARAM)
                msg = is_global ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & RP_DEF_USE)
                msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & RP_DEF_ANNOT)
                msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else
                msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            return rp_cctx_error(st->cx, LOC(s), msg, names->a[i]);
        }
        if (add_def(st, name, is_global ? RP_DEF_GLOBAL : RP_DEF_NONLOCAL, LOC(s)) < 0)
            return -1;
        if (record_directive(st, name, LOC(s)) < 0)
            return -1;
    }
    return 0;
}

static int visit_stmt1(rp_symtable_t *st, rp_stmt_t *s)
{
    switch (s->kind) {
    case RP_S_FUNCTIONDEF: {
        rp_arguments_t *a = s->v.functiondef.args;
        if (add_def_id(st, s->v.functiondef.name, RP_DEF_LOCAL, LOC(s)) < 0)
            return -1;
        if (visit_exprs(st, &a->defaults) < 0 || visit_exprs(st, &a->kw_defaults) < 0)
            return -1;
        if (visit_annotations(st, a, s->v.functiondef.returns) < 0)
            return -1;
        if (visit_exprs(st, &s->v.functiondef.decorator_list) < 0)
            return -1;
        rp_obj_t *name = rp_cctx_ident(st->cx, s->v.functiondef.name);
        if (!name || enter_block(st, name, RP_BLOCK_FUNCTION, s, LOC(s)) < 0)
            return -1;
        if (visit_arguments(st, a) < 0 || visit_stmts(st, &s->v.functiondef.body) < 0)
            return -1;
        exit_block(st);
        return 0;
    }
    case RP_S_CLASSDEF: {
        if (add_def_id(st, s->v.classdef.name, RP_DEF_LOCAL, LOC(s)) < 0)
            return -1;
        if (visit_exprs(st, &s->v.classdef.bases) < 0 ||
            visit_keywords(st, &s->v.classdef.keywords) < 0 ||
            visit_exprs(st, &s->v.classdef.decorator_list) < 0)
            return -1;
        rp_obj_t *name = rp_cctx_ident(st->cx, s->v.classdef.name);
        if (!name || enter_block(st, name, RP_BLOCK_CLASS, s, LOC(s)) < 0)
            return -1;
        rp_obj_t *saved = st->private_;
        st->private_ = name;
        int r = visit_stmts(st, &s->v.classdef.body);
        st->private_ = saved;
        if (r < 0)
            return -1;
        exit_block(st);
        return 0;
    }
    case RP_S_RETURN:
        if (s->v.return_.value) {
            if (visit_expr(st, s->v.return_.value) < 0)
                return -1;
            st->cur->returns_value = 1;
        }
        return 0;
    case RP_S_DELETE:
        return visit_exprs(st, &s->v.delete_.targets);
    case RP_S_ASSIGN:
        if (visit_exprs(st, &s->v.assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.assign.value);
    case RP_S_ANNASSIGN: {
        rp_expr_t *t = s->v.annassign.target;
        if (t->kind == RP_E_NAME) {
            rp_obj_t *name = rp_cctx_ident(st->cx, t->v.name.id);
            int cur;
            if (!name || lookup(st, name, &cur) < 0)
                return -1;
            if ((cur & (RP_DEF_GLOBAL | RP_DEF_NONLOCAL)) && st->cur != st->top &&
                s->v.annassign.simple)
                return rp_cctx_error(st->cx, LOC(s),
                                     (cur & RP_DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                                     t->v.name.id);
            if (s->v.annassign.simple) {
                if (add_def(st, name, RP_DEF_ANNOT | RP_DEF_LOCAL, LOC(t)) < 0)
                    return -1;
            }
            else if (s->v.annassign.value) {
                if (add_def(st, name, RP_DEF_LOCAL, LOC(t)) < 0)
                    return -1;
            }
        }
        else if (visit_expr(st, t) < 0)
            return -1;
        if (visit_expr(st, s->v.annassign.annotation) < 0)
            return -1;
        return visit_opt(st, s->v.annassign.value);
    }
    case RP_S_AUGASSIGN:
        if (visit_expr(st, s->v.augassign.target) < 0)
            return -1;
        return visit_expr(st, s->v.augassign.value);
    case RP_S_FOR:
        if (visit_expr(st, s->v.for_.target) < 0 || visit_expr(st, s->v.for_.iter) < 0 ||
            visit_stmts(st, &s->v.for_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.for_.orelse);
    case RP_S_WHILE:
        if (visit_expr(st, s->v.while_.test) < 0 || visit_stmts(st, &s->v.while_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.while_.orelse);
    case RP_S_IF:
        if (visit_expr(st, s->v.if_.test) < 0 || visit_stmts(st, &s->v.if_.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.if_.orelse);
    case RP_S_RAISE:
        if (visit_opt(st, s->v.raise.exc) < 0)
            return -1;
        return visit_opt(st, s->v.raise.cause);
    case RP_S_TRY:
        if (visit_stmts(st, &s->v.try_.body) < 0 || visit_stmts(st, &s->v.try_.orelse) < 0)
            return -1;
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            rp_excepthandler_t *h = s->v.try_.handlers.a[i];
            if (visit_opt(st, h->type) < 0)
                return -1;
            if (h->name && add_def_id(st, h->name, RP_DEF_LOCAL, LOC(h)) < 0)
                return -1;
            if (visit_stmts(st, &h->body) < 0)
                return -1;
        }
        return visit_stmts(st, &s->v.try_.finalbody);
    case RP_S_ASSERT:
        if (visit_expr(st, s->v.assert_.test) < 0)
            return -1;
        return visit_opt(st, s->v.assert_.msg);
    case RP_S_IMPORT:
        for (int i = 0; i < s->v.import.names.n; i++)
            if (visit_alias(st, s->v.import.names.a[i]) < 0)
                return -1;
        return 0;
    case RP_S_IMPORTFROM:
        for (int i = 0; i < s->v.importfrom.names.n; i++)
            if (visit_alias(st, s->v.importfrom.names.a[i]) < 0)
                return -1;
        return 0;
    case RP_S_GLOBAL:
        return visit_declaration(st, s, 1);
    case RP_S_NONLOCAL:
        return visit_declaration(st, s, 0);
    case RP_S_EXPR:
        return visit_expr(st, s->v.expr.value);
    case RP_S_WITH:
        for (int i = 0; i < s->v.with.items.n; i++) {
            rp_withitem_t *it = s->v.with.items.a[i];
            if (visit_expr(st, it->context_expr) < 0 || visit_opt(st, it->optional_vars) < 0)
                return -1;
        }
        return visit_stmts(st, &s->v.with.body);
    case RP_S_PASS:
    case RP_S_BREAK:
    case RP_S_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmt(rp_symtable_t *st, rp_stmt_t *s)
{
    if (rp_cctx_enter(st->cx) < 0)
        return -1;
    int r = visit_stmt1(st, s);
    rp_cctx_leave(st->cx);
    return r;
}

// ---------------------------------------------------------------------
// Pass 2: analysis.  Sets of names are pointer maps of interned strs to
// 1 (present) or 0 (removed).

typedef rp_ptrmap_t nameset_t;

static int set_add(nameset_t *s, rp_obj_t *name)
{
    if (rp_ptrmap_set(s, name, 1) < 0) {
        rp_err_nomemory();
        return -1;
    }
    return 0;
}

static int set_has(const nameset_t *s, rp_obj_t *name)
{
    intptr_t v;
    return rp_ptrmap_get(s, name, &v) && v;
}

// Removes name; returns 1 if it was present.
static int set_discard(nameset_t *s, rp_obj_t *name)
{
    if (s->cap == 0)
        return 0;
    size_t mask = s->cap - 1;
    for (size_t i = rp_ptrmap_hash(name) & mask; s->e[i].key; i = (i + 1) & mask)
        if (s->e[i].key == name) {
            int was = s->e[i].value != 0;
            s->e[i].value = 0;
            return was;
        }
    return 0;
}

static int set_update(nameset_t *dst, const nameset_t *src)
{
    for (size_t i = 0; i < src->cap; i++)
        if (src->e[i].key && src->e[i].value &&
            set_add(dst, (rp_obj_t *)src->e[i].key) < 0)
            return -1;
    return 0;
}

static int error_at_directive(rp_symtable_t *st, rp_ste_t *ste, rp_obj_t *name,
                              const char *fmt)
{
    for (int i = 0; i < ste->ndirs; i++) {
        rp_directive_t *d = &ste->dirs[i];
        if (d->name == name)
            return rp_cctx_error(st->cx, d->lineno, d->col_offset, d->end_lineno,
                                 d->end_col_offset, fmt, utf8(name));
    }
    rp_err_set(&rp_exc_RuntimeError, "BUG: internal directive bookkeeping broken");
    return -1;
}

static int analyze_name(rp_symtable_t *st, rp_ste_t *ste, int *scopes, int i,
                        nameset_t *bound, nameset_t *local, nameset_t *free,
                        nameset_t *global)
{
    rp_obj_t *name = ste->syms[i].name;
    int flags = ste->syms[i].flags;
    if (flags & RP_DEF_GLOBAL) {
        if (flags & RP_DEF_NONLOCAL)
            return error_at_directive(st, ste, name, "name '%s' is nonlocal and global");
        scopes[i] = RP_SCOPE_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0)
            return -1;
        if (bound)
            set_discard(bound, name);
        return 0;
    }
    if (flags & RP_DEF_NONLOCAL) {
        if (!bound)
            return error_at_directive(st, ste, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return error_at_directive(st, ste, name, "no binding for nonlocal '%s' found");
        scopes[i] = RP_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    if (flags & RP_DEF_BOUND) {
        scopes[i] = RP_SCOPE_LOCAL;
        if (set_add(local, name) < 0)
            return -1;
        set_discard(global, name);
        return 0;
    }
    // Bound in an enclosing function: free rather than global.
    if (bound && set_has(bound, name)) {
        scopes[i] = RP_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    if (global && set_has(global, name)) {
        scopes[i] = RP_SCOPE_GLOBAL_IMPLICIT;
        return 0;
    }
    if (ste->nested)
        ste->free = 1;
    scopes[i] = RP_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(rp_symtable_t *st, rp_ste_t *ste, nameset_t *bound,
                         nameset_t *free, nameset_t *global);

static int analyze_child_block(rp_symtable_t *st, rp_ste_t *entry, nameset_t *bound,
                               nameset_t *free, nameset_t *global, nameset_t *child_free)
{
    nameset_t tb, tf, tg;
    rp_ptrmap_init(&tb);
    rp_ptrmap_init(&tf);
    rp_ptrmap_init(&tg);
    int r = -1;
    if (set_update(&tb, bound) < 0 || set_update(&tf, free) < 0 || set_update(&tg, global) < 0)
        goto done;
    if (analyze_block(st, entry, &tb, &tf, &tg) < 0)
        goto done;
    r = set_update(child_free, &tf);
done:
    rp_ptrmap_free(&tb);
    rp_ptrmap_free(&tf);
    rp_ptrmap_free(&tg);
    return r;
}

// Records the resolved scopes, and the free names of children that pass
// through this scope.
static int update_symbols(rp_ste_t *ste, int *scopes, nameset_t *bound, nameset_t *free,
                          int classflag)
{
    int n = ste->nsyms;
    for (int i = 0; i < n; i++)
        ste->syms[i].flags |= scopes[i] << RP_SCOPE_OFFSET;
    for (size_t k = 0; k < free->cap; k++) {
        if (!free->e[k].key || !free->e[k].value)
            continue;
        rp_obj_t *name = (rp_obj_t *)free->e[k].key;
        intptr_t pos;
        if (rp_ptrmap_get(&ste->index, name, &pos)) {
            // A method's free variable also bound (or global) in the class.
            if (classflag && (ste->syms[pos].flags & (RP_DEF_BOUND | RP_DEF_GLOBAL)))
                ste->syms[pos].flags |= RP_DEF_FREE_CLASS;
            continue;       // a cell, or already free here
        }
        if (bound && !set_has(bound, name))
            continue;       // a global
        int i = ste_symbol(ste, name);
        if (i < 0)
            return -1;
        ste->syms[i].flags = RP_SCOPE_FREE << RP_SCOPE_OFFSET;
    }
    return 0;
}

static int analyze_block(rp_symtable_t *st, rp_ste_t *ste, nameset_t *bound,
                         nameset_t *free, nameset_t *global)
{
    nameset_t local, newbound, newglobal, newfree, allfree;
    rp_ptrmap_init(&local);
    rp_ptrmap_init(&newbound);
    rp_ptrmap_init(&newglobal);
    rp_ptrmap_init(&newfree);
    rp_ptrmap_init(&allfree);
    int r = -1;
    int *scopes = (int *)rp_mem_calloc((size_t)ste->nsyms + 1, sizeof *scopes);
    if (!scopes) {
        rp_err_nomemory();
        goto done;
    }
    if (rp_cctx_enter(st->cx) < 0)
        goto done;
    // Class bindings are not visible in nested scopes: what children see
    // is fixed before this block's names are analyzed.
    if (ste->type == RP_BLOCK_CLASS) {
        if (set_update(&newglobal, global) < 0 || (bound && set_update(&newbound, bound) < 0))
            goto leave;
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (analyze_name(st, ste, scopes, i, bound, &local, free, global) < 0)
            goto leave;
    if (ste->type != RP_BLOCK_CLASS) {
        if (ste->type == RP_BLOCK_FUNCTION && set_update(&newbound, &local) < 0)
            goto leave;
        if (bound && set_update(&newbound, bound) < 0)
            goto leave;
        if (set_update(&newglobal, global) < 0)
            goto leave;
    }
    else {
        rp_obj_t *cls = rp_cctx_ident(st->cx, "__class__");
        if (!cls || set_add(&newbound, cls) < 0)
            goto leave;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        rp_ste_t *c = ste->children[i];
        if (analyze_child_block(st, c, &newbound, &newfree, &newglobal, &allfree) < 0)
            goto leave;
        if (c->free || c->child_free)
            ste->child_free = 1;
    }
    if (set_update(&newfree, &allfree) < 0)
        goto leave;
    if (ste->type == RP_BLOCK_FUNCTION) {
        // Locals used by inner scopes become cells.
        for (int i = 0; i < ste->nsyms; i++)
            if (scopes[i] == RP_SCOPE_LOCAL && set_has(&newfree, ste->syms[i].name)) {
                scopes[i] = RP_SCOPE_CELL;
                set_discard(&newfree, ste->syms[i].name);
            }
    }
    else if (ste->type == RP_BLOCK_CLASS) {
        rp_obj_t *cls = rp_cctx_ident(st->cx, "__class__");
        if (!cls)
            goto leave;
        if (set_discard(&newfree, cls))
            ste->needs_class_closure = 1;
    }
    if (update_symbols(ste, scopes, bound, &newfree, ste->type == RP_BLOCK_CLASS) < 0)
        goto leave;
    if (set_update(free, &newfree) < 0)
        goto leave;
    r = 0;
leave:
    rp_cctx_leave(st->cx);
done:
    rp_mem_free(scopes);
    rp_ptrmap_free(&local);
    rp_ptrmap_free(&newbound);
    rp_ptrmap_free(&newglobal);
    rp_ptrmap_free(&newfree);
    rp_ptrmap_free(&allfree);
    return r;
}

// ---------------------------------------------------------------------

void rp_symtable_free(rp_symtable_t *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nall; i++)
        ste_free(st->all[i]);
    rp_mem_free(st->all);
    rp_mem_free(st->stack);
    rp_ptrmap_free(&st->blocks);
    rp_mem_free(st);
}

rp_ste_t *rp_symtable_lookup(rp_symtable_t *st, const void *key)
{
    intptr_t v;
    if (!rp_ptrmap_get(&st->blocks, key, &v))
        return NULL;
    return (rp_ste_t *)v;
}

rp_symtable_t *rp_symtable_build(rp_cctx_t *cx, rp_mod_t *mod)
{
    rp_symtable_t *st = (rp_symtable_t *)rp_mem_calloc(1, sizeof *st);
    if (!st) {
        rp_err_nomemory();
        return NULL;
    }
    st->cx = cx;
    rp_ptrmap_init(&st->blocks);
    rp_obj_t *top = rp_cctx_ident(cx, "top");
    if (!top || enter_block(st, top, RP_BLOCK_MODULE, mod, 0, 0, 0, 0) < 0)
        goto fail;
    st->top = st->cur;
    switch (mod->kind) {
    case RP_MOD_MODULE:
    case RP_MOD_INTERACTIVE:
        if (visit_stmts(st, &mod->body) < 0)
            goto fail;
        break;
    case RP_MOD_EXPRESSION:
        if (visit_expr(st, mod->expr) < 0)
            goto fail;
        break;
    }
    nameset_t free, global;
    rp_ptrmap_init(&free);
    rp_ptrmap_init(&global);
    int r = analyze_block(st, st->top, NULL, &free, &global);
    rp_ptrmap_free(&free);
    rp_ptrmap_free(&global);
    if (r < 0)
        goto fail;
    return st;
fail:
    rp_symtable_free(st);
    return NULL;
}
