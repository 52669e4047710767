// bytes: immutable byte strings.
#ifndef RP_BYTES_H
#define RP_BYTES_H

#include "object.h"

typedef struct rp_bytes {
    rp_varobj_t ob;         // size = number of bytes
    rp_hash_t hash;
    char data[1];           // size + 1 bytes, NUL-terminated
} rp_bytes_t;

extern rp_type_t rp_type_bytes;

static inline bool rp_bytes_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_BYTES_SUBCLASS);
}
static inline const char *rp_bytes_data(rp_obj_t *o) { return ((rp_bytes_t *)o)->data; }
static inline rp_ssize_t rp_bytes_len(rp_obj_t *o) { return ((rp_bytes_t *)o)->ob.size; }
rp_obj_t *rp_bytes_from(const char *s, rp_ssize_t len);

#endif
