package com.sqltables.confluence.admin;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.SavedQueryStore;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Administrators' changes to saved queries: each change and its audit entry commit together. Validation,
 * name uniqueness and stale-revision checks are the store's (its exceptions pass through unchanged).
 */
@Named
public class SavedQueryAdmin {
    /** The largest SQL text a saved query may hold, in characters (the store refuses more). */
    public static final int MAX_SQL_LENGTH = 100_000;
    static final String AUDIT_TYPE = "savedquery";

    private final ActiveObjects ao;
    private final SavedQueryStore store;
    private final AuditLogStore audit;
    private final SavedQueryRenderCounts renders;

    @Inject
    public SavedQueryAdmin(@ComponentImport ActiveObjects ao, SavedQueryStore store, AuditLogStore audit,
                           SavedQueryRenderCounts renders) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.renders = Objects.requireNonNull(renders, "renders");
    }

    /** @return saved query id → renders this and last month, all nodes (see {@link SavedQueryRenderCounts}) */
    public Map<Long, Long> renderCounts() {
        return renders.thisAndLastMonth();
    }

    /** @return all saved queries, by name */
    public List<SavedQuery> list() {
        return store.list();
    }

    public SavedQuery get(long id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("Saved query " + id + " does not exist (any more)."));
    }

    public SavedQuery create(SavedQuerySettings settings, String actorUserKey) {
        return ao.executeInTransaction(() -> {
            SavedQuery created = store.create(settings, actorUserKey);
            audit.append(entry("savedquery.create", created, actorUserKey));
            return created;
        });
    }

    public SavedQuery update(long id, long expectedRevision, SavedQuerySettings settings, String actorUserKey) {
        return ao.executeInTransaction(() -> {
            SavedQuery updated = store.update(id, expectedRevision, settings, actorUserKey);
            audit.append(entry("savedquery.update", updated, actorUserKey));
            return updated;
        });
    }

    public void delete(long id, String actorUserKey) {
        ao.executeInTransaction(() -> {
            SavedQuery current = get(id);
            store.delete(id);
            audit.append(entry("savedquery.delete", current, actorUserKey));
            return null;
        });
    }

    /** Describes the query without its SQL, which may be long and may hold literals nobody meant for a log. */
    private static AuditEntry entry(String action, SavedQuery query, String actor) {
        SavedQuerySettings s = query.getSettings();
        String parameters = s.getParameters().stream().map(QueryParameter::getName).collect(Collectors.joining(", "));
        return AuditEntry.builder(action, AUDIT_TYPE).actor(actor).objectId(String.valueOf(query.getId()))
                .objectName(query.getName())
                .details("datasource=" + s.getDatasourceId() + ", sql=" + s.getSqlText().length() + " characters"
                        + ", parameters=[" + parameters + "], revision=" + query.getRevision())
                .build();
    }
}
