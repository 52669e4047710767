// The abstract syntax tree produced by the parser and consumed by the
// compiler.  Node kinds and fields follow CPython 3.11's Parser/Python.asdl
// for the subset refpy accepts.  The tree holds no Python objects:
// constants carry their decoded text or value, and the compiler turns
// them into objects (one constant cache per compilation unit).
#ifndef RP_AST_H
#define RP_AST_H

#include <stddef.h>
#include <stdint.h>

// All nodes, sequences and strings of one parse live in one arena and are
// freed together with rp_arena_free().
typedef struct rp_arena rp_arena_t;
rp_arena_t *rp_arena_new(void);
// Returns zeroed memory that lives until the arena is freed; NULL on OOM.
void *rp_arena_alloc(rp_arena_t *a, size_t n);
char *rp_arena_strndup(rp_arena_t *a, const char *s, size_t n);
void rp_arena_free(rp_arena_t *a);

typedef struct rp_expr rp_expr_t;
typedef struct rp_stmt rp_stmt_t;

// Sequences: n items in a[0..n).  An empty sequence may have a == NULL.
typedef struct { int n; rp_expr_t **a; } rp_expr_seq_t;
typedef struct { int n; rp_stmt_t **a; } rp_stmt_seq_t;
typedef struct { int n; const char **a; } rp_name_seq_t;

typedef enum { RP_LOAD = 1, RP_STORE, RP_DEL } rp_expr_ctx_t;

// Operator enums.  rp_operator_t values equal the RP_BINOP_* numbering
// of objects/object.h (CPython's NB_* order) so the compiler passes them
// straight to BINARY_OP.
typedef enum {
    RP_OP_ADD = 0, RP_OP_BITAND = 1, RP_OP_FLOORDIV = 2, RP_OP_LSHIFT = 3,
    RP_OP_MATMUL = 4, RP_OP_MULT = 5, RP_OP_MOD = 6, RP_OP_BITOR = 7,
    RP_OP_POW = 8, RP_OP_RSHIFT = 9, RP_OP_SUB = 10, RP_OP_DIV = 11,
    RP_OP_BITXOR = 12
} rp_operator_t;
typedef enum { RP_AND = 1, RP_OR } rp_boolop_t;
typedef enum { RP_INVERT = 1, RP_NOT, RP_UADD, RP_USUB } rp_unaryop_t;
typedef enum {
    RP_CMP_EQ = 1, RP_CMP_NOTEQ, RP_CMP_LT, RP_CMP_LTE, RP_CMP_GT,
    RP_CMP_GTE, RP_CMP_IS, RP_CMP_ISNOT, RP_CMP_IN, RP_CMP_NOTIN
} rp_cmpop_t;

// A constant as written in the source.
typedef enum {
    RP_CONST_NONE = 1, RP_CONST_TRUE, RP_CONST_FALSE, RP_CONST_ELLIPSIS,
    RP_CONST_INT,     // text: the literal with '_' removed, prefix kept
                      // ("0x1F", "123"); the compiler converts it
    RP_CONST_FLOAT,   // f: the value (text also set, '_' removed)
    RP_CONST_IMAG,    // f: the imaginary value (complex is unsupported:
                      // the compiler reports it)
    RP_CONST_STR,     // text/len: decoded UTF-8 (escapes processed)
    RP_CONST_BYTES,   // text/len: the bytes
    RP_CONST_OBJECT,  // obj: a value made by the compiler (folding)
} rp_const_kind_t;

typedef struct rp_constant {
    rp_const_kind_t kind;
    const char *text;
    size_t len;
    double f;
    void *obj;        // rp_obj_t *, owned by the compiler's constant cache
} rp_constant_t;

typedef struct rp_keyword {
    const char *arg;  // NULL for **expr
    rp_expr_t *value;
    int lineno, col_offset, end_lineno, end_col_offset;
} rp_keyword_t;
typedef struct { int n; rp_keyword_t **a; } rp_keyword_seq_t;

typedef struct rp_arg {
    const char *arg;
    rp_expr_t *annotation;   // may be NULL; ignored by the compiler
    int lineno, col_offset, end_lineno, end_col_offset;
} rp_arg_t;
typedef struct { int n; rp_arg_t **a; } rp_arg_seq_t;

// arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs,
//              expr* kw_defaults, arg? kwarg, expr* defaults)
// kw_defaults has one entry per kwonlyarg (NULL where there is none);
// defaults apply to the last len(defaults) of posonlyargs+args.
typedef struct rp_arguments {
    rp_arg_seq_t posonlyargs, args;
    rp_arg_t *vararg;
    rp_arg_seq_t kwonlyargs;
    rp_expr_seq_t kw_defaults;
    rp_arg_t *kwarg;
    rp_expr_seq_t defaults;
} rp_arguments_t;

typedef struct rp_comprehension {
    rp_expr_t *target, *iter;
    rp_expr_seq_t ifs;
    int is_async;     // always 0
} rp_comprehension_t;
typedef struct { int n; rp_comprehension_t **a; } rp_comp_seq_t;

typedef enum {
    RP_E_BOOLOP = 1, RP_E_NAMEDEXPR, RP_E_BINOP, RP_E_UNARYOP, RP_E_LAMBDA,
    RP_E_IFEXP, RP_E_DICT, RP_E_SET, RP_E_LISTCOMP, RP_E_SETCOMP,
    RP_E_DICTCOMP, RP_E_GENEXP, RP_E_YIELD, RP_E_YIELDFROM, RP_E_COMPARE,
    RP_E_CALL, RP_E_FORMATTEDVALUE, RP_E_JOINEDSTR, RP_E_CONSTANT,
    RP_E_ATTRIBUTE, RP_E_SUBSCRIPT, RP_E_STARRED, RP_E_NAME, RP_E_LIST,
    RP_E_TUPLE, RP_E_SLICE
} rp_expr_kind_t;

struct rp_expr {
    rp_expr_kind_t kind;
    int lineno, col_offset, end_lineno, end_col_offset;  // 1-based lines, 0-based UTF-8 byte columns
    union {
        struct { rp_boolop_t op; rp_expr_seq_t values; } boolop;
        struct { rp_expr_t *target, *value; } namedexpr;
        struct { rp_expr_t *left; rp_operator_t op; rp_expr_t *right; } binop;
        struct { rp_unaryop_t op; rp_expr_t *operand; } unaryop;
        struct { rp_arguments_t *args; rp_expr_t *body; } lambda;
        struct { rp_expr_t *test, *body, *orelse; } ifexp;
        // keys[i] == NULL means `**values[i]`
        struct { rp_expr_seq_t keys, values; } dict;
        struct { rp_expr_seq_t elts; } set;
        // listcomp, setcomp, genexp
        struct { rp_expr_t *elt; rp_comp_seq_t generators; } comp;
        struct { rp_expr_t *key, *value; rp_comp_seq_t generators; } dictcomp;
        struct { rp_expr_t *value; } yield;       // value may be NULL
        struct { rp_expr_t *value; } yieldfrom;
        struct { rp_expr_t *left; int n; rp_cmpop_t *ops; rp_expr_t **comparators; } compare;
        struct { rp_expr_t *func; rp_expr_seq_t args; rp_keyword_seq_t keywords; } call;
        // conversion: -1 none, 's', 'r', 'a'; format_spec: a JoinedStr or NULL
        struct { rp_expr_t *value; int conversion; rp_expr_t *format_spec; } formattedvalue;
        struct { rp_expr_seq_t values; } joinedstr;   // Constant(str) and FormattedValue
        rp_constant_t constant;
        struct { rp_expr_t *value; const char *attr; rp_expr_ctx_t ctx; } attribute;
        struct { rp_expr_t *value, *slice; rp_expr_ctx_t ctx; } subscript;
        struct { rp_expr_t *value; rp_expr_ctx_t ctx; } starred;
        struct { const char *id; rp_expr_ctx_t ctx; } name;
        // list, tuple
        struct { rp_expr_seq_t elts; rp_expr_ctx_t ctx; } seq;
        struct { rp_expr_t *lower, *upper, *step; } slice;  // each may be NULL
    } v;
};

typedef struct rp_alias {
    const char *name;       // dotted name for `import a.b`
    const char *asname;     // may be NULL
    int lineno, col_offset, end_lineno, end_col_offset;
} rp_alias_t;
typedef struct { int n; rp_alias_t **a; } rp_alias_seq_t;

typedef struct rp_withitem {
    rp_expr_t *context_expr;
    rp_expr_t *optional_vars;   // may be NULL
} rp_withitem_t;
typedef struct { int n; rp_withitem_t **a; } rp_withitem_seq_t;

typedef struct rp_excepthandler {
    rp_expr_t *type;        // NULL for bare except
    const char *name;       // NULL unless `as name`
    rp_stmt_seq_t body;
    int lineno, col_offset, end_lineno, end_col_offset;
} rp_excepthandler_t;
typedef struct { int n; rp_excepthandler_t **a; } rp_handler_seq_t;

typedef enum {
    RP_S_FUNCTIONDEF = 1, RP_S_CLASSDEF, RP_S_RETURN, RP_S_DELETE,
    RP_S_ASSIGN, RP_S_AUGASSIGN, RP_S_ANNASSIGN, RP_S_FOR, RP_S_WHILE,
    RP_S_IF, RP_S_WITH, RP_S_RAISE, RP_S_TRY, RP_S_ASSERT, RP_S_IMPORT,
    RP_S_IMPORTFROM, RP_S_GLOBAL, RP_S_NONLOCAL, RP_S_EXPR, RP_S_PASS,
    RP_S_BREAK, RP_S_CONTINUE
} rp_stmt_kind_t;

struct rp_stmt {
    rp_stmt_kind_t kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { const char *name; rp_arguments_t *args; rp_stmt_seq_t body;
                 rp_expr_seq_t decorator_list; rp_expr_t *returns; } functiondef;
        struct { const char *name; rp_expr_seq_t bases; rp_keyword_seq_t keywords;
                 rp_stmt_seq_t body; rp_expr_seq_t decorator_list; } classdef;
        struct { rp_expr_t *value; } return_;              // value may be NULL
        struct { rp_expr_seq_t targets; } delete_;
        struct { rp_expr_seq_t targets; rp_expr_t *value; } assign;
        struct { rp_expr_t *target; rp_operator_t op; rp_expr_t *value; } augassign;
        struct { rp_expr_t *target, *annotation, *value; int simple; } annassign;
        struct { rp_expr_t *target, *iter; rp_stmt_seq_t body, orelse; } for_;
        struct { rp_expr_t *test; rp_stmt_seq_t body, orelse; } while_;
        struct { rp_expr_t *test; rp_stmt_seq_t body, orelse; } if_;
        struct { rp_withitem_seq_t items; rp_stmt_seq_t body; } with;
        struct { rp_expr_t *exc, *cause; } raise;          // each may be NULL
        struct { rp_stmt_seq_t body; rp_handler_seq_t handlers;
                 rp_stmt_seq_t orelse, finalbody; } try_;
        struct { rp_expr_t *test, *msg; } assert_;
        struct { rp_alias_seq_t names; } import;
        struct { const char *module; rp_alias_seq_t names; int level; } importfrom;
        struct { rp_name_seq_t names; } global, nonlocal;
        struct { rp_expr_t *value; } expr;
    } v;
};

typedef enum { RP_MOD_MODULE = 1, RP_MOD_INTERACTIVE, RP_MOD_EXPRESSION } rp_mod_kind_t;

typedef struct rp_mod {
    rp_mod_kind_t kind;
    rp_stmt_seq_t body;        // Module, Interactive
    rp_expr_t *expr;           // Expression
} rp_mod_t;

#endif
