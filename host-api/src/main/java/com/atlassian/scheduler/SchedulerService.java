package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;
import java.util.Date;
import java.util.List;
import java.util.Set;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/SchedulerService.java and public plugins (JTricks job, Jira DefaultSubscriptionManager, kintosoft subversion ALM scheduler).
/**
 * Compile-only stand-in for the cluster-aware scheduler. Declared in full (all of its types are in
 * this module) so a fake in the dev host has the same shape as the real service.
 */
public interface SchedulerService {

    void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner);

    void unregisterJobRunner(JobRunnerKey jobRunnerKey);

    Set<JobRunnerKey> getRegisteredJobRunnerKeys();

    Set<JobRunnerKey> getJobRunnerKeysForAllScheduledJobs();

    void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException;

    JobId scheduleJobWithGeneratedId(JobConfig jobConfig) throws SchedulerServiceException;

    void unscheduleJob(JobId jobId);

    /** @return the next time the schedule fires, or {@code null} if it never will */
    Date calculateNextRunTime(Schedule schedule) throws SchedulerServiceException;

    /** @return the job, or {@code null} if no such job is scheduled */
    JobDetails getJobDetails(JobId jobId);

    List<JobDetails> getJobsByJobRunnerKey(JobRunnerKey jobRunnerKey);

    List<JobDetails> getJobsByJobRunnerKeys(List<JobRunnerKey> jobRunnerKeys);
}
