// memlab: why an object exists as it does (small-int cache, singleton,
// interned, constant of a compilation unit, run time) and the sentence
// memlab.explain(a, b) gives for `a is b`.
#include <stdlib.h>
#include <string.h>

#include "memory/gc.h"
#include "modules/memlab.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"

// ---------------------------------------------------------------------
// Pointer map

static size_t slot_of(uintptr_t k, size_t mask)
{
    k ^= k >> 17;
    k *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(k >> 7) & mask;
}

int rp_memlab_map_put(rp_memlab_map_t *m, const void *key, int val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        uintptr_t *nk = calloc(ncap, sizeof *nk);
        int *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = slot_of(m->keys[i], ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    uintptr_t k = (uintptr_t)key;
    size_t j = slot_of(k, m->cap - 1);
    while (m->keys[j] && m->keys[j] != k)
        j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) {
        m->keys[j] = k;
        m->n++;
    }
    m->vals[j] = val;
    return 0;
}

int rp_memlab_map_get(const rp_memlab_map_t *m, const void *key)
{
    if (!m->cap)
        return -1;
    uintptr_t k = (uintptr_t)key;
    size_t j = slot_of(k, m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k)
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}

void rp_memlab_map_free(rp_memlab_map_t *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

// ---------------------------------------------------------------------
// Live code objects

static int is_code(const rp_obj_t *o) { return o->type == &rp_type_code; }

static int add_code(rp_memlab_heap_t *h, rp_memlab_map_t *seen, rp_code_t *co)
{
    if (rp_memlab_map_get(seen, co) >= 0)
        return 0;
    if (rp_memlab_map_put(seen, co, 1) < 0)
        return -1;
    if (h->ncodes == h->capcodes) {
        size_t ncap = h->capcodes ? h->capcodes * 2 : 32;
        rp_code_t **n = realloc(h->codes, ncap * sizeof *n);
        if (!n)
            return -1;
        h->codes = n;
        h->capcodes = ncap;
    }
    h->codes[h->ncodes++] = co;
    rp_obj_t *consts = co->consts;
    if (consts && rp_tuple_check(consts))
        for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++) {
            rp_obj_t *c = rp_tuple_get_borrow(consts, i);
            if (is_code(c) && add_code(h, seen, (rp_code_t *)c) < 0)
                return -1;
        }
    return 0;
}

int rp_memlab_heap_open(rp_memlab_heap_t *h)
{
    memset(h, 0, sizeof *h);
    h->objs = rp_gc_get_objects(-1);
    if (!h->objs)
        return -1;
    rp_memlab_map_t seen = {0};
    int r = 0;
    for (rp_frame_t *f = rp_vm_frame; f && r == 0; f = f->previous)
        r = add_code(h, &seen, f->code);
    for (rp_ssize_t i = 0; i < rp_list_len(h->objs) && r == 0; i++) {
        rp_obj_t *o = rp_list_get_borrow(h->objs, i);
        if (rp_func_check(o) && ((rp_func_t *)o)->code)
            r = add_code(h, &seen, (rp_code_t *)((rp_func_t *)o)->code);
        else if (is_code(o))
            r = add_code(h, &seen, (rp_code_t *)o);
    }
    rp_memlab_map_free(&seen);
    if (r < 0) {
        rp_memlab_heap_close(h);
        rp_err_nomemory();
        return -1;
    }
    return 0;
}

void rp_memlab_heap_close(rp_memlab_heap_t *h)
{
    rp_xdecref(h->objs);
    free(h->codes);
    memset(h, 0, sizeof *h);
}

// ---------------------------------------------------------------------
// The record of constants that outlived their unit's code objects

typedef struct dead_const {
    const void *obj;
    const rp_type_t *type;
    rp_hash_t hash;
    rp_memlab_unit_t unit;
} dead_const_t;

static dead_const_t *dead;
static size_t ndead, capdead;

static void fill_unit(rp_memlab_unit_t *u, rp_code_t *co, int live)
{
    memset(u, 0, sizeof *u);
    u->kind = co->unit_kind;
    u->number = co->unit_number;
    u->live = live;
    const char *s;
    if (co->filename && rp_str_check(co->filename) &&
        (s = rp_str_utf8(co->filename, NULL)) != NULL)
        snprintf(u->filename, sizeof u->filename, "%s", s);
    else
        rp_err_clear();
    if (co->name && rp_str_check(co->name) && (s = rp_str_utf8(co->name, NULL)) != NULL)
        snprintf(u->codename, sizeof u->codename, "%s", s);
    else
        rp_err_clear();
}

// Only values whose identity can puzzle: numbers, strings, bytes, tuples.
static int is_value_const(rp_obj_t *c)
{
    return rp_int_check(c) || rp_float_check(c) || rp_str_check(c) ||
           rp_bytes_check(c) || rp_tuple_check(c);
}

static rp_hash_t value_hash(rp_obj_t *c)
{
    if (rp_int_check(c) || rp_float_check(c) || rp_str_check(c) || rp_bytes_check(c)) {
        rp_hash_t h = rp_obj_hash(c);
        if (h == -1)
            rp_err_clear();
        return h;
    }
    return 0;
}

static void code_dying(rp_code_t *co)
{
    rp_obj_t *consts = co->consts;
    if (!consts || !rp_tuple_check(consts) || rp_err_occurred())
        return;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++) {
        rp_obj_t *c = rp_tuple_get_borrow(consts, i);
        if (!is_value_const(c) || c->refcnt >= RP_STATIC_REFCNT)
            continue;
        if (rp_str_check(c) && rp_str_is_interned(c))
            continue;
        rp_ssize_t own = 1;
        for (int j = 0; j < co->nunit_refs; j++)
            own += co->unit_refs[j] == c;
        if (c->refcnt <= own)
            continue;       // dies with the code object
        if (ndead == capdead) {
            size_t ncap = capdead ? capdead * 2 : 64;
            dead_const_t *n = realloc(dead, ncap * sizeof *n);
            if (!n)
                return;
            dead = n;
            capdead = ncap;
        }
        dead_const_t *d = &dead[ndead++];
        d->obj = c;
        d->type = c->type;
        d->hash = value_hash(c);
        fill_unit(&d->unit, co, 0);
    }
}

void (*rp_code_dealloc_hook)(rp_code_t *co) = code_dying;

// Searches live code objects, then the record (newest first).
static int find_unit(rp_memlab_heap_t *h, rp_obj_t *o, rp_memlab_unit_t *u)
{
    if (h)
        for (size_t i = 0; i < h->ncodes; i++) {
            rp_obj_t *consts = h->codes[i]->consts;
            if (!consts || !rp_tuple_check(consts))
                continue;
            for (rp_ssize_t j = 0; j < rp_tuple_len(consts); j++)
                if (rp_tuple_get_borrow(consts, j) == o) {
                    fill_unit(u, h->codes[i], 1);
                    return 1;
                }
        }
    for (size_t i = ndead; i-- > 0;)
        if (dead[i].obj == o && dead[i].type == o->type && dead[i].hash == value_hash(o)) {
            *u = dead[i].unit;
            return 1;
        }
    return 0;
}

// ---------------------------------------------------------------------
// Origin

static int is_small_int(const rp_obj_t *o)
{
    const char *p = (const char *)o;
    return p >= (const char *)&rp_small_ints[0] &&
           p < (const char *)&rp_small_ints[RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1];
}

static int is_singleton(rp_obj_t *o)
{
    if (o == rp_None || o == rp_True || o == rp_False || o == rp_Ellipsis ||
        o == rp_NotImplemented)
        return 1;
    if (rp_str_check(o) && ((rp_str_t *)o)->is_static && !rp_str_is_interned(o))
        return 1;
    if (rp_tuple_check(o) && rp_tuple_len(o) == 0) {
        rp_obj_t *e = rp_tuple_empty();
        rp_decref(e);
        return e == o;
    }
    return 0;
}

const char *rp_memlab_origin(rp_memlab_heap_t *h, rp_obj_t *o, rp_memlab_unit_t *unit)
{
    if (is_small_int(o))
        return "small-int-cache";
    if (rp_str_check(o) && rp_str_len(o) == 0)
        return "singleton";
    if (rp_str_check(o) && rp_str_is_interned(o))
        return "interned";
    if (is_singleton(o))
        return "singleton";
    rp_memlab_unit_t tmp;
    if (find_unit(h, o, unit ? unit : &tmp))
        return "constant";
    return "runtime";
}

void rp_memlab_unit_describe(FILE *out, const rp_memlab_unit_t *u)
{
    const char *base = strrchr(u->filename, '/');
    base = base ? base + 1 : u->filename;
    switch (u->kind) {
    case RP_UNIT_SCRIPT: fprintf(out, "script %s", base); break;
    case RP_UNIT_COMMAND: fprintf(out, "-c"); break;
    case RP_UNIT_REPL: fprintf(out, "REPL input %d", u->number); break;
    case RP_UNIT_STDIN: fprintf(out, "script <stdin>"); break;
    default: fprintf(out, "compile() of %s", base); break;
    }
}

void rp_memlab_write_repr(FILE *out, rp_obj_t *o)
{
    rp_obj_t *r = rp_obj_repr(o);
    const char *s = r ? rp_str_utf8(r, NULL) : NULL;
    if (!s) {
        rp_err_clear();
        fprintf(out, "<%s object at %p>", rp_type_name(o->type), (void *)o);
    } else if (strlen(s) > 60) {
        fprintf(out, "%.57s...", s);
    } else {
        fputs(s, out);
    }
    rp_xdecref(r);
}

// ---------------------------------------------------------------------
// explain(a, b)

// The first character that keeps a str from looking like an identifier
// (CPython interns string constants made of [A-Za-z0-9_] only); 0 if
// none.
static uint32_t non_identifier_char(rp_obj_t *s)
{
    for (rp_ssize_t i = 0; i < rp_str_len(s); i++) {
        uint32_t c = rp_str_char(s, i);
        if (!(c < 128 && (c == '_' || (c >= '0' && c <= '9') ||
                          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))))
            return c;
    }
    return 0;
}

static void write_char(FILE *out, uint32_t c)
{
    rp_obj_t *s = rp_str_from_char(c);
    const char *u = s ? rp_str_utf8(s, NULL) : NULL;
    if (c == ' ')
        fputs("a space", out);
    else if (u && c >= 32 && c != 127)
        fprintf(out, "`%s`", u);
    else
        fprintf(out, "U+%04X", (unsigned)c);
    if (!u)
        rp_err_clear();
    rp_xdecref(s);
}

static const char *kind_word(rp_obj_t *o)
{
    if (rp_int_check(o)) return "int";
    if (rp_float_check(o)) return "float";
    if (rp_str_check(o)) return "string";
    if (rp_tuple_check(o)) return "tuple";
    if (rp_bytes_check(o)) return "bytes";
    return rp_type_name(o->type);
}

// Why one side exists as it does (for the "not the same" case).
static void side_reason(FILE *out, const char *name, rp_obj_t *o, const char *origin,
                        const rp_memlab_unit_t *u)
{
    fprintf(out, "%s ", name);
    if (!strcmp(origin, "constant")) {
        fputs("is the constant of ", out);
        rp_memlab_unit_describe(out, u);
        fprintf(out, " (code object %s)", u->codename);
    } else if (!strcmp(origin, "interned")) {
        fputs("is interned", out);
    } else if (!strcmp(origin, "small-int-cache")) {
        fputs("is the small-int-cache object", out);
    } else if (!strcmp(origin, "singleton")) {
        fputs(rp_str_check(o) ? "is the shared one-character latin-1 string (made by chr(), "
                                "indexing or iteration)" : "is a singleton", out);
    } else {
        fputs("was created at run time (by an operation such as `+`, a call or a conversion, "
              "not by a literal)", out);
    }
}

static void explain_same(FILE *out, rp_obj_t *a, const char *origin, const rp_memlab_unit_t *u)
{
    if (!strcmp(origin, "small-int-cache")) {
        fputs("True: both are the small-int-cache object for ", out);
        rp_memlab_write_repr(out, a);
        fputs(" (ints from -5 to 256 are created once and shared)", out);
    } else if (!strcmp(origin, "singleton")) {
        fputs("True: both are the singleton ", out);
        rp_memlab_write_repr(out, a);
        if (rp_str_check(a))
            fputs(" (the empty string and one-character latin-1 strings are shared)", out);
        else if (rp_tuple_check(a))
            fputs(" (there is only one empty tuple)", out);
    } else if (!strcmp(origin, "interned")) {
        fputs("True: both are the interned string ", out);
        rp_memlab_write_repr(out, a);
        uint32_t c = non_identifier_char(a);
        if (!c)
            fputs("; it is interned because it looks like an identifier", out);
        else
            fputs("; it was interned explicitly (sys.intern or a name), not as a literal", out);
    } else if (!strcmp(origin, "constant")) {
        fputs("True: both are the constant ", out);
        rp_memlab_write_repr(out, a);
        fputs(" of compilation unit ", out);
        rp_memlab_unit_describe(out, u);
        fprintf(out, " (code object %s); equal constants are shared within one unit", u->codename);
    } else {
        fputs("True: both names refer to the same ", out);
        fputs(kind_word(a), out);
        fprintf(out, " object created at run time (at %p); assignment copies references, "
                "not objects", (void *)a);
    }
}

static void explain_different(FILE *out, rp_obj_t *a, rp_obj_t *b,
                              const char *oa, const rp_memlab_unit_t *ua,
                              const char *ob, const rp_memlab_unit_t *ub)
{
    int eq = rp_obj_richcompare_bool(a, b, RP_EQ);
    if (eq < 0) {
        rp_err_clear();
        eq = 0;
    }
    if (!eq || a->type != b->type) {
        fputs("False: different objects, and not even equal values: ", out);
        rp_memlab_write_repr(out, a);
        fputs(" and ", out);
        rp_memlab_write_repr(out, b);
        return;
    }
    fputs("False: two different ", out);
    fputs(kind_word(a), out);
    fputs(" objects with the equal value ", out);
    rp_memlab_write_repr(out, a);
    fputs(", because ", out);
    if (rp_int_check(a) && !is_small_int(a) && !is_small_int(b)) {
        fputs("it is outside the small-int cache (-5..256) and ", out);
    } else if (rp_float_check(a)) {
        fputs("floats are never cached and ", out);
    } else if (rp_tuple_check(a)) {
        fputs("non-empty tuples are never cached and ", out);
    } else if (!rp_bytes_check(a) && !rp_int_check(a) && !rp_str_check(a)) {
        fprintf(out, "each evaluation of a %s display or call builds a new object", kind_word(a));
        return;
    } else if (rp_str_check(a)) {
        uint32_t c = non_identifier_char(a);
        if (c && strcmp(oa, "interned") && strcmp(ob, "interned")) {
            fputs("it is not interned (it contains ", out);
            write_char(out, c);
            fputs(", so it does not look like an identifier) and ", out);
        } else if (!strcmp(oa, "runtime") || !strcmp(ob, "runtime")) {
            fputs("strings made at run time are not interned and ", out);
        } else {
            fputs("only one of them is interned and ", out);
        }
    }
    if (!strcmp(oa, "constant") && !strcmp(ob, "constant")) {
        fputs("the two constants come from separate compilation units ", out);
        if (ua->kind == RP_UNIT_REPL && ub->kind == RP_UNIT_REPL) {
            fprintf(out, "REPL inputs %d and %d", ua->number, ub->number);
        } else {
            rp_memlab_unit_describe(out, ua);
            fputs(" and ", out);
            rp_memlab_unit_describe(out, ub);
        }
        return;
    }
    side_reason(out, "the first", a, oa, ua);
    fputs(" while ", out);
    side_reason(out, "the second", b, ob, ub);
}

rp_obj_t *rp_memlab_explain(rp_obj_t *a, rp_obj_t *b)
{
    rp_memlab_heap_t h;
    if (rp_memlab_heap_open(&h) < 0)
        return NULL;
    rp_memlab_unit_t ua, ub;
    memset(&ua, 0, sizeof ua);
    memset(&ub, 0, sizeof ub);
    const char *oa = rp_memlab_origin(&h, a, &ua);
    const char *ob = rp_memlab_origin(&h, b, &ub);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out) {
        rp_memlab_heap_close(&h);
        return rp_err_nomemory();
    }
    if (a == b)
        explain_same(out, a, oa, &ua);
    else
        explain_different(out, a, b, oa, &ua, ob, &ub);
    fputc('.', out);
    fclose(out);
    rp_memlab_heap_close(&h);
    rp_obj_t *r = rp_str_from_utf8(buf, (rp_ssize_t)len);
    free(buf);
    return r;
}
