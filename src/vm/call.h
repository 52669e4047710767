// Calling Python functions: argument binding into a frame, frame
// creation for a call, and helpers for the messages of call errors.
// Private to vm/.
#ifndef RP_VM_CALL_H
#define RP_VM_CALL_H

#include "objects/func.h"
#include "vm/frame.h"

// Binds a call's arguments (args[0..nargs) positional, then one value per
// name in kwnames) to the parameters of func's code, storing new
// references into f->localsplus, whose argument slots must all be NULL.
// Arguments are borrowed.  Raises CPython's TypeErrors ("f() missing 1
// required positional argument: 'b'", ...).  0 / -1 (the frame then holds
// whatever was bound; rp_frame_clear releases it).
int rp_vm_bind_args(rp_frame_t *f, rp_func_t *func, rp_obj_t *const *args,
                    size_t nargs, rp_obj_t *kwnames);

// Creates and binds a data-stack frame for calling func (not a generator
// function) with borrowed arguments; cells are created.  The frame is not
// linked into the frame chain yet.  NULL with an exception set.
rp_frame_t *rp_vm_frame_for_call(rp_func_t *func, rp_obj_t *const *args,
                                 size_t nargs, rp_obj_t *kwnames);

// Releases a data-stack frame that was never run or has finished.
void rp_vm_frame_discard(rp_frame_t *f);

// Calls a generator function: a new generator owning a frame bound to
// the arguments.  New reference or NULL.
rp_obj_t *rp_vm_make_generator(rp_func_t *func, rp_obj_t *const *args,
                               size_t nargs, rp_obj_t *kwnames);

// CPython's _PyObject_FunctionStr: "mod.qualname()" / "qualname()" for
// messages such as "f() argument after * must be an iterable".  New
// reference (never fails: falls back to the type name).
rp_obj_t *rp_vm_func_str(rp_obj_t *func);

// func(*callargs, **kwargs) as CALL_FUNCTION_EX: callargs any iterable
// (converted to a tuple, "argument after * must be an iterable, not
// int"), kwargs NULL or any mapping ("argument after ** must be a
// mapping").  Borrowed arguments; new reference or NULL.
rp_obj_t *rp_vm_call_ex(rp_obj_t *func, rp_obj_t *callargs, rp_obj_t *kwargs);

#endif
