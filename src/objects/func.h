// Python functions, closures' cells and bound methods.
#ifndef RP_FUNC_H
#define RP_FUNC_H

#include "object.h"

typedef struct rp_func {
    rp_obj_t ob;
    rp_obj_t *code;         // rp_code_t
    rp_obj_t *globals;      // dict
    rp_obj_t *builtins;     // dict (borrowed from globals['__builtins__'] at creation; owned)
    rp_obj_t *name;         // str
    rp_obj_t *qualname;     // str
    rp_obj_t *defaults;     // tuple or NULL
    rp_obj_t *kwdefaults;   // dict or NULL
    rp_obj_t *closure;      // tuple of cells or NULL
    rp_obj_t *doc;          // or NULL
    rp_obj_t *dict;         // function attributes, or NULL
    rp_obj_t *module;       // __module__ str, or NULL
    rp_obj_t *annotations;  // NULL, a (name, value, ...) tuple from MAKE_FUNCTION, or a dict
    uint32_t version;       // for call-site caches
} rp_func_t;

typedef struct rp_cell {
    rp_obj_t ob;
    rp_obj_t *ref;          // contents, NULL when empty
} rp_cell_t;

typedef struct rp_method {
    rp_obj_t ob;
    rp_obj_t *func;
    rp_obj_t *self;
} rp_method_t;

extern rp_type_t rp_type_function, rp_type_cell, rp_type_method;

// A new function for code (a code object) with the given globals dict;
// qualname NULL means code->qualname.  __builtins__ and __module__ are
// taken from globals, the docstring from consts[0].  Defaults, closure
// etc. are set by the caller (MAKE_FUNCTION).  New reference or NULL.
rp_obj_t *rp_func_new(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *qualname);
// The function PyEval_EvalCode makes to run module code (CPython's
// _PyFunction_FromConstructor): name and qualname code->name, doc None,
// no __module__; builtins a dict.  All borrowed.  New reference or NULL.
rp_obj_t *rp_func_new_for_eval(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *builtins);
// A new cell holding contents (borrowed, may be NULL: empty cell).
rp_obj_t *rp_cell_new(rp_obj_t *contents);
// A new bound method func.__get__(self).  Both borrowed.
rp_obj_t *rp_method_new(rp_obj_t *func, rp_obj_t *self);
// The call slot of functions (vectorcall, arguments borrowed): binds the
// arguments and runs the code, or creates a generator for generator
// code.  Implemented by the VM (vm/call.c).
rp_obj_t *rp_func_call(rp_obj_t *func, rp_obj_t *const *args, size_t nargs,
                       rp_obj_t *kwnames);
static inline bool rp_func_check(const rp_obj_t *o) { return o->type == &rp_type_function; }
static inline bool rp_method_check(const rp_obj_t *o) { return o->type == &rp_type_method; }

#endif
