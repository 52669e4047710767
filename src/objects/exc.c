// Exception objects: BaseException (args, __traceback__, __context__,
// __cause__, notes) and the builtin hierarchy with the extra behaviour of
// StopIteration, SystemExit, ImportError, OSError, SyntaxError, KeyError,
// NameError/AttributeError and the Unicode errors; the traceback type.
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "object.h"
#include "errors.h"
#include "exc.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "bytes.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "code.h"
#include "args.h"
#include "memory/gc.h"

#define EXC(o) ((rp_exc_t *)(o))

// Every owned reference of rp_exc_t, for dealloc/traverse/clear.
#define EXC_FIELDS(X) \
    X(dict) X(args) X(traceback) X(context) X(cause) X(value) X(msg) \
    X(filename) X(lineno) X(offset) X(text) X(end_lineno) X(end_offset) \
    X(err_no) X(strerror) X(name) X(obj) X(filename2) X(path) X(encoding) \
    X(object) X(reason)

static rp_obj_t *none_ref(void) { return rp_newref(rp_None); }
static rp_obj_t *or_none(rp_obj_t *o) { return rp_newref(o ? o : rp_None); }

static bool no_keywords(rp_obj_t *self, rp_obj_t *kwnames)
{
    if (!kwnames || rp_tuple_len(kwnames) == 0)
        return true;
    rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments",
                  rp_type_short_name(self->type));
    return false;
}

// Sets self.args to args[0..nargs) unless it already holds them.
static int set_args(rp_exc_t *self, rp_obj_t *const *args, size_t nargs)
{
    if (self->args && (size_t)rp_tuple_len(self->args) == nargs) {
        size_t i;
        for (i = 0; i < nargs; i++)
            if (rp_tuple_get_borrow(self->args, (rp_ssize_t)i) != args[i])
                break;
        if (i == nargs)
            return 0;
    }
    rp_obj_t *t = rp_tuple_from_array(args, (rp_ssize_t)nargs);
    if (!t)
        return -1;
    rp_setref(&self->args, t);
    return 0;
}

// ---------------------------------------------------------------------
// BaseException

static rp_obj_t *BaseException_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    rp_exc_t *self = (rp_exc_t *)rp_type_generic_alloc(type, 0);
    if (!self)
        return NULL;
    self->args = rp_tuple_from_array(args, (rp_ssize_t)nargs);
    if (!self->args) {
        rp_decref(RP_OBJ(self));
        return NULL;
    }
    return RP_OBJ(self);
}

static int BaseException_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (!no_keywords(self, kwnames))
        return -1;
    return set_args(EXC(self), args, nargs);
}

static void exc_dealloc(rp_obj_t *o)
{
    rp_exc_t *e = EXC(o);
    rp_gc_untrack(o);
#define CLEAR(f) rp_clear(&e->f);
    EXC_FIELDS(CLEAR)
#undef CLEAR
    rp_obj_free(o);
}

static int exc_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_exc_t *e = EXC(o);
    int r;
#define VISIT(f) if (e->f && (r = visit(e->f, arg))) return r;
    EXC_FIELDS(VISIT)
#undef VISIT
    return 0;
}

static int exc_clear(rp_obj_t *o)
{
    rp_exc_t *e = EXC(o);
#define CLEAR(f) rp_clear(&e->f);
    EXC_FIELDS(CLEAR)
#undef CLEAR
    return 0;
}

static rp_obj_t *BaseException_str(rp_obj_t *self)
{
    rp_obj_t *args = EXC(self)->args;
    rp_ssize_t n = args ? rp_tuple_len(args) : 0;
    if (n == 0)
        return rp_str_empty();
    if (n == 1)
        return rp_obj_str(rp_tuple_get_borrow(args, 0));
    return rp_obj_str(args);
}

static rp_obj_t *BaseException_repr(rp_obj_t *self)
{
    rp_obj_t *args = EXC(self)->args;
    const char *name = rp_type_short_name(self->type);
    if (args && rp_tuple_len(args) == 1)
        return rp_str_from_format("%s(%R)", name, rp_tuple_get_borrow(args, 0));
    if (!args)
        return rp_str_from_format("%s()", name);
    return rp_str_from_format("%s%R", name, args);
}

static int check_traceback(rp_obj_t *tb)
{
    if (tb == rp_None || tb->type == &rp_type_traceback)
        return 0;
    rp_err_set(&rp_exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
}

static rp_obj_t *exc_with_traceback(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("with_traceback", nargs) < 0 || check_traceback(args[0]) < 0)
        return NULL;
    rp_setref(&EXC(self)->traceback, args[0] == rp_None ? NULL : rp_newref(args[0]));
    return rp_newref(self);
}

static rp_obj_t *exc_add_note(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("add_note", nargs) < 0)
        return NULL;
    rp_obj_t *note = args[0];
    if (!rp_str_check(note))
        return rp_err_format(&rp_exc_TypeError, "note must be a str, not '%s'",
                             rp_type_name(note->type));
    rp_obj_t *dict = rp_obj_dict_borrow(self);
    if (!dict)
        return rp_err_occurred() ? NULL : rp_err_nomemory();
    rp_obj_t *notes = rp_dict_get_str_borrow(dict, RP_ID(__notes__));
    if (!notes) {
        notes = rp_list_new(0);
        if (!notes || rp_dict_set(dict, RP_ID(__notes__), notes) < 0) {
            rp_xdecref(notes);
            return NULL;
        }
        rp_decref(notes);
    }
    if (!rp_list_check(notes))
        return rp_err_format(&rp_exc_TypeError, "Cannot add note: __notes__ is not a list");
    if (rp_list_append(notes, note) < 0)
        return NULL;
    return none_ref();
}

rp_obj_t *rp_exc_notes_borrow(rp_obj_t *exc)
{
    rp_obj_t *d = EXC(exc)->dict;
    return d ? rp_dict_get_str_borrow(d, RP_ID(__notes__)) : NULL;
}

// __setstate__(state): copies a dict state into the instance attributes.
static rp_obj_t *exc_setstate(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (nargs != 1)
        return rp_err_format(&rp_exc_TypeError, "__setstate__() takes exactly one argument (%zu given)",
                             nargs);
    rp_obj_t *state = args[0];
    if (state == rp_None)
        return rp_newref(rp_None);
    if (!rp_dict_check(state))
        return rp_err_format(&rp_exc_TypeError, "state is not a dictionary");
    rp_ssize_t pos = 0;
    rp_obj_t *k, *v;
    while (rp_dict_next(state, &pos, &k, &v))
        if (rp_obj_setattr(self, k, v) < 0)
            return NULL;
    return rp_newref(rp_None);
}

static const rp_method_def_t BaseException_methods[] = {
    {"__setstate__", exc_setstate, 0, NULL},
    {"with_traceback", exc_with_traceback, 0,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL},
};

static rp_obj_t *exc_get_args(rp_obj_t *self)
{
    return or_none(EXC(self)->args);
}

static int exc_set_args(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "args may not be deleted");
        return -1;
    }
    rp_obj_t *t = rp_tuple_from_iterable(value);
    if (!t)
        return -1;
    rp_setref(&EXC(self)->args, t);
    return 0;
}

static rp_obj_t *exc_get_tb(rp_obj_t *self)
{
    return or_none(EXC(self)->traceback);
}

static int exc_set_tb(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (check_traceback(value) < 0)
        return -1;
    rp_setref(&EXC(self)->traceback, value == rp_None ? NULL : rp_newref(value));
    return 0;
}

static rp_obj_t *exc_get_context(rp_obj_t *self)
{
    return or_none(EXC(self)->context);
}

static int exc_set_context(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != rp_None && !rp_exc_check(value)) {
        rp_err_set(&rp_exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    rp_setref(&EXC(self)->context, value == rp_None ? NULL : rp_newref(value));
    return 0;
}

static rp_obj_t *exc_get_cause(rp_obj_t *self)
{
    return or_none(EXC(self)->cause);
}

static int exc_set_cause(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != rp_None && !rp_exc_check(value)) {
        rp_err_set(&rp_exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    EXC(self)->suppress_context = true;
    rp_setref(&EXC(self)->cause, value == rp_None ? NULL : rp_newref(value));
    return 0;
}

static rp_obj_t *exc_get_suppress(rp_obj_t *self)
{
    return rp_bool_from(EXC(self)->suppress_context);
}

static int exc_set_suppress(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (value != rp_True && value != rp_False) {
        rp_err_set(&rp_exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    EXC(self)->suppress_context = value == rp_True;
    return 0;
}

static rp_obj_t *exc_get_dict(rp_obj_t *self)
{
    rp_obj_t *d = rp_obj_dict_borrow(self);
    if (!d)
        return rp_err_occurred() ? NULL : rp_err_nomemory();
    return rp_newref(d);
}

static int exc_set_dict(rp_obj_t *self, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!rp_dict_check(value)) {
        rp_err_set(&rp_exc_TypeError, "__dict__ must be a dictionary");
        return -1;
    }
    rp_setref(&EXC(self)->dict, rp_newref(value));
    return 0;
}

static const rp_getset_def_t BaseException_getsets[] = {
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", exc_get_dict, exc_set_dict, NULL},
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__context__", exc_get_context, exc_set_context, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {NULL},
};

// Generic getter/setter pairs for plain fields (None when unset).
#define FIELD_ACCESSORS(field) \
    static rp_obj_t *get_##field(rp_obj_t *self) { return or_none(EXC(self)->field); } \
    static int set_##field(rp_obj_t *self, rp_obj_t *value) \
    { \
        rp_xincref(value); \
        rp_setref(&EXC(self)->field, value); \
        return 0; \
    }

FIELD_ACCESSORS(value)
FIELD_ACCESSORS(msg)
FIELD_ACCESSORS(filename)
FIELD_ACCESSORS(lineno)
FIELD_ACCESSORS(offset)
FIELD_ACCESSORS(text)
FIELD_ACCESSORS(end_lineno)
FIELD_ACCESSORS(end_offset)
FIELD_ACCESSORS(err_no)
FIELD_ACCESSORS(strerror)
FIELD_ACCESSORS(name)
FIELD_ACCESSORS(obj)
FIELD_ACCESSORS(filename2)
FIELD_ACCESSORS(path)
FIELD_ACCESSORS(encoding)
FIELD_ACCESSORS(object)
FIELD_ACCESSORS(reason)

// ---------------------------------------------------------------------
// StopIteration, SystemExit

static int StopIteration_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0)
        return -1;
    rp_setref(&EXC(self)->value, rp_newref(nargs > 0 ? args[0] : rp_None));
    return 0;
}

static const rp_getset_def_t StopIteration_getsets[] = {
    {"value", get_value, set_value, "generator return value"},
    {NULL},
};

static int SystemExit_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0)
        return -1;
    rp_obj_t *code = nargs == 0 ? rp_None : nargs == 1 ? args[0] : EXC(self)->args;
    rp_setref(&EXC(self)->value, rp_newref(code));
    return 0;
}

static const rp_getset_def_t SystemExit_getsets[] = {
    {"code", get_value, set_value, "exception code"},
    {NULL},
};

// ---------------------------------------------------------------------
// ImportError, NameError, AttributeError: keyword fields

// Takes the keyword arguments named in kw (NULL-terminated) into fields.
static int take_keywords(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames,
                         const char *const *kw, rp_obj_t **const *fields, const char *tname)
{
    if (!kwnames)
        return 0;
    for (rp_ssize_t i = 0; i < rp_tuple_len(kwnames); i++) {
        rp_obj_t *k = rp_tuple_get_borrow(kwnames, i);
        int j;
        for (j = 0; kw[j]; j++)
            if (rp_str_eq_cstr(k, kw[j]))
                break;
        if (!kw[j]) {
            rp_err_format(&rp_exc_TypeError, "%R is an invalid keyword argument for %s()", k, tname);
            return -1;
        }
        rp_obj_t *v = args[nargs + (size_t)i];
        rp_setref(fields[j], v == rp_None && fields[j] != &EXC(self)->name ? NULL : rp_newref(v));
    }
    return 0;
}

static int ImportError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    static const char *const kw[] = { "name", "path", NULL };
    rp_obj_t **fields[] = { &EXC(self)->name, &EXC(self)->path };
    if (set_args(EXC(self), args, nargs) < 0)
        return -1;
    if (take_keywords(self, args, nargs, kwnames, kw, fields, rp_type_short_name(self->type)) < 0)
        return -1;
    rp_setref(&EXC(self)->msg, nargs == 1 ? rp_newref(args[0]) : NULL);
    return 0;
}

static rp_obj_t *ImportError_str(rp_obj_t *self)
{
    rp_obj_t *msg = EXC(self)->msg;
    if (msg && rp_str_check_exact(msg))
        return rp_newref(msg);
    return BaseException_str(self);
}

static const rp_getset_def_t ImportError_getsets[] = {
    {"msg", get_msg, set_msg, "exception message"},
    {"name", get_name, set_name, "module name"},
    {"path", get_path, set_path, "module path"},
    {NULL},
};

static int NameError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                          rp_obj_t *kwnames)
{
    static const char *const kw[] = { "name", NULL };
    rp_obj_t **fields[] = { &EXC(self)->name };
    if (set_args(EXC(self), args, nargs) < 0)
        return -1;
    return take_keywords(self, args, nargs, kwnames, kw, fields, rp_type_short_name(self->type));
}

static const rp_getset_def_t NameError_getsets[] = {
    {"name", get_name, set_name, "name"},
    {NULL},
};

static int AttributeError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    static const char *const kw[] = { "name", "obj", NULL };
    rp_obj_t **fields[] = { &EXC(self)->name, &EXC(self)->obj };
    if (set_args(EXC(self), args, nargs) < 0)
        return -1;
    return take_keywords(self, args, nargs, kwnames, kw, fields, rp_type_short_name(self->type));
}

static const rp_getset_def_t AttributeError_getsets[] = {
    {"name", get_name, set_name, "attribute name"},
    {"obj", get_obj, set_obj, "object"},
    {NULL},
};

static rp_obj_t *KeyError_str(rp_obj_t *self)
{
    rp_obj_t *args = EXC(self)->args;
    if (args && rp_tuple_len(args) == 1)
        return rp_obj_repr(rp_tuple_get_borrow(args, 0));
    return BaseException_str(self);
}

// ---------------------------------------------------------------------
// OSError

static rp_obj_t *OSError_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames);
static int OSError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);

static bool oserror_use_init(rp_type_t *type)
{
    return type->init != OSError_init && type->new_ == OSError_new;
}

static rp_type_t *errno_subclass(int e)
{
    switch (e) {
    case ENOENT: return &rp_exc_FileNotFoundError;
    case EEXIST: return &rp_exc_FileExistsError;
    case EISDIR: return &rp_exc_IsADirectoryError;
    case ENOTDIR: return &rp_exc_NotADirectoryError;
    case EACCES: case EPERM: return &rp_exc_PermissionError;
    case EINTR: return &rp_exc_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &rp_exc_BlockingIOError;
    case ECHILD: return &rp_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &rp_exc_BrokenPipeError;
    case ECONNABORTED: return &rp_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &rp_exc_ConnectionRefusedError;
    case ECONNRESET: return &rp_exc_ConnectionResetError;
    case ESRCH: return &rp_exc_ProcessLookupError;
    case ETIMEDOUT: return &rp_exc_TimeoutError;
    default: return NULL;
    }
}

// Fills errno/strerror/filename/filename2 and trims args (CPython's
// oserror_init).
static int oserror_fill(rp_exc_t *self, rp_obj_t *const *args, size_t nargs)
{
    rp_obj_t *t;
    if (nargs >= 2 && nargs <= 5) {
        rp_setref(&self->err_no, rp_newref(args[0]));
        rp_setref(&self->strerror, rp_newref(args[1]));
        rp_obj_t *filename = nargs >= 3 ? args[2] : NULL;
        rp_obj_t *filename2 = nargs >= 5 ? args[4] : NULL;
        if (filename && filename != rp_None) {
            rp_setref(&self->filename, rp_newref(filename));
            if (filename2 && filename2 != rp_None)
                rp_setref(&self->filename2, rp_newref(filename2));
            t = rp_tuple_from_array(args, 2);
            if (!t)
                return -1;
            rp_setref(&self->args, t);
            return 0;
        }
    }
    return set_args(self, args, nargs);
}

static rp_obj_t *OSError_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    if (!oserror_use_init(type)) {
        if (kwnames && rp_tuple_len(kwnames) > 0)
            return rp_err_format(&rp_exc_TypeError, "%s() takes no keyword arguments",
                                 rp_type_short_name(type));
        if (type == &rp_exc_OSError && nargs >= 2 && nargs <= 5 && rp_int_check(args[0])) {
            int64_t e = rp_int_is_small(args[0]) ? rp_int_small_value(args[0]) : -1;
            rp_type_t *sub = e > 0 && e < 100000 ? errno_subclass((int)e) : NULL;
            if (sub)
                type = sub;
        }
    }
    rp_exc_t *self = (rp_exc_t *)rp_type_generic_alloc(type, 0);
    if (!self)
        return NULL;
    int r = oserror_use_init(type) ? set_args(self, args, nargs) : oserror_fill(self, args, nargs);
    if (r < 0) {
        rp_decref(RP_OBJ(self));
        return NULL;
    }
    return RP_OBJ(self);
}

static int OSError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    if (!oserror_use_init(self->type))
        return 0;
    if (!no_keywords(self, kwnames))
        return -1;
    return oserror_fill(EXC(self), args, nargs);
}

static rp_obj_t *OSError_str(rp_obj_t *self)
{
    rp_exc_t *e = EXC(self);
    rp_obj_t *en = e->err_no ? e->err_no : rp_None, *se = e->strerror ? e->strerror : rp_None;
    if (e->filename) {
        if (e->filename2)
            return rp_str_from_format("[Errno %S] %S: %R -> %R", en, se, e->filename, e->filename2);
        return rp_str_from_format("[Errno %S] %S: %R", en, se, e->filename);
    }
    if (e->err_no && e->strerror)
        return rp_str_from_format("[Errno %S] %S", e->err_no, e->strerror);
    return BaseException_str(self);
}

static rp_obj_t *get_characters_written(rp_obj_t *self)
{
    return rp_err_format(&rp_exc_AttributeError, "characters_written");
}

static const rp_getset_def_t OSError_getsets[] = {
    {"errno", get_err_no, set_err_no, "POSIX exception code"},
    {"strerror", get_strerror, set_strerror, "exception strerror"},
    {"filename", get_filename, set_filename, "exception filename"},
    {"filename2", get_filename2, set_filename2, "second exception filename"},
    {"characters_written", get_characters_written, NULL, NULL},
    {NULL},
};

rp_obj_t *rp_exc_set_from_errno(int err, rp_obj_t *filename)
{
    rp_obj_t *en = rp_int_from_i64(err);
    rp_obj_t *msg = rp_str_from_cstr(strerror(err));
    if (!en || !msg) {
        rp_xdecref(en);
        rp_xdecref(msg);
        return NULL;
    }
    rp_obj_t *args[3] = { en, msg, filename };
    rp_obj_t *exc = rp_obj_call(RP_OBJ(&rp_exc_OSError), args, filename ? 3 : 2, NULL);
    rp_decref(en);
    rp_decref(msg);
    if (exc)
        rp_err_restore(exc);
    return NULL;
}

// ---------------------------------------------------------------------
// SyntaxError

static int SyntaxError_init(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    rp_exc_t *e = EXC(self);
    if (BaseException_init(self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs >= 1)
        rp_setref(&e->msg, rp_newref(args[0]));
    if (nargs == 2) {
        rp_obj_t *info = rp_tuple_from_iterable(args[1]);
        if (!info)
            return -1;
        rp_ssize_t n = rp_tuple_len(info);
        if (n < 4 || n > 6) {
            rp_decref(info);
            rp_err_format(&rp_exc_TypeError, n < 4 ? "function takes at least 4 arguments (%zd given)"
                                                   : "function takes at most 6 arguments (%zd given)",
                          n);
            return -1;
        }
        rp_obj_t **fields[6] = { &e->filename, &e->lineno, &e->offset, &e->text,
                                 &e->end_lineno, &e->end_offset };
        for (rp_ssize_t i = 0; i < n; i++)
            rp_setref(fields[i], rp_newref(rp_tuple_get_borrow(info, i)));
        rp_decref(info);
    }
    return 0;
}

static rp_obj_t *SyntaxError_str(rp_obj_t *self)
{
    rp_exc_t *e = EXC(self);
    rp_obj_t *msg = e->msg ? e->msg : rp_None;
    rp_obj_t *filename = NULL;
    if (e->filename && rp_str_check(e->filename)) {
        const char *s = rp_str_utf8(e->filename, NULL);
        if (!s)
            return NULL;
        const char *slash = strrchr(s, '/');
        filename = rp_str_from_cstr(slash ? slash + 1 : s);
        if (!filename)
            return NULL;
    }
    bool have_lineno = e->lineno && rp_int_check_exact(e->lineno);
    long lineno = have_lineno && rp_int_is_small(e->lineno) ? (long)rp_int_small_value(e->lineno) : -1;
    rp_obj_t *r;
    if (!filename && !have_lineno)
        return rp_obj_str(msg);
    if (filename && have_lineno)
        r = rp_str_from_format("%S (%S, line %ld)", msg, filename, lineno);
    else if (filename)
        r = rp_str_from_format("%S (%S)", msg, filename);
    else
        r = rp_str_from_format("%S (line %ld)", msg, lineno);
    rp_xdecref(filename);
    return r;
}

static rp_obj_t *get_print_file_and_line(rp_obj_t *self)
{
    return none_ref();
}

static const rp_getset_def_t SyntaxError_getsets[] = {
    {"msg", get_msg, set_msg, "exception msg"},
    {"filename", get_filename, set_filename, "exception filename"},
    {"lineno", get_lineno, set_lineno, "exception lineno"},
    {"offset", get_offset, set_offset, "exception offset"},
    {"text", get_text, set_text, "exception text"},
    {"end_lineno", get_end_lineno, set_end_lineno, "exception end lineno"},
    {"end_offset", get_end_offset, set_end_offset, "exception end offset"},
    {"print_file_and_line", get_print_file_and_line, NULL, NULL},
    {NULL},
};

rp_obj_t *rp_exc_new_syntax(rp_type_t *type, const char *msg, rp_obj_t *filename,
                            int lineno, int offset, const char *text,
                            int end_lineno, int end_offset)
{
    rp_obj_t *m = rp_str_from_cstr(msg);
    rp_obj_t *t = text ? rp_str_from_cstr(text) : rp_newref(rp_None);
    rp_obj_t *l = rp_int_from_i64(lineno), *o = rp_int_from_i64(offset);
    rp_obj_t *el = rp_int_from_i64(end_lineno), *eo = rp_int_from_i64(end_offset);
    rp_obj_t *info = NULL, *exc = NULL;
    if (m && t && l && o && el && eo) {
        info = rp_tuple_pack(6, filename ? filename : rp_None, l, o, t, el, eo);
        if (info) {
            rp_obj_t *args[2] = { m, info };
            exc = rp_obj_call(RP_OBJ(type), args, 2, NULL);
        }
    }
    rp_xdecref(m);
    rp_xdecref(t);
    rp_xdecref(l);
    rp_xdecref(o);
    rp_xdecref(el);
    rp_xdecref(eo);
    rp_xdecref(info);
    return exc;
}

// ---------------------------------------------------------------------
// Unicode errors

static int UnicodeError_init5(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs != 5)
        return 0;   // lenient: behaves like a plain exception
    rp_exc_t *e = EXC(self);
    if (!rp_str_check(args[0]) || !rp_int_check(args[2]) || !rp_int_check(args[3]) ||
        !rp_str_check(args[4])) {
        rp_err_set(&rp_exc_TypeError, "function takes exactly 5 arguments with types (str, object, int, int, str)");
        return -1;
    }
    rp_setref(&e->encoding, rp_newref(args[0]));
    rp_setref(&e->object, rp_newref(args[1]));
    rp_setref(&e->offset, rp_newref(args[2]));
    rp_setref(&e->end_offset, rp_newref(args[3]));
    rp_setref(&e->reason, rp_newref(args[4]));
    return 0;
}

static rp_obj_t *UnicodeDecodeError_str(rp_obj_t *self)
{
    rp_exc_t *e = EXC(self);
    if (!e->encoding || !e->object || !e->reason || !rp_bytes_check(e->object))
        return BaseException_str(self);
    int64_t start = rp_int_as_i64(e->offset), end = rp_int_as_i64(e->end_offset);
    if (rp_err_occurred())
        return NULL;
    if (start >= 0 && start < rp_bytes_len(e->object) && end == start + 1) {
        int byte = (unsigned char)rp_bytes_data(e->object)[start];
        return rp_str_from_format("'%S' codec can't decode byte 0x%02x in position %lld: %S",
                                  e->encoding, byte, (long long)start, e->reason);
    }
    return rp_str_from_format("'%S' codec can't decode bytes in position %lld-%lld: %S",
                              e->encoding, (long long)start, (long long)(end - 1), e->reason);
}

static rp_obj_t *UnicodeEncodeError_str(rp_obj_t *self)
{
    rp_exc_t *e = EXC(self);
    if (!e->encoding || !e->object || !e->reason || !rp_str_check(e->object))
        return BaseException_str(self);
    int64_t start = rp_int_as_i64(e->offset), end = rp_int_as_i64(e->end_offset);
    if (rp_err_occurred())
        return NULL;
    if (start >= 0 && start < rp_str_len(e->object) && end == start + 1) {
        uint32_t c = rp_str_char(e->object, start);
        char buf[16];
        if (c <= 0xff)
            snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c <= 0xffff)
            snprintf(buf, sizeof buf, "\\u%04x", c);
        else
            snprintf(buf, sizeof buf, "\\U%08x", c);
        return rp_str_from_format("'%S' codec can't encode character '%s' in position %lld: %S",
                                  e->encoding, buf, (long long)start, e->reason);
    }
    return rp_str_from_format("'%S' codec can't encode characters in position %lld-%lld: %S",
                              e->encoding, (long long)start, (long long)(end - 1), e->reason);
}

static const rp_getset_def_t UnicodeError_getsets[] = {
    {"encoding", get_encoding, set_encoding, "exception encoding"},
    {"object", get_object, set_object, "exception object"},
    {"start", get_offset, set_offset, "exception start"},
    {"end", get_end_offset, set_end_offset, "exception end"},
    {"reason", get_reason, set_reason, "exception reason"},
    {NULL},
};

rp_obj_t *rp_exc_new_unicode_decode(const char *encoding, const char *data,
                                    rp_ssize_t len, rp_ssize_t start,
                                    rp_ssize_t end, const char *reason)
{
    rp_obj_t *a[5] = { rp_str_from_cstr(encoding), rp_bytes_from(data, len),
                       rp_int_from_ssize(start), rp_int_from_ssize(end), rp_str_from_cstr(reason) };
    rp_obj_t *exc = NULL;
    if (a[0] && a[1] && a[2] && a[3] && a[4])
        exc = rp_obj_call(RP_OBJ(&rp_exc_UnicodeDecodeError), a, 5, NULL);
    for (int i = 0; i < 5; i++)
        rp_xdecref(a[i]);
    return exc;
}

rp_obj_t *rp_exc_new_unicode_encode(const char *encoding, rp_obj_t *str,
                                    rp_ssize_t start, rp_ssize_t end,
                                    const char *reason)
{
    rp_obj_t *a[5] = { rp_str_from_cstr(encoding), rp_newref(str),
                       rp_int_from_ssize(start), rp_int_from_ssize(end), rp_str_from_cstr(reason) };
    rp_obj_t *exc = NULL;
    if (a[0] && a[2] && a[3] && a[4])
        exc = rp_obj_call(RP_OBJ(&rp_exc_UnicodeEncodeError), a, 5, NULL);
    for (int i = 0; i < 5; i++)
        rp_xdecref(a[i]);
    return exc;
}

// ---------------------------------------------------------------------
// Helpers used by the rest of the interpreter

rp_obj_t *rp_exc_new_msg(rp_type_t *type, const char *msg)
{
    rp_obj_t *s = rp_str_from_cstr(msg);
    if (!s)
        return NULL;
    rp_obj_t *exc = rp_obj_call(RP_OBJ(type), &s, 1, NULL);
    rp_decref(s);
    return exc;
}

void rp_exc_set_attribute_error(rp_obj_t *obj, rp_obj_t *name, const char *msg)
{
    rp_obj_t *exc = rp_exc_new_msg(&rp_exc_AttributeError, msg);
    if (!exc)
        return;
    if (rp_exc_check(exc)) {
        rp_xincref(name);
        rp_setref(&EXC(exc)->name, name);
        rp_xincref(obj);
        rp_setref(&EXC(exc)->obj, obj);
    }
    rp_err_restore(exc);
}

void rp_exc_set_name_error(rp_type_t *type, rp_obj_t *name, const char *msg)
{
    rp_obj_t *exc = rp_exc_new_msg(type, msg);
    if (!exc)
        return;
    if (rp_exc_check(exc)) {
        rp_xincref(name);
        rp_setref(&EXC(exc)->name, name);
    }
    rp_err_restore(exc);
}

int rp_exc_add_traceback(rp_obj_t *exc, rp_obj_t *code, int lineno, int lasti)
{
    rp_traceback_t *tb = (rp_traceback_t *)rp_obj_alloc(&rp_type_traceback, sizeof *tb);
    if (!tb)
        return -1;
    rp_exc_t *e = EXC(exc);
    tb->next = e->traceback;
    tb->code = code;
    rp_xincref(code);
    tb->lineno = lineno;
    tb->lasti = lasti;
    e->traceback = RP_OBJ(tb);
    rp_gc_track(RP_OBJ(tb));
    return 0;
}

void rp_exc_set_context_take(rp_obj_t *exc, rp_obj_t *context)
{
    if (!context)
        return;
    if (context == exc) {
        rp_decref(context);
        return;
    }
    // Break a cycle through exc in the context chain (Floyd's algorithm
    // guards against pre-existing cycles).
    rp_obj_t *o = context, *slow = context;
    bool toggle = false;
    rp_obj_t *c;
    while ((c = EXC(o)->context) != NULL) {
        if (c == exc) {
            rp_clear(&EXC(o)->context);
            break;
        }
        o = c;
        if (o == slow)
            break;
        if (toggle)
            slow = EXC(slow)->context;
        toggle = !toggle;
    }
    rp_setref(&EXC(exc)->context, context);
}

void rp_exc_set_cause_take(rp_obj_t *exc, rp_obj_t *cause)
{
    EXC(exc)->suppress_context = true;
    rp_setref(&EXC(exc)->cause, cause);
}

// ---------------------------------------------------------------------
// traceback

static void tb_dealloc(rp_obj_t *o)
{
    rp_traceback_t *tb = (rp_traceback_t *)o;
    rp_gc_untrack(o);
    rp_clear(&tb->next);
    rp_clear(&tb->code);
    rp_obj_free(o);
}

static int tb_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_traceback_t *tb = (rp_traceback_t *)o;
    int r = tb->next ? visit(tb->next, arg) : 0;
    if (r)
        return r;
    return tb->code ? visit(tb->code, arg) : 0;
}

static int tb_clear(rp_obj_t *o)
{
    rp_traceback_t *tb = (rp_traceback_t *)o;
    rp_clear(&tb->next);
    rp_clear(&tb->code);
    return 0;
}

static rp_obj_t *tb_get_next(rp_obj_t *o)
{
    return or_none(((rp_traceback_t *)o)->next);
}

static int tb_set_next(rp_obj_t *o, rp_obj_t *value)
{
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value != rp_None && value->type != &rp_type_traceback) {
        rp_err_format(&rp_exc_TypeError, "expected traceback object or None, got '%s'",
                      rp_type_name(value->type));
        return -1;
    }
    for (rp_obj_t *c = value; c != rp_None && c; c = ((rp_traceback_t *)c)->next) {
        if (c == o) {
            rp_err_set(&rp_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    rp_setref(&((rp_traceback_t *)o)->next, value == rp_None ? NULL : rp_newref(value));
    return 0;
}

static rp_obj_t *tb_get_lineno(rp_obj_t *o)
{
    return rp_int_from_i64(((rp_traceback_t *)o)->lineno);
}

static rp_obj_t *tb_get_lasti(rp_obj_t *o)
{
    return rp_int_from_i64(((rp_traceback_t *)o)->lasti);
}

// tb->code holds the frame object (a code object only when making the
// frame object failed).
static rp_obj_t *tb_get_frame(rp_obj_t *o)
{
    rp_obj_t *f = ((rp_traceback_t *)o)->code;
    return f && f->type != &rp_type_code ? rp_newref(f) : none_ref();
}

static const rp_getset_def_t tb_getsets[] = {
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_traceback = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "traceback",
    .basicsize = sizeof(rp_traceback_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getsets = tb_getsets,
};

// ---------------------------------------------------------------------
// The hierarchy

#define EXC_FLAGS (RP_TPFLAG_GC | RP_TPFLAG_BASETYPE | RP_TPFLAG_BASE_EXC_SUBCLASS)

#define EXC_TYPE(NAME, BASE, ...) \
    rp_type_t rp_exc_##NAME = { \
        .ob = RP_STATIC_HEAD(rp_type_type), \
        .name = #NAME, \
        .basicsize = sizeof(rp_exc_t), \
        .flags = EXC_FLAGS, \
        .base = BASE, \
        .dict_offset = offsetof(rp_exc_t, dict), \
        __VA_ARGS__ \
    };

rp_type_t rp_exc_BaseException = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "BaseException",
    .basicsize = sizeof(rp_exc_t),
    .flags = EXC_FLAGS,
    .dealloc = exc_dealloc,
    .repr = BaseException_repr,
    .str = BaseException_str,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .new_ = BaseException_new,
    .init = BaseException_init,
    .methods = BaseException_methods,
    .getsets = BaseException_getsets,
    .base = &rp_type_object,
    .dict_offset = offsetof(rp_exc_t, dict),
};

// A subclass that adds nothing: new/init/str are inherited from BASE (so
// IndentationError keeps SyntaxError's fields, FileNotFoundError OSError's).
#define SIMPLE(NAME, BASE) EXC_TYPE(NAME, &rp_exc_##BASE)

SIMPLE(Exception, BaseException)
SIMPLE(TypeError, Exception)
SIMPLE(StopAsyncIteration, Exception)
EXC_TYPE(StopIteration, &rp_exc_Exception, .init = StopIteration_init,
         .getsets = StopIteration_getsets)
SIMPLE(GeneratorExit, BaseException)
EXC_TYPE(SystemExit, &rp_exc_BaseException, .init = SystemExit_init,
         .getsets = SystemExit_getsets)
SIMPLE(KeyboardInterrupt, BaseException)
EXC_TYPE(ImportError, &rp_exc_Exception, .init = ImportError_init, .str = ImportError_str,
         .getsets = ImportError_getsets)
SIMPLE(ModuleNotFoundError, ImportError)
EXC_TYPE(OSError, &rp_exc_Exception, .new_ = OSError_new, .init = OSError_init,
         .str = OSError_str, .getsets = OSError_getsets)
SIMPLE(EOFError, Exception)
SIMPLE(RuntimeError, Exception)
SIMPLE(RecursionError, RuntimeError)
SIMPLE(NotImplementedError, RuntimeError)
EXC_TYPE(NameError, &rp_exc_Exception, .init = NameError_init, .getsets = NameError_getsets)
SIMPLE(UnboundLocalError, NameError)
EXC_TYPE(AttributeError, &rp_exc_Exception, .init = AttributeError_init,
         .getsets = AttributeError_getsets)
EXC_TYPE(SyntaxError, &rp_exc_Exception, .init = SyntaxError_init, .str = SyntaxError_str,
         .getsets = SyntaxError_getsets)
SIMPLE(IndentationError, SyntaxError)
SIMPLE(TabError, IndentationError)
SIMPLE(LookupError, Exception)
SIMPLE(IndexError, LookupError)
EXC_TYPE(KeyError, &rp_exc_LookupError, .str = KeyError_str)
SIMPLE(ValueError, Exception)
SIMPLE(UnicodeError, ValueError)
EXC_TYPE(UnicodeEncodeError, &rp_exc_UnicodeError, .init = UnicodeError_init5,
         .str = UnicodeEncodeError_str, .getsets = UnicodeError_getsets)
EXC_TYPE(UnicodeDecodeError, &rp_exc_UnicodeError, .init = UnicodeError_init5,
         .str = UnicodeDecodeError_str, .getsets = UnicodeError_getsets)
EXC_TYPE(UnicodeTranslateError, &rp_exc_UnicodeError, .init = UnicodeError_init5,
         .getsets = UnicodeError_getsets)
SIMPLE(AssertionError, Exception)
SIMPLE(ArithmeticError, Exception)
SIMPLE(FloatingPointError, ArithmeticError)
SIMPLE(OverflowError, ArithmeticError)
SIMPLE(ZeroDivisionError, ArithmeticError)
SIMPLE(SystemError, Exception)
SIMPLE(ReferenceError, Exception)
SIMPLE(MemoryError, Exception)
SIMPLE(BufferError, Exception)
#define OSSUB(NAME, BASE) EXC_TYPE(NAME, &rp_exc_##BASE)
OSSUB(ConnectionError, OSError)
OSSUB(BlockingIOError, OSError)
OSSUB(BrokenPipeError, ConnectionError)
OSSUB(ChildProcessError, OSError)
OSSUB(ConnectionAbortedError, ConnectionError)
OSSUB(ConnectionRefusedError, ConnectionError)
OSSUB(ConnectionResetError, ConnectionError)
OSSUB(FileExistsError, OSError)
OSSUB(FileNotFoundError, OSError)
OSSUB(IsADirectoryError, OSError)
OSSUB(NotADirectoryError, OSError)
OSSUB(InterruptedError, OSError)
OSSUB(PermissionError, OSError)
OSSUB(ProcessLookupError, OSError)
OSSUB(TimeoutError, OSError)
SIMPLE(Warning, Exception)
SIMPLE(UserWarning, Warning)
SIMPLE(EncodingWarning, Warning)
SIMPLE(DeprecationWarning, Warning)
SIMPLE(PendingDeprecationWarning, Warning)
SIMPLE(SyntaxWarning, Warning)
SIMPLE(RuntimeWarning, Warning)
SIMPLE(FutureWarning, Warning)
SIMPLE(ImportWarning, Warning)
SIMPLE(UnicodeWarning, Warning)
SIMPLE(BytesWarning, Warning)
SIMPLE(ResourceWarning, Warning)

#define ENTRY(NAME) {#NAME, &rp_exc_##NAME},

const rp_exc_table_entry_t rp_exc_table[] = {
    ENTRY(BaseException) ENTRY(Exception) ENTRY(TypeError) ENTRY(StopAsyncIteration)
    ENTRY(StopIteration) ENTRY(GeneratorExit) ENTRY(SystemExit) ENTRY(KeyboardInterrupt)
    ENTRY(ImportError) ENTRY(ModuleNotFoundError) ENTRY(OSError)
    {"EnvironmentError", &rp_exc_OSError}, {"IOError", &rp_exc_OSError},
    ENTRY(EOFError) ENTRY(RuntimeError) ENTRY(RecursionError) ENTRY(NotImplementedError)
    ENTRY(NameError) ENTRY(UnboundLocalError) ENTRY(AttributeError) ENTRY(SyntaxError)
    ENTRY(IndentationError) ENTRY(TabError) ENTRY(LookupError) ENTRY(IndexError)
    ENTRY(KeyError) ENTRY(ValueError) ENTRY(UnicodeError) ENTRY(UnicodeEncodeError)
    ENTRY(UnicodeDecodeError) ENTRY(UnicodeTranslateError) ENTRY(AssertionError)
    ENTRY(ArithmeticError) ENTRY(FloatingPointError) ENTRY(OverflowError)
    ENTRY(ZeroDivisionError) ENTRY(SystemError) ENTRY(ReferenceError) ENTRY(MemoryError)
    ENTRY(BufferError) ENTRY(ConnectionError) ENTRY(BlockingIOError) ENTRY(BrokenPipeError)
    ENTRY(ChildProcessError) ENTRY(ConnectionAbortedError) ENTRY(ConnectionRefusedError)
    ENTRY(ConnectionResetError) ENTRY(FileExistsError) ENTRY(FileNotFoundError)
    ENTRY(IsADirectoryError) ENTRY(NotADirectoryError) ENTRY(InterruptedError)
    ENTRY(PermissionError) ENTRY(ProcessLookupError) ENTRY(TimeoutError) ENTRY(Warning)
    ENTRY(UserWarning) ENTRY(EncodingWarning) ENTRY(DeprecationWarning)
    ENTRY(PendingDeprecationWarning) ENTRY(SyntaxWarning) ENTRY(RuntimeWarning)
    ENTRY(FutureWarning) ENTRY(ImportWarning) ENTRY(UnicodeWarning) ENTRY(BytesWarning)
    ENTRY(ResourceWarning)
    {NULL, NULL},
};

int rp_exc_init(void)
{
    for (int i = 0; rp_exc_table[i].name; i++)
        if (rp_type_ready(rp_exc_table[i].type) < 0)
            return -1;
    if (rp_type_ready(&rp_type_traceback) < 0)
        return -1;
    return 0;
}
