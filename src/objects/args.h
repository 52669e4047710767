// Argument checking and parsing for builtin functions and methods
// (vectorcall convention: args[0..nargs) then keyword values).
#ifndef RP_ARGS_H
#define RP_ARGS_H

#include "object.h"
#include "tuple.h"

// Checks min <= nargs <= max (max < 0: unbounded) with CPython's
// "name expected at least 1 argument, got 0" wording.  0 / -1.
int rp_arg_count(const char *name, size_t nargs, size_t min, rp_ssize_t max);
// For METH_O-style functions: "len() takes exactly one argument (2 given)".
int rp_arg_exactly_one(const char *name, size_t nargs);
// "len() takes no keyword arguments" when kwnames is non-empty.  0 / -1.
int rp_arg_no_kw(const char *name, rp_obj_t *kwnames);

// General parser.  kwlist names every parameter in order (NULL-
// terminated); the first npos_only may only be passed positionally, and
// parameters from index kwonly_from on (kwonly_from < 0: none) only by
// keyword.  The first nrequired are required.  out[i] receives a
// BORROWED reference or NULL when not given.  Errors as CPython's
// argument clinic: "f() got an unexpected keyword argument 'x'",
// "f() missing required argument 'x' (pos 1)", "f() takes at most 2
// arguments (3 given)", "argument for f() given by name ('x') and
// position (1)".  0 / -1.
int rp_arg_parse(const char *fname, rp_obj_t *const *args, size_t nargs,
                 rp_obj_t *kwnames, const char *const *kwlist, int npos_only,
                 int kwonly_from, int nrequired, rp_obj_t **out);

// Number of keyword arguments in a vectorcall.
size_t rp_arg_nkw(rp_obj_t *kwnames);

// CPython 3.11's argument parser of a builtin (Argument Clinic's
// _PyArg_Parser) builds the tuple of its keyword parameter names the
// first time the builtin is called with keyword arguments (print: at its
// first call at all) and keeps it.  refpy has no such tuple; it counts
// one at the same point (rp_tuple_note_permanent).  done: a static flag
// of the builtin; n: how many of its parameters accept keywords.
static inline void rp_arg_note_kwtuple(bool *done, rp_ssize_t n)
{
    if (!*done) {
        *done = true;
        rp_tuple_note_permanent(n);
    }
}

#endif
