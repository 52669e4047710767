// The pending exception.  It is always an exception instance (normalised
// at raise time); tracebacks accumulate on it as frames unwind.
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exc.h"
#include "str.h"
#include "typeobj.h"

static rp_obj_t *pending;          // owned, or NULL
static rp_obj_t *memory_error;     // preallocated MemoryError, owned

// Instantiates an exception class with the given arguments.  Returns a
// new reference; on failure the exception raised while instantiating.
static rp_obj_t *instantiate(rp_type_t *type, rp_obj_t *const *args, size_t n)
{
    // Reporting a bad instance instantiates TypeError, which can itself
    // come back wrong while the builtin types are not all ready (an
    // allocation failing at start-up): report once, not recursively.
    static bool reporting;
    rp_obj_t *exc = rp_obj_call(RP_OBJ(type), args, n, NULL);
    if (exc && !rp_exc_check(exc)) {
        rp_obj_t *bad = exc;
        if (reporting) {
            rp_decref(bad);
            return NULL;
        }
        reporting = true;
        exc = rp_err_format(&rp_exc_TypeError,
                            "calling %R should have returned an instance of "
                            "BaseException, not %T", RP_OBJ(type), bad);
        reporting = false;
        rp_decref(bad);
    }
    return exc;
}

static void set_pending_take(rp_obj_t *exc)
{
    rp_obj_t *old = pending;
    pending = exc;
    rp_xdecref(old);
}

void rp_err_set_value(rp_type_t *type, rp_obj_t *value)
{
    // Instantiating a builtin exception type runs no user code, so it only
    // raises in turn when the runtime itself is broken: out of memory, or
    // the types not yet ready at start-up.  Raising from there nests
    // without end; past a few levels, fall back on the preallocated
    // MemoryError (or on nothing, before it exists).
    static int builtin_depth;
    bool builtin = !(type->flags & RP_TPFLAG_HEAPTYPE);
    if (builtin && builtin_depth >= 3) {
        if (memory_error) {
            rp_exc_t *e = (rp_exc_t *)memory_error;
            rp_clear(&e->traceback);
            rp_clear(&e->context);
            set_pending_take(rp_newref(memory_error));
        }
        return;
    }
    builtin_depth += builtin;
    rp_obj_t *exc = instantiate(type, &value, value ? 1 : 0);
    builtin_depth -= builtin;
    if (!exc) {
        // The failure to instantiate is now pending (it was raised inside).
        if (!pending)
            rp_err_nomemory();
        return;
    }
    set_pending_take(exc);
}

void rp_err_set(rp_type_t *type, const char *msg)
{
    rp_obj_t *s = rp_str_from_cstr(msg);
    if (!s) {
        rp_err_nomemory();
        return;
    }
    rp_err_set_value(type, s);
    rp_decref(s);
}

rp_obj_t *rp_err_vformat(rp_type_t *type, const char *fmt, va_list ap)
{
    rp_obj_t *s = rp_str_from_vformat(fmt, ap);
    if (!s)
        return NULL;
    rp_err_set_value(type, s);
    rp_decref(s);
    return NULL;
}

rp_obj_t *rp_err_format(rp_type_t *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

void rp_err_set_object(rp_obj_t *exc_or_type)
{
    if (rp_type_check(exc_or_type) &&
        rp_type_has_flag((rp_type_t *)exc_or_type, RP_TPFLAG_BASE_EXC_SUBCLASS)) {
        rp_err_set_value((rp_type_t *)exc_or_type, NULL);
        return;
    }
    if (rp_exc_check(exc_or_type)) {
        set_pending_take(rp_newref(exc_or_type));
        return;
    }
    rp_err_set(&rp_exc_TypeError, "exceptions must derive from BaseException");
}

rp_obj_t *rp_err_nomemory(void)
{
    // Creating the instance may itself run out of memory and land here
    // again: the nested call leaves the outer one to fall back on the
    // preallocated instance (or on nothing pending, at start-up).
    static bool busy;
    if (busy)
        return NULL;
    busy = true;
    if (!memory_error)
        memory_error = rp_obj_call(RP_OBJ(&rp_exc_MemoryError), NULL, 0, NULL);
    // A fresh instance when memory allows, so tracebacks do not pile up on
    // the shared one.
    rp_obj_t *exc = memory_error ? rp_obj_call(RP_OBJ(&rp_exc_MemoryError), NULL, 0, NULL) : NULL;
    busy = false;
    if (!exc && !memory_error) {
        rp_err_clear();
        return NULL;
    }
    if (!exc) {
        rp_exc_t *e = (rp_exc_t *)memory_error;
        rp_clear(&e->traceback);
        rp_clear(&e->context);
        exc = rp_newref(memory_error);
    }
    set_pending_take(exc);
    return NULL;
}

void rp_err_fini(void)
{
    rp_clear(&memory_error);
}

rp_obj_t *rp_err_bad_internal_call(const char *where)
{
    return rp_err_format(&rp_exc_SystemError, "bad argument to internal function (%s)", where);
}

rp_type_t *rp_err_occurred(void)
{
    return pending ? RP_TYPE(pending) : NULL;
}

bool rp_err_matches(rp_type_t *type)
{
    return pending && rp_obj_is_instance_of(pending, type);
}

rp_obj_t *rp_err_fetch(void)
{
    rp_obj_t *exc = pending;
    pending = NULL;
    return exc;
}

void rp_err_restore(rp_obj_t *exc_take)
{
    set_pending_take(exc_take);
}

void rp_err_clear(void)
{
    set_pending_take(NULL);
}
