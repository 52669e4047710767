// Internals shared by the files implementing str, bytes and formatting
// (str.c, str_methods.c, str_case.c, str_search.c, str_codecs.c,
// strbuf.c, format*.c, bytes*.c).  Not for use outside objects/.
#ifndef RP_STR_IMPL_H
#define RP_STR_IMPL_H

#include <string.h>
#include "objects/str.h"

// The largest code point a canonical string of this kind can hold; a
// canonical string always has one above the next smaller kind's range, so
// this picks the right kind for strings built from it.
static inline uint32_t rp_str_maxchar_bound(rp_obj_t *s)
{
    rp_str_t *u = (rp_str_t *)s;
    if (u->ascii)
        return 127;
    return u->kind == 1 ? 255 : u->kind == 2 ? 0xFFFF : 0x10FFFF;
}
static inline uint32_t rp_str_kind_bound(int kind)
{
    return kind == 1 ? 255 : kind == 2 ? 0xFFFF : 0x10FFFF;
}
static inline int rp_str_kind_for(uint32_t maxchar)
{
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

// Copies n code points from sdata[spos..] (kind skind) to ddata[dpos..]
// (kind dkind >= every copied code point's kind).
void rp_str_copy_chars(int dkind, void *ddata, rp_ssize_t dpos, int skind,
                       const void *sdata, rp_ssize_t spos, rp_ssize_t n);
// Writes c n times at data[pos..].
void rp_str_fill(int kind, void *data, rp_ssize_t pos, rp_ssize_t n, uint32_t c);
// Largest code point in data[0..n).
uint32_t rp_str_find_max(int kind, const void *data, rp_ssize_t n);
// Copies an exact str's contents into a new instance of the str subclass
// type (data after the subclass's fields).
rp_obj_t *rp_str_new_subtype(rp_type_t *type, rp_obj_t *exact);
// Decodes UTF-8 known to be valid (surrogates allowed, as strbuf produces
// them) into a new str whose code points are all <= maxchar.
rp_obj_t *rp_str_from_utf8_trusted(const char *s, rp_ssize_t n, uint32_t maxchar);
// Encodes n code points to UTF-8 at out (at most 4 bytes each); surrogates
// are written as 3-byte sequences.  Returns the number of bytes.
size_t rp_str_encode_utf8_raw(int kind, const void *data, rp_ssize_t n, char *out);

// Substring search (str_search.c).  Haystack and needle are raw kind
// data; the needle's kind is <= the haystack's.  mode: find (first
// index), rfind (last index) or count (non-overlapping, up to maxcount).
enum { RP_SEARCH_FIND, RP_SEARCH_RFIND, RP_SEARCH_COUNT };
rp_ssize_t rp_str_search(int hkind, const void *hay, rp_ssize_t n, int nkind,
                         const void *needle, rp_ssize_t m, rp_ssize_t maxcount,
                         int mode);
// A prepared search for one needle (m >= 1) in haystacks of kind hkind:
// Horspool's skip table built once, for loops that find every
// occurrence (count, split, replace) in linear time.
typedef struct rp_str_searcher {
    int k;
    const void *needle;
    rp_ssize_t m;
    uint32_t last;
    void *wide;                 // owned copy of a widened needle, or NULL
    uint32_t small[16];         // inline room for a widened short needle
    uint8_t skip[256];
} rp_str_searcher_t;
// 0; -1 when the needle cannot occur (kind wider than the haystack's or
// empty); -2 with MemoryError set.
int rp_str_searcher_init(rp_str_searcher_t *sr, int hkind, int nkind, const void *needle,
                         rp_ssize_t m);
// First index of the needle in hay[0..n) (kind hkind), or -1.
rp_ssize_t rp_str_searcher_next(const rp_str_searcher_t *sr, const void *hay, rp_ssize_t n);
void rp_str_searcher_free(rp_str_searcher_t *sr);
// The same on str objects with slice bounds already adjusted: index or -1
// (find/rfind), or a count.
rp_ssize_t rp_str_search_obj(rp_obj_t *s, rp_obj_t *sub, rp_ssize_t start,
                             rp_ssize_t end, int mode);

// Case mapping (str_case.c), used by str methods and the formatter.
rp_obj_t *rp_str_upper(rp_obj_t *s);
rp_obj_t *rp_str_lower(rp_obj_t *s);

// Builtin method implementations defined outside str_methods.c, which
// holds the method table.
#define RP_STR_METHOD(fn) \
    rp_obj_t *fn(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
// str_case.c
RP_STR_METHOD(rp_str_m_lower);
RP_STR_METHOD(rp_str_m_upper);
RP_STR_METHOD(rp_str_m_casefold);
RP_STR_METHOD(rp_str_m_swapcase);
RP_STR_METHOD(rp_str_m_title);
RP_STR_METHOD(rp_str_m_capitalize);
RP_STR_METHOD(rp_str_m_isalnum);
RP_STR_METHOD(rp_str_m_isalpha);
RP_STR_METHOD(rp_str_m_isascii);
RP_STR_METHOD(rp_str_m_isdecimal);
RP_STR_METHOD(rp_str_m_isdigit);
RP_STR_METHOD(rp_str_m_isidentifier);
RP_STR_METHOD(rp_str_m_islower);
RP_STR_METHOD(rp_str_m_isnumeric);
RP_STR_METHOD(rp_str_m_isprintable);
RP_STR_METHOD(rp_str_m_isspace);
RP_STR_METHOD(rp_str_m_istitle);
RP_STR_METHOD(rp_str_m_isupper);
// format_template.c (str.format, str.format_map) and format.c (__format__)
RP_STR_METHOD(rp_str_m_format);
RP_STR_METHOD(rp_str_m_format_map);
RP_STR_METHOD(rp_str_m___format__);
// Backslash escapes for non-ASCII characters (ascii(), %a, !a).
rp_obj_t *rp_str_escape_non_ascii(rp_obj_t *s);

#endif
