// Calls of Python functions: binding positional, keyword, default,
// keyword-only, *args and **kwargs parameters with CPython 3.11's error
// messages, and the function type's call slot (C callers re-enter the VM).
#include <stdio.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/gen.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/call.h"
#include "vm/eval.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------
// Error messages (CPython's too_many_positional, missing_arguments,
// positional_only_passed_as_keyword)

static rp_obj_t *local_name(rp_code_t *co, int i)
{
    return rp_tuple_get_borrow(co->localsplusnames, i);
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" from the NULL slots of the
// range [start, end).
static void missing_arguments(rp_func_t *func, rp_frame_t *f, int start, int end,
                              int missing, const char *kind)
{
    rp_code_t *co = (rp_code_t *)func->code;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    int j = 0;
    for (int i = start; i < end; i++) {
        if (f->localsplus[i])
            continue;
        rp_obj_t *name = local_name(co, i);
        if (j > 0) {
            if (missing == 2)
                rp_strbuf_append_cstr(&b, " and ");
            else if (j == missing - 1)
                rp_strbuf_append_cstr(&b, ", and ");
            else
                rp_strbuf_append_cstr(&b, ", ");
        }
        rp_strbuf_append_repr(&b, name);
        j++;
    }
    rp_obj_t *names = rp_strbuf_finish(&b);
    if (!names)
        return;
    rp_err_format(&rp_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                  func->qualname, missing, kind, missing == 1 ? "" : "s", names);
    rp_decref(names);
}

static void too_many_positional(rp_func_t *func, rp_frame_t *f, size_t given)
{
    rp_code_t *co = (rp_code_t *)func->code;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (f->localsplus[i])
            kwonly_given++;
    rp_ssize_t defcount = func->defaults ? rp_tuple_len(func->defaults) : 0;
    char sig[64];
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %zd to %d", co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%d", co->argcount);
    }
    char kwsig[96] = "";
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    rp_err_format(&rp_exc_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
                  func->qualname, sig, plural ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
}

// 1 (error raised) if some keyword names a positional-only parameter.
static int positional_only_as_keyword(rp_func_t *func, rp_obj_t *kwnames)
{
    rp_code_t *co = (rp_code_t *)func->code;
    rp_ssize_t nkw = rp_tuple_len(kwnames);
    rp_strbuf_t b;
    int conflicts = 0;
    rp_strbuf_init(&b);
    for (int k = 0; k < co->posonlyargcount; k++) {
        rp_obj_t *pname = local_name(co, k);
        for (rp_ssize_t j = 0; j < nkw; j++) {
            rp_obj_t *kw = rp_tuple_get_borrow(kwnames, j);
            if (kw == pname || (rp_str_check(kw) && rp_str_eq(kw, pname))) {
                if (conflicts++)
                    rp_strbuf_append_cstr(&b, ", ");
                rp_strbuf_append_str(&b, kw);
            }
        }
    }
    if (!conflicts) {
        rp_strbuf_discard(&b);
        return 0;
    }
    rp_obj_t *names = rp_strbuf_finish(&b);
    if (names) {
        rp_err_format(&rp_exc_TypeError,
                      "%U() got some positional-only arguments passed as keyword "
                      "arguments: '%U'", func->qualname, names);
        rp_decref(names);
    }
    return 1;
}

// ---------------------------------------------------------------------
// Binding

int rp_vm_bind_args(rp_frame_t *f, rp_func_t *func, rp_obj_t *const *args,
                    size_t nargs, rp_obj_t *kwnames)
{
    rp_code_t *co = (rp_code_t *)func->code;
    rp_obj_t **locals = f->localsplus;
    int argcount = co->argcount;
    int total = argcount + co->kwonlyargcount;
    rp_obj_t *kwdict = NULL;
    if (co->flags & RP_CO_VARKEYWORDS) {
        kwdict = rp_dict_new();
        if (!kwdict)
            return -1;
        int idx = total + ((co->flags & RP_CO_VARARGS) ? 1 : 0);
        locals[idx] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++)
        locals[i] = rp_newref(args[i]);
    if (co->flags & RP_CO_VARARGS) {
        rp_obj_t *u = rp_tuple_from_array(args + n, (rp_ssize_t)(nargs - n));
        if (!u)
            return -1;
        locals[total] = u;
    }
    // Keyword arguments.
    if (kwnames) {
        rp_ssize_t nkw = rp_tuple_len(kwnames);
        for (rp_ssize_t k = 0; k < nkw; k++) {
            rp_obj_t *kw = rp_tuple_get_borrow(kwnames, k);
            rp_obj_t *value = args[nargs + (size_t)k];
            if (!rp_str_check(kw)) {
                rp_err_format(&rp_exc_TypeError, "%U() keywords must be strings", func->qualname);
                return -1;
            }
            int j = -1;
            // Identity first (interned names), then equality.
            for (int i = co->posonlyargcount; i < total; i++) {
                if (local_name(co, i) == kw) {
                    j = i;
                    break;
                }
            }
            if (j < 0) {
                for (int i = co->posonlyargcount; i < total; i++) {
                    if (rp_str_eq(local_name(co, i), kw)) {
                        j = i;
                        break;
                    }
                }
            }
            if (j < 0) {
                if (!kwdict) {
                    if (!positional_only_as_keyword(func, kwnames))
                        rp_err_format(&rp_exc_TypeError,
                                      "%U() got an unexpected keyword argument '%S'",
                                      func->qualname, kw);
                    return -1;
                }
                if (rp_dict_set(kwdict, kw, value) < 0)
                    return -1;
                continue;
            }
            if (locals[j]) {
                rp_err_format(&rp_exc_TypeError, "%U() got multiple values for argument '%S'",
                              func->qualname, kw);
                return -1;
            }
            locals[j] = rp_newref(value);
        }
    }
    if (nargs > (size_t)argcount && !(co->flags & RP_CO_VARARGS)) {
        too_many_positional(func, f, nargs);
        return -1;
    }
    // Missing positional arguments and defaults.
    if ((size_t)argcount > n) {
        rp_ssize_t defcount = func->defaults ? rp_tuple_len(func->defaults) : 0;
        int m = argcount - (int)defcount;
        int missing = 0;
        for (int i = (int)n; i < m; i++)
            if (!locals[i])
                missing++;
        if (missing) {
            missing_arguments(func, f, 0, m, missing, "positional");
            return -1;
        }
        int i = (int)n > m ? (int)n : m;
        for (; i < argcount; i++) {
            if (!locals[i])
                locals[i] = rp_newref(rp_tuple_get_borrow(func->defaults, i - m));
        }
    }
    // Keyword-only arguments.
    if (co->kwonlyargcount) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (locals[i])
                continue;
            rp_obj_t *name = local_name(co, i);
            if (func->kwdefaults) {
                rp_obj_t *d = rp_dict_get_borrow(func->kwdefaults, name);
                if (d) {
                    locals[i] = rp_newref(d);
                    continue;
                }
                if (rp_err_occurred())
                    return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(func, f, argcount, total, missing, "keyword-only");
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------
// Frames for calls

static inline rp_obj_t *func_builtins(rp_func_t *func)
{
    return func->builtins ? func->builtins : rp_interp.builtins;
}

rp_frame_t *rp_vm_frame_for_call(rp_func_t *func, rp_obj_t *const *args,
                                 size_t nargs, rp_obj_t *kwnames)
{
    rp_code_t *co = (rp_code_t *)func->code;
    rp_frame_t *f = rp_datastack_push(rp_frame_size(co));
    if (!f)
        return NULL;
    rp_incref(RP_OBJ(co));
    rp_incref(RP_OBJ(func));
    rp_frame_init(f, co, RP_OBJ(func), func->globals, func_builtins(func), RP_FRAME_DATASTACK);
    memset(f->localsplus, 0, sizeof(rp_obj_t *) * (size_t)co->nlocalsplus);
    if (rp_vm_bind_args(f, func, args, nargs, kwnames) < 0 ||
        (!(co->flags & RP_CO_NOFREE) && rp_frame_make_cells(f) < 0)) {
        rp_vm_frame_discard(f);
        return NULL;
    }
    return f;
}

void rp_vm_frame_discard(rp_frame_t *f)
{
    rp_frame_clear(f);
    rp_datastack_pop(f);
}

rp_obj_t *rp_vm_make_generator(rp_func_t *func, rp_obj_t *const *args,
                               size_t nargs, rp_obj_t *kwnames)
{
    rp_frame_t *f;
    rp_obj_t *gen = rp_gen_new_for(RP_OBJ(func), &f);
    if (!gen)
        return NULL;
    rp_code_t *co = f->code;
    if (rp_vm_bind_args(f, func, args, nargs, kwnames) < 0 ||
        (!(co->flags & RP_CO_NOFREE) && rp_frame_make_cells(f) < 0)) {
        rp_decref(gen);
        return NULL;
    }
    rp_gen_start_tracking(gen);
    return gen;
}

rp_obj_t *rp_func_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                       rp_obj_t *kwnames)
{
    rp_func_t *func = (rp_func_t *)callable;
    if (kwnames && rp_tuple_len(kwnames) == 0)
        kwnames = NULL;
    if (((rp_code_t *)func->code)->flags & RP_CO_GENERATOR)
        return rp_vm_make_generator(func, args, nargs, kwnames);
    rp_frame_t *f = rp_vm_frame_for_call(func, args, nargs, kwnames);
    if (!f)
        return NULL;
    return rp_vm_run_frame(f, false);
}

// ---------------------------------------------------------------------
// Messages and f(*args, **kwargs)

rp_obj_t *rp_vm_func_str(rp_obj_t *func)
{
    rp_obj_t *qualname = rp_obj_getattr_cstr(func, "__qualname__");
    if (!qualname || !rp_str_check(qualname)) {
        rp_xdecref(qualname);
        rp_err_clear();
        return rp_str_from_format("%s object", rp_type_name(func->type));
    }
    rp_obj_t *module = rp_obj_getattr_cstr(func, "__module__");
    rp_obj_t *r;
    if (module && rp_str_check(module) && !rp_str_eq_cstr(module, "builtins"))
        r = rp_str_from_format("%U.%U()", module, qualname);
    else
        r = rp_str_from_format("%U()", qualname);
    rp_err_clear();
    rp_xdecref(module);
    rp_decref(qualname);
    if (!r) {
        rp_err_clear();
        return rp_str_from_cstr("function");
    }
    return r;
}

// The positional arguments of f(*x) as a tuple.  New reference.
static rp_obj_t *star_args_tuple(rp_obj_t *func, rp_obj_t *callargs)
{
    if (rp_tuple_check(callargs))
        return rp_newref(callargs);
    if (!callargs->type->iter && !callargs->type->getitem) {
        rp_obj_t *fs = rp_vm_func_str(func);
        rp_err_format(&rp_exc_TypeError, "%U argument after * must be an iterable, not %s",
                      fs, rp_type_name(callargs->type));
        rp_xdecref(fs);
        return NULL;
    }
    return rp_tuple_from_iterable(callargs);
}

rp_obj_t *rp_vm_call_ex(rp_obj_t *func, rp_obj_t *callargs, rp_obj_t *kwargs)
{
    rp_obj_t *args = star_args_tuple(func, callargs);
    if (!args)
        return NULL;
    rp_obj_t *kw = NULL;
    if (kwargs && !rp_dict_check(kwargs)) {
        kw = rp_dict_new();
        if (!kw)
            goto fail;
        if (rp_dict_merge(kw, kwargs, 2) < 0) {
            if (rp_err_matches(&rp_exc_AttributeError)) {
                rp_err_clear();
                rp_obj_t *fs = rp_vm_func_str(func);
                rp_err_format(&rp_exc_TypeError, "%U argument after ** must be a mapping, not %s",
                              fs, rp_type_name(kwargs->type));
                rp_xdecref(fs);
            }
            goto fail;
        }
    } else if (kwargs) {
        kw = rp_newref(kwargs);
    }
    rp_obj_t *r = rp_obj_call_tuple_dict(func, args, kw);
    rp_decref(args);
    rp_xdecref(kw);
    return r;
fail:
    rp_decref(args);
    rp_xdecref(kw);
    return NULL;
}
