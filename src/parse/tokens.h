// Tokens and the lexer: UTF-8 source text to a stream of tokens with
// CPython's tokenizer rules (INDENT/DEDENT stack, implicit line joining
// inside brackets, backslash continuation, literals, error messages).
#ifndef RP_TOKENS_H
#define RP_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "parse/ast.h"
#include "parse/parser.h"

// X(name, text): every token kind with the text used in dumps and error
// messages.  Operators and keywords carry their spelling.
#define RP_TOKEN_LIST(X)                                                    \
    X(ENDMARKER, "ENDMARKER") X(NAME, "NAME") X(NUMBER, "NUMBER")           \
    X(STRING, "STRING") X(NEWLINE, "NEWLINE") X(INDENT, "INDENT")           \
    X(DEDENT, "DEDENT")                                                     \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":")       \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")      \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">")   \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{")                \
    X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")    \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^")                  \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")              \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=")                 \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")           \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")    \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")                     \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@")              \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...")                     \
    X(COLONEQUAL, ":=") X(OP, "OP")                                         \
    X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True")              \
    X(KW_AND, "and") X(KW_AS, "as") X(KW_ASSERT, "assert")                  \
    X(KW_ASYNC, "async") X(KW_AWAIT, "await") X(KW_BREAK, "break")          \
    X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def")        \
    X(KW_DEL, "del") X(KW_ELIF, "elif") X(KW_ELSE, "else")                  \
    X(KW_EXCEPT, "except") X(KW_FINALLY, "finally") X(KW_FOR, "for")        \
    X(KW_FROM, "from") X(KW_GLOBAL, "global") X(KW_IF, "if")                \
    X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is")                    \
    X(KW_LAMBDA, "lambda") X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not")      \
    X(KW_OR, "or") X(KW_PASS, "pass") X(KW_RAISE, "raise")                  \
    X(KW_RETURN, "return") X(KW_TRY, "try") X(KW_WHILE, "while")            \
    X(KW_WITH, "with") X(KW_YIELD, "yield")                                 \
    X(ERRORTOKEN, "ERRORTOKEN")

typedef enum {
#define RP_TOK_ENUM(name, text) RP_TOK_##name,
    RP_TOKEN_LIST(RP_TOK_ENUM)
#undef RP_TOK_ENUM
    RP_TOK__COUNT
} rp_tok_kind_t;

#define RP_TOK_FIRST_KEYWORD RP_TOK_KW_FALSE
#define RP_TOK_LAST_KEYWORD RP_TOK_KW_YIELD

// The spelling of a token kind ("(", "if", "NAME").
const char *rp_token_name(rp_tok_kind_t kind);

// NUMBER flavours (rp_token_t.flags).
enum { RP_NUM_INT = 1, RP_NUM_FLOAT = 2, RP_NUM_IMAG = 3 };

// One token.  Columns are 0-based byte offsets into the (newline
// normalised) source line; -1 where CPython has none (INDENT, DEDENT,
// ENDMARKER).  A STRING token may span lines: lineno/col_offset give its
// start, end_lineno/end_col_offset its end.
typedef struct rp_token {
    rp_tok_kind_t kind;
    int level;             // bracket depth after the token (CPython's)
    int flags;             // RP_NUM_* for NUMBER
    const char *start;     // the token's bytes: start[0 .. end-start)
    const char *end;
    int lineno, col_offset, end_lineno, end_col_offset;
    // The lexer's position when the token was produced, as a byte column
    // in line cur_lineno: CPython places errors at a token without a
    // column (DEDENT, ENDMARKER, ...) there.
    int cur_lineno, cur_col;
    const char *line_start;   // start of line `lineno` in the buffer
    unsigned char memo;       // parser: RP_MEMO_* checks known to fail here
} rp_token_t;

// rp_token_t.memo bits: the legacy print check (1 << pass), and a for
// target (RP_MEMO_FOR_TARGET << (2 * pass + no_invalid)).
#define RP_MEMO_LEGACY 1
#define RP_MEMO_FOR_TARGET 4

// Why the lexer stopped producing tokens (CPython's tok->done codes).
typedef enum {
    RP_LX_OK = 0,
    RP_LX_ERROR,        // an error was raised (message already in err)
    RP_LX_EOF,          // end of input inside brackets / after '\'
    RP_LX_DEDENT,       // unindent does not match any outer level
    RP_LX_TABSPACE,     // inconsistent tabs and spaces
    RP_LX_TOODEEP,      // too many levels of indentation
    RP_LX_LINECONT,     // unexpected character after '\'
    RP_LX_INCOMPLETE,   // interactive input ended: more lines needed
} rp_lx_done_t;

#define RP_LX_MAXINDENT 100
#define RP_LX_MAXLEVEL 200

// Lexer flags.
enum {
    RP_LX_INTERACTIVE = 1,   // RP_PARSE_SINGLE: blank line ends a block,
                             // end of input means "incomplete"
    RP_LX_FILE_INPUT = 2,    // source read from a file: invalid UTF-8 is
                             // reported per line as CPython's file reader,
                             // error offsets are byte columns
    RP_LX_BYTE_OFFSETS = 4,  // error offsets are byte columns
    RP_LX_STOP = 8,          // no more input will come: the end inside a
                             // bracket is an ENDMARKER, not an error
};

typedef struct rp_lexer {
    const char *buf;         // normalised source: '\n' line ends, a final
    const char *end;         // '\n' and a NUL sentinel at *end
    const char *cur;
    const char *inp;         // end of the current line (after its '\n')
    const char *line_start;
    const char *start;       // start of the token being scanned
    int lineno;
    int first_lineno;        // line where the current string started
    const char *multi_line_start;
    int atbol;
    int pendin;              // pending INDENT (>0) / DEDENT (<0) tokens
    int indent;
    int indstack[RP_LX_MAXINDENT];
    int altindstack[RP_LX_MAXINDENT];
    int level;
    char parenstack[RP_LX_MAXLEVEL];
    int parenlinenostack[RP_LX_MAXLEVEL];
    int parencolstack[RP_LX_MAXLEVEL];
    int flags;
    int ntokens;             // tokens produced so far
    int eof;                 // the end of the input has been reached
    int added_newline;       // the source did not end with a newline
    int eof_reset;           // end of input met while starting a line
    rp_lx_done_t done;
    // First line holding a NUL byte or (file input) invalid UTF-8, as
    // CPython's line reader reports them when it reaches that line.
    const char *bad_line;
    const char *bad_pos;
    const char *filename;
    rp_parse_error_t *err;
} rp_lexer_t;

// Prepares lx to tokenize src[0..len): copies the text into the arena with
// "\r\n" and "\r" turned into "\n", a final newline added and a leading
// UTF-8 BOM dropped.  flags: RP_LX_*.  Errors are written to *err.
// Returns 0, or -1 on memory exhaustion (err filled with RP_PERR_NOMEM).
int rp_lexer_init(rp_lexer_t *lx, rp_arena_t *arena, const char *src,
                  size_t len, int flags, const char *filename,
                  rp_parse_error_t *err);

// Scans the next token into *tok and returns its kind.  On an error
// returns RP_TOK_ERRORTOKEN with lx->done saying why; when done is
// RP_LX_ERROR the message is in lx->err.  After an error every further
// call returns RP_TOK_ERRORTOKEN again.
rp_tok_kind_t rp_lexer_next(rp_lexer_t *lx, rp_token_t *tok);

// Turns a deferred lexer stop (RP_LX_EOF, RP_LX_DEDENT, ...) into the
// error CPython's parser raises for it, at token tok (the ERRORTOKEN).
void rp_lexer_raise_done(rp_lexer_t *lx, const rp_token_t *tok);

// The length of the line starting at ls as CPython shows it in errors:
// with its newline, unless that newline was added by rp_lexer_init.
size_t rp_lexer_text_len(const rp_lexer_t *lx, const char *ls);

// The 1-based column CPython reports for byte column col (already
// 1-based) of a line: file input keeps bytes (CPython's file tokenizer has
// no encoding set), other input counts characters.
int rp_lexer_offset(const rp_lexer_t *lx, const char *line, size_t len,
                    int col);

// The keyword kind for an identifier, or RP_TOK_NAME.
rp_tok_kind_t rp_lexer_keyword(const char *s, size_t n);

// Unicode properties of a code point (tables generated from CPython's
// unicodedata, Unicode 14.0).
int rp_unicode_is_xid_start(uint32_t cp);
int rp_unicode_is_xid_continue(uint32_t cp);
int rp_unicode_is_printable(uint32_t cp);

// Strict UTF-8 decoding of one code point at s (s < end).  Returns its
// length, or 0 on an invalid sequence with *errlen set to the length of
// the bad subsequence and *reason to CPython's reason ("invalid start
// byte", "invalid continuation byte", "unexpected end of data").
int rp_utf8_decode(const unsigned char *s, const unsigned char *end,
                   uint32_t *cp, int *errlen, const char **reason);

#endif
