package com.sqltables.confluence.usage.ao;

import static com.sqltables.confluence.usage.ao.ActiveUserEntity.COLUMN_PERIOD_HASH;
import static com.sqltables.confluence.usage.ao.ActiveUserEntity.COLUMN_PERIOD_KEY;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.usage.Periods;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;

/** {@link ActiveUserStore} on Active Objects; the unique {@code PERIOD_HASH} column settles races. */
@Named
public class DefaultActiveUserStore implements ActiveUserStore {
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{16,128}");

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultActiveUserStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultActiveUserStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks first, so the usual case (already recorded) writes nothing. Two nodes that both see the
     * user missing both insert; the unique constraint rejects one, which means "already recorded". The
     * insert must run in its own transaction (on PostgreSQL a failed statement spoils the transaction),
     * so do not call this inside another {@code executeInTransaction}.
     */
    @Override
    public boolean record(String period, String userHash) {
        FieldErrors errors = new FieldErrors();
        String periodProblem = Periods.problem(period);
        if (periodProblem != null) {
            errors.add("period", periodProblem);
        }
        if (userHash == null || !HEX_HASH.matcher(userHash).matches()) {
            errors.add("userHash", "must be a keyed hash as 16 to 128 lower-case hex digits, never a user name or key");
        }
        errors.throwIfAny();
        String periodHash = period + ":" + userHash;
        try {
            return ao.executeInTransaction(() -> {
                if (ao.count(ActiveUserEntity.class, COLUMN_PERIOD_HASH + " = ?", periodHash) > 0) {
                    return false;
                }
                Map<String, Object> row = new HashMap<>();
                row.put(COLUMN_PERIOD_KEY, period);
                row.put(ActiveUserEntity.COLUMN_USER_HASH, userHash);
                row.put(COLUMN_PERIOD_HASH, periodHash);
                row.put(ActiveUserEntity.COLUMN_CREATED, Timestamps.toDate(clock.instant()));
                ao.create(ActiveUserEntity.class, row);
                return true;
            });
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int count(String period) {
        checkPeriod(period);
        return ao.count(ActiveUserEntity.class, COLUMN_PERIOD_KEY + " = ?", period);
    }

    @Override
    public int purge(String period) {
        checkPeriod(period);
        return ao.executeInTransaction(() -> ao.deleteWithSQL(ActiveUserEntity.class, COLUMN_PERIOD_KEY + " = ?", period));
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
