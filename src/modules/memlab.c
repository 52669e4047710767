// The memlab module: refpy's own explanations of its memory model --
// origin(), explain(), holders(), why_alive(), trace_gc() (each collection
// told phase by phase) and watch() (the REPL's per-input summary of what
// changed).
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "modules/memlab.h"
#include "modules/registry.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/file.h"
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
// trace_gc: each collection described phase by phase on stdout.

static bool tracing_gc;

static void trace_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void trace_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("[gc] ", stdout);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    fflush(stdout);
}

static const char *plural(rp_ssize_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void on_gc_phase(rp_gc_trace_phase_t phase, const rp_gc_trace_info_t *in)
{
    switch (phase) {
    case RP_GC_TRACE_START:
        // Whatever Python code printed so far comes first.
        rp_file_flush_std();
        if (in->generation == 0)
            trace_line("collecting generation 0");
        else
            trace_line("collecting generation %d (with the younger generations 0..%d)",
                       in->generation, in->generation - 1);
        trace_line("  examined %zd tracked %s", in->examined,
                   plural(in->examined, "object", "objects"));
        break;
    case RP_GC_TRACE_SUBTRACTED:
        trace_line("  subtracted %zd internal %s (references between those objects); "
                   "%zd %s still referenced from outside",
                   in->internal_refs, plural(in->internal_refs, "reference", "references"),
                   in->roots, plural(in->roots, "object is", "objects are"));
        break;
    case RP_GC_TRACE_UNREACHABLE:
        trace_line("  unreachable: %zd %s%s", in->unreachable,
                   plural(in->unreachable, "object", "objects"), in->unreachable ? ":" : "");
        break;
    case RP_GC_TRACE_UNREACHABLE_OBJ:
        trace_line("    %s at %p", rp_type_name(in->obj->type), (void *)in->obj);
        break;
    case RP_GC_TRACE_UNREACHABLE_END:
        break;
    case RP_GC_TRACE_FINALIZER:
        rp_file_flush_std();
        trace_line("  running the finalizer (__del__) of %s at %p",
                   rp_type_name(in->obj->type), (void *)in->obj);
        break;
    case RP_GC_TRACE_DONE:
        rp_file_flush_std();
        trace_line("  finalizers run: %zd", in->finalizers);
        if (in->resurrected)
            trace_line("  resurrected by finalizers: %zd", in->resurrected);
        trace_line("  freed %zd %s", in->freed, plural(in->freed, "object", "objects"));
        break;
    }
}

// The optional on/off argument of trace_gc and watch (default on):
// 1 / 0, or -1 with an exception set.
static int flag_arg(const char *fname, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    if (rp_arg_no_kw(fname, kwnames) < 0 || rp_arg_count(fname, nargs, 0, 1) < 0)
        return -1;
    return nargs == 1 ? rp_obj_is_true(args[0]) : 1;
}

FN(ml_trace_gc)
{
    int on = flag_arg("trace_gc", args, nargs, kwnames);
    if (on < 0)
        return NULL;
    bool was = tracing_gc;
    tracing_gc = on != 0;
    rp_gc_set_tracer(on ? on_gc_phase : NULL);
    return rp_newref(was ? rp_True : rp_False);
}

// ---------------------------------------------------------------------
// watch

static bool watching;
typedef struct {
    size_t objects, blocks, bytes;
    uint64_t allocs, created;
} counts_t;
static counts_t last;

static int count_objects(void *block, size_t size, bool is_object, void *arg)
{
    if (is_object)
        ++*(size_t *)arg;
    return 0;
}

static void snapshot(counts_t *c)
{
    c->objects = 0;
    rp_mem_walk(count_objects, &c->objects);
    c->blocks = rp_mem_blocks();
    c->bytes = rp_mem_bytes();
    c->allocs = rp_mem_alloc_count();
    c->created = rp_mem_object_count();
}

FN(ml_watch)
{
    int on = flag_arg("watch", args, nargs, kwnames);
    if (on < 0)
        return NULL;
    bool was = watching;
    watching = on != 0;
    if (on)
        snapshot(&last);
    return rp_newref(was ? rp_True : rp_False);
}

// Created (new) and freed counts from the net change and the number made.
static void split(long long net, long long made, long long *freed)
{
    *freed = made - net;
    if (*freed < 0)
        *freed = 0;
}

void rp_memlab_after_input(void)
{
    if (!watching)
        return;
    counts_t now;
    snapshot(&now);
    long long made_obj = (long long)(now.created - last.created);
    long long made_blk = (long long)(now.allocs - last.allocs);
    long long freed_obj, freed_blk;
    split((long long)now.objects - (long long)last.objects, made_obj, &freed_obj);
    split((long long)now.blocks - (long long)last.blocks, made_blk, &freed_blk);
    long long dbytes = (long long)now.bytes - (long long)last.bytes;
    int counts[RP_GC_NUM_GENERATIONS];
    rp_gc_get_count(counts);
    rp_file_flush_std();
    fprintf(stdout, "[memlab] objects +%lld/-%lld (now %zu), blocks +%lld/-%lld (now %zu), "
            "bytes %+lld B, gc counts (%d, %d, %d)\n", made_obj, freed_obj, now.objects,
            made_blk, freed_blk, now.blocks, dbytes, counts[0], counts[1], counts[2]);
    fflush(stdout);
    // The line itself allocates nothing Python-visible; start afresh.
    snapshot(&last);
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
    {"trace_gc", ml_trace_gc, 0,
     "trace_gc(on=True) -> previous setting; describe each collection's phases on stdout."},
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
