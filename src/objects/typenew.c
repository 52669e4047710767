// Classes created at run time: type.__new__ / type(name, bases, dict)
// with the metaclass calculation, the C3 MRO, the solid base and the
// instance layout, implicit staticmethod/classmethod, __set_name__ and
// __init_subclass__.
#include <string.h>

#include "object.h"
#include "errors.h"
#include "exc.h"
#include "typeobj.h"
#include "typeslots.h"
#include "slots.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "memory/alloc.h"
#include "memory/gc.h"

// ---------------------------------------------------------------------
// Heap types: MRO and layout

static rp_obj_t *class_name_str(rp_obj_t *cls)
{
    if (rp_type_check(cls))
        return rp_str_from_cstr(rp_type_short_name((rp_type_t *)cls));
    return rp_obj_repr(cls);
}

static void set_mro_error(rp_obj_t **to_merge, rp_ssize_t *remain, rp_ssize_t n)
{
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    rp_strbuf_append_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    rp_obj_t *seen[64];
    int nseen = 0;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *L = to_merge[i];
        if (remain[i] >= rp_tuple_len(L))
            continue;
        rp_obj_t *c = rp_tuple_get_borrow(L, remain[i]);
        bool dup = false;
        for (int j = 0; j < nseen; j++)
            if (seen[j] == c)
                dup = true;
        if (!dup && nseen < 64)
            seen[nseen++] = c;
    }
    for (int j = 0; j < nseen; j++) {
        rp_obj_t *name = class_name_str(seen[j]);
        rp_strbuf_append_cstr(&b, " ");
        if (name) {
            rp_strbuf_append_str(&b, name);
            rp_decref(name);
        } else {
            rp_err_clear();
            rp_strbuf_append_cstr(&b, "?");
        }
        if (j + 1 < nseen)
            rp_strbuf_append_cstr(&b, ",");
    }
    rp_obj_t *msg = rp_strbuf_finish(&b);
    if (msg) {
        rp_err_set_value(&rp_exc_TypeError, msg);
        rp_decref(msg);
    }
}

static bool tail_contains(rp_obj_t *L, rp_ssize_t whence, rp_obj_t *o)
{
    for (rp_ssize_t j = whence + 1; j < rp_tuple_len(L); j++)
        if (rp_tuple_get_borrow(L, j) == o)
            return true;
    return false;
}

rp_obj_t *rp_type_c3_mro(rp_type_t *type)
{
    rp_obj_t *bases = type->bases;
    rp_ssize_t nb = rp_tuple_len(bases);
    if (nb == 1)
        return rp_type_mro_from_base(type, (rp_type_t *)rp_tuple_get_borrow(bases, 0));
    for (rp_ssize_t i = 0; i < nb; i++) {
        rp_obj_t *b = rp_tuple_get_borrow(bases, i);
        for (rp_ssize_t j = i + 1; j < nb; j++) {
            if (rp_tuple_get_borrow(bases, j) == b) {
                rp_obj_t *name = class_name_str(b);
                if (name) {
                    rp_err_format(&rp_exc_TypeError, "duplicate base class %S", name);
                    rp_decref(name);
                }
                return NULL;
            }
        }
    }
    rp_ssize_t n = nb + 1;
    rp_obj_t **to_merge = rp_mem_alloc(sizeof(rp_obj_t *) * (size_t)n);
    rp_ssize_t *remain = rp_mem_calloc((size_t)n, sizeof(rp_ssize_t));
    rp_obj_t *result = rp_list_new(0);
    rp_obj_t *mro = NULL;
    if (!to_merge || !remain || !result) {
        if (!rp_err_occurred())
            rp_err_nomemory();
        goto done;
    }
    for (rp_ssize_t i = 0; i < nb; i++)
        to_merge[i] = ((rp_type_t *)rp_tuple_get_borrow(bases, i))->mro;
    to_merge[nb] = bases;
    if (rp_list_append(result, RP_OBJ(type)) < 0)
        goto done;
    for (;;) {
        bool empty = true;
        rp_ssize_t i;
        for (i = 0; i < n; i++) {
            rp_obj_t *L = to_merge[i];
            if (remain[i] >= rp_tuple_len(L))
                continue;
            empty = false;
            rp_obj_t *cand = rp_tuple_get_borrow(L, remain[i]);
            bool bad = false;
            for (rp_ssize_t j = 0; j < n && !bad; j++)
                if (tail_contains(to_merge[j], remain[j], cand))
                    bad = true;
            if (bad)
                continue;
            if (rp_list_append(result, cand) < 0)
                goto done;
            for (rp_ssize_t j = 0; j < n; j++) {
                rp_obj_t *Lj = to_merge[j];
                if (remain[j] < rp_tuple_len(Lj) && rp_tuple_get_borrow(Lj, remain[j]) == cand)
                    remain[j]++;
            }
            break;
        }
        if (empty)
            break;
        if (i == n) {
            set_mro_error(to_merge, remain, n);
            goto done;
        }
    }
    mro = rp_list_as_tuple(result);
done:
    rp_mem_free(to_merge);
    rp_mem_free(remain);
    rp_xdecref(result);
    return mro;
}

static bool extra_ivars(rp_type_t *type, rp_type_t *base)
{
    if (type->itemsize || base->itemsize)
        return type->basicsize != base->basicsize || type->itemsize != base->itemsize;
    if (type->flags & RP_TPFLAG_HEAPTYPE)
        return (type->flags & RP_TPFLAG_HAS_SLOTS) != 0;  // else only dict/weakref words
    return type->basicsize != base->basicsize;
}

rp_type_t *rp_type_solid_base(rp_type_t *type)
{
    rp_type_t *base = type->base ? rp_type_solid_base(type->base) : &rp_type_object;
    if (type->base && extra_ivars(type, base))
        return type;
    if (!type->base && type != &rp_type_object)
        return type;
    return base;
}

static rp_type_t *best_base(rp_obj_t *bases)
{
    rp_type_t *base = NULL, *winner = NULL;
    for (rp_ssize_t i = 0; i < rp_tuple_len(bases); i++) {
        rp_obj_t *b = rp_tuple_get_borrow(bases, i);
        if (!rp_type_check(b)) {
            rp_err_set(&rp_exc_TypeError, "bases must be types");
            return NULL;
        }
        rp_type_t *bt = (rp_type_t *)b;
        if (!(bt->flags & RP_TPFLAG_READY) && rp_type_ready(bt) < 0)
            return NULL;
        if (!(bt->flags & RP_TPFLAG_BASETYPE)) {
            rp_err_format(&rp_exc_TypeError, "type '%.100s' is not an acceptable base type", bt->name);
            return NULL;
        }
        rp_type_t *cand = rp_type_solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        } else if (rp_type_is_subtype(winner, cand)) {
            ;
        } else if (rp_type_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            rp_err_set(&rp_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static rp_type_t *calculate_metaclass(rp_type_t *metatype, rp_obj_t *bases)
{
    rp_type_t *winner = metatype;
    for (rp_ssize_t i = 0; i < rp_tuple_len(bases); i++) {
        rp_type_t *t = rp_tuple_get_borrow(bases, i)->type;
        if (rp_type_is_subtype(winner, t))
            continue;
        if (rp_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        rp_err_set(&rp_exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a "
                   "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// ---------------------------------------------------------------------
// type.__new__ / type()

extern rp_obj_t *rp_vm_globals_borrow(void) __attribute__((weak));

static int set_names(rp_type_t *type)
{
    // Iterates over a copy of the dict, as CPython does (the copy is the
    // one gc allocation it makes here).
    rp_obj_t *names = rp_dict_copy(type->dict);
    if (!names)
        return -1;
    int res = 0;
    rp_ssize_t pos = 0;
    rp_obj_t *key, *value;
    while (rp_dict_next(names, &pos, &key, &value)) {
        bool unbound;
        rp_obj_t *f = rp_lookup_maybe_method(value, RP_ID(__set_name__), &unbound);
        if (!f) {
            if (rp_err_occurred()) {
                res = -1;
                break;
            }
            continue;
        }
        rp_obj_t *args[2] = { RP_OBJ(type), key };
        rp_obj_t *r = rp_call_unbound(unbound, f, value, args, 2, NULL);
        rp_decref(f);
        if (!r) {
            res = -1;
            break;
        }
        rp_decref(r);
    }
    rp_decref(names);
    return res;
}

static int init_subclass(rp_type_t *type, rp_obj_t *const *kwvals, rp_obj_t *kwnames)
{
    // super(type, type).__init_subclass__(**kwargs)
    rp_obj_t *mro = type->mro;
    rp_obj_t *func = NULL;
    for (rp_ssize_t i = 1; i < rp_tuple_len(mro); i++) {
        rp_type_t *t = (rp_type_t *)rp_tuple_get_borrow(mro, i);
        rp_obj_t *v = t->dict ? rp_dict_get_str_borrow(t->dict, RP_ID(__init_subclass__)) : NULL;
        if (v) {
            rp_descrgetfunc f = v->type->descr_get;
            func = f ? f(v, NULL, RP_OBJ(type)) : rp_newref(v);
            if (!func)
                return -1;
            break;
        }
    }
    if (!func)
        return 0;
    // CPython passes the keywords as a dict, unpacked into a tuple of
    // names for the call.
    rp_obj_t *names = kwnames ? rp_tuple_hold_temporary(rp_tuple_len(kwnames)) : NULL;
    rp_obj_t *r = rp_obj_call(func, kwvals, 0, kwnames);
    rp_tuple_release_temporary(names);
    rp_decref(func);
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

static rp_obj_t *type_new_impl(rp_type_t *metatype, rp_obj_t *name, rp_obj_t *bases,
                               rp_obj_t *ns, rp_obj_t *const *kwvals, rp_obj_t *kwnames)
{
    rp_type_t *winner = calculate_metaclass(metatype, bases);
    if (!winner)
        return NULL;
    if (winner != metatype && winner->new_ && winner->new_ != rp_type_type.new_) {
        rp_obj_t *args[3] = { name, bases, ns };
        size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
        rp_obj_t *stack[3 + 16];
        if (nkw > 16)
            return rp_err_format(&rp_exc_TypeError, "too many keyword arguments");
        memcpy(stack, args, sizeof args);
        if (nkw)
            memcpy(stack + 3, kwvals, sizeof(rp_obj_t *) * nkw);
        return winner->new_(winner, stack, 3, kwnames);
    }
    metatype = winner;

    rp_obj_t *own_bases = NULL;
    if (rp_tuple_len(bases) == 0) {
        own_bases = rp_tuple_pack(1, RP_OBJ(&rp_type_object));
        if (!own_bases)
            return NULL;
        bases = own_bases;
    } else {
        rp_incref(bases);
        own_bases = bases;
    }
    rp_type_t *base = best_base(bases);
    if (!base) {
        rp_decref(own_bases);
        return NULL;
    }
    rp_obj_t *dict = rp_dict_copy(ns);
    if (!dict) {
        rp_decref(own_bases);
        return NULL;
    }
    rp_type_t *type = (rp_type_t *)rp_obj_alloc(metatype, (size_t)metatype->basicsize);
    if (!type) {
        rp_decref(own_bases);
        rp_decref(dict);
        return NULL;
    }
    memset((char *)type + sizeof(rp_obj_t), 0, (size_t)metatype->basicsize - sizeof(rp_obj_t));
    type->flags = RP_TPFLAG_HEAPTYPE | RP_TPFLAG_BASETYPE | RP_TPFLAG_GC | RP_TPFLAG_READYING;
    type->bases = own_bases;
    type->base = base;
    rp_incref(RP_OBJ(base));
    type->dict = dict;
    type->heap_name = rp_newref(name);
    type->name = rp_str_utf8(name, NULL);
    if (!type->name)
        goto fail;

    // __module__
    if (!rp_dict_get_str_borrow(dict, RP_ID(__module__))) {
        rp_obj_t *g = rp_vm_globals_borrow ? rp_vm_globals_borrow() : NULL;
        rp_obj_t *m = g ? rp_dict_get_str_borrow(g, RP_ID(__name__)) : NULL;
        if (m && rp_dict_set(dict, RP_ID(__module__), m) < 0)
            goto fail;
    }
    // __qualname__
    rp_obj_t *qual = NULL;
    if (rp_dict_pop_if_present(dict, RP_ID(__qualname__), &qual) < 0)
        goto fail;
    if (qual && !rp_str_check(qual)) {
        rp_err_format(&rp_exc_TypeError, "type __qualname__ must be a str, not %s",
                      rp_type_name(qual->type));
        rp_decref(qual);
        goto fail;
    }
    type->heap_qualname = qual ? qual : rp_newref(name);
    rp_obj_t *cell = NULL;
    if (rp_dict_pop_if_present(dict, RP_ID(__classcell__), &cell) < 0)
        goto fail;
    if (cell && cell->type != &rp_type_cell) {
        rp_err_format(&rp_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                      RP_OBJ(cell->type));
        rp_decref(cell);
        goto fail;
    }
    // Implicit staticmethod / classmethod.
    rp_obj_t *v = rp_dict_get_str_borrow(dict, RP_ID(__new__));
    if (v && rp_func_check(v)) {
        rp_obj_t *sm = rp_staticmethod_new(v);
        if (!sm || rp_dict_set(dict, RP_ID(__new__), sm) < 0) {
            rp_xdecref(sm);
            rp_xdecref(cell);
            goto fail;
        }
        rp_decref(sm);
    }
    int ids[2] = { RP_ID___init_subclass__, RP_ID___class_getitem__ };
    for (int k = 0; k < 2; k++) {
        v = rp_dict_get_str_borrow(dict, rp_id(ids[k]));
        if (v && rp_func_check(v)) {
            rp_obj_t *cm = rp_classmethod_new(v);
            if (!cm || rp_dict_set(dict, rp_id(ids[k]), cm) < 0) {
                rp_xdecref(cm);
                rp_xdecref(cell);
                goto fail;
            }
            rp_decref(cm);
        }
    }

    // Layout.
    type->basicsize = base->basicsize;
    type->itemsize = base->itemsize;
    type->dict_offset = base->dict_offset;
    bool add_dict = base->dict_offset == 0;
    bool add_weak = base->itemsize == 0 && !(base->flags & RP_TPFLAG_HEAPTYPE);
    if (rp_slots_setup(type, base, dict, &add_dict, &add_weak) < 0) {
        rp_xdecref(cell);
        goto fail;
    }
    if (base->flags & (RP_TPFLAG_SLOTTED | RP_TPFLAG_HAS_SLOTS) || type->flags & RP_TPFLAG_HAS_SLOTS)
        type->flags |= RP_TPFLAG_SLOTTED;
    if (add_dict) {
        if (base->itemsize) {
            type->dict_offset = -(rp_ssize_t)sizeof(rp_obj_t *);
            type->basicsize += sizeof(rp_obj_t *);
        } else {
            type->dict_offset = type->basicsize;
            type->basicsize += 2 * sizeof(rp_obj_t *);
        }
    }
    if (add_weak)
        type->basicsize += sizeof(rp_obj_t *);
    if (add_dict && rp_type_add_getsets(type, rp_subtype_getset_dict) < 0) {
        rp_xdecref(cell);
        goto fail;
    }
    if (add_weak && rp_type_add_getsets(type, rp_subtype_getset_weakref) < 0) {
        rp_xdecref(cell);
        goto fail;
    }
    if (!rp_dict_get_str_borrow(dict, RP_ID(__doc__)) && rp_dict_set(dict, RP_ID(__doc__), rp_None) < 0) {
        rp_xdecref(cell);
        goto fail;
    }
    if (rp_dict_get_str_borrow(dict, RP_ID(__eq__)) && !rp_dict_get_str_borrow(dict, RP_ID(__hash__)) &&
        rp_dict_set(dict, RP_ID(__hash__), rp_None) < 0) {
        rp_xdecref(cell);
        goto fail;
    }

    type->mro = rp_type_c3_mro(type);
    if (!type->mro) {
        rp_xdecref(cell);
        goto fail;
    }
    if (metatype != &rp_type_type) {
        // With a metaclass CPython calls its mro() method, which returns
        // the tuple as a list (freed once converted back).
        rp_obj_t *lst = rp_list_new(0);
        if (!lst) {
            rp_xdecref(cell);
            goto fail;
        }
        rp_decref(lst);
    }
    // Slots: start from the base's, then the dunder methods decide.
    rp_type_inherit_slots(type, base);
    type->flags |= RP_TPFLAG_GC;
    if (rp_gc_type_wants_inline_values(type))
        type->flags |= RP_TPFLAG_INLINE_VALUES;
    type->dealloc = rp_subtype_dealloc;
    type->traverse = rp_subtype_traverse;
    type->clear = rp_subtype_clear;
    type->methods = NULL;
    type->getsets = NULL;
    rp_type_assign_version(type);
    rp_type_fixup_slots(type);
    for (rp_ssize_t i = 0; i < rp_tuple_len(type->bases); i++) {
        if (rp_type_add_subclass((rp_type_t *)rp_tuple_get_borrow(type->bases, i), type) < 0) {
            rp_xdecref(cell);
            goto fail;
        }
    }
    type->flags = (type->flags & ~RP_TPFLAG_READYING) | RP_TPFLAG_READY;
    if (metatype->flags & RP_TPFLAG_GC)
        rp_gc_track(RP_OBJ(type));
    if (cell) {
        rp_setref(&((rp_cell_t *)cell)->ref, rp_newref(RP_OBJ(type)));
        rp_decref(cell);
    }
    if (set_names(type) < 0 || init_subclass(type, kwvals, kwnames) < 0) {
        rp_decref(RP_OBJ(type));
        return NULL;
    }
    return RP_OBJ(type);
fail:
    type->flags &= ~RP_TPFLAG_READYING;
    rp_decref(RP_OBJ(type));
    return NULL;
}

rp_obj_t *rp_type_new_heap(rp_obj_t *name, rp_obj_t *bases, rp_obj_t *ns)
{
    return type_new_impl(&rp_type_type, name, bases, ns, NULL, NULL);
}

rp_obj_t *rp_type_new_slot(rp_type_t *metatype, rp_obj_t *const *args, size_t nargs,
                          rp_obj_t *kwnames)
{
    if (nargs != 3)
        return rp_err_format(&rp_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                             nargs);
    if (!rp_str_check(args[0]))
        return rp_err_format(&rp_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             rp_type_name(args[0]->type));
    if (!rp_tuple_check(args[1]))
        return rp_err_format(&rp_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             rp_type_name(args[1]->type));
    if (!rp_dict_check(args[2]))
        return rp_err_format(&rp_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             rp_type_name(args[2]->type));
    return type_new_impl(metatype, args[0], args[1], args[2], args + 3, kwnames);
}

int rp_type_init_slot(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        rp_err_set(&rp_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}
