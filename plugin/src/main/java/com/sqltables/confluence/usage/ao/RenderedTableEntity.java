package com.sqltables.confluence.usage.ao;

import java.util.Date;
import net.java.ao.Preload;
import net.java.ao.RawEntity;
import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One SQL table (a {@code sql-table} macro on a page) rendered in one period, identified only by a keyed
 * hash of its page and definition, never by page, title, SQL or name, so the tables in use can be
 * counted without storing which they are. Table {@code AO_40B3A7_RENDERED_TABLE}.
 */
@Preload
@Table("RENDERED_TABLE")
public interface RenderedTableEntity extends RawEntity<Long> {
    String COLUMN_ID = "ID";
    String COLUMN_PERIOD_KEY = "PERIOD_KEY";
    String COLUMN_TABLE_HASH = "TABLE_HASH";
    String COLUMN_PERIOD_HASH = "PERIOD_HASH";
    String COLUMN_CREATED = "CREATED";

    /** @return the row id */
    @AutoIncrement
    @NotNull
    @PrimaryKey(COLUMN_ID)
    long getID();

    /** @return the period, e.g. {@code 2026-11} */
    @NotNull
    @Indexed
    String getPeriodKey();

    void setPeriodKey(String periodKey);

    /** @return the keyed hash of the table's identity (lower-case hex) */
    @NotNull
    @StringLength(128)
    String getTableHash();

    void setTableHash(String tableHash);

    /** @return {@code period:hash}: unique, so a table is counted once per period even under races */
    @NotNull
    @Unique
    @StringLength(160)
    String getPeriodHash();

    void setPeriodHash(String periodHash);

    /** @return when the table was first rendered in the period */
    @NotNull
    Date getCreated();

    void setCreated(Date created);
}
