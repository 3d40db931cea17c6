package com.sqltables.devhost.services.scheduler;

import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.CronScheduleInfo;
import com.atlassian.scheduler.config.IntervalScheduleInfo;
import com.atlassian.scheduler.config.Schedule;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/** Fire-time arithmetic of atlassian-scheduler schedules; cron expressions use Quartz syntax, as Caesium does. */
final class Schedules {
    private Schedules() {
    }

    static CronExpression cron(CronScheduleInfo info) throws SchedulerServiceException {
        try {
            CronExpression expression = new CronExpression(info.getCronExpression());
            expression.setTimeZone(info.getTimeZone() != null ? info.getTimeZone() : TimeZone.getDefault());
            return expression;
        } catch (ParseException e) {
            throw new SchedulerServiceException("Invalid cron expression '" + info.getCronExpression() + "': " + e.getMessage(), e);
        }
    }

    /** @return the first run of a newly scheduled job, or null when a cron expression never fires again */
    static Instant firstRun(Schedule schedule, Instant now) throws SchedulerServiceException {
        if (schedule.getType() == Schedule.Type.CRON_EXPRESSION) {
            Date next = cron(schedule.getCronScheduleInfo()).getNextValidTimeAfter(Date.from(now));
            return next == null ? null : next.toInstant();
        }
        IntervalScheduleInfo info = schedule.getIntervalScheduleInfo();
        return info.getFirstRunTime() == null ? now : info.getFirstRunTime().toInstant();
    }

    /**
     * @return the run after the one nominally due at {@code fired}, skipping runs missed before {@code now} (a node
     * that was down runs a missed job once, not once per missed firing); null when the schedule is exhausted
     */
    static Instant following(Schedule schedule, Instant fired, Instant now) throws SchedulerServiceException {
        if (schedule.getType() == Schedule.Type.CRON_EXPRESSION) {
            CronExpression cron = cron(schedule.getCronScheduleInfo());
            Date next = cron.getNextValidTimeAfter(Date.from(fired));
            if (next != null && !next.toInstant().isAfter(now)) {
                next = cron.getNextValidTimeAfter(Date.from(now));
            }
            return next == null ? null : next.toInstant();
        }
        long interval = schedule.getIntervalScheduleInfo().getIntervalInMillis();
        if (interval == 0) {
            return null;
        }
        long next = fired.toEpochMilli() + interval;
        if (next <= now.toEpochMilli()) {
            long missed = (now.toEpochMilli() - next) / interval + 1;
            next += missed * interval;
        }
        return Instant.ofEpochMilli(next);
    }

    /** What the Scheduled Jobs page shows as the schedule. */
    static String describe(Schedule schedule) {
        if (schedule.getType() == Schedule.Type.CRON_EXPRESSION) {
            return schedule.getCronScheduleInfo().getCronExpression();
        }
        long interval = schedule.getIntervalScheduleInfo().getIntervalInMillis();
        return interval == 0 ? "once" : "every " + interval + " ms";
    }
}
