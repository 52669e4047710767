// Unit tests for the compiler: constant folding and its limits, one
// constant cache per unit (sharing within a unit, not across units),
// string interning, symbol classification, code flags, exception table
// shapes, compile-time errors and the constant cache's keys.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/tuple.h"
#include "objects/set.h"
#include "objects/code.h"
#include "compile/compile.h"
#include "compile/opcodes.h"
#include "compile/consts.h"
#include "vm/vm.h"

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

static rp_obj_t *compile_kind(const char *src, rp_compile_mode_t mode, rp_unit_kind_t kind)
{
    rp_obj_t *fn = rp_str_from_cstr(kind == RP_UNIT_SCRIPT ? "t.py" : "<stdin>");
    rp_unit_info_t unit = {kind, kind == RP_UNIT_REPL ? 1 : 0};
    rp_obj_t *co = rp_compile_source(src, strlen(src), fn, mode, unit, NULL);
    rp_decref(fn);
    return co;
}

static rp_obj_t *compile_ok(const char *src)
{
    rp_obj_t *co = compile_kind(src, RP_COMPILE_EXEC, RP_UNIT_SCRIPT);
    if (!co) {
        rp_err_print();
        ck_abort_msg("compilation failed: %s", src);
    }
    return co;
}

static rp_code_t *CO(rp_obj_t *o) { return (rp_code_t *)o; }

// The first constant of co satisfying pred, borrowed, or NULL.
static rp_obj_t *find_const(rp_obj_t *co, bool (*pred)(rp_obj_t *))
{
    rp_obj_t *consts = CO(co)->consts;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++)
        if (pred(rp_tuple_get_borrow(consts, i)))
            return rp_tuple_get_borrow(consts, i);
    return NULL;
}

static rp_obj_t *find_int(rp_obj_t *co, int64_t v)
{
    rp_obj_t *consts = CO(co)->consts;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++) {
        rp_obj_t *k = rp_tuple_get_borrow(consts, i);
        if (rp_int_check_exact(k) && rp_int_is_small(k) && rp_int_small_value(k) == v)
            return k;
    }
    return NULL;
}

static rp_obj_t *find_str(rp_obj_t *co, const char *s)
{
    rp_obj_t *consts = CO(co)->consts;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++) {
        rp_obj_t *k = rp_tuple_get_borrow(consts, i);
        if (rp_str_check_exact(k) && rp_str_eq_cstr(k, s))
            return k;
    }
    return NULL;
}

static bool is_code(rp_obj_t *o) { return o->type == &rp_type_code; }
static bool is_tuple(rp_obj_t *o) { return o->type == &rp_type_tuple; }

// The n-th code object among co's constants.
static rp_obj_t *nested_code(rp_obj_t *co, int n)
{
    rp_obj_t *consts = CO(co)->consts;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++) {
        rp_obj_t *k = rp_tuple_get_borrow(consts, i);
        if (is_code(k) && n-- == 0)
            return k;
    }
    ck_abort_msg("no nested code object");
    return NULL;
}

static bool has_op(rp_obj_t *co, int op)
{
    for (int i = 0; i < CO(co)->ncode; i++)
        if ((int)rp_instr_op(CO(co)->code[i]) == op)
            return true;
    return false;
}

static void assert_syntax_error(const char *src, const char *msg, int lineno)
{
    rp_obj_t *co = compile_kind(src, RP_COMPILE_EXEC, RP_UNIT_SCRIPT);
    ck_assert_ptr_null(co);
    rp_obj_t *e = rp_err_fetch();
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_eq(e->type, &rp_exc_SyntaxError);
    rp_exc_t *x = (rp_exc_t *)e;
    ck_assert_ptr_nonnull(x->msg);
    ck_assert_str_eq(rp_str_utf8(x->msg, NULL), msg);
    ck_assert_int_eq(rp_int_as_i64(x->lineno), lineno);
    rp_decref(e);
}

// ---------------------------------------------------------------------

START_TEST(fold_evaluates_constant_arithmetic)
{
    rp_obj_t *co = compile_ok("x = 1 + 2 * 3\ny = -(4)\nz = not 0\n");
    ck_assert_ptr_nonnull(find_int(co, 7));
    ck_assert_ptr_null(find_int(co, 2));
    ck_assert_ptr_nonnull(find_int(co, -4));
    rp_obj_t *consts = CO(co)->consts;
    bool found_true = false;
    for (rp_ssize_t i = 0; i < rp_tuple_len(consts); i++)
        if (rp_tuple_get_borrow(consts, i) == rp_True)
            found_true = true;
    ck_assert(found_true);
    rp_decref(co);
}
END_TEST

START_TEST(fold_respects_cpython_limits)
{
    // 2**128 needs 129 bits: not folded; 1 << 127 is.
    rp_obj_t *co = compile_ok("a = 2 ** 128\nb = 1 << 127\n");
    ck_assert_ptr_nonnull(find_int(co, 128));
    ck_assert_ptr_null(find_int(co, 127));
    rp_decref(co);
    // Strings up to 4096 characters.
    co = compile_ok("a = 'ab' * 2048\nb = 'c' * 4097\n");
    ck_assert_ptr_nonnull(find_int(co, 4097));
    ck_assert_ptr_null(find_int(co, 2048));
    rp_decref(co);
    // Operations that raise stay for run time; % is not folded on str.
    co = compile_ok("a = 1 / 0\nb = '%s' % 5\nc = 'abc'[5]\n");
    ck_assert_ptr_nonnull(find_int(co, 0));
    ck_assert_ptr_nonnull(find_str(co, "%s"));
    ck_assert_ptr_nonnull(find_str(co, "abc"));
    rp_decref(co);
}
END_TEST

START_TEST(fold_subscript_tuple_and_membership)
{
    rp_obj_t *co = compile_ok("a = 'xyz'[1]\nb = (1, (2, 3))\nc = q in [4, 5]\nd = q in {6}\n");
    ck_assert_ptr_nonnull(find_str(co, "y"));
    ck_assert_ptr_null(find_str(co, "xyz"));
    ck_assert_ptr_nonnull(find_const(co, is_tuple));
    bool frozen = false;
    for (rp_ssize_t i = 0; i < rp_tuple_len(CO(co)->consts); i++)
        if (rp_tuple_get_borrow(CO(co)->consts, i)->type == &rp_type_frozenset)
            frozen = true;
    ck_assert(frozen);
    ck_assert(!has_op(co, RP_OP_BUILD_LIST));
    rp_decref(co);
}
END_TEST

START_TEST(constants_are_shared_within_a_unit)
{
    rp_obj_t *co = compile_ok("a = 257\ndef f():\n    return 257\nb = 'hello world'\n"
                              "def g():\n    return 'hello world'\n");
    rp_obj_t *m257 = find_int(co, 257);
    ck_assert_ptr_nonnull(m257);
    rp_obj_t *f = nested_code(co, 0), *g = nested_code(co, 1);
    ck_assert_ptr_eq(find_int(f, 257), m257);
    ck_assert_ptr_eq(find_str(g, "hello world"), find_str(co, "hello world"));
    ck_assert_int_eq(CO(f)->unit_kind, RP_UNIT_SCRIPT);
    rp_decref(co);
}
END_TEST

START_TEST(constants_are_not_shared_across_units)
{
    rp_obj_t *a = compile_kind("x = 257\n", RP_COMPILE_SINGLE, RP_UNIT_REPL);
    rp_obj_t *b = compile_kind("y = 257\n", RP_COMPILE_SINGLE, RP_UNIT_REPL);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(find_int(a, 257), find_int(b, 257));
    ck_assert_int_eq(CO(a)->unit_kind, RP_UNIT_REPL);
    rp_decref(a);
    rp_decref(b);
}
END_TEST

START_TEST(constant_keys_distinguish_types_and_signed_zero)
{
    rp_const_cache_t c;
    rp_const_cache_init(&c);
    rp_obj_t *one = rp_int_from_i64(1), *onef = rp_float_from_double(1.0);
    rp_obj_t *z = rp_float_from_double(0.0), *nz = rp_float_from_double(-0.0);
    rp_obj_t *z2 = rp_float_from_double(0.0);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, one), one);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, onef), onef);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, rp_True), rp_True);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, z), z);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, nz), nz);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, z2), z);      // same key as 0.0
    rp_obj_t *t1 = rp_tuple_pack(2, one, z), *t2 = rp_tuple_pack(2, one, z2);
    rp_obj_t *t3 = rp_tuple_pack(2, one, nz);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, t1), t1);
    ck_assert_ptr_eq(rp_const_cache_merge(&c, t2), t1);
    ck_assert_ptr_ne(rp_const_cache_merge(&c, t3), t1);
    rp_const_cache_fini(&c);
    rp_decref(t1);
    rp_decref(t2);
    rp_decref(t3);
    rp_decref(one);
    rp_decref(onef);
    rp_decref(z);
    rp_decref(nz);
    rp_decref(z2);
}
END_TEST

START_TEST(name_like_string_constants_are_interned)
{
    rp_obj_t *co = compile_ok("a = 'abc_1'\nb = 'a b'\nc = ('xy_z', 'p q')\n");
    ck_assert(rp_str_is_interned(find_str(co, "abc_1")));
    ck_assert(!rp_str_is_interned(find_str(co, "a b")));
    rp_obj_t *t = find_const(co, is_tuple);
    ck_assert_ptr_nonnull(t);
    ck_assert(rp_str_is_interned(rp_tuple_get_borrow(t, 0)));
    ck_assert(!rp_str_is_interned(rp_tuple_get_borrow(t, 1)));
    rp_obj_t *names = CO(co)->names;
    for (rp_ssize_t i = 0; i < rp_tuple_len(names); i++)
        ck_assert(rp_str_is_interned(rp_tuple_get_borrow(names, i)));
    rp_decref(co);
}
END_TEST

START_TEST(symbols_are_classified_local_cell_free_global)
{
    rp_obj_t *co = compile_ok("g = 1\n"
                              "def f(a, b):\n"
                              "    c = a\n"
                              "    def inner():\n"
                              "        return b + c + g\n"
                              "    return inner\n");
    rp_code_t *f = CO(nested_code(co, 0));
    ck_assert_int_eq(f->argcount, 2);
    ck_assert_int_eq(f->nlocals, 3);      // a, b, inner
    ck_assert_int_eq(f->ncells, 1);       // c (b is an argument cell)
    ck_assert_int_eq(f->nfrees, 0);
    // b: argument and cell in one slot.
    ck_assert_int_eq(f->localspluskinds[1], RP_FAST_LOCAL | RP_FAST_CELL);
    rp_code_t *inner = CO(nested_code(RP_OBJ(f), 0));
    ck_assert_int_eq(inner->nfrees, 2);
    ck_assert(rp_str_eq_cstr(rp_tuple_get_borrow(inner->localsplusnames, 0), "b"));
    ck_assert(rp_str_eq_cstr(rp_tuple_get_borrow(inner->localsplusnames, 1), "c"));
    ck_assert(has_op(RP_OBJ(inner), RP_OP_LOAD_DEREF));
    ck_assert(has_op(RP_OBJ(inner), RP_OP_LOAD_GLOBAL));
    ck_assert(has_op(RP_OBJ(f), RP_OP_LOAD_CLOSURE));
    ck_assert(f->flags & RP_CO_OPTIMIZED);
    ck_assert(inner->flags & RP_CO_NESTED);
    ck_assert(rp_str_eq_cstr(inner->qualname, "f.<locals>.inner"));
    rp_decref(co);
}
END_TEST

START_TEST(methods_using_super_create_class_cell)
{
    rp_obj_t *co = compile_ok("class C:\n"
                              "    def m(self):\n"
                              "        return super().m()\n");
    rp_code_t *body = CO(nested_code(co, 0));
    ck_assert_int_eq(body->ncells, 1);
    ck_assert(rp_str_eq_cstr(rp_tuple_get_borrow(body->localsplusnames, 0), "__class__"));
    rp_code_t *m = CO(nested_code(RP_OBJ(body), 0));
    ck_assert_int_eq(m->nfrees, 1);
    ck_assert(rp_str_eq_cstr(m->qualname, "C.m"));
    rp_decref(co);
}
END_TEST

START_TEST(comprehensions_and_generators_are_functions)
{
    rp_obj_t *co = compile_ok("x = [i for i in range(3)]\n"
                              "def gen():\n    yield 1\n");
    rp_code_t *lc = CO(nested_code(co, 0));
    ck_assert(rp_str_eq_cstr(lc->name, "<listcomp>"));
    ck_assert_int_eq(lc->argcount, 1);
    ck_assert(rp_str_eq_cstr(rp_tuple_get_borrow(lc->localsplusnames, 0), ".0"));
    ck_assert(has_op(RP_OBJ(lc), RP_OP_LIST_APPEND));
    rp_code_t *g = CO(nested_code(co, 1));
    ck_assert(g->flags & RP_CO_GENERATOR);
    ck_assert(!(lc->flags & RP_CO_GENERATOR));
    rp_decref(co);
}
END_TEST

START_TEST(try_except_builds_cpython_exception_table)
{
    rp_obj_t *co = compile_ok("try:\n    f()\nexcept E:\n    pass\n");
    rp_code_t *c = CO(co);
    // As 3.11: body -> handler; handler test -> cleanup; RERAISE 0 -> cleanup.
    ck_assert_int_eq(c->nexc, 3);
    // The body is protected by the handler, at depth 0, without lasti.
    ck_assert_int_eq(c->exctable[0].depth, 0);
    ck_assert_int_eq(c->exctable[0].lasti, 0);
    uint32_t handler = c->exctable[0].target;
    ck_assert_int_eq(rp_instr_op(c->code[handler]), RP_OP_PUSH_EXC_INFO);
    // The handler itself is protected by the cleanup (COPY 3; POP_EXCEPT;
    // RERAISE 1) at depth 1 with lasti.
    ck_assert_int_eq(c->exctable[1].start, handler);
    ck_assert_int_eq(c->exctable[1].depth, 1);
    ck_assert_int_eq(c->exctable[1].lasti, 1);
    uint32_t cleanup = c->exctable[1].target;
    ck_assert_int_eq(rp_instr_op(c->code[cleanup]), RP_OP_COPY);
    ck_assert_int_eq(rp_instr_arg(c->code[cleanup]), 3);
    ck_assert_int_eq(rp_instr_op(c->code[cleanup + 1]), RP_OP_POP_EXCEPT);
    ck_assert_int_eq(rp_instr_op(c->code[cleanup + 2]), RP_OP_RERAISE);
    ck_assert_int_eq(c->exctable[2].target, cleanup);
    ck_assert_int_eq(rp_instr_op(c->code[c->exctable[2].start]), RP_OP_RERAISE);
    ck_assert(has_op(co, RP_OP_CHECK_EXC_MATCH));
    rp_decref(co);
}
END_TEST

START_TEST(with_statement_uses_with_handler_depth)
{
    rp_obj_t *co = compile_ok("with m as v:\n    body()\n");
    rp_code_t *c = CO(co);
    ck_assert(c->nexc >= 2);
    // [exit] stays below lasti and the exception.
    ck_assert_int_eq(c->exctable[0].depth, 1);
    ck_assert_int_eq(c->exctable[0].lasti, 1);
    ck_assert_int_eq(rp_instr_op(c->code[c->exctable[0].target + 1]), RP_OP_WITH_EXCEPT_START);
    rp_decref(co);
}
END_TEST

START_TEST(code_words_include_zeroed_cache_words)
{
    rp_obj_t *co = compile_ok("x = y\n");
    rp_code_t *c = CO(co);
    ck_assert_int_eq(rp_instr_op(c->code[0]), RP_OP_LOAD_NAME);
    ck_assert_int_eq(rp_instr_op(c->code[1]), RP_OP_STORE_NAME);
    ck_assert_int_eq(rp_instr_op(c->code[2]), RP_OP_LOAD_CONST);
    ck_assert_int_eq(rp_instr_op(c->code[3]), RP_OP_RETURN_VALUE);
    ck_assert_int_eq(c->ncode, 4);
    rp_decref(co);
    co = compile_ok("def f():\n    return g(1)\n");
    rp_code_t *f = CO(nested_code(co, 0));
    // LOAD_GLOBAL (NULL + g), 4 caches; LOAD_CONST; CALL, 4 caches.
    ck_assert_int_eq(rp_instr_op(f->code[0]), RP_OP_LOAD_GLOBAL);
    ck_assert_int_eq(rp_instr_arg(f->code[0]) & 1, 1);
    for (int k = 1; k <= 4; k++)
        ck_assert_uint_eq(f->code[k], 0);
    ck_assert_int_eq(rp_instr_op(f->code[5]), RP_OP_LOAD_CONST);
    ck_assert_int_eq(rp_instr_op(f->code[6]), RP_OP_CALL);
    ck_assert_int_eq(f->lines[0], 2);
    ck_assert_int_eq(f->stacksize, 3);
    rp_decref(co);
}
END_TEST

START_TEST(single_mode_prints_expression_statements)
{
    rp_obj_t *co = compile_kind("for i in x:\n    i\n\n", RP_COMPILE_SINGLE, RP_UNIT_REPL);
    ck_assert_ptr_nonnull(co);
    ck_assert(has_op(co, RP_OP_PRINT_EXPR));
    rp_decref(co);
    co = compile_ok("i\n");
    ck_assert(!has_op(co, RP_OP_PRINT_EXPR));
    rp_decref(co);
}
END_TEST

START_TEST(compile_errors_are_syntax_errors_with_location)
{
    assert_syntax_error("x = 1\nnonlocal x\n", "name 'x' is assigned to before nonlocal declaration", 2);
    assert_syntax_error("\nnonlocal x\n", "nonlocal declaration not allowed at module level", 2);
    assert_syntax_error("def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found", 2);
    assert_syntax_error("def f(a):\n    global a\n", "name 'a' is parameter and global", 2);
    assert_syntax_error("def f():\n    x = 1\n    global x\n",
                        "name 'x' is assigned to before global declaration", 3);
    assert_syntax_error("def f():\n    print(x)\n    global x\n",
                        "name 'x' is used prior to global declaration", 3);
    assert_syntax_error("return 1\n", "'return' outside function", 1);
    assert_syntax_error("\nbreak\n", "'break' outside loop", 2);
    assert_syntax_error("continue\n", "'continue' not properly in loop", 1);
    assert_syntax_error("class C:\n    yield 1\n", "'yield' outside function", 2);
}
END_TEST

START_TEST(deep_nesting_raises_recursion_error)
{
    size_t n = 20000;
    char *src = malloc(n + 16);
    strcpy(src, "x = ");
    memset(src + 4, '-', n);
    strcpy(src + 4 + n, "1\n");
    rp_obj_t *co = compile_kind(src, RP_COMPILE_EXEC, RP_UNIT_SCRIPT);
    free(src);
    ck_assert_ptr_null(co);
    rp_obj_t *e = rp_err_fetch();
    ck_assert_ptr_nonnull(e);
    ck_assert(e->type == &rp_exc_RecursionError || e->type == &rp_exc_SyntaxError ||
              e->type == &rp_exc_MemoryError);
    rp_decref(e);
}
END_TEST

START_TEST(literal_constants_keep_a_unit_reference)
{
    // As CPython's parser arena while the unit runs: one reference from
    // co_consts and one from the unit, none for compiler-made tuples.
    rp_obj_t *co = compile_ok("x = 'a b'\ny = [1000, 2000, 3000]\n");
    rp_obj_t *s = find_str(co, "a b");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s->refcnt, 2);
    rp_obj_t *t = find_const(co, is_tuple);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(t->refcnt, 1);
    ck_assert_int_eq(rp_tuple_get_borrow(t, 0)->refcnt, 2);
    rp_code_release_unit_refs(CO(co));
    ck_assert_int_eq(s->refcnt, 1);
    rp_decref(co);
}
END_TEST

START_TEST(instructions_carry_source_positions)
{
    rp_obj_t *co = compile_ok("x = a.b + c[1]\n");
    rp_code_t *c = CO(co);
    bool seen = false;
    for (int i = 0; i < c->ncode; i++) {
        if (rp_instr_op(c->code[i]) == RP_OP_BINARY_OP) {
            int line;
            rp_code_pos_t pos;
            ck_assert(rp_code_position(c, i, &line, &pos));
            ck_assert_int_eq(line, 1);
            ck_assert_int_eq(pos.col, 4);
            ck_assert_int_eq(pos.end_col, 14);
            seen = true;
        }
        if (rp_instr_op(c->code[i]) == RP_OP_LOAD_ATTR) {
            ck_assert_int_eq(c->positions[i].col, 4);
            ck_assert_int_eq(c->positions[i].end_col, 7);
        }
    }
    ck_assert(seen);
    rp_decref(co);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compile");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, fold_evaluates_constant_arithmetic);
    tcase_add_test(tc, fold_respects_cpython_limits);
    tcase_add_test(tc, fold_subscript_tuple_and_membership);
    tcase_add_test(tc, constants_are_shared_within_a_unit);
    tcase_add_test(tc, constants_are_not_shared_across_units);
    tcase_add_test(tc, constant_keys_distinguish_types_and_signed_zero);
    tcase_add_test(tc, name_like_string_constants_are_interned);
    tcase_add_test(tc, symbols_are_classified_local_cell_free_global);
    tcase_add_test(tc, methods_using_super_create_class_cell);
    tcase_add_test(tc, comprehensions_and_generators_are_functions);
    tcase_add_test(tc, try_except_builds_cpython_exception_table);
    tcase_add_test(tc, with_statement_uses_with_handler_depth);
    tcase_add_test(tc, code_words_include_zeroed_cache_words);
    tcase_add_test(tc, single_mode_prints_expression_statements);
    tcase_add_test(tc, compile_errors_are_syntax_errors_with_location);
    tcase_add_test(tc, deep_nesting_raises_recursion_error);
    tcase_add_test(tc, literal_constants_keep_a_unit_reference);
    tcase_add_test(tc, instructions_carry_source_positions);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
