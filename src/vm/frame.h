// Frames: the activation records of Python code.  Ordinary frames live on
// a contiguous LIFO "data stack"; generator frames are embedded in their
// generator object.  Private to vm/.
#ifndef RP_FRAME_H
#define RP_FRAME_H

#include "objects/object.h"
#include "objects/code.h"

/*
 * Frame layout (one block):
 *
 *   rp_frame_t header
 *   localsplus[0 .. code->nlocalsplus)        locals, cells, free vars
 *   localsplus[nlocalsplus .. + stacksize)    the value stack
 *
 * Invariants:
 * - A frame owns a reference to its code, to its function (if any), to
 *   its locals dict (if any), to every non-NULL localsplus slot, to every
 *   value-stack item below sp (NULL items are allowed: the NULL slot of
 *   the call protocol), and to `handled`.
 * - Every frame has a function (module code runs in the one
 *   rp_eval_code makes, as PyEval_EvalCode) and borrows its
 *   globals/builtins; a frame object that outlives the frame takes the
 *   function over (vm/frameobj.h).
 * - While a frame is not the one executing, `ip` points just past the
 *   opcode word of the instruction in progress (a CALL waiting for its
 *   callee, or the YIELD_VALUE / YIELD_FROM a generator is suspended at),
 *   so ip[-1] is that instruction and ip - 1 - code->code its index.
 * - `previous` links the running frames (innermost first): the chain is
 *   what tracebacks, locals() and sys.exc_info() see.  A suspended
 *   generator frame is not in the chain.
 * - `handled` is the exception being handled by an except/finally block
 *   of this frame (PUSH_EXC_INFO / POP_EXCEPT); the innermost non-NULL one
 *   along the chain is sys.exc_info().
 * - Each executing frame counts one level of rp_recursion_depth.
 */

typedef struct rp_frame rp_frame_t;

enum {
    RP_FRAME_DATASTACK = 0,     // allocated on the data stack
    RP_FRAME_GENERATOR = 1,     // embedded in a generator object
};

// Execution state (used by generator frames).
enum {
    RP_FRAME_CREATED = 0,       // not started yet
    RP_FRAME_RUNNING,           // executing (in the frame chain)
    RP_FRAME_SUSPENDED,         // stopped at YIELD_VALUE / YIELD_FROM
    RP_FRAME_COMPLETED,         // returned or raised; locals released
};

struct rp_frame {
    rp_frame_t *previous;
    rp_code_t *code;            // owned
    rp_obj_t *func;             // owned, or NULL
    rp_obj_t *globals;          // dict
    rp_obj_t *builtins;         // dict
    rp_obj_t *locals;           // owned dict (module/class bodies) or NULL
    rp_obj_t *handled;          // owned, or NULL
    uint32_t *ip;               // see the invariants above
    rp_obj_t **sp;              // value-stack top (one past the last item)
    rp_obj_t *gen;              // owning generator (borrowed), or NULL
    rp_obj_t *frame_obj;        // owned frame object (vm/frameobj.h), or NULL
    uint8_t owner;              // RP_FRAME_*
    uint8_t is_entry;           // returning from it returns to C
    uint8_t in_yield_from;      // suspended inside YIELD_FROM
    uint8_t state;              // RP_FRAME_CREATED ...
    rp_obj_t *localsplus[];
};

// The innermost executing frame, or NULL.
extern rp_frame_t *rp_vm_frame;

static inline rp_obj_t **rp_frame_stack_base(rp_frame_t *f)
{
    return f->localsplus + f->code->nlocalsplus;
}

// Bytes needed for a frame running code.
static inline size_t rp_frame_size(const rp_code_t *co)
{
    return sizeof(rp_frame_t) + sizeof(rp_obj_t *) * (size_t)(co->nlocalsplus + co->stacksize);
}

// Allocates an uninitialised frame block of `size` bytes on the data
// stack.  NULL with MemoryError set on failure.
rp_frame_t *rp_datastack_push(size_t size);
// Releases the most recently pushed data-stack frame.
void rp_datastack_pop(rp_frame_t *f);

// Initialises the header of a frame for code (owned reference taken
// from code_take) and func (owned reference taken from func_take, may be
// NULL).  Locals and stack slots are left for the caller to fill.
void rp_frame_init(rp_frame_t *f, rp_code_t *code_take, rp_obj_t *func_take,
                   rp_obj_t *globals, rp_obj_t *builtins, uint8_t owner);

// Creates the cells of CELL slots (wrapping an argument's value, if any)
// and copies the closure into the FREE slots.  0 / -1 with MemoryError.
int rp_frame_make_cells(rp_frame_t *f);
// PyFrame_FastToLocals: refreshes *ldict (made when NULL) from the first
// n slots of an optimized frame of co: each name holding a value (a
// cell's contents) is set, the others removed.  The same dict serves
// every call.  New reference, or NULL with an exception.
rp_obj_t *rp_frame_fast_to_locals(rp_obj_t **ldict, const rp_code_t *co, rp_obj_t *const *slots,
                                  int n);

// Releases everything a frame owns (locals, stack, handled, func, code,
// locals dict, owned globals) without freeing its memory.
void rp_frame_clear(rp_frame_t *f);

// Index of the instruction in progress of a frame that is not executing.
static inline int rp_frame_lasti(const rp_frame_t *f)
{
    return (int)(f->ip - f->code->code) - 1;
}

// The builtins dict for a globals dict: globals['__builtins__'] (a module
// or a dict), else the interpreter's builtins.  Borrowed.
rp_obj_t *rp_frame_builtins_for(rp_obj_t *globals);

#endif
