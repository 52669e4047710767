// sharedkeys: CPython 3.11's per-class shared key tables (ht_cached_keys):
// the names that index the inline attribute values of a class's instances
// (objects/instvalues.h), and what Python code can observe of them:
// sys.getsizeof of an instance __dict__, and the moment an instance needs
// a real dict.
#ifndef RP_SHAREDKEYS_H
#define RP_SHAREDKEYS_H

#include "object.h"
#include "str.h"

#define RP_SHARED_KEYS_MAX_SIZE 30

typedef struct rp_shared_keys {
    rp_ssize_t refcnt;      // one for the class, one per dict sharing it
    int nentries;           // names in the table; a name keeps its index
    int usable;             // CPython's dk_usable
    rp_obj_t *names[RP_SHARED_KEYS_MAX_SIZE];  // exact strs, owned
} rp_shared_keys_t;

// The table of class t, made on first use: borrowed (t holds it), NULL
// if memory ran out (no exception).
rp_shared_keys_t *rp_shared_keys_of(rp_type_t *t);
int rp_shared_keys_index_slow(rp_shared_keys_t *sk, rp_obj_t *key);
// The index of key (an exact str) in the table, or -1.
static inline int rp_shared_keys_index(rp_shared_keys_t *sk, rp_obj_t *key)
{
    for (int i = 0; i < sk->nentries; i++)
        if (sk->names[i] == key)
            return i;
    return rp_shared_keys_index_slow(sk, key);
}
// The index of key in the table, added if it is not there yet and there
// is room (CPython's insert_into_dictkeys); -1 if it cannot be (not an
// exact str, or the table is full).
int rp_shared_keys_insert(rp_shared_keys_t *sk, rp_obj_t *key);

// The table of class t, created on first use; a new reference (release
// with rp_shared_keys_decref), or NULL if memory ran out (no exception).
rp_shared_keys_t *rp_shared_keys_get(rp_type_t *t);
void rp_shared_keys_decref(rp_shared_keys_t *sk);
// Makes key part of the table: 1 if it is (now) there, 0 if it cannot be
// (not an exact str, or the table is full): the dict must then stop
// sharing the table.
int rp_shared_keys_add(rp_shared_keys_t *sk, rp_obj_t *key);
// CPython's shared_keys_usable_size: entries plus usable slots, the
// number of value slots a dict sharing the table reports.
rp_ssize_t rp_shared_keys_usable_size(rp_shared_keys_t *sk);
// Called when class t is freed: forgets its table.
void rp_shared_keys_forget(rp_type_t *t);

#endif
