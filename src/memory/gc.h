// The cycle collector's object header and tracking lists.  Objects of
// types with RP_TPFLAG_GC carry an rp_gc_head_t just before their
// rp_obj_t header; tracked objects are linked into generation lists.
#ifndef RP_GC_H
#define RP_GC_H

#include "../objects/object.h"

// 16 bytes, like CPython's PyGC_Head, so sys.getsizeof of containers
// matches CPython's (it includes this header).
typedef struct rp_gc_head {
    uintptr_t next;     // next in generation list (low bits: flags)
    uintptr_t prev;     // prev in generation list (low bits: gc_refs/state)
} rp_gc_head_t;

static inline rp_gc_head_t *rp_gc_head(rp_obj_t *o)
{
    return (rp_gc_head_t *)o - 1;
}
static inline rp_obj_t *rp_gc_obj(rp_gc_head_t *g)
{
    return (rp_obj_t *)(g + 1);
}

// Starts tracking a fully initialised container (generation 0); counts
// an allocation toward automatic collection.
void rp_gc_track(rp_obj_t *o);
// Stops tracking (idempotent).  dealloc calls it before releasing children.
void rp_gc_untrack(rp_obj_t *o);
bool rp_gc_is_tracked(rp_obj_t *o);
// Called by rp_obj_alloc for GC types: counts toward generation 0 and may
// trigger an automatic collection (never while a collection is running).
void rp_gc_on_alloc(void);
// Called when a GC object is freed (decrements generation-0 count).
void rp_gc_on_free(void);

// Runs a collection of generations 0..gen; returns the number of
// unreachable objects found, or -1 with an exception set.
rp_ssize_t rp_gc_collect(int gen);

void rp_gc_init(void);

#endif
