package com.sqltables.confluence.usage.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.usage.Periods;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import net.java.ao.RawEntity;

/**
 * A set of keyed hashes per period in one table with the columns {@code PERIOD_KEY}, the hash column,
 * {@code PERIOD_HASH} (unique) and {@code CREATED}: the storage both the active users and the rendered
 * tables share, so the race handling and the checks that keep identities out exist once.
 */
final class PeriodHashSet {
    static final String COLUMN_PERIOD_KEY = "PERIOD_KEY";
    static final String COLUMN_PERIOD_HASH = "PERIOD_HASH";
    static final String COLUMN_CREATED = "CREATED";

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{16,128}");

    private final ActiveObjects ao;
    private final Clock clock;
    private final Class<? extends RawEntity<Long>> entity;
    private final String hashColumn;
    private final String hashField;
    private final String identityKind;

    /**
     * @param hashField the field name in validation errors, e.g. {@code userHash}
     * @param identityKind what must never be passed instead of the hash, for the error, e.g. {@code a user name or key}
     */
    PeriodHashSet(ActiveObjects ao, Clock clock, Class<? extends RawEntity<Long>> entity, String hashColumn,
                  String hashField, String identityKind) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.hashColumn = Objects.requireNonNull(hashColumn, "hashColumn");
        this.hashField = Objects.requireNonNull(hashField, "hashField");
        this.identityKind = Objects.requireNonNull(identityKind, "identityKind");
    }

    /**
     * Checks first, so the usual case (already recorded) writes nothing. Two nodes that both see the
     * hash missing both insert; the unique constraint rejects one, which means "already recorded". The
     * insert must run in its own transaction (on PostgreSQL a failed statement spoils the transaction),
     * so do not call this inside another {@code executeInTransaction}.
     */
    boolean record(String period, String hash) {
        FieldErrors errors = new FieldErrors();
        String periodProblem = Periods.problem(period);
        if (periodProblem != null) {
            errors.add("period", periodProblem);
        }
        if (hash == null || !HEX_HASH.matcher(hash).matches()) {
            errors.add(hashField, "must be a keyed hash as 16 to 128 lower-case hex digits, never " + identityKind);
        }
        errors.throwIfAny();
        String periodHash = period + ":" + hash;
        try {
            return ao.executeInTransaction(() -> {
                if (ao.count(entity, COLUMN_PERIOD_HASH + " = ?", periodHash) > 0) {
                    return false;
                }
                Map<String, Object> row = new HashMap<>();
                row.put(COLUMN_PERIOD_KEY, period);
                row.put(hashColumn, hash);
                row.put(COLUMN_PERIOD_HASH, periodHash);
                row.put(COLUMN_CREATED, Timestamps.toDate(clock.instant()));
                ao.create(entity, row);
                return true;
            });
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    int count(String period) {
        checkPeriod(period);
        return ao.count(entity, COLUMN_PERIOD_KEY + " = ?", period);
    }

    int purge(String period) {
        checkPeriod(period);
        return ao.executeInTransaction(() -> ao.deleteWithSQL(entity, COLUMN_PERIOD_KEY + " = ?", period));
    }

    private static void checkPeriod(String period) {
        FieldErrors errors = new FieldErrors();
        String problem = Periods.problem(period);
        if (problem != null) {
            errors.add("period", problem);
        }
        errors.throwIfAny();
    }
}
