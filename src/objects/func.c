// Function objects (def / lambda), cells (closed-over variables) and
// bound methods.  Calling a function runs the VM (rp_func_call, vm/call.c).
#include <stddef.h>

#include "dict.h"
#include "errors.h"
#include "func.h"
#include "code.h"
#include "int.h"
#include "module.h"
#include "str.h"
#include "tuple.h"
#include "typeobj.h"
#include "memory/alloc.h"
#include "memory/gc.h"

static uint32_t next_func_version = 1;

// ---------------------------------------------------------------------
// Functions

// A function of code with globals, name and qualname (borrowed), every
// other field empty; not tracked yet.  New reference or NULL.
static rp_func_t *func_alloc(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *name,
                             rp_obj_t *qualname)
{
    rp_func_t *f = (rp_func_t *)rp_obj_alloc(&rp_type_function, sizeof *f);
    if (!f)
        return NULL;
    f->code = rp_newref(code);
    f->globals = rp_newref(globals);
    f->name = rp_newref(name);
    f->qualname = rp_newref(qualname);
    f->builtins = f->module = f->doc = NULL;
    f->defaults = f->kwdefaults = f->closure = f->dict = f->annotations = NULL;
    f->version = next_func_version++;
    if (next_func_version == 0)
        next_func_version = 1;
    return f;
}

rp_obj_t *rp_func_new(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *qualname)
{
    rp_code_t *co = (rp_code_t *)code;
    rp_func_t *f = func_alloc(code, globals, co->name, qualname ? qualname : co->qualname);
    if (!f)
        return NULL;
    // The docstring is the first constant when it is a str (the compiler
    // puts None there for functions without one).
    if (co->consts && rp_tuple_len(co->consts) > 0) {
        rp_obj_t *d = rp_tuple_get_borrow(co->consts, 0);
        if (rp_str_check(d))
            f->doc = rp_newref(d);
    }
    if (!f->doc)
        f->doc = rp_newref(rp_None);
    // The two keys are interned once (every def and lambda runs this).
    static rp_obj_t *s_builtins, *s_name;
    if (!s_builtins && !(s_builtins = rp_str_intern_cstr("__builtins__"))) {
        rp_decref(RP_OBJ(f));
        return NULL;
    }
    if (!s_name && !(s_name = rp_str_intern_cstr("__name__"))) {
        rp_decref(RP_OBJ(f));
        return NULL;
    }
    rp_obj_t *b = rp_dict_get_str_borrow(globals, s_builtins);
    if (b) {
        if (b->type == &rp_type_module)
            b = rp_module_dict_borrow(b);
        if (rp_dict_check(b))
            f->builtins = rp_newref(b);
    }
    rp_obj_t *m = rp_dict_get_str_borrow(globals, s_name);
    if (m)
        f->module = rp_newref(m);
    if (rp_err_occurred()) {
        rp_decref(RP_OBJ(f));
        return NULL;
    }
    rp_gc_track(RP_OBJ(f));
    return RP_OBJ(f);
}

rp_obj_t *rp_func_new_for_eval(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *builtins)
{
    rp_code_t *co = (rp_code_t *)code;
    rp_func_t *f = func_alloc(code, globals, co->name, co->name);
    if (!f)
        return NULL;
    f->builtins = rp_newref(builtins);
    f->doc = rp_newref(rp_None);
    rp_gc_track(RP_OBJ(f));
    return RP_OBJ(f);
}

static int func_clear(rp_obj_t *o)
{
    rp_func_t *f = (rp_func_t *)o;
    rp_clear(&f->globals);
    rp_clear(&f->builtins);
    rp_clear(&f->module);
    rp_clear(&f->defaults);
    rp_clear(&f->kwdefaults);
    rp_clear(&f->doc);
    rp_clear(&f->dict);
    rp_clear(&f->closure);
    rp_clear(&f->annotations);
    // code, name and qualname are kept: they cannot be part of a cycle
    // and repr() of a cleared function still works.
    return 0;
}

static void func_dealloc(rp_obj_t *o)
{
    rp_func_t *f = (rp_func_t *)o;
    rp_gc_untrack(o);
    func_clear(o);
    rp_clear(&f->code);
    rp_clear(&f->name);
    rp_clear(&f->qualname);
    rp_obj_free(o);
}

static int func_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_func_t *f = (rp_func_t *)o;
    // CPython's func_traverse order (get_referents shows it).
    rp_obj_t *fields[] = {f->code, f->globals, f->builtins, f->module, f->defaults,
                          f->kwdefaults, f->doc, f->name, f->dict, f->closure,
                          f->annotations, f->qualname};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static rp_obj_t *func_repr(rp_obj_t *o)
{
    rp_func_t *f = (rp_func_t *)o;
    return rp_str_from_format("<function %S at %p>", f->qualname, (void *)o);
}

static rp_obj_t *func_descr_get(rp_obj_t *func, rp_obj_t *obj, rp_obj_t *type)
{
    if (!obj || obj == rp_None)
        return rp_newref(func);
    return rp_method_new(func, obj);
}

static rp_obj_t *none_or(rp_obj_t *v)
{
    return rp_newref(v ? v : rp_None);
}

#define FUNC(o) ((rp_func_t *)(o))

static rp_obj_t *func_get_code(rp_obj_t *o) { return rp_newref(FUNC(o)->code); }
static rp_obj_t *func_get_globals(rp_obj_t *o) { return rp_newref(FUNC(o)->globals); }
static rp_obj_t *func_get_closure(rp_obj_t *o) { return none_or(FUNC(o)->closure); }
static rp_obj_t *func_get_name(rp_obj_t *o) { return rp_newref(FUNC(o)->name); }
static rp_obj_t *func_get_qualname(rp_obj_t *o) { return rp_newref(FUNC(o)->qualname); }
static rp_obj_t *func_get_defaults(rp_obj_t *o) { return none_or(FUNC(o)->defaults); }
static rp_obj_t *func_get_kwdefaults(rp_obj_t *o) { return none_or(FUNC(o)->kwdefaults); }
static rp_obj_t *func_get_doc(rp_obj_t *o) { return none_or(FUNC(o)->doc); }
static rp_obj_t *func_get_module(rp_obj_t *o) { return none_or(FUNC(o)->module); }

static rp_obj_t *func_get_builtins(rp_obj_t *o)
{
    rp_func_t *f = FUNC(o);
    if (f->builtins)
        return rp_newref(f->builtins);
    return rp_dict_new();
}

static int func_set_code(rp_obj_t *o, rp_obj_t *v)
{
    if (!v || v->type != &rp_type_code) {
        rp_err_set(&rp_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    rp_code_t *nc = (rp_code_t *)v;
    rp_func_t *f = FUNC(o);
    rp_ssize_t nclosure = f->closure ? rp_tuple_len(f->closure) : 0;
    if (nc->nfrees != nclosure) {
        rp_err_format(&rp_exc_ValueError,
                      "%S() requires a code object with %zd free vars, not %d",
                      f->name, nclosure, nc->nfrees);
        return -1;
    }
    rp_setref(&f->code, rp_newref(v));
    f->version = next_func_version++;
    return 0;
}

static int func_set_name(rp_obj_t *o, rp_obj_t *v)
{
    if (!v || !rp_str_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    rp_setref(&FUNC(o)->name, rp_newref(v));
    return 0;
}

static int func_set_qualname(rp_obj_t *o, rp_obj_t *v)
{
    if (!v || !rp_str_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    rp_setref(&FUNC(o)->qualname, rp_newref(v));
    return 0;
}

static int func_set_defaults(rp_obj_t *o, rp_obj_t *v)
{
    if (v == rp_None)
        v = NULL;
    if (v && !rp_tuple_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    if (v && rp_tuple_len(v) == 0)
        v = NULL;
    rp_setref(&FUNC(o)->defaults, v ? rp_newref(v) : NULL);
    FUNC(o)->version = next_func_version++;
    return 0;
}

static int func_set_kwdefaults(rp_obj_t *o, rp_obj_t *v)
{
    if (v == rp_None)
        v = NULL;
    if (v && !rp_dict_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    rp_setref(&FUNC(o)->kwdefaults, v ? rp_newref(v) : NULL);
    FUNC(o)->version = next_func_version++;
    return 0;
}

static int func_set_doc(rp_obj_t *o, rp_obj_t *v)
{
    rp_setref(&FUNC(o)->doc, v ? rp_newref(v) : NULL);
    return 0;
}

static int func_set_module(rp_obj_t *o, rp_obj_t *v)
{
    rp_setref(&FUNC(o)->module, v ? rp_newref(v) : NULL);
    return 0;
}

// MAKE_FUNCTION stores the annotations as a flat (name, value, ...)
// tuple; the first read turns it into the dict (as CPython 3.11 does).
static rp_obj_t *func_get_annotations(rp_obj_t *o)
{
    rp_func_t *f = (rp_func_t *)o;
    if (f->annotations == NULL) {
        f->annotations = rp_dict_new();
        if (f->annotations == NULL)
            return NULL;
    } else if (rp_tuple_check(f->annotations)) {
        rp_obj_t *t = f->annotations;
        rp_obj_t *d = rp_dict_new();
        if (d == NULL)
            return NULL;
        for (rp_ssize_t i = 0; i + 1 < rp_tuple_len(t); i += 2) {
            if (rp_dict_set(d, rp_tuple_get_borrow(t, i), rp_tuple_get_borrow(t, i + 1)) < 0) {
                rp_decref(d);
                return NULL;
            }
        }
        f->annotations = d;
        rp_decref(t);
    }
    return rp_newref(f->annotations);
}

static int func_set_annotations(rp_obj_t *o, rp_obj_t *value)
{
    rp_func_t *f = (rp_func_t *)o;
    if (value == rp_None)
        value = NULL;
    if (value != NULL && !rp_dict_check(value)) {
        rp_err_set(&rp_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    rp_xincref(value);
    rp_setref(&f->annotations, value);
    return 0;
}

static const rp_getset_def_t func_getsets[] = {
    {"__dict__", rp_obj_generic_get_dict, rp_obj_generic_set_dict, NULL},
    {"__code__", func_get_code, func_set_code, NULL},
    {"__globals__", func_get_globals, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {NULL},
};

rp_type_t rp_type_function = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "function",
    .basicsize = sizeof(rp_func_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = func_dealloc,
    .repr = func_repr,
    .call = rp_func_call,
    .descr_get = func_descr_get,
    .traverse = func_traverse,
    .clear = func_clear,
    .getsets = func_getsets,
    .dict_offset = offsetof(rp_func_t, dict),
};

// ---------------------------------------------------------------------
// Cells

rp_obj_t *rp_cell_new(rp_obj_t *contents)
{
    rp_cell_t *c = (rp_cell_t *)rp_obj_alloc(&rp_type_cell, sizeof *c);
    if (!c)
        return NULL;
    c->ref = contents;
    rp_xincref(contents);
    rp_gc_track(RP_OBJ(c));
    return RP_OBJ(c);
}

static int cell_clear(rp_obj_t *o)
{
    rp_clear(&((rp_cell_t *)o)->ref);
    return 0;
}

static void cell_dealloc(rp_obj_t *o)
{
    rp_gc_untrack(o);
    cell_clear(o);
    rp_obj_free(o);
}

static int cell_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_obj_t *r = ((rp_cell_t *)o)->ref;
    return r ? visit(r, arg) : 0;
}

static rp_obj_t *cell_repr(rp_obj_t *o)
{
    rp_obj_t *r = ((rp_cell_t *)o)->ref;
    if (!r)
        return rp_str_from_format("<cell at %p: empty>", (void *)o);
    return rp_str_from_format("<cell at %p: %s object at %p>", (void *)o,
                              rp_type_name(r->type), (void *)r);
}

static rp_obj_t *cell_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (b->type != &rp_type_cell)
        return rp_newref(rp_NotImplemented);
    rp_obj_t *x = ((rp_cell_t *)a)->ref, *y = ((rp_cell_t *)b)->ref;
    if (x && y)
        return rp_obj_richcompare(x, y, op);
    // Empty cells compare smaller than non-empty ones.
    int c = (x != NULL) - (y != NULL);
    bool r;
    switch (op) {
    case RP_LT: r = c < 0; break;
    case RP_LE: r = c <= 0; break;
    case RP_EQ: r = c == 0; break;
    case RP_NE: r = c != 0; break;
    case RP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return rp_bool_from(r);
}

static rp_obj_t *cell_get_contents(rp_obj_t *o)
{
    rp_obj_t *r = ((rp_cell_t *)o)->ref;
    if (!r)
        return rp_err_format(&rp_exc_ValueError, "Cell is empty");
    return rp_newref(r);
}

static int cell_set_contents(rp_obj_t *o, rp_obj_t *v)
{
    rp_setref(&((rp_cell_t *)o)->ref, v ? rp_newref(v) : NULL);
    return 0;
}

static const rp_getset_def_t cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL},
};

rp_type_t rp_type_cell = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "cell",
    .basicsize = sizeof(rp_cell_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = cell_richcompare,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getsets = cell_getsets,
};

// ---------------------------------------------------------------------
// Bound methods

rp_obj_t *rp_method_new(rp_obj_t *func, rp_obj_t *self)
{
    rp_method_t *m = (rp_method_t *)rp_obj_alloc(&rp_type_method, sizeof *m);
    if (!m)
        return NULL;
    m->func = rp_newref(func);
    m->self = rp_newref(self);
    rp_gc_track(RP_OBJ(m));
    return RP_OBJ(m);
}

static int method_clear(rp_obj_t *o)
{
    rp_method_t *m = (rp_method_t *)o;
    rp_clear(&m->func);
    rp_clear(&m->self);
    return 0;
}

static void method_dealloc(rp_obj_t *o)
{
    rp_gc_untrack(o);
    method_clear(o);
    rp_obj_free(o);
}

static int method_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_method_t *m = (rp_method_t *)o;
    int r = m->func ? visit(m->func, arg) : 0;
    if (r)
        return r;
    return m->self ? visit(m->self, arg) : 0;
}

static rp_obj_t *method_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    rp_method_t *m = (rp_method_t *)callable;
    size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
    size_t total = nargs + nkw;
    rp_obj_t *small[8];
    rp_obj_t **stack = small;
    if (total + 1 > sizeof small / sizeof *small) {
        stack = rp_mem_alloc(sizeof(rp_obj_t *) * (total + 1));
        if (!stack)
            return rp_err_nomemory();
    }
    stack[0] = m->self;
    for (size_t i = 0; i < total; i++)
        stack[i + 1] = args[i];
    // Keep func and self alive across the call even if the method object
    // itself is released meanwhile.
    rp_obj_t *func = rp_newref(m->func), *self = rp_newref(m->self);
    rp_obj_t *r = rp_obj_call(func, stack, nargs + 1, kwnames);
    rp_decref(func);
    rp_decref(self);
    if (stack != small)
        rp_mem_free(stack);
    return r;
}

static rp_obj_t *method_repr(rp_obj_t *o)
{
    rp_method_t *m = (rp_method_t *)o;
    rp_obj_t *name = rp_obj_getattr_cstr(m->func, "__qualname__");
    if (!name) {
        if (!rp_err_matches(&rp_exc_AttributeError))
            return NULL;
        rp_err_clear();
        name = rp_obj_getattr_cstr(m->func, "__name__");
        if (!name) {
            if (!rp_err_matches(&rp_exc_AttributeError))
                return NULL;
            rp_err_clear();
        }
    }
    if (name && !rp_str_check(name))
        rp_clear(&name);
    rp_obj_t *r = name ? rp_str_from_format("<bound method %S of %R>", name, m->self)
                       : rp_str_from_format("<bound method ? of %R>", m->self);
    rp_xdecref(name);
    return r;
}

static rp_hash_t method_hash(rp_obj_t *o)
{
    rp_method_t *m = (rp_method_t *)o;
    rp_hash_t x = rp_obj_hash(m->self);
    if (x == -1)
        return -1;
    rp_hash_t y = rp_obj_hash(m->func);
    if (y == -1)
        return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

static rp_obj_t *method_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if ((op != RP_EQ && op != RP_NE) || b->type != &rp_type_method)
        return rp_newref(rp_NotImplemented);
    rp_method_t *x = (rp_method_t *)a, *y = (rp_method_t *)b;
    int eq = rp_obj_richcompare_bool(x->func, y->func, RP_EQ);
    if (eq < 0)
        return NULL;
    bool r = eq && x->self == y->self;
    return rp_bool_from(op == RP_EQ ? r : !r);
}

// Attributes not found on the method type come from the function
// (m.__name__, m.__doc__, user attributes), as CPython's method_getattro.
static rp_obj_t *method_getattr(rp_obj_t *o, rp_obj_t *name)
{
    rp_method_t *m = (rp_method_t *)o;
    rp_obj_t *descr = rp_type_lookup_borrow(o->type, name);
    if (descr) {
        rp_descrgetfunc f = descr->type->descr_get;
        if (f)
            return f(descr, o, RP_OBJ(o->type));
        return rp_newref(descr);
    }
    if (rp_err_occurred())
        return NULL;
    return rp_obj_getattr(m->func, name);
}

static rp_obj_t *method_get_func(rp_obj_t *o) { return rp_newref(((rp_method_t *)o)->func); }
static rp_obj_t *method_get_self(rp_obj_t *o) { return rp_newref(((rp_method_t *)o)->self); }
static rp_obj_t *method_get_doc(rp_obj_t *o)
{
    return rp_obj_getattr_cstr(((rp_method_t *)o)->func, "__doc__");
}

static const rp_getset_def_t method_getsets[] = {
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {"__doc__", method_get_doc, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_method = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "method",
    .basicsize = sizeof(rp_method_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattr = method_getattr,
    .call = method_call,
    .traverse = method_traverse,
    .clear = method_clear,
    .getsets = method_getsets,
};
