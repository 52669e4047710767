// The built-in codecs: UTF-8, ASCII and latin-1 decoding and encoding
// with CPython's error handlers and error messages, the UTF-8 form of
// strings, and str construction from UTF-8.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/str_impl.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "memory/alloc.h"

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN };
enum {
    ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLCHARREF,
    ERR_SURROGATEESCAPE, ERR_SURROGATEPASS, ERR_UNKNOWN
};

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

// Encoding names as CPython's codec registry resolves them (lower case,
// '-' and ' ' read as '_', then the aliases of encodings/aliases.py).
static int lookup_codec(const char *name)
{
    if (name == NULL)
        return CODEC_UTF8;
    char norm[64];
    size_t n = 0;
    for (const char *p = name; *p; p++) {
        if (n + 1 >= sizeof norm)
            return CODEC_UNKNOWN;
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == '-' || c == ' ')
            c = '_';
        norm[n++] = c;
    }
    norm[n] = '\0';
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001",
                                       "utf8_ucs2", "utf8_ucs4", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "ansi_x3.4_1968",
                                        "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
                                        "csascii", "ibm367", "iso646_us",
                                        "iso_646.irv_1991", "iso_ir_6", "us", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1",
                                         "iso_8859_1", "iso8859_1", "8859", "cp819",
                                         "iso_ir_100", "csisolatin1", "ibm819",
                                         "iso_8859_1_1987", NULL};
    for (int i = 0; utf8[i]; i++)
        if (strcmp(norm, utf8[i]) == 0)
            return CODEC_UTF8;
    for (int i = 0; ascii[i]; i++)
        if (strcmp(norm, ascii[i]) == 0)
            return CODEC_ASCII;
    for (int i = 0; latin1[i]; i++)
        if (strcmp(norm, latin1[i]) == 0)
            return CODEC_LATIN1;
    return CODEC_UNKNOWN;
}

static int lookup_errors(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0)
        return ERR_STRICT;
    if (strcmp(errors, "ignore") == 0)
        return ERR_IGNORE;
    if (strcmp(errors, "replace") == 0)
        return ERR_REPLACE;
    if (strcmp(errors, "backslashreplace") == 0)
        return ERR_BACKSLASH;
    if (strcmp(errors, "xmlcharrefreplace") == 0)
        return ERR_XMLCHARREF;
    if (strcmp(errors, "surrogateescape") == 0)
        return ERR_SURROGATEESCAPE;
    if (strcmp(errors, "surrogatepass") == 0)
        return ERR_SURROGATEPASS;
    return ERR_UNKNOWN;
}

static rp_obj_t *unknown_handler(const char *errors)
{
    return rp_err_format(&rp_exc_LookupError, "unknown error handler name '%s'", errors);
}

// ---------------------------------------------------------------------
// UTF-8 decoding

enum { U8_ERR_START = -1, U8_ERR_CONT1 = -2, U8_ERR_CONT2 = -3,
       U8_ERR_CONT3 = -4, U8_ERR_END = -5 };

#define IS_CONT(c) (((c) & 0xC0) == 0x80)

// Decodes one character at s (s < end).  Returns its byte length, or a
// U8_ERR_* code classifying the error exactly as CPython's decoder does.
static int utf8_decode_one(const uint8_t *s, const uint8_t *end, uint32_t *out)
{
    uint32_t ch = s[0], c2, c3, c4;
    if (ch < 0x80) {
        *out = ch;
        return 1;
    }
    if (ch < 0xE0) {
        if (ch < 0xC2)
            return U8_ERR_START;
        if (end - s < 2)
            return U8_ERR_END;
        c2 = s[1];
        if (!IS_CONT(c2))
            return U8_ERR_CONT1;
        *out = ((ch & 0x1F) << 6) | (c2 & 0x3F);
        return 2;
    }
    if (ch < 0xF0) {
        if (end - s < 3) {
            if (end - s < 2)
                return U8_ERR_END;
            c2 = s[1];
            if (!IS_CONT(c2) || (c2 < 0xA0 ? ch == 0xE0 : ch == 0xED))
                return U8_ERR_CONT1;
            return U8_ERR_END;
        }
        c2 = s[1];
        c3 = s[2];
        if (!IS_CONT(c2))
            return U8_ERR_CONT1;
        if (ch == 0xE0 ? c2 < 0xA0 : (ch == 0xED && c2 >= 0xA0))
            return U8_ERR_CONT1;
        if (!IS_CONT(c3))
            return U8_ERR_CONT2;
        *out = ((ch & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F);
        return 3;
    }
    if (ch < 0xF5) {
        if (end - s < 4) {
            if (end - s < 2)
                return U8_ERR_END;
            c2 = s[1];
            if (!IS_CONT(c2) || (c2 < 0x90 ? ch == 0xF0 : ch == 0xF4))
                return U8_ERR_CONT1;
            if (end - s < 3)
                return U8_ERR_END;
            if (!IS_CONT(s[2]))
                return U8_ERR_CONT2;
            return U8_ERR_END;
        }
        c2 = s[1];
        c3 = s[2];
        c4 = s[3];
        if (!IS_CONT(c2))
            return U8_ERR_CONT1;
        if (ch == 0xF0 ? c2 < 0x90 : (ch == 0xF4 && c2 >= 0x90))
            return U8_ERR_CONT1;
        if (!IS_CONT(c3))
            return U8_ERR_CONT2;
        if (!IS_CONT(c4))
            return U8_ERR_CONT3;
        *out = ((ch & 0x07) << 18) | ((c2 & 0x3F) << 12) | ((c3 & 0x3F) << 6) | (c4 & 0x3F);
        return 4;
    }
    return U8_ERR_START;
}

// Sets UnicodeDecodeError for bytes [start, end) of s.
static void decode_error(const char *codec, const uint8_t *s, rp_ssize_t start,
                         rp_ssize_t end, const char *reason)
{
    if (end == start + 1)
        rp_err_format(&rp_exc_UnicodeDecodeError,
                      "'%s' codec can't decode byte 0x%02x in position %zd: %s",
                      codec, (unsigned)s[start], start, reason);
    else
        rp_err_format(&rp_exc_UnicodeDecodeError,
                      "'%s' codec can't decode bytes in position %zd-%zd: %s",
                      codec, start, end - 1, reason);
}

static void utf8_error_range(int err, rp_ssize_t i, rp_ssize_t n, rp_ssize_t *end,
                             const char **reason)
{
    switch (err) {
    case U8_ERR_START: *end = i + 1; *reason = "invalid start byte"; break;
    case U8_ERR_CONT1: *end = i + 1; *reason = "invalid continuation byte"; break;
    case U8_ERR_CONT2: *end = i + 2; *reason = "invalid continuation byte"; break;
    case U8_ERR_CONT3: *end = i + 3; *reason = "invalid continuation byte"; break;
    default: *end = n; *reason = "unexpected end of data"; break;
    }
}

// A growable buffer of code points for decoders with error handlers.
typedef struct {
    uint32_t *p;
    rp_ssize_t len, cap;
} ucs4buf_t;

static int ucs4_push(ucs4buf_t *b, uint32_t c)
{
    if (b->len == b->cap) {
        rp_ssize_t ncap = b->cap ? b->cap * 2 : 64;
        uint32_t *np = rp_mem_realloc(b->p, (size_t)ncap * sizeof(uint32_t));
        if (np == NULL) {
            rp_err_nomemory();
            return -1;
        }
        b->p = np;
        b->cap = ncap;
    }
    b->p[b->len++] = c;
    return 0;
}

static int ucs4_push_ascii(ucs4buf_t *b, const char *s)
{
    for (; *s; s++)
        if (ucs4_push(b, (uint8_t)*s) < 0)
            return -1;
    return 0;
}

// Applies a decode error handler to the bytes [start, end).  0 / -1.
static int decode_handle(ucs4buf_t *b, int mode, const char *errors, const uint8_t *s,
                         rp_ssize_t start, rp_ssize_t end)
{
    switch (mode) {
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
        return ucs4_push(b, 0xFFFD);
    case ERR_BACKSLASH:
        for (rp_ssize_t i = start; i < end; i++) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)s[i]);
            if (ucs4_push_ascii(b, tmp) < 0)
                return -1;
        }
        return 0;
    case ERR_SURROGATEESCAPE:
        for (rp_ssize_t i = start; i < end; i++) {
            if (s[i] < 128)
                return 1;
            if (ucs4_push(b, 0xDC00 + s[i]) < 0)
                return -1;
        }
        return 0;
    case ERR_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        return 1;   // not applicable: raise the original error
    }
}

// UTF-8 with an error handler other than strict: via a code point buffer.
static rp_obj_t *decode_utf8_slow(const uint8_t *s, rp_ssize_t n, int mode,
                                  const char *errors)
{
    ucs4buf_t b = {NULL, 0, 0};
    const uint8_t *end = s + n;
    rp_ssize_t i = 0;
    while (i < n) {
        uint32_t c;
        int r = utf8_decode_one(s + i, end, &c);
        if (r > 0) {
            if (ucs4_push(&b, c) < 0)
                goto fail;
            i += r;
            continue;
        }
        rp_ssize_t stop;
        const char *reason;
        utf8_error_range(r, i, n, &stop, &reason);
        if (mode == ERR_SURROGATEPASS && n - i >= 3 && s[i] == 0xED &&
            (s[i + 1] & 0xE0) == 0xA0 && IS_CONT(s[i + 2])) {
            c = 0xD000 | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if (ucs4_push(&b, c) < 0)
                goto fail;
            i += 3;
            continue;
        }
        int h = decode_handle(&b, mode, errors, s, i, stop);
        if (h < 0)
            goto fail;
        if (h > 0) {
            decode_error("utf-8", s, i, stop, reason);
            goto fail;
        }
        i = stop;
    }
    rp_obj_t *r = rp_str_from_kind(4, b.p, b.len);
    rp_mem_free(b.p);
    return r;
fail:
    rp_mem_free(b.p);
    return NULL;
}

static rp_obj_t *utf8_build(const uint8_t *s, rp_ssize_t n, rp_ssize_t count,
                            uint32_t maxchar);

static rp_obj_t *decode_utf8(const char *str, rp_ssize_t n, int mode, const char *errors)
{
    const uint8_t *s = (const uint8_t *)str, *end = s + n;
    rp_ssize_t i = 0;
    // ASCII prefix, eight bytes at a time.
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
        i++;
    if (i == n) {
        if (n == 0)
            return rp_str_empty();
        if (n == 1)
            return rp_str_from_char(s[0]);
        rp_obj_t *r = rp_str_new(n, 127);
        if (r)
            memcpy(rp_str_data(r), s, (size_t)n);
        return r;
    }
    // Validate, count and find the largest code point.
    rp_ssize_t count = i;
    uint32_t maxchar = 127;
    while (i < n) {
        uint32_t c;
        int r = utf8_decode_one(s + i, end, &c);
        if (r < 0) {
            if (mode != ERR_STRICT)
                return decode_utf8_slow(s, n, mode, errors);
            rp_ssize_t stop;
            const char *reason;
            utf8_error_range(r, i, n, &stop, &reason);
            decode_error("utf-8", s, i, stop, reason);
            return NULL;
        }
        if (c > maxchar)
            maxchar = c;
        i += r;
        count++;
    }
    return utf8_build(s, n, count, maxchar);
}

// Builds the str for n bytes of valid UTF-8 holding count code points
// (surrogates encoded as three bytes allowed).
static rp_obj_t *utf8_build(const uint8_t *s, rp_ssize_t n, rp_ssize_t count,
                            uint32_t maxchar)
{
    if (count <= 1) {
        if (count == 0)
            return rp_str_empty();
        uint32_t c = s[0];
        if (c >= 0xF0)
            c = ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        else if (c >= 0xE0)
            c = ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        else if (c >= 0x80)
            c = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return rp_str_from_char(c);
    }
    rp_obj_t *r = rp_str_new(count, maxchar);
    if (r == NULL)
        return NULL;
    if (maxchar < 128) {
        memcpy(rp_str_data(r), s, (size_t)n);
        return r;
    }
    int kind = rp_str_kind(r);
    void *d = rp_str_data(r);
    rp_ssize_t i = 0, o = 0;
    while (i < n) {
        uint32_t c = s[i];
        if (c < 0x80) {
            i += 1;
        } else if (c < 0xE0) {
            c = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            c = ((c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            i += 3;
        } else {
            c = ((c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            i += 4;
        }
        rp_str_write(kind, d, o++, c);
    }
    return r;
}

rp_obj_t *rp_str_from_utf8_trusted(const char *str, rp_ssize_t n, uint32_t maxchar)
{
    const uint8_t *s = (const uint8_t *)str;
    rp_ssize_t count = n;
    if (maxchar >= 128) {
        count = 0;
        for (rp_ssize_t i = 0; i < n; i++)
            count += !IS_CONT(s[i]);
    }
    return utf8_build(s, n, count, maxchar);
}

rp_obj_t *rp_str_from_utf8(const char *s, rp_ssize_t len)
{
    return decode_utf8(s, len, ERR_STRICT, NULL);
}

// ---------------------------------------------------------------------
// ASCII and latin-1 decoding

static rp_obj_t *decode_ascii(const char *str, rp_ssize_t n, int mode, const char *errors)
{
    const uint8_t *s = (const uint8_t *)str;
    rp_ssize_t i = 0;
    while (i < n && s[i] < 0x80)
        i++;
    if (i == n)
        return rp_str_from_kind(1, s, n);
    if (mode == ERR_STRICT) {
        decode_error("ascii", s, i, i + 1, "ordinal not in range(128)");
        return NULL;
    }
    ucs4buf_t b = {NULL, 0, 0};
    for (i = 0; i < n; i++) {
        if (s[i] < 0x80) {
            if (ucs4_push(&b, s[i]) < 0)
                goto fail;
            continue;
        }
        int h = decode_handle(&b, mode, errors, s, i, i + 1);
        if (h < 0)
            goto fail;
        if (h > 0) {
            decode_error("ascii", s, i, i + 1, "ordinal not in range(128)");
            goto fail;
        }
    }
    rp_obj_t *r = rp_str_from_kind(4, b.p, b.len);
    rp_mem_free(b.p);
    return r;
fail:
    rp_mem_free(b.p);
    return NULL;
}

rp_obj_t *rp_str_decode(const char *s, rp_ssize_t n, const char *encoding,
                        const char *errors)
{
    int codec = lookup_codec(encoding);
    if (codec == CODEC_UNKNOWN)
        return rp_err_format(&rp_exc_LookupError, "unknown encoding: %s", encoding);
    int mode = lookup_errors(errors);
    switch (codec) {
    case CODEC_UTF8:
        return decode_utf8(s, n, mode, errors);
    case CODEC_ASCII:
        return decode_ascii(s, n, mode, errors);
    default:
        return rp_str_from_kind(1, s, n);
    }
}

// ---------------------------------------------------------------------
// Encoding

size_t rp_str_encode_utf8_raw(int kind, const void *data, rp_ssize_t n, char *out)
{
    uint8_t *o = (uint8_t *)out;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(kind, data, i);
        if (c < 0x80) {
            *o++ = (uint8_t)c;
        } else if (c < 0x800) {
            *o++ = (uint8_t)(0xC0 | (c >> 6));
            *o++ = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (uint8_t)(0xE0 | (c >> 12));
            *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            *o++ = (uint8_t)(0xF0 | (c >> 18));
            *o++ = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
            *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    return (size_t)(o - (uint8_t *)out);
}

static void encode_error(const char *codec, rp_obj_t *str, rp_ssize_t start,
                         rp_ssize_t end, const char *reason)
{
    if (end == start + 1) {
        uint32_t c = rp_str_char(str, start);
        char esc[16];
        if (c <= 0xff)
            snprintf(esc, sizeof esc, "\\x%02x", c);
        else if (c <= 0xffff)
            snprintf(esc, sizeof esc, "\\u%04x", c);
        else
            snprintf(esc, sizeof esc, "\\U%08x", c);
        rp_err_format(&rp_exc_UnicodeEncodeError,
                      "'%s' codec can't encode character '%s' in position %zd: %s",
                      codec, esc, start, reason);
    } else {
        rp_err_format(&rp_exc_UnicodeEncodeError,
                      "'%s' codec can't encode characters in position %zd-%zd: %s",
                      codec, start, end - 1, reason);
    }
}

// A growable byte buffer for encoders.
typedef struct {
    char *p;
    size_t len, cap;
} bytebuf_t;

static int bb_reserve(bytebuf_t *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < b->len + extra)
        ncap *= 2;
    char *np = rp_mem_realloc(b->p, ncap);
    if (np == NULL) {
        rp_err_nomemory();
        return -1;
    }
    b->p = np;
    b->cap = ncap;
    return 0;
}

static int bb_put(bytebuf_t *b, const char *s, size_t n)
{
    if (bb_reserve(b, n) < 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

// Applies an encode error handler to the characters [start, end) of str;
// limit is the first code point the codec cannot encode.  0 handled,
// 1 not applicable (raise the codec's error), -1 failed.
static int encode_handle(bytebuf_t *b, int mode, const char *errors, rp_obj_t *str,
                         rp_ssize_t start, rp_ssize_t end, uint32_t limit, bool utf8)
{
    char tmp[16];
    for (rp_ssize_t i = start; i < end; i++) {
        uint32_t c = rp_str_char(str, i);
        switch (mode) {
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            if (bb_put(b, "?", 1) < 0)
                return -1;
            break;
        case ERR_BACKSLASH:
            if (c <= 0xff)
                snprintf(tmp, sizeof tmp, "\\x%02x", c);
            else if (c <= 0xffff)
                snprintf(tmp, sizeof tmp, "\\u%04x", c);
            else
                snprintf(tmp, sizeof tmp, "\\U%08x", c);
            if (bb_put(b, tmp, strlen(tmp)) < 0)
                return -1;
            break;
        case ERR_XMLCHARREF:
            snprintf(tmp, sizeof tmp, "&#%u;", c);
            if (bb_put(b, tmp, strlen(tmp)) < 0)
                return -1;
            break;
        case ERR_SURROGATEESCAPE:
            if (c < 0xDC80 || c > 0xDCFF)
                return 1;
            tmp[0] = (char)(c - 0xDC00);
            if ((uint8_t)tmp[0] < limit && !utf8)
                return 1;
            if (bb_put(b, tmp, 1) < 0)
                return -1;
            break;
        case ERR_SURROGATEPASS:
            if (!utf8 || c < 0xD800 || c > 0xDFFF)
                return 1;
            tmp[0] = (char)(0xE0 | (c >> 12));
            tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            tmp[2] = (char)(0x80 | (c & 0x3F));
            if (bb_put(b, tmp, 3) < 0)
                return -1;
            break;
        case ERR_UNKNOWN:
            unknown_handler(errors);
            return -1;
        default:
            return 1;
        }
    }
    return 0;
}

static rp_obj_t *finish_bytes(bytebuf_t *b)
{
    rp_obj_t *r = rp_bytes_from(b->p ? b->p : "", (rp_ssize_t)b->len);
    rp_mem_free(b->p);
    return r;
}

static rp_obj_t *encode_utf8(rp_obj_t *str, int mode, const char *errors)
{
    rp_ssize_t n = rp_str_len(str);
    int kind = rp_str_kind(str);
    const void *d = rp_str_data(str);
    if (rp_str_is_ascii(str))
        return rp_bytes_from(d, n);
    bool has_surrogates = false;
    if (kind > 1) {
        for (rp_ssize_t i = 0; i < n && !has_surrogates; i++) {
            uint32_t c = rp_str_read(kind, d, i);
            has_surrogates = c >= 0xD800 && c <= 0xDFFF;
        }
    }
    if (!has_surrogates) {
        rp_ssize_t len;
        const char *u = rp_str_utf8(str, &len);
        if (u == NULL)
            return NULL;
        return rp_bytes_from(u, len);
    }
    bytebuf_t b = {NULL, 0, 0};
    if (bb_reserve(&b, (size_t)n * 4) < 0)
        return NULL;
    rp_ssize_t i = 0;
    while (i < n) {
        uint32_t c = rp_str_read(kind, d, i);
        if (c < 0xD800 || c > 0xDFFF) {
            b.len += rp_str_encode_utf8_raw(4, &c, 1, b.p + b.len);
            i++;
            continue;
        }
        rp_ssize_t end = i + 1;
        while (end < n) {
            uint32_t c2 = rp_str_read(kind, d, end);
            if (c2 < 0xD800 || c2 > 0xDFFF)
                break;
            end++;
        }
        int h = encode_handle(&b, mode, errors, str, i, end, 0x110000, true);
        if (h != 0) {
            if (h > 0)
                encode_error("utf-8", str, i, end, "surrogates not allowed");
            rp_mem_free(b.p);
            return NULL;
        }
        if (bb_reserve(&b, (size_t)(n - end) * 4 + 16) < 0) {
            rp_mem_free(b.p);
            return NULL;
        }
        i = end;
    }
    return finish_bytes(&b);
}

static rp_obj_t *encode_limited(rp_obj_t *str, int mode, const char *errors, uint32_t limit,
                                const char *codec)
{
    rp_ssize_t n = rp_str_len(str);
    int kind = rp_str_kind(str);
    const void *d = rp_str_data(str);
    if (rp_str_is_ascii(str) || (kind == 1 && limit == 256))
        return rp_bytes_from(d, n);
    bytebuf_t b = {NULL, 0, 0};
    if (bb_reserve(&b, (size_t)n + 1) < 0)
        return NULL;
    rp_ssize_t i = 0;
    while (i < n) {
        uint32_t c = rp_str_read(kind, d, i);
        if (c < limit) {
            if (bb_reserve(&b, 1) < 0) {
                rp_mem_free(b.p);
                return NULL;
            }
            b.p[b.len++] = (char)c;
            i++;
            continue;
        }
        rp_ssize_t end = i + 1;
        while (end < n && rp_str_read(kind, d, end) >= limit)
            end++;
        int h = encode_handle(&b, mode, errors, str, i, end, limit, false);
        if (h != 0) {
            if (h > 0)
                encode_error(codec, str, i, end,
                             limit == 128 ? "ordinal not in range(128)"
                                          : "ordinal not in range(256)");
            rp_mem_free(b.p);
            return NULL;
        }
        i = end;
    }
    return finish_bytes(&b);
}

rp_obj_t *rp_str_encode(rp_obj_t *s, const char *encoding, const char *errors)
{
    int codec = lookup_codec(encoding);
    if (codec == CODEC_UNKNOWN)
        return rp_err_format(&rp_exc_LookupError, "unknown encoding: %s", encoding);
    int mode = lookup_errors(errors);
    switch (codec) {
    case CODEC_UTF8:
        return encode_utf8(s, mode, errors);
    case CODEC_ASCII:
        return encode_limited(s, mode, errors, 128, codec_names[CODEC_ASCII]);
    default:
        return encode_limited(s, mode, errors, 256, codec_names[CODEC_LATIN1]);
    }
}
