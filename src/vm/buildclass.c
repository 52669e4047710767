// builtins.__build_class__: runs a class body with a fresh namespace as
// its locals, then creates the class by calling the metaclass (CPython's
// builtin___build_class__: __mro_entries__, metaclass calculation,
// __prepare__, the __classcell__ check).
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/func.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "memory/alloc.h"
#include "vm/call.h"
#include "vm/eval.h"
#include "vm/vm.h"

// Applies __mro_entries__ of non-class bases.  New reference (bases
// itself when nothing changed) or NULL.
static rp_obj_t *update_bases(rp_obj_t *bases)
{
    rp_ssize_t n = rp_tuple_len(bases);
    rp_obj_t *result = NULL;        // list, once something changed
    rp_obj_t *name = rp_str_intern_cstr("__mro_entries__");
    if (!name)
        return NULL;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *base = rp_tuple_get_borrow(bases, i);
        rp_obj_t *meth = NULL;
        if (!rp_type_check(base)) {
            meth = rp_obj_getattr_opt(base, name);
            if (!meth && rp_err_occurred())
                goto fail;
        }
        if (!meth) {
            if (result && rp_list_append(result, base) < 0)
                goto fail;
            continue;
        }
        rp_obj_t *entries = rp_obj_call(meth, &bases, 1, NULL);
        rp_decref(meth);
        if (!entries)
            goto fail;
        if (!rp_tuple_check(entries)) {
            rp_decref(entries);
            rp_err_set(&rp_exc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!result) {
            result = rp_list_new(0);
            for (rp_ssize_t j = 0; result && j < i; j++)
                if (rp_list_append(result, rp_tuple_get_borrow(bases, j)) < 0)
                    rp_clear(&result);
            if (!result) {
                rp_decref(entries);
                goto fail;
            }
        }
        int r = rp_list_extend(result, entries);
        rp_decref(entries);
        if (r < 0)
            goto fail;
    }
    rp_decref(name);
    if (!result)
        return rp_newref(bases);
    rp_obj_t *t = rp_list_as_tuple(result);
    rp_decref(result);
    return t;
fail:
    rp_decref(name);
    rp_xdecref(result);
    return NULL;
}

// The most derived metaclass of meta and the bases' types (borrowed), or
// NULL with TypeError "metaclass conflict".
static rp_type_t *calculate_metaclass(rp_type_t *meta, rp_obj_t *bases)
{
    rp_type_t *winner = meta;
    for (rp_ssize_t i = 0; i < rp_tuple_len(bases); i++) {
        rp_type_t *t = rp_tuple_get_borrow(bases, i)->type;
        if (rp_type_is_subtype(winner, t))
            continue;
        if (rp_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        rp_err_set(&rp_exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a "
                   "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// Calls f(a..., **kw) where the positional arguments come first.
static rp_obj_t *call_with_kw(rp_obj_t *f, rp_obj_t **pos, size_t npos, rp_obj_t *const *kwv,
                              rp_obj_t *kwnames)
{
    size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
    rp_obj_t *small[8];
    rp_obj_t **stack = small;
    if (npos + nkw > 8) {
        stack = rp_mem_alloc(sizeof(rp_obj_t *) * (npos + nkw));
        if (!stack)
            return rp_err_nomemory();
    }
    for (size_t i = 0; i < npos; i++)
        stack[i] = pos[i];
    for (size_t i = 0; i < nkw; i++)
        stack[npos + i] = kwv[i];
    rp_obj_t *r = rp_obj_call(f, stack, npos, nkw ? kwnames : NULL);
    if (stack != small)
        rp_mem_free(stack);
    return r;
}

rp_obj_t *rp_vm_build_class(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    if (nargs < 2)
        return rp_err_format(&rp_exc_TypeError, "__build_class__: not enough arguments");
    rp_obj_t *func = args[0], *name = args[1];
    if (!rp_func_check(func))
        return rp_err_format(&rp_exc_TypeError, "__build_class__: func must be a function");
    if (!rp_str_check(name))
        return rp_err_format(&rp_exc_TypeError, "__build_class__: name is not a string");

    rp_obj_t *orig_bases = rp_tuple_from_array(args + 2, (rp_ssize_t)(nargs - 2));
    rp_obj_t *bases = NULL, *meta = NULL, *mkw = NULL, *ns = NULL, *cls = NULL, *cell = NULL;
    rp_obj_t *mkwdict = NULL;
    rp_obj_t **kwv = NULL;
    if (!orig_bases)
        return NULL;
    bases = update_bases(orig_bases);
    if (!bases)
        goto done;

    // Keywords: metaclass=, the others go to __prepare__ and the metaclass.
    // CPython gathers them in a dict (mkw) alive until the end; refpy
    // holds one as well and passes the names on as a tuple: the call's
    // own one when metaclass= is not among them.
    size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
    size_t nmkw = 0;
    if (nkw) {
        if (!(mkwdict = rp_dict_new()))
            goto done;
        kwv = rp_mem_alloc(sizeof(rp_obj_t *) * nkw * 2);
        if (!kwv) {
            rp_err_nomemory();
            goto done;
        }
        rp_obj_t **rest = kwv + nkw;
        for (size_t i = 0; i < nkw; i++) {
            rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)i);
            if (rp_str_eq_cstr(kn, "metaclass")) {
                rp_setref(&meta, rp_newref(args[nargs + i]));
                continue;
            }
            rest[nmkw] = kn;
            kwv[nmkw++] = args[nargs + i];
        }
        if (nmkw == nkw)
            mkw = rp_newref(kwnames);
        else if (nmkw && !(mkw = rp_tuple_from_array(rest, (rp_ssize_t)nmkw)))
            goto done;
    }
    bool isclass;
    if (!meta) {
        meta = rp_tuple_len(bases) == 0 ? RP_OBJ(&rp_type_type)
                                        : RP_OBJ(rp_tuple_get_borrow(bases, 0)->type);
        rp_incref(meta);
        isclass = true;
    } else {
        isclass = rp_type_check(meta);
    }
    if (isclass) {
        rp_type_t *winner = calculate_metaclass((rp_type_t *)meta, bases);
        if (!winner)
            goto done;
        rp_setref(&meta, rp_newref(RP_OBJ(winner)));
    }

    // The namespace.
    rp_obj_t *prep_name = rp_str_intern_cstr("__prepare__");
    rp_obj_t *prep = prep_name ? rp_obj_getattr_opt(meta, prep_name) : NULL;
    rp_xdecref(prep_name);
    if (prep) {
        rp_obj_t *pa[2] = {name, bases};
        // The dict of keywords is unpacked into a tuple of names for the call.
        rp_obj_t *names = rp_tuple_hold_temporary((rp_ssize_t)nmkw);
        ns = call_with_kw(prep, pa, 2, kwv, mkw);
        rp_tuple_release_temporary(names);
        rp_decref(prep);
        if (!ns)
            goto done;
    } else {
        if (rp_err_occurred())
            goto done;
        ns = rp_dict_new();
        if (!ns)
            goto done;
    }
    if (!ns->type->getitem) {
        rp_err_format(&rp_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                      isclass ? rp_type_name((rp_type_t *)meta) : "<metaclass>",
                      rp_type_name(ns->type));
        goto done;
    }

    // The class body.
    rp_frame_t *f = rp_vm_frame_for_call((rp_func_t *)func, NULL, 0, NULL);
    if (!f)
        goto done;
    f->locals = rp_newref(ns);
    cell = rp_vm_run_frame(f, false);
    if (!cell)
        goto done;
    if (bases != orig_bases) {
        rp_obj_t *key = rp_str_intern_cstr("__orig_bases__");
        int r = key ? rp_obj_setitem(ns, key, orig_bases) : -1;
        rp_xdecref(key);
        if (r < 0)
            goto done;
    }
    rp_obj_t *ma[3] = {name, bases, ns};
    if (nmkw && rp_type_check(meta) && meta != RP_OBJ(&rp_type_type)) {
        // A metaclass (no vectorcall) gets CPython's dict of keywords
        // itself (tp_call): give it back for the call, whose own keyword
        // dict takes its place.  (type unpacks it to names, then makes a
        // dict again for tp_call.)
        rp_clear(&mkwdict);
        cls = call_with_kw(meta, ma, 3, kwv, mkw);
        if (!(mkwdict = rp_dict_new()))
            rp_err_clear();
    } else {
        rp_obj_t *names = rp_tuple_hold_temporary((rp_ssize_t)nmkw);
        cls = call_with_kw(meta, ma, 3, kwv, mkw);
        rp_tuple_release_temporary(names);
    }
    if (cls && rp_type_check(cls) && cell->type == &rp_type_cell) {
        rp_obj_t *cell_cls = ((rp_cell_t *)cell)->ref;
        if (cell_cls != cls) {
            if (!cell_cls)
                rp_err_format(&rp_exc_RuntimeError,
                              "__class__ not set defining %.200R as %.200R. Was __classcell__ "
                              "propagated to type.__new__?", name, cls);
            else
                rp_err_format(&rp_exc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                              cell_cls, name, cls);
            rp_clear(&cls);
        }
    }
done:
    rp_xdecref(cell);
    rp_xdecref(ns);
    rp_xdecref(meta);
    rp_xdecref(mkw);
    rp_xdecref(mkwdict);
    rp_xdecref(bases);
    rp_decref(orig_bases);
    if (kwv)
        rp_mem_free(kwv);
    return cls;
}
