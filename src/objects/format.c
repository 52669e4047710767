// The format mini-language of str, int and float (CPython's
// Python/formatter_unicode.c): spec parsing, padding and alignment,
// signs, '#' prefixes, thousands grouping, and format() itself.
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects/format.h"
#include "objects/str_impl.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/strargs.h"
#include "objects/unicode_db.h"

// Which thousands separator a spec asks for (CPython's LocaleType).
enum { LT_NO_LOCALE, LT_DEFAULT, LT_UNDERSCORE, LT_UNDER_FOUR, LT_CURRENT };

typedef struct {
    uint32_t fill;
    uint32_t align;
    bool alternate;
    bool no_neg_0;
    uint32_t sign;
    rp_ssize_t width;           // -1: not given
    int thousands;
    rp_ssize_t precision;       // -1: not given
    uint32_t type;
} spec_t;

static void unknown_type(uint32_t type, const char *tname)
{
    if (type > 32 && type < 128)
        rp_err_format(&rp_exc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                      (int)type, tname);
    else
        rp_err_format(&rp_exc_ValueError,
                      "Unknown format code '\\x%x' for object of type '%.200s'",
                      (unsigned)type, tname);
}

static void invalid_separator_type(char sep, uint32_t type)
{
    if (type > 32 && type < 128)
        rp_err_format(&rp_exc_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    else
        rp_err_format(&rp_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                      (unsigned)type);
}

// Reads decimal digits (any Unicode decimal digit) at *pos.  Returns the
// number of digits read, -1 on overflow (ValueError set).
static int get_integer(rp_obj_t *s, rp_ssize_t *pos, rp_ssize_t end, rp_ssize_t *result)
{
    rp_ssize_t acc = 0, p = *pos;
    int n = 0;
    for (; p < end; p++, n++) {
        int d = rp_uc_decimal(rp_str_char(s, p));
        if (d < 0)
            break;
        if (acc > (PTRDIFF_MAX - d) / 10) {
            rp_err_set(&rp_exc_ValueError, "Too many decimal digits in format string");
            *pos = p;
            return -1;
        }
        acc = acc * 10 + d;
    }
    *pos = p;
    *result = acc;
    return n;
}

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// Parses [[fill]align][sign][z][#][0][width][,|_][.precision][type].
static int parse_spec(rp_obj_t *spec, spec_t *f, char default_type, char default_align,
                      rp_obj_t *obj)
{
    rp_ssize_t pos = 0, end = rp_str_len(spec);
    bool align_given = false, fill_given = false;
    f->fill = ' ';
    f->align = (uint32_t)default_align;
    f->alternate = false;
    f->no_neg_0 = false;
    f->sign = 0;
    f->width = -1;
    f->thousands = LT_NO_LOCALE;
    f->precision = -1;
    f->type = (uint32_t)default_type;

    if (end - pos >= 2 && is_align(rp_str_char(spec, pos + 1))) {
        f->align = rp_str_char(spec, pos + 1);
        f->fill = rp_str_char(spec, pos);
        fill_given = align_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(rp_str_char(spec, pos))) {
        f->align = rp_str_char(spec, pos);
        align_given = true;
        pos++;
    }
    if (end - pos >= 1) {
        uint32_t c = rp_str_char(spec, pos);
        if (c == ' ' || c == '+' || c == '-') {
            f->sign = c;
            pos++;
        }
    }
    if (end - pos >= 1 && rp_str_char(spec, pos) == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (end - pos >= 1 && rp_str_char(spec, pos) == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_given && end - pos >= 1 && rp_str_char(spec, pos) == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int n = get_integer(spec, &pos, end, &f->width);
    if (n < 0)
        return -1;
    if (n == 0)
        f->width = -1;
    if (end - pos > 0 && rp_str_char(spec, pos) == ',') {
        f->thousands = LT_DEFAULT;
        pos++;
    }
    if (end - pos > 0 && rp_str_char(spec, pos) == '_') {
        if (f->thousands != LT_NO_LOCALE) {
            rp_err_set(&rp_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = LT_UNDERSCORE;
        pos++;
    }
    if (end - pos > 0 && rp_str_char(spec, pos) == ',' && f->thousands == LT_UNDERSCORE) {
        rp_err_set(&rp_exc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (end - pos > 0 && rp_str_char(spec, pos) == '.') {
        pos++;
        n = get_integer(spec, &pos, end, &f->precision);
        if (n < 0)
            return -1;
        if (n == 0) {
            rp_err_set(&rp_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        rp_err_format(&rp_exc_ValueError, "Invalid format specifier '%S' for object of type '%.200s'",
                      spec, rp_type_name(obj->type));
        return -1;
    }
    if (end - pos == 1)
        f->type = rp_str_char(spec, pos);
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == LT_UNDERSCORE) {
                f->thousands = LT_UNDER_FOUR;
                break;
            }
            /* fall through */
        default:
            invalid_separator_type(f->thousands == LT_DEFAULT ? ',' : '_', f->type);
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------
// Output helpers

// Thousands grouping as CPython's _PyUnicode_InsertThousandsGrouping:
// digits grouped right to left, zero-padded to min_width (zeros grouped
// too).  Writes backwards ending at out + count when out is not NULL;
// returns the length.  group 0 means no grouping.
static rp_ssize_t group_digits(char *out, const char *digits, rp_ssize_t n_digits,
                               rp_ssize_t min_width, int group, char sep)
{
    rp_ssize_t count = 0, remaining = n_digits, dpos = n_digits;
    rp_ssize_t seplen = sep ? 1 : 0;
    bool use_sep = false, broken = false;
    char *w = NULL;
    if (min_width < 0)
        min_width = 0;
    // First pass counts; the caller sizes out and calls again.
    if (out) {
        rp_ssize_t total = group_digits(NULL, digits, n_digits, min_width, group, sep);
        w = out + total;
    }
#define EMIT(nchars, nzeros)                                        \
    do {                                                            \
        if (w) {                                                    \
            if (use_sep)                                            \
                *--w = sep;                                         \
            w -= (nchars);                                          \
            dpos -= (nchars);                                       \
            memcpy(w, digits + dpos, (size_t)(nchars));             \
            w -= (nzeros);                                          \
            memset(w, '0', (size_t)(nzeros));                       \
        }                                                           \
    } while (0)
    if (group > 0) {
        for (;;) {
            rp_ssize_t len = group;
            rp_ssize_t lim = remaining > min_width ? remaining : min_width;
            if (lim < 1)
                lim = 1;
            if (len > lim)
                len = lim;
            rp_ssize_t n_zeros = len - remaining > 0 ? len - remaining : 0;
            rp_ssize_t n_chars = remaining < len ? remaining : len;
            if (n_chars < 0)
                n_chars = 0;
            count += (use_sep ? seplen : 0) + n_zeros + n_chars;
            EMIT(n_chars, n_zeros);
            use_sep = seplen > 0;
            remaining -= n_chars;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= seplen;
        }
    }
    if (!broken) {
        rp_ssize_t len = remaining > min_width ? remaining : min_width;
        if (len < 1)
            len = 1;
        rp_ssize_t n_zeros = len - remaining > 0 ? len - remaining : 0;
        rp_ssize_t n_chars = remaining < len ? remaining : len;
        if (n_chars < 0)
            n_chars = 0;
        count += (use_sep ? seplen : 0) + n_zeros + n_chars;
        EMIT(n_chars, n_zeros);
    }
#undef EMIT
    return count;
}

static void locale_grouping(int lt, int *group, char *sep)
{
    switch (lt) {
    case LT_DEFAULT: *group = 3; *sep = ','; break;
    case LT_UNDERSCORE: *group = 3; *sep = '_'; break;
    case LT_UNDER_FOUR: *group = 4; *sep = '_'; break;
    default: *group = 0; *sep = 0; break;   // no grouping; the C locale
    }
}

// Lays out a number as CPython's calc_number_widths/fill_number:
// [lpad][sign][prefix][spad][grouped digits][rest][rpad].  rest is the
// decimal point, fraction and exponent (or a 'c' character), UTF-8 of
// rest_chars code points.
static rp_obj_t *layout_number(const spec_t *f, char sign_char, const char *prefix,
                               rp_ssize_t n_prefix, const char *digits, rp_ssize_t n_digits,
                               const char *rest, rp_ssize_t rest_bytes, rp_ssize_t rest_chars,
                               int lt, bool upper)
{
    char sign = 0;
    rp_ssize_t n_sign = 0;
    switch (f->sign) {
    case '+':
        n_sign = 1;
        sign = sign_char == '-' ? '-' : '+';
        break;
    case ' ':
        n_sign = 1;
        sign = sign_char == '-' ? '-' : ' ';
        break;
    default:
        if (sign_char == '-') {
            n_sign = 1;
            sign = '-';
        }
    }
    int group;
    char sep;
    locale_grouping(lt, &group, &sep);
    rp_ssize_t n_non = n_sign + n_prefix + rest_chars;
    rp_ssize_t min_width = (f->fill == '0' && f->align == '=') ? f->width - n_non : 0;
    rp_ssize_t n_grouped = n_digits == 0 ? 0
                         : group_digits(NULL, digits, n_digits, min_width, group, sep);
    rp_ssize_t n_padding = f->width - (n_non + n_grouped);
    rp_ssize_t lpad = 0, spad = 0, rpad = 0;
    if (n_padding > 0) {
        switch (f->align) {
        case '<': rpad = n_padding; break;
        case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
        case '=': spad = n_padding; break;
        default: lpad = n_padding; break;
        }
    }
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    char small[128];
    char *g = NULL;
    if (rp_strbuf_append_fill(&b, f->fill, lpad) < 0)
        goto fail;
    if (n_sign && rp_strbuf_append_char(&b, (uint8_t)sign) < 0)
        goto fail;
    if (n_prefix) {
        char px[4] = {0};
        memcpy(px, prefix, (size_t)n_prefix);
        if (upper)
            for (rp_ssize_t i = 0; i < n_prefix; i++)
                if (px[i] >= 'a' && px[i] <= 'z')
                    px[i] = (char)(px[i] - 32);
        if (rp_strbuf_append_utf8(&b, px, (size_t)n_prefix) < 0)
            goto fail;
    }
    if (rp_strbuf_append_fill(&b, f->fill, spad) < 0)
        goto fail;
    if (n_grouped > 0) {
        g = n_grouped <= (rp_ssize_t)sizeof small ? small : malloc((size_t)n_grouped);
        if (g == NULL) {
            rp_err_nomemory();
            goto fail;
        }
        group_digits(g, digits, n_digits, min_width, group, sep);
        if (upper)
            for (rp_ssize_t i = 0; i < n_grouped; i++)
                if (g[i] >= 'a' && g[i] <= 'z')
                    g[i] = (char)(g[i] - 32);
        int rc = rp_strbuf_append_utf8(&b, g, (size_t)n_grouped);
        if (g != small)
            free(g);
        if (rc < 0)
            goto fail;
    }
    if (rest_bytes && rp_strbuf_append_utf8(&b, rest, (size_t)rest_bytes) < 0)
        goto fail;
    if (rp_strbuf_append_fill(&b, f->fill, rpad) < 0)
        goto fail;
    return rp_strbuf_finish(&b);
fail:
    rp_strbuf_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------
// str

static rp_obj_t *format_string(rp_obj_t *value, const spec_t *f)
{
    if (f->sign == ' ')
        return rp_err_format(&rp_exc_ValueError, "Space not allowed in string format specifier");
    if (f->sign)
        return rp_err_format(&rp_exc_ValueError, "Sign not allowed in string format specifier");
    if (f->no_neg_0)
        return rp_err_format(&rp_exc_ValueError,
                             "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alternate)
        return rp_err_format(&rp_exc_ValueError,
                             "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=')
        return rp_err_format(&rp_exc_ValueError,
                             "'=' alignment not allowed in string format specifier");
    rp_ssize_t len = rp_str_len(value);
    if ((f->width == -1 || f->width <= len) && (f->precision == -1 || f->precision >= len))
        return rp_newref(value);
    if (f->precision >= 0 && len >= f->precision)
        len = f->precision;
    rp_ssize_t total = f->width > len ? f->width : len;
    rp_ssize_t lpad;
    if (f->align == '>')
        lpad = total - len;
    else if (f->align == '^')
        lpad = (total - len) / 2;
    else
        lpad = 0;
    rp_ssize_t rpad = total - len - lpad;
    uint32_t maxchar = len > 0 ? rp_str_find_max(rp_str_kind(value), rp_str_data(value), len) : 0;
    if ((lpad || rpad) && f->fill > maxchar)
        maxchar = f->fill;
    rp_obj_t *r = rp_str_new(total, maxchar);
    if (r == NULL)
        return NULL;
    int k = rp_str_kind(r);
    void *d = rp_str_data(r);
    rp_str_fill(k, d, 0, lpad, f->fill);
    rp_str_copy_chars(k, d, lpad, rp_str_kind(value), rp_str_data(value), 0, len);
    rp_str_fill(k, d, lpad + len, rpad, f->fill);
    return r;
}

rp_obj_t *rp_format_str(rp_obj_t *s, rp_obj_t *spec)
{
    if (rp_str_len(spec) == 0)
        return rp_str_exact(s);
    spec_t f;
    if (parse_spec(spec, &f, 's', '<', s) < 0)
        return NULL;
    if (f.type != 's') {
        unknown_type(f.type, rp_type_name(s->type));
        return NULL;
    }
    return format_string(s, &f);
}

// ---------------------------------------------------------------------
// float

// rp_double_to_string with two rules of CPython's format_float_short made
// explicit: 'g' with ADD_DOT_0 (a precision but no type) switches to
// exponent notation when the decimal exponent reaches the precision (so
// format(1.0, '.0') is '1e+00'), and repr with '#' keeps the point in
// exponent form ('1.e+16').  Returns malloc'd text or NULL.
static char *double_to_string(double v, char type, int precision, int flags)
{
    if (type == 'g' && (flags & RP_FMT_ADD_DOT_0) && isfinite(v)) {
        int p = precision == 0 ? 1 : precision;
        char *e = rp_double_to_string(v, 'e', p - 1, 0);
        if (e == NULL)
            return NULL;
        const char *x = strchr(e, 'e');
        int decpt = x ? atoi(x + 1) + 1 : 1;
        if (decpt <= -4 || decpt > p - 1) {
            // Exponent form without trailing zeros, as 'g' writes it.
            char *mant_end = (char *)x;
            char *dot = memchr(e, '.', (size_t)(mant_end - e));
            if (dot == NULL && (flags & RP_FMT_ALT)) {
                // '#' keeps the point: '3.e+00'.
                size_t n = strlen(e);
                char *w = realloc(e, n + 2);
                if (w == NULL) {
                    free(e);
                    return NULL;
                }
                size_t at = (size_t)(strchr(w, 'e') - w);
                memmove(w + at + 1, w + at, n - at + 1);
                w[at] = '.';
                return w;
            }
            if (dot != NULL && !(flags & RP_FMT_ALT)) {
                char *q = mant_end;
                while (q > dot + 1 && q[-1] == '0')
                    q--;
                if (q == dot + 1)
                    q = dot;
                memmove(q, mant_end, strlen(mant_end) + 1);
            }
            return e;
        }
        free(e);
    }
    char *r = rp_double_to_string(v, type, precision, flags);
    if (r != NULL && type == 'r' && (flags & RP_FMT_ALT) && strchr(r, 'e') && !strchr(r, '.')) {
        size_t n = strlen(r);
        char *w = malloc(n + 2);
        if (w == NULL) {
            free(r);
            return NULL;
        }
        size_t at = (size_t)(strchr(r, 'e') - r);
        memcpy(w, r, at);
        w[at] = '.';
        memcpy(w + at + 1, r + at, n - at + 1);
        free(r);
        r = w;
    }
    return r;
}

rp_obj_t *rp_format_double(double val, rp_obj_t *spec, rp_obj_t *obj)
{
    spec_t f;
    if (parse_spec(spec, &f, 0, '>', obj) < 0)
        return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        unknown_type(f.type, rp_type_name(obj->type));
        return NULL;
    }
    if (f.precision > INT_MAX)
        return rp_err_format(&rp_exc_ValueError, "precision too big");
    int precision = (int)f.precision, default_precision = 6, flags = 0;
    char type = (char)f.type;
    bool add_pct = false;
    if (f.alternate)
        flags |= RP_FMT_ALT;
    if (type == 0) {
        flags |= RP_FMT_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *buf = double_to_string(val, type, precision, flags);
    if (buf == NULL)
        return rp_err_nomemory();
    size_t n = strlen(buf);
    char *num = malloc(n + 2);
    if (num == NULL) {
        free(buf);
        return rp_err_nomemory();
    }
    memcpy(num, buf, n + 1);
    free(buf);
    if (add_pct) {
        num[n++] = '%';
        num[n] = '\0';
    }
    char sign_char = 0;
    const char *p = num;
    if (*p == '-') {
        sign_char = '-';
        p++;
        if (f.no_neg_0 || isnan(val)) {
            // Drop the sign of a value that rounded to zero.
            bool zero = true;
            for (const char *q = p; *q && *q != 'e' && *q != 'E' && *q != '%'; q++)
                if (*q != '0' && *q != '.')
                    zero = false;
            if (zero || isnan(val))
                sign_char = 0;
        }
    }
    rp_ssize_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    const char *rest = p + nd;
    rp_ssize_t rest_len = (rp_ssize_t)strlen(rest);
    int lt = f.type == 'n' ? LT_CURRENT : f.thousands;
    rp_obj_t *r = layout_number(&f, sign_char, NULL, 0, p, nd, rest, rest_len, rest_len, lt,
                                false);
    free(num);
    return r;
}

rp_obj_t *rp_format_float(rp_obj_t *x, rp_obj_t *spec)
{
    if (rp_str_len(spec) == 0)
        return rp_obj_str(x);
    return rp_format_double(rp_float_value(x), spec, x);
}

// ---------------------------------------------------------------------
// int

static rp_obj_t *format_long(rp_obj_t *value, const spec_t *f)
{
    if (f->precision != -1)
        return rp_err_format(&rp_exc_ValueError,
                             "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return rp_err_format(&rp_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    if (f->type == 'c') {
        if (f->sign)
            return rp_err_format(&rp_exc_ValueError,
                                 "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return rp_err_format(&rp_exc_ValueError,
                                 "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x = rp_int_as_i64(value);
        if (x == -1 && rp_err_occurred()) {
            if (rp_err_matches(&rp_exc_OverflowError)) {
                rp_err_clear();
                rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C long");
            }
            return NULL;
        }
        if (x < 0 || x > 0x10FFFF)
            return rp_err_format(&rp_exc_OverflowError, "%%c arg not in range(0x110000)");
        char u8[4];
        uint32_t c = (uint32_t)x;
        size_t nb = rp_str_encode_utf8_raw(4, &c, 1, u8);
        return layout_number(f, 0, NULL, 0, "", 0, u8, (rp_ssize_t)nb, 1,
                             f->type == 'n' ? LT_CURRENT : f->thousands, false);
    }
    int base = 10;
    switch (f->type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    default: break;
    }
    rp_obj_t *text = base == 10 ? rp_int_to_decimal(value) : rp_int_to_base(value, base);
    if (text == NULL)
        return NULL;
    const char *s = rp_str_utf8(text, NULL);
    char sign_char = 0;
    if (*s == '-') {
        sign_char = '-';
        s++;
    }
    const char *prefix = NULL;
    rp_ssize_t n_prefix = 0;
    if (base != 10) {
        // rp_int_to_base writes "0x1f"; the prefix shows only with '#'.
        if (s[0] == '0' && (s[1] == 'b' || s[1] == 'o' || s[1] == 'x' || s[1] == 'X')) {
            prefix = s;
            s += 2;
        }
        if (f->alternate) {
            static const char *const pfx[] = {"0b", "0o", "0x"};
            prefix = base == 2 ? pfx[0] : base == 8 ? pfx[1] : pfx[2];
            n_prefix = 2;
        }
    }
    rp_ssize_t nd = (rp_ssize_t)strlen(s);
    rp_obj_t *r = layout_number(f, sign_char, prefix, n_prefix, s, nd, NULL, 0, 0,
                                f->type == 'n' ? LT_CURRENT : f->thousands, f->type == 'X');
    rp_decref(text);
    return r;
}

rp_obj_t *rp_format_int(rp_obj_t *value, rp_obj_t *spec)
{
    if (rp_str_len(spec) == 0) {
        if (rp_int_check_exact(value))
            return rp_int_to_decimal(value);
        return rp_obj_str(value);
    }
    spec_t f;
    if (parse_spec(spec, &f, 'd', '>', value) < 0)
        return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long(value, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = rp_int_as_double(value);
        if (d == -1.0 && rp_err_occurred())
            return NULL;
        // CPython formats float(value) here: errors name the int's type
        // only for unknown codes, which cannot happen past this switch.
        return rp_format_double(d, spec, value);
    }
    default:
        unknown_type(f.type, rp_type_name(value->type));
        return NULL;
    }
}

// ---------------------------------------------------------------------
// format() and the __format__ methods

rp_obj_t *rp_obj_format(rp_obj_t *value, rp_obj_t *spec)
{
    if (spec != NULL && !rp_str_check(spec))
        return rp_err_format(&rp_exc_SystemError, "Format specifier must be a string, not %.200s",
                             rp_type_name(spec->type));
    if (spec == NULL || rp_str_len(spec) == 0) {
        if (rp_str_check_exact(value))
            return rp_newref(value);
        if (rp_int_check_exact(value))
            return rp_int_to_decimal(value);
    }
    if (spec != NULL) {
        if (rp_str_check_exact(value))
            return rp_format_str(value, spec);
        if (rp_int_check_exact(value) || value->type == &rp_type_bool)
            return rp_format_int(value, spec);
        if (value->type == &rp_type_float)
            return rp_format_float(value, spec);
    }
    rp_obj_t *empty = NULL;
    if (spec == NULL)
        spec = empty = rp_str_empty();
    rp_obj_t *r = rp_obj_call_method(value, "__format__", &spec, 1);
    rp_xdecref(empty);
    if (r != NULL && !rp_str_check(r)) {
        rp_err_format(&rp_exc_TypeError, "__format__ must return a str, not %.200s",
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    return r;
}

static int check_format_arg(const char *qual, size_t nargs, rp_obj_t *const *args,
                            rp_obj_t *kwnames)
{
    if (rp_strargs_check(qual, nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return -1;
    if (!rp_str_check(args[0])) {
        rp_err_format(&rp_exc_TypeError, "__format__() argument must be str, not %.200s",
                      args[0] == rp_None ? "None" : rp_type_name(args[0]->type));
        return -1;
    }
    return 0;
}

RP_STR_METHOD(rp_str_m___format__)
{
    if (check_format_arg("str.__format__", nargs, args, kwnames) < 0)
        return NULL;
    return rp_format_str(self, args[0]);
}

rp_obj_t *rp_format_int_method(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (check_format_arg("int.__format__", nargs, args, kwnames) < 0)
        return NULL;
    return rp_format_int(self, args[0]);
}

rp_obj_t *rp_format_float_method(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (check_format_arg("float.__format__", nargs, args, kwnames) < 0)
        return NULL;
    return rp_format_float(self, args[0]);
}
