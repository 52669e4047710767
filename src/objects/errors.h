// The pending exception: raising, testing, fetching and restoring it.
// Exceptions are always stored normalised (an exception instance whose
// __traceback__ collects entries as frames unwind).
#ifndef RP_ERRORS_H
#define RP_ERRORS_H

#include <stdarg.h>
#include "object.h"

// Exception types (objects/exc.c).  Each is a static rp_type_t whose
// instances are rp_exc_t.
extern rp_type_t rp_exc_BaseException, rp_exc_SystemExit,
    rp_exc_KeyboardInterrupt, rp_exc_GeneratorExit, rp_exc_Exception,
    rp_exc_StopIteration, rp_exc_ArithmeticError, rp_exc_ZeroDivisionError,
    rp_exc_OverflowError, rp_exc_FloatingPointError, rp_exc_AssertionError,
    rp_exc_AttributeError, rp_exc_BufferError, rp_exc_EOFError,
    rp_exc_ImportError, rp_exc_ModuleNotFoundError, rp_exc_LookupError,
    rp_exc_IndexError, rp_exc_KeyError, rp_exc_MemoryError, rp_exc_NameError,
    rp_exc_UnboundLocalError, rp_exc_OSError, rp_exc_FileNotFoundError,
    rp_exc_FileExistsError, rp_exc_IsADirectoryError,
    rp_exc_PermissionError, rp_exc_ReferenceError, rp_exc_RuntimeError,
    rp_exc_NotImplementedError, rp_exc_RecursionError, rp_exc_SyntaxError,
    rp_exc_IndentationError, rp_exc_TabError, rp_exc_SystemError,
    rp_exc_TypeError, rp_exc_ValueError, rp_exc_UnicodeError,
    rp_exc_UnicodeDecodeError, rp_exc_UnicodeEncodeError, rp_exc_Warning,
    rp_exc_SyntaxWarning, rp_exc_DeprecationWarning, rp_exc_RuntimeWarning,
    rp_exc_UserWarning, rp_exc_StopAsyncIteration;

// Sets the pending exception to type(msg).  msg is UTF-8.
void rp_err_set(rp_type_t *type, const char *msg);
// Like rp_err_set with a printf-style message.  Besides the C
// conversions (%s %d %i %u %ld %lu %lld %zd %zu %x %c %p %%, widths and
// precision like %.200s) it understands %R (repr of an rp_obj_t *),
// %S (str of an rp_obj_t *) and %T (type name of an rp_obj_t *).
// Always returns NULL so callers can `return rp_err_format(...)`.
rp_obj_t *rp_err_format(rp_type_t *type, const char *fmt, ...);
rp_obj_t *rp_err_vformat(rp_type_t *type, const char *fmt, va_list ap);
// Raises an existing exception instance, or a class (instantiated with
// no arguments).  Borrowed argument.
void rp_err_set_object(rp_obj_t *exc_or_type);
// Raises type(value): value is the single constructor argument
// (KeyError(key), StopIteration(value)).
void rp_err_set_value(rp_type_t *type, rp_obj_t *value);
// MemoryError (preallocated instance: works when memory is exhausted).
rp_obj_t *rp_err_nomemory(void);

// For long loops in C (a range iterated by sum(), `in`, max()...): 0, or
// -1 with KeyboardInterrupt set when Ctrl-C (or the fuzzing harness's
// budget) is pending.  Implemented by the VM (vm/interp.c).
int rp_err_poll_signals(void);
// Releases the preallocated MemoryError (at finalisation; the next
// rp_err_nomemory makes a new one).
void rp_err_fini(void);
// Wrong arg errors: rp_err_bad_internal_call for states that should be
// impossible in correct callers (SystemError).
rp_obj_t *rp_err_bad_internal_call(const char *where);

// The pending exception's type, borrowed, or NULL if none.
rp_type_t *rp_err_occurred(void);
// 1 if an exception is pending and is an instance of type (or subtype).
bool rp_err_matches(rp_type_t *type);
// Returns the pending exception (new reference) and clears it; NULL if
// none is pending.
rp_obj_t *rp_err_fetch(void);
// Makes exc_take the pending exception (steals the reference; NULL
// clears).
void rp_err_restore(rp_obj_t *exc_take);
void rp_err_clear(void);

// The exception being handled (sys.exc_info()[1], bare `raise`, implicit
// chaining via __context__).  Borrowed; may be NULL.  The VM maintains
// a stack of handled exceptions per frame; these are its accessors.
rp_obj_t *rp_err_handled_borrow(void);

// Prints exc with its traceback to stderr as CPython does (chained
// causes/contexts included).  Implemented by vm/traceback.c.
void rp_err_print_exception(rp_obj_t *exc);
// Fetches and prints the pending exception.
void rp_err_print(void);
// "Exception ignored in: <repr of obj>" + traceback of the pending
// exception (cleared), as in __del__ failures.
void rp_err_write_unraisable(rp_obj_t *obj);

#endif
