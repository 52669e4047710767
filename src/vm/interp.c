// The interpreter's life cycle (start-up of every layer, the builtins,
// sys and __main__ modules; CPython-like shut-down so destructors run)
// and the state other layers query: current globals, locals(), the
// zero-argument super() arguments, pending signals.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "modules/registry.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/float.h"
#include "objects/genericalias.h"
#include "objects/slots.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/rangeobj.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/typeslots.h"
#include "objects/contutil.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "vm/icache.h"
#include "vm/ops.h"
#include "vm/vm.h"

rp_interp_t rp_interp;

// ---------------------------------------------------------------------
// Signals

static void on_sigint(int sig)
{
    (void)sig;
    rp_interp.pending_signal = 1;
}

int rp_err_poll_signals(void)
{
    return rp_vm_handle_signals();
}

int rp_vm_handle_signals(void)
{
    if (!rp_interp.pending_signal)
        return 0;
    rp_interp.pending_signal = 0;
    rp_err_set_value(&rp_exc_KeyboardInterrupt, NULL);
    return -1;
}

// ---------------------------------------------------------------------
// Start-up

static rp_type_t *const builtin_types[] = {
    &rp_type_type, &rp_type_object, &rp_type_none, &rp_type_notimpl, &rp_type_ellipsis,
    &rp_type_int, &rp_type_bool, &rp_type_float, &rp_type_list, &rp_type_tuple,
    &rp_type_dict, &rp_type_dict_keys, &rp_type_dict_values, &rp_type_dict_items,
    &rp_type_set, &rp_type_frozenset, &rp_type_range, &rp_type_range_iter,
    &rp_type_longrange_iter, &rp_type_slice, &rp_type_enumerate, &rp_type_zip,
    &rp_type_map, &rp_type_filter, &rp_type_reversed, &rp_type_seq_iter,
    &rp_type_list_iter, &rp_type_tuple_iter, &rp_type_list_reverseiter,
    &rp_type_function, &rp_type_cell, &rp_type_method, &rp_type_module,
    &rp_type_generator, &rp_type_property, &rp_type_staticmethod, &rp_type_classmethod,
    &rp_type_super, &rp_type_method_descr, &rp_type_classmethod_descr,
    &rp_type_getset_descr, &rp_type_builtin_function, &rp_type_wrapper_descr,
    &rp_type_method_wrapper, &rp_type_mappingproxy, &rp_type_file, &rp_type_file_binary,
    &rp_type_frame, &rp_type_traceback, &rp_type_member_descr,
    &rp_type_generic_alias, &rp_type_union, &rp_type_builtin_importer,
    &rp_type_source_file_loader,
};

// Drops the subclass lists left empty on t and on the static types below
// it (str, bytes and the exceptions are not in builtin_types).
static void clear_empty_subclass_lists(rp_type_t *t)
{
    rp_obj_t *subs = t->subclasses;
    if (!subs)
        return;
    for (rp_ssize_t i = 0; i < rp_list_len(subs); i++) {
        rp_type_t *sub = (rp_type_t *)(uintptr_t)rp_int_small_value(rp_list_get_borrow(subs, i));
        if (!(sub->flags & RP_TPFLAG_HEAPTYPE))
            clear_empty_subclass_lists(sub);
    }
    if (rp_list_len(subs) == 0)
        rp_clear(&t->subclasses);
}

static bool types_ready;   // every builtin type is ready: exceptions print

static int fail_init(const char *what)
{
    fprintf(stderr, "refpy: cannot initialise %s\n", what);
    // Printing needs the exception's type (and str, repr...) ready: with a
    // type half-readied the printer would only raise again.
    // (Nor is it freed then: its type may lack its dealloc slot.)
    if (rp_err_occurred() && types_ready) {
        rp_err_print();
        rp_err_clear();
    }
    return -1;
}

static int add_main_module(void)
{
    rp_obj_t *m = rp_module_new("__main__");
    if (!m)
        return -1;
    rp_obj_t *d = rp_module_dict_borrow(m);
    rp_obj_t *ann = rp_dict_new();
    int r = (ann ? 0 : -1) | rp_dict_set_cstr(d, "__package__", rp_None) |
            rp_dict_set_cstr(d, "__loader__", RP_OBJ(&rp_type_builtin_importer)) |
            rp_dict_set_cstr(d, "__spec__", rp_None) |
            (ann ? rp_dict_set_cstr(d, "__annotations__", ann) : -1) |
            rp_dict_set_cstr(d, "__builtins__", rp_interp.builtins_module) |
            rp_dict_set_cstr(rp_interp.modules, "__main__", m);
    rp_xdecref(ann);
    if (r) {
        rp_decref(m);
        return -1;
    }
    rp_interp.main_module = m;
    return 0;
}

int rp_vm_init(int argc, char **argv)
{
    rp_mem_init();
    rp_gc_init();
    rp_vm_eval_init();
    rp_vm_install_quick_free();
    for (size_t i = 0; i < sizeof builtin_types / sizeof *builtin_types; i++)
        if (rp_type_ready(builtin_types[i]) < 0)
            return fail_init(builtin_types[i]->name);
    if (rp_str_init() < 0 || rp_bytes_init() < 0 || rp_exc_init() < 0 || rp_code_init() < 0)
        return fail_init("builtin types");
    types_ready = true;
    rp_ids_init();
    rp_typeslots_warm();
    rp_super_args_hook = rp_vm_super_args;

    rp_obj_t *av = rp_list_new(0);
    if (!av)
        return fail_init("sys.argv");
    for (int i = 0; i < argc; i++) {
        rp_obj_t *s = rp_str_from_utf8(argv[i], (rp_ssize_t)strlen(argv[i]));
        if (!s) {
            rp_err_clear();
            s = rp_str_from_latin1((const uint8_t *)argv[i], (rp_ssize_t)strlen(argv[i]));
        }
        if (!s || rp_list_append_take(av, s) < 0)
            return fail_init("sys.argv");
    }
    rp_interp.argv = av;
    rp_interp.modules = rp_dict_new();
    if (!rp_interp.modules)
        return fail_init("sys.modules");
    rp_obj_t *b = rp_mod_builtins_create();
    if (!b)
        return fail_init("builtins");
    rp_interp.builtins_module = b;
    rp_interp.builtins = rp_module_dict_borrow(b);
    if (rp_dict_set_cstr(rp_interp.modules, "builtins", b) < 0)
        return fail_init("builtins");
    rp_obj_t *sys = rp_mod_sys_create();
    if (!sys)
        return fail_init("sys");
    rp_interp.sys_module = sys;
    rp_obj_t *sd = rp_module_dict_borrow(sys);
    if (rp_dict_set_cstr(rp_interp.modules, "sys", sys) < 0 ||
        rp_dict_set_cstr(sd, "modules", rp_interp.modules) < 0 ||
        rp_dict_set_cstr(sd, "argv", rp_interp.argv) < 0)
        return fail_init("sys");
    if (add_main_module() < 0)
        return fail_init("__main__");

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return 0;
}

// ---------------------------------------------------------------------
// Shut-down (CPython's Py_FinalizeEx / finalize_modules, simplified)

// _PyModule_ClearDict: names with one leading underscore first, then all
// the others except __builtins__, are set to None in dict order.
static void clear_module_dict(rp_obj_t *d)
{
    for (int pass = 0; pass < 2; pass++) {
        rp_obj_t *keys = rp_dict_keys_list(d);
        if (!keys) {
            rp_err_clear();
            return;
        }
        for (rp_ssize_t i = 0; i < rp_list_len(keys); i++) {
            rp_obj_t *k = rp_list_get_borrow(keys, i);
            if (!rp_str_check(k))
                continue;
            rp_ssize_t n = rp_str_len(k);
            bool underscore = n >= 1 && rp_str_char(k, 0) == '_' &&
                              (n < 2 || rp_str_char(k, 1) != '_');
            if (pass == 0 && !underscore)
                continue;
            if (pass == 1 && rp_str_eq_cstr(k, "__builtins__"))
                continue;
            rp_obj_t *v = rp_dict_get_borrow(d, k);
            if (v && v != rp_None && rp_dict_set(d, k, rp_None) < 0)
                rp_err_clear();
        }
        rp_decref(keys);
    }
}

void rp_vm_fini(void)
{
    if (!rp_interp.modules)
        return;
    rp_err_clear();
    rp_file_flush_std();
    // One collection as the program could have run it (gc.callbacks are
    // called, only if gc is enabled); the later ones are internal.
    if (rp_gc_is_enabled())
        rp_gc_collect(2);
    rp_err_clear();
    rp_gc_set_tracer(NULL);     // memlab.trace_gc: not the internal ones

    // Special places where user values hide.
    if (rp_interp.builtins)
        rp_dict_set_cstr(rp_interp.builtins, "_", rp_None);
    if (rp_interp.sys_module) {
        rp_obj_t *sd = rp_module_dict_borrow(rp_interp.sys_module);
        static const char *const names[] = {"last_type", "last_value", "last_traceback",
                                            "argv", "path"};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (rp_dict_get_cstr_borrow(sd, names[i]))
                rp_dict_set_cstr(sd, names[i], rp_None);
        // sys.last_* (and sys.ps1/ps2 a script may set) are not there at
        // start-up: remove them with their keys.
        static const char *const added[] = {"last_type", "last_value", "last_traceback",
                                            "ps1", "ps2"};
        for (size_t i = 0; i < sizeof added / sizeof *added; i++) {
            rp_obj_t *k = rp_str_from_cstr(added[i]);
            if (k)
                rp_dict_pop_if_present(sd, k, NULL);
            rp_xdecref(k);
        }
    }
    rp_err_clear();

    // Take the modules out of sys.modules and drop the interpreter's
    // reference to __main__: a module's namespace then dies with it, or in
    // the cycle collection below (its functions refer to it), finalizers
    // first, as in CPython.  Each namespace gets a private marker value so
    // we can tell afterwards, without touching freed memory, whether it
    // survived (CPython keeps weak references to the modules instead).
    rp_obj_t *mods = rp_dict_items_list(rp_interp.modules);
    rp_obj_t **dicts = NULL, **marks = NULL;
    rp_ssize_t ndicts = 0;
    rp_obj_t *mark_key = rp_str_from_cstr("\x01refpy-finalizing");
    if (mods && mark_key) {
        rp_ssize_t n = rp_list_len(mods);
        dicts = malloc(sizeof(rp_obj_t *) * (size_t)(n + 1));
        marks = malloc(sizeof(rp_obj_t *) * (size_t)(n + 1));
        for (rp_ssize_t i = 0; dicts && marks && i < n; i++) {
            rp_obj_t *m = rp_tuple_get_borrow(rp_list_get_borrow(mods, i), 1);
            if (m->type != &rp_type_module || m == rp_interp.sys_module ||
                m == rp_interp.builtins_module)
                continue;
            rp_obj_t *mark = rp_float_from_double(0.0);
            if (!mark || rp_dict_set(rp_module_dict_borrow(m), mark_key, mark) < 0) {
                rp_xdecref(mark);
                continue;
            }
            dicts[ndicts] = rp_module_dict_borrow(m);
            marks[ndicts++] = mark;
        }
    }
    rp_err_clear();
    rp_dict_clear(rp_interp.modules);
    rp_xdecref(mods);
    rp_clear(&rp_interp.main_module);
    rp_gc_collect_no_fail();

    // Namespaces still alive (their marker is still referenced): clear
    // them, the last imported first.
    for (rp_ssize_t i = ndicts - 1; i >= 0; i--) {
        if (marks[i]->refcnt > 1) {
            rp_obj_t *d = dicts[i];
            rp_incref(d);
            rp_dict_pop_if_present(d, mark_key, NULL);
            clear_module_dict(d);
            rp_decref(d);
            rp_err_clear();
        }
        rp_decref(marks[i]);
    }
    rp_xdecref(mark_key);
    free(marks);
    free(dicts);
    rp_gc_collect_no_fail();
    rp_vm_eval_fini();
    // Caches whose contents depend on what the program did.
    rp_type_cache_clear();
    rp_slotdef_names_clear();
    rp_err_fini();
    // gc.callbacks (as CPython's finalisation clears it).
    rp_obj_t *callbacks = rp_gc_callbacks_borrow();
    if (callbacks && RP_TYPE(callbacks)->clear)
        RP_TYPE(callbacks)->clear(callbacks);
    rp_file_fini();     // drops io.UnsupportedOperation, a cycle: collect next
    rp_gc_collect_no_fail();
    rp_contutil_fini();
    rp_float_clear_free_list();
    // Subclass lists that user classes made and left empty.
    clear_empty_subclass_lists(&rp_type_object);
    for (size_t i = 0; i < sizeof builtin_types / sizeof *builtin_types; i++) {
        rp_obj_t *subs = builtin_types[i]->subclasses;
        if (subs && rp_list_len(subs) == 0)
            rp_clear(&builtin_types[i]->subclasses);
    }
    rp_file_fini();
}

// ---------------------------------------------------------------------
// Queries of the running frame

rp_obj_t *rp_vm_globals_borrow(void)
{
    return rp_vm_frame ? rp_vm_frame->globals : NULL;
}

rp_obj_t *rp_vm_locals(void)
{
    rp_frame_t *f = rp_vm_frame;
    if (!f) {
        rp_obj_t *g = rp_interp.main_module ? rp_module_dict_borrow(rp_interp.main_module) : NULL;
        return g ? rp_newref(g) : rp_dict_new();
    }
    rp_code_t *co = f->code;
    if (!(co->flags & RP_CO_OPTIMIZED)) {
        if (f->locals)
            return rp_newref(f->locals);
        return rp_err_format(&rp_exc_SystemError, "no locals found");
    }
    // Functions: the frame's snapshot dict, refreshed.
    return rp_frame_fast_to_locals(&f->locals, co, f->localsplus, co->nlocalsplus);
}

int rp_vm_super_args(rp_obj_t **type_out, rp_obj_t **self_out)
{
    rp_frame_t *f = rp_vm_frame;
    if (!f) {
        rp_err_set(&rp_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    rp_code_t *co = f->code;
    if (co->argcount == 0) {
        rp_err_set(&rp_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    rp_obj_t *self = f->localsplus[0];
    if (self && (co->localspluskinds[0] & RP_FAST_CELL))
        self = ((rp_cell_t *)self)->ref;
    if (!self) {
        rp_err_set(&rp_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        rp_obj_t *name = rp_tuple_get_borrow(co->localsplusnames, i);
        if (!rp_str_eq_cstr(name, "__class__"))
            continue;
        rp_obj_t *cell = f->localsplus[i];
        rp_obj_t *t = cell ? ((rp_cell_t *)cell)->ref : NULL;
        if (!t) {
            rp_err_set(&rp_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!rp_type_check(t)) {
            rp_err_format(&rp_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          rp_type_name(t->type));
            return -1;
        }
        *type_out = t;
        *self_out = self;
        return 0;
    }
    rp_err_set(&rp_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}
