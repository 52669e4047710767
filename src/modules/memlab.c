// The memlab module: refpy's own explanations of its memory model --
// origin(), explain(), holders(), why_alive() and watch() (the REPL's
// per-input summary of what changed).
#include <stdio.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "modules/memlab.h"
#include "modules/registry.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

FN(ml_origin)
{
    if (rp_arg_exactly_one("origin", nargs) < 0)
        return NULL;
    rp_memlab_heap_t h;
    if (rp_memlab_heap_open(&h) < 0)
        return NULL;
    const char *o = rp_memlab_origin(&h, args[0], NULL);
    rp_memlab_heap_close(&h);
    return rp_str_from_cstr(o);
}

FN(ml_explain)
{
    if (rp_arg_count("explain", nargs, 2, 2) < 0)
        return NULL;
    return rp_memlab_explain(args[0], args[1]);
}

FN(ml_holders)
{
    if (rp_arg_exactly_one("holders", nargs) < 0)
        return NULL;
    return rp_memlab_holders(args[0], 1);
}

FN(ml_why_alive)
{
    if (rp_arg_exactly_one("why_alive", nargs) < 0)
        return NULL;
    return rp_memlab_why_alive(args[0]);
}

// ---------------------------------------------------------------------
// watch

static bool watching;
static size_t last_objects, last_blocks, last_bytes;
static uint64_t last_allocs;

static int count_objects(void *block, size_t size, bool is_object, void *arg)
{
    if (is_object)
        ++*(size_t *)arg;
    return 0;
}

static void snapshot(size_t *objects, size_t *blocks, size_t *bytes, uint64_t *allocs)
{
    *objects = 0;
    rp_mem_walk(count_objects, objects);
    *blocks = rp_mem_blocks();
    *bytes = rp_mem_bytes();
    *allocs = rp_mem_alloc_count();
}

FN(ml_watch)
{
    if (rp_arg_count("watch", nargs, 0, 1) < 0)
        return NULL;
    bool on = true;
    if (nargs == 1) {
        int t = rp_obj_is_true(args[0]);
        if (t < 0)
            return NULL;
        on = t != 0;
    }
    bool was = watching;
    watching = on;
    if (on)
        snapshot(&last_objects, &last_blocks, &last_bytes, &last_allocs);
    return rp_newref(was ? rp_True : rp_False);
}

void rp_memlab_after_input(void)
{
    if (!watching)
        return;
    size_t objects, blocks, bytes;
    uint64_t allocs;
    snapshot(&objects, &blocks, &bytes, &allocs);
    long long dobj = (long long)objects - (long long)last_objects;
    long long dblk = (long long)blocks - (long long)last_blocks;
    long long new_blocks = (long long)(allocs - last_allocs);
    long long freed = new_blocks - dblk;
    if (freed < 0)
        freed = 0;
    long long dbytes = (long long)bytes - (long long)last_bytes;
    int counts[RP_GC_NUM_GENERATIONS];
    rp_gc_get_count(counts);
    fprintf(stdout, "[memlab] objects %+lld (now %zu), blocks +%lld/-%lld, bytes %+lld B, "
            "gc counts (%d, %d, %d)\n", dobj, objects, new_blocks, freed, dbytes,
            counts[0], counts[1], counts[2]);
    fflush(stdout);
    // The line itself allocates nothing Python-visible; start afresh.
    snapshot(&last_objects, &last_blocks, &last_bytes, &last_allocs);
}

static const rp_method_def_t memlab_functions[] = {
    {"origin", ml_origin, 0,
     "origin(obj) -> why obj exists as it does: 'small-int-cache', 'singleton', "
     "'interned', 'constant' or 'runtime'."},
    {"explain", ml_explain, 0,
     "explain(a, b) -> a sentence on why `a is b` is True or False."},
    {"holders", ml_holders, 0,
     "holders(obj) -> one label per reference counted in sys.getrefcount(obj), "
     "except the call's own argument."},
    {"why_alive", ml_why_alive, 0,
     "why_alive(obj) -> the shortest chain of references from a root to obj, or None."},
    {"watch", ml_watch, 0,
     "watch(on=True) -> previous setting; in the REPL, print what each input changed."},
    {NULL},
};

rp_obj_t *rp_mod_memlab_create(void)
{
    rp_obj_t *m = rp_module_new("memlab");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, memlab_functions) < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
