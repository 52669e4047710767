// The interactive loop: reads one complete input at a time (a simple
// statement line, or a compound statement ended by a blank line),
// compiles it as its own compilation unit in 'single' mode and runs it
// in __main__, as CPython's REPL does.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "compile/compile.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/file.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "repl/complete.h"
#include "repl/lineedit.h"
#include "repl/repl.h"
#include "modules/memlab.h"
#include "modules/showrefcount.h"
#include "vm/vm.h"

// A growable text buffer holding the input being accumulated.
typedef struct {
    char *s;
    size_t len, cap;
} textbuf_t;

static int text_append(textbuf_t *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *ns = realloc(t->s, cap);
        if (!ns)
            return -1;
        t->s = ns;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return 0;
}

static bool is_blank(const char *line)
{
    for (; *line; line++)
        if (*line != ' ' && *line != '\t' && *line != '\f' && *line != '\r')
            return false;
    return true;
}

// sys.ps1 / sys.ps2 as text (a str of the object, as CPython).
static char *prompt_text(const char *name, const char *dflt)
{
    rp_obj_t *sysd = rp_module_dict_borrow(rp_interp.sys_module);
    rp_obj_t *p = rp_dict_get_cstr_borrow(sysd, name);
    if (!p)
        return strdup(dflt);
    rp_obj_t *s = rp_obj_str(p);
    if (!s) {
        rp_err_clear();
        return strdup(dflt);
    }
    const char *u = rp_str_utf8(s, NULL);
    char *r = strdup(u ? u : dflt);
    rp_decref(s);
    if (!u)
        rp_err_clear();
    return r;
}

// The exit status for an uncaught SystemExit (pending), as CPython's
// handle_system_exit: None -> 0, int -> itself, other -> printed, 1.
static int system_exit_status(void)
{
    rp_obj_t *exc = rp_err_fetch();
    rp_obj_t *code = ((rp_exc_t *)exc)->value;
    int status = 0;
    if (!code || code == rp_None)
        status = 0;
    else if (rp_int_check(code)) {
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
        rp_xdecref(s);
        status = 1;
    }
    rp_decref(exc);
    return status;
}

// Reports the pending exception like CPython's REPL: sys.last_* are set
// and the traceback printed.  Returns -1 if it was SystemExit (the
// status in *status), else 0.
static int report_error(int *status)
{
    if (rp_err_matches(&rp_exc_SystemExit)) {
        *status = system_exit_status();
        return -1;
    }
    rp_obj_t *exc = rp_err_fetch();
    rp_obj_t *sysd = rp_module_dict_borrow(rp_interp.sys_module);
    rp_dict_set_cstr(sysd, "last_type", RP_OBJ(RP_TYPE(exc)));
    rp_dict_set_cstr(sysd, "last_value", exc);
    rp_obj_t *tb = ((rp_exc_t *)exc)->traceback;
    rp_dict_set_cstr(sysd, "last_traceback", tb ? tb : rp_None);
    rp_err_clear();
    rp_file_flush_std();
    rp_err_print_exception(exc);
    rp_decref(exc);
    return 0;
}

// Compiles and runs one complete input.  Returns 0 to go on, or -1 when
// the session must end (SystemExit, status in *status).
// Whether src parses in mode (the tree is dropped); *err is filled when
// it does not (an arena that cannot be made counts as a failure).
static bool parses(const char *src, size_t len, int mode, rp_parse_error_t *err)
{
    rp_arena_t *arena = rp_arena_new();
    if (!arena)
        return false;
    bool ok = rp_parse(arena, src, len, "<stdin>", (rp_parse_mode_t)mode, err) != NULL;
    rp_arena_free(arena);
    return ok;
}

static int run_input(const char *src, size_t len, int *status, int flags)
{
    rp_obj_t *filename = rp_str_from_cstr("<stdin>");
    if (!filename)
        return report_error(status);
    rp_unit_info_t unit = {RP_UNIT_REPL, rp_interp.repl_inputs + 1};
    rp_vm_gc_state_t before;
    rp_vm_gc_state_save(&before);
    rp_obj_t *code = rp_compile_source(src, len, filename,
                                        (rp_compile_mode_t)(RP_COMPILE_SINGLE | flags), unit, NULL);
    rp_decref(filename);
    rp_interp.repl_inputs++;
    if (!code)
        return report_error(status);
    // CPython's gc state after its parser and compiler ran (vm/startup.c).
    rp_vm_mirror_compile_residue(code, &before);
    rp_obj_t *globals = rp_module_dict_borrow(rp_interp.main_module);
    rp_obj_t *r = rp_eval_code(code, globals, globals);
    rp_decref(code);
    rp_vm_release_arena_list();
    int rc = 0;
    if (!r)
        rc = report_error(status);
    else
        rp_decref(r);
    rp_file_flush_std_text();
    rp_memlab_after_input();
    rp_showrefcount_print();
    return rc;
}

// Runs the file named by REFPYSTARTUP in __main__ before the first prompt.
static void run_startup_file(void)
{
    const char *path = getenv("REFPYSTARTUP");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "Could not open REFPYSTARTUP\n");
        perror(path);
        return;
    }
    textbuf_t t = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        text_append(&t, chunk, n);
    fclose(f);
    rp_obj_t *filename = rp_str_from_cstr(path);
    rp_unit_info_t unit = {RP_UNIT_SCRIPT, 0};
    rp_obj_t *code = filename ? rp_compile_source(t.s ? t.s : "", t.len, filename,
                                                  RP_COMPILE_EXEC, unit, NULL) : NULL;
    rp_xdecref(filename);
    free(t.s);
    rp_obj_t *r = NULL;
    if (code) {
        rp_obj_t *globals = rp_module_dict_borrow(rp_interp.main_module);
        r = rp_eval_code(code, globals, globals);
        rp_decref(code);
    }
    if (!r) {
        int status;
        if (report_error(&status) < 0)
            exit(status);
    } else
        rp_decref(r);
    rp_file_flush_std();
}

// The indentation to offer on the next continuation line (auto-indent),
// from the previous line: one level more after a line ending in ':',
// one less after return/pass/break/continue/raise, else the same.
static void next_indent(const char *prev, char *out, size_t size)
{
    size_t ind = 0;
    while (prev[ind] == ' ' || prev[ind] == '\t')
        ind++;
    // Strip a trailing comment (naively: no '#' inside strings) and spaces.
    const char *hash = strchr(prev, '#');
    size_t end = hash ? (size_t)(hash - prev) : strlen(prev);
    while (end > 0 && (prev[end - 1] == ' ' || prev[end - 1] == '\t' || prev[end - 1] == '\r'))
        end--;
    size_t width = 0;
    for (size_t i = 0; i < ind; i++)
        width = prev[i] == '\t' ? (width / 8 + 1) * 8 : width + 1;
    if (end > 0 && prev[end - 1] == ':')
        width += 4;
    else {
        static const char *const enders[] = {"return", "pass", "break", "continue", "raise"};
        for (size_t k = 0; k < sizeof enders / sizeof *enders; k++) {
            size_t n = strlen(enders[k]);
            if (strncmp(prev + ind, enders[k], n) == 0 &&
                (prev[ind + n] == '\0' || prev[ind + n] == ' ' || prev[ind + n] == '(' ||
                 prev[ind + n] == '#')) {
                width = width >= 4 ? width - 4 : 0;
                break;
            }
        }
    }
    if (width >= size)
        width = size - 1;
    memset(out, ' ', width);
    out[width] = '\0';
}

int rp_repl_run(void)
{
    bool tty = isatty(0) && isatty(1);
    rp_obj_t *sysd = rp_module_dict_borrow(rp_interp.sys_module);
    if (!rp_dict_get_cstr_borrow(sysd, "ps1")) {
        rp_obj_t *p1 = rp_str_from_cstr(">>> ");
        rp_obj_t *p2 = rp_str_from_cstr("... ");
        if (p1 && p2) {
            rp_dict_set_cstr(sysd, "ps1", p1);
            rp_dict_set_cstr(sysd, "ps2", p2);
        }
        rp_xdecref(p1);
        rp_xdecref(p2);
        rp_err_clear();
    }
    rp_interp.interactive = true;
    rp_list_sort_kwtuple_exists();
    if (!rp_interp.quiet)
        fprintf(stderr, "refpy 0.1 (Python 3.11 compatible) on linux\n"
                        "Type \"exit()\" or Ctrl-D (i.e. EOF) to leave.\n");
    if (!rp_interp.ran_program) {
        rp_vm_mirror_repl_start();
        run_startup_file();
    }
    if (tty)
        rp_lineedit_init();

    int status = 0;
    textbuf_t buf = {0};
    char indent[256] = "";
    for (;;) {
        bool first = buf.len == 0;
        char *prompt = prompt_text(first ? "ps1" : "ps2", first ? ">>> " : "... ");
        char *line;
        int rc = tty ? rp_lineedit_read(prompt, first ? "" : indent, &line)
                     : rp_lineplain_read(prompt, &line);
        free(prompt);
        if (rc == RP_LINE_INTERRUPT) {
            // Ctrl-C at a prompt discards the input being typed.
            fputs("\nKeyboardInterrupt\n", stderr);
            buf.len = 0;
            continue;
        }
        if (rc == RP_LINE_EOF) {
            fputs("\n", stderr);
            if (buf.len == 0)
                break;
            // End of input inside a statement: finish it as a blank line would.
            text_append(&buf, "\n", 1);
            int r = run_input(buf.s, buf.len, &status, 0);
            buf.len = 0;
            if (r < 0)
                goto out;
            continue;
        }
        if (first && is_blank(line)) {
            free(line);
            continue;
        }
        // A whitespace-only line is a blank line: it ends a block (the
        // spaces are often just what auto-indent offered).
        bool blank = is_blank(line);
        if (!blank)
            text_append(&buf, line, strlen(line));
        text_append(&buf, "\n", 1);
        next_indent(line, indent, sizeof indent);
        free(line);
        // Is the input complete?  Ask the parser; an input that ends inside
        // a bracket, a string or a block that no blank line closed yet
        // needs more lines.
        rp_parse_error_t perr = {0};
        bool ok = parses(buf.s, buf.len, RP_PARSE_SINGLE, &perr);
        bool incomplete = !ok && perr.incomplete && !blank;
        if (!ok && perr.incomplete && blank) {
            // A blank line cannot finish a bracket or string: keep reading.
            incomplete = perr.kind == RP_PERR_SYNTAX && strstr(perr.msg, "was never closed") != NULL;
            if (!incomplete && strstr(perr.msg, "unterminated triple-quoted") != NULL)
                incomplete = true;
        }
        int flags = 0;
        if (incomplete && perr.kind == RP_PERR_SYNTAX && strstr(perr.msg, "was never closed")) {
            // CPython's error pass reads no further: an error it can name
            // before the open bracket's end is reported now.
            rp_parse_error_t perr2 = {0};
            if (!parses(buf.s, buf.len, RP_PARSE_SINGLE | RP_PARSE_FLAG_STOP, &perr2) &&
                perr2.kind == RP_PERR_SYNTAX && !perr2.incomplete &&
                strcmp(perr2.msg, "invalid syntax") != 0 && !strstr(perr2.msg, "was never closed")) {
                incomplete = false;
                flags = RP_COMPILE_FLAG_STOP;
            }
            rp_parse_error_clear(&perr2);
        }
        rp_parse_error_clear(&perr);
        if (incomplete)
            continue;
        int r = run_input(buf.s, buf.len, &status, flags);
        buf.len = 0;
        indent[0] = '\0';
        if (r < 0)
            goto out;
    }
out:
    free(buf.s);
    if (tty)
        rp_lineedit_fini();
    rp_file_flush_std();
    return status;
}
