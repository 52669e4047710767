// The command line, with CPython's conventions:
//   refpy [-q] [-i] [-u] [-V] [-h] [-X opt] (-c CMD | FILE | -) [args...]
// Runs a file, a command or piped stdin as __main__, or the REPL; maps
// uncaught exceptions and SystemExit to exit statuses as CPython does.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compile/compile.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "repl/repl.h"
#include "repl/compare.h"
#include "modules/showrefcount.h"
#include "vm/vm.h"

static const char usage_text[] =
    "usage: refpy [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the version number and exit (also --version)\n"
    "-X opt : set implementation-specific option: -X showrefcount\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

typedef struct {
    bool quiet, inspect, unbuffered, show_refcount;
    const char *command;        // -c
    const char *file;           // script path, "-" for stdin, NULL: none
    int rest;                   // index in argv of the first program argument
} options_t;

static void bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: refpy [option] ... [-c cmd | file | -] [arg] ...\n"
                    "Try `refpy -h' for more information.\n");
    exit(2);
}

static void parse_options(int argc, char **argv, options_t *o)
{
    int i = 1;
    memset(o, 0, sizeof *o);
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            printf("refpy 0.1 (Python 3.11 compatible)\n");
            exit(0);
        }
        if (strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        }
        if (strcmp(a, "--compare") == 0) {
            if (i + 1 >= argc)
                bad_usage("option %s requires a file argument\n", a);
            exit(rp_compare_run(argv[i + 1]));
        }
        if (a[1] == '-')
            bad_usage("unknown option %s\n", a);
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'q': o->quiet = true; break;
            case 'i': o->inspect = true; break;
            case 'u': o->unbuffered = true; break;
            case 'V':
                printf("refpy 0.1 (Python 3.11 compatible)\n");
                exit(0);
            case 'h':
            case '?':
                fputs(usage_text, stdout);
                exit(0);
            case 'c':
                if (p[1]) {
                    o->command = p + 1;
                } else if (i + 1 < argc) {
                    o->command = argv[++i];
                } else {
                    bad_usage("Argument expected for the -c option\n", "");
                }
                o->rest = i + 1;
                return;
            case 'X': {
                const char *x = NULL;
                if (p[1])
                    x = p + 1;
                else if (i + 1 < argc)
                    x = argv[++i];
                else
                    bad_usage("Argument expected for the -X option\n", "");
                if (strcmp(x, "showrefcount") == 0)
                    o->show_refcount = true;
                goto next_arg;
            }
            default: {
                char opt[3] = {'-', *p, 0};
                bad_usage("Unknown option: %s\n", opt);
            }
            }
        }
    next_arg:;
    }
    if (i < argc) {
        o->file = argv[i];
        o->rest = i + 1;
    } else {
        o->rest = argc;
    }
}

// ---------------------------------------------------------------------
// Reading sources

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return NULL;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

// The absolute form of path as CPython reports it (cwd joined, not
// normalised).  malloc'd.
static char *absolute_path(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *r = malloc(n);
    if (r)
        snprintf(r, n, "%s/%s", cwd, path);
    return r;
}

// ---------------------------------------------------------------------
// Running and exit statuses

static bool got_keyboard_interrupt;

// The status for an uncaught SystemExit (pending), as CPython's
// _Py_HandleSystemExit.
static int system_exit_status(void)
{
    rp_obj_t *exc = rp_err_fetch();
    rp_obj_t *code = ((rp_exc_t *)exc)->value;
    int status = 0;
    if (!code || code == rp_None) {
        status = 0;
    } else if (rp_int_check(code)) {
        int64_t v = rp_int_as_i64(code);
        if (v == -1 && rp_err_occurred()) {
            rp_err_clear();
            v = -1;
        }
        status = (int)v;
    } else {
        rp_file_flush_std();
        rp_obj_t *s = rp_obj_str(code);
        const char *u = s ? rp_str_utf8(s, NULL) : NULL;
        if (u)
            fprintf(stderr, "%s\n", u);
        else
            rp_err_clear();
        fflush(stderr);
        rp_xdecref(s);
        status = 1;
    }
    rp_decref(exc);
    return status;
}

// Reports the pending exception of a failed run and returns the status.
// With inspect (-i), SystemExit is printed like any exception.
static int report(bool inspect)
{
    if (!inspect && rp_err_matches(&rp_exc_SystemExit))
        return system_exit_status();
    if (rp_err_matches(&rp_exc_KeyboardInterrupt))
        got_keyboard_interrupt = true;
    rp_file_flush_std();
    rp_err_print();
    return 1;
}

static int run_source(const char *src, size_t len, rp_obj_t *filename, rp_unit_kind_t kind,
                      bool inspect)
{
    rp_unit_info_t unit = {kind, 0};
    rp_obj_t *code = rp_compile_source(src, len, filename, RP_COMPILE_EXEC, unit, NULL);
    if (!code)
        return report(inspect);
    rp_obj_t *globals = rp_module_dict_borrow(rp_interp.main_module);
    // The program starts where CPython's would: same gc counts, same
    // dead objects on the free lists.
    rp_vm_mirror_startup_residue(code, kind == RP_UNIT_SCRIPT);
    rp_obj_t *r = rp_eval_code(code, globals, globals);
    rp_decref(code);
    if (!r)
        return report(inspect);
    rp_decref(r);
    return 0;
}

// __file__ and __cached__ of __main__ (a program read from standard
// input has them too), and a file's loader.
static int set_main_file(const char *path, bool is_file)
{
    rp_obj_t *d = rp_module_dict_borrow(rp_interp.main_module);
    rp_obj_t *f = rp_str_from_cstr(path);
    if (!f)
        return -1;
    int r = rp_dict_set_cstr(d, "__file__", f) | rp_dict_set_cstr(d, "__cached__", rp_None) |
            (is_file ? rp_vm_set_main_loader(f) : 0);
    rp_decref(f);
    return r;
}

static int run_file(const char *path, bool inspect, bool *failed_open)
{
    char *abs = absolute_path(path);
    if (!abs) {
        fprintf(stderr, "refpy: out of memory\n");
        return 1;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "refpy: can't find '__main__' module in '%s'\n", abs);
        free(abs);
        *failed_open = true;
        return 1;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "refpy: can't open file '%s': [Errno %d] %s\n", abs, e, strerror(e));
        free(abs);
        *failed_open = true;
        return 2;
    }
    size_t len;
    char *src = read_all(f, &len);
    fclose(f);
    if (!src) {
        fprintf(stderr, "refpy: out of memory\n");
        free(abs);
        return 1;
    }
    int status;
    rp_obj_t *filename = rp_str_from_cstr(abs);
    if (!filename || set_main_file(abs, true) < 0)
        status = report(inspect);
    else
        status = run_source(src, len, filename, RP_UNIT_SCRIPT, inspect);
    rp_xdecref(filename);
    free(src);
    free(abs);
    return status;
}

static int run_stdin(bool inspect)
{
    size_t len;
    char *src = read_all(stdin, &len);
    if (!src) {
        fprintf(stderr, "refpy: out of memory\n");
        return 1;
    }
    rp_obj_t *filename = rp_str_from_cstr("<stdin>");
    int status = filename && set_main_file("<stdin>", false) == 0
                     ? run_source(src, len, filename, RP_UNIT_STDIN, inspect)
                     : report(inspect);
    rp_xdecref(filename);
    free(src);
    return status;
}

static int run_command(const char *cmd, bool inspect)
{
    rp_obj_t *filename = rp_str_from_cstr("<string>");
    int status = filename ? run_source(cmd, strlen(cmd), filename, RP_UNIT_COMMAND, inspect)
                          : report(inspect);
    rp_xdecref(filename);
    return status;
}

int main(int argc, char **argv)
{
    options_t o;
    parse_options(argc, argv, &o);

    // sys.argv as CPython builds it.
    int pargc = argc - o.rest + 1;
    char **pargv = malloc(sizeof(char *) * (size_t)(pargc + 1));
    if (!pargv)
        return 1;
    pargv[0] = o.command ? "-c" : o.file ? (char *)o.file : "";
    for (int i = 1; i < pargc; i++)
        pargv[i] = argv[o.rest + i - 1];
    pargv[pargc] = NULL;

    const char *unbuf_env = getenv("PYTHONUNBUFFERED");
    if (o.unbuffered || (unbuf_env && *unbuf_env))
        rp_file_set_std_unbuffered();
    if (rp_vm_init(pargc, pargv) < 0)
        return 1;
    rp_interp.quiet = o.quiet;
    rp_interp.show_refcount = o.show_refcount;
    if (o.unbuffered)
        setvbuf(stdout, NULL, _IONBF, 0);

    int status = 0;
    bool stdin_tty = isatty(0);
    bool failed_open = false;
    bool interactive = false;
    if (o.command) {
        status = run_command(o.command, o.inspect);
        interactive = o.inspect;
    } else if (o.file && strcmp(o.file, "-") != 0) {
        status = run_file(o.file, o.inspect, &failed_open);
        interactive = o.inspect && !failed_open;
    } else if (o.inspect || stdin_tty) {
        interactive = true;
    } else {
        status = run_stdin(false);
    }
    if (interactive) {
        rp_interp.ran_program = o.command != NULL || o.file != NULL;
        rp_file_flush_std();
        status = rp_repl_run();
    }
    // As CPython's debug build: the totals after finalisation, when only
    // the interpreter's own objects remain (a fixed count; README).
    rp_vm_fini();
    rp_showrefcount_print();
    free(pargv);
    fflush(stdout);
    fflush(stderr);
    if (got_keyboard_interrupt && !interactive) {
        // As CPython: die of SIGINT so the parent sees the interruption.
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;
    }
    return status;
}
