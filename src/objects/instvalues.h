// instvalues: instance attributes kept inline, as CPython 3.11 keeps
// them for instances of classes that added the __dict__ slot themselves
// (RP_TPFLAG_INLINE_VALUES, memory/gc.h): no dict object, only an array
// of values indexed like the names of the class's shared key table
// (objects/sharedkeys.h), until something needs a real dict.
#ifndef RP_INSTVALUES_H
#define RP_INSTVALUES_H

#include "object.h"
#include "sharedkeys.h"

/*
 * The array is CPython's PyDictValues, allocated at the same size: a
 * prefix of roundup(n + 2, 8) bytes, then n value pointers, where n is
 * the table's usable size when the instance was made.  The prefix,
 * counted backwards from the values: [-1] prefix size, [-2] number of
 * attributes set, [-3 - k] the index of the k-th attribute in insertion
 * order.  A name's index never changes and every index a class's table
 * can ever give is below n (the table's names plus usable slots only
 * shrink), so no bounds are checked.
 *
 * The pointer lives in the word after the __dict__ slot (typenew.c
 * reserves two words); at most one of the two is set.  Turning the
 * values into a dict (materializing) is objects/object.c's
 * rp_obj_dict_ptr.
 */

static inline rp_obj_t ***rp_values_slot(rp_obj_t *o)
{
    return (rp_obj_t ***)((char *)o + o->type->dict_offset + sizeof(rp_obj_t *));
}

// The inline values of o, or NULL (a class without them, a dict made).
static inline rp_obj_t **rp_values_of(rp_obj_t *o)
{
    return (o->type->flags & RP_TPFLAG_INLINE_VALUES) ? *rp_values_slot(o) : NULL;
}

// Gives the new instance o of an inline-values class its array
// (CPython's init_inline_values).  0, or -1 with MemoryError set.
int rp_values_init(rp_obj_t *o);
// Releases the values and the array, leaving the slot NULL.
void rp_values_free(rp_obj_t *o);
// Releases the values, keeping the array (the collector's clear).
void rp_values_clear(rp_obj_t *o);
// Visits the values in index order (CPython's
// _PyObject_VisitInstanceAttributes).
int rp_values_traverse(rp_obj_t *o, rp_visitproc visit, void *arg);

// The value of attribute name (an exact str) in vals, borrowed, or NULL.
static inline rp_obj_t *rp_values_get(rp_obj_t *o, rp_obj_t **vals, rp_obj_t *name)
{
    int i = rp_shared_keys_index(o->type->shared_keys, name);
    return i >= 0 ? vals[i] : NULL;
}

// Sets (value not NULL) or deletes attribute name of o in vals.  1 when
// done; 0 when the name cannot be kept inline (not an exact str, or the
// class's table is full): the caller makes the dict; -1 on deleting a
// missing name (no exception set).  A replaced value is released last.
int rp_values_store(rp_obj_t *o, rp_obj_t **vals, rp_obj_t *name, rp_obj_t *value);

// Stores value (a new reference taken) at index i of vals, where the
// class's table has i for the name.
static inline void rp_values_set_at(rp_obj_t **vals, int i, rp_obj_t *value)
{
    rp_obj_t *old = vals[i];
    vals[i] = value;
    if (old) {
        rp_decref(old);
    } else {
        uint8_t *p = (uint8_t *)vals;
        uint8_t n = p[-2];
        p[-3 - n] = (uint8_t)i;
        p[-2] = (uint8_t)(n + 1);
    }
}

// The number of attributes set.
static inline int rp_values_count(rp_obj_t **vals)
{
    return ((uint8_t *)vals)[-2];
}

// The k-th attribute in insertion order (k < rp_values_count): its name
// and value, borrowed.
static inline void rp_values_item(rp_obj_t *o, rp_obj_t **vals, int k, rp_obj_t **name,
                                  rp_obj_t **value)
{
    int i = ((uint8_t *)vals)[-3 - k];
    *name = o->type->shared_keys->names[i];
    *value = vals[i];
}

#endif
