package com.atlassian.scheduler;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/SchedulerRuntimeException.java and Jira's public SchedulerAdmin action catching it around JobDetails.getParameters().
/**
 * Compile-only stand-in: an unchecked scheduler failure, e.g. job parameters that cannot be read.
 */
public class SchedulerRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchedulerRuntimeException(String message) {
        super(message);
    }

    public SchedulerRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
