// The descriptor classes written in Python programs: property (with the
// getter/setter/deleter decorators), staticmethod and classmethod.
#include <string.h>

#include "object.h"
#include "errors.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "func.h"
#include "args.h"
#include "memory/gc.h"

// ---------------------------------------------------------------------
// property

typedef struct property {
    rp_obj_t ob;
    rp_obj_t *fget, *fset, *fdel;   // NULL when absent
    rp_obj_t *doc;                  // NULL when absent
    rp_obj_t *name;                 // from __set_name__, or NULL
    bool getter_doc;                // doc was taken from fget.__doc__
} property_t;

static rp_obj_t *property_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    return rp_type_generic_alloc(type, 0);
}

static int property_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    static const char *const kwlist[] = { "fget", "fset", "fdel", "doc", NULL };
    rp_obj_t *a[4];
    if (rp_arg_parse("property", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return -1;
    property_t *p = (property_t *)self;
    for (int i = 0; i < 4; i++)
        if (a[i] == rp_None)
            a[i] = NULL;
    rp_xincref(a[0]);
    rp_setref(&p->fget, a[0]);
    rp_xincref(a[1]);
    rp_setref(&p->fset, a[1]);
    rp_xincref(a[2]);
    rp_setref(&p->fdel, a[2]);
    rp_xincref(a[3]);
    rp_setref(&p->doc, a[3]);
    p->getter_doc = false;
    if (!a[3] && a[0]) {
        rp_obj_t *d = rp_obj_getattr_opt(a[0], RP_ID(__doc__));
        if (!d && rp_err_occurred())
            return -1;
        if (d == rp_None) {
            rp_decref(d);
            d = NULL;
        }
        if (d) {
            rp_setref(&p->doc, d);
            p->getter_doc = true;
        }
    }
    return 0;
}

static void property_dealloc(rp_obj_t *o)
{
    property_t *p = (property_t *)o;
    rp_gc_untrack(o);
    rp_clear(&p->fget);
    rp_clear(&p->fset);
    rp_clear(&p->fdel);
    rp_clear(&p->doc);
    rp_clear(&p->name);
    rp_obj_free(o);
}

static int property_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    property_t *p = (property_t *)o;
    rp_obj_t *refs[5] = { p->fget, p->fset, p->fdel, p->doc, p->name };
    for (int i = 0; i < 5; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static int property_clear(rp_obj_t *o)
{
    property_t *p = (property_t *)o;
    rp_clear(&p->fget);
    rp_clear(&p->fset);
    rp_clear(&p->fdel);
    rp_clear(&p->doc);
    return 0;
}

static void property_error(property_t *p, rp_obj_t *obj, const char *what)
{
    rp_obj_t *qual = rp_type_qualname_str(obj->type);
    if (!qual) {
        rp_err_clear();
        rp_err_format(&rp_exc_AttributeError, "property has no %s", what);
        return;
    }
    if (p->name)
        rp_err_format(&rp_exc_AttributeError, "property %R of %R object has no %s", p->name, qual, what);
    else
        rp_err_format(&rp_exc_AttributeError, "property of %R object has no %s", qual, what);
    rp_decref(qual);
}

static rp_obj_t *property_get(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *type)
{
    property_t *p = (property_t *)self;
    if (!obj || obj == rp_None)
        return rp_newref(self);
    if (!p->fget) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return rp_obj_call(p->fget, &obj, 1, NULL);
}

static int property_set(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *value)
{
    property_t *p = (property_t *)self;
    rp_obj_t *func = value ? p->fset : p->fdel;
    if (!func) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    rp_obj_t *r;
    if (value) {
        rp_obj_t *args[2] = { obj, value };
        r = rp_obj_call(func, args, 2, NULL);
    } else {
        r = rp_obj_call(func, &obj, 1, NULL);
    }
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

// type(self)(fget, fset, fdel, doc) with one of them replaced.
static rp_obj_t *property_copy(rp_obj_t *self, rp_obj_t *get, rp_obj_t *set, rp_obj_t *del)
{
    property_t *p = (property_t *)self;
    rp_obj_t *none = rp_None;
    if (!get)
        get = p->fget ? p->fget : none;
    if (!set)
        set = p->fset ? p->fset : none;
    if (!del)
        del = p->fdel ? p->fdel : none;
    rp_obj_t *doc = (p->getter_doc && get != none) || !p->doc ? none : p->doc;
    rp_obj_t *args[4] = { get, set, del, doc };
    rp_obj_t *r = rp_obj_call(RP_OBJ(self->type), args, 4, NULL);
    if (r && rp_obj_is_instance_of(r, &rp_type_property)) {
        property_t *q = (property_t *)r;
        rp_xincref(p->name);
        rp_setref(&q->name, p->name);
    }
    return r;
}

static rp_obj_t *property_getter(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    if (rp_arg_exactly_one("getter", nargs) < 0)
        return NULL;
    return property_copy(self, args[0], NULL, NULL);
}

static rp_obj_t *property_setter(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    if (rp_arg_exactly_one("setter", nargs) < 0)
        return NULL;
    return property_copy(self, NULL, args[0], NULL);
}

static rp_obj_t *property_deleter(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    if (rp_arg_exactly_one("deleter", nargs) < 0)
        return NULL;
    return property_copy(self, NULL, NULL, args[0]);
}

static rp_obj_t *property_set_name(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    if (nargs != 2)
        return rp_err_format(&rp_exc_TypeError, "__set_name__() takes 2 positional arguments but %zu were given",
                             nargs);
    property_t *p = (property_t *)self;
    rp_setref(&p->name, rp_newref(args[1]));
    return rp_newref(rp_None);
}

static const rp_method_def_t property_methods[] = {
    {"getter", property_getter, 0, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, 0, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, 0, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, 0, "Method to set name of a property."},
    {NULL},
};

static rp_obj_t *or_none(rp_obj_t *o) { return rp_newref(o ? o : rp_None); }
static rp_obj_t *property_get_fget(rp_obj_t *o) { return or_none(((property_t *)o)->fget); }
static rp_obj_t *property_get_fset(rp_obj_t *o) { return or_none(((property_t *)o)->fset); }
static rp_obj_t *property_get_fdel(rp_obj_t *o) { return or_none(((property_t *)o)->fdel); }
static rp_obj_t *property_get_doc(rp_obj_t *o) { return or_none(((property_t *)o)->doc); }

static int property_set_doc(rp_obj_t *o, rp_obj_t *v)
{
    property_t *p = (property_t *)o;
    rp_xincref(v);
    rp_setref(&p->doc, v);
    return 0;
}

static rp_obj_t *abstract_of(rp_obj_t *f)
{
    if (!f)
        return NULL;
    rp_obj_t *r = rp_obj_getattr_opt(f, RP_ID(__isabstractmethod__));
    if (!r)
        return NULL;
    int t = rp_obj_is_true(r);
    rp_decref(r);
    return t > 0 ? rp_True : NULL;
}

static rp_obj_t *property_get_isabstract(rp_obj_t *o)
{
    property_t *p = (property_t *)o;
    if (abstract_of(p->fget) || abstract_of(p->fset) || abstract_of(p->fdel))
        return rp_newref(rp_True);
    if (rp_err_occurred())
        return NULL;
    return rp_newref(rp_False);
}

static const rp_getset_def_t property_getsets[] = {
    {"fget", property_get_fget, NULL, NULL},
    {"fset", property_get_fset, NULL, NULL},
    {"fdel", property_get_fdel, NULL, NULL},
    {"__doc__", property_get_doc, property_set_doc, NULL},
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_property = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "property",
    .basicsize = sizeof(property_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = property_dealloc,
    .descr_get = property_get,
    .descr_set = property_set,
    .traverse = property_traverse,
    .clear = property_clear,
    .new_ = property_new,
    .init = property_init,
    .methods = property_methods,
    .getsets = property_getsets,
};

// ---------------------------------------------------------------------
// staticmethod and classmethod (same layout)

typedef struct funcwrap {
    rp_obj_t ob;
    rp_obj_t *callable;
    rp_obj_t *dict;
} funcwrap_t;

static rp_obj_t *funcwrap_alloc(rp_type_t *type, rp_obj_t *callable)
{
    funcwrap_t *w = (funcwrap_t *)rp_type_generic_alloc(type, 0);
    if (!w)
        return NULL;
    w->callable = rp_newref(callable);
    return RP_OBJ(w);
}

rp_obj_t *rp_staticmethod_new(rp_obj_t *callable)
{
    return funcwrap_alloc(&rp_type_staticmethod, callable);
}

rp_obj_t *rp_classmethod_new(rp_obj_t *callable)
{
    return funcwrap_alloc(&rp_type_classmethod, callable);
}

static rp_obj_t *funcwrap_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    return rp_type_generic_alloc(type, 0);
}

// CPython's functools_wraps: copies __module__, __name__, __qualname__,
// __doc__ and __annotations__ of the callable (those it has) into the
// wrapper's __dict__.  0 / -1.
static int copy_wrapped_attrs(rp_obj_t *self, rp_obj_t *callable)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        rp_obj_t *name = rp_str_intern_cstr(names[i]);
        if (!name)
            return -1;
        rp_obj_t *v = rp_obj_getattr(callable, name);
        if (!v) {
            rp_decref(name);
            if (!rp_err_matches(&rp_exc_AttributeError))
                return -1;
            rp_err_clear();
            continue;
        }
        int r = rp_obj_setattr(self, name, v);
        rp_decref(v);
        rp_decref(name);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int funcwrap_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    const char *name = self->type == &rp_type_classmethod ||
                               rp_type_is_subtype(self->type, &rp_type_classmethod)
                           ? "classmethod" : "staticmethod";
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        rp_err_format(&rp_exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
        return -1;
    }
    funcwrap_t *w = (funcwrap_t *)self;
    rp_setref(&w->callable, rp_newref(args[0]));
    return copy_wrapped_attrs(self, args[0]);
}

static void funcwrap_dealloc(rp_obj_t *o)
{
    funcwrap_t *w = (funcwrap_t *)o;
    rp_gc_untrack(o);
    rp_clear(&w->callable);
    rp_clear(&w->dict);
    rp_obj_free(o);
}

static int funcwrap_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    funcwrap_t *w = (funcwrap_t *)o;
    int r = w->callable ? visit(w->callable, arg) : 0;
    if (r)
        return r;
    return w->dict ? visit(w->dict, arg) : 0;
}

static int funcwrap_clear(rp_obj_t *o)
{
    funcwrap_t *w = (funcwrap_t *)o;
    rp_clear(&w->callable);
    rp_clear(&w->dict);
    return 0;
}

static rp_obj_t *uninitialized(const char *what)
{
    return rp_err_format(&rp_exc_RuntimeError, "uninitialized %s object", what);
}

static rp_obj_t *sm_get(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *type)
{
    funcwrap_t *w = (funcwrap_t *)self;
    if (!w->callable)
        return uninitialized("staticmethod");
    return rp_newref(w->callable);
}

static rp_obj_t *sm_call(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    funcwrap_t *w = (funcwrap_t *)self;
    if (!w->callable)
        return uninitialized("staticmethod");
    return rp_obj_call(w->callable, args, nargs, kwnames);
}

static rp_obj_t *cm_get(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *type)
{
    funcwrap_t *w = (funcwrap_t *)self;
    if (!w->callable)
        return uninitialized("classmethod");
    if (!type)
        type = RP_OBJ(obj->type);
    if (rp_func_check(w->callable))
        return rp_method_new(w->callable, type);
    rp_descrgetfunc f = w->callable->type->descr_get;
    if (f)
        return f(w->callable, type, type);
    return rp_method_new(w->callable, type);
}

static rp_obj_t *funcwrap_repr(rp_obj_t *self)
{
    funcwrap_t *w = (funcwrap_t *)self;
    const char *name = rp_type_short_name(self->type);
    if (!w->callable)
        return rp_object_default_repr(self);
    return rp_str_from_format("<%s(%R)>", name, w->callable);
}

static rp_obj_t *funcwrap_get_func(rp_obj_t *o)
{
    funcwrap_t *w = (funcwrap_t *)o;
    return rp_newref(w->callable ? w->callable : rp_None);
}

static rp_obj_t *funcwrap_get_isabstract(rp_obj_t *o)
{
    funcwrap_t *w = (funcwrap_t *)o;
    if (abstract_of(w->callable))
        return rp_newref(rp_True);
    if (rp_err_occurred())
        return NULL;
    return rp_newref(rp_False);
}

static rp_obj_t *funcwrap_get_dict(rp_obj_t *o)
{
    funcwrap_t *w = (funcwrap_t *)o;
    if (!w->dict && !(w->dict = rp_dict_new()))
        return NULL;
    return rp_newref(w->dict);
}

static const rp_getset_def_t funcwrap_getsets[] = {
    {"__func__", funcwrap_get_func, NULL, NULL},
    {"__wrapped__", funcwrap_get_func, NULL, NULL},
    {"__isabstractmethod__", funcwrap_get_isabstract, NULL, NULL},
    {"__dict__", funcwrap_get_dict, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_staticmethod = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "staticmethod",
    .basicsize = sizeof(funcwrap_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = funcwrap_dealloc,
    .repr = funcwrap_repr,
    .call = sm_call,
    .descr_get = sm_get,
    .traverse = funcwrap_traverse,
    .clear = funcwrap_clear,
    .new_ = funcwrap_new,
    .init = funcwrap_init,
    .getsets = funcwrap_getsets,
    .dict_offset = offsetof(funcwrap_t, dict),
};

rp_type_t rp_type_classmethod = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "classmethod",
    .basicsize = sizeof(funcwrap_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = funcwrap_dealloc,
    .repr = funcwrap_repr,
    .descr_get = cm_get,
    .traverse = funcwrap_traverse,
    .clear = funcwrap_clear,
    .new_ = funcwrap_new,
    .init = funcwrap_init,
    .getsets = funcwrap_getsets,
    .dict_offset = offsetof(funcwrap_t, dict),
};
