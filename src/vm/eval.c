// The evaluation loop: executes code objects' instructions (opcodes.h)
// with computed-goto dispatch, inline caches and fast paths for the
// common types.  Python-to-Python calls push a frame and stay in the same
// C loop; only calls from C code enter it anew (rp_vm_run_frame).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "compile/opcodes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/rangeobj.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/typeslots.h"
#include "vm/call.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "vm/icache.h"
#include "objects/slots.h"
#include "vm/introspect.h"
#include "vm/ops.h"
#include "vm/vm.h"

/*
 * Registers of the loop (cached from the executing frame):
 *   frame   the executing frame; rp_vm_frame == frame while it runs
 *   ip      next instruction word; the current instruction is ip[-1] and
 *           its cache words start at ip[0]
 *   sp      value-stack top
 *   fast    frame->localsplus
 *   co, first, consts, names   from frame->code
 * They are written back to the frame (ip, sp) before the frame stops
 * being the executing one: a Python call (the callee runs in this same
 * loop), a yield, a return.  Callers resume after the call's caches.
 *
 * Errors: an instruction that fails jumps to `error` with the exception
 * pending; the loop takes it, chains __context__, adds a traceback entry
 * for the frame and looks for a handler in the exception table
 * (`exception_unwind`).  Without one the frame is popped and the
 * exception continues in its caller (same loop) or is returned to C.
 *
 * Inline caches (vm/icache.h): LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and
 * STORE_ATTR check their entry's version key first and fall back to the
 * generic protocol, refilling the entry.  Arithmetic on exact ints and
 * floats, list/tuple/dict subscripts, small-int comparisons (fused with a
 * following conditional jump) and range iteration are done inline; an
 * int/float result reuses an operand or the local it is stored into when
 * nothing else references that object.
 */

// ---------------------------------------------------------------------
// Helpers

static uintptr_t c_stack_limit;

void rp_vm_eval_init(void)
{
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = (size_t)rl.rlim_cur;
    if (size > (size_t)1 << 30)
        size = (size_t)1 << 30;
    size_t margin = size / 8 > (256u << 10) ? size / 8 : (256u << 10);
    if (margin > size / 2)
        margin = size / 2;
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    c_stack_limit = here > size - margin ? here - (size - margin) : 0;
}

static rp_exc_entry_t *find_handler(rp_code_t *co, int off)
{
    int lo = 0, hi = co->nexc - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        rp_exc_entry_t *e = &co->exctable[mid];
        if ((uint32_t)off < e->start)
            hi = mid - 1;
        else if ((uint32_t)off >= e->end)
            lo = mid + 1;
        else
            return e;
    }
    return NULL;
}

rp_obj_t *rp_err_handled_borrow(void)
{
    for (rp_frame_t *f = rp_vm_frame; f; f = f->previous)
        if (f->handled)
            return f->handled;
    return NULL;
}

// The builtins dict of a new function's frame.
static inline rp_obj_t *func_builtins(rp_func_t *fn)
{
    return fn->builtins ? fn->builtins : rp_interp.builtins;
}

// True if the int v converts to a double exactly (|v| <= 2**53).
static inline bool exact_in_double(int64_t v)
{
    return v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53);
}

static inline bool is_small_int_value(int64_t v)
{
    return (uint64_t)(v - RP_SMALL_INT_MIN) <= (uint64_t)(RP_SMALL_INT_MAX - RP_SMALL_INT_MIN);
}

// True if the instruction at next stores into a local that holds o (the
// value computed now replaces it there).
static inline bool stores_to_local(const uint32_t *next, rp_obj_t **fast, rp_obj_t *o)
{
    return rp_instr_op(*next) == RP_OP_STORE_FAST && fast[rp_instr_arg(*next)] == o;
}

// Dying exact ints and floats released by arithmetic and stores are kept
// (up to STASH_SIZE of each, like CPython's float free list) and reused
// for the next result of the same type instead of being freed and
// reallocated (-DRP_NO_STASH turns this off, for measurements).
#define STASH_SIZE 16
static rp_obj_t *float_stash[STASH_SIZE], *int_stash[STASH_SIZE];
static int n_float_stash, n_int_stash;

static inline void release_operand(rp_obj_t *o)
{
#ifdef RP_NO_STASH
    rp_decref(o);
    return;
#endif
    if (--o->refcnt != 0)
        return;
    if (o->type == &rp_type_float && n_float_stash < STASH_SIZE) {
        o->refcnt = 1;
        float_stash[n_float_stash++] = o;
    } else if (o->type == &rp_type_int && rp_int_is_small(o) && n_int_stash < STASH_SIZE) {
        o->refcnt = 1;
        int_stash[n_int_stash++] = o;
    } else {
        rp_obj_dealloc(o);
    }
}

static inline rp_obj_t *new_float(double v)
{
#ifdef RP_NO_STASH
    return rp_float_from_double(v);
#endif
    if (n_float_stash) {
        rp_obj_t *f = float_stash[--n_float_stash];
        ((rp_float_t *)f)->value = v;
        return f;
    }
    return rp_float_from_double(v);
}

// v must be outside the small-int cache range.
static inline rp_obj_t *new_big_int(int64_t v)
{
#ifdef RP_NO_STASH
    return rp_int_from_i64(v);
#endif
    if (n_int_stash) {
        rp_obj_t *i = int_stash[--n_int_stash];
        ((rp_int_t *)i)->value = v;
        return i;
    }
    return rp_int_from_i64(v);
}

void rp_vm_eval_fini(void)
{
    while (n_float_stash)
        rp_decref(float_stash[--n_float_stash]);
    while (n_int_stash)
        rp_decref(int_stash[--n_int_stash]);
}

// When the instruction at next stores into a local whose current value
// is an object of type t referenced by nothing else, that object (new
// reference) can receive the result being computed instead of a fresh
// allocation: the old value would die at the store anyway.
static inline rp_obj_t *reusable_target(const uint32_t *next, rp_obj_t **fast, rp_type_t *t)
{
    if (rp_instr_op(*next) != RP_OP_STORE_FAST)
        return NULL;
    rp_obj_t *old = fast[rp_instr_arg(*next)];
    if (!old || old->refcnt != 1 || old->type != t)
        return NULL;
    if (t == &rp_type_int && !rp_int_is_small(old))
        return NULL;
    rp_incref(old);
    return old;
}

// The result of comparison op (RP_LT..RP_GE) given how the operands
// compare: 0 less, 1 equal, 2 greater, 3 unordered (a NaN).  Table
// lookup instead of a switch: one site with six targets mispredicts.
static inline int compare_outcome(unsigned op, int order)
{
    static const uint8_t masks[6] = {
        [RP_LT] = 1, [RP_LE] = 3, [RP_EQ] = 2, [RP_NE] = 13, [RP_GT] = 4, [RP_GE] = 6,
    };
    return (masks[op] >> order) & 1;
}

// Executions of a BINARY_OP that was de-specialised before it may be
// specialised again.
#define BINOP_BACKOFF 64

// The quickened opcode for a op b (same exact type, float or int), or 0.
static inline unsigned binop_specialisation(rp_obj_t *a, rp_obj_t *b, unsigned oparg)
{
    unsigned op = oparg >= RP_BINOP_INPLACE ? oparg - RP_BINOP_INPLACE : oparg;
    if (a->type == &rp_type_float) {
        switch (op) {
        case RP_BINOP_ADD: return RP_OP_BINARY_OP_ADD_FLOAT;
        case RP_BINOP_SUB: return RP_OP_BINARY_OP_SUB_FLOAT;
        case RP_BINOP_MUL: return RP_OP_BINARY_OP_MUL_FLOAT;
        case RP_BINOP_TRUEDIV: return rp_float_value(b) != 0.0 ? RP_OP_BINARY_OP_DIV_FLOAT : 0;
        default: return 0;
        }
    }
    if (!rp_int_is_small(a) || !rp_int_is_small(b))
        return 0;
    switch (op) {
    case RP_BINOP_ADD: return RP_OP_BINARY_OP_ADD_INT;
    case RP_BINOP_SUB: return RP_OP_BINARY_OP_SUB_INT;
    case RP_BINOP_MUL: return RP_OP_BINARY_OP_MUL_INT;
    default: return 0;
    }
}

// Signal check for backward jumps and calls.
#define CHECK_SIGNALS()                                                      \
    do {                                                                     \
        if (rp_interp.pending_signal) {                                      \
            frame->sp = sp;                                                  \
            if (rp_vm_handle_signals() < 0)                                  \
                goto error;                                                  \
        }                                                                    \
    } while (0)

// A conditional jump to oparg.  It can go backwards (jumps are threaded
// to a loop's start), and then polls for signals like JUMP_BACKWARD, so
// that `while True: ... if c: break` stays interruptible.  Callers have
// the stack consistent for `goto error` (a popped operand may only be an
// immortal singleton).
#define COND_JUMP()                                                          \
    do {                                                                     \
        if (first + oparg < ip)                                              \
            CHECK_SIGNALS();                                                 \
        ip = first + oparg;                                                  \
    } while (0)

// ---------------------------------------------------------------------
// The loop

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define NAME(i) (rp_tuple_items(co->names)[i])
#define CONST(i) (rp_tuple_items(co->consts)[i])

#define LOAD_FRAME()                                                         \
    do {                                                                     \
        co = frame->code;                                                    \
        first = co->code;                                                    \
        ip = frame->ip;                                                      \
        sp = frame->sp;                                                      \
        fast = frame->localsplus;                                            \
    } while (0)

#define INSTR_INDEX() ((int)(ip - first) - 1)

// Computed-goto dispatch with GCC-compatible compilers; a switch
// otherwise (or with -DRP_NO_COMPUTED_GOTO).
#if defined(__GNUC__) && !defined(RP_NO_COMPUTED_GOTO)
#define RP_COMPUTED_GOTO 1
#endif

#ifdef RP_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                                                           \
    do {                                                                     \
        word = *ip++;                                                        \
        oparg = word >> 8;                                                   \
        goto *dispatch_table[word & 0xFF];                                   \
    } while (0)
#else
#define TARGET(op) case RP_OP_##op:
#define DISPATCH() goto dispatch_top
#endif

#ifdef RP_COMPUTED_GOTO
// The dispatch tables of eval_frame, for rp_vm_set_ip_tracing.
static struct { void **table; void *const *orig; void *save; } ip_trace;
#endif

#if defined(RP_COMPUTED_GOTO) && !defined(__clang__)
// Keep one indirect jump per instruction (better branch prediction):
// GCC would otherwise merge the identical dispatch tails.
__attribute__((optimize("no-crossjumping", "no-gcse")))
#endif
// An instance attribute of owner (its dict or its inline values) for a
// cache entry whose class may give instances a dict slot (c->offset > 0):
// borrowed, or NULL (with an exception only if a dict lookup failed).
static inline rp_obj_t *instance_attr(rp_obj_t *owner, const rp_icache_t *c, rp_obj_t *name)
{
    if (c->offset <= 0)
        return NULL;
    rp_obj_t *d = *rp_icache_dict_slot(owner, c->offset);
    if (d)
        return rp_dict_get_str_borrow(d, name);
    rp_obj_t **vals = rp_values_of(owner);
    return vals ? rp_values_get(owner, vals, name) : NULL;
}

static rp_obj_t *eval_frame(rp_frame_t *frame, bool throwing)
{
#ifdef RP_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#pragma GCC diagnostic ignored "-Wpedantic"
    // Writable so rp_vm_set_ip_tracing can route every entry through
    // L_save_ip; dispatch_orig keeps the real targets.
    static void *dispatch_table[256] = {
        [0 ... 255] = &&L_unknown_opcode,
#define RP_OP_LABEL(name, caches) [RP_OP_##name] = &&L_##name,
        RP_OPCODES(RP_OP_LABEL)
    };
    static void *const dispatch_orig[256] = {
        [0 ... 255] = &&L_unknown_opcode,
        RP_OPCODES(RP_OP_LABEL)
#undef RP_OP_LABEL
    };
#pragma GCC diagnostic pop
    if (__builtin_expect(frame == NULL, 0)) {
        // Called by rp_vm_set_ip_tracing: hand out the tables.
        ip_trace.table = dispatch_table;
        ip_trace.orig = dispatch_orig;
        ip_trace.save = &&L_save_ip;
        return NULL;
    }
#endif
    rp_code_t *co;
    uint32_t *first;
    uint32_t *ip;
    rp_obj_t **sp;
    rp_obj_t **fast;
    uint32_t word;
    unsigned oparg;
    rp_obj_t *kwnames = NULL;
    rp_obj_t *exc = NULL;       // exception being unwound (owned)
    rp_obj_t *retval = NULL;
    int lasti_val;

start_frame:
    // A frame begins executing: an entry frame, or a callee pushed by CALL.
    if (++rp_recursion_depth > rp_recursion_limit && rp_recursion_enter_slow("") < 0) {
        rp_frame_t *nf = frame;
        if (nf->is_entry) {
            // Nothing ran: generator frames keep their state.
            if (nf->owner == RP_FRAME_DATASTACK)
                rp_vm_frame_discard(nf);
            return NULL;
        }
        frame = nf->previous;
        rp_vm_frame_discard(nf);
        LOAD_FRAME();
        goto error;
    }
    rp_vm_frame = frame;
    frame->state = RP_FRAME_RUNNING;
    LOAD_FRAME();
    if (throwing) {
        // generator.throw(): raise at the suspension point, chained only
        // to the generator's own handled exception.
        throwing = false;
        exc = rp_err_fetch();
        if (frame->handled && frame->handled != exc && !((rp_exc_t *)exc)->context)
            rp_exc_set_context_take(exc, rp_newref(frame->handled));
        lasti_val = INSTR_INDEX();
        goto error_traceback;
    }
    if (rp_interp.pending_signal && rp_vm_handle_signals() < 0)
        goto error;

#ifdef RP_COMPUTED_GOTO
    DISPATCH();
#else
dispatch_top:
    word = *ip++;
    oparg = word >> 8;
    switch (word & 0xFF) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(CACHE) { goto unknown_opcode; }
    TARGET(DELETE_SUBSCR_SLICE) { goto unknown_opcode; }
    TARGET(RETURN_GENERATOR) { goto unknown_opcode; }

    TARGET(POP_TOP) {
        rp_obj_t *v = POP();
        rp_xdecref(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        rp_obj_t *v = sp[-(int)oparg];
        rp_xincref(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        rp_obj_t *t = sp[-1];
        sp[-1] = sp[-(int)oparg];
        sp[-(int)oparg] = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        rp_obj_t *v = CONST(oparg);
        rp_incref(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        rp_obj_t *v = fast[oparg];
        if (__builtin_expect(v == NULL, 0)) {
            rp_ops_unbound_local(co, (int)oparg);
            goto error;
        }
        rp_incref(v);
        PUSH(v);
        // Fuse with a following load (superinstruction, next time).
        unsigned nop = rp_instr_op(*ip);
        if (nop == RP_OP_LOAD_FAST)
            ip[-1] = rp_instr_make(RP_OP_LOAD_FAST__LOAD_FAST, oparg);
        else if (nop == RP_OP_LOAD_CONST)
            ip[-1] = rp_instr_make(RP_OP_LOAD_FAST__LOAD_CONST, oparg);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_FAST) {
        rp_obj_t *v = fast[oparg];
        if (__builtin_expect(v == NULL, 0)) {
            rp_ops_unbound_local(co, (int)oparg);
            goto error;
        }
        rp_incref(v);
        PUSH(v);
        oparg = rp_instr_arg(*ip++);
        v = fast[oparg];
        if (__builtin_expect(v == NULL, 0)) {
            rp_ops_unbound_local(co, (int)oparg);
            goto error;
        }
        rp_incref(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST) {
        rp_obj_t *v = fast[oparg];
        if (__builtin_expect(v == NULL, 0)) {
            rp_ops_unbound_local(co, (int)oparg);
            goto error;
        }
        rp_incref(v);
        PUSH(v);
        v = CONST(rp_instr_arg(*ip++));
        rp_incref(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        rp_obj_t *v = POP();
        rp_obj_t *old = fast[oparg];
        fast[oparg] = v;
        if (old)
            release_operand(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        rp_obj_t *old = fast[oparg];
        if (!old) {
            rp_ops_unbound_local(co, (int)oparg);
            goto error;
        }
        fast[oparg] = NULL;
        rp_decref(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        rp_obj_t *cell = fast[oparg];
        rp_obj_t *v = cell ? ((rp_cell_t *)cell)->ref : NULL;
        if (!v) {
            rp_ops_unbound_deref(co, (int)oparg);
            goto error;
        }
        rp_incref(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        rp_obj_t *v = POP();
        rp_cell_t *cell = (rp_cell_t *)fast[oparg];
        rp_setref(&cell->ref, v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        rp_cell_t *cell = (rp_cell_t *)fast[oparg];
        if (!cell->ref) {
            rp_ops_unbound_deref(co, (int)oparg);
            goto error;
        }
        rp_clear(&cell->ref);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        rp_obj_t *cell = fast[oparg];
        rp_incref(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        frame->sp = sp;
        rp_obj_t *v = rp_ops_load_classderef(frame, (int)oparg);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        rp_obj_t *name = NAME(oparg >> 1);
        rp_icache_t *c = rp_icache_peek(co, ip);
        rp_obj_t *v;
        uint64_t gver = rp_dict_version(frame->globals);
        if (c && c->k1 == gver &&
            (c->kind == RP_K_GLOBAL ||
             (c->kind == RP_K_BUILTIN && c->k2 == rp_dict_version(frame->builtins)))) {
            v = c->value;
        } else {
            bool in_builtins;
            uint64_t bver = rp_dict_version(frame->builtins);
            frame->sp = sp;
            v = rp_ops_load_global(frame, name, &in_builtins);
            if (!v)
                goto error;
            c = rp_icache_for(co, ip);
            if (c) {
                c->k1 = gver;
                c->k2 = bver;
                c->kind = in_builtins ? RP_K_BUILTIN : RP_K_GLOBAL;
                c->value = v;
            }
        }
        if (oparg & 1)
            PUSH(NULL);
        rp_incref(v);
        PUSH(v);
        ip += 4;
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        rp_obj_t *v = POP();
        int r = rp_dict_set(frame->globals, NAME(oparg), v);
        rp_decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (rp_ops_delete_global(frame, NAME(oparg)) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        frame->sp = sp;
        rp_obj_t *v = rp_ops_load_name(frame, NAME(oparg));
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        rp_obj_t *v = POP();
        frame->sp = sp;
        int r = rp_ops_store_name(frame, NAME(oparg), v);
        rp_decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        frame->sp = sp;
        if (rp_ops_delete_name(frame, NAME(oparg)) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        rp_obj_t *owner = TOP();
        rp_obj_t *name = NAME(oparg);
        rp_type_t *tp = owner->type;
        rp_icache_t *c = rp_icache_peek(co, ip);
        rp_obj_t *res = NULL;
        if (c && c->kind != RP_K_EMPTY) {
            if (c->kind == RP_K_MODULE) {
                if (tp == &rp_type_module &&
                    rp_dict_version(rp_module_dict_borrow(owner)) == c->k1) {
                    res = rp_newref(c->value);
                    goto load_attr_done;
                }
            } else if (c->kind == RP_K_TYPE_VALUE) {
                if (tp == &rp_type_type && ((rp_type_t *)owner)->version_tag == c->k1) {
                    res = rp_newref(c->value);
                    goto load_attr_done;
                }
            } else if (c->k1 == tp->version_tag) {
                rp_obj_t *d;
                switch (c->kind) {
                case RP_K_INSTANCE: {
                    rp_obj_t **vals = rp_values_of(owner);
                    if (vals) {
                        int i = rp_icache_values_index(tp, name, &c->vindex);
                        if (i >= 0 && (res = vals[i])) {
                            rp_incref(res);
                            goto load_attr_done;
                        }
                        break;
                    }
                    d = *rp_icache_dict_slot(owner, c->offset);
                    if (d && (res = rp_dict_get_str_hint_borrow(d, name, &c->k2))) {
                        rp_incref(res);
                        goto load_attr_done;
                    }
                    break;
                }
                case RP_K_CLASS_VALUE:
                    res = instance_attr(owner, c, name);
                    if (!res && !rp_err_occurred())
                        res = c->value;
                    if (res) {
                        rp_incref(res);
                        goto load_attr_done;
                    }
                    break;
                case RP_K_NONDATA:
                    res = instance_attr(owner, c, name);
                    if (res) {
                        rp_incref(res);
                        goto load_attr_done;
                    }
                    if (!rp_err_occurred()) {
                        rp_obj_t *descr = rp_newref(c->value);
                        frame->sp = sp;
                        res = descr->type->descr_get(descr, owner, RP_OBJ(tp));
                        rp_decref(descr);
                        if (!res)
                            goto error;
                        goto load_attr_done;
                    }
                    break;
                case RP_K_SLOT: {
                    rp_obj_t *v = *(rp_obj_t **)((char *)owner + c->offset);
                    if (v) {
                        res = rp_newref(v);
                        goto load_attr_done;
                    }
                    break;          // unset: the slow path raises
                }
                case RP_K_DATA: {
                    rp_obj_t *descr = rp_newref(c->value);
                    frame->sp = sp;
                    frame->ip = ip;     // a getter may ask for f_lineno
                    res = descr->type->descr_get(descr, owner, RP_OBJ(tp));
                    rp_decref(descr);
                    if (!res)
                        goto error;
                    goto load_attr_done;
                }
                default:
                    break;
                }
                if (rp_err_occurred())
                    goto error;
            }
        }
        frame->sp = sp;
        frame->ip = ip;
        res = rp_obj_getattr(owner, name);
        if (!res)
            goto error;
        if ((c = rp_icache_for(co, ip)))
            rp_icache_fill_attr(c, owner, name, false);
    load_attr_done:
        sp[-1] = res;
        rp_decref(owner);
        ip += 4;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        rp_obj_t *owner = TOP();
        rp_obj_t *name = NAME(oparg);
        rp_type_t *tp = owner->type;
        rp_icache_t *c = rp_icache_peek(co, ip);
        if (c) {
            if (c->kind == RP_K_METHOD && c->k1 == tp->version_tag) {
                rp_obj_t *d = c->offset > 0 ? *rp_icache_dict_slot(owner, c->offset) : NULL;
                rp_obj_t **vals = rp_values_of(owner);
                if (vals && c->vindex != tp->shared_keys->nentries) {
                    // Is the name an attribute of some instance?  If no
                    // instance has it, remember the table size.
                    int i = rp_shared_keys_index(tp->shared_keys, name);
                    if (i < 0)
                        c->vindex = (int16_t)tp->shared_keys->nentries;
                    else if (vals[i])
                        goto load_method_slow;
                }
                if (!d || rp_dict_len(d) == 0 || !rp_dict_get_str_borrow(d, name)) {
                    if (rp_err_occurred())
                        goto error;
                    rp_obj_t *m = c->value;
                    rp_incref(m);
                    sp[-1] = m;
                    PUSH(owner);
                    ip += 4;
                    DISPATCH();
                }
            } else if ((c->kind == RP_K_MODULE && tp == &rp_type_module &&
                        rp_dict_version(rp_module_dict_borrow(owner)) == c->k1) ||
                       (c->kind == RP_K_TYPE_VALUE && tp == &rp_type_type &&
                        ((rp_type_t *)owner)->version_tag == c->k1)) {
                rp_obj_t *v = c->value;
                rp_incref(v);
                sp[-1] = NULL;
                PUSH(v);
                rp_decref(owner);
                ip += 4;
                DISPATCH();
            }
        }
    load_method_slow:
        frame->sp = sp;
        rp_obj_t *meth;
        int r = rp_obj_get_method(owner, name, &meth);
        if (r < 0)
            goto error;
        if (r == 1) {
            sp[-1] = meth;
            PUSH(owner);
            if ((c = rp_icache_for(co, ip)))
                rp_icache_fill_attr(c, owner, name, true);
        } else {
            sp[-1] = NULL;
            PUSH(meth);
            if ((tp == &rp_type_module || tp == &rp_type_type) && (c = rp_icache_for(co, ip)))
                rp_icache_fill_attr(c, owner, name, true);
            rp_decref(owner);
        }
        ip += 4;
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        rp_obj_t *owner = TOP();
        rp_obj_t *v = SECOND();
        rp_obj_t *name = NAME(oparg);
        rp_type_t *tp = owner->type;
        rp_icache_t *c = rp_icache_peek(co, ip);
        int r;
        if (c && c->kind == RP_K_SLOT && c->k1 == tp->version_tag) {
            rp_obj_t **p = (rp_obj_t **)((char *)owner + c->offset);
            rp_obj_t *old = *p;
            *p = rp_newref(v);
            rp_xdecref(old);        // may run __del__
            r = 0;
        } else if (c && c->kind == RP_K_STORE_DICT && c->k1 == tp->version_tag) {
            rp_obj_t **vals = rp_values_of(owner);
            if (vals) {
                int i = rp_icache_values_index(tp, name, &c->vindex);
                if (i < 0)
                    goto store_attr_slow;
                rp_values_set_at(vals, i, rp_newref(v));    // may run __del__
                r = 0;
            } else {
                rp_obj_t **dp = rp_icache_dict_slot(owner, c->offset);
                if (!*dp && !rp_obj_dict_borrow(owner))
                    goto store_attr_slow;
                r = rp_dict_set_str_hint(*dp, name, v, &c->k2);
            }
        } else {
        store_attr_slow:
            frame->sp = sp;
            r = rp_obj_setattr(owner, name, v);
            if (r == 0 && (c = rp_icache_for(co, ip)) && tp->version_tag &&
                (tp->setattr == NULL || tp->setattr == rp_obj_generic_setattr)) {
                rp_obj_t *descr = rp_type_lookup_borrow(tp, name);
                c->kind = RP_K_EMPTY;
                c->vindex = -1;
                c->k1 = tp->version_tag;
                if (descr && descr->type == &rp_type_member_descr) {
                    c->kind = RP_K_SLOT;
                    c->offset = (int32_t)rp_slots_member_offset(descr);
                } else if (tp->dict_offset > 0 && (!descr || !descr->type->descr_set)) {
                    c->kind = RP_K_STORE_DICT;
                    c->offset = (int32_t)tp->dict_offset;
                }
                rp_err_clear();
            }
        }
        sp -= 2;
        rp_decref(owner);
        rp_decref(v);
        if (r < 0)
            goto error;
        ip += 4;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        rp_obj_t *owner = POP();
        frame->sp = sp;
        int r = rp_obj_setattr(owner, NAME(oparg), NULL);
        rp_decref(owner);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        rp_obj_t *key = TOP();
        rp_obj_t *container = SECOND();
        rp_obj_t *res;
        if (container->type == &rp_type_list && key->type == &rp_type_int &&
            rp_int_is_small(key)) {
            int64_t i = rp_int_small_value(key);
            rp_ssize_t n = rp_list_len(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i < (uint64_t)n) {
                res = rp_list_get_borrow(container, (rp_ssize_t)i);
                rp_incref(res);
                goto subscr_done;
            }
        } else if (container->type == &rp_type_tuple && key->type == &rp_type_int &&
                   rp_int_is_small(key)) {
            int64_t i = rp_int_small_value(key);
            rp_ssize_t n = rp_tuple_len(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i < (uint64_t)n) {
                res = rp_tuple_get_borrow(container, (rp_ssize_t)i);
                rp_incref(res);
                goto subscr_done;
            }
        } else if (container->type == &rp_type_dict) {
            res = rp_dict_get_borrow(container, key);
            if (res) {
                rp_incref(res);
                goto subscr_done;
            }
            if (rp_err_occurred())
                goto error;
            rp_err_set_value(&rp_exc_KeyError, key);
            goto error;
        }
        frame->sp = sp;
        res = rp_obj_getitem(container, key);
        if (!res)
            goto error;
    subscr_done:
        sp -= 1;
        sp[-1] = res;
        rp_decref(key);
        rp_decref(container);
        ip += 4;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        rp_obj_t *key = TOP();
        rp_obj_t *container = SECOND();
        rp_obj_t *v = THIRD();
        int r;
        if (container->type == &rp_type_list && key->type == &rp_type_int &&
            rp_int_is_small(key)) {
            int64_t i = rp_int_small_value(key);
            rp_ssize_t n = rp_list_len(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i < (uint64_t)n) {
                rp_obj_t **slot = &((rp_list_t *)container)->items[i];
                rp_obj_t *old = *slot;
                *slot = v;          // the stack's reference moves in
                sp -= 3;
                release_operand(old);
                rp_decref(container);
                rp_decref(key);
                ip += 1;
                DISPATCH();
            }
        }
        frame->sp = sp;
        if (container->type == &rp_type_dict)
            r = rp_dict_set(container, key, v);
        else
            r = rp_obj_setitem(container, key, v);
        sp -= 3;
        rp_decref(v);
        rp_decref(container);
        rp_decref(key);
        if (r < 0)
            goto error;
        ip += 1;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        rp_obj_t *key = POP();
        rp_obj_t *container = POP();
        frame->sp = sp;
        int r = rp_obj_delitem(container, key);
        rp_decref(key);
        rp_decref(container);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        rp_obj_t *step = oparg == 3 ? POP() : NULL;
        rp_obj_t *stop = POP();
        rp_obj_t *start = TOP();
        rp_obj_t *s = rp_slice_new(start, stop, step);
        rp_decref(start);
        rp_decref(stop);
        rp_xdecref(step);
        sp[-1] = s;
        if (!s) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(BINARY_OP) {
    binop_generic:;
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        rp_obj_t *res;
        if (a->type == b->type && (a->type == &rp_type_float || a->type == &rp_type_int)) {
            // Quicken: the specialised form has its own dispatch target
            // and no switch on the operator.
            if (ip[0] > 0) {
                ip[0]--;
            } else {
                unsigned q = binop_specialisation(a, b, oparg);
                if (q)
                    ip[-1] = rp_instr_make(q, oparg);
                else
                    ip[0] = BINOP_BACKOFF;
            }
        }
        if (a->type == &rp_type_int && b->type == &rp_type_int &&
            rp_int_is_small(a) && rp_int_is_small(b)) {
            int64_t x = rp_int_small_value(a), y = rp_int_small_value(b), z;
            switch (oparg) {
            case RP_BINOP_ADD:
            case RP_BINOP_ADD + RP_BINOP_INPLACE:
                if (__builtin_add_overflow(x, y, &z))
                    goto binop_slow;
                break;
            case RP_BINOP_SUB:
            case RP_BINOP_SUB + RP_BINOP_INPLACE:
                if (__builtin_sub_overflow(x, y, &z))
                    goto binop_slow;
                break;
            case RP_BINOP_MUL:
            case RP_BINOP_MUL + RP_BINOP_INPLACE:
                if (__builtin_mul_overflow(x, y, &z))
                    goto binop_slow;
                break;
            case RP_BINOP_FLOORDIV:
            case RP_BINOP_FLOORDIV + RP_BINOP_INPLACE:
                if (y == 0 || (x == INT64_MIN && y == -1))
                    goto binop_slow;
                z = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0)))
                    z--;
                break;
            case RP_BINOP_MOD:
            case RP_BINOP_MOD + RP_BINOP_INPLACE:
                if (y == 0 || (x == INT64_MIN && y == -1))
                    goto binop_slow;
                z = x % y;
                if (z != 0 && ((z < 0) != (y < 0)))
                    z += y;
                break;
            case RP_BINOP_AND:
            case RP_BINOP_AND + RP_BINOP_INPLACE:
                z = x & y;
                break;
            case RP_BINOP_OR:
            case RP_BINOP_OR + RP_BINOP_INPLACE:
                z = x | y;
                break;
            case RP_BINOP_XOR:
            case RP_BINOP_XOR + RP_BINOP_INPLACE:
                z = x ^ y;
                break;
            default:
                goto binop_slow;
            }
            if (!is_small_int_value(z)) {
                // Reuse an operand that nothing but this stack (and the
                // local about to be overwritten by it) references.
                if (a->refcnt == 1 || (a->refcnt == 2 && stores_to_local(ip + 1, fast, a))) {
                    ((rp_int_t *)a)->value = z;
                    sp -= 1;
                    release_operand(b);
                    ip += 1;
                    DISPATCH();
                }
                if (b->refcnt == 1) {
                    ((rp_int_t *)b)->value = z;
                    sp -= 1;
                    sp[-1] = b;
                    release_operand(a);
                    ip += 1;
                    DISPATCH();
                }
                if ((res = reusable_target(ip + 1, fast, &rp_type_int)) != NULL) {
                    ((rp_int_t *)res)->value = z;
                    goto binop_done;
                }
                res = new_big_int(z);
                if (!res)
                    goto error;
                goto binop_done;
            }
            res = rp_int_from_i64(z);
            if (!res)
                goto error;
            goto binop_done;
        }
        if (a->type == &rp_type_int && b->type == &rp_type_int &&
            (oparg == RP_BINOP_TRUEDIV || oparg == RP_BINOP_TRUEDIV + RP_BINOP_INPLACE) &&
            rp_int_is_small(a) && rp_int_is_small(b) && exact_in_double(rp_int_small_value(a)) &&
            exact_in_double(rp_int_small_value(b)) && rp_int_small_value(b) != 0) {
            res = new_float((double)rp_int_small_value(a) / (double)rp_int_small_value(b));
            if (!res)
                goto error;
            goto binop_done;
        }
        if ((a->type == &rp_type_float || b->type == &rp_type_float) &&
            (a->type == &rp_type_float || (a->type == &rp_type_int && rp_int_is_small(a) &&
                                           exact_in_double(rp_int_small_value(a)))) &&
            (b->type == &rp_type_float || (b->type == &rp_type_int && rp_int_is_small(b) &&
                                           exact_in_double(rp_int_small_value(b))))) {
            double x = a->type == &rp_type_float ? rp_float_value(a)
                                                 : (double)rp_int_small_value(a);
            double y = b->type == &rp_type_float ? rp_float_value(b)
                                                 : (double)rp_int_small_value(b);
            double z;
            switch (oparg) {
            case RP_BINOP_ADD:
            case RP_BINOP_ADD + RP_BINOP_INPLACE:
                z = x + y;
                break;
            case RP_BINOP_SUB:
            case RP_BINOP_SUB + RP_BINOP_INPLACE:
                z = x - y;
                break;
            case RP_BINOP_MUL:
            case RP_BINOP_MUL + RP_BINOP_INPLACE:
                z = x * y;
                break;
            case RP_BINOP_TRUEDIV:
            case RP_BINOP_TRUEDIV + RP_BINOP_INPLACE:
                if (y == 0.0)
                    goto binop_slow;
                z = x / y;
                break;
            default:
                goto binop_slow;
            }
            if (a->type == &rp_type_float &&
                (a->refcnt == 1 || (a->refcnt == 2 && stores_to_local(ip + 1, fast, a)))) {
                ((rp_float_t *)a)->value = z;
                sp -= 1;
                release_operand(b);
                ip += 1;
                DISPATCH();
            }
            if (b->type == &rp_type_float && b->refcnt == 1) {
                ((rp_float_t *)b)->value = z;
                sp -= 1;
                sp[-1] = b;
                release_operand(a);
                ip += 1;
                DISPATCH();
            }
            if ((res = reusable_target(ip + 1, fast, &rp_type_float)) != NULL) {
                ((rp_float_t *)res)->value = z;
                goto binop_done;
            }
            res = new_float(z);
            if (!res)
                goto error;
            goto binop_done;
        }
        if ((oparg == RP_BINOP_ADD || oparg == RP_BINOP_ADD + RP_BINOP_INPLACE) &&
            a->type == &rp_type_str && b->type == &rp_type_str) {
            if (a->refcnt == 2 && stores_to_local(ip + 1, fast, a)) {
                // `s += t` / `s = s + t` on a local (CPython's
                // unicode_concatenate): the local's reference would die at
                // the store anyway, so drop it now and let the string grow
                // in place when it is the only reference left.
                fast[rp_instr_arg(ip[1])] = NULL;
                rp_decref(a);
                sp -= 1;
                frame->sp = sp;
                int r = rp_str_append_take(&sp[-1], b);
                rp_decref(b);
                if (r < 0) {
                    sp -= 1;
                    goto error;
                }
                ip += 1;
                DISPATCH();
            }
            res = rp_str_concat(a, b);
            if (!res)
                goto error;
            goto binop_done;
        }
    binop_slow:
        frame->sp = sp;
        res = rp_number_binop(a, b, (int)oparg);
        if (!res)
            goto error;
    binop_done:
        sp -= 1;
        sp[-1] = res;
        release_operand(a);
        release_operand(b);
        ip += 1;
        DISPATCH();
    }

    // Quickened BINARY_OP forms.  Each leaves through its own DISPATCH.
#define BINOP_DEOPT()                                                        \
    do {                                                                     \
        ip[-1] = rp_instr_make(RP_OP_BINARY_OP, oparg);                      \
        ip[0] = BINOP_BACKOFF;                                               \
        goto binop_generic;                                                  \
    } while (0)
    // z (a double) is the result of a op b, two exact floats on the stack.
#define BINOP_FLOAT_RESULT(zexpr)                                            \
    do {                                                                     \
        double z_ = (zexpr);                                                 \
        if (a->refcnt == 1 || (a->refcnt == 2 && stores_to_local(ip + 1, fast, a))) { \
            ((rp_float_t *)a)->value = z_;                                   \
            sp -= 1;                                                         \
            release_operand(b);                                              \
            ip += 1;                                                         \
            DISPATCH();                                                      \
        }                                                                    \
        if (b->refcnt == 1) {                                                \
            ((rp_float_t *)b)->value = z_;                                   \
            sp -= 1;                                                         \
            sp[-1] = b;                                                      \
            release_operand(a);                                              \
            ip += 1;                                                         \
            DISPATCH();                                                      \
        }                                                                    \
        rp_obj_t *r_ = reusable_target(ip + 1, fast, &rp_type_float);        \
        if (r_)                                                              \
            ((rp_float_t *)r_)->value = z_;                                  \
        else if (!(r_ = new_float(z_)))                                      \
            goto error;                                                      \
        sp -= 1;                                                             \
        sp[-1] = r_;                                                         \
        release_operand(a);                                                  \
        release_operand(b);                                                  \
        ip += 1;                                                             \
        DISPATCH();                                                          \
    } while (0)
    // z (an int64_t) is the result of a op b, two machine-word ints.
#define BINOP_INT_RESULT(z)                                                  \
    do {                                                                     \
        rp_obj_t *r_;                                                        \
        if (is_small_int_value(z)) {                                         \
            r_ = RP_OBJ(&rp_small_ints[(z) - RP_SMALL_INT_MIN]);              \
            rp_incref(r_);                                                   \
        } else if (a->refcnt == 1 || (a->refcnt == 2 && stores_to_local(ip + 1, fast, a))) { \
            ((rp_int_t *)a)->value = (z);                                    \
            sp -= 1;                                                         \
            release_operand(b);                                              \
            ip += 1;                                                         \
            DISPATCH();                                                      \
        } else if (b->refcnt == 1) {                                         \
            ((rp_int_t *)b)->value = (z);                                    \
            sp -= 1;                                                         \
            sp[-1] = b;                                                      \
            release_operand(a);                                              \
            ip += 1;                                                         \
            DISPATCH();                                                      \
        } else if ((r_ = reusable_target(ip + 1, fast, &rp_type_int)) != NULL) { \
            ((rp_int_t *)r_)->value = (z);                                   \
        } else if (!(r_ = new_big_int(z))) {                                 \
            goto error;                                                      \
        }                                                                    \
        sp -= 1;                                                             \
        sp[-1] = r_;                                                         \
        release_operand(a);                                                  \
        release_operand(b);                                                  \
        ip += 1;                                                             \
        DISPATCH();                                                          \
    } while (0)

    TARGET(BINARY_OP_ADD_FLOAT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        if (a->type != &rp_type_float || b->type != &rp_type_float)
            BINOP_DEOPT();
        BINOP_FLOAT_RESULT(rp_float_value(a) + rp_float_value(b));
    }

    TARGET(BINARY_OP_SUB_FLOAT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        if (a->type != &rp_type_float || b->type != &rp_type_float)
            BINOP_DEOPT();
        BINOP_FLOAT_RESULT(rp_float_value(a) - rp_float_value(b));
    }

    TARGET(BINARY_OP_MUL_FLOAT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        if (a->type != &rp_type_float || b->type != &rp_type_float)
            BINOP_DEOPT();
        BINOP_FLOAT_RESULT(rp_float_value(a) * rp_float_value(b));
    }

    TARGET(BINARY_OP_DIV_FLOAT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        if (a->type != &rp_type_float || b->type != &rp_type_float ||
            rp_float_value(b) == 0.0)
            BINOP_DEOPT();
        BINOP_FLOAT_RESULT(rp_float_value(a) / rp_float_value(b));
    }

    TARGET(BINARY_OP_ADD_INT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        int64_t z;
        if (a->type != &rp_type_int || b->type != &rp_type_int || !rp_int_is_small(a) ||
            !rp_int_is_small(b) ||
            __builtin_add_overflow(rp_int_small_value(a), rp_int_small_value(b), &z))
            BINOP_DEOPT();
        BINOP_INT_RESULT(z);
    }

    TARGET(BINARY_OP_SUB_INT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        int64_t z;
        if (a->type != &rp_type_int || b->type != &rp_type_int || !rp_int_is_small(a) ||
            !rp_int_is_small(b) ||
            __builtin_sub_overflow(rp_int_small_value(a), rp_int_small_value(b), &z))
            BINOP_DEOPT();
        BINOP_INT_RESULT(z);
    }

    TARGET(BINARY_OP_MUL_INT) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        int64_t z;
        if (a->type != &rp_type_int || b->type != &rp_type_int || !rp_int_is_small(a) ||
            !rp_int_is_small(b) ||
            __builtin_mul_overflow(rp_int_small_value(a), rp_int_small_value(b), &z))
            BINOP_DEOPT();
        BINOP_INT_RESULT(z);
    }

    TARGET(UNARY_NEGATIVE) {
        rp_obj_t *v = TOP();
        rp_obj_t *r;
        if (v->type == &rp_type_int && rp_int_is_small(v) && rp_int_small_value(v) != INT64_MIN)
            r = rp_int_from_i64(-rp_int_small_value(v));
        else if (v->type == &rp_type_float)
            r = new_float(-rp_float_value(v));
        else {
            frame->sp = sp;
            r = rp_number_unop(v, RP_UNOP_NEG);
        }
        if (!r)
            goto error;
        sp[-1] = r;
        rp_decref(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        rp_obj_t *v = TOP();
        frame->sp = sp;
        rp_obj_t *r = rp_number_unop(v, RP_UNOP_POS);
        if (!r)
            goto error;
        sp[-1] = r;
        rp_decref(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        rp_obj_t *v = TOP();
        frame->sp = sp;
        rp_obj_t *r = rp_number_unop(v, RP_UNOP_INVERT);
        if (!r)
            goto error;
        sp[-1] = r;
        rp_decref(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        rp_obj_t *v = TOP();
        int t;
        if (v == rp_True)
            t = 1;
        else if (v == rp_False || v == rp_None)
            t = 0;
        else {
            frame->sp = sp;
            t = rp_obj_is_true(v);
            if (t < 0)
                goto error;
        }
        sp[-1] = rp_newref(t ? rp_False : rp_True);
        rp_decref(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        int t;
        if (a->type == &rp_type_int && b->type == &rp_type_int &&
            rp_int_is_small(a) && rp_int_is_small(b)) {
            int64_t x = rp_int_small_value(a), y = rp_int_small_value(b);
            t = compare_outcome(oparg, (x > y) + (x >= y));
            goto compare_bool;
        }
        if (a->type == &rp_type_float && b->type == &rp_type_float) {
            double x = rp_float_value(a), y = rp_float_value(b);
            t = compare_outcome(oparg, __builtin_isunordered(x, y) ? 3 : (x > y) + (x >= y));
            goto compare_bool;
        }
        if ((oparg == RP_EQ || oparg == RP_NE) && a->type == &rp_type_str &&
            b->type == &rp_type_str) {
            t = rp_str_eq(a, b) == (oparg == RP_EQ);
            goto compare_bool;
        }
        {
            frame->sp = sp;
            rp_obj_t *res = rp_obj_richcompare(a, b, (int)oparg);
            if (!res)
                goto error;
            sp -= 1;
            sp[-1] = res;
            rp_decref(a);
            rp_decref(b);
            ip += 2;
            DISPATCH();
        }
    compare_bool:
        sp -= 2;
        rp_decref(a);
        rp_decref(b);
        {
            // Fuse with a following conditional jump.
            uint32_t next = ip[2];
            unsigned nop = rp_instr_op(next);
            if (nop == RP_OP_POP_JUMP_IF_FALSE || nop == RP_OP_POP_JUMP_IF_TRUE) {
                if ((nop == RP_OP_POP_JUMP_IF_TRUE) != (t != 0)) {
                    ip += 3;
                    DISPATCH();
                }
                oparg = rp_instr_arg(next);
                COND_JUMP();
                DISPATCH();
            }
        }
        PUSH(rp_newref(t ? rp_True : rp_False));
        ip += 2;
        DISPATCH();
    }

    TARGET(IS_OP) {
        rp_obj_t *b = POP();
        rp_obj_t *a = TOP();
        int t = (a == b) ^ (int)oparg;
        sp[-1] = rp_newref(t ? rp_True : rp_False);
        rp_decref(a);
        rp_decref(b);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        rp_obj_t *b = TOP();
        rp_obj_t *a = SECOND();
        frame->sp = sp;
        int r = rp_obj_contains(b, a);
        if (r < 0)
            goto error;
        sp -= 1;
        sp[-1] = rp_newref((r ^ (int)oparg) ? rp_True : rp_False);
        rp_decref(a);
        rp_decref(b);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        ip = first + oparg;
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        CHECK_SIGNALS();
        ip = first + oparg;
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        rp_obj_t *v = POP();
        if (v == rp_False) {
            COND_JUMP();
        } else if (v != rp_True) {
            int t;
            if (v == rp_None)
                t = 0;
            else {
                frame->sp = sp;
                t = rp_obj_is_true(v);
            }
            rp_decref(v);
            if (t < 0)
                goto error;
            if (!t)
                COND_JUMP();
            DISPATCH();
        }
        rp_decref(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        rp_obj_t *v = POP();
        if (v == rp_True) {
            COND_JUMP();
        } else if (v != rp_False) {
            int t;
            if (v == rp_None)
                t = 0;
            else {
                frame->sp = sp;
                t = rp_obj_is_true(v);
            }
            rp_decref(v);
            if (t < 0)
                goto error;
            if (t)
                COND_JUMP();
            DISPATCH();
        }
        rp_decref(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        rp_obj_t *v = POP();
        if (v == rp_None)
            COND_JUMP();
        rp_decref(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        rp_obj_t *v = POP();
        bool jump = v != rp_None;
        rp_decref(v);
        if (jump)
            COND_JUMP();
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        rp_obj_t *v = TOP();
        int t;
        if (v == rp_True)
            t = 1;
        else if (v == rp_False || v == rp_None)
            t = 0;
        else {
            frame->sp = sp;
            t = rp_obj_is_true(v);
            if (t < 0)
                goto error;
        }
        if (!t) {
            COND_JUMP();
        } else {
            sp--;
            rp_decref(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        rp_obj_t *v = TOP();
        int t;
        if (v == rp_True)
            t = 1;
        else if (v == rp_False || v == rp_None)
            t = 0;
        else {
            frame->sp = sp;
            t = rp_obj_is_true(v);
            if (t < 0)
                goto error;
        }
        if (t) {
            COND_JUMP();
        } else {
            sp--;
            rp_decref(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        rp_obj_t *v = TOP();
        frame->sp = sp;
        rp_obj_t *it = rp_obj_iter(v);
        if (!it)
            goto error;
        sp[-1] = it;
        rp_decref(v);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        rp_obj_t *it = TOP();
        rp_obj_t *next;
        if (it->type == &rp_type_range_iter) {
            rp_range_iter_t *r = (rp_range_iter_t *)it;
            if (r->len > 0) {
                int64_t v = r->start;
                r->start = (int64_t)((uint64_t)v + (uint64_t)r->step);
                r->len--;
                if (!is_small_int_value(v)) {
                    // The loop variable's previous value, if nothing else
                    // holds it, becomes the next value.
                    uint32_t st = ip[1];
                    if (rp_instr_op(st) == RP_OP_STORE_FAST) {
                        rp_obj_t *old = fast[rp_instr_arg(st)];
                        if (old && old->refcnt == 1 && old->type == &rp_type_int &&
                            rp_int_is_small(old)) {
                            ((rp_int_t *)old)->value = v;
                            rp_incref(old);
                            PUSH(old);
                            ip += 1;
                            DISPATCH();
                        }
                    }
                }
                next = is_small_int_value(v) ? rp_int_from_i64(v) : new_big_int(v);
                if (!next)
                    goto error;
                PUSH(next);
                ip += 1;
                DISPATCH();
            }
            goto for_exhausted;
        }
        if (it->type == &rp_type_list_iter) {
            rp_listiter_t *li = (rp_listiter_t *)it;
            rp_obj_t *seq = li->seq;
            if (seq && li->index < rp_list_len(seq)) {
                next = rp_list_get_borrow(seq, li->index++);
                rp_incref(next);
                PUSH(next);
                ip += 1;
                DISPATCH();
            }
            // Exhausted: listiter_next below drops the list.
        }
        if (it->type == &rp_type_generator) {
            // Resume the generator's frame in this loop (no C recursion);
            // its YIELD_VALUE / RETURN_VALUE come back here.
            rp_frame_t *g = rp_gen_frame(it);
            if ((g->state == RP_FRAME_SUSPENDED || g->state == RP_FRAME_CREATED) &&
                rp_recursion_depth < rp_recursion_limit) {
                if (g->state == RP_FRAME_SUSPENDED) {
                    *g->sp++ = rp_newref(rp_None);
                    if (g->in_yield_from)
                        g->ip--;
                }
                g->in_yield_from = 0;
                g->is_entry = 0;
                frame->ip = ip;
                frame->sp = sp;
                g->previous = frame;
                frame = g;
                goto start_frame;
            }
        }
        frame->sp = sp;
        next = it->type->next ? it->type->next(it) : rp_iter_next(it);
        if (next) {
            PUSH(next);
            ip += 1;
            DISPATCH();
        }
        if (rp_err_occurred()) {
            if (!rp_err_matches(&rp_exc_StopIteration))
                goto error;
            rp_err_clear();
        }
    for_exhausted:
        sp--;
        rp_decref(it);
        ip = first + oparg;
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        rp_obj_t *t = rp_tuple_new((rp_ssize_t)oparg);
        if (!t)
            goto error;
        sp -= oparg;
        for (unsigned i = 0; i < oparg; i++)
            rp_tuple_init_item_take(t, (rp_ssize_t)i, sp[i]);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        rp_obj_t *l = rp_list_new((rp_ssize_t)oparg);
        if (!l)
            goto error;
        sp -= oparg;
        for (unsigned i = 0; i < oparg; i++)
            rp_list_init_item_take(l, (rp_ssize_t)i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        frame->sp = sp;
        rp_obj_t *s = rp_set_new(NULL);
        int err = s ? 0 : -1;
        for (unsigned i = 0; i < oparg; i++) {
            rp_obj_t *v = sp[(int)i - (int)oparg];
            if (err == 0 && rp_set_add(s, v) < 0)
                err = -1;
            rp_decref(v);
        }
        sp -= oparg;
        if (err) {
            rp_xdecref(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        frame->sp = sp;
        rp_obj_t *d = rp_ops_build_map(sp - 2 * oparg, (int)oparg);
        for (unsigned i = 0; i < 2 * oparg; i++)
            rp_decref(POP());
        if (!d)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        rp_obj_t *keys = POP();
        frame->sp = sp;
        rp_obj_t *d = rp_ops_build_const_key_map(sp - oparg, keys, (int)oparg);
        rp_decref(keys);
        for (unsigned i = 0; i < oparg; i++)
            rp_decref(POP());
        if (!d)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        rp_obj_t *s = rp_str_join_array(NULL, sp - oparg, (rp_ssize_t)oparg);
        for (unsigned i = 0; i < oparg; i++)
            rp_decref(POP());
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        rp_obj_t *v = POP();
        if (rp_list_append_take(sp[-(int)oparg], v) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        rp_obj_t *v = POP();
        frame->sp = sp;
        int r = rp_set_add(sp[-(int)oparg], v);
        rp_decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        rp_obj_t *v = POP();
        rp_obj_t *k = POP();
        frame->sp = sp;
        int r = rp_dict_set(sp[-(int)oparg], k, v);
        rp_decref(k);
        rp_decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        rp_obj_t *it = POP();
        frame->sp = sp;
        int r = rp_list_extend(sp[-(int)oparg], it);
        if (r < 0)
            rp_ops_list_extend_error(it);
        rp_decref(it);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        rp_obj_t *it = POP();
        frame->sp = sp;
        int r = rp_set_update(sp[-(int)oparg], it);
        rp_decref(it);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        rp_obj_t *m = POP();
        frame->sp = sp;
        int r = rp_dict_merge(sp[-(int)oparg], m, 1);
        if (r < 0)
            rp_ops_dict_update_error(m);
        rp_decref(m);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        rp_obj_t *m = POP();
        frame->sp = sp;
        int r = rp_dict_merge(sp[-(int)oparg], m, 2);
        if (r < 0)
            rp_ops_dict_merge_error(sp[-(int)oparg - 2], m);
        rp_decref(m);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        rp_obj_t *l = TOP();
        rp_obj_t *t = rp_list_as_tuple(l);
        if (!t)
            goto error;
        sp[-1] = t;
        rp_decref(l);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        rp_obj_t *spec = (oparg & 4) ? POP() : NULL;
        rp_obj_t *v = TOP();
        frame->sp = sp;
        rp_obj_t *r = rp_ops_format_value(v, (int)(oparg & 3), spec);
        rp_xdecref(spec);
        if (!r)
            goto error;
        sp[-1] = r;
        rp_decref(v);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        rp_obj_t *seq = TOP();
        rp_obj_t **items = NULL;
        rp_ssize_t n = -1;
        if (seq->type == &rp_type_tuple) {
            items = rp_tuple_items(seq);
            n = rp_tuple_len(seq);
        } else if (seq->type == &rp_type_list) {
            items = ((rp_list_t *)seq)->items;
            n = rp_list_len(seq);
        }
        if (n == (rp_ssize_t)oparg) {
            sp--;
            for (rp_ssize_t i = n - 1; i >= 0; i--) {
                rp_incref(items[i]);
                PUSH(items[i]);
            }
            rp_decref(seq);
        } else {
            sp--;
            frame->sp = sp;
            int r = rp_ops_unpack(seq, (int)oparg, sp);
            rp_decref(seq);
            if (r < 0)
                goto error;
            sp += oparg;
        }
        ip += 1;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        rp_obj_t *seq = POP();
        int before = (int)(oparg & 0xFF), after = (int)(oparg >> 8);
        frame->sp = sp;
        int r = rp_ops_unpack_ex(seq, before, after, sp);
        rp_decref(seq);
        if (r < 0)
            goto error;
        sp += before + 1 + after;
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = CONST(oparg);
        DISPATCH();
    }

    TARGET(CALL) {
        rp_obj_t **base = sp - oparg - 2;       // [NULL|meth, callable|self, args]
        rp_obj_t *callable;
        rp_obj_t **args;
        size_t total;
        if (base[0]) {
            callable = base[0];
            args = base + 1;
            total = oparg + 1;
        } else if (base[1]->type == &rp_type_method) {
            rp_method_t *m = (rp_method_t *)base[1];
            rp_obj_t *bound = base[1];
            base[0] = rp_newref(m->func);
            base[1] = rp_newref(m->self);
            rp_decref(bound);
            callable = base[0];
            args = base + 1;
            total = oparg + 1;
        } else {
            callable = base[1];
            args = base + 2;
            total = oparg;
        }
        size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
        size_t npos = total - nkw;
        if (callable->type == &rp_type_function) {
            rp_func_t *fn = (rp_func_t *)callable;
            rp_code_t *fco = (rp_code_t *)fn->code;
            if (!(fco->flags & RP_CO_GENERATOR)) {
                rp_frame_t *nf = rp_datastack_push(rp_frame_size(fco));
                if (!nf) {
                    kwnames = NULL;
                    goto error;
                }
                rp_incref(RP_OBJ(fco));
                // The stack's reference to the function moves to the frame.
                rp_frame_init(nf, fco, callable, fn->globals, func_builtins(fn),
                              RP_FRAME_DATASTACK);
                int nl = fco->nlocalsplus;
                if (!kwnames && npos == (size_t)fco->argcount &&
                    !(fco->flags & (RP_CO_VARARGS | RP_CO_VARKEYWORDS)) &&
                    fco->kwonlyargcount == 0) {
                    // Arguments move into the callee's locals.
                    for (size_t i = 0; i < total; i++)
                        nf->localsplus[i] = args[i];
                    for (int i = (int)total; i < nl; i++)
                        nf->localsplus[i] = NULL;
                    sp = base;
                } else {
                    memset(nf->localsplus, 0, sizeof(rp_obj_t *) * (size_t)nl);
                    frame->sp = sp;
                    frame->ip = ip;
                    int r = rp_vm_bind_args(nf, fn, args, npos, kwnames);
                    kwnames = NULL;
                    for (size_t i = 0; i < total; i++)
                        rp_decref(args[i]);
                    sp = base;
                    if (r < 0) {
                        rp_vm_frame_discard(nf);
                        goto error;
                    }
                }
                kwnames = NULL;
                if (!(fco->flags & RP_CO_NOFREE) && rp_frame_make_cells(nf) < 0) {
                    rp_vm_frame_discard(nf);
                    goto error;
                }
                frame->sp = sp;
                frame->ip = ip;
                nf->previous = frame;
                frame = nf;
                goto start_frame;
            }
        }
        frame->sp = sp;
        frame->ip = ip;
        rp_obj_t *res;
        if (callable->type == &rp_type_builtin_function && !kwnames &&
            rp_recursion_depth < rp_recursion_limit) {
            // Built-in functions and bound built-in methods (math.sqrt,
            // len): their C function directly, as bf_call does.
            rp_builtin_function_t *bf = (rp_builtin_function_t *)callable;
            rp_recursion_depth++;
            res = bf->def->fn(bf->self, args, npos, NULL);
            rp_recursion_depth--;
        } else if (callable->type == &rp_type_method_descr && !kwnames && npos >= 1 &&
                   args[0]->type == ((rp_method_descr_t *)callable)->type &&
                   rp_recursion_depth < rp_recursion_limit) {
            // list.append(x) after LOAD_METHOD: self's type is the
            // descriptor's own, so md_call's check passes.
            rp_method_descr_t *md = (rp_method_descr_t *)callable;
            rp_recursion_depth++;
            res = md->def->fn(args[0], args + 1, npos - 1, NULL);
            rp_recursion_depth--;
        } else {
            res = rp_obj_call(callable, args, npos, kwnames);
        }
        kwnames = NULL;
        while (sp > base) {
            rp_obj_t *v = POP();
            rp_xdecref(v);
        }
        if (!res)
            goto error;
        PUSH(res);
        ip += 4;
        CHECK_SIGNALS();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        rp_obj_t *kwargs = (oparg & 1) ? POP() : NULL;
        rp_obj_t *callargs = POP();
        rp_obj_t *func = POP();
        rp_obj_t *slot = POP();
        frame->sp = sp;
        frame->ip = ip;
        if (slot) {
            // [meth, self, args]: self goes first.
            rp_obj_t *t = rp_tuple_from_iterable(callargs);
            rp_obj_t *nt = NULL;
            if (t) {
                rp_ssize_t n = rp_tuple_len(t);
                nt = rp_tuple_new(n + 1);
                if (nt) {
                    rp_tuple_init_item_take(nt, 0, func);
                    for (rp_ssize_t i = 0; i < n; i++)
                        rp_tuple_init_item_take(nt, i + 1, rp_newref(rp_tuple_get_borrow(t, i)));
                    func = NULL;
                }
                rp_decref(t);
            }
            rp_decref(callargs);
            rp_xdecref(func);
            if (!nt) {
                rp_decref(slot);
                rp_xdecref(kwargs);
                goto error;
            }
            callargs = nt;
            func = slot;
        }
        if (func->type == &rp_type_function && rp_tuple_check(callargs) &&
            (!kwargs || rp_dict_check(kwargs)) &&
            !(((rp_code_t *)((rp_func_t *)func)->code)->flags & RP_CO_GENERATOR)) {
            // A Python callee runs in this loop, as for CALL.
            rp_obj_t *small[8];
            rp_obj_t **stack;
            rp_obj_t *kwn;
            rp_frame_t *nf = NULL;
            if (rp_ops_flatten_ex_call(callargs, kwargs, &stack, &kwn, small, 8) == 0) {
                nf = rp_vm_frame_for_call((rp_func_t *)func, stack,
                                          (size_t)rp_tuple_len(callargs), kwn);
                if (stack != small)
                    free(stack);
                rp_xdecref(kwn);
            }
            rp_decref(func);
            rp_decref(callargs);
            rp_xdecref(kwargs);
            if (!nf)
                goto error;
            nf->previous = frame;
            frame = nf;
            goto start_frame;
        }
        rp_obj_t *res = rp_vm_call_ex(func, callargs, kwargs);
        rp_decref(func);
        rp_decref(callargs);
        rp_xdecref(kwargs);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        rp_obj_t *code = POP();
        rp_obj_t *closure = (oparg & 8) ? POP() : NULL;
        rp_obj_t *annotations = (oparg & 4) ? POP() : NULL;
        rp_obj_t *kwdefaults = (oparg & 2) ? POP() : NULL;
        rp_obj_t *defaults = (oparg & 1) ? POP() : NULL;
        rp_obj_t *fobj = rp_func_new(code, frame->globals, NULL);
        rp_decref(code);
        if (!fobj) {
            rp_xdecref(annotations);
            rp_xdecref(closure);
            rp_xdecref(kwdefaults);
            rp_xdecref(defaults);
            goto error;
        }
        rp_func_t *fn = (rp_func_t *)fobj;
        fn->closure = closure;
        fn->kwdefaults = kwdefaults;
        fn->defaults = defaults;
        fn->annotations = annotations;
        if (!fn->builtins)
            fn->builtins = rp_newref(frame->builtins);
        PUSH(fobj);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        rp_obj_t *bc = rp_dict_get_cstr_borrow(frame->builtins, "__build_class__");
        if (!bc) {
            if (!rp_err_occurred())
                rp_err_set(&rp_exc_NameError, "__build_class__ not found");
            goto error;
        }
        rp_incref(bc);
        PUSH(bc);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        if (frame->owner != RP_FRAME_GENERATOR) {
            rp_decref(retval);
            rp_err_set(&rp_exc_SystemError, "yield outside of a generator frame");
            goto error;
        }
        if (frame->is_entry)
            goto suspend;
        goto suspend_inline;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        rp_obj_t *v = TOP();
        if (!rp_gen_check(v)) {
            frame->sp = sp;
            rp_obj_t *it = rp_obj_iter(v);
            if (!it)
                goto error;
            sp[-1] = it;
            rp_decref(v);
        }
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        rp_obj_t *v = POP();
        rp_obj_t *receiver = TOP();
        frame->sp = sp;
        frame->ip = ip;
        rp_obj_t *result;
        rp_send_result_t r = rp_iter_send(receiver, v, &result);
        rp_decref(v);
        if (r == RP_SEND_ERROR)
            goto error;
        if (r == RP_SEND_RETURN) {
            sp[-1] = result;
            rp_decref(receiver);
            DISPATCH();
        }
        if (frame->owner != RP_FRAME_GENERATOR) {
            rp_decref(result);
            rp_err_set(&rp_exc_SystemError, "yield from outside of a generator frame");
            goto error;
        }
        frame->in_yield_from = 1;
        retval = result;
        if (frame->is_entry)
            goto suspend;
        goto suspend_inline;
    }

    TARGET(PUSH_EXC_INFO) {
        rp_obj_t *e = TOP();
        rp_obj_t *prev = frame->handled;
        frame->handled = rp_newref(e);
        sp[-1] = prev ? prev : rp_newref(rp_None);
        PUSH(e);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        rp_obj_t *prev = POP();
        rp_obj_t *old = frame->handled;
        if (prev == rp_None) {
            frame->handled = NULL;
            rp_decref(prev);
        } else {
            frame->handled = prev;
        }
        rp_xdecref(old);
        DISPATCH();
    }

    TARGET(RERAISE) {
        exc = POP();
        lasti_val = INSTR_INDEX();
        if (oparg) {
            rp_obj_t *l = sp[-(int)oparg];
            if (l && rp_int_check(l))
                lasti_val = (int)rp_int_small_value(l);
        }
        kwnames = NULL;
        goto exception_unwind;
    }

    TARGET(CHECK_EXC_MATCH) {
        rp_obj_t *t = TOP();
        frame->sp = sp;
        int r = rp_ops_exc_match(SECOND(), t);
        if (r < 0)
            goto error;
        sp[-1] = rp_newref(r ? rp_True : rp_False);
        rp_decref(t);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        frame->sp = sp;
        if (oparg == 0) {
            rp_obj_t *h = rp_err_handled_borrow();
            if (!h) {
                rp_err_set(&rp_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            exc = rp_newref(h);
            lasti_val = INSTR_INDEX();
            goto exception_unwind;
        }
        rp_obj_t *cause = oparg == 2 ? POP() : NULL;
        rp_obj_t *e = POP();
        frame->sp = sp;
        rp_ops_do_raise(e, cause);
        rp_decref(e);
        rp_xdecref(cause);
        goto error;
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(rp_newref(RP_OBJ(&rp_exc_AssertionError)));
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        rp_obj_t *mgr = TOP();
        rp_obj_t *exit;
        frame->sp = sp;
        rp_obj_t *res = rp_ops_before_with(mgr, &exit);
        if (!res)
            goto error;
        sp[-1] = exit;
        rp_decref(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        rp_obj_t *e = TOP();
        rp_obj_t *exit = sp[-4];
        rp_obj_t *tb = ((rp_exc_t *)e)->traceback;
        rp_obj_t *a[3] = {RP_OBJ(e->type), e, tb ? tb : rp_None};
        frame->sp = sp;
        frame->ip = ip;
        rp_obj_t *res = rp_obj_call(exit, a, 3, NULL);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        rp_obj_t *fromlist = POP();
        rp_obj_t *level = TOP();
        frame->sp = sp;
        rp_obj_t *m = rp_ops_import_name(frame, NAME(oparg), fromlist, level);
        rp_decref(fromlist);
        if (!m)
            goto error;
        sp[-1] = m;
        rp_decref(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        frame->sp = sp;
        rp_obj_t *v = rp_ops_import_from(TOP(), NAME(oparg));
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        rp_obj_t *m = POP();
        frame->sp = sp;
        int r = rp_ops_import_star(frame, m);
        rp_decref(m);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        rp_obj_t *v = POP();
        frame->sp = sp;
        int r = rp_ops_print_expr(v);
        rp_decref(v);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        frame->sp = sp;
        if (rp_ops_setup_annotations(frame) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        if (frame->is_entry)
            goto exit_frame;
        if (frame->owner == RP_FRAME_GENERATOR) {
            // A generator resumed by FOR_ITER finished: the loop ends.
            rp_frame_t *g = frame;
            frame = g->previous;
            g->previous = NULL;
            rp_recursion_depth--;
            rp_vm_frame = frame;
            g->sp = sp;
            g->ip = ip;
            g->state = RP_FRAME_COMPLETED;
            rp_frame_clear(g);
            rp_decref(retval);
            retval = NULL;
            LOAD_FRAME();
            rp_obj_t *it = POP();
            rp_decref(it);
            ip = first + rp_instr_arg(ip[-1]);
            DISPATCH();
        }
        // Back to the caller in this loop.
        rp_frame_t *callee = frame;
        frame = callee->previous;
        rp_recursion_depth--;
        rp_vm_frame = frame;
        callee->sp = sp;
        callee->ip = ip;        // its frame object's f_lineno
        rp_frame_clear(callee);
        rp_datastack_pop(callee);
        LOAD_FRAME();
        ip += rp_op_caches[rp_instr_op(ip[-1])];
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

#ifndef RP_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#else
L_save_ip:
    // Instruction tracing is on: make the instruction in progress visible
    // to allocation tracers (vm/introspect.h), then run it.
    frame->ip = ip;
    goto *dispatch_orig[word & 0xFF];
L_unknown_opcode:
#endif
unknown_opcode:
    rp_err_format(&rp_exc_SystemError, "unknown opcode %u", (unsigned)(word & 0xFF));
    goto error;

error:
    // The instruction at ip[-1] failed with an exception pending.
    kwnames = NULL;
    exc = rp_err_fetch();
    if (!exc) {
        rp_err_set(&rp_exc_SystemError, "error return without exception set");
        exc = rp_err_fetch();
    }
    if (!((rp_exc_t *)exc)->context)
        rp_vm_chain_context(exc);
    lasti_val = INSTR_INDEX();
error_traceback: {
        // The traceback entry holds the frame object, which keeps this
        // frame's locals alive after it finishes (as CPython's tb_frame).
        rp_obj_t *fo = rp_frameobj_get(frame);
        if (!fo)
            rp_err_clear();
        if (rp_exc_add_traceback(exc, fo ? fo : RP_OBJ(co), rp_code_line(co, lasti_val),
                                 lasti_val) < 0)
            rp_err_clear();
        rp_xdecref(fo);
    }

exception_unwind: {
        // exc (owned) is being raised by the instruction at ip[-1].
        rp_obj_t **stack_base = fast + co->nlocalsplus;
        rp_exc_entry_t *h = find_handler(co, INSTR_INDEX());
        if (h) {
            rp_obj_t **target = stack_base + h->depth;
            while (sp > target) {
                rp_obj_t *v = POP();
                rp_xdecref(v);
            }
            if (h->lasti) {
                rp_obj_t *li = rp_int_from_i64(lasti_val);
                if (!li) {
                    rp_err_clear();
                    li = rp_newref(rp_None);
                }
                PUSH(li);
            }
            PUSH(exc);
            exc = NULL;
            ip = first + h->target;
            DISPATCH();
        }
        while (sp > stack_base) {
            rp_obj_t *v = POP();
            rp_xdecref(v);
        }
        if (frame->is_entry) {
            rp_err_restore(exc);
            exc = NULL;
            retval = NULL;
            goto exit_frame;
        }
        // Pop the frame; the exception continues in the caller.
        rp_frame_t *callee = frame;
        frame = callee->previous;
        rp_recursion_depth--;
        rp_vm_frame = frame;
        callee->sp = sp;
        callee->ip = ip;
        if (callee->owner == RP_FRAME_GENERATOR) {
            // A generator resumed by FOR_ITER raised: it is finished, and
            // a StopIteration escaping it becomes a RuntimeError (PEP 479).
            callee->previous = NULL;
            callee->state = RP_FRAME_COMPLETED;
            rp_frame_clear(callee);
            if (rp_obj_is_instance_of(exc, &rp_exc_StopIteration)) {
                rp_err_set(&rp_exc_RuntimeError, "generator raised StopIteration");
                rp_obj_t *re = rp_err_fetch();
                if (re) {
                    rp_exc_set_context_take(re, rp_newref(exc));
                    rp_exc_set_cause_take(re, exc);
                    exc = re;
                }
            }
        } else {
            rp_frame_clear(callee);
            rp_datastack_pop(callee);
        }
        LOAD_FRAME();
        lasti_val = INSTR_INDEX();
        goto error_traceback;
    }

exit_frame:
    // The entry frame returns retval (NULL: exception pending).
    rp_recursion_depth--;
    rp_vm_frame = frame->previous;
    frame->sp = sp;
    frame->ip = ip;
    {
        rp_obj_t *pending = retval ? NULL : rp_err_fetch();
        if (frame->owner == RP_FRAME_DATASTACK) {
            // The caller stays linked while clearing: a frame object
            // that outlives the frame links to the caller's (f_back).
            rp_frame_clear(frame);
            frame->previous = NULL;
            rp_datastack_pop(frame);
        } else {
            frame->previous = NULL;
            frame->state = RP_FRAME_COMPLETED;
            rp_frame_clear(frame);
        }
        if (pending)
            rp_err_restore(pending);
    }
    return retval;

suspend_inline:
    // A generator resumed by FOR_ITER yields retval to it.
    {
        rp_frame_t *g = frame;
        frame = g->previous;
        g->previous = NULL;
        g->ip = ip;
        g->sp = sp;
        g->state = RP_FRAME_SUSPENDED;
        rp_recursion_depth--;
        rp_vm_frame = frame;
        LOAD_FRAME();
        PUSH(retval);
        retval = NULL;
        ip += rp_op_caches[rp_instr_op(ip[-1])];
        DISPATCH();
    }

suspend:
    // A generator frame yields retval.
    rp_recursion_depth--;
    rp_vm_frame = frame->previous;
    frame->previous = NULL;
    frame->sp = sp;
    frame->ip = ip;
    frame->state = RP_FRAME_SUSPENDED;
    return retval;
}

rp_obj_t *rp_vm_run_frame(rp_frame_t *f, bool throwing)
{
    if ((uintptr_t)__builtin_frame_address(0) < c_stack_limit) {
        if (throwing)
            rp_err_clear();
        rp_err_set(&rp_exc_RecursionError, "maximum recursion depth exceeded");
        if (f->owner == RP_FRAME_DATASTACK)
            rp_vm_frame_discard(f);
        return NULL;
    }
    f->previous = rp_vm_frame;
    f->is_entry = 1;
    f->in_yield_from = 0;
    return eval_frame(f, throwing);
}

void rp_vm_set_ip_tracing(bool on)
{
#ifdef RP_COMPUTED_GOTO
    if (!ip_trace.table)
        eval_frame(NULL, false);
    for (int i = 0; i < 256; i++)
        ip_trace.table[i] = on ? ip_trace.save : ip_trace.orig[i];
#else
    (void)on;
#endif
}

rp_obj_t *rp_eval_code(rp_obj_t *code, rp_obj_t *globals, rp_obj_t *locals)
{
    rp_code_t *co = (rp_code_t *)code;
    if (!rp_dict_check(globals))
        return rp_err_format(&rp_exc_TypeError, "globals must be a dict");
    if (!rp_dict_get_cstr_borrow(globals, "__builtins__")) {
        if (rp_err_occurred())
            return NULL;
        if (rp_interp.builtins_module &&
            rp_dict_set_cstr(globals, "__builtins__", rp_interp.builtins_module) < 0)
            return NULL;
    }
    // As PyEval_EvalCode, through a function object (a gc object: it is
    // counted, its allocation may start a collection, gc.get_referrers
    // sees it, and a traceback's frame keeps it alive).
    rp_obj_t *func = rp_func_new_for_eval(code, globals, rp_frame_builtins_for(globals));
    if (!func)
        return NULL;
    rp_func_t *fn = (rp_func_t *)func;
    rp_frame_t *f = rp_datastack_push(rp_frame_size(co));
    if (!f) {
        rp_decref(func);
        return NULL;
    }
    rp_incref(code);
    rp_frame_init(f, co, rp_newref(func), fn->globals, fn->builtins, RP_FRAME_DATASTACK);
    f->locals = locals ? rp_newref(locals) : NULL;
    memset(f->localsplus, 0, sizeof(rp_obj_t *) * (size_t)co->nlocalsplus);
    if (!(co->flags & RP_CO_NOFREE) && rp_frame_make_cells(f) < 0) {
        rp_vm_frame_discard(f);
        rp_decref(func);
        return NULL;
    }
    rp_obj_t *r = rp_vm_run_frame(f, false);
    rp_decref(func);
    return r;
}
