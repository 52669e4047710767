// The gc state CPython 3.11 is in when __main__ starts: the state every
// start-up leaves before compiling (measured), plus what compiling the
// script leaves, replayed from refpy's code objects on a model of
// CPython's free lists.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "compile/opcodes.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

/*
 * Measured with gdb on CPython 3.11.7 (gc.generations[].count,
 * tuple.numfree[], list.numfree, dict_state.numfree at _PyAST_Compile and
 * at run_eval_code_obj).  Site import and the rest of start-up leave the
 * same state before every script is compiled: gen counts (220, 0, 2) at
 * _PyAST_Compile (221 for a file: its loader, __main__.__loader__, is
 * made before parsing) and the free lists below.  Compiling then:
 *
 *  - keeps, per code object, co_names, co_consts and co_localsplusnames
 *    (tuples: from the free list of their size when it has one, else
 *    counted), unless an equal tuple was already made: the compiler's
 *    constant cache (c_const_cache) merges them, the new one is freed;
 *  - makes a cache key per constant (_PyCode_ConstantKey): none for None,
 *    Ellipsis, int, str and code objects, a 2-tuple for bool, bytes and
 *    float (-0.0: a 3-tuple), for a tuple constant an n-tuple of its
 *    items' keys in a 2-tuple, for a frozenset a frozenset of keys in a
 *    2-tuple; each code object's bytecode, line table and exception table
 *    (bytes) get one too.  A key is freed at once when an equal one is
 *    cached, and the whole cache at the end of the compilation;
 *  - makes the folded constant tuples and frozensets: the AST optimizer's
 *    (tuple and set displays of constants, iterables of `for` and `in`)
 *    before anything else, the code generator's (keyword names, the
 *    keys of BUILD_CONST_KEY_MAP, list and set displays) and the CFG
 *    optimizer's (the defaults tuple of a def) where they are merged;
 *  - holds, at the deepest point, 2 + B + 5 * D dicts (the symbol table's
 *    blocks dict, one symbol dict per block, the constant cache, and five
 *    per compiler unit on the nesting chain: consts, names, varnames,
 *    cellvars, freevars) and 2 * B + 3 lists (two per block, the symbol
 *    table's and the compiler's stacks, one temporary), B blocks (code
 *    objects), D the deepest nesting; all go back to their free lists.
 *
 * Temporaries come from the free lists and go back to them, so what the
 * state depends on is the peak number alive per pool; replaying the
 * allocations in CPython's order (children before their parent's
 * tables, as the compiler assembles them) gives it.  Between the end of
 * compiling and the first instruction, PyEval_EvalCode makes the
 * function that runs the code: rp_eval_code makes it too.
 */
// gc.get_stats() then: the collections start-up made and what they
// found, per generation (generation 2: none).
#define STARTUP_STATS_GEN0 {.collections = 22, .collected = 43}
#define STARTUP_STATS_GEN1 {.collections = 2, .collected = 92}
static const int precompile_tuples[20] = {4, 3, 2, 2, 3, 0, 8, 6, 1, 0,
                                          1, 3, 5, 1, 2, 2, 2, 3, 1, 6};
enum {
    PRECOMPILE_COUNT = 220,     // at _PyAST_Compile for -c and stdin
    PRECOMPILE_LISTS = 40,      // 41 after start-up, -1 for the parser
    PRECOMPILE_DICTS = 7,
    STARTUP_DICT_KEYS = 71,
    GEN0_THRESHOLD = 700,
    GEN1_THRESHOLD = 10,
    TUPLE_FREE_MAX = 2000,      // CPython's PyTuple_MAXFREELIST
    LIST_DICT_FREE_MAX = 80,    // PyList_MAXFREELIST, PyDict_MAXFREELIST
    FROZENSET = -1,             // an "allocation size" for a frozenset
};

// What a cache entry stands for: a constant (compared as CPython's keys
// are) or one of a code object's bytes objects.
enum { KEY_CONST, KEY_BYTECODE, KEY_LINETABLE, KEY_EXCTABLE };

typedef struct {
    int kind;
    const void *p;          // rp_obj_t * for KEY_CONST, else rp_code_t *
    uint64_t hash;
} cache_key_t;

typedef struct {
    int count[RP_GC_NUM_GENERATIONS];
    bool live;              // collections are real ones (see gc_new)
    bool cleared;           // a full collection emptied the free lists
    rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS];     // gc.get_stats()
    int tuples[21];         // free list lengths by size 1..20
    int *held, nheld, capheld;  // cached keys' allocations (freed at the end)
    cache_key_t *keys;            // open-addressing set of cached keys
    size_t nkeys, capkeys;
    int blocks, depth;
    bool failed;            // out of memory: state left as it is
} sim_t;

// ---------------------------------------------------------------------
// The free lists and the count

static void gc_new(sim_t *s)
{
    if (s->live) {
        // Between inputs the collector's real rules apply (thresholds,
        // gc.disable(), callbacks): a collection CPython would start
        // while compiling is a real one, and a full one empties the free
        // lists.
        rp_gc_stats_t st[RP_GC_NUM_GENERATIONS];
        rp_gc_get_stats(st);
        rp_ssize_t full = st[RP_GC_NUM_GENERATIONS - 1].collections;
        rp_gc_set_count(s->count);
        rp_gc_on_alloc();
        rp_gc_get_count(s->count);
        rp_gc_get_stats(st);
        if (st[RP_GC_NUM_GENERATIONS - 1].collections != full) {
            memset(s->tuples, 0, sizeof s->tuples);
            s->cleared = true;
        }
        return;
    }
    // _PyObject_GC_Link: a collection starts once gen 0 passes its
    // threshold; it empties gen 0 (a young collection adds one to gen 1).
    if (++s->count[0] > GEN0_THRESHOLD) {
        s->count[0] = 0;
        if (++s->count[1] > GEN1_THRESHOLD) {
            s->count[1] = 0;
            s->count[2]++;
            s->stats[1].collections++;
        } else {
            s->stats[0].collections++;
        }
    }
}

static void gc_del(sim_t *s)
{
    if (s->count[0] > 0)
        s->count[0]--;
}

static void alloc_n(sim_t *s, rp_ssize_t n)
{
    if (n == 0)
        return;             // the empty tuple is a singleton
    if (n > 0 && n <= 20 && s->tuples[n] > 0)
        s->tuples[n]--;
    else
        gc_new(s);
}

static void free_n(sim_t *s, rp_ssize_t n)
{
    if (n == 0)
        return;
    if (n > 0 && n <= 20 && s->tuples[n] < TUPLE_FREE_MAX)
        s->tuples[n]++;
    else
        gc_del(s);
}

// An allocation that stays in the constant cache until the end.
static void alloc_held(sim_t *s, int n)
{
    alloc_n(s, n);
    if (s->nheld == s->capheld) {
        int cap = s->capheld ? 2 * s->capheld : 64;
        int *h = rp_mem_realloc(s->held, sizeof *h * (size_t)cap);
        if (!h) {
            s->failed = true;
            return;
        }
        s->held = h;
        s->capheld = cap;
    }
    s->held[s->nheld++] = n;
}

static void free_held_from(sim_t *s, int mark)
{
    while (s->nheld > mark)
        free_n(s, s->held[--s->nheld]);
}

// ---------------------------------------------------------------------
// Keys: hashing and equality as CPython's constant keys compare

static bool is_code(const rp_obj_t *o) { return o->type == &rp_type_code; }

// Constants whose key is the constant itself (no allocation).
static bool key_is_self(rp_obj_t *o)
{
    return o == rp_None || o == rp_Ellipsis || is_code(o) || o->type == &rp_type_str ||
           o->type == &rp_type_int;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t const_hash(rp_obj_t *o)
{
    uint64_t h = (uint64_t)(uintptr_t)o->type;
    if (rp_tuple_check(o)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            h = mix(h, const_hash(rp_tuple_get_borrow(o, i)));
        return mix(h, (uint64_t)rp_tuple_len(o));
    }
    if (o->type == &rp_type_float) {
        double d = rp_float_value(o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix(h, bits);
    }
    if (is_code(o) || o == rp_None || o == rp_Ellipsis)
        return mix(h, (uint64_t)(uintptr_t)o);
    rp_hash_t v = rp_obj_hash(o);
    if (v == -1) {
        rp_err_clear();
        v = (rp_hash_t)(uintptr_t)o;
    }
    return mix(h, (uint64_t)v);
}

static bool const_eq(rp_obj_t *a, rp_obj_t *b)
{
    if (a == b)
        return true;
    if (a->type != b->type)
        return false;
    if (rp_tuple_check(a)) {
        if (rp_tuple_len(a) != rp_tuple_len(b))
            return false;
        for (rp_ssize_t i = 0; i < rp_tuple_len(a); i++)
            if (!const_eq(rp_tuple_get_borrow(a, i), rp_tuple_get_borrow(b, i)))
                return false;
        return true;
    }
    if (a->type == &rp_type_float) {
        double x = rp_float_value(a), y = rp_float_value(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (is_code(a) || a == rp_None || a == rp_Ellipsis)
        return false;
    int r = rp_obj_richcompare_bool(a, b, RP_EQ);
    if (r < 0)
        rp_err_clear();
    return r == 1;
}

// The line table CPython writes is relative to co_firstlineno.
static uint64_t table_hash(int kind, const rp_code_t *co)
{
    uint64_t h = (uint64_t)kind;
    if (kind == KEY_EXCTABLE) {
        h = mix(h, (uint64_t)co->nexc);
        for (int i = 0; i < co->nexc; i++) {
            const rp_exc_entry_t *e = &co->exctable[i];
            h = mix(h, e->start);
            h = mix(h, ((uint64_t)e->end << 32) | e->target);
            h = mix(h, ((uint64_t)e->depth << 8) | e->lasti);
        }
        return h;
    }
    h = mix(h, (uint64_t)co->ncode);
    for (int i = 0; i < co->ncode; i++) {
        if (kind == KEY_BYTECODE) {
            h = mix(h, co->code[i]);
            continue;
        }
        h = mix(h, (uint64_t)(int64_t)(co->lines[i] - co->firstlineno));
        if (co->positions) {
            const rp_code_pos_t *p = &co->positions[i];
            h = mix(h, (uint64_t)(int64_t)(p->end_lineno - co->lines[i]));
            h = mix(h, ((uint64_t)(uint32_t)p->col << 32) | (uint32_t)p->end_col);
        }
    }
    return h;
}

static bool table_eq(int kind, const rp_code_t *a, const rp_code_t *b)
{
    if (kind == KEY_EXCTABLE) {
        if (a->nexc != b->nexc)
            return false;
        for (int i = 0; i < a->nexc; i++) {
            const rp_exc_entry_t *x = &a->exctable[i], *y = &b->exctable[i];
            if (x->start != y->start || x->end != y->end || x->target != y->target ||
                x->depth != y->depth || x->lasti != y->lasti)
                return false;
        }
        return true;
    }
    if (a->ncode != b->ncode)
        return false;
    if (kind == KEY_BYTECODE)
        return memcmp(a->code, b->code, sizeof *a->code * (size_t)a->ncode) == 0;
    if (!a->positions != !b->positions)
        return false;
    for (int i = 0; i < a->ncode; i++) {
        if (a->lines[i] - a->firstlineno != b->lines[i] - b->firstlineno)
            return false;
        if (a->positions) {
            const rp_code_pos_t *p = &a->positions[i], *q = &b->positions[i];
            if (p->end_lineno - a->lines[i] != q->end_lineno - b->lines[i] ||
                p->col != q->col || p->end_col != q->end_col)
                return false;
        }
    }
    return true;
}

static bool key_eq(const cache_key_t *a, const cache_key_t *b)
{
    if (a->kind != b->kind || a->hash != b->hash)
        return false;
    if (a->kind == KEY_CONST)
        return const_eq((rp_obj_t *)a->p, (rp_obj_t *)b->p);
    return table_eq(a->kind, a->p, b->p);
}

// Adds k to the cache: true if it was new, false if an equal key was
// there (PyDict_SetDefault on c_const_cache).
static bool cache_add(sim_t *s, cache_key_t k)
{
    if (2 * (s->nkeys + 1) > s->capkeys) {
        size_t cap = s->capkeys ? 2 * s->capkeys : 64;
        cache_key_t *t = rp_mem_calloc(cap, sizeof *t);
        if (!t) {
            s->failed = true;
            return true;
        }
        for (size_t i = 0; i < s->capkeys; i++) {
            if (!s->keys[i].p)
                continue;
            size_t j = (size_t)s->keys[i].hash & (cap - 1);
            while (t[j].p)
                j = (j + 1) & (cap - 1);
            t[j] = s->keys[i];
        }
        rp_mem_free(s->keys);
        s->keys = t;
        s->capkeys = cap;
    }
    size_t j = (size_t)k.hash & (s->capkeys - 1);
    for (; s->keys[j].p; j = (j + 1) & (s->capkeys - 1))
        if (key_eq(&s->keys[j], &k))
            return false;
    s->keys[j] = k;
    s->nkeys++;
    return true;
}

// ---------------------------------------------------------------------
// The compiler's allocations

// _PyCode_ConstantKey(o): the objects the key is made of, held.
static void build_key(sim_t *s, rp_obj_t *o)
{
    if (key_is_self(o))
        return;
    if (rp_tuple_check(o)) {
        alloc_held(s, (int)rp_tuple_len(o));
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            build_key(s, rp_tuple_get_borrow(o, i));
    } else if (o->type == &rp_type_frozenset) {
        rp_ssize_t n = rp_set_len(o), pos = 0;
        alloc_n(s, n);
        rp_obj_t *item;
        rp_hash_t h;
        while (rp_set_next(o, &pos, &item, &h))
            build_key(s, item);
        alloc_held(s, FROZENSET);
        free_n(s, n);
    } else if (o->type == &rp_type_float) {
        double d = rp_float_value(o);
        if (d == 0.0 && signbit(d)) {
            alloc_held(s, 3);
            return;
        }
    }
    alloc_held(s, 2);
}

// merge_const_one / merge_consts_recursive: true if o's key was new.
static bool merge(sim_t *s, rp_obj_t *o, bool recursive)
{
    if (recursive && key_is_self(o))
        return false;
    int mark = s->nheld;
    build_key(s, o);
    if (!cache_add(s, (cache_key_t){KEY_CONST, o, const_hash(o)})) {
        free_held_from(s, mark);
        return false;
    }
    if (!recursive)
        return true;
    if (rp_tuple_check(o)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            merge(s, rp_tuple_get_borrow(o, i), true);
    } else if (o->type == &rp_type_frozenset && rp_set_len(o) > 0) {
        rp_ssize_t n = rp_set_len(o), pos = 0;
        alloc_n(s, n);
        rp_obj_t *item;
        rp_hash_t h;
        while (rp_set_next(o, &pos, &item, &h))
            merge(s, item, true);
        gc_new(s);          // the merged frozenset that replaces o
        free_n(s, n);
    }
    return true;
}

static void merge_table(sim_t *s, rp_code_t *co, int kind)
{
    int mark = s->nheld;
    alloc_held(s, 2);       // (bytes, value)
    if (!cache_add(s, (cache_key_t){kind, co, table_hash(kind, co)}))
        free_held_from(s, mark);
}

// A table the code object keeps (names, consts, localsplusnames): made,
// then merged; a duplicate is freed in favour of the cached one.
static void kept_tuple(sim_t *s, rp_obj_t *t)
{
    alloc_n(s, rp_tuple_len(t));
    if (!merge(s, t, false))
        free_n(s, rp_tuple_len(t));
}

// Marks the constants (tuples, frozensets) the code generator makes
// (MADE_CODEGEN: loaded by KW_NAMES, or just before BUILD_CONST_KEY_MAP,
// LIST_EXTEND or SET_UPDATE) or the CFG optimizer (MADE_CFG: the defaults
// of MAKE_FUNCTION) rather than the AST optimizer.  late has one entry per
// constant.
enum { MADE_AST, MADE_CODEGEN, MADE_CFG };

static void find_late(const rp_code_t *co, unsigned char *late)
{
    int prev_const = -1;
    for (int i = 0; i < co->ncode;) {
        unsigned op = rp_instr_op(co->code[i]), arg = rp_instr_arg(co->code[i]);
        if (op >= RP_OP__COUNT)
            break;
        if (op == RP_OP_KW_NAMES && arg < (unsigned)rp_tuple_len(co->consts))
            late[arg] = MADE_CODEGEN;
        if (prev_const >= 0 && op == RP_OP_MAKE_FUNCTION && (arg & 1))
            late[prev_const] = MADE_CFG;
        if (prev_const >= 0 && (op == RP_OP_BUILD_CONST_KEY_MAP || op == RP_OP_LIST_EXTEND ||
                                op == RP_OP_SET_UPDATE))
            late[prev_const] = MADE_CODEGEN;
        prev_const = op == RP_OP_LOAD_CONST && arg < (unsigned)rp_tuple_len(co->consts)
                         ? (int)arg : -1;
        i += 1 + rp_op_caches[op];
    }
}

static unsigned char *late_consts(sim_t *s, const rp_code_t *co)
{
    rp_ssize_t n = rp_tuple_len(co->consts);
    unsigned char *late = rp_mem_calloc((size_t)n + 1, sizeof *late);
    if (!late)
        s->failed = true;
    else
        find_late(co, late);
    return late;
}

// The AST optimizer's folded constants, made before compiling (with
// outer false, only the items of a later-made one).
static void folded(sim_t *s, rp_obj_t *o, bool outer)
{
    if (rp_tuple_check(o)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(o); i++)
            folded(s, rp_tuple_get_borrow(o, i), true);
        if (outer)
            alloc_n(s, rp_tuple_len(o));
    } else if (o->type == &rp_type_frozenset && outer) {
        alloc_n(s, rp_set_len(o));
        gc_new(s);
        free_n(s, rp_set_len(o));
    }
}

// A constant made where it is merged (see find_late).  A frozenset is
// made from a tuple of its items.
static void made_late(sim_t *s, rp_obj_t *o)
{
    if (rp_tuple_check(o)) {
        alloc_n(s, rp_tuple_len(o));
    } else if (o->type == &rp_type_frozenset) {
        alloc_n(s, rp_set_len(o));
        gc_new(s);
        free_n(s, rp_set_len(o));
    }
}

static void fold_tree(sim_t *s, rp_code_t *co, int depth)
{
    s->blocks++;
    if (depth > s->depth)
        s->depth = depth;
    unsigned char *late = late_consts(s, co);
    for (rp_ssize_t i = 0; i < rp_tuple_len(co->consts) && late; i++) {
        rp_obj_t *c = rp_tuple_get_borrow(co->consts, i);
        if (is_code(c))
            fold_tree(s, (rp_code_t *)c, depth + 1);
        else
            folded(s, c, late[i] == MADE_AST);
    }
    rp_mem_free(late);
}

// One code object as compiler_mod / compiler_function assemble it: the
// constants in order (a nested code object is compiled where its parent
// loads it), then the bytes tables, then the kept tuples.
static void compile_code(sim_t *s, rp_code_t *co)
{
    unsigned char *late = late_consts(s, co);
    for (rp_ssize_t i = 0; i < rp_tuple_len(co->consts) && late && !s->failed; i++) {
        rp_obj_t *c = rp_tuple_get_borrow(co->consts, i);
        if (is_code(c)) {
            compile_code(s, (rp_code_t *)c);
        } else if (late[i] == MADE_CFG) {
            made_late(s, c);        // merge_const_one: not recursive
            merge(s, c, false);
        } else if (late[i] == MADE_CODEGEN) {
            made_late(s, c);
            merge(s, c, true);
            if (c->type == &rp_type_frozenset)
                gc_del(s);          // replaced by its merged copy, freed
        } else {
            merge(s, c, true);
        }
    }
    rp_mem_free(late);
    merge_table(s, co, KEY_EXCTABLE);
    merge_table(s, co, KEY_LINETABLE);
    merge_table(s, co, KEY_BYTECODE);
    kept_tuple(s, co->names);
    kept_tuple(s, co->consts);
    kept_tuple(s, co->localsplusnames);
}

// The dicts and lists the compiler holds at its deepest point come from
// their free lists (start long) or are new; returns how many exist.
static int pool_take(sim_t *s, int start, int peak)
{
    int have = start;
    for (; have < peak; have++)
        gc_new(s);
    return have;
}

// They go back to their free list (up to its limit) at the end; a full
// collection meanwhile freed those that were not in use.  Returns the
// free list's length.
static int pool_return(sim_t *s, int have, int peak)
{
    if (s->cleared && have > peak)
        have = peak;
    for (; have > LIST_DICT_FREE_MAX; have--)
        gc_del(s);
    return have;
}

/*
 * The symbol table's analysis (symtable_analyze) holds sets, which have
 * no free list: two for the module, five per block on the nesting chain
 * (analyze_block's local, newglobal, newfree, newbound, allfree), three
 * more per nested block (analyze_child_block's copies), and an iterator
 * in the deepest block's update_symbols.  They are all freed before the
 * code generator runs; only the count's peak (a collection) sees them.
 */
static void symtable_sets(sim_t *s)
{
    int n = 2 + 5 + 8 * (s->depth - 1) + 1;
    for (int i = 0; i < n; i++)
        gc_new(s);
    for (int i = 0; i < n; i++)
        gc_del(s);
}

// Compiling one unit (module code and what it nests) from the state in
// *s, as _PyAST_Compile does it: the AST optimizer's folded constants,
// the symbol table's and the code generator's dicts and lists, the
// analysis sets, then code generation; *dicts and *lists receive the
// free lists' lengths after it.
static void compile_unit(sim_t *s, rp_code_t *co, int dicts_start, int lists_start,
                         int *dicts, int *lists)
{
    fold_tree(s, co, 1);
    int dict_peak = 2 + s->blocks + 5 * s->depth, list_peak = 2 * s->blocks + 3;
    int dicts_have = pool_take(s, dicts_start, dict_peak);
    int lists_have = pool_take(s, lists_start, list_peak);
    symtable_sets(s);
    compile_code(s, co);
    free_held_from(s, 0);
    *dicts = pool_return(s, dicts_have, dict_peak);
    *lists = pool_return(s, lists_have, list_peak);
    rp_mem_free(s->held);
    rp_mem_free(s->keys);
}

void rp_vm_mirror_startup_residue(rp_obj_t *code, bool from_file)
{
    // A file's loader (__main__.__loader__) is made before it is parsed.
    sim_t s = {.count = {PRECOMPILE_COUNT + from_file, 0, 2},
               .stats = {STARTUP_STATS_GEN0, STARTUP_STATS_GEN1}};
    memcpy(s.tuples + 1, precompile_tuples, sizeof precompile_tuples);
    int dicts, lists;
    compile_unit(&s, (rp_code_t *)code, PRECOMPILE_DICTS, PRECOMPILE_LISTS, &dicts, &lists);
    if (s.failed)
        return;
    // Everything start-up made is old in CPython: its last collection
    // came after __main__ and the modules were set up.
    rp_gc_age_all();
    // The dead objects are plain blocks: nothing to track or count.
    rp_vm_gc_state_t st = {.lists = lists, .dicts = dicts, .keys = STARTUP_DICT_KEYS};
    memcpy(st.counts, s.count, sizeof st.counts);
    memcpy(st.tuples, s.tuples, sizeof st.tuples);
    rp_vm_gc_state_apply(&st);
    rp_gc_set_stats(s.stats);
}

void rp_vm_mirror_compile_residue(rp_obj_t *code, const rp_vm_gc_state_t *before)
{
    sim_t s;
    memset(&s, 0, sizeof s);
    s.live = true;
    memcpy(s.count, before->counts, sizeof s.count);
    memcpy(s.tuples, before->tuples, sizeof s.tuples);
    // The parser's arena holds a list until the input has run.
    int lists_start = before->lists;
    if (lists_start > 0)
        lists_start--;
    else
        gc_new(&s);
    // Between parsing and compiling, PyImport_AddModuleObject makes and
    // frees a weak reference to __main__.
    gc_new(&s);
    gc_del(&s);
    int dicts, lists;
    compile_unit(&s, (rp_code_t *)code, before->dicts, lists_start, &dicts, &lists);
    if (s.failed)
        return;
    rp_vm_gc_state_t st = {.lists = lists, .dicts = dicts, .keys = before->keys};
    memcpy(st.counts, s.count, sizeof st.counts);
    memcpy(st.tuples, s.tuples, sizeof st.tuples);
    rp_vm_gc_state_apply(&st);
}

/*
 * An interactive session (`python3 -i` reading piped input) imports more
 * at start-up; at its first _PyAST_Compile (gdb, CPython 3.11.7) the
 * counts were (594, 3, 2), the free lists: tuples below, 19 lists (the
 * parser's arena holds one more), 4 dicts, 8 dict keys; gc.get_stats()
 * as below.
 */
#define REPL_STATS_GEN0 {.collections = 25, .collected = 67}
#define REPL_STATS_GEN1 {.collections = 2, .collected = 92}
static const int repl_tuples[20] = {4, 19, 5, 2, 6, 3, 2, 3, 2, 1,
                                    1, 0, 3, 0, 1, 1, 0, 3, 0, 6};

void rp_vm_mirror_repl_start(void)
{
    rp_vm_gc_state_t st = {.counts = {594, 3, 2}, .lists = 20, .dicts = 4, .keys = 8};
    memcpy(st.tuples + 1, repl_tuples, sizeof repl_tuples);
    rp_gc_age_all();
    rp_vm_gc_state_apply(&st);
    rp_gc_stats_t stats[RP_GC_NUM_GENERATIONS] = {REPL_STATS_GEN0, REPL_STATS_GEN1};
    rp_gc_set_stats(stats);
}

void rp_vm_release_arena_list(void)
{
    rp_vm_gc_state_t st;
    rp_vm_gc_state_save(&st);
    if (st.lists < LIST_DICT_FREE_MAX) {
        st.lists++;
    } else if (st.counts[0] > 0) {
        st.counts[0]--;
    }
    rp_vm_gc_state_apply(&st);
}

void rp_vm_gc_state_save(rp_vm_gc_state_t *st)
{
    rp_gc_get_count(st->counts);
    st->tuples[0] = 0;
    for (int n = 1; n <= 20; n++)
        st->tuples[n] = rp_tuple_free_list_len(n);
    st->lists = rp_list_free_list_len();
    st->dicts = rp_dict_free_list_len();
    st->keys = rp_dict_keys_free_list_len();
}

void rp_vm_gc_state_apply(const rp_vm_gc_state_t *st)
{
    for (int n = 1; n <= 20; n++)
        rp_tuple_free_list_resize(n, st->tuples[n]);
    rp_list_free_list_resize(st->lists);
    rp_dict_free_list_resize(st->dicts, st->keys);
    rp_gc_set_count(st->counts);
}
