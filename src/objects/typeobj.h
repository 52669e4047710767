// Classes: type objects created at run time by `class` statements, with
// C3 MRO, slots that dispatch to dunder methods, and the descriptors
// (builtin methods, getsets, property, staticmethod, classmethod, super).
#ifndef RP_TYPEOBJ_H
#define RP_TYPEOBJ_H

#include "object.h"

extern rp_type_t rp_type_property, rp_type_staticmethod, rp_type_classmethod,
    rp_type_super, rp_type_method_descr, rp_type_classmethod_descr,
    rp_type_getset_descr, rp_type_builtin_function, rp_type_wrapper_descr,
    rp_type_method_wrapper;

// type(name, bases, dict): creates a heap type.  bases is a tuple (empty
// means (object,)); ns is the class namespace (copied).  Sets the
// __classcell__ cell if present.  New reference or NULL + exception
// (TypeError for MRO conflicts: "Cannot create a consistent method
// resolution order (MRO) for bases A, B").
rp_obj_t *rp_type_new_heap(rp_obj_t *name, rp_obj_t *bases, rp_obj_t *ns);
// A builtin function object for a C function bound to self (a module or
// NULL): `print`, `len`, `sys.getrefcount`.
rp_obj_t *rp_builtin_function_new(const rp_method_def_t *def, rp_obj_t *self);
// The bound form of a builtin method descriptor (`[].append`).
static inline bool rp_type_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_TYPE_SUBCLASS);
}

#endif
