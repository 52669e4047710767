// list: a growable array of references (CPython's over-allocation
// pattern, so sys.getsizeof matches), its methods and slots, and the
// list_iterator / list_reverseiterator types.  Sorting is in listsort.c.
#include <string.h>

#include "list.h"
#include "tuple.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "args.h"
#include "rangeobj.h"
#include "contutil.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"
#include "objects/genericalias.h"

/*
 * Invariants:
 *   0 <= ob.size <= allocated
 *   items == NULL implies ob.size == allocated == 0 (the converse need
 *   not hold: a list emptied by list_resize keeps a zero-size block)
 *   items[0 .. ob.size) are valid references (NULL only transiently, in
 *   a list just made by rp_list_new and not yet filled)
 * A sort in progress empties the list (items NULL, allocated -1 on exit
 * detection) so that mutation during the sort is detected.
 */

#define LIST(o) ((rp_list_t *)(o))

static rp_obj_t *list_iter(rp_obj_t *self);

// ---------------------------------------------------------------------
// Storage

// Ensures room for newsize items and sets the size.  The growth rule is
// CPython 3.11's list_resize.
static int list_resize(rp_list_t *self, rp_ssize_t newsize)
{
    rp_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->ob.size = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - self->ob.size > (rp_ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated > (size_t)INT64_MAX / sizeof(rp_obj_t *)) {
        rp_err_nomemory();
        return -1;
    }
    // Shrinking to 0 keeps a (zero-size) block, as CPython's realloc
    // does: a later extend then grows by list_resize rather than
    // preallocating exactly, which sys.getsizeof shows.
    rp_obj_t **items = rp_mem_realloc(self->items, new_allocated * sizeof(rp_obj_t *));
    if (!items) {
        rp_err_nomemory();
        return -1;
    }
    self->items = items;
    self->ob.size = newsize;
    self->allocated = (rp_ssize_t)new_allocated;
    return 0;
}

// Allocates exactly size slots (rounded up to even) for an empty list.
static int list_preallocate_exact(rp_list_t *self, rp_ssize_t size)
{
    size = (size + 1) & ~(rp_ssize_t)1;
    if ((size_t)size > (size_t)INT64_MAX / sizeof(rp_obj_t *)) {
        rp_err_nomemory();
        return -1;
    }
    rp_obj_t **items = rp_mem_alloc((size_t)size * sizeof(rp_obj_t *));
    if (!items) {
        rp_err_nomemory();
        return -1;
    }
    self->items = items;
    self->allocated = size;
    return 0;
}

// Free list of exact list objects (CPython keeps 80), linked through
// the items field.
#define LIST_MAXFREELIST 80
static rp_list_t *list_free_list;
static int list_numfree;

static rp_obj_t *list_alloc(rp_type_t *type)
{
    if (type == &rp_type_list && list_free_list) {
        rp_list_t *op = list_free_list;
        list_free_list = (rp_list_t *)op->items;
        list_numfree--;
        rp_contutil_gc_revive(RP_OBJ(op), &rp_type_list);
        op->ob.size = 0;
        op->items = NULL;
        op->allocated = 0;
        return RP_OBJ(op);
    }
    rp_list_t *op = (rp_list_t *)(type == &rp_type_list
                                     ? rp_obj_alloc(type, (size_t)type->basicsize)
                                     : rp_contutil_alloc_zeroed(type, (size_t)type->basicsize));
    if (!op)
        return NULL;
    op->ob.size = 0;
    op->items = NULL;
    op->allocated = 0;
    return RP_OBJ(op);
}

// An empty list with room for exactly size items (size stays 0).
static rp_obj_t *list_new_prealloc(rp_ssize_t size)
{
    rp_obj_t *op = list_alloc(&rp_type_list);
    if (!op)
        return NULL;
    if (size > 0) {
        if ((size_t)size > (size_t)INT64_MAX / sizeof(rp_obj_t *) ||
            !(LIST(op)->items = rp_mem_alloc((size_t)size * sizeof(rp_obj_t *)))) {
            rp_obj_free(op);
            return rp_err_nomemory();
        }
        LIST(op)->allocated = size;
    }
    rp_gc_track(op);
    return op;
}

// Frees the first dead list of the free list (there is one).
static void drop_dead_list(void)
{
    rp_list_t *op = list_free_list;
    list_free_list = (rp_list_t *)op->items;
    list_numfree--;
    rp_mem_free(rp_gc_head(RP_OBJ(op)));
}

void rp_list_note_permanent(void)
{
    if (list_free_list) {
        drop_dead_list();
        return;
    }
    rp_gc_on_alloc();
}

void rp_list_clear_free_list(void)
{
    while (list_free_list)
        drop_dead_list();
}

int rp_list_free_list_len(void)
{
    return list_numfree;
}

int rp_list_free_list_resize(int count)
{
    if (count < 0 || count > LIST_MAXFREELIST)
        return 0;
    while (list_numfree > count)
        drop_dead_list();
    while (list_numfree < count) {
        rp_gc_head_t *g = rp_mem_alloc(sizeof(rp_gc_head_t) + (size_t)rp_type_list.basicsize);
        if (!g)
            return -1;
        rp_list_t *op = (rp_list_t *)rp_gc_obj(g);
        op->items = (rp_obj_t **)list_free_list;
        list_free_list = op;
        list_numfree++;
    }
    return 0;
}

rp_obj_t *rp_list_new(rp_ssize_t n)
{
    if (n < 0)
        return rp_err_bad_internal_call("rp_list_new");
    rp_obj_t *op = list_alloc(&rp_type_list);
    if (!op)
        return NULL;
    if (n > 0) {
        if ((size_t)n > (size_t)INT64_MAX / sizeof(rp_obj_t *) ||
            !(LIST(op)->items = rp_mem_calloc((size_t)n, sizeof(rp_obj_t *)))) {
            rp_obj_free(op);
            return rp_err_nomemory();
        }
        LIST(op)->allocated = n;
        LIST(op)->ob.size = n;
    }
    rp_gc_track(op);
    return op;
}

// Empties the list, releasing the items last (their __del__ sees it empty).
static int list_clear_items(rp_list_t *a)
{
    rp_obj_t **item = a->items;
    if (item) {
        rp_ssize_t i = a->ob.size;
        a->ob.size = 0;
        a->items = NULL;
        a->allocated = 0;
        while (--i >= 0)
            rp_xdecref(item[i]);
        rp_mem_free(item);
    }
    return 0;
}

int rp_list_append_take(rp_obj_t *list, rp_obj_t *v)
{
    rp_list_t *self = LIST(list);
    rp_ssize_t n = self->ob.size;
    if (n < self->allocated) {
        self->items[n] = v;
        self->ob.size = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        rp_decref(v);
        return -1;
    }
    self->items[n] = v;
    return 0;
}

int rp_list_append(rp_obj_t *list, rp_obj_t *v)
{
    rp_incref(v);
    return rp_list_append_take(list, v);
}

static int ins1(rp_list_t *self, rp_ssize_t where, rp_obj_t *v)
{
    rp_ssize_t n = self->ob.size;
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    rp_obj_t **items = self->items;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(rp_obj_t *));
    items[where] = rp_newref(v);
    return 0;
}

int rp_list_insert(rp_obj_t *list, rp_ssize_t i, rp_obj_t *v)
{
    return ins1(LIST(list), i, v);
}

rp_obj_t *rp_list_getitem(rp_obj_t *list, rp_ssize_t i)
{
    if ((size_t)i >= (size_t)LIST(list)->ob.size)
        return rp_err_format(&rp_exc_IndexError, "list index out of range");
    return rp_newref(LIST(list)->items[i]);
}

int rp_list_setitem(rp_obj_t *list, rp_ssize_t i, rp_obj_t *v)
{
    if ((size_t)i >= (size_t)LIST(list)->ob.size) {
        rp_err_set(&rp_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    rp_setref(&LIST(list)->items[i], rp_newref(v));
    return 0;
}

static rp_obj_t *list_slice(rp_list_t *a, rp_ssize_t ilow, rp_ssize_t ihigh)
{
    rp_ssize_t len = ihigh - ilow;
    if (len <= 0)
        return rp_list_new(0);
    rp_obj_t *np = list_new_prealloc(len);
    if (!np)
        return NULL;
    rp_obj_t **src = a->items + ilow, **dest = LIST(np)->items;
    for (rp_ssize_t i = 0; i < len; i++)
        dest[i] = rp_newref(src[i]);
    LIST(np)->ob.size = len;
    return np;
}

rp_obj_t *rp_list_as_tuple(rp_obj_t *list)
{
    return rp_tuple_from_array(LIST(list)->items, LIST(list)->ob.size);
}

// The items of v as a list or tuple (new reference): v itself for exact
// lists and tuples, else list(v).  A TypeError from iteration becomes
// TypeError(msg) (CPython's PySequence_Fast).
static rp_obj_t *sequence_fast(rp_obj_t *v, const char *msg)
{
    if (v->type == &rp_type_list || v->type == &rp_type_tuple)
        return rp_newref(v);
    rp_obj_t *it = rp_obj_iter(v);
    if (!it) {
        if (rp_err_matches(&rp_exc_TypeError))
            rp_err_set(&rp_exc_TypeError, msg);
        return NULL;
    }
    rp_obj_t *l = rp_list_new(0);
    if (l && rp_list_extend(l, it) < 0)
        rp_clear(&l);
    rp_decref(it);
    return l;
}

static inline rp_obj_t **fast_items(rp_obj_t *seq, rp_ssize_t *n)
{
    if (seq->type == &rp_type_tuple) {
        *n = rp_tuple_len(seq);
        return rp_tuple_items(seq);
    }
    *n = LIST(seq)->ob.size;
    return LIST(seq)->items;
}

// a[ilow:ihigh] = v (v NULL: delete), CPython's list_ass_slice.
static int list_ass_slice(rp_list_t *a, rp_ssize_t ilow, rp_ssize_t ihigh, rp_obj_t *v)
{
    rp_obj_t *recycle_on_stack[8];
    rp_obj_t **recycle = recycle_on_stack;
    rp_obj_t **vitem = NULL;
    rp_obj_t *v_as_sf = NULL;
    rp_ssize_t n;
    int result = -1;

    if (v == NULL)
        n = 0;
    else {
        if (RP_OBJ(a) == v) {
            rp_obj_t *copy = list_slice(a, 0, a->ob.size);
            if (!copy)
                return -1;
            result = list_ass_slice(a, ilow, ihigh, copy);
            rp_decref(copy);
            return result;
        }
        v_as_sf = sequence_fast(v, "can only assign an iterable");
        if (!v_as_sf)
            return -1;
        vitem = fast_items(v_as_sf, &n);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > a->ob.size)
        ilow = a->ob.size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > a->ob.size)
        ihigh = a->ob.size;

    rp_ssize_t norig = ihigh - ilow;
    rp_ssize_t d = n - norig;
    if (a->ob.size + d == 0) {
        rp_xdecref(v_as_sf);
        return list_clear_items(a);
    }
    rp_obj_t **item = a->items;
    size_t s = (size_t)norig * sizeof(rp_obj_t *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = rp_mem_alloc(s);
            if (!recycle) {
                rp_err_nomemory();
                goto done;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        size_t tail = (size_t)(a->ob.size - ihigh) * sizeof(rp_obj_t *);
        memmove(&item[ihigh + d], &item[ihigh], tail);
        if (list_resize(a, a->ob.size + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], tail);
            memcpy(&item[ilow], recycle, s);
            goto done;
        }
        item = a->items;
    } else if (d > 0) {
        rp_ssize_t k = a->ob.size;
        if (list_resize(a, k + d) < 0)
            goto done;
        item = a->items;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(rp_obj_t *));
    }
    for (rp_ssize_t k = 0; k < n; k++, ilow++)
        item[ilow] = rp_newref(vitem[k]);
    for (rp_ssize_t k = norig - 1; k >= 0; --k)
        rp_xdecref(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_on_stack)
        rp_mem_free(recycle);
    rp_xdecref(v_as_sf);
    return result;
}

// ---------------------------------------------------------------------
// extend

static int list_extend_fast(rp_list_t *self, rp_obj_t *seq)
{
    rp_ssize_t n;
    rp_obj_t **src = fast_items(seq, &n);
    if (n == 0)
        return 0;
    rp_ssize_t m = self->ob.size;
    if (self->items == NULL) {
        if (list_preallocate_exact(self, n) < 0)
            return -1;
        self->ob.size = n;
    } else if (list_resize(self, m + n) < 0)
        return -1;
    // seq may be self: re-read its items after the resize.
    src = fast_items(seq, &n);
    rp_obj_t **dest = self->items + m;
    for (rp_ssize_t i = 0; i < n; i++)
        dest[i] = rp_newref(src[i]);
    return 0;
}

int rp_list_extend(rp_obj_t *list, rp_obj_t *iterable)
{
    rp_list_t *self = LIST(list);
    if (iterable->type == &rp_type_list || iterable->type == &rp_type_tuple ||
        iterable == list) {
        if (iterable == list) {
            // l.extend(l): copy the current items first.
            rp_obj_t *copy = list_slice(self, 0, self->ob.size);
            if (!copy)
                return -1;
            int r = list_extend_fast(self, copy);
            rp_decref(copy);
            return r;
        }
        return list_extend_fast(self, iterable);
    }
    rp_obj_t *it = rp_obj_iter(iterable);
    if (!it)
        return -1;
    rp_iternextfunc iternext = it->type->next;
    rp_ssize_t n = rp_contutil_length_hint(iterable, 8);
    if (n < 0) {
        rp_decref(it);
        return -1;
    }
    rp_ssize_t m = self->ob.size;
    if (m <= INT64_MAX - n) {
        if (self->items == NULL) {
            if (n && list_preallocate_exact(self, n) < 0)
                goto error;
        } else {
            if (list_resize(self, m + n) < 0)
                goto error;
            self->ob.size = m;
        }
    }
    for (;;) {
        rp_obj_t *item = iternext ? iternext(it) : rp_iter_next(it);
        if (!item) {
            if (rp_err_occurred()) {
                if (rp_err_matches(&rp_exc_StopIteration))
                    rp_err_clear();
                else
                    goto error;
            }
            break;
        }
        if (self->ob.size < self->allocated) {
            self->items[self->ob.size] = item;
            self->ob.size++;
        } else if (rp_list_append_take(list, item) < 0)
            goto error;
    }
    if (self->ob.size < self->allocated) {
        if (list_resize(self, self->ob.size) < 0)
            goto error;
    }
    rp_decref(it);
    return 0;
error:
    rp_decref(it);
    return -1;
}

rp_obj_t *rp_list_from_iterable(rp_obj_t *iterable)
{
    rp_obj_t *l = rp_list_new(0);
    if (!l)
        return NULL;
    if (rp_list_extend(l, iterable) < 0) {
        rp_decref(l);
        return NULL;
    }
    return l;
}

// ---------------------------------------------------------------------
// Slots

static void list_dealloc(rp_obj_t *self)
{
    rp_list_t *op = LIST(self);
    rp_gc_untrack(self);
    if (op->items) {
        rp_ssize_t i = op->ob.size;
        while (--i >= 0)
            rp_xdecref(op->items[i]);
        rp_mem_free(op->items);
    }
    if (self->type == &rp_type_list && list_numfree < LIST_MAXFREELIST) {
        rp_contutil_gc_retire(self);
        op->items = (rp_obj_t **)list_free_list;
        list_free_list = op;
        list_numfree++;
        return;
    }
    rp_obj_free(self);
}

static int list_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_list_t *op = LIST(self);
    for (rp_ssize_t i = op->ob.size; --i >= 0;) {
        rp_obj_t *o = op->items[i];
        if (o) {
            int r = visit(o, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int list_clear_slot(rp_obj_t *self)
{
    return list_clear_items(LIST(self));
}

static rp_obj_t *list_repr(rp_obj_t *self)
{
    rp_list_t *v = LIST(self);
    if (v->ob.size == 0)
        return rp_str_from_cstr("[]");
    int r = rp_contutil_repr_enter(self);
    if (r != 0)
        return r > 0 ? rp_str_from_cstr("[...]") : NULL;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    rp_strbuf_append_char(&b, '[');
    // The list may change while items' reprs run: re-check the size.
    for (rp_ssize_t i = 0; i < v->ob.size; i++) {
        if (i > 0)
            rp_strbuf_append_utf8(&b, ", ", 2);
        rp_obj_t *item = rp_newref(v->items[i]);
        rp_obj_t *s = rp_obj_repr(item);
        rp_decref(item);
        if (!s)
            goto fail;
        int ar = rp_strbuf_append_str(&b, s);
        rp_decref(s);
        if (ar < 0)
            goto fail;
    }
    rp_strbuf_append_char(&b, ']');
    rp_contutil_repr_leave(self);
    return rp_strbuf_finish(&b);
fail:
    rp_contutil_repr_leave(self);
    rp_strbuf_discard(&b);
    return NULL;
}

static rp_ssize_t list_length(rp_obj_t *self)
{
    return LIST(self)->ob.size;
}

static int list_contains(rp_obj_t *self, rp_obj_t *el)
{
    rp_list_t *a = LIST(self);
    int cmp = 0;
    for (rp_ssize_t i = 0; cmp == 0 && i < a->ob.size; ++i) {
        rp_obj_t *item = a->items[i];
        if (item == el)
            return 1;
        rp_incref(item);
        cmp = rp_obj_richcompare_bool(item, el, RP_EQ);
        rp_decref(item);
    }
    return cmp;
}

static rp_obj_t *list_subscript(rp_obj_t *self, rp_obj_t *item)
{
    rp_list_t *a = LIST(self);
    if (rp_int_check(item) && rp_int_is_small(item)) {
        int64_t i = rp_int_small_value(item);
        if (i < 0)
            i += a->ob.size;
        if ((uint64_t)i >= (uint64_t)a->ob.size)
            return rp_err_format(&rp_exc_IndexError, "list index out of range");
        return rp_newref(a->items[i]);
    }
    if (rp_slice_check(item)) {
        rp_ssize_t start, stop, step;
        rp_ssize_t len = rp_slice_indices(item, a->ob.size, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (len == 0)
            return rp_list_new(0);
        if (step == 1)
            return list_slice(a, start, stop);
        rp_obj_t *result = list_new_prealloc(len);
        if (!result)
            return NULL;
        rp_obj_t **src = a->items, **dest = LIST(result)->items;
        rp_ssize_t cur = start;
        for (rp_ssize_t i = 0; i < len; cur += step, i++)
            dest[i] = rp_newref(src[cur]);
        LIST(result)->ob.size = len;
        return result;
    }
    if (rp_contutil_is_index(item)) {
        rp_ssize_t i;
        if (rp_contutil_subscript_index(item, &i) < 0)
            return NULL;
        if (i < 0)
            i += a->ob.size;
        return rp_list_getitem(self, i);
    }
    return rp_err_format(&rp_exc_TypeError, "list indices must be integers or slices, not %.200s",
                         rp_type_name(item->type));
}

static int list_ass_item(rp_list_t *a, rp_ssize_t i, rp_obj_t *v)
{
    if ((size_t)i >= (size_t)a->ob.size) {
        rp_err_set(&rp_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, NULL);
    rp_setref(&a->items[i], rp_newref(v));
    return 0;
}

static int list_ass_subscript(rp_obj_t *self, rp_obj_t *item, rp_obj_t *value)
{
    rp_list_t *a = LIST(self);
    if (rp_contutil_is_index(item)) {
        rp_ssize_t i;
        if (rp_contutil_subscript_index(item, &i) < 0)
            return -1;
        if (i < 0)
            i += a->ob.size;
        return list_ass_item(a, i, value);
    }
    if (!rp_slice_check(item)) {
        rp_err_format(&rp_exc_TypeError, "list indices must be integers or slices, not %.200s",
                      rp_type_name(item->type));
        return -1;
    }
    rp_ssize_t start, stop, step;
    rp_ssize_t slicelength = rp_slice_indices(item, a->ob.size, &start, &stop, &step);
    if (slicelength < 0)
        return -1;
    if (step == 1)
        return list_ass_slice(a, start, stop, value);
    // s[5:2] = [..] inserts before 5, not before 2.
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (value == NULL) {
        if (slicelength <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        rp_obj_t **garbage = rp_mem_alloc((size_t)slicelength * sizeof(rp_obj_t *));
        if (!garbage) {
            rp_err_nomemory();
            return -1;
        }
        // Move the items between deleted ones down, then the tail.
        size_t cur;
        rp_ssize_t i;
        for (cur = (size_t)start, i = 0; cur < (size_t)stop; cur += (size_t)step, i++) {
            rp_ssize_t lim = step - 1;
            garbage[i] = a->items[cur];
            if (cur + (size_t)step >= (size_t)a->ob.size)
                lim = a->ob.size - (rp_ssize_t)cur - 1;
            memmove(a->items + cur - i, a->items + cur + 1, (size_t)lim * sizeof(rp_obj_t *));
        }
        cur = (size_t)start + (size_t)slicelength * (size_t)step;
        if (cur < (size_t)a->ob.size)
            memmove(a->items + cur - slicelength, a->items + cur,
                    ((size_t)a->ob.size - cur) * sizeof(rp_obj_t *));
        a->ob.size -= slicelength;
        int res = list_resize(a, a->ob.size);
        for (i = 0; i < slicelength; i++)
            rp_decref(garbage[i]);
        rp_mem_free(garbage);
        return res;
    }
    rp_obj_t *seq;
    if (RP_OBJ(a) == value)
        seq = list_slice(a, 0, a->ob.size);
    else
        seq = sequence_fast(value, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    rp_ssize_t n;
    rp_obj_t **seqitems = fast_items(seq, &n);
    if (n != slicelength) {
        rp_err_format(&rp_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      n, slicelength);
        rp_decref(seq);
        return -1;
    }
    if (!slicelength) {
        rp_decref(seq);
        return 0;
    }
    rp_obj_t **garbage = rp_mem_alloc((size_t)slicelength * sizeof(rp_obj_t *));
    if (!garbage) {
        rp_decref(seq);
        rp_err_nomemory();
        return -1;
    }
    rp_obj_t **selfitems = a->items;
    size_t cur = (size_t)start;
    for (rp_ssize_t i = 0; i < slicelength; cur += (size_t)step, i++) {
        garbage[i] = selfitems[cur];
        selfitems[cur] = rp_newref(seqitems[i]);
    }
    for (rp_ssize_t i = 0; i < slicelength; i++)
        rp_decref(garbage[i]);
    rp_mem_free(garbage);
    rp_decref(seq);
    return 0;
}

static rp_obj_t *list_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    if (!rp_list_check(v) || !rp_list_check(w))
        return rp_newref(rp_NotImplemented);
    rp_list_t *vl = LIST(v), *wl = LIST(w);
    if (vl->ob.size != wl->ob.size && (op == RP_EQ || op == RP_NE))
        return rp_bool_from(op == RP_NE);
    rp_ssize_t i;
    for (i = 0; i < vl->ob.size && i < wl->ob.size; i++) {
        rp_obj_t *vitem = vl->items[i], *witem = wl->items[i];
        if (vitem == witem)
            continue;
        rp_incref(vitem);
        rp_incref(witem);
        int k = rp_obj_richcompare_bool(vitem, witem, RP_EQ);
        rp_decref(vitem);
        rp_decref(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vl->ob.size || i >= wl->ob.size) {
        rp_ssize_t a = vl->ob.size, b = wl->ob.size;
        bool r;
        switch (op) {
        case RP_LT: r = a < b; break;
        case RP_LE: r = a <= b; break;
        case RP_EQ: r = a == b; break;
        case RP_NE: r = a != b; break;
        case RP_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        return rp_bool_from(r);
    }
    if (op == RP_EQ)
        return rp_bool_from(false);
    if (op == RP_NE)
        return rp_bool_from(true);
    rp_obj_t *vi = rp_newref(vl->items[i]), *wi = rp_newref(wl->items[i]);
    rp_obj_t *res = rp_obj_richcompare(vi, wi, op);
    rp_decref(vi);
    rp_decref(wi);
    return res;
}

static rp_obj_t *list_concat(rp_list_t *a, rp_list_t *b)
{
    rp_ssize_t size = a->ob.size + b->ob.size;
    if (size == 0)
        return rp_list_new(0);
    rp_obj_t *np = list_new_prealloc(size);
    if (!np)
        return NULL;
    rp_obj_t **dest = LIST(np)->items;
    for (rp_ssize_t i = 0; i < a->ob.size; i++)
        *dest++ = rp_newref(a->items[i]);
    for (rp_ssize_t i = 0; i < b->ob.size; i++)
        *dest++ = rp_newref(b->items[i]);
    LIST(np)->ob.size = size;
    return np;
}

static rp_obj_t *list_repeat(rp_list_t *a, rp_ssize_t n)
{
    if (n < 0)
        n = 0;
    if (n > 0 && a->ob.size > INT64_MAX / n)
        return rp_err_nomemory();
    rp_ssize_t size = a->ob.size * n;
    if (size == 0)
        return rp_list_new(0);
    rp_obj_t *np = list_new_prealloc(size);
    if (!np)
        return NULL;
    rp_obj_t **dest = LIST(np)->items;
    rp_ssize_t len = a->ob.size;
    if (len == 1) {
        rp_obj_t *elem = a->items[0];
        elem->refcnt += n;
        for (rp_ssize_t i = 0; i < n; i++)
            dest[i] = elem;
    } else {
        rp_obj_t **src = a->items;
        for (rp_ssize_t j = 0; j < len; j++)
            src[j]->refcnt += n;
        for (rp_ssize_t i = 0; i < n; i++) {
            memcpy(dest, src, (size_t)len * sizeof(rp_obj_t *));
            dest += len;
        }
    }
    LIST(np)->ob.size = size;
    return np;
}

static rp_obj_t *list_inplace_repeat(rp_list_t *self, rp_ssize_t n)
{
    rp_ssize_t size = self->ob.size;
    if (size == 0 || n == 1)
        return rp_newref(RP_OBJ(self));
    if (n < 1) {
        list_clear_items(self);
        return rp_newref(RP_OBJ(self));
    }
    if (size > INT64_MAX / n)
        return rp_err_nomemory();
    if (list_resize(self, size * n) < 0)
        return NULL;
    rp_obj_t **items = self->items;
    for (rp_ssize_t j = 0; j < size; j++)
        items[j]->refcnt += n - 1;
    rp_obj_t **p = items + size;
    for (rp_ssize_t i = 1; i < n; i++) {
        memcpy(p, items, (size_t)size * sizeof(rp_obj_t *));
        p += size;
    }
    return rp_newref(RP_OBJ(self));
}

// Operators.  Operands of other types get NotImplemented: the generic
// protocol (object.c) then tries the other operand and finally produces
// CPython's sequence errors ("can only concatenate list (not "tuple") to
// list") or converts __index__ objects for repetition.
static rp_obj_t *list_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    rp_ssize_t n;
    switch (op) {
    case RP_BINOP_ADD:
        if (rp_list_check(a) && rp_list_check(b))
            return list_concat(LIST(a), LIST(b));
        break;
    case RP_BINOP_ADD + RP_BINOP_INPLACE:
        if (!rp_list_check(a))
            break;
        if (rp_list_extend(a, b) < 0)
            return NULL;
        return rp_newref(a);
    case RP_BINOP_MUL:
        if (rp_list_check(a) && rp_int_check(b)) {
            if (rp_contutil_as_ssize_fit(b, &n) < 0)
                return NULL;
            return list_repeat(LIST(a), n);
        }
        if (rp_list_check(b) && rp_int_check(a)) {
            if (rp_contutil_as_ssize_fit(a, &n) < 0)
                return NULL;
            return list_repeat(LIST(b), n);
        }
        // list * <builtin non-index>: CPython's sequence_repeat error
        // comes from the list (the other builtin type has no say).
        if (rp_list_check(a) && !rp_contutil_is_index(b) &&
            !rp_type_has_flag(b->type, RP_TPFLAG_HEAPTYPE))
            return rp_err_format(&rp_exc_TypeError,
                                 "can't multiply sequence by non-int of type '%.200s'",
                                 rp_type_name(b->type));
        break;
    case RP_BINOP_MUL + RP_BINOP_INPLACE:
        if (rp_list_check(a) && rp_contutil_is_index(b)) {
            if (rp_contutil_as_ssize_fit(b, &n) < 0)
                return NULL;
            return list_inplace_repeat(LIST(a), n);
        }
        break;
    default:
        break;
    }
    return rp_newref(rp_NotImplemented);
}

// ---------------------------------------------------------------------
// Construction

static rp_obj_t *list_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                          rp_obj_t *kwnames)
{
    // list() never takes a list from the free list (CPython allocates it
    // with tp_alloc), so it always counts in gc generation 0.
    rp_obj_t *op = type == &rp_type_list
        ? rp_obj_alloc(type, (size_t)type->basicsize) : list_alloc(type);
    if (!op)
        return NULL;
    if (type == &rp_type_list) {
        LIST(op)->ob.size = 0;
        LIST(op)->items = NULL;
        LIST(op)->allocated = 0;
    }
    rp_gc_track(op);
    return op;
}

static int list_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                     rp_obj_t *kwnames)
{
    if (self->type == &rp_type_list && rp_arg_no_kw("list", kwnames) < 0)
        return -1;
    if (rp_arg_count("list", nargs, 0, 1) < 0)
        return -1;
    rp_list_t *l = LIST(self);
    if (l->items)
        list_clear_items(l);
    if (nargs == 1) {
        rp_obj_t *iterable = args[0];
        if (iterable->type->len) {
            rp_ssize_t n = iterable->type->len(iterable);
            if (n < 0) {
                if (!rp_err_matches(&rp_exc_TypeError))
                    return -1;
                rp_err_clear();
            }
            if (n > 0 && l->items == NULL && list_preallocate_exact(l, n) < 0)
                return -1;
        }
        return rp_list_extend(self, iterable);
    }
    return 0;
}

// ---------------------------------------------------------------------
// Methods

static rp_obj_t *list_append_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("list.append", nargs, kwnames) < 0)
        return NULL;
    if (rp_list_append(self, args[0]) < 0)
        return NULL;
    return rp_newref(rp_None);
}

static rp_obj_t *list_extend_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("list.extend", nargs, kwnames) < 0)
        return NULL;
    if (rp_list_extend(self, args[0]) < 0)
        return NULL;
    return rp_newref(rp_None);
}

static rp_obj_t *list_insert_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("list.insert", kwnames) < 0 || rp_arg_count("insert", nargs, 2, 2) < 0)
        return NULL;
    rp_ssize_t i;
    if (rp_contutil_as_ssize(args[0], &i) < 0)
        return NULL;
    if (ins1(LIST(self), i, args[1]) < 0)
        return NULL;
    return rp_newref(rp_None);
}

static rp_obj_t *list_pop_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("list.pop", kwnames) < 0 || rp_arg_count("pop", nargs, 0, 1) < 0)
        return NULL;
    rp_ssize_t index = -1;
    if (nargs == 1 && rp_contutil_as_ssize(args[0], &index) < 0)
        return NULL;
    rp_list_t *l = LIST(self);
    if (l->ob.size == 0)
        return rp_err_format(&rp_exc_IndexError, "pop from empty list");
    if (index < 0)
        index += l->ob.size;
    if ((size_t)index >= (size_t)l->ob.size)
        return rp_err_format(&rp_exc_IndexError, "pop index out of range");
    rp_obj_t *v = l->items[index];
    if (index == l->ob.size - 1) {
        if (list_resize(l, l->ob.size - 1) < 0)
            return NULL;
        return v;
    }
    rp_incref(v);
    if (list_ass_slice(l, index, index + 1, NULL) < 0) {
        rp_decref(v);
        return NULL;
    }
    return v;
}

static rp_obj_t *list_remove_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("list.remove", nargs, kwnames) < 0)
        return NULL;
    rp_list_t *l = LIST(self);
    for (rp_ssize_t i = 0; i < l->ob.size; i++) {
        rp_obj_t *obj = rp_newref(l->items[i]);
        int cmp = rp_obj_richcompare_bool(obj, args[0], RP_EQ);
        rp_decref(obj);
        if (cmp > 0) {
            if (list_ass_slice(l, i, i + 1, NULL) == 0)
                return rp_newref(rp_None);
            return NULL;
        }
        if (cmp < 0)
            return NULL;
    }
    return rp_err_format(&rp_exc_ValueError, "list.remove(x): x not in list");
}

static rp_obj_t *list_index_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("list.index", kwnames) < 0 || rp_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    rp_ssize_t start = 0, stop = INT64_MAX;
    if (nargs >= 2 && rp_contutil_slice_index_not_none(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && rp_contutil_slice_index_not_none(args[2], &stop) < 0)
        return NULL;
    rp_list_t *l = LIST(self);
    rp_contutil_adjust_range(l->ob.size, &start, &stop);
    for (rp_ssize_t i = start; i < stop && i < l->ob.size; i++) {
        rp_obj_t *obj = rp_newref(l->items[i]);
        int cmp = rp_obj_richcompare_bool(obj, args[0], RP_EQ);
        rp_decref(obj);
        if (cmp > 0)
            return rp_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return rp_err_format(&rp_exc_ValueError, "%R is not in list", args[0]);
}

static rp_obj_t *list_count_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("list.count", nargs, kwnames) < 0)
        return NULL;
    rp_list_t *l = LIST(self);
    rp_ssize_t count = 0;
    for (rp_ssize_t i = 0; i < l->ob.size; i++) {
        rp_obj_t *obj = l->items[i];
        if (obj == args[0]) {
            count++;
            continue;
        }
        rp_incref(obj);
        int cmp = rp_obj_richcompare_bool(obj, args[0], RP_EQ);
        rp_decref(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return rp_int_from_ssize(count);
}

static rp_obj_t *list_clear_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("list.clear", nargs, kwnames) < 0)
        return NULL;
    list_clear_items(LIST(self));
    return rp_newref(rp_None);
}

static rp_obj_t *list_copy_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("list.copy", nargs, kwnames) < 0)
        return NULL;
    return list_slice(LIST(self), 0, LIST(self)->ob.size);
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

static rp_obj_t *list_reverse_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("list.reverse", nargs, kwnames) < 0)
        return NULL;
    rp_list_t *l = LIST(self);
    if (l->ob.size > 1)
        reverse_slice(l->items, l->items + l->ob.size);
    return rp_newref(rp_None);
}

// Whether CPython's list.sort would have made its keyword tuple by now
// (rp_arg_note_kwtuple).
static bool sort_kwtuple;

void rp_list_sort_kwtuple_exists(void)
{
    sort_kwtuple = true;
}

static rp_obj_t *list_sort_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (kwnames || nargs > 0)
        rp_arg_note_kwtuple(&sort_kwtuple, 2);
    if (nargs > 0)
        return rp_err_format(&rp_exc_TypeError, "sort() takes no positional arguments");
    rp_obj_t *a[2] = {NULL, NULL};
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        if (rp_str_eq_cstr(kn, "key"))
            a[0] = args[k];
        else if (rp_str_eq_cstr(kn, "reverse"))
            a[1] = args[k];
        else
            return rp_err_format(&rp_exc_TypeError,
                                 "'%S' is an invalid keyword argument for sort()", kn);
    }
    bool reverse = false;
    if (a[1]) {
        rp_ssize_t r;
        if (rp_contutil_index_clamped(a[1], &r) < 0)
            return NULL;
        reverse = r != 0;
    }
    rp_obj_t *key = (a[0] == NULL || a[0] == rp_None) ? NULL : a[0];
    if (rp_list_sort(self, key, reverse) < 0)
        return NULL;
    return rp_newref(rp_None);
}

static rp_obj_t *list_sizeof_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("list.__sizeof__", nargs, kwnames) < 0)
        return NULL;
    return rp_int_from_ssize(self->type->basicsize +
                             LIST(self)->allocated * (rp_ssize_t)sizeof(void *));
}

static rp_obj_t *list_reversed_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames);

static rp_obj_t *list_getitem_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("list.__getitem__", nargs, kwnames) < 0)
        return NULL;
    return list_subscript(self, args[0]);
}

static const rp_method_def_t list_methods[] = {
    {"__getitem__", list_getitem_meth, RP_METH_INSTANCE, NULL},
    {"__reversed__", list_reversed_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", list_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"clear", list_clear_meth, RP_METH_INSTANCE, NULL},
    {"copy", list_copy_meth, RP_METH_INSTANCE, NULL},
    {"append", list_append_meth, RP_METH_INSTANCE, NULL},
    {"insert", list_insert_meth, RP_METH_INSTANCE, NULL},
    {"extend", list_extend_meth, RP_METH_INSTANCE, NULL},
    {"pop", list_pop_meth, RP_METH_INSTANCE, NULL},
    {"remove", list_remove_meth, RP_METH_INSTANCE, NULL},
    {"index", list_index_meth, RP_METH_INSTANCE, NULL},
    {"count", list_count_meth, RP_METH_INSTANCE, NULL},
    {"reverse", list_reverse_meth, RP_METH_INSTANCE, NULL},
    {"sort", list_sort_meth, RP_METH_INSTANCE, NULL},
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    {NULL},
};

rp_type_t rp_type_list = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "list",
    .basicsize = sizeof(rp_list_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE | RP_TPFLAG_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = list_richcompare,
    .binary_op = list_binary_op,
    .len = list_length,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .iter = list_iter,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .new_ = list_new,
    .init = list_init,
    .methods = list_methods,
};

// ---------------------------------------------------------------------
// Iterators: list_iterator and list_reverseiterator.

typedef rp_listiter_t listiter_t;

#define LISTITER(o) ((listiter_t *)(o))

static rp_obj_t *list_iter(rp_obj_t *self)
{
    listiter_t *it = (listiter_t *)rp_obj_alloc(&rp_type_list_iter, sizeof(listiter_t));
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = rp_newref(self);
    rp_gc_track(RP_OBJ(it));
    return RP_OBJ(it);
}

static void listiter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(LISTITER(self)->seq);
    rp_obj_free(self);
}

static int listiter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    return LISTITER(self)->seq ? visit(LISTITER(self)->seq, arg) : 0;
}

static int listiter_clear(rp_obj_t *self)
{
    rp_clear(&LISTITER(self)->seq);
    return 0;
}

static rp_obj_t *listiter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

static rp_obj_t *listiter_next(rp_obj_t *self)
{
    listiter_t *it = LISTITER(self);
    rp_obj_t *seq = it->seq;
    if (!seq)
        return NULL;
    if (it->index < LIST(seq)->ob.size)
        return rp_newref(LIST(seq)->items[it->index++]);
    it->seq = NULL;
    rp_decref(seq);
    return NULL;
}

static rp_obj_t *listiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    listiter_t *it = LISTITER(self);
    rp_ssize_t len = 0;
    if (it->seq) {
        len = LIST(it->seq)->ob.size - it->index;
        if (len < 0)
            len = 0;
    }
    return rp_int_from_ssize(len);
}

static const rp_method_def_t listiter_methods[] = {
    {"__length_hint__", listiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_list_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "list_iterator",
    .basicsize = sizeof(listiter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = listiter_dealloc,
    .iter = listiter_self,
    .next = listiter_next,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .methods = listiter_methods,
};

static rp_obj_t *list_reversed_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("list.__reversed__", nargs, kwnames) < 0)
        return NULL;
    listiter_t *it = (listiter_t *)rp_obj_alloc(&rp_type_list_reverseiter, sizeof(listiter_t));
    if (!it)
        return NULL;
    it->index = LIST(self)->ob.size - 1;
    it->seq = rp_newref(self);
    rp_gc_track(RP_OBJ(it));
    return RP_OBJ(it);
}

static rp_obj_t *listreviter_next(rp_obj_t *self)
{
    listiter_t *it = LISTITER(self);
    rp_obj_t *seq = it->seq;
    if (!seq)
        return NULL;
    rp_ssize_t index = it->index;
    if (index >= 0 && index < LIST(seq)->ob.size) {
        it->index--;
        return rp_newref(LIST(seq)->items[index]);
    }
    it->index = -1;
    it->seq = NULL;
    rp_decref(seq);
    return NULL;
}

static rp_obj_t *listreviter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                      rp_obj_t *kwnames)
{
    listiter_t *it = LISTITER(self);
    rp_ssize_t len = it->index + 1;
    if (it->seq == NULL || LIST(it->seq)->ob.size < len)
        len = 0;
    return rp_int_from_ssize(len);
}

static const rp_method_def_t listreviter_methods[] = {
    {"__length_hint__", listreviter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_list_reverseiter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "list_reverseiterator",
    .basicsize = sizeof(listiter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = listiter_dealloc,
    .iter = listiter_self,
    .next = listreviter_next,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .methods = listreviter_methods,
};
