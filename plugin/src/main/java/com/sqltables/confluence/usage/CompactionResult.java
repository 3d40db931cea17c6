package com.sqltables.confluence.usage;

import java.util.Objects;

/** What one compaction of a period's usage counters did. Immutable. */
public final class CompactionResult {
    private final String period;
    private final int rowsBefore;
    private final int rowsAfter;
    private final int conflicts;

    public CompactionResult(String period, int rowsBefore, int rowsAfter, int conflicts) {
        this.period = period;
        this.rowsBefore = rowsBefore;
        this.rowsAfter = rowsAfter;
        this.conflicts = conflicts;
    }

    /** @return the compacted period */
    public String getPeriod() {
        return period;
    }

    /** @return delta rows of the period before compacting */
    public int getRowsBefore() {
        return rowsBefore;
    }

    /** @return delta rows of the period after compacting (other nodes may have added some meanwhile) */
    public int getRowsAfter() {
        return rowsAfter;
    }

    /**
     * @return batches rolled back because another node compacted the same rows at the same time; their
     *         rows are left for the next compaction, nothing is lost
     */
    public int getConflicts() {
        return conflicts;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CompactionResult)) {
            return false;
        }
        CompactionResult that = (CompactionResult) o;
        return rowsBefore == that.rowsBefore && rowsAfter == that.rowsAfter && conflicts == that.conflicts
                && Objects.equals(period, that.period);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, rowsBefore, rowsAfter, conflicts);
    }

    @Override
    public String toString() {
        return "CompactionResult{period=" + period + ", rows " + rowsBefore + " -> " + rowsAfter + ", conflicts=" + conflicts + "}";
    }
}
