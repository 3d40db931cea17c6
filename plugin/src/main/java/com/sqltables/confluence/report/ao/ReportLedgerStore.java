package com.sqltables.confluence.report.ao;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.report.LedgerEntry;
import com.sqltables.confluence.report.ReportClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of usage reports, one entry per period, shared by all cluster nodes. A node claims a
 * period before sending its report; at most one node holds a period's claim at a time.
 */
public interface ReportLedgerStore {
    /**
     * Claims a period for this node. Succeeds if the period has no entry yet, if its last attempt
     * {@link com.sqltables.confluence.report.ReportStatus#FAILED failed}, or if its claim is at least
     * {@code staleAfter} old (its node presumably died). Of several nodes claiming at once, exactly one
     * succeeds.
     *
     * <p>Call it outside any other transaction: a lost race shows up as a rejected insert, which on
     * PostgreSQL spoils the enclosing transaction.
     *
     * @param now the current time (passed in so that all nodes' decisions are testable)
     * @return the claim, or empty if another node holds the period or its report is done
     * @throws ValidationException on an invalid period or node id
     */
    Optional<ReportClaim> claim(String period, String nodeId, Instant now, Duration staleAfter);

    /**
     * Records that the report was sent.
     *
     * @throws ConflictException if the claim is no longer held (it went stale and another node took it)
     */
    LedgerEntry markSent(ReportClaim claim, Instant sentAt, String recipient, String messageId,
                         String payloadDigest, String payload);

    /**
     * Records that sending failed; the period may be claimed again.
     *
     * @param error what went wrong, without secrets (cut to 4,000 characters)
     * @throws ConflictException if the claim is no longer held
     */
    LedgerEntry markFailed(ReportClaim claim, String error);

    /**
     * Records that the report was deliberately not sent; final.
     *
     * @throws ConflictException if the claim is no longer held
     */
    LedgerEntry markSkipped(ReportClaim claim, String reason);

    /** @return the period's entry, if any */
    Optional<LedgerEntry> get(String period);

    /** @return all entries, newest period first */
    List<LedgerEntry> list();
}
