package com.sqltables.devhost.services.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsModuleMetaData;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.FailedFastCountException;
import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.sal.api.transaction.TransactionCallback;
import com.sqltables.devhost.services.HostTables;
import com.sqltables.host.ao.HostActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The plugin's {@link ActiveObjects}, initialised the way Confluence's AO plugin does it: only after the plugin
 * is enabled, on a background thread; then the upgrade tasks of the {@code <ao>} module run in model-version
 * order (the version reached is stored per namespace, under a database row lock so that two nodes never
 * upgrade at once), then the module's entities are migrated. Calls wait for the initialisation; a call made
 * while the plugin is still starting fails at once with an explanation, where Confluence would hang until
 * its timeout.
 */
public final class DevActiveObjects implements ActiveObjects, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevActiveObjects.class);
    /** How long a call waits for initialisation, as the AO plugin's own timeout. */
    private static final long INIT_TIMEOUT_SECONDS = 60;

    private final String pluginKey;
    private final DataSource database;
    private final String namespace;
    private final List<Class<? extends RawEntity<?>>> entities;
    private final Supplier<List<ActiveObjectsUpgradeTask>> upgradeTasks;
    private final Executor initExecutor;
    private volatile CompletableFuture<HostActiveObjects> initialised;

    /**
     * @param namespace    the {@code <ao namespace>}, else the plugin key; null when the plugin has no {@code <ao>} module
     * @param upgradeTasks creates the module's upgrade tasks (autowired by the plugin's container) when AO starts
     */
    public DevActiveObjects(String pluginKey, DataSource database, String namespace,
                            List<Class<? extends RawEntity<?>>> entities,
                            Supplier<List<ActiveObjectsUpgradeTask>> upgradeTasks, Executor initExecutor) {
        this.pluginKey = pluginKey;
        this.database = database;
        this.namespace = namespace;
        this.entities = List.copyOf(entities);
        this.upgradeTasks = upgradeTasks;
        this.initExecutor = initExecutor;
    }

    /** Called once the plugin is enabled: starts the initialisation in the background. */
    public synchronized void pluginEnabled() {
        if (initialised == null && namespace != null) {
            initialised = CompletableFuture.supplyAsync(this::initialise, initExecutor);
        }
    }

    /** @return whether initialisation has started (the plugin is enabled) */
    public boolean started() {
        return initialised != null;
    }

    private HostActiveObjects initialise() {
        HostActiveObjects ao = HostActiveObjects.builder().namespace(namespace).dataSource(database).build();
        try {
            upgradeAndMigrate(ao);
            log.info("Active Objects of plugin {} ready (namespace {}, tables {}_*)", pluginKey, namespace, ao.tablePrefix());
            return ao;
        } catch (RuntimeException | SQLException e) {
            ao.close();
            log.error("Active Objects of plugin {} failed to initialise", pluginKey, e);
            throw new IllegalStateException("Active Objects of plugin " + pluginKey + " failed to initialise: " + e.getMessage(), e);
        }
    }

    private void upgradeAndMigrate(HostActiveObjects ao) throws SQLException {
        try (Connection lock = database.getConnection()) {
            insertModelRowIfAbsent(lock);
            lock.setAutoCommit(false);
            try {
                ModelVersion current = lockModelVersion(lock);
                List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>(upgradeTasks.get());
                tasks.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
                for (ActiveObjectsUpgradeTask task : tasks) {
                    ModelVersion target = task.getModelVersion();
                    if (!target.isNewerThan(current)) {
                        continue;
                    }
                    log.info("Upgrading Active Objects of {} from model version {} to {} with {}", pluginKey, current, target,
                            task.getClass().getName());
                    try {
                        task.upgrade(current, ao);
                    } catch (RuntimeException e) {
                        lock.commit();
                        throw new IllegalStateException("Upgrade task " + task.getClass().getName() + " (model version " + target
                                + ") failed: " + e.getMessage(), e);
                    }
                    current = target;
                    storeModelVersion(lock, current);
                }
                ao.migrate(entityArray());
                lock.commit();
            } catch (SQLException | RuntimeException e) {
                lock.rollback();
                throw e;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic arrays cannot be created otherwise
    private Class<? extends RawEntity<?>>[] entityArray() {
        return entities.toArray(new Class[0]);
    }

    private void insertModelRowIfAbsent(Connection connection) throws SQLException {
        HostTables.insertIfAbsent(connection, HostTables.AO_MODEL, "NAMESPACE", namespace, "MODEL_VERSION", "0");
    }

    private ModelVersion lockModelVersion(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MODEL_VERSION FROM " + HostTables.AO_MODEL + " WHERE NAMESPACE = ? FOR UPDATE")) {
            select.setString(1, namespace);
            try (ResultSet row = select.executeQuery()) {
                return ModelVersion.valueOf(row.next() ? row.getString(1) : "0");
            }
        }
    }

    private void storeModelVersion(Connection connection, ModelVersion version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + HostTables.AO_MODEL + " SET MODEL_VERSION = ? WHERE NAMESPACE = ?")) {
            update.setString(1, version.toString());
            update.setString(2, namespace);
            update.executeUpdate();
        }
    }

    /** @return the stored model version of this plugin's namespace ("0" when never upgraded) */
    public ModelVersion storedModelVersion() {
        if (namespace == null) {
            return ModelVersion.valueOf("0");
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MODEL_VERSION FROM " + HostTables.AO_MODEL + " WHERE NAMESPACE = ?")) {
            select.setString(1, namespace);
            try (ResultSet row = select.executeQuery()) {
                return ModelVersion.valueOf(row.next() ? row.getString(1) : "0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the AO model version: " + e.getMessage(), e);
        }
    }

    private HostActiveObjects delegate() {
        if (namespace == null) {
            throw new IllegalStateException("Plugin " + pluginKey + " uses ActiveObjects but its atlassian-plugin.xml declares no"
                    + " <ao> module: Confluence's AO plugin only serves plugins with an <ao> module listing their entities");
        }
        CompletableFuture<HostActiveObjects> future = initialised;
        if (future == null) {
            throw new IllegalStateException("ActiveObjects of plugin " + pluginKey + " was used while the plugin was still"
                    + " starting (e.g. from a component constructor or afterPropertiesSet). Confluence initialises Active"
                    + " Objects only after the plugin is enabled, so this call would block until it timed out and the"
                    + " plugin would fail to enable. Use ActiveObjects lazily (on the first request or job run).");
        }
        try {
            return future.get(INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Active Objects", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Active Objects of plugin " + pluginKey + " did not initialise within "
                    + INIT_TIMEOUT_SECONDS + " s", e);
        }
    }

    @Override
    public void close() {
        CompletableFuture<HostActiveObjects> future = initialised;
        if (future != null) {
            future.thenAccept(HostActiveObjects::close);
        }
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs") // passed through unchanged to the ORM
    public final void migrate(Class<? extends RawEntity<?>>... types) {
        delegate().migrate(types);
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs") // passed through unchanged to the ORM
    public final void migrateDestructively(Class<? extends RawEntity<?>>... types) {
        delegate().migrateDestructively(types);
    }

    @Override
    public void flushAll() {
        delegate().flushAll();
    }

    @Override
    public void flush(RawEntity<?>... entities) {
        delegate().flush(entities);
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs") // passed through unchanged to the ORM
    public final <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys) {
        return delegate().get(type, keys);
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return delegate().get(type, key);
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        return delegate().create(type, params);
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        return delegate().create(type, params);
    }

    @Override
    public <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows) {
        delegate().create(type, rows);
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        delegate().delete(entities);
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return delegate().deleteWithSQL(type, criteria, parameters);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        return delegate().find(type);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return delegate().find(type, criteria, parameters);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return delegate().find(type, query);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query) {
        return delegate().find(type, field, query);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql, Object... parameters) {
        return delegate().findWithSQL(type, keyField, sql, parameters);
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback) {
        delegate().stream(type, streamCallback);
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback) {
        delegate().stream(type, query, streamCallback);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        return delegate().count(type);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return delegate().count(type, criteria, parameters);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return delegate().count(type, query);
    }

    @Override
    public <K> int getFastCountEstimate(Class<? extends RawEntity<K>> type) throws SQLException, FailedFastCountException {
        return delegate().getFastCountEstimate(type);
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        return delegate().executeInTransaction(Objects.requireNonNull(callback, "callback"));
    }

    /** Metadata is available at any time; it reports not-initialised until the background start has finished. */
    @Override
    public ActiveObjectsModuleMetaData moduleMetaData() {
        return new ActiveObjectsModuleMetaData() {
            @Override
            public void awaitInitialization() throws ExecutionException, InterruptedException {
                CompletableFuture<HostActiveObjects> future = initialised;
                if (future == null) {
                    throw new IllegalStateException("Active Objects of " + pluginKey + " starts only after the plugin is enabled");
                }
                future.get();
            }

            @Override
            public void awaitInitialization(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
                CompletableFuture<HostActiveObjects> future = initialised;
                if (future == null) {
                    throw new IllegalStateException("Active Objects of " + pluginKey + " starts only after the plugin is enabled");
                }
                future.get(timeout, unit);
            }

            @Override
            public boolean isInitialized() {
                CompletableFuture<HostActiveObjects> future = initialised;
                return future != null && future.isDone() && !future.isCompletedExceptionally();
            }

            @Override
            public boolean isDataSourcePresent() {
                return true;
            }

            @Override
            public boolean isTablePresent(Class<? extends RawEntity<?>> type) {
                return delegate().moduleMetaData().isTablePresent(type);
            }
        };
    }
}
