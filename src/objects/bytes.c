// bytes core: allocation and the shared singletons, the constructor,
// repr, hashing, comparison, concatenation and repetition, indexing and
// slicing, iteration, and the bytes type object (methods in
// bytes_methods.c).
#include <string.h>

#include "objects/bytes.h"
#include "objects/str_impl.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/rangeobj.h"
#include "objects/strargs.h"
#include "objects/args.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "memory/alloc.h"

#define HEADER offsetof(rp_bytes_t, data)

typedef struct {
    rp_bytes_t b;
    char more[7];
} static_bytes_t;

static static_bytes_t empty_bytes;
static static_bytes_t byte_chars[256];

static void init_static(rp_bytes_t *b, int c, rp_ssize_t len)
{
    b->ob.ob.refcnt = RP_STATIC_REFCNT;
    b->ob.ob.type = &rp_type_bytes;
    b->ob.size = len;
    b->hash = -1;
    b->data[0] = (char)c;
    // data[1], the terminating NUL, is already 0: the storage is static.
}

__attribute__((constructor)) static void init_bytes_singletons(void)
{
    init_static(&empty_bytes.b, 0, 0);
    for (int c = 0; c < 256; c++)
        init_static(&byte_chars[c].b, c, 1);
}

bool rp_bytes_is_static_addr(const void *p)
{
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)byte_chars;
    if (p == (const void *)&empty_bytes)
        return true;
    return a >= lo && a < lo + sizeof byte_chars && (a - lo) % sizeof byte_chars[0] == 0;
}

rp_obj_t *rp_bytes_new(rp_ssize_t len)
{
    if (len <= 0) {
        if (len == 0)
            return rp_newref(RP_OBJ(&empty_bytes));
        rp_err_bad_internal_call("rp_bytes_new");
        return NULL;
    }
    if ((size_t)len > PTRDIFF_MAX - HEADER - 1)
        return rp_err_nomemory();
    rp_bytes_t *b = (rp_bytes_t *)rp_obj_alloc(&rp_type_bytes, HEADER + (size_t)len + 1);
    if (b == NULL)
        return NULL;
    b->ob.size = len;
    b->hash = -1;
    b->data[len] = '\0';
    return RP_OBJ(b);
}

rp_obj_t *rp_bytes_from(const char *s, rp_ssize_t len)
{
    if (len == 0)
        return rp_newref(RP_OBJ(&empty_bytes));
    if (len == 1)
        return rp_newref(RP_OBJ(&byte_chars[(unsigned char)s[0]]));
    rp_obj_t *b = rp_bytes_new(len);
    if (b)
        memcpy(rp_bytes_buffer(b), s, (size_t)len);
    return b;
}

// An instance of the bytes subclass type holding a copy of src's bytes.
static rp_obj_t *new_subtype(rp_type_t *type, rp_obj_t *src)
{
    rp_ssize_t n = rp_bytes_len(src);
    rp_obj_t *o = rp_type_generic_alloc(type, n);
    if (o == NULL)
        return NULL;
    rp_bytes_t *b = (rp_bytes_t *)o;
    b->hash = -1;
    memcpy(b->data, rp_bytes_data(src), (size_t)n);
    b->data[n] = '\0';
    return o;
}

static void bytes_dealloc(rp_obj_t *o)
{
    rp_obj_free(o);
}

// ---------------------------------------------------------------------
// repr, hash, comparison

rp_obj_t *rp_bytes_repr(rp_obj_t *o)
{
    rp_ssize_t n = rp_bytes_len(o);
    const unsigned char *d = (const unsigned char *)rp_bytes_data(o);
    bool squote = memchr(d, '\'', (size_t)n) != NULL;
    bool dquote = memchr(d, '"', (size_t)n) != NULL;
    char quote = (squote && !dquote) ? '"' : '\'';
    rp_ssize_t size = 3;
    for (rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r')
            size += 2;
        else if (c < ' ' || c >= 0x7f)
            size += 4;
        else
            size += 1;
    }
    rp_obj_t *r = rp_str_new(size, 127);
    if (r == NULL)
        return NULL;
    char *p = rp_str_data(r);
    static const char hex[] = "0123456789abcdef";
    *p++ = 'b';
    *p++ = quote;
    for (rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        if (c == quote || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
        } else if (c == '\t') {
            *p++ = '\\';
            *p++ = 't';
        } else if (c == '\n') {
            *p++ = '\\';
            *p++ = 'n';
        } else if (c == '\r') {
            *p++ = '\\';
            *p++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            *p++ = '\\';
            *p++ = 'x';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    *p++ = quote;
    return r;
}

rp_hash_t rp_bytes_hash(rp_obj_t *o)
{
    rp_bytes_t *b = (rp_bytes_t *)o;
    if (b->hash == -1)
        b->hash = rp_hash_bytes(b->data, b->ob.size);
    return b->hash;
}

static rp_hash_t bytes_hash_slot(rp_obj_t *o)
{
    return rp_bytes_hash(o);
}

static rp_obj_t *bytes_repr_slot(rp_obj_t *o)
{
    return rp_bytes_repr(o);
}

static rp_obj_t *bytes_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (!rp_bytes_check(a) || !rp_bytes_check(b))
        return rp_newref(rp_NotImplemented);
    rp_ssize_t la = rp_bytes_len(a), lb = rp_bytes_len(b);
    bool r;
    if (op == RP_EQ || op == RP_NE) {
        bool eq = a == b || (la == lb && memcmp(rp_bytes_data(a), rp_bytes_data(b), (size_t)la) == 0);
        r = op == RP_EQ ? eq : !eq;
    } else {
        int c = memcmp(rp_bytes_data(a), rp_bytes_data(b), (size_t)(la < lb ? la : lb));
        if (c == 0)
            c = la < lb ? -1 : la > lb ? 1 : 0;
        switch (op) {
        case RP_LT: r = c < 0; break;
        case RP_LE: r = c <= 0; break;
        case RP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return rp_bool_from(r);
}

// ---------------------------------------------------------------------
// Operators

rp_obj_t *rp_bytes_concat(rp_obj_t *a, rp_obj_t *b)
{
    rp_ssize_t la = rp_bytes_len(a), lb = rp_bytes_len(b);
    if (lb == 0 && rp_bytes_check_exact(a))
        return rp_newref(a);
    if (la == 0 && rp_bytes_check_exact(b))
        return rp_newref(b);
    if (la > PTRDIFF_MAX - lb)
        return rp_err_nomemory();
    rp_obj_t *r = rp_bytes_new(la + lb);
    if (r == NULL)
        return NULL;
    memcpy(rp_bytes_buffer(r), rp_bytes_data(a), (size_t)la);
    memcpy(rp_bytes_buffer(r) + la, rp_bytes_data(b), (size_t)lb);
    return r;
}

static rp_obj_t *bytes_repeat(rp_obj_t *s, rp_ssize_t n)
{
    rp_ssize_t len = rp_bytes_len(s);
    if (n < 0)
        n = 0;
    if (n == 1 && rp_bytes_check_exact(s))
        return rp_newref(s);
    if (len > 0 && n > PTRDIFF_MAX / len)
        return rp_err_nomemory();
    rp_ssize_t total = len * n;
    if (total <= 1)
        return rp_bytes_from(rp_bytes_data(s), total);
    rp_obj_t *r = rp_bytes_new(total);
    if (r == NULL)
        return NULL;
    char *d = rp_bytes_buffer(r);
    if (len == 1) {
        memset(d, rp_bytes_data(s)[0], (size_t)total);
        return r;
    }
    size_t done = (size_t)len;
    memcpy(d, rp_bytes_data(s), done);
    while (done < (size_t)total) {
        size_t chunk = done <= (size_t)total - done ? done : (size_t)total - done;
        memcpy(d + done, d, chunk);
        done += chunk;
    }
    return r;
}

static rp_obj_t *bytes_binary_op(rp_obj_t *a, rp_obj_t *b, int op)
{
    int base = op >= RP_BINOP_INPLACE ? op - RP_BINOP_INPLACE : op;
    if (base == RP_BINOP_ADD) {
        if (!rp_bytes_check(a))
            return rp_newref(rp_NotImplemented);
        if (rp_bytes_check(b))
            return rp_bytes_concat(a, b);
        rp_binaryfunc f = b->type->binary_op;
        if (f != NULL && f != bytes_binary_op) {
            rp_obj_t *r = f(a, b, op);
            if (r != rp_NotImplemented)
                return r;
            rp_decref(r);
        }
        return rp_err_format(&rp_exc_TypeError, "can't concat %.100s to %.100s",
                             rp_type_name(b->type), rp_type_name(a->type));
    }
    if (base == RP_BINOP_MUL) {
        rp_obj_t *s = rp_bytes_check(a) ? a : b;
        rp_obj_t *count = s == a ? b : a;
        if (!rp_int_check(count) && count->type->index == NULL) {
            if (s == a) {
                rp_binaryfunc f = b->type->binary_op;
                if (f != NULL && f != bytes_binary_op) {
                    rp_obj_t *r = f(a, b, op);
                    if (r != rp_NotImplemented)
                        return r;
                    rp_decref(r);
                }
            }
            return rp_err_format(&rp_exc_TypeError,
                                 "can't multiply sequence by non-int of type '%.200s'",
                                 rp_type_name(count->type));
        }
        rp_ssize_t n = rp_number_as_ssize(count, &rp_exc_OverflowError);
        if (n == -1 && rp_err_occurred())
            return NULL;
        return bytes_repeat(s, n);
    }
    if (base == RP_BINOP_MOD && rp_bytes_check(a))
        return rp_bytes_percent_format(a, b);
    return rp_newref(rp_NotImplemented);
}

// ---------------------------------------------------------------------
// Sequence protocol

static rp_ssize_t bytes_len_slot(rp_obj_t *o)
{
    return rp_bytes_len(o);
}

static rp_obj_t *bytes_getitem(rp_obj_t *self, rp_obj_t *key)
{
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = (const unsigned char *)rp_bytes_data(self);
    if (rp_int_check(key) || (key->type->index != NULL && !rp_slice_check(key))) {
        rp_ssize_t i = rp_number_as_ssize(key, &rp_exc_IndexError);
        if (i == -1 && rp_err_occurred())
            return NULL;
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return rp_err_format(&rp_exc_IndexError, "index out of range");
        return rp_int_from_i64(d[i]);
    }
    if (rp_slice_check(key)) {
        rp_ssize_t start, stop, step;
        rp_ssize_t len = rp_slice_indices(key, n, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (step == 1) {
            if (start == 0 && len == n && rp_bytes_check_exact(self))
                return rp_newref(self);
            return rp_bytes_from((const char *)d + start, len);
        }
        if (len <= 1)
            return rp_bytes_from(len ? (const char *)d + start : "", len);
        rp_obj_t *r = rp_bytes_new(len);
        if (r == NULL)
            return NULL;
        char *o = rp_bytes_buffer(r);
        for (rp_ssize_t i = 0, j = start; i < len; i++, j += step)
            o[i] = (char)d[j];
        return r;
    }
    return rp_err_format(&rp_exc_TypeError, "byte indices must be integers or slices, not %.200s",
                         rp_type_name(key->type));
}

static int bytes_contains(rp_obj_t *self, rp_obj_t *item)
{
    rp_ssize_t n = rp_bytes_len(self);
    const char *d = rp_bytes_data(self);
    if (rp_int_check(item) || item->type->index != NULL) {
        rp_ssize_t v = rp_strargs_ssize(item);
        if (v == -1 && rp_err_occurred()) {
            if (!rp_err_matches(&rp_exc_OverflowError))
                return -1;
            rp_err_clear();
            v = -1;
        }
        if (v < 0 || v > 255) {
            rp_err_set(&rp_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)v, (size_t)n) != NULL;
    }
    if (!rp_bytes_check(item)) {
        rp_err_format(&rp_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                      rp_type_name(item->type));
        return -1;
    }
    rp_ssize_t m = rp_bytes_len(item);
    if (m == 0)
        return 1;
    return rp_str_search(1, d, n, 1, rp_bytes_data(item), m, -1, RP_SEARCH_FIND) >= 0;
}

// ---------------------------------------------------------------------
// Iteration

typedef struct {
    rp_obj_t ob;
    rp_obj_t *seq;
    rp_ssize_t index;
} bytes_iter_t;

static rp_obj_t *bytes_iter_slot(rp_obj_t *self)
{
    bytes_iter_t *it = (bytes_iter_t *)rp_obj_alloc(&rp_type_bytes_iter, sizeof(bytes_iter_t));
    if (it == NULL)
        return NULL;
    it->seq = rp_newref(self);
    it->index = 0;
    return RP_OBJ(it);
}

static void bytes_iter_dealloc(rp_obj_t *o)
{
    rp_xdecref(((bytes_iter_t *)o)->seq);
    rp_obj_free(o);
}

static rp_obj_t *bytes_iter_next(rp_obj_t *o)
{
    bytes_iter_t *it = (bytes_iter_t *)o;
    rp_obj_t *s = it->seq;
    if (s == NULL)
        return NULL;
    if (it->index < rp_bytes_len(s))
        return rp_int_from_i64((unsigned char)rp_bytes_data(s)[it->index++]);
    it->seq = NULL;
    rp_decref(s);
    return NULL;
}

static rp_obj_t *bytes_iter_self(rp_obj_t *o)
{
    return rp_newref(o);
}

static rp_obj_t *bytes_iter_length_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                        rp_obj_t *kwnames)
{
    bytes_iter_t *it = (bytes_iter_t *)self;
    rp_ssize_t n = it->seq ? rp_bytes_len(it->seq) - it->index : 0;
    return rp_int_from_ssize(n < 0 ? 0 : n);
}

static const rp_method_def_t bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, RP_METH_INSTANCE, NULL},
    {NULL}
};

rp_type_t rp_type_bytes_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(bytes_iter_t),
    .dealloc = bytes_iter_dealloc,
    .iter = bytes_iter_self,
    .next = bytes_iter_next,
    .methods = bytes_iter_methods,
};

// ---------------------------------------------------------------------
// Construction: bytes(), bytes(n), bytes(iterable), bytes(str, encoding)

static int append_byte_value(char **buf, rp_ssize_t *len, rp_ssize_t *cap, rp_obj_t *item)
{
    rp_ssize_t v;
    if (rp_int_check(item) && rp_int_is_small(item)) {
        int64_t x = rp_int_small_value(item);
        v = x < 0 || x > 255 ? -1 : (rp_ssize_t)x;
    } else {
        if (!rp_int_check(item) && item->type->index == NULL) {
            rp_err_format(&rp_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          rp_type_name(item->type));
            return -1;
        }
        v = rp_strargs_ssize(item);
        if (v == -1 && rp_err_occurred()) {
            if (!rp_err_matches(&rp_exc_OverflowError))
                return -1;
            rp_err_clear();
        }
    }
    if (v < 0 || v > 255) {
        rp_err_set(&rp_exc_ValueError, "bytes must be in range(0, 256)");
        return -1;
    }
    if (*len == *cap) {
        rp_ssize_t ncap = *cap ? *cap * 2 : 16;
        char *nb = rp_mem_realloc(*buf, (size_t)ncap);
        if (nb == NULL) {
            rp_err_nomemory();
            return -1;
        }
        *buf = nb;
        *cap = ncap;
    }
    (*buf)[(*len)++] = (char)v;
    return 0;
}

static rp_obj_t *bytes_from_iterable(rp_obj_t *x)
{
    char *buf = NULL;
    rp_ssize_t len = 0, cap = 0;
    if (rp_list_check(x) || rp_tuple_check(x)) {
        for (rp_ssize_t i = 0;; i++) {
            rp_ssize_t n = rp_list_check(x) ? rp_list_len(x) : rp_tuple_len(x);
            if (i >= n)
                break;
            rp_obj_t *item = rp_list_check(x) ? rp_list_get_borrow(x, i) : rp_tuple_get_borrow(x, i);
            rp_incref(item);
            int rc = append_byte_value(&buf, &len, &cap, item);
            rp_decref(item);
            if (rc < 0)
                goto fail;
        }
    } else {
        rp_obj_t *it = rp_obj_iter(x);
        if (it == NULL) {
            if (rp_err_matches(&rp_exc_TypeError)) {
                rp_err_clear();
                rp_err_format(&rp_exc_TypeError, "cannot convert '%.200s' object to bytes",
                              rp_type_name(x->type));
            }
            goto fail;
        }
        rp_obj_t *item;
        while ((item = rp_iter_next(it)) != NULL) {
            int rc = append_byte_value(&buf, &len, &cap, item);
            rp_decref(item);
            if (rc < 0) {
                rp_decref(it);
                goto fail;
            }
        }
        rp_decref(it);
        if (rp_err_occurred())
            goto fail;
    }
    rp_obj_t *r = rp_bytes_from(buf, len);
    rp_mem_free(buf);
    return r;
fail:
    rp_mem_free(buf);
    return NULL;
}

static rp_obj_t *bytes_from_object(rp_obj_t *x)
{
    if (rp_bytes_check(x))
        return rp_bytes_check_exact(x) ? rp_newref(x) : rp_bytes_from(rp_bytes_data(x), rp_bytes_len(x));
    if (!rp_str_check(x)) {
        // __bytes__ comes first, as in CPython.
        rp_obj_t *name = rp_str_intern_cstr("__bytes__");
        if (name == NULL)
            return NULL;
        rp_obj_t *meth = rp_type_lookup_borrow(x->type, name);
        rp_decref(name);
        if (meth != NULL) {
            rp_obj_t *r = rp_obj_call_method(x, "__bytes__", NULL, 0);
            if (r != NULL && !rp_bytes_check(r)) {
                rp_err_format(&rp_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                              rp_type_name(r->type));
                rp_decref(r);
                return NULL;
            }
            return r;
        }
    }
    if (rp_str_check(x))
        return rp_err_format(&rp_exc_TypeError, "string argument without an encoding");
    if (rp_int_check(x) || x->type->index != NULL) {
        rp_ssize_t n = rp_number_as_ssize(x, &rp_exc_OverflowError);
        if (n == -1 && rp_err_occurred())
            return NULL;
        if (n < 0)
            return rp_err_format(&rp_exc_ValueError, "negative count");
        rp_obj_t *r = rp_bytes_new(n);
        if (r && n > 0)
            memset(rp_bytes_buffer(r), 0, (size_t)n);
        return r;
    }
    return bytes_from_iterable(x);
}

static rp_obj_t *bytes_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors"};
    static bool kwtuple;
    rp_obj_t *a[3];
    if (rp_arg_nkw(kwnames) || nargs > 3)
        rp_arg_note_kwtuple(&kwtuple, 3);
    if (rp_strargs_parse("bytes", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    rp_obj_t *res;
    if (a[1] || a[2]) {
        const char *enc = NULL, *errs = NULL;
        if (a[1] && (enc = rp_strargs_cstr(a[1], "bytes", "encoding")) == NULL)
            return NULL;
        if (a[2] && (errs = rp_strargs_cstr(a[2], "bytes", "errors")) == NULL)
            return NULL;
        if (a[0] == NULL || !rp_str_check(a[0]))
            return rp_err_format(&rp_exc_TypeError, a[1] ? "encoding without a string argument"
                                                          : "errors without a string argument");
        res = rp_str_encode(a[0], enc ? enc : "utf-8", errs);
    } else if (a[0] == NULL) {
        res = rp_bytes_new(0);
    } else {
        res = bytes_from_object(a[0]);
    }
    if (res != NULL && type != &rp_type_bytes) {
        rp_obj_t *sub = new_subtype(type, res);
        rp_decref(res);
        res = sub;
    }
    return res;
}

int rp_bytes_init(void)
{
    if (rp_type_ready(&rp_type_bytes) < 0 || rp_type_ready(&rp_type_bytes_iter) < 0)
        return -1;
    return 0;
}

extern const rp_method_def_t rp_bytes_methods[];

rp_type_t rp_type_bytes = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "bytes",
    .basicsize = HEADER + 1,
    .itemsize = 1,
    .flags = RP_TPFLAG_BASETYPE | RP_TPFLAG_BYTES_SUBCLASS,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr_slot,
    .str = bytes_repr_slot,
    .hash = bytes_hash_slot,
    .richcompare = bytes_richcompare,
    .binary_op = bytes_binary_op,
    .len = bytes_len_slot,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter_slot,
    .new_ = bytes_new,
    .methods = rp_bytes_methods,
};
