// Generator objects: a suspended frame embedded in the object, resumed
// by __next__ / send / throw / close, with `yield from` delegation
// (throw and close are forwarded to the sub-iterator), PEP 479 and
// finalisation (an unfinished generator is closed when it dies).
#include <stddef.h>
#include <string.h>

#include "memory/gc.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "vm/vm.h"

/*
 * The frame lives inside the generator object, FRAME_OFFSET bytes from
 * its start; its `state` field is the generator's state.  A completed
 * frame has released everything it owned (eval clears it), so only the
 * generator's own fields (code, name, qualname) remain.
 */

typedef struct rp_gen {
    rp_obj_t ob;
    rp_obj_t *code;         // gi_code (owned)
    rp_obj_t *name;         // __name__ (owned)
    rp_obj_t *qualname;     // __qualname__ (owned)
    bool finalized;         // the finaliser has run
} rp_gen_t;

#define FRAME_OFFSET ((sizeof(rp_gen_t) + 15) & ~(size_t)15)
#define GEN(o) ((rp_gen_t *)(o))

static inline rp_frame_t *gen_frame(rp_obj_t *g)
{
    return (rp_frame_t *)((char *)g + FRAME_OFFSET);
}

rp_obj_t *rp_gen_new_for(rp_obj_t *func, rp_frame_t **frame_out)
{
    rp_func_t *fn = (rp_func_t *)func;
    rp_code_t *co = (rp_code_t *)fn->code;
    size_t size = FRAME_OFFSET + rp_frame_size(co);
    rp_gen_t *g = (rp_gen_t *)rp_obj_alloc(&rp_type_generator, size);
    if (!g)
        return NULL;
    g->code = rp_newref(RP_OBJ(co));
    g->name = rp_newref(fn->name);
    g->qualname = rp_newref(fn->qualname);
    g->finalized = false;
    rp_frame_t *f = gen_frame(RP_OBJ(g));
    rp_incref(RP_OBJ(co));
    rp_incref(func);
    rp_frame_init(f, co, func, fn->globals, fn->builtins ? fn->builtins : rp_interp.builtins,
                  RP_FRAME_GENERATOR);
    f->gen = RP_OBJ(g);
    memset(f->localsplus, 0, sizeof(rp_obj_t *) * (size_t)co->nlocalsplus);
    *frame_out = f;
    return RP_OBJ(g);
}

void rp_gen_start_tracking(rp_obj_t *gen)
{
    rp_gc_track(gen);
}

rp_frame_t *rp_gen_frame(rp_obj_t *gen)
{
    return gen_frame(gen);
}

// The iterator a generator suspended in `yield from` delegates to
// (borrowed), or NULL.
static rp_obj_t *gen_yf(rp_obj_t *g)
{
    rp_frame_t *f = gen_frame(g);
    if (f->state != RP_FRAME_SUSPENDED || !f->in_yield_from)
        return NULL;
    return f->sp[-1];
}

// Resumes g: with the value arg (NULL: None) pushed as the result of the
// pending yield, or with the pending exception raised at it (exc).
static rp_send_result_t gen_send_ex2(rp_obj_t *g, rp_obj_t *arg, bool exc,
                                     rp_obj_t **presult)
{
    rp_frame_t *f = gen_frame(g);
    *presult = NULL;
    if (f->state == RP_FRAME_CREATED && arg && arg != rp_None && !exc) {
        rp_err_set(&rp_exc_TypeError, "can't send non-None value to a just-started generator");
        return RP_SEND_ERROR;
    }
    if (f->state == RP_FRAME_RUNNING) {
        rp_err_set(&rp_exc_ValueError, "generator already executing");
        return RP_SEND_ERROR;
    }
    if (f->state == RP_FRAME_COMPLETED) {
        if (arg && !exc) {
            *presult = rp_newref(rp_None);
            return RP_SEND_RETURN;
        }
        return RP_SEND_ERROR;
    }
    bool pushed = false, rewound = false;
    if (f->state == RP_FRAME_SUSPENDED && !exc) {
        *f->sp++ = rp_newref(arg ? arg : rp_None);
        pushed = true;
        if (f->in_yield_from) {
            // Re-execute YIELD_FROM with the sent value.
            f->ip--;
            rewound = true;
        }
    }
    rp_obj_t *result = rp_vm_run_frame(f, exc);
    if (f->state == RP_FRAME_SUSPENDED || f->state == RP_FRAME_CREATED) {
        if (result) {
            *presult = result;
            return RP_SEND_NEXT;
        }
        // The frame never started (recursion limit): undo the resume.
        if (rewound)
            f->ip++;
        if (pushed)
            rp_decref(*--f->sp);
        return RP_SEND_ERROR;
    }
    if (result) {
        *presult = result;
        return RP_SEND_RETURN;
    }
    if (rp_err_matches(&rp_exc_StopIteration)) {
        // PEP 479.
        rp_obj_t *si = rp_err_fetch();
        rp_err_set(&rp_exc_RuntimeError, "generator raised StopIteration");
        rp_obj_t *re = rp_err_fetch();
        if (re) {
            rp_exc_set_context_take(re, rp_newref(si));
            rp_exc_set_cause_take(re, si);
            rp_err_restore(re);
        } else {
            rp_decref(si);
        }
    }
    return RP_SEND_ERROR;
}

// Sets StopIteration(value) for a returned value (none for None when
// iterating).
static void set_stop_iteration(rp_obj_t *value)
{
    rp_err_set_value(&rp_exc_StopIteration, value == rp_None ? NULL : value);
}

// gen_send_ex: the result of a send as a Python-level call: a yielded
// value, or NULL with StopIteration(return value) / the error.
static rp_obj_t *gen_send_ex(rp_obj_t *g, rp_obj_t *arg, bool exc)
{
    rp_obj_t *result;
    rp_send_result_t r = gen_send_ex2(g, arg, exc, &result);
    if (r == RP_SEND_NEXT)
        return result;
    if (r == RP_SEND_RETURN) {
        set_stop_iteration(result);
        rp_decref(result);
    }
    return NULL;
}

rp_send_result_t rp_iter_send(rp_obj_t *it, rp_obj_t *arg, rp_obj_t **result)
{
    if (rp_gen_check(it))
        return gen_send_ex2(it, arg, false, result);
    if (arg == rp_None && it->type->next) {
        // A class's __next__ is called directly: its slot would swallow
        // the value of the StopIteration it raises.
        if (rp_type_has_flag(it->type, RP_TPFLAG_HEAPTYPE))
            *result = rp_obj_call_method(it, "__next__", NULL, 0);
        else
            *result = it->type->next(it);
    } else
        *result = rp_obj_call_method(it, "send", &arg, 1);
    if (*result)
        return RP_SEND_NEXT;
    // Exhausted: the StopIteration value (or None) is the result.
    if (!rp_err_occurred()) {
        *result = rp_newref(rp_None);
        return RP_SEND_RETURN;
    }
    if (rp_err_matches(&rp_exc_StopIteration)) {
        rp_obj_t *e = rp_err_fetch();
        rp_obj_t *v = ((rp_exc_t *)e)->value;
        *result = rp_newref(v ? v : rp_None);
        rp_decref(e);
        return RP_SEND_RETURN;
    }
    return RP_SEND_ERROR;
}

static rp_obj_t *gen_iternext(rp_obj_t *g)
{
    rp_obj_t *result;
    rp_send_result_t r = gen_send_ex2(g, NULL, false, &result);
    if (r == RP_SEND_NEXT)
        return result;
    if (r == RP_SEND_RETURN) {
        if (result != rp_None)
            set_stop_iteration(result);
        rp_decref(result);
    }
    return NULL;
}

// ---------------------------------------------------------------------
// close and throw

static rp_obj_t *gen_close_impl(rp_obj_t *g);

// Closes a sub-iterator of `yield from`: 0 / -1 with the error set.
static int close_iter(rp_obj_t *yf)
{
    rp_obj_t *r;
    if (rp_gen_check(yf)) {
        r = gen_close_impl(yf);
        if (!r)
            return -1;
    } else {
        rp_obj_t *name = rp_str_intern_cstr("close");
        rp_obj_t *meth = name ? rp_obj_getattr_opt(yf, name) : NULL;
        rp_xdecref(name);
        if (!meth) {
            if (rp_err_occurred())
                rp_err_write_unraisable(yf);
            return 0;
        }
        r = rp_obj_call(meth, NULL, 0, NULL);
        rp_decref(meth);
        if (!r)
            return -1;
    }
    rp_decref(r);
    return 0;
}

// Runs fn(arg) while g's frame is marked executing and linked into the
// frame chain (delegation to a sub-iterator).
static void enter_delegation(rp_frame_t *f)
{
    f->state = RP_FRAME_RUNNING;
    f->previous = rp_vm_frame;
    rp_vm_frame = f;
}

static void leave_delegation(rp_frame_t *f)
{
    rp_vm_frame = f->previous;
    f->previous = NULL;
    f->state = RP_FRAME_SUSPENDED;
}

static rp_obj_t *gen_close_impl(rp_obj_t *g)
{
    rp_frame_t *f = gen_frame(g);
    rp_obj_t *yf = gen_yf(g);
    int err = 0;
    if (yf) {
        rp_incref(yf);
        enter_delegation(f);
        err = close_iter(yf);
        leave_delegation(f);
        rp_decref(yf);
    }
    if (err == 0)
        rp_err_set_value(&rp_exc_GeneratorExit, NULL);
    rp_obj_t *retval = gen_send_ex(g, rp_None, true);
    if (retval) {
        rp_decref(retval);
        rp_err_set(&rp_exc_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (rp_err_matches(&rp_exc_StopIteration) || rp_err_matches(&rp_exc_GeneratorExit)) {
        rp_err_clear();
        return rp_newref(rp_None);
    }
    return NULL;
}

static bool is_exc_class(rp_obj_t *o)
{
    return rp_type_check(o) && rp_type_has_flag((rp_type_t *)o, RP_TPFLAG_BASE_EXC_SUBCLASS);
}

static rp_obj_t *gen_throw_impl(rp_obj_t *g, bool close_on_genexit, rp_obj_t *typ,
                                rp_obj_t *val, rp_obj_t *tb)
{
    rp_frame_t *f = gen_frame(g);
    rp_obj_t *yf = gen_yf(g);
    if (yf) {
        rp_obj_t *ret = NULL;
        rp_incref(yf);
        bool genexit = is_exc_class(typ)
            ? rp_type_is_subtype((rp_type_t *)typ, &rp_exc_GeneratorExit)
            : rp_obj_is_instance_of(typ, &rp_exc_GeneratorExit);
        if (genexit && close_on_genexit) {
            enter_delegation(f);
            int err = close_iter(yf);
            leave_delegation(f);
            rp_decref(yf);
            if (err < 0)
                return gen_send_ex(g, rp_None, true);
            goto throw_here;
        }
        if (rp_gen_check(yf)) {
            enter_delegation(f);
            ret = gen_throw_impl(yf, close_on_genexit, typ, val, tb);
            leave_delegation(f);
        } else {
            rp_obj_t *name = rp_str_intern_cstr("throw");
            rp_obj_t *meth = name ? rp_obj_getattr_opt(yf, name) : NULL;
            rp_xdecref(name);
            if (!meth) {
                rp_decref(yf);
                if (rp_err_occurred())
                    return NULL;
                goto throw_here;
            }
            rp_obj_t *a[3] = {typ, val, tb};
            size_t n = tb ? 3 : val ? 2 : 1;
            enter_delegation(f);
            ret = rp_obj_call(meth, a, n, NULL);
            leave_delegation(f);
            rp_decref(meth);
        }
        rp_decref(yf);
        if (!ret) {
            // The sub-iterator is done: pop it and continue after the
            // YIELD_FROM, with its return value or its exception.
            rp_obj_t *it = *--f->sp;
            rp_decref(it);
            f->in_yield_from = 0;
            if (rp_err_matches(&rp_exc_StopIteration)) {
                rp_obj_t *e = rp_err_fetch();
                rp_obj_t *v = ((rp_exc_t *)e)->value;
                rp_obj_t *value = rp_newref(v ? v : rp_None);
                rp_decref(e);
                ret = gen_send_ex(g, value, false);
                rp_decref(value);
            } else {
                ret = gen_send_ex(g, rp_None, true);
            }
        }
        return ret;
    }
throw_here:
    if (tb == rp_None)
        tb = NULL;
    if (tb && tb->type != &rp_type_traceback) {
        rp_err_set(&rp_exc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    rp_obj_t *exc;
    if (is_exc_class(typ)) {
        if (!val || val == rp_None)
            exc = rp_obj_call(typ, NULL, 0, NULL);
        else if (rp_obj_is_instance_of(val, (rp_type_t *)typ))
            exc = rp_newref(val);
        else if (rp_tuple_check(val))
            exc = rp_obj_call_tuple_dict(typ, val, NULL);
        else
            exc = rp_obj_call(typ, &val, 1, NULL);
        if (!exc)
            return NULL;
        if (!rp_exc_check(exc)) {
            rp_err_format(&rp_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %s",
                          typ, rp_type_name(exc->type));
            rp_decref(exc);
            return NULL;
        }
    } else if (rp_exc_check(typ)) {
        if (val && val != rp_None) {
            rp_err_set(&rp_exc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        exc = rp_newref(typ);
    } else {
        rp_err_format(&rp_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %s",
                      rp_type_name(typ->type));
        return NULL;
    }
    if (tb)
        rp_setref(&((rp_exc_t *)exc)->traceback, rp_newref(tb));
    rp_err_restore(exc);
    return gen_send_ex(g, rp_None, true);
}

// ---------------------------------------------------------------------
// Python-level methods

static rp_obj_t *gen_m_send(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    if (kwnames && rp_tuple_len(kwnames))
        return rp_err_format(&rp_exc_TypeError, "generator.send() takes no keyword arguments");
    if (nargs != 1)
        return rp_err_format(&rp_exc_TypeError,
                             "generator.send() takes exactly one argument (%zu given)", nargs);
    return gen_send_ex(self, args[0], false);
}

static rp_obj_t *gen_m_throw(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    if (kwnames && rp_tuple_len(kwnames))
        return rp_err_format(&rp_exc_TypeError, "throw() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return rp_err_format(&rp_exc_TypeError, nargs < 1
                                 ? "throw expected at least 1 argument, got %zu"
                                 : "throw expected at most 3 arguments, got %zu", nargs);
    return gen_throw_impl(self, true, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static rp_obj_t *gen_m_close(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    if (nargs || (kwnames && rp_tuple_len(kwnames)))
        return rp_err_format(&rp_exc_TypeError, "generator.close() takes no arguments (%zu given)",
                             nargs);
    return gen_close_impl(self);
}

static const rp_method_def_t gen_methods[] = {
    {"send", gen_m_send, RP_METH_INSTANCE, NULL},
    {"throw", gen_m_throw, RP_METH_INSTANCE, NULL},
    {"close", gen_m_close, RP_METH_INSTANCE, NULL},
    {NULL},
};

static rp_obj_t *gen_get_name(rp_obj_t *o) { return rp_newref(GEN(o)->name); }
static rp_obj_t *gen_get_qualname(rp_obj_t *o) { return rp_newref(GEN(o)->qualname); }
static rp_obj_t *gen_get_code(rp_obj_t *o) { return rp_newref(GEN(o)->code); }
static rp_obj_t *gen_get_running(rp_obj_t *o)
{
    return rp_bool_from(gen_frame(o)->state == RP_FRAME_RUNNING);
}
static rp_obj_t *gen_get_suspended(rp_obj_t *o)
{
    return rp_bool_from(gen_frame(o)->state == RP_FRAME_SUSPENDED);
}
static rp_obj_t *gen_get_yieldfrom(rp_obj_t *o)
{
    rp_obj_t *yf = gen_yf(o);
    return rp_newref(yf ? yf : rp_None);
}

// gi_frame: the frame object of the generator's frame, None once the
// generator has finished.
static rp_obj_t *gen_get_frame(rp_obj_t *o)
{
    rp_frame_t *f = gen_frame(o);
    if (f->state == RP_FRAME_COMPLETED)
        return rp_newref(rp_None);
    return rp_frameobj_get(f);
}

static int gen_set_name(rp_obj_t *o, rp_obj_t *v)
{
    if (!v || !rp_str_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    rp_setref(&GEN(o)->name, rp_newref(v));
    return 0;
}

static int gen_set_qualname(rp_obj_t *o, rp_obj_t *v)
{
    if (!v || !rp_str_check(v)) {
        rp_err_set(&rp_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    rp_setref(&GEN(o)->qualname, rp_newref(v));
    return 0;
}

static const rp_getset_def_t gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL},
};

// ---------------------------------------------------------------------
// Life cycle

static void gen_finalize(rp_obj_t *g)
{
    rp_gen_t *gen = GEN(g);
    if (gen->finalized)
        return;
    gen->finalized = true;
    rp_frame_t *f = gen_frame(g);
    if (f->state == RP_FRAME_COMPLETED || f->state == RP_FRAME_RUNNING)
        return;
    rp_obj_t *saved = rp_err_fetch();
    rp_obj_t *res = gen_close_impl(g);
    if (!res) {
        if (rp_err_occurred())
            rp_err_write_unraisable(g);
    } else {
        rp_decref(res);
    }
    rp_err_restore(saved);
}

static void gen_dealloc(rp_obj_t *g)
{
    rp_frame_t *f = gen_frame(g);
    rp_gc_untrack(g);
    if (!GEN(g)->finalized && f->state != RP_FRAME_COMPLETED && f->state != RP_FRAME_CREATED) {
        // Resurrect temporarily to close the frame (PEP 442).
        g->refcnt = 1;
        gen_finalize(g);
        if (--g->refcnt != 0) {
            rp_gc_track(g);     // resurrected
            return;
        }
    }
    if (f->state != RP_FRAME_COMPLETED) {
        f->state = RP_FRAME_COMPLETED;
        f->previous = NULL;
        rp_frame_clear(f);
    }
    rp_clear(&GEN(g)->code);
    rp_clear(&GEN(g)->name);
    rp_clear(&GEN(g)->qualname);
    rp_obj_free(g);
}

static int gen_traverse(rp_obj_t *g, rp_visitproc visit, void *arg)
{
    rp_gen_t *gen = GEN(g);
    int r;
    if (gen->code && (r = visit(gen->code, arg)))
        return r;
    if (gen->name && (r = visit(gen->name, arg)))
        return r;
    if (gen->qualname && (r = visit(gen->qualname, arg)))
        return r;
    rp_frame_t *f = gen_frame(g);
    // A running frame's stack is live in the evaluation loop's registers:
    // it is skipped (its objects then look externally referenced, which is
    // safe); a completed frame owns nothing.
    if (f->state == RP_FRAME_COMPLETED || f->state == RP_FRAME_RUNNING)
        return 0;
    // CPython's _PyFrame_Traverse order, then the handled exception.
    rp_obj_t *refs[] = {f->frame_obj, f->locals, f->func, RP_OBJ(f->code)};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    for (rp_obj_t **p = f->localsplus; p < f->sp; p++)
        if (*p && (r = visit(*p, arg)))
            return r;
    return f->handled ? visit(f->handled, arg) : 0;
}

static int gen_clear(rp_obj_t *g)
{
    rp_frame_t *f = gen_frame(g);
    if (f->state != RP_FRAME_COMPLETED && f->state != RP_FRAME_RUNNING) {
        f->state = RP_FRAME_COMPLETED;
        rp_frame_clear(f);
    }
    return 0;
}

static rp_obj_t *gen_repr(rp_obj_t *g)
{
    return rp_str_from_format("<generator object %S at %p>", GEN(g)->qualname, (void *)g);
}

static rp_obj_t *gen_iter(rp_obj_t *g)
{
    return rp_newref(g);
}

rp_type_t rp_type_generator = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "generator",
    .basicsize = FRAME_OFFSET,
    .flags = RP_TPFLAG_GC,
    .dealloc = gen_dealloc,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .iter = gen_iter,
    .next = gen_iternext,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = gen_methods,
    .getsets = gen_getsets,
};
