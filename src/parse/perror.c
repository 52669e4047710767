// Filling rp_parse_error_t: message formatting, the source line copy and
// CPython's conversion of byte columns to character offsets.
#include "parse/parse_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rp_parse_error_clear(rp_parse_error_t *err)
{
    if (err == NULL) {
        return;
    }
    free(err->text);
    memset(err, 0, sizeof(*err));
}

void rp_perr_setv(rp_parse_error_t *err, rp_perr_kind_t kind, int lineno,
                  int offset, int end_lineno, int end_offset,
                  const char *text, size_t text_len, const char *fmt,
                  va_list ap)
{
    free(err->text);
    err->text = NULL;
    err->kind = kind;
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    err->lineno = lineno;
    err->offset = offset;
    err->end_lineno = end_lineno;
    err->end_offset = end_offset;
    if (text != NULL) {
        err->text = malloc(text_len + 1);
        if (err->text != NULL) {
            memcpy(err->text, text, text_len);
            err->text[text_len] = '\0';
        }
    }
}

void rp_perr_set(rp_parse_error_t *err, rp_perr_kind_t kind, int lineno,
                 int offset, int end_lineno, int end_offset,
                 const char *text, size_t text_len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_perr_setv(err, kind, lineno, offset, end_lineno, end_offset, text,
                 text_len, fmt, ap);
    va_end(ap);
}

int rp_utf8_count(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

int rp_perr_byte_to_char(const char *line, size_t len, int col)
{
    if (col <= 0) {
        return col;
    }
    if ((size_t)col > len + 1) {
        col = (int)len + 1;
    }
    if ((size_t)col > len) {
        return rp_utf8_count(line, len) + 1;
    }
    return rp_utf8_count(line, (size_t)col);
}

size_t rp_line_len(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

const char *rp_find_line(const char *buf, const char *end, int lineno)
{
    const char *s = buf;
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL) {
            return NULL;
        }
        s = nl + 1;
    }
    return s < end || lineno == 1 ? s : NULL;
}
