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
    rp_obj_t *name;         // NameError/AttributeError/ImportError .name, or NULL
    rp_obj_t *obj;          // AttributeError .obj, or NULL
    rp_obj_t *filename2;    // OSError .filename2
    rp_obj_t *path;         // ImportError .path
    // UnicodeDecodeError / UnicodeEncodeError: encoding, object, start,
    // end, reason (start/end stored in `offset`/`end_offset` as ints).
    rp_obj_t *encoding, *object, *reason;
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

// Builtin exception types not declared in errors.h.
extern rp_type_t rp_exc_NotADirectoryError, rp_exc_InterruptedError,
    rp_exc_BlockingIOError, rp_exc_ChildProcessError, rp_exc_ConnectionError,
    rp_exc_BrokenPipeError, rp_exc_ConnectionAbortedError,
    rp_exc_ConnectionRefusedError, rp_exc_ConnectionResetError,
    rp_exc_ProcessLookupError, rp_exc_TimeoutError,
    rp_exc_UnicodeTranslateError, rp_exc_PendingDeprecationWarning,
    rp_exc_FutureWarning, rp_exc_ImportWarning, rp_exc_UnicodeWarning,
    rp_exc_BytesWarning, rp_exc_ResourceWarning, rp_exc_EncodingWarning;

// Every builtin exception type with its builtins name (aliases
// EnvironmentError / IOError included), terminated by {NULL, NULL}: the
// builtins module registers them from this table.
typedef struct rp_exc_table_entry {
    const char *name;
    rp_type_t *type;
} rp_exc_table_entry_t;
extern const rp_exc_table_entry_t rp_exc_table[];

// Raises AttributeError(msg) with .name and .obj set (both borrowed).
void rp_exc_set_attribute_error(rp_obj_t *obj, rp_obj_t *name, const char *msg);
// Raises NameError("name 'x' is not defined") with .name set.
void rp_exc_set_name_error(rp_type_t *type, rp_obj_t *name, const char *msg);
// UnicodeDecodeError(encoding, bytes(data[:len]), start, end, reason)
// (new reference, not raised).
rp_obj_t *rp_exc_new_unicode_decode(const char *encoding, const char *data,
                                    rp_ssize_t len, rp_ssize_t start,
                                    rp_ssize_t end, const char *reason);
// UnicodeEncodeError(encoding, str, start, end, reason) (new reference).
rp_obj_t *rp_exc_new_unicode_encode(const char *encoding, rp_obj_t *str,
                                    rp_ssize_t start, rp_ssize_t end,
                                    const char *reason);
// OSError for a C errno value: OSError(errno, strerror(errno)[, filename])
// mapped to its subclass (ENOENT -> FileNotFoundError ...).  filename may
// be NULL.  Raises it and returns NULL.
rp_obj_t *rp_exc_set_from_errno(int err, rp_obj_t *filename);
// exc.__notes__ (add_note), borrowed list or NULL.
rp_obj_t *rp_exc_notes_borrow(rp_obj_t *exc);

#endif
