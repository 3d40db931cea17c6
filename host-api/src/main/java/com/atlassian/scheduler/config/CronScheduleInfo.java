package com.atlassian.scheduler.config;

import java.util.Objects;
import java.util.TimeZone;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/CronScheduleInfo.java; only one source found (plugins reach it through Schedule.getCronScheduleInfo()).
/**
 * Compile-only stand-in for the cron half of a {@link Schedule}: immutable, built only by
 * {@code Schedule}, like the real one.
 */
public final class CronScheduleInfo {

    private final String cronExpression;
    private final TimeZone timeZone;

    CronScheduleInfo(String cronExpression, TimeZone timeZone) {
        this.cronExpression = Objects.requireNonNull(cronExpression, "cronExpression");
        this.timeZone = timeZone;
    }

    public String getCronExpression() {
        return cronExpression;
    }

    /** @return the time zone, or {@code null} for the server's default */
    public TimeZone getTimeZone() {
        return timeZone;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        CronScheduleInfo that = (CronScheduleInfo) other;
        return cronExpression.equals(that.cronExpression) && Objects.equals(timeZone, that.timeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cronExpression, timeZone);
    }

    @Override
    public String toString() {
        return "CronScheduleInfo[cronExpression='" + cronExpression + "',timeZone="
                + (timeZone == null ? null : timeZone.getID()) + ']';
    }
}
