// Unicode character properties (the tables are generated into
// unicode_db.c by unicode_db_gen.py): the flags behind str.isalpha() and
// friends, decimal/digit values, and full case mappings (one code point
// may map to up to three, as 'ß'.upper() == 'SS').
#ifndef RP_UNICODE_DB_H
#define RP_UNICODE_DB_H

#include <stdbool.h>
#include <stdint.h>

enum {
    RP_UC_ALPHA = 1 << 0,
    RP_UC_DECIMAL = 1 << 1,
    RP_UC_DIGIT = 1 << 2,
    RP_UC_NUMERIC = 1 << 3,
    RP_UC_LOWER = 1 << 4,
    RP_UC_UPPER = 1 << 5,
    RP_UC_TITLE = 1 << 6,
    RP_UC_SPACE = 1 << 7,
    RP_UC_PRINTABLE = 1 << 8,
    RP_UC_XID_START = 1 << 9,
    RP_UC_XID_CONTINUE = 1 << 10,
    RP_UC_LINEBREAK = 1 << 11,
    RP_UC_CASED = 1 << 12,
    RP_UC_CASE_IGNORABLE = 1 << 13,
    // upper/lower/title/fold are indices into the extended table (whose
    // entry is a length followed by the code points), not deltas.
    RP_UC_EXTENDED = 1 << 14,
};

typedef struct rp_uc_record {
    int32_t upper, lower, title, fold;  // deltas, or extended indices
    uint16_t flags;
    int8_t decimal, digit;              // -1 when the character has none
} rp_uc_record_t;

// The record of code point c (any value; out-of-range ones have no
// properties).  Never NULL; points into static tables.
const rp_uc_record_t *rp_uc_record(uint32_t c);
// The extended case table from index i: [n, cp1, ..., cpn].
const uint32_t *rp_uc_extended(int32_t i);

static inline bool rp_uc_has(uint32_t c, unsigned flag)
{
    return (rp_uc_record(c)->flags & flag) != 0;
}

// Whitespace as str.isspace()/str.split() see it.
static inline bool rp_uc_isspace(uint32_t c)
{
    if (c < 128)
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    return rp_uc_has(c, RP_UC_SPACE);
}
static inline bool rp_uc_islinebreak(uint32_t c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || (c >= 11 && c <= 12) ||
               (c >= 28 && c <= 30);
    return rp_uc_has(c, RP_UC_LINEBREAK);
}
static inline bool rp_uc_isprintable(uint32_t c)
{
    if (c < 128)
        return c >= 32 && c < 127;
    return rp_uc_has(c, RP_UC_PRINTABLE);
}
// Decimal digit value of c (0..9), -1 if c is not a decimal digit; this is
// what int('٣') and format widths use.
static inline int rp_uc_decimal(uint32_t c)
{
    if (c < 128)
        return (c >= '0' && c <= '9') ? (int)(c - '0') : -1;
    return rp_uc_record(c)->decimal;
}

// Full case mappings: writes up to 3 code points to out and returns how
// many.  which: 0 upper, 1 lower, 2 title, 3 casefold.
static inline int rp_uc_map_full(uint32_t c, int which, uint32_t out[3])
{
    const rp_uc_record_t *r = rp_uc_record(c);
    int32_t v = which == 0 ? r->upper : which == 1 ? r->lower
              : which == 2 ? r->title : r->fold;
    if (r->flags & RP_UC_EXTENDED) {
        const uint32_t *e = rp_uc_extended(v);
        int n = (int)e[0];
        for (int i = 0; i < n; i++)
            out[i] = e[1 + i];
        return n;
    }
    out[0] = (uint32_t)((int32_t)c + v);
    return 1;
}

#endif
