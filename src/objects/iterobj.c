// The builtin iterator types: enumerate, zip, map, filter, reversed, the
// sequence iterator (__getitem__ until IndexError) and the callable
// iterator (iter(f, sentinel)), with CPython's semantics and messages.
#include "rangeobj.h"
#include "tuple.h"
#include "int.h"
#include "str.h"
#include "errors.h"
#include "args.h"
#include "dict.h"
#include "contutil.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"
#include "objects/genericalias.h"

static rp_obj_t *iter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

// Replaces both items of a 2-tuple result that nobody else holds, or
// makes a new one.  Takes a and b.
static rp_obj_t *reuse_pair(rp_obj_t **slot, rp_obj_t *a, rp_obj_t *b)
{
    rp_obj_t *result = *slot;
    if (result->refcnt == 1) {
        rp_obj_t *olda = rp_tuple_get_borrow(result, 0), *oldb = rp_tuple_get_borrow(result, 1);
        rp_tuple_init_item_take(result, 0, a);
        rp_tuple_init_item_take(result, 1, b);
        rp_incref(result);
        rp_decref(olda);
        rp_decref(oldb);
        if (!rp_gc_is_tracked(result))
            rp_gc_track(result);
        return result;
    }
    result = rp_tuple_new(2);
    if (!result) {
        rp_decref(a);
        rp_decref(b);
        return NULL;
    }
    rp_tuple_init_item_take(result, 0, a);
    rp_tuple_init_item_take(result, 1, b);
    return result;
}

// seq[i] for a C index (CPython's PySequence_GetItem with i >= 0).
static rp_obj_t *seq_getitem(rp_obj_t *seq, rp_ssize_t i)
{
    rp_obj_t *idx = rp_int_from_ssize(i);
    if (!idx)
        return NULL;
    rp_obj_t *r = rp_obj_getitem(seq, idx);
    rp_decref(idx);
    return r;
}

// ---------------------------------------------------------------------
// enumerate

typedef struct {
    rp_obj_t ob;
    rp_ssize_t index;
    rp_obj_t *sit;          // the underlying iterator
    rp_obj_t *result;       // reusable (index, item) pair
    rp_obj_t *longindex;    // the index once it no longer fits, else NULL
} enumobj_t;

#define EN(o) ((enumobj_t *)(o))

static rp_obj_t *enum_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    rp_obj_t *a[2] = {NULL, NULL};
    size_t nkw = rp_arg_nkw(kwnames);
    if (nargs + nkw > 2)
        return rp_err_format(&rp_exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                             nargs + nkw);
    for (size_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        int which = rp_str_eq_cstr(kn, "iterable") ? 0 : rp_str_eq_cstr(kn, "start") ? 1 : -1;
        if (which < 0)
            return rp_err_format(&rp_exc_TypeError,
                                 "'%S' is an invalid keyword argument for enumerate()", kn);
        if (a[which])
            return rp_err_format(&rp_exc_TypeError,
                                 "argument for enumerate() given by name ('%S') and position (%d)",
                                 kn, which + 1);
        a[which] = args[nargs + k];
    }
    if (!a[0])
        return rp_err_format(&rp_exc_TypeError,
                             "enumerate() missing required argument 'iterable'");
    enumobj_t *en = (enumobj_t *)rp_contutil_alloc_zeroed(type, (size_t)type->basicsize);
    if (!en)
        return NULL;
    if (a[1]) {
        rp_obj_t *start = rp_contutil_is_index(a[1]) ? rp_number_index(a[1]) : NULL;
        if (!start) {
            if (!rp_err_occurred())
                rp_err_format(&rp_exc_TypeError,
                              "'%.200s' object cannot be interpreted as an integer",
                              rp_type_name(a[1]->type));
            rp_obj_free(RP_OBJ(en));
            return NULL;
        }
        if (rp_int_is_small(start)) {
            en->index = rp_int_small_value(start);
            rp_decref(start);
        } else {
            en->index = INT64_MAX;
            en->longindex = start;
        }
    }
    en->sit = rp_obj_iter(a[0]);
    if (!en->sit) {
        rp_xdecref(en->longindex);
        rp_obj_free(RP_OBJ(en));
        return NULL;
    }
    en->result = rp_tuple_pack(2, rp_None, rp_None);
    if (!en->result) {
        rp_decref(en->sit);
        rp_xdecref(en->longindex);
        rp_obj_free(RP_OBJ(en));
        return NULL;
    }
    rp_gc_track(RP_OBJ(en));
    return RP_OBJ(en);
}

static void enum_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(EN(self)->sit);
    rp_xdecref(EN(self)->result);
    rp_xdecref(EN(self)->longindex);
    rp_obj_free(self);
}

static int enum_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (EN(self)->sit && (r = visit(EN(self)->sit, arg)))
        return r;
    if (EN(self)->result && (r = visit(EN(self)->result, arg)))
        return r;
    if (EN(self)->longindex && (r = visit(EN(self)->longindex, arg)))
        return r;
    return 0;
}

static rp_obj_t *enum_next(rp_obj_t *self)
{
    enumobj_t *en = EN(self);
    rp_obj_t *next_item = rp_iter_next(en->sit);
    if (!next_item)
        return NULL;
    rp_obj_t *next_index;
    if (en->index == INT64_MAX) {
        // Past the C range: count with an int object.
        if (!en->longindex && !(en->longindex = rp_int_from_i64(INT64_MAX))) {
            rp_decref(next_item);
            return NULL;
        }
        next_index = en->longindex;
        rp_obj_t *one = rp_int_from_i64(1);
        rp_obj_t *stepped = rp_number_binop(next_index, one, RP_BINOP_ADD);
        rp_decref(one);
        if (!stepped) {
            rp_decref(next_item);
            return NULL;
        }
        en->longindex = stepped;
    } else {
        next_index = rp_int_from_i64(en->index);
        if (!next_index) {
            rp_decref(next_item);
            return NULL;
        }
        en->index++;
    }
    return reuse_pair(&en->result, next_index, next_item);
}

static const rp_method_def_t enum_methods[] = {
    { "__class_getitem__", rp_generic_class_getitem, RP_METH_CLASS, "See PEP 585" },
    { NULL }
};

rp_type_t rp_type_enumerate = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "enumerate",
    .basicsize = sizeof(enumobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = enum_dealloc,
    .iter = iter_self,
    .next = enum_next,
    .traverse = enum_traverse,
    .new_ = enum_tp_new,
    .methods = enum_methods,
};

// ---------------------------------------------------------------------
// zip

typedef struct {
    rp_obj_t ob;
    rp_ssize_t tuplesize;
    rp_obj_t *ittuple;      // tuple of iterators
    rp_obj_t *result;       // reusable result tuple
    int strict;
} zipobj_t;

#define ZIP(o) ((zipobj_t *)(o))

static rp_obj_t *zip_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    int strict = 0;
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        if (!rp_str_eq_cstr(kn, "strict"))
            return rp_err_format(&rp_exc_TypeError,
                                 "zip() got an unexpected keyword argument '%S'", kn);
        strict = rp_obj_is_true(args[nargs + k]);
        if (strict < 0)
            return NULL;
    }
    rp_obj_t *ittuple = rp_tuple_new((rp_ssize_t)nargs);
    if (!ittuple)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        rp_obj_t *it = rp_obj_iter(args[i]);
        if (!it) {
            rp_decref(ittuple);
            return NULL;
        }
        rp_tuple_init_item_take(ittuple, (rp_ssize_t)i, it);
    }
    rp_obj_t *result = rp_tuple_new((rp_ssize_t)nargs);
    if (!result) {
        rp_decref(ittuple);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        rp_tuple_init_item_take(result, (rp_ssize_t)i, rp_newref(rp_None));
    zipobj_t *lz = (zipobj_t *)rp_contutil_alloc_zeroed(type, (size_t)type->basicsize);
    if (!lz) {
        rp_decref(ittuple);
        rp_decref(result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = (rp_ssize_t)nargs;
    lz->result = result;
    lz->strict = strict;
    rp_gc_track(RP_OBJ(lz));
    return RP_OBJ(lz);
}

static void zip_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(ZIP(self)->ittuple);
    rp_xdecref(ZIP(self)->result);
    rp_obj_free(self);
}

static int zip_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (ZIP(self)->ittuple && (r = visit(ZIP(self)->ittuple, arg)))
        return r;
    if (ZIP(self)->result && (r = visit(ZIP(self)->result, arg)))
        return r;
    return 0;
}

// strict=True: the first iterator to end decides; the others must end
// too.  Returns NULL (exhausted or ValueError).
static rp_obj_t *zip_strict_check(zipobj_t *lz, rp_ssize_t i)
{
    if (rp_err_occurred()) {
        if (!rp_err_matches(&rp_exc_StopIteration))
            return NULL;
        rp_err_clear();
    }
    if (i) {
        const char *plural = i == 1 ? " " : "s 1-";
        return rp_err_format(&rp_exc_ValueError,
                             "zip() argument %zd is shorter than argument%s%zd", i + 1,
                             plural, i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        rp_obj_t *item = rp_iter_next(rp_tuple_get_borrow(lz->ittuple, i));
        if (item) {
            rp_decref(item);
            const char *plural = i == 1 ? " " : "s 1-";
            return rp_err_format(&rp_exc_ValueError,
                                 "zip() argument %zd is longer than argument%s%zd", i + 1,
                                 plural, i);
        }
        if (rp_err_occurred()) {
            if (!rp_err_matches(&rp_exc_StopIteration))
                return NULL;
            rp_err_clear();
        }
    }
    return NULL;
}

static rp_obj_t *zip_next(rp_obj_t *self)
{
    zipobj_t *lz = ZIP(self);
    rp_ssize_t tuplesize = lz->tuplesize;
    if (tuplesize == 0)
        return NULL;
    rp_obj_t *result = lz->result;
    if (result->refcnt == 1) {
        rp_incref(result);
        for (rp_ssize_t i = 0; i < tuplesize; i++) {
            rp_obj_t *item = rp_iter_next(rp_tuple_get_borrow(lz->ittuple, i));
            if (!item) {
                rp_decref(result);
                return lz->strict ? zip_strict_check(lz, i) : NULL;
            }
            rp_obj_t *olditem = rp_tuple_get_borrow(result, i);
            rp_tuple_init_item_take(result, i, item);
            rp_decref(olditem);
        }
        if (!rp_gc_is_tracked(result))
            rp_gc_track(result);
        return result;
    }
    result = rp_tuple_new(tuplesize);
    if (!result)
        return NULL;
    for (rp_ssize_t i = 0; i < tuplesize; i++) {
        rp_obj_t *item = rp_iter_next(rp_tuple_get_borrow(lz->ittuple, i));
        if (!item) {
            rp_decref(result);
            return lz->strict ? zip_strict_check(lz, i) : NULL;
        }
        rp_tuple_init_item_take(result, i, item);
    }
    return result;
}

rp_type_t rp_type_zip = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "zip",
    .basicsize = sizeof(zipobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = zip_dealloc,
    .iter = iter_self,
    .next = zip_next,
    .traverse = zip_traverse,
    .new_ = zip_tp_new,
};

// ---------------------------------------------------------------------
// map

typedef struct {
    rp_obj_t ob;
    rp_obj_t *iters;        // tuple of iterators
    rp_obj_t *func;
} mapobj_t;

#define MAP(o) ((mapobj_t *)(o))

static rp_obj_t *map_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    if (type == &rp_type_map && rp_arg_no_kw("map", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return rp_err_format(&rp_exc_TypeError, "map() must have at least two arguments.");
    rp_obj_t *iters = rp_tuple_new((rp_ssize_t)nargs - 1);
    if (!iters)
        return NULL;
    for (size_t i = 1; i < nargs; i++) {
        rp_obj_t *it = rp_obj_iter(args[i]);
        if (!it) {
            rp_decref(iters);
            return NULL;
        }
        rp_tuple_init_item_take(iters, (rp_ssize_t)i - 1, it);
    }
    mapobj_t *lz = (mapobj_t *)rp_contutil_alloc_zeroed(type, (size_t)type->basicsize);
    if (!lz) {
        rp_decref(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = rp_newref(args[0]);
    rp_gc_track(RP_OBJ(lz));
    return RP_OBJ(lz);
}

static void map_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(MAP(self)->iters);
    rp_xdecref(MAP(self)->func);
    rp_obj_free(self);
}

static int map_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (MAP(self)->iters && (r = visit(MAP(self)->iters, arg)))
        return r;
    if (MAP(self)->func && (r = visit(MAP(self)->func, arg)))
        return r;
    return 0;
}

static rp_obj_t *map_next(rp_obj_t *self)
{
    mapobj_t *lz = MAP(self);
    rp_obj_t *small_stack[5];
    rp_obj_t **stack = small_stack;
    rp_ssize_t niters = rp_tuple_len(lz->iters), nargs = 0;
    rp_obj_t *result = NULL;
    if (niters > 5) {
        stack = rp_mem_alloc((size_t)niters * sizeof(rp_obj_t *));
        if (!stack)
            return rp_err_nomemory();
    }
    for (rp_ssize_t i = 0; i < niters; i++) {
        rp_obj_t *val = rp_iter_next(rp_tuple_get_borrow(lz->iters, i));
        if (!val)
            goto exit;
        stack[i] = val;
        nargs++;
    }
    result = rp_obj_call(lz->func, stack, (size_t)nargs, NULL);
exit:
    for (rp_ssize_t i = 0; i < nargs; i++)
        rp_decref(stack[i]);
    if (stack != small_stack)
        rp_mem_free(stack);
    return result;
}

rp_type_t rp_type_map = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "map",
    .basicsize = sizeof(mapobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = map_dealloc,
    .iter = iter_self,
    .next = map_next,
    .traverse = map_traverse,
    .new_ = map_tp_new,
};

// ---------------------------------------------------------------------
// filter

typedef struct {
    rp_obj_t ob;
    rp_obj_t *func;
    rp_obj_t *it;
} filterobj_t;

#define FILTER(o) ((filterobj_t *)(o))

static rp_obj_t *filter_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (type == &rp_type_filter && rp_arg_no_kw("filter", kwnames) < 0)
        return NULL;
    if (rp_arg_count("filter", nargs, 2, 2) < 0)
        return NULL;
    rp_obj_t *it = rp_obj_iter(args[1]);
    if (!it)
        return NULL;
    filterobj_t *lz = (filterobj_t *)rp_contutil_alloc_zeroed(type, (size_t)type->basicsize);
    if (!lz) {
        rp_decref(it);
        return NULL;
    }
    lz->func = rp_newref(args[0]);
    lz->it = it;
    rp_gc_track(RP_OBJ(lz));
    return RP_OBJ(lz);
}

static void filter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(FILTER(self)->func);
    rp_xdecref(FILTER(self)->it);
    rp_obj_free(self);
}

static int filter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (FILTER(self)->it && (r = visit(FILTER(self)->it, arg)))
        return r;
    if (FILTER(self)->func && (r = visit(FILTER(self)->func, arg)))
        return r;
    return 0;
}

static rp_obj_t *filter_next(rp_obj_t *self)
{
    filterobj_t *lz = FILTER(self);
    bool checktrue = lz->func == rp_None || lz->func == RP_OBJ(&rp_type_bool);
    for (;;) {
        rp_obj_t *item = rp_iter_next(lz->it);
        if (!item)
            return NULL;
        int ok;
        if (checktrue)
            ok = rp_obj_is_true(item);
        else {
            rp_obj_t *good = rp_obj_call1(lz->func, item);
            if (!good) {
                rp_decref(item);
                return NULL;
            }
            ok = rp_obj_is_true(good);
            rp_decref(good);
        }
        if (ok > 0)
            return item;
        rp_decref(item);
        if (ok < 0)
            return NULL;
    }
}

rp_type_t rp_type_filter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "filter",
    .basicsize = sizeof(filterobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = filter_dealloc,
    .iter = iter_self,
    .next = filter_next,
    .traverse = filter_traverse,
    .new_ = filter_tp_new,
};

// ---------------------------------------------------------------------
// reversed

typedef struct {
    rp_obj_t ob;
    rp_ssize_t index;
    rp_obj_t *seq;          // NULL once exhausted
} reversedobj_t;

#define REV(o) ((reversedobj_t *)(o))

static rp_obj_t *reversed_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (type == &rp_type_reversed && rp_arg_no_kw("reversed", kwnames) < 0)
        return NULL;
    if (rp_arg_count("reversed", nargs, 1, 1) < 0)
        return NULL;
    rp_obj_t *seq = args[0];
    static rp_obj_t *name;
    if (!name && !(name = rp_str_intern_cstr("__reversed__")))
        return NULL;
    rp_obj_t *meth = rp_type_lookup_borrow(seq->type, name);
    if (meth == rp_None)
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not reversible",
                             rp_type_name(seq->type));
    if (meth) {
        if (meth->type->descr_get) {
            rp_obj_t *bound = meth->type->descr_get(meth, seq, RP_OBJ(seq->type));
            if (!bound)
                return NULL;
            rp_obj_t *res = rp_obj_call0(bound);
            rp_decref(bound);
            return res;
        }
        return rp_obj_call0(meth);
    }
    if (!seq->type->getitem || rp_dict_check(seq))
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not reversible",
                             rp_type_name(seq->type));
    rp_ssize_t n = rp_obj_len(seq);
    if (n == -1)
        return NULL;
    reversedobj_t *ro = (reversedobj_t *)rp_contutil_alloc_zeroed(type, (size_t)type->basicsize);
    if (!ro)
        return NULL;
    ro->index = n - 1;
    ro->seq = rp_newref(seq);
    rp_gc_track(RP_OBJ(ro));
    return RP_OBJ(ro);
}

static void reversed_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(REV(self)->seq);
    rp_obj_free(self);
}

static int reversed_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    return REV(self)->seq ? visit(REV(self)->seq, arg) : 0;
}

static rp_obj_t *reversed_next(rp_obj_t *self)
{
    reversedobj_t *ro = REV(self);
    rp_ssize_t index = ro->index;
    if (index >= 0 && ro->seq) {
        rp_obj_t *item = seq_getitem(ro->seq, index);
        if (item) {
            ro->index--;
            return item;
        }
        if (rp_err_matches(&rp_exc_IndexError) || rp_err_matches(&rp_exc_StopIteration))
            rp_err_clear();
    }
    ro->index = -1;
    rp_clear(&ro->seq);
    return NULL;
}

static rp_obj_t *reversed_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    reversedobj_t *ro = REV(self);
    if (!ro->seq)
        return rp_int_from_i64(0);
    rp_ssize_t seqsize = rp_obj_len(ro->seq);
    if (seqsize == -1)
        return NULL;
    rp_ssize_t position = ro->index + 1;
    return rp_int_from_ssize(seqsize < position ? 0 : position);
}

static const rp_method_def_t reversed_methods[] = {
    {"__length_hint__", reversed_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_reversed = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "reversed",
    .basicsize = sizeof(reversedobj_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE,
    .dealloc = reversed_dealloc,
    .iter = iter_self,
    .next = reversed_next,
    .traverse = reversed_traverse,
    .new_ = reversed_tp_new,
    .methods = reversed_methods,
};

// ---------------------------------------------------------------------
// The sequence iterator ("iterator")

typedef struct {
    rp_obj_t ob;
    rp_ssize_t index;
    rp_obj_t *seq;          // NULL once exhausted
} seqiter_t;

#define SEQIT(o) ((seqiter_t *)(o))

rp_obj_t *rp_seq_iter_new(rp_obj_t *seq)
{
    seqiter_t *it = (seqiter_t *)rp_obj_alloc(&rp_type_seq_iter, sizeof(seqiter_t));
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = rp_newref(seq);
    rp_gc_track(RP_OBJ(it));
    return RP_OBJ(it);
}

static void seqiter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(SEQIT(self)->seq);
    rp_obj_free(self);
}

static int seqiter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    return SEQIT(self)->seq ? visit(SEQIT(self)->seq, arg) : 0;
}

static rp_obj_t *seqiter_next(rp_obj_t *self)
{
    seqiter_t *it = SEQIT(self);
    rp_obj_t *seq = it->seq;
    if (!seq)
        return NULL;
    if (it->index == INT64_MAX)
        return rp_err_format(&rp_exc_OverflowError, "iter index too large");
    rp_obj_t *result = seq_getitem(seq, it->index);
    if (result) {
        it->index++;
        return result;
    }
    if (rp_err_matches(&rp_exc_IndexError) || rp_err_matches(&rp_exc_StopIteration)) {
        rp_err_clear();
        it->seq = NULL;
        rp_decref(seq);
    }
    return NULL;
}

static rp_obj_t *seqiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    seqiter_t *it = SEQIT(self);
    if (it->seq) {
        if (!it->seq->type->len)
            return rp_newref(rp_NotImplemented);
        rp_ssize_t seqsize = rp_obj_len(it->seq);
        if (seqsize == -1)
            return NULL;
        rp_ssize_t len = seqsize - it->index;
        if (len >= 0)
            return rp_int_from_ssize(len);
    }
    return rp_int_from_i64(0);
}

static const rp_method_def_t seqiter_methods[] = {
    {"__length_hint__", seqiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_seq_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "iterator",
    .basicsize = sizeof(seqiter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = seqiter_dealloc,
    .iter = iter_self,
    .next = seqiter_next,
    .traverse = seqiter_traverse,
    .methods = seqiter_methods,
};

// ---------------------------------------------------------------------
// The callable iterator

typedef struct {
    rp_obj_t ob;
    rp_obj_t *callable;     // NULL once exhausted
    rp_obj_t *sentinel;
} calliter_t;

#define CALLIT(o) ((calliter_t *)(o))

rp_obj_t *rp_callable_iter_new(rp_obj_t *callable, rp_obj_t *sentinel)
{
    calliter_t *it = (calliter_t *)rp_obj_alloc(&rp_type_callable_iter, sizeof(calliter_t));
    if (!it)
        return NULL;
    it->callable = rp_newref(callable);
    it->sentinel = rp_newref(sentinel);
    rp_gc_track(RP_OBJ(it));
    return RP_OBJ(it);
}

static void calliter_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_xdecref(CALLIT(self)->callable);
    rp_xdecref(CALLIT(self)->sentinel);
    rp_obj_free(self);
}

static int calliter_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if (CALLIT(self)->callable && (r = visit(CALLIT(self)->callable, arg)))
        return r;
    if (CALLIT(self)->sentinel && (r = visit(CALLIT(self)->sentinel, arg)))
        return r;
    return 0;
}

static rp_obj_t *calliter_next(rp_obj_t *self)
{
    calliter_t *it = CALLIT(self);
    if (!it->callable)
        return NULL;
    rp_obj_t *result = rp_obj_call0(it->callable);
    if (result) {
        int ok = rp_obj_richcompare_bool(it->sentinel, result, RP_EQ);
        if (ok == 0)
            return result;
        if (ok > 0) {
            rp_clear(&it->callable);
            rp_clear(&it->sentinel);
        }
    } else if (rp_err_matches(&rp_exc_StopIteration)) {
        rp_err_clear();
        rp_clear(&it->callable);
        rp_clear(&it->sentinel);
    }
    rp_xdecref(result);
    return NULL;
}

rp_type_t rp_type_callable_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "callable_iterator",
    .basicsize = sizeof(calliter_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = calliter_dealloc,
    .iter = iter_self,
    .next = calliter_next,
    .traverse = calliter_traverse,
};
