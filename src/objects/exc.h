// Exception objects: BaseException and the builtin hierarchy (the type
// objects are declared in errors.h), with args, __cause__, __context__,
// __traceback__, and the extra fields of SyntaxError, StopIteration,
// SystemExit, OSError, KeyError-style str().
#ifndef RP_EXC_H
#define RP_EXC_H

#include "object.h"
#include "errors.h"

typedef struct rp_exc {
    rp_obj_t ob;
    rp_obj_t *dict;         // instance __dict__ (user subclasses), or NULL
    rp_obj_t *args;         // tuple
    rp_obj_t *traceback;    // rp_traceback_t chain or NULL
    rp_obj_t *context;      // __context__ or NULL
    rp_obj_t *cause;        // __cause__ or NULL
    bool suppress_context;
    // SyntaxError: msg, filename, lineno, offset, text, end_lineno,
    // end_offset; StopIteration / SystemExit: value / code in `value`;
    // OSError: errno, strerror, filename.
    rp_obj_t *value;
    rp_obj_t *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    rp_obj_t *err_no, *strerror;
    rp_obj_t *name;         // NameError/AttributeError .name, or NULL
} rp_exc_t;

// A traceback entry: one frame's position, most recent last in the
// chain as CPython prints it (tb_next points toward the raise site).
typedef struct rp_traceback {
    rp_obj_t ob;
    rp_obj_t *next;         // rp_traceback_t or NULL
    rp_obj_t *code;         // rp_code_t of the frame
    int lineno;
    int lasti;
} rp_traceback_t;

extern rp_type_t rp_type_traceback;

static inline bool rp_exc_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_BASE_EXC_SUBCLASS);
}

// Creates type(*args) for an exception type with one str argument.
rp_obj_t *rp_exc_new_msg(rp_type_t *type, const char *msg);
// Prepends a traceback entry for (code, lineno) to exc.__traceback__.
int rp_exc_add_traceback(rp_obj_t *exc, rp_obj_t *code, int lineno, int lasti);
// Sets exc.__context__ (taken) unless it would create a cycle (CPython's
// _PyErr_SetObject loop breaking).
void rp_exc_set_context_take(rp_obj_t *exc, rp_obj_t *context);
void rp_exc_set_cause_take(rp_obj_t *exc, rp_obj_t *cause);
// The SyntaxError for a parse error: type is SyntaxError/IndentationError.
rp_obj_t *rp_exc_new_syntax(rp_type_t *type, const char *msg, rp_obj_t *filename,
                            int lineno, int offset, const char *text,
                            int end_lineno, int end_offset);
// Startup: readies every exception type.
int rp_exc_init(void);

#endif
