package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.status.RunDetails;
import java.util.List;
import java.util.Map;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/SchedulerHistoryService.java and Jira's public SchedulerAdmin action / OfBiz run-details store (getLastRunForJob(JobId) returning RunDetails).
/**
 * Compile-only stand-in for the scheduler's record of past runs. Declared in full.
 */
public interface SchedulerHistoryService {

    /** @return the last run of the job, or {@code null} */
    RunDetails getLastRunForJob(JobId jobId);

    /** @return the last successful run of the job, or {@code null} */
    RunDetails getLastSuccessfulRunForJob(JobId jobId);

    Map<JobId, RunDetails> getLastRunForJobs(List<JobId> jobIds);
}
