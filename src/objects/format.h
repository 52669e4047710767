// The format mini-language (format(value, spec), str.__format__,
// int.__format__, float.__format__), str.format/format_map and the
// %-operator of str.  rp_obj_format and rp_str_percent_format are
// declared in str.h.
#ifndef RP_FORMAT_H
#define RP_FORMAT_H

#include "object.h"
#include "str.h"

// format(s, spec) for a str s: [[fill]align][0][width][.precision][s].
// spec is a str.  Errors as CPython ("Sign not allowed in string format
// specifier", "Unknown format code 'x' for object of type 'str'").
// New reference or NULL.
rp_obj_t *rp_format_str(rp_obj_t *s, rp_obj_t *spec);
// format(i, spec) for an int (or bool): types b c d o x X n, the float
// types (via float(i)), grouping with ',' and '_', sign, '#', '=' and
// zero padding; "Precision not allowed in integer format specifier".
rp_obj_t *rp_format_int(rp_obj_t *i, rp_obj_t *spec);
// format(f, spec) for a float: types e E f F g G n % and none (repr-like,
// at least one digit after the point when a precision is given).
rp_obj_t *rp_format_float(rp_obj_t *f, rp_obj_t *spec);
// The same for a C double: what float.__format__ does for value v.
rp_obj_t *rp_format_double(double v, rp_obj_t *spec, rp_obj_t *obj_for_errors);

// Ready-made __format__ methods for the method tables of int and float
// (objects/int.c, objects/float.c): check the single str argument with
// CPython's messages ("int.__format__() takes exactly one argument (0
// given)", "__format__() argument must be str, not int"), then format.
rp_obj_t *rp_format_int_method(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames);
rp_obj_t *rp_format_float_method(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames);

// str.format(*args, **kwargs) with args a tuple and kwargs a dict (either
// may be NULL), and str.format_map(mapping) (args NULL, kwargs any
// mapping).  New reference or NULL.
rp_obj_t *rp_str_format(rp_obj_t *fmt, rp_obj_t *args, rp_obj_t *kwargs);

#endif
