// The small-object allocator: pools of fixed-size blocks per size class
// (like CPython's pymalloc) for requests up to RP_SMALL_MAX bytes, the
// system allocator above that.  Every block is counted, can be traced
// (tracemalloc) and can be recognised as live (PyObj_FromPtr).
#ifndef RP_ALLOC_H
#define RP_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RP_SMALL_MAX 512       // largest request served from pools
#define RP_ALIGN 16            // every block is 16-byte aligned

// Allocates n bytes (n may be 0).  Returns NULL on failure WITHOUT setting
// an exception (callers in objects/ raise MemoryError).  Fault injection:
// when the environment variable REFPY_FAIL_ALLOC_AT=N is set, the N-th
// allocation (counting from 1) fails.
void *rp_mem_alloc(size_t n);
// Zero-filled allocation.
void *rp_mem_calloc(size_t count, size_t size);
// Resizes p (NULL p: alloc).  On failure returns NULL and p is untouched.
void *rp_mem_realloc(void *p, size_t n);
void rp_mem_free(void *p);
// Usable size of a live block.
size_t rp_mem_size(const void *p);

// Marks a live block as holding an object header at its start (set by
// rp_obj_alloc), so the allocator can tell objects from raw buffers.
void rp_mem_mark_object(void *p, bool is_object);
// True if p is the start of a live block marked as an object.  Never
// dereferences memory that is not a live block.
bool rp_mem_is_live_object(const void *p);

// Number of live blocks (sys.getallocatedblocks()).
size_t rp_mem_blocks(void);
// Bytes currently allocated (sum of requested sizes rounded to the class).
size_t rp_mem_bytes(void);

// Visits every live block: fn(block, size, is_object, arg).  Stops early
// when fn returns non-zero (and returns that value).
typedef int (*rp_mem_visit_fn)(void *block, size_t size, bool is_object,
                               void *arg);
int rp_mem_walk(rp_mem_visit_fn fn, void *arg);

// Tracing hooks (tracemalloc).  When set, called after every successful
// allocation / before every free, with the block and its requested size.
typedef void (*rp_mem_hook_alloc)(void *p, size_t n);
typedef void (*rp_mem_hook_free)(void *p);
void rp_mem_set_hooks(rp_mem_hook_alloc on_alloc, rp_mem_hook_free on_free);

// The largest single block an allocation may have, and the most live bytes
// a large block may bring the total to: larger requests fail (MemoryError)
// without asking the system.  Defaults 1 TiB and no total limit; the
// fuzzing harness lowers them so that no input can take the machine's
// memory.
void rp_mem_set_max_block(size_t n, size_t total);
size_t rp_mem_max_block(void);

// Fault injection for tests: the n-th allocation from now fails (n == 0
// disables).  Same counter as REFPY_FAIL_ALLOC_AT.
void rp_mem_fail_after(uint64_t n);
// Number of allocation requests so far (alloc, calloc, growing realloc).
uint64_t rp_mem_alloc_count(void);
// Number of blocks marked as objects so far (objects created).
uint64_t rp_mem_object_count(void);

// Per-type free lists (float): a block kept on a free list stays
// allocated (unmarked as an object).  Its owner may reuse it only while
// rp_mem_recycle_ok() (no tracing hook and no fault injection active, so
// tracemalloc and REFPY_FAIL_ALLOC_AT see every allocation), and reports
// each reuse with rp_mem_note_reuse() so allocation counts do not change.
extern bool rp_mem_recycle;
static inline bool rp_mem_recycle_ok(void) { return rp_mem_recycle; }
void rp_mem_note_reuse(void);

// Allocates / frees a block holding an object (rp_mem_alloc +
// rp_mem_mark_object in one step; the free clears the mark).
void *rp_mem_alloc_object(size_t n);
void rp_mem_free_object(void *p);

// Routes GMP's allocations through this allocator (called once at start).
void rp_mem_init(void);

#endif
