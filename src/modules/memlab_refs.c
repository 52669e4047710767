// memlab: who holds an object (memlab.holders: one label per counted
// reference) and the shortest labelled chain from a root to it
// (memlab.why_alive).
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "memory/gc.h"
#include "modules/memlab.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "vm/frame.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------
// Shared helpers

static int is_code(const rp_obj_t *o) { return o->type == &rp_type_code; }

static const char *str_or(rp_obj_t *s, const char *dflt)
{
    if (!s || !rp_str_check(s))
        return dflt;
    const char *u = rp_str_utf8(s, NULL);
    if (!u) {
        rp_err_clear();
        return dflt;
    }
    return u;
}

// repr(o) into a malloc'd string (NULL only when out of memory).  Only
// built-in value types are repr'd: a user-defined __repr__ could run
// code that changes the very references being counted.
static char *repr_dup(rp_obj_t *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    if (rp_str_check_exact(o) || rp_int_check_exact(o) || rp_float_check(o) ||
        rp_bytes_check_exact(o) || o == rp_None || o == rp_True || o == rp_False)
        rp_memlab_write_repr(f, o);
    else
        fprintf(f, "<%s object at %p>", rp_type_name(o->type), (void *)o);
    fclose(f);
    return buf;
}

static const char *module_name(rp_obj_t *m)
{
    rp_obj_t *d = rp_module_dict_borrow(m);
    rp_obj_t *n = d ? rp_dict_get_cstr_borrow(d, "__name__") : NULL;
    return str_or(n, "?");
}

static const char *frame_name(rp_frame_t *f)
{
    return str_or(f->code->name, "?");
}

// Who owns a namespace dict: a module, a class or an instance.
typedef struct owners {
    rp_memlab_map_t dict_owner;     // dict -> index in objs
    rp_memlab_map_t cell_func;      // cell -> index of a function closing over it
    rp_memlab_map_t consts;         // consts/names tuples of live code objects -> code index
} owners_t;

static rp_obj_t **namespace_of(rp_obj_t *o)
{
    if (o->type == &rp_type_module)
        return &((rp_module_t *)o)->dict;
    if (rp_type_check(o))
        return &((rp_type_t *)o)->dict;
    return rp_obj_dict_ptr(o);
}

static int owners_build(owners_t *w, rp_memlab_heap_t *h)
{
    memset(w, 0, sizeof *w);
    rp_obj_t *objs = h->objs;
    for (rp_ssize_t i = 0; i < rp_list_len(objs); i++) {
        rp_obj_t *o = rp_list_get_borrow(objs, i);
        rp_obj_t **dp = namespace_of(o);
        if (dp && *dp && rp_dict_check(*dp) &&
            rp_memlab_map_put(&w->dict_owner, *dp, (int)i) < 0)
            return -1;
        if (rp_func_check(o)) {
            rp_obj_t *cl = ((rp_func_t *)o)->closure;
            if (cl && rp_tuple_check(cl))
                for (rp_ssize_t j = 0; j < rp_tuple_len(cl); j++)
                    if (rp_memlab_map_put(&w->cell_func, rp_tuple_get_borrow(cl, j), (int)i) < 0)
                        return -1;
        }
    }
    for (size_t i = 0; i < h->ncodes; i++) {
        rp_code_t *co = h->codes[i];
        rp_obj_t *tuples[3] = {co->consts, co->names, co->localsplusnames};
        for (int k = 0; k < 3; k++)
            if (tuples[k] && rp_memlab_map_put(&w->consts, tuples[k], (int)i) < 0)
                return -1;
    }
    return 0;
}

static void owners_free(owners_t *w)
{
    rp_memlab_map_free(&w->dict_owner);
    rp_memlab_map_free(&w->cell_func);
    rp_memlab_map_free(&w->consts);
}

// ---------------------------------------------------------------------
// holders

typedef struct holders {
    rp_obj_t *target;
    rp_obj_t *result;       // list of str
    rp_ssize_t counted;
    int failed;
} holders_t;

static void add(holders_t *hs, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    hs->counted++;
    if (hs->failed)
        return;
    rp_obj_t *s = rp_str_from_utf8(buf, (rp_ssize_t)strlen(buf));
    if (!s || rp_list_append_take(hs->result, s) < 0)
        hs->failed = 1;
}

static void unit_label(char *buf, size_t n, rp_code_t *co)
{
    rp_memlab_unit_t u;
    memset(&u, 0, sizeof u);
    u.kind = co->unit_kind;
    u.number = co->unit_number;
    snprintf(u.filename, sizeof u.filename, "%s", str_or(co->filename, "?"));
    char *b = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&b, &len);
    if (!f) {
        snprintf(buf, n, "?");
        return;
    }
    rp_memlab_unit_describe(f, &u);
    fclose(f);
    snprintf(buf, n, "%s", b);
    free(b);
}

static void scan_dict(holders_t *hs, rp_obj_t *d, rp_obj_t *owner)
{
    rp_ssize_t pos = 0;
    rp_obj_t *k, *v;
    while (rp_dict_next(d, &pos, &k, &v)) {
        int kt = k == hs->target, vt = v == hs->target;
        if (!kt && !vt)
            continue;
        char *kr = repr_dup(k);
        const char *kn = rp_str_check(k) ? str_or(k, "?") : kr ? kr : "?";
        for (int side = 0; side < 2; side++) {
            if (!(side ? vt : kt))
                continue;
            const char *what = side ? "" : "the key of ";
            if (owner && owner->type == &rp_type_module) {
                const char *mn = module_name(owner);
                if (!strcmp(mn, "builtins") && !strcmp(kn, "_") && side)
                    add(hs, "`_` of the REPL (builtins._, the last displayed value)");
                else
                    add(hs, "%sglobal name `%s` in `%s`", what, kn, mn);
            } else if (owner && rp_type_check(owner)) {
                add(hs, "%sclass attribute `%s` of %s", what, kn, rp_type_name((rp_type_t *)owner));
            } else if (owner) {
                add(hs, "%sattribute `%s` of a %s", what, kn, rp_type_name(owner->type));
            } else if (side) {
                add(hs, "value for key %s of a dict", kr ? kr : "?");
            } else {
                add(hs, "key %s of a dict", kr ? kr : "?");
            }
        }
        free(kr);
    }
}

static int count_visit(rp_obj_t *child, void *arg)
{
    holders_t *hs = arg;
    if (child == hs->target)
        hs->counted++;      // provisional, see scan_generic
    return 0;
}

// o.name as a C string copied into buf ("?" when missing); never raises.
static const char *attr_text(rp_obj_t *o, const char *name, char *buf, size_t n)
{
    rp_obj_t *v = rp_obj_getattr_cstr(o, name);
    snprintf(buf, n, "?");
    if (!v) {
        rp_err_clear();
        return buf;
    }
    if (rp_str_check(v))
        snprintf(buf, n, "%s", str_or(v, "?"));
    rp_decref(v);
    return buf;
}

// Whether o.name is target (o's own attribute, looked up generically).
static bool attr_is(rp_obj_t *o, const char *name, rp_obj_t *target)
{
    rp_obj_t *v = rp_obj_getattr_cstr(o, name);
    if (!v) {
        rp_err_clear();
        return false;
    }
    bool r = v == target;
    rp_decref(v);
    return r;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

// One label for a reference from o, an object of a built-in type, named
// after what the reference is for when the type is a known one.
static void label_generic(holders_t *hs, rp_obj_t *o, rp_ssize_t k)
{
    const char *tn = rp_type_name(o->type);
    rp_obj_t *t = hs->target;
    char name[96];
    if (strcmp(tn, "method") == 0) {
        attr_text(o, "__qualname__", name, sizeof name);
        if (k == 0 && attr_is(o, "__self__", t)) {
            add(hs, "`__self__` of the bound method `%s` at %p", name, (void *)o);
            return;
        }
        add(hs, "`__func__` of the bound method `%s` at %p", name, (void *)o);
        return;
    }
    if (strcmp(tn, "builtin_function_or_method") == 0) {
        attr_text(o, "__name__", name, sizeof name);
        add(hs, "`__self__` of the built-in function `%s` (internal: set when the "
                "function was made)", name);
        return;
    }
    if (ends_with(tn, "_descriptor")) {
        attr_text(o, "__name__", name, sizeof name);
        add(hs, "`__objclass__` of the %s `%s` (internal: the class's own descriptor)",
            tn, name);
        return;
    }
    if (ends_with(tn, "iterator") || strcmp(tn, "enumerate") == 0 ||
        strcmp(tn, "zip") == 0 || strcmp(tn, "map") == 0 || strcmp(tn, "filter") == 0 ||
        strcmp(tn, "reversed") == 0) {
        add(hs, "the object iterated by a %s at %p", tn, (void *)o);
        return;
    }
    if (strcmp(tn, "generator") == 0) {
        attr_text(o, "__qualname__", name, sizeof name);
        add(hs, "held by the suspended generator `%s` at %p (its locals or stack)",
            name, (void *)o);
        return;
    }
    add(hs, "referenced by a %s object at %p", tn, (void *)o);
}

static void scan_generic(holders_t *hs, rp_obj_t *o)
{
    if (!o->type->traverse)
        return;
    rp_ssize_t before = hs->counted;
    o->type->traverse(o, count_visit, hs);
    rp_ssize_t n = hs->counted - before;
    hs->counted = before;
    for (rp_ssize_t i = 0; i < n; i++)
        label_generic(hs, o, i);
}

static void scan_function(holders_t *hs, rp_obj_t *o)
{
    rp_func_t *fn = (rp_func_t *)o;
    const char *name = str_or(fn->qualname, "?");
    rp_obj_t *t = hs->target;
    if (fn->code == t) add(hs, "__code__ of function `%s`", name);
    if (fn->globals == t) add(hs, "__globals__ of function `%s`", name);
    if (fn->builtins == t) add(hs, "__builtins__ of function `%s`", name);
    if (fn->name == t) add(hs, "__name__ of function `%s`", name);
    if (fn->qualname == t) add(hs, "__qualname__ of function `%s`", name);
    if (fn->defaults == t) add(hs, "__defaults__ of function `%s`", name);
    if (fn->kwdefaults == t) add(hs, "__kwdefaults__ of function `%s`", name);
    if (fn->closure == t) add(hs, "__closure__ of function `%s`", name);
    if (fn->doc == t) add(hs, "docstring of function `%s`", name);
    if (fn->dict == t) add(hs, "__dict__ of function `%s`", name);
    if (fn->module == t) add(hs, "__module__ of function `%s`", name);
}

static void scan_code(holders_t *hs, rp_code_t *co)
{
    rp_obj_t *t = hs->target;
    char unit[160];
    unit_label(unit, sizeof unit, co);
    const char *name = str_or(co->name, "?");
    rp_obj_t *tuples[3] = {co->consts, co->names, co->localsplusnames};
    const char *what[3] = {"constant", "name", "local-variable name"};
    for (int k = 0; k < 3; k++) {
        rp_obj_t *tp = tuples[k];
        if (!tp || !rp_tuple_check(tp))
            continue;
        if (tp == t)
            add(hs, "co_%s of code object `%s` (%s)", k == 0 ? "consts" : k == 1 ? "names" : "varnames",
                name, unit);
        for (rp_ssize_t i = 0; i < rp_tuple_len(tp); i++)
            if (rp_tuple_get_borrow(tp, i) == t)
                add(hs, "%s of code object `%s` (%s)", what[k], name, unit);
    }
    if (co->name == t) add(hs, "co_name of code object `%s`", name);
    if (co->qualname == t) add(hs, "co_qualname of code object `%s`", name);
    if (co->filename == t) add(hs, "co_filename of code object `%s`", name);
    for (int i = 0; i < co->nunit_refs; i++)
        if (co->unit_refs[i] == t)
            add(hs, "literal kept by the compiler for %s while it runs (CPython's parser arena)",
                unit);
}

static void scan_frames(holders_t *hs, int skip_arg)
{
    rp_obj_t *t = hs->target;
    int innermost = 1;
    for (rp_frame_t *f = rp_vm_frame; f; f = f->previous, innermost = 0) {
        const char *fname = frame_name(f);
        rp_code_t *co = f->code;
        for (int i = 0; i < co->nlocalsplus; i++) {
            if (f->localsplus[i] != t)
                continue;
            rp_obj_t *nm = co->localsplusnames && rp_tuple_len(co->localsplusnames) > i
                               ? rp_tuple_get_borrow(co->localsplusnames, i) : NULL;
            const char *kind = (co->localspluskinds[i] & (RP_FAST_CELL | RP_FAST_FREE)) &&
                                       t->type == &rp_type_cell ? "cell of variable" : "local";
            add(hs, "%s `%s` of `%s` (frame)", kind, str_or(nm, "?"), fname);
        }
        rp_obj_t **base = rp_frame_stack_base(f);
        int skip = innermost ? skip_arg : 0;
        for (rp_obj_t **p = f->sp; p-- > base;) {
            if (*p != t)
                continue;
            if (skip > 0) {
                skip--;
                continue;
            }
            add(hs, "temporary on the value stack of `%s` (frame)", fname);
        }
        if (RP_OBJ(f->code) == t) add(hs, "code of the running frame of `%s`", fname);
        if (f->func == t) add(hs, "function of the running frame of `%s`", fname);
        if (f->locals == t) add(hs, "locals of the running frame of `%s`", fname);
        if (f->handled == t) add(hs, "exception being handled in `%s` (frame)", fname);
        if (f->frame_obj == t) add(hs, "frame object of `%s`", fname);
    }
}

// Containers the collector does not track (dicts and tuples holding
// only atomic values) still hold references: collect every one reachable
// from a tracked object into the snapshot list, after the tracked ones.
typedef struct extra {
    rp_memlab_map_t seen;
    rp_obj_t *list;
    int failed;
} extra_t;

static int extra_visit(rp_obj_t *child, void *arg)
{
    extra_t *x = arg;
    if (!(rp_dict_check(child) || rp_tuple_check(child)) || !rp_gc_has_header(child) ||
        rp_gc_is_tracked(child) || rp_memlab_map_get(&x->seen, child) >= 0)
        return 0;
    if (rp_memlab_map_put(&x->seen, child, 1) < 0 || rp_list_append(x->list, child) < 0)
        x->failed = 1;
    return 0;
}

static int add_untracked(rp_memlab_heap_t *h)
{
    extra_t x = {{0}, h->objs, 0};
    for (rp_ssize_t i = 0; i < rp_list_len(h->objs) && !x.failed; i++) {
        rp_obj_t *o = rp_list_get_borrow(h->objs, i);
        if (o->type->traverse)
            o->type->traverse(o, extra_visit, &x);
    }
    for (rp_frame_t *f = rp_vm_frame; f && !x.failed; f = f->previous) {
        for (int i = 0; i < f->code->nlocalsplus; i++)
            if (f->localsplus[i])
                extra_visit(f->localsplus[i], &x);
        for (rp_obj_t **p = rp_frame_stack_base(f); p < f->sp; p++)
            if (*p)
                extra_visit(*p, &x);
    }
    rp_memlab_map_free(&x.seen);
    if (x.failed) {
        if (!rp_err_occurred())
            rp_err_nomemory();
        return -1;
    }
    return 0;
}

rp_obj_t *rp_memlab_holders(rp_obj_t *target, int skip_arg)
{
    // Counted before the snapshot list exists (it holds one more).
    rp_ssize_t refcnt = target->refcnt;
    bool is_static = refcnt >= RP_STATIC_REFCNT;
    rp_memlab_heap_t h;
    if (rp_memlab_heap_open(&h) < 0)
        return NULL;
    // The target's count may grow by the snapshot list's reference.
    if (add_untracked(&h) < 0) {
        rp_memlab_heap_close(&h);
        return NULL;
    }
    owners_t w;
    holders_t hs = {target, rp_list_new(0), 0, 0};
    if (!hs.result || owners_build(&w, &h) < 0) {
        rp_memlab_heap_close(&h);
        rp_xdecref(hs.result);
        return hs.result ? rp_err_nomemory() : NULL;
    }
    rp_obj_t *objs = h.objs;
    for (rp_ssize_t i = 0; i < rp_list_len(objs); i++) {
        rp_obj_t *o = rp_list_get_borrow(objs, i);
        if (o == hs.result)
            continue;
        if (rp_dict_check(o)) {
            int oi = rp_memlab_map_get(&w.dict_owner, o);
            if (oi < 0)
                scan_dict(&hs, o, NULL);
            continue;       // namespaces are scanned with their owner
        }
        rp_obj_t **dp = namespace_of(o);
        if (dp && *dp && rp_dict_check(*dp))
            scan_dict(&hs, *dp, o);
        if (o->type == &rp_type_module) {
            if (((rp_module_t *)o)->name == target)
                add(&hs, "__name__ slot of module `%s`", module_name(o));
            if (((rp_module_t *)o)->dict == target)
                add(&hs, "__dict__ of module `%s`", module_name(o));
            continue;
        }
        if (rp_list_check(o)) {
            for (rp_ssize_t j = 0; j < rp_list_len(o); j++)
                if (rp_list_get_borrow(o, j) == target)
                    add(&hs, "item %zd of a list", (size_t)j);
            continue;
        }
        if (rp_tuple_check(o)) {
            if (rp_memlab_map_get(&w.consts, o) >= 0)
                continue;   // scanned with its code object
            for (rp_ssize_t j = 0; j < rp_tuple_len(o); j++)
                if (rp_tuple_get_borrow(o, j) == target)
                    add(&hs, "item %zd of a tuple", (size_t)j);
            continue;
        }
        if (o->type == &rp_type_cell) {
            if (((rp_cell_t *)o)->ref == target) {
                int fi = rp_memlab_map_get(&w.cell_func, o);
                if (fi >= 0) {
                    rp_func_t *fn = (rp_func_t *)rp_list_get_borrow(objs, fi);
                    add(&hs, "cell of closure `%s`", str_or(fn->qualname, "?"));
                } else {
                    add(&hs, "cell of a closure variable");
                }
            }
            continue;
        }
        if (rp_func_check(o)) {
            scan_function(&hs, o);
            continue;
        }
        if (is_code(o))
            continue;       // scanned below with the others
        if (dp) {
            // A class or an instance: its namespace was scanned; count
            // what else traverse reaches (type, bases, slots).
            rp_ssize_t before = hs.counted;
            if (o->type->traverse)
                o->type->traverse(o, count_visit, &hs);
            rp_ssize_t n = hs.counted - before;
            hs.counted = before;
            const char *owner = rp_type_check(o) ? rp_type_name((rp_type_t *)o)
                                                 : rp_type_name(o->type);
            if (*dp == target && n > 0) {
                add(&hs, "__dict__ of %s%s", rp_type_check(o) ? "class " : "a ", owner);
                n--;
            }
            if (RP_OBJ(o->type) == target && n > 0) {
                if (rp_type_check(o))
                    add(&hs, "metaclass of class %s", owner);
                else
                    add(&hs, "__class__ of a %s instance", owner);
                n--;
            }
            for (rp_ssize_t k = 0; k < n; k++)
                add(&hs, "referenced by %s %s at %p", rp_type_check(o) ? "class" : "a",
                    owner, (void *)o);
            continue;
        }
        scan_generic(&hs, o);
    }
    for (size_t i = 0; i < h.ncodes; i++)
        scan_code(&hs, h.codes[i]);
    scan_frames(&hs, skip_arg);
    rp_ssize_t expected = (is_static ? refcnt - RP_STATIC_REFCNT : refcnt) - skip_arg;
    rp_ssize_t missing = expected - hs.counted;
    if (missing > 0)
        add(&hs, "internal/unaccounted: %zd (references held by the interpreter's own "
                 "C-level caches and tables, not visible to memlab)", (size_t)missing);
    if (missing < 0)
        add(&hs, "note: %zd more references found than counted", (size_t)-missing);
    if (is_static && !hs.failed)
        add(&hs, "static object: its count also includes a fixed base of 2**30 that "
                 "keeps it alive forever");
    owners_free(&w);
    rp_memlab_heap_close(&h);
    if (hs.failed) {
        rp_decref(hs.result);
        return rp_err_occurred() ? NULL : rp_err_nomemory();
    }
    return hs.result;
}

// ---------------------------------------------------------------------
// why_alive: breadth-first search from the roots

typedef struct node {
    rp_obj_t *obj;
    int parent;             // -1 for roots
    char *label;            // malloc'd: the root's name or the edge's suffix
} node_t;

typedef struct search {
    node_t *nodes;
    size_t n, cap;
    rp_memlab_map_t seen;
    rp_obj_t *target;
    rp_obj_t *skip;         // the snapshot list
    int found;              // index of the target's node, or -1
    int failed;
    int cur;                // node being expanded
} search_t;

static void reach(search_t *s, rp_obj_t *child, const char *fmt, ...)
{
    if (s->failed || s->found >= 0 || !child || child == s->skip ||
        rp_memlab_map_get(&s->seen, child) >= 0)
        return;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 256;
        node_t *nn = realloc(s->nodes, ncap * sizeof *nn);
        if (!nn) {
            s->failed = 1;
            return;
        }
        s->nodes = nn;
        s->cap = ncap;
    }
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    node_t *nd = &s->nodes[s->n];
    nd->obj = child;
    nd->parent = s->cur;
    nd->label = strdup(buf);
    if (!nd->label || rp_memlab_map_put(&s->seen, child, (int)s->n) < 0) {
        free(nd->label);
        s->failed = 1;
        return;
    }
    if (child == s->target)
        s->found = (int)s->n;
    s->n++;
}

static void reach_dict_items(search_t *s, rp_obj_t *d, int as_attrs)
{
    rp_ssize_t pos = 0;
    rp_obj_t *k, *v;
    while (rp_dict_next(d, &pos, &k, &v) && s->found < 0) {
        if (rp_memlab_map_get(&s->seen, v) >= 0 && rp_memlab_map_get(&s->seen, k) >= 0)
            continue;
        if (as_attrs && rp_str_check(k)) {
            reach(s, v, ".%s", str_or(k, "?"));
        } else {
            char *kr = repr_dup(k);
            reach(s, v, "[%s]", kr ? kr : "?");
            reach(s, k, " (key %s)", kr ? kr : "?");
            free(kr);
        }
    }
}

static int generic_visit(rp_obj_t *child, void *arg)
{
    search_t *s = arg;
    if (rp_memlab_map_get(&s->seen, child) < 0)
        reach(s, child, " -> %s", rp_type_name(child->type));
    return s->found >= 0;
}

static void expand(search_t *s, rp_obj_t *o)
{
    if (rp_dict_check(o)) {
        reach_dict_items(s, o, 0);
        return;
    }
    if (rp_list_check(o)) {
        for (rp_ssize_t i = 0; i < rp_list_len(o); i++)
            reach(s, rp_list_get_borrow(o, i), "[%zd]", (size_t)i);
        return;
    }
    if (rp_tuple_check(o)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            reach(s, rp_tuple_get_borrow(o, i), "[%zd]", (size_t)i);
        return;
    }
    if (o->type == &rp_type_cell) {
        reach(s, ((rp_cell_t *)o)->ref, ".cell_contents");
        return;
    }
    if (is_code(o)) {
        rp_code_t *co = (rp_code_t *)o;
        if (co->consts && rp_tuple_check(co->consts))
            for (rp_ssize_t i = 0; i < rp_tuple_len(co->consts); i++)
                reach(s, rp_tuple_get_borrow(co->consts, i), ".co_consts[%zd]", (size_t)i);
        return;
    }
    if (rp_func_check(o)) {
        rp_func_t *fn = (rp_func_t *)o;
        if (fn->closure && rp_tuple_check(fn->closure))
            for (rp_ssize_t i = 0; i < rp_tuple_len(fn->closure); i++)
                reach(s, rp_tuple_get_borrow(fn->closure, i), ".__closure__[%zd]", (size_t)i);
        reach(s, fn->defaults, ".__defaults__");
        reach(s, fn->kwdefaults, ".__kwdefaults__");
        reach(s, fn->code, ".__code__");
        reach(s, fn->dict, ".__dict__");
        return;
    }
    rp_obj_t **dp = namespace_of(o);
    if (dp && *dp && rp_dict_check(*dp)) {
        reach_dict_items(s, *dp, 1);
        // the namespace itself is not a separate step of the chain
        if (rp_memlab_map_get(&s->seen, *dp) < 0 && s->found < 0 && !s->failed)
            reach(s, *dp, ".__dict__");
    }
    if (o->type->traverse && s->found < 0)
        o->type->traverse(o, generic_visit, s);
}

static void add_root(search_t *s, rp_obj_t *o, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    s->cur = -1;
    reach(s, o, "%s", buf);
}

rp_obj_t *rp_memlab_why_alive(rp_obj_t *target)
{
    search_t s;
    memset(&s, 0, sizeof s);
    s.target = target;
    s.found = -1;
    s.cur = -1;
    // Roots: the modules (__main__ first), then the running frames.
    if (rp_interp.main_module)
        add_root(&s, rp_interp.main_module, "__main__");
    if (rp_interp.modules && rp_dict_check(rp_interp.modules)) {
        rp_ssize_t pos = 0;
        rp_obj_t *k, *v;
        while (rp_dict_next(rp_interp.modules, &pos, &k, &v))
            add_root(&s, v, "%s", str_or(k, "?"));
    }
    int innermost = 1;
    for (rp_frame_t *f = rp_vm_frame; f; f = f->previous, innermost = 0) {
        rp_code_t *co = f->code;
        for (int i = 0; i < co->nlocalsplus; i++) {
            rp_obj_t *nm = co->localsplusnames && rp_tuple_len(co->localsplusnames) > i
                               ? rp_tuple_get_borrow(co->localsplusnames, i) : NULL;
            add_root(&s, f->localsplus[i], "%s()'s local %s", frame_name(f), str_or(nm, "?"));
        }
        if (!innermost)
            for (rp_obj_t **p = rp_frame_stack_base(f); p < f->sp; p++)
                add_root(&s, *p, "a temporary of %s()", frame_name(f));
        add_root(&s, f->locals, "%s()'s locals", frame_name(f));
        add_root(&s, f->func, "the running function %s", frame_name(f));
    }
    // Modules are not expanded as objects: their globals are the chain.
    for (size_t i = 0; (int)i < (int)s.n && s.found < 0 && !s.failed; i++) {
        s.cur = (int)i;
        rp_obj_t *o = s.nodes[i].obj;
        if (o->type == &rp_type_module) {
            rp_obj_t *d = rp_module_dict_borrow(o);
            if (d) {
                reach_dict_items(&s, d, 1);
                if (rp_memlab_map_get(&s.seen, d) < 0)
                    reach(&s, d, ".__dict__");
            }
        } else {
            expand(&s, o);
        }
    }
    rp_obj_t *result = NULL;
    if (s.failed) {
        if (!rp_err_occurred())
            rp_err_nomemory();
    } else if (s.found < 0) {
        result = rp_newref(rp_None);
    } else {
        // Join the labels from the root down.
        int chain[512];
        int depth = 0;
        for (int i = s.found; i >= 0 && depth < 512; i = s.nodes[i].parent)
            chain[depth++] = i;
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (out) {
            while (depth-- > 0)
                fputs(s.nodes[chain[depth]].label, out);
            fclose(out);
            result = rp_str_from_utf8(buf, (rp_ssize_t)len);
            free(buf);
        } else {
            rp_err_nomemory();
        }
    }
    for (size_t i = 0; i < s.n; i++)
        free(s.nodes[i].label);
    free(s.nodes);
    rp_memlab_map_free(&s.seen);
    return result;
}
