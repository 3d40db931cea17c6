package com.sqltables.confluence.audit.ao;

import static com.sqltables.confluence.audit.ao.AuditEventEntity.COLUMN_ID;
import static com.sqltables.confluence.audit.ao.AuditEventEntity.COLUMN_OCCURRED_AT;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.Page;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;

/** {@link AuditLogStore} on Active Objects. */
@Named
public class DefaultAuditLogStore implements AuditLogStore {
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_DETAILS_LENGTH = 64_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** {@code key=value}, {@code key: value} and {@code "key": "value"} where the key names a secret. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)([\"']?)([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|ciphertext|credential)[A-Za-z0-9_.-]*)\\1"
                    + "(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&}\\]]+)");

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultAuditLogStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultAuditLogStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditEvent append(AuditEntry entry) {
        if (entry == null) {
            throw new ValidationException("entry", "is required");
        }
        FieldErrors errors = new FieldErrors();
        errors.check(entry.getAction() != null && NAME.matcher(entry.getAction()).matches(), "action",
                "must be 1 to 64 letters, digits or . _ - (was '" + entry.getAction() + "')");
        errors.check(entry.getObjectType() != null && NAME.matcher(entry.getObjectType()).matches(), "objectType",
                "must be 1 to 64 letters, digits or . _ - (was '" + entry.getObjectType() + "')");
        String actor = errors.optionalLine("actorUserKey", entry.getActorUserKey(), 255);
        String objectId = errors.optionalLine("objectId", entry.getObjectId(), 255);
        String objectName = errors.optionalLine("objectName", entry.getObjectName(), 255);
        String details = errors.optionalText("details", entry.getDetails(), MAX_DETAILS_LENGTH);
        errors.throwIfAny();
        AuditEntry stored = AuditEntry.builder(entry.getAction(), entry.getObjectType())
                .actor(actor).objectId(objectId).objectName(objectName).details(maskSecrets(details)).build();
        Instant now = Timestamps.toSeconds(clock.instant());
        return ao.executeInTransaction(() -> {
            Map<String, Object> row = new HashMap<>();
            row.put(COLUMN_OCCURRED_AT, Timestamps.toDate(now));
            row.put(AuditEventEntity.COLUMN_EVENT_ACTION, stored.getAction());
            row.put(AuditEventEntity.COLUMN_OBJECT_TYPE, stored.getObjectType());
            putIfPresent(row, AuditEventEntity.COLUMN_ACTOR_USER_KEY, stored.getActorUserKey());
            putIfPresent(row, AuditEventEntity.COLUMN_OBJECT_ID, stored.getObjectId());
            putIfPresent(row, AuditEventEntity.COLUMN_OBJECT_NAME, stored.getObjectName());
            putIfPresent(row, AuditEventEntity.COLUMN_DETAILS, stored.getDetails());
            AuditEventEntity entity = ao.create(AuditEventEntity.class, row);
            return new AuditEvent(entity.getID(), now, stored);
        });
    }

    @Override
    public Page<AuditEvent> list(int offset, int limit) {
        FieldErrors errors = new FieldErrors();
        errors.check(offset >= 0, "offset", "must not be negative");
        errors.range("limit", limit, 1, MAX_PAGE_SIZE);
        errors.throwIfAny();
        return ao.executeInTransaction(() -> {
            int total = ao.count(AuditEventEntity.class);
            // The id orders events exactly; timestamps are only to the second.
            List<AuditEvent> items = Arrays.stream(ao.find(AuditEventEntity.class,
                            Query.select().order(COLUMN_ID + " DESC").offset(offset).limit(limit)))
                    .map(DefaultAuditLogStore::toEvent)
                    .collect(Collectors.toUnmodifiableList());
            return new Page<>(items, offset, limit, total);
        });
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        if (cutoff == null) {
            throw new ValidationException("cutoff", "is required");
        }
        return ao.executeInTransaction(() -> ao.deleteWithSQL(AuditEventEntity.class, COLUMN_OCCURRED_AT + " < ?",
                Timestamps.toDate(cutoff)));
    }

    /** @return the text with values of secret-looking keys replaced by {@code ****} */
    static String maskSecrets(String text) {
        if (text == null) {
            return null;
        }
        return SECRET.matcher(text).replaceAll("$1$2$1$3****");
    }

    private static AuditEvent toEvent(AuditEventEntity entity) {
        AuditEntry entry = AuditEntry.builder(entity.getEventAction(), entity.getObjectType())
                .actor(entity.getActorUserKey())
                .objectId(entity.getObjectId())
                .objectName(entity.getObjectName())
                .details(entity.getDetails())
                .build();
        return new AuditEvent(entity.getID(), Timestamps.toInstant(entity.getOccurredAt()), entry);
    }

    private static void putIfPresent(Map<String, Object> row, String column, Object value) {
        if (value != null) {
            row.put(column, value);
        }
    }
}
