// Tab completion: keywords, builtins and names in __main__; after a dot,
// the attributes of the object a dotted name refers to.  Names are only
// looked up (dict lookups and getattr), never called.
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "repl/complete.h"
#include "vm/vm.h"

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    NULL,
};

typedef struct {
    char **items;
    size_t n, cap;
} cands_t;

static void add(cands_t *c, const char *prefix, size_t plen, const char *name,
                const char *suffix)
{
    if (c->n + 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        char **ni = realloc(c->items, cap * sizeof *ni);
        if (!ni)
            return;
        c->items = ni;
        c->cap = cap;
    }
    size_t n = plen + strlen(name) + strlen(suffix) + 1;
    char *s = malloc(n);
    if (!s)
        return;
    memcpy(s, prefix, plen);
    strcpy(s + plen, name);
    strcat(s, suffix);
    c->items[c->n++] = s;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Adds every str key of dict d that starts with word.
static void add_dict_names(cands_t *c, rp_obj_t *d, const char *word, size_t wlen)
{
    rp_ssize_t pos = 0;
    rp_obj_t *k, *v;
    while (rp_dict_next(d, &pos, &k, &v)) {
        if (!rp_str_check(k))
            continue;
        const char *u = rp_str_utf8(k, NULL);
        if (!u) {
            rp_err_clear();
            continue;
        }
        if (strncmp(u, word, wlen) == 0 && (u[0] != '_' || word[0] == '_'))
            add(c, "", 0, u, rp_obj_is_callable(v) ? "(" : "");
    }
}

// Resolves a dotted name ("a.b.c") by lookups only; new reference or NULL.
static rp_obj_t *resolve(const char *expr, size_t len)
{
    char *copy = strndup(expr, len);
    if (!copy)
        return NULL;
    rp_obj_t *cur = NULL;
    char *save = NULL;
    for (char *part = strtok_r(copy, ".", &save); part; part = strtok_r(NULL, ".", &save)) {
        for (char *p = part; *p; p++)
            if (!isalnum((unsigned char)*p) && *p != '_' && !((unsigned char)*p & 0x80))
                goto fail;
        rp_obj_t *name = rp_str_from_cstr(part);
        if (!name)
            goto fail;
        rp_obj_t *next;
        if (!cur) {
            rp_obj_t *g = rp_module_dict_borrow(rp_interp.main_module);
            next = rp_dict_get_borrow(g, name);
            if (!next)
                next = rp_dict_get_borrow(rp_interp.builtins, name);
            rp_xincref(next);
        } else {
            next = rp_obj_getattr(cur, name);
            rp_decref(cur);
        }
        rp_decref(name);
        if (!next)
            goto fail;
        cur = next;
    }
    free(copy);
    return cur;
fail:
    rp_err_clear();
    free(copy);
    return NULL;
}

char **rp_complete_candidates(const char *text)
{
    cands_t c = {0};
    const char *dot = strrchr(text, '.');
    if (dot) {
        rp_obj_t *obj = resolve(text, (size_t)(dot - text));
        if (obj) {
            const char *word = dot + 1;
            size_t wlen = strlen(word);
            rp_obj_t *names = rp_obj_call_method(obj, "__dir__", NULL, 0);
            rp_obj_t *list = names ? rp_list_from_iterable(names) : NULL;
            rp_xdecref(names);
            if (list) {
                for (rp_ssize_t i = 0; i < rp_list_len(list); i++) {
                    rp_obj_t *k = rp_list_get_borrow(list, i);
                    const char *u = rp_str_check(k) ? rp_str_utf8(k, NULL) : NULL;
                    if (!u || strncmp(u, word, wlen) != 0)
                        continue;
                    if (u[0] == '_' && word[0] != '_')
                        continue;
                    // Like rlcompleter: a callable attribute gets "(".
                    rp_obj_t *v = rp_obj_getattr(obj, k);
                    bool call = v && rp_obj_is_callable(v);
                    rp_xdecref(v);
                    rp_err_clear();
                    add(&c, text, (size_t)(dot - text) + 1, u, call ? "(" : "");
                }
                rp_decref(list);
            }
            rp_decref(obj);
        }
        rp_err_clear();
    } else {
        size_t wlen = strlen(text);
        for (int i = 0; keywords[i]; i++)
            if (strncmp(keywords[i], text, wlen) == 0)
                add(&c, "", 0, keywords[i], "");
        add_dict_names(&c, rp_module_dict_borrow(rp_interp.main_module), text, wlen);
        add_dict_names(&c, rp_interp.builtins, text, wlen);
    }
    if (c.n > 1)
        qsort(c.items, c.n, sizeof *c.items, cmp);
    // Drop duplicates (a name both global and builtin).
    size_t out = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (out > 0 && strcmp(c.items[out - 1], c.items[i]) == 0)
            free(c.items[i]);
        else
            c.items[out++] = c.items[i];
    }
    c.n = out;
    if (!c.items) {
        c.items = malloc(sizeof *c.items);
        if (!c.items)
            return NULL;
    }
    c.items[c.n] = NULL;
    return c.items;
}
