// Argument checking and parsing for builtin functions and methods.
#include <string.h>

#include "args.h"
#include "errors.h"
#include "str.h"
#include "tuple.h"

size_t rp_arg_nkw(rp_obj_t *kwnames)
{
    return kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
}

int rp_arg_count(const char *name, size_t nargs, size_t min, rp_ssize_t max)
{
    if (nargs < min) {
        rp_err_format(&rp_exc_TypeError, "%s expected %s%zu argument%s, got %zu",
                      name, (max < 0 || (size_t)max != min) ? "at least " : "",
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > (size_t)max) {
        rp_err_format(&rp_exc_TypeError, "%s expected %s%zd argument%s, got %zu",
                      name, (size_t)max != min ? "at most " : "",
                      max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int rp_arg_exactly_one(const char *name, size_t nargs)
{
    if (nargs != 1) {
        rp_err_format(&rp_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                      name, nargs);
        return -1;
    }
    return 0;
}

int rp_arg_no_kw(const char *name, rp_obj_t *kwnames)
{
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

int rp_arg_parse(const char *fname, rp_obj_t *const *args, size_t nargs,
                 rp_obj_t *kwnames, const char *const *kwlist, int npos_only,
                 int kwonly_from, int nrequired, rp_obj_t **out)
{
    int nparams = 0;
    while (kwlist[nparams])
        nparams++;
    int maxpos = kwonly_from >= 0 ? kwonly_from : nparams;
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;
    if (nargs > (size_t)maxpos) {
        if (maxpos == 0)
            rp_err_format(&rp_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            rp_err_format(&rp_exc_TypeError, "%s() takes at most %d argument%s (%zu given)",
                          fname, maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    size_t nkw = rp_arg_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        const char *ks = rp_str_utf8(kn, NULL);
        if (!ks)
            return -1;
        int found = -1;
        for (int i = npos_only; i < nparams; i++) {
            if (strcmp(kwlist[i], ks) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            rp_err_format(&rp_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                          fname, ks);
            return -1;
        }
        if (out[found]) {
            rp_err_format(&rp_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%d)",
                          fname, ks, found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            if (i < maxpos)
                rp_err_format(&rp_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                              fname, kwlist[i], i + 1);
            else
                rp_err_format(&rp_exc_TypeError, "%s() missing required argument '%s'",
                              fname, kwlist[i]);
            return -1;
        }
    }
    return 0;
}
