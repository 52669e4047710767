// The collector's state and list primitives, shared by memory/gc.c (the
// collector) and memory/gc_query.c (get_objects, get_referrers,
// get_referents).  Other code uses memory/gc.h.
#ifndef RP_GC_INTERNAL_H
#define RP_GC_INTERNAL_H

#include "memory/gc.h"

typedef struct rp_gc_generation {
    rp_gc_head_t head;      // list sentinel (no flags)
    int threshold;          // collection threshold
    int count;              // gen 0: allocations - frees; else collections of gen-1
} rp_gc_generation_t;

typedef struct rp_gc_state {
    rp_gc_generation_t generations[RP_GC_NUM_GENERATIONS];
    rp_gc_head_t permanent;         // gc.freeze()
    bool enabled;                   // automatic collection
    bool collecting;                // a collection is running
    int debug;                      // RP_GC_DEBUG_* flags
    // Objects that survived the last full collection, and those that
    // survived young collections since (the 25% full-collection rule).
    rp_ssize_t long_lived_total;
    rp_ssize_t long_lived_pending;
    rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS];
    rp_obj_t *garbage;              // gc.garbage (list, owned)
    rp_obj_t *callbacks;            // gc.callbacks (list, owned)
} rp_gc_state_t;

extern rp_gc_state_t rp_gc_state;

void rp_gc_list_init(rp_gc_head_t *list);
// Appends all of `from` to `to`; `from` becomes empty.
void rp_gc_list_merge(rp_gc_head_t *from, rp_gc_head_t *to);
rp_ssize_t rp_gc_list_size(rp_gc_head_t *list);

// The automatic collection (rp_gc_on_alloc): picks the oldest generation
// over its threshold (the long-lived rule for generation 2) and collects.
void rp_gc_collect_generations(void);

#endif
