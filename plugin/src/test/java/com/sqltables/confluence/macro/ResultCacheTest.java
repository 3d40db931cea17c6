package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.After;
import org.junit.Test;

public class ResultCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger loads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    private ResultCache cache(int maxEntries, long maxBytes, long maxEntryBytes) {
        return new ResultCache(maxEntries, maxBytes, maxEntryBytes, now::get);
    }

    private static CacheKey key(String sql) {
        return new CacheKey(1, 1, sql, List.of(), 100, null, false, TableFormat.DEFAULT, false, "en");
    }

    private String load(String html) {
        loads.incrementAndGet();
        return html;
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    public void get_secondTimeWithinTtl_isAHitWithoutLoading() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        assertEquals(ResultCache.Use.MISS, cache.get(key("a"), 60, false, () -> load("<table/>")).getUse());
        ResultCache.Result second = cache.get(key("a"), 60, false, () -> load("other"));
        assertEquals(ResultCache.Use.HIT, second.getUse());
        assertEquals("<table/>", second.getHtml());
        assertEquals(1, loads.get());
    }

    @Test
    public void get_afterTtl_loadsAgain() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, () -> load("v1"));
        advanceSeconds(60);
        ResultCache.Result result = cache.get(key("a"), 60, false, () -> load("v2"));
        assertEquals(ResultCache.Use.MISS, result.getUse());
        assertEquals("v2", result.getHtml());
    }

    @Test
    public void get_shorterTtlOfAnotherMacro_judgesTheSameEntryByItsOwnTtl() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 600, false, () -> load("v1"));
        advanceSeconds(30);
        assertEquals(ResultCache.Use.MISS, cache.get(key("a"), 10, false, () -> load("v2")).getUse());
    }

    @Test
    public void get_differentKeys_doNotShareEntries() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, () -> load("a"));
        cache.get(new CacheKey(1, 2, "a", List.of(), 100, null, false, TableFormat.DEFAULT, false, "en"), 60, false,
                () -> load("revision 2"));
        cache.get(new CacheKey(1, 1, "a", List.of(), 50, null, false, TableFormat.DEFAULT, false, "en"), 60, false,
                () -> load("cap 50"));
        cache.get(new CacheKey(1, 1, "a", List.of(), 100, null, false, TableFormat.DEFAULT, true, "en"), 60, false,
                () -> load("static"));
        assertEquals(4, loads.get());
    }

    @Test
    public void get_refreshOfAFreshEntry_isIgnoredUntilItIsOldEnough() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 600, false, () -> load("v1"));
        advanceSeconds(ResultCache.MIN_REFRESH_AGE_SECONDS - 1);
        assertEquals(ResultCache.Use.HIT, cache.get(key("a"), 600, true, () -> load("v2")).getUse());
        advanceSeconds(1);
        ResultCache.Result refreshed = cache.get(key("a"), 600, true, () -> load("v2"));
        assertEquals(ResultCache.Use.REFRESH, refreshed.getUse());
        assertEquals("v2", refreshed.getHtml());
        assertEquals(ResultCache.Use.HIT, cache.get(key("a"), 600, true, () -> load("v3")).getUse());
        assertEquals(2, loads.get());
    }

    @Test
    public void get_failingLoad_isNotCachedAndReachesTheCaller() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        IllegalStateException failure = new IllegalStateException("database down");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> cache.get(key("a"), 60, false, () -> {
                    throw failure;
                })));
        assertEquals(0, cache.size());
        assertEquals(ResultCache.Use.MISS, cache.get(key("a"), 60, false, () -> load("ok")).getUse());
    }

    @Test
    public void get_moreEntriesThanTheBound_dropsTheLeastRecentlyUsed() {
        ResultCache cache = cache(2, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, () -> load("a"));
        cache.get(key("b"), 60, false, () -> load("b"));
        cache.get(key("a"), 60, false, () -> load("a"));
        cache.get(key("c"), 60, false, () -> load("c"));
        assertEquals(2, cache.size());
        assertEquals(ResultCache.Use.HIT, cache.get(key("a"), 60, false, () -> load("a")).getUse());
        assertEquals(ResultCache.Use.MISS, cache.get(key("b"), 60, false, () -> load("b")).getUse());
    }

    @Test
    public void get_moreBytesThanTheBound_evictsUntilItFits() {
        ResultCache cache = cache(100, 3_000, 2_000);
        for (String sql : new String[] {"a", "b", "c", "d"}) {
            cache.get(key(sql), 60, false, () -> load("x".repeat(400)));
        }
        assertTrue(cache.bytes() <= 3_000);
        assertTrue(cache.size() < 4);
    }

    @Test
    public void get_tableLargerThanTheEntryBound_isNeverKept() {
        ResultCache cache = cache(100, 1 << 20, 1_000);
        ResultCache.Result result = cache.get(key("a"), 60, false, () -> load("x".repeat(1_000)));
        assertEquals(1_000, result.getHtml().length());
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }

    private static final String LINK = "<p>refresh</p>";

    /** The bytes an entry of {@code html} counts, plus those of a kept joined string if {@code suffix} is given. */
    private static long entryBytes(CacheKey key, String html, String suffix) {
        long table = key.estimatedBytes() + 2L * html.length();
        return suffix == null ? table : table + 2L * (html.length() + suffix.length()) + 2L * suffix.length();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    public void get_withSuffix_returnsTheTableFollowedByTheSuffixOnce() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        assertEquals("<table/>" + LINK, cache.get(key("a"), 60, false, LINK, () -> load("<table/>")).getHtml());
        ResultCache.Result hit = cache.get(key("a"), 60, false, LINK, () -> load("other"));
        assertEquals(ResultCache.Use.HIT, hit.getUse());
        assertEquals("<table/>" + LINK, hit.getHtml());
        assertEquals(1, occurrences(hit.getHtml(), LINK));
    }

    @Test
    public void get_hitsWithTheSameSuffix_shareOneJoinedString() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, () -> load("<table/>"));
        String first = cache.get(key("a"), 60, false, LINK, () -> load("other")).getHtml();
        // The same instance: a hit for a logged-in viewer does not copy the table again.
        assertSame(first, cache.get(key("a"), 60, false, LINK, () -> load("other")).getHtml());
        assertSame(first, cache.get(key("a"), 60, false, new String(LINK), () -> load("other")).getHtml());
        assertEquals(1, loads.get());
    }

    @Test
    public void get_withoutSuffix_returnsTheTableAlone_afterASuffixedLoad() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, LINK, () -> load("<table/>"));
        ResultCache.Result hit = cache.get(key("a"), 60, false, "", () -> load("other"));
        assertEquals(ResultCache.Use.HIT, hit.getUse());
        assertEquals("<table/>", hit.getHtml());
    }

    @Test
    public void get_anotherSuffix_isJoinedInsteadOfTheKeptOne() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, "<p>en</p>", () -> load("<table/>"));
        assertEquals("<table/><p>de</p>", cache.get(key("a"), 60, false, "<p>de</p>", () -> load("other")).getHtml());
        assertEquals("<table/><p>en</p>", cache.get(key("a"), 60, false, "<p>en</p>", () -> load("other")).getHtml());
        assertEquals(1, loads.get());
    }

    @Test
    public void get_concurrentMissWithSuffix_getsItsOwnSuffixOnTheSharedTable() throws Exception {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<ResultCache.Result> first = executor.submit(() -> cache.get(key("a"), 60, false, "", () -> {
            loading.countDown();
            await(release);
            return load("shared");
        }));
        assertTrue(loading.await(10, TimeUnit.SECONDS));
        Future<ResultCache.Result> second = executor.submit(() -> cache.get(key("a"), 60, false, LINK,
                () -> load("own")));
        // Give the second render time to start waiting for the first one's load, as in the test above.
        Thread.sleep(200);
        assertFalse("the second render must wait for the first one's load", second.isDone());
        release.countDown();
        assertEquals("shared", first.get(10, TimeUnit.SECONDS).getHtml());
        assertEquals("shared" + LINK, second.get(10, TimeUnit.SECONDS).getHtml());
        assertEquals(1, loads.get());
    }

    @Test
    public void bytes_countTheTableAndTheJoinedString() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        String table = "x".repeat(400);
        cache.get(key("a"), 60, false, LINK, () -> load(table));
        assertEquals(entryBytes(key("a"), table, LINK), cache.bytes());
        cache.get(key("b"), 60, false, () -> load(table));
        assertEquals(entryBytes(key("a"), table, LINK) + entryBytes(key("b"), table, null), cache.bytes());
        // A suffix first asked for on a hit is counted when it is kept.
        cache.get(key("b"), 60, false, LINK, () -> load(table));
        assertEquals(entryBytes(key("a"), table, LINK) + entryBytes(key("b"), table, LINK), cache.bytes());
        // Another suffix replaces the kept one: only one joined string is counted per entry.
        String longer = "<p>a longer refresh link</p>";
        cache.get(key("b"), 60, false, longer, () -> load(table));
        assertEquals(entryBytes(key("a"), table, LINK) + entryBytes(key("b"), table, longer), cache.bytes());
        cache.clear();
        assertEquals(0, cache.bytes());
    }

    @Test
    public void get_suffixKeptOnAHitBeyondTheByteBound_evictsTheLeastRecentlyUsed() {
        String table = "x".repeat(400);
        long plain = entryBytes(key("a"), table, null);
        long maxBytes = 3 * plain + 10;
        ResultCache cache = cache(100, maxBytes, 1 << 20);
        for (String sql : new String[] {"a", "b", "c"}) {
            cache.get(key(sql), 60, false, () -> load(table));
        }
        assertEquals(3, cache.size());
        cache.get(key("a"), 60, false, LINK, () -> load(table));
        assertEquals(2, cache.size());
        assertEquals(entryBytes(key("a"), table, LINK) + plain, cache.bytes());
        assertTrue(cache.bytes() <= maxBytes);
        assertEquals(ResultCache.Use.HIT, cache.get(key("a"), 60, false, LINK, () -> load(table)).getUse());
        assertEquals(ResultCache.Use.HIT, cache.get(key("c"), 60, false, () -> load(table)).getUse());
        assertEquals(ResultCache.Use.MISS, cache.get(key("b"), 60, false, () -> load(table)).getUse());
    }

    @Test
    public void get_entryWithJoinedString_isStillEvictedByTheByteBound() {
        String table = "x".repeat(400);
        long maxBytes = entryBytes(key("a"), table, LINK) + entryBytes(key("b"), table, null) + 10;
        ResultCache cache = cache(100, maxBytes, 1 << 20);
        cache.get(key("a"), 60, false, LINK, () -> load(table));
        cache.get(key("b"), 60, false, () -> load(table));
        assertEquals(2, cache.size());
        cache.get(key("c"), 60, false, () -> load(table));
        assertEquals(2, cache.size());
        assertEquals(entryBytes(key("b"), table, null) + entryBytes(key("c"), table, null), cache.bytes());
        assertEquals(ResultCache.Use.MISS, cache.get(key("a"), 60, false, LINK, () -> load(table)).getUse());
    }

    @Test
    public void get_joinedStringBeyondTheEntryBound_keepsTheTableAlone() {
        String table = "x".repeat(400);
        long maxEntryBytes = entryBytes(key("a"), table, null) + 10;
        ResultCache cache = cache(100, 1 << 20, maxEntryBytes);
        assertEquals(table + LINK, cache.get(key("a"), 60, false, LINK, () -> load(table)).getHtml());
        assertEquals(1, cache.size());
        assertEquals(entryBytes(key("a"), table, null), cache.bytes());
        ResultCache.Result hit = cache.get(key("a"), 60, false, LINK, () -> load(table));
        assertEquals(ResultCache.Use.HIT, hit.getUse());
        assertEquals(table + LINK, hit.getHtml());
        assertEquals(entryBytes(key("a"), table, null), cache.bytes());
    }

    @Test
    public void get_concurrentMissesOfOneKey_loadOnce() throws Exception {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<ResultCache.Result> first = executor.submit(() -> cache.get(key("a"), 60, false, () -> {
            loading.countDown();
            await(release);
            return load("shared");
        }));
        assertTrue(loading.await(10, TimeUnit.SECONDS));
        Future<ResultCache.Result> second = executor.submit(() -> cache.get(key("a"), 60, false, () -> load("own")));
        // Without single-flight the second render would load on its own and be done at once.
        Thread.sleep(200);
        assertFalse("the second render must wait for the first one's load", second.isDone());
        release.countDown();
        assertEquals(ResultCache.Use.MISS, first.get(10, TimeUnit.SECONDS).getUse());
        ResultCache.Result shared = second.get(10, TimeUnit.SECONDS);
        assertEquals("shared", shared.getHtml());
        assertEquals(ResultCache.Use.HIT, shared.getUse());
        assertEquals(1, loads.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void clear_emptiesTheCache() {
        ResultCache cache = cache(10, 1 << 20, 1 << 20);
        cache.get(key("a"), 60, false, () -> load("a"));
        cache.clear();
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }
}
