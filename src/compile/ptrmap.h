// A small open-addressing hash map from pointers to integers, used by the
// compiler for identity-keyed tables (interned names -> index, canonical
// constants -> index, AST nodes -> symbol table entries).
#ifndef RP_PTRMAP_H
#define RP_PTRMAP_H

#include <stddef.h>
#include <stdint.h>
#include "memory/alloc.h"

typedef struct rp_ptrmap_entry {
    const void *key;        // NULL marks an empty slot
    intptr_t value;
} rp_ptrmap_entry_t;

typedef struct rp_ptrmap {
    rp_ptrmap_entry_t *e;
    size_t cap;             // 0 or a power of two
    size_t n;
} rp_ptrmap_t;

static inline size_t rp_ptrmap_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static inline void rp_ptrmap_init(rp_ptrmap_t *m)
{
    m->e = NULL;
    m->cap = 0;
    m->n = 0;
}

static inline void rp_ptrmap_free(rp_ptrmap_t *m)
{
    rp_mem_free(m->e);
    rp_ptrmap_init(m);
}

// 1 and *out set if key is present, else 0.
static inline int rp_ptrmap_get(const rp_ptrmap_t *m, const void *key, intptr_t *out)
{
    if (m->cap == 0)
        return 0;
    size_t mask = m->cap - 1;
    for (size_t i = rp_ptrmap_hash(key) & mask;; i = (i + 1) & mask) {
        if (m->e[i].key == key) {
            *out = m->e[i].value;
            return 1;
        }
        if (m->e[i].key == NULL)
            return 0;
    }
}

// Inserts or replaces.  0, or -1 on allocation failure (no exception set).
static inline int rp_ptrmap_set(rp_ptrmap_t *m, const void *key, intptr_t value)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 16;
        rp_ptrmap_entry_t *ne = (rp_ptrmap_entry_t *)rp_mem_calloc(ncap, sizeof *ne);
        if (!ne)
            return -1;
        for (size_t j = 0; j < m->cap; j++) {
            if (!m->e[j].key)
                continue;
            size_t k = rp_ptrmap_hash(m->e[j].key) & (ncap - 1);
            while (ne[k].key)
                k = (k + 1) & (ncap - 1);
            ne[k] = m->e[j];
        }
        rp_mem_free(m->e);
        m->e = ne;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    size_t i = rp_ptrmap_hash(key) & mask;
    while (m->e[i].key && m->e[i].key != key)
        i = (i + 1) & mask;
    if (!m->e[i].key) {
        m->e[i].key = key;
        m->n++;
    }
    m->e[i].value = value;
    return 0;
}

#endif
