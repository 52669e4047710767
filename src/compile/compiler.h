// Internal interface of the code generator, shared by compiler.c (units,
// names, constants, emission), compile_stmt.c, compile_expr.c and
// assemble.c.  Not used outside compile/.
#ifndef RP_COMPILER_H
#define RP_COMPILER_H

#include "compile/cctx.h"
#include "compile/symtable.h"
#include "compile/opcodes.h"
#include "parse/ast.h"

/*
 * Code is emitted into a flat list of instructions per code object
 * ("unit"), CPython 3.11 style:
 *  - jumps name a label (an int); labels are bound to positions in the
 *    list and resolved by the assembler into absolute word indexes;
 *  - every instruction records the current source line and the
 *    innermost exception handler (the top of the unit's handler stack)
 *    at the time it is emitted.  emit_setup() pushes a handler (and
 *    emits a zero-size SETUP marker whose stack depth the assembler's
 *    flow analysis turns into the handler's depth); pop_block() pops it.
 *    A handler's code must be emitted with the handler stack as it was
 *    before its SETUP (callers pop and re-push around such code);
 *  - break / continue / return unwind the frame blocks (loops, try,
 *    with, handlers) by emitting their exit code inline, as 3.11 does.
 * Deref instructions (LOAD_DEREF, STORE_DEREF, DELETE_DEREF,
 * LOAD_CLOSURE, LOAD_CLASSDEREF) carry an index into cellvars followed by
 * freevars; the assembler maps it to the frame slot.
 */

// Pseudo opcodes, replaced by the assembler.
enum {
    OP_JUMP = RP_OP__COUNT,     // JUMP_FORWARD or JUMP_BACKWARD
    OP_SETUP,                   // handler marker: arg = handler index
    OP__END
};

// Handler kinds (CPython's SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH).
enum { H_FINALLY, H_CLEANUP, H_WITH };

typedef struct instr {
    int op;
    int arg;
    int target;                 // label of a jump, else -1
    int line;
    int end_line, col, end_col; // the rest of the source range
    int handler;                // innermost handler index or -1
} instr_t;

typedef struct handler {
    int label;                  // the handler code
    int kind;                   // H_*
    int depth;                  // stack depth kept (assembler), -1 unknown
} handler_t;

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER
} fb_type_t;

typedef struct fblock {
    fb_type_t type;
    int block;                  // label: loop start (continue)
    int exit;                   // label: loop exit (break)
    const void *datum;          // finally body / with stmt / handler name
} fblock_t;

#define MAX_FBLOCKS 20          // CPython's CO_MAXBLOCKS
#define MAX_HSTACK 64
#define STACK_USE_GUIDELINE 30

enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_COMPREHENSION
};

// A growable list of borrowed objects with an identity index.
typedef struct objlist {
    rp_obj_t **a;
    int n, cap;
    rp_ptrmap_t index;
} objlist_t;

typedef struct cunit {
    struct cunit *parent;
    rp_ste_t *ste;
    int scope_type;
    rp_obj_t *name;             // borrowed (interned)
    rp_obj_t *qualname;         // borrowed (kept by the cctx)
    rp_obj_t *private_;         // class name for mangling, or NULL
    objlist_t consts;           // canonical constants (borrowed from the cache)
    objlist_t names;            // co_names
    objlist_t varnames;         // fast locals, parameters first
    objlist_t cellvars;         // sorted; then freevars, sorted
    objlist_t freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    instr_t *ins;
    int nins, capins;
    int *labels;                // label -> instruction position, -1 unbound
    int nlabels, caplabels;
    handler_t *handlers;
    int nhandlers, caphandlers;
    int hstack[MAX_HSTACK];
    int hdepth;
    fblock_t fblocks[MAX_FBLOCKS];
    int nfblocks;
    // Current location (CPython's u_lineno etc.), columns 0-based.
    int lineno, col_offset, end_lineno, end_col_offset;
} cunit_t;

typedef struct compiler {
    rp_cctx_t *cx;
    rp_symtable_t *st;
    cunit_t *u;
    int interactive;
    int nestlevel;
    int future_lineno;          // last line of leading __future__ imports
    int future_annotations;     // from __future__ import annotations
} compiler_t;

typedef struct loc {
    int lineno, col_offset, end_lineno, end_col_offset;
} loc_t;

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

static inline loc_t get_loc(compiler_t *c)
{
    loc_t l = {c->u->lineno, c->u->col_offset, c->u->end_lineno, c->u->end_col_offset};
    return l;
}
static inline void set_loc(compiler_t *c, loc_t l)
{
    c->u->lineno = l.lineno;
    c->u->col_offset = l.col_offset;
    c->u->end_lineno = l.end_lineno;
    c->u->end_col_offset = l.end_col_offset;
}
#define SET_LOC(c, x) do { (c)->u->lineno = (x)->lineno; \
    (c)->u->col_offset = (x)->col_offset; (c)->u->end_lineno = (x)->end_lineno; \
    (c)->u->end_col_offset = (x)->end_col_offset; } while (0)

// --- compiler.c: units, tables, emission
int compiler_enter_scope(compiler_t *c, rp_obj_t *name, int scope_type,
                         const void *key, int lineno);
void compiler_exit_scope(compiler_t *c);
int objlist_add(objlist_t *l, rp_obj_t *o);         // index or -1
// Constants: canonicalized through the unit's cache; index or -1.  The
// _from variants say where the constant comes from (RP_CONST_FROM_*,
// compile/consts.h); the others are compiler-made.
int add_const(compiler_t *c, rp_obj_t *o);
int add_const_take(compiler_t *c, rp_obj_t *o);
int add_const_from(compiler_t *c, rp_obj_t *o, int origin);
int add_const_take_from(compiler_t *c, rp_obj_t *o, int origin);
int add_name(compiler_t *c, rp_obj_t *name);        // co_names index or -1
rp_obj_t *ident(compiler_t *c, const char *id);     // borrowed interned str
rp_obj_t *mangle(compiler_t *c, rp_obj_t *name);    // borrowed
int new_label(compiler_t *c);                       // label or -1
void bind_label(compiler_t *c, int label);
int emit(compiler_t *c, int op, int arg);
int emit_jump(compiler_t *c, int op, int label);
int emit_load_const(compiler_t *c, rp_obj_t *o);
int emit_load_const_take(compiler_t *c, rp_obj_t *o);
int emit_load_const_from(compiler_t *c, rp_obj_t *o, int origin);
int emit_load_const_take_from(compiler_t *c, rp_obj_t *o, int origin);
int emit_name(compiler_t *c, int op, rp_obj_t *name);   // mangles, adds to names
int emit_setup(compiler_t *c, int kind, int label);
void pop_block(compiler_t *c);
int push_handler(compiler_t *c, int h);             // re-push a popped handler
int top_handler(compiler_t *c);
int push_fblock(compiler_t *c, fb_type_t t, int block, int exit, const void *datum);
void pop_fblock(compiler_t *c);
int compiler_error(compiler_t *c, const char *fmt, ...);
int compiler_warn(compiler_t *c, const char *fmt, ...);
int compiler_nameop(compiler_t *c, rp_obj_t *name, rp_expr_ctx_t ctx);
int compiler_nameop_id(compiler_t *c, const char *id, rp_expr_ctx_t ctx);
int forbidden_name(compiler_t *c, rp_obj_t *name, rp_expr_ctx_t ctx);
// Deref index (cellvars then freevars) of name, or -1 (no exception).
int deref_index(compiler_t *c, rp_obj_t *name, int cell);
int compiler_make_closure(compiler_t *c, rp_obj_t *code, int flags);

// --- compile_stmt.c
int compiler_visit_stmt(compiler_t *c, rp_stmt_t *s);
int compiler_body(compiler_t *c, rp_stmt_seq_t *stmts);
int compiler_visit_stmts(compiler_t *c, rp_stmt_seq_t *stmts);
int find_ann(rp_stmt_seq_t *stmts);

// --- compile_expr.c
int compiler_visit_expr(compiler_t *c, rp_expr_t *e);
int compiler_jump_if(compiler_t *c, rp_expr_t *e, int next, int cond);
int compiler_call_helper(compiler_t *c, int n, rp_expr_seq_t *args,
                         rp_keyword_seq_t *keywords);
int compiler_default_arguments(compiler_t *c, rp_arguments_t *args);
int compiler_check_debug_args(compiler_t *c, rp_arguments_t *args);
int compiler_lambda(compiler_t *c, rp_expr_t *e);

// --- assemble.c
// Builds the code object of the current unit.  add_none: a body that
// falls off the end returns None.  New reference or NULL + exception.
rp_obj_t *assemble(compiler_t *c, int add_none);

#endif
