package com.sqltables.confluence.usage;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.sqltables.confluence.usage.ao.ActiveUserStore;
import com.sqltables.confluence.usage.ao.RenderedTableStore;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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
 */
@Named
public class UsageFlushJob implements JobRunner, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(UsageFlushJob.class);
    /** Identifies this node's rows for diagnosis; random, so no host name is stored. */
    private static final String NODE_ID = "node-" + UUID.randomUUID().toString().substring(0, 8);

    private final InMemoryUsageEvents events;
    private final UsageCounterStore counters;
    private final ActiveUserStore activeUsers;
    private final RenderedTableStore tables;
    private final UserKeyHasher hasher;

    @Inject
    public UsageFlushJob(InMemoryUsageEvents events, UsageCounterStore counters, ActiveUserStore activeUsers,
                         RenderedTableStore tables, UserKeyHasher hasher) {
        this.events = Objects.requireNonNull(events, "events");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.activeUsers = Objects.requireNonNull(activeUsers, "activeUsers");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        try {
            int periods = flush();
            return JobRunnerResponse.success("Flushed usage counts of " + periods + " period(s)");
        } catch (RuntimeException e) {
            log.warn("Could not persist usage counts; this minute's counts are lost", e);
            return JobRunnerResponse.failed(e);
        }
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
