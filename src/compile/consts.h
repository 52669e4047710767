// The constant cache of one compilation unit: every constant of every code
// object compiled from one file / -c string / REPL input is made canonical
// here, so equal constants anywhere in the unit are the same object.
#ifndef RP_CONSTS_H
#define RP_CONSTS_H

#include "objects/object.h"

/*
 * Equality is CPython's _PyCode_ConstantKey: same exact type and equal
 * value, where floats compare by bit pattern (0.0 and -0.0 differ, a NaN
 * only equals itself), 1, 1.0 and True are three different keys, tuples
 * and frozensets compare item by item under the same rule, and any other
 * object (code objects included) only equals itself.  Strings made only
 * of ASCII letters, digits and '_' are interned on entry (CPython's
 * intern_string_constants), also as items of tuples and frozensets.
 *
 * The cache owns one reference to each canonical object until
 * rp_const_cache_fini; code objects' co_consts tuples take their own.
 */
typedef struct rp_const_entry {
    rp_obj_t *obj;          // canonical constant (owned); NULL: empty slot
    uint64_t hash;
    // Provenance, for the references CPython's parser arena keeps while
    // a unit runs (see rp_const_cache_mark_use).
    uint8_t used;           // the code generator has used it
    uint8_t arena;          // first used as a literal / folded value
    uint8_t preinterned;    // a str already interned before it was merged
} rp_const_entry_t;

typedef struct rp_const_cache {
    rp_const_entry_t *e;
    size_t cap, n;
} rp_const_cache_t;

void rp_const_cache_init(rp_const_cache_t *c);
// Releases every constant (objects survive if code objects hold them).
void rp_const_cache_fini(rp_const_cache_t *c);

// Returns the canonical constant equal to o: a borrowed reference valid
// while the cache lives (o itself, or its interned form, when it is new).
// NULL with an exception set on failure.
rp_obj_t *rp_const_cache_merge(rp_const_cache_t *c, rp_obj_t *o);
// Same, stealing the reference to o_take (NULL o_take: returns NULL,
// the caller's exception stays set).
rp_obj_t *rp_const_cache_merge_take(rp_const_cache_t *c, rp_obj_t *o_take);

// Where the code generator's first use of a constant comes from.  In
// CPython the canonical constant is the object first merged in code
// generation order; when that object came from the tree (a literal or a
// folded value) the parser arena holds one more reference to it while
// the unit runs.
enum {
    RP_CONST_FROM_TREE,         // the value of a Constant node
    RP_CONST_FROM_TREE_ITEMS,   // a container the compiler built of tree values
    RP_CONST_FROM_COMPILER,     // anything else (code objects, name tuples)
};
// Records the first use of the canonical constant o (and, for tuples and
// frozensets, of their items).  Later uses change nothing.
void rp_const_cache_mark_use(rp_const_cache_t *c, rp_obj_t *o, int origin);

// True if s (a str) consists only of ASCII letters, digits and '_' (the
// empty string included): such constants are interned.
bool rp_const_is_name_like(rp_obj_t *s);

#endif
