// types.GenericAlias and types.UnionType, as CPython 3.11's
// Objects/genericaliasobject.c and Objects/unionobject.c (without
// TypeVar parameters): reprs, equality, hashing, calls and unions.
#include <string.h>

#include "objects/genericalias.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/typeobj.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/typeslots.h"
#include "memory/gc.h"

typedef struct {
    rp_obj_t ob;
    rp_obj_t *origin;   // generic alias: the class; union: unused (NULL)
    rp_obj_t *args;     // tuple
} alias_t;

static rp_obj_t *empty_tuple(void) { return rp_tuple_new(0); }

static rp_obj_t *alias_alloc(rp_type_t *type, rp_obj_t *origin, rp_obj_t *args)
{
    if (!(type->flags & RP_TPFLAG_READY) && rp_type_ready(type) < 0)
        return NULL;
    alias_t *a = (alias_t *)rp_obj_alloc(type, sizeof *a);
    if (a == NULL)
        return NULL;
    a->origin = origin ? rp_newref(origin) : NULL;
    a->args = rp_newref(args);
    rp_gc_track(RP_OBJ(a));
    return RP_OBJ(a);
}

rp_obj_t *rp_generic_alias_new(rp_obj_t *origin, rp_obj_t *args)
{
    if (rp_tuple_check(args))
        return alias_alloc(&rp_type_generic_alias, origin, args);
    rp_obj_t *t = rp_tuple_pack(1, args);
    if (t == NULL)
        return NULL;
    rp_obj_t *r = alias_alloc(&rp_type_generic_alias, origin, t);
    rp_decref(t);
    return r;
}

rp_obj_t *rp_generic_class_getitem(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (nargs != 1 || (kwnames && rp_tuple_len(kwnames))) {
        return rp_err_format(&rp_exc_TypeError, "__class_getitem__() takes exactly one argument (%zu given)",
                             nargs);
    }
    return rp_generic_alias_new(self, args[0]);
}

static int alias_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    alias_t *a = (alias_t *)o;
    int r;
    if (a->origin && (r = visit(a->origin, arg)))
        return r;
    return visit(a->args, arg);
}

static int alias_clear(rp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    rp_clear(&a->origin);
    rp_clear(&a->args);
    return 0;
}

static void alias_dealloc(rp_obj_t *o)
{
    rp_gc_untrack(o);
    alias_clear(o);
    rp_obj_free(o);
}

// How a member shows in a repr: "...", a nested alias's repr, "module.qualname"
// ("qualname" for builtins), "None" for NoneType in unions, else repr().
static int append_item(rp_strbuf_t *b, rp_obj_t *p, bool in_union)
{
    if (p == rp_Ellipsis)
        return rp_strbuf_append_cstr(b, "...");
    if (in_union && p == RP_OBJ(&rp_type_none))
        return rp_strbuf_append_cstr(b, "None");
    if (rp_generic_alias_check(p) || rp_union_check(p))
        return rp_strbuf_append_repr(b, p);
    rp_obj_t *qual = rp_obj_getattr_opt(p, RP_ID(__qualname__));
    rp_obj_t *mod = qual ? rp_obj_getattr_opt(p, RP_ID(__module__)) : NULL;
    int r;
    if (rp_err_occurred()) {
        r = -1;
    } else if (qual == NULL || mod == NULL) {
        r = rp_strbuf_append_repr(b, p);
    } else if (rp_str_check(mod) && rp_str_eq_cstr(mod, "builtins")) {
        r = rp_strbuf_append_obj_str(b, qual);
    } else {
        r = rp_strbuf_append_obj_str(b, mod);
        if (r == 0)
            r = rp_strbuf_append_char(b, '.');
        if (r == 0)
            r = rp_strbuf_append_obj_str(b, qual);
    }
    rp_xdecref(qual);
    rp_xdecref(mod);
    return r;
}

static rp_obj_t *ga_repr(rp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    if (append_item(&b, a->origin, false) < 0 || rp_strbuf_append_char(&b, '[') < 0)
        goto fail;
    rp_ssize_t n = rp_tuple_len(a->args);
    if (n == 0 && rp_strbuf_append_cstr(&b, "()") < 0)
        goto fail;
    for (rp_ssize_t i = 0; i < n; i++) {
        if (i > 0 && rp_strbuf_append_cstr(&b, ", ") < 0)
            goto fail;
        if (append_item(&b, rp_tuple_get_borrow(a->args, i), false) < 0)
            goto fail;
    }
    if (rp_strbuf_append_char(&b, ']') < 0)
        goto fail;
    return rp_strbuf_finish(&b);
fail:
    rp_strbuf_discard(&b);
    return NULL;
}

static rp_obj_t *ga_call(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    return rp_obj_call(((alias_t *)self)->origin, args, nargs, kwnames);
}

// Attributes the alias answers itself; every other name is looked up on
// the origin (list[int].append is list.append).
static const char *const own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static rp_obj_t *ga_getattr(rp_obj_t *self, rp_obj_t *name)
{
    alias_t *a = (alias_t *)self;
    if (rp_str_check(name)) {
        bool own = false;
        for (int i = 0; own_attrs[i]; i++)
            if (rp_str_eq_cstr(name, own_attrs[i]))
                own = true;
        if (!own)
            return rp_obj_getattr(a->origin, name);
        if (rp_str_eq_cstr(name, "__origin__"))
            return rp_newref(a->origin);
        if (rp_str_eq_cstr(name, "__args__"))
            return rp_newref(a->args);
        if (rp_str_eq_cstr(name, "__parameters__"))
            return empty_tuple();
    }
    return rp_obj_generic_getattr(self, name);
}

static rp_obj_t *ga_richcompare(rp_obj_t *x, rp_obj_t *y, int op)
{
    if (!rp_generic_alias_check(y) || (op != RP_EQ && op != RP_NE))
        return rp_newref(rp_NotImplemented);
    alias_t *a = (alias_t *)x, *b = (alias_t *)y;
    int eq = rp_obj_richcompare_bool(a->origin, b->origin, RP_EQ);
    if (eq == 1)
        eq = rp_obj_richcompare_bool(a->args, b->args, RP_EQ);
    if (eq < 0)
        return NULL;
    return rp_newref((eq == 1) == (op == RP_EQ) ? rp_True : rp_False);
}

static rp_hash_t ga_hash(rp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    rp_hash_t h0 = rp_obj_hash(a->origin);
    if (h0 == -1)
        return -1;
    rp_hash_t h1 = rp_obj_hash(a->args);
    if (h1 == -1)
        return -1;
    rp_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static rp_obj_t *alias_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op != RP_BINOP_OR)
        return rp_newref(rp_NotImplemented);
    return rp_union_or(a, b);
}

// ---------------------------------------------------------------------
// Unions

static bool unionable(rp_obj_t *o)
{
    return o == rp_None || rp_type_check(o) || rp_generic_alias_check(o) || rp_union_check(o);
}

// Appends o (or its members, for a union) to list unless already there.
static int add_member(rp_obj_t *list, rp_obj_t *o)
{
    if (rp_union_check(o)) {
        rp_obj_t *args = ((alias_t *)o)->args;
        for (rp_ssize_t i = 0; i < rp_tuple_len(args); i++)
            if (add_member(list, rp_tuple_get_borrow(args, i)) < 0)
                return -1;
        return 0;
    }
    if (o == rp_None)
        o = RP_OBJ(&rp_type_none);
    for (rp_ssize_t i = 0; i < rp_list_len(list); i++) {
        rp_obj_t *x = rp_list_get_borrow(list, i);
        if (x == o)
            return 0;
        if (rp_generic_alias_check(x) && rp_generic_alias_check(o)) {
            int eq = rp_obj_richcompare_bool(x, o, RP_EQ);
            if (eq != 0)
                return eq < 0 ? -1 : 0;
        }
    }
    return rp_list_append(list, o);
}

rp_obj_t *rp_union_or(rp_obj_t *a, rp_obj_t *b)
{
    if (!unionable(a) || !unionable(b))
        return rp_newref(rp_NotImplemented);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    if (add_member(list, a) < 0 || add_member(list, b) < 0) {
        rp_decref(list);
        return NULL;
    }
    rp_obj_t *r;
    if (rp_list_len(list) == 1) {
        r = rp_newref(rp_list_get_borrow(list, 0));
    } else {
        rp_obj_t *args = rp_list_as_tuple(list);
        r = args ? alias_alloc(&rp_type_union, NULL, args) : NULL;
        rp_xdecref(args);
    }
    rp_decref(list);
    return r;
}

rp_obj_t *rp_union_args_borrow(rp_obj_t *u)
{
    return ((alias_t *)u)->args;
}

static rp_obj_t *union_repr(rp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    for (rp_ssize_t i = 0; i < rp_tuple_len(a->args); i++) {
        if (i > 0 && rp_strbuf_append_cstr(&b, " | ") < 0)
            goto fail;
        if (append_item(&b, rp_tuple_get_borrow(a->args, i), true) < 0)
            goto fail;
    }
    return rp_strbuf_finish(&b);
fail:
    rp_strbuf_discard(&b);
    return NULL;
}

// 1 if every member of x is a member of y, 0 if not, -1 on error.
static int members_within(rp_obj_t *x, rp_obj_t *y)
{
    for (rp_ssize_t i = 0; i < rp_tuple_len(x); i++) {
        int found = 0;
        for (rp_ssize_t j = 0; j < rp_tuple_len(y) && !found; j++) {
            found = rp_obj_richcompare_bool(rp_tuple_get_borrow(x, i), rp_tuple_get_borrow(y, j), RP_EQ);
            if (found < 0)
                return -1;
        }
        if (!found)
            return 0;
    }
    return 1;
}

static rp_obj_t *union_richcompare(rp_obj_t *x, rp_obj_t *y, int op)
{
    if (!rp_union_check(y) || (op != RP_EQ && op != RP_NE))
        return rp_newref(rp_NotImplemented);
    rp_obj_t *ax = ((alias_t *)x)->args, *ay = ((alias_t *)y)->args;
    int eq = members_within(ax, ay);
    if (eq == 1)
        eq = members_within(ay, ax);
    if (eq < 0)
        return NULL;
    return rp_newref((eq == 1) == (op == RP_EQ) ? rp_True : rp_False);
}

static rp_hash_t union_hash(rp_obj_t *o)
{
    rp_obj_t *fs = rp_frozenset_new(((alias_t *)o)->args);
    if (fs == NULL)
        return -1;
    rp_hash_t h = rp_obj_hash(fs);
    rp_decref(fs);
    return h;
}

static rp_obj_t *union_get_args(rp_obj_t *o) { return rp_newref(((alias_t *)o)->args); }
static rp_obj_t *union_get_parameters(rp_obj_t *o) { return empty_tuple(); }

static const rp_getset_def_t union_getsets[] = {
    {"__args__", union_get_args, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_generic_alias = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "types.GenericAlias",
    .basicsize = sizeof(alias_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = alias_dealloc,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .binary_op = alias_binop,
    .call = ga_call,
    .getattr = ga_getattr,
    .traverse = alias_traverse,
    .clear = alias_clear,
};

rp_type_t rp_type_union = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "types.UnionType",
    .basicsize = sizeof(alias_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = alias_dealloc,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .binary_op = alias_binop,
    .traverse = alias_traverse,
    .clear = alias_clear,
    .getsets = union_getsets,
};
