// The compiler: AST to code objects, with symbol tables, constant folding
// and one constant cache per compilation unit.
#ifndef RP_COMPILE_H
#define RP_COMPILE_H

#include "objects/object.h"
#include "objects/code.h"
#include "parse/parser.h"

typedef enum {
    RP_COMPILE_EXEC = 1,        // a module (script, -c, stdin)
    RP_COMPILE_SINGLE,          // one REPL input: expression statements
                                // print through sys.displayhook (PRINT_EXPR)
    RP_COMPILE_EVAL,            // one expression
} rp_compile_mode_t;

typedef struct rp_unit_info {
    rp_unit_kind_t kind;
    int number;                 // REPL input number, else 0
} rp_unit_info_t;

// Parses and compiles src[0..len).  filename is a str (borrowed) used in
// code objects, tracebacks and SyntaxWarnings.  Returns the module's code
// object (new reference) or NULL with SyntaxError / IndentationError /
// MemoryError set.  If err_out is not NULL and the failure was a parse
// error, *err_out receives a copy of it (the REPL checks .incomplete).
rp_obj_t *rp_compile_source(const char *src, size_t len, rp_obj_t *filename,
                            rp_compile_mode_t mode, rp_unit_info_t unit,
                            rp_parse_error_t *err_out);

// Compiles an already parsed tree.
rp_obj_t *rp_compile_mod(rp_mod_t *mod, rp_obj_t *filename,
                         rp_compile_mode_t mode, rp_unit_info_t unit);

// Text dump of a code object's instructions (for tests and --dis).
char *rp_code_disassemble(rp_obj_t *code);

#endif
