package com.sqltables.confluence.report.ao;

import static com.sqltables.confluence.report.ao.ReportLedgerEntity.COLUMN_ATTEMPTS;
import static com.sqltables.confluence.report.ao.ReportLedgerEntity.COLUMN_CLAIMED_BY;
import static com.sqltables.confluence.report.ao.ReportLedgerEntity.COLUMN_PERIOD_KEY;
import static com.sqltables.confluence.report.ao.ReportLedgerEntity.COLUMN_STATUS;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.report.LedgerEntry;
import com.sqltables.confluence.report.ReportClaim;
import com.sqltables.confluence.report.ReportStatus;
import com.sqltables.confluence.usage.Periods;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;

/**
 * {@link ReportLedgerStore} on Active Objects. Every state change is a compare-and-set: delete the row
 * only if it is still in the expected state (period, status, attempt, node), then insert the new row,
 * in one transaction. AO has no conditional UPDATE, but a conditional DELETE reports how many rows it
 * removed: 1 means this node won, 0 means another node changed the row first.
 */
@Named
public class DefaultReportLedgerStore implements ReportLedgerStore {
    static final int MAX_ERROR_LENGTH = 4_000;
    static final int MAX_PAYLOAD_LENGTH = 1_000_000;
    private static final int MAX_NODE_ID_LENGTH = 255;

    private final ActiveObjects ao;

    @Inject
    public DefaultReportLedgerStore(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public Optional<ReportClaim> claim(String period, String nodeId, Instant now, Duration staleAfter) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        String node = errors.requireLine("nodeId", nodeId, MAX_NODE_ID_LENGTH);
        errors.check(now != null, "now", "is required");
        errors.check(staleAfter != null && !staleAfter.isNegative() && !staleAfter.isZero(), "staleAfter",
                "must be a positive duration");
        errors.throwIfAny();
        Instant claimedAt = Timestamps.toSeconds(now);
        try {
            return ao.executeInTransaction(() -> {
                ReportLedgerEntity current = find(period);
                if (current == null) {
                    Map<String, Object> row = new HashMap<>();
                    row.put(COLUMN_PERIOD_KEY, period);
                    row.put(COLUMN_STATUS, ReportStatus.CLAIMED.name());
                    row.put(COLUMN_ATTEMPTS, 1);
                    row.put(ReportLedgerEntity.COLUMN_CLAIMED_AT, Timestamps.toDate(claimedAt));
                    row.put(COLUMN_CLAIMED_BY, node);
                    ao.create(ReportLedgerEntity.class, row);
                    return Optional.of(new ReportClaim(period, 1, node, claimedAt));
                }
                if (!claimable(current, claimedAt, staleAfter)) {
                    return Optional.<ReportClaim>empty();
                }
                int attempt = current.getAttempts() + 1;
                boolean won = replace(current, new Object[] {period, current.getStatus(), current.getAttempts()},
                        COLUMN_PERIOD_KEY + " = ? AND " + COLUMN_STATUS + " = ? AND " + COLUMN_ATTEMPTS + " = ?",
                        row -> {
                            row.put(COLUMN_STATUS, ReportStatus.CLAIMED.name());
                            row.put(COLUMN_ATTEMPTS, attempt);
                            row.put(ReportLedgerEntity.COLUMN_CLAIMED_AT, Timestamps.toDate(claimedAt));
                            row.put(COLUMN_CLAIMED_BY, node);
                        });
                return won ? Optional.of(new ReportClaim(period, attempt, node, claimedAt)) : Optional.<ReportClaim>empty();
            });
        } catch (RuntimeException e) {
            // Another node inserted the period first (unique constraint), or the database chose this node
            // as the loser of a lock conflict: either way the other node holds the claim.
            if (SqlFailures.isUniqueViolation(e) || SqlFailures.isConcurrencyFailure(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public LedgerEntry markSent(ReportClaim claim, Instant sentAt, String recipient, String messageId,
                                String payloadDigest, String payload) {
        FieldErrors errors = new FieldErrors();
        errors.check(sentAt != null, "sentAt", "is required");
        String to = errors.optionalLine("recipient", recipient, 450);
        String id = errors.optionalLine("messageId", messageId, 450);
        String digest = errors.optionalLine("payloadDigest", payloadDigest, 255);
        String body = errors.optionalText("payload", payload, MAX_PAYLOAD_LENGTH);
        errors.throwIfAny();
        return transition(claim, ReportStatus.SENT, row -> {
            row.put(ReportLedgerEntity.COLUMN_SENT_AT, Timestamps.toDate(sentAt));
            row.put(ReportLedgerEntity.COLUMN_RECIPIENT, to);
            row.put(ReportLedgerEntity.COLUMN_MESSAGE_ID, id);
            row.put(ReportLedgerEntity.COLUMN_PAYLOAD_DIGEST, digest);
            row.put(ReportLedgerEntity.COLUMN_PAYLOAD, body);
            row.put(ReportLedgerEntity.COLUMN_LAST_ERROR, null);
        });
    }

    @Override
    public LedgerEntry markFailed(ReportClaim claim, String error) {
        String text = truncate(error == null || error.trim().isEmpty() ? "unknown error" : error);
        return transition(claim, ReportStatus.FAILED, row -> row.put(ReportLedgerEntity.COLUMN_LAST_ERROR, text));
    }

    @Override
    public LedgerEntry markSkipped(ReportClaim claim, String reason) {
        String text = truncate(reason == null || reason.trim().isEmpty() ? "skipped" : reason);
        return transition(claim, ReportStatus.SKIPPED, row -> row.put(ReportLedgerEntity.COLUMN_LAST_ERROR, text));
    }

    @Override
    public Optional<LedgerEntry> get(String period) {
        FieldErrors errors = new FieldErrors();
        checkPeriod(errors, period);
        errors.throwIfAny();
        return ao.executeInTransaction(() -> Optional.ofNullable(find(period)).map(DefaultReportLedgerStore::toEntry));
    }

    @Override
    public List<LedgerEntry> list() {
        return ao.executeInTransaction(() -> Arrays.stream(ao.find(ReportLedgerEntity.class,
                        Query.select().order(COLUMN_PERIOD_KEY + " DESC")))
                .map(DefaultReportLedgerStore::toEntry)
                .collect(Collectors.toUnmodifiableList()));
    }

    private LedgerEntry transition(ReportClaim claim, ReportStatus status, Consumer<Map<String, Object>> changes) {
        Objects.requireNonNull(claim, "claim");
        try {
            return ao.executeInTransaction(() -> {
                ReportLedgerEntity current = find(claim.getPeriod());
                if (current == null || !ReportStatus.CLAIMED.name().equals(current.getStatus())
                        || current.getAttempts() != claim.getAttempt() || !claim.getNodeId().equals(current.getClaimedBy())) {
                    throw lostClaim(claim, current);
                }
                boolean won = replace(current,
                        new Object[] {claim.getPeriod(), ReportStatus.CLAIMED.name(), claim.getAttempt(), claim.getNodeId()},
                        COLUMN_PERIOD_KEY + " = ? AND " + COLUMN_STATUS + " = ? AND " + COLUMN_ATTEMPTS + " = ? AND "
                                + COLUMN_CLAIMED_BY + " = ?",
                        row -> {
                            row.put(COLUMN_STATUS, status.name());
                            changes.accept(row);
                        });
                if (!won) {
                    throw lostClaim(claim, null);
                }
                return toEntry(find(claim.getPeriod()));
            });
        } catch (RuntimeException e) {
            if (!(e instanceof ConflictException) && SqlFailures.isConcurrencyFailure(e)) {
                throw lostClaim(claim, null);
            }
            throw e;
        }
    }

    /**
     * Deletes {@code current} if it still matches {@code criteria}, then inserts a copy with the changes.
     *
     * @return whether this transaction won; on {@code false} nothing was written
     */
    private boolean replace(ReportLedgerEntity current, Object[] parameters, String criteria,
                            Consumer<Map<String, Object>> changes) {
        Map<String, Object> row = copy(current);
        if (ao.deleteWithSQL(ReportLedgerEntity.class, criteria, parameters) != 1) {
            return false;
        }
        changes.accept(row);
        row.values().removeIf(Objects::isNull);
        ao.create(ReportLedgerEntity.class, row);
        return true;
    }

    private ReportLedgerEntity find(String period) {
        ReportLedgerEntity[] rows = ao.find(ReportLedgerEntity.class, COLUMN_PERIOD_KEY + " = ?", period);
        return rows.length == 0 ? null : rows[0];
    }

    private static boolean claimable(ReportLedgerEntity entry, Instant now, Duration staleAfter) {
        String status = entry.getStatus();
        if (ReportStatus.FAILED.name().equals(status)) {
            return true;
        }
        if (!ReportStatus.CLAIMED.name().equals(status)) {
            return false;
        }
        Instant claimedAt = Timestamps.toInstant(entry.getClaimedAt());
        return !claimedAt.plus(staleAfter).isAfter(now);
    }

    private static Map<String, Object> copy(ReportLedgerEntity entity) {
        Map<String, Object> row = new HashMap<>();
        row.put(COLUMN_PERIOD_KEY, entity.getPeriodKey());
        row.put(COLUMN_STATUS, entity.getStatus());
        row.put(COLUMN_ATTEMPTS, entity.getAttempts());
        row.put(ReportLedgerEntity.COLUMN_CLAIMED_AT, entity.getClaimedAt());
        row.put(COLUMN_CLAIMED_BY, entity.getClaimedBy());
        row.put(ReportLedgerEntity.COLUMN_SENT_AT, entity.getSentAt());
        row.put(ReportLedgerEntity.COLUMN_RECIPIENT, entity.getRecipient());
        row.put(ReportLedgerEntity.COLUMN_MESSAGE_ID, entity.getMessageId());
        row.put(ReportLedgerEntity.COLUMN_PAYLOAD_DIGEST, entity.getPayloadDigest());
        row.put(ReportLedgerEntity.COLUMN_PAYLOAD, entity.getPayload());
        row.put(ReportLedgerEntity.COLUMN_LAST_ERROR, entity.getLastError());
        return row;
    }

    private static LedgerEntry toEntry(ReportLedgerEntity entity) {
        return new LedgerEntry(entity.getPeriodKey(), ReportStatus.valueOf(entity.getStatus()), entity.getAttempts(),
                Timestamps.toInstant(entity.getClaimedAt()), entity.getClaimedBy(), Timestamps.toInstant(entity.getSentAt()),
                entity.getRecipient(), entity.getMessageId(), entity.getPayloadDigest(), entity.getPayload(),
                entity.getLastError());
    }

    private static ConflictException lostClaim(ReportClaim claim, ReportLedgerEntity current) {
        String now = current == null ? "" : " (it is now " + current.getStatus() + ", attempt " + current.getAttempts()
                + " by " + current.getClaimedBy() + ")";
        return new ConflictException("Node " + claim.getNodeId() + " no longer holds the claim on the report for "
                + claim.getPeriod() + " (attempt " + claim.getAttempt() + ")" + now);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static void checkPeriod(FieldErrors errors, String period) {
        String problem = Periods.problem(period);
        if (problem != null) {
            errors.add("period", problem);
        }
    }
}
