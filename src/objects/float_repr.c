// float -> text: the shortest round-trip repr (CPython's 'short' float
// repr style) and rp_double_to_string, CPython's PyOS_double_to_string
// for the e/f/g/r presentation types.
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/float.h"

// Shortest decimal digits that round-trip to v (v finite, > 0): fills
// digits (no trailing zeros, NUL-terminated) and returns decpt, the
// position of the decimal point relative to the digits (value =
// 0.d1d2... * 10**decpt).  The correctly rounded p-digit decimal
// round-trips for every p above the minimum.  A double carries 15.95
// decimal digits, so when some string of k <= 15 digits round-trips, the
// 15-digit rounding of v is that string padded with zeros (the two are
// closer than half a unit in the 15th digit): 15, 16 and 17 digits are
// the only lengths to try, most values needing one conversion each way.
// Subnormals carry fewer digits: a binary search over 1..17 finds theirs.
static int shortest_digits(double v, char *digits)
{
    char buf[40];
    if (v >= DBL_MIN) {
        int p = 15;
        for (; p < 17; p++) {
            snprintf(buf, sizeof buf, "%.*e", p - 1, v);
            if (strtod(buf, NULL) == v)
                break;
        }
        if (p == 17)
            snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    } else {
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            snprintf(buf, sizeof buf, "%.*e", mid - 1, v);
            if (strtod(buf, NULL) == v)
                hi = mid;
            else
                lo = mid + 1;
        }
        snprintf(buf, sizeof buf, "%.*e", lo - 1, v);
    }
    // buf: d[.ddd]e[+-]XX
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    int n = 0;
    for (char *p = buf; p < e; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return exp10 + 1;
}

// Lays out digits/decpt as CPython's format_float_short does for repr.
static size_t layout_short(char *out, bool neg, const char *digits, int decpt,
                           bool add_dot_0, int sign_flags)
{
    char *p = out;
    if (neg)
        *p++ = '-';
    else if (sign_flags & RP_FMT_SIGN)
        *p++ = '+';
    else if (sign_flags & RP_FMT_SPACE)
        *p++ = ' ';
    int n = (int)strlen(digits);
    if (decpt <= -4 || decpt > 16) {
        *p++ = digits[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)n - 1);
            p += n - 1;
        }
        int e = decpt - 1;
        p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -decpt; i++)
            *p++ = '0';
        memcpy(p, digits, (size_t)n);
        p += n;
    } else if (decpt < n) {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(n - decpt));
        p += n - decpt;
    } else {
        memcpy(p, digits, (size_t)n);
        p += n;
        for (int i = n; i < decpt; i++)
            *p++ = '0';
        if (add_dot_0) {
            *p++ = '.';
            *p++ = '0';
        }
    }
    *p = '\0';
    return (size_t)(p - out);
}

static size_t special_text(char *out, double v, bool upper, int flags)
{
    char *p = out;
    if (isinf(v) && v < 0)
        *p++ = '-';
    else if (flags & RP_FMT_SIGN)
        *p++ = '+';
    else if (flags & RP_FMT_SPACE)
        *p++ = ' ';
    const char *w = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    strcpy(p, w);
    return (size_t)(p - out) + 3;
}

static size_t repr_into(double v, char *buf, int flags)
{
    if (!isfinite(v))
        return special_text(buf, v, false, flags);
    bool neg = signbit(v) != 0;
    if (v == 0) {
        char *p = buf;
        if (neg)
            *p++ = '-';
        else if (flags & RP_FMT_SIGN)
            *p++ = '+';
        else if (flags & RP_FMT_SPACE)
            *p++ = ' ';
        strcpy(p, (flags & RP_FMT_ADD_DOT_0) ? "0.0" : "0");
        return strlen(buf);
    }
    char digits[24];
    int decpt = shortest_digits(fabs(v), digits);
    return layout_short(buf, neg, digits, decpt, (flags & RP_FMT_ADD_DOT_0) != 0, flags);
}

void rp_float_repr_buf(double v, char *buf, size_t size)
{
    char tmp[40];
    repr_into(v, tmp, RP_FMT_ADD_DOT_0);
    snprintf(buf, size, "%s", tmp);
}

// '%g' done by hand from '%e' and '%f': glibc's "%#g" loses the trailing
// zeros when rounding carries into a new exponent (999999.9 gives "1.e+06",
// CPython "1.00000e+06").  Returns malloc'd text or NULL.
static char *g_to_string(double v, bool upper, int precision, int flags)
{
    int p = precision == 0 ? 1 : precision;
    char sign[2] = {0, 0};
    if (flags & RP_FMT_SIGN)
        sign[0] = '+';
    else if (flags & RP_FMT_SPACE)
        sign[0] = ' ';
    int n = snprintf(NULL, 0, "%s%.*e", sign, p - 1, v);
    if (n < 0)
        return NULL;
    // Room for the %f form too: at most p digits, a point, a sign and
    // four leading zeros ("0.0001"), plus ".0" for ADD_DOT_0.
    size_t cap = (size_t)n + (size_t)p + 16;
    char *out = malloc(cap);
    if (out == NULL)
        return NULL;
    snprintf(out, cap, "%s%.*e", sign, p - 1, v);
    char *e = strchr(out, 'e');
    int x = e ? atoi(e + 1) : 0;
    if (x >= -4 && x < p) {
        snprintf(out, cap, "%s%.*f", sign, p - 1 - x, v);
        e = out + strlen(out);
    }
    if (!(flags & RP_FMT_ALT)) {
        char *dot = memchr(out, '.', (size_t)(e - out));
        if (dot != NULL) {
            char *q = e;
            while (q > dot + 1 && q[-1] == '0')
                q--;
            if (q == dot + 1)
                q = dot;
            memmove(q, e, strlen(e) + 1);
            e = q;
        }
    } else if (memchr(out, '.', (size_t)(e - out)) == NULL) {
        memmove(e + 1, e, strlen(e) + 1);
        *e++ = '.';
    }
    if (upper && *e == 'e')
        *e = 'E';
    if ((flags & RP_FMT_ADD_DOT_0) && !strpbrk(out, ".eE"))
        strcat(out, ".0");
    return out;
}

char *rp_double_to_string(double v, char type, int precision, int flags)
{
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (type == 'r' || type == 'R') {
        char *out = malloc(40);
        if (out)
            repr_into(v, out, flags);
        return out;
    }
    if (!isfinite(v)) {
        char *out = malloc(8);
        if (out)
            special_text(out, v, upper, flags);
        return out;
    }
    if (precision < 0)
        precision = 6;
    if (type == 'g' || type == 'G')
        return g_to_string(v, upper, precision, flags);
    char fmt[16], *f = fmt;
    *f++ = '%';
    if (flags & RP_FMT_SIGN)
        *f++ = '+';
    else if (flags & RP_FMT_SPACE)
        *f++ = ' ';
    if (flags & RP_FMT_ALT)
        *f++ = '#';
    *f++ = '.';
    *f++ = '*';
    char lower = (char)(type | 0x20);
    if (lower != 'e' && lower != 'f' && lower != 'g')
        lower = 'g';
    *f++ = upper ? (char)(lower - 32) : lower;
    *f = '\0';
    char small[64];
    int n = snprintf(small, sizeof small, fmt, precision, v);
    if (n < 0)
        return NULL;
    char *out = malloc((size_t)n + 3);
    if (!out)
        return NULL;
    if ((size_t)n < sizeof small)
        memcpy(out, small, (size_t)n + 1);
    else
        snprintf(out, (size_t)n + 1, fmt, precision, v);
    if ((flags & RP_FMT_ADD_DOT_0) && lower == 'g' && !strpbrk(out, ".eE")) {
        out[n] = '.';
        out[n + 1] = '0';
        out[n + 2] = '\0';
    }
    return out;
}
