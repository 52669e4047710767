// dict: the compact insertion-ordered hash table (layout and invariants
// in dict_internal.h), its C API, slots and methods.  Views and
// iterators are in dictviews.c.
#include <string.h>

#include "dict_internal.h"
#include "tuple.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "int.h"
#include "errors.h"
#include "args.h"
#include "contutil.h"
#include "sharedkeys.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"
#include "objects/genericalias.h"

#define DICT(o) ((rp_dict_t *)(o))
#define PERTURB_SHIFT 5
#define LOG_MINSIZE 3
#define MINSIZE 8
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->used * 3)

// The keys of every empty dict: one empty slot, no room for entries
// (its size of 1 matters to dict_merge's presizing, as in CPython).
static struct {
    dict_keys_t k;
    int8_t indices[8];
} empty_keys_storage = {
    {0, 0, 1, 1, 0, 0, 0},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.k)

static uint64_t dict_global_version;

static inline uint64_t next_version(void)
{
    return ++dict_global_version;
}

// ---------------------------------------------------------------------
// Index table

static inline rp_ssize_t get_index(const dict_keys_t *k, size_t i)
{
    int log2 = k->log2_size;
    if (log2 < 8)
        return ((const int8_t *)k->indices)[i];
    if (log2 < 16)
        return ((const int16_t *)k->indices)[i];
    if (log2 >= 32)
        return ((const int64_t *)k->indices)[i];
    return ((const int32_t *)k->indices)[i];
}

static inline void set_index(dict_keys_t *k, size_t i, rp_ssize_t ix)
{
    int log2 = k->log2_size;
    if (log2 < 8)
        ((int8_t *)k->indices)[i] = (int8_t)ix;
    else if (log2 < 16)
        ((int16_t *)k->indices)[i] = (int16_t)ix;
    else if (log2 >= 32)
        ((int64_t *)k->indices)[i] = (int64_t)ix;
    else
        ((int32_t *)k->indices)[i] = (int32_t)ix;
}

static inline size_t dk_mask(const dict_keys_t *k)
{
    return ((size_t)1 << k->log2_size) - 1;
}

// CPython's formula, bit for bit: note that it maps 1..7 to 16 slots
// (only 0 and 8 give the minimum of 8), which the growth of dicts with
// few keys relies on.
static uint8_t calculate_log2_keysize(rp_ssize_t minsize)
{
    uint64_t m = ((uint64_t)minsize | MINSIZE) - 1;
    m |= MINSIZE - 1;
    return (uint8_t)(64 - __builtin_clzll(m));
}

// The table size for a dict about to receive n items (presized dicts).
static uint8_t estimate_log2_keysize(rp_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

// Free lists (CPython keeps 80 of each): dict objects, linked through
// their keys field, and minimum-size keys objects, linked through their
// first entry.
#define DICT_MAXFREELIST 80
static rp_dict_t *dict_free_list;
static int dict_numfree;
static dict_keys_t *keys_free_list;
static int keys_numfree;

// Releases the memory of a keys object whose references are gone.
static void free_keys_memory(dict_keys_t *k)
{
    if (k->log2_size == LOG_MINSIZE && keys_numfree < DICT_MAXFREELIST) {
        *(dict_keys_t **)dk_entries(k) = keys_free_list;
        keys_free_list = k;
        keys_numfree++;
        return;
    }
    rp_mem_free(k);
}

static dict_keys_t *new_keys_object(uint8_t log2_size, bool unicode)
{
    if (log2_size == LOG_MINSIZE && keys_free_list) {
        dict_keys_t *dk = keys_free_list;
        keys_free_list = *(dict_keys_t **)dk_entries(dk);
        keys_numfree--;
        dk->unicode = unicode;
        dk->usable = USABLE_FRACTION(MINSIZE);
        dk->nentries = 0;
        memset(dk->indices, 0xff, MINSIZE);
        memset(dk_entries(dk), 0, sizeof(dict_entry_t) * USABLE_FRACTION(MINSIZE));
        return dk;
    }
    if (log2_size > 40) {
        rp_err_nomemory();
        return NULL;
    }
    rp_ssize_t usable = USABLE_FRACTION((rp_ssize_t)1 << log2_size);
    uint8_t log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size >= 32)
        log2_bytes = log2_size + 3;
    else
        log2_bytes = log2_size + 2;
    size_t size = sizeof(dict_keys_t) + ((size_t)1 << log2_bytes) +
                  sizeof(dict_entry_t) * (size_t)usable;
    dict_keys_t *dk = rp_mem_alloc(size);
    if (!dk) {
        rp_err_nomemory();
        return NULL;
    }
    dk->log2_size = log2_size;
    dk->log2_index_bytes = log2_bytes;
    dk->unicode = unicode;
    dk->is_static = 0;
    dk->pad = 0;
    dk->usable = usable;
    dk->nentries = 0;
    memset(dk->indices, 0xff, (size_t)1 << log2_bytes);
    memset(dk_entries(dk), 0, sizeof(dict_entry_t) * (size_t)usable);
    return dk;
}

static void free_keys_object(dict_keys_t *k)
{
    if (k->is_static)
        return;
    dict_entry_t *ep = dk_entries(k);
    for (rp_ssize_t i = 0, n = k->nentries; i < n; i++) {
        rp_xdecref(ep[i].key);
        rp_xdecref(ep[i].value);
    }
    free_keys_memory(k);
}

// The bytes CPython would use for these keys (16-byte entries for
// str-only tables).
static size_t keys_sizeof(const dict_keys_t *k)
{
    size_t entry = k->unicode ? 16 : 24;
    return 32 + ((size_t)1 << k->log2_index_bytes) +
           (size_t)USABLE_FRACTION((rp_ssize_t)1 << k->log2_size) * entry;
}

// ---------------------------------------------------------------------
// Lookup

static inline rp_hash_t key_hash(rp_obj_t *key)
{
    if (rp_str_check_exact(key)) {
        rp_hash_t h = ((rp_str_t *)key)->hash;
        if (h != -1)
            return h;
        return rp_str_hash(key);
    }
    return rp_obj_hash(key);
}

// A str key in a str-only table: no user code runs.
static rp_ssize_t lookup_unicode(dict_keys_t *dk, rp_obj_t *key, rp_hash_t hash)
{
    dict_entry_t *ep0 = dk_entries(dk);
    size_t mask = dk_mask(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        rp_ssize_t ix = get_index(dk, i);
        if (ix >= 0) {
            dict_entry_t *ep = &ep0[ix];
            if (ep->key == key ||
                (ep->hash == hash && rp_str_check_exact(ep->key) && rp_str_eq(ep->key, key)))
                return ix;
        } else if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

// Any key: __eq__ may run and mutate the dict, in which case the lookup
// reports DKIX_KEY_CHANGED and the caller restarts.
static rp_ssize_t lookup_generic(rp_dict_t *mp, dict_keys_t *dk, rp_obj_t *key,
                                 rp_hash_t hash)
{
    dict_entry_t *ep0 = dk_entries(dk);
    size_t mask = dk_mask(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        rp_ssize_t ix = get_index(dk, i);
        if (ix >= 0) {
            dict_entry_t *ep = &ep0[ix];
            if (ep->key == key)
                return ix;
            if (ep->hash == hash) {
                rp_obj_t *startkey = ep->key;
                if (rp_str_check_exact(startkey) && rp_str_check_exact(key)) {
                    if (rp_str_eq(startkey, key))
                        return ix;
                } else {
                    rp_incref(startkey);
                    int cmp = rp_obj_richcompare_bool(startkey, key, RP_EQ);
                    rp_decref(startkey);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (dk == mp->keys && ep0 == dk_entries(mp->keys) &&
                        ep->key == startkey) {
                        if (cmp > 0)
                            return ix;
                    } else
                        return DKIX_KEY_CHANGED;
                }
            }
        } else if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

// Index of key's entry (value in *value_out, borrowed) or DKIX_EMPTY
// (*value_out NULL) or DKIX_ERROR.
static rp_ssize_t dict_lookup(rp_dict_t *mp, rp_obj_t *key, rp_hash_t hash,
                              rp_obj_t **value_out)
{
    rp_ssize_t ix;
    for (;;) {
        dict_keys_t *dk = mp->keys;
        if (dk->unicode && rp_str_check_exact(key))
            ix = lookup_unicode(dk, key, hash);
        else {
            ix = lookup_generic(mp, dk, key, hash);
            if (ix == DKIX_KEY_CHANGED)
                continue;
        }
        break;
    }
    if (ix >= 0)
        *value_out = dk_entries(mp->keys)[ix].value;
    else
        *value_out = NULL;
    return ix;
}

// The index slot holding entry index ix.
static size_t lookdict_index(dict_keys_t *k, rp_hash_t hash, rp_ssize_t index)
{
    size_t mask = dk_mask(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        rp_ssize_t ix = get_index(k, i);
        if (ix == index)
            return i;
        if (ix == DKIX_EMPTY)
            return (size_t)-1;    // cannot happen for a live entry
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

static size_t find_empty_slot(dict_keys_t *keys, rp_hash_t hash)
{
    size_t mask = dk_mask(keys), i = (size_t)hash & mask, perturb = (size_t)hash;
    rp_ssize_t ix = get_index(keys, i);
    while (ix >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = get_index(keys, i);
    }
    return i;
}

// ---------------------------------------------------------------------
// Resizing and insertion

static void build_indices(dict_keys_t *keys, dict_entry_t *ep, rp_ssize_t n)
{
    size_t mask = dk_mask(keys);
    for (rp_ssize_t ix = 0; ix != n; ix++, ep++) {
        size_t hash = (size_t)ep->hash, i = hash & mask;
        for (size_t perturb = hash; get_index(keys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        set_index(keys, i, ix);
    }
}

// Rebuilds the table with 2**log2_newsize slots, compacting entries.
static int dictresize(rp_dict_t *mp, uint8_t log2_newsize, bool unicode)
{
    dict_keys_t *oldkeys = mp->keys;
    if (!oldkeys->unicode)
        unicode = false;
    dict_keys_t *newkeys = new_keys_object(log2_newsize, unicode);
    if (!newkeys)
        return -1;
    rp_ssize_t numentries = mp->used;
    dict_entry_t *oldentries = dk_entries(oldkeys), *newentries = dk_entries(newkeys);
    if (oldkeys->nentries == numentries)
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(dict_entry_t));
    else {
        dict_entry_t *ep = oldentries;
        for (rp_ssize_t i = 0; i < numentries; i++) {
            while (ep->value == NULL)
                ep++;
            newentries[i] = *ep++;
        }
    }
    build_indices(newkeys, newentries, numentries);
    newkeys->usable -= numentries;
    newkeys->nentries = numentries;
    mp->keys = newkeys;
    if (!oldkeys->is_static)
        free_keys_memory(oldkeys);    // the references moved to newkeys
    return 0;
}

static void unshare_keys(rp_dict_t *mp);

static int insertion_resize(rp_dict_t *mp, bool unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

// CPython's _PyObject_GC_MAY_BE_TRACKED.
static inline bool may_be_tracked(rp_obj_t *o)
{
    if (!rp_type_has_flag(o->type, RP_TPFLAG_GC))
        return false;
    if (o->type == &rp_type_tuple)
        return rp_gc_is_tracked(o);
    return true;
}

static inline void maintain_tracking(rp_dict_t *mp, rp_obj_t *key, rp_obj_t *value)
{
    if (!rp_gc_is_tracked(RP_OBJ(mp)) && (may_be_tracked(key) || may_be_tracked(value)))
        rp_gc_track(RP_OBJ(mp));
}

// Appends a new entry for a key known to be absent.  Takes key and value.
static int insert_new_entry(rp_dict_t *mp, rp_obj_t *key, rp_hash_t hash, rp_obj_t *value)
{
    if (mp->values && !rp_shared_keys_add(mp->values, key)) {
        // CPython's split table cannot take the key: it resizes into a
        // combined one.
        unshare_keys(mp);
        if (insertion_resize(mp, rp_str_check_exact(key)) < 0)
            return -1;
    }
    if (mp->keys->usable <= 0) {
        if (insertion_resize(mp, true) < 0)
            return -1;
    }
    dict_keys_t *dk = mp->keys;
    if (dk->unicode && !rp_str_check_exact(key))
        dk->unicode = 0;
    size_t hashpos = find_empty_slot(dk, hash);
    set_index(dk, hashpos, dk->nentries);
    dict_entry_t *ep = &dk_entries(dk)[dk->nentries];
    ep->key = key;
    ep->hash = hash;
    ep->value = value;
    mp->used++;
    mp->version = next_version();
    dk->usable--;
    dk->nentries++;
    return 0;
}

static int insert_to_emptydict(rp_dict_t *mp, rp_obj_t *key, rp_hash_t hash, rp_obj_t *value)
{
    if (mp->values && !rp_shared_keys_add(mp->values, key))
        unshare_keys(mp);
    dict_keys_t *newkeys = new_keys_object(LOG_MINSIZE, rp_str_check_exact(key));
    if (!newkeys)
        return -1;
    mp->keys = newkeys;
    maintain_tracking(mp, key, value);
    size_t hashpos = (size_t)hash & (MINSIZE - 1);
    set_index(newkeys, hashpos, 0);
    dict_entry_t *ep = dk_entries(newkeys);
    ep->key = key;
    ep->hash = hash;
    ep->value = value;
    mp->used++;
    mp->version = next_version();
    newkeys->usable--;
    newkeys->nentries++;
    return 0;
}

// d[key] = value with a known hash.  Takes references to key and value
// (released on error).
static int insertdict(rp_dict_t *mp, rp_obj_t *key, rp_hash_t hash, rp_obj_t *value)
{
    rp_obj_t *old_value;
    if (mp->keys == EMPTY_KEYS) {
        if (insert_to_emptydict(mp, key, hash, value) < 0)
            goto fail;
        return 0;
    }
    if (mp->keys->unicode && !rp_str_check_exact(key)) {
        if (insertion_resize(mp, false) < 0)
            goto fail;
    }
    rp_ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    maintain_tracking(mp, key, value);
    if (ix == DKIX_EMPTY) {
        if (insert_new_entry(mp, key, hash, value) < 0)
            goto fail;
        return 0;
    }
    if (old_value != value) {
        dk_entries(mp->keys)[ix].value = value;
        mp->version = next_version();
    }
    rp_xdecref(old_value);      // may run __del__
    rp_decref(key);
    return 0;
fail:
    rp_decref(value);
    rp_decref(key);
    return -1;
}

// ---------------------------------------------------------------------
// C API

// Frees the first dead dict of the free list (there is one).
static void drop_dead_dict(void)
{
    rp_dict_t *mp = dict_free_list;
    dict_free_list = (rp_dict_t *)mp->keys;
    dict_numfree--;
    rp_mem_free(rp_gc_head(RP_OBJ(mp)));
}

void rp_dict_clear_free_list(void)
{
    while (dict_free_list)
        drop_dead_dict();
    while (keys_free_list) {
        dict_keys_t *k = keys_free_list;
        keys_free_list = *(dict_keys_t **)dk_entries(k);
        rp_mem_free(k);
    }
    keys_numfree = 0;
}

int rp_dict_free_list_len(void)
{
    return dict_numfree;
}

int rp_dict_keys_free_list_len(void)
{
    return keys_numfree;
}

int rp_dict_free_list_resize(int dicts, int keys)
{
    if (dicts < 0 || dicts > DICT_MAXFREELIST || keys < 0 || keys > DICT_MAXFREELIST)
        return 0;
    while (dict_numfree > dicts)
        drop_dead_dict();
    while (dict_numfree < dicts) {
        rp_gc_head_t *g = rp_mem_alloc(sizeof(rp_gc_head_t) + sizeof(rp_dict_t));
        if (!g)
            return -1;
        rp_dict_t *mp = (rp_dict_t *)rp_gc_obj(g);
        mp->keys = (dict_keys_t *)dict_free_list;
        dict_free_list = mp;
        dict_numfree++;
    }
    while (keys_numfree > keys) {
        dict_keys_t *k = keys_free_list;
        keys_free_list = *(dict_keys_t **)dk_entries(k);
        keys_numfree--;
        rp_mem_free(k);
    }
    // new_keys_object takes from the free list while it is not empty:
    // set it aside while making the new tables.
    dict_keys_t *saved = keys_free_list;
    keys_free_list = NULL;
    int r = 0;
    while (keys_numfree < keys) {
        dict_keys_t *k = new_keys_object(LOG_MINSIZE, true);
        if (!k) {
            rp_err_clear();
            r = -1;
            break;
        }
        *(dict_keys_t **)dk_entries(k) = saved;
        saved = k;
        keys_numfree++;
    }
    keys_free_list = saved;
    return r;
}

rp_obj_t *rp_dict_new(void)
{
    rp_dict_t *mp;
    if (dict_free_list) {
        mp = dict_free_list;
        dict_free_list = (rp_dict_t *)mp->keys;
        dict_numfree--;
        rp_contutil_gc_revive(RP_OBJ(mp), &rp_type_dict);
    } else if (!(mp = (rp_dict_t *)rp_obj_alloc(&rp_type_dict, sizeof(rp_dict_t))))
        return NULL;
    mp->used = 0;
    mp->version = next_version();
    mp->keys = EMPTY_KEYS;
    mp->values = NULL;
    return RP_OBJ(mp);
}

// The dict stops sharing its class's key table (as CPython converts a
// split dict to a combined one); an instance dict that was not counted
// yet is counted now, since CPython creates the dict at this point.
static void unshare_keys(rp_dict_t *mp)
{
    rp_shared_keys_t *sk = mp->values;
    mp->values = NULL;
    rp_shared_keys_decref(sk);
    rp_dict_count_as_allocated(RP_OBJ(mp));
}

rp_obj_t *rp_dict_new_uncounted(rp_type_t *cls)
{
    // Decrement first: the allocation below then leaves the count as it
    // was and cannot trigger a collection.
    rp_gc_adjust_count(-1);
    rp_dict_t *mp = (rp_dict_t *)rp_obj_alloc(&rp_type_dict, sizeof(rp_dict_t));
    if (!mp) {
        rp_gc_adjust_count(1);
        return NULL;
    }
    rp_gc_head(RP_OBJ(mp))->prev |= RP_GC_PREV_UNCOUNTED;
    mp->used = 0;
    mp->version = next_version();
    mp->keys = EMPTY_KEYS;
    mp->values = rp_shared_keys_get(cls);
    return RP_OBJ(mp);
}

void rp_dict_count_as_allocated(rp_obj_t *d)
{
    rp_gc_head_t *g = rp_gc_head(d);
    if (!(g->prev & RP_GC_PREV_UNCOUNTED))
        return;
    g->prev &= ~RP_GC_PREV_UNCOUNTED;
    rp_dict_note_permanent();
}

void rp_dict_note_permanent(void)
{
    if (dict_free_list) {
        // CPython's new dict would come from its free list: consume one.
        drop_dead_dict();
    } else {
        rp_gc_adjust_count(1);
    }
}

rp_obj_t *rp_dict_new_presized(rp_ssize_t n, bool str_keys)
{
    rp_obj_t *d = rp_dict_new();
    if (!d || n <= USABLE_FRACTION(MINSIZE))
        return d;
    // No guarantee that n items fit without a resize: huge requests get a
    // medium-size table instead of a MemoryError (as CPython).
    uint8_t log2 = n > USABLE_FRACTION((rp_ssize_t)1 << 17) ? 17 : estimate_log2_keysize(n);
    dict_keys_t *k = new_keys_object(log2, str_keys);
    if (!k) {
        rp_decref(d);
        return NULL;
    }
    DICT(d)->keys = k;
    return d;
}

rp_ssize_t rp_dict_len(rp_obj_t *d)
{
    return DICT(d)->used;
}

uint64_t rp_dict_version(rp_obj_t *d)
{
    return DICT(d)->version;
}

rp_obj_t *rp_dict_get_known_hash_borrow(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash)
{
    rp_obj_t *value;
    if (dict_lookup(DICT(d), key, hash, &value) == DKIX_ERROR)
        return NULL;
    return value;
}

rp_obj_t *rp_dict_get_borrow(rp_obj_t *d, rp_obj_t *key)
{
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return rp_dict_get_known_hash_borrow(d, key, hash);
}

rp_obj_t *rp_dict_get_str_borrow(rp_obj_t *d, rp_obj_t *key)
{
    rp_dict_t *mp = DICT(d);
    rp_hash_t hash = ((rp_str_t *)key)->hash;
    if (hash == -1)
        hash = rp_str_hash(key);
    dict_keys_t *dk = mp->keys;
    if (dk->unicode) {
        rp_ssize_t ix = lookup_unicode(dk, key, hash);
        return ix >= 0 ? dk_entries(dk)[ix].value : NULL;
    }
    rp_obj_t *value;
    dict_lookup(mp, key, hash, &value);
    return value;
}

rp_obj_t *rp_dict_get_str_hint_borrow(rp_obj_t *d, rp_obj_t *key, uint64_t *hint)
{
    dict_keys_t *dk = DICT(d)->keys;
    uint64_t ix = *hint;
    if (ix < (uint64_t)dk->nentries) {
        dict_entry_t *e = &dk_entries(dk)[ix];
        if (e->key == key && e->value)
            return e->value;
    }
    if (!dk->unicode)
        return rp_dict_get_str_borrow(d, key);
    rp_hash_t hash = ((rp_str_t *)key)->hash;
    if (hash == -1)
        hash = rp_str_hash(key);
    rp_ssize_t i = lookup_unicode(dk, key, hash);
    if (i < 0)
        return NULL;
    *hint = (uint64_t)i;
    return dk_entries(dk)[i].value;
}

int rp_dict_set_str_hint(rp_obj_t *d, rp_obj_t *key, rp_obj_t *value, uint64_t *hint)
{
    rp_dict_t *mp = DICT(d);
    dict_keys_t *dk = mp->keys;
    uint64_t ix = *hint;
    if (ix < (uint64_t)dk->nentries) {
        dict_entry_t *e = &dk_entries(dk)[ix];
        if (e->key == key && e->value) {
            // The same steps as insertdict replacing a value.
            rp_obj_t *old = e->value;
            maintain_tracking(mp, key, value);
            rp_incref(value);
            if (old != value) {
                e->value = value;
                mp->version = next_version();
            }
            rp_decref(old);         // may run __del__
            return 0;
        }
    }
    if (!dk->unicode || !rp_str_check_exact(key))
        return rp_dict_set(d, key, value);
    // insertdict's steps for a str key in a str-keyed table, with one
    // probe for the key and the hint set from where it lands.
    rp_hash_t hash = ((rp_str_t *)key)->hash;
    if (hash == -1)
        hash = rp_str_hash(key);
    rp_incref(key);
    rp_incref(value);
    if (dk == EMPTY_KEYS) {
        if (insert_to_emptydict(mp, key, hash, value) < 0)
            goto fail;
        *hint = 0;
        return 0;
    }
    rp_ssize_t i = lookup_unicode(dk, key, hash);
    maintain_tracking(mp, key, value);
    if (i >= 0) {
        dict_entry_t *e = &dk_entries(dk)[i];
        rp_obj_t *old = e->value;
        if (old != value) {
            e->value = value;
            mp->version = next_version();
        }
        *hint = (uint64_t)i;
        rp_decref(old);         // may run __del__
        rp_decref(key);
        return 0;
    }
    if (insert_new_entry(mp, key, hash, value) < 0)
        goto fail;
    *hint = (uint64_t)(mp->keys->nentries - 1);
    return 0;
fail:
    rp_decref(value);
    rp_decref(key);
    return -1;
}

rp_obj_t *rp_dict_get_cstr_borrow(rp_obj_t *d, const char *key)
{
    rp_obj_t *k = rp_str_intern_cstr(key);
    if (!k)
        return NULL;
    rp_obj_t *v = rp_dict_get_str_borrow(d, k);
    rp_decref(k);
    return v;
}

int rp_dict_set_known_hash(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash, rp_obj_t *value)
{
    rp_incref(key);
    rp_incref(value);
    return insertdict(DICT(d), key, hash, value);
}

int rp_dict_set(rp_obj_t *d, rp_obj_t *key, rp_obj_t *value)
{
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return rp_dict_set_known_hash(d, key, hash, value);
}

int rp_dict_set_cstr(rp_obj_t *d, const char *key, rp_obj_t *value)
{
    rp_obj_t *k = rp_str_intern_cstr(key);
    if (!k)
        return -1;
    int r = rp_dict_set(d, k, value);
    rp_decref(k);
    return r;
}

// Removes entry ix (whose slot is found from hash) and releases its key
// and value.
static void delitem_common(rp_dict_t *mp, rp_hash_t hash, rp_ssize_t ix, rp_obj_t *old_value)
{
    size_t hashpos = lookdict_index(mp->keys, hash, ix);
    mp->used--;
    mp->version = next_version();
    set_index(mp->keys, hashpos, DKIX_DUMMY);
    dict_entry_t *ep = &dk_entries(mp->keys)[ix];
    rp_obj_t *old_key = ep->key;
    ep->key = NULL;
    ep->value = NULL;
    ep->hash = 0;
    rp_decref(old_key);
    rp_decref(old_value);
}

int rp_dict_del_known_hash(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash)
{
    rp_obj_t *old_value;
    rp_ssize_t ix = dict_lookup(DICT(d), key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        rp_err_set_value(&rp_exc_KeyError, key);
        return -1;
    }
    delitem_common(DICT(d), hash, ix, old_value);
    return 0;
}

int rp_dict_del(rp_obj_t *d, rp_obj_t *key)
{
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return rp_dict_del_known_hash(d, key, hash);
}

int rp_dict_pop_if_present(rp_obj_t *d, rp_obj_t *key, rp_obj_t **value_out)
{
    rp_dict_t *mp = DICT(d);
    if (value_out)
        *value_out = NULL;
    if (mp->used == 0)
        return 0;
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    rp_obj_t *old_value;
    rp_ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || old_value == NULL)
        return 0;
    rp_incref(old_value);
    delitem_common(mp, hash, ix, old_value);
    if (value_out)
        *value_out = old_value;
    else
        rp_decref(old_value);
    return 1;
}

int rp_dict_contains(rp_obj_t *d, rp_obj_t *key)
{
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    rp_obj_t *value;
    rp_ssize_t ix = dict_lookup(DICT(d), key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

void rp_dict_clear(rp_obj_t *d)
{
    rp_dict_t *mp = DICT(d);
    if (mp->values)
        unshare_keys(mp);
    dict_keys_t *oldkeys = mp->keys;
    if (oldkeys == EMPTY_KEYS)
        return;
    // Empty the dict first: releasing the entries may run code that
    // looks at it.
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    mp->version = next_version();
    free_keys_object(oldkeys);
}

int rp_dict_next_hash(rp_obj_t *d, rp_ssize_t *pos, rp_obj_t **key, rp_obj_t **value,
                      rp_hash_t *hash)
{
    rp_dict_t *mp = DICT(d);
    rp_ssize_t i = *pos;
    dict_keys_t *k = mp->keys;
    rp_ssize_t n = k->nentries;
    if (i < 0 || i >= n)
        return 0;
    dict_entry_t *ep = &dk_entries(k)[i];
    while (i < n && ep->value == NULL) {
        ep++;
        i++;
    }
    if (i >= n)
        return 0;
    *pos = i + 1;
    if (key)
        *key = ep->key;
    if (value)
        *value = ep->value;
    if (hash)
        *hash = ep->hash;
    return 1;
}

int rp_dict_next(rp_obj_t *d, rp_ssize_t *pos, rp_obj_t **key, rp_obj_t **value)
{
    return rp_dict_next_hash(d, pos, key, value, NULL);
}

// A copy of a clean table (no deleted entries, or few): keys object
// duplicated with every reference increfed.
static dict_keys_t *clone_combined_dict_keys(rp_dict_t *orig)
{
    dict_keys_t *k = orig->keys;
    size_t keys_size = sizeof(dict_keys_t) + ((size_t)1 << k->log2_index_bytes) +
                       sizeof(dict_entry_t) * (size_t)USABLE_FRACTION((rp_ssize_t)1 << k->log2_size);
    dict_keys_t *keys = rp_mem_alloc(keys_size);
    if (!keys) {
        rp_err_nomemory();
        return NULL;
    }
    memcpy(keys, k, keys_size);
    keys->is_static = 0;
    dict_entry_t *ep = dk_entries(keys);
    for (rp_ssize_t i = 0; i < keys->nentries; i++) {
        if (ep[i].value) {
            rp_incref(ep[i].value);
            rp_incref(ep[i].key);
        }
    }
    return keys;
}

// CPython's dict_merge: override 1 replaces, 0 keeps existing keys, 2
// raises KeyError(key) on a duplicate.
int rp_dict_merge(rp_obj_t *a, rp_obj_t *b, int override)
{
    rp_dict_t *mp = DICT(a);
    if (rp_dict_check(b) && (b->type->iter == rp_type_dict.iter)) {
        rp_dict_t *other = DICT(b);
        if (other == mp || other->used == 0)
            return 0;
        if (mp->used == 0) {
            override = 1;
            dict_keys_t *okeys = other->keys;
            if (other->used == okeys->nentries &&
                (okeys->log2_size == LOG_MINSIZE ||
                 USABLE_FRACTION(((rp_ssize_t)1 << okeys->log2_size) / 2) < other->used)) {
                dict_keys_t *keys = clone_combined_dict_keys(other);
                if (!keys)
                    return -1;
                dict_keys_t *old = mp->keys;
                mp->keys = keys;
                mp->used = other->used;
                mp->version = next_version();
                free_keys_object(old);
                if (rp_gc_is_tracked(b) && !rp_gc_is_tracked(a))
                    rp_gc_track(a);
                return 0;
            }
        }
        if (USABLE_FRACTION((rp_ssize_t)1 << mp->keys->log2_size) < other->used) {
            if (dictresize(mp, estimate_log2_keysize(mp->used + other->used),
                           other->keys->unicode) < 0)
                return -1;
        }
        rp_ssize_t orig_size = other->keys->nentries;
        rp_ssize_t pos = 0;
        rp_hash_t hash;
        rp_obj_t *key, *value;
        while (rp_dict_next_hash(b, &pos, &key, &value, &hash)) {
            int err = 0;
            rp_incref(key);
            rp_incref(value);
            if (override == 1) {
                rp_incref(key);
                rp_incref(value);
                err = insertdict(mp, key, hash, value);
            } else {
                rp_obj_t *v;
                rp_ssize_t ix = dict_lookup(mp, key, hash, &v);
                if (ix == DKIX_ERROR)
                    err = -1;
                else if (ix == DKIX_EMPTY || v == NULL) {
                    rp_incref(key);
                    rp_incref(value);
                    err = insertdict(mp, key, hash, value);
                } else if (override != 0) {
                    rp_err_set_value(&rp_exc_KeyError, key);
                    err = -1;
                }
            }
            rp_decref(value);
            rp_decref(key);
            if (err != 0)
                return -1;
            if (orig_size != other->keys->nentries) {
                rp_err_set(&rp_exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    // A generic mapping: keys() then b[key].
    rp_obj_t *keys = rp_obj_call_method(b, "keys", NULL, 0);
    if (!keys)
        return -1;
    rp_obj_t *iter = rp_obj_iter(keys);
    rp_decref(keys);
    if (!iter)
        return -1;
    rp_obj_t *key;
    while ((key = rp_iter_next(iter)) != NULL) {
        if (override != 1) {
            int status = rp_dict_contains(a, key);
            if (status != 0) {
                if (status > 0) {
                    if (override == 0) {
                        rp_decref(key);
                        continue;
                    }
                    rp_err_set_value(&rp_exc_KeyError, key);
                }
                rp_decref(key);
                rp_decref(iter);
                return -1;
            }
        }
        rp_obj_t *value = rp_obj_getitem(b, key);
        if (!value) {
            rp_decref(iter);
            rp_decref(key);
            return -1;
        }
        int status = rp_dict_set(a, key, value);
        rp_decref(key);
        rp_decref(value);
        if (status < 0) {
            rp_decref(iter);
            return -1;
        }
    }
    rp_decref(iter);
    return rp_err_occurred() ? -1 : 0;
}

// d.update(seq2) for an iterable of pairs (CPython's
// PyDict_MergeFromSeq2); override 0 keeps existing keys.
static int merge_from_seq2(rp_obj_t *d, rp_obj_t *seq2, int override)
{
    rp_obj_t *it = rp_obj_iter(seq2);
    if (!it)
        return -1;
    for (rp_ssize_t i = 0;; ++i) {
        rp_obj_t *item = rp_iter_next(it);
        if (!item) {
            if (rp_err_occurred())
                goto fail;
            break;
        }
        rp_obj_t *fast;
        if (item->type == &rp_type_list || item->type == &rp_type_tuple)
            fast = rp_newref(item);
        else {
            rp_obj_t *iit = rp_obj_iter(item);
            fast = iit ? rp_list_from_iterable(iit) : NULL;
            rp_xdecref(iit);
            if (!fast) {
                if (rp_err_matches(&rp_exc_TypeError))
                    rp_err_format(&rp_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd to a sequence",
                                  i);
                rp_decref(item);
                goto fail;
            }
        }
        rp_decref(item);
        rp_ssize_t n;
        rp_obj_t **items;
        if (fast->type == &rp_type_tuple) {
            n = rp_tuple_len(fast);
            items = rp_tuple_items(fast);
        } else {
            n = rp_list_len(fast);
            items = ((rp_list_t *)fast)->items;
        }
        if (n != 2) {
            rp_err_format(&rp_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            rp_decref(fast);
            goto fail;
        }
        rp_obj_t *key = rp_newref(items[0]), *value = rp_newref(items[1]);
        rp_decref(fast);
        int status;
        if (override)
            status = rp_dict_set(d, key, value);
        else
            status = rp_dict_setdefault_borrow(d, key, value) ? 0 : -1;
        rp_decref(key);
        rp_decref(value);
        if (status < 0)
            goto fail;
    }
    rp_decref(it);
    return 0;
fail:
    rp_decref(it);
    return -1;
}

// dict(arg) / d.update(arg): a dict, a mapping with keys(), or pairs.
static int dict_update_arg(rp_obj_t *self, rp_obj_t *arg)
{
    if (arg->type == &rp_type_dict)
        return rp_dict_merge(self, arg, 1);
    static rp_obj_t *keys_name;
    if (!keys_name && !(keys_name = rp_str_intern_cstr("keys")))
        return -1;
    rp_obj_t *func = rp_obj_getattr_opt(arg, keys_name);
    if (func) {
        rp_decref(func);
        return rp_dict_merge(self, arg, 1);
    }
    if (rp_err_occurred())
        return -1;
    return merge_from_seq2(self, arg, 1);
}

int rp_dict_update(rp_obj_t *d, rp_obj_t *other)
{
    return dict_update_arg(d, other);
}

rp_obj_t *rp_dict_setdefault_borrow(rp_obj_t *d, rp_obj_t *key, rp_obj_t *defaultobj)
{
    rp_dict_t *mp = DICT(d);
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    if (mp->keys == EMPTY_KEYS) {
        rp_incref(key);
        rp_incref(defaultobj);
        if (insert_to_emptydict(mp, key, hash, defaultobj) < 0) {
            rp_decref(key);
            rp_decref(defaultobj);
            return NULL;
        }
        return defaultobj;
    }
    if (!rp_str_check_exact(key) && mp->keys->unicode) {
        if (insertion_resize(mp, false) < 0)
            return NULL;
    }
    rp_obj_t *value;
    rp_ssize_t ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        rp_incref(key);
        rp_incref(defaultobj);
        if (insert_new_entry(mp, key, hash, defaultobj) < 0) {
            rp_decref(key);
            rp_decref(defaultobj);
            return NULL;
        }
        maintain_tracking(mp, key, defaultobj);
        return defaultobj;
    }
    return value;
}

rp_obj_t *rp_dict_copy(rp_obj_t *o)
{
    rp_dict_t *mp = DICT(o);
    if (mp->used == 0)
        return rp_dict_new();
    if (o->type->iter == rp_type_dict.iter && mp->used >= (mp->keys->nentries * 2) / 3) {
        dict_keys_t *keys = clone_combined_dict_keys(mp);
        if (!keys)
            return NULL;
        rp_obj_t *copy = rp_dict_new();
        if (!copy) {
            free_keys_object(keys);
            return NULL;
        }
        DICT(copy)->keys = keys;
        DICT(copy)->used = mp->used;
        if (rp_gc_is_tracked(o))
            rp_gc_track(copy);
        return copy;
    }
    rp_obj_t *copy = rp_dict_new();
    if (copy && rp_dict_merge(copy, o, 1) < 0)
        rp_clear(&copy);
    return copy;
}

// keys/values/items as a new list: which 0 keys, 1 values, 2 items.
static rp_obj_t *dict_list(rp_obj_t *d, int which)
{
    rp_dict_t *mp = DICT(d);
    for (;;) {
        rp_ssize_t n = mp->used;
        rp_obj_t *v = rp_list_new(n);
        if (!v)
            return NULL;
        if (which == 2 && n) {
            // Allocate the pairs first: allocation may run code that
            // resizes the dict, in which case we start over.
            for (rp_ssize_t i = 0; i < n; i++) {
                rp_obj_t *t = rp_tuple_new(2);
                if (!t) {
                    rp_decref(v);
                    return NULL;
                }
                rp_list_init_item_take(v, i, t);
            }
        }
        if (n != mp->used) {
            rp_decref(v);
            continue;
        }
        dict_entry_t *ep = dk_entries(mp->keys);
        rp_ssize_t j = 0;
        for (rp_ssize_t i = 0, ne = mp->keys->nentries; i < ne; i++) {
            if (!ep[i].value)
                continue;
            if (which == 0)
                rp_list_init_item_take(v, j, rp_newref(ep[i].key));
            else if (which == 1)
                rp_list_init_item_take(v, j, rp_newref(ep[i].value));
            else {
                rp_obj_t *t = rp_list_get_borrow(v, j);
                rp_tuple_init_item_take(t, 0, rp_newref(ep[i].key));
                rp_tuple_init_item_take(t, 1, rp_newref(ep[i].value));
            }
            j++;
        }
        return v;
    }
}

rp_obj_t *rp_dict_keys_list(rp_obj_t *d) { return dict_list(d, 0); }
rp_obj_t *rp_dict_values_list(rp_obj_t *d) { return dict_list(d, 1); }
rp_obj_t *rp_dict_items_list(rp_obj_t *d) { return dict_list(d, 2); }

// ---------------------------------------------------------------------
// Slots

static void dict_dealloc(rp_obj_t *self)
{
    rp_dict_t *mp = DICT(self);
    rp_gc_untrack(self);
    dict_keys_t *keys = mp->keys;
    mp->keys = EMPTY_KEYS;
    free_keys_object(keys);
    if (mp->values) {
        rp_shared_keys_decref(mp->values);
        mp->values = NULL;
    }
    if (rp_gc_head(self)->prev & RP_GC_PREV_UNCOUNTED) {
        // Never counted: leaves neither the count nor the free list changed.
        int count = rp_gc_count0();
        rp_obj_free(self);
        rp_gc_adjust_count(count - rp_gc_count0());
        return;
    }
    if (self->type == &rp_type_dict && dict_numfree < DICT_MAXFREELIST) {
        rp_contutil_gc_retire(self);
        mp->keys = (dict_keys_t *)dict_free_list;
        dict_free_list = mp;
        dict_numfree++;
        return;
    }
    rp_obj_free(self);
}

// Values, then keys, entry by entry; str-only tables visit values only
// (exact str keys cannot be part of a cycle), as CPython does.
static int dict_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    dict_keys_t *keys = DICT(self)->keys;
    dict_entry_t *ep = dk_entries(keys);
    bool values_only = keys->unicode;
    for (rp_ssize_t i = 0, n = keys->nentries; i < n; i++) {
        if (ep[i].value) {
            int r = visit(ep[i].value, arg);
            if (r)
                return r;
            if (!values_only && (r = visit(ep[i].key, arg)))
                return r;
        }
    }
    return 0;
}

static int dict_tp_clear(rp_obj_t *self)
{
    rp_dict_clear(self);
    return 0;
}

static rp_obj_t *dict_repr(rp_obj_t *self)
{
    rp_dict_t *mp = DICT(self);
    int r = rp_contutil_repr_enter(self);
    if (r != 0)
        return r > 0 ? rp_str_from_cstr("{...}") : NULL;
    if (mp->used == 0) {
        rp_contutil_repr_leave(self);
        return rp_str_from_cstr("{}");
    }
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    rp_strbuf_append_char(&b, '{');
    rp_ssize_t pos = 0;
    rp_obj_t *key, *value;
    bool first = true;
    while (rp_dict_next(self, &pos, &key, &value)) {
        rp_incref(key);
        rp_incref(value);
        if (!first)
            rp_strbuf_append_utf8(&b, ", ", 2);
        first = false;
        rp_obj_t *s = rp_obj_repr(key);
        int ok = s && rp_strbuf_append_str(&b, s) == 0;
        rp_xdecref(s);
        if (ok) {
            rp_strbuf_append_utf8(&b, ": ", 2);
            s = rp_obj_repr(value);
            ok = s && rp_strbuf_append_str(&b, s) == 0;
            rp_xdecref(s);
        }
        rp_decref(key);
        rp_decref(value);
        if (!ok)
            goto fail;
    }
    rp_strbuf_append_char(&b, '}');
    rp_contutil_repr_leave(self);
    return rp_strbuf_finish(&b);
fail:
    rp_contutil_repr_leave(self);
    rp_strbuf_discard(&b);
    return NULL;
}

static rp_ssize_t dict_length(rp_obj_t *self)
{
    return DICT(self)->used;
}

static rp_obj_t *missing_name;

static rp_obj_t *dict_subscript(rp_obj_t *self, rp_obj_t *key)
{
    rp_dict_t *mp = DICT(self);
    rp_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    rp_obj_t *value;
    rp_ssize_t ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        if (self->type != &rp_type_dict) {
            if (!missing_name && !(missing_name = rp_str_intern_cstr("__missing__")))
                return NULL;
            rp_obj_t *missing = rp_type_lookup_borrow(self->type, missing_name);
            if (missing) {
                rp_obj_t *res;
                if (missing->type->descr_get) {
                    rp_obj_t *bound = missing->type->descr_get(missing, self,
                                                               RP_OBJ(self->type));
                    if (!bound)
                        return NULL;
                    res = rp_obj_call1(bound, key);
                    rp_decref(bound);
                } else
                    res = rp_obj_call1(missing, key);
                return res;
            }
        }
        rp_err_set_value(&rp_exc_KeyError, key);
        return NULL;
    }
    return rp_newref(value);
}

static int dict_ass_sub(rp_obj_t *self, rp_obj_t *key, rp_obj_t *value)
{
    if (value == NULL)
        return rp_dict_del(self, key);
    return rp_dict_set(self, key, value);
}

static int dict_contains_slot(rp_obj_t *self, rp_obj_t *key)
{
    return rp_dict_contains(self, key);
}

// 1 if a == b as dicts, 0 if not, -1 on error.
static int dict_equal(rp_dict_t *a, rp_dict_t *b)
{
    if (a->used != b->used)
        return 0;
    for (rp_ssize_t i = 0; i < a->keys->nentries; i++) {
        dict_entry_t *ep = &dk_entries(a->keys)[i];
        rp_obj_t *aval = ep->value;
        if (!aval)
            continue;
        rp_obj_t *key = ep->key;
        rp_hash_t hash = ep->hash;
        rp_incref(aval);
        rp_incref(key);
        rp_obj_t *bval;
        if (dict_lookup(b, key, hash, &bval) == DKIX_ERROR)
            bval = NULL;
        if (!bval) {
            rp_decref(key);
            rp_decref(aval);
            return rp_err_occurred() ? -1 : 0;
        }
        rp_incref(bval);
        int cmp = rp_obj_richcompare_bool(aval, bval, RP_EQ);
        rp_decref(key);
        rp_decref(aval);
        rp_decref(bval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static rp_obj_t *dict_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    if (!rp_dict_check(v) || !rp_dict_check(w) || (op != RP_EQ && op != RP_NE))
        return rp_newref(rp_NotImplemented);
    int cmp = dict_equal(DICT(v), DICT(w));
    if (cmp < 0)
        return NULL;
    return rp_bool_from((cmp != 0) == (op == RP_EQ));
}

static rp_obj_t *dict_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op == RP_BINOP_OR) {
        if (!rp_dict_check(a) || !rp_dict_check(b))
            return rp_newref(rp_NotImplemented);
        rp_obj_t *n = rp_dict_copy(a);
        if (n && dict_update_arg(n, b) < 0)
            rp_clear(&n);
        return n;
    }
    if (op == RP_BINOP_OR + RP_BINOP_INPLACE) {
        if (!rp_dict_check(a))
            return rp_newref(rp_NotImplemented);
        if (dict_update_arg(a, b) < 0)
            return NULL;
        return rp_newref(a);
    }
    return rp_newref(rp_NotImplemented);
}

static rp_obj_t *dict_iter(rp_obj_t *self)
{
    return rp_dict_iter_new(self, &rp_type_dict_keyiter);
}

static rp_obj_t *dict_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    // dict() never takes a dict from the free list (CPython allocates it
    // with tp_alloc), so it always counts in gc generation 0.
    rp_dict_t *mp = (rp_dict_t *)(type == &rp_type_dict
                                      ? rp_obj_alloc(type, (size_t)type->basicsize)
                                      : rp_contutil_alloc_zeroed(type, (size_t)type->basicsize));
    if (!mp)
        return NULL;
    mp->used = 0;
    mp->version = next_version();
    mp->keys = EMPTY_KEYS;
    mp->values = NULL;
    // Exact dicts start untracked (tracked once they hold a container);
    // subclass instances may hold anything in their own slots.
    if (type != &rp_type_dict)
        rp_gc_track(RP_OBJ(mp));
    return RP_OBJ(mp);
}

// dict.__init__ / dict.update: at most one positional argument, then the
// keyword arguments.
static int dict_update_common(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames, const char *name)
{
    if (rp_arg_count(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        return -1;
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        if (rp_dict_set(self, rp_tuple_get_borrow(kwnames, (rp_ssize_t)k), args[nargs + k]) < 0)
            return -1;
    }
    return 0;
}

static int dict_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    return dict_update_common(self, args, nargs, kwnames, "dict");
}

// ---------------------------------------------------------------------
// Methods

static rp_obj_t *dict_get_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("dict.get", kwnames) < 0 || rp_arg_count("get", nargs, 1, 2) < 0)
        return NULL;
    rp_obj_t *v = rp_dict_get_borrow(self, args[0]);
    if (!v) {
        if (rp_err_occurred())
            return NULL;
        v = nargs == 2 ? args[1] : rp_None;
    }
    return rp_newref(v);
}

static rp_obj_t *dict_setdefault_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                      rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("dict.setdefault", kwnames) < 0 ||
        rp_arg_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    rp_obj_t *v = rp_dict_setdefault_borrow(self, args[0], nargs == 2 ? args[1] : rp_None);
    return v ? rp_newref(v) : NULL;
}

static rp_obj_t *dict_pop_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("dict.pop", kwnames) < 0 || rp_arg_count("pop", nargs, 1, 2) < 0)
        return NULL;
    rp_obj_t *v;
    int r = rp_dict_pop_if_present(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (nargs == 2)
            return rp_newref(args[1]);
        rp_err_set_value(&rp_exc_KeyError, args[0]);
        return NULL;
    }
    return v;
}

static rp_obj_t *dict_popitem_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.popitem", nargs, kwnames) < 0)
        return NULL;
    rp_dict_t *mp = DICT(self);
    rp_obj_t *res = rp_tuple_new(2);
    if (!res)
        return NULL;
    if (mp->used == 0) {
        rp_decref(res);
        rp_obj_t *msg = rp_str_from_cstr("popitem(): dictionary is empty");
        if (msg) {
            rp_err_set_value(&rp_exc_KeyError, msg);
            rp_decref(msg);
        }
        return NULL;
    }
    if (mp->values)
        unshare_keys(mp);
    dict_keys_t *dk = mp->keys;
    dict_entry_t *ep0 = dk_entries(dk);
    rp_ssize_t i = dk->nentries - 1;
    while (i >= 0 && ep0[i].value == NULL)
        i--;
    rp_obj_t *key = ep0[i].key, *value = ep0[i].value;
    rp_hash_t hash = ep0[i].hash;
    ep0[i].key = NULL;
    ep0[i].value = NULL;
    ep0[i].hash = 0;
    size_t j = lookdict_index(dk, hash, i);
    set_index(dk, j, DKIX_DUMMY);
    rp_tuple_init_item_take(res, 0, key);
    rp_tuple_init_item_take(res, 1, value);
    // The popped entry's place is reused; usable is not given back.
    dk->nentries = i;
    mp->used--;
    mp->version = next_version();
    return res;
}

static rp_obj_t *dict_keys_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.keys", nargs, kwnames) < 0)
        return NULL;
    return rp_dictview_new(self, &rp_type_dict_keys);
}

static rp_obj_t *dict_values_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.values", nargs, kwnames) < 0)
        return NULL;
    return rp_dictview_new(self, &rp_type_dict_values);
}

static rp_obj_t *dict_items_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.items", nargs, kwnames) < 0)
        return NULL;
    return rp_dictview_new(self, &rp_type_dict_items);
}

static rp_obj_t *dict_update_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (dict_update_common(self, args, nargs, kwnames, "update") < 0)
        return NULL;
    return rp_newref(rp_None);
}

static rp_obj_t *dict_clear_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.clear", nargs, kwnames) < 0)
        return NULL;
    rp_dict_clear(self);
    return rp_newref(rp_None);
}

static rp_obj_t *dict_copy_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.copy", nargs, kwnames) < 0)
        return NULL;
    return rp_dict_copy(self);
}

static rp_obj_t *dict_fromkeys_meth(rp_obj_t *cls, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("dict.fromkeys", kwnames) < 0 || rp_arg_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    rp_obj_t *iterable = args[0], *value = nargs == 2 ? args[1] : rp_None;
    rp_obj_t *d = rp_obj_call0(cls);
    if (!d)
        return NULL;
    if (d->type == &rp_type_dict && DICT(d)->used == 0) {
        rp_dict_t *mp = DICT(d);
        if (iterable->type == &rp_type_dict) {
            if (dictresize(mp, estimate_log2_keysize(DICT(iterable)->used),
                           DICT(iterable)->keys->unicode) < 0)
                goto fail;
            rp_ssize_t pos = 0;
            rp_obj_t *key;
            rp_hash_t hash;
            while (rp_dict_next_hash(iterable, &pos, &key, NULL, &hash)) {
                if (rp_dict_set_known_hash(d, key, hash, value) < 0)
                    goto fail;
            }
            return d;
        }
        if (iterable->type == &rp_type_set || iterable->type == &rp_type_frozenset) {
            if (dictresize(mp, estimate_log2_keysize(rp_set_len(iterable)), false) < 0)
                goto fail;
            rp_ssize_t pos = 0;
            rp_obj_t *key;
            rp_hash_t hash;
            while (rp_set_next(iterable, &pos, &key, &hash)) {
                if (rp_dict_set_known_hash(d, key, hash, value) < 0)
                    goto fail;
            }
            return d;
        }
    }
    rp_obj_t *it = rp_obj_iter(iterable);
    if (!it)
        goto fail;
    rp_obj_t *key;
    bool exact = d->type == &rp_type_dict;
    while ((key = rp_iter_next(it)) != NULL) {
        int status = exact ? rp_dict_set(d, key, value) : rp_obj_setitem(d, key, value);
        rp_decref(key);
        if (status < 0) {
            rp_decref(it);
            goto fail;
        }
    }
    rp_decref(it);
    if (rp_err_occurred())
        goto fail;
    return d;
fail:
    rp_decref(d);
    return NULL;
}

static rp_obj_t *dict_contains_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("dict.__contains__", nargs, kwnames) < 0)
        return NULL;
    int r = rp_dict_contains(self, args[0]);
    return r < 0 ? NULL : rp_bool_from(r);
}

static rp_obj_t *dict_getitem_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("dict.__getitem__", nargs, kwnames) < 0)
        return NULL;
    return dict_subscript(self, args[0]);
}

static rp_obj_t *dict_sizeof_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.__sizeof__", nargs, kwnames) < 0)
        return NULL;
    rp_ssize_t res = self->type->basicsize;
    if (DICT(self)->values)     // CPython's split table: the values only
        return rp_int_from_ssize(res + (rp_ssize_t)sizeof(rp_obj_t *) *
                                           rp_shared_keys_usable_size(DICT(self)->values));
    if (!DICT(self)->keys->is_static)
        res += (rp_ssize_t)keys_sizeof(DICT(self)->keys);
    return rp_int_from_ssize(res);
}

static rp_obj_t *dict_reversed_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("dict.__reversed__", nargs, kwnames) < 0)
        return NULL;
    return rp_dict_iter_new(self, &rp_type_dict_revkeyiter);
}

static const rp_method_def_t dict_methods[] = {
    {"__contains__", dict_contains_meth, RP_METH_INSTANCE, NULL},
    {"__getitem__", dict_getitem_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", dict_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"get", dict_get_meth, RP_METH_INSTANCE, NULL},
    {"setdefault", dict_setdefault_meth, RP_METH_INSTANCE, NULL},
    {"pop", dict_pop_meth, RP_METH_INSTANCE, NULL},
    {"popitem", dict_popitem_meth, RP_METH_INSTANCE, NULL},
    {"keys", dict_keys_meth, RP_METH_INSTANCE, NULL},
    {"items", dict_items_meth, RP_METH_INSTANCE, NULL},
    {"values", dict_values_meth, RP_METH_INSTANCE, NULL},
    {"update", dict_update_meth, RP_METH_INSTANCE, NULL},
    {"fromkeys", dict_fromkeys_meth, RP_METH_CLASS, NULL},
    {"clear", dict_clear_meth, RP_METH_INSTANCE, NULL},
    {"copy", dict_copy_meth, RP_METH_INSTANCE, NULL},
    {"__reversed__", dict_reversed_meth, RP_METH_INSTANCE, NULL},
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    {NULL},
};

rp_type_t rp_type_dict = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "dict",
    .basicsize = sizeof(rp_dict_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE | RP_TPFLAG_DICT_SUBCLASS,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = dict_richcompare,
    .binary_op = dict_binary_op,
    .len = dict_length,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .contains = dict_contains_slot,
    .iter = dict_iter,
    .traverse = dict_traverse,
    .clear = dict_tp_clear,
    .new_ = dict_tp_new,
    .init = dict_init,
    .methods = dict_methods,
};
