// bytes: immutable byte strings.
#ifndef RP_BYTES_H
#define RP_BYTES_H

#include "object.h"

/*
 * Layout as CPython's PyBytesObject: a 32-byte header, then size + 1
 * bytes (NUL-terminated), 33 + size bytes in all (sys.getsizeof(b'') is
 * 33).  The empty string and the 256 one-byte strings are shared
 * immortal singletons.  Instances of bytes subclasses have the same
 * layout; their __dict__ slot sits after the data (negative dict_offset).
 */
typedef struct rp_bytes {
    rp_varobj_t ob;         // size = number of bytes
    rp_hash_t hash;
    char data[1];           // size + 1 bytes, NUL-terminated
} rp_bytes_t;

extern rp_type_t rp_type_bytes;
// Whether p is the address of a statically allocated bytes object (b''
// and the one-byte values).  Compares addresses only.
bool rp_bytes_is_static_addr(const void *p);
extern rp_type_t rp_type_bytes_iter;   // bytes_iterator: yields ints

static inline bool rp_bytes_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_BYTES_SUBCLASS);
}
static inline bool rp_bytes_check_exact(const rp_obj_t *o)
{
    return o->type == &rp_type_bytes;
}
static inline const char *rp_bytes_data(rp_obj_t *o) { return ((rp_bytes_t *)o)->data; }
static inline rp_ssize_t rp_bytes_len(rp_obj_t *o) { return ((rp_bytes_t *)o)->ob.size; }
// A new bytes holding a copy of s[0..len) (s may be NULL when len is 0).
// Lengths 0 and 1 give the shared singletons.  New reference or NULL.
rp_obj_t *rp_bytes_from(const char *s, rp_ssize_t len);
// A new, uninitialised bytes object of len bytes (NUL-terminated) to be
// filled through rp_bytes_buffer() before it is shared; len 0 gives the
// empty singleton.  NULL with MemoryError on failure.
rp_obj_t *rp_bytes_new(rp_ssize_t len);
static inline char *rp_bytes_buffer(rp_obj_t *o) { return ((rp_bytes_t *)o)->data; }
// a + b for two bytes objects.
rp_obj_t *rp_bytes_concat(rp_obj_t *a, rp_obj_t *b);
// repr(b): b'...' with CPython's quote choice and escapes.
rp_obj_t *rp_bytes_repr(rp_obj_t *b);
rp_hash_t rp_bytes_hash(rp_obj_t *b);
// fmt % args for bytes (objects/format_percent.c): %s and %b take bytes
// (or __bytes__), %r and %a give ascii(), %c an int below 256 or one
// byte; the numeric conversions as for str.
rp_obj_t *rp_bytes_percent_format(rp_obj_t *fmt, rp_obj_t *args);
// Startup: readies the bytes types.  0 / -1.
int rp_bytes_init(void);

#endif
