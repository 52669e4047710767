// The evaluation loop's entry points for the rest of vm/ (generators,
// C-level calls of Python functions, module code).  Private to vm/.
#ifndef RP_VM_EVAL_H
#define RP_VM_EVAL_H

#include "vm/frame.h"

// Runs frame f entered from C: links it on top of the frame chain, runs
// until it returns, raises out, or (generator frames) yields.  With
// throwing set, the pending exception is raised at f's current
// instruction first (generator.throw()).  Data-stack frames are released
// before returning; generator frames are left with state SUSPENDED
// (yielded value returned) or COMPLETED (result returned, or NULL with an
// exception set).  New reference or NULL.
rp_obj_t *rp_vm_run_frame(rp_frame_t *f, bool throwing);

// Sets exc.__context__ to the exception currently handled (if any and not
// exc itself), breaking cycles, as CPython does when raising.
void rp_vm_chain_context(rp_obj_t *exc);

// Start-up of the loop: C stack bounds for re-entry checks.
void rp_vm_eval_init(void);
// Releases the loop's reserves of dead ints and floats (exit).
void rp_vm_eval_fini(void);

#endif
