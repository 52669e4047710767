// Unit tests for -X showrefcount (modules/showrefcount.c): the total of
// reference counts follows new references to heap objects, and the
// printed line has CPython's debug-build format.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memory/alloc.h"
#include "modules/showrefcount.h"
#include "objects/list.h"
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

START_TEST(total_counts_references_to_gc_and_plain_objects)
{
    rp_ssize_t before = rp_total_refcount();
    ck_assert_int_gt(before, 0);
    rp_obj_t *list = rp_list_new(0);              // gc object: +1
    rp_obj_t *s = rp_str_from_utf8("showrefcount-test", 17);   // plain: +1
    ck_assert_int_eq(rp_total_refcount(), before + 2);
    ck_assert_int_eq(rp_list_append(list, s), 0);   // s: +1
    ck_assert_int_eq(rp_total_refcount(), before + 3);
    rp_decref(list);
    rp_decref(s);
    ck_assert_int_eq(rp_total_refcount(), before);
}
END_TEST

START_TEST(print_writes_refs_and_blocks_to_stderr_only_when_enabled)
{
    char path[] = "/tmp/rp_showrefcount_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    rp_interp.show_refcount = false;
    rp_showrefcount_print();
    rp_interp.show_refcount = true;
    rp_showrefcount_print();
    rp_interp.show_refcount = false;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    char buf[256] = {0};
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    unlink(path);
    ck_assert_int_gt(n, 0);
    long refs = -1;
    unsigned long blocks = 0;
    char tail[8] = {0};
    ck_assert_int_eq(sscanf(buf, "[%ld refs, %lu blocks%1[]]", &refs, &blocks, tail), 3);
    ck_assert_int_gt(refs, 0);
    ck_assert_int_gt(blocks, 0);
    ck_assert_ptr_nonnull(strchr(buf, '\n'));
    ck_assert_ptr_eq(strchr(buf, '\n'), buf + n - 1);   // exactly one line
}
END_TEST

static Suite *showrefcount_suite(void)
{
    Suite *s = suite_create("showrefcount");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, total_counts_references_to_gc_and_plain_objects);
    tcase_add_test(tc, print_writes_refs_and_blocks_to_stderr_only_when_enabled);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(showrefcount_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
