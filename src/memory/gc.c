// The cycle collector: generation lists and tracking, and the collection
// itself as CPython 3.11's Modules/gcmodule.c does it (generations with
// thresholds 700/10/10, trial deletion, PEP 442 finalization, clear).
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "memory/gc_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

/*
 * Object states and invariants (compare Lua's lgc.h):
 *
 * A GC object (rp_gc_has_header) carries an rp_gc_head_t {next, prev} just
 * before its rp_obj_t.  Every gc header is at least 8-byte aligned, so
 * the low three bits of both words are free for flags.
 *
 *   untracked      next == 0.  prev holds only persistent flags.  The
 *                  object is in no list; traverse is never called on it by
 *                  a collection.  State of fresh objects (rp_obj_alloc)
 *                  and of objects being deallocated.
 *   tracked        next/prev link the object into exactly one list: a
 *                  generation (0 young .. 2 old), the permanent generation
 *                  (gc.freeze), or, during a collection, one of the
 *                  collector's private lists.  Its traverse must be safe
 *                  to call: every slot it visits is NULL or valid.
 *
 * Bits of prev (gc.h): FINALIZED (bit 0) is set once the object's
 * finalizer has run or is running (PEP 442: at most once per object);
 * MATERIALIZED (bit 2) marks an instance dict that Python code has seen.
 * Both persist across track/untrack.  COLLECTING (bit 1) is set only
 * while the object belongs to the set being collected; it is clear on
 * every object in a generation list between collections.  Above the
 * flags prev holds the previous list node, except between update_refs
 * and move_unreachable, where it holds gc_refs (a working copy of the
 * reference count).  Bit 0 of next (UNREACHABLE) marks the members of
 * the `unreachable` list while move_unreachable builds it; that list is
 * not a normal list until the bit is cleared again.
 *
 * A collection of generation g (gc_collect_main) runs these phases:
 *
 *   1. merge generations 0..g into g ("young"); counts updated
 *   2. update_refs      gc_refs = refcnt, COLLECTING set, for all of young
 *   3. subtract_refs    gc_refs -= 1 per reference from inside young;
 *                       afterwards gc_refs > 0 means "referenced from
 *                       outside": a root
 *   4. move_unreachable everything not reachable from a root moves to
 *                       `unreachable`; the rest gets its prev pointer back
 *                       and COLLECTING cleared
 *   5. untrack_tuples (and, in full collections, untrack_dicts): reachable
 *                       containers that can no longer be part of a cycle
 *                       leave the lists
 *   6. promote          young survivors merge into generation g+1
 *   7. finalize_garbage type->finalize (__del__) runs once per object,
 *                       FINALIZED set first; it may resurrect objects,
 *                       free some, allocate, or raise
 *   8. handle_resurrected_objects  phases 2-4 again on `unreachable`
 *                       alone: what a finalizer made reachable again
 *                       survives (moved to the old generation)
 *   9. delete_garbage   type->clear on what is still unreachable breaks
 *                       the cycles; refcounting frees the objects
 *
 * Nothing but the collector runs between phases 2 and 6: traverse
 * functions must not run Python code, allocate GC objects or untrack.
 * From phase 7 on arbitrary code runs; it cannot start a collection
 * (`collecting` is set: gc.collect() returns 0, automatic collection is
 * off), and the private lists are re-read from their heads after every
 * call out, since objects may vanish from them (dealloc untracks).
 *
 * Counting (gc.collect()'s result, stats, callbacks): as CPython, the
 * number of objects still unreachable after finalization.  Like CPython
 * 3.11, refpy keeps the attributes of most class instances inline
 * (objects/instvalues.h): no dict object exists until Python code asks
 * for __dict__.  When refpy itself needs one where CPython would not make
 * it (memlab's walks, for one), that dict is "virtual"
 * (rp_gc_virtual_dict_borrow: the instance dict of an instance of a
 * class that added the dict slot itself, never marked MATERIALIZED,
 * referenced only by its instance, with fewer than 30 entries): it is not
 * counted in generation 0, not shown by DEBUG_COLLECTABLE nor saved by
 * DEBUG_SAVEALL, and is left out of get_objects/get_referrers/
 * get_referents (gc_query.c), which see through it to the instance.
 *
 * refpy has no weak references and no legacy (tp_del) finalizers, so
 * CPython's handle_weakrefs and move_legacy_finalizers phases are empty:
 * nothing is ever uncollectable.
 */

#define NUM_GENERATIONS RP_GC_NUM_GENERATIONS
#define PREV_MASK RP_GC_PREV_MASK
#define PREV_SHIFT RP_GC_PREV_SHIFT
#define FINALIZED RP_GC_PREV_FINALIZED
#define COLLECTING RP_GC_PREV_COLLECTING
#define MATERIALIZED RP_GC_PREV_MATERIALIZED
#define PERSISTENT_FLAGS (FINALIZED | MATERIALIZED)
#define NEXT_UNREACHABLE RP_GC_NEXT_UNREACHABLE

rp_gc_state_t rp_gc_state = {
    .generations = {
        { { (uintptr_t)&rp_gc_state.generations[0].head,
            (uintptr_t)&rp_gc_state.generations[0].head }, 700, 0 },
        { { (uintptr_t)&rp_gc_state.generations[1].head,
            (uintptr_t)&rp_gc_state.generations[1].head }, 10, 0 },
        { { (uintptr_t)&rp_gc_state.generations[2].head,
            (uintptr_t)&rp_gc_state.generations[2].head }, 10, 0 },
    },
    .permanent = { (uintptr_t)&rp_gc_state.permanent,
                   (uintptr_t)&rp_gc_state.permanent },
    .enabled = true,
};

#define GEN_HEAD(n) (&rp_gc_state.generations[n].head)

// ---------------------------------------------------------------------
// List primitives (CPython's gc_list_*).  List heads carry no flags.

static inline rp_gc_head_t *gc_next(rp_gc_head_t *g)
{
    return (rp_gc_head_t *)g->next;
}
static inline rp_gc_head_t *gc_prev(rp_gc_head_t *g)
{
    return (rp_gc_head_t *)(g->prev & PREV_MASK);
}
static inline void set_next(rp_gc_head_t *g, rp_gc_head_t *n)
{
    g->next = (uintptr_t)n;
}
static inline void set_prev(rp_gc_head_t *g, rp_gc_head_t *p)
{
    g->prev = (g->prev & ~PREV_MASK) | (uintptr_t)p;
}

void rp_gc_list_init(rp_gc_head_t *list)
{
    list->next = (uintptr_t)list;
    list->prev = (uintptr_t)list;
}

static inline bool gc_list_is_empty(rp_gc_head_t *list)
{
    return list->next == (uintptr_t)list;
}

static inline void gc_list_append(rp_gc_head_t *node, rp_gc_head_t *list)
{
    rp_gc_head_t *last = (rp_gc_head_t *)list->prev;
    set_next(last, node);
    set_prev(node, last);
    set_next(node, list);
    list->prev = (uintptr_t)node;
}

// Moves node from whatever list it is in to the end of list.
static inline void gc_list_move(rp_gc_head_t *node, rp_gc_head_t *list)
{
    rp_gc_head_t *from_prev = gc_prev(node);
    rp_gc_head_t *from_next = gc_next(node);
    set_next(from_prev, from_next);
    set_prev(from_next, from_prev);
    gc_list_append(node, list);
}

// Appends all of `from` to `to`; `from` becomes empty.
void rp_gc_list_merge(rp_gc_head_t *from, rp_gc_head_t *to)
{
    if (!gc_list_is_empty(from)) {
        rp_gc_head_t *to_tail = (rp_gc_head_t *)to->prev;
        rp_gc_head_t *from_head = gc_next(from);
        rp_gc_head_t *from_tail = (rp_gc_head_t *)from->prev;
        set_next(to_tail, from_head);
        set_prev(from_head, to_tail);
        set_next(from_tail, to);
        to->prev = (uintptr_t)from_tail;
    }
    rp_gc_list_init(from);
}

rp_ssize_t rp_gc_list_size(rp_gc_head_t *list)
{
    rp_ssize_t n = 0;
    for (rp_gc_head_t *g = gc_next(list); g != list; g = gc_next(g))
        n++;
    return n;
}

static void gc_list_clear_collecting(rp_gc_head_t *list)
{
    for (rp_gc_head_t *g = gc_next(list); g != list; g = gc_next(g))
        g->prev &= ~COLLECTING;
}

// ---------------------------------------------------------------------
// Tracking

void rp_gc_track(rp_obj_t *o)
{
    rp_gc_head_t *g = rp_gc_head(o);
    if (g->next)
        return;
    gc_list_append(g, GEN_HEAD(0));
}

void rp_gc_untrack(rp_obj_t *o)
{
    rp_gc_head_t *g = rp_gc_head(o);
    if (!g->next)
        return;
    rp_gc_head_t *prev = gc_prev(g);
    rp_gc_head_t *next = gc_next(g);
    set_next(prev, next);
    set_prev(next, prev);
    g->next = 0;
    g->prev &= PERSISTENT_FLAGS;
}

void rp_gc_on_alloc(void)
{
    rp_gc_generation_t *g0 = &rp_gc_state.generations[0];
    g0->count++;
    if (g0->count > g0->threshold && g0->threshold && rp_gc_state.enabled &&
        !rp_gc_state.collecting && !rp_err_occurred())
        rp_gc_collect_generations();
}

void rp_gc_on_free(void)
{
    if (rp_gc_state.generations[0].count > 0)
        rp_gc_state.generations[0].count--;
}

// Whether t is the address of a type object: a heap type (a gc object,
// so its block starts a gc header before it) or a static type (whose own
// type is `type`, the only static metatype).  t is only dereferenced when
// it is 8-byte aligned and non-NULL, which for the second word of a live
// block means a type pointer or a gc list link: readable memory.
static bool is_type_ptr(uintptr_t t)
{
    if (t == 0 || (t & 7) != 0)
        return false;
    if (t > sizeof(rp_gc_head_t) && rp_mem_is_live_object((void *)(t - sizeof(rp_gc_head_t))))
        return true;
    return ((rp_obj_t *)t)->type == &rp_type_type;
}

rp_obj_t *rp_gc_block_object(void *block)
{
    rp_obj_t *a = block;
    uintptr_t t = (uintptr_t)a->type;
    if (is_type_ptr(t) && !(((rp_type_t *)t)->flags & RP_TPFLAG_GC))
        return a;
    if (rp_mem_size(block) >= sizeof(rp_gc_head_t) + sizeof(rp_obj_t))
        return (rp_obj_t *)((char *)block + sizeof(rp_gc_head_t));
    return NULL;
}

void rp_gc_adjust_count(int delta)
{
    rp_gc_state.generations[0].count += delta;
}

int rp_gc_count0(void)
{
    return rp_gc_state.generations[0].count;
}

// ---------------------------------------------------------------------
// gc_refs: a working copy of the reference count kept in prev during
// phases 2-4 (and 8).

static inline rp_ssize_t gc_get_refs(rp_gc_head_t *g)
{
    return (rp_ssize_t)(g->prev >> PREV_SHIFT);
}
static inline void gc_set_refs(rp_gc_head_t *g, rp_ssize_t refs)
{
    g->prev = (g->prev & ~PREV_MASK) | ((uintptr_t)refs << PREV_SHIFT);
}
// Sets gc_refs and COLLECTING, keeping the persistent flags.
static inline void gc_reset_refs(rp_gc_head_t *g, rp_ssize_t refs)
{
    g->prev = (g->prev & PERSISTENT_FLAGS) | COLLECTING | ((uintptr_t)refs << PREV_SHIFT);
}
static inline bool gc_is_collecting(rp_gc_head_t *g)
{
    return (g->prev & COLLECTING) != 0;
}
static inline void gc_clear_collecting(rp_gc_head_t *g)
{
    g->prev &= ~COLLECTING;
}

// Phase 2: gc_refs = refcnt for every object of the list, COLLECTING set.
// An object whose count is already zero is in the middle of its dealloc
// (a dealloc that ran code before untracking): it is untracked rather
// than examined, so it can never be found unreachable and freed twice.
static void update_refs(rp_gc_head_t *containers)
{
    rp_gc_head_t *g = gc_next(containers);
    while (g != containers) {
        rp_gc_head_t *next = gc_next(g);
        rp_obj_t *op = rp_gc_obj(g);
        if (op->refcnt <= 0)
            rp_gc_untrack(op);
        else
            gc_reset_refs(g, op->refcnt);
        g = next;
    }
}

static int visit_decref(rp_obj_t *op, void *arg)
{
    if (op && rp_gc_has_header(op)) {
        rp_gc_head_t *g = rp_gc_head(op);
        // Only objects of the set being collected have COLLECTING; a
        // traverse that reports more references than it owns cannot make
        // gc_refs negative.
        if (gc_is_collecting(g) && gc_get_refs(g) > 0)
            g->prev -= (uintptr_t)1 << PREV_SHIFT;
    }
    return 0;
}

// Phase 3: subtracts the references internal to the list.
static void subtract_refs(rp_gc_head_t *containers)
{
    for (rp_gc_head_t *g = gc_next(containers); g != containers; g = gc_next(g)) {
        rp_obj_t *op = rp_gc_obj(g);
        rp_traverseproc traverse = op->type->traverse;
        if (traverse)
            (void)traverse(op, visit_decref, op);
    }
}

// A traversal callback for move_unreachable: op is reachable from a
// reachable object.
static int visit_reachable(rp_obj_t *op, void *arg)
{
    rp_gc_head_t *reachable = arg;
    if (!op || !rp_gc_has_header(op))
        return 0;
    rp_gc_head_t *g = rp_gc_head(op);
    // Not in the young set, or already known reachable and scanned.
    if (!gc_is_collecting(g))
        return 0;
    if (g->next & NEXT_UNREACHABLE) {
        // Tentatively unreachable (moved to `unreachable` when its
        // gc_refs was 0): move it back to the end of young, where
        // move_unreachable will scan it in turn.  Its list neighbours in
        // `unreachable` carry the flag too.
        rp_gc_head_t *prev = gc_prev(g);
        rp_gc_head_t *next = (rp_gc_head_t *)(g->next & ~NEXT_UNREACHABLE);
        prev->next = g->next;       // keeps prev's NEXT_UNREACHABLE
        g->next &= ~NEXT_UNREACHABLE;
        set_prev(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        // Still ahead in young: tell move_unreachable it is reachable.
        gc_set_refs(g, 1);
    }
    // else gc_refs > 0: a root not scanned yet, nothing to do.
    return 0;
}

// Phase 4: splits young into reachable (left in young, prev pointers
// restored, COLLECTING cleared) and unreachable (COLLECTING kept, next
// flagged NEXT_UNREACHABLE).  young's prev pointers are gc_refs on entry,
// so the walk rebuilds them as it goes.  Returns the number of objects
// left in young.
static rp_ssize_t move_unreachable(rp_gc_head_t *young, rp_gc_head_t *unreachable)
{
    rp_ssize_t reachable = 0;
    rp_gc_head_t *prev = young;
    rp_gc_head_t *g = gc_next(young);

    while (g != young) {
        if (gc_get_refs(g)) {
            // A root, or reached from one: everything it refers to is
            // reachable too.  Objects it reaches that were already moved
            // to `unreachable` come back at the end of young.
            rp_obj_t *op = rp_gc_obj(g);
            rp_traverseproc traverse = op->type->traverse;
            if (traverse)
                (void)traverse(op, visit_reachable, young);
            set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
            reachable++;
        } else {
            // gc_refs == 0 so far: tentatively unreachable.  Link it at
            // the end of `unreachable` with the flag in every next word.
            prev->next = g->next;
            rp_gc_head_t *last = (rp_gc_head_t *)unreachable->prev;
            last->next = NEXT_UNREACHABLE | (uintptr_t)g;
            set_prev(g, last);
            g->next = NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->prev = (uintptr_t)g;
        }
        g = (rp_gc_head_t *)prev->next;
    }
    young->prev = (uintptr_t)prev;
    // The list head is not an object: its flag must not stay.
    unreachable->next &= ~NEXT_UNREACHABLE;
    return reachable;
}

// Phases 2-4.  On return `unreachable` still has NEXT_UNREACHABLE set on
// its members.  Returns the number of objects left in base.
static rp_ssize_t deduce_unreachable(rp_gc_head_t *base, rp_gc_head_t *unreachable)
{
    update_refs(base);
    subtract_refs(base);
    rp_gc_list_init(unreachable);
    return move_unreachable(base, unreachable);
}

// Makes `unreachable` a normal list again (COLLECTING stays set).
static void clear_unreachable_mask(rp_gc_head_t *unreachable)
{
    for (rp_gc_head_t *g = gc_next(unreachable); g != unreachable; g = gc_next(g))
        g->next &= ~NEXT_UNREACHABLE;
}

// ---------------------------------------------------------------------
// Phase 5: untracking containers that cannot be part of a cycle.

// CPython's _PyObject_GC_MAY_BE_TRACKED.
static inline bool may_be_tracked(rp_obj_t *o)
{
    if (!rp_gc_has_header(o))
        return false;
    if (o->type == &rp_type_tuple)
        return rp_gc_is_tracked(o);
    return true;
}

// A tuple whose items are all untracked (atoms or untracked tuples) can
// never be part of a cycle.  A NULL item means the tuple is still being
// built: it stays tracked.  Returns 1 if it untracked t.
static int maybe_untrack_tuple(rp_obj_t *t)
{
    rp_ssize_t n = rp_tuple_len(t);
    rp_obj_t **items = rp_tuple_items(t);
    for (rp_ssize_t i = 0; i < n; i++) {
        if (!items[i] || may_be_tracked(items[i]))
            return 0;
    }
    rp_gc_untrack(t);
    return 1;
}

// Returns the number of tuples untracked.
static rp_ssize_t untrack_tuples(rp_gc_head_t *head)
{
    rp_ssize_t n = 0;
    rp_gc_head_t *g = gc_next(head);
    while (g != head) {
        rp_gc_head_t *next = gc_next(g);
        rp_obj_t *op = rp_gc_obj(g);
        if (op->type == &rp_type_tuple)
            n += maybe_untrack_tuple(op);
        g = next;
    }
    return n;
}

// A dict whose keys and values are all untracked (dict.c tracks it again
// when a trackable item is inserted).  Returns 1 if it untracked d.
static int maybe_untrack_dict(rp_obj_t *d)
{
    rp_ssize_t pos = 0;
    rp_obj_t *key, *value;
    while (rp_dict_next(d, &pos, &key, &value)) {
        if (may_be_tracked(value) || may_be_tracked(key))
            return 0;
    }
    rp_gc_untrack(d);
    return 1;
}

// Only in full collections, to avoid quadratic dict build-up (CPython
// issue #14775).  Returns the number of dicts untracked.
static rp_ssize_t untrack_dicts(rp_gc_head_t *head)
{
    rp_ssize_t n = 0;
    rp_gc_head_t *g = gc_next(head);
    while (g != head) {
        rp_gc_head_t *next = gc_next(g);
        rp_obj_t *op = rp_gc_obj(g);
        if (op->type == &rp_type_dict)
            n += maybe_untrack_dict(op);
        g = next;
    }
    return n;
}

// ---------------------------------------------------------------------
// Virtual instance dicts (see the counting rule above).

bool rp_gc_type_wants_inline_values(rp_type_t *t)
{
    if (!(t->flags & RP_TPFLAG_HEAPTYPE) || t->dict_offset <= 0 ||
        (t->flags & RP_TPFLAG_TYPE_SUBCLASS))
        return false;
    // CPython 3.11 keeps attributes inline only when the dict slot was
    // added by a class over a fixed-size base that has no dict itself.
    rp_type_t *base = t->base;
    while (base && (base->flags & RP_TPFLAG_HEAPTYPE))
        base = base->base;
    return !(base && base->dict_offset);
}

void rp_gc_dict_count_as_allocated(rp_obj_t *dict)
{
    rp_dict_count_as_allocated(dict);
}

rp_obj_t *rp_gc_virtual_dict_borrow(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    if (!rp_gc_type_has_inline_values(t))
        return NULL;
    rp_obj_t *d = *(rp_obj_t **)((char *)o + t->dict_offset);
    // A dict that got a key its class's shared table could not take
    // (objects/sharedkeys.h) is a real dict in CPython too: it is no
    // longer UNCOUNTED.
    if (!d || d->type != &rp_type_dict || d->refcnt != 1 ||
        (rp_gc_head(d)->prev & MATERIALIZED) || !(rp_gc_head(d)->prev & RP_GC_PREV_UNCOUNTED))
        return NULL;
    return d;
}

// Among a list of objects that all have COLLECTING set, clears
// COLLECTING on the virtual dicts whose instance is in the list too, and
// returns how many there are: the members CPython would not have.
static rp_ssize_t unmark_virtual_dicts(rp_gc_head_t *list)
{
    rp_ssize_t n = 0;
    for (rp_gc_head_t *g = gc_next(list); g != list; g = gc_next(g)) {
        rp_obj_t *d = rp_gc_virtual_dict_borrow(rp_gc_obj(g));
        if (d && rp_gc_is_tracked(d) && gc_is_collecting(rp_gc_head(d))) {
            gc_clear_collecting(rp_gc_head(d));
            n++;
        }
    }
    return n;
}

// ---------------------------------------------------------------------
// Debug output

static rp_gc_writer_fn writer;

void rp_gc_set_writer(rp_gc_writer_fn fn)
{
    writer = fn;
}

static void gc_write(const char *text)
{
    if (writer) {
        writer(text);
    } else {
        fputs(text, stderr);
        fflush(stderr);
    }
}

static rp_gc_tracer_fn tracer;

void rp_gc_set_tracer(rp_gc_tracer_fn fn)
{
    tracer = fn;
}

// Phases 2-4 with the numbers a tracer reports: the references internal
// to `base` (sum of refcounts minus sum of gc_refs once subtracted) and
// the roots (objects with gc_refs left).
static rp_ssize_t deduce_unreachable_traced(rp_gc_head_t *base, rp_gc_head_t *unreachable,
                                            rp_gc_trace_info_t *info)
{
    update_refs(base);
    rp_ssize_t total = 0;
    for (rp_gc_head_t *g = gc_next(base); g != base; g = gc_next(g)) {
        total += gc_get_refs(g);
        info->examined++;
    }
    tracer(RP_GC_TRACE_START, info);
    subtract_refs(base);
    rp_ssize_t external = 0;
    for (rp_gc_head_t *g = gc_next(base); g != base; g = gc_next(g)) {
        external += gc_get_refs(g);
        info->roots += gc_get_refs(g) > 0;
    }
    info->internal_refs = total - external;
    tracer(RP_GC_TRACE_SUBTRACTED, info);
    rp_gc_list_init(unreachable);
    return move_unreachable(base, unreachable);
}

static void debug_cycle(const char *msg, rp_obj_t *op)
{
    char buf[320];
    snprintf(buf, sizeof buf, "gc: %s <%.200s %p>\n", msg, rp_type_name(op->type),
             (void *)op);
    gc_write(buf);
}

static void show_stats_each_generations(void)
{
    char buf[256];
    snprintf(buf, sizeof buf,
             "gc: objects in each generation: %zd %zd %zd\n"
             "gc: objects in permanent generation: %zd\n",
             rp_gc_list_size(GEN_HEAD(0)), rp_gc_list_size(GEN_HEAD(1)),
             rp_gc_list_size(GEN_HEAD(2)), rp_gc_list_size(&rp_gc_state.permanent));
    gc_write(buf);
}

static double perf_counter(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

// ---------------------------------------------------------------------
// Phases 7-9: finalization, resurrection, deletion

// Phase 7: runs type->finalize once per object (FINALIZED set first).
// A finalizer may free objects of the list (dealloc untracks them), so
// the loop always takes the first object left and moves it to `seen`.
static void finalize_garbage(rp_gc_head_t *collectable, rp_gc_trace_info_t *info)
{
    rp_gc_head_t seen;
    rp_gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        rp_gc_head_t *g = gc_next(collectable);
        rp_obj_t *op = rp_gc_obj(g);
        gc_list_move(g, &seen);
        rp_destructor finalize = op->type->finalize;
        if (!(g->prev & FINALIZED) && finalize) {
            g->prev |= FINALIZED;
            info->finalizers++;
            if (tracer) {
                info->obj = op;
                tracer(RP_GC_TRACE_FINALIZER, info);
                info->obj = NULL;
            }
            rp_incref(op);
            finalize(op);
            if (rp_err_occurred())
                rp_err_write_unraisable(op);
            rp_decref(op);
        }
    }
    rp_gc_list_merge(&seen, collectable);
}

// Phase 8: what the finalizers made reachable again (from outside the
// set) survives and joins the old generation; the rest, still
// unreachable, goes to still_unreachable with COLLECTING set.
static void handle_resurrected_objects(rp_gc_head_t *unreachable,
                                       rp_gc_head_t *still_unreachable,
                                       rp_gc_head_t *old)
{
    gc_list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    rp_gc_list_merge(unreachable, old);
}

// Phase 9: breaks the cycles with type->clear (or, with DEBUG_SAVEALL,
// appends the objects to gc.garbage instead).  Objects that survive their
// clear move to the old generation.  Virtual dicts (COLLECTING already
// cleared by unmark_virtual_dicts) are not saved: their instance is.
static void delete_garbage(rp_gc_head_t *collectable, rp_gc_head_t *old)
{
    while (!gc_list_is_empty(collectable)) {
        rp_gc_head_t *g = gc_next(collectable);
        rp_obj_t *op = rp_gc_obj(g);
        if (rp_gc_state.debug & RP_GC_DEBUG_SAVEALL) {
            if (rp_gc_state.garbage && gc_is_collecting(g) &&
                rp_list_append(rp_gc_state.garbage, op) < 0)
                rp_err_clear();
        } else if (op->type->clear) {
            rp_incref(op);
            (void)op->type->clear(op);
            if (rp_err_occurred())
                rp_err_write_unraisable(RP_OBJ(op->type));
            rp_decref(op);
        }
        if (gc_next(collectable) == g) {
            // Still alive (referenced from outside after all, or no
            // clear): it may die later.
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
    }
}

// ---------------------------------------------------------------------
// Free lists

// The container types keep free lists of dead objects (tuple, list,
// dict), whose reuse does not count as an allocation.  A full collection
// empties them, as CPython's clear_freelists does: then the counts after
// gc.collect() are CPython's, and the memory goes back to the allocator.
static void clear_freelists(void)
{
    rp_tuple_clear_free_list();
    rp_list_clear_free_list();
    rp_dict_clear_free_list();
}

// ---------------------------------------------------------------------
// The collection

// Collects generations 0..generation and returns the number of
// unreachable objects found; *collected / *uncollectable receive the
// parts.  The caller has set rp_gc_state.collecting.
static rp_ssize_t gc_collect_main(int generation, rp_ssize_t *n_collected,
                                  rp_ssize_t *n_uncollectable)
{
    rp_ssize_t m = 0;   // objects collected
    rp_ssize_t n = 0;   // unreachable objects that could not be collected
    double t1 = 0;

    if (rp_gc_state.debug & RP_GC_DEBUG_STATS) {
        char buf[64];
        snprintf(buf, sizeof buf, "gc: collecting generation %d...\n", generation);
        gc_write(buf);
        show_stats_each_generations();
        t1 = perf_counter();
    }

    // Phase 1: counts, then the young generations join `generation`.
    if (generation + 1 < NUM_GENERATIONS)
        rp_gc_state.generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        rp_gc_state.generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        rp_gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation));

    rp_gc_head_t *young = GEN_HEAD(generation);
    rp_gc_head_t *old = generation < NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    // Phases 2-4.  (Survivors are counted on the way rather than by
    // walking the list again, as CPython's gc_list_size does.)
    rp_gc_head_t unreachable;
    rp_gc_trace_info_t info = {.generation = generation};
    rp_ssize_t survivors = tracer ? deduce_unreachable_traced(young, &unreachable, &info)
                                  : deduce_unreachable(young, &unreachable);

    // Phases 5-6.
    survivors -= untrack_tuples(young);
    if (young != old) {
        if (generation == NUM_GENERATIONS - 2)
            rp_gc_state.long_lived_pending += survivors;
        rp_gc_list_merge(young, old);
    } else {
        survivors -= untrack_dicts(young);
#ifdef RP_DEBUG
        assert(survivors == rp_gc_list_size(young));
#endif
        rp_gc_state.long_lived_pending = 0;
        rp_gc_state.long_lived_total = survivors;
    }

    // No legacy finalizers exist: `unreachable` becomes a normal list.
    clear_unreachable_mask(&unreachable);

    if (rp_gc_state.debug & RP_GC_DEBUG_COLLECTABLE) {
        unmark_virtual_dicts(&unreachable);
        for (rp_gc_head_t *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g)) {
            if (gc_is_collecting(g))
                debug_cycle("collectable", rp_gc_obj(g));
        }
    }

    if (tracer) {
        // Listed as gc.collect() counts them: without virtual dicts.
        unmark_virtual_dicts(&unreachable);
        for (rp_gc_head_t *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g))
            info.unreachable += gc_is_collecting(g);
        tracer(RP_GC_TRACE_UNREACHABLE, &info);
        for (rp_gc_head_t *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g)) {
            if (gc_is_collecting(g)) {
                info.obj = rp_gc_obj(g);
                tracer(RP_GC_TRACE_UNREACHABLE_OBJ, &info);
            }
        }
        info.obj = NULL;
        tracer(RP_GC_TRACE_UNREACHABLE_END, &info);
    }

    // Phases 7-8.
    finalize_garbage(&unreachable, &info);
    rp_gc_head_t final_unreachable;
    handle_resurrected_objects(&unreachable, &final_unreachable, old);

    // Phase 9.
    m += rp_gc_list_size(&final_unreachable) - unmark_virtual_dicts(&final_unreachable);
    delete_garbage(&final_unreachable, old);
    if (tracer) {
        info.freed = m;
        info.resurrected = info.unreachable - m > 0 ? info.unreachable - m : 0;
        tracer(RP_GC_TRACE_DONE, &info);
    }

    if (rp_gc_state.debug & RP_GC_DEBUG_STATS) {
        char buf[160];
        snprintf(buf, sizeof buf,
                 "gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n",
                 n + m, n, perf_counter() - t1);
        gc_write(buf);
    }

    if (generation == NUM_GENERATIONS - 1)
        clear_freelists();

    // Finalizers and clear report their own errors; nothing may leak out.
    if (rp_err_occurred())
        rp_err_clear();

    *n_collected = m;
    *n_uncollectable = n;
    rp_gc_stats_t *stats = &rp_gc_state.stats[generation];
    stats->collections++;
    stats->collected += m;
    stats->uncollectable += n;
    return n + m;
}

// Calls every gc.callbacks entry with (phase, info); errors are reported
// as unraisable and do not stop the others.
static void invoke_gc_callback(const char *phase, int generation,
                               rp_ssize_t collected, rp_ssize_t uncollectable)
{
    rp_obj_t *callbacks = rp_gc_state.callbacks;
    if (!callbacks || rp_list_len(callbacks) == 0)
        return;
    rp_obj_t *info = rp_dict_new();
    rp_obj_t *phase_obj = rp_str_from_cstr(phase);
    rp_obj_t *v1 = rp_int_from_i64(generation);
    rp_obj_t *v2 = rp_int_from_ssize(collected);
    rp_obj_t *v3 = rp_int_from_ssize(uncollectable);
    if (!info || !phase_obj || !v1 || !v2 || !v3 ||
        rp_dict_set_cstr(info, "generation", v1) < 0 ||
        rp_dict_set_cstr(info, "collected", v2) < 0 ||
        rp_dict_set_cstr(info, "uncollectable", v3) < 0) {
        rp_err_clear();
        goto done;
    }
    rp_incref(callbacks);
    // The list may change under us: re-read its length each time.
    for (rp_ssize_t i = 0; i < rp_list_len(callbacks); i++) {
        rp_obj_t *cb = rp_list_get_borrow(callbacks, i);
        rp_incref(cb);
        rp_obj_t *r = rp_obj_call2(cb, phase_obj, info);
        if (!r)
            rp_err_write_unraisable(cb);
        else
            rp_decref(r);
        rp_decref(cb);
    }
    rp_decref(callbacks);
done:
    rp_xdecref(info);
    rp_xdecref(phase_obj);
    rp_xdecref(v1);
    rp_xdecref(v2);
    rp_xdecref(v3);
}

static rp_ssize_t gc_collect_with_callback(int generation)
{
    rp_ssize_t collected = 0, uncollectable = 0;
    invoke_gc_callback("start", generation, 0, 0);
    rp_ssize_t result = gc_collect_main(generation, &collected, &uncollectable);
    invoke_gc_callback("stop", generation, collected, uncollectable);
    return result;
}

void rp_gc_collect_generations(void)
{
    rp_gc_state.collecting = true;
    // The oldest generation whose count exceeds its threshold, except
    // that a full collection also waits until the objects that survived
    // young collections since the last one (long_lived_pending) are at
    // least 25% of those that survived it (long_lived_total): full
    // collections then cost amortised linear time (CPython issue #4074).
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (rp_gc_state.generations[i].count > rp_gc_state.generations[i].threshold) {
            if (i == NUM_GENERATIONS - 1 &&
                rp_gc_state.long_lived_pending < rp_gc_state.long_lived_total / 4)
                continue;
            gc_collect_with_callback(i);
            break;
        }
    }
    rp_gc_state.collecting = false;
}

rp_ssize_t rp_gc_collect(int gen)
{
    if (gen < 0 || gen >= NUM_GENERATIONS) {
        rp_err_set(&rp_exc_ValueError, "invalid generation");
        return -1;
    }
    if (rp_gc_state.collecting)
        return 0;
    rp_gc_state.collecting = true;
    rp_ssize_t n = gc_collect_with_callback(gen);
    rp_gc_state.collecting = false;
    return n;
}

rp_ssize_t rp_gc_collect_no_fail(void)
{
    if (rp_gc_state.collecting)
        return 0;
    rp_obj_t *saved = rp_err_fetch();
    rp_gc_state.collecting = true;
    rp_ssize_t collected, uncollectable;
    rp_ssize_t n = gc_collect_main(NUM_GENERATIONS - 1, &collected, &uncollectable);
    rp_gc_state.collecting = false;
    rp_err_clear();
    rp_err_restore(saved);
    return n;
}

// ---------------------------------------------------------------------
// State for the gc module

void rp_gc_init(void)
{
    if (!rp_gc_state.garbage)
        rp_gc_state.garbage = rp_list_new(0);
    if (!rp_gc_state.callbacks)
        rp_gc_state.callbacks = rp_list_new(0);
    if (!rp_gc_state.garbage || !rp_gc_state.callbacks)
        rp_err_clear();
}

bool rp_gc_is_enabled(void) { return rp_gc_state.enabled; }
void rp_gc_set_enabled(bool enabled) { rp_gc_state.enabled = enabled; }
bool rp_gc_is_collecting(void) { return rp_gc_state.collecting; }

void rp_gc_get_count(int counts[RP_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < NUM_GENERATIONS; i++)
        counts[i] = rp_gc_state.generations[i].count;
}

void rp_gc_set_count(const int counts[RP_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < NUM_GENERATIONS; i++)
        rp_gc_state.generations[i].count = counts[i];
}

void rp_gc_get_threshold(int thresholds[RP_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < NUM_GENERATIONS; i++)
        thresholds[i] = rp_gc_state.generations[i].threshold;
}

void rp_gc_set_threshold(int gen, int threshold)
{
    if (gen >= 0 && gen < NUM_GENERATIONS)
        rp_gc_state.generations[gen].threshold = threshold;
}

void rp_gc_get_stats(rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS])
{
    memcpy(stats, rp_gc_state.stats, sizeof rp_gc_state.stats);
}

void rp_gc_set_stats(const rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS])
{
    memcpy(rp_gc_state.stats, stats, sizeof rp_gc_state.stats);
}

int rp_gc_get_debug(void) { return rp_gc_state.debug; }
void rp_gc_set_debug(int flags) { rp_gc_state.debug = flags; }

void rp_gc_freeze(void)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        rp_gc_list_merge(GEN_HEAD(i), &rp_gc_state.permanent);
        rp_gc_state.generations[i].count = 0;
    }
}

void rp_gc_age_all(void)
{
    for (int i = 0; i < NUM_GENERATIONS - 1; i++)
        rp_gc_list_merge(GEN_HEAD(i), GEN_HEAD(NUM_GENERATIONS - 1));
}

void rp_gc_unfreeze(void)
{
    rp_gc_list_merge(&rp_gc_state.permanent, GEN_HEAD(NUM_GENERATIONS - 1));
}

rp_ssize_t rp_gc_freeze_count(void)
{
    return rp_gc_list_size(&rp_gc_state.permanent);
}

rp_obj_t *rp_gc_garbage_borrow(void) { return rp_gc_state.garbage; }
rp_obj_t *rp_gc_callbacks_borrow(void) { return rp_gc_state.callbacks; }
