// The builtins module: the builtin functions (print, len, sorted, ...),
// the builtin types and exceptions under their Python names, and the
// exit/quit helpers.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/rangeobj.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "memory/gc.h"
#include "modules/registry.h"
#include "vm/vm.h"

#define BUILTIN(fn) static rp_obj_t *fn(rp_obj_t *self, rp_obj_t *const *args, \
                                        size_t nargs, rp_obj_t *kwnames)

// sys.stdout / sys.stderr (borrowed) or NULL with RuntimeError.
static rp_obj_t *sys_stream_borrow(const char *name)
{
    rp_obj_t *sysd = rp_interp.sys_module ? rp_module_dict_borrow(rp_interp.sys_module) : NULL;
    rp_obj_t *f = sysd ? rp_dict_get_cstr_borrow(sysd, name) : NULL;
    if (!f)
        rp_err_format(&rp_exc_RuntimeError, "lost sys.%s", name);
    return f;
}

static int write_to(rp_obj_t *file, rp_obj_t *s)
{
    if (rp_file_check(file))
        return rp_file_write_str(file, s);
    rp_obj_t *r = rp_obj_call_method(file, "write", &s, 1);
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

// CPython's PyFile_WriteObject: it fetches file.write as a bound method
// (a gc object, made before str(v) and freed after the call; its
// allocation may start a collection), then writes str(v).
static int write_str_of(rp_obj_t *file, rp_obj_t *v)
{
    rp_gc_on_alloc();
    rp_obj_t *s = rp_obj_str(v);
    int r = s ? write_to(file, s) : -1;
    rp_xdecref(s);
    rp_gc_on_free();
    return r;
}

static rp_obj_t *print_impl(rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_obj_t *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        rp_obj_t *v = args[nargs + k];
        if (rp_str_eq_cstr(kn, "sep")) sep = v;
        else if (rp_str_eq_cstr(kn, "end")) end = v;
        else if (rp_str_eq_cstr(kn, "file")) file = v;
        else if (rp_str_eq_cstr(kn, "flush")) flush = v;
        else
            return rp_err_format(&rp_exc_TypeError,
                                 "%R is an invalid keyword argument for print()", kn);
    }
    if (sep == rp_None) sep = NULL;
    if (end == rp_None) end = NULL;
    if (sep && !rp_str_check(sep))
        return rp_err_format(&rp_exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !rp_str_check(end))
        return rp_err_format(&rp_exc_TypeError, "end must be None or a string, not %T", end);
    if (!file || file == rp_None) {
        file = sys_stream_borrow("stdout");
        if (!file)
            return NULL;
        if (file == rp_None)
            return rp_newref(rp_None);
    }
    static rp_obj_t *space, *newline;
    if (!space) {
        space = rp_str_intern_cstr(" ");
        newline = rp_str_intern_cstr("\n");
        if (!space || !newline)
            return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_str_of(file, sep ? sep : space) < 0)
            return NULL;
        if (write_str_of(file, args[i]) < 0)
            return NULL;
    }
    if (write_str_of(file, end ? end : newline) < 0)
        return NULL;
    if (flush) {
        int t = rp_obj_is_true(flush);
        if (t < 0)
            return NULL;
        if (t) {
            rp_obj_t *r = rp_obj_call_method(file, "flush", NULL, 0);
            if (!r)
                return NULL;
            rp_decref(r);
        }
    }
    return rp_newref(rp_None);
}

// CPython's print parses its arguments with a keyword parser (its keyword
// tuple made at the first call) that packs the positional arguments into
// a tuple for the call.
BUILTIN(builtin_print)
{
    static bool kwtuple;
    rp_arg_note_kwtuple(&kwtuple, 4);
    rp_obj_t *varargs = rp_tuple_hold_temporary((rp_ssize_t)nargs);
    rp_obj_t *r = print_impl(args, nargs, kwnames);
    rp_tuple_release_temporary(varargs);
    return r;
}

BUILTIN(builtin_len)
{
    if (rp_arg_no_kw("len", kwnames) < 0 || rp_arg_exactly_one("len", nargs) < 0)
        return NULL;
    rp_ssize_t n = rp_obj_len(args[0]);
    return n < 0 ? NULL : rp_int_from_ssize(n);
}

BUILTIN(builtin_id)
{
    if (rp_arg_exactly_one("id", nargs) < 0)
        return NULL;
    return rp_int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static rp_obj_t *int_base_text(rp_obj_t *o, int base)
{
    rp_obj_t *i = rp_number_index(o);
    if (!i)
        return NULL;
    rp_obj_t *r = rp_int_to_base(i, base);
    rp_decref(i);
    return r;
}

BUILTIN(builtin_hex)
{
    if (rp_arg_exactly_one("hex", nargs) < 0)
        return NULL;
    return int_base_text(args[0], 16);
}

BUILTIN(builtin_oct)
{
    if (rp_arg_exactly_one("oct", nargs) < 0)
        return NULL;
    return int_base_text(args[0], 8);
}

BUILTIN(builtin_bin)
{
    if (rp_arg_exactly_one("bin", nargs) < 0)
        return NULL;
    return int_base_text(args[0], 2);
}

BUILTIN(builtin_repr)
{
    if (rp_arg_exactly_one("repr", nargs) < 0)
        return NULL;
    return rp_obj_repr(args[0]);
}

BUILTIN(builtin_ascii)
{
    if (rp_arg_exactly_one("ascii", nargs) < 0)
        return NULL;
    return rp_obj_ascii(args[0]);
}

BUILTIN(builtin_isinstance)
{
    if (rp_arg_count("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = rp_obj_isinstance(args[0], args[1]);
    return r < 0 ? NULL : rp_bool_from(r);
}

BUILTIN(builtin_issubclass)
{
    if (rp_arg_count("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = rp_obj_issubclass(args[0], args[1]);
    return r < 0 ? NULL : rp_bool_from(r);
}

BUILTIN(builtin_callable)
{
    if (rp_arg_exactly_one("callable", nargs) < 0)
        return NULL;
    return rp_bool_from(rp_obj_is_callable(args[0]));
}

BUILTIN(builtin_hash)
{
    if (rp_arg_exactly_one("hash", nargs) < 0)
        return NULL;
    rp_hash_t h = rp_obj_hash(args[0]);
    return h == -1 ? NULL : rp_int_from_i64(h);
}

BUILTIN(builtin_abs)
{
    if (rp_arg_exactly_one("abs", nargs) < 0)
        return NULL;
    return rp_number_unop(args[0], RP_UNOP_ABS);
}

// The special method name of type(o), or NULL if absent (an exception is set
// only if looking failed).
static rp_obj_t *special_method(rp_obj_t *o, const char *name)
{
    rp_obj_t *n = rp_str_intern_cstr(name);
    if (!n)
        return NULL;
    rp_obj_t *m = rp_type_lookup_borrow(RP_TYPE(o), n);
    rp_decref(n);
    return m;
}

// Calls type(a).<name>(a, b) if the type defines it; NotImplemented
// (new reference) when it does not.
static rp_obj_t *call_binary_dunder(rp_obj_t *a, const char *name, rp_obj_t *b)
{
    if (!special_method(a, name))
        return rp_err_occurred() ? NULL : rp_newref(rp_NotImplemented);
    return rp_obj_call_method(a, name, &b, 1);
}

BUILTIN(builtin_divmod)
{
    if (rp_arg_count("divmod", nargs, 2, 2) < 0)
        return NULL;
    rp_obj_t *a = args[0], *b = args[1];
    if (rp_int_check_exact(a) && rp_int_check_exact(b))
        return rp_int_divmod(a, b);
    rp_obj_t *r = call_binary_dunder(a, "__divmod__", b);
    if (r == rp_NotImplemented && RP_TYPE(a) != RP_TYPE(b)) {
        rp_decref(r);
        r = call_binary_dunder(b, "__rdivmod__", a);
    }
    if (r == rp_NotImplemented) {
        rp_decref(r);
        return rp_err_format(&rp_exc_TypeError,
                             "unsupported operand type(s) for divmod(): '%s' and '%s'",
                             rp_type_name(RP_TYPE(a)), rp_type_name(RP_TYPE(b)));
    }
    return r;
}

BUILTIN(builtin_pow)
{
    static const char *const kw[] = {"base", "exp", "mod", NULL};
    static bool kwtuple;
    rp_obj_t *a[3];
    if (kwnames || nargs < 2 || nargs > 3)
        rp_arg_note_kwtuple(&kwtuple, 3);
    if (rp_arg_parse("pow", args, nargs, kwnames, kw, 0, -1, 2, a) < 0)
        return NULL;
    if (a[2] && a[2] != rp_None)
        return rp_number_pow3(a[0], a[1], a[2]);
    return rp_number_binop(a[0], a[1], RP_BINOP_POW);
}

BUILTIN(builtin_round)
{
    static const char *const kw[] = {"number", "ndigits", NULL};
    static bool kwtuple;
    rp_obj_t *a[2];
    if (kwnames || nargs < 1 || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 2);
    if (rp_arg_parse("round", args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return NULL;
    if (!special_method(a[0], "__round__"))
        return rp_err_occurred() ? NULL
                                 : rp_err_format(&rp_exc_TypeError,
                                                 "type %s doesn't define __round__ method",
                                                 rp_type_name(RP_TYPE(a[0])));
    if (a[1] && a[1] != rp_None)
        return rp_obj_call_method(a[0], "__round__", &a[1], 1);
    return rp_obj_call_method(a[0], "__round__", NULL, 0);
}

BUILTIN(builtin_all)
{
    if (rp_arg_exactly_one("all", nargs) < 0)
        return NULL;
    rp_obj_t *it = rp_obj_iter(args[0]);
    if (!it)
        return NULL;
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        int t = rp_obj_is_true(item);
        rp_decref(item);
        if (t <= 0) {
            rp_decref(it);
            return t < 0 ? NULL : rp_newref(rp_False);
        }
    }
    rp_decref(it);
    return rp_err_occurred() ? NULL : rp_newref(rp_True);
}

BUILTIN(builtin_any)
{
    if (rp_arg_exactly_one("any", nargs) < 0)
        return NULL;
    rp_obj_t *it = rp_obj_iter(args[0]);
    if (!it)
        return NULL;
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        int t = rp_obj_is_true(item);
        rp_decref(item);
        if (t != 0) {
            rp_decref(it);
            return t < 0 ? NULL : rp_newref(rp_True);
        }
    }
    rp_decref(it);
    return rp_err_occurred() ? NULL : rp_newref(rp_False);
}

BUILTIN(builtin_iter)
{
    if (rp_arg_count("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2) {
        if (!rp_obj_is_callable(args[0]))
            return rp_err_format(&rp_exc_TypeError, "iter(v, w): v must be callable");
        return rp_callable_iter_new(args[0], args[1]);
    }
    return rp_obj_iter(args[0]);
}

BUILTIN(builtin_next)
{
    if (rp_arg_count("next", nargs, 1, 2) < 0)
        return NULL;
    if (!RP_TYPE(args[0])->next)
        return rp_err_format(&rp_exc_TypeError, "'%s' object is not an iterator",
                             rp_type_name(RP_TYPE(args[0])));
    rp_obj_t *r = RP_TYPE(args[0])->next(args[0]);
    if (r)
        return r;
    if (rp_err_occurred()) {
        if (nargs == 2 && rp_err_matches(&rp_exc_StopIteration)) {
            rp_err_clear();
            return rp_newref(args[1]);
        }
        return NULL;
    }
    if (nargs == 2)
        return rp_newref(args[1]);
    rp_err_set_value(&rp_exc_StopIteration, NULL);
    return NULL;
}

// aiter() and anext() call __aiter__ / __anext__.  There is no event
// loop: anext's default is accepted but not used (CPython wraps it in an
// awaitable that only an event loop would run).
BUILTIN(builtin_aiter)
{
    if (rp_arg_exactly_one("aiter", nargs) < 0)
        return NULL;
    if (!special_method(args[0], "__aiter__"))
        return rp_err_occurred() ? NULL
                                 : rp_err_format(&rp_exc_TypeError,
                                                 "'%s' object is not an async iterable",
                                                 rp_type_name(RP_TYPE(args[0])));
    rp_obj_t *it = rp_obj_call_method(args[0], "__aiter__", NULL, 0);
    if (it && !special_method(it, "__anext__")) {
        if (!rp_err_occurred())
            rp_err_format(&rp_exc_TypeError,
                          "aiter() returned not an async iterator of type '%s'",
                          rp_type_name(RP_TYPE(it)));
        rp_decref(it);
        return NULL;
    }
    return it;
}

BUILTIN(builtin_anext)
{
    if (rp_arg_count("anext", nargs, 1, 2) < 0)
        return NULL;
    if (!special_method(args[0], "__anext__"))
        return rp_err_occurred() ? NULL
                                 : rp_err_format(&rp_exc_TypeError,
                                                 "'%s' object is not an async iterator",
                                                 rp_type_name(RP_TYPE(args[0])));
    return rp_obj_call_method(args[0], "__anext__", NULL, 0);
}

BUILTIN(builtin_ord)
{
    if (rp_arg_exactly_one("ord", nargs) < 0)
        return NULL;
    rp_obj_t *o = args[0];
    if (rp_str_check(o)) {
        if (rp_str_len(o) != 1)
            return rp_err_format(&rp_exc_TypeError,
                                 "ord() expected a character, but string of length %zd found",
                                 rp_str_len(o));
        return rp_int_from_i64(rp_str_char(o, 0));
    }
    if (rp_bytes_check(o)) {
        if (rp_bytes_len(o) != 1)
            return rp_err_format(&rp_exc_TypeError,
                                 "ord() expected a character, but string of length %zd found",
                                 rp_bytes_len(o));
        return rp_int_from_i64((unsigned char)rp_bytes_data(o)[0]);
    }
    return rp_err_format(&rp_exc_TypeError, "ord() expected string of length 1, but %T found", o);
}

BUILTIN(builtin_chr)
{
    if (rp_arg_exactly_one("chr", nargs) < 0)
        return NULL;
    rp_ssize_t v = rp_number_as_ssize(args[0], &rp_exc_OverflowError);
    if (v == -1 && rp_err_occurred()) {
        if (rp_err_matches(&rp_exc_OverflowError)) {
            rp_err_clear();
            rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C int");
        }
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF)
        return rp_err_format(&rp_exc_ValueError, "chr() arg not in range(0x110000)");
    return rp_str_from_char((uint32_t)v);
}

static int check_attr_name(rp_obj_t *name)
{
    if (!rp_str_check(name)) {
        rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                      rp_type_name(RP_TYPE(name)));
        return -1;
    }
    return 0;
}

BUILTIN(builtin_getattr)
{
    if (rp_arg_count("getattr", nargs, 2, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 3) {
        rp_obj_t *r = rp_obj_getattr(args[0], args[1]);
        if (!r && rp_err_matches(&rp_exc_AttributeError)) {
            rp_err_clear();
            return rp_newref(args[2]);
        }
        return r;
    }
    return rp_obj_getattr(args[0], args[1]);
}

BUILTIN(builtin_setattr)
{
    if (rp_arg_count("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (rp_obj_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    return rp_newref(rp_None);
}

BUILTIN(builtin_delattr)
{
    if (rp_arg_count("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (rp_obj_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    return rp_newref(rp_None);
}

BUILTIN(builtin_hasattr)
{
    if (rp_arg_count("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    int r = rp_obj_hasattr(args[0], args[1]);
    return r < 0 ? NULL : rp_bool_from(r);
}

BUILTIN(builtin_sorted)
{
    if (nargs != 1)
        return rp_err_format(&rp_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    rp_obj_t *list = rp_list_from_iterable(args[0]);
    if (!list)
        return NULL;
    // list.sort(*, key=None, reverse=False) receives the keywords as given.
    rp_obj_t *sort = rp_obj_getattr_cstr(list, "sort");
    if (!sort) {
        rp_decref(list);
        return NULL;
    }
    rp_obj_t *r = rp_obj_call(sort, args + nargs, 0, kwnames);
    rp_decref(sort);
    if (!r) {
        rp_decref(list);
        return NULL;
    }
    rp_decref(r);
    return list;
}

// min() and max(): op is RP_LT for min, RP_GT for max.  argstuple: the
// positional arguments as a tuple when there are several, else NULL.
static rp_obj_t *min_max_impl(rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames,
                              rp_obj_t *argstuple, int op, const char *name)
{
    rp_obj_t *key = NULL, *dflt = NULL;
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        if (rp_str_eq_cstr(kn, "key"))
            key = args[nargs + k];
        else if (rp_str_eq_cstr(kn, "default"))
            dflt = args[nargs + k];
        else
            return rp_err_format(&rp_exc_TypeError,
                                 "%s() got an unexpected keyword argument '%U'", name, kn);
    }
    if (key == rp_None)
        key = NULL;
    if (nargs == 0)
        return rp_err_format(&rp_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return rp_err_format(&rp_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments",
                             name);
    rp_obj_t *it = rp_obj_iter(argstuple ? argstuple : args[0]);
    if (!it)
        return NULL;
    rp_obj_t *best = NULL, *bestkey = NULL, *item;
    while ((item = rp_iter_next(it))) {
        rp_obj_t *k = key ? rp_obj_call1(key, item) : rp_newref(item);
        if (!k) {
            rp_decref(item);
            goto fail;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = rp_obj_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            rp_decref(item);
            rp_decref(k);
            goto fail;
        }
        if (c) {
            rp_setref(&best, item);
            rp_setref(&bestkey, k);
        } else {
            rp_decref(item);
            rp_decref(k);
        }
    }
    if (rp_err_occurred())
        goto fail;
    rp_decref(it);
    rp_xdecref(bestkey);
    if (!best) {
        if (dflt)
            return rp_newref(dflt);
        return rp_err_format(&rp_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    rp_decref(it);
    rp_xdecref(best);
    rp_xdecref(bestkey);
    return NULL;
}

// CPython calls min() and max() through tp_call (METH_VARARGS |
// METH_KEYWORDS): a tuple of the positional arguments and a dict of the
// keyword arguments live during the call; refpy makes the same ones.
static rp_obj_t *min_max(rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames,
                         int op, const char *name)
{
    rp_obj_t *argstuple = NULL, *held = NULL, *kwdict = NULL;
    if (nargs > 1) {
        if (!(argstuple = rp_tuple_from_array(args, (rp_ssize_t)nargs)))
            return NULL;
    } else {
        held = rp_tuple_hold_temporary((rp_ssize_t)nargs);
    }
    if (rp_arg_nkw(kwnames) && !(kwdict = rp_dict_new()))
        rp_err_clear();
    rp_obj_t *r = min_max_impl(args, nargs, kwnames, argstuple, op, name);
    rp_xdecref(argstuple);
    rp_tuple_release_temporary(held);
    rp_xdecref(kwdict);
    return r;
}

BUILTIN(builtin_min) { return min_max(args, nargs, kwnames, RP_LT, "min"); }
BUILTIN(builtin_max) { return min_max(args, nargs, kwnames, RP_GT, "max"); }

BUILTIN(builtin_sum)
{
    static const char *const kw[] = {"", "start", NULL};
    static bool kwtuple;
    rp_obj_t *a[2];
    if (kwnames || nargs < 1 || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 1);
    if (nargs < 1)
        return rp_err_format(&rp_exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (rp_arg_parse("sum", args, nargs, kwnames, kw, 1, -1, 1, a) < 0)
        return NULL;
    rp_obj_t *acc = a[1] ? a[1] : RP_OBJ(&rp_small_ints[0 - RP_SMALL_INT_MIN]);
    if (rp_str_check(acc))
        return rp_err_format(&rp_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (rp_bytes_check(acc))
        return rp_err_format(&rp_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    rp_obj_t *it = rp_obj_iter(a[0]);
    if (!it)
        return NULL;
    rp_incref(acc);
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        rp_obj_t *r = rp_number_binop(acc, item, RP_BINOP_ADD);
        rp_decref(item);
        rp_decref(acc);
        if (!r) {
            rp_decref(it);
            return NULL;
        }
        acc = r;
    }
    rp_decref(it);
    if (rp_err_occurred()) {
        rp_decref(acc);
        return NULL;
    }
    return acc;
}

BUILTIN(builtin_input)
{
    if (rp_arg_count("input", nargs, 0, 1) < 0)
        return NULL;
    rp_obj_t *out = sys_stream_borrow("stdout");
    if (!out)
        return NULL;
    if (nargs == 1) {
        rp_obj_t *s = rp_obj_str(args[0]);
        if (!s)
            return NULL;
        int r = write_to(out, s);
        rp_decref(s);
        if (r < 0)
            return NULL;
    }
    rp_obj_t *fr = rp_obj_call_method(out, "flush", NULL, 0);
    if (!fr)
        return NULL;
    rp_decref(fr);
    rp_obj_t *in = sys_stream_borrow("stdin");
    if (!in)
        return NULL;
    rp_obj_t *line = rp_obj_call_method(in, "readline", NULL, 0);
    if (!line)
        return NULL;
    if (!rp_str_check(line)) {
        rp_decref(line);
        return rp_err_format(&rp_exc_TypeError, "object.readline() returned non-string");
    }
    rp_ssize_t n = rp_str_len(line);
    if (n == 0) {
        rp_decref(line);
        rp_err_set(&rp_exc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (rp_str_char(line, n - 1) == '\n') {
        rp_obj_t *s = rp_str_substr(line, 0, n - 1);
        rp_decref(line);
        return s;
    }
    return line;
}

BUILTIN(builtin_open)
{
    return rp_file_open(args, nargs, kwnames);
}

BUILTIN(builtin_globals)
{
    if (rp_arg_count("globals", nargs, 0, 0) < 0)
        return NULL;
    rp_obj_t *g = rp_vm_globals_borrow();
    if (!g)
        return rp_err_format(&rp_exc_SystemError, "globals(): no current frame");
    return rp_newref(g);
}

BUILTIN(builtin_locals)
{
    if (rp_arg_count("locals", nargs, 0, 0) < 0)
        return NULL;
    return rp_vm_locals();
}

BUILTIN(builtin_vars)
{
    if (rp_arg_count("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return rp_vm_locals();
    rp_obj_t *d = rp_obj_getattr_cstr(args[0], "__dict__");
    if (!d && rp_err_matches(&rp_exc_AttributeError)) {
        rp_err_clear();
        return rp_err_format(&rp_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

BUILTIN(builtin_dir)
{
    if (rp_arg_count("dir", nargs, 0, 1) < 0)
        return NULL;
    rp_obj_t *names;
    if (nargs == 0) {
        rp_obj_t *loc = rp_vm_locals();
        if (!loc)
            return NULL;
        names = rp_dict_keys_list(loc);
        rp_decref(loc);
    } else {
        // __dir__ is looked up on the type (dir(C) uses type.__dir__).
        rp_obj_t *meth = special_method(args[0], "__dir__");
        if (!meth)
            return rp_err_occurred() ? NULL : rp_err_format(&rp_exc_TypeError,
                                                            "object does not provide __dir__");
        rp_obj_t *r = rp_obj_call1(meth, args[0]);
        if (!r)
            return NULL;
        names = rp_list_from_iterable(r);
        rp_decref(r);
    }
    if (!names)
        return NULL;
    if (rp_list_sort(names, NULL, false) < 0) {
        rp_decref(names);
        return NULL;
    }
    return names;
}

BUILTIN(builtin_format)
{
    if (rp_arg_count("format", nargs, 1, 2) < 0)
        return NULL;
    rp_obj_t *spec = nargs == 2 ? args[1] : NULL;
    if (spec && !rp_str_check(spec))
        return rp_err_format(&rp_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    return rp_obj_format(args[0], spec);
}

BUILTIN(builtin_build_class)
{
    return rp_vm_build_class(self, args, nargs, kwnames);
}

BUILTIN(builtin_import)
{
    static const char *const kw[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    rp_obj_t *a[5];
    if (rp_arg_parse("__import__", args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return NULL;
    return rp_import_module(a[0]);
}

// exit / quit: objects whose repr explains themselves and whose call
// raises SystemExit.
typedef struct {
    rp_obj_t ob;
    const char *name;
} quitter_t;

static rp_obj_t *quitter_repr(rp_obj_t *self)
{
    return rp_str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((quitter_t *)self)->name);
}

static rp_obj_t *quitter_call(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (rp_arg_count(((quitter_t *)self)->name, nargs, 0, 1) < 0)
        return NULL;
    // CPython closes sys.stdin first; flushing stdout is what matters here.
    rp_err_set_value(&rp_exc_SystemExit, nargs && args[0] != rp_None ? args[0] : NULL);
    return NULL;
}

static rp_type_t quitter_type = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "_sitebuiltins.Quitter",
    .basicsize = sizeof(quitter_t),
    .repr = quitter_repr,
    .call = quitter_call,
};

static quitter_t exit_obj = {RP_STATIC_HEAD(quitter_type), "exit"};
static quitter_t quit_obj = {RP_STATIC_HEAD(quitter_type), "quit"};

static const rp_method_def_t builtin_functions[] = {
    {"__build_class__", builtin_build_class, 0, NULL},
    {"__import__", builtin_import, 0, NULL},
    {"abs", builtin_abs, 0, NULL},
    {"all", builtin_all, 0, NULL},
    {"any", builtin_any, 0, NULL},
    {"ascii", builtin_ascii, 0, NULL},
    {"bin", builtin_bin, 0, NULL},
    {"callable", builtin_callable, 0, NULL},
    {"chr", builtin_chr, 0, NULL},
    {"delattr", builtin_delattr, 0, NULL},
    {"dir", builtin_dir, 0, NULL},
    {"divmod", builtin_divmod, 0, NULL},
    {"format", builtin_format, 0, NULL},
    {"getattr", builtin_getattr, 0, NULL},
    {"globals", builtin_globals, 0, NULL},
    {"hasattr", builtin_hasattr, 0, NULL},
    {"hash", builtin_hash, 0, NULL},
    {"hex", builtin_hex, 0, NULL},
    {"id", builtin_id, 0, NULL},
    {"input", builtin_input, 0, NULL},
    {"isinstance", builtin_isinstance, 0, NULL},
    {"issubclass", builtin_issubclass, 0, NULL},
    {"iter", builtin_iter, 0, NULL},
    {"aiter", builtin_aiter, 0, NULL},
    {"anext", builtin_anext, 0, NULL},
    {"len", builtin_len, 0, NULL},
    {"locals", builtin_locals, 0, NULL},
    {"max", builtin_max, 0, NULL},
    {"min", builtin_min, 0, NULL},
    {"next", builtin_next, 0, NULL},
    {"oct", builtin_oct, 0, NULL},
    {"open", builtin_open, 0, NULL},
    {"ord", builtin_ord, 0, NULL},
    {"pow", builtin_pow, 0, NULL},
    {"print", builtin_print, 0, NULL},
    {"repr", builtin_repr, 0, NULL},
    {"round", builtin_round, 0, NULL},
    {"setattr", builtin_setattr, 0, NULL},
    {"sorted", builtin_sorted, 0, NULL},
    {"sum", builtin_sum, 0, NULL},
    {"vars", builtin_vars, 0, NULL},
    {NULL},
};

static const struct {
    const char *name;
    rp_type_t *type;
} builtin_types[] = {
    {"object", &rp_type_object}, {"type", &rp_type_type},
    {"int", &rp_type_int}, {"bool", &rp_type_bool}, {"float", &rp_type_float},
    {"str", &rp_type_str}, {"bytes", &rp_type_bytes},
    {"list", &rp_type_list}, {"tuple", &rp_type_tuple}, {"dict", &rp_type_dict},
    {"set", &rp_type_set}, {"frozenset", &rp_type_frozenset},
    {"range", &rp_type_range}, {"slice", &rp_type_slice},
    {"enumerate", &rp_type_enumerate}, {"zip", &rp_type_zip}, {"map", &rp_type_map},
    {"filter", &rp_type_filter}, {"reversed", &rp_type_reversed},
    {"property", &rp_type_property}, {"staticmethod", &rp_type_staticmethod},
    {"classmethod", &rp_type_classmethod}, {"super", &rp_type_super},
    {NULL, NULL},
};

rp_obj_t *rp_mod_builtins_create(void)
{
    rp_obj_t *m = rp_module_new("builtins");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, builtin_functions) < 0)
        goto fail;
    for (int i = 0; builtin_types[i].name; i++) {
        if (rp_module_add_object_take(m, builtin_types[i].name,
                                      rp_newref(RP_OBJ(builtin_types[i].type))) < 0)
            goto fail;
    }
    // Every exception type, aliases (IOError, EnvironmentError) included.
    for (int i = 0; rp_exc_table[i].name; i++) {
        if (rp_module_add_object_take(m, rp_exc_table[i].name,
                                      rp_newref(RP_OBJ(rp_exc_table[i].type))) < 0)
            goto fail;
    }
    // Readied now rather than at first use, so that the objects left at
    // exit do not depend on whether the program touched exit/quit.
    if (rp_type_ready(&quitter_type) < 0)
        goto fail;
    if (rp_module_add_object_take(m, "None", rp_newref(rp_None)) < 0 ||
        rp_module_add_object_take(m, "True", rp_newref(rp_True)) < 0 ||
        rp_module_add_object_take(m, "False", rp_newref(rp_False)) < 0 ||
        rp_module_add_object_take(m, "Ellipsis", rp_newref(rp_Ellipsis)) < 0 ||
        rp_module_add_object_take(m, "NotImplemented", rp_newref(rp_NotImplemented)) < 0 ||
        rp_module_add_object_take(m, "exit", rp_newref(RP_OBJ(&exit_obj))) < 0 ||
        rp_module_add_object_take(m, "quit", rp_newref(RP_OBJ(&quit_obj))) < 0 ||
        rp_module_add_object_take(m, "__debug__", rp_newref(rp_True)) < 0)
        goto fail;
    return m;
fail:
    rp_decref(m);
    return NULL;
}
