// str case mapping (lower, upper, casefold, swapcase, title, capitalize,
// with the full mappings and the final-sigma rule) and the character
// class predicates (isalpha, isdigit, istitle...).
#include "objects/str_impl.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/strargs.h"
#include "objects/unicode_db.h"
#include "memory/alloc.h"

enum { MAP_UPPER = 0, MAP_LOWER = 1, MAP_TITLE = 2, MAP_FOLD = 3 };

static inline bool is_cased(uint32_t c) { return rp_uc_has(c, RP_UC_CASED); }
static inline bool is_case_ignorable(uint32_t c) { return rp_uc_has(c, RP_UC_CASE_IGNORABLE); }
static inline bool is_upper(uint32_t c)
{
    return c < 128 ? (c >= 'A' && c <= 'Z') : rp_uc_has(c, RP_UC_UPPER);
}
static inline bool is_lower(uint32_t c)
{
    return c < 128 ? (c >= 'a' && c <= 'z') : rp_uc_has(c, RP_UC_LOWER);
}
static inline bool is_title(uint32_t c) { return c >= 128 && rp_uc_has(c, RP_UC_TITLE); }

// U+03A3 lowers to the final form when preceded by a cased letter and not
// followed by one (case-ignorable characters skipped both ways).
static uint32_t capital_sigma(int kind, const void *data, rp_ssize_t n, rp_ssize_t i)
{
    rp_ssize_t j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = rp_str_read(kind, data, j);
        if (!is_case_ignorable(c))
            break;
    }
    bool final = j >= 0 && is_cased(c);
    if (final && i + 1 < n) {
        for (j = i + 1; j < n; j++) {
            c = rp_str_read(kind, data, j);
            if (!is_case_ignorable(c))
                break;
        }
        final = j == n || !is_cased(c);
    }
    return final ? 0x3C2 : 0x3C3;
}

static int map_char(uint32_t c, int which, uint32_t out[3])
{
    if (c < 128) {
        if (which == MAP_LOWER || which == MAP_FOLD)
            out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        else
            out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        return 1;
    }
    return rp_uc_map_full(c, which, out);
}

static int lower_at(int kind, const void *data, rp_ssize_t n, rp_ssize_t i, uint32_t c,
                    uint32_t out[3])
{
    if (c == 0x3A3) {
        out[0] = capital_sigma(kind, data, n, i);
        return 1;
    }
    return map_char(c, MAP_LOWER, out);
}

enum { OP_LOWER, OP_UPPER, OP_FOLD, OP_SWAP, OP_TITLE, OP_CAPITALIZE };

// ASCII-only strings map one to one and stay ASCII.
static rp_obj_t *ascii_case(rp_obj_t *s, int op)
{
    rp_ssize_t n = rp_str_len(s);
    rp_obj_t *r = rp_str_new(n, 127);
    if (r == NULL || n == 0)
        return r;
    const uint8_t *src = rp_str_data(s);
    uint8_t *dst = rp_str_data(r);
    if (op == OP_UPPER) {
        for (rp_ssize_t i = 0; i < n; i++) {
            uint8_t c = src[i];
            dst[i] = (uint8_t)(c ^ (((uint8_t)(c - 'a') < 26) << 5));
        }
        return r;
    }
    if (op == OP_LOWER || op == OP_FOLD) {
        for (rp_ssize_t i = 0; i < n; i++) {
            uint8_t c = src[i];
            dst[i] = (uint8_t)(c ^ (((uint8_t)(c - 'A') < 26) << 5));
        }
        return r;
    }
    bool prev_cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint8_t c = src[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper;
        switch (op) {
        case OP_LOWER: case OP_FOLD: to_upper = false; break;
        case OP_UPPER: to_upper = true; break;
        case OP_SWAP: to_upper = low; break;
        case OP_TITLE: to_upper = !prev_cased; break;
        default: to_upper = i == 0; break;
        }
        if (to_upper && low)
            c = (uint8_t)(c - 32);
        else if (!to_upper && up)
            c = (uint8_t)(c + 32);
        dst[i] = c;
        prev_cased = up || low;
    }
    return r;
}

static rp_obj_t *do_case(rp_obj_t *s, int op)
{
    if (rp_str_is_ascii(s))
        return ascii_case(s, op);
    rp_ssize_t n = rp_str_len(s);
    int kind = rp_str_kind(s);
    const void *data = rp_str_data(s);
    if (n > PTRDIFF_MAX / 12)
        return rp_err_nomemory();
    uint32_t *buf = rp_mem_alloc((size_t)n * 3 * sizeof(uint32_t) + 4);
    if (buf == NULL)
        return rp_err_nomemory();
    rp_ssize_t k = 0;
    bool prev_cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, data, i), mapped[3];
        int m;
        switch (op) {
        case OP_LOWER:
            m = lower_at(kind, data, n, i, c, mapped);
            break;
        case OP_UPPER:
            m = map_char(c, MAP_UPPER, mapped);
            break;
        case OP_FOLD:
            m = map_char(c, MAP_FOLD, mapped);
            break;
        case OP_SWAP:
            if (is_upper(c))
                m = lower_at(kind, data, n, i, c, mapped);
            else if (is_lower(c))
                m = map_char(c, MAP_UPPER, mapped);
            else {
                mapped[0] = c;
                m = 1;
            }
            break;
        case OP_TITLE:
            if (prev_cased)
                m = lower_at(kind, data, n, i, c, mapped);
            else
                m = map_char(c, MAP_TITLE, mapped);
            prev_cased = c < 128 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : is_cased(c);
            break;
        default:
            if (i == 0)
                m = map_char(c, MAP_TITLE, mapped);
            else
                m = lower_at(kind, data, n, i, c, mapped);
            break;
        }
        for (int j = 0; j < m; j++)
            buf[k++] = mapped[j];
    }
    rp_obj_t *r;
    if (k == 1) {
        // Case methods build new strings even of one character.
        r = rp_str_new(1, buf[0]);
        if (r)
            rp_str_write(rp_str_kind(r), rp_str_data(r), 0, buf[0]);
    } else {
        r = rp_str_from_kind(4, buf, k);
    }
    rp_mem_free(buf);
    return r;
}

rp_obj_t *rp_str_upper(rp_obj_t *s) { return do_case(s, OP_UPPER); }
rp_obj_t *rp_str_lower(rp_obj_t *s) { return do_case(s, OP_LOWER); }

#define NOARGS(qual)                                                            \
    if (rp_strargs_check(qual, nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)   \
        return NULL

RP_STR_METHOD(rp_str_m_lower)
{
    NOARGS("str.lower");
    return do_case(self, OP_LOWER);
}

RP_STR_METHOD(rp_str_m_upper)
{
    NOARGS("str.upper");
    return do_case(self, OP_UPPER);
}

RP_STR_METHOD(rp_str_m_casefold)
{
    NOARGS("str.casefold");
    return do_case(self, OP_FOLD);
}

RP_STR_METHOD(rp_str_m_swapcase)
{
    NOARGS("str.swapcase");
    return do_case(self, OP_SWAP);
}

RP_STR_METHOD(rp_str_m_title)
{
    NOARGS("str.title");
    return do_case(self, OP_TITLE);
}

RP_STR_METHOD(rp_str_m_capitalize)
{
    NOARGS("str.capitalize");
    if (rp_str_len(self) == 0)
        return rp_str_empty();
    return do_case(self, OP_CAPITALIZE);
}

// ---------------------------------------------------------------------
// Predicates

// True when every character has one of the flags (and s is non-empty).
static rp_obj_t *all_chars(rp_obj_t *s, unsigned flags, bool empty_result)
{
    rp_ssize_t n = rp_str_len(s);
    if (n == 0)
        return rp_bool_from(empty_result);
    int kind = rp_str_kind(s);
    const void *d = rp_str_data(s);
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if (!(rp_uc_record(c)->flags & flags))
            return rp_bool_from(false);
    }
    return rp_bool_from(true);
}

RP_STR_METHOD(rp_str_m_isalnum)
{
    NOARGS("str.isalnum");
    return all_chars(self, RP_UC_ALPHA | RP_UC_DECIMAL | RP_UC_DIGIT | RP_UC_NUMERIC, false);
}

RP_STR_METHOD(rp_str_m_isalpha)
{
    NOARGS("str.isalpha");
    return all_chars(self, RP_UC_ALPHA, false);
}

RP_STR_METHOD(rp_str_m_isdecimal)
{
    NOARGS("str.isdecimal");
    return all_chars(self, RP_UC_DECIMAL, false);
}

RP_STR_METHOD(rp_str_m_isdigit)
{
    NOARGS("str.isdigit");
    return all_chars(self, RP_UC_DIGIT, false);
}

RP_STR_METHOD(rp_str_m_isnumeric)
{
    NOARGS("str.isnumeric");
    return all_chars(self, RP_UC_NUMERIC, false);
}

RP_STR_METHOD(rp_str_m_isspace)
{
    NOARGS("str.isspace");
    rp_ssize_t n = rp_str_len(self);
    if (n == 0)
        return rp_bool_from(false);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    for (rp_ssize_t i = 0; i < n; i++)
        if (!rp_uc_isspace(rp_str_read(kind, d, i)))
            return rp_bool_from(false);
    return rp_bool_from(true);
}

RP_STR_METHOD(rp_str_m_isprintable)
{
    NOARGS("str.isprintable");
    rp_ssize_t n = rp_str_len(self);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    for (rp_ssize_t i = 0; i < n; i++)
        if (!rp_uc_isprintable(rp_str_read(kind, d, i)))
            return rp_bool_from(false);
    return rp_bool_from(true);
}

RP_STR_METHOD(rp_str_m_isascii)
{
    NOARGS("str.isascii");
    return rp_bool_from(rp_str_is_ascii(self));
}

RP_STR_METHOD(rp_str_m_islower)
{
    NOARGS("str.islower");
    rp_ssize_t n = rp_str_len(self);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    if (n == 1)
        return rp_bool_from(is_lower(rp_str_read(kind, d, 0)));
    bool cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if (is_upper(c) || is_title(c))
            return rp_bool_from(false);
        if (!cased && is_lower(c))
            cased = true;
    }
    return rp_bool_from(cased);
}

RP_STR_METHOD(rp_str_m_isupper)
{
    NOARGS("str.isupper");
    rp_ssize_t n = rp_str_len(self);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    if (n == 1)
        return rp_bool_from(is_upper(rp_str_read(kind, d, 0)));
    bool cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if (is_lower(c) || is_title(c))
            return rp_bool_from(false);
        if (!cased && is_upper(c))
            cased = true;
    }
    return rp_bool_from(cased);
}

RP_STR_METHOD(rp_str_m_istitle)
{
    NOARGS("str.istitle");
    rp_ssize_t n = rp_str_len(self);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    if (n == 1) {
        uint32_t c = rp_str_read(kind, d, 0);
        return rp_bool_from(is_title(c) || is_upper(c));
    }
    bool cased = false, prev_cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, d, i);
        if (is_upper(c) || is_title(c)) {
            if (prev_cased)
                return rp_bool_from(false);
            prev_cased = cased = true;
        } else if (is_lower(c)) {
            if (!prev_cased)
                return rp_bool_from(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return rp_bool_from(cased);
}

RP_STR_METHOD(rp_str_m_isidentifier)
{
    NOARGS("str.isidentifier");
    rp_ssize_t n = rp_str_len(self);
    if (n == 0)
        return rp_bool_from(false);
    int kind = rp_str_kind(self);
    const void *d = rp_str_data(self);
    uint32_t c = rp_str_read(kind, d, 0);
    if (c != '_' && !rp_uc_has(c, RP_UC_XID_START))
        return rp_bool_from(false);
    for (rp_ssize_t i = 1; i < n; i++)
        if (!rp_uc_has(rp_str_read(kind, d, i), RP_UC_XID_CONTINUE))
            return rp_bool_from(false);
    return rp_bool_from(true);
}
