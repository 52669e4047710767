// String and bytes literals: prefixes and quotes, escape decoding with
// CPython's error messages (including the byte positions its
// unicode-escape codec reports), and the concatenation of adjacent
// literals into one Constant or JoinedStr.
#include "parse/parse_internal.h"
#include "parse/fstring.h"

#include <stdio.h>
#include <string.h>

// ---- growable byte buffers in the arena -------------------------------------------

int rp_buf_append(rp_parser_t *p, rp_buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1) {
            cap *= 2;
        }
        char *a = rp_p_alloc(p, cap);
        if (a == NULL) {
            return -1;
        }
        if (b->n) {
            memcpy(a, b->a, b->n);
        }
        b->a = a;
        b->cap = cap;
    }
    memcpy(b->a + b->n, s, n);
    b->n += n;
    b->a[b->n] = '\0';
    return 0;
}

static int buf_putc(rp_parser_t *p, rp_buf_t *b, char c)
{
    return rp_buf_append(p, b, &c, 1);
}

static int buf_put_utf8(rp_parser_t *p, rp_buf_t *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return rp_buf_append(p, b, u, (size_t)n);
}

// ---- errors ---------------------------------------------------------------------

// Errors found while decoding a literal are reported at the furthest
// token (CPython's RAISE_SYNTAX_ERROR from the strings action) and stop
// the parse even inside a speculative attempt.
static int decode_error(rp_parser_t *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int decode_error(rp_parser_t *p, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    rp_p_error_last(p, RP_PERR_SYNTAX, "%s", msg);
    p->hard_error = 1;
    return -1;
}

static int utf8_error(rp_parser_t *p, const unsigned char *s,
                      const unsigned char *bad, int errlen,
                      const char *reason)
{
    int pos = (int)(bad - s);
    if (errlen == 1) {
        return decode_error(p, "(unicode error) 'utf-8' codec can't decode "
                            "byte 0x%02x in position %d: %s", *bad, pos,
                            reason);
    }
    return decode_error(p, "(unicode error) 'utf-8' codec can't decode bytes "
                        "in position %d-%d: %s", pos, pos + errlen - 1,
                        reason);
}

static int escape_error(rp_parser_t *p, int start, int end,
                        const char *message, unsigned first_byte)
{
    if (end - start == 1) {
        return decode_error(p, "(unicode error) 'unicodeescape' codec can't "
                            "decode byte 0x%02x in position %d: %s",
                            first_byte, start, message);
    }
    return decode_error(p, "(unicode error) 'unicodeescape' codec can't "
                        "decode bytes in position %d-%d: %s", start, end - 1,
                        message);
}

static void warn_invalid_escape(rp_parser_t *p, char c, const rp_token_t *t)
{
    if (rp_parse_warn_hook != NULL) {
        char msg[64];
        snprintf(msg, sizeof(msg), "invalid escape sequence '\\%c'", c);
        rp_parse_warn_hook(RP_PWARN_DEPRECATION, p->filename, t->lineno, msg);
    }
}

// ---- decoding -------------------------------------------------------------------

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Copies valid UTF-8 s[0..n) to b, failing like PyUnicode_DecodeUTF8.
static int append_utf8(rp_parser_t *p, rp_buf_t *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *e = u + n;
    const unsigned char *q = u;
    while (q < e) {
        if (*q < 0x80) {
            q++;
            continue;
        }
        uint32_t cp;
        int errlen;
        const char *reason;
        int len = rp_utf8_decode(q, e, &cp, &errlen, &reason);
        if (len == 0) {
            return utf8_error(p, u, q, errlen, reason);
        }
        q += len;
    }
    return rp_buf_append(p, b, s, n);
}

// CPython's decode_unicode_with_escapes: each non-ASCII code point is
// first rewritten as a 10-byte \UXXXXXXXX escape (and a backslash before
// one as \u005c), and the result is decoded with unicode-escape; error
// positions refer to that rewritten text, so they are tracked here as
// `vpos`.
static int decode_str_escapes(rp_parser_t *p, rp_buf_t *b, const char *s,
                              size_t len, const rp_token_t *t)
{
    const char *end = s + len;
    int vpos = 0;          // position in CPython's rewritten buffer
    int warned = 0;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            // A run of non-ASCII bytes is decoded as a whole.
            const char *run = s;
            while (s < end && ((unsigned char)*s & 0x80)) {
                s++;
            }
            const unsigned char *u = (const unsigned char *)run;
            const unsigned char *e = (const unsigned char *)s;
            while (u < e) {
                uint32_t cp;
                int errlen;
                const char *reason;
                int n = rp_utf8_decode(u, e, &cp, &errlen, &reason);
                if (n == 0) {
                    return utf8_error(p, (const unsigned char *)run, u,
                                      errlen, reason);
                }
                if (rp_buf_append(p, b, (const char *)u, (size_t)n) < 0) {
                    return -1;
                }
                u += n;
                vpos += 10;
            }
            continue;
        }
        if (c != '\\') {
            const char *q = s;
            while (q < end && *q != '\\' && !((unsigned char)*q & 0x80)) {
                q++;
            }
            if (rp_buf_append(p, b, s, (size_t)(q - s)) < 0) {
                return -1;
            }
            vpos += (int)(q - s);
            s = q;
            continue;
        }
        // A backslash.
        int start = vpos;
        s++;
        if (s >= end || ((unsigned char)*s & 0x80)) {
            // "\u005c": a literal backslash.
            if (buf_putc(p, b, '\\') < 0) {
                return -1;
            }
            vpos += 6;
            continue;
        }
        c = (unsigned char)*s++;
        vpos += 2;
        uint32_t ch;
        int count;
        const char *message;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\014'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\013'; break;
        case 'a': ch = '\007'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                ch = (ch << 3) + (uint32_t)(*s++ - '0');
                vpos++;
                if (s < end && *s >= '0' && *s <= '7') {
                    ch = (ch << 3) + (uint32_t)(*s++ - '0');
                    vpos++;
                }
            }
            break;
        case 'x':
            count = 2;
            message = "truncated \\xXX escape";
            goto hexescape;
        case 'u':
            count = 4;
            message = "truncated \\uXXXX escape";
            goto hexescape;
        case 'U':
            count = 8;
            message = "truncated \\UXXXXXXXX escape";
        hexescape:
            for (ch = 0; count; s++, count--, vpos++) {
                int h = s < end ? hexval((unsigned char)*s) : -1;
                if (h < 0) {
                    return escape_error(p, start, vpos, message, '\\');
                }
                ch = (ch << 4) + (uint32_t)h;
            }
            if (ch > 0x10FFFF) {
                return escape_error(p, start, vpos,
                                    "illegal Unicode character", '\\');
            }
            break;
        case 'N': {
            // Only the form is checked: there is no character name table,
            // so a well-formed \N{name} is reported as unsupported.
            const char *q = s;
            int qpos = vpos;
            if (q < end && *q == '{') {
                q++;
                qpos++;
                const char *name = q;
                while (q < end && *q != '}') {
                    unsigned char b = (unsigned char)*q;
                    qpos += (b & 0xC0) == 0x80 ? 0 : b >= 0x80 ? 10 : 1;
                    q++;
                }
                if (q < end && q > name) {
                    return decode_error(p, "(unicode error) \\N escapes not "
                                        "supported (can't load unicodedata "
                                        "module)");
                }
            }
            return escape_error(p, start, qpos, "malformed \\N character "
                                "escape", '\\');
        }
        default:
            // An unknown escape is kept as it is.
            if (!warned) {
                warn_invalid_escape(p, (char)c, t);
                warned = 1;
            }
            if (buf_putc(p, b, '\\') < 0 || buf_putc(p, b, (char)c) < 0) {
                return -1;
            }
            continue;
        }
        if (buf_put_utf8(p, b, ch) < 0) {
            return -1;
        }
    }
    return 0;
}

// CPython's _PyBytes_DecodeEscape.
static int decode_bytes_escapes(rp_parser_t *p, rp_buf_t *b, const char *s,
                                size_t len, const rp_token_t *t)
{
    const char *begin = s;
    const char *end = s + len;
    int warned = 0;
    while (s < end) {
        if (*s != '\\') {
            const char *q = memchr(s, '\\', (size_t)(end - s));
            if (q == NULL) {
                q = end;
            }
            if (rp_buf_append(p, b, s, (size_t)(q - s)) < 0) {
                return -1;
            }
            s = q;
            continue;
        }
        s++;
        if (s >= end) {
            return decode_error(p, "(value error) Trailing \\ in string");
        }
        int c = (unsigned char)*s++;
        int v;
        switch (c) {
        case '\n': continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\014'; break;
        case 't': v = '\t'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 'v': v = '\013'; break;
        case 'a': v = '\007'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = (v << 3) + (*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    v = (v << 3) + (*s++ - '0');
                }
            }
            v &= 0xFF;
            break;
        case 'x':
            if (s + 1 < end && hexval((unsigned char)s[0]) >= 0 &&
                hexval((unsigned char)s[1]) >= 0) {
                v = hexval((unsigned char)s[0]) * 16 +
                    hexval((unsigned char)s[1]);
                s += 2;
                break;
            }
            return decode_error(p, "(value error) invalid \\x escape at "
                                "position %d", (int)(s - 2 - begin));
        default:
            if (!warned) {
                warn_invalid_escape(p, (char)c, t);
                warned = 1;
            }
            if (buf_putc(p, b, '\\') < 0 || buf_putc(p, b, (char)c) < 0) {
                return -1;
            }
            continue;
        }
        if (buf_putc(p, b, (char)v) < 0) {
            return -1;
        }
    }
    return 0;
}

int rp_p_decode_literal(rp_parser_t *p, rp_buf_t *b, const char *s,
                        size_t len, int raw, int is_bytes,
                        const rp_token_t *t)
{
    if (raw || memchr(s, '\\', len) == NULL) {
        if (is_bytes) {
            return rp_buf_append(p, b, s, len);
        }
        return append_utf8(p, b, s, len);
    }
    if (is_bytes) {
        return decode_bytes_escapes(p, b, s, len, t);
    }
    return decode_str_escapes(p, b, s, len, t);
}

// ---- concatenation ----------------------------------------------------------------

// _PyPegen_parsestr: the prefix flags and the body between the quotes.
static void split_literal(const rp_token_t *t, int *is_bytes, int *raw,
                          int *fmode, int *umode, const char **body,
                          size_t *len)
{
    const char *s = t->start;
    *is_bytes = *raw = *fmode = *umode = 0;
    for (;; s++) {
        char c = *s;
        if (c == 'b' || c == 'B') {
            *is_bytes = 1;
        } else if (c == 'r' || c == 'R') {
            *raw = 1;
        } else if (c == 'f' || c == 'F') {
            *fmode = 1;
        } else if (c == 'u' || c == 'U') {
            *umode = 1;
        } else {
            break;
        }
    }
    char quote = *s;
    const char *end = t->end - 1;   // the closing quote
    s++;
    if (end - s >= 2 && s[0] == quote && s[1] == quote && end - s >= 4) {
        s += 2;
        end -= 2;
    }
    *body = s;
    *len = (size_t)(end - s);
}

// strings: STRING+
rp_expr_t *rp_p_strings(rp_parser_t *p, int first_i, int n)
{
    rp_token_t *first = p->toks[first_i];
    rp_token_t *last = p->toks[first_i + n - 1];
    int bytesmode = 0;
    rp_buf_t bytes = {0};
    rp_fstate_t st;
    rp_fstate_init(&st);
    for (int i = 0; i < n; i++) {
        rp_token_t *t = p->toks[first_i + i];
        int is_bytes, raw, fmode, umode;
        const char *body;
        size_t len;
        split_literal(t, &is_bytes, &raw, &fmode, &umode, &body, &len);
        if (i == 0 && umode) {
            st.kind_u = 1;
        }
        if (is_bytes) {
            // Bytes literals may only hold ASCII characters.
            for (size_t j = 0; j < len; j++) {
                if ((unsigned char)body[j] >= 0x80) {
                    rp_p_error_tok(p, t, "bytes can only contain ASCII "
                                   "literal characters");
                    p->hard_error = 1;
                    return NULL;
                }
            }
        }
        rp_buf_t piece = {0};
        if (!fmode && rp_p_decode_literal(p, is_bytes ? &bytes : &piece, body,
                                          len, raw, is_bytes, t) < 0) {
            return NULL;
        }
        if (i != 0 && bytesmode != is_bytes) {
            decode_error(p, "cannot mix bytes and nonbytes literals");
            return NULL;
        }
        bytesmode = is_bytes;
        if (fmode) {
            if (rp_p_fstring(p, &st, body, len, raw, 0, first, t, last) < 0) {
                return NULL;
            }
        } else if (!is_bytes && piece.n > 0 &&
                   rp_fstate_add_literal(p, &st, piece.a, piece.n) < 0) {
            return NULL;
        }
    }
    if (bytesmode) {
        rp_expr_t *e = rp_p_new_expr(p, RP_E_CONSTANT, first->lineno,
                                     first->col_offset, last->end_lineno,
                                     last->end_col_offset);
        if (e == NULL) {
            return NULL;
        }
        e->v.constant.kind = RP_CONST_BYTES;
        e->v.constant.text = bytes.a ? bytes.a : "";
        e->v.constant.len = bytes.n;
        return e;
    }
    return rp_fstate_finish(p, &st, first, last);
}
