package com.atlassian.scheduler;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/SchedulerServiceException.java and public callers catching it from scheduleJob/calculateNextRunTime.
/**
 * Compile-only stand-in: the scheduler could not schedule or evaluate a job. Checked; only the two
 * constructors the real class has.
 */
public class SchedulerServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SchedulerServiceException(String message) {
        super(message);
    }

    public SchedulerServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
