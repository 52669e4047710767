// Unit tests for the lexer: tokens of every literal kind, operators and
// keywords, INDENT/DEDENT sequences, implicit and explicit line joining,
// and CPython's tokenizer errors with their positions.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/tokens.h"

// Tokenizes src and describes the tokens as "KIND:text KIND ..." (the
// text of NAME, NUMBER, STRING and OP tokens only), ending with the error
// (if any) as "ERROR<kind>(msg)@line:offset-end_line:end_offset".
static char *lex(const char *src, int flags)
{
    static char out[8192];
    rp_arena_t *arena = rp_arena_new();
    rp_parse_error_t err = {0};
    rp_lexer_t lx;
    out[0] = '\0';
    ck_assert_int_eq(rp_lexer_init(&lx, arena, src, strlen(src), flags,
                                   "<test>", &err), 0);
    size_t n = 0;
    for (;;) {
        rp_token_t t;
        rp_tok_kind_t k = rp_lexer_next(&lx, &t);
        if (k == RP_TOK_ERRORTOKEN) {
            if (lx.done != RP_LX_ERROR) {
                rp_lexer_raise_done(&lx, &t);
            }
            n += (size_t)snprintf(out + n, sizeof(out) - n,
                                  "ERROR%d(%s)@%d:%d-%d:%d", err.kind, err.msg,
                                  err.lineno, err.offset, err.end_lineno,
                                  err.end_offset);
            break;
        }
        const char *name = rp_token_name(k);
        if (k == RP_TOK_NAME || k == RP_TOK_NUMBER || k == RP_TOK_STRING ||
            k == RP_TOK_OP) {
            n += (size_t)snprintf(out + n, sizeof(out) - n, "%s:%.*s ", name,
                                  (int)(t.end - t.start), t.start);
        } else {
            n += (size_t)snprintf(out + n, sizeof(out) - n, "%s ", name);
        }
        if (k == RP_TOK_ENDMARKER) {
            break;
        }
    }
    rp_parse_error_clear(&err);
    rp_arena_free(arena);
    return out;
}

#define LEX(src) lex((src), RP_LX_FILE_INPUT)

// Positions of the n-th token (0-based) of src.
static rp_token_t nth_token(const char *src, int index)
{
    rp_arena_t *arena = rp_arena_new();
    rp_parse_error_t err = {0};
    rp_lexer_t lx;
    rp_token_t t;
    ck_assert_int_eq(rp_lexer_init(&lx, arena, src, strlen(src), 0, "<test>",
                                   &err), 0);
    for (int i = 0; i <= index; i++) {
        rp_lexer_next(&lx, &t);
    }
    t.start = t.end = NULL;   // the arena is gone
    rp_parse_error_clear(&err);
    rp_arena_free(arena);
    return t;
}

START_TEST(lexer_integer_literals_of_every_base)
{
    ck_assert_str_eq(LEX("0 7 0x1F 0XfF 0o17 0O7 0b101 0B1 00 1_000 0x_ff\n"),
                     "NUMBER:0 NUMBER:7 NUMBER:0x1F NUMBER:0XfF NUMBER:0o17 "
                     "NUMBER:0O7 NUMBER:0b101 NUMBER:0B1 NUMBER:00 "
                     "NUMBER:1_000 NUMBER:0x_ff NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_float_and_imaginary_literals)
{
    ck_assert_str_eq(LEX("1. .5 1e10 1E-3 1_000.5e-3 2.5j 1J 09.5 0e0\n"),
                     "NUMBER:1. NUMBER:.5 NUMBER:1e10 NUMBER:1E-3 "
                     "NUMBER:1_000.5e-3 NUMBER:2.5j NUMBER:1J NUMBER:09.5 "
                     "NUMBER:0e0 NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_number_flavours_are_recorded)
{
    rp_token_t t = nth_token("x = 1.5", 2);
    ck_assert_int_eq(t.flags, RP_NUM_FLOAT);
    t = nth_token("x = 15", 2);
    ck_assert_int_eq(t.flags, RP_NUM_INT);
    t = nth_token("x = 15j", 2);
    ck_assert_int_eq(t.flags, RP_NUM_IMAG);
}
END_TEST

START_TEST(lexer_invalid_number_literals_report_cpython_messages)
{
    ck_assert_str_eq(LEX("x = 1__0\n"),
                     "NAME:x = ERROR1(invalid decimal literal)@1:6-1:6");
    ck_assert_str_eq(LEX("x = 0x\n"),
                     "NAME:x = ERROR1(invalid hexadecimal literal)@1:6-1:6");
    ck_assert_str_eq(LEX("x = 0o8\n"),
                     "NAME:x = ERROR1(invalid digit '8' in octal literal)"
                     "@1:7-1:7");
    ck_assert_str_eq(LEX("x = 0b\n"),
                     "NAME:x = ERROR1(invalid binary literal)@1:6-1:6");
    ck_assert_str_eq(LEX("x = 1abc\n"),
                     "NAME:x = ERROR1(invalid decimal literal)@1:5-1:5");
    ck_assert_str_eq(LEX("x = 012\n"),
                     "NAME:x = ERROR1(leading zeros in decimal integer "
                     "literals are not permitted; use an 0o prefix for octal "
                     "integers)@1:5-1:6");
}
END_TEST

START_TEST(lexer_number_followed_by_keyword_is_accepted)
{
    // CPython only warns here ("invalid decimal literal").
    ck_assert_str_eq(LEX("1if x else 2\n"),
                     "NUMBER:1 if NAME:x else NUMBER:2 NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_string_prefixes_in_any_case)
{
    ck_assert_str_eq(LEX("r'a' b\"b\" rb'c' BR'd' f'e' Rf'g' u'h' U\"i\"\n"),
                     "STRING:r'a' STRING:b\"b\" STRING:rb'c' STRING:BR'd' "
                     "STRING:f'e' STRING:Rf'g' STRING:u'h' STRING:U\"i\" "
                     "NEWLINE ENDMARKER ");
    // ur'' is not a prefix: a NAME followed by a string.
    ck_assert_str_eq(LEX("ur'x'\n"),
                     "NAME:ur STRING:'x' NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_string_quotes_and_escaped_quotes)
{
    ck_assert_str_eq(LEX("'it\\'s' \"a\\\"b\" '''x\ny''' \"\"\"\"\"\" ''\n"),
                     "STRING:'it\\'s' STRING:\"a\\\"b\" STRING:'''x\ny''' "
                     "STRING:\"\"\"\"\"\" STRING:'' NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_triple_quoted_string_spans_lines)
{
    rp_token_t t = nth_token("x = '''a\nbc''' + 1", 2);
    ck_assert_int_eq(t.kind, RP_TOK_STRING);
    ck_assert_int_eq(t.lineno, 1);
    ck_assert_int_eq(t.col_offset, 4);
    ck_assert_int_eq(t.end_lineno, 2);
    ck_assert_int_eq(t.end_col_offset, 5);
}
END_TEST

START_TEST(lexer_unterminated_strings_point_at_the_quote)
{
    ck_assert_str_eq(LEX("s = 'abc\nx\n"),
                     "NAME:s = ERROR1(unterminated string literal "
                     "(detected at line 1))@1:5-1:5");
    ck_assert_str_eq(LEX("x = 1\ns = \"\"\"abc\n\ndef\n"),
                     "NAME:x = NUMBER:1 NEWLINE NAME:s = "
                     "ERROR1(unterminated triple-quoted string literal "
                     "(detected at line 4))@2:5-2:5");
}
END_TEST

START_TEST(lexer_operators_longest_match)
{
    ck_assert_str_eq(LEX("a **= b //= c >>= d <<= e -> f := g ... h != i\n"),
                     "NAME:a **= NAME:b //= NAME:c >>= NAME:d <<= NAME:e -> "
                     "NAME:f := NAME:g ... NAME:h != NAME:i NEWLINE "
                     "ENDMARKER ");
    ck_assert_str_eq(LEX("a.b..c\n"),
                     "NAME:a . NAME:b . . NAME:c NEWLINE ENDMARKER ");
    ck_assert_str_eq(LEX("x $ y ? z\n"),
                     "NAME:x OP:$ NAME:y OP:? NAME:z NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_keywords_and_soft_keywords)
{
    ck_assert_str_eq(LEX("if not x and y or None is True: match = case\n"),
                     "if not NAME:x and NAME:y or None is True : NAME:match "
                     "= NAME:case NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_indent_and_dedent_sequence)
{
    ck_assert_str_eq(LEX("if a:\n    if b:\n        c\n    d\ne\n"),
                     "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT "
                     "NAME:c NEWLINE DEDENT NAME:d NEWLINE DEDENT NAME:e "
                     "NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_emits_dedents_at_eof)
{
    ck_assert_str_eq(LEX("if a:\n  if b:\n    c"),
                     "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT "
                     "NAME:c NEWLINE DEDENT DEDENT ENDMARKER ");
}
END_TEST

START_TEST(lexer_tabs_count_to_multiples_of_eight)
{
    // " \t" is column 8; "\t\t" is column 16.
    ck_assert_str_eq(LEX("if a:\n \tif b:\n \t\tc\n \td\n"),
                     "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT "
                     "NAME:c NEWLINE DEDENT NAME:d NEWLINE DEDENT ENDMARKER ");
}
END_TEST

START_TEST(lexer_inconsistent_tabs_and_spaces_is_tab_error)
{
    // Column 8 both times, but not with tab size 1.
    ck_assert_str_eq(LEX("if a:\n        b\n\tc\n"),
                     "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
                     "ERROR3(inconsistent use of tabs and spaces in "
                     "indentation)@3:1-3:0");
    ck_assert_str_eq(LEX("if a:\n\tb\n        c\n"),
                     "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
                     "ERROR3(inconsistent use of tabs and spaces in "
                     "indentation)@3:1-3:0");
}
END_TEST

START_TEST(lexer_unindent_to_unknown_level_is_indentation_error)
{
    ck_assert_str_eq(LEX("if a:\n        b\n    c\n"),
                     "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
                     "ERROR2(unindent does not match any outer indentation "
                     "level)@3:6-3:-1");
}
END_TEST

START_TEST(lexer_no_newline_inside_brackets)
{
    ck_assert_str_eq(LEX("x = (1,\n\n   2)\ny\n"),
                     "NAME:x = ( NUMBER:1 , NUMBER:2 ) NEWLINE "
                     "NAME:y NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_backslash_joins_lines)
{
    ck_assert_str_eq(LEX("x = 1 + \\\n    2\n"),
                     "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER ");
    ck_assert_str_eq(LEX("x = 1 \\ 2\n"),
                     "NAME:x = NUMBER:1 ERROR1(unexpected character after "
                     "line continuation character)@1:8-1:0");
    ck_assert_str_eq(LEX("x = 1 \\\n"),
                     "NAME:x = NUMBER:1 ERROR1(unexpected EOF while "
                     "parsing)@1:8-1:-1");
}
END_TEST

START_TEST(lexer_ignores_blank_and_comment_lines)
{
    ck_assert_str_eq(LEX("# -*- coding: utf-8 -*-\n\nx = 1  # c\n   \n"
                         "  # indented comment\ny\n"),
                     "NAME:x = NUMBER:1 NEWLINE NAME:y NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_normalises_crlf_and_skips_bom)
{
    ck_assert_str_eq(LEX("\xEF\xBB\xBFx = 1\r\ny = 2\rz\n"),
                     "NAME:x = NUMBER:1 NEWLINE NAME:y = NUMBER:2 "
                     "NEWLINE NAME:z NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_bracket_errors)
{
    ck_assert_str_eq(LEX("y = x + 2)\n"),
                     "NAME:y = NAME:x + NUMBER:2 ERROR1(unmatched ')')"
                     "@1:10-1:10");
    ck_assert_str_eq(LEX("b = [a, 2)\n"),
                     "NAME:b = [ NAME:a , NUMBER:2 ERROR1(closing "
                     "parenthesis ')' does not match opening parenthesis "
                     "'[')@1:10-1:10");
    ck_assert_str_eq(LEX("b = [a,\n2)\n"),
                     "NAME:b = [ NAME:a , NUMBER:2 ERROR1(closing "
                     "parenthesis ')' does not match opening parenthesis "
                     "'[' on line 1)@2:2-2:2");
    ck_assert_str_eq(LEX("v = (1,\n 3\n"),
                     "NAME:v = ( NUMBER:1 , NUMBER:3 "
                     "ERROR1('(' was never closed)@1:5-1:0");
}
END_TEST

START_TEST(lexer_limits_bracket_nesting_to_200)
{
    char src[512];
    memset(src, '(', 201);
    strcpy(src + 201, "\n");
    const char *out = LEX(src);
    ck_assert_ptr_nonnull(strstr(out, "ERROR1(too many nested parentheses)"
                                      "@1:201-1:201"));
}
END_TEST

START_TEST(lexer_limits_indentation_to_100_levels)
{
    char src[20000];
    size_t n = 0;
    for (int i = 0; i < 101; i++) {
        for (int j = 0; j < i; j++) {
            src[n++] = ' ';
        }
        memcpy(src + n, "if 1:\n", 6);
        n += 6;
    }
    src[n] = '\0';
    ck_assert_ptr_nonnull(strstr(LEX(src), "ERROR2(too many levels of "
                                           "indentation)"));
}
END_TEST

START_TEST(lexer_invalid_characters)
{
    ck_assert_str_eq(LEX("y = x \xE2\x82\xAC 2\n"),
                     "NAME:y = NAME:x ERROR1(invalid character "
                     "'\xE2\x82\xAC' (U+20AC))@1:7-1:7");
    ck_assert_str_eq(LEX("y = \xC2\xA0x\n"),
                     "NAME:y = ERROR1(invalid non-printable character "
                     "U+00A0)@1:5-1:5");
    ck_assert_str_eq(LEX("y = \x01\n"),
                     "NAME:y = ERROR1(invalid non-printable character "
                     "U+0001)@1:5-1:5");
}
END_TEST

START_TEST(lexer_non_ascii_identifiers)
{
    ck_assert_str_eq(LEX("caf\xC3\xA9 = \xCF\x80\n"),
                     "NAME:caf\xC3\xA9 = NAME:\xCF\x80 NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(lexer_null_byte_is_an_error_on_its_line)
{
    static const char src[] = "x = 1\ny = \"a\0b\"\n";
    rp_arena_t *arena = rp_arena_new();
    rp_parse_error_t err = {0};
    rp_lexer_t lx;
    rp_lexer_init(&lx, arena, src, sizeof(src) - 1, RP_LX_FILE_INPUT, "f.py",
                  &err);
    rp_token_t t;
    int kinds = 0;
    while (rp_lexer_next(&lx, &t) != RP_TOK_ERRORTOKEN) {
        kinds++;
    }
    ck_assert_int_eq(kinds, 4);   // x = 1 NEWLINE
    ck_assert_str_eq(err.msg, "source code cannot contain null bytes");
    ck_assert_int_eq(err.lineno, 2);
    ck_assert_int_eq(err.offset, 0);
    ck_assert_str_eq(err.text, "y = \"a");
    rp_parse_error_clear(&err);
    rp_arena_free(arena);
}
END_TEST

START_TEST(lexer_invalid_utf8_in_a_file)
{
    ck_assert_str_eq(lex("x = 1\n\xff = 2\n", RP_LX_FILE_INPUT),
                     "NAME:x = NUMBER:1 NEWLINE ERROR1(Non-UTF-8 code "
                     "starting with '\\xff' in file <test> on line 2, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/"
                     " for details)@0:0-0:0");
    ck_assert_str_eq(lex("\xff = 1\n", 0),
                     "ERROR1((unicode error) 'utf-8' codec can't decode byte "
                     "0xff in position 0: invalid start byte)@1:1-1:-1");
}
END_TEST

START_TEST(lexer_interactive_blank_line_ends_a_block)
{
    ck_assert_str_eq(lex("if a:\n  b\n\n", RP_LX_INTERACTIVE),
                     "if NAME:a : NEWLINE INDENT NAME:b NEWLINE DEDENT "
                     "NEWLINE ERROR0()@0:0-0:0");
    // Without the blank line more input is needed.
    ck_assert_str_eq(lex("if a:\n  b\n", RP_LX_INTERACTIVE),
                     "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
                     "ERROR0()@0:0-0:0");
}
END_TEST

START_TEST(lexer_token_positions)
{
    rp_token_t t = nth_token("if x:\n    yy = 1\n", 5);   // yy
    ck_assert_int_eq(t.kind, RP_TOK_NAME);
    ck_assert_int_eq(t.lineno, 2);
    ck_assert_int_eq(t.col_offset, 4);
    ck_assert_int_eq(t.end_col_offset, 6);
    t = nth_token("x = 1\n", 3);   // NEWLINE: empty, at the '\n'
    ck_assert_int_eq(t.kind, RP_TOK_NEWLINE);
    ck_assert_int_eq(t.col_offset, 5);
    ck_assert_int_eq(t.end_col_offset, 5);
    t = nth_token("[1,\n 2]", 0);
    ck_assert_int_eq(t.level, 1);
}
END_TEST

static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, lexer_integer_literals_of_every_base);
    tcase_add_test(tc, lexer_float_and_imaginary_literals);
    tcase_add_test(tc, lexer_number_flavours_are_recorded);
    tcase_add_test(tc, lexer_invalid_number_literals_report_cpython_messages);
    tcase_add_test(tc, lexer_number_followed_by_keyword_is_accepted);
    tcase_add_test(tc, lexer_string_prefixes_in_any_case);
    tcase_add_test(tc, lexer_string_quotes_and_escaped_quotes);
    tcase_add_test(tc, lexer_triple_quoted_string_spans_lines);
    tcase_add_test(tc, lexer_unterminated_strings_point_at_the_quote);
    tcase_add_test(tc, lexer_operators_longest_match);
    tcase_add_test(tc, lexer_keywords_and_soft_keywords);
    tcase_add_test(tc, lexer_indent_and_dedent_sequence);
    tcase_add_test(tc, lexer_emits_dedents_at_eof);
    tcase_add_test(tc, lexer_tabs_count_to_multiples_of_eight);
    tcase_add_test(tc, lexer_inconsistent_tabs_and_spaces_is_tab_error);
    tcase_add_test(tc, lexer_unindent_to_unknown_level_is_indentation_error);
    tcase_add_test(tc, lexer_no_newline_inside_brackets);
    tcase_add_test(tc, lexer_backslash_joins_lines);
    tcase_add_test(tc, lexer_ignores_blank_and_comment_lines);
    tcase_add_test(tc, lexer_normalises_crlf_and_skips_bom);
    tcase_add_test(tc, lexer_bracket_errors);
    tcase_add_test(tc, lexer_limits_bracket_nesting_to_200);
    tcase_add_test(tc, lexer_limits_indentation_to_100_levels);
    tcase_add_test(tc, lexer_invalid_characters);
    tcase_add_test(tc, lexer_non_ascii_identifiers);
    tcase_add_test(tc, lexer_null_byte_is_an_error_on_its_line);
    tcase_add_test(tc, lexer_invalid_utf8_in_a_file);
    tcase_add_test(tc, lexer_interactive_blank_line_ends_a_block);
    tcase_add_test(tc, lexer_token_positions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
