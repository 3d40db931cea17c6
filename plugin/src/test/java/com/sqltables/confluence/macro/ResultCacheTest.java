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
        return new CacheKey(1, 1, sql, List.of(), 100, null, false, TableFormat.DEFAULT, false);
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
        cache.get(new CacheKey(1, 2, "a", List.of(), 100, null, false, TableFormat.DEFAULT, false), 60, false,
                () -> load("revision 2"));
        cache.get(new CacheKey(1, 1, "a", List.of(), 50, null, false, TableFormat.DEFAULT, false), 60, false,
                () -> load("cap 50"));
        cache.get(new CacheKey(1, 1, "a", List.of(), 100, null, false, TableFormat.DEFAULT, true), 60, false,
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
