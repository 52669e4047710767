// Code objects: the compiler's output and the VM's input.  Immutable
// after creation except for the VM's quickening of the instruction words.
#ifndef RP_CODE_H
#define RP_CODE_H

#include "object.h"

/*
 * Frame slot layout ("localsplus", as in CPython 3.11):
 *   slots [0, nlocals)                     plain locals, arguments first
 *   slots [nlocals, nlocals+ncells)        cell variables not also arguments
 *   slots [.., nlocalsplus)                free variables (from the closure)
 * localspluskinds[i] has RP_FAST_LOCAL / RP_FAST_CELL / RP_FAST_FREE bits.
 * An argument captured by an inner function is one slot with both
 * LOCAL and CELL bits.  When a frame starts, the VM wraps every CELL slot
 * in a new cell (holding the argument value, if any) and copies the
 * function's closure cells into the FREE slots; no opcodes do this.
 *
 * Arguments occupy slots 0..argcount-1 (positional, including
 * positional-only), then kwonlyargcount slots, then *args if
 * RP_CO_VARARGS, then **kwargs if RP_CO_VARKEYWORDS.
 */

enum {
    RP_FAST_LOCAL = 0x20,
    RP_FAST_CELL = 0x40,
    RP_FAST_FREE = 0x80,
};

enum {
    RP_CO_OPTIMIZED = 0x1,      // locals in fast slots (functions)
    RP_CO_NEWLOCALS = 0x2,
    RP_CO_VARARGS = 0x4,
    RP_CO_VARKEYWORDS = 0x8,
    RP_CO_NESTED = 0x10,
    RP_CO_GENERATOR = 0x20,
    RP_CO_NOFREE = 0x40,
};

// One exception-table entry: instructions [start, end) are protected by
// the handler at target; on entry the stack is cut to depth items, then
// lasti (if set) and the exception are pushed.  Entries are sorted by
// start and never overlap (each instruction's innermost handler).
typedef struct rp_exc_entry {
    uint32_t start, end, target;
    uint16_t depth;
    uint8_t lasti;
} rp_exc_entry_t;

// What a compilation unit is, for messages and memlab: the unit owns the
// constant cache while compiling; every code object keeps its label.
typedef enum {
    RP_UNIT_SCRIPT = 1,    // a whole file
    RP_UNIT_COMMAND,       // one -c string
    RP_UNIT_REPL,          // one interactive input (number = input count)
    RP_UNIT_STDIN,         // a script read from piped stdin
    RP_UNIT_OTHER,
} rp_unit_kind_t;

// The source range of one instruction (CPython 3.11's co_positions, for
// the traceback's carets): the end line and the 0-based UTF-8 byte
// columns of the AST node being compiled; col and end_col are -1 when
// unknown.  The start line is in lines[].
typedef struct rp_code_pos {
    int end_lineno;
    int col, end_col;
} rp_code_pos_t;

typedef struct rp_code {
    rp_obj_t ob;
    uint32_t *code;             // ncode instruction words (opcodes.h)
    int ncode;
    int *lines;                 // source line of each instruction word
    rp_exc_entry_t *exctable;
    int nexc;
    rp_obj_t *consts;           // tuple
    rp_obj_t *names;            // tuple of interned str
    rp_obj_t *localsplusnames;  // tuple of interned str
    unsigned char *localspluskinds;
    int argcount;               // positional, including positional-only
    int posonlyargcount;
    int kwonlyargcount;
    int nlocalsplus, nlocals, ncells, nfrees;
    int stacksize;
    int flags;                  // RP_CO_*
    int firstlineno;
    rp_obj_t *name;             // str: "f", "<module>", "<lambda>", "<listcomp>"
    rp_obj_t *qualname;         // str: "C.f", "f.<locals>.g"
    rp_obj_t *filename;         // str
    rp_unit_kind_t unit_kind;
    int unit_number;            // REPL input number (1-based); 0 otherwise
    void *quick;                // VM-private specialisation data (NULL)
    rp_code_pos_t *positions;   // ncode entries (rp_mem), or NULL; owned
    // The unit's top-level code object also holds what CPython's parser
    // arena holds while the unit runs: one reference to each constant
    // that came from a literal (so sys.getrefcount matches).  Owned.
    rp_obj_t **unit_refs;
    int nunit_refs;
} rp_code_t;

extern rp_type_t rp_type_code;

// Drops the unit references (see unit_refs) early: callers that keep a
// compiled module code object without running it at once (compile())
// call this, as CPython frees the arena right after compiling.
void rp_code_release_unit_refs(rp_code_t *co);

// Readies the code type (start-up).  0 / -1.
int rp_code_init(void);

// Releases co->quick when a code object dies (set by the VM at start-up;
// when NULL, quick is freed with rp_mem_free).
extern void (*rp_code_quick_free)(rp_code_t *co);

// Called (when non-NULL) first thing when a code object is freed, while
// it still holds its constants: memlab remembers which compilation unit
// the constants that outlive it came from.  Defined (and set) in
// modules/memlab_origin.c.
extern void (*rp_code_dealloc_hook)(rp_code_t *co);

// Creates a code object.  Takes ownership of the arrays (allocated with
// rp_mem_alloc) and of the references passed with _take names.  Returns a
// new reference or NULL with an exception set (arrays freed).
rp_obj_t *rp_code_new_take(uint32_t *code, int ncode, int *lines,
                           rp_exc_entry_t *exctable, int nexc,
                           rp_obj_t *consts_take, rp_obj_t *names_take,
                           rp_obj_t *localsplusnames_take,
                           unsigned char *localspluskinds);

// The source range of instruction index i: 1 and *out filled, or 0 when
// unknown.
static inline int rp_code_position(const rp_code_t *co, int i, int *lineno,
                                   rp_code_pos_t *out)
{
    if (i < 0 || i >= co->ncode || !co->positions)
        return 0;
    *lineno = co->lines[i];
    *out = co->positions[i];
    return 1;
}

// The source line of instruction index i.
static inline int rp_code_line(const rp_code_t *co, int i)
{
    return (i >= 0 && i < co->ncode) ? co->lines[i] : co->firstlineno;
}

#endif
