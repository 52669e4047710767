// The generic object protocol: allocation and deallocation (with the
// trashcan that bounds C recursion), repr/str/hash, rich comparison,
// truth, attributes, items, calls, iteration and number dispatch.
#include <stdio.h>
#include <string.h>

#include "object.h"
#include "errors.h"
#include "exc.h"
#include "typeobj.h"
#include "typeslots.h"
#include "str.h"
#include "bytes.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "instvalues.h"
#include "rangeobj.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/genericalias.h"

/*
 * The trashcan (CPython's Py_TRASHCAN): deallocating a deeply nested
 * structure recurses once per level (dealloc -> decref child -> dealloc).
 * rp_obj_dealloc counts the nesting; beyond TRASH_DEPTH a container is
 * not freed at once but pushed on `trash` (linked through the `prev` word
 * of its gc header, after untracking it) and freed by the outermost
 * rp_obj_dealloc when its own dealloc returns.  An untracked object has
 * gc next == 0, so the link does not make it look tracked; the word is
 * cleared again before the object's dealloc runs.
 */

#define TRASH_DEPTH 50

static int dealloc_depth;
static rp_gc_head_t *trash;

int rp_recursion_depth;
int rp_recursion_limit = 1000;
static bool recursion_headroom;

// ---------------------------------------------------------------------
// Allocation

rp_obj_t *rp_obj_alloc(rp_type_t *type, size_t size)
{
    rp_obj_t *o;
    if (type->flags & RP_TPFLAG_GC) {
        char *block = rp_mem_alloc_object(sizeof(rp_gc_head_t) + size);
        if (!block) {
            rp_err_nomemory();
            return NULL;
        }
        rp_gc_head_t *g = (rp_gc_head_t *)block;
        g->next = 0;
        g->prev = 0;
        o = (rp_obj_t *)(g + 1);
        rp_gc_on_alloc();
    } else {
        o = rp_mem_alloc_object(size);
        if (!o) {
            rp_err_nomemory();
            return NULL;
        }
    }
    o->refcnt = 1;
    o->type = type;
    if (type->flags & RP_TPFLAG_HEAPTYPE)
        rp_incref(RP_OBJ(type));
    return o;
}

void rp_obj_free(rp_obj_t *o)
{
    rp_type_t *type = o->type;
    if (type->flags & RP_TPFLAG_GC) {
        rp_gc_head_t *g = rp_gc_head(o);
        if (g->next)
            rp_gc_untrack(o);
        rp_mem_free_object(g);
        rp_gc_on_free();
    } else {
        rp_mem_free_object(o);
    }
    if (type->flags & RP_TPFLAG_HEAPTYPE)
        rp_decref(RP_OBJ(type));
}

static void destroy_trash(void)
{
    while (trash) {
        rp_gc_head_t *g = trash;
        trash = (rp_gc_head_t *)(g->prev & RP_GC_PREV_MASK);
        g->prev &= ~RP_GC_PREV_MASK;
        rp_obj_t *o = rp_gc_obj(g);
        dealloc_depth++;
        o->type->dealloc(o);
        dealloc_depth--;
    }
}

void rp_obj_dealloc(rp_obj_t *o)
{
    rp_type_t *type = o->type;
    if (dealloc_depth >= TRASH_DEPTH && (type->flags & RP_TPFLAG_GC)) {
        rp_gc_head_t *g = rp_gc_head(o);
        if (g->next)
            rp_gc_untrack(o);
        g->prev = (g->prev & ~RP_GC_PREV_MASK) | (uintptr_t)trash;
        trash = g;
        return;
    }
    dealloc_depth++;
    type->dealloc(o);
    dealloc_depth--;
    if (dealloc_depth == 0 && trash)
        destroy_trash();
}

// ---------------------------------------------------------------------
// Recursion guard

int rp_recursion_enter_slow(const char *where)
{
    if (rp_recursion_depth <= rp_recursion_limit)
        return 0;   // the limit was raised meanwhile
    if (recursion_headroom)
        return 0;   // creating the RecursionError itself
    recursion_headroom = true;
    rp_err_format(&rp_exc_RecursionError, "maximum recursion depth exceeded%s",
                  where ? where : "");
    recursion_headroom = false;
    rp_recursion_depth--;
    return -1;
}

// ---------------------------------------------------------------------
// repr / str / ascii / hash

void rp_format_addr(char *buf, size_t size, const void *p)
{
    snprintf(buf, size, "0x%lx", (unsigned long)(uintptr_t)p);
}

rp_hash_t rp_hash_pointer(const void *p)
{
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    rp_hash_t x = (rp_hash_t)y;
    if (x == -1)
        x = -2;
    return x;
}

rp_obj_t *rp_object_default_repr(rp_obj_t *o)
{
    rp_type_t *type = o->type;
    char addr[32];
    rp_format_addr(addr, sizeof addr, o);
    rp_obj_t *mod = rp_type_module_str(type);
    if (!mod)
        rp_err_clear();
    if (mod && rp_str_check(mod) && !rp_str_eq_cstr(mod, "builtins")) {
        rp_obj_t *qual = rp_type_qualname_str(type);
        if (!qual) {
            rp_decref(mod);
            return NULL;
        }
        rp_obj_t *r = rp_str_from_format("<%S.%S object at %s>", mod, qual, addr);
        rp_decref(mod);
        rp_decref(qual);
        return r;
    }
    rp_xdecref(mod);
    return rp_str_from_format("<%s object at %s>", type->name, addr);
}

rp_obj_t *rp_obj_repr(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    if (!t->repr) {
        if (!(t->flags & RP_TPFLAG_READY) && rp_type_ready(t) == 0 && t->repr)
            return rp_obj_repr(o);
        return rp_object_default_repr(o);
    }
    if (rp_recursion_enter(" while getting the repr of an object"))
        return NULL;
    rp_obj_t *r = t->repr(o);
    rp_recursion_leave();
    if (r && !rp_str_check(r)) {
        rp_err_format(&rp_exc_TypeError, "__repr__ returned non-string (type %s)",
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    return r;
}

rp_obj_t *rp_obj_str(rp_obj_t *o)
{
    if (rp_str_check_exact(o))
        return rp_newref(o);
    rp_type_t *t = o->type;
    if (!t->str) {
        if (!(t->flags & RP_TPFLAG_READY) && rp_type_ready(t) == 0 && t->str)
            return rp_obj_str(o);
        return rp_obj_repr(o);
    }
    if (rp_recursion_enter(" while getting the str of an object"))
        return NULL;
    rp_obj_t *r = t->str(o);
    rp_recursion_leave();
    if (r && !rp_str_check(r)) {
        rp_err_format(&rp_exc_TypeError, "__str__ returned non-string (type %s)",
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    return r;
}

rp_obj_t *rp_obj_ascii(rp_obj_t *o)
{
    rp_obj_t *r = rp_obj_repr(o);
    if (!r || ((rp_str_t *)r)->ascii)
        return r;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    rp_ssize_t n = rp_str_len(r);
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_char(r, i);
        char buf[16];
        if (c < 128) {
            rp_strbuf_append_char(&b, c);
            continue;
        }
        if (c < 0x100)
            snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c < 0x10000)
            snprintf(buf, sizeof buf, "\\u%04x", c);
        else
            snprintf(buf, sizeof buf, "\\U%08x", c);
        rp_strbuf_append_cstr(&b, buf);
    }
    rp_decref(r);
    return rp_strbuf_finish(&b);
}

rp_hash_t rp_obj_hash_not_implemented(rp_obj_t *o)
{
    rp_err_format(&rp_exc_TypeError, "unhashable type: '%s'", rp_type_name(o->type));
    return -1;
}

rp_hash_t rp_obj_hash(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    if (t->hash)
        return t->hash(o);
    if (!(t->flags & RP_TPFLAG_READY)) {
        if (rp_type_ready(t) < 0)
            return -1;
        if (t->hash)
            return t->hash(o);
    }
    return rp_obj_hash_not_implemented(o);
}

// ---------------------------------------------------------------------
// Rich comparison

static const int swapped_op[6] = { RP_GT, RP_GE, RP_EQ, RP_NE, RP_LT, RP_LE };
static const char *const opstrings[6] = { "<", "<=", "==", "!=", ">", ">=" };

static rp_obj_t *do_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    rp_richcmpfunc f;
    rp_obj_t *res;
    bool checked_reverse = false;
    rp_type_t *tv = v->type, *tw = w->type;

    if (tv != tw && rp_type_is_subtype(tw, tv) && (f = tw->richcompare) != NULL) {
        checked_reverse = true;
        res = f(w, v, swapped_op[op]);
        if (res != rp_NotImplemented)
            return res;
        rp_decref(res);
    }
    if ((f = tv->richcompare) != NULL) {
        res = f(v, w, op);
        if (res != rp_NotImplemented)
            return res;
        rp_decref(res);
    }
    if (!checked_reverse && (f = tw->richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != rp_NotImplemented)
            return res;
        rp_decref(res);
    }
    switch (op) {
    case RP_EQ:
        return rp_bool_from(v == w);
    case RP_NE:
        return rp_bool_from(v != w);
    default:
        return rp_err_format(&rp_exc_TypeError,
                             "'%s' not supported between instances of '%.100s' and '%.100s'",
                             opstrings[op], rp_type_name(tv), rp_type_name(tw));
    }
}

rp_obj_t *rp_obj_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (rp_recursion_enter(" in comparison"))
        return NULL;
    rp_obj_t *r = do_richcompare(a, b, op);
    rp_recursion_leave();
    return r;
}

// op's outcome (RP_LT..RP_GE) given the order of the operands: 0 less,
// 1 equal, 2 greater, 3 unordered (NaN).
static inline int order_outcome(int op, int order)
{
    static const uint8_t masks[6] = {
        [RP_LT] = 1, [RP_LE] = 3, [RP_EQ] = 2, [RP_NE] = 13, [RP_GT] = 4, [RP_GE] = 6,
    };
    return (masks[op] >> order) & 1;
}

int rp_obj_richcompare_bool(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (a == b) {
        if (op == RP_EQ)
            return 1;
        if (op == RP_NE)
            return 0;
    }
    // Exact ints, floats and strs (`in`, index, count, sorting, dict
    // keys): what their compare slots would answer, without the result
    // object.
    if (a->type == b->type && (unsigned)op <= RP_GE) {
        if (a->type == &rp_type_int && rp_int_is_small(a) && rp_int_is_small(b)) {
            int64_t x = rp_int_small_value(a), y = rp_int_small_value(b);
            return order_outcome(op, (x > y) + (x >= y));
        }
        if (a->type == &rp_type_float) {
            double x = rp_float_value(a), y = rp_float_value(b);
            return order_outcome(op, __builtin_isunordered(x, y) ? 3 : (x > y) + (x >= y));
        }
        if (a->type == &rp_type_str && (op == RP_EQ || op == RP_NE))
            return rp_str_eq(a, b) == (op == RP_EQ);
    }
    rp_obj_t *r = rp_obj_richcompare(a, b, op);
    if (!r)
        return -1;
    int ok;
    if (r == rp_True)
        ok = 1;
    else if (r == rp_False)
        ok = 0;
    else
        ok = rp_obj_is_true(r);
    rp_decref(r);
    return ok;
}

// ---------------------------------------------------------------------
// Truth and length

int rp_obj_is_true(rp_obj_t *o)
{
    if (o == rp_True)
        return 1;
    if (o == rp_False || o == rp_None)
        return 0;
    rp_type_t *t = o->type;
    if (t->bool_)
        return t->bool_(o);
    if (t->len) {
        rp_ssize_t n = t->len(o);
        if (n < 0)
            return -1;
        return n > 0;
    }
    return 1;
}

int rp_obj_not(rp_obj_t *o)
{
    int r = rp_obj_is_true(o);
    return r < 0 ? r : !r;
}

rp_ssize_t rp_obj_len(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    if (t->len)
        return t->len(o);
    rp_err_format(&rp_exc_TypeError, "object of type '%s' has no len()", rp_type_name(t));
    return -1;
}

// ---------------------------------------------------------------------
// Attributes

void rp_set_attribute_error(rp_obj_t *obj, rp_obj_t *name)
{
    const char *n = rp_str_utf8(name, NULL);
    if (!n)
        return;
    char *msg;
    size_t len = strlen(n) + strlen(rp_type_name(obj->type)) + 64;
    msg = rp_mem_alloc(len);
    if (!msg) {
        rp_err_nomemory();
        return;
    }
    if (rp_type_check(obj))
        snprintf(msg, len, "type object '%.50s' has no attribute '%s'",
                 rp_type_short_name((rp_type_t *)obj), n);
    else
        snprintf(msg, len, "'%.50s' object has no attribute '%s'", rp_type_name(obj->type), n);
    rp_exc_set_attribute_error(obj, name, msg);
    rp_mem_free(msg);
}

// The attribute dict of o, made when it gets its first attribute.
static rp_obj_t *new_instance_dict(rp_obj_t *o)
{
    if (rp_gc_type_has_inline_values(o->type))
        return rp_dict_new_uncounted(o->type);
    return rp_dict_new();
}

rp_obj_t **rp_obj_dict_slot(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    rp_ssize_t off = t->dict_offset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        // Counted from the end of a variable-size object.
        rp_ssize_t n = ((rp_varobj_t *)o)->size;
        if (n < 0)
            n = -n;
        rp_ssize_t size = t->basicsize + n * t->itemsize;
        size = (size + 7) & ~(rp_ssize_t)7;
        off += size;
    }
    return (rp_obj_t **)((char *)o + off);
}

// Moves the inline values of o into a new dict in its __dict__ slot
// (CPython's _PyObject_MakeDictFromInstanceAttributes).  The dict is
// not counted by the collector until Python code sees it (memory/gc.h).
static rp_obj_t *materialize(rp_obj_t *o, rp_obj_t **vals)
{
    rp_obj_t *d = new_instance_dict(o);
    if (!d)
        return NULL;
    int n = rp_values_count(vals);
    for (int k = 0; k < n; k++) {
        rp_obj_t *name, *value;
        rp_values_item(o, vals, k, &name, &value);
        if (rp_dict_set(d, name, value) < 0) {
            rp_decref(d);
            return NULL;
        }
    }
    rp_values_free(o);
    *rp_obj_dict_slot(o) = d;
    return d;
}

rp_obj_t **rp_obj_dict_ptr(rp_obj_t *o)
{
    rp_obj_t **vals = rp_values_of(o);
    if (vals && !materialize(o, vals)) {
        rp_err_clear();
        return NULL;
    }
    return rp_obj_dict_slot(o);
}

rp_obj_t *rp_obj_dict_peek(rp_obj_t *o)
{
    rp_obj_t **dp = rp_obj_dict_slot(o);
    return dp ? *dp : NULL;
}

rp_obj_t *rp_obj_dict_borrow(rp_obj_t *o)
{
    rp_obj_t **dp = rp_obj_dict_ptr(o);
    if (!dp)
        return NULL;
    if (!*dp) {
        *dp = new_instance_dict(o);
        if (!*dp) {
            rp_err_clear();
            return NULL;
        }
    }
    return *dp;
}

rp_obj_t *rp_obj_generic_get_dict(rp_obj_t *o)
{
    rp_obj_t *d = rp_obj_dict_borrow(o);
    if (!d)
        return rp_err_occurred() ? NULL : rp_err_nomemory();
    return rp_newref(d);
}

int rp_obj_generic_set_dict(rp_obj_t *o, rp_obj_t *value)
{
    rp_obj_t **dp = rp_obj_dict_ptr(o);
    if (!dp) {
        rp_err_set(&rp_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        rp_err_set(&rp_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!rp_dict_check(value)) {
        rp_err_format(&rp_exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                      rp_type_name(value->type));
        return -1;
    }
    rp_setref(dp, rp_newref(value));
    return 0;
}

static inline rp_obj_t *dict_lookup(rp_obj_t *d, rp_obj_t *name)
{
    if (rp_str_check_exact(name))
        return rp_dict_get_str_borrow(d, name);
    return rp_dict_get_borrow(d, name);
}

rp_obj_t *rp_generic_getattr_impl(rp_obj_t *o, rp_obj_t *name, bool suppress)
{
    rp_type_t *tp = o->type;
    rp_obj_t *descr = rp_type_lookup_borrow(tp, name);
    rp_descrgetfunc f = NULL;
    rp_obj_t *res;

    if (descr) {
        rp_incref(descr);
        f = descr->type->descr_get;
        if (f && descr->type->descr_set) {
            res = f(descr, o, RP_OBJ(tp));
            rp_decref(descr);
            goto done;
        }
    }
    rp_obj_t **vals = rp_values_of(o);
    if (vals && rp_str_check_exact(name)) {
        res = rp_values_get(o, vals, name);
        if (res) {
            rp_xdecref(descr);
            return rp_newref(res);
        }
    }
    rp_obj_t **dp = vals && rp_str_check_exact(name) ? NULL : rp_obj_dict_ptr(o);
    if (dp && *dp) {
        rp_obj_t *d = *dp;
        rp_incref(d);
        res = dict_lookup(d, name);
        if (res) {
            rp_incref(res);
            rp_decref(d);
            rp_xdecref(descr);
            return res;
        }
        rp_decref(d);
        if (rp_err_occurred()) {
            rp_xdecref(descr);
            return NULL;
        }
    }
    if (f) {
        res = f(descr, o, RP_OBJ(tp));
        rp_decref(descr);
        goto done;
    }
    if (descr)
        return descr;
    if (!suppress)
        rp_set_attribute_error(o, name);
    return NULL;
done:
    if (!res && suppress && rp_err_matches(&rp_exc_AttributeError))
        rp_err_clear();
    return res;
}

rp_obj_t *rp_obj_generic_getattr(rp_obj_t *o, rp_obj_t *name)
{
    return rp_generic_getattr_impl(o, name, false);
}

int rp_obj_generic_setattr(rp_obj_t *o, rp_obj_t *name, rp_obj_t *value)
{
    rp_type_t *tp = o->type;
    if (!rp_str_check(name)) {
        rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                      rp_type_name(name->type));
        return -1;
    }
    rp_obj_t *descr = rp_type_lookup_borrow(tp, name);
    int res;
    if (descr) {
        rp_descrsetfunc f = descr->type->descr_set;
        if (f) {
            rp_incref(descr);
            res = f(descr, o, value);
            rp_decref(descr);
            return res;
        }
    }
    rp_obj_t **vals = rp_values_of(o);
    if (vals) {
        int r = rp_values_store(o, vals, name, value);
        if (r > 0)
            return 0;
        if (r < 0) {
            rp_set_attribute_error(o, name);
            return -1;
        }
        // CPython makes the dict here too: it is a real one.
        rp_obj_t *d = materialize(o, vals);
        if (!d)
            return -1;
        rp_gc_set_dict_materialized(d);
    }
    rp_obj_t **dp = rp_obj_dict_slot(o);
    if (!dp) {
        if (!descr)
            rp_set_attribute_error(o, name);
        else
            rp_err_format(&rp_exc_AttributeError, "'%.50s' object attribute '%S' is read-only",
                          rp_type_name(tp), name);
        return -1;
    }
    if (!value) {
        if (!*dp) {
            rp_set_attribute_error(o, name);
            return -1;
        }
        rp_obj_t *d = *dp;
        rp_incref(d);
        int r = rp_dict_pop_if_present(d, name, NULL);
        rp_decref(d);
        if (r == 0) {
            rp_set_attribute_error(o, name);
            return -1;
        }
        return r < 0 ? -1 : 0;
    }
    if (!*dp) {
        *dp = new_instance_dict(o);
        if (!*dp)
            return -1;
    }
    rp_obj_t *d = *dp;
    rp_incref(d);
    res = rp_dict_set(d, name, value);
    rp_decref(d);
    return res;
}

static int check_name(rp_obj_t *name)
{
    if (rp_str_check(name))
        return 0;
    rp_err_format(&rp_exc_TypeError, "attribute name must be string, not '%s'",
                  rp_type_name(name->type));
    return -1;
}

rp_obj_t *rp_obj_getattr(rp_obj_t *o, rp_obj_t *name)
{
    rp_getattrfunc f = o->type->getattr;
    if (!rp_str_check(name)) {
        check_name(name);
        return NULL;
    }
    if (f)
        return f(o, name);
    return rp_generic_getattr_impl(o, name, false);
}

rp_obj_t *rp_obj_getattr_cstr(rp_obj_t *o, const char *name)
{
    rp_obj_t *s = rp_str_intern_cstr(name);
    if (!s)
        return NULL;
    rp_obj_t *r = rp_obj_getattr(o, s);
    rp_decref(s);
    return r;
}

rp_obj_t *rp_obj_getattr_opt(rp_obj_t *o, rp_obj_t *name)
{
    rp_getattrfunc f = o->type->getattr;
    if (!rp_str_check(name)) {
        check_name(name);
        return NULL;
    }
    rp_obj_t *r;
    if (!f || f == rp_obj_generic_getattr)
        return rp_generic_getattr_impl(o, name, true);
    if (rp_type_check(o) && f == rp_type_type.getattr)
        return rp_type_getattr_impl(o, name, true);
    r = f(o, name);
    if (!r && rp_err_matches(&rp_exc_AttributeError))
        rp_err_clear();
    return r;
}

int rp_obj_setattr(rp_obj_t *o, rp_obj_t *name, rp_obj_t *value)
{
    if (check_name(name) < 0)
        return -1;
    rp_setattrfunc f = o->type->setattr;
    if (!f)
        f = rp_obj_generic_setattr;
    if (rp_str_check_exact(name) && !rp_str_is_interned(name)) {
        // As CPython's PyObject_SetAttr: attribute names are interned, so
        // the key stored in an instance __dict__ is the interned string.
        rp_incref(name);
        rp_str_intern_take(&name);
        int r = f(o, name, value);
        rp_decref(name);
        return r;
    }
    return f(o, name, value);
}

int rp_obj_hasattr(rp_obj_t *o, rp_obj_t *name)
{
    rp_obj_t *r = rp_obj_getattr_opt(o, name);
    if (r) {
        rp_decref(r);
        return 1;
    }
    return rp_err_occurred() ? -1 : 0;
}

int rp_obj_get_method(rp_obj_t *obj, rp_obj_t *name, rp_obj_t **method)
{
    rp_type_t *tp = obj->type;
    *method = NULL;
    if (tp->getattr && tp->getattr != rp_obj_generic_getattr) {
        *method = rp_obj_getattr(obj, name);
        return *method ? 0 : -1;
    }
    if (!rp_str_check(name)) {
        check_name(name);
        return -1;
    }
    rp_obj_t *descr = rp_type_lookup_borrow(tp, name);
    rp_descrgetfunc f = NULL;
    bool meth_found = false;
    if (descr) {
        rp_incref(descr);
        if (rp_is_method_descriptor(descr->type)) {
            meth_found = true;
        } else {
            f = descr->type->descr_get;
            if (f && descr->type->descr_set) {
                *method = f(descr, obj, RP_OBJ(tp));
                rp_decref(descr);
                return *method ? 0 : -1;
            }
        }
    }
    rp_obj_t **vals = rp_values_of(obj);
    if (vals && rp_str_check_exact(name)) {
        rp_obj_t *attr = rp_values_get(obj, vals, name);
        if (attr) {
            *method = rp_newref(attr);
            rp_xdecref(descr);
            return 0;
        }
    }
    rp_obj_t **dp = vals && rp_str_check_exact(name) ? NULL : rp_obj_dict_ptr(obj);
    if (dp && *dp) {
        rp_obj_t *attr = dict_lookup(*dp, name);
        if (attr) {
            *method = rp_newref(attr);
            rp_xdecref(descr);
            return 0;
        }
        if (rp_err_occurred()) {
            rp_xdecref(descr);
            return -1;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f) {
        *method = f(descr, obj, RP_OBJ(tp));
        rp_decref(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    rp_set_attribute_error(obj, name);
    return -1;
}

// ---------------------------------------------------------------------
// Items

rp_obj_t *rp_obj_getitem(rp_obj_t *o, rp_obj_t *key)
{
    rp_type_t *t = o->type;
    if (t->getitem)
        return t->getitem(o, key);
    if (rp_type_check(o)) {
        if (o == RP_OBJ(&rp_type_type))
            return rp_generic_alias_new(o, key);
        rp_obj_t *meth = rp_obj_getattr_opt(o, RP_ID(__class_getitem__));
        if (meth) {
            rp_obj_t *r = rp_obj_call1(meth, key);
            rp_decref(meth);
            return r;
        }
        if (rp_err_occurred())
            return NULL;
        return rp_err_format(&rp_exc_TypeError, "type '%.200s' is not subscriptable",
                             ((rp_type_t *)o)->name);
    }
    return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not subscriptable",
                         rp_type_name(t));
}

int rp_obj_setitem(rp_obj_t *o, rp_obj_t *key, rp_obj_t *value)
{
    rp_type_t *t = o->type;
    if (t->setitem)
        return t->setitem(o, key, value);
    if (!t->getitem && !value) {
        rp_err_format(&rp_exc_TypeError, "'%.200s' object does not support item deletion",
                      rp_type_name(t));
        return -1;
    }
    if (value)
        rp_err_format(&rp_exc_TypeError, "'%.200s' object does not support item assignment",
                      rp_type_name(t));
    else
        rp_err_format(&rp_exc_TypeError, "'%.200s' object doesn't support item deletion",
                      rp_type_name(t));
    return -1;
}

int rp_obj_delitem(rp_obj_t *o, rp_obj_t *key)
{
    rp_type_t *t = o->type;
    if (t->setitem)
        return t->setitem(o, key, NULL);
    if (!t->getitem) {
        rp_err_format(&rp_exc_TypeError, "'%.200s' object does not support item deletion",
                      rp_type_name(t));
        return -1;
    }
    rp_err_format(&rp_exc_TypeError, "'%.200s' object doesn't support item deletion",
                  rp_type_name(t));
    return -1;
}

int rp_obj_contains(rp_obj_t *container, rp_obj_t *item)
{
    rp_type_t *t = container->type;
    if (t->contains)
        return t->contains(container, item);
    rp_obj_t *it = rp_obj_iter(container);
    if (!it) {
        if (rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            rp_err_format(&rp_exc_TypeError, "argument of type '%.200s' is not iterable",
                          rp_type_name(t));
        }
        return -1;
    }
    int found = 0;
    for (;;) {
        rp_obj_t *x = rp_iter_next(it);
        if (!x) {
            if (rp_err_occurred())
                found = -1;
            break;
        }
        int cmp = rp_obj_richcompare_bool(x, item, RP_EQ);
        rp_decref(x);
        if (cmp != 0) {
            found = cmp;
            break;
        }
    }
    rp_decref(it);
    return found;
}

// ---------------------------------------------------------------------
// Calls

rp_obj_t *rp_obj_call(rp_obj_t *callable, rp_obj_t *const *args, size_t nargs,
                      rp_obj_t *kwnames)
{
    rp_callfunc f = callable->type->call;
    if (!f)
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not callable",
                             rp_type_name(callable->type));
    if (kwnames && rp_tuple_len(kwnames) == 0)
        kwnames = NULL;
    return f(callable, args, nargs, kwnames);
}

rp_obj_t *rp_obj_call_tuple_dict(rp_obj_t *callable, rp_obj_t *args, rp_obj_t *kwargs)
{
    rp_ssize_t npos = args ? rp_tuple_len(args) : 0;
    rp_ssize_t nkw = kwargs ? rp_dict_len(kwargs) : 0;
    if (nkw == 0)
        return rp_obj_call(callable, npos ? rp_tuple_items(args) : NULL, (size_t)npos, NULL);
    rp_obj_t *small[8];
    rp_obj_t **stack = small;
    if (npos + nkw > 8) {
        stack = rp_mem_alloc(sizeof(rp_obj_t *) * (size_t)(npos + nkw));
        if (!stack)
            return rp_err_nomemory();
    }
    rp_obj_t *kwnames = rp_tuple_new(nkw);
    rp_obj_t *res = NULL;
    if (!kwnames)
        goto done;
    for (rp_ssize_t i = 0; i < npos; i++)
        stack[i] = rp_tuple_get_borrow(args, i);
    rp_ssize_t pos = 0, i = 0;
    rp_obj_t *k, *v;
    while (rp_dict_next(kwargs, &pos, &k, &v)) {
        if (!rp_str_check(k)) {
            rp_err_set(&rp_exc_TypeError, "keywords must be strings");
            // Fill the rest so the tuple can be released.
            for (rp_ssize_t j = i; j < nkw; j++)
                rp_tuple_init_item_take(kwnames, j, rp_newref(rp_None));
            goto done;
        }
        rp_tuple_init_item_take(kwnames, i, rp_newref(k));
        stack[npos + i] = v;
        i++;
    }
    res = rp_obj_call(callable, stack, (size_t)npos, kwnames);
done:
    rp_xdecref(kwnames);
    if (stack != small)
        rp_mem_free(stack);
    return res;
}

rp_obj_t *rp_obj_call0(rp_obj_t *callable)
{
    return rp_obj_call(callable, NULL, 0, NULL);
}

rp_obj_t *rp_obj_call1(rp_obj_t *callable, rp_obj_t *arg)
{
    return rp_obj_call(callable, &arg, 1, NULL);
}

rp_obj_t *rp_obj_call2(rp_obj_t *callable, rp_obj_t *a, rp_obj_t *b)
{
    rp_obj_t *args[2] = { a, b };
    return rp_obj_call(callable, args, 2, NULL);
}

rp_obj_t *rp_call_prepend(rp_obj_t *callable, rp_obj_t *self, rp_obj_t *const *args,
                          size_t nargs, rp_obj_t *kwnames)
{
    size_t nkw = kwnames ? (size_t)rp_tuple_len(kwnames) : 0;
    size_t total = nargs + nkw + 1;
    rp_obj_t *small[8];
    rp_obj_t **stack = small;
    if (total > 8) {
        stack = rp_mem_alloc(sizeof(rp_obj_t *) * total);
        if (!stack)
            return rp_err_nomemory();
    }
    stack[0] = self;
    if (nargs + nkw)
        memcpy(stack + 1, args, sizeof(rp_obj_t *) * (nargs + nkw));
    rp_obj_t *r = rp_obj_call(callable, stack, nargs + 1, kwnames);
    if (stack != small)
        rp_mem_free(stack);
    return r;
}

rp_obj_t *rp_obj_call_method(rp_obj_t *o, const char *name, rp_obj_t *const *args,
                             size_t nargs)
{
    rp_obj_t *s = rp_str_intern_cstr(name);
    if (!s)
        return NULL;
    rp_obj_t *meth;
    int unbound = rp_obj_get_method(o, s, &meth);
    rp_decref(s);
    if (unbound < 0)
        return NULL;
    rp_obj_t *r;
    if (unbound)
        r = rp_call_prepend(meth, o, args, nargs, NULL);
    else
        r = rp_obj_call(meth, args, nargs, NULL);
    rp_decref(meth);
    return r;
}

bool rp_obj_is_callable(rp_obj_t *o)
{
    return o->type->call != NULL;
}

// ---------------------------------------------------------------------
// Iteration

rp_obj_t *rp_obj_iter(rp_obj_t *o)
{
    rp_type_t *t = o->type;
    if (!t->iter) {
        if (t->getitem && !rp_dict_check(o))
            return rp_seq_iter_new(o);
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not iterable",
                             rp_type_name(t));
    }
    rp_obj_t *r = t->iter(o);
    if (r && !r->type->next) {
        rp_err_format(&rp_exc_TypeError, "iter() returned non-iterator of type '%.100s'",
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    return r;
}

rp_obj_t *rp_iter_next(rp_obj_t *it)
{
    rp_iternextfunc f = it->type->next;
    if (!f)
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object is not an iterator",
                             rp_type_name(it->type));
    return f(it);
}

// ---------------------------------------------------------------------
// Numbers

const char *const rp_binop_names[13] = {
    "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow",
    "rshift", "sub", "truediv", "xor",
};
const char *const rp_binop_symbols[13] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};

// CPython's binary_op1: a's slot, then b's, the subclass going first.
static rp_obj_t *binary_op1(rp_obj_t *v, rp_obj_t *w, int op)
{
    rp_binaryfunc slotv = v->type->binary_op;
    rp_binaryfunc slotw = NULL;
    if (w->type != v->type) {
        slotw = w->type->binary_op;
        if (slotw == slotv)
            slotw = NULL;
    }
    rp_obj_t *x;
    if (slotv) {
        if (slotw && rp_type_is_subtype(w->type, v->type)) {
            x = slotw(v, w, op);
            if (x != rp_NotImplemented)
                return x;
            rp_decref(x);
            slotw = NULL;
        }
        x = slotv(v, w, op);
        if (x != rp_NotImplemented)
            return x;
        rp_decref(x);
    }
    if (slotw) {
        x = slotw(v, w, op);
        if (x != rp_NotImplemented)
            return x;
        rp_decref(x);
    }
    return rp_newref(rp_NotImplemented);
}

static bool is_builtin_sequence(rp_obj_t *o)
{
    return rp_list_check(o) || rp_tuple_check(o) || rp_str_check(o) || rp_bytes_check(o);
}

static bool has_index(rp_obj_t *o)
{
    return o->type->index != NULL;
}

// The sequence fallbacks of PyNumber_Add / PyNumber_Multiply: concat
// errors and repetition by an object with __index__.
static rp_obj_t *sequence_fallback(rp_obj_t *v, rp_obj_t *w, int op, bool *handled)
{
    *handled = true;
    if (op == RP_BINOP_ADD) {
        if (rp_list_check(v) || rp_tuple_check(v) || rp_str_check(v)) {
            const char *n = rp_list_check(v) ? "list" : rp_tuple_check(v) ? "tuple" : "str";
            return rp_err_format(&rp_exc_TypeError, "can only concatenate %s (not \"%.200s\") to %s",
                                 n, rp_type_name(w->type), n);
        }
        if (rp_bytes_check(v))
            return rp_err_format(&rp_exc_TypeError, "can't concat %.100s to %.100s",
                                 rp_type_name(w->type), rp_type_name(v->type));
    } else if (op == RP_BINOP_MUL) {
        rp_obj_t *seq = NULL, *n = NULL;
        if (is_builtin_sequence(v)) {
            seq = v;
            n = w;
        } else if (is_builtin_sequence(w)) {
            seq = w;
            n = v;
        }
        if (seq) {
            if (!has_index(n) || rp_int_check(n))
                return rp_err_format(&rp_exc_TypeError,
                                     "can't multiply sequence by non-int of type '%.200s'",
                                     rp_type_name(n->type));
            rp_obj_t *i = rp_number_index(n);
            if (!i)
                return NULL;
            rp_obj_t *r = seq == v ? binary_op1(seq, i, op) : binary_op1(i, seq, op);
            rp_decref(i);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
        }
    }
    *handled = false;
    return NULL;
}

static rp_obj_t *binop_type_error(rp_obj_t *v, rp_obj_t *w, int op)
{
    bool inplace = op >= RP_BINOP_INPLACE;
    int base = inplace ? op - RP_BINOP_INPLACE : op;
    if (base == RP_BINOP_POW)
        return rp_err_format(&rp_exc_TypeError,
                             "unsupported operand type(s) for %s: '%.100s' and '%.100s'",
                             inplace ? "**=" : "** or pow()", rp_type_name(v->type),
                             rp_type_name(w->type));
    return rp_err_format(&rp_exc_TypeError,
                         "unsupported operand type(s) for %s%s: '%.100s' and '%.100s'",
                         rp_binop_symbols[base], inplace ? "=" : "", rp_type_name(v->type),
                         rp_type_name(w->type));
}

rp_obj_t *rp_number_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    rp_obj_t *r;
    int base = op;
    if (op >= RP_BINOP_INPLACE) {
        base = op - RP_BINOP_INPLACE;
        rp_binaryfunc slot = a->type->binary_op;
        if (slot) {
            r = slot(a, b, op);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
        }
    }
    r = binary_op1(a, b, base);
    if (r != rp_NotImplemented)
        return r;
    rp_decref(r);
    if (base == RP_BINOP_ADD || base == RP_BINOP_MUL) {
        bool handled;
        r = sequence_fallback(a, b, base, &handled);
        if (handled)
            return r;
    }
    return binop_type_error(a, b, op);
}

rp_obj_t *rp_number_pow3(rp_obj_t *a, rp_obj_t *b, rp_obj_t *m)
{
    if (m == rp_None)
        return rp_number_binop(a, b, RP_BINOP_POW);
    if (rp_int_check(a) && rp_int_check(b) && rp_int_check(m))
        return rp_int_pow3(a, b, m);
    // Heap types: a.__pow__(b, m) (three-argument pow never uses __rpow__).
    if (rp_type_has_flag(a->type, RP_TPFLAG_HEAPTYPE)) {
        bool unbound;
        rp_obj_t *f = rp_lookup_maybe_method(a, rp_binop_dunder(RP_BINOP_POW, 0), &unbound);
        if (f) {
            rp_obj_t *args[2] = { b, m };
            rp_obj_t *r = rp_call_unbound(unbound, f, a, args, 2, NULL);
            rp_decref(f);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
        } else if (rp_err_occurred()) {
            return NULL;
        }
    }
    bool numeric = (rp_int_check(a) || rp_float_check(a)) && (rp_int_check(b) || rp_float_check(b)) &&
                   (rp_int_check(m) || rp_float_check(m));
    if (numeric)
        return rp_err_format(&rp_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    return rp_err_format(&rp_exc_TypeError,
                         "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
                         rp_type_name(a->type), rp_type_name(b->type), rp_type_name(m->type));
}

rp_obj_t *rp_number_unop(rp_obj_t *a, int op)
{
    rp_unaryfunc f = a->type->unary_op;
    if (f) {
        rp_obj_t *r = f(a, op);
        if (r != rp_NotImplemented)
            return r;
        rp_decref(r);
    }
    static const char *const names[4] = { "unary -", "unary +", "unary ~", "abs()" };
    return rp_err_format(&rp_exc_TypeError, "bad operand type for %s: '%.200s'", names[op & 3],
                         rp_type_name(a->type));
}

rp_obj_t *rp_number_index(rp_obj_t *o)
{
    if (rp_int_check_exact(o))
        return rp_newref(o);
    rp_reprfunc f = o->type->index;
    if (!f)
        return rp_err_format(&rp_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             rp_type_name(o->type));
    rp_obj_t *r = f(o);
    if (!r || rp_int_check_exact(r))
        return r;
    if (!rp_int_check(r)) {
        rp_err_format(&rp_exc_TypeError, "__index__ returned non-int (type %.200s)",
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    rp_obj_t *exact = rp_type_int.index(r);
    rp_decref(r);
    return exact;
}

rp_ssize_t rp_number_as_ssize(rp_obj_t *o, rp_type_t *overflow_exc_type)
{
    if (rp_int_check_exact(o) && rp_int_is_small(o))
        return (rp_ssize_t)rp_int_small_value(o);
    rp_obj_t *i = rp_number_index(o);
    if (!i)
        return -1;
    rp_ssize_t v = rp_int_as_ssize(i);
    if (v == -1 && rp_err_occurred()) {
        if (!rp_err_matches(&rp_exc_OverflowError)) {
            rp_decref(i);
            return -1;
        }
        rp_err_clear();
        if (!overflow_exc_type) {
            v = rp_int_sign(i) < 0 ? (rp_ssize_t)INT64_MIN : (rp_ssize_t)INT64_MAX;
        } else {
            rp_err_format(overflow_exc_type,
                          "cannot fit '%.200s' into an index-sized integer",
                          rp_type_name(o->type));
            v = -1;
        }
    }
    rp_decref(i);
    return v;
}

rp_obj_t *rp_number_to_int(rp_obj_t *o)
{
    if (rp_int_check_exact(o))
        return rp_newref(o);
    rp_type_t *t = o->type;
    if (t->int_) {
        rp_obj_t *r = t->int_(o);
        if (!r || rp_int_check_exact(r))
            return r;
        if (!rp_int_check(r)) {
            rp_err_format(&rp_exc_TypeError, "__int__ returned non-int (type %.200s)",
                          rp_type_name(r->type));
            rp_decref(r);
            return NULL;
        }
        rp_obj_t *exact = rp_type_int.index(r);
        rp_decref(r);
        return exact;
    }
    if (t->index)
        return rp_number_index(o);
    if (rp_str_check(o)) {
        rp_ssize_t len;
        const char *s = rp_str_utf8(o, &len);
        if (!s)
            return NULL;
        return rp_int_from_string(s, (size_t)len, 10);
    }
    if (rp_bytes_check(o))
        return rp_int_from_string(rp_bytes_data(o), (size_t)rp_bytes_len(o), 10);
    return rp_err_format(&rp_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real "
                         "number, not '%.200s'", rp_type_name(t));
}

rp_obj_t *rp_number_to_float(rp_obj_t *o)
{
    if (o->type == &rp_type_float)
        return rp_newref(o);
    rp_type_t *t = o->type;
    if (t->float_) {
        rp_obj_t *r = t->float_(o);
        if (!r || r->type == &rp_type_float)
            return r;
        if (!rp_float_check(r)) {
            rp_err_format(&rp_exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                          rp_type_name(t), rp_type_name(r->type));
            rp_decref(r);
            return NULL;
        }
        rp_obj_t *exact = rp_float_from_double(rp_float_value(r));
        rp_decref(r);
        return exact;
    }
    if (t->index) {
        rp_obj_t *i = rp_number_index(o);
        if (!i)
            return NULL;
        double d = rp_int_as_double(i);
        rp_decref(i);
        if (d == -1.0 && rp_err_occurred())
            return NULL;
        return rp_float_from_double(d);
    }
    if (rp_str_check(o)) {
        rp_ssize_t len;
        const char *s = rp_str_utf8(o, &len);
        if (!s)
            return NULL;
        return rp_float_from_string(s, (size_t)len);
    }
    if (rp_bytes_check(o))
        return rp_float_from_string(rp_bytes_data(o), (size_t)rp_bytes_len(o));
    return rp_err_format(&rp_exc_TypeError,
                         "float() argument must be a string or a real number, not '%.200s'",
                         rp_type_name(t));
}

// ---------------------------------------------------------------------
// Subtypes and isinstance

bool rp_type_is_subtype(const rp_type_t *a, const rp_type_t *b)
{
    if (a == b)
        return true;
    rp_obj_t *mro = a->mro;
    if (mro) {
        rp_ssize_t n = rp_tuple_len(mro);
        rp_obj_t **items = rp_tuple_items(mro);
        for (rp_ssize_t i = 1; i < n; i++)
            if (items[i] == (rp_obj_t *)b)
                return true;
        return false;
    }
    for (a = a->base; a; a = a->base)
        if (a == b)
            return true;
    return b == &rp_type_object;
}

int rp_obj_isinstance(rp_obj_t *o, rp_obj_t *cls)
{
    if (RP_OBJ(o->type) == cls)
        return 1;
    if (rp_type_check(cls))
        return rp_type_is_subtype(o->type, (rp_type_t *)cls);
    if (rp_tuple_check(cls)) {
        if (rp_recursion_enter(" in __instancecheck__"))
            return -1;
        int r = 0;
        for (rp_ssize_t i = 0; i < rp_tuple_len(cls); i++) {
            r = rp_obj_isinstance(o, rp_tuple_get_borrow(cls, i));
            if (r != 0)
                break;
        }
        rp_recursion_leave();
        return r;
    }
    if (rp_union_check(cls))
        return rp_obj_isinstance(o, rp_union_args_borrow(cls));
    if (rp_generic_alias_check(cls)) {
        rp_err_set(&rp_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
        return -1;
    }
    rp_err_set(&rp_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int rp_obj_issubclass(rp_obj_t *derived, rp_obj_t *cls)
{
    if (rp_type_check(cls)) {
        if (!rp_type_check(derived)) {
            rp_err_set(&rp_exc_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return rp_type_is_subtype((rp_type_t *)derived, (rp_type_t *)cls);
    }
    if (rp_tuple_check(cls)) {
        if (rp_recursion_enter(" in __subclasscheck__"))
            return -1;
        int r = 0;
        for (rp_ssize_t i = 0; i < rp_tuple_len(cls); i++) {
            r = rp_obj_issubclass(derived, rp_tuple_get_borrow(cls, i));
            if (r != 0)
                break;
        }
        rp_recursion_leave();
        return r;
    }
    if (rp_union_check(cls))
        return rp_obj_issubclass(derived, rp_union_args_borrow(cls));
    if (rp_generic_alias_check(cls)) {
        rp_err_set(&rp_exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
        return -1;
    }
    rp_err_set(&rp_exc_TypeError,
               "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}
