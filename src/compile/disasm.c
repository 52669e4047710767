// The disassembler: a readable listing of a code object (and the code
// objects among its constants) for tests and debugging.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile/compile.h"
#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/code.h"

typedef struct {
    char *s;
    size_t len, cap;
    int failed;
} buf_t;

static void put(buf_t *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 256;
        while (b->len + (size_t)n + 1 > ncap)
            ncap *= 2;
        char *ns = (char *)realloc(b->s, ncap);
        if (!ns) {
            b->failed = 1;
            return;
        }
        b->s = ns;
        b->cap = ncap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void put_repr(buf_t *b, rp_obj_t *o)
{
    rp_obj_t *r = rp_obj_repr(o);
    const char *u = r ? rp_str_utf8(r, NULL) : NULL;
    if (u)
        put(b, "%s", u);
    else {
        rp_err_clear();
        put(b, "<?>");
    }
    rp_xdecref(r);
}

static void put_str(buf_t *b, rp_obj_t *s)
{
    const char *u = s && rp_str_check(s) ? rp_str_utf8(s, NULL) : NULL;
    put(b, "%s", u ? u : "?");
}

static const char *const binop_names[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};
static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

static int is_jump_op(unsigned op)
{
    return op == RP_OP_JUMP_FORWARD || op == RP_OP_JUMP_BACKWARD ||
           op == RP_OP_POP_JUMP_IF_FALSE || op == RP_OP_POP_JUMP_IF_TRUE ||
           op == RP_OP_POP_JUMP_IF_NONE || op == RP_OP_POP_JUMP_IF_NOT_NONE ||
           op == RP_OP_JUMP_IF_FALSE_OR_POP || op == RP_OP_JUMP_IF_TRUE_OR_POP ||
           op == RP_OP_FOR_ITER;
}

static void dis_one(buf_t *b, rp_code_t *co)
{
    put(b, "code ");
    put_str(b, co->qualname);
    put(b, " (line %d, argcount %d, posonly %d, kwonly %d, nlocals %d, stacksize %d, "
        "flags 0x%x)\n", co->firstlineno, co->argcount, co->posonlyargcount,
        co->kwonlyargcount, co->nlocals, co->stacksize, co->flags);
    int prev_line = -1;
    for (int i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        unsigned op = rp_instr_op(w), arg = rp_instr_arg(w);
        int line = co->lines[i];
        if (line != prev_line)
            put(b, "%4d ", line);
        else
            put(b, "     ");
        prev_line = line;
        const char *name = op < RP_OP__COUNT ? rp_op_names[op] : "?";
        put(b, "%6d %-24s %d", i, name, arg);
        switch (op) {
        case RP_OP_LOAD_CONST:
        case RP_OP_KW_NAMES:
            put(b, " (");
            if ((rp_ssize_t)arg < rp_tuple_len(co->consts))
                put_repr(b, rp_tuple_get_borrow(co->consts, arg));
            put(b, ")");
            break;
        case RP_OP_LOAD_GLOBAL:
            put(b, " (");
            if (arg & 1)
                put(b, "NULL + ");
            if ((rp_ssize_t)(arg >> 1) < rp_tuple_len(co->names))
                put_str(b, rp_tuple_get_borrow(co->names, arg >> 1));
            put(b, ")");
            break;
        case RP_OP_LOAD_NAME: case RP_OP_STORE_NAME: case RP_OP_DELETE_NAME:
        case RP_OP_STORE_GLOBAL: case RP_OP_DELETE_GLOBAL: case RP_OP_LOAD_ATTR:
        case RP_OP_LOAD_METHOD: case RP_OP_STORE_ATTR: case RP_OP_DELETE_ATTR:
        case RP_OP_IMPORT_NAME: case RP_OP_IMPORT_FROM:
            put(b, " (");
            if ((rp_ssize_t)arg < rp_tuple_len(co->names))
                put_str(b, rp_tuple_get_borrow(co->names, arg));
            put(b, ")");
            break;
        case RP_OP_LOAD_FAST: case RP_OP_STORE_FAST: case RP_OP_DELETE_FAST:
        case RP_OP_LOAD_DEREF: case RP_OP_STORE_DEREF: case RP_OP_DELETE_DEREF:
        case RP_OP_LOAD_CLOSURE: case RP_OP_LOAD_CLASSDEREF:
            put(b, " (");
            if ((int)arg < co->nlocalsplus)
                put_str(b, rp_tuple_get_borrow(co->localsplusnames, arg));
            put(b, ")");
            break;
        case RP_OP_BINARY_OP:
            if (arg < sizeof binop_names / sizeof *binop_names)
                put(b, " (%s)", binop_names[arg]);
            break;
        case RP_OP_COMPARE_OP:
            if (arg < 6)
                put(b, " (%s)", cmp_names[arg]);
            break;
        default:
            if (is_jump_op(op))
                put(b, " (to %u)", arg);
            break;
        }
        if (co->positions && co->positions[i].col >= 0)
            put(b, "  @%d:%d-%d:%d", line, co->positions[i].col,
                co->positions[i].end_lineno, co->positions[i].end_col);
        put(b, "\n");
        // Skip the inline cache words.
        if (op < RP_OP__COUNT)
            i += rp_op_caches[op];
    }
    if (co->nexc) {
        put(b, "ExceptionTable:\n");
        for (int i = 0; i < co->nexc; i++) {
            rp_exc_entry_t *e = &co->exctable[i];
            put(b, "  %u to %u -> %u [%u]%s\n", e->start, e->end, e->target,
                (unsigned)e->depth, e->lasti ? " lasti" : "");
        }
    }
}

static void dis_rec(buf_t *b, rp_code_t *co, int depth)
{
    dis_one(b, co);
    if (depth > 50)
        return;
    for (rp_ssize_t i = 0; i < rp_tuple_len(co->consts); i++) {
        rp_obj_t *k = rp_tuple_get_borrow(co->consts, i);
        if (k->type == &rp_type_code) {
            put(b, "\n");
            dis_rec(b, (rp_code_t *)k, depth + 1);
        }
    }
}

char *rp_code_disassemble(rp_obj_t *code)
{
    buf_t b = {NULL, 0, 0, 0};
    dis_rec(&b, (rp_code_t *)code, 0);
    if (b.failed || !b.s) {
        free(b.s);
        rp_err_nomemory();
        return NULL;
    }
    return b.s;
}
