// Slot dispatch for classes: the table linking dunder names to rp_type_t
// slots, the generic slot functions that call the dunder methods found on
// the MRO, and the choice of slot functions when a class is created or a
// dunder attribute is assigned.
#include <stdio.h>
#include <string.h>

#include "object.h"
#include "errors.h"
#include "exc.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "rangeobj.h"
#include "memory/alloc.h"
#include "memory/gc.h"

// ---------------------------------------------------------------------
// Identifiers

rp_obj_t *rp_ids[RP_ID_COUNT];

static const char *const id_names[RP_ID_COUNT] = {
#define RP_ID_NAME(n) #n,
    RP_ID_LIST(RP_ID_NAME)
#undef RP_ID_NAME
};

rp_obj_t *rp_id_slow(int id)
{
    rp_obj_t *s = rp_str_intern_cstr(id_names[id]);
    if (!s) {
        rp_err_clear();
        return rp_None;     // never reached in practice; keeps callers safe
    }
    rp_ids[id] = s;
    return s;
}

static rp_obj_t *binop_dunders[13][3];

rp_obj_t *rp_binop_dunder(int op, int kind)
{
    rp_obj_t *s = binop_dunders[op][kind];
    if (s)
        return s;
    char buf[32];
    static const char *const prefix[3] = { "", "r", "i" };
    snprintf(buf, sizeof buf, "__%s%s__", prefix[kind], rp_binop_names[op]);
    s = rp_str_intern_cstr(buf);
    if (!s) {
        rp_err_clear();
        return rp_None;
    }
    binop_dunders[op][kind] = s;
    return s;
}

void rp_ids_init(void)
{
    for (int i = 0; i < RP_ID_COUNT; i++)
        rp_id(i);
    for (int op = 0; op < 13; op++)
        for (int kind = 0; kind < 3; kind++)
            rp_binop_dunder(op, kind);
}

// ---------------------------------------------------------------------
// Lookup and calling helpers

extern rp_type_t rp_type_function;

bool rp_is_method_descriptor(const rp_type_t *t)
{
    return t == &rp_type_function || t == &rp_type_method_descr || t == &rp_type_wrapper_descr;
}

rp_obj_t *rp_lookup_maybe_method(rp_obj_t *self, rp_obj_t *name, bool *unbound)
{
    rp_obj_t *res = rp_type_lookup_borrow(self->type, name);
    if (!res)
        return NULL;
    if (rp_is_method_descriptor(res->type)) {
        *unbound = true;
        return rp_newref(res);
    }
    *unbound = false;
    rp_descrgetfunc f = res->type->descr_get;
    if (!f)
        return rp_newref(res);
    rp_incref(res);
    rp_obj_t *r = f(res, self, RP_OBJ(self->type));
    rp_decref(res);
    return r;
}

rp_obj_t *rp_call_unbound(bool unbound, rp_obj_t *func, rp_obj_t *self,
                          rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    if (unbound)
        return rp_call_prepend(func, self, args, nargs, kwnames);
    return rp_obj_call(func, args, nargs, kwnames);
}

// Like rp_lookup_maybe_method but AttributeError(name) when absent
// (CPython's vectorcall_method).
static rp_obj_t *call_method(rp_obj_t *self, rp_obj_t *name, rp_obj_t *const *args, size_t nargs)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, name, &unbound);
    if (!f) {
        if (!rp_err_occurred())
            rp_err_set_value(&rp_exc_AttributeError, name);
        return NULL;
    }
    rp_obj_t *r = rp_call_unbound(unbound, f, self, args, nargs, NULL);
    rp_decref(f);
    return r;
}

// Calls the method if present; NotImplemented when absent.
static rp_obj_t *call_maybe(rp_obj_t *self, rp_obj_t *name, rp_obj_t *const *args, size_t nargs)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, name, &unbound);
    if (!f) {
        if (rp_err_occurred())
            return NULL;
        return rp_newref(rp_NotImplemented);
    }
    rp_obj_t *r = rp_call_unbound(unbound, f, self, args, nargs, NULL);
    rp_decref(f);
    return r;
}

// ---------------------------------------------------------------------
// Objects whose __del__ already ran (PEP 442: at most once).  A small
// open-addressing set of addresses; entries leave when the object dies.

static uintptr_t *fin_set;
static size_t fin_cap, fin_used;     // used counts live + tombstones
#define FIN_TOMB ((uintptr_t)1)

static size_t fin_slot(uintptr_t p, size_t cap)
{
    return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull) & (cap - 1);
}

static void fin_grow(void)
{
    size_t ncap = fin_cap ? fin_cap * 2 : 64;
    uintptr_t *nset = rp_mem_calloc(ncap, sizeof(uintptr_t));
    if (!nset)
        return;
    size_t used = 0;
    for (size_t i = 0; i < fin_cap; i++) {
        uintptr_t p = fin_set[i];
        if (p > FIN_TOMB) {
            size_t j = fin_slot(p, ncap);
            while (nset[j])
                j = (j + 1) & (ncap - 1);
            nset[j] = p;
            used++;
        }
    }
    rp_mem_free(fin_set);
    fin_set = nset;
    fin_cap = ncap;
    fin_used = used;
}

void rp_finalized_mark(rp_obj_t *o)
{
    if ((fin_used + 1) * 2 > fin_cap)
        fin_grow();
    if (!fin_cap)
        return;
    uintptr_t p = (uintptr_t)o;
    size_t j = fin_slot(p, fin_cap);
    while (fin_set[j] > FIN_TOMB) {
        if (fin_set[j] == p)
            return;
        j = (j + 1) & (fin_cap - 1);
    }
    if (!fin_set[j])
        fin_used++;
    fin_set[j] = p;
}

bool rp_finalized_test(rp_obj_t *o)
{
    if (!fin_cap)
        return false;
    uintptr_t p = (uintptr_t)o;
    size_t j = fin_slot(p, fin_cap);
    while (fin_set[j]) {
        if (fin_set[j] == p)
            return true;
        j = (j + 1) & (fin_cap - 1);
    }
    return false;
}

void rp_finalized_forget(rp_obj_t *o)
{
    if (!fin_cap)
        return;
    uintptr_t p = (uintptr_t)o;
    size_t j = fin_slot(p, fin_cap);
    while (fin_set[j]) {
        if (fin_set[j] == p) {
            fin_set[j] = FIN_TOMB;
            return;
        }
        j = (j + 1) & (fin_cap - 1);
    }
}

// ---------------------------------------------------------------------
// Generic slot functions for classes

static rp_obj_t *slot_repr(rp_obj_t *self)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__repr__), &unbound);
    if (!f)
        return rp_err_occurred() ? NULL : rp_object_default_repr(self);
    rp_obj_t *r = rp_call_unbound(unbound, f, self, NULL, 0, NULL);
    rp_decref(f);
    return r;
}

static rp_obj_t *slot_str(rp_obj_t *self)
{
    return call_method(self, RP_ID(__str__), NULL, 0);
}

static rp_hash_t slot_hash(rp_obj_t *self)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__hash__), &unbound);
    if (!f || f == rp_None) {
        rp_xdecref(f);
        if (rp_err_occurred())
            return -1;
        return rp_obj_hash_not_implemented(self);
    }
    rp_obj_t *r = rp_call_unbound(unbound, f, self, NULL, 0, NULL);
    rp_decref(f);
    if (!r)
        return -1;
    if (!rp_int_check(r)) {
        rp_decref(r);
        rp_err_set(&rp_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    rp_hash_t h;
    if (rp_int_is_small(r)) {
        h = (rp_hash_t)rp_int_small_value(r);
        if (h == -1)
            h = -2;
    } else {
        h = rp_int_hash(r);
    }
    rp_decref(r);
    return h;
}

static rp_obj_t *slot_call(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__call__), &unbound);
    if (!f) {
        if (!rp_err_occurred())
            rp_err_format(&rp_exc_TypeError, "'%.200s' object is not callable",
                          rp_type_name(self->type));
        return NULL;
    }
    rp_obj_t *r = rp_call_unbound(unbound, f, self, args, nargs, kwnames);
    rp_decref(f);
    return r;
}

// Calls attr (found on the type) with self and name, binding it first.
static rp_obj_t *call_attribute(rp_obj_t *self, rp_obj_t *attr, rp_obj_t *name)
{
    if (rp_is_method_descriptor(attr->type))
        return rp_call_prepend(attr, self, &name, 1, NULL);
    rp_descrgetfunc f = attr->type->descr_get;
    rp_obj_t *bound = f ? f(attr, self, RP_OBJ(self->type)) : rp_newref(attr);
    if (!bound)
        return NULL;
    rp_obj_t *r = rp_obj_call(bound, &name, 1, NULL);
    rp_decref(bound);
    return r;
}

static rp_obj_t *slot_getattr_hook(rp_obj_t *self, rp_obj_t *name)
{
    rp_type_t *tp = self->type;
    rp_obj_t *getattr = rp_type_lookup_borrow(tp, RP_ID(__getattr__));
    rp_obj_t *getattribute = rp_type_lookup_borrow(tp, RP_ID(__getattribute__));
    rp_obj_t *res;
    if (getattr)
        rp_incref(getattr);
    if (!getattribute ||
        (getattribute->type == &rp_type_wrapper_descr &&
         ((rp_wrapper_descr_t *)getattribute)->wrapped == (void *)rp_obj_generic_getattr)) {
        res = rp_generic_getattr_impl(self, name, getattr != NULL);
    } else {
        rp_incref(getattribute);
        res = call_attribute(self, getattribute, name);
        rp_decref(getattribute);
    }
    if (!res && getattr && (!rp_err_occurred() || rp_err_matches(&rp_exc_AttributeError))) {
        rp_err_clear();
        res = call_attribute(self, getattr, name);
    }
    rp_xdecref(getattr);
    return res;
}

static int slot_setattr(rp_obj_t *self, rp_obj_t *name, rp_obj_t *value)
{
    rp_obj_t *r;
    if (!value) {
        r = call_method(self, RP_ID(__delattr__), &name, 1);
    } else {
        rp_obj_t *args[2] = { name, value };
        r = call_method(self, RP_ID(__setattr__), args, 2);
    }
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

static const int richcmp_ids[6] = {
    RP_ID___lt__, RP_ID___le__, RP_ID___eq__, RP_ID___ne__, RP_ID___gt__, RP_ID___ge__,
};

static rp_obj_t *slot_richcompare(rp_obj_t *self, rp_obj_t *other, int op)
{
    return call_maybe(self, rp_id(richcmp_ids[op]), &other, 1);
}

static rp_obj_t *slot_iter(rp_obj_t *self)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__iter__), &unbound);
    if (f == rp_None) {
        rp_decref(f);
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not iterable",
                             rp_type_name(self->type));
    }
    if (f) {
        rp_obj_t *r = rp_call_unbound(unbound, f, self, NULL, 0, NULL);
        rp_decref(f);
        return r;
    }
    if (rp_err_occurred())
        return NULL;
    if (!rp_type_lookup_borrow(self->type, RP_ID(__getitem__)))
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not iterable",
                             rp_type_name(self->type));
    return rp_seq_iter_new(self);
}

static rp_obj_t *slot_iternext(rp_obj_t *self)
{
    rp_obj_t *r = call_method(self, RP_ID(__next__), NULL, 0);
    if (!r && rp_err_matches(&rp_exc_StopIteration))
        rp_err_clear();
    return r;
}

static rp_obj_t *slot_descr_get(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *type)
{
    rp_obj_t *get = rp_type_lookup_borrow(self->type, RP_ID(__get__));
    if (!get)
        return rp_newref(self);
    rp_obj_t *args[3] = { self, obj ? obj : rp_None, type ? type : rp_None };
    rp_incref(get);
    rp_obj_t *r;
    if (rp_is_method_descriptor(get->type)) {
        r = rp_obj_call(get, args, 3, NULL);
    } else {
        rp_descrgetfunc f = get->type->descr_get;
        rp_obj_t *bound = f ? f(get, self, RP_OBJ(self->type)) : rp_newref(get);
        r = bound ? rp_obj_call(bound, args + 1, 2, NULL) : NULL;
        rp_xdecref(bound);
    }
    rp_decref(get);
    return r;
}

static int slot_descr_set(rp_obj_t *self, rp_obj_t *obj, rp_obj_t *value)
{
    rp_obj_t *r;
    if (!value) {
        r = call_method(self, RP_ID(__delete__), &obj, 1);
    } else {
        rp_obj_t *args[2] = { obj, value };
        r = call_method(self, RP_ID(__set__), args, 2);
    }
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

static int slot_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__init__), &unbound);
    if (!f) {
        if (!rp_err_occurred())
            rp_err_set_value(&rp_exc_AttributeError, RP_ID(__init__));
        return -1;
    }
    // CPython passes the keyword arguments on as a dict, which the call
    // unpacks into a tuple of their names (_PyStack_UnpackDict).
    rp_obj_t *names = kwnames ? rp_tuple_hold_temporary(rp_tuple_len(kwnames)) : NULL;
    rp_obj_t *r = rp_call_unbound(unbound, f, self, args, nargs, kwnames);
    rp_tuple_release_temporary(names);
    rp_decref(f);
    if (!r)
        return -1;
    if (r != rp_None) {
        rp_err_format(&rp_exc_TypeError, "__init__() should return None, not '%.200s'",
                      rp_type_name(r->type));
        rp_decref(r);
        return -1;
    }
    rp_decref(r);
    return 0;
}

static rp_obj_t *slot_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_obj_t *f = rp_obj_getattr(RP_OBJ(type), RP_ID(__new__));
    if (!f)
        return NULL;
    // As in slot_init: the keyword names become a tuple for the call.
    rp_obj_t *names = kwnames ? rp_tuple_hold_temporary(rp_tuple_len(kwnames)) : NULL;
    rp_obj_t *r = rp_call_prepend(f, RP_OBJ(type), args, nargs, kwnames);
    rp_tuple_release_temporary(names);
    rp_decref(f);
    return r;
}

static void slot_finalize(rp_obj_t *self)
{
    rp_obj_t *saved = rp_err_fetch();
    bool unbound;
    rp_obj_t *del = rp_lookup_maybe_method(self, RP_ID(__del__), &unbound);
    if (del) {
        rp_obj_t *r = rp_call_unbound(unbound, del, self, NULL, 0, NULL);
        if (!r)
            rp_err_write_unraisable(del);
        else
            rp_decref(r);
        rp_decref(del);
    } else if (rp_err_occurred()) {
        rp_err_write_unraisable(self);
    }
    rp_err_restore(saved);
}

static bool overrides(rp_obj_t *self, rp_obj_t *other, rp_obj_t *name)
{
    // method_is_overloaded: type(other).name is not type(self).name.
    rp_obj_t *a = rp_type_lookup_borrow(other->type, name);
    if (!a)
        return false;
    rp_obj_t *b = rp_type_lookup_borrow(self->type, name);
    return a != b;
}

static rp_obj_t *slot_binop(rp_obj_t *self, rp_obj_t *other, int op);

static rp_obj_t *slot_binop(rp_obj_t *self, rp_obj_t *other, int op)
{
    if (op >= RP_BINOP_INPLACE)
        return call_maybe(self, rp_binop_dunder(op - RP_BINOP_INPLACE, 2), &other, 1);
    rp_obj_t *opname = rp_binop_dunder(op, 0), *ropname = rp_binop_dunder(op, 1);
    bool do_other = self->type != other->type && other->type->binary_op == slot_binop;
    if (self->type->binary_op == slot_binop) {
        rp_obj_t *r;
        if (do_other && rp_type_is_subtype(other->type, self->type) &&
            overrides(self, other, ropname)) {
            r = call_maybe(other, ropname, &self, 1);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
            do_other = false;
        }
        r = call_maybe(self, opname, &other, 1);
        if (r != rp_NotImplemented || other->type == self->type)
            return r;
        rp_decref(r);
    }
    if (do_other)
        return call_maybe(other, ropname, &self, 1);
    return rp_newref(rp_NotImplemented);
}

static const int unop_ids[4] = { RP_ID___neg__, RP_ID___pos__, RP_ID___invert__, RP_ID___abs__ };

static rp_obj_t *slot_unop(rp_obj_t *self, int op)
{
    return call_maybe(self, rp_id(unop_ids[op & 3]), NULL, 0);
}

static int slot_bool(rp_obj_t *self)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__bool__), &unbound);
    bool using_len = false;
    if (!f) {
        if (rp_err_occurred())
            return -1;
        f = rp_lookup_maybe_method(self, RP_ID(__len__), &unbound);
        if (!f)
            return rp_err_occurred() ? -1 : 1;
        using_len = true;
    }
    rp_obj_t *r = rp_call_unbound(unbound, f, self, NULL, 0, NULL);
    rp_decref(f);
    if (!r)
        return -1;
    int res;
    if (using_len || r == rp_True || r == rp_False) {
        res = rp_obj_is_true(r);
    } else {
        rp_err_format(&rp_exc_TypeError, "__bool__ should return bool, returned %.200s",
                      rp_type_name(r->type));
        res = -1;
    }
    rp_decref(r);
    return res;
}

static rp_obj_t *slot_int(rp_obj_t *self)
{
    return call_method(self, RP_ID(__int__), NULL, 0);
}

static rp_obj_t *slot_float(rp_obj_t *self)
{
    return call_method(self, RP_ID(__float__), NULL, 0);
}

static rp_obj_t *slot_index(rp_obj_t *self)
{
    return call_method(self, RP_ID(__index__), NULL, 0);
}

static rp_ssize_t slot_len(rp_obj_t *self)
{
    rp_obj_t *r = call_method(self, RP_ID(__len__), NULL, 0);
    if (!r)
        return -1;
    rp_obj_t *i = rp_number_index(r);
    rp_decref(r);
    if (!i)
        return -1;
    if (rp_int_sign(i) < 0) {
        rp_decref(i);
        rp_err_set(&rp_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    rp_ssize_t n = rp_number_as_ssize(i, &rp_exc_OverflowError);
    rp_decref(i);
    return n;
}

static rp_obj_t *slot_getitem(rp_obj_t *self, rp_obj_t *key)
{
    return call_method(self, RP_ID(__getitem__), &key, 1);
}

static int slot_setitem(rp_obj_t *self, rp_obj_t *key, rp_obj_t *value)
{
    rp_obj_t *r;
    if (!value) {
        r = call_method(self, RP_ID(__delitem__), &key, 1);
    } else {
        rp_obj_t *args[2] = { key, value };
        r = call_method(self, RP_ID(__setitem__), args, 2);
    }
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

static int slot_contains(rp_obj_t *self, rp_obj_t *value)
{
    bool unbound;
    rp_obj_t *f = rp_lookup_maybe_method(self, RP_ID(__contains__), &unbound);
    if (f == rp_None) {
        rp_decref(f);
        rp_err_format(&rp_exc_TypeError, "'%.200s' object is not a container",
                      rp_type_name(self->type));
        return -1;
    }
    if (f) {
        rp_obj_t *r = rp_call_unbound(unbound, f, self, &value, 1, NULL);
        rp_decref(f);
        if (!r)
            return -1;
        int res = rp_obj_is_true(r);
        rp_decref(r);
        return res;
    }
    if (rp_err_occurred())
        return -1;
    // Iterate (CPython's _PySequence_IterSearch).
    rp_obj_t *it = rp_obj_iter(self);
    if (!it) {
        if (rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            rp_err_format(&rp_exc_TypeError, "argument of type '%.200s' is not iterable",
                          rp_type_name(self->type));
        }
        return -1;
    }
    int found = 0;
    for (;;) {
        rp_obj_t *x = rp_iter_next(it);
        if (!x) {
            if (rp_err_occurred())
                found = -1;
            break;
        }
        int cmp = rp_obj_richcompare_bool(x, value, RP_EQ);
        rp_decref(x);
        if (cmp != 0) {
            found = cmp;
            break;
        }
    }
    rp_decref(it);
    return found;
}

// ---------------------------------------------------------------------
// The table

#define OFF(slot) offsetof(rp_type_t, slot)
#define SD(name, slot, kind, op, gen) { name, OFF(slot), kind, op, (void *)(gen), 0 }
#define BIN(n, op) \
    SD("__" n "__", binary_op, RP_W_BINOP, op, slot_binop), \
    SD("__r" n "__", binary_op, RP_W_RBINOP, op, slot_binop)
#define IBIN(n, op) SD("__i" n "__", binary_op, RP_W_IBINOP, op, slot_binop)

const rp_slotdef_t rp_slotdefs[] = {
    SD("__repr__", repr, RP_W_UNARY, 0, slot_repr),
    SD("__hash__", hash, RP_W_HASH, 0, slot_hash),
    SD("__call__", call, RP_W_CALL, 0, slot_call),
    SD("__str__", str, RP_W_UNARY, 0, slot_str),
    SD("__getattribute__", getattr, RP_W_GETATTR, 0, slot_getattr_hook),
    SD("__getattr__", getattr, RP_W_NONE, 0, slot_getattr_hook),
    SD("__setattr__", setattr, RP_W_SETATTR, 0, slot_setattr),
    SD("__delattr__", setattr, RP_W_DELATTR, 0, slot_setattr),
    SD("__lt__", richcompare, RP_W_RICHCMP, RP_LT, slot_richcompare),
    SD("__le__", richcompare, RP_W_RICHCMP, RP_LE, slot_richcompare),
    SD("__eq__", richcompare, RP_W_RICHCMP, RP_EQ, slot_richcompare),
    SD("__ne__", richcompare, RP_W_RICHCMP, RP_NE, slot_richcompare),
    SD("__gt__", richcompare, RP_W_RICHCMP, RP_GT, slot_richcompare),
    SD("__ge__", richcompare, RP_W_RICHCMP, RP_GE, slot_richcompare),
    SD("__iter__", iter, RP_W_UNARY, 0, slot_iter),
    SD("__next__", next, RP_W_NEXT, 0, slot_iternext),
    SD("__get__", descr_get, RP_W_DESCR_GET, 0, slot_descr_get),
    SD("__set__", descr_set, RP_W_DESCR_SET, 0, slot_descr_set),
    SD("__delete__", descr_set, RP_W_DESCR_DELETE, 0, slot_descr_set),
    SD("__init__", init, RP_W_INIT, 0, slot_init),
    SD("__new__", new_, RP_W_NONE, 0, slot_new),
    SD("__del__", finalize, RP_W_DEL, 0, slot_finalize),
    BIN("add", RP_BINOP_ADD),
    BIN("sub", RP_BINOP_SUB),
    BIN("mul", RP_BINOP_MUL),
    BIN("mod", RP_BINOP_MOD),
    BIN("pow", RP_BINOP_POW),
    SD("__neg__", unary_op, RP_W_UNOP, RP_UNOP_NEG, slot_unop),
    SD("__pos__", unary_op, RP_W_UNOP, RP_UNOP_POS, slot_unop),
    SD("__abs__", unary_op, RP_W_UNOP, RP_UNOP_ABS, slot_unop),
    SD("__bool__", bool_, RP_W_BOOL, 0, slot_bool),
    SD("__invert__", unary_op, RP_W_UNOP, RP_UNOP_INVERT, slot_unop),
    BIN("lshift", RP_BINOP_LSHIFT),
    BIN("rshift", RP_BINOP_RSHIFT),
    BIN("and", RP_BINOP_AND),
    BIN("xor", RP_BINOP_XOR),
    BIN("or", RP_BINOP_OR),
    SD("__int__", int_, RP_W_UNARY, 0, slot_int),
    SD("__float__", float_, RP_W_UNARY, 0, slot_float),
    IBIN("add", RP_BINOP_ADD),
    IBIN("sub", RP_BINOP_SUB),
    IBIN("mul", RP_BINOP_MUL),
    IBIN("mod", RP_BINOP_MOD),
    IBIN("pow", RP_BINOP_POW),
    IBIN("lshift", RP_BINOP_LSHIFT),
    IBIN("rshift", RP_BINOP_RSHIFT),
    IBIN("and", RP_BINOP_AND),
    IBIN("xor", RP_BINOP_XOR),
    IBIN("or", RP_BINOP_OR),
    BIN("floordiv", RP_BINOP_FLOORDIV),
    BIN("truediv", RP_BINOP_TRUEDIV),
    IBIN("floordiv", RP_BINOP_FLOORDIV),
    IBIN("truediv", RP_BINOP_TRUEDIV),
    SD("__index__", index, RP_W_UNARY, 0, slot_index),
    BIN("matmul", RP_BINOP_MATMUL),
    IBIN("matmul", RP_BINOP_MATMUL),
    SD("__len__", len, RP_W_LEN, 0, slot_len),
    SD("__getitem__", getitem, RP_W_GETITEM, 0, slot_getitem),
    SD("__setitem__", setitem, RP_W_SETITEM, 0, slot_setitem),
    SD("__delitem__", setitem, RP_W_DELITEM, 0, slot_setitem),
    SD("__contains__", contains, RP_W_CONTAINS, 0, slot_contains),
    {NULL},
};

#define NSLOTDEFS (sizeof rp_slotdefs / sizeof rp_slotdefs[0] - 1)

static rp_obj_t *slotdef_names[NSLOTDEFS];

void rp_slotdef_names_clear(void)
{
    for (size_t i = 0; i < NSLOTDEFS; i++)
        rp_clear(&slotdef_names[i]);
}

rp_obj_t *rp_slotdef_name(int i)
{
    rp_obj_t *s = slotdef_names[i];
    if (!s) {
        s = rp_str_intern_cstr(rp_slotdefs[i].name);
        if (!s) {
            rp_err_clear();
            return rp_None;
        }
        slotdef_names[i] = s;
    }
    return s;
}

void rp_typeslots_warm(void)
{
    for (int i = 0; i < RP_ID_COUNT; i++)
        (void)rp_id(i);
    for (int op = 0; op < 13; op++)
        for (int kind = 0; kind < 3; kind++)
            (void)rp_binop_dunder(op, kind);
    for (int i = 0; i < (int)NSLOTDEFS; i++)
        (void)rp_slotdef_name(i);
}

// ---------------------------------------------------------------------
// Choosing the slot functions of a class

static void *choose_slot(rp_type_t *type, size_t offset)
{
    void *specific = NULL, *generic = NULL;
    bool any = false, use_generic = false;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const rp_slotdef_t *d = &rp_slotdefs[i];
        if (d->offset != offset)
            continue;
        generic = d->generic;
        rp_obj_t *descr = rp_type_lookup_borrow(type, rp_slotdef_name((int)i));
        if (!descr)
            continue;
        any = true;
        void *cand = NULL;
        if (descr->type == &rp_type_wrapper_descr &&
            ((rp_wrapper_descr_t *)descr)->def->offset == offset) {
            cand = ((rp_wrapper_descr_t *)descr)->wrapped;
        } else if (offset == OFF(hash) && descr == rp_None) {
            cand = (void *)rp_obj_hash_not_implemented;
        } else if (offset == OFF(new_) && descr->type == &rp_type_builtin_function &&
                   ((rp_builtin_function_t *)descr)->def == &rp_tp_new_def) {
            cand = (void *)((rp_type_t *)((rp_builtin_function_t *)descr)->self)->new_;
        }
        if (!cand || (specific && specific != cand))
            use_generic = true;
        else
            specific = cand;
    }
    if (!any)
        return NULL;
    return use_generic ? generic : specific;
}

static void fixup_one(rp_type_t *type)
{
    size_t done[NSLOTDEFS];
    size_t ndone = 0;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        size_t off = rp_slotdefs[i].offset;
        bool seen = false;
        for (size_t j = 0; j < ndone; j++)
            if (done[j] == off)
                seen = true;
        if (seen)
            continue;
        done[ndone++] = off;
        rp_slot_set(type, off, choose_slot(type, off));
    }
}

void rp_type_fixup_slots(rp_type_t *type)
{
    if (!(type->flags & RP_TPFLAG_HEAPTYPE))
        return;
    fixup_one(type);
    rp_obj_t *subs = type->subclasses;
    if (!subs)
        return;
    for (rp_ssize_t i = 0; i < rp_list_len(subs); i++) {
        rp_obj_t *a = rp_list_get_borrow(subs, i);
        rp_type_fixup_slots((rp_type_t *)(uintptr_t)rp_int_small_value(a));
    }
}
