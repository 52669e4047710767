// The cycle collector: the gc header in front of container objects,
// tracking in three generations, the collection itself (CPython 3.11's
// generational algorithm with PEP 442 finalization) and the state the
// `gc` module exposes (thresholds, counts, stats, debug flags, freeze).
#ifndef RP_GC_H
#define RP_GC_H

#include "../objects/object.h"

// 16 bytes, like CPython's PyGC_Head, so sys.getsizeof of containers
// matches CPython's (it includes this header).  The low three bits of
// both words are flags (every gc header is at least 8-byte aligned); see
// the invariants block at the top of memory/gc.c.
typedef struct rp_gc_head {
    uintptr_t next;     // next in generation list (low bits: flags)
    uintptr_t prev;     // prev in generation list (low bits: gc_refs/state)
} rp_gc_head_t;

// Flags in the low bits of `prev` (persistent ones survive track/untrack).
#define RP_GC_PREV_FINALIZED ((uintptr_t)1)   // tp_finalize (__del__) has run
#define RP_GC_PREV_COLLECTING ((uintptr_t)2)  // in the set being collected
#define RP_GC_PREV_MATERIALIZED ((uintptr_t)4) // instance dict seen by Python
// On a dict (which has no finalizer) bit 0 means instead: an instance
// dict not counted in generation 0 (rp_dict_new_uncounted).
#define RP_GC_PREV_UNCOUNTED RP_GC_PREV_FINALIZED
#define RP_GC_PREV_SHIFT 3                    // gc_refs live above the flags
#define RP_GC_PREV_MASK (~(uintptr_t)7)
// Flag in the low bit of `next`, set only inside a collection.
#define RP_GC_NEXT_UNREACHABLE ((uintptr_t)1)

static inline rp_gc_head_t *rp_gc_head(rp_obj_t *o)
{
    return (rp_gc_head_t *)o - 1;
}
static inline rp_obj_t *rp_gc_obj(rp_gc_head_t *g)
{
    return (rp_obj_t *)(g + 1);
}

// Whether o carries a gc header, so it can be tracked: its type has
// RP_TPFLAG_GC (objects/object.h), except that type objects are
// allocated with a header only when they are classes (heap types), even
// if their metatype has the flag: static type objects have none.
static inline bool rp_gc_has_header(const rp_obj_t *o)
{
    const rp_type_t *t = o->type;
    if (!(t->flags & RP_TPFLAG_GC))
        return false;
    if (t->flags & RP_TPFLAG_TYPE_SUBCLASS)
        return (((const rp_type_t *)o)->flags & RP_TPFLAG_HEAPTYPE) != 0;
    return true;
}

// ---------------------------------------------------------------------
// Tracking.  All of these require an object that has a gc header.

// Starts tracking a fully initialised container (appended to generation
// 0).  Idempotent.  Keeps the persistent flags of the header.
void rp_gc_track(rp_obj_t *o);
// Stops tracking (idempotent).  dealloc calls it before releasing children.
void rp_gc_untrack(rp_obj_t *o);
static inline bool rp_gc_is_tracked(rp_obj_t *o)
{
    return rp_gc_head(o)->next != 0;
}
// Called by rp_obj_alloc for GC types: counts an allocation in generation
// 0 and runs an automatic collection when the count passes the threshold,
// collection is enabled, none is running and no exception is pending.
void rp_gc_on_alloc(void);
// Called when a GC object is freed (decrements the generation-0 count).
void rp_gc_on_free(void);
// The object held by a live allocator block marked as an object (as
// rp_mem_walk reports them): the block's start for a non-gc type, just
// past the gc header for a gc type; NULL when the block is too small for
// either.  Only reads words that hold a type pointer or a gc list link,
// so any such block is safe to ask about.  Borrowed.
rp_obj_t *rp_gc_block_object(void *block);
// Adds delta to the generation-0 count, never starting a collection: for
// allocations that CPython makes and refpy does not, or the reverse.
void rp_gc_adjust_count(int delta);
// The generation-0 count (what gc.get_count()[0] would show).
int rp_gc_count0(void);

// PEP 442: whether the object's finalizer (type->finalize, __del__) has
// already run.  The finalize slot itself runs the finalizer
// unconditionally; its callers test the flag and set it before the call
// (the collector does; so must a dealloc that calls finalize), so
// __del__ runs at most once per object even if it resurrects the object.
static inline bool rp_gc_is_finalized(rp_obj_t *o)
{
    return (rp_gc_head(o)->prev & RP_GC_PREV_FINALIZED) != 0;
}
static inline void rp_gc_set_finalized(rp_obj_t *o)
{
    rp_gc_head(o)->prev |= RP_GC_PREV_FINALIZED;
}

// Marks an instance __dict__ as materialised: call it whenever the dict
// of an instance is handed to Python code (obj.__dict__, vars(obj),
// obj.__dict__ = d).  CPython 3.11 keeps the attributes of such
// instances inline, without a dict object, until then; the collector's
// counts (gc.collect() result, gc.get_objects(), get_referrers) leave
// out dicts that were never materialised, as CPython would not see them.
void rp_gc_dict_count_as_allocated(rp_obj_t *dict);
static inline void rp_gc_set_dict_materialized(rp_obj_t *dict)
{
    rp_gc_head(dict)->prev |= RP_GC_PREV_MATERIALIZED;
    if (rp_gc_head(dict)->prev & RP_GC_PREV_UNCOUNTED)
        rp_gc_dict_count_as_allocated(dict);
}

// ---------------------------------------------------------------------
// Collections

#define RP_GC_NUM_GENERATIONS 3

// gc.collect(gen): collects generations 0..gen with the "start"/"stop"
// callbacks.  Returns the number of unreachable objects found (0 if a
// collection is already running), or -1 with ValueError "invalid
// generation" if gen is not 0, 1 or 2.  Must be called with no exception
// pending; never leaves one pending on success.
rp_ssize_t rp_gc_collect(int gen);
// The collection run at interpreter shutdown (CPython's
// _PyGC_CollectNoFail): a full collection even when disabled, without
// callbacks; exceptions raised meanwhile are discarded.
rp_ssize_t rp_gc_collect_no_fail(void);

void rp_gc_init(void);

// ---------------------------------------------------------------------
// State exposed by the gc module (modules/gc.c).

bool rp_gc_is_enabled(void);
void rp_gc_set_enabled(bool enabled);
// True while a collection runs (finalizers, callbacks and clear may run
// Python code then).
bool rp_gc_is_collecting(void);

// gc.get_count(): generation 0 counts allocations minus deallocations of
// GC objects; generations 1 and 2 count collections of the younger one.
void rp_gc_get_count(int counts[RP_GC_NUM_GENERATIONS]);
// Sets the three counts (never starts a collection): for reproducing
// CPython's state at a known point, such as the start of __main__.
void rp_gc_set_count(const int counts[RP_GC_NUM_GENERATIONS]);
void rp_gc_get_threshold(int thresholds[RP_GC_NUM_GENERATIONS]);
void rp_gc_set_threshold(int gen, int threshold);

typedef struct rp_gc_stats {
    rp_ssize_t collections;     // collections of this generation
    rp_ssize_t collected;       // unreachable objects freed by them
    rp_ssize_t uncollectable;   // objects that could not be freed
} rp_gc_stats_t;
void rp_gc_get_stats(rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS]);
// Sets them: for reproducing what CPython's start-up collections leave.
void rp_gc_set_stats(const rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS]);

// Debug flags (gc.DEBUG_*), CPython's values.
enum {
    RP_GC_DEBUG_STATS = 1 << 0,
    RP_GC_DEBUG_COLLECTABLE = 1 << 1,
    RP_GC_DEBUG_UNCOLLECTABLE = 1 << 2,
    RP_GC_DEBUG_SAVEALL = 1 << 5,
    RP_GC_DEBUG_LEAK = RP_GC_DEBUG_COLLECTABLE | RP_GC_DEBUG_UNCOLLECTABLE |
                       RP_GC_DEBUG_SAVEALL,
};
int rp_gc_get_debug(void);
void rp_gc_set_debug(int flags);
// Where debug lines go (CPython writes them to sys.stderr).  The gc
// module installs a writer; NULL (the default) writes to C stderr.
typedef void (*rp_gc_writer_fn)(const char *text);
void rp_gc_set_writer(rp_gc_writer_fn writer);

// A tracer of collections (memlab.trace_gc): told about each phase of
// every collection in plain numbers.  Unset (the default) it costs one
// test per collection.  The tracer runs inside the collection: between
// RP_GC_TRACE_START and RP_GC_TRACE_UNREACHABLE_END it must not run Python
// code nor allocate or free objects (writing text with stdio is fine).
typedef enum {
    RP_GC_TRACE_START,            // generation; examined: objects in the set
    RP_GC_TRACE_SUBTRACTED,       // internal_refs subtracted; roots: objects
                                  // still referenced from outside the set
    RP_GC_TRACE_UNREACHABLE,      // unreachable: how many (then one call each)
    RP_GC_TRACE_UNREACHABLE_OBJ,  // obj: one unreachable object (borrowed)
    RP_GC_TRACE_UNREACHABLE_END,  // the list of unreachable objects ended
    RP_GC_TRACE_FINALIZER,        // obj: its finalizer is about to run
    RP_GC_TRACE_DONE,             // finalizers run, resurrected, freed
} rp_gc_trace_phase_t;
typedef struct rp_gc_trace_info {
    int generation;
    rp_ssize_t examined;        // tracked objects examined
    rp_ssize_t internal_refs;   // references internal to the set
    rp_ssize_t roots;           // objects referenced from outside the set
    rp_ssize_t unreachable;     // objects found unreachable
    rp_ssize_t finalizers;      // finalizers run
    rp_ssize_t resurrected;     // unreachable objects a finalizer revived
    rp_ssize_t freed;           // objects whose cycles were cleared
    rp_obj_t *obj;              // UNREACHABLE_OBJ / FINALIZER (borrowed)
} rp_gc_trace_info_t;
typedef void (*rp_gc_tracer_fn)(rp_gc_trace_phase_t phase, const rp_gc_trace_info_t *info);
// Installs the tracer (NULL removes it).
void rp_gc_set_tracer(rp_gc_tracer_fn tracer);

// gc.freeze(): moves every tracked object to the permanent generation,
// which collections ignore; gc.unfreeze() moves them back to the oldest.
void rp_gc_freeze(void);
// Moves every tracked object of the young generations to the oldest, as
// the collections of CPython's start-up leave the objects made before
// them (counts unchanged).
void rp_gc_age_all(void);
void rp_gc_unfreeze(void);
rp_ssize_t rp_gc_freeze_count(void);

// gc.garbage and gc.callbacks: the lists the collector uses (borrowed;
// created by rp_gc_init, NULL if that failed).
rp_obj_t *rp_gc_garbage_borrow(void);
rp_obj_t *rp_gc_callbacks_borrow(void);

// gc.get_objects(gen): a new list of the objects tracked in generation gen
// (-1: all generations).  New reference or NULL with an exception set.
rp_obj_t *rp_gc_get_objects(int gen);
// gc.get_referrers(*objs): tracked objects that refer to any of objs.
rp_obj_t *rp_gc_get_referrers(rp_obj_t *const *objs, size_t n);
// gc.get_referents(*objs): objects each of objs refers to (per traverse).
rp_obj_t *rp_gc_get_referents(rp_obj_t *const *objs, size_t n);

// The instance dict of o if CPython 3.11 would keep o's attributes inline
// (a class instance whose dict was never materialised), else NULL.
// Borrowed.
rp_obj_t *rp_gc_virtual_dict_borrow(rp_obj_t *o);
// Whether CPython 3.11 would keep the attributes of instances of t inline
// (a class that added the dict slot over a base without one).  Such
// instances get their dict from rp_dict_new_uncounted (objects/dict.h).
// Decided once, when the class is made (RP_TPFLAG_INLINE_VALUES).
bool rp_gc_type_wants_inline_values(rp_type_t *t);
static inline bool rp_gc_type_has_inline_values(rp_type_t *t)
{
    return (t->flags & RP_TPFLAG_INLINE_VALUES) != 0;
}

#endif
