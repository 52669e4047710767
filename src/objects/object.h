// The object header, the type object, reference counting, and the generic
// object protocol (repr, hash, compare, attributes, calls, iteration) that
// every layer above uses instead of switching on concrete types.
#ifndef RP_OBJECT_H
#define RP_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Invariants (the memory model, as in CPython 3.11):
 *
 * - Every value is a heap object that starts with rp_obj_t: a reference
 *   count and a type pointer.  There are no tagged or immediate values;
 *   id(x) is the object's address.
 * - refcnt counts every strong reference: containers, frames' locals and
 *   value stacks, globals dicts, code constants, the interpreter's caches.
 *   When it reaches zero the type's dealloc runs at once (__del__ included).
 * - Statically allocated objects (None, True, False, Ellipsis,
 *   NotImplemented, small ints -5..256, builtin type objects) start with
 *   RP_STATIC_REFCNT and never reach zero.
 * - Container types (flag RP_TPFLAG_GC) are allocated with a gc header in
 *   front of the object (memory/gc.h) and implement traverse and clear.
 * - Functions returning rp_obj_t * return a NEW reference, or NULL with an
 *   exception set (objects/errors.h), unless the name ends in _borrow.
 *   Functions returning int return 0 / -1 (predicates 1 / 0 / -1).
 *   Arguments are borrowed unless the name ends in _take.
 */

typedef ssize_t rp_ssize_t;
typedef int64_t rp_hash_t;

typedef struct rp_type rp_type_t;

typedef struct rp_obj {
    rp_ssize_t refcnt;
    rp_type_t *type;
} rp_obj_t;

// Header of variable-size objects (tuple, int-like, bytes).
typedef struct rp_varobj {
    rp_obj_t ob;
    rp_ssize_t size;
} rp_varobj_t;

#define RP_STATIC_REFCNT ((rp_ssize_t)1 << 30)

// Initializer for a statically allocated object of type T (a rp_type_t).
#define RP_STATIC_HEAD(T) { RP_STATIC_REFCNT, &(T) }

// ---------------------------------------------------------------------
// Slot signatures

typedef void (*rp_destructor)(rp_obj_t *self);
typedef rp_obj_t *(*rp_reprfunc)(rp_obj_t *self);
typedef rp_hash_t (*rp_hashfunc)(rp_obj_t *self);           // -1 on error
typedef rp_obj_t *(*rp_richcmpfunc)(rp_obj_t *a, rp_obj_t *b, int op);
typedef rp_obj_t *(*rp_binaryfunc)(rp_obj_t *a, rp_obj_t *b, int op);
typedef rp_obj_t *(*rp_unaryfunc)(rp_obj_t *a, int op);
typedef int (*rp_inquiry)(rp_obj_t *self);                   // 1/0/-1
typedef rp_ssize_t (*rp_lenfunc)(rp_obj_t *self);            // -1 on error
typedef rp_obj_t *(*rp_getattrfunc)(rp_obj_t *self, rp_obj_t *name);
// value == NULL means delete.
typedef int (*rp_setattrfunc)(rp_obj_t *self, rp_obj_t *name, rp_obj_t *value);
typedef rp_obj_t *(*rp_getitemfunc)(rp_obj_t *self, rp_obj_t *key);
typedef int (*rp_setitemfunc)(rp_obj_t *self, rp_obj_t *key, rp_obj_t *value);
typedef int (*rp_containsfunc)(rp_obj_t *self, rp_obj_t *item);
typedef rp_obj_t *(*rp_iterfunc)(rp_obj_t *self);
// Returns a new reference; NULL with no exception set means exhausted;
// NULL with an exception set is an error.
typedef rp_obj_t *(*rp_iternextfunc)(rp_obj_t *self);
typedef rp_obj_t *(*rp_descrgetfunc)(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *type);
typedef int (*rp_descrsetfunc)(rp_obj_t *descr, rp_obj_t *obj, rp_obj_t *value);
typedef int (*rp_visitproc)(rp_obj_t *child, void *arg);
typedef int (*rp_traverseproc)(rp_obj_t *self, rp_visitproc visit, void *arg);

// The calling convention everywhere (CPython's vectorcall): nargs
// positional arguments in args[0..nargs), then one value per keyword name
// in kwnames (a tuple of interned str, or NULL when there are none).
typedef rp_obj_t *(*rp_callfunc)(rp_obj_t *callable, rp_obj_t *const *args,
                                 size_t nargs, rp_obj_t *kwnames);
// Builtin function / method implementation: self is the bound object (or
// the module for module-level functions, the type for classmethods).
typedef rp_obj_t *(*rp_cfunc)(rp_obj_t *self, rp_obj_t *const *args,
                              size_t nargs, rp_obj_t *kwnames);
typedef rp_obj_t *(*rp_newfunc)(rp_type_t *type, rp_obj_t *const *args,
                                size_t nargs, rp_obj_t *kwnames);
typedef int (*rp_initfunc)(rp_obj_t *self, rp_obj_t *const *args,
                           size_t nargs, rp_obj_t *kwnames);
typedef rp_obj_t *(*rp_getter)(rp_obj_t *self);
typedef int (*rp_setter)(rp_obj_t *self, rp_obj_t *value); // NULL = delete

// Rich comparison operators (same numbering as CPython's Py_LT...).
enum { RP_LT = 0, RP_LE = 1, RP_EQ = 2, RP_NE = 3, RP_GT = 4, RP_GE = 5 };

// Binary operators, numbered like CPython 3.11's BINARY_OP oparg (NB_*).
// The in-place form of op X is X + RP_BINOP_INPLACE.
enum {
    RP_BINOP_ADD = 0, RP_BINOP_AND = 1, RP_BINOP_FLOORDIV = 2,
    RP_BINOP_LSHIFT = 3, RP_BINOP_MATMUL = 4, RP_BINOP_MUL = 5,
    RP_BINOP_MOD = 6, RP_BINOP_OR = 7, RP_BINOP_POW = 8,
    RP_BINOP_RSHIFT = 9, RP_BINOP_SUB = 10, RP_BINOP_TRUEDIV = 11,
    RP_BINOP_XOR = 12,
    RP_BINOP_INPLACE = 13,
    RP_BINOP_COUNT = 26
};

// Unary operators for the unary_op slot.
enum { RP_UNOP_NEG = 0, RP_UNOP_POS = 1, RP_UNOP_INVERT = 2, RP_UNOP_ABS = 3 };

// Builtin method table entry.  Flags: how the method binds.
enum {
    RP_METH_INSTANCE = 0,   // self is the instance
    RP_METH_CLASS = 1,      // self is the type (classmethod)
    RP_METH_STATIC = 2,     // self is NULL
};
typedef struct rp_method_def {
    const char *name;
    rp_cfunc fn;
    int flags;
    const char *doc;
} rp_method_def_t;

typedef struct rp_getset_def {
    const char *name;
    rp_getter get;
    rp_setter set;          // NULL: read-only attribute
    const char *doc;
} rp_getset_def_t;

// Type flags.
enum {
    RP_TPFLAG_GC = 1u << 0,          // instances carry a gc header, are tracked
    RP_TPFLAG_BASETYPE = 1u << 1,    // may be subclassed
    RP_TPFLAG_HEAPTYPE = 1u << 2,    // created by a class statement
    RP_TPFLAG_READY = 1u << 3,       // rp_type_ready has run
    RP_TPFLAG_ABSTRACT_NEW = 1u << 4,
    // CPython 3.11 would keep instance attributes inline (no dict object
    // until Python code asks for __dict__): memory/gc.h.
    RP_TPFLAG_INLINE_VALUES = 1u << 5,
    // Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS.
    RP_TPFLAG_INT_SUBCLASS = 1u << 8,
    RP_TPFLAG_LIST_SUBCLASS = 1u << 9,
    RP_TPFLAG_TUPLE_SUBCLASS = 1u << 10,
    RP_TPFLAG_STR_SUBCLASS = 1u << 11,
    RP_TPFLAG_BYTES_SUBCLASS = 1u << 12,
    RP_TPFLAG_DICT_SUBCLASS = 1u << 13,
    RP_TPFLAG_BASE_EXC_SUBCLASS = 1u << 14,
    RP_TPFLAG_TYPE_SUBCLASS = 1u << 15,
};

// The type object.  Builtin types are static and filled with designated
// initializers (unused slots NULL); rp_type_ready() completes them at
// startup (mro, dict of methods, inherited slots).  Classes created by
// `class` statements are heap types (objects/type.c) whose slots dispatch
// to the dunder methods found on the MRO.
struct rp_type {
    rp_obj_t ob;
    const char *name;               // "int", "list", or the class __name__
    rp_ssize_t basicsize;           // fixed part of an instance, in bytes
    rp_ssize_t itemsize;            // per item, for variable-size objects
    unsigned flags;

    rp_destructor dealloc;
    rp_destructor finalize;         // __del__ (PEP 442); NULL if none
    rp_reprfunc repr;
    rp_reprfunc str;
    rp_hashfunc hash;
    rp_richcmpfunc richcompare;
    rp_binaryfunc binary_op;        // (a, b, op): may return NotImplemented
    rp_unaryfunc unary_op;
    rp_inquiry bool_;               // truth value; NULL -> len or True
    rp_reprfunc int_;               // __int__ / int(x)
    rp_reprfunc index;              // __index__
    rp_reprfunc float_;             // __float__
    rp_lenfunc len;
    rp_getitemfunc getitem;
    rp_setitemfunc setitem;         // value NULL: delete
    rp_containsfunc contains;
    rp_getattrfunc getattr;         // NULL -> rp_obj_generic_getattr
    rp_setattrfunc setattr;         // NULL -> rp_obj_generic_setattr
    rp_callfunc call;
    rp_iterfunc iter;
    rp_iternextfunc next;
    rp_descrgetfunc descr_get;
    rp_descrsetfunc descr_set;      // value NULL: delete
    rp_traverseproc traverse;
    rp_inquiry clear;
    rp_newfunc new_;
    rp_initfunc init;

    const rp_method_def_t *methods; // terminated by a {NULL} entry
    const rp_getset_def_t *getsets; // terminated by a {NULL} entry

    rp_type_t *base;                // single base for layout (object: NULL)
    rp_obj_t *bases;                // tuple of bases
    rp_obj_t *mro;                  // tuple, self first
    rp_obj_t *dict;                 // the type's namespace (a dict)
    rp_obj_t *subclasses;           // list of weak-ish refs: not owned
    rp_ssize_t dict_offset;         // offset of the instance __dict__ slot, 0 if none
    rp_obj_t *heap_name;            // heap types: __name__ str (owned)
    rp_obj_t *heap_qualname;        // heap types: __qualname__ str (owned)
    rp_obj_t *module_name;          // heap types: __module__ str (owned)
    rp_obj_t *heap_slots;           // heap types: sorted __slots__ names (owned)
    uint32_t version_tag;           // bumped when the namespace changes (caches)
    struct rp_shared_keys *shared_keys; // heap types: objects/sharedkeys.h (owned)
};

extern rp_type_t rp_type_type;      // type
extern rp_type_t rp_type_object;    // object
extern rp_type_t rp_type_none;      // NoneType
extern rp_type_t rp_type_notimpl;   // NotImplementedType
extern rp_type_t rp_type_ellipsis;  // ellipsis

extern rp_obj_t rp_none_obj, rp_notimpl_obj, rp_ellipsis_obj;
#define rp_None (&rp_none_obj)
#define rp_NotImplemented (&rp_notimpl_obj)
#define rp_Ellipsis (&rp_ellipsis_obj)

// ---------------------------------------------------------------------
// Reference counting

// Frees an object whose count reached zero (memory/dealloc in object.c:
// untracks, runs the type's dealloc, bounded C stack via the trashcan).
void rp_obj_dealloc(rp_obj_t *o);

static inline void rp_incref(rp_obj_t *o) { o->refcnt++; }
static inline void rp_xincref(rp_obj_t *o) { if (o) o->refcnt++; }
static inline void rp_decref(rp_obj_t *o)
{
    if (--o->refcnt == 0)
        rp_obj_dealloc(o);
}
static inline void rp_xdecref(rp_obj_t *o) { if (o) rp_decref(o); }
// Returns o after increfing it: `return rp_newref(rp_None);`
static inline rp_obj_t *rp_newref(rp_obj_t *o) { o->refcnt++; return o; }
// Replaces *slot with value (new reference taken), releasing the old one
// after the store, so a __del__ run by the release sees the new state.
static inline void rp_setref(rp_obj_t **slot, rp_obj_t *value_take)
{
    rp_obj_t *old = *slot;
    *slot = value_take;
    rp_xdecref(old);
}
// Clears *slot (sets it NULL first, then releases).
static inline void rp_clear(rp_obj_t **slot)
{
    rp_obj_t *old = *slot;
    *slot = NULL;
    rp_xdecref(old);
}

#define RP_OBJ(p) ((rp_obj_t *)(p))
#define RP_TYPE(o) (((rp_obj_t *)(o))->type)

static inline bool rp_type_has_flag(const rp_type_t *t, unsigned f)
{
    return (t->flags & f) != 0;
}

// ---------------------------------------------------------------------
// Allocation of objects (memory/alloc.h underneath).

// Allocates an object of `size` bytes (>= type->basicsize), sets refcnt 1
// and type; GC types get a gc header but are NOT tracked yet: call
// rp_gc_track() once the object's fields are valid.  Heap types are
// increfed (the instance owns a reference to its class, as in CPython).
// Returns NULL with MemoryError set on failure.
rp_obj_t *rp_obj_alloc(rp_type_t *type, size_t size);
// Frees the memory of an object (after its dealloc released children);
// decrefs the type for heap types.  Handles the gc header.
void rp_obj_free(rp_obj_t *o);

// ---------------------------------------------------------------------
// Recursion guard for C-level recursion (repr, ==, hash of nested data).
// rp_recursion_enter returns -1 with RecursionError set
// ("maximum recursion depth exceeded" + where) when the depth passes the
// limit shared with Python frames.
extern int rp_recursion_depth;
extern int rp_recursion_limit;      // sys.getrecursionlimit(), 1000
int rp_recursion_enter_slow(const char *where);
static inline int rp_recursion_enter(const char *where)
{
    if (++rp_recursion_depth > rp_recursion_limit)
        return rp_recursion_enter_slow(where);
    return 0;
}
static inline void rp_recursion_leave(void) { rp_recursion_depth--; }

// ---------------------------------------------------------------------
// The generic object protocol (object.c).  All return new references or
// NULL with an exception set; int functions return 0/-1 or 1/0/-1.

rp_obj_t *rp_obj_repr(rp_obj_t *o);
rp_obj_t *rp_obj_str(rp_obj_t *o);
rp_obj_t *rp_obj_ascii(rp_obj_t *o);
rp_hash_t rp_obj_hash(rp_obj_t *o);                  // -1 on error
// TypeError "unhashable type: 'list'".
rp_hash_t rp_obj_hash_not_implemented(rp_obj_t *o);
rp_obj_t *rp_obj_richcompare(rp_obj_t *a, rp_obj_t *b, int op);
// 1/0/-1. Identity implies equality for EQ (as CPython's containers do).
int rp_obj_richcompare_bool(rp_obj_t *a, rp_obj_t *b, int op);
int rp_obj_is_true(rp_obj_t *o);                      // 1/0/-1
int rp_obj_not(rp_obj_t *o);
rp_ssize_t rp_obj_len(rp_obj_t *o);                   // -1 on error

rp_obj_t *rp_obj_getattr(rp_obj_t *o, rp_obj_t *name);
rp_obj_t *rp_obj_getattr_cstr(rp_obj_t *o, const char *name);
// Like getattr but returns NULL with NO exception if AttributeError.
rp_obj_t *rp_obj_getattr_opt(rp_obj_t *o, rp_obj_t *name);
int rp_obj_setattr(rp_obj_t *o, rp_obj_t *name, rp_obj_t *value); // NULL=del
int rp_obj_hasattr(rp_obj_t *o, rp_obj_t *name);      // 1/0/-1
// Default attribute lookup: data descriptors on the type, instance dict,
// then non-data descriptors / class attributes.
rp_obj_t *rp_obj_generic_getattr(rp_obj_t *o, rp_obj_t *name);
int rp_obj_generic_setattr(rp_obj_t *o, rp_obj_t *name, rp_obj_t *value);
// The instance __dict__ of o (borrowed), creating it if the type has a
// dict slot; NULL (no exception) if the type has none.  Attributes kept
// inline (objects/instvalues.h) move into the dict first.
rp_obj_t *rp_obj_dict_borrow(rp_obj_t *o);
// __dict__ getter and setter for types with a dict slot
// (PyObject_GenericGetDict / PyObject_GenericSetDict): get makes the dict
// (new reference); set takes a dict, refusing deletion.
rp_obj_t *rp_obj_generic_get_dict(rp_obj_t *o);
int rp_obj_generic_set_dict(rp_obj_t *o, rp_obj_t *value);
// The instance __dict__ of o if it has one now (borrowed), else NULL:
// never makes one.
rp_obj_t *rp_obj_dict_peek(rp_obj_t *o);

rp_obj_t *rp_obj_getitem(rp_obj_t *o, rp_obj_t *key);
int rp_obj_setitem(rp_obj_t *o, rp_obj_t *key, rp_obj_t *value);
int rp_obj_delitem(rp_obj_t *o, rp_obj_t *key);
int rp_obj_contains(rp_obj_t *container, rp_obj_t *item); // 1/0/-1

rp_obj_t *rp_obj_call(rp_obj_t *callable, rp_obj_t *const *args,
                      size_t nargs, rp_obj_t *kwnames);
// Calls with a tuple of positional args and an optional dict of kwargs.
rp_obj_t *rp_obj_call_tuple_dict(rp_obj_t *callable, rp_obj_t *args,
                                 rp_obj_t *kwargs);
rp_obj_t *rp_obj_call0(rp_obj_t *callable);
rp_obj_t *rp_obj_call1(rp_obj_t *callable, rp_obj_t *arg);
rp_obj_t *rp_obj_call2(rp_obj_t *callable, rp_obj_t *a, rp_obj_t *b);
// Calls method `name` (a C string) on o with nargs positional args.
rp_obj_t *rp_obj_call_method(rp_obj_t *o, const char *name,
                             rp_obj_t *const *args, size_t nargs);
bool rp_obj_is_callable(rp_obj_t *o);

rp_obj_t *rp_obj_iter(rp_obj_t *o);
// Next item: new reference; NULL with no exception = exhausted.
rp_obj_t *rp_iter_next(rp_obj_t *it);

rp_obj_t *rp_number_binop(rp_obj_t *a, rp_obj_t *b, int op);
rp_obj_t *rp_number_unop(rp_obj_t *a, int op);
// Three-argument pow(a, b, m); m may be rp_None.
rp_obj_t *rp_number_pow3(rp_obj_t *a, rp_obj_t *b, rp_obj_t *m);
// __index__ conversion to a C ssize_t; -1 with exception on error
// ("'str' object cannot be interpreted as an integer").
rp_ssize_t rp_number_as_ssize(rp_obj_t *o, rp_type_t *overflow_exc_type);
rp_obj_t *rp_number_index(rp_obj_t *o);
// int(x) / float(x) conversions following the slots.
rp_obj_t *rp_number_to_int(rp_obj_t *o);
rp_obj_t *rp_number_to_float(rp_obj_t *o);

bool rp_type_is_subtype(const rp_type_t *a, const rp_type_t *b);
static inline bool rp_obj_type_is(const rp_obj_t *o, const rp_type_t *t)
{
    return o->type == t;
}
static inline bool rp_obj_is_instance_of(const rp_obj_t *o, const rp_type_t *t)
{
    return o->type == t || rp_type_is_subtype(o->type, t);
}
// isinstance(o, cls) with cls a type or tuple of types: 1/0/-1.
int rp_obj_isinstance(rp_obj_t *o, rp_obj_t *cls);
int rp_obj_issubclass(rp_obj_t *derived, rp_obj_t *cls);

// Looks name up along type's MRO; borrowed, NULL (no exception) if absent.
rp_obj_t *rp_type_lookup_borrow(rp_type_t *type, rp_obj_t *name);
// Completes a static builtin type: mro, namespace dict with methods and
// getsets, inherited slots.  0 / -1.
int rp_type_ready(rp_type_t *type);
// Type name for messages: "int", or a heap type's __name__.
const char *rp_type_name(const rp_type_t *t);

#endif
