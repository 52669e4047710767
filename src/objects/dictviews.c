// The dict views (dict_keys, dict_values, dict_items: len, iteration,
// membership, set operations, comparisons) and the six dict iterator
// types, with CPython's mutation-during-iteration errors.
#include "dict_internal.h"
#include "tuple.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "int.h"
#include "errors.h"
#include "contutil.h"
#include "typeobj.h"
#include "../memory/gc.h"

#define DICT(o) ((rp_dict_t *)(o))

// ---------------------------------------------------------------------
// Iterators

typedef struct {
    rp_obj_t ob;
    rp_obj_t *dict;         // NULL once exhausted
    rp_ssize_t used;        // dict size when created (-1: sticky error)
    rp_ssize_t pos;
    rp_obj_t *result;       // item iterators: a reusable (key, value) pair
    rp_ssize_t len;
} dictiter_t;

#define DI(o) ((dictiter_t *)(o))

static bool is_item_iter(rp_type_t *t)
{
    return t == &rp_type_dict_itemiter || t == &rp_type_dict_revitemiter;
}

static bool is_rev_iter(rp_type_t *t)
{
    return t == &rp_type_dict_revkeyiter || t == &rp_type_dict_revvalueiter ||
           t == &rp_type_dict_revitemiter;
}

rp_obj_t *rp_dict_iter_new(rp_obj_t *d, rp_type_t *type)
{
    dictiter_t *di = (dictiter_t *)rp_obj_alloc(type, sizeof(dictiter_t));
    if (!di)
        return NULL;
    di->dict = rp_newref(d);
    di->used = DICT(d)->used;
    di->len = DICT(d)->used;
    di->pos = is_rev_iter(type) ? DICT(d)->keys->nentries - 1 : 0;
    di->result = NULL;
    if (is_item_iter(type)) {
        di->result = rp_tuple_pack(2, rp_None, rp_None);
        if (!di->result) {
            rp_decref(di->dict);
            rp_obj_free(RP_OBJ(di));
            return NULL;
        }
    }
    rp_gc_track(RP_OBJ(di));
    return RP_OBJ(di);
}

static void dictiter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(DI(self)->dict);
    rp_xdecref(DI(self)->result);
    rp_obj_free(self);
}

static int dictiter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (DI(self)->dict && (r = visit(DI(self)->dict, arg)))
        return r;
    if (DI(self)->result && (r = visit(DI(self)->result, arg)))
        return r;
    return 0;
}

static int dictiter_clear(rp_obj_t *self)
{
    rp_clear(&DI(self)->dict);
    rp_clear(&DI(self)->result);
    return 0;
}

static rp_obj_t *dictiter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

// Builds the (key, value) result, reusing the previous pair when no one
// else holds it (as CPython does).  Takes key and value.
static rp_obj_t *item_result(dictiter_t *di, rp_obj_t *key, rp_obj_t *value)
{
    rp_obj_t *result = di->result;
    if (result->refcnt == 1) {
        rp_obj_t *oldkey = rp_tuple_get_borrow(result, 0);
        rp_obj_t *oldvalue = rp_tuple_get_borrow(result, 1);
        rp_tuple_init_item_take(result, 0, key);
        rp_tuple_init_item_take(result, 1, value);
        rp_incref(result);
        rp_decref(oldkey);
        rp_decref(oldvalue);
        if (!rp_gc_is_tracked(result))
            rp_gc_track(result);
        return result;
    }
    result = rp_tuple_new(2);
    if (!result) {
        rp_decref(key);
        rp_decref(value);
        return NULL;
    }
    rp_tuple_init_item_take(result, 0, key);
    rp_tuple_init_item_take(result, 1, value);
    return result;
}

static void exhaust(dictiter_t *di)
{
    rp_obj_t *d = di->dict;
    di->dict = NULL;
    rp_decref(d);
}

// Shared by the forward iterators: the next live entry or NULL.
static dict_entry_t *forward_entry(dictiter_t *di)
{
    rp_dict_t *d = DICT(di->dict);
    if (di->used != d->used) {
        rp_err_set(&rp_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;      // sticky
        return NULL;
    }
    rp_ssize_t i = di->pos;
    dict_keys_t *k = d->keys;
    rp_ssize_t n = k->nentries;
    dict_entry_t *ep = i < n ? &dk_entries(k)[i] : NULL;
    while (i < n && ep->value == NULL) {
        ep++;
        i++;
    }
    if (i >= n) {
        exhaust(di);
        return NULL;
    }
    if (di->len == 0) {
        rp_err_set(&rp_exc_RuntimeError, "dictionary keys changed during iteration");
        exhaust(di);
        return NULL;
    }
    di->pos = i + 1;
    di->len--;
    return ep;
}

static dict_entry_t *reverse_entry(dictiter_t *di)
{
    rp_dict_t *d = DICT(di->dict);
    if (di->used != d->used) {
        rp_err_set(&rp_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;
        return NULL;
    }
    rp_ssize_t i = di->pos;
    if (i < 0 || i >= d->keys->nentries) {
        exhaust(di);
        return NULL;
    }
    dict_entry_t *ep = &dk_entries(d->keys)[i];
    while (ep->value == NULL) {
        if (--i < 0) {
            exhaust(di);
            return NULL;
        }
        ep--;
    }
    di->pos = i - 1;
    di->len--;
    return ep;
}

static rp_obj_t *dictiter_next(rp_obj_t *self)
{
    dictiter_t *di = DI(self);
    if (!di->dict)
        return NULL;
    rp_type_t *t = self->type;
    dict_entry_t *ep = is_rev_iter(t) ? reverse_entry(di) : forward_entry(di);
    if (!ep)
        return NULL;
    if (t == &rp_type_dict_keyiter || t == &rp_type_dict_revkeyiter)
        return rp_newref(ep->key);
    if (t == &rp_type_dict_valueiter || t == &rp_type_dict_revvalueiter)
        return rp_newref(ep->value);
    return item_result(di, rp_newref(ep->key), rp_newref(ep->value));
}

static rp_obj_t *dictiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    dictiter_t *di = DI(self);
    rp_ssize_t len = 0;
    if (di->dict && di->used == DICT(di->dict)->used)
        len = di->len;
    return rp_int_from_ssize(len);
}

static const rp_method_def_t dictiter_methods[] = {
    {"__length_hint__", dictiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

#define DICTITER_TYPE(var, tname)                   \
    rp_type_t var = {                               \
        .ob = RP_STATIC_HEAD(rp_type_type),         \
        .name = tname,                              \
        .basicsize = sizeof(dictiter_t),            \
        .flags = RP_TPFLAG_GC,                      \
        .dealloc = dictiter_dealloc,                \
        .iter = dictiter_self,                      \
        .next = dictiter_next,                      \
        .traverse = dictiter_traverse,              \
        .clear = dictiter_clear,                    \
        .methods = dictiter_methods,                \
    }

DICTITER_TYPE(rp_type_dict_keyiter, "dict_keyiterator");
DICTITER_TYPE(rp_type_dict_valueiter, "dict_valueiterator");
DICTITER_TYPE(rp_type_dict_itemiter, "dict_itemiterator");
DICTITER_TYPE(rp_type_dict_revkeyiter, "dict_reversekeyiterator");
DICTITER_TYPE(rp_type_dict_revvalueiter, "dict_reversevalueiterator");
DICTITER_TYPE(rp_type_dict_revitemiter, "dict_reverseitemiterator");

// ---------------------------------------------------------------------
// Views

typedef struct {
    rp_obj_t ob;
    rp_obj_t *dict;
} dictview_t;

#define DV(o) ((dictview_t *)(o))

rp_obj_t *rp_dictview_new(rp_obj_t *d, rp_type_t *type)
{
    dictview_t *dv = (dictview_t *)rp_obj_alloc(type, sizeof(dictview_t));
    if (!dv)
        return NULL;
    dv->dict = rp_newref(d);
    rp_gc_track(RP_OBJ(dv));
    return RP_OBJ(dv);
}

static bool is_set_view(rp_obj_t *o)
{
    return o->type == &rp_type_dict_keys || o->type == &rp_type_dict_items;
}

static void dictview_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(DV(self)->dict);
    rp_obj_free(self);
}

static int dictview_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    return DV(self)->dict ? visit(DV(self)->dict, arg) : 0;
}

static rp_ssize_t dictview_len(rp_obj_t *self)
{
    return DV(self)->dict ? DICT(DV(self)->dict)->used : 0;
}

static rp_obj_t *dictview_repr(rp_obj_t *self)
{
    int r = rp_contutil_repr_enter(self);
    if (r != 0)
        return r > 0 ? rp_str_from_cstr("...") : NULL;
    rp_obj_t *seq = rp_list_from_iterable(self);
    rp_obj_t *result = NULL;
    if (seq) {
        result = rp_str_from_format("%s(%R)", rp_type_name(self->type), seq);
        rp_decref(seq);
    }
    rp_contutil_repr_leave(self);
    return result;
}

static rp_obj_t *dictkeys_iter(rp_obj_t *self)
{
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_keyiter);
}

static rp_obj_t *dictvalues_iter(rp_obj_t *self)
{
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_valueiter);
}

static rp_obj_t *dictitems_iter(rp_obj_t *self)
{
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_itemiter);
}

static int dictkeys_contains(rp_obj_t *self, rp_obj_t *obj)
{
    return DV(self)->dict ? rp_dict_contains(DV(self)->dict, obj) : 0;
}

static int dictitems_contains(rp_obj_t *self, rp_obj_t *obj)
{
    if (!DV(self)->dict)
        return 0;
    if (!rp_tuple_check(obj) || rp_tuple_len(obj) != 2)
        return 0;
    rp_obj_t *key = rp_tuple_get_borrow(obj, 0), *value = rp_tuple_get_borrow(obj, 1);
    rp_obj_t *found = rp_dict_get_borrow(DV(self)->dict, key);
    if (!found)
        return rp_err_occurred() ? -1 : 0;
    rp_incref(found);
    int result = rp_obj_richcompare_bool(found, value, RP_EQ);
    rp_decref(found);
    return result;
}

// Every item of self is in other: 1/0/-1.
static int all_contained_in(rp_obj_t *self, rp_obj_t *other)
{
    rp_obj_t *iter = rp_obj_iter(self);
    if (!iter)
        return -1;
    int ok = 1;
    for (;;) {
        rp_obj_t *next = rp_iter_next(iter);
        if (!next) {
            if (rp_err_occurred())
                ok = -1;
            break;
        }
        ok = rp_obj_contains(other, next);
        rp_decref(next);
        if (ok <= 0)
            break;
    }
    rp_decref(iter);
    return ok;
}

static rp_obj_t *dictview_richcompare(rp_obj_t *self, rp_obj_t *other, int op)
{
    if (!rp_anyset_check(other) && !is_set_view(other))
        return rp_newref(rp_NotImplemented);
    rp_ssize_t len_self = rp_obj_len(self);
    if (len_self < 0)
        return NULL;
    rp_ssize_t len_other = rp_obj_len(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case RP_NE:
    case RP_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == RP_NE && ok >= 0)
            ok = !ok;
        break;
    case RP_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case RP_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case RP_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case RP_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return rp_bool_from(ok);
}

// set(a) then a method of set with b (difference_update, ...).  A keys
// view over an exact dict starts from the dict itself, whose size lets
// the set presize its table (CPython's dictviews_to_set).
static rp_obj_t *set_then(rp_obj_t *a, rp_obj_t *b, const char *meth)
{
    rp_obj_t *left = a;
    if (a->type == &rp_type_dict_keys && DV(a)->dict->type == &rp_type_dict)
        left = DV(a)->dict;
    rp_obj_t *result = rp_set_new(left);
    if (!result)
        return NULL;
    if (meth) {
        rp_obj_t *tmp = rp_obj_call_method(result, meth, &b, 1);
        if (!tmp) {
            rp_decref(result);
            return NULL;
        }
        rp_decref(tmp);
    } else if (rp_set_update(result, b) < 0) {
        rp_decref(result);
        return NULL;
    }
    return result;
}

static rp_obj_t *dictviews_intersect(rp_obj_t *self, rp_obj_t *other)
{
    if (!is_set_view(self)) {
        rp_obj_t *tmp = other;
        other = self;
        self = tmp;
    }
    rp_ssize_t len_self = dictview_len(self);
    if (other->type == &rp_type_set) {
        rp_ssize_t len_other = rp_set_len(other);
        if (len_self <= len_other)
            return rp_obj_call_method(other, "intersection", &self, 1);
    }
    if (is_set_view(other)) {
        rp_ssize_t len_other = dictview_len(other);
        if (len_other > len_self) {
            rp_obj_t *tmp = other;
            other = self;
            self = tmp;
        }
    }
    rp_obj_t *result = rp_set_new(NULL);
    if (!result)
        return NULL;
    rp_obj_t *it = rp_obj_iter(other);
    if (!it) {
        rp_decref(result);
        return NULL;
    }
    int (*contains)(rp_obj_t *, rp_obj_t *) =
        self->type == &rp_type_dict_keys ? dictkeys_contains : dictitems_contains;
    rp_obj_t *key;
    while ((key = rp_iter_next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv < 0 || (rv && rp_set_add(result, key) < 0)) {
            rp_decref(key);
            goto error;
        }
        rp_decref(key);
    }
    if (rp_err_occurred())
        goto error;
    rp_decref(it);
    return result;
error:
    rp_decref(it);
    rp_decref(result);
    return NULL;
}

// d1.items() ^ d2.items() (CPython's dictitems_xor).
static rp_obj_t *dictitems_xor(rp_obj_t *self, rp_obj_t *other)
{
    rp_obj_t *d1 = DV(self)->dict, *d2 = DV(other)->dict;
    rp_obj_t *temp_dict = rp_dict_copy(d1);
    if (!temp_dict)
        return NULL;
    rp_obj_t *result_set = rp_set_new(NULL);
    if (!result_set) {
        rp_decref(temp_dict);
        return NULL;
    }
    rp_obj_t *key, *val1 = NULL, *val2;
    rp_ssize_t pos = 0;
    rp_hash_t hash;
    while (rp_dict_next_hash(d2, &pos, &key, &val2, &hash)) {
        rp_incref(key);
        rp_incref(val2);
        val1 = rp_dict_get_known_hash_borrow(temp_dict, key, hash);
        int to_delete;
        if (!val1) {
            if (rp_err_occurred())
                goto error;
            to_delete = 0;
        } else {
            rp_incref(val1);
            to_delete = rp_obj_richcompare_bool(val1, val2, RP_EQ);
            if (to_delete < 0)
                goto error;
        }
        if (to_delete) {
            if (rp_dict_del_known_hash(temp_dict, key, hash) < 0)
                goto error;
        } else {
            rp_obj_t *pair = rp_tuple_pack(2, key, val2);
            if (!pair)
                goto error;
            int r = rp_set_add(result_set, pair);
            rp_decref(pair);
            if (r < 0)
                goto error;
        }
        rp_decref(key);
        rp_xdecref(val1);
        rp_decref(val2);
    }
    rp_obj_t *remaining = rp_dictview_new(temp_dict, &rp_type_dict_items);
    if (!remaining || rp_set_update(result_set, remaining) < 0) {
        rp_xdecref(remaining);
        rp_decref(temp_dict);
        rp_decref(result_set);
        return NULL;
    }
    rp_decref(remaining);
    rp_decref(temp_dict);
    return result_set;
error:
    rp_decref(key);
    rp_xdecref(val1);
    rp_decref(val2);
    rp_decref(temp_dict);
    rp_decref(result_set);
    return NULL;
}

static rp_obj_t *dictview_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op >= RP_BINOP_INPLACE)
        return rp_newref(rp_NotImplemented);
    switch (op) {
    case RP_BINOP_AND:
        return dictviews_intersect(a, b);
    case RP_BINOP_OR:
        return set_then(a, b, NULL);
    case RP_BINOP_SUB:
        return set_then(a, b, "difference_update");
    case RP_BINOP_XOR:
        if (a->type == &rp_type_dict_items && b->type == &rp_type_dict_items)
            return dictitems_xor(a, b);
        return set_then(a, b, "symmetric_difference_update");
    default:
        return rp_newref(rp_NotImplemented);
    }
}

static rp_obj_t *dictviews_isdisjoint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                      rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("isdisjoint", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *other = args[0];
    if (self == other)
        return rp_bool_from(dictview_len(self) == 0);
    if (rp_anyset_check(other) || is_set_view(other)) {
        rp_ssize_t len_self = dictview_len(self);
        rp_ssize_t len_other = rp_obj_len(other);
        if (len_other < 0)
            return NULL;
        if (len_other > len_self) {
            rp_obj_t *tmp = other;
            other = self;
            self = tmp;
        }
    }
    rp_obj_t *it = rp_obj_iter(other);
    if (!it)
        return NULL;
    rp_obj_t *item;
    while ((item = rp_iter_next(it)) != NULL) {
        int contains = rp_obj_contains(self, item);
        rp_decref(item);
        if (contains < 0) {
            rp_decref(it);
            return NULL;
        }
        if (contains) {
            rp_decref(it);
            return rp_bool_from(false);
        }
    }
    rp_decref(it);
    if (rp_err_occurred())
        return NULL;
    return rp_bool_from(true);
}

static rp_obj_t *dictkeys_reversed(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict_keys.__reversed__", nargs, kwnames) < 0)
        return NULL;
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_revkeyiter);
}

static rp_obj_t *dictvalues_reversed(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                     rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict_values.__reversed__", nargs, kwnames) < 0)
        return NULL;
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_revvalueiter);
}

static rp_obj_t *dictitems_reversed(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict_items.__reversed__", nargs, kwnames) < 0)
        return NULL;
    return rp_dict_iter_new(DV(self)->dict, &rp_type_dict_revitemiter);
}

static rp_obj_t *dictview_mapping(rp_obj_t *self)
{
    return rp_mappingproxy_new(DV(self)->dict);
}

static const rp_getset_def_t dictview_getsets[] = {
    {"mapping", dictview_mapping, NULL, NULL},
    {NULL},
};

static const rp_method_def_t dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, RP_METH_INSTANCE, NULL},
    {"__reversed__", dictkeys_reversed, RP_METH_INSTANCE, NULL},
    {NULL},
};

static const rp_method_def_t dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, RP_METH_INSTANCE, NULL},
    {"__reversed__", dictitems_reversed, RP_METH_INSTANCE, NULL},
    {NULL},
};

static const rp_method_def_t dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_dict_keys = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "dict_keys",
    .basicsize = sizeof(dictview_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = dictview_richcompare,
    .binary_op = dictview_binary_op,
    .len = dictview_len,
    .contains = dictkeys_contains,
    .iter = dictkeys_iter,
    .traverse = dictview_traverse,
    .methods = dictkeys_methods,
    .getsets = dictview_getsets,
};

rp_type_t rp_type_dict_items = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "dict_items",
    .basicsize = sizeof(dictview_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = dictview_richcompare,
    .binary_op = dictview_binary_op,
    .len = dictview_len,
    .contains = dictitems_contains,
    .iter = dictitems_iter,
    .traverse = dictview_traverse,
    .methods = dictitems_methods,
    .getsets = dictview_getsets,
};

rp_type_t rp_type_dict_values = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "dict_values",
    .basicsize = sizeof(dictview_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .len = dictview_len,
    .iter = dictvalues_iter,
    .traverse = dictview_traverse,
    .methods = dictvalues_methods,
    .getsets = dictview_getsets,
};
