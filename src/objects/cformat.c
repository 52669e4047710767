// printf-style formatting into str objects, understanding the object
// conversions %R (repr), %S (str) and %T (type name) besides C's own.
// Used by rp_err_format and rp_str_from_format.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "str.h"

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;
} cbuf_t;

static void put(cbuf_t *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *nb = realloc(b->buf, cap);
        if (!nb) {
            b->failed = true;
            return;
        }
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

// Appends the UTF-8 of a str object, at most prec code points if prec >= 0.
static void put_str(cbuf_t *b, rp_obj_t *s, int prec)
{
    rp_ssize_t n;
    const char *u = rp_str_utf8(s, &n);
    if (!u) {
        b->failed = true;
        return;
    }
    if (prec >= 0) {
        // Count code points: skip continuation bytes.
        rp_ssize_t i = 0, cps = 0;
        while (i < n && cps < prec) {
            i++;
            while (i < n && ((unsigned char)u[i] & 0xC0) == 0x80)
                i++;
            cps++;
        }
        n = i;
    }
    put(b, u, (size_t)n);
}

static void put_obj(cbuf_t *b, rp_obj_t *(*conv)(rp_obj_t *), rp_obj_t *o, int prec)
{
    rp_obj_t *s = conv(o);
    if (!s) {
        b->failed = true;
        return;
    }
    put_str(b, s, prec);
    rp_decref(s);
}

rp_obj_t *rp_str_from_vformat(const char *fmt, va_list ap)
{
    cbuf_t b = {0};
    const char *p = fmt;
    while (*p && !b.failed) {
        const char *start = p;
        while (*p && *p != '%')
            p++;
        put(&b, start, (size_t)(p - start));
        if (!*p)
            break;
        // A conversion: %[flags][width][.prec][length]type
        const char *spec = p++;
        while (*p && strchr("-+ #0", *p))
            p++;
        while (*p >= '0' && *p <= '9')
            p++;
        int prec = -1;
        if (*p == '.') {
            p++;
            prec = 0;
            while (*p >= '0' && *p <= '9')
                prec = prec * 10 + (*p++ - '0');
        }
        char lenmod[3] = {0};
        int nl = 0;
        while (*p && strchr("hlzjt", *p) && nl < 2)
            lenmod[nl++] = *p++;
        char type = *p ? *p++ : '\0';
        char cfmt[32];
        size_t speclen = (size_t)(p - spec);
        if (speclen >= sizeof cfmt)
            speclen = sizeof cfmt - 1;
        memcpy(cfmt, spec, speclen);
        cfmt[speclen] = '\0';
        char tmp[128];
        int n = 0;
        switch (type) {
        case '%':
            put(&b, "%", 1);
            break;
        case 'R':
            put_obj(&b, rp_obj_repr, va_arg(ap, rp_obj_t *), prec);
            break;
        case 'S':
            put_obj(&b, rp_obj_str, va_arg(ap, rp_obj_t *), prec);
            break;
        case 'U':
            put_str(&b, va_arg(ap, rp_obj_t *), prec);
            break;
        case 'T': {
            const char *tn = rp_type_name(RP_TYPE(va_arg(ap, rp_obj_t *)));
            put(&b, tn, strlen(tn));
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            size_t sl = strlen(s);
            if (prec >= 0 && (size_t)prec < sl)
                sl = (size_t)prec;
            put(&b, s, sl);
            break;
        }
        case 'c':
            n = snprintf(tmp, sizeof tmp, "%c", va_arg(ap, int));
            put(&b, tmp, (size_t)n);
            break;
        case 'p':
            n = snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            put(&b, tmp, (size_t)n);
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            if (lenmod[0] == 'z')
                n = snprintf(tmp, sizeof tmp, cfmt, va_arg(ap, size_t));
            else if (lenmod[0] == 'l' && lenmod[1] == 'l')
                n = snprintf(tmp, sizeof tmp, cfmt, va_arg(ap, long long));
            else if (lenmod[0] == 'l' || lenmod[0] == 'j' || lenmod[0] == 't')
                n = snprintf(tmp, sizeof tmp, cfmt, va_arg(ap, long));
            else
                n = snprintf(tmp, sizeof tmp, cfmt, va_arg(ap, int));
            put(&b, tmp, (size_t)(n < (int)sizeof tmp ? n : (int)sizeof tmp - 1));
            break;
        case 'f': case 'g': case 'e':
            n = snprintf(tmp, sizeof tmp, cfmt, va_arg(ap, double));
            put(&b, tmp, (size_t)(n < (int)sizeof tmp ? n : (int)sizeof tmp - 1));
            break;
        default:
            // Unknown conversion: copy it verbatim.
            put(&b, spec, (size_t)(p - spec));
            break;
        }
    }
    if (b.failed) {
        free(b.buf);
        if (!rp_err_occurred())
            rp_err_nomemory();
        return NULL;
    }
    rp_obj_t *res = rp_str_from_utf8(b.buf ? b.buf : "", (rp_ssize_t)b.len);
    free(b.buf);
    return res;
}

rp_obj_t *rp_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_obj_t *r = rp_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}
