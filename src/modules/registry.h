// The table of built-in modules: name -> function creating the module.
#ifndef RP_REGISTRY_H
#define RP_REGISTRY_H

#include "objects/object.h"

typedef rp_obj_t *(*rp_module_create_fn)(void);

typedef struct rp_module_entry {
    const char *name;
    rp_module_create_fn create;   // returns a new module or NULL + exception
} rp_module_entry_t;

// {NULL}-terminated.
extern const rp_module_entry_t rp_builtin_modules[];

rp_obj_t *rp_mod_builtins_create(void);
rp_obj_t *rp_mod_sys_create(void);
rp_obj_t *rp_mod_math_create(void);
rp_obj_t *rp_mod_time_create(void);
rp_obj_t *rp_mod_os_create(void);
rp_obj_t *rp_mod_os_path_create(void);
// The gc module (modules/gc.c).
rp_obj_t *rp_mod_gc_create(void);
// The memlab module (modules/memlab.c): refpy's memory-model explanations.
rp_obj_t *rp_mod_memlab_create(void);
// Memory inspection (modules/tracemalloc.c, modules/objgraph.c).
rp_obj_t *rp_mod__tracemalloc_create(void);
rp_obj_t *rp_mod_tracemalloc_create(void);
rp_obj_t *rp_mod_objgraph_create(void);
// _ctypes.PyObj_FromPtr (modules/ctypes.c).
rp_obj_t *rp_mod__ctypes_create(void);

#endif
