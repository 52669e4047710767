// Printing exceptions as CPython 3.11 does: "Traceback (most recent call
// last):", one entry per frame with its source line, "[Previous line
// repeated N more times]" for recursion, chained causes and contexts,
// SyntaxError's caret line, "Did you mean" suggestions, __notes__, and the
// "Exception ignored in:" report of unraisable exceptions.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "parse/ast.h"
#include "parse/parser.h"
#include "vm/frameobj.h"
#include "vm/ops.h"
#include "vm/vm.h"

#define TB_RECURSIVE_CUTOFF 3
#define TB_DEFAULT_LIMIT 1000

// ---------------------------------------------------------------------
// Output: text is collected in a buffer and written to sys.stderr at once.

static void out(rp_strbuf_t *b, const char *s)
{
    rp_strbuf_append_cstr(b, s);
}

static void write_stderr(rp_obj_t *text)
{
    rp_file_flush_std();
    rp_obj_t *err = rp_interp.sys_module
        ? rp_dict_get_cstr_borrow(rp_module_dict_borrow(rp_interp.sys_module), "stderr")
        : NULL;
    if (err && err != rp_None) {
        rp_incref(err);
        int r;
        if (rp_file_check(err))
            r = rp_file_write_str(err, text);
        else {
            rp_obj_t *res = rp_obj_call_method(err, "write", &text, 1);
            r = res ? 0 : -1;
            rp_xdecref(res);
        }
        rp_decref(err);
        if (r == 0) {
            rp_file_flush_std();
            return;
        }
        rp_err_clear();
    }
    const char *u = rp_str_utf8(text, NULL);
    if (u)
        fputs(u, stderr);
    else
        rp_err_clear();
    fflush(stderr);
}

static void finish_and_write(rp_strbuf_t *b)
{
    rp_obj_t *saved = rp_err_fetch();
    rp_obj_t *text = rp_strbuf_finish(b);
    if (text) {
        write_stderr(text);
        rp_decref(text);
    }
    rp_err_clear();
    rp_err_restore(saved);
}

// ---------------------------------------------------------------------
// Source lines (a small cache of files read whole)

typedef struct {
    char *name;
    char *data;
    size_t size;
} srcfile_t;

#define NSRC 8
static srcfile_t src_cache[NSRC];
static int src_next;

static srcfile_t *load_source(const char *name)
{
    for (int i = 0; i < NSRC; i++)
        if (src_cache[i].name && strcmp(src_cache[i].name, name) == 0)
            return &src_cache[i];
    FILE *fp = fopen(name, "rb");
    if (!fp)
        return NULL;
    size_t cap = 8192, n = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nd = realloc(data, cap * 2);
            if (!nd) {
                free(data);
                data = NULL;
                break;
            }
            data = nd;
            cap *= 2;
        }
    }
    fclose(fp);
    if (!data)
        return NULL;
    srcfile_t *s = &src_cache[src_next];
    src_next = (src_next + 1) % NSRC;
    free(s->name);
    free(s->data);
    s->name = strdup(name);
    s->data = data;
    s->size = n;
    return s;
}

// Line `lineno` (1-based) of the file, without its line ending, in
// [*start, *start + *len).  Universal newlines: \n, \r\n and \r.
static bool source_line(const char *filename, int lineno, const char **start, size_t *len)
{
    if (!filename || filename[0] == '<' || lineno < 1)
        return false;
    srcfile_t *s = load_source(filename);
    if (!s)
        return false;
    const char *p = s->data, *end = s->data + s->size;
    // A UTF-8 byte order mark is not part of the first line.
    if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    int line = 1;
    while (line < lineno && p < end) {
        if (*p == '\n') {
            line++;
        } else if (*p == '\r') {
            line++;
            if (p + 1 < end && p[1] == '\n')
                p++;
        }
        p++;
    }
    if (line != lineno || p >= end)
        return false;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    *start = p;
    *len = (size_t)(q - p);
    return true;
}

// Number of code points in the first n bytes of UTF-8 text s[0..len)
// (CPython's _PyPegen_byte_offset_to_character_offset: an offset past the
// end counts the terminating NUL as one more character).
static rp_ssize_t char_offset(const char *s, size_t len, rp_ssize_t n)
{
    rp_ssize_t extra = 0;
    if (n > (rp_ssize_t)len) {
        extra = 1;
        n = (rp_ssize_t)len;
    }
    rp_ssize_t chars = 0;
    for (rp_ssize_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    return chars + extra;
}

// Byte offset of code point k in s[0..len).
static size_t byte_offset(const char *s, size_t len, rp_ssize_t k)
{
    size_t i = 0;
    while (i < len && k > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

// The anchors CPython 3.11 draws inside the failing expression: the
// operator of a binary operation, the brackets of a subscript.  seg is
// the expression's text; *left/*right receive byte offsets in it.
// Returns 1 with anchors, 0 without.
static int segment_anchors(const char *seg, size_t len, rp_ssize_t *left, rp_ssize_t *right)
{
    rp_arena_t *arena = rp_arena_new();
    if (!arena)
        return 0;
    rp_parse_error_t perr;
    memset(&perr, 0, sizeof perr);
    int res = 0;
    rp_mod_t *mod = rp_parse(arena, seg, len, "<segment>", RP_PARSE_FILE, &perr);
    if (!mod) {
        rp_parse_error_clear(&perr);
    } else if (mod->body.n == 1 && mod->body.a[0]->kind == RP_S_EXPR) {
        rp_expr_t *e = mod->body.a[0]->v.expr.value;
        rp_ssize_t n = (rp_ssize_t)len;
        if (e->kind == RP_E_BINOP) {
            int from = e->v.binop.left->end_col_offset, to = e->v.binop.right->col_offset;
            for (int i = from; i < to && i < n; i++) {
                if (IS_WS(seg[i]))
                    continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < to && !IS_WS(seg[i + 1]))
                    ++*right;
                if (i + 1 < to && seg[i] == ')')
                    continue;
                break;
            }
            res = *left >= 0;
        } else if (e->kind == RP_E_SUBSCRIPT) {
            *left = e->v.subscript.value->end_col_offset;
            *right = e->v.subscript.slice->end_col_offset + 1;
            while (*left < n && seg[*left] != '[')
                ++*left;
            while (*right < n && seg[*right] != ']')
                ++*right;
            if (*right < n)
                *right += 1;
            res = 1;
        }
    }
    rp_arena_free(arena);
    return res;
}

// The marker line under a traceback's source line (CPython 3.11's
// tb_displayline): "^" under the failing instruction's source range,
// "~~~^^^~~~" when a binary operator or subscript can be singled out;
// omitted when the range is the whole line.  line[0..len) is the full
// source line, indent its count of leading whitespace characters.
static void print_carets(rp_strbuf_t *b, rp_code_t *co, int lasti, const char *line,
                         size_t len, rp_ssize_t indent)
{
    int start_line;
    rp_code_pos_t pos;
    if (!co || !rp_code_position(co, lasti, &start_line, &pos))
        return;
    if (start_line < 0 || pos.end_lineno < 0 || pos.col < 0 || pos.end_col < 0)
        return;
    rp_ssize_t line_chars = char_offset(line, len, (rp_ssize_t)len);
    rp_ssize_t start = char_offset(line, len, pos.col);
    rp_ssize_t end = char_offset(line, len, pos.end_col);
    rp_ssize_t left = -1, right = -1;
    const char *primary = "^", *secondary = "^";
    if (start_line == pos.end_lineno) {
        size_t bs = byte_offset(line, len, start), be = byte_offset(line, len, end);
        rp_ssize_t l = -1, r = -1;
        if (be > bs && segment_anchors(line + bs, be - bs, &l, &r)) {
            left = char_offset(line + bs, be - bs, l) + start;
            right = char_offset(line + bs, be - bs, r) + start;
            primary = "~";
            secondary = "^";
        }
    } else {
        rp_ssize_t i = line_chars;
        while (--i >= 0 && i < (rp_ssize_t)len && IS_WS(line[i]))
            ;
        end = i + 1;
    }
    bool secondary_ranges = left != -1 || right != -1;
    if (end - start == line_chars - indent && !secondary_ranges)
        return;
    for (rp_ssize_t k = indent - 4 + 1; k <= end; k++) {
        if (k <= start)
            out(b, " ");
        else if (secondary_ranges && left < k && k <= right)
            out(b, secondary);
        else
            out(b, primary);
    }
    out(b, "\n");
}

static void display_source_line(rp_strbuf_t *b, rp_obj_t *filename, int lineno,
                                rp_code_t *co, int lasti)
{
    const char *fn = filename && rp_str_check(filename) ? rp_str_utf8(filename, NULL) : NULL;
    if (!fn) {
        rp_err_clear();
        return;
    }
    const char *line;
    size_t len;
    if (!source_line(fn, lineno, &line, &len))
        return;
    const char *start = line;
    size_t rest = len;
    while (rest && (*start == ' ' || *start == '\t' || *start == '\f')) {
        start++;
        rest--;
    }
    out(b, "    ");
    rp_strbuf_append_utf8(b, start, rest);
    out(b, "\n");
    print_carets(b, co, lasti, line, len, (rp_ssize_t)(start - line));
}

// ---------------------------------------------------------------------
// The traceback entries

static int traceback_limit(void)
{
    if (!rp_interp.sys_module)
        return TB_DEFAULT_LIMIT;
    rp_obj_t *v = rp_dict_get_cstr_borrow(rp_module_dict_borrow(rp_interp.sys_module),
                                          "tracebacklimit");
    if (!v || !rp_int_check(v)) {
        rp_err_clear();
        return TB_DEFAULT_LIMIT;
    }
    int64_t n = rp_int_as_i64(v);
    if (n == -1 && rp_err_occurred()) {
        rp_err_clear();
        n = rp_int_sign(v) < 0 ? 0 : INT32_MAX;
    }
    if (n > INT32_MAX)
        n = INT32_MAX;
    return (int)n;
}

// The code of a traceback entry: entries made by the VM hold the frame
// object (which knows its code) in their code field.
static rp_obj_t *tb_code(rp_traceback_t *t)
{
    rp_obj_t *c = t->code;
    if (c && rp_frameobj_check(c))
        return rp_frameobj_code(c);
    return c && c->type == &rp_type_code ? c : NULL;
}

static void print_repeated(rp_strbuf_t *b, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    rp_strbuf_append_format(b, cnt > 1 ? "  [Previous line repeated %ld more times]\n"
                                       : "  [Previous line repeated %ld more time]\n", cnt);
}

static bool same_str(rp_obj_t *a, rp_obj_t *b)
{
    return a == b || (a && b && rp_str_check(a) && rp_str_check(b) && rp_str_eq(a, b));
}

static void print_traceback(rp_strbuf_t *b, rp_obj_t *tb)
{
    int limit = traceback_limit();
    if (limit <= 0)
        return;
    long depth = 0;
    for (rp_obj_t *t = tb; t; t = ((rp_traceback_t *)t)->next)
        depth++;
    while (tb && depth > limit) {
        depth--;
        tb = ((rp_traceback_t *)tb)->next;
    }
    out(b, "Traceback (most recent call last):\n");
    rp_obj_t *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = ((rp_traceback_t *)tb)->next) {
        rp_traceback_t *t = (rp_traceback_t *)tb;
        rp_code_t *co = (rp_code_t *)tb_code(t);
        rp_obj_t *filename = co ? co->filename : NULL;
        rp_obj_t *name = co ? co->name : NULL;
        if (!last_file || !same_str(filename, last_file) || last_line == -1 ||
            t->lineno != last_line || !last_name || !same_str(name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                print_repeated(b, cnt);
            last_file = filename;
            last_line = t->lineno;
            last_name = name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            rp_strbuf_append_format(b, "  File \"%S\", line %d, in %S\n",
                                    filename ? filename : rp_None, t->lineno,
                                    name ? name : rp_None);
            display_source_line(b, filename, t->lineno, co, t->lasti);
        }
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        print_repeated(b, cnt);
}

// ---------------------------------------------------------------------
// One exception

static rp_ssize_t int_field(rp_obj_t *v, rp_ssize_t dflt)
{
    if (!v || v == rp_None || !rp_int_check(v))
        return dflt;
    rp_ssize_t n = rp_int_as_ssize(v);
    if (n == -1 && rp_err_occurred()) {
        rp_err_clear();
        return dflt;
    }
    return n;
}

// CPython's print_error_text, in code points.
static void print_error_text(rp_strbuf_t *b, rp_ssize_t offset, rp_ssize_t end_offset,
                             rp_obj_t *text_obj)
{
    rp_ssize_t caret_repetitions =
        (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    rp_ssize_t n = rp_str_len(text_obj);
    rp_ssize_t i = 0;
    offset--;
    while (i < n) {
        uint32_t c = rp_str_char(text_obj, i);
        if (c != ' ' && c != '\t' && c != '\f')
            break;
        i++;
        offset--;
    }
    rp_ssize_t len = n - i;
    if (len > 0 && rp_str_char(text_obj, n - 1) == '\n')
        len--;
    if (offset > len)
        offset = len;
    // Skip past newlines embedded in the text.
    for (;;) {
        rp_ssize_t nl = -1;
        for (rp_ssize_t k = i; k < n; k++) {
            if (rp_str_char(text_obj, k) == '\n') {
                nl = k;
                break;
            }
        }
        if (nl < 0)
            break;
        rp_ssize_t inl = nl - i;
        if (inl >= offset)
            break;
        inl += 1;
        i += inl;
        len -= inl;
        offset -= inl;
    }
    out(b, "    ");
    rp_obj_t *rest = rp_str_substr(text_obj, i, n);
    if (rest) {
        rp_strbuf_append_str(b, rest);
        rp_decref(rest);
    } else {
        rp_err_clear();
    }
    if (i + len >= n || rp_str_char(text_obj, i + len) != '\n')
        out(b, "\n");
    if (offset < 0)
        return;
    out(b, "    ");
    while (--offset >= 0)
        out(b, " ");
    for (rp_ssize_t k = 0; k < caret_repetitions; k++)
        out(b, "^");
    out(b, "\n");
}

// The "  File ..., line N" block of a SyntaxError; *message receives the
// bare message to print after the type name.
static void print_syntax_error_location(rp_strbuf_t *b, rp_exc_t *e, rp_obj_t **message)
{
    *message = e->msg ? e->msg : rp_None;
    rp_obj_t *filename = e->filename && e->filename != rp_None ? e->filename : NULL;
    rp_ssize_t lineno = int_field(e->lineno, 0);
    rp_ssize_t offset = int_field(e->offset, -1);
    rp_ssize_t end_lineno, end_offset;
    if (RP_OBJ(e)->type == &rp_exc_SyntaxError) {
        end_lineno = int_field(e->end_lineno, lineno);
        end_offset = int_field(e->end_offset, -1);
    } else {
        end_lineno = lineno;
        end_offset = -1;
    }
    if (filename)
        rp_strbuf_append_format(b, "  File \"%S\", line %zd\n", filename, lineno);
    else
        rp_strbuf_append_format(b, "  File \"<string>\", line %zd\n", lineno);
    rp_obj_t *text = e->text;
    if (text && text != rp_None && rp_str_check(text)) {
        rp_ssize_t line_size = rp_str_len(text);
        if (end_lineno > lineno)
            end_offset = line_size;
        if (end_offset > line_size + 1)
            end_offset = line_size + 1;
        print_error_text(b, offset, end_offset, text);
    }
}

// "module.Qualname" of an exception class ("builtins" and "__main__"
// omitted, as CPython 3.11 prints them).
static void print_type_name(rp_strbuf_t *b, rp_type_t *t)
{
    rp_obj_t *module = rp_obj_getattr_cstr(RP_OBJ(t), "__module__");
    if (!module || !rp_str_check(module)) {
        rp_xdecref(module);
        rp_err_clear();
        out(b, "<unknown>.");
    } else {
        if (!rp_str_eq_cstr(module, "builtins") &&
            !rp_str_eq_cstr(module, "__main__")) {
            rp_strbuf_append_str(b, module);
            out(b, ".");
        }
        rp_decref(module);
    }
    rp_obj_t *qualname = rp_obj_getattr_cstr(RP_OBJ(t), "__qualname__");
    if (!qualname || !rp_str_check(qualname)) {
        rp_xdecref(qualname);
        rp_err_clear();
        out(b, rp_type_name(t));
    } else {
        rp_strbuf_append_str(b, qualname);
        rp_decref(qualname);
    }
}

static void print_notes(rp_strbuf_t *b, rp_obj_t *exc)
{
    rp_obj_t *notes = rp_exc_notes_borrow(exc);
    if (!notes)
        return;
    if (!rp_list_check(notes) && !rp_tuple_check(notes)) {
        rp_obj_t *r = rp_obj_repr(notes);
        if (r) {
            rp_strbuf_append_str(b, r);
            out(b, "\n");
            rp_decref(r);
        }
        rp_err_clear();
        return;
    }
    rp_obj_t *seq = rp_list_check(notes) ? rp_list_as_tuple(notes) : rp_newref(notes);
    if (!seq) {
        rp_err_clear();
        return;
    }
    for (rp_ssize_t i = 0; i < rp_tuple_len(seq); i++) {
        rp_obj_t *note = rp_tuple_get_borrow(seq, i);
        rp_obj_t *s = rp_str_check(note) ? rp_newref(note) : rp_obj_str(note);
        if (s) {
            rp_strbuf_append_str(b, s);
            rp_decref(s);
        } else {
            rp_err_clear();
            out(b, "<note str() failed>");
        }
        out(b, "\n");
    }
    rp_decref(seq);
}

static void print_one(rp_strbuf_t *b, rp_obj_t *exc)
{
    if (!rp_exc_check(exc)) {
        rp_strbuf_append_format(b, "TypeError: print_exception(): Exception expected for "
                                   "value, %s found\n", rp_type_name(exc->type));
        return;
    }
    rp_exc_t *e = (rp_exc_t *)exc;
    if (e->traceback)
        print_traceback(b, e->traceback);
    rp_obj_t *value = exc;
    // CPython's parse_syntax_error gives up (and the exception prints
    // like any other) when lineno is not an int.
    if (rp_obj_is_instance_of(exc, &rp_exc_SyntaxError) && e->lineno && rp_int_check(e->lineno))
        print_syntax_error_location(b, e, &value);
    print_type_name(b, exc->type);
    if (value != rp_None) {
        rp_obj_t *s = rp_obj_str(value);
        if (!s) {
            rp_err_clear();
            out(b, ": <exception str() failed>");
        } else {
            if (!rp_str_check(s) || rp_str_len(s) != 0)
                out(b, ": ");
            rp_strbuf_append_str(b, s);
            rp_decref(s);
        }
    }
    rp_obj_t *sugg = rp_vm_offer_suggestions(exc);
    if (sugg) {
        out(b, ". Did you mean: '");
        rp_strbuf_append_str(b, sugg);
        out(b, "'?");
        rp_decref(sugg);
    }
    out(b, "\n");
    print_notes(b, exc);
}

// ---------------------------------------------------------------------
// Chains

typedef struct {
    rp_obj_t **items;
    size_t n, cap;
} seen_t;

static bool seen_has(seen_t *s, rp_obj_t *o)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i] == o)
            return true;
    return false;
}

static void seen_add(seen_t *s, rp_obj_t *o)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        rp_obj_t **ni = realloc(s->items, cap * sizeof *ni);
        if (!ni)
            return;
        s->items = ni;
        s->cap = cap;
    }
    s->items[s->n++] = o;
}

static void print_recursive(rp_strbuf_t *b, rp_obj_t *exc, seen_t *seen, int depth)
{
    seen_add(seen, exc);
    if (rp_exc_check(exc) && depth < 1000) {
        rp_exc_t *e = (rp_exc_t *)exc;
        if (e->cause) {
            if (!seen_has(seen, e->cause)) {
                print_recursive(b, e->cause, seen, depth + 1);
                out(b, "\nThe above exception was the direct cause of the following "
                       "exception:\n\n");
            }
        } else if (e->context && !e->suppress_context) {
            if (!seen_has(seen, e->context)) {
                print_recursive(b, e->context, seen, depth + 1);
                out(b, "\nDuring handling of the above exception, another exception "
                       "occurred:\n\n");
            }
        }
    }
    print_one(b, exc);
}

void rp_err_print_exception(rp_obj_t *exc)
{
    rp_obj_t *saved = rp_err_fetch();
    rp_incref(exc);
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    seen_t seen = {0};
    print_recursive(&b, exc, &seen, 0);
    free(seen.items);
    finish_and_write(&b);
    rp_decref(exc);
    rp_err_restore(saved);
}

void rp_err_print(void)
{
    rp_obj_t *exc = rp_err_fetch();
    if (!exc)
        return;
    // sys.excepthook, when replaced by the program, prints instead.
    rp_obj_t *hook = NULL, *orig = NULL;
    if (rp_interp.sys_module) {
        rp_obj_t *d = rp_module_dict_borrow(rp_interp.sys_module);
        hook = rp_dict_get_cstr_borrow(d, "excepthook");
        orig = rp_dict_get_cstr_borrow(d, "__excepthook__");
        rp_dict_set_cstr(d, "last_type", RP_OBJ(exc->type));
        rp_dict_set_cstr(d, "last_value", exc);
        rp_obj_t *tb = ((rp_exc_t *)exc)->traceback;
        rp_dict_set_cstr(d, "last_traceback", tb ? tb : rp_None);
        rp_err_clear();
    }
    if (hook && hook != orig) {
        rp_obj_t *tb = ((rp_exc_t *)exc)->traceback;
        rp_obj_t *a[3] = {RP_OBJ(exc->type), exc, tb ? tb : rp_None};
        rp_incref(hook);
        rp_obj_t *r = rp_obj_call(hook, a, 3, NULL);
        rp_decref(hook);
        if (r) {
            rp_decref(r);
            rp_decref(exc);
            return;
        }
        rp_obj_t *exc2 = rp_err_fetch();
        rp_strbuf_t b;
        rp_strbuf_init(&b);
        out(&b, "Error in sys.excepthook:\n");
        finish_and_write(&b);
        if (exc2) {
            rp_err_print_exception(exc2);
            rp_decref(exc2);
        }
        rp_strbuf_init(&b);
        out(&b, "\nOriginal exception was:\n");
        finish_and_write(&b);
    }
    rp_err_print_exception(exc);
    rp_decref(exc);
}

void rp_err_write_unraisable(rp_obj_t *obj)
{
    rp_obj_t *exc = rp_err_fetch();
    if (!exc)
        return;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    if (obj && obj != rp_None) {
        out(&b, "Exception ignored in: ");
        rp_obj_t *r = rp_obj_repr(obj);
        if (r) {
            rp_strbuf_append_str(&b, r);
            rp_decref(r);
        } else {
            rp_err_clear();
            out(&b, "<object repr() failed>");
        }
        out(&b, "\n");
    }
    if (rp_exc_check(exc)) {
        rp_exc_t *e = (rp_exc_t *)exc;
        if (e->traceback)
            print_traceback(&b, e->traceback);
        print_type_name(&b, exc->type);
        out(&b, ": ");
        rp_obj_t *s = rp_obj_str(exc);
        if (s) {
            rp_strbuf_append_str(&b, s);
            rp_decref(s);
        } else {
            rp_err_clear();
            out(&b, "<exception str() failed>");
        }
    }
    out(&b, "\n");
    finish_and_write(&b);
    rp_decref(exc);
}
