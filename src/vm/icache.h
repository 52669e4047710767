// Inline caches of the evaluation loop (LOAD_GLOBAL, LOAD_ATTR,
// LOAD_METHOD, STORE_ATTR).  Private to vm/.
#ifndef RP_VM_ICACHE_H
#define RP_VM_ICACHE_H

#include "objects/code.h"
#include "objects/object.h"
#include "objects/instvalues.h"

/*
 * Every cacheable instruction of a code object owns an entry in
 * co->quick, allocated the first time one of them has run WARMUP times:
 * cache word 0 of the instruction holds its entry index + 1 (0 until the
 * table exists), word 1 counts warm-up executions.  Entries hold borrowed
 * pointers that are valid as long as the version they are keyed on is
 * unchanged: dict versions (a global counter stamped on every change) and
 * type version tags (unique for the process lifetime, renewed whenever a
 * type or one of its bases changes).
 */

enum {
    RP_K_EMPTY = 0,
    RP_K_INSTANCE,      // attribute in the instance dict, nothing on the type
    RP_K_CLASS_VALUE,   // plain class attribute (instance dict first)
    RP_K_NONDATA,       // non-data descriptor (instance dict first)
    RP_K_DATA,          // data descriptor (property, getset)
    RP_K_MODULE,        // module attribute keyed by the module dict version
    RP_K_METHOD,        // LOAD_METHOD: unbound method on the type
    RP_K_STORE_DICT,    // STORE_ATTR into the instance dict
    RP_K_GLOBAL,        // LOAD_GLOBAL found in globals
    RP_K_BUILTIN,       // LOAD_GLOBAL found in builtins
    RP_K_TYPE_VALUE,    // attribute of a class (metatype `type`) that is a
                        // plain value or a function, keyed by the class's tag
    RP_K_SLOT,          // LOAD_ATTR / STORE_ATTR of a __slots__ word at
                        // `offset` (the member descriptor's)
};

typedef struct rp_icache {
    uint64_t k1;            // type version tag / dict version
    uint64_t k2;            // builtins dict version (RP_K_BUILTIN)
    rp_obj_t *value;        // borrowed
    int16_t kind;           // RP_K_*
    int16_t vindex;         // inline values: the name's index in the
                            // class's table (LOAD_ATTR, STORE_ATTR) or the
                            // table size known not to hold it (LOAD_METHOD)
    int32_t offset;         // instance dict offset
} rp_icache_t;

typedef struct rp_quick {
    int n;
    rp_icache_t e[];
} rp_quick_t;

// The entry of the instruction whose cache words start at ip, or NULL.
static inline rp_icache_t *rp_icache_peek(rp_code_t *co, const uint32_t *ip)
{
    uint32_t k = ip[0];
    return k ? &((rp_quick_t *)co->quick)->e[k - 1] : NULL;
}

// The entry to fill after a slow-path execution, or NULL while warming up
// (or out of memory).
rp_icache_t *rp_icache_for(rp_code_t *co, uint32_t *ip);

// Fills a LOAD_ATTR (method false) / LOAD_METHOD (method true) entry for
// owner.name after a successful slow lookup.  Never fails.
void rp_icache_fill_attr(rp_icache_t *c, rp_obj_t *owner, rp_obj_t *name, bool method);

// Installs the release hook of co->quick (objects/code.h).
void rp_vm_install_quick_free(void);

static inline bool rp_icache_generic_getattr(const rp_type_t *tp)
{
    return tp->getattr == NULL || tp->getattr == rp_obj_generic_getattr;
}

// The instance-dict slot of o at a positive dict offset.
static inline rp_obj_t **rp_icache_dict_slot(rp_obj_t *o, int32_t offset)
{
    return (rp_obj_t **)((char *)o + offset);
}

// The index of name in the shared key table of tp (a class with inline
// values), trying the cached *hint first; -1 if it is not there.
static inline int rp_icache_values_index(rp_type_t *tp, rp_obj_t *name, int16_t *hint)
{
    rp_shared_keys_t *sk = tp->shared_keys;
    int i = *hint;
    if (i >= 0 && i < sk->nentries && sk->names[i] == name)
        return i;
    i = rp_shared_keys_index(sk, name);
    if (i >= 0)
        *hint = (int16_t)i;
    return i;
}

#endif
