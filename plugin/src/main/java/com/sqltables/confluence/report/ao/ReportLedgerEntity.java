package com.sqltables.confluence.report.ao;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One period's usage report: who claimed it, whether and where it was sent. The unique period makes a
 * claim atomic across cluster nodes: of two nodes inserting the same period, exactly one succeeds.
 * State changes replace the row (delete matching the expected state, then insert) so that a node that
 * lost its claim finds out. Table {@code AO_40B3A7_REPORT_LEDGER}.
 */
@Preload
@Table("REPORT_LEDGER")
public interface ReportLedgerEntity extends Entity {
    String COLUMN_PERIOD_KEY = "PERIOD_KEY";
    String COLUMN_STATUS = "STATUS";
    String COLUMN_ATTEMPTS = "ATTEMPTS";
    String COLUMN_CLAIMED_AT = "CLAIMED_AT";
    String COLUMN_CLAIMED_BY = "CLAIMED_BY";
    String COLUMN_SENT_AT = "SENT_AT";
    String COLUMN_RECIPIENT = "RECIPIENT";
    String COLUMN_MESSAGE_ID = "MESSAGE_ID";
    String COLUMN_PAYLOAD_DIGEST = "PAYLOAD_DIGEST";
    String COLUMN_PAYLOAD = "PAYLOAD";
    String COLUMN_LAST_ERROR = "LAST_ERROR";

    /** @return the reported period, e.g. {@code 2026-11}; one row per period */
    @NotNull
    @Unique
    @StringLength(16)
    String getPeriodKey();

    void setPeriodKey(String periodKey);

    /** @return a {@code ReportStatus} name */
    @NotNull
    @StringLength(16)
    String getStatus();

    void setStatus(String status);

    /** @return how many times the period has been claimed; identifies the current claim */
    @NotNull
    int getAttempts();

    void setAttempts(int attempts);

    /** @return when the period was last claimed */
    @NotNull
    Date getClaimedAt();

    void setClaimedAt(Date claimedAt);

    /** @return the cluster node that last claimed the period */
    @NotNull
    String getClaimedBy();

    void setClaimedBy(String claimedBy);

    /** @return when the report was sent, or {@code null} */
    Date getSentAt();

    void setSentAt(Date sentAt);

    /** @return the recipient address(es), or {@code null} */
    @StringLength(StringLength.MAX_LENGTH)
    String getRecipient();

    void setRecipient(String recipient);

    /** @return the sent mail's message id, or {@code null} */
    @StringLength(StringLength.MAX_LENGTH)
    String getMessageId();

    void setMessageId(String messageId);

    /** @return a digest of the payload, e.g. {@code sha256:…}, or {@code null} */
    String getPayloadDigest();

    void setPayloadDigest(String payloadDigest);

    /** @return the report as sent, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getPayload();

    void setPayload(String payload);

    /** @return the last failure or the reason for skipping, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getLastError();

    void setLastError(String lastError);
}
