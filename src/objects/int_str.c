// int <-> text: parsing int(s, base) and literals with CPython's rules
// (underscores, prefixes, whitespace, Unicode digits, the 4300-digit
// limit), decimal str/repr and the hex/oct/bin forms.
#include <stdlib.h>
#include <string.h>

#include "objects/int_internal.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "memory/alloc.h"

#define MAX_DIGITS_MSG_FROM "Exceeds the limit (%d digits) for integer string conversion: " \
    "value has %zu digits; use sys.set_int_max_str_digits() to increase the limit"
#define MAX_DIGITS_MSG_TO "Exceeds the limit (%d digits) for integer string conversion; " \
    "use sys.set_int_max_str_digits() to increase the limit"

// Zero code points of Unicode decimal digit runs (category Nd).
static const uint32_t unicode_zeros[] = {
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
    0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090,
    0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
    0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E950,
};

static bool unicode_space(uint32_t c)
{
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if ((size_t)n > len)
        n = 1;
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int i = 1; i < n; i++)
        v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return n;
}

// Rewrites non-ASCII decimal digits as ASCII and Unicode spaces as ' '
// (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).  Other non-ASCII
// characters become '?', which no parser accepts.  Returns a malloc'd
// buffer (length in *outlen) or NULL when s is pure ASCII.
char *rp_num_ascii_transform(const char *s, size_t len, size_t *outlen)
{
    size_t i;
    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            break;
    if (i == len)
        return NULL;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode((const unsigned char *)s + i, len - i, &cp);
        char r = '?';
        if (unicode_space(cp))
            r = ' ';
        else {
            for (size_t k = 0; k < sizeof unicode_zeros / sizeof unicode_zeros[0]; k++)
                if (cp >= unicode_zeros[k] && cp <= unicode_zeros[k] + 9) {
                    r = (char)('0' + (cp - unicode_zeros[k]));
                    break;
                }
        }
        out[o++] = r;
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static rp_obj_t *invalid_literal(const char *orig, size_t len, int base)
{
    // The repr shows at most the first 200 characters.
    size_t n = 0, chars = 0;
    while (n < len && chars < 200) {
        unsigned char c = (unsigned char)orig[n];
        int step = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (n + (size_t)step > len)
            step = 1;
        n += (size_t)step;
        chars++;
    }
    rp_obj_t *s = rp_str_from_utf8(orig, (rp_ssize_t)n);
    if (!s) {
        rp_err_clear();
        return rp_err_format(&rp_exc_ValueError, "invalid literal for int() with base %d", base);
    }
    rp_err_format(&rp_exc_ValueError, "invalid literal for int() with base %d: %R", base, s);
    rp_decref(s);
    return NULL;
}

// Parses digits in [p, end) for base with single underscores allowed
// between digits (and, when `lead_us`, one before the first digit, after a
// prefix).  Returns the number of digits, or -1 if malformed.  Fills buf
// with the digits (no underscores).
static long collect_digits(const char *p, const char *end, int base, bool lead_us, char *buf)
{
    long n = 0;
    bool prev_us = false;
    if (p < end && *p == '_') {
        if (!lead_us)
            return -1;
        p++;
        prev_us = true;
    }
    for (; p < end; p++) {
        if (*p == '_') {
            if (prev_us || n == 0)
                return -1;
            prev_us = true;
            continue;
        }
        if (digit_value(*p) >= base)
            return -1;
        buf[n++] = *p;
        prev_us = false;
    }
    if (prev_us || n == 0)
        return -1;
    buf[n] = '\0';
    return n;
}

static rp_obj_t *parse(const char *orig, size_t origlen, const char *s, size_t len,
                       int base, bool limit)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    int b = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        if ((c == 'x' && (b == 16 || b == 0)) || (c == 'o' && (b == 8 || b == 0)) ||
            (c == 'b' && (b == 2 || b == 0))) {
            b = c == 'x' ? 16 : c == 'o' ? 8 : 2;
            p += 2;
            prefixed = true;
        }
    }
    if (b == 0) {
        // No prefix: decimal, and no leading zeros unless the value is 0.
        b = 10;
        if (p < end && *p == '0') {
            for (const char *q = p; q < end; q++)
                if (*q != '0' && *q != '_')
                    return invalid_literal(orig, origlen, base);
        }
    }
    char small[80];
    char *buf = (size_t)(end - p) < sizeof small ? small : malloc((size_t)(end - p) + 1);
    if (!buf)
        return rp_err_nomemory();
    long n = p < end ? collect_digits(p, end, b, prefixed, buf) : -1;
    if (n < 0) {
        if (buf != small)
            free(buf);
        return invalid_literal(orig, origlen, base);
    }
    if (limit && rp_int_max_str_digits > 0 && (b & (b - 1)) != 0 &&
        n > rp_int_max_str_digits) {
        if (buf != small)
            free(buf);
        return rp_err_format(&rp_exc_ValueError, MAX_DIGITS_MSG_FROM,
                             rp_int_max_str_digits, (size_t)n);
    }
    rp_obj_t *r;
    if (n <= 18 && b == 10) {
        int64_t v = 0;
        for (long i = 0; i < n; i++)
            v = v * 10 + (buf[i] - '0');
        r = rp_int_from_i64(neg ? -v : v);
    } else {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, buf, b);
        if (neg)
            mpz_neg(z, z);
        r = rp_int_from_mpz_take(z);
    }
    if (buf != small)
        free(buf);
    return r;
}

rp_obj_t *rp_int_from_string(const char *s, size_t len, int base)
{
    size_t tlen;
    char *t = rp_num_ascii_transform(s, len, &tlen);
    if (!t)
        return parse(s, len, s, len, base, true);
    rp_obj_t *r = parse(s, len, t, tlen, base, true);
    free(t);
    return r;
}

rp_obj_t *rp_int_from_literal(const char *s, size_t len)
{
    int base = 10;
    if (len >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        if (c == 'x') base = 16;
        else if (c == 'o') base = 8;
        else if (c == 'b') base = 2;
    }
    if (base == 10 && len <= 18) {
        int64_t v = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '_')
                continue;
            v = v * 10 + (s[i] - '0');
        }
        return rp_int_from_i64(v);
    }
    return parse(s, len, s, len, base == 10 ? 10 : 0, false);
}

// ---------------------------------------------------------------------
// Formatting

static char *u64_digits(uint64_t a, char *end)
{
    *--end = '\0';
    do {
        *--end = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    return end;
}

rp_obj_t *rp_int_to_decimal(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big) {
        char buf[24];
        int64_t v = i->value;
        uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char *p = u64_digits(a, buf + sizeof buf);
        if (v < 0)
            *--p = '-';
        return rp_str_from_utf8(p, (rp_ssize_t)(buf + sizeof buf - 1 - p));
    }
    mpz_srcptr z = i->big;
    size_t est = mpz_sizeinbase(z, 10);     // exact or one too big
    int lim = rp_int_max_str_digits;
    if (lim > 0 && est > (size_t)lim + 1)
        return rp_err_format(&rp_exc_ValueError, MAX_DIGITS_MSG_TO, lim);
    char *buf = rp_mem_alloc(est + 2);
    if (!buf)
        return rp_err_nomemory();
    mpz_get_str(buf, 10, z);
    size_t len = strlen(buf);
    size_t ndigits = len - (buf[0] == '-');
    if (lim > 0 && ndigits > (size_t)lim) {
        rp_mem_free(buf);
        return rp_err_format(&rp_exc_ValueError, MAX_DIGITS_MSG_TO, lim);
    }
    rp_obj_t *r = rp_str_from_utf8(buf, (rp_ssize_t)len);
    rp_mem_free(buf);
    return r;
}

rp_obj_t *rp_int_to_base(rp_obj_t *o, int base)
{
    if (base == 10)
        return rp_int_to_decimal(o);
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : "0b";
    int_view_t v;
    int_view_init(&v, o);
    size_t n = mpz_sizeinbase(v.z, base);
    char *buf = rp_mem_alloc(n + 5);
    if (!buf)
        return rp_err_nomemory();
    char *p = buf;
    if (mpz_sgn(v.z) < 0)
        *p++ = '-';
    *p++ = prefix[0];
    *p++ = prefix[1];
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, v.z);
    mpz_get_str(p, base, a);
    mpz_clear(a);
    rp_obj_t *r = rp_str_from_utf8(buf, (rp_ssize_t)strlen(buf));
    rp_mem_free(buf);
    return r;
}
