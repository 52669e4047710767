// Classes with __slots__: the member descriptors that read and write the
// fixed instance words, the layout set up when a class is created, and
// the traversal of those words for the instance dealloc and the gc.
#ifndef RP_SLOTS_H
#define RP_SLOTS_H

#include "objects/object.h"

// The class declares non-empty __slots__ (its own words start at the
// basicsize of its base).
#define RP_TPFLAG_HAS_SLOTS (1u << 21)
// The class or one of its bases declares non-empty __slots__: instances
// carry slot words that traverse/clear must visit.
#define RP_TPFLAG_SLOTTED (1u << 22)

// "member_descriptor": the class attribute for one slot.
extern rp_type_t rp_type_member_descr;

// Applies dict["__slots__"] (if present) to a class under construction
// whose basicsize is still its base's: appends one word per slot name to
// type->basicsize, stores a member descriptor per name in dict (names
// mangled as in the class body), and sets *add_dict / *add_weak to
// whether "__dict__" / "__weakref__" were listed.  Without __slots__ it
// changes nothing and leaves the flags as they were.  Returns 0, or -1
// with TypeError/ValueError set for invalid __slots__ (CPython's messages).
int rp_slots_setup(rp_type_t *type, rp_type_t *base, rp_obj_t *dict, bool *add_dict,
                   bool *add_weak);

// The byte offset of the instance word a member descriptor reads and
// writes (descr must be a member_descriptor).
rp_ssize_t rp_slots_member_offset(rp_obj_t *descr);

// Visits every non-NULL slot word of o (o's type has RP_TPFLAG_SLOTTED).
int rp_slots_traverse(rp_obj_t *o, rp_visitproc visit, void *arg);

// Drops the references held in o's slot words.
void rp_slots_clear(rp_obj_t *o);

#endif
