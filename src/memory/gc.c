// Tracking of container objects for the cycle collector: three
// generation lists (CPython 3.11's layout and thresholds 700/10/10) with
// O(1) track/untrack.  The collection itself is not implemented yet.
#include "memory/gc.h"

/*
 * Invariants:
 *
 * - Each generation has a sentinel rp_gc_head_t; tracked objects sit on
 *   exactly one generation's circular doubly-linked list.
 * - An untracked object has next == 0.  The low two bits of `prev` are
 *   reserved for collection state (as CPython's _PyGC_PREV_MASK), so
 *   pointers are always taken through head_prev()/set_prev().
 * - generations[0].count counts allocations of GC objects minus frees
 *   since the last collection; generations[1/2].count count collections
 *   of the younger generation.
 */

#define NUM_GENERATIONS 3
#define PREV_MASK (~(uintptr_t)3)

typedef struct generation {
    rp_gc_head_t head;      // list sentinel
    int threshold;
    int count;
} generation_t;

static generation_t generations[NUM_GENERATIONS];
static bool initialised;

static inline rp_gc_head_t *head_prev(rp_gc_head_t *g)
{
    return (rp_gc_head_t *)(g->prev & PREV_MASK);
}
static inline void set_prev(rp_gc_head_t *g, rp_gc_head_t *p)
{
    g->prev = (g->prev & ~PREV_MASK) | (uintptr_t)p;
}
static inline rp_gc_head_t *head_next(rp_gc_head_t *g)
{
    return (rp_gc_head_t *)g->next;
}

void rp_gc_init(void)
{
    if (initialised)
        return;
    static const int thresholds[NUM_GENERATIONS] = { 700, 10, 10 };
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        rp_gc_head_t *h = &generations[i].head;
        h->next = (uintptr_t)h;
        h->prev = (uintptr_t)h;
        generations[i].threshold = thresholds[i];
        generations[i].count = 0;
    }
    initialised = true;
}

void rp_gc_track(rp_obj_t *o)
{
    rp_gc_head_t *g = rp_gc_head(o);
    if (g->next)
        return;
    if (!initialised)
        rp_gc_init();
    rp_gc_head_t *h = &generations[0].head;
    rp_gc_head_t *last = head_prev(h);
    g->next = (uintptr_t)h;
    g->prev = (uintptr_t)last;
    last->next = (uintptr_t)g;
    set_prev(h, g);
}

void rp_gc_untrack(rp_obj_t *o)
{
    rp_gc_head_t *g = rp_gc_head(o);
    if (!g->next)
        return;
    rp_gc_head_t *prev = head_prev(g);
    rp_gc_head_t *next = head_next(g);
    prev->next = (uintptr_t)next;
    set_prev(next, prev);
    g->next = 0;
    g->prev &= ~PREV_MASK;
}

bool rp_gc_is_tracked(rp_obj_t *o)
{
    return rp_gc_head(o)->next != 0;
}

void rp_gc_on_alloc(void)
{
    generations[0].count++;
    // Automatic collection goes here once the collector exists:
    // count > threshold && enabled && !collecting -> collect_generations().
}

void rp_gc_on_free(void)
{
    if (generations[0].count > 0)
        generations[0].count--;
}

rp_ssize_t rp_gc_collect(int gen)
{
    // No collector yet: a collection resets the counts as CPython's does.
    if (gen < 0 || gen >= NUM_GENERATIONS)
        gen = NUM_GENERATIONS - 1;
    if (gen + 1 < NUM_GENERATIONS)
        generations[gen + 1].count++;
    for (int i = 0; i <= gen; i++)
        generations[i].count = 0;
    return 0;
}
