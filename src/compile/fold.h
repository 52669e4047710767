// Constant folding on the AST, as CPython 3.11's Python/ast_opt.c.
#ifndef RP_FOLD_H
#define RP_FOLD_H

#include "parse/ast.h"
#include "compile/cctx.h"

/*
 * rp_fold_mod walks the whole tree once, bottom-up:
 *  - every literal becomes an RP_CONST_OBJECT constant whose obj is the
 *    canonical object of the unit's constant cache (borrowed: valid while
 *    cx lives), None/True/False/Ellipsis included; `__debug__` is True;
 *  - unary and binary operators on constants are evaluated, with 3.11's
 *    limits (int results of *, **, << up to 128 bits; str/bytes/tuple
 *    repetition up to 4096 characters / 256 items; `%` is never folded on
 *    str/bytes; an operation that raises is left for run time);
 *  - tuples of constants, subscripts of constants, `not` of a single
 *    is / is not / in / not in comparison (inverted);
 *  - a list or set literal right of the last `in` / `not in`, or as the
 *    iterable of a for loop or comprehension, becomes a tuple (constant
 *    tuple / frozenset when all items are constants);
 *  - a first statement turned into a string by folding does not become a
 *    docstring.
 * The tree is modified in place.  Returns 0, or -1 with an exception set
 * (MemoryError, RecursionError, SyntaxError for literals refpy does not
 * support).
 */
int rp_fold_mod(rp_cctx_t *cx, rp_mod_t *mod);

// True if e is an RP_CONST_OBJECT constant (after folding).
static inline int rp_fold_is_const(const rp_expr_t *e)
{
    return e && e->kind == RP_E_CONSTANT && e->v.constant.kind == RP_CONST_OBJECT;
}
static inline rp_obj_t *rp_fold_const(const rp_expr_t *e)
{
    return (rp_obj_t *)e->v.constant.obj;
}

// True if the statements start with a docstring (an expression statement
// that is a str constant).
int rp_fold_has_docstring(const rp_stmt_seq_t *body);

#endif
