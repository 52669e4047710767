// bytes methods: decode, hex/fromhex, searching, splitting, joining,
// stripping, replacing, padding, ASCII case mapping and predicates, and
// the method table of the bytes type.
#include <string.h>

#include "objects/bytes.h"
#include "objects/str_impl.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/strargs.h"
#include "objects/args.h"
#include "objects/tuple.h"
#include "memory/alloc.h"

#define METHOD(fn) \
    static rp_obj_t *fn(rp_obj_t *self, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)

static inline bool b_isspace(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
static inline bool b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_isalpha(unsigned char c) { return b_islower(c) || b_isupper(c); }

static const unsigned char *udata(rp_obj_t *o)
{
    return (const unsigned char *)rp_bytes_data(o);
}

static rp_obj_t *need_bytes(rp_obj_t *o)
{
    if (!rp_bytes_check(o))
        return rp_err_format(&rp_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                             rp_type_name(o->type));
    return o;
}

// self unchanged: itself for exact bytes, else an exact copy.
static rp_obj_t *unchanged(rp_obj_t *self)
{
    if (rp_bytes_check_exact(self))
        return rp_newref(self);
    return rp_bytes_from(rp_bytes_data(self), rp_bytes_len(self));
}

static rp_obj_t *slice(rp_obj_t *self, rp_ssize_t start, rp_ssize_t end)
{
    if (start == 0 && end == rp_bytes_len(self))
        return unchanged(self);
    return rp_bytes_from(rp_bytes_data(self) + start, end - start);
}

// ---------------------------------------------------------------------
// decode, hex, fromhex

METHOD(bytes_decode)
{
    static const char *const kwlist[] = {"encoding", "errors"};
    static bool kwtuple;
    rp_obj_t *a[2];
    if (kwnames || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 2);
    if (rp_strargs_parse("bytes.decode", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    const char *enc = NULL, *errs = NULL;
    if (a[0] && (enc = rp_strargs_cstr(a[0], "decode", "encoding")) == NULL)
        return NULL;
    if (a[1] && (errs = rp_strargs_cstr(a[1], "decode", "errors")) == NULL)
        return NULL;
    return rp_str_decode(rp_bytes_data(self), rp_bytes_len(self), enc, errs);
}

METHOD(bytes_hex)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep"};
    rp_obj_t *a[2];
    if (rp_strargs_parse("bytes.hex", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    char sep = 0;
    rp_ssize_t per = 1;
    if (a[0]) {
        rp_ssize_t sl;
        const unsigned char *sd;
        if (rp_str_check(a[0])) {
            sl = rp_str_len(a[0]);
            if (sl == 1 && rp_str_char(a[0], 0) >= 128)
                return rp_err_format(&rp_exc_ValueError, "sep must be ASCII.");
            sd = rp_str_is_ascii(a[0]) ? rp_str_data(a[0]) : NULL;
        } else if (rp_bytes_check(a[0])) {
            sl = rp_bytes_len(a[0]);
            sd = udata(a[0]);
        } else {
            return rp_err_format(&rp_exc_TypeError, "sep must be str or bytes.");
        }
        if (sl != 1)
            return rp_err_format(&rp_exc_ValueError, "sep must be length 1.");
        if (sd == NULL || sd[0] >= 128)
            return rp_err_format(&rp_exc_ValueError, "sep must be ASCII.");
        sep = (char)sd[0];
    }
    if (a[1]) {
        per = rp_strargs_ssize(a[1]);
        if (per == -1 && rp_err_occurred())
            return NULL;
    }
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    rp_ssize_t group = per < 0 ? -per : per;
    rp_ssize_t nseps = (sep && group > 0 && n > 0) ? (n - 1) / group : 0;
    rp_obj_t *r = rp_str_new(n * 2 + nseps, 127);
    if (r == NULL)
        return NULL;
    char *o = rp_str_data(r);
    static const char hex[] = "0123456789abcdef";
    for (rp_ssize_t i = 0; i < n; i++) {
        if (nseps && i > 0) {
            // Groups are counted from the right for a positive count.
            rp_ssize_t pos = per > 0 ? n - i : i;
            if (pos % group == 0)
                *o++ = sep;
        }
        *o++ = hex[d[i] >> 4];
        *o++ = hex[d[i] & 15];
    }
    return r;
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static rp_obj_t *bytes_fromhex(rp_obj_t *cls, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_strargs_check("bytes.fromhex", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_obj_t *s = args[0];
    if (!rp_str_check(s))
        return rp_err_format(&rp_exc_TypeError, "fromhex() argument must be str, not %.100s",
                             rp_type_name(s->type));
    rp_ssize_t n = rp_str_len(s), len = 0;
    char *buf = rp_mem_alloc((size_t)n / 2 + 1);
    if (buf == NULL)
        return rp_err_nomemory();
    for (rp_ssize_t i = 0; i < n;) {
        uint32_t c = rp_str_char(s, i);
        if (c < 128 && b_isspace((unsigned char)c)) {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) {
            rp_mem_free(buf);
            return rp_err_format(&rp_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd", i);
        }
        int lo = i + 1 < n ? hexval(rp_str_char(s, i + 1)) : -1;
        if (lo < 0) {
            rp_mem_free(buf);
            return rp_err_format(&rp_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 i + 1);
        }
        buf[len++] = (char)(hi * 16 + lo);
        i += 2;
    }
    rp_obj_t *r = rp_bytes_from(buf, len);
    rp_mem_free(buf);
    if (r != NULL && cls != RP_OBJ(&rp_type_bytes)) {
        rp_obj_t *sub = rp_obj_call1(cls, r);
        rp_decref(r);
        r = sub;
    }
    return r;
}

// ---------------------------------------------------------------------
// Searching

// The needle of find()/count()...: bytes, or an int naming one byte.
static int get_needle(rp_obj_t *o, const char **p, rp_ssize_t *n, char *one)
{
    if (rp_bytes_check(o)) {
        *p = rp_bytes_data(o);
        *n = rp_bytes_len(o);
        return 0;
    }
    if (rp_int_check(o) || o->type->index != NULL) {
        rp_ssize_t v = rp_strargs_ssize(o);
        if (v == -1 && rp_err_occurred()) {
            if (!rp_err_matches(&rp_exc_OverflowError))
                return -1;
            rp_err_clear();
        }
        if (v < 0 || v > 255) {
            rp_err_set(&rp_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *one = (char)v;
        *p = one;
        *n = 1;
        return 0;
    }
    rp_err_format(&rp_exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                  rp_type_name(o->type));
    return -1;
}

static rp_obj_t *find_common(rp_obj_t *self, const char *qual, rp_obj_t *const *args,
                             size_t nargs, rp_obj_t *kwnames, int mode, bool raise)
{
    if (rp_strargs_check(qual, nargs, kwnames, 1, 3, RP_STRARGS_TUPLE) < 0)
        return NULL;
    const char *needle;
    rp_ssize_t m, start = 0, end = PTRDIFF_MAX;
    char one;
    if (get_needle(args[0], &needle, &m, &one) < 0)
        return NULL;
    if (nargs > 1 && rp_strargs_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && rp_strargs_slice_index(args[2], &end) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    rp_strargs_adjust(&start, &end, n);
    rp_ssize_t r;
    if (end - start < m)
        r = mode == RP_SEARCH_COUNT ? 0 : -1;
    else {
        r = rp_str_search(1, rp_bytes_data(self) + start, end - start, 1, needle, m, -1, mode);
        if (mode != RP_SEARCH_COUNT && r >= 0)
            r += start;
    }
    if (r < 0 && raise)
        return rp_err_format(&rp_exc_ValueError, "subsection not found");
    return rp_int_from_ssize(r);
}

METHOD(bytes_find) { return find_common(self, "bytes.find", args, nargs, kwnames, RP_SEARCH_FIND, false); }
METHOD(bytes_rfind) { return find_common(self, "bytes.rfind", args, nargs, kwnames, RP_SEARCH_RFIND, false); }
METHOD(bytes_index) { return find_common(self, "bytes.index", args, nargs, kwnames, RP_SEARCH_FIND, true); }
METHOD(bytes_rindex) { return find_common(self, "bytes.rindex", args, nargs, kwnames, RP_SEARCH_RFIND, true); }
METHOD(bytes_count) { return find_common(self, "bytes.count", args, nargs, kwnames, RP_SEARCH_COUNT, false); }

static bool tailmatch(rp_obj_t *self, rp_obj_t *sub, rp_ssize_t start, rp_ssize_t end, bool at_end)
{
    rp_ssize_t len = rp_bytes_len(self), m = rp_bytes_len(sub);
    rp_strargs_adjust(&start, &end, len);
    end -= m;
    if (end < start)
        return false;
    if (m == 0)
        return true;
    return memcmp(rp_bytes_data(self) + (at_end ? end : start), rp_bytes_data(sub), (size_t)m) == 0;
}

static rp_obj_t *xwith(rp_obj_t *self, const char *qual, rp_obj_t *const *args, size_t nargs,
                       rp_obj_t *kwnames, bool at_end)
{
    if (rp_strargs_check(qual, nargs, kwnames, 1, 3, RP_STRARGS_TUPLE) < 0)
        return NULL;
    rp_ssize_t start = 0, end = PTRDIFF_MAX;
    if (nargs > 1 && rp_strargs_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && rp_strargs_slice_index(args[2], &end) < 0)
        return NULL;
    const char *name = at_end ? "endswith" : "startswith";
    rp_obj_t *x = args[0];
    if (rp_tuple_check(x)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(x); i++) {
            rp_obj_t *it = rp_tuple_get_borrow(x, i);
            if (!rp_bytes_check(it))
                return rp_err_format(&rp_exc_TypeError,
                                     "a bytes-like object is required, not '%.100s'",
                                     rp_type_name(it->type));
            if (tailmatch(self, it, start, end, at_end))
                return rp_bool_from(true);
        }
        return rp_bool_from(false);
    }
    if (!rp_bytes_check(x))
        return rp_err_format(&rp_exc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             rp_type_name(x->type));
    return rp_bool_from(tailmatch(self, x, start, end, at_end));
}

METHOD(bytes_startswith) { return xwith(self, "bytes.startswith", args, nargs, kwnames, false); }
METHOD(bytes_endswith) { return xwith(self, "bytes.endswith", args, nargs, kwnames, true); }

// ---------------------------------------------------------------------
// split / rsplit / splitlines / partition

static int append_slice(rp_obj_t *list, rp_obj_t *self, rp_ssize_t a, rp_ssize_t b)
{
    rp_obj_t *p = rp_bytes_from(rp_bytes_data(self) + a, b - a);
    if (p == NULL)
        return -1;
    return rp_list_append_take(list, p);
}

static void reverse_list(rp_obj_t *list)
{
    rp_obj_t **items = ((rp_list_t *)list)->items;
    for (rp_ssize_t a = 0, b = rp_list_len(list) - 1; a < b; a++, b--) {
        rp_obj_t *t = items[a];
        items[a] = items[b];
        items[b] = t;
    }
}

static rp_obj_t *split_common(rp_obj_t *self, const char *qual, rp_obj_t *const *args,
                              size_t nargs, rp_obj_t *kwnames, bool right)
{
    static const char *const kwlist[] = {"sep", "maxsplit"};
    rp_obj_t *a[2];
    if (rp_strargs_parse(qual, args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    rp_ssize_t maxcount = -1;
    if (a[1]) {
        maxcount = rp_strargs_ssize(a[1]);
        if (maxcount == -1 && rp_err_occurred())
            return NULL;
    }
    if (maxcount < 0)
        maxcount = PTRDIFF_MAX;
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    if (a[0] == NULL || a[0] == rp_None) {
        if (!right) {
            rp_ssize_t i = 0, j;
            while (maxcount-- > 0) {
                while (i < n && b_isspace(d[i]))
                    i++;
                if (i == n)
                    break;
                j = i++;
                while (i < n && !b_isspace(d[i]))
                    i++;
                if (append_slice(list, self, j, i) < 0)
                    goto fail;
            }
            while (i < n && b_isspace(d[i]))
                i++;
            if (i < n && append_slice(list, self, i, n) < 0)
                goto fail;
        } else {
            rp_ssize_t i = n - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && b_isspace(d[i]))
                    i--;
                if (i < 0)
                    break;
                j = i--;
                while (i >= 0 && !b_isspace(d[i]))
                    i--;
                if (append_slice(list, self, i + 1, j + 1) < 0)
                    goto fail;
            }
            while (i >= 0 && b_isspace(d[i]))
                i--;
            if (i >= 0 && append_slice(list, self, 0, i + 1) < 0)
                goto fail;
            reverse_list(list);
        }
        return list;
    }
    if (need_bytes(a[0]) == NULL)
        goto fail;
    rp_ssize_t m = rp_bytes_len(a[0]);
    const char *sep = rp_bytes_data(a[0]);
    if (m == 0) {
        rp_err_set(&rp_exc_ValueError, "empty separator");
        goto fail;
    }
    if (!right) {
        rp_ssize_t i = 0;
        while (maxcount-- > 0) {
            rp_ssize_t pos = rp_str_search(1, (const char *)d + i, n - i, 1, sep, m, -1,
                                           RP_SEARCH_FIND);
            if (pos < 0)
                break;
            if (append_slice(list, self, i, i + pos) < 0)
                goto fail;
            i += pos + m;
        }
        if (append_slice(list, self, i, n) < 0)
            goto fail;
    } else {
        rp_ssize_t j = n;
        while (maxcount-- > 0) {
            rp_ssize_t pos = rp_str_search(1, d, j, 1, sep, m, -1, RP_SEARCH_RFIND);
            if (pos < 0)
                break;
            if (append_slice(list, self, pos + m, j) < 0)
                goto fail;
            j = pos;
        }
        if (append_slice(list, self, 0, j) < 0)
            goto fail;
        reverse_list(list);
    }
    return list;
fail:
    rp_decref(list);
    return NULL;
}

METHOD(bytes_split) { return split_common(self, "bytes.split", args, nargs, kwnames, false); }
METHOD(bytes_rsplit) { return split_common(self, "bytes.rsplit", args, nargs, kwnames, true); }

METHOD(bytes_splitlines)
{
    static const char *const kwlist[] = {"keepends"};
    rp_obj_t *a[1];
    if (rp_strargs_parse("bytes.splitlines", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    bool keepends = false;
    if (a[0]) {
        int t = rp_obj_is_true(a[0]);
        if (t < 0)
            return NULL;
        keepends = t;
    }
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    for (rp_ssize_t i = 0, j = 0; i < n;) {
        while (i < n && d[i] != '\n' && d[i] != '\r')
            i++;
        rp_ssize_t eol = i;
        if (i < n) {
            i += (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
            if (keepends)
                eol = i;
        }
        if (append_slice(list, self, j, eol) < 0) {
            rp_decref(list);
            return NULL;
        }
        j = i;
    }
    return list;
}

static rp_obj_t *partition(rp_obj_t *self, rp_obj_t *sep, bool right)
{
    if (need_bytes(sep) == NULL)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self), m = rp_bytes_len(sep);
    if (m == 0)
        return rp_err_format(&rp_exc_ValueError, "empty separator");
    rp_ssize_t pos = rp_str_search(1, rp_bytes_data(self), n, 1, rp_bytes_data(sep), m, -1,
                                   right ? RP_SEARCH_RFIND : RP_SEARCH_FIND);
    rp_obj_t *e = rp_bytes_new(0), *r;
    if (pos < 0) {
        r = right ? rp_tuple_pack(3, e, e, self) : rp_tuple_pack(3, self, e, e);
        rp_decref(e);
        return r;
    }
    rp_decref(e);
    rp_obj_t *a = rp_bytes_from(rp_bytes_data(self), pos);
    rp_obj_t *c = rp_bytes_from(rp_bytes_data(self) + pos + m, n - pos - m);
    r = (a && c) ? rp_tuple_pack(3, a, sep, c) : NULL;
    rp_xdecref(a);
    rp_xdecref(c);
    return r;
}

METHOD(bytes_partition)
{
    if (rp_strargs_check("bytes.partition", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return partition(self, args[0], false);
}

METHOD(bytes_rpartition)
{
    if (rp_strargs_check("bytes.rpartition", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return partition(self, args[0], true);
}

// ---------------------------------------------------------------------
// join

METHOD(bytes_join)
{
    if (rp_strargs_check("bytes.join", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_obj_t *seq = rp_list_check(args[0]) ? rp_newref(args[0]) : rp_list_from_iterable(args[0]);
    if (seq == NULL) {
        if (rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            rp_err_set(&rp_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    rp_ssize_t count = rp_list_len(seq), seplen = rp_bytes_len(self), total = 0;
    rp_obj_t *r = NULL;
    for (rp_ssize_t i = 0; i < count; i++) {
        rp_obj_t *it = rp_list_get_borrow(seq, i);
        if (!rp_bytes_check(it)) {
            rp_err_format(&rp_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %.80s found", i,
                          rp_type_name(it->type));
            goto done;
        }
        total += rp_bytes_len(it) + (i > 0 ? seplen : 0);
    }
    if (count == 1 && rp_bytes_check_exact(rp_list_get_borrow(seq, 0))) {
        r = rp_newref(rp_list_get_borrow(seq, 0));
        goto done;
    }
    r = rp_bytes_new(total);
    if (r == NULL || total == 0)
        goto done;
    char *o = rp_bytes_buffer(r);
    for (rp_ssize_t i = 0; i < count; i++) {
        if (i > 0) {
            memcpy(o, rp_bytes_data(self), (size_t)seplen);
            o += seplen;
        }
        rp_obj_t *it = rp_list_get_borrow(seq, i);
        memcpy(o, rp_bytes_data(it), (size_t)rp_bytes_len(it));
        o += rp_bytes_len(it);
    }
    if (total == 1) {
        rp_obj_t *one = rp_bytes_from(rp_bytes_data(r), 1);
        rp_decref(r);
        r = one;
    }
done:
    rp_decref(seq);
    return r;
}

// ---------------------------------------------------------------------
// strip, replace, removeprefix/suffix

static rp_obj_t *do_strip(rp_obj_t *self, const char *qual, rp_obj_t *const *args,
                          size_t nargs, rp_obj_t *kwnames, bool left, bool right)
{
    if (rp_strargs_check(qual, nargs, kwnames, 0, 1, RP_STRARGS_CLINIC) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self), i = 0, j = n;
    const unsigned char *d = udata(self);
    if (nargs == 0 || args[0] == rp_None) {
        if (left)
            while (i < n && b_isspace(d[i]))
                i++;
        if (right)
            while (j > i && b_isspace(d[j - 1]))
                j--;
    } else {
        if (need_bytes(args[0]) == NULL)
            return NULL;
        const char *chars = rp_bytes_data(args[0]);
        size_t m = (size_t)rp_bytes_len(args[0]);
        if (left)
            while (i < n && memchr(chars, d[i], m))
                i++;
        if (right)
            while (j > i && memchr(chars, d[j - 1], m))
                j--;
    }
    return slice(self, i, j);
}

METHOD(bytes_strip) { return do_strip(self, "bytes.strip", args, nargs, kwnames, true, true); }
METHOD(bytes_lstrip) { return do_strip(self, "bytes.lstrip", args, nargs, kwnames, true, false); }
METHOD(bytes_rstrip) { return do_strip(self, "bytes.rstrip", args, nargs, kwnames, false, true); }

METHOD(bytes_replace)
{
    if (rp_strargs_check("bytes.replace", nargs, kwnames, 2, 3, RP_STRARGS_CLINIC) < 0)
        return NULL;
    if (need_bytes(args[0]) == NULL || need_bytes(args[1]) == NULL)
        return NULL;
    rp_ssize_t maxcount = -1;
    if (nargs > 2) {
        maxcount = rp_strargs_ssize(args[2]);
        if (maxcount == -1 && rp_err_occurred())
            return NULL;
    }
    if (maxcount < 0)
        maxcount = PTRDIFF_MAX;
    rp_ssize_t n = rp_bytes_len(self), m1 = rp_bytes_len(args[0]), m2 = rp_bytes_len(args[1]);
    const char *d = rp_bytes_data(self), *old = rp_bytes_data(args[0]), *new_ = rp_bytes_data(args[1]);
    rp_ssize_t count = maxcount == 0 ? 0 : rp_str_search(1, d, n, 1, old, m1, maxcount,
                                                         RP_SEARCH_COUNT);
    if (count == 0)
        return unchanged(self);
    rp_ssize_t total = n + count * (m2 - m1);
    char *buf = rp_mem_alloc((size_t)total + 1);
    if (buf == NULL)
        return rp_err_nomemory();
    rp_ssize_t i = 0, o = 0;
    for (rp_ssize_t c = 0; c < count; c++) {
        rp_ssize_t pos;
        if (m1 == 0)
            pos = 0;
        else
            pos = rp_str_search(1, d + i, n - i, 1, old, m1, -1, RP_SEARCH_FIND);
        memcpy(buf + o, d + i, (size_t)pos);
        o += pos;
        memcpy(buf + o, new_, (size_t)m2);
        o += m2;
        i += pos + m1;
        if (m1 == 0 && i < n)
            buf[o++] = d[i++];
    }
    memcpy(buf + o, d + i, (size_t)(n - i));
    rp_obj_t *r = rp_bytes_from(buf, total);
    rp_mem_free(buf);
    return r;
}

METHOD(bytes_removeprefix)
{
    if (rp_strargs_check("bytes.removeprefix", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    if (need_bytes(args[0]) == NULL)
        return NULL;
    rp_ssize_t m = rp_bytes_len(args[0]);
    if (m > 0 && tailmatch(self, args[0], 0, PTRDIFF_MAX, false))
        return slice(self, m, rp_bytes_len(self));
    return unchanged(self);
}

METHOD(bytes_removesuffix)
{
    if (rp_strargs_check("bytes.removesuffix", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    if (need_bytes(args[0]) == NULL)
        return NULL;
    rp_ssize_t m = rp_bytes_len(args[0]);
    if (m > 0 && tailmatch(self, args[0], 0, PTRDIFF_MAX, true))
        return slice(self, 0, rp_bytes_len(self) - m);
    return unchanged(self);
}

// ---------------------------------------------------------------------
// Padding

static rp_obj_t *pad(rp_obj_t *self, rp_ssize_t left, rp_ssize_t right, char fill)
{
    rp_ssize_t n = rp_bytes_len(self);
    if (left <= 0 && right <= 0)
        return unchanged(self);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    rp_obj_t *r = rp_bytes_new(left + n + right);
    if (r == NULL)
        return NULL;
    char *o = rp_bytes_buffer(r);
    memset(o, fill, (size_t)left);
    memcpy(o + left, rp_bytes_data(self), (size_t)n);
    memset(o + left + n, fill, (size_t)right);
    return r;
}

static int parse_fill(const char *qual, rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames,
                      rp_ssize_t *width, char *fill)
{
    if (rp_strargs_check(qual, nargs, kwnames, 1, 2, RP_STRARGS_CLINIC) < 0)
        return -1;
    *width = rp_strargs_ssize(args[0]);
    if (*width == -1 && rp_err_occurred())
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        if (!rp_bytes_check(args[1]) || rp_bytes_len(args[1]) != 1) {
            rp_err_format(&rp_exc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %.100s",
                          strchr(qual, '.') + 1, rp_type_name(args[1]->type));
            return -1;
        }
        *fill = rp_bytes_data(args[1])[0];
    }
    return 0;
}

METHOD(bytes_center)
{
    rp_ssize_t width;
    char fill;
    if (parse_fill("bytes.center", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    if (n >= width)
        return unchanged(self);
    rp_ssize_t marg = width - n, left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

METHOD(bytes_ljust)
{
    rp_ssize_t width;
    char fill;
    if (parse_fill("bytes.ljust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - rp_bytes_len(self), fill);
}

METHOD(bytes_rjust)
{
    rp_ssize_t width;
    char fill;
    if (parse_fill("bytes.rjust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    return pad(self, width - rp_bytes_len(self), 0, fill);
}

METHOD(bytes_zfill)
{
    if (rp_strargs_check("bytes.zfill", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_ssize_t width = rp_strargs_ssize(args[0]);
    if (width == -1 && rp_err_occurred())
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    if (n >= width)
        return unchanged(self);
    rp_ssize_t fill = width - n;
    rp_obj_t *r = pad(self, fill, 0, '0');
    if (r == NULL)
        return NULL;
    char *o = rp_bytes_buffer(r);
    if (o[fill] == '+' || o[fill] == '-') {
        o[0] = o[fill];
        o[fill] = '0';
    }
    return r;
}

// ---------------------------------------------------------------------
// ASCII case mapping and predicates

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static rp_obj_t *map_case(rp_obj_t *self, const char *qual, size_t nargs, rp_obj_t *kwnames,
                          int op)
{
    if (rp_strargs_check(qual, nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    rp_obj_t *r = rp_bytes_new(n);
    if (r == NULL || n == 0)
        return r;
    unsigned char *o = (unsigned char *)rp_bytes_buffer(r);
    bool prev_cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        bool up;
        switch (op) {
        case CASE_UPPER: up = true; break;
        case CASE_LOWER: up = false; break;
        case CASE_SWAP: up = b_islower(c); break;
        case CASE_TITLE: up = !prev_cased; break;
        default: up = i == 0; break;
        }
        prev_cased = b_isalpha(c);
        if (up && b_islower(c))
            c = (unsigned char)(c - 32);
        else if (!up && b_isupper(c))
            c = (unsigned char)(c + 32);
        o[i] = c;
    }
    if (n == 1) {
        rp_obj_t *one = rp_bytes_from((const char *)o, 1);
        rp_decref(r);
        return one;
    }
    return r;
}

METHOD(bytes_upper) { return map_case(self, "bytes.upper", nargs, kwnames, CASE_UPPER); }
METHOD(bytes_lower) { return map_case(self, "bytes.lower", nargs, kwnames, CASE_LOWER); }
METHOD(bytes_swapcase) { return map_case(self, "bytes.swapcase", nargs, kwnames, CASE_SWAP); }
METHOD(bytes_title) { return map_case(self, "bytes.title", nargs, kwnames, CASE_TITLE); }
METHOD(bytes_capitalize) { return map_case(self, "bytes.capitalize", nargs, kwnames, CASE_CAPITALIZE); }

static rp_obj_t *all_bytes(rp_obj_t *self, const char *qual, size_t nargs, rp_obj_t *kwnames,
                           bool (*pred)(unsigned char))
{
    if (rp_strargs_check(qual, nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    if (n == 0)
        return rp_bool_from(false);
    for (rp_ssize_t i = 0; i < n; i++)
        if (!pred(d[i]))
            return rp_bool_from(false);
    return rp_bool_from(true);
}

static bool b_isalnum(unsigned char c) { return b_isalpha(c) || b_isdigit(c); }

METHOD(bytes_isdigit) { return all_bytes(self, "bytes.isdigit", nargs, kwnames, b_isdigit); }
METHOD(bytes_isalpha) { return all_bytes(self, "bytes.isalpha", nargs, kwnames, b_isalpha); }
METHOD(bytes_isalnum) { return all_bytes(self, "bytes.isalnum", nargs, kwnames, b_isalnum); }
METHOD(bytes_isspace) { return all_bytes(self, "bytes.isspace", nargs, kwnames, b_isspace); }

static rp_obj_t *cased_check(rp_obj_t *self, const char *qual, size_t nargs, rp_obj_t *kwnames,
                             bool want_upper)
{
    if (rp_strargs_check(qual, nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    bool cased = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        if (want_upper ? b_islower(d[i]) : b_isupper(d[i]))
            return rp_bool_from(false);
        if (want_upper ? b_isupper(d[i]) : b_islower(d[i]))
            cased = true;
    }
    return rp_bool_from(cased);
}

METHOD(bytes_islower) { return cased_check(self, "bytes.islower", nargs, kwnames, false); }
METHOD(bytes_isupper) { return cased_check(self, "bytes.isupper", nargs, kwnames, true); }

METHOD(bytes_isascii)
{
    if (rp_strargs_check("bytes.isascii", nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_ssize_t n = rp_bytes_len(self);
    const unsigned char *d = udata(self);
    for (rp_ssize_t i = 0; i < n; i++)
        if (d[i] >= 128)
            return rp_bool_from(false);
    return rp_bool_from(true);
}

// ---------------------------------------------------------------------
// Sizes and pickling support

METHOD(bytes_sizeof)
{
    if (rp_strargs_check("bytes.__sizeof__", nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    return rp_int_from_ssize(self->type->basicsize + rp_bytes_len(self) * self->type->itemsize);
}

METHOD(bytes_getnewargs)
{
    if (rp_strargs_check("bytes.__getnewargs__", nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_obj_t *copy = rp_bytes_from(rp_bytes_data(self), rp_bytes_len(self));
    if (copy == NULL)
        return NULL;
    rp_obj_t *t = rp_tuple_pack(1, copy);
    rp_decref(copy);
    return t;
}

const rp_method_def_t rp_bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, RP_METH_INSTANCE, NULL},
    {"capitalize", bytes_capitalize, RP_METH_INSTANCE, NULL},
    {"center", bytes_center, RP_METH_INSTANCE, NULL},
    {"count", bytes_count, RP_METH_INSTANCE, NULL},
    {"decode", bytes_decode, RP_METH_INSTANCE, NULL},
    {"endswith", bytes_endswith, RP_METH_INSTANCE, NULL},
    {"find", bytes_find, RP_METH_INSTANCE, NULL},
    {"fromhex", bytes_fromhex, RP_METH_CLASS, NULL},
    {"hex", bytes_hex, RP_METH_INSTANCE, NULL},
    {"index", bytes_index, RP_METH_INSTANCE, NULL},
    {"isalnum", bytes_isalnum, RP_METH_INSTANCE, NULL},
    {"isalpha", bytes_isalpha, RP_METH_INSTANCE, NULL},
    {"isascii", bytes_isascii, RP_METH_INSTANCE, NULL},
    {"isdigit", bytes_isdigit, RP_METH_INSTANCE, NULL},
    {"islower", bytes_islower, RP_METH_INSTANCE, NULL},
    {"isspace", bytes_isspace, RP_METH_INSTANCE, NULL},
    {"isupper", bytes_isupper, RP_METH_INSTANCE, NULL},
    {"join", bytes_join, RP_METH_INSTANCE, NULL},
    {"ljust", bytes_ljust, RP_METH_INSTANCE, NULL},
    {"lower", bytes_lower, RP_METH_INSTANCE, NULL},
    {"lstrip", bytes_lstrip, RP_METH_INSTANCE, NULL},
    {"partition", bytes_partition, RP_METH_INSTANCE, NULL},
    {"removeprefix", bytes_removeprefix, RP_METH_INSTANCE, NULL},
    {"removesuffix", bytes_removesuffix, RP_METH_INSTANCE, NULL},
    {"replace", bytes_replace, RP_METH_INSTANCE, NULL},
    {"rfind", bytes_rfind, RP_METH_INSTANCE, NULL},
    {"rindex", bytes_rindex, RP_METH_INSTANCE, NULL},
    {"rjust", bytes_rjust, RP_METH_INSTANCE, NULL},
    {"rpartition", bytes_rpartition, RP_METH_INSTANCE, NULL},
    {"rsplit", bytes_rsplit, RP_METH_INSTANCE, NULL},
    {"rstrip", bytes_rstrip, RP_METH_INSTANCE, NULL},
    {"split", bytes_split, RP_METH_INSTANCE, NULL},
    {"splitlines", bytes_splitlines, RP_METH_INSTANCE, NULL},
    {"startswith", bytes_startswith, RP_METH_INSTANCE, NULL},
    {"strip", bytes_strip, RP_METH_INSTANCE, NULL},
    {"swapcase", bytes_swapcase, RP_METH_INSTANCE, NULL},
    {"title", bytes_title, RP_METH_INSTANCE, NULL},
    {"upper", bytes_upper, RP_METH_INSTANCE, NULL},
    {"zfill", bytes_zfill, RP_METH_INSTANCE, NULL},
    {"__sizeof__", bytes_sizeof, RP_METH_INSTANCE, NULL},
    {NULL}
};
