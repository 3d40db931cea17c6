package com.sqltables.confluence.report;

import java.time.Instant;

/**
 * Where the administrator's decision about the usage report stands. Immutable.
 */
public final class ReportConsent {
    private final ReportDecision decision;
    private final String decidedBy;
    private final Instant decidedAt;
    private final String copyTo;
    private final boolean lockedOff;

    public ReportConsent(ReportDecision decision, String decidedBy, Instant decidedAt, String copyTo, boolean lockedOff) {
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.copyTo = copyTo;
        this.lockedOff = lockedOff;
    }

    /** @return the stored decision (even when {@link #isLockedOff() locked off}) */
    public ReportDecision getDecision() {
        return decision;
    }

    /** @return the user key of the administrator who decided, or {@code null} */
    public String getDecidedBy() {
        return decidedBy;
    }

    /** @return when the decision was made, or {@code null} */
    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** @return the address that receives a copy of each report, or {@code null} */
    public String getCopyTo() {
        return copyTo;
    }

    /** @return whether the system property {@value UsageReportConsent#DISABLED_PROPERTY} turns reporting off */
    public boolean isLockedOff() {
        return lockedOff;
    }

    /** @return whether reports may be sent: enabled and not locked off */
    public boolean isSending() {
        return decision == ReportDecision.ENABLED && !lockedOff;
    }
}
