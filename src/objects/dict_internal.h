// The dict layout, shared by dict.c and dictviews.c only (other code uses
// the API in dict.h).
#ifndef RP_DICT_INTERNAL_H
#define RP_DICT_INTERNAL_H

#include "dict.h"

/*
 * Layout (CPython 3.6+ "compact dict", 3.11 sizing rules):
 *
 *   rp_dict_t --keys--> dict_keys_t: header | indices | entries
 *
 * indices: 2**log2_size slots of int8/16/32/64 (by table size), each
 *   DKIX_EMPTY (-1), DKIX_DUMMY (-2, a deleted slot on some probe
 *   chain) or an index into entries.  Probing is CPython's: i = hash &
 *   mask, then perturb >>= 5; i = (i*5 + perturb + 1) & mask.
 * entries: dense, in insertion order; nentries used so far (deleted
 *   entries keep their place with key == value == NULL), usable more
 *   may be appended before a resize.  A resize compacts the entries.
 * unicode: every key is an exact str (CPython's DICT_KEYS_UNICODE); such
 *   tables are reported by __sizeof__ with 16-byte entries, as CPython
 *   stores them without the hash.  Inserting another key type first
 *   rebuilds the table (same growth rule as CPython, so sizes match).
 * The empty dict points at a shared static keys object (1 slot, usable 0).
 * version: stamped from a global counter on every change of the dict.
 */

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_KEY_CHANGED (-4)

typedef struct {
    rp_hash_t hash;
    rp_obj_t *key;
    rp_obj_t *value;        // NULL: deleted entry
} dict_entry_t;

typedef struct dict_keys {
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    uint8_t unicode;
    uint8_t is_static;
    uint32_t pad;
    rp_ssize_t usable;
    rp_ssize_t nentries;
    char indices[];         // then the entries
} dict_keys_t;

struct rp_dict {
    rp_obj_t ob;
    rp_ssize_t used;
    uint64_t version;
    dict_keys_t *keys;
    // CPython's split-table slot: NULL, or the class's shared key table
    // (objects/sharedkeys.h, owned) while this instance dict would still
    // share it in CPython; it only decides what __sizeof__ reports.
    void *values;
};

static inline dict_entry_t *dk_entries(dict_keys_t *k)
{
    return (dict_entry_t *)(k->indices + ((size_t)1 << k->log2_index_bytes));
}

// Internal API for dictviews.c.

// Creates the iterator over d of type `type` (one of the six dict
// iterator types).  New reference.
rp_obj_t *rp_dict_iter_new(rp_obj_t *d, rp_type_t *type);
extern rp_type_t rp_type_dict_keyiter, rp_type_dict_valueiter, rp_type_dict_itemiter,
    rp_type_dict_revkeyiter, rp_type_dict_revvalueiter, rp_type_dict_revitemiter;
// A view of type `type` over d.  New reference.
rp_obj_t *rp_dictview_new(rp_obj_t *d, rp_type_t *type);
// Lookup with a known hash: borrowed value or NULL (exception set on
// error only).
rp_obj_t *rp_dict_get_known_hash_borrow(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash);
int rp_dict_set_known_hash(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash, rp_obj_t *value);
int rp_dict_del_known_hash(rp_obj_t *d, rp_obj_t *key, rp_hash_t hash);
// Like rp_dict_next but also returns the stored hash.
int rp_dict_next_hash(rp_obj_t *d, rp_ssize_t *pos, rp_obj_t **key, rp_obj_t **value,
                      rp_hash_t *hash);

#endif
