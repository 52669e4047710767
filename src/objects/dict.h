// dict: a compact, insertion-ordered hash table (CPython 3.6+ layout: an
// index table into a dense entry array).  String keys compare by pointer
// first and their hashes are cached on the str.
#ifndef RP_DICT_H
#define RP_DICT_H

#include "object.h"

typedef struct rp_dict rp_dict_t;   // layout private to dict.c

extern rp_type_t rp_type_dict;
extern rp_type_t rp_type_dict_keys, rp_type_dict_values, rp_type_dict_items;

static inline bool rp_dict_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_DICT_SUBCLASS);
}
rp_obj_t *rp_dict_new(void);
// A new empty dict that gc generation 0 does not count, neither now nor
// when it is freed: the attribute dict of an instance of class cls, whose
// attributes CPython 3.11 keeps inline, without a dict object
// (memory/gc.c).  It never comes from or goes to the free list, and it
// shares the class's key table (objects/sharedkeys.h) for __sizeof__
// until it gets a key the table cannot take, which also counts it.
// New reference or NULL.
rp_obj_t *rp_dict_new_uncounted(rp_type_t *cls);
// Called when Python code first sees such a dict (obj.__dict__): from
// now on it counts as allocated, as CPython creates the dict then (taking
// it from the free list if it can).  No effect on other dicts.
void rp_dict_count_as_allocated(rp_obj_t *d);
// Where CPython 3.11 makes a dict that it keeps for good and refpy has
// no use for: takes one from the free list as CPython's would, or counts
// the allocation in generation 0.
void rp_dict_note_permanent(void);
// A dict with room for n items (BUILD_MAP / dict literals, sized as
// CPython's _PyDict_FromItems); str_keys: all n keys are exact str.
rp_obj_t *rp_dict_new_presized(rp_ssize_t n, bool str_keys);
rp_ssize_t rp_dict_len(rp_obj_t *d);
// Lookup; borrowed value or NULL.  NULL with no exception set means the
// key is absent; with an exception set, hashing/comparison failed.
rp_obj_t *rp_dict_get_borrow(rp_obj_t *d, rp_obj_t *key);
// Lookup by str key whose hash is known (interned names): the fast path
// for globals and attributes.  Borrowed, NULL if absent (no exception
// unless a comparison raised).
rp_obj_t *rp_dict_get_str_borrow(rp_obj_t *d, rp_obj_t *key);
// The same lookup for the VM's attribute caches: *hint remembers the
// entry index where key was found last time (instances of a class store
// their attributes in the same order), checked first by pointer
// equality, and is updated after a full lookup.  Any *hint value is safe.
rp_obj_t *rp_dict_get_str_hint_borrow(rp_obj_t *d, rp_obj_t *key, uint64_t *hint);
// d[key] = value (key an exact str) with the same index hint: an
// existing entry at *hint is replaced in place.  0, or -1 with an
// exception set.
int rp_dict_set_str_hint(rp_obj_t *d, rp_obj_t *key, rp_obj_t *value, uint64_t *hint);
rp_obj_t *rp_dict_get_cstr_borrow(rp_obj_t *d, const char *key);
int rp_dict_set(rp_obj_t *d, rp_obj_t *key, rp_obj_t *value);       // increfs both
int rp_dict_set_cstr(rp_obj_t *d, const char *key, rp_obj_t *value);
// Deletes key: 0 if removed, -1 with KeyError(key) if absent.
int rp_dict_del(rp_obj_t *d, rp_obj_t *key);
// 1 removed, 0 absent (no exception), -1 error.
int rp_dict_pop_if_present(rp_obj_t *d, rp_obj_t *key, rp_obj_t **value_out);
int rp_dict_contains(rp_obj_t *d, rp_obj_t *key);                  // 1/0/-1
void rp_dict_clear(rp_obj_t *d);
// Iteration in insertion order: pos starts at 0; returns 1 and borrowed
// key/value (either out-pointer may be NULL) or 0 at the end.
int rp_dict_next(rp_obj_t *d, rp_ssize_t *pos, rp_obj_t **key, rp_obj_t **value);
int rp_dict_update(rp_obj_t *d, rp_obj_t *other);   // mapping or iterable of pairs
rp_obj_t *rp_dict_copy(rp_obj_t *d);
rp_obj_t *rp_dict_keys_list(rp_obj_t *d);
rp_obj_t *rp_dict_items_list(rp_obj_t *d);
rp_obj_t *rp_dict_values_list(rp_obj_t *d);
// CPython's PyDict_Merge: copies other (a dict, or a mapping with keys()
// and __getitem__) into d.  override 1: replace existing keys; 0: keep
// them; 2: raise KeyError(key) for a duplicate (f(**a, **b)).  0 / -1.
int rp_dict_merge(rp_obj_t *d, rp_obj_t *other, int override);
// d.setdefault(key, dflt): the value now stored for key (borrowed), or
// NULL with an exception set.
rp_obj_t *rp_dict_setdefault_borrow(rp_obj_t *d, rp_obj_t *key, rp_obj_t *dflt);
// Releases the memory of the dict free lists (full gc collections).
void rp_dict_clear_free_list(void);
// The number of dead dicts, and of minimum-size keys tables, on the free
// lists.
int rp_dict_free_list_len(void);
int rp_dict_keys_free_list_len(void);
// Makes the free lists hold exactly dicts dead dicts and keys keys
// tables (each <= 80), allocating or releasing memory; neither the gc
// count nor the live objects change.  Returns -1 (no exception set) if
// memory ran out.
int rp_dict_free_list_resize(int dicts, int keys);
// Incremented on every change of any dict's keys/values (global counter
// stamped per dict), for LOAD_GLOBAL inline caches.
uint64_t rp_dict_version(rp_obj_t *d);

#endif
