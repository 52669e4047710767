// Frame memory (the data stack: chunks used in LIFO order), frame set-up
// (cells and closure copies) and tear-down.
#include <stdlib.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/func.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "vm/vm.h"

/*
 * The data stack is a list of chunks; frames are carved from the top of
 * the newest chunk and released in reverse order.  When a frame does not
 * fit, a new chunk is started (its header remembers where the previous
 * chunk's top was); when the first frame of a chunk is released we go
 * back to the previous chunk, keeping one spare chunk to avoid
 * allocating again when calls oscillate across the boundary.  Chunks come
 * from malloc: frames are not Python objects and do not count in
 * sys.getallocatedblocks(), as CPython's data stack does not.
 */

#define CHUNK_SIZE (256 * 1024)

typedef struct chunk {
    struct chunk *prev;
    char *saved_top;            // top of prev when this chunk was started
    char *end;
    _Alignas(16) char data[];
} chunk_t;

static chunk_t *cur_chunk, *spare_chunk;
static char *ds_top, *ds_limit;

rp_frame_t *rp_vm_frame;

static rp_frame_t *push_slow(size_t size)
{
    size_t need = size + sizeof(chunk_t);
    chunk_t *c = NULL;
    if (spare_chunk && (size_t)(spare_chunk->end - spare_chunk->data) >= size) {
        c = spare_chunk;
        spare_chunk = NULL;
    } else {
        size_t csize = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        c = malloc(csize);
        if (!c) {
            rp_err_nomemory();
            return NULL;
        }
        c->end = (char *)c + csize;
    }
    c->prev = cur_chunk;
    c->saved_top = ds_top;
    cur_chunk = c;
    ds_limit = c->end;
    ds_top = c->data + size;
    return (rp_frame_t *)c->data;
}

rp_frame_t *rp_datastack_push(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (ds_top && (size_t)(ds_limit - ds_top) >= size) {
        rp_frame_t *f = (rp_frame_t *)ds_top;
        ds_top += size;
        return f;
    }
    return push_slow(size);
}

void rp_datastack_pop(rp_frame_t *f)
{
    char *p = (char *)f;
    if (p == cur_chunk->data && cur_chunk->prev) {
        chunk_t *c = cur_chunk;
        cur_chunk = c->prev;
        ds_top = c->saved_top;
        ds_limit = cur_chunk->end;
        if (spare_chunk)
            free(spare_chunk);
        spare_chunk = c;
        return;
    }
    ds_top = p;
}

void rp_frame_init(rp_frame_t *f, rp_code_t *code_take, rp_obj_t *func_take,
                   rp_obj_t *globals, rp_obj_t *builtins, uint8_t owner)
{
    f->previous = NULL;
    f->code = code_take;
    f->func = func_take;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = NULL;
    f->handled = NULL;
    f->ip = code_take->code;
    f->sp = f->localsplus + code_take->nlocalsplus;
    f->gen = NULL;
    f->frame_obj = NULL;
    f->owner = owner;
    f->is_entry = 0;
    f->in_yield_from = 0;
    f->state = RP_FRAME_CREATED;
}

int rp_frame_make_cells(rp_frame_t *f)
{
    rp_code_t *co = f->code;
    int n = co->nlocalsplus;
    int free_start = n - co->nfrees;
    const unsigned char *kinds = co->localspluskinds;
    for (int i = 0; i < free_start; i++) {
        if (!(kinds[i] & RP_FAST_CELL))
            continue;
        rp_obj_t *v = f->localsplus[i];
        rp_obj_t *cell = rp_cell_new(v);
        if (!cell)
            return -1;
        f->localsplus[i] = cell;
        rp_xdecref(v);
    }
    if (co->nfrees) {
        rp_obj_t *closure = f->func ? ((rp_func_t *)f->func)->closure : NULL;
        for (int i = 0; i < co->nfrees; i++) {
            rp_obj_t *c = NULL;
            if (closure && i < rp_tuple_len(closure))
                c = rp_newref(rp_tuple_get_borrow(closure, i));
            f->localsplus[free_start + i] = c;
        }
    }
    return 0;
}

rp_obj_t *rp_frame_fast_to_locals(rp_obj_t **ldict, const rp_code_t *co, rp_obj_t *const *slots,
                                  int n)
{
    if (!*ldict && !(*ldict = rp_dict_new()))
        return NULL;
    rp_obj_t *d = *ldict;
    for (int i = 0; i < n && slots; i++) {
        rp_obj_t *v = slots[i];
        if (v && (co->localspluskinds[i] & (RP_FAST_CELL | RP_FAST_FREE)))
            v = ((rp_cell_t *)v)->ref;
        rp_obj_t *name = rp_tuple_get_borrow(co->localsplusnames, i);
        if ((v ? rp_dict_set(d, name, v) : rp_dict_pop_if_present(d, name, NULL)) < 0)
            return NULL;
    }
    return rp_newref(d);
}

void rp_frame_clear(rp_frame_t *f)
{
    rp_obj_t **base = f->localsplus;
    rp_obj_t **sp = f->sp;
    if (f->frame_obj)
        rp_frameobj_detach(f);
    // Stack first (temporaries), then locals, as CPython's frame clearing.
    rp_obj_t **stack = base + f->code->nlocalsplus;
    while (sp > stack) {
        rp_obj_t *v = *--sp;
        rp_xdecref(v);
    }
    f->sp = stack;
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        rp_obj_t *v = base[i];
        base[i] = NULL;
        rp_xdecref(v);
    }
    rp_clear(&f->handled);
    rp_clear(&f->locals);
    rp_clear(&f->func);
    // The code object is released last: tracebacks and callers may still
    // look at f->code while the locals above are being destroyed.
    rp_obj_t *co = RP_OBJ(f->code);
    f->code = NULL;
    rp_decref(co);
}

rp_obj_t *rp_frame_builtins_for(rp_obj_t *globals)
{
    static rp_obj_t *name;
    if (!name && !(name = rp_str_intern_cstr("__builtins__"))) {
        rp_err_clear();
        return rp_interp.builtins;
    }
    rp_obj_t *b = globals ? rp_dict_get_str_borrow(globals, name) : NULL;
    if (b) {
        if (b->type == &rp_type_module)
            return rp_module_dict_borrow(b);
        if (rp_dict_check(b))
            return b;
    }
    return rp_interp.builtins;
}
