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

// OR'ed into RP_COMPILE_SINGLE: parse with RP_PARSE_FLAG_STOP.
#define RP_COMPILE_FLAG_STOP 0x100

typedef struct rp_unit_info {
    rp_unit_kind_t kind;
    int number;                 // REPL input number, else 0
} rp_unit_info_t;

// Parses and compiles src[0..len).  filename is a str (borrowed) used in
// code objects, tracebacks and SyntaxWarnings.  Returns the module's code
// object (new reference) or NULL with SyntaxError / IndentationError /
// MemoryError / RecursionError set.  If err_out is not NULL and the
// failure was a parse error, *err_out receives it (the caller then owns
// err_out->text: rp_parse_error_clear); otherwise *err_out is zeroed.
// Compile-time SyntaxWarnings ("is" with a literal...) are printed to
// stderr as CPython prints them.  The code object holds the unit's
// literal references while it lives (objects/code.h unit_refs).
rp_obj_t *rp_compile_source(const char *src, size_t len, rp_obj_t *filename,
                            rp_compile_mode_t mode, rp_unit_info_t unit,
                            rp_parse_error_t *err_out);

// Compiles an already parsed tree as one unit (no source text: compile
// errors carry no source line).  The tree is folded in place and its
// constant nodes then point to objects that live only while compiling:
// compile a tree once.  Returns the module's code object or NULL with an
// exception set.
rp_obj_t *rp_compile_mod(rp_mod_t *mod, rp_obj_t *filename,
                         rp_compile_mode_t mode, rp_unit_info_t unit);

// Text dump of a code object's instructions (for tests and --dis): one
// line per instruction (line number when it changes, word offset, opcode
// name, argument, resolved constant / name / jump target), the exception
// table, then the code objects among its constants.  Returns a string
// allocated with malloc (release with free), or NULL with MemoryError set.
char *rp_code_disassemble(rp_obj_t *code);

#endif
