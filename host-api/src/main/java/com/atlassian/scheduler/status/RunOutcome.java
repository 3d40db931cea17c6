package com.atlassian.scheduler.status;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/status/RunOutcome.java and the scheduler's public job-launcher tests (UNAVAILABLE when the runner is not registered).
/** Compile-only stand-in: how a job run ended. */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
