// The compiler's entry points and infrastructure: compilation units (one
// per code object), their name and constant tables, instruction emission,
// name resolution (CPython 3.11's compiler_nameop) and closures.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compile/compile.h"
#include "compile/compiler.h"
#include "compile/fold.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "compile/consts.h"
#include "objects/code.h"
#include "memory/alloc.h"

// ---------------------------------------------------------------------
// Object lists

static void objlist_free(objlist_t *l)
{
    rp_mem_free(l->a);
    l->a = NULL;
    l->n = l->cap = 0;
    rp_ptrmap_free(&l->index);
}

int objlist_add(objlist_t *l, rp_obj_t *o)
{
    intptr_t i;
    if (rp_ptrmap_get(&l->index, o, &i))
        return (int)i;
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 8;
        rp_obj_t **na = (rp_obj_t **)rp_mem_realloc(l->a, (size_t)ncap * sizeof *na);
        if (!na) {
            rp_err_nomemory();
            return -1;
        }
        l->a = na;
        l->cap = ncap;
    }
    if (rp_ptrmap_set(&l->index, o, l->n) < 0) {
        rp_err_nomemory();
        return -1;
    }
    l->a[l->n] = o;
    return l->n++;
}

static int objlist_find(const objlist_t *l, rp_obj_t *o)
{
    intptr_t i;
    return rp_ptrmap_get(&l->index, o, &i) ? (int)i : -1;
}

// Adds the names of ste with the given scope (or flag) sorted by code
// point, as CPython's dictbytype.
static int add_sorted(objlist_t *l, rp_ste_t *ste, int scope, int flag)
{
    int start = l->n;
    for (int i = 0; i < ste->nsyms; i++) {
        int f = ste->syms[i].flags;
        if (((f >> RP_SCOPE_OFFSET) & RP_SCOPE_MASK) == scope || (f & flag))
            if (objlist_add(l, ste->syms[i].name) < 0)
                return -1;
    }
    // Insertion sort of the new names, then rebuild their indexes.
    for (int i = start + 1; i < l->n; i++) {
        rp_obj_t *k = l->a[i];
        int j = i - 1;
        while (j >= start && rp_str_compare(l->a[j], k) > 0) {
            l->a[j + 1] = l->a[j];
            j--;
        }
        l->a[j + 1] = k;
    }
    for (int i = start; i < l->n; i++)
        if (rp_ptrmap_set(&l->index, l->a[i], i) < 0) {
            rp_err_nomemory();
            return -1;
        }
    return 0;
}

// ---------------------------------------------------------------------
// Errors and warnings at the current location

int compiler_error(compiler_t *c, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cunit_t *u = c->u;
    return rp_cctx_error(c->cx, u->lineno, u->col_offset, u->end_lineno,
                         u->end_col_offset, "%s", msg);
}

int compiler_warn(compiler_t *c, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return rp_cctx_warn(c->cx, c->u->lineno, "%s", msg);
}

// ---------------------------------------------------------------------
// Units

void compiler_exit_scope(compiler_t *c);

static void unit_free(cunit_t *u)
{
    objlist_free(&u->consts);
    objlist_free(&u->names);
    objlist_free(&u->varnames);
    objlist_free(&u->cellvars);
    objlist_free(&u->freevars);
    rp_mem_free(u->ins);
    rp_mem_free(u->labels);
    rp_mem_free(u->handlers);
    rp_mem_free(u);
}

// CPython's compiler_set_qualname.
static int set_qualname(compiler_t *c)
{
    cunit_t *u = c->u, *parent = u->parent;
    rp_obj_t *base = NULL;
    int base_owned = 0;
    if (parent && parent->parent) {
        int force_global = 0;
        if (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_CLASS) {
            rp_obj_t *m = rp_cctx_mangle(c->cx, parent->private_, u->name);
            if (!m)
                return -1;
            if (rp_ste_scope(parent->ste, m) == RP_SCOPE_GLOBAL_EXPLICIT)
                force_global = 1;
        }
        if (!force_global) {
            if (parent->scope_type == SCOPE_FUNCTION || parent->scope_type == SCOPE_LAMBDA) {
                base = rp_str_from_format("%S.<locals>", parent->qualname);
                if (!base)
                    return -1;
                base_owned = 1;
            }
            else
                base = parent->qualname;
        }
    }
    if (base) {
        rp_obj_t *q = rp_str_from_format("%S.%S", base, u->name);
        if (base_owned)
            rp_decref(base);
        u->qualname = rp_cctx_keep_take(c->cx, q);
        if (!u->qualname)
            return -1;
    }
    else
        u->qualname = u->name;
    return 0;
}

int compiler_enter_scope(compiler_t *c, rp_obj_t *name, int scope_type,
                         const void *key, int lineno)
{
    cunit_t *u = (cunit_t *)rp_mem_calloc(1, sizeof *u);
    if (!u) {
        rp_err_nomemory();
        return -1;
    }
    u->scope_type = scope_type;
    u->name = name;
    u->parent = c->u;
    u->ste = rp_symtable_lookup(c->st, key);
    if (!u->ste) {
        unit_free(u);
        rp_err_set(&rp_exc_SystemError, "unknown symbol table entry");
        return -1;
    }
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (objlist_add(&u->varnames, u->ste->varnames[i]) < 0) {
            unit_free(u);
            return -1;
        }
    if (u->ste->needs_class_closure) {
        // The implicit __class__ cell of a class body.
        rp_obj_t *cls = ident(c, "__class__");
        if (!cls || objlist_add(&u->cellvars, cls) < 0) {
            unit_free(u);
            return -1;
        }
    }
    else if (add_sorted(&u->cellvars, u->ste, RP_SCOPE_CELL, 0) < 0) {
        unit_free(u);
        return -1;
    }
    if (add_sorted(&u->freevars, u->ste, RP_SCOPE_FREE, RP_DEF_FREE_CLASS) < 0) {
        unit_free(u);
        return -1;
    }
    u->firstlineno = lineno;
    u->lineno = u->end_lineno = lineno;
    u->col_offset = u->end_col_offset = 0;
    u->private_ = c->u ? c->u->private_ : NULL;
    c->u = u;
    c->nestlevel++;
    if (scope_type != SCOPE_MODULE && set_qualname(c) < 0) {
        compiler_exit_scope(c);
        return -1;
    }
    if (scope_type == SCOPE_MODULE)
        u->qualname = name;
    return 0;
}

void compiler_exit_scope(compiler_t *c)
{
    cunit_t *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

// ---------------------------------------------------------------------
// Tables

rp_obj_t *ident(compiler_t *c, const char *id)
{
    return rp_cctx_ident(c->cx, id);
}

rp_obj_t *mangle(compiler_t *c, rp_obj_t *name)
{
    return rp_cctx_mangle(c->cx, c->u->private_, name);
}

int add_const_take_from(compiler_t *c, rp_obj_t *o, int origin)
{
    rp_obj_t *k = rp_const_cache_merge_take(&c->cx->consts, o);
    if (!k)
        return -1;
    rp_const_cache_mark_use(&c->cx->consts, k, origin);
    return objlist_add(&c->u->consts, k);
}

int add_const_from(compiler_t *c, rp_obj_t *o, int origin)
{
    return add_const_take_from(c, rp_newref(o), origin);
}

int add_const(compiler_t *c, rp_obj_t *o)
{
    return add_const_take_from(c, rp_newref(o), RP_CONST_FROM_COMPILER);
}

int add_const_take(compiler_t *c, rp_obj_t *o)
{
    return add_const_take_from(c, o, RP_CONST_FROM_COMPILER);
}

int add_name(compiler_t *c, rp_obj_t *name)
{
    return objlist_add(&c->u->names, name);
}

int deref_index(compiler_t *c, rp_obj_t *name, int cell)
{
    cunit_t *u = c->u;
    if (cell)
        return objlist_find(&u->cellvars, name);
    int i = objlist_find(&u->freevars, name);
    return i < 0 ? -1 : u->cellvars.n + i;
}

// ---------------------------------------------------------------------
// Emission

int new_label(compiler_t *c)
{
    cunit_t *u = c->u;
    if (u->nlabels == u->caplabels) {
        int ncap = u->caplabels ? u->caplabels * 2 : 32;
        int *nl = (int *)rp_mem_realloc(u->labels, (size_t)ncap * sizeof *nl);
        if (!nl) {
            rp_err_nomemory();
            return -1;
        }
        u->labels = nl;
        u->caplabels = ncap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void bind_label(compiler_t *c, int label)
{
    c->u->labels[label] = c->u->nins;
}

int top_handler(compiler_t *c)
{
    return c->u->hdepth > 0 ? c->u->hstack[c->u->hdepth - 1] : -1;
}

static instr_t *next_instr(compiler_t *c)
{
    cunit_t *u = c->u;
    if (u->nins == u->capins) {
        int ncap = u->capins ? u->capins * 2 : 64;
        instr_t *ni = (instr_t *)rp_mem_realloc(u->ins, (size_t)ncap * sizeof *ni);
        if (!ni) {
            rp_err_nomemory();
            return NULL;
        }
        u->ins = ni;
        u->capins = ncap;
    }
    instr_t *i = &u->ins[u->nins++];
    i->target = -1;
    i->line = u->lineno;
    i->end_line = u->end_lineno;
    i->col = u->col_offset;
    i->end_col = u->end_col_offset;
    i->handler = top_handler(c);
    return i;
}

int emit(compiler_t *c, int op, int arg)
{
    if (arg < 0 || arg > 0xFFFFFF) {
        if (arg > 0xFFFFFF)
            return compiler_error(c, "too many constants, names or arguments");
        rp_err_set(&rp_exc_SystemError, "negative instruction argument");
        return -1;
    }
    instr_t *i = next_instr(c);
    if (!i)
        return -1;
    i->op = op;
    i->arg = arg;
    return 0;
}

int emit_jump(compiler_t *c, int op, int label)
{
    instr_t *i = next_instr(c);
    if (!i)
        return -1;
    i->op = op;
    i->arg = 0;
    i->target = label;
    return 0;
}

int emit_load_const(compiler_t *c, rp_obj_t *o)
{
    int i = add_const(c, o);
    return i < 0 ? -1 : emit(c, RP_OP_LOAD_CONST, i);
}

int emit_load_const_take(compiler_t *c, rp_obj_t *o)
{
    return emit_load_const_take_from(c, o, RP_CONST_FROM_COMPILER);
}

int emit_load_const_take_from(compiler_t *c, rp_obj_t *o, int origin)
{
    if (!o)
        return -1;
    int i = add_const_take_from(c, o, origin);
    return i < 0 ? -1 : emit(c, RP_OP_LOAD_CONST, i);
}

int emit_load_const_from(compiler_t *c, rp_obj_t *o, int origin)
{
    return emit_load_const_take_from(c, rp_newref(o), origin);
}

int emit_name(compiler_t *c, int op, rp_obj_t *name)
{
    rp_obj_t *m = mangle(c, name);
    if (!m)
        return -1;
    int i = add_name(c, m);
    return i < 0 ? -1 : emit(c, op, i);
}

int push_handler(compiler_t *c, int h)
{
    cunit_t *u = c->u;
    if (u->hdepth >= MAX_HSTACK)
        return compiler_error(c, "too many statically nested blocks");
    u->hstack[u->hdepth++] = h;
    return 0;
}

int emit_setup(compiler_t *c, int kind, int label)
{
    cunit_t *u = c->u;
    if (u->nhandlers == u->caphandlers) {
        int ncap = u->caphandlers ? u->caphandlers * 2 : 8;
        handler_t *nh = (handler_t *)rp_mem_realloc(u->handlers, (size_t)ncap * sizeof *nh);
        if (!nh) {
            rp_err_nomemory();
            return -1;
        }
        u->handlers = nh;
        u->caphandlers = ncap;
    }
    int h = u->nhandlers++;
    u->handlers[h].label = label;
    u->handlers[h].kind = kind;
    u->handlers[h].depth = -1;
    // The marker belongs to the enclosing handler's region.
    TRY(emit(c, OP_SETUP, h));
    return push_handler(c, h);
}

void pop_block(compiler_t *c)
{
    if (c->u->hdepth > 0)
        c->u->hdepth--;
}

int push_fblock(compiler_t *c, fb_type_t t, int block, int exit, const void *datum)
{
    cunit_t *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS)
        return compiler_error(c, "too many statically nested blocks");
    fblock_t *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void pop_fblock(compiler_t *c)
{
    c->u->nfblocks--;
}

// ---------------------------------------------------------------------
// Names

int forbidden_name(compiler_t *c, rp_obj_t *name, rp_expr_ctx_t ctx)
{
    if (ctx == RP_LOAD || !rp_str_eq_cstr(name, "__debug__"))
        return 0;
    compiler_error(c, ctx == RP_STORE ? "cannot assign to __debug__"
                                      : "cannot delete __debug__");
    return 1;
}

int compiler_nameop(compiler_t *c, rp_obj_t *name, rp_expr_ctx_t ctx)
{
    cunit_t *u = c->u;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    if (forbidden_name(c, name, ctx))
        return -1;
    rp_obj_t *mangled = mangle(c, name);
    if (!mangled)
        return -1;
    int scope = rp_ste_scope(u->ste, mangled);
    int is_function = u->ste->type == RP_BLOCK_FUNCTION;
    int arg = -1;
    switch (scope) {
    case RP_SCOPE_FREE:
        arg = deref_index(c, mangled, 0);
        optype = OP_DEREF;
        break;
    case RP_SCOPE_CELL:
        arg = deref_index(c, mangled, 1);
        optype = OP_DEREF;
        break;
    case RP_SCOPE_LOCAL:
        if (is_function)
            optype = OP_FAST;
        break;
    case RP_SCOPE_GLOBAL_IMPLICIT:
        if (is_function)
            optype = OP_GLOBAL;
        break;
    case RP_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op;
    switch (optype) {
    case OP_DEREF:
        if (arg < 0) {
            rp_err_format(&rp_exc_SystemError, "no cell or free variable for %R", mangled);
            return -1;
        }
        op = ctx == RP_LOAD ? (u->ste->type == RP_BLOCK_CLASS ? RP_OP_LOAD_CLASSDEREF
                                                              : RP_OP_LOAD_DEREF)
           : ctx == RP_STORE ? RP_OP_STORE_DEREF : RP_OP_DELETE_DEREF;
        return emit(c, op, arg);
    case OP_FAST:
        arg = objlist_add(&u->varnames, mangled);
        if (arg < 0)
            return -1;
        op = ctx == RP_LOAD ? RP_OP_LOAD_FAST : ctx == RP_STORE ? RP_OP_STORE_FAST
                                                                : RP_OP_DELETE_FAST;
        return emit(c, op, arg);
    case OP_GLOBAL:
        op = ctx == RP_LOAD ? RP_OP_LOAD_GLOBAL : ctx == RP_STORE ? RP_OP_STORE_GLOBAL
                                                                  : RP_OP_DELETE_GLOBAL;
        break;
    default:
        op = ctx == RP_LOAD ? RP_OP_LOAD_NAME : ctx == RP_STORE ? RP_OP_STORE_NAME
                                                                : RP_OP_DELETE_NAME;
        break;
    }
    arg = add_name(c, mangled);
    if (arg < 0)
        return -1;
    if (op == RP_OP_LOAD_GLOBAL)
        arg <<= 1;
    return emit(c, op, arg);
}

int compiler_nameop_id(compiler_t *c, const char *id, rp_expr_ctx_t ctx)
{
    rp_obj_t *name = ident(c, id);
    return name ? compiler_nameop(c, name, ctx) : -1;
}

// Loads the closure cells of the code object (a nested function being
// defined here) and makes the function.
int compiler_make_closure(compiler_t *c, rp_obj_t *code, int flags)
{
    rp_code_t *co = (rp_code_t *)code;
    if (co->nfrees) {
        rp_obj_t *cls = ident(c, "__class__");
        if (!cls)
            return -1;
        for (int i = co->nlocals + co->ncells; i < co->nlocalsplus; i++) {
            rp_obj_t *name = rp_tuple_get_borrow(co->localsplusnames, i);
            int cell;
            if (c->u->scope_type == SCOPE_CLASS && name == cls)
                cell = 1;
            else {
                int scope = rp_ste_scope(c->u->ste, name);
                cell = scope == RP_SCOPE_CELL;
            }
            int arg = deref_index(c, name, cell);
            if (arg < 0) {
                rp_err_format(&rp_exc_SystemError,
                              "compiler_lookup_arg(name=%R) failed in %S", name, c->u->name);
                return -1;
            }
            TRY(emit(c, RP_OP_LOAD_CLOSURE, arg));
        }
        flags |= 8;
        TRY(emit(c, RP_OP_BUILD_TUPLE, co->nfrees));
    }
    TRY(emit_load_const(c, code));
    return emit(c, RP_OP_MAKE_FUNCTION, flags);
}

// ---------------------------------------------------------------------
// Modules

// CPython's future.c: `from __future__ import x` statements must come
// first (after a docstring); their features must be known.  Sets
// c->future_lineno.  0 / -1.
static int check_future(compiler_t *c, rp_mod_t *mod)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import",
        "with_statement", "print_function", "unicode_literals",
        "barry_as_FLUFL", "generator_stop", "annotations", NULL
    };
    c->future_lineno = -1;
    if (mod->kind == RP_MOD_EXPRESSION)
        return 0;
    int done = 0, found_docstring = 0, prev_line = 0;
    for (int i = 0; i < mod->body.n; i++) {
        rp_stmt_t *s = mod->body.a[i];
        if (done && s->lineno > prev_line)
            return 0;
        prev_line = s->lineno;
        if (s->kind == RP_S_IMPORTFROM) {
            const char *m = s->v.importfrom.module;
            if (m && strcmp(m, "__future__") == 0) {
                if (done)
                    return rp_cctx_error(c->cx, s->lineno, s->col_offset, s->lineno,
                                         s->col_offset, "from __future__ imports must "
                                         "occur at the beginning of the file");
                for (int j = 0; j < s->v.importfrom.names.n; j++) {
                    const char *f = s->v.importfrom.names.a[j]->name;
                    int k = 0;
                    while (features[k] && strcmp(features[k], f) != 0)
                        k++;
                    if (features[k] && strcmp(f, "annotations") == 0)
                        c->future_annotations = 1;
                    if (!features[k]) {
                        if (strcmp(f, "braces") == 0)
                            return rp_cctx_error(c->cx, s->lineno, s->col_offset,
                                                 s->lineno, s->col_offset, "not a chance");
                        return rp_cctx_error(c->cx, s->lineno, s->col_offset, s->lineno,
                                             s->col_offset,
                                             "future feature %.100s is not defined", f);
                    }
                }
                c->future_lineno = s->lineno;
            }
            else
                done = 1;
        }
        else if (s->kind == RP_S_EXPR && !found_docstring) {
            rp_expr_t *e = s->v.expr.value;
            if (!(rp_fold_is_const(e) && rp_str_check(rp_fold_const(e))))
                done = 1;
            found_docstring = 1;
        }
        else
            done = 1;
    }
    return 0;
}

static rp_obj_t *compiler_mod(compiler_t *c, rp_mod_t *mod)
{
    rp_obj_t *name = ident(c, "<module>");
    if (!name || check_future(c, mod) < 0)
        return NULL;
    if (compiler_enter_scope(c, name, SCOPE_MODULE, mod, 1) < 0)
        return NULL;
    int add_none = 1;
    int r = 0;
    switch (mod->kind) {
    case RP_MOD_MODULE:
        r = compiler_body(c, &mod->body);
        break;
    case RP_MOD_INTERACTIVE:
        if (find_ann(&mod->body))
            r = emit(c, RP_OP_SETUP_ANNOTATIONS, 0);
        c->interactive = 1;
        if (r == 0)
            r = compiler_visit_stmts(c, &mod->body);
        break;
    case RP_MOD_EXPRESSION:
        r = compiler_visit_expr(c, mod->expr);
        add_none = 0;
        break;
    }
    rp_obj_t *co = r < 0 ? NULL : assemble(c, add_none);
    compiler_exit_scope(c);
    return co;
}

// CPython runs a unit while its parser arena is alive, and the arena
// holds a reference to every literal and folded constant: the canonical
// constants first used as such get one more reference, held by the
// unit's top-level code object (rp_code_release_unit_refs).  A name-like
// string is excluded when the constant is an interned string that
// existed before (an identifier of the unit or of the runtime): there the
// arena's literal was a different object.
static int attach_arena_refs(rp_cctx_t *cx, rp_code_t *co)
{
    rp_const_cache_t *cache = &cx->consts;
    rp_ptrmap_t idents;
    rp_ptrmap_init(&idents);
    for (size_t i = 0; i < cx->idents.cap; i++)
        if (cx->idents.e[i].key && rp_ptrmap_set(&idents, (void *)cx->idents.e[i].value, 1) < 0)
            goto nomem;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cache->cap; i++) {
            rp_const_entry_t *e = &cache->e[i];
            if (!e->obj || !e->arena)
                continue;
            if (e->obj->type == &rp_type_str && rp_const_is_name_like(e->obj)) {
                intptr_t v;
                if (e->preinterned || rp_ptrmap_get(&idents, e->obj, &v))
                    continue;
            }
            if (pass == 1)
                co->unit_refs[co->nunit_refs++] = rp_newref(e->obj);
            else
                n++;
        }
        if (pass == 0) {
            if (n == 0)
                break;
            co->unit_refs = (rp_obj_t **)rp_mem_alloc(n * sizeof(rp_obj_t *));
            if (!co->unit_refs)
                goto nomem;
            co->nunit_refs = 0;
        }
    }
    rp_ptrmap_free(&idents);
    return 0;
nomem:
    rp_ptrmap_free(&idents);
    rp_err_nomemory();
    return -1;
}

static rp_obj_t *compile_tree(rp_mod_t *mod, rp_obj_t *filename, rp_compile_mode_t mode,
                              rp_unit_info_t unit, const char *src, size_t len)
{
    rp_cctx_t cx;
    rp_cctx_init(&cx, filename, src, len, mode, unit);
    rp_obj_t *co = NULL;
    if (rp_fold_mod(&cx, mod) == 0) {
        rp_symtable_t *st = rp_symtable_build(&cx, mod);
        if (st) {
            compiler_t c;
            memset(&c, 0, sizeof c);
            c.cx = &cx;
            c.st = st;
            co = compiler_mod(&c, mod);
            while (c.u)
                compiler_exit_scope(&c);
            rp_symtable_free(st);
            if (co && attach_arena_refs(&cx, (rp_code_t *)co) < 0)
                rp_clear(&co);
        }
    }
    rp_cctx_fini(&cx);
    return co;
}

rp_obj_t *rp_compile_mod(rp_mod_t *mod, rp_obj_t *filename, rp_compile_mode_t mode,
                         rp_unit_info_t unit)
{
    return compile_tree(mod, filename, mode, unit, NULL, 0);
}

rp_obj_t *rp_compile_source(const char *src, size_t len, rp_obj_t *filename,
                            rp_compile_mode_t mode, rp_unit_info_t unit,
                            rp_parse_error_t *err_out)
{
    const char *fname = rp_str_utf8(filename, NULL);
    if (!fname)
        return NULL;
    rp_arena_t *arena = rp_arena_new();
    if (!arena)
        return rp_err_nomemory();
    int stop = (int)mode & RP_COMPILE_FLAG_STOP;
    mode = (rp_compile_mode_t)((int)mode & 0xff);
    rp_parse_mode_t pmode = mode == RP_COMPILE_SINGLE ? RP_PARSE_SINGLE :
                            mode == RP_COMPILE_EVAL ? RP_PARSE_EVAL : RP_PARSE_FILE;
    if (stop && pmode == RP_PARSE_SINGLE)
        pmode = (rp_parse_mode_t)(pmode | RP_PARSE_FLAG_STOP);
    rp_parse_error_t perr;
    memset(&perr, 0, sizeof perr);
    rp_mod_t *mod = rp_parse(arena, src, len, fname, pmode, &perr);
    if (!mod) {
        if (perr.kind == RP_PERR_NOMEM || perr.kind == 0) {
            if (!rp_err_occurred())
                rp_err_nomemory();
        }
        else {
            rp_type_t *type = perr.kind == RP_PERR_INDENT ? &rp_exc_IndentationError :
                              perr.kind == RP_PERR_TAB ? &rp_exc_TabError : &rp_exc_SyntaxError;
            if (perr.lineno == 0 && !perr.text) {
                // No location (the Non-UTF-8 message): SyntaxError(msg)
                // alone, so no "File ..., line 0" is printed.
                rp_err_set(type, perr.msg);
            } else {
                rp_obj_t *exc = rp_exc_new_syntax(type, perr.msg, filename, perr.lineno,
                                                  perr.offset, perr.text, perr.end_lineno,
                                                  perr.end_offset);
                if (exc)
                    rp_err_restore(exc);
            }
        }
        if (err_out)
            *err_out = perr;        // the caller now owns perr.text
        else
            rp_parse_error_clear(&perr);
        rp_arena_free(arena);
        return NULL;
    }
    if (err_out)
        memset(err_out, 0, sizeof *err_out);
    rp_obj_t *co = compile_tree(mod, filename, mode, unit, src, len);
    rp_arena_free(arena);
    return co;
}
