// super(): attribute lookup that starts after a given class in the MRO of
// the instance's (or class's) type, with bound results.
#include "object.h"
#include "errors.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "tuple.h"
#include "dict.h"
#include "memory/gc.h"

typedef struct super {
    rp_obj_t ob;
    rp_type_t *type;        // the class after which lookup starts
    rp_obj_t *obj;          // instance or class, or NULL (unbound)
    rp_type_t *obj_type;    // type(obj) or obj itself if a class
} super_t;

int (*rp_super_args_hook)(rp_obj_t **type_out, rp_obj_t **self_out);
extern int rp_vm_super_args(rp_obj_t **type_out, rp_obj_t **self_out) __attribute__((weak));

static rp_type_t *supercheck(rp_type_t *type, rp_obj_t *obj)
{
    if (rp_type_check(obj) && rp_type_is_subtype((rp_type_t *)obj, type))
        return (rp_type_t *)obj;
    if (rp_type_is_subtype(obj->type, type))
        return obj->type;
    rp_obj_t *cls = rp_obj_getattr_opt(obj, RP_ID(__class__));
    if (cls) {
        if (rp_type_check(cls) && cls != RP_OBJ(obj->type) &&
            rp_type_is_subtype((rp_type_t *)cls, type)) {
            rp_decref(cls);     // kept alive by obj
            return (rp_type_t *)cls;
        }
        rp_decref(cls);
    } else if (rp_err_occurred()) {
        return NULL;
    }
    rp_err_set(&rp_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static rp_obj_t *super_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kw)
{
    return rp_type_generic_alloc(type, 0);
}

static int super_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    super_t *su = (super_t *)self;
    rp_obj_t *type, *obj = NULL;
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        rp_err_set(&rp_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (nargs > 2) {
        rp_err_format(&rp_exc_TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
        return -1;
    }
    if (nargs == 0) {
        int (*hook)(rp_obj_t **, rp_obj_t **) = rp_super_args_hook;
        if (!hook)
            hook = rp_vm_super_args;
        if (!hook) {
            rp_err_set(&rp_exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        if (hook(&type, &obj) < 0)
            return -1;
    } else {
        type = args[0];
        if (nargs == 2)
            obj = args[1];
    }
    if (!rp_type_check(type)) {
        rp_err_format(&rp_exc_TypeError, "super() argument 1 must be a type, not %.200s",
                      rp_type_name(type->type));
        return -1;
    }
    if (obj == rp_None)
        obj = NULL;
    rp_type_t *obj_type = NULL;
    if (obj && !(obj_type = supercheck((rp_type_t *)type, obj)))
        return -1;
    rp_incref(type);
    rp_xincref(obj);
    rp_xincref(RP_OBJ(obj_type));
    rp_setref((rp_obj_t **)&su->type, type);
    rp_setref(&su->obj, obj);
    rp_setref((rp_obj_t **)&su->obj_type, RP_OBJ(obj_type));
    return 0;
}

static void super_dealloc(rp_obj_t *self)
{
    super_t *su = (super_t *)self;
    rp_gc_untrack(self);
    rp_xdecref(su->obj);
    rp_xdecref(RP_OBJ(su->type));
    rp_xdecref(RP_OBJ(su->obj_type));
    rp_obj_free(self);
}

static int super_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    super_t *su = (super_t *)self;
    rp_obj_t *refs[3] = { su->obj, RP_OBJ(su->type), RP_OBJ(su->obj_type) };
    for (int i = 0; i < 3; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static rp_obj_t *super_getattro(rp_obj_t *self, rp_obj_t *name)
{
    super_t *su = (super_t *)self;
    rp_type_t *start = su->obj_type;
    if (!start || !rp_str_check(name) || rp_str_eq(name, RP_ID(__class__)))
        return rp_obj_generic_getattr(self, name);
    rp_obj_t *mro = start->mro;
    if (!mro)
        return rp_obj_generic_getattr(self, name);
    rp_ssize_t n = rp_tuple_len(mro), i;
    for (i = 0; i + 1 < n; i++)
        if (rp_tuple_get_borrow(mro, i) == RP_OBJ(su->type))
            break;
    i++;
    rp_incref(mro);
    for (; i < n; i++) {
        rp_type_t *t = (rp_type_t *)rp_tuple_get_borrow(mro, i);
        if (!t->dict)
            continue;
        rp_obj_t *res = rp_str_check_exact(name) ? rp_dict_get_str_borrow(t->dict, name)
                                                : rp_dict_get_borrow(t->dict, name);
        if (res) {
            rp_decref(mro);
            rp_descrgetfunc f = res->type->descr_get;
            if (!f)
                return rp_newref(res);
            rp_incref(res);
            rp_obj_t *r = f(res, su->obj == RP_OBJ(start) ? NULL : su->obj, RP_OBJ(start));
            rp_decref(res);
            return r;
        }
        if (rp_err_occurred()) {
            rp_decref(mro);
            return NULL;
        }
    }
    rp_decref(mro);
    return rp_obj_generic_getattr(self, name);
}

static rp_obj_t *super_descr_get(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *type)
{
    super_t *su = (super_t *)self;
    if (!obj || obj == rp_None || su->obj)
        return rp_newref(self);
    rp_obj_t *args[2] = { RP_OBJ(su->type), obj };
    return rp_obj_call(RP_OBJ(self->type), args, 2, NULL);
}

static rp_obj_t *super_repr(rp_obj_t *self)
{
    super_t *su = (super_t *)self;
    const char *tn = su->type ? su->type->name : "NULL";
    if (su->obj_type)
        return rp_str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->name);
    return rp_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static rp_obj_t *or_none(rp_obj_t *o) { return rp_newref(o ? o : rp_None); }
static rp_obj_t *super_get_thisclass(rp_obj_t *o) { return or_none(RP_OBJ(((super_t *)o)->type)); }
static rp_obj_t *super_get_self(rp_obj_t *o) { return or_none(((super_t *)o)->obj); }
static rp_obj_t *super_get_self_class(rp_obj_t *o) { return or_none(RP_OBJ(((super_t *)o)->obj_type)); }

static const rp_getset_def_t super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()"},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None"},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None"},
    {NULL},
};

rp_type_t rp_type_super = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "super",
    .basicsize = sizeof(super_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = super_dealloc,
    .repr = super_repr,
    .getattr = super_getattro,
    .descr_get = super_descr_get,
    .traverse = super_traverse,
    .new_ = super_new,
    .init = super_init,
    .getsets = super_getsets,
};
