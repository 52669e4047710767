// __main__.__loader__ as CPython's start-up leaves it: the class
// _frozen_importlib.BuiltinImporter for -c, standard input and the REPL;
// for a script file, a _frozen_importlib_external.SourceFileLoader with
// its name ("__main__") and path.
#include <stddef.h>

#include "memory/gc.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "vm/vm.h"

typedef struct {
    rp_obj_t ob;
    rp_obj_t *dict;
} loader_t;

rp_type_t rp_type_builtin_importer = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "_frozen_importlib.BuiltinImporter",
    .basicsize = sizeof(rp_obj_t),
};

static int loader_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_obj_t *d = ((loader_t *)o)->dict;
    return d ? visit(d, arg) : 0;
}

static int loader_clear(rp_obj_t *o)
{
    rp_clear(&((loader_t *)o)->dict);
    return 0;
}

static void loader_dealloc(rp_obj_t *o)
{
    rp_gc_untrack(o);
    loader_clear(o);
    rp_obj_free(o);
}

static const rp_getset_def_t loader_getsets[] = {
    {"__dict__", rp_obj_generic_get_dict, rp_obj_generic_set_dict, NULL},
    {NULL},
};

rp_type_t rp_type_source_file_loader = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "_frozen_importlib_external.SourceFileLoader",
    .basicsize = sizeof(loader_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = loader_dealloc,
    .traverse = loader_traverse,
    .clear = loader_clear,
    .getsets = loader_getsets,
    .dict_offset = offsetof(loader_t, dict),
};

int rp_vm_set_main_loader(rp_obj_t *path)
{
    rp_obj_t *globals = rp_module_dict_borrow(rp_interp.main_module);
    if (!path)
        return rp_dict_set_cstr(globals, "__loader__", RP_OBJ(&rp_type_builtin_importer));
    loader_t *l = (loader_t *)rp_obj_alloc(&rp_type_source_file_loader, sizeof *l);
    if (!l)
        return -1;
    l->dict = rp_dict_new();
    rp_obj_t *name = rp_str_from_cstr("__main__");
    int r = l->dict && name && rp_dict_set_cstr(l->dict, "name", name) == 0 &&
                    rp_dict_set_cstr(l->dict, "path", path) == 0
                ? 0 : -1;
    rp_xdecref(name);
    rp_gc_track(RP_OBJ(l));
    if (r == 0)
        r = rp_dict_set_cstr(globals, "__loader__", RP_OBJ(l));
    rp_decref(RP_OBJ(l));
    return r;
}
