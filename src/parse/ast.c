// rp_ast_dump_mod: the text of Python's ast.dump() for a tree, so tests can
// compare against CPython.  Constants are printed with Python's repr
// (integers in decimal, floats shortest round-trip, str/bytes quoted).
#include "parse/ast.h"
#include "parse/parser.h"
#include "parse/tokens.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 3000   // deeper trees are cut with "..."

typedef struct {
    char *a;
    size_t n, cap;
    int oom;
    int attrs;          // include positions
    int depth;
} out_t;

static void put(out_t *o, const char *s, size_t n)
{
    if (o->oom) {
        return;
    }
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        while (cap < o->n + n + 1) {
            cap *= 2;
        }
        char *a = realloc(o->a, cap);
        if (a == NULL) {
            o->oom = 1;
            return;
        }
        o->a = a;
        o->cap = cap;
    }
    memcpy(o->a + o->n, s, n);
    o->n += n;
    o->a[o->n] = '\0';
}

static void puts_(out_t *o, const char *s)
{
    put(o, s, strlen(s));
}

static void printf_(out_t *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void printf_(out_t *o, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0) {
        put(o, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    }
}

// ---- reprs ------------------------------------------------------------------

// repr() of a str given as UTF-8.
static void repr_str(out_t *o, const char *s, size_t n, int is_bytes)
{
    int has_sq = memchr(s, '\'', n) != NULL;
    int has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (is_bytes) {
        put(o, "b", 1);
    }
    put(o, &q, 1);
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *e = u + n;
    while (u < e) {
        unsigned c = *u;
        if (c == (unsigned char)q || c == '\\') {
            char esc[2] = { '\\', (char)c };
            put(o, esc, 2);
            u++;
        } else if (c == '\t') {
            puts_(o, "\\t");
            u++;
        } else if (c == '\n') {
            puts_(o, "\\n");
            u++;
        } else if (c == '\r') {
            puts_(o, "\\r");
            u++;
        } else if (c < 0x20 || c == 0x7F || (is_bytes && c >= 0x80)) {
            printf_(o, "\\x%02x", c);
            u++;
        } else if (c < 0x80) {
            put(o, (const char *)u, 1);
            u++;
        } else {
            uint32_t cp;
            int errlen;
            const char *reason;
            int len = rp_utf8_decode(u, e, &cp, &errlen, &reason);
            if (len == 0 && c == 0xED && e - u >= 3 && u[1] >= 0xA0 &&
                u[1] <= 0xBF && (u[2] & 0xC0) == 0x80) {
                // A lone surrogate (from a \ud800 escape), kept as its
                // 3-byte encoding.
                cp = 0xD000 | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
                len = 3;
            }
            if (len == 0) {
                printf_(o, "\\x%02x", c);
                u++;
                continue;
            }
            if (rp_unicode_is_printable(cp)) {
                put(o, (const char *)u, (size_t)len);
            } else if (cp < 0x100) {
                printf_(o, "\\x%02x", cp);
            } else if (cp < 0x10000) {
                printf_(o, "\\u%04x", cp);
            } else {
                printf_(o, "\\U%08x", cp);
            }
            u += len;
        }
    }
    put(o, &q, 1);
}

// repr() of a float: the shortest digits that round-trip, in Python's
// notation.
static void repr_float(out_t *o, double v, int imag)
{
    if (isinf(v)) {
        puts_(o, v > 0 ? "inf" : "-inf");
        if (imag) {
            puts_(o, "j");
        }
        return;
    }
    if (isnan(v)) {
        puts_(o, imag ? "nanj" : "nan");
        return;
    }
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof(buf), "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v) {
            break;
        }
    }
    // buf is [-]d[.ddd]e[+-]XX: split digits and exponent.
    char digits[32];
    int nd = 0;
    const char *s = buf;
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    while (*s && *s != 'e') {
        if (*s != '.') {
            digits[nd++] = *s;
        }
        s++;
    }
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    digits[nd] = '\0';
    int exp = atoi(s + 1);
    int decpt = exp + 1;
    char res[64];
    char *r = res;
    if (neg) {
        *r++ = '-';
    }
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            *r++ = '0';
            *r++ = '.';
            for (int i = 0; i < -decpt; i++) {
                *r++ = '0';
            }
            memcpy(r, digits, (size_t)nd);
            r += nd;
        } else if (decpt >= nd) {
            memcpy(r, digits, (size_t)nd);
            r += nd;
            for (int i = nd; i < decpt; i++) {
                *r++ = '0';
            }
            if (!imag) {
                *r++ = '.';
                *r++ = '0';
            }
        } else {
            memcpy(r, digits, (size_t)decpt);
            r += decpt;
            *r++ = '.';
            memcpy(r, digits + decpt, (size_t)(nd - decpt));
            r += nd - decpt;
        }
    } else {
        *r++ = digits[0];
        if (nd > 1) {
            *r++ = '.';
            memcpy(r, digits + 1, (size_t)(nd - 1));
            r += nd - 1;
        }
        r += sprintf(r, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    *r = '\0';
    puts_(o, res);
    if (imag) {
        puts_(o, "j");
    }
}

// Decimal text of an integer literal ("0x1F", "0o17", "0b11", "123").
static void repr_int(out_t *o, const char *text)
{
    int base = 10;
    const char *s = text;
    if (s[0] == '0' && s[1] != '\0') {
        char c = (char)(s[1] | 0x20);
        base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
        if (base != 10) {
            s += 2;
        }
    }
    while (*s == '0' && s[1] != '\0') {
        s++;
    }
    if (base == 10) {
        puts_(o, s);
        return;
    }
    // Repeated multiply-add in base 10^9.
    size_t n = strlen(s);
    size_t cap = n / 2 + 2;
    uint32_t *limbs = calloc(cap, sizeof(uint32_t));
    if (limbs == NULL) {
        o->oom = 1;
        return;
    }
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        int d = s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
        uint64_t carry = (uint64_t)d;
        for (size_t j = 0; j < nl; j++) {
            uint64_t v = (uint64_t)limbs[j] * (uint64_t)base + carry;
            limbs[j] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry && nl < cap) {
            limbs[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    printf_(o, "%u", limbs[nl - 1]);
    for (size_t j = nl - 1; j-- > 0;) {
        printf_(o, "%09u", limbs[j]);
    }
    free(limbs);
}

// ---- nodes ----------------------------------------------------------------------

static void dump_expr(out_t *o, const rp_expr_t *e);
static void dump_stmts(out_t *o, rp_stmt_seq_t s);

static void attrs(out_t *o, int lineno, int col, int end_lineno, int end_col)
{
    if (o->attrs) {
        printf_(o, ", lineno=%d, col_offset=%d, end_lineno=%d, "
                "end_col_offset=%d", lineno, col, end_lineno, end_col);
    }
}

static void exprs(out_t *o, rp_expr_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        if (i) {
            puts_(o, ", ");
        }
        if (s.a[i] == NULL) {
            puts_(o, "None");
        } else {
            dump_expr(o, s.a[i]);
        }
    }
    put(o, "]", 1);
}

static void names(out_t *o, rp_name_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        if (i) {
            puts_(o, ", ");
        }
        repr_str(o, s.a[i], strlen(s.a[i]), 0);
    }
    put(o, "]", 1);
}

static const char *ctx_name(rp_expr_ctx_t c)
{
    return c == RP_STORE ? "Store()" : c == RP_DEL ? "Del()" : "Load()";
}

static const char *op_name(rp_operator_t op)
{
    static const char *const n[] = {
        "Add()", "BitAnd()", "FloorDiv()", "LShift()", "MatMult()", "Mult()",
        "Mod()", "BitOr()", "Pow()", "RShift()", "Sub()", "Div()",
        "BitXor()"
    };
    return (unsigned)op < 13 ? n[op] : "?";
}

static const char *cmp_name(rp_cmpop_t op)
{
    static const char *const n[] = {
        "?", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()",
        "IsNot()", "In()", "NotIn()"
    };
    return (unsigned)op <= 10 ? n[op] : "?";
}

static void dump_arg(out_t *o, const rp_arg_t *a)
{
    puts_(o, "arg(arg=");
    repr_str(o, a->arg, strlen(a->arg), 0);
    if (a->annotation) {
        puts_(o, ", annotation=");
        dump_expr(o, a->annotation);
    }
    attrs(o, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    put(o, ")", 1);
}

static void args_seq(out_t *o, rp_arg_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        if (i) {
            puts_(o, ", ");
        }
        dump_arg(o, s.a[i]);
    }
    put(o, "]", 1);
}

static void dump_arguments(out_t *o, const rp_arguments_t *a)
{
    puts_(o, "arguments(posonlyargs=");
    args_seq(o, a->posonlyargs);
    puts_(o, ", args=");
    args_seq(o, a->args);
    if (a->vararg) {
        puts_(o, ", vararg=");
        dump_arg(o, a->vararg);
    }
    puts_(o, ", kwonlyargs=");
    args_seq(o, a->kwonlyargs);
    puts_(o, ", kw_defaults=");
    exprs(o, a->kw_defaults);
    if (a->kwarg) {
        puts_(o, ", kwarg=");
        dump_arg(o, a->kwarg);
    }
    puts_(o, ", defaults=");
    exprs(o, a->defaults);
    put(o, ")", 1);
}

static void keywords(out_t *o, rp_keyword_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        const rp_keyword_t *k = s.a[i];
        if (i) {
            puts_(o, ", ");
        }
        puts_(o, "keyword(");
        if (k->arg) {
            puts_(o, "arg=");
            repr_str(o, k->arg, strlen(k->arg), 0);
            puts_(o, ", ");
        }
        puts_(o, "value=");
        dump_expr(o, k->value);
        attrs(o, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset);
        put(o, ")", 1);
    }
    put(o, "]", 1);
}

static void comps(out_t *o, rp_comp_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        const rp_comprehension_t *c = s.a[i];
        if (i) {
            puts_(o, ", ");
        }
        puts_(o, "comprehension(target=");
        dump_expr(o, c->target);
        puts_(o, ", iter=");
        dump_expr(o, c->iter);
        puts_(o, ", ifs=");
        exprs(o, c->ifs);
        printf_(o, ", is_async=%d)", c->is_async);
    }
    put(o, "]", 1);
}

static void dump_constant(out_t *o, const rp_constant_t *c)
{
    switch (c->kind) {
    case RP_CONST_NONE: puts_(o, "None"); break;
    case RP_CONST_TRUE: puts_(o, "True"); break;
    case RP_CONST_FALSE: puts_(o, "False"); break;
    case RP_CONST_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case RP_CONST_INT: repr_int(o, c->text); break;
    case RP_CONST_FLOAT: repr_float(o, c->f, 0); break;
    case RP_CONST_IMAG: repr_float(o, c->f, 1); break;
    case RP_CONST_STR: repr_str(o, c->text, c->len, 0); break;
    case RP_CONST_BYTES: repr_str(o, c->text, c->len, 1); break;
    default: puts_(o, "<object>"); break;
    }
}

static void dump_expr(out_t *o, const rp_expr_t *e)
{
    if (++o->depth > MAX_DEPTH) {
        puts_(o, "...");
        o->depth--;
        return;
    }
    switch (e->kind) {
    case RP_E_BOOLOP:
        printf_(o, "BoolOp(op=%s, values=", e->v.boolop.op == RP_AND
                ? "And()" : "Or()");
        exprs(o, e->v.boolop.values);
        break;
    case RP_E_NAMEDEXPR:
        puts_(o, "NamedExpr(target=");
        dump_expr(o, e->v.namedexpr.target);
        puts_(o, ", value=");
        dump_expr(o, e->v.namedexpr.value);
        break;
    case RP_E_BINOP:
        puts_(o, "BinOp(left=");
        dump_expr(o, e->v.binop.left);
        printf_(o, ", op=%s, right=", op_name(e->v.binop.op));
        dump_expr(o, e->v.binop.right);
        break;
    case RP_E_UNARYOP: {
        static const char *const n[] = { "?", "Invert()", "Not()", "UAdd()",
                                         "USub()" };
        printf_(o, "UnaryOp(op=%s, operand=", n[e->v.unaryop.op]);
        dump_expr(o, e->v.unaryop.operand);
        break;
    }
    case RP_E_LAMBDA:
        puts_(o, "Lambda(args=");
        dump_arguments(o, e->v.lambda.args);
        puts_(o, ", body=");
        dump_expr(o, e->v.lambda.body);
        break;
    case RP_E_IFEXP:
        puts_(o, "IfExp(test=");
        dump_expr(o, e->v.ifexp.test);
        puts_(o, ", body=");
        dump_expr(o, e->v.ifexp.body);
        puts_(o, ", orelse=");
        dump_expr(o, e->v.ifexp.orelse);
        break;
    case RP_E_DICT:
        puts_(o, "Dict(keys=");
        exprs(o, e->v.dict.keys);
        puts_(o, ", values=");
        exprs(o, e->v.dict.values);
        break;
    case RP_E_SET:
        puts_(o, "Set(elts=");
        exprs(o, e->v.set.elts);
        break;
    case RP_E_LISTCOMP:
    case RP_E_SETCOMP:
    case RP_E_GENEXP:
        puts_(o, e->kind == RP_E_LISTCOMP ? "ListComp(elt="
                 : e->kind == RP_E_SETCOMP ? "SetComp(elt="
                 : "GeneratorExp(elt=");
        dump_expr(o, e->v.comp.elt);
        puts_(o, ", generators=");
        comps(o, e->v.comp.generators);
        break;
    case RP_E_DICTCOMP:
        puts_(o, "DictComp(key=");
        dump_expr(o, e->v.dictcomp.key);
        puts_(o, ", value=");
        dump_expr(o, e->v.dictcomp.value);
        puts_(o, ", generators=");
        comps(o, e->v.dictcomp.generators);
        break;
    case RP_E_YIELD:
        puts_(o, "Yield(");
        if (e->v.yield.value) {
            puts_(o, "value=");
            dump_expr(o, e->v.yield.value);
        }
        break;
    case RP_E_YIELDFROM:
        puts_(o, "YieldFrom(value=");
        dump_expr(o, e->v.yieldfrom.value);
        break;
    case RP_E_COMPARE:
        puts_(o, "Compare(left=");
        dump_expr(o, e->v.compare.left);
        puts_(o, ", ops=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            printf_(o, "%s%s", i ? ", " : "", cmp_name(e->v.compare.ops[i]));
        }
        puts_(o, "], comparators=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            if (i) {
                puts_(o, ", ");
            }
            dump_expr(o, e->v.compare.comparators[i]);
        }
        put(o, "]", 1);
        break;
    case RP_E_CALL:
        puts_(o, "Call(func=");
        dump_expr(o, e->v.call.func);
        puts_(o, ", args=");
        exprs(o, e->v.call.args);
        puts_(o, ", keywords=");
        keywords(o, e->v.call.keywords);
        break;
    case RP_E_FORMATTEDVALUE:
        puts_(o, "FormattedValue(value=");
        dump_expr(o, e->v.formattedvalue.value);
        printf_(o, ", conversion=%d", e->v.formattedvalue.conversion);
        if (e->v.formattedvalue.format_spec) {
            puts_(o, ", format_spec=");
            dump_expr(o, e->v.formattedvalue.format_spec);
        }
        break;
    case RP_E_JOINEDSTR:
        puts_(o, "JoinedStr(values=");
        exprs(o, e->v.joinedstr.values);
        break;
    case RP_E_CONSTANT:
        puts_(o, "Constant(value=");
        dump_constant(o, &e->v.constant);
        break;
    case RP_E_ATTRIBUTE:
        puts_(o, "Attribute(value=");
        dump_expr(o, e->v.attribute.value);
        puts_(o, ", attr=");
        repr_str(o, e->v.attribute.attr, strlen(e->v.attribute.attr), 0);
        printf_(o, ", ctx=%s", ctx_name(e->v.attribute.ctx));
        break;
    case RP_E_SUBSCRIPT:
        puts_(o, "Subscript(value=");
        dump_expr(o, e->v.subscript.value);
        puts_(o, ", slice=");
        dump_expr(o, e->v.subscript.slice);
        printf_(o, ", ctx=%s", ctx_name(e->v.subscript.ctx));
        break;
    case RP_E_STARRED:
        puts_(o, "Starred(value=");
        dump_expr(o, e->v.starred.value);
        printf_(o, ", ctx=%s", ctx_name(e->v.starred.ctx));
        break;
    case RP_E_NAME:
        puts_(o, "Name(id=");
        repr_str(o, e->v.name.id, strlen(e->v.name.id), 0);
        printf_(o, ", ctx=%s", ctx_name(e->v.name.ctx));
        break;
    case RP_E_LIST:
    case RP_E_TUPLE:
        puts_(o, e->kind == RP_E_LIST ? "List(elts=" : "Tuple(elts=");
        exprs(o, e->v.seq.elts);
        printf_(o, ", ctx=%s", ctx_name(e->v.seq.ctx));
        break;
    case RP_E_SLICE: {
        puts_(o, "Slice(");
        const char *sep = "";
        if (e->v.slice.lower) {
            puts_(o, "lower=");
            dump_expr(o, e->v.slice.lower);
            sep = ", ";
        }
        if (e->v.slice.upper) {
            printf_(o, "%supper=", sep);
            dump_expr(o, e->v.slice.upper);
            sep = ", ";
        }
        if (e->v.slice.step) {
            printf_(o, "%sstep=", sep);
            dump_expr(o, e->v.slice.step);
        }
        if (o->attrs && !e->v.slice.lower && !e->v.slice.upper &&
            !e->v.slice.step) {
            // ast.dump prints "Slice(lineno=...)" without a leading ", ".
            printf_(o, "lineno=%d, col_offset=%d, end_lineno=%d, "
                    "end_col_offset=%d)", e->lineno, e->col_offset,
                    e->end_lineno, e->end_col_offset);
            o->depth--;
            return;
        }
        break;
    }
    default:
        puts_(o, "?(");
        break;
    }
    int bare = (e->kind == RP_E_YIELD && e->v.yield.value == NULL);
    if (o->attrs) {
        if (bare) {
            printf_(o, "lineno=%d, col_offset=%d, end_lineno=%d, "
                    "end_col_offset=%d", e->lineno, e->col_offset,
                    e->end_lineno, e->end_col_offset);
        } else {
            attrs(o, e->lineno, e->col_offset, e->end_lineno,
                  e->end_col_offset);
        }
    }
    put(o, ")", 1);
    o->depth--;
}

static void dump_stmt(out_t *o, const rp_stmt_t *s)
{
    if (++o->depth > MAX_DEPTH) {
        puts_(o, "...");
        o->depth--;
        return;
    }
    int bare = 0;   // no fields printed (Pass, Break, Continue)
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        puts_(o, "FunctionDef(name=");
        repr_str(o, s->v.functiondef.name, strlen(s->v.functiondef.name), 0);
        puts_(o, ", args=");
        dump_arguments(o, s->v.functiondef.args);
        puts_(o, ", body=");
        dump_stmts(o, s->v.functiondef.body);
        puts_(o, ", decorator_list=");
        exprs(o, s->v.functiondef.decorator_list);
        if (s->v.functiondef.returns) {
            puts_(o, ", returns=");
            dump_expr(o, s->v.functiondef.returns);
        }
        break;
    case RP_S_CLASSDEF:
        puts_(o, "ClassDef(name=");
        repr_str(o, s->v.classdef.name, strlen(s->v.classdef.name), 0);
        puts_(o, ", bases=");
        exprs(o, s->v.classdef.bases);
        puts_(o, ", keywords=");
        keywords(o, s->v.classdef.keywords);
        puts_(o, ", body=");
        dump_stmts(o, s->v.classdef.body);
        puts_(o, ", decorator_list=");
        exprs(o, s->v.classdef.decorator_list);
        break;
    case RP_S_RETURN:
        puts_(o, "Return(");
        if (s->v.return_.value) {
            puts_(o, "value=");
            dump_expr(o, s->v.return_.value);
        } else {
            bare = 1;
        }
        break;
    case RP_S_DELETE:
        puts_(o, "Delete(targets=");
        exprs(o, s->v.delete_.targets);
        break;
    case RP_S_ASSIGN:
        puts_(o, "Assign(targets=");
        exprs(o, s->v.assign.targets);
        puts_(o, ", value=");
        dump_expr(o, s->v.assign.value);
        break;
    case RP_S_AUGASSIGN:
        puts_(o, "AugAssign(target=");
        dump_expr(o, s->v.augassign.target);
        printf_(o, ", op=%s, value=", op_name(s->v.augassign.op));
        dump_expr(o, s->v.augassign.value);
        break;
    case RP_S_ANNASSIGN:
        puts_(o, "AnnAssign(target=");
        dump_expr(o, s->v.annassign.target);
        puts_(o, ", annotation=");
        dump_expr(o, s->v.annassign.annotation);
        if (s->v.annassign.value) {
            puts_(o, ", value=");
            dump_expr(o, s->v.annassign.value);
        }
        printf_(o, ", simple=%d", s->v.annassign.simple);
        break;
    case RP_S_FOR:
        puts_(o, "For(target=");
        dump_expr(o, s->v.for_.target);
        puts_(o, ", iter=");
        dump_expr(o, s->v.for_.iter);
        puts_(o, ", body=");
        dump_stmts(o, s->v.for_.body);
        puts_(o, ", orelse=");
        dump_stmts(o, s->v.for_.orelse);
        break;
    case RP_S_WHILE:
    case RP_S_IF:
        puts_(o, s->kind == RP_S_WHILE ? "While(test=" : "If(test=");
        dump_expr(o, s->kind == RP_S_WHILE ? s->v.while_.test : s->v.if_.test);
        puts_(o, ", body=");
        dump_stmts(o, s->kind == RP_S_WHILE ? s->v.while_.body : s->v.if_.body);
        puts_(o, ", orelse=");
        dump_stmts(o, s->kind == RP_S_WHILE ? s->v.while_.orelse
                                            : s->v.if_.orelse);
        break;
    case RP_S_WITH:
        puts_(o, "With(items=[");
        for (int i = 0; i < s->v.with.items.n; i++) {
            const rp_withitem_t *w = s->v.with.items.a[i];
            puts_(o, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(o, w->context_expr);
            if (w->optional_vars) {
                puts_(o, ", optional_vars=");
                dump_expr(o, w->optional_vars);
            }
            put(o, ")", 1);
        }
        puts_(o, "], body=");
        dump_stmts(o, s->v.with.body);
        break;
    case RP_S_RAISE:
        puts_(o, "Raise(");
        if (s->v.raise.exc) {
            puts_(o, "exc=");
            dump_expr(o, s->v.raise.exc);
            if (s->v.raise.cause) {
                puts_(o, ", cause=");
                dump_expr(o, s->v.raise.cause);
            }
        } else {
            bare = 1;
        }
        break;
    case RP_S_TRY:
        puts_(o, "Try(body=");
        dump_stmts(o, s->v.try_.body);
        puts_(o, ", handlers=[");
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            const rp_excepthandler_t *h = s->v.try_.handlers.a[i];
            puts_(o, i ? ", ExceptHandler(" : "ExceptHandler(");
            if (h->type) {
                puts_(o, "type=");
                dump_expr(o, h->type);
                puts_(o, ", ");
            }
            if (h->name) {
                puts_(o, "name=");
                repr_str(o, h->name, strlen(h->name), 0);
                puts_(o, ", ");
            }
            puts_(o, "body=");
            dump_stmts(o, h->body);
            attrs(o, h->lineno, h->col_offset, h->end_lineno,
                  h->end_col_offset);
            put(o, ")", 1);
        }
        puts_(o, "], orelse=");
        dump_stmts(o, s->v.try_.orelse);
        puts_(o, ", finalbody=");
        dump_stmts(o, s->v.try_.finalbody);
        break;
    case RP_S_ASSERT:
        puts_(o, "Assert(test=");
        dump_expr(o, s->v.assert_.test);
        if (s->v.assert_.msg) {
            puts_(o, ", msg=");
            dump_expr(o, s->v.assert_.msg);
        }
        break;
    case RP_S_IMPORT:
    case RP_S_IMPORTFROM: {
        const rp_alias_seq_t *al;
        if (s->kind == RP_S_IMPORT) {
            puts_(o, "Import(names=[");
            al = &s->v.import.names;
        } else {
            puts_(o, "ImportFrom(");
            if (s->v.importfrom.module) {
                puts_(o, "module=");
                repr_str(o, s->v.importfrom.module,
                         strlen(s->v.importfrom.module), 0);
                puts_(o, ", ");
            }
            puts_(o, "names=[");
            al = &s->v.importfrom.names;
        }
        for (int i = 0; i < al->n; i++) {
            const rp_alias_t *a = al->a[i];
            puts_(o, i ? ", alias(name=" : "alias(name=");
            repr_str(o, a->name, strlen(a->name), 0);
            if (a->asname) {
                puts_(o, ", asname=");
                repr_str(o, a->asname, strlen(a->asname), 0);
            }
            attrs(o, a->lineno, a->col_offset, a->end_lineno,
                  a->end_col_offset);
            put(o, ")", 1);
        }
        put(o, "]", 1);
        if (s->kind == RP_S_IMPORTFROM) {
            printf_(o, ", level=%d", s->v.importfrom.level);
        }
        break;
    }
    case RP_S_GLOBAL:
    case RP_S_NONLOCAL:
        puts_(o, s->kind == RP_S_GLOBAL ? "Global(names=" : "Nonlocal(names=");
        names(o, s->v.global.names);
        break;
    case RP_S_EXPR:
        puts_(o, "Expr(value=");
        dump_expr(o, s->v.expr.value);
        break;
    case RP_S_PASS: puts_(o, "Pass("); bare = 1; break;
    case RP_S_BREAK: puts_(o, "Break("); bare = 1; break;
    case RP_S_CONTINUE: puts_(o, "Continue("); bare = 1; break;
    default: puts_(o, "?("); break;
    }
    if (o->attrs) {
        printf_(o, "%slineno=%d, col_offset=%d, end_lineno=%d, "
                "end_col_offset=%d", bare ? "" : ", ", s->lineno,
                s->col_offset, s->end_lineno, s->end_col_offset);
    }
    put(o, ")", 1);
    o->depth--;
}

static void dump_stmts(out_t *o, rp_stmt_seq_t s)
{
    put(o, "[", 1);
    for (int i = 0; i < s.n; i++) {
        if (i) {
            puts_(o, ", ");
        }
        dump_stmt(o, s.a[i]);
    }
    put(o, "]", 1);
}

char *rp_ast_dump_mod_ex(const rp_mod_t *mod, int include_attributes)
{
    out_t o = {0};
    o.attrs = include_attributes;
    switch (mod->kind) {
    case RP_MOD_MODULE:
        puts_(&o, "Module(body=");
        dump_stmts(&o, mod->body);
        puts_(&o, ", type_ignores=[])");
        break;
    case RP_MOD_INTERACTIVE:
        puts_(&o, "Interactive(body=");
        dump_stmts(&o, mod->body);
        put(&o, ")", 1);
        break;
    case RP_MOD_EXPRESSION:
        puts_(&o, "Expression(body=");
        dump_expr(&o, mod->expr);
        put(&o, ")", 1);
        break;
    }
    if (o.oom) {
        free(o.a);
        return NULL;
    }
    return o.a;
}

char *rp_ast_dump_mod(const rp_mod_t *mod)
{
    return rp_ast_dump_mod_ex(mod, 0);
}
