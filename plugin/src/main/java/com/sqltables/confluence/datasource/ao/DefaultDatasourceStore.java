package com.sqltables.confluence.datasource.ao;

import static com.sqltables.confluence.datasource.ao.DatasourceEntity.COLUMN_NAME_KEY;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.StoredValues;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import net.java.ao.Query;

/** {@link DatasourceStore} on Active Objects. */
@Named
public class DefaultDatasourceStore implements DatasourceStore {
    private static final String KIND = "datasource";

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultDatasourceStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultDatasourceStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Datasource create(DatasourceSettings settings, String actorUserKey) {
        DatasourceSettings valid = DatasourceValidation.validate(settings);
        String nameKey = StoredValues.nameKey(valid.getName());
        try {
            return ao.executeInTransaction(() -> {
                if (ao.count(DatasourceEntity.class, COLUMN_NAME_KEY + " = ?", nameKey) > 0) {
                    throw new DuplicateNameException(KIND, valid.getName());
                }
                Date now = Timestamps.toDate(clock.instant());
                Map<String, Object> row = new HashMap<>();
                row.put(DatasourceEntity.COLUMN_NAME, valid.getName());
                row.put(COLUMN_NAME_KEY, nameKey);
                row.put(DatasourceEntity.COLUMN_CONNECTION_KIND, valid.getConnectionKind().name());
                row.put(DatasourceEntity.COLUMN_DESCRIPTION, valid.getDescription());
                row.put(DatasourceEntity.COLUMN_JDBC_URL, valid.getJdbcUrl());
                row.put(DatasourceEntity.COLUMN_USERNAME, valid.getUsername());
                row.put(DatasourceEntity.COLUMN_PASSWORD_CIPHERTEXT, valid.getPasswordCiphertext());
                row.put(DatasourceEntity.COLUMN_CONNECTION_PROPERTIES, valid.getConnectionProperties());
                row.put(DatasourceEntity.COLUMN_READ_ONLY, valid.isReadOnly());
                row.put(DatasourceEntity.COLUMN_POOL_SIZE, valid.getPoolSize());
                row.put(DatasourceEntity.COLUMN_CONNECTION_TIMEOUT_MS, valid.getConnectionTimeoutMs());
                row.put(DatasourceEntity.COLUMN_QUERY_TIMEOUT_SECONDS, valid.getQueryTimeoutSeconds());
                row.put(DatasourceEntity.COLUMN_MAX_ROWS, valid.getMaxRows());
                row.put(DatasourceEntity.COLUMN_INLINE_SQL_ALLOWED, valid.isInlineSqlAllowed());
                row.put(DatasourceEntity.COLUMN_ALLOWED_SPACES, StoredValues.joinLines(valid.getAllowedSpaces()));
                row.put(DatasourceEntity.COLUMN_ALLOWED_GROUPS, StoredValues.joinLines(valid.getAllowedGroups()));
                row.put(DatasourceEntity.COLUMN_CREATED, now);
                row.put(DatasourceEntity.COLUMN_CREATED_BY, actorUserKey);
                row.put(DatasourceEntity.COLUMN_MODIFIED, now);
                row.put(DatasourceEntity.COLUMN_MODIFIED_BY, actorUserKey);
                row.put(DatasourceEntity.COLUMN_REVISION, 1L);
                row.values().removeIf(Objects::isNull);
                return toDatasource(ao.create(DatasourceEntity.class, row));
            });
        } catch (RuntimeException e) {
            throw translate(e, valid.getName());
        }
    }

    @Override
    public Datasource update(long id, long expectedRevision, DatasourceSettings settings, String actorUserKey) {
        DatasourceSettings valid = DatasourceValidation.validate(settings);
        String nameKey = StoredValues.nameKey(valid.getName());
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            throw notFound(id);
        }
        try {
            return ao.executeInTransaction(() -> {
                DatasourceEntity entity = lockAndReload(entityId, id);
                if (entity.getRevision() != expectedRevision) {
                    throw new ConflictException("Datasource '" + entity.getName() + "' was changed by someone else"
                            + " (now at revision " + entity.getRevision() + ", you edited revision " + expectedRevision
                            + "). Reload it and apply your changes again.");
                }
                if (!nameKey.equals(entity.getNameKey()) && ao.count(DatasourceEntity.class,
                        COLUMN_NAME_KEY + " = ? AND ID <> ?", nameKey, entityId) > 0) {
                    throw new DuplicateNameException(KIND, valid.getName());
                }
                entity.setName(valid.getName());
                entity.setNameKey(nameKey);
                apply(entity, valid);
                entity.setModified(Timestamps.toDate(clock.instant()));
                entity.setModifiedBy(actorUserKey);
                entity.setRevision(expectedRevision + 1);
                entity.save();
                return toDatasource(entity);
            });
        } catch (RuntimeException e) {
            throw translate(e, valid.getName());
        }
    }

    @Override
    public Optional<Datasource> get(long id) {
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            return Optional.empty();
        }
        return ao.executeInTransaction(() -> Optional.ofNullable(ao.get(DatasourceEntity.class, entityId)).map(this::toDatasource));
    }

    @Override
    public Optional<Datasource> findByName(String name) {
        if (name == null || name.trim().isEmpty()) {
            return Optional.empty();
        }
        String nameKey = StoredValues.nameKey(name.trim());
        return ao.executeInTransaction(() -> Arrays.stream(ao.find(DatasourceEntity.class, COLUMN_NAME_KEY + " = ?", nameKey))
                .findFirst()
                .map(this::toDatasource));
    }

    @Override
    public List<Datasource> list() {
        return ao.executeInTransaction(() -> Arrays.stream(
                        ao.find(DatasourceEntity.class, Query.select().order(COLUMN_NAME_KEY + " ASC")))
                .map(this::toDatasource)
                .collect(Collectors.toUnmodifiableList()));
    }

    @Override
    public void delete(long id) {
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            throw notFound(id);
        }
        String[] name = new String[1];
        try {
            ao.executeInTransaction(() -> {
                DatasourceEntity entity = ao.get(DatasourceEntity.class, entityId);
                if (entity == null) {
                    throw notFound(id);
                }
                name[0] = entity.getName();
                ao.delete(entity);
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlFailures.isForeignKeyViolation(e)) {
                throw new ConflictException("Datasource '" + name[0] + "' is still used by saved queries:"
                        + " delete them or move them to another datasource first.");
            }
            throw e;
        }
    }

    /**
     * Writes a column first so that the row is locked (a concurrent update waits here until the other
     * transaction ends), then reads the row again: at READ COMMITTED, as Confluence runs, that read sees
     * a competing commit, so the revision check below cannot pass twice for one revision.
     */
    private DatasourceEntity lockAndReload(int entityId, long id) {
        DatasourceEntity entity = ao.get(DatasourceEntity.class, entityId);
        if (entity == null) {
            throw notFound(id);
        }
        entity.setModified(Timestamps.toDate(clock.instant()));
        entity.save();
        DatasourceEntity reloaded = ao.get(DatasourceEntity.class, entityId);
        if (reloaded == null) {
            throw notFound(id);
        }
        return reloaded;
    }

    private static void apply(DatasourceEntity entity, DatasourceSettings settings) {
        entity.setDescription(settings.getDescription());
        entity.setConnectionKind(settings.getConnectionKind().name());
        entity.setJdbcUrl(settings.getJdbcUrl());
        entity.setUsername(settings.getUsername());
        entity.setPasswordCiphertext(settings.getPasswordCiphertext());
        entity.setConnectionProperties(settings.getConnectionProperties());
        entity.setReadOnly(settings.isReadOnly());
        entity.setPoolSize(settings.getPoolSize());
        entity.setConnectionTimeoutMs(settings.getConnectionTimeoutMs());
        entity.setQueryTimeoutSeconds(settings.getQueryTimeoutSeconds());
        entity.setMaxRows(settings.getMaxRows());
        entity.setInlineSqlAllowed(settings.isInlineSqlAllowed());
        entity.setAllowedSpaces(StoredValues.joinLines(settings.getAllowedSpaces()));
        entity.setAllowedGroups(StoredValues.joinLines(settings.getAllowedGroups()));
    }

    private Datasource toDatasource(DatasourceEntity entity) {
        DatasourceSettings settings = DatasourceSettings.builder()
                .name(entity.getName())
                .description(entity.getDescription())
                .connectionKind(ConnectionKind.parse(entity.getConnectionKind()).orElseThrow(() -> new IllegalStateException(
                        "Datasource " + entity.getID() + " has an unknown connection kind: " + entity.getConnectionKind())))
                .jdbcUrl(entity.getJdbcUrl())
                .username(entity.getUsername())
                .passwordCiphertext(entity.getPasswordCiphertext())
                .connectionProperties(entity.getConnectionProperties())
                .readOnly(entity.isReadOnly())
                .poolSize(entity.getPoolSize())
                .connectionTimeoutMs(entity.getConnectionTimeoutMs())
                .queryTimeoutSeconds(entity.getQueryTimeoutSeconds())
                .maxRows(entity.getMaxRows())
                .inlineSqlAllowed(entity.isInlineSqlAllowed())
                .allowedSpaces(StoredValues.splitLines(entity.getAllowedSpaces()))
                .allowedGroups(StoredValues.splitLines(entity.getAllowedGroups()))
                .build();
        return new Datasource(entity.getID(), settings, entity.getRevision(), Timestamps.toInstant(entity.getCreated()),
                entity.getCreatedBy(), Timestamps.toInstant(entity.getModified()), entity.getModifiedBy());
    }

    private static RuntimeException translate(RuntimeException e, String name) {
        // The check before the insert cannot see a competing transaction's row: the constraint can.
        if (!(e instanceof DuplicateNameException) && SqlFailures.isUniqueViolation(e)) {
            return new DuplicateNameException(KIND, name);
        }
        return e;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No datasource with id " + id);
    }
}
