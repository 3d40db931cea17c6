package com.sqltables.confluence.datasource;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.security.DatasourcePasswords;
import com.sqltables.confluence.datasource.security.JdbcUrlPolicy;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import com.sqltables.confluence.query.execution.ConnectionTestResult;
import com.sqltables.confluence.query.execution.ConnectionTester;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@link DatasourceService} over the stores; every change and its audit entry commit together. */
@Named
public class DefaultDatasourceService implements DatasourceService {
    static final String AUDIT_TYPE = "datasource";
    /** The saved-query tab's audit type, for queries deleted together with their datasource. */
    private static final String SAVED_QUERY_AUDIT_TYPE = "savedquery";
    /** The field of the plain password in {@link ValidationException}s. */
    public static final String PASSWORD_FIELD = "password";
    private static final int NAMES_SHOWN = 5;

    private final ActiveObjects ao;
    private final DatasourceStore store;
    private final SavedQueryStore savedQueries;
    private final AuditLogStore audit;
    private final DatasourcePasswords passwords;
    private final ConnectionTester tester;
    private final DatasourcePools pools;

    @Inject
    public DefaultDatasourceService(@ComponentImport ActiveObjects ao, DatasourceStore store, SavedQueryStore savedQueries,
                                    AuditLogStore audit, DatasourcePasswords passwords, ConnectionTester tester,
                                    DatasourcePools pools) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.store = Objects.requireNonNull(store, "store");
        this.savedQueries = Objects.requireNonNull(savedQueries, "savedQueries");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.pools = Objects.requireNonNull(pools, "pools");
    }

    @Override
    public List<DatasourceUsage> list() {
        Map<Long, Integer> counts = new HashMap<>();
        for (SavedQuery query : savedQueries.list()) {
            counts.merge(query.getSettings().getDatasourceId(), 1, Integer::sum);
        }
        List<DatasourceUsage> result = new ArrayList<>();
        for (Datasource datasource : store.list()) {
            result.add(new DatasourceUsage(datasource, counts.getOrDefault(datasource.getId(), 0),
                    pools.stats(datasource.getId()).orElse(null)));
        }
        return result;
    }

    @Override
    public Optional<Datasource> get(long id) {
        return store.get(id);
    }

    @Override
    public Datasource create(DatasourceSettings settings, String plainPassword, String actorUserKey) {
        DatasourceSettings withoutPassword = checked(settings).toBuilder().passwordCiphertext(null).build();
        return ao.executeInTransaction(() -> {
            Datasource created = store.create(withoutPassword, actorUserKey);
            if (!isEmpty(plainPassword)) {
                // The ciphertext is bound to the row's id, which exists only after the insert; the outer
                // transaction makes the row and its password appear together.
                String ciphertext = passwords.encrypt(plainPassword, created.getId());
                created = store.update(created.getId(), created.getRevision(),
                        created.getSettings().toBuilder().passwordCiphertext(ciphertext).build(), actorUserKey);
            }
            audit.append(AuditEntry.builder("datasource.create", AUDIT_TYPE)
                    .actor(actorUserKey).objectId(String.valueOf(created.getId())).objectName(created.getName())
                    .details(describe(created.getSettings()) + (isEmpty(plainPassword) ? "" : ", password set"))
                    .build());
            return created;
        });
    }

    @Override
    public Datasource update(long id, long expectedRevision, DatasourceSettings settings, String newPlainPassword,
                             String actorUserKey) {
        DatasourceSettings valid = checked(settings);
        Datasource saved = ao.executeInTransaction(() -> {
            Datasource current = store.get(id).orElseThrow(() -> notFound(id));
            requirePasswordIfRedirected(current, valid, newPlainPassword);
            String ciphertext = isEmpty(newPlainPassword)
                    ? current.getSettings().getPasswordCiphertext()
                    : passwords.encrypt(newPlainPassword, id);
            Datasource updated = store.update(id, expectedRevision, valid.toBuilder().passwordCiphertext(ciphertext).build(),
                    actorUserKey);
            List<String> changed = changedFields(current.getSettings(), updated.getSettings());
            if (!isEmpty(newPlainPassword)) {
                changed.add("password");
            }
            audit.append(AuditEntry.builder("datasource.update", AUDIT_TYPE)
                    .actor(actorUserKey).objectId(String.valueOf(id)).objectName(updated.getName())
                    .details(changed.isEmpty() ? "saved without changes" : "changed: " + String.join(", ", changed))
                    .build());
            return updated;
        });
        // After the commit: this node's next query builds a pool with the new settings at once; other
        // nodes notice the new revision within the pools' check interval.
        pools.evict(id);
        return saved;
    }

    @Override
    public void delete(long id, String actorUserKey) {
        ao.executeInTransaction(() -> {
            Datasource current = store.get(id).orElseThrow(() -> notFound(id));
            List<SavedQuery> users = savedQueries.listForDatasource(id);
            if (!users.isEmpty()) {
                String names = users.stream().limit(NAMES_SHOWN).map(q -> "'" + q.getName() + "'")
                        .collect(Collectors.joining(", "));
                throw new ConflictException("Datasource '" + current.getName() + "' is used by " + users.size()
                        + " saved " + (users.size() == 1 ? "query" : "queries") + " (" + names
                        + (users.size() > NAMES_SHOWN ? ", …" : "") + "): delete them or move them to another datasource first.");
            }
            store.delete(id);
            audit.append(AuditEntry.builder("datasource.delete", AUDIT_TYPE)
                    .actor(actorUserKey).objectId(String.valueOf(id)).objectName(current.getName())
                    .details(describe(current.getSettings())).build());
            return null;
        });
        pools.evict(id);
    }

    @Override
    public int deleteWithSavedQueries(long id, Set<Long> confirmedSavedQueryIds, String actorUserKey) {
        int deleted = ao.executeInTransaction(() -> {
            Datasource current = store.get(id).orElseThrow(() -> notFound(id));
            List<SavedQuery> users = savedQueries.listForDatasource(id);
            Set<Long> ids = users.stream().map(SavedQuery::getId).collect(Collectors.toSet());
            if (!ids.equals(confirmedSavedQueryIds)) {
                throw new ConflictException("The saved queries using datasource '" + current.getName()
                        + "' changed since the deletion was confirmed: nothing was deleted; review them and confirm again.");
            }
            for (SavedQuery query : users) {
                savedQueries.delete(query.getId());
                // The SQL stays out of the log, as with any saved-query deletion.
                audit.append(AuditEntry.builder("savedquery.delete", SAVED_QUERY_AUDIT_TYPE)
                        .actor(actorUserKey).objectId(String.valueOf(query.getId())).objectName(query.getName())
                        .details("deleted with datasource '" + current.getName() + "' (id " + id + "), revision="
                                + query.getRevision()).build());
            }
            store.delete(id);
            audit.append(AuditEntry.builder("datasource.delete", AUDIT_TYPE)
                    .actor(actorUserKey).objectId(String.valueOf(id)).objectName(current.getName())
                    .details(describe(current.getSettings()) + ", savedQueriesDeleted=" + users.size()).build());
            return users.size();
        });
        pools.evict(id);
        return deleted;
    }

    @Override
    public List<SavedQuery> savedQueriesUsing(long id) {
        return savedQueries.listForDatasource(id);
    }

    @Override
    public ConnectionCheck testConnection(DatasourceSettings settings, String plainPassword, Long existingId) {
        DatasourceSettings valid = checked(settings);
        String password = plainPassword;
        if (isEmpty(password) && existingId != null) {
            Datasource current = store.get(existingId).orElseThrow(() -> notFound(existingId));
            requirePasswordIfRedirected(current, valid, password);
            password = passwords.decrypt(current);
        }
        long started = System.nanoTime();
        ConnectionTestResult result = tester.test(valid, isEmpty(password) ? null : password);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new ConnectionCheck(result.isSuccess(), result.getFailure().map(Enum::name).orElse(null), result.getMessage(),
                result.getDatabaseProduct().orElse(null),
                valid.isReadOnly() ? result.getWriteWarning().orElse(null) : null, millis);
    }

    /**
     * The stored password is only ever sent where it was meant to go: a changed URL or database kind with
     * an empty password field would otherwise hand it to whatever host the new URL names.
     */
    private static void requirePasswordIfRedirected(Datasource current, DatasourceSettings next, String plainPassword) {
        DatasourceSettings before = current.getSettings();
        boolean redirected = !Objects.equals(before.getJdbcUrl(), next.getJdbcUrl() == null ? null : next.getJdbcUrl().trim())
                || before.getConnectionKind() != next.getConnectionKind();
        if (redirected && isEmpty(plainPassword) && !isEmpty(before.getPasswordCiphertext())) {
            throw new ValidationException(PASSWORD_FIELD, "must be entered again when the JDBC URL or database changes,"
                    + " so that the stored password is never sent to a new address");
        }
    }

    /** The URL policy runs before the store sees anything, so a dangerous URL never reaches a driver or the database. */
    private static DatasourceSettings checked(DatasourceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        JdbcUrlPolicy.validate(settings.getConnectionKind(), settings.getJdbcUrl(), settings.getConnectionProperties());
        return settings;
    }

    /** What an auditor needs to recognise the datasource; the URL is free of passwords (the store refuses them). */
    private static String describe(DatasourceSettings s) {
        return "kind=" + s.getConnectionKind() + ", url=" + s.getJdbcUrl() + ", user=" + s.getUsername()
                + ", readOnly=" + s.isReadOnly() + ", poolSize=" + s.getPoolSize() + ", maxRows=" + s.getMaxRows()
                + ", inlineSql=" + s.isInlineSqlAllowed() + ", spaces=" + s.getAllowedSpaces() + ", groups=" + s.getAllowedGroups();
    }

    private static List<String> changedFields(DatasourceSettings before, DatasourceSettings after) {
        List<String> changed = new ArrayList<>();
        addIf(changed, "name", before.getName(), after.getName());
        addIf(changed, "description", before.getDescription(), after.getDescription());
        addIf(changed, "connectionKind", before.getConnectionKind(), after.getConnectionKind());
        addIf(changed, "jdbcUrl", before.getJdbcUrl(), after.getJdbcUrl());
        addIf(changed, "username", before.getUsername(), after.getUsername());
        addIf(changed, "connectionProperties", before.getConnectionProperties(), after.getConnectionProperties());
        addIf(changed, "readOnly", before.isReadOnly(), after.isReadOnly());
        addIf(changed, "poolSize", before.getPoolSize(), after.getPoolSize());
        addIf(changed, "connectionTimeoutMs", before.getConnectionTimeoutMs(), after.getConnectionTimeoutMs());
        addIf(changed, "queryTimeoutSeconds", before.getQueryTimeoutSeconds(), after.getQueryTimeoutSeconds());
        addIf(changed, "maxRows", before.getMaxRows(), after.getMaxRows());
        addIf(changed, "inlineSqlAllowed", before.isInlineSqlAllowed(), after.isInlineSqlAllowed());
        addIf(changed, "allowedSpaces", before.getAllowedSpaces(), after.getAllowedSpaces());
        addIf(changed, "allowedGroups", before.getAllowedGroups(), after.getAllowedGroups());
        return changed;
    }

    private static void addIf(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Datasource " + id + " does not exist (any more).");
    }
}
