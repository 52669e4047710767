// The _ctypes module, reduced to PyObj_FromPtr: the object living at an
// address (id()).  Unlike CPython, an address that holds no live object
// raises ValueError instead of crashing: the allocator knows its blocks.
#include <stdio.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "modules/registry.h"

// Whether p is a type reachable from `object` through the subclass lists
// (every ready type, static or heap, is in them).
static bool in_type_tree(rp_type_t *type, uintptr_t p, int depth)
{
    if ((uintptr_t)type == p)
        return true;
    rp_obj_t *subs = type->subclasses;
    if (!subs || depth > 200)
        return false;
    for (rp_ssize_t i = 0; i < rp_list_len(subs); i++) {
        rp_obj_t *a = rp_list_get_borrow(subs, i);
        if (in_type_tree((rp_type_t *)(uintptr_t)rp_int_as_i64(a), p, depth + 1))
            return true;
    }
    return false;
}

// Objects that live outside the allocator: singletons, the small-int
// cache, the one-character strs and bytes, and the static types.
static bool is_static_object(uintptr_t p)
{
    if (p == (uintptr_t)rp_None || p == (uintptr_t)rp_NotImplemented ||
        p == (uintptr_t)rp_Ellipsis || p == (uintptr_t)rp_True || p == (uintptr_t)rp_False)
        return true;
    uintptr_t lo = (uintptr_t)&rp_small_ints[0];
    uintptr_t hi = (uintptr_t)&rp_small_ints[RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1];
    if (p >= lo && p < hi)
        return (p - lo) % sizeof(rp_int_t) == 0;
    if (rp_str_is_static_addr((const void *)p) || rp_bytes_is_static_addr((const void *)p))
        return true;
    return in_type_tree(&rp_type_object, p, 0);
}

// The live object at address p, or NULL.  Never dereferences memory that
// is not a live block or a known static object.
static rp_obj_t *live_object_at(uintptr_t p)
{
    if (p == 0 || (p & 7) != 0)
        return NULL;
    if (is_static_object(p))
        return (rp_obj_t *)p;
    if ((p & (RP_ALIGN - 1)) != 0)
        return NULL;
    rp_obj_t *o = NULL;
    if (rp_mem_is_live_object((void *)p) && (uintptr_t)rp_gc_block_object((void *)p) == p)
        o = (rp_obj_t *)p;
    else if (p > sizeof(rp_gc_head_t) &&
             rp_mem_is_live_object((void *)(p - sizeof(rp_gc_head_t))) &&
             (uintptr_t)rp_gc_block_object((void *)(p - sizeof(rp_gc_head_t))) == p)
        o = (rp_obj_t *)p;
    if (o && o->refcnt <= 0)
        return NULL;
    return o;
}

static rp_obj_t *c_pyobj_fromptr(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("PyObj_FromPtr", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return rp_err_format(&rp_exc_TypeError,
                             "PyObj_FromPtr() takes exactly 1 argument (%zu given)", nargs);
    rp_obj_t *a = args[0];
    if (!rp_int_check(a))
        return rp_err_format(&rp_exc_TypeError, "an integer is required");
    // CPython's PyLong_AsVoidPtr: unsigned long for non-negative values,
    // long for negative ones.
    uintptr_t p;
    if (rp_int_sign(a) >= 0) {
        if (rp_int_bit_length(a) > 64)
            return rp_err_format(&rp_exc_OverflowError,
                                 "Python int too large to convert to C unsigned long");
        if (rp_int_bit_length(a) == 64) {
            // Past 2**63: the two's complement of the (negative) difference.
            rp_obj_t *two63 = rp_int_from_u64((uint64_t)1 << 63);
            rp_obj_t *low = two63 ? rp_number_binop(a, two63, RP_BINOP_SUB) : NULL;
            rp_xdecref(two63);
            if (!low)
                return NULL;
            p = ((uintptr_t)1 << 63) | (uintptr_t)rp_int_as_i64(low);
            rp_decref(low);
        } else {
            p = (uintptr_t)rp_int_as_i64(a);
        }
    } else {
        int64_t v = rp_int_as_i64(a);
        if (v == -1 && rp_err_occurred()) {
            rp_err_clear();
            return rp_err_format(&rp_exc_OverflowError,
                                 "Python int too large to convert to C long");
        }
        p = (uintptr_t)v;
    }
    rp_obj_t *o = live_object_at(p);
    if (!o)
        return rp_err_format(&rp_exc_ValueError, "no live object at address 0x%llx",
                             (unsigned long long)p);
    return rp_newref(o);
}

static const rp_method_def_t ctypes_functions[] = {
    { "PyObj_FromPtr", c_pyobj_fromptr, 0, NULL },
    { NULL }
};

rp_obj_t *rp_mod__ctypes_create(void)
{
    rp_obj_t *m = rp_module_new("_ctypes");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, ctypes_functions) < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
