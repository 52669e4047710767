// Unit tests for the VM: small programs compiled with rp_compile_source
// and run with rp_eval_code in a fresh globals dict; results are read
// back from the globals.  Covers calls and argument binding errors,
// refcount parity of arguments, closures, generators, exceptions and
// chaining, tracebacks, classes, recursion limits and imports.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/vm.h"

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

// Runs src in a new namespace.  Returns the namespace (new reference);
// the exception of a failed run stays pending when *ok is false.
static rp_obj_t *run(const char *src, bool *ok)
{
    rp_obj_t *fn = rp_str_from_cstr("<test>");
    rp_unit_info_t unit = {RP_UNIT_OTHER, 0};
    rp_obj_t *co = rp_compile_source(src, strlen(src), fn, RP_COMPILE_EXEC, unit, NULL);
    rp_decref(fn);
    ck_assert_msg(co != NULL, "compilation failed: %s", src);
    rp_obj_t *g = rp_dict_new();
    ck_assert_int_eq(rp_dict_set_cstr(g, "__builtins__", rp_interp.builtins_module), 0);
    rp_obj_t *name = rp_str_from_cstr("__test__");
    ck_assert_int_eq(rp_dict_set_cstr(g, "__name__", name), 0);
    rp_decref(name);
    rp_obj_t *r = rp_eval_code(co, g, g);
    rp_decref(co);
    *ok = r != NULL;
    rp_xdecref(r);
    return g;
}

// Runs src, which must succeed; returns the namespace.
static rp_obj_t *run_ok(const char *src)
{
    bool ok;
    rp_obj_t *g = run(src, &ok);
    if (!ok) {
        rp_err_print();
        ck_abort_msg("program failed: %s", src);
    }
    return g;
}

static int64_t get_int(rp_obj_t *g, const char *name)
{
    rp_obj_t *v = rp_dict_get_cstr_borrow(g, name);
    ck_assert_msg(v != NULL, "no variable %s", name);
    ck_assert_msg(rp_int_check(v), "%s is not an int", name);
    return rp_int_as_i64(v);
}

static bool str_is(rp_obj_t *g, const char *name, const char *expected)
{
    rp_obj_t *v = rp_dict_get_cstr_borrow(g, name);
    ck_assert_msg(v != NULL, "no variable %s", name);
    ck_assert_msg(rp_str_check(v), "%s is not a str", name);
    const char *u = rp_str_utf8(v, NULL);
    if (strcmp(u, expected) != 0) {
        fprintf(stderr, "%s = '%s', expected '%s'\n", name, u, expected);
        return false;
    }
    return true;
}

// The message of the exception a failing program raises (checks its type).
static void expect_error(const char *src, rp_type_t *type, const char *msg)
{
    bool ok;
    rp_obj_t *g = run(src, &ok);
    ck_assert_msg(!ok, "program should fail: %s", src);
    rp_obj_t *exc = rp_err_fetch();
    ck_assert_ptr_nonnull(exc);
    ck_assert_msg(RP_TYPE(exc) == type, "wrong exception type %s for %s",
                  rp_type_name(RP_TYPE(exc)), src);
    rp_obj_t *s = rp_obj_str(exc);
    ck_assert_str_eq(rp_str_utf8(s, NULL), msg);
    rp_decref(s);
    rp_decref(exc);
    rp_decref(g);
}

START_TEST(recursive_function_computes_fib)
{
    rp_obj_t *g = run_ok("def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\n"
                         "r = fib(20)\n");
    ck_assert_int_eq(get_int(g, "r"), 6765);
    rp_decref(g);
}
END_TEST

START_TEST(binding_handles_defaults_kwonly_varargs_kwargs)
{
    rp_obj_t *g = run_ok("def f(a, b=2, *args, c, d=4, **kw):\n"
                         "    return a + b + sum(args) + c + d + sum(kw.values())\n"
                         "r1 = f(1, c=3)\n"
                         "r2 = f(1, 2, 3, 4, c=5, d=6, e=7)\n"
                         "def g(a, b, /, c):\n    return a * 100 + b * 10 + c\n"
                         "r3 = g(1, 2, c=3)\n");
    ck_assert_int_eq(get_int(g, "r1"), 10);
    ck_assert_int_eq(get_int(g, "r2"), 28);
    ck_assert_int_eq(get_int(g, "r3"), 123);
    rp_decref(g);
}
END_TEST

START_TEST(binding_errors_use_cpython_messages)
{
    expect_error("def f(a, b): pass\nf(1)\n", &rp_exc_TypeError,
                 "f() missing 1 required positional argument: 'b'");
    expect_error("def f(a, b): pass\nf()\n", &rp_exc_TypeError,
                 "f() missing 2 required positional arguments: 'a' and 'b'");
    expect_error("def f(a, b, c): pass\nf()\n", &rp_exc_TypeError,
                 "f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    expect_error("def f(a, b): pass\nf(1, 2, 3)\n", &rp_exc_TypeError,
                 "f() takes 2 positional arguments but 3 were given");
    expect_error("def f(a, b=1): pass\nf(1, 2, 3)\n", &rp_exc_TypeError,
                 "f() takes from 1 to 2 positional arguments but 3 were given");
    expect_error("def f(a): pass\nf(1, z=2)\n", &rp_exc_TypeError,
                 "f() got an unexpected keyword argument 'z'");
    expect_error("def f(a): pass\nf(1, a=2)\n", &rp_exc_TypeError,
                 "f() got multiple values for argument 'a'");
    expect_error("def f(*, k): pass\nf()\n", &rp_exc_TypeError,
                 "f() missing 1 required keyword-only argument: 'k'");
    expect_error("def f(a, /): pass\nf(a=1)\n", &rp_exc_TypeError,
                 "f() got some positional-only arguments passed as keyword arguments: 'a'");
    expect_error("class C:\n    def m(self): pass\nC().m(1)\n", &rp_exc_TypeError,
                 "C.m() takes 1 positional argument but 2 were given");
}
END_TEST

START_TEST(arguments_are_moved_into_the_callee)
{
    // One reference from the global, one from the parameter, one from the
    // getrefcount argument: 3, as in CPython 3.11.
    rp_obj_t *g = run_ok("import sys\na = object()\n"
                         "def f(x):\n    return sys.getrefcount(x)\n"
                         "r = f(a)\n"
                         "class C:\n    def m(self, x):\n        return sys.getrefcount(x)\n"
                         "r2 = C().m(a)\n");
    ck_assert_int_eq(get_int(g, "r"), 3);
    ck_assert_int_eq(get_int(g, "r2"), 3);
    rp_decref(g);
}
END_TEST

START_TEST(closures_share_cells)
{
    rp_obj_t *g = run_ok("def counter():\n    n = 0\n"
                         "    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
                         "    return inc\n"
                         "c = counter()\nc()\nc()\nr = c()\n"
                         "def capture(arg):\n    return lambda: arg * 2\n"
                         "r2 = capture(21)()\n");
    ck_assert_int_eq(get_int(g, "r"), 3);
    ck_assert_int_eq(get_int(g, "r2"), 42);
    rp_decref(g);
}
END_TEST

START_TEST(generators_send_throw_close_and_delegate)
{
    rp_obj_t *g = run_ok("def sub():\n    x = yield 1\n    return x * 10\n"
                         "def gen():\n    r = yield from sub()\n"
                         "    try:\n        yield r\n"
                         "    except KeyError:\n        yield -1\n"
                         "it = gen()\na = next(it)\nb = it.send(4)\nc = it.throw(KeyError())\n"
                         "it.close()\n"
                         "def ret():\n    yield 1\n    return 'v'\n"
                         "i2 = ret()\nnext(i2)\n"
                         "try:\n    next(i2)\nexcept StopIteration as e:\n    v = e.value\n");
    ck_assert_int_eq(get_int(g, "a"), 1);
    ck_assert_int_eq(get_int(g, "b"), 40);
    ck_assert_int_eq(get_int(g, "c"), -1);
    ck_assert(str_is(g, "v", "v"));
    rp_decref(g);
}
END_TEST

START_TEST(generator_raising_stopiteration_becomes_runtimeerror)
{
    expect_error("def g():\n    raise StopIteration\n    yield\nnext(g())\n",
                 &rp_exc_RuntimeError, "generator raised StopIteration");
    expect_error("def g():\n    yield it.send(None)\nit = g()\nnext(it)\n",
                 &rp_exc_ValueError, "generator already executing");
}
END_TEST

START_TEST(exceptions_chain_context_and_cause)
{
    rp_obj_t *g = run_ok("try:\n    try:\n        1/0\n    except ZeroDivisionError:\n"
                         "        raise ValueError('v')\n"
                         "except ValueError as e:\n    ctx = type(e.__context__).__name__\n"
                         "try:\n    raise KeyError(1) from TypeError('t')\n"
                         "except KeyError as e:\n    cause = type(e.__cause__).__name__\n"
                         "    sup = e.__suppress_context__\n");
    ck_assert(str_is(g, "ctx", "ZeroDivisionError"));
    ck_assert(str_is(g, "cause", "TypeError"));
    ck_assert_ptr_eq(rp_dict_get_cstr_borrow(g, "sup"), rp_True);
    rp_decref(g);
}
END_TEST

START_TEST(raise_errors_use_cpython_messages)
{
    expect_error("raise\n", &rp_exc_RuntimeError, "No active exception to reraise");
    expect_error("raise 5\n", &rp_exc_TypeError, "exceptions must derive from BaseException");
    expect_error("x = undefined_name\n", &rp_exc_NameError, "name 'undefined_name' is not defined");
    expect_error("def f():\n    y\n    y = 1\nf()\n", &rp_exc_UnboundLocalError,
                 "cannot access local variable 'y' where it is not associated with a value");
    expect_error("a, b = [1, 2, 3]\n", &rp_exc_ValueError, "too many values to unpack (expected 2)");
    expect_error("a, b, c = [1, 2]\n", &rp_exc_ValueError,
                 "not enough values to unpack (expected 3, got 2)");
    expect_error("a, b = 1\n", &rp_exc_TypeError, "cannot unpack non-iterable int object");
    expect_error("import no_such_module_x\n", &rp_exc_ModuleNotFoundError,
                 "No module named 'no_such_module_x'");
}
END_TEST

START_TEST(tracebacks_record_each_frame_line)
{
    bool ok;
    rp_obj_t *g = run("def a():\n    b()\ndef b():\n    1/0\na()\n", &ok);
    ck_assert(!ok);
    rp_obj_t *exc = rp_err_fetch();
    int lines[8], n = 0;
    for (rp_obj_t *tb = ((rp_exc_t *)exc)->traceback; tb && n < 8;
         tb = ((rp_traceback_t *)tb)->next)
        lines[n++] = ((rp_traceback_t *)tb)->lineno;
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(lines[0], 5);
    ck_assert_int_eq(lines[1], 2);
    ck_assert_int_eq(lines[2], 4);
    rp_decref(exc);
    rp_decref(g);
}
END_TEST

START_TEST(deep_recursion_raises_recursionerror)
{
    rp_obj_t *g = run_ok("def f(n):\n    return f(n + 1)\n"
                         "try:\n    f(0)\nexcept RecursionError as e:\n    msg = str(e)\n");
    ck_assert(str_is(g, "msg", "maximum recursion depth exceeded"));
    rp_decref(g);
    ck_assert_int_eq(rp_recursion_depth, 0);
}
END_TEST

START_TEST(classes_support_super_and_properties)
{
    rp_obj_t *g = run_ok("class A:\n    def f(self):\n        return 1\n"
                         "class B(A):\n    def f(self):\n        return super().f() + 10\n"
                         "    @property\n    def p(self):\n        return self.f() * 2\n"
                         "r = B().p\n");
    ck_assert_int_eq(get_int(g, "r"), 22);
    rp_decref(g);
}
END_TEST

START_TEST(attribute_caches_follow_class_changes)
{
    rp_obj_t *g = run_ok("class C:\n    def m(self):\n        return 1\n"
                         "def call(o):\n    return o.m()\n"
                         "o = C()\nr1 = call(o) + call(o) + call(o)\n"
                         "C.m = lambda self: 10\nr2 = call(o)\n"
                         "o.m = lambda: 100\nr3 = call(o)\n");
    ck_assert_int_eq(get_int(g, "r1"), 3);
    ck_assert_int_eq(get_int(g, "r2"), 10);
    ck_assert_int_eq(get_int(g, "r3"), 100);
    rp_decref(g);
}
END_TEST

START_TEST(global_caches_follow_rebinding)
{
    rp_obj_t *g = run_ok("def f():\n    return len([1, 2])\n"
                         "r1 = f() + f()\n"
                         "def len(x):\n    return 7\n"
                         "r2 = f()\n"
                         "del len\nr3 = f()\n");
    ck_assert_int_eq(get_int(g, "r1"), 4);
    ck_assert_int_eq(get_int(g, "r2"), 7);
    ck_assert_int_eq(get_int(g, "r3"), 2);
    rp_decref(g);
}
END_TEST

START_TEST(with_statement_calls_exit_and_may_suppress)
{
    rp_obj_t *g = run_ok("log = []\n"
                         "class CM:\n    def __enter__(self):\n        log.append('in')\n"
                         "        return 5\n"
                         "    def __exit__(self, t, v, tb):\n        log.append(t.__name__ if t else 'ok')\n"
                         "        return True\n"
                         "with CM() as x:\n    raise KeyError\n"
                         "with CM() as y:\n    pass\n"
                         "r = ','.join(log)\n");
    ck_assert(str_is(g, "r", "in,KeyError,in,ok"));
    ck_assert_int_eq(get_int(g, "x"), 5);
    rp_decref(g);
}
END_TEST

Suite *vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, recursive_function_computes_fib);
    tcase_add_test(tc, binding_handles_defaults_kwonly_varargs_kwargs);
    tcase_add_test(tc, binding_errors_use_cpython_messages);
    tcase_add_test(tc, arguments_are_moved_into_the_callee);
    tcase_add_test(tc, closures_share_cells);
    tcase_add_test(tc, generators_send_throw_close_and_delegate);
    tcase_add_test(tc, generator_raising_stopiteration_becomes_runtimeerror);
    tcase_add_test(tc, exceptions_chain_context_and_cause);
    tcase_add_test(tc, raise_errors_use_cpython_messages);
    tcase_add_test(tc, tracebacks_record_each_frame_line);
    tcase_add_test(tc, deep_recursion_raises_recursionerror);
    tcase_add_test(tc, classes_support_super_and_properties);
    tcase_add_test(tc, attribute_caches_follow_class_changes);
    tcase_add_test(tc, global_caches_follow_rebinding);
    tcase_add_test(tc, with_statement_calls_exit_and_may_suppress);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(vm_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
