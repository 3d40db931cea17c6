package com.sqltables.confluence.ao;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Converts between the service boundary's {@link Instant} and AO's {@link Date} columns. Times are
 * stored to the second: MySQL/MariaDB {@code DATETIME} columns, as AO creates them, drop fractions,
 * and a value must read back the same on every database.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** @return the instant truncated to whole seconds, or {@code null} */
    public static Instant toSeconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return a Date for an AO column, truncated to whole seconds, or {@code null} */
    public static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(toSeconds(instant));
    }

    /** @return the instant of a Date read from an AO column, or {@code null} */
    public static Instant toInstant(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime());
    }
}
