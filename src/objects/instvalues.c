// instvalues: instance attributes kept inline (see instvalues.h).
#include <string.h>

#include "instvalues.h"
#include "errors.h"
#include "memory/alloc.h"

static inline uint8_t *prefix_of(rp_obj_t **vals)
{
    return (uint8_t *)vals;
}

int rp_values_init(rp_obj_t *o)
{
    rp_shared_keys_t *sk = rp_shared_keys_of(o->type);
    if (!sk) {
        rp_err_nomemory();
        return -1;
    }
    // CPython's init_inline_values: each instance uses up a usable slot
    // of the table while more than one is left.
    if (sk->usable > 1)
        sk->usable--;
    size_t n = (size_t)rp_shared_keys_usable_size(sk);
    size_t prefix = (n + 2 + 7) & ~(size_t)7;
    char *mem = rp_mem_alloc(prefix + n * sizeof(rp_obj_t *));
    if (!mem) {
        rp_err_nomemory();
        return -1;
    }
    rp_obj_t **vals = (rp_obj_t **)(mem + prefix);
    memset(vals, 0, n * sizeof(rp_obj_t *));
    prefix_of(vals)[-1] = (uint8_t)prefix;
    prefix_of(vals)[-2] = 0;
    *rp_values_slot(o) = vals;
    return 0;
}

static void free_array(rp_obj_t **vals)
{
    rp_mem_free((char *)vals - prefix_of(vals)[-1]);
}

void rp_values_free(rp_obj_t *o)
{
    rp_obj_t ***slot = rp_values_slot(o);
    rp_obj_t **vals = *slot;
    if (!vals)
        return;
    *slot = NULL;
    int n = o->type->shared_keys->nentries;
    for (int i = 0; i < n; i++)
        rp_xdecref(vals[i]);
    free_array(vals);
}

// Drops index i from the insertion order.
static void forget_order(rp_obj_t **vals, int i)
{
    uint8_t *p = prefix_of(vals);
    int n = p[-2];
    int k = 0;
    while (k < n && p[-3 - k] != i)
        k++;
    if (k == n)
        return;
    for (; k + 1 < n; k++)
        p[-3 - k] = p[-4 - k];
    p[-2] = (uint8_t)(n - 1);
}

void rp_values_clear(rp_obj_t *o)
{
    // Last set first, each dropped from the order before its release: the
    // order stays true at every step (the release may run code that reads
    // or stores attributes of o) at no cost per value.
    rp_obj_t **vals;
    while ((vals = *rp_values_slot(o)) && rp_values_count(vals) > 0) {
        uint8_t *p = prefix_of(vals);
        int n = p[-2] - 1;
        int i = p[-3 - n];
        p[-2] = (uint8_t)n;
        rp_obj_t *v = vals[i];
        vals[i] = NULL;
        rp_decref(v);
    }
}

int rp_values_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_obj_t **vals = *rp_values_slot(o);
    if (!vals)
        return 0;
    int n = o->type->shared_keys->nentries;
    for (int i = 0; i < n; i++) {
        if (vals[i]) {
            int r = visit(vals[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

int rp_values_store(rp_obj_t *o, rp_obj_t **vals, rp_obj_t *name, rp_obj_t *value)
{
    // As CPython's _PyObject_StoreInstanceAttribute, even a delete puts
    // the name in the class's table.
    int i = rp_shared_keys_insert(o->type->shared_keys, name);
    if (i < 0)
        return 0;
    if (value) {
        rp_values_set_at(vals, i, rp_newref(value));
        return 1;
    }
    rp_obj_t *old = vals[i];
    if (!old)
        return -1;
    vals[i] = NULL;
    forget_order(vals, i);
    rp_decref(old);
    return 1;
}
