package com.sqltables.confluence.usage.ao;

import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.usage.CompactionResult;
import java.util.Map;

/**
 * Usage counters per period (e.g. macro renders in {@code 2026-11}), safe for concurrent additions
 * from every cluster node: additions insert rows, reads sum them, compaction merges rows atomically.
 * No increment is ever lost or counted twice.
 *
 * <p>Counter keys: 1–100 characters of letters, digits and {@code . _ : -}. Periods: see
 * {@link com.sqltables.confluence.usage.Periods}.
 */
public interface UsageCounterStore {
    /**
     * Adds {@code delta} (may be negative; zero is ignored) to a counter.
     *
     * @param nodeId the writing cluster node, for diagnosis; may be {@code null}
     * @throws ValidationException on an invalid period or counter key
     */
    void add(String period, String counterKey, long delta, String nodeId);

    /**
     * Adds several counters in one transaction: all or none. Zero deltas are ignored.
     *
     * @throws ValidationException on an invalid period or counter key
     */
    void addAll(String period, Map<String, Long> deltas, String nodeId);

    /** @return the counter's value in the period; 0 if never added to */
    long total(String period, String counterKey);

    /** @return every counter of the period with its value, by key */
    Map<String, Long> totals(String period);

    /**
     * Merges each counter's rows of the period into one row holding their sum, batch by batch, each
     * batch in its own transaction. A batch whose rows another node compacted meanwhile is rolled back
     * and left for next time.
     */
    CompactionResult compact(String period, String nodeId);

    /** @return the number of delta rows deleted: all counters of the period */
    int deletePeriod(String period);
}
