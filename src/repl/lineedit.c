// Line input for the REPL: GNU readline behind three small wrappers (as
// Lua's lua.c does), driven through its callback interface so Ctrl-C at
// a prompt can be turned into "KeyboardInterrupt" and a fresh prompt.
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

#include "repl/complete.h"
#include "repl/lineedit.h"

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
    if (history_path) {
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
