// Queries over the tracked objects for the gc module: get_objects,
// get_referrers and get_referents, seen as CPython 3.11 would show them
// (virtual instance dicts are looked through: see memory/gc.c).
#include <string.h>

#include "memory/alloc.h"
#include "memory/gc_internal.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/typeobj.h"

#define NUM_GENERATIONS RP_GC_NUM_GENERATIONS

// ---------------------------------------------------------------------
// A set of pointers (open addressing, linear probing): the virtual dicts
// of the tracked instances, which the queries leave out.

typedef struct ptrset {
    uintptr_t *slots;
    size_t mask;            // capacity - 1 (capacity a power of two)
    size_t used;
} ptrset_t;

static inline size_t ptr_slot(uintptr_t p, size_t mask)
{
    return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 17) & mask;
}

static int ptrset_add(ptrset_t *s, uintptr_t p);

static int ptrset_grow(ptrset_t *s)
{
    size_t cap = s->slots ? (s->mask + 1) * 2 : 64;
    ptrset_t n = { rp_mem_calloc(cap, sizeof(uintptr_t)), cap - 1, 0 };
    if (!n.slots)
        return -1;
    if (s->slots) {
        for (size_t i = 0; i <= s->mask; i++)
            if (s->slots[i])
                (void)ptrset_add(&n, s->slots[i]);
        rp_mem_free(s->slots);
    }
    *s = n;
    return 0;
}

static int ptrset_add(ptrset_t *s, uintptr_t p)
{
    if (!s->slots || (s->used + 1) * 2 > s->mask + 1) {
        if (ptrset_grow(s) < 0)
            return -1;
    }
    size_t i = ptr_slot(p, s->mask);
    while (s->slots[i]) {
        if (s->slots[i] == p)
            return 0;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = p;
    s->used++;
    return 0;
}

static bool ptrset_has(const ptrset_t *s, const void *p)
{
    if (!s->slots)
        return false;
    size_t i = ptr_slot((uintptr_t)p, s->mask);
    while (s->slots[i]) {
        if (s->slots[i] == (uintptr_t)p)
            return true;
        i = (i + 1) & s->mask;
    }
    return false;
}

static void ptrset_free(ptrset_t *s)
{
    rp_mem_free(s->slots);
    s->slots = NULL;
}

static int add_virtual_dicts(ptrset_t *set, rp_gc_head_t *list)
{
    for (rp_gc_head_t *g = (rp_gc_head_t *)list->next; g != list;
         g = (rp_gc_head_t *)g->next) {
        rp_obj_t *d = rp_gc_virtual_dict_borrow(rp_gc_obj(g));
        if (d && ptrset_add(set, (uintptr_t)d) < 0)
            return -1;
    }
    return 0;
}

// Fills set with the virtual dicts of every tracked instance.  -1 with
// MemoryError set on failure.
static int collect_virtual_dicts(ptrset_t *set)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        if (add_virtual_dicts(set, &rp_gc_state.generations[i].head) < 0)
            goto nomem;
    }
    if (add_virtual_dicts(set, &rp_gc_state.permanent) < 0)
        goto nomem;
    return 0;
nomem:
    ptrset_free(set);
    rp_err_nomemory();
    return -1;
}

// ---------------------------------------------------------------------
// get_objects

static int append_objects(rp_obj_t *result, rp_gc_head_t *list, const ptrset_t *skip)
{
    for (rp_gc_head_t *g = (rp_gc_head_t *)list->next; g != list;
         g = (rp_gc_head_t *)g->next) {
        rp_obj_t *op = rp_gc_obj(g);
        if (op == result || ptrset_has(skip, op))
            continue;
        if (rp_list_append(result, op) < 0)
            return -1;
    }
    return 0;
}

rp_obj_t *rp_gc_get_objects(int gen)
{
    if (gen < -1 || gen >= NUM_GENERATIONS)
        return rp_err_bad_internal_call("rp_gc_get_objects");
    ptrset_t skip = { 0 };
    if (collect_virtual_dicts(&skip) < 0)
        return NULL;
    rp_obj_t *result = rp_list_new(0);
    if (!result)
        goto fail;
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        if ((gen == -1 || gen == i) &&
            append_objects(result, &rp_gc_state.generations[i].head, &skip) < 0)
            goto fail;
    }
    ptrset_free(&skip);
    return result;
fail:
    ptrset_free(&skip);
    rp_xdecref(result);
    return NULL;
}

// ---------------------------------------------------------------------
// get_referrers

typedef struct referrers_visit {
    rp_obj_t *const *objs;
    size_t n;
    rp_obj_t *vdict;        // the current object's virtual dict, or NULL
} referrers_visit_t;

static int referrers_visit(rp_obj_t *child, void *arg)
{
    referrers_visit_t *rv = arg;
    if (!child)
        return 0;
    if (child == rv->vdict && child->type->traverse) {
        // The instance's attributes, as CPython 3.11 keeps them inline.
        rv->vdict = NULL;
        return child->type->traverse(child, referrers_visit, rv);
    }
    for (size_t i = 0; i < rv->n; i++) {
        if (rv->objs[i] == child)
            return 1;
    }
    return 0;
}

rp_obj_t *rp_gc_get_referrers(rp_obj_t *const *objs, size_t n)
{
    ptrset_t skip = { 0 };
    if (collect_virtual_dicts(&skip) < 0)
        return NULL;
    rp_obj_t *result = rp_list_new(0);
    if (!result)
        goto fail;
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        rp_gc_head_t *list = &rp_gc_state.generations[i].head;
        for (rp_gc_head_t *g = (rp_gc_head_t *)list->next; g != list;
             g = (rp_gc_head_t *)g->next) {
            rp_obj_t *op = rp_gc_obj(g);
            rp_traverseproc traverse = op->type->traverse;
            if (op == result || !traverse || ptrset_has(&skip, op))
                continue;
            referrers_visit_t rv = { objs, n, rp_gc_virtual_dict_borrow(op) };
            if (traverse(op, referrers_visit, &rv) && rp_list_append(result, op) < 0)
                goto fail;
        }
    }
    ptrset_free(&skip);
    return result;
fail:
    ptrset_free(&skip);
    rp_xdecref(result);
    return NULL;
}

// ---------------------------------------------------------------------
// get_referents

typedef struct referents_visit {
    rp_obj_t *result;
    rp_obj_t *dict;         // the object's instance dict, or NULL
    bool dict_is_virtual;
    rp_ssize_t dict_end;    // result length after the dict part, or -1
} referents_visit_t;

static int referents_append(rp_obj_t *child, void *arg)
{
    referents_visit_t *rv = arg;
    if (!child)
        return 0;
    return rp_list_append(rv->result, child) < 0 ? -1 : 0;
}

static int referents_visit(rp_obj_t *child, void *arg)
{
    referents_visit_t *rv = arg;
    if (!child)
        return 0;
    if (child == rv->dict && rv->dict_end < 0) {
        int r = 0;
        if (rv->dict_is_virtual && child->type->traverse)
            r = child->type->traverse(child, referents_append, rv);
        else
            r = referents_append(child, rv);
        rv->dict_end = rp_list_len(rv->result);
        return r;
    }
    return referents_append(child, rv);
}

// CPython's subtype_traverse visits an instance's attributes (or dict)
// before its class; if this object's traverse visited the class first,
// move it after the dict part so the lists compare equal.
static void order_like_cpython(rp_obj_t *op, rp_obj_t *result, rp_ssize_t start,
                               rp_ssize_t dict_end)
{
    if (dict_end <= start + 1 || !(op->type->flags & RP_TPFLAG_HEAPTYPE) ||
        rp_type_check(op))
        return;
    rp_obj_t **items = ((rp_list_t *)result)->items;
    if (items[start] != RP_OBJ(op->type))
        return;
    rp_obj_t *type = items[start];
    memmove(&items[start], &items[start + 1],
            (size_t)(dict_end - start - 1) * sizeof(rp_obj_t *));
    items[dict_end - 1] = type;
}

rp_obj_t *rp_gc_get_referents(rp_obj_t *const *objs, size_t n)
{
    rp_obj_t *result = rp_list_new(0);
    if (!result)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        rp_obj_t *op = objs[i];
        rp_traverseproc traverse = op->type->traverse;
        if (!rp_gc_has_header(op) || !traverse)
            continue;
        referents_visit_t rv = { result, NULL, false, -1 };
        rp_obj_t *vdict = rp_gc_virtual_dict_borrow(op);
        if (vdict) {
            rv.dict = vdict;
            rv.dict_is_virtual = true;
        } else if (op->type->flags & RP_TPFLAG_HEAPTYPE) {
            rp_obj_t **dp = rp_obj_dict_slot(op);
            rv.dict = dp ? *dp : NULL;
        }
        rp_ssize_t start = rp_list_len(result);
        if (traverse(op, referents_visit, &rv)) {
            rp_decref(result);
            return NULL;
        }
        order_like_cpython(op, result, start, rv.dict_end);
    }
    return result;
}
