// The instruction set, listed once as an X-macro: the enum, the
// disassembler's name table and the VM's dispatch table are generated
// from it.  Semantics follow CPython 3.11's bytecode unless noted.
#ifndef RP_OPCODES_H
#define RP_OPCODES_H

#include <stdint.h>

/*
 * Encoding.  An instruction is one 32-bit word: opcode in the low 8 bits,
 * argument in the high 24 bits (no EXTENDED_ARG).  Jump arguments are
 * ABSOLUTE instruction indexes.  An instruction with cache words N is
 * followed by N words reserved for the VM's inline caches (the compiler
 * emits them as 0; jumps never target them; the VM may rewrite both the
 * opcode and its caches when it specialises, "quickening").
 *
 * Stack notation: [before] -> [after], top of stack rightmost.
 * "names[i]" is code->names (interned str), "consts[i]" code->consts,
 * "local i" is frame slot i of localsplus (locals, then cells, then free
 * vars: see objects/code.h).
 *
 * Calls (as in 3.11): the callable is always preceded by a NULL slot or a
 * method:   [NULL, callable, arg1..argN]   or   [meth, self, arg1..argN].
 * CALL(N) calls callable(args) / meth(self, args); KW_NAMES(i) just
 * before it means the last len(consts[i]) arguments are keyword values
 * named by the tuple consts[i].  Arguments are MOVED into the callee
 * (a Python callee's frame takes over the references), which is why
 * sys.getrefcount(x) inside f(x) does not count the caller's slot.
 *
 * Exceptions: zero-cost exception table (objects/code.h).  When an
 * instruction raises, the VM looks up the entry covering it; if none, the
 * frame is popped and the exception propagates.  Otherwise it pops the
 * value stack down to entry.depth, pushes the offset of the raising
 * instruction (as an int) if entry.lasti, pushes the exception, and jumps
 * to entry.target.  Handler code begins with PUSH_EXC_INFO.
 *
 * Generators: a code object with RP_CO_GENERATOR in its flags makes a
 * generator when called instead of running.  YIELD_VALUE suspends;
 * YIELD_FROM delegates (3.10 style, re-executed until the sub-iterator
 * is exhausted).
 */

// X(name, cache_words)
#define RP_OPCODES(X)                                                        \
    X(NOP, 0)                 /* [] -> [] */                                 \
    X(POP_TOP, 0)             /* [a] -> [] */                                \
    X(PUSH_NULL, 0)           /* [] -> [NULL] */                             \
    X(COPY, 0)                /* arg n>=1: [.. x (n-1 items)] -> [.. x .. x] */ \
    X(SWAP, 0)                /* arg n>=2: swap TOS and the n-th item */     \
    X(LOAD_CONST, 0)          /* [] -> [consts[arg]] */                      \
    X(RETURN_VALUE, 0)        /* [v] -> return v from the frame */           \
    /* locals */                                                             \
    X(LOAD_FAST, 0)           /* [] -> [local arg]; UnboundLocalError if unset */ \
    X(STORE_FAST, 0)          /* [v] -> [], local arg = v */                 \
    /* LOAD_FAST followed by LOAD_FAST / LOAD_CONST, fused by the VM (never \
       emitted by the compiler): runs both, taking the second argument    \
       from the next word, which keeps its own opcode for jumps to it. */ \
    X(LOAD_FAST__LOAD_FAST, 0)                                               \
    X(LOAD_FAST__LOAD_CONST, 0)                                              \
    X(DELETE_FAST, 0)         /* unset local arg (UnboundLocalError if unset) */ \
    X(LOAD_DEREF, 0)          /* [] -> [cell contents of slot arg]; NameError/ \
                                 UnboundLocalError ("cannot access free variable \
                                 'x' where it is not associated with a value \
                                 in enclosing scope" for free vars) */        \
    X(STORE_DEREF, 0)         /* [v] -> [], set cell in slot arg */          \
    X(DELETE_DEREF, 0)                                                       \
    X(LOAD_CLOSURE, 0)        /* [] -> [the cell object in slot arg] */      \
    X(LOAD_CLASSDEREF, 0)     /* class body: locals dict[name of slot arg], \
                                 else the cell's contents */                 \
    /* names */                                                              \
    X(LOAD_GLOBAL, 4)         /* arg = (i << 1) | push_null: [] -> [NULL]?   \
                                 + [globals/builtins[names[i]]]; NameError   \
                                 "name 'x' is not defined" */                \
    X(STORE_GLOBAL, 0)        /* [v] -> [] */                                \
    X(DELETE_GLOBAL, 0)                                                      \
    X(LOAD_NAME, 0)           /* locals dict, globals, builtins */          \
    X(STORE_NAME, 0)          /* [v] -> [] into the frame's locals dict */   \
    X(DELETE_NAME, 0)                                                        \
    /* attributes */                                                         \
    X(LOAD_ATTR, 4)           /* [o] -> [o.names[arg]] */                    \
    X(LOAD_METHOD, 4)         /* [o] -> [meth, o] if names[arg] is a plain   \
                                 function on the type (no bound method made), \
                                 else [NULL, o.names[arg]] */                \
    X(STORE_ATTR, 4)          /* [v, o] -> [], o.names[arg] = v */           \
    X(DELETE_ATTR, 0)         /* [o] -> [] */                                \
    /* subscripts */                                                         \
    X(BINARY_SUBSCR, 4)       /* [c, k] -> [c[k]] */                         \
    X(STORE_SUBSCR, 1)        /* [v, c, k] -> [], c[k] = v */                \
    X(DELETE_SUBSCR, 0)       /* [c, k] -> [] */                             \
    X(BUILD_SLICE, 0)         /* arg 2: [a, b] -> [slice(a,b)]; 3: [a,b,c] */ \
    /* operators */                                                          \
    X(BINARY_OP, 1)           /* arg = RP_BINOP_*: [a, b] -> [a op b] */     \
    /* BINARY_OP quickened by the VM (never emitted by the compiler): the  \
       same operation (arg unchanged) on two exact floats / two exact ints \
       in the machine-word range; on other operands the instruction turns  \
       back into BINARY_OP (its cache word counts down before the next     \
       specialisation). */                                                  \
    X(BINARY_OP_ADD_FLOAT, 1)                                                \
    X(BINARY_OP_SUB_FLOAT, 1)                                                \
    X(BINARY_OP_MUL_FLOAT, 1)                                                \
    X(BINARY_OP_DIV_FLOAT, 1)                                                \
    X(BINARY_OP_ADD_INT, 1)                                                  \
    X(BINARY_OP_SUB_INT, 1)                                                  \
    X(BINARY_OP_MUL_INT, 1)                                                  \
    X(UNARY_NEGATIVE, 0)                                                     \
    X(UNARY_POSITIVE, 0)                                                     \
    X(UNARY_INVERT, 0)                                                       \
    X(UNARY_NOT, 0)           /* [a] -> [not a] (a bool) */                  \
    X(COMPARE_OP, 2)          /* arg = RP_LT..RP_GE: [a, b] -> [a op b] */   \
    X(IS_OP, 0)               /* arg 0: is, 1: is not -> bool */             \
    X(CONTAINS_OP, 0)         /* arg 0: in, 1: not in: [a, b] -> [a in b] */ \
    /* jumps (absolute targets) */                                           \
    X(JUMP_FORWARD, 0)        /* pc = arg */                                 \
    X(JUMP_BACKWARD, 0)       /* pc = arg; checks pending signals (Ctrl-C) */ \
    X(POP_JUMP_IF_FALSE, 0)   /* [a] -> []; jump if not a */                 \
    X(POP_JUMP_IF_TRUE, 0)                                                   \
    X(POP_JUMP_IF_NONE, 0)                                                   \
    X(POP_JUMP_IF_NOT_NONE, 0)                                               \
    X(JUMP_IF_FALSE_OR_POP, 0) /* [a] -> [a] and jump if not a, else [] */   \
    X(JUMP_IF_TRUE_OR_POP, 0)                                                \
    /* iteration */                                                          \
    X(GET_ITER, 0)            /* [o] -> [iter(o)] */                         \
    X(FOR_ITER, 1)            /* [it] -> [it, next]; exhausted: [] and jump */ \
    /* building */                                                           \
    X(BUILD_TUPLE, 0)         /* [a1..an] -> [(a1..an)] */                   \
    X(BUILD_LIST, 0)                                                         \
    X(BUILD_SET, 0)                                                          \
    X(BUILD_MAP, 0)           /* [k1, v1 .. kn, vn] -> [{..}] */             \
    X(BUILD_CONST_KEY_MAP, 0) /* [v1..vn, keys_tuple] -> [{..}] */           \
    X(BUILD_STRING, 0)        /* [s1..sn] -> [s1+..+sn] */                   \
    X(LIST_APPEND, 0)         /* [L, (arg-1 items), v] -> [L, ..]: L.append(v) \
                                 where L is the arg-th item once v is popped */ \
    X(SET_ADD, 0)                                                            \
    X(MAP_ADD, 0)             /* [D, .., k, v] -> [D, ..] */                 \
    X(LIST_EXTEND, 0)         /* [L, .., it] -> [L, ..] */                   \
    X(SET_UPDATE, 0)                                                         \
    X(DICT_UPDATE, 0)         /* {**a} : [D, .., m] -> [D, ..] */            \
    X(DICT_MERGE, 0)          /* f(**a): like DICT_UPDATE but TypeError on \
                                 duplicate keys ("got multiple values for  \
                                 keyword argument 'x'") */                   \
    X(LIST_TO_TUPLE, 0)                                                      \
    X(FORMAT_VALUE, 0)        /* arg & 3: 0 none, 1 str, 2 repr, 3 ascii;    \
                                 arg & 4: a format spec is on TOS:           \
                                 [v, spec?] -> [format(conv(v), spec)] */    \
    X(UNPACK_SEQUENCE, 1)     /* [seq] -> [vn .. v1] (v1 on top) */          \
    X(UNPACK_EX, 0)           /* arg = before | after << 8: starred unpack */ \
    /* calls and functions */                                                \
    X(KW_NAMES, 0)            /* next CALL: kwnames = consts[arg] */         \
    X(CALL, 4)                /* see above */                                \
    X(CALL_FUNCTION_EX, 0)    /* arg&1: [NULL, f, args, kwargs_dict]      \
                                 else [NULL, f, args] -> [result]; args is   \
                                 a tuple, except for f(*x) alone where it is \
                                 x itself: any other iterable is converted   \
                                 (TypeError "f() argument after * must be an \
                                 iterable, not int"); kwargs is a fresh dict */ \
    X(MAKE_FUNCTION, 0)       /* arg flags 1: defaults tuple, 2: kwdefaults \
                                 dict, 8: closure tuple; stack           \
                                 [defaults?, kwdefaults?, closure?, code] \
                                 -> [function] */                            \
    X(LOAD_BUILD_CLASS, 0)    /* [] -> [builtins.__build_class__] */         \
    X(RETURN_GENERATOR, 0)    /* unused: calls of generator code make a  \
                                 generator directly */                       \
    X(YIELD_VALUE, 0)         /* [v] -> suspend yielding v; on resume the \
                                 sent value is pushed */                     \
    X(GET_YIELD_FROM_ITER, 0) /* [o] -> [iter(o)] (generators pass through) */ \
    X(YIELD_FROM, 0)          /* [it, v] -> sends v into it; if it yields, \
                                 suspend yielding that value and re-execute \
                                 YIELD_FROM on resume with the sent value as \
                                 the new v; on StopIteration: [result] */    \
    /* exceptions */                                                         \
    X(PUSH_EXC_INFO, 0)       /* [exc] -> [prev_handled, exc]; handled = exc */ \
    X(POP_EXCEPT, 0)          /* [prev] -> []; handled = prev */             \
    X(RERAISE, 0)             /* [.. exc] -> raise exc; if arg, the lasti  \
                                 pushed below exc (arg-th item) is restored \
                                 as the raising instruction (traceback line) */ \
    X(CHECK_EXC_MATCH, 0)     /* [exc, T] -> [exc, isinstance(exc, T)];  \
                                 TypeError if T is not an exception class  \
                                 or tuple of them */                         \
    X(RAISE_VARARGS, 0)       /* arg 0: bare raise; 1: [exc]; 2: [exc, cause] */ \
    X(LOAD_ASSERTION_ERROR, 0)                                               \
    X(BEFORE_WITH, 0)         /* [mgr] -> [bound __exit__, mgr.__enter__()] \
                                 (AttributeError-> TypeError "'X' object   \
                                 does not support the context manager       \
                                 protocol") */                               \
    X(WITH_EXCEPT_START, 0)   /* [exit, lasti, prev, exc] ->               \
                                 [exit, lasti, prev, exc, exit(type, exc, tb)] */ \
    /* imports */                                                            \
    X(IMPORT_NAME, 0)         /* [level, fromlist] -> [module names[arg]] */ \
    X(IMPORT_FROM, 0)         /* [m] -> [m, m.names[arg]]; ImportError     \
                                 "cannot import name 'x' from 'm'" */        \
    X(IMPORT_STAR, 0)         /* [m] -> [] */                                \
    /* interactive */                                                        \
    X(PRINT_EXPR, 0)          /* [v] -> [], sys.displayhook(v) */            \
    X(SETUP_ANNOTATIONS, 0)                                                  \
    X(DELETE_SUBSCR_SLICE, 0) /* reserved */                                 \
    X(CACHE, 0)               /* filler for inline cache words */

typedef enum {
#define RP_OP_ENUM(name, caches) RP_OP_##name,
    RP_OPCODES(RP_OP_ENUM)
#undef RP_OP_ENUM
    RP_OP__COUNT
} rp_opcode_t;

// Number of inline cache words following each opcode.
extern const unsigned char rp_op_caches[RP_OP__COUNT];
// Opcode names for the disassembler.
extern const char *const rp_op_names[RP_OP__COUNT];

static inline unsigned rp_instr_op(uint32_t w) { return w & 0xFFu; }
static inline unsigned rp_instr_arg(uint32_t w) { return w >> 8; }
static inline uint32_t rp_instr_make(unsigned op, unsigned arg)
{
    return (uint32_t)op | ((uint32_t)arg << 8);
}

#endif
