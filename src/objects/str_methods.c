// str methods: searching, splitting, joining, stripping, padding,
// replacing, translating, encoding, and the method table of the str type
// (case methods live in str_case.c, format/format_map in
// format_template.c).
#include <limits.h>
#include <string.h>

#include "objects/str_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/strargs.h"
#include "objects/args.h"
#include "objects/tuple.h"
#include "objects/unicode_db.h"
#include "memory/alloc.h"

#define METHOD(fn) static RP_STR_METHOD(fn)

static inline bool is_space(int kind, const void *d, rp_ssize_t i)
{
    return rp_uc_isspace(rp_str_read(kind, d, i));
}

static rp_obj_t *sub(rp_obj_t *s, rp_ssize_t start, rp_ssize_t end)
{
    return rp_str_substr(s, start, end);
}

// A new str for data[start:end] of s (singletons for short results;
// never s itself).
static rp_obj_t *piece(rp_obj_t *s, rp_ssize_t start, rp_ssize_t end)
{
    int k = rp_str_kind(s);
    const char *d = (const char *)rp_str_data(s) + (size_t)start * k;
    if (rp_str_is_ascii(s)) {
        rp_ssize_t n = end - start;
        if (n <= 1)
            return n == 0 ? rp_str_empty() : rp_str_from_char((uint8_t)d[0]);
        rp_obj_t *r = rp_str_new(n, 127);
        if (r)
            memcpy(rp_str_data(r), d, (size_t)n);
        return r;
    }
    return rp_str_from_kind(k, d, end - start);
}

static int append_piece(rp_obj_t *list, rp_obj_t *s, rp_ssize_t start, rp_ssize_t end)
{
    rp_obj_t *p = piece(s, start, end);
    if (p == NULL)
        return -1;
    return rp_list_append_take(list, p);
}

static rp_obj_t *check_str_arg(rp_obj_t *o)
{
    if (!rp_str_check(o))
        return rp_err_format(&rp_exc_TypeError, "must be str, not %.100s",
                             rp_type_name(o->type));
    return o;
}

// ---------------------------------------------------------------------
// find / rfind / index / rindex / count

static int parse_find_args(const char *name, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames, rp_obj_t **subp, rp_ssize_t *start,
                           rp_ssize_t *end)
{
    if (rp_strargs_check(name, nargs, kwnames, 1, 3, RP_STRARGS_TUPLE) < 0)
        return -1;
    if (check_str_arg(args[0]) == NULL)
        return -1;
    *subp = args[0];
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs > 1 && rp_strargs_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && rp_strargs_slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

static rp_obj_t *find_common(rp_obj_t *self, const char *name, rp_obj_t *const *args,
                             size_t nargs, rp_obj_t *kwnames, int mode, bool raise)
{
    rp_obj_t *subs;
    rp_ssize_t start, end;
    if (parse_find_args(name, args, nargs, kwnames, &subs, &start, &end) < 0)
        return NULL;
    rp_ssize_t r = rp_str_search_obj(self, subs, start, end, mode);
    if (r < 0 && raise)
        return rp_err_format(&rp_exc_ValueError, "substring not found");
    return rp_int_from_ssize(r);
}

METHOD(str_find)
{
    return find_common(self, "str.find", args, nargs, kwnames, RP_SEARCH_FIND, false);
}

METHOD(str_rfind)
{
    return find_common(self, "str.rfind", args, nargs, kwnames, RP_SEARCH_RFIND, false);
}

METHOD(str_index)
{
    return find_common(self, "str.index", args, nargs, kwnames, RP_SEARCH_FIND, true);
}

METHOD(str_rindex)
{
    return find_common(self, "str.rindex", args, nargs, kwnames, RP_SEARCH_RFIND, true);
}

METHOD(str_count)
{
    return find_common(self, "str.count", args, nargs, kwnames, RP_SEARCH_COUNT, false);
}

// ---------------------------------------------------------------------
// startswith / endswith

static int tailmatch(rp_obj_t *self, rp_obj_t *substr, rp_ssize_t start, rp_ssize_t end,
                     bool at_end)
{
    rp_ssize_t len = rp_str_len(self), m = rp_str_len(substr);
    rp_strargs_adjust(&start, &end, len);
    end -= m;
    if (end < start)
        return 0;
    if (m == 0)
        return 1;
    rp_ssize_t off = at_end ? end : start;
    int k1 = rp_str_kind(self), k2 = rp_str_kind(substr);
    const void *d1 = rp_str_data(self), *d2 = rp_str_data(substr);
    if (k1 == k2)
        return memcmp((const char *)d1 + (size_t)off * k1, d2, (size_t)m * k1) == 0;
    for (rp_ssize_t i = 0; i < m; i++)
        if (rp_str_read(k1, d1, off + i) != rp_str_read(k2, d2, i))
            return 0;
    return 1;
}

static rp_obj_t *xwith(rp_obj_t *self, const char *name, rp_obj_t *const *args, size_t nargs,
                       rp_obj_t *kwnames, bool at_end)
{
    if (rp_strargs_check(name, nargs, kwnames, 1, 3, RP_STRARGS_TUPLE) < 0)
        return NULL;
    rp_ssize_t start = 0, end = PTRDIFF_MAX;
    if (nargs > 1 && rp_strargs_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && rp_strargs_slice_index(args[2], &end) < 0)
        return NULL;
    rp_obj_t *x = args[0];
    const char *shortname = at_end ? "endswith" : "startswith";
    if (rp_tuple_check(x)) {
        for (rp_ssize_t i = 0; i < rp_tuple_len(x); i++) {
            rp_obj_t *it = rp_tuple_get_borrow(x, i);
            if (!rp_str_check(it))
                return rp_err_format(&rp_exc_TypeError,
                                     "tuple for %s must only contain str, not %.100s",
                                     shortname, rp_type_name(it->type));
            if (tailmatch(self, it, start, end, at_end))
                return rp_bool_from(true);
        }
        return rp_bool_from(false);
    }
    if (!rp_str_check(x))
        return rp_err_format(&rp_exc_TypeError,
                             "%s first arg must be str or a tuple of str, not %.100s",
                             shortname, rp_type_name(x->type));
    return rp_bool_from(tailmatch(self, x, start, end, at_end));
}

METHOD(str_startswith)
{
    return xwith(self, "str.startswith", args, nargs, kwnames, false);
}

METHOD(str_endswith)
{
    return xwith(self, "str.endswith", args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------
// split / rsplit / splitlines

static void reverse_list(rp_obj_t *list)
{
    rp_obj_t **items = ((rp_list_t *)list)->items;
    rp_ssize_t n = rp_list_len(list);
    for (rp_ssize_t a = 0, b = n - 1; a < b; a++, b--) {
        rp_obj_t *t = items[a];
        items[a] = items[b];
        items[b] = t;
    }
}

static rp_obj_t *split_whitespace(rp_obj_t *self, rp_ssize_t maxcount)
{
    rp_ssize_t n = rp_str_len(self);
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    rp_ssize_t i = 0, j;
    while (maxcount-- > 0) {
        while (i < n && is_space(k, d, i))
            i++;
        if (i == n)
            break;
        j = i;
        i++;
        while (i < n && !is_space(k, d, i))
            i++;
        if (j == 0 && i == n && rp_str_check_exact(self)) {
            if (rp_list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (append_piece(list, self, j, i) < 0)
            goto fail;
    }
    if (i < n) {
        while (i < n && is_space(k, d, i))
            i++;
        if (i != n && append_piece(list, self, i, n) < 0)
            goto fail;
    }
    return list;
fail:
    rp_decref(list);
    return NULL;
}

static rp_obj_t *rsplit_whitespace(rp_obj_t *self, rp_ssize_t maxcount)
{
    rp_ssize_t n = rp_str_len(self);
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    rp_ssize_t i = n - 1, j;
    while (maxcount-- > 0) {
        while (i >= 0 && is_space(k, d, i))
            i--;
        if (i < 0)
            break;
        j = i;
        i--;
        while (i >= 0 && !is_space(k, d, i))
            i--;
        if (j == n - 1 && i < 0 && rp_str_check_exact(self)) {
            if (rp_list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (append_piece(list, self, i + 1, j + 1) < 0)
            goto fail;
    }
    if (i >= 0) {
        while (i >= 0 && is_space(k, d, i))
            i--;
        if (i >= 0 && append_piece(list, self, 0, i + 1) < 0)
            goto fail;
    }
    reverse_list(list);
    return list;
fail:
    rp_decref(list);
    return NULL;
}

static rp_obj_t *split_sep(rp_obj_t *self, rp_obj_t *sep, rp_ssize_t maxcount, bool right)
{
    rp_ssize_t n = rp_str_len(self), m = rp_str_len(sep);
    if (m == 0)
        return rp_err_format(&rp_exc_ValueError, "empty separator");
    int k = rp_str_kind(self);
    const char *d = rp_str_data(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    if (rp_str_kind(sep) > k || m > n) {
        if (rp_list_append(list, self) < 0)
            goto fail;
        return list;
    }
    rp_ssize_t count = 0;
    if (!right) {
        rp_str_searcher_t sr;
        if (rp_str_searcher_init(&sr, k, rp_str_kind(sep), rp_str_data(sep), m) == -2)
            goto fail;
        rp_ssize_t i = 0;
        while (maxcount-- > 0) {
            rp_ssize_t pos = rp_str_searcher_next(&sr, d + (size_t)i * k, n - i);
            if (pos < 0)
                break;
            if (append_piece(list, self, i, i + pos) < 0) {
                rp_str_searcher_free(&sr);
                goto fail;
            }
            count++;
            i += pos + m;
        }
        rp_str_searcher_free(&sr);
        if (count == 0 && rp_str_check_exact(self)) {
            if (rp_list_append(list, self) < 0)
                goto fail;
        } else if (append_piece(list, self, i, n) < 0) {
            goto fail;
        }
        return list;
    }
    rp_ssize_t j = n;
    while (maxcount-- > 0) {
        rp_ssize_t pos = rp_str_search(k, d, j, rp_str_kind(sep), rp_str_data(sep), m, -1,
                                       RP_SEARCH_RFIND);
        if (pos < 0)
            break;
        if (append_piece(list, self, pos + m, j) < 0)
            goto fail;
        count++;
        j = pos;
    }
    if (count == 0 && rp_str_check_exact(self)) {
        if (rp_list_append(list, self) < 0)
            goto fail;
    } else if (append_piece(list, self, 0, j) < 0) {
        goto fail;
    }
    reverse_list(list);
    return list;
fail:
    rp_decref(list);
    return NULL;
}

static rp_obj_t *split_common(rp_obj_t *self, const char *name, rp_obj_t *const *args,
                              size_t nargs, rp_obj_t *kwnames, bool right)
{
    static const char *const kwlist[] = {"sep", "maxsplit"};
    static bool kwtuple_split, kwtuple_rsplit;
    rp_obj_t *a[2];
    if (kwnames || nargs > 2)
        rp_arg_note_kwtuple(right ? &kwtuple_rsplit : &kwtuple_split, 2);
    if (rp_strargs_parse(name, args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    rp_ssize_t maxcount = -1;
    if (a[1]) {
        maxcount = rp_strargs_ssize(a[1]);
        if (maxcount == -1 && rp_err_occurred())
            return NULL;
    }
    if (maxcount < 0)
        maxcount = PTRDIFF_MAX;
    if (a[0] == NULL || a[0] == rp_None)
        return right ? rsplit_whitespace(self, maxcount) : split_whitespace(self, maxcount);
    if (!rp_str_check(a[0]))
        return rp_err_format(&rp_exc_TypeError, "must be str or None, not %.100s",
                             rp_type_name(a[0]->type));
    return split_sep(self, a[0], maxcount, right);
}

METHOD(str_split)
{
    return split_common(self, "str.split", args, nargs, kwnames, false);
}

METHOD(str_rsplit)
{
    return split_common(self, "str.rsplit", args, nargs, kwnames, true);
}

METHOD(str_splitlines)
{
    static const char *const kwlist[] = {"keepends"};
    static bool kwtuple;
    rp_obj_t *a[1];
    if (kwnames || nargs > 1)
        rp_arg_note_kwtuple(&kwtuple, 1);
    if (rp_strargs_parse("str.splitlines", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    bool keepends = false;
    if (a[0]) {
        if (rp_int_check(a[0]))
            keepends = rp_int_sign(a[0]) != 0;
        else {
            rp_ssize_t v = rp_strargs_ssize(a[0]);
            if (v == -1 && rp_err_occurred())
                return NULL;
            keepends = v != 0;
        }
    }
    rp_ssize_t n = rp_str_len(self);
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    rp_obj_t *list = rp_list_new(0);
    if (list == NULL)
        return NULL;
    for (rp_ssize_t i = 0, j = 0; i < n;) {
        while (i < n && !rp_uc_islinebreak(rp_str_read(k, d, i)))
            i++;
        rp_ssize_t eol = i;
        if (i < n) {
            if (rp_str_read(k, d, i) == '\r' && i + 1 < n && rp_str_read(k, d, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == n && rp_str_check_exact(self)) {
            if (rp_list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (append_piece(list, self, j, eol) < 0)
            goto fail;
        j = i;
    }
    return list;
fail:
    rp_decref(list);
    return NULL;
}

// ---------------------------------------------------------------------
// partition / rpartition

static rp_obj_t *partition(rp_obj_t *self, rp_obj_t *sep, bool right)
{
    if (check_str_arg(sep) == NULL)
        return NULL;
    rp_ssize_t n = rp_str_len(self), m = rp_str_len(sep);
    if (m == 0)
        return rp_err_format(&rp_exc_ValueError, "empty separator");
    rp_ssize_t pos = -1;
    if (rp_str_kind(sep) <= rp_str_kind(self) && m <= n)
        pos = rp_str_search(rp_str_kind(self), rp_str_data(self), n, rp_str_kind(sep),
                            rp_str_data(sep), m, -1, right ? RP_SEARCH_RFIND : RP_SEARCH_FIND);
    rp_obj_t *empty = rp_str_empty();
    rp_obj_t *r;
    if (pos < 0) {
        r = right ? rp_tuple_pack(3, empty, empty, self) : rp_tuple_pack(3, self, empty, empty);
        rp_decref(empty);
        return r;
    }
    rp_decref(empty);
    rp_obj_t *a = piece(self, 0, pos), *b = NULL, *c = NULL;
    if (a == NULL)
        return NULL;
    b = rp_newref(sep);
    c = piece(self, pos + m, n);
    if (c == NULL) {
        rp_decref(a);
        rp_xdecref(b);
        return NULL;
    }
    r = rp_tuple_new(3);
    if (r == NULL) {
        rp_decref(a);
        rp_decref(b);
        rp_decref(c);
        return NULL;
    }
    rp_tuple_init_item_take(r, 0, a);
    rp_tuple_init_item_take(r, 1, b);
    rp_tuple_init_item_take(r, 2, c);
    return r;
}

METHOD(str_partition)
{
    if (rp_strargs_check("str.partition", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return partition(self, args[0], false);
}

METHOD(str_rpartition)
{
    if (rp_strargs_check("str.rpartition", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return partition(self, args[0], true);
}

// ---------------------------------------------------------------------
// join

METHOD(str_join)
{
    if (rp_strargs_check("str.join", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return rp_str_join(self, args[0]);
}

// ---------------------------------------------------------------------
// strip / lstrip / rstrip

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

static bool in_chars(rp_obj_t *chars, uint32_t c)
{
    rp_ssize_t m = rp_str_len(chars);
    int k = rp_str_kind(chars);
    const void *d = rp_str_data(chars);
    for (rp_ssize_t i = 0; i < m; i++)
        if (rp_str_read(k, d, i) == c)
            return true;
    return false;
}

static rp_obj_t *do_strip(rp_obj_t *self, const char *qual, rp_obj_t *const *args,
                          size_t nargs, rp_obj_t *kwnames, int how)
{
    if (rp_strargs_check(qual, nargs, kwnames, 0, 1, RP_STRARGS_CLINIC) < 0)
        return NULL;
    rp_obj_t *chars = nargs > 0 ? args[0] : rp_None;
    rp_ssize_t n = rp_str_len(self), i = 0, j = n;
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    if (chars == rp_None) {
        if (how & STRIP_LEFT)
            while (i < n && is_space(k, d, i))
                i++;
        if (how & STRIP_RIGHT)
            while (j > i && is_space(k, d, j - 1))
                j--;
    } else if (rp_str_check(chars)) {
        if (how & STRIP_LEFT)
            while (i < n && in_chars(chars, rp_str_read(k, d, i)))
                i++;
        if (how & STRIP_RIGHT)
            while (j > i && in_chars(chars, rp_str_read(k, d, j - 1)))
                j--;
    } else {
        return rp_err_format(&rp_exc_TypeError, "%s arg must be None or str",
                             strchr(qual, '.') + 1);
    }
    return sub(self, i, j);
}

METHOD(str_strip)
{
    return do_strip(self, "str.strip", args, nargs, kwnames, STRIP_BOTH);
}

METHOD(str_lstrip)
{
    return do_strip(self, "str.lstrip", args, nargs, kwnames, STRIP_LEFT);
}

METHOD(str_rstrip)
{
    return do_strip(self, "str.rstrip", args, nargs, kwnames, STRIP_RIGHT);
}

// ---------------------------------------------------------------------
// center / ljust / rjust / zfill

// self padded with left and right fill characters (a new string).
static rp_obj_t *pad(rp_obj_t *self, rp_ssize_t left, rp_ssize_t right, uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    rp_ssize_t n = rp_str_len(self);
    if (left == 0 && right == 0)
        return rp_str_exact(self);
    if (left > PTRDIFF_MAX - n || right > PTRDIFF_MAX - (left + n))
        return rp_err_format(&rp_exc_OverflowError, "padded string is too long");
    uint32_t maxchar = rp_str_maxchar_bound(self);
    if (fill > maxchar)
        maxchar = fill;
    rp_obj_t *r = rp_str_new(left + n + right, maxchar);
    if (r == NULL)
        return NULL;
    int k = rp_str_kind(r);
    void *d = rp_str_data(r);
    rp_str_fill(k, d, 0, left, fill);
    rp_str_copy_chars(k, d, left, rp_str_kind(self), rp_str_data(self), 0, n);
    rp_str_fill(k, d, left + n, right, fill);
    return r;
}

static int parse_fill(const char *qual, rp_obj_t *const *args, size_t nargs,
                      rp_obj_t *kwnames, rp_ssize_t *width, uint32_t *fill)
{
    if (rp_strargs_check(qual, nargs, kwnames, 1, 2, RP_STRARGS_CLINIC) < 0)
        return -1;
    *width = rp_strargs_ssize(args[0]);
    if (*width == -1 && rp_err_occurred())
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        rp_obj_t *f = args[1];
        if (!rp_str_check(f)) {
            rp_err_format(&rp_exc_TypeError,
                          "The fill character must be a unicode character, not %.100s",
                          rp_type_name(f->type));
            return -1;
        }
        if (rp_str_len(f) != 1) {
            rp_err_set(&rp_exc_TypeError,
                       "The fill character must be exactly one character long");
            return -1;
        }
        *fill = rp_str_char(f, 0);
    }
    return 0;
}

METHOD(str_center)
{
    rp_ssize_t width;
    uint32_t fill;
    if (parse_fill("str.center", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    rp_ssize_t n = rp_str_len(self);
    if (n >= width)
        return rp_str_exact(self);
    rp_ssize_t marg = width - n;
    rp_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

METHOD(str_ljust)
{
    rp_ssize_t width;
    uint32_t fill;
    if (parse_fill("str.ljust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    rp_ssize_t n = rp_str_len(self);
    if (n >= width)
        return rp_str_exact(self);
    return pad(self, 0, width - n, fill);
}

METHOD(str_rjust)
{
    rp_ssize_t width;
    uint32_t fill;
    if (parse_fill("str.rjust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    rp_ssize_t n = rp_str_len(self);
    if (n >= width)
        return rp_str_exact(self);
    return pad(self, width - n, 0, fill);
}

METHOD(str_zfill)
{
    if (rp_strargs_check("str.zfill", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_ssize_t width = rp_strargs_ssize(args[0]);
    if (width == -1 && rp_err_occurred())
        return NULL;
    rp_ssize_t n = rp_str_len(self);
    if (n >= width)
        return rp_str_exact(self);
    rp_ssize_t fill = width - n;
    rp_obj_t *r = pad(self, fill, 0, '0');
    if (r == NULL)
        return NULL;
    int k = rp_str_kind(r);
    void *d = rp_str_data(r);
    uint32_t c = rp_str_read(k, d, fill);
    if (c == '+' || c == '-') {
        rp_str_write(k, d, 0, c);
        rp_str_write(k, d, fill, '0');
    }
    return r;
}

// ---------------------------------------------------------------------
// expandtabs

METHOD(str_expandtabs)
{
    static const char *const kwlist[] = {"tabsize"};
    rp_obj_t *a[1];
    if (rp_strargs_parse("str.expandtabs", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    rp_ssize_t tabsize = 8;
    if (a[0]) {
        tabsize = rp_strargs_ssize(a[0]);
        if (tabsize == -1 && rp_err_occurred()) {
            if (rp_err_matches(&rp_exc_OverflowError)) {
                rp_err_clear();
                rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C int");
            }
            return NULL;
        }
        if (tabsize > INT_MAX || tabsize < INT_MIN)
            return rp_err_format(&rp_exc_OverflowError,
                                 "Python int too large to convert to C int");
    }
    rp_ssize_t n = rp_str_len(self);
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    rp_ssize_t j = 0, line_pos = 0;
    bool found = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(k, d, i);
        if (c == '\t') {
            found = true;
            if (tabsize > 0) {
                rp_ssize_t incr = tabsize - (line_pos % tabsize);
                if (j > PTRDIFF_MAX - incr)
                    return rp_err_format(&rp_exc_OverflowError, "new string is too long");
                line_pos += incr;
                j += incr;
            }
        } else {
            if (j > PTRDIFF_MAX - 1)
                return rp_err_format(&rp_exc_OverflowError, "new string is too long");
            line_pos++;
            j++;
            if (c == '\n' || c == '\r')
                line_pos = 0;
        }
    }
    if (!found)
        return rp_str_exact(self);
    rp_obj_t *r = rp_str_new(j, rp_str_maxchar_bound(self));
    if (r == NULL)
        return NULL;
    void *rd = rp_str_data(r);
    rp_ssize_t o = 0;
    line_pos = 0;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(k, d, i);
        if (c == '\t') {
            if (tabsize > 0) {
                rp_ssize_t incr = tabsize - (line_pos % tabsize);
                line_pos += incr;
                rp_str_fill(k, rd, o, incr, ' ');
                o += incr;
            }
        } else {
            line_pos++;
            rp_str_write(k, rd, o++, c);
            if (c == '\n' || c == '\r')
                line_pos = 0;
        }
    }
    return r;
}

// ---------------------------------------------------------------------
// replace

static rp_obj_t *replace(rp_obj_t *self, rp_obj_t *old, rp_obj_t *new_, rp_ssize_t maxcount)
{
    rp_ssize_t n = rp_str_len(self), m1 = rp_str_len(old), m2 = rp_str_len(new_);
    if (maxcount < 0)
        maxcount = PTRDIFF_MAX;
    if (maxcount == 0 || old == new_)
        return rp_str_exact(self);
    int k = rp_str_kind(self), k1 = rp_str_kind(old);
    const char *d = rp_str_data(self);
    if (m1 > n || k1 > k)
        return rp_str_exact(self);
    rp_ssize_t count = rp_str_search(k, d, n, k1, rp_str_data(old), m1, maxcount,
                                     RP_SEARCH_COUNT);
    if (count == 0)
        return rp_str_exact(self);
    if (m1 == m2 && m1 > 0 && rp_str_eq(old, new_))
        return rp_str_exact(self);
    // Result length: n + count * (m2 - m1), checked for overflow.
    rp_ssize_t diff = m2 - m1, total;
    if (diff > 0 && count > (PTRDIFF_MAX - n) / diff)
        return rp_err_format(&rp_exc_OverflowError, "replace string is too long");
    total = n + count * diff;
    uint32_t max_self = rp_str_maxchar_bound(self), max_new = rp_str_maxchar_bound(new_);
    uint32_t maxchar = max_self > max_new || m2 == 0 ? max_self : max_new;
    // Replacing the characters that set self's kind may let the result
    // shrink to a smaller kind; then it is re-canonicalised below.
    bool may_shrink = m2 == 0 || max_new < max_self;
    rp_obj_t *r = rp_str_new(total, maxchar);
    if (r == NULL)
        return NULL;
    int rk = rp_str_kind(r);
    char *rd = rp_str_data(r);
    int k2 = rp_str_kind(new_);
    const void *nd = rp_str_data(new_);
    rp_ssize_t i = 0, o = 0;
    if (m1 == 0) {
        // Insert new before every character (count times).
        for (rp_ssize_t c = 0; c < count; c++) {
            rp_str_copy_chars(rk, rd, o, k2, nd, 0, m2);
            o += m2;
            if (i < n) {
                rp_str_write(rk, rd, o++, rp_str_read(k, d, i));
                i++;
            }
        }
    } else {
        rp_str_searcher_t sr;
        if (rp_str_searcher_init(&sr, k, k1, rp_str_data(old), m1) == -2) {
            rp_decref(r);
            return NULL;
        }
        if (rk == 1 && k == 1 && k2 == 1) {
            // The common one-byte case: plain copies.
            const char *ndata = nd;
            for (rp_ssize_t c = 0; c < count; c++) {
                rp_ssize_t pos = rp_str_searcher_next(&sr, d + i, n - i);
                memcpy(rd + o, d + i, (size_t)pos);
                o += pos;
                memcpy(rd + o, ndata, (size_t)m2);
                o += m2;
                i += pos + m1;
            }
            count = 0;
        }
        for (rp_ssize_t c = 0; c < count; c++) {
            rp_ssize_t pos = rp_str_searcher_next(&sr, d + (size_t)i * k, n - i);
            rp_str_copy_chars(rk, rd, o, k, d, i, pos);
            o += pos;
            if (m2 == 1)
                rp_str_write(rk, rd, o, rp_str_read(k2, nd, 0));
            else
                rp_str_copy_chars(rk, rd, o, k2, nd, 0, m2);
            o += m2;
            i += pos + m1;
        }
        rp_str_searcher_free(&sr);
    }
    rp_str_copy_chars(rk, rd, o, k, d, i, n - i);
    if (may_shrink && !rp_str_is_ascii(r)) {
        uint32_t real = rp_str_find_max(rk, rd, total);
        if (rp_str_kind_for(real) != rk || (real < 128)) {
            rp_obj_t *c = rp_str_from_kind(rk, rd, total);
            rp_decref(r);
            return c;
        }
    }
    return r;
}

METHOD(str_replace)
{
    if (rp_strargs_check("str.replace", nargs, kwnames, 2, 3, RP_STRARGS_CLINIC) < 0)
        return NULL;
    if (!rp_str_check(args[0]))
        return rp_err_format(&rp_exc_TypeError, "replace() argument 1 must be str, not %.100s",
                             rp_type_name(args[0]->type));
    if (!rp_str_check(args[1]))
        return rp_err_format(&rp_exc_TypeError, "replace() argument 2 must be str, not %.100s",
                             rp_type_name(args[1]->type));
    rp_ssize_t count = -1;
    if (nargs > 2) {
        count = rp_strargs_ssize(args[2]);
        if (count == -1 && rp_err_occurred())
            return NULL;
    }
    return replace(self, args[0], args[1], count);
}

// ---------------------------------------------------------------------
// removeprefix / removesuffix

METHOD(str_removeprefix)
{
    if (rp_strargs_check("str.removeprefix", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_obj_t *p = args[0];
    if (!rp_str_check(p))
        return rp_err_format(&rp_exc_TypeError, "removeprefix() argument must be str, not %.100s",
                             rp_type_name(p->type));
    if (tailmatch(self, p, 0, PTRDIFF_MAX, false))
        return sub(self, rp_str_len(p), rp_str_len(self));
    return rp_str_exact(self);
}

METHOD(str_removesuffix)
{
    if (rp_strargs_check("str.removesuffix", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_obj_t *p = args[0];
    if (!rp_str_check(p))
        return rp_err_format(&rp_exc_TypeError, "removesuffix() argument must be str, not %.100s",
                             rp_type_name(p->type));
    if (rp_str_len(p) > 0 && tailmatch(self, p, 0, PTRDIFF_MAX, true))
        return sub(self, 0, rp_str_len(self) - rp_str_len(p));
    return rp_str_exact(self);
}

// ---------------------------------------------------------------------
// maketrans / translate

static rp_obj_t *str_maketrans(rp_obj_t *cls, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_strargs_check("str.maketrans", nargs, kwnames, 1, 3, RP_STRARGS_CLINIC) < 0)
        return NULL;
    rp_obj_t *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    if (y && !rp_str_check(y))
        return rp_err_format(&rp_exc_TypeError, "maketrans() argument 2 must be str, not %.100s",
                             rp_type_name(y->type));
    if (z && !rp_str_check(z))
        return rp_err_format(&rp_exc_TypeError, "maketrans() argument 3 must be str, not %.100s",
                             rp_type_name(z->type));
    rp_obj_t *d = rp_dict_new();
    if (d == NULL)
        return NULL;
    if (y) {
        if (!rp_str_check(x)) {
            rp_err_set(&rp_exc_TypeError,
                       "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        if (rp_str_len(x) != rp_str_len(y)) {
            rp_err_set(&rp_exc_ValueError,
                       "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (rp_ssize_t i = 0; i < rp_str_len(x); i++) {
            rp_obj_t *key = rp_int_from_i64(rp_str_char(x, i));
            rp_obj_t *val = rp_int_from_i64(rp_str_char(y, i));
            int rc = key && val ? rp_dict_set(d, key, val) : -1;
            rp_xdecref(key);
            rp_xdecref(val);
            if (rc < 0)
                goto fail;
        }
        if (z) {
            for (rp_ssize_t i = 0; i < rp_str_len(z); i++) {
                rp_obj_t *key = rp_int_from_i64(rp_str_char(z, i));
                int rc = key ? rp_dict_set(d, key, rp_None) : -1;
                rp_xdecref(key);
                if (rc < 0)
                    goto fail;
            }
        }
        return d;
    }
    if (!rp_dict_check(x)) {
        rp_err_set(&rp_exc_TypeError,
                   "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    rp_ssize_t pos = 0;
    rp_obj_t *key, *val;
    while (rp_dict_next(x, &pos, &key, &val)) {
        rp_obj_t *newkey;
        if (rp_str_check(key)) {
            if (rp_str_len(key) != 1) {
                rp_err_set(&rp_exc_ValueError,
                           "string keys in translate table must be of length 1");
                goto fail;
            }
            newkey = rp_int_from_i64(rp_str_char(key, 0));
        } else if (rp_int_check(key)) {
            newkey = rp_newref(key);
        } else {
            rp_err_set(&rp_exc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
        int rc = newkey ? rp_dict_set(d, newkey, val) : -1;
        rp_xdecref(newkey);
        if (rc < 0)
            goto fail;
    }
    return d;
fail:
    rp_decref(d);
    return NULL;
}

METHOD(str_translate)
{
    if (rp_strargs_check("str.translate", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    rp_obj_t *table = args[0];
    rp_ssize_t n = rp_str_len(self);
    int k = rp_str_kind(self);
    const void *d = rp_str_data(self);
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    bool changed = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rp_str_read(k, d, i);
        rp_obj_t *key = rp_int_from_i64(c);
        if (key == NULL)
            goto fail;
        rp_obj_t *v = rp_obj_getitem(table, key);
        rp_decref(key);
        if (v == NULL) {
            if (!rp_err_matches(&rp_exc_LookupError))
                goto fail;
            rp_err_clear();
            if (rp_strbuf_append_char(&b, c) < 0)
                goto fail;
            continue;
        }
        int rc = 0;
        if (v == rp_None) {
            changed = true;
        } else if (rp_int_check(v)) {
            int64_t x = rp_int_as_i64(v);
            if ((x == -1 && rp_err_occurred()) || x < 0 || x > 0x10FFFF) {
                rp_err_clear();
                rp_err_set(&rp_exc_ValueError, "character mapping must be in range(0x110000)");
                rc = -1;
            } else {
                changed |= (uint32_t)x != c;
                rc = rp_strbuf_append_char(&b, (uint32_t)x);
            }
        } else if (rp_str_check(v)) {
            changed = true;
            rc = rp_strbuf_append_str(&b, v);
        } else {
            rp_err_set(&rp_exc_TypeError, "character mapping must return integer, None or str");
            rc = -1;
        }
        rp_decref(v);
        if (rc < 0)
            goto fail;
    }
    (void)changed;
    return rp_strbuf_finish(&b);
fail:
    rp_strbuf_discard(&b);
    return NULL;
}

// ---------------------------------------------------------------------
// encode, sizes, pickling support

METHOD(str_encode)
{
    static const char *const kwlist[] = {"encoding", "errors"};
    static bool kwtuple;
    rp_obj_t *a[2];
    if (kwnames || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 2);
    if (rp_strargs_parse("str.encode", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    const char *enc = NULL, *errs = NULL;
    if (a[0] && (enc = rp_strargs_cstr(a[0], "encode", "encoding")) == NULL)
        return NULL;
    if (a[1] && (errs = rp_strargs_cstr(a[1], "encode", "errors")) == NULL)
        return NULL;
    return rp_str_encode(self, enc, errs);
}

METHOD(str_sizeof)
{
    if (rp_strargs_check("str.__sizeof__", nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    return rp_int_from_ssize(rp_str_sizeof(self));
}

METHOD(str_getnewargs)
{
    if (rp_strargs_check("str.__getnewargs__", nargs, kwnames, 0, 0, RP_STRARGS_NOARGS) < 0)
        return NULL;
    rp_obj_t *copy = rp_str_exact(self);
    if (copy == NULL)
        return NULL;
    rp_obj_t *t = rp_tuple_pack(1, copy);
    rp_decref(copy);
    return t;
}

const rp_method_def_t rp_str_methods[] = {
    {"encode", str_encode, RP_METH_INSTANCE, NULL},
    {"replace", str_replace, RP_METH_INSTANCE, NULL},
    {"split", str_split, RP_METH_INSTANCE, NULL},
    {"rsplit", str_rsplit, RP_METH_INSTANCE, NULL},
    {"join", str_join, RP_METH_INSTANCE, NULL},
    {"capitalize", rp_str_m_capitalize, RP_METH_INSTANCE, NULL},
    {"casefold", rp_str_m_casefold, RP_METH_INSTANCE, NULL},
    {"title", rp_str_m_title, RP_METH_INSTANCE, NULL},
    {"center", str_center, RP_METH_INSTANCE, NULL},
    {"count", str_count, RP_METH_INSTANCE, NULL},
    {"expandtabs", str_expandtabs, RP_METH_INSTANCE, NULL},
    {"find", str_find, RP_METH_INSTANCE, NULL},
    {"partition", str_partition, RP_METH_INSTANCE, NULL},
    {"index", str_index, RP_METH_INSTANCE, NULL},
    {"ljust", str_ljust, RP_METH_INSTANCE, NULL},
    {"lower", rp_str_m_lower, RP_METH_INSTANCE, NULL},
    {"lstrip", str_lstrip, RP_METH_INSTANCE, NULL},
    {"rfind", str_rfind, RP_METH_INSTANCE, NULL},
    {"rindex", str_rindex, RP_METH_INSTANCE, NULL},
    {"rjust", str_rjust, RP_METH_INSTANCE, NULL},
    {"rstrip", str_rstrip, RP_METH_INSTANCE, NULL},
    {"rpartition", str_rpartition, RP_METH_INSTANCE, NULL},
    {"splitlines", str_splitlines, RP_METH_INSTANCE, NULL},
    {"strip", str_strip, RP_METH_INSTANCE, NULL},
    {"swapcase", rp_str_m_swapcase, RP_METH_INSTANCE, NULL},
    {"translate", str_translate, RP_METH_INSTANCE, NULL},
    {"upper", rp_str_m_upper, RP_METH_INSTANCE, NULL},
    {"startswith", str_startswith, RP_METH_INSTANCE, NULL},
    {"endswith", str_endswith, RP_METH_INSTANCE, NULL},
    {"removeprefix", str_removeprefix, RP_METH_INSTANCE, NULL},
    {"removesuffix", str_removesuffix, RP_METH_INSTANCE, NULL},
    {"isascii", rp_str_m_isascii, RP_METH_INSTANCE, NULL},
    {"islower", rp_str_m_islower, RP_METH_INSTANCE, NULL},
    {"isupper", rp_str_m_isupper, RP_METH_INSTANCE, NULL},
    {"istitle", rp_str_m_istitle, RP_METH_INSTANCE, NULL},
    {"isspace", rp_str_m_isspace, RP_METH_INSTANCE, NULL},
    {"isdecimal", rp_str_m_isdecimal, RP_METH_INSTANCE, NULL},
    {"isdigit", rp_str_m_isdigit, RP_METH_INSTANCE, NULL},
    {"isnumeric", rp_str_m_isnumeric, RP_METH_INSTANCE, NULL},
    {"isalpha", rp_str_m_isalpha, RP_METH_INSTANCE, NULL},
    {"isalnum", rp_str_m_isalnum, RP_METH_INSTANCE, NULL},
    {"isidentifier", rp_str_m_isidentifier, RP_METH_INSTANCE, NULL},
    {"isprintable", rp_str_m_isprintable, RP_METH_INSTANCE, NULL},
    {"zfill", str_zfill, RP_METH_INSTANCE, NULL},
    {"format", rp_str_m_format, RP_METH_INSTANCE, NULL},
    {"format_map", rp_str_m_format_map, RP_METH_INSTANCE, NULL},
    {"__format__", rp_str_m___format__, RP_METH_INSTANCE, NULL},
    {"maketrans", str_maketrans, RP_METH_STATIC, NULL},
    {"__sizeof__", str_sizeof, RP_METH_INSTANCE, NULL},
    {"__getnewargs__", str_getnewargs, RP_METH_INSTANCE, NULL},
    {NULL}
};
