// list.sort(): CPython 3.11's timsort (natural runs, binary insertion to
// minrun, powersort merge policy, galloping merges), so comparisons are
// made in the same order and results are identical, stability included.
#include <string.h>

#include "list.h"
#include "errors.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "tuple.h"
#include "../memory/alloc.h"

#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256
#define MAX_MERGE_PENDING 64

// Keys and, when a key function is used, the parallel values.
typedef struct {
    rp_obj_t **keys;
    rp_obj_t **values;
} sortslice;

struct s_slice {
    sortslice base;
    rp_ssize_t len;
    int power;
};

typedef struct merge_state merge_state;
typedef int (*compare_fn)(rp_obj_t *v, rp_obj_t *w, merge_state *ms);

struct merge_state {
    rp_ssize_t min_gallop;
    rp_ssize_t listlen;
    rp_obj_t **basekeys;
    sortslice a;                    // temp storage, alloced entries
    rp_ssize_t alloced;
    int n;                          // pending runs
    struct s_slice pending[MAX_MERGE_PENDING];
    rp_obj_t *temparray[MERGESTATE_TEMP_SIZE];
    compare_fn key_compare;
    compare_fn tuple_elem_compare;  // first items of tuple keys (tuple_lt)
};

// key < other: 1/0/-1.
static int generic_lt(rp_obj_t *v, rp_obj_t *w, merge_state *ms)
{
    return rp_obj_richcompare_bool(v, w, RP_LT);
}

static int int_lt(rp_obj_t *v, rp_obj_t *w, merge_state *ms)
{
    return rp_int_small_value(v) < rp_int_small_value(w);
}

static int float_lt(rp_obj_t *v, rp_obj_t *w, merge_state *ms)
{
    return rp_float_value(v) < rp_float_value(w);
}

static int str_lt(rp_obj_t *v, rp_obj_t *w, merge_state *ms)
{
    return rp_str_compare(v, w) < 0;
}

// Tuples whose first items all have one simple type (CPython's
// unsafe_tuple_compare): when the first items differ, they decide;
// otherwise the whole tuples are compared generically.
static int tuple_lt(rp_obj_t *v, rp_obj_t *w, merge_state *ms)
{
    rp_obj_t *a = rp_tuple_get_borrow(v, 0), *b = rp_tuple_get_borrow(w, 0);
    if (a != b) {
        if (ms->tuple_elem_compare(a, b, ms))
            return 1;
        if (ms->tuple_elem_compare(b, a, ms))
            return 0;
    }
    return rp_obj_richcompare_bool(v, w, RP_LT);
}

#define ISLT(X, Y) (*(ms->key_compare))(X, Y, ms)
#define IFLT(X, Y)                  \
    if ((k = ISLT(X, Y)) < 0)       \
        goto fail;                  \
    if (k)

static void sortslice_copy(sortslice *s1, rp_ssize_t i, sortslice *s2, rp_ssize_t j)
{
    s1->keys[i] = s2->keys[j];
    if (s1->values)
        s1->values[i] = s2->values[j];
}

static void sortslice_copy_incr(sortslice *dst, sortslice *src)
{
    *dst->keys++ = *src->keys++;
    if (dst->values)
        *dst->values++ = *src->values++;
}

static void sortslice_copy_decr(sortslice *dst, sortslice *src)
{
    *dst->keys-- = *src->keys--;
    if (dst->values)
        *dst->values-- = *src->values--;
}

static void sortslice_memcpy(sortslice *s1, rp_ssize_t i, sortslice *s2, rp_ssize_t j,
                             rp_ssize_t n)
{
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(rp_obj_t *) * (size_t)n);
    if (s1->values)
        memcpy(&s1->values[i], &s2->values[j], sizeof(rp_obj_t *) * (size_t)n);
}

static void sortslice_memmove(sortslice *s1, rp_ssize_t i, sortslice *s2, rp_ssize_t j,
                              rp_ssize_t n)
{
    memmove(&s1->keys[i], &s2->keys[j], sizeof(rp_obj_t *) * (size_t)n);
    if (s1->values)
        memmove(&s1->values[i], &s2->values[j], sizeof(rp_obj_t *) * (size_t)n);
}

static void sortslice_advance(sortslice *slice, rp_ssize_t n)
{
    slice->keys += n;
    if (slice->values)
        slice->values += n;
}

static void reverse_slice(rp_obj_t **lo, rp_obj_t **hi)
{
    --hi;
    while (lo < hi) {
        rp_obj_t *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static void reverse_sortslice(sortslice *s, rp_ssize_t n)
{
    reverse_slice(s->keys, &s->keys[n]);
    if (s->values)
        reverse_slice(s->values, &s->values[n]);
}

// Binary insertion sort of [lo, hi) where [lo, start) is already sorted.
static int binarysort(merge_state *ms, sortslice lo, rp_obj_t **hi, rp_obj_t **start)
{
    rp_ssize_t k;
    rp_obj_t **l, **p, **r;
    rp_obj_t *pivot;

    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        l = lo.keys;
        r = start;
        pivot = *r;
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        for (p = start; p > l; --p)
            *p = *(p - 1);
        *l = pivot;
        if (lo.values != NULL) {
            rp_ssize_t offset = lo.values - lo.keys;
            p = start + offset;
            pivot = *p;
            l += offset;
            for (p = start + offset; p > l; --p)
                *p = *(p - 1);
            *l = pivot;
        }
    }
    return 0;
fail:
    return -1;
}

// Length of the run starting at lo; *descending set for strictly
// descending runs.
static rp_ssize_t count_run(merge_state *ms, rp_obj_t **lo, rp_obj_t **hi, int *descending)
{
    rp_ssize_t k, n;
    *descending = 0;
    ++lo;
    if (lo == hi)
        return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                ;
            else
                break;
        }
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                break;
        }
    }
    return n;
fail:
    return -1;
}

static rp_ssize_t gallop_left(merge_state *ms, rp_obj_t *key, rp_obj_t **a, rp_ssize_t n,
                              rp_ssize_t hint)
{
    rp_ssize_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(*a, key) {
        const rp_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        const rp_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        rp_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

static rp_ssize_t gallop_right(merge_state *ms, rp_obj_t *key, rp_obj_t **a, rp_ssize_t n,
                               rp_ssize_t hint)
{
    rp_ssize_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(key, *a) {
        const rp_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else
                break;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        const rp_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs])
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        rp_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m])
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

static void merge_init(merge_state *ms, rp_ssize_t list_size, int has_keyfunc, sortslice *lo)
{
    if (has_keyfunc) {
        // The temparray is split between keys and values.
        ms->alloced = (list_size + 1) / 2;
        if (MERGESTATE_TEMP_SIZE / 2 < ms->alloced)
            ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = MERGESTATE_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void merge_freemem(merge_state *ms)
{
    if (ms->a.keys != ms->temparray) {
        rp_mem_free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

static int merge_getmem(merge_state *ms, rp_ssize_t need)
{
    if (need <= ms->alloced)
        return 0;
    int multiplier = ms->a.values != NULL ? 2 : 1;
    merge_freemem(ms);
    if ((size_t)need > INT64_MAX / sizeof(rp_obj_t *) / (size_t)multiplier) {
        rp_err_nomemory();
        return -1;
    }
    ms->a.keys = rp_mem_alloc((size_t)multiplier * (size_t)need * sizeof(rp_obj_t *));
    if (ms->a.keys != NULL) {
        ms->alloced = need;
        if (ms->a.values != NULL)
            ms->a.values = &ms->a.keys[need];
        return 0;
    }
    rp_err_nomemory();
    return -1;
}

static rp_ssize_t merge_lo(merge_state *ms, sortslice ssa, rp_ssize_t na, sortslice ssb,
                           rp_ssize_t nb)
{
    rp_ssize_t k;
    sortslice dest;
    int result = -1;
    rp_ssize_t min_gallop;

    if (merge_getmem(ms, na) < 0)
        return -1;
    sortslice_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    sortslice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        rp_ssize_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                sortslice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_memcpy(&dest, 0, &ssa, 0, k);
                sortslice_advance(&dest, k);
                sortslice_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0)
                    goto succeed;
            }
            sortslice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_memmove(&dest, 0, &ssb, 0, k);
                sortslice_advance(&dest, k);
                sortslice_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            sortslice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        sortslice_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    // The last element of ssa belongs at the end of the merge.
    sortslice_memmove(&dest, 0, &ssb, 0, nb);
    sortslice_copy(&dest, nb, &ssa, 0);
    return 0;
}

static rp_ssize_t merge_hi(merge_state *ms, sortslice ssa, rp_ssize_t na, sortslice ssb,
                           rp_ssize_t nb)
{
    rp_ssize_t k;
    sortslice dest, basea, baseb;
    int result = -1;
    rp_ssize_t min_gallop;

    if (merge_getmem(ms, nb) < 0)
        return -1;
    dest = ssb;
    sortslice_advance(&dest, nb - 1);
    sortslice_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values != NULL)
        ssb.values = ms->a.values + nb - 1;
    sortslice_advance(&ssa, na - 1);

    sortslice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        rp_ssize_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                sortslice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                sortslice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                sortslice_advance(&dest, -k);
                sortslice_advance(&ssa, -k);
                sortslice_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            sortslice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto copy_a;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                sortslice_advance(&dest, -k);
                sortslice_advance(&ssb, -k);
                sortslice_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)
                    goto succeed;
            }
            sortslice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        sortslice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    // The first element of ssb belongs at the front of the merge.
    sortslice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    sortslice_advance(&dest, -na);
    sortslice_advance(&ssa, -na);
    sortslice_copy(&dest, 0, &ssb, 0);
    return 0;
}

// Merges pending runs i and i+1.
static rp_ssize_t merge_at(merge_state *ms, rp_ssize_t i)
{
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    rp_ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    rp_ssize_t k;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;

    // Elements of a before where b starts are already in place.
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    sortslice_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    // Elements of b after where a ends are already in place.
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

// The "power" of the run [s1, s1+n1) followed by a run of n2 (powersort).
static int powerloop(rp_ssize_t s1, rp_ssize_t n1, rp_ssize_t n2, rp_ssize_t n)
{
    int result = 0;
    rp_ssize_t a = 2 * s1 + n1;
    rp_ssize_t b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n)
            break;
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int found_new_run(merge_state *ms, rp_ssize_t n2)
{
    if (ms->n) {
        struct s_slice *p = ms->pending;
        rp_ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        rp_ssize_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(merge_state *ms)
{
    struct s_slice *p = ms->pending;
    while (ms->n > 1) {
        rp_ssize_t n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

static rp_ssize_t merge_compute_minrun(rp_ssize_t n)
{
    rp_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static compare_fn choose_compare(rp_obj_t **keys, rp_ssize_t n);

// The specialised comparison for the first items of n tuple keys, or
// NULL.
static compare_fn choose_tuple_compare(rp_obj_t **keys, rp_ssize_t n)
{
    for (rp_ssize_t i = 0; i < n; i++)
        if (keys[i]->type != &rp_type_tuple || rp_tuple_len(keys[i]) == 0)
            return NULL;
    rp_obj_t *firsts[2];
    rp_type_t *t = rp_tuple_get_borrow(keys[0], 0)->type;
    for (rp_ssize_t i = 1; i < n; i++) {
        rp_obj_t *x = rp_tuple_get_borrow(keys[i], 0);
        if (x->type != t || (t == &rp_type_int && !rp_int_is_small(x)))
            return NULL;
    }
    firsts[0] = rp_tuple_get_borrow(keys[0], 0);
    firsts[1] = rp_tuple_get_borrow(keys[1], 0);
    if (t == &rp_type_int && !rp_int_is_small(firsts[0]))
        return NULL;
    compare_fn f = choose_compare(firsts, 2);
    return f == generic_lt ? NULL : f;
}

// Picks a type-specialised comparison when every key has the same
// simple type (results are identical to the generic '<').
static compare_fn choose_compare(rp_obj_t **keys, rp_ssize_t n)
{
    if (n < 2)
        return generic_lt;
    rp_type_t *t = keys[0]->type;
    if (t == &rp_type_int) {
        for (rp_ssize_t i = 0; i < n; i++)
            if (keys[i]->type != t || !rp_int_is_small(keys[i]))
                return generic_lt;
        return int_lt;
    }
    if (t == &rp_type_float) {
        for (rp_ssize_t i = 1; i < n; i++)
            if (keys[i]->type != t)
                return generic_lt;
        return float_lt;
    }
    if (t == &rp_type_str) {
        for (rp_ssize_t i = 1; i < n; i++)
            if (keys[i]->type != t)
                return generic_lt;
        return str_lt;
    }
    return generic_lt;
}

int rp_list_sort(rp_obj_t *list, rp_obj_t *keyfunc, bool reverse)
{
    rp_list_t *self = (rp_list_t *)list;
    merge_state ms;
    rp_ssize_t nremaining, minrun;
    sortslice lo;
    rp_ssize_t saved_ob_size, saved_allocated;
    rp_obj_t **saved_ob_item, **final_ob_item;
    int result = -1;
    rp_obj_t **keys = NULL;
    rp_ssize_t i;

    // Empty the list while sorting, so that mutation by comparisons is
    // harmless and detected afterwards (allocated no longer -1).
    saved_ob_size = self->ob.size;
    saved_ob_item = self->items;
    saved_allocated = self->allocated;
    self->ob.size = 0;
    self->items = NULL;
    self->allocated = -1;

    if (keyfunc == NULL) {
        lo.keys = saved_ob_item;
        lo.values = NULL;
    } else {
        if (saved_ob_size < MERGESTATE_TEMP_SIZE / 2)
            keys = &ms.temparray[saved_ob_size + 1];
        else {
            keys = rp_mem_alloc(sizeof(rp_obj_t *) * (size_t)saved_ob_size);
            if (!keys) {
                rp_err_nomemory();
                goto keyfunc_fail;
            }
        }
        for (i = 0; i < saved_ob_size; i++) {
            keys[i] = rp_obj_call1(keyfunc, saved_ob_item[i]);
            if (!keys[i]) {
                for (i = i - 1; i >= 0; i--)
                    rp_decref(keys[i]);
                if (saved_ob_size >= MERGESTATE_TEMP_SIZE / 2)
                    rp_mem_free(keys);
                goto keyfunc_fail;
            }
        }
        lo.keys = keys;
        lo.values = saved_ob_item;
    }

    ms.key_compare = choose_compare(lo.keys, saved_ob_size);
    ms.tuple_elem_compare = NULL;
    if (ms.key_compare == generic_lt && saved_ob_size >= 2 &&
        (ms.tuple_elem_compare = choose_tuple_compare(lo.keys, saved_ob_size)) != NULL)
        ms.key_compare = tuple_lt;
    merge_init(&ms, saved_ob_size, keys != NULL, &lo);

    nremaining = saved_ob_size;
    if (nremaining < 2)
        goto succeed;

    // Stability for reverse=True: reverse, sort forward, reverse back.
    if (reverse) {
        if (keys != NULL)
            reverse_slice(&keys[0], &keys[saved_ob_size]);
        reverse_slice(&saved_ob_item[0], &saved_ob_item[saved_ob_size]);
    }

    minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        rp_ssize_t n = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
        if (n < 0)
            goto fail;
        if (descending)
            reverse_sortslice(&lo, n);
        if (n < minrun) {
            const rp_ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, lo.keys + force, lo.keys + n) < 0)
                goto fail;
            n = force;
        }
        if (found_new_run(&ms, n) < 0)
            goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        sortslice_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);

    if (merge_force_collapse(&ms) < 0)
        goto fail;

succeed:
    result = 0;
fail:
    if (keys != NULL) {
        for (i = 0; i < saved_ob_size; i++)
            rp_decref(keys[i]);
        if (saved_ob_size >= MERGESTATE_TEMP_SIZE / 2)
            rp_mem_free(keys);
    }
    if (self->allocated != -1 && result == 0) {
        rp_err_set(&rp_exc_ValueError, "list modified during sort");
        result = -1;
    }
    if (reverse && saved_ob_size > 1)
        reverse_slice(saved_ob_item, saved_ob_item + saved_ob_size);
    merge_freemem(&ms);

keyfunc_fail:
    final_ob_item = self->items;
    i = self->ob.size;
    self->ob.size = saved_ob_size;
    self->items = saved_ob_item;
    self->allocated = saved_allocated;
    if (final_ob_item != NULL) {
        while (--i >= 0)
            rp_xdecref(final_ob_item[i]);
        rp_mem_free(final_ob_item);
    }
    return result;
}
