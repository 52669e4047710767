// The assembler: from a unit's instruction list to a code object.  Labels
// become absolute word indexes, dead code and NOPs go, the stack depth and
// each exception handler's depth come from a flow analysis, handler tags
// become the exception table, deref arguments become frame slots.
#include <string.h>
#include "compile/compiler.h"
#include "objects/errors.h"
#include "objects/tuple.h"
#include "objects/code.h"
#include "memory/alloc.h"

// Stack effect of an instruction: fall-through (jump == 0) or taken jump.
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case RP_OP_NOP: case RP_OP_SWAP: case RP_OP_DELETE_FAST: case RP_OP_DELETE_DEREF:
    case RP_OP_DELETE_GLOBAL: case RP_OP_DELETE_NAME: case RP_OP_LOAD_ATTR:
    case RP_OP_UNARY_NEGATIVE: case RP_OP_UNARY_POSITIVE: case RP_OP_UNARY_INVERT:
    case RP_OP_UNARY_NOT: case RP_OP_GET_ITER: case RP_OP_LIST_TO_TUPLE: case RP_OP_KW_NAMES:
    case RP_OP_YIELD_VALUE: case RP_OP_GET_YIELD_FROM_ITER: case RP_OP_CHECK_EXC_MATCH:
    case RP_OP_SETUP_ANNOTATIONS: case RP_OP_RETURN_GENERATOR: case RP_OP_CACHE:
    case RP_OP_DELETE_SUBSCR_SLICE: case OP_JUMP: case OP_SETUP:
    case RP_OP_JUMP_FORWARD: case RP_OP_JUMP_BACKWARD:
        return 0;
    case RP_OP_POP_TOP: case RP_OP_RETURN_VALUE: case RP_OP_STORE_FAST:
    case RP_OP_STORE_DEREF: case RP_OP_STORE_GLOBAL: case RP_OP_STORE_NAME:
    case RP_OP_DELETE_ATTR: case RP_OP_BINARY_SUBSCR: case RP_OP_BINARY_OP:
    case RP_OP_COMPARE_OP: case RP_OP_IS_OP: case RP_OP_CONTAINS_OP:
    case RP_OP_POP_JUMP_IF_FALSE: case RP_OP_POP_JUMP_IF_TRUE: case RP_OP_POP_JUMP_IF_NONE:
    case RP_OP_POP_JUMP_IF_NOT_NONE: case RP_OP_LIST_APPEND: case RP_OP_SET_ADD:
    case RP_OP_LIST_EXTEND: case RP_OP_SET_UPDATE: case RP_OP_DICT_UPDATE:
    case RP_OP_DICT_MERGE: case RP_OP_YIELD_FROM: case RP_OP_POP_EXCEPT: case RP_OP_RERAISE:
    case RP_OP_IMPORT_NAME: case RP_OP_IMPORT_STAR: case RP_OP_PRINT_EXPR:
        return -1;
    case RP_OP_PUSH_NULL: case RP_OP_COPY: case RP_OP_LOAD_CONST: case RP_OP_LOAD_FAST:
    case RP_OP_LOAD_DEREF: case RP_OP_LOAD_CLOSURE: case RP_OP_LOAD_CLASSDEREF:
    case RP_OP_LOAD_NAME: case RP_OP_LOAD_METHOD: case RP_OP_LOAD_BUILD_CLASS:
    case RP_OP_PUSH_EXC_INFO: case RP_OP_LOAD_ASSERTION_ERROR: case RP_OP_BEFORE_WITH:
    case RP_OP_WITH_EXCEPT_START: case RP_OP_IMPORT_FROM:
        return 1;
    case RP_OP_LOAD_GLOBAL:
        return (arg & 1) + 1;
    case RP_OP_STORE_ATTR: case RP_OP_DELETE_SUBSCR: case RP_OP_MAP_ADD:
        return -2;
    case RP_OP_STORE_SUBSCR:
        return -3;
    case RP_OP_BUILD_SLICE:
        return arg == 3 ? -2 : -1;
    case RP_OP_JUMP_IF_FALSE_OR_POP: case RP_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case RP_OP_FOR_ITER:
        return jump ? -1 : 1;
    case RP_OP_BUILD_TUPLE: case RP_OP_BUILD_LIST: case RP_OP_BUILD_SET:
    case RP_OP_BUILD_STRING:
        return 1 - arg;
    case RP_OP_BUILD_MAP:
        return 1 - 2 * arg;
    case RP_OP_BUILD_CONST_KEY_MAP:
        return -arg;
    case RP_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case RP_OP_UNPACK_SEQUENCE:
        return arg - 1;
    case RP_OP_UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8);
    case RP_OP_CALL:
        return -(arg + 1);
    case RP_OP_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case RP_OP_MAKE_FUNCTION:
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case RP_OP_RAISE_VARARGS:
        return -arg;
    }
    return 0;
}

static int is_jump(int op)
{
    return op == OP_JUMP || op == RP_OP_POP_JUMP_IF_FALSE || op == RP_OP_POP_JUMP_IF_TRUE ||
           op == RP_OP_POP_JUMP_IF_NONE || op == RP_OP_POP_JUMP_IF_NOT_NONE ||
           op == RP_OP_JUMP_IF_FALSE_OR_POP || op == RP_OP_JUMP_IF_TRUE_OR_POP ||
           op == RP_OP_FOR_ITER;
}

// No fall-through after these.
static int is_terminal(int op)
{
    return op == OP_JUMP || op == RP_OP_RETURN_VALUE || op == RP_OP_RAISE_VARARGS ||
           op == RP_OP_RERAISE;
}

static int internal_error(const char *what)
{
    rp_err_format(&rp_exc_SystemError, "compiler bug: %s", what);
    return -1;
}

typedef struct {
    int pos, depth;
} work_t;

// Flow analysis from the entry: depth[i] (-1: unreachable), handler
// depths, and the maximum depth.  0 / -1.
static int flow(cunit_t *u, const int *target_of, int *depth, int *maxdepth)
{
    int n = u->nins;
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    work_t *stack = (work_t *)rp_mem_alloc(sizeof *stack * ((size_t)n * 2 + u->nhandlers + 4));
    if (!stack) {
        rp_err_nomemory();
        return -1;
    }
    int sp = 0, maxd = 0;
    stack[sp++] = (work_t){0, 0};
    while (sp > 0) {
        work_t w = stack[--sp];
        int i = w.pos, d = w.depth;
        for (;;) {
            if (i >= n) {
                rp_mem_free(stack);
                return internal_error("control falls off the end of the code");
            }
            if (depth[i] >= 0) {
                if (depth[i] != d) {
                    rp_mem_free(stack);
                    return internal_error("inconsistent stack depth");
                }
                break;
            }
            depth[i] = d;
            if (d > maxd)
                maxd = d;
            instr_t *ins = &u->ins[i];
            if (ins->op == OP_SETUP) {
                handler_t *h = &u->handlers[ins->arg];
                int hd = d - (h->kind == H_WITH ? 1 : 0);
                if (h->depth < 0)
                    h->depth = hd;
                else if (h->depth != hd) {
                    rp_mem_free(stack);
                    return internal_error("inconsistent handler depth");
                }
                int td = hd + (h->kind != H_FINALLY) + 1;
                if (td > maxd)
                    maxd = td;
                stack[sp++] = (work_t){u->labels[h->label], td};
            }
            else if (is_jump(ins->op)) {
                int td = d + stack_effect(ins->op, ins->arg, 1);
                if (td < 0) {
                    rp_mem_free(stack);
                    return internal_error("negative stack depth");
                }
                if (td > maxd)
                    maxd = td;
                stack[sp++] = (work_t){target_of[i], td};
            }
            if (is_terminal(ins->op))
                break;
            d += stack_effect(ins->op, ins->arg, 0);
            if (d < 0) {
                rp_mem_free(stack);
                return internal_error("negative stack depth");
            }
            i++;
        }
        // Each push matches a first visit of an instruction, so the work
        // stack never holds more than n + nhandlers + 1 entries.
    }
    rp_mem_free(stack);
    *maxdepth = maxd;
    return 0;
}

static int code_flags(cunit_t *u)
{
    int flags = 0;
    rp_ste_t *ste = u->ste;
    if (ste->type == RP_BLOCK_FUNCTION) {
        flags |= RP_CO_OPTIMIZED | RP_CO_NEWLOCALS;
        if (ste->nested)
            flags |= RP_CO_NESTED;
        if (ste->generator)
            flags |= RP_CO_GENERATOR;
        if (ste->varargs)
            flags |= RP_CO_VARARGS;
        if (ste->varkeywords)
            flags |= RP_CO_VARKEYWORDS;
    }
    if (u->cellvars.n == 0 && u->freevars.n == 0)
        flags |= RP_CO_NOFREE;
    return flags;
}

static rp_obj_t *tuple_of(rp_obj_t **items, int n)
{
    rp_obj_t *t = rp_tuple_new(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++)
        rp_tuple_init_item_take(t, i, rp_newref(items[i]));
    return t;
}

rp_obj_t *assemble(compiler_t *c, int add_none)
{
    cunit_t *u = c->u;
    // A body that does not end in a return returns None.
    int need_return = 1;
    if (u->nins > 0 && u->ins[u->nins - 1].op == RP_OP_RETURN_VALUE) {
        need_return = 0;
        for (int l = 0; l < u->nlabels; l++)
            if (u->labels[l] == u->nins)
                need_return = 1;
    }
    if (need_return) {
        if (add_none && emit_load_const(c, rp_None) < 0)
            return NULL;
        if (emit(c, RP_OP_RETURN_VALUE, 0) < 0)
            return NULL;
    }

    int n = u->nins;
    instr_t *ins = u->ins;
    rp_obj_t *result = NULL;
    int *target_of = (int *)rp_mem_calloc((size_t)n + 1, sizeof(int));
    int *is_target = (int *)rp_mem_calloc((size_t)n + 1, sizeof(int));
    int *depth = (int *)rp_mem_calloc((size_t)n + 1, sizeof(int));
    int *newpos = (int *)rp_mem_calloc((size_t)n + 1, sizeof(int));
    char *keep = (char *)rp_mem_calloc((size_t)n + 1, 1);
    int *cmap = (int *)rp_mem_calloc((size_t)u->consts.n + 1, sizeof(int));
    int *slots = (int *)rp_mem_calloc((size_t)(u->cellvars.n + u->freevars.n) + 1, sizeof(int));
    uint32_t *code = NULL;
    int *lines = NULL;
    rp_code_pos_t *positions = NULL;
    rp_exc_entry_t *exc = NULL;
    unsigned char *kinds = NULL;
    rp_obj_t *consts = NULL, *names = NULL, *lpnames = NULL;
    rp_obj_t **lpn = NULL;
    if (!target_of || !is_target || !depth || !newpos || !keep || !cmap || !slots) {
        rp_err_nomemory();
        goto done;
    }

    // Labels.
    for (int i = 0; i < n; i++) {
        target_of[i] = -1;
        if (ins[i].target >= 0) {
            int t = u->labels[ins[i].target];
            if (t < 0) {
                internal_error("unbound label");
                goto done;
            }
            target_of[i] = t;
            is_target[t] = 1;
        }
    }
    for (int h = 0; h < u->nhandlers; h++) {
        int t = u->labels[u->handlers[h].label];
        if (t < 0) {
            internal_error("unbound handler label");
            goto done;
        }
        is_target[t] = 1;
    }

    // Peephole: PUSH_NULL + LOAD_GLOBAL -> LOAD_GLOBAL with its NULL bit;
    // jumps to unconditional jumps go straight to the final target.
    for (int i = 0; i + 1 < n; i++)
        if (ins[i].op == RP_OP_PUSH_NULL && ins[i + 1].op == RP_OP_LOAD_GLOBAL &&
            !(ins[i + 1].arg & 1) && !is_target[i + 1]) {
            ins[i].op = RP_OP_NOP;
            ins[i + 1].arg |= 1;
        }
    for (int i = 0; i < n; i++) {
        int op = ins[i].op;
        if (op != OP_JUMP && op != RP_OP_POP_JUMP_IF_FALSE && op != RP_OP_POP_JUMP_IF_TRUE)
            continue;
        for (int hops = 0; hops < 16; hops++) {
            int t = target_of[i];
            while (t < n && (ins[t].op == RP_OP_NOP))
                t++;
            if (t >= n || ins[t].op != OP_JUMP || target_of[t] == target_of[i])
                break;
            target_of[i] = target_of[t];
        }
    }

    int maxdepth = 0;
    if (flow(u, target_of, depth, &maxdepth) < 0)
        goto done;
    for (int i = 0; i < n; i++) {
        if (depth[i] >= 0 && ins[i].handler >= 0 && u->handlers[ins[i].handler].depth < 0) {
            internal_error("handler without setup");
            goto done;
        }
    }

    // Keep reachable real instructions.
    for (int i = 0; i < n; i++)
        keep[i] = depth[i] >= 0 && ins[i].op != RP_OP_NOP && ins[i].op != OP_SETUP;
    // A jump to the next kept instruction is dropped.
    for (int i = 0; i < n; i++) {
        if (!keep[i] || ins[i].op != OP_JUMP)
            continue;
        int t = target_of[i];
        int j = i + 1;
        while (j < n && !keep[j])
            j++;
        int k = t;
        while (k < n && !keep[k])
            k++;
        if (k == j && t > i)
            keep[i] = 0;
    }
    int ncode = 0;
    for (int i = 0; i < n; i++) {
        newpos[i] = ncode;
        if (keep[i])
            ncode += 1 + (ins[i].op < RP_OP__COUNT ? rp_op_caches[ins[i].op] : 0);
    }
    newpos[n] = ncode;
    // newpos[i] is the offset of the first kept instruction at or after i.

    // Constants: as CPython 3.11's trim_unused_consts, only those after
    // the last one in use go (the first one, the docstring slot, stays);
    // unused ones before it remain in co_consts.
    int nconsts = u->consts.n > 0 ? 1 : 0;
    for (int i = 0; i < n; i++)
        if (keep[i] && (ins[i].op == RP_OP_LOAD_CONST || ins[i].op == RP_OP_KW_NAMES) &&
            ins[i].arg + 1 > nconsts)
            nconsts = ins[i].arg + 1;
    for (int k = 0; k < u->consts.n; k++)
        cmap[k] = k < nconsts ? k : -1;

    // Frame slots: locals, then cells that are not arguments, then frees.
    int nlocals = u->varnames.n, ncells = 0;
    for (int k = 0; k < u->cellvars.n; k++) {
        intptr_t li;
        if (rp_ptrmap_get(&u->varnames.index, u->cellvars.a[k], &li))
            slots[k] = (int)li;
        else
            slots[k] = nlocals + ncells++;
    }
    for (int k = 0; k < u->freevars.n; k++)
        slots[u->cellvars.n + k] = nlocals + ncells + k;
    int nlocalsplus = nlocals + ncells + u->freevars.n;

    code = (uint32_t *)rp_mem_alloc(sizeof *code * ((size_t)ncode + 1));
    lines = (int *)rp_mem_alloc(sizeof *lines * ((size_t)ncode + 1));
    positions = (rp_code_pos_t *)rp_mem_alloc(sizeof *positions * ((size_t)ncode + 1));
    if (!code || !lines || !positions) {
        rp_err_nomemory();
        goto done;
    }
    int nexc = 0, capexc = 0;
    int run_h = -1, run_start = 0;
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        instr_t *in = &ins[i];
        int pos = newpos[i];
        int op = in->op, arg = in->arg;
        if (in->target >= 0) {
            arg = newpos[target_of[i]];
            if (op == OP_JUMP)
                op = arg > pos ? RP_OP_JUMP_FORWARD : RP_OP_JUMP_BACKWARD;
        }
        else if (op == RP_OP_LOAD_CONST || op == RP_OP_KW_NAMES)
            arg = cmap[arg];
        else if (op == RP_OP_LOAD_DEREF || op == RP_OP_STORE_DEREF ||
                 op == RP_OP_DELETE_DEREF || op == RP_OP_LOAD_CLOSURE ||
                 op == RP_OP_LOAD_CLASSDEREF)
            arg = slots[arg];
        code[pos] = rp_instr_make((unsigned)op, (unsigned)arg);
        lines[pos] = in->line;
        rp_code_pos_t range = {in->end_line, in->col, in->end_col};
        if (in->col < 0 || in->end_col < 0)
            range.col = range.end_col = -1;
        if (range.end_lineno < in->line)
            range.end_lineno = in->line;
        positions[pos] = range;
        int size = 1 + rp_op_caches[op];
        // Cache words start as 0 (opcodes.h): the VM keeps its inline
        // cache state there.
        for (int k = 1; k < size; k++) {
            code[pos + k] = 0;
            lines[pos + k] = in->line;
            positions[pos + k] = range;
        }
        // The exception table: runs of instructions with the same handler.
        if (in->handler != run_h) {
            if (run_h >= 0) {
                if (nexc == capexc) {
                    capexc = capexc ? capexc * 2 : 8;
                    rp_exc_entry_t *ne = (rp_exc_entry_t *)rp_mem_realloc(
                        exc, sizeof *ne * (size_t)capexc);
                    if (!ne) {
                        rp_err_nomemory();
                        goto done;
                    }
                    exc = ne;
                }
                handler_t *h = &u->handlers[run_h];
                exc[nexc].start = (uint32_t)run_start;
                exc[nexc].end = (uint32_t)pos;
                exc[nexc].target = (uint32_t)newpos[u->labels[h->label]];
                exc[nexc].depth = (uint16_t)h->depth;
                exc[nexc].lasti = h->kind != H_FINALLY;
                nexc++;
            }
            run_h = in->handler;
            run_start = pos;
        }
    }
    if (run_h >= 0) {
        if (nexc == capexc) {
            capexc = capexc ? capexc * 2 : 1;
            rp_exc_entry_t *ne = (rp_exc_entry_t *)rp_mem_realloc(exc, sizeof *ne * (size_t)capexc);
            if (!ne) {
                rp_err_nomemory();
                goto done;
            }
            exc = ne;
        }
        handler_t *h = &u->handlers[run_h];
        exc[nexc].start = (uint32_t)run_start;
        exc[nexc].end = (uint32_t)ncode;
        exc[nexc].target = (uint32_t)newpos[u->labels[h->label]];
        exc[nexc].depth = (uint16_t)h->depth;
        exc[nexc].lasti = h->kind != H_FINALLY;
        nexc++;
    }

    // Tables.
    consts = rp_tuple_new(nconsts);
    if (!consts)
        goto done;
    for (int k = 0; k < nconsts; k++)
        rp_tuple_init_item_take(consts, k, rp_newref(rp_None));
    for (int k = 0; k < u->consts.n; k++)
        if (cmap[k] >= 0)
            rp_setref(&rp_tuple_items(consts)[cmap[k]], rp_newref(u->consts.a[k]));
    names = tuple_of(u->names.a, u->names.n);
    if (!names)
        goto done;
    lpn = (rp_obj_t **)rp_mem_alloc(sizeof *lpn * ((size_t)nlocalsplus + 1));
    kinds = (unsigned char *)rp_mem_calloc((size_t)nlocalsplus + 1, 1);
    if (!lpn || !kinds) {
        rp_err_nomemory();
        goto done;
    }
    for (int k = 0; k < nlocals; k++) {
        lpn[k] = u->varnames.a[k];
        kinds[k] = RP_FAST_LOCAL;
    }
    for (int k = 0; k < u->cellvars.n; k++) {
        lpn[slots[k]] = u->cellvars.a[k];
        kinds[slots[k]] |= RP_FAST_CELL;
    }
    for (int k = 0; k < u->freevars.n; k++) {
        int s = slots[u->cellvars.n + k];
        lpn[s] = u->freevars.a[k];
        kinds[s] = RP_FAST_FREE;
    }
    lpnames = tuple_of(lpn, nlocalsplus);
    if (!lpnames)
        goto done;

    {
        rp_obj_t *co = rp_code_new_take(code, ncode, lines, exc, nexc, consts, names,
                                        lpnames, kinds);
        code = NULL;
        lines = NULL;
        exc = NULL;
        consts = names = lpnames = NULL;
        kinds = NULL;
        if (!co)
            goto done;
        rp_code_t *cc = (rp_code_t *)co;
        cc->positions = positions;
        positions = NULL;
        cc->argcount = u->argcount + u->posonlyargcount;
        cc->posonlyargcount = u->posonlyargcount;
        cc->kwonlyargcount = u->kwonlyargcount;
        cc->stacksize = maxdepth;
        cc->flags = code_flags(u);
        cc->firstlineno = u->firstlineno;
        cc->name = rp_newref(u->name);
        cc->qualname = rp_newref(u->qualname ? u->qualname : u->name);
        cc->filename = rp_newref(c->cx->filename);
        cc->unit_kind = c->cx->unit.kind;
        cc->unit_number = c->cx->unit.number;
        result = co;
    }

done:
    rp_mem_free(target_of);
    rp_mem_free(is_target);
    rp_mem_free(depth);
    rp_mem_free(newpos);
    rp_mem_free(keep);
    rp_mem_free(cmap);
    rp_mem_free(slots);
    rp_mem_free(code);
    rp_mem_free(lines);
    rp_mem_free(positions);
    rp_mem_free(exc);
    rp_mem_free(kinds);
    rp_mem_free(lpn);
    rp_xdecref(consts);
    rp_xdecref(names);
    rp_xdecref(lpnames);
    return result;
}
