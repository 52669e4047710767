// str.format() and str.format_map(): replacement fields {name!conv:spec}
// with auto-numbering, attribute and index lookups, conversions and
// nested specs (CPython's Objects/stringlib/unicode_format.h).
#include <string.h>

#include "objects/format.h"
#include "objects/str_impl.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "objects/unicode_db.h"

typedef struct {
    rp_obj_t *str;          // borrowed; NULL for "absent"
    rp_ssize_t start, end;
} substr_t;

enum { ANS_INIT, ANS_AUTO, ANS_MANUAL };
typedef struct {
    int state;
    rp_ssize_t field_number;
} autonum_t;

static rp_obj_t *build_string(substr_t *input, rp_obj_t *args, rp_obj_t *kwargs,
                              int depth, autonum_t *an);

static inline uint32_t ch(rp_obj_t *s, rp_ssize_t i)
{
    return rp_str_char(s, i);
}

static rp_obj_t *substr_obj(substr_t *s)
{
    if (s->str == NULL)
        return rp_newref(rp_None);
    return rp_str_substr(s->str, s->start, s->end);
}

// The field name as an index: -1 if it is not all decimal digits (or
// empty); -1 with ValueError set on overflow.
static rp_ssize_t get_integer(const substr_t *s)
{
    rp_ssize_t acc = 0;
    if (s->start >= s->end)
        return -1;
    for (rp_ssize_t i = s->start; i < s->end; i++) {
        int d = rp_uc_decimal(ch(s->str, i));
        if (d < 0)
            return -1;
        if (acc > (PTRDIFF_MAX - d) / 10) {
            rp_err_set(&rp_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

// ---------------------------------------------------------------------
// Field names: first, then .attr and [key] parts

typedef struct {
    substr_t str;
    rp_ssize_t index;
} field_iter_t;

// 0 error, 1 done, 2 produced a part.
static int field_iter_next(field_iter_t *it, bool *is_attr, rp_ssize_t *name_idx,
                           substr_t *name)
{
    if (it->index >= it->str.end)
        return 1;
    uint32_t c = ch(it->str.str, it->index++);
    name->str = it->str.str;
    if (c == '.') {
        *is_attr = true;
        name->start = it->index;
        while (it->index < it->str.end) {
            uint32_t d = ch(it->str.str, it->index);
            if (d == '[' || d == '.')
                break;
            it->index++;
        }
        name->end = it->index;
        *name_idx = -1;
    } else if (c == '[') {
        *is_attr = false;
        name->start = it->index;
        bool bracket = false;
        while (it->index < it->str.end) {
            if (ch(it->str.str, it->index++) == ']') {
                bracket = true;
                break;
            }
        }
        if (!bracket) {
            rp_err_set(&rp_exc_ValueError, "Missing ']' in format string");
            return 0;
        }
        name->end = it->index - 1;
        *name_idx = get_integer(name);
        if (*name_idx == -1 && rp_err_occurred())
            return 0;
    } else {
        rp_err_set(&rp_exc_ValueError,
                   "Only '.' or '[' may follow ']' in format field specifier");
        return 0;
    }
    if (name->start == name->end) {
        rp_err_set(&rp_exc_ValueError, "Empty attribute in format string");
        return 0;
    }
    return 2;
}

static int field_name_split(rp_obj_t *str, rp_ssize_t start, rp_ssize_t end, substr_t *first,
                            rp_ssize_t *first_idx, field_iter_t *rest, autonum_t *an)
{
    rp_ssize_t i = start;
    while (i < end) {
        uint32_t c = ch(str, i);
        if (c == '[' || c == '.')
            break;
        i++;
    }
    first->str = str;
    first->start = start;
    first->end = i;
    rest->str.str = str;
    rest->str.start = i;
    rest->str.end = end;
    rest->index = i;
    *first_idx = get_integer(first);
    if (*first_idx == -1 && rp_err_occurred())
        return 0;
    bool empty = first->start >= first->end;
    bool numeric = empty || *first_idx != -1;
    if (an) {
        if (an->state == ANS_INIT && numeric)
            an->state = empty ? ANS_AUTO : ANS_MANUAL;
        if (numeric) {
            if (an->state == ANS_MANUAL && empty) {
                rp_err_set(&rp_exc_ValueError, "cannot switch from manual field specification "
                                               "to automatic field numbering");
                return 0;
            }
            if (an->state != ANS_MANUAL && !empty) {
                rp_err_set(&rp_exc_ValueError, "cannot switch from automatic field numbering "
                                               "to manual field specification");
                return 0;
            }
        }
        if (empty)
            *first_idx = an->field_number++;
    }
    return 1;
}

static rp_obj_t *get_field_object(substr_t *input, rp_obj_t *args, rp_obj_t *kwargs,
                                  autonum_t *an)
{
    substr_t first, name;
    rp_ssize_t index;
    field_iter_t rest;
    rp_obj_t *obj = NULL;
    if (!field_name_split(input->str, input->start, input->end, &first, &index, &rest, an))
        return NULL;
    if (index == -1) {
        rp_obj_t *key = substr_obj(&first);
        if (key == NULL)
            return NULL;
        if (kwargs == NULL) {
            rp_err_set_value(&rp_exc_KeyError, key);
            rp_decref(key);
            return NULL;
        }
        obj = rp_obj_getitem(kwargs, key);
        rp_decref(key);
        if (obj == NULL)
            return NULL;
    } else {
        if (args == NULL)
            return rp_err_format(&rp_exc_ValueError, "Format string contains positional fields");
        if (index >= rp_tuple_len(args))
            return rp_err_format(&rp_exc_IndexError,
                                 "Replacement index %zd out of range for positional args tuple",
                                 index);
        obj = rp_newref(rp_tuple_get_borrow(args, index));
    }
    bool is_attr;
    int ok;
    while ((ok = field_iter_next(&rest, &is_attr, &index, &name)) == 2) {
        rp_obj_t *tmp;
        if (is_attr) {
            rp_obj_t *attr = substr_obj(&name);
            tmp = attr ? rp_obj_getattr(obj, attr) : NULL;
            rp_xdecref(attr);
        } else if (index == -1) {
            rp_obj_t *key = substr_obj(&name);
            tmp = key ? rp_obj_getitem(obj, key) : NULL;
            rp_xdecref(key);
        } else {
            rp_obj_t *key = rp_int_from_ssize(index);
            tmp = key ? rp_obj_getitem(obj, key) : NULL;
            rp_xdecref(key);
        }
        if (tmp == NULL)
            goto fail;
        rp_decref(obj);
        obj = tmp;
    }
    if (ok == 1)
        return obj;
fail:
    rp_decref(obj);
    return NULL;
}

// ---------------------------------------------------------------------
// Markup parsing

// Parses a field after its '{': name, conversion, spec.  0 on error.
static int parse_field(substr_t *str, substr_t *field_name, substr_t *format_spec,
                       bool *spec_needs_expanding, uint32_t *conversion)
{
    uint32_t c = 0;
    *conversion = 0;
    format_spec->str = NULL;
    format_spec->start = format_spec->end = 0;
    field_name->str = str->str;
    field_name->start = str->start;
    while (str->start < str->end) {
        c = ch(str->str, str->start++);
        if (c == '{') {
            rp_err_set(&rp_exc_ValueError, "unexpected '{' in field name");
            return 0;
        }
        if (c == '[') {
            for (; str->start < str->end; str->start++)
                if (ch(str->str, str->start) == ']')
                    break;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    field_name->end = str->start - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (str->start >= str->end) {
                rp_err_set(&rp_exc_ValueError,
                           "end of string while looking for conversion specifier");
                return 0;
            }
            *conversion = ch(str->str, str->start++);
            if (str->start < str->end) {
                c = ch(str->str, str->start++);
                if (c == '}')
                    return 1;
                if (c != ':') {
                    rp_err_set(&rp_exc_ValueError, "expected ':' after conversion specifier");
                    return 0;
                }
            }
        }
        format_spec->str = str->str;
        format_spec->start = str->start;
        rp_ssize_t count = 1;
        while (str->start < str->end) {
            c = ch(str->str, str->start++);
            if (c == '{') {
                *spec_needs_expanding = true;
                count++;
            } else if (c == '}') {
                count--;
                if (count == 0) {
                    format_spec->end = str->start - 1;
                    return 1;
                }
            }
        }
        rp_err_set(&rp_exc_ValueError, "unmatched '{' in format spec");
        return 0;
    }
    if (c != '}') {
        rp_err_set(&rp_exc_ValueError, "expected '}' before end of string");
        return 0;
    }
    return 1;
}

// 0 error, 1 end, 2 produced literal text and maybe a field.
static int markup_next(substr_t *self, substr_t *literal, bool *field_present,
                       substr_t *field_name, substr_t *format_spec, uint32_t *conversion,
                       bool *spec_needs_expanding)
{
    uint32_t c = 0;
    bool markup_follows = false;
    literal->str = NULL;
    literal->start = literal->end = 0;
    field_name->str = NULL;
    format_spec->str = NULL;
    *conversion = 0;
    *spec_needs_expanding = false;
    *field_present = false;
    if (self->start >= self->end)
        return 1;
    rp_ssize_t start = self->start;
    while (self->start < self->end) {
        c = ch(self->str, self->start++);
        if (c == '{' || c == '}') {
            markup_follows = true;
            break;
        }
    }
    bool at_end = self->start >= self->end;
    rp_ssize_t len = self->start - start;
    if (c == '}' && (at_end || c != ch(self->str, self->start))) {
        rp_err_set(&rp_exc_ValueError, "Single '}' encountered in format string");
        return 0;
    }
    if (at_end && c == '{') {
        rp_err_set(&rp_exc_ValueError, "Single '{' encountered in format string");
        return 0;
    }
    if (!at_end) {
        if (c == ch(self->str, self->start)) {
            // An escaped brace: literal text including one brace.
            self->start++;
            markup_follows = false;
        } else {
            len--;
        }
    }
    literal->str = self->str;
    literal->start = start;
    literal->end = start + len;
    if (!markup_follows)
        return 2;
    *field_present = true;
    if (!parse_field(self, field_name, format_spec, spec_needs_expanding, conversion))
        return 0;
    return 2;
}

static rp_obj_t *do_conversion(rp_obj_t *obj, uint32_t conversion)
{
    switch (conversion) {
    case 'r': return rp_obj_repr(obj);
    case 's': return rp_obj_str(obj);
    case 'a': return rp_obj_ascii(obj);
    default:
        if (conversion > 32 && conversion < 127)
            return rp_err_format(&rp_exc_ValueError, "Unknown conversion specifier %c",
                                 (int)conversion);
        return rp_err_format(&rp_exc_ValueError, "Unknown conversion specifier \\x%x",
                             (unsigned)conversion);
    }
}

static int render_field(rp_strbuf_t *w, rp_obj_t *obj, substr_t *spec)
{
    rp_obj_t *spec_obj;
    if (spec->str)
        spec_obj = rp_str_substr(spec->str, spec->start, spec->end);
    else
        spec_obj = rp_str_empty();
    if (spec_obj == NULL)
        return -1;
    rp_obj_t *r = rp_obj_format(obj, spec_obj);
    rp_decref(spec_obj);
    if (r == NULL)
        return -1;
    int rc = rp_strbuf_append_str(w, r);
    rp_decref(r);
    return rc;
}

static int output_markup(rp_strbuf_t *w, substr_t *field_name, substr_t *format_spec,
                         bool spec_needs_expanding, uint32_t conversion, rp_obj_t *args,
                         rp_obj_t *kwargs, int depth, autonum_t *an)
{
    rp_obj_t *tmp = NULL;
    rp_obj_t *obj = get_field_object(field_name, args, kwargs, an);
    int rc = -1;
    if (obj == NULL)
        return -1;
    if (conversion != 0) {
        rp_obj_t *c = do_conversion(obj, conversion);
        if (c == NULL)
            goto done;
        rp_decref(obj);
        obj = c;
    }
    substr_t expanded, *actual = format_spec;
    if (spec_needs_expanding) {
        tmp = build_string(format_spec, args, kwargs, depth - 1, an);
        if (tmp == NULL)
            goto done;
        expanded.str = tmp;
        expanded.start = 0;
        expanded.end = rp_str_len(tmp);
        actual = &expanded;
    }
    rc = render_field(w, obj, actual);
done:
    rp_decref(obj);
    rp_xdecref(tmp);
    return rc;
}

static rp_obj_t *build_string(substr_t *input, rp_obj_t *args, rp_obj_t *kwargs,
                              int depth, autonum_t *an)
{
    if (depth <= 0)
        return rp_err_format(&rp_exc_ValueError, "Max string recursion exceeded");
    rp_strbuf_t w;
    rp_strbuf_init(&w);
    substr_t it = *input, literal, field_name, format_spec;
    bool field_present, needs_expanding;
    uint32_t conversion;
    int r;
    while ((r = markup_next(&it, &literal, &field_present, &field_name, &format_spec,
                            &conversion, &needs_expanding)) == 2) {
        if (literal.end > literal.start) {
            rp_obj_t *s = literal.str;
            int k = rp_str_kind(s);
            int rc;
            if (rp_str_is_ascii(s))
                rc = rp_strbuf_append_utf8(&w, (const char *)rp_str_data(s) + literal.start,
                                           (size_t)(literal.end - literal.start));
            else {
                rc = 0;
                for (rp_ssize_t i = literal.start; i < literal.end && rc == 0; i++)
                    rc = rp_strbuf_append_char(&w, rp_str_read(k, rp_str_data(s), i));
            }
            if (rc < 0)
                goto fail;
        }
        if (field_present &&
            output_markup(&w, &field_name, &format_spec, needs_expanding, conversion, args,
                          kwargs, depth, an) < 0)
            goto fail;
    }
    if (r == 0)
        goto fail;
    return rp_strbuf_finish(&w);
fail:
    rp_strbuf_discard(&w);
    return NULL;
}

rp_obj_t *rp_str_format(rp_obj_t *fmt, rp_obj_t *args, rp_obj_t *kwargs)
{
    autonum_t an = {ANS_INIT, 0};
    substr_t input = {fmt, 0, rp_str_len(fmt)};
    return build_string(&input, args, kwargs, 2, &an);
}

RP_STR_METHOD(rp_str_m_format)
{
    rp_obj_t *tuple = rp_tuple_from_array(args, (rp_ssize_t)nargs);
    if (tuple == NULL)
        return NULL;
    rp_obj_t *kw = NULL;
    if (kwnames && rp_tuple_len(kwnames) > 0) {
        kw = rp_dict_new();
        if (kw == NULL)
            goto fail;
        for (rp_ssize_t i = 0; i < rp_tuple_len(kwnames); i++)
            if (rp_dict_set(kw, rp_tuple_get_borrow(kwnames, i), args[nargs + i]) < 0)
                goto fail;
    }
    rp_obj_t *r = rp_str_format(self, tuple, kw);
    rp_decref(tuple);
    rp_xdecref(kw);
    return r;
fail:
    rp_decref(tuple);
    rp_xdecref(kw);
    return NULL;
}

RP_STR_METHOD(rp_str_m_format_map)
{
    if (rp_strargs_check("str.format_map", nargs, kwnames, 1, 1, RP_STRARGS_O) < 0)
        return NULL;
    return rp_str_format(self, NULL, args[0]);
}
