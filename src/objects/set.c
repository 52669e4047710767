// set and frozenset: CPython 3.11's setobject.c algorithm (open
// addressing with 9 linear probes then perturbation, same table sizes,
// resize and dummy rules), so iteration order matches CPython's for the
// same operations; the set algebra, the frozenset hash and set_iterator.
#include <string.h>

#include "set.h"
#include "dict_internal.h"
#include "tuple.h"
#include "list.h"
#include "str.h"
#include "int.h"
#include "errors.h"
#include "args.h"
#include "contutil.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"
#include "objects/genericalias.h"

/*
 * Table entries are of three kinds:
 *   unused: key == NULL, hash == 0
 *   dummy:  key == dummy, hash == -1 (a removed key; keeps probe chains)
 *   active: any other key, with its hash
 * fill counts active + dummy, used counts active.  The table has
 * mask + 1 slots (a power of two, at least 8: the inline smalltable).
 */

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    rp_obj_t *key;
    rp_hash_t hash;
} setentry;

typedef struct {
    rp_obj_t ob;
    rp_ssize_t fill;
    rp_ssize_t used;
    rp_ssize_t mask;
    setentry *table;
    rp_hash_t hash;         // frozenset hash, -1 until computed
    rp_ssize_t finger;      // pop() search start
    setentry smalltable[SET_MINSIZE];
    rp_obj_t *weakreflist;  // unused; keeps CPython's 200-byte layout
} setobj_t;

#define SO(o) ((setobj_t *)(o))

static rp_obj_t dummy_struct;
#define dummy (&dummy_struct)

static inline bool is_set(const rp_obj_t *o)
{
    return o->type == &rp_type_set || rp_type_is_subtype(o->type, &rp_type_set);
}

static inline bool is_frozenset(const rp_obj_t *o)
{
    return o->type == &rp_type_frozenset || rp_type_is_subtype(o->type, &rp_type_frozenset);
}

static inline rp_hash_t hash_of(rp_obj_t *key)
{
    if (rp_str_check_exact(key)) {
        rp_hash_t h = ((rp_str_t *)key)->hash;
        return h != -1 ? h : rp_str_hash(key);
    }
    return rp_obj_hash(key);
}

// ---------------------------------------------------------------------
// Table operations

static setentry *set_lookkey(setobj_t *so, rp_obj_t *key, rp_hash_t hash)
{
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    for (;;) {
        setentry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                rp_obj_t *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (rp_str_check_exact(startkey) && rp_str_check_exact(key) &&
                    rp_str_eq(startkey, key))
                    return entry;
                setentry *table = so->table;
                rp_incref(startkey);
                int cmp = rp_obj_richcompare_bool(startkey, key, RP_EQ);
                rp_decref(startkey);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    return set_lookkey(so, key, hash);
                if (cmp > 0)
                    return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(setobj_t *so, rp_ssize_t minused);

static int set_add_entry(setobj_t *so, rp_obj_t *key, rp_hash_t hash)
{
    setentry *table, *freeslot, *entry;
    size_t perturb, mask, i;
    int probes, cmp;

    // Hold the key: a comparison might otherwise free it before insertion.
    rp_incref(key);
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                rp_obj_t *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (rp_str_check_exact(startkey) && rp_str_check_exact(key) &&
                    rp_str_eq(startkey, key))
                    goto found_active;
                table = so->table;
                rp_incref(startkey);
                cmp = rp_obj_richcompare_bool(startkey, key, RP_EQ);
                rp_decref(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0)
                    goto comparison_error;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                // The last dummy before the empty slot is reused (as
                // CPython 3.11 does: it decides iteration order).
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot == NULL)
        goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;

found_unused:
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    rp_decref(key);
    return 0;

comparison_error:
    rp_decref(key);
    return -1;
}

// Inserts a key known to be absent into a table without dummies.
static void set_insert_clean(setentry *table, size_t mask, rp_obj_t *key, rp_hash_t hash)
{
    setentry *entry;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

static int set_table_resize(setobj_t *so, rp_ssize_t minused)
{
    setentry *oldtable, *newtable, *entry;
    rp_ssize_t oldmask = so->mask;
    setentry small_copy[SET_MINSIZE];

    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;

    oldtable = so->table;
    bool is_oldtable_malloced = oldtable != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;
            // Rebuild anyway to purge the dummies.
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)INT64_MAX / sizeof(setentry) ||
            !(newtable = rp_mem_alloc(sizeof(setentry) * newsize))) {
            rp_err_nomemory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(setentry) * newsize);
    so->mask = (rp_ssize_t)newsize - 1;
    so->table = newtable;
    size_t newmask = (size_t)so->mask;
    if (so->fill == so->used) {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    } else {
        so->fill = so->used;
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL && entry->key != dummy)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    }
    if (is_oldtable_malloced)
        rp_mem_free(oldtable);
    return 0;
}

static int set_contains_entry(setobj_t *so, rp_obj_t *key, rp_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    return entry->key != NULL;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int set_discard_entry(setobj_t *so, rp_obj_t *key, rp_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    rp_obj_t *old_key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    rp_decref(old_key);
    return DISCARD_FOUND;
}

static int set_add_key(setobj_t *so, rp_obj_t *key)
{
    rp_hash_t hash = hash_of(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int set_contains_key(setobj_t *so, rp_obj_t *key)
{
    rp_hash_t hash = hash_of(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(setobj_t *so, rp_obj_t *key)
{
    rp_hash_t hash = hash_of(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(setobj_t *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

static int set_clear_internal(setobj_t *so)
{
    setentry *entry, *table = so->table;
    rp_ssize_t fill = so->fill, used = so->used;
    bool table_is_malloced = table != so->smalltable;
    setentry small_copy[SET_MINSIZE];

    // Empty the set before releasing keys: their __del__ may look at it.
    if (table_is_malloced)
        set_empty_to_minsize(so);
    else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (entry = table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            rp_decref(entry->key);
        }
    }
    if (table_is_malloced)
        rp_mem_free(table);
    return 0;
}

static int set_next_entry(setobj_t *so, rp_ssize_t *pos_ptr, setentry **entry_ptr)
{
    rp_ssize_t i = *pos_ptr, mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

static int set_merge(setobj_t *so, rp_obj_t *otherset)
{
    setobj_t *other = SO(otherset);
    if (other == so || other->used == 0)
        return 0;
    // One big resize first: expect few overlapping keys.
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    setentry *so_entry = so->table, *other_entry = other->table;
    // Empty target, same size, no dummies: copy the slots as they are.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (rp_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            rp_obj_t *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = rp_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        setentry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (rp_ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            rp_obj_t *key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(newtable, newmask, rp_newref(key), other_entry->hash);
        }
        return 0;
    }
    for (rp_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        rp_obj_t *key = other_entry->key;
        if (key != NULL && key != dummy) {
            if (set_add_entry(so, key, other_entry->hash))
                return -1;
        }
    }
    return 0;
}

static int set_update_internal(setobj_t *so, rp_obj_t *other)
{
    if (rp_anyset_check(other))
        return set_merge(so, other);
    if (other->type == &rp_type_dict) {
        rp_ssize_t dictsize = rp_dict_len(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        rp_ssize_t pos = 0;
        rp_obj_t *key;
        rp_hash_t hash;
        while (rp_dict_next_hash(other, &pos, &key, NULL, &hash)) {
            if (set_add_entry(so, key, hash))
                return -1;
        }
        return 0;
    }
    rp_obj_t *it = rp_obj_iter(other);
    if (!it)
        return -1;
    rp_obj_t *key;
    while ((key = rp_iter_next(it)) != NULL) {
        if (set_add_key(so, key)) {
            rp_decref(it);
            rp_decref(key);
            return -1;
        }
        rp_decref(key);
    }
    rp_decref(it);
    return rp_err_occurred() ? -1 : 0;
}

// ---------------------------------------------------------------------
// Construction

static rp_obj_t *make_new_set(rp_type_t *type, rp_obj_t *iterable)
{
    setobj_t *so = (setobj_t *)(type == &rp_type_set || type == &rp_type_frozenset
                                    ? rp_obj_alloc(type, (size_t)type->basicsize)
                                    : rp_contutil_alloc_zeroed(type, (size_t)type->basicsize));
    if (!so)
        return NULL;
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    rp_gc_track(RP_OBJ(so));
    if (iterable != NULL && set_update_internal(so, iterable)) {
        rp_decref(RP_OBJ(so));
        return NULL;
    }
    return RP_OBJ(so);
}

// A set or frozenset of the builtin base of type.
static rp_obj_t *make_new_set_basetype(rp_type_t *type, rp_obj_t *iterable)
{
    if (type != &rp_type_set && type != &rp_type_frozenset)
        type = rp_type_is_subtype(type, &rp_type_set) ? &rp_type_set : &rp_type_frozenset;
    return make_new_set(type, iterable);
}

rp_obj_t *rp_set_new(rp_obj_t *iterable)
{
    return make_new_set(&rp_type_set, iterable);
}

rp_obj_t *rp_frozenset_new(rp_obj_t *iterable)
{
    if (iterable && iterable->type == &rp_type_frozenset)
        return rp_newref(iterable);
    return make_new_set(&rp_type_frozenset, iterable);
}

int rp_set_add(rp_obj_t *set, rp_obj_t *key)
{
    return set_add_key(SO(set), key);
}

int rp_set_contains(rp_obj_t *set, rp_obj_t *key)
{
    return set_contains_key(SO(set), key);
}

int rp_set_discard(rp_obj_t *set, rp_obj_t *key)
{
    return set_discard_key(SO(set), key);
}

rp_ssize_t rp_set_len(rp_obj_t *set)
{
    return SO(set)->used;
}

int rp_set_next(rp_obj_t *set, rp_ssize_t *pos, rp_obj_t **key, rp_hash_t *hash)
{
    setentry *entry;
    if (!set_next_entry(SO(set), pos, &entry))
        return 0;
    if (key)
        *key = entry->key;
    if (hash)
        *hash = entry->hash;
    return 1;
}

int rp_set_update(rp_obj_t *set, rp_obj_t *iterable)
{
    return set_update_internal(SO(set), iterable);
}

// ---------------------------------------------------------------------
// The set algebra (CPython's algorithms: they decide insertion order)

static rp_obj_t *set_copy(rp_obj_t *so)
{
    return make_new_set_basetype(so->type, so);
}

static rp_obj_t *set_intersection(rp_obj_t *sop, rp_obj_t *other)
{
    setobj_t *so = SO(sop);
    if (sop == other)
        return set_copy(sop);
    rp_obj_t *result = make_new_set_basetype(sop->type, NULL);
    if (!result)
        return NULL;
    if (rp_anyset_check(other)) {
        rp_ssize_t pos = 0;
        setentry *entry;
        if (SO(other)->used > so->used) {
            setobj_t *tmp = so;
            so = SO(other);
            other = RP_OBJ(tmp);
        }
        while (set_next_entry(SO(other), &pos, &entry)) {
            rp_obj_t *key = rp_newref(entry->key);
            rp_hash_t hash = entry->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0 || (rv && set_add_entry(SO(result), key, hash))) {
                rp_decref(key);
                rp_decref(result);
                return NULL;
            }
            rp_decref(key);
        }
        return result;
    }
    rp_obj_t *it = rp_obj_iter(other);
    if (!it) {
        rp_decref(result);
        return NULL;
    }
    rp_obj_t *key;
    while ((key = rp_iter_next(it)) != NULL) {
        rp_hash_t hash = hash_of(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv < 0 || (rv && set_add_entry(SO(result), key, hash))) {
            rp_decref(it);
            rp_decref(result);
            rp_decref(key);
            return NULL;
        }
        rp_decref(key);
    }
    rp_decref(it);
    if (rp_err_occurred()) {
        rp_decref(result);
        return NULL;
    }
    return result;
}

static rp_obj_t *set_intersection_multi(rp_obj_t *so, rp_obj_t *const *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy(so);
    rp_obj_t *result = rp_newref(so);
    for (size_t i = 0; i < nargs; i++) {
        rp_obj_t *newresult = set_intersection(result, args[i]);
        rp_decref(result);
        if (!newresult)
            return NULL;
        result = newresult;
    }
    return result;
}

static void set_swap_bodies(setobj_t *a, setobj_t *b)
{
    rp_ssize_t t;
    setentry *u;
    setentry tab[SET_MINSIZE];
    rp_hash_t h;

    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;

    u = a->table;
    if (a->table == a->smalltable)
        u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable)
        a->table = a->smalltable;
    b->table = u;

    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (is_frozenset(RP_OBJ(a)) && is_frozenset(RP_OBJ(b))) {
        h = a->hash; a->hash = b->hash; b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static int set_difference_update_internal(setobj_t *so, rp_obj_t *other)
{
    if (RP_OBJ(so) == other)
        return set_clear_internal(so);
    if (rp_anyset_check(other)) {
        rp_ssize_t pos = 0;
        setentry *entry;
        // A much larger other: iterate the intersection instead.
        if ((SO(other)->used >> 3) > so->used) {
            other = set_intersection(RP_OBJ(so), other);
            if (!other)
                return -1;
        } else
            rp_incref(other);
        while (set_next_entry(SO(other), &pos, &entry)) {
            rp_obj_t *key = rp_newref(entry->key);
            if (set_discard_entry(so, key, entry->hash) < 0) {
                rp_decref(other);
                rp_decref(key);
                return -1;
            }
            rp_decref(key);
        }
        rp_decref(other);
    } else {
        rp_obj_t *it = rp_obj_iter(other);
        if (!it)
            return -1;
        rp_obj_t *key;
        while ((key = rp_iter_next(it)) != NULL) {
            if (set_discard_key(so, key) < 0) {
                rp_decref(it);
                rp_decref(key);
                return -1;
            }
            rp_decref(key);
        }
        rp_decref(it);
        if (rp_err_occurred())
            return -1;
    }
    // More than 1/4 dummies: resize them away.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static rp_obj_t *set_copy_and_difference(rp_obj_t *so, rp_obj_t *other)
{
    rp_obj_t *result = set_copy(so);
    if (!result)
        return NULL;
    if (set_difference_update_internal(SO(result), other) == 0)
        return result;
    rp_decref(result);
    return NULL;
}

static rp_obj_t *set_difference(rp_obj_t *sop, rp_obj_t *other)
{
    setobj_t *so = SO(sop);
    rp_ssize_t other_size;
    if (rp_anyset_check(other))
        other_size = SO(other)->used;
    else if (other->type == &rp_type_dict)
        other_size = rp_dict_len(other);
    else
        return set_copy_and_difference(sop, other);
    // A much larger so: copy it, then remove the common elements.
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(sop, other);
    rp_obj_t *result = make_new_set_basetype(sop->type, NULL);
    if (!result)
        return NULL;
    rp_ssize_t pos = 0;
    setentry *entry;
    bool is_dict = other->type == &rp_type_dict;
    while (set_next_entry(so, &pos, &entry)) {
        rp_obj_t *key = rp_newref(entry->key);
        rp_hash_t hash = entry->hash;
        int rv;
        if (is_dict) {
            rp_obj_t *v = rp_dict_get_known_hash_borrow(other, key, hash);
            rv = v ? 1 : (rp_err_occurred() ? -1 : 0);
        } else
            rv = set_contains_entry(SO(other), key, hash);
        if (rv < 0 || (!rv && set_add_entry(SO(result), key, hash))) {
            rp_decref(result);
            rp_decref(key);
            return NULL;
        }
        rp_decref(key);
    }
    return result;
}

static rp_obj_t *set_difference_multi(rp_obj_t *so, rp_obj_t *const *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy(so);
    rp_obj_t *result = set_difference(so, args[0]);
    if (!result)
        return NULL;
    for (size_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal(SO(result), args[i])) {
            rp_decref(result);
            return NULL;
        }
    }
    return result;
}

static int set_symmetric_difference_update(setobj_t *so, rp_obj_t *other)
{
    if (RP_OBJ(so) == other)
        return set_clear_internal(so);
    if (other->type == &rp_type_dict) {
        rp_ssize_t pos = 0;
        rp_obj_t *key;
        rp_hash_t hash;
        while (rp_dict_next_hash(other, &pos, &key, NULL, &hash)) {
            rp_incref(key);
            int rv = set_discard_entry(so, key, hash);
            if (rv < 0 || (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash))) {
                rp_decref(key);
                return -1;
            }
            rp_decref(key);
        }
        return 0;
    }
    rp_obj_t *otherset;
    if (rp_anyset_check(other))
        otherset = rp_newref(other);
    else if (!(otherset = make_new_set_basetype(RP_OBJ(so)->type, other)))
        return -1;
    rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next_entry(SO(otherset), &pos, &entry)) {
        rp_obj_t *key = rp_newref(entry->key);
        rp_hash_t hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0 || (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash))) {
            rp_decref(otherset);
            rp_decref(key);
            return -1;
        }
        rp_decref(key);
    }
    rp_decref(otherset);
    return 0;
}

static rp_obj_t *set_symmetric_difference(rp_obj_t *so, rp_obj_t *other)
{
    rp_obj_t *otherset = make_new_set_basetype(so->type, other);
    if (!otherset)
        return NULL;
    if (set_symmetric_difference_update(SO(otherset), so) < 0) {
        rp_decref(otherset);
        return NULL;
    }
    return otherset;
}

static int set_issubset_internal(rp_obj_t *so, rp_obj_t *other)
{
    if (!rp_anyset_check(other)) {
        rp_obj_t *tmp = set_intersection(so, other);
        if (!tmp)
            return -1;
        int result = SO(tmp)->used == SO(so)->used;
        rp_decref(tmp);
        return result;
    }
    if (SO(so)->used > SO(other)->used)
        return 0;
    rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next_entry(SO(so), &pos, &entry)) {
        rp_obj_t *key = rp_newref(entry->key);
        int rv = set_contains_entry(SO(other), key, entry->hash);
        rp_decref(key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int set_issuperset_internal(rp_obj_t *so, rp_obj_t *other)
{
    if (rp_anyset_check(other))
        return set_issubset_internal(other, so);
    rp_obj_t *it = rp_obj_iter(other);
    if (!it)
        return -1;
    rp_obj_t *key;
    while ((key = rp_iter_next(it)) != NULL) {
        int rv = set_contains_key(SO(so), key);
        rp_decref(key);
        if (rv <= 0) {
            rp_decref(it);
            return rv;
        }
    }
    rp_decref(it);
    return rp_err_occurred() ? -1 : 1;
}

// ---------------------------------------------------------------------
// Slots

static void set_dealloc(rp_obj_t *self)
{
    setobj_t *so = SO(self);
    rp_ssize_t used = so->used;
    rp_gc_untrack(self);
    for (setentry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            rp_decref(entry->key);
        }
    }
    if (so->table != so->smalltable)
        rp_mem_free(so->table);
    rp_obj_free(self);
}

static int set_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_ssize_t pos = 0;
    setentry *entry;
    while (set_next_entry(SO(self), &pos, &entry)) {
        int r = visit(entry->key, arg);
        if (r)
            return r;
    }
    return 0;
}

static int set_tp_clear(rp_obj_t *self)
{
    return set_clear_internal(SO(self));
}

static rp_obj_t *set_repr(rp_obj_t *self)
{
    int status = rp_contutil_repr_enter(self);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return rp_str_from_format("%s(...)", rp_type_name(self->type));
    }
    rp_obj_t *result = NULL;
    if (!SO(self)->used) {
        result = rp_str_from_format("%s()", rp_type_name(self->type));
        goto done;
    }
    rp_obj_t *keys = rp_list_from_iterable(self);
    if (!keys)
        goto done;
    rp_obj_t *listrepr = rp_obj_repr(keys);
    rp_decref(keys);
    if (!listrepr)
        goto done;
    rp_obj_t *inner = rp_str_substr(listrepr, 1, rp_str_len(listrepr) - 1);
    rp_decref(listrepr);
    if (!inner)
        goto done;
    if (self->type != &rp_type_set)
        result = rp_str_from_format("%s({%S})", rp_type_name(self->type), inner);
    else
        result = rp_str_from_format("{%S}", inner);
    rp_decref(inner);
done:
    rp_contutil_repr_leave(self);
    return result;
}

static rp_ssize_t set_len(rp_obj_t *self)
{
    return SO(self)->used;
}

// key in so, where a set key is looked up as a frozenset.
static int set_contains(rp_obj_t *self, rp_obj_t *key)
{
    int rv = set_contains_key(SO(self), key);
    if (rv < 0) {
        if (!is_set(key) || !rp_err_matches(&rp_exc_TypeError))
            return -1;
        rp_err_clear();
        rp_obj_t *tmpkey = make_new_set(&rp_type_frozenset, key);
        if (!tmpkey)
            return -1;
        rv = set_contains_key(SO(self), tmpkey);
        rp_decref(tmpkey);
    }
    return rv;
}

static rp_hash_t shuffle_bits(uint64_t h)
{
    return (rp_hash_t)(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);
}

static rp_hash_t frozenset_hash(rp_obj_t *self)
{
    setobj_t *so = SO(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    // Xor-in shuffled bits of every slot's hash (empty and dummy slots
    // included, then cancelled below): order independent.
    for (setentry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= (uint64_t)shuffle_bits((uint64_t)entry->hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= (uint64_t)shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= (uint64_t)shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (rp_hash_t)hash;
    return so->hash;
}

static rp_obj_t *set_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    if (!rp_anyset_check(w))
        return rp_newref(rp_NotImplemented);
    int r;
    switch (op) {
    case RP_EQ:
    case RP_NE:
        if (SO(v)->used != SO(w)->used)
            r = 0;
        else if (SO(v)->hash != -1 && SO(w)->hash != -1 && SO(v)->hash != SO(w)->hash)
            r = 0;
        else if ((r = set_issubset_internal(v, w)) < 0)
            return NULL;
        return rp_bool_from((r != 0) == (op == RP_EQ));
    case RP_LE:
        r = set_issubset_internal(v, w);
        break;
    case RP_GE:
        r = set_issuperset_internal(v, w);
        break;
    case RP_LT:
        r = SO(v)->used < SO(w)->used ? set_issubset_internal(v, w) : 0;
        break;
    case RP_GT:
        r = SO(v)->used > SO(w)->used ? set_issuperset_internal(v, w) : 0;
        break;
    default:
        return rp_newref(rp_NotImplemented);
    }
    if (r < 0)
        return NULL;
    return rp_bool_from(r);
}

static rp_obj_t *set_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    bool inplace = op >= RP_BINOP_INPLACE;
    int base = inplace ? op - RP_BINOP_INPLACE : op;
    if (base != RP_BINOP_OR && base != RP_BINOP_AND && base != RP_BINOP_SUB &&
        base != RP_BINOP_XOR)
        return rp_newref(rp_NotImplemented);
    if (!rp_anyset_check(a) || !rp_anyset_check(b))
        return rp_newref(rp_NotImplemented);
    if (inplace) {
        if (!is_set(a))
            return rp_newref(rp_NotImplemented);
        int r;
        switch (base) {
        case RP_BINOP_OR:
            r = set_update_internal(SO(a), b);
            break;
        case RP_BINOP_SUB:
            r = set_difference_update_internal(SO(a), b);
            break;
        case RP_BINOP_XOR:
            r = set_symmetric_difference_update(SO(a), b);
            break;
        default: {
            rp_obj_t *tmp = set_intersection(a, b);
            if (!tmp)
                return NULL;
            set_swap_bodies(SO(a), SO(tmp));
            rp_decref(tmp);
            r = 0;
        }
        }
        if (r < 0)
            return NULL;
        return rp_newref(a);
    }
    switch (base) {
    case RP_BINOP_OR: {
        rp_obj_t *result = set_copy(a);
        if (!result || a == b)
            return result;
        if (set_update_internal(SO(result), b)) {
            rp_decref(result);
            return NULL;
        }
        return result;
    }
    case RP_BINOP_AND:
        return set_intersection(a, b);
    case RP_BINOP_SUB:
        return set_difference(a, b);
    default:
        return set_symmetric_difference(a, b);
    }
}

// ---------------------------------------------------------------------
// set_iterator

typedef struct {
    rp_obj_t ob;
    rp_obj_t *set;          // NULL once exhausted
    rp_ssize_t used;
    rp_ssize_t pos;
    rp_ssize_t len;
} setiter_t;

extern rp_type_t rp_type_set_iter;

static rp_obj_t *set_iter(rp_obj_t *self)
{
    setiter_t *si = (setiter_t *)rp_obj_alloc(&rp_type_set_iter, sizeof(setiter_t));
    if (!si)
        return NULL;
    si->set = rp_newref(self);
    si->used = SO(self)->used;
    si->pos = 0;
    si->len = SO(self)->used;
    rp_gc_track(RP_OBJ(si));
    return RP_OBJ(si);
}

static void setiter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(((setiter_t *)self)->set);
    rp_obj_free(self);
}

static int setiter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_obj_t *s = ((setiter_t *)self)->set;
    return s ? visit(s, arg) : 0;
}

static rp_obj_t *setiter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

static rp_obj_t *setiter_next(rp_obj_t *self)
{
    setiter_t *si = (setiter_t *)self;
    rp_obj_t *s = si->set;
    if (!s)
        return NULL;
    setobj_t *so = SO(s);
    if (si->used != so->used) {
        rp_err_set(&rp_exc_RuntimeError, "Set changed size during iteration");
        si->used = -1;
        return NULL;
    }
    rp_ssize_t i = si->pos, mask = so->mask;
    setentry *entry = so->table;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy))
        i++;
    si->pos = i + 1;
    if (i > mask) {
        si->set = NULL;
        rp_decref(s);
        return NULL;
    }
    si->len--;
    return rp_newref(entry[i].key);
}

static rp_obj_t *setiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    setiter_t *si = (setiter_t *)self;
    rp_ssize_t len = 0;
    if (si->set && si->used == SO(si->set)->used)
        len = si->len;
    return rp_int_from_ssize(len);
}

static const rp_method_def_t setiter_methods[] = {
    {"__length_hint__", setiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_set_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "set_iterator",
    .basicsize = sizeof(setiter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = setiter_dealloc,
    .iter = setiter_self,
    .next = setiter_next,
    .traverse = setiter_traverse,
    .methods = setiter_methods,
};

// ---------------------------------------------------------------------
// Construction slots

static rp_obj_t *set_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    if (type == &rp_type_set && rp_arg_no_kw("set", kwnames) < 0)
        return NULL;
    return make_new_set(type, NULL);
}

static int set_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("set", kwnames) < 0 ||
        rp_arg_count(rp_type_name(self->type), nargs, 0, 1) < 0)
        return -1;
    setobj_t *so = SO(self);
    if (so->fill)
        set_clear_internal(so);
    so->hash = -1;
    if (nargs == 0)
        return 0;
    return set_update_internal(so, args[0]);
}

static rp_obj_t *frozenset_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (type == &rp_type_frozenset && rp_arg_no_kw("frozenset", kwnames) < 0)
        return NULL;
    if (rp_arg_count(rp_type_name(type), nargs, 0, 1) < 0)
        return NULL;
    rp_obj_t *iterable = nargs ? args[0] : NULL;
    if (type != &rp_type_frozenset)
        return make_new_set(type, iterable);
    if (iterable && iterable->type == &rp_type_frozenset)
        return rp_newref(iterable);
    return make_new_set(type, iterable);
}

// ---------------------------------------------------------------------
// Methods

#define METH(name) \
    static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)

// "set.union" or "frozenset.union" for messages.
static const char *qual(rp_obj_t *self, const char *set_name, const char *frozen_name)
{
    return is_set(self) ? set_name : frozen_name;
}

METH(set_add_meth)
{
    if (rp_contutil_onearg("set.add", nargs, kwnames) < 0)
        return NULL;
    if (set_add_key(SO(self), args[0]))
        return NULL;
    return rp_newref(rp_None);
}

METH(set_clear_meth)
{
    if (rp_contutil_noargs("set.clear", nargs, kwnames) < 0)
        return NULL;
    set_clear_internal(SO(self));
    return rp_newref(rp_None);
}

METH(set_contains_meth)
{
    if (rp_contutil_onearg(qual(self, "set.__contains__", "frozenset.__contains__"), nargs,
                           kwnames) < 0)
        return NULL;
    int r = set_contains(self, args[0]);
    return r < 0 ? NULL : rp_bool_from(r);
}

METH(set_copy_meth)
{
    if (rp_contutil_noargs(qual(self, "set.copy", "frozenset.copy"), nargs, kwnames) < 0)
        return NULL;
    if (self->type == &rp_type_frozenset)
        return rp_newref(self);
    return set_copy(self);
}

METH(set_discard_meth)
{
    if (rp_contutil_onearg("set.discard", nargs, kwnames) < 0)
        return NULL;
    int rv = set_discard_key(SO(self), args[0]);
    if (rv < 0) {
        if (!is_set(args[0]) || !rp_err_matches(&rp_exc_TypeError))
            return NULL;
        rp_err_clear();
        rp_obj_t *tmpkey = make_new_set(&rp_type_frozenset, args[0]);
        if (!tmpkey)
            return NULL;
        rv = set_discard_key(SO(self), tmpkey);
        rp_decref(tmpkey);
        if (rv < 0)
            return NULL;
    }
    return rp_newref(rp_None);
}

METH(set_remove_meth)
{
    if (rp_contutil_onearg("set.remove", nargs, kwnames) < 0)
        return NULL;
    int rv = set_discard_key(SO(self), args[0]);
    if (rv < 0) {
        if (!is_set(args[0]) || !rp_err_matches(&rp_exc_TypeError))
            return NULL;
        rp_err_clear();
        rp_obj_t *tmpkey = make_new_set(&rp_type_frozenset, args[0]);
        if (!tmpkey)
            return NULL;
        rv = set_discard_key(SO(self), tmpkey);
        rp_decref(tmpkey);
        if (rv < 0)
            return NULL;
    }
    if (rv == DISCARD_NOTFOUND) {
        rp_err_set_value(&rp_exc_KeyError, args[0]);
        return NULL;
    }
    return rp_newref(rp_None);
}

METH(set_pop_meth)
{
    if (rp_contutil_noargs("set.pop", nargs, kwnames) < 0)
        return NULL;
    setobj_t *so = SO(self);
    if (so->used == 0) {
        rp_obj_t *msg = rp_str_from_cstr("pop from an empty set");
        if (msg) {
            rp_err_set_value(&rp_exc_KeyError, msg);
            rp_decref(msg);
        }
        return NULL;
    }
    setentry *entry = so->table + (so->finger & so->mask);
    setentry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    rp_obj_t *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

METH(set_update_meth)
{
    if (rp_arg_no_kw("set.update", kwnames) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(SO(self), args[i]))
            return NULL;
    return rp_newref(rp_None);
}

METH(set_union_meth)
{
    if (rp_arg_no_kw(qual(self, "set.union", "frozenset.union"), kwnames) < 0)
        return NULL;
    rp_obj_t *result = set_copy(self);
    if (!result)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self)
            continue;
        if (set_update_internal(SO(result), args[i])) {
            rp_decref(result);
            return NULL;
        }
    }
    return result;
}

METH(set_intersection_meth)
{
    if (rp_arg_no_kw(qual(self, "set.intersection", "frozenset.intersection"), kwnames) < 0)
        return NULL;
    return set_intersection_multi(self, args, nargs);
}

METH(set_intersection_update_meth)
{
    if (rp_arg_no_kw("set.intersection_update", kwnames) < 0)
        return NULL;
    rp_obj_t *tmp = set_intersection_multi(self, args, nargs);
    if (!tmp)
        return NULL;
    set_swap_bodies(SO(self), SO(tmp));
    rp_decref(tmp);
    return rp_newref(rp_None);
}

METH(set_difference_meth)
{
    if (rp_arg_no_kw(qual(self, "set.difference", "frozenset.difference"), kwnames) < 0)
        return NULL;
    return set_difference_multi(self, args, nargs);
}

METH(set_difference_update_meth)
{
    if (rp_arg_no_kw("set.difference_update", kwnames) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(SO(self), args[i]))
            return NULL;
    return rp_newref(rp_None);
}

METH(set_symmetric_difference_meth)
{
    if (rp_contutil_onearg(qual(self, "set.symmetric_difference",
                                "frozenset.symmetric_difference"), nargs, kwnames) < 0)
        return NULL;
    return set_symmetric_difference(self, args[0]);
}

METH(set_symmetric_difference_update_meth)
{
    if (rp_contutil_onearg("set.symmetric_difference_update", nargs, kwnames) < 0)
        return NULL;
    if (set_symmetric_difference_update(SO(self), args[0]) < 0)
        return NULL;
    return rp_newref(rp_None);
}

METH(set_issubset_meth)
{
    if (rp_contutil_onearg(qual(self, "set.issubset", "frozenset.issubset"), nargs, kwnames) < 0)
        return NULL;
    int r = set_issubset_internal(self, args[0]);
    return r < 0 ? NULL : rp_bool_from(r);
}

METH(set_issuperset_meth)
{
    if (rp_contutil_onearg(qual(self, "set.issuperset", "frozenset.issuperset"), nargs,
                           kwnames) < 0)
        return NULL;
    int r = set_issuperset_internal(self, args[0]);
    return r < 0 ? NULL : rp_bool_from(r);
}

METH(set_isdisjoint_meth)
{
    if (rp_contutil_onearg(qual(self, "set.isdisjoint", "frozenset.isdisjoint"), nargs,
                           kwnames) < 0)
        return NULL;
    rp_obj_t *other = args[0];
    setobj_t *so = SO(self);
    if (self == other)
        return rp_bool_from(so->used == 0);
    if (other->type == &rp_type_set || other->type == &rp_type_frozenset) {
        rp_ssize_t pos = 0;
        setentry *entry;
        if (SO(other)->used > so->used) {
            rp_obj_t *tmp = RP_OBJ(so);
            so = SO(other);
            other = tmp;
        }
        while (set_next_entry(SO(other), &pos, &entry)) {
            rp_obj_t *key = rp_newref(entry->key);
            int rv = set_contains_entry(so, key, entry->hash);
            rp_decref(key);
            if (rv < 0)
                return NULL;
            if (rv)
                return rp_bool_from(false);
        }
        return rp_bool_from(true);
    }
    rp_obj_t *it = rp_obj_iter(other);
    if (!it)
        return NULL;
    rp_obj_t *key;
    while ((key = rp_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        rp_decref(key);
        if (rv < 0) {
            rp_decref(it);
            return NULL;
        }
        if (rv) {
            rp_decref(it);
            return rp_bool_from(false);
        }
    }
    rp_decref(it);
    if (rp_err_occurred())
        return NULL;
    return rp_bool_from(true);
}

METH(set_sizeof_meth)
{
    if (rp_contutil_noargs(qual(self, "set.__sizeof__", "frozenset.__sizeof__"), nargs,
                           kwnames) < 0)
        return NULL;
    rp_ssize_t res = self->type->basicsize;
    if (SO(self)->table != SO(self)->smalltable)
        res += (SO(self)->mask + 1) * (rp_ssize_t)sizeof(setentry);
    return rp_int_from_ssize(res);
}

static const rp_method_def_t set_methods[] = {
    {"add", set_add_meth, RP_METH_INSTANCE, NULL},
    {"clear", set_clear_meth, RP_METH_INSTANCE, NULL},
    {"__contains__", set_contains_meth, RP_METH_INSTANCE, NULL},
    {"copy", set_copy_meth, RP_METH_INSTANCE, NULL},
    {"discard", set_discard_meth, RP_METH_INSTANCE, NULL},
    {"difference", set_difference_meth, RP_METH_INSTANCE, NULL},
    {"difference_update", set_difference_update_meth, RP_METH_INSTANCE, NULL},
    {"intersection", set_intersection_meth, RP_METH_INSTANCE, NULL},
    {"intersection_update", set_intersection_update_meth, RP_METH_INSTANCE, NULL},
    {"isdisjoint", set_isdisjoint_meth, RP_METH_INSTANCE, NULL},
    {"issubset", set_issubset_meth, RP_METH_INSTANCE, NULL},
    {"issuperset", set_issuperset_meth, RP_METH_INSTANCE, NULL},
    {"pop", set_pop_meth, RP_METH_INSTANCE, NULL},
    {"remove", set_remove_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", set_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"symmetric_difference", set_symmetric_difference_meth, RP_METH_INSTANCE, NULL},
    {"symmetric_difference_update", set_symmetric_difference_update_meth, RP_METH_INSTANCE,
     NULL},
    {"union", set_union_meth, RP_METH_INSTANCE, NULL},
    {"update", set_update_meth, RP_METH_INSTANCE, NULL},
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    {NULL},
};

static const rp_method_def_t frozenset_methods[] = {
    {"__contains__", set_contains_meth, RP_METH_INSTANCE, NULL},
    {"copy", set_copy_meth, RP_METH_INSTANCE, NULL},
    {"difference", set_difference_meth, RP_METH_INSTANCE, NULL},
    {"intersection", set_intersection_meth, RP_METH_INSTANCE, NULL},
    {"isdisjoint", set_isdisjoint_meth, RP_METH_INSTANCE, NULL},
    {"issubset", set_issubset_meth, RP_METH_INSTANCE, NULL},
    {"issuperset", set_issuperset_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", set_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"symmetric_difference", set_symmetric_difference_meth, RP_METH_INSTANCE, NULL},
    {"union", set_union_meth, RP_METH_INSTANCE, NULL},
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    {NULL},
};

rp_type_t rp_type_set = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "set",
    .basicsize = sizeof(setobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = set_richcompare,
    .binary_op = set_binary_op,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .traverse = set_traverse,
    .clear = set_tp_clear,
    .new_ = set_tp_new,
    .init = set_init,
    .methods = set_methods,
};

rp_type_t rp_type_frozenset = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "frozenset",
    .basicsize = sizeof(setobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .binary_op = set_binary_op,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .traverse = set_traverse,
    .clear = set_tp_clear,
    .new_ = frozenset_tp_new,
    .methods = frozenset_methods,
};
