// Helpers shared by the container types (list, tuple, dict, set, range,
// the iterator types): the repr recursion guard, length hints, index
// conversion for subscripts and slice bounds.
#ifndef RP_CONTUTIL_H
#define RP_CONTUTIL_H

#include "object.h"
#include "int.h"
#include "../memory/alloc.h"
#include "../memory/gc.h"

// Repr recursion guard (CPython's Py_ReprEnter): returns 0 and records o
// when o is not being repr'd already, 1 if it is (print "[...]"), -1
// with MemoryError set.  Every 0 return must be paired with
// rp_contutil_repr_leave(o).
int rp_contutil_repr_enter(rp_obj_t *o);
void rp_contutil_repr_leave(rp_obj_t *o);
// Frees the (empty) repr stack; at finalisation.
void rp_contutil_fini(void);

// Estimated length of an iterable (CPython's PyObject_LengthHint): its
// len() if it has one, else __length_hint__(), else dflt.  -1 with an
// exception set on error.
rp_ssize_t rp_contutil_length_hint(rp_obj_t *o, rp_ssize_t dflt);

// True if o can be used as an index (int or has __index__).
static inline bool rp_contutil_is_index(rp_obj_t *o)
{
    return rp_int_check(o) || o->type->index != NULL;
}

// Converts an index object (int or __index__) to a C index for
// subscripts; values that do not fit raise IndexError "cannot fit 'int'
// into an index-sized integer".  0 / -1.
int rp_contutil_subscript_index(rp_obj_t *o, rp_ssize_t *out);

// Converts an index object to a C value clamped to the ssize range
// (CPython's PyNumber_AsSsize_t(o, NULL)).  Non-index objects raise
// TypeError "'str' object cannot be interpreted as an integer".  0 / -1.
int rp_contutil_index_clamped(rp_obj_t *o, rp_ssize_t *out);

// Converts an index object to a C ssize_t as argument converters do
// (CPython's _PyNumber_Index + PyLong_AsSsize_t): OverflowError "Python
// int too large to convert to C ssize_t".  0 / -1.
int rp_contutil_as_ssize(rp_obj_t *o, rp_ssize_t *out);

// Converts an index object with OverflowError "cannot fit 'int' into an
// index-sized integer" (PyNumber_AsSsize_t(o, OverflowError)).  0 / -1.
int rp_contutil_as_ssize_fit(rp_obj_t *o, rp_ssize_t *out);

// A slice bound for list.index / tuple.index / str-like start/stop
// arguments (CPython's _PyEval_SliceIndexNotNone): TypeError "slice
// indices must be integers or have an __index__ method".  0 / -1.
int rp_contutil_slice_index_not_none(rp_obj_t *o, rp_ssize_t *out);

// Clamps start/stop like list.index does (negative counts from the end).
static inline void rp_contutil_adjust_range(rp_ssize_t len, rp_ssize_t *start,
                                            rp_ssize_t *stop)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = 0;
    }
}

// Builds "name(...)"-style method argument errors for METH_NOARGS and
// METH_O methods: "list.copy() takes no arguments (1 given)", "list.append()
// takes exactly one argument (0 given)", "list.append() takes no keyword
// arguments".  0 / -1.
int rp_contutil_noargs(const char *qualname, size_t nargs, rp_obj_t *kwnames);
int rp_contutil_onearg(const char *qualname, size_t nargs, rp_obj_t *kwnames);

// Allocates an instance of type (rp_obj_alloc) with every byte after the
// object header zeroed, as the `new_` slots of subclassable types need
// (a subclass adds fields such as the instance __dict__ slot).
rp_obj_t *rp_contutil_alloc_zeroed(rp_type_t *type, size_t size);

// Free lists of GC containers (tuples, lists, dicts, as CPython keeps).
// A retired object's memory stays allocated but is no longer counted as
// an object (rp_mem_is_live_object) nor as a gc allocation; revive gives
// it back refcount 1 and its (static, exact) type, untracked.  As in
// CPython, reuse does not count toward the gc's generation-0 threshold.
static inline void rp_contutil_gc_retire(rp_obj_t *o)
{
    rp_mem_mark_object(rp_gc_head(o), false);
}
static inline void rp_contutil_gc_revive(rp_obj_t *o, rp_type_t *type)
{
    rp_gc_head_t *g = rp_gc_head(o);
    g->next = 0;
    g->prev = 0;
    rp_mem_mark_object(g, true);
    o->refcnt = 1;
    o->type = type;
}

// Default repr of an iterator-like object: "<enumerate object at 0x...>".
rp_obj_t *rp_contutil_default_repr(rp_obj_t *o);

#endif
