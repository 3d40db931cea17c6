package com.sqltables.confluence.usage.ao;

import static com.sqltables.confluence.usage.ao.UsageDeltaEntity.COLUMN_COUNTER_KEY;
import static com.sqltables.confluence.usage.ao.UsageDeltaEntity.COLUMN_DELTA;
import static com.sqltables.confluence.usage.ao.UsageDeltaEntity.COLUMN_ID;
import static com.sqltables.confluence.usage.ao.UsageDeltaEntity.COLUMN_PERIOD_KEY;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.StoredValues;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.usage.CompactionResult;
import com.sqltables.confluence.usage.Periods;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link UsageCounterStore} on Active Objects: append-only delta rows, summed on read. */
@Named
public class DefaultUsageCounterStore implements UsageCounterStore {
    /** Rows merged per transaction; also bounds the {@code IN} list (Oracle allows 1000). */
    static final int COMPACTION_BATCH = 500;
    /** Batches per counter and call, so that a compaction ends even while nodes keep adding. */
    static final int MAX_BATCHES_PER_COUNTER = 200;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultUsageCounterStore.class);
    private static final Pattern COUNTER_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_NODE_ID_LENGTH = 255;

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultUsageCounterStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultUsageCounterStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void add(String period, String counterKey, long delta, String nodeId) {
        addAll(period, Collections.singletonMap(counterKey, delta), nodeId);
    }

    @Override
    public void addAll(String period, Map<String, Long> deltas, String nodeId) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        String node = errors.optionalLine("nodeId", nodeId, MAX_NODE_ID_LENGTH);
        Map<String, Long> nonZero = new TreeMap<>();
        if (deltas == null) {
            errors.add("deltas", "are required");
        } else {
            deltas.forEach((key, delta) -> {
                checkCounterKey(errors, key);
                if (delta == null) {
                    errors.add("deltas", "must not contain null values (counter '" + key + "')");
                } else if (delta != 0) {
                    nonZero.put(key, delta);
                }
            });
        }
        errors.throwIfAny();
        if (nonZero.isEmpty()) {
            return;
        }
        ao.executeInTransaction(() -> {
            java.util.Date now = Timestamps.toDate(clock.instant());
            nonZero.forEach((key, delta) -> insert(period, key, delta, node, now));
            return null;
        });
    }

    @Override
    public long total(String period, String counterKey) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        checkCounterKey(errors, counterKey);
        errors.throwIfAny();
        long[] sum = {0};
        // One statement reads all rows: a compaction commits atomically, so it is seen wholly or not at all.
        ao.stream(UsageDeltaEntity.class, Query.select(COLUMN_ID + ", " + COLUMN_DELTA)
                        .where(COLUMN_PERIOD_KEY + " = ? AND " + COLUMN_COUNTER_KEY + " = ?", period, counterKey),
                row -> sum[0] = Math.addExact(sum[0], row.getDelta()));
        return sum[0];
    }

    @Override
    public Map<String, Long> totals(String period) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        errors.throwIfAny();
        Map<String, Long> totals = new TreeMap<>();
        ao.stream(UsageDeltaEntity.class, Query.select(COLUMN_ID + ", " + COLUMN_COUNTER_KEY + ", " + COLUMN_DELTA)
                        .where(COLUMN_PERIOD_KEY + " = ?", period),
                row -> totals.merge(row.getCounterKey(), row.getDelta(), Math::addExact));
        return Collections.unmodifiableMap(totals);
    }

    @Override
    public CompactionResult compact(String period, String nodeId) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        String node = errors.optionalLine("nodeId", nodeId, MAX_NODE_ID_LENGTH);
        errors.throwIfAny();
        Map<String, Integer> rowsPerCounter = rowsPerCounter(period);
        int rowsBefore = 0;
        for (int rows : rowsPerCounter.values()) {
            rowsBefore += rows;
        }
        int conflicts = 0;
        for (Map.Entry<String, Integer> counter : rowsPerCounter.entrySet()) {
            // A counter already in one row costs no transaction: the flush job compacts every few minutes,
            // mostly periods whose counters are nearly all compacted already.
            if (counter.getValue() < 2) {
                continue;
            }
            String counterKey = counter.getKey();
            for (int batch = 0; batch < MAX_BATCHES_PER_COUNTER; batch++) {
                BatchOutcome outcome = compactBatch(period, counterKey, node);
                if (outcome == BatchOutcome.CONFLICT) {
                    conflicts++;
                }
                if (outcome != BatchOutcome.MERGED) {
                    break;
                }
            }
        }
        int rowsAfter = ao.count(UsageDeltaEntity.class, COLUMN_PERIOD_KEY + " = ?", period);
        return new CompactionResult(period, rowsBefore, rowsAfter, conflicts);
    }

    @Override
    public int deletePeriod(String period) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        errors.throwIfAny();
        return ao.executeInTransaction(() -> ao.deleteWithSQL(UsageDeltaEntity.class, COLUMN_PERIOD_KEY + " = ?", period));
    }

    private enum BatchOutcome { MERGED, NOTHING_TO_DO, CONFLICT }

    /**
     * Sums the oldest rows of a counter, deletes exactly those rows and inserts their sum, in one
     * transaction. If the delete removes fewer rows than were read, another node compacted some of them
     * concurrently: rolling back leaves every row as it was, so nothing is lost or counted twice.
     */
    private BatchOutcome compactBatch(String period, String counterKey, String node) {
        try {
            return ao.executeInTransaction(() -> {
                UsageDeltaEntity[] rows = ao.find(UsageDeltaEntity.class, Query.select()
                        .where(COLUMN_PERIOD_KEY + " = ? AND " + COLUMN_COUNTER_KEY + " = ?", period, counterKey)
                        .order(COLUMN_ID + " ASC")
                        .limit(COMPACTION_BATCH));
                if (rows.length < 2) {
                    return BatchOutcome.NOTHING_TO_DO;
                }
                long sum = 0;
                Object[] ids = new Object[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    sum = Math.addExact(sum, rows[i].getDelta());
                    ids[i] = rows[i].getID();
                }
                int deleted = ao.deleteWithSQL(UsageDeltaEntity.class, StoredValues.inCriteria(COLUMN_ID, ids.length), ids);
                if (deleted != rows.length) {
                    throw new CompactedConcurrently(deleted, rows.length);
                }
                insert(period, counterKey, sum, node, Timestamps.toDate(clock.instant()));
                return BatchOutcome.MERGED;
            });
        } catch (CompactedConcurrently e) {
            LOG.debug("Compaction of {} in {} rolled back: {}", counterKey, period, e.getMessage());
            return BatchOutcome.CONFLICT;
        } catch (RuntimeException e) {
            if (SqlFailures.isConcurrencyFailure(e)) {
                LOG.debug("Compaction of {} in {} rolled back by the database: {}", counterKey, period, e.toString());
                return BatchOutcome.CONFLICT;
            }
            throw e;
        }
    }

    private Map<String, Integer> rowsPerCounter(String period) {
        Map<String, Integer> rows = new TreeMap<>();
        ao.stream(UsageDeltaEntity.class, Query.select(COLUMN_ID + ", " + COLUMN_COUNTER_KEY)
                        .where(COLUMN_PERIOD_KEY + " = ?", period),
                row -> rows.merge(row.getCounterKey(), 1, Integer::sum));
        return rows;
    }

    private void insert(String period, String counterKey, long delta, String node, java.util.Date now) {
        Map<String, Object> row = new HashMap<>();
        row.put(COLUMN_COUNTER_KEY, counterKey);
        row.put(COLUMN_PERIOD_KEY, period);
        row.put(COLUMN_DELTA, delta);
        if (node != null) {
            row.put(UsageDeltaEntity.COLUMN_NODE_ID, node);
        }
        row.put(UsageDeltaEntity.COLUMN_CREATED, now);
        ao.create(UsageDeltaEntity.class, row);
    }

    private static void checkPeriod(FieldErrors errors, String period) {
        String problem = Periods.problem(period);
        if (problem != null) {
            errors.add("period", problem);
        }
    }

    private static void checkCounterKey(FieldErrors errors, String counterKey) {
        if (counterKey == null || !COUNTER_KEY.matcher(counterKey).matches()) {
            errors.add("counterKey", "must be 1 to 100 letters, digits or . _ : - (was '" + counterKey + "')");
        }
    }

    /** Another node deleted some of the rows this batch read: the batch must roll back. */
    private static final class CompactedConcurrently extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompactedConcurrently(int deleted, int read) {
            super("deleted " + deleted + " of the " + read + " rows read", null, false, false);
        }
    }
}
