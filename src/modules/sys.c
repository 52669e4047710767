// The sys module: argv, exit, the memory-model probes (getrefcount,
// getsizeof, intern, getallocatedblocks), recursion limit, standard
// streams and the interactive hooks (displayhook, ps1/ps2).
#include <stdio.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "vm/introspect.h"
#include "modules/registry.h"
#include "vm/vm.h"

#define SYSFN(fn) static rp_obj_t *fn(rp_obj_t *self, rp_obj_t *const *args, \
                                      size_t nargs, rp_obj_t *kwnames)

SYSFN(sys_exit)
{
    if (rp_arg_count("exit", nargs, 0, 1) < 0)
        return NULL;
    // SystemExit(None) carries no args, as CPython's PyErr_SetObject.
    rp_err_set_value(&rp_exc_SystemExit, nargs && args[0] != rp_None ? args[0] : NULL);
    return NULL;
}

SYSFN(sys_getrefcount)
{
    if (rp_arg_exactly_one("getrefcount", nargs) < 0)
        return NULL;
    // The argument slot of this call holds one of the counted references,
    // exactly as in CPython.
    return rp_int_from_ssize(args[0]->refcnt);
}

// The object's own size: its __sizeof__ when the type defines one, else
// the fixed part plus items.  The gc header is added for containers.
SYSFN(sys_getsizeof)
{
    static const char *const kw[] = {"object", "default", NULL};
    rp_obj_t *a[2];
    if (rp_arg_parse("getsizeof", args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return NULL;
    rp_obj_t *o = a[0];
    rp_obj_t *size = rp_obj_call_method(o, "__sizeof__", NULL, 0);
    if (!size) {
        if (a[1] && rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            return rp_newref(a[1]);
        }
        return NULL;
    }
    if (!rp_int_check(size)) {
        rp_decref(size);
        return rp_err_format(&rp_exc_TypeError, "an integer is required");
    }
    rp_ssize_t n = rp_int_as_ssize(size);
    rp_decref(size);
    if (n == -1 && rp_err_occurred())
        return NULL;
    if (n < 0)
        return rp_err_format(&rp_exc_ValueError, "__sizeof__() should return >= 0");
    if (rp_gc_has_header(o))
        n += (rp_ssize_t)sizeof(rp_gc_head_t);
    return rp_int_from_ssize(n);
}

SYSFN(sys_intern)
{
    if (rp_arg_exactly_one("intern", nargs) < 0)
        return NULL;
    if (!rp_str_check_exact(args[0]))
        return rp_err_format(&rp_exc_TypeError, "intern() argument must be str, not %T", args[0]);
    rp_obj_t *s = rp_newref(args[0]);
    rp_str_intern_take(&s);
    return s;
}

SYSFN(sys_getrecursionlimit)
{
    if (rp_arg_count("getrecursionlimit", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_i64(rp_recursion_limit);
}

SYSFN(sys_getframe)
{
    if (rp_arg_no_kw("_getframe", kwnames) < 0 || rp_arg_count("_getframe", nargs, 0, 1) < 0)
        return NULL;
    rp_ssize_t depth = nargs ? rp_number_as_ssize(args[0], &rp_exc_OverflowError) : 0;
    if (depth == -1 && rp_err_occurred())
        return NULL;
    return rp_vm_getframe(depth);
}

SYSFN(sys_setrecursionlimit)
{
    if (rp_arg_exactly_one("setrecursionlimit", nargs) < 0)
        return NULL;
    if (!rp_int_check(args[0]))
        return rp_err_format(&rp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             rp_type_name(RP_TYPE(args[0])));
    rp_ssize_t n = rp_int_as_ssize(args[0]);
    if (n == -1 && rp_err_occurred())
        return NULL;
    if (n < 1)
        return rp_err_format(&rp_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > 0x7fffffff)
        return rp_err_format(&rp_exc_OverflowError, "Python int too large to convert to C int");
    if (n <= rp_recursion_depth)
        return rp_err_format(&rp_exc_RecursionError,
                             "cannot set the recursion limit to %zd at the recursion depth %d: "
                             "the limit is too low", n, rp_recursion_depth);
    rp_recursion_limit = (int)n;
    return rp_newref(rp_None);
}

SYSFN(sys_getallocatedblocks)
{
    if (rp_arg_count("getallocatedblocks", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_u64(rp_mem_blocks());
}

SYSFN(sys_get_int_max_str_digits)
{
    return rp_int_from_i64(rp_int_max_str_digits);
}

SYSFN(sys_set_int_max_str_digits)
{
    static const char *const kw[] = {"maxdigits", NULL};
    rp_obj_t *a[1];
    if (rp_arg_parse("set_int_max_str_digits", args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return NULL;
    rp_ssize_t n = rp_number_as_ssize(a[0], &rp_exc_OverflowError);
    if (n == -1 && rp_err_occurred())
        return NULL;
    if (n != 0 && n < 640)
        return rp_err_format(&rp_exc_ValueError, "maxdigits must be 0 or larger than %d", 640);
    rp_int_max_str_digits = (int)n;
    return rp_newref(rp_None);
}

// sys.displayhook(value): prints repr(value) and binds builtins._, as
// CPython's sys_displayhook.
SYSFN(sys_displayhook)
{
    if (rp_arg_exactly_one("displayhook", nargs) < 0)
        return NULL;
    // CPython's hook starts by looking up the builtins module
    // (PyImport_GetModule), whose check of __spec__._initializing raises
    // and clears an AttributeError: the exception object and its 1-tuple
    // of arguments, which ends on the tuple free list.  refpy has no such
    // lookup; it counts those objects the same way.
    rp_obj_t *exc_args = rp_tuple_hold_temporary(1);
    rp_gc_on_alloc();
    rp_gc_on_free();
    rp_tuple_release_temporary(exc_args);
    rp_obj_t *o = args[0];
    if (o == rp_None)
        return rp_newref(rp_None);
    if (rp_dict_set_cstr(rp_interp.builtins, "_", rp_None) < 0)
        return NULL;
    rp_obj_t *out = rp_dict_get_cstr_borrow(rp_module_dict_borrow(rp_interp.sys_module), "stdout");
    if (!out || out == rp_None)
        return rp_err_format(&rp_exc_RuntimeError, "lost sys.stdout");
    rp_incref(out);
    // Each write is CPython's PyFile_WriteObject: out.write fetched as a
    // bound method (a gc object) before the text is made, freed after.
    rp_gc_on_alloc();
    rp_obj_t *text = rp_obj_repr(o);
    rp_obj_t *r = NULL;
    if (text) {
        r = rp_obj_call_method(out, "write", &text, 1);
        rp_decref(text);
    }
    rp_gc_on_free();
    if (r) {
        rp_decref(r);
        rp_gc_on_alloc();
        rp_obj_t *nl = rp_str_from_char('\n');
        r = nl ? rp_obj_call_method(out, "write", &nl, 1) : NULL;
        rp_xdecref(nl);
        rp_gc_on_free();
    }
    rp_decref(out);
    if (!r)
        return NULL;
    rp_decref(r);
    if (rp_dict_set_cstr(rp_interp.builtins, "_", o) < 0)
        return NULL;
    return rp_newref(rp_None);
}

SYSFN(sys_excepthook)
{
    if (rp_arg_count("excepthook", nargs, 3, 3) < 0)
        return NULL;
    rp_err_print_exception(args[1]);
    return rp_newref(rp_None);
}

SYSFN(sys_exc_info)
{
    rp_obj_t *e = rp_err_handled_borrow();
    if (!e || e == rp_None)
        return rp_tuple_pack(3, rp_None, rp_None, rp_None);
    rp_obj_t *tb = ((rp_exc_t *)e)->traceback;
    return rp_tuple_pack(3, RP_OBJ(RP_TYPE(e)), e, tb ? tb : rp_None);
}

SYSFN(sys_exception)
{
    rp_obj_t *e = rp_err_handled_borrow();
    return rp_newref(e ? e : rp_None);
}
// sys.version_info: a tuple subclass with named fields, as CPython's
// struct sequence ("sys.version_info(major=3, minor=11, ...)").
static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

static rp_obj_t *vi_field(rp_obj_t *self, int i) { return rp_newref(rp_tuple_get_borrow(self, i)); }
static rp_obj_t *vi_major(rp_obj_t *self) { return vi_field(self, 0); }
static rp_obj_t *vi_minor(rp_obj_t *self) { return vi_field(self, 1); }
static rp_obj_t *vi_micro(rp_obj_t *self) { return vi_field(self, 2); }
static rp_obj_t *vi_releaselevel(rp_obj_t *self) { return vi_field(self, 3); }
static rp_obj_t *vi_serial(rp_obj_t *self) { return vi_field(self, 4); }

static const rp_getset_def_t vi_getsets[] = {
    {"major", vi_major, NULL, NULL},
    {"minor", vi_minor, NULL, NULL},
    {"micro", vi_micro, NULL, NULL},
    {"releaselevel", vi_releaselevel, NULL, NULL},
    {"serial", vi_serial, NULL, NULL},
    {NULL},
};

static rp_obj_t *vi_repr(rp_obj_t *self)
{
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    if (rp_strbuf_append_cstr(&b, "sys.version_info(") < 0)
        goto fail;
    for (int i = 0; i < 5; i++) {
        if (rp_strbuf_append_format(&b, "%s%s=", i ? ", " : "", version_fields[i]) < 0 ||
            rp_strbuf_append_repr(&b, rp_tuple_get_borrow(self, i)) < 0)
            goto fail;
    }
    if (rp_strbuf_append_char(&b, ')') < 0)
        goto fail;
    return rp_strbuf_finish(&b);
fail:
    rp_strbuf_discard(&b);
    return NULL;
}

static rp_obj_t *vi_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    return rp_err_format(&rp_exc_TypeError, "cannot create 'sys.version_info' instances");
}

static rp_type_t version_info_type = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "sys.version_info",
    .flags = RP_TPFLAG_GC | RP_TPFLAG_TUPLE_SUBCLASS,
    .repr = vi_repr,
    .getsets = vi_getsets,
    .base = &rp_type_tuple,
};

// A version_info instance holding the items of the 5-tuple t.
static rp_obj_t *version_info_new(rp_obj_t *t)
{
    if (!(version_info_type.flags & RP_TPFLAG_READY)) {
        version_info_type.basicsize = rp_type_tuple.basicsize;
        version_info_type.itemsize = rp_type_tuple.itemsize;
        if (rp_type_ready(&version_info_type) < 0)
            return NULL;
    }
    rp_obj_t *arg = t;
    rp_obj_t *r = rp_type_tuple.new_(&version_info_type, &arg, 1, NULL);
    version_info_type.new_ = vi_tp_new;
    return r;
}


static const rp_method_def_t sys_functions[] = {
    {"exit", sys_exit, 0, NULL},
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"_getframe", sys_getframe, 0, NULL},
    {"getallocatedblocks", sys_getallocatedblocks, 0, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {"excepthook", sys_excepthook, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {NULL},
};

rp_obj_t *rp_mod_sys_create(void)
{
    rp_obj_t *m = rp_module_new("sys");
    if (!m)
        return NULL;
    rp_obj_t *d = rp_module_dict_borrow(m);
    if (rp_module_add_functions(m, sys_functions) < 0)
        goto fail;
    // The original hooks, as CPython keeps them.
    rp_obj_t *dh = rp_dict_get_cstr_borrow(d, "displayhook");
    rp_obj_t *eh = rp_dict_get_cstr_borrow(d, "excepthook");
    if (rp_dict_set_cstr(d, "__displayhook__", dh) < 0 ||
        rp_dict_set_cstr(d, "__excepthook__", eh) < 0)
        goto fail;
    rp_obj_t *out = rp_file_from_fd(1, "<stdout>", "w");
    rp_obj_t *err = rp_file_from_fd(2, "<stderr>", "w");
    rp_obj_t *in = rp_file_from_fd(0, "<stdin>", "r");
    if (!out || !err || !in) {
        rp_xdecref(out);
        rp_xdecref(err);
        rp_xdecref(in);
        goto fail;
    }
    int r = rp_dict_set_cstr(d, "stdout", out) | rp_dict_set_cstr(d, "__stdout__", out) |
            rp_dict_set_cstr(d, "stderr", err) | rp_dict_set_cstr(d, "__stderr__", err) |
            rp_dict_set_cstr(d, "stdin", in) | rp_dict_set_cstr(d, "__stdin__", in);
    rp_decref(out);
    rp_decref(err);
    rp_decref(in);
    if (r)
        goto fail;
    rp_obj_t *argv = rp_interp.argv ? rp_newref(rp_interp.argv) : rp_list_new(0);
    if (rp_module_add_object_take(m, "argv", argv) < 0)
        goto fail;
    if (rp_interp.modules && rp_dict_set_cstr(d, "modules", rp_interp.modules) < 0)
        goto fail;
    rp_obj_t *path = rp_list_new(0);
    if (rp_module_add_object_take(m, "path", path) < 0)
        goto fail;
    if (rp_module_add_str(m, "version",
                          "3.11.7 (refpy 0.1, " __DATE__ ") [GCC-compatible C11]") < 0 ||
        rp_module_add_str(m, "platform", "linux") < 0 ||
        rp_module_add_str(m, "byteorder", "little") < 0 ||
        rp_module_add_str(m, "executable", "refpy") < 0 ||
        rp_module_add_int(m, "maxsize", INT64_MAX) < 0 ||
        rp_module_add_int(m, "maxunicode", 0x10FFFF) < 0 ||
        rp_module_add_int(m, "hexversion", 0x030B07F0) < 0 ||
        rp_module_add_int(m, "api_version", 1013) < 0)
        goto fail;
    rp_obj_t *final = rp_str_from_cstr("final");
    rp_obj_t *v3 = rp_int_from_i64(3), *v11 = rp_int_from_i64(11), *v7 = rp_int_from_i64(7),
             *v0 = rp_int_from_i64(0);
    rp_obj_t *vt = (final && v3 && v11 && v7 && v0) ? rp_tuple_pack(5, v3, v11, v7, final, v0) : NULL;
    rp_xdecref(final);
    rp_xdecref(v3);
    rp_xdecref(v11);
    rp_xdecref(v7);
    rp_xdecref(v0);
    rp_obj_t *vi = vt ? version_info_new(vt) : NULL;
    rp_xdecref(vt);
    if (rp_module_add_object_take(m, "version_info", vi) < 0)
        goto fail;
    rp_obj_t *names = rp_tuple_new(0);
    if (rp_module_add_object_take(m, "builtin_module_names", names) < 0)
        goto fail;
    return m;
fail:
    rp_decref(m);
    return NULL;
}
