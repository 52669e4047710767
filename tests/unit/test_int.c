// Unit tests for int (objects/int*.c): the small-int cache, the switch
// between inline and GMP values, floor division signs, text round trips
// and the 4300-digit conversion limit.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/int.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "vm/vm.h"

static rp_obj_t *I(int64_t v) { return rp_int_from_i64(v); }

static rp_obj_t *parse(const char *s, int base)
{
    return rp_int_from_string(s, strlen(s), base);
}

static bool text_is(rp_obj_t *str, const char *want)
{
    bool ok = str && strcmp(rp_str_utf8(str, NULL), want) == 0;
    rp_xdecref(str);
    return ok;
}

static bool decimal_is(rp_obj_t *i, const char *want)
{
    bool ok = i && text_is(rp_int_to_decimal(i), want);
    rp_xdecref(i);
    return ok;
}

START_TEST(int_small_values_are_shared)
{
    for (int64_t v = -5; v <= 256; v++) {
        rp_obj_t *a = I(v), *b = parse(v < 0 ? "-0" : "0", 10);
        rp_obj_t *c = rp_int_binop(b, a, RP_BINOP_ADD);
        ck_assert_ptr_eq(a, c);
        ck_assert_ptr_eq(a, RP_OBJ(&rp_small_ints[v + 5]));
        rp_decref(a);
        rp_decref(b);
        rp_decref(c);
    }
    rp_obj_t *x = I(257), *y = I(257);
    ck_assert_ptr_ne(x, y);
    rp_decref(x);
    rp_decref(y);
}
END_TEST

START_TEST(int_overflows_to_big_and_back)
{
    rp_obj_t *max = I(INT64_MAX), *one = I(1);
    rp_obj_t *big = rp_int_binop(max, one, RP_BINOP_ADD);
    ck_assert(!rp_int_is_small(big));
    ck_assert(decimal_is(rp_newref(big), "9223372036854775808"));
    rp_obj_t *back = rp_int_binop(big, one, RP_BINOP_SUB);
    ck_assert(rp_int_is_small(back));
    ck_assert_int_eq(rp_int_small_value(back), INT64_MAX);
    rp_obj_t *zero = rp_int_binop(big, big, RP_BINOP_SUB);
    ck_assert_ptr_eq(zero, RP_OBJ(&rp_small_ints[5]));
    rp_obj_t *sq = rp_int_binop(big, big, RP_BINOP_MUL);
    ck_assert(decimal_is(sq, "85070591730234615865843651857942052864"));
    rp_decref(max);
    rp_decref(one);
    rp_decref(big);
    rp_decref(back);
    rp_decref(zero);
}
END_TEST

START_TEST(int_floor_division_and_modulo_follow_divisor_sign)
{
    static const int64_t cases[][4] = {
        { 7, 2, 3, 1 }, { -7, 2, -4, 1 }, { 7, -2, -4, -1 }, { -7, -2, 3, -1 },
        { 6, 3, 2, 0 }, { -6, 3, -2, 0 }, { INT64_MIN, 1, INT64_MIN, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rp_obj_t *a = I(cases[i][0]), *b = I(cases[i][1]);
        rp_obj_t *q = rp_int_binop(a, b, RP_BINOP_FLOORDIV);
        rp_obj_t *m = rp_int_binop(a, b, RP_BINOP_MOD);
        ck_assert_int_eq(rp_int_small_value(q), cases[i][2]);
        ck_assert_int_eq(rp_int_small_value(m), cases[i][3]);
        rp_decref(a);
        rp_decref(b);
        rp_decref(q);
        rp_decref(m);
    }
    rp_obj_t *a = I(INT64_MIN), *b = I(-1);
    ck_assert(decimal_is(rp_int_binop(a, b, RP_BINOP_FLOORDIV), "9223372036854775808"));
    rp_obj_t *big = parse("-100000000000000000000000", 10), *seven = I(7);
    ck_assert(decimal_is(rp_int_binop(big, seven, RP_BINOP_FLOORDIV), "-14285714285714285714286"));
    ck_assert(decimal_is(rp_int_binop(big, seven, RP_BINOP_MOD), "2"));
    rp_obj_t *zero = I(0);
    ck_assert_ptr_null(rp_int_binop(seven, zero, RP_BINOP_FLOORDIV));
    ck_assert(rp_err_matches(&rp_exc_ZeroDivisionError));
    rp_err_clear();
    rp_decref(a);
    rp_decref(b);
    rp_decref(big);
    rp_decref(seven);
    rp_decref(zero);
}
END_TEST

START_TEST(int_string_round_trips)
{
    static const char *texts[] = {
        "0", "-1", "255", "9223372036854775807", "-9223372036854775808",
        "18446744073709551616", "-123456789012345678901234567890",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        ck_assert(decimal_is(parse(texts[i], 10), texts[i]));
    ck_assert(decimal_is(parse("  1_000_000\n", 10), "1000000"));
    ck_assert(decimal_is(parse("0x_ff", 0), "255"));
    ck_assert(decimal_is(parse("-0b1010", 0), "-10"));
    ck_assert(decimal_is(parse("zz", 36), "1295"));
    rp_obj_t *v = parse("-255", 10);
    ck_assert(text_is(rp_int_to_base(v, 16), "-0xff"));
    ck_assert(text_is(rp_int_to_base(v, 8), "-0o377"));
    ck_assert(text_is(rp_int_to_base(v, 2), "-0b11111111"));
    rp_decref(v);
    ck_assert(decimal_is(rp_int_from_literal("0o17", 4), "15"));
}
END_TEST

START_TEST(int_parse_errors_name_the_literal)
{
    static const char *bad[] = { "", "abc", "1__0", "_1", "1_", "010", "0x", "12x" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_ptr_null(parse(bad[i], strcmp(bad[i], "010") ? 10 : 0));
        ck_assert(rp_err_matches(&rp_exc_ValueError));
        rp_err_clear();
    }
    ck_assert_ptr_null(parse("abc", 10));
    rp_obj_t *exc = rp_err_fetch();
    ck_assert(text_is(rp_obj_str(exc), "invalid literal for int() with base 10: 'abc'"));
    rp_decref(exc);
}
END_TEST

START_TEST(int_digit_limit_applies_both_ways)
{
    char *s = malloc(5001);
    memset(s, '7', 5000);
    s[5000] = '\0';
    ck_assert_ptr_null(parse(s, 10));
    rp_obj_t *exc = rp_err_fetch();
    ck_assert(text_is(rp_obj_str(exc),
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
        "digits; use sys.set_int_max_str_digits() to increase the limit"));
    rp_decref(exc);
    // Power-of-two bases are exempt; literals too.
    rp_obj_t *lit = rp_int_from_literal(s, 5000);
    ck_assert_ptr_nonnull(lit);
    ck_assert_ptr_null(rp_int_to_decimal(lit));
    exc = rp_err_fetch();
    ck_assert(text_is(rp_obj_str(exc),
        "Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit"));
    rp_decref(exc);
    rp_obj_t *hex = rp_int_to_base(lit, 16);
    ck_assert_ptr_nonnull(hex);
    rp_decref(hex);
    s[4300] = '\0';
    ck_assert(decimal_is(parse(s, 10), s));
    rp_decref(lit);
    free(s);
}
END_TEST

START_TEST(int_hash_matches_cpython)
{
    static const struct { const char *v; int64_t h; } cases[] = {
        { "-1", -2 }, { "0", 0 }, { "2305843009213693951", 0 },
        { "2305843009213693952", 1 }, { "-2305843009213693953", -2 },
        { "100000000000000000000", 848750603811160107 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rp_obj_t *v = parse(cases[i].v, 10);
        ck_assert_int_eq(rp_int_hash(v), cases[i].h);
        rp_decref(v);
    }
}
END_TEST

START_TEST(int_true_division_is_correctly_rounded)
{
    rp_obj_t *a = parse("10000000000000000000000000000000000000001", 10);
    rp_obj_t *b = parse("3", 10);
    rp_obj_t *q = rp_int_binop(a, b, RP_BINOP_TRUEDIV);
    ck_assert(text_is(rp_obj_repr(q), "3.333333333333333e+39"));
    rp_decref(q);
    rp_obj_t *big = parse("1" "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 10);
    ck_assert_ptr_null(rp_int_binop(big, b, RP_BINOP_TRUEDIV));
    ck_assert(rp_err_matches(&rp_exc_OverflowError));
    rp_err_clear();
    rp_decref(a);
    rp_decref(b);
    rp_decref(big);
}
END_TEST

static Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, int_small_values_are_shared);
    tcase_add_test(tc, int_overflows_to_big_and_back);
    tcase_add_test(tc, int_floor_division_and_modulo_follow_divisor_sign);
    tcase_add_test(tc, int_string_round_trips);
    tcase_add_test(tc, int_parse_errors_name_the_literal);
    tcase_add_test(tc, int_digit_limit_applies_both_ways);
    tcase_add_test(tc, int_hash_matches_cpython);
    tcase_add_test(tc, int_true_division_is_correctly_rounded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    if (rp_vm_init(0, NULL) < 0)
        return 1;
    SRunner *sr = srunner_create(int_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed != 0;
}
