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
static inline bool rp_type_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_TYPE_SUBCLASS);
}

/*
 * Layout of instances of heap types (classes):
 *
 * - A class whose solid base has no instance dict gets one: for a
 *   fixed-size base (itemsize 0) the dict pointer sits at offset
 *   base->basicsize, followed by a weakref placeholder and a spare word
 *   (so sizeof matches CPython 3.11's managed-dict layout); for a
 *   variable-size base (tuple, bytes: itemsize != 0) the dict pointer is
 *   the last word of the object and dict_offset is negative (-8), counted
 *   from the end of the variable part, as CPython's tp_dictoffset < 0.
 * - Builtin types that allow subclassing must therefore allocate
 *   instances of a subtype with rp_type_generic_alloc(type, nitems) (or
 *   at least type->basicsize + nitems * itemsize zeroed bytes) so the
 *   extra words exist; the subtype's dealloc clears the dict before the
 *   base type's dealloc runs.
 * - All heap types have RP_TPFLAG_GC: their instances carry a gc header
 *   even when the base type's do not.
 */

// Class objects are containers only when their metaclass is a class
// (RP_TPFLAG_GC on the metatype): `type` itself has no RP_TPFLAG_GC, so
// static type objects and classes of metaclass `type` carry no gc header
// and are never tracked; an object has a gc header exactly when its
// type has RP_TPFLAG_GC.

// Readies every builtin type of the objects layer (object, type, the
// descriptors, the singletons' types, the containers, numbers, strings,
// iterators, exceptions...).  Types already ready are skipped; call once
// at start-up.  0 / -1 with an exception set.
int rp_type_ready_all(void);
// Empties the attribute lookup cache, releasing the names it holds (at
// finalisation, so that only the interpreter's fixed objects remain).
void rp_type_cache_clear(void);

// mappingproxy: the read-only view returned by C.__dict__.
extern rp_type_t rp_type_mappingproxy;
rp_obj_t *rp_mappingproxy_new(rp_obj_t *mapping);

// Allocates a zero-filled instance of type with room for nitems items
// (variable-size types) and the subtype's extra words; GC instances are
// tracked before returning.  Refcount 1.  NULL + MemoryError on failure.
rp_obj_t *rp_type_generic_alloc(rp_type_t *type, rp_ssize_t nitems);
// Address of o's instance-dict slot, or NULL if its type has none (or
// memory ran out making the dict of attributes kept inline: they move
// into a dict first, objects/instvalues.h).
rp_obj_t **rp_obj_dict_ptr(rp_obj_t *o);
// The same slot, never making a dict: NULL while the attributes are
// inline.
rp_obj_t **rp_obj_dict_slot(rp_obj_t *o);
// Must be called after changing type->dict behind the type's back (a
// direct rp_dict_set on it): bumps the version tag of type and all its
// subclasses so attribute caches are invalidated.
void rp_type_modified(rp_type_t *type);

// LOAD_METHOD support (CPython's _PyObject_GetMethod).  Looks up name on
// obj.  Returns 1 with *method set to a new reference to an unbound
// function/method descriptor that must be called with obj as its first
// argument; 0 with *method set to a new reference to the attribute to
// call as is; -1 with an exception set (*method NULL).
int rp_obj_get_method(rp_obj_t *obj, rp_obj_t *name, rp_obj_t **method);

// Zero-argument super() needs the caller's frame, which lives in vm/.
// objects/ must not include vm/ headers, so the VM stores its
// rp_vm_super_args in this hook during rp_vm_init.  When the hook is
// NULL, super() falls back to rp_vm_super_args if it is linked in.
extern int (*rp_super_args_hook)(rp_obj_t **type_out, rp_obj_t **self_out);

#endif
