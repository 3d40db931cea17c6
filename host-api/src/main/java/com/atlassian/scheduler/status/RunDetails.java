package com.atlassian.scheduler.status;

import java.util.Date;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/status/RunDetails.java and public admin screens reading getMessage()/getStartTime() of the last run.
/**
 * Compile-only stand-in for the record of one finished job run. Declared in full.
 */
public interface RunDetails {

    /** Longest message the scheduler keeps. */
    int MAXIMUM_MESSAGE_LENGTH = 255;

    Date getStartTime();

    long getDurationInMillis();

    RunOutcome getRunOutcome();

    /** @return the message; empty rather than {@code null} */
    String getMessage();
}
