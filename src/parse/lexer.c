// The lexer: a tight loop over the bytes of the normalised source that
// follows CPython 3.11's tokenizer.c rule for rule (indentation stack,
// bracket stack, numbers, string extents, error wording and positions).
//
// Invariants: buf[0..end) holds whole lines, each ending in '\n', and
// *end == '\0'.  [line_start, inp) is the current line; cur never passes
// inp until the next line is entered by nextc(), which is when lineno
// advances (so a NEWLINE token still belongs to its own line, as in
// CPython).  String and number contents are decoded later by the parser.
#include "parse/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOF_CH (-1)
#define TABSIZE 8

static const char *const token_names[] = {
#define RP_TOK_NAME_STR(name, text) text,
    RP_TOKEN_LIST(RP_TOK_NAME_STR)
#undef RP_TOK_NAME_STR
};

const char *rp_token_name(rp_tok_kind_t kind)
{
    if ((int)kind < 0 || kind >= RP_TOK__COUNT) {
        return "?";
    }
    return token_names[kind];
}

// ---- UTF-8 -----------------------------------------------------------------

int rp_utf8_decode(const unsigned char *s, const unsigned char *end,
                   uint32_t *cp, int *errlen, const char **reason)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    uint32_t v;
    unsigned lo = 0x80, hi = 0xBF;   // allowed range of the second byte
    if (c < 0xC2) {
        goto bad_start;
    } else if (c < 0xE0) {
        need = 1;
        v = c & 0x1F;
    } else if (c < 0xF0) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0) {
            lo = 0xA0;
        } else if (c == 0xED) {
            hi = 0x9F;
        }
    } else if (c < 0xF5) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        goto bad_start;
    }
    for (int i = 1; i <= need; i++) {
        if (s + i >= end) {
            *errlen = (int)(end - s);
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i];
        unsigned blo = i == 1 ? lo : 0x80, bhi = i == 1 ? hi : 0xBF;
        if (b < blo || b > bhi) {
            *errlen = i;
            *reason = "invalid continuation byte";
            return 0;
        }
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need + 1;
bad_start:
    *errlen = 1;
    *reason = "invalid start byte";
    return 0;
}

// CPython's lax check of file input (valid_utf8 in tokenizer.c): the
// length of the sequence at s, or 0.
static int lax_utf8_len(const unsigned char *s)
{
    int expected;
    if (*s < 0x80) {
        return 1;
    }
    if (*s < 0xC0) {
        return 0;
    }
    if (*s < 0xE0) {
        expected = 1;
    } else if (*s < 0xF0) {
        expected = 2;
    } else if (*s < 0xF8) {
        expected = 3;
    } else {
        return 0;
    }
    int length = expected + 1;
    for (; expected; expected--) {
        if (s[expected] < 0x80 || s[expected] >= 0xC0) {
            return 0;
        }
    }
    return length;
}

// ---- keywords --------------------------------------------------------------

rp_tok_kind_t rp_lexer_keyword(const char *s, size_t n)
{
#define KW(str, kind) \
    if (n == sizeof(str) - 1 && memcmp(s, str, n) == 0) return RP_TOK_##kind
    switch (s[0]) {
    case 'F': KW("False", KW_FALSE); break;
    case 'N': KW("None", KW_NONE); break;
    case 'T': KW("True", KW_TRUE); break;
    case 'a':
        KW("and", KW_AND); KW("as", KW_AS); KW("assert", KW_ASSERT);
        KW("async", KW_ASYNC); KW("await", KW_AWAIT);
        break;
    case 'b': KW("break", KW_BREAK); break;
    case 'c': KW("class", KW_CLASS); KW("continue", KW_CONTINUE); break;
    case 'd': KW("def", KW_DEF); KW("del", KW_DEL); break;
    case 'e':
        KW("elif", KW_ELIF); KW("else", KW_ELSE); KW("except", KW_EXCEPT);
        break;
    case 'f':
        KW("finally", KW_FINALLY); KW("for", KW_FOR); KW("from", KW_FROM);
        break;
    case 'g': KW("global", KW_GLOBAL); break;
    case 'i':
        KW("if", KW_IF); KW("import", KW_IMPORT); KW("in", KW_IN);
        KW("is", KW_IS);
        break;
    case 'l': KW("lambda", KW_LAMBDA); break;
    case 'n': KW("nonlocal", KW_NONLOCAL); KW("not", KW_NOT); break;
    case 'o': KW("or", KW_OR); break;
    case 'p': KW("pass", KW_PASS); break;
    case 'r': KW("raise", KW_RAISE); KW("return", KW_RETURN); break;
    case 't': KW("try", KW_TRY); break;
    case 'w': KW("while", KW_WHILE); KW("with", KW_WITH); break;
    case 'y': KW("yield", KW_YIELD); break;
    default: break;
    }
#undef KW
    return RP_TOK_NAME;
}

// ---- setup -----------------------------------------------------------------

int rp_lexer_init(rp_lexer_t *lx, rp_arena_t *arena, const char *src,
                  size_t len, int flags, const char *filename,
                  rp_parse_error_t *err)
{
    memset(lx, 0, sizeof(*lx));
    lx->flags = flags;
    lx->filename = filename ? filename : "<string>";
    lx->err = err;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *buf = rp_arena_alloc(arena, len + 2);
    if (buf == NULL) {
        rp_perr_set(err, RP_PERR_NOMEM, 0, 0, 0, 0, NULL, 0, "%s", "");
        return -1;
    }
    char *d = buf;
    const char *nul = NULL;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
            c = '\n';
        } else if (c == '\0' && nul == NULL) {
            nul = d;
        }
        *d++ = c;
    }
    if (d > buf && d[-1] != '\n') {
        *d++ = '\n';
        lx->added_newline = 1;
    }
    *d = '\0';
    lx->buf = lx->cur = lx->line_start = buf;
    lx->end = d;
    lx->inp = buf;
    lx->atbol = 1;

    // Where CPython's line reader stops: the first line with a NUL byte
    // or, for file input, with a byte sequence its lax check rejects.
    const char *bad = nul;
    if (flags & RP_LX_FILE_INPUT) {
        const unsigned char *s = (const unsigned char *)buf;
        const unsigned char *e = (const unsigned char *)(nul ? nul : d);
        while (s < e) {
            if (*s < 0x80) {
                s++;
                continue;
            }
            int n = lax_utf8_len(s);
            if (n == 0) {
                bad = (const char *)s;
                break;
            }
            s += n;
        }
    }
    if (bad != NULL) {
        const char *ls = bad;
        while (ls > buf && ls[-1] != '\n') {
            ls--;
        }
        lx->bad_line = ls;
        lx->bad_pos = bad;
    }
    return 0;
}

// ---- errors ----------------------------------------------------------------

int rp_lexer_offset(const rp_lexer_t *lx, const char *line, size_t len,
                    int col)
{
    if (lx->flags & (RP_LX_FILE_INPUT | RP_LX_BYTE_OFFSETS)) {
        return col;
    }
    return rp_perr_byte_to_char(line, len, col);
}

size_t rp_lexer_text_len(const rp_lexer_t *lx, const char *ls)
{
    size_t n = rp_line_len(ls, lx->end);
    if (ls + n < lx->end && !(lx->added_newline && ls + n + 1 == lx->end)) {
        n++;
    }
    return n;
}

// CPython's syntaxerror(): the column is the number of characters from the
// line start to cur, the text the line without its newline.
static rp_tok_kind_t syntaxerror_range(rp_lexer_t *lx, int col, int end_col,
                                       const char *fmt, ...)
{
    size_t linelen = rp_line_len(lx->line_start, lx->end);
    if (col == -1) {
        col = rp_utf8_count(lx->line_start, (size_t)(lx->cur - lx->line_start));
    }
    if (end_col == -1) {
        end_col = col;
    }
    va_list ap;
    va_start(ap, fmt);
    rp_perr_setv(lx->err, RP_PERR_SYNTAX, lx->lineno, col, lx->lineno,
                 end_col, lx->line_start, linelen, fmt, ap);
    va_end(ap);
    lx->done = RP_LX_ERROR;
    return RP_TOK_ERRORTOKEN;
}

#define syntaxerror(lx, ...) syntaxerror_range((lx), -1, -1, __VA_ARGS__)

// The error CPython's parser raises when the tokenizer stopped with a
// deferred code (tokenizer_error() in pegen_errors.c).
void rp_lexer_raise_done(rp_lexer_t *lx, const rp_token_t *tok)
{
    const char *ls = lx->line_start;
    size_t textlen = rp_lexer_text_len(lx, ls);
    rp_perr_kind_t kind = RP_PERR_SYNTAX;
    const char *msg;
    int col = 0;
    switch (lx->done) {
    case RP_LX_EOF:
        if (lx->level > 0) {
            int l = lx->level - 1;
            const char *pl = rp_find_line(lx->buf, lx->end,
                                          lx->parenlinenostack[l]);
            size_t plen = pl ? rp_lexer_text_len(lx, pl) : 0;
            int off = pl ? rp_lexer_offset(lx, pl, plen,
                                                lx->parencolstack[l] + 1)
                         : lx->parencolstack[l] + 1;
            rp_perr_set(lx->err, RP_PERR_SYNTAX, lx->parenlinenostack[l],
                        off, lx->parenlinenostack[l], 0, pl, plen,
                        "'%c' was never closed", lx->parenstack[l]);
        } else {
            // RAISE_SYNTAX_ERROR at a token without a column: the
            // column is where the tokenizer stopped.
            int c = (int)(lx->cur - ls);
            rp_perr_set(lx->err, RP_PERR_SYNTAX, tok->cur_lineno,
                        rp_lexer_offset(lx, ls, textlen, c),
                        tok->cur_lineno, -1, ls, textlen,
                        "unexpected EOF while parsing");
        }
        lx->err->incomplete = 1;
        return;
    case RP_LX_DEDENT: {
        int c = (int)(lx->cur - ls);
        rp_perr_set(lx->err, RP_PERR_INDENT, lx->lineno,
                    rp_lexer_offset(lx, ls, textlen, c), lx->lineno, -1,
                    ls, textlen,
                    "unindent does not match any outer indentation level");
        return;
    }
    case RP_LX_TABSPACE:
        kind = RP_PERR_TAB;
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
    case RP_LX_TOODEEP:
        kind = RP_PERR_INDENT;
        msg = "too many levels of indentation";
        break;
    case RP_LX_LINECONT:
        col = (int)(lx->cur - ls) - 1;
        msg = "unexpected character after line continuation character";
        break;
    default:
        return;
    }
    rp_perr_set(lx->err, kind, lx->lineno,
                rp_lexer_offset(lx, ls, textlen, col + 1), lx->lineno, 0,
                ls, textlen, "%s", msg);
}

// ---- character reading -----------------------------------------------------

static void line_error(rp_lexer_t *lx)
{
    const char *ls = lx->line_start;
    if (*lx->bad_pos == '\0') {
        size_t n = strlen(ls);   // CPython's text stops at the NUL
        rp_perr_set(lx->err, RP_PERR_SYNTAX, lx->lineno, 0, lx->lineno, 0,
                    ls, n, "source code cannot contain null bytes");
    } else {
        rp_perr_set(lx->err, RP_PERR_SYNTAX, 0, 0, 0, 0, NULL, 0,
                    "Non-UTF-8 code starting with '\\x%.2x' in file %s on "
                    "line %i, but no encoding declared; see "
                    "https://peps.python.org/pep-0263/ for details",
                    (unsigned char)*lx->bad_pos, lx->filename, lx->lineno);
    }
    lx->done = RP_LX_ERROR;
}

// Returns the next byte, entering the next line when the current one is
// used up; EOF_CH at the end of input or after an error.
static inline int nextc(rp_lexer_t *lx)
{
    if (lx->cur != lx->inp) {
        return (unsigned char)*lx->cur++;
    }
    if (lx->done != RP_LX_OK || lx->cur >= lx->end) {
        lx->eof = 1;
        if (lx->start == NULL) {
            // CPython's file reader has emptied its buffer: errors placed
            // "where the lexer stopped" then get column 0.
            lx->eof_reset = 1;
        }
        return EOF_CH;
    }
    lx->line_start = lx->cur;
    lx->lineno++;
    const char *nl = memchr(lx->cur, '\n', (size_t)(lx->end - lx->cur));
    lx->inp = nl + 1;
    if (lx->line_start == lx->bad_line) {
        line_error(lx);
        lx->cur = lx->inp;
        return EOF_CH;
    }
    return (unsigned char)*lx->cur++;
}

static inline void backup(rp_lexer_t *lx, int c)
{
    if (c != EOF_CH) {
        lx->cur--;
    }
}

static inline int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128;
}

static inline int is_id_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c >= 128;
}

static inline int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---- warnings --------------------------------------------------------------

rp_parse_warn_fn rp_parse_warn_hook;

static void warn(rp_lexer_t *lx, const char *fmt, const char *arg)
{
    if (rp_parse_warn_hook == NULL) {
        return;
    }
    char msg[128];
    snprintf(msg, sizeof(msg), fmt, arg);
    rp_parse_warn_hook(RP_PWARN_SYNTAX, lx->filename, lx->lineno, msg);
}

// ---- identifiers -----------------------------------------------------------

// CPython's verify_identifier(): strict UTF-8 and XID properties.
static int verify_identifier(rp_lexer_t *lx)
{
    const unsigned char *s = (const unsigned char *)lx->start;
    const unsigned char *e = (const unsigned char *)lx->cur;
    const unsigned char *p = s;
    int first = 1;
    while (p < e) {
        uint32_t cp;
        int errlen;
        const char *reason;
        int n = rp_utf8_decode(p, e, &cp, &errlen, &reason);
        if (n == 0) {
            // A decoding error: SyntaxError "(unicode error) ..." placed
            // where the tokenizer stopped (the end of the identifier).
            const char *ls = lx->line_start;
            size_t textlen = rp_lexer_text_len(lx, ls);
            int pos = (int)(p - s);
            int col = rp_lexer_offset(lx, ls, textlen, (int)(lx->cur - ls));
            if (errlen == 1) {
                rp_perr_set(lx->err, RP_PERR_SYNTAX, lx->lineno, col,
                            lx->lineno, -1, ls, textlen,
                            "(unicode error) 'utf-8' codec can't decode byte "
                            "0x%02x in position %d: %s", *p, pos, reason);
            } else {
                rp_perr_set(lx->err, RP_PERR_SYNTAX, lx->lineno, col,
                            lx->lineno, -1, ls, textlen,
                            "(unicode error) 'utf-8' codec can't decode "
                            "bytes in position %d-%d: %s", pos,
                            pos + errlen - 1, reason);
            }
            lx->done = RP_LX_ERROR;
            return 0;
        }
        int ok = first ? (cp == '_' || rp_unicode_is_xid_start(cp))
                       : rp_unicode_is_xid_continue(cp);
        if (!ok) {
            if (p + n < e) {
                lx->cur = (const char *)p + n;
            }
            if (rp_unicode_is_printable(cp)) {
                syntaxerror(lx, "invalid character '%.*s' (U+%04X)", n,
                            (const char *)p, (unsigned)cp);
            } else {
                syntaxerror(lx, "invalid non-printable character U+%04X",
                            (unsigned)cp);
            }
            return 0;
        }
        first = 0;
        p += n;
    }
    return 1;
}

// ---- numbers ---------------------------------------------------------------

// tok_decimal_tail(): digits with single underscores between them.
// Returns the first character after them, or 0 after an error.
static int decimal_tail(rp_lexer_t *lx)
{
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            syntaxerror(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// lookahead(): true if the next characters are `test` not followed by an
// identifier character; consumes nothing.
static int lookahead(rp_lexer_t *lx, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = nextc(lx);
        if (*s == 0) {
            res = !is_id_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(lx, c);
        while (s != test) {
            backup(lx, *--s);
        }
        return res;
    }
}

// verify_end_of_number(): a number directly followed by a keyword that can
// follow it in valid code warns; by another identifier character fails.
static int verify_end_of_number(rp_lexer_t *lx, int c, const char *kind)
{
    int r = 0;
    if (c == 'a') {
        r = lookahead(lx, "nd");
    } else if (c == 'e') {
        r = lookahead(lx, "lse");
    } else if (c == 'f') {
        r = lookahead(lx, "or");
    } else if (c == 'i') {
        int c2 = nextc(lx);
        if (c2 == 'f' || c2 == 'n' || c2 == 's') {
            r = 1;
        }
        backup(lx, c2);
    } else if (c == 'o') {
        r = lookahead(lx, "r");
    } else if (c == 'n') {
        r = lookahead(lx, "ot");
    }
    if (r) {
        backup(lx, c);
        warn(lx, "invalid %s literal", kind);
        nextc(lx);
    } else if (is_id_char(c)) {
        backup(lx, c);
        syntaxerror(lx, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

// Scans a number whose first character c has been read.  Returns
// RP_TOK_NUMBER or RP_TOK_ERRORTOKEN.
static rp_tok_kind_t scan_number(rp_lexer_t *lx, int c, int *flags)
{
    *flags = RP_NUM_INT;
    if (c == '.') {
        c = nextc(lx);
        goto fraction;
    }
    if (c == '0') {
        c = nextc(lx);
        if (c == 'x' || c == 'X') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (!is_xdigit(c)) {
                    backup(lx, c);
                    return syntaxerror(lx, "invalid hexadecimal literal");
                }
                do {
                    c = nextc(lx);
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(lx, c, "hexadecimal")) {
                return RP_TOK_ERRORTOKEN;
            }
        } else if (c == 'o' || c == 'O') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (c < '0' || c >= '8') {
                    if (is_digit(c)) {
                        return syntaxerror(
                            lx, "invalid digit '%c' in octal literal", c);
                    }
                    backup(lx, c);
                    return syntaxerror(lx, "invalid octal literal");
                }
                do {
                    c = nextc(lx);
                } while ('0' <= c && c < '8');
            } while (c == '_');
            if (is_digit(c)) {
                return syntaxerror(lx, "invalid digit '%c' in octal literal",
                                   c);
            }
            if (!verify_end_of_number(lx, c, "octal")) {
                return RP_TOK_ERRORTOKEN;
            }
        } else if (c == 'b' || c == 'B') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (c != '0' && c != '1') {
                    if (is_digit(c)) {
                        return syntaxerror(
                            lx, "invalid digit '%c' in binary literal", c);
                    }
                    backup(lx, c);
                    return syntaxerror(lx, "invalid binary literal");
                }
                do {
                    c = nextc(lx);
                } while (c == '0' || c == '1');
            } while (c == '_');
            if (is_digit(c)) {
                return syntaxerror(lx, "invalid digit '%c' in binary literal",
                                   c);
            }
            if (!verify_end_of_number(lx, c, "binary")) {
                return RP_TOK_ERRORTOKEN;
            }
        } else {
            // Maybe an old-style octal: only zeros are allowed.
            int nonzero = 0;
            for (;;) {
                if (c == '_') {
                    c = nextc(lx);
                    if (!is_digit(c)) {
                        backup(lx, c);
                        return syntaxerror(lx, "invalid decimal literal");
                    }
                }
                if (c != '0') {
                    break;
                }
                c = nextc(lx);
            }
            const char *zeros_end = lx->cur;
            if (is_digit(c)) {
                nonzero = 1;
                c = decimal_tail(lx);
                if (c == 0) {
                    return RP_TOK_ERRORTOKEN;
                }
            }
            if (c == '.') {
                c = nextc(lx);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(lx, c);
                return syntaxerror_range(
                    lx, (int)(lx->start + 1 - lx->line_start),
                    (int)(zeros_end - lx->line_start),
                    "leading zeros in decimal integer literals are not "
                    "permitted; use an 0o prefix for octal integers");
            }
            if (!verify_end_of_number(lx, c, "decimal")) {
                return RP_TOK_ERRORTOKEN;
            }
        }
    } else {
        c = decimal_tail(lx);
        if (c == 0) {
            return RP_TOK_ERRORTOKEN;
        }
        if (c == '.') {
            c = nextc(lx);
        fraction:
            *flags = RP_NUM_FLOAT;
            if (is_digit(c)) {
                c = decimal_tail(lx);
                if (c == 0) {
                    return RP_TOK_ERRORTOKEN;
                }
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = nextc(lx);
            if (c == '+' || c == '-') {
                c = nextc(lx);
                if (!is_digit(c)) {
                    backup(lx, c);
                    return syntaxerror(lx, "invalid decimal literal");
                }
            } else if (!is_digit(c)) {
                backup(lx, c);
                if (!verify_end_of_number(lx, e, "decimal")) {
                    return RP_TOK_ERRORTOKEN;
                }
                backup(lx, e);
                return RP_TOK_NUMBER;
            }
            *flags = RP_NUM_FLOAT;
            c = decimal_tail(lx);
            if (c == 0) {
                return RP_TOK_ERRORTOKEN;
            }
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            *flags = RP_NUM_IMAG;
            c = nextc(lx);
            if (!verify_end_of_number(lx, c, "imaginary")) {
                return RP_TOK_ERRORTOKEN;
            }
        } else if (!verify_end_of_number(lx, c, "decimal")) {
            return RP_TOK_ERRORTOKEN;
        }
    }
    backup(lx, c);
    return RP_TOK_NUMBER;
}

// ---- operators -------------------------------------------------------------

static rp_tok_kind_t one_char(int c)
{
    switch (c) {
    case '%': return RP_TOK_PERCENT;
    case '&': return RP_TOK_AMPER;
    case '(': return RP_TOK_LPAR;
    case ')': return RP_TOK_RPAR;
    case '*': return RP_TOK_STAR;
    case '+': return RP_TOK_PLUS;
    case ',': return RP_TOK_COMMA;
    case '-': return RP_TOK_MINUS;
    case '.': return RP_TOK_DOT;
    case '/': return RP_TOK_SLASH;
    case ':': return RP_TOK_COLON;
    case ';': return RP_TOK_SEMI;
    case '<': return RP_TOK_LESS;
    case '=': return RP_TOK_EQUAL;
    case '>': return RP_TOK_GREATER;
    case '@': return RP_TOK_AT;
    case '[': return RP_TOK_LSQB;
    case ']': return RP_TOK_RSQB;
    case '^': return RP_TOK_CIRCUMFLEX;
    case '{': return RP_TOK_LBRACE;
    case '|': return RP_TOK_VBAR;
    case '}': return RP_TOK_RBRACE;
    case '~': return RP_TOK_TILDE;
    default: return RP_TOK_OP;
    }
}

static rp_tok_kind_t two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return RP_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return RP_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return RP_TOK_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return RP_TOK_DOUBLESTAR;
        if (c2 == '=') return RP_TOK_STAREQUAL;
        break;
    case '+': if (c2 == '=') return RP_TOK_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return RP_TOK_MINEQUAL;
        if (c2 == '>') return RP_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return RP_TOK_DOUBLESLASH;
        if (c2 == '=') return RP_TOK_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return RP_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return RP_TOK_LEFTSHIFT;
        if (c2 == '=') return RP_TOK_LESSEQUAL;
        if (c2 == '>') return RP_TOK_NOTEQUAL;
        break;
    case '=': if (c2 == '=') return RP_TOK_EQEQUAL; break;
    case '>':
        if (c2 == '=') return RP_TOK_GREATEREQUAL;
        if (c2 == '>') return RP_TOK_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return RP_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return RP_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return RP_TOK_VBAREQUAL; break;
    default: break;
    }
    return RP_TOK_OP;
}

static rp_tok_kind_t three_chars(int c1, int c2, int c3)
{
    if (c3 != '=') {
        if (c1 == '.' && c2 == '.' && c3 == '.') {
            return RP_TOK_ELLIPSIS;
        }
        return RP_TOK_OP;
    }
    if (c1 == '*' && c2 == '*') return RP_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return RP_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return RP_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return RP_TOK_RIGHTSHIFTEQUAL;
    return RP_TOK_OP;
}

// ---- the scanner -----------------------------------------------------------

// tok_continuation_line(): after a backslash the line must end.
static int continuation_line(rp_lexer_t *lx)
{
    int c = nextc(lx);
    if (c != '\n') {
        lx->done = RP_LX_LINECONT;
        return -1;
    }
    c = nextc(lx);
    if (c == EOF_CH) {
        if (lx->done == RP_LX_OK) {
            lx->done = RP_LX_EOF;
        }
        lx->cur = lx->inp;
        return -1;
    }
    backup(lx, c);
    return c;
}

static rp_tok_kind_t indent_error(rp_lexer_t *lx)
{
    lx->done = RP_LX_TABSPACE;
    lx->cur = lx->inp;
    return RP_TOK_ERRORTOKEN;
}

// The core of rp_lexer_next: returns the kind and sets *p_start/*p_end to
// the token's bytes (NULL for tokens without text).
static rp_tok_kind_t tok_get(rp_lexer_t *lx, const char **p_start,
                             const char **p_end, int *flags)
{
    int c;
    int blankline;
    *p_start = *p_end = NULL;
    *flags = 0;
    if (lx->done != RP_LX_OK) {
        return RP_TOK_ERRORTOKEN;
    }
nextline:
    lx->start = NULL;
    blankline = 0;
    if (lx->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        lx->atbol = 0;
        for (;;) {
            c = nextc(lx);
            if (c == ' ') {
                col++;
                altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\014') {
                col = altcol = 0;
            } else if (c == '\\') {
                cont_line_col = cont_line_col ? cont_line_col : col;
                if (continuation_line(lx) == -1) {
                    return RP_TOK_ERRORTOKEN;
                }
            } else {
                break;
            }
        }
        backup(lx, c);
        if (c == EOF_CH && lx->done != RP_LX_OK) {
            return RP_TOK_ERRORTOKEN;
        }
        if (c == EOF_CH && (lx->flags & RP_LX_INTERACTIVE) &&
            lx->ntokens > 0 && lx->level == 0) {
            lx->done = RP_LX_INCOMPLETE;
            return RP_TOK_ERRORTOKEN;
        }
        if (c == '#' || c == '\n') {
            if (col == 0 && c == '\n' && (lx->flags & RP_LX_INTERACTIVE)) {
                blankline = 0;   // an empty line ends an interactive block
            } else if ((lx->flags & RP_LX_INTERACTIVE) && lx->lineno == 1) {
                blankline = 0;
                col = altcol = 0;
            } else {
                blankline = 1;
            }
        }
        if (!blankline && lx->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == lx->indstack[lx->indent]) {
                if (altcol != lx->altindstack[lx->indent]) {
                    return indent_error(lx);
                }
            } else if (col > lx->indstack[lx->indent]) {
                if (lx->indent + 1 >= RP_LX_MAXINDENT) {
                    lx->done = RP_LX_TOODEEP;
                    lx->cur = lx->inp;
                    return RP_TOK_ERRORTOKEN;
                }
                if (altcol <= lx->altindstack[lx->indent]) {
                    return indent_error(lx);
                }
                lx->pendin++;
                lx->indstack[++lx->indent] = col;
                lx->altindstack[lx->indent] = altcol;
            } else {
                while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
                    lx->pendin--;
                    lx->indent--;
                }
                if (col != lx->indstack[lx->indent]) {
                    lx->done = RP_LX_DEDENT;
                    lx->cur = lx->inp;
                    return RP_TOK_ERRORTOKEN;
                }
                if (altcol != lx->altindstack[lx->indent]) {
                    return indent_error(lx);
                }
            }
        }
    }

    lx->start = lx->cur;
    if (lx->pendin != 0) {
        if (lx->pendin < 0) {
            lx->pendin++;
            return RP_TOK_DEDENT;
        }
        lx->pendin--;
        return RP_TOK_INDENT;
    }

again:
    lx->start = NULL;
    do {
        c = nextc(lx);
    } while (c == ' ' || c == '\t' || c == '\014');
    lx->start = lx->cur - 1;

    if (c == '#') {
        while (c != EOF_CH && c != '\n') {
            c = nextc(lx);
        }
    }

    if (c == EOF_CH) {
        if (lx->done != RP_LX_OK) {
            return RP_TOK_ERRORTOKEN;
        }
        if (lx->level) {
            if (lx->flags & RP_LX_STOP)
                return RP_TOK_ENDMARKER;
            lx->done = RP_LX_EOF;
            return RP_TOK_ERRORTOKEN;
        }
        if ((lx->flags & RP_LX_INTERACTIVE) && lx->ntokens > 0) {
            lx->done = RP_LX_INCOMPLETE;
            return RP_TOK_ERRORTOKEN;
        }
        return RP_TOK_ENDMARKER;
    }

    // Identifiers, keywords and string prefixes.
    if (is_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = 1;
            } else if (!(saw_b || saw_u || saw_r || saw_f) &&
                       (c == 'u' || c == 'U')) {
                saw_u = 1;
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = 1;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = 1;
            } else {
                break;
            }
            c = nextc(lx);
            if (c == '"' || c == '\'') {
                goto letter_quote;
            }
        }
        int nonascii = 0;
        while (is_id_char(c)) {
            if (c >= 128) {
                nonascii = 1;
            }
            c = nextc(lx);
        }
        backup(lx, c);
        if (nonascii && !verify_identifier(lx)) {
            return RP_TOK_ERRORTOKEN;
        }
        *p_start = lx->start;
        *p_end = lx->cur;
        return rp_lexer_keyword(lx->start, (size_t)(lx->cur - lx->start));
    }

    if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0) {
            goto nextline;
        }
        *p_start = lx->start;
        *p_end = lx->cur - 1;    // the '\n' is not part of the token
        return RP_TOK_NEWLINE;
    }

    if (c == '.') {
        c = nextc(lx);
        if (is_digit(c)) {
            backup(lx, c);
            rp_tok_kind_t k = scan_number(lx, '.', flags);
            *p_start = lx->start;
            *p_end = lx->cur;
            return k;
        } else if (c == '.') {
            c = nextc(lx);
            if (c == '.') {
                *p_start = lx->start;
                *p_end = lx->cur;
                return RP_TOK_ELLIPSIS;
            }
            backup(lx, c);
            backup(lx, '.');
        } else {
            backup(lx, c);
        }
        *p_start = lx->start;
        *p_end = lx->cur;
        return RP_TOK_DOT;
    }

    if (is_digit(c)) {
        rp_tok_kind_t k = scan_number(lx, c, flags);
        *p_start = lx->start;
        *p_end = lx->cur;
        return k;
    }

letter_quote:
    if (c == '\'' || c == '"') {
        int quote = c;
        int quote_size = 1;
        int end_quote_size = 0;
        lx->first_lineno = lx->lineno;
        lx->multi_line_start = lx->line_start;
        c = nextc(lx);
        if (c == quote) {
            c = nextc(lx);
            if (c == quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1;   // an empty string
            }
        }
        if (c != quote) {
            backup(lx, c);
        }
        while (end_quote_size != quote_size) {
            c = nextc(lx);
            if (c == EOF_CH && lx->done != RP_LX_OK) {
                return RP_TOK_ERRORTOKEN;
            }
            if (c == EOF_CH || (quote_size == 1 && c == '\n')) {
                // Report from the opening quote, on the string's first line.
                int detected = lx->lineno;
                lx->cur = lx->start + 1;
                lx->line_start = lx->multi_line_start;
                lx->lineno = lx->first_lineno;
                if (quote_size == 3) {
                    syntaxerror(lx, "unterminated triple-quoted string "
                                    "literal (detected at line %d)", detected);
                    if (c != '\n') {
                        lx->err->incomplete = 1;
                    }
                } else {
                    syntaxerror(lx, "unterminated string literal (detected "
                                    "at line %d)", detected);
                }
                return RP_TOK_ERRORTOKEN;
            }
            if (c == quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if (c == '\\') {
                    nextc(lx);   // the escaped character
                }
            }
        }
        *p_start = lx->start;
        *p_end = lx->cur;
        return RP_TOK_STRING;
    }

    if (c == '\\') {
        if (continuation_line(lx) == -1) {
            if (lx->done == RP_LX_EOF && (lx->flags & RP_LX_INTERACTIVE)) {
                lx->done = RP_LX_INCOMPLETE;
            }
            return RP_TOK_ERRORTOKEN;
        }
        goto again;
    }

    {
        int c2 = nextc(lx);
        rp_tok_kind_t k = two_chars(c, c2);
        if (k != RP_TOK_OP) {
            int c3 = nextc(lx);
            rp_tok_kind_t k3 = three_chars(c, c2, c3);
            if (k3 != RP_TOK_OP) {
                k = k3;
            } else {
                backup(lx, c3);
            }
            *p_start = lx->start;
            *p_end = lx->cur;
            return k;
        }
        backup(lx, c2);
    }

    switch (c) {
    case '(':
    case '[':
    case '{':
        if (lx->level >= RP_LX_MAXLEVEL) {
            return syntaxerror(lx, "too many nested parentheses");
        }
        lx->parenstack[lx->level] = (char)c;
        lx->parenlinenostack[lx->level] = lx->lineno;
        lx->parencolstack[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!lx->level) {
            return syntaxerror(lx, "unmatched '%c'", c);
        }
        lx->level--;
        int opening = lx->parenstack[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (lx->parenlinenostack[lx->level] != lx->lineno) {
                return syntaxerror(lx, "closing parenthesis '%c' does not "
                                       "match opening parenthesis '%c' on "
                                       "line %d", c, opening,
                                   lx->parenlinenostack[lx->level]);
            }
            return syntaxerror(lx, "closing parenthesis '%c' does not match "
                                   "opening parenthesis '%c'", c, opening);
        }
        break;
    }
    default:
        break;
    }

    if (c < 0x20 || c == 0x7F) {
        return syntaxerror(lx, "invalid non-printable character U+%04X", c);
    }
    *p_start = lx->start;
    *p_end = lx->cur;
    return one_char(c);
}

rp_tok_kind_t rp_lexer_next(rp_lexer_t *lx, rp_token_t *tok)
{
    const char *start, *end;
    int flags;
    rp_tok_kind_t kind = tok_get(lx, &start, &end, &flags);
    const char *line_start = kind == RP_TOK_STRING ? lx->multi_line_start
                                                   : lx->line_start;
    tok->kind = kind;
    tok->flags = flags;
    tok->level = lx->level;
    tok->start = start;
    tok->end = end;
    tok->lineno = kind == RP_TOK_STRING ? lx->first_lineno : lx->lineno;
    tok->end_lineno = lx->lineno;
    tok->col_offset = (start != NULL && start >= line_start)
                          ? (int)(start - line_start) : -1;
    tok->end_col_offset = (end != NULL && end >= lx->line_start)
                              ? (int)(end - lx->line_start) : -1;
    tok->line_start = line_start;
    tok->cur_lineno = lx->lineno;
    tok->cur_col = (lx->eof_reset && (lx->flags & RP_LX_FILE_INPUT))
                       ? 0 : (int)(lx->cur - lx->line_start);
    if (kind != RP_TOK_ERRORTOKEN) {
        lx->ntokens++;
    }
    return kind;
}
