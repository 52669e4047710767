// Unit tests for the small-object allocator (memory/alloc.c): counting,
// free-list reuse, large blocks, liveness checks, walking, fault
// injection and returning memory after churn.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "memory/alloc.h"

START_TEST(alloc_counts_blocks_and_bytes)
{
    rp_mem_init();
    size_t b0 = rp_mem_blocks(), y0 = rp_mem_bytes();
    void *p = rp_mem_alloc(20);
    void *q = rp_mem_alloc(1000);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(q);
    ck_assert_uint_eq(rp_mem_blocks(), b0 + 2);
    ck_assert_uint_eq(rp_mem_bytes(), y0 + 32 + 1000);
    ck_assert_uint_eq(rp_mem_size(p), 32);
    ck_assert_uint_eq(rp_mem_size(q), 1000);
    rp_mem_free(p);
    rp_mem_free(q);
    ck_assert_uint_eq(rp_mem_blocks(), b0);
    ck_assert_uint_eq(rp_mem_bytes(), y0);
}
END_TEST

START_TEST(alloc_blocks_are_aligned_and_distinct)
{
    void *ps[100];
    for (int i = 0; i < 100; i++) {
        ps[i] = rp_mem_alloc((size_t)(i * 7) % 600);
        ck_assert_ptr_nonnull(ps[i]);
        ck_assert_uint_eq((uintptr_t)ps[i] % RP_ALIGN, 0);
        memset(ps[i], 0xAB, (size_t)(i * 7) % 600);
    }
    for (int i = 0; i < 100; i++)
        for (int j = i + 1; j < 100; j++)
            ck_assert_ptr_ne(ps[i], ps[j]);
    for (int i = 0; i < 100; i++)
        rp_mem_free(ps[i]);
}
END_TEST

START_TEST(alloc_reuses_freed_block_of_same_class)
{
    void *keep = rp_mem_alloc(48);     // keeps the pool alive
    void *p = rp_mem_alloc(48);
    rp_mem_free(p);
    void *q = rp_mem_alloc(40);        // same 48-byte class
    ck_assert_ptr_eq(p, q);
    rp_mem_free(q);
    rp_mem_free(keep);
}
END_TEST

START_TEST(alloc_realloc_preserves_contents)
{
    char *p = rp_mem_alloc(10);
    memcpy(p, "abcdefghi", 10);
    p = rp_mem_realloc(p, 300);
    ck_assert_str_eq(p, "abcdefghi");
    p = rp_mem_realloc(p, 5000);
    ck_assert_str_eq(p, "abcdefghi");
    p = rp_mem_realloc(p, 100000);
    ck_assert_str_eq(p, "abcdefghi");
    p = rp_mem_realloc(p, 16);
    ck_assert_int_eq(memcmp(p, "abcdefghi", 10), 0);
    rp_mem_free(p);
    char *z = rp_mem_calloc(10, 70);
    for (int i = 0; i < 700; i++)
        ck_assert_int_eq(z[i], 0);
    rp_mem_free(z);
}
END_TEST

START_TEST(alloc_live_object_detection)
{
    void *small = rp_mem_alloc(32);
    void *large = rp_mem_alloc(2048);
    ck_assert(!rp_mem_is_live_object(small));
    rp_mem_mark_object(small, true);
    rp_mem_mark_object(large, true);
    ck_assert(rp_mem_is_live_object(small));
    ck_assert(rp_mem_is_live_object(large));
    // Interior pointers, foreign pointers and NULL are never objects.
    ck_assert(!rp_mem_is_live_object((char *)small + 16));
    ck_assert(!rp_mem_is_live_object((char *)large + 16));
    int local;
    ck_assert(!rp_mem_is_live_object(&local));
    void *m = malloc(64);
    ck_assert(!rp_mem_is_live_object(m));
    free(m);
    ck_assert(!rp_mem_is_live_object(NULL));
    ck_assert(!rp_mem_is_live_object((void *)0x10));
    ck_assert(!rp_mem_is_live_object((void *)(uintptr_t)0xdeadbeef0ull));
    rp_mem_free(small);
    rp_mem_free(large);
    ck_assert(!rp_mem_is_live_object(small));
    ck_assert(!rp_mem_is_live_object(large));
    // A reused block is not an object until marked again.
    void *again = rp_mem_alloc(32);
    ck_assert(!rp_mem_is_live_object(again));
    rp_mem_free(again);
}
END_TEST

typedef struct { void *want[3]; int found[3]; size_t objects; } walk_state_t;

static int visit(void *block, size_t size, bool is_object, void *arg)
{
    walk_state_t *w = arg;
    for (int i = 0; i < 3; i++)
        if (block == w->want[i])
            w->found[i]++;
    if (is_object)
        w->objects++;
    return 0;
}

static int stop_at_first(void *block, size_t size, bool is_object, void *arg)
{
    (*(int *)arg)++;
    return 7;
}

START_TEST(alloc_walk_visits_every_live_block)
{
    walk_state_t w = { { rp_mem_alloc(16), rp_mem_alloc(500), rp_mem_alloc(4000) }, { 0 }, 0 };
    rp_mem_mark_object(w.want[1], true);
    ck_assert_int_eq(rp_mem_walk(visit, &w), 0);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(w.found[i], 1);
    ck_assert_uint_ge(w.objects, 1);
    int calls = 0;
    ck_assert_int_eq(rp_mem_walk(stop_at_first, &calls), 7);
    ck_assert_int_eq(calls, 1);
    for (int i = 0; i < 3; i++)
        rp_mem_free(w.want[i]);
    memset(w.found, 0, sizeof w.found);
    rp_mem_walk(visit, &w);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(w.found[i], 0);
}
END_TEST

START_TEST(alloc_fault_injection_fails_the_nth_allocation)
{
    uint64_t c0 = rp_mem_alloc_count();
    rp_mem_fail_after(3);
    void *a = rp_mem_alloc(8);
    void *b = rp_mem_alloc(800);
    void *c = rp_mem_alloc(8);
    void *d = rp_mem_alloc(8);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(rp_mem_alloc_count(), c0 + 4);
    rp_mem_fail_after(0);
    rp_mem_free(a);
    rp_mem_free(b);
    rp_mem_free(d);
}
END_TEST

static size_t walk_count;
static int count_blocks(void *block, size_t size, bool is_object, void *arg)
{
    walk_count++;
    return 0;
}

START_TEST(alloc_churn_does_not_grow)
{
    enum { N = 200000 };
    void **ps = malloc(N * sizeof *ps);
    size_t b0 = rp_mem_blocks();
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < N; i++)
            ps[i] = rp_mem_alloc((size_t)(16 + (i % 31) * 16));
        for (int i = 0; i < N; i += 2)
            rp_mem_free(ps[i]);
        for (int i = 1; i < N; i += 2)
            rp_mem_free(ps[i]);
        ck_assert_uint_eq(rp_mem_blocks(), b0);
    }
    walk_count = 0;
    rp_mem_walk(count_blocks, NULL);
    ck_assert_uint_eq(walk_count, b0);
    free(ps);
}
END_TEST

static Suite *alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, alloc_counts_blocks_and_bytes);
    tcase_add_test(tc, alloc_blocks_are_aligned_and_distinct);
    tcase_add_test(tc, alloc_reuses_freed_block_of_same_class);
    tcase_add_test(tc, alloc_realloc_preserves_contents);
    tcase_add_test(tc, alloc_live_object_detection);
    tcase_add_test(tc, alloc_walk_visits_every_live_block);
    tcase_add_test(tc, alloc_fault_injection_fails_the_nth_allocation);
    tcase_add_test(tc, alloc_churn_does_not_grow);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    rp_mem_init();
    SRunner *sr = srunner_create(alloc_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed != 0;
}
