// set and frozenset: open-addressing hash tables of keys.
#ifndef RP_SET_H
#define RP_SET_H

#include "object.h"

extern rp_type_t rp_type_set, rp_type_frozenset, rp_type_set_iter;

static inline bool rp_anyset_check(const rp_obj_t *o)
{
    return o->type == &rp_type_set || o->type == &rp_type_frozenset ||
           rp_type_is_subtype(o->type, &rp_type_set) ||
           rp_type_is_subtype(o->type, &rp_type_frozenset);
}
// New set/frozenset from an iterable (NULL: empty).
rp_obj_t *rp_set_new(rp_obj_t *iterable);
rp_obj_t *rp_frozenset_new(rp_obj_t *iterable);
int rp_set_add(rp_obj_t *set, rp_obj_t *key);
int rp_set_contains(rp_obj_t *set, rp_obj_t *key);     // 1/0/-1
int rp_set_discard(rp_obj_t *set, rp_obj_t *key);      // 1 found, 0 not, -1
rp_ssize_t rp_set_len(rp_obj_t *set);
// Iteration: like rp_dict_next; borrowed key, hash optional.
int rp_set_next(rp_obj_t *set, rp_ssize_t *pos, rp_obj_t **key, rp_hash_t *hash);
int rp_set_update(rp_obj_t *set, rp_obj_t *iterable);

#endif
