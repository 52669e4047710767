// Substring search over the compact kinds: find, rfind and count for
// str methods, `in`, split and replace.  One-byte data uses the C
// library's memchr/memmem; wider kinds use Horspool's skip table.
#define _GNU_SOURCE
#include <string.h>

#include "objects/str_impl.h"
#include "objects/strargs.h"
#include "memory/alloc.h"
#include "objects/errors.h"

typedef rp_str_searcher_t searcher_t;

static void searcher_init(searcher_t *sr, int k, const void *needle, rp_ssize_t m)
{
    sr->k = k;
    sr->needle = needle;
    sr->m = m;
    sr->wide = NULL;
    sr->last = rp_str_read(k, needle, m - 1);
    if (m == 1)
        return;     // one character: memchr, no table
    // Skips are capped at 255 (a shorter skip is always safe).
    memset(sr->skip, m > 255 ? 255 : (int)m, sizeof sr->skip);
    for (rp_ssize_t i = m > 256 ? m - 256 : 0; i < m - 1; i++)
        sr->skip[rp_str_read(k, needle, i) & 0xff] = (uint8_t)(m - 1 - i);
}

// First index of the needle (m >= 2) in hay[0..n), or -1.
static rp_ssize_t find_char(int k, const void *hay, rp_ssize_t n, uint32_t c);

static rp_ssize_t searcher_find(const searcher_t *sr, const void *hay, rp_ssize_t n)
{
    rp_ssize_t m = sr->m, i = 0;
    if (m == 1)
        return find_char(sr->k, hay, n, sr->last);
    int k = sr->k;
    size_t bytes = (size_t)(m - 1) * k;
    if (k == 1) {
        const uint8_t *h = hay;
        const uint8_t last = (uint8_t)sr->last;
        while (i <= n - m) {
            uint8_t c = h[i + m - 1];
            if (c == last && memcmp(h + i, sr->needle, bytes) == 0)
                return i;
            i += sr->skip[c];
        }
        return -1;
    }
    while (i <= n - m) {
        uint32_t c = rp_str_read(k, hay, i + m - 1);
        if (c == sr->last && memcmp((const char *)hay + (size_t)i * k, sr->needle, bytes) == 0)
            return i;
        i += sr->skip[c & 0xff];
    }
    return -1;
}

static rp_ssize_t find_char(int k, const void *hay, rp_ssize_t n, uint32_t c)
{
    if (k == 1 && n < 16) {
        // Short haystacks: a loop beats the call into memchr.
        const uint8_t *h = hay;
        for (rp_ssize_t i = 0; i < n; i++)
            if (h[i] == c)
                return i;
        return -1;
    }
    if (k == 1) {
        const char *p = memchr(hay, (int)c, (size_t)n);
        return p ? p - (const char *)hay : -1;
    }
    for (rp_ssize_t i = 0; i < n; i++)
        if (rp_str_read(k, hay, i) == c)
            return i;
    return -1;
}

static rp_ssize_t find_forward(int k, const void *hay, rp_ssize_t n, const void *needle,
                               rp_ssize_t m)
{
    if (m == 1)
        return find_char(k, hay, n, rp_str_read(k, needle, 0));
    if (k == 1) {
        const char *p = memmem(hay, (size_t)n, needle, (size_t)m);
        return p ? p - (const char *)hay : -1;
    }
    searcher_t sr;
    searcher_init(&sr, k, needle, m);
    return searcher_find(&sr, hay, n);
}

static rp_ssize_t find_backward(int k, const void *hay, rp_ssize_t n, const void *needle,
                                rp_ssize_t m)
{
    if (m == 1) {
        uint32_t c = rp_str_read(k, needle, 0);
        if (k == 1) {
            const char *p = memrchr(hay, (int)c, (size_t)n);
            return p ? p - (const char *)hay : -1;
        }
        for (rp_ssize_t i = n - 1; i >= 0; i--)
            if (rp_str_read(k, hay, i) == c)
                return i;
        return -1;
    }
    uint32_t first = rp_str_read(k, needle, 0);
    size_t bytes = (size_t)m * k;
    for (rp_ssize_t i = n - m; i >= 0; i--) {
        if (rp_str_read(k, hay, i) == first &&
            memcmp((const char *)hay + (size_t)i * k, needle, bytes) == 0)
            return i;
    }
    return -1;
}

rp_ssize_t rp_str_search(int hkind, const void *hay, rp_ssize_t n, int nkind,
                         const void *needle, rp_ssize_t m, rp_ssize_t maxcount,
                         int mode)
{
    if (maxcount < 0)
        maxcount = PTRDIFF_MAX;
    if (m == 0) {
        if (mode == RP_SEARCH_FIND)
            return 0;
        if (mode == RP_SEARCH_RFIND)
            return n;
        return n < maxcount ? n + 1 : maxcount;
    }
    if (m > n || nkind > hkind)
        return mode == RP_SEARCH_COUNT ? 0 : -1;
    // Bring the needle to the haystack's kind.
    uint32_t small[64];
    void *wide = NULL;
    if (nkind != hkind) {
        void *buf;
        if ((size_t)m * hkind <= sizeof small)
            buf = small;
        else {
            buf = wide = rp_mem_alloc((size_t)m * hkind);
            if (buf == NULL) {
                // Fall back on a slow exact comparison per position.
                rp_ssize_t count = 0, i = 0, hit = -1;
                for (i = 0; i + m <= n; i++) {
                    rp_ssize_t j = 0;
                    while (j < m && rp_str_read(hkind, hay, i + j) ==
                                        rp_str_read(nkind, needle, j))
                        j++;
                    if (j == m) {
                        if (mode == RP_SEARCH_FIND)
                            return i;
                        hit = i;
                        if (mode == RP_SEARCH_COUNT) {
                            if (++count >= maxcount)
                                return count;
                            i += m - 1;
                        }
                    }
                }
                return mode == RP_SEARCH_COUNT ? count : hit;
            }
        }
        rp_str_copy_chars(hkind, buf, 0, nkind, needle, 0, m);
        needle = buf;
    }
    rp_ssize_t r;
    if (mode == RP_SEARCH_FIND) {
        r = find_forward(hkind, hay, n, needle, m);
    } else if (mode == RP_SEARCH_RFIND) {
        r = find_backward(hkind, hay, n, needle, m);
    } else {
        r = 0;
        rp_ssize_t pos = 0;
        if (m == 1) {
            uint32_t c = rp_str_read(hkind, needle, 0);
            while (r < maxcount && pos < n) {
                rp_ssize_t i = find_char(hkind, (const char *)hay + (size_t)pos * hkind, n - pos, c);
                if (i < 0)
                    break;
                r++;
                pos += i + 1;
            }
        } else {
            searcher_t sr;
            searcher_init(&sr, hkind, needle, m);
            while (r < maxcount && pos <= n - m) {
                rp_ssize_t i = searcher_find(&sr, (const char *)hay + (size_t)pos * hkind, n - pos);
                if (i < 0)
                    break;
                r++;
                pos += i + m;
            }
        }
    }
    rp_mem_free(wide);
    return r;
}

rp_ssize_t rp_str_search_obj(rp_obj_t *s, rp_obj_t *sub, rp_ssize_t start,
                             rp_ssize_t end, int mode)
{
    rp_ssize_t len = rp_str_len(s), m = rp_str_len(sub);
    rp_strargs_adjust(&start, &end, len);
    if (end - start < m)
        return mode == RP_SEARCH_COUNT ? 0 : -1;
    int k = rp_str_kind(s);
    const char *hay = (const char *)rp_str_data(s) + (size_t)start * k;
    rp_ssize_t r = rp_str_search(k, hay, end - start, rp_str_kind(sub), rp_str_data(sub),
                                 m, -1, mode);
    if (mode != RP_SEARCH_COUNT && r >= 0)
        r += start;
    return r;
}

int rp_str_searcher_init(rp_str_searcher_t *sr, int hkind, int nkind, const void *needle,
                         rp_ssize_t m)
{
    if (nkind > hkind || m <= 0)
        return -1;
    if (nkind != hkind) {
        void *buf = (size_t)m * hkind <= sizeof sr->small ? (void *)sr->small
                                                            : rp_mem_alloc((size_t)m * hkind);
        if (buf == NULL) {
            rp_err_nomemory();
            return -2;
        }
        rp_str_copy_chars(hkind, buf, 0, nkind, needle, 0, m);
        searcher_init(sr, hkind, buf, m);
        if (buf != (void *)sr->small)
            sr->wide = buf;
        return 0;
    }
    searcher_init(sr, hkind, needle, m);
    return 0;
}

rp_ssize_t rp_str_searcher_next(const rp_str_searcher_t *sr, const void *hay, rp_ssize_t n)
{
    if (n < sr->m)
        return -1;
    return searcher_find(sr, hay, n);
}

void rp_str_searcher_free(rp_str_searcher_t *sr)
{
    rp_mem_free(sr->wide);
    sr->wide = NULL;
}
