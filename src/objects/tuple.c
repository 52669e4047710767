// tuple: immutable arrays with inline items, the empty-tuple singleton,
// CPython 3.11's xxHash-based tuple hash, and the tuple_iterator type.
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "tuple.h"
#include "list.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "args.h"
#include "rangeobj.h"
#include "memory/gc.h"
#include "contutil.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"
#include "objects/genericalias.h"

#define TUPLE(o) ((rp_tuple_t *)(o))
#define TUPLE_HEADER offsetof(rp_tuple_t, items)

// The empty tuple: created at first use, never freed, never tracked.
static rp_obj_t *empty_tuple;

static rp_obj_t *tuple_iter(rp_obj_t *self);

// Free lists of exact tuples by size 1..MAXSAVESIZE, linked through
// items[0] (CPython's sizes).  As in CPython 3.11, dealloc pushes tuples
// of every size up to MAXSAVESIZE but allocation pops only sizes below
// it: dead tuples of 20 items pile up unused until a full collection.
#define MAXSAVESIZE 20
#define MAXFREELIST 2000
static rp_tuple_t *free_list[MAXSAVESIZE + 1];
static int numfree[MAXSAVESIZE + 1];

// A tuple of type with n (> 0) NULL items, not yet tracked.
static rp_obj_t *tuple_alloc(rp_type_t *type, rp_ssize_t n)
{
    if (n < MAXSAVESIZE && type == &rp_type_tuple && free_list[n]) {
        rp_tuple_t *op = free_list[n];
        free_list[n] = (rp_tuple_t *)op->items[0];
        numfree[n]--;
        rp_contutil_gc_revive(RP_OBJ(op), &rp_type_tuple);
        op->ob.size = n;
        memset(op->items, 0, (size_t)n * sizeof(rp_obj_t *));
        return RP_OBJ(op);
    }
    if ((size_t)n > ((size_t)INT64_MAX - TUPLE_HEADER) / sizeof(rp_obj_t *))
        return rp_err_nomemory();
    size_t size = (size_t)type->basicsize + (size_t)n * sizeof(rp_obj_t *);
    rp_obj_t *op = rp_obj_alloc(type, size);
    if (!op)
        return NULL;
    TUPLE(op)->ob.size = n;
    memset(TUPLE(op)->items, 0, (size_t)n * sizeof(rp_obj_t *));
    return op;
}

// Frees the first dead tuple of the free list of size n (there is one).
static void drop_dead_tuple(rp_ssize_t n)
{
    rp_tuple_t *op = free_list[n];
    free_list[n] = (rp_tuple_t *)op->items[0];
    numfree[n]--;
    rp_mem_free(rp_gc_head(RP_OBJ(op)));
}

void rp_tuple_clear_free_list(void)
{
    for (int n = 1; n <= MAXSAVESIZE; n++) {
        while (free_list[n])
            drop_dead_tuple(n);
    }
}

int rp_tuple_free_list_len(rp_ssize_t n)
{
    return n >= 1 && n <= MAXSAVESIZE ? numfree[n] : 0;
}

int rp_tuple_free_list_resize(rp_ssize_t n, int count)
{
    if (n < 1 || n > MAXSAVESIZE || count < 0 || count > MAXFREELIST)
        return 0;
    while (numfree[n] > count)
        drop_dead_tuple(n);
    // A dead tuple is a plain block of the size tuple_alloc asks for
    // (tuple_dealloc retires it the same way).
    size_t size = sizeof(rp_gc_head_t) + (size_t)rp_type_tuple.basicsize +
                  (size_t)n * sizeof(rp_obj_t *);
    while (numfree[n] < count) {
        rp_gc_head_t *g = rp_mem_alloc(size);
        if (!g)
            return -1;
        rp_tuple_t *op = (rp_tuple_t *)rp_gc_obj(g);
        op->items[0] = RP_OBJ(free_list[n]);
        free_list[n] = op;
        numfree[n]++;
    }
    return 0;
}

rp_obj_t *rp_tuple_hold_temporary(rp_ssize_t n)
{
    if (n <= 0)
        return NULL;
    if (n < MAXSAVESIZE && free_list[n]) {
        // Only the free list's length is observable: take the dead tuple
        // off it and put it back at the release, without reviving it.
        rp_tuple_t *op = free_list[n];
        free_list[n] = (rp_tuple_t *)op->items[0];
        numfree[n]--;
        op->ob.size = n;
        return (rp_obj_t *)((uintptr_t)op | RP_TUPLE_HELD_DEAD);
    }
    rp_obj_t *op = tuple_alloc(&rp_type_tuple, n);
    if (!op)
        rp_err_clear();
    return op;
}

void rp_tuple_release_held_dead(rp_obj_t *t)
{
    rp_tuple_t *op = (rp_tuple_t *)((uintptr_t)t & ~(uintptr_t)RP_TUPLE_HELD_DEAD);
    rp_ssize_t n = op->ob.size;
    if (numfree[n] < MAXFREELIST) {
        op->items[0] = RP_OBJ(free_list[n]);
        free_list[n] = op;
        numfree[n]++;
    } else {
        // CPython's tuple would be freed for good here.
        rp_mem_free(rp_gc_head(RP_OBJ(op)));
        rp_gc_on_free();
    }
}

void rp_tuple_note_permanent(rp_ssize_t n)
{
    if (n <= 0)
        return;
    if (n < MAXSAVESIZE && free_list[n]) {
        drop_dead_tuple(n);
        return;
    }
    rp_gc_on_alloc();
}

rp_obj_t *rp_tuple_empty(void)
{
    if (!empty_tuple) {
        empty_tuple = rp_obj_alloc(&rp_type_tuple, TUPLE_HEADER);
        if (!empty_tuple)
            return NULL;
        TUPLE(empty_tuple)->ob.size = 0;
    }
    return rp_newref(empty_tuple);
}

rp_obj_t *rp_tuple_new(rp_ssize_t n)
{
    if (n == 0)
        return rp_tuple_empty();
    if (n < 0)
        return rp_err_bad_internal_call("rp_tuple_new");
    rp_obj_t *op = tuple_alloc(&rp_type_tuple, n);
    if (op)
        rp_gc_track(op);
    return op;
}

rp_obj_t *rp_tuple_from_array(rp_obj_t *const *items, rp_ssize_t n)
{
    if (n == 0)
        return rp_tuple_empty();
    rp_obj_t *op = tuple_alloc(&rp_type_tuple, n);
    if (!op)
        return NULL;
    rp_obj_t **dst = TUPLE(op)->items;
    for (rp_ssize_t i = 0; i < n; i++)
        dst[i] = rp_newref(items[i]);
    rp_gc_track(op);
    return op;
}

rp_obj_t *rp_tuple_pack(rp_ssize_t n, ...)
{
    if (n == 0)
        return rp_tuple_empty();
    rp_obj_t *op = tuple_alloc(&rp_type_tuple, n);
    if (!op)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (rp_ssize_t i = 0; i < n; i++)
        TUPLE(op)->items[i] = rp_newref(va_arg(ap, rp_obj_t *));
    va_end(ap);
    rp_gc_track(op);
    return op;
}

rp_obj_t *rp_tuple_from_iterable(rp_obj_t *v)
{
    if (v->type == &rp_type_tuple)
        return rp_newref(v);
    if (rp_list_check(v) && v->type == &rp_type_list)
        return rp_list_as_tuple(v);
    rp_obj_t *it = rp_obj_iter(v);
    if (!it)
        return NULL;
    rp_ssize_t n = rp_contutil_length_hint(v, 10);
    if (n < 0) {
        rp_decref(it);
        return NULL;
    }
    if (n < 8)
        n = 8;
    rp_obj_t **buf = rp_mem_alloc((size_t)n * sizeof(rp_obj_t *));
    rp_ssize_t len = 0;
    if (!buf) {
        rp_decref(it);
        return rp_err_nomemory();
    }
    for (;;) {
        rp_obj_t *item = rp_iter_next(it);
        if (!item) {
            if (rp_err_occurred())
                goto fail;
            break;
        }
        if (len == n) {
            rp_ssize_t nn = n + 10 + (n >> 2);
            rp_obj_t **nb = rp_mem_realloc(buf, (size_t)nn * sizeof(rp_obj_t *));
            if (!nb) {
                rp_decref(item);
                rp_err_nomemory();
                goto fail;
            }
            buf = nb;
            n = nn;
        }
        buf[len++] = item;
    }
    rp_decref(it);
    rp_obj_t *t;
    if (len == 0)
        t = rp_tuple_empty();
    else if ((t = tuple_alloc(&rp_type_tuple, len)) != NULL) {
        memcpy(TUPLE(t)->items, buf, (size_t)len * sizeof(rp_obj_t *));
        rp_gc_track(t);
        rp_mem_free(buf);
        return t;
    }
    for (rp_ssize_t i = 0; i < len; i++)
        rp_decref(buf[i]);
    rp_mem_free(buf);
    return t;
fail:
    rp_decref(it);
    for (rp_ssize_t i = 0; i < len; i++)
        rp_decref(buf[i]);
    rp_mem_free(buf);
    return NULL;
}

// ---------------------------------------------------------------------
// Slots

static void tuple_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_ssize_t i = TUPLE(self)->ob.size;
    while (--i >= 0)
        rp_xdecref(TUPLE(self)->items[i]);
    if (self == empty_tuple) {
        // Only reachable through unbalanced decrefs: keep it alive.
        self->refcnt = RP_STATIC_REFCNT;
        return;
    }
    rp_ssize_t n = TUPLE(self)->ob.size;
    if (n <= MAXSAVESIZE && self->type == &rp_type_tuple && numfree[n] < MAXFREELIST) {
        rp_contutil_gc_retire(self);
        TUPLE(self)->items[0] = RP_OBJ(free_list[n]);
        free_list[n] = TUPLE(self);
        numfree[n]++;
        return;
    }
    rp_obj_free(self);
}

static int tuple_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    for (rp_ssize_t i = TUPLE(self)->ob.size; --i >= 0;) {
        rp_obj_t *o = TUPLE(self)->items[i];
        if (o) {
            int r = visit(o, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static rp_obj_t *tuple_repr(rp_obj_t *self)
{
    rp_ssize_t n = TUPLE(self)->ob.size;
    if (n == 0)
        return rp_str_from_cstr("()");
    int r = rp_contutil_repr_enter(self);
    if (r != 0)
        return r > 0 ? rp_str_from_cstr("(...)") : NULL;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    rp_strbuf_append_char(&b, '(');
    for (rp_ssize_t i = 0; i < n; i++) {
        if (i > 0)
            rp_strbuf_append_utf8(&b, ", ", 2);
        rp_obj_t *s = rp_obj_repr(TUPLE(self)->items[i]);
        if (!s)
            goto fail;
        int ar = rp_strbuf_append_str(&b, s);
        rp_decref(s);
        if (ar < 0)
            goto fail;
    }
    if (n == 1)
        rp_strbuf_append_char(&b, ',');
    rp_strbuf_append_char(&b, ')');
    rp_contutil_repr_leave(self);
    return rp_strbuf_finish(&b);
fail:
    rp_contutil_repr_leave(self);
    rp_strbuf_discard(&b);
    return NULL;
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static rp_hash_t tuple_hash(rp_obj_t *self)
{
    rp_ssize_t len = TUPLE(self)->ob.size;
    rp_obj_t **item = TUPLE(self)->items;
    uint64_t acc = XXPRIME_5;
    for (rp_ssize_t i = 0; i < len; i++) {
        uint64_t lane = (uint64_t)rp_obj_hash(item[i]);
        if (lane == (uint64_t)-1)
            return -1;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    // The length, mangled to keep the historical value of hash(()).
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (rp_hash_t)acc;
}

static rp_ssize_t tuple_length(rp_obj_t *self)
{
    return TUPLE(self)->ob.size;
}

static int tuple_contains(rp_obj_t *self, rp_obj_t *el)
{
    int cmp = 0;
    for (rp_ssize_t i = 0; cmp == 0 && i < TUPLE(self)->ob.size; ++i) {
        rp_obj_t *item = TUPLE(self)->items[i];
        if (item == el)
            return 1;
        cmp = rp_obj_richcompare_bool(item, el, RP_EQ);
    }
    return cmp;
}

static rp_obj_t *tuple_subscript(rp_obj_t *self, rp_obj_t *item)
{
    rp_ssize_t size = TUPLE(self)->ob.size;
    if (rp_int_check(item) && rp_int_is_small(item)) {
        int64_t i = rp_int_small_value(item);
        if (i < 0)
            i += size;
        if ((uint64_t)i >= (uint64_t)size)
            return rp_err_format(&rp_exc_IndexError, "tuple index out of range");
        return rp_newref(TUPLE(self)->items[i]);
    }
    if (rp_slice_check(item)) {
        rp_ssize_t start, stop, step;
        rp_ssize_t len = rp_slice_indices(item, size, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (len <= 0)
            return rp_tuple_empty();
        if (start == 0 && step == 1 && len == size && self->type == &rp_type_tuple)
            return rp_newref(self);
        rp_obj_t *result = tuple_alloc(&rp_type_tuple, len);
        if (!result)
            return NULL;
        rp_obj_t **src = TUPLE(self)->items, **dest = TUPLE(result)->items;
        rp_ssize_t cur = start;
        for (rp_ssize_t i = 0; i < len; cur += step, i++)
            dest[i] = rp_newref(src[cur]);
        rp_gc_track(result);
        return result;
    }
    if (rp_contutil_is_index(item)) {
        rp_ssize_t i;
        if (rp_contutil_subscript_index(item, &i) < 0)
            return NULL;
        if (i < 0)
            i += size;
        if ((size_t)i >= (size_t)size)
            return rp_err_format(&rp_exc_IndexError, "tuple index out of range");
        return rp_newref(TUPLE(self)->items[i]);
    }
    return rp_err_format(&rp_exc_TypeError, "tuple indices must be integers or slices, not %.200s",
                         rp_type_name(item->type));
}

static rp_obj_t *tuple_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    if (!rp_tuple_check(v) || !rp_tuple_check(w))
        return rp_newref(rp_NotImplemented);
    rp_ssize_t vlen = TUPLE(v)->ob.size, wlen = TUPLE(w)->ob.size, i;
    for (i = 0; i < vlen && i < wlen; i++) {
        rp_obj_t *a = TUPLE(v)->items[i], *b = TUPLE(w)->items[i];
        if (a == b)
            continue;
        int k = rp_obj_richcompare_bool(a, b, RP_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen) {
        bool r;
        switch (op) {
        case RP_LT: r = vlen < wlen; break;
        case RP_LE: r = vlen <= wlen; break;
        case RP_EQ: r = vlen == wlen; break;
        case RP_NE: r = vlen != wlen; break;
        case RP_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return rp_bool_from(r);
    }
    if (op == RP_EQ)
        return rp_bool_from(false);
    if (op == RP_NE)
        return rp_bool_from(true);
    return rp_obj_richcompare(TUPLE(v)->items[i], TUPLE(w)->items[i], op);
}

static rp_obj_t *tuple_concat(rp_obj_t *a, rp_obj_t *b)
{
    rp_ssize_t na = TUPLE(a)->ob.size, nb = TUPLE(b)->ob.size;
    if (nb == 0 && a->type == &rp_type_tuple)
        return rp_newref(a);
    if (na == 0 && b->type == &rp_type_tuple)
        return rp_newref(b);
    rp_ssize_t size = na + nb;
    if (size == 0)
        return rp_tuple_empty();
    rp_obj_t *np = tuple_alloc(&rp_type_tuple, size);
    if (!np)
        return NULL;
    rp_obj_t **dest = TUPLE(np)->items;
    for (rp_ssize_t i = 0; i < na; i++)
        *dest++ = rp_newref(TUPLE(a)->items[i]);
    for (rp_ssize_t i = 0; i < nb; i++)
        *dest++ = rp_newref(TUPLE(b)->items[i]);
    rp_gc_track(np);
    return np;
}

static rp_obj_t *tuple_repeat(rp_obj_t *a, rp_ssize_t n)
{
    rp_ssize_t input_size = TUPLE(a)->ob.size;
    if (input_size == 0 || n == 1) {
        if (a->type == &rp_type_tuple)
            return rp_newref(a);
    }
    if (input_size == 0 || n <= 0)
        return rp_tuple_empty();
    if (input_size > INT64_MAX / n)
        return rp_err_nomemory();
    rp_ssize_t size = input_size * n;
    rp_obj_t *np = tuple_alloc(&rp_type_tuple, size);
    if (!np)
        return NULL;
    rp_obj_t **dest = TUPLE(np)->items, **src = TUPLE(a)->items;
    for (rp_ssize_t j = 0; j < input_size; j++)
        src[j]->refcnt += n;
    for (rp_ssize_t i = 0; i < n; i++) {
        memcpy(dest, src, (size_t)input_size * sizeof(rp_obj_t *));
        dest += input_size;
    }
    rp_gc_track(np);
    return np;
}

// Operators; other operand types get NotImplemented and the generic
// protocol produces CPython's sequence errors (see list.c).
static rp_obj_t *tuple_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op == RP_BINOP_ADD || op == RP_BINOP_ADD + RP_BINOP_INPLACE) {
        if (rp_tuple_check(a) && rp_tuple_check(b))
            return tuple_concat(a, b);
    } else if (op == RP_BINOP_MUL || op == RP_BINOP_MUL + RP_BINOP_INPLACE) {
        rp_ssize_t n;
        if (rp_tuple_check(a) && rp_int_check(b)) {
            if (rp_contutil_as_ssize_fit(b, &n) < 0)
                return NULL;
            return tuple_repeat(a, n);
        }
        if (rp_tuple_check(b) && rp_int_check(a)) {
            if (rp_contutil_as_ssize_fit(a, &n) < 0)
                return NULL;
            return tuple_repeat(b, n);
        }
        if (op == RP_BINOP_MUL && rp_tuple_check(a) && !rp_contutil_is_index(b) &&
            !rp_type_has_flag(b->type, RP_TPFLAG_HEAPTYPE))
            return rp_err_format(&rp_exc_TypeError,
                                 "can't multiply sequence by non-int of type '%.200s'",
                                 rp_type_name(b->type));
    }
    return rp_newref(rp_NotImplemented);
}

static rp_obj_t *tuple_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    if (type == &rp_type_tuple && rp_arg_no_kw("tuple", kwnames) < 0)
        return NULL;
    if (rp_arg_count("tuple", nargs, 0, 1) < 0)
        return NULL;
    rp_obj_t *tmp = nargs ? rp_tuple_from_iterable(args[0]) : rp_tuple_empty();
    if (!tmp || type == &rp_type_tuple)
        return tmp;
    // A subclass instance: copy the items into an object of that type.
    rp_ssize_t n = TUPLE(tmp)->ob.size;
    rp_obj_t *op = rp_contutil_alloc_zeroed(type, (size_t)type->basicsize +
                                                      (size_t)n * sizeof(rp_obj_t *));
    if (!op) {
        rp_decref(tmp);
        return NULL;
    }
    TUPLE(op)->ob.size = n;
    for (rp_ssize_t i = 0; i < n; i++)
        TUPLE(op)->items[i] = rp_newref(TUPLE(tmp)->items[i]);
    rp_decref(tmp);
    rp_gc_track(op);
    return op;
}

// ---------------------------------------------------------------------
// Methods

static rp_obj_t *tuple_index_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("tuple.index", kwnames) < 0 || rp_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    rp_ssize_t start = 0, stop = INT64_MAX, size = TUPLE(self)->ob.size;
    if (nargs >= 2 && rp_contutil_slice_index_not_none(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && rp_contutil_slice_index_not_none(args[2], &stop) < 0)
        return NULL;
    rp_contutil_adjust_range(size, &start, &stop);
    for (rp_ssize_t i = start; i < stop && i < size; i++) {
        int cmp = rp_obj_richcompare_bool(TUPLE(self)->items[i], args[0], RP_EQ);
        if (cmp > 0)
            return rp_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return rp_err_format(&rp_exc_ValueError, "tuple.index(x): x not in tuple");
}

static rp_obj_t *tuple_count_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("tuple.count", nargs, kwnames) < 0)
        return NULL;
    rp_ssize_t count = 0;
    for (rp_ssize_t i = 0; i < TUPLE(self)->ob.size; i++) {
        int cmp = rp_obj_richcompare_bool(TUPLE(self)->items[i], args[0], RP_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return rp_int_from_ssize(count);
}

static rp_obj_t *tuple_sizeof_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("tuple.__sizeof__", nargs, kwnames) < 0)
        return NULL;
    return rp_int_from_ssize(self->type->basicsize +
                             TUPLE(self)->ob.size * (rp_ssize_t)sizeof(void *));
}

static rp_obj_t *tuple_getnewargs_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                       rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("tuple.__getnewargs__", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *copy = rp_tuple_from_array(TUPLE(self)->items, TUPLE(self)->ob.size);
    if (!copy)
        return NULL;
    rp_obj_t *r = rp_tuple_pack(1, copy);
    rp_decref(copy);
    return r;
}

static rp_obj_t *tuple_getitem_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("tuple.__getitem__", nargs, kwnames) < 0)
        return NULL;
    return tuple_subscript(self, args[0]);
}

static const rp_method_def_t tuple_methods[] = {
    {"__getitem__", tuple_getitem_meth, RP_METH_INSTANCE, NULL},
    {"__getnewargs__", tuple_getnewargs_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", tuple_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"index", tuple_index_meth, RP_METH_INSTANCE, NULL},
    {"count", tuple_count_meth, RP_METH_INSTANCE, NULL},
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    {NULL},
};

rp_type_t rp_type_tuple = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "tuple",
    .basicsize = TUPLE_HEADER,
    .itemsize = sizeof(rp_obj_t *),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE | RP_TPFLAG_TUPLE_SUBCLASS,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .binary_op = tuple_binary_op,
    .len = tuple_length,
    .getitem = tuple_subscript,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .traverse = tuple_traverse,
    .new_ = tuple_new,
    .methods = tuple_methods,
};

// ---------------------------------------------------------------------
// tuple_iterator

typedef struct {
    rp_obj_t ob;
    rp_ssize_t index;
    rp_obj_t *seq;          // NULL once exhausted
} tupleiter_t;

#define TUPLEITER(o) ((tupleiter_t *)(o))

static rp_obj_t *tuple_iter(rp_obj_t *self)
{
    tupleiter_t *it = (tupleiter_t *)rp_obj_alloc(&rp_type_tuple_iter, sizeof(tupleiter_t));
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = rp_newref(self);
    rp_gc_track(RP_OBJ(it));
    return RP_OBJ(it);
}

static void tupleiter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(TUPLEITER(self)->seq);
    rp_obj_free(self);
}

static int tupleiter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    return TUPLEITER(self)->seq ? visit(TUPLEITER(self)->seq, arg) : 0;
}

static int tupleiter_clear(rp_obj_t *self)
{
    rp_clear(&TUPLEITER(self)->seq);
    return 0;
}

static rp_obj_t *tupleiter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

static rp_obj_t *tupleiter_next(rp_obj_t *self)
{
    tupleiter_t *it = TUPLEITER(self);
    rp_obj_t *seq = it->seq;
    if (!seq)
        return NULL;
    if (it->index < TUPLE(seq)->ob.size)
        return rp_newref(TUPLE(seq)->items[it->index++]);
    it->seq = NULL;
    rp_decref(seq);
    return NULL;
}

static rp_obj_t *tupleiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    tupleiter_t *it = TUPLEITER(self);
    rp_ssize_t len = it->seq ? TUPLE(it->seq)->ob.size - it->index : 0;
    return rp_int_from_ssize(len < 0 ? 0 : len);
}

static const rp_method_def_t tupleiter_methods[] = {
    {"__length_hint__", tupleiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_tuple_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "tuple_iterator",
    .basicsize = sizeof(tupleiter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = tupleiter_dealloc,
    .iter = tupleiter_self,
    .next = tupleiter_next,
    .traverse = tupleiter_traverse,
    .clear = tupleiter_clear,
    .methods = tupleiter_methods,
};
