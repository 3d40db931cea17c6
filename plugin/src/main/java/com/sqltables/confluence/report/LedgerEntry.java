package com.sqltables.confluence.report;

import java.time.Instant;
import java.util.Objects;

/** The ledger's record of one period's usage report. Immutable. */
public final class LedgerEntry {
    private final String period;
    private final ReportStatus status;
    private final int attempts;
    private final Instant claimedAt;
    private final String claimedBy;
    private final Instant sentAt;
    private final String recipient;
    private final String messageId;
    private final String payloadDigest;
    private final String payload;
    private final String lastError;

    public LedgerEntry(String period, ReportStatus status, int attempts, Instant claimedAt, String claimedBy,
                       Instant sentAt, String recipient, String messageId, String payloadDigest, String payload,
                       String lastError) {
        this.period = Objects.requireNonNull(period, "period");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.claimedAt = claimedAt;
        this.claimedBy = claimedBy;
        this.sentAt = sentAt;
        this.recipient = recipient;
        this.messageId = messageId;
        this.payloadDigest = payloadDigest;
        this.payload = payload;
        this.lastError = lastError;
    }

    /** @return the reported period, e.g. {@code 2026-11} */
    public String getPeriod() {
        return period;
    }

    public ReportStatus getStatus() {
        return status;
    }

    /** @return how many times the period has been claimed */
    public int getAttempts() {
        return attempts;
    }

    /** @return when the period was last claimed */
    public Instant getClaimedAt() {
        return claimedAt;
    }

    /** @return the node that last claimed the period */
    public String getClaimedBy() {
        return claimedBy;
    }

    /** @return when the report was sent, or {@code null} */
    public Instant getSentAt() {
        return sentAt;
    }

    /** @return where the report was sent, or {@code null} */
    public String getRecipient() {
        return recipient;
    }

    /** @return the mail's message id, or {@code null} */
    public String getMessageId() {
        return messageId;
    }

    /** @return a digest of the payload, e.g. {@code sha256:…}, or {@code null} */
    public String getPayloadDigest() {
        return payloadDigest;
    }

    /** @return the report as sent, or {@code null} */
    public String getPayload() {
        return payload;
    }

    /** @return the last failure, or the reason for skipping, or {@code null} */
    public String getLastError() {
        return lastError;
    }

    /** @return the claim this entry records, if the period is currently claimed */
    public ReportClaim toClaim() {
        if (status != ReportStatus.CLAIMED) {
            throw new IllegalStateException("Period " + period + " is " + status + ", not claimed");
        }
        return new ReportClaim(period, attempts, claimedBy, claimedAt);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LedgerEntry)) {
            return false;
        }
        LedgerEntry that = (LedgerEntry) o;
        return attempts == that.attempts && period.equals(that.period) && status == that.status
                && Objects.equals(claimedAt, that.claimedAt) && Objects.equals(claimedBy, that.claimedBy)
                && Objects.equals(sentAt, that.sentAt) && Objects.equals(recipient, that.recipient)
                && Objects.equals(messageId, that.messageId) && Objects.equals(payloadDigest, that.payloadDigest)
                && Objects.equals(payload, that.payload) && Objects.equals(lastError, that.lastError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, status, attempts, claimedAt, claimedBy, sentAt, recipient, messageId, payloadDigest,
                payload, lastError);
    }

    @Override
    public String toString() {
        return "LedgerEntry{" + period + " " + status + ", attempts=" + attempts + ", claimedBy=" + claimedBy + "}";
    }
}
