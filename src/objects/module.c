// Module objects: a name and a namespace dict; attribute access goes to
// the namespace through the generic machinery (dict_offset).
#include <stddef.h>

#include "memory/gc.h"
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "module.h"
#include "str.h"
#include "typeobj.h"

rp_obj_t *rp_module_new(const char *name)
{
    rp_module_t *m = (rp_module_t *)rp_obj_alloc(&rp_type_module, sizeof(rp_module_t));
    if (!m)
        return NULL;
    m->dict = rp_dict_new();
    m->name = rp_str_from_cstr(name);
    if (!m->dict || !m->name)
        goto fail;
    if (rp_dict_set_cstr(m->dict, "__name__", m->name) < 0 ||
        rp_dict_set_cstr(m->dict, "__doc__", rp_None) < 0)
        goto fail;
    rp_gc_track(RP_OBJ(m));
    return RP_OBJ(m);
fail:
    rp_decref(RP_OBJ(m));
    return NULL;
}

int rp_module_add_object_take(rp_obj_t *m, const char *name, rp_obj_t *value)
{
    if (!value)
        return -1;
    int r = rp_dict_set_cstr(((rp_module_t *)m)->dict, name, value);
    rp_decref(value);
    return r;
}

int rp_module_add_functions(rp_obj_t *m, const rp_method_def_t *defs)
{
    for (; defs->name; defs++) {
        if (rp_module_add_object_take(m, defs->name, rp_builtin_function_new(defs, m)) < 0)
            return -1;
    }
    return 0;
}

int rp_module_add_int(rp_obj_t *m, const char *name, int64_t value)
{
    return rp_module_add_object_take(m, name, rp_int_from_i64(value));
}

int rp_module_add_str(rp_obj_t *m, const char *name, const char *value)
{
    return rp_module_add_object_take(m, name, rp_str_from_cstr(value));
}

static void module_dealloc(rp_obj_t *self)
{
    rp_module_t *m = (rp_module_t *)self;
    rp_gc_untrack(self);
    rp_clear(&m->dict);
    rp_clear(&m->name);
    rp_obj_free(self);
}

static int module_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_module_t *m = (rp_module_t *)self;
    if (m->dict && visit(m->dict, arg))
        return 1;
    return 0;
}

static int module_clear(rp_obj_t *self)
{
    rp_module_t *m = (rp_module_t *)self;
    rp_clear(&m->dict);
    return 0;
}

static rp_obj_t *module_repr(rp_obj_t *self)
{
    rp_module_t *m = (rp_module_t *)self;
    rp_obj_t *file = m->dict ? rp_dict_get_cstr_borrow(m->dict, "__file__") : NULL;
    if (file)
        return rp_str_from_format("<module %R from %R>", m->name, file);
    // CPython 3.11 freezes os (and the other startup modules it imports).
    if (m->name && rp_str_check(m->name) && rp_str_eq_cstr(m->name, "os"))
        return rp_str_from_format("<module %R (frozen)>", m->name);
    return rp_str_from_format("<module %R (built-in)>", m->name);
}

static rp_obj_t *module_getattr(rp_obj_t *self, rp_obj_t *name)
{
    rp_module_t *m = (rp_module_t *)self;
    if (m->dict && rp_str_check_exact(name)) {
        rp_obj_t *v = rp_dict_get_str_borrow(m->dict, name);
        if (v)
            return rp_newref(v);
        if (rp_err_occurred())
            return NULL;
    }
    rp_obj_t *r = rp_obj_generic_getattr(self, name);
    if (!r && rp_err_matches(&rp_exc_AttributeError)) {
        rp_err_clear();
        rp_err_format(&rp_exc_AttributeError, "module %R has no attribute %R",
                      m->name, name);
    }
    return r;
}

static rp_obj_t *module_dir(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    rp_module_t *m = (rp_module_t *)self;
    return rp_dict_keys_list(m->dict);
}

static rp_obj_t *module_get_dict(rp_obj_t *self)
{
    rp_module_t *m = (rp_module_t *)self;
    if (!m->dict) {
        m->dict = rp_dict_new();
        if (!m->dict)
            return NULL;
    }
    return rp_newref(m->dict);
}

static const rp_getset_def_t module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {NULL},
};

static const rp_method_def_t module_methods[] = {
    {"__dir__", module_dir, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_module = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "module",
    .basicsize = sizeof(rp_module_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattr,
    .traverse = module_traverse,
    .clear = module_clear,
    .methods = module_methods,
    .getsets = module_getsets,
    .dict_offset = offsetof(rp_module_t, dict),
};
