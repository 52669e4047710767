// The gc module: the interface to the cycle collector (memory/gc.h) with
// CPython 3.11's functions, constants, argument checking and messages.
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "memory/gc.h"
#include "modules/registry.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/vm.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

// ---------------------------------------------------------------------
// Argument checking (the wording of CPython's METH_NOARGS / METH_O /
// argument clinic checks)

static int no_args(const char *name, size_t nargs, rp_obj_t *kwnames)
{
    if (rp_arg_no_kw(name, kwnames) < 0)
        return -1;
    if (nargs != 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

static int one_arg(const char *name, size_t nargs, rp_obj_t *kwnames)
{
    if (rp_arg_no_kw(name, kwnames) < 0)
        return -1;
    return rp_arg_exactly_one(name, nargs);
}

// The single optional argument `kw` of a clinic function, positional or
// by keyword.  *out is NULL when not given.
static int opt_arg(const char *fname, const char *kw, rp_obj_t *const *args, size_t nargs,
                   rp_obj_t *kwnames, rp_obj_t **out)
{
    size_t nkw = rp_arg_nkw(kwnames);
    *out = NULL;
    if (nargs + nkw > 1) {
        rp_err_format(&rp_exc_TypeError, "%s() takes at most 1 argument (%zu given)",
                      fname, nargs + nkw);
        return -1;
    }
    if (nargs == 1) {
        *out = args[0];
    } else if (nkw == 1) {
        rp_obj_t *name = rp_tuple_get_borrow(kwnames, 0);
        const char *s = rp_str_utf8(name, NULL);
        if (!s)
            return -1;
        if (strcmp(s, kw) != 0) {
            rp_err_format(&rp_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                          s, fname);
            return -1;
        }
        *out = args[0];
    }
    return 0;
}

// __index__ conversion to a C long; *v set.  0 / -1.
static int as_long(rp_obj_t *o, int64_t *v)
{
    rp_obj_t *i = rp_number_index(o);
    if (!i)
        return -1;
    *v = rp_int_as_i64(i);
    rp_decref(i);
    return *v == -1 && rp_err_occurred() ? -1 : 0;
}

// CPython's _PyLong_AsInt (clinic `int` parameters).
static int as_c_int(rp_obj_t *o, int *out)
{
    int64_t v;
    if (as_long(o, &v) < 0 || v > INT_MAX || v < INT_MIN) {
        if (!rp_err_occurred() || rp_err_matches(&rp_exc_OverflowError)) {
            rp_err_clear();
            rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    *out = (int)v;
    return 0;
}

// PyArg_ParseTuple's "i" format.
static int as_arg_int(rp_obj_t *o, int *out)
{
    int64_t v;
    if (as_long(o, &v) < 0)
        return -1;
    if (v > INT_MAX) {
        rp_err_set(&rp_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT_MIN) {
        rp_err_set(&rp_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// ---------------------------------------------------------------------
// Functions

FN(gc_enable)
{
    if (no_args("gc.enable", nargs, kwnames) < 0)
        return NULL;
    rp_gc_set_enabled(true);
    return rp_newref(rp_None);
}

FN(gc_disable)
{
    if (no_args("gc.disable", nargs, kwnames) < 0)
        return NULL;
    rp_gc_set_enabled(false);
    return rp_newref(rp_None);
}

FN(gc_isenabled)
{
    if (no_args("gc.isenabled", nargs, kwnames) < 0)
        return NULL;
    return rp_bool_from(rp_gc_is_enabled());
}

FN(gc_collect)
{
    rp_obj_t *arg;
    int gen = RP_GC_NUM_GENERATIONS - 1;
    if (opt_arg("collect", "generation", args, nargs, kwnames, &arg) < 0)
        return NULL;
    if (arg && as_c_int(arg, &gen) < 0)
        return NULL;
    rp_ssize_t n = rp_gc_collect(gen);
    if (n < 0)
        return NULL;
    return rp_int_from_ssize(n);
}

FN(gc_get_count)
{
    if (no_args("gc.get_count", nargs, kwnames) < 0)
        return NULL;
    int c[RP_GC_NUM_GENERATIONS];
    rp_gc_get_count(c);
    // Read before building the tuple, whose allocation counts too.
    rp_obj_t *a = rp_int_from_i64(c[0]), *b = rp_int_from_i64(c[1]),
             *d = rp_int_from_i64(c[2]);
    rp_obj_t *t = a && b && d ? rp_tuple_pack(3, a, b, d) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    rp_xdecref(d);
    return t;
}

FN(gc_get_threshold)
{
    if (no_args("gc.get_threshold", nargs, kwnames) < 0)
        return NULL;
    int c[RP_GC_NUM_GENERATIONS];
    rp_gc_get_threshold(c);
    rp_obj_t *a = rp_int_from_i64(c[0]), *b = rp_int_from_i64(c[1]),
             *d = rp_int_from_i64(c[2]);
    rp_obj_t *t = a && b && d ? rp_tuple_pack(3, a, b, d) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    rp_xdecref(d);
    return t;
}

FN(gc_set_threshold)
{
    if (rp_arg_no_kw("set_threshold", kwnames) < 0)
        return NULL;
    if (nargs < 1) {
        rp_err_format(&rp_exc_TypeError,
                      "set_threshold() takes at least 1 argument (%zu given)", nargs);
        return NULL;
    }
    if (nargs > 3) {
        rp_err_format(&rp_exc_TypeError,
                      "set_threshold() takes at most 3 arguments (%zu given)", nargs);
        return NULL;
    }
    int t[3];
    for (size_t i = 0; i < nargs; i++) {
        if (as_arg_int(args[i], &t[i]) < 0)
            return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        rp_gc_set_threshold((int)i, t[i]);
    return rp_newref(rp_None);
}

FN(gc_get_debug)
{
    if (no_args("gc.get_debug", nargs, kwnames) < 0)
        return NULL;
    return rp_int_from_i64(rp_gc_get_debug());
}

FN(gc_set_debug)
{
    if (one_arg("gc.set_debug", nargs, kwnames) < 0)
        return NULL;
    int flags;
    if (as_c_int(args[0], &flags) < 0)
        return NULL;
    rp_gc_set_debug(flags);
    return rp_newref(rp_None);
}

FN(gc_get_stats)
{
    if (no_args("gc.get_stats", nargs, kwnames) < 0)
        return NULL;
    rp_gc_stats_t st[RP_GC_NUM_GENERATIONS];
    rp_gc_get_stats(st);    // before allocating: allocations may collect
    rp_obj_t *result = rp_list_new(0);
    if (!result)
        return NULL;
    for (int i = 0; i < RP_GC_NUM_GENERATIONS; i++) {
        rp_obj_t *d = rp_dict_new();
        rp_obj_t *a = rp_int_from_ssize(st[i].collections);
        rp_obj_t *b = rp_int_from_ssize(st[i].collected);
        rp_obj_t *c = rp_int_from_ssize(st[i].uncollectable);
        bool ok = d && a && b && c && rp_dict_set_cstr(d, "collections", a) == 0 &&
                  rp_dict_set_cstr(d, "collected", b) == 0 &&
                  rp_dict_set_cstr(d, "uncollectable", c) == 0 &&
                  rp_list_append(result, d) == 0;
        rp_xdecref(a);
        rp_xdecref(b);
        rp_xdecref(c);
        rp_xdecref(d);
        if (!ok) {
            rp_decref(result);
            return NULL;
        }
    }
    return result;
}

FN(gc_get_objects)
{
    rp_obj_t *arg;
    if (opt_arg("get_objects", "generation", args, nargs, kwnames, &arg) < 0)
        return NULL;
    rp_ssize_t gen = -1;
    if (arg && arg != rp_None) {
        if (!rp_int_check(arg) && !arg->type->index) {
            rp_err_format(&rp_exc_TypeError, "argument should be integer or None, not '%.200s'",
                          rp_type_name(arg->type));
            return NULL;
        }
        gen = rp_number_as_ssize(arg, &rp_exc_OverflowError);
        if (gen == -1 && rp_err_occurred())
            return NULL;
        if (gen >= RP_GC_NUM_GENERATIONS) {
            rp_err_format(&rp_exc_ValueError,
                          "generation parameter must be less than the number of "
                          "available generations (%i)", RP_GC_NUM_GENERATIONS);
            return NULL;
        }
        if (gen < -1) {
            rp_err_set(&rp_exc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    return rp_gc_get_objects((int)gen);
}

FN(gc_get_referrers)
{
    if (rp_arg_no_kw("get_referrers", kwnames) < 0)
        return NULL;
    // CPython's gc.get_referrers takes its arguments as a tuple (METH_VARARGS).
    rp_obj_t *argtuple = rp_tuple_hold_temporary((rp_ssize_t)nargs);
    rp_obj_t *r = rp_gc_get_referrers(args, nargs);
    rp_tuple_release_temporary(argtuple);
    return r;
}

FN(gc_get_referents)
{
    if (rp_arg_no_kw("get_referents", kwnames) < 0)
        return NULL;
    // CPython's gc.get_referents takes its arguments as a tuple (METH_VARARGS).
    rp_obj_t *argtuple = rp_tuple_hold_temporary((rp_ssize_t)nargs);
    rp_obj_t *r = rp_gc_get_referents(args, nargs);
    rp_tuple_release_temporary(argtuple);
    return r;
}

FN(gc_is_tracked)
{
    if (one_arg("gc.is_tracked", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *o = args[0];
    return rp_bool_from(rp_gc_has_header(o) && rp_gc_is_tracked(o));
}

FN(gc_is_finalized)
{
    if (one_arg("gc.is_finalized", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *o = args[0];
    return rp_bool_from(rp_gc_has_header(o) && rp_gc_is_finalized(o));
}

FN(gc_freeze)
{
    if (no_args("gc.freeze", nargs, kwnames) < 0)
        return NULL;
    rp_gc_freeze();
    return rp_newref(rp_None);
}

FN(gc_unfreeze)
{
    if (no_args("gc.unfreeze", nargs, kwnames) < 0)
        return NULL;
    rp_gc_unfreeze();
    return rp_newref(rp_None);
}

FN(gc_get_freeze_count)
{
    if (no_args("gc.get_freeze_count", nargs, kwnames) < 0)
        return NULL;
    return rp_int_from_ssize(rp_gc_freeze_count());
}

// ---------------------------------------------------------------------
// Debug output goes to sys.stderr, as CPython's PySys_WriteStderr: any
// pending exception is kept, errors while writing are ignored, and C
// stderr is used when sys.stderr is missing or None.

static void write_stderr(const char *text)
{
    rp_obj_t *saved = rp_err_fetch();
    rp_obj_t *sysd = rp_interp.sys_module ? rp_module_dict_borrow(rp_interp.sys_module) : NULL;
    rp_obj_t *file = sysd ? rp_dict_get_cstr_borrow(sysd, "stderr") : NULL;
    if (!file || file == rp_None) {
        fputs(text, stderr);
        fflush(stderr);
    } else {
        rp_incref(file);
        rp_obj_t *s = rp_str_from_cstr(text);
        rp_obj_t *r = s ? rp_obj_call_method(file, "write", &s, 1) : NULL;
        rp_xdecref(r);
        rp_xdecref(s);
        rp_decref(file);
    }
    rp_err_clear();
    rp_err_restore(saved);
}

// ---------------------------------------------------------------------
// The module

static const rp_method_def_t gc_functions[] = {
    { "enable", gc_enable, 0, "Enable automatic garbage collection." },
    { "disable", gc_disable, 0, "Disable automatic garbage collection." },
    { "isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled." },
    { "collect", gc_collect, 0,
      "Run the garbage collector.\n\n"
      "With no arguments, run a full collection.  The optional argument\n"
      "may be an integer specifying which generation to collect.  A ValueError\n"
      "is raised if the generation number is invalid.\n\n"
      "The number of unreachable objects is returned." },
    { "get_count", gc_get_count, 0, "Return a three-tuple of the current collection counts." },
    { "get_threshold", gc_get_threshold, 0, "Return the current collection thresholds." },
    { "set_threshold", gc_set_threshold, 0,
      "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\n"
      "Sets the collection thresholds.  Setting threshold0 to zero disables\n"
      "collection.\n" },
    { "get_debug", gc_get_debug, 0, "Get the garbage collection debugging flags." },
    { "set_debug", gc_set_debug, 0,
      "Set the garbage collection debugging flags.\n\n"
      "  flags\n"
      "    An integer that can have the following bits turned on:\n"
      "      DEBUG_STATS - Print statistics during collection.\n"
      "      DEBUG_COLLECTABLE - Print collectable objects found.\n"
      "      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n"
      "        found.\n"
      "      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n"
      "      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\n"
      "Debugging information is written to sys.stderr." },
    { "get_stats", gc_get_stats, 0,
      "Return a list of dictionaries containing per-generation statistics." },
    { "get_objects", gc_get_objects, 0,
      "Return a list of objects tracked by the collector (excluding the list returned).\n\n"
      "  generation\n"
      "    Generation to extract the objects from.\n\n"
      "If generation is not None, return only the objects tracked by the collector\n"
      "that are in that generation." },
    { "get_referrers", gc_get_referrers, 0,
      "get_referrers(*objs) -> list\n"
      "Return the list of objects that directly refer to any of objs." },
    { "get_referents", gc_get_referents, 0,
      "get_referents(*objs) -> list\n"
      "Return the list of objects that are directly referred to by objs." },
    { "is_tracked", gc_is_tracked, 0,
      "Returns true if the object is tracked by the garbage collector.\n\n"
      "Simple atomic objects will return false." },
    { "is_finalized", gc_is_finalized, 0,
      "Returns true if the object has been already finalized by the GC." },
    { "freeze", gc_freeze, 0,
      "Freeze all current tracked objects and ignore them for future collections.\n\n"
      "This can be used before a POSIX fork() call to make the gc copy-on-write friendly.\n"
      "Note: collection before a POSIX fork() call may free pages for future allocation\n"
      "which can cause copy-on-write." },
    { "unfreeze", gc_unfreeze, 0,
      "Unfreeze all objects in the permanent generation.\n\n"
      "Put all objects in the permanent generation back into oldest generation." },
    { "get_freeze_count", gc_get_freeze_count, 0,
      "Return the number of objects in the permanent generation." },
    { NULL }
};

static const char gc_doc[] =
    "This module provides access to the garbage collector for reference cycles.\n\n"
    "enable() -- Enable automatic garbage collection.\n"
    "disable() -- Disable automatic garbage collection.\n"
    "isenabled() -- Returns true if automatic collection is enabled.\n"
    "collect() -- Do a full collection right now.\n"
    "get_count() -- Return the current collection counts.\n"
    "get_stats() -- Return list of dictionaries containing per-generation stats.\n"
    "set_debug() -- Set debugging flags.\n"
    "get_debug() -- Get debugging flags.\n"
    "set_threshold() -- Set the collection thresholds.\n"
    "get_threshold() -- Return the current the collection thresholds.\n"
    "get_objects() -- Return a list of all objects tracked by the collector.\n"
    "is_tracked() -- Returns true if a given object is tracked.\n"
    "is_finalized() -- Returns true if a given object has been already finalized.\n"
    "get_referrers() -- Return the list of objects that refer to an object.\n"
    "get_referents() -- Return the list of objects that an object refers to.\n"
    "freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
    "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
    "get_freeze_count() -- Return the number of objects in the permanent generation.\n";

rp_obj_t *rp_mod_gc_create(void)
{
    rp_gc_init();
    rp_obj_t *garbage = rp_gc_garbage_borrow();
    rp_obj_t *callbacks = rp_gc_callbacks_borrow();
    if (!garbage || !callbacks)
        return rp_err_nomemory();
    rp_obj_t *m = rp_module_new("gc");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, gc_functions) < 0 ||
        rp_module_add_str(m, "__doc__", gc_doc) < 0 ||
        rp_module_add_object_take(m, "garbage", rp_newref(garbage)) < 0 ||
        rp_module_add_object_take(m, "callbacks", rp_newref(callbacks)) < 0 ||
        rp_module_add_int(m, "DEBUG_STATS", RP_GC_DEBUG_STATS) < 0 ||
        rp_module_add_int(m, "DEBUG_COLLECTABLE", RP_GC_DEBUG_COLLECTABLE) < 0 ||
        rp_module_add_int(m, "DEBUG_UNCOLLECTABLE", RP_GC_DEBUG_UNCOLLECTABLE) < 0 ||
        rp_module_add_int(m, "DEBUG_SAVEALL", RP_GC_DEBUG_SAVEALL) < 0 ||
        rp_module_add_int(m, "DEBUG_LEAK", RP_GC_DEBUG_LEAK) < 0) {
        rp_decref(m);
        return NULL;
    }
    rp_gc_set_writer(write_stderr);
    return m;
}
