// Unit tests for dict: insertion order across deletions and resizes,
// the interned-str lookup path, version stamps, mutation detection
// during iteration, and CPython's sizes.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "vm/vm.h"

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

static void assert_repr(rp_obj_t *o, const char *expected)
{
    rp_obj_t *r = rp_obj_repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(rp_str_utf8(r, NULL), expected);
    rp_decref(r);
}

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

static void set_int(rp_obj_t *d, int64_t k, int64_t v)
{
    rp_obj_t *ko = rp_int_from_i64(k), *vo = rp_int_from_i64(v);
    ck_assert_int_eq(rp_dict_set(d, ko, vo), 0);
    rp_decref(ko);
    rp_decref(vo);
}

static void del_int(rp_obj_t *d, int64_t k)
{
    rp_obj_t *ko = rp_int_from_i64(k);
    ck_assert_int_eq(rp_dict_del(d, ko), 0);
    rp_decref(ko);
}

static int64_t sizeof_dict(rp_obj_t *d)
{
    rp_obj_t *r = rp_obj_call_method(d, "__sizeof__", NULL, 0);
    ck_assert_ptr_nonnull(r);
    int64_t n = rp_int_small_value(r);
    rp_decref(r);
    return n + 16;  // the gc header, as sys.getsizeof adds
}

START_TEST(dict_keeps_insertion_order_after_deletes_and_resizes)
{
    rp_obj_t *d = rp_dict_new();
    for (int i = 0; i < 6; i++)
        set_int(d, i, i);
    del_int(d, 0);
    del_int(d, 3);
    set_int(d, 0, 100);        // re-inserted keys go to the end
    for (int i = 10; i < 40; i++)
        set_int(d, i, i);      // several resizes
    for (int i = 10; i < 38; i++)
        del_int(d, i);
    set_int(d, 1, 11);         // replacing keeps the position
    assert_repr(d, "{1: 11, 2: 2, 4: 4, 5: 5, 0: 100, 38: 38, 39: 39}");
    rp_decref(d);
}
END_TEST

START_TEST(dict_str_lookup_fast_path)
{
    rp_obj_t *d = rp_dict_new();
    rp_obj_t *name = rp_str_intern_cstr("spam");
    rp_obj_t *v = rp_int_from_i64(42);
    ck_assert_int_eq(rp_dict_set(d, name, v), 0);
    ck_assert_ptr_eq(rp_dict_get_str_borrow(d, name), v);
    // An equal but distinct str object finds the same entry.
    rp_obj_t *other = rp_str_from_utf8("spam", 4);
    ck_assert_ptr_eq(rp_dict_get_borrow(d, other), v);
    ck_assert_ptr_eq(rp_dict_get_cstr_borrow(d, "spam"), v);
    ck_assert_ptr_null(rp_dict_get_cstr_borrow(d, "eggs"));
    ck_assert_ptr_null(rp_err_occurred());
    rp_decref(other);
    rp_decref(v);
    rp_decref(name);
    rp_decref(d);
}
END_TEST

START_TEST(dict_version_changes_on_every_mutation)
{
    rp_obj_t *d = rp_dict_new();
    uint64_t v0 = rp_dict_version(d);
    set_int(d, 1, 1);
    uint64_t v1 = rp_dict_version(d);
    ck_assert(v1 != v0);
    set_int(d, 1, 2);
    uint64_t v2 = rp_dict_version(d);
    ck_assert(v2 != v1);
    rp_obj_t *one = rp_int_from_i64(1);
    ck_assert_ptr_nonnull(rp_dict_get_borrow(d, one));
    ck_assert(rp_dict_version(d) == v2);    // lookups do not change it
    del_int(d, 1);
    ck_assert(rp_dict_version(d) != v2);
    rp_decref(one);
    rp_decref(d);
}
END_TEST

START_TEST(dict_iteration_detects_size_change)
{
    rp_obj_t *d = rp_dict_new();
    set_int(d, 1, 1);
    set_int(d, 2, 2);
    rp_obj_t *it = rp_obj_iter(d);
    rp_obj_t *k = rp_iter_next(it);
    ck_assert_ptr_nonnull(k);
    rp_decref(k);
    set_int(d, 3, 3);
    ck_assert_ptr_null(rp_iter_next(it));
    assert_error(&rp_exc_RuntimeError, "dictionary changed size during iteration");
    rp_decref(it);
    rp_decref(d);
}
END_TEST

START_TEST(dict_iteration_detects_changed_keys)
{
    rp_obj_t *d = rp_dict_new();
    set_int(d, 1, 1);
    set_int(d, 2, 2);
    rp_obj_t *it = rp_obj_iter(d);
    rp_obj_t *k = rp_iter_next(it);
    rp_decref(k);
    // Same size, different keys: one more key turns up than expected.
    del_int(d, 2);
    set_int(d, 3, 3);
    k = rp_iter_next(it);
    ck_assert_ptr_nonnull(k);   // 3: the size still matches
    rp_decref(k);
    del_int(d, 1);
    set_int(d, 4, 4);
    ck_assert_ptr_null(rp_iter_next(it));
    assert_error(&rp_exc_RuntimeError, "dictionary keys changed during iteration");
    rp_decref(it);
    rp_decref(d);
}
END_TEST

START_TEST(dict_sizes_match_cpython)
{
    rp_obj_t *d = rp_dict_new();
    ck_assert_int_eq(sizeof_dict(d), 64);
    rp_dict_set_cstr(d, "a", rp_None);
    ck_assert_int_eq(sizeof_dict(d), 184);
    rp_decref(d);

    d = rp_dict_new();
    static const int64_t expected[] = {224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632};
    for (int i = 0; i < 11; i++) {
        set_int(d, i, i);
        ck_assert_int_eq(sizeof_dict(d), expected[i]);
    }
    rp_decref(d);
}
END_TEST

START_TEST(dict_missing_key_raises_keyerror_with_key)
{
    rp_obj_t *d = rp_dict_new();
    rp_obj_t *k = rp_str_from_cstr("x");
    ck_assert_ptr_null(rp_obj_getitem(d, k));
    assert_error(&rp_exc_KeyError, "'x'");
    ck_assert_ptr_null(rp_obj_call_method(d, "popitem", NULL, 0));
    assert_error(&rp_exc_KeyError, "'popitem(): dictionary is empty'");
    rp_decref(k);
    rp_decref(d);
}
END_TEST

START_TEST(dict_update_from_pairs_checks_lengths)
{
    rp_obj_t *d = rp_dict_new();
    rp_obj_t *pairs = rp_list_new(0);
    rp_list_append_take(pairs, rp_tuple_pack(3, rp_None, rp_None, rp_None));
    ck_assert_int_eq(rp_dict_update(d, pairs), -1);
    assert_error(&rp_exc_ValueError,
                 "dictionary update sequence element #0 has length 3; 2 is required");
    rp_decref(pairs);
    rp_decref(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, NULL);
    tcase_add_test(tc, dict_keeps_insertion_order_after_deletes_and_resizes);
    tcase_add_test(tc, dict_str_lookup_fast_path);
    tcase_add_test(tc, dict_version_changes_on_every_mutation);
    tcase_add_test(tc, dict_iteration_detects_size_change);
    tcase_add_test(tc, dict_iteration_detects_changed_keys);
    tcase_add_test(tc, dict_sizes_match_cpython);
    tcase_add_test(tc, dict_missing_key_raises_keyerror_with_key);
    tcase_add_test(tc, dict_update_from_pairs_checks_lengths);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
