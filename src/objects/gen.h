// Generator objects: the result of calling a generator function.  A
// generator owns the suspended frame of its function; the type and its
// methods are implemented by the VM (vm/gen.c), which runs the frame.
#ifndef RP_GEN_H
#define RP_GEN_H

#include "object.h"

extern rp_type_t rp_type_generator;

static inline bool rp_gen_check(const rp_obj_t *o)
{
    return o->type == &rp_type_generator;
}

struct rp_frame;

// Creates an (untracked) generator for func, a function whose code has
// RP_CO_GENERATOR, with its frame initialised and every local slot NULL;
// *frame_out receives the frame for argument binding.  Call
// rp_gen_start_tracking once the frame is bound.  New reference or NULL.
rp_obj_t *rp_gen_new_for(rp_obj_t *func, struct rp_frame **frame_out);
// Makes the generator visible to the cycle collector.
void rp_gen_start_tracking(rp_obj_t *gen);
// The frame embedded in a generator (the VM resumes it in place).
struct rp_frame *rp_gen_frame(rp_obj_t *gen);

// Results of rp_iter_send (CPython's PySendResult).
typedef enum {
    RP_SEND_RETURN = 0,     // the iterator finished; *result is its value
    RP_SEND_NEXT = 1,       // it yielded *result
    RP_SEND_ERROR = -1,     // an exception is set; *result is NULL
} rp_send_result_t;

// Sends arg into iterator it (CPython's PyIter_Send): generators resume
// with arg; other iterators get next() when arg is None, else
// it.send(arg).  *result receives a new reference (or NULL on error).
rp_send_result_t rp_iter_send(rp_obj_t *it, rp_obj_t *arg, rp_obj_t **result);

#endif
