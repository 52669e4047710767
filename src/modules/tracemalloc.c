// The _tracemalloc module: traces every allocator block (memory/alloc.h
// hooks) with the Python frames that caused it, and the tracemalloc
// module (CPython 3.11's API) built on it from modules/tracemalloc_py.c.
// The tables live in the C heap so tracing never traces itself.
#include <stdlib.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "modules/registry.h"
#include "modules/pyglue.h"
#include "objects/args.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/introspect.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)
#define MAX_NFRAME 65535

typedef struct { uint32_t file; int32_t line; } tm_frame_t;
typedef struct { uint32_t hash, off; uint16_t n, total; } tm_tb_t;
typedef struct { uintptr_t ptr; size_t size; uint32_t tb; } tm_trace_t;

static bool tracing;
static bool busy;                 // inside the hook or building snapshots
static int max_nframe = 1;
static size_t cur_size, peak_size;

// Filenames: interned C strings.
static char **files; static uint32_t nfiles, capfiles;
static uint32_t *filehash; static uint32_t filehash_cap;    // index+1, 0 empty
// Traceback frames and interned tracebacks.
static tm_frame_t *frames; static uint32_t nframes, capframes;
static tm_tb_t *tbs; static uint32_t ntbs, captbs;
static uint32_t *tbhash; static uint32_t tbhash_cap;        // index+1
// Traces: open addressing keyed by block address (ptr 0 empty, 1 deleted).
static tm_trace_t *traces; static size_t traces_cap, traces_used, traces_fill;
// Cache code object -> filename index.
static struct { const void *code, *fname; uint32_t idx; } fcache[64];

static uint32_t hash_bytes(const void *p, size_t n, uint32_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static size_t ptr_slot(uintptr_t p, size_t cap)
{
    uint64_t h = (uint64_t)p * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (cap - 1);
}

static size_t mem_usage(void)
{
    size_t n = 0;
    for (uint32_t i = 0; i < nfiles; i++)
        n += strlen(files[i]) + 1;
    return n + capfiles * sizeof(char *) + filehash_cap * 4 +
           capframes * sizeof(tm_frame_t) + captbs * sizeof(tm_tb_t) +
           tbhash_cap * 4 + traces_cap * sizeof(tm_trace_t);
}

static void clear_all(void)
{
    for (uint32_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files); free(filehash); free(frames); free(tbs); free(tbhash); free(traces);
    files = NULL; filehash = NULL; frames = NULL; tbs = NULL; tbhash = NULL; traces = NULL;
    nfiles = capfiles = filehash_cap = nframes = capframes = ntbs = captbs = tbhash_cap = 0;
    traces_cap = traces_used = traces_fill = 0;
    memset(fcache, 0, sizeof fcache);
    cur_size = peak_size = 0;
}

static bool grow(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    uint32_t nc = *cap ? *cap * 2 : 64;
    while (nc < need)
        nc *= 2;
    void *p = realloc(*arr, (size_t)nc * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = nc;
    return true;
}

static bool rehash_index(uint32_t **tab, uint32_t *cap, uint32_t count,
                         uint32_t (*hash_of)(uint32_t))
{
    if ((count + 1) * 2 <= *cap)
        return true;
    uint32_t nc = *cap ? *cap * 2 : 128;
    uint32_t *t = calloc(nc, 4);
    if (!t)
        return false;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t s = hash_of(i) & (nc - 1);
        while (t[s])
            s = (s + 1) & (nc - 1);
        t[s] = i + 1;
    }
    free(*tab);
    *tab = t;
    *cap = nc;
    return true;
}

static uint32_t file_hash_of(uint32_t i) { return hash_bytes(files[i], strlen(files[i]), 2166136261u); }
static uint32_t tb_hash_of(uint32_t i) { return tbs[i].hash; }

static int64_t intern_file(const char *s, size_t len)
{
    if (!rehash_index(&filehash, &filehash_cap, nfiles, file_hash_of))
        return -1;
    uint32_t h = hash_bytes(s, len, 2166136261u);
    uint32_t slot = h & (filehash_cap - 1);
    for (; filehash[slot]; slot = (slot + 1) & (filehash_cap - 1)) {
        const char *f = files[filehash[slot] - 1];
        if (strlen(f) == len && memcmp(f, s, len) == 0)
            return filehash[slot] - 1;
    }
    if (!grow((void **)&files, &capfiles, nfiles + 1, sizeof(char *)))
        return -1;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    copy[len] = 0;
    files[nfiles] = copy;
    filehash[slot] = nfiles + 1;
    return nfiles++;
}

typedef struct { tm_frame_t *buf; int n; } collect_t;

static int collect_frame(rp_obj_t *code, int lineno, void *arg)
{
    collect_t *c = arg;
    rp_code_t *co = (rp_code_t *)code;
    uint32_t idx = UINT32_MAX;
    if (co) {
        size_t k = ((uintptr_t)co >> 4) & 63;
        if (fcache[k].code == co && fcache[k].fname == co->filename) {
            idx = fcache[k].idx;
        } else if (co->filename) {
            rp_ssize_t len;
            const char *s = rp_str_utf8(co->filename, &len);
            int64_t i = s ? intern_file(s, (size_t)len) : -1;
            if (i >= 0) {
                idx = (uint32_t)i;
                fcache[k].code = co;
                fcache[k].fname = co->filename;
                fcache[k].idx = idx;
            }
        }
    }
    if (idx == UINT32_MAX) {
        int64_t i = intern_file("<unknown>", 9);
        idx = i < 0 ? 0 : (uint32_t)i;
        lineno = 0;
    }
    c->buf[c->n].file = idx;
    c->buf[c->n].line = lineno;
    c->n++;
    return 0;
}

// Interns the traceback buf[0..n); index or -1.
static int64_t intern_tb(const tm_frame_t *buf, int n, int total)
{
    if (!rehash_index(&tbhash, &tbhash_cap, ntbs, tb_hash_of))
        return -1;
    uint32_t h = hash_bytes(buf, sizeof(tm_frame_t) * (size_t)n, 2166136261u ^ (uint32_t)total);
    uint32_t slot = h & (tbhash_cap - 1);
    for (; tbhash[slot]; slot = (slot + 1) & (tbhash_cap - 1)) {
        tm_tb_t *t = &tbs[tbhash[slot] - 1];
        if (t->hash == h && t->n == n && t->total == total &&
            memcmp(frames + t->off, buf, sizeof(tm_frame_t) * (size_t)n) == 0)
            return tbhash[slot] - 1;
    }
    if (!grow((void **)&tbs, &captbs, ntbs + 1, sizeof(tm_tb_t)) ||
        !grow((void **)&frames, &capframes, nframes + (uint32_t)n, sizeof(tm_frame_t)))
        return -1;
    memcpy(frames + nframes, buf, sizeof(tm_frame_t) * (size_t)n);
    tbs[ntbs] = (tm_tb_t){h, nframes, (uint16_t)n, (uint16_t)(total > 65535 ? 65535 : total)};
    nframes += (uint32_t)n;
    tbhash[slot] = ntbs + 1;
    return ntbs++;
}

static tm_trace_t *trace_find(uintptr_t p)
{
    if (!traces_cap)
        return NULL;
    for (size_t s = ptr_slot(p, traces_cap);; s = (s + 1) & (traces_cap - 1)) {
        if (traces[s].ptr == p)
            return &traces[s];
        if (traces[s].ptr == 0)
            return NULL;
    }
}

static bool traces_reserve(void)
{
    if ((traces_fill + 1) * 3 < traces_cap * 2)
        return true;
    size_t nc = traces_cap ? traces_cap : 1024;
    if ((traces_used + 1) * 3 >= nc)
        nc *= 2;
    tm_trace_t *t = calloc(nc, sizeof(tm_trace_t));
    if (!t)
        return false;
    for (size_t i = 0; i < traces_cap; i++) {
        if (traces[i].ptr > 1) {
            size_t s = ptr_slot(traces[i].ptr, nc);
            while (t[s].ptr)
                s = (s + 1) & (nc - 1);
            t[s] = traces[i];
        }
    }
    free(traces);
    traces = t;
    traces_cap = nc;
    traces_fill = traces_used;
    return true;
}

static void untrace(uintptr_t p)
{
    tm_trace_t *t = trace_find(p);
    if (t) {
        cur_size -= t->size;
        t->ptr = 1;
        traces_used--;
    }
}

static void on_alloc(void *p, size_t n)
{
    if (busy || !tracing)
        return;
    busy = true;
    tm_frame_t buf[16];
    tm_frame_t *bp = max_nframe <= 16 ? buf : malloc(sizeof(tm_frame_t) * (size_t)max_nframe);
    if (!bp) {
        busy = false;
        return;
    }
    collect_t c = {bp, 0};
    rp_vm_walk_frames(collect_frame, &c, max_nframe);
    if (c.n == 0) {
        int64_t i = intern_file("<unknown>", 9);
        bp[0].file = i < 0 ? 0 : (uint32_t)i;
        bp[0].line = 0;
        c.n = 1;
    }
    int total = c.n < max_nframe ? c.n : rp_vm_frame_depth();
    int64_t tb = intern_tb(bp, c.n, total);
    if (bp != buf)
        free(bp);
    untrace((uintptr_t)p);
    if (tb >= 0 && traces_reserve()) {
        size_t s = ptr_slot((uintptr_t)p, traces_cap);
        while (traces[s].ptr > 1)
            s = (s + 1) & (traces_cap - 1);
        if (traces[s].ptr == 0)
            traces_fill++;
        traces[s] = (tm_trace_t){(uintptr_t)p, n, (uint32_t)tb};
        traces_used++;
        cur_size += n;
        if (cur_size > peak_size)
            peak_size = cur_size;
    }
    busy = false;
}

static void on_free(void *p)
{
    if (tracing)
        untrace((uintptr_t)p);
}

bool rp_tracemalloc_is_tracing(void) { return tracing; }

// ---------------------------------------------------------------------
// Functions

FN(tm_start)
{
    if (rp_arg_no_kw("start", kwnames) < 0 || rp_arg_count("start", nargs, 0, 1) < 0)
        return NULL;
    rp_ssize_t n = 1;
    if (nargs == 1) {
        n = rp_int_as_ssize(args[0]);
        if (n == -1 && rp_err_occurred())
            return NULL;
    }
    if (n < 1 || n > MAX_NFRAME) {
        rp_err_format(&rp_exc_ValueError, "the number of frames must be in range [1; %d]", MAX_NFRAME);
        return NULL;
    }
    // Like CPython, a second start() keeps the running limit.
    if (!tracing) {
        max_nframe = (int)n;
        tracing = true;
        rp_mem_set_hooks(on_alloc, on_free);
        rp_vm_set_ip_tracing(true);
    }
    return rp_newref(rp_None);
}

static void stop_tracing(void)
{
    if (tracing) {
        tracing = false;
        rp_mem_set_hooks(NULL, NULL);
        rp_vm_set_ip_tracing(false);
    }
    clear_all();
}

FN(tm_stop)
{
    if (rp_arg_no_kw("stop", kwnames) < 0 || rp_arg_count("stop", nargs, 0, 0) < 0)
        return NULL;
    stop_tracing();
    return rp_newref(rp_None);
}

FN(tm_is_tracing)
{
    if (rp_arg_count("is_tracing", nargs, 0, 0) < 0)
        return NULL;
    return rp_bool_from(tracing);
}

FN(tm_clear_traces)
{
    if (rp_arg_count("clear_traces", nargs, 0, 0) < 0)
        return NULL;
    if (tracing)
        clear_all();
    return rp_newref(rp_None);
}

FN(tm_get_traced_memory)
{
    if (rp_arg_count("get_traced_memory", nargs, 0, 0) < 0)
        return NULL;
    size_t c = tracing ? cur_size : 0, p = tracing ? peak_size : 0;
    busy = true;
    rp_obj_t *a = rp_int_from_u64(c), *b = a ? rp_int_from_u64(p) : NULL;
    rp_obj_t *r = b ? rp_tuple_pack(2, a, b) : NULL;
    busy = false;
    rp_xdecref(a);
    rp_xdecref(b);
    return r;
}

FN(tm_reset_peak)
{
    if (rp_arg_count("reset_peak", nargs, 0, 0) < 0)
        return NULL;
    peak_size = cur_size;
    return rp_newref(rp_None);
}

FN(tm_get_tracemalloc_memory)
{
    if (rp_arg_count("get_tracemalloc_memory", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_u64(mem_usage());
}

FN(tm_get_traceback_limit)
{
    if (rp_arg_count("get_traceback_limit", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_i64(max_nframe);
}

// The frames tuple of traceback tb: ((filename, lineno), ...) innermost
// first.  fnames caches one str per file index.
static rp_obj_t *tb_tuple(uint32_t tb, rp_obj_t **fnames)
{
    tm_tb_t *t = &tbs[tb];
    rp_obj_t *tup = rp_tuple_new(t->n);
    if (!tup)
        return NULL;
    for (int i = 0; i < t->n; i++) {
        tm_frame_t *f = &frames[t->off + (uint32_t)i];
        if (!fnames[f->file]) {
            fnames[f->file] = rp_str_from_utf8(files[f->file], (rp_ssize_t)strlen(files[f->file]));
            if (!fnames[f->file])
                goto fail;
        }
        rp_obj_t *ln = rp_int_from_i64(f->line);
        rp_obj_t *fr = ln ? rp_tuple_pack(2, fnames[f->file], ln) : NULL;
        rp_xdecref(ln);
        if (!fr)
            goto fail;
        rp_tuple_items(tup)[i] = fr;
    }
    return tup;
fail:
    rp_decref(tup);
    return NULL;
}

static void free_fnames(rp_obj_t **fnames, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        rp_xdecref(fnames[i]);
    free(fnames);
}

FN(tm_get_traces)
{
    if (rp_arg_count("_get_traces", nargs, 0, 0) < 0)
        return NULL;
    if (!tracing)
        return rp_list_new(0);
    // Copy first: building the result allocates (and frees).
    size_t n = traces_used, k = 0;
    tm_trace_t *copy = malloc(sizeof(tm_trace_t) * (n ? n : 1));
    uint32_t nf = nfiles;
    rp_obj_t **fnames = calloc(nf ? nf : 1, sizeof(rp_obj_t *));
    if (!copy || !fnames) {
        free(copy);
        free(fnames);
        return rp_err_nomemory();
    }
    for (size_t i = 0; i < traces_cap; i++)
        if (traces[i].ptr > 1)
            copy[k++] = traces[i];
    bool was_busy = busy;
    busy = true;
    rp_obj_t **tbobjs = calloc(ntbs ? ntbs : 1, sizeof(rp_obj_t *));
    rp_obj_t *zero = rp_int_from_i64(0);
    rp_obj_t *list = tbobjs && zero ? rp_list_new(0) : NULL;
    if (!list)
        goto fail;
    for (size_t i = 0; i < k; i++) {
        uint32_t tb = copy[i].tb;
        if (!tbobjs[tb] && !(tbobjs[tb] = tb_tuple(tb, fnames)))
            goto fail;
        rp_obj_t *sz = rp_int_from_u64(copy[i].size);
        rp_obj_t *tot = sz ? rp_int_from_i64(tbs[tb].total) : NULL;
        rp_obj_t *item = tot ? rp_tuple_pack(4, zero, sz, tbobjs[tb], tot) : NULL;
        rp_xdecref(sz);
        rp_xdecref(tot);
        if (!item || rp_list_append_take(list, item) < 0)
            goto fail;
    }
    goto done;
fail:
    rp_xdecref(list);
    list = NULL;
    if (!rp_err_occurred())
        rp_err_nomemory();
done:
    if (tbobjs) {
        for (uint32_t i = 0; i < ntbs; i++)
            rp_xdecref(tbobjs[i]);
        free(tbobjs);
    }
    rp_xdecref(zero);
    free_fnames(fnames, nf);
    free(copy);
    busy = was_busy;
    return list;
}

FN(tm_get_object_traceback)
{
    if (rp_arg_no_kw("_get_object_traceback", kwnames) < 0 ||
        rp_arg_count("_get_object_traceback", nargs, 1, 1) < 0)
        return NULL;
    rp_obj_t *o = args[0];
    if (!tracing)
        return rp_newref(rp_None);
    uintptr_t p = (uintptr_t)o;
    if (RP_TYPE(o)->flags & RP_TPFLAG_GC)
        p -= sizeof(rp_gc_head_t);
    tm_trace_t *t = trace_find(p);
    if (!t)
        return rp_newref(rp_None);
    uint32_t nf = nfiles;
    rp_obj_t **fnames = calloc(nf ? nf : 1, sizeof(rp_obj_t *));
    if (!fnames)
        return rp_err_nomemory();
    busy = true;
    rp_obj_t *r = tb_tuple(t->tb, fnames);
    busy = false;
    free_fnames(fnames, nf);
    return r;
}

static const rp_method_def_t tm_functions[] = {
    { "start", tm_start, 0, "Start tracing Python memory allocations." },
    { "stop", tm_stop, 0, "Stop tracing Python memory allocations and clear traces." },
    { "is_tracing", tm_is_tracing, 0, "Return True if the tracemalloc module is tracing Python memory allocations." },
    { "clear_traces", tm_clear_traces, 0, "Clear traces of memory blocks allocated by Python." },
    { "get_traced_memory", tm_get_traced_memory, 0, "Get the current size and peak size of memory blocks traced by tracemalloc." },
    { "reset_peak", tm_reset_peak, 0, "Set the peak size of memory blocks traced by tracemalloc to the current size." },
    { "get_tracemalloc_memory", tm_get_tracemalloc_memory, 0, "Get the memory usage in bytes of the tracemalloc module." },
    { "get_traceback_limit", tm_get_traceback_limit, 0, "Get the maximum number of frames stored in a trace." },
    { "_get_traces", tm_get_traces, 0, "Get traces of all memory blocks allocated by Python." },
    { "_get_object_traceback", tm_get_object_traceback, 0, "Get the traceback where the Python object was allocated." },
    { NULL, NULL, 0, NULL },
};

rp_obj_t *rp_mod__tracemalloc_create(void)
{
    rp_obj_t *m = rp_module_new("_tracemalloc");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, tm_functions) < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}

rp_obj_t *rp_mod_tracemalloc_create(void)
{
    rp_obj_t *m = rp_module_new("tracemalloc");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, tm_functions) < 0 ||
        rp_pyglue_exec(m, rp_tracemalloc_py_source, "<frozen tracemalloc>") < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
