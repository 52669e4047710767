// memlab: refpy's explanations of object identity and references
// (modules/memlab*.c).  Internal helpers shared by those files, and the
// REPL hook.
#ifndef RP_MEMLAB_H
#define RP_MEMLAB_H

#include <stdio.h>

#include "objects/object.h"
#include "objects/code.h"

// Called by the REPL after each input: when memlab.watch(True) is on,
// prints one line with the change in live objects, blocks, bytes and
// the gc counts that the input caused.  Never raises.
void rp_memlab_after_input(void);

// A pointer -> int map (open addressing; malloc'd, outside the object
// allocator so memlab does not disturb the counts it reports).
typedef struct rp_memlab_map {
    uintptr_t *keys;
    int *vals;
    size_t cap, n;
} rp_memlab_map_t;
// Sets key -> val.  0, or -1 when out of memory (no exception set).
int rp_memlab_map_put(rp_memlab_map_t *m, const void *key, int val);
// The value for key, or -1 when absent.
int rp_memlab_map_get(const rp_memlab_map_t *m, const void *key);
void rp_memlab_map_free(rp_memlab_map_t *m);

// Where a constant came from: its compilation unit and code object.
typedef struct rp_memlab_unit {
    rp_unit_kind_t kind;
    int number;                 // REPL input number
    char filename[128];
    char codename[64];
    int live;                   // 1: the code object still exists
} rp_memlab_unit_t;

// A snapshot of the heap for one query: every gc-tracked object (a new
// list, objs), and every live code object reachable from functions,
// running frames and other code objects' constants.
typedef struct rp_memlab_heap {
    rp_obj_t *objs;             // owned list (gc.get_objects())
    rp_code_t **codes;          // malloc'd, borrowed pointers
    size_t ncodes, capcodes;
} rp_memlab_heap_t;
// 0, or -1 with an exception set.
int rp_memlab_heap_open(rp_memlab_heap_t *h);
void rp_memlab_heap_close(rp_memlab_heap_t *h);

// The origin of o: "small-int-cache", "singleton", "interned",
// "constant" (unit filled) or "runtime".  h may be NULL (then live code
// objects are not searched, only the record of dead units).
const char *rp_memlab_origin(rp_memlab_heap_t *h, rp_obj_t *o,
                             rp_memlab_unit_t *unit);
// Writes "script x.py", "REPL input 3", "-c" for a unit.
void rp_memlab_unit_describe(FILE *out, const rp_memlab_unit_t *u);
// Writes a short repr of o (at most ~60 characters).
void rp_memlab_write_repr(FILE *out, rp_obj_t *o);

// memlab.explain(a, b): a new str, or NULL with an exception set.
rp_obj_t *rp_memlab_explain(rp_obj_t *a, rp_obj_t *b);
// memlab.holders(obj) as a new list of str (see memlab.c).  skip_arg:
// how many references of the innermost frame's value stack belong to
// the call itself (and are left out).
rp_obj_t *rp_memlab_holders(rp_obj_t *target, int skip_arg);
// memlab.why_alive(obj): a new str, or None.
rp_obj_t *rp_memlab_why_alive(rp_obj_t *target);

#endif
