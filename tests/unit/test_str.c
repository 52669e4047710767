// Unit tests for str (and bytes): compact kinds, code-point indexing,
// CPython's hashes, interning and the shared singletons, repr escapes,
// codecs errors, the format mini-language, %-formatting, str.format and
// the string builder.  Expected values were recorded from CPython 3.11
// (hashes with PYTHONHASHSEED=0).
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/format.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "memory/alloc.h"
#include "vm/vm.h"

static void setup(void)
{
    static bool done;
    if (!done) {
        ck_assert_int_eq(rp_vm_init(0, NULL), 0);
        done = true;
    }
}

static rp_obj_t *S(const char *utf8)
{
    rp_obj_t *s = rp_str_from_cstr(utf8);
    ck_assert_ptr_nonnull(s);
    return s;
}

// Checks s's UTF-8 text and releases s.
static void assert_text_take(rp_obj_t *s, const char *expected)
{
    ck_assert_ptr_nonnull(s);
    ck_assert(rp_str_check(s));
    ck_assert_str_eq(rp_str_utf8(s, NULL), expected);
    rp_decref(s);
}

static void assert_error(rp_type_t *type, const char *msg)
{
    rp_obj_t *e = rp_err_fetch();
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(rp_type_name(e->type), rp_type_name(type));
    rp_obj_t *s = rp_obj_str(e);
    ck_assert_str_eq(rp_str_utf8(s, NULL), msg);
    rp_decref(s);
    rp_decref(e);
}

// Calls s.name(*args) and returns the result (new reference or NULL).
static rp_obj_t *call_method(rp_obj_t *s, const char *name, size_t n, rp_obj_t **args)
{
    rp_obj_t *m = rp_obj_getattr_cstr(s, name);
    ck_assert_ptr_nonnull(m);
    rp_obj_t *r = rp_obj_call(m, args, n, NULL);
    rp_decref(m);
    return r;
}

START_TEST(str_picks_the_smallest_kind)
{
    rp_obj_t *a = S("abc"), *l = S("caf\xc3\xa9"), *u = S("\xe4\xb8\xad"), *w = S("\xf0\x9f\x98\x80x");
    ck_assert_int_eq(rp_str_kind(a), 1);
    ck_assert(rp_str_is_ascii(a));
    ck_assert_int_eq(rp_str_kind(l), 1);
    ck_assert(!rp_str_is_ascii(l));
    ck_assert_int_eq(rp_str_kind(u), 2);
    ck_assert_int_eq(rp_str_kind(w), 4);
    ck_assert_int_eq(rp_str_len(w), 2);
    // getsizeof parity with CPython: 52, 77, 76, 84.
    ck_assert_int_eq(rp_str_sizeof(a), 52);
    ck_assert_int_eq(rp_str_sizeof(l), 77);
    ck_assert_int_eq(rp_str_sizeof(u), 76);
    ck_assert_int_eq(rp_str_sizeof(w), 84);
    rp_decref(a);
    rp_decref(l);
    rp_decref(u);
    rp_decref(w);
    rp_obj_t *e = rp_str_empty();
    ck_assert_int_eq(rp_str_sizeof(e), 49);
    rp_decref(e);
}
END_TEST

START_TEST(str_indexes_by_code_point)
{
    rp_obj_t *s = S("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    ck_assert_int_eq(rp_str_len(s), 4);
    ck_assert_uint_eq(rp_str_char(s, 0), 'a');
    ck_assert_uint_eq(rp_str_char(s, 1), 0xE9);
    ck_assert_uint_eq(rp_str_char(s, 2), 0x4E2D);
    ck_assert_uint_eq(rp_str_char(s, 3), 0x1F600);
    // A substring of plain characters goes back to the ASCII layout.
    rp_obj_t *sub = rp_str_substr(s, 0, 1);
    ck_assert(rp_str_is_ascii(sub));
    rp_decref(sub);
    sub = rp_str_substr(s, 1, 3);
    ck_assert_int_eq(rp_str_kind(sub), 2);
    assert_text_take(sub, "\xc3\xa9\xe4\xb8\xad");
    rp_decref(s);
}
END_TEST

START_TEST(str_hash_matches_cpython_with_seed_zero)
{
    static const struct { const char *s; rp_hash_t h; } cases[] = {
        {"abc", -4594863902769663758LL},
        {"\xc3\xa9", 6047309291227476195LL},
        {"", 0},
        {"\xe4\xb8\xad", 1216952446211864180LL},
        {"\xf0\x9f\x98\x80", -3536540696076613844LL},
        {"hello world", -5642461784034726774LL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rp_obj_t *s = S(cases[i].s);
        ck_assert_int_eq(rp_obj_hash(s), cases[i].h);
        rp_decref(s);
    }
    rp_obj_t *b = rp_bytes_from("abc", 3);
    ck_assert_int_eq(rp_obj_hash(b), -4594863902769663758LL);
    rp_decref(b);
}
END_TEST

START_TEST(str_one_char_strings_are_singletons)
{
    rp_obj_t *a = rp_str_from_char('x'), *b = S("x");
    ck_assert_ptr_eq(a, b);
    rp_obj_t *c = rp_str_from_char(0xE9), *d = S("\xc3\xa9");
    ck_assert_ptr_eq(c, d);
    rp_obj_t *s = S("xyz");
    rp_obj_t *first = rp_str_substr(s, 0, 1);
    ck_assert_ptr_eq(first, a);
    rp_obj_t *e1 = rp_str_empty(), *e2 = rp_str_substr(s, 2, 1);
    ck_assert_ptr_eq(e1, e2);
    rp_obj_t *big = rp_str_from_char(0x4E2D), *big2 = rp_str_from_char(0x4E2D);
    ck_assert_ptr_ne(big, big2);
    for (rp_obj_t **p = (rp_obj_t *[]){a, b, c, d, s, first, e1, e2, big, big2, NULL}; *p; p++)
        rp_decref(*p);
}
END_TEST

START_TEST(str_interning_returns_the_canonical_object)
{
    rp_obj_t *a = S("hello_world_x");
    rp_obj_t *h = S("hello_"), *w = S("world_x");
    rp_obj_t *b = rp_str_concat(h, w);
    rp_decref(h);
    rp_decref(w);
    ck_assert_ptr_ne(a, b);
    rp_str_intern_take(&a);
    rp_ssize_t before = a->refcnt;
    rp_str_intern_take(&b);
    ck_assert_ptr_eq(a, b);
    ck_assert(rp_str_is_interned(a));
    // The table holds no counted reference: b now is one more on a.
    ck_assert_int_eq(a->refcnt, before + 1);
    rp_obj_t *c = rp_str_intern_cstr("hello_world_x");
    ck_assert_ptr_eq(c, a);
    rp_ssize_t n = rp_str_intern_count();
    rp_decref(c);
    rp_decref(b);
    rp_decref(a);
    // The last reference gone, the string left the table.
    ck_assert_int_eq(rp_str_intern_count(), n - 1);
}
END_TEST

START_TEST(str_interned_letters_differ_from_latin1_singletons)
{
    // As in CPython 3.11, where sys.intern(chr(98)) is not chr(98).
    rp_obj_t *b = rp_str_from_char('b');
    rp_obj_t *i = rp_newref(b);
    rp_str_intern_take(&i);
    ck_assert_ptr_ne(i, b);
    rp_obj_t *g = rp_str_from_char('g');
    rp_obj_t *j = rp_newref(g);
    rp_str_intern_take(&j);
    ck_assert_ptr_eq(j, g);
    rp_decref(b);
    rp_decref(i);
    rp_decref(g);
    rp_decref(j);
}
END_TEST

START_TEST(str_repr_escapes_like_cpython)
{
    rp_obj_t *s = S("a\x01" "b\x7f\xc3\xa9\xcd\xb8\xe4\xb8\xad\xf0\x9f\x98\x80'\"\n\\");
    assert_text_take(rp_str_repr(s), "'a\\x01b\\x7f\xc3\xa9\\u0378\xe4\xb8\xad\xf0\x9f\x98\x80\\'\"\\n\\\\'");
    rp_decref(s);
    s = S("it's");
    assert_text_take(rp_str_repr(s), "\"it's\"");
    rp_decref(s);
    s = S("\xc3\xa9");
    assert_text_take(rp_str_ascii_repr(s), "'\\xe9'");
    rp_decref(s);
    rp_obj_t *b = rp_bytes_from("a'\x00\xff", 4);
    assert_text_take(rp_bytes_repr(b), "b\"a'\\x00\\xff\"");
    rp_decref(b);
}
END_TEST

START_TEST(str_decode_errors_name_the_bad_bytes)
{
    ck_assert_ptr_null(rp_str_from_utf8("\xff", 1));
    assert_error(&rp_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    ck_assert_ptr_null(rp_str_from_utf8("a\xe4\xb8", 3));
    assert_error(&rp_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
    assert_text_take(rp_str_decode("a\xff" "b", 3, "utf-8", "replace"), "a\xef\xbf\xbd" "b");
    rp_obj_t *s = S("\xc3\xa9\xc3\xa9x");
    ck_assert_ptr_null(rp_str_encode(s, "ascii", NULL));
    assert_error(&rp_exc_UnicodeEncodeError,
                 "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
    rp_decref(s);
}
END_TEST

static void check_format(rp_obj_t *value, const char *spec, const char *expected)
{
    rp_obj_t *sp = S(spec);
    assert_text_take(rp_obj_format(value, sp), expected);
    rp_decref(sp);
}

START_TEST(format_mini_language_matches_cpython)
{
    rp_obj_t *i = rp_int_from_i64(255);
    check_format(i, "#010x", "0x000000ff");
    check_format(i, "_b", "1111_1111");
    check_format(i, "^+9", "  +255   ");
    check_format(i, "c", "\xc3\xbf");
    rp_decref(i);
    i = rp_int_from_i64(1234);
    check_format(i, "010,", "00,001,234");
    rp_decref(i);
    rp_obj_t *f = rp_float_from_double(1234567.891);
    check_format(f, ",.2f", "1,234,567.89");
    check_format(f, ".3", "1.23e+06");
    rp_decref(f);
    f = rp_float_from_double(-0.0);
    check_format(f, "z.1f", "0.0");
    rp_decref(f);
    rp_obj_t *s = S("ab");
    check_format(s, "*^6", "**ab**");
    rp_obj_t *sp = S("x");
    ck_assert_ptr_null(rp_obj_format(s, sp));
    assert_error(&rp_exc_ValueError, "Unknown format code 'x' for object of type 'str'");
    rp_decref(sp);
    rp_decref(s);
    i = rp_int_from_i64(5);
    sp = S(".2");
    ck_assert_ptr_null(rp_obj_format(i, sp));
    assert_error(&rp_exc_ValueError, "Precision not allowed in integer format specifier");
    rp_decref(sp);
    rp_decref(i);
}
END_TEST

START_TEST(percent_formatting_matches_cpython)
{
    rp_obj_t *fmt = S("%-6.2f|%+05d|%#o|%s|%r");
    rp_obj_t *args = rp_tuple_new(5);
    rp_tuple_init_item_take(args, 0, rp_float_from_double(3.14159));
    rp_tuple_init_item_take(args, 1, rp_int_from_i64(42));
    rp_tuple_init_item_take(args, 2, rp_int_from_i64(8));
    rp_tuple_init_item_take(args, 3, S("x"));
    rp_tuple_init_item_take(args, 4, S("y"));
    assert_text_take(rp_str_percent_format(fmt, args), "3.14  |+0042|0o10|x|'y'");
    rp_decref(fmt);
    fmt = S("%s %s");
    ck_assert_ptr_null(rp_str_percent_format(fmt, args));
    assert_error(&rp_exc_TypeError, "not all arguments converted during string formatting");
    rp_decref(fmt);
    rp_decref(args);
    fmt = S("%d");
    rp_obj_t *x = S("1");
    ck_assert_ptr_null(rp_str_percent_format(fmt, x));
    assert_error(&rp_exc_TypeError, "%d format: a real number is required, not str");
    rp_decref(x);
    rp_decref(fmt);
}
END_TEST

START_TEST(str_format_handles_fields_and_conversions)
{
    rp_obj_t *fmt = S("{0!r:>6}{1:^5}{}");
    rp_obj_t *args = rp_tuple_new(2);
    rp_tuple_init_item_take(args, 0, S("a"));
    rp_tuple_init_item_take(args, 1, S("b"));
    ck_assert_ptr_null(rp_str_format(fmt, args, NULL));
    assert_error(&rp_exc_ValueError,
                 "cannot switch from manual field specification to automatic field numbering");
    rp_decref(fmt);
    fmt = S("{0!r:>6}{1:^5}{{}}");
    assert_text_take(rp_str_format(fmt, args, NULL), "   'a'  b  {}");
    rp_decref(fmt);
    rp_decref(args);
}
END_TEST

START_TEST(str_methods_split_join_replace)
{
    rp_obj_t *s = S("a,b,,c");
    rp_obj_t *sep = S(",");
    rp_obj_t *parts = call_method(s, "split", 1, &sep);
    ck_assert_ptr_nonnull(parts);
    ck_assert_int_eq(rp_list_len(parts), 4);
    assert_text_take(rp_str_join(sep, parts), "a,b,,c");
    rp_decref(parts);
    rp_obj_t *args[2] = {sep, S("--")};
    assert_text_take(call_method(s, "replace", 2, args), "a--b----c");
    rp_decref(args[1]);
    rp_decref(sep);
    rp_decref(s);
    // join type errors name the item.
    rp_obj_t *list = rp_list_new(0);
    rp_list_append_take(list, rp_int_from_i64(1));
    rp_obj_t *e = rp_str_empty();
    ck_assert_ptr_null(rp_str_join(e, list));
    assert_error(&rp_exc_TypeError, "sequence item 0: expected str instance, int found");
    rp_decref(e);
    rp_decref(list);
}
END_TEST

START_TEST(str_case_mapping_uses_full_mappings)
{
    rp_obj_t *s = S("stra\xc3\x9f" "e");
    assert_text_take(call_method(s, "upper", 0, NULL), "STRASSE");
    rp_decref(s);
    s = S("\xce\xa3\xce\x91\xce\xa3");   // ΣΑΣ -> σας
    assert_text_take(call_method(s, "lower", 0, NULL), "\xcf\x83\xce\xb1\xcf\x82");
    rp_decref(s);
}
END_TEST

START_TEST(strbuf_builds_compact_strings)
{
    rp_strbuf_t b;
    rp_strbuf_init(&b);
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(rp_strbuf_append_cstr(&b, "ab"), 0);
    rp_obj_t *s = rp_strbuf_finish(&b);
    ck_assert_int_eq(rp_str_len(s), 2000);
    ck_assert(rp_str_is_ascii(s));
    rp_decref(s);
    rp_strbuf_init(&b);
    rp_strbuf_append_cstr(&b, "x");
    rp_strbuf_append_char(&b, 0x4E2D);
    rp_obj_t *u = S("\xc3\xa9");
    rp_strbuf_append_str(&b, u);
    rp_decref(u);
    rp_strbuf_append_format(&b, "%d-%s", 42, "y");
    s = rp_strbuf_finish(&b);
    ck_assert_int_eq(rp_str_kind(s), 2);
    assert_text_take(s, "x\xe4\xb8\xad\xc3\xa9" "42-y");
    // A surrogate survives the UTF-8 round trip.
    rp_strbuf_init(&b);
    rp_strbuf_append_char(&b, 0xD800);
    s = rp_strbuf_finish(&b);
    ck_assert_int_eq(rp_str_len(s), 1);
    ck_assert_uint_eq(rp_str_char(s, 0), 0xD800);
    rp_decref(s);
}
END_TEST

START_TEST(str_append_grows_unshared_strings_in_place)
{
    rp_obj_t *s = S("ab");
    rp_obj_t *piece = S("cd"), *wide = S("\xc3\xa9");
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(rp_str_append_take(&s, piece), 0);
    ck_assert_int_eq(rp_str_len(s), 2002);
    ck_assert(rp_str_is_ascii(s));
    ck_assert_uint_eq(rp_str_char(s, 2001), 'd');
    // A shared left operand is never modified.
    rp_obj_t *shared = rp_newref(s);
    ck_assert_int_eq(rp_str_append_take(&s, wide), 0);
    ck_assert_ptr_ne(s, shared);
    ck_assert_int_eq(rp_str_len(shared), 2002);
    ck_assert_int_eq(rp_str_len(s), 2003);
    ck_assert_uint_eq(rp_str_char(s, 2002), 0xE9);
    ck_assert_int_eq(rp_str_append_take(&s, piece), 0);
    ck_assert_int_eq(rp_str_hash(s), rp_str_hash(s));
    rp_decref(shared);
    rp_decref(s);
    rp_decref(piece);
    rp_decref(wide);
}
END_TEST

START_TEST(str_operations_do_not_leak)
{
    rp_obj_t *s = S("hello \xe4\xb8\x96\xe7\x95\x8c, hello");
    rp_obj_t *sep = S("hello");
    size_t before = rp_mem_blocks();
    for (int i = 0; i < 100; i++) {
        rp_obj_t *parts = call_method(s, "split", 1, &sep);
        rp_obj_t *joined = rp_str_join(sep, parts);
        rp_obj_t *up = call_method(joined, "upper", 0, NULL);
        rp_obj_t *r = rp_str_repr(up);
        rp_decref(parts);
        rp_decref(joined);
        rp_decref(up);
        rp_decref(r);
    }
    ck_assert_uint_eq(rp_mem_blocks(), before);
    rp_decref(sep);
    rp_decref(s);
}
END_TEST

static Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, str_picks_the_smallest_kind);
    tcase_add_test(tc, str_indexes_by_code_point);
    tcase_add_test(tc, str_hash_matches_cpython_with_seed_zero);
    tcase_add_test(tc, str_one_char_strings_are_singletons);
    tcase_add_test(tc, str_interning_returns_the_canonical_object);
    tcase_add_test(tc, str_interned_letters_differ_from_latin1_singletons);
    tcase_add_test(tc, str_repr_escapes_like_cpython);
    tcase_add_test(tc, str_decode_errors_name_the_bad_bytes);
    tcase_add_test(tc, format_mini_language_matches_cpython);
    tcase_add_test(tc, percent_formatting_matches_cpython);
    tcase_add_test(tc, str_format_handles_fields_and_conversions);
    tcase_add_test(tc, str_methods_split_join_replace);
    tcase_add_test(tc, str_case_mapping_uses_full_mappings);
    tcase_add_test(tc, strbuf_builds_compact_strings);
    tcase_add_test(tc, str_append_grows_unshared_strings_in_place);
    tcase_add_test(tc, str_operations_do_not_leak);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(str_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
