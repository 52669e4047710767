// Internal to the front end: the state shared by string concatenation
// (strings.c) and f-string parsing (fstring.c), CPython's FstringParser.
#ifndef RP_FSTRING_H
#define RP_FSTRING_H

#include "parse/parse_internal.h"

// A growable byte buffer in the parse arena; a[n] is always '\0'.
typedef struct rp_buf {
    char *a;
    size_t n, cap;
} rp_buf_t;

int rp_buf_append(rp_parser_t *p, rp_buf_t *b, const char *s, size_t n);

// The pieces of a (possibly concatenated) string literal: the pending
// literal text and the Constant/FormattedValue nodes so far.
typedef struct rp_fstate {
    rp_buf_t last_str;    // literal text not yet turned into a node
    rp_vec_t exprs;       // values of the JoinedStr
    int fmode;            // an f-string was seen
    int kind_u;           // the first literal had a u prefix
} rp_fstate_t;

static inline void rp_fstate_init(rp_fstate_t *st)
{
    memset(st, 0, sizeof(*st));
}

// Appends decoded literal text (UTF-8) to the pending literal.
int rp_fstate_add_literal(rp_parser_t *p, rp_fstate_t *st, const char *s,
                          size_t n);

// Builds the result: Constant(str) if no f-string was seen, else a
// JoinedStr spanning first..last.
rp_expr_t *rp_fstate_finish(rp_parser_t *p, rp_fstate_t *st,
                            const rp_token_t *first, const rp_token_t *last);

// Decodes the body s[0..len) of a literal of token t into b: escapes
// unless raw, UTF-8 checked for str.  Returns 0 or -1 (error set).
int rp_p_decode_literal(rp_parser_t *p, rp_buf_t *b, const char *s,
                        size_t len, int raw, int is_bytes,
                        const rp_token_t *t);

// Parses the f-string body s[0..len) of token t (CPython's
// _PyPegen_FstringParser_ConcatFstring at recursion level lvl), adding
// its pieces to st.  first/last are the first and last tokens of the
// whole concatenation.
int rp_p_fstring(rp_parser_t *p, rp_fstate_t *st, const char *s, size_t len,
                 int raw, int lvl, const rp_token_t *first,
                 const rp_token_t *t, const rp_token_t *last);
// The same from *str to end, advancing *str (used for format specs).
int rp_p_fstring_at(rp_parser_t *p, rp_fstate_t *st, const char **str,
                    const char *end, int raw, int lvl,
                    const rp_token_t *first, const rp_token_t *t,
                    const rp_token_t *last);

#endif
