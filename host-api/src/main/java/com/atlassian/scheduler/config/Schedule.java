package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/Schedule.java and public plugins calling forInterval(long, Date), forCronExpression(String), runOnce(null).
/**
 * Compile-only stand-in for when a job runs: either a cron expression (with an optional time zone)
 * or an interval from a first run time. Immutable; there is no one-argument {@code forInterval}.
 */
public final class Schedule {

    private final Type type;
    private final IntervalScheduleInfo intervalScheduleInfo;
    private final CronScheduleInfo cronScheduleInfo;

    private Schedule(Type type, IntervalScheduleInfo intervalScheduleInfo, CronScheduleInfo cronScheduleInfo) {
        this.type = type;
        this.intervalScheduleInfo = intervalScheduleInfo;
        this.cronScheduleInfo = cronScheduleInfo;
    }

    public static Schedule forCronExpression(String cronExpression) {
        return forCronExpression(cronExpression, null);
    }

    public static Schedule forCronExpression(String cronExpression, TimeZone timeZone) {
        return new Schedule(Type.CRON_EXPRESSION, null, new CronScheduleInfo(cronExpression, timeZone));
    }

    /** @param runTime when to run, or {@code null} for "as soon as possible" */
    public static Schedule runOnce(Date runTime) {
        return forInterval(0L, runTime);
    }

    /**
     * @param intervalInMillis time between runs; {@code 0} runs once
     * @param firstRunTime first run, or {@code null} for "as soon as possible"
     */
    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(Type.INTERVAL, new IntervalScheduleInfo(firstRunTime, intervalInMillis), null);
    }

    /** @return the interval details, or {@code null} for a cron schedule */
    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return intervalScheduleInfo;
    }

    /** @return the cron details, or {@code null} for an interval schedule */
    public CronScheduleInfo getCronScheduleInfo() {
        return cronScheduleInfo;
    }

    public Type getType() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        Schedule that = (Schedule) other;
        return type == that.type
                && Objects.equals(intervalScheduleInfo, that.intervalScheduleInfo)
                && Objects.equals(cronScheduleInfo, that.cronScheduleInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, intervalScheduleInfo, cronScheduleInfo);
    }

    @Override
    public String toString() {
        return "Schedule[type=" + type + ','
                + (type == Type.CRON_EXPRESSION
                        ? "cronScheduleInfo=" + cronScheduleInfo
                        : "intervalScheduleInfo=" + intervalScheduleInfo)
                + ']';
    }

    /** Which kind of schedule this is. */
    public enum Type {
        CRON_EXPRESSION,
        INTERVAL
    }
}
