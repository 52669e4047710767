// Private to the types layer (object.c, type.c, typeslots.c, descr.c,
// super.c, exc.c): interned identifiers, the slot-wrapper table that links
// dunder names to rp_type_t slots, and helpers shared by those files.
#ifndef RP_TYPESLOTS_H
#define RP_TYPESLOTS_H

#include "object.h"

// ---------------------------------------------------------------------
// Interned identifier strings, created on first use and kept forever.

#define RP_ID_LIST(X) \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) \
    X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) \
    X(__next__) X(__call__) X(__getattr__) X(__getattribute__) \
    X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__delete__) \
    X(__del__) X(__int__) X(__float__) X(__index__) X(__format__) \
    X(__init_subclass__) X(__set_name__) X(__class__) X(__dict__) X(__doc__) \
    X(__module__) X(__qualname__) X(__name__) X(__classcell__) \
    X(__weakref__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) \
    X(__mro__) X(mro) X(builtins) X(__main__) X(__notes__) X(__dir__) \
    X(__slots__) X(__bases__) X(__class_getitem__) X(__isabstractmethod__) \
    X(__prepare__) X(__instancecheck__) X(__subclasscheck__) X(__func__) \
    X(__wrapped__) X(__self__)

enum {
#define RP_ID_ENUM(n) RP_ID_##n,
    RP_ID_LIST(RP_ID_ENUM)
#undef RP_ID_ENUM
    RP_ID_COUNT
};

extern rp_obj_t *rp_ids[RP_ID_COUNT];
rp_obj_t *rp_id_slow(int id);
// The interned str for identifier `id` (borrowed, immortal).
static inline rp_obj_t *rp_id(int id)
{
    rp_obj_t *s = rp_ids[id];
    return s ? s : rp_id_slow(id);
}
#define RP_ID(n) rp_id(RP_ID_##n)
// Creates every identifier and operator dunder name now (at start-up), so
// that the objects living at exit do not depend on which ones a program
// happened to need.  Failures are left to the lazy path.
void rp_ids_init(void);

// Creates every identifier, operator dunder name and slot-wrapper name
// now rather than on first use, so the set of live blocks after start-up
// does not depend on what a program did (-X showrefcount, leak checks).
// Called once by rp_vm_init after the types are ready.
void rp_typeslots_warm(void);

// Binary operator names without underscores ("add", "floordiv"), their
// symbols for messages ("+", "//"), indexed by RP_BINOP_*.
extern const char *const rp_binop_names[13];
extern const char *const rp_binop_symbols[13];
// The interned dunder names of op (0..12): kind 0 "__add__", 1 "__radd__",
// 2 "__iadd__".
rp_obj_t *rp_binop_dunder(int op, int kind);

// ---------------------------------------------------------------------
// Slot wrappers: the table linking dunder names to slots.

typedef enum {
    RP_W_UNARY,        // rp_reprfunc: repr, str, iter, int_, index, float_
    RP_W_HASH,
    RP_W_RICHCMP,      // op
    RP_W_BINOP,        // op
    RP_W_RBINOP,       // op, operands swapped
    RP_W_IBINOP,       // op + RP_BINOP_INPLACE
    RP_W_UNOP,         // op
    RP_W_BOOL,
    RP_W_LEN,
    RP_W_GETITEM,
    RP_W_SETITEM,
    RP_W_DELITEM,
    RP_W_CONTAINS,
    RP_W_GETATTR,
    RP_W_SETATTR,
    RP_W_DELATTR,
    RP_W_CALL,
    RP_W_NEXT,
    RP_W_DESCR_GET,
    RP_W_DESCR_SET,
    RP_W_DESCR_DELETE,
    RP_W_INIT,
    RP_W_DEL,
    RP_W_NONE,         // no wrapper (__getattr__, __new__)
} rp_wrapper_kind_t;

typedef struct rp_slotdef {
    const char *name;           // "__add__"
    size_t offset;              // offsetof(rp_type_t, slot)
    rp_wrapper_kind_t kind;
    int op;                     // operator for RICHCMP/BINOP/UNOP kinds
    void *generic;              // the heap-type dispatcher for this slot
    int id;                     // interned name (index into a private table)
} rp_slotdef_t;

// The table, terminated by a {NULL} entry, in CPython's slotdefs order.
extern const rp_slotdef_t rp_slotdefs[];
// Interned name of slotdefs[i] (borrowed).
rp_obj_t *rp_slotdef_name(int i);
// Releases the interned names rp_slotdef_name made (at finalisation).
void rp_slotdef_names_clear(void);

static inline void *rp_slot_get(const rp_type_t *t, size_t offset)
{
    return *(void *const *)((const char *)t + offset);
}
static inline void rp_slot_set(rp_type_t *t, size_t offset, void *fn)
{
    *(void **)((char *)t + offset) = fn;
}

// Wrapper descriptor and its bound form (descr.c).
typedef struct rp_wrapper_descr {
    rp_obj_t ob;
    rp_type_t *type;            // owner (strong reference)
    const rp_slotdef_t *def;
    void *wrapped;              // the slot function of `type`
    rp_obj_t *name;             // interned
} rp_wrapper_descr_t;

rp_obj_t *rp_wrapper_descr_new(rp_type_t *type, const rp_slotdef_t *def, void *wrapped);
// Calls the wrapped slot with self and the Python-level arguments.
rp_obj_t *rp_wrapper_call(const rp_slotdef_t *def, void *wrapped, rp_obj_t *self,
                          rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);

// Method descriptors (descr.c).
typedef struct rp_method_descr {
    rp_obj_t ob;
    rp_type_t *type;            // owner (strong reference)
    const rp_method_def_t *def;
    rp_obj_t *name;
} rp_method_descr_t;

typedef struct rp_getset_descr {
    rp_obj_t ob;
    rp_type_t *type;
    const rp_getset_def_t *def;
    rp_obj_t *name;
} rp_getset_descr_t;

typedef struct rp_builtin_function {
    rp_obj_t ob;
    const rp_method_def_t *def;
    rp_obj_t *self;             // bound object, module, or NULL
} rp_builtin_function_t;

rp_obj_t *rp_method_descr_new(rp_type_t *type, const rp_method_def_t *def);
rp_obj_t *rp_classmethod_descr_new(rp_type_t *type, const rp_method_def_t *def);
rp_obj_t *rp_getset_descr_new(rp_type_t *type, const rp_getset_def_t *def);
rp_obj_t *rp_staticmethod_new(rp_obj_t *callable);
rp_obj_t *rp_classmethod_new(rp_obj_t *callable);

// type.c helpers.
// The heap-type slot dispatchers are installed from the dunder methods
// found on the MRO: recompute every slot of type (and its subclasses).
void rp_type_fixup_slots(rp_type_t *type);
// Special-method lookup on type(self): *unbound set to true when the
// result is a plain function/method descriptor to call with self
// prepended.  New reference or NULL (no exception) when absent; NULL with
// exception on a descriptor error.
rp_obj_t *rp_lookup_maybe_method(rp_obj_t *self, rp_obj_t *name, bool *unbound);
// Calls func (from rp_lookup_maybe_method) with self and args.
rp_obj_t *rp_call_unbound(bool unbound, rp_obj_t *func, rp_obj_t *self,
                          rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);
// callable(self, *args, **kw) without building a tuple.
rp_obj_t *rp_call_prepend(rp_obj_t *callable, rp_obj_t *self,
                          rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);
// True for descriptor types that bind like functions (CPython's
// Py_TPFLAGS_METHOD_DESCRIPTOR).
bool rp_is_method_descriptor(const rp_type_t *t);
// The tp_new wrapper builtin stored as T.__new__ for static types.
extern const rp_method_def_t rp_tp_new_def;

// object.c: default repr "<mod.Qual object at 0x...>".
rp_obj_t *rp_object_default_repr(rp_obj_t *o);
// "0x7f..." text of an address into buf (>= 24 bytes).
void rp_format_addr(char *buf, size_t size, const void *p);
// CPython's _Py_HashPointer.
rp_hash_t rp_hash_pointer(const void *p);
// AttributeError "'C' object has no attribute 'x'" with .name/.obj set.
void rp_set_attribute_error(rp_obj_t *obj, rp_obj_t *name);
// Generic getattr; with suppress, a missing attribute returns NULL
// without setting an exception.
rp_obj_t *rp_generic_getattr_impl(rp_obj_t *o, rp_obj_t *name, bool suppress);
// type.c: lookup on a type object (metatype rules); suppress as above.
rp_obj_t *rp_type_getattr_impl(rp_obj_t *type, rp_obj_t *name, bool suppress);
// Name of a type for __name__ (after the last '.' of static names).
const char *rp_type_short_name(const rp_type_t *t);
// The module name str of a type (new reference): "builtins" for plain
// static names.
rp_obj_t *rp_type_module_str(rp_type_t *t);
// The qualified name str (new reference).
rp_obj_t *rp_type_qualname_str(rp_type_t *t);

// Shared between type.c and typenew.c.
#define RP_TPFLAG_READYING (1u << 20)   // rp_type_ready is running on it
void rp_type_assign_version(rp_type_t *t);
int rp_type_add_subclass(rp_type_t *base, rp_type_t *type);
int rp_type_add_getsets(rp_type_t *type, const rp_getset_def_t *gs);
void rp_type_inherit_slots(rp_type_t *type, rp_type_t *base);
rp_obj_t *rp_type_mro_from_base(rp_type_t *type, rp_type_t *base);
rp_obj_t *rp_type_c3_mro(rp_type_t *type);
rp_type_t *rp_type_solid_base(rp_type_t *type);
// The nearest base whose dealloc is not the class dealloc.
rp_type_t *rp_type_static_base(rp_type_t *type);
void rp_subtype_dealloc(rp_obj_t *self);
int rp_subtype_traverse(rp_obj_t *self, rp_visitproc visit, void *arg);
int rp_subtype_clear(rp_obj_t *self);
extern const rp_getset_def_t rp_subtype_getset_dict[], rp_subtype_getset_weakref[];
rp_obj_t *rp_type_new_slot(rp_type_t *metatype, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames);
int rp_type_init_slot(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);
// Objects whose __del__ already ran (typeslots.c).
void rp_finalized_mark(rp_obj_t *o);
bool rp_finalized_test(rp_obj_t *o);
void rp_finalized_forget(rp_obj_t *o);

#endif
