// Unit tests for float (objects/float*.c): the shortest round-trip repr,
// rp_double_to_string presentation types, parsing and hashing.
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/float.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "vm/vm.h"

static bool repr_is(double v, const char *want)
{
    char buf[40];
    rp_float_repr_buf(v, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        fprintf(stderr, "repr: got %s want %s\n", buf, want);
        return false;
    }
    return true;
}

START_TEST(float_repr_is_shortest_round_trip)
{
    ck_assert(repr_is(0.1 + 0.2, "0.30000000000000004"));
    ck_assert(repr_is(0.1, "0.1"));
    ck_assert(repr_is(1e16, "1e+16"));
    ck_assert(repr_is(1e15, "1000000000000000.0"));
    ck_assert(repr_is(1e-5, "1e-05"));
    ck_assert(repr_is(0.0001, "0.0001"));
    ck_assert(repr_is(5e-324, "5e-324"));
    ck_assert(repr_is(1.7976931348623157e308, "1.7976931348623157e+308"));
    ck_assert(repr_is(123456789012345678.0, "1.2345678901234568e+17"));
    ck_assert(repr_is(-0.0, "-0.0"));
    ck_assert(repr_is(0.0, "0.0"));
    ck_assert(repr_is(2.5, "2.5"));
    ck_assert(repr_is(1.0 / 3.0, "0.3333333333333333"));
    ck_assert(repr_is(INFINITY, "inf"));
    ck_assert(repr_is(-INFINITY, "-inf"));
    ck_assert(repr_is(NAN, "nan"));
}
END_TEST

static bool fmt_is(double v, char type, int prec, int flags, const char *want)
{
    char *s = rp_double_to_string(v, type, prec, flags);
    bool ok = s && strcmp(s, want) == 0;
    if (!ok)
        fprintf(stderr, "format: got %s want %s\n", s ? s : "(null)", want);
    free(s);
    return ok;
}

START_TEST(float_double_to_string_presentation_types)
{
    ck_assert(fmt_is(3.14159, 'f', 2, 0, "3.14"));
    ck_assert(fmt_is(2.5, 'f', 0, 0, "2"));
    ck_assert(fmt_is(1234.5, 'e', 3, 0, "1.234e+03"));
    ck_assert(fmt_is(1234.5, 'E', 1, 0, "1.2E+03"));
    ck_assert(fmt_is(1e-7, 'g', 6, 0, "1e-07"));
    ck_assert(fmt_is(1.0, 'g', 3, RP_FMT_ADD_DOT_0, "1.0"));
    ck_assert(fmt_is(1.5, 'e', 0, RP_FMT_ALT, "2.e+00"));
    ck_assert(fmt_is(1.0, 'f', 1, RP_FMT_SIGN, "+1.0"));
    ck_assert(fmt_is(INFINITY, 'F', 2, 0, "INF"));
    ck_assert(fmt_is(-NAN, 'f', 2, RP_FMT_SIGN, "+nan"));
    ck_assert(fmt_is(1e16, 'r', 0, 0, "1e+16"));
    ck_assert(fmt_is(12.0, 'r', 0, 0, "12"));
}
END_TEST

START_TEST(float_parses_python_syntax)
{
    static const struct { const char *s; double v; } ok[] = {
        { " 1.5 ", 1.5 }, { "1_0.5", 10.5 }, { "-inf", -INFINITY }, { "Infinity", INFINITY },
        { ".5", 0.5 }, { "5.", 5.0 }, { "1e5", 1e5 }, { "1E-5", 1e-5 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        rp_obj_t *f = rp_float_from_string(ok[i].s, strlen(ok[i].s));
        ck_assert_ptr_nonnull(f);
        ck_assert(rp_float_value(f) == ok[i].v);
        rp_decref(f);
    }
    static const char *bad[] = { "x", "", "0x10", "1__0", "1_", "e5", ".", "1e" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_ptr_null(rp_float_from_string(bad[i], strlen(bad[i])));
        ck_assert(rp_err_matches(&rp_exc_ValueError));
        rp_err_clear();
    }
    ck_assert_ptr_null(rp_float_from_string("x", 1));
    rp_obj_t *exc = rp_err_fetch();
    rp_obj_t *msg = rp_obj_str(exc);
    ck_assert_str_eq(rp_str_utf8(msg, NULL), "could not convert string to float: 'x'");
    rp_decref(msg);
    rp_decref(exc);
}
END_TEST

START_TEST(float_hash_matches_cpython)
{
    ck_assert_int_eq(rp_float_hash_double(1.0), 1);
    ck_assert_int_eq(rp_float_hash_double(-1.0), -2);
    ck_assert_int_eq(rp_float_hash_double(0.5), 1152921504606846976);
    ck_assert_int_eq(rp_float_hash_double(1e100), 1822893315824342674);
    ck_assert_int_eq(rp_float_hash_double(INFINITY), 314159);
    ck_assert_int_eq(rp_float_hash_double(-INFINITY), -314159);
}
END_TEST

static Suite *float_suite(void)
{
    Suite *s = suite_create("float");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, float_repr_is_shortest_round_trip);
    tcase_add_test(tc, float_double_to_string_presentation_types);
    tcase_add_test(tc, float_parses_python_syntax);
    tcase_add_test(tc, float_hash_matches_cpython);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    if (rp_vm_init(0, NULL) < 0)
        return 1;
    SRunner *sr = srunner_create(float_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed != 0;
}
