// Code generation for statements (CPython 3.11's compiler_visit_stmt and
// helpers): assignments, control flow with the frame-block unwinding of
// break / continue / return, try / except / finally and with (exception
// handler shapes as 3.11), function and class definitions, imports.
#include <string.h>
#include "compile/compiler.h"
#include "compile/fold.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"

int compiler_visit_stmts(compiler_t *c, rp_stmt_seq_t *stmts)
{
    for (int i = 0; i < stmts->n; i++)
        TRY(compiler_visit_stmt(c, stmts->a[i]));
    return 0;
}

// True if annotations appear in the statements (outside nested scopes):
// module and class bodies then get an __annotations__ dict.
int find_ann(rp_stmt_seq_t *stmts)
{
    for (int i = 0; i < stmts->n; i++) {
        rp_stmt_t *st = stmts->a[i];
        switch (st->kind) {
        case RP_S_ANNASSIGN:
            return 1;
        case RP_S_FOR:
            if (find_ann(&st->v.for_.body) || find_ann(&st->v.for_.orelse))
                return 1;
            break;
        case RP_S_WHILE:
            if (find_ann(&st->v.while_.body) || find_ann(&st->v.while_.orelse))
                return 1;
            break;
        case RP_S_IF:
            if (find_ann(&st->v.if_.body) || find_ann(&st->v.if_.orelse))
                return 1;
            break;
        case RP_S_WITH:
            if (find_ann(&st->v.with.body))
                return 1;
            break;
        case RP_S_TRY:
            for (int j = 0; j < st->v.try_.handlers.n; j++)
                if (find_ann(&st->v.try_.handlers.a[j]->body))
                    return 1;
            if (find_ann(&st->v.try_.body) || find_ann(&st->v.try_.finalbody) ||
                find_ann(&st->v.try_.orelse))
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

// A module or class body: __annotations__, docstring, statements.
int compiler_body(compiler_t *c, rp_stmt_seq_t *stmts)
{
    int i = 0;
    if (c->u->scope_type == SCOPE_MODULE && stmts->n)
        SET_LOC(c, stmts->a[0]);
    if (find_ann(stmts))
        TRY(emit(c, RP_OP_SETUP_ANNOTATIONS, 0));
    if (!stmts->n)
        return 0;
    if (rp_fold_has_docstring(stmts)) {
        rp_stmt_t *st = stmts->a[0];
        i = 1;
        TRY(compiler_visit_expr(c, st->v.expr.value));
        TRY(compiler_nameop_id(c, "__doc__", RP_STORE));
    }
    for (; i < stmts->n; i++)
        TRY(compiler_visit_stmt(c, stmts->a[i]));
    return 0;
}

// ---------------------------------------------------------------------
// Frame blocks

// exit(None, None, None) for a with statement's normal exit: the stack
// holds [exit]; CALL 2 on [exit, None, None, None] calls it as a method.
static int call_exit_with_nones(compiler_t *c)
{
    TRY(emit_load_const(c, rp_None));
    TRY(emit_load_const(c, rp_None));
    TRY(emit_load_const(c, rp_None));
    return emit(c, RP_OP_CALL, 2);
}

static int pop_except_and_reraise(compiler_t *c)
{
    // [exc_info, lasti, exc] COPY 3; POP_EXCEPT; RERAISE 1
    TRY(emit(c, RP_OP_COPY, 3));
    TRY(emit(c, RP_OP_POP_EXCEPT, 0));
    return emit(c, RP_OP_RERAISE, 1);
}

// Emits the exit code of one frame block for break / continue / return.
// preserve_tos: the return value on top of the stack must survive.
static int unwind_fblock(compiler_t *c, fblock_t *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        return emit(c, RP_OP_POP_TOP, 0);       // the iterator
    case FB_TRY_EXCEPT:
        pop_block(c);
        return 0;
    case FB_FINALLY_TRY:
        pop_block(c);
        if (preserve_tos)
            TRY(push_fblock(c, FB_POP_VALUE, -1, -1, NULL));
        TRY(compiler_visit_stmts(c, (rp_stmt_seq_t *)info->datum));
        if (preserve_tos)
            pop_fblock(c);
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        TRY(emit(c, RP_OP_POP_TOP, 0));         // exc_value
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        pop_block(c);
        return emit(c, RP_OP_POP_EXCEPT, 0);
    case FB_WITH:
        SET_LOC(c, (const rp_stmt_t *)info->datum);
        pop_block(c);
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        TRY(call_exit_with_nones(c));
        return emit(c, RP_OP_POP_TOP, 0);
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            pop_block(c);
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        pop_block(c);
        TRY(emit(c, RP_OP_POP_EXCEPT, 0));
        if (info->datum) {
            TRY(emit_load_const(c, rp_None));
            TRY(compiler_nameop_id(c, (const char *)info->datum, RP_STORE));
            TRY(compiler_nameop_id(c, (const char *)info->datum, RP_DEL));
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos)
            TRY(emit(c, RP_OP_SWAP, 2));
        return emit(c, RP_OP_POP_TOP, 0);
    }
    return 0;
}

// Unwinds the frame blocks, innermost first; with loop != NULL, stops at
// the first loop (*loop set to it).
static int unwind_fblock_stack(compiler_t *c, int preserve_tos, fblock_t **loop)
{
    cunit_t *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    fblock_t *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    fblock_t copy = *top;
    u->nfblocks--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 ||
        unwind_fblock_stack(c, preserve_tos, loop) < 0) {
        u->fblocks[u->nfblocks++] = copy;
        return -1;
    }
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

typedef struct hsave {
    int hstack[MAX_HSTACK];
    int hdepth;
} hsave_t;

static void save_handlers(compiler_t *c, hsave_t *s)
{
    s->hdepth = c->u->hdepth;
    memcpy(s->hstack, c->u->hstack, sizeof s->hstack);
}

static void restore_handlers(compiler_t *c, hsave_t *s)
{
    c->u->hdepth = s->hdepth;
    memcpy(c->u->hstack, s->hstack, sizeof s->hstack);
}

static int compiler_return(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_t *value = s->v.return_.value;
    int preserve_tos = value && !rp_fold_is_const(value);
    if (c->u->ste->type != RP_BLOCK_FUNCTION)
        return compiler_error(c, "'return' outside function");
    if (preserve_tos)
        TRY(compiler_visit_expr(c, value));
    SET_LOC(c, s);
    hsave_t saved;
    save_handlers(c, &saved);
    int r = unwind_fblock_stack(c, preserve_tos, NULL);
    // The return itself runs with the handlers unwound.
    if (r == 0 && !value)
        r = emit_load_const(c, rp_None);
    else if (r == 0 && !preserve_tos)
        r = emit_load_const_from(c, rp_fold_const(value), RP_CONST_FROM_TREE);
    if (r == 0)
        r = emit(c, RP_OP_RETURN_VALUE, 0);
    restore_handlers(c, &saved);
    return r;
}

static int compiler_break_continue(compiler_t *c, int is_break)
{
    fblock_t *loop = NULL;
    loc_t l = get_loc(c);
    hsave_t saved;
    save_handlers(c, &saved);
    int r = unwind_fblock_stack(c, 0, &loop);
    if (r == 0 && !loop) {
        restore_handlers(c, &saved);
        set_loc(c, l);
        return compiler_error(c, is_break ? "'break' outside loop"
                                          : "'continue' not properly in loop");
    }
    if (r == 0) {
        if (is_break) {
            r = unwind_fblock(c, loop, 0);
            if (r == 0)
                r = emit_jump(c, OP_JUMP, loop->exit);
        }
        else
            r = emit_jump(c, OP_JUMP, loop->block);
    }
    restore_handlers(c, &saved);
    set_loc(c, l);
    return r;
}

// ---------------------------------------------------------------------
// Control flow

static int compiler_if(compiler_t *c, rp_stmt_t *s)
{
    int end = new_label(c);
    TRY(end);
    int next = end;
    if (s->v.if_.orelse.n) {
        next = new_label(c);
        TRY(next);
    }
    TRY(compiler_jump_if(c, s->v.if_.test, next, 0));
    TRY(compiler_visit_stmts(c, &s->v.if_.body));
    if (s->v.if_.orelse.n) {
        TRY(emit_jump(c, OP_JUMP, end));
        bind_label(c, next);
        TRY(compiler_visit_stmts(c, &s->v.if_.orelse));
    }
    bind_label(c, end);
    return 0;
}

static int compiler_for(compiler_t *c, rp_stmt_t *s)
{
    int start = new_label(c), body = new_label(c), cleanup = new_label(c), end = new_label(c);
    if (start < 0 || body < 0 || cleanup < 0 || end < 0)
        return -1;
    TRY(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    TRY(compiler_visit_expr(c, s->v.for_.iter));
    TRY(emit(c, RP_OP_GET_ITER, 0));
    bind_label(c, start);
    TRY(emit_jump(c, RP_OP_FOR_ITER, cleanup));
    bind_label(c, body);
    TRY(compiler_visit_expr(c, s->v.for_.target));
    TRY(compiler_visit_stmts(c, &s->v.for_.body));
    TRY(emit_jump(c, OP_JUMP, start));
    bind_label(c, cleanup);
    pop_fblock(c);
    TRY(compiler_visit_stmts(c, &s->v.for_.orelse));
    bind_label(c, end);
    return 0;
}

static int compiler_while(compiler_t *c, rp_stmt_t *s)
{
    int loop = new_label(c), body = new_label(c), anchor = new_label(c), end = new_label(c);
    if (loop < 0 || body < 0 || anchor < 0 || end < 0)
        return -1;
    bind_label(c, loop);
    TRY(push_fblock(c, FB_WHILE_LOOP, loop, end, NULL));
    TRY(compiler_jump_if(c, s->v.while_.test, anchor, 0));
    bind_label(c, body);
    TRY(compiler_visit_stmts(c, &s->v.while_.body));
    SET_LOC(c, s);
    TRY(compiler_jump_if(c, s->v.while_.test, body, 1));
    pop_fblock(c);
    bind_label(c, anchor);
    TRY(compiler_visit_stmts(c, &s->v.while_.orelse));
    bind_label(c, end);
    return 0;
}

// try: body finally: finalbody
//     SETUP_FINALLY end; body; POP_BLOCK; finalbody; JUMP exit
// end: SETUP_CLEANUP cleanup; PUSH_EXC_INFO; finalbody; RERAISE 0
// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
// exit:
static int compiler_try_except(compiler_t *c, rp_stmt_t *s);

static int compiler_try_finally(compiler_t *c, rp_stmt_t *s)
{
    int body = new_label(c), end = new_label(c), exit = new_label(c), cleanup = new_label(c);
    if (body < 0 || end < 0 || exit < 0 || cleanup < 0)
        return -1;
    TRY(emit_setup(c, H_FINALLY, end));
    bind_label(c, body);
    TRY(push_fblock(c, FB_FINALLY_TRY, body, end, &s->v.try_.finalbody));
    if (s->v.try_.handlers.n)
        TRY(compiler_try_except(c, s));
    else
        TRY(compiler_visit_stmts(c, &s->v.try_.body));
    pop_block(c);
    pop_fblock(c);
    TRY(compiler_visit_stmts(c, &s->v.try_.finalbody));
    TRY(emit_jump(c, OP_JUMP, exit));
    // The exceptional path.
    bind_label(c, end);
    TRY(emit_setup(c, H_CLEANUP, cleanup));
    int h_cleanup = top_handler(c);
    TRY(emit(c, RP_OP_PUSH_EXC_INFO, 0));
    TRY(push_fblock(c, FB_FINALLY_END, end, -1, NULL));
    TRY(compiler_visit_stmts(c, &s->v.try_.finalbody));
    pop_fblock(c);
    TRY(emit(c, RP_OP_RERAISE, 0));
    bind_label(c, cleanup);
    pop_block(c);
    (void)h_cleanup;
    TRY(pop_except_and_reraise(c));
    bind_label(c, exit);
    return 0;
}

// try: body except E as e: handler ... else: orelse
//     SETUP_FINALLY except; body; POP_BLOCK; orelse; JUMP end
// except: SETUP_CLEANUP cleanup; PUSH_EXC_INFO
//     [E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next]
//     store e (or POP_TOP); SETUP_CLEANUP cleanup_end; handler;
//     POP_BLOCK; POP_BLOCK; POP_EXCEPT; e = None; del e; JUMP end
// cleanup_end: e = None; del e; RERAISE 1
// next: ... RERAISE 0
// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
// end:
static int compiler_try_except(compiler_t *c, rp_stmt_t *s)
{
    int body = new_label(c), except = new_label(c), end = new_label(c), cleanup = new_label(c);
    if (body < 0 || except < 0 || end < 0 || cleanup < 0)
        return -1;
    TRY(emit_setup(c, H_FINALLY, except));
    bind_label(c, body);
    TRY(push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL));
    TRY(compiler_visit_stmts(c, &s->v.try_.body));
    pop_fblock(c);
    pop_block(c);
    TRY(compiler_visit_stmts(c, &s->v.try_.orelse));
    TRY(emit_jump(c, OP_JUMP, end));
    int n = s->v.try_.handlers.n;
    bind_label(c, except);
    TRY(emit_setup(c, H_CLEANUP, cleanup));
    int h_cleanup = top_handler(c);
    TRY(emit(c, RP_OP_PUSH_EXC_INFO, 0));
    TRY(push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    for (int i = 0; i < n; i++) {
        rp_excepthandler_t *h = s->v.try_.handlers.a[i];
        SET_LOC(c, h);
        if (!h->type && i < n - 1)
            return compiler_error(c, "default 'except:' must be last");
        int next = new_label(c);
        TRY(next);
        if (h->type) {
            TRY(compiler_visit_expr(c, h->type));
            TRY(emit(c, RP_OP_CHECK_EXC_MATCH, 0));
            TRY(emit_jump(c, RP_OP_POP_JUMP_IF_FALSE, next));
        }
        if (h->name) {
            int cleanup_end = new_label(c), cleanup_body = new_label(c);
            if (cleanup_end < 0 || cleanup_body < 0)
                return -1;
            TRY(compiler_nameop_id(c, h->name, RP_STORE));
            // try: body finally: name = None; del name
            TRY(emit_setup(c, H_CLEANUP, cleanup_end));
            bind_label(c, cleanup_body);
            TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, h->name));
            TRY(compiler_visit_stmts(c, &h->body));
            pop_fblock(c);
            pop_block(c);
            pop_block(c);
            TRY(emit(c, RP_OP_POP_EXCEPT, 0));
            TRY(emit_load_const(c, rp_None));
            TRY(compiler_nameop_id(c, h->name, RP_STORE));
            TRY(compiler_nameop_id(c, h->name, RP_DEL));
            TRY(emit_jump(c, OP_JUMP, end));
            // The exceptional exit of the handler body.
            bind_label(c, cleanup_end);
            TRY(push_handler(c, h_cleanup));
            TRY(emit_load_const(c, rp_None));
            TRY(compiler_nameop_id(c, h->name, RP_STORE));
            TRY(compiler_nameop_id(c, h->name, RP_DEL));
            TRY(emit(c, RP_OP_RERAISE, 1));
        }
        else {
            int cleanup_body = new_label(c);
            TRY(cleanup_body);
            TRY(emit(c, RP_OP_POP_TOP, 0));     // exc_value
            bind_label(c, cleanup_body);
            TRY(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, NULL));
            TRY(compiler_visit_stmts(c, &h->body));
            pop_fblock(c);
            pop_block(c);
            TRY(emit(c, RP_OP_POP_EXCEPT, 0));
            TRY(emit_jump(c, OP_JUMP, end));
            TRY(push_handler(c, h_cleanup));
        }
        bind_label(c, next);
    }
    pop_fblock(c);
    TRY(emit(c, RP_OP_RERAISE, 0));
    bind_label(c, cleanup);
    pop_block(c);
    TRY(pop_except_and_reraise(c));
    bind_label(c, end);
    return 0;
}

static int compiler_try(compiler_t *c, rp_stmt_t *s)
{
    if (s->v.try_.finalbody.n)
        return compiler_try_finally(c, s);
    return compiler_try_except(c, s);
}

// with EXPR as VAR: BLOCK
//     EXPR; BEFORE_WITH; SETUP_WITH final; VAR = (or POP_TOP); BLOCK
//     POP_BLOCK; exit(None, None, None); POP_TOP; JUMP exit
// final: SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
//     POP_JUMP_IF_TRUE suppress; RERAISE 2
// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
// suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
// exit:
static int compiler_with(compiler_t *c, rp_stmt_t *s, int pos)
{
    rp_withitem_t *item = s->v.with.items.a[pos];
    int block = new_label(c), final = new_label(c), exit = new_label(c), cleanup = new_label(c);
    if (block < 0 || final < 0 || exit < 0 || cleanup < 0)
        return -1;
    TRY(compiler_visit_expr(c, item->context_expr));
    TRY(emit(c, RP_OP_BEFORE_WITH, 0));
    TRY(emit_setup(c, H_WITH, final));
    bind_label(c, block);
    TRY(push_fblock(c, FB_WITH, block, final, s));
    if (item->optional_vars)
        TRY(compiler_visit_expr(c, item->optional_vars));
    else
        TRY(emit(c, RP_OP_POP_TOP, 0));     // the __enter__ result
    pos++;
    if (pos == s->v.with.items.n)
        TRY(compiler_visit_stmts(c, &s->v.with.body));
    else
        TRY(compiler_with(c, s, pos));
    pop_block(c);
    pop_fblock(c);
    SET_LOC(c, s);
    TRY(call_exit_with_nones(c));
    TRY(emit(c, RP_OP_POP_TOP, 0));
    TRY(emit_jump(c, OP_JUMP, exit));
    // The exceptional path.
    bind_label(c, final);
    TRY(emit_setup(c, H_CLEANUP, cleanup));
    int h_cleanup = top_handler(c);
    TRY(emit(c, RP_OP_PUSH_EXC_INFO, 0));
    TRY(emit(c, RP_OP_WITH_EXCEPT_START, 0));
    int suppress = new_label(c);
    TRY(suppress);
    TRY(emit_jump(c, RP_OP_POP_JUMP_IF_TRUE, suppress));
    TRY(emit(c, RP_OP_RERAISE, 2));
    bind_label(c, cleanup);
    pop_block(c);
    TRY(pop_except_and_reraise(c));
    bind_label(c, suppress);
    TRY(push_handler(c, h_cleanup));
    TRY(emit(c, RP_OP_POP_TOP, 0));         // exc_value
    pop_block(c);
    TRY(emit(c, RP_OP_POP_EXCEPT, 0));
    TRY(emit(c, RP_OP_POP_TOP, 0));
    TRY(emit(c, RP_OP_POP_TOP, 0));
    bind_label(c, exit);
    return 0;
}

// ---------------------------------------------------------------------
// Assignments

static int compiler_augassign(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_t *e = s->v.augassign.target;
    loc_t l = get_loc(c);
    SET_LOC(c, e);
    switch (e->kind) {
    case RP_E_ATTRIBUTE: {
        TRY(compiler_visit_expr(c, e->v.attribute.value));
        TRY(emit(c, RP_OP_COPY, 1));
        if (c->u->lineno != e->end_lineno)
            c->u->lineno = e->end_lineno;
        rp_obj_t *attr = ident(c, e->v.attribute.attr);
        if (!attr)
            return -1;
        TRY(emit_name(c, RP_OP_LOAD_ATTR, attr));
        break;
    }
    case RP_E_SUBSCRIPT:
        TRY(compiler_visit_expr(c, e->v.subscript.value));
        TRY(compiler_visit_expr(c, e->v.subscript.slice));
        TRY(emit(c, RP_OP_COPY, 2));
        TRY(emit(c, RP_OP_COPY, 2));
        TRY(emit(c, RP_OP_BINARY_SUBSCR, 0));
        break;
    case RP_E_NAME:
        TRY(compiler_nameop_id(c, e->v.name.id, RP_LOAD));
        break;
    default:
        rp_err_set(&rp_exc_SystemError, "invalid node type for augmented assignment");
        return -1;
    }
    set_loc(c, l);
    TRY(compiler_visit_expr(c, s->v.augassign.value));
    TRY(emit(c, RP_OP_BINARY_OP, (int)s->v.augassign.op + RP_BINOP_INPLACE));
    SET_LOC(c, e);
    switch (e->kind) {
    case RP_E_ATTRIBUTE: {
        if (c->u->lineno != e->end_lineno)
            c->u->lineno = e->end_lineno;
        TRY(emit(c, RP_OP_SWAP, 2));
        rp_obj_t *attr = ident(c, e->v.attribute.attr);
        if (!attr)
            return -1;
        return emit_name(c, RP_OP_STORE_ATTR, attr);
    }
    case RP_E_SUBSCRIPT:
        TRY(emit(c, RP_OP_SWAP, 3));
        TRY(emit(c, RP_OP_SWAP, 2));
        return emit(c, RP_OP_STORE_SUBSCR, 0);
    default:
        return compiler_nameop_id(c, e->v.name.id, RP_STORE);
    }
}

static int check_ann_expr(compiler_t *c, rp_expr_t *e)
{
    TRY(compiler_visit_expr(c, e));
    return emit(c, RP_OP_POP_TOP, 0);
}

static int check_ann_subscr(compiler_t *c, rp_expr_t *e)
{
    switch (e->kind) {
    case RP_E_SLICE:
        if (e->v.slice.lower)
            TRY(check_ann_expr(c, e->v.slice.lower));
        if (e->v.slice.upper)
            TRY(check_ann_expr(c, e->v.slice.upper));
        if (e->v.slice.step)
            TRY(check_ann_expr(c, e->v.slice.step));
        return 0;
    case RP_E_TUPLE:
        for (int i = 0; i < e->v.seq.elts.n; i++)
            TRY(check_ann_subscr(c, e->v.seq.elts.a[i]));
        return 0;
    default:
        return check_ann_expr(c, e);
    }
}

// Under `from __future__ import annotations` an annotation is stored as
// its source text (CPython unparses the tree; the source slice with its
// whitespace runs collapsed is the same for ordinary annotations).
static rp_obj_t *annotation_text(compiler_t *c, rp_expr_t *e)
{
    if (rp_fold_is_const(e))
        return rp_obj_repr(rp_fold_const(e));
    const char *src = c->cx->source;
    if (!src || e->lineno < 1 || e->col_offset < 0 || e->end_col_offset < 0)
        return rp_str_from_cstr("...");
    const char *end = src + c->cx->source_len, *p = src;
    for (int l = 1; l < e->lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *q = p;
    for (int l = e->lineno; l < e->end_lineno && q < end; l++) {
        const char *nl = memchr(q, '\n', (size_t)(end - q));
        q = nl ? nl + 1 : end;
    }
    const char *a = p + e->col_offset, *b = q + e->end_col_offset;
    if (a > end || b > end || b < a)
        return rp_str_from_cstr("...");
    rp_strbuf_t sb;
    rp_strbuf_init(&sb);
    int space = 0;
    for (const char *k = a; k < b; k++) {
        if (*k == ' ' || *k == '\t' || *k == '\n' || *k == '\r' || *k == '\\') {
            space = 1;
            continue;
        }
        if (space && sb.len > 0)
            rp_strbuf_append_char(&sb, ' ');
        space = 0;
        rp_strbuf_append_utf8(&sb, k, 1);
    }
    return rp_strbuf_finish(&sb);
}

static int compiler_annassign(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_t *targ = s->v.annassign.target;
    int module_or_class = c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS;
    if (s->v.annassign.value) {
        TRY(compiler_visit_expr(c, s->v.annassign.value));
        TRY(compiler_visit_expr(c, targ));
    }
    switch (targ->kind) {
    case RP_E_NAME: {
        rp_obj_t *name = ident(c, targ->v.name.id);
        if (!name)
            return -1;
        if (forbidden_name(c, name, RP_STORE))
            return -1;
        // A simple name in a module or class: __annotations__[name] = ann.
        if (s->v.annassign.simple && module_or_class) {
            if (c->future_annotations)
                TRY(emit_load_const_take(c, annotation_text(c, s->v.annassign.annotation)));
            else
                TRY(compiler_visit_expr(c, s->v.annassign.annotation));
            rp_obj_t *ann = ident(c, "__annotations__");
            if (!ann)
                return -1;
            TRY(emit_name(c, RP_OP_LOAD_NAME, ann));
            rp_obj_t *m = mangle(c, name);
            if (!m)
                return -1;
            TRY(emit_load_const(c, m));
            TRY(emit(c, RP_OP_STORE_SUBSCR, 0));
        }
        break;
    }
    case RP_E_ATTRIBUTE: {
        rp_obj_t *attr = ident(c, targ->v.attribute.attr);
        if (!attr)
            return -1;
        if (forbidden_name(c, attr, RP_STORE))
            return -1;
        if (!s->v.annassign.value)
            TRY(check_ann_expr(c, targ->v.attribute.value));
        break;
    }
    case RP_E_SUBSCRIPT:
        if (!s->v.annassign.value) {
            TRY(check_ann_expr(c, targ->v.subscript.value));
            TRY(check_ann_subscr(c, targ->v.subscript.slice));
        }
        break;
    default:
        rp_err_set(&rp_exc_SystemError, "invalid node type for annotated assignment");
        return -1;
    }
    // The annotation of a complex target is evaluated last (module/class).
    if (!s->v.annassign.simple && module_or_class && !c->future_annotations)
        TRY(check_ann_expr(c, s->v.annassign.annotation));
    return 0;
}

static int compiler_assign(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_seq_t *targets = &s->v.assign.targets;
    rp_expr_t *value = s->v.assign.value;
    // a, b = b, a: 3.11's optimizer turns BUILD_TUPLE n + UNPACK_SEQUENCE n
    // (n <= 3) into SWAPs.
    if (targets->n == 1 && value->kind == RP_E_TUPLE && value->v.seq.ctx == RP_LOAD &&
        (targets->a[0]->kind == RP_E_TUPLE || targets->a[0]->kind == RP_E_LIST)) {
        rp_expr_seq_t *vals = &value->v.seq.elts, *tgts = &targets->a[0]->v.seq.elts;
        int n = vals->n, ok = n >= 1 && n <= 3 && tgts->n == n;
        for (int i = 0; ok && i < n; i++)
            if (vals->a[i]->kind == RP_E_STARRED || tgts->a[i]->kind == RP_E_STARRED)
                ok = 0;
        if (ok) {
            loc_t l = get_loc(c);
            SET_LOC(c, value);
            for (int i = 0; i < n; i++)
                TRY(compiler_visit_expr(c, vals->a[i]));
            if (n > 1)
                TRY(emit(c, RP_OP_SWAP, n));
            set_loc(c, l);
            SET_LOC(c, targets->a[0]);
            for (int i = 0; i < n; i++)
                TRY(compiler_visit_expr(c, tgts->a[i]));
            set_loc(c, l);
            return 0;
        }
    }
    TRY(compiler_visit_expr(c, value));
    for (int i = 0; i < targets->n; i++) {
        if (i < targets->n - 1)
            TRY(emit(c, RP_OP_COPY, 1));
        TRY(compiler_visit_expr(c, targets->a[i]));
    }
    return 0;
}

// ---------------------------------------------------------------------
// Definitions

static int apply_decorators(compiler_t *c, rp_expr_seq_t *decos)
{
    loc_t l = get_loc(c);
    for (int i = decos->n - 1; i >= 0; i--) {
        SET_LOC(c, decos->a[i]);
        TRY(emit(c, RP_OP_CALL, 0));
    }
    set_loc(c, l);
    return 0;
}

static int visit_argannotation(compiler_t *c, const char *id, rp_expr_t *ann, int *len)
{
    if (!ann)
        return 0;
    rp_obj_t *name = ident(c, id);
    rp_obj_t *m = name ? mangle(c, name) : NULL;
    if (!m)
        return -1;
    TRY(emit_load_const(c, m));
    if (ann->kind == RP_E_STARRED) {
        TRY(compiler_visit_expr(c, ann->v.starred.value));
        TRY(emit(c, RP_OP_UNPACK_SEQUENCE, 1));
    }
    else
        TRY(compiler_visit_expr(c, ann));
    *len += 2;
    return 0;
}

// Function annotations are evaluated as 3.11 does (the same order and
// errors) into a (name, value, ...) tuple for MAKE_FUNCTION (flag 4).
// Returns 4 if the tuple was pushed, 0 if there are none, -1 on error.
static int compiler_visit_annotations(compiler_t *c, rp_arguments_t *a, rp_expr_t *returns)
{
    int len = 0;
    if (c->future_annotations)
        return 0;       // they would only be strings
    for (int i = 0; i < a->args.n; i++)
        TRY(visit_argannotation(c, a->args.a[i]->arg, a->args.a[i]->annotation, &len));
    for (int i = 0; i < a->posonlyargs.n; i++)
        TRY(visit_argannotation(c, a->posonlyargs.a[i]->arg, a->posonlyargs.a[i]->annotation,
                                &len));
    if (a->vararg)
        TRY(visit_argannotation(c, a->vararg->arg, a->vararg->annotation, &len));
    for (int i = 0; i < a->kwonlyargs.n; i++)
        TRY(visit_argannotation(c, a->kwonlyargs.a[i]->arg, a->kwonlyargs.a[i]->annotation,
                                &len));
    if (a->kwarg)
        TRY(visit_argannotation(c, a->kwarg->arg, a->kwarg->annotation, &len));
    TRY(visit_argannotation(c, "return", returns, &len));
    if (len) {
        TRY(emit(c, RP_OP_BUILD_TUPLE, len));
        return 4;
    }
    return 0;
}

static int compiler_function(compiler_t *c, rp_stmt_t *s)
{
    rp_arguments_t *args = s->v.functiondef.args;
    rp_expr_seq_t *decos = &s->v.functiondef.decorator_list;
    rp_stmt_seq_t *body = &s->v.functiondef.body;
    TRY(compiler_check_debug_args(c, args));
    for (int i = 0; i < decos->n; i++)
        TRY(compiler_visit_expr(c, decos->a[i]));
    int firstlineno = decos->n ? decos->a[0]->lineno : s->lineno;
    int flags = compiler_default_arguments(c, args);
    TRY(flags);
    int ann = compiler_visit_annotations(c, args, s->v.functiondef.returns);
    TRY(ann);
    flags |= ann;
    rp_obj_t *name = ident(c, s->v.functiondef.name);
    if (!name || compiler_enter_scope(c, name, SCOPE_FUNCTION, s, firstlineno) < 0)
        return -1;
    rp_obj_t *co = NULL;
    int docstring = rp_fold_has_docstring(body);
    // consts[0] is the docstring, or None.
    if (add_const_from(c, docstring ? rp_fold_const(body->a[0]->v.expr.value) : rp_None,
                       RP_CONST_FROM_TREE) < 0)
        goto out;
    c->u->argcount = args->args.n;
    c->u->posonlyargcount = args->posonlyargs.n;
    c->u->kwonlyargcount = args->kwonlyargs.n;
    for (int i = docstring ? 1 : 0; i < body->n; i++)
        if (compiler_visit_stmt(c, body->a[i]) < 0)
            goto out;
    co = assemble(c, 1);
out:
    compiler_exit_scope(c);
    if (!co)
        return -1;
    int r = compiler_make_closure(c, co, flags);
    rp_decref(co);
    TRY(r);
    TRY(apply_decorators(c, decos));
    return compiler_nameop(c, name, RP_STORE);
}

static int compiler_class(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_seq_t *decos = &s->v.classdef.decorator_list;
    for (int i = 0; i < decos->n; i++)
        TRY(compiler_visit_expr(c, decos->a[i]));
    int firstlineno = decos->n ? decos->a[0]->lineno : s->lineno;
    rp_obj_t *name = ident(c, s->v.classdef.name);
    if (!name || compiler_enter_scope(c, name, SCOPE_CLASS, s, firstlineno) < 0)
        return -1;
    rp_obj_t *co = NULL;
    cunit_t *u = c->u;
    u->private_ = name;
    // __module__ = __name__; __qualname__ = '<qualname>'
    if (compiler_nameop_id(c, "__name__", RP_LOAD) < 0 ||
        compiler_nameop_id(c, "__module__", RP_STORE) < 0 ||
        emit_load_const(c, u->qualname) < 0 ||
        compiler_nameop_id(c, "__qualname__", RP_STORE) < 0 ||
        compiler_body(c, &s->v.classdef.body) < 0)
        goto out;
    if (u->ste->needs_class_closure) {
        // Return the __class__ cell, also stored as __classcell__.
        rp_obj_t *cls = ident(c, "__class__");
        int i = cls ? deref_index(c, cls, 1) : -1;
        if (i < 0) {
            if (cls)
                rp_err_set(&rp_exc_SystemError, "no __class__ cell");
            goto out;
        }
        if (emit(c, RP_OP_LOAD_CLOSURE, i) < 0 || emit(c, RP_OP_COPY, 1) < 0 ||
            compiler_nameop_id(c, "__classcell__", RP_STORE) < 0)
            goto out;
    }
    else if (emit_load_const(c, rp_None) < 0)
        goto out;
    if (emit(c, RP_OP_RETURN_VALUE, 0) < 0)
        goto out;
    co = assemble(c, 1);
out:
    compiler_exit_scope(c);
    if (!co)
        return -1;
    int r = emit(c, RP_OP_PUSH_NULL, 0);
    if (r == 0)
        r = emit(c, RP_OP_LOAD_BUILD_CLASS, 0);
    if (r == 0)
        r = compiler_make_closure(c, co, 0);
    rp_decref(co);
    TRY(r);
    TRY(emit_load_const(c, name));
    TRY(compiler_call_helper(c, 2, &s->v.classdef.bases, &s->v.classdef.keywords));
    TRY(apply_decorators(c, decos));
    return compiler_nameop(c, name, RP_STORE);
}

// ---------------------------------------------------------------------
// Imports

// `import a.b.c as d`: IMPORT_NAME returned a; walk to c.
static int compiler_import_as(compiler_t *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        const char *pos = dot + 1;
        for (;;) {
            const char *next = strchr(pos, '.');
            size_t n = next ? (size_t)(next - pos) : strlen(pos);
            rp_obj_t *attr = rp_cctx_keep_take(c->cx, rp_str_intern_utf8(pos, (rp_ssize_t)n));
            if (!attr)
                return -1;
            int i = add_name(c, attr);
            TRY(i);
            TRY(emit(c, RP_OP_IMPORT_FROM, i));
            if (!next)
                break;
            TRY(emit(c, RP_OP_SWAP, 2));
            TRY(emit(c, RP_OP_POP_TOP, 0));
            pos = next + 1;
        }
        TRY(compiler_nameop_id(c, asname, RP_STORE));
        return emit(c, RP_OP_POP_TOP, 0);
    }
    return compiler_nameop_id(c, asname, RP_STORE);
}

static int compiler_import(compiler_t *c, rp_stmt_t *s)
{
    for (int i = 0; i < s->v.import.names.n; i++) {
        rp_alias_t *alias = s->v.import.names.a[i];
        TRY(emit_load_const_take(c, rp_int_from_i64(0)));
        TRY(emit_load_const(c, rp_None));
        rp_obj_t *mod = ident(c, alias->name);
        if (!mod)
            return -1;
        TRY(emit_name(c, RP_OP_IMPORT_NAME, mod));
        if (alias->asname)
            TRY(compiler_import_as(c, alias->name, alias->asname));
        else {
            const char *dot = strchr(alias->name, '.');
            rp_obj_t *store = mod;
            if (dot) {
                store = rp_cctx_keep_take(c->cx, rp_str_intern_utf8(
                    alias->name, (rp_ssize_t)(dot - alias->name)));
                if (!store)
                    return -1;
            }
            TRY(compiler_nameop(c, store, RP_STORE));
        }
    }
    return 0;
}

static int compiler_from_import(compiler_t *c, rp_stmt_t *s)
{
    int n = s->v.importfrom.names.n;
    TRY(emit_load_const_take(c, rp_int_from_i64(s->v.importfrom.level)));
    rp_obj_t *names = rp_tuple_new(n);
    if (!names)
        return -1;
    for (int i = 0; i < n; i++)
        rp_tuple_init_item_take(names, i, rp_newref(rp_None));
    for (int i = 0; i < n; i++) {
        rp_obj_t *nm = ident(c, s->v.importfrom.names.a[i]->name);
        if (!nm) {
            rp_decref(names);
            return -1;
        }
        rp_setref(&rp_tuple_items(names)[i], rp_newref(nm));
    }
    const char *module = s->v.importfrom.module;
    if (s->lineno > c->future_lineno && module && strcmp(module, "__future__") == 0) {
        rp_decref(names);
        return compiler_error(c, "from __future__ imports must occur at the beginning of the file");
    }
    TRY(emit_load_const_take(c, names));
    rp_obj_t *mod = ident(c, module ? module : "");
    if (!mod)
        return -1;
    TRY(emit_name(c, RP_OP_IMPORT_NAME, mod));
    for (int i = 0; i < n; i++) {
        rp_alias_t *alias = s->v.importfrom.names.a[i];
        if (i == 0 && alias->name[0] == '*')
            return emit(c, RP_OP_IMPORT_STAR, 0);
        rp_obj_t *nm = ident(c, alias->name);
        if (!nm)
            return -1;
        TRY(emit_name(c, RP_OP_IMPORT_FROM, nm));
        TRY(compiler_nameop_id(c, alias->asname ? alias->asname : alias->name, RP_STORE));
    }
    return emit(c, RP_OP_POP_TOP, 0);       // the module
}

// ---------------------------------------------------------------------

static int compiler_assert(compiler_t *c, rp_stmt_t *s)
{
    rp_expr_t *test = s->v.assert_.test;
    if ((test->kind == RP_E_TUPLE && test->v.seq.elts.n > 0) ||
        (rp_fold_is_const(test) && rp_tuple_check(rp_fold_const(test)) &&
         rp_tuple_len(rp_fold_const(test)) > 0))
        TRY(compiler_warn(c, "assertion is always true, perhaps remove parentheses?"));
    int end = new_label(c);
    TRY(end);
    TRY(compiler_jump_if(c, test, end, 1));
    TRY(emit(c, RP_OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.assert_.msg) {
        TRY(compiler_visit_expr(c, s->v.assert_.msg));
        TRY(emit(c, RP_OP_CALL, 0));
    }
    SET_LOC(c, test);
    TRY(emit(c, RP_OP_RAISE_VARARGS, 1));
    bind_label(c, end);
    return 0;
}

static int compiler_visit_stmt_expr(compiler_t *c, rp_expr_t *value)
{
    if (c->interactive && c->nestlevel <= 1) {
        TRY(compiler_visit_expr(c, value));
        return emit(c, RP_OP_PRINT_EXPR, 0);
    }
    if (rp_fold_is_const(value))
        return 0;           // a constant statement does nothing
    TRY(compiler_visit_expr(c, value));
    return emit(c, RP_OP_POP_TOP, 0);
}

static int compiler_visit_stmt1(compiler_t *c, rp_stmt_t *s)
{
    SET_LOC(c, s);
    switch (s->kind) {
    case RP_S_FUNCTIONDEF:
        return compiler_function(c, s);
    case RP_S_CLASSDEF:
        return compiler_class(c, s);
    case RP_S_RETURN:
        return compiler_return(c, s);
    case RP_S_DELETE:
        for (int i = 0; i < s->v.delete_.targets.n; i++)
            TRY(compiler_visit_expr(c, s->v.delete_.targets.a[i]));
        return 0;
    case RP_S_ASSIGN:
        return compiler_assign(c, s);
    case RP_S_AUGASSIGN:
        return compiler_augassign(c, s);
    case RP_S_ANNASSIGN:
        return compiler_annassign(c, s);
    case RP_S_FOR:
        return compiler_for(c, s);
    case RP_S_WHILE:
        return compiler_while(c, s);
    case RP_S_IF:
        return compiler_if(c, s);
    case RP_S_RAISE: {
        int n = 0;
        if (s->v.raise.exc) {
            TRY(compiler_visit_expr(c, s->v.raise.exc));
            n++;
            if (s->v.raise.cause) {
                TRY(compiler_visit_expr(c, s->v.raise.cause));
                n++;
            }
        }
        return emit(c, RP_OP_RAISE_VARARGS, n);
    }
    case RP_S_TRY:
        return compiler_try(c, s);
    case RP_S_ASSERT:
        return compiler_assert(c, s);
    case RP_S_IMPORT:
        return compiler_import(c, s);
    case RP_S_IMPORTFROM:
        return compiler_from_import(c, s);
    case RP_S_GLOBAL:
    case RP_S_NONLOCAL:
    case RP_S_PASS:
        return 0;
    case RP_S_EXPR:
        return compiler_visit_stmt_expr(c, s->v.expr.value);
    case RP_S_BREAK:
        return compiler_break_continue(c, 1);
    case RP_S_CONTINUE:
        return compiler_break_continue(c, 0);
    case RP_S_WITH:
        return compiler_with(c, s, 0);
    }
    rp_err_set(&rp_exc_SystemError, "unknown statement kind");
    return -1;
}

int compiler_visit_stmt(compiler_t *c, rp_stmt_t *s)
{
    if (rp_cctx_enter(c->cx) < 0)
        return -1;
    int r = compiler_visit_stmt1(c, s);
    rp_cctx_leave(c->cx);
    return r;
}
