// Frame objects: the Python-visible view of a frame that tracebacks hold
// (CPython's PyFrameObject).  While the frame runs, the object refers to
// it; when the frame finishes while the object is still referenced, the
// object takes over the frame's locals, so objects referenced by a
// frame that raised live as long as the traceback does.  Private to vm/.
#ifndef RP_FRAMEOBJ_H
#define RP_FRAMEOBJ_H

#include "objects/object.h"
#include "vm/frame.h"

extern rp_type_t rp_type_frame;

static inline bool rp_frameobj_check(const rp_obj_t *o)
{
    return o->type == &rp_type_frame;
}

// The frame object of f, created on first use (f keeps one reference).
// New reference or NULL with MemoryError.
rp_obj_t *rp_frameobj_get(rp_frame_t *f);
// Called when f finishes: if its frame object is referenced elsewhere,
// the object takes f's locals (the slots are left NULL); f's reference
// to the object is dropped.
void rp_frameobj_detach(rp_frame_t *f);
// The code object / globals dict of a frame object (borrowed).
rp_obj_t *rp_frameobj_code(rp_obj_t *fo);
rp_obj_t *rp_frameobj_globals(rp_obj_t *fo);

#endif
