// The slow halves of instructions, kept out of the dispatch loop: name
// lookups through mappings, unpacking, raise, exception matching, with,
// imports, formatting, and the "Did you mean" suggestions of tracebacks.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/dict.h"
#include "memory/alloc.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/rangeobj.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "vm/call.h"
#include "vm/eval.h"
#include "vm/frameobj.h"
#include "vm/ops.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------
// Name errors

static void set_name_error(rp_type_t *type, rp_obj_t *name, const char *fmt)
{
    const char *u = rp_str_utf8(name, NULL);
    if (!u)
        return;
    size_t n = strlen(fmt) + strlen(u) + 1;
    char *msg = rp_mem_alloc(n);
    if (!msg) {
        rp_err_nomemory();
        return;
    }
    snprintf(msg, n, fmt, u);
    rp_exc_set_name_error(type, name, msg);
    rp_mem_free(msg);
}

void rp_ops_name_error(rp_frame_t *f, rp_obj_t *name)
{
    (void)f;
    set_name_error(&rp_exc_NameError, name, "name '%s' is not defined");
}

void rp_ops_unbound_local(rp_code_t *co, int i)
{
    set_name_error(&rp_exc_UnboundLocalError, rp_tuple_get_borrow(co->localsplusnames, i),
                   "cannot access local variable '%s' where it is not associated with a value");
}

void rp_ops_unbound_deref(rp_code_t *co, int i)
{
    rp_obj_t *name = rp_tuple_get_borrow(co->localsplusnames, i);
    if (co->localspluskinds[i] & RP_FAST_FREE)
        set_name_error(&rp_exc_NameError, name,
                       "cannot access free variable '%s' where it is not associated with a "
                       "value in enclosing scope");
    else
        set_name_error(&rp_exc_UnboundLocalError, name,
                       "cannot access local variable '%s' where it is not associated with a value");
}

// ---------------------------------------------------------------------
// Names through mappings

// mapping[name] for a dict or any mapping; borrowed for dicts, else new
// reference in *owned.  NULL without exception when absent.
static rp_obj_t *mapping_get(rp_obj_t *m, rp_obj_t *name, rp_obj_t **owned)
{
    *owned = NULL;
    if (rp_dict_check(m) && m->type->getitem == rp_type_dict.getitem)
        return rp_dict_get_str_borrow(m, name);
    rp_obj_t *v = rp_obj_getitem(m, name);
    if (!v) {
        if (rp_err_matches(&rp_exc_KeyError))
            rp_err_clear();
        return NULL;
    }
    *owned = v;
    return v;
}

rp_obj_t *rp_ops_load_name(rp_frame_t *f, rp_obj_t *name)
{
    rp_obj_t *owned, *v;
    if (!f->locals)
        return rp_err_format(&rp_exc_SystemError, "no locals when loading %R", name);
    v = mapping_get(f->locals, name, &owned);
    if (v)
        return owned ? owned : rp_newref(v);
    if (rp_err_occurred())
        return NULL;
    v = rp_dict_get_str_borrow(f->globals, name);
    if (v)
        return rp_newref(v);
    if (rp_err_occurred())
        return NULL;
    v = mapping_get(f->builtins, name, &owned);
    if (v)
        return owned ? owned : rp_newref(v);
    if (!rp_err_occurred())
        rp_ops_name_error(f, name);
    return NULL;
}

rp_obj_t *rp_ops_load_global(rp_frame_t *f, rp_obj_t *name, bool *in_builtins)
{
    rp_obj_t *v = rp_dict_get_str_borrow(f->globals, name);
    *in_builtins = false;
    if (v)
        return v;
    if (rp_err_occurred())
        return NULL;
    v = rp_dict_get_str_borrow(f->builtins, name);
    if (v) {
        *in_builtins = true;
        return v;
    }
    if (!rp_err_occurred())
        rp_ops_name_error(f, name);
    return NULL;
}

rp_obj_t *rp_ops_load_classderef(rp_frame_t *f, int i)
{
    rp_code_t *co = f->code;
    rp_obj_t *name = rp_tuple_get_borrow(co->localsplusnames, i);
    if (f->locals) {
        rp_obj_t *owned;
        rp_obj_t *v = mapping_get(f->locals, name, &owned);
        if (v)
            return owned ? owned : rp_newref(v);
        if (rp_err_occurred())
            return NULL;
    }
    rp_obj_t *cell = f->localsplus[i];
    rp_obj_t *v = cell ? ((rp_cell_t *)cell)->ref : NULL;
    if (!v) {
        rp_ops_unbound_deref(co, i);
        return NULL;
    }
    return rp_newref(v);
}

int rp_ops_store_name(rp_frame_t *f, rp_obj_t *name, rp_obj_t *v)
{
    if (!f->locals) {
        rp_err_format(&rp_exc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (rp_dict_check(f->locals) && f->locals->type->setitem == rp_type_dict.setitem)
        return rp_dict_set(f->locals, name, v);
    return rp_obj_setitem(f->locals, name, v);
}

int rp_ops_delete_name(rp_frame_t *f, rp_obj_t *name)
{
    if (!f->locals) {
        rp_err_format(&rp_exc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (rp_obj_delitem(f->locals, name) < 0) {
        if (rp_err_matches(&rp_exc_KeyError)) {
            rp_err_clear();
            rp_ops_name_error(f, name);
        }
        return -1;
    }
    return 0;
}

int rp_ops_delete_global(rp_frame_t *f, rp_obj_t *name)
{
    int r = rp_dict_pop_if_present(f->globals, name, NULL);
    if (r < 0)
        return -1;
    if (r == 0) {
        rp_ops_name_error(f, name);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------
// Unpacking

static bool is_sequence_like(rp_obj_t *o)
{
    return o->type->iter != NULL || (o->type->getitem != NULL && !rp_dict_check(o));
}

static rp_obj_t *unpack_iter(rp_obj_t *seq)
{
    rp_obj_t *it = rp_obj_iter(seq);
    if (!it && rp_err_matches(&rp_exc_TypeError) && !is_sequence_like(seq)) {
        rp_err_clear();
        rp_err_format(&rp_exc_TypeError, "cannot unpack non-iterable %s object",
                      rp_type_name(seq->type));
    }
    return it;
}

int rp_ops_unpack(rp_obj_t *seq, int n, rp_obj_t **out)
{
    rp_obj_t *it = unpack_iter(seq);
    if (!it)
        return -1;
    int i = 0;
    for (; i < n; i++) {
        rp_obj_t *v = rp_iter_next(it);
        if (!v) {
            if (!rp_err_occurred())
                rp_err_format(&rp_exc_ValueError,
                              "not enough values to unpack (expected %d, got %d)", n, i);
            goto fail;
        }
        out[n - 1 - i] = v;
    }
    rp_obj_t *extra = rp_iter_next(it);
    if (extra) {
        rp_decref(extra);
        rp_err_format(&rp_exc_ValueError, "too many values to unpack (expected %d)", n);
        goto fail;
    }
    if (rp_err_occurred())
        goto fail;
    rp_decref(it);
    return 0;
fail:
    for (int j = 0; j < i; j++)
        rp_decref(out[n - 1 - j]);
    rp_decref(it);
    return -1;
}

int rp_ops_unpack_ex(rp_obj_t *seq, int before, int after, rp_obj_t **out)
{
    int total = before + 1 + after;
    rp_obj_t *it = unpack_iter(seq);
    if (!it)
        return -1;
    int i = 0;
    rp_obj_t *list = NULL;
    for (; i < before; i++) {
        rp_obj_t *v = rp_iter_next(it);
        if (!v) {
            if (!rp_err_occurred())
                rp_err_format(&rp_exc_ValueError,
                              "not enough values to unpack (expected at least %d, got %d)",
                              before + after, i);
            goto fail;
        }
        out[total - 1 - i] = v;
    }
    list = rp_list_from_iterable(it);
    if (!list)
        goto fail;
    rp_ssize_t ll = rp_list_len(list);
    if (ll < after) {
        rp_err_format(&rp_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      before + after, before + ll);
        goto fail;
    }
    // The last `after` items move from the list to their own slots.
    for (int j = 0; j < after; j++) {
        rp_obj_t *v = rp_list_get_borrow(list, ll - after + j);
        out[after - 1 - j] = rp_newref(v);
    }
    if (after) {
        // Shrink the list: drop the moved tail.
        rp_obj_t *tail_start = rp_int_from_ssize(ll - after);
        rp_obj_t *sl = tail_start ? rp_slice_new(tail_start, NULL, NULL) : NULL;
        rp_xdecref(tail_start);
        if (!sl || rp_obj_delitem(list, sl) < 0) {
            rp_xdecref(sl);
            for (int j = 0; j < after; j++)
                rp_decref(out[j]);
            goto fail;
        }
        rp_decref(sl);
    }
    out[after] = list;
    rp_decref(it);
    return 0;
fail:
    for (int j = 0; j < i; j++)
        rp_decref(out[total - 1 - j]);
    rp_xdecref(list);
    rp_decref(it);
    return -1;
}

// ---------------------------------------------------------------------
// raise and except

static bool is_exc_class(rp_obj_t *o)
{
    return rp_type_check(o) && rp_type_has_flag((rp_type_t *)o, RP_TPFLAG_BASE_EXC_SUBCLASS);
}

// An exception instance from a class or instance (new reference), or
// NULL with an exception set.
static rp_obj_t *make_exception(rp_obj_t *e, const char *bad_msg)
{
    if (is_exc_class(e)) {
        rp_obj_t *v = rp_obj_call(e, NULL, 0, NULL);
        if (!v)
            return NULL;
        if (!rp_exc_check(v)) {
            rp_err_format(&rp_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %s",
                          e, rp_type_name(v->type));
            rp_decref(v);
            return NULL;
        }
        return v;
    }
    if (rp_exc_check(e))
        return rp_newref(e);
    rp_err_set(&rp_exc_TypeError, bad_msg);
    return NULL;
}

void rp_vm_chain_context(rp_obj_t *exc)
{
    rp_obj_t *handled = rp_err_handled_borrow();
    if (handled && handled != rp_None && handled != exc && rp_exc_check(exc))
        rp_exc_set_context_take(exc, rp_newref(handled));
}

int rp_ops_do_raise(rp_obj_t *exc, rp_obj_t *cause)
{
    rp_obj_t *value = make_exception(exc, "exceptions must derive from BaseException");
    if (!value)
        return -1;
    if (cause) {
        rp_obj_t *c;
        if (cause == rp_None)
            c = NULL;
        else {
            c = make_exception(cause, "exception causes must derive from BaseException");
            if (!c) {
                rp_decref(value);
                return -1;
            }
        }
        rp_exc_set_cause_take(value, c);
    }
    rp_vm_chain_context(value);
    rp_err_restore(value);
    return -1;
}

int rp_ops_exc_match(rp_obj_t *exc, rp_obj_t *t)
{
    static const char msg[] =
        "catching classes that do not inherit from BaseException is not allowed";
    if (rp_tuple_check(t)) {
        rp_ssize_t n = rp_tuple_len(t);
        for (rp_ssize_t i = 0; i < n; i++) {
            if (!is_exc_class(rp_tuple_get_borrow(t, i))) {
                rp_err_set(&rp_exc_TypeError, msg);
                return -1;
            }
        }
        for (rp_ssize_t i = 0; i < n; i++)
            if (rp_type_is_subtype(exc->type, (rp_type_t *)rp_tuple_get_borrow(t, i)))
                return 1;
        return 0;
    }
    if (!is_exc_class(t)) {
        rp_err_set(&rp_exc_TypeError, msg);
        return -1;
    }
    return exc->type == (rp_type_t *)t || rp_type_is_subtype(exc->type, (rp_type_t *)t);
}

// ---------------------------------------------------------------------
// Formatting, with, display

rp_obj_t *rp_ops_format_value(rp_obj_t *v, int conv, rp_obj_t *spec)
{
    rp_obj_t *c;
    switch (conv) {
    case 1: c = rp_obj_str(v); break;
    case 2: c = rp_obj_repr(v); break;
    case 3: c = rp_obj_ascii(v); break;
    default: c = rp_newref(v); break;
    }
    if (!c)
        return NULL;
    if (!spec && rp_str_check_exact(c))
        return c;
    rp_obj_t *r = rp_obj_format(c, spec);
    rp_decref(c);
    return r;
}

rp_obj_t *rp_ops_lookup_special(rp_obj_t *o, rp_obj_t *name)
{
    rp_obj_t *descr = rp_type_lookup_borrow(o->type, name);
    if (!descr)
        return NULL;
    rp_descrgetfunc f = descr->type->descr_get;
    if (f) {
        rp_incref(descr);
        rp_obj_t *r = f(descr, o, RP_OBJ(o->type));
        rp_decref(descr);
        return r;
    }
    return rp_newref(descr);
}

rp_obj_t *rp_ops_before_with(rp_obj_t *mgr, rp_obj_t **exit_out)
{
    static rp_obj_t *enter_name, *exit_name;
    if (!enter_name) {
        enter_name = rp_str_intern_cstr("__enter__");
        exit_name = rp_str_intern_cstr("__exit__");
        if (!enter_name || !exit_name)
            return NULL;
    }
    *exit_out = NULL;
    rp_obj_t *enter = rp_ops_lookup_special(mgr, enter_name);
    if (!enter) {
        if (!rp_err_occurred())
            rp_err_format(&rp_exc_TypeError,
                          "'%s' object does not support the context manager protocol",
                          rp_type_name(mgr->type));
        return NULL;
    }
    rp_obj_t *exit = rp_ops_lookup_special(mgr, exit_name);
    if (!exit) {
        if (!rp_err_occurred())
            rp_err_format(&rp_exc_TypeError,
                          "'%s' object does not support the context manager protocol "
                          "(missed __exit__ method)", rp_type_name(mgr->type));
        rp_decref(enter);
        return NULL;
    }
    rp_obj_t *res = rp_obj_call(enter, NULL, 0, NULL);
    rp_decref(enter);
    if (!res) {
        rp_decref(exit);
        return NULL;
    }
    *exit_out = exit;
    return res;
}

int rp_ops_print_expr(rp_obj_t *v)
{
    rp_obj_t *hook = rp_interp.sys_module
        ? rp_dict_get_cstr_borrow(rp_module_dict_borrow(rp_interp.sys_module), "displayhook")
        : NULL;
    if (!hook) {
        if (!rp_err_occurred())
            rp_err_set(&rp_exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    rp_incref(hook);
    rp_obj_t *r = rp_obj_call(hook, &v, 1, NULL);
    rp_decref(hook);
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

int rp_ops_setup_annotations(rp_frame_t *f)
{
    if (!f->locals) {
        rp_err_set(&rp_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    rp_obj_t *name = rp_str_intern_cstr("__annotations__");
    if (!name)
        return -1;
    int r = 0;
    rp_obj_t *owned;
    rp_obj_t *v = mapping_get(f->locals, name, &owned);
    rp_xdecref(owned);
    if (!v && !rp_err_occurred()) {
        rp_obj_t *d = rp_dict_new();
        r = d ? rp_ops_store_name(f, name, d) : -1;
        rp_xdecref(d);
    } else if (!v)
        r = -1;
    rp_decref(name);
    return r;
}

void rp_ops_list_extend_error(rp_obj_t *iterable)
{
    if (rp_err_matches(&rp_exc_TypeError) && !is_sequence_like(iterable)) {
        rp_err_clear();
        rp_err_format(&rp_exc_TypeError, "Value after * must be an iterable, not %s",
                      rp_type_name(iterable->type));
    }
}

void rp_ops_dict_update_error(rp_obj_t *update)
{
    if (rp_err_matches(&rp_exc_AttributeError)) {
        rp_err_clear();
        rp_err_format(&rp_exc_TypeError, "'%s' object is not a mapping",
                      rp_type_name(update->type));
    }
}

void rp_ops_dict_merge_error(rp_obj_t *func, rp_obj_t *update)
{
    if (rp_err_matches(&rp_exc_AttributeError)) {
        rp_err_clear();
        rp_obj_t *fs = rp_vm_func_str(func);
        rp_err_format(&rp_exc_TypeError, "%U argument after ** must be a mapping, not %s",
                      fs, rp_type_name(update->type));
        rp_decref(fs);
    } else if (rp_err_matches(&rp_exc_KeyError)) {
        rp_obj_t *exc = rp_err_fetch();
        rp_obj_t *args = ((rp_exc_t *)exc)->args;
        if (args && rp_tuple_check(args) && rp_tuple_len(args) == 1) {
            rp_obj_t *fs = rp_vm_func_str(func);
            rp_err_format(&rp_exc_TypeError, "%U got multiple values for keyword argument '%S'",
                          fs, rp_tuple_get_borrow(args, 0));
            rp_decref(fs);
            rp_decref(exc);
        } else {
            rp_err_restore(exc);
        }
    }
}

// ---------------------------------------------------------------------
// Building dicts and flattening f(*args, **kwargs)

rp_obj_t *rp_ops_build_map(rp_obj_t **items, int n)
{
    bool str_keys = true;
    for (int i = 0; i < n; i++)
        if (!rp_str_check_exact(items[2 * i]))
            str_keys = false;
    rp_obj_t *d = rp_dict_new_presized(n, str_keys);
    if (!d)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (rp_dict_set(d, items[2 * i], items[2 * i + 1]) < 0) {
            rp_decref(d);
            return NULL;
        }
    }
    return d;
}

rp_obj_t *rp_ops_build_const_key_map(rp_obj_t **values, rp_obj_t *keys, int n)
{
    if (!rp_tuple_check(keys) || rp_tuple_len(keys) != n)
        return rp_err_format(&rp_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
    bool str_keys = true;
    for (int i = 0; i < n; i++)
        if (!rp_str_check_exact(rp_tuple_get_borrow(keys, i)))
            str_keys = false;
    rp_obj_t *d = rp_dict_new_presized(n, str_keys);
    if (!d)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (rp_dict_set(d, rp_tuple_get_borrow(keys, i), values[i]) < 0) {
            rp_decref(d);
            return NULL;
        }
    }
    return d;
}

int rp_ops_flatten_ex_call(rp_obj_t *args, rp_obj_t *kwargs, rp_obj_t ***stack_out,
                           rp_obj_t **kwnames_out, rp_obj_t **small, size_t nsmall)
{
    rp_ssize_t npos = rp_tuple_len(args);
    rp_ssize_t nkw = kwargs ? rp_dict_len(kwargs) : 0;
    rp_obj_t **stack = small;
    *kwnames_out = NULL;
    if ((size_t)(npos + nkw) > nsmall) {
        stack = malloc(sizeof(rp_obj_t *) * (size_t)(npos + nkw));
        if (!stack) {
            rp_err_nomemory();
            return -1;
        }
    }
    for (rp_ssize_t i = 0; i < npos; i++)
        stack[i] = rp_tuple_get_borrow(args, i);
    if (nkw) {
        rp_obj_t *names = rp_tuple_new(nkw);
        if (!names)
            goto fail;
        rp_ssize_t pos = 0, i = 0;
        rp_obj_t *k, *v;
        while (rp_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
            rp_tuple_init_item_take(names, i, rp_newref(k));
            stack[npos + i] = v;
            i++;
        }
        for (; i < nkw; i++)
            rp_tuple_init_item_take(names, i, rp_newref(rp_None));
        for (i = 0; i < nkw; i++) {
            if (!rp_str_check(rp_tuple_get_borrow(names, i))) {
                rp_err_set(&rp_exc_TypeError, "keywords must be strings");
                rp_decref(names);
                goto fail;
            }
        }
        *kwnames_out = names;
    }
    *stack_out = stack;
    return 0;
fail:
    if (stack != small)
        free(stack);
    return -1;
}

// ---------------------------------------------------------------------
// Imports

rp_obj_t *rp_ops_import_name(rp_frame_t *f, rp_obj_t *name, rp_obj_t *fromlist,
                             rp_obj_t *level)
{
    if (level && rp_int_check(level) && rp_int_sign(level) != 0)
        return rp_err_format(&rp_exc_ImportError,
                             "attempted relative import with no known parent package");
    rp_obj_t *mod = rp_import_module(name);
    if (!mod)
        return NULL;
    bool has_from = fromlist && fromlist != rp_None &&
                    (!rp_tuple_check(fromlist) || rp_tuple_len(fromlist) > 0);
    if (has_from)
        return mod;
    // `import a.b` binds the top-level package.
    const char *u = rp_str_utf8(name, NULL);
    const char *dot = u ? strchr(u, '.') : NULL;
    if (!dot)
        return mod;
    rp_decref(mod);
    rp_obj_t *top = rp_str_from_utf8(u, dot - u);
    if (!top)
        return NULL;
    rp_obj_t *r = rp_import_module(top);
    rp_decref(top);
    return r;
}

rp_obj_t *rp_ops_import_from(rp_obj_t *mod, rp_obj_t *name)
{
    rp_obj_t *v = rp_obj_getattr_opt(mod, name);
    if (v || rp_err_occurred())
        return v;
    rp_obj_t *pkgname = rp_obj_getattr_cstr(mod, "__name__");
    if (!pkgname || !rp_str_check(pkgname)) {
        rp_xdecref(pkgname);
        rp_err_clear();
        rp_err_format(&rp_exc_ImportError,
                      "cannot import name '%U' from '<unknown module name>' (unknown location)",
                      name);
        return NULL;
    }
    rp_obj_t *full = rp_str_from_format("%U.%U", pkgname, name);
    if (full && rp_interp.modules) {
        v = rp_dict_get_borrow(rp_interp.modules, full);
        if (v) {
            rp_decref(full);
            rp_decref(pkgname);
            return rp_newref(v);
        }
    }
    rp_xdecref(full);
    rp_err_clear();
    rp_obj_t *msg = rp_str_from_format("cannot import name '%U' from '%U' (unknown location)",
                                       name, pkgname);
    if (msg) {
        rp_obj_t *exc = rp_obj_call(RP_OBJ(&rp_exc_ImportError), &msg, 1, NULL);
        rp_decref(msg);
        if (exc) {
            if (rp_exc_check(exc))
                rp_setref(&((rp_exc_t *)exc)->name, rp_newref(pkgname));
            rp_err_restore(exc);
        }
    }
    rp_decref(pkgname);
    return NULL;
}

static rp_obj_t *getattr_opt_cstr(rp_obj_t *o, const char *name)
{
    rp_obj_t *n = rp_str_intern_cstr(name);
    if (!n)
        return NULL;
    rp_obj_t *r = rp_obj_getattr_opt(o, n);
    rp_decref(n);
    return r;
}

int rp_ops_import_star(rp_frame_t *f, rp_obj_t *mod)
{
    if (!f->locals) {
        rp_err_set(&rp_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    rp_obj_t *all = getattr_opt_cstr(mod, "__all__");
    if (!all && rp_err_occurred())
        return -1;
    bool skip_private = false;
    if (!all) {
        rp_obj_t *d = getattr_opt_cstr(mod, "__dict__");
        if (!d) {
            if (!rp_err_occurred())
                rp_err_set(&rp_exc_ImportError,
                           "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = rp_dict_check(d) ? rp_dict_keys_list(d) : rp_list_from_iterable(d);
        rp_decref(d);
        if (!all)
            return -1;
        skip_private = true;
    }
    rp_obj_t *seq = rp_list_from_iterable(all);
    rp_decref(all);
    if (!seq)
        return -1;
    int r = 0;
    for (rp_ssize_t i = 0; i < rp_list_len(seq); i++) {
        rp_obj_t *name = rp_list_get_borrow(seq, i);
        if (!rp_str_check(name)) {
            rp_obj_t *mn = rp_obj_getattr_cstr(mod, "__name__");
            rp_err_clear();
            rp_err_format(&rp_exc_TypeError, "%s in %S.%s must be str, not %s",
                          skip_private ? "Key" : "Item", mn ? mn : rp_None,
                          skip_private ? "__dict__" : "__all__", rp_type_name(name->type));
            rp_xdecref(mn);
            r = -1;
            break;
        }
        if (skip_private && rp_str_len(name) > 0 && rp_str_char(name, 0) == '_')
            continue;
        rp_obj_t *v = rp_obj_getattr(mod, name);
        if (!v) {
            r = -1;
            break;
        }
        r = rp_ops_store_name(f, name, v);
        rp_decref(v);
        if (r < 0)
            break;
    }
    rp_decref(seq);
    return r;
}

// ---------------------------------------------------------------------
// Suggestions (CPython's Python/suggestions.c)

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static inline int substitution_cost(char a, char b)
{
    if (LEAST_FIVE_BITS(a) != LEAST_FIVE_BITS(b))
        return MOVE_COST;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += ('a' - 'A');
    if ('A' <= b && b <= 'Z')
        b += ('a' - 'A');
    if (a == b)
        return CASE_COST;
    return MOVE_COST;
}

static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size,
                          size_t max_cost, size_t *buffer)
{
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0]) {
        a++; a_size--;
        b++; b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * MOVE_COST;
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a; a = b; b = t;
        size_t ts = a_size; a_size = b_size; b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[index] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

// The closest candidate to name among the str items of list (borrowed
// result), or NULL.
static rp_obj_t *closest(rp_obj_t *list, rp_obj_t *name)
{
    rp_ssize_t n = rp_list_len(list);
    if (n >= MAX_CANDIDATE_ITEMS)
        return NULL;
    rp_ssize_t name_size;
    const char *name_str = rp_str_utf8(name, &name_size);
    if (!name_str)
        return NULL;
    size_t buffer[MAX_STRING_SIZE];
    size_t best_dist = SIZE_MAX;
    rp_obj_t *best = NULL;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *item = rp_list_get_borrow(list, i);
        if (!rp_str_check(item))
            continue;
        rp_ssize_t item_size;
        const char *item_str = rp_str_utf8(item, &item_size);
        if (!item_str)
            return NULL;
        if (item_size == name_size && memcmp(item_str, name_str, (size_t)name_size) == 0)
            continue;
        size_t max_distance = (size_t)(name_size + item_size + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max_distance)
            max_distance = best_dist - 1;
        size_t d = levenshtein(name_str, (size_t)name_size, item_str, (size_t)item_size,
                               max_distance, buffer);
        if (d > max_distance)
            continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

static rp_obj_t *suggest_from(rp_obj_t *list, rp_obj_t *name)
{
    if (!list)
        return NULL;
    rp_obj_t *s = closest(list, name);
    rp_xincref(s);
    rp_decref(list);
    return s;
}

// NameError: the names of the frame the error was raised in (the last
// traceback entry): its locals, then its globals, then its builtins.
static rp_obj_t *suggest_name_error(rp_obj_t *exc, rp_obj_t *name)
{
    rp_obj_t *tb = ((rp_exc_t *)exc)->traceback;
    if (!tb)
        return NULL;
    while (((rp_traceback_t *)tb)->next)
        tb = ((rp_traceback_t *)tb)->next;
    rp_obj_t *fo = ((rp_traceback_t *)tb)->code;
    if (!fo || !rp_frameobj_check(fo))
        return NULL;
    rp_code_t *co = (rp_code_t *)rp_frameobj_code(fo);
    rp_obj_t *varnames = rp_list_new(0);
    if (!varnames)
        return NULL;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if ((co->localspluskinds[i] & RP_FAST_LOCAL) &&
            rp_list_append(varnames, rp_tuple_get_borrow(co->localsplusnames, i)) < 0) {
            rp_decref(varnames);
            return NULL;
        }
    }
    rp_obj_t *s = suggest_from(varnames, name);
    rp_obj_t *globals = rp_frameobj_globals(fo);
    if (!s && globals && !rp_err_occurred())
        s = suggest_from(rp_dict_keys_list(globals), name);
    rp_obj_t *builtins = globals ? rp_frame_builtins_for(globals) : rp_interp.builtins;
    if (!s && builtins && !rp_err_occurred())
        s = suggest_from(rp_dict_keys_list(builtins), name);
    return s;
}

static rp_obj_t *suggest_attribute_error(rp_exc_t *e)
{
    if (!e->name || !e->obj || !rp_str_check_exact(e->name))
        return NULL;
    rp_obj_t *dir = rp_dict_get_cstr_borrow(rp_interp.builtins, "dir");
    if (!dir)
        return NULL;
    rp_obj_t *lst = rp_obj_call(dir, &e->obj, 1, NULL);
    if (lst && !rp_list_check(lst)) {
        rp_obj_t *l2 = rp_list_from_iterable(lst);
        rp_decref(lst);
        lst = l2;
    }
    return suggest_from(lst, e->name);
}

rp_obj_t *rp_vm_offer_suggestions(rp_obj_t *exc)
{
    rp_obj_t *res = NULL;
    rp_obj_t *saved = rp_err_fetch();
    rp_exc_t *e = (rp_exc_t *)exc;
    if (exc->type == &rp_exc_AttributeError)
        res = suggest_attribute_error(e);
    else if (exc->type == &rp_exc_NameError && e->name && rp_str_check_exact(e->name))
        res = suggest_name_error(exc, e->name);
    rp_err_clear();
    rp_err_restore(saved);
    return res;
}
