package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import java.util.Date;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/JobRunnerRequest.java and public job runners calling getStartTime()/isCancellationRequested() (space-watcher job, summary e-mail job).
/**
 * Compile-only stand-in for the scheduler's description of one job run. Declared in full (the dev
 * host implements it to run jobs).
 */
public interface JobRunnerRequest {

    Date getStartTime();

    JobId getJobId();

    JobConfig getJobConfig();

    /** @return whether the scheduler asked the running job to stop early */
    boolean isCancellationRequested();
}
