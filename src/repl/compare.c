// `refpy --compare FILE`: the same source run as a script and typed into
// the REPL, each in a fresh child interpreter, shown side by side per
// top-level statement, with memlab's reasons for differing identities.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "repl/compare.h"

#define MARK '\x1e'         // ends the output of one statement
#define EXPL '\x1d'         // brackets memlab.explain's sentence
#define MARK_STMT "print(end='\\x1e')"
#define WIDTH_SRC 28
#define WIDTH_OUT 29

typedef struct stmt {
    int first, last;        // 0-based line indices, inclusive
    char *explain_l, *explain_r;   // operands of an `is` / id() comparison
    bool is_not;
    bool is_id;             // written as id(l) == id(r)
    bool differs;           // some output line differs
    char *out[2];           // script / REPL output segments (malloc'd)
    char *why[2];           // memlab.explain per side, or NULL
} stmt_t;

typedef struct source {
    char *text;
    char **lines;
    bool *in_string;        // the line starts inside a triple-quoted string
    int nlines;
    stmt_t *stmts;
    int nstmts;
} source_t;

// ---------------------------------------------------------------------
// Reading and splitting the source

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, 4096, f);
        n += r;
        if (r < 4096)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static bool blank_or_comment(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\r')
        s++;
    return *s == '\0' || *s == '#';
}

static bool starts_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    return strncmp(s, w, n) == 0 && !(isalnum((unsigned char)s[n]) || s[n] == '_');
}

// Scans one line, updating the bracket depth, the open triple-quote
// (0 or the quote char) and whether the line ends in a backslash.
static void scan_line(const char *s, int *depth, char *triple, bool *backslash)
{
    *backslash = false;
    for (const char *p = s; *p; p++) {
        if (*triple) {
            if (*p == '\\' && p[1]) {
                p++;
            } else if (p[0] == *triple && p[1] == *triple && p[2] == *triple) {
                *triple = 0;
                p += 2;
            }
            continue;
        }
        char c = *p;
        if (c == '#')
            break;
        if (c == '\'' || c == '"') {
            if (p[1] == c && p[2] == c) {
                *triple = c;
                p += 2;
                continue;
            }
            for (p++; *p && *p != c; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (!*p)
                break;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            ++*depth;
        else if ((c == ')' || c == ']' || c == '}') && *depth > 0)
            --*depth;
        else if (c == '\\' && p[1] == '\0')
            *backslash = true;
    }
}

static int split_source(source_t *src)
{
    int cap = 16;
    for (char *p = src->text; *p; p++)
        cap += *p == '\n';
    src->lines = calloc((size_t)cap, sizeof *src->lines);
    src->in_string = calloc((size_t)cap, sizeof *src->in_string);
    src->stmts = calloc((size_t)cap, sizeof *src->stmts);
    if (!src->lines || !src->in_string || !src->stmts)
        return -1;
    char *p = src->text;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r')
            p[n - 1] = '\0';
        src->lines[src->nlines++] = p;
        if (!nl)
            break;
        p = nl + 1;
    }
    int depth = 0;
    char triple = 0;
    bool backslash = false, after_decorator = false;
    stmt_t *cur = NULL;
    for (int i = 0; i < src->nlines; i++) {
        const char *s = src->lines[i];
        bool clean = depth == 0 && !triple && !backslash;
        src->in_string[i] = triple != 0;
        if (clean && !blank_or_comment(s) && !isspace((unsigned char)s[0]) &&
            !after_decorator && !starts_word(s, "else") && !starts_word(s, "elif") &&
            !starts_word(s, "except") && !starts_word(s, "finally")) {
            cur = &src->stmts[src->nstmts++];
            cur->first = cur->last = i;
        } else if (cur && (!blank_or_comment(s) || !clean)) {
            cur->last = i;
        }
        if (clean && !blank_or_comment(s))
            after_decorator = s[0] == '@';
        scan_line(s, &depth, &triple, &backslash);
    }
    return 0;
}

// ---------------------------------------------------------------------
// `is` comparisons worth explaining

// Index of needle at bracket depth 0 outside strings, or -1.
static long find_top(const char *s, const char *needle)
{
    int depth = 0;
    size_t n = strlen(needle);
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\'' || c == '"') {
            for (p++; *p && *p != c; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (!*p)
                return -1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if (c == ')' || c == ']' || c == '}')
            depth--;
        else if (depth == 0 && strncmp(p, needle, n) == 0)
            return p - s;
    }
    return -1;
}

static char *trim_dup(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return strndup(s, n);
}

// An operand that can be evaluated again without side effects or new
// objects: names, attributes, subscripts and literals.
static bool simple_operand(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++) {
        if (strchr("+*/%@&|^~<>=!;", *p))
            return false;
        if (*p == '(' && p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            return false;
        if (*p == '-' && p != s)
            return false;
    }
    return !strstr(s, "lambda") && !strstr(s, " for ");
}

static void find_comparison(stmt_t *st, const char *line)
{
    if (strchr(line, '#') || strchr(line, ';') || isspace((unsigned char)line[0]))
        return;
    const char *expr = line;
    size_t len = strlen(line);
    char *inner = NULL;
    if (strncmp(line, "print(", 6) == 0 && len > 7 && line[len - 1] == ')') {
        inner = strndup(line + 6, len - 7);
        if (!inner || find_top(inner, ",") >= 0) {
            free(inner);
            return;
        }
        expr = inner;
    }
    long at;
    char *l = NULL, *r = NULL;
    if ((at = find_top(expr, " is not ")) >= 0) {
        l = trim_dup(expr, (size_t)at);
        r = trim_dup(expr + at + 8, strlen(expr + at + 8));
        st->is_not = true;
    } else if ((at = find_top(expr, " is ")) >= 0) {
        l = trim_dup(expr, (size_t)at);
        r = trim_dup(expr + at + 4, strlen(expr + at + 4));
    } else if (strncmp(expr, "id(", 3) == 0 && (at = find_top(expr, " == ")) >= 0) {
        const char *rhs = expr + at + 4;
        size_t rl = strlen(rhs);
        if (at > 4 && expr[at - 1] == ')' && strncmp(rhs, "id(", 3) == 0 && rl > 4 &&
            rhs[rl - 1] == ')') {
            l = trim_dup(expr + 3, (size_t)at - 4);
            r = trim_dup(rhs + 3, rl - 4);
            st->is_id = true;
        }
    }
    free(inner);
    if (l && r && simple_operand(l) && simple_operand(r)) {
        st->explain_l = l;
        st->explain_r = r;
        return;
    }
    free(l);
    free(r);
}

static bool is_compound(const char *s)
{
    static const char *const kw[] = {"if", "for", "while", "def", "class", "with", "try",
                                      "async", "match", NULL};
    if (s[0] == '@')
        return true;
    for (int i = 0; kw[i]; i++)
        if (starts_word(s, kw[i]))
            return true;
    return false;
}

static void write_explain_suffix(FILE *f, const stmt_t *st)
{
    if (st->explain_l)
        fprintf(f, "; print('\\x1d' + __import__('memlab').explain(%s, %s), end='\\x1d')",
                st->explain_l, st->explain_r);
}

// ---------------------------------------------------------------------
// The two children

// Runs argv with stdin from in_path (NULL: /dev/null) and stdout+stderr
// to a new temporary file, whose contents are returned (malloc'd).
static char *run_child(char *const argv[], const char *in_path)
{
    char out_path[] = "/tmp/refpy-compare-out-XXXXXX";
    int out = mkstemp(out_path);
    if (out < 0)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(out);
        unlink(out_path);
        return NULL;
    }
    if (pid == 0) {
        int in = open(in_path ? in_path : "/dev/null", O_RDONLY);
        if (in < 0)
            _exit(127);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        close(in);
        close(out);
        execv(argv[0], argv);
        _exit(127);
    }
    close(out);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    char *text = read_all(out_path, NULL);
    unlink(out_path);
    return text;
}

// Replaces every occurrence of from by to (new malloc'd string).
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to), n = 0;
    for (const char *p = s; (p = strstr(p, from)); p += fl)
        n++;
    char *r = malloc(strlen(s) + n * (tl > fl ? tl - fl : 0) + 1);
    if (!r)
        return NULL;
    char *w = r;
    for (const char *p = s;;) {
        const char *q = strstr(p, from);
        if (!q) {
            strcpy(w, p);
            break;
        }
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        memcpy(w, to, tl);
        w += tl;
        p = q + fl;
    }
    return r;
}

// Rewrites `File "PATH", line N` of the instrumented script to the
// original line numbers (map: instrumented line -> original, 1-based).
static char *fix_lines(const char *s, const char *path, const int *map, int nmap)
{
    char *pat;
    if (asprintf(&pat, "File \"%s\", line ", path) < 0)
        return NULL;
    size_t pl = strlen(pat);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        free(pat);
        return NULL;
    }
    const char *p = s;
    for (const char *q; (q = strstr(p, pat)); ) {
        fwrite(p, 1, (size_t)(q - p) + pl, f);
        p = q + pl;
        char *end;
        long n = strtol(p, &end, 10);
        if (end != p && n >= 1 && n <= nmap)
            fprintf(f, "%d", map[n - 1]);
        else
            fwrite(p, 1, (size_t)(end - p), f);
        p = end;
    }
    fputs(p, f);
    fclose(f);
    free(pat);
    return buf;
}

// Pulls the explanation out of seg (in place) into st->why[side].
static void take_explanation(stmt_t *st, int side, char *seg)
{
    char *a = strchr(seg, EXPL), *b = a ? strchr(a + 1, EXPL) : NULL;
    if (a && b) {
        st->why[side] = strndup(a + 1, (size_t)(b - a - 1));
        memmove(a, b + 1, strlen(b + 1) + 1);
    }
}

// The script's output: statements end at marker characters.
static void distribute_script(source_t *src, const char *text)
{
    const char *p = text;
    for (int i = 0; i < src->nstmts; i++) {
        stmt_t *st = &src->stmts[i];
        const char *end = strchr(p, MARK);
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *seg = strndup(p, n);
        if (!seg)
            return;
        take_explanation(st, 0, seg);
        st->out[0] = seg;
        p = end ? end + 1 : p + n;
    }
}

// The REPL's output: each statement is one input, read after the
// primary prompt ">>> "; continuation prompts "... " are dropped.
static void distribute_repl(source_t *src, const char *text)
{
    const char *p = strstr(text, ">>> ");
    p = p ? p + 4 : text + strlen(text);
    for (int i = 0; i < src->nstmts; i++) {
        stmt_t *st = &src->stmts[i];
        const char *end = strstr(p, ">>> ");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *seg = strndup(p, n);
        if (!seg)
            return;
        char *w = seg;
        bool line_start = true;
        for (char *r = seg; *r;) {
            if (line_start && strncmp(r, "... ", 4) == 0) {
                r += 4;
                continue;
            }
            line_start = *r == '\n';
            *w++ = *r++;
        }
        *w = '\0';
        take_explanation(st, 1, seg);
        st->out[1] = seg;
        p = end ? end + 4 : p + n;
    }
}

// ---------------------------------------------------------------------
// Rendering

// Writes s in a cell of `width` display columns (code points).
static void put_cell(FILE *f, const char *s, size_t n, int width)
{
    int cols = 0;
    size_t i = 0;
    while (i < n && cols < width) {
        size_t j = i + 1;
        while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
            j++;
        if (cols == width - 1) {
            // Does it fit exactly?
            size_t k = j;
            if (k < n) {
                fputc('>', f);
                cols++;
                i = n;
                break;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || c < 32)
            fputc(c == '\t' ? ' ' : '?', f);
        else
            fwrite(s + i, 1, j - i, f);
        cols++;
        i = j;
    }
    for (; cols < width; cols++)
        fputc(' ', f);
}

typedef struct lines {
    const char **start;
    size_t *len;
    int n;
} lines_t;

static void split_out(const char *s, lines_t *l)
{
    l->n = 0;
    int cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == '\n';
    l->start = calloc((size_t)cap, sizeof *l->start);
    l->len = calloc((size_t)cap, sizeof *l->len);
    if (!l->start || !l->len || !*s)
        return;
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        l->start[l->n] = p;
        l->len[l->n++] = n;
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void wrap(FILE *f, const char *prefix, const char *text, int width)
{
    int indent = (int)strlen(prefix);
    fputs(prefix, f);
    int col = indent;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int wl = (int)(e - p);
        if (col > indent && col + 1 + wl > width) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, (size_t)wl, f);
        col += wl;
        p = e;
    }
    fputc('\n', f);
}

static void render(source_t *src, const char *path)
{
    bool colour = isatty(1);
    const char *on = colour ? "\033[1;31m" : "", *off = colour ? "\033[0m" : "";
    printf("refpy --compare %s: the same source as a script and typed into the REPL\n", path);
    printf("  line %-*s | %-*s | %s\n", WIDTH_SRC, "source", WIDTH_OUT, "script output",
           "REPL output");
    for (int i = 0; i < 99; i++)
        putchar('-');
    putchar('\n');
    int total = 0, differ = 0;
    for (int i = 0; i < src->nstmts; i++) {
        stmt_t *st = &src->stmts[i];
        lines_t o[2];
        split_out(st->out[0] ? st->out[0] : "", &o[0]);
        split_out(st->out[1] ? st->out[1] : "", &o[1]);
        int nsrc = 0;
        int srcidx[1024];
        for (int k = st->first; k <= st->last && nsrc < 1024; k++)
            if (src->in_string[k] || !blank_or_comment(src->lines[k]) || k == st->first)
                srcidx[nsrc++] = k;
        int nout = o[0].n > o[1].n ? o[0].n : o[1].n;
        int rows = nsrc > nout ? nsrc : nout;
        total += nout;
        for (int r = 0; r < rows; r++) {
            bool has0 = r < o[0].n, has1 = r < o[1].n;
            bool diff = r < nout && (has0 != has1 || (has0 && (o[0].len[r] != o[1].len[r] ||
                                     memcmp(o[0].start[r], o[1].start[r], o[0].len[r]) != 0)));
            differ += diff;
            st->differs |= diff;
            fputs(diff ? on : "", stdout);
            putchar(diff ? '*' : ' ');
            if (r < nsrc)
                printf(" %4d ", srcidx[r] + 1);
            else
                printf("      ");
            const char *sl = r < nsrc ? src->lines[srcidx[r]] : "";
            put_cell(stdout, sl, strlen(sl), WIDTH_SRC);
            fputs(" | ", stdout);
            put_cell(stdout, has0 ? o[0].start[r] : "", has0 ? o[0].len[r] : 0, WIDTH_OUT);
            fputs(" | ", stdout);
            put_cell(stdout, has1 ? o[1].start[r] : "", has1 ? o[1].len[r] : 0, WIDTH_OUT);
            fputs(diff ? off : "", stdout);
            putchar('\n');
        }
        free(o[0].start); free(o[0].len); free(o[1].start); free(o[1].len);
    }
    for (int i = 0; i < 99; i++)
        putchar('-');
    putchar('\n');
    printf("%d of %d output lines differ%s\n", differ, total,
           differ ? " (marked *)" : ": script and REPL agree");
    bool header = false;
    for (int i = 0; i < src->nstmts; i++) {
        stmt_t *st = &src->stmts[i];
        if (!st->differs || (!st->why[0] && !st->why[1]))
            continue;
        if (!header) {
            printf("\nWhy the identities differ (memlab.explain):\n");
            header = true;
        }
        if (st->is_id)
            printf("  line %d: id(%s) == id(%s)\n", st->first + 1, st->explain_l, st->explain_r);
        else
            printf("  line %d: %s %s %s\n", st->first + 1, st->explain_l,
                   st->is_not ? "is not" : "is", st->explain_r);
        wrap(stdout, "    script: ", st->why[0] ? st->why[0] : "(not reached)", 99);
        wrap(stdout, "    REPL:   ", st->why[1] ? st->why[1] : "(not reached)", 99);
    }
}

// ---------------------------------------------------------------------

int rp_compare_run(const char *path)
{
    source_t src;
    memset(&src, 0, sizeof src);
    src.text = read_all(path, NULL);
    if (!src.text) {
        fprintf(stderr, "refpy: can't open file '%s': [Errno %d] %s\n", path, errno,
                strerror(errno));
        return 2;
    }
    if (split_source(&src) < 0) {
        fprintf(stderr, "refpy --compare: out of memory\n");
        return 1;
    }
    for (int i = 0; i < src.nstmts; i++)
        if (src.stmts[i].first == src.stmts[i].last)
            find_comparison(&src.stmts[i], src.lines[src.stmts[i].first]);

    char dir[] = "/tmp/refpy-compare-XXXXXX";
    if (!mkdtemp(dir)) {
        fprintf(stderr, "refpy --compare: cannot create a temporary directory\n");
        return 1;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *script_path = NULL, *input_path = NULL;
    if (asprintf(&script_path, "%s/%s", dir, base) < 0 ||
        asprintf(&input_path, "%s/input.txt", dir) < 0)
        return 1;
    // The script: each statement followed by a marker line.
    int *map = calloc((size_t)src.nlines * 2 + 2, sizeof *map);
    int nmap = 0;
    FILE *fs = fopen(script_path, "w"), *fi = fopen(input_path, "w");
    if (!fs || !fi || !map) {
        fprintf(stderr, "refpy --compare: cannot write temporary files\n");
        return 1;
    }
    for (int i = 0; i < src.nstmts; i++) {
        stmt_t *st = &src.stmts[i];
        int next = i + 1 < src.nstmts ? src.stmts[i + 1].first : src.nlines;
        for (int k = st->first; k < next; k++) {
            fputs(src.lines[k], fs);
            if (k == st->first)
                write_explain_suffix(fs, st);
            fputc('\n', fs);
            map[nmap++] = k + 1;
            if (k == st->last) {
                fputs(MARK_STMT "\n", fs);
                map[nmap++] = k + 1;
            }
            if (k > st->last || (!src.in_string[k] && blank_or_comment(src.lines[k])))
                continue;
            fputs(src.lines[k], fi);
            if (k == st->first)
                write_explain_suffix(fi, st);
            fputc('\n', fi);
        }
        if (is_compound(src.lines[st->first]))
            fputc('\n', fi);       // ends the block
    }
    fclose(fs);
    fclose(fi);

    char exe[4096];
    ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (el < 0) {
        fprintf(stderr, "refpy --compare: cannot find the interpreter\n");
        return 1;
    }
    exe[el] = '\0';
    char *argv_script[] = {exe, script_path, NULL};
    char *argv_repl[] = {exe, (char *)"-q", (char *)"-i", NULL};
    char *out_script = run_child(argv_script, NULL);
    char *out_repl = run_child(argv_repl, input_path);
    unlink(script_path);
    unlink(input_path);
    rmdir(dir);
    if (!out_script || !out_repl) {
        fprintf(stderr, "refpy --compare: cannot run %s\n", exe);
        return 1;
    }
    char *fixed = fix_lines(out_script, script_path, map, nmap);
    char *renamed = fixed ? replace_all(fixed, script_path, path) : NULL;
    distribute_script(&src, renamed ? renamed : out_script);
    distribute_repl(&src, out_repl);
    render(&src, path);
    fflush(stdout);
    for (int i = 0; i < src.nstmts; i++) {
        stmt_t *st = &src.stmts[i];
        free(st->explain_l); free(st->explain_r);
        free(st->out[0]); free(st->out[1]);
        free(st->why[0]); free(st->why[1]);
    }
    free(fixed); free(renamed); free(out_script); free(out_repl);
    free(map); free(script_path); free(input_path);
    free(src.lines); free(src.in_string); free(src.stmts); free(src.text);
    return 0;
}
