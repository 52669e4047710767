// Argument checking for the builtin methods of str and bytes, with the
// wording CPython uses for each way a method can be declared.
#include <string.h>

#include "objects/strargs.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

static const char *short_name(const char *qualname)
{
    const char *dot = strrchr(qualname, '.');
    return dot ? dot + 1 : qualname;
}

static const char *plural(int n)
{
    return n == 1 ? "" : "s";
}

int rp_strargs_check(const char *qualname, size_t nargs, rp_obj_t *kwnames,
                     int min, int max, int style)
{
    if ((kwnames == NULL || rp_tuple_len(kwnames) == 0) && (int)nargs >= min &&
        nargs <= (size_t)max)
        return 0;
    const char *name = short_name(qualname);
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        if (style == RP_STRARGS_TUPLE)
            rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", name);
        else
            rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    switch (style) {
    case RP_STRARGS_NOARGS:
        rp_err_format(&rp_exc_TypeError, "%s() takes no arguments (%zu given)",
                      qualname, nargs);
        break;
    case RP_STRARGS_O:
        rp_err_format(&rp_exc_TypeError,
                      "%s() takes exactly one argument (%zu given)", qualname, nargs);
        break;
    case RP_STRARGS_CLINIC:
        if ((int)nargs < min)
            rp_err_format(&rp_exc_TypeError, "%s expected at least %d argument%s, got %zu",
                          name, min, plural(min), nargs);
        else
            rp_err_format(&rp_exc_TypeError, "%s expected at most %d argument%s, got %zu",
                          name, max, plural(max), nargs);
        break;
    default:
        if (min == max)
            rp_err_format(&rp_exc_TypeError, "%s() takes exactly %d argument%s (%zu given)",
                          name, min, plural(min), nargs);
        else if ((int)nargs < min)
            rp_err_format(&rp_exc_TypeError, "%s() takes at least %d argument%s (%zu given)",
                          name, min, plural(min), nargs);
        else
            rp_err_format(&rp_exc_TypeError, "%s() takes at most %d argument%s (%zu given)",
                          name, max, plural(max), nargs);
        break;
    }
    return -1;
}

int rp_strargs_parse(const char *qualname, rp_obj_t *const *args, size_t nargs,
                     rp_obj_t *kwnames, const char *const *kwlist, int min,
                     int max, rp_obj_t **out)
{
    rp_ssize_t nkw = kwnames ? rp_tuple_len(kwnames) : 0;
    if (nkw == 0 && (int)nargs >= min && nargs <= (size_t)max) {
        for (int i = 0; i < max; i++)
            out[i] = i < (int)nargs ? args[i] : NULL;
        return 0;
    }
    const char *name = short_name(qualname);
    if ((rp_ssize_t)nargs + nkw > max) {
        rp_err_format(&rp_exc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                      name, max, plural(max), (rp_ssize_t)nargs + nkw);
        return -1;
    }
    for (int i = 0; i < max; i++)
        out[i] = i < (int)nargs ? args[i] : NULL;
    for (rp_ssize_t k = 0; k < nkw; k++) {
        rp_obj_t *key = rp_tuple_get_borrow(kwnames, k);
        int found = -1;
        for (int i = 0; i < max; i++) {
            if (rp_str_eq_cstr(key, kwlist[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            rp_err_format(&rp_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                          key, name);
            return -1;
        }
        if (found < (int)nargs) {
            rp_err_format(&rp_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%d)",
                          name, kwlist[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < min; i++) {
        if (out[i] == NULL) {
            rp_err_format(&rp_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          name, kwlist[i], i + 1);
            return -1;
        }
    }
    return 0;
}

// The int behind o: o itself for ints (new reference), o.__index__()
// otherwise; NULL + TypeError when o has no __index__.
static rp_obj_t *as_index(rp_obj_t *o)
{
    if (rp_int_check(o))
        return rp_newref(o);
    if (o->type->index == NULL) {
        rp_err_format(&rp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      rp_type_name(o->type));
        return NULL;
    }
    return rp_number_index(o);
}

rp_ssize_t rp_strargs_ssize(rp_obj_t *o)
{
    if (rp_int_check(o) && rp_int_is_small(o)) {
        int64_t v = rp_int_small_value(o);
        if (v >= PTRDIFF_MIN && v <= PTRDIFF_MAX)
            return (rp_ssize_t)v;
    }
    rp_obj_t *i = as_index(o);
    if (i == NULL)
        return -1;
    rp_ssize_t v = rp_int_as_ssize(i);
    rp_decref(i);
    if (v == -1 && rp_err_occurred() && rp_err_matches(&rp_exc_OverflowError)) {
        rp_err_clear();
        rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return v;
}

int rp_strargs_slice_index(rp_obj_t *o, rp_ssize_t *out)
{
    if (o == NULL || o == rp_None)
        return 0;
    if (rp_int_check(o) && rp_int_is_small(o)) {
        *out = (rp_ssize_t)rp_int_small_value(o);
        return 0;
    }
    if (!rp_int_check(o) && o->type->index == NULL) {
        rp_err_set(&rp_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    rp_obj_t *i = as_index(o);
    if (i == NULL)
        return -1;
    rp_ssize_t v = rp_int_as_ssize(i);
    if (v == -1 && rp_err_occurred()) {
        if (!rp_err_matches(&rp_exc_OverflowError)) {
            rp_decref(i);
            return -1;
        }
        rp_err_clear();
        v = rp_int_sign(i) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    }
    rp_decref(i);
    *out = v;
    return 0;
}

void rp_strargs_adjust(rp_ssize_t *start, rp_ssize_t *end, rp_ssize_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

const char *rp_strargs_cstr(rp_obj_t *o, const char *fname, const char *param)
{
    if (!rp_str_check(o)) {
        rp_err_format(&rp_exc_TypeError, "%s() argument '%s' must be str, not %s",
                      fname, param, rp_type_name(o->type));
        return NULL;
    }
    return rp_str_utf8(o, NULL);
}
