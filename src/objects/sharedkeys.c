// sharedkeys: per-class shared key tables as CPython 3.11 keeps them
// (30 names at most; every new instance also uses up one usable slot),
// found through a small open-addressing table keyed by the class.
#include <string.h>

#include "sharedkeys.h"
#include "str.h"
#include "memory/alloc.h"

#define SHARED_KEYS_MAX_SIZE 30

struct rp_shared_keys {
    rp_ssize_t refcnt;      // one for the class, one per dict sharing it
    int nentries;           // names in the table
    int usable;             // CPython's dk_usable
    rp_obj_t *names[SHARED_KEYS_MAX_SIZE];  // owned
};

typedef struct {
    rp_type_t *type;        // NULL: empty, TOMBSTONE: removed
    rp_shared_keys_t *sk;   // the class's reference
} slot_t;

#define TOMBSTONE ((rp_type_t *)1)

static slot_t *slots;
static size_t capacity;     // power of two, or 0
static size_t filled;       // live entries plus tombstones

static size_t hash_ptr(const void *p)
{
    uintptr_t x = (uintptr_t)p >> 4;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static slot_t *find(rp_type_t *t, bool for_insert)
{
    if (!capacity)
        return NULL;
    size_t mask = capacity - 1;
    slot_t *free_slot = NULL;
    for (size_t i = hash_ptr(t) & mask;; i = (i + 1) & mask) {
        slot_t *s = &slots[i];
        if (s->type == t)
            return s;
        if (s->type == TOMBSTONE) {
            if (!free_slot)
                free_slot = s;
        } else if (!s->type) {
            return for_insert ? (free_slot ? free_slot : s) : NULL;
        }
    }
}

static int grow(void)
{
    size_t newcap = capacity ? capacity * 2 : 64;
    size_t live = 0;
    for (size_t i = 0; i < capacity; i++)
        if (slots[i].type && slots[i].type != TOMBSTONE)
            live++;
    if (capacity && live * 4 < capacity)
        newcap = capacity;      // mostly tombstones: rehash in place size
    slot_t *n = rp_mem_alloc(newcap * sizeof(slot_t));
    if (!n)
        return -1;
    memset(n, 0, newcap * sizeof(slot_t));
    slot_t *old = slots;
    size_t oldcap = capacity;
    slots = n;
    capacity = newcap;
    filled = 0;
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i].type && old[i].type != TOMBSTONE) {
            *find(old[i].type, true) = old[i];
            filled++;
        }
    }
    rp_mem_free(old);
    return 0;
}

static rp_shared_keys_t *lookup(rp_type_t *t)
{
    slot_t *s = find(t, false);
    if (s)
        return s->sk;
    if ((filled + 1) * 3 >= capacity * 2 && grow() < 0)
        return NULL;
    rp_shared_keys_t *sk = rp_mem_alloc(sizeof(rp_shared_keys_t));
    if (!sk)
        return NULL;
    sk->refcnt = 1;
    sk->nentries = 0;
    sk->usable = SHARED_KEYS_MAX_SIZE;
    s = find(t, true);
    if (!s->type)
        filled++;
    s->type = t;
    s->sk = sk;
    return sk;
}

void rp_shared_keys_on_new_instance(rp_type_t *t)
{
    rp_shared_keys_t *sk = lookup(t);
    if (sk && sk->usable > 1)
        sk->usable--;
}

rp_shared_keys_t *rp_shared_keys_get(rp_type_t *t)
{
    rp_shared_keys_t *sk = lookup(t);
    if (sk)
        sk->refcnt++;
    return sk;
}

void rp_shared_keys_decref(rp_shared_keys_t *sk)
{
    if (--sk->refcnt > 0)
        return;
    for (int i = 0; i < sk->nentries; i++)
        rp_decref(sk->names[i]);
    rp_mem_free(sk);
}

int rp_shared_keys_add(rp_shared_keys_t *sk, rp_obj_t *key)
{
    if (!rp_str_check_exact(key))
        return 0;
    for (int i = 0; i < sk->nentries; i++)
        if (sk->names[i] == key || rp_str_eq(sk->names[i], key))
            return 1;
    if (sk->usable <= 0 || sk->nentries >= SHARED_KEYS_MAX_SIZE)
        return 0;
    sk->names[sk->nentries++] = rp_newref(key);
    sk->usable--;
    return 1;
}

rp_ssize_t rp_shared_keys_usable_size(rp_shared_keys_t *sk)
{
    return (rp_ssize_t)sk->nentries + sk->usable;
}

void rp_shared_keys_forget(rp_type_t *t)
{
    slot_t *s = find(t, false);
    if (!s)
        return;
    rp_shared_keys_t *sk = s->sk;
    s->type = TOMBSTONE;
    s->sk = NULL;
    rp_shared_keys_decref(sk);
}
