// str: immutable unicode text indexed by code point, stored compactly
// like CPython's PEP 393 (1, 2 or 4 bytes per code point), with a cached
// hash, a cached UTF-8 form and interning.
#ifndef RP_STR_H
#define RP_STR_H

#include <stdarg.h>
#include "object.h"

typedef struct rp_str {
    rp_obj_t ob;
    rp_ssize_t length;      // code points
    rp_hash_t hash;         // -1 until computed
    uint8_t kind;           // 1 (latin-1), 2 (UCS-2) or 4 (UCS-4)
    uint8_t ascii;          // all code points < 128: data is also UTF-8
    uint8_t interned;
    uint8_t reserved[5];
    char *utf8;             // cached UTF-8 (NUL-terminated); == data if ascii
    // data follows: (length + 1) * kind bytes, NUL-terminated.  The str
    // implementation may lay out non-ASCII strings with extra header
    // fields (CPython's 72-byte compact header, for getsizeof parity);
    // use rp_str_data() rather than pointer arithmetic.
} rp_str_t;

extern rp_type_t rp_type_str;

static inline bool rp_str_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_STR_SUBCLASS);
}
static inline bool rp_str_check_exact(const rp_obj_t *o)
{
    return o->type == &rp_type_str;
}
static inline rp_ssize_t rp_str_len(const rp_obj_t *o)
{
    return ((const rp_str_t *)o)->length;
}
// Size of the header before the character data: 48 for ASCII strings
// (as CPython's PyASCIIObject), 72 otherwise (PyCompactUnicodeObject).
#define RP_STR_ASCII_HEADER 48
#define RP_STR_COMPACT_HEADER 72
static inline void *rp_str_data(rp_obj_t *o)
{
    rp_str_t *s = (rp_str_t *)o;
    return (char *)s + (s->ascii ? RP_STR_ASCII_HEADER : RP_STR_COMPACT_HEADER);
}
static inline int rp_str_kind(const rp_obj_t *o) { return ((const rp_str_t *)o)->kind; }
// Code point i (no bounds check).
static inline uint32_t rp_str_char(rp_obj_t *o, rp_ssize_t i)
{
    void *d = rp_str_data(o);
    switch (((rp_str_t *)o)->kind) {
    case 1: return ((uint8_t *)d)[i];
    case 2: return ((uint16_t *)d)[i];
    default: return ((uint32_t *)d)[i];
    }
}

// New str from UTF-8 (invalid UTF-8: UnicodeDecodeError).
rp_obj_t *rp_str_from_utf8(const char *s, rp_ssize_t len);
rp_obj_t *rp_str_from_cstr(const char *s);
// printf-style, with %R %S %T as in errors.h.  Implemented in
// objects/cformat.c (shared with rp_err_format).
rp_obj_t *rp_str_from_format(const char *fmt, ...);
rp_obj_t *rp_str_from_vformat(const char *fmt, va_list ap);
// From code points (the smallest kind that fits is chosen).
rp_obj_t *rp_str_from_ucs4(const uint32_t *cps, rp_ssize_t n);
// The one-character string for code point c; shared singletons for
// c < 256 (as CPython's latin-1 cache).
rp_obj_t *rp_str_from_char(uint32_t c);
// The empty string singleton (new reference).
rp_obj_t *rp_str_empty(void);
// UTF-8 form (cached, owned by the string, valid while it lives).  NULL
// with exception on failure (lone surrogates).  *len may be NULL.
const char *rp_str_utf8(rp_obj_t *s, rp_ssize_t *len);
rp_hash_t rp_str_hash(rp_obj_t *s);
// Content equality of two str objects (pointer-equal fast path).
bool rp_str_eq(rp_obj_t *a, rp_obj_t *b);
bool rp_str_eq_cstr(rp_obj_t *a, const char *s);
int rp_str_compare(rp_obj_t *a, rp_obj_t *b);   // -1, 0, 1 by code points
rp_obj_t *rp_str_concat(rp_obj_t *a, rp_obj_t *b);
rp_obj_t *rp_str_join(rp_obj_t *sep, rp_obj_t *iterable);
rp_obj_t *rp_str_substr(rp_obj_t *s, rp_ssize_t start, rp_ssize_t end);
// repr(s) with CPython's quoting rules.
rp_obj_t *rp_str_repr(rp_obj_t *s);

// Interning.  rp_str_intern_take replaces *p by the canonical interned
// string equal to it (taking the reference in *p, storing a new one).
void rp_str_intern_take(rp_obj_t **p);
// The interned str for a C string (new reference); used for identifiers.
rp_obj_t *rp_str_intern_cstr(const char *s);
rp_obj_t *rp_str_intern_utf8(const char *s, rp_ssize_t len);
static inline bool rp_str_is_interned(const rp_obj_t *o)
{
    return ((const rp_str_t *)o)->interned != 0;
}

// Formatting: format(value, spec) via __format__, the mini-language for
// str/int/float, and the %-operator.
rp_obj_t *rp_obj_format(rp_obj_t *value, rp_obj_t *spec);   // spec may be NULL
rp_obj_t *rp_str_percent_format(rp_obj_t *fmt, rp_obj_t *args);
// Builder for efficient concatenation (join, f-strings, repr of
// containers): append UTF-8 or str objects, then finish.
typedef struct rp_strbuf {
    char *buf;
    size_t len, cap;
    uint32_t maxchar;
    int failed;
} rp_strbuf_t;
void rp_strbuf_init(rp_strbuf_t *b);
int rp_strbuf_append_utf8(rp_strbuf_t *b, const char *s, size_t n);
int rp_strbuf_append_cstr(rp_strbuf_t *b, const char *s);
int rp_strbuf_append_str(rp_strbuf_t *b, rp_obj_t *s);
int rp_strbuf_append_char(rp_strbuf_t *b, uint32_t c);
// Returns the str (new reference) and releases the buffer; NULL + exc.
rp_obj_t *rp_strbuf_finish(rp_strbuf_t *b);
void rp_strbuf_discard(rp_strbuf_t *b);

#endif
