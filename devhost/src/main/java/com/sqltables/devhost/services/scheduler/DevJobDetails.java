package com.sqltables.devhost.services.scheduler;

import com.atlassian.scheduler.SchedulerRuntimeException;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;

import java.io.Serializable;
import java.util.Date;
import java.util.Map;

/** A scheduled job as {@code getJobDetails} reports it. */
final class DevJobDetails implements JobDetails {
    private final JobId jobId;
    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;
    private final Date nextRunTime;
    private final Map<String, Serializable> parameters;
    private final String parameterProblem;
    private final boolean runnable;

    DevJobDetails(JobId jobId, JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule, Date nextRunTime,
                  Map<String, Serializable> parameters, String parameterProblem, boolean runnable) {
        this.jobId = jobId;
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode;
        this.schedule = schedule;
        this.nextRunTime = nextRunTime;
        this.parameters = parameters;
        this.parameterProblem = parameterProblem;
        this.runnable = runnable && parameterProblem == null;
    }

    @Override
    public JobId getJobId() {
        return jobId;
    }

    @Override
    public JobRunnerKey getJobRunnerKey() {
        return jobRunnerKey;
    }

    @Override
    public RunMode getRunMode() {
        return runMode;
    }

    @Override
    public Schedule getSchedule() {
        return schedule;
    }

    @Override
    public Date getNextRunTime() {
        return nextRunTime == null ? null : new Date(nextRunTime.getTime());
    }

    @Override
    public Map<String, Serializable> getParameters() {
        if (parameterProblem != null) {
            throw new SchedulerRuntimeException("The parameters of job " + jobId + " cannot be read: " + parameterProblem);
        }
        return parameters;
    }

    @Override
    public boolean isRunnable() {
        return runnable;
    }

    @Override
    public String toString() {
        return "JobDetails[" + jobId + ", runner " + jobRunnerKey + ", " + runMode + ", " + schedule + ", next " + nextRunTime + "]";
    }
}
