// The objgraph module: counting live objects by type, reference chains
// and Graphviz drawings of who references what (objgraph 3.5's API).  C
// helpers for the Python layer of modules/objgraph_py.c: looking up an
// object by address safely, writing the .dot file and running dot.
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memory/alloc.h"
#include "memory/gc.h"
#include "modules/pyglue.h"
#include "modules/registry.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

extern char **environ;

// The live object at address addr, or None: only addresses of live
// allocator blocks marked as objects are ever dereferenced.
FN(og_at)
{
    if (rp_arg_no_kw("at", kwnames) < 0 || rp_arg_count("at", nargs, 1, 1) < 0)
        return NULL;
    if (!rp_int_check(args[0])) {
        rp_err_format(&rp_exc_TypeError, "an integer is required");
        return NULL;
    }
    int64_t a = rp_int_as_i64(args[0]);
    if (a == -1 && rp_err_occurred()) {
        rp_err_clear();
        return rp_newref(rp_None);
    }
    if (a <= 0 || (a & (RP_ALIGN - 1)) != 0)
        return rp_newref(rp_None);
    uintptr_t p = (uintptr_t)a;
    rp_obj_t *o = NULL;
    if (rp_mem_is_live_object((void *)p)) {
        rp_obj_t *c = (rp_obj_t *)p;
        if (!(RP_TYPE(c)->flags & RP_TPFLAG_GC))
            o = c;
    }
    if (!o && p > sizeof(rp_gc_head_t) &&
        rp_mem_is_live_object((void *)(p - sizeof(rp_gc_head_t)))) {
        rp_obj_t *c = (rp_obj_t *)p;
        if (RP_TYPE(c) && (RP_TYPE(c)->flags & RP_TPFLAG_GC))
            o = c;
    }
    if (!o || o->refcnt <= 0)
        return rp_newref(rp_None);
    return rp_newref(o);
}

static const char *cstr(rp_obj_t *s, const char *what)
{
    if (!rp_str_check(s)) {
        rp_err_format(&rp_exc_TypeError, "%s must be str", what);
        return NULL;
    }
    rp_ssize_t n;
    const char *c = rp_str_utf8(s, &n);
    if (c && (rp_ssize_t)strlen(c) != n) {
        rp_err_format(&rp_exc_ValueError, "embedded null character");
        return NULL;
    }
    return c;
}

static rp_obj_t *os_error(int err, const char *filename)
{
    rp_err_format(err == ENOENT ? &rp_exc_FileNotFoundError : &rp_exc_OSError,
                  "[Errno %d] %s: '%s'", err, strerror(err), filename);
    return NULL;
}

// _write_text(filename, text): writes text (UTF-8) to filename.
FN(og_write_text)
{
    if (rp_arg_count("_write_text", nargs, 2, 2) < 0)
        return NULL;
    const char *name = cstr(args[0], "filename");
    if (!name)
        return NULL;
    rp_ssize_t n;
    if (!rp_str_check(args[1]))
        return cstr(args[1], "text"), NULL;
    const char *text = rp_str_utf8(args[1], &n);
    if (!text)
        return NULL;
    FILE *f = fopen(name, "w");
    if (!f)
        return os_error(errno, name);
    size_t w = fwrite(text, 1, (size_t)n, f);
    int err = errno;
    if (fclose(f) != 0 || w != (size_t)n)
        return os_error(err ? err : EIO, name);
    return rp_newref(rp_None);
}

// _temp_dot(): the name of a new empty file /tmp/objgraph-XXXXXX.dot.
FN(og_temp_dot)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/objgraph-XXXXXX.dot", dir && *dir ? dir : "/tmp");
    int fd = mkstemps(path, 4);
    if (fd < 0)
        return os_error(errno, path);
    close(fd);
    return rp_str_from_utf8(path, (rp_ssize_t)strlen(path));
}

// The full path of program found on $PATH, in buf; false if absent.
static bool find_program(const char *program, char *buf, size_t size)
{
    const char *path = getenv("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    while (*path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        if (len && len + strlen(program) + 2 < size) {
            memcpy(buf, path, len);
            buf[len] = '/';
            strcpy(buf + len + 1, program);
            struct stat st;
            if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0)
                return true;
        }
        if (!end)
            break;
        path = end + 1;
    }
    return false;
}

// _have_program(name): whether name is an executable on $PATH.
FN(og_have_program)
{
    if (rp_arg_count("_have_program", nargs, 1, 1) < 0)
        return NULL;
    const char *name = cstr(args[0], "program");
    if (!name)
        return NULL;
    char buf[4096];
    return rp_bool_from(find_program(name, buf, sizeof buf));
}

// _render(dot_filename, filename, format): runs
// `dot -Tformat -ofilename dot_filename`; its exit status, or -1 when
// dot is not installed.
FN(og_render)
{
    if (rp_arg_count("_render", nargs, 3, 3) < 0)
        return NULL;
    const char *src = cstr(args[0], "dot_filename");
    const char *dst = src ? cstr(args[1], "filename") : NULL;
    const char *fmt = dst ? cstr(args[2], "format") : NULL;
    if (!fmt)
        return NULL;
    char prog[4096];
    if (!find_program("dot", prog, sizeof prog))
        return rp_int_from_i64(-1);
    size_t lt = strlen(fmt) + 3, lo = strlen(dst) + 3;
    char *targ = malloc(lt), *oarg = malloc(lo);
    if (!targ || !oarg) {
        free(targ);
        free(oarg);
        return rp_err_nomemory();
    }
    snprintf(targ, lt, "-T%s", fmt);
    snprintf(oarg, lo, "-o%s", dst);
    char *argv[] = {prog, targ, oarg, (char *)src, NULL};
    fflush(stdout);
    fflush(stderr);
    pid_t pid;
    int rc = posix_spawn(&pid, prog, NULL, NULL, argv, environ);
    free(targ);
    free(oarg);
    if (rc != 0)
        return rp_int_from_i64(-1);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return rp_int_from_i64(-1);
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return rp_int_from_i64(code);
}

static const rp_method_def_t og_functions[] = {
    { "at", og_at, 0, "Return an object at a given memory address." },
    { "_write_text", og_write_text, 0, NULL },
    { "_temp_dot", og_temp_dot, 0, NULL },
    { "_have_program", og_have_program, 0, NULL },
    { "_render", og_render, 0, NULL },
    { NULL, NULL, 0, NULL },
};

rp_obj_t *rp_mod_objgraph_create(void)
{
    rp_obj_t *m = rp_module_new("objgraph");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, og_functions) < 0 ||
        rp_pyglue_exec(m, rp_objgraph_py_source, "<frozen objgraph>") < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
