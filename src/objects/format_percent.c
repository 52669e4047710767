// printf-style formatting of str and bytes: `fmt % args` (CPython 3.11's
// PyUnicode_Format and _PyBytes_FormatEx): %s %r %a %d %i %u %o %x %X %e
// %E %f %F %g %G %c %% (and %b for bytes), flags, width and precision
// (including '*'), and %(key)s with a mapping.
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "objects/format.h"
#include "objects/bytes.h"
#include "objects/str_impl.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/tuple.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    rp_obj_t *fmt;
    int kind;
    const void *data;
    rp_ssize_t pos, cnt;        // next position; characters left (CPython's fmtcnt)
    rp_obj_t *args;             // current argument source (may be owned)
    bool args_owned;
    rp_ssize_t arglen, argidx;
    rp_obj_t *dict;             // the mapping for %(key)s, or NULL
    bool bytes;                 // formatting bytes: fmt is its latin-1 text
    rp_strbuf_t out;
} ctx_t;

typedef struct {
    uint32_t ch;
    int flags;
    rp_ssize_t width;
    int prec;
    bool sign;
} arg_t;

static inline uint32_t fmt_read(ctx_t *c)
{
    return rp_str_read(c->kind, c->data, c->pos);
}

// The next argument (borrowed), or NULL with TypeError.
static rp_obj_t *next_arg(ctx_t *c)
{
    rp_ssize_t i = c->argidx;
    if (i < c->arglen) {
        c->argidx++;
        if (c->arglen < 0)
            return c->args;
        return rp_tuple_get_borrow(c->args, i);
    }
    rp_err_set(&rp_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

// Reads a '*' width/precision argument.
static int star_arg(ctx_t *c, rp_ssize_t *out)
{
    rp_obj_t *v = next_arg(c);
    if (v == NULL)
        return -1;
    if (!rp_int_check(v)) {
        rp_err_set(&rp_exc_TypeError, "* wants int");
        return -1;
    }
    rp_ssize_t n = rp_int_as_ssize(v);
    if (n == -1 && rp_err_occurred())
        return -1;
    *out = n;
    return 0;
}

static int parse_arg(ctx_t *c, arg_t *a)
{
    if (a->ch == '(') {
        if (c->dict == NULL) {
            rp_err_set(&rp_exc_TypeError, "format requires a mapping");
            return -1;
        }
        c->pos++;
        c->cnt--;
        rp_ssize_t keystart = c->pos;
        int pcount = 1;
        while (pcount > 0 && --c->cnt >= 0) {
            a->ch = fmt_read(c);
            if (a->ch == ')')
                pcount--;
            else if (a->ch == '(')
                pcount++;
            c->pos++;
        }
        rp_ssize_t keylen = c->pos - keystart - 1;
        if (c->cnt < 0 || pcount > 0) {
            rp_err_set(&rp_exc_ValueError, "incomplete format key");
            return -1;
        }
        rp_obj_t *key = rp_str_substr(c->fmt, keystart, keystart + keylen);
        if (key != NULL && c->bytes) {
            // Bytes formatting looks its keys up as bytes.
            rp_obj_t *bkey = rp_str_encode(key, "latin-1", NULL);
            rp_decref(key);
            key = bkey;
        }
        if (key == NULL)
            return -1;
        if (c->args_owned) {
            c->args_owned = false;
            rp_decref(c->args);
        }
        c->args = rp_obj_getitem(c->dict, key);
        rp_decref(key);
        if (c->args == NULL)
            return -1;
        c->args_owned = true;
        c->arglen = -1;
        c->argidx = -2;
    }
    while (--c->cnt >= 0) {
        a->ch = fmt_read(c);
        c->pos++;
        switch (a->ch) {
        case '-': a->flags |= F_LJUST; continue;
        case '+': a->flags |= F_SIGN; continue;
        case ' ': a->flags |= F_BLANK; continue;
        case '#': a->flags |= F_ALT; continue;
        case '0': a->flags |= F_ZERO; continue;
        }
        break;
    }
    if (a->ch == '*') {
        if (star_arg(c, &a->width) < 0)
            return -1;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = -a->width;
        }
        if (--c->cnt >= 0) {
            a->ch = fmt_read(c);
            c->pos++;
        }
    } else if (a->ch >= '0' && a->ch <= '9') {
        a->width = a->ch - '0';
        while (--c->cnt >= 0) {
            a->ch = fmt_read(c);
            c->pos++;
            if (a->ch < '0' || a->ch > '9')
                break;
            if (a->width > (PTRDIFF_MAX - ((int)a->ch - '0')) / 10) {
                rp_err_set(&rp_exc_ValueError, "width too big");
                return -1;
            }
            a->width = a->width * 10 + (a->ch - '0');
        }
    }
    if (a->ch == '.') {
        a->prec = 0;
        if (--c->cnt >= 0) {
            a->ch = fmt_read(c);
            c->pos++;
        }
        if (a->ch == '*') {
            rp_ssize_t p;
            if (star_arg(c, &p) < 0)
                return -1;
            if (p > INT_MAX || p < INT_MIN) {
                rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C int");
                return -1;
            }
            a->prec = p < 0 ? 0 : (int)p;
            if (--c->cnt >= 0) {
                a->ch = fmt_read(c);
                c->pos++;
            }
        } else if (a->ch >= '0' && a->ch <= '9') {
            a->prec = (int)(a->ch - '0');
            while (--c->cnt >= 0) {
                a->ch = fmt_read(c);
                c->pos++;
                if (a->ch < '0' || a->ch > '9')
                    break;
                if (a->prec > (INT_MAX - ((int)a->ch - '0')) / 10) {
                    rp_err_set(&rp_exc_ValueError, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + (int)(a->ch - '0');
            }
        }
    }
    if (c->cnt >= 0 && (a->ch == 'h' || a->ch == 'l' || a->ch == 'L')) {
        if (--c->cnt >= 0) {
            a->ch = fmt_read(c);
            c->pos++;
        }
    }
    if (c->cnt < 0) {
        rp_err_set(&rp_exc_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

static bool is_number(rp_obj_t *v)
{
    return v->type->index != NULL || v->type->int_ != NULL || v->type->float_ != NULL ||
           rp_int_check(v) || rp_float_check(v);
}

// The int text for %d %i %u %o %x %X (CPython's _PyUnicode_FormatLong):
// sign, "0x"/"0o" prefix only with '#', at least prec digits.
static rp_obj_t *format_long(rp_obj_t *val, int flags, int prec, uint32_t type)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    rp_obj_t *text = base == 10 ? rp_int_to_decimal(val) : rp_int_to_base(val, base);
    if (text == NULL)
        return NULL;
    const char *s = rp_str_utf8(text, NULL);
    bool neg = *s == '-';
    if (neg)
        s++;
    if (base != 10 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'X'))
        s += 2;
    size_t nd = strlen(s);
    size_t zeros = prec > 0 && (size_t)prec > nd ? (size_t)prec - nd : 0;
    if (prec > INT_MAX - 3) {
        rp_decref(text);
        return rp_err_format(&rp_exc_OverflowError, "precision too large");
    }
    char *buf = malloc(nd + zeros + 4);
    if (buf == NULL) {
        rp_decref(text);
        return rp_err_nomemory();
    }
    size_t o = 0;
    if (neg)
        buf[o++] = '-';
    if ((flags & F_ALT) && base != 10) {
        buf[o++] = '0';
        buf[o++] = (char)(base == 8 ? 'o' : 'x');
    }
    memset(buf + o, '0', zeros);
    o += zeros;
    memcpy(buf + o, s, nd);
    o += nd;
    if (type == 'X')
        for (size_t i = 0; i < o; i++)
            if (buf[i] >= 'a' && buf[i] <= 'z')
                buf[i] = (char)(buf[i] - 32);
    rp_decref(text);
    rp_obj_t *r = rp_str_from_utf8(buf, (rp_ssize_t)o);
    free(buf);
    return r;
}

static rp_obj_t *main_format_long(rp_obj_t *v, arg_t *a)
{
    uint32_t type = a->ch;
    rp_obj_t *iobj;
    if (!is_number(v))
        goto wrongtype;
    if (!rp_int_check(v)) {
        if (type == 'o' || type == 'x' || type == 'X')
            iobj = v->type->index ? rp_number_index(v) : NULL;
        else
            iobj = rp_number_to_int(v);
        if (iobj == NULL) {
            if (rp_err_occurred() == NULL || rp_err_matches(&rp_exc_TypeError)) {
                rp_err_clear();
                goto wrongtype;
            }
            return NULL;
        }
    } else {
        iobj = rp_newref(v);
    }
    rp_obj_t *r = format_long(iobj, a->flags, a->prec, type);
    rp_decref(iobj);
    return r;
wrongtype:
    if (type == 'o' || type == 'x' || type == 'X')
        return rp_err_format(&rp_exc_TypeError, "%%%c format: an integer is required, not %.200s",
                             (int)type, rp_type_name(v->type));
    return rp_err_format(&rp_exc_TypeError, "%%%c format: a real number is required, not %.200s",
                         (int)type, rp_type_name(v->type));
}

static rp_obj_t *format_float(rp_obj_t *v, arg_t *a)
{
    double x;
    if (rp_float_check(v))
        x = rp_float_value(v);
    else {
        x = rp_float_as_double(v);
        if (x == -1.0 && rp_err_occurred())
            return NULL;
    }
    int prec = a->prec < 0 ? 6 : a->prec;
    char *p = rp_double_to_string(x, (char)a->ch, prec, (a->flags & F_ALT) ? RP_FMT_ALT : 0);
    if (p == NULL)
        return rp_err_nomemory();
    const char *q = p;
    if (q[0] == '-' && (q[1] == 'n' || q[1] == 'N'))
        q++;    // nan has no sign
    rp_obj_t *r = rp_str_from_utf8(q, (rp_ssize_t)strlen(q));
    free(p);
    return r;
}

static int format_char(rp_obj_t *v, uint32_t *out)
{
    if (rp_str_check(v)) {
        if (rp_str_len(v) == 1) {
            *out = rp_str_char(v, 0);
            return 0;
        }
        goto error;
    }
    if (!rp_int_check(v) && v->type->index == NULL)
        goto error;
    rp_obj_t *i = rp_int_check(v) ? rp_newref(v) : rp_number_index(v);
    if (i == NULL)
        return -1;
    int64_t x = rp_int_as_i64(i);
    bool overflow = x == -1 && rp_err_occurred();
    if (overflow)
        rp_err_clear();
    rp_decref(i);
    if (overflow || x < 0 || x > 0x10FFFF) {
        rp_err_set(&rp_exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
error:
    rp_err_set(&rp_exc_TypeError, "%c requires int or char");
    return -1;
}

// Writes str with the width, sign and '#' prefix handling of
// unicode_format_arg_output.
static int output_arg(ctx_t *c, arg_t *a, rp_obj_t *str)
{
    uint32_t fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    rp_ssize_t len = rp_str_len(str);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return rp_strbuf_append_str(&c->out, str);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec)
        len = a->prec;
    int kind = rp_str_kind(str);
    const void *d = rp_str_data(str);
    rp_ssize_t pindex = 0;
    uint32_t signchar = 0;
    if (a->sign) {
        uint32_t ch0 = rp_str_read(kind, d, 0);
        if (ch0 == '-' || ch0 == '+') {
            signchar = ch0;
            len--;
            pindex++;
        } else if (a->flags & F_SIGN)
            signchar = '+';
        else if (a->flags & F_BLANK)
            signchar = ' ';
        else
            a->sign = false;
    }
    if (a->width < len)
        a->width = len;
    rp_strbuf_t *w = &c->out;
    if (a->sign) {
        if (fill != ' ' && rp_strbuf_append_char(w, signchar) < 0)
            return -1;
        if (a->width > len)
            a->width--;
    }
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            if (rp_strbuf_append_char(w, '0') < 0 || rp_strbuf_append_char(w, a->ch) < 0)
                return -1;
            pindex += 2;
        }
        a->width -= 2;
        if (a->width < 0)
            a->width = 0;
        len -= 2;
    }
    if (a->width > len && !(a->flags & F_LJUST)) {
        if (rp_strbuf_append_fill(w, fill, a->width - len) < 0)
            return -1;
        a->width = len;
    }
    if (fill == ' ') {
        if (a->sign && rp_strbuf_append_char(w, signchar) < 0)
            return -1;
        if (prefix) {
            if (rp_strbuf_append_char(w, '0') < 0 || rp_strbuf_append_char(w, a->ch) < 0)
                return -1;
            pindex += 2;
        }
    }
    for (rp_ssize_t i = 0; i < len; i++)
        if (rp_strbuf_append_char(w, rp_str_read(kind, d, pindex + i)) < 0)
            return -1;
    return rp_strbuf_append_fill(w, ' ', a->width - len);
}

// %s / %b of bytes formatting: the bytes (or __bytes__) as latin-1 text.
static rp_obj_t *bytes_arg_text(rp_obj_t *v)
{
    rp_obj_t *b = NULL;
    if (rp_bytes_check(v)) {
        b = rp_newref(v);
    } else if (!rp_str_check(v)) {
        rp_obj_t *name = rp_str_intern_cstr("__bytes__");
        if (name == NULL)
            return NULL;
        rp_obj_t *meth = rp_type_lookup_borrow(v->type, name);
        rp_decref(name);
        if (meth != NULL) {
            b = rp_obj_call_method(v, "__bytes__", NULL, 0);
            if (b == NULL)
                return NULL;
            if (!rp_bytes_check(b)) {
                rp_err_format(&rp_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                              rp_type_name(b->type));
                rp_decref(b);
                return NULL;
            }
        }
    }
    if (b == NULL)
        return rp_err_format(&rp_exc_TypeError,
                             "%%b requires a bytes-like object, or an object that implements "
                             "__bytes__, not '%.100s'", rp_type_name(v->type));
    rp_obj_t *r = rp_str_from_latin1((const uint8_t *)rp_bytes_data(b), rp_bytes_len(b));
    rp_decref(b);
    return r;
}

static int bytes_char(rp_obj_t *v, uint32_t *out)
{
    if (rp_bytes_check(v) && rp_bytes_len(v) == 1) {
        *out = (uint8_t)rp_bytes_data(v)[0];
        return 0;
    }
    if (rp_int_check(v) || (v->type->index != NULL && !rp_bytes_check(v))) {
        rp_obj_t *i = rp_int_check(v) ? rp_newref(v) : rp_number_index(v);
        if (i == NULL)
            return -1;
        int64_t x = rp_int_as_i64(i);
        bool overflow = x == -1 && rp_err_occurred();
        if (overflow)
            rp_err_clear();
        rp_decref(i);
        if (overflow || x < 0 || x > 255) {
            rp_err_set(&rp_exc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        *out = (uint32_t)x;
        return 0;
    }
    rp_err_set(&rp_exc_TypeError, "%c requires an integer in range(256) or a single byte");
    return -1;
}

static int format_one(ctx_t *c)
{
    arg_t a = {fmt_read(c), 0, -1, -1, false};
    if (a.ch == '%') {
        c->pos++;
        c->cnt--;
        return rp_strbuf_append_char(&c->out, '%');
    }
    if (parse_arg(c, &a) < 0)
        return -1;
    rp_obj_t *v = next_arg(c);
    if (v == NULL)
        return -1;
    rp_obj_t *str = NULL;
    if (c->bytes && (a.ch == 's' || a.ch == 'b')) {
        str = bytes_arg_text(v);
        a.ch = 's';
        goto output;
    }
    if (c->bytes && a.ch == 'c') {
        uint32_t ch;
        if (bytes_char(v, &ch) < 0)
            return -1;
        str = rp_str_from_char(ch);
        goto output;
    }
    if (c->bytes && a.ch == 'r')
        a.ch = 'a';
    switch (a.ch) {
    case 's':
        str = rp_str_check_exact(v) ? rp_newref(v) : rp_obj_str(v);
        break;
    case 'r':
        str = rp_obj_repr(v);
        break;
    case 'a':
        str = rp_obj_ascii(v);
        break;
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
        str = main_format_long(v, &a);
        a.sign = true;
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        str = format_float(v, &a);
        a.sign = true;
        break;
    case 'c': {
        uint32_t ch;
        if (format_char(v, &ch) < 0)
            return -1;
        str = rp_str_from_char(ch);
        break;
    }
    default:
        rp_err_format(&rp_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                      (a.ch >= 31 && a.ch <= 126) ? (int)a.ch : '?', (unsigned)a.ch, c->pos - 1);
        return -1;
    }
output:
    if (str == NULL)
        return -1;
    int rc = output_arg(c, &a, str);
    rp_decref(str);
    if (rc < 0)
        return -1;
    if (c->dict && c->argidx < c->arglen) {
        rp_err_set(&rp_exc_TypeError, c->bytes
                   ? "not all arguments converted during bytes formatting"
                   : "not all arguments converted during string formatting");
        return -1;
    }
    return 0;
}

static rp_obj_t *percent_format(rp_obj_t *fmt, rp_obj_t *args, bool bytes)
{
    ctx_t c;
    c.fmt = fmt;
    c.bytes = bytes;
    c.kind = rp_str_kind(fmt);
    c.data = rp_str_data(fmt);
    c.cnt = rp_str_len(fmt);
    c.pos = 0;
    if (rp_tuple_check(args)) {
        c.arglen = rp_tuple_len(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    c.args_owned = false;
    // Any subscriptable object other than a tuple or str can serve %(key)s.
    c.dict = (args->type->getitem != NULL && !rp_tuple_check(args) &&
              !(bytes ? rp_bytes_check(args) : rp_str_check(args))) ? args : NULL;
    c.args = args;
    rp_strbuf_init(&c.out);
    while (--c.cnt >= 0) {
        if (fmt_read(&c) != '%') {
            rp_ssize_t start = c.pos++;
            while (c.cnt >= 0 && fmt_read(&c) != '%') {
                c.pos++;
                c.cnt--;
            }
            if (c.cnt < 0)
                c.pos--;
            if (rp_str_is_ascii(fmt)) {
                if (rp_strbuf_append_utf8(&c.out, (const char *)c.data + start,
                                          (size_t)(c.pos - start)) < 0)
                    goto fail;
            } else {
                for (rp_ssize_t i = start; i < c.pos; i++)
                    if (rp_strbuf_append_char(&c.out, rp_str_read(c.kind, c.data, i)) < 0)
                        goto fail;
            }
        } else {
            c.pos++;
            if (format_one(&c) < 0)
                goto fail;
        }
    }
    if (c.argidx < c.arglen && !c.dict) {
        rp_err_set(&rp_exc_TypeError, bytes
                   ? "not all arguments converted during bytes formatting"
                   : "not all arguments converted during string formatting");
        goto fail;
    }
    if (c.args_owned)
        rp_decref(c.args);
    return rp_strbuf_finish(&c.out);
fail:
    if (c.args_owned)
        rp_decref(c.args);
    rp_strbuf_discard(&c.out);
    return NULL;
}

rp_obj_t *rp_str_percent_format(rp_obj_t *fmt, rp_obj_t *args)
{
    return percent_format(fmt, args, false);
}

rp_obj_t *rp_bytes_percent_format(rp_obj_t *fmt, rp_obj_t *args)
{
    rp_obj_t *text = rp_str_from_latin1((const uint8_t *)rp_bytes_data(fmt), rp_bytes_len(fmt));
    if (text == NULL)
        return NULL;
    rp_obj_t *r = percent_format(text, args, true);
    rp_decref(text);
    if (r == NULL)
        return NULL;
    // Every character is below 256: the latin-1 data is the result.
    rp_obj_t *b;
    if (rp_str_kind(r) == 1)
        b = rp_bytes_from(rp_str_data(r), rp_str_len(r));
    else
        b = rp_str_encode(r, "latin-1", NULL);
    rp_decref(r);
    return b;
}
