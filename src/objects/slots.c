// __slots__: member descriptors over fixed instance words, the class
// layout they imply, and traversal of the words for dealloc and the gc.
#include <string.h>

#include "objects/slots.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str_impl.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeslots.h"
#include "memory/gc.h"

/*
 * Layout: a class C declaring n slot names appends n pointer words to the
 * instance layout of its base B, at [B->basicsize, B->basicsize + 8n),
 * followed by the __dict__ words if "__dict__" was listed and B has no
 * dict.  A slotted class never adds a weakref word.  So, for a class with
 * RP_TPFLAG_HAS_SLOTS, n = (C->basicsize - B->basicsize - dict words) / 8,
 * and the slot words of an instance are those of every class with
 * RP_TPFLAG_HAS_SLOTS on its base chain.  RP_TPFLAG_HAS_SLOTS also counts
 * as extra instance variables for the layout checks (rp_type_solid_base),
 * so two bases with slots conflict as in CPython.
 */

typedef struct {
    rp_obj_t ob;
    rp_type_t *owner;
    rp_obj_t *name;
    rp_ssize_t offset;
} member_t;

static rp_ssize_t dict_words(const rp_type_t *t)
{
    if (t->dict_offset == 0 || t->base->dict_offset != 0)
        return 0;
    return t->base->itemsize ? 1 : 2;
}

static int check_owner(member_t *m, rp_obj_t *obj)
{
    if (rp_obj_is_instance_of(obj, m->owner))
        return 0;
    rp_err_format(&rp_exc_TypeError, "descriptor '%S' for '%.100s' objects doesn't apply to a '%.100s' object",
                  m->name, rp_type_short_name(m->owner), rp_type_name(obj->type));
    return -1;
}

static rp_obj_t *member_get(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type)
{
    member_t *m = (member_t *)descr;
    if (obj == NULL)
        return rp_newref(descr);
    if (check_owner(m, obj) < 0)
        return NULL;
    rp_obj_t *v = *(rp_obj_t **)((char *)obj + m->offset);
    if (v == NULL) {
        rp_err_format(&rp_exc_AttributeError, "'%.50s' object has no attribute '%S'",
                      rp_type_name(obj->type), m->name);
        return NULL;
    }
    return rp_newref(v);
}

static int member_set(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *value)
{
    member_t *m = (member_t *)descr;
    if (check_owner(m, obj) < 0)
        return -1;
    rp_obj_t **p = (rp_obj_t **)((char *)obj + m->offset);
    if (value == NULL && *p == NULL) {
        rp_err_set_value(&rp_exc_AttributeError, m->name);
        return -1;
    }
    rp_obj_t *old = *p;
    *p = value ? rp_newref(value) : NULL;
    rp_xdecref(old);
    return 0;
}

rp_ssize_t rp_slots_member_offset(rp_obj_t *descr)
{
    return ((member_t *)descr)->offset;
}

static rp_obj_t *member_repr(rp_obj_t *o)
{
    member_t *m = (member_t *)o;
    return rp_str_from_format("<member '%S' of '%s' objects>", m->name, rp_type_short_name(m->owner));
}

static int member_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    member_t *m = (member_t *)o;
    return visit(RP_OBJ(m->owner), arg);
}

static void member_dealloc(rp_obj_t *o)
{
    member_t *m = (member_t *)o;
    rp_gc_untrack(o);
    rp_decref(RP_OBJ(m->owner));
    rp_decref(m->name);
    rp_obj_free(o);
}

static rp_obj_t *member_get_name(rp_obj_t *o) { return rp_newref(((member_t *)o)->name); }
static rp_obj_t *member_get_objclass(rp_obj_t *o) { return rp_newref(RP_OBJ(((member_t *)o)->owner)); }
static rp_obj_t *member_get_doc(rp_obj_t *o) { return rp_newref(rp_None); }

static const rp_getset_def_t member_getsets[] = {
    {"__name__", member_get_name, NULL, NULL},
    {"__qualname__", member_get_name, NULL, NULL},
    {"__objclass__", member_get_objclass, NULL, NULL},
    {"__doc__", member_get_doc, NULL, NULL},
    {NULL},
};

static rp_obj_t *member_new(rp_type_t *owner, rp_obj_t *name, rp_ssize_t offset)
{
    member_t *m = (member_t *)rp_obj_alloc(&rp_type_member_descr, sizeof *m);
    if (m == NULL)
        return NULL;
    m->owner = owner;
    rp_incref(RP_OBJ(owner));
    m->name = rp_newref(name);
    m->offset = offset;
    rp_gc_track(RP_OBJ(m));
    return RP_OBJ(m);
}

// "__x" inside class C is stored as "_C__x" (leading underscores of the
// class name stripped), unless it ends with "__" or the class name is all
// underscores.  Returns a new reference.
static rp_obj_t *mangle(rp_type_t *type, rp_obj_t *name)
{
    rp_ssize_t n;
    const char *s = rp_str_utf8(name, &n);
    if (s == NULL)
        return NULL;
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_'))
        return rp_newref(name);
    const char *cls = type->name;
    while (*cls == '_')
        cls++;
    if (*cls == '\0')
        return rp_newref(name);
    return rp_str_from_format("_%s%S", cls, name);
}

static bool is_identifier(rp_obj_t *name)
{
    rp_obj_t *r = rp_str_m_isidentifier(name, NULL, 0, NULL);
    bool ok = r == rp_True;
    rp_xdecref(r);
    rp_err_clear();
    return ok;
}

int rp_slots_setup(rp_type_t *type, rp_type_t *base, rp_obj_t *dict, bool *add_dict,
                   bool *add_weak)
{
    rp_obj_t *slots = rp_dict_get_str_borrow(dict, RP_ID(__slots__));
    if (slots == NULL)
        return rp_err_occurred() ? -1 : 0;
    if (!(rp_type_member_descr.flags & RP_TPFLAG_READY) && rp_type_ready(&rp_type_member_descr) < 0)
        return -1;
    // As CPython: a str is one name, anything else becomes a tuple
    // (PySequence_Tuple: a tuple is used as it is).
    rp_obj_t *names;
    if (rp_str_check(slots))
        names = rp_tuple_pack(1, slots);
    else if (slots->type == &rp_type_tuple)
        names = rp_newref(slots);
    else if (slots->type == &rp_type_list)
        names = rp_list_as_tuple(slots);
    else
        names = rp_tuple_from_iterable(slots);
    if (names == NULL)
        return -1;
    bool want_dict = false, want_weak = false;
    rp_ssize_t n = rp_tuple_len(names), nslots = 0;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *name = rp_tuple_get_borrow(names, i);
        if (!rp_str_check(name)) {
            rp_err_format(&rp_exc_TypeError, "__slots__ items must be strings, not '%.200s'",
                          rp_type_name(name->type));
            goto fail;
        }
        if (!is_identifier(name)) {
            rp_err_set(&rp_exc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (rp_str_eq_cstr(name, "__dict__")) {
            if (want_dict || base->dict_offset != 0) {
                rp_err_set(&rp_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            want_dict = true;
            continue;
        }
        if (rp_str_eq_cstr(name, "__weakref__")) {
            if (want_weak || rp_type_lookup_borrow(base, RP_ID(__weakref__))) {
                rp_err_set(&rp_exc_TypeError, "__weakref__ slot disallowed: either we already got one, "
                                              "or __itemsize__ != 0");
                goto fail;
            }
            want_weak = true;
            continue;
        }
        nslots++;
    }
    if (nslots > 0 && (base->itemsize || (base->flags & (RP_TPFLAG_INT_SUBCLASS | RP_TPFLAG_TUPLE_SUBCLASS |
                                                         RP_TPFLAG_BYTES_SUBCLASS)))) {
        rp_err_format(&rp_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      base->name);
        goto fail;
    }
    // CPython (type_new_copy_slots) lists the mangled names, sorts them
    // and keeps them as a tuple (ht_slots); the members follow that order.
    rp_obj_t *sorted = rp_list_new(0);
    if (sorted == NULL)
        goto fail;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *name = rp_tuple_get_borrow(names, i);
        if (rp_str_eq_cstr(name, "__dict__") || rp_str_eq_cstr(name, "__weakref__"))
            continue;
        rp_obj_t *key = mangle(type, name);
        if (key == NULL || rp_list_append_take(sorted, key) < 0) {
            rp_decref(sorted);
            goto fail;
        }
        if (rp_dict_get_str_borrow(dict, key)) {
            rp_err_format(&rp_exc_ValueError, "%R in __slots__ conflicts with class variable", key);
            rp_decref(sorted);
            goto fail;
        }
    }
    if (rp_list_sort(sorted, NULL, false) < 0) {
        rp_decref(sorted);
        goto fail;
    }
    rp_setref(&type->heap_slots, rp_list_as_tuple(sorted));
    rp_decref(sorted);
    if (type->heap_slots == NULL)
        goto fail;
    for (rp_ssize_t i = 0; i < rp_tuple_len(type->heap_slots); i++) {
        rp_obj_t *key = rp_tuple_get_borrow(type->heap_slots, i);
        rp_obj_t *m = member_new(type, key, type->basicsize);
        int r = m ? rp_dict_set(dict, key, m) : -1;
        rp_xdecref(m);
        if (r < 0)
            goto fail;
        type->basicsize += (rp_ssize_t)sizeof(rp_obj_t *);
    }
    // The weakref attribute reads None and needs no instance word.
    if (want_weak && rp_type_add_getsets(type, rp_subtype_getset_weakref) < 0)
        goto fail;
    if (nslots > 0)
        type->flags |= RP_TPFLAG_HAS_SLOTS;
    *add_dict = want_dict;
    *add_weak = false;
    rp_decref(names);
    return 0;
fail:
    rp_decref(names);
    return -1;
}

int rp_slots_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    for (rp_type_t *t = o->type; t->flags & RP_TPFLAG_SLOTTED; t = t->base) {
        if (!(t->flags & RP_TPFLAG_HAS_SLOTS))
            continue;
        rp_ssize_t start = t->base->basicsize;
        rp_ssize_t end = t->basicsize - dict_words(t) * (rp_ssize_t)sizeof(rp_obj_t *);
        for (rp_ssize_t off = start; off < end; off += (rp_ssize_t)sizeof(rp_obj_t *)) {
            rp_obj_t *v = *(rp_obj_t **)((char *)o + off);
            int r;
            if (v && (r = visit(v, arg)))
                return r;
        }
    }
    return 0;
}

void rp_slots_clear(rp_obj_t *o)
{
    for (rp_type_t *t = o->type; t->flags & RP_TPFLAG_SLOTTED; t = t->base) {
        if (!(t->flags & RP_TPFLAG_HAS_SLOTS))
            continue;
        rp_ssize_t start = t->base->basicsize;
        rp_ssize_t end = t->basicsize - dict_words(t) * (rp_ssize_t)sizeof(rp_obj_t *);
        for (rp_ssize_t off = start; off < end; off += (rp_ssize_t)sizeof(rp_obj_t *))
            rp_clear((rp_obj_t **)((char *)o + off));
    }
}

rp_type_t rp_type_member_descr = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "member_descriptor",
    .basicsize = sizeof(member_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = member_dealloc,
    .repr = member_repr,
    .traverse = member_traverse,
    .descr_get = member_get,
    .descr_set = member_set,
    .getsets = member_getsets,
};
