// Importing modules: sys.modules first, then the table of built-in
// modules (modules/registry.h).  Dotted names import their parents first
// and bind the submodule as an attribute of the parent.
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "memory/gc.h"
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/vm.h"

static void not_found(rp_obj_t *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_obj_t *msg = rp_str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return;
    rp_obj_t *exc = rp_obj_call(RP_OBJ(&rp_exc_ModuleNotFoundError), &msg, 1, NULL);
    rp_decref(msg);
    if (!exc)
        return;
    if (rp_exc_check(exc))
        rp_setref(&((rp_exc_t *)exc)->name, rp_newref(name));
    rp_err_restore(exc);
}

static const rp_module_entry_t *find_builtin(const char *name)
{
    for (const rp_module_entry_t *e = rp_builtin_modules; e->name; e++)
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

// Modules CPython 3.11 (python3 here) has already imported when a script
// starts (site's imports included), among refpy's built-in ones.
static bool cpython_preloads(const char *name)
{
    static const char *const names[] = {"math", "time", "os", "os.path", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

rp_obj_t *rp_import_module(rp_obj_t *name)
{
    if (!rp_str_check(name))
        return rp_err_format(&rp_exc_TypeError, "module name must be str, not %s",
                             rp_type_name(name->type));
    if (rp_str_len(name) == 0)
        return rp_err_format(&rp_exc_ValueError, "Empty module name");
    rp_obj_t *modules = rp_interp.modules;
    if (!modules)
        return rp_err_format(&rp_exc_RuntimeError, "sys.modules is not available");
    rp_obj_t *m = rp_dict_get_borrow(modules, name);
    if (m) {
        if (m == rp_None) {
            not_found(name, "import of %U halted; None in sys.modules", name);
            return NULL;
        }
        return rp_newref(m);
    }
    if (rp_err_occurred())
        return NULL;
    rp_ssize_t len;
    const char *u = rp_str_utf8(name, &len);
    if (!u)
        return NULL;
    const char *dot = strrchr(u, '.');
    rp_obj_t *parent = NULL;
    if (dot) {
        rp_obj_t *pname = rp_str_from_utf8(u, dot - u);
        if (!pname)
            return NULL;
        parent = rp_import_module(pname);
        rp_decref(pname);
        if (!parent)
            return NULL;
        // The parent's import may have registered the submodule.
        m = rp_dict_get_borrow(modules, name);
        if (m && m != rp_None) {
            rp_decref(parent);
            return rp_newref(m);
        }
    }
    const rp_module_entry_t *e = find_builtin(u);
    if (!e) {
        if (parent) {
            rp_obj_t *pn = rp_str_from_utf8(u, dot - u);
            if (pn) {
                not_found(name, "No module named %R; %R is not a package", name, pn);
                rp_decref(pn);
            }
            rp_decref(parent);
        } else {
            not_found(name, "No module named %R", name);
        }
        return NULL;
    }
    rp_vm_gc_state_t before;
    bool preloaded = cpython_preloads(u);
    if (preloaded)
        rp_vm_gc_state_save(&before);
    m = e->create();
    if (!m) {
        rp_xdecref(parent);
        return NULL;
    }
    if (preloaded) {
        // CPython 3.11 imported it during start-up: importing it costs
        // that script nothing, so neither may creating it here.
        rp_vm_gc_state_apply(&before);
    } else {
        // CPython's import system keeps a ModuleSpec instance for the
        // module (module.__spec__; its attributes inline, so one gc
        // object) and one list (taken from the free list when it has
        // one), and importlib's _find_and_load needs at most two tuples of
        // each size 1, 2 and 3 at a time (measured for a built-in module):
        // from the free lists when they hold enough, else newly allocated.
        rp_gc_adjust_count(1);
        int lists = rp_list_free_list_len();
        if (lists > 0)
            rp_list_free_list_resize(lists - 1);
        else
            rp_gc_adjust_count(1);
        rp_obj_t *held[6];
        for (int i = 0; i < 6; i++)
            held[i] = rp_tuple_hold_temporary(1 + i / 2);
        for (int i = 0; i < 6; i++)
            rp_tuple_release_temporary(held[i]);
    }
    // The module may have registered itself (os registers os.path).
    rp_obj_t *existing = rp_dict_get_borrow(modules, name);
    if (existing && existing != m) {
        rp_decref(m);
        m = rp_newref(existing);
    } else if (!existing && rp_dict_set(modules, name, m) < 0) {
        rp_decref(m);
        rp_xdecref(parent);
        return NULL;
    }
    if (parent) {
        rp_obj_t *child = rp_str_from_cstr(dot + 1);
        int r = child ? rp_obj_setattr(parent, child, m) : -1;
        rp_xdecref(child);
        rp_decref(parent);
        if (r < 0) {
            rp_decref(m);
            return NULL;
        }
    }
    return m;
}
