// types.GenericAlias (list[int], the result of __class_getitem__) and
// types.UnionType (int | None): enough of both for annotations and
// isinstance/issubclass with unions.
#ifndef RP_GENERICALIAS_H
#define RP_GENERICALIAS_H

#include "objects/object.h"

extern rp_type_t rp_type_generic_alias, rp_type_union;

// origin[args]: args is a tuple, or one object (wrapped in a 1-tuple).
// Returns a new reference, or NULL with an exception set.
rp_obj_t *rp_generic_alias_new(rp_obj_t *origin, rp_obj_t *args);

// The __class_getitem__ classmethod of list, tuple, dict, set, frozenset
// and enumerate (self is the class): returns self[args] as a GenericAlias.
rp_obj_t *rp_generic_class_getitem(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames);

// a | b where a or b is a type, None, a GenericAlias or a UnionType:
// the flattened, deduplicated union (a single member is returned as is).
// Returns NotImplemented (new reference) when an operand cannot take part
// in a union, NULL with an exception set on error.
rp_obj_t *rp_union_or(rp_obj_t *a, rp_obj_t *b);

// The member tuple of a UnionType (borrowed), None replaced by NoneType.
rp_obj_t *rp_union_args_borrow(rp_obj_t *u);

static inline bool rp_union_check(const rp_obj_t *o) { return o->type == &rp_type_union; }
static inline bool rp_generic_alias_check(const rp_obj_t *o)
{
    return o->type == &rp_type_generic_alias;
}

#endif
