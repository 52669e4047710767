// Unit tests for the cycle collector (memory/gc.c, memory/gc_query.c):
// tracking and counts, the phases of a collection (unreachable cycles
// found, survivors promoted, tuples/dicts untracked), PEP 442
// finalization with resurrection, re-entrant finalizers, DEBUG_SAVEALL,
// callbacks, freeze, the referrer/referent queries and a stress run.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "memory/gc_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------
// A container type for the tests: two reference slots, a finalizer whose
// behaviour the test chooses, and a dealloc that honours the PEP 442
// contract of gc.h (finalize at most once, resurrection allowed).

typedef struct node {
    rp_obj_t ob;
    rp_obj_t *a;
    rp_obj_t *b;
} node_t;

enum { FIN_NOTHING, FIN_RESURRECT, FIN_COLLECT, FIN_ALLOCATE, FIN_BREAK, FIN_RAISE };

static int fin_mode;
static int fin_calls;
static int freed;
static rp_obj_t *keep;              // list: FIN_RESURRECT appends here
static rp_ssize_t nested_result;    // what rp_gc_collect returned inside a finalizer

static int node_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    node_t *n = (node_t *)self;
    int r;
    if (n->a && (r = visit(n->a, arg)))
        return r;
    if (n->b && (r = visit(n->b, arg)))
        return r;
    return 0;
}

static int node_clear(rp_obj_t *self)
{
    node_t *n = (node_t *)self;
    rp_clear(&n->a);
    rp_clear(&n->b);
    return 0;
}

static void node_finalize(rp_obj_t *self)
{
    fin_calls++;
    switch (fin_mode) {
    case FIN_RESURRECT:
        rp_list_append(keep, self);
        break;
    case FIN_COLLECT:
        nested_result = rp_gc_collect(2);
        break;
    case FIN_ALLOCATE:
        for (int i = 0; i < 2000; i++) {
            rp_obj_t *l = rp_list_new(0);
            rp_list_append(l, l);       // more cyclic garbage, for later
            rp_decref(l);
        }
        break;
    case FIN_BREAK:
        node_clear(self);
        break;
    case FIN_RAISE:
        rp_err_set(&rp_exc_ValueError, "finalizer failed");
        break;
    }
}

static void node_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    if (self->type->finalize && !rp_gc_is_finalized(self)) {
        rp_gc_set_finalized(self);
        rp_gc_track(self);
        self->refcnt = 1;
        self->type->finalize(self);
        if (rp_err_occurred())
            rp_err_clear();
        if (--self->refcnt != 0)
            return;
        rp_gc_untrack(self);
    }
    node_clear(self);
    freed++;
    rp_obj_free(self);
}

static rp_type_t node_type = {
    RP_STATIC_HEAD(rp_type_type),
    .name = "Node",
    .basicsize = sizeof(node_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = node_dealloc,
    .traverse = node_traverse,
    .clear = node_clear,
};

static rp_type_t fnode_type = {
    RP_STATIC_HEAD(rp_type_type),
    .name = "FNode",
    .basicsize = sizeof(node_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = node_dealloc,
    .finalize = node_finalize,
    .traverse = node_traverse,
    .clear = node_clear,
};

static rp_obj_t *node_new(rp_type_t *t)
{
    node_t *n = (node_t *)rp_obj_alloc(t, sizeof(node_t));
    ck_assert_ptr_nonnull(n);
    n->a = n->b = NULL;
    rp_gc_track(RP_OBJ(n));
    return RP_OBJ(n);
}

// a.a = b, b.a = a; returns a (new reference), b only referenced by a.
static rp_obj_t *make_pair(rp_type_t *t)
{
    rp_obj_t *a = node_new(t), *b = node_new(t);
    ((node_t *)a)->a = rp_newref(b);
    ((node_t *)b)->a = rp_newref(a);
    rp_decref(b);
    return a;
}

static void setup(void)
{
    static bool initialised;
    if (!initialised) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        ck_assert_int_eq(rp_type_ready(&node_type), 0);
        ck_assert_int_eq(rp_type_ready(&fnode_type), 0);
        rp_gc_init();
        initialised = true;
    }
    rp_gc_set_enabled(false);       // tests trigger collections explicitly
    rp_gc_set_debug(0);
    rp_gc_set_threshold(0, 700);
    rp_gc_set_threshold(1, 10);
    rp_gc_set_threshold(2, 10);
    keep = rp_list_new(0);
    ck_assert_int_ge(rp_gc_collect(2), 0);
    fin_mode = FIN_NOTHING;
    fin_calls = 0;
    freed = 0;
    nested_result = -2;
}

static void teardown(void)
{
    rp_clear(&keep);
    rp_gc_collect(2);
    rp_gc_set_enabled(true);
}

// ---------------------------------------------------------------------
// Finding cycles

START_TEST(gc_collects_self_cycle)
{
    rp_obj_t *n = node_new(&node_type);
    ((node_t *)n)->a = rp_newref(n);
    rp_decref(n);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    ck_assert_int_eq(freed, 1);
}
END_TEST

START_TEST(gc_collects_two_object_cycle)
{
    rp_decref(make_pair(&node_type));
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(freed, 2);
    ck_assert_int_eq(rp_gc_collect(2), 0);
}
END_TEST

START_TEST(gc_keeps_cycle_referenced_from_outside)
{
    rp_obj_t *a = make_pair(&node_type);
    ck_assert_int_eq(rp_gc_collect(2), 0);
    ck_assert_int_eq(freed, 0);
    ck_assert(rp_gc_is_tracked(a));
    rp_decref(a);
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(freed, 2);
}
END_TEST

START_TEST(gc_keeps_objects_reachable_from_a_root_through_garbage_order)
{
    // c (external) -> b -> a, created in the order a, b, c: move_unreachable
    // first moves a and b to `unreachable`, then brings them back.
    rp_obj_t *a = node_new(&node_type);
    rp_obj_t *b = node_new(&node_type);
    rp_obj_t *c = node_new(&node_type);
    ((node_t *)b)->a = a;                   // takes a
    ((node_t *)c)->a = b;                   // takes b
    ((node_t *)a)->a = rp_newref(c);        // cycle a -> c -> b -> a
    ck_assert_int_eq(rp_gc_collect(2), 0);
    ck_assert_int_eq(freed, 0);
    rp_decref(c);
    ck_assert_int_eq(rp_gc_collect(2), 3);
    ck_assert_int_eq(freed, 3);
}
END_TEST

START_TEST(gc_collects_cycles_through_lists_dicts_and_tuples)
{
    rp_obj_t *l = rp_list_new(0);
    rp_obj_t *d = rp_dict_new();
    ck_assert_int_eq(rp_dict_set_cstr(d, "l", l), 0);
    rp_obj_t *t = rp_tuple_pack(2, d, rp_None);
    ck_assert_int_eq(rp_list_append(l, t), 0);
    rp_decref(t);
    rp_decref(d);
    rp_decref(l);
    ck_assert_int_eq(rp_gc_collect(2), 3);
}
END_TEST

START_TEST(gc_collection_of_young_generation_ignores_old_garbage)
{
    rp_obj_t *n = node_new(&node_type);
    ((node_t *)n)->a = rp_newref(n);
    ck_assert_int_eq(rp_gc_collect(0), 0);    // alive: promoted to gen 1
    rp_decref(n);
    ck_assert_int_eq(rp_gc_collect(0), 0);    // garbage, but in gen 1
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(rp_gc_collect(1), 1);
    ck_assert_int_eq(freed, 1);
}
END_TEST

// ---------------------------------------------------------------------
// Counts, generations, thresholds

START_TEST(gc_counts_allocations_minus_frees_in_generation_zero)
{
    int c[3];
    rp_gc_get_count(c);
    ck_assert_int_eq(c[0], 0);
    // (Lists and dicts may come from free lists, which CPython does not
    // count as allocations either; nodes are always allocated.)
    rp_obj_t *a = node_new(&node_type), *b = node_new(&node_type), *d = node_new(&node_type);
    rp_gc_get_count(c);
    ck_assert_int_eq(c[0], 3);
    rp_decref(a);
    rp_gc_get_count(c);
    ck_assert_int_eq(c[0], 2);
    rp_obj_t *i = rp_int_from_i64(1000000);     // not a container
    rp_gc_get_count(c);
    ck_assert_int_eq(c[0], 2);
    rp_decref(i);
    rp_decref(b);
    rp_decref(d);
}
END_TEST

START_TEST(gc_young_collection_promotes_survivors_and_counts)
{
    int c[3];
    rp_obj_t *l = rp_list_new(0);
    ck_assert_int_eq(rp_gc_collect(0), 0);
    rp_gc_get_count(c);
    ck_assert_int_eq(c[0], 0);
    ck_assert_int_eq(c[1], 1);
    ck_assert_int_eq(c[2], 0);
    rp_obj_t *g1 = rp_gc_get_objects(1);
    ck_assert_int_eq(rp_obj_contains(g1, l), 1);
    rp_decref(g1);
    ck_assert_int_eq(rp_gc_collect(1), 0);
    rp_gc_get_count(c);
    ck_assert_int_eq(c[1], 0);
    ck_assert_int_eq(c[2], 1);
    rp_obj_t *g2 = rp_gc_get_objects(2);
    ck_assert_int_eq(rp_obj_contains(g2, l), 1);
    rp_decref(g2);
    rp_decref(l);
}
END_TEST

START_TEST(gc_automatic_collection_follows_thresholds)
{
    rp_gc_stats_t s0[3], s1[3];
    rp_gc_get_stats(s0);
    rp_gc_set_threshold(0, 5);
    rp_gc_set_enabled(true);
    rp_obj_t *objs[6];
    for (int i = 0; i < 6; i++)     // the 6th allocation passes 5
        objs[i] = node_new(&node_type);
    rp_gc_set_enabled(false);
    rp_gc_get_stats(s1);
    ck_assert_int_eq(s1[0].collections, s0[0].collections + 1);
    ck_assert_int_eq(s1[1].collections, s0[1].collections);
    for (int i = 0; i < 6; i++)
        rp_decref(objs[i]);
}
END_TEST

START_TEST(gc_disable_stops_automatic_collection_only)
{
    rp_gc_stats_t s0[3], s1[3];
    rp_gc_get_stats(s0);
    rp_gc_set_threshold(0, 5);
    rp_gc_set_enabled(false);
    for (int i = 0; i < 50; i++) {
        rp_obj_t *l = rp_list_new(0);
        rp_list_append(l, l);
        rp_decref(l);
    }
    rp_gc_get_stats(s1);
    ck_assert_int_eq(s1[0].collections, s0[0].collections);
    ck_assert_int_eq(rp_gc_collect(2), 50);
}
END_TEST

START_TEST(gc_full_collection_waits_for_long_lived_ratio)
{
    // 4000 long-lived objects survive a full collection.
    rp_obj_t *old = rp_list_new(0);
    for (int i = 0; i < 4000; i++) {
        rp_obj_t *l = rp_list_new(0);
        rp_list_append(old, l);
        rp_decref(l);
    }
    ck_assert_int_eq(rp_gc_collect(2), 0);
    ck_assert_int_ge(rp_gc_state.long_lived_total, 4001);
    rp_gc_stats_t s0[3], s1[3];
    rp_gc_get_stats(s0);
    rp_gc_set_threshold(0, 10);
    rp_gc_set_threshold(1, 1);
    rp_gc_set_threshold(2, 1);
    rp_gc_set_enabled(true);
    // Fewer new survivors than 25% of 4000: no full collection.
    rp_obj_t *young = rp_list_new(0);
    for (int i = 0; i < 500; i++) {
        rp_obj_t *l = rp_list_new(0);
        rp_list_append(young, l);
        rp_decref(l);
    }
    rp_gc_get_stats(s1);
    ck_assert_int_gt(s1[1].collections, s0[1].collections + 2);
    ck_assert_int_eq(s1[2].collections, s0[2].collections);
    // Past 25%: the next eligible collection is a full one.
    for (int i = 0; i < 1200; i++) {
        rp_obj_t *l = rp_list_new(0);
        rp_list_append(young, l);
        rp_decref(l);
    }
    rp_gc_set_enabled(false);
    rp_gc_get_stats(s1);
    ck_assert_int_gt(s1[2].collections, s0[2].collections);
    ck_assert_int_lt(rp_gc_state.long_lived_pending, 1000);
    rp_decref(young);
    rp_decref(old);
}
END_TEST

START_TEST(gc_untracks_tuples_of_atoms_in_any_collection)
{
    rp_obj_t *one = rp_int_from_i64(1);
    rp_obj_t *t = rp_tuple_pack(2, one, rp_None);
    rp_obj_t *l = rp_list_new(0);
    rp_obj_t *u = rp_tuple_pack(2, one, l);
    rp_obj_t *nested = rp_tuple_pack(1, t);
    ck_assert(rp_gc_is_tracked(t));
    ck_assert_int_eq(rp_gc_collect(0), 0);
    ck_assert(!rp_gc_is_tracked(t));
    ck_assert(rp_gc_is_tracked(u));
    // `nested` was examined before or after t: at most one more pass.
    rp_gc_collect(0);
    ck_assert(!rp_gc_is_tracked(nested));
    rp_decref(one);
    rp_decref(t);
    rp_decref(u);
    rp_decref(l);
    rp_decref(nested);
}
END_TEST

START_TEST(gc_untracks_dicts_of_atoms_only_in_full_collections)
{
    rp_obj_t *d = rp_dict_new();
    rp_obj_t *l = rp_list_new(0);
    ck_assert(!rp_gc_is_tracked(d));                    // empty: untracked
    ck_assert_int_eq(rp_dict_set_cstr(d, "x", l), 0);   // a container: tracked
    ck_assert(rp_gc_is_tracked(d));
    ck_assert_int_eq(rp_dict_set_cstr(d, "x", rp_None), 0);
    ck_assert(rp_gc_is_tracked(d));                     // stays tracked...
    rp_gc_collect(0);
    ck_assert(rp_gc_is_tracked(d));
    rp_gc_collect(1);
    ck_assert(rp_gc_is_tracked(d));
    rp_gc_collect(2);                                   // ...until a full collection
    ck_assert(!rp_gc_is_tracked(d));
    rp_decref(d);
    rp_decref(l);
}
END_TEST

// ---------------------------------------------------------------------
// Finalization (PEP 442)

START_TEST(gc_finalizer_runs_once_before_clear)
{
    rp_decref(make_pair(&fnode_type));
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(fin_calls, 2);
    ck_assert_int_eq(freed, 2);
}
END_TEST

START_TEST(gc_resurrected_objects_survive_and_are_not_finalized_again)
{
    fin_mode = FIN_RESURRECT;
    rp_obj_t *a = make_pair(&fnode_type);
    rp_obj_t *b = ((node_t *)a)->a;
    rp_decref(a);
    ck_assert_int_eq(rp_gc_collect(2), 0);
    ck_assert_int_eq(fin_calls, 2);
    ck_assert_int_eq(freed, 0);
    ck_assert(rp_gc_is_finalized(a));
    ck_assert(rp_gc_is_finalized(b));
    ck_assert(rp_gc_is_tracked(a));
    rp_obj_t *g2 = rp_gc_get_objects(2);    // survivors went to the old generation
    ck_assert_int_eq(rp_obj_contains(g2, a), 1);
    rp_decref(g2);
    // Dropped again: collected without a second finalization.
    rp_clear(&keep);
    keep = rp_list_new(0);
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(fin_calls, 2);
    ck_assert_int_eq(freed, 2);
}
END_TEST

START_TEST(gc_partial_resurrection_counts_only_still_unreachable)
{
    // A finalizing node in a cycle with two plain nodes: it resurrects
    // itself and therefore everything it reaches.
    fin_mode = FIN_RESURRECT;
    rp_obj_t *f = node_new(&fnode_type);
    rp_obj_t *p = node_new(&node_type);
    ((node_t *)f)->a = rp_newref(p);
    ((node_t *)p)->a = rp_newref(f);
    rp_decref(p);
    rp_decref(f);
    rp_obj_t *other = node_new(&node_type);     // unrelated garbage
    ((node_t *)other)->a = rp_newref(other);
    rp_decref(other);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    ck_assert_int_eq(fin_calls, 1);
    ck_assert_int_eq(freed, 1);
    rp_clear(&keep);
    keep = rp_list_new(0);
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(fin_calls, 1);
    ck_assert_int_eq(freed, 3);
}
END_TEST

START_TEST(gc_finalizer_calling_collect_gets_zero)
{
    fin_mode = FIN_COLLECT;
    rp_decref(make_pair(&fnode_type));
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_int_eq(nested_result, 0);
    ck_assert_int_eq(freed, 2);
}
END_TEST

START_TEST(gc_finalizer_allocating_does_not_trigger_collection)
{
    fin_mode = FIN_ALLOCATE;
    rp_gc_set_threshold(0, 10);
    rp_gc_set_enabled(true);
    rp_gc_stats_t s0[3], s1[3];
    rp_gc_get_stats(s0);
    rp_decref(make_pair(&fnode_type));
    ck_assert_int_eq(rp_gc_collect(2), 2);
    rp_gc_get_stats(s1);
    ck_assert_int_eq(s1[0].collections, s0[0].collections);
    rp_gc_set_enabled(false);
    ck_assert_int_eq(rp_gc_collect(2), 4000);   // what the finalizers left
}
END_TEST

START_TEST(gc_finalizer_breaking_cycle_frees_objects_once)
{
    fin_mode = FIN_BREAK;
    size_t blocks = rp_mem_blocks();
    for (int i = 0; i < 10; i++)
        rp_decref(make_pair(&fnode_type));
    rp_gc_collect(2);
    ck_assert_int_eq(freed, 20);
    ck_assert_int_eq(fin_calls, 20);
    ck_assert_uint_eq(rp_mem_blocks(), blocks);
}
END_TEST

START_TEST(gc_finalizer_exception_does_not_escape)
{
    fin_mode = FIN_RAISE;
    rp_decref(make_pair(&fnode_type));
    ck_assert_int_eq(rp_gc_collect(2), 2);
    ck_assert_ptr_null(rp_err_occurred());
    ck_assert_int_eq(freed, 2);
}
END_TEST

// ---------------------------------------------------------------------
// Debug flags, callbacks, freeze, queries

START_TEST(gc_saveall_keeps_garbage_in_list)
{
    rp_obj_t *garbage = rp_gc_garbage_borrow();
    rp_gc_set_debug(RP_GC_DEBUG_SAVEALL);
    rp_obj_t *l = rp_list_new(0);
    rp_list_append(l, l);
    rp_decref(l);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    ck_assert_int_eq(rp_list_len(garbage), 1);
    ck_assert_ptr_eq(rp_list_get_borrow(garbage, 0), l);
    rp_gc_set_debug(0);
    ck_assert_int_eq(rp_gc_collect(2), 0);     // gc.garbage keeps it alive
    rp_obj_t *zero = rp_int_from_i64(0);
    ck_assert_int_eq(rp_obj_delitem(garbage, zero), 0);
    rp_decref(zero);
    ck_assert_int_eq(rp_gc_collect(2), 1);
}
END_TEST

static int cb_calls;
static char cb_phases[8][8];
static rp_obj_t *cb_record(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    ck_assert_uint_eq(nargs, 2);
    rp_obj_t *phase = args[0], *info = args[1];
    if (cb_calls < 8)
        snprintf(cb_phases[cb_calls], 8, "%s", rp_str_utf8(phase, NULL));
    cb_calls++;
    ck_assert_ptr_nonnull(rp_dict_get_cstr_borrow(info, "generation"));
    ck_assert_ptr_nonnull(rp_dict_get_cstr_borrow(info, "collected"));
    ck_assert_ptr_nonnull(rp_dict_get_cstr_borrow(info, "uncollectable"));
    if (strcmp(rp_str_utf8(phase, NULL), "stop") == 0)
        ck_assert_int_eq(rp_int_as_i64(rp_dict_get_cstr_borrow(info, "collected")), 1);
    return rp_newref(rp_None);
}
static const rp_method_def_t cb_def = { "cb", cb_record, 0, NULL };

START_TEST(gc_callbacks_get_start_and_stop)
{
    rp_obj_t *cbs = rp_gc_callbacks_borrow();
    rp_obj_t *f = rp_builtin_function_new(&cb_def, NULL);
    ck_assert_ptr_nonnull(f);
    rp_list_append(cbs, f);
    rp_obj_t *l = rp_list_new(0);
    rp_list_append(l, l);
    rp_decref(l);
    cb_calls = 0;
    ck_assert_int_eq(rp_gc_collect(1), 1);
    ck_assert_int_eq(cb_calls, 2);
    ck_assert_str_eq(cb_phases[0], "start");
    ck_assert_str_eq(cb_phases[1], "stop");
    rp_obj_t *zero = rp_int_from_i64(0);
    ck_assert_int_eq(rp_obj_delitem(cbs, zero), 0);
    rp_decref(zero);
    rp_decref(f);
}
END_TEST

START_TEST(gc_freeze_hides_objects_from_collections)
{
    rp_obj_t *l = rp_list_new(0);
    rp_list_append(l, l);
    rp_gc_freeze();
    ck_assert_int_ge(rp_gc_freeze_count(), 1);
    rp_decref(l);
    ck_assert_int_eq(rp_gc_collect(2), 0);     // frozen garbage stays
    rp_obj_t *all = rp_gc_get_objects(-1);
    ck_assert_int_eq(rp_list_len(all), 0);
    rp_decref(all);
    rp_gc_unfreeze();
    ck_assert_int_eq(rp_gc_freeze_count(), 0);
    ck_assert_int_eq(rp_gc_collect(2), 1);
}
END_TEST

START_TEST(gc_referrers_and_referents)
{
    rp_obj_t *x = rp_list_new(0);
    rp_obj_t *holder = rp_list_new(0);
    rp_list_append(holder, x);
    rp_obj_t *d = rp_dict_new();
    rp_dict_set_cstr(d, "k", x);
    rp_obj_t *refs = rp_gc_get_referrers(&x, 1);
    ck_assert_int_eq(rp_list_len(refs), 2);
    ck_assert_int_eq(rp_obj_contains(refs, holder), 1);
    ck_assert_int_eq(rp_obj_contains(refs, d), 1);
    rp_decref(refs);
    rp_obj_t *t = rp_tuple_pack(2, x, holder);
    rp_obj_t *args[2] = { holder, t };
    rp_obj_t *out = rp_gc_get_referents(args, 2);
    ck_assert_int_eq(rp_list_len(out), 3);
    ck_assert_ptr_eq(rp_list_get_borrow(out, 0), x);
    rp_decref(out);
    rp_decref(t);
    rp_obj_t *atom = rp_int_from_i64(5);
    out = rp_gc_get_referents(&atom, 1);
    ck_assert_int_eq(rp_list_len(out), 0);
    rp_decref(out);
    rp_decref(atom);
    rp_decref(d);
    rp_decref(holder);
    rp_decref(x);
}
END_TEST

// ---------------------------------------------------------------------
// Instance dicts CPython would not have (see memory/gc.c)

static rp_obj_t *make_class(const char *name)
{
    rp_obj_t *n = rp_str_from_cstr(name);
    rp_obj_t *bases = rp_tuple_empty();
    rp_obj_t *ns = rp_dict_new();
    rp_obj_t *cls = rp_type_new_heap(n, bases, ns);
    ck_assert_ptr_nonnull(cls);
    rp_decref(n);
    rp_decref(bases);
    rp_decref(ns);
    return cls;
}

// An instance of cls with attribute "me" referring to itself.
static rp_obj_t *self_cycle_instance(rp_obj_t *cls)
{
    rp_obj_t *o = rp_obj_call0(cls);
    ck_assert_ptr_nonnull(o);
    rp_obj_t *name = rp_str_from_cstr("me");
    ck_assert_int_eq(rp_obj_setattr(o, name, o), 0);
    rp_decref(name);
    return o;
}

// The queries see o as CPython does (its attributes, inline or in a dict
// only refpy made, belong to o itself); then o is dropped and collected
// alone, and cls released.
static void drop_self_cycle_instance(rp_obj_t *o, rp_obj_t *cls)
{
    rp_obj_t *refs = rp_gc_get_referrers(&o, 1);     // o itself
    ck_assert_int_eq(rp_list_len(refs), 1);
    ck_assert_ptr_eq(rp_list_get_borrow(refs, 0), o);
    rp_decref(refs);
    rp_obj_t *out = rp_gc_get_referents(&o, 1);      // [o, cls]: values, then class
    ck_assert_int_eq(rp_list_len(out), 2);
    ck_assert_ptr_eq(rp_list_get_borrow(out, 0), o);
    ck_assert_ptr_eq(rp_list_get_borrow(out, 1), cls);
    rp_decref(out);
    rp_decref(o);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    rp_decref(cls);
}

START_TEST(gc_virtual_instance_dict_is_not_counted)
{
    rp_obj_t *cls = make_class("Virt");
    rp_obj_t *o = self_cycle_instance(cls);
    // The attribute is kept inline: no dict at all, as in CPython.
    ck_assert_ptr_null(rp_obj_dict_peek(o));
    ck_assert_ptr_null(rp_gc_virtual_dict_borrow(o));
    // Made for refpy's own use (not Python code's), the dict is virtual.
    rp_obj_t *d = rp_obj_dict_borrow(o);
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_eq(rp_gc_virtual_dict_borrow(o), d);
    ck_assert(rp_gc_is_tracked(d));
    rp_obj_t *all = rp_gc_get_objects(-1);
    ck_assert_int_eq(rp_obj_contains(all, o), 1);
    ck_assert_int_eq(rp_obj_contains(all, d), 0);    // (identity, then ==)
    rp_decref(all);
    drop_self_cycle_instance(o, cls);
}
END_TEST

START_TEST(gc_inline_values_instance)
{
    rp_obj_t *cls = make_class("Inline");
    rp_obj_t *o = self_cycle_instance(cls);
    ck_assert_ptr_null(rp_obj_dict_peek(o));
    drop_self_cycle_instance(o, cls);
}
END_TEST

START_TEST(gc_materialized_instance_dict_is_counted)
{
    rp_obj_t *cls = make_class("Mat");
    rp_obj_t *o = self_cycle_instance(cls);
    rp_obj_t *d = rp_obj_dict_borrow(o);
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_eq(rp_gc_virtual_dict_borrow(o), d);
    rp_gc_set_dict_materialized(d);
    ck_assert_ptr_null(rp_gc_virtual_dict_borrow(o));
    rp_decref(o);
    ck_assert_int_eq(rp_gc_collect(2), 2);
    rp_decref(cls);
}
END_TEST

START_TEST(gc_saveall_saves_instances_not_their_virtual_dicts)
{
    rp_obj_t *cls = make_class("Saved");
    rp_obj_t *o = self_cycle_instance(cls);
    rp_decref(o);
    rp_obj_t *garbage = rp_gc_garbage_borrow();
    rp_gc_set_debug(RP_GC_DEBUG_SAVEALL);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    rp_gc_set_debug(0);
    ck_assert_int_eq(rp_list_len(garbage), 1);
    ck_assert_ptr_eq(rp_list_get_borrow(garbage, 0), o);
    rp_obj_t *zero = rp_int_from_i64(0);
    ck_assert_int_eq(rp_obj_delitem(garbage, zero), 0);
    rp_decref(zero);
    ck_assert_int_eq(rp_gc_collect(2), 1);
    rp_decref(cls);
}
END_TEST

// ---------------------------------------------------------------------
// Stress: a million objects in cycles, with automatic collection

START_TEST(gc_stress_million_objects_in_cycles_frees_everything)
{
    size_t blocks = rp_mem_blocks();
    rp_gc_set_enabled(true);
    size_t peak = 0;
    for (int round = 0; round < 10; round++) {
        for (int i = 0; i < 50000; i++)
            rp_decref(make_pair(&node_type));   // 100,000 objects a round
        if (rp_mem_blocks() > peak)
            peak = rp_mem_blocks();
    }
    rp_gc_set_enabled(false);
    rp_gc_collect(2);
    ck_assert_int_eq(freed, 1000000);
    ck_assert_uint_eq(rp_mem_blocks(), blocks);
    // Garbage never piles up beyond a few thresholds' worth.
    ck_assert_uint_lt(peak - blocks, 100000);
}
END_TEST

static Suite *gc_suite(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, gc_collects_self_cycle);
    tcase_add_test(tc, gc_collects_two_object_cycle);
    tcase_add_test(tc, gc_keeps_cycle_referenced_from_outside);
    tcase_add_test(tc, gc_keeps_objects_reachable_from_a_root_through_garbage_order);
    tcase_add_test(tc, gc_collects_cycles_through_lists_dicts_and_tuples);
    tcase_add_test(tc, gc_collection_of_young_generation_ignores_old_garbage);
    tcase_add_test(tc, gc_counts_allocations_minus_frees_in_generation_zero);
    tcase_add_test(tc, gc_young_collection_promotes_survivors_and_counts);
    tcase_add_test(tc, gc_automatic_collection_follows_thresholds);
    tcase_add_test(tc, gc_disable_stops_automatic_collection_only);
    tcase_add_test(tc, gc_full_collection_waits_for_long_lived_ratio);
    tcase_add_test(tc, gc_untracks_tuples_of_atoms_in_any_collection);
    tcase_add_test(tc, gc_untracks_dicts_of_atoms_only_in_full_collections);
    tcase_add_test(tc, gc_finalizer_runs_once_before_clear);
    tcase_add_test(tc, gc_resurrected_objects_survive_and_are_not_finalized_again);
    tcase_add_test(tc, gc_partial_resurrection_counts_only_still_unreachable);
    tcase_add_test(tc, gc_finalizer_calling_collect_gets_zero);
    tcase_add_test(tc, gc_finalizer_allocating_does_not_trigger_collection);
    tcase_add_test(tc, gc_finalizer_breaking_cycle_frees_objects_once);
    tcase_add_test(tc, gc_finalizer_exception_does_not_escape);
    tcase_add_test(tc, gc_saveall_keeps_garbage_in_list);
    tcase_add_test(tc, gc_callbacks_get_start_and_stop);
    tcase_add_test(tc, gc_freeze_hides_objects_from_collections);
    tcase_add_test(tc, gc_referrers_and_referents);
    tcase_add_test(tc, gc_virtual_instance_dict_is_not_counted);
    tcase_add_test(tc, gc_inline_values_instance);
    tcase_add_test(tc, gc_materialized_instance_dict_is_counted);
    tcase_add_test(tc, gc_saveall_saves_instances_not_their_virtual_dicts);
    tcase_add_test(tc, gc_stress_million_objects_in_cycles_frees_everything);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
