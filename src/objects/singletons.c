// The singletons None, NotImplemented and Ellipsis and their types
// NoneType, NotImplementedType and ellipsis.
#include "object.h"
#include "errors.h"
#include "str.h"
#include "tuple.h"

rp_obj_t rp_none_obj = RP_STATIC_HEAD(rp_type_none);
rp_obj_t rp_notimpl_obj = RP_STATIC_HEAD(rp_type_notimpl);
rp_obj_t rp_ellipsis_obj = RP_STATIC_HEAD(rp_type_ellipsis);

// Static singletons never die; if a refcount bug drives one to zero,
// restore it instead of freeing static memory.
static void singleton_dealloc(rp_obj_t *o)
{
    o->refcnt = RP_STATIC_REFCNT;
}

static rp_obj_t *singleton_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames, rp_obj_t *value)
{
    if (nargs > 0 || (kwnames && rp_tuple_len(kwnames) > 0))
        return rp_err_format(&rp_exc_TypeError, "%s takes no arguments", type->name);
    return rp_newref(value);
}

static rp_obj_t *none_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return singleton_new(type, args, nargs, kw, rp_None);
}

static rp_obj_t *none_repr(rp_obj_t *o)
{
    return rp_str_intern_cstr("None");
}

static int none_bool(rp_obj_t *o)
{
    return 0;
}

rp_type_t rp_type_none = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "NoneType",
    .basicsize = sizeof(rp_obj_t),
    .dealloc = singleton_dealloc,
    .repr = none_repr,
    .bool_ = none_bool,
    .new_ = none_new,
};

static rp_obj_t *notimpl_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return singleton_new(type, args, nargs, kw, rp_NotImplemented);
}

static rp_obj_t *notimpl_repr(rp_obj_t *o)
{
    return rp_str_intern_cstr("NotImplemented");
}

static rp_obj_t *notimpl_reduce(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_str_intern_cstr("NotImplemented");
}

static const rp_method_def_t notimpl_methods[] = {
    {"__reduce__", notimpl_reduce, 0, NULL},
    {NULL},
};

rp_type_t rp_type_notimpl = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(rp_obj_t),
    .dealloc = singleton_dealloc,
    .repr = notimpl_repr,
    .new_ = notimpl_new,
    .methods = notimpl_methods,
};

static rp_obj_t *ellipsis_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return singleton_new(type, args, nargs, kw, rp_Ellipsis);
}

static rp_obj_t *ellipsis_repr(rp_obj_t *o)
{
    return rp_str_intern_cstr("Ellipsis");
}

static rp_obj_t *ellipsis_reduce(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_str_intern_cstr("Ellipsis");
}

static const rp_method_def_t ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, 0, NULL},
    {NULL},
};

rp_type_t rp_type_ellipsis = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "ellipsis",
    .basicsize = sizeof(rp_obj_t),
    .dealloc = singleton_dealloc,
    .repr = ellipsis_repr,
    .new_ = ellipsis_new,
    .methods = ellipsis_methods,
};
