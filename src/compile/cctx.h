// The state shared by the passes compiling one unit (folding, symbol
// tables, code generation): file name and source text for messages, the
// unit's constant cache, interned identifiers, the recursion guard, and
// the SyntaxError / SyntaxWarning reporting of CPython's compiler.
#ifndef RP_CCTX_H
#define RP_CCTX_H

#include "objects/object.h"
#include "objects/errors.h"
#include "compile/compile.h"
#include "compile/consts.h"
#include "compile/ptrmap.h"

typedef struct rp_cctx {
    rp_obj_t *filename;         // str (borrowed from the caller)
    const char *source;         // the unit's text, or NULL
    size_t source_len;
    rp_unit_info_t unit;
    rp_compile_mode_t mode;
    rp_const_cache_t consts;    // one constant cache per unit
    rp_ptrmap_t idents;         // AST identifier pointer -> interned str
    rp_obj_t **keep;            // owned objects released with the context
    int nkeep, capkeep;
    void *blocks;               // rp_cctx_alloc'd memory (a linked list)
    int depth;                  // recursion guard of the tree walks
    int depth_limit;
} rp_cctx_t;

// Initialises cx for a unit.  source may be NULL (no source lines in
// messages).  Never fails.
void rp_cctx_init(rp_cctx_t *cx, rp_obj_t *filename, const char *source,
                  size_t source_len, rp_compile_mode_t mode, rp_unit_info_t unit);
// Releases the constant cache, identifiers and kept objects.
void rp_cctx_fini(rp_cctx_t *cx);

// The interned str for an AST identifier (UTF-8, NUL-terminated),
// borrowed: it lives as long as cx.  NULL with an exception set.
rp_obj_t *rp_cctx_ident(rp_cctx_t *cx, const char *id);
// Keeps a reference to o until rp_cctx_fini and returns o (borrowed).
// Steals o_take; NULL with MemoryError (o_take released) on failure.
rp_obj_t *rp_cctx_keep_take(rp_cctx_t *cx, rp_obj_t *o_take);

// Zeroed memory living until rp_cctx_fini (tree rewrites).  NULL with
// MemoryError set.
void *rp_cctx_alloc(rp_cctx_t *cx, size_t n);

// Private name mangling (CPython's _Py_Mangle): "__x" inside class "C"
// becomes "_C__x".  privateobj may be NULL.  Returns a borrowed interned
// str (name itself when not mangled) or NULL with an exception set.
rp_obj_t *rp_cctx_mangle(rp_cctx_t *cx, rp_obj_t *privateobj, rp_obj_t *name);

// Raises SyntaxError(msg, (filename, lineno, col + 1, text, end_lineno,
// end_col + 1)) where the columns are 0-based as in the AST and text is
// the source line when the unit is a script file (None otherwise, as
// CPython, which rereads the file).  printf-style msg.  Returns -1.
int rp_cctx_error(rp_cctx_t *cx, int lineno, int col, int end_lineno,
                  int end_col, const char *fmt, ...);
// Prints "<file>:<line>: SyntaxWarning: <msg>" (and, for script files,
// the stripped source line indented by two spaces) to stderr.  0 / -1.
int rp_cctx_warn(rp_cctx_t *cx, int lineno, const char *fmt, ...);

// Recursion guard for the tree walks ("maximum recursion depth exceeded
// during compilation", RecursionError).  0 / -1.
static inline int rp_cctx_enter(rp_cctx_t *cx)
{
    if (++cx->depth > cx->depth_limit) {
        cx->depth--;
        rp_err_set(&rp_exc_RecursionError,
                   "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}
static inline void rp_cctx_leave(rp_cctx_t *cx) { cx->depth--; }

#endif
