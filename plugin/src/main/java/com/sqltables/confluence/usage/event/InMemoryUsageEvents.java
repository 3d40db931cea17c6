package com.sqltables.confluence.usage.event;

import com.sqltables.confluence.usage.Periods;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Counts macro renders in memory, per calendar month (UTC), with {@link LongAdder}s: no lock, no I/O,
 * no database write on the render path. The usage report's flush calls {@link #drain()} and persists
 * what it gets; every increment lands in exactly one drain, even while renders continue. What has not
 * been drained when a node stops is lost: these are usage statistics, not accounts.
 *
 * <p>The viewers' user keys are kept as a set per month, at most {@link #MAX_ACTIVE_USERS} between two
 * drains; more are counted as {@link UsageCounter#ACTIVE_USERS_DROPPED}. Likewise the tables rendered
 * (their {@link MacroRender#getTableKey() table keys}, only for outputs that show a table in use),
 * at most {@link #MAX_TABLES}; more are counted as {@link UsageCounter#TABLES_DROPPED}.
 */
@Named
public class InMemoryUsageEvents implements UsageEvents {
    /** Bounds memory between two drains (a user key is short: about 100 bytes each). */
    public static final int MAX_ACTIVE_USERS = 200_000;

    /** Bounds memory between two drains (a table key is 32 characters: about 90 bytes each). */
    public static final int MAX_TABLES = 200_000;

    /** Prefix of {@link #savedQueryRendersKey(long)}; the id follows. */
    public static final String SAVED_QUERY_RENDERS_PREFIX = "savedquery.renders.";

    private static final long FORGET_AFTER_MILLIS = 24L * 60 * 60 * 1000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Bucket current;

    @Inject
    public InMemoryUsageEvents() {
        this(Clock.systemUTC());
    }

    /** @param clock the time source deciding the month of each render */
    public InMemoryUsageEvents(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void macroRendered(MacroRender render) {
        if (render == null) {
            return;
        }
        Bucket bucket = bucket();
        bucket.add(UsageCounter.RENDERS);
        switch (render.getQuerySource()) {
            case SAVED:
                bucket.add(UsageCounter.QUERY_SAVED);
                break;
            case INLINE:
                bucket.add(UsageCounter.QUERY_INLINE);
                break;
            default:
                break;
        }
        bucket.addIf(render.getMacroParameters() > 0, UsageCounter.WITH_MACRO_PARAMETERS);
        bucket.addIf(render.getUrlParameters() > 0, UsageCounter.WITH_URL_PARAMETERS);
        bucket.addIf(render.getContextParameters() > 0, UsageCounter.WITH_CONTEXT_PARAMETERS);
        UsageCounter cache = UsageCounter.of(render.getCacheUse());
        if (cache != null) {
            bucket.add(cache);
        }
        bucket.addIf(render.isRowNumbers(), UsageCounter.ROW_NUMBERS);
        bucket.addIf(render.isCaption(), UsageCounter.CAPTION);
        bucket.addIf(render.isNumberFormat(), UsageCounter.NUMBER_FORMAT);
        bucket.addIf(render.isDateFormat(), UsageCounter.DATE_FORMAT);
        bucket.addIf(render.isColumnAlignment(), UsageCounter.COLUMN_ALIGNMENT);
        bucket.addIf(render.isRowCapLowered(), UsageCounter.ROW_CAP_LOWERED);
        bucket.add(UsageCounter.of(render.getOutput()));
        bucket.add(UsageCounter.of(render.getOutcome()));
        if (render.getViewerUserKey() != null) {
            bucket.viewers.add(render.getViewerUserKey());
        }
        if (render.getTableKey() != null && render.getOutput().isTableInUse()) {
            bucket.tables.add(render.getTableKey());
        }
        if (render.getSavedQueryId() != null) {
            bucket.addSavedQuery(render.getSavedQueryId());
        }
    }

    /**
     * The counter key of one saved query's renders: its id, never its name. Drained with the other
     * counters, so the flush persists it; the usage report reads only {@link UsageCounter} keys.
     */
    public static String savedQueryRendersKey(long savedQueryId) {
        return SAVED_QUERY_RENDERS_PREFIX + savedQueryId;
    }

    /**
     * Takes everything counted so far, period by period (oldest first), and resets it. Safe while
     * renders continue: a concurrent increment goes to this drain or to the next, never to both or
     * neither.
     *
     * @return one snapshot per period with anything counted; empty when nothing was
     */
    public List<UsageSnapshot> drain() {
        long now = clock.millis();
        List<String> periods = new ArrayList<>(buckets.keySet());
        periods.sort(null);
        List<UsageSnapshot> snapshots = new ArrayList<>();
        for (String period : periods) {
            Bucket bucket = buckets.get(period);
            if (bucket == null) {
                continue;
            }
            UsageSnapshot snapshot = bucket.drain();
            if (!snapshot.isEmpty()) {
                snapshots.add(snapshot);
            }
            // A month is forgotten a day after it ended: no render started in it can still be adding.
            if (snapshot.isEmpty() && now >= bucket.endMillis + FORGET_AFTER_MILLIS) {
                buckets.remove(period, bucket);
            }
        }
        return snapshots;
    }

    private Bucket bucket() {
        long now = clock.millis();
        Bucket bucket = current;
        if (bucket != null && now >= bucket.startMillis && now < bucket.endMillis) {
            return bucket;
        }
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        String period = Periods.of(month);
        bucket = buckets.computeIfAbsent(period, p -> new Bucket(p, month));
        current = bucket;
        return bucket;
    }

    /** The counts of one month. */
    private static final class Bucket {
        private final String period;
        private final long startMillis;
        private final long endMillis;
        private final LongAdder[] counters = new LongAdder[UsageCounter.values().length];
        private final BoundedKeys viewers;
        private final BoundedKeys tables;
        // Bounded by the number of saved queries; an entry stays (at zero) until the month is forgotten.
        private final ConcurrentHashMap<Long, LongAdder> savedQueries = new ConcurrentHashMap<>();

        Bucket(String period, YearMonth month) {
            this.period = period;
            this.startMillis = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            this.endMillis = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            for (int i = 0; i < counters.length; i++) {
                counters[i] = new LongAdder();
            }
            this.viewers = new BoundedKeys(MAX_ACTIVE_USERS, counters[UsageCounter.ACTIVE_USERS_DROPPED.ordinal()]);
            this.tables = new BoundedKeys(MAX_TABLES, counters[UsageCounter.TABLES_DROPPED.ordinal()]);
        }

        void add(UsageCounter counter) {
            counters[counter.ordinal()].increment();
        }

        void addIf(boolean condition, UsageCounter counter) {
            if (condition) {
                add(counter);
            }
        }

        void addSavedQuery(long id) {
            savedQueries.computeIfAbsent(id, k -> new LongAdder()).increment();
        }

        UsageSnapshot drain() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (UsageCounter counter : UsageCounter.values()) {
                // sumThenReset takes each cell with getAndSet, so no increment is lost or counted twice.
                long count = counters[counter.ordinal()].sumThenReset();
                if (count != 0) {
                    counts.put(counter.key(), count);
                }
            }
            List<Long> ids = new ArrayList<>(savedQueries.keySet());
            ids.sort(null);
            for (Long id : ids) {
                long count = savedQueries.get(id).sumThenReset();
                if (count != 0) {
                    counts.put(savedQueryRendersKey(id), count);
                }
            }
            return new UsageSnapshot(period, counts, viewers.drain(), tables.drain());
        }
    }

    /** A set of at most {@code max} keys between two drains; a key beyond that only increments {@code dropped}. */
    private static final class BoundedKeys {
        private final int max;
        private final LongAdder dropped;
        private final ConcurrentHashMap<String, Boolean> keys = new ConcurrentHashMap<>();
        private final AtomicInteger size = new AtomicInteger();

        BoundedKeys(int max, LongAdder dropped) {
            this.max = max;
            this.dropped = dropped;
        }

        void add(String key) {
            if (keys.containsKey(key)) {
                return;
            }
            if (size.incrementAndGet() > max) {
                size.decrementAndGet();
                dropped.increment();
                return;
            }
            if (keys.putIfAbsent(key, Boolean.TRUE) != null) {
                size.decrementAndGet();
            }
        }

        Set<String> drain() {
            Set<String> drained = new LinkedHashSet<>();
            for (Iterator<String> it = keys.keySet().iterator(); it.hasNext(); ) {
                String key = it.next();
                // Removing key by key (not clearing) keeps a key added meanwhile for the next drain.
                if (keys.remove(key) != null) {
                    size.decrementAndGet();
                    drained.add(key);
                }
            }
            return drained;
        }
    }
}
