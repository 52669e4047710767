// -X showrefcount: totals of reference counts held by live heap objects
// and of allocator blocks in use, printed as CPython's debug build does.
#include <stdio.h>
#include <stdlib.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/errors.h"
#include "modules/showrefcount.h"
#include "objects/str.h"
#include "vm/vm.h"

static int add_refs(void *block, size_t size, bool is_object, void *arg)
{
    if (is_object) {
        rp_obj_t *o = rp_gc_block_object(block);
        if (o && o->refcnt > 0)
            *(rp_ssize_t *)arg += o->refcnt;
    }
    return 0;
}

rp_ssize_t rp_total_refcount(void)
{
    rp_ssize_t total = 0;
    rp_mem_walk(add_refs, &total);
    return total;
}

// REFPY_SHOWREFCOUNT_DUMP=1: one line per live block at the final count
// ("TYPE refcnt [text]" for objects, "raw SIZE" for buffers), to find
// what a leak consists of.
static int dump_block(void *block, size_t size, bool is_object, void *arg)
{
    (void)arg;
    if (!is_object) {
        fprintf(stderr, "  raw %zu\n", size);
        return 0;
    }
    rp_obj_t *o = rp_gc_block_object(block);
    if (!o || o->refcnt <= 0)
        return 0;
    fprintf(stderr, "  %s %zd", RP_TYPE(o)->name, (rp_ssize_t)o->refcnt);
    if (RP_TYPE(o) == &rp_type_str) {
        const char *u = rp_str_utf8(o, NULL);
        if (u)
            fprintf(stderr, " %.60s", u);
        else
            rp_err_clear();
    }
    fputc('\n', stderr);
    return 0;
}

void rp_showrefcount_print(void)
{
    if (!rp_interp.show_refcount)
        return;
    const char *dump = getenv("REFPY_SHOWREFCOUNT_DUMP");
    if (dump && *dump == '1')
        rp_mem_walk(dump_block, NULL);
    rp_ssize_t refs = rp_total_refcount();
    fflush(stdout);
    fprintf(stderr, "[%zd refs, %zu blocks]\n", refs, rp_mem_blocks());
    fflush(stderr);
}
