// sharedkeys: a model of CPython 3.11's per-class shared key tables
// (ht_cached_keys), kept only for what Python code can observe of them:
// sys.getsizeof of an instance __dict__, and the moment an instance whose
// attributes CPython keeps inline needs a real dict.
#ifndef RP_SHAREDKEYS_H
#define RP_SHAREDKEYS_H

#include "object.h"

typedef struct rp_shared_keys rp_shared_keys_t;

// Called when an instance of t (a class with inline attribute values,
// memory/gc.h rp_gc_type_has_inline_values) is created: as CPython, one
// slot of the class's table stops being usable (while more than one is).
void rp_shared_keys_on_new_instance(rp_type_t *t);
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
