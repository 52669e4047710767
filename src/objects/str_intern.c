// The table of interned strings: an open-addressing set of str pointers.
// As in CPython 3.11 interning is "mortal": the table holds no counted
// reference, and a dying interned string removes itself (str_dealloc
// calls rp_str_intern_forget).
#include <string.h>

#include "objects/str_impl.h"
#include "objects/errors.h"
#include "memory/alloc.h"

#define DELETED ((rp_obj_t *)1)

static rp_obj_t **table;        // capacity slots: NULL, DELETED or a str
static size_t capacity;         // a power of two, or 0 before first use
static size_t used;             // live strings
static size_t filled;           // live + deleted slots

/*
 * CPython 3.11 starts with an interned string for many one-character
 * names (made for its frozen modules) that is a different object from
 * its latin-1 singleton; so `chr(98) is 'b'` is False there, since the
 * literal 'b' is interned.  Seeding the table with such copies of the
 * same characters reproduces those identities.
 */
static const char seeded_chars[] = "BCLST_abcdefhijklmnopqrstvwxy";
typedef struct {
    rp_str_t s;
    uint8_t data[8];
} seeded_str_t;
static seeded_str_t seeded[sizeof seeded_chars - 1];

static int insert_new(rp_obj_t *s);

bool rp_str_intern_is_seeded_addr(const void *p)
{
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)seeded;
    return a >= lo && a < lo + sizeof seeded && (a - lo) % sizeof seeded[0] == 0;
}

static size_t probe_start(rp_hash_t h)
{
    return (size_t)h & (capacity - 1);
}

static int resize(size_t newcap)
{
    rp_obj_t **old = table;
    size_t oldcap = capacity;
    rp_obj_t **nt = rp_mem_calloc(newcap, sizeof(rp_obj_t *));
    if (nt == NULL)
        return -1;
    table = nt;
    capacity = newcap;
    used = filled = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i] != NULL && old[i] != DELETED)
            insert_new(old[i]);
    rp_mem_free(old);
    return 0;
}

static void seed(void)
{
    for (size_t i = 0; i < sizeof seeded_chars - 1; i++) {
        rp_str_t *s = &seeded[i].s;
        s->ob.refcnt = RP_STATIC_REFCNT;
        s->ob.type = &rp_type_str;
        s->length = 1;
        s->hash = -1;
        s->kind = 1;
        s->ascii = 1;
        s->interned = 1;
        s->is_static = 1;
        s->data_offset = RP_STR_ASCII_HEADER;
        seeded[i].data[0] = (uint8_t)seeded_chars[i];
        seeded[i].data[1] = 0;
        s->utf8 = (char *)seeded[i].data;
        insert_new(RP_OBJ(s));
    }
}

static int ensure_table(void)
{
    if (capacity != 0)
        return 0;
    if (resize(1024) < 0)
        return -1;
    seed();
    return 0;
}

// Inserts s, known to be absent; the table has room.
static int insert_new(rp_obj_t *s)
{
    rp_hash_t h = rp_str_hash(s);
    size_t mask = capacity - 1, i = probe_start(h), perturb = (size_t)h;
    while (table[i] != NULL && table[i] != DELETED) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    if (table[i] == NULL)
        filled++;
    table[i] = s;
    used++;
    return 0;
}

// Finds the interned string equal to s (borrowed) or NULL.
static rp_obj_t *lookup(rp_obj_t *s)
{
    rp_hash_t h = rp_str_hash(s);
    size_t mask = capacity - 1, i = probe_start(h), perturb = (size_t)h;
    rp_obj_t *e;
    while ((e = table[i]) != NULL) {
        if (e != DELETED && (e == s || (((rp_str_t *)e)->hash == h && rp_str_eq(e, s))))
            return e;
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return NULL;
}

void rp_str_intern_take(rp_obj_t **p)
{
    rp_obj_t *s = *p;
    if (s == NULL || !rp_str_check_exact(s) || rp_str_is_interned(s))
        return;
    if (ensure_table() < 0)
        return;
    rp_obj_t *t = lookup(s);
    if (t != NULL) {
        *p = rp_newref(t);
        rp_decref(s);
        return;
    }
    if ((filled + 1) * 3 >= capacity * 2) {
        size_t newcap = 1024;
        while (newcap < used * 4)
            newcap *= 2;
        if (resize(newcap) < 0)
            return;     // out of memory: s simply stays uninterned
    }
    insert_new(s);
    ((rp_str_t *)s)->interned = 1;
}

void rp_str_intern_forget(rp_obj_t *s)
{
    if (capacity == 0)
        return;
    rp_hash_t h = ((rp_str_t *)s)->hash;
    size_t mask = capacity - 1, i = probe_start(h), perturb = (size_t)h;
    rp_obj_t *e;
    while ((e = table[i]) != NULL) {
        if (e == s) {
            table[i] = DELETED;
            used--;
            ((rp_str_t *)s)->interned = 0;
            return;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

rp_obj_t *rp_str_intern_utf8(const char *s, rp_ssize_t len)
{
    if (ensure_table() < 0)
        return rp_err_nomemory();
    // ASCII text hashes as its own bytes: probe without allocating.
    bool ascii = true;
    for (rp_ssize_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 128;
    if (ascii) {
        rp_hash_t h = rp_hash_bytes(s, len);
        size_t mask = capacity - 1, i = probe_start(h), perturb = (size_t)h;
        rp_obj_t *e;
        while ((e = table[i]) != NULL) {
            if (e != DELETED && ((rp_str_t *)e)->hash == h && rp_str_len(e) == len &&
                rp_str_is_ascii(e) && memcmp(rp_str_data(e), s, (size_t)len) == 0)
                return rp_newref(e);
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    rp_obj_t *o = rp_str_from_utf8(s, len);
    if (o == NULL)
        return NULL;
    rp_str_intern_take(&o);
    return o;
}

rp_obj_t *rp_str_intern_cstr(const char *s)
{
    return rp_str_intern_utf8(s, (rp_ssize_t)strlen(s));
}

rp_ssize_t rp_str_intern_count(void)
{
    return (rp_ssize_t)used;
}
