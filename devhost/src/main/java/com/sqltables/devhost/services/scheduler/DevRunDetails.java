package com.sqltables.devhost.services.scheduler;

import com.atlassian.scheduler.status.RunDetails;
import com.atlassian.scheduler.status.RunOutcome;

import java.util.Date;

/** The outcome of one run of a job. */
public final class DevRunDetails implements RunDetails {
    private final Date startTime;
    private final long durationInMillis;
    private final RunOutcome runOutcome;
    private final String message;
    private final String nodeId;

    DevRunDetails(Date startTime, long durationInMillis, RunOutcome runOutcome, String message, String nodeId) {
        this.startTime = new Date(startTime.getTime());
        this.durationInMillis = durationInMillis;
        this.runOutcome = runOutcome;
        this.message = message == null ? "" : message;
        this.nodeId = nodeId;
    }

    @Override
    public Date getStartTime() {
        return new Date(startTime.getTime());
    }

    @Override
    public long getDurationInMillis() {
        return durationInMillis;
    }

    @Override
    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    @Override
    public String getMessage() {
        return message;
    }

    /** The node that ran the job. */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String toString() {
        return runOutcome + (message.isEmpty() ? "" : ": " + message) + " (" + startTime + ", " + durationInMillis + " ms, node " + nodeId + ")";
    }
}
