package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/IntervalScheduleInfo.java; only one source found (plugins reach it through Schedule.getIntervalScheduleInfo()).
/**
 * Compile-only stand-in for the interval half of a {@link Schedule}: immutable (dates are copied on
 * the way in and out), interval {@code 0} means "run once", negative intervals are refused, like the
 * real one.
 */
public final class IntervalScheduleInfo {

    private final Date firstRunTime;
    private final long intervalInMillis;

    IntervalScheduleInfo(Date firstRunTime, long intervalInMillis) {
        if (intervalInMillis < 0) {
            throw new IllegalArgumentException("intervalInMillis must not be negative");
        }
        this.firstRunTime = copy(firstRunTime);
        this.intervalInMillis = intervalInMillis;
    }

    /** @return a copy of the first run time, or {@code null} for "as soon as possible" */
    public Date getFirstRunTime() {
        return copy(firstRunTime);
    }

    public long getIntervalInMillis() {
        return intervalInMillis;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        IntervalScheduleInfo that = (IntervalScheduleInfo) other;
        return intervalInMillis == that.intervalInMillis && Objects.equals(firstRunTime, that.firstRunTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstRunTime, intervalInMillis);
    }

    @Override
    public String toString() {
        return "IntervalScheduleInfo[firstRunTime=" + firstRunTime + ",intervalInMillis=" + intervalInMillis + ']';
    }

    private static Date copy(Date date) {
        return date == null ? null : new Date(date.getTime());
    }
}
