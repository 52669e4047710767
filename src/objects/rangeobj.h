// range, slice, and the builtin iterator types (enumerate, zip, map,
// filter, reversed, the sequence iterator, callable iterator).
#ifndef RP_RANGEOBJ_H
#define RP_RANGEOBJ_H

#include "object.h"

extern rp_type_t rp_type_range, rp_type_range_iter, rp_type_slice;
extern rp_type_t rp_type_enumerate, rp_type_zip, rp_type_map, rp_type_filter,
    rp_type_reversed, rp_type_seq_iter, rp_type_list_iter, rp_type_tuple_iter,
    rp_type_list_reverseiter;

extern rp_type_t rp_type_longrange_iter, rp_type_callable_iter;

// The iterator over a range whose values fit in int64 (VM fast path:
// while len > 0, yield start, then start += step, len--).
typedef struct rp_range_iter {
    rp_obj_t ob;
    int64_t start, step, len;
} rp_range_iter_t;

typedef struct rp_slice {
    rp_obj_t ob;
    rp_obj_t *start, *stop, *step;      // never NULL (None when omitted)
} rp_slice_t;

// slice(start, stop, step): arguments borrowed, NULL means None.
rp_obj_t *rp_slice_new(rp_obj_t *start, rp_obj_t *stop, rp_obj_t *step);
static inline bool rp_slice_check(const rp_obj_t *o) { return o->type == &rp_type_slice; }
// Resolves a slice against a sequence of length len (CPython's
// PySlice_Unpack + AdjustIndices).  Returns the slice length, -1 on error.
rp_ssize_t rp_slice_indices(rp_obj_t *slice, rp_ssize_t len, rp_ssize_t *start,
                            rp_ssize_t *stop, rp_ssize_t *step);
// Iterator over any object with a getitem slot and IndexError at the end.
rp_obj_t *rp_seq_iter_new(rp_obj_t *seq);
// iter(callable, sentinel).
rp_obj_t *rp_callable_iter_new(rp_obj_t *callable, rp_obj_t *sentinel);

#endif
