package com.sqltables.confluence.usage.ao;

import java.util.Date;
import net.java.ao.Preload;
import net.java.ao.RawEntity;
import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.Table;

/**
 * One increment of a usage counter in a period. Rows are only ever inserted, and deleted by
 * compaction, which replaces a set of rows by one row holding their sum in the same transaction; a
 * counter's value is the sum of its rows. So cluster nodes add concurrently without losing increments,
 * although AO offers no {@code UPDATE … SET n = n + ?}. Table {@code AO_40B3A7_USAGE_DELTA}.
 *
 * <p>The id is a {@code long}: this table sees a new row per flush, forever.
 */
@Preload
@Table("USAGE_DELTA")
public interface UsageDeltaEntity extends RawEntity<Long> {
    String COLUMN_ID = "ID";
    String COLUMN_COUNTER_KEY = "COUNTER_KEY";
    String COLUMN_PERIOD_KEY = "PERIOD_KEY";
    String COLUMN_DELTA = "DELTA";
    String COLUMN_NODE_ID = "NODE_ID";
    String COLUMN_CREATED = "CREATED";

    /** @return the row id, increasing with every insert */
    @AutoIncrement
    @NotNull
    @PrimaryKey(COLUMN_ID)
    long getID();

    /** @return what is counted, e.g. {@code macro.render} */
    @NotNull
    @Indexed
    String getCounterKey();

    void setCounterKey(String counterKey);

    /** @return the period the increment belongs to, e.g. {@code 2026-11} */
    @NotNull
    @Indexed
    String getPeriodKey();

    void setPeriodKey(String periodKey);

    /** @return the amount added (a sum, after compaction) */
    @NotNull
    long getDelta();

    void setDelta(long delta);

    /** @return the cluster node that wrote the row, for diagnosis, or {@code null} */
    String getNodeId();

    void setNodeId(String nodeId);

    /** @return when the row was written */
    @NotNull
    Date getCreated();

    void setCreated(Date created);
}
