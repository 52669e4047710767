// Line input for the REPL: GNU readline behind three small wrappers (as
// Lua's lua.c does), driven through its callback interface so Ctrl-C at
// a prompt can be turned into "KeyboardInterrupt" and a fresh prompt.
// readline is loaded with dlopen on the first terminal session only, so
// scripts never map it (it would double the idle resident set), or, in the
// static build, linked in and left untouched until then.
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

// The readline entry points and variables used here, resolved by
// load_readline().  The macros below make the code read as plain readline.
static struct {
    void (*callback_handler_install)(const char *, rl_vcpfunc_t *);
    void (*callback_handler_remove)(void);
    void (*callback_read_char)(void);
    void (*callback_sigcleanup)(void);
    void (*free_line_state)(void);
    void (*cleanup_after_signal)(void);
    int (*insert_text)(const char *);
    void (*redisplay)(void);
    int (*variable_bind)(const char *, const char *);
    char **(*completion_matches)(const char *, rl_compentry_func_t *);
    void (*using_history)(void);
    void (*stifle_history)(int);
    int (*read_history)(const char *);
    int (*write_history)(const char *);
    int (*history_truncate_file)(const char *, int);
    void (*add_history)(const char *);
    const char **readline_name;
    int *catch_signals;
    rl_completion_func_t **attempted_completion_function;
    const char **completer_word_break_characters;
    int *attempted_completion_over;
    char **line_buffer;
    int *completion_append_character;
    rl_hook_func_t **pre_input_hook;
} rl;
static int rl_state;            // 0 not tried, 1 loaded, -1 unavailable

// Every readline entry point and variable used here: X(field, symbol).
#define RL_SYMBOLS(X)                                                   \
    X(callback_handler_install, rl_callback_handler_install)            \
    X(callback_handler_remove, rl_callback_handler_remove)              \
    X(callback_read_char, rl_callback_read_char)                        \
    X(callback_sigcleanup, rl_callback_sigcleanup)                      \
    X(free_line_state, rl_free_line_state)                              \
    X(cleanup_after_signal, rl_cleanup_after_signal)                    \
    X(insert_text, rl_insert_text)                                      \
    X(redisplay, rl_redisplay)                                          \
    X(variable_bind, rl_variable_bind)                                  \
    X(completion_matches, rl_completion_matches)                        \
    X(using_history, using_history)                                     \
    X(stifle_history, stifle_history)                                   \
    X(read_history, read_history)                                       \
    X(write_history, write_history)                                     \
    X(history_truncate_file, history_truncate_file)                     \
    X(add_history, add_history)                                         \
    X(readline_name, rl_readline_name)                                  \
    X(catch_signals, rl_catch_signals)                                  \
    X(attempted_completion_function, rl_attempted_completion_function)  \
    X(completer_word_break_characters, rl_completer_word_break_characters) \
    X(attempted_completion_over, rl_attempted_completion_over)          \
    X(line_buffer, rl_line_buffer)                                      \
    X(completion_append_character, rl_completion_append_character)      \
    X(pre_input_hook, rl_pre_input_hook)

#ifdef RP_READLINE_STATIC
// readline is linked into a static refpy: its pages are only touched (and
// resident) once a terminal session uses it.
static bool load_readline(void)
{
#define SET(field, sym) rl.field = &sym;
    RL_SYMBOLS(SET)
#undef SET
    return true;
}
#else
// Loads libreadline and resolves every symbol; false if any is missing
// (the REPL then reads plain lines).
static bool load_readline(void)
{
    static const char *const libs[] = { "libreadline.so.8", "libreadline.so" };
    void *h = NULL;
    for (size_t i = 0; i < sizeof libs / sizeof libs[0] && !h; i++)
        h = dlopen(libs[i], RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
    struct { void *slot; const char *name; } syms[] = {
#define SYM(field, sym) { (void *)&rl.field, #sym },
        RL_SYMBOLS(SYM)
#undef SYM
    };
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
        void *p = dlsym(h, syms[i].name);
        if (!p) {
            dlclose(h);
            memset(&rl, 0, sizeof rl);
            return false;
        }
        memcpy(syms[i].slot, &p, sizeof p);
    }
    return true;
}
#endif

#include "repl/complete.h"
#include "repl/lineedit.h"

// The code below reads as plain readline.
#define rl_callback_handler_install rl.callback_handler_install
#define rl_callback_handler_remove rl.callback_handler_remove
#define rl_callback_read_char rl.callback_read_char
#define rl_callback_sigcleanup rl.callback_sigcleanup
#define rl_free_line_state rl.free_line_state
#define rl_cleanup_after_signal rl.cleanup_after_signal
#define rl_insert_text rl.insert_text
#define rl_redisplay rl.redisplay
#define rl_variable_bind rl.variable_bind
#define rl_completion_matches rl.completion_matches
#define using_history rl.using_history
#define stifle_history rl.stifle_history
#define read_history rl.read_history
#define write_history rl.write_history
#define history_truncate_file rl.history_truncate_file
#define add_history rl.add_history
#define rl_readline_name (*rl.readline_name)
#define rl_catch_signals (*rl.catch_signals)
#define rl_attempted_completion_function (*rl.attempted_completion_function)
#define rl_completer_word_break_characters (*rl.completer_word_break_characters)
#define rl_attempted_completion_over (*rl.attempted_completion_over)
#define rl_line_buffer (*rl.line_buffer)
#define rl_completion_append_character (*rl.completion_append_character)
#define rl_pre_input_hook (*rl.pre_input_hook)

#define HISTORY_MAX 1000

static char *history_path;
static volatile sig_atomic_t interrupted;
static char *done_line;
static int done_state;          // 0 reading, 1 got line, 2 EOF
static const char *pending_indent;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void on_line(char *line)
{
    done_line = line;
    done_state = line ? 1 : 2;
    rl_callback_handler_remove();
}

// Candidate generator for readline: walks the array built on state 0.
static char **matches;
static size_t match_pos;

static char *generate(const char *text, int state)
{
    (void)text;
    if (!matches)
        return NULL;
    char *m = matches[match_pos];
    if (!m)
        return NULL;
    match_pos++;
    return strdup(m);
}

static char **attempt_completion(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;
    // Only whitespace before the cursor: Tab indents.
    bool only_space = true;
    for (int i = 0; i < start; i++)
        if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t')
            only_space = false;
    if (only_space && !*text) {
        rl_insert_text("    ");
        return NULL;
    }
    if (matches) {
        for (size_t i = 0; matches[i]; i++)
            free(matches[i]);
        free(matches);
    }
    matches = rp_complete_candidates(text);
    match_pos = 0;
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, generate);
}

// Waiting input right after a prompt means text is being pasted: do not
// auto-indent, the pasted lines carry their own indentation.
static bool input_pending(void)
{
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(0, &fds);
    struct timeval tv = {0, 0};
    return select(1, &fds, NULL, NULL, &tv) > 0;
}

static int insert_indent(void)
{
    if (pending_indent && *pending_indent) {
        rl_insert_text(pending_indent);
        rl_redisplay();
    }
    pending_indent = NULL;
    return 0;
}

void rp_lineedit_init(void)
{
    if (rl_state == 0)
        rl_state = load_readline() ? 1 : -1;
    if (rl_state < 0)
        return;
    rl_readline_name = "refpy";
    rl_catch_signals = 0;
    rl_attempted_completion_function = attempt_completion;
    rl_completer_word_break_characters = " \t\n\"\\'`@$><=;|&{(";
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_variable_bind("blink-matching-paren", "on");
    using_history();
    stifle_history(HISTORY_MAX);
    const char *home = getenv("HOME");
    if (home && *home) {
        size_t n = strlen(home) + 32;
        history_path = malloc(n);
        if (history_path) {
            snprintf(history_path, n, "%s/.refpy_history", home);
            read_history(history_path);
        }
    }
}

int rp_lineedit_read(const char *prompt, const char *indent, char **line)
{
    if (rl_state <= 0)
        return rp_lineplain_read(prompt, line);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);   // no SA_RESTART: select() wakes up

    interrupted = 0;
    done_state = 0;
    done_line = NULL;
    pending_indent = (indent && *indent && !input_pending()) ? indent : NULL;
    rl_pre_input_hook = NULL;
    rl_callback_handler_install(prompt, on_line);
    insert_indent();
    int result = RP_LINE_OK;
    while (done_state == 0) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(0, &fds);
        int r = select(1, &fds, NULL, NULL, NULL);
        if (r < 0 && errno == EINTR) {
            if (interrupted) {
                interrupted = 0;
                rl_free_line_state();
                rl_callback_sigcleanup();
                rl_cleanup_after_signal();
                rl_callback_handler_remove();
                result = RP_LINE_INTERRUPT;
                break;
            }
            continue;
        }
        if (r > 0)
            rl_callback_read_char();
    }
    sigaction(SIGINT, &old, NULL);
    if (result == RP_LINE_INTERRUPT)
        return result;
    if (done_state == 2)
        return RP_LINE_EOF;
    if (*done_line && strspn(done_line, " \t") != strlen(done_line))
        add_history(done_line);
    *line = done_line;
    return RP_LINE_OK;
}

void rp_lineedit_fini(void)
{
    if (rl_state > 0 && history_path) {
        write_history(history_path);
        history_truncate_file(history_path, HISTORY_MAX);
        free(history_path);
        history_path = NULL;
    }
}

int rp_lineplain_read(const char *prompt, char **line)
{
    fputs(prompt, stderr);
    fflush(stderr);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) {
        free(buf);
        return RP_LINE_EOF;
    }
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
    *line = buf;
    return RP_LINE_OK;
}
