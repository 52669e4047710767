// Symbol tables: which names each scope binds, uses and declares, and the
// scope of every name (local, global, free, cell), as CPython 3.11's
// Python/symtable.c.
#ifndef RP_SYMTABLE_H
#define RP_SYMTABLE_H

#include "parse/ast.h"
#include "compile/cctx.h"

/*
 * Pass 1 (rp_symtable_build) walks the tree and records raw facts per
 * scope (flags below).  Pass 2 (inside rp_symtable_build) resolves each
 * name to a scope: names bound in a function are LOCAL, or CELL when an
 * inner scope uses them; names bound in an enclosing function are FREE;
 * others are GLOBAL_IMPLICIT (module and class bodies look them up by
 * name) unless declared global (GLOBAL_EXPLICIT).  Class scopes are not
 * visible from nested scopes; a method using `super` or `__class__`
 * makes the class body create a `__class__` cell.  Comprehensions and
 * generator expressions are function scopes whose first parameter ".0"
 * is the outermost iterator.
 */

// Raw flags (pass 1).
enum {
    RP_DEF_GLOBAL = 1,          // global statement
    RP_DEF_LOCAL = 2,           // assignment in this scope
    RP_DEF_PARAM = 4,           // formal parameter
    RP_DEF_NONLOCAL = 8,        // nonlocal statement
    RP_DEF_USE = 16,            // name is read
    RP_DEF_FREE_CLASS = 64,     // free variable of a method, also bound in the class
    RP_DEF_IMPORT = 128,        // bound by import
    RP_DEF_ANNOT = 256,         // annotated name
    RP_DEF_COMP_ITER = 512,     // comprehension iteration variable
    RP_DEF_BOUND = RP_DEF_LOCAL | RP_DEF_PARAM | RP_DEF_IMPORT,
};

// Resolved scopes (pass 2), stored in the flags above RP_SCOPE_OFFSET.
enum {
    RP_SCOPE_NONE = 0,
    RP_SCOPE_LOCAL = 1,
    RP_SCOPE_GLOBAL_EXPLICIT = 2,
    RP_SCOPE_GLOBAL_IMPLICIT = 3,
    RP_SCOPE_FREE = 4,
    RP_SCOPE_CELL = 5,
};
#define RP_SCOPE_OFFSET 11
#define RP_SCOPE_MASK 7

typedef enum {
    RP_BLOCK_FUNCTION = 1,      // def, lambda, comprehension
    RP_BLOCK_CLASS,
    RP_BLOCK_MODULE,
} rp_block_type_t;

typedef enum {
    RP_COMP_NONE = 0,
    RP_COMP_LIST, RP_COMP_DICT, RP_COMP_SET, RP_COMP_GENEXP,
} rp_comp_kind_t;

typedef struct rp_symbol {
    rp_obj_t *name;             // interned str (borrowed from the cctx)
    int flags;                  // RP_DEF_* | scope << RP_SCOPE_OFFSET
} rp_symbol_t;

typedef struct rp_directive {
    rp_obj_t *name;
    int lineno, col_offset, end_lineno, end_col_offset;
} rp_directive_t;

typedef struct rp_ste {
    rp_block_type_t type;
    rp_obj_t *name;             // scope name (borrowed interned str)
    const void *key;            // the AST node that opened the scope
    rp_symbol_t *syms;          // in order of first occurrence
    int nsyms, capsyms;
    rp_ptrmap_t index;          // name -> position in syms
    rp_obj_t **varnames;        // parameters, in order
    int nvarnames, capvarnames;
    struct rp_ste **children;   // nested scopes in source order
    int nchildren, capchildren;
    rp_directive_t *dirs;       // global / nonlocal statements
    int ndirs, capdirs;
    int lineno, col_offset, end_lineno, end_col_offset;
    rp_comp_kind_t comprehension;
    int comp_iter_expr;         // > 0 while visiting a comprehension's iterable
    unsigned nested : 1;        // defined inside a function
    unsigned free : 1;          // has free variables
    unsigned child_free : 1;    // a child scope has free variables
    unsigned generator : 1;     // contains yield
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned needs_class_closure : 1;   // class body creates __class__
    unsigned comp_iter_target : 1;
} rp_ste_t;

typedef struct rp_symtable {
    rp_cctx_t *cx;
    rp_ste_t *top;              // the module scope
    rp_ste_t *cur;
    rp_ste_t **stack;           // enclosing scopes of cur
    int nstack, capstack;
    rp_obj_t *private_;         // enclosing class name (mangling) or NULL
    rp_ptrmap_t blocks;         // AST node -> rp_ste_t *
    rp_ste_t **all;             // every entry, for freeing
    int nall, capall;
} rp_symtable_t;

// Builds the symbol tables of a (folded) tree.  Returns a new table or
// NULL with an exception set (SyntaxError with location for the errors
// of CPython's symtable.c, MemoryError, RecursionError).
rp_symtable_t *rp_symtable_build(rp_cctx_t *cx, rp_mod_t *mod);
void rp_symtable_free(rp_symtable_t *st);

// The entry of the scope opened by AST node key (a stmt, expr or mod).
rp_ste_t *rp_symtable_lookup(rp_symtable_t *st, const void *key);
// The flags of name in ste (0 when absent).
int rp_ste_flags(const rp_ste_t *ste, rp_obj_t *name);
static inline int rp_ste_scope(const rp_ste_t *ste, rp_obj_t *name)
{
    return (rp_ste_flags(ste, name) >> RP_SCOPE_OFFSET) & RP_SCOPE_MASK;
}

#endif
