// Descriptors of builtin types and their bound forms: method descriptors,
// classmethod descriptors, builtin functions/methods, getset descriptors,
// slot wrappers and method-wrappers, plus the mappingproxy view.
#include <stdio.h>
#include <string.h>

#include "object.h"
#include "errors.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "module.h"
#include "args.h"
#include "memory/gc.h"

static rp_obj_t *ret_none(void) { return rp_newref(rp_None); }

static int descr_check(rp_type_t *owner, rp_obj_t *name, rp_obj_t *obj)
{
    if (rp_obj_is_instance_of(obj, owner))
        return 0;
    rp_err_format(&rp_exc_TypeError, "descriptor '%S' for '%.100s' objects doesn't apply to a '%.100s' object",
                  name, owner->name, rp_type_name(obj->type));
    return -1;
}

static rp_obj_t *doc_obj(const char *doc)
{
    return doc ? rp_str_from_cstr(doc) : ret_none();
}

// ---------------------------------------------------------------------
// Builtin functions and bound builtin methods

rp_obj_t *rp_builtin_function_new(const rp_method_def_t *def, rp_obj_t *self)
{
    rp_builtin_function_t *f =
        (rp_builtin_function_t *)rp_obj_alloc(&rp_type_builtin_function, sizeof *f);
    if (!f)
        return NULL;
    f->def = def;
    f->self = self;
    rp_xincref(self);
    rp_gc_track(RP_OBJ(f));
    return RP_OBJ(f);
}

static void bf_dealloc(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    rp_gc_untrack(o);
    rp_clear(&f->self);
    rp_obj_free(o);
}

static int bf_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    return f->self ? visit(f->self, arg) : 0;
}

static int bf_clear(rp_obj_t *o)
{
    rp_clear(&((rp_builtin_function_t *)o)->self);
    return 0;
}

static rp_obj_t *bf_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)callable;
    if (rp_recursion_enter(" while calling a Python object"))
        return NULL;
    rp_obj_t *r = f->def->fn(f->self, args, nargs, kwnames);
    rp_recursion_leave();
    return r;
}

static bool bf_is_function(rp_builtin_function_t *f)
{
    return !f->self || f->self->type == &rp_type_module ||
           rp_type_is_subtype(f->self->type, &rp_type_module);
}

static rp_obj_t *bf_repr(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    if (bf_is_function(f))
        return rp_str_from_format("<built-in function %s>", f->def->name);
    char addr[32];
    rp_format_addr(addr, sizeof addr, f->self);
    return rp_str_from_format("<built-in method %s of %s object at %s>", f->def->name,
                              rp_type_name(f->self->type), addr);
}

static rp_hash_t bf_hash(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    rp_hash_t x = rp_hash_pointer(f->self);
    rp_hash_t y = rp_hash_pointer((void *)f->def->fn);
    x ^= y;
    if (x == -1)
        x = -2;
    return x;
}

static rp_obj_t *bf_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if ((op != RP_EQ && op != RP_NE) || b->type != &rp_type_builtin_function)
        return rp_newref(rp_NotImplemented);
    rp_builtin_function_t *x = (rp_builtin_function_t *)a, *y = (rp_builtin_function_t *)b;
    bool eq = x->self == y->self && x->def->fn == y->def->fn;
    return rp_bool_from(op == RP_EQ ? eq : !eq);
}

static rp_obj_t *bf_get_name(rp_obj_t *o)
{
    return rp_str_from_cstr(((rp_builtin_function_t *)o)->def->name);
}

static rp_obj_t *bf_get_qualname(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    if (bf_is_function(f))
        return rp_str_from_cstr(f->def->name);
    rp_type_t *t = rp_type_check(f->self) ? (rp_type_t *)f->self : f->self->type;
    rp_obj_t *q = rp_type_qualname_str(t);
    if (!q)
        return NULL;
    rp_obj_t *r = rp_str_from_format("%S.%s", q, f->def->name);
    rp_decref(q);
    return r;
}

static rp_obj_t *bf_get_self(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    return rp_newref(f->self ? f->self : rp_None);
}

static rp_obj_t *bf_get_module(rp_obj_t *o)
{
    rp_builtin_function_t *f = (rp_builtin_function_t *)o;
    if (f->self && f->self->type == &rp_type_module)
        return rp_newref(((rp_module_t *)f->self)->name);
    return ret_none();
}

static rp_obj_t *bf_get_doc(rp_obj_t *o)
{
    return doc_obj(((rp_builtin_function_t *)o)->def->doc);
}

static const rp_getset_def_t bf_getsets[] = {
    {"__name__", bf_get_name, NULL, NULL},
    {"__qualname__", bf_get_qualname, NULL, NULL},
    {"__self__", bf_get_self, NULL, NULL},
    {"__module__", bf_get_module, NULL, NULL},
    {"__doc__", bf_get_doc, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_builtin_function = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(rp_builtin_function_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = bf_dealloc,
    .repr = bf_repr,
    .hash = bf_hash,
    .richcompare = bf_richcompare,
    .call = bf_call,
    .traverse = bf_traverse,
    .clear = bf_clear,
    .getsets = bf_getsets,
};

// ---------------------------------------------------------------------
// Method descriptors (list.append) and classmethod descriptors

static rp_obj_t *new_method_like(rp_type_t *dtype, rp_type_t *owner, const rp_method_def_t *def)
{
    rp_method_descr_t *d = (rp_method_descr_t *)rp_obj_alloc(dtype, sizeof *d);
    if (!d)
        return NULL;
    d->type = owner;
    rp_incref(RP_OBJ(owner));
    d->def = def;
    d->name = rp_str_intern_cstr(def->name);
    if (!d->name) {
        rp_decref(RP_OBJ(d));
        return NULL;
    }
    return RP_OBJ(d);
}

rp_obj_t *rp_method_descr_new(rp_type_t *type, const rp_method_def_t *def)
{
    return new_method_like(&rp_type_method_descr, type, def);
}

rp_obj_t *rp_classmethod_descr_new(rp_type_t *type, const rp_method_def_t *def)
{
    return new_method_like(&rp_type_classmethod_descr, type, def);
}

static void md_dealloc(rp_obj_t *o)
{
    rp_method_descr_t *d = (rp_method_descr_t *)o;
    rp_xdecref(RP_OBJ(d->type));
    rp_xdecref(d->name);
    rp_obj_free(o);
}

static rp_obj_t *md_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    rp_method_descr_t *d = (rp_method_descr_t *)callable;
    if (nargs < 1)
        return rp_err_format(&rp_exc_TypeError, "unbound method %s.%s() needs an argument",
                             rp_type_short_name(d->type), d->def->name);
    if (descr_check(d->type, d->name, args[0]) < 0)
        return NULL;
    if (rp_recursion_enter(" while calling a Python object"))
        return NULL;
    rp_obj_t *r = d->def->fn(args[0], args + 1, nargs - 1, kwnames);
    rp_recursion_leave();
    return r;
}

static rp_obj_t *md_get(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type)
{
    rp_method_descr_t *d = (rp_method_descr_t *)descr;
    if (!obj)
        return rp_newref(descr);
    if (descr_check(d->type, d->name, obj) < 0)
        return NULL;
    return rp_builtin_function_new(d->def, obj);
}

static rp_obj_t *md_repr(rp_obj_t *o)
{
    rp_method_descr_t *d = (rp_method_descr_t *)o;
    return rp_str_from_format("<method '%s' of '%s' objects>", d->def->name,
                              rp_type_short_name(d->type));
}

static rp_obj_t *cmd_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                          rp_obj_t *kwnames)
{
    rp_method_descr_t *d = (rp_method_descr_t *)callable;
    if (nargs < 1)
        return rp_err_format(&rp_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                             d->def->name, rp_type_short_name(d->type));
    if (!rp_type_check(args[0]))
        return rp_err_format(&rp_exc_TypeError,
                             "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                             d->def->name, rp_type_short_name(d->type), rp_type_name(args[0]->type));
    if (!rp_type_is_subtype((rp_type_t *)args[0], d->type))
        return rp_err_format(&rp_exc_TypeError,
                             "descriptor '%s' requires a subtype of '%s' but received '%s'",
                             d->def->name, rp_type_short_name(d->type),
                             rp_type_short_name((rp_type_t *)args[0]));
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static rp_obj_t *cmd_get(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type)
{
    rp_method_descr_t *d = (rp_method_descr_t *)descr;
    if (!type || type == rp_None) {
        if (!obj)
            return rp_err_format(&rp_exc_TypeError, "descriptor '%s' for type '%s' needs either an object or a type",
                                 d->def->name, rp_type_short_name(d->type));
        type = RP_OBJ(obj->type);
    }
    if (!rp_type_check(type))
        return rp_err_format(&rp_exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                             d->def->name, rp_type_short_name(d->type), rp_type_name(type->type));
    if (!rp_type_is_subtype((rp_type_t *)type, d->type))
        return rp_err_format(&rp_exc_TypeError, "descriptor '%s' for type '%s' doesn't apply to type '%s'",
                             d->def->name, rp_type_short_name(d->type),
                             rp_type_short_name((rp_type_t *)type));
    return rp_builtin_function_new(d->def, type);
}

static rp_obj_t *md_get_name(rp_obj_t *o)
{
    return rp_newref(((rp_method_descr_t *)o)->name);
}

static rp_obj_t *md_get_qualname(rp_obj_t *o)
{
    rp_method_descr_t *d = (rp_method_descr_t *)o;
    rp_obj_t *q = rp_type_qualname_str(d->type);
    if (!q)
        return NULL;
    rp_obj_t *r = rp_str_from_format("%S.%S", q, d->name);
    rp_decref(q);
    return r;
}

static rp_obj_t *md_get_objclass(rp_obj_t *o)
{
    return rp_newref(RP_OBJ(((rp_method_descr_t *)o)->type));
}

static rp_obj_t *md_get_doc(rp_obj_t *o)
{
    return doc_obj(((rp_method_descr_t *)o)->def->doc);
}

static const rp_getset_def_t md_getsets[] = {
    {"__name__", md_get_name, NULL, NULL},
    {"__qualname__", md_get_qualname, NULL, NULL},
    {"__objclass__", md_get_objclass, NULL, NULL},
    {"__doc__", md_get_doc, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_method_descr = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "method_descriptor",
    .basicsize = sizeof(rp_method_descr_t),
    .dealloc = md_dealloc,
    .repr = md_repr,
    .call = md_call,
    .descr_get = md_get,
    .getsets = md_getsets,
};

rp_type_t rp_type_classmethod_descr = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(rp_method_descr_t),
    .dealloc = md_dealloc,
    .repr = md_repr,
    .call = cmd_call,
    .descr_get = cmd_get,
    .getsets = md_getsets,
};

// ---------------------------------------------------------------------
// Getset descriptors

rp_obj_t *rp_getset_descr_new(rp_type_t *type, const rp_getset_def_t *def)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)rp_obj_alloc(&rp_type_getset_descr, sizeof *d);
    if (!d)
        return NULL;
    d->type = type;
    rp_incref(RP_OBJ(type));
    d->def = def;
    d->name = rp_str_intern_cstr(def->name);
    if (!d->name) {
        rp_decref(RP_OBJ(d));
        return NULL;
    }
    rp_gc_track(RP_OBJ(d));
    return RP_OBJ(d);
}

static int gs_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)o;
    return d->type ? visit(RP_OBJ(d->type), arg) : 0;
}

static void gs_dealloc(rp_obj_t *o)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)o;
    rp_gc_untrack(o);
    rp_xdecref(RP_OBJ(d->type));
    rp_xdecref(d->name);
    rp_obj_free(o);
}

static rp_obj_t *gs_get(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)descr;
    if (!obj)
        return rp_newref(descr);
    if (descr_check(d->type, d->name, obj) < 0)
        return NULL;
    if (!d->def->get)
        return rp_err_format(&rp_exc_AttributeError, "attribute '%S' of '%.100s' objects is not readable",
                             d->name, rp_type_short_name(d->type));
    return d->def->get(obj);
}

static int gs_set(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *value)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)descr;
    if (descr_check(d->type, d->name, obj) < 0)
        return -1;
    if (!d->def->set) {
        rp_err_format(&rp_exc_AttributeError, "attribute '%S' of '%.100s' objects is not writable",
                      d->name, rp_type_short_name(d->type));
        return -1;
    }
    return d->def->set(obj, value);
}

static rp_obj_t *gs_repr(rp_obj_t *o)
{
    rp_getset_descr_t *d = (rp_getset_descr_t *)o;
    return rp_str_from_format("<attribute '%S' of '%s' objects>", d->name,
                              rp_type_short_name(d->type));
}

static rp_obj_t *gs_get_doc(rp_obj_t *o)
{
    return doc_obj(((rp_getset_descr_t *)o)->def->doc);
}

static const rp_getset_def_t gs_getsets[] = {
    {"__name__", md_get_name, NULL, NULL},
    {"__qualname__", md_get_qualname, NULL, NULL},
    {"__objclass__", md_get_objclass, NULL, NULL},
    {"__doc__", gs_get_doc, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_getset_descr = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "getset_descriptor",
    .basicsize = sizeof(rp_getset_descr_t),
    .flags = RP_TPFLAG_GC,
    .traverse = gs_traverse,
    .dealloc = gs_dealloc,
    .repr = gs_repr,
    .descr_get = gs_get,
    .descr_set = gs_set,
    .getsets = gs_getsets,
};

// ---------------------------------------------------------------------
// Slot wrappers (int.__add__) and method-wrappers ((1).__add__)

rp_obj_t *rp_wrapper_descr_new(rp_type_t *type, const rp_slotdef_t *def, void *wrapped)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)rp_obj_alloc(&rp_type_wrapper_descr, sizeof *d);
    if (!d)
        return NULL;
    d->type = type;
    rp_incref(RP_OBJ(type));
    d->def = def;
    d->wrapped = wrapped;
    d->name = rp_str_intern_cstr(def->name);
    if (!d->name) {
        rp_decref(RP_OBJ(d));
        return NULL;
    }
    return RP_OBJ(d);
}

static int check_num_args(size_t nargs, size_t n)
{
    if (nargs == n)
        return 0;
    rp_err_format(&rp_exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
    return -1;
}

static rp_obj_t *int_result(rp_ssize_t v)
{
    if (v == -1 && rp_err_occurred())
        return NULL;
    return rp_int_from_ssize(v);
}

rp_obj_t *rp_wrapper_call(const rp_slotdef_t *def, void *wrapped, rp_obj_t *self,
                          rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_wrapper_kind_t k = def->kind;
    if (k != RP_W_CALL && k != RP_W_INIT && kwnames && rp_tuple_len(kwnames) > 0)
        return rp_err_format(&rp_exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    int r;
    rp_obj_t *res;
    switch (k) {
    case RP_W_UNARY:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        return ((rp_reprfunc)wrapped)(self);
    case RP_W_HASH:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        return int_result(((rp_hashfunc)wrapped)(self));
    case RP_W_RICHCMP:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        return ((rp_richcmpfunc)wrapped)(self, args[0], def->op);
    case RP_W_BINOP:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        return ((rp_binaryfunc)wrapped)(self, args[0], def->op);
    case RP_W_RBINOP:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        return ((rp_binaryfunc)wrapped)(args[0], self, def->op);
    case RP_W_IBINOP:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        return ((rp_binaryfunc)wrapped)(self, args[0], def->op + RP_BINOP_INPLACE);
    case RP_W_UNOP:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        return ((rp_unaryfunc)wrapped)(self, def->op);
    case RP_W_BOOL:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        r = ((rp_inquiry)wrapped)(self);
        return r < 0 ? NULL : rp_bool_from(r);
    case RP_W_LEN:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        return int_result(((rp_lenfunc)wrapped)(self));
    case RP_W_GETITEM:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        return ((rp_getitemfunc)wrapped)(self, args[0]);
    case RP_W_SETITEM:
        if (check_num_args(nargs, 2) < 0)
            return NULL;
        r = ((rp_setitemfunc)wrapped)(self, args[0], args[1]);
        return r < 0 ? NULL : ret_none();
    case RP_W_DELITEM:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        r = ((rp_setitemfunc)wrapped)(self, args[0], NULL);
        return r < 0 ? NULL : ret_none();
    case RP_W_CONTAINS:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        r = ((rp_containsfunc)wrapped)(self, args[0]);
        return r < 0 ? NULL : rp_bool_from(r);
    case RP_W_GETATTR:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        if (!rp_str_check(args[0]))
            return rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                                 rp_type_name(args[0]->type));
        return ((rp_getattrfunc)wrapped)(self, args[0]);
    case RP_W_SETATTR:
        if (check_num_args(nargs, 2) < 0)
            return NULL;
        if (!rp_str_check(args[0]))
            return rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                                 rp_type_name(args[0]->type));
        r = ((rp_setattrfunc)wrapped)(self, args[0], args[1]);
        return r < 0 ? NULL : ret_none();
    case RP_W_DELATTR:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        if (!rp_str_check(args[0]))
            return rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                                 rp_type_name(args[0]->type));
        r = ((rp_setattrfunc)wrapped)(self, args[0], NULL);
        return r < 0 ? NULL : ret_none();
    case RP_W_CALL:
        return ((rp_callfunc)wrapped)(self, args, nargs, kwnames);
    case RP_W_NEXT:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        res = ((rp_iternextfunc)wrapped)(self);
        if (!res && !rp_err_occurred())
            rp_err_set_value(&rp_exc_StopIteration, NULL);
        return res;
    case RP_W_DESCR_GET: {
        if (nargs < 1 || nargs > 2)
            return rp_err_format(&rp_exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
        rp_obj_t *obj = args[0] == rp_None ? NULL : args[0];
        rp_obj_t *type = nargs > 1 && args[1] != rp_None ? args[1] : NULL;
        if (!obj && !type)
            return rp_err_format(&rp_exc_TypeError, "__get__(None, None) is invalid");
        return ((rp_descrgetfunc)wrapped)(self, obj, type);
    }
    case RP_W_DESCR_SET:
        if (check_num_args(nargs, 2) < 0)
            return NULL;
        r = ((rp_descrsetfunc)wrapped)(self, args[0], args[1]);
        return r < 0 ? NULL : ret_none();
    case RP_W_DESCR_DELETE:
        if (check_num_args(nargs, 1) < 0)
            return NULL;
        r = ((rp_descrsetfunc)wrapped)(self, args[0], NULL);
        return r < 0 ? NULL : ret_none();
    case RP_W_INIT:
        r = ((rp_initfunc)wrapped)(self, args, nargs, kwnames);
        return r < 0 ? NULL : ret_none();
    case RP_W_DEL:
        if (check_num_args(nargs, 0) < 0)
            return NULL;
        ((rp_destructor)wrapped)(self);
        return ret_none();
    case RP_W_NONE:
        break;
    }
    return rp_err_bad_internal_call("rp_wrapper_call");
}

static void wd_dealloc(rp_obj_t *o)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)o;
    rp_xdecref(RP_OBJ(d->type));
    rp_xdecref(d->name);
    rp_obj_free(o);
}

static rp_obj_t *wd_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)callable;
    if (nargs < 1)
        return rp_err_format(&rp_exc_TypeError, "descriptor '%S' of '%s' object needs an argument",
                             d->name, rp_type_short_name(d->type));
    if (!rp_obj_is_instance_of(args[0], d->type))
        return rp_err_format(&rp_exc_TypeError, "descriptor '%S' requires a '%.100s' object but received a '%.100s'",
                             d->name, d->type->name, rp_type_name(args[0]->type));
    if (rp_recursion_enter(" while calling a Python object"))
        return NULL;
    rp_obj_t *r = rp_wrapper_call(d->def, d->wrapped, args[0], args + 1, nargs - 1, kwnames);
    rp_recursion_leave();
    return r;
}

typedef struct method_wrapper {
    rp_obj_t ob;
    rp_wrapper_descr_t *descr;
    rp_obj_t *self;
} method_wrapper_t;

static rp_obj_t *wd_get(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)descr;
    if (!obj)
        return rp_newref(descr);
    if (descr_check(d->type, d->name, obj) < 0)
        return NULL;
    method_wrapper_t *w = (method_wrapper_t *)rp_obj_alloc(&rp_type_method_wrapper, sizeof *w);
    if (!w)
        return NULL;
    w->descr = d;
    rp_incref(descr);
    w->self = rp_newref(obj);
    rp_gc_track(RP_OBJ(w));
    return RP_OBJ(w);
}

static rp_obj_t *wd_repr(rp_obj_t *o)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)o;
    return rp_str_from_format("<slot wrapper '%S' of '%s' objects>", d->name,
                              rp_type_short_name(d->type));
}

static rp_obj_t *wd_get_name(rp_obj_t *o)
{
    return rp_newref(((rp_wrapper_descr_t *)o)->name);
}

static rp_obj_t *wd_get_qualname(rp_obj_t *o)
{
    rp_wrapper_descr_t *d = (rp_wrapper_descr_t *)o;
    rp_obj_t *q = rp_type_qualname_str(d->type);
    if (!q)
        return NULL;
    rp_obj_t *r = rp_str_from_format("%S.%S", q, d->name);
    rp_decref(q);
    return r;
}

static rp_obj_t *wd_get_objclass(rp_obj_t *o)
{
    return rp_newref(RP_OBJ(((rp_wrapper_descr_t *)o)->type));
}

static rp_obj_t *wd_get_doc(rp_obj_t *o)
{
    return ret_none();
}

static const rp_getset_def_t wd_getsets[] = {
    {"__name__", wd_get_name, NULL, NULL},
    {"__qualname__", wd_get_qualname, NULL, NULL},
    {"__objclass__", wd_get_objclass, NULL, NULL},
    {"__doc__", wd_get_doc, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_wrapper_descr = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(rp_wrapper_descr_t),
    .dealloc = wd_dealloc,
    .repr = wd_repr,
    .call = wd_call,
    .descr_get = wd_get,
    .getsets = wd_getsets,
};

static void mw_dealloc(rp_obj_t *o)
{
    method_wrapper_t *w = (method_wrapper_t *)o;
    rp_gc_untrack(o);
    rp_xdecref(RP_OBJ(w->descr));
    rp_xdecref(w->self);
    rp_obj_free(o);
}

static int mw_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    method_wrapper_t *w = (method_wrapper_t *)o;
    return w->self ? visit(w->self, arg) : 0;
}

static rp_obj_t *mw_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    method_wrapper_t *w = (method_wrapper_t *)callable;
    if (rp_recursion_enter(" while calling a Python object"))
        return NULL;
    rp_obj_t *r = rp_wrapper_call(w->descr->def, w->descr->wrapped, w->self, args, nargs, kwnames);
    rp_recursion_leave();
    return r;
}

static rp_obj_t *mw_repr(rp_obj_t *o)
{
    method_wrapper_t *w = (method_wrapper_t *)o;
    char addr[32];
    rp_format_addr(addr, sizeof addr, w->self);
    return rp_str_from_format("<method-wrapper '%S' of %s object at %s>", w->descr->name,
                              rp_type_name(w->self->type), addr);
}

static rp_obj_t *mw_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if ((op != RP_EQ && op != RP_NE) || b->type != &rp_type_method_wrapper)
        return rp_newref(rp_NotImplemented);
    method_wrapper_t *x = (method_wrapper_t *)a, *y = (method_wrapper_t *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return rp_bool_from(op == RP_EQ ? eq : !eq);
}

static rp_hash_t mw_hash(rp_obj_t *o)
{
    method_wrapper_t *w = (method_wrapper_t *)o;
    rp_hash_t x = rp_hash_pointer(w->self) ^ rp_hash_pointer(w->descr);
    return x == -1 ? -2 : x;
}

static rp_obj_t *mw_get_self(rp_obj_t *o)
{
    return rp_newref(((method_wrapper_t *)o)->self);
}

static rp_obj_t *mw_get_name(rp_obj_t *o)
{
    return rp_newref(((method_wrapper_t *)o)->descr->name);
}

static rp_obj_t *mw_get_qualname(rp_obj_t *o)
{
    return wd_get_qualname(RP_OBJ(((method_wrapper_t *)o)->descr));
}

static const rp_getset_def_t mw_getsets[] = {
    {"__self__", mw_get_self, NULL, NULL},
    {"__name__", mw_get_name, NULL, NULL},
    {"__qualname__", mw_get_qualname, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_method_wrapper = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "method-wrapper",
    .basicsize = sizeof(method_wrapper_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = mw_dealloc,
    .repr = mw_repr,
    .hash = mw_hash,
    .richcompare = mw_richcompare,
    .call = mw_call,
    .traverse = mw_traverse,
    .getsets = mw_getsets,
};

// ---------------------------------------------------------------------
// mappingproxy

typedef struct mappingproxy {
    rp_obj_t ob;
    rp_obj_t *mapping;
} mappingproxy_t;

rp_obj_t *rp_mappingproxy_new(rp_obj_t *mapping)
{
    mappingproxy_t *p = (mappingproxy_t *)rp_obj_alloc(&rp_type_mappingproxy, sizeof *p);
    if (!p)
        return NULL;
    p->mapping = rp_newref(mapping);
    rp_gc_track(RP_OBJ(p));
    return RP_OBJ(p);
}

static rp_obj_t *mp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    static const char *const kwlist[] = { "mapping", NULL };
    rp_obj_t *m;
    if (rp_arg_parse("mappingproxy", args, nargs, kwnames, kwlist, 0, -1, 1, &m) < 0)
        return NULL;
    if (!m->type->getitem || rp_list_check(m) || rp_tuple_check(m))
        return rp_err_format(&rp_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                             rp_type_name(m->type));
    return rp_mappingproxy_new(m);
}

static void mp_dealloc(rp_obj_t *o)
{
    rp_gc_untrack(o);
    rp_xdecref(((mappingproxy_t *)o)->mapping);
    rp_obj_free(o);
}

static int mp_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    return visit(((mappingproxy_t *)o)->mapping, arg);
}

static rp_obj_t *mp_getitem(rp_obj_t *o, rp_obj_t *key)
{
    return rp_obj_getitem(((mappingproxy_t *)o)->mapping, key);
}

static rp_ssize_t mp_len(rp_obj_t *o)
{
    return rp_obj_len(((mappingproxy_t *)o)->mapping);
}

static int mp_contains(rp_obj_t *o, rp_obj_t *key)
{
    rp_obj_t *m = ((mappingproxy_t *)o)->mapping;
    if (rp_dict_check(m))
        return rp_dict_contains(m, key);
    return rp_obj_contains(m, key);
}

static rp_obj_t *mp_iter(rp_obj_t *o)
{
    return rp_obj_iter(((mappingproxy_t *)o)->mapping);
}

static rp_obj_t *mp_repr(rp_obj_t *o)
{
    return rp_str_from_format("mappingproxy(%R)", ((mappingproxy_t *)o)->mapping);
}

static rp_obj_t *mp_str(rp_obj_t *o)
{
    return rp_obj_str(((mappingproxy_t *)o)->mapping);
}

static rp_obj_t *mp_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    return rp_obj_richcompare(((mappingproxy_t *)a)->mapping, b, op);
}

static rp_obj_t *mp_forward(rp_obj_t *self, const char *name, rp_obj_t *const *args, size_t nargs)
{
    return rp_obj_call_method(((mappingproxy_t *)self)->mapping, name, args, nargs);
}

static rp_obj_t *mp_keys(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return mp_forward(self, "keys", NULL, 0);
}

static rp_obj_t *mp_values(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return mp_forward(self, "values", NULL, 0);
}

static rp_obj_t *mp_items(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return mp_forward(self, "items", NULL, 0);
}

static rp_obj_t *mp_copy(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return mp_forward(self, "copy", NULL, 0);
}

static rp_obj_t *mp_get(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    if (rp_arg_count("get", nargs, 1, 2) < 0)
        return NULL;
    return mp_forward(self, "get", args, nargs);
}

static const rp_method_def_t mp_methods[] = {
    {"get", mp_get, 0, NULL},
    {"keys", mp_keys, 0, NULL},
    {"values", mp_values, 0, NULL},
    {"items", mp_items, 0, NULL},
    {"copy", mp_copy, 0, NULL},
    {NULL},
};

rp_type_t rp_type_mappingproxy = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "mappingproxy",
    .basicsize = sizeof(mappingproxy_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = mp_dealloc,
    .repr = mp_repr,
    .str = mp_str,
    .richcompare = mp_richcompare,
    .len = mp_len,
    .getitem = mp_getitem,
    .contains = mp_contains,
    .iter = mp_iter,
    .traverse = mp_traverse,
    .new_ = mp_new,
    .methods = mp_methods,
};
