package com.atlassian.scheduler.status;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import java.io.Serializable;
import java.util.Date;
import java.util.Map;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/status/JobDetails.java and public callers of getNextRunTime()/isRunnable()/getParameters() (Jira DefaultSubscriptionManager, scheduler tests).
/**
 * Compile-only stand-in for what the scheduler knows about a scheduled job. Declared in full (the
 * dev host's scheduler returns instances).
 */
public interface JobDetails {

    JobId getJobId();

    JobRunnerKey getJobRunnerKey();

    RunMode getRunMode();

    Schedule getSchedule();

    /** @return the next run time, or {@code null} if the job will not run again */
    Date getNextRunTime();

    Map<String, Serializable> getParameters();

    /** @return whether a runner is registered and the parameters can be read */
    boolean isRunnable();
}
