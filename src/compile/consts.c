// The per-unit constant cache: canonical constants keyed by (type, value)
// as CPython's _PyCode_ConstantKey, with string interning on entry.
#include <string.h>
#include "compile/consts.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/tuple.h"
#include "objects/set.h"
#include "memory/alloc.h"

void rp_const_cache_init(rp_const_cache_t *c)
{
    c->e = NULL;
    c->cap = 0;
    c->n = 0;
}

void rp_const_cache_fini(rp_const_cache_t *c)
{
    rp_const_entry_t *e = c->e;
    size_t cap = c->cap;
    rp_const_cache_init(c);
    for (size_t i = 0; i < cap; i++)
        rp_xdecref(e[i].obj);
    rp_mem_free(e);
}

bool rp_const_is_name_like(rp_obj_t *s)
{
    rp_str_t *u = (rp_str_t *)s;
    if (!u->ascii)
        return false;
    const unsigned char *p = (const unsigned char *)rp_str_data(s);
    for (rp_ssize_t i = 0; i < u->length; i++) {
        unsigned ch = p[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '_'))
            return false;
    }
    return true;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

// The key hash of a constant whose items (for tuples / frozensets) are
// already canonical, so items hash by identity.  Returns 0 and sets *h,
// or -1 with an exception set.
static int key_hash(rp_obj_t *o, uint64_t *h)
{
    rp_type_t *t = o->type;
    uint64_t x = (uint64_t)(uintptr_t)t;
    if (t == &rp_type_int) {
        rp_hash_t ih = rp_int_hash(o);
        if (ih == -1 && rp_err_occurred())
            return -1;
        x ^= (uint64_t)ih;
    }
    else if (t == &rp_type_float) {
        double d = rp_float_value(o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        if (d != d)
            bits = (uint64_t)(uintptr_t)o;   // NaN: identity only
        x ^= bits;
    }
    else if (t == &rp_type_str) {
        rp_hash_t sh = rp_str_hash(o);
        if (sh == -1 && rp_err_occurred())
            return -1;
        x ^= (uint64_t)sh;
    }
    else if (t == &rp_type_bytes) {
        const unsigned char *p = (const unsigned char *)rp_bytes_data(o);
        uint64_t f = 1469598103934665603ULL;
        for (rp_ssize_t i = 0, n = rp_bytes_len(o); i < n; i++)
            f = (f ^ p[i]) * 1099511628211ULL;
        x ^= f;
    }
    else if (t == &rp_type_tuple) {
        rp_ssize_t n = rp_tuple_len(o);
        x ^= (uint64_t)n * 0x9e3779b97f4a7c15ULL;
        for (rp_ssize_t i = 0; i < n; i++)
            x = x * 1000003ULL ^ mix((uint64_t)(uintptr_t)rp_tuple_get_borrow(o, i));
    }
    else if (t == &rp_type_frozenset) {
        rp_ssize_t pos = 0;
        rp_obj_t *k;
        uint64_t acc = 0;
        while (rp_set_next(o, &pos, &k, NULL))
            acc += mix((uint64_t)(uintptr_t)k);     // order independent
        x ^= acc ^ (uint64_t)rp_set_len(o);
    }
    else {
        // bool, None, Ellipsis, code objects, anything else: identity.
        x ^= (uint64_t)(uintptr_t)o;
    }
    *h = mix(x);
    return 0;
}

// Key equality for two constants of the same hash.  1 / 0 / -1.
static int key_equal(rp_obj_t *a, rp_obj_t *b)
{
    if (a == b)
        return 1;
    rp_type_t *t = a->type;
    if (t != b->type)
        return 0;
    if (t == &rp_type_int)
        return rp_int_compare(a, b) == 0;
    if (t == &rp_type_float) {
        double x = rp_float_value(a), y = rp_float_value(b);
        if (x != x || y != y)
            return 0;
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &rp_type_str)
        return rp_str_eq(a, b);
    if (t == &rp_type_bytes)
        return rp_bytes_len(a) == rp_bytes_len(b) &&
               memcmp(rp_bytes_data(a), rp_bytes_data(b), (size_t)rp_bytes_len(a)) == 0;
    if (t == &rp_type_tuple) {
        rp_ssize_t n = rp_tuple_len(a);
        if (n != rp_tuple_len(b))
            return 0;
        for (rp_ssize_t i = 0; i < n; i++)
            if (rp_tuple_get_borrow(a, i) != rp_tuple_get_borrow(b, i))
                return 0;
        return 1;
    }
    if (t == &rp_type_frozenset) {
        if (rp_set_len(a) != rp_set_len(b))
            return 0;
        rp_ssize_t pa = 0;
        rp_obj_t *ka;
        while (rp_set_next(a, &pa, &ka, NULL)) {
            rp_ssize_t pb = 0;
            rp_obj_t *kb;
            int found = 0;
            while (rp_set_next(b, &pb, &kb, NULL))
                if (kb == ka) {
                    found = 1;
                    break;
                }
            if (!found)
                return 0;
        }
        return 1;
    }
    return 0;
}

static int grow(rp_const_cache_t *c)
{
    size_t ncap = c->cap ? c->cap * 2 : 64;
    rp_const_entry_t *ne = (rp_const_entry_t *)rp_mem_calloc(ncap, sizeof *ne);
    if (!ne) {
        rp_err_nomemory();
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->e[i].obj)
            continue;
        size_t k = (size_t)c->e[i].hash & (ncap - 1);
        while (ne[k].obj)
            k = (k + 1) & (ncap - 1);
        ne[k] = c->e[i];
    }
    rp_mem_free(c->e);
    c->e = ne;
    c->cap = ncap;
    return 0;
}

// Makes the items of a tuple or frozenset canonical.  Returns a new
// reference: o itself when its items already are, else a rebuilt
// container holding the canonical items.
static rp_obj_t *canonical_items(rp_const_cache_t *c, rp_obj_t *o)
{
    if (o->type == &rp_type_tuple) {
        rp_ssize_t n = rp_tuple_len(o);
        rp_ssize_t i;
        for (i = 0; i < n; i++) {
            rp_obj_t *item = rp_tuple_get_borrow(o, i);
            rp_obj_t *k = rp_const_cache_merge(c, item);
            if (!k)
                return NULL;
            if (k != item)
                break;
        }
        if (i == n)
            return rp_newref(o);
        rp_obj_t *t = rp_tuple_new(n);
        if (!t)
            return NULL;
        for (i = 0; i < n; i++)
            rp_tuple_init_item_take(t, i, rp_newref(rp_None));
        for (i = 0; i < n; i++) {
            rp_obj_t *k = rp_const_cache_merge(c, rp_tuple_get_borrow(o, i));
            if (!k) {
                rp_decref(t);
                return NULL;
            }
            rp_setref(&rp_tuple_items(t)[i], rp_newref(k));
        }
        return t;
    }
    if (o->type == &rp_type_frozenset) {
        rp_ssize_t n = rp_set_len(o);
        if (n == 0)
            return rp_newref(o);
        rp_obj_t *items = rp_tuple_new(n);
        if (!items)
            return NULL;
        rp_ssize_t i = 0, pos = 0;
        rp_obj_t *k;
        int same = 1;
        for (rp_ssize_t j = 0; j < n; j++)
            rp_tuple_init_item_take(items, j, rp_newref(rp_None));
        while (i < n && rp_set_next(o, &pos, &k, NULL)) {
            rp_obj_t *m = rp_const_cache_merge(c, k);
            if (!m) {
                rp_decref(items);
                return NULL;
            }
            if (m != k)
                same = 0;
            rp_setref(&rp_tuple_items(items)[i++], rp_newref(m));
        }
        if (same) {
            rp_decref(items);
            return rp_newref(o);
        }
        rp_obj_t *fs = rp_frozenset_new(items);
        rp_decref(items);
        return fs;
    }
    return rp_newref(o);
}

static rp_const_entry_t *find_entry(rp_const_cache_t *c, rp_obj_t *o)
{
    uint64_t h;
    if (!c->cap || key_hash(o, &h) < 0) {
        rp_err_clear();
        return NULL;
    }
    size_t mask = c->cap - 1;
    for (size_t i = (size_t)h & mask; c->e[i].obj; i = (i + 1) & mask)
        if (c->e[i].obj == o)
            return &c->e[i];
    return NULL;
}

void rp_const_cache_mark_use(rp_const_cache_t *c, rp_obj_t *o, int origin)
{
    rp_const_entry_t *e = find_entry(c, o);
    if (!e || e->used)
        return;
    e->used = 1;
    // A frozenset is always rebuilt by CPython's merge: never the tree's.
    e->arena = origin == RP_CONST_FROM_TREE && o->type != &rp_type_frozenset;
    if (origin == RP_CONST_FROM_COMPILER)
        return;
    if (o->type == &rp_type_tuple) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            rp_const_cache_mark_use(c, rp_tuple_get_borrow(o, i), RP_CONST_FROM_TREE);
    }
    else if (o->type == &rp_type_frozenset) {
        rp_ssize_t pos = 0;
        rp_obj_t *k;
        while (rp_set_next(o, &pos, &k, NULL))
            rp_const_cache_mark_use(c, k, RP_CONST_FROM_TREE);
    }
}

rp_obj_t *rp_const_cache_merge_take(rp_const_cache_t *c, rp_obj_t *o)
{
    int preinterned = 0;
    if (!o)
        return NULL;
    if (o == rp_None || o == rp_Ellipsis || o == rp_True || o == rp_False) {
        // Statically allocated singletons are their own canonical form.
        rp_decref(o);
        return o;
    }
    if (o->type == &rp_type_str) {
        if (rp_str_is_interned(o))
            preinterned = 1;
        else if (rp_const_is_name_like(o)) {
            rp_obj_t *fresh = o;
            rp_str_intern_take(&o);
            if (!o)
                return NULL;
            preinterned = o != fresh;
        }
    }
    else if (o->type == &rp_type_tuple || o->type == &rp_type_frozenset) {
        rp_obj_t *n = canonical_items(c, o);
        rp_decref(o);
        if (!n)
            return NULL;
        o = n;
    }
    uint64_t h;
    if (key_hash(o, &h) < 0) {
        rp_decref(o);
        return NULL;
    }
    if (c->cap) {
        size_t mask = c->cap - 1;
        for (size_t i = (size_t)h & mask; c->e[i].obj; i = (i + 1) & mask) {
            if (c->e[i].hash != h)
                continue;
            int eq = key_equal(c->e[i].obj, o);
            if (eq < 0) {
                rp_decref(o);
                return NULL;
            }
            if (eq) {
                rp_decref(o);
                return c->e[i].obj;
            }
        }
    }
    if ((c->n + 1) * 2 > c->cap && grow(c) < 0) {
        rp_decref(o);
        return NULL;
    }
    size_t mask = c->cap - 1;
    size_t i = (size_t)h & mask;
    while (c->e[i].obj)
        i = (i + 1) & mask;
    c->e[i].obj = o;        // the cache keeps the reference
    c->e[i].hash = h;
    c->e[i].used = 0;
    c->e[i].arena = 0;
    c->e[i].preinterned = (uint8_t)preinterned;
    c->n++;
    return o;
}

rp_obj_t *rp_const_cache_merge(rp_const_cache_t *c, rp_obj_t *o)
{
    return rp_const_cache_merge_take(c, rp_newref(o));
}
