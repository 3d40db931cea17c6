package com.sqltables.confluence.usage;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.sqltables.confluence.usage.ao.ActiveUserStore;
import com.sqltables.confluence.usage.ao.RenderedTableStore;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Persists this node's in-memory usage counts: every minute (the {@code usage-flush} job-config, run on
 * every node) and when the plugin stops. Counters go to the store as additive deltas, so flushes of
 * several nodes never overwrite each other; viewers go to the period's set of active users and tables
 * to its set of rendered tables, both as keyed hashes ({@link UserKeyHasher}). The render path never
 * writes: it only counts in memory.
 *
 * <p>Each store call runs in its own transaction, outside any other: a racing insert of the same
 * active user or table is rejected by a unique constraint, which on PostgreSQL would spoil a shared transaction.
 * A flush that fails loses the counts it drained (usage statistics, not accounts); it is logged.
 *
 * <p>Every {@link #COMPACT_EVERY_RUNS}th run also compacts the counters of the current and the previous
 * month ({@link UsageCounterStore#compact}), so that a period keeps about one row per counter plus
 * what the nodes flushed since the last compaction, instead of a row per counter, node and minute.
 */
@Named
public class UsageFlushJob implements JobRunner, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(UsageFlushJob.class);
    /** Identifies this node's rows for diagnosis; random, so no host name is stored. */
    private static final String NODE_ID = "node-" + UUID.randomUUID().toString().substring(0, 8);
    /**
     * Compaction runs on every this many runs of the job (every 10 minutes), not after every flush and
     * not when a row count crosses a threshold: a fixed rhythm costs no extra query on the other runs,
     * keeps a period at most about {@code counters × (1 + 10 × nodes)} rows, and a compaction of an
     * already compacted period is only two cheap reads. Each node starts at a random phase, so a
     * cluster started at once spreads its compactions over the 10 minutes; when two nodes still compact
     * the same rows at once, the store rolls one back and nothing is lost or counted twice.
     */
    static final int COMPACT_EVERY_RUNS = 10;

    private final InMemoryUsageEvents events;
    private final UsageCounterStore counters;
    private final ActiveUserStore activeUsers;
    private final RenderedTableStore tables;
    private final UserKeyHasher hasher;
    private final Clock clock;
    private final int compactEveryRuns;
    private final AtomicLong runs;

    @Inject
    public UsageFlushJob(InMemoryUsageEvents events, UsageCounterStore counters, ActiveUserStore activeUsers,
                         RenderedTableStore tables, UserKeyHasher hasher) {
        this(events, counters, activeUsers, tables, hasher, Clock.systemUTC(), COMPACT_EVERY_RUNS,
                ThreadLocalRandom.current().nextInt(COMPACT_EVERY_RUNS));
    }

    /**
     * @param clock decides which months are current and previous (the same clock as {@code events}')
     * @param compactEveryRuns compaction runs on every this many runs of {@link #runJob}
     * @param runsBeforeFirstCompaction runs without compaction before the first one with it
     */
    UsageFlushJob(InMemoryUsageEvents events, UsageCounterStore counters, ActiveUserStore activeUsers,
                  RenderedTableStore tables, UserKeyHasher hasher, Clock clock, int compactEveryRuns,
                  int runsBeforeFirstCompaction) {
        this.events = Objects.requireNonNull(events, "events");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.activeUsers = Objects.requireNonNull(activeUsers, "activeUsers");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (compactEveryRuns < 1 || runsBeforeFirstCompaction < 0) {
            throw new IllegalArgumentException("compactEveryRuns must be at least 1 (was " + compactEveryRuns
                    + ") and runsBeforeFirstCompaction at least 0 (was " + runsBeforeFirstCompaction + ")");
        }
        this.compactEveryRuns = compactEveryRuns;
        // The run that makes the count a multiple of compactEveryRuns compacts.
        this.runs = new AtomicLong(compactEveryRuns - 1 - (runsBeforeFirstCompaction % compactEveryRuns));
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        int periods;
        try {
            periods = flush();
        } catch (RuntimeException e) {
            log.warn("Could not persist usage counts; this minute's counts are lost", e);
            return JobRunnerResponse.failed(e);
        }
        String message = "Flushed usage counts of " + periods + " period(s)";
        if (runs.incrementAndGet() % compactEveryRuns == 0) {
            try {
                message += "; " + compact();
            } catch (RuntimeException e) {
                // The counts are written; uncompacted rows only cost reading time until the next compaction.
                log.warn("Could not compact the usage counters; the next compaction will", e);
                message += "; compaction failed (" + e.getClass().getSimpleName() + ", see the log)";
            }
        }
        return JobRunnerResponse.success(message);
    }

    /**
     * Compacts the counters of the current and the previous month (UTC): the months a flush can still
     * write to, since a month's in-memory counts are flushed up to a day after it ended. Older months
     * were compacted after their last flush.
     *
     * @return what it did, for the job's run history
     */
    public String compact() {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        List<String> done = new ArrayList<>();
        for (YearMonth month : new YearMonth[] {current.minusMonths(1), current}) {
            CompactionResult result = counters.compact(Periods.of(month), NODE_ID);
            done.add(result.getPeriod() + " " + result.getRowsBefore() + " -> " + result.getRowsAfter() + " rows"
                    + (result.getConflicts() > 0 ? " (" + result.getConflicts() + " left to another node)" : ""));
        }
        return "compacted " + String.join(", ", done);
    }

    /**
     * Drains the in-memory counts and writes them.
     *
     * @return how many periods had something to write
     */
    public synchronized int flush() {
        List<UsageSnapshot> snapshots = events.drain();
        RuntimeException failure = null;
        for (UsageSnapshot snapshot : snapshots) {
            try {
                counters.addAll(snapshot.getPeriod(), snapshot.getCounters(), NODE_ID);
                for (String userKey : snapshot.getActiveUserKeys()) {
                    activeUsers.record(snapshot.getPeriod(), hasher.hash(userKey));
                }
                for (String tableKey : snapshot.getTableKeys()) {
                    tables.record(snapshot.getPeriod(), hasher.hashTable(tableKey));
                }
            } catch (RuntimeException e) {
                // Other periods are still written; the first failure is reported to the scheduler.
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return snapshots.size();
    }

    /** The plugin stops (disabled, upgraded, node shut down): write what was counted since the last run. */
    @Override
    public void destroy() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not persist usage counts at shutdown; they are lost", e);
        }
    }
}
