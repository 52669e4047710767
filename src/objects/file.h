// File objects returned by open() and used for sys.stdin/stdout/stderr:
// text mode (UTF-8) over a file descriptor with our own buffering;
// binary modes read and write bytes.
#ifndef RP_FILE_H
#define RP_FILE_H

#include "object.h"

extern rp_type_t rp_type_file;          // _io.TextIOWrapper
extern rp_type_t rp_type_file_binary;   // _io.BufferedReader / BufferedWriter

static inline bool rp_file_check(const rp_obj_t *o)
{
    return o->type == &rp_type_file || o->type == &rp_type_file_binary;
}

// builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None): vectorcall arguments.  OSError subclasses on failure
// (FileNotFoundError "[Errno 2] No such file or directory: 'x'").
// New reference or NULL with an exception set.
rp_obj_t *rp_file_open(rp_obj_t *const *args, size_t nargs, rp_obj_t *kwnames);
// A text file object over an already open descriptor (sys.stdout etc.):
// name is shown in repr ("<stdout>"), mode "r" or "w".  Writes are line
// buffered when fd is a terminal, block buffered otherwise.  The
// descriptor is not closed when the object dies.  New reference.
rp_obj_t *rp_file_from_fd(int fd, const char *name, const char *mode);
// Writes the str s to a text file object (print's fast path); falls back
// to calling s.write for other objects.  0 / -1 with an exception set.
int rp_file_write_str(rp_obj_t *file, rp_obj_t *s);
// Raises the OSError subclass for errno err (FileNotFoundError for
// ENOENT, ...) built as type(err, strerror(err)[, filename]); filename
// may be NULL.  Always returns NULL.
rp_obj_t *rp_file_raise_errno(int err, rp_obj_t *filename);
// Makes the standard streams created afterwards by rp_file_from_fd write
// through (every write reaches the descriptor at once), as `-u` and
// PYTHONUNBUFFERED do.  Call before the runtime is initialised.
void rp_file_set_std_unbuffered(void);
// Flushes the buffers of every standard stream created by
// rp_file_from_fd (before printing tracebacks and at exit).
void rp_file_flush_std(void);
// CPython's flush_io after each interactive statement: flushes standard
// error and output as their flush() does, text layer included (the
// pending-text model of note_pending in file.c).
void rp_file_flush_std_text(void);
// At finalisation: flushes the standard streams and frees their (empty)
// buffers, and drops io.UnsupportedOperation; all are made again on the
// next use.
void rp_file_fini(void);

#endif
