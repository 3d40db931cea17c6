package com.sqltables.confluence.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that one node holds a period's report: returned by a successful claim, passed back to record
 * the outcome. Attempt numbers grow with every claim, so an old claim can never be mistaken for a new one.
 */
public final class ReportClaim {
    private final String period;
    private final int attempt;
    private final String nodeId;
    private final Instant claimedAt;

    public ReportClaim(String period, int attempt, String nodeId, Instant claimedAt) {
        this.period = Objects.requireNonNull(period, "period");
        this.attempt = attempt;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.claimedAt = Objects.requireNonNull(claimedAt, "claimedAt");
    }

    public String getPeriod() {
        return period;
    }

    /** @return 1 for the first claim of the period, then 2, 3, … */
    public int getAttempt() {
        return attempt;
    }

    public String getNodeId() {
        return nodeId;
    }

    /** @return when the claim was made (to the second) */
    public Instant getClaimedAt() {
        return claimedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReportClaim)) {
            return false;
        }
        ReportClaim that = (ReportClaim) o;
        return attempt == that.attempt && period.equals(that.period) && nodeId.equals(that.nodeId)
                && claimedAt.equals(that.claimedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, attempt, nodeId, claimedAt);
    }

    @Override
    public String toString() {
        return "ReportClaim{" + period + " attempt " + attempt + " by " + nodeId + " at " + claimedAt + "}";
    }
}
