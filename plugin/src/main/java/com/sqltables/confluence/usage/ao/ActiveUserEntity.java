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
 * One active user in one period, identified only by a keyed hash, never by name or key, so the set
 * can be counted without storing who was active. Table {@code AO_40B3A7_ACTIVE_USER}.
 */
@Preload
@Table("ACTIVE_USER")
public interface ActiveUserEntity extends RawEntity<Long> {
    String COLUMN_ID = "ID";
    String COLUMN_PERIOD_KEY = "PERIOD_KEY";
    String COLUMN_USER_HASH = "USER_HASH";
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

    /** @return the keyed hash of the user (lower-case hex) */
    @NotNull
    @StringLength(128)
    String getUserHash();

    void setUserHash(String userHash);

    /** @return {@code period:hash}: unique, so a user is counted once per period even under races */
    @NotNull
    @Unique
    @StringLength(160)
    String getPeriodHash();

    void setPeriodHash(String periodHash);

    /** @return when the user was first seen in the period */
    @NotNull
    Date getCreated();

    void setCreated(Date created);
}
