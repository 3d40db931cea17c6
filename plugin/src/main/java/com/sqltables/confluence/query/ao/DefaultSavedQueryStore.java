package com.sqltables.confluence.query.ao;

import static com.sqltables.confluence.query.ao.SavedQueryEntity.COLUMN_NAME_KEY;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.SqlFailures;
import com.sqltables.confluence.ao.StoredValues;
import com.sqltables.confluence.ao.Timestamps;
import com.sqltables.confluence.datasource.ao.DatasourceEntity;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import java.time.Clock;
import java.util.ArrayList;
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

/** {@link SavedQueryStore} on Active Objects. */
@Named
public class DefaultSavedQueryStore implements SavedQueryStore {
    private static final String KIND = "saved query";

    private final ActiveObjects ao;
    private final Clock clock;

    @Inject
    public DefaultSavedQueryStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultSavedQueryStore(ActiveObjects ao, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SavedQuery create(SavedQuerySettings settings, String ownerUserKey) {
        SavedQuerySettings valid = SavedQueryValidation.validate(settings);
        String nameKey = StoredValues.nameKey(valid.getName());
        try {
            return ao.executeInTransaction(() -> {
                DatasourceEntity datasource = datasource(valid.getDatasourceId());
                if (ao.count(SavedQueryEntity.class, COLUMN_NAME_KEY + " = ?", nameKey) > 0) {
                    throw new DuplicateNameException(KIND, valid.getName());
                }
                Date now = Timestamps.toDate(clock.instant());
                Map<String, Object> row = new HashMap<>();
                row.put(SavedQueryEntity.COLUMN_NAME, valid.getName());
                row.put(COLUMN_NAME_KEY, nameKey);
                row.put(SavedQueryEntity.COLUMN_DATASOURCE_ID, datasource.getID());
                row.put(SavedQueryEntity.COLUMN_SQL_TEXT, valid.getSqlText());
                row.put(SavedQueryEntity.COLUMN_DESCRIPTION, valid.getDescription());
                row.put(SavedQueryEntity.COLUMN_OWNER_USER_KEY, ownerUserKey);
                row.put(SavedQueryEntity.COLUMN_CREATED, now);
                row.put(SavedQueryEntity.COLUMN_MODIFIED, now);
                row.put(SavedQueryEntity.COLUMN_MODIFIED_BY, ownerUserKey);
                row.put(SavedQueryEntity.COLUMN_REVISION, 1L);
                row.values().removeIf(Objects::isNull);
                SavedQueryEntity entity = ao.create(SavedQueryEntity.class, row);
                insertParameters(entity, valid.getParameters());
                return toSavedQuery(entity, parametersOf(entity.getID()));
            });
        } catch (RuntimeException e) {
            throw translate(e, valid.getName());
        }
    }

    @Override
    public SavedQuery update(long id, long expectedRevision, SavedQuerySettings settings, String actorUserKey) {
        SavedQuerySettings valid = SavedQueryValidation.validate(settings);
        String nameKey = StoredValues.nameKey(valid.getName());
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            throw notFound(id);
        }
        try {
            return ao.executeInTransaction(() -> {
                SavedQueryEntity entity = lockAndReload(entityId, id);
                if (entity.getRevision() != expectedRevision) {
                    throw new ConflictException("Saved query '" + entity.getName() + "' was changed by someone else"
                            + " (now at revision " + entity.getRevision() + ", you edited revision " + expectedRevision
                            + "). Reload it and apply your changes again.");
                }
                DatasourceEntity datasource = datasource(valid.getDatasourceId());
                if (!nameKey.equals(entity.getNameKey()) && ao.count(SavedQueryEntity.class,
                        COLUMN_NAME_KEY + " = ? AND ID <> ?", nameKey, entityId) > 0) {
                    throw new DuplicateNameException(KIND, valid.getName());
                }
                entity.setName(valid.getName());
                entity.setNameKey(nameKey);
                entity.setDatasource(datasource);
                entity.setSqlText(valid.getSqlText());
                entity.setDescription(valid.getDescription());
                entity.setModified(Timestamps.toDate(clock.instant()));
                entity.setModifiedBy(actorUserKey);
                entity.setRevision(expectedRevision + 1);
                entity.save();
                ao.deleteWithSQL(QueryParamEntity.class, QueryParamEntity.COLUMN_SAVED_QUERY_ID + " = ?", entityId);
                insertParameters(entity, valid.getParameters());
                return toSavedQuery(entity, parametersOf(entityId));
            });
        } catch (RuntimeException e) {
            throw translate(e, valid.getName());
        }
    }

    @Override
    public Optional<SavedQuery> get(long id) {
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            return Optional.empty();
        }
        return ao.executeInTransaction(() -> Optional.ofNullable(ao.get(SavedQueryEntity.class, entityId))
                .map(entity -> toSavedQuery(entity, parametersOf(entityId))));
    }

    @Override
    public Optional<SavedQuery> findByName(String name) {
        if (name == null || name.trim().isEmpty()) {
            return Optional.empty();
        }
        String nameKey = StoredValues.nameKey(name.trim());
        return ao.executeInTransaction(() -> Arrays.stream(ao.find(SavedQueryEntity.class, COLUMN_NAME_KEY + " = ?", nameKey))
                .findFirst()
                .map(entity -> toSavedQuery(entity, parametersOf(entity.getID()))));
    }

    @Override
    public List<SavedQuery> list() {
        return ao.executeInTransaction(() -> withParameters(
                ao.find(SavedQueryEntity.class, Query.select().order(COLUMN_NAME_KEY + " ASC"))));
    }

    @Override
    public List<SavedQuery> listForDatasource(long datasourceId) {
        Integer entityId = StoredValues.toEntityId(datasourceId);
        if (entityId == null) {
            return List.of();
        }
        return ao.executeInTransaction(() -> withParameters(ao.find(SavedQueryEntity.class, Query.select()
                .where(SavedQueryEntity.COLUMN_DATASOURCE_ID + " = ?", entityId)
                .order(COLUMN_NAME_KEY + " ASC"))));
    }

    @Override
    public void delete(long id) {
        Integer entityId = StoredValues.toEntityId(id);
        if (entityId == null) {
            throw notFound(id);
        }
        ao.executeInTransaction(() -> {
            SavedQueryEntity entity = ao.get(SavedQueryEntity.class, entityId);
            if (entity == null) {
                throw notFound(id);
            }
            ao.deleteWithSQL(QueryParamEntity.class, QueryParamEntity.COLUMN_SAVED_QUERY_ID + " = ?", entityId);
            ao.delete(entity);
            return null;
        });
    }

    /** Row lock first, then a fresh read: see DefaultDatasourceStore#lockAndReload for why. */
    private SavedQueryEntity lockAndReload(int entityId, long id) {
        SavedQueryEntity entity = ao.get(SavedQueryEntity.class, entityId);
        if (entity == null) {
            throw notFound(id);
        }
        entity.setModified(Timestamps.toDate(clock.instant()));
        entity.save();
        SavedQueryEntity reloaded = ao.get(SavedQueryEntity.class, entityId);
        if (reloaded == null) {
            throw notFound(id);
        }
        return reloaded;
    }

    private DatasourceEntity datasource(long datasourceId) {
        Integer entityId = StoredValues.toEntityId(datasourceId);
        DatasourceEntity datasource = entityId == null ? null : ao.get(DatasourceEntity.class, entityId);
        if (datasource == null) {
            throw new ValidationException("datasourceId", "No datasource with id " + datasourceId);
        }
        return datasource;
    }

    private void insertParameters(SavedQueryEntity query, List<QueryParameter> parameters) {
        for (int position = 0; position < parameters.size(); position++) {
            QueryParameter parameter = parameters.get(position);
            Map<String, Object> row = new HashMap<>();
            row.put(QueryParamEntity.COLUMN_SAVED_QUERY_ID, query.getID());
            row.put(QueryParamEntity.COLUMN_PARAM_NAME, parameter.getName());
            row.put(QueryParamEntity.COLUMN_PARAM_TYPE, parameter.getType().name());
            row.put(QueryParamEntity.COLUMN_PARAM_REQUIRED, parameter.isRequired());
            row.put(QueryParamEntity.COLUMN_URL_SETTABLE, parameter.isUrlSettable());
            row.put(QueryParamEntity.COLUMN_PARAM_POSITION, position);
            if (parameter.getDefaultValue() != null) {
                row.put(QueryParamEntity.COLUMN_DEFAULT_VALUE, parameter.getDefaultValue());
            }
            ao.create(QueryParamEntity.class, row);
        }
    }

    private List<QueryParameter> parametersOf(int savedQueryId) {
        return Arrays.stream(ao.find(QueryParamEntity.class, Query.select()
                        .where(QueryParamEntity.COLUMN_SAVED_QUERY_ID + " = ?", savedQueryId)
                        .order(QueryParamEntity.COLUMN_PARAM_POSITION + " ASC")))
                .map(DefaultSavedQueryStore::toParameter)
                .collect(Collectors.toUnmodifiableList());
    }

    private List<SavedQuery> withParameters(SavedQueryEntity[] entities) {
        if (entities.length == 0) {
            return List.of();
        }
        // One read for all parameters instead of one per query.
        Map<Integer, List<QueryParameter>> byQuery = new HashMap<>();
        Object[] ids = Arrays.stream(entities).map(SavedQueryEntity::getID).toArray();
        for (int from = 0; from < ids.length; from += 500) {
            Object[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 500));
            for (QueryParamEntity param : ao.find(QueryParamEntity.class, Query.select()
                    .where(StoredValues.inCriteria(QueryParamEntity.COLUMN_SAVED_QUERY_ID, chunk.length), chunk)
                    .order(QueryParamEntity.COLUMN_PARAM_POSITION + " ASC"))) {
                byQuery.computeIfAbsent(param.getSavedQuery().getID(), k -> new ArrayList<>()).add(toParameter(param));
            }
        }
        return Arrays.stream(entities)
                .map(entity -> toSavedQuery(entity, byQuery.getOrDefault(entity.getID(), List.of())))
                .collect(Collectors.toUnmodifiableList());
    }

    private static QueryParameter toParameter(QueryParamEntity entity) {
        ParameterType type = ParameterType.parse(entity.getParamType()).orElseThrow(() -> new IllegalStateException(
                "Query parameter " + entity.getID() + " has an unknown type: " + entity.getParamType()));
        return new QueryParameter(entity.getParamName(), type, entity.getDefaultValue(), entity.isParamRequired(),
                entity.isUrlSettable());
    }

    private static SavedQuery toSavedQuery(SavedQueryEntity entity, List<QueryParameter> parameters) {
        SavedQuerySettings settings = new SavedQuerySettings(entity.getName(), entity.getDatasource().getID(),
                entity.getSqlText(), entity.getDescription(), parameters);
        return new SavedQuery(entity.getID(), settings, entity.getOwnerUserKey(), entity.getRevision(),
                Timestamps.toInstant(entity.getCreated()), Timestamps.toInstant(entity.getModified()),
                entity.getModifiedBy());
    }

    private static RuntimeException translate(RuntimeException e, String name) {
        if (!(e instanceof ValidationException) && SqlFailures.isUniqueViolation(e)) {
            return new DuplicateNameException(KIND, name);
        }
        if (!(e instanceof ValidationException) && SqlFailures.isForeignKeyViolation(e)) {
            // The datasource was deleted by another transaction after the check.
            return new ValidationException("datasourceId", "The datasource was deleted meanwhile");
        }
        return e;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No saved query with id " + id);
    }
}
