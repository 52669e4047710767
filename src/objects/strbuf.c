// rp_strbuf: a growable UTF-8 buffer that tracks the largest code point
// appended and finishes into a compact str; printf-style appends and
// rp_str_from_format (which rp_err_format uses).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/str_impl.h"
#include "objects/errors.h"
#include "memory/alloc.h"

void rp_strbuf_init(rp_strbuf_t *b)
{
    b->buf = NULL;
    b->len = b->cap = 0;
    b->maxchar = 0;
    b->failed = 0;
}

// Makes room for extra more bytes (amortised doubling).  0 / -1.
static int reserve(rp_strbuf_t *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (extra <= b->cap - b->len)
        return 0;
    if (extra > (size_t)PTRDIFF_MAX - b->len)
        goto nomem;
    size_t need = b->len + extra;
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap = ncap > (size_t)PTRDIFF_MAX / 2 ? need : ncap * 2;
    char *nb = rp_mem_realloc(b->buf, ncap);
    if (nb == NULL)
        goto nomem;
    b->buf = nb;
    b->cap = ncap;
    return 0;
nomem:
    b->failed = 1;
    rp_err_nomemory();
    return -1;
}

// The largest code point in valid UTF-8 bytes.
static uint32_t utf8_max(const unsigned char *s, size_t n)
{
    uint32_t m = 0;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c > m)
                m = c;
            i++;
        } else if (c < 0xE0) {
            uint32_t v = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            if (v > m)
                m = v;
            i += 2;
        } else if (c < 0xF0) {
            uint32_t v = ((c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if (v > m)
                m = v;
            i += 3;
        } else {
            uint32_t v = ((c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                         ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            if (v > m)
                m = v;
            i += 4;
        }
    }
    return m;
}

int rp_strbuf_append_utf8(rp_strbuf_t *b, const char *s, size_t n)
{
    if (reserve(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    // Only non-ASCII bytes can raise the maximum above 127.
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i < n) {
        uint32_t m = utf8_max((const unsigned char *)s + i, n - i);
        if (m > b->maxchar)
            b->maxchar = m;
    } else if (n > 0 && b->maxchar < 127) {
        b->maxchar = 127;
    }
    return 0;
}

int rp_strbuf_append_cstr(rp_strbuf_t *b, const char *s)
{
    return rp_strbuf_append_utf8(b, s, strlen(s));
}

int rp_strbuf_append_str(rp_strbuf_t *b, rp_obj_t *s)
{
    rp_ssize_t n = rp_str_len(s);
    if (n == 0)
        return 0;
    int kind = rp_str_kind(s);
    const void *d = rp_str_data(s);
    uint32_t bound = rp_str_maxchar_bound(s);
    if (bound > b->maxchar)
        b->maxchar = bound;
    if (rp_str_is_ascii(s)) {
        if (reserve(b, (size_t)n) < 0)
            return -1;
        memcpy(b->buf + b->len, d, (size_t)n);
        b->len += (size_t)n;
        return 0;
    }
    if ((size_t)n > (size_t)PTRDIFF_MAX / 4) {
        b->failed = 1;
        rp_err_nomemory();
        return -1;
    }
    if (reserve(b, (size_t)n * (kind == 1 ? 2 : kind == 2 ? 3 : 4)) < 0)
        return -1;
    b->len += rp_str_encode_utf8_raw(kind, d, n, b->buf + b->len);
    return 0;
}

int rp_strbuf_append_char(rp_strbuf_t *b, uint32_t c)
{
    if (reserve(b, 4) < 0)
        return -1;
    if (c < 0x80) {
        b->buf[b->len++] = (char)c;
        if (b->maxchar < 127)
            b->maxchar = 127;
        return 0;
    }
    b->len += rp_str_encode_utf8_raw(4, &c, 1, b->buf + b->len);
    if (c > b->maxchar)
        b->maxchar = c;
    return 0;
}

int rp_strbuf_append_repr(rp_strbuf_t *b, rp_obj_t *o)
{
    if (b->failed)
        return -1;
    rp_obj_t *r = rp_obj_repr(o);
    if (r == NULL)
        return -1;
    int rc = rp_strbuf_append_str(b, r);
    rp_decref(r);
    return rc;
}

int rp_strbuf_append_obj_str(rp_strbuf_t *b, rp_obj_t *o)
{
    if (b->failed)
        return -1;
    if (rp_str_check_exact(o))
        return rp_strbuf_append_str(b, o);
    rp_obj_t *r = rp_obj_str(o);
    if (r == NULL)
        return -1;
    int rc = rp_strbuf_append_str(b, r);
    rp_decref(r);
    return rc;
}

rp_obj_t *rp_strbuf_finish(rp_strbuf_t *b)
{
    if (b->failed) {
        rp_strbuf_discard(b);
        return NULL;
    }
    rp_obj_t *r = rp_str_from_utf8_trusted(b->buf ? b->buf : "", (rp_ssize_t)b->len,
                                           b->maxchar);
    rp_strbuf_discard(b);
    return r;
}

void rp_strbuf_discard(rp_strbuf_t *b)
{
    rp_mem_free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
    b->maxchar = 0;
}

int rp_strbuf_append_fill(rp_strbuf_t *b, uint32_t c, rp_ssize_t n)
{
    if (n <= 0)
        return b->failed ? -1 : 0;
    char enc[4];
    size_t k = rp_str_encode_utf8_raw(4, &c, 1, enc);
    if ((size_t)n > (size_t)PTRDIFF_MAX / k) {
        if (!b->failed) {
            b->failed = 1;
            rp_err_nomemory();
        }
        return -1;
    }
    if (reserve(b, (size_t)n * k) < 0)
        return -1;
    char *p = b->buf + b->len;
    if (k == 1)
        memset(p, enc[0], (size_t)n);
    else
        for (rp_ssize_t i = 0; i < n; i++, p += k)
            memcpy(p, enc, k);
    b->len += (size_t)n * k;
    if (b->maxchar < (c < 0x80 ? 127 : c))
        b->maxchar = c < 0x80 ? 127 : c;
    return 0;
}

// ---------------------------------------------------------------------
// printf-style formatting

// Appends a str cut to precision code points and padded to width.
static int append_str_field(rp_strbuf_t *b, rp_obj_t *s, long width, long precision,
                            bool left)
{
    rp_obj_t *cut = s;
    rp_ssize_t n = rp_str_len(s);
    if (precision >= 0 && n > precision) {
        cut = rp_str_substr(s, 0, precision);
        if (cut == NULL)
            return -1;
        n = precision;
    } else {
        rp_incref(cut);
    }
    int rc = 0;
    if (!left && width > n)
        rc = rp_strbuf_append_fill(b, ' ', width - n);
    if (rc == 0)
        rc = rp_strbuf_append_str(b, cut);
    if (rc == 0 && left && width > n)
        rc = rp_strbuf_append_fill(b, ' ', width - n);
    rp_decref(cut);
    return rc;
}

int rp_strbuf_append_vformat(rp_strbuf_t *b, const char *fmt, va_list ap)
{
    const char *p = fmt;
    while (*p) {
        const char *lit = p;
        while (*p && *p != '%')
            p++;
        if (p > lit && rp_strbuf_append_utf8(b, lit, (size_t)(p - lit)) < 0)
            return -1;
        if (*p == '\0')
            break;
        const char *spec = p++;
        if (*p == '%') {
            if (rp_strbuf_append_char(b, '%') < 0)
                return -1;
            p++;
            continue;
        }
        bool left = false, zero = false;
        while (*p == '-' || *p == '0') {
            if (*p == '-')
                left = true;
            else
                zero = true;
            p++;
        }
        long width = -1, precision = -1;
        if (*p == '*') {
            width = va_arg(ap, int);
            p++;
        } else if (*p >= '0' && *p <= '9') {
            width = strtol(p, (char **)&p, 10);
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                precision = va_arg(ap, int);
                p++;
            } else {
                precision = strtol(p, (char **)&p, 10);
            }
        }
        int lng = 0;    // 1: l, 2: ll, 3: z
        if (*p == 'l') {
            lng = 1;
            p++;
            if (*p == 'l') {
                lng = 2;
                p++;
            }
        } else if (*p == 'z') {
            lng = 3;
            p++;
        }
        char conv = *p ? *p++ : '\0';
        char tmp[128];
        switch (conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': {
            // Rebuild the C conversion and let the C library format it.
            const char *mod = lng == 1 ? "l" : lng == 2 ? "ll" : lng == 3 ? "z" : "";
            char full[48];
            snprintf(full, sizeof full, "%%%s%s", left ? "-" : "", zero ? "0" : "");
            size_t fl = strlen(full);
            if (width >= 0)
                fl += (size_t)snprintf(full + fl, sizeof full - fl, "%ld", width);
            if (precision >= 0)
                fl += (size_t)snprintf(full + fl, sizeof full - fl, ".%ld", precision);
            snprintf(full + fl, sizeof full - fl, "%s%c", mod, conv);
            if (lng == 1) {
                if (conv == 'd' || conv == 'i')
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, long));
                else
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, unsigned long));
            } else if (lng == 2) {
                if (conv == 'd' || conv == 'i')
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, long long));
                else
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, unsigned long long));
            } else if (lng == 3) {
                if (conv == 'd' || conv == 'i')
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, ptrdiff_t));
                else
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, size_t));
            } else {
                if (conv == 'd' || conv == 'i')
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, int));
                else
                    snprintf(tmp, sizeof tmp, full, va_arg(ap, unsigned int));
            }
            if (rp_strbuf_append_cstr(b, tmp) < 0)
                return -1;
            break;
        }
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            if (rp_strbuf_append_cstr(b, tmp) < 0)
                return -1;
            break;
        case 'c': {
            int c = va_arg(ap, int);
            if (c < 0 || c > 0x10FFFF)
                c = 0xFFFD;
            if (!left && width > 1 && rp_strbuf_append_fill(b, ' ', width - 1) < 0)
                return -1;
            if (rp_strbuf_append_char(b, (uint32_t)c) < 0)
                return -1;
            if (left && width > 1 && rp_strbuf_append_fill(b, ' ', width - 1) < 0)
                return -1;
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL)
                s = "(null)";
            size_t n = strlen(s);
            if (precision >= 0 && n > (size_t)precision) {
                n = (size_t)precision;
                // Do not cut a character in two.
                while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
                    n--;
            }
            rp_obj_t *o = rp_str_decode(s, (rp_ssize_t)n, "utf-8", "replace");
            if (o == NULL)
                return -1;
            int rc = append_str_field(b, o, width, -1, left);
            rp_decref(o);
            if (rc < 0)
                return -1;
            break;
        }
        case 'R': case 'S': case 'A': case 'U': {
            rp_obj_t *o = va_arg(ap, rp_obj_t *);
            rp_obj_t *s;
            if (o == NULL)
                s = rp_str_from_cstr("<NULL>");
            else if (conv == 'R')
                s = rp_obj_repr(o);
            else if (conv == 'A')
                s = rp_obj_ascii(o);
            else if (conv == 'U' || rp_str_check_exact(o))
                s = rp_newref(o);
            else
                s = rp_obj_str(o);
            if (s == NULL)
                return -1;
            int rc = append_str_field(b, s, width, precision, left);
            rp_decref(s);
            if (rc < 0)
                return -1;
            break;
        }
        case 'T': {
            rp_obj_t *o = va_arg(ap, rp_obj_t *);
            const char *name = o ? rp_type_name(o->type) : "NULL";
            if (rp_strbuf_append_cstr(b, name) < 0)
                return -1;
            break;
        }
        default:
            // Unknown conversion: copy the rest of the format verbatim, as
            // CPython's PyUnicode_FromFormat does.
            return rp_strbuf_append_cstr(b, spec);
        }
    }
    return b->failed ? -1 : 0;
}

int rp_strbuf_append_format(rp_strbuf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = rp_strbuf_append_vformat(b, fmt, ap);
    va_end(ap);
    return rc;
}

rp_obj_t *rp_str_from_vformat(const char *fmt, va_list ap)
{
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    if (rp_strbuf_append_vformat(&b, fmt, ap) < 0) {
        rp_strbuf_discard(&b);
        return NULL;
    }
    return rp_strbuf_finish(&b);
}

rp_obj_t *rp_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_obj_t *r = rp_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}
