// list: a mutable array of references with amortised O(1) append.
#ifndef RP_LIST_H
#define RP_LIST_H

#include "object.h"

typedef struct rp_list {
    rp_varobj_t ob;         // size = number of items
    rp_obj_t **items;       // allocated separately (rp_mem)
    rp_ssize_t allocated;
} rp_list_t;

extern rp_type_t rp_type_list;

static inline bool rp_list_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_LIST_SUBCLASS);
}
// A list_iterator (objects/list.c); the VM's FOR_ITER steps it inline.
typedef struct rp_listiter {
    rp_obj_t ob;
    rp_ssize_t index;
    rp_obj_t *seq;          // NULL once exhausted
} rp_listiter_t;

static inline rp_ssize_t rp_list_len(rp_obj_t *o) { return ((rp_list_t *)o)->ob.size; }
// Item i, borrowed, no bounds check.
static inline rp_obj_t *rp_list_get_borrow(rp_obj_t *o, rp_ssize_t i)
{
    return ((rp_list_t *)o)->items[i];
}
// A new list of n NULL slots to be filled with rp_list_init_item_take.
rp_obj_t *rp_list_new(rp_ssize_t n);
static inline void rp_list_init_item_take(rp_obj_t *o, rp_ssize_t i, rp_obj_t *v)
{
    ((rp_list_t *)o)->items[i] = v;
}
int rp_list_append(rp_obj_t *list, rp_obj_t *v);          // increfs v
int rp_list_append_take(rp_obj_t *list, rp_obj_t *v);     // steals v (even on error)
// list[i] = v (bounds-checked; IndexError "list assignment index out of range").
int rp_list_setitem(rp_obj_t *list, rp_ssize_t i, rp_obj_t *v);
rp_obj_t *rp_list_getitem(rp_obj_t *list, rp_ssize_t i);  // new ref, IndexError
int rp_list_extend(rp_obj_t *list, rp_obj_t *iterable);
int rp_list_insert(rp_obj_t *list, rp_ssize_t i, rp_obj_t *v);
// list(iterable).
rp_obj_t *rp_list_from_iterable(rp_obj_t *iterable);
rp_obj_t *rp_list_as_tuple(rp_obj_t *list);
int rp_list_sort(rp_obj_t *list, rp_obj_t *key, bool reverse);  // stable
// CPython's interactive start-up (the readline hook of site) calls
// sorted() with keyword arguments, so list.sort's argument parser has its
// keyword tuple before the first input: the REPL tells refpy so.
void rp_list_sort_kwtuple_exists(void);
// Where CPython 3.11 makes a list that it keeps for good and refpy has
// no use for: takes one from the free list as CPython's would, or counts
// the allocation in generation 0.
void rp_list_note_permanent(void);
// Releases the memory of the list object free list (full gc collections).
void rp_list_clear_free_list(void);
// The number of dead lists on the free list.
int rp_list_free_list_len(void);
// Makes the list free list hold exactly count (<= 80) dead lists,
// allocating or releasing memory; neither the gc count nor the live
// objects change.  Returns -1 (no exception set) if memory ran out.
int rp_list_free_list_resize(int count);

#endif
