// The code object type: creation from the compiler's arrays, release, repr
// and the read-only co_* attributes.
#include <string.h>
#include "code.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "memory/alloc.h"

void (*rp_code_quick_free)(rp_code_t *co) = NULL;

#define CODE(o) ((rp_code_t *)(o))

rp_obj_t *rp_code_new_take(uint32_t *code, int ncode, int *lines,
                           rp_exc_entry_t *exctable, int nexc,
                           rp_obj_t *consts_take, rp_obj_t *names_take,
                           rp_obj_t *localsplusnames_take,
                           unsigned char *localspluskinds)
{
    rp_code_t *co = (rp_code_t *)rp_obj_alloc(&rp_type_code, sizeof(rp_code_t));
    if (!co) {
        rp_mem_free(code);
        rp_mem_free(lines);
        rp_mem_free(exctable);
        rp_mem_free(localspluskinds);
        rp_xdecref(consts_take);
        rp_xdecref(names_take);
        rp_xdecref(localsplusnames_take);
        return NULL;
    }
    memset((char *)co + sizeof(rp_obj_t), 0, sizeof(rp_code_t) - sizeof(rp_obj_t));
    co->code = code;
    co->ncode = ncode;
    co->lines = lines;
    co->exctable = exctable;
    co->nexc = nexc;
    co->consts = consts_take;
    co->names = names_take;
    co->localsplusnames = localsplusnames_take;
    co->localspluskinds = localspluskinds;
    int n = localsplusnames_take ? (int)rp_tuple_len(localsplusnames_take) : 0;
    co->nlocalsplus = n;
    for (int i = 0; i < n; i++) {
        unsigned char k = localspluskinds[i];
        if (k & RP_FAST_LOCAL)
            co->nlocals++;
        else if (k & RP_FAST_CELL)
            co->ncells++;
        else if (k & RP_FAST_FREE)
            co->nfrees++;
    }
    co->firstlineno = 1;
    co->unit_kind = RP_UNIT_OTHER;
    return RP_OBJ(co);
}

void rp_code_release_unit_refs(rp_code_t *co)
{
    rp_obj_t **refs = co->unit_refs;
    int n = co->nunit_refs;
    co->unit_refs = NULL;
    co->nunit_refs = 0;
    for (int i = 0; i < n; i++)
        rp_decref(refs[i]);
    rp_mem_free(refs);
}

static void code_dealloc(rp_obj_t *self)
{
    rp_code_t *co = CODE(self);
    if (rp_code_dealloc_hook)
        rp_code_dealloc_hook(co);
    rp_code_release_unit_refs(co);
    if (co->quick) {
        if (rp_code_quick_free)
            rp_code_quick_free(co);
        else
            rp_mem_free(co->quick);
        co->quick = NULL;
    }
    rp_mem_free(co->code);
    rp_mem_free(co->lines);
    rp_mem_free(co->positions);
    rp_mem_free(co->exctable);
    rp_mem_free(co->localspluskinds);
    rp_xdecref(co->consts);
    rp_xdecref(co->names);
    rp_xdecref(co->localsplusnames);
    rp_xdecref(co->name);
    rp_xdecref(co->qualname);
    rp_xdecref(co->filename);
    rp_obj_free(self);
}

static rp_obj_t *code_repr(rp_obj_t *self)
{
    rp_code_t *co = CODE(self);
    rp_obj_t *name = co->name ? co->name : rp_None;
    if (co->filename && rp_str_check(co->filename))
        return rp_str_from_format("<code object %S at %p, file \"%S\", line %d>",
                                  name, (void *)co, co->filename, co->firstlineno);
    return rp_str_from_format("<code object %S at %p, file ???, line %d>",
                              name, (void *)co, co->firstlineno);
}

// The names of the frame slots whose kind has one of the bits in mask.
static rp_obj_t *names_of_kind(rp_code_t *co, unsigned mask)
{
    int n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & mask)
            n++;
    rp_obj_t *t = rp_tuple_new(n);
    if (!t)
        return NULL;
    int k = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & mask)
            rp_tuple_init_item_take(t, k++, rp_newref(rp_tuple_get_borrow(co->localsplusnames, i)));
    return t;
}

static rp_obj_t *or_none(rp_obj_t *o)
{
    return rp_newref(o ? o : rp_None);
}

static rp_obj_t *get_name(rp_obj_t *self) { return or_none(CODE(self)->name); }
static rp_obj_t *get_qualname(rp_obj_t *self) { return or_none(CODE(self)->qualname); }
static rp_obj_t *get_filename(rp_obj_t *self) { return or_none(CODE(self)->filename); }
static rp_obj_t *get_consts(rp_obj_t *self) { return or_none(CODE(self)->consts); }
static rp_obj_t *get_names(rp_obj_t *self) { return or_none(CODE(self)->names); }
static rp_obj_t *get_varnames(rp_obj_t *self) { return names_of_kind(CODE(self), RP_FAST_LOCAL); }
static rp_obj_t *get_cellvars(rp_obj_t *self) { return names_of_kind(CODE(self), RP_FAST_CELL); }
static rp_obj_t *get_freevars(rp_obj_t *self) { return names_of_kind(CODE(self), RP_FAST_FREE); }
static rp_obj_t *get_firstlineno(rp_obj_t *self) { return rp_int_from_i64(CODE(self)->firstlineno); }
static rp_obj_t *get_argcount(rp_obj_t *self) { return rp_int_from_i64(CODE(self)->argcount); }
static rp_obj_t *get_posonlyargcount(rp_obj_t *self)
{
    return rp_int_from_i64(CODE(self)->posonlyargcount);
}
static rp_obj_t *get_kwonlyargcount(rp_obj_t *self)
{
    return rp_int_from_i64(CODE(self)->kwonlyargcount);
}
static rp_obj_t *get_nlocals(rp_obj_t *self) { return rp_int_from_i64(CODE(self)->nlocals); }
static rp_obj_t *get_flags(rp_obj_t *self) { return rp_int_from_i64(CODE(self)->flags); }
static rp_obj_t *get_stacksize(rp_obj_t *self) { return rp_int_from_i64(CODE(self)->stacksize); }

static const rp_getset_def_t code_getsets[] = {
    {"co_name", get_name, NULL, NULL},
    {"co_qualname", get_qualname, NULL, NULL},
    {"co_filename", get_filename, NULL, NULL},
    {"co_consts", get_consts, NULL, NULL},
    {"co_names", get_names, NULL, NULL},
    {"co_varnames", get_varnames, NULL, NULL},
    {"co_cellvars", get_cellvars, NULL, NULL},
    {"co_freevars", get_freevars, NULL, NULL},
    {"co_firstlineno", get_firstlineno, NULL, NULL},
    {"co_argcount", get_argcount, NULL, NULL},
    {"co_posonlyargcount", get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", get_kwonlyargcount, NULL, NULL},
    {"co_nlocals", get_nlocals, NULL, NULL},
    {"co_flags", get_flags, NULL, NULL},
    {"co_stacksize", get_stacksize, NULL, NULL},
    {NULL},
};

rp_type_t rp_type_code = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "code",
    .basicsize = sizeof(rp_code_t),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getsets = code_getsets,
};

int rp_code_init(void)
{
    return rp_type_ready(&rp_type_code);
}
