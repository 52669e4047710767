// Module objects: a name and a namespace dict.
#ifndef RP_MODULE_H
#define RP_MODULE_H

#include "object.h"

typedef struct rp_module {
    rp_obj_t ob;
    rp_obj_t *dict;         // namespace, owned
    rp_obj_t *name;         // str, owned
} rp_module_t;

extern rp_type_t rp_type_module;

// New module with __name__ (and __doc__ None) in its dict.
rp_obj_t *rp_module_new(const char *name);
// Borrowed namespace dict.
static inline rp_obj_t *rp_module_dict_borrow(rp_obj_t *m) { return ((rp_module_t *)m)->dict; }
// Adds builtin functions from a {NULL}-terminated table to the module.
int rp_module_add_functions(rp_obj_t *m, const rp_method_def_t *defs);
int rp_module_add_object_take(rp_obj_t *m, const char *name, rp_obj_t *value);
int rp_module_add_int(rp_obj_t *m, const char *name, int64_t value);
int rp_module_add_str(rp_obj_t *m, const char *name, const char *value);

#endif
