// The compile context of one unit: identifiers, name mangling, the
// SyntaxError and SyntaxWarning reporting, and object lifetimes.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compile/cctx.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/file.h"
#include "memory/alloc.h"

// The C recursion limit scaled like CPython's COMPILER_STACK_FRAME_SCALE.
#define FRAME_SCALE 3

void rp_cctx_init(rp_cctx_t *cx, rp_obj_t *filename, const char *source,
                  size_t source_len, rp_compile_mode_t mode, rp_unit_info_t unit)
{
    memset(cx, 0, sizeof *cx);
    cx->filename = filename;
    cx->source = source;
    cx->source_len = source_len;
    cx->mode = mode;
    cx->unit = unit;
    rp_const_cache_init(&cx->consts);
    rp_ptrmap_init(&cx->idents);
    int limit = rp_recursion_limit > 0 ? rp_recursion_limit : 1000;
    cx->depth = (rp_recursion_depth > 0 ? rp_recursion_depth : 0) * FRAME_SCALE;
    cx->depth_limit = limit * FRAME_SCALE;
}

void rp_cctx_fini(rp_cctx_t *cx)
{
    for (size_t i = 0; i < cx->idents.cap; i++)
        if (cx->idents.e[i].key)
            rp_decref((rp_obj_t *)cx->idents.e[i].value);
    rp_ptrmap_free(&cx->idents);
    for (int i = 0; i < cx->nkeep; i++)
        rp_decref(cx->keep[i]);
    rp_mem_free(cx->keep);
    cx->keep = NULL;
    while (cx->blocks) {
        void *next = *(void **)cx->blocks;
        rp_mem_free(cx->blocks);
        cx->blocks = next;
    }
    cx->nkeep = cx->capkeep = 0;
    rp_const_cache_fini(&cx->consts);
}

rp_obj_t *rp_cctx_keep_take(rp_cctx_t *cx, rp_obj_t *o)
{
    if (!o)
        return NULL;
    if (cx->nkeep == cx->capkeep) {
        int ncap = cx->capkeep ? cx->capkeep * 2 : 16;
        rp_obj_t **nk = (rp_obj_t **)rp_mem_realloc(cx->keep, (size_t)ncap * sizeof *nk);
        if (!nk) {
            rp_decref(o);
            rp_err_nomemory();
            return NULL;
        }
        cx->keep = nk;
        cx->capkeep = ncap;
    }
    cx->keep[cx->nkeep++] = o;
    return o;
}

void *rp_cctx_alloc(rp_cctx_t *cx, size_t n)
{
    // Each block starts with the link to the next, padded to RP_ALIGN.
    char *b = (char *)rp_mem_calloc(1, RP_ALIGN + n);
    if (!b) {
        rp_err_nomemory();
        return NULL;
    }
    *(void **)b = cx->blocks;
    cx->blocks = b;
    return b + RP_ALIGN;
}

rp_obj_t *rp_cctx_ident(rp_cctx_t *cx, const char *id)
{
    intptr_t v;
    if (rp_ptrmap_get(&cx->idents, id, &v))
        return (rp_obj_t *)v;
    rp_obj_t *s = rp_str_intern_cstr(id);
    if (!s)
        return NULL;
    if (rp_ptrmap_set(&cx->idents, id, (intptr_t)s) < 0) {
        rp_decref(s);
        rp_err_nomemory();
        return NULL;
    }
    return s;
}

rp_obj_t *rp_cctx_mangle(rp_cctx_t *cx, rp_obj_t *privateobj, rp_obj_t *name)
{
    if (!privateobj)
        return name;
    rp_ssize_t nlen;
    const char *n = rp_str_utf8(name, &nlen);
    if (!n)
        return NULL;
    if (nlen < 2 || n[0] != '_' || n[1] != '_')
        return name;
    // Don't mangle __dunder__ names or dotted names (import a.__b).
    if ((n[nlen - 1] == '_' && n[nlen - 2] == '_') || memchr(n, '.', (size_t)nlen))
        return name;
    rp_ssize_t plen;
    const char *p = rp_str_utf8(privateobj, &plen);
    if (!p)
        return NULL;
    while (plen > 0 && *p == '_') {
        p++;
        plen--;
    }
    if (plen == 0)
        return name;    // class name made only of underscores
    size_t total = 1 + (size_t)plen + (size_t)nlen;
    char *buf = (char *)rp_mem_alloc(total + 1);
    if (!buf) {
        rp_err_nomemory();
        return NULL;
    }
    buf[0] = '_';
    memcpy(buf + 1, p, (size_t)plen);
    memcpy(buf + 1 + plen, n, (size_t)nlen);
    buf[total] = '\0';
    rp_obj_t *m = rp_str_intern_utf8(buf, (rp_ssize_t)total);
    rp_mem_free(buf);
    return rp_cctx_keep_take(cx, m);
}

// The source line `lineno` (1-based) with its newline, as a malloc'd
// string, or NULL when the unit has no file text.
static char *source_line(rp_cctx_t *cx, int lineno)
{
    if (!cx->source || cx->unit.kind != RP_UNIT_SCRIPT || lineno < 1)
        return NULL;
    const char *s = cx->source, *end = s + cx->source_len;
    for (int l = 1; l < lineno && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    if (s >= end)
        return NULL;
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    if (n > 0 && s[n - 1] == '\r')
        n--;
    // CPython reads the line back from the file 999 bytes at a time and
    // keeps the last piece: a line longer than that shows only its tail.
    size_t whole = n + (nl ? 1 : 0);
    if (whole > 999) {
        size_t tail = whole % 999 ? whole % 999 : 999;
        size_t skip = whole - tail;
        s += skip;
        n = n > skip ? n - skip : 0;
    }
    char *out = (char *)rp_mem_alloc(n + 2);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    if (nl)
        out[n++] = '\n';
    out[n] = '\0';
    return out;
}

// printf into a new rp_mem buffer; NULL with MemoryError set.
static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *buf = (char *)rp_mem_alloc((size_t)n + 1);
    if (!buf) {
        rp_err_nomemory();
        return NULL;
    }
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    return buf;
}

int rp_cctx_error(rp_cctx_t *cx, int lineno, int col, int end_lineno,
                  int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    char *text = source_line(cx, lineno);
    rp_obj_t *exc = rp_exc_new_syntax(&rp_exc_SyntaxError, msg, cx->filename, lineno,
                                      col + 1, text, end_lineno, end_col + 1);
    rp_mem_free(text);
    rp_mem_free(msg);
    if (exc)
        rp_err_restore(exc);
    return -1;
}

int rp_cctx_warn(rp_cctx_t *cx, int lineno, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return -1;
    const char *fname = rp_str_utf8(cx->filename, NULL);
    if (!fname) {
        rp_mem_free(msg);
        return -1;
    }
    char *line = source_line(cx, lineno);
    rp_file_flush_std();
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", fname, lineno, msg);
    if (line) {
        const char *a = line;
        size_t n = strlen(line);
        while (*a == ' ' || *a == '\t' || *a == '\f' || *a == '\v' || *a == '\r' || *a == '\n')
            a++;
        while (n > (size_t)(a - line) &&
               (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\n' ||
                line[n - 1] == '\r' || line[n - 1] == '\f' || line[n - 1] == '\v'))
            n--;
        if (n > (size_t)(a - line))
            fprintf(stderr, "  %.*s\n", (int)(n - (size_t)(a - line)), a);
        rp_mem_free(line);
    }
    fflush(stderr);
    rp_mem_free(msg);
    return 0;
}
