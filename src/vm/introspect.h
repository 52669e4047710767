// Read-only views of the running Python frames for other layers
// (tracemalloc, tracebacks of allocations), without exposing vm/frame.h.
#ifndef RP_VM_INTROSPECT_H
#define RP_VM_INTROSPECT_H

#include "objects/object.h"

// Called for each running frame, innermost first, with its code object
// (borrowed) and the current line.  Return non-zero to stop the walk.
typedef int (*rp_vm_frame_visit_fn)(rp_obj_t *code, int lineno, void *arg);

// Walks at most limit frames of the running chain (innermost first).
// Returns the number of frames visited.  Allocates nothing; safe to call
// from an allocator hook.  The innermost frame's line is that of the
// instruction in progress while instruction tracing is on (see below);
// otherwise the one recorded at its last call or suspension (the loop
// keeps its instruction pointer in a register between calls).
int rp_vm_walk_frames(rp_vm_frame_visit_fn fn, void *arg, int limit);

// Turns instruction tracing on or off: while on, the loop stores its
// instruction pointer in the frame before each instruction, so walks see
// the exact line.  Off (the default) costs nothing: the loop dispatches
// through its table unchanged.  Implemented in vm/eval.c.
void rp_vm_set_ip_tracing(bool on);

// sys._getframe(depth): the frame object (made on first use) of the
// running frame depth calls out from the innermost.  New reference, or
// NULL with ValueError when the chain is shorter.
rp_obj_t *rp_vm_getframe(rp_ssize_t depth);

// Total number of running frames.
int rp_vm_frame_depth(void);

#endif
