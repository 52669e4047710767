// Argument checking for the builtin methods of str and bytes: arity and
// keyword checks with CPython's exact messages (which differ with how
// CPython declares each method), and the integer conversions methods use.
#ifndef RP_STRARGS_H
#define RP_STRARGS_H

#include "object.h"

// How CPython declares the method, which decides the wording of errors.
// qualname is "str.center"; the short name is the part after the dot.
enum {
    // METH_NOARGS: "str.upper() takes no arguments (1 given)".
    RP_STRARGS_NOARGS,
    // METH_O: "str.join() takes exactly one argument (0 given)".
    RP_STRARGS_O,
    // Positional-only Argument Clinic: "center expected at least 1
    // argument, got 0"; keywords: "str.center() takes no keyword arguments".
    RP_STRARGS_CLINIC,
    // PyArg_ParseTuple: "find() takes at least 1 argument (0 given)";
    // keywords: "find() takes no keyword arguments".
    RP_STRARGS_TUPLE,
};

// Checks min <= nargs <= max and the absence of keywords.  0 / -1 with
// TypeError set.
int rp_strargs_check(const char *qualname, size_t nargs, rp_obj_t *kwnames,
                     int min, int max, int style);

// Binds positional and keyword arguments to the parameters kwlist[0..max)
// (out[i] borrowed, NULL when not given).  The first min are required.
// Messages as CPython's keyword parser: "split() takes at most 2
// arguments (3 given)", "'x' is an invalid keyword argument for split()",
// "argument for split() given by name ('sep') and position (1)",
// "decode() missing required argument 'encoding' (pos 1)".  0 / -1.
int rp_strargs_parse(const char *qualname, rp_obj_t *const *args, size_t nargs,
                     rp_obj_t *kwnames, const char *const *kwlist, int min,
                     int max, rp_obj_t **out);

// An argument used as a C ssize_t (Argument Clinic's Py_ssize_t
// converter): ints and objects with __index__; TypeError "'str' object
// cannot be interpreted as an integer", OverflowError "Python int too
// large to convert to C ssize_t".  -1 with an exception set on error
// (check rp_err_occurred()).
rp_ssize_t rp_strargs_ssize(rp_obj_t *o);
// A slice bound as find()/count() take it: None keeps *out unchanged,
// integers are clamped to the ssize_t range; TypeError "slice indices
// must be integers or None or have an __index__ method".  0 / -1.
int rp_strargs_slice_index(rp_obj_t *o, rp_ssize_t *out);
// Clamps start/end like CPython's ADJUST_INDICES for a sequence of
// length len (negative values count from the end).
void rp_strargs_adjust(rp_ssize_t *start, rp_ssize_t *end, rp_ssize_t len);
// A str argument as a C string (its UTF-8 form); TypeError "%s() argument
// '%s' must be str, not int" naming fname and param.  NULL on error.
const char *rp_strargs_cstr(rp_obj_t *o, const char *fname, const char *param);

#endif
