// Read-only walks over the running frame chain (vm/frame.h) for layers
// that must not see frames directly.
#include "vm/introspect.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "objects/errors.h"

int rp_vm_walk_frames(rp_vm_frame_visit_fn fn, void *arg, int limit)
{
    int n = 0;
    for (rp_frame_t *f = rp_vm_frame; f && n < limit; f = f->previous) {
        const rp_code_t *co = f->code;
        int line = co ? rp_code_line(co, rp_frame_lasti(f)) : 0;
        n++;
        if (fn((rp_obj_t *)co, line, arg))
            break;
    }
    return n;
}

int rp_vm_frame_depth(void)
{
    int n = 0;
    for (rp_frame_t *f = rp_vm_frame; f; f = f->previous)
        n++;
    return n;
}

rp_obj_t *rp_vm_getframe(rp_ssize_t depth)
{
    rp_frame_t *f = rp_vm_frame;
    for (; depth > 0 && f; depth--)
        f = f->previous;
    if (!f)
        return rp_err_format(&rp_exc_ValueError, "call stack is not deep enough");
    return rp_frameobj_get(f);
}
