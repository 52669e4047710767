// Unit tests for list: CPython's growth pattern, slicing, slice
// assignment errors, sort stability and mutation detection, repr of
// self-containing lists, and deallocation of deeply nested lists.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/errors.h"
#include "objects/typeobj.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/rangeobj.h"
#include "vm/vm.h"

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

// A list of the ints lo..hi-1.
static rp_obj_t *int_list(int lo, int hi)
{
    rp_obj_t *l = rp_list_new(0);
    for (int i = lo; i < hi; i++) {
        rp_obj_t *v = rp_int_from_i64(i);
        ck_assert_int_eq(rp_list_append_take(l, v), 0);
    }
    return l;
}

static void assert_repr(rp_obj_t *o, const char *expected)
{
    rp_obj_t *r = rp_obj_repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(rp_str_utf8(r, NULL), expected);
    rp_decref(r);
}

// Checks the pending exception's type and message, then clears it.
static void assert_error(rp_type_t *type, const char *msg)
{
    rp_obj_t *e = rp_err_fetch();
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_eq(e->type, type);
    rp_obj_t *s = rp_obj_str(e);
    ck_assert_str_eq(rp_str_utf8(s, NULL), msg);
    rp_decref(s);
    rp_decref(e);
}

START_TEST(list_growth_matches_cpython_pattern)
{
    // Slots allocated after each append, as sys.getsizeof shows in
    // CPython 3.11 (88, 120, 184, 248, 312 bytes).
    static const rp_ssize_t expected[] = {4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16,
                                          16, 24, 24, 24, 24, 24, 24, 24, 24, 32};
    rp_obj_t *l = rp_list_new(0);
    for (int i = 0; i < 25; i++) {
        ck_assert_int_eq(rp_list_append(l, rp_None), 0);
        ck_assert_int_eq(((rp_list_t *)l)->allocated, expected[i]);
    }
    rp_decref(l);
}
END_TEST

START_TEST(list_from_tuple_preallocates_even)
{
    rp_obj_t *t = rp_tuple_pack(3, rp_None, rp_None, rp_None);
    rp_obj_t *l = rp_list_from_iterable(t);
    ck_assert_int_eq(rp_list_len(l), 3);
    ck_assert_int_eq(((rp_list_t *)l)->allocated, 4);
    rp_decref(l);
    rp_decref(t);
}
END_TEST

START_TEST(list_slice_with_negative_step)
{
    rp_obj_t *l = int_list(0, 10);
    rp_obj_t *step = rp_int_from_i64(-2);
    rp_obj_t *s = rp_slice_new(NULL, NULL, step);
    rp_obj_t *r = rp_obj_getitem(l, s);
    assert_repr(r, "[9, 7, 5, 3, 1]");
    rp_decref(r);
    rp_decref(s);
    rp_decref(step);
    rp_decref(l);
}
END_TEST

START_TEST(list_extended_slice_assignment_checks_size)
{
    rp_obj_t *l = int_list(0, 3);
    rp_obj_t *two = rp_int_from_i64(2);
    rp_obj_t *s = rp_slice_new(NULL, NULL, two);
    rp_obj_t *v = int_list(0, 3);
    ck_assert_int_eq(rp_obj_setitem(l, s, v), -1);
    assert_error(&rp_exc_ValueError,
                 "attempt to assign sequence of size 3 to extended slice of size 2");
    rp_decref(v);
    rp_decref(s);
    rp_decref(two);
    rp_decref(l);
}
END_TEST

START_TEST(list_slice_deletion_with_step)
{
    rp_obj_t *l = int_list(0, 10);
    rp_obj_t *three = rp_int_from_i64(3);
    rp_obj_t *s = rp_slice_new(NULL, NULL, three);
    ck_assert_int_eq(rp_obj_delitem(l, s), 0);
    assert_repr(l, "[1, 2, 4, 5, 7, 8]");
    rp_decref(s);
    rp_decref(three);
    rp_decref(l);
}
END_TEST

// key function for the stability test: item[0].
static rp_obj_t *first_item(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    return rp_newref(rp_tuple_get_borrow(args[0], 0));
}

static const rp_method_def_t first_item_def = {"first", first_item, RP_METH_STATIC, NULL};

START_TEST(list_sort_is_stable)
{
    // Pairs (k, i) with many equal keys; sorting by k keeps i ascending.
    rp_obj_t *l = rp_list_new(0);
    for (int i = 0; i < 200; i++) {
        rp_obj_t *k = rp_int_from_i64((i * 7) % 5), *n = rp_int_from_i64(i);
        rp_list_append_take(l, rp_tuple_pack(2, k, n));
        rp_decref(k);
        rp_decref(n);
    }
    rp_obj_t *key = rp_builtin_function_new(&first_item_def, NULL);
    ck_assert_int_eq(rp_list_sort(l, key, false), 0);
    for (int i = 1; i < 200; i++) {
        rp_obj_t *a = rp_list_get_borrow(l, i - 1), *b = rp_list_get_borrow(l, i);
        int64_t ka = rp_int_small_value(rp_tuple_get_borrow(a, 0));
        int64_t kb = rp_int_small_value(rp_tuple_get_borrow(b, 0));
        ck_assert(ka <= kb);
        if (ka == kb)
            ck_assert(rp_int_small_value(rp_tuple_get_borrow(a, 1)) <
                      rp_int_small_value(rp_tuple_get_borrow(b, 1)));
    }
    // reverse=True keeps equal keys in their original order too.
    ck_assert_int_eq(rp_list_sort(l, key, true), 0);
    rp_obj_t *a = rp_list_get_borrow(l, 0), *b = rp_list_get_borrow(l, 1);
    ck_assert_int_eq(rp_int_small_value(rp_tuple_get_borrow(a, 0)), 4);
    ck_assert(rp_int_small_value(rp_tuple_get_borrow(a, 1)) <
              rp_int_small_value(rp_tuple_get_borrow(b, 1)));
    rp_decref(key);
    rp_decref(l);
}
END_TEST

static rp_obj_t *victim;

// key function that appends to the list being sorted.
static rp_obj_t *mutating_key(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    rp_list_append(victim, rp_None);
    return rp_newref(args[0]);
}

static const rp_method_def_t mutating_key_def = {"k", mutating_key, RP_METH_STATIC, NULL};

START_TEST(list_sort_detects_mutation)
{
    victim = int_list(0, 5);
    rp_obj_t *key = rp_builtin_function_new(&mutating_key_def, NULL);
    ck_assert_int_eq(rp_list_sort(victim, key, false), -1);
    assert_error(&rp_exc_ValueError, "list modified during sort");
    assert_repr(victim, "[0, 1, 2, 3, 4]");
    rp_decref(key);
    rp_decref(victim);
}
END_TEST

START_TEST(list_sort_mixed_types_raises)
{
    rp_obj_t *l = rp_list_new(0);
    rp_list_append_take(l, rp_int_from_i64(1));
    rp_list_append_take(l, rp_str_from_cstr("a"));
    ck_assert_int_eq(rp_list_sort(l, NULL, false), -1);
    assert_error(&rp_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
    rp_decref(l);
}
END_TEST

START_TEST(list_repr_of_self_containing_list)
{
    rp_obj_t *l = int_list(1, 3);
    rp_list_append(l, l);
    assert_repr(l, "[1, 2, [...]]");
    rp_obj_t *cleared = rp_obj_call_method(l, "clear", NULL, 0);
    rp_decref(cleared);
    rp_decref(l);
}
END_TEST

START_TEST(list_pop_errors)
{
    rp_obj_t *l = rp_list_new(0);
    ck_assert_ptr_null(rp_obj_call_method(l, "pop", NULL, 0));
    assert_error(&rp_exc_IndexError, "pop from empty list");
    rp_list_append(l, rp_None);
    rp_obj_t *five = rp_int_from_i64(5);
    ck_assert_ptr_null(rp_obj_call_method(l, "pop", &five, 1));
    assert_error(&rp_exc_IndexError, "pop index out of range");
    ck_assert_ptr_null(rp_obj_getitem(l, five));
    assert_error(&rp_exc_IndexError, "list index out of range");
    rp_decref(five);
    rp_decref(l);
}
END_TEST

START_TEST(list_deeply_nested_dealloc_does_not_overflow)
{
    rp_obj_t *l = rp_list_new(0);
    for (int i = 0; i < 300000; i++) {
        rp_obj_t *outer = rp_list_new(0);
        rp_list_append_take(outer, l);
        l = outer;
    }
    rp_decref(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, list_growth_matches_cpython_pattern);
    tcase_add_test(tc, list_from_tuple_preallocates_even);
    tcase_add_test(tc, list_slice_with_negative_step);
    tcase_add_test(tc, list_extended_slice_assignment_checks_size);
    tcase_add_test(tc, list_slice_deletion_with_step);
    tcase_add_test(tc, list_sort_is_stable);
    tcase_add_test(tc, list_sort_detects_mutation);
    tcase_add_test(tc, list_sort_mixed_types_raises);
    tcase_add_test(tc, list_repr_of_self_containing_list);
    tcase_add_test(tc, list_pop_errors);
    tcase_add_test(tc, list_deeply_nested_dealloc_does_not_overflow);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
