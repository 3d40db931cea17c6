package com.sqltables.host.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsModuleMetaData;
import com.atlassian.activeobjects.external.FailedFastCountException;
import com.atlassian.sal.api.transaction.TransactionCallback;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import net.java.ao.ActiveObjectsException;
import net.java.ao.DBParam;
import net.java.ao.DatabaseProvider;
import net.java.ao.DefaultPolymorphicTypeMapper;
import net.java.ao.DisposableDataSource;
import net.java.ao.EntityManager;
import net.java.ao.EntityManagerConfiguration;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.SchemaConfiguration;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.DelegatingDisposableDataSourceHandler;
import net.java.ao.builder.SimpleNameConverters;
import net.java.ao.schema.NameConverters;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;
import net.java.ao.schema.info.EntityInfoResolverFactory;

/**
 * The {@link ActiveObjects} service of one plugin namespace, on the real Active Objects ORM, set up the
 * way Confluence's AO plugin sets it up: Atlassian name converters, the namespace's {@code AO_xxxxxx_}
 * table prefix, only tables with that prefix managed by {@link #migrate}, and
 * {@link #executeInTransaction} as a real JDBC transaction (READ COMMITTED, like Confluence) that nested
 * calls join.
 *
 * <p>Build one with {@link #builder()}; {@link #close()} releases the connection pool it created.
 * Thread-safe.
 */
public final class HostActiveObjects implements ActiveObjects, AutoCloseable {
    private final EntityManager entityManager;
    private final Transactions transactions;
    private final DatabaseKind databaseKind;
    private final String tablePrefix;
    private final String namespace;

    private HostActiveObjects(EntityManager entityManager, int isolationLevel, DatabaseKind databaseKind,
                              String namespace, String tablePrefix) {
        this.entityManager = entityManager;
        this.transactions = new Transactions(entityManager, isolationLevel);
        this.databaseKind = databaseKind;
        this.namespace = namespace;
        this.tablePrefix = tablePrefix;
    }

    /** @return a builder; set a namespace and either a JDBC URL or a DataSource */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the namespace whose tables this instance manages */
    public String namespace() {
        return namespace;
    }

    /** @return the table prefix without separator, e.g. {@code AO_8A1F3C} */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** @return the table name the given entity maps to */
    public String tableName(Class<? extends RawEntity<?>> entityType) {
        return entityManager.getNameConverters().getTableNameConverter().getName(entityType);
    }

    /** @return the kind of database behind this instance */
    public DatabaseKind databaseKind() {
        return databaseKind;
    }

    /** @return whether the current thread is inside {@link #executeInTransaction} of this instance */
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    /** Releases the connection pool this instance created; a DataSource passed in is left open. */
    @Override
    public void close() {
        entityManager.getProvider().dispose();
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        try {
            entityManager.setPolymorphicTypeMapper(new DefaultPolymorphicTypeMapper(entities));
            entityManager.migrate(entities);
        } catch (SQLException e) {
            throw wrap("migrate", e);
        }
    }

    /**
     * Like the host's: drops columns and tables of this namespace that the entities no longer declare.
     * Plugins must never call it at run time; it exists for tests and tools.
     */
    @Override
    @SafeVarargs
    public final void migrateDestructively(Class<? extends RawEntity<?>>... entities) {
        try {
            entityManager.setPolymorphicTypeMapper(new DefaultPolymorphicTypeMapper(entities));
            entityManager.migrateDestructively(entities);
        } catch (SQLException e) {
            throw wrap("migrateDestructively", e);
        }
    }

    @Override
    public void flushAll() {
        entityManager.flushAll();
    }

    @Override
    public void flush(RawEntity<?>... entities) {
        entityManager.flush(entities);
    }

    @Override
    @SafeVarargs
    public final <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys) {
        try {
            return entityManager.get(type, keys);
        } catch (SQLException e) {
            throw wrap("get", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        try {
            return entityManager.get(type, key);
        } catch (SQLException e) {
            throw wrap("get", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        try {
            return entityManager.create(type, params);
        } catch (SQLException e) {
            throw wrap("create", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        try {
            return entityManager.create(type, params);
        } catch (SQLException e) {
            throw wrap("create", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows) {
        try {
            entityManager.create(type, rows);
        } catch (SQLException e) {
            throw wrap("create", e);
        }
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        try {
            entityManager.delete(entities);
        } catch (SQLException e) {
            throw wrap("delete", e);
        }
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        try {
            return entityManager.deleteWithSQL(type, criteria, parameters);
        } catch (SQLException e) {
            throw wrap("deleteWithSQL", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        try {
            return entityManager.find(type);
        } catch (SQLException e) {
            throw wrap("find", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        try {
            return entityManager.find(type, criteria, parameters);
        } catch (SQLException e) {
            throw wrap("find", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        try {
            return entityManager.find(type, query);
        } catch (SQLException e) {
            throw wrap("find", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query) {
        try {
            return entityManager.find(type, field, query);
        } catch (SQLException e) {
            throw wrap("find", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql, Object... parameters) {
        try {
            return entityManager.findWithSQL(type, keyField, sql, parameters);
        } catch (SQLException e) {
            throw wrap("findWithSQL", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback) {
        try {
            entityManager.stream(type, streamCallback);
        } catch (SQLException e) {
            throw wrap("stream", e);
        }
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback) {
        try {
            entityManager.stream(type, query, streamCallback);
        } catch (SQLException e) {
            throw wrap("stream", e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        try {
            return entityManager.count(type);
        } catch (SQLException e) {
            throw wrap("count", e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        try {
            return entityManager.count(type, criteria, parameters);
        } catch (SQLException e) {
            throw wrap("count", e);
        }
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        try {
            return entityManager.count(type, query);
        } catch (SQLException e) {
            throw wrap("count", e);
        }
    }

    /** The ORM version here has no estimator, so the "estimate" is the exact count. */
    @Override
    public <K> int getFastCountEstimate(Class<? extends RawEntity<K>> type) throws SQLException, FailedFastCountException {
        return entityManager.count(type);
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        return transactions.execute(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public ActiveObjectsModuleMetaData moduleMetaData() {
        return new HostModuleMetaData(entityManager);
    }

    private static ActiveObjectsException wrap(String operation, SQLException e) {
        // Keeps the SQLException as cause: callers detect constraint violations by its SQLState.
        return new ActiveObjectsException(operation + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }

    /**
     * Builds a {@link HostActiveObjects}. Required: {@link #namespace(String)} and one of
     * {@link #jdbc(String, String, String)} or {@link #dataSource(DataSource)}.
     */
    public static final class Builder {
        private String namespace;
        private String jdbcUrl;
        private String username;
        private String password;
        private DataSource dataSource;
        private String schema;
        private boolean schemaSet;
        private int isolationLevel = Connection.TRANSACTION_READ_COMMITTED;
        private int maximumPoolSize = 10;

        private Builder() {
        }

        /** The AO namespace (in Confluence: the {@code <ao namespace>}, else the plugin key). */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * Connects through a pool this instance creates and closes. For {@code jdbc:mariadb:} URLs the
         * option {@code nullDatabaseMeansCurrent=true} is added when absent, as Active Objects needs it.
         */
        public Builder jdbc(String jdbcUrl, String username, String password) {
            this.jdbcUrl = jdbcUrl;
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * Uses a DataSource the caller owns (and closes). For MariaDB its URL must set
         * {@code nullDatabaseMeansCurrent=true}.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Overrides the schema ({@code PUBLIC} on H2, {@code public} on PostgreSQL, none on MySQL). */
        public Builder schema(String schema) {
            this.schema = schema;
            this.schemaSet = true;
            return this;
        }

        /** Isolation of {@code executeInTransaction}; default READ COMMITTED, what Confluence requires. */
        public Builder isolationLevel(int isolationLevel) {
            this.isolationLevel = isolationLevel;
            return this;
        }

        /** Size of the pool created for {@link #jdbc}; default 10. */
        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /**
         * @return a ready instance; the database is contacted once to check the connection
         * @throws IllegalArgumentException if the configuration is incomplete or the database unsupported
         * @throws ActiveObjectsException if the database cannot be reached
         */
        public HostActiveObjects build() {
            if (namespace == null || namespace.trim().isEmpty()) {
                throw new IllegalArgumentException("namespace is required");
            }
            if ((jdbcUrl == null) == (dataSource == null)) {
                throw new IllegalArgumentException("Set exactly one of jdbc(url, user, password) or dataSource(dataSource)");
            }
            if (maximumPoolSize < 1) {
                throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
            }
            if (isolationLevel != Connection.TRANSACTION_READ_COMMITTED
                    && isolationLevel != Connection.TRANSACTION_REPEATABLE_READ
                    && isolationLevel != Connection.TRANSACTION_SERIALIZABLE) {
                throw new IllegalArgumentException("isolationLevel must be READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE");
            }
            DataSource source;
            DisposableDataSource disposable;
            DatabaseKind kind;
            if (jdbcUrl != null) {
                kind = DatabaseKind.fromJdbcUrl(jdbcUrl);
                HikariDataSource pool = newPool(JdbcUrls.withMariaDbCurrentDatabaseOption(jdbcUrl));
                source = pool;
                disposable = DelegatingDisposableDataSourceHandler.newInstance(pool, pool::close);
            } else {
                source = dataSource;
                kind = detectKind(dataSource);
                disposable = DelegatingDisposableDataSourceHandler.newInstance(dataSource, () -> { });
            }
            try {
                String prefix = AoTableNames.tablePrefix(namespace);
                DatabaseProvider provider = kind.newProvider(disposable, schemaSet ? schema : kind.defaultSchema());
                EntityManager entityManager = new EntityManager(provider, new Configuration(prefix));
                return new HostActiveObjects(entityManager, isolationLevel, kind, namespace, prefix);
            } catch (RuntimeException e) {
                if (source != dataSource) {
                    disposable.dispose();
                }
                throw e;
            }
        }

        private HikariDataSource newPool(String url) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("activeobjects-" + AoTableNames.tablePrefix(namespace).toLowerCase(Locale.ENGLISH));
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setMinimumIdle(Math.min(2, maximumPoolSize));
            config.setAutoCommit(true);
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new ActiveObjectsException("Cannot connect to " + JdbcUrls.withoutCredentials(url) + ": " + e.getMessage(), e);
            }
        }

        private static DatabaseKind detectKind(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                return DatabaseKind.fromProductName(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new ActiveObjectsException("Cannot connect to the DataSource: " + e.getMessage(), e);
            }
        }
    }

    /** Confluence's entity-manager configuration: Atlassian converters, prefix-scoped schema management. */
    private static final class Configuration implements EntityManagerConfiguration {
        private final NameConverters nameConverters;
        private final SchemaConfiguration schemaConfiguration;
        private final EntityInfoResolverFactory entityInfoResolverFactory = new CachingEntityInfoResolverFactory();

        Configuration(String prefix) {
            this.nameConverters = new SimpleNameConverters(
                    new AtlassianTableNameConverter(name -> prefix + "_" + name),
                    new AtlassianFieldNameConverter(),
                    new AtlassianSequenceNameConverter(),
                    new AtlassianTriggerNameConverter(),
                    new AtlassianIndexNameConverter(),
                    new AtlassianUniqueNameConverter());
            String managedPrefix = (prefix + "_").toLowerCase(Locale.ENGLISH);
            // Like the host: migrate() only ever looks at, alters or drops this namespace's tables.
            this.schemaConfiguration = (tableName, caseSensitive) -> tableName != null
                    && (caseSensitive ? tableName.startsWith(prefix + "_") : tableName.toLowerCase(Locale.ENGLISH).startsWith(managedPrefix));
        }

        @Override
        @Deprecated
        public boolean useWeakCache() {
            return true;
        }

        @Override
        public NameConverters getNameConverters() {
            return nameConverters;
        }

        @Override
        public SchemaConfiguration getSchemaConfiguration() {
            return schemaConfiguration;
        }

        @Override
        public EntityInfoResolverFactory getEntityInfoResolverFactory() {
            return entityInfoResolverFactory;
        }
    }
}
