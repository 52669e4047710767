// The parse arena: bump allocation in large zeroed chunks, freed all at
// once.  Every node, sequence, token and decoded string of one parse lives
// here, so the parser never frees anything individually.
#include "parse/ast.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)
#define ALIGN 16

typedef struct chunk {
    struct chunk *next;
    size_t size;          // usable bytes after the header
    size_t used;
    // The payload follows, aligned to ALIGN.
} chunk_t;

struct rp_arena {
    chunk_t *head;        // current chunk (most recently added)
};

#define HEADER_SIZE ((sizeof(chunk_t) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

static chunk_t *new_chunk(size_t size)
{
    // calloc: the payload must read as zero (rp_arena_alloc promises it).
    chunk_t *c = calloc(1, HEADER_SIZE + size);
    if (c == NULL) {
        return NULL;
    }
    c->size = size;
    return c;
}

rp_arena_t *rp_arena_new(void)
{
    rp_arena_t *a = calloc(1, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->head = new_chunk(CHUNK_SIZE);
    if (a->head == NULL) {
        free(a);
        return NULL;
    }
    return a;
}

void *rp_arena_alloc(rp_arena_t *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (n == 0) {
        n = ALIGN;
    }
    chunk_t *c = a->head;
    if (c->size - c->used < n) {
        if (n > CHUNK_SIZE / 4) {
            // A big block gets a chunk of its own, linked behind the
            // current one so the current chunk keeps serving small ones.
            chunk_t *big = new_chunk(n);
            if (big == NULL) {
                return NULL;
            }
            big->used = n;
            big->next = c->next;
            c->next = big;
            return (char *)big + HEADER_SIZE;
        }
        chunk_t *fresh = new_chunk(CHUNK_SIZE);
        if (fresh == NULL) {
            return NULL;
        }
        fresh->next = c;
        a->head = c = fresh;
    }
    void *p = (char *)c + HEADER_SIZE + c->used;
    c->used += n;
    return p;
}

char *rp_arena_strndup(rp_arena_t *a, const char *s, size_t n)
{
    char *d = rp_arena_alloc(a, n + 1);
    if (d == NULL) {
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void rp_arena_free(rp_arena_t *a)
{
    if (a == NULL) {
        return;
    }
    chunk_t *c = a->head;
    while (c != NULL) {
        chunk_t *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}
