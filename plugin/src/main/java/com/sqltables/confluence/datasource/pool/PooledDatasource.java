package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection pool of one revision of one datasource on this node. Built by {@link DatasourcePools},
 * which replaces it when the datasource changes; connections come out with auto-commit off and, for a
 * read-only datasource, read-only (see {@link ReadOnlySupport}).
 */
public final class PooledDatasource {
    /** Idle connections are closed after this long, so an unused pool holds no connection. */
    static final long IDLE_TIMEOUT_MS = 60_000;
    private static final long MAX_VALIDATION_TIMEOUT_MS = 5_000;
    /** HikariCP refuses shorter connection and validation timeouts. */
    private static final long MIN_TIMEOUT_MS = 250;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Datasource datasource;
    private final DriverConnectionSource source;
    private final HikariDataSource hikari;
    private final String poolName;
    private volatile long lastCheckedNanos;
    private volatile long lastUsedNanos;
    private volatile boolean retired;

    private PooledDatasource(Datasource datasource, DriverConnectionSource source, HikariDataSource hikari,
                             String poolName, long nowNanos) {
        this.datasource = datasource;
        this.source = source;
        this.hikari = hikari;
        this.poolName = poolName;
        this.lastCheckedNanos = nowNanos;
        this.lastUsedNanos = nowNanos;
    }

    /**
     * Builds the pool without opening a connection: the first one is opened on first use, so a
     * database that is down delays nothing but the queries that need it.
     */
    static PooledDatasource open(Datasource datasource, String plainPassword, long nowNanos) {
        DatasourceSettings settings = datasource.getSettings();
        boolean readOnly = settings.isReadOnly();
        DriverConnectionSource source = DriverConnectionSource.create(settings.getConnectionKind(),
                settings.getJdbcUrl(), settings.getUsername(), plainPassword, settings.getConnectionProperties(),
                readOnly, settings.getConnectionTimeoutMs());
        // Names identify the datasource and its revision, never its URL or user.
        String poolName = "sql-tables-datasource-" + datasource.getId() + "-r" + datasource.getRevision();
        long connectionTimeout = Math.max(MIN_TIMEOUT_MS, settings.getConnectionTimeoutMs());

        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setDataSource(source);
        config.setMaximumPoolSize(Math.max(1, settings.getPoolSize()));
        config.setMinimumIdle(0);
        config.setIdleTimeout(IDLE_TIMEOUT_MS);
        config.setConnectionTimeout(connectionTimeout);
        config.setValidationTimeout(Math.min(MAX_VALIDATION_TIMEOUT_MS, connectionTimeout));
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        if (readOnly) {
            config.setConnectionInitSql(ReadOnlySupport.of(source.getFamily()).getSessionSql());
        }
        // Commits the session SQL above at once; otherwise our first rollback would undo it.
        config.setIsolateInternalQueries(true);
        config.setRegisterMbeans(false);
        config.setThreadFactory(threadFactory(poolName));
        return new PooledDatasource(datasource, source, new HikariDataSource(config), poolName, nowNanos);
    }

    private static ThreadFactory threadFactory(String poolName) {
        ClassLoader loader = JdbcDrivers.pluginClassLoader();
        return task -> {
            Thread thread = new Thread(task, poolName + "-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }

    /** @return the datasource as stored when this pool was built: the settings the pool runs with */
    public Datasource getDatasource() {
        return datasource;
    }

    public long getDatasourceId() {
        return datasource.getId();
    }

    public long getRevision() {
        return datasource.getRevision();
    }

    public ConnectionKind getConnectionKind() {
        return datasource.getSettings().getConnectionKind();
    }

    public JdbcDriverFamily getFamily() {
        return source.getFamily();
    }

    /** @return e.g. {@code sql-tables-datasource-42-r3}; never contains a URL, user or password */
    public String getPoolName() {
        return poolName;
    }

    /**
     * Lends a connection; the caller closes it (try-with-resources) to give it back.
     *
     * @throws SQLException from HikariCP when no connection is free within the connection timeout
     *     (a {@link java.sql.SQLTransientConnectionException} whose cause, if any, is the last failure to
     *     connect), or when this pool was retired meanwhile
     */
    public Connection getConnection() throws SQLException {
        return hikari.getConnection();
    }

    /** @return the connections of this pool right now */
    public PoolStats stats() {
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        int maximum = hikari.getMaximumPoolSize();
        if (bean == null) {
            return new PoolStats(0, 0, 0, 0, maximum);
        }
        return new PoolStats(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection(), maximum);
    }

    /** @return the text with this datasource's password and anything secret-looking masked */
    public String mask(String text) {
        return source.mask(text);
    }

    /** @return the JDBC URL with secrets masked */
    public String getMaskedUrl() {
        return source.maskedUrl();
    }

    /** @return whether the pool was replaced or closed; a retired pool lends no new connections soon */
    public boolean isRetired() {
        return retired;
    }

    boolean isClosed() {
        return hikari.isClosed();
    }

    long getLastCheckedNanos() {
        return lastCheckedNanos;
    }

    void markChecked(long nowNanos) {
        lastCheckedNanos = nowNanos;
    }

    long getLastUsedNanos() {
        return lastUsedNanos;
    }

    void markUsed(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    /** Stops new work: closes idle connections now; lent ones close as they come back. */
    void retire() {
        retired = true;
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    /** Closes the pool; connections still lent out are aborted. */
    void close() {
        retired = true;
        hikari.close();
    }

    @Override
    public String toString() {
        return poolName;
    }
}
