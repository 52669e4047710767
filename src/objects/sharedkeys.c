// sharedkeys: per-class shared key tables as CPython 3.11 keeps them
// (30 names at most; every new instance also uses up one usable slot),
// each owned by its class (rp_type_t.shared_keys).
#include <string.h>

#include "sharedkeys.h"
#include "str.h"
#include "memory/alloc.h"

// The table of t, made on first use; borrowed (t holds it), NULL if
// memory ran out.
rp_shared_keys_t *rp_shared_keys_of(rp_type_t *t)
{
    rp_shared_keys_t *sk = t->shared_keys;
    if (sk)
        return sk;
    sk = rp_mem_alloc(sizeof(rp_shared_keys_t));
    if (!sk)
        return NULL;
    sk->refcnt = 1;
    sk->nentries = 0;
    sk->usable = RP_SHARED_KEYS_MAX_SIZE;
    t->shared_keys = sk;
    return sk;
}

rp_shared_keys_t *rp_shared_keys_get(rp_type_t *t)
{
    rp_shared_keys_t *sk = rp_shared_keys_of(t);
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

int rp_shared_keys_index_slow(rp_shared_keys_t *sk, rp_obj_t *key)
{
    // Two different interned strings are never equal.
    bool interned = rp_str_is_interned(key);
    for (int i = 0; i < sk->nentries; i++)
        if (!(interned && rp_str_is_interned(sk->names[i])) && rp_str_eq(sk->names[i], key))
            return i;
    return -1;
}

int rp_shared_keys_insert(rp_shared_keys_t *sk, rp_obj_t *key)
{
    if (!rp_str_check_exact(key))
        return -1;
    int i = rp_shared_keys_index(sk, key);
    if (i >= 0)
        return i;
    if (sk->usable <= 0 || sk->nentries >= RP_SHARED_KEYS_MAX_SIZE)
        return -1;
    sk->names[sk->nentries] = rp_newref(key);
    sk->usable--;
    return sk->nentries++;
}

int rp_shared_keys_add(rp_shared_keys_t *sk, rp_obj_t *key)
{
    return rp_shared_keys_insert(sk, key) >= 0;
}

rp_ssize_t rp_shared_keys_usable_size(rp_shared_keys_t *sk)
{
    return (rp_ssize_t)sk->nentries + sk->usable;
}

void rp_shared_keys_forget(rp_type_t *t)
{
    rp_shared_keys_t *sk = t->shared_keys;
    t->shared_keys = NULL;
    if (sk)
        rp_shared_keys_decref(sk);
}
