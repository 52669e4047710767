// tuple: an immutable fixed-size array of references; items inline.
// The empty tuple is a singleton; small tuples are recycled via free
// lists by size, as in CPython.
#ifndef RP_TUPLE_H
#define RP_TUPLE_H

#include "object.h"

typedef struct rp_tuple {
    rp_varobj_t ob;         // size = number of items
    rp_obj_t *items[1];
} rp_tuple_t;

extern rp_type_t rp_type_tuple;

static inline bool rp_tuple_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_TUPLE_SUBCLASS);
}
static inline rp_ssize_t rp_tuple_len(rp_obj_t *o) { return ((rp_tuple_t *)o)->ob.size; }
static inline rp_obj_t *rp_tuple_get_borrow(rp_obj_t *o, rp_ssize_t i)
{
    return ((rp_tuple_t *)o)->items[i];
}
static inline rp_obj_t **rp_tuple_items(rp_obj_t *o) { return ((rp_tuple_t *)o)->items; }
// A new tuple of n NULL items to fill with rp_tuple_init_item_take (the
// empty tuple singleton when n == 0).  Tracked by the gc once returned
// (items must be filled before any allocation that may collect).
rp_obj_t *rp_tuple_new(rp_ssize_t n);
static inline void rp_tuple_init_item_take(rp_obj_t *o, rp_ssize_t i, rp_obj_t *v)
{
    ((rp_tuple_t *)o)->items[i] = v;
}
// Tuple from n borrowed items.
rp_obj_t *rp_tuple_pack(rp_ssize_t n, ...);
rp_obj_t *rp_tuple_from_array(rp_obj_t *const *items, rp_ssize_t n);
rp_obj_t *rp_tuple_from_iterable(rp_obj_t *iterable);
rp_obj_t *rp_tuple_empty(void);     // new reference to the singleton
// Releases the memory of the free lists (a full gc collection does).
void rp_tuple_clear_free_list(void);
// The number of dead tuples of n items (1..20) on the free list; 0 for
// other sizes.
int rp_tuple_free_list_len(rp_ssize_t n);
// Makes the free list of tuples of n items (1..20) hold exactly count
// (<= 2000) dead tuples, allocating or releasing memory; neither the gc
// count nor the live objects change.  Out-of-range arguments are ignored.
// Returns -1 (no exception set) if memory ran out, else 0.
int rp_tuple_free_list_resize(rp_ssize_t n, int count);
// Where CPython 3.11 makes a temporary tuple of n items that refpy does
// not need (the argument tuple of a call through tp_call), holds a tuple
// of that size for the duration: taken from the free list as CPython's
// would be (or allocated and counted), and given back to it by
// rp_tuple_release_temporary, so the free lists and the gc count follow
// CPython's.  The result is a token for the release only (it may be a
// dead tuple kept off its free list meanwhile).  Returns NULL for n <= 0
// (CPython's empty tuple is a singleton).  Never fails.
rp_obj_t *rp_tuple_hold_temporary(rp_ssize_t n);
// Where CPython 3.11 makes a tuple of n items that it keeps for good and
// refpy has no use for: the allocation is counted in generation 0, or
// the tuple is taken from the free list of size n as CPython's would be.
void rp_tuple_note_permanent(rp_ssize_t n);
// Ends rp_tuple_hold_temporary (t may be NULL).
#define RP_TUPLE_HELD_DEAD ((uintptr_t)1)    // a dead tuple taken off its free list
void rp_tuple_release_held_dead(rp_obj_t *t);
static inline void rp_tuple_release_temporary(rp_obj_t *t)
{
    if ((uintptr_t)t & RP_TUPLE_HELD_DEAD)
        rp_tuple_release_held_dead(t);
    else if (t)
        rp_decref(t);
}

#endif
