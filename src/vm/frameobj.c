// Frame objects (CPython's PyFrameObject, as far as tracebacks need
// them): created lazily when an exception passes through a frame; they
// outlive the frame by taking over its locals.
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frameobj.h"

typedef struct rp_frameobj {
    rp_obj_t ob;
    rp_frame_t *frame;      // the running frame, or NULL once detached
    rp_obj_t *code;         // owned
    rp_obj_t *func;         // detached: the frame's function (owned), or NULL
    rp_obj_t *back;         // detached: the caller's frame object, or NULL
    rp_obj_t *locals;       // detached: the frame's locals dict, or NULL
    rp_obj_t **slots;       // detached: its localsplus (owned items)
    int nslots;
    int lineno;             // detached: the line it stopped at
} rp_frameobj_t;

#define FO(o) ((rp_frameobj_t *)(o))

/*
 * As CPython 3.11: a frame object is made untracked (a running frame's
 * object refers to nothing the collector needs to see); when its frame
 * finishes while the object is still referenced, the object takes over
 * the frame (take_ownership): its locals, its function, and a link to
 * the caller's frame object (made then if the caller has none), and is
 * tracked from then on.
 */
rp_obj_t *rp_frameobj_get(rp_frame_t *f)
{
    if (f->frame_obj)
        return rp_newref(f->frame_obj);
    rp_frameobj_t *fo = (rp_frameobj_t *)rp_obj_alloc(&rp_type_frame, sizeof *fo);
    if (!fo)
        return NULL;
    fo->frame = f;
    fo->code = rp_newref(RP_OBJ(f->code));
    fo->func = NULL;
    fo->back = NULL;
    fo->locals = NULL;
    fo->slots = NULL;
    fo->nslots = 0;
    fo->lineno = 0;
    f->frame_obj = RP_OBJ(fo);
    return rp_newref(RP_OBJ(fo));
}

void rp_frameobj_detach(rp_frame_t *f)
{
    rp_obj_t *o = f->frame_obj;
    rp_frameobj_t *fo = FO(o);
    f->frame_obj = NULL;
    fo->frame = NULL;
    fo->lineno = rp_code_line(f->code, rp_frame_lasti(f));
    if (o->refcnt > 1) {
        int n = f->code->nlocalsplus;
        rp_obj_t **slots = n ? rp_mem_alloc(sizeof(rp_obj_t *) * (size_t)n) : NULL;
        if (slots || n == 0) {
            for (int i = 0; i < n; i++) {
                slots[i] = f->localsplus[i];
                f->localsplus[i] = NULL;
            }
            fo->slots = slots;
            fo->nslots = n;
            fo->locals = f->locals;
            f->locals = NULL;
        }
        fo->func = f->func;
        f->func = NULL;
        if (f->previous) {
            fo->back = rp_frameobj_get(f->previous);
            if (!fo->back)
                rp_err_clear();
        }
        rp_gc_track(o);
    }
    rp_decref(o);
}

rp_obj_t *rp_frameobj_code(rp_obj_t *o)
{
    return FO(o)->code;
}

// The globals come from the frame while it runs, then from the function
// it handed over: a frame object holds no reference of its own to them,
// as in CPython.
rp_obj_t *rp_frameobj_globals(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    if (fo->frame)
        return fo->frame->globals;
    return fo->func ? ((rp_func_t *)fo->func)->globals : NULL;
}

static int fo_clear(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    rp_obj_t **slots = fo->slots;
    int n = fo->nslots;
    fo->slots = NULL;
    fo->nslots = 0;
    for (int i = 0; i < n; i++)
        rp_xdecref(slots[i]);
    if (slots)
        rp_mem_free(slots);
    rp_clear(&fo->locals);
    return 0;
}

static void fo_dealloc(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    rp_gc_untrack(o);
    if (fo->frame && fo->frame->frame_obj == o)
        fo->frame->frame_obj = NULL;
    fo_clear(o);
    rp_clear(&fo->back);
    rp_clear(&fo->func);
    rp_clear(&fo->code);
    rp_obj_free(o);
}

// CPython's frame_traverse: f_back, then, for a frame it owns, the
// frame's locals dict, function, code and slots.
static int fo_traverse(rp_obj_t *o, rp_visitproc visit, void *arg)
{
    rp_frameobj_t *fo = FO(o);
    int r;
    if (fo->back && (r = visit(fo->back, arg)))
        return r;
    if (fo->frame)
        return 0;
    rp_obj_t *refs[] = {fo->locals, fo->func, fo->code};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    for (int i = 0; i < fo->nslots; i++)
        if (fo->slots[i] && (r = visit(fo->slots[i], arg)))
            return r;
    return 0;
}

static int fo_lineno(rp_frameobj_t *fo)
{
    if (fo->frame)
        return rp_code_line(fo->frame->code, rp_frame_lasti(fo->frame));
    return fo->lineno;
}

static rp_obj_t *fo_repr(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    rp_code_t *co = (rp_code_t *)fo->code;
    return rp_str_from_format("<frame at %p, file %R, line %d, code %S>", (void *)o,
                              co->filename, fo_lineno(fo), co->name);
}

static rp_obj_t *fo_get_code(rp_obj_t *o) { return rp_newref(FO(o)->code); }
static rp_obj_t *fo_get_lineno(rp_obj_t *o) { return rp_int_from_i64(fo_lineno(FO(o))); }
static rp_obj_t *fo_get_globals(rp_obj_t *o)
{
    rp_obj_t *g = rp_frameobj_globals(o);
    return rp_newref(g ? g : rp_None);
}
// PyFrame_GetBack: the link made when the frame finished, or the running
// caller's frame object (made now if it has none).
static rp_obj_t *fo_get_back(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    if (fo->back)
        return rp_newref(fo->back);
    if (fo->frame && fo->frame->previous)
        return rp_frameobj_get(fo->frame->previous);
    return rp_newref(rp_None);
}

// f_locals: the names of the slots that hold values (cells' contents).
// As PyFrame_FastToLocals, an optimized frame keeps the dict (in the
// frame's locals while it runs, in the object once detached) and updates
// it on every read.
static rp_obj_t *fo_get_locals(rp_obj_t *o)
{
    rp_frameobj_t *fo = FO(o);
    rp_obj_t **slots = fo->frame ? fo->frame->localsplus : fo->slots;
    rp_obj_t **ldict = fo->frame ? &fo->frame->locals : &fo->locals;
    rp_code_t *co = (rp_code_t *)fo->code;
    if (!(co->flags & RP_CO_OPTIMIZED) && *ldict)
        return rp_newref(*ldict);
    return rp_frame_fast_to_locals(ldict, co, slots, fo->frame ? co->nlocalsplus : fo->nslots);
}

static const rp_getset_def_t fo_getsets[] = {
    {"f_code", fo_get_code, NULL, NULL},
    {"f_lineno", fo_get_lineno, NULL, NULL},
    {"f_globals", fo_get_globals, NULL, NULL},
    {"f_locals", fo_get_locals, NULL, NULL},
    {"f_back", fo_get_back, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_frame = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "frame",
    .basicsize = sizeof(rp_frameobj_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = fo_dealloc,
    .repr = fo_repr,
    .traverse = fo_traverse,
    .clear = fo_clear,
    .getsets = fo_getsets,
};
