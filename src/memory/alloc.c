// The small-object allocator: 16-byte size classes up to RP_SMALL_MAX,
// served from 16 KiB pools carved out of 1 MiB mmap'ed arenas; larger
// requests go to malloc behind a header that links them for walking.
#include "memory/alloc.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/*
 * Invariants:
 *
 * - An arena is ARENA_SIZE bytes, aligned to ARENA_SIZE, split into
 *   POOLS_PER_ARENA pools of POOL_SIZE bytes (aligned to POOL_SIZE).  The
 *   arena's descriptor lives outside it (malloc), so all pools are usable.
 * - A block p belongs to the small allocator iff the bit for
 *   p >> ARENA_SHIFT is set in arena_map (a lazily-touched bitmap covering
 *   the 48-bit address space).  Nothing is read at p to decide that, so
 *   rp_mem_free / rp_mem_is_live_object are safe on foreign pointers.
 * - A pool in use starts with a pool_t header; its blocks follow at
 *   POOL_HEADER.  alloc_bits / obj_bits have one bit per 16-byte granule
 *   of the pool, set at the granule where a live block starts.
 * - A pool is on usable[szidx] iff it is in use and has a free block.  Its
 *   free list is never empty while it has untouched space (the bump area
 *   feeds the free list one block at a time), so "free == NULL" means
 *   "pool full".
 * - Pools with no live block go back to their arena; an arena with no pool
 *   in use is unmapped (one empty arena is kept to absorb churn).
 * - Large blocks carry a large_t header (doubly linked list for walking);
 *   their user addresses are also in a small open-addressing hash set so
 *   rp_mem_is_live_object never reads a header that may not exist.
 */

#define ARENA_SHIFT 20
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT)
#define POOL_SHIFT 14
#define POOL_SIZE ((size_t)1 << POOL_SHIFT)
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)
#define NCLASSES (RP_SMALL_MAX / RP_ALIGN)
#define GRANULES (POOL_SIZE / RP_ALIGN)        // 1024 bits per bitmap
#define ADDR_BITS 48

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

typedef struct arena arena_t;

typedef struct pool {
    uint64_t alloc_bits[GRANULES / 64];
    uint64_t obj_bits[GRANULES / 64];
    void *free;                 // free list of blocks (next pointer in block)
    char *bump;                 // next never-used block
    char *limit;                // blocks start below limit
    struct pool *next, *prev;   // usable[] list, or the arena's free pools
    arena_t *arena;
    uint32_t nalloc;            // live blocks
    uint32_t size;              // block size
    uint32_t szidx;
    uint32_t pad_;
} pool_t;

#define POOL_HEADER ((sizeof(pool_t) + RP_ALIGN - 1) & ~(size_t)(RP_ALIGN - 1))

struct arena {
    char *base;
    pool_t *free_pools;         // returned pools (headers stale)
    unsigned nfree;             // pools not in use (free list + untouched)
    unsigned untouched;         // index of the first never-used pool
    arena_t *next, *prev;       // all arenas
};

typedef struct large {
    struct large *next, *prev;
    size_t size;
    size_t is_object;
} large_t;

_Static_assert(sizeof(large_t) % RP_ALIGN == 0, "large header alignment");

static pool_t *usable[NCLASSES];
static arena_t *arenas;             // every mapped arena
static arena_t *current_arena;      // where new pools come from first
static unsigned empty_arenas;
static uint64_t *arena_map;         // one bit per possible arena address
static large_t large_head = { &large_head, &large_head, 0, 0 };

static size_t live_blocks, live_bytes;
static uint64_t alloc_count, fail_at;
static rp_mem_hook_alloc hook_alloc;
static rp_mem_hook_free hook_free;
bool rp_mem_recycle = true;

static void update_recycle(void)
{
    rp_mem_recycle = !hook_alloc && !hook_free && !fail_at;
}

void rp_mem_note_reuse(void) { ++alloc_count; }

// ---------------------------------------------------------------------
// Arena membership

static bool map_init(void)
{
    size_t bytes = ((size_t)1 << (ADDR_BITS - ARENA_SHIFT)) / 8;
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return false;
    arena_map = m;
    return true;
}

static inline bool in_arena(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (unlikely(a >> ADDR_BITS) || unlikely(!arena_map))
        return false;
    a >>= ARENA_SHIFT;
    return (arena_map[a >> 6] >> (a & 63)) & 1;
}

static void map_set(const void *base, bool on)
{
    uintptr_t a = (uintptr_t)base >> ARENA_SHIFT;
    if (on)
        arena_map[a >> 6] |= (uint64_t)1 << (a & 63);
    else
        arena_map[a >> 6] &= ~((uint64_t)1 << (a & 63));
}

// ---------------------------------------------------------------------
// Large-block address set (open addressing, linear probing, tombstones)

static uintptr_t *lset;
static size_t lset_cap, lset_used, lset_live;
#define LSET_TOMB ((uintptr_t)1)

static inline size_t lset_slot(uintptr_t p) { return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull); }

static bool lset_grow(void)
{
    size_t ncap = lset_cap ? lset_cap * 2 : 64;
    while (lset_live * 2 >= ncap)
        ncap *= 2;
    uintptr_t *n = calloc(ncap, sizeof *n);
    if (!n)
        return false;
    for (size_t i = 0; i < lset_cap; i++) {
        uintptr_t v = lset[i];
        if (v > LSET_TOMB) {
            size_t j = lset_slot(v) & (ncap - 1);
            while (n[j])
                j = (j + 1) & (ncap - 1);
            n[j] = v;
        }
    }
    free(lset);
    lset = n;
    lset_cap = ncap;
    lset_used = lset_live;
    return true;
}

static bool lset_add(uintptr_t p)
{
    if ((lset_used + 1) * 4 >= lset_cap * 3 && !lset_grow())
        return false;
    size_t j = lset_slot(p) & (lset_cap - 1);
    while (lset[j] > LSET_TOMB)
        j = (j + 1) & (lset_cap - 1);
    if (lset[j] == 0)
        lset_used++;
    lset[j] = p;
    lset_live++;
    return true;
}

static bool lset_has(uintptr_t p)
{
    if (!lset_cap)
        return false;
    size_t j = lset_slot(p) & (lset_cap - 1);
    while (lset[j]) {
        if (lset[j] == p)
            return true;
        j = (j + 1) & (lset_cap - 1);
    }
    return false;
}

static void lset_del(uintptr_t p)
{
    if (!lset_cap)
        return;
    size_t j = lset_slot(p) & (lset_cap - 1);
    while (lset[j]) {
        if (lset[j] == p) {
            lset[j] = LSET_TOMB;
            lset_live--;
            return;
        }
        j = (j + 1) & (lset_cap - 1);
    }
}

// ---------------------------------------------------------------------
// Arenas and pools

static arena_t *arena_new(void)
{
    if (!arena_map && !map_init())
        return NULL;
    arena_t *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    // Over-map by one arena and trim to get ARENA_SIZE alignment.
    char *m = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        free(a);
        return NULL;
    }
    uintptr_t start = ((uintptr_t)m + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
    size_t head = start - (uintptr_t)m;
    if (head)
        munmap(m, head);
    if (ARENA_SIZE - head)
        munmap((char *)start + ARENA_SIZE, ARENA_SIZE - head);
    if ((start >> ADDR_BITS) != 0) {
        munmap((void *)start, ARENA_SIZE);
        free(a);
        return NULL;
    }
    a->base = (char *)start;
    a->free_pools = NULL;
    a->nfree = POOLS_PER_ARENA;
    a->untouched = 0;
    a->prev = NULL;
    a->next = arenas;
    if (arenas)
        arenas->prev = a;
    arenas = a;
    map_set(a->base, true);
    empty_arenas++;
    return a;
}

static void arena_release(arena_t *a)
{
    map_set(a->base, false);
    munmap(a->base, ARENA_SIZE);
    if (a->prev)
        a->prev->next = a->next;
    else
        arenas = a->next;
    if (a->next)
        a->next->prev = a->prev;
    if (current_arena == a)
        current_arena = NULL;
    empty_arenas--;
    free(a);
}

static pool_t *arena_take_pool(arena_t *a)
{
    pool_t *p;
    if (a->free_pools) {
        p = a->free_pools;
        a->free_pools = p->next;
    } else {
        p = (pool_t *)(a->base + (size_t)a->untouched * POOL_SIZE);
        a->untouched++;
    }
    if (a->nfree == POOLS_PER_ARENA)
        empty_arenas--;
    a->nfree--;
    p->arena = a;
    return p;
}

// Finds an arena with a free pool, preferring the current one, then the
// fullest (so nearly-empty arenas can drain and be unmapped).
static arena_t *find_arena(void)
{
    if (current_arena && current_arena->nfree)
        return current_arena;
    arena_t *best = NULL;
    for (arena_t *a = arenas; a; a = a->next)
        if (a->nfree && (!best || a->nfree < best->nfree))
            best = a;
    if (!best)
        best = arena_new();
    current_arena = best;
    return best;
}

static pool_t *pool_new(unsigned szidx)
{
    arena_t *a = find_arena();
    if (!a)
        return NULL;
    pool_t *p = arena_take_pool(a);
    size_t size = (size_t)(szidx + 1) * RP_ALIGN;
    memset(p->alloc_bits, 0, sizeof p->alloc_bits);
    memset(p->obj_bits, 0, sizeof p->obj_bits);
    p->size = (uint32_t)size;
    p->szidx = szidx;
    p->nalloc = 0;
    char *first = (char *)p + POOL_HEADER;
    p->limit = (char *)p + POOL_SIZE - size + 1;   // blocks start below
    *(void **)first = NULL;
    p->free = first;
    p->bump = first + size;
    p->prev = NULL;
    p->next = usable[szidx];
    if (p->next)
        p->next->prev = p;
    usable[szidx] = p;
    return p;
}

static void pool_release(pool_t *p, bool on_list)
{
    if (on_list) {
        if (p->prev)
            p->prev->next = p->next;
        else
            usable[p->szidx] = p->next;
        if (p->next)
            p->next->prev = p->prev;
    }
    arena_t *a = p->arena;
    p->next = a->free_pools;
    a->free_pools = p;
    a->nfree++;
    if (a->nfree == POOLS_PER_ARENA) {
        empty_arenas++;
        if (empty_arenas > 1)
            arena_release(a);
    }
}

// ---------------------------------------------------------------------
// Allocation

static inline void *small_alloc(size_t n)
{
    unsigned szidx = (unsigned)((n - (n != 0)) >> 4);
    pool_t *p = usable[szidx];
    if (unlikely(!p)) {
        p = pool_new(szidx);
        if (!p)
            return NULL;
    }
    char *b = p->free;
    void *next = *(void **)b;
    if (!next) {
        if (p->bump < p->limit) {
            next = p->bump;
            *(void **)next = NULL;
            p->bump += p->size;
        } else {
            // Pool is now full: leave usable[].
            usable[szidx] = p->next;
            if (p->next)
                p->next->prev = NULL;
            p->next = p->prev = NULL;
        }
    }
    p->free = next;
    p->nalloc++;
    size_t g = ((uintptr_t)b & (POOL_SIZE - 1)) >> 4;
    p->alloc_bits[g >> 6] |= (uint64_t)1 << (g & 63);
    live_blocks++;
    live_bytes += p->size;
    return b;
}

static inline void small_free(void *b)
{
    pool_t *p = (pool_t *)((uintptr_t)b & ~(uintptr_t)(POOL_SIZE - 1));
    size_t g = ((uintptr_t)b & (POOL_SIZE - 1)) >> 4;
    uint64_t bit = (uint64_t)1 << (g & 63);
    if (unlikely(!(p->alloc_bits[g >> 6] & bit))) {
        fprintf(stderr, "refpy: free of a block that is not allocated (%p)\n", b);
        abort();
    }
    p->alloc_bits[g >> 6] &= ~bit;
    p->obj_bits[g >> 6] &= ~bit;
    live_blocks--;
    live_bytes -= p->size;
    void *old = p->free;
    *(void **)b = old;
    p->free = b;
    if (unlikely(--p->nalloc == 0)) {
        // A pool with free blocks before this one was on usable[]; a
        // full pool holding a single block was not.
        pool_release(p, old != NULL);
        return;
    }
    if (unlikely(!old)) {
        // The pool was full: it has a free block again.
        unsigned c = p->szidx;
        p->prev = NULL;
        p->next = usable[c];
        if (p->next)
            p->next->prev = p;
        usable[c] = p;
    }
}

// Requests past this fail without asking malloc (MemoryError): no machine
// refpy runs on has a terabyte to give, and the sanitizers' allocator
// would warn on stderr about such a request instead of quietly failing.
// The largest single block, and the most live bytes a large block may
// take the total to (rp_mem_set_max_block).
static size_t large_max = (size_t)1 << 40, total_max = SIZE_MAX;

void rp_mem_set_max_block(size_t n, size_t total)
{
    large_max = n;
    total_max = total;
}

static inline bool too_large(size_t n)
{
    return n > large_max || n > total_max - (live_bytes < total_max ? live_bytes : total_max);
}

size_t rp_mem_max_block(void) { return large_max; }

static void *large_alloc(size_t n)
{
    if (too_large(n))
        return NULL;
    large_t *h = malloc(sizeof(large_t) + n);
    if (!h)
        return NULL;
    void *p = h + 1;
    if (!lset_add((uintptr_t)p)) {
        free(h);
        return NULL;
    }
    h->size = n;
    h->is_object = 0;
    h->next = large_head.next;
    h->prev = &large_head;
    large_head.next->prev = h;
    large_head.next = h;
    live_blocks++;
    live_bytes += n;
    return p;
}

static void large_free(void *p)
{
    large_t *h = (large_t *)p - 1;
    lset_del((uintptr_t)p);
    h->prev->next = h->next;
    h->next->prev = h->prev;
    live_blocks--;
    live_bytes -= h->size;
    free(h);
}

static inline void *raw_alloc(size_t n)
{
    if (likely(n <= RP_SMALL_MAX))
        return small_alloc(n);
    return large_alloc(n);
}

static inline void raw_free(void *p)
{
    if (likely(in_arena(p)))
        small_free(p);
    else
        large_free(p);
}

void rp_mem_fail_after(uint64_t n)
{
    fail_at = n ? alloc_count + n : 0;
    update_recycle();
}

uint64_t rp_mem_alloc_count(void) { return alloc_count; }

static void *fail_or_hook(void *p, size_t n)
{
    if (p && hook_alloc)
        hook_alloc(p, n);
    return p;
}

void *rp_mem_alloc(size_t n)
{
    if (unlikely(++alloc_count == fail_at))
        return NULL;
    void *p = raw_alloc(n);
    if (unlikely(hook_alloc != NULL))
        return fail_or_hook(p, n);
    return p;
}

void *rp_mem_calloc(size_t count, size_t size)
{
    size_t n;
    if (__builtin_mul_overflow(count, size, &n))
        return NULL;
    void *p = rp_mem_alloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

size_t rp_mem_size(const void *p)
{
    if (in_arena(p)) {
        pool_t *pool = (pool_t *)((uintptr_t)p & ~(uintptr_t)(POOL_SIZE - 1));
        return pool->size;
    }
    return ((const large_t *)p - 1)->size;
}

void *rp_mem_realloc(void *p, size_t n)
{
    if (!p)
        return rp_mem_alloc(n);
    size_t old = rp_mem_size(p);
    if (in_arena(p)) {
        // Shrinking a little or growing within the class keeps the block.
        if (n <= old && n > old / 2 && !hook_alloc)
            return p;
    }
    if (unlikely(++alloc_count == fail_at))
        return NULL;
    void *q;
    if (too_large(n))
        return NULL;
    if (!in_arena(p) && n > RP_SMALL_MAX && !hook_alloc) {
        // Large to large: let malloc move it.
        large_t *h = (large_t *)p - 1;
        large_t saved = *h;
        lset_del((uintptr_t)p);
        large_t *nh = realloc(h, sizeof(large_t) + n);
        if (!nh) {
            lset_add((uintptr_t)p);
            return NULL;
        }
        q = nh + 1;
        if (!lset_add((uintptr_t)q)) {
            // Could not record the block: give it back as a failure is not
            // possible any more; abort rather than lose track.
            fprintf(stderr, "refpy: out of memory\n");
            abort();
        }
        nh->next = saved.next;
        nh->prev = saved.prev;
        nh->next->prev = nh;
        nh->prev->next = nh;
        live_bytes += n - saved.size;
        nh->size = n;
        return q;
    }
    q = raw_alloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    if (hook_free)
        hook_free(p);
    raw_free(p);
    if (hook_alloc)
        hook_alloc(q, n);
    return q;
}

void rp_mem_free(void *p)
{
    if (!p)
        return;
    if (unlikely(hook_free != NULL))
        hook_free(p);
    raw_free(p);
}

void *rp_mem_alloc_object(size_t n)
{
    if (unlikely(++alloc_count == fail_at))
        return NULL;
    void *p;
    if (likely(n <= RP_SMALL_MAX)) {
        p = small_alloc(n);
        if (likely(p != NULL)) {
            pool_t *pool = (pool_t *)((uintptr_t)p & ~(uintptr_t)(POOL_SIZE - 1));
            size_t g = ((uintptr_t)p & (POOL_SIZE - 1)) >> 4;
            pool->obj_bits[g >> 6] |= (uint64_t)1 << (g & 63);
        }
    } else {
        p = large_alloc(n);
        if (p)
            ((large_t *)p - 1)->is_object = 1;
    }
    if (unlikely(hook_alloc != NULL))
        return fail_or_hook(p, n);
    return p;
}

void rp_mem_free_object(void *p)
{
    if (unlikely(hook_free != NULL))
        hook_free(p);
    // small_free clears the object mark with the allocation bit.
    raw_free(p);
}

// ---------------------------------------------------------------------
// Object marks, liveness, walking

static uint64_t object_marks;

uint64_t rp_mem_object_count(void) { return object_marks; }

void rp_mem_mark_object(void *p, bool is_object)
{
    object_marks += is_object;
    if (in_arena(p)) {
        pool_t *pool = (pool_t *)((uintptr_t)p & ~(uintptr_t)(POOL_SIZE - 1));
        size_t g = ((uintptr_t)p & (POOL_SIZE - 1)) >> 4;
        uint64_t bit = (uint64_t)1 << (g & 63);
        if (is_object)
            pool->obj_bits[g >> 6] |= bit;
        else
            pool->obj_bits[g >> 6] &= ~bit;
    } else {
        ((large_t *)p - 1)->is_object = is_object;
    }
}

bool rp_mem_is_live_object(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (!p || (a & (RP_ALIGN - 1)))
        return false;
    if (in_arena(p)) {
        // Pools not in use have all bits clear (never touched memory
        // reads as zero; released pools were cleared block by block).
        size_t off = a & (POOL_SIZE - 1);
        if (off < POOL_HEADER)
            return false;
        pool_t *pool = (pool_t *)(a - off);
        size_t g = off >> 4;
        uint64_t bit = (uint64_t)1 << (g & 63);
        return (pool->alloc_bits[g >> 6] & bit) && (pool->obj_bits[g >> 6] & bit);
    }
    if (!lset_has(a))
        return false;
    return ((const large_t *)p - 1)->is_object != 0;
}

size_t rp_mem_blocks(void) { return live_blocks; }
size_t rp_mem_bytes(void) { return live_bytes; }

int rp_mem_walk(rp_mem_visit_fn fn, void *arg)
{
    for (arena_t *a = arenas; a; a = a->next) {
        for (unsigned i = 0; i < a->untouched; i++) {
            pool_t *p = (pool_t *)(a->base + (size_t)i * POOL_SIZE);
            if (p->nalloc == 0)
                continue;
            for (unsigned w = 0; w < GRANULES / 64; w++) {
                uint64_t bits = p->alloc_bits[w];
                while (bits) {
                    unsigned b = (unsigned)__builtin_ctzll(bits);
                    bits &= bits - 1;
                    size_t g = (size_t)w * 64 + b;
                    bool obj = (p->obj_bits[w] >> b) & 1;
                    int r = fn((char *)p + g * RP_ALIGN, p->size, obj, arg);
                    if (r)
                        return r;
                }
            }
        }
    }
    for (large_t *h = large_head.next; h != &large_head;) {
        large_t *next = h->next;
        int r = fn(h + 1, h->size, h->is_object != 0, arg);
        if (r)
            return r;
        h = next;
    }
    return 0;
}

void rp_mem_set_hooks(rp_mem_hook_alloc on_alloc, rp_mem_hook_free on_free)
{
    hook_alloc = on_alloc;
    hook_free = on_free;
    update_recycle();
}

// ---------------------------------------------------------------------
// GMP routing.  GMP cannot handle allocation failure, so its requests
// bypass fault injection and abort on exhaustion, as GMP itself would.

static void *gmp_alloc(size_t n)
{
    void *p = raw_alloc(n);
    if (!p) {
        fprintf(stderr, "refpy: out of memory in big integer arithmetic\n");
        abort();
    }
    if (hook_alloc)
        hook_alloc(p, n);
    return p;
}

static void *gmp_realloc(void *p, size_t old_size, size_t n)
{
    void *q = raw_alloc(n);
    if (!q) {
        fprintf(stderr, "refpy: out of memory in big integer arithmetic\n");
        abort();
    }
    size_t old = rp_mem_size(p);
    memcpy(q, p, old < n ? old : n);
    if (hook_free)
        hook_free(p);
    raw_free(p);
    if (hook_alloc)
        hook_alloc(q, n);
    return q;
}

static void gmp_free(void *p, size_t size)
{
    rp_mem_free(p);
}

// REFPY_ALLOC_STATS=1: report the allocation count at exit (used to size
// the REFPY_FAIL_ALLOC_AT sweep of the robustness tests).
static void print_alloc_stats(void)
{
    fprintf(stderr, "refpy: allocations: %llu\n",
            (unsigned long long)alloc_count);
}

void rp_mem_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    if (!arena_map)
        map_init();
    const char *s = getenv("REFPY_FAIL_ALLOC_AT");
    if (s && *s) {
        char *end;
        unsigned long long v = strtoull(s, &end, 10);
        if (*end == '\0' && v > 0)
            fail_at = v;
        update_recycle();
    }
    s = getenv("REFPY_ALLOC_STATS");
    if (s && *s && *s != '0')
        atexit(print_alloc_stats);
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}
