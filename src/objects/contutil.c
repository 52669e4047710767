// Helpers shared by the container types: repr recursion guard, length
// hints and index conversion with CPython's error wording.
#include <stdint.h>
#include <string.h>

#include "contutil.h"
#include "errors.h"
#include "str.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "../memory/alloc.h"

// Objects whose repr is in progress (a small stack: reprs nest).  The
// first 16 levels use a static array, so ordinary reprs allocate nothing
// and no block outlives them; a deeper stack is freed when it empties.
static rp_obj_t *repr_small[16];
static rp_obj_t **repr_stack = repr_small;
static rp_ssize_t repr_len, repr_cap = 16;

int rp_contutil_repr_enter(rp_obj_t *o)
{
    // CPython's first Py_ReprEnter makes the thread state's dict and the
    // "Py_Repr" list in it, both kept for good.
    static bool repr_list_made;
    if (!repr_list_made) {
        repr_list_made = true;
        rp_dict_note_permanent();
        rp_list_note_permanent();
    }
    for (rp_ssize_t i = repr_len - 1; i >= 0; i--)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        rp_ssize_t ncap = repr_cap * 2;
        rp_obj_t **n = rp_mem_alloc((size_t)ncap * sizeof(*n));
        if (!n) {
            rp_err_nomemory();
            return -1;
        }
        memcpy(n, repr_stack, (size_t)repr_len * sizeof(*n));
        if (repr_stack != repr_small)
            rp_mem_free(repr_stack);
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void rp_contutil_repr_leave(rp_obj_t *o)
{
    // Normally o is on top; search anyway so an unbalanced caller cannot
    // leave a stale entry behind.
    for (rp_ssize_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            for (rp_ssize_t j = i; j < repr_len - 1; j++)
                repr_stack[j] = repr_stack[j + 1];
            repr_len--;
            break;
        }
    }
    if (repr_len == 0 && repr_stack != repr_small) {
        rp_mem_free(repr_stack);
        repr_stack = repr_small;
        repr_cap = 16;
    }
}

void rp_contutil_fini(void)
{
    if (repr_len == 0 && repr_stack != repr_small) {
        rp_mem_free(repr_stack);
        repr_stack = repr_small;
        repr_cap = 16;
    }
}

rp_ssize_t rp_contutil_length_hint(rp_obj_t *o, rp_ssize_t dflt)
{
    if (o->type->len) {
        rp_ssize_t n = o->type->len(o);
        if (n >= 0)
            return n;
        if (!rp_err_matches(&rp_exc_TypeError))
            return -1;
        rp_err_clear();
    }
    static rp_obj_t *name;
    if (!name && !(name = rp_str_intern_cstr("__length_hint__")))
        return -1;
    rp_obj_t *meth = rp_type_lookup_borrow(o->type, name);
    if (!meth)
        return dflt;
    rp_obj_t *r = rp_obj_call_method(o, "__length_hint__", NULL, 0);
    if (!r) {
        if (rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            return dflt;
        }
        return -1;
    }
    if (r == rp_NotImplemented) {
        rp_decref(r);
        return dflt;
    }
    if (!rp_int_check(r)) {
        rp_err_format(&rp_exc_TypeError, "__length_hint__ must be an integer, not %T", r);
        rp_decref(r);
        return -1;
    }
    rp_ssize_t n = rp_int_as_ssize(r);
    rp_decref(r);
    if (n == -1 && rp_err_occurred())
        return -1;
    if (n < 0) {
        rp_err_set(&rp_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

// The int behind an index object (new reference), or NULL + TypeError.
static rp_obj_t *as_index(rp_obj_t *o)
{
    if (rp_int_check(o))
        return rp_newref(o);
    if (!o->type->index) {
        rp_err_format(&rp_exc_TypeError,
                      "'%.200s' object cannot be interpreted as an integer",
                      rp_type_name(o->type));
        return NULL;
    }
    return rp_number_index(o);
}

int rp_contutil_subscript_index(rp_obj_t *o, rp_ssize_t *out)
{
    if (rp_int_check(o) && rp_int_is_small(o)) {
        *out = (rp_ssize_t)rp_int_small_value(o);
        return 0;
    }
    rp_obj_t *i = as_index(o);
    if (!i)
        return -1;
    if (rp_int_is_small(i)) {
        *out = (rp_ssize_t)rp_int_small_value(i);
        rp_decref(i);
        return 0;
    }
    rp_err_format(&rp_exc_IndexError, "cannot fit '%.200s' into an index-sized integer",
                  rp_type_name(o->type));
    rp_decref(i);
    return -1;
}

int rp_contutil_index_clamped(rp_obj_t *o, rp_ssize_t *out)
{
    if (rp_int_check(o) && rp_int_is_small(o)) {
        *out = (rp_ssize_t)rp_int_small_value(o);
        return 0;
    }
    rp_obj_t *i = as_index(o);
    if (!i)
        return -1;
    if (rp_int_is_small(i))
        *out = (rp_ssize_t)rp_int_small_value(i);
    else
        *out = rp_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    rp_decref(i);
    return 0;
}

int rp_contutil_as_ssize(rp_obj_t *o, rp_ssize_t *out)
{
    if (rp_int_check(o) && rp_int_is_small(o)) {
        *out = (rp_ssize_t)rp_int_small_value(o);
        return 0;
    }
    rp_obj_t *i = as_index(o);
    if (!i)
        return -1;
    bool ok = rp_int_is_small(i);
    if (ok)
        *out = (rp_ssize_t)rp_int_small_value(i);
    rp_decref(i);
    if (!ok) {
        rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int rp_contutil_as_ssize_fit(rp_obj_t *o, rp_ssize_t *out)
{
    if (rp_int_check(o) && rp_int_is_small(o)) {
        *out = (rp_ssize_t)rp_int_small_value(o);
        return 0;
    }
    rp_obj_t *i = as_index(o);
    if (!i)
        return -1;
    bool ok = rp_int_is_small(i);
    if (ok)
        *out = (rp_ssize_t)rp_int_small_value(i);
    rp_decref(i);
    if (!ok) {
        rp_err_format(&rp_exc_OverflowError, "cannot fit '%.200s' into an index-sized integer",
                      rp_type_name(o->type));
        return -1;
    }
    return 0;
}

int rp_contutil_slice_index_not_none(rp_obj_t *o, rp_ssize_t *out)
{
    if (!rp_contutil_is_index(o)) {
        rp_err_set(&rp_exc_TypeError,
                   "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return rp_contutil_index_clamped(o, out);
}

int rp_contutil_noargs(const char *qualname, size_t nargs, rp_obj_t *kwnames)
{
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs != 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no arguments (%zu given)",
                      qualname, nargs);
        return -1;
    }
    return 0;
}

int rp_contutil_onearg(const char *qualname, size_t nargs, rp_obj_t *kwnames)
{
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs != 1) {
        rp_err_format(&rp_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                      qualname, nargs);
        return -1;
    }
    return 0;
}

rp_obj_t *rp_contutil_default_repr(rp_obj_t *o)
{
    return rp_str_from_format("<%s object at %p>", rp_type_name(o->type), (void *)o);
}

rp_obj_t *rp_contutil_alloc_zeroed(rp_type_t *type, size_t size)
{
    rp_obj_t *o = rp_obj_alloc(type, size);
    if (o && size > sizeof(rp_obj_t))
        memset((char *)o + sizeof(rp_obj_t), 0, size - sizeof(rp_obj_t));
    return o;
}
