// The os module (files and directories, process id, environment) and
// os.path (POSIX path manipulation and queries), as CPython's posixpath.
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/file.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/registry.h"
#include "vm/vm.h"

extern char **environ;

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

// The UTF-8 of a path argument (a str); TypeError otherwise.
static const char *path_arg(rp_obj_t *o, const char *fname)
{
    if (rp_str_check(o))
        return rp_str_utf8(o, NULL);
    if (fname)
        rp_err_format(&rp_exc_TypeError,
                      "%s: path should be string, bytes or os.PathLike, not %.200s",
                      fname, rp_type_name(o->type));
    else
        rp_err_format(&rp_exc_TypeError,
                      "expected str, bytes or os.PathLike object, not %.200s",
                      rp_type_name(o->type));
    return NULL;
}

// ---------------------------------------------------------------------
// os

FN(os_getcwd)
{
    if (nargs)
        return rp_err_format(&rp_exc_TypeError, "posix.getcwd() takes no arguments (%zu given)",
                             nargs);
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf))
        return rp_file_raise_errno(errno, NULL);
    return rp_str_from_cstr(buf);
}

static rp_obj_t *path_op(const char *name, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames, int (*op)(const char *))
{
    static const char *const kwlist[] = { "path", NULL };
    rp_obj_t *o[1];
    if (rp_arg_parse(name, args, nargs, kwnames, kwlist, 0, -1, 1, o) < 0)
        return NULL;
    const char *p = path_arg(o[0], name);
    if (!p)
        return NULL;
    if (op(p) < 0)
        return rp_file_raise_errno(errno, o[0]);
    return rp_newref(rp_None);
}

FN(os_remove) { return path_op("remove", args, nargs, kwnames, unlink); }
FN(os_unlink) { return path_op("unlink", args, nargs, kwnames, unlink); }
FN(os_rmdir) { return path_op("rmdir", args, nargs, kwnames, rmdir); }

FN(os_mkdir)
{
    static const char *const kwlist[] = { "path", "mode", NULL };
    rp_obj_t *o[2];
    if (rp_arg_parse("mkdir", args, nargs, kwnames, kwlist, 0, -1, 1, o) < 0)
        return NULL;
    const char *p = path_arg(o[0], "mkdir");
    if (!p)
        return NULL;
    rp_ssize_t mode = 0777;
    if (o[1]) {
        mode = rp_number_as_ssize(o[1], NULL);
        if (mode == -1 && rp_err_occurred())
            return NULL;
    }
    if (mkdir(p, (mode_t)mode) < 0)
        return rp_file_raise_errno(errno, o[0]);
    return rp_newref(rp_None);
}

FN(os_rename)
{
    if (rp_arg_count("rename", nargs, 2, 2) < 0)
        return NULL;
    const char *a = path_arg(args[0], "rename");
    if (!a)
        return NULL;
    const char *b = path_arg(args[1], "rename");
    if (!b)
        return NULL;
    if (rename(a, b) < 0)
        return rp_file_raise_errno(errno, args[0]);
    return rp_newref(rp_None);
}

FN(os_listdir)
{
    static const char *const kwlist[] = { "path", NULL };
    rp_obj_t *o[1];
    if (rp_arg_parse("listdir", args, nargs, kwnames, kwlist, 0, -1, 0, o) < 0)
        return NULL;
    const char *p = ".";
    if (o[0] && o[0] != rp_None) {
        if (!rp_str_check(o[0]))
            return rp_err_format(&rp_exc_TypeError,
                                 "listdir: path should be string, bytes, os.PathLike, integer "
                                 "or None, not %.200s", rp_type_name(o[0]->type));
        p = rp_str_utf8(o[0], NULL);
        if (!p)
            return NULL;
    }
    DIR *d = opendir(p);
    if (!d) {
        int err = errno;
        rp_obj_t *fn = o[0] && o[0] != rp_None ? rp_newref(o[0]) : rp_str_from_cstr(".");
        rp_file_raise_errno(err, fn);
        rp_xdecref(fn);
        return NULL;
    }
    rp_obj_t *list = rp_list_new(0);
    if (!list) {
        closedir(d);
        return NULL;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        rp_obj_t *s = rp_str_from_cstr(e->d_name);
        if (!s || rp_list_append_take(list, s) < 0) {
            closedir(d);
            rp_decref(list);
            return NULL;
        }
    }
    closedir(d);
    return list;
}

FN(os_getpid)
{
    if (rp_arg_count("getpid", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_i64(getpid());
}

FN(os_getenv)
{
    static const char *const kwlist[] = { "key", "default", NULL };
    rp_obj_t *o[2];
    if (rp_arg_parse("getenv", args, nargs, kwnames, kwlist, 0, -1, 1, o) < 0)
        return NULL;
    if (!rp_str_check(o[0]))
        return rp_err_format(&rp_exc_TypeError, "str expected, not %.200s",
                             rp_type_name(o[0]->type));
    // os.getenv is os.environ.get: assignments to os.environ show.
    if (self && self->type == &rp_type_module) {
        rp_obj_t *env = rp_dict_get_cstr_borrow(rp_module_dict_borrow(self), "environ");
        if (env && rp_dict_check(env)) {
            rp_obj_t *v = rp_dict_get_borrow(env, o[0]);
            if (v || rp_err_occurred())
                return v ? rp_newref(v) : NULL;
            return rp_newref(o[1] ? o[1] : rp_None);
        }
    }
    const char *k = rp_str_utf8(o[0], NULL);
    if (!k)
        return NULL;
    const char *v = getenv(k);
    if (v)
        return rp_str_from_cstr(v);
    return rp_newref(o[1] ? o[1] : rp_None);
}

static rp_obj_t *environ_dict(void)
{
    rp_obj_t *d = rp_dict_new();
    if (!d)
        return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        rp_obj_t *k = rp_str_from_utf8(*e, eq - *e);
        rp_obj_t *v = k ? rp_str_from_cstr(eq + 1) : NULL;
        if (!k || !v) {
            // Undecodable entries are skipped (CPython uses surrogateescape).
            rp_xdecref(k);
            rp_err_clear();
            continue;
        }
        if (!rp_dict_contains(d, k) && rp_dict_set(d, k, v) < 0) {
            rp_decref(k);
            rp_decref(v);
            rp_decref(d);
            return NULL;
        }
        rp_decref(k);
        rp_decref(v);
    }
    return d;
}

static const rp_method_def_t os_functions[] = {
    { "getcwd", os_getcwd, 0, "Return a unicode string representing the current working directory." },
    { "remove", os_remove, 0, "Remove a file (same as unlink())." },
    { "unlink", os_unlink, 0, "Remove a file (same as remove())." },
    { "rmdir", os_rmdir, 0, "Remove a directory." },
    { "mkdir", os_mkdir, 0, "Create a directory." },
    { "rename", os_rename, 0, "Rename a file or directory." },
    { "listdir", os_listdir, 0, "Return a list containing the names of the files in the directory." },
    { "getpid", os_getpid, 0, "Return the current process id." },
    { "getenv", os_getenv, 0, "Get an environment variable, return None if it doesn't exist." },
    { NULL }
};

rp_obj_t *rp_mod_os_create(void)
{
    rp_obj_t *m = rp_module_new("os");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, os_functions) < 0 ||
        rp_module_add_object_take(m, "environ", environ_dict()) < 0 ||
        rp_module_add_str(m, "sep", "/") < 0 ||
        rp_module_add_str(m, "linesep", "\n") < 0 ||
        rp_module_add_str(m, "name", "posix") < 0 ||
        rp_module_add_str(m, "curdir", ".") < 0 ||
        rp_module_add_str(m, "pardir", "..") < 0 ||
        rp_module_add_str(m, "extsep", ".") < 0 ||
        rp_module_add_str(m, "pathsep", ":") < 0 ||
        rp_module_add_str(m, "devnull", "/dev/null") < 0)
        goto fail;
    // altsep is None on POSIX.
    if (rp_module_add_object_take(m, "altsep", rp_newref(rp_None)) < 0)
        goto fail;
    // os.path is shared with sys.modules["os.path"] so `import os.path`
    // and `os.path` are the same object.
    rp_obj_t *path = NULL;
    if (rp_interp.modules) {
        path = rp_dict_get_cstr_borrow(rp_interp.modules, "os.path");
        rp_xincref(path);
    }
    if (!path) {
        path = rp_mod_os_path_create();
        if (!path)
            goto fail;
        if (rp_interp.modules && rp_dict_set_cstr(rp_interp.modules, "os.path", path) < 0) {
            rp_decref(path);
            goto fail;
        }
    }
    if (rp_module_add_object_take(m, "path", path) < 0)
        goto fail;
    return m;
fail:
    rp_decref(m);
    return NULL;
}

// ---------------------------------------------------------------------
// os.path

static rp_obj_t *str_slice(const char *s, size_t a, size_t b)
{
    return rp_str_from_utf8(s + a, (rp_ssize_t)(b - a));
}

static const char *path_str(rp_obj_t *o, const char *fname, size_t *len)
{
    if (!rp_str_check(o)) {
        rp_err_format(&rp_exc_TypeError, "%s() argument must be str, bytes, or os.PathLike "
                      "object, not '%.200s'", fname, rp_type_name(o->type));
        return NULL;
    }
    rp_ssize_t n;
    const char *s = rp_str_utf8(o, &n);
    *len = (size_t)n;
    return s;
}

static const char *one_path(const char *name, rp_obj_t *const *args, size_t nargs,
                            size_t *len)
{
    if (rp_arg_exactly_one(name, nargs) < 0)
        return NULL;
    if (!rp_str_check(args[0])) {
        rp_err_format(&rp_exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                      rp_type_name(args[0]->type));
        return NULL;
    }
    rp_ssize_t n;
    const char *s = rp_str_utf8(args[0], &n);
    *len = (size_t)n;
    return s;
}

static size_t last_sep(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && s[i - 1] != '/')
        i--;
    return i;   // index after the last '/', 0 if none
}

// posixpath.split's head: strip trailing slashes unless all slashes.
static size_t head_end(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && s[j - 1] == '/')
        j--;
    return j == 0 ? i : j;
}

FN(path_basename)
{
    size_t len;
    const char *s = one_path("basename", args, nargs, &len);
    if (!s)
        return NULL;
    return str_slice(s, last_sep(s, len), len);
}

FN(path_dirname)
{
    size_t len;
    const char *s = one_path("dirname", args, nargs, &len);
    if (!s)
        return NULL;
    return str_slice(s, 0, head_end(s, last_sep(s, len)));
}

FN(path_split)
{
    size_t len;
    const char *s = one_path("split", args, nargs, &len);
    if (!s)
        return NULL;
    size_t i = last_sep(s, len);
    rp_obj_t *h = str_slice(s, 0, head_end(s, i));
    rp_obj_t *t = str_slice(s, i, len);
    rp_obj_t *r = (h && t) ? rp_tuple_pack(2, h, t) : NULL;
    rp_xdecref(h);
    rp_xdecref(t);
    return r;
}

FN(path_splitext)
{
    size_t len;
    const char *s = one_path("splitext", args, nargs, &len);
    if (!s)
        return NULL;
    size_t sep = last_sep(s, len);      // filename starts here
    size_t dot = len;
    for (size_t i = len; i > sep; i--)
        if (s[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    size_t cut = len;
    if (dot < len) {
        for (size_t k = sep; k < dot; k++)
            if (s[k] != '.') {
                cut = dot;
                break;
            }
    }
    rp_obj_t *a = str_slice(s, 0, cut);
    rp_obj_t *b = str_slice(s, cut, len);
    rp_obj_t *r = (a && b) ? rp_tuple_pack(2, a, b) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    return r;
}

FN(path_isabs)
{
    size_t len;
    const char *s = one_path("isabs", args, nargs, &len);
    if (!s)
        return NULL;
    return rp_bool_from(len > 0 && s[0] == '/');
}

FN(path_join)
{
    if (rp_arg_count("join", nargs, 1, -1) < 0)
        return NULL;
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    bool empty = true, ends_sep = false;
    for (size_t i = 0; i < nargs; i++) {
        size_t len;
        const char *s = path_str(args[i], i == 0 ? "join" : "join", &len);
        if (!s) {
            rp_strbuf_discard(&b);
            return NULL;
        }
        if (len > 0 && s[0] == '/') {
            rp_strbuf_discard(&b);
            rp_strbuf_init(&b);
        } else if (!empty && !ends_sep) {
            rp_strbuf_append_utf8(&b, "/", 1);
        }
        if (len > 0 && s[0] == '/')
            empty = false;
        rp_strbuf_append_utf8(&b, s, len);
        if (len > 0) {
            empty = false;
            ends_sep = s[len - 1] == '/';
        } else if (!empty) {
            ends_sep = true;
        }
    }
    return rp_strbuf_finish(&b);
}

// posixpath.normpath into a malloc'd buffer.
static char *normpath(const char *s, size_t len)
{
    char *out = malloc(len + 3);
    if (!out)
        return NULL;
    if (len == 0) {
        strcpy(out, ".");
        return out;
    }
    size_t initial = 0;
    if (s[0] == '/') {
        initial = 1;
        if (len >= 2 && s[1] == '/' && (len == 2 || s[2] != '/'))
            initial = 2;
    }
    // Component stack as offsets into out.
    size_t o = 0;
    for (size_t k = 0; k < initial; k++)
        out[o++] = '/';
    size_t base = o;
    size_t ncomp = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && s[i] == '/')
            i++;
        size_t st = i;
        while (i < len && s[i] != '/')
            i++;
        size_t n = i - st;
        if (n == 0 || (n == 1 && s[st] == '.'))
            continue;
        bool dotdot = n == 2 && s[st] == '.' && s[st + 1] == '.';
        if (dotdot) {
            // Pop unless nothing to pop or the last is '..' (relative).
            bool last_is_dotdot = ncomp > 0 && o >= base + 2 && out[o - 1] == '.' &&
                                  out[o - 2] == '.' && (o - 2 == base || out[o - 3] == '/');
            if (ncomp > 0 && !last_is_dotdot) {
                while (o > base && out[o - 1] != '/')
                    o--;
                if (o > base)
                    o--;
                ncomp--;
                continue;
            }
            if (initial)
                continue;   // '/..' is '/'
        }
        if (ncomp > 0)
            out[o++] = '/';
        memcpy(out + o, s + st, n);
        o += n;
        ncomp++;
    }
    if (o == 0)
        out[o++] = '.';
    out[o] = '\0';
    return out;
}

FN(path_normpath)
{
    size_t len;
    const char *s = one_path("normpath", args, nargs, &len);
    if (!s)
        return NULL;
    char *n = normpath(s, len);
    if (!n)
        return rp_err_nomemory();
    rp_obj_t *r = rp_str_from_cstr(n);
    free(n);
    return r;
}

FN(path_abspath)
{
    size_t len;
    const char *s = one_path("abspath", args, nargs, &len);
    if (!s)
        return NULL;
    char *full;
    if (len > 0 && s[0] == '/') {
        full = malloc(len + 1);
        if (!full)
            return rp_err_nomemory();
        memcpy(full, s, len);
        full[len] = '\0';
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return rp_file_raise_errno(errno, NULL);
        size_t cl = strlen(cwd);
        full = malloc(cl + len + 2);
        if (!full)
            return rp_err_nomemory();
        memcpy(full, cwd, cl);
        size_t o = cl;
        if (len > 0 && (cl == 0 || cwd[cl - 1] != '/'))
            full[o++] = '/';
        memcpy(full + o, s, len);
        full[o + len] = '\0';
    }
    char *n = normpath(full, strlen(full));
    free(full);
    if (!n)
        return rp_err_nomemory();
    rp_obj_t *r = rp_str_from_cstr(n);
    free(n);
    return r;
}

static int stat_arg(rp_obj_t *const *args, size_t nargs, const char *name, struct stat *st,
                    bool *ok)
{
    if (rp_arg_exactly_one(name, nargs) < 0)
        return -1;
    if (!rp_str_check(args[0])) {
        // exists(1) etc. accept file descriptors in CPython; others are False.
        if (rp_int_check(args[0])) {
            *ok = fstat((int)rp_int_small_value(args[0]), st) == 0;
            return 0;
        }
        rp_err_format(&rp_exc_TypeError, "stat: path should be string, bytes, os.PathLike "
                      "or integer, not %.200s", rp_type_name(args[0]->type));
        return -1;
    }
    const char *p = rp_str_utf8(args[0], NULL);
    if (!p)
        return -1;
    *ok = stat(p, st) == 0;
    return 0;
}

FN(path_exists)
{
    struct stat st;
    bool ok;
    if (stat_arg(args, nargs, "exists", &st, &ok) < 0)
        return NULL;
    return rp_bool_from(ok);
}

FN(path_isfile)
{
    struct stat st;
    bool ok;
    if (stat_arg(args, nargs, "isfile", &st, &ok) < 0)
        return NULL;
    return rp_bool_from(ok && S_ISREG(st.st_mode));
}

FN(path_isdir)
{
    struct stat st;
    bool ok;
    if (stat_arg(args, nargs, "isdir", &st, &ok) < 0)
        return NULL;
    return rp_bool_from(ok && S_ISDIR(st.st_mode));
}

FN(path_getsize)
{
    if (rp_arg_exactly_one("getsize", nargs) < 0)
        return NULL;
    const char *p = path_arg(args[0], "stat");
    if (!p)
        return NULL;
    struct stat st;
    if (stat(p, &st) < 0)
        return rp_file_raise_errno(errno, args[0]);
    return rp_int_from_i64((int64_t)st.st_size);
}

static const rp_method_def_t path_functions[] = {
    { "exists", path_exists, 0, "Test whether a path exists." },
    { "isfile", path_isfile, 0, "Test whether a path is a regular file." },
    { "isdir", path_isdir, 0, "Return true if the pathname refers to an existing directory." },
    { "isabs", path_isabs, 0, "Test whether a path is absolute." },
    { "join", path_join, 0, "Join two or more pathname components." },
    { "basename", path_basename, 0, "Returns the final component of a pathname." },
    { "dirname", path_dirname, 0, "Returns the directory component of a pathname." },
    { "split", path_split, 0, "Split a pathname into (head, tail)." },
    { "splitext", path_splitext, 0, "Split the extension from a pathname." },
    { "normpath", path_normpath, 0, "Normalize path, eliminating double slashes, etc." },
    { "abspath", path_abspath, 0, "Return an absolute path." },
    { "getsize", path_getsize, 0, "Return the size of a file, reported by os.stat()." },
    { NULL }
};

rp_obj_t *rp_mod_os_path_create(void)
{
    rp_obj_t *m = rp_module_new("posixpath");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, path_functions) < 0 ||
        rp_module_add_str(m, "sep", "/") < 0 ||
        rp_module_add_str(m, "curdir", ".") < 0 ||
        rp_module_add_str(m, "pardir", "..") < 0 ||
        rp_module_add_str(m, "extsep", ".") < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
