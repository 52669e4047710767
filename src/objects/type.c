// The types `type` and `object`: readying static types (mro, namespace
// with descriptors and slot wrappers, inherited slots), classes created at
// run time (C3 MRO, solid base and instance layout), attribute lookup
// with a global method cache, and the generic instance dealloc.
#include <string.h>

#include "object.h"
#include "errors.h"
#include "exc.h"
#include "typeobj.h"
#include "typeslots.h"
#include "slots.h"
#include "genericalias.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "module.h"
#include "args.h"
#include "float.h"
#include "set.h"
#include "bytes.h"
#include "code.h"
#include "rangeobj.h"
#include "sharedkeys.h"
#include "instvalues.h"
#include "memory/alloc.h"
#include "memory/gc.h"

/*
 * Invariants:
 *
 * - A ready type has mro (tuple, itself first), dict, bases, and a
 *   non-zero version_tag that is unique over the process lifetime; any
 *   change to the namespace of a type or of one of its bases gives it a
 *   fresh tag (rp_type_modified), so (tag, name) -> value caches never
 *   go stale.
 * - `subclasses` is a list of ints holding the addresses of the direct
 *   subclasses (not references); a heap type removes itself from its
 *   bases' lists when it dies.
 * - Heap types own references to base, bases, mro, dict, heap_name,
 *   heap_qualname and module_name; `name` points into heap_name's UTF-8.
 */

static uint32_t next_version_tag = 1;

// ---------------------------------------------------------------------
// Method cache: (version_tag, interned name) -> borrowed value.

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

typedef struct {
    uint32_t version;
    rp_obj_t *name;     // owned
    rp_obj_t *value;    // borrowed; NULL = known absent
} mcache_entry_t;

static mcache_entry_t mcache[MCACHE_SIZE];

void rp_type_cache_clear(void)
{
    for (unsigned i = 0; i < MCACHE_SIZE; i++) {
        mcache[i].version = 0;
        mcache[i].value = NULL;
        rp_clear(&mcache[i].name);
    }
}

static inline unsigned mcache_index(uint32_t version, rp_obj_t *name)
{
    uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)version * 2654435761u);
    return (unsigned)((h ^ (h >> MCACHE_BITS)) & (MCACHE_SIZE - 1));
}

void rp_type_assign_version(rp_type_t *t)
{
    t->version_tag = next_version_tag++;
    if (next_version_tag == 0)
        next_version_tag = 1;
}

static rp_obj_t *find_in_mro(rp_type_t *type, rp_obj_t *name)
{
    rp_obj_t *mro = type->mro;
    bool is_str = rp_str_check_exact(name);
    if (!mro) {
        for (rp_type_t *t = type; t; t = t->base) {
            if (!t->dict)
                continue;
            rp_obj_t *v = is_str ? rp_dict_get_str_borrow(t->dict, name)
                                 : rp_dict_get_borrow(t->dict, name);
            if (v)
                return v;
        }
        return NULL;
    }
    rp_ssize_t n = rp_tuple_len(mro);
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_type_t *t = (rp_type_t *)rp_tuple_get_borrow(mro, i);
        if (!t->dict)
            continue;
        rp_obj_t *v = is_str ? rp_dict_get_str_borrow(t->dict, name)
                             : rp_dict_get_borrow(t->dict, name);
        if (v)
            return v;
    }
    return NULL;
}

rp_obj_t *rp_type_lookup_borrow(rp_type_t *type, rp_obj_t *name)
{
    if (!(type->flags & RP_TPFLAG_READY) && !(type->flags & RP_TPFLAG_READYING)) {
        if (rp_type_ready(type) < 0) {
            rp_err_clear();
            return NULL;
        }
    }
    if (rp_str_check_exact(name) && rp_str_is_interned(name) && type->version_tag) {
        unsigned i = mcache_index(type->version_tag, name);
        mcache_entry_t *e = &mcache[i];
        if (e->version == type->version_tag && e->name == name)
            return e->value;
        rp_obj_t *v = find_in_mro(type, name);
        e->version = type->version_tag;
        rp_incref(name);
        rp_obj_t *old = e->name;
        e->name = name;
        e->value = v;
        rp_xdecref(old);
        return v;
    }
    return find_in_mro(type, name);
}

void rp_type_modified(rp_type_t *type)
{
    if (!type->version_tag)
        return;
    rp_type_assign_version(type);
    rp_obj_t *subs = type->subclasses;
    if (!subs)
        return;
    for (rp_ssize_t i = 0; i < rp_list_len(subs); i++) {
        rp_obj_t *a = rp_list_get_borrow(subs, i);
        rp_type_modified((rp_type_t *)(uintptr_t)rp_int_small_value(a));
    }
}

int rp_type_add_subclass(rp_type_t *base, rp_type_t *type)
{
    if (!base->subclasses) {
        base->subclasses = rp_list_new(0);
        if (!base->subclasses)
            return -1;
    }
    rp_obj_t *a = rp_int_from_i64((int64_t)(uintptr_t)type);
    if (!a)
        return -1;
    // CPython keeps a weak reference (a GC object) per subclass entry.
    rp_gc_adjust_count(1);
    return rp_list_append_take(base->subclasses, a);
}

static void remove_subclass(rp_type_t *base, rp_type_t *type)
{
    rp_obj_t *subs = base->subclasses;
    if (!subs)
        return;
    for (rp_ssize_t i = 0; i < rp_list_len(subs); i++) {
        rp_obj_t *a = rp_list_get_borrow(subs, i);
        if ((uintptr_t)rp_int_small_value(a) == (uintptr_t)type) {
            rp_list_t *l = (rp_list_t *)subs;
            memmove(&l->items[i], &l->items[i + 1],
                    sizeof(rp_obj_t *) * (size_t)(l->ob.size - i - 1));
            l->ob.size--;
            rp_decref(a);
            rp_gc_on_free();    // the weak reference of rp_type_add_subclass
            return;
        }
    }
}

// ---------------------------------------------------------------------
// Names

const char *rp_type_name(const rp_type_t *t)
{
    return t->name;
}

const char *rp_type_short_name(const rp_type_t *t)
{
    if (t->flags & RP_TPFLAG_HEAPTYPE)
        return t->name;
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

rp_obj_t *rp_type_module_str(rp_type_t *t)
{
    if (t->flags & RP_TPFLAG_HEAPTYPE) {
        rp_obj_t *m = t->dict ? rp_dict_get_str_borrow(t->dict, RP_ID(__module__)) : NULL;
        if (!m) {
            if (!rp_err_occurred())
                rp_err_set(&rp_exc_AttributeError, "__module__");
            return NULL;
        }
        return rp_newref(m);
    }
    const char *dot = strrchr(t->name, '.');
    if (dot)
        return rp_str_from_utf8(t->name, dot - t->name);
    return rp_newref(RP_ID(builtins));
}

rp_obj_t *rp_type_qualname_str(rp_type_t *t)
{
    if ((t->flags & RP_TPFLAG_HEAPTYPE) && t->heap_qualname)
        return rp_newref(t->heap_qualname);
    return rp_str_from_cstr(rp_type_short_name(t));
}

// ---------------------------------------------------------------------
// Allocation and the generic instance dealloc

rp_obj_t *rp_type_generic_alloc(rp_type_t *type, rp_ssize_t nitems)
{
    size_t size = (size_t)type->basicsize + (size_t)nitems * (size_t)type->itemsize;
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(rp_obj_t))
        size = sizeof(rp_obj_t);
    rp_obj_t *o = rp_obj_alloc(type, size);
    if (!o)
        return NULL;
    memset((char *)o + sizeof(rp_obj_t), 0, size - sizeof(rp_obj_t));
    if ((type->flags & RP_TPFLAG_INLINE_VALUES) && rp_values_init(o) < 0) {
        rp_obj_free(o);
        return NULL;
    }
    if (type->itemsize)
        ((rp_varobj_t *)o)->size = nitems;
    if (type->flags & RP_TPFLAG_GC)
        rp_gc_track(o);
    return o;
}

rp_type_t *rp_type_static_base(rp_type_t *type)
{
    rp_type_t *base = type;
    while (base->dealloc == rp_subtype_dealloc)
        base = base->base;
    return base;
}

void rp_subtype_dealloc(rp_obj_t *self)
{
    rp_type_t *type = self->type;
    rp_gc_untrack(self);
    rp_type_t *base = rp_type_static_base(type);
    if (type->finalize && !rp_gc_is_finalized(self)) {
        rp_gc_set_finalized(self);
        rp_gc_track(self);
        self->refcnt = 1;
        type->finalize(self);
        if (--self->refcnt != 0)
            return;     // resurrected; stays tracked
        rp_gc_untrack(self);
    }
    if (type->dict_offset && !base->dict_offset) {
        if (type->flags & RP_TPFLAG_INLINE_VALUES)
            rp_values_free(self);
        rp_obj_t **dp = rp_obj_dict_slot(self);
        if (dp && *dp)
            rp_clear(dp);
    }
    if (type->flags & RP_TPFLAG_SLOTTED)
        rp_slots_clear(self);
    base->dealloc(self);
}

int rp_subtype_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_type_t *type = self->type;
    rp_type_t *base = rp_type_static_base(type);
    int r;
    // CPython visits inline values before the class.
    if (rp_values_of(self) && (r = rp_values_traverse(self, visit, arg)))
        return r;
    if ((r = visit(RP_OBJ(type), arg)))
        return r;
    if (type->dict_offset && !base->dict_offset) {
        rp_obj_t **dp = rp_obj_dict_slot(self);
        if (dp && *dp && (r = visit(*dp, arg)))
            return r;
    }
    if ((type->flags & RP_TPFLAG_SLOTTED) && (r = rp_slots_traverse(self, visit, arg)))
        return r;
    if (base->traverse)
        return base->traverse(self, visit, arg);
    return 0;
}

int rp_subtype_clear(rp_obj_t *self)
{
    rp_type_t *type = self->type;
    rp_type_t *base = rp_type_static_base(type);
    if (type->dict_offset && !base->dict_offset) {
        if (type->flags & RP_TPFLAG_INLINE_VALUES)
            rp_values_clear(self);
        rp_obj_t **dp = rp_obj_dict_slot(self);
        if (dp && *dp)
            rp_clear(dp);
    }
    if (type->flags & RP_TPFLAG_SLOTTED)
        rp_slots_clear(self);
    if (base->clear)
        return base->clear(self);
    return 0;
}

static rp_obj_t *subtype_get_dict(rp_obj_t *self)
{
    rp_obj_t *d = rp_obj_dict_borrow(self);
    if (!d) {
        if (!rp_err_occurred())
            rp_err_set(&rp_exc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    rp_gc_set_dict_materialized(d);
    return rp_newref(d);
}

static int subtype_set_dict(rp_obj_t *self, rp_obj_t *value)
{
    rp_obj_t **dp = rp_obj_dict_ptr(self);
    if (!dp) {
        rp_err_set(&rp_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !rp_dict_check(value)) {
        rp_err_format(&rp_exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                      rp_type_name(value->type));
        return -1;
    }
    if (value)
        rp_gc_set_dict_materialized(value);
    rp_xincref(value);
    rp_setref(dp, value);
    return 0;
}

static rp_obj_t *subtype_get_weakref(rp_obj_t *self)
{
    return rp_newref(rp_None);
}

const rp_getset_def_t rp_subtype_getset_dict[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables"},
    {NULL},
};
const rp_getset_def_t rp_subtype_getset_weakref[] = {
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object"},
    {NULL},
};

// ---------------------------------------------------------------------
// Readying static types

// Which binary operators a builtin type supports (bit op for __op__ and
// __rop__, bit 13+op for __iop__): the combined binary_op slot cannot
// tell, and the namespace should list only the real ones.
extern rp_type_t rp_type_bool, rp_type_float, rp_type_str, rp_type_bytes,
    rp_type_list, rp_type_tuple, rp_type_set, rp_type_frozenset, rp_type_dict;

#define B(op) (1u << (op))
#define I(op) (1u << ((op) + RP_BINOP_INPLACE))

static uint32_t binop_mask(rp_type_t *t)
{
    uint32_t all = 0x1fffu & ~B(RP_BINOP_MATMUL);
    if (t == &rp_type_bool)
        return B(RP_BINOP_AND) | B(RP_BINOP_OR) | B(RP_BINOP_XOR);
    if (t == &rp_type_float)
        return B(RP_BINOP_ADD) | B(RP_BINOP_SUB) | B(RP_BINOP_MUL) | B(RP_BINOP_MOD) |
               B(RP_BINOP_POW) | B(RP_BINOP_FLOORDIV) | B(RP_BINOP_TRUEDIV);
    if (t == &rp_type_str || t == &rp_type_bytes)
        return B(RP_BINOP_ADD) | B(RP_BINOP_MUL) | B(RP_BINOP_MOD);
    if (t == &rp_type_list)
        return B(RP_BINOP_ADD) | B(RP_BINOP_MUL) | I(RP_BINOP_ADD) | I(RP_BINOP_MUL);
    if (t == &rp_type_tuple)
        return B(RP_BINOP_ADD) | B(RP_BINOP_MUL);
    uint32_t setops = B(RP_BINOP_AND) | B(RP_BINOP_OR) | B(RP_BINOP_SUB) | B(RP_BINOP_XOR);
    if (t == &rp_type_set)
        return setops | (setops << RP_BINOP_INPLACE);
    if (t == &rp_type_frozenset)
        return setops;
    if (t == &rp_type_dict)
        return B(RP_BINOP_OR) | I(RP_BINOP_OR);
    if (t == &rp_type_type || t == &rp_type_generic_alias || t == &rp_type_union)
        return B(RP_BINOP_OR);
    return all;
}

static bool wrapper_wanted(rp_type_t *t, const rp_slotdef_t *d)
{
    if (d->kind == RP_W_BINOP || d->kind == RP_W_RBINOP) {
        uint32_t m = binop_mask(t);
        if (!(m & B(d->op)))
            return false;
        // Sequences have no reflected + (sq_concat has only __add__).
        if (d->kind == RP_W_RBINOP && d->op == RP_BINOP_ADD &&
            (t == &rp_type_str || t == &rp_type_bytes || t == &rp_type_list || t == &rp_type_tuple))
            return false;
        if (d->kind == RP_W_RBINOP && d->op == RP_BINOP_MOD &&
            (t == &rp_type_str || t == &rp_type_bytes))
            return true;
        return true;
    }
    if (d->kind == RP_W_IBINOP)
        return (binop_mask(t) & I(d->op)) != 0;
    if (d->kind == RP_W_UNOP && d->op == RP_UNOP_INVERT && t == &rp_type_float)
        return false;
    return true;
}

#undef B
#undef I

static int add_operators(rp_type_t *type, rp_type_t *base)
{
    for (int i = 0; rp_slotdefs[i].name; i++) {
        const rp_slotdef_t *d = &rp_slotdefs[i];
        void *fn = rp_slot_get(type, d->offset);
        if (!fn || d->kind == RP_W_NONE)
            continue;
        if (base && rp_slot_get(base, d->offset) == fn)
            continue;
        if (fn == (void *)rp_obj_hash_not_implemented)
            continue;
        if (!wrapper_wanted(type, d))
            continue;
        rp_obj_t *name = rp_slotdef_name(i);
        if (name == rp_None) {      // interning it ran out of memory
            rp_err_nomemory();
            return -1;
        }
        if (rp_dict_get_str_borrow(type->dict, name))
            continue;
        rp_obj_t *w = rp_wrapper_descr_new(type, d, fn);
        if (!w)
            return -1;
        int r = rp_dict_set(type->dict, name, w);
        rp_decref(w);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int add_methods(rp_type_t *type)
{
    for (const rp_method_def_t *m = type->methods; m && m->name; m++) {
        rp_obj_t *d;
        if (m->flags & RP_METH_CLASS)
            d = rp_classmethod_descr_new(type, m);
        else if (m->flags & RP_METH_STATIC) {
            rp_obj_t *f = rp_builtin_function_new(m, NULL);
            if (!f)
                return -1;
            d = rp_staticmethod_new(f);
            rp_decref(f);
        } else
            d = rp_method_descr_new(type, m);
        if (!d)
            return -1;
        int r = rp_dict_set_cstr(type->dict, m->name, d);
        rp_decref(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

int rp_type_add_getsets(rp_type_t *type, const rp_getset_def_t *gs)
{
    for (; gs && gs->name; gs++) {
        rp_obj_t *d = rp_getset_descr_new(type, gs);
        if (!d)
            return -1;
        int r = rp_dict_set_cstr(type->dict, gs->name, d);
        rp_decref(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

#define INHERIT(slot) do { if (!type->slot) type->slot = base->slot; } while (0)

void rp_type_inherit_slots(rp_type_t *type, rp_type_t *base)
{
    if (!base)
        return;
    if (!type->basicsize)
        type->basicsize = base->basicsize;
    if (!type->itemsize)
        type->itemsize = base->itemsize;
    if (!type->dict_offset)
        type->dict_offset = base->dict_offset;
    type->flags |= base->flags & (RP_TPFLAG_INT_SUBCLASS | RP_TPFLAG_LIST_SUBCLASS |
                                  RP_TPFLAG_TUPLE_SUBCLASS | RP_TPFLAG_STR_SUBCLASS |
                                  RP_TPFLAG_BYTES_SUBCLASS | RP_TPFLAG_DICT_SUBCLASS |
                                  RP_TPFLAG_BASE_EXC_SUBCLASS | RP_TPFLAG_TYPE_SUBCLASS);
    INHERIT(dealloc);
    INHERIT(finalize);
    INHERIT(repr);
    INHERIT(str);
    if (!type->hash && !type->richcompare) {
        type->hash = base->hash;
        type->richcompare = base->richcompare;
    }
    INHERIT(binary_op);
    INHERIT(unary_op);
    INHERIT(bool_);
    INHERIT(int_);
    INHERIT(index);
    INHERIT(float_);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(next);
    INHERIT(descr_get);
    INHERIT(descr_set);
    if ((type->flags & RP_TPFLAG_GC) && (base->flags & RP_TPFLAG_GC) &&
        !type->traverse && !type->clear) {
        type->traverse = base->traverse;
        type->clear = base->clear;
    }
    INHERIT(init);
}

#undef INHERIT

rp_obj_t *rp_type_mro_from_base(rp_type_t *type, rp_type_t *base)
{
    rp_ssize_t n = base ? rp_tuple_len(base->mro) : 0;
    rp_obj_t *mro = rp_tuple_new(n + 1);
    if (!mro)
        return NULL;
    rp_tuple_init_item_take(mro, 0, rp_newref(RP_OBJ(type)));
    for (rp_ssize_t i = 0; i < n; i++)
        rp_tuple_init_item_take(mro, i + 1, rp_newref(rp_tuple_get_borrow(base->mro, i)));
    return mro;
}

int rp_type_ready(rp_type_t *type)
{
    if (type->flags & (RP_TPFLAG_READY | RP_TPFLAG_READYING))
        return 0;
    type->flags |= RP_TPFLAG_READYING;
    rp_type_t *base = type->base;
    if (!base && type != &rp_type_object)
        base = type->base = &rp_type_object;
    if (base && !(base->flags & RP_TPFLAG_READY) && rp_type_ready(base) < 0)
        goto fail;
    // base is still being readied further up the stack (an allocation
    // failure there asked for a MemoryError of a type derived from it).
    if (base && !base->mro)
        goto fail;
    if (!type->ob.type)
        type->ob.type = &rp_type_type;
    if (!type->bases) {
        type->bases = base ? rp_tuple_pack(1, RP_OBJ(base)) : rp_tuple_empty();
        if (!type->bases)
            goto fail;
    }
    if (!type->mro && !(type->mro = rp_type_mro_from_base(type, base)))
        goto fail;
    if (!type->dict && !(type->dict = rp_dict_new()))
        goto fail;

    // The new slot: static types right under object without one cannot
    // be instantiated ("cannot create 'X' instances").
    bool own_new = type->new_ && (!base || type->new_ != base->new_);
    if (!type->new_ && base && base != &rp_type_object)
        type->new_ = base->new_;
    if (own_new && !rp_dict_get_cstr_borrow(type->dict, "__new__")) {
        rp_obj_t *f = rp_builtin_function_new(&rp_tp_new_def, RP_OBJ(type));
        if (!f || rp_dict_set_cstr(type->dict, "__new__", f) < 0) {
            rp_xdecref(f);
            goto fail;
        }
        rp_decref(f);
    }
    if (type->richcompare && !type->hash && (!base || type->richcompare != base->richcompare))
        type->hash = rp_obj_hash_not_implemented;
    if (add_operators(type, base) < 0 || add_methods(type) < 0 ||
        rp_type_add_getsets(type, type->getsets) < 0)
        goto fail;
    if (type->hash == rp_obj_hash_not_implemented &&
        !rp_dict_get_cstr_borrow(type->dict, "__hash__") &&
        rp_dict_set_cstr(type->dict, "__hash__", rp_None) < 0)
        goto fail;
    if (!rp_dict_get_cstr_borrow(type->dict, "__doc__") &&
        rp_dict_set_cstr(type->dict, "__doc__", rp_None) < 0)
        goto fail;
    rp_type_inherit_slots(type, base);
    if (base && rp_type_add_subclass(base, type) < 0)
        goto fail;
    rp_type_assign_version(type);
    type->flags = (type->flags & ~RP_TPFLAG_READYING) | RP_TPFLAG_READY;
    return 0;
fail:
    type->flags &= ~RP_TPFLAG_READYING;
    return -1;
}

static rp_obj_t *type_call_impl(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames);

// Builtin types that CPython 3.11 calls through tp_call, with a tuple of
// the positional arguments (the others have a vectorcall entry point).
static bool lacks_vectorcall(rp_type_t *type)
{
    return type == &rp_type_int || type == &rp_type_str || type == &rp_type_bytes ||
           type == &rp_type_slice || type == &rp_type_zip || type == &rp_type_property ||
           type == &rp_type_staticmethod || type == &rp_type_classmethod ||
           type == &rp_type_super;
}

// CPython's _PyObject_MakeTpCall packs the positional arguments into a
// tuple and the keyword arguments into a dict, both alive during the
// call: refpy holds a tuple and a dict of those sizes meanwhile, so that
// the free lists and the gc count follow CPython's.
// (An exception keeps that tuple as its args: refpy's BaseException_new
// makes its own, which stands for it.)
static rp_obj_t *call_holding_tp_args(rp_callfunc impl, bool tuple, rp_obj_t *callable,
                                      rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_obj_t *argstuple = tuple ? rp_tuple_hold_temporary((rp_ssize_t)nargs) : NULL;
    rp_obj_t *kwdict = NULL;
    if (kwnames && rp_tuple_len(kwnames) && !(kwdict = rp_dict_new()))
        rp_err_clear();
    rp_obj_t *r = impl(callable, args, nargs, kwnames);
    rp_tuple_release_temporary(argstuple);
    rp_xdecref(kwdict);
    return r;
}

static rp_obj_t *type_call_tp(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    bool exc = ((rp_type_t *)callable)->flags & RP_TPFLAG_BASE_EXC_SUBCLASS;
    return call_holding_tp_args(type_call_impl, !exc, callable, args, nargs, kwnames);
}

// Classes and the builtin exception types have no vectorcall in CPython
// 3.11: calling them goes through _PyObject_MakeTpCall, which counts one
// recursion level.  (Creating the RecursionError itself passes thanks to
// the headroom of rp_recursion_enter_slow.)  type(name, bases, dict)
// goes there too (type's vectorcall handles only type(x)).
static rp_obj_t *type_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    rp_type_t *type = (rp_type_t *)callable;
    if (!(type->flags & (RP_TPFLAG_HEAPTYPE | RP_TPFLAG_BASE_EXC_SUBCLASS))) {
        if (lacks_vectorcall(type) || (type == &rp_type_type && nargs != 1))
            return type_call_tp(callable, args, nargs, kwnames);
        return type_call_impl(callable, args, nargs, kwnames);
    }
    if (rp_recursion_enter(" while calling a Python object"))
        return NULL;
    rp_obj_t *r = type_call_tp(callable, args, nargs, kwnames);
    rp_recursion_leave();
    return r;
}

static rp_obj_t *type_call_impl(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    rp_type_t *type = (rp_type_t *)callable;
    if (!(type->flags & RP_TPFLAG_READY) && rp_type_ready(type) < 0)
        return NULL;
    if (type == &rp_type_type) {
        size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
        if (nargs == 1 && nkw == 0)
            return rp_newref(RP_OBJ(args[0]->type));
        if (nargs != 3)
            return rp_err_format(&rp_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!type->new_)
        return rp_err_format(&rp_exc_TypeError, "cannot create '%s' instances", type->name);
    rp_obj_t *obj = type->new_(type, args, nargs, kwnames);
    if (!obj)
        return NULL;
    if (!rp_obj_is_instance_of(obj, type))
        return obj;
    rp_type_t *t = obj->type;
    if (t->init && t->init(obj, args, nargs, kwnames) < 0) {
        rp_decref(obj);
        return NULL;
    }
    return obj;
}

// ---------------------------------------------------------------------
// Readying every builtin type at start-up.  Types owned by other files
// are referenced weakly so a missing one is simply skipped.

#pragma weak rp_type_bytes
#pragma weak rp_type_bytes_iter
#pragma weak rp_type_code
#pragma weak rp_type_dict_keys
#pragma weak rp_type_dict_values
#pragma weak rp_type_dict_items
#pragma weak rp_type_function
#pragma weak rp_type_cell
#pragma weak rp_type_method
#pragma weak rp_type_module
#pragma weak rp_type_range
#pragma weak rp_type_range_iter
#pragma weak rp_type_slice
#pragma weak rp_type_enumerate
#pragma weak rp_type_zip
#pragma weak rp_type_map
#pragma weak rp_type_filter
#pragma weak rp_type_reversed
#pragma weak rp_type_seq_iter
#pragma weak rp_type_list_iter
#pragma weak rp_type_tuple_iter
#pragma weak rp_type_list_reverseiter
#pragma weak rp_type_set
#pragma weak rp_type_frozenset
#pragma weak rp_type_float
#pragma weak rp_type_bool
#pragma weak rp_type_str

int rp_type_ready_all(void)
{
    rp_type_t *types[] = {
        &rp_type_object, &rp_type_type, &rp_type_none, &rp_type_notimpl, &rp_type_ellipsis,
        &rp_type_method_descr, &rp_type_classmethod_descr, &rp_type_getset_descr,
        &rp_type_builtin_function, &rp_type_wrapper_descr, &rp_type_method_wrapper,
        &rp_type_mappingproxy, &rp_type_property, &rp_type_staticmethod,
        &rp_type_classmethod, &rp_type_super, &rp_type_int, &rp_type_bool, &rp_type_float,
        &rp_type_str, &rp_type_bytes, &rp_type_bytes_iter, &rp_type_list, &rp_type_tuple,
        &rp_type_dict, &rp_type_dict_keys, &rp_type_dict_values, &rp_type_dict_items,
        &rp_type_set, &rp_type_frozenset, &rp_type_range, &rp_type_range_iter,
        &rp_type_slice, &rp_type_enumerate, &rp_type_zip, &rp_type_map, &rp_type_filter,
        &rp_type_reversed, &rp_type_seq_iter, &rp_type_list_iter, &rp_type_tuple_iter,
        &rp_type_list_reverseiter, &rp_type_function, &rp_type_cell, &rp_type_method,
        &rp_type_module, &rp_type_code,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i] && rp_type_ready(types[i]) < 0)
            return -1;
    return rp_exc_init();
}

// tp_new wrapper: T.__new__(S, ...) for static T.
static rp_obj_t *tp_new_wrapper_impl(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                     rp_obj_t *kwnames)
{
    rp_type_t *type = (rp_type_t *)self;
    const char *tn = rp_type_short_name(type);
    if (nargs < 1)
        return rp_err_format(&rp_exc_TypeError, "%s.__new__(): not enough arguments", tn);
    rp_obj_t *arg0 = args[0];
    if (!rp_type_check(arg0))
        return rp_err_format(&rp_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             tn, rp_type_name(arg0->type));
    rp_type_t *sub = (rp_type_t *)arg0;
    if (!rp_type_is_subtype(sub, type))
        return rp_err_format(&rp_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             tn, rp_type_short_name(sub), rp_type_short_name(sub), tn);
    // "is not safe": the most derived static base of sub must use this new.
    rp_type_t *staticbase = sub;
    while (staticbase && (staticbase->flags & RP_TPFLAG_HEAPTYPE))
        staticbase = staticbase->base;
    if (staticbase && staticbase->new_ != type->new_)
        return rp_err_format(&rp_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             tn, rp_type_short_name(sub), rp_type_short_name(staticbase));
    // CPython slices the arguments after S into a new tuple for tp_new.
    rp_obj_t *subargs = rp_tuple_hold_temporary((rp_ssize_t)nargs - 1);
    rp_obj_t *r = type->new_(sub, args + 1, nargs - 1, kwnames);
    rp_tuple_release_temporary(subargs);
    return r;
}

// CPython calls it through tp_call (METH_VARARGS | METH_KEYWORDS): the
// arguments in a tuple and the keyword arguments in a dict.
static rp_obj_t *tp_new_wrapper(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    return call_holding_tp_args(tp_new_wrapper_impl, true, self, args, nargs, kwnames);
}

const rp_method_def_t rp_tp_new_def = {
    "__new__", tp_new_wrapper, 0,
    "Create and return a new object.  See help(type) for accurate signature.",
};

// ---------------------------------------------------------------------
// Attribute access on types

rp_obj_t *rp_type_getattr_impl(rp_obj_t *self, rp_obj_t *name, bool suppress)
{
    rp_type_t *type = (rp_type_t *)self;
    rp_type_t *metatype = self->type;
    if (!rp_str_check(name)) {
        rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                      rp_type_name(name->type));
        return NULL;
    }
    rp_obj_t *meta_attr = rp_type_lookup_borrow(metatype, name);
    rp_descrgetfunc meta_get = NULL;
    if (meta_attr) {
        meta_get = meta_attr->type->descr_get;
        if (meta_get && meta_attr->type->descr_set) {
            rp_incref(meta_attr);
            rp_obj_t *r = meta_get(meta_attr, self, RP_OBJ(metatype));
            rp_decref(meta_attr);
            if (!r && suppress && rp_err_matches(&rp_exc_AttributeError))
                rp_err_clear();
            return r;
        }
    }
    rp_obj_t *attr = rp_type_lookup_borrow(type, name);
    if (attr) {
        rp_descrgetfunc local_get = attr->type->descr_get;
        if (local_get) {
            rp_incref(attr);
            rp_obj_t *r = local_get(attr, NULL, self);
            rp_decref(attr);
            if (!r && suppress && rp_err_matches(&rp_exc_AttributeError))
                rp_err_clear();
            return r;
        }
        return rp_newref(attr);
    }
    if (meta_get) {
        rp_incref(meta_attr);
        rp_obj_t *r = meta_get(meta_attr, self, RP_OBJ(metatype));
        rp_decref(meta_attr);
        if (!r && suppress && rp_err_matches(&rp_exc_AttributeError))
            rp_err_clear();
        return r;
    }
    if (meta_attr)
        return rp_newref(meta_attr);
    if (!suppress)
        rp_set_attribute_error(self, name);
    return NULL;
}

static rp_obj_t *type_getattro(rp_obj_t *self, rp_obj_t *name)
{
    return rp_type_getattr_impl(self, name, false);
}

static bool is_dunder(rp_obj_t *name)
{
    rp_ssize_t n = rp_str_len(name);
    if (n < 5 || !((rp_str_t *)name)->ascii)
        return false;
    const char *s = rp_str_data(name);
    return s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattro(rp_obj_t *self, rp_obj_t *name, rp_obj_t *value)
{
    rp_type_t *type = (rp_type_t *)self;
    if (!rp_str_check(name)) {
        rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                      rp_type_name(name->type));
        return -1;
    }
    if (!(type->flags & RP_TPFLAG_HEAPTYPE)) {
        rp_err_format(&rp_exc_TypeError, "cannot set %R attribute of immutable type '%s'",
                      name, type->name);
        return -1;
    }
    rp_incref(name);
    rp_str_intern_take(&name);
    int res;
    rp_obj_t *descr = rp_type_lookup_borrow(self->type, name);
    if (descr && descr->type->descr_set) {
        rp_incref(descr);
        res = descr->type->descr_set(descr, self, value);
        rp_decref(descr);
    } else if (!value) {
        res = rp_dict_pop_if_present(type->dict, name, NULL);
        if (res == 0) {
            rp_set_attribute_error(self, name);
            res = -1;
        } else if (res > 0) {
            res = 0;
        }
    } else {
        res = rp_dict_set(type->dict, name, value);
    }
    if (res == 0) {
        rp_type_modified(type);
        if (is_dunder(name))
            rp_type_fixup_slots(type);
    }
    rp_decref(name);
    return res;
}

static rp_obj_t *type_repr(rp_obj_t *self)
{
    rp_type_t *type = (rp_type_t *)self;
    rp_obj_t *mod = rp_type_module_str(type);
    if (!mod)
        rp_err_clear();
    else if (!rp_str_check(mod)) {
        rp_decref(mod);
        mod = NULL;
    }
    rp_obj_t *r;
    if (mod && !rp_str_eq_cstr(mod, "builtins")) {
        rp_obj_t *q = rp_type_qualname_str(type);
        r = q ? rp_str_from_format("<class '%S.%S'>", mod, q) : NULL;
        rp_xdecref(q);
    } else {
        r = rp_str_from_format("<class '%s'>", type->name);
    }
    rp_xdecref(mod);
    return r;
}

static void type_dealloc(rp_obj_t *self)
{
    rp_type_t *type = (rp_type_t *)self;
    if (self->type->flags & RP_TPFLAG_GC)
        rp_gc_untrack(self);
    if (type->bases) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(type->bases); i++)
            remove_subclass((rp_type_t *)rp_tuple_get_borrow(type->bases, i), type);
    }
    type->version_tag = 0;
    rp_shared_keys_forget(type);
    rp_clear(&type->dict);
    rp_clear(&type->mro);
    rp_clear(&type->bases);
    rp_obj_t *base = RP_OBJ(type->base);
    type->base = NULL;
    rp_xdecref(base);
    rp_clear(&type->subclasses);
    rp_clear(&type->heap_name);
    rp_clear(&type->heap_qualname);
    rp_clear(&type->module_name);
    rp_clear(&type->heap_slots);
    rp_obj_free(self);
}

static int type_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    rp_type_t *type = (rp_type_t *)self;
    if (!(type->flags & RP_TPFLAG_HEAPTYPE))
        return 0;
    rp_obj_t *refs[6] = { type->dict, type->mro, type->bases, RP_OBJ(type->base),
                          RP_OBJ(self->type), NULL };
    for (int i = 0; i < 5; i++) {
        if (!refs[i])
            continue;
        if (i == 4 && !(self->type->flags & RP_TPFLAG_HEAPTYPE))
            continue;
        int r = visit(refs[i], arg);
        if (r)
            return r;
    }
    return 0;
}

static int type_clear(rp_obj_t *self)
{
    rp_type_t *type = (rp_type_t *)self;
    if (!(type->flags & RP_TPFLAG_HEAPTYPE))
        return 0;
    rp_type_modified(type);
    if (type->dict)
        rp_dict_clear(type->dict);
    rp_clear(&type->mro);
    return 0;
}

// ---------------------------------------------------------------------
// type getsets and methods

static rp_obj_t *type_get_name(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    if (t->flags & RP_TPFLAG_HEAPTYPE)
        return rp_newref(t->heap_name);
    return rp_str_from_cstr(rp_type_short_name(t));
}

static int check_set_special(rp_type_t *t, rp_obj_t *value, const char *name)
{
    if (!(t->flags & RP_TPFLAG_HEAPTYPE)) {
        rp_err_format(&rp_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                      name, t->name);
        return -1;
    }
    if (!value) {
        rp_err_format(&rp_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      name, t->name);
        return -1;
    }
    return 0;
}

static int type_set_name(rp_obj_t *self, rp_obj_t *value)
{
    rp_type_t *t = (rp_type_t *)self;
    if (check_set_special(t, value, "__name__") < 0)
        return -1;
    if (!rp_str_check(value)) {
        rp_err_format(&rp_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      t->name, rp_type_name(value->type));
        return -1;
    }
    const char *s = rp_str_utf8(value, NULL);
    if (!s)
        return -1;
    rp_incref(value);
    rp_obj_t *old = t->heap_name;
    t->heap_name = value;
    t->name = s;
    rp_xdecref(old);
    return 0;
}

static rp_obj_t *type_get_qualname(rp_obj_t *self)
{
    return rp_type_qualname_str((rp_type_t *)self);
}

static int type_set_qualname(rp_obj_t *self, rp_obj_t *value)
{
    rp_type_t *t = (rp_type_t *)self;
    if (check_set_special(t, value, "__qualname__") < 0)
        return -1;
    if (!rp_str_check(value)) {
        rp_err_format(&rp_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      t->name, rp_type_name(value->type));
        return -1;
    }
    rp_setref(&t->heap_qualname, rp_newref(value));
    return 0;
}

static rp_obj_t *type_get_module(rp_obj_t *self)
{
    return rp_type_module_str((rp_type_t *)self);
}

static int type_set_module(rp_obj_t *self, rp_obj_t *value)
{
    rp_type_t *t = (rp_type_t *)self;
    if (check_set_special(t, value, "__module__") < 0)
        return -1;
    rp_type_modified(t);
    return rp_dict_set(t->dict, RP_ID(__module__), value);
}

static rp_obj_t *type_get_bases(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    return rp_newref(t->bases ? t->bases : rp_tuple_empty());
}

static rp_obj_t *type_get_base(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    return rp_newref(t->base ? RP_OBJ(t->base) : rp_None);
}

static rp_obj_t *type_get_mro(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    return rp_newref(t->mro ? t->mro : rp_None);
}

static rp_obj_t *type_get_dict(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    if (!t->dict)
        return rp_newref(rp_None);
    return rp_mappingproxy_new(t->dict);
}

static rp_obj_t *type_get_doc(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    rp_obj_t *doc = t->dict ? rp_dict_get_str_borrow(t->dict, RP_ID(__doc__)) : NULL;
    if (!doc)
        return rp_newref(rp_None);
    if (!(t->flags & RP_TPFLAG_HEAPTYPE))
        return rp_newref(doc);
    if (doc->type->descr_get)
        return doc->type->descr_get(doc, NULL, self);
    return rp_newref(doc);
}

static int type_set_doc(rp_obj_t *self, rp_obj_t *value)
{
    rp_type_t *t = (rp_type_t *)self;
    if (check_set_special(t, value, "__doc__") < 0)
        return -1;
    rp_type_modified(t);
    return rp_dict_set(t->dict, RP_ID(__doc__), value);
}

static rp_obj_t *type_get_basicsize(rp_obj_t *self)
{
    return rp_int_from_ssize(((rp_type_t *)self)->basicsize);
}

static rp_obj_t *type_get_itemsize(rp_obj_t *self)
{
    return rp_int_from_ssize(((rp_type_t *)self)->itemsize);
}

static rp_obj_t *type_get_dictoffset(rp_obj_t *self)
{
    return rp_int_from_ssize(((rp_type_t *)self)->dict_offset);
}

static rp_obj_t *type_get_flags(rp_obj_t *self)
{
    return rp_int_from_i64(((rp_type_t *)self)->flags);
}

// __annotations__ of a class: its own namespace entry, created empty on
// first access (3.11); builtin types have none.
static rp_obj_t *annotations_name(void)
{
    static rp_obj_t *name;
    if (!name)
        name = rp_str_intern_cstr("__annotations__");
    return name;
}

static rp_obj_t *type_get_annotations(rp_obj_t *self)
{
    rp_type_t *t = (rp_type_t *)self;
    if (!(t->flags & RP_TPFLAG_HEAPTYPE))
        return rp_err_format(&rp_exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                             rp_type_short_name(t));
    rp_obj_t *ann = rp_dict_get_str_borrow(t->dict, annotations_name());
    if (ann) {
        if (ann->type->descr_get)
            return ann->type->descr_get(ann, NULL, self);
        return rp_newref(ann);
    }
    if (rp_err_occurred())
        return NULL;
    ann = rp_dict_new();
    if (!ann)
        return NULL;
    rp_type_modified(t);
    if (rp_dict_set(t->dict, annotations_name(), ann) < 0) {
        rp_decref(ann);
        return NULL;
    }
    return ann;
}

static int type_set_annotations(rp_obj_t *self, rp_obj_t *value)
{
    rp_type_t *t = (rp_type_t *)self;
    if (!(t->flags & RP_TPFLAG_HEAPTYPE)) {
        rp_err_format(&rp_exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                      rp_type_short_name(t));
        return -1;
    }
    rp_type_modified(t);
    if (value)
        return rp_dict_set(t->dict, annotations_name(), value);
    int r = rp_dict_pop_if_present(t->dict, annotations_name(), NULL);
    if (r == 0)
        rp_err_set(&rp_exc_AttributeError, "__annotations__");
    return r > 0 ? 0 : -1;
}

static const rp_getset_def_t type_getsets[] = {
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL},
    {NULL},
};

static rp_obj_t *type_mro_method(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_arg_count("mro", nargs, 0, 0) < 0)
        return NULL;
    rp_type_t *t = (rp_type_t *)self;
    rp_obj_t *mro = t->mro ? rp_newref(t->mro) : rp_type_c3_mro(t);
    if (!mro)
        return NULL;
    rp_obj_t *l = rp_list_from_iterable(mro);
    rp_decref(mro);
    return l;
}

static rp_obj_t *type_subclasses(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_arg_count("__subclasses__", nargs, 0, 0) < 0)
        return NULL;
    rp_type_t *t = (rp_type_t *)self;
    rp_obj_t *l = rp_list_new(0);
    if (!l || !t->subclasses)
        return l;
    for (rp_ssize_t i = 0; i < rp_list_len(t->subclasses); i++) {
        rp_obj_t *a = rp_list_get_borrow(t->subclasses, i);
        rp_obj_t *sub = (rp_obj_t *)(uintptr_t)rp_int_small_value(a);
        if (rp_list_append(l, sub) < 0) {
            rp_decref(l);
            return NULL;
        }
    }
    return l;
}

static int merge_class_dict(rp_obj_t *dict, rp_obj_t *aclass)
{
    if (rp_type_check(aclass)) {
        rp_type_t *t = (rp_type_t *)aclass;
        if (t->dict && rp_dict_update(dict, t->dict) < 0)
            return -1;
        if (!t->bases)
            return 0;
        if (rp_recursion_enter(" in __dir__"))
            return -1;
        for (rp_ssize_t i = 0; i < rp_tuple_len(t->bases); i++) {
            if (merge_class_dict(dict, rp_tuple_get_borrow(t->bases, i)) < 0) {
                rp_recursion_leave();
                return -1;
            }
        }
        rp_recursion_leave();
        return 0;
    }
    rp_obj_t *cd = rp_obj_getattr_opt(aclass, RP_ID(__dict__));
    if (cd) {
        int r = rp_dict_update(dict, cd);
        rp_decref(cd);
        if (r < 0)
            return -1;
    } else if (rp_err_occurred()) {
        return -1;
    }
    return 0;
}

static rp_obj_t *type_dir(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_obj_t *d = rp_dict_new();
    if (!d)
        return NULL;
    rp_obj_t *r = NULL;
    if (merge_class_dict(d, self) == 0)
        r = rp_dict_keys_list(d);
    rp_decref(d);
    return r;
}

static rp_obj_t *type_prepare(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    return rp_dict_new();
}

static rp_obj_t *type_instancecheck(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__instancecheck__", nargs) < 0)
        return NULL;
    int r = rp_obj_isinstance(args[0], self);
    return r < 0 ? NULL : rp_bool_from(r);
}

static rp_obj_t *type_subclasscheck(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__subclasscheck__", nargs) < 0)
        return NULL;
    int r = rp_obj_issubclass(args[0], self);
    return r < 0 ? NULL : rp_bool_from(r);
}

static rp_obj_t *type_sizeof(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    return rp_int_from_ssize((rp_ssize_t)sizeof(rp_type_t));
}

static const rp_method_def_t type_methods[] = {
    {"mro", type_mro_method, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, 0, "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare, RP_METH_CLASS, NULL},
    {"__instancecheck__", type_instancecheck, 0, NULL},
    {"__subclasscheck__", type_subclasscheck, 0, NULL},
    {"__dir__", type_dir, 0, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, 0, NULL},
    {NULL},
};

// ---------------------------------------------------------------------
// object

static rp_obj_t *object_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames);
static int object_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);

static bool excess_args(size_t nargs, rp_obj_t *kwnames)
{
    return nargs > 0 || (kwnames && rp_tuple_len(kwnames) > 0);
}

static rp_obj_t *object_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (type->new_ != object_new)
            return rp_err_format(&rp_exc_TypeError,
                                 "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->init == object_init)
            return rp_err_format(&rp_exc_TypeError, "%.200s() takes no arguments", type->name);
    }
    return rp_type_generic_alloc(type, 0);
}

static int object_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    rp_type_t *type = self->type;
    if (excess_args(nargs, kwnames)) {
        if (type->init != object_init) {
            rp_err_format(&rp_exc_TypeError,
                          "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                          type->name);
            return -1;
        }
        if (type->new_ == object_new) {
            rp_err_format(&rp_exc_TypeError, "%.200s() takes no arguments", type->name);
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(rp_obj_t *self)
{
    rp_obj_free(self);
}

static rp_obj_t *object_repr(rp_obj_t *self)
{
    return rp_object_default_repr(self);
}

static rp_obj_t *object_str(rp_obj_t *self)
{
    rp_reprfunc f = self->type->repr;
    if (!f)
        f = object_repr;
    return f(self);
}

static rp_hash_t object_hash(rp_obj_t *self)
{
    return rp_hash_pointer(self);
}

static rp_obj_t *object_richcompare(rp_obj_t *self, rp_obj_t *other, int op)
{
    switch (op) {
    case RP_EQ:
        return rp_newref(self == other ? rp_True : rp_NotImplemented);
    case RP_NE: {
        rp_richcmpfunc f = self->type->richcompare;
        if (!f)
            return rp_newref(rp_NotImplemented);
        rp_obj_t *r = f(self, other, RP_EQ);
        if (r && r != rp_NotImplemented) {
            int ok = rp_obj_is_true(r);
            rp_decref(r);
            if (ok < 0)
                return NULL;
            return rp_bool_from(!ok);
        }
        return r;
    }
    default:
        return rp_newref(rp_NotImplemented);
    }
}

static rp_obj_t *object_get_class(rp_obj_t *self)
{
    return rp_newref(RP_OBJ(self->type));
}

static int object_set_class(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!rp_type_check(value)) {
        rp_err_format(&rp_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      rp_type_name(value->type));
        return -1;
    }
    rp_type_t *newto = (rp_type_t *)value, *oldto = self->type;
    if (!(newto->flags & RP_TPFLAG_HEAPTYPE) || !(oldto->flags & RP_TPFLAG_HEAPTYPE)) {
        rp_err_set(&rp_exc_TypeError,
                   "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (rp_type_solid_base(newto) != rp_type_solid_base(oldto) || newto->basicsize != oldto->basicsize ||
        newto->itemsize != oldto->itemsize || newto->dict_offset != oldto->dict_offset ||
        rp_type_static_base(newto) != rp_type_static_base(oldto)) {
        rp_err_format(&rp_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->name, oldto->name);
        return -1;
    }
    // The attribute indexes are the old class's: make the dict first
    // (CPython does too, so it is a real one).
    if (rp_values_of(self)) {
        rp_obj_t **dp = rp_obj_dict_ptr(self);
        if (!dp || !*dp)
            return rp_err_nomemory(), -1;
        rp_gc_set_dict_materialized(*dp);
    }
    rp_incref(value);
    self->type = newto;
    rp_decref(RP_OBJ(oldto));
    return 0;
}

static const rp_getset_def_t object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {NULL},
};

static rp_obj_t *object_format(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__format__", nargs) < 0)
        return NULL;
    if (!rp_str_check(args[0]))
        return rp_err_format(&rp_exc_TypeError, "__format__() argument must be str, not %s",
                             args[0] == rp_None ? "None" : rp_type_name(args[0]->type));
    if (rp_str_len(args[0]) > 0)
        return rp_err_format(&rp_exc_TypeError, "unsupported format string passed to %.200s.__format__",
                             self->type->name);
    return rp_obj_str(self);
}

static rp_obj_t *object_dir(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    rp_obj_t *dict = rp_obj_getattr_opt(self, RP_ID(__dict__));
    rp_obj_t *d;
    if (!dict) {
        if (rp_err_occurred())
            return NULL;
        d = rp_dict_new();
    } else if (!rp_dict_check(dict)) {
        d = rp_dict_new();
    } else {
        d = rp_dict_copy(dict);
    }
    rp_xdecref(dict);
    if (!d)
        return NULL;
    rp_obj_t *cls = rp_obj_getattr_opt(self, RP_ID(__class__));
    rp_obj_t *r = NULL;
    if (!cls && rp_err_occurred())
        goto done;
    if (cls && merge_class_dict(d, cls) < 0)
        goto done;
    r = rp_dict_keys_list(d);
done:
    rp_xdecref(cls);
    rp_decref(d);
    return r;
}

static rp_obj_t *object_init_subclass(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                      rp_obj_t *kwnames)
{
    if (nargs > 0)
        return rp_err_format(&rp_exc_TypeError, "%s.__init_subclass__() takes no arguments (%zu given)",
                             rp_type_short_name((rp_type_t *)self), nargs);
    if (kwnames && rp_tuple_len(kwnames) > 0)
        return rp_err_format(&rp_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             rp_type_short_name((rp_type_t *)self));
    return rp_newref(rp_None);
}

static rp_obj_t *object_subclasshook(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                     rp_obj_t *kwnames)
{
    return rp_newref(rp_NotImplemented);
}

static rp_obj_t *object_reduce(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    return rp_err_format(&rp_exc_TypeError, "cannot pickle '%.200s' object", rp_type_name(self->type));
}

static rp_obj_t *object_getstate(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    rp_obj_t **dp = rp_obj_dict_ptr(self);
    if (!dp || !*dp || rp_dict_len(*dp) == 0)
        return rp_newref(rp_None);
    return rp_dict_copy(*dp);
}

static rp_obj_t *object_sizeof(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    rp_type_t *t = self->type;
    rp_ssize_t res = t->basicsize;
    if (t->itemsize > 0) {
        rp_ssize_t n = ((rp_varobj_t *)self)->size;
        res += (n < 0 ? -n : n) * t->itemsize;
    }
    return rp_int_from_ssize(res);
}

static const rp_method_def_t object_methods[] = {
    {"__reduce_ex__", object_reduce, 0, NULL},
    {"__reduce__", object_reduce, 0, NULL},
    {"__getstate__", object_getstate, 0, NULL},
    {"__subclasshook__", object_subclasshook, RP_METH_CLASS, NULL},
    {"__init_subclass__", object_init_subclass, RP_METH_CLASS, NULL},
    {"__format__", object_format, 0, "Default object formatter."},
    {"__sizeof__", object_sizeof, 0, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {NULL},
};

rp_type_t rp_type_object = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "object",
    .basicsize = sizeof(rp_obj_t),
    .flags = RP_TPFLAG_BASETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = rp_obj_generic_getattr,
    .setattr = rp_obj_generic_setattr,
    .init = object_init,
    .new_ = object_new,
    .methods = object_methods,
    .getsets = object_getsets,
};

// int | None: a types.UnionType (either operand may be the class).
static rp_obj_t *type_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op != RP_BINOP_OR)
        return rp_newref(rp_NotImplemented);
    return rp_union_or(a, b);
}

rp_type_t rp_type_type = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "type",
    .basicsize = sizeof(rp_type_t),
    .flags = RP_TPFLAG_GC | RP_TPFLAG_BASETYPE | RP_TPFLAG_TYPE_SUBCLASS,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .getattr = type_getattro,
    .setattr = type_setattro,
    .call = type_call,
    .binary_op = type_binop,
    .traverse = type_traverse,
    .clear = type_clear,
    .init = rp_type_init_slot,
    .new_ = rp_type_new_slot,
    .methods = type_methods,
    .getsets = type_getsets,
    .base = &rp_type_object,
    .dict_offset = offsetof(rp_type_t, dict),
};
