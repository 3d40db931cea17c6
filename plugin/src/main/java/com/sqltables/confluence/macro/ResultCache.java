package com.sqltables.confluence.macro;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Rendered tables kept for macros with {@code cacheSeconds} above 0, on this node only: each cluster
 * node has its own cache, which is fine for a cache (a node may show a result up to
 * {@code cacheSeconds} older than another's). Bounded by {@link #MAX_ENTRIES} entries and
 * {@link #MAX_BYTES} estimated bytes, least recently used first out; a table larger than
 * {@link #MAX_ENTRY_BYTES} is never kept. Errors are never kept.
 *
 * <p>Concurrent misses of one key run the query once: the others wait for that result. A refresh
 * (an author's "Refresh" link) replaces an entry only if it is at least {@link #MIN_REFRESH_AGE_SECONDS}
 * old, so repeated refreshes cannot hammer a database.
 *
 * <p>A render may ask for markup after the table (a logged-in viewer's refresh link). Joining it to a
 * table of hundreds of kilobytes on every hit would copy the table each time, so an entry also keeps
 * the joined string for the last suffix asked for, built once, and counts its bytes towards both
 * bounds. The suffix is matched exactly, so each viewer gets the markup made for them (their page
 * address, their language); another suffix replaces the kept one.
 */
@Named
public class ResultCache {
    public static final int MAX_ENTRIES = 500;
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    public static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024;
    public static final int MIN_REFRESH_AGE_SECONDS = 10;

    /** How a lookup was answered. */
    public enum Use {
        /** From the cache, or from another render's concurrent load: no query ran for this render. */
        HIT,
        /** Loaded: the query ran. */
        MISS,
        /** Loaded because of a refresh request. */
        REFRESH
    }

    /** A table (with the suffix asked for) and how it was obtained. */
    public static final class Result {
        private final String html;
        private final Use use;

        Result(String html, Use use) {
            this.html = html;
            this.use = use;
        }

        /** @return the table followed by the suffix passed to {@code get} */
        public String getHtml() {
            return html;
        }

        public Use getUse() {
            return use;
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long maxEntryBytes;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<CacheKey, CompletableFuture<String>> loading = new ConcurrentHashMap<>();
    private long bytes;

    @Inject
    public ResultCache() {
        this(MAX_ENTRIES, MAX_BYTES, MAX_ENTRY_BYTES, System::nanoTime);
    }

    ResultCache(int maxEntries, long maxBytes, long maxEntryBytes, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.nanoClock = nanoClock;
    }

    /** The same as {@link #get(CacheKey, int, boolean, String, Supplier)} with no suffix. */
    public Result get(CacheKey key, int ttlSeconds, boolean refresh, Supplier<String> loader) {
        return get(key, ttlSeconds, refresh, "", loader);
    }

    /**
     * @param ttlSeconds how old a cached table this render accepts; above 0
     * @param refresh whether the viewer asked to refresh
     * @param suffix markup for this render only, returned after the table (already escaped); empty for none
     * @param loader runs the query and renders the table; its exceptions reach the caller (and any
     *     concurrent caller waiting for the same key) unchanged
     */
    public Result get(CacheKey key, int ttlSeconds, boolean refresh, String suffix, Supplier<String> loader) {
        long now = nanoClock.getAsLong();
        Entry cached = lookup(key);
        if (cached != null) {
            long age = now - cached.createdNanos;
            boolean fresh = age < TimeUnit.SECONDS.toNanos(ttlSeconds);
            boolean refreshable = refresh && age >= TimeUnit.SECONDS.toNanos(MIN_REFRESH_AGE_SECONDS);
            if (fresh && !refreshable) {
                return new Result(withSuffix(key, cached, suffix), Use.HIT);
            }
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return new Result(join(await(running), suffix), Use.HIT);
        }
        try {
            String html = loader.get();
            String joined = join(html, suffix);
            store(key, html, suffix.isEmpty() ? null : new Suffixed(suffix, joined), nanoClock.getAsLong());
            mine.complete(html);
            return new Result(joined, cached != null && refresh ? Use.REFRESH : Use.MISS);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private String withSuffix(CacheKey key, Entry cached, String suffix) {
        if (suffix.isEmpty()) {
            return cached.html;
        }
        Suffixed kept = cached.suffixed;
        if (kept != null && kept.suffix.equals(suffix)) {
            return kept.html;
        }
        Suffixed made = new Suffixed(suffix, join(cached.html, suffix));
        keep(key, cached, made);
        return made.html;
    }

    private static String join(String html, String suffix) {
        return suffix.isEmpty() ? html : html.concat(suffix);
    }

    private static String await(CompletableFuture<String> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    private synchronized Entry lookup(CacheKey key) {
        return entries.get(key);
    }

    private synchronized void store(CacheKey key, String html, Suffixed suffixed, long now) {
        long size = key.estimatedBytes() + 2L * html.length();
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.bytes;
        }
        if (size > maxEntryBytes) {
            return;
        }
        Entry entry = new Entry(html, now, size);
        entries.put(key, entry);
        bytes += size;
        if (suffixed != null && size + suffixed.bytes() <= maxEntryBytes) {
            entry.suffixed = suffixed;
            entry.bytes += suffixed.bytes();
            bytes += suffixed.bytes();
        }
        evict();
    }

    /** Keeps a joined string in an entry, unless the entry has been replaced or dropped meanwhile. */
    private synchronized void keep(CacheKey key, Entry entry, Suffixed suffixed) {
        // A get() also marks the entry as just used, which it is.
        if (entries.get(key) != entry) {
            return;
        }
        Suffixed old = entry.suffixed;
        long size = entry.bytes - (old == null ? 0 : old.bytes()) + suffixed.bytes();
        if (size > maxEntryBytes) {
            // Too large to keep twice: such a table is copied on each hit, as it would be without this.
            return;
        }
        entry.suffixed = suffixed;
        bytes += size - entry.bytes;
        entry.bytes = size;
        evict();
    }

    private void evict() {
        Iterator<Map.Entry<CacheKey, Entry>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes;
            eldest.remove();
        }
    }

    /** Empties the cache (e.g. when the plugin stops, or for tests). */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** @return the number of cached tables */
    public synchronized int size() {
        return entries.size();
    }

    /** @return the estimated bytes held */
    public synchronized long bytes() {
        return bytes;
    }

    private static final class Entry {
        final String html;
        final long createdNanos;
        /** The table's, plus the joined string's if any; guarded by the cache's lock. */
        long bytes;
        /** Written under the cache's lock; read without it on a hit. */
        volatile Suffixed suffixed;

        Entry(String html, long createdNanos, long bytes) {
            this.html = html;
            this.createdNanos = createdNanos;
            this.bytes = bytes;
        }
    }

    /** A table joined to one suffix. */
    private static final class Suffixed {
        final String suffix;
        final String html;

        Suffixed(String suffix, String html) {
            this.suffix = suffix;
            this.html = html;
        }

        long bytes() {
            // The joined string, plus the suffix it is matched against (a string of its own).
            return 2L * html.length() + 2L * suffix.length();
        }
    }
}
