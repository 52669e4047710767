// Inline caches: allocation of a code object's cache table and filling
// of attribute entries (the lookups themselves are inline in eval.c).
#include <stdlib.h>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/func.h"
#include "objects/module.h"
#include "objects/typeobj.h"
#include "compile/opcodes.h"
#include "vm/icache.h"
#include "objects/slots.h"

#define WARMUP 1

static void quick_free(rp_code_t *co)
{
    free(co->quick);
    co->quick = NULL;
}

static bool is_cacheable(unsigned op)
{
    return op == RP_OP_LOAD_GLOBAL || op == RP_OP_LOAD_ATTR || op == RP_OP_LOAD_METHOD ||
           op == RP_OP_STORE_ATTR;
}

// Numbers every cacheable instruction of co and allocates its entries.
static rp_quick_t *quick_make(rp_code_t *co)
{
    int n = 0;
    for (int i = 0; i < co->ncode; i += 1 + rp_op_caches[rp_instr_op(co->code[i])])
        if (is_cacheable(rp_instr_op(co->code[i])))
            n++;
    rp_quick_t *q = calloc(1, sizeof(rp_quick_t) + sizeof(rp_icache_t) * (size_t)n);
    if (!q)
        return NULL;
    q->n = n;
    int k = 0;
    for (int i = 0; i < co->ncode; i += 1 + rp_op_caches[rp_instr_op(co->code[i])])
        if (is_cacheable(rp_instr_op(co->code[i])))
            co->code[i + 1] = (uint32_t)++k;
    co->quick = q;
    return q;
}

rp_icache_t *rp_icache_for(rp_code_t *co, uint32_t *ip)
{
    if (ip[0])
        return &((rp_quick_t *)co->quick)->e[ip[0] - 1];
    if (ip[1] < WARMUP) {
        ip[1]++;
        return NULL;
    }
    if (co->quick || !quick_make(co))
        return NULL;
    return ip[0] ? &((rp_quick_t *)co->quick)->e[ip[0] - 1] : NULL;
}

void rp_icache_fill_attr(rp_icache_t *c, rp_obj_t *owner, rp_obj_t *name, bool method)
{
    rp_type_t *tp = owner->type;
    c->kind = RP_K_EMPTY;
    c->vindex = -1;
    if (tp == &rp_type_module) {
        rp_obj_t *d = rp_module_dict_borrow(owner);
        rp_obj_t *v = rp_dict_get_str_borrow(d, name);
        if (v && !rp_type_lookup_borrow(tp, name)) {
            c->kind = RP_K_MODULE;
            c->k1 = rp_dict_version(d);
            c->value = v;
        }
        rp_err_clear();
        return;
    }
    if (tp == &rp_type_type) {
        // C.attr on a class: its MRO's value, unless `type` itself has a
        // descriptor of that name (__name__, __dict__, __doc__ ...).
        rp_type_t *cls = (rp_type_t *)owner;
        if (!cls->version_tag || rp_type_lookup_borrow(&rp_type_type, name)) {
            rp_err_clear();
            return;
        }
        rp_obj_t *v = rp_type_lookup_borrow(cls, name);
        if (v && (!v->type->descr_get || v->type == &rp_type_function ||
                  v->type == &rp_type_method_descr)) {
            c->kind = RP_K_TYPE_VALUE;
            c->k1 = cls->version_tag;
            c->value = v;
        }
        rp_err_clear();
        return;
    }
    if (!rp_icache_generic_getattr(tp) || !tp->version_tag || tp->dict_offset < 0)
        return;
    rp_obj_t *descr = rp_type_lookup_borrow(tp, name);
    if (rp_err_occurred()) {
        rp_err_clear();
        return;
    }
    c->k1 = tp->version_tag;
    c->offset = (int32_t)tp->dict_offset;
    c->value = descr;
    if (method) {
        if (descr && (descr->type == &rp_type_function || descr->type == &rp_type_method_descr))
            c->kind = RP_K_METHOD;
        return;
    }
    if (!descr)
        c->kind = tp->dict_offset > 0 ? RP_K_INSTANCE : RP_K_EMPTY;
    else if (descr->type == &rp_type_member_descr) {
        c->kind = RP_K_SLOT;
        c->offset = (int32_t)rp_slots_member_offset(descr);
    } else if (descr->type->descr_get && descr->type->descr_set)
        c->kind = RP_K_DATA;
    else if (descr->type->descr_get)
        c->kind = RP_K_NONDATA;
    else
        c->kind = RP_K_CLASS_VALUE;
}


void rp_vm_install_quick_free(void)
{
    rp_code_quick_free = quick_free;
}
