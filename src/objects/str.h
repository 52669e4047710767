// str: immutable unicode text indexed by code point, stored compactly
// like CPython's PEP 393 (1, 2 or 4 bytes per code point), with a cached
// hash, a cached UTF-8 form and interning.
#ifndef RP_STR_H
#define RP_STR_H

#include <stdarg.h>
#include "object.h"

/*
 * Layout (sizes as CPython 3.11's, so sys.getsizeof agrees):
 *
 * - ASCII str: this 48-byte header, then length + 1 bytes of data (the
 *   data is also the UTF-8 form: utf8 == data).
 * - Other str: a 72-byte header (this struct plus 24 bytes, CPython's
 *   PyCompactUnicodeObject), then (length + 1) * kind bytes.  The UTF-8
 *   form is built on demand into a separate block owned by the string.
 * - Instances of str subclasses keep their data after the subclass's
 *   instance fields (at type->basicsize, rounded up), since those fields
 *   (the instance __dict__ slot) follow the str header.
 *
 * data_offset says where the data starts in every case.  The data is
 * always in the smallest kind that holds the largest code point (the
 * "canonical" form two equal strings share), so equal strings have equal
 * kinds and byte-identical data.  Strings of length 0 and 1-character
 * strings below U+0100 made by indexing, slicing, iteration, chr() and
 * decoding are shared singletons.
 */
typedef struct rp_str {
    rp_obj_t ob;
    rp_ssize_t length;      // code points
    rp_hash_t hash;         // -1 until computed
    uint8_t kind;           // 1 (latin-1), 2 (UCS-2) or 4 (UCS-4)
    uint8_t ascii;          // all code points < 128: data is also UTF-8
    uint8_t interned;
    uint8_t is_static;      // statically allocated singleton
    uint16_t data_offset;   // bytes from the object start to the data
    uint8_t reserved[2];
    char *utf8;             // cached UTF-8 (NUL-terminated); == data if ascii
    // data follows: (length + 1) * kind bytes, NUL-terminated.  Use
    // rp_str_data() rather than pointer arithmetic.
} rp_str_t;

extern rp_type_t rp_type_str;
// Iterators over str (CPython names them str_ascii_iterator for ASCII
// strings and str_iterator otherwise); they yield the 1-char singletons.
extern rp_type_t rp_type_str_iter, rp_type_str_ascii_iter;

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
    return (char *)o + ((rp_str_t *)o)->data_offset;
}
static inline int rp_str_kind(const rp_obj_t *o) { return ((const rp_str_t *)o)->kind; }
static inline bool rp_str_is_ascii(const rp_obj_t *o) { return ((const rp_str_t *)o)->ascii != 0; }
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
// Code point i of raw kind data.
static inline uint32_t rp_str_read(int kind, const void *data, rp_ssize_t i)
{
    switch (kind) {
    case 1: return ((const uint8_t *)data)[i];
    case 2: return ((const uint16_t *)data)[i];
    default: return ((const uint32_t *)data)[i];
    }
}
static inline void rp_str_write(int kind, void *data, rp_ssize_t i, uint32_t c)
{
    switch (kind) {
    case 1: ((uint8_t *)data)[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)data)[i] = (uint16_t)c; break;
    default: ((uint32_t *)data)[i] = c; break;
    }
}

// New str from UTF-8 (invalid UTF-8: UnicodeDecodeError).
rp_obj_t *rp_str_from_utf8(const char *s, rp_ssize_t len);
rp_obj_t *rp_str_from_cstr(const char *s);
// printf-style, with %R %S %T as in errors.h.  Implemented in
// objects/strbuf.c (shared with rp_err_format).
rp_obj_t *rp_str_from_format(const char *fmt, ...);
rp_obj_t *rp_str_from_vformat(const char *fmt, va_list ap);
// From code points (the smallest kind that fits is chosen).
rp_obj_t *rp_str_from_ucs4(const uint32_t *cps, rp_ssize_t n);
// From latin-1 bytes (each byte is one code point).
rp_obj_t *rp_str_from_latin1(const uint8_t *s, rp_ssize_t n);
// From n code points of raw kind data (1, 2 or 4 bytes each), converted
// to the canonical kind.  Length 0 and 1 give the shared singletons.
rp_obj_t *rp_str_from_kind(int kind, const void *data, rp_ssize_t n);
// The one-character string for code point c; shared singletons for
// c < 256 (as CPython's latin-1 cache).
rp_obj_t *rp_str_from_char(uint32_t c);
// The empty string singleton (new reference).
rp_obj_t *rp_str_empty(void);
// Whether p is the address of a statically allocated str (the empty
// string, the one-character strings, the seeded interned characters).
// Compares addresses only; never dereferences p.
bool rp_str_is_static_addr(const void *p);
// The seeded interned characters alone (objects/str_intern.c).
bool rp_str_intern_is_seeded_addr(const void *p);
// A new exact str of len code points, all of them <= maxchar and at least
// one equal to it (the kind and the ascii flag follow from maxchar), to be
// filled through rp_str_data() before it is shared.  The data is
// NUL-terminated.  len 0 gives the empty string singleton.
// Returns NULL with MemoryError set on failure.
rp_obj_t *rp_str_new(rp_ssize_t len, uint32_t maxchar);
// UTF-8 form (cached, owned by the string, valid while it lives).  NULL
// with exception on failure (lone surrogates).  *len may be NULL.
const char *rp_str_utf8(rp_obj_t *s, rp_ssize_t *len);
rp_hash_t rp_str_hash(rp_obj_t *s);
// CPython's _Py_HashBytes with PYTHONHASHSEED=0: SipHash-1-3 with a zero
// key, 0 for empty input, never -1.  str hashes its kind-encoded data with
// it; bytes hashes its bytes (so hash(b'abc') == hash('abc')).
rp_hash_t rp_hash_bytes(const void *p, rp_ssize_t n);
// Content equality of two str objects (pointer-equal fast path).
bool rp_str_eq(rp_obj_t *a, rp_obj_t *b);
bool rp_str_eq_cstr(rp_obj_t *a, const char *s);
int rp_str_compare(rp_obj_t *a, rp_obj_t *b);   // -1, 0, 1 by code points
rp_obj_t *rp_str_concat(rp_obj_t *a, rp_obj_t *b);
// *p = *p + right for `s += t` (CPython's PyUnicode_Append): takes the
// reference in *p and stores the result there.  When the caller holds the
// only reference to an exact, uninterned *p (refcount 1) and the result
// keeps its layout, the string grows in place, so building a string by
// repeated += is linear.  0, or -1 with an exception set and *p NULL.
// right must be a str (TypeError otherwise, as rp_str_concat).
int rp_str_append_take(rp_obj_t **p, rp_obj_t *right);
rp_obj_t *rp_str_join(rp_obj_t *sep, rp_obj_t *iterable);
// Joins n borrowed str items with sep (NULL: no separator); TypeError
// "sequence item 0: expected str instance, int found" for a non-str item.
// One exact-str item with no separator is returned as is (as CPython).
rp_obj_t *rp_str_join_array(rp_obj_t *sep, rp_obj_t *const *items, rp_ssize_t n);
rp_obj_t *rp_str_substr(rp_obj_t *s, rp_ssize_t start, rp_ssize_t end);
// s * n (n <= 0 gives ''); MemoryError when the result cannot exist.
rp_obj_t *rp_str_repeat(rp_obj_t *s, rp_ssize_t n);
// 1 if sub (a str) occurs in s, else 0.
int rp_str_contains(rp_obj_t *s, rp_obj_t *sub);
// Index of the first occurrence of sub in s[start:end] (already clamped
// to 0..len), or -1.
rp_ssize_t rp_str_find(rp_obj_t *s, rp_obj_t *sub, rp_ssize_t start, rp_ssize_t end);
// The largest code point of s (0 for '').
uint32_t rp_str_max_char(rp_obj_t *s);
// An exact str equal to s: s itself (new reference) when it is an exact
// str, a copy for instances of str subclasses.
rp_obj_t *rp_str_exact(rp_obj_t *s);
// repr(s) with CPython's quoting rules.
rp_obj_t *rp_str_repr(rp_obj_t *s);
// ascii(s): repr with every non-ASCII character escaped.
rp_obj_t *rp_str_ascii_repr(rp_obj_t *s);
// sys.getsizeof's basis (__sizeof__) for a str: 49 for '', 74 for 'é'.
rp_ssize_t rp_str_sizeof(rp_obj_t *s);
// Startup: readies the str types.  0 / -1.
int rp_str_init(void);

// Codecs: the utf-8, ascii and latin-1 codecs with the errors handlers
// strict, ignore, replace, backslashreplace (and xmlcharrefreplace,
// surrogateescape, surrogatepass where CPython has them).  encoding and
// errors may be NULL (utf-8 / strict).  LookupError "unknown encoding:
// x"; UnicodeDecodeError / UnicodeEncodeError with CPython's messages.
rp_obj_t *rp_str_decode(const char *s, rp_ssize_t n, const char *encoding,
                        const char *errors);
rp_obj_t *rp_str_encode(rp_obj_t *s, const char *encoding, const char *errors);

// Interning.  rp_str_intern_take replaces *p by the canonical interned
// string equal to it (taking the reference in *p, storing a new one).
// As in CPython 3.11, the intern table does not own its strings: an
// interned string dies when its last reference goes and leaves the table
// then (sys.getrefcount sees the same counts as CPython's).
void rp_str_intern_take(rp_obj_t **p);
// The interned str for a C string (new reference); used for identifiers.
rp_obj_t *rp_str_intern_cstr(const char *s);
rp_obj_t *rp_str_intern_utf8(const char *s, rp_ssize_t len);
static inline bool rp_str_is_interned(const rp_obj_t *o)
{
    return ((const rp_str_t *)o)->interned != 0;
}
// Removes a dying interned string from the table (called by str's
// dealloc).
void rp_str_intern_forget(rp_obj_t *s);
// Number of interned strings (tests, diagnostics).
rp_ssize_t rp_str_intern_count(void);

// Formatting: format(value, spec) via __format__, the mini-language for
// str/int/float, and the %-operator (objects/format.c, format.h).
rp_obj_t *rp_obj_format(rp_obj_t *value, rp_obj_t *spec);   // spec may be NULL
rp_obj_t *rp_str_percent_format(rp_obj_t *fmt, rp_obj_t *args);
// Builder for efficient concatenation (join, f-strings, repr of
// containers): append UTF-8 or str objects, then finish.  Appending is
// amortised O(1) per byte.  After an append fails (MemoryError set),
// later appends do nothing and finish returns NULL.
typedef struct rp_strbuf {
    char *buf;
    size_t len, cap;
    uint32_t maxchar;
    int failed;
} rp_strbuf_t;
void rp_strbuf_init(rp_strbuf_t *b);
// The bytes must be valid UTF-8 (surrogate code points encoded as three
// bytes are accepted, so any str round-trips).  0 / -1.
int rp_strbuf_append_utf8(rp_strbuf_t *b, const char *s, size_t n);
int rp_strbuf_append_cstr(rp_strbuf_t *b, const char *s);
int rp_strbuf_append_str(rp_strbuf_t *b, rp_obj_t *s);
int rp_strbuf_append_char(rp_strbuf_t *b, uint32_t c);
// Appends n copies of code point c (padding: one reservation, MemoryError
// at once when n is beyond any possible size).  n <= 0 appends nothing.
// 0 / -1.
int rp_strbuf_append_fill(rp_strbuf_t *b, uint32_t c, rp_ssize_t n);
// Appends repr(o) / str(o) (the object's slots; exceptions propagate).
int rp_strbuf_append_repr(rp_strbuf_t *b, rp_obj_t *o);
int rp_strbuf_append_obj_str(rp_strbuf_t *b, rp_obj_t *o);
// printf-style append: %s %d %i %u %x %X %c (a code point) %p %% with
// the l, ll and z size modifiers, '-' and '0' flags, widths and
// precisions (%.200s cuts at 200 characters), and %R (repr of an
// object), %S (its str), %A (its ascii()), %U (a str object), %T (an
// object's type name).
int rp_strbuf_append_format(rp_strbuf_t *b, const char *fmt, ...);
int rp_strbuf_append_vformat(rp_strbuf_t *b, const char *fmt, va_list ap);
// Returns the str (new reference) and releases the buffer; NULL + exc.
rp_obj_t *rp_strbuf_finish(rp_strbuf_t *b);
void rp_strbuf_discard(rp_strbuf_t *b);

#endif
