// File objects: open() in text (UTF-8, universal newlines) and binary
// modes over a raw descriptor with our own read and write buffers, and
// the sys.stdin/stdout/stderr streams (line-buffered on terminals).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objects/file.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/typeobj.h"
#include "memory/alloc.h"

/*
 * Invariants:
 *
 * - At most one of the buffers holds data: pending writes (wlen > 0) are
 *   flushed before reading, and unread buffered input is given back with
 *   lseek before writing, so the descriptor offset plus buffers always
 *   describe the logical position.
 * - rbuf[rpos..rlen) is raw input not yet returned.  Text mode decodes
 *   UTF-8 and, unless newline='' was given, translates \r\n and \r to \n
 *   as it hands data out.
 */

#define BUF_SIZE 8192

typedef struct rp_file {
    rp_obj_t ob;
    int fd;
    bool readable, writable, append;
    bool closed, closefd, binary, line_buffered, translate, is_std;
    bool write_through;     // flush after every write (-u std streams)
    rp_obj_t *name;         // str or int
    rp_obj_t *mode;         // str
    rp_obj_t *encoding;     // str (text mode)
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
    bool eof;
    // CPython's TextIOWrapper model (text mode): writes since the last
    // flush of its pending text, their size in bytes, and the list it
    // would hold them in (see note_pending).
    int pending_n;
    size_t pending_bytes;
    rp_obj_t *pending_list;
} rp_file_t;

#define MAX_STD 3
static rp_file_t *std_files[MAX_STD];

// ---------------------------------------------------------------------
// Errors

rp_obj_t *rp_file_raise_errno(int err, rp_obj_t *filename)
{
    rp_type_t *t = &rp_exc_OSError;
    switch (err) {
    case ENOENT: t = &rp_exc_FileNotFoundError; break;
    case EEXIST: t = &rp_exc_FileExistsError; break;
    case EISDIR: t = &rp_exc_IsADirectoryError; break;
    case EACCES: case EPERM: t = &rp_exc_PermissionError; break;
    }
    rp_obj_t *args[3];
    args[0] = rp_int_from_i64(err);
    args[1] = rp_str_from_cstr(strerror(err));
    args[2] = filename;
    if (args[0] && args[1]) {
        rp_obj_t *exc = rp_obj_call(RP_OBJ(t), args, filename ? 3 : 2, NULL);
        if (exc) {
            rp_err_set_object(exc);
            rp_decref(exc);
        }
    }
    rp_xdecref(args[0]);
    rp_xdecref(args[1]);
    return NULL;
}

static int check_open(rp_file_t *f)
{
    if (f->closed) {
        rp_err_set(&rp_exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

// io.UnsupportedOperation(OSError, ValueError), created on first use and
// kept for the life of the process.
static rp_obj_t *unsupported_operation;

static void raise_unsupported(const char *msg)
{
    if (unsupported_operation == NULL) {
        rp_obj_t *name = rp_str_from_cstr("UnsupportedOperation");
        rp_obj_t *bases = rp_tuple_pack(2, RP_OBJ(&rp_exc_OSError), RP_OBJ(&rp_exc_ValueError));
        rp_obj_t *ns = rp_dict_new();
        rp_obj_t *mod = rp_str_from_cstr("io");
        if (name && bases && ns && mod && rp_dict_set_cstr(ns, "__module__", mod) == 0)
            unsupported_operation = rp_type_new_heap(name, bases, ns);
        rp_xdecref(name);
        rp_xdecref(bases);
        rp_xdecref(ns);
        rp_xdecref(mod);
        if (unsupported_operation == NULL)
            return;
    }
    rp_err_set((rp_type_t *)unsupported_operation, msg);
}

static int check_readable(rp_file_t *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        raise_unsupported("not readable");
        return -1;
    }
    return 0;
}

static int check_writable(rp_file_t *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->writable) {
        raise_unsupported("not writable");
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------
// Buffering

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int flush_writes(rp_file_t *f)
{
    if (f->wlen == 0)
        return 0;
    size_t n = f->wlen;
    f->wlen = 0;
    if (write_all(f->fd, f->wbuf, n) < 0) {
        rp_file_raise_errno(errno, NULL);
        return -1;
    }
    return 0;
}

// CPython's TextIOWrapper keeps written text pending until 8192 bytes
// gather or it flushes (write-through, a line break when line buffered,
// flush(), close, reading, seeking): the first text waits alone, the
// second turns the pending data into a list, a gc object freed at the
// flush.  refpy's text files make and free that list at the same points,
// so the gc counts and the list free list follow CPython's.
#define TEXT_CHUNK_SIZE 8192

static void flush_pending(rp_file_t *f)
{
    f->pending_n = 0;
    f->pending_bytes = 0;
    rp_clear(&f->pending_list);
}

static void note_pending(rp_file_t *f, size_t n, bool flush)
{
    if (f->pending_n == 0) {
        f->pending_bytes = 0;
        f->pending_n = 1;
    } else if (f->pending_bytes + n > TEXT_CHUNK_SIZE) {
        flush_pending(f);
        f->pending_n = 1;
    } else if (f->pending_n++ == 1) {
        f->pending_list = rp_list_new(0);
        if (!f->pending_list)
            rp_err_clear();
    }
    f->pending_bytes += n;
    if (f->pending_bytes >= TEXT_CHUNK_SIZE || flush)
        flush_pending(f);
}

// Flushes the text layer (the pending model) and the buffer.
static int flush_text(rp_file_t *f)
{
    if (f->pending_n)
        flush_pending(f);
    return flush_writes(f);
}

// Drops buffered input, moving the descriptor back to the logical
// position (before a write or seek).
static void drop_reads(rp_file_t *f)
{
    if (f->rlen > f->rpos)
        lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->eof = false;
}

static int buffer_write(rp_file_t *f, const char *p, size_t n)
{
    if (f->rlen > f->rpos || f->rlen)
        drop_reads(f);
    if (f->wlen + n > f->wcap) {
        if (flush_writes(f) < 0)
            return -1;
        if (n >= BUF_SIZE) {
            if (write_all(f->fd, p, n) < 0) {
                rp_file_raise_errno(errno, NULL);
                return -1;
            }
            return 0;
        }
        if (!f->wbuf) {
            f->wbuf = rp_mem_alloc(BUF_SIZE);
            if (!f->wbuf) {
                rp_err_nomemory();
                return -1;
            }
            f->wcap = BUF_SIZE;
        }
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    bool flush = f->write_through || (f->line_buffered && memchr(p, '\n', n));
    if (!f->binary)
        note_pending(f, n, flush);
    if (flush)
        return flush_writes(f);
    return 0;
}

// Reads more input; returns bytes added (0 at EOF) or -1 with exception.
static ssize_t fill(rp_file_t *f)
{
    if (flush_text(f) < 0)
        return -1;
    if (f->eof)
        return 0;
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < BUF_SIZE / 2) {
        size_t ncap = f->rcap ? f->rcap * 2 : BUF_SIZE;
        char *nb = rp_mem_realloc(f->rbuf, ncap);
        if (!nb) {
            rp_err_nomemory();
            return -1;
        }
        f->rbuf = nb;
        f->rcap = ncap;
    }
    for (;;) {
        ssize_t r = read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            rp_file_raise_errno(errno, NULL);
            return -1;
        }
        if (r == 0)
            f->eof = true;
        f->rlen += (size_t)r;
        return r;
    }
}

// Appends translated text from the read buffer to out until a stop
// condition.  mode 0: everything; 1: through the first '\n'; 2: at most
// `limit` code points (text) or bytes (binary).  Returns 0 / -1.
static int take(rp_file_t *f, char **out, size_t *olen, size_t *ocap, int mode,
                rp_ssize_t limit)
{
    rp_ssize_t count = 0;
    for (;;) {
        while (f->rpos < f->rlen) {
            if (mode == 2 && count >= limit)
                return 0;
            unsigned char c = (unsigned char)f->rbuf[f->rpos];
            if (!f->binary && f->translate && c == '\r') {
                // Need the next byte to decide between \r\n and \r.
                if (f->rpos + 1 >= f->rlen && !f->eof) {
                    ssize_t r = fill(f);
                    if (r < 0)
                        return -1;
                    continue;
                }
                f->rpos++;
                if (f->rpos < f->rlen && f->rbuf[f->rpos] == '\n')
                    f->rpos++;
                c = '\n';
            } else {
                f->rpos++;
            }
            if (*olen + 1 >= *ocap) {
                size_t ncap = *ocap ? *ocap * 2 : 256;
                char *nb = realloc(*out, ncap);
                if (!nb) {
                    rp_err_nomemory();
                    return -1;
                }
                *out = nb;
                *ocap = ncap;
            }
            (*out)[(*olen)++] = (char)c;
            // Count code points by their lead bytes.
            if (f->binary || (c & 0xC0) != 0x80) {
                if (!f->binary && mode == 2 && c >= 0x80) {
                    // Copy the continuation bytes of this character too.
                    while (true) {
                        if (f->rpos >= f->rlen) {
                            if (f->eof)
                                break;
                            ssize_t r = fill(f);
                            if (r < 0)
                                return -1;
                            if (r == 0)
                                break;
                        }
                        unsigned char d = (unsigned char)f->rbuf[f->rpos];
                        if ((d & 0xC0) != 0x80)
                            break;
                        f->rpos++;
                        if (*olen + 1 >= *ocap) {
                            size_t ncap = *ocap * 2;
                            char *nb = realloc(*out, ncap);
                            if (!nb) {
                                rp_err_nomemory();
                                return -1;
                            }
                            *out = nb;
                            *ocap = ncap;
                        }
                        (*out)[(*olen)++] = (char)d;
                    }
                }
                count++;
            }
            if (mode == 1 && c == '\n')
                return 0;
            if (mode == 2 && count >= limit)
                return 0;
        }
        ssize_t r = fill(f);
        if (r < 0)
            return -1;
        if (r == 0 && f->rpos >= f->rlen)
            return 0;
    }
}

static rp_obj_t *make_result(rp_file_t *f, char *buf, size_t len)
{
    rp_obj_t *r = f->binary ? rp_bytes_from(buf ? buf : "", (rp_ssize_t)len)
                            : rp_str_from_utf8(buf ? buf : "", (rp_ssize_t)len);
    free(buf);
    return r;
}

// ---------------------------------------------------------------------
// Methods

#define SELF ((rp_file_t *)self)
#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

static int size_arg(rp_obj_t *const *args, size_t nargs, const char *name, rp_ssize_t *n)
{
    *n = -1;
    if (rp_arg_count(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs && args[0] != rp_None) {
        if (!rp_int_check(args[0])) {
            rp_err_format(&rp_exc_TypeError, "argument should be integer or None, not '%.200s'",
                          rp_type_name(args[0]->type));
            return -1;
        }
        *n = rp_int_as_ssize(args[0]);
        if (*n == -1 && rp_err_occurred())
            return -1;
    }
    return 0;
}

FN(file_read)
{
    rp_ssize_t n;
    if (size_arg(args, nargs, "read", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (take(SELF, &buf, &len, &cap, n < 0 ? 0 : 2, n) < 0) {
        free(buf);
        return NULL;
    }
    return make_result(SELF, buf, len);
}

FN(file_readline)
{
    rp_ssize_t n;
    if (size_arg(args, nargs, "readline", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (n == 0)
        return make_result(SELF, NULL, 0);
    if (n > 0) {
        // Up to n characters, stopping after a newline.
        for (rp_ssize_t i = 0; i < n; i++) {
            size_t before = len;
            if (take(SELF, &buf, &len, &cap, 2, 1) < 0) {
                free(buf);
                return NULL;
            }
            if (len == before || buf[len - 1] == '\n')
                break;
        }
        return make_result(SELF, buf, len);
    }
    if (take(SELF, &buf, &len, &cap, 1, 0) < 0) {
        free(buf);
        return NULL;
    }
    return make_result(SELF, buf, len);
}

static rp_obj_t *file_iternext(rp_obj_t *self)
{
    if (check_readable(SELF) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (take(SELF, &buf, &len, &cap, 1, 0) < 0) {
        free(buf);
        return NULL;
    }
    if (len == 0) {
        free(buf);
        return NULL;
    }
    return make_result(SELF, buf, len);
}

static rp_obj_t *file_iter(rp_obj_t *self)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_newref(self);
}

FN(file_readlines)
{
    rp_ssize_t hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0 || check_readable(SELF) < 0)
        return NULL;
    rp_obj_t *list = rp_list_new(0);
    if (!list)
        return NULL;
    rp_ssize_t total = 0;
    rp_obj_t *line;
    while ((line = file_iternext(self))) {
        total += SELF->binary ? rp_bytes_len(line) : rp_str_len(line);
        if (rp_list_append_take(list, line) < 0) {
            rp_decref(list);
            return NULL;
        }
        if (hint > 0 && total >= hint)
            break;
    }
    if (rp_err_occurred()) {
        rp_decref(list);
        return NULL;
    }
    return list;
}

static rp_obj_t *write_one(rp_file_t *f, rp_obj_t *s)
{
    if (f->binary) {
        if (!rp_bytes_check(s))
            return rp_err_format(&rp_exc_TypeError, "a bytes-like object is required, not '%.200s'",
                                 rp_type_name(s->type));
        if (buffer_write(f, rp_bytes_data(s), (size_t)rp_bytes_len(s)) < 0)
            return NULL;
        return rp_int_from_ssize(rp_bytes_len(s));
    }
    if (!rp_str_check(s))
        return rp_err_format(&rp_exc_TypeError, "write() argument must be str, not %.200s",
                             rp_type_name(s->type));
    rp_ssize_t n;
    const char *u = rp_str_utf8(s, &n);
    if (!u || buffer_write(f, u, (size_t)n) < 0)
        return NULL;
    return rp_int_from_ssize(rp_str_len(s));
}

FN(file_write)
{
    if (rp_arg_count("write", nargs, 1, 1) < 0 || check_writable(SELF) < 0)
        return NULL;
    return write_one(SELF, args[0]);
}

int rp_file_write_str(rp_obj_t *file, rp_obj_t *s)
{
    if (file->type == &rp_type_file && rp_str_check(s)) {
        rp_file_t *f = (rp_file_t *)file;
        if (check_writable(f) < 0)
            return -1;
        rp_ssize_t n;
        const char *u = rp_str_utf8(s, &n);
        if (!u)
            return -1;
        return buffer_write(f, u, (size_t)n);
    }
    rp_obj_t *r = rp_obj_call_method(file, "write", &s, 1);
    if (!r)
        return -1;
    rp_decref(r);
    return 0;
}

FN(file_writelines)
{
    if (rp_arg_count("writelines", nargs, 1, 1) < 0 || check_writable(SELF) < 0)
        return NULL;
    rp_obj_t *it = rp_obj_iter(args[0]);
    if (!it)
        return NULL;
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        rp_obj_t *r = write_one(SELF, item);
        rp_decref(item);
        if (!r) {
            rp_decref(it);
            return NULL;
        }
        rp_decref(r);
    }
    rp_decref(it);
    if (rp_err_occurred())
        return NULL;
    return rp_newref(rp_None);
}

FN(file_flush)
{
    if (check_open(SELF) < 0)
        return NULL;
    if (flush_text(SELF) < 0)
        return NULL;
    return rp_newref(rp_None);
}

static int do_close(rp_file_t *f)
{
    if (f->closed)
        return 0;
    int r = flush_text(f);
    f->closed = true;
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        rp_file_raise_errno(errno, NULL);
        r = -1;
    }
    rp_mem_free(f->wbuf);
    rp_mem_free(f->rbuf);
    f->wbuf = f->rbuf = NULL;
    f->wlen = f->wcap = f->rlen = f->rpos = f->rcap = 0;
    return r;
}

FN(file_close)
{
    if (do_close(SELF) < 0)
        return NULL;
    return rp_newref(rp_None);
}

FN(file_enter)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_newref(self);
}

FN(file_exit)
{
    if (do_close(SELF) < 0)
        return NULL;
    return rp_newref(rp_None);
}

FN(file_seek)
{
    if (rp_arg_count("seek", nargs, 1, 2) < 0 || check_open(SELF) < 0)
        return NULL;
    rp_ssize_t off = rp_number_as_ssize(args[0], NULL);
    if (off == -1 && rp_err_occurred())
        return NULL;
    rp_ssize_t whence = 0;
    if (nargs == 2) {
        whence = rp_number_as_ssize(args[1], NULL);
        if (whence == -1 && rp_err_occurred())
            return NULL;
    }
    if (flush_text(SELF) < 0)
        return NULL;
    drop_reads(SELF);
    off_t r = lseek(SELF->fd, (off_t)off, (int)whence);
    if (r < 0)
        return rp_file_raise_errno(errno, NULL);
    return rp_int_from_i64((int64_t)r);
}

FN(file_tell)
{
    if (check_open(SELF) < 0)
        return NULL;
    off_t r = lseek(SELF->fd, 0, SEEK_CUR);
    if (r < 0)
        return rp_file_raise_errno(errno, NULL);
    r += (off_t)SELF->wlen;
    r -= (off_t)(SELF->rlen - SELF->rpos);
    return rp_int_from_i64((int64_t)r);
}

FN(file_readable)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_bool_from(SELF->readable);
}

FN(file_writable)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_bool_from(SELF->writable);
}

FN(file_seekable)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_bool_from(lseek(SELF->fd, 0, SEEK_CUR) >= 0);
}

FN(file_fileno)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_int_from_i64(SELF->fd);
}

FN(file_isatty)
{
    if (check_open(SELF) < 0)
        return NULL;
    return rp_bool_from(isatty(SELF->fd));
}

static rp_obj_t *get_closed(rp_obj_t *self) { return rp_bool_from(SELF->closed); }
static rp_obj_t *get_name(rp_obj_t *self) { return rp_newref(SELF->name); }
static rp_obj_t *get_mode(rp_obj_t *self) { return rp_newref(SELF->mode); }
static rp_obj_t *get_encoding(rp_obj_t *self)
{
    return rp_newref(SELF->encoding ? SELF->encoding : rp_None);
}

static rp_obj_t *file_repr(rp_obj_t *self)
{
    rp_file_t *f = SELF;
    if (f->binary)
        return rp_str_from_format("<_io.%s name=%R>",
                                  f->readable && !f->writable ? "BufferedReader" :
                                  !f->readable ? "BufferedWriter" : "BufferedRandom",
                                  f->name);
    return rp_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>",
                              f->name, f->mode, f->encoding);
}

static void file_dealloc(rp_obj_t *self)
{
    rp_file_t *f = SELF;
    if (!f->closed) {
        if (do_close(f) < 0)
            rp_err_clear();
    }
    for (int i = 0; i < MAX_STD; i++)
        if (std_files[i] == f)
            std_files[i] = NULL;
    rp_xdecref(f->name);
    rp_xdecref(f->mode);
    rp_xdecref(f->encoding);
    rp_xdecref(f->pending_list);
    rp_obj_free(self);
}

// ---------------------------------------------------------------------
// Creation

static rp_file_t *file_new(bool binary)
{
    rp_file_t *f = (rp_file_t *)rp_obj_alloc(binary ? &rp_type_file_binary : &rp_type_file,
                                             sizeof(rp_file_t));
    if (!f)
        return NULL;
    memset((char *)f + sizeof(rp_obj_t), 0, sizeof(rp_file_t) - sizeof(rp_obj_t));
    f->fd = -1;
    f->binary = binary;
    f->translate = true;
    f->closed = true;   // until fully set up
    return f;
}

static bool std_unbuffered;

void rp_file_set_std_unbuffered(void)
{
    std_unbuffered = true;
}

rp_obj_t *rp_file_from_fd(int fd, const char *name, const char *mode)
{
    rp_file_t *f = file_new(false);
    if (!f)
        return NULL;
    f->fd = fd;
    f->readable = strchr(mode, 'r') != NULL;
    f->writable = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL;
    f->closefd = false;
    f->is_std = true;
    f->line_buffered = isatty(fd) || fd == 2;
    f->write_through = std_unbuffered;
    f->name = rp_str_from_cstr(name);
    f->mode = rp_str_from_cstr(mode);
    f->encoding = rp_str_from_cstr("utf-8");
    if (!f->name || !f->mode || !f->encoding) {
        rp_decref(RP_OBJ(f));
        return NULL;
    }
    f->closed = false;
    if (fd >= 0 && fd < MAX_STD) {
        // A safety net: buffered output reaches the descriptor even if
        // the process exits without an explicit flush.
        static bool registered;
        if (!registered) {
            registered = true;
            atexit(rp_file_flush_std);
        }
        std_files[fd] = f;
    }
    return RP_OBJ(f);
}

void rp_file_flush_std(void)
{
    for (int i = 0; i < MAX_STD; i++) {
        rp_file_t *f = std_files[i];
        if (f && !f->closed && f->wlen) {
            size_t n = f->wlen;
            f->wlen = 0;
            write_all(f->fd, f->wbuf, n);
        }
    }
}

void rp_file_flush_std_text(void)
{
    for (int i = 2; i >= 1; i--) {
        rp_file_t *f = std_files[i];
        if (f && !f->closed && flush_text(f) < 0)
            rp_err_clear();
    }
    rp_file_flush_std();
}

void rp_file_fini(void)
{
    rp_clear(&unsupported_operation);
    rp_file_flush_std();
    for (int i = 0; i < MAX_STD; i++) {
        rp_file_t *f = std_files[i];
        if (!f)
            continue;
        flush_pending(f);
        if (!f->wlen) {
            rp_mem_free(f->wbuf);
            f->wbuf = NULL;
            f->wcap = 0;
        }
        if (f->rpos >= f->rlen) {
            rp_mem_free(f->rbuf);
            f->rbuf = NULL;
            f->rcap = f->rlen = f->rpos = 0;
        }
    }
}

rp_obj_t *rp_file_open(rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames)
{
    static const char *const kwlist[] = { "file", "mode", "buffering", "encoding", "errors",
                                          "newline", "closefd", "opener", NULL };
    rp_obj_t *o[8];
    if (rp_arg_parse("open", args, nargs, kwnames, kwlist, 0, -1, 1, o) < 0)
        return NULL;
    rp_obj_t *file = o[0];
    const char *mode = "r";
    if (o[1]) {
        if (!rp_str_check(o[1]))
            return rp_err_format(&rp_exc_TypeError,
                                 "open() argument 'mode' must be str, not %.200s",
                                 rp_type_name(o[1]->type));
        mode = rp_str_utf8(o[1], NULL);
        if (!mode)
            return NULL;
    }
    int nrwxa = 0;
    bool rd = false, wr = false, plus = false, bin = false, txt = false, app = false, ex = false;
    for (const char *p = mode; *p; p++) {
        if (strchr("rwxa+bt", *p) == NULL || strchr(p + 1, *p) != NULL)
            return rp_err_format(&rp_exc_ValueError, "invalid mode: '%s'", mode);
        switch (*p) {
        case 'r': rd = true; nrwxa++; break;
        case 'w': wr = true; nrwxa++; break;
        case 'a': app = true; nrwxa++; break;
        case 'x': ex = true; nrwxa++; break;
        case '+': plus = true; break;
        case 'b': bin = true; break;
        case 't': txt = true; break;
        }
    }
    if (bin && txt)
        return rp_err_format(&rp_exc_ValueError, "can't have text and binary mode at once");
    if (nrwxa != 1)
        return rp_err_format(&rp_exc_ValueError,
                             "must have exactly one of create/read/write/append mode");
    rp_obj_t *enc = o[3] && o[3] != rp_None ? o[3] : NULL;
    if (bin && enc)
        return rp_err_format(&rp_exc_ValueError, "binary mode doesn't take an encoding argument");
    if (bin && o[4] && o[4] != rp_None)
        return rp_err_format(&rp_exc_ValueError, "binary mode doesn't take an errors argument");
    if (bin && o[5] && o[5] != rp_None)
        return rp_err_format(&rp_exc_ValueError, "binary mode doesn't take a newline argument");
    if (enc && !rp_str_check(enc))
        return rp_err_format(&rp_exc_TypeError,
                             "open() argument 'encoding' must be str or None, not %.200s",
                             rp_type_name(enc->type));
    bool translate = true;
    if (o[5] && o[5] != rp_None) {
        if (!rp_str_check(o[5]))
            return rp_err_format(&rp_exc_TypeError,
                                 "open() argument 'newline' must be str or None, not %.200s",
                                 rp_type_name(o[5]->type));
        if (rp_str_len(o[5]) == 0)
            translate = false;
        else if (!rp_str_eq_cstr(o[5], "\n") && !rp_str_eq_cstr(o[5], "\r") &&
                 !rp_str_eq_cstr(o[5], "\r\n"))
            return rp_err_format(&rp_exc_ValueError, "illegal newline value: %R", o[5]);
        else
            translate = false;
    }
    int flags = O_CLOEXEC;
    if (plus)
        flags |= O_RDWR;
    else if (rd)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    if (wr)
        flags |= O_CREAT | O_TRUNC;
    if (app)
        flags |= O_CREAT | O_APPEND;
    if (ex)
        flags |= O_CREAT | O_EXCL;

    int fd;
    bool closefd = true;
    if (rp_int_check(file)) {
        fd = (int)rp_int_as_ssize(file);
        if (fd == -1 && rp_err_occurred())
            return NULL;
        if (o[6]) {
            int c = rp_obj_is_true(o[6]);
            if (c < 0)
                return NULL;
            closefd = c;
        }
    } else if (rp_str_check(file)) {
        rp_ssize_t plen;
        const char *path = rp_str_utf8(file, &plen);
        if (!path)
            return NULL;
        if (strlen(path) != (size_t)plen)
            return rp_err_format(&rp_exc_ValueError, "embedded null byte");
        if (o[6] && !rp_obj_is_true(o[6]))
            return rp_err_format(&rp_exc_ValueError,
                                 "Cannot use closefd=False with file name");
        do {
            fd = open(path, flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0)
            return rp_file_raise_errno(errno, file);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return rp_file_raise_errno(EISDIR, file);
        }
    } else {
        return rp_err_format(&rp_exc_TypeError,
                             "expected str, bytes or os.PathLike object, not %.200s",
                             rp_type_name(file->type));
    }
    rp_file_t *f = file_new(bin);
    if (!f) {
        if (closefd)
            close(fd);
        return NULL;
    }
    f->fd = fd;
    f->closefd = closefd;
    f->readable = rd || plus;
    f->writable = wr || app || ex || plus;
    f->append = app;
    f->translate = translate;
    f->line_buffered = isatty(fd);
    f->name = rp_newref(file);
    // The mode attribute: text files show the mode without 't'; binary
    // files show it as given.
    char mbuf[8];
    size_t mi = 0;
    for (const char *p = mode; *p && mi < sizeof mbuf - 1; p++)
        if (*p != 't' || bin)
            mbuf[mi++] = *p;
    mbuf[mi] = '\0';
    f->mode = rp_str_from_cstr(mbuf);
    if (!bin)
        f->encoding = enc ? rp_newref(enc) : rp_str_from_cstr("UTF-8");
    f->closed = false;
    if (!f->mode || (!bin && !f->encoding)) {
        rp_decref(RP_OBJ(f));
        return NULL;
    }
    if (app)
        lseek(fd, 0, SEEK_END);
    return RP_OBJ(f);
}

// ---------------------------------------------------------------------
// Types

static const rp_method_def_t file_methods[] = {
    { "read", file_read, RP_METH_INSTANCE, "Read at most size characters from stream." },
    { "readline", file_readline, RP_METH_INSTANCE, "Read until newline or EOF." },
    { "readlines", file_readlines, RP_METH_INSTANCE, "Return a list of lines from the stream." },
    { "write", file_write, RP_METH_INSTANCE, "Write string to stream." },
    { "writelines", file_writelines, RP_METH_INSTANCE, "Write a list of lines to stream." },
    { "flush", file_flush, RP_METH_INSTANCE, "Flush write buffers." },
    { "close", file_close, RP_METH_INSTANCE, "Flush and close the IO object." },
    { "seek", file_seek, RP_METH_INSTANCE, "Change the stream position." },
    { "tell", file_tell, RP_METH_INSTANCE, "Return the current stream position." },
    { "readable", file_readable, RP_METH_INSTANCE, "Return whether object was opened for reading." },
    { "writable", file_writable, RP_METH_INSTANCE, "Return whether object was opened for writing." },
    { "seekable", file_seekable, RP_METH_INSTANCE, "Return whether object supports random access." },
    { "fileno", file_fileno, RP_METH_INSTANCE, "Returns underlying file descriptor if one exists." },
    { "isatty", file_isatty, RP_METH_INSTANCE, "Return whether this is an 'interactive' stream." },
    { "__enter__", file_enter, RP_METH_INSTANCE, NULL },
    { "__exit__", file_exit, RP_METH_INSTANCE, NULL },
    { NULL }
};

static const rp_getset_def_t file_getsets[] = {
    { "closed", get_closed, NULL, NULL },
    { "name", get_name, NULL, NULL },
    { "mode", get_mode, NULL, NULL },
    { "encoding", get_encoding, NULL, NULL },
    { NULL }
};

rp_type_t rp_type_file = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(rp_file_t),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .next = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
    .base = &rp_type_object,
};

rp_type_t rp_type_file_binary = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "_io.BufferedReader",
    .basicsize = sizeof(rp_file_t),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .next = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
    .base = &rp_type_object,
};
