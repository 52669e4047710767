// str core: allocation in the compact layouts, the shared singletons,
// construction from code points, hashing, comparison, concatenation,
// repetition, slicing, iteration, repr, and the str type object.
#include <stdlib.h>
#include <string.h>

#include "objects/str_impl.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/rangeobj.h"
#include "objects/strargs.h"
#include "objects/args.h"
#include "objects/tuple.h"
#include "objects/unicode_db.h"
#include "memory/alloc.h"
#include "memory/gc.h"

/*
 * Singletons.  The empty string and the 256 one-character latin-1 strings
 * are statically allocated (immortal: RP_STATIC_REFCNT), with the same
 * layouts as heap strings, so code never has to tell them apart.
 */
typedef struct {
    rp_str_t s;
    uint8_t data[8];
} static_ascii_str_t;

typedef struct {
    rp_str_t s;
    uint8_t pad[RP_STR_COMPACT_HEADER - sizeof(rp_str_t)];
    uint8_t data[8];
} static_latin1_str_t;

_Static_assert(sizeof(rp_str_t) == RP_STR_ASCII_HEADER, "str header is 48 bytes");
_Static_assert(offsetof(static_ascii_str_t, data) == RP_STR_ASCII_HEADER, "ascii layout");
_Static_assert(offsetof(static_latin1_str_t, data) == RP_STR_COMPACT_HEADER, "latin1 layout");

static static_ascii_str_t empty_str;
static static_ascii_str_t ascii_chars[128];
static static_latin1_str_t latin1_chars[128];

static void init_static_str(rp_str_t *s, uint32_t c, rp_ssize_t len)
{
    s->ob.refcnt = RP_STATIC_REFCNT;
    s->ob.type = &rp_type_str;
    s->length = len;
    s->hash = -1;
    s->kind = 1;
    s->ascii = c < 128;
    s->interned = 0;
    s->is_static = 1;
    s->data_offset = c < 128 ? RP_STR_ASCII_HEADER : RP_STR_COMPACT_HEADER;
    uint8_t *d = (uint8_t *)s + s->data_offset;
    d[0] = (uint8_t)c;
    d[1] = 0;
    s->utf8 = c < 128 ? (char *)d : NULL;
}

// Runs before main so that strings can be made at any point of startup.
__attribute__((constructor)) static void init_singletons(void)
{
    init_static_str(&empty_str.s, 0, 0);
    for (uint32_t c = 0; c < 128; c++)
        init_static_str(&ascii_chars[c].s, c, 1);
    for (uint32_t c = 128; c < 256; c++)
        init_static_str(&latin1_chars[c - 128].s, c, 1);
}

// Whether p is element-aligned inside the array [base, base + n * size).
static bool in_static_array(const void *p, const void *base, size_t n, size_t size)
{
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)base;
    return a >= lo && a < lo + n * size && (a - lo) % size == 0;
}

bool rp_str_is_static_addr(const void *p)
{
    return p == (const void *)&empty_str ||
           in_static_array(p, ascii_chars, 128, sizeof ascii_chars[0]) ||
           in_static_array(p, latin1_chars, 128, sizeof latin1_chars[0]) ||
           rp_str_intern_is_seeded_addr(p);
}

rp_obj_t *rp_str_empty(void)
{
    return rp_newref(RP_OBJ(&empty_str));
}

static inline rp_obj_t *latin1_char(uint32_t c)
{
    rp_obj_t *o = c < 128 ? RP_OBJ(&ascii_chars[c]) : RP_OBJ(&latin1_chars[c - 128]);
    return rp_newref(o);
}

// ---------------------------------------------------------------------
// Allocation

rp_obj_t *rp_str_new(rp_ssize_t len, uint32_t maxchar)
{
    int kind = rp_str_kind_for(maxchar);
    bool ascii = maxchar < 128;
    size_t header = ascii ? RP_STR_ASCII_HEADER : RP_STR_COMPACT_HEADER;
    if (len <= 0) {
        if (len == 0)
            return rp_str_empty();
        rp_err_bad_internal_call("rp_str_new");
        return NULL;
    }
    // (A bound for the widest kind: no machine has the memory anyway.)
    if ((size_t)len > PTRDIFF_MAX / 4 - header - 1)
        return rp_err_nomemory();
    size_t size = header + ((size_t)len + 1) * (size_t)kind;
    rp_str_t *s = (rp_str_t *)rp_obj_alloc(&rp_type_str, size);
    if (s == NULL)
        return NULL;
    s->length = len;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = ascii;
    s->interned = 0;
    s->is_static = 0;
    s->data_offset = (uint16_t)header;
    s->reserved[0] = s->reserved[1] = 0;
    char *data = (char *)s + header;
    char *end = data + (size_t)len * kind;
    if (kind == 1)
        *end = 0;
    else
        memset(end, 0, (size_t)kind);
    s->utf8 = ascii ? data : NULL;
    return RP_OBJ(s);
}

rp_obj_t *rp_str_new_subtype(rp_type_t *type, rp_obj_t *exact)
{
    rp_str_t *src = (rp_str_t *)exact;
    size_t off = ((size_t)type->basicsize + 7) & ~(size_t)7;
    if (off < sizeof(rp_str_t))
        off = sizeof(rp_str_t);
    if (off > UINT16_MAX)
        return rp_err_format(&rp_exc_TypeError, "str subclass '%s' is too large",
                             rp_type_name(type));
    size_t nbytes = ((size_t)src->length + 1) * src->kind;
    if (nbytes > PTRDIFF_MAX - off)
        return rp_err_nomemory();
    rp_str_t *s = (rp_str_t *)rp_obj_alloc(type, off + nbytes);
    if (s == NULL)
        return NULL;
    // The subclass's own fields (the __dict__ slot) start out empty.
    memset((char *)s + sizeof(rp_str_t), 0, off - sizeof(rp_str_t));
    s->length = src->length;
    s->hash = src->hash;
    s->kind = src->kind;
    s->ascii = src->ascii;
    s->interned = 0;
    s->is_static = 0;
    s->data_offset = (uint16_t)off;
    s->reserved[0] = s->reserved[1] = 0;
    char *data = (char *)s + off;
    memcpy(data, rp_str_data(exact), nbytes);
    s->utf8 = s->ascii ? data : NULL;
    if (rp_type_has_flag(type, RP_TPFLAG_GC))
        rp_gc_track(RP_OBJ(s));
    return RP_OBJ(s);
}

static void str_dealloc(rp_obj_t *o)
{
    rp_str_t *s = (rp_str_t *)o;
    if (s->is_static)
        return;     // cannot happen: immortal
    if (rp_type_has_flag(o->type, RP_TPFLAG_GC))
        rp_gc_untrack(o);
    if (s->interned)
        rp_str_intern_forget(o);
    if (!s->ascii && s->utf8 != NULL)
        rp_mem_free(s->utf8 - sizeof(rp_ssize_t));
    rp_obj_free(o);
}

// ---------------------------------------------------------------------
// Raw character helpers

void rp_str_copy_chars(int dkind, void *ddata, rp_ssize_t dpos, int skind,
                       const void *sdata, rp_ssize_t spos, rp_ssize_t n)
{
    if (n <= 0)
        return;
    if (dkind == skind) {
        memcpy((char *)ddata + dpos * dkind, (const char *)sdata + spos * skind,
               (size_t)n * dkind);
        return;
    }
    if (skind == 1 && dkind == 2) {
        const uint8_t *s = (const uint8_t *)sdata + spos;
        uint16_t *d = (uint16_t *)ddata + dpos;
        for (rp_ssize_t i = 0; i < n; i++)
            d[i] = s[i];
    } else if (skind == 1 && dkind == 4) {
        const uint8_t *s = (const uint8_t *)sdata + spos;
        uint32_t *d = (uint32_t *)ddata + dpos;
        for (rp_ssize_t i = 0; i < n; i++)
            d[i] = s[i];
    } else if (skind == 2 && dkind == 4) {
        const uint16_t *s = (const uint16_t *)sdata + spos;
        uint32_t *d = (uint32_t *)ddata + dpos;
        for (rp_ssize_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        // Narrowing: the caller guarantees every code point fits.
        for (rp_ssize_t i = 0; i < n; i++)
            rp_str_write(dkind, ddata, dpos + i, rp_str_read(skind, sdata, spos + i));
    }
}

void rp_str_fill(int kind, void *data, rp_ssize_t pos, rp_ssize_t n, uint32_t c)
{
    if (n <= 0)
        return;
    if (kind == 1) {
        memset((uint8_t *)data + pos, (int)c, (size_t)n);
        return;
    }
    for (rp_ssize_t i = 0; i < n; i++)
        rp_str_write(kind, data, pos + i, c);
}

uint32_t rp_str_find_max(int kind, const void *data, rp_ssize_t n)
{
    uint32_t m = 0;
    if (kind == 1) {
        const uint8_t *p = data;
        rp_ssize_t i = 0;
        // Eight bytes at a time until a non-ASCII byte shows up.
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull)
                break;
        }
        for (; i < n; i++)
            if (p[i] > m)
                m = p[i];
        return m;
    }
    if (kind == 2) {
        const uint16_t *p = data;
        for (rp_ssize_t i = 0; i < n; i++)
            if (p[i] > m)
                m = p[i];
        return m;
    }
    const uint32_t *p = data;
    for (rp_ssize_t i = 0; i < n; i++)
        if (p[i] > m)
            m = p[i];
    return m;
}

uint32_t rp_str_max_char(rp_obj_t *s)
{
    rp_str_t *u = (rp_str_t *)s;
    if (u->length == 0)
        return 0;
    if (u->kind == 1 && u->ascii) {
        // ASCII strings only need a scan when exact maxima matter.
        return rp_str_find_max(1, rp_str_data(s), u->length);
    }
    return rp_str_find_max(u->kind, rp_str_data(s), u->length);
}

// ---------------------------------------------------------------------
// Construction

rp_obj_t *rp_str_from_char(uint32_t c)
{
    if (c < 256)
        return latin1_char(c);
    rp_obj_t *s = rp_str_new(1, c);
    if (s == NULL)
        return NULL;
    rp_str_write(rp_str_kind(s), rp_str_data(s), 0, c);
    return s;
}

rp_obj_t *rp_str_from_kind(int kind, const void *data, rp_ssize_t n)
{
    if (n == 0)
        return rp_str_empty();
    if (n == 1) {
        uint32_t c = rp_str_read(kind, data, 0);
        return rp_str_from_char(c);
    }
    uint32_t maxchar = rp_str_find_max(kind, data, n);
    rp_obj_t *s = rp_str_new(n, maxchar);
    if (s == NULL)
        return NULL;
    rp_str_copy_chars(rp_str_kind(s), rp_str_data(s), 0, kind, data, 0, n);
    return s;
}

rp_obj_t *rp_str_from_latin1(const uint8_t *p, rp_ssize_t n)
{
    return rp_str_from_kind(1, p, n);
}

rp_obj_t *rp_str_from_ucs4(const uint32_t *cps, rp_ssize_t n)
{
    for (rp_ssize_t i = 0; i < n; i++) {
        if (cps[i] > 0x10FFFF) {
            rp_err_set(&rp_exc_ValueError, "character U+110000 is not in range [U+0000; U+10ffff]");
            return NULL;
        }
    }
    return rp_str_from_kind(4, cps, n);
}

rp_obj_t *rp_str_from_cstr(const char *s)
{
    return rp_str_from_utf8(s, (rp_ssize_t)strlen(s));
}

rp_obj_t *rp_str_exact(rp_obj_t *s)
{
    if (rp_str_check_exact(s))
        return rp_newref(s);
    rp_str_t *u = (rp_str_t *)s;
    if (u->length <= 1)
        return rp_str_from_kind(u->kind, rp_str_data(s), u->length);
    rp_obj_t *r = rp_str_new(u->length, rp_str_maxchar_bound(s));
    if (r == NULL)
        return NULL;
    memcpy(rp_str_data(r), rp_str_data(s), (size_t)u->length * u->kind);
    ((rp_str_t *)r)->hash = u->hash;
    return r;
}

// ---------------------------------------------------------------------
// UTF-8 cache

const char *rp_str_utf8(rp_obj_t *o, rp_ssize_t *len)
{
    rp_str_t *s = (rp_str_t *)o;
    if (s->ascii) {
        if (len)
            *len = s->length;
        return s->utf8;
    }
    if (s->utf8 == NULL) {
        int kind = s->kind;
        const void *data = rp_str_data(o);
        if (kind == 2) {
            for (rp_ssize_t i = 0; i < s->length; i++) {
                uint32_t c = ((const uint16_t *)data)[i];
                if (c >= 0xD800 && c <= 0xDFFF) {
                    rp_err_format(&rp_exc_UnicodeEncodeError,
                                  "'utf-8' codec can't encode character '\\u%04x' in "
                                  "position %zd: surrogates not allowed", c, i);
                    return NULL;
                }
            }
        } else if (kind == 4) {
            for (rp_ssize_t i = 0; i < s->length; i++) {
                uint32_t c = ((const uint32_t *)data)[i];
                if (c >= 0xD800 && c <= 0xDFFF) {
                    rp_err_format(&rp_exc_UnicodeEncodeError,
                                  "'utf-8' codec can't encode character '\\u%04x' in "
                                  "position %zd: surrogates not allowed", c, i);
                    return NULL;
                }
            }
        }
        size_t cap = (size_t)s->length * (kind == 1 ? 2 : kind == 2 ? 3 : 4) + 1;
        char *block = rp_mem_alloc(sizeof(rp_ssize_t) + cap);
        if (block == NULL) {
            rp_err_nomemory();
            return NULL;
        }
        char *out = block + sizeof(rp_ssize_t);
        size_t n = rp_str_encode_utf8_raw(kind, data, s->length, out);
        out[n] = '\0';
        rp_ssize_t sn = (rp_ssize_t)n;
        memcpy(block, &sn, sizeof sn);
        s->utf8 = out;
    }
    if (len)
        memcpy(len, s->utf8 - sizeof(rp_ssize_t), sizeof *len);
    return s->utf8;
}

// ---------------------------------------------------------------------
// Hashing: CPython's SipHash-1-3 (Python/pyhash.c) with k0 = k1 = 0,
// the key PYTHONHASHSEED=0 gives.

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)  \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(uint64_t k0, uint64_t k1, const void *src, size_t n)
{
    uint64_t b = (uint64_t)n << 56;
    const uint8_t *in = src;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t mi;
        memcpy(&mi, in, 8);     // little-endian hosts only
        in += 8;
        n -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    uint8_t *pt = (uint8_t *)&t;
    switch (n) {
    case 7: pt[6] = in[6]; /* fall through */
    case 6: pt[5] = in[5]; /* fall through */
    case 5: pt[4] = in[4]; /* fall through */
    case 4: pt[3] = in[3]; /* fall through */
    case 3: pt[2] = in[2]; /* fall through */
    case 2: pt[1] = in[1]; /* fall through */
    case 1: pt[0] = in[0]; /* fall through */
    default: break;
    }
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

rp_hash_t rp_hash_bytes(const void *p, rp_ssize_t n)
{
    if (n == 0)
        return 0;
    rp_hash_t h = (rp_hash_t)siphash13(0, 0, p, (size_t)n);
    return h == -1 ? -2 : h;
}

rp_hash_t rp_str_hash(rp_obj_t *o)
{
    rp_str_t *s = (rp_str_t *)o;
    if (s->hash != -1)
        return s->hash;
    s->hash = rp_hash_bytes(rp_str_data(o), s->length * s->kind);
    return s->hash;
}

// ---------------------------------------------------------------------
// Comparison

bool rp_str_eq(rp_obj_t *a, rp_obj_t *b)
{
    if (a == b)
        return true;
    rp_str_t *x = (rp_str_t *)a, *y = (rp_str_t *)b;
    if (x->length != y->length || x->kind != y->kind)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(rp_str_data(a), rp_str_data(b), (size_t)x->length * x->kind) == 0;
}

bool rp_str_eq_cstr(rp_obj_t *a, const char *s)
{
    rp_str_t *x = (rp_str_t *)a;
    size_t n = strlen(s);
    if (x->ascii)
        return (size_t)x->length == n && memcmp(rp_str_data(a), s, n) == 0;
    rp_ssize_t len;
    const char *u = rp_str_utf8(a, &len);
    if (u == NULL) {
        rp_err_clear();
        return false;
    }
    return (size_t)len == n && memcmp(u, s, n) == 0;
}

int rp_str_compare(rp_obj_t *a, rp_obj_t *b)
{
    if (a == b)
        return 0;
    rp_str_t *x = (rp_str_t *)a, *y = (rp_str_t *)b;
    rp_ssize_t n = x->length < y->length ? x->length : y->length;
    const void *da = rp_str_data(a), *db = rp_str_data(b);
    if (x->kind == 1 && y->kind == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    } else {
        for (rp_ssize_t i = 0; i < n; i++) {
            uint32_t ca = rp_str_read(x->kind, da, i), cb = rp_str_read(y->kind, db, i);
            if (ca != cb)
                return ca < cb ? -1 : 1;
        }
    }
    return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

static rp_obj_t *str_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (!rp_str_check(a) || !rp_str_check(b))
        return rp_newref(rp_NotImplemented);
    bool r;
    if (op == RP_EQ || op == RP_NE) {
        r = rp_str_eq(a, b);
        if (op == RP_NE)
            r = !r;
    } else {
        int c = rp_str_compare(a, b);
        switch (op) {
        case RP_LT: r = c < 0; break;
        case RP_LE: r = c <= 0; break;
        case RP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return rp_bool_from(r);
}

// ---------------------------------------------------------------------
// Concatenation, repetition, substrings

rp_obj_t *rp_str_concat(rp_obj_t *a, rp_obj_t *b)
{
    if (!rp_str_check(b))
        return rp_err_format(&rp_exc_TypeError,
                             "can only concatenate str (not \"%.200s\") to str",
                             rp_type_name(b->type));
    if (!rp_str_check(a))
        return rp_err_format(&rp_exc_TypeError, "must be str, not %.100s",
                             rp_type_name(a->type));
    rp_str_t *x = (rp_str_t *)a, *y = (rp_str_t *)b;
    if (x->length == 0)
        return rp_str_exact(b);
    if (y->length == 0)
        return rp_str_exact(a);
    if (x->length > PTRDIFF_MAX - y->length)
        return rp_err_format(&rp_exc_OverflowError, "strings are too large to concat");
    uint32_t ma = rp_str_maxchar_bound(a), mb = rp_str_maxchar_bound(b);
    rp_obj_t *r = rp_str_new(x->length + y->length, ma > mb ? ma : mb);
    if (r == NULL)
        return NULL;
    int k = rp_str_kind(r);
    void *d = rp_str_data(r);
    rp_str_copy_chars(k, d, 0, x->kind, rp_str_data(a), 0, x->length);
    rp_str_copy_chars(k, d, x->length, y->kind, rp_str_data(b), 0, y->length);
    return r;
}

int rp_str_append_take(rp_obj_t **p, rp_obj_t *right)
{
    rp_obj_t *left = *p;
    rp_str_t *x = (rp_str_t *)left;
    rp_ssize_t lr = rp_str_len(right);
    // Reuse left's block when nobody else can see it and its layout
    // (header size, kind) stays the same.
    if (left->refcnt == 1 && rp_str_check_exact(left) && !x->interned && !x->is_static &&
        rp_str_check(right) && lr > 0 && x->length > 0 && rp_str_kind(right) <= x->kind &&
        (!x->ascii || rp_str_is_ascii(right)) && x->length <= PTRDIFF_MAX / 4 - lr - 1) {
        size_t header = x->data_offset;
        size_t size = header + ((size_t)(x->length + lr) + 1) * x->kind;
        if (!x->ascii && x->utf8 != NULL) {
            rp_mem_free(x->utf8 - sizeof(rp_ssize_t));
            x->utf8 = NULL;
        }
        rp_str_t *y = rp_mem_realloc(x, size);
        if (y != NULL) {
            if (y != x)
                rp_mem_mark_object(y, true);
            char *data = (char *)y + header;
            rp_str_copy_chars(y->kind, data, y->length, rp_str_kind(right), rp_str_data(right),
                              0, lr);
            y->length += lr;
            memset(data + (size_t)y->length * y->kind, 0, y->kind);
            y->hash = -1;
            if (y->ascii)
                y->utf8 = data;
            *p = RP_OBJ(y);
            return 0;
        }
        // Out of memory for the in-place growth: fall back on a copy.
        if (x->ascii)
            x->utf8 = (char *)x + header;
    }
    rp_obj_t *r = rp_str_concat(left, right);
    rp_decref(left);
    *p = r;
    return r ? 0 : -1;
}

rp_obj_t *rp_str_repeat(rp_obj_t *s, rp_ssize_t n)
{
    rp_str_t *u = (rp_str_t *)s;
    if (n < 1 || u->length == 0)
        return rp_str_empty();
    if (n == 1)
        return rp_str_exact(s);
    if (u->length > PTRDIFF_MAX / n)
        return rp_err_format(&rp_exc_OverflowError, "repeated string is too long");
    rp_ssize_t total = u->length * n;
    rp_obj_t *r = rp_str_new(total, rp_str_maxchar_bound(s));
    if (r == NULL)
        return NULL;
    int k = u->kind;
    char *d = rp_str_data(r);
    if (u->length == 1) {
        rp_str_fill(k, d, 0, total, rp_str_char(s, 0));
        return r;
    }
    size_t unit = (size_t)u->length * k, all = (size_t)total * k, done = unit;
    memcpy(d, rp_str_data(s), unit);
    while (done < all) {
        size_t chunk = done <= all - done ? done : all - done;
        memcpy(d + done, d, chunk);
        done += chunk;
    }
    return r;
}

rp_obj_t *rp_str_substr(rp_obj_t *s, rp_ssize_t start, rp_ssize_t end)
{
    rp_str_t *u = (rp_str_t *)s;
    if (start < 0)
        start = 0;
    if (end > u->length)
        end = u->length;
    if (start == 0 && end == u->length)
        return rp_str_exact(s);
    if (start >= end)
        return rp_str_empty();
    const char *d = (const char *)rp_str_data(s) + start * u->kind;
    if (u->ascii) {
        rp_ssize_t n = end - start;
        if (n == 1)
            return latin1_char((uint8_t)d[0]);
        rp_obj_t *r = rp_str_new(n, 127);
        if (r)
            memcpy(rp_str_data(r), d, (size_t)n);
        return r;
    }
    return rp_str_from_kind(u->kind, d, end - start);
}

// ---------------------------------------------------------------------
// Joining

rp_obj_t *rp_str_join_array(rp_obj_t *sep, rp_obj_t *const *items, rp_ssize_t n)
{
    if (n == 0)
        return rp_str_empty();
    rp_ssize_t seplen = sep ? rp_str_len(sep) : 0;
    if (n == 1 && rp_str_check_exact(items[0]))
        return rp_newref(items[0]);
    uint32_t maxchar = seplen > 0 ? rp_str_maxchar_bound(sep) : 0;
    rp_ssize_t total = 0;
    for (rp_ssize_t i = 0; i < n; i++) {
        rp_obj_t *it = items[i];
        if (!rp_str_check(it))
            return rp_err_format(&rp_exc_TypeError,
                                 "sequence item %zd: expected str instance, %.80s found",
                                 i, rp_type_name(it->type));
        rp_ssize_t l = rp_str_len(it);
        if (l > 0) {
            uint32_t m = rp_str_maxchar_bound(it);
            if (m > maxchar)
                maxchar = m;
        }
        if (total > PTRDIFF_MAX - l)
            goto overflow;
        total += l;
        if (i > 0) {
            if (total > PTRDIFF_MAX - seplen)
                goto overflow;
            total += seplen;
        }
    }
    if (total == 0)
        return rp_str_empty();
    if (total == 1) {
        // The only character comes from one item or the separator.
        for (rp_ssize_t i = 0; i < n; i++)
            if (rp_str_len(items[i]) == 1)
                return rp_str_from_char(rp_str_char(items[i], 0));
        return rp_str_from_char(rp_str_char(sep, 0));
    }
    rp_obj_t *r = rp_str_new(total, maxchar);
    if (r == NULL)
        return NULL;
    int k = rp_str_kind(r);
    char *d = rp_str_data(r);
    rp_ssize_t pos = 0;
    if (k == 1) {
        const char *sd = seplen ? rp_str_data(sep) : NULL;
        for (rp_ssize_t i = 0; i < n; i++) {
            if (i > 0 && seplen) {
                if (seplen == 1)
                    d[pos] = sd[0];
                else
                    memcpy(d + pos, sd, (size_t)seplen);
                pos += seplen;
            }
            rp_ssize_t l = rp_str_len(items[i]);
            const char *src = rp_str_data(items[i]);
            if (l <= 8) {
                // Short pieces (numbers, words): skip the memcpy call.
                for (rp_ssize_t c = 0; c < l; c++)
                    d[pos + c] = src[c];
            } else {
                memcpy(d + pos, src, (size_t)l);
            }
            pos += l;
        }
        return r;
    }
    for (rp_ssize_t i = 0; i < n; i++) {
        if (i > 0 && seplen) {
            rp_str_copy_chars(k, d, pos, rp_str_kind(sep), rp_str_data(sep), 0, seplen);
            pos += seplen;
        }
        rp_obj_t *it = items[i];
        rp_ssize_t l = rp_str_len(it);
        rp_str_copy_chars(k, d, pos, rp_str_kind(it), rp_str_data(it), 0, l);
        pos += l;
    }
    return r;
overflow:
    return rp_err_format(&rp_exc_OverflowError, "join() result is too long for a Python string");
}

rp_obj_t *rp_str_join(rp_obj_t *sep, rp_obj_t *iterable)
{
    if (rp_list_check(iterable))
        return rp_str_join_array(sep, ((rp_list_t *)iterable)->items, rp_list_len(iterable));
    if (rp_tuple_check(iterable))
        return rp_str_join_array(sep, rp_tuple_items(iterable), rp_tuple_len(iterable));
    rp_obj_t *it = rp_obj_iter(iterable);
    if (it == NULL) {
        if (rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            rp_err_set(&rp_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL) {
        rp_decref(it);
        return NULL;
    }
    rp_obj_t *item;
    while ((item = rp_iter_next(it)) != NULL) {
        if (rp_list_append_take(list, item) < 0)
            goto fail;
    }
    if (rp_err_occurred())
        goto fail;
    rp_decref(it);
    rp_obj_t *r = rp_str_join_array(sep, ((rp_list_t *)list)->items, rp_list_len(list));
    rp_decref(list);
    return r;
fail:
    rp_decref(it);
    rp_decref(list);
    return NULL;
}

// ---------------------------------------------------------------------
// Sequence protocol

int rp_str_contains(rp_obj_t *s, rp_obj_t *sub)
{
    rp_ssize_t n = rp_str_len(s), m = rp_str_len(sub);
    if (m == 0)
        return 1;
    if (m > n || rp_str_kind(sub) > rp_str_kind(s))
        return 0;
    if (m == 1) {
        uint32_t c = rp_str_char(sub, 0);
        int k = rp_str_kind(s);
        const void *d = rp_str_data(s);
        if (k == 1)
            return memchr(d, (int)c, (size_t)n) != NULL;
        for (rp_ssize_t i = 0; i < n; i++)
            if (rp_str_read(k, d, i) == c)
                return 1;
        return 0;
    }
    return rp_str_search(rp_str_kind(s), rp_str_data(s), n, rp_str_kind(sub),
                         rp_str_data(sub), m, -1, RP_SEARCH_FIND) >= 0;
}

rp_ssize_t rp_str_find(rp_obj_t *s, rp_obj_t *sub, rp_ssize_t start, rp_ssize_t end)
{
    return rp_str_search_obj(s, sub, start, end, RP_SEARCH_FIND);
}

static int str_contains_slot(rp_obj_t *self, rp_obj_t *item)
{
    if (!rp_str_check(item)) {
        rp_err_format(&rp_exc_TypeError,
                      "'in <string>' requires string as left operand, not %.100s",
                      rp_type_name(item->type));
        return -1;
    }
    return rp_str_contains(self, item);
}

static rp_ssize_t str_len_slot(rp_obj_t *self)
{
    return rp_str_len(self);
}

static rp_obj_t *str_getitem_index(rp_obj_t *self, rp_ssize_t i)
{
    rp_ssize_t n = rp_str_len(self);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return rp_err_format(&rp_exc_IndexError, "string index out of range");
    return rp_str_from_char(rp_str_char(self, i));
}

static rp_obj_t *str_getitem(rp_obj_t *self, rp_obj_t *key)
{
    if (rp_int_check(key)) {
        if (rp_int_is_small(key))
            return str_getitem_index(self, (rp_ssize_t)rp_int_small_value(key));
        rp_ssize_t i = rp_int_as_ssize(key);
        if (i == -1 && rp_err_occurred()) {
            if (rp_err_matches(&rp_exc_OverflowError)) {
                rp_err_clear();
                return rp_err_format(&rp_exc_IndexError,
                                     "cannot fit 'int' into an index-sized integer");
            }
            return NULL;
        }
        return str_getitem_index(self, i);
    }
    if (rp_slice_check(key)) {
        rp_ssize_t start, stop, step;
        rp_ssize_t n = rp_slice_indices(key, rp_str_len(self), &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return rp_str_empty();
        if (step == 1)
            return rp_str_substr(self, start, start + n);
        if (n == 1)
            return rp_str_from_char(rp_str_char(self, start));
        int k = rp_str_kind(self);
        const void *d = rp_str_data(self);
        uint32_t maxchar = 0;
        for (rp_ssize_t i = 0, j = start; i < n; i++, j += step) {
            uint32_t c = rp_str_read(k, d, j);
            if (c > maxchar)
                maxchar = c;
        }
        rp_obj_t *r = rp_str_new(n, maxchar);
        if (r == NULL)
            return NULL;
        int rk = rp_str_kind(r);
        void *rd = rp_str_data(r);
        for (rp_ssize_t i = 0, j = start; i < n; i++, j += step)
            rp_str_write(rk, rd, i, rp_str_read(k, d, j));
        return r;
    }
    if (key->type->index != NULL) {
        rp_ssize_t i = rp_number_as_ssize(key, &rp_exc_IndexError);
        if (i == -1 && rp_err_occurred())
            return NULL;
        return str_getitem_index(self, i);
    }
    return rp_err_format(&rp_exc_TypeError, "string indices must be integers, not '%.200s'",
                         rp_type_name(key->type));
}

// ---------------------------------------------------------------------
// Operators: + * %

static rp_obj_t *str_binary_op(rp_obj_t *a, rp_obj_t *b, int op);

// Lets b's reflected method run before the sequence operation fails, as
// CPython tries nb_add/nb_multiply of both operands before sq_concat.
static rp_obj_t *try_reflected(rp_obj_t *a, rp_obj_t *b, int op)
{
    rp_binaryfunc f = b->type->binary_op;
    if (f == NULL || f == str_binary_op)
        return rp_newref(rp_NotImplemented);
    return f(a, b, op);
}

static rp_obj_t *str_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    int base = op >= RP_BINOP_INPLACE ? op - RP_BINOP_INPLACE : op;
    switch (base) {
    case RP_BINOP_ADD:
        if (!rp_str_check(a))
            return rp_newref(rp_NotImplemented);
        if (rp_str_check(b))
            return rp_str_concat(a, b);
        {
            rp_obj_t *r = try_reflected(a, b, op);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
        }
        return rp_err_format(&rp_exc_TypeError,
                             "can only concatenate str (not \"%.200s\") to str",
                             rp_type_name(b->type));
    case RP_BINOP_MUL: {
        rp_obj_t *s = rp_str_check(a) ? a : b;
        rp_obj_t *count = s == a ? b : a;
        if (!rp_int_check(count) && count->type->index == NULL) {
            if (s == a) {
                rp_obj_t *r = try_reflected(a, b, op);
                if (r != rp_NotImplemented)
                    return r;
                rp_decref(r);
            }
            return rp_err_format(&rp_exc_TypeError,
                                 "can't multiply sequence by non-int of type '%.200s'",
                                 rp_type_name(count->type));
        }
        rp_ssize_t n;
        if (rp_int_check(count) && rp_int_is_small(count)) {
            int64_t v = rp_int_small_value(count);
            n = v < PTRDIFF_MIN ? PTRDIFF_MIN : v > PTRDIFF_MAX ? PTRDIFF_MAX : (rp_ssize_t)v;
        } else {
            n = rp_number_as_ssize(count, &rp_exc_OverflowError);
            if (n == -1 && rp_err_occurred())
                return NULL;
        }
        return rp_str_repeat(s, n);
    }
    case RP_BINOP_MOD:
        if (!rp_str_check(a))
            return rp_newref(rp_NotImplemented);
        return rp_str_percent_format(a, b);
    default:
        return rp_newref(rp_NotImplemented);
    }
}

// ---------------------------------------------------------------------
// repr

static rp_obj_t *repr_impl(rp_obj_t *s, bool ascii_only)
{
    rp_ssize_t n = rp_str_len(s);
    int kind = rp_str_kind(s);
    const void *d = rp_str_data(s);
    rp_ssize_t osize = 0, squote = 0, dquote = 0;
    uint32_t maxchar = 127;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        rp_ssize_t incr;
        switch (c) {
        case '\'': squote++; incr = 1; break;
        case '"': dquote++; incr = 1; break;
        case '\\': case '\t': case '\r': case '\n': incr = 2; break;
        default:
            if (c < ' ' || c == 0x7f)
                incr = 4;
            else if (c < 0x7f)
                incr = 1;
            else if (!ascii_only && rp_uc_isprintable(c)) {
                if (c > maxchar)
                    maxchar = c;
                incr = 1;
            } else if (c < 0x100)
                incr = 4;
            else if (c < 0x10000)
                incr = 6;
            else
                incr = 10;
        }
        if (osize > PTRDIFF_MAX - 2 - incr)
            return rp_err_format(&rp_exc_OverflowError, "string is too long to generate repr");
        osize += incr;
    }
    uint32_t quote = '\'';
    bool escape_quote = false;
    if (squote) {
        if (dquote) {
            osize += squote;
            escape_quote = true;
        } else
            quote = '"';
    }
    osize += 2;
    rp_obj_t *r = rp_str_new(osize, maxchar);
    if (r == NULL)
        return NULL;
    int rk = rp_str_kind(r);
    void *rd = rp_str_data(r);
    static const char hex[] = "0123456789abcdef";
    rp_ssize_t o = 0;
    rp_str_write(rk, rd, o++, quote);
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if ((c == quote && escape_quote) || c == '\\') {
            rp_str_write(rk, rd, o++, '\\');
            rp_str_write(rk, rd, o++, c);
            continue;
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            rp_str_write(rk, rd, o++, '\\');
            rp_str_write(rk, rd, o++, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
            continue;
        }
        if (c < ' ' || c == 0x7f || (c >= 0x7f && (ascii_only || !rp_uc_isprintable(c)))) {
            rp_str_write(rk, rd, o++, '\\');
            if (c <= 0xff) {
                rp_str_write(rk, rd, o++, 'x');
                rp_str_write(rk, rd, o++, (uint8_t)hex[(c >> 4) & 0xf]);
                rp_str_write(rk, rd, o++, (uint8_t)hex[c & 0xf]);
            } else if (c <= 0xffff) {
                rp_str_write(rk, rd, o++, 'u');
                for (int sh = 12; sh >= 0; sh -= 4)
                    rp_str_write(rk, rd, o++, (uint8_t)hex[(c >> sh) & 0xf]);
            } else {
                rp_str_write(rk, rd, o++, 'U');
                for (int sh = 28; sh >= 0; sh -= 4)
                    rp_str_write(rk, rd, o++, (uint8_t)hex[(c >> sh) & 0xf]);
            }
            continue;
        }
        rp_str_write(rk, rd, o++, c);
    }
    rp_str_write(rk, rd, o++, quote);
    return r;
}

rp_obj_t *rp_str_repr(rp_obj_t *s)
{
    return repr_impl(s, false);
}

rp_obj_t *rp_str_ascii_repr(rp_obj_t *s)
{
    return repr_impl(s, true);
}

rp_obj_t *rp_str_escape_non_ascii(rp_obj_t *s)
{
    if (rp_str_is_ascii(s))
        return rp_str_exact(s);
    rp_ssize_t n = rp_str_len(s), osize = 0;
    int kind = rp_str_kind(s);
    const void *d = rp_str_data(s);
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        osize += c < 0x80 ? 1 : c <= 0xff ? 4 : c <= 0xffff ? 6 : 10;
    }
    rp_obj_t *r = rp_str_new(osize, 127);
    if (r == NULL)
        return NULL;
    char *o = rp_str_data(r);
    static const char hex[] = "0123456789abcdef";
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if (c < 0x80) {
            *o++ = (char)c;
            continue;
        }
        *o++ = '\\';
        int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
        *o++ = c <= 0xff ? 'x' : c <= 0xffff ? 'u' : 'U';
        for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4)
            *o++ = hex[(c >> sh) & 0xf];
    }
    return r;
}

static rp_obj_t *str_repr_slot(rp_obj_t *self)
{
    return rp_str_repr(self);
}

static rp_obj_t *str_str_slot(rp_obj_t *self)
{
    return rp_str_exact(self);
}

static rp_hash_t str_hash_slot(rp_obj_t *self)
{
    return rp_str_hash(self);
}

rp_ssize_t rp_str_sizeof(rp_obj_t *s)
{
    rp_str_t *u = (rp_str_t *)s;
    if (!rp_str_check_exact(s))
        // CPython's str subclass instances are PyUnicodeObject (80 bytes)
        // plus __dict__ and __weakref__ slots, data outside.
        return 96 + (u->length + 1) * u->kind;
    if (u->ascii)
        return RP_STR_ASCII_HEADER + u->length + 1;
    return RP_STR_COMPACT_HEADER + (u->length + 1) * u->kind;
}

// ---------------------------------------------------------------------
// Iteration

typedef struct {
    rp_obj_t ob;
    rp_obj_t *seq;      // NULL once exhausted
    rp_ssize_t index;
} str_iter_t;

static rp_obj_t *str_iter_slot(rp_obj_t *self)
{
    rp_type_t *t = rp_str_is_ascii(self) ? &rp_type_str_ascii_iter : &rp_type_str_iter;
    str_iter_t *it = (str_iter_t *)rp_obj_alloc(t, sizeof(str_iter_t));
    if (it == NULL)
        return NULL;
    it->seq = rp_newref(self);
    it->index = 0;
    return RP_OBJ(it);
}

static void str_iter_dealloc(rp_obj_t *o)
{
    str_iter_t *it = (str_iter_t *)o;
    rp_xdecref(it->seq);
    rp_obj_free(o);
}

static rp_obj_t *str_iter_next(rp_obj_t *o)
{
    str_iter_t *it = (str_iter_t *)o;
    rp_obj_t *s = it->seq;
    if (s == NULL)
        return NULL;
    if (it->index < rp_str_len(s)) {
        uint32_t c = rp_str_char(s, it->index++);
        return rp_str_from_char(c);
    }
    it->seq = NULL;
    rp_decref(s);
    return NULL;
}

static rp_obj_t *str_iter_self(rp_obj_t *o)
{
    return rp_newref(o);
}

static rp_obj_t *str_iter_length_hint(rp_obj_t *self, rp_obj_t *const *args,
                                      size_t nargs, rp_obj_t *kwnames)
{
    str_iter_t *it = (str_iter_t *)self;
    rp_ssize_t n = it->seq ? rp_str_len(it->seq) - it->index : 0;
    return rp_int_from_ssize(n < 0 ? 0 : n);
}

static const rp_method_def_t str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, RP_METH_INSTANCE,
     "Private method returning an estimate of len(list(it))."},
    {NULL}
};

rp_type_t rp_type_str_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "str_iterator",
    .basicsize = sizeof(str_iter_t),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .next = str_iter_next,
    .methods = str_iter_methods,
};

rp_type_t rp_type_str_ascii_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(str_iter_t),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .next = str_iter_next,
    .methods = str_iter_methods,
};

// ---------------------------------------------------------------------
// Construction from Python: str(), str(x), str(b, encoding, errors)

static rp_obj_t *str_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    static const char *const kwlist[] = {"object", "encoding", "errors"};
    static bool kwtuple;
    rp_obj_t *a[3];
    rp_obj_t *res;
    if (rp_arg_nkw(kwnames) || nargs > 3)
        rp_arg_note_kwtuple(&kwtuple, 3);
    if (rp_strargs_parse("str", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    if (a[1] == NULL && a[2] == NULL) {
        res = a[0] ? rp_obj_str(a[0]) : rp_str_empty();
    } else {
        const char *enc = NULL, *errs = NULL;
        if (a[1] && (enc = rp_strargs_cstr(a[1], "str", "encoding")) == NULL)
            return NULL;
        if (a[2] && (errs = rp_strargs_cstr(a[2], "str", "errors")) == NULL)
            return NULL;
        rp_obj_t *obj = a[0];
        if (obj == NULL)
            res = rp_str_decode("", 0, enc, errs);
        else if (rp_bytes_check(obj))
            res = rp_str_decode(rp_bytes_data(obj), rp_bytes_len(obj), enc, errs);
        else if (rp_str_check(obj))
            return rp_err_format(&rp_exc_TypeError, "decoding str is not supported");
        else
            return rp_err_format(&rp_exc_TypeError,
                                 "decoding to str: need a bytes-like object, %.80s found",
                                 rp_type_name(obj->type));
    }
    if (res != NULL && type != &rp_type_str) {
        rp_obj_t *sub = rp_str_new_subtype(type, res);
        rp_decref(res);
        res = sub;
    }
    return res;
}

// The method table lives in str_methods.c.
extern const rp_method_def_t rp_str_methods[];

int rp_str_init(void)
{
    if (rp_type_ready(&rp_type_str) < 0 || rp_type_ready(&rp_type_str_iter) < 0 ||
        rp_type_ready(&rp_type_str_ascii_iter) < 0)
        return -1;
    return 0;
}

rp_type_t rp_type_str = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "str",
    .basicsize = sizeof(rp_str_t),
    .itemsize = 0,
    .flags = RP_TPFLAG_BASETYPE | RP_TPFLAG_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .binary_op = str_binary_op,
    .len = str_len_slot,
    .getitem = str_getitem,
    .contains = str_contains_slot,
    .iter = str_iter_slot,
    .new_ = str_new,
    .methods = rp_str_methods,
};
